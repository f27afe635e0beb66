// The studio's colours stay readable on the canvas in the light and the dark theme, charts
// take the theme's background and text, icons follow a theme switch.

#include "notificationbar.h"
#include "preferences/preferences.h"
#include "theme.h"

#include <QApplication>
#include <QChart>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QValueAxis>
#include <QWidget>

using namespace Nimbus;

Q_DECLARE_METATYPE(Nimbus::Preferences::Theme)

namespace {

// The colour most of an icon's drawn pixels have (its strokes).
QColor inkOf(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(48, 48)).toImage();
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (const QColor c = image.pixelColor(x, y); c.alpha() == 255)
                ++counts[c.rgb()];
    QRgb best = 0;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most)
            best = it.key(), most = it.value();
    return QColor::fromRgb(best);
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void coloursReadOnTheCanvas_data();
    void coloursReadOnTheCanvas();
    void chartsTakeTheTheme_data();
    void chartsTakeTheTheme();
    void iconsFollowTheTheme();
    void paletteChangesAreReported();
    void contrastOfKnownColours();
    void badgeTextReads_data();
    void badgeTextReads();
    void notificationBarFollowsTheTheme();
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestTheme::cleanup()
{
    Preferences::applyTheme(Preferences::Theme::System);
}

void TestTheme::coloursReadOnTheCanvas_data()
{
    QTest::addColumn<Preferences::Theme>("theme");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << Preferences::Theme::Light << false;
    QTest::newRow("dark") << Preferences::Theme::Dark << true;
}

void TestTheme::coloursReadOnTheCanvas()
{
    QFETCH(Preferences::Theme, theme);
    QFETCH(bool, dark);
    Preferences::applyTheme(theme);
    QCOMPARE(Theme::isDark(), dark);
    const QColor base = QApplication::palette().color(QPalette::Base);
    QVERIFY2(Theme::contrast(Theme::edge(), base) >= 3, qPrintable(Theme::edge().name()));
    for (const QColor &c : {Theme::failure(), Theme::success(), Theme::warning(), Theme::muted(), Theme::chartText()})
        QVERIFY2(Theme::contrast(c, base) >= 4.5, qPrintable(c.name()));
    for (int i = 0; i < 12; ++i)
        QVERIFY2(Theme::contrast(Theme::chartSeries(i), Theme::chartBackground()) >= 3, qPrintable(QString::number(i)));
    // A failure is red and a success green, whatever the theme.
    QVERIFY(Theme::failure().hslHue() < 20 || Theme::failure().hslHue() > 340);
    QVERIFY(Theme::success().hslHue() > 90 && Theme::success().hslHue() < 150);
    // The grid is faint: nearer the background than the text.
    QVERIFY(Theme::contrast(Theme::chartGrid(), base) < Theme::contrast(Theme::chartText(), base) / 2);
}

void TestTheme::chartsTakeTheTheme_data()
{
    coloursReadOnTheCanvas_data();
}

void TestTheme::chartsTakeTheTheme()
{
    QFETCH(Preferences::Theme, theme);
    QFETCH(bool, dark);
    Preferences::applyTheme(theme);
    QChart chart;
    auto *series = new QLineSeries;
    series->append(0, 1);
    chart.addSeries(series);
    auto *x = new QValueAxis;
    chart.addAxis(x, Qt::AlignBottom);
    Theme::applyTo(&chart);
    const QPalette palette = QApplication::palette();
    QCOMPARE(chart.backgroundBrush().color(), palette.color(QPalette::Base));
    QCOMPARE(chart.backgroundBrush().color().lightness() < 128, dark);
    QCOMPARE(chart.titleBrush().color(), palette.color(QPalette::Text));
    QCOMPARE(chart.legend()->labelColor(), palette.color(QPalette::Text));
    QCOMPARE(x->labelsBrush().color(), palette.color(QPalette::Text));
    QCOMPARE(x->gridLineColor(), Theme::chartGrid());
}

void TestTheme::iconsFollowTheTheme()
{
    const QIcon run = Theme::icon(QStringLiteral("run"));
    QVERIFY(!run.isNull());
    Preferences::applyTheme(Preferences::Theme::Light);
    const QColor light = inkOf(run);
    QCOMPARE(light, QApplication::palette().color(QPalette::ButtonText));
    Preferences::applyTheme(Preferences::Theme::Dark);
    const QColor dark = inkOf(run);
    QCOMPARE(dark, QApplication::palette().color(QPalette::ButtonText));
    QVERIFY(dark.lightness() > light.lightness());
    QVERIFY(Theme::icon(QStringLiteral("no-such-icon")).isNull());
    // A checkable action's icon may change while it is on: the Local Cloud's shows "stop".
    const QIcon cloud = Theme::icon(QStringLiteral("cloud"), QStringLiteral("cloud-stop"));
    const QImage off = cloud.pixmap(QSize(24, 24), QIcon::Normal, QIcon::Off).toImage();
    const QImage on = cloud.pixmap(QSize(24, 24), QIcon::Normal, QIcon::On).toImage();
    QVERIFY(off != on);
    QCOMPARE(Theme::icon(QStringLiteral("run")).pixmap(QSize(24, 24), QIcon::Normal, QIcon::On).toImage(),
             run.pixmap(QSize(24, 24), QIcon::Normal, QIcon::Off).toImage());
}

void TestTheme::paletteChangesAreReported()
{
    Preferences::applyTheme(Preferences::Theme::Light);
    QWidget widget;
    int calls = 0;
    Theme::onPaletteChange(&widget, [&calls] { ++calls; });
    Preferences::applyTheme(Preferences::Theme::Dark);
    QCoreApplication::processEvents(); // Qt posts the change to each widget
    QVERIFY(calls > 0);
}

void TestTheme::contrastOfKnownColours()
{
    QCOMPARE(qRound(Theme::contrast(Qt::black, Qt::white)), 21);
    QCOMPARE(Theme::contrast(Qt::red, Qt::red), 1.0);
    QCOMPARE(Theme::mix(Qt::black, Qt::white, 0.5).red(), 128);
}

void TestTheme::badgeTextReads_data()
{
    coloursReadOnTheCanvas_data();
}

// A badge (the Run dock's Warm, Cold start, Running...) writes its text in black or white,
// whichever reads on its colour.
void TestTheme::badgeTextReads()
{
    QFETCH(Preferences::Theme, theme);
    Preferences::applyTheme(theme);
    for (const QColor &badge : {Theme::success(), Theme::warning(), Theme::failure(), Theme::muted()})
        QVERIFY2(Theme::contrast(Theme::textOn(badge), badge) >= 4.5, qPrintable(badge.name()));
}

// The error bar is a tint of red behind readable text, in the theme in use, switched live.
void TestTheme::notificationBarFollowsTheTheme()
{
    Preferences::applyTheme(Preferences::Theme::Light);
    NotificationBar bar;
    const auto check = [&bar](bool dark) {
        const QColor window = bar.palette().color(QPalette::Window);
        QCOMPARE(window.lightness() < 128, dark);
        QVERIFY(window.red() > window.blue()); // a red tint
        QVERIFY(Theme::contrast(bar.palette().color(QPalette::WindowText), window) >= 4.5);
    };
    check(false);
    Preferences::applyTheme(Preferences::Theme::Dark);
    QCoreApplication::processEvents(); // Qt posts the palette change to each widget
    check(true);
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
