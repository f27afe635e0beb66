// A function's on-success and on-failure destinations are drawn as connections of their
// own on the canvas: dashed, in the theme's green and red, in light and dark themes alike,
// where every other connection is a plain line.

#include "canvas/canvasscene.h"
#include "canvas/edgeitem.h"
#include "document/project.h"
#include "model/catalog.h"
#include "preferences/preferences.h"
#include "theme.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Nimbus::Preferences::Theme)

class TestEdgeLooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void destinationsLookTheirOwn_data();
    void destinationsLookTheirOwn();
};

void TestEdgeLooks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestEdgeLooks::cleanup()
{
    Preferences::applyTheme(Preferences::Theme::System);
}

void TestEdgeLooks::destinationsLookTheirOwn_data()
{
    QTest::addColumn<Preferences::Theme>("theme");
    QTest::newRow("light") << Preferences::Theme::Light;
    QTest::newRow("dark") << Preferences::Theme::Dark;
}

void TestEdgeLooks::destinationsLookTheirOwn()
{
    QFETCH(Preferences::Theme, theme);
    Preferences::applyTheme(theme);
    Project project(Catalog::builtin());
    const NodeId function = *project.addNode(u"function"_s, QPointF(0, 0), u"worker"_s);
    auto connect = [&](const QString &queue, qreal y, const QString &type) {
        const NodeId to = *project.addNode(u"queue"_s, QPointF(400, y), queue);
        return *project.connectNodes(function, to, type);
    };
    const EdgeId writes = connect(u"jobs"_s, -200, u"writes"_s);
    const EdgeId success = connect(u"done"_s, 0, u"on-success"_s);
    const EdgeId failure = connect(u"failed"_s, 200, u"on-failure"_s);
    CanvasScene scene;
    scene.setProject(&project);
    const QPalette palette = QApplication::palette();
    const QPen plain = scene.edgeItem(writes)->linePen(palette, false);
    const QPen succeeded = scene.edgeItem(success)->linePen(palette, false);
    const QPen failed = scene.edgeItem(failure)->linePen(palette, false);
    QCOMPARE(plain.style(), Qt::SolidLine);
    QCOMPARE(succeeded.style(), Qt::DashLine);
    QCOMPARE(failed.style(), Qt::DashLine);
    QCOMPARE(succeeded.color(), Theme::success(palette));
    QCOMPARE(failed.color(), Theme::failure(palette));
    QVERIFY(plain.color() != succeeded.color() && plain.color() != failed.color());
    // Selected, each is the highlight, as any connection.
    QCOMPARE(scene.edgeItem(failure)->linePen(palette, true).color(), palette.color(QPalette::Highlight));

    // And that is what the canvas paints: both colours are on the picture.
    QImage image(scene.itemsBoundingRect().size().toSize() + QSize(20, 20), QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    {
        QPainter painter(&image);
        scene.render(&painter, QRectF(QPointF(10, 10), scene.itemsBoundingRect().size()), scene.itemsBoundingRect());
    }
    auto painted = [&image](const QColor &colour) {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, y).rgb() == colour.rgb())
                    return true;
        return false;
    };
    QVERIFY(painted(succeeded.color()));
    QVERIFY(painted(failed.color()));
}

QTEST_MAIN(TestEdgeLooks)
#include "tst_edgelooks.moc"
