#pragma once

#include "cloudclock.h"
#include "result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QObject>

namespace Nimbus {

// The clock the local cloud runs on, which the user can move: running (real time from
// an offset) or paused (standing still), advanced or set at will. Reads are
// thread-safe: the AWS endpoint may ask the time from a thread of its own. changed
// is emitted whenever the time jumps or the clock pauses or runs, not as it ticks.
class VirtualClock : public QObject, public CloudClock
{
    Q_OBJECT

public:
    // Running, equal to realTime (the system's clock when null; not owned).
    explicit VirtualClock(const CloudClock *realTime = nullptr, QObject *parent = nullptr);

    QDateTime now() const override;
    bool isRunning() const;
    void advance(qint64 milliseconds);
    void pause();
    void run();
    void set(const QDateTime &now);

    // "90s", "15m", "6h", "2d" (or several, "1h30m") in milliseconds, or why text is none.
    static Result<qint64> parseDuration(const QString &text);

signals:
    void changed();

private:
    qint64 realMs() const;

    SystemClock mSystemClock;
    const CloudClock *mRealTime;
    mutable QMutex mMutex;
    bool mRunning = true;
    qint64 mOffsetMs = 0; // running: real time plus this
    qint64 mPausedMs = 0; // paused: this time
};

} // namespace Nimbus
