#include "canvas/canvasscene.h"
#include "mainwindow.h"

#include "testutil.h"

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
    QTest::newRow("whole diagram") << false << 17 << 15;
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
