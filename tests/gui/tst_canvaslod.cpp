#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "document/project.h"
#include "model/catalog.h"
#include "preferences/preferences.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

using namespace Nimbus;

// The canvas draws less when zoomed out (level of detail): a card without its texts, a
// connection without its label; and a card's cached picture follows what it shows.
class tst_CanvasLod : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void textOnlyWhereLegible_data();
    void textOnlyWhereLegible();
    void cachedPictureFollowsAPropertyChange();
    void cachedPictureFollowsATheme();

private:
    // The view's pixels inside an item's rectangle (item coordinates).
    QImage pixels(const QGraphicsItem *item, const QRectF &rect) const;
    // The viewport's pixels inside a scene rectangle.
    QImage pixelsOfScene(const QRectF &rect) const;
    static int darkPixels(const QImage &image);
    static int pixelsNear(const QImage &image, const QColor &colour);

    std::unique_ptr<Project> mProject;
    std::unique_ptr<CanvasScene> mScene;
    std::unique_ptr<CanvasView> mView;
    NodeId mFunction = kInvalidNodeId;
    NodeId mTable = kInvalidNodeId;
};

void tst_CanvasLod::init()
{
    Preferences::applyTheme(Preferences::Theme::Light);
    mProject = std::make_unique<Project>(Catalog::builtin());
    mFunction = *mProject->addNode(QStringLiteral("function"), QPointF(0, 0), QStringLiteral("createOrderHandler"));
    mTable = *mProject->addNode(QStringLiteral("table"), QPointF(600, 0), QStringLiteral("ordersTable"));
    QVERIFY(mProject->connectNodes(mFunction, mTable, QStringLiteral("writes")));
    mScene = std::make_unique<CanvasScene>();
    mScene->setProject(mProject.get());
    mView = std::make_unique<CanvasView>(mScene.get());
    mView->resize(1000, 600);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView.get()));
}

void tst_CanvasLod::cleanup()
{
    mView.reset();
    mScene->setProject(nullptr);
    mScene.reset();
    mProject.reset();
    Preferences::applyTheme(Preferences::Theme::System);
}

QImage tst_CanvasLod::pixelsOfScene(const QRectF &rect) const
{
    const QRect where = mView->mapFromScene(rect).boundingRect().intersected(mView->viewport()->rect());
    return mView->viewport()->grab().toImage().copy(where);
}

QImage tst_CanvasLod::pixels(const QGraphicsItem *item, const QRectF &rect) const
{
    return pixelsOfScene(item->mapRectToScene(rect));
}

int tst_CanvasLod::darkPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += QColor(image.pixel(x, y)).lightness() < 100 ? 1 : 0;
    return count;
}

int tst_CanvasLod::pixelsNear(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c(image.pixel(x, y));
            count += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                                 + std::abs(c.blue() - colour.blue())
                             < 60
                         ? 1
                         : 0;
        }
    }
    return count;
}

void tst_CanvasLod::textOnlyWhereLegible_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<bool>("text");
    QTest::newRow("100 %") << 1.0 << true;
    QTest::newRow("legible, 75 %") << 0.75 << true;
    QTest::newRow("far out, 30 %") << 0.3 << false;
    QTest::newRow("farthest, 10 %") << 0.1 << false;
}

void tst_CanvasLod::textOnlyWhereLegible()
{
    QFETCH(qreal, zoom);
    QFETCH(bool, text);
    mView->setZoom(zoom);
    const NodeItem *card = mScene->nodeItem(mFunction);
    const EdgeItem *edge = mScene->edgeItem(mScene->project()->architecture().edges().begin()->first);
    mView->centerOn(QRectF(card->pos(), mScene->nodeItem(mTable)->bodyRect().bottomRight()).center());
    QCOMPARE(card->cacheMode(), QGraphicsItem::DeviceCoordinateCache);

    // The card is there at every zoom: its category's colour (a function's orange) shows.
    const QColor compute(0xf5, 0x7c, 0x00);
    const QImage body = pixels(card, QRectF(0, 0, NodeItem::kWidth, NodeItem::kHeight));
    QVERIFY2(pixelsNear(body, compute) > 0, qPrintable(QString::number(zoom)));
    // Its name in the text colour only where it can be read.
    const int nameInk = darkPixels(pixels(card, card->nameRect()));
    QVERIFY2(text ? nameInk > 10 : nameInk == 0, qPrintable(QString::number(nameInk)));

    // The connection's line at every zoom, its label only where it can be read.
    const QRectF label(edge->labelCentre() - QPointF(30, 8), QSizeF(60, 16));
    const QPointF port = edge->route().first();
    const QImage line = pixelsOfScene(QRectF(port.x() + 20, port.y() - 10, 40, 20));
    QVERIFY(!line.isNull());
    QVERIFY(pixelsNear(line, QApplication::palette().color(QPalette::Base)) < line.width() * line.height());
    const int labelInk = darkPixels(pixelsOfScene(label));
    QVERIFY2(text ? labelInk > 0 : labelInk == 0, qPrintable(QString::number(labelInk)));
}

void tst_CanvasLod::cachedPictureFollowsAPropertyChange()
{
    mView->setZoom(1.0);
    const NodeItem *card = mScene->nodeItem(mFunction);
    mView->centerOn(card);
    const QRectF detailLine(52, 24, NodeItem::kWidth - 62, 17);
    const QImage before = pixels(card, detailLine);
    QVERIFY(darkPixels(before) > 10);
    QVERIFY(mProject->setNodeProperty(mFunction, QStringLiteral("memory"), 2048));
    QVERIFY(card->detail().contains(QLocale().toString(2048)));
    const QImage after = pixels(card, detailLine);
    QVERIFY(after != before);
    // As a view that never drew the card draws it.
    CanvasView fresh(mScene.get());
    fresh.resize(mView->size());
    fresh.setZoom(1.0);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    fresh.centerOn(card);
    const QRect where = fresh.mapFromScene(card->mapRectToScene(detailLine)).boundingRect();
    QCOMPARE(fresh.viewport()->grab().toImage().copy(where.intersected(fresh.viewport()->rect())), after);
}

void tst_CanvasLod::cachedPictureFollowsATheme()
{
    mView->setZoom(1.0);
    const NodeItem *card = mScene->nodeItem(mFunction);
    mView->centerOn(card);
    // The card's fill: beside the icon at 100 %, the middle of the card far out (no texts).
    QPointF inside(12, 52);
    auto fill = [&] {
        const QPoint at = mView->mapFromScene(card->mapToScene(inside));
        return QColor(mView->viewport()->grab().toImage().pixel(at));
    };
    QVERIFY2(fill().lightness() > 200, qPrintable(fill().name()));
    Preferences::applyTheme(Preferences::Theme::Dark);
    QCoreApplication::processEvents(); // Qt posts the palette change to each widget
    QVERIFY2(fill().lightness() < 100, qPrintable(fill().name()));
    // Far out too, where the card is drawn without its texts.
    mView->setZoom(0.3);
    mView->centerOn(card);
    inside = QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    QVERIFY2(fill().lightness() < 100, qPrintable(fill().name()));
    Preferences::applyTheme(Preferences::Theme::Light);
    QCoreApplication::processEvents();
    QVERIFY2(fill().lightness() > 200, qPrintable(fill().name()));
}

QTEST_MAIN(tst_CanvasLod)
#include "tst_canvaslod.moc"
