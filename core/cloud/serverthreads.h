#pragma once

// The threads the local cloud's HTTP servers read and write their connections on
// (internal to core/cloud).

#include "requestguard.h"

#include <QAtomicInt>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QHttpServerRequest;
class QTcpSocket;
class QThread;

namespace Nimbus {

// A place to run code on one thread: what is posted runs on the thread the mailbox lives
// in, in the order posted, a higher priority before the lower ones still waiting. Once
// closed, what is posted is dropped.
class Mailbox : public QObject
{
public:
    using QObject::QObject;

    void post(std::function<void()> call, int priority = Qt::NormalEventPriority);
    // Runs call at once when called on the mailbox's thread, else posts it (in order with
    // what was posted before it).
    void call(std::function<void()> call);
    void close() { mClosed.storeRelease(1); }

protected:
    bool event(QEvent *event) override;

private:
    QAtomicInt mClosed;
};

// One port served by a few threads of its own. Each thread runs a GuardedHttpServer
// accepting from the port's one listening socket, so that reading requests, parsing
// them and writing answers never wait behind the thread that serves them (the local
// cloud's), nor it behind them. Whichever thread accepts a connection, it is served by
// the thread with the fewest open. serve is called on the thread that read the request,
// with that thread's mailbox: answers are written there.
//
// A server whose own thread has nothing else to do (a headless local cloud: `nimbus
// serve`) can make that thread one of the lanes too (Lanes::WithCallingThread): the
// requests of the connections it serves then reach the cloud without crossing threads.
// Never the GUI thread, which must not read and write connections.
class ServerThreads
{
public:
    using Serve =
        std::function<void(const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io)>;

    // Half the machine's cores, at least least (1 to 4) and at most four: when they only
    // read and write, the cloud's own thread and the workers need the rest; a server that
    // answers some requests on them (the AWS endpoint's shared GetItems) asks for more.
    // NIMBUS_SERVER_THREADS sets it (1 to 16), for benchmarks.
    static int defaultCount(int least = 1);

    enum class Lanes { OwnThreads, WithCallingThread };
    // count threads of its own, and the calling thread as one more lane when asked.
    ServerThreads(int count, Serve serve, Lanes lanes = Lanes::OwnThreads);
    // Stops every thread: connections close, answers still to come are dropped.
    ~ServerThreads();
    ServerThreads(const ServerThreads &) = delete;
    ServerThreads &operator=(const ServerThreads &) = delete;

    // Listens on address:port, which guard then accepts as this machine's (guard, limit
    // and refusal are used on the server threads, so they must be safe to call there);
    // the port, or 0 when it cannot.
    quint16 listen(RequestGuard *guard, GuardedTcpServer::BodyLimit limit, GuardedTcpServer::Refusal refusal,
                   const QHostAddress &address, quint16 port);
    // Large bodies written to files as they arrive (GuardedTcpServer::Spill), taken on the
    // connection's thread with its mailbox; set before listen().
    using TakeSpilled =
        std::function<void(const GuardedTcpServer::SpilledRequest &request, const std::shared_ptr<Mailbox> &io)>;
    void setSpill(qint64 threshold, std::function<bool(const QByteArray &, const HttpHeaders &)> wanted,
                  TakeSpilled take, const QString &directory)
    {
        mSpillThreshold = threshold;
        mSpillWanted = std::move(wanted);
        mTakeSpilled = std::move(take);
        mSpillDirectory = directory;
    }
    int count() const { return int(mLanes.size()); }

private:
    struct Lane
    {
        QThread *thread = nullptr; // null for the calling thread's lane
        std::shared_ptr<Mailbox> mailbox;
        GuardedHttpServer *server = nullptr; // lives on thread
        GuardedTcpServer *accepting = nullptr; // the server's listening socket, on thread
        // Its connections open or on their way to it.
        std::shared_ptr<QAtomicInt> open = std::make_shared<QAtomicInt>(0);
    };
    // Which lane serves a connection lane from accepted: the one with the fewest open
    // (the kernel wakes every thread for a burst, and the first to accept would take
    // them all). False when it went to another lane.
    bool place(int from, qintptr descriptor);
    // How to run code on a lane's thread and wait for it.
    static Qt::ConnectionType connectionTo(const Lane &lane);
    Serve mServe;
    std::vector<Lane> mLanes;
    qint64 mSpillThreshold = 0;
    std::function<bool(const QByteArray &, const HttpHeaders &)> mSpillWanted;
    TakeSpilled mTakeSpilled;
    QString mSpillDirectory;
};

} // namespace Nimbus
