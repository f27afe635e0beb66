// Issue 17, workers: a function's processes are bounded by its own process group, not
// by the user's RLIMIT_NPROC. That limit counted every thread of the user, so on a busy
// desktop (a browser and an IDE: hundreds of threads) Node.js workers died at start,
// while root, exempt from it, never saw the problem. Here a fork bomb and a thread bomb
// are stopped with a clear error and leave nothing behind, and a user who already runs
// 300 threads still runs a Node.js function through `nimbus invoke`.

#include "runtime/instancepool.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Nimbus;
using namespace NimbusTest;

namespace {
// The user the busy desktop belongs to: nobody, which every Linux system has.
constexpr int kUser = 65534;
constexpr int kDesktopThreads = 300;

QStringList asUser()
{
    return {QStringLiteral("--reuid=%1").arg(kUser), QStringLiteral("--regid=%1").arg(kUser),
            QStringLiteral("--clear-groups")};
}

// Live (not zombie) processes whose command line is exactly `arguments`.
int running(const QByteArrayList &arguments)
{
    const QByteArray wanted = arguments.join('\0') + '\0';
    int count = 0;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        QFile status(QStringLiteral("/proc/%1/status").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll() == wanted && status.open(QIODevice::ReadOnly)
            && !status.readAll().contains("State:\tZ"))
            ++count;
    }
    return count;
}

// Tasks (processes and their threads) whose real user is uid: what RLIMIT_NPROC counts.
int tasksOf(int uid)
{
    int tasks = 0;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile status(QStringLiteral("/proc/%1/status").arg(entry));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        int realUid = -1;
        int threads = 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Uid:"))
                realUid = line.mid(4).simplified().split(' ').value(0).toInt();
            else if (line.startsWith("Threads:"))
                threads = line.mid(8).trimmed().toInt();
        }
        if (realUid == uid)
            tasks += threads;
    }
    return tasks;
}
} // namespace

class tst_SecurityWorkers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forkBombIsStopped();
    void threadBombIsStopped();
    void busyDesktopUserRunsNodeFunctions();

private:
    FunctionSpec spec(const QString &name, const QString &runtime, int timeout, int memory = 256);
    InvocationResult invoke(InstancePool &pool, const QString &function);
    bool write(const QString &path, const QByteArray &content);

    QTemporaryDir mDir;
};

FunctionSpec tst_SecurityWorkers::spec(const QString &name, const QString &runtime, int timeout, int memory)
{
    FunctionSpec s;
    s.name = name;
    s.runtime = runtime;
    s.handler = QStringLiteral("index.handler");
    s.sourceDirectory = mDir.filePath(name);
    s.timeoutSeconds = timeout;
    s.memoryMB = memory;
    return s;
}

InvocationResult tst_SecurityWorkers::invoke(InstancePool &pool, const QString &function)
{
    QSignalSpy spy(&pool, &InstancePool::finished);
    pool.invoke(function, "{}");
    if (!spy.wait(60000))
        return {};
    return spy.first().first().value<InvocationResult>();
}

bool tst_SecurityWorkers::write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    return writeAll(path, content);
}

void tst_SecurityWorkers::initTestCase()
{
    qRegisterMetaType<InvocationResult>();
    // Each shell starts two more and leaves them orphaned at once (the subshell that
    // started them exits), so the bomb is not in the worker's tree of children: only its
    // process group holds it. Bounded at 1023 sleepers should the protection fail.
    QVERIFY(write(mDir.filePath("bomb/index.js"),
                  "const { spawn } = require('node:child_process');\n"
                  "exports.handler = async () => {\n"
                  "  spawn('sh', ['-c', 'b() { if [ \"$1\" -gt 0 ]; then (b $(($1 - 1)) &); (b $(($1 - 1)) &); fi;"
                  " exec sleep 47; }; b 9'], { stdio: 'ignore' });\n"
                  "  await new Promise(() => {});\n};\n"));
    QVERIFY(write(mDir.filePath("threads/index.py"), "import threading\n\n"
                                                     "def handler(event, context):\n"
                                                     "    hold = threading.Event()\n"
                                                     "    for _ in range(1100):\n"
                                                     "        threading.Thread(target=hold.wait, daemon=True).start()\n"
                                                     "    hold.wait()\n"));
}

void tst_SecurityWorkers::forkBombIsStopped()
{
    InstancePool pool;
    pool.setFunction(spec(QStringLiteral("bomb"), QStringLiteral("nodejs20.x"), 30));
    QElapsedTimer clock;
    clock.start();
    const InvocationResult r = invoke(pool, QStringLiteral("bomb"));
    qInfo("fork bomb stopped after %lld ms: %s", clock.elapsed(), qPrintable(r.error.value("errorMessage").toString()));
    QCOMPARE(r.error.value("errorType").toString(), QStringLiteral("Runtime.TooManyProcesses"));
    QVERIFY2(r.error.value("errorMessage").toString().contains("more than 64 processes"),
             qPrintable(r.error.value("errorMessage").toString()));
    QVERIFY(r.durationMs < 10000); // by the bound, long before the 30 s timeout
    // Nothing it started is left.
    QTRY_COMPARE_WITH_TIMEOUT(running({"sleep", "47"}), 0, 5000);
    // The next invocation gets a fresh worker and is stopped again.
    QCOMPARE(invoke(pool, QStringLiteral("bomb")).error.value("errorType").toString(),
             QStringLiteral("Runtime.TooManyProcesses"));
    QTRY_COMPARE_WITH_TIMEOUT(running({"sleep", "47"}), 0, 5000);
}

void tst_SecurityWorkers::threadBombIsStopped()
{
    InstancePool pool;
    pool.setFunction(spec(QStringLiteral("threads"), QStringLiteral("python3.12"), 30, 2048));
    const InvocationResult r = invoke(pool, QStringLiteral("threads"));
    QCOMPARE(r.error.value("errorType").toString(), QStringLiteral("Runtime.TooManyProcesses"));
    QVERIFY2(r.error.value("errorMessage").toString().contains("more than 1024 threads"),
             qPrintable(r.error.value("errorMessage").toString()));
    QVERIFY(r.durationMs < 10000);
}

void tst_SecurityWorkers::busyDesktopUserRunsNodeFunctions()
{
    // Another user's processes need root (CI runs the tests as root) or CAP_SETUID.
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    const bool canSwitch = !setpriv.isEmpty()
                           && QProcess::execute(setpriv, asUser() << QStringLiteral("--") << QStringLiteral("true"))
                                  == 0;
    if (!canSwitch && ::geteuid() != 0)
        QSKIP("runs the function as uid 65534 through setpriv, which needs root or CAP_SETUID and CAP_SETGID; "
              "run this test as root (CI does)");
    QVERIFY2(canSwitch, "root cannot run a program as uid 65534: is setpriv (util-linux) installed?");
    // A system interpreter, which any user may run (not a per-user one under /root).
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"), {"/usr/bin", "/bin"});
    QVERIFY2(!python.isEmpty(), "python3 is missing from /usr/bin");

    // The build tree may lie under folders uid 65534 cannot enter (a fresh clone under
    // /root in CI): what the run needs is copied into a folder everyone can read.
    QTemporaryDir temporary(QStringLiteral("/tmp/nimbus-busy-desktop-XXXXXX"));
    QVERIFY(temporary.isValid());
    const QString root = temporary.path();
    QVERIFY(QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QDir().mkpath(root + "/bin") && QDir().mkpath(root + "/lib")
            && QDir().mkpath(root + "/share/nimbus-studio/runtime"));
    QVERIFY(QFile::copy(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), root + "/bin/nimbus"));
    for (const QFileInfo &library :
         QDir(QStringLiteral(NIMBUS_BINARY_DIR "/lib")).entryInfoList({QStringLiteral("libnimbus*.so*")}, QDir::Files))
        QVERIFY(QFile::copy(library.filePath(), root + "/lib/" + library.fileName()));
    const QString runtime = QStringLiteral(NIMBUS_BINARY_DIR "/share/nimbus-studio/runtime/");
    for (const QString &file : {QStringLiteral("bootstrap.mjs"), QStringLiteral("bootstrap.py"),
                                QStringLiteral("sdk-resolve.mjs"), QStringLiteral("import-timer.mjs")})
        if (QFileInfo::exists(runtime + file))
            QVERIFY(QFile::copy(runtime + file, root + "/share/nimbus-studio/runtime/" + file));
    // A small project: one Node.js function that says who ran it.
    QVERIFY(write(root + "/project/busy.json",
                  R"({"format": "nimbus-project", "version": 1, "edges": [],)"
                  R"( "nodes": [{"name": "hello", "kind": "function", "properties": {"runtime": "nodejs20.x"}}]})"));
    QVERIFY(write(root + "/project/functions/hello/index.js",
                  "exports.handler = async () => ({ uid: process.getuid(), node: process.version });\n"));
    QVERIFY(QDir().mkpath(root + "/home"));
    QVERIFY(::chown(QFile::encodeName(root + "/home").constData(), kUser, kUser) == 0);
    // QFile::copy and writeAll create files readable by their owner only.
    QVERIFY(QProcess::execute(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("a+rX"), root}) == 0);
    const QStringList needed = {root + "/bin/nimbus", root + "/share/nimbus-studio/runtime/bootstrap.mjs",
                                root + "/project/functions/hello/index.js", python};
    for (const QString &path : needed)
        QVERIFY2(QProcess::execute(setpriv, asUser() << "--"
                                                     << "test"
                                                     << "-r" << path)
                     == 0,
                 qPrintable(path + " cannot be read by uid 65534"));

    // The desktop: one of the user's programs holds 300 threads.
    QProcess desktop;
    desktop.start(setpriv, asUser() << "--" << python << "-c"
                                    << QStringLiteral("import threading, time\n"
                                                      "hold = threading.Event()\n"
                                                      "for _ in range(%1):\n"
                                                      "    threading.Thread(target=hold.wait, daemon=True).start()\n"
                                                      "print('ready', flush=True)\n"
                                                      "time.sleep(600)\n")
                                           .arg(kDesktopThreads));
    QVERIFY(desktop.waitForStarted());
    auto stopDesktop = qScopeGuard([&desktop] {
        desktop.kill();
        desktop.waitForFinished();
    });
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += desktop.readAllStandardOutput()).contains("ready"), 20000);
    QVERIFY2(said.contains("ready"), desktop.readAllStandardError().constData());
    const int tasks = tasksOf(kUser);
    qInfo("uid %d runs %d tasks", kUser, tasks);
    QVERIFY2(tasks > kDesktopThreads, qPrintable(QString::number(tasks)));

    // The same user runs a function.
    QProcess nimbus;
    QProcessEnvironment env;
    env.insert("HOME", root + "/home");
    env.insert("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.insert("LC_ALL", "C.UTF-8");
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("LD_LIBRARY_PATH", root + "/lib"); // searched before the build tree's RUNPATH
    env.insert("NIMBUS_DATA_DIR", root + "/share/nimbus-studio");
    env.insert("XDG_DATA_HOME", root + "/home/data");
    env.insert("XDG_CONFIG_HOME", root + "/home/config");
    env.insert("XDG_CACHE_HOME", root + "/home/cache");
    nimbus.setProcessEnvironment(env);
    nimbus.setWorkingDirectory(root + "/home");
    nimbus.start(setpriv, asUser() << "--" << root + "/bin/nimbus"
                                   << "invoke" << root + "/project/busy.json"
                                   << "hello"
                                   << "--json");
    QVERIFY(nimbus.waitForFinished(60000));
    const QByteArray out = nimbus.readAllStandardOutput();
    const QByteArray err = nimbus.readAllStandardError();
    QVERIFY2(nimbus.exitCode() == 0, (out + err).constData());
    const QJsonObject result = QJsonDocument::fromJson(out).object().value("result").toObject();
    QVERIFY2(result.value("uid").toInt() == kUser, out.constData());
    QVERIFY(result.value("node").toString().startsWith('v'));
}

QTEST_GUILESS_MAIN(tst_SecurityWorkers)
#include "tst_security_workers.moc"
