#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace Nimbus {

// The shape of traffic over a period (a day, a week, a month, a year): relative
// request counts per slot. It says when requests come, not how many; the workload's
// monthly volume scales it. Cost models read it hour by hour (hourly()).
class TrafficProfile
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::TrafficProfile)

public:
    enum class Shape { Constant, BusinessHours, DailyPeaks, SpikeDay, Imported };

    static TrafficProfile constant();
    // Weekdays 08-19 h busy, nights and weekends at a tenth of it.
    static TrafficProfile businessHours();
    // A restaurant's day: lunch 11-13 h and dinner 18-21 h, the evening the busier.
    static TrafficProfile dailyPeaks();
    // A 30-day month, flat but for one day at `factor` times the others.
    static TrafficProfile spikeDay(double factor = 10);
    static TrafficProfile fromShape(Shape shape);
    // Counts, one per line: "count", "index,count" or "timestamp,count" (a header line
    // is allowed).
    // Slots are hours unless the timestamps are a minute apart. Errors name the line.
    static Result<TrafficProfile> fromCsv(const QByteArray &csv);
    // Any slots; used by tests and benchmarks (a year of minutes is 525,600 slots).
    static TrafficProfile fromWeights(std::vector<double> weights, int slotMinutes, Shape shape = Shape::Imported);

    Shape shape() const { return mShape; }
    QString name() const;
    static QString shapeId(Shape shape);
    static bool shapeFromId(const QString &id, Shape *shape);

    int slotMinutes() const { return mSlotMinutes; }
    const std::vector<double> &weights() const { return mWeights; }
    double total() const { return mTotal; } // sum of the weights (requests, for an import)
    double periodHours() const { return double(mWeights.size()) * mSlotMinutes / 60.0; }

    // Per hour of the period: its share of all requests (the shares sum to 1) and how
    // much busier its busiest slot is than the hour's mean (1 for hourly slots).
    struct Hourly
    {
        std::vector<double> share;
        std::vector<double> peakFactor;
    };
    Hourly hourly() const;

    QJsonObject toJson() const;
    static Result<TrafficProfile> fromJson(const QJsonObject &object);

private:
    Shape mShape = Shape::Constant;
    int mSlotMinutes = 60;
    std::vector<double> mWeights;
    double mTotal = 0;
};

} // namespace Nimbus
