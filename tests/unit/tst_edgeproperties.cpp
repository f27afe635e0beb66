// Connection properties (issue 23 item 4): a catalog rule declares them as a node kind
// declares its own; an edge keeps the ones set, saved in .nimbus files (schema 3, older
// files upgraded) and in the JSON interchange, copied and pasted with the edge, set by one
// undo step each, refused when wrong, and checked by the validator (a filter policy SNS
// would not take, a FIFO queue subscribed to a standard topic).

#include "cost/workload.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/filterpolicy.h"
#include "model/validator.h"
#include "storage/database.h"
#include "storage/jsoninterchange.h"
#include "storage/migrations.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;
using namespace NimbusTest;

namespace {

QByteArray edgesJson(const QByteArray &rule)
{
    return "{\"format\": \"nimbus-catalog-edges\", \"version\": 1,"
           " \"edgeTypes\": [{\"id\": \"delivers\", \"label\": \"delivers\"}],"
           " \"rules\": ["
           + rule + "]}";
}

const char *const kRedPolicy = "{\"color\": [\"red\"]}";

} // namespace

class tst_EdgeProperties : public QObject
{
    Q_OBJECT

private slots:
    void builtinSubscriptionRules();
    void catalogParse_data();
    void catalogParse();
    void setPropertyIsOneUndoStep();
    void wrongValueRefused_data();
    void wrongValueRefused();
    void connectWithProperties();
    void fifoQueueOnlyFromFifoTopic_data();
    void fifoQueueOnlyFromFifoTopic();
    void copyPasteKeepsProperties();
    void projectFileRoundTrip();
    void olderFileOpens();
    void interchangeRoundTrip();
    void interchangeVersion();
    void validator_data();
    void validator();
    void filterPolicyRules_data();
    void filterPolicyRules();
    void costFlowsThroughSubscription();
    void loopThroughSubscriptionFound();
    void defaultsAreNotStored();

private:
    struct Design
    {
        NodeId topic = kInvalidNodeId;
        NodeId queue = kInvalidNodeId;
        NodeId function = kInvalidNodeId;
        EdgeId delivers = kInvalidEdgeId;
        EdgeId invokes = kInvalidEdgeId;
    };
    static Design makeDesign(Project &project);
};

tst_EdgeProperties::Design tst_EdgeProperties::makeDesign(Project &project)
{
    Design d;
    d.topic = project.addNode("topic", {0, 0}, "orders").value();
    d.queue = project.addNode("queue", {200, 0}, "billing").value();
    d.function = project.addNode("function", {200, 200}, "audit").value();
    d.delivers = project.connectNodes(d.topic, d.queue, "delivers").value();
    d.invokes = project.connectNodes(d.topic, d.function, "invokes").value();
    return d;
}

void tst_EdgeProperties::builtinSubscriptionRules()
{
    const Catalog &catalog = Catalog::builtin();
    const EdgeRule *queue = catalog.rule("topic", "queue", "delivers");
    QVERIFY(queue);
    QVERIFY(catalog.edgeType("delivers") && catalog.edgeType("delivers")->carriesEvents);
    QCOMPARE(queue->targetImpliesProperty, QStringLiteral("fifo"));
    QStringList ids;
    for (const PropertySpec &p : queue->properties)
        ids.append(p.id);
    QCOMPARE(ids, (QStringList{"filterPolicy", "filterPolicyScope", "rawMessageDelivery"}));
    QCOMPARE(queue->property("filterPolicy")->format, QStringLiteral("sns-filter-policy"));
    QCOMPARE(queue->property("filterPolicyScope")->values, (QStringList{"MessageAttributes", "MessageBody"}));
    QCOMPARE(queue->property("rawMessageDelivery")->defaultValue, QJsonValue(false));

    const EdgeRule *function = catalog.rule("topic", "function", "invokes");
    QVERIFY(function);
    QVERIFY(function->property("filterPolicy"));
    QCOMPARE(function->property("filterPolicyScope")->defaultValue, QJsonValue("MessageAttributes"));
    QVERIFY2(!function->property("rawMessageDelivery"), "SNS refuses raw delivery to a function");
    // Other connections have none.
    QVERIFY(catalog.rule("queue", "function", "invokes")->properties.isEmpty());

    // Defaults fill what an edge does not set.
    const QJsonObject merged = catalog.edgeProperties("topic", "queue", "delivers", {{"rawMessageDelivery", true}});
    QCOMPARE(merged.value("rawMessageDelivery"), QJsonValue(true));
    QCOMPARE(merged.value("filterPolicy"), QJsonValue(""));
    QCOMPARE(merged.value("filterPolicyScope"), QJsonValue("MessageAttributes"));
    // Their words are the catalog's, for the translation.
    const QStringList texts = catalog.translatableTexts();
    for (const char *word : {"Filter policy", "Filter policy scope", "Raw message delivery", "delivers"})
        QVERIFY2(texts.contains(QLatin1String(word)), word);
}

void tst_EdgeProperties::catalogParse_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QString>("error"); // empty: loads

    const QByteArray ends = "\"from\": \"topic\", \"to\": \"queue\", \"type\": \"delivers\"";
    QTest::newRow("no properties") << QByteArray("{" + ends + "}") << QString();
    QTest::newRow("string and enum") << QByteArray(
        "{" + ends
        + ", \"properties\": [{\"id\": \"p\", \"label\": \"P\", \"type\": \"string\", \"default\": \"\"},"
          " {\"id\": \"s\", \"label\": \"S\", \"type\": \"enum\", \"values\": [\"A\", \"B\"], "
          "\"default\": \"A\"}]}") << QString();
    QTest::newRow("not an array") << QByteArray("{" + ends + ", \"properties\": {}}")
                                  << QStringLiteral("rules[0]: 'properties' must be an array");
    QTest::newRow("no default") << QByteArray(
        "{" + ends + ", \"properties\": [{\"id\": \"p\", \"label\": \"P\", \"type\": \"string\"}]}")
                                << QStringLiteral("rules[0]: property 'p': 'default' is missing");
    QTest::newRow("default of another type")
        << QByteArray("{" + ends
                      + ", \"properties\": [{\"id\": \"raw\", \"label\": \"Raw\", \"type\": \"boolean\", "
                        "\"default\": \"no\"}]}")
        << QStringLiteral("property 'raw': 'default' is not a valid boolean");
    QTest::newRow("twice") << QByteArray(
        "{" + ends
        + ", \"properties\": [{\"id\": \"p\", \"label\": \"P\", \"type\": \"string\", \"default\": \"\"},"
          " {\"id\": \"p\", \"label\": \"P\", \"type\": \"string\", \"default\": \"\"}]}")
                           << QStringLiteral("property 'p': defined twice");
    QTest::newRow("unknown format") << QByteArray(
        "{" + ends
        + ", \"properties\": [{\"id\": \"p\", \"label\": \"P\", \"type\": \"string\", \"default\": \"\", "
          "\"format\": \"xml\"}]}") << QStringLiteral("unknown 'format' 'xml'");
    QTest::newRow("format on a number") << QByteArray(
        "{" + ends
        + ", \"properties\": [{\"id\": \"p\", \"label\": \"P\", \"type\": \"integer\", \"default\": 1, "
          "\"format\": \"sns-filter-policy\"}]}")
                                        << QStringLiteral("only a string property can have a 'format'");
    QTest::newRow("unknown property of targetImplies")
        << QByteArray("{" + ends + ", \"targetImplies\": {\"property\": \"ordered\", \"value\": true}}")
        << QStringLiteral("'targetImplies' names unknown property 'ordered'");
}

void tst_EdgeProperties::catalogParse()
{
    QFETCH(QByteArray, rule);
    QFETCH(QString, error);
    // The built-in kinds with these rules instead of the built-in ones.
    QTemporaryDir dir;
    QVERIFY(copyTree(NIMBUS_SOURCE_DIR "/resources/catalog", dir.path()));
    QVERIFY(writeAll(dir.filePath("edges.json"), edgesJson(rule)));
    Catalog catalog;
    const Result<void> loaded = catalog.loadDirectory(dir.path());
    if (error.isEmpty()) {
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        const EdgeRule *r = catalog.rule("topic", "queue", "delivers");
        QVERIFY(r);
        if (rule.contains("\"s\"")) {
            QCOMPARE(r->properties.size(), 2);
            QCOMPARE(r->property("s")->type, PropertyType::Enum);
            QCOMPARE(r->defaultProperties(), (QJsonObject{{"p", ""}, {"s", "A"}}));
        }
        return;
    }
    QVERIFY(!loaded);
    QVERIFY2(loaded.errorMessage().contains(error), qPrintable(loaded.errorMessage()));
    QVERIFY2(loaded.errorMessage().contains("edges.json"), qPrintable(loaded.errorMessage()));
}

void tst_EdgeProperties::setPropertyIsOneUndoStep()
{
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    QSignalSpy changed(&project.architecture(), &Architecture::edgePropertyChanged);
    const int steps = project.undoStack()->count();

    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QVERIFY(project.setEdgeProperty(d.delivers, "rawMessageDelivery", true));
    QCOMPARE(project.undoStack()->count(), steps + 2); // two edits, two steps: none merges
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.first().at(0).value<EdgeId>(), d.delivers);
    QCOMPARE(changed.first().at(1).toString(), QStringLiteral("filterPolicy"));
    const Edge *edge = project.architecture().edge(d.delivers);
    QCOMPARE(edge->properties, (QJsonObject{{"filterPolicy", kRedPolicy}, {"rawMessageDelivery", true}}));
    // Setting the same value again is no step.
    QVERIFY(project.setEdgeProperty(d.delivers, "rawMessageDelivery", true));
    QCOMPARE(project.undoStack()->count(), steps + 2);

    project.undoStack()->undo();
    QCOMPARE(project.architecture().edge(d.delivers)->properties, (QJsonObject{{"filterPolicy", kRedPolicy}}));
    project.undoStack()->undo();
    // Undone to nothing set: the defaults apply again.
    QVERIFY(project.architecture().edge(d.delivers)->properties.isEmpty());
    project.undoStack()->redo();
    project.undoStack()->redo();
    QCOMPARE(project.architecture().edge(d.delivers)->properties,
             (QJsonObject{{"filterPolicy", kRedPolicy}, {"rawMessageDelivery", true}}));
    QVERIFY(project.undoStack()->text(project.undoStack()->index() - 1).contains("rawMessageDelivery"));
}

void tst_EdgeProperties::wrongValueRefused_data()
{
    QTest::addColumn<QString>("edge"); // delivers or invokes
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << "delivers"
                              << "filterPolicy" << QJsonValue("{color") << "failed to parse JSON";
    QTest::newRow("not an object") << "delivers"
                                   << "filterPolicy" << QJsonValue("[1]") << "failed to parse JSON";
    QTest::newRow("six attributes") << "invokes"
                                    << "filterPolicy"
                                    << QJsonValue("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}")
                                    << "more than 5 keys";
    QTest::newRow("nested on attributes")
        << "delivers"
        << "filterPolicy" << QJsonValue("{\"order\": {\"total\": [1]}}") << "must be an object or an array";
    QTest::newRow("unknown operator") << "delivers"
                                      << "filterPolicy" << QJsonValue("{\"a\": [{\"sideways\": 1}]}") << "FilterPolicy";
    QTest::newRow("scope not listed") << "delivers"
                                      << "filterPolicyScope" << QJsonValue("Body") << "is not one of";
    QTest::newRow("raw as text") << "delivers"
                                 << "rawMessageDelivery" << QJsonValue("true") << "expected true or false";
    QTest::newRow("raw to a function") << "invokes"
                                       << "rawMessageDelivery" << QJsonValue(true) << "has no property";
    QTest::newRow("unknown") << "delivers"
                             << "deliveryPolicy" << QJsonValue("{}") << "has no property";
}

void tst_EdgeProperties::wrongValueRefused()
{
    QFETCH(QString, edge);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    const EdgeId id = edge == "delivers" ? d.delivers : d.invokes;
    const int steps = project.undoStack()->count();
    const Result<void> set = project.setEdgeProperty(id, key, value);
    QVERIFY(!set);
    QVERIFY2(set.errorMessage().contains(error), qPrintable(set.errorMessage()));
    QCOMPARE(project.undoStack()->count(), steps);
    QVERIFY(project.architecture().edge(id)->properties.isEmpty());
}

void tst_EdgeProperties::connectWithProperties()
{
    Project project(Catalog::builtin());
    const NodeId topic = project.addNode("topic", {0, 0}, "orders").value();
    const NodeId queue = project.addNode("queue", {200, 0}, "billing").value();
    // A nested policy is one SNS takes on the body, and then the scope is set with it.
    const QJsonObject body{{"filterPolicy", "{\"order\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"},
                           {"filterPolicyScope", "MessageBody"}};
    const Result<EdgeId> made = project.connectNodes(topic, queue, "delivers", body);
    QVERIFY2(made, qPrintable(made.errorMessage()));
    QCOMPARE(project.architecture().edge(*made)->properties, body);
    // Back to the attributes, the nested policy would be wrong: refused, nothing changes.
    const Result<void> scoped = project.setEdgeProperty(*made, "filterPolicyScope", "MessageAttributes");
    QVERIFY(!scoped);
    QVERIFY2(scoped.errorMessage().contains("Filter policy"), qPrintable(scoped.errorMessage()));
    QCOMPARE(project.architecture().edge(*made)->properties, body);
    project.undoStack()->undo();
    QCOMPARE(project.architecture().edgeCount(), 0);
    // Connecting with a wrong property is refused.
    const Result<EdgeId> wrong = project.connectNodes(topic, queue, "delivers", {{"filterPolicy", "{"}});
    QVERIFY(!wrong);
    QCOMPARE(project.architecture().edgeCount(), 0);
}

void tst_EdgeProperties::fifoQueueOnlyFromFifoTopic_data()
{
    QTest::addColumn<bool>("fifoTopic");
    QTest::addColumn<bool>("fifoQueue");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("standard to standard") << false << false << true;
    QTest::newRow("FIFO to FIFO") << true << true << true;
    QTest::newRow("standard to FIFO") << false << true << false;
    // SNS delivers a FIFO topic's messages to standard queues too (without their order).
    QTest::newRow("FIFO to standard") << true << false << true;
}

void tst_EdgeProperties::fifoQueueOnlyFromFifoTopic()
{
    QFETCH(bool, fifoTopic);
    QFETCH(bool, fifoQueue);
    QFETCH(bool, allowed);
    Project project(Catalog::builtin());
    const NodeId topic = project.addNode("topic", {0, 0}, "orders").value();
    const NodeId queue = project.addNode("queue", {200, 0}, "billing").value();
    QVERIFY(project.setNodeProperty(topic, "fifo", fifoTopic));
    QVERIFY(project.setNodeProperty(queue, "fifo", fifoQueue));
    const Result<EdgeId> made = project.connectNodes(topic, queue, "delivers");
    QCOMPARE(bool(made), allowed);
    if (!allowed) {
        QVERIFY2(made.errorMessage().contains("billing's FIFO is true"), qPrintable(made.errorMessage()));
        // A connection made before the queue became FIFO is flagged by the validator.
        QVERIFY(project.setNodeProperty(queue, "fifo", false));
        QVERIFY(project.connectNodes(topic, queue, "delivers"));
        QVERIFY(project.setNodeProperty(queue, "fifo", true));
    }
    const QList<Diagnostic> found = Validator(project.catalog(), project.architecture()).validate();
    const bool flagged = std::any_of(found.cbegin(), found.cend(), [](const Diagnostic &d) {
        return d.code == "edge-requirement" && d.property == "fifo" && d.severity == Diagnostic::Severity::Error
               && d.message.contains("queue 'billing' has FIFO true and topic 'orders' has FIFO false");
    });
    QCOMPARE(flagged, !allowed);
}

void tst_EdgeProperties::copyPasteKeepsProperties()
{
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QVERIFY(project.setEdgeProperty(d.invokes, "filterPolicyScope", "MessageBody"));
    const QByteArray copied = project.copyNodes({d.topic, d.queue, d.function});
    const Result<QList<NodeId>> pasted = project.pasteNodes(copied, {50, 50});
    QVERIFY2(pasted, qPrintable(pasted.errorMessage()));
    QCOMPARE(project.architecture().edgeCount(), 4);
    const Node *topic2 = project.architecture().nodeByName("orders2");
    const Node *queue2 = project.architecture().nodeByName("billing2");
    const Node *audit2 = project.architecture().nodeByName("audit2");
    QVERIFY(topic2 && queue2 && audit2);
    QCOMPARE(project.architecture().findEdge(topic2->id, queue2->id, "delivers")->properties,
             (QJsonObject{{"filterPolicy", kRedPolicy}}));
    QCOMPARE(project.architecture().findEdge(topic2->id, audit2->id, "invokes")->properties,
             (QJsonObject{{"filterPolicyScope", "MessageBody"}}));
    // Undoing the paste and deleting a connection then undoing keep them too.
    project.undoStack()->undo();
    QCOMPARE(project.architecture().edgeCount(), 2);
    project.removeItems({}, {d.delivers});
    project.undoStack()->undo();
    QCOMPARE(project.architecture().edge(d.delivers)->properties, (QJsonObject{{"filterPolicy", kRedPolicy}}));
}

void tst_EdgeProperties::projectFileRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("subs.nimbus");
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QVERIFY(project.setEdgeProperty(d.delivers, "rawMessageDelivery", true));
    ProjectFile file;
    const Result<void> saved = file.save(project, path);
    QVERIFY2(saved, qPrintable(saved.errorMessage()));

    Project reopened(Catalog::builtin());
    const Result<void> loaded = file.load(path, reopened);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QCOMPARE(file.loadedSchemaVersion(), Migrations::latestVersion());
    QVERIFY(reopened.architecture().edges() == project.architecture().edges());
    QCOMPARE(reopened.architecture().edge(d.delivers)->properties.value("rawMessageDelivery"), QJsonValue(true));
    QVERIFY(reopened.architecture().edge(d.invokes)->properties.isEmpty());

    // Properties that are not a JSON object make the file refused, naming the connection.
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("UPDATE edges SET properties = '[1' WHERE id = 1"));
    }
    Project broken(Catalog::builtin());
    const Result<void> refused = file.load(path, broken);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains("connection #1"), qPrintable(refused.errorMessage()));
}

void tst_EdgeProperties::olderFileOpens()
{
    // A file of schema 2 (before connection properties): its edges open with none, and
    // saving it writes schema 3 with them.
    QTemporaryDir dir;
    const QString path = dir.filePath("old.nimbus");
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::Create));
        QVERIFY(Migrations::migrate(db, 0, 2));
        QVERIFY(db.exec("INSERT INTO nodes(id, kind, name, x, y, properties) VALUES "
                        "(1, 'topic', 'orders', 0, 0, '{}'), (2, 'function', 'audit', 200, 0, '{}')"));
        QVERIFY(db.exec("INSERT INTO edges(id, source, target, type) VALUES (1, 1, 2, 'invokes')"));
    }
    Project project(Catalog::builtin());
    ProjectFile file;
    const Result<void> loaded = file.load(path, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QCOMPARE(file.loadedSchemaVersion(), 2);
    QCOMPARE(project.architecture().edge(1)->type, QStringLiteral("invokes"));
    QVERIFY(project.architecture().edge(1)->properties.isEmpty());
    QVERIFY(project.setEdgeProperty(1, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QVERIFY(file.save(project, path));
    Project reopened(Catalog::builtin());
    QVERIFY(file.load(path, reopened));
    QCOMPARE(file.loadedSchemaVersion(), 3);
    QCOMPARE(reopened.architecture().edge(1)->properties, (QJsonObject{{"filterPolicy", kRedPolicy}}));

    // A file of a newer schema is refused, as before.
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() + 1)));
    }
    Project newer(Catalog::builtin());
    const Result<void> refused = file.load(path, newer);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains("newer"), qPrintable(refused.errorMessage()));
}

void tst_EdgeProperties::interchangeRoundTrip()
{
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicyScope", "MessageBody"));
    const QByteArray json = JsonInterchange::write(project.architecture(), QJsonObject(), QString());
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value("version").toInt(), JsonInterchange::kFormatVersion);
    const QJsonArray edges = root.value("edges").toArray();
    QCOMPARE(edges.at(0)["properties"].toObject(),
             (QJsonObject{{"filterPolicy", kRedPolicy}, {"filterPolicyScope", "MessageBody"}}));
    QVERIFY2(!edges.at(1).toObject().contains("properties"), "no properties set, none written");

    JsonInterchange reader;
    const Result<void> read = reader.read(json, "subs.json");
    QVERIFY2(read, qPrintable(read.errorMessage()));
    const std::map<EdgeId, Edge> back = reader.takeEdges();
    QCOMPARE(back.size(), size_t(2));
    QCOMPARE(back.at(1).properties, project.architecture().edge(d.delivers)->properties);
    QVERIFY(back.at(2).properties.isEmpty());

    // Properties that are not an object are refused with the place.
    QJsonObject bad = root;
    QJsonArray badEdges = edges;
    QJsonObject first = badEdges.at(0).toObject();
    first.insert("properties", "raw");
    badEdges.replace(0, first);
    bad.insert("edges", badEdges);
    const Result<void> refused = reader.read(QJsonDocument(bad).toJson(), "bad.json");
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains("edges[0]"), qPrintable(refused.errorMessage()));
}

void tst_EdgeProperties::interchangeVersion()
{
    // Without connection properties a file stays readable by the versions before them;
    // with them it says the newer format, which those versions refuse.
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    auto versionOf = [&] {
        return QJsonDocument::fromJson(JsonInterchange::write(project.architecture(), QJsonObject(), QString()))
            .object()
            .value("version")
            .toInt();
    };
    QCOMPARE(versionOf(), 1);
    QVERIFY(project.setEdgeProperty(d.invokes, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QCOMPARE(versionOf(), 2);
    QByteArray newer = JsonInterchange::write(project.architecture(), QJsonObject(), QString());
    newer.replace("\"version\": 2", "\"version\": 3");
    JsonInterchange reader;
    const Result<void> refused = reader.read(newer, "newer.json");
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains("newer version"), qPrintable(refused.errorMessage()));
}

void tst_EdgeProperties::validator_data()
{
    QTest::addColumn<QJsonObject>("delivers"); // the topic -> queue connection's properties
    QTest::addColumn<QString>("code"); // empty: no diagnostic on it
    QTest::addColumn<QString>("property");
    QTest::newRow("none set") << QJsonObject() << QString() << QString();
    QTest::newRow("good policy") << QJsonObject{{"filterPolicy", kRedPolicy}} << QString() << QString();
    QTest::newRow("policy not JSON") << QJsonObject{{"filterPolicy", "{color"}} << "invalid-property"
                                     << "filterPolicy";
    QTest::newRow("nested on attributes")
        << QJsonObject{{"filterPolicy", "{\"a\": {\"b\": [1]}}"}} << "invalid-property"
        << "filterPolicy";
    QTest::newRow("nested on the body") << QJsonObject{{"filterPolicy", "{\"a\": {\"b\": [1]}}"},
                                                       {"filterPolicyScope", "MessageBody"}}
                                        << QString() << QString();
    QTest::newRow("scope unknown") << QJsonObject{{"filterPolicyScope", "Headers"}} << "invalid-property"
                                   << "filterPolicyScope";
    QTest::newRow("raw not boolean") << QJsonObject{{"rawMessageDelivery", 1}} << "invalid-property"
                                     << "rawMessageDelivery";
    QTest::newRow("unknown property") << QJsonObject{{"deliveryPolicy", "{}"}} << "unknown-property"
                                      << "deliveryPolicy";
}

void tst_EdgeProperties::validator()
{
    QFETCH(QJsonObject, delivers);
    QFETCH(QString, code);
    QFETCH(QString, property);
    // As a file may hold them, past the checks of the Inspector.
    Project project(Catalog::builtin());
    const QJsonObject root{
        {"format", "nimbus-project"},
        {"version", 2},
        {"nodes", QJsonArray{QJsonObject{{"name", "orders"}, {"kind", "topic"}},
                             QJsonObject{{"name", "billing"}, {"kind", "queue"}}}},
        {"edges", QJsonArray{QJsonObject{
                      {"from", "orders"}, {"to", "billing"}, {"type", "delivers"}, {"properties", delivers}}}}};
    JsonInterchange reader;
    QVERIFY(reader.read(QJsonDocument(root).toJson(), "design.json"));
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    QCOMPARE(project.architecture().edge(1)->properties, delivers);
    QList<Diagnostic> onEdge;
    for (const Diagnostic &d : Validator(project.catalog(), project.architecture()).validate())
        if (d.edge == 1)
            onEdge.append(d);
    if (code.isEmpty()) {
        QVERIFY2(onEdge.isEmpty(), onEdge.isEmpty() ? "" : qPrintable(onEdge.first().message));
        return;
    }
    QCOMPARE(onEdge.size(), 1);
    QCOMPARE(onEdge.first().code, code);
    QCOMPARE(onEdge.first().property, property);
    QVERIFY2(onEdge.first().message.contains("topic 'orders' delivers queue 'billing'"),
             qPrintable(onEdge.first().message));
}

void tst_EdgeProperties::filterPolicyRules_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("problem"); // empty: none
    QTest::newRow("empty") << ""
                           << "MessageAttributes"
                           << "";
    QTest::newRow("exact") << kRedPolicy << "MessageAttributes"
                           << "";
    QTest::newRow("bad scope") << ""
                               << "Body"
                               << "FilterPolicyScope: Invalid value [Body]";
    QTest::newRow("not JSON") << "{"
                              << "MessageAttributes"
                              << "failed to parse JSON";
    QTest::newRow("leaf not an array") << "{\"color\": \"red\"}"
                                       << "MessageAttributes"
                                       << "must be an object or an array";
    QTest::newRow("nested on the body") << "{\"a\": {\"b\": [1]}}"
                                        << "MessageBody"
                                        << "";
}

void tst_EdgeProperties::filterPolicyRules()
{
    QFETCH(QString, policy);
    QFETCH(QString, scope);
    QFETCH(QString, problem);
    const QString found = FilterPolicy::problem(policy, scope);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void tst_EdgeProperties::costFlowsThroughSubscription()
{
    // What a route's function publishes reaches the queue the topic delivers to, and the
    // queue's consumer in batches: the cost comparison counts both.
    Project project(Catalog::builtin());
    const NodeId route = project.addNode("http-route", {0, 0}, "orders-api").value();
    const NodeId publisher = project.addNode("function", {100, 0}, "placeOrder").value();
    const Design d = makeDesign(project);
    const NodeId consumer = project.addNode("function", {400, 0}, "bill").value();
    QVERIFY(project.setNodeProperty(d.queue, "batchSize", 5));
    QVERIFY(project.connectNodes(route, publisher, "invokes"));
    QVERIFY(project.connectNodes(publisher, d.topic, "publishes"));
    QVERIFY(project.connectNodes(d.queue, consumer, "invokes"));
    const Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    auto function = [&](const char *name) {
        for (const FunctionLoad &f : w.functions)
            if (f.name == QLatin1String(name))
                return f.perRequest;
        return -1.0;
    };
    auto writes = [&](const char *name) {
        for (const ServiceLoad &s : w.services)
            if (s.name == QLatin1String(name))
                return s.writesPerRequest;
        return -1.0;
    };
    // Per request entering through the route (its share of the volume).
    const double published = function("placeOrder");
    QVERIFY(published > 0);
    QCOMPARE(writes("orders"), published);
    QCOMPARE(writes("billing"), published); // one SQS send per message published
    QCOMPARE(function("bill"), published / 5); // batches of 5
    QCOMPARE(function("audit"), published); // the topic invokes it directly
}

void tst_EdgeProperties::loopThroughSubscriptionFound()
{
    // audit publishes to the topic that delivers to the queue that invokes audit; the
    // topic's own invokes connection to audit goes first, so that only the subscription
    // can close the loop.
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    project.removeItems({}, {d.invokes});
    QVERIFY(!project.architecture().edge(d.invokes));
    QVERIFY(project.connectNodes(d.queue, d.function, "invokes"));
    const auto loops = [&] {
        int found = 0;
        for (const Diagnostic &diagnostic : Validator(project.catalog(), project.architecture()).validate())
            found += diagnostic.code == "event-loop" ? 1 : 0;
        return found;
    };
    const int before = loops();
    QVERIFY(project.connectNodes(d.function, d.topic, "publishes"));
    QVERIFY(loops() > before);
    // Without the subscription there is none.
    project.removeItems({}, {d.delivers});
    QCOMPARE(loops(), before);
}

// A connection holds what is set only: setting a property back to its rule's default
// removes it, and setting a default on an untouched connection is no step at all, so a
// JSON design with nothing set keeps the format older versions read.
void tst_EdgeProperties::defaultsAreNotStored()
{
    Project project(Catalog::builtin());
    const Design d = makeDesign(project);
    const int steps = project.undoStack()->count();
    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicyScope", "MessageAttributes"));
    QVERIFY(project.setEdgeProperty(d.delivers, "filterPolicy", ""));
    QVERIFY(project.setEdgeProperty(d.delivers, "rawMessageDelivery", false));
    QCOMPARE(project.undoStack()->count(), steps);
    QVERIFY(project.architecture().edge(d.delivers)->properties.isEmpty());
    QVERIFY(project.setEdgeProperty(d.delivers, "rawMessageDelivery", true));
    QVERIFY(project.setEdgeProperty(d.delivers, "rawMessageDelivery", false));
    QCOMPARE(project.undoStack()->count(), steps + 2);
    QVERIFY(project.architecture().edge(d.delivers)->properties.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(JsonInterchange::write(project.architecture())).object().value("version").toInt(),
             1);
    project.undoStack()->undo();
    QCOMPARE(project.architecture().edge(d.delivers)->properties.value("rawMessageDelivery"), QJsonValue(true));
}

QTEST_GUILESS_MAIN(tst_EdgeProperties)
#include "tst_edgeproperties.moc"
