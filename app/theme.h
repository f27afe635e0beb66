#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>

#include <functional>

QT_BEGIN_NAMESPACE
class QChart;
class QWidget;
QT_END_NAMESPACE

namespace Nimbus {

// The studio's colours, answered from a palette (by default the application's), so that
// whatever draws with them follows light, dark and the system theme alike. Nothing here
// assumes a light background: each colour is chosen for the palette's Base (the canvas,
// the charts, the lists).
namespace Theme {

// The application's palette now (what the default arguments below use).
inline QPalette current()
{
    return QGuiApplication::palette();
}

// True when the palette's Base (the canvas and the lists) is dark.
bool isDark(const QPalette &palette = current());
// A line drawn on the canvas: half way between the text and the Base colour.
QColor edge(const QPalette &palette = current());
// Text and marks that mean "it worked" (a green readable on Base).
QColor success(const QPalette &palette = current());
// Text and marks that mean "it failed" (a red readable on Base).
QColor failure(const QPalette &palette = current());
// Text and marks that mean "look at this" (an amber readable on Base).
QColor warning(const QPalette &palette = current());
// Secondary text (hints, units, timestamps): quieter than Text, still readable on Base.
QColor muted(const QPalette &palette = current());
// The colour of a chart's series `index`: the report's hues, lightened on a dark Base.
QColor chartSeries(int index, const QPalette &palette = current());
// Behind a chart and its plot area.
QColor chartBackground(const QPalette &palette = current());
// A chart's grid lines: faint against chartBackground().
QColor chartGrid(const QPalette &palette = current());
// A chart's title, axis labels and legend.
QColor chartText(const QPalette &palette = current());
// Styles a chart's frame for the palette: background, title, axes, grid and legend
// (series keep their colours). Call again when the palette changes.
void applyTo(QChart *chart, const QPalette &palette = current());

// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
double contrast(const QColor &a, const QColor &b);
// Black or white, whichever reads better on `background` (a badge's text).
QColor textOn(const QColor &background);
// `from` moved by `amount` (0..1) towards `to`.
QColor mix(const QColor &from, const QColor &to, double amount);
// `colour` made lighter (on a dark Base) or darker (on a light one) until it reaches a
// contrast of `ratio` with Base.
QColor readable(const QColor &colour, const QPalette &palette = current(), double ratio = 3.0);

// A monochrome icon of resources/icons/actions/<name>.svg drawn in the palette's
// ButtonText colour when painted, so it follows theme changes without being rebuilt;
// `checkedName`, if given, is drawn while a checkable action is on (Local Cloud: stop).
QIcon icon(const QString &name, const QString &checkedName = QString());

// Calls `restyle` whenever `widget`'s palette changes (a theme switch in Preferences
// included), for what a palette does not restyle by itself (charts, pictures).
void onPaletteChange(QWidget *widget, std::function<void()> restyle);

} // namespace Theme
} // namespace Nimbus
