// Permissions enforced locally (issue 21, items 1 and 2): a function's SDK calls are
// checked against the policy its connections grant (EffectivePolicy, what the export
// writes), in the local cloud's IamMode. A function on a real worker calls the AWS SDK for
// JavaScript v3 (or boto3) against the endpoint: in enforce mode a call its connections do
// not grant fails as AWS refuses it (the SDK parses the error's name and AWS's message),
// in warn mode it succeeds with a problem logged, in off mode silently; calls from outside
// a function are always allowed.

#include "cloudfixture.h"

#include "model/architecture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

// One SDK call the event describes: {"service", "client", "operation", "input"}.
const QByteArray kNodeCaller = R"(
exports.handler = async (event) => {
    const sdk = require(`@aws-sdk/client-${event.service}`);
    const Client = Object.values(sdk).find((v) => typeof v === "function" && v.name === `${event.client}Client`);
    const client = new Client(event.service === "s3" ? { forcePathStyle: true } : {});
    try {
        await client.send(new sdk[`${event.operation}Command`](event.input));
        return { ok: true };
    } catch (err) {
        return { error: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
    }
};
)";

// The same with boto3: {"service": "dynamodb", "method": "put_item", "input"}.
const QByteArray kPythonCaller = R"(
import boto3
from botocore.exceptions import ClientError


def handler(event, context):
    client = boto3.client(event["service"])
    try:
        getattr(client, event["method"])(**event["input"])
        return {"ok": True}
    except ClientError as error:
        return {"error": error.response["Error"]["Code"], "message": error.response["Error"]["Message"],
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}
)";

// A call of a row: for JavaScript, the client package and operation; for Python, the method.
struct Call
{
    QString service;
    QString client;
    QString operation;
    QString method;
    QJsonObject input;
};

QJsonObject item()
{
    return QJsonObject{{u"id"_s, QJsonObject{{u"S"_s, u"1"_s}}}};
}

} // namespace

Q_DECLARE_METATYPE(Call)

class TestIamEnforcement : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void callsAreChecked_data();
    void callsAreChecked();
    void callsFromOutsideAreAllowed();
    void shopOrderNeedsItsConnection_data();
    void shopOrderNeedsItsConnection();
    void serveEnforcesWithIam();
    void modeNames();

private:
    QJsonObject run(const QString &language, const Call &call);

    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestIamEnforcement::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestIamEnforcement::cleanup()
{
    f.reset();
}

QJsonObject TestIamEnforcement::run(const QString &language, const Call &call)
{
    const QJsonObject event = language == "node"_L1
                                  ? QJsonObject{{u"service"_s, call.service},
                                                {u"client"_s, call.client},
                                                {u"operation"_s, call.operation},
                                                {u"input"_s, call.input}}
                                  : QJsonObject{
                                      {u"service"_s, call.service == "eventbridge"_L1 ? u"events"_s : call.service},
                                      {u"method"_s, call.method},
                                      {u"input"_s, call.input}};
    // A queue's URL names the endpoint's port.
    const QByteArray payload = QJsonDocument(event)
                                   .toJson(QJsonDocument::Compact)
                                   .replace("http://127.0.0.1/", (f->endpoint->url() + '/'_L1).toUtf8());
    std::optional<InvocationResult> result;
    if (!f->cloud->invoke(u"caller"_s, payload, u"test"_s, 0, [&](const InvocationResult &r) { result = r; }))
        return {};
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 120000))
        return {{u"timeout"_s, true}};
    if (!result->ok)
        return {{u"failed"_s, QString::fromUtf8(QJsonDocument(result->error).toJson())}};
    return QJsonDocument::fromJson(result->resultJson).object();
}

void TestIamEnforcement::callsAreChecked_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("type"); // the connection from the caller to the node named "granted"
    QTest::addColumn<Call>("allowed");
    QTest::addColumn<Call>("denied");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("resource"); // the denied call's node
    QTest::addColumn<QString>("arn");

    const QString queueUrl = u"http://127.0.0.1/000000000000/"_s;
    struct Kind
    {
        const char *row;
        QString language, kind, type;
        Call allowed, denied;
        QString error;
        int status;
        QString action, resource, arn;
    };
    const QList<Kind> kinds{
        {"table reads (JS v3)",
         u"node"_s,
         u"table"_s,
         u"reads"_s,
         {u"dynamodb"_s,
          u"DynamoDB"_s,
          u"GetItem"_s,
          u"get_item"_s,
          {{u"TableName"_s, u"granted"_s}, {u"Key"_s, item()}}},
         {u"dynamodb"_s,
          u"DynamoDB"_s,
          u"PutItem"_s,
          u"put_item"_s,
          {{u"TableName"_s, u"granted"_s}, {u"Item"_s, item()}}},
         u"AccessDeniedException"_s,
         400,
         u"dynamodb:PutItem"_s,
         u"granted"_s,
         u"arn:aws:dynamodb:us-east-1:000000000000:table/granted"_s},
        {"table reads (boto3)",
         u"python"_s,
         u"table"_s,
         u"reads"_s,
         {u"dynamodb"_s,
          u"DynamoDB"_s,
          u"GetItem"_s,
          u"get_item"_s,
          {{u"TableName"_s, u"granted"_s}, {u"Key"_s, item()}}},
         {u"dynamodb"_s,
          u"DynamoDB"_s,
          u"PutItem"_s,
          u"put_item"_s,
          {{u"TableName"_s, u"granted"_s}, {u"Item"_s, item()}}},
         u"AccessDeniedException"_s,
         400,
         u"dynamodb:PutItem"_s,
         u"granted"_s,
         u"arn:aws:dynamodb:us-east-1:000000000000:table/granted"_s},
        {"queue reads (JS v3)",
         u"node"_s,
         u"queue"_s,
         u"reads"_s,
         {u"sqs"_s, u"SQS"_s, u"ReceiveMessage"_s, u"receive_message"_s, {{u"QueueUrl"_s, queueUrl + "granted"_L1}}},
         {u"sqs"_s,
          u"SQS"_s,
          u"SendMessage"_s,
          u"send_message"_s,
          {{u"QueueUrl"_s, queueUrl + "granted"_L1}, {u"MessageBody"_s, u"hello"_s}}},
         u"AccessDenied"_s,
         403,
         u"sqs:SendMessage"_s,
         u"granted"_s,
         u"arn:aws:sqs:us-east-1:000000000000:granted"_s},
        {"queue reads (boto3)",
         u"python"_s,
         u"queue"_s,
         u"reads"_s,
         {u"sqs"_s, u"SQS"_s, u"ReceiveMessage"_s, u"receive_message"_s, {{u"QueueUrl"_s, queueUrl + "granted"_L1}}},
         {u"sqs"_s,
          u"SQS"_s,
          u"SendMessage"_s,
          u"send_message"_s,
          {{u"QueueUrl"_s, queueUrl + "granted"_L1}, {u"MessageBody"_s, u"hello"_s}}},
         u"AccessDenied"_s,
         403,
         u"sqs:SendMessage"_s,
         u"granted"_s,
         u"arn:aws:sqs:us-east-1:000000000000:granted"_s},
        {"bucket reads (JS v3)",
         u"node"_s,
         u"bucket"_s,
         u"reads"_s,
         {u"s3"_s, u"S3"_s, u"ListObjectsV2"_s, u"list_objects_v2"_s, {{u"Bucket"_s, u"granted"_s}}},
         {u"s3"_s,
          u"S3"_s,
          u"PutObject"_s,
          u"put_object"_s,
          {{u"Bucket"_s, u"granted"_s}, {u"Key"_s, u"a.txt"_s}, {u"Body"_s, u"hello"_s}}},
         u"AccessDenied"_s,
         403,
         u"s3:PutObject"_s,
         u"granted"_s,
         u"arn:aws:s3:::granted/a.txt"_s},
        {"topic publishes (JS v3)",
         u"node"_s,
         u"topic"_s,
         u"publishes"_s,
         {u"sns"_s,
          u"SNS"_s,
          u"Publish"_s,
          u"publish"_s,
          {{u"TopicArn"_s, u"arn:aws:sns:us-east-1:000000000000:granted"_s}, {u"Message"_s, u"hi"_s}}},
         {u"sns"_s,
          u"SNS"_s,
          u"Publish"_s,
          u"publish"_s,
          {{u"TopicArn"_s, u"arn:aws:sns:us-east-1:000000000000:other"_s}, {u"Message"_s, u"hi"_s}}},
         u"AuthorizationErrorException"_s,
         403,
         u"sns:Publish"_s,
         u"other"_s,
         u"arn:aws:sns:us-east-1:000000000000:other"_s},
        {"bus publishes (JS v3)",
         u"node"_s,
         u"event-bus"_s,
         u"publishes"_s,
         {u"eventbridge"_s,
          u"EventBridge"_s,
          u"PutEvents"_s,
          u"put_events"_s,
          {{u"Entries"_s, QJsonArray{QJsonObject{{u"EventBusName"_s, u"granted"_s},
                                                 {u"Source"_s, u"shop"_s},
                                                 {u"DetailType"_s, u"t"_s},
                                                 {u"Detail"_s, u"{}"_s}}}}}},
         {u"eventbridge"_s,
          u"EventBridge"_s,
          u"PutEvents"_s,
          u"put_events"_s,
          {{u"Entries"_s, QJsonArray{QJsonObject{{u"EventBusName"_s, u"other"_s},
                                                 {u"Source"_s, u"shop"_s},
                                                 {u"DetailType"_s, u"t"_s},
                                                 {u"Detail"_s, u"{}"_s}}}}}},
         u"AccessDeniedException"_s,
         400,
         u"events:PutEvents"_s,
         u"other"_s,
         u"arn:aws:events:us-east-1:000000000000:event-bus/other"_s},
        {"function calls (JS v3)",
         u"node"_s,
         u"function"_s,
         u"calls"_s,
         {u"lambda"_s, u"Lambda"_s, u"Invoke"_s, u"invoke"_s, {{u"FunctionName"_s, u"granted"_s}}},
         {u"lambda"_s, u"Lambda"_s, u"Invoke"_s, u"invoke"_s, {{u"FunctionName"_s, u"other"_s}}},
         u"AccessDeniedException"_s,
         403,
         u"lambda:InvokeFunction"_s,
         u"other"_s,
         u"arn:aws:lambda:us-east-1:000000000000:function:other"_s},
    };
    for (const Kind &k : kinds)
        for (const QString &mode : {u"enforce"_s, u"warn"_s, u"off"_s})
            QTest::addRow("%s, %s", k.row, qPrintable(mode))
                << k.language << k.kind << k.type << k.allowed << k.denied << mode << k.error << k.status << k.action
                << k.resource << k.arn;
}

void TestIamEnforcement::callsAreChecked()
{
    QFETCH(QString, language);
    QFETCH(QString, kind);
    QFETCH(QString, type);
    QFETCH(Call, allowed);
    QFETCH(Call, denied);
    QFETCH(QString, mode);
    QFETCH(QString, error);
    QFETCH(int, status);
    QFETCH(QString, action);
    QFETCH(QString, resource);
    QFETCH(QString, arn);

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
    const QByteArray echo = "exports.handler = async () => ({ ok: true });\n";
    const NodeId granted = kind == "function"_L1 ? f->addFunction(u"granted"_s, echo)
                                                 : f->project.addNode(kind, {}, u"granted"_s).valueOr(kInvalidNodeId);
    QVERIFY(granted != kInvalidNodeId);
    if (resource == "other"_L1)
        QVERIFY(kind == "function"_L1 ? f->addFunction(u"other"_s, echo) != kInvalidNodeId
                                      : bool(f->project.addNode(kind, {}, u"other"_s)));
    QVERIFY(f->project.connectNodes(caller, granted, type));
    f->cloud->setIamMode(*LocalCloud::iamModeFromName(mode));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));

    auto problems = [&] {
        QList<CloudLogEntry> found;
        for (const CloudLogEntry &e : f->cloud->log())
            if (!e.deniedAction.isEmpty())
                found.append(e);
        return found;
    };
    // What the connection grants goes through in every mode, unlogged.
    const QJsonObject granted1 = run(language, allowed);
    QVERIFY2(granted1.value("ok"_L1).toBool(), QJsonDocument(granted1).toJson().constData());
    QVERIFY(problems().isEmpty());

    const QJsonObject out = run(language, denied);
    if (mode == "enforce"_L1) {
        QVERIFY2(out.contains("error"_L1), QJsonDocument(out).toJson().constData());
        QCOMPARE(out.value("error"_L1).toString(), error);
        QCOMPARE(out.value("status"_L1).toInt(), status);
        const QString message =
            u"User: arn:aws:sts::000000000000:assumed-role/CallerRole/caller is not authorized "
            "to perform: %1 on resource: %2 because no identity-based policy allows the %1 action"_s.arg(action, arn);
        QCOMPARE(out.value("message"_L1).toString(), message);
    } else {
        QVERIFY2(out.value("ok"_L1).toBool(), QJsonDocument(out).toJson().constData());
    }
    const QList<CloudLogEntry> logged = problems();
    if (mode == "off"_L1) {
        QVERIFY(logged.isEmpty());
        return;
    }
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.first().source, u"caller"_s);
    QCOMPARE(logged.first().target, resource);
    QCOMPARE(logged.first().deniedAction, action);
    QVERIFY(!logged.first().ok);
    QCOMPARE(logged.first().grantingEdge, resource == "granted"_L1 ? u"writes"_s : type);
    QVERIFY2(logged.first().detail.contains(mode == "enforce"_L1 ? u"denied"_s : u"would be denied"_s),
             qPrintable(logged.first().detail));
}

void TestIamEnforcement::callsFromOutsideAreAllowed()
{
    // A queue no function is connected to, in enforce mode: the user's script sends to it.
    QVERIFY(f->project.addNode(u"queue"_s, {}, u"jobs"_s));
    f->addFunction(u"caller"_s, kNodeCaller);
    f->cloud->setIamMode(LocalCloud::IamMode::Enforce);
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NIMBUS_SDK_DIR"_s, qEnvironmentVariable("NIMBUS_DATA_DIR") + u"/runtime/sdk"_s);
    env.insert(u"NIMBUS_AWS_ENDPOINT"_s, f->endpoint->url());
    node.setProcessEnvironment(env);
    const QJsonObject input{{u"QueueUrl"_s, AwsEndpoint::queueUrl(f->endpoint->url(), u"jobs"_s)},
                            {u"MessageBody"_s, u"hello"_s}};
    node.start(u"node"_s, {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sdk_call.mjs"), u"sqs"_s,
                           u"SendMessage"_s, QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact))});
    QVERIFY(QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000));
    const QByteArray output = node.readAllStandardOutput();
    const QJsonObject answer = QJsonDocument::fromJson(output).object();
    QVERIFY2(answer.contains("output"_L1), (output + node.readAllStandardError()).constData());
    QCOMPARE(f->cloud->storedCount(u"jobs"_s), 1);
}

void TestIamEnforcement::shopOrderNeedsItsConnection_data()
{
    QTest::addColumn<QString>("change"); // to processOrder's `writes` connection to orders
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("stored");
    QTest::addColumn<bool>("denied");
    // The example as it is: every call its functions make is granted.
    QTest::newRow("as designed, enforce") << u"none"_s << u"enforce"_s << true << false;
    // Its connection removed (the table's name kept in processOrder's own environment).
    QTest::newRow("removed, enforce") << u"removed"_s << u"enforce"_s << false << true;
    QTest::newRow("removed, warn") << u"removed"_s << u"warn"_s << true << true;
    QTest::newRow("removed, off") << u"removed"_s << u"off"_s << true << false;
    // A read connection does not grant the write.
    QTest::newRow("reads instead, enforce") << u"reads"_s << u"enforce"_s << false << true;
}

void TestIamEnforcement::shopOrderNeedsItsConnection()
{
    QFETCH(QString, change);
    QFETCH(QString, mode);
    QFETCH(bool, stored);
    QFETCH(bool, denied);
    QVERIFY2(f->loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop"), u"shop.json"_s),
             qPrintable(f->error));
    const Architecture &design = f->project.architecture();
    const Node *processOrder = design.nodeByName(u"processOrder"_s);
    const Node *orders = design.nodeByName(u"orders"_s);
    QVERIFY(processOrder && orders);
    const NodeId function = processOrder->id, table = orders->id;
    if (change != "none"_L1) {
        const Edge *writes = design.findEdge(function, table, u"writes"_s);
        QVERIFY(writes);
        f->project.removeItems({}, {writes->id});
        if (change == "reads"_L1) {
            QVERIFY(f->project.connectNodes(function, table, u"reads"_s));
        } else {
            QJsonArray environment = design.node(function)->properties.value("environment"_L1).toArray();
            environment.append(QJsonObject{{u"name"_s, u"ORDERS_TABLE"_s}, {u"value"_s, u"orders"_s}});
            QVERIFY(f->project.setNodeProperty(function, u"environment"_s, environment));
        }
    }
    f->cloud->setIamMode(*LocalCloud::iamModeFromName(mode));
    QVERIFY2(f->start(), qPrintable(f->error));
    // processOrder reports an order it could not process as a failed batch item and logs why.
    QStringList logs;
    connect(&f->runner, &FunctionRunner::finished, this, [&](NodeId id, const InvocationResult &result) {
        if (id == function)
            logs += result.logs;
    });

    const QByteArray order = R"({"customerId":"c-1","email":"ada@example.org",
                                 "items":[{"itemId":"42","quantity":2,"unitPrice":19.9}]})";
    const NimbusTest::HttpReply accepted = NimbusTest::httpRequest("POST", (f->gateway->url() + u"/orders"_s).toUtf8(),
                                                                   order, {"Content-Type: application/json"});
    QCOMPARE(accepted.status, 202L);
    QVERIFY(QTest::qWaitFor(
        [&] {
        const auto runs = f->entries(CloudLogEntry::Kind::Invocation, u"processOrder"_s);
        return !runs.isEmpty() && runs.first().finished;
        },
        60000));
    QCOMPARE(f->cloud->storedCount(u"orders"_s), stored ? 1 : 0);
    QList<CloudLogEntry> problems;
    for (const CloudLogEntry &e : f->cloud->log())
        if (!e.deniedAction.isEmpty())
            problems.append(e);
    QCOMPARE(problems.size(), denied ? 1 : 0);
    if (!denied)
        return;
    QCOMPARE(problems.first().source, u"processOrder"_s);
    QCOMPARE(problems.first().target, u"orders"_s);
    QCOMPARE(problems.first().deniedAction, u"dynamodb:PutItem"_s);
    QCOMPARE(problems.first().grantingEdge, u"writes"_s);
    if (mode == "enforce"_L1) {
        // boto3's ClientError, as processOrder's log shows it on AWS.
        const QString log = logs.join('\n'_L1);
        QVERIFY2(log.contains("An error occurred (AccessDeniedException) when calling the PutItem operation"_L1),
                 qPrintable(log));
        QVERIFY2(log.contains("User: arn:aws:sts::000000000000:assumed-role/ProcessOrderRole/processOrder is "
                              "not authorized to perform: dynamodb:PutItem on resource: "
                              "arn:aws:dynamodb:us-east-1:000000000000:table/orders"_L1),
                 qPrintable(log));
        QCOMPARE(f->cloud->storedCount(u"receipts"_s), 0);
    }
}

void TestIamEnforcement::serveEnforcesWithIam()
{
    // The shop example with processOrder's `writes` connection to orders made a read one,
    // served by `nimbus serve --iam enforce`: an order's write is refused, and said so.
    QVERIFY2(f->loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop"), u"shop.json"_s),
             qPrintable(f->error));
    const QString project = f->folder.filePath(u"shop.json"_s);
    QFile file(project);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray edges = json.value("edges"_L1).toArray();
    bool changed = false;
    for (qsizetype i = 0; i < edges.size(); ++i) {
        QJsonObject e = edges.at(i).toObject();
        if (e["from"] == u"processOrder"_s && e["to"] == u"orders"_s && e["type"] == u"writes"_s) {
            e["type"] = u"reads"_s;
            edges.replace(i, e);
            changed = true;
        }
    }
    QVERIFY(changed);
    json["edges"] = edges;
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(json).toJson());
    file.close();

    const QString nimbus = QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus");
    QProcess wrong;
    wrong.start(nimbus, {u"serve"_s, project, u"--iam"_s, u"strict"_s});
    QVERIFY(wrong.waitForFinished(20000));
    QCOMPARE(wrong.exitCode(), 2);
    QVERIFY(wrong.readAllStandardError().contains("--iam takes off, warn or enforce"));

    QProcess serve;
    serve.start(nimbus, {u"serve"_s, project, u"--port"_s, u"0"_s, u"--aws-port"_s, u"0"_s, u"--iam"_s, u"enforce"_s});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine() && serve.peek(4096).count('\n') >= 2; }, 20000));
    const QByteArray gateway = serve.readLine().trimmed();
    const QByteArray order = R"({"customerId":"c-1","email":"ada@example.org",
                                 "items":[{"itemId":"42","quantity":1,"unitPrice":5}]})";
    const NimbusTest::HttpReply accepted = NimbusTest::httpRequest("POST", gateway + "/orders", order,
                                                                   {"Content-Type: application/json"});
    QCOMPARE(accepted.status, 202L);
    QByteArray printed;
    const bool denied = QTest::qWaitFor(
        [&] {
        printed += serve.readAllStandardError();
        return printed.contains("dynamodb:PutItem denied");
        },
        60000);
    serve.terminate();
    QVERIFY(serve.waitForFinished(20000));
    QVERIFY2(denied, printed.constData());
    QVERIFY2(printed.contains("processOrder has no connection allowing it on orders"), printed.constData());
}

void TestIamEnforcement::modeNames()
{
    for (auto mode : {LocalCloud::IamMode::Off, LocalCloud::IamMode::Warn, LocalCloud::IamMode::Enforce})
        QCOMPARE(LocalCloud::iamModeFromName(LocalCloud::iamModeName(mode)), mode);
    QVERIFY(!LocalCloud::iamModeFromName(u"strict"_s));
    // Warn is the default: a call goes through, the problem is logged.
    QCOMPARE(f->cloud->iamMode(), LocalCloud::IamMode::Warn);
}

QTEST_GUILESS_MAIN(TestIamEnforcement)
#include "tst_iamenforcement.moc"
