#include "model/scheduleexpression.h"

#include <QTest>

using namespace Nimbus;

class tst_ScheduleExpression : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void cronFields();
    void nextAfter_data();
    void nextAfter();
};

void tst_ScheduleExpression::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("rateSeconds");

    const int rate = int(ScheduleExpression::Kind::Rate);
    const int cron = int(ScheduleExpression::Kind::Cron);
    QTest::newRow("1 minute") << "rate(1 minute)" << rate << qint64(60);
    QTest::newRow("5 minutes") << "rate(5 minutes)" << rate << qint64(300);
    QTest::newRow("2 hours") << "rate(2 hours)" << rate << qint64(7200);
    QTest::newRow("1 day, spaces") << "  rate(1 day) " << rate << qint64(86400);
    QTest::newRow("nightly") << "cron(0 2 * * ? *)" << cron << qint64(0);
    QTest::newRow("weekdays") << "cron(0/15 8-17 ? * MON-FRI *)" << cron << qint64(0);
    QTest::newRow("month names") << "cron(30 6 1 JAN,JUL ? 2027)" << cron << qint64(0);
    QTest::newRow("last day") << "cron(0 23 L * ? *)" << cron << qint64(0);
    QTest::newRow("list of days") << "cron(0 12 1,15 * ? *)" << cron << qint64(0);
}

void tst_ScheduleExpression::valid()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(qint64, rateSeconds);
    const Result<ScheduleExpression> parsed = ScheduleExpression::parse(text);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    const ScheduleExpression &e = *parsed;
    QVERIFY(e.isValid());
    QCOMPARE(int(e.kind()), kind);
    QCOMPARE(e.rateSeconds(), rateSeconds);
}

void tst_ScheduleExpression::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << ""
                           << "neither cron(...) nor rate(...)";
    QTest::newRow("unix cron") << "0 2 * * *"
                               << "neither cron(...) nor rate(...)";
    QTest::newRow("five fields") << "cron(0 2 * * ?)"
                                 << "needs 6 fields";
    QTest::newRow("minute 60") << "cron(60 2 * * ? *)"
                               << "minutes: '60'";
    QTest::newRow("hour 24") << "cron(0 24 * * ? *)"
                             << "hours: '24'";
    QTest::newRow("day 32") << "cron(0 2 32 * ? *)"
                            << "day-of-month: '32'";
    QTest::newRow("month 13") << "cron(0 2 ? 13 MON *)"
                              << "month: '13'";
    QTest::newRow("bad weekday") << "cron(0 2 ? * FUN *)"
                                 << "day-of-week: 'FUN'";
    QTest::newRow("both days") << "cron(0 2 * * MON *)"
                               << "exactly one of day-of-month and day-of-week";
    QTest::newRow("neither day") << "cron(0 2 ? * ? *)"
                                 << "exactly one of day-of-month and day-of-week";
    QTest::newRow("backwards range") << "cron(0 17-8 * * ? *)"
                                     << "runs backwards";
    QTest::newRow("zero step") << "cron(0/0 2 * * ? *)"
                               << "invalid step";
    QTest::newRow("year 1900") << "cron(0 2 * * ? 1900)"
                               << "year: '1900'";
    QTest::newRow("rate zero") << "rate(0 minutes)"
                               << "positive whole number";
    QTest::newRow("rate no unit") << "rate(5)"
                                  << "positive whole number";
    QTest::newRow("rate plural") << "rate(1 minutes)"
                                 << "use 'minute' with 1";
    QTest::newRow("rate singular") << "rate(5 minute)"
                                   << "use 'minutes' with 5";
    QTest::newRow("rate seconds") << "rate(30 seconds)"
                                  << "unknown unit 'seconds'";
}

void tst_ScheduleExpression::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Result<ScheduleExpression> e = ScheduleExpression::parse(text);
    QVERIFY(!e);
    QVERIFY2(e.errorMessage().contains(error), qPrintable(e.errorMessage()));
}

void tst_ScheduleExpression::cronFields()
{
    const Result<ScheduleExpression> parsed = ScheduleExpression::parse("cron(0/20 8-10 ? * MON,FRI 2027)");
    QVERIFY(parsed);
    const ScheduleExpression &e = *parsed;
    QVERIFY(e.isValid());
    QCOMPARE(e.minutes.count(), size_t(3));
    QVERIFY(e.minutes.test(0) && e.minutes.test(20) && e.minutes.test(40));
    QCOMPARE(e.hours.count(), size_t(3));
    QVERIFY(e.anyDayOfMonth);
    QCOMPARE(e.months.count(), size_t(12));
    QVERIFY(e.daysOfWeek.test(2) && e.daysOfWeek.test(6));
    QCOMPARE(e.daysOfWeek.count(), size_t(2));
    QVERIFY(e.years.test(2027 - 1970));
    QCOMPARE(e.years.count(), size_t(1));
}

void tst_ScheduleExpression::nextAfter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("next");
    QTest::newRow("nightly, before") << "cron(0 2 * * ? *)"
                                     << "2027-03-10T01:59:30Z"
                                     << ""
                                     << "2027-03-10T02:00:00Z";
    QTest::newRow("nightly, at") << "cron(0 2 * * ? *)"
                                 << "2027-03-10T02:00:00Z"
                                 << ""
                                 << "2027-03-11T02:00:00Z";
    QTest::newRow("weekdays from Friday") << "cron(30 9 ? * MON-FRI *)"
                                          << "2027-03-12T10:00:00Z"
                                          << ""
                                          << "2027-03-15T09:30:00Z";
    QTest::newRow("every 15 minutes") << "cron(0/15 * * * ? *)"
                                      << "2027-03-10T10:16:00Z"
                                      << ""
                                      << "2027-03-10T10:30:00Z";
    QTest::newRow("last day of month") << "cron(0 0 L * ? *)"
                                       << "2027-02-01T00:00:00Z"
                                       << ""
                                       << "2027-02-28T00:00:00Z";
    QTest::newRow("one year only") << "cron(0 0 1 1 ? 2028)"
                                   << "2027-06-01T00:00:00Z"
                                   << ""
                                   << "2028-01-01T00:00:00Z";
    QTest::newRow("past its year") << "cron(0 0 1 1 ? 2026)"
                                   << "2027-06-01T00:00:00Z"
                                   << ""
                                   << "";
    QTest::newRow("rate from start") << "rate(5 minutes)"
                                     << "2027-03-10T10:07:00Z"
                                     << "2027-03-10T10:00:00Z"
                                     << "2027-03-10T10:10:00Z";
    QTest::newRow("rate before start") << "rate(1 hour)"
                                       << "2027-03-10T09:00:00Z"
                                       << "2027-03-10T10:00:00Z"
                                       << "2027-03-10T10:00:00Z";
}

void tst_ScheduleExpression::nextAfter()
{
    QFETCH(QString, text);
    QFETCH(QString, after);
    QFETCH(QString, start);
    QFETCH(QString, next);
    const Result<ScheduleExpression> parsed = ScheduleExpression::parse(text);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    const ScheduleExpression &e = *parsed;
    const QDateTime result = e.nextAfter(QDateTime::fromString(after, Qt::ISODate),
                                         start.isEmpty() ? QDateTime() : QDateTime::fromString(start, Qt::ISODate));
    if (next.isEmpty())
        QVERIFY(!result.isValid());
    else
        QCOMPARE(result, QDateTime::fromString(next, Qt::ISODate));
}

QTEST_GUILESS_MAIN(tst_ScheduleExpression)
#include "tst_scheduleexpression.moc"
