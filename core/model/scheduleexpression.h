#pragma once

#include "result.h"

#include <QDateTime>
#include <QString>

#include <bitset>

namespace Nimbus {

// An EventBridge schedule expression: rate(value unit) or
// cron(minutes hours day-of-month month day-of-week year), evaluated in UTC.
class ScheduleExpression
{
public:
    enum class Kind { Invalid, Rate, Cron };

    // The expression, or what is wrong with it, naming the field.
    static Result<ScheduleExpression> parse(const QString &text);

    bool isValid() const { return mKind != Kind::Invalid; }
    Kind kind() const { return mKind; }

    // Rate: the interval in seconds.
    qint64 rateSeconds() const { return mRateSeconds; }

    // Cron: whether the expression fires on this day (UTC), at some hour and minute.
    bool matchesDay(const QDate &day) const;
    // The first firing strictly after `after` (UTC). A rate counts from `start`; a cron
    // fires on whole minutes. Invalid when there is none within the years allowed.
    QDateTime nextAfter(const QDateTime &after, const QDateTime &start = {}) const;

    // Cron: the values each field allows (bit n set = value n allowed).
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> daysOfMonth; // 1..31
    std::bitset<13> months; // 1..12
    std::bitset<8> daysOfWeek; // 1..7, 1 = Sunday
    std::bitset<230> years; // offset from 1970
    bool anyDayOfMonth = false; // '?' in day-of-month
    bool anyDayOfWeek = false; // '?' in day-of-week
    bool lastDayOfMonth = false; // 'L' in day-of-month

private:
    Kind mKind = Kind::Invalid;
    qint64 mRateSeconds = 0;
};

} // namespace Nimbus
