#include "runtime/scaffold.h"
#include "runtime/triggerevents.h"
#include "testutil.h"

#include <QTemporaryDir>

using namespace Nimbus;

// The event a function receives from what invokes it, and the scaffold it starts with.
class tst_TriggerEvents : public QObject
{
    Q_OBJECT

private slots:
    void eventOfEachInvoker_data();
    void eventOfEachInvoker();
    void examplePath_data();
    void examplePath();
    void writesNothingForWrites();
    void scaffold_data();
    void scaffold();
    void scaffoldNeverReplacesCode();
};

void tst_TriggerEvents::eventOfEachInvoker_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("properties");
    QTest::addColumn<QString>("templateId");
    QTest::addColumn<QString>("field"); // a JSON pointer-ish path: a/b/0/c
    QTest::addColumn<QString>("expected");

    QTest::newRow("http v2") << "http-route"
                             << R"({"method": "POST", "path": "/orders/{id}"})"
                             << "apigateway-http-v2"
                             << "routeKey"
                             << "POST /orders/{id}";
    QTest::newRow("http path parameters") << "http-route"
                                          << R"({"method": "GET", "path": "/orders/{id}"})"
                                          << "apigateway-http-v2"
                                          << "pathParameters/id"
                                          << "123";
    QTest::newRow("http v2 POST body") << "http-route"
                                       << R"({"method": "POST", "path": "/orders"})"
                                       << "apigateway-http-v2"
                                       << "body"
                                       << "{}";
    QTest::newRow("http v2 GET body") << "http-route"
                                      << R"({"method": "GET", "path": "/orders"})"
                                      << "apigateway-http-v2"
                                      << "body"
                                      << "";
    QTest::newRow("http v1 PUT body") << "http-route"
                                      << R"({"method": "PUT", "path": "/a", "payloadFormat": "1.0"})"
                                      << "apigateway-rest-v1"
                                      << "body"
                                      << "{}";
    QTest::newRow("http v1") << "http-route"
                             << R"({"method": "GET", "path": "/a", "payloadFormat": "1.0"})"
                             << "apigateway-rest-v1"
                             << "httpMethod"
                             << "GET";
    QTest::newRow("queue") << "queue"
                           << "{}"
                           << "sqs"
                           << "Records/0/eventSourceARN"
                           << "arn:aws:sqs:us-east-1:000000000000:source";
    QTest::newRow("topic") << "topic"
                           << "{}"
                           << "sns"
                           << "Records/0/Sns/TopicArn"
                           << "arn:aws:sns:us-east-1:000000000000:source";
    QTest::newRow("bucket") << "bucket"
                            << "{}"
                            << "s3-put"
                            << "Records/0/s3/bucket/name"
                            << "source";
    QTest::newRow("schedule") << "schedule"
                              << R"j({"expression": "rate(5 minutes)"})j"
                              << "eventbridge-scheduled"
                              << "resources/0"
                              << "arn:aws:events:us-east-1:000000000000:rule/source";
}

void tst_TriggerEvents::eventOfEachInvoker()
{
    QFETCH(QString, kind);
    QFETCH(QString, properties);
    QFETCH(QString, templateId);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    Project project(Catalog::builtin());
    QJsonArray nodes{QJsonArray{"source", kind, QJsonDocument::fromJson(properties.toUtf8()).object()},
                     QJsonArray{"fn", "function", QJsonObject()}};
    QVERIFY(NimbusTest::fillProject(project, nodes, QJsonArray{QJsonValue(QJsonArray{"source", "fn", "invokes"})}));
    const NodeId fn = project.architecture().nodeByName("fn")->id;
    const QList<TriggerEvents::Source> sources = TriggerEvents::forFunction(project, fn);
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources[0].nodeName, QString("source"));
    QCOMPARE(sources[0].templateId, templateId);
    const Result<QByteArray> json = TriggerEvents::generate(sources[0]);
    QVERIFY2(json, qPrintable(json.errorMessage()));
    QJsonValue value = QJsonDocument::fromJson(*json).object();
    for (const QString &step : field.split('/')) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(step);
    }
    QCOMPARE(value.toString(), expected);
}

void tst_TriggerEvents::examplePath_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("path");
    QTest::newRow("literal") << "/health"
                             << "/health";
    QTest::newRow("one") << "/items/{id}"
                         << "/items/123";
    QTest::newRow("two") << "/users/{user}/orders/{order}"
                         << "/users/123/orders/123";
    QTest::newRow("greedy") << "/files/{proxy+}"
                            << "/files/path/to/file";
}

void tst_TriggerEvents::examplePath()
{
    QFETCH(QString, route);
    QFETCH(QString, path);
    QCOMPARE(TriggerEvents::examplePath(route), path);
}

void tst_TriggerEvents::writesNothingForWrites()
{
    // A function that writes a queue does not receive its messages.
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::fillProject(project, NimbusTest::parseArray(R"([["fn", "function", {}], ["q", "queue", {}]])"),
                                    NimbusTest::parseArray(R"([["fn", "q", "writes"]])")));
    QVERIFY(TriggerEvents::forFunction(project, project.architecture().nodeByName("fn")->id).isEmpty());
}

void tst_TriggerEvents::scaffold_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("templateName");
    QTest::addColumn<QString>("contains");

    QTest::newRow("node http") << "nodejs20.x"
                               << "index.handler"
                               << "http-route"
                               << "functions/fn/index.mjs"
                               << "http"
                               << "export const handler = async (event, context)";
    QTest::newRow("node queue") << "nodejs22.x"
                                << "src/main.process"
                                << "queue"
                                << "functions/fn/src/main.mjs"
                                << "sqs"
                                << "export const process = async";
    QTest::newRow("node alone") << "nodejs20.x"
                                << "index.handler"
                                << ""
                                << "functions/fn/index.mjs"
                                << "default"
                                << "fn: called with the event";
    QTest::newRow("python http") << "python3.12"
                                 << "app.lambda_handler"
                                 << "http-route"
                                 << "functions/fn/app.py"
                                 << "http"
                                 << "def lambda_handler(event, context):";
    QTest::newRow("python bucket") << "python3.11"
                                   << "pkg.mod.handler"
                                   << "bucket"
                                   << "functions/fn/pkg/mod.py"
                                   << "s3"
                                   << "unquote_plus";
    QTest::newRow("python schedule") << "python3.12"
                                     << "job.run"
                                     << "schedule"
                                     << "functions/fn/job.py"
                                     << "schedule"
                                     << "def run(event, context):";
}

void tst_TriggerEvents::scaffold()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QString, trigger);
    QFETCH(QString, file);
    QFETCH(QString, templateName);
    QFETCH(QString, contains);
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    // One element: QJsonValue keeps clang from reading the braces as a copy of the inner array.
    QJsonArray nodes{QJsonValue(QJsonArray{"fn", "function", QJsonObject{{"runtime", runtime}, {"handler", handler}}})};
    QJsonArray edges;
    if (!trigger.isEmpty()) {
        nodes.append(QJsonArray{"t", trigger,
                                trigger == "schedule" ? QJsonObject{{"expression", "rate(1 hour)"}} : QJsonObject()});
        edges.append(QJsonArray{"t", "fn", "invokes"});
    }
    QVERIFY(NimbusTest::fillProject(project, nodes, edges));
    const Result<Scaffold> made = Scaffold::forFunction(project, project.architecture().nodeByName("fn")->id);
    QVERIFY2(made, qPrintable(made.errorMessage()));
    const Scaffold &scaffold = *made;
    QCOMPARE(scaffold.relativePath, file);
    QCOMPARE(scaffold.templateName, templateName);
    QVERIFY2(scaffold.content.contains(contains.toUtf8()), scaffold.content.constData());
    QVERIFY(!scaffold.content.contains("{{"));
    const Result<void> written = scaffold.write();
    QVERIFY2(written, qPrintable(written.errorMessage()));
    QCOMPARE(NimbusTest::readAll(dir.filePath(file)), scaffold.content);
}

void tst_TriggerEvents::scaffoldNeverReplacesCode()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    QVERIFY(NimbusTest::fillProject(project, NimbusTest::parseArray(R"([["fn", "function", {}]])"), {}));
    QDir().mkpath(dir.filePath("functions/fn"));
    QVERIFY(NimbusTest::writeAll(dir.filePath("functions/fn/index.mjs"), "mine"));
    const Result<Scaffold> scaffold = Scaffold::forFunction(project, project.architecture().nodeByName("fn")->id);
    QVERIFY(scaffold);
    const Result<void> written = scaffold->write();
    QVERIFY(!written);
    QVERIFY(written.errorMessage().contains("exists"));
    QCOMPARE(NimbusTest::readAll(dir.filePath("functions/fn/index.mjs")), QByteArray("mine"));
}

QTEST_GUILESS_MAIN(tst_TriggerEvents)
#include "tst_triggerevents.moc"
