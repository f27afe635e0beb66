#include "serverthreads.h"
#include "epolldispatcher.h"
#include "httpmethod.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTcpServer>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

#include <utility>

namespace Nimbus {

namespace {

// A call carried to a mailbox's thread.
class CallEvent : public QEvent
{
public:
    static QEvent::Type type()
    {
        static const int registered = QEvent::registerEventType();
        return QEvent::Type(registered);
    }
    explicit CallEvent(std::function<void()> call) : QEvent(type()), call(std::move(call)) { }
    std::function<void()> call;
};

} // namespace

void Mailbox::post(std::function<void()> call, int priority)
{
    if (mClosed.loadAcquire())
        return;
    QCoreApplication::postEvent(this, new CallEvent(std::move(call)), priority);
}

void Mailbox::call(std::function<void()> call)
{
    if (thread() == QThread::currentThread())
        call();
    else
        post(std::move(call));
}

bool Mailbox::event(QEvent *event)
{
    if (event->type() != CallEvent::type())
        return QObject::event(event);
    if (!mClosed.loadAcquire())
        static_cast<CallEvent *>(event)->call();
    return true;
}

Qt::ConnectionType ServerThreads::connectionTo(const Lane &lane)
{
    return lane.thread ? Qt::BlockingQueuedConnection : Qt::DirectConnection;
}

int ServerThreads::defaultCount(int least)
{
    bool ok = false;
    const int asked = qEnvironmentVariableIntValue("NIMBUS_SERVER_THREADS", &ok);
    if (ok && asked >= 1 && asked <= 16)
        return asked;
    return qBound(qBound(1, least, 4), QThread::idealThreadCount() / 2, 4);
}

ServerThreads::ServerThreads(int count, Serve serve, Lanes lanes) : mServe(std::move(serve))
{
    if (lanes == Lanes::WithCallingThread) {
        Lane lane;
        lane.mailbox = std::make_shared<Mailbox>();
        mLanes.push_back(std::move(lane));
    }
    for (int i = 0; i < qMax(1, count); ++i) {
        Lane lane;
        lane.thread = new QThread;
        lane.thread->setObjectName(QStringLiteral("nimbus-http-%1").arg(i));
        if (QAbstractEventDispatcher *dispatcher = EpollDispatcher::create())
            lane.thread->setEventDispatcher(dispatcher);
        lane.mailbox = std::make_shared<Mailbox>();
        lane.mailbox->moveToThread(lane.thread);
        lane.thread->start();
        mLanes.push_back(std::move(lane));
    }
}

ServerThreads::~ServerThreads()
{
    for (Lane &lane : mLanes) {
        // The server and its connections end on their own thread, then the thread.
        QMetaObject::invokeMethod(
            lane.mailbox.get(),
            [server = lane.server, mailbox = lane.mailbox.get()] {
            delete server;
            mailbox->close();
            // What was posted to it holds it (an answer names its connection's mailbox).
            QCoreApplication::removePostedEvents(mailbox);
            // Answers still posted to it are dropped; without a thread it can end anywhere.
            mailbox->moveToThread(nullptr);
            },
            connectionTo(lane));
        if (!lane.thread)
            continue;
        lane.thread->quit();
        lane.thread->wait();
        delete lane.thread;
    }
}

quint16 ServerThreads::listen(RequestGuard *guard, GuardedTcpServer::BodyLimit limit, GuardedTcpServer::Refusal refusal,
                              const QHostAddress &address, quint16 port)
{
    // One listening socket, made here; each thread accepts from a duplicate of it, and
    // the kernel hands each connection to one of them.
    QTcpServer listening;
    if (!listening.listen(address, port))
        return 0;
    listening.pauseAccepting();
    // Set before any thread reads it.
    guard->setListenAddress(address);
    for (Lane &lane : mLanes) {
        // Closed on exec: the functions' workers must not hold the listening socket.
        const int descriptor = ::fcntl(int(listening.socketDescriptor()), F_DUPFD_CLOEXEC, 0);
        if (descriptor < 0)
            return 0;
        bool accepting = false;
        QMetaObject::invokeMethod(
            lane.mailbox.get(),
            [&, io = lane.mailbox] {
            auto *server = new GuardedHttpServer(
                [serve = mServe, io](const QHttpServerRequest &request, QTcpSocket *socket) {
                serve(request, socket, io);
            });
            GuardedTcpServer::Spill spill;
            if (mTakeSpilled) {
                spill.threshold = mSpillThreshold;
                spill.wanted = mSpillWanted;
                spill.take = [take = mTakeSpilled, io](const GuardedTcpServer::SpilledRequest &request) {
                    take(request, io);
                };
                spill.directory = mSpillDirectory;
            }
            lane.accepting = server->acceptFrom(descriptor, guard, limit, refusal, std::move(spill));
            accepting = lane.accepting != nullptr;
            lane.server = server;
            },
            connectionTo(lane));
        if (!accepting) {
            ::close(descriptor);
            return 0;
        }
    }
    // Every lane's server exists before any places a connection on another.
    for (int i = 0; i < int(mLanes.size()); ++i) {
        Lane &lane = mLanes[size_t(i)];
        QMetaObject::invokeMethod(
            lane.mailbox.get(),
            [this, i, accepting = lane.accepting, open = lane.open] {
            if (mLanes.size() > 1)
                accepting->setPlacement([this, i](qintptr descriptor) { return place(i, descriptor); }, open);
            accepting->resumeAccepting();
            },
            connectionTo(lane));
    }
    return listening.serverPort();
}

namespace {

// A descriptor on its way to another thread, closed if it never arrives (the lane
// stopped first).
class Handed
{
public:
    explicit Handed(qintptr descriptor) : mDescriptor(descriptor) { }
    ~Handed()
    {
        if (mDescriptor >= 0)
            ::close(int(mDescriptor));
    }
    Handed(const Handed &) = delete;
    Handed &operator=(const Handed &) = delete;
    qintptr take() { return std::exchange(mDescriptor, -1); }

private:
    qintptr mDescriptor;
};

} // namespace

bool ServerThreads::place(int from, qintptr descriptor)
{
    // The calling thread's lane, when there is one, is first: it takes a tie, so that a
    // lone client (a function's SDK) is served there, without crossing threads.
    int least = from;
    for (int i = 0; i < int(mLanes.size()); ++i) {
        const int open = mLanes[size_t(i)].open->loadRelaxed();
        const int fewest = mLanes[size_t(least)].open->loadRelaxed();
        if (open < fewest || (open == fewest && !mLanes[size_t(i)].thread))
            least = i;
    }
    Lane &lane = mLanes[size_t(least)];
    lane.open->ref();
    if (least == from)
        return true;
    lane.mailbox->post([accepting = lane.accepting, handed = std::make_shared<Handed>(descriptor)] {
        accepting->adopt(handed->take());
    });
    return false;
}

} // namespace Nimbus
