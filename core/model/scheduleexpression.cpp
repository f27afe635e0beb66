#include "scheduleexpression.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

struct FieldSpec
{
    const char *name;
    int minimum;
    int maximum;
    QStringList names; // symbolic values, the first one standing for minimum
};

const QStringList kMonthNames = {u"JAN"_s, u"FEB"_s, u"MAR"_s, u"APR"_s, u"MAY"_s, u"JUN"_s,
                                 u"JUL"_s, u"AUG"_s, u"SEP"_s, u"OCT"_s, u"NOV"_s, u"DEC"_s};
const QStringList kDayNames = {u"SUN"_s, u"MON"_s, u"TUE"_s, u"WED"_s, u"THU"_s, u"FRI"_s, u"SAT"_s};

bool parseValue(const QString &text, const FieldSpec &spec, int *value)
{
    bool ok = false;
    int v = text.toInt(&ok);
    if (!ok) {
        const int index = spec.names.indexOf(text.toUpper());
        if (index < 0)
            return false;
        v = spec.minimum + index;
    }
    if (v < spec.minimum || v > spec.maximum)
        return false;
    *value = v;
    return true;
}

// Parses one comma-separated cron field ("*", "5", "1-5", "0/15", "MON-FRI", "1,15").
// Returns an empty string on success, else what is wrong.
template<size_t N>
QString parseField(const QString &text, const FieldSpec &spec, int offset, std::bitset<N> *bits)
{
    const QString fieldName = QCoreApplication::translate("Nimbus::ScheduleExpression", spec.name);
    for (const QString &part : text.split(','_L1)) {
        QString range = part;
        int step = 1;
        const int slash = part.indexOf('/'_L1);
        if (slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return QCoreApplication::translate("Nimbus::ScheduleExpression", "%1: '%2' has an invalid step")
                    .arg(fieldName, part);
            range = part.left(slash);
        }
        int first = spec.minimum;
        int last = spec.maximum;
        if (range != "*"_L1) {
            const int dash = range.indexOf('-'_L1);
            if (dash > 0) {
                if (!parseValue(range.left(dash), spec, &first) || !parseValue(range.mid(dash + 1), spec, &last))
                    return QCoreApplication::translate("Nimbus::ScheduleExpression",
                                                       "%1: '%2' is not a range between %3 and %4")
                        .arg(fieldName, range)
                        .arg(spec.minimum)
                        .arg(spec.maximum);
                if (first > last)
                    return QCoreApplication::translate("Nimbus::ScheduleExpression", "%1: range '%2' runs backwards")
                        .arg(fieldName, range);
            } else {
                if (!parseValue(range, spec, &first))
                    return QCoreApplication::translate("Nimbus::ScheduleExpression",
                                                       "%1: '%2' is not a value between %3 and %4")
                        .arg(fieldName, range)
                        .arg(spec.minimum)
                        .arg(spec.maximum);
                if (slash < 0)
                    last = first;
            }
        }
        for (int v = first; v <= last; v += step)
            bits->set(size_t(v - offset));
    }
    return {};
}

} // namespace

Result<ScheduleExpression> ScheduleExpression::parse(const QString &input)
{
    ScheduleExpression e;
    const QString text = input.trimmed();
    static const QRegularExpression rateRe(u"^rate\\((.*)\\)$"_s);
    static const QRegularExpression cronRe(u"^cron\\((.*)\\)$"_s);

    if (const auto m = rateRe.match(text); m.hasMatch()) {
        const QStringList parts = m.captured(1).split(' '_L1, Qt::SkipEmptyParts);
        bool ok = false;
        const qint64 value = parts.value(0).toLongLong(&ok);
        if (parts.size() != 2 || !ok || value <= 0)
            return fail(QCoreApplication::translate(
                "Nimbus::ScheduleExpression",
                "rate() needs a positive whole number and a unit, for example rate(5 minutes)"));
        const QString unit = parts.at(1);
        struct Unit
        {
            const char *singular;
            const char *plural;
            qint64 seconds;
        };
        static constexpr Unit kUnits[] = {{"minute", "minutes", 60}, {"hour", "hours", 3600}, {"day", "days", 86400}};
        for (const Unit &u : kUnits) {
            if (unit == QLatin1String(u.singular) || unit == QLatin1String(u.plural)) {
                // EventBridge insists on "1 minute" but "5 minutes".
                if ((value == 1) != (unit == QLatin1String(u.singular)))
                    return fail(QCoreApplication::translate("Nimbus::ScheduleExpression", "rate(): use '%1' with %2")
                                    .arg(QLatin1String(value == 1 ? u.singular : u.plural))
                                    .arg(value));
                e.mKind = Kind::Rate;
                e.mRateSeconds = value * u.seconds;
                return e;
            }
        }
        return fail(QCoreApplication::translate("Nimbus::ScheduleExpression",
                                                "rate(): unknown unit '%1'; use minutes, hours or days")
                        .arg(unit));
    }

    const auto m = cronRe.match(text);
    if (!m.hasMatch())
        return fail(QCoreApplication::translate("Nimbus::ScheduleExpression", "'%1' is neither cron(...) nor rate(...)")
                        .arg(text));
    const QStringList fields = m.captured(1).split(' '_L1, Qt::SkipEmptyParts);
    if (fields.size() != 6)
        return fail(QCoreApplication::translate(
                        "Nimbus::ScheduleExpression",
                        "cron() needs 6 fields (minutes hours day-of-month month day-of-week year), found %1")
                        .arg(fields.size()));
    const FieldSpec minuteSpec{QT_TRANSLATE_NOOP("Nimbus::ScheduleExpression", "minutes"), 0, 59, {}};
    const FieldSpec hourSpec{QT_TRANSLATE_NOOP("Nimbus::ScheduleExpression", "hours"), 0, 23, {}};
    const FieldSpec domSpec{QT_TRANSLATE_NOOP("Nimbus::ScheduleExpression", "day-of-month"), 1, 31, {}};
    const FieldSpec monthSpec{QT_TRANSLATE_NOOP("Nimbus::ScheduleExpression", "month"), 1, 12, kMonthNames};
    const FieldSpec dowSpec{QT_TRANSLATE_NOOP("Nimbus::ScheduleExpression", "day-of-week"), 1, 7, kDayNames};
    const FieldSpec yearSpec{QT_TRANSLATE_NOOP("Nimbus::ScheduleExpression", "year"), 1970, 2199, {}};

    QString error = parseField(fields[0], minuteSpec, 0, &e.minutes);
    if (error.isEmpty())
        error = parseField(fields[1], hourSpec, 0, &e.hours);

    const QString dom = fields[2];
    const QString dow = fields[4];
    if (error.isEmpty()) {
        if (dom == "?"_L1)
            e.anyDayOfMonth = true;
        else if (dom == "L"_L1)
            e.lastDayOfMonth = true;
        else
            error = parseField(dom, domSpec, 0, &e.daysOfMonth);
    }
    if (error.isEmpty())
        error = parseField(fields[3], monthSpec, 0, &e.months);
    if (error.isEmpty()) {
        if (dow == "?"_L1)
            e.anyDayOfWeek = true;
        else
            error = parseField(dow, dowSpec, 0, &e.daysOfWeek);
    }
    if (error.isEmpty())
        error = parseField(fields[5], yearSpec, 1970, &e.years);
    // EventBridge: exactly one of day-of-month and day-of-week is '?'.
    if (error.isEmpty() && e.anyDayOfMonth == e.anyDayOfWeek)
        error = QCoreApplication::translate("Nimbus::ScheduleExpression",
                                            "cron(): exactly one of day-of-month and day-of-week must be '?'");
    if (!error.isEmpty())
        return fail(error);
    e.mKind = Kind::Cron;
    return e;
}

bool ScheduleExpression::matchesDay(const QDate &day) const
{
    if (mKind != Kind::Cron || !months.test(size_t(day.month())))
        return false;
    const int year = day.year() - 1970;
    if (year < 0 || year >= int(years.size()) || !years.test(size_t(year)))
        return false;
    // Qt numbers Monday 1 .. Sunday 7; EventBridge Sunday 1 .. Saturday 7.
    if (anyDayOfMonth)
        return daysOfWeek.test(size_t(day.dayOfWeek() % 7 + 1));
    if (lastDayOfMonth)
        return day.day() == day.daysInMonth();
    return daysOfMonth.test(size_t(day.day()));
}

QDateTime ScheduleExpression::nextAfter(const QDateTime &after, const QDateTime &start) const
{
    const QDateTime from = after.toUTC();
    if (mKind == Kind::Rate) {
        const QDateTime origin = start.isValid() ? start.toUTC() : from;
        if (from < origin)
            return origin;
        const qint64 elapsed = origin.secsTo(from);
        return origin.addSecs((elapsed / mRateSeconds + 1) * mRateSeconds);
    }
    if (mKind != Kind::Cron)
        return {};
    // The next whole minute, then day by day to a matching day, then its first
    // matching hour and minute.
    QDateTime t = QDateTime(from.date(), QTime(from.time().hour(), from.time().minute()), Qt::UTC).addSecs(60);
    for (int days = 0; days < 366 * 5; ++days) {
        const QDate day = t.date();
        if (matchesDay(day)) {
            const int startMinute = days == 0 ? t.time().hour() * 60 + t.time().minute() : 0;
            for (int m = startMinute; m < 24 * 60; ++m)
                if (hours.test(size_t(m / 60)) && minutes.test(size_t(m % 60)))
                    return QDateTime(day, QTime(m / 60, m % 60), Qt::UTC);
        }
        t = QDateTime(day.addDays(1), QTime(0, 0), Qt::UTC);
    }
    return {};
}

} // namespace Nimbus
