#include "document/project.h"
#include "model/catalog.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;

// Every edit is one undo step that restores the model exactly.
class tst_Commands : public QObject
{
    Q_OBJECT

private slots:
    void addNode();
    void uniqueNames_data();
    void uniqueNames();
    void removeNodeTakesItsEdges();
    void removeEdgeOnly();
    void moveMergesWhileDragging();
    void separateMovesStaySeparate();
    void connect();
    void connectRefused_data();
    void connectRefused();
    void setPropertyMergesTyping();
    void setPropertyUnknownRefused();
    void rename_data();
    void rename();
    void modifiedFollowsUndo();
    void copyPaste();

private:
    struct Snapshot
    {
        std::map<NodeId, Node> nodes;
        std::map<EdgeId, Edge> edges;
        bool operator==(const Snapshot &o) const { return nodes == o.nodes && edges == o.edges; }
    };
    static Snapshot snapshot(const Project &p) { return {p.architecture().nodes(), p.architecture().edges()}; }
};

void tst_Commands::addNode()
{
    Project project(Catalog::builtin());
    QSignalSpy added(&project.architecture(), &Architecture::nodeAdded);
    QSignalSpy removed(&project.architecture(), &Architecture::nodeRemoved);
    const NodeId id = project.addNode("function", QPointF(10, 20), "checkout").valueOr(kInvalidNodeId);
    QVERIFY(id != kInvalidNodeId);
    QCOMPARE(added.count(), 1);
    const Node node = *project.architecture().node(id);
    QCOMPARE(node.name, QStringLiteral("checkout"));
    QCOMPARE(node.position, QPointF(10, 20));
    QCOMPARE(node.properties.value("source").toString(), QStringLiteral("functions/checkout"));
    QCOMPARE(project.undoStack()->count(), 1);

    project.undoStack()->undo();
    QVERIFY(!project.architecture().node(id));
    QCOMPARE(removed.count(), 1);
    project.undoStack()->redo();
    QCOMPARE(*project.architecture().node(id), node);

    const Result<NodeId> refused = project.addNode("lambda", {});
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains("unknown node kind 'lambda'"));
    QCOMPARE(project.undoStack()->count(), 1);
}

void tst_Commands::uniqueNames_data()
{
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");

    QTest::newRow("free") << QStringList{} << "queue"
                          << "queue";
    QTest::newRow("taken") << QStringList{"queue"} << "queue"
                           << "queue2";
    QTest::newRow("taken twice") << QStringList{"queue", "queue2"} << "queue"
                                 << "queue3";
    QTest::newRow("copy of numbered") << QStringList{"queue", "queue2"} << "queue2"
                                      << "queue3";
    QTest::newRow("spaces") << QStringList{} << "order events"
                            << "order-events";
    QTest::newRow("leading digit") << QStringList{} << "3d"
                                   << "n3d";
}

void tst_Commands::uniqueNames()
{
    QFETCH(QStringList, existing);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    Project project(Catalog::builtin());
    for (const QString &name : existing)
        QVERIFY(project.addNode("queue", {}, name));
    QCOMPARE(project.uniqueName(base), expected);
    QCOMPARE(project.architecture().node(project.addNode("queue", {}, base).valueOr(kInvalidNodeId))->name, expected);
}

void tst_Commands::removeNodeTakesItsEdges()
{
    Project project(Catalog::builtin());
    const NodeId route = project.addNode("http-route", {}).valueOr(kInvalidNodeId);
    const NodeId fn = project.addNode("function", {}).valueOr(kInvalidNodeId);
    const NodeId table = project.addNode("table", {}).valueOr(kInvalidNodeId);
    QVERIFY(project.connectNodes(route, fn, "invokes"));
    QVERIFY(project.connectNodes(fn, table, "writes"));
    const Snapshot before = snapshot(project);

    QSignalSpy edgeRemoved(&project.architecture(), &Architecture::edgeRemoved);
    project.removeItems({fn});
    QCOMPARE(project.architecture().nodeCount(), 2);
    QCOMPARE(project.architecture().edgeCount(), 0);
    QCOMPARE(edgeRemoved.count(), 2);
    QCOMPARE(project.undoStack()->undoText(), QStringLiteral("Delete function"));

    project.undoStack()->undo();
    QVERIFY(snapshot(project) == before);
    project.undoStack()->redo();
    QCOMPARE(project.architecture().edgeCount(), 0);
    project.undoStack()->undo();
    QVERIFY(snapshot(project) == before);
}

void tst_Commands::removeEdgeOnly()
{
    Project project(Catalog::builtin());
    const NodeId fn = project.addNode("function", {}).valueOr(kInvalidNodeId);
    const NodeId topic = project.addNode("topic", {}).valueOr(kInvalidNodeId);
    const EdgeId edge = project.connectNodes(fn, topic, "publishes").valueOr(kInvalidEdgeId);
    project.removeItems({}, {edge});
    QCOMPARE(project.architecture().nodeCount(), 2);
    QCOMPARE(project.architecture().edgeCount(), 0);
    project.undoStack()->undo();
    QCOMPARE(*project.architecture().edge(edge), (Edge{edge, fn, topic, "publishes", {}}));
}

void tst_Commands::moveMergesWhileDragging()
{
    Project project(Catalog::builtin());
    const NodeId a = project.addNode("queue", QPointF(0, 0)).valueOr(kInvalidNodeId);
    const NodeId b = project.addNode("topic", QPointF(100, 0)).valueOr(kInvalidNodeId);
    const int steps = project.undoStack()->count();
    // A drag sends many intermediate positions, then the final one.
    for (int i = 1; i <= 10; ++i)
        project.moveNodes({{a, QPointF(i, i)}, {b, QPointF(100 + i, i)}}, false);
    project.moveNodes({{a, QPointF(50, 50)}, {b, QPointF(150, 50)}}, true);
    QCOMPARE(project.undoStack()->count(), steps + 1);
    QCOMPARE(project.architecture().node(a)->position, QPointF(50, 50));
    project.undoStack()->undo();
    QCOMPARE(project.architecture().node(a)->position, QPointF(0, 0));
    QCOMPARE(project.architecture().node(b)->position, QPointF(100, 0));
    project.undoStack()->redo();
    QCOMPARE(project.architecture().node(b)->position, QPointF(150, 50));
}

void tst_Commands::separateMovesStaySeparate()
{
    Project project(Catalog::builtin());
    const NodeId a = project.addNode("queue", QPointF(0, 0)).valueOr(kInvalidNodeId);
    const NodeId b = project.addNode("queue", QPointF(0, 0)).valueOr(kInvalidNodeId);
    const int steps = project.undoStack()->count();
    project.moveNodes({{a, QPointF(10, 0)}}, true);
    project.moveNodes({{a, QPointF(20, 0)}}, true); // a new drag of the same node
    project.moveNodes({{b, QPointF(30, 0)}}, false); // another node
    project.moveNodes({{b, QPointF(40, 0)}}, true);
    QCOMPARE(project.undoStack()->count(), steps + 3);
    project.undoStack()->undo();
    QCOMPARE(project.architecture().node(b)->position, QPointF(0, 0));
    project.undoStack()->undo();
    QCOMPARE(project.architecture().node(a)->position, QPointF(10, 0));
}

void tst_Commands::connect()
{
    Project project(Catalog::builtin());
    const NodeId q = project.addNode("queue", {}).valueOr(kInvalidNodeId);
    const NodeId fn = project.addNode("function", {}).valueOr(kInvalidNodeId);
    QSignalSpy added(&project.architecture(), &Architecture::edgeAdded);
    const EdgeId edge = project.connectNodes(q, fn, "invokes").valueOr(kInvalidEdgeId);
    QVERIFY(edge != kInvalidEdgeId);
    QCOMPARE(added.count(), 1);
    QCOMPARE(project.undoStack()->undoText(), QStringLiteral("Connect queue to function"));
    project.undoStack()->undo();
    QCOMPARE(project.architecture().edgeCount(), 0);
    project.undoStack()->redo();
    QCOMPARE(project.architecture().edge(edge)->type, QStringLiteral("invokes"));
}

void tst_Commands::connectRefused_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("error");

    QTest::newRow("forbidden") << "http-route"
                               << "table"
                               << "invokes"
                               << "a HTTP route cannot connect to a table";
    QTest::newRow("wrong type") << "function"
                                << "topic"
                                << "writes"
                                << "connects to a topic only as: publishes";
}

void tst_Commands::connectRefused()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, type);
    QFETCH(QString, error);
    Project project(Catalog::builtin());
    const NodeId a = project.addNode(from, {}).valueOr(kInvalidNodeId);
    const NodeId b = project.addNode(to, {}).valueOr(kInvalidNodeId);
    const int steps = project.undoStack()->count();
    const Result<EdgeId> edge = project.connectNodes(a, b, type);
    QVERIFY(!edge);
    QVERIFY2(edge.errorMessage().contains(error), qPrintable(edge.errorMessage()));
    QCOMPARE(project.undoStack()->count(), steps);
}

void tst_Commands::setPropertyMergesTyping()
{
    Project project(Catalog::builtin());
    const NodeId fn = project.addNode("function", {}).valueOr(kInvalidNodeId);
    const int steps = project.undoStack()->count();
    QSignalSpy changed(&project.architecture(), &Architecture::nodePropertyChanged);
    for (const char *text : {"i", "in", "ind", "inde", "index.main"})
        QVERIFY(project.setNodeProperty(fn, "handler", QString::fromLatin1(text)));
    QCOMPARE(project.undoStack()->count(), steps + 1);
    QCOMPARE(changed.count(), 5);
    QCOMPARE(project.architecture().node(fn)->properties.value("handler").toString(), QStringLiteral("index.main"));
    project.undoStack()->undo();
    QCOMPARE(project.architecture().node(fn)->properties.value("handler").toString(), QStringLiteral("index.handler"));

    // Another property is another step.
    QVERIFY(project.setNodeProperty(fn, "memory", 512));
    QVERIFY(project.setNodeProperty(fn, "timeout", 30));
    QCOMPARE(project.undoStack()->count(), steps + 2);
    // Out-of-range values are kept as typed (the validator reports them), not clamped.
    QVERIFY(project.setNodeProperty(fn, "memory", 1));
    QCOMPARE(project.architecture().node(fn)->properties.value("memory").toInt(), 1);
}

void tst_Commands::setPropertyUnknownRefused()
{
    Project project(Catalog::builtin());
    const NodeId fn = project.addNode("function", {}).valueOr(kInvalidNodeId);
    const Result<void> set = project.setNodeProperty(fn, "colour", "red");
    QVERIFY(!set);
    QVERIFY(set.errorMessage().contains("no property 'colour'"));
}

void tst_Commands::rename_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");

    QTest::newRow("valid") << "checkout-v2"
                           << "";
    QTest::newRow("taken") << "orders"
                           << "another node is already named 'orders'";
    QTest::newRow("space") << "check out"
                           << "is not a valid name";
    QTest::newRow("empty") << ""
                           << "is not a valid name";
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << "is not a valid name";
}

void tst_Commands::rename()
{
    QFETCH(QString, name);
    QFETCH(QString, error);
    Project project(Catalog::builtin());
    QVERIFY(project.addNode("queue", {}, "orders"));
    const NodeId fn = project.addNode("function", {}, "checkout").valueOr(kInvalidNodeId);
    QSignalSpy renamed(&project.architecture(), &Architecture::nodeRenamed);
    const Result<void> renamedTo = project.renameNode(fn, name);
    QCOMPARE(renamedTo.hasValue(), error.isEmpty());
    QVERIFY2(renamedTo.errorMessage().contains(error), qPrintable(renamedTo.errorMessage()));
    if (error.isEmpty()) {
        QCOMPARE(renamed.count(), 1);
        QCOMPARE(project.architecture().node(fn)->name, name);
        project.undoStack()->undo();
        QCOMPARE(project.architecture().node(fn)->name, QStringLiteral("checkout"));
    } else {
        QCOMPARE(renamed.count(), 0);
    }
}

void tst_Commands::modifiedFollowsUndo()
{
    Project project(Catalog::builtin());
    QVERIFY(!project.isModified());
    QSignalSpy modified(&project, &Project::modifiedChanged);
    QVERIFY(project.addNode("topic", {}));
    QVERIFY(project.isModified());
    project.undoStack()->undo();
    QVERIFY(!project.isModified());
    QCOMPARE(modified.count(), 2);
    project.setCodeFile("functions/a/index.js", "exports.handler = async () => 1;");
    QVERIFY(project.isModified());
    project.markSaved();
    QVERIFY(!project.isModified());
}

void tst_Commands::copyPaste()
{
    Project project(Catalog::builtin());
    const NodeId q = project.addNode("queue", QPointF(0, 0), "jobs").valueOr(kInvalidNodeId);
    const NodeId fn = project.addNode("function", QPointF(300, 0), "worker").valueOr(kInvalidNodeId);
    const NodeId custom = project.addNode("function", QPointF(300, 200), "shared").valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(custom, "source", "lib/common"));
    QVERIFY(project.setNodeProperty(fn, "memory", 512));
    QVERIFY(project.connectNodes(q, fn, "invokes"));
    const QByteArray fragment = project.copyNodes({q, fn, custom});
    const int steps = project.undoStack()->count();

    const QList<NodeId> pasted = project.pasteNodes(fragment, QPointF(40, 40)).valueOr({});
    QCOMPARE(pasted.size(), 3);
    QCOMPARE(project.undoStack()->count(), steps + 1); // one step
    const Architecture &a = project.architecture();
    QCOMPARE(a.node(pasted[0])->name, QStringLiteral("jobs2"));
    QCOMPARE(a.node(pasted[1])->name, QStringLiteral("worker2"));
    QCOMPARE(a.node(pasted[1])->position, QPointF(340, 40));
    QCOMPARE(a.node(pasted[1])->properties.value("memory").toInt(), 512);
    // Default folders follow the new name; a chosen folder is kept.
    QCOMPARE(a.node(pasted[1])->properties.value("source").toString(), QStringLiteral("functions/worker2"));
    QCOMPARE(a.node(pasted[2])->properties.value("source").toString(), QStringLiteral("lib/common"));
    QVERIFY(a.findEdge(pasted[0], pasted[1], "invokes"));
    QCOMPARE(a.edgeCount(), 2);

    project.undoStack()->undo();
    QCOMPARE(a.nodeCount(), 3);
    QCOMPARE(a.edgeCount(), 1);

    const Result<QList<NodeId>> notPasted = project.pasteNodes("not json", {});
    QVERIFY(!notPasted);
    QVERIFY(notPasted.errorMessage().contains("clipboard"));
}

QTEST_GUILESS_MAIN(tst_Commands)
#include "tst_commands.moc"
