// The Step Functions executor on the local cloud: every state type and field of the
// Amazon States Language (JSONPath mode) with AWS's documented examples, Retry and Catch,
// timeouts, the Lambda, SQS, SNS, DynamoDB and nested-execution integrations, the callback
// pattern, the history's events, and executions that outlive a restart of the cloud.

#include "cloudfixture.h"

#include "cloud/virtualclock.h"
#include "workflow/asldefinition.h"
#include "workflow/workflowengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray text(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A Node.js function that fails with a TransientError on its first `failures` calls
// (counted in a file of its folder), then answers what it was given with a "seen" mark;
// an event with "slow" sleeps that many milliseconds first.
const QByteArray kFlaky = R"j(
const fs = require("fs");
exports.handler = async (event) => {
    const file = __dirname + "/calls";
    const calls = (fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : 0) + 1;
    fs.writeFileSync(file, String(calls));
    if (event.slow) await new Promise((r) => setTimeout(r, event.slow));
    if (calls <= (event.failures || 0)) {
        const error = new Error("try again (call " + calls + ")");
        error.name = "TransientError";
        throw error;
    }
    if (event.declined) {
        const error = new Error("card declined");
        error.name = "CardDeclined";
        throw error;
    }
    return { ...event, seen: true, calls };
};
)j";

} // namespace

class TestWorkflows : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void states_data();
    void states();
    void validation_data();
    void validation();
    void referencesOfTasks();
    void historyOfATask();
    void historyIsCompleteWhenRead_data();
    void historyIsCompleteWhenRead();
    void outputOverThePayloadLimit_data();
    void outputOverThePayloadLimit();
    void retryThenSucceed();
    void catchAfterRetries();
    void taskTimeout();
    void serviceIntegrations();
    void nestedSyncExecution();
    void callbackPattern();
    void executionTimeout();
    void stopExecution();
    void waitsRunOnTheCloudsClock();
    void executionsSurviveARestart();
    void startedByRouteScheduleAndQueue();

private:
    // A state machine node named name whose definition file holds definition.
    NodeId addMachine(const QString &name, const QByteArray &definition, const QString &type = "STANDARD");
    // Runs an execution of machine with input to its end (skipping waits when skip); its record.
    std::optional<ExecutionRecord> run(const QString &machine, const QByteArray &input, bool skip = true,
                                       int timeoutMs = 30000);
    QStringList eventTypes(const QString &arn) const;

    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestWorkflows::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestWorkflows::cleanup()
{
    f.reset();
}

NodeId TestWorkflows::addMachine(const QString &name, const QByteArray &definition, const QString &type)
{
    const NodeId id = f->project.addNode("state-machine", {}, name).valueOr(kInvalidNodeId);
    QDir().mkpath(f->folder.filePath("workflows"));
    QFile file(f->folder.filePath("workflows/" + name + ".asl.json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(definition) != definition.size())
        qWarning("cannot write the definition of %s", qPrintable(name));
    (void)f->project.setNodeProperty(id, "definition", "workflows/" + name + ".asl.json");
    (void)f->project.setNodeProperty(id, "type", type);
    return id;
}

std::optional<ExecutionRecord> TestWorkflows::run(const QString &machine, const QByteArray &input, bool skip,
                                                  int timeoutMs)
{
    std::optional<ExecutionRecord> done;
    const Result<QString> arn = f->cloud->workflows().startExecution(
        machine, input, {}, 0, [&](const ExecutionRecord &record) { done = record; });
    if (!arn) {
        qWarning("%s", qPrintable(arn.errorMessage()));
        return std::nullopt;
    }
    (void)QTest::qWaitFor(
        [&] {
        if (skip)
            f->cloud->workflows().skipWaits();
        return done.has_value();
        },
        timeoutMs);
    return done;
}

QStringList TestWorkflows::eventTypes(const QString &arn) const
{
    QStringList types;
    for (const ExecutionEvent &e : f->cloud->workflows().history(arn))
        types.append(e.type);
    return types;
}

// Each row: a definition, an input, and the status with the output (or the error).
void TestWorkflows::states_data()
{
    QTest::addColumn<QByteArray>("definition");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QByteArray>("expected"); // output, or the error name

    // AWS's Pass state example: Result placed at ResultPath.
    QTest::newRow("pass result at path")
        << QByteArray(
               R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x-datum":0.381018,"y-datum":622.2269926397355},"ResultPath":"$.coords","End":true}}})j")
        << QByteArray(R"j({"georefOf":"Home"})j") << "SUCCEEDED"
        << QByteArray(R"j({"coords":{"x-datum":0.381018,"y-datum":622.2269926397355},"georefOf":"Home"})j");
    QTest::newRow("input and output paths") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.order","ResultPath":"$.copy","OutputPath":"$.copy.id","End":true}}})j")
                                            << QByteArray(R"j({"order":{"id":"o1","total":3}})j") << "SUCCEEDED"
                                            << QByteArray(R"j("o1")j");
    QTest::newRow("null paths") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"ResultPath":null,"Next":"Q"},"Q":{"Type":"Pass","OutputPath":null,"End":true}}})j")
                                << QByteArray(R"j({"a":1})j") << "SUCCEEDED" << QByteArray("{}");
    QTest::newRow("parameters with context") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"state.$":"$$.State.Name","machine.$":"$$.StateMachine.Name","sum.$":"States.MathAdd($.a, $.b)","static":"x"},"End":true}}})j")
                                             << QByteArray(R"j({"a":2,"b":40})j") << "SUCCEEDED"
                                             << QByteArray(R"j({"machine":"m","state":"P","static":"x","sum":42})j");
    QTest::newRow("result selector on a pass is ignored")
        << QByteArray(R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"a":1},"End":true}}})j")
        << QByteArray("{}") << "SUCCEEDED" << QByteArray(R"j({"a":1})j");
    QTest::newRow("choice and/or") << QByteArray(
        R"j({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.n","NumericGreaterThanEquals":20},{"Variable":"$.n","NumericLessThan":30}],"Next":"Twenties"},{"Or":[{"Variable":"$.s","StringEquals":"x"},{"Not":{"Variable":"$.b","IsPresent":true}}],"Next":"Other"}],"Default":"Default"},"Twenties":{"Type":"Pass","Result":"20s","End":true},"Other":{"Type":"Pass","Result":"other","End":true},"Default":{"Type":"Pass","Result":"default","End":true}}})j")
                                   << QByteArray(R"j({"n":25,"b":true})j") << "SUCCEEDED" << QByteArray(R"j("20s")j");
    QTest::newRow("choice default") << QByteArray(
        R"j({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":100,"Next":"Big"}],"Default":"Small"},"Big":{"Type":"Succeed"},"Small":{"Type":"Pass","Result":"small","End":true}}})j")
                                    << QByteArray(R"j({"n":5})j") << "SUCCEEDED" << QByteArray(R"j("small")j");
    QTest::newRow("choice path comparison") << QByteArray(
        R"j({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericLessThanPath":"$.b","Next":"Less"}],"Default":"More"},"Less":{"Type":"Pass","Result":"less","End":true},"More":{"Type":"Pass","Result":"more","End":true}}})j")
                                            << QByteArray(R"j({"a":1,"b":2})j") << "SUCCEEDED"
                                            << QByteArray(R"j("less")j");
    QTest::newRow("no choice matched") << QByteArray(
        R"j({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"One"}]},"One":{"Type":"Succeed"}}})j")
                                       << QByteArray(R"j({"n":2})j") << "FAILED"
                                       << QByteArray("States.NoChoiceMatched");
    QTest::newRow("wait seconds") << QByteArray(
        R"j({"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"S"},"S":{"Type":"Succeed"}}})j")
                                  << QByteArray(R"j({"k":1})j") << "SUCCEEDED" << QByteArray(R"j({"k":1})j");
    QTest::newRow("wait seconds path") << QByteArray(
        R"j({"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}})j")
                                       << QByteArray(R"j({"s":10})j") << "SUCCEEDED" << QByteArray(R"j({"s":10})j");
    QTest::newRow("wait timestamp in the past") << QByteArray(
        R"j({"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2001-01-01T00:00:00Z","End":true}}})j")
                                                << QByteArray(R"j({})j") << "SUCCEEDED" << QByteArray("{}");
    QTest::newRow("wait bad seconds path")
        << QByteArray(R"j({"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}})j")
        << QByteArray(R"j({"s":"soon"})j") << "FAILED" << QByteArray("States.Runtime");
    QTest::newRow("fail with paths") << QByteArray(
        R"j({"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"$.c"}}})j")
                                     << QByteArray(R"j({"e":"Custom.Error","c":"because"})j") << "FAILED"
                                     << QByteArray("Custom.Error");
    QTest::newRow("succeed filters") << QByteArray(
        R"j({"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}})j")
                                     << QByteArray(R"j({"a":{"b":7}})j") << "SUCCEEDED" << QByteArray("7");
    QTest::newRow("parallel") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},{"StartAt":"B","States":{"B":{"Type":"Pass","InputPath":"$.x","End":true}}}],"ResultSelector":{"first.$":"$[0]","second.$":"$[1]"},"End":true}}})j")
                              << QByteArray(R"j({"x":3})j") << "SUCCEEDED"
                              << QByteArray(R"j({"first":"a","second":3})j");
    QTest::newRow("parallel branch fails, caught") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":5,"End":true}}},{"StartAt":"B","States":{"B":{"Type":"Fail","Error":"Broken","Cause":"b"}}}],"Catch":[{"ErrorEquals":["Broken"],"ResultPath":"$.err","Next":"Handled"}],"End":true},"Handled":{"Type":"Pass","End":true}}})j")
                                                   << QByteArray(R"j({"x":1})j") << "SUCCEEDED"
                                                   << QByteArray(R"j({"err":{"Cause":"b","Error":"Broken"},"x":1})j");
    QTest::newRow("parallel branch fails, uncaught") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Fail","Error":"Broken"}}}],"End":true}}})j")
                                                     << QByteArray("{}") << "FAILED" << QByteArray("Broken");
    QTest::newRow("map with item selector")
        << QByteArray(
               R"j({"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ItemSelector":{"index.$":"$$.Map.Item.Index","value.$":"$$.Map.Item.Value","tax.$":"$.tax"},"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Price","States":{"Price":{"Type":"Pass","Parameters":{"i.$":"$.index","total.$":"States.MathAdd($.value, $.tax)"},"End":true}}},"ResultPath":"$.priced","End":true}}})j")
        << QByteArray(R"j({"items":[1,2,3],"tax":10})j") << "SUCCEEDED"
        << QByteArray(
               R"j({"items":[1,2,3],"priced":[{"i":0,"total":11},{"i":1,"total":12},{"i":2,"total":13}],"tax":10})j");
    QTest::newRow("map legacy iterator and parameters") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","Parameters":{"v.$":"$$.Map.Item.Value"},"Iterator":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}})j")
                                                        << QByteArray(R"j(["a","b"])j") << "SUCCEEDED"
                                                        << QByteArray(R"j([{"v":"a"},{"v":"b"}])j");
    QTest::newRow("map of nothing") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}})j")
                                    << QByteArray("[]") << "SUCCEEDED" << QByteArray("[]");
    QTest::newRow("map over a non-array") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.x","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}})j")
                                          << QByteArray(R"j({"x":5})j") << "FAILED" << QByteArray("States.Runtime");
    QTest::newRow("map tolerated failures") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Bad"}],"Default":"Ok"},"Bad":{"Type":"Fail","Error":"Two"},"Ok":{"Type":"Succeed"}}},"End":true}}})j")
                                            << QByteArray("[1,2,3]") << "SUCCEEDED"
                                            << QByteArray(R"j([1,{"Cause":"","Error":"Two"},3])j");
    QTest::newRow("map failures over the threshold") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":20,"ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"No"}}},"End":true}}})j")
                                                     << QByteArray("[1,2,3]") << "FAILED"
                                                     << QByteArray("States.ExceedToleratedFailureThreshold");
    QTest::newRow("map failure uncaught") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Item.Failed"}}},"End":true}}})j")
                                          << QByteArray("[1]") << "FAILED" << QByteArray("Item.Failed");
    QTest::newRow("missing path is a runtime error")
        << QByteArray(R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"$.nope"},"End":true}}})j")
        << QByteArray("{}") << "FAILED" << QByteArray("States.Runtime");
    QTest::newRow("runtime errors are not caught by States.ALL") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"Q","States":{"Q":{"Type":"Pass","InputPath":"$.nope","End":true}}}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"End":true},"S":{"Type":"Succeed"}}})j")
                                                                 << QByteArray("{}") << "FAILED"
                                                                 << QByteArray("States.Runtime");
    QTest::newRow("catch all with error output") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"End":true},"S":{"Type":"Succeed"}}})j")
                                                 << QByteArray(R"j({"a":1})j") << "SUCCEEDED"
                                                 << QByteArray(R"j({"Cause":"C","Error":"E"})j");
    QTest::newRow("retry a parallel then catch") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Flaky"}}}],"Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":1,"MaxAttempts":2}],"Catch":[{"ErrorEquals":["Flaky"],"ResultPath":"$.e","Next":"S"}],"End":true},"S":{"Type":"Pass","OutputPath":"$.e.Error","End":true}}})j")
                                                 << QByteArray("{}") << "SUCCEEDED" << QByteArray(R"j("Flaky")j");
}

void TestWorkflows::states()
{
    QFETCH(QByteArray, definition);
    QFETCH(QByteArray, input);
    QFETCH(QString, status);
    QFETCH(QByteArray, expected);
    addMachine("m", definition);
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    const std::optional<ExecutionRecord> done = run("m", input);
    QVERIFY(done);
    QCOMPARE(done->status, status);
    if (status == "SUCCEEDED")
        QCOMPARE(text(done->output), expected);
    else
        QCOMPARE(done->error, QString::fromUtf8(expected));
}

void TestWorkflows::validation_data()
{
    QTest::addColumn<QByteArray>("definition");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("message"); // a part of the diagnostic
    QTest::addColumn<bool>("error");

    QTest::newRow("missing next target") << QByteArray(R"j({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}})j")
                                         << "A"
                                         << "does not exist" << true;
    QTest::newRow("unreachable") << QByteArray(
        R"j({"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}})j")
                                 << "B"
                                 << "no path from StartAt" << true;
    QTest::newRow("no terminal state") << QByteArray(R"j({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A"}}})j")
                                       << ""
                                       << "no state ends" << true;
    QTest::newRow("choice without default") << QByteArray(
        R"j({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"S"}]},"S":{"Type":"Succeed"}}})j")
                                            << "C"
                                            << "no Default" << false;
    QTest::newRow("retry on a fail state")
        << QByteArray(R"j({"StartAt":"F","States":{"F":{"Type":"Fail","Retry":[{"ErrorEquals":["States.ALL"]}]}}})j")
        << "F"
        << "cannot have Retry" << true;
    QTest::newRow("bad path") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"order","End":true}}})j")
                              << "P"
                              << "" << true;
    QTest::newRow("unknown intrinsic") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"States.Nope(1)"},"End":true}}})j")
                                       << "P"
                                       << "" << true;
    QTest::newRow("unknown resource") << QByteArray(
        R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","End":true}}})j")
                                      << "T"
                                      << "unknown resource ARN" << true;
    QTest::newRow("inside a branch") << QByteArray(
        R"j({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Z"}}}],"End":true}}})j")
                                     << "P/Branch 1/A"
                                     << "does not exist" << true;
    QTest::newRow("jsonata refused") << QByteArray(
        R"j({"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})j")
                                     << ""
                                     << "JSONata" << true;
    QTest::newRow("distributed map refused") << QByteArray(
        R"j({"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}}})j")
                                             << "M"
                                             << "INLINE" << true;
    QTest::newRow("task token without token") << QByteArray(
        R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody":"x"},"End":true}}})j")
                                              << "T"
                                              << "$$.Task.Token" << true;
}

void TestWorkflows::validation()
{
    QFETCH(QByteArray, definition);
    QFETCH(QString, state);
    QFETCH(QString, message);
    QFETCH(bool, error);
    const Result<QJsonObject> parsed = AslDefinition::parse(definition);
    QVERIFY(parsed);
    bool found = false;
    QStringList all;
    for (const AslDiagnostic &d : AslDefinition::validate(*parsed)) {
        all.append(d.text());
        found |= d.state == state && d.text().contains(message)
                 && (d.severity == AslDiagnostic::Severity::Error) == error;
    }
    QVERIFY2(found, qPrintable(all.join('\n')));
    // A machine that does not validate does not start, and says why.
    if (error) {
        addMachine("m", definition);
        QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
        const Result<QString> started = f->cloud->workflows().startExecution("m", "{}");
        QVERIFY(!started);
        QVERIFY2(started.errorMessage().startsWith("InvalidDefinition"), qPrintable(started.errorMessage()));
    }
    // And a parse error names its line.
    QVERIFY(AslDefinition::parse("{\n\"StartAt\": ,\n}").errorMessage().startsWith("line 2"));
}

void TestWorkflows::referencesOfTasks()
{
    const QJsonObject definition = object(R"j({"StartAt":"A","States":{
        "A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:000000000000:function:charge:$LATEST"},"Next":"B"},
        "B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:validate","Next":"C"},
        "C":{"Type":"Parallel","Branches":[{"StartAt":"Q","States":{"Q":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"http://localhost:4566/000000000000/orders","MessageBody":"x"},"End":true}}}],"Next":"D"},
        "D":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"${receipts}","Item":{}},"Next":"E"},
        "E":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:000000000000:elsewhere","Message":"x"},"Next":"F"},
        "F":{"Type":"Task","Resource":"${refund}","End":true}}})j");
    const QList<AslReference> refs = AslDefinition::references(
        definition, {"charge", "validate", "orders", "receipts", "refund", "unrelated"});
    QStringList seen;
    for (const AslReference &r : refs)
        seen.append(r.node + ' ' + r.edge + ' ' + r.states.join(','));
    QCOMPARE(seen, (QStringList{"charge invokes A", "orders writes C/Branch 1/Q", "receipts writes D",
                                "refund invokes F", "validate invokes B"}));
    // The placeholder form is a valid resource as written (the editor checks the file as is).
    for (const AslDiagnostic &d : AslDefinition::validate(definition))
        QVERIFY2(!d.text().contains("unknown resource"), qPrintable(d.text()));
}

void TestWorkflows::historyOfATask()
{
    f->addFunction("echo", kFlaky);
    addMachine("m", R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
        "Parameters":{"FunctionName":"${echo}","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const std::optional<ExecutionRecord> done = run("m", R"j({"n":1})j");
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    QCOMPARE(done->output.toObject().value("seen"), QJsonValue(true));
    // The events AWS's history has for a Lambda task, in its order and with its details.
    QCOMPARE(eventTypes(done->arn), (QStringList{"ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                                                 "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"}));
    const QList<ExecutionEvent> history = f->cloud->workflows().history(done->arn);
    QCOMPARE(history.at(2).details.value("resourceType").toString(), "lambda");
    QCOMPARE(history.at(2).details.value("resource").toString(), "invoke");
    const QJsonObject parameters =
        QJsonDocument::fromJson(history.at(2).details.value("parameters").toString().toUtf8()).object();
    QCOMPARE(parameters.value("FunctionName").toString(), "arn:aws:lambda:us-east-1:000000000000:function:echo");
    const QJsonObject output =
        QJsonDocument::fromJson(history.at(4).details.value("output").toString().toUtf8()).object();
    QCOMPARE(output.value("StatusCode").toInt(), 200);
    QCOMPARE(output.value("ExecutedVersion").toString(), "$LATEST");
    for (int i = 1; i < history.size(); ++i) {
        QCOMPARE(history.at(i).id, i + 1);
        QVERIFY(history.at(i).previous < history.at(i).id);
    }
    // The hop of the function is on the machine's connection, for the canvas.
    QVERIFY(f->waitForInvocations("echo", 1));
}

void TestWorkflows::historyIsCompleteWhenRead_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("watched");
    QTest::newRow("express") << "EXPRESS" << false;
    QTest::newRow("express, watched live") << "EXPRESS" << true;
    QTest::newRow("standard") << "STANDARD" << false;
}

// The engine makes an event's input and output text only when the history is read (or
// saved): read after the end, live through eventAdded, or from state.sqlite, every event
// has all its details, and a state's "$$" reads the context made for it alone.
void TestWorkflows::historyIsCompleteWhenRead()
{
    QFETCH(QString, type);
    QFETCH(bool, watched);
    addMachine("m",
               R"j({"StartAt":"P","States":{
        "P":{"Type":"Pass","Parameters":{"n.$":"$.n","state.$":"$$.State.Name"},"Next":"C"},
        "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Done"}],"Default":"Done"},
        "Done":{"Type":"Succeed"}}})j",
               type);
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    QList<ExecutionEvent> live;
    if (watched)
        connect(&f->cloud->workflows(), &WorkflowEngine::eventAdded, this,
                [&live](const QString &, const ExecutionEvent &event) { live.append(event); });
    const std::optional<ExecutionRecord> done = run("m", R"j({"n":1})j");
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    const QByteArray out = R"(\"n\":1,\"state\":\"P\")";
    const QList<QByteArray> expected{
        R"(ExecutionStarted executionStartedEventDetails {"input":"{\"n\":1}","inputDetails":{"truncated":false},)"
        R"("roleArn":"arn:aws:iam::000000000000:role/m-role"})",
        R"(PassStateEntered stateEnteredEventDetails {"input":"{\"n\":1}","inputDetails":{"truncated":false},)"
        R"("name":"P"})",
        R"(PassStateExited stateExitedEventDetails {"name":"P","output":"{)" + out
            + R"(}","outputDetails":{"truncated":false}})",
        R"(ChoiceStateEntered stateEnteredEventDetails {"input":"{)" + out
            + R"(}","inputDetails":{"truncated":false},"name":"C"})",
        R"(ChoiceStateExited stateExitedEventDetails {"name":"C","output":"{)" + out
            + R"(}","outputDetails":{"truncated":false}})",
        R"(SucceedStateEntered stateEnteredEventDetails {"input":"{)" + out
            + R"(}","inputDetails":{"truncated":false},"name":"Done"})",
        R"(SucceedStateExited stateExitedEventDetails {"name":"Done","output":"{)" + out
            + R"(}","outputDetails":{"truncated":false}})",
        R"(ExecutionSucceeded executionSucceededEventDetails {"output":"{)" + out
            + R"(}","outputDetails":{"truncated":false}})",
    };
    auto described = [](const QList<ExecutionEvent> &events) {
        QList<QByteArray> lines;
        for (const ExecutionEvent &e : events)
            lines.append(e.type.toUtf8() + ' ' + e.detailsKey.toUtf8() + ' '
                         + QJsonDocument(e.details).toJson(QJsonDocument::Compact));
        return lines;
    };
    const QList<ExecutionEvent> history = f->cloud->workflows().history(done->arn);
    QCOMPARE(described(history), expected);
    for (int i = 0; i < history.size(); ++i) {
        QCOMPARE(history.at(i).id, i + 1);
        QCOMPARE(history.at(i).previous, i);
    }
    // Read twice, the same.
    QCOMPARE(described(f->cloud->workflows().history(done->arn)), expected);
    if (watched)
        QCOMPARE(described(live), expected);
    if (type == "STANDARD") {
        QTest::qWait(50); // written when the event loop comes back
        QCOMPARE(described(f->cloud->state().events(done->arn)), expected);
    }
}

void TestWorkflows::outputOverThePayloadLimit_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<QString>("status");
    QTest::newRow("small") << QByteArray(R"("ok")") << "SUCCEEDED";
    // 200,002 bytes of text: under 256 KB.
    QTest::newRow("200,000 characters") << '"' + QByteArray(200000, 'a') + '"' << "SUCCEEDED";
    // Escaped quotes are two bytes each in the text: 200,002 bytes again.
    QTest::newRow("100,000 escaped quotes")
        << '"' + QByteArray(100000 * 2, '\\').replace("\\\\", "\\\"") + '"' << "SUCCEEDED";
    QTest::newRow("270,000 characters") << '"' + QByteArray(270000, 'a') + '"' << "FAILED";
    QTest::newRow("140,000 escaped quotes")
        << '"' + QByteArray(140000 * 2, '\\').replace("\\\\", "\\\"") + '"' << "FAILED";
}

// A state's output over AWS's 256 KB (its JSON text) fails it with States.DataLimitExceeded.
void TestWorkflows::outputOverThePayloadLimit()
{
    QFETCH(QByteArray, result);
    QFETCH(QString, status);
    addMachine("m", R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Result":)j" + result + R"j(,"End":true}}})j",
               "EXPRESS");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const std::optional<ExecutionRecord> done = run("m", "{}");
    QVERIFY(done);
    QCOMPARE(done->status, status);
    if (status == "FAILED")
        QCOMPARE(done->error, "States.DataLimitExceeded");
    else
        QCOMPARE(text(done->output), result);
}

void TestWorkflows::retryThenSucceed()
{
    f->addFunction("flaky", kFlaky);
    addMachine(
        "m",
        R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:flaky",
        "Retry":[{"ErrorEquals":["TransientError"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3}],"End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const std::optional<ExecutionRecord> done = run("m", R"j({"failures":2})j");
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    QCOMPARE(done->output.toObject().value("calls").toInt(), 3);
    // A plain function ARN: the legacy Lambda events, a failure per retried attempt.
    const QStringList types = eventTypes(done->arn);
    QCOMPARE(types.count("LambdaFunctionFailed"), 2);
    QCOMPARE(types.count("LambdaFunctionSucceeded"), 1);
    QCOMPARE(types.count("TaskStateEntered"), 1); // a retry does not enter the state again
    QCOMPARE(done->transitions, 3); // but is billed as a transition
}

void TestWorkflows::catchAfterRetries()
{
    f->addFunction("flaky", kFlaky);
    addMachine("m", R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
        "Parameters":{"FunctionName":"flaky","Payload.$":"$"},
        "Retry":[{"ErrorEquals":["TransientError"],"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":0}],
        "Catch":[{"ErrorEquals":["TransientError"],"ResultPath":"$.error","Next":"Compensate"}],"End":true},
        "Compensate":{"Type":"Pass","Parameters":{"error.$":"$.error.Error","message.$":"States.StringToJson($.error.Cause)"},"End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const std::optional<ExecutionRecord> done = run("m", R"j({"failures":5})j");
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    const QJsonObject output = done->output.toObject();
    QCOMPARE(output.value("error").toString(), "TransientError");
    // The cause is Lambda's error object as JSON.
    QCOMPARE(output.value("message").toObject().value("errorType").toString(), "TransientError");
    QVERIFY(output.value("message").toObject().value("errorMessage").toString().startsWith("try again (call 2)"));
}

void TestWorkflows::taskTimeout()
{
    const NodeId slow = f->addFunction("slow", kFlaky);
    QVERIFY(f->project.setNodeProperty(slow, "timeout", 30));
    addMachine("m", R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
        "Parameters":{"FunctionName":"slow","Payload.$":"$"},"TimeoutSeconds":1,
        "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}],"End":true},"TimedOut":{"Type":"Pass","Result":"timed out","End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const std::optional<ExecutionRecord> done = run("m", R"j({"slow":8000})j", false, 20000);
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    QCOMPARE(done->output.toString(), "timed out");
    QVERIFY(eventTypes(done->arn).contains("TaskTimedOut"));
}

void TestWorkflows::serviceIntegrations()
{
    (void)f->project.addNode("queue", {}, "orders");
    const NodeId receipts = f->project.addNode("table", {}, "receipts").valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(receipts, "partitionKey", "id"));
    (void)f->project.addNode("topic", {}, "shipped");
    addMachine("m", R"j({"StartAt":"Send","States":{
        "Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"${orders}","MessageBody.$":"$"},"ResultPath":"$.sent","Next":"Put"},
        "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"${receipts}","Item":{"id":{"S.$":"$.id"},"total":{"N":"12"}}},"ResultPath":null,"Next":"Get"},
        "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"receipts","Key":{"id":{"S.$":"$.id"}}},"ResultSelector":{"total.$":"$.Item.total.N"},"ResultPath":"$.got","Next":"Update"},
        "Update":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"TableName":"receipts","Key":{"id":{"S.$":"$.id"}},"UpdateExpression":"SET shipped = :t","ConditionExpression":"attribute_exists(id)","ExpressionAttributeValues":{":t":{"BOOL":true}}},"ResultPath":null,"Next":"Publish"},
        "Publish":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"${shipped}","Message.$":"$.id"},"ResultPath":"$.published","Next":"Missing"},
        "Missing":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"TableName":"receipts","Key":{"id":{"S":"nope"}},"UpdateExpression":"SET a = :a","ConditionExpression":"attribute_exists(id)","ExpressionAttributeValues":{":a":{"N":"1"}}},
            "Catch":[{"ErrorEquals":["DynamoDB.ConditionalCheckFailedException"],"ResultPath":"$.conditional","Next":"Done"}],"End":true},
        "Done":{"Type":"Succeed"}}})j");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    const std::optional<ExecutionRecord> done = run("m", R"j({"id":"r1"})j");
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    const QJsonObject output = done->output.toObject();
    QVERIFY(!output.value("sent").toObject().value("MessageId").toString().isEmpty());
    QCOMPARE(output.value("sent").toObject().value("Md5OfMessageBody").toString().size(), 32);
    QCOMPARE(output.value("got").toObject().value("total").toString(), "12");
    QVERIFY(!output.value("published").toObject().value("MessageId").toString().isEmpty());
    QCOMPARE(output.value("conditional").toObject().value("Error").toString(),
             "DynamoDB.ConditionalCheckFailedException");
    // What the tasks did is in the services.
    QCOMPARE(f->cloud->storedCount("orders"), 1);
    const QList<QueueMessage> messages = f->cloud->receiveMessages("orders", 1, 30);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(messages.first().body).object().value("id").toString(), "r1");
    QCOMPARE(f->cloud->storedCount("receipts"), 1);
}

void TestWorkflows::nestedSyncExecution()
{
    addMachine(
        "child",
        R"j({"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, $.n)"},"End":true}}})j");
    addMachine("failing", R"j({"StartAt":"F","States":{"F":{"Type":"Fail","Error":"ChildBroke","Cause":"no"}}})j");
    addMachine("parent", R"j({"StartAt":"Call","States":{
        "Call":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"${child}","Input":{"n.$":"$.n"}},"ResultSelector":{"n.$":"$.Output.n","status.$":"$.Status"},"Next":"Legacy"},
        "Legacy":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{"StateMachineArn":"${child}","Input":{"n.$":"$.n"}},"ResultSelector":{"output.$":"States.StringToJson($.Output)"},"ResultPath":"$.legacy","Next":"Fire"},
        "Fire":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"${child}","Input":{"n":1}},"ResultSelector":{"arn.$":"$.ExecutionArn"},"ResultPath":"$.fired","Next":"Broken"},
        "Broken":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"${failing}"},"Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.child","Next":"Done"}],"End":true},
        "Done":{"Type":"Succeed"}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const std::optional<ExecutionRecord> done = run("parent", R"j({"n":21})j");
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    const QJsonObject output = done->output.toObject();
    QCOMPARE(output.value("n").toInt(), 42);
    QCOMPARE(output.value("status").toString(), "SUCCEEDED");
    QCOMPARE(output.value("legacy").toObject().value("output").toObject().value("n").toInt(), 84);
    QVERIFY(output.value("fired").toObject().value("arn").toString().contains(":execution:child:"));
    const QJsonObject child =
        QJsonDocument::fromJson(output.value("child").toObject().value("Cause").toString().toUtf8()).object();
    QCOMPARE(child.value("Status").toString(), "FAILED");
    QCOMPARE(child.value("Error").toString(), "ChildBroke");
    QCOMPARE(f->cloud->workflows().executions("child").size(), 3);
}

void TestWorkflows::callbackPattern()
{
    (void)f->project.addNode("queue", {}, "approvals");
    addMachine("m", R"j({"StartAt":"Ask","States":{
        "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","HeartbeatSeconds":600,
            "Parameters":{"QueueUrl":"${approvals}","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},
            "Catch":[{"ErrorEquals":["Rejected"],"ResultPath":"$.rejection","Next":"No"}],"Next":"Yes"},
        "Yes":{"Type":"Pass","End":true},"No":{"Type":"Fail","Error":"NotApproved"}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    WorkflowEngine &engine = f->cloud->workflows();
    for (const bool approve : {true, false}) {
        std::optional<ExecutionRecord> done;
        const Result<QString> arn = engine.startExecution("m", R"j({"order":"o1"})j", {}, 0,
                                                          [&](const ExecutionRecord &r) { done = r; });
        QVERIFY(arn);
        QList<QueueMessage> messages;
        QVERIFY(QTest::qWaitFor([&] { return !(messages = f->cloud->receiveMessages("approvals", 1, 30)).isEmpty(); },
                                5000));
        const QString token = QJsonDocument::fromJson(messages.first().body).object().value("token").toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(engine.execution(*arn)->status, "RUNNING");
        QVERIFY(eventTypes(*arn).contains("TaskSubmitted"));
        QVERIFY(engine.sendTaskHeartbeat(token));
        if (approve)
            QVERIFY(engine.sendTaskSuccess(token, R"j({"approved":"yes"})j"));
        else
            QVERIFY(engine.sendTaskFailure(token, "Rejected", "too big"));
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 5000));
        QCOMPARE(done->status, approve ? "SUCCEEDED" : "FAILED");
        if (approve)
            QCOMPARE(done->output.toObject().value("approved").toString(), "yes");
        else
            QCOMPARE(done->error, "NotApproved");
        // A token answers once.
        QVERIFY(!engine.sendTaskSuccess(token, "{}"));
        QVERIFY(engine.sendTaskSuccess(token, "{}").errorMessage().startsWith("TaskDoesNotExist"));
    }
}

void TestWorkflows::executionTimeout()
{
    addMachine("m",
               R"j({"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    f->cloud->virtualClock().pause();
    std::optional<ExecutionRecord> done;
    const Result<QString> arn = f->cloud->workflows().startExecution("m", "{}", "late", 0,
                                                                     [&](const ExecutionRecord &r) { done = r; });
    QVERIFY(arn);
    QVERIFY(arn->endsWith(":execution:m:late"));
    QVERIFY(f->cloud->advance(61 * 1000));
    QVERIFY(done);
    QCOMPARE(done->status, "TIMED_OUT");
    QCOMPARE(done->error, "States.Timeout");
    QCOMPARE(eventTypes(*arn).last(), "ExecutionTimedOut");
    // The name is taken now.
    QVERIFY(
        f->cloud->workflows().startExecution("m", "{}", "late").errorMessage().startsWith("ExecutionAlreadyExists"));
}

void TestWorkflows::stopExecution()
{
    addMachine("m", R"j({"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const Result<QString> arn = f->cloud->workflows().startExecution("m", "{}");
    QVERIFY(arn);
    QVERIFY(f->cloud->workflows().stopExecution(*arn, "Operator", "changed my mind"));
    const std::optional<ExecutionRecord> stopped = f->cloud->workflows().execution(*arn);
    QCOMPARE(stopped->status, "ABORTED");
    QCOMPARE(stopped->error, "Operator");
    QCOMPARE(eventTypes(*arn).last(), "ExecutionAborted");
    QVERIFY(!f->cloud->workflows().nextDue().isValid()); // its wait is gone
    QVERIFY(f->cloud->workflows()
                .stopExecution("arn:aws:states:us-east-1:000000000000:execution:m:nope")
                .errorMessage()
                .startsWith("ExecutionDoesNotExist"));
}

void TestWorkflows::waitsRunOnTheCloudsClock()
{
    addMachine(
        "m",
        R"j({"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":86400,"Next":"Remind"},"Remind":{"Type":"Pass","End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    f->cloud->virtualClock().pause();
    std::optional<ExecutionRecord> done;
    QVERIFY(f->cloud->workflows().startExecution("m", "{}", {}, 0, [&](const ExecutionRecord &r) { done = r; }));
    QCOMPARE(f->cloud->nextDue(), f->cloud->clock().now().addSecs(86400));
    QVERIFY(f->cloud->advance(3600 * 1000));
    QVERIFY(!done);
    QVERIFY(f->cloud->runUntilNextDue()); // a day after the start
    QVERIFY(done);
    QCOMPARE(done->status, "SUCCEEDED");
    QCOMPARE(done->started.secsTo(done->stopped), 86400);
}

void TestWorkflows::executionsSurviveARestart()
{
    addMachine("m",
               R"j({"StartAt":"First","States":{"First":{"Type":"Pass","Result":1,"ResultPath":"$.first","Next":"W"},
        "W":{"Type":"Wait","Seconds":7200,"Next":"Last"},"Last":{"Type":"Pass","Result":2,"ResultPath":"$.last","End":true}}})j");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    f->cloud->virtualClock().pause();
    const Result<QString> arn = f->cloud->workflows().startExecution("m", R"j({"k":"v"})j", "survivor");
    QVERIFY(arn);
    QTest::qWait(50); // the history is written when the event loop comes back
    const int eventsBefore = int(f->cloud->workflows().history(*arn).size());
    f->cloud->stop();
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    f->cloud->virtualClock().pause();
    const std::optional<ExecutionRecord> resumed = f->cloud->workflows().execution(*arn);
    QVERIFY(resumed);
    QCOMPARE(resumed->status, "RUNNING");
    // It waits on for the rest of its two hours, then goes on where it was.
    QVERIFY(f->cloud->advance(7200 * 1000 + 1000));
    QTest::qWait(50);
    const std::optional<ExecutionRecord> done = f->cloud->workflows().execution(*arn);
    QCOMPARE(done->status, "SUCCEEDED");
    QCOMPARE(text(done->output), QByteArray(R"j({"first":1,"k":"v","last":2})j"));
    const QStringList types = eventTypes(*arn);
    QVERIFY(types.size() > eventsBefore);
    QCOMPARE(types.count("ExecutionStarted"), 1);
    QCOMPARE(types.last(), "ExecutionSucceeded");
}

void TestWorkflows::startedByRouteScheduleAndQueue()
{
    const NodeId machine = addMachine("m", R"j({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})j");
    const NodeId route = f->project.addNode("http-route", {}).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(route, "method", "POST"));
    QVERIFY(f->project.setNodeProperty(route, "path", "/orders"));
    QVERIFY(f->project.connectNodes(route, machine, "starts"));
    const NodeId queue = f->project.addNode("queue", {}, "incoming").valueOr(kInvalidNodeId);
    QVERIFY(f->project.connectNodes(queue, machine, "starts"));
    const NodeId schedule = f->project.addNode("schedule", {}, "hourly").valueOr(kInvalidNodeId);
    QVERIFY(f->project.connectNodes(schedule, machine, "starts"));
    QVERIFY2(f->start(), qPrintable(f->error));

    const NimbusTest::HttpReply reply = f->request("POST", "/orders", R"j({"order":"o7"})j");
    QCOMPARE(reply.status, 200L);
    const QString arn = QJsonDocument::fromJson(reply.body).object().value("executionArn").toString();
    QVERIFY2(arn.contains(":execution:m:"), reply.body.constData());
    QVERIFY(QTest::qWaitFor([&] { return f->cloud->workflows().execution(arn)->status == "SUCCEEDED"; }, 5000));
    QCOMPARE(f->cloud->workflows().execution(arn)->output.toObject().value("order").toString(), "o7");

    QVERIFY(f->cloud->sendMessage("incoming", "hello"));
    QVERIFY(QTest::qWaitFor([&] { return f->cloud->workflows().executions("m").size() == 2; }, 5000));
    QJsonArray records;
    for (const ExecutionRecord &e : f->cloud->workflows().executions("m"))
        if (e.input.isArray())
            records = e.input.toArray();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().toObject().value("body").toString(), "hello");
    QCOMPARE(f->cloud->storedCount("incoming"), 0);

    QVERIFY(f->cloud->fireSchedule("hourly"));
    QVERIFY(QTest::qWaitFor([&] { return f->cloud->workflows().executions("m").size() == 3; }, 5000));
    // Executions started in the same millisecond have no order among themselves.
    const QList<ExecutionRecord> all = f->cloud->workflows().executions("m");
    QVERIFY(std::any_of(all.cbegin(), all.cend(), [](const ExecutionRecord &e) {
        return e.input.toObject().value("detail-type").toString() == "Scheduled Event";
    }));
}

QTEST_MAIN(TestWorkflows)
#include "tst_workflows.moc"
