#include "canvas/canvasscene.h"
#include "canvas/edgeitem.h"
#include "mainwindow.h"
#include "model/diagrampainter.h"

#include "testutil.h"

#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace Nimbus;
using namespace NimbusTest;

class tst_DiagramExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void svgHasOneGroupPerNode_data();
    void svgHasOneGroupPerNode();
    void svgSaysWhatTheCanvasSays();
    void svgDrawsDestinationsDashed();
    void png();
    void emptyDiagramIsRefused();

private:
    QStringList groups(const QString &path, const QString &kind);
    std::unique_ptr<MainWindow> mWindow;
    QTemporaryDir mDir;
};

void tst_DiagramExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    mWindow = std::make_unique<MainWindow>();
    mWindow->show();
    QVERIFY(mWindow->openExample("shop"));
}

QStringList tst_DiagramExport::groups(const QString &path, const QString &kind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("unreadable")};
    QXmlStreamReader xml(&file);
    QStringList ids;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("g")
            && xml.attributes().value("class").startsWith(kind + " "))
            ids.append(xml.attributes().value("id").toString());
    }
    if (xml.hasError())
        return {QStringLiteral("invalid XML: ") + xml.errorString()};
    return ids;
}

void tst_DiagramExport::svgHasOneGroupPerNode_data()
{
    QTest::addColumn<bool>("selectionOnly");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::newRow("whole diagram") << false << 28 << 28;
    QTest::newRow("selection") << true << 3 << 2;
}

void tst_DiagramExport::svgHasOneGroupPerNode()
{
    QFETCH(bool, selectionOnly);
    QFETCH(int, nodes);
    QFETCH(int, edges);
    const Architecture &a = mWindow->project()->architecture();
    mWindow->canvasScene()->selectNodes(
        {a.nodeByName("createOrder")->id, a.nodeByName("orders-queue")->id, a.nodeByName("processOrder")->id});
    const QString path = mDir.filePath(QStringLiteral("diagram-%1.svg").arg(selectionOnly));
    QVERIFY(mWindow->exportDiagramTo(path, selectionOnly));
    QStringList nodeGroups = groups(path, "node");
    QCOMPARE(nodeGroups.size(), nodes);
    QCOMPARE(groups(path, "edge").size(), edges);
    QVERIFY(nodeGroups.contains("node-processOrder"));
    QCOMPARE(nodeGroups.removeDuplicates(), 0);
    // A real SVG renderer accepts it.
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QVERIFY(renderer.defaultSize().width() > (selectionOnly ? 400 : 1200));
}

// The texts of the SVG group with this id, the first text's position and where its path starts.
static QStringList texts(const QString &path, const QString &id, QPointF *first = nullptr, QPointF *start = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QStringList found;
    bool inside = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("g")) {
            inside = xml.attributes().value("id") == id;
        } else if (inside && start && xml.isStartElement() && xml.name() == QLatin1String("path")) {
            const QStringList move = xml.attributes().value("d").toString().split(' '); // "M x y ..."
            *start = QPointF(move.value(1).toDouble(), move.value(2).toDouble());
        } else if (inside && xml.isStartElement() && xml.name() == QLatin1String("text")) {
            if (first && found.isEmpty())
                *first = QPointF(xml.attributes().value("x").toDouble(), xml.attributes().value("y").toDouble());
            found.append(xml.readElementText());
        }
    }
    return found;
}

void tst_DiagramExport::svgDrawsDestinationsDashed()
{
    // As on the canvas: a destination dashed in its own colour, with an arrow head of that
    // colour; every other connection solid grey.
    const QString path = mDir.filePath(QStringLiteral("destinations.svg"));
    QVERIFY(mWindow->exportDiagramTo(path, false));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString type;
    QSet<QString> markers, dashedTypes, solidStrokes;
    int destinations = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QXmlStreamAttributes at = xml.attributes();
        if (xml.name() == QLatin1String("marker"))
            markers.insert(at.value("id").toString());
        if (xml.name() == QLatin1String("g"))
            type = at.value("class").startsWith(QLatin1String("edge ")) ? at.value("class").mid(5).toString()
                                                                        : QString();
        if (xml.name() != QLatin1String("path") || type.isEmpty())
            continue;
        const bool destination = type == QLatin1String("on-success") || type == QLatin1String("on-failure");
        QCOMPARE(at.hasAttribute("stroke-dasharray"), destination);
        const QString marker = at.value("marker-end").toString();
        QVERIFY2(marker.startsWith(QLatin1String("url(#")), qPrintable(marker));
        QVERIFY2(markers.contains(marker.mid(5).chopped(1)), qPrintable(marker));
        if (destination) {
            ++destinations;
            dashedTypes.insert(type);
            QCOMPARE(at.value("stroke").toString(), DiagramPainter::connectionColour(type).name());
        } else {
            solidStrokes.insert(at.value("stroke").toString());
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(destinations > 0); // the shop's notifyCustomer has an on-failure destination
    QVERIFY(dashedTypes.contains(QStringLiteral("on-failure")));
    QCOMPARE(solidStrokes.size(), 1);
    QVERIFY(!solidStrokes.contains(DiagramPainter::connectionColour(QStringLiteral("on-failure")).name()));
}

void tst_DiagramExport::svgSaysWhatTheCanvasSays()
{
    mWindow->canvasScene()->clearSelection();
    const QString path = mDir.filePath("says.svg");
    QVERIFY(mWindow->exportDiagramTo(path, false));
    // A card's detail line, as on the canvas.
    QCOMPARE(texts(path, "node-createOrderRoute"), QStringList({"createOrderRoute", "POST /orders", "HTTP route"}));
    QVERIFY(texts(path, "node-createOrder").at(1).startsWith("Node.js"));
    // Each connection's type where the canvas writes it (on its longest straight run), not
    // at the middle of its path, which may be a corner.
    const Architecture &a = mWindow->project()->architecture();
    for (const auto &[id, edge] : a.edges()) {
        const EdgeItem *item = mWindow->canvasScene()->edgeItem(id);
        QVERIFY(item);
        QPointF at;
        QPointF start;
        QCOMPARE(texts(path, QStringLiteral("edge-%1").arg(id), &at, &start), QStringList({edge.type}));
        const QPointF origin = item->path().elementAt(0) - start; // the scene point the file's 0,0 is
        QCOMPARE(at.x(), item->labelCentre().x() - origin.x());
        QVERIFY(qAbs(at.y() - (item->labelCentre().y() - origin.y())) <= 10);
    }
}

void tst_DiagramExport::png()
{
    mWindow->canvasScene()->clearSelection();
    const QString path = mDir.filePath("diagram.png");
    QVERIFY(mWindow->exportDiagramTo(path, false));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 2000); // 2x for print
}

void tst_DiagramExport::emptyDiagramIsRefused()
{
    MainWindow empty;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("nothing to export"));
    QVERIFY(!empty.exportDiagramTo(mDir.filePath("empty.svg"), false));
    QVERIFY(!QFileInfo::exists(mDir.filePath("empty.svg")));
}

QTEST_MAIN(tst_DiagramExport)
#include "tst_diagramexport.moc"
