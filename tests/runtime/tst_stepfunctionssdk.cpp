// Step Functions through the real SDKs: a function on the canvas starts the workflow its
// connection names (<MACHINE>_STATE_MACHINE_ARN) through the AWS SDK for JavaScript v3
// (the runtime folder's @aws-sdk/client-sfn) or Debian's boto3, follows it with
// DescribeExecution, reads its history and lists it; an Express workflow answers
// StartSyncExecution; a function answers the callback pattern's token with
// SendTaskSuccess; what is not served is refused by name.

#include "cloudfixture.h"

#include "workflow/workflowengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {

// The client's every call, driven by the event's "op".
const QByteArray kNodeClient = R"js(
const sfn = require("@aws-sdk/client-sfn");
// StartSyncExecution goes to the "sync-" host on AWS: a local endpoint keeps its own.
const client = new sfn.SFNClient({ disableHostPrefix: true });
const arn = process.env.ORDER_FLOW_STATE_MACHINE_ARN;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

exports.handler = async (event) => {
    try {
        if (event.op === "run") {
            const started = await client.send(new sfn.StartExecutionCommand({
                stateMachineArn: arn, name: event.name, input: JSON.stringify(event.input) }));
            let described;
            for (let i = 0; i < 100; ++i) {
                described = await client.send(new sfn.DescribeExecutionCommand({ executionArn: started.executionArn }));
                if (described.status !== "RUNNING") break;
                await sleep(50);
            }
            const history = await client.send(new sfn.GetExecutionHistoryCommand({ executionArn: started.executionArn }));
            const listed = await client.send(new sfn.ListExecutionsCommand({ stateMachineArn: arn, statusFilter: "SUCCEEDED" }));
            const machine = await client.send(new sfn.DescribeStateMachineCommand({ stateMachineArn: arn }));
            return { arn: started.executionArn, startIsDate: started.startDate instanceof Date,
                     status: described.status, output: JSON.parse(described.output),
                     types: history.events.map((e) => e.type),
                     enteredName: history.events[1].stateEnteredEventDetails.name,
                     listed: listed.executions.map((e) => e.name), machineType: machine.type,
                     definitionStates: Object.keys(JSON.parse(machine.definition).States) };
        }
        if (event.op === "sync") {
            const done = await client.send(new sfn.StartSyncExecutionCommand({
                stateMachineArn: process.env.QUICK_STATE_MACHINE_ARN, input: JSON.stringify({ n: 20 }) }));
            return { status: done.status, output: JSON.parse(done.output), billed: done.billingDetails.billedDurationInMilliseconds };
        }
        if (event.op === "duplicate") {
            await client.send(new sfn.StartExecutionCommand({ stateMachineArn: arn, name: "twice", input: "{}" }));
            await client.send(new sfn.StartExecutionCommand({ stateMachineArn: arn, name: "twice", input: "{}" }));
            return { refused: false };
        }
        if (event.op === "create") {
            await client.send(new sfn.CreateStateMachineCommand({ name: "x", definition: "{}", roleArn: "arn:aws:iam::000000000000:role/r" }));
            return { refused: false };
        }
        if (event.op === "approve") {
            await client.send(new sfn.SendTaskSuccessCommand({ taskToken: event.token, output: JSON.stringify({ approvedBy: "node" }) }));
            return { sent: true };
        }
    } catch (error) {
        return { refused: true, name: error.name, status: error.$metadata && error.$metadata.httpStatusCode, message: error.message };
    }
};
)js";

const QByteArray kPythonClient = R"py(
import json
import os
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

# StartSyncExecution goes to the "sync-" host on AWS: a local endpoint keeps its own.
client = boto3.client("stepfunctions", config=Config(inject_host_prefix=False))
arn = os.environ["ORDER_FLOW_STATE_MACHINE_ARN"]


def handler(event, context):
    try:
        if event["op"] == "run":
            started = client.start_execution(stateMachineArn=arn, name=event["name"], input=json.dumps(event["input"]))
            for _ in range(100):
                described = client.describe_execution(executionArn=started["executionArn"])
                if described["status"] != "RUNNING":
                    break
                time.sleep(0.05)
            history = client.get_execution_history(executionArn=started["executionArn"])
            listed = client.list_executions(stateMachineArn=arn, statusFilter="SUCCEEDED")
            machine = client.describe_state_machine(stateMachineArn=arn)
            return {"arn": started["executionArn"], "startIsDate": hasattr(started["startDate"], "year"),
                    "status": described["status"], "output": json.loads(described["output"]),
                    "types": [e["type"] for e in history["events"]],
                    "enteredName": history["events"][1]["stateEnteredEventDetails"]["name"],
                    "listed": [e["name"] for e in listed["executions"]], "machineType": machine["type"],
                    "definitionStates": list(json.loads(machine["definition"])["States"].keys())}
        if event["op"] == "sync":
            done = client.start_sync_execution(stateMachineArn=os.environ["QUICK_STATE_MACHINE_ARN"],
                                               input=json.dumps({"n": 20}))
            return {"status": done["status"], "output": json.loads(done["output"]),
                    "billed": done["billingDetails"]["billedDurationInMilliseconds"]}
        if event["op"] == "duplicate":
            client.start_execution(stateMachineArn=arn, name="twice", input="{}")
            client.start_execution(stateMachineArn=arn, name="twice", input="{}")
            return {"refused": False}
        if event["op"] == "create":
            client.create_state_machine(name="x", definition="{}", roleArn="arn:aws:iam::000000000000:role/r")
            return {"refused": False}
        if event["op"] == "approve":
            client.send_task_success(taskToken=event["token"], output=json.dumps({"approvedBy": "python"}))
            return {"sent": True}
    except ClientError as error:
        return {"refused": True, "name": error.response["Error"]["Code"],
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
                "message": error.response["Error"]["Message"]}
)py";

} // namespace

class TestStepFunctionsSdk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startDescribeHistoryList_data();
    void startDescribeHistoryList();
    void syncExpress_data();
    void syncExpress();
    void callbackAnsweredByAFunction_data();
    void callbackAnsweredByAFunction();
    void refusals_data();
    void refusals();

private:
    // The design: client (in language) starts order-flow (Standard: validate then a
    // Choice) and quick (Express); approval (Standard) sends its token to the queue
    // approvals.
    void build(const QString &language);
    QJsonObject run(const QJsonObject &event);

    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestStepFunctionsSdk::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestStepFunctionsSdk::cleanup()
{
    f.reset();
}

void TestStepFunctionsSdk::build(const QString &language)
{
    NodeId client = kInvalidNodeId;
    if (language == "node") {
        client = f->addFunction("client", kNodeClient);
    } else {
        client = f->project.addNode("function", {}, "client").valueOr(kInvalidNodeId);
        QVERIFY(f->project.setNodeProperty(client, "runtime", "python3.11"));
        QVERIFY(f->project.setNodeProperty(client, "handler", "app.handler"));
        QDir().mkpath(f->folder.filePath("functions/client"));
        QFile file(f->folder.filePath("functions/client/app.py"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPythonClient);
    }
    QVERIFY(f->project.setNodeProperty(client, "timeout", 60));
    QDir().mkpath(f->folder.filePath("workflows"));
    auto machine = [&](const QString &name, const QByteArray &definition, const QString &type) {
        QFile file(f->folder.filePath("workflows/" + name + ".asl.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(definition);
        const NodeId id = f->project.addNode("state-machine", {}, name).valueOr(kInvalidNodeId);
        QVERIFY(f->project.setNodeProperty(id, "definition", "workflows/" + name + ".asl.json"));
        QVERIFY(f->project.setNodeProperty(id, "type", type));
        QVERIFY(f->project.connectNodes(client, id, "starts"));
    };
    machine("order-flow", R"j({"StartAt":"Validate","States":{
        "Validate":{"Type":"Pass","Parameters":{"id.$":"$.id","total.$":"$.total","valid":true},"Next":"Big?"},
        "Big?":{"Type":"Choice","Choices":[{"Variable":"$.total","NumericGreaterThan":100,"Next":"Review"}],"Default":"Done"},
        "Review":{"Type":"Pass","Result":true,"ResultPath":"$.reviewed","Next":"Done"},
        "Done":{"Type":"Succeed"}}})j",
            "STANDARD");
    machine(
        "quick",
        R"j({"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, $.n)"},"End":true}}})j",
        "EXPRESS");
    const NodeId approvals = f->project.addNode("queue", {}, "approvals").valueOr(kInvalidNodeId);
    Q_UNUSED(approvals)
    QFile approval(f->folder.filePath("workflows/approval.asl.json"));
    QVERIFY(approval.open(QIODevice::WriteOnly));
    approval.write(
        R"j({"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"QueueUrl":"${approvals}","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}})j");
    approval.close();
    const NodeId flow = f->project.addNode("state-machine", {}, "approval").valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(flow, "definition", "workflows/approval.asl.json"));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
}

QJsonObject TestStepFunctionsSdk::run(const QJsonObject &event)
{
    std::optional<InvocationResult> result;
    const Result<qint64> entry = f->cloud->invoke("client", QJsonDocument(event).toJson(), "test", 0,
                                                  [&](const InvocationResult &r) { result = r; });
    if (!entry || !QTest::qWaitFor([&] { return result.has_value(); }, 90000))
        return {{"error", entry ? QString("no answer") : entry.errorMessage()}};
    if (!result->ok)
        return {{"error", result->error.value("errorMessage").toString()}};
    return QJsonDocument::fromJson(result->resultJson).object();
}

void TestStepFunctionsSdk::startDescribeHistoryList_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("javascript v3") << "node";
    QTest::newRow("boto3") << "python";
}

void TestStepFunctionsSdk::startDescribeHistoryList()
{
    QFETCH(QString, language);
    build(language);
    const QJsonObject answer = run(
        {{"op", "run"}, {"name", "first"}, {"input", QJsonObject{{"id", "o1"}, {"total", 250}}}});
    QVERIFY2(!answer.contains("error") && !answer.value("refused").toBool(),
             QJsonDocument(answer).toJson().constData());
    QCOMPARE(answer.value("arn").toString(), "arn:aws:states:us-east-1:000000000000:execution:order-flow:first");
    QVERIFY(answer.value("startIsDate").toBool()); // the SDK read the epoch seconds as a date
    QCOMPARE(answer.value("status").toString(), "SUCCEEDED");
    QCOMPARE(answer.value("output").toObject(),
             (QJsonObject{{"id", "o1"}, {"total", 250}, {"valid", true}, {"reviewed", true}}));
    const QJsonArray types = answer.value("types").toArray();
    QCOMPARE(types.first().toString(), "ExecutionStarted");
    QCOMPARE(types.at(1).toString(), "PassStateEntered");
    QVERIFY(types.contains("ChoiceStateExited"));
    QCOMPARE(types.last().toString(), "ExecutionSucceeded");
    QCOMPARE(answer.value("enteredName").toString(), "Validate");
    QCOMPARE(answer.value("listed").toArray(), QJsonArray{"first"});
    QCOMPARE(answer.value("machineType").toString(), "STANDARD");
    QCOMPARE(answer.value("definitionStates").toArray().size(), 4);
}

void TestStepFunctionsSdk::syncExpress_data()
{
    startDescribeHistoryList_data();
}

void TestStepFunctionsSdk::syncExpress()
{
    QFETCH(QString, language);
    build(language);
    const QJsonObject answer = run({{"op", "sync"}});
    QVERIFY2(!answer.value("refused").toBool() && !answer.contains("error"),
             QJsonDocument(answer).toJson().constData());
    QCOMPARE(answer.value("status").toString(), "SUCCEEDED");
    QCOMPARE(answer.value("output").toObject().value("n").toInt(), 40);
    QVERIFY(answer.value("billed").toInt() >= 100); // billed in 100 ms steps
}

void TestStepFunctionsSdk::callbackAnsweredByAFunction_data()
{
    startDescribeHistoryList_data();
}

void TestStepFunctionsSdk::callbackAnsweredByAFunction()
{
    QFETCH(QString, language);
    build(language);
    std::optional<ExecutionRecord> done;
    QVERIFY(f->cloud->workflows().startExecution("approval", "{}", {}, 0, [&](const ExecutionRecord &r) { done = r; }));
    QList<QueueMessage> messages;
    QVERIFY(
        QTest::qWaitFor([&] { return !(messages = f->cloud->receiveMessages("approvals", 1, 30)).isEmpty(); }, 5000));
    const QString token = QJsonDocument::fromJson(messages.first().body).object().value("token").toString();
    const QJsonObject answer = run({{"op", "approve"}, {"token", token}});
    QVERIFY2(answer.value("sent").toBool(), QJsonDocument(answer).toJson().constData());
    QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 5000));
    QCOMPARE(done->status, "SUCCEEDED");
    QCOMPARE(done->output.toObject().value("approvedBy").toString(), language);
    // The token is spent: the SDK hears TaskDoesNotExist.
    const QJsonObject again = run({{"op", "approve"}, {"token", token}});
    QVERIFY(again.value("refused").toBool());
    QCOMPARE(again.value("name").toString(), "TaskDoesNotExist");
}

void TestStepFunctionsSdk::refusals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::newRow("javascript: duplicate name") << "node"
                                                << "duplicate"
                                                << "ExecutionAlreadyExists" << 400;
    QTest::newRow("boto3: duplicate name") << "python"
                                           << "duplicate"
                                           << "ExecutionAlreadyExists" << 400;
    QTest::newRow("javascript: not served") << "node"
                                            << "create"
                                            << "NotImplemented" << 501;
    QTest::newRow("boto3: not served") << "python"
                                       << "create"
                                       << "NotImplemented" << 501;
}

void TestStepFunctionsSdk::refusals()
{
    QFETCH(QString, language);
    QFETCH(QString, op);
    QFETCH(QString, name);
    QFETCH(int, status);
    build(language);
    const QJsonObject answer = run({{"op", op}});
    QVERIFY2(answer.value("refused").toBool(), QJsonDocument(answer).toJson().constData());
    QCOMPARE(answer.value("name").toString(), name);
    QCOMPARE(answer.value("status").toInt(), status);
}

QTEST_MAIN(TestStepFunctionsSdk)
#include "tst_stepfunctionssdk.moc"
