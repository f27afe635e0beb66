#include "virtualclock.h"

#include <QMutexLocker>
#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

namespace Nimbus {

VirtualClock::VirtualClock(const CloudClock *realTime, QObject *parent)
    : QObject(parent), mRealTime(realTime ? realTime : &mSystemClock)
{ }

qint64 VirtualClock::realMs() const
{
    return mRealTime->now().toMSecsSinceEpoch();
}

QDateTime VirtualClock::now() const
{
    QMutexLocker lock(&mMutex);
    return QDateTime::fromMSecsSinceEpoch(mRunning ? realMs() + mOffsetMs : mPausedMs, Qt::UTC);
}

bool VirtualClock::isRunning() const
{
    QMutexLocker lock(&mMutex);
    return mRunning;
}

void VirtualClock::advance(qint64 milliseconds)
{
    {
        QMutexLocker lock(&mMutex);
        (mRunning ? mOffsetMs : mPausedMs) += milliseconds;
    }
    emit changed();
}

void VirtualClock::pause()
{
    {
        QMutexLocker lock(&mMutex);
        if (!mRunning)
            return;
        mPausedMs = realMs() + mOffsetMs;
        mRunning = false;
    }
    emit changed();
}

void VirtualClock::run()
{
    {
        QMutexLocker lock(&mMutex);
        if (mRunning)
            return;
        mOffsetMs = mPausedMs - realMs();
        mRunning = true;
    }
    emit changed();
}

void VirtualClock::set(const QDateTime &now)
{
    {
        QMutexLocker lock(&mMutex);
        const qint64 target = now.toMSecsSinceEpoch();
        if (mRunning)
            mOffsetMs = target - realMs();
        else
            mPausedMs = target;
    }
    emit changed();
}

Result<qint64> VirtualClock::parseDuration(const QString &text)
{
    static const QRegularExpression part(u"(\\d{1,9})([smhd])"_s);
    static const QHash<QChar, qint64> unitMs = {
        {'s'_L1, 1000}, {'m'_L1, 60'000}, {'h'_L1, 3'600'000}, {'d'_L1, 86'400'000}};
    const QString trimmed = text.trimmed();
    qint64 total = 0;
    qsizetype at = 0;
    // A hundred years is more than any test needs and far from overflowing.
    constexpr qint64 kLimit = 36500LL * 86'400'000;
    while (at < trimmed.size()) {
        const QRegularExpressionMatch match = part.match(trimmed, at, QRegularExpression::NormalMatch,
                                                         QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch()) {
            total = -1;
            break;
        }
        total += match.captured(1).toLongLong() * unitMs.value(match.captured(2).at(0));
        at = match.capturedEnd();
        if (total > kLimit)
            return fail(tr("'%1' is longer than a hundred years").arg(text));
    }
    if (trimmed.isEmpty() || total < 0)
        return fail(tr("'%1' is not a duration: use 90s, 15m, 6h or 2d").arg(text));
    return total;
}

} // namespace Nimbus
