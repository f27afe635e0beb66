#include "canvas/canvasscene.h"
#include "canvas/edgeitem.h"
#include "canvas/edgerouter.h"
#include "canvas/nodeitem.h"
#include "document/project.h"
#include "mainwindow.h"
#include "model/catalog.h"

#include "testutil.h"

#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>
#include <QUndoStack>

using namespace Nimbus;
using namespace NimbusTest;

// Node cards say what each node is in a few words, and connections go round the nodes
// in their way, on the example and when nodes move.
class tst_Cards : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void detailLine_data();
    void detailLine();
    void detailFollowsEditsAndUndo();
    void exampleEdgesCrossNoNode();
    void edgeGoesRoundNodeMovedInTheWay();
    void backwardsLinkGoesRoundBothEnds();
    void routerAvoidsObstacles();

private:
    // Every node a connection of the scene passes through, other than its own ends.
    QStringList crossings() const;

    std::unique_ptr<Project> mProject;
    std::unique_ptr<CanvasScene> mScene;
};

void tst_Cards::init()
{
    mProject = std::make_unique<Project>(Catalog::builtin());
    mScene = std::make_unique<CanvasScene>();
    mScene->setProject(mProject.get());
}

void tst_Cards::cleanup()
{
    mScene->setProject(nullptr);
    mScene.reset();
    mProject.reset();
}

void tst_Cards::detailLine_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<QString>("detail");
    QTest::newRow("route") << "http-route" << QJsonObject{{"method", "POST"}, {"path", "/orders"}} << "POST /orders";
    QTest::newRow("route, defaults") << "http-route" << QJsonObject{} << "GET /items";
    QTest::newRow("function, Node.js") << "function" << QJsonObject{{"runtime", "nodejs20.x"}, {"memory", 256}}
                                       << "Node.js 20 · 256 MB";
    QTest::newRow("function, Python") << "function" << QJsonObject{{"runtime", "python3.12"}, {"memory", 512}}
                                      << "Python 3.12 · 512 MB";
    QTest::newRow("queue, standard") << "queue" << QJsonObject{} << "Standard";
    QTest::newRow("queue, FIFO") << "queue" << QJsonObject{{"fifo", true}} << "FIFO";
    QTest::newRow("topic, FIFO") << "topic" << QJsonObject{{"fifo", true}} << "FIFO";
    QTest::newRow("table, partition key") << "table" << QJsonObject{{"partitionKey", "orderId"}} << "pk: orderId (S)";
    QTest::newRow("table, both keys") << "table"
                                      << QJsonObject{{"partitionKey", "customer"},
                                                     {"sortKey", "created"},
                                                     {"sortKeyType", "N"}}
                                      << "pk: customer (S) · sk: created (N)";
    QTest::newRow("schedule") << "schedule" << QJsonObject{{"expression", "cron(0 2 * * ? *)"}} << "cron(0 2 * * ? *)";
    QTest::newRow("bucket: nothing short to say") << "bucket" << QJsonObject{} << "";
}

void tst_Cards::detailLine()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, properties);
    QFETCH(QString, detail);
    const NodeId id = mProject->addNode(kind, {0, 0}, "node").valueOr(kInvalidNodeId);
    QVERIFY(id != kInvalidNodeId);
    for (auto it = properties.begin(); it != properties.end(); ++it)
        QVERIFY(mProject->setNodeProperty(id, it.key(), it.value()));
    if (kind == "http-route" && properties.isEmpty())
        QVERIFY(mProject->setNodeProperty(id, "path", "/items"));
    QCOMPARE(mScene->nodeItem(id)->detail(), detail);
}

void tst_Cards::detailFollowsEditsAndUndo()
{
    const NodeId fn = mProject->addNode("function", {0, 0}, "checkout").valueOr(kInvalidNodeId);
    NodeItem *item = mScene->nodeItem(fn);
    QCOMPARE(item->detail(), QStringLiteral("Node.js 20 · 128 MB"));
    QVERIFY(mProject->setNodeProperty(fn, "memory", 1024));
    QVERIFY(mProject->setNodeProperty(fn, "runtime", "python3.11"));
    const QString big = QLocale().toString(1024); // as the user's locale writes it
    QCOMPARE(item->detail(), QStringLiteral("Python 3.11 · %1 MB").arg(big));
    mProject->undoStack()->undo();
    QCOMPARE(item->detail(), QStringLiteral("Node.js 20 · %1 MB").arg(big));
    mProject->undoStack()->undo();
    QCOMPARE(item->detail(), QStringLiteral("Node.js 20 · 128 MB"));
    mProject->undoStack()->redo();
    QCOMPARE(item->detail(), QStringLiteral("Node.js 20 · %1 MB").arg(big));
}

QStringList tst_Cards::crossings() const
{
    QStringList found;
    const Architecture &a = mScene->project()->architecture();
    for (const auto &[edgeId, edge] : a.edges()) {
        EdgeItem *edgeItem = mScene->edgeItem(edgeId);
        for (const auto &[nodeId, node] : a.nodes()) {
            if (nodeId == edge.from || nodeId == edge.to)
                continue;
            if (EdgeRouter::crosses(edgeItem->route(), mScene->nodeItem(nodeId)->bodyRect()))
                found.append(QStringLiteral("%1 -> %2 crosses %3")
                                 .arg(a.node(edge.from)->name, a.node(edge.to)->name, node.name));
        }
    }
    return found;
}

void tst_Cards::exampleEdgesCrossNoNode()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    CanvasScene *scene = window.canvasScene();
    QVERIFY(!scene->isBuilding());
    QCOMPARE(scene->project()->architecture().edgeCount(), 28);
    mScene->setProject(window.project());
    const QStringList found = crossings();
    mScene->setProject(nullptr);
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));

    // The line drawn, too: from port to port, and no point of it on another node.
    const Architecture &a = window.project()->architecture();
    for (const auto &[id, edge] : a.edges()) {
        const QList<QPointF> route = scene->edgeItem(id)->route();
        QCOMPARE(route.first(), scene->nodeItem(edge.from)->outputPort());
        QCOMPARE(route.last(), scene->nodeItem(edge.to)->inputPort());
        const QPainterPath drawn = scene->edgeItem(id)->path();
        QCOMPARE(drawn.pointAtPercent(1.0), route.last());
        for (const auto &[nodeId, node] : a.nodes()) {
            if (nodeId == edge.from || nodeId == edge.to)
                continue;
            const QRectF rect = scene->nodeItem(nodeId)->bodyRect();
            for (int step = 0; step <= 400; ++step)
                QVERIFY2(!rect.contains(drawn.pointAtPercent(step / 400.0)),
                         qPrintable(a.node(edge.from)->name + " -> " + a.node(edge.to)->name + " over " + node.name));
        }
    }
}

void tst_Cards::edgeGoesRoundNodeMovedInTheWay()
{
    const NodeId route = mProject->addNode("http-route", {0, 0}, "route").valueOr(kInvalidNodeId);
    const NodeId fn = mProject->addNode("function", {600, 0}, "fn").valueOr(kInvalidNodeId);
    const NodeId table = mProject->addNode("table", {300, 300}, "table").valueOr(kInvalidNodeId);
    QVERIFY(mProject->connectNodes(route, fn, "invokes"));
    QVERIFY(crossings().isEmpty());
    const EdgeId edge = mProject->architecture().edgesOf(fn).first();
    QCOMPARE(mScene->edgeItem(edge)->route().size(), 2); // a straight line

    // The table moved onto the line: the connection goes round it, and straight again on undo.
    mProject->moveNodes({{table, QPointF(300, -10)}});
    QVERIFY2(crossings().isEmpty(), qPrintable(crossings().join('\n')));
    QVERIFY(mScene->edgeItem(edge)->route().size() > 2);
    mProject->undoStack()->undo();
    QVERIFY(crossings().isEmpty());
    QCOMPARE(mScene->edgeItem(edge)->route().size(), 2); // no detour round where it was

    // A node dropped on the line, then deleted.
    const NodeId queue = mProject->addNode("queue", {310, -20}, "queue").valueOr(kInvalidNodeId);
    QVERIFY(queue != kInvalidNodeId);
    QVERIFY2(crossings().isEmpty(), qPrintable(crossings().join('\n')));
    QVERIFY(mScene->edgeItem(edge)->route().size() > 2);
    mProject->removeItems({queue});
    QCOMPARE(mScene->edgeItem(edge)->route().size(), 2);
}

void tst_Cards::backwardsLinkGoesRoundBothEnds()
{
    const NodeId fn = mProject->addNode("function", {600, 0}, "fn").valueOr(kInvalidNodeId);
    const NodeId table = mProject->addNode("table", {0, 0}, "table").valueOr(kInvalidNodeId);
    const NodeId other = mProject->addNode("queue", {300, 60}, "between").valueOr(kInvalidNodeId);
    QVERIFY(other != kInvalidNodeId);
    QVERIFY(mProject->connectNodes(fn, table, "writes"));
    QVERIFY2(crossings().isEmpty(), qPrintable(crossings().join('\n')));
    const QList<QPointF> route = mScene->edgeItem(mProject->architecture().edgesOf(fn).first())->route();
    // Out of the function's right side and into the table's left, through neither.
    const QRectF fnRect = mScene->nodeItem(fn)->bodyRect();
    const QRectF tableRect = mScene->nodeItem(table)->bodyRect();
    QVERIFY(!EdgeRouter::crosses(route.mid(1, route.size() - 2), fnRect));
    QVERIFY(!EdgeRouter::crosses(route.mid(1, route.size() - 2), tableRect));
    QVERIFY(route.at(1).x() > fnRect.right());
    QVERIFY(route.at(route.size() - 2).x() < tableRect.left());
}

void tst_Cards::routerAvoidsObstacles()
{
    const QRectF fromRect(0, 0, 196, 60), toRect(800, 300, 196, 60);
    const QPointF from(196, 30), to(800, 330);
    const QList<QRectF> wall{QRectF(400, -200, 100, 700), QRectF(600, 280, 100, 100)};
    const QList<QPointF> simple = EdgeRouter::simpleRoute(from, to, fromRect, toRect);
    QVERIFY(EdgeRouter::crosses(simple, wall.first()));
    const QList<QPointF> route = EdgeRouter::route(from, to, wall + QList<QRectF>{fromRect, toRect});
    QVERIFY(!route.isEmpty());
    QCOMPARE(route.first(), from);
    QCOMPARE(route.last(), to);
    for (const QRectF &r : wall)
        QVERIFY(!EdgeRouter::crosses(route, r, EdgeRouter::kClearance - 1));
    // Right angles only.
    for (int i = 1; i < route.size(); ++i)
        QVERIFY(route.at(i).x() == route.at(i - 1).x() || route.at(i).y() == route.at(i - 1).y());
}

QTEST_MAIN(tst_Cards)
#include "tst_cards.moc"
