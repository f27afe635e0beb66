#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Nimbus {

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// What each notifier type waits for, and the events that activate it (as Qt's
// dispatcher reads poll's: a hang-up or an error wakes every notifier of the descriptor).
constexpr uint32_t kWanted[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};
constexpr uint32_t kActivating[3] = {EPOLLIN | EPOLLHUP | EPOLLERR, EPOLLOUT | EPOLLHUP | EPOLLERR,
                                     EPOLLPRI | EPOLLHUP | EPOLLERR};

} // namespace

QAbstractEventDispatcher *EpollDispatcher::create()
{
    if (qgetenv("NIMBUS_EVENT_DISPATCHER") == "qt")
        return nullptr;
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0)
        return nullptr;
    const int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event event = {};
    event.events = EPOLLIN;
    event.data.fd = wake;
    if (wake < 0 || ::epoll_ctl(epoll, EPOLL_CTL_ADD, wake, &event) != 0) {
        if (wake >= 0)
            ::close(wake);
        ::close(epoll);
        return nullptr;
    }
    return new EpollDispatcher(epoll, wake);
}

EpollDispatcher::EpollDispatcher(int epoll, int wake) : mEpoll(epoll), mWake(wake) { }

EpollDispatcher::~EpollDispatcher()
{
    ::close(mWake);
    ::close(mEpoll);
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    const int type = int(notifier->type());
    if (descriptor < 0 || type < 0 || type > 2)
        return;
    Watch &watch = mWatches[descriptor];
    if (watch.notifiers[type] && watch.notifiers[type] != notifier)
        qWarning("EpollDispatcher: more than one notifier of one type for descriptor %d", descriptor);
    watch.notifiers[type] = notifier;
    noteChange(descriptor, watch);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    mPending.removeAll(notifier);
    const int descriptor = int(notifier->socket());
    const int type = int(notifier->type());
    const auto found = mWatches.find(descriptor);
    if (found == mWatches.end() || type < 0 || type > 2 || found->notifiers[type] != notifier)
        return;
    found->notifiers[type] = nullptr;
    if (found->notifiers[0] || found->notifiers[1] || found->notifiers[2]) {
        noteChange(descriptor, *found);
        return;
    }
    // The last one: out of the set at once, before its owner closes the descriptor (a
    // descriptor closed while a child process still holds it would stay in the set).
    if (found->watched)
        ::epoll_ctl(mEpoll, EPOLL_CTL_DEL, descriptor, nullptr);
    if (found->alwaysReady)
        --mAlwaysReady;
    mWatches.erase(found);
}

void EpollDispatcher::noteChange(int descriptor, Watch &watch)
{
    if (watch.alwaysReady || watch.changed)
        return;
    watch.changed = true;
    mChanged.push_back(descriptor);
}

void EpollDispatcher::applyChanges()
{
    for (const int descriptor : mChanged) {
        const auto found = mWatches.find(descriptor);
        if (found == mWatches.end() || !found->changed)
            continue; // unwatched since
        Watch &watch = *found;
        watch.changed = false;
        epoll_event event = {};
        for (int type = 0; type < 3; ++type) {
            if (watch.notifiers[type])
                event.events |= kWanted[type];
        }
        if (event.events == watch.watched)
            continue;
        event.data.fd = descriptor;
        int result = ::epoll_ctl(mEpoll, watch.watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, descriptor, &event);
        // A descriptor closed and opened again under the same number, which the kernel
        // dropped from the set (ENOENT) or still holds (EEXIST).
        if (result != 0 && (errno == ENOENT || errno == EEXIST))
            result = ::epoll_ctl(mEpoll, errno == ENOENT ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, descriptor, &event);
        if (result == 0) {
            watch.watched = event.events;
        } else if (errno == EPERM && !watch.watched) {
            // A regular file or a directory: poll reports it always ready, and so does this.
            watch.alwaysReady = true;
            ++mAlwaysReady;
        } else {
            // Not a descriptor (poll's POLLNVAL): its notifiers are never activated.
            qWarning("EpollDispatcher: cannot watch descriptor %d: %s", descriptor, strerror(errno));
            watch.watched = 0;
        }
    }
    mChanged.clear();
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object)
        return;
    // At most about a century, so that its due time in nanoseconds cannot overflow.
    interval = std::min<qint64>(interval, qint64(100) * 365 * 24 * 3600 * 1000);
    mTimers.push_back({timerId, interval, timerType, object, nowNs() + interval * 1000000, false});
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    const auto found = std::find_if(mTimers.begin(), mTimers.end(), [&](const Timer &t) { return t.id == timerId; });
    if (found == mTimers.end())
        return false;
    mTimers.erase(found);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    const auto first = std::remove_if(mTimers.begin(), mTimers.end(),
                                      [&](const Timer &t) { return t.object == object; });
    const bool any = first != mTimers.end();
    mTimers.erase(first, mTimers.end());
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const Timer &t : mTimers) {
        if (t.object == object)
            timers.append(TimerInfo(t.id, int(t.interval), t.type));
    }
    return timers;
}

int EpollDispatcher::remainingTime(int timerId)
{
    const Timer *t = timer(timerId);
    if (!t)
        return -1;
    return int(std::max<qint64>(0, (t->dueNs - nowNs() + 999999) / 1000000));
}

EpollDispatcher::Timer *EpollDispatcher::timer(int id)
{
    for (Timer &t : mTimers) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

qint64 EpollDispatcher::timerWait() const
{
    qint64 first = -1;
    for (const Timer &t : mTimers) {
        if (!t.running && (first < 0 || t.dueNs < first))
            first = t.dueNs;
    }
    if (first < 0)
        return -1;
    return std::max<qint64>(0, first - nowNs());
}

void EpollDispatcher::wakeUp()
{
    if (mWakeUps.testAndSetAcquire(0, 1)) {
        const eventfd_t one = 1;
        ssize_t written;
        do {
            written = ::write(mWake, &one, sizeof one);
        } while (written < 0 && errno == EINTR);
    }
}

void EpollDispatcher::interrupt()
{
    mInterrupt.storeRelaxed(1);
    wakeUp();
}

int EpollDispatcher::epollWait(epoll_event *events, int size, qint64 timeoutNs)
{
    // To the nanosecond, as Qt's ppoll waits (a timer due in 0.2 ms is not fired 1 ms
    // late); in milliseconds rounded up on a kernel before 5.11.
    static QAtomicInt hasPwait2 = 1;
    if (hasPwait2.loadRelaxed()) {
        timespec timeout = {time_t(timeoutNs / 1000000000), long(timeoutNs % 1000000000)};
        const int ready = ::epoll_pwait2(mEpoll, events, size, timeoutNs < 0 ? nullptr : &timeout, nullptr);
        if (ready >= 0 || errno != ENOSYS)
            return ready;
        hasPwait2.storeRelaxed(0);
    }
    const int timeoutMs = timeoutNs < 0 ? -1 : int(std::min<qint64>((timeoutNs + 999999) / 1000000, INT_MAX));
    return ::epoll_wait(mEpoll, events, size, timeoutMs);
}

bool EpollDispatcher::wait(qint64 timeoutNs, bool withNotifiers)
{
    bool woken = false;
    if (!withNotifiers) {
        pollfd wake = {mWake, POLLIN, 0};
        timespec timeout = {time_t(timeoutNs / 1000000000), long(timeoutNs % 1000000000)};
        int ready;
        do {
            ready = ::ppoll(&wake, 1, timeoutNs < 0 ? nullptr : &timeout, nullptr);
        } while (ready < 0 && errno == EINTR);
        woken = ready > 0;
    } else {
        epoll_event events[64];
        int ready;
        do {
            ready = epollWait(events, 64, timeoutNs);
        } while (ready < 0 && errno == EINTR);
        for (int i = 0; i < ready; ++i) {
            const int descriptor = events[i].data.fd;
            if (descriptor == mWake) {
                woken = true;
                continue;
            }
            const auto found = mWatches.constFind(descriptor);
            if (found == mWatches.cend())
                continue;
            for (int type = 0; type < 3; ++type) {
                QSocketNotifier *notifier = found->notifiers[type];
                if (notifier && (events[i].events & kActivating[type]) && !mPending.contains(notifier))
                    mPending.append(notifier);
            }
        }
        if (mAlwaysReady) {
            for (auto it = mWatches.cbegin(); it != mWatches.cend(); ++it) {
                if (!it->alwaysReady)
                    continue;
                for (int type = 0; type < 2; ++type) { // readable and writable, never urgent
                    QSocketNotifier *notifier = it->notifiers[type];
                    if (notifier && !mPending.contains(notifier))
                        mPending.append(notifier);
                }
            }
        }
    }
    if (woken) {
        eventfd_t value;
        while (::read(mWake, &value, sizeof value) < 0 && errno == EINTR) { }
        mWakeUps.storeRelease(0);
    }
    return woken;
}

int EpollDispatcher::activateNotifiers()
{
    int activated = 0;
    QEvent event(QEvent::SockAct);
    // A notifier's handler may disable or delete others still pending, which takes them
    // out of the list (unregisterSocketNotifier), or run a nested loop that takes some.
    while (!mPending.isEmpty()) {
        QSocketNotifier *notifier = mPending.takeFirst();
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    return activated;
}

int EpollDispatcher::activateTimers()
{
    if (mTimers.empty())
        return 0;
    const qint64 now = nowNs();
    // The timers due now, earliest first, each fired once in this pass: those a handler
    // starts wait for the next.
    std::vector<std::pair<qint64, int>> due;
    for (const Timer &t : mTimers) {
        if (!t.running && t.dueNs <= now)
            due.emplace_back(t.dueNs, t.id);
    }
    std::sort(due.begin(), due.end());
    int fired = 0;
    for (const auto &[at, id] : due) {
        Timer *t = timer(id);
        // Stopped, or started again, by an earlier handler.
        if (!t || t->running || t->dueNs != at)
            continue;
        const qint64 interval = t->interval * 1000000;
        t->dueNs += interval;
        if (t->dueNs <= now)
            t->dueNs = interval ? now + interval : now;
        t->running = true;
        QObject *object = t->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have stopped it, or stopped it and had its id given to another.
        if (Timer *after = timer(id); after && after->object == object)
            after->running = false;
    }
    return fired;
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    mInterrupt.storeRelaxed(0);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool withTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool withNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !mInterrupt.loadRelaxed();
    if (canWait)
        emit aboutToBlock();
    if (mInterrupt.loadRelaxed())
        return false;

    if (withNotifiers)
        applyChanges(); // which may find a descriptor always ready
    qint64 timeout = 0;
    if (canWait && !(withNotifiers && mAlwaysReady))
        timeout = withTimers ? timerWait() : -1;
    int events = wait(timeout, withNotifiers) ? 1 : 0;
    if (withNotifiers)
        events += activateNotifiers();
    if (withTimers)
        events += activateTimers();
    return events > 0;
}

} // namespace Nimbus
