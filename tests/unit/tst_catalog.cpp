#include "model/catalog.h"
#include "model/kinds.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class tst_Catalog : public QObject
{
    Q_OBJECT

private slots:
    void builtinKinds();
    void functionProperties();
    void defaultsSubstituteName();
    void connectionRules_data();
    void connectionRules();
    void malformedKind_data();
    void malformedKind();
    void malformedDirectory_data();
    void malformedDirectory();
    void newKindNeedsNoCode();
    void kindConstants_data();
    void kindConstants();

private:
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QByteArray readBuiltinQueue()
    {
        return readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/catalog/kinds/queue.json"));
    }
    static QByteArray kindJson(const QByteArray &properties, const QByteArray &extra = {});
    static bool copyBuiltin(const QString &to);
};

void tst_Catalog::builtinKinds()
{
    Catalog catalog;
    const auto loaded = catalog.loadBuiltin();
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QStringList ids;
    for (const NodeKind *k : catalog.kinds())
        ids.append(k->id);
    QCOMPARE(ids, (QStringList{"http-route", "rule", "schedule", "container", "function", "layer", "state-machine",
                               "bucket", "event-bus", "queue", "table", "topic", "parameter", "secret", "user-pool"}));
    QCOMPARE(catalog.categories(), (QStringList{"Triggers", "Compute", "Services", "Security"}));
    QStringList types;
    for (const EdgeType &t : catalog.edgeTypes())
        types.append(t.id);
    QCOMPARE(types, (QStringList{"invokes", "writes", "reads", "publishes", "delivers", "calls", "routes", "targets",
                                 "authorizes", "starts", "on-success", "on-failure", "extends"}));
    QVERIFY(!catalog.edgeType("reads")->carriesEvents);
    QVERIFY(catalog.edgeType("writes")->carriesEvents);
    QVERIFY(catalog.kind("queue")->store);
    QVERIFY(catalog.kind("http-route")->eventSource);
    QVERIFY(!catalog.kind("http-route")->store);
    QCOMPARE(catalog.kind("http-route")->uniqueKeys, (QList<QStringList>{{"method", "path"}}));
}

void tst_Catalog::functionProperties()
{
    const NodeKind *function = Catalog::builtin().kind("function");
    QVERIFY(function);
    QVERIFY(function->code.isValid());
    QCOMPARE(function->property("runtime")->values,
             (QStringList{"nodejs20.x", "nodejs22.x", "nodejs24.x", "python3.11", "python3.12", "python3.13",
                          "provided.al2023", "provided.al2", "java21", "java17", "dotnet8"}));
    const PropertySpec *memory = function->property("memory");
    QCOMPARE(memory->type, PropertyType::Integer);
    QCOMPARE(memory->unit, QStringLiteral("MB"));
    QCOMPARE(*memory->minimum, 128.0);
    QCOMPARE(*memory->maximum, 10240.0);
    QCOMPARE(function->property("timeout")->unit, QStringLiteral("s"));
    QCOMPARE(*function->property("timeout")->maximum, 900.0);
    QCOMPARE(function->property("architecture")->values, (QStringList{"x86_64", "arm64"}));
    QCOMPARE(function->property("environment")->type, PropertyType::Environment);
    QVERIFY(function->property("reservedConcurrency")->nullable);
    QVERIFY(function->property("handler"));
    QVERIFY(function->property("source"));
    for (const PropertySpec &p : function->properties)
        QVERIFY2(!p.help.isEmpty(), qPrintable(p.id));
}

void tst_Catalog::defaultsSubstituteName()
{
    const QJsonObject props = Catalog::builtin().kind("function")->defaultProperties("checkout");
    QCOMPARE(props.value("source").toString(), QStringLiteral("functions/checkout"));
    QCOMPARE(props.value("memory").toInt(), 128);
    QVERIFY(props.value("reservedConcurrency").isNull());
}

void tst_Catalog::connectionRules_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("route invokes function") << "http-route"
                                            << "function"
                                            << "invokes" << true << "";
    QTest::newRow("queue invokes function") << "queue"
                                            << "function"
                                            << "invokes" << true << "";
    QTest::newRow("function writes table") << "function"
                                           << "table"
                                           << "writes" << true << "";
    QTest::newRow("function publishes topic") << "function"
                                              << "topic"
                                              << "publishes" << true << "";
    QTest::newRow("function calls function") << "function"
                                             << "function"
                                             << "calls" << true << "";
    QTest::newRow("route invokes queue") << "http-route"
                                         << "queue"
                                         << "invokes" << false << "invokes function";
    QTest::newRow("function publishes table") << "function"
                                              << "table"
                                              << "publishes" << false << "writes, reads";
    QTest::newRow("table writes function") << "table"
                                           << "function"
                                           << "writes" << false << "invokes";
    QTest::newRow("unknown type") << "function"
                                  << "table"
                                  << "deletes" << false << "unknown connection type";
    QTest::newRow("unknown kind") << "lambda"
                                  << "table"
                                  << "writes" << false << "unknown node kind 'lambda'";
}

void tst_Catalog::connectionRules()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, type);
    QFETCH(bool, allowed);
    QFETCH(QString, reasonContains);
    const QString refusal = Catalog::builtin().connectionRefusal(from, to, type);
    QCOMPARE(refusal.isEmpty(), allowed);
    QVERIFY2(refusal.contains(reasonContains), qPrintable(refusal));
}

QByteArray tst_Catalog::kindJson(const QByteArray &properties, const QByteArray &extra)
{
    return R"({"format": "nimbus-catalog-kind", "version": 1, "id": "cache", "name": "Cache",
               "category": "Services", "icon": "cache.svg", )"
           + extra + R"( "properties": [)" + properties + "]}";
}

void tst_Catalog::malformedKind_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("not json") << QByteArray("{\n  \"id\": \"x\",\n  oops\n}") << "kind.json:3:";
    QTest::newRow("array") << QByteArray("[]") << "the top level must be a JSON object";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "something"})") << "'format' must be";
    QTest::newRow("no id") << QByteArray(R"({"format": "nimbus-catalog-kind", "name": "X", "category": "Y",
                                            "properties": []})")
                           << "'id' must be a non-empty string";
    QTest::newRow("properties not array") << QByteArray(R"({"format": "nimbus-catalog-kind", "id": "x", "name": "X",
                                                          "category": "Y", "properties": {}})")
                                          << "'properties' must be an array";
    QTest::newRow("unknown type") << kindJson(R"({"id": "ttl", "label": "TTL", "type": "duration", "default": 1})")
                                  << "property 'ttl': unknown type 'duration'";
    QTest::newRow("enum without values") << kindJson(R"({"id": "engine", "label": "Engine", "type": "enum",
                                                        "default": "redis"})")
                                         << "property 'engine': an enum needs";
    QTest::newRow("min above max") << kindJson(R"({"id": "size", "label": "Size", "type": "integer", "default": 1,
                                                  "min": 10, "max": 2})")
                                   << "property 'size': 'min' is greater than 'max'";
    QTest::newRow("min not a number") << kindJson(R"({"id": "size", "label": "Size", "type": "integer",
                                                     "default": 1, "min": "one"})")
                                      << "property 'size': 'min' must be a number";
    QTest::newRow("default of wrong type") << kindJson(R"({"id": "size", "label": "Size", "type": "integer",
                                                          "default": "big"})")
                                           << "property 'size': 'default' is not a valid integer";
    QTest::newRow("default missing") << kindJson(R"({"id": "size", "label": "Size", "type": "integer"})")
                                     << "property 'size': 'default' is missing";
    QTest::newRow("bad pattern") << kindJson(R"({"id": "host", "label": "Host", "type": "string", "default": "",
                                                "pattern": "(unclosed"})")
                                 << "'pattern' is not a valid regular expression";
    QTest::newRow("unknown path role") << kindJson(R"({"id": "def", "label": "Def", "type": "string", "default": "",
                                                      "path": "socket"})")
                                       << "property 'def': 'path' is \"file\" or \"folder\", not 'socket'";
    QTest::newRow("path on an integer") << kindJson(R"({"id": "n", "label": "N", "type": "integer", "default": 1,
                                                       "path": "file"})")
                                        << "property 'n': only a string property can name a 'path'";
    QTest::newRow("property twice") << kindJson(R"({"id": "a", "label": "A", "type": "boolean", "default": true},
                                                  {"id": "a", "label": "A", "type": "boolean", "default": true})")
                                    << "property 'a': defined twice";
    QTest::newRow("unique names unknown property")
        << kindJson("", R"("unique": [["host"]],)") << "'unique' names unknown property 'host'";
    QTest::newRow("code names unknown property")
        << kindJson("", R"("capabilities": {"code": {"runtime": "r", "handler": "h", "source": "s"}},)")
        << "capability 'code' names unknown property 'r'";
    QTest::newRow("flag not boolean") << kindJson("", R"("capabilities": {"store": "yes"},)")
                                      << "'store' must be true or false";
}

void tst_Catalog::malformedKind()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    Catalog catalog;
    const auto failed = catalog.addKind(json, "kind.json");
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(error), qPrintable(failed.errorMessage()));
    QVERIFY(failed.errorMessage().startsWith("kind.json"));
    QVERIFY(!catalog.kind("cache"));
}

bool tst_Catalog::copyBuiltin(const QString &to)
{
    QDir().mkpath(to + "/kinds");
    const QDir source(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/catalog"));
    bool ok = QFile::copy(source.filePath("edges.json"), to + "/edges.json");
    for (const QString &f : QDir(source.filePath("kinds")).entryList({"*.json"}))
        ok = ok && QFile::copy(source.filePath("kinds/" + f), to + "/kinds/" + f);
    return ok;
}

void tst_Catalog::malformedDirectory_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");

    QTest::newRow("rule names unknown kind")
        << "edges.json" << QByteArray(R"({"format": "nimbus-catalog-edges", "version": 1,
                         "edgeTypes": [{"id": "invokes", "label": "invokes", "carriesEvents": true}],
                         "rules": [{"from": "cron", "to": "function", "type": "invokes"}]})")
        << "a rule names unknown kind 'cron'";
    QTest::newRow("rule of unknown type")
        << "edges.json" << QByteArray(R"({"format": "nimbus-catalog-edges", "version": 1,
                         "edgeTypes": [{"id": "invokes", "label": "invokes"}],
                         "rules": [{"from": "queue", "to": "function", "type": "triggers"}]})")
        << "rules[0]: unknown edge type 'triggers'";
    QTest::newRow("no edge types") << "edges.json"
                                   << QByteArray(R"({"format": "nimbus-catalog-edges", "version": 1, "edgeTypes": []})")
                                   << "'edgeTypes' must list at least one type";
    QTest::newRow("rule requires unknown property")
        << "edges.json" << QByteArray(R"({"format": "nimbus-catalog-edges", "version": 1,
                         "edgeTypes": [{"id": "invokes", "label": "invokes"}],
                         "rules": [{"from": "queue", "to": "function", "type": "invokes",
                                    "sourceRequires": {"property": "colour", "notEqual": "red"}}]})")
        << "requires unknown property 'colour'";
    QTest::newRow("duplicate kind") << "kinds/zz-queue-again.json" << readBuiltinQueue()
                                    << "kind 'queue' is defined twice";
    QTest::newRow("broken kind file") << "kinds/function.json" << QByteArray("{ \"format\": ") << "function.json:1:";
}

void tst_Catalog::malformedDirectory()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(copyBuiltin(dir.path()));
    QFile f(dir.filePath(file));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    Catalog catalog;
    const auto failed = catalog.loadDirectory(dir.path());
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(error), qPrintable(failed.errorMessage()));
}

void tst_Catalog::newKindNeedsNoCode()
{
    QTemporaryDir dir;
    QVERIFY(copyBuiltin(dir.path()));
    QFile kind(dir.filePath("kinds/cache.json"));
    QVERIFY(kind.open(QIODevice::WriteOnly));
    kind.write(kindJson(R"({"id": "nodes", "label": "Nodes", "type": "integer", "default": 1, "min": 1, "max": 6})",
                        R"("capabilities": {"store": true},)"));
    kind.close();
    QByteArray edges = readAll(dir.filePath("edges.json"));
    edges.replace(R"("rules": [)",
                  R"("rules": [{"from": "function", "to": "cache", "type": "writes", "meaning": "sets keys"},)");
    QFile e(dir.filePath("edges.json"));
    QVERIFY(e.open(QIODevice::WriteOnly | QIODevice::Truncate));
    e.write(edges);
    e.close();

    Catalog catalog;
    const auto loaded = catalog.loadDirectory(dir.path());
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QVERIFY(catalog.kind("cache"));
    QVERIFY(catalog.kind("cache")->store);
    QCOMPARE(catalog.kinds().at(8)->id, QStringLiteral("cache")); // Services by name: bucket, cache, event bus ...
    QVERIFY(catalog.connectionRefusal("function", "cache", "writes").isEmpty());
    QVERIFY(!catalog.connectionRefusal("function", "cache", "reads").isEmpty());
}

// Every named kind id the code uses is a kind of the built-in catalog, with the
// capabilities the code that names it relies on.
void tst_Catalog::kindConstants_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("eventSource");
    QTest::addColumn<bool>("store");
    QTest::newRow("http-route") << QString(Kinds::HttpRoute) << true << false;
    QTest::newRow("function") << QString(Kinds::Function) << false << false;
    QTest::newRow("queue") << QString(Kinds::Queue) << true << true;
    QTest::newRow("topic") << QString(Kinds::Topic) << true << true;
    QTest::newRow("table") << QString(Kinds::Table) << true << true;
    QTest::newRow("bucket") << QString(Kinds::Bucket) << true << true;
    QTest::newRow("schedule") << QString(Kinds::Schedule) << true << false;
    QTest::newRow("event-bus") << QString(Kinds::EventBus) << false << false;
    QTest::newRow("rule") << QString(Kinds::Rule) << false << false;
    QTest::newRow("secret") << QString(Kinds::Secret) << false << false;
    QTest::newRow("parameter") << QString(Kinds::Parameter) << false << false;
    QTest::newRow("layer") << QString(Kinds::Layer) << false << false;
    QTest::newRow("container") << QString(Kinds::Container) << false << false;
}

void tst_Catalog::kindConstants()
{
    QFETCH(QString, id);
    QFETCH(bool, eventSource);
    QFETCH(bool, store);
    const NodeKind *kind = Catalog::builtin().kind(id);
    QVERIFY2(kind, qPrintable(id));
    QCOMPARE(kind->eventSource, eventSource);
    QCOMPARE(kind->store, store);
    QCOMPARE(kind->code.isValid(), id == Kinds::Function);
}

QTEST_GUILESS_MAIN(tst_Catalog)
#include "tst_catalog.moc"
