#include "cloud/eventpattern.h"
#include "cloud/filtercriteria.h"
#include "model/kinds.h"
#include "model/validator.h"

#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>

using namespace Nimbus;
using namespace NimbusTest;

class tst_Validator : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void eventLoopNamesTheNodes();
    void handlerFile_data();
    void handlerFile();
    void checkValue_data();
    void checkValue();
    void exampleHasNoErrors();
    // Filter criteria on queue and table stream triggers, in the matcher's words.
    void filterCriteria_data();
    void filterCriteria();

private:
    static QList<Diagnostic> validate(const char *nodes, const char *edges, const QString &dir = {},
                                      Project **keep = nullptr);
};

QList<Diagnostic> tst_Validator::validate(const char *nodes, const char *edges, const QString &dir, Project **keep)
{
    auto *project = new Project(Catalog::builtin());
    if (!fillProject(*project, parseArray(nodes), parseArray(edges)))
        qFatal("bad test data");
    Validator validator(project->catalog(), project->architecture());
    validator.setProjectDirectory(dir);
    const QList<Diagnostic> result = validator.validate();
    if (keep)
        *keep = project;
    else
        delete project;
    return result;
}

void tst_Validator::rules_data()
{
    QTest::addColumn<QByteArray>("nodes");
    QTest::addColumn<QByteArray>("edges");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("message");

    const QByteArray routeAndFunction = R"([["api", "http-route", {}], ["fn", "function", {}]])";
    const QByteArray invoked = R"([["api", "fn", "invokes"]])";

    // Connections the catalog forbids.
    QTest::newRow("edge allowed") << routeAndFunction << invoked << "edge-forbidden" << false << "";
    QTest::newRow("edge forbidden") << QByteArray(R"([["api", "http-route", {}], ["q", "queue", {}]])")
                                    << QByteArray(R"([["api", "q", "invokes"]])") << "edge-forbidden" << true
                                    << "http route 'api' cannot invokes queue 'q'";
    QTest::newRow("edge of unknown type") << routeAndFunction << QByteArray(R"([["api", "fn", "pokes"]])")
                                          << "edge-forbidden" << true << "unknown connection type 'pokes'";

    // A user pool's callback URLs: https, or http://localhost for testing (issue 21 item 6).
    auto pool = [](const char *urls) {
        return QByteArray(R"([["users", "user-pool", {"callbackUrls": ")") + urls + R"("}]])";
    };
    QTest::newRow("callback https and localhost") << pool("https://shop.example.com/cb, http://localhost:5173/cb")
                                                  << QByteArray("[]") << "invalid-callback-url" << false << "";
    QTest::newRow("callback empty: the default")
        << pool("") << QByteArray("[]") << "invalid-callback-url" << false << "";
    QTest::newRow("callback plain http") << pool("http://shop.example.com/cb") << QByteArray("[]")
                                         << "invalid-callback-url" << true
                                         << "'http://shop.example.com/cb' is not a callback URL";
    QTest::newRow("callback http on a localhost-looking host")
        << pool("http://localhost.evil.example/cb") << QByteArray("[]") << "invalid-callback-url" << true
        << "is not a callback URL";
    QTest::newRow("callback javascript") << pool("javascript:alert(1)") << QByteArray("[]") << "invalid-callback-url"
                                         << true << "is not a callback URL";
    QTest::newRow("callback fragment") << pool("https://shop.example.com/#x") << QByteArray("[]")
                                       << "invalid-callback-url" << true << "without a #fragment";
    QTest::newRow("callback user info") << pool("https://me@shop.example.com/") << QByteArray("[]")
                                        << "invalid-callback-url" << true << "is not a callback URL";

    // Property values.
    QTest::newRow("memory in range") << QByteArray(R"([["fn", "function", {"memory": 1024}]])") << QByteArray("[]")
                                     << "invalid-property" << false << "";
    QTest::newRow("memory too low") << QByteArray(R"([["fn", "function", {"memory": 64}]])") << QByteArray("[]")
                                    << "invalid-property" << true << "Memory: 64 MB is outside 128 to 10240 MB";
    QTest::newRow("timeout too high") << QByteArray(R"([["fn", "function", {"timeout": 901}]])") << QByteArray("[]")
                                      << "invalid-property" << true << "Timeout: 901 s is outside 1 to 900 s";
    QTest::newRow("memory wrong type") << QByteArray(R"([["fn", "function", {"memory": "lots"}]])") << QByteArray("[]")
                                       << "invalid-property" << true << "Memory: expected a whole number";
    QTest::newRow("memory fractional") << QByteArray(R"([["fn", "function", {"memory": 256.5}]])") << QByteArray("[]")
                                       << "invalid-property" << true << "not a whole number";
    QTest::newRow("runtime unknown") << QByteArray(R"([["fn", "function", {"runtime": "ruby3.3"}]])")
                                     << QByteArray("[]") << "invalid-property" << true << "'ruby3.3' is not one of";
    QTest::newRow("cors not boolean") << QByteArray(R"([["api", "http-route", {"cors": "yes"}]])") << QByteArray("[]")
                                      << "invalid-property" << true << "expected true or false";
    QTest::newRow("path pattern") << QByteArray(R"([["api", "http-route", {"path": "items/{id"}]])") << QByteArray("[]")
                                  << "invalid-property" << true << "a path starting with '/'";
    QTest::newRow("proxy path ok") << QByteArray(R"([["api", "http-route", {"path": "/files/{proxy+}"}]])")
                                   << QByteArray("[]") << "invalid-property" << false << "";
    QTest::newRow("concurrency null ok") << QByteArray(R"([["fn", "function", {"reservedConcurrency": null}]])")
                                         << QByteArray("[]") << "invalid-property" << false << "";
    QTest::newRow("environment reserved")
        << QByteArray(R"([["fn", "function", {"environment": [{"name": "AWS_REGION", "value": "x"}]}]])")
        << QByteArray("[]") << "invalid-property" << true << "'AWS_REGION' is reserved";
    QTest::newRow("environment twice") << QByteArray(
        R"([["fn", "function", {"environment": [{"name": "A", "value": "1"},
                                                               {"name": "A", "value": "2", "secret": true}]}]])")
                                       << QByteArray("[]") << "invalid-property" << true << "'A' is set twice";
    QTest::newRow("environment bad name")
        << QByteArray(R"([["fn", "function", {"environment": [{"name": "1X", "value": "1"}]}]])") << QByteArray("[]")
        << "invalid-property" << true << "'1X' is not a valid variable name";
    QTest::newRow("unknown property") << QByteArray(R"([["fn", "function", {"colour": "red"}]])") << QByteArray("[]")
                                      << "unknown-property" << true << "'colour'";

    // Duplicate routes.
    QTest::newRow("routes differ by method") << QByteArray(R"([["a", "http-route", {"method": "GET", "path": "/x"}],
                          ["b", "http-route", {"method": "POST", "path": "/x"}]])")
                                             << QByteArray("[]") << "duplicate-key" << false << "";
    QTest::newRow("routes duplicate")
        << QByteArray(R"([["a", "http-route", {"method": "GET", "path": "/x/{id}"}],
                          ["b", "http-route", {"method": "GET", "path": "/x/{id}"}]])")
        << QByteArray("[]") << "duplicate-key" << true
        << "http route 'a' and http route 'b' have the same method and path (GET /x/{id})";

    // Schedules.
    QTest::newRow("cron valid") << QByteArray(R"j([["s", "schedule", {"expression": "cron(0 2 * * ? *)"}]])j")
                                << QByteArray("[]") << "invalid-property" << false << "";
    QTest::newRow("cron invalid") << QByteArray(R"j([["s", "schedule", {"expression": "cron(0 2 * * *)"}]])j")
                                  << QByteArray("[]") << "invalid-property" << true << "schedule 's': Expression:";
    QTest::newRow("rate invalid") << QByteArray(R"j([["s", "schedule", {"expression": "rate(5 fortnights)"}]])j")
                                  << QByteArray("[]") << "invalid-property" << true << "unknown unit 'fortnights'";

    // Functions nothing invokes.
    QTest::newRow("invoked function") << routeAndFunction << invoked << "not-invoked" << false << "";
    QTest::newRow("called function") << QByteArray(R"([["api", "http-route", {}], ["a", "function", {}],
                                                       ["b", "function", {}]])")
                                     << QByteArray(R"([["api", "a", "invokes"], ["a", "b", "calls"]])") << "not-invoked"
                                     << false << "";
    QTest::newRow("authorizer function") << QByteArray(R"([["api", "http-route", {}], ["a", "function", {}],
                                                           ["gate", "function", {}]])")
                                         << QByteArray(R"([["api", "a", "invokes"], ["gate", "api", "authorizes"]])")
                                         << "not-invoked" << false << "";
    QTest::newRow("orphan function") << routeAndFunction << QByteArray("[]") << "not-invoked" << true
                                     << "function 'fn' is never invoked";
    QTest::newRow("read-only source") << QByteArray(R"([["t", "table", {}], ["fn", "function", {}]])")
                                      << QByteArray(R"([["fn", "t", "reads"]])") << "not-invoked" << true << "'fn'";

    // Names.
    QTest::newRow("valid name") << QByteArray(R"([["order-events_2", "topic", {}]])") << QByteArray("[]")
                                << "invalid-name" << false << "";
    QTest::newRow("invalid name") << QByteArray(R"([["2 orders", "topic", {}]])") << QByteArray("[]") << "invalid-name"
                                  << true << "topic '2 orders'";
    QTest::newRow("unknown kind") << QByteArray(R"([["c", "cache", {}]])") << QByteArray("[]") << "unknown-kind" << true
                                  << "'c' is of unknown kind 'cache'";

    // Requirements of connections.
    QTest::newRow("table stream off") << QByteArray(R"([["t", "table", {}], ["fn", "function", {}]])")
                                      << QByteArray(R"([["t", "fn", "invokes"]])") << "edge-requirement" << true
                                      << "its Stream is NONE";
    QTest::newRow("table stream on") << QByteArray(
        R"([["t", "table", {"stream": "NEW_IMAGE"}], ["fn", "function", {}]])")
                                     << QByteArray(R"([["t", "fn", "invokes"]])") << "edge-requirement" << false << "";
    QTest::newRow("duplicate edge") << routeAndFunction
                                    << QByteArray(R"([["api", "fn", "invokes"], ["api", "fn", "invokes"]])")
                                    << "duplicate-edge" << true << "twice";

    // Event loops.
    QTest::newRow("no loop: reads") << QByteArray(R"([["q", "queue", {}], ["fn", "function", {}]])")
                                    << QByteArray(R"([["q", "fn", "invokes"], ["fn", "q", "reads"]])") << "event-loop"
                                    << false << "";
    QTest::newRow("no loop: chain") << QByteArray(R"([["api", "http-route", {}], ["a", "function", {}],
                                                      ["q", "queue", {}], ["b", "function", {}],
                                                      ["t", "table", {}]])")
                                    << QByteArray(R"([["api", "a", "invokes"], ["a", "q", "writes"],
                                                      ["q", "b", "invokes"], ["b", "t", "writes"]])")
                                    << "event-loop" << false << "";
    QTest::newRow("loop: queue") << QByteArray(R"([["q", "queue", {}], ["fn", "function", {}]])")
                                 << QByteArray(R"([["q", "fn", "invokes"], ["fn", "q", "writes"]])") << "event-loop"
                                 << true << "function 'fn' writes queue 'q', which invokes function 'fn'";
    QTest::newRow("loop: self call") << QByteArray(R"([["fn", "function", {}]])")
                                     << QByteArray(R"([["fn", "fn", "calls"]])") << "event-loop" << true
                                     << "function 'fn' calls function 'fn'";
    QTest::newRow("loop: through topic and bucket")
        << QByteArray(R"([["a", "function", {}], ["t", "topic", {}], ["b", "function", {}], ["s3", "bucket", {}]])")
        << QByteArray(R"([["a", "t", "publishes"], ["t", "b", "invokes"], ["b", "s3", "writes"],
                          ["s3", "a", "invokes"]])")
        << "event-loop" << true
        << "function 'a' publishes topic 't', which invokes function 'b', which writes bucket 's3', which invokes "
           "function 'a'";
}

void tst_Validator::rules()
{
    QFETCH(QByteArray, nodes);
    QFETCH(QByteArray, edges);
    QFETCH(QString, code);
    QFETCH(bool, expected);
    QFETCH(QString, message);

    const QList<Diagnostic> diagnostics = validate(nodes.constData(), edges.constData());
    QStringList found;
    bool present = false;
    for (const Diagnostic &d : diagnostics) {
        found.append(d.code + ": " + d.message);
        if (d.code == code && d.message.contains(message))
            present = true;
    }
    QVERIFY2(present == expected, qPrintable(found.join("\n")));
}

void tst_Validator::eventLoopNamesTheNodes()
{
    Project *project = nullptr;
    const QList<Diagnostic> diagnostics = validate(
        R"([["api", "http-route", {}], ["enqueue", "function", {}], ["jobs", "queue", {}],
                     ["worker", "function", {}], ["results", "table", {"stream": "NEW_IMAGE"}]])",
        R"([["api", "enqueue", "invokes"], ["enqueue", "jobs", "writes"], ["jobs", "worker", "invokes"],
                     ["worker", "results", "writes"], ["results", "enqueue", "invokes"]])",
        {}, &project);
    std::unique_ptr<Project> owner(project);
    QList<Diagnostic> loops;
    for (const Diagnostic &d : diagnostics)
        if (d.code == "event-loop")
            loops.append(d);
    QCOMPARE(loops.size(), 1);
    QCOMPARE(loops.first().severity, Diagnostic::Severity::Error);
    QStringList names;
    for (NodeId id : loops.first().nodes)
        names.append(project->architecture().node(id)->name);
    names.sort();
    QCOMPARE(names, (QStringList{"enqueue", "jobs", "results", "worker"}));
    for (const QString &name : names)
        QVERIFY2(loops.first().message.contains("'" + name + "'"), qPrintable(loops.first().message));
}

void tst_Validator::handlerFile_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");

    QTest::newRow("node js") << "nodejs20.x"
                             << "index.handler"
                             << "functions/fn/index.js"
                             << "";
    QTest::newRow("node mjs") << "nodejs22.x"
                              << "index.handler"
                              << "functions/fn/index.mjs"
                              << "";
    QTest::newRow("python") << "python3.12"
                            << "app.handler"
                            << "functions/fn/app.py"
                            << "";
    QTest::newRow("python package") << "python3.12"
                                    << "pkg.app.handler"
                                    << "functions/fn/pkg/app.py"
                                    << "";
    QTest::newRow("wrong extension") << "python3.12"
                                     << "index.handler"
                                     << "functions/fn/index.js"
                                     << "handler file not found (looked for functions/fn/index.py)";
    QTest::newRow("missing file") << "nodejs20.x"
                                  << "main.handler"
                                  << "functions/fn/index.js"
                                  << "functions/fn/main.js, functions/fn/main.mjs, functions/fn/main.cjs";
    QTest::newRow("missing folder") << "nodejs20.x"
                                    << "index.handler"
                                    << ""
                                    << "source folder 'functions/fn' does not exist";
}

void tst_Validator::handlerFile()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QString, file);
    QFETCH(QString, message);
    QTemporaryDir dir;
    if (!file.isEmpty()) {
        QVERIFY(QDir(dir.path()).mkpath(QFileInfo(dir.filePath(file)).path()));
        QVERIFY(writeAll(dir.filePath(file), "exports.handler = async () => 1;\n"));
    }
    const QByteArray nodes =
        QStringLiteral(R"([["fn", "function", {"runtime": "%1", "handler": "%2"}]])").arg(runtime, handler).toUtf8();
    const QList<Diagnostic> diagnostics = validate(nodes.constData(), "[]", dir.path());
    QString found;
    for (const Diagnostic &d : diagnostics)
        if (d.code == "handler-missing")
            found = d.message;
    QCOMPARE(found.isEmpty(), message.isEmpty());
    QVERIFY2(found.contains(message), qPrintable(found));
}

void tst_Validator::checkValue_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("memory max") << "function"
                                << "memory" << QJsonValue(10240) << true;
    QTest::newRow("memory above") << "function"
                                  << "memory" << QJsonValue(10241) << false;
    QTest::newRow("null not allowed") << "function"
                                      << "memory" << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("null allowed") << "function"
                                  << "reservedConcurrency" << QJsonValue(QJsonValue::Null) << true;
    QTest::newRow("handler") << "function"
                             << "handler" << QJsonValue("src/index.handler") << true;
    QTest::newRow("handler without function") << "function"
                                              << "handler" << QJsonValue("index") << false;
    QTest::newRow("key name") << "table"
                              << "partitionKey" << QJsonValue("order id") << false;
    QTest::newRow("empty sort key") << "table"
                                    << "sortKey" << QJsonValue("") << true;
}

void tst_Validator::checkValue()
{
    QFETCH(QString, kind);
    QFETCH(QString, property);
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);
    const Result<void> checked = Validator::checkValue(*Catalog::builtin().kind(kind)->property(property), value);
    QCOMPARE(checked.hasValue(), valid);
    QCOMPARE(checked.errorMessage().isEmpty(), valid);
}

void tst_Validator::exampleHasNoErrors()
{
    const QString dir = QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop");
    Project project(Catalog::builtin());
    JsonInterchange reader;
    QVERIFY(reader.read(readAll(dir + "/shop.json"), "shop.json"));
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    Validator validator(project.catalog(), project.architecture());
    validator.setProjectDirectory(dir);
    const QList<Diagnostic> diagnostics = validator.validate();
    QStringList messages;
    for (const Diagnostic &d : diagnostics)
        messages.append(d.message);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(messages.join("\n")));

    // The example uses every kind of the catalog but those the set names first, which
    // their own tests run (tst_eventbridgesdk, tst_secrets, tst_layerruntime,
    // tst_containers); the set may name kinds the example has.
    QSet<QString> kinds{QString(Kinds::EventBus),  QString(Kinds::Rule),  QString(Kinds::Secret),
                        QString(Kinds::Parameter), QString(Kinds::Layer), QString(Kinds::Container)};
    for (const auto &[id, node] : project.architecture().nodes())
        kinds.insert(node.kind);
    QCOMPARE(kinds.size(), Catalog::builtin().kinds().size());
}

void tst_Validator::filterCriteria_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("criteria");
    // Empty: no diagnostic; "pattern": the matcher's own error for the (one) pattern; else
    // a part of the message.
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << "queue"
                           << ""
                           << "";
    QTest::newRow("numeric on body") << "queue"
                                     << R"({"body": {"total": [{"numeric": [">", 100]}]}})"
                                     << "";
    QTest::newRow("Lambda's Filters") << "queue"
                                      << R"({"Filters": [{"Pattern": "{\"body\": [\"ping\"]}"}]})"
                                      << "";
    QTest::newRow("two patterns") << "table"
                                  << R"([{"eventName": ["INSERT"]}, {"eventName": ["REMOVE"]}])"
                                  << "";
    QTest::newRow("bad numeric") << "queue"
                                 << R"({"body": {"total": [{"numeric": [">", "a lot"]}]}})"
                                 << "pattern";
    QTest::newRow("leaf not an array") << "table"
                                       << R"({"eventName": "INSERT"})"
                                       << "pattern";
    QTest::newRow("unknown operator") << "table"
                                      << R"({"eventName": [{"sometimes": true}]})"
                                      << "pattern";
    QTest::newRow("not JSON") << "queue"
                              << "{body: 1"
                              << "not JSON";
    QTest::newRow("six filters") << "queue"
                                 << R"([{"a": [1]}, {"a": [2]}, {"a": [3]}, {"a": [4]}, {"a": [5]}, {"a": [6]}])"
                                 << "6 filters";
}

void tst_Validator::filterCriteria()
{
    QFETCH(QString, kind);
    QFETCH(QString, criteria);
    QFETCH(QString, expected);

    Project project(Catalog::builtin());
    const NodeId id = project.addNode(kind, {}, "source").valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(id, "filterCriteria", criteria));
    if (kind == "table")
        QVERIFY(project.setNodeProperty(id, "stream", "NEW_IMAGE"));
    const QList<Diagnostic> diagnostics = Validator(project.catalog(), project.architecture()).validate();
    QList<Diagnostic> filters;
    for (const Diagnostic &d : diagnostics)
        if (d.code == "invalid-filter")
            filters.append(d);
    if (expected.isEmpty()) {
        QVERIFY2(filters.isEmpty(), qPrintable(filters.isEmpty() ? QString() : filters.first().message));
        return;
    }
    QCOMPARE(filters.size(), 1);
    const Diagnostic &d = filters.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.property, QStringLiteral("filterCriteria"));
    QCOMPARE(d.nodes, QList<NodeId>{id});
    QVERIFY2(d.message.contains("'source'"), qPrintable(d.message));
    if (expected == "pattern") {
        // The matcher's error, word for word, for the first filter.
        const Result<EventPattern> pattern = EventPattern::parse(criteria.toUtf8(), FilterCriteria::kMaxPatternLength);
        QVERIFY(!pattern);
        QVERIFY2(d.message.contains(pattern.errorMessage()), qPrintable(d.message + " / " + pattern.errorMessage()));
        QVERIFY2(d.message.contains("Event pattern is not valid"), qPrintable(d.message));
    } else {
        QVERIFY2(d.message.contains(expected), qPrintable(d.message));
    }
}

QTEST_GUILESS_MAIN(tst_Validator)
#include "tst_validator.moc"
