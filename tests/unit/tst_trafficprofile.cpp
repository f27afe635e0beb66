// Traffic shapes: hourly shares, minute peaks, CSV import with errors by line.

#include "cost/trafficprofile.h"

#include <QtTest>

#include <numeric>

using namespace Nimbus;

class TestTrafficProfile : public QObject
{
    Q_OBJECT

private slots:
    void sharesSumToOne_data();
    void sharesSumToOne();
    void restaurantPeaks();
    void minutePeaks();
    void csv_data();
    void csv();
    void json();
};

void TestTrafficProfile::sharesSumToOne_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<double>("hours");
    QTest::newRow("constant") << int(TrafficProfile::Shape::Constant) << 24.0;
    QTest::newRow("business hours") << int(TrafficProfile::Shape::BusinessHours) << 168.0;
    QTest::newRow("daily peaks") << int(TrafficProfile::Shape::DailyPeaks) << 24.0;
    QTest::newRow("spike day") << int(TrafficProfile::Shape::SpikeDay) << 720.0;
}

void TestTrafficProfile::sharesSumToOne()
{
    QFETCH(int, shape);
    QFETCH(double, hours);
    const TrafficProfile p = TrafficProfile::fromShape(TrafficProfile::Shape(shape));
    QCOMPARE(p.periodHours(), hours);
    const auto h = p.hourly();
    QCOMPARE(double(h.share.size()), hours);
    QVERIFY(std::abs(std::accumulate(h.share.begin(), h.share.end(), 0.0) - 1) < 1e-12);
    for (double f : h.peakFactor)
        QCOMPARE(f, 1.0); // hourly slots have no peaks within the hour
}

void TestTrafficProfile::restaurantPeaks()
{
    const auto h = TrafficProfile::dailyPeaks().hourly();
    const auto busiest = std::max_element(h.share.begin(), h.share.end()) - h.share.begin();
    QVERIFY(busiest >= 18 && busiest < 21); // the evening
    QVERIFY(h.share[12] > 5 * h.share[3]); // lunch against the night
    QVERIFY(h.share[15] < h.share[12]); // the calm afternoon
}

void TestTrafficProfile::minutePeaks()
{
    std::vector<double> minutes(120, 1.0);
    minutes[90] = 31; // hour 1: 90 requests, 31 of them in one minute
    const auto h = TrafficProfile::fromWeights(minutes, 1).hourly();
    QCOMPARE(h.share.size(), size_t(2));
    QCOMPARE(h.peakFactor[0], 1.0);
    QCOMPARE(h.peakFactor[1], 31.0 * 60 / 90);
}

void TestTrafficProfile::csv_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("slotCount");
    QTest::addColumn<int>("slotMinutes");
    QTest::addColumn<QString>("error");
    QTest::newRow("counts") << QByteArray("10\n20\n30\n") << 3 << 60 << "";
    QTest::newRow("header and hours") << QByteArray("time,requests\n2026-11-02T00:00:00,5\n2026-11-02T01:00:00,7\n")
                                      << 2 << 60 << "";
    QTest::newRow("minutes; semicolons") << QByteArray(
        "2026-11-02T00:00:00;5\n2026-11-02T00:01:00;7\n2026-11-02T00:02:00;1\n")
                                         << 3 << 1 << "";
    QTest::newRow("numbered hours") << QByteArray("hour,requests\n0,5\n1,7\n2,9\n") << 3 << 60 << "";
    QTest::newRow("bad count") << QByteArray("10\n20\nabc\n") << 0 << 0 << "line 3";
    QTest::newRow("negative") << QByteArray("10\n-4\n") << 0 << 0 << "line 2";
    QTest::newRow("bad time") << QByteArray("t,n\n2026-11-02T00:00:00,1\nyesterday,2\n") << 0 << 0 << "line 3";
    QTest::newRow("odd step") << QByteArray("2026-11-02T00:00:00,1\n2026-11-02T00:30:00,2\n") << 0 << 0 << "1800 s";
    QTest::newRow("empty") << QByteArray("\n\n") << 0 << 0 << "no request counts";
    QTest::newRow("zeros") << QByteArray("0\n0\n") << 0 << 0 << "zero";
}

void TestTrafficProfile::csv()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, slotCount);
    QFETCH(int, slotMinutes);
    QFETCH(QString, error);
    const Result<TrafficProfile> read = TrafficProfile::fromCsv(csv);
    QCOMPARE(read.hasValue(), error.isEmpty());
    if (!read) {
        QVERIFY2(read.errorMessage().contains(error), qPrintable(read.errorMessage()));
        return;
    }
    const TrafficProfile &p = *read;
    QCOMPARE(int(p.weights().size()), slotCount);
    QCOMPARE(p.slotMinutes(), slotMinutes);
    QCOMPARE(p.shape(), TrafficProfile::Shape::Imported);
}

void TestTrafficProfile::json()
{
    const Result<TrafficProfile> imported = TrafficProfile::fromCsv("1\n2\n3\n");
    QVERIFY(imported);
    const Result<TrafficProfile> back = TrafficProfile::fromJson(imported->toJson());
    QVERIFY(back);
    QCOMPARE(back->weights(), imported->weights());
    const Result<TrafficProfile> peaks = TrafficProfile::fromJson(TrafficProfile::dailyPeaks().toJson());
    QVERIFY(peaks);
    QCOMPARE(peaks->shape(), TrafficProfile::Shape::DailyPeaks);
    const Result<TrafficProfile> unknown = TrafficProfile::fromJson(QJsonObject{{"shape", "weekly-moon"}});
    QVERIFY(!unknown);
    QVERIFY(unknown.errorMessage().contains("weekly-moon"));
}

QTEST_GUILESS_MAIN(TestTrafficProfile)
#include "tst_trafficprofile.moc"
