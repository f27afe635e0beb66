#include "theme.h"

#include "cost/reportcharts.h"

#include <QAbstractAxis>
#include <QChart>
#include <QEvent>
#include <QFile>
#include <QIconEngine>
#include <QLegend>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>
#include <QWidget>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus::Theme {

namespace {

double luminance(const QColor &colour)
{
    const auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF());
}

QColor base(const QPalette &palette)
{
    return palette.color(QPalette::Base);
}

// One of two tones: the first for a light Base, the second for a dark one, then made readable.
QColor pick(const QPalette &palette, QRgb light, QRgb dark, double ratio = 4.5)
{
    return readable(QColor::fromRgb(isDark(palette) ? dark : light), palette, ratio);
}

// Draws an SVG whose strokes and fills say "currentColor" in the palette's button text,
// at paint time, so that the icon follows the theme.
class MonochromeIconEngine : public QIconEngine
{
public:
    MonochromeIconEngine(const QString &path, const QString &checkedPath)
        : mSvg(read(path)), mCheckedSvg(checkedPath.isEmpty() ? mSvg : read(checkedPath))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const QPalette palette = current();
        QColor colour = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                      mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::ButtonText);
        QByteArray svg = state == QIcon::On ? mCheckedSvg : mSvg;
        svg.replace("currentColor", colour.name().toLatin1());
        QSvgRenderer renderer(svg);
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new MonochromeIconEngine(*this); }
    QString key() const override { return u"NimbusMonochrome"_s; }
    bool isNull() override { return mSvg.isEmpty(); }

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QByteArray mSvg;
    QByteArray mCheckedSvg;
};

class PaletteWatcher : public QObject
{
public:
    PaletteWatcher(QWidget *widget, std::function<void()> restyle) : QObject(widget), mRestyle(std::move(restyle))
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
            mRestyle();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> mRestyle;
};

} // namespace

bool isDark(const QPalette &palette)
{
    return base(palette).lightness() < 128;
}

QColor edge(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), base(palette), 0.5);
}

QColor success(const QPalette &palette)
{
    return pick(palette, 0x2e7d32, 0x66bb6a);
}

QColor failure(const QPalette &palette)
{
    return pick(palette, 0xc62828, 0xff6b6b);
}

QColor warning(const QPalette &palette)
{
    return pick(palette, 0x9a5b00, 0xffb74d);
}

QColor muted(const QPalette &palette)
{
    return readable(mix(palette.color(QPalette::Text), base(palette), 0.4), palette, 4.5);
}

QColor chartSeries(int index, const QPalette &palette)
{
    return readable(ReportCharts::colour(index), palette, 3.0);
}

QColor chartBackground(const QPalette &palette)
{
    return base(palette);
}

QColor chartGrid(const QPalette &palette)
{
    return mix(base(palette), palette.color(QPalette::Text), 0.15);
}

QColor chartText(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

void applyTo(QChart *chart, const QPalette &palette)
{
    if (!chart)
        return;
    const QColor text = chartText(palette);
    chart->setBackgroundBrush(chartBackground(palette));
    chart->setBackgroundPen(QPen(chartGrid(palette)));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(QPen(Qt::NoPen));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(chartGrid(palette));
        axis->setMinorGridLineColor(mix(chartGrid(palette), chartBackground(palette), 0.5));
        axis->setLinePenColor(edge(palette));
        axis->setShadesVisible(false);
    }
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor textOn(const QColor &background)
{
    const QColor black(Qt::black), white(Qt::white);
    return contrast(black, background) > contrast(white, background) ? black : white;
}

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto at = [amount](double f, double t) { return f + (t - f) * std::clamp(amount, 0.0, 1.0); };
    return QColor::fromRgbF(float(at(from.redF(), to.redF())), float(at(from.greenF(), to.greenF())),
                            float(at(from.blueF(), to.blueF())), float(at(from.alphaF(), to.alphaF())));
}

QColor readable(const QColor &colour, const QPalette &palette, double ratio)
{
    const QColor target = isDark(palette) ? QColor(Qt::white) : QColor(Qt::black);
    QColor c = colour;
    // Ten steps towards white (or black) reach it: the most contrast Base allows.
    for (int step = 1; step <= 10 && contrast(c, base(palette)) < ratio; ++step)
        c = mix(colour, target, step / 10.0);
    return c;
}

QIcon icon(const QString &name, const QString &checkedName)
{
    const auto path = [](const QString &n) { return n.isEmpty() ? n : u":/nimbus/icons/actions/%1.svg"_s.arg(n); };
    return QIcon(new MonochromeIconEngine(path(name), path(checkedName)));
}

void onPaletteChange(QWidget *widget, std::function<void()> restyle)
{
    new PaletteWatcher(widget, std::move(restyle));
}

} // namespace Nimbus::Theme
