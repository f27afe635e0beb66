#include "trafficprofile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr int kHoursPerDay = 24;

struct ShapeName
{
    TrafficProfile::Shape shape;
    const char *id;
    const char *name;
};

constexpr ShapeName kShapes[] = {
    {TrafficProfile::Shape::Constant, "constant", QT_TRANSLATE_NOOP("Nimbus::TrafficProfile", "Constant")},
    {TrafficProfile::Shape::BusinessHours, "business-hours",
     QT_TRANSLATE_NOOP("Nimbus::TrafficProfile", "Business hours")},
    {TrafficProfile::Shape::DailyPeaks, "daily-peaks",
     QT_TRANSLATE_NOOP("Nimbus::TrafficProfile", "Daily peaks (11-13 h, 18-21 h)")},
    {TrafficProfile::Shape::SpikeDay, "spike-day", QT_TRANSLATE_NOOP("Nimbus::TrafficProfile", "Spike day")},
    {TrafficProfile::Shape::Imported, "imported", QT_TRANSLATE_NOOP("Nimbus::TrafficProfile", "Imported counts")},
};

} // namespace

TrafficProfile TrafficProfile::fromWeights(std::vector<double> weights, int slotMinutes, Shape shape)
{
    TrafficProfile p;
    p.mShape = shape;
    p.mSlotMinutes = slotMinutes;
    p.mWeights = std::move(weights);
    p.mTotal = std::accumulate(p.mWeights.begin(), p.mWeights.end(), 0.0);
    return p;
}

TrafficProfile TrafficProfile::constant()
{
    return fromWeights(std::vector<double>(kHoursPerDay, 1.0), 60, Shape::Constant);
}

TrafficProfile TrafficProfile::businessHours()
{
    std::vector<double> week(7 * kHoursPerDay, 0.1);
    for (int day = 0; day < 5; ++day)
        for (int hour = 8; hour < 19; ++hour)
            week[day * kHoursPerDay + hour] = 1.0;
    return fromWeights(std::move(week), 60, Shape::BusinessHours);
}

TrafficProfile TrafficProfile::dailyPeaks()
{
    // Requests per hour relative to the quietest: closed at night, a lunch rush,
    // a calm afternoon and a longer, busier dinner service.
    static constexpr double kDay[kHoursPerDay] = {0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8,  1.0, 1.2, 2.0, 6.0,
                                                  8.0, 5.0, 1.5, 1.0, 1.2, 2.5, 7.0, 10.0, 9.0, 4.0, 1.0, 0.5};
    return fromWeights(std::vector<double>(std::begin(kDay), std::end(kDay)), 60, Shape::DailyPeaks);
}

TrafficProfile TrafficProfile::spikeDay(double factor)
{
    std::vector<double> month(30 * kHoursPerDay, 1.0);
    for (int hour = 14 * kHoursPerDay; hour < 15 * kHoursPerDay; ++hour)
        month[hour] = factor;
    return fromWeights(std::move(month), 60, Shape::SpikeDay);
}

TrafficProfile TrafficProfile::fromShape(Shape shape)
{
    switch (shape) {
    case Shape::BusinessHours: return businessHours();
    case Shape::DailyPeaks: return dailyPeaks();
    case Shape::SpikeDay: return spikeDay();
    case Shape::Constant:
    case Shape::Imported: break;
    }
    return constant();
}

QString TrafficProfile::shapeId(Shape shape)
{
    for (const ShapeName &s : kShapes)
        if (s.shape == shape)
            return QString::fromLatin1(s.id);
    return {};
}

bool TrafficProfile::shapeFromId(const QString &id, Shape *shape)
{
    for (const ShapeName &s : kShapes)
        if (id == QLatin1String(s.id)) {
            *shape = s.shape;
            return true;
        }
    return false;
}

QString TrafficProfile::name() const
{
    for (const ShapeName &s : kShapes)
        if (s.shape == mShape)
            return tr(s.name);
    return {};
}

Result<TrafficProfile> TrafficProfile::fromCsv(const QByteArray &csv)
{
    std::vector<double> counts;
    QList<QDateTime> times;
    const QList<QByteArray> lines = csv.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split(line.contains(';') ? ';' : ',');
        bool ok = false;
        const double count = fields.last().trimmed().toDouble(&ok);
        if (!ok && counts.empty() && times.isEmpty()) // a header line
            continue;
        if (!ok || count < 0)
            return fail(
                tr("line %1: '%2' is not a request count").arg(i + 1).arg(QString::fromUtf8(fields.last().trimmed())));
        bool indexed = false; // "hour,count": the first field only numbers the rows
        fields.first().trimmed().toLongLong(&indexed);
        if (fields.size() > 1 && !indexed) {
            const QDateTime time = QDateTime::fromString(QString::fromUtf8(fields.first().trimmed()), Qt::ISODate);
            if (!time.isValid())
                return fail(tr("line %1: '%2' is not a date and time (ISO 8601)")
                                .arg(i + 1)
                                .arg(QString::fromUtf8(fields.first().trimmed())));
            times.append(time);
        }
        counts.push_back(count);
    }
    if (counts.empty())
        return fail(tr("no request counts found"));
    int slotMinutes = 60;
    if (times.size() >= 2) {
        const qint64 step = times.at(0).secsTo(times.at(1));
        if (step != 60 && step != 3600) {
            return fail(tr("the first two times are %1 s apart; counts must be per minute or per hour").arg(step));
        }
        slotMinutes = int(step / 60);
    }
    if (std::accumulate(counts.begin(), counts.end(), 0.0) <= 0)
        return fail(tr("every count is zero"));
    return fromWeights(std::move(counts), slotMinutes, Shape::Imported);
}

TrafficProfile::Hourly TrafficProfile::hourly() const
{
    Hourly h;
    const int perHour = std::max(1, 60 / std::max(1, mSlotMinutes));
    const size_t hours = (mWeights.size() + perHour - 1) / perHour;
    h.share.assign(hours, 0.0);
    h.peakFactor.assign(hours, 1.0);
    if (mTotal <= 0)
        return h;
    const double *w = mWeights.data();
    const size_t n = mWeights.size();
    for (size_t hour = 0; hour < hours; ++hour) {
        const size_t begin = hour * perHour;
        const size_t end = std::min(n, begin + perHour);
        double sum = 0;
        double busiest = 0;
        for (size_t i = begin; i < end; ++i) {
            sum += w[i];
            busiest = std::max(busiest, w[i]);
        }
        h.share[hour] = sum / mTotal;
        if (sum > 0)
            h.peakFactor[hour] = busiest * double(end - begin) / sum;
    }
    return h;
}

QJsonObject TrafficProfile::toJson() const
{
    QJsonObject o{{u"shape"_s, shapeId(mShape)}};
    if (mShape == Shape::Imported) {
        QJsonArray weights;
        for (double w : mWeights)
            weights.append(w);
        o.insert(u"slotMinutes"_s, mSlotMinutes);
        o.insert(u"counts"_s, weights);
    }
    return o;
}

Result<TrafficProfile> TrafficProfile::fromJson(const QJsonObject &object)
{
    Shape shape;
    const QString id = object.value("shape"_L1).toString();
    if (!shapeFromId(id, &shape))
        return fail(tr("profile.shape: unknown traffic shape '%1'").arg(id));
    if (shape != Shape::Imported)
        return fromShape(shape);
    const int slot = object.value("slotMinutes"_L1).toInt(60);
    if (slot != 1 && slot != 60)
        return fail(tr("profile.slotMinutes: %1 is neither 1 nor 60").arg(slot));
    std::vector<double> weights;
    for (const QJsonValue &v : object.value("counts"_L1).toArray()) {
        if (!v.isDouble() || v.toDouble() < 0)
            return fail(tr("profile.counts: expected counts of zero or more"));
        weights.push_back(v.toDouble());
    }
    if (std::accumulate(weights.begin(), weights.end(), 0.0) <= 0)
        return fail(tr("profile.counts: no requests"));
    return fromWeights(std::move(weights), slot, Shape::Imported);
}

} // namespace Nimbus
