#include "chart.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Nimbus {

double Chart::niceStep(double range, int count)
{
    if (!(range > 0) || count < 1)
        return 1;
    const double raw = range / count;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * magnitude;
}

Chart::Axis Chart::niceAxis(double top, const QString &title)
{
    Axis axis;
    axis.title = title;
    if (!(top > 0) || !std::isfinite(top))
        return axis;
    axis.step = niceStep(top);
    axis.max = std::ceil(top / axis.step - 1e-9) * axis.step;
    return axis;
}

std::vector<double> Chart::Axis::ticks() const
{
    std::vector<double> ticks;
    if (!categories.isEmpty() || !(max > min))
        return ticks;
    if (logarithmic) {
        if (!(min > 0))
            return ticks;
        const int first = int(std::ceil(std::log10(min) - 1e-9));
        const int last = int(std::floor(std::log10(max) + 1e-9));
        // Every decade while they fit; every second one on a wide axis.
        const int every = last - first > 8 ? 2 : 1;
        for (int e = first; e <= last; e += every)
            ticks.push_back(std::pow(10, e));
        return ticks;
    }
    const double s = step > 0 ? step : niceStep(max - min);
    const double start = std::ceil(min / s - 1e-9) * s;
    for (int i = 0; i <= 1000; ++i) {
        const double v = start + i * s;
        if (v > max + s * 1e-9)
            break;
        ticks.push_back(std::abs(v) < s * 1e-9 ? 0.0 : v);
    }
    return ticks;
}

QString Chart::Axis::label(double value) const
{
    // A logarithmic axis spans decades of requests or money: thousands and beyond read
    // as 1K, 10M, 1B, never as 1e+09.
    if (logarithmic && value >= 1000) {
        static const char *const suffixes[] = {
            QT_TRANSLATE_NOOP("Nimbus::Chart", "%1K"),
            QT_TRANSLATE_NOOP("Nimbus::Chart", "%1M"),
            QT_TRANSLATE_NOOP("Nimbus::Chart", "%1B"),
            QT_TRANSLATE_NOOP("Nimbus::Chart", "%1T"),
        };
        int power = 0;
        while (power < 3 && value >= 1000 * std::pow(1000, power + 1) - 1e-6)
            ++power;
        const double shown = value / std::pow(1000, power + 1);
        return QCoreApplication::translate("Nimbus::Chart", suffixes[power])
            .arg(QLocale().toString(shown, 'f', std::abs(shown - std::round(shown)) < 1e-9 ? 0 : 1));
    }
    // Decimals enough for the tick itself (log) or for the step between ticks (linear).
    const double unit = logarithmic ? value : (step > 0 ? step : niceStep(max - min));
    int decimals = 0;
    while (decimals < 6 && unit > 0
           && std::abs(unit * std::pow(10, decimals) - std::round(unit * std::pow(10, decimals)))
                  > 1e-6 * unit * std::pow(10, decimals))
        ++decimals;
    return QLocale().toString(value, 'f', decimals);
}

double Chart::Axis::fraction(double value) const
{
    if (logarithmic) {
        if (!(min > 0) || !(max > min) || !(value > 0))
            return 0;
        return (std::log10(value) - std::log10(min)) / (std::log10(max) - std::log10(min));
    }
    return max > min ? (value - min) / (max - min) : 0;
}

} // namespace Nimbus
