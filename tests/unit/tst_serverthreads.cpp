// The threads the gateway and the AWS endpoint read and write their connections on, and
// the mailboxes that carry requests to the cloud's thread and answers back.

#include "cloud/httpmethod.h"
#include "cloud/serverthreads.h"

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

HttpResponseData okAnswer(const QByteArray &body)
{
    HttpResponseData response;
    response.status = 200;
    response.body = body;
    return response;
}

// One request on a connection of its own, and the answer's status line and body.
QByteArray request(quint16 port, const QByteArray &host = "127.0.0.1", int waitMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(waitMs))
        return {};
    socket.write("GET /items/42 HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    // Until the whole answer (its Content-Length) is in, or the connection ends.
    auto complete = [&answer] {
        const qsizetype head = answer.indexOf("\r\n\r\n");
        if (head < 0)
            return false;
        const qsizetype at = answer.toLower().indexOf("content-length:");
        if (at < 0 || at > head)
            return false;
        const qsizetype end = answer.indexOf("\r\n", at);
        return answer.size() - head - 4 >= answer.mid(at + 15, end - at - 15).trimmed().toLongLong();
    };
    while (clock.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState && !complete()) {
        // The event loop runs meanwhile: some answers come from this thread's mailbox.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        socket.waitForReadyRead(10);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

// Connects socket to the servers on port; whether it could within 5 s.
bool connectTo(QTcpSocket &socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(5000);
}

// Asks for /items/42 on a connected socket: whether "served" came back within 5 s (the
// event loop runs meanwhile: the calling thread may be the one serving).
bool served(QTcpSocket &socket)
{
    socket.write("GET /items/42 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    return QTest::qWaitFor([&] { return (answer += socket.readAll()).endsWith("served"); }, 5000);
}

// count connections made at once, then each asking once, all open until every one is
// answered; empty when one could not connect or was not served.
std::vector<std::unique_ptr<QTcpSocket>> askedTogether(quint16 port, int count)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    for (auto &socket : sockets)
        if (!socket->waitForConnected(5000))
            return {};
    for (auto &socket : sockets)
        if (!served(*socket))
            return {};
    return sockets;
}

GuardedTcpServer::BodyLimit anyLimit()
{
    return [](const QByteArray &, const HttpHeaders &) { return qsizetype(1024); };
}

GuardedTcpServer::Refusal plainRefusal()
{
    return [](int status, const QString &message) {
        HttpResponseData response;
        response.status = status;
        response.body = message.toUtf8();
        return response;
    };
}

// Which thread served each connection (by the client's port), answering "served".
class ServedOn
{
public:
    ServerThreads::Serve serve()
    {
        return [this](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &) {
            {
                QMutexLocker locker(&mMutex);
                mThreads.insert(socket->peerPort(), QThread::currentThread());
            }
            GuardedHttpServer::answerOf(request, socket)(okAnswer("served"));
        };
    }
    QHash<quint16, QThread *> threads() const
    {
        QMutexLocker locker(&mMutex);
        return mThreads;
    }

private:
    mutable QMutex mMutex;
    QHash<quint16, QThread *> mThreads;
};

} // namespace

class TestServerThreads : public QObject
{
    Q_OBJECT

private slots:
    void servesOnThreadsOfItsOwn();
    void lanesWaitOnAnEpollSet_data();
    void lanesWaitOnAnEpollSet();
    void connectionsAreSpreadOverTheThreads_data();
    void connectionsAreSpreadOverTheThreads();
    void aClosedConnectionFreesItsThread();
    void theCallingThreadCanBeALane();
    void foreignHostIsRefusedBeforeServing();
    void answerFromTheCloudThreadIsWrittenOnTheConnections();
    void mailboxRunsHigherPriorityFirst();
    void closedMailboxDropsCalls();
    void callRunsAtOnceOnlyOnItsThread();
    void closingWithAnswersOwedDropsThem();
    void portInUseIsRefused();
    void workersDoNotInheritTheListeningSocket();
};

void TestServerThreads::servesOnThreadsOfItsOwn()
{
    QMutex mutex;
    QSet<QThread *> threads;
    QAtomicInt elsewhere;
    ServerThreads servers(
        2, [&](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io) {
            {
                QMutexLocker locker(&mutex);
                threads.insert(QThread::currentThread());
            }
            // Called on the thread the mailbox lives in: it is the connection's.
            if (io->thread() != QThread::currentThread())
                elsewhere.ref();
            GuardedHttpServer::answerOf(request, socket)(okAnswer("served"));
        });
    QCOMPARE(servers.count(), 2);
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    for (int i = 0; i < 8; ++i) {
        const QByteArray answer = request(port);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.endsWith("served"));
    }
    QCOMPARE(elsewhere.loadRelaxed(), 0);
    QMutexLocker locker(&mutex);
    QVERIFY(!threads.isEmpty());
    QVERIFY(threads.size() <= 2);
    QVERIFY2(!threads.contains(QThread::currentThread()), "a request was read on the cloud's thread");
}

// The connection threads wait on an epoll set (EpollDispatcher) unless told to keep Qt's.
void TestServerThreads::lanesWaitOnAnEpollSet_data()
{
    QTest::addColumn<QByteArray>("setting");
    QTest::addColumn<bool>("epoll");
    QTest::newRow("by default") << QByteArray() << true;
    QTest::newRow("NIMBUS_EVENT_DISPATCHER=qt") << QByteArray("qt") << false;
}

void TestServerThreads::lanesWaitOnAnEpollSet()
{
    QFETCH(QByteArray, setting);
    QFETCH(bool, epoll);
    if (setting.isEmpty())
        qunsetenv("NIMBUS_EVENT_DISPATCHER");
    else
        qputenv("NIMBUS_EVENT_DISPATCHER", setting);
    QMutex mutex;
    QSet<QByteArray> dispatchers;
    ServerThreads servers(2,
                          [&](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &) {
        {
            QMutexLocker locker(&mutex);
            dispatchers.insert(QAbstractEventDispatcher::instance()->metaObject()->className());
        }
        GuardedHttpServer::answerOf(request, socket)(okAnswer("served"));
    });
    qunsetenv("NIMBUS_EVENT_DISPATCHER");
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    for (int i = 0; i < 4; ++i)
        QVERIFY(request(port).startsWith("HTTP/1.1 200"));
    QMutexLocker locker(&mutex);
    QVERIFY(!dispatchers.isEmpty());
    for (const QByteArray &name : std::as_const(dispatchers))
        QCOMPARE(name == "Nimbus::EpollDispatcher", epoll);
}

void TestServerThreads::connectionsAreSpreadOverTheThreads_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("connections");
    QTest::newRow("2 threads, 16 connections (the benchmark's)") << 2 << 16;
    QTest::newRow("2 threads, 3 connections") << 2 << 3;
    QTest::newRow("3 threads, 12 connections") << 3 << 12;
    QTest::newRow("4 threads, 9 connections") << 4 << 9;
}

void TestServerThreads::connectionsAreSpreadOverTheThreads()
{
    // A burst of connections wakes every thread, and the first to accept used to take
    // them all: one core read and wrote for the whole benchmark while the other idled.
    QFETCH(int, threads);
    QFETCH(int, connections);
    ServedOn servedOn;
    ServerThreads servers(threads, servedOn.serve());
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    // All connected before any asks, and all open until every one is answered.
    const auto sockets = askedTogether(port, connections);
    QCOMPARE(int(sockets.size()), connections);
    const QHash<quint16, QThread *> threadOf = servedOn.threads();
    QCOMPARE(threadOf.size(), connections);
    QHash<QThread *, int> perThread;
    for (QThread *thread : threadOf)
        ++perThread[thread];
    QCOMPARE(perThread.size(), qMin(threads, connections));
    // Even, but for two threads placing at the same moment.
    int least = connections;
    int most = 0;
    for (int count : std::as_const(perThread)) {
        least = qMin(least, count);
        most = qMax(most, count);
    }
    QVERIFY2(most - least <= 2, qPrintable(u"%1 to %2 connections per thread"_s.arg(least).arg(most)));
}

void TestServerThreads::aClosedConnectionFreesItsThread()
{
    ServedOn servedOn;
    ServerThreads servers(2, servedOn.serve());
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    auto ask = [&](QTcpSocket *socket) -> QThread * {
        if (!connectTo(*socket, port) || !served(*socket))
            return nullptr;
        return servedOn.threads().value(socket->localPort());
    };
    // One connection on each thread; the first ends, and the next goes where it was.
    QTcpSocket first;
    QTcpSocket second;
    QThread *firstThread = ask(&first);
    QThread *secondThread = ask(&second);
    QVERIFY(firstThread && secondThread);
    QVERIFY(firstThread != secondThread);
    first.disconnectFromHost();
    QVERIFY(first.state() == QAbstractSocket::UnconnectedState || first.waitForDisconnected(5000));
    // The server ends its side of the connection on its thread, a moment later.
    QTest::qWait(300);
    for (int i = 0; i < 3; ++i) {
        QTcpSocket next;
        QCOMPARE(ask(&next), firstThread);
        next.disconnectFromHost();
        QVERIFY(next.state() == QAbstractSocket::UnconnectedState || next.waitForDisconnected(5000));
        QTest::qWait(300);
    }
}

void TestServerThreads::theCallingThreadCanBeALane()
{
    // A headless cloud's own thread reads and writes connections too: what it reads
    // reaches the cloud without crossing threads.
    QMutex mutex;
    QHash<quint16, QThread *> servedOn;
    QAtomicInt elsewhere;
    auto servers = std::make_unique<ServerThreads>(
        1,
        [&](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io) {
        {
            QMutexLocker locker(&mutex);
            servedOn.insert(socket->peerPort(), QThread::currentThread());
        }
        if (io->thread() != QThread::currentThread())
            elsewhere.ref();
        GuardedHttpServer::answerOf(request, socket)(okAnswer("served"));
        },
        ServerThreads::Lanes::WithCallingThread);
    QCOMPARE(servers->count(), 2);
    RequestGuard guard;
    const quint16 port = servers->listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    // A lone client is served there.
    {
        QTcpSocket lone;
        QVERIFY(connectTo(lone, port));
        QVERIFY(served(lone));
        QMutexLocker locker(&mutex);
        QCOMPARE(servedOn.value(lone.localPort()), QThread::currentThread());
        servedOn.clear();
    }
    // Closed: its lane is free again before the next ones come.
    QTest::qWait(300);
    const auto sockets = askedTogether(port, 6);
    QCOMPARE(int(sockets.size()), 6);
    QCOMPARE(elsewhere.loadRelaxed(), 0);
    {
        QMutexLocker locker(&mutex);
        QCOMPARE(servedOn.size(), 6);
        QHash<QThread *, int> perThread;
        for (QThread *thread : std::as_const(servedOn))
            ++perThread[thread];
        QCOMPARE(perThread.size(), 2);
        QCOMPARE(perThread.value(QThread::currentThread()), 3);
    }
    // Its connections close with it, on this thread, while still open.
    servers.reset();
    for (auto &socket : sockets)
        QTRY_VERIFY_WITH_TIMEOUT(socket->state() == QAbstractSocket::UnconnectedState, 5000);
}

void TestServerThreads::foreignHostIsRefusedBeforeServing()
{
    QAtomicInt calls;
    ServerThreads servers(1,
                          [&](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &) {
        calls.ref();
        GuardedHttpServer::answerOf(request, socket)(okAnswer("served"));
    });
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QByteArray answer = request(port, "attacker.example");
    QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.constData());
    QCOMPARE(calls.loadRelaxed(), 0);
    QVERIFY(request(port, "localhost:" + QByteArray::number(port)).startsWith("HTTP/1.1 200"));
    QCOMPARE(calls.loadRelaxed(), 1);
}

void TestServerThreads::answerFromTheCloudThreadIsWrittenOnTheConnections()
{
    // As the gateway serves: read on the connection's thread, decided on this one (the
    // cloud's), written back on the connection's.
    auto home = std::make_shared<Mailbox>();
    QThread *cloudThread = QThread::currentThread();
    QAtomicInt decidedHere;
    ServerThreads servers(
        2, [&, home](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io) {
            auto answer = GuardedHttpServer::answerOf(request, socket);
            home->post([&decidedHere, cloudThread, io, answer] {
                if (QThread::currentThread() == cloudThread)
                    decidedHere.ref();
                io->post([answer] { answer(okAnswer("decided elsewhere")); });
            });
        });
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QByteArray answer = request(port);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY(answer.endsWith("decided elsewhere"));
    QCOMPARE(decidedHere.loadRelaxed(), 1);
}

void TestServerThreads::mailboxRunsHigherPriorityFirst()
{
    // The AWS endpoint's requests are posted above the gateway's: a function's SDK call
    // must not wait behind new requests to the gateway.
    Mailbox mailbox;
    QStringList ran;
    mailbox.post([&] { ran << u"gateway 1"_s; });
    mailbox.post([&] { ran << u"gateway 2"_s; });
    mailbox.post([&] { ran << u"sdk call"_s; }, Qt::HighEventPriority);
    QCoreApplication::sendPostedEvents(&mailbox);
    QCOMPARE(ran, (QStringList{u"sdk call"_s, u"gateway 1"_s, u"gateway 2"_s}));
}

void TestServerThreads::closedMailboxDropsCalls()
{
    Mailbox mailbox;
    int ran = 0;
    mailbox.post([&] { ++ran; });
    mailbox.close();
    mailbox.post([&] { ++ran; });
    QCoreApplication::sendPostedEvents(&mailbox);
    QCOMPARE(ran, 0);
}

void TestServerThreads::callRunsAtOnceOnlyOnItsThread()
{
    // An answer decided on the connection's own thread is written at once; one decided on
    // another thread waits its turn behind what was posted before it.
    Mailbox mailbox;
    QStringList ran;
    mailbox.post([&] { ran << u"posted"_s; });
    mailbox.call([&] { ran << u"called here"_s; });
    QCOMPARE(ran, QStringList{u"called here"_s});
    QThread other;
    other.start();
    QObject onOther;
    onOther.moveToThread(&other);
    QMetaObject::invokeMethod(
        &onOther, [&] { mailbox.call([&] { ran << u"called there"_s; }); }, Qt::BlockingQueuedConnection);
    QCOMPARE(ran.size(), 1);
    QCoreApplication::sendPostedEvents(&mailbox);
    QCOMPARE(ran, (QStringList{u"called here"_s, u"posted"_s, u"called there"_s}));
    other.quit();
    other.wait();
}

void TestServerThreads::closingWithAnswersOwedDropsThem()
{
    // The cloud may answer after the server closed (a function that ends late): the answer
    // is posted to a thread that is gone, and dropped, with nothing touched.
    std::vector<std::function<void()>> owed;
    QMutex mutex;
    std::shared_ptr<Mailbox> io;
    auto servers = std::make_unique<ServerThreads>(
        1, [&](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &lane) {
            QMutexLocker locker(&mutex);
            io = lane;
            auto answer = GuardedHttpServer::answerOf(request, socket);
            owed.push_back([lane, answer] { lane->post([answer] { answer(okAnswer("late")); }); });
        });
    RequestGuard guard;
    const quint16 port = servers->listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, port));
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QTRY_VERIFY([&] {
        QMutexLocker locker(&mutex);
        return !owed.empty();
    }());
    servers.reset();
    QVERIFY(io);
    QCOMPARE(io->thread(), nullptr);
    for (const auto &answer : owed)
        answer();
    QCoreApplication::processEvents();
    // The connection ended with its server, unanswered.
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(!socket.readAll().contains("late"));
}

void TestServerThreads::portInUseIsRefused()
{
    // One listening socket shared by the threads, not one each with SO_REUSEPORT: a second
    // server on the same port must fail, not share the requests.
    auto serve = [](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &) {
        GuardedHttpServer::answerOf(request, socket)(okAnswer("first"));
    };
    ServerThreads first(2, serve);
    RequestGuard guard;
    const quint16 port = first.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    ServerThreads second(2, serve);
    RequestGuard otherGuard;
    QCOMPARE(second.listen(&otherGuard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, port), quint16(0));
}

QTEST_GUILESS_MAIN(TestServerThreads)
// Functions' workers are started by the cloud while it listens: a worker that held the
// gateway's listening socket could accept the gateway's connections itself, and would
// keep the port taken after the studio ended.
void TestServerThreads::workersDoNotInheritTheListeningSocket()
{
    auto serve = [](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &) {
        GuardedHttpServer::answerOf(request, socket)(okAnswer("served"));
    };
    ServerThreads servers(2, serve);
    RequestGuard guard;
    const quint16 port = servers.listen(&guard, anyLimit(), plainRefusal(), QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QProcess child;
    child.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("ls -l /proc/$$/fd")});
    QVERIFY(child.waitForFinished(10000));
    const QString descriptors = QString::fromLocal8Bit(child.readAllStandardOutput());
    QVERIFY2(descriptors.contains(QLatin1String(" 0 ->")), qPrintable(descriptors));
    QVERIFY2(!descriptors.contains(QLatin1String("socket:")), qPrintable(descriptors));
}

#include "tst_serverthreads.moc"
