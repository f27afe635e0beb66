// The design as a picture without widgets (DiagramPainter), as the command-line tool and
// the MCP server return it: refused for an empty design, as large as the nodes' spread,
// cards in their category's colour where the nodes are and background elsewhere, PNG
// bytes that read back, and a huge design scaled down under the cap.
// NIMBUS_DIAGRAM_PNG=/tmp/diagram.png keeps the shop example's picture to look at.

#include "document/project.h"
#include "model/diagrampainter.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QtTest>

using namespace Nimbus;

class tst_DiagramPainter : public QObject
{
    Q_OBJECT

private slots:
    void refusals_data();
    void refusals();
    void sizeFollowsSpread_data();
    void sizeFollowsSpread();
    void cardsWhereNodesAre_data();
    void cardsWhereNodesAre();
    void pngReadsBack();
    void hugeDesignStaysUnderTheCap();
    void drawsTheShopExample();
    void destinationsDashedInTheirColour_data();
    void destinationsDashedInTheirColour();
};

namespace {
// http-route -> function -> table, a step of `step` between cards.
std::unique_ptr<Project> chain(QPointF step)
{
    auto project = std::make_unique<Project>(Catalog::builtin());
    const bool filled = NimbusTest::fillProject(
        *project,
        NimbusTest::parseArray(
            R"([["getOrder", "http-route", {}], ["orders", "function", {}], ["store", "table", {}]])"),
        NimbusTest::parseArray(R"([["getOrder", "orders", "invokes"], ["orders", "store", "writes"]])"));
    if (!filled)
        return nullptr;
    Architecture &a = project->architecture();
    const QStringList names{"getOrder", "orders", "store"};
    for (int i = 0; i < names.size(); ++i)
        a.setNodePosition(a.nodeByName(names.at(i))->id, step * i);
    return project;
}

// The pixel drawn for a point of the design.
QColor pixelAt(const DiagramPainter &painter, const QImage &image, QPointF point, qreal scale)
{
    const QPointF p = (point - painter.bounds().topLeft()) * scale;
    return image.pixelColor(p.toPoint());
}
} // namespace

void tst_DiagramPainter::refusals_data()
{
    QTest::addColumn<bool>("empty");
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<QString>("error");
    QTest::newRow("no nodes") << true << 2.0 << "the design has no nodes";
    QTest::newRow("zero scale") << false << 0.0 << "the scale must be more than 0, not 0";
    QTest::newRow("negative scale") << false << -1.0 << "the scale must be more than 0, not -1";
}

void tst_DiagramPainter::refusals()
{
    QFETCH(bool, empty);
    QFETCH(qreal, scale);
    QFETCH(QString, error);
    std::unique_ptr<Project> project = empty ? std::make_unique<Project>(Catalog::builtin()) : chain({250, 0});
    QVERIFY(project);
    const DiagramPainter painter(project->catalog(), project->architecture());
    const Result<QByteArray> png = painter.png(scale);
    QVERIFY(!png);
    QCOMPARE(png.errorMessage(), error);
    QVERIFY(painter.render(scale).isNull());
}

void tst_DiagramPainter::sizeFollowsSpread_data()
{
    QTest::addColumn<QPointF>("step");
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<QSize>("size");
    // Cards are 196 x 60 with a margin of 40 round them all.
    QTest::newRow("row, 1x") << QPointF(250, 0) << 1.0 << QSize(2 * 250 + 196 + 80, 60 + 80);
    QTest::newRow("row, 2x") << QPointF(250, 0) << 2.0 << QSize(2 * (2 * 250 + 196 + 80), 2 * (60 + 80));
    QTest::newRow("wider row") << QPointF(600, 0) << 2.0 << QSize(2 * (2 * 600 + 196 + 80), 2 * (60 + 80));
    QTest::newRow("diagonal") << QPointF(300, 200) << 1.0 << QSize(2 * 300 + 196 + 80, 2 * 200 + 60 + 80);
    // Cards from x = -600 to 196: 796 wide, 1.5 times (796 + 80) by 1.5 times (200 + 60 + 80).
    QTest::newRow("going back") << QPointF(-300, 100) << 1.5 << QSize(1314, 510);
}

void tst_DiagramPainter::sizeFollowsSpread()
{
    QFETCH(QPointF, step);
    QFETCH(qreal, scale);
    QFETCH(QSize, size);
    const std::unique_ptr<Project> project = chain(step);
    QVERIFY(project);
    const QImage image = DiagramPainter(project->catalog(), project->architecture()).render(scale);
    QCOMPARE(image.size(), size);
}

void tst_DiagramPainter::cardsWhereNodesAre_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QColor>("background");
    QTest::newRow("light") << false << QColor(Qt::white);
    QTest::newRow("dark") << true << QColor(0x1e, 0x1f, 0x22);
}

void tst_DiagramPainter::cardsWhereNodesAre()
{
    QFETCH(bool, dark);
    QFETCH(QColor, background);
    const std::unique_ptr<Project> project = chain({300, 200});
    QVERIFY(project);
    DiagramPainter painter(project->catalog(), project->architecture());
    painter.setDark(dark);
    const qreal scale = 2;
    const QImage image = painter.render(scale);
    const Architecture &a = project->architecture();
    const std::map<QString, QString> categories{{"getOrder", "Triggers"}, {"orders", "Compute"}, {"store", "Services"}};
    for (const auto &[name, category] : categories) {
        const QPointF topLeft = a.nodeByName(name)->position;
        // The strip on the card's left side and the badge are in the category's colour.
        QCOMPARE(pixelAt(painter, image, topLeft + QPointF(3, 30), scale), DiagramPainter::accent(category));
        QCOMPARE(pixelAt(painter, image, topLeft + QPointF(19, 30), scale), DiagramPainter::accent(category));
    }
    // Nothing but background in the corners and above the last card.
    QCOMPARE(image.pixelColor(1, 1), background);
    QCOMPARE(image.pixelColor(image.width() - 2, image.height() - 2), background);
    QCOMPARE(pixelAt(painter, image, QPointF(700, 100), scale), background);
    // Text: the name's line holds more than the card's one colour.
    QSet<QRgb> inks;
    const QPointF name = a.nodeByName("orders")->position + QPointF(58, 20);
    for (int x = 0; x < 60; ++x)
        inks.insert(pixelAt(painter, image, name + QPointF(x, 0), scale).rgb());
    QVERIFY2(inks.size() > 3, qPrintable(QString::number(inks.size())));
}

void tst_DiagramPainter::pngReadsBack()
{
    const std::unique_ptr<Project> project = chain({250, 0});
    QVERIFY(project);
    const DiagramPainter painter(project->catalog(), project->architecture());
    const Result<QByteArray> png = painter.png(2);
    QVERIFY2(png, qPrintable(png.errorMessage()));
    QVERIFY(png->startsWith("\x89PNG"));
    const QImage read = QImage::fromData(*png, "PNG");
    QCOMPARE(read.size(), QSize(2 * 776, 2 * 140));
    QCOMPARE(read.convertToFormat(QImage::Format_ARGB32_Premultiplied), painter.render(2));
}

void tst_DiagramPainter::hugeDesignStaysUnderTheCap()
{
    const std::unique_ptr<Project> project = chain({40000, 5000});
    QVERIFY(project);
    const DiagramPainter painter(project->catalog(), project->architecture());
    QVERIFY(painter.fittedScale(2) < 0.1);
    const Result<QByteArray> png = painter.png(2);
    QVERIFY2(png, qPrintable(png.errorMessage()));
    const QImage read = QImage::fromData(*png);
    QCOMPARE(read.width(), DiagramPainter::kMaxSide);
    QVERIFY(read.height() <= DiagramPainter::kMaxSide);
    // The same shape, smaller.
    const QRectF area = painter.bounds();
    QVERIFY(qAbs(read.height() - area.height() * read.width() / area.width()) <= 1);
}

void tst_DiagramPainter::drawsTheShopExample()
{
    Project project(Catalog::builtin());
    const Result<void> loaded = ProjectFile().load(
        QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json"), project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QVERIFY(project.architecture().nodeCount() > 10);
    const DiagramPainter painter(project.catalog(), project.architecture());
    const Result<QByteArray> png = painter.png();
    QVERIFY2(png, qPrintable(png.errorMessage()));
    const QImage image = QImage::fromData(*png);
    for (const auto &[id, node] : project.architecture().nodes()) {
        const QString category = project.catalog().kind(node.kind)->category;
        QCOMPARE(pixelAt(painter, image, node.position + QPointF(3, 30), 2), DiagramPainter::accent(category));
    }
    if (const QString keep = qEnvironmentVariable("NIMBUS_DIAGRAM_PNG"); !keep.isEmpty())
        QVERIFY(NimbusTest::writeAll(keep, *png));
}

void tst_DiagramPainter::destinationsDashedInTheirColour_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("dashed");
    QTest::newRow("invokes") << "invokes" << false;
    QTest::newRow("on-success") << "on-success" << true;
    QTest::newRow("on-failure") << "on-failure" << true;
}

void tst_DiagramPainter::destinationsDashedInTheirColour()
{
    // A function and a queue side by side: the line between the cards, at their middle
    // height, is drawn in the connection's colour, with gaps when it is a destination.
    QFETCH(QString, type);
    QFETCH(bool, dashed);
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::fillProject(
        project, NimbusTest::parseArray(R"([["work", "function", {}], ["out", "queue", {}]])"),
        NimbusTest::parseArray(qPrintable(QStringLiteral(R"([["work", "out", "%1"]])").arg(type)))));
    Architecture &a = project.architecture();
    a.setNodePosition(a.nodeByName(QStringLiteral("out"))->id, QPointF(600, 0));
    const DiagramPainter painter(project.catalog(), a);
    const QImage image = painter.render(1);
    const QColor colour = DiagramPainter::connectionColour(type);
    const QColor background = pixelAt(painter, image, QPointF(-20, -20), 1);
    int inked = 0, gaps = 0;
    // From the first card to well before the label in the middle.
    for (int x = DiagramPainter::kCardWidth + 20; x < DiagramPainter::kCardWidth + 110; ++x) {
        // The line is 1.3 pixels wide: the darkest pixel of a few rows round the middle.
        QColor darkest = background;
        for (qreal dy = -2; dy <= 2; ++dy) {
            const QColor c = pixelAt(painter, image, QPointF(x, DiagramPainter::kCardHeight / 2 + dy), 1);
            if (c.lightness() < darkest.lightness())
                darkest = c;
        }
        if (darkest == background) {
            ++gaps;
            continue;
        }
        ++inked;
        // Antialiased, and blended with white at a dash's end: of the colour's hue, or grey.
        if (dashed)
            QVERIFY2(qAbs(darkest.hslHue() - colour.hslHue()) < 15,
                     qPrintable(darkest.name() + " for " + colour.name()));
        else
            QVERIFY2(darkest.hslSaturation() < 30, qPrintable(darkest.name()));
    }
    QVERIFY(inked > 40);
    QCOMPARE(gaps > 0, dashed);
}

QTEST_MAIN(tst_DiagramPainter)
#include "tst_diagrampainter.moc"
