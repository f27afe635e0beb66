// Lambda's Invoke through the real SDKs: a function on the canvas (the AWS SDK for
// JavaScript v3's @aws-sdk/client-lambda from the runtime folder, or Debian's boto3)
// calls the function its `calls` connection names in <FUNCTION>_FUNCTION_NAME,
// synchronously (its answer, or its error with X-Amz-Function-Error), asynchronously
// (202, then Lambda's destinations) and as a dry run; an unknown function, an oversized
// asynchronous payload and an operation the cloud does not serve answer as Lambda does.

#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kWorker = R"(
exports.handler = async (event) => {
    if (event.fail)
        throw new Error("nope");
    return { doubled: event.n * 2 };
};
)";

const QByteArray kNodeCaller = R"(
const { LambdaClient, InvokeCommand, GetFunctionCommand } = require("@aws-sdk/client-lambda");
const lambda = new LambdaClient({});
const decode = (payload) => JSON.parse(Buffer.from(payload).toString());

exports.handler = async () => {
    const name = process.env.WORKER_FUNCTION_NAME;
    const out = {};
    const sync = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ n: 21 }) }));
    out.sync = { status: sync.StatusCode, version: sync.ExecutedVersion, payload: decode(sync.Payload) };
    const failed = await lambda.send(new InvokeCommand({
        FunctionName: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
        Payload: JSON.stringify({ fail: true }) }));
    out.failed = { status: failed.StatusCode, functionError: failed.FunctionError, payload: decode(failed.Payload) };
    const queued = await lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: "Event",
                                                         Payload: JSON.stringify({ n: 1 }) }));
    out.event = { status: queued.StatusCode };
    const dry = await lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: "DryRun" }));
    out.dry = { status: dry.StatusCode };
    const refused = async (command) => {
        try {
            await lambda.send(command);
            return { refused: false };
        } catch (error) {
            return { name: error.name, status: error.$metadata.httpStatusCode };
        }
    };
    out.missing = await refused(new InvokeCommand({ FunctionName: "missing" }));
    out.big = await refused(new InvokeCommand({ FunctionName: name, InvocationType: "Event",
                                                Payload: JSON.stringify({ big: "x".repeat(300 * 1024) }) }));
    out.other = await refused(new GetFunctionCommand({ FunctionName: name }));
    return out;
};
)";

const QByteArray kPythonCaller = R"(
import json
import os

import boto3
from botocore.exceptions import ClientError

lam = boto3.client("lambda")


def refused(call):
    try:
        call()
        return {"refused": False}
    except ClientError as error:
        return {"name": error.response["Error"]["Code"],
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}


def handler(event, context):
    name = os.environ["WORKER_FUNCTION_NAME"]
    out = {}
    sync = lam.invoke(FunctionName=name, Payload=json.dumps({"n": 21}))
    out["sync"] = {"status": sync["StatusCode"], "version": sync.get("ExecutedVersion"),
                   "payload": json.loads(sync["Payload"].read())}
    failed = lam.invoke(FunctionName="arn:aws:lambda:us-east-1:000000000000:function:" + name,
                        Payload=json.dumps({"fail": True}))
    out["failed"] = {"status": failed["StatusCode"], "functionError": failed.get("FunctionError"),
                     "payload": json.loads(failed["Payload"].read())}
    queued = lam.invoke(FunctionName=name, InvocationType="Event", Payload=json.dumps({"n": 1}))
    out["event"] = {"status": queued["StatusCode"]}
    dry = lam.invoke(FunctionName=name, InvocationType="DryRun")
    out["dry"] = {"status": dry["StatusCode"]}
    out["missing"] = refused(lambda: lam.invoke(FunctionName="missing"))
    out["big"] = refused(lambda: lam.invoke(FunctionName=name, InvocationType="Event",
                                            Payload=json.dumps({"big": "x" * (300 * 1024)})))
    out["other"] = refused(lambda: lam.get_function(FunctionName=name))
    return out
)";

} // namespace

class TestLambdaSdk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void invoke_data();
    void invoke();

private:
    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestLambdaSdk::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestLambdaSdk::cleanup()
{
    f.reset();
}

void TestLambdaSdk::invoke_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("JavaScript v3") << u"node"_s;
    QTest::newRow("boto3") << u"python"_s;
}

void TestLambdaSdk::invoke()
{
    QFETCH(QString, language);
    NodeId caller = kInvalidNodeId;
    if (language == "node"_L1) {
        caller = f->addFunction(u"caller"_s, kNodeCaller);
    } else {
        caller = f->project.addNode(u"function"_s, {}, u"caller"_s).valueOr(kInvalidNodeId);
        QVERIFY(f->project.setNodeProperty(caller, u"runtime"_s, u"python3.11"_s));
        QVERIFY(f->project.setNodeProperty(caller, u"handler"_s, u"app.handler"_s));
        QDir().mkpath(f->folder.filePath(u"functions/caller"_s));
        QFile file(f->folder.filePath(u"functions/caller/app.py"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPythonCaller);
    }
    QVERIFY(f->project.setNodeProperty(caller, u"timeout"_s, 60));
    const NodeId worker = f->addFunction(u"worker"_s, kWorker);
    const Result<EdgeId> calls = f->project.connectNodes(caller, worker, u"calls"_s);
    QVERIFY(calls);
    QVERIFY(f->project.connectNodes(worker, f->project.addNode(u"queue"_s, {}, u"done"_s).valueOr(kInvalidNodeId),
                                    u"on-success"_s));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));

    std::optional<InvocationResult> result;
    QVERIFY(f->cloud->invoke(u"caller"_s, "{}", u"test"_s, 0, [&](const InvocationResult &r) { result = r; }));
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 120000));
    QVERIFY2(result->ok, QJsonDocument(result->error).toJson().constData());
    const QJsonObject out = QJsonDocument::fromJson(result->resultJson).object();

    QCOMPARE(out["sync"]["status"].toInt(), 200);
    QCOMPARE(out["sync"]["version"].toString(), u"$LATEST"_s);
    QCOMPARE(out["sync"]["payload"].toObject(), (QJsonObject{{u"doubled"_s, 42}}));
    QCOMPARE(out["failed"]["status"].toInt(), 200);
    QCOMPARE(out["failed"]["functionError"].toString(), u"Unhandled"_s);
    QCOMPARE(out["failed"]["payload"]["errorMessage"].toString(), u"nope"_s);
    QCOMPARE(out["event"]["status"].toInt(), 202);
    QCOMPARE(out["dry"]["status"].toInt(), 204);
    QCOMPARE(out["missing"]["name"].toString(), u"ResourceNotFoundException"_s);
    QCOMPARE(out["missing"]["status"].toInt(), 404);
    QCOMPARE(out["big"]["name"].toString(), u"RequestEntityTooLargeException"_s);
    QCOMPARE(out["big"]["status"].toInt(), 413);
    QCOMPARE(out["other"]["name"].toString(), u"NotImplemented"_s);
    QCOMPARE(out["other"]["status"].toInt(), 501);

    // Three runs of the worker (the dry run runs nothing), each caused by the caller's
    // invocation along the `calls` connection; only the asynchronous one reaches the
    // on-success destination.
    QVERIFY(f->waitForInvocations(u"worker"_s, 3));
    const QList<CloudLogEntry> runs = f->entries(CloudLogEntry::Kind::Invocation, u"worker"_s);
    QCOMPARE(runs.size(), 3);
    const qint64 callerRun = f->entries(CloudLogEntry::Kind::Invocation, u"caller"_s).first().id;
    for (const CloudLogEntry &run : runs) {
        QCOMPARE(run.cause, callerRun);
        QCOMPARE(run.source, u"caller"_s);
        QCOMPARE(run.edge, *calls);
    }
    QVERIFY(QTest::qWaitFor([&] { return !f->cloud->state().messages(u"done"_s).isEmpty(); }, 10000));
    const QList<QueueMessage> done = f->cloud->state().messages(u"done"_s);
    QCOMPARE(done.size(), 1);
    const QJsonObject record = QJsonDocument::fromJson(done.first().body).object();
    QCOMPARE(record["requestContext"]["condition"].toString(), u"Success"_s);
    QCOMPARE(record["requestPayload"].toObject(), (QJsonObject{{u"n"_s, 1}}));
    QCOMPARE(record["responsePayload"].toObject(), (QJsonObject{{u"doubled"_s, 2}}));
}

QTEST_GUILESS_MAIN(TestLambdaSdk)
#include "tst_lambdasdk.moc"
