#include "model/autolayout.h"

#include "testutil.h"

#include <QRectF>

using namespace Nimbus;
using namespace NimbusTest;

class tst_AutoLayout : public QObject
{
    Q_OBJECT

private slots:
    void noOverlapsAndFlowsRight_data();
    void noOverlapsAndFlowsRight();
    void exampleLaysOutByFlow();
    void isOneUndoStep();
};

void tst_AutoLayout::noOverlapsAndFlowsRight_data()
{
    QTest::addColumn<QByteArray>("nodes");
    QTest::addColumn<QByteArray>("edges");

    QTest::newRow("chain") << QByteArray(R"([["api", "http-route", {}], ["fn", "function", {}], ["t", "table", {}]])")
                           << QByteArray(R"([["api", "fn", "invokes"], ["fn", "t", "writes"]])");
    QTest::newRow("loop") << QByteArray(R"([["q", "queue", {}], ["fn", "function", {}]])")
                          << QByteArray(R"([["q", "fn", "invokes"], ["fn", "q", "writes"]])");
    QTest::newRow("self call") << QByteArray(R"([["fn", "function", {}]])") << QByteArray(R"([["fn", "fn", "calls"]])");
    QTest::newRow("disconnected") << QByteArray(R"([["a", "queue", {}], ["b", "queue", {}], ["c", "topic", {}]])")
                                  << QByteArray("[]");
    QTest::newRow("fan out and in")
        << QByteArray(R"([["s", "schedule", {}], ["a", "function", {}], ["b", "function", {}], ["c", "function", {}],
                          ["t", "table", {}]])")
        << QByteArray(R"([["s", "a", "invokes"], ["s", "b", "invokes"], ["s", "c", "invokes"], ["a", "t", "writes"],
                          ["b", "t", "writes"], ["c", "t", "reads"]])");
}

void tst_AutoLayout::noOverlapsAndFlowsRight()
{
    QFETCH(QByteArray, nodes);
    QFETCH(QByteArray, edges);
    Project project(Catalog::builtin());
    QVERIFY(fillProject(project, parseArray(nodes.constData()), parseArray(edges.constData())));
    const AutoLayout::Spacing spacing;
    const QHash<NodeId, QPointF> positions = AutoLayout::compute(project.architecture(), spacing);
    QCOMPARE(positions.size(), project.architecture().nodeCount());

    QList<QRectF> boxes;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        boxes.append(QRectF(it.value(), spacing.node));
    for (int i = 0; i < boxes.size(); ++i)
        for (int j = i + 1; j < boxes.size(); ++j)
            QVERIFY2(!boxes[i].intersects(boxes[j]), "nodes overlap");

    // Every connection that does not close a loop points right.
    int rightward = 0;
    for (const auto &[id, edge] : project.architecture().edges())
        rightward += positions.value(edge.to).x() > positions.value(edge.from).x();
    int acyclic = 0;
    for (const auto &[id, edge] : project.architecture().edges())
        acyclic += !(QTest::currentDataTag() == QByteArrayLiteral("loop") && edge.type == "writes")
                   && edge.from != edge.to;
    QCOMPARE(rightward, acyclic);
}

void tst_AutoLayout::exampleLaysOutByFlow()
{
    Project project(Catalog::builtin());
    JsonInterchange reader;
    QVERIFY(reader.read(readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json")), "shop"));
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    const QHash<NodeId, QPointF> p = AutoLayout::compute(project.architecture());
    auto x = [&](const char *name) { return p.value(project.architecture().nodeByName(name)->id).x(); };
    // Triggers on the left, then functions, then what they write.
    QVERIFY(x("getItemRoute") < x("getItem"));
    QVERIFY(x("getItem") < x("items"));
    QVERIFY(x("createOrder") < x("orders-queue"));
    QVERIFY(x("orders-queue") < x("processOrder"));
    QVERIFY(x("processOrder") < x("order-events"));
    QVERIFY(x("order-events") < x("notifyCustomer"));
    QCOMPARE(x("getItemRoute"), 0.0);
    QCOMPARE(x("nightly"), 0.0);
}

void tst_AutoLayout::isOneUndoStep()
{
    Project project(Catalog::builtin());
    QVERIFY(fillProject(project, parseArray(R"([["api", "http-route", {}], ["fn", "function", {}]])"),
                        parseArray(R"([["api", "fn", "invokes"]])")));
    project.moveNodes({{2, QPointF(-500, 300)}}, true);
    const auto before = project.architecture().nodes();
    project.arrangeNodes(AutoLayout::compute(project.architecture()), "Auto Layout");
    QCOMPARE(project.undoStack()->undoText(), QStringLiteral("Auto Layout"));
    QVERIFY(project.architecture().node(2)->position.x() > project.architecture().node(1)->position.x());
    project.undoStack()->undo();
    QVERIFY(project.architecture().nodes() == before);
}

QTEST_GUILESS_MAIN(tst_AutoLayout)
#include "tst_autolayout.moc"
