// The local cloud's virtual clock on its own: running from an offset, paused, advanced
// and set, its changed signal, reads from another thread, and the durations the command
// line and the studio take.

#include "cloud/virtualclock.h"

#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

using namespace Nimbus;

class tst_VirtualClock : public QObject
{
    Q_OBJECT

private slots:
    void startsAtRealTimeAndFollowsIt();
    void advanceAndSetMoveFromTheOffset();
    void pausedStaysStillWhileRealTimePasses();
    void pausedStaysStillOnTheSystemClock();
    void runGoesOnFromWhereItPaused();
    void changedOncePerChange();
    void readsFromAnotherThread();
    void durations_data();
    void durations();
    void notDurations_data();
    void notDurations();

private:
    const QDateTime kStart = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
};

void tst_VirtualClock::startsAtRealTimeAndFollowsIt()
{
    ManualClock real(kStart);
    VirtualClock clock(&real);
    QVERIFY(clock.isRunning());
    QCOMPARE(clock.now(), kStart);
    real.advance(5000);
    QCOMPARE(clock.now(), kStart.addSecs(5));
}

void tst_VirtualClock::advanceAndSetMoveFromTheOffset()
{
    ManualClock real(kStart);
    VirtualClock clock(&real);
    clock.advance(3'600'000);
    QCOMPARE(clock.now(), kStart.addSecs(3600));
    real.advance(1000); // still running: an hour ahead of real time
    QCOMPARE(clock.now(), kStart.addSecs(3601));
    const QDateTime night(QDate(2027, 3, 1), QTime(2, 0), Qt::UTC);
    clock.set(night);
    QCOMPARE(clock.now(), night);
    real.advance(1000);
    QCOMPARE(clock.now(), night.addSecs(1));
}

void tst_VirtualClock::pausedStaysStillWhileRealTimePasses()
{
    ManualClock real(kStart);
    VirtualClock clock(&real);
    real.advance(10'000);
    clock.pause();
    QVERIFY(!clock.isRunning());
    real.advance(3'600'000);
    QCOMPARE(clock.now(), kStart.addSecs(10));
    // Moved by hand only.
    clock.advance(90'000);
    QCOMPARE(clock.now(), kStart.addSecs(100));
    clock.set(kStart);
    real.advance(60'000);
    QCOMPARE(clock.now(), kStart);
}

void tst_VirtualClock::pausedStaysStillOnTheSystemClock()
{
    VirtualClock clock;
    clock.pause();
    const QDateTime paused = clock.now();
    QTest::qWait(50);
    QCOMPARE(clock.now(), paused);
}

void tst_VirtualClock::runGoesOnFromWhereItPaused()
{
    ManualClock real(kStart);
    VirtualClock clock(&real);
    clock.pause();
    clock.advance(6 * 3'600'000);
    real.advance(60'000); // a minute of real time while paused is lost, not caught up
    clock.run();
    QVERIFY(clock.isRunning());
    QCOMPARE(clock.now(), kStart.addSecs(6 * 3600));
    real.advance(1000);
    QCOMPARE(clock.now(), kStart.addSecs(6 * 3600 + 1));
}

void tst_VirtualClock::changedOncePerChange()
{
    ManualClock real(kStart);
    VirtualClock clock(&real);
    QSignalSpy changed(&clock, &VirtualClock::changed);
    real.advance(1000); // ticking is not a change
    QCOMPARE(changed.size(), 0);
    clock.pause();
    clock.pause(); // already paused
    QCOMPARE(changed.size(), 1);
    clock.advance(1000);
    clock.set(kStart);
    clock.run();
    clock.run();
    QCOMPARE(changed.size(), 4);
}

void tst_VirtualClock::readsFromAnotherThread()
{
    // The AWS endpoint may read the time on a thread of its own while the cloud moves it:
    // each read is a time the clock showed, never going back.
    VirtualClock clock;
    clock.pause();
    clock.set(kStart);
    QFuture<bool> reader = QtConcurrent::run([&clock, this] {
        QDateTime last = kStart;
        for (int i = 0; i < 20000; ++i) {
            const QDateTime now = clock.now();
            if (now < last || now > kStart.addSecs(20000))
                return false;
            last = now;
        }
        return true;
    });
    for (int i = 0; i < 20000; ++i)
        clock.advance(1000);
    QVERIFY(reader.result());
    QCOMPARE(clock.now(), kStart.addSecs(20000));
}

void tst_VirtualClock::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds");
    QTest::newRow("seconds") << "90s" << qint64(90'000);
    QTest::newRow("minutes") << "15m" << qint64(15 * 60'000);
    QTest::newRow("hours") << "6h" << qint64(6 * 3'600'000);
    QTest::newRow("days") << "2d" << qint64(2 * 86'400'000);
    QTest::newRow("several") << "1h30m" << qint64(90 * 60'000);
    QTest::newRow("spaces around") << " 1d " << qint64(86'400'000);
    QTest::newRow("nothing at all") << "0s" << qint64(0);
}

void tst_VirtualClock::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);
    const Result<qint64> parsed = VirtualClock::parseDuration(text);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    QCOMPARE(*parsed, milliseconds);
}

void tst_VirtualClock::notDurations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    const QString use = QStringLiteral(" is not a duration: use 90s, 15m, 6h or 2d");
    QTest::newRow("unknown unit") << "6x"
                                  << "'6x'" + use;
    QTest::newRow("no unit") << "6"
                             << "'6'" + use;
    QTest::newRow("no number") << "h"
                               << "'h'" + use;
    QTest::newRow("negative") << "-1h"
                              << "'-1h'" + use;
    QTest::newRow("empty") << ""
                           << "''" + use;
    QTest::newRow("trailing text") << "6h later"
                                   << "'6h later'" + use;
    QTest::newRow("too long") << "99999999d"
                              << "'99999999d' is longer than a hundred years";
}

void tst_VirtualClock::notDurations()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Result<qint64> parsed = VirtualClock::parseDuration(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.errorMessage(), error);
}

QTEST_GUILESS_MAIN(tst_VirtualClock)
#include "tst_virtualclock.moc"
