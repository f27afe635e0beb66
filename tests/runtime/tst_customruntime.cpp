#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionspec.h"
#include "runtime/gobuild.h"
#include "runtime/instance.h"
#include "runtime/instancepool.h"
#include "runtime/scaffold.h"
#include "runtime/stacktrace.h"

#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <signal.h>

using namespace Nimbus;
using namespace NimbusTest;
using namespace Qt::StringLiterals;

// Custom runtimes (provided.al2023, provided.al2) through the pool, with three Runtime API
// clients nobody here wrote: the bootstrap of AWS's custom runtime tutorial (bash and
// curl), a Go program on the standard library built by Debian's go, and the official
// Node.js runtime interface client from npm (aws-lambda-ric, which scripts/setup.sh
// installs into build/ric-client). Each row needs its tools and skips, naming them, without.
class tst_CustomRuntime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void invokeThenWarm_data();
    void invokeThenWarm();
    void handlerError_data();
    void handlerError();
    void timeoutKillsTheWorker_data();
    void timeoutKillsTheWorker();
    void cancelEndsTheWorker();
    void missingBootstrap();
    void bootstrapNotExecutable();
    void initErrorFailsTheInvocation();
    void exitBeforeNextIsAnExitError();
    void goBuildErrorNamesItsLine();
    void goRebuildsWhenItsSourceChanges();
    void goColdStartsAtOnceBuildTogether();
    void memorySizeIsEnforced();
    void streamedResponseReachesThePool();
    void scaffoldsRun_data();
    void scaffoldsRun();

private:
    void clients();
    void needs(const QString &client);
    FunctionSpec spec(const QString &client, const QString &name, int timeout = 5, int memory = 256);
    InvocationResult run(InstancePool &pool, const QString &function, const QByteArray &event, int waitMs = 120000);
    void write(const QString &relative, const QByteArray &content, bool executable = false);

    QTemporaryDir mDir;
};

namespace {

QString ricDirectory()
{
    return QStringLiteral(NIMBUS_BINARY_DIR "/ric-client");
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

qint64 pidOf(const InvocationResult &result)
{
    return qint64(QJsonDocument::fromJson(result.resultJson).object().value("pid"_L1).toDouble());
}

} // namespace

void tst_CustomRuntime::write(const QString &relative, const QByteArray &content, bool executable)
{
    const QString path = mDir.filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    QVERIFY(writeAll(path, content));
    if (executable)
        QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
}

void tst_CustomRuntime::initTestCase()
{
    qRegisterMetaType<InvocationResult>();
    QVERIFY(mDir.isValid());
}

void tst_CustomRuntime::needs(const QString &client)
{
    if (client == "shell"_L1 && QStandardPaths::findExecutable(u"curl"_s).isEmpty())
        QSKIP("curl is not installed (scripts/setup.sh test installs it)");
    if (client == "go"_L1 && GoBuild::goTool().isEmpty())
        QSKIP("go is not installed (scripts/setup.sh test installs golang-go)");
    if (client == "ric"_L1) {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not installed");
        if (!QFileInfo::exists(ricDirectory() + u"/node_modules/aws-lambda-ric/index.mjs"_s))
            QSKIP("aws-lambda-ric is not installed in build/ric-client (scripts/setup.sh test installs it)");
    }
}

FunctionSpec tst_CustomRuntime::spec(const QString &client, const QString &name, int timeout, int memory)
{
    const QString folder = mDir.filePath(name);
    if (!QFileInfo::exists(folder))
        copyTree(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/provided/") + client, folder);
    FunctionSpec s;
    s.name = name;
    s.runtime = client == "go"_L1 ? u"provided.al2023"_s : u"provided.al2"_s;
    s.handler = client == "shell"_L1 ? u"function.handler"_s : u"index.handler"_s;
    s.sourceDirectory = folder;
    s.timeoutSeconds = timeout;
    s.memoryMB = memory;
    s.environment = {{u"NIMBUS_RIC_DIR"_s, ricDirectory()}};
    return s;
}

InvocationResult tst_CustomRuntime::run(InstancePool &pool, const QString &function, const QByteArray &event,
                                        int waitMs)
{
    QSignalSpy spy(&pool, &InstancePool::finished);
    pool.invoke(function, event);
    if (!spy.wait(waitMs))
        return {};
    return spy.first().first().value<InvocationResult>();
}

void tst_CustomRuntime::clients()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("errorType");
    QTest::newRow("bootstrap with curl") << u"shell"_s << u"HandlerError"_s;
    QTest::newRow("go standard library") << u"go"_s << u"HandlerError"_s;
    QTest::newRow("aws-lambda-ric") << u"ric"_s << u"TypeError"_s;
}

void tst_CustomRuntime::invokeThenWarm_data()
{
    clients();
}

void tst_CustomRuntime::invokeThenWarm()
{
    QFETCH(QString, client);
    needs(client);
    InstancePool pool;
    pool.setFunction(spec(client, client + u"-warm"_s));
    const InvocationResult cold = run(pool, client + u"-warm"_s, R"({"order":42})");
    QVERIFY2(cold.ok, qPrintable(QJsonDocument(cold.error).toJson()));
    const QJsonObject answer = QJsonDocument::fromJson(cold.resultJson).object();
    QCOMPARE(answer.value("event"_L1).toObject().value("order"_L1).toInt(), 42);
    QVERIFY(cold.coldStart);
    QVERIFY(cold.initDurationMs.has_value());
    QVERIFY(cold.reportLine().contains("Init Duration"_L1));
    QVERIFY(cold.reportLine().startsWith(u"REPORT RequestId: "_s + cold.requestId));
    QVERIFY2(cold.logs.join(u'\n').contains("got event"_L1), qPrintable(cold.logs.join(u'\n')));
    QVERIFY(cold.maxMemoryUsedMB >= 1);

    const InvocationResult warm = run(pool, client + u"-warm"_s, R"({"order":43})");
    QVERIFY2(warm.ok, qPrintable(QJsonDocument(warm.error).toJson()));
    QVERIFY(!warm.coldStart);
    QVERIFY(!warm.initDurationMs.has_value());
    QVERIFY(!warm.reportLine().contains("Init Duration"_L1));
    // The same worker served both.
    QCOMPARE(pidOf(warm), pidOf(cold));
    QCOMPARE(pool.instanceCount(client + u"-warm"_s), 1);
}

void tst_CustomRuntime::handlerError_data()
{
    clients();
}

void tst_CustomRuntime::handlerError()
{
    QFETCH(QString, client);
    QFETCH(QString, errorType);
    needs(client);
    InstancePool pool;
    pool.setFunction(spec(client, client + u"-error"_s));
    const InvocationResult failed = run(pool, client + u"-error"_s, R"({"fail":true})");
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error.value("errorType"_L1).toString(), errorType);
    QVERIFY2(failed.error.value("errorMessage"_L1).toString().contains("handler failed"_L1),
             qPrintable(QJsonDocument(failed.error).toJson()));
    // A handled error leaves the environment warm, as on Lambda.
    const InvocationResult next = run(pool, client + u"-error"_s, R"({"order":1})");
    QVERIFY2(next.ok, qPrintable(QJsonDocument(next.error).toJson()));
    QVERIFY(!next.coldStart);
}

void tst_CustomRuntime::timeoutKillsTheWorker_data()
{
    clients();
}

void tst_CustomRuntime::timeoutKillsTheWorker()
{
    QFETCH(QString, client);
    needs(client);
    InstancePool pool;
    pool.setFunction(spec(client, client + u"-timeout"_s, 1));
    const InvocationResult first = run(pool, client + u"-timeout"_s, R"({"order":1})");
    QVERIFY2(first.ok, qPrintable(QJsonDocument(first.error).toJson()));
    const qint64 pid = pidOf(first);
    const InvocationResult slow = run(pool, client + u"-timeout"_s, R"({"sleep":5})");
    QVERIFY(!slow.ok);
    QCOMPARE(slow.error.value("errorType"_L1).toString(), u"Sandbox.Timedout"_s);
    QVERIFY(slow.error.value("errorMessage"_L1).toString().contains("Task timed out after 1.00 seconds"_L1));
    QVERIFY(slow.durationMs >= 1000);
    QTRY_VERIFY(!processAlive(pid));
    // The next invocation gets a fresh worker.
    const InvocationResult after = run(pool, client + u"-timeout"_s, R"({"order":2})");
    QVERIFY2(after.ok, qPrintable(QJsonDocument(after.error).toJson()));
    QVERIFY(after.coldStart);
    QVERIFY(pidOf(after) != pid);
}

void tst_CustomRuntime::cancelEndsTheWorker()
{
    needs(u"shell"_s);
    InstancePool pool;
    pool.setFunction(spec(u"shell"_s, u"shell-cancel"_s, 60));
    QSignalSpy spy(&pool, &InstancePool::finished);
    const QString id = pool.invoke(u"shell-cancel"_s, R"({"sleep":5})");
    QTest::qWait(1500);
    QVERIFY(pool.cancel(id));
    QVERIFY(spy.wait(5000) || !spy.isEmpty());
    const auto result = spy.first().first().value<InvocationResult>();
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Cancelled"_s);
}

void tst_CustomRuntime::missingBootstrap()
{
    write(u"nobootstrap/README"_s, "no bootstrap here\n");
    FunctionSpec s = spec(u"shell"_s, u"nobootstrap"_s);
    InstancePool pool;
    pool.setFunction(s);
    const InvocationResult result = run(pool, u"nobootstrap"_s, "{}", 10000);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Runtime.InvalidEntrypoint"_s);
    QVERIFY(result.error.value("errorMessage"_L1).toString().contains("Couldn't find valid bootstrap"_L1));
}

void tst_CustomRuntime::bootstrapNotExecutable()
{
    write(u"noexec/bootstrap"_s, "#!/bin/sh\nexit 0\n");
    InstancePool pool;
    pool.setFunction(spec(u"shell"_s, u"noexec"_s));
    const InvocationResult result = run(pool, u"noexec"_s, "{}", 10000);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Runtime.InvalidEntrypoint"_s);
    QVERIFY(result.error.value("errorMessage"_L1).toString().contains("chmod +x"_L1));
}

void tst_CustomRuntime::initErrorFailsTheInvocation()
{
    needs(u"shell"_s);
    write(u"initerror/bootstrap"_s,
          "#!/bin/sh\n"
          "curl -sS -X POST \"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/init/error\" "
          "-H 'Lambda-Runtime-Function-Error-Type: Runtime.ConfigError' "
          "-d '{\"errorMessage\":\"DATABASE_URL is not set\",\"errorType\":\"Runtime.ConfigError\"}'\n"
          "sleep 30\n",
          true);
    InstancePool pool;
    pool.setFunction(spec(u"shell"_s, u"initerror"_s));
    const InvocationResult result = run(pool, u"initerror"_s, "{}", 10000);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Runtime.ConfigError"_s);
    QCOMPARE(result.error.value("errorMessage"_L1).toString(), u"DATABASE_URL is not set"_s);
}

void tst_CustomRuntime::exitBeforeNextIsAnExitError()
{
    write(u"exits/bootstrap"_s, "#!/bin/sh\necho starting\nexit 3\n", true);
    InstancePool pool;
    pool.setFunction(spec(u"shell"_s, u"exits"_s));
    const InvocationResult result = run(pool, u"exits"_s, "{}", 10000);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Runtime.ExitError"_s);
    QVERIFY(result.error.value("errorMessage"_L1).toString().contains("exit status 3"_L1));
}

void tst_CustomRuntime::goBuildErrorNamesItsLine()
{
    needs(u"go"_s);
    write(u"gobroken/go.mod"_s, "module example.com/broken\n\ngo 1.19\n");
    write(u"gobroken/main.go"_s, "package main\n\nfunc main() {\n\tfmt.Println(\"hi\")\n\tundefinedThing()\n}\n");
    InstancePool pool;
    pool.setFunction(spec(u"go"_s, u"gobroken"_s));
    const InvocationResult result = run(pool, u"gobroken"_s, "{}");
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Runtime.BuildError"_s);
    const QString message = result.error.value("errorMessage"_L1).toString();
    QVERIFY2(message.contains("main.go:4:2: undefined: fmt"_L1), qPrintable(message));
    QVERIFY2(message.contains("main.go:5:2: undefined: undefinedThing"_L1), qPrintable(message));
    // The studio finds the lines in the function's own file.
    const QList<SourceLocation> places = StackTrace::userLocations(result.error, mDir.filePath(u"gobroken"_s));
    QVERIFY(!places.isEmpty());
    QCOMPARE(places.first().file, mDir.filePath(u"gobroken/main.go"_s));
    QCOMPARE(places.first().line, 4);
    QVERIFY(!QFileInfo::exists(mDir.filePath(u"gobroken/bootstrap"_s)));
}

void tst_CustomRuntime::goRebuildsWhenItsSourceChanges()
{
    needs(u"go"_s);
    const QString main = u"gochange/main.go"_s;
    auto source = [](const char *word) {
        return QByteArray("package main\n\nimport (\n\t\"io\"\n\t\"net/http\"\n\t\"os\"\n\t\"strings\"\n)\n\n"
                          "func main() {\n\tapi := \"http://\" + os.Getenv(\"AWS_LAMBDA_RUNTIME_API\") + "
                          "\"/2018-06-01/runtime/invocation/\"\n\tfor {\n\t\tresp, _ := http.Get(api + \"next\")\n"
                          "\t\tio.Copy(io.Discard, resp.Body)\n\t\tresp.Body.Close()\n"
                          "\t\tid := resp.Header.Get(\"Lambda-Runtime-Aws-Request-Id\")\n"
                          "\t\tr, _ := http.Post(api+id+\"/response\", \"application/json\", "
                          "strings.NewReader(`\"")
               + word + "\"`))\n\t\tr.Body.Close()\n\t}\n}\n";
    };
    write(u"gochange/go.mod"_s, "module example.com/change\n\ngo 1.19\n");
    write(main, source("first"));
    InstancePool pool;
    pool.setFunction(spec(u"go"_s, u"gochange"_s));
    InvocationResult result = run(pool, u"gochange"_s, "{}");
    QVERIFY2(result.ok, qPrintable(QJsonDocument(result.error).toJson()));
    QCOMPARE(result.resultJson, QByteArray("\"first\""));
    // Warm: the build's own bootstrap did not recycle the worker.
    result = run(pool, u"gochange"_s, "{}");
    QVERIFY(!result.coldStart);
    QThread::msleep(20); // a later modification time than the bootstrap's
    write(main, source("second"));
    QTRY_COMPARE(pool.instanceCount(u"gochange"_s), 0); // the save recycled it
    result = run(pool, u"gochange"_s, "{}");
    QVERIFY2(result.ok, qPrintable(QJsonDocument(result.error).toJson()));
    QCOMPARE(result.resultJson, QByteArray("\"second\""));
    QVERIFY(result.coldStart);
}

void tst_CustomRuntime::goColdStartsAtOnceBuildTogether()
{
    // Three invocations at once start three workers of a function never built: each
    // builds beside the bootstrap and renames over it, so none runs a half-written one.
    needs(u"go"_s);
    InstancePool pool;
    pool.setFunction(spec(u"go"_s, u"gotogether"_s));
    QSignalSpy finished(&pool, &InstancePool::finished);
    for (int i = 0; i < 3; ++i)
        pool.invoke(u"gotogether"_s, R"({"order":1})");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 120000);
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        const auto result = signal.first().value<InvocationResult>();
        QVERIFY2(result.ok, qPrintable(QJsonDocument(result.error).toJson()));
    }
    QCOMPARE(QDir(mDir.filePath(u"gotogether"_s)).entryList({u".bootstrap-build-*"_s}, QDir::Files | QDir::Hidden),
             QStringList());
}

void tst_CustomRuntime::memorySizeIsEnforced()
{
    needs(u"shell"_s);
    // A bootstrap that asks for its invocation, then grows past its memory size.
    write(u"hog/bootstrap"_s,
          "#!/bin/bash\n"
          "curl -sS \"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation/next\" > /dev/null\n"
          "exec python3 -c 'b = []\nwhile True: b.append(bytearray(16 << 20))'\n",
          true);
    InstancePool pool;
    pool.setFunction(spec(u"shell"_s, u"hog"_s, 20, 128));
    const InvocationResult result = run(pool, u"hog"_s, "{}", 30000);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType"_L1).toString(), u"Runtime.OutOfMemory"_s);
}

void tst_CustomRuntime::streamedResponseReachesThePool()
{
    needs(u"shell"_s);
    // curl streams its standard input as chunks, in the Runtime API's streaming mode.
    write(u"stream/bootstrap"_s,
          "#!/bin/bash\nAPI=\"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation\"\nwhile true; do\n"
          "  ID=$(curl -sS -D - -o /dev/null \"$API/next\" | grep -Fi Lambda-Runtime-Aws-Request-Id "
          "| tr -d '[:space:]' | cut -d: -f2)\n"
          "  (printf 'first '; sleep 1; printf 'second') | curl -sS -X POST -T - \"$API/$ID/response\" "
          "-H 'Lambda-Runtime-Function-Response-Mode: streaming' -H 'Transfer-Encoding: chunked' > /dev/null\n"
          "done\n",
          true);
    InstancePool pool;
    pool.setFunction(spec(u"shell"_s, u"stream"_s));
    QSignalSpy streamed(&pool, &InstancePool::streamed);
    QSignalSpy finished(&pool, &InstancePool::finished);
    const QString id = pool.invoke(u"stream"_s, "{}");
    // The first chunk arrives while the function is still writing.
    QTRY_VERIFY_WITH_TIMEOUT(!streamed.isEmpty(), 10000);
    QCOMPARE(streamed.first().at(0).toString(), id);
    QCOMPARE(streamed.first().at(1).toByteArray(), QByteArray("first "));
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<InvocationResult>();
    QVERIFY2(result.ok, qPrintable(QJsonDocument(result.error).toJson()));
    QCOMPARE(result.resultJson, QByteArray("first second"));
}

void tst_CustomRuntime::scaffoldsRun_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("templateName");
    QTest::addColumn<QString>("file");
    QTest::newRow("go") << u"go"_s << QString() << u"main.go"_s;
    QTest::newRow("shell") << u"shell"_s << u"shell"_s << u"bootstrap"_s;
}

void tst_CustomRuntime::scaffoldsRun()
{
    // A new provided.al2023 function's scaffold runs as it is written: Go (main.go and
    // go.mod, built by Nimbus) or a curl bootstrap script.
    QFETCH(QString, client);
    QFETCH(QString, templateName);
    QFETCH(QString, file);
    needs(client);
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    const QJsonArray nodes{QJsonValue(
        QJsonArray{"fn", "function", QJsonObject{{"runtime", "provided.al2023"}, {"handler", "main.handler"}}})};
    QVERIFY(fillProject(project, nodes, {}));
    const NodeId id = project.architecture().nodeByName(u"fn"_s)->id;
    const Result<Scaffold> made = Scaffold::forFunction(project, id, templateName);
    QVERIFY2(made, qPrintable(made.errorMessage()));
    QCOMPARE(made->relativePath, u"functions/fn/"_s + file);
    QVERIFY(!made->content.contains("{{"));
    const Result<void> written = made->write();
    QVERIFY2(written, qPrintable(written.errorMessage()));
    if (client == "go"_L1)
        QVERIFY(readAll(dir.filePath(u"functions/fn/go.mod"_s)).startsWith("module fn"));
    else
        QVERIFY(QFileInfo(dir.filePath(u"functions/fn/bootstrap"_s)).isExecutable());
    const Result<FunctionSpec> spec = FunctionSpec::fromNode(project, id);
    QVERIFY(spec);
    InstancePool pool;
    pool.setFunction(*spec);
    const InvocationResult result = run(pool, u"fn"_s, R"({"hello":"world"})");
    QVERIFY2(result.ok, qPrintable(QJsonDocument(result.error).toJson() + result.logs.join(u'\n')));
    QCOMPARE(QJsonDocument::fromJson(result.resultJson).object().value("ok"_L1).toBool(), true);
    QVERIFY2(result.logs.join(u'\n').contains("fn received"_L1), qPrintable(result.logs.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_CustomRuntime)
#include "tst_customruntime.moc"
