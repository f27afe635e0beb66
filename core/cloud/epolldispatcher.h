#pragma once

// An event dispatcher for the local cloud's threads, over Linux's epoll.

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>
#include <QList>

#include <vector>

class QSocketNotifier;
struct epoll_event;

namespace Nimbus {

// Qt's own dispatcher (QEventDispatcherUNIX) rebuilds the list of every enabled socket
// notifier's descriptor on each pass of the event loop and hands it to ppoll, whose cost
// grows with the descriptors open, not with those ready. A warm worker holds four (its
// frame socket, stdout, stderr and the descriptor that reports its end), so with sixteen
// of them the cloud's thread polled some seventy descriptors to learn that one had
// something to read: a fifth of its time for a warm request. This dispatcher keeps the
// descriptors in an epoll set, changed only when a notifier is enabled or disabled, so a
// pass costs what is ready.
//
// It behaves as Qt's does: posted events first, then the descriptors (level-triggered:
// a notifier is activated again while its descriptor stays ready; a hang-up or error
// activates every notifier of the descriptor), then the timers that are due, each once a
// pass and never inside its own handler. A descriptor epoll refuses (a regular file) is
// always ready, as poll reports it. QEventLoop::ExcludeSocketNotifiers leaves the
// descriptors out of the wait and X11ExcludeTimers the timers.
//
// Installed on threads without a GUI: `nimbus`'s main thread (where a headless local
// cloud runs) and the servers' connection threads. NIMBUS_EVENT_DISPATCHER=qt keeps Qt's.
class EpollDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    // A dispatcher to install on a thread not started yet, or nullptr for Qt's own: when
    // NIMBUS_EVENT_DISPATCHER is "qt", or when the kernel gives no epoll set.
    static QAbstractEventDispatcher *create();

    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    EpollDispatcher(int epoll, int wake);

    // The notifiers of one descriptor, by QSocketNotifier::Type (Read, Write, Exception).
    struct Watch
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr};
        uint32_t watched = 0; // the events the epoll set has for it; 0: not in the set
        bool alwaysReady = false; // epoll refused it (a regular file)
        bool changed = false; // in mChanged
    };
    struct Timer
    {
        int id;
        qint64 interval; // ms
        Qt::TimerType type;
        QObject *object;
        qint64 dueNs; // on the monotonic clock
        bool running; // its handler is running (a nested event loop must not fire it)
    };

    void noteChange(int descriptor, Watch &watch);
    // Gives the epoll set the events the notifiers enabled since the last wait want.
    void applyChanges();
    // Waits up to timeoutNs (-1: no limit) for a descriptor or a wake-up; marks the
    // notifiers ready. Returns whether it was woken.
    bool wait(qint64 timeoutNs, bool withNotifiers);
    int epollWait(epoll_event *events, int size, qint64 timeoutNs);
    int activateNotifiers();
    int activateTimers();
    // ns until the first timer is due: 0 when one is, -1 when there is none.
    qint64 timerWait() const;
    Timer *timer(int id);

    int mEpoll;
    int mWake; // an eventfd, written by wakeUp() from any thread
    QAtomicInt mWakeUps; // 1 once written and not read yet, so that wakeUp() writes once
    QAtomicInt mInterrupt;
    QHash<int, Watch> mWatches;
    int mAlwaysReady = 0; // descriptors epoll refused
    // Descriptors whose notifiers changed since the last wait. A socket's write notifier
    // is enabled by a write and disabled by the flush that follows it in the same pass,
    // so the epoll set is told only before it is waited on, and then only what differs.
    std::vector<int> mChanged;
    QList<QSocketNotifier *> mPending; // ready, to be activated
    std::vector<Timer> mTimers;
};

} // namespace Nimbus
