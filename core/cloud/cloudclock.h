#pragma once

#include <QDateTime>

namespace Nimbus {

// The time the local cloud runs on: the system's, or one tests move by hand.
class CloudClock
{
public:
    virtual ~CloudClock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock : public CloudClock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class ManualClock : public CloudClock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC)) : mNow(start) { }
    QDateTime now() const override { return mNow; }
    void advance(qint64 milliseconds) { mNow = mNow.addMSecs(milliseconds); }
    void set(const QDateTime &now) { mNow = now.toUTC(); }

private:
    QDateTime mNow;
};

} // namespace Nimbus
