// The epoll event dispatcher of the local cloud's threads. Each case runs on a thread of
// its own twice: with EpollDispatcher and with Qt's own dispatcher, which it replaces, so
// that every expectation is shown to be Qt's behaviour as well as ours.

#include "cloud/epolldispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <cstring>
#include <functional>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

// A pair of connected Unix stream sockets, closed when it ends.
struct SocketPair
{
    int fd[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fd); }
    ~SocketPair()
    {
        closeEnd(0);
        closeEnd(1);
    }
    void closeEnd(int end)
    {
        if (fd[end] >= 0)
            ::close(fd[end]);
        fd[end] = -1;
    }
    bool send(int end, const char *text) { return ::write(fd[end], text, strlen(text)) == ssize_t(strlen(text)); }
};

// Runs a loop until quit() or timeoutMs, on the thread that calls it.
bool runLoop(QEventLoop &loop, int timeoutMs)
{
    bool timedOut = false;
    QTimer::singleShot(timeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    loop.exec();
    return !timedOut;
}

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private:
    // body runs on a new thread with the row's dispatcher; its results are checked after.
    void onThread(const std::function<void()> &body, QString *dispatcherClass = nullptr)
    {
        QFETCH(bool, epoll);
        QThread *thread = QThread::create([&] {
            if (dispatcherClass)
                *dispatcherClass = QString::fromLatin1(QAbstractEventDispatcher::instance()->metaObject()->className());
            body();
        });
        if (epoll) {
            QAbstractEventDispatcher *dispatcher = EpollDispatcher::create();
            QVERIFY(dispatcher);
            thread->setEventDispatcher(dispatcher);
        }
        thread->start();
        QVERIFY(thread->wait(20000));
        delete thread;
    }

    static void rows()
    {
        QTest::addColumn<bool>("epoll");
        QTest::newRow("EpollDispatcher") << true;
        QTest::newRow("QEventDispatcherUNIX") << false;
    }

private slots:
    void initTestCase()
    {
        qunsetenv("NIMBUS_EVENT_DISPATCHER");
        // Qt's own Unix dispatcher, not GLib's, as `nimbus` runs it when told to.
        qputenv("QT_NO_GLIB", "1");
    }

    void isInstalled_data() { rows(); }
    void isInstalled()
    {
        QFETCH(bool, epoll);
        QString name;
        onThread([] {}, &name);
        QCOMPARE(name, epoll ? u"Nimbus::EpollDispatcher"_s : u"QEventDispatcherUNIX"_s);
    }

    void turnedOffByTheEnvironment()
    {
        qputenv("NIMBUS_EVENT_DISPATCHER", "qt");
        QAbstractEventDispatcher *none = EpollDispatcher::create();
        qunsetenv("NIMBUS_EVENT_DISPATCHER");
        QVERIFY(!none);
        std::unique_ptr<QAbstractEventDispatcher> one(EpollDispatcher::create());
        QVERIFY(one);
    }

    void timersFireInOrderOfDue_data() { rows(); }
    void timersFireInOrderOfDue()
    {
        QList<int> order;
        int repeats = 0;
        bool finished = false;
        onThread([&] {
            QEventLoop loop;
            QTimer::singleShot(60, &loop, [&] { order << 60; });
            QTimer::singleShot(20, &loop, [&] { order << 20; });
            QTimer::singleShot(40, &loop, [&] { order << 40; });
            // A repeating timer stopped by its own handler on its fifth shot.
            QTimer repeating;
            repeating.setTimerType(Qt::PreciseTimer);
            repeating.setInterval(5);
            QObject::connect(&repeating, &QTimer::timeout, [&] {
                if (++repeats == 5)
                    repeating.stop();
            });
            repeating.start();
            QTimer::singleShot(150, &loop, &QEventLoop::quit);
            finished = runLoop(loop, 5000);
        });
        QVERIFY(finished);
        QCOMPARE(order, QList<int>({20, 40, 60}));
        QCOMPARE(repeats, 5);
    }

    void zeroTimerRunsEachPassBesidePostedEvents_data() { rows(); }
    void zeroTimerRunsEachPassBesidePostedEvents()
    {
        int zeroShots = 0;
        int posted = 0;
        bool finished = false;
        onThread([&] {
            QEventLoop loop;
            QTimer zero;
            zero.setInterval(0);
            QObject::connect(&zero, &QTimer::timeout, [&] {
                ++zeroShots;
                // Posted events still go through while a zero timer keeps the loop busy.
                QMetaObject::invokeMethod(
                    &loop,
                    [&] {
                    if (++posted == 50)
                        loop.quit();
                    },
                    Qt::QueuedConnection);
            });
            zero.start();
            finished = runLoop(loop, 5000);
        });
        QVERIFY(finished);
        QCOMPARE(posted, 50);
        QVERIFY(zeroShots >= 50);
    }

    void registeredTimersAndRemainingTime_data() { rows(); }
    void registeredTimersAndRemainingTime()
    {
        QList<QAbstractEventDispatcher::TimerInfo> listed;
        QList<QAbstractEventDispatcher::TimerInfo> afterStop;
        int remaining = -2;
        int remainingAfterStop = -2;
        int id = 0;
        onThread([&] {
            QObject owner;
            id = owner.startTimer(1000, Qt::PreciseTimer);
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            listed = dispatcher->registeredTimers(&owner);
            remaining = dispatcher->remainingTime(id);
            owner.killTimer(id);
            afterStop = dispatcher->registeredTimers(&owner);
            remainingAfterStop = dispatcher->remainingTime(id);
        });
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().timerId, id);
        QCOMPARE(listed.first().interval, 1000);
        QCOMPARE(listed.first().timerType, Qt::PreciseTimer);
        QVERIFY2(remaining > 900 && remaining <= 1000, qPrintable(QString::number(remaining)));
        QVERIFY(afterStop.isEmpty());
        QCOMPARE(remainingAfterStop, -1);
    }

    // A timer due in centuries (std::chrono lets a caller ask for one) waits without its
    // due time overflowing, and does not fire.
    void farTimer_data() { rows(); }
    void farTimer()
    {
        int shots = 0;
        bool waited = false;
        onThread([&] {
            struct Counter : QObject
            {
                int *shots;
                void timerEvent(QTimerEvent *) override { ++*shots; }
            } owner;
            owner.shots = &shots;
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            const int id = dispatcher->registerTimer(qint64(10000000000000), Qt::PreciseTimer, &owner); // 317 years
            QEventLoop loop;
            QTimer::singleShot(20, &loop, [&] { waited = true; });
            runLoop(loop, 50);
            dispatcher->unregisterTimer(id);
        });
        QVERIFY(waited);
        QCOMPARE(shots, 0);
    }

    // A handler that runs an event loop of its own (a dialog's exec, a wait) does not have
    // its own timer fired again inside it; other timers go on firing.
    void timerNotFiredInsideItsOwnHandler_data() { rows(); }
    void timerNotFiredInsideItsOwnHandler()
    {
        int depth = 0;
        int deepest = 0;
        int otherShots = 0;
        bool finished = false;
        onThread([&] {
            QEventLoop loop;
            QTimer outer;
            outer.setInterval(1);
            QObject::connect(&outer, &QTimer::timeout, [&] {
                deepest = qMax(deepest, ++depth);
                if (depth == 1) {
                    QEventLoop nested;
                    QTimer other;
                    other.setInterval(1);
                    QObject::connect(&other, &QTimer::timeout, [&] {
                        if (++otherShots == 10)
                            nested.quit();
                    });
                    other.start();
                    nested.exec();
                    loop.quit();
                }
                --depth;
            });
            outer.start();
            finished = runLoop(loop, 5000);
        });
        QVERIFY(finished);
        QCOMPARE(deepest, 1);
        QCOMPARE(otherShots, 10);
    }

    // Level-triggered as poll is: a notifier whose descriptor stays readable is activated
    // on each pass until it is read; a disabled one is not.
    void readNotifierWhileUnread_data() { rows(); }
    void readNotifierWhileUnread()
    {
        int activations = 0;
        int afterDisable = 0;
        QByteArray read;
        onThread([&] {
            SocketPair pair;
            QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
            QEventLoop loop;
            QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
                if (++activations == 3) { // read only on the third
                    char buffer[16];
                    const ssize_t n = ::read(pair.fd[0], buffer, sizeof buffer);
                    read = QByteArray(buffer, int(qMax<ssize_t>(0, n)));
                    loop.quit();
                }
            });
            pair.send(1, "hello");
            runLoop(loop, 5000);
            // Disabled, it is not activated even with bytes waiting.
            notifier.setEnabled(false);
            QObject::connect(&notifier, &QSocketNotifier::activated, [&] { ++afterDisable; });
            pair.send(1, "again");
            QEventLoop idle;
            runLoop(idle, 50);
        });
        QCOMPARE(activations, 3);
        QCOMPARE(read, "hello");
        QCOMPARE(afterDisable, 0);
    }

    // Read and Write notifiers on one descriptor; a hang-up activates the Read one.
    void readAndWriteOnOneDescriptor_data() { rows(); }
    void readAndWriteOnOneDescriptor()
    {
        int writable = 0;
        int readable = 0;
        bool sawEnd = false;
        bool finished = false;
        onThread([&] {
            SocketPair pair;
            QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
            QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
            QEventLoop loop;
            QObject::connect(&writer, &QSocketNotifier::activated, [&] {
                ++writable;
                writer.setEnabled(false); // once is enough: writable it stays
                pair.closeEnd(1);
            });
            QObject::connect(&reader, &QSocketNotifier::activated, [&] {
                ++readable;
                char byte;
                if (::read(pair.fd[0], &byte, 1) == 0) { // the other end closed
                    sawEnd = true;
                    reader.setEnabled(false);
                    loop.quit();
                }
            });
            finished = runLoop(loop, 5000);
        });
        QVERIFY(finished);
        QCOMPARE(writable, 1);
        QVERIFY(readable >= 1);
        QVERIFY(sawEnd);
    }

    // A handler that deletes a notifier ready in the same pass: the deleted one is not
    // activated (under AddressSanitizer, a use after free otherwise).
    void notifierDeletedByAnotherHandler_data() { rows(); }
    void notifierDeletedByAnotherHandler()
    {
        int firstShots = 0;
        int secondShots = 0;
        onThread([&] {
            SocketPair a;
            SocketPair b;
            auto *first = new QSocketNotifier(a.fd[0], QSocketNotifier::Read);
            auto *second = new QSocketNotifier(b.fd[0], QSocketNotifier::Read);
            QPointer<QSocketNotifier> firstAlive(first);
            QPointer<QSocketNotifier> secondAlive(second);
            // Whichever is activated first deletes the other.
            QObject::connect(first, &QSocketNotifier::activated, [&] {
                ++firstShots;
                delete secondAlive.data();
                first->setEnabled(false);
            });
            QObject::connect(second, &QSocketNotifier::activated, [&] {
                ++secondShots;
                delete firstAlive.data();
                second->setEnabled(false);
            });
            a.send(1, "x");
            b.send(1, "y");
            QEventLoop idle;
            runLoop(idle, 100);
            delete firstAlive.data();
            delete secondAlive.data();
        });
        QCOMPARE(firstShots + secondShots, 1);
    }

    // Enabled and disabled again before the loop waits (a socket's write notifier around a
    // flush): never activated. A notifier on a descriptor number closed and opened again
    // is activated for the new one.
    void changesBetweenWaits_data() { rows(); }
    void changesBetweenWaits()
    {
        int toggled = 0;
        int reused = 0;
        bool sameNumber = false;
        bool finished = false;
        onThread([&] {
            QEventLoop loop;
            {
                SocketPair first;
                QSocketNotifier writer(first.fd[0], QSocketNotifier::Write);
                QObject::connect(&writer, &QSocketNotifier::activated, [&] { ++toggled; });
                writer.setEnabled(false);
                QEventLoop idle;
                runLoop(idle, 50);
                QMetaObject::invokeMethod(
                    &loop,
                    [&] {
                    writer.setEnabled(true);
                    writer.setEnabled(false);
                    },
                    Qt::QueuedConnection);
                runLoop(idle, 50);
                {
                    QSocketNotifier reader(first.fd[0], QSocketNotifier::Read);
                    runLoop(idle, 10);
                }
                const int number = first.fd[0];
                first.closeEnd(0);
                first.closeEnd(1);
                SocketPair second;
                sameNumber = second.fd[0] == number || second.fd[1] == number;
                const int end = second.fd[0] == number ? 0 : 1;
                QSocketNotifier reader(second.fd[end], QSocketNotifier::Read);
                QObject::connect(&reader, &QSocketNotifier::activated, [&] {
                    ++reused;
                    reader.setEnabled(false);
                    loop.quit();
                });
                second.send(1 - end, "x");
                finished = runLoop(loop, 5000);
            }
        });
        QCOMPARE(toggled, 0);
        QVERIFY(sameNumber);
        QVERIFY(finished);
        QCOMPARE(reused, 1);
    }

    // A descriptor epoll does not take (a regular file) is always ready, as poll says.
    void regularFileIsAlwaysReady_data() { rows(); }
    void regularFileIsAlwaysReady()
    {
        int activations = 0;
        onThread([&] {
            QTemporaryFile file;
            if (!file.open())
                return;
            QSocketNotifier notifier(file.handle(), QSocketNotifier::Read);
            QEventLoop loop;
            QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
                if (++activations == 3)
                    loop.quit();
            });
            runLoop(loop, 5000);
        });
        QCOMPARE(activations, 3);
    }

    void excludeSocketNotifiers_data() { rows(); }
    void excludeSocketNotifiers()
    {
        int whileExcluded = 0;
        int afterwards = 0;
        onThread([&] {
            SocketPair pair;
            QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
            int *count = &whileExcluded;
            QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
                ++*count;
                notifier.setEnabled(false);
            });
            pair.send(1, "x");
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            for (int i = 0; i < 5; ++i)
                dispatcher->processEvents(QEventLoop::ExcludeSocketNotifiers);
            count = &afterwards;
            for (int i = 0; i < 5 && !afterwards; ++i)
                dispatcher->processEvents(QEventLoop::AllEvents);
        });
        QCOMPARE(whileExcluded, 0);
        QCOMPARE(afterwards, 1);
    }

    // A loop blocked with nothing to do wakes for an event posted from another thread,
    // and for quit() called from another thread.
    void wokenFromAnotherThread_data() { rows(); }
    void wokenFromAnotherThread()
    {
        QFETCH(bool, epoll);
        QThread *thread = new QThread;
        if (epoll)
            thread->setEventDispatcher(EpollDispatcher::create());
        thread->start();
        auto *receiver = new QObject;
        receiver->moveToThread(thread);
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer clock;
            clock.start();
            QThread *ranOn = nullptr;
            QVERIFY(QMetaObject::invokeMethod(
                receiver, [&] { ranOn = QThread::currentThread(); }, Qt::BlockingQueuedConnection));
            QCOMPARE(ranOn, thread);
            QVERIFY(clock.elapsed() < 2000);
        }
        receiver->deleteLater(); // on its thread, as that ends
        thread->quit();
        QVERIFY(thread->wait(5000));
        delete thread;
    }

    void deleteLaterOnTheThread_data() { rows(); }
    void deleteLaterOnTheThread()
    {
        bool deleted = false;
        bool finished = false;
        onThread([&] {
            QEventLoop loop;
            auto *object = new QObject;
            QObject::connect(object, &QObject::destroyed, [&] {
                deleted = true;
                loop.quit();
            });
            object->deleteLater();
            finished = runLoop(loop, 5000);
        });
        QVERIFY(finished);
        QVERIFY(deleted);
    }

    // What the local cloud's threads do with it: TCP connections and worker processes.
    void tcpAndProcess_data() { rows(); }
    void tcpAndProcess()
    {
        QByteArray echoed;
        QByteArray printed;
        int exitCode = -1;
        onThread([&] {
            QTcpServer server;
            if (!server.listen(QHostAddress::LocalHost))
                return;
            QEventLoop loop;
            QObject::connect(&server, &QTcpServer::newConnection, [&] {
                QTcpSocket *accepted = server.nextPendingConnection();
                QObject::connect(accepted, &QTcpSocket::readyRead,
                                 [accepted] { accepted->write(accepted->readAll()); });
            });
            QTcpSocket client;
            QObject::connect(&client, &QTcpSocket::connected, [&] { client.write(QByteArray(100000, 'n')); });
            QObject::connect(&client, &QTcpSocket::readyRead, [&] {
                echoed += client.readAll();
                if (echoed.size() == 100000)
                    loop.quit();
            });
            client.connectToHost(QHostAddress::LocalHost, server.serverPort());
            runLoop(loop, 10000);

            QProcess process;
            QEventLoop processLoop;
            QObject::connect(&process, &QProcess::readyReadStandardOutput,
                             [&] { printed += process.readAllStandardOutput(); });
            QObject::connect(&process, &QProcess::finished, [&](int code) {
                exitCode = code;
                processLoop.quit();
            });
            process.start(u"/bin/sh"_s, {u"-c"_s, u"echo from the worker; exit 3"_s});
            runLoop(processLoop, 10000);
        });
        QCOMPARE(echoed, QByteArray(100000, 'n'));
        QCOMPARE(printed, "from the worker\n");
        QCOMPARE(exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
