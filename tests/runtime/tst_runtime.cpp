#include "runtime/eventtemplates.h"
#include "runtime/instance.h"
#include "runtime/instancepool.h"
#include "runtime/stacktrace.h"
#include "storage/projectfile.h"

#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <signal.h>

using namespace Nimbus;
using namespace NimbusTest;
using namespace Qt::StringLiterals;

// Real node and python3 workers (installed by scripts/setup.sh), driven through the pool.
class tst_Runtime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void handlerStyles_data();
    void handlerStyles();
    void initOnceAndWarmState_data();
    void initOnceAndWarmState();
    void errors_data();
    void errors();
    void timeouts_data();
    void timeouts();
    void memoryHogIsKilled();
    void maxMemoryUsedIsTheWorkersPeak();
    void crashIsContainedAndNextIsFresh();
    void logFloodKeepsProtocol();
    void handlersQueuedWorkLogsInItsInvocation_data();
    void handlersQueuedWorkLogsInItsInvocation();
    void oversizedPayloads();
    void largeFramesBothWays_data();
    void largeFramesBothWays();
    void concurrencyLimit_data();
    void concurrencyLimit();
    void environmentIsIsolated();
    void traceHeaderOfEachInvocation();
    void invokeStoreOfEachInvocation();
    void contextFields_data();
    void contextFields();
    void timeoutDoesNotStopOthers();
    void cancelEndsRunningAndQueued();
    void spareServesTheNextColdStart_data();
    void spareServesTheNextColdStart();
    void spareTakesTheFunctionsOwnVariablesAndFolder_data();
    void spareTakesTheFunctionsOwnVariablesAndFolder();
    void sparesAreBoundedAndEndWithThePool();
    void nodeHeapFollowsMemorySize_data();
    void nodeHeapFollowsMemorySize();
    void spareSaysWhenItIsReady_data();
    void spareSaysWhenItIsReady();
    void startupVariablesNeedAFreshWorker();
    void coldStartProfileNamesTheSlowestImport_data();
    void coldStartProfileNamesTheSlowestImport();
    void recycleMakesNextCold();
    void savingCodeRecycles();
    void idleInstancesScaleToZero();
    void exampleHandlerRuns();
    void exampleHandlersWithTheSdk_data();
    void exampleHandlersWithTheSdk();
    void spawnedProcessesEndWithTheInstance_data();
    void forksAreBounded();
    void spawnedProcessesEndWithTheInstance();

private:
    FunctionSpec spec(const QString &name, const QString &runtime, const QString &handler, int timeout = 3,
                      int memory = 256);
    void write(const QString &relative, const QByteArray &content);
    QList<InvocationResult> run(InstancePool &pool, const QString &function, const QByteArray &event, int times = 1);

    QTemporaryDir mDir;
};

void tst_Runtime::write(const QString &relative, const QByteArray &content)
{
    const QString path = mDir.filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    QVERIFY(writeAll(path, content));
}

FunctionSpec tst_Runtime::spec(const QString &name, const QString &runtime, const QString &handler, int timeout,
                               int memory)
{
    FunctionSpec s;
    s.name = name;
    s.runtime = runtime;
    s.handler = handler;
    s.sourceDirectory = mDir.filePath(name);
    s.timeoutSeconds = timeout;
    s.memoryMB = memory;
    s.environment = {{"GREETING", "bonjour"}};
    return s;
}

QList<InvocationResult> tst_Runtime::run(InstancePool &pool, const QString &function, const QByteArray &event,
                                         int times)
{
    QList<InvocationResult> results;
    for (int i = 0; i < times; ++i) {
        QSignalSpy spy(&pool, &InstancePool::finished);
        pool.invoke(function, event);
        if (!spy.wait(20000))
            return results;
        results.append(spy.first().first().value<InvocationResult>());
    }
    return results;
}

void tst_Runtime::initTestCase()
{
    qRegisterMetaType<InvocationResult>();
    // Handlers with a slow and a fast dependency, for the cold-start profile.
    write("profilejs/slow.js", "const end = Date.now() + 150; while (Date.now() < end) {}\nmodule.exports = 1;\n");
    write("profilejs/fast.js", "module.exports = 2;\n");
    write("profilejs/index.js", "const slow = require('./slow');\nconst fast = require('./fast');\n"
                                "exports.handler = async () => slow + fast;\n");
    write("profilemjs/slow.mjs", "const end = Date.now() + 150; while (Date.now() < end) {}\nexport default 1;\n");
    write("profilemjs/fast.mjs", "export default 2;\n");
    write("profilemjs/index.mjs", "import slow from './slow.mjs';\nimport fast from './fast.mjs';\n"
                                  "export const handler = async () => slow + fast;\n");
    // What a worker knows of its function: for spares, which must take it over whole.
    const QByteArray whoJs =
        "exports.handler = async () => ({ greeting: process.env.GREETING ?? null,"
        " secret: process.env.SECRET ?? null, spare: process.env.NIMBUS_SPARE ?? null,"
        " name: process.env.AWS_LAMBDA_FUNCTION_NAME, cwd: process.cwd(),"
        " tz: new Date(0).getTimezoneOffset(), sdk: require.resolve('@aws-sdk/client-s3').length > 0 });\n";
    // What a Node.js worker's heap may grow to, and whether global.gc is there.
    const QByteArray heapJs = "const v8 = require('v8');\nexports.handler = async () => ({ gc: typeof global.gc,\n"
                              "  limitMB: v8.getHeapStatistics().heap_size_limit / 1048576 });\n";
    write("heapjs/index.js", heapJs);
    write("heapjs2/index.js", heapJs);
    write("whojs/index.js", whoJs);
    write("whojs2/index.js", whoJs);
    const QByteArray whoPy =
        "import os, time\n"
        "def handler(event, context):\n"
        "    return {'greeting': os.environ.get('GREETING'), 'secret': os.environ.get('SECRET'),"
        " 'spare': os.environ.get('NIMBUS_SPARE'), 'name': os.environ.get('AWS_LAMBDA_FUNCTION_NAME'),"
        " 'cwd': os.getcwd(), 'tz': time.timezone, 'sdk': True}\n";
    write("whopy/app.py", whoPy);
    write("whopy2/app.py", whoPy);
    write("profilepy/slowdep.py", "import time\ntime.sleep(0.15)\nVALUE = 1\n");
    write("profilepy/fastdep.py", "VALUE = 2\n");
    write("profilepy/app.py", "import slowdep\nimport fastdep\n"
                              "def handler(event, context):\n    return slowdep.VALUE + fastdep.VALUE\n");
    write("cjs/index.js", "exports.handler = async (event) => ({ style: 'cjs-async', echo: event.x });\n");
    write("callback/index.js", "exports.handler = (event, context, callback) => {\n"
                               "  setTimeout(() => callback(null, { style: 'callback', echo: event.x }), 5);\n};\n");
    write("esm/index.mjs", "export const handler = async (event) => ({ style: 'esm', echo: event.x });\n");
    write("typemodule/package.json", R"({"type": "module"})");
    write("typemodule/index.js",
          "export const handler = async (event) => ({ style: 'type-module', echo: event.x });\n");
    write("python/app.py", "def handler(event, context):\n    return {'style': 'python', 'echo': event.get('x')}\n");
    write("nodestate/index.js", "console.log('init');\nlet count = 0;\n"
                                "exports.handler = async () => ({ count: ++count });\n");
    write("pystate/app.py", "print('init')\ncount = 0\ndef handler(event, context):\n"
                            "    global count\n    count += 1\n    return {'count': count}\n");
    write("nodeerrors/index.js", "exports.handler = async (event) => {\n"
                                 "  if (event.kind === 'throw') throw new TypeError('bad input');\n"
                                 "  if (event.kind === 'bigint') return { n: 10n };\n"
                                 "  if (event.kind === 'big') return 'x'.repeat(7 * 1024 * 1024);\n"
                                 "  if (event.kind === 'reject') return Promise.reject(new RangeError('nope'));\n"
                                 "  return 'ok';\n};\n");
    write("pyerrors/app.py", "def handler(event, context):\n"
                             "    if event['kind'] == 'throw':\n        raise ValueError('bad input')\n"
                             "    if event['kind'] == 'set':\n        return {1, 2}\n"
                             "    if event['kind'] == 'exit':\n        import sys; sys.exit(2)\n"
                             "    return 'ok'\n");
    write("needsdep/index.mjs",
          "import { thing } from 'no-such-package';\nexport const handler = async () => thing;\n");
    write("broken/index.js", "exports.handler = async () => { return 1 \n");
    write("brokenesm/index.mjs", "export const handler = async () => {\n  const x = ;\n};\n");
    write("brokenpy/app.py", "def handler(event, context):\n    x = (\n    return 1\n");
    write("missing/app.py", "def other(event, context):\n    return 1\n");
    write("spin/index.js", "exports.handler = async () => { for (;;) {} };\n");
    write("sleeper/app.py", "import time\ndef handler(event, context):\n    time.sleep(60)\n");
    write("hog/index.js", "exports.handler = async () => {\n  const keep = [];\n"
                          "  for (;;) keep.push(Buffer.alloc(1 << 20, 1));\n};\n");
    write("crash/index.js", "let calls = 0;\nexports.handler = async (event) => {\n  calls++;\n"
                            "  if (event.exit) process.exit(3);\n  return { calls };\n};\n");
    write("flood/index.js", "exports.handler = async () => {\n"
                            "  for (let i = 0; i < 20000; i++) console.log('line ' + i + ' {\"type\":\"result\"}');\n"
                            "  console.error('to stderr');\n  return { done: true };\n};\n");
    write("spawner/index.js", "const { spawn } = require('node:child_process');\n"
                              "exports.handler = async (event) => {\n"
                              "  if (event.spin) { for (;;) {} }\n"
                              "  if (event.exit) process.exit(3);\n"
                              "  if (event.hog) { const keep = []; for (;;) keep.push(Buffer.alloc(1 << 20, 1)); }\n"
                              "  const child = spawn('sleep', ['60'], { stdio: 'ignore' });\n"
                              "  return { pid: child.pid };\n};\n");
    write("forker/index.js",
          "const { spawn } = require('node:child_process');\n"
          "exports.handler = async () => {\n"
          "  const pids = [];\n"
          "  for (let i = 0; i < 100; i++) pids.push(spawn('sleep', ['31'], { stdio: 'ignore' }).pid);\n"
          "  console.log(JSON.stringify(pids));\n"
          "  await new Promise(() => {});\n};\n");
    // Megabytes each way: the event's length and end, and a result as large as asked.
    write("bigjs/index.js", "exports.handler = async (event) => ({ length: event.x.length, tail: event.x.slice(-4),"
                            " back: 'y'.repeat(event.back - 1) + '\u20ac' });\n");
    write("bigpy/app.py", "def handler(event, context):\n"
                          "    return {'length': len(event['x']), 'tail': event['x'][-4:],"
                          " 'back': 'y' * (event['back'] - 1) + '\u20ac'}\n");
    // The trace header as the code, the variables' list and a child process see it.
    write("trace/index.js",
          "const { execFileSync } = require('node:child_process');\n"
          "exports.handler = async () => ({ trace: process.env._X_AMZN_TRACE_ID,"
          " listed: Object.keys(process.env).includes('_X_AMZN_TRACE_ID') && '_X_AMZN_TRACE_ID' in process.env,"
          " child: execFileSync('sh', ['-c', 'printf %s \"$_X_AMZN_TRACE_ID\"'], { encoding: 'utf8' }),"
          " copied: { ...process.env }._X_AMZN_TRACE_ID, greeting: process.env.GREETING });\n");
    // Lambda's invoke store as @aws/lambda-invoke-store (which the SDK depends on) finds it.
    write("store/index.js",
          "const preset = globalThis.awslambda.InvokeStore;\n"
          "const atLoad = preset ? preset.getRequestId() : null;\n"
          "const { InvokeStore } = require('@aws/lambda-invoke-store');\n"
          "exports.handler = async (event, context) => {\n"
          "  const store = await InvokeStore.getInstanceAsync();\n"
          "  const before = store.get('mine');\n"
          "  store.set('mine', context.awsRequestId);\n"
          "  let refused = false;\n"
          "  try { store.set(Symbol.for('_AWS_LAMBDA_REQUEST_ID'), 'forged'); } catch { refused = true; }\n"
          "  await new Promise((r) => setTimeout(r, 1));\n"
          "  return { id: store.getRequestId(), trace: store.getXRayTraceId() ?? null,\n"
          "           env: process.env._X_AMZN_TRACE_ID,\n"
          "           before: before ?? null, mine: store.get('mine'), has: store.hasContext(), refused,\n"
          "           shared: preset === store, atLoad,\n"
          "           inContext: store.getContext()[Symbol.for('_AWS_LAMBDA_X_RAY_TRACE_ID')] ?? null };\n"
          "};\n");
    write("slow/index.js", "exports.handler = async () => { await new Promise(r => setTimeout(r, 50)); return 1; };\n");
    write("env/index.js", "exports.handler = async () => process.env;\n");
    write("nodectx/index.js",
          "exports.handler = async (event, context) => ({ name: context.functionName, version: "
          "context.functionVersion, arn: context.invokedFunctionArn, memory: context.memoryLimitInMB, "
          "id: context.awsRequestId, group: context.logGroupName, stream: context.logStreamName, "
          "remaining: context.getRemainingTimeInMillis(), waits: context.callbackWaitsForEmptyEventLoop });\n");
    write("pyctx/app.py", "def handler(event, context):\n"
                          "    return {'name': context.function_name, 'version': context.function_version,\n"
                          "            'arn': context.invoked_function_arn, 'memory': context.memory_limit_in_mb,\n"
                          "            'id': context.aws_request_id, 'group': context.log_group_name,\n"
                          "            'stream': context.log_stream_name,\n"
                          "            'remaining': context.get_remaining_time_in_millis(), 'waits': True}\n");
}

void tst_Runtime::handlerStyles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("style");
    QTest::newRow("CommonJS async") << "cjs"
                                    << "nodejs20.x"
                                    << "index.handler"
                                    << "cjs-async";
    QTest::newRow("callback") << "callback"
                              << "nodejs20.x"
                              << "index.handler"
                              << "callback";
    QTest::newRow("ESM .mjs") << "esm"
                              << "nodejs22.x"
                              << "index.handler"
                              << "esm";
    QTest::newRow("type module") << "typemodule"
                                 << "nodejs20.x"
                                 << "index.handler"
                                 << "type-module";
    QTest::newRow("Python") << "python"
                            << "python3.12"
                            << "app.handler"
                            << "python";
}

void tst_Runtime::handlerStyles()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QString, style);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler));
    const QList<InvocationResult> r = run(pool, name, R"({"x": 42})");
    QCOMPARE(r.size(), 1);
    QVERIFY2(r[0].ok, QJsonDocument(r[0].error).toJson().constData());
    const QJsonObject result = QJsonDocument::fromJson(r[0].resultJson).object();
    QCOMPARE(result.value("style").toString(), style);
    QCOMPARE(result.value("echo").toInt(), 42);
    QVERIFY(r[0].coldStart);
    QVERIFY(r[0].initDurationMs.has_value());
    QVERIFY(r[0].reportLine().contains("Init Duration:"));
}

void tst_Runtime::initOnceAndWarmState_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::newRow("node") << "nodestate"
                          << "nodejs20.x"
                          << "index.handler";
    QTest::newRow("python") << "pystate"
                            << "python3.11"
                            << "app.handler";
}

void tst_Runtime::initOnceAndWarmState()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler));
    const QList<InvocationResult> r = run(pool, name, "{}", 3);
    QCOMPARE(r.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(r[i].ok);
        QCOMPARE(QJsonDocument::fromJson(r[i].resultJson).object().value("count").toInt(), i + 1);
        QCOMPARE(r[i].coldStart, i == 0);
        QCOMPARE(r[i].initDurationMs.has_value(), i == 0);
    }
    QCOMPARE(pool.instanceCount(name), 1);
}

void tst_Runtime::errors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("message");

    QTest::newRow("node throws") << "nodeerrors"
                                 << "nodejs20.x"
                                 << "index.handler" << QByteArray(R"({"kind": "throw"})") << "TypeError"
                                 << "bad input";
    QTest::newRow("node rejects") << "nodeerrors"
                                  << "nodejs20.x"
                                  << "index.handler" << QByteArray(R"({"kind": "reject"})") << "RangeError"
                                  << "nope";
    QTest::newRow("not serialisable") << "nodeerrors"
                                      << "nodejs20.x"
                                      << "index.handler" << QByteArray(R"({"kind": "bigint"})")
                                      << "Runtime.ResponseSerializationError"
                                      << "BigInt";
    QTest::newRow("result too big") << "nodeerrors"
                                    << "nodejs20.x"
                                    << "index.handler" << QByteArray(R"({"kind": "big"})")
                                    << "Function.ResponseSizeTooLarge"
                                    << "exceeded maximum allowed payload size (6291456 bytes)";
    QTest::newRow("python raises") << "pyerrors"
                                   << "python3.12"
                                   << "app.handler" << QByteArray(R"({"kind": "throw"})") << "ValueError"
                                   << "bad input";
    QTest::newRow("python set") << "pyerrors"
                                << "python3.12"
                                << "app.handler" << QByteArray(R"({"kind": "set"})") << "Runtime.MarshalError"
                                << "not JSON serializable";
    QTest::newRow("python sys.exit") << "pyerrors"
                                     << "python3.12"
                                     << "app.handler" << QByteArray(R"({"kind": "exit"})") << "Runtime.ExitError"
                                     << "exit status 2";
    QTest::newRow("syntax error") << "broken"
                                  << "nodejs20.x"
                                  << "index.handler" << QByteArray("{}") << "Runtime.UserCodeSyntaxError"
                                  << "SyntaxError: Unexpected end of input";
    QTest::newRow("syntax error, esm") << "brokenesm"
                                       << "nodejs20.x"
                                       << "index.handler" << QByteArray("{}") << "Runtime.UserCodeSyntaxError"
                                       << "SyntaxError: Unexpected token ';'";
    QTest::newRow("syntax error, python") << "brokenpy"
                                          << "python3.12"
                                          << "app.handler" << QByteArray("{}") << "Runtime.UserCodeSyntaxError"
                                          << "Syntax error in module 'app'";
    QTest::newRow("handler missing") << "missing"
                                     << "python3.12"
                                     << "app.handler" << QByteArray("{}") << "Runtime.HandlerNotFound"
                                     << "Handler 'handler' missing";
    QTest::newRow("import missing") << "needsdep"
                                    << "nodejs20.x"
                                    << "index.handler" << QByteArray("{}") << "Runtime.ImportModuleError"
                                    << "Cannot find package 'no-such-package'";
    QTest::newRow("module missing") << "missing"
                                    << "nodejs20.x"
                                    << "nothere.handler" << QByteArray("{}") << "Runtime.ImportModuleError"
                                    << "Cannot find module 'nothere'";
}

void tst_Runtime::errors()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QByteArray, event);
    QFETCH(QString, errorType);
    QFETCH(QString, message);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler));
    const QList<InvocationResult> r = run(pool, name, event);
    QCOMPARE(r.size(), 1);
    QVERIFY(!r[0].ok);
    QCOMPARE(r[0].error.value("errorType").toString(), errorType);
    QVERIFY2(r[0].error.value("errorMessage").toString().contains(message),
             qPrintable(r[0].error.value("errorMessage").toString()));
    QVERIFY(r[0].error.value("stackTrace").isArray());
    // Only the user's frames: the worker's own and the language's internals are noise.
    for (const QJsonValue &frame : r[0].error.value("stackTrace").toArray())
        QVERIFY2(!frame.toString().contains("bootstrap") && !frame.toString().contains("node:internal")
                     && !frame.toString().contains("<frozen"),
                 qPrintable(frame.toString()));
    if (errorType == "TypeError" || errorType == "ValueError")
        QVERIFY(!r[0].error.value("stackTrace").toArray().isEmpty());
    // A syntax error says where it is, so that the editor can go there.
    if (errorType == "Runtime.UserCodeSyntaxError") {
        const QList<SourceLocation> places = StackTrace::userLocations(r[0].error, mDir.filePath(name));
        QVERIFY2(!places.isEmpty(), QJsonDocument(r[0].error).toJson().constData());
        QCOMPARE(QFileInfo(places[0].file).fileName(), name == "brokenpy"    ? QString("app.py")
                                                       : name == "brokenesm" ? QString("index.mjs")
                                                                             : QString("index.js"));
        QCOMPARE(places[0].line, 2);
    }
}

void tst_Runtime::timeouts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::newRow("busy loop") << "spin"
                               << "nodejs20.x"
                               << "index.handler";
    QTest::newRow("blocking call") << "sleeper"
                                   << "python3.12"
                                   << "app.handler";
}

void tst_Runtime::timeouts()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler, 1));
    const QList<InvocationResult> r = run(pool, name, "{}");
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].error.value("errorType").toString(), QStringLiteral("Sandbox.Timedout"));
    QVERIFY(r[0].error.value("errorMessage").toString().endsWith("Task timed out after 1.00 seconds"));
    // Measured from the invocation's start, the result comes within 200 ms of the limit.
    QVERIFY2(r[0].durationMs >= 1000 && r[0].durationMs < 1200, qPrintable(QString::number(r[0].durationMs)));
    QCOMPARE(pool.instanceCount(name), 0); // the instance was ended
}

void tst_Runtime::memoryHogIsKilled()
{
    InstancePool pool;
    pool.setFunction(spec("hog", "nodejs20.x", "index.handler", 30, 128));
    const QList<InvocationResult> r = run(pool, "hog", "{}");
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].error.value("errorType").toString(), QStringLiteral("Runtime.OutOfMemory"));
    QVERIFY(r[0].error.value("errorMessage").toString().contains("memory size of 128 MB"));
    QCOMPARE(r[0].maxMemoryUsedMB, 128);
}

// Max Memory Used is the worker's peak (the kernel's VmHWM), read on a cold start and at
// every 16th invocation; between those, its resident set at the end.
void tst_Runtime::maxMemoryUsedIsTheWorkersPeak()
{
    write(u"peak/handler.py"_s, "def handler(event, context):\n"
                                "    if event.get('mb'):\n"
                                "        block = b'x' * (event['mb'] * 1024 * 1024)\n"
                                "        del block\n" // given back at once: only the peak shows it
                                "    return 1\n");
    InstancePool pool;
    pool.setFunction(spec(u"peak"_s, u"python3.12"_s, u"handler.handler"_s, 10, 512));
    const QList<InvocationResult> first = run(pool, u"peak"_s, "{}", 16);
    QCOMPARE(first.size(), 16);
    QVERIFY(first[0].coldStart);
    const int cold = first[0].maxMemoryUsedMB;
    QVERIFY2(cold >= 5 && cold < 512, qPrintable(QString::number(cold))); // an interpreter takes some
    const QList<InvocationResult> sixteenth = run(pool, u"peak"_s, R"({"mb": 24})");
    QCOMPARE(sixteenth.size(), 1);
    QVERIFY(!sixteenth[0].coldStart);
    QVERIFY2(sixteenth[0].maxMemoryUsedMB >= cold + 20,
             qPrintable(u"%1 MB after %2 MB"_s.arg(sixteenth[0].maxMemoryUsedMB).arg(cold)));
}

void tst_Runtime::crashIsContainedAndNextIsFresh()
{
    InstancePool pool;
    pool.setFunction(spec("crash", "nodejs20.x", "index.handler"));
    QList<InvocationResult> r = run(pool, "crash", "{}", 2);
    QCOMPARE(QJsonDocument::fromJson(r[1].resultJson).object().value("calls").toInt(), 2);
    r = run(pool, "crash", R"({"exit": true})");
    QCOMPARE(r[0].error.value("errorType").toString(), QStringLiteral("Runtime.ExitError"));
    QVERIFY(r[0].error.value("errorMessage").toString().contains("exit status 3"));
    r = run(pool, "crash", "{}");
    QVERIFY(r[0].ok);
    QVERIFY(r[0].coldStart);
    QCOMPARE(QJsonDocument::fromJson(r[0].resultJson).object().value("calls").toInt(), 1);
}

void tst_Runtime::handlersQueuedWorkLogsInItsInvocation_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("returns a value") << QByteArray(
        "exports.handler = (event) => { Promise.resolve().then(() => console.log('queued', event.n)); "
        "return event.n; };\n");
    QTest::newRow("calls back at once") << QByteArray(
        "exports.handler = (event, context, callback) => { Promise.resolve().then(() => console.log('queued', "
        "event.n)); callback(null, event.n); };\n");
}

// What a handler queued before it returned (a promise's then that logs) runs inside its
// invocation, as it did when the answer waited for the handler's promise: its line is in
// that invocation's logs, not the next one's.
void tst_Runtime::handlersQueuedWorkLogsInItsInvocation()
{
    QFETCH(QByteArray, code);
    const QString name = QStringLiteral("queued%1").arg(QTest::currentDataTag()[0] == 'r' ? 1 : 2);
    write(name + "/index.js", code);
    InstancePool pool;
    pool.setFunction(spec(name, "nodejs20.x", "index.handler"));
    QList<InvocationResult> results;
    for (int n = 1; n <= 2; ++n) {
        const QList<InvocationResult> r = run(pool, name, QByteArray("{\"n\": ") + QByteArray::number(n) + "}");
        QCOMPARE(r.size(), 1);
        QVERIFY2(r[0].ok, QJsonDocument(r[0].error).toJson().constData());
        results.append(r[0]);
    }
    for (int n = 1; n <= 2; ++n) {
        const QString logs = results[n - 1].logs.join('\n');
        QVERIFY2(logs.contains(QStringLiteral("queued %1").arg(n)), qPrintable(logs));
        QVERIFY2(!logs.contains(QStringLiteral("queued %1").arg(3 - n)), qPrintable(logs));
    }
}

void tst_Runtime::logFloodKeepsProtocol()
{
    InstancePool pool;
    pool.setFunction(spec("flood", "nodejs20.x", "index.handler", 30));
    const QList<InvocationResult> r = run(pool, "flood", "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY(r[0].ok);
    QCOMPARE(QJsonDocument::fromJson(r[0].resultJson).object().value("done").toBool(), true);
    QCOMPARE(r[0].logs.size(), 20001);
    QVERIFY(r[0].logs.first().contains(r[0].requestId));
    QVERIFY(r[0].logs.first().endsWith("line 0 {\"type\":\"result\"}"));
    // stderr is its own stream: its line is there, though not ordered against stdout's.
    QCOMPARE(std::count_if(r[0].logs.cbegin(), r[0].logs.cend(),
                           [](const QString &line) { return line.endsWith("to stderr"); }),
             1);
    QVERIFY(r[0].logs.at(19999).endsWith("line 19999 {\"type\":\"result\"}")
            || r[0].logs.at(20000).endsWith("line 19999 {\"type\":\"result\"}"));
}

void tst_Runtime::oversizedPayloads()
{
    InstancePool pool;
    pool.setFunction(spec("cjs", "nodejs20.x", "index.handler"));
    const QByteArray big = "{\"x\": \"" + QByteArray(7 * 1024 * 1024, 'a') + "\"}";
    const QList<InvocationResult> r = run(pool, "cjs", big);
    QCOMPARE(r[0].error.value("errorType").toString(), QStringLiteral("RequestEntityTooLargeException"));
    QVERIFY(r[0].error.value("errorMessage").toString().contains("6291456 bytes"));
    QCOMPARE(pool.instanceCount("cjs"), 0); // refused before any worker started
}

void tst_Runtime::largeFramesBothWays_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::newRow("Node.js") << "bigjs"
                             << "nodejs20.x"
                             << "index.handler";
    QTest::newRow("Python") << "bigpy"
                            << "python3.12"
                            << "app.handler";
}

// An event and a result of megabytes cross the worker's channel in many reads and writes
// (more than a socket holds): each arrives whole, with the multi-byte characters that a
// read splits, and the small invocations before and after get their own answers.
void tst_Runtime::largeFramesBothWays()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler, 20, 1024));
    // "\u00e9\u20ac" is five bytes in UTF-8 (two, then three): reads end inside characters.
    const QString big = QString::fromUtf8("\xc3\xa9\xe2\x82\xac").repeated(700000) + QStringLiteral("end");
    const QList<QPair<QString, int>> invocations = {
        {QStringLiteral("small"), 1}, {big, 2000000}, {QStringLiteral("again"), 3}};
    for (const auto &[text, back] : invocations) {
        const QJsonObject event{{"x", text}, {"back", back}};
        const QList<InvocationResult> r = run(pool, name, QJsonDocument(event).toJson(QJsonDocument::Compact));
        QCOMPARE(r.size(), 1);
        QVERIFY2(r[0].ok, QJsonDocument(r[0].error).toJson().constData());
        const QJsonObject result = QJsonDocument::fromJson(r[0].resultJson).object();
        QCOMPARE(result.value("length").toInt(), text.size());
        QCOMPARE(result.value("tail").toString(), text.right(4));
        QCOMPARE(result.value("back").toString(), QString(back - 1, 'y') + QChar(0x20ac));
    }
    QCOMPARE(pool.instanceCount(name), 1); // one worker served all three
}

void tst_Runtime::concurrencyLimit_data()
{
    QTest::addColumn<bool>("queue");
    QTest::newRow("reject the excess") << false;
    QTest::newRow("queue the excess") << true;
}

void tst_Runtime::concurrencyLimit()
{
    QFETCH(bool, queue);
    InstancePool pool;
    FunctionSpec s = spec("slow", "nodejs20.x", "index.handler", 10);
    s.reservedConcurrency = 10;
    pool.setFunction(s);
    int ok = 0;
    int throttled = 0;
    int maxBusy = 0;
    int done = 0;
    connect(&pool, &InstancePool::finished, this, [&](const InvocationResult &r) {
        ++done;
        ok += r.ok;
        throttled += r.error.value("errorType").toString() == "TooManyRequestsException";
        maxBusy = std::max(maxBusy, pool.busyCount("slow"));
    });
    for (int i = 0; i < 100; ++i) {
        pool.invoke("slow", "{}", queue ? InstancePool::Overflow::Queue : InstancePool::Overflow::Reject);
        maxBusy = std::max(maxBusy, pool.busyCount("slow"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 100, 60000);
    QVERIFY(maxBusy <= 10);
    QCOMPARE(pool.instanceCount("slow"), 10);
    if (queue) {
        QCOMPARE(ok, 100);
        QCOMPARE(throttled, 0);
    } else {
        QCOMPARE(ok, 10);
        QCOMPARE(throttled, 90);
    }
}

void tst_Runtime::environmentIsIsolated()
{
    qputenv("NIMBUS_STUDIO_SECRET", "must-not-leak");
    InstancePool pool;
    pool.setFunction(spec("env", "nodejs20.x", "index.handler"));
    const QList<InvocationResult> r = run(pool, "env", "{}");
    QVERIFY(r[0].ok);
    const QJsonObject env = QJsonDocument::fromJson(r[0].resultJson).object();
    QCOMPARE(env.value("GREETING").toString(), QStringLiteral("bonjour"));
    QCOMPARE(env.value("AWS_LAMBDA_FUNCTION_NAME").toString(), QStringLiteral("env"));
    QCOMPARE(env.value("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").toString(), QStringLiteral("256"));
    QCOMPARE(env.value("AWS_REGION").toString(), QStringLiteral("us-east-1"));
    QCOMPARE(env.value("TZ").toString(), QStringLiteral(":UTC"));
    QCOMPARE(env.value("LAMBDA_TASK_ROOT").toString(), mDir.filePath("env"));
    QVERIFY(!env.contains("NIMBUS_STUDIO_SECRET"));
    QVERIFY(!env.contains("HOME"));
    QVERIFY(!env.contains("NIMBUS_DATA_DIR"));
    QVERIFY(!env.contains("QT_QPA_PLATFORM"));
}

// The X-Ray trace header a worker makes of an invocation's request id, as Lambda's.
static QString traceHeaderOf(const QString &requestId)
{
    const QString digits = QString(requestId).remove('-');
    return QStringLiteral("Root=1-%1-%2;Parent=%3;Sampled=0")
        .arg(digits.left(8), digits.mid(8, 24), digits.mid(16, 16));
}

// Each invocation's X-Ray trace header, made of its request id, is what the code, the
// list of variables and a child process see in _X_AMZN_TRACE_ID (the SDK sends it with
// every call, which tells the local cloud what caused a write).
void tst_Runtime::traceHeaderOfEachInvocation()
{
    InstancePool pool;
    pool.setFunction(spec("trace", "nodejs20.x", "index.handler"));
    const QList<InvocationResult> r = run(pool, "trace", "{}", 2);
    QCOMPARE(r.size(), 2);
    for (const InvocationResult &result : r) {
        QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
        const QString header = traceHeaderOf(result.requestId);
        const QJsonObject seen = QJsonDocument::fromJson(result.resultJson).object();
        QCOMPARE(seen.value("trace").toString(), header);
        QCOMPARE(seen.value("listed").toBool(), true);
        QCOMPARE(seen.value("child").toString(), header);
        QCOMPARE(seen.value("copied").toString(), header);
        QCOMPARE(seen.value("greeting").toString(), QStringLiteral("bonjour"));
    }
    QVERIFY(r[0].requestId != r[1].requestId);
}

// The invoke store Lambda's Node.js runtime keeps (awslambda.InvokeStore, which
// @aws/lambda-invoke-store's getInstanceAsync() returns): each invocation's request id
// and trace header, a context of its own for what the code sets, the protected keys refused.
void tst_Runtime::invokeStoreOfEachInvocation()
{
    QVERIFY2(QFileInfo::exists(Instance::sdkDirectory() + "/node_modules/@aws/lambda-invoke-store"),
             "the AWS SDK (which brings @aws/lambda-invoke-store) is installed by scripts/setup.sh");
    InstancePool pool;
    pool.setFunction(spec("store", "nodejs20.x", "index.handler"));
    const QList<InvocationResult> r = run(pool, "store", "{}", 2);
    QCOMPARE(r.size(), 2);
    for (const InvocationResult &result : r) {
        QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
        const QString header = traceHeaderOf(result.requestId);
        const QJsonObject seen = QJsonDocument::fromJson(result.resultJson).object();
        QCOMPARE(seen.value("id").toString(), result.requestId);
        QCOMPARE(seen.value("trace").toString(), header);
        QCOMPARE(seen.value("env").toString(), header);
        QCOMPARE(seen.value("inContext").toString(), header);
        QVERIFY(seen.value("before").isNull()); // the invocation before set it in its own context
        QCOMPARE(seen.value("mine").toString(), result.requestId);
        QCOMPARE(seen.value("has").toBool(), true);
        QCOMPARE(seen.value("refused").toBool(), true);
        // The runtime's own store, there before the library was loaded, empty then.
        QCOMPARE(seen.value("shared").toBool(), true);
        QCOMPARE(seen.value("atLoad").toString(), QStringLiteral("-"));
    }
    QVERIFY(r[0].requestId != r[1].requestId);
}

void tst_Runtime::contextFields_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::newRow("node") << "nodectx"
                          << "nodejs20.x"
                          << "index.handler";
    QTest::newRow("python") << "pyctx"
                            << "python3.12"
                            << "app.handler";
}

void tst_Runtime::contextFields()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler, 5));
    const QList<InvocationResult> r = run(pool, name, "{}");
    QVERIFY2(r[0].ok, QJsonDocument(r[0].error).toJson().constData());
    const QJsonObject c = QJsonDocument::fromJson(r[0].resultJson).object();
    QCOMPARE(c.value("name").toString(), name);
    QCOMPARE(c.value("version").toString(), QStringLiteral("$LATEST"));
    QCOMPARE(c.value("arn").toString(), "arn:aws:lambda:us-east-1:000000000000:function:" + name);
    QCOMPARE(c.value("memory").toVariant().toInt(), 256);
    QCOMPARE(c.value("id").toString(), r[0].requestId);
    QCOMPARE(c.value("group").toString(), "/aws/lambda/" + name);
    QVERIFY(!c.value("stream").toString().isEmpty());
    QVERIFY(c.value("remaining").toInt() > 4000 && c.value("remaining").toInt() <= 5000);
    QCOMPARE(c.value("waits").toBool(), true);
}

void tst_Runtime::timeoutDoesNotStopOthers()
{
    InstancePool pool;
    pool.setFunction(spec("spin", "nodejs20.x", "index.handler", 2));
    pool.setFunction(spec("cjs", "nodejs20.x", "index.handler"));
    QList<InvocationResult> results;
    connect(&pool, &InstancePool::finished, this, [&](const InvocationResult &r) {
        results.append(r);
        if (r.functionName == "cjs" && results.size() < 20)
            pool.invoke("cjs", R"({"x": 1})");
    });
    pool.invoke("spin", "{}");
    pool.invoke("cjs", R"({"x": 1})");
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(results.cbegin(), results.cend(),
                                         [](const InvocationResult &r) { return r.functionName == "spin"; }),
                             10000);
    // While the busy loop ran, the other function kept answering.
    int answeredBefore = 0;
    for (const InvocationResult &r : results) {
        if (r.functionName == "spin")
            break;
        answeredBefore += r.ok;
    }
    QVERIFY2(answeredBefore >= 5, qPrintable(QString::number(answeredBefore)));
    // The loop was stopped by its own 2-second timeout (how soon after is the machine's
    // business: timings are for the benchmarks), and said so as Lambda does.
    const auto spin = std::find_if(results.cbegin(), results.cend(),
                                   [](const InvocationResult &r) { return r.functionName == "spin"; });
    QVERIFY(!spin->ok);
    QCOMPARE(spin->error.value("errorType").toString(), QStringLiteral("Sandbox.Timedout"));
    QVERIFY2(spin->durationMs >= 2000, qPrintable(QString::number(spin->durationMs)));
}

void tst_Runtime::cancelEndsRunningAndQueued()
{
    // A busy loop with a 60-second timeout and room for one: the second waits its turn.
    InstancePool pool;
    FunctionSpec looping = spec("spin", "nodejs20.x", "index.handler", 60);
    looping.reservedConcurrency = 1;
    pool.setFunction(looping);
    QList<InvocationResult> results;
    connect(&pool, &InstancePool::finished, this, [&](const InvocationResult &r) { results.append(r); });
    const QString running = pool.invoke("spin", "{}", InstancePool::Overflow::Queue);
    const QString queued = pool.invoke("spin", "{}", InstancePool::Overflow::Queue);
    QTRY_COMPARE_WITH_TIMEOUT(pool.busyCount("spin"), 1, 10000);
    QVERIFY(!pool.cancel(QStringLiteral("no-such-request")));
    QVERIFY(pool.cancel(queued));
    QVERIFY(pool.cancel(running));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000); // not the 60 s of the timeout
    for (const InvocationResult &r : results) {
        QVERIFY(!r.ok);
        QCOMPARE(r.error.value("errorType").toString(), QStringLiteral("Cancelled"));
    }
    QVERIFY(results[0].requestId == queued || results[1].requestId == queued);
    QTRY_COMPARE(pool.instanceCount("spin"), 0); // the looping worker has ended
}

void tst_Runtime::spareServesTheNextColdStart_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::newRow("Node.js") << "whojs"
                             << "nodejs20.x"
                             << "index.handler";
    QTest::newRow("Python") << "whopy"
                            << "python3.12"
                            << "app.handler";
}

// The edit-run loop: the first cold start spawns, and leaves a spare behind; a save
// recycles the function and the next cold start takes the spare, which reports what the
// user waited beside Lambda's Init Duration; another spare follows.
void tst_Runtime::spareServesTheNextColdStart()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    InstancePool pool;
    pool.setSparesEnabled(true);
    pool.setFunction(spec(name, runtime, handler));
    QList<InvocationResult> r = run(pool, name, "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY2(r[0].ok && r[0].coldStart, r[0].resultJson.constData());
    QVERIFY(!r[0].spareWorker);
    QVERIFY(r[0].studioStartMs.has_value());
    QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000);
    const qint64 sparePid = pool.spareProcessIds().value(0);

    pool.recycle(name); // what a save does
    r = run(pool, name, "{}", 2);
    QCOMPARE(r.size(), 2);
    QVERIFY2(r[0].ok && r[0].coldStart && r[0].spareWorker, r[0].resultJson.constData());
    QVERIFY(r[0].initDurationMs.has_value() && r[0].studioStartMs.has_value());
    QVERIFY(r[0].toJson().value("spareWorker").toBool());
    const QJsonObject who = QJsonDocument::fromJson(r[0].resultJson).object();
    QCOMPARE(who["greeting"].toString(), QString("bonjour"));
    QVERIFY(who["spare"].isNull());
    QVERIFY(!r[1].coldStart && !r[1].studioStartMs.has_value()); // warm: nothing waited
    QCOMPARE(pool.instanceCount(name), 1);
    QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000);
    QVERIFY(pool.spareProcessIds().value(0) != sparePid); // a new one, the old one is the function's
}

void tst_Runtime::spareTakesTheFunctionsOwnVariablesAndFolder_data()
{
    spareServesTheNextColdStart_data();
}

// A spare starts with the runtime's variables only and takes all of its function's,
// secrets included, as it binds; the next function gets another spare, with nothing of
// the first one's.
void tst_Runtime::spareTakesTheFunctionsOwnVariablesAndFolder()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    InstancePool pool;
    pool.setSparesEnabled(true);
    FunctionSpec first = spec(name, runtime, handler);
    first.environment = {{"GREETING", "hello"}, {"SECRET", "first-secret"}};
    FunctionSpec second = spec(name + "2", runtime, handler);
    second.environment = {{"GREETING", "hola"}};
    pool.setFunction(first);
    pool.setFunction(second);
    QCOMPARE(run(pool, first.name, "{}").size(), 1); // leaves a spare
    QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000);
    const QList<InvocationResult> r = run(pool, second.name, "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY2(r[0].ok && r[0].spareWorker, r[0].resultJson.constData());
    const QJsonObject who = QJsonDocument::fromJson(r[0].resultJson).object();
    QCOMPARE(who["greeting"].toString(), QString("hola"));
    QVERIFY2(who["secret"].isNull(), r[0].resultJson.constData());
    QVERIFY(who["spare"].isNull());
    QCOMPARE(who["name"].toString(), second.name);
    QCOMPARE(QDir(who["cwd"].toString()).canonicalPath(), QDir(second.sourceDirectory).canonicalPath());
    QCOMPARE(who["tz"].toInt(), 0); // UTC, as Lambda
    QVERIFY(who["sdk"].toBool()); // the SDK is found as in a worker started for the function
}

// Lambda's Node.js runtimes start node with global.gc and a heap sized from the memory
// size, so that V8 collects within it instead of growing past it: node's own default here
// is a heap of gigabytes, which let a 128 MB function's worker reach 115 MB of resident
// memory with a plain SDK call. A spare is sized for the memory of the function that
// made it, and one sized for another is not used.
void tst_Runtime::nodeHeapFollowsMemorySize_data()
{
    QTest::addColumn<int>("memory");
    QTest::addColumn<int>("other");
    QTest::newRow("128 MB, then 1024 MB") << 128 << 1024;
    QTest::newRow("1024 MB, then 128 MB") << 1024 << 128;
}

static QString heapProblem(const InvocationResult &r, int memory)
{
    if (!r.ok)
        return QString::fromUtf8(r.resultJson) + QJsonDocument(r.error).toJson();
    const QJsonObject heap = QJsonDocument::fromJson(r.resultJson).object();
    if (heap.value("gc").toString() != "function")
        return "global.gc is not a function: " + QString::fromUtf8(r.resultJson);
    // V8 adds the young generation to the old one: 140 MB for 128 MB, 1,114 for 1,024.
    const double limit = heap.value("limitMB").toDouble();
    if (limit < memory || limit > 1.2 * memory)
        return QStringLiteral("a heap of up to %1 MB for %2 MB of memory").arg(limit).arg(memory);
    return {};
}

void tst_Runtime::nodeHeapFollowsMemorySize()
{
    QFETCH(int, memory);
    QFETCH(int, other);
    InstancePool pool;
    pool.setSparesEnabled(true);
    pool.setFunction(spec("heapjs", "nodejs20.x", "index.handler", 10, memory));
    QList<InvocationResult> r = run(pool, "heapjs", "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY(r[0].coldStart && !r[0].spareWorker);
    QString problem = heapProblem(r[0], memory);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000); // sized for memory

    pool.setFunction(spec("heapjs2", "nodejs20.x", "index.handler", 10, other));
    r = run(pool, "heapjs2", "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY2(r[0].coldStart && !r[0].spareWorker, "a spare sized for another memory size was used");
    problem = heapProblem(r[0], other);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000); // now sized for other
    pool.recycle("heapjs2");
    r = run(pool, "heapjs2", "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY(r[0].coldStart && r[0].spareWorker);
    problem = heapProblem(r[0], other);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// A process that ended but that nobody reaped yet.
static bool isZombie(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) == "Z";
}

// One spare per interpreter however many functions start, and none outlives its pool.
void tst_Runtime::sparesAreBoundedAndEndWithThePool()
{
    QList<qint64> pids;
    {
        InstancePool pool;
        pool.setSparesEnabled(true);
        for (const QString &name : {QString("whojs"), QString("whojs2"), QString("cjs")}) {
            pool.setFunction(spec(name, "nodejs20.x", "index.handler"));
            QCOMPARE(run(pool, name, "{}").size(), 1);
        }
        pool.setFunction(spec("whopy", "python3.12", "app.handler"));
        QCOMPARE(run(pool, "whopy", "{}").size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 2, 10000); // node and python3
        QTest::qWait(500); // the delayed starts of the later cold starts have all run
        QCOMPARE(pool.spareCount(), 2);
        pids = pool.spareProcessIds();
        QCOMPARE(pids.size(), 2);
        for (qint64 pid : std::as_const(pids))
            QVERIFY(::kill(pid_t(pid), 0) == 0);
        pool.setSparesEnabled(false);
        QCOMPARE(pool.spareCount(), 0);
        pool.setSparesEnabled(true);
        QCOMPARE(run(pool, "whojs", "{}").size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000);
        pids += pool.spareProcessIds();
    }
    for (qint64 pid : std::as_const(pids))
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0 || isZombie(pid), 5000);
}

void tst_Runtime::spareSaysWhenItIsReady_data()
{
    spareServesTheNextColdStart_data();
}

// A spare is ready once its bootstrap says it waits for a function (the pool counts only
// those: a bind then loads the handler only), not when its process has started; bound,
// it is a function's worker and no spare any more.
void tst_Runtime::spareSaysWhenItIsReady()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QObject owner;
    const Result<Instance *> started = Instance::startSpare(runtime, 256, &owner); // spec()'s memory
    QVERIFY2(started, qPrintable(started.errorMessage()));
    Instance *spare = *started;
    QCOMPARE(spare->state(), Instance::State::Spare);
    QVERIFY(!spare->isSpareReady()); // nothing read from the worker yet: its interpreter is starting
    QTRY_VERIFY_WITH_TIMEOUT(spare->isSpareReady(), 10000);
    QVERIFY(spare->bind(spec(name, runtime, handler)));
    QVERIFY(!spare->isSpareReady());
    QSignalSpy finished(spare, &Instance::finished);
    spare->invoke(QStringLiteral("a5b1c2d3-0000-4000-8000-000000000001"), "{}");
    QVERIFY(finished.wait(20000));
    const InvocationResult result = finished.first().first().value<InvocationResult>();
    QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
    QCOMPARE(QJsonDocument::fromJson(result.resultJson).object().value("name").toString(), name);
    QVERIFY(result.spareWorker);
}

// NODE_OPTIONS (or PYTHON*, LD_PRELOAD) is read as the interpreter starts: a spare
// started without it cannot serve the function.
void tst_Runtime::startupVariablesNeedAFreshWorker()
{
    InstancePool pool;
    pool.setSparesEnabled(true);
    FunctionSpec s = spec("whojs", "nodejs20.x", "index.handler");
    s.environment = {{"GREETING", "hi"}, {"NODE_OPTIONS", "--max-old-space-size=100"}};
    QVERIFY(!Instance::canUseSpare(s));
    pool.setFunction(spec("cjs", "nodejs20.x", "index.handler"));
    QCOMPARE(run(pool, "cjs", "{}").size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(pool.spareCount(), 1, 10000);
    pool.setFunction(s);
    const QList<InvocationResult> r = run(pool, "whojs", "{}");
    QCOMPARE(r.size(), 1);
    QVERIFY(r[0].ok && r[0].coldStart && !r[0].spareWorker);
    QCOMPARE(pool.spareCount(), 1); // still there for a function that can take it
}

void tst_Runtime::coldStartProfileNamesTheSlowestImport_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("slowest"); // what the handler imported that took longest
    QTest::addColumn<QString>("fast");
    QTest::newRow("Node.js, CommonJS") << "profilejs"
                                       << "nodejs20.x"
                                       << "index.handler"
                                       << "slow.js"
                                       << "fast.js";
    QTest::newRow("Node.js, ES module") << "profilemjs"
                                        << "nodejs20.x"
                                        << "index.handler"
                                        << "slow.mjs"
                                        << "fast.mjs";
    QTest::newRow("Python") << "profilepy"
                            << "python3.12"
                            << "app.handler"
                            << "slowdep"
                            << "fastdep";
}

void tst_Runtime::coldStartProfileNamesTheSlowestImport()
{
    QFETCH(QString, name);
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QString, slowest);
    QFETCH(QString, fast);
    InstancePool pool;
    pool.setFunction(spec(name, runtime, handler));
    const QList<InvocationResult> r = run(pool, name, "{}", 2);
    QCOMPARE(r.size(), 2);
    QVERIFY(r[0].ok && r[0].coldStart);
    // Ranked by cumulative time: the handler's module (which includes the slow one) first,
    // then the slow dependency, whose own time is most of it; the fast one last.
    QStringList modules;
    for (const QJsonValue &t : r[0].imports)
        modules << t[QStringLiteral("module")].toString();
    QVERIFY2(modules.size() >= 3, qPrintable(modules.join(", ")));
    QCOMPARE(modules.at(1), slowest);
    QCOMPARE(modules.last(), fast);
    const QJsonObject slow = r[0].imports.at(1).toObject();
    QVERIFY2(slow["selfMs"].toDouble() >= 140, qPrintable(QString::number(slow["selfMs"].toDouble())));
    QVERIFY(r[0].imports.at(0).toObject()["cumulativeMs"].toDouble() >= slow["cumulativeMs"].toDouble());
    QVERIFY(r[0].toJson().contains("imports"));
    // A warm start has no load to profile.
    QVERIFY(!r[1].coldStart && r[1].imports.isEmpty());
}

void tst_Runtime::recycleMakesNextCold()
{
    InstancePool pool;
    pool.setFunction(spec("nodestate", "nodejs20.x", "index.handler"));
    QCOMPARE(run(pool, "nodestate", "{}", 2).last().coldStart, false);
    pool.recycle("nodestate");
    const QList<InvocationResult> r = run(pool, "nodestate", "{}");
    QVERIFY(r[0].coldStart);
    QCOMPARE(QJsonDocument::fromJson(r[0].resultJson).object().value("count").toInt(), 1);
}

void tst_Runtime::savingCodeRecycles()
{
    write("reload/index.js", "exports.handler = async () => 'v1';\n");
    InstancePool pool;
    pool.setFunction(spec("reload", "nodejs20.x", "index.handler"));
    QCOMPARE(run(pool, "reload", "{}", 2).last().resultJson, QByteArray("\"v1\""));
    QCOMPARE(pool.instanceCount("reload"), 1);
    write("reload/index.js", "exports.handler = async () => 'v2';\n");
    QTRY_COMPARE(pool.instanceCount("reload"), 0);
    const QList<InvocationResult> r = run(pool, "reload", "{}");
    QVERIFY(r[0].coldStart);
    QCOMPARE(r[0].resultJson, QByteArray("\"v2\""));
    // And again: the watch survives the change.
    write("reload/index.js", "exports.handler = async () => 'v3';\n");
    QTRY_COMPARE(pool.instanceCount("reload"), 0);
    QCOMPARE(run(pool, "reload", "{}").value(0).resultJson, QByteArray("\"v3\""));
}

void tst_Runtime::idleInstancesScaleToZero()
{
    InstancePool pool;
    pool.setIdleTimeout(100);
    pool.setFunction(spec("cjs", "nodejs20.x", "index.handler"));
    QVERIFY(run(pool, "cjs", "{}").value(0).ok);
    QCOMPARE(pool.instanceCount("cjs"), 1);
    QTRY_COMPARE(pool.instanceCount("cjs"), 0);
}

void tst_Runtime::exampleHandlerRuns()
{
    // notifyCustomer needs no AWS service: it runs unchanged from the example.
    FunctionSpec s;
    s.name = "notifyCustomer";
    s.runtime = "nodejs20.x";
    s.handler = "index.handler";
    s.sourceDirectory = QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/functions/notifyCustomer");
    s.environment = {{"SENDER_ADDRESS", "orders@shop.example"}};
    InstancePool pool;
    pool.setFunction(s);
    const QByteArray event =
        R"({"Records": [{"Sns": {"Message": "{\"type\": \"order.received\", \"orderId\": \"0123456789\", \"email\": \"ana@example.com\", \"total\": 12.5}"}}]})";
    const QList<InvocationResult> r = run(pool, "notifyCustomer", event);
    QVERIFY2(r[0].ok, QJsonDocument(r[0].error).toJson().constData());
    QCOMPARE(QJsonDocument::fromJson(r[0].resultJson).object().value("recipients").toArray().at(0).toString(),
             QStringLiteral("ana@example.com"));
    QVERIFY(r[0].logs.join('\n').contains("Your order 01234567 is confirmed"));
}

void tst_Runtime::exampleHandlersWithTheSdk_data()
{
    // Every example handler that needs no service yet runs unchanged: the SDK clients
    // load (ESM through the resolve hook, CommonJS through NODE_PATH, boto3 from Debian)
    // and the handler answers before reaching a service.
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("templateId");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("getItem (ESM) refuses a bad id")
        << "getItem"
        << "apigateway-http-v2" << QStringList{"path=/items/bad!"} << "statusCode" << QJsonValue(400);
    QTest::newRow("createOrder (CommonJS) refuses a bad order")
        << "createOrder"
        << "apigateway-http-v2" << QStringList{"method=POST", "route=/orders", "path=/orders", "body={\"items\": []}"}
        << "statusCode" << QJsonValue(422);
    QTest::newRow("processOrder (boto3), empty batch") << "processOrder"
                                                       << "sqs" << QStringList{} << "" << QJsonValue();
    QTest::newRow("describeImage (boto3), no record")
        << "describeImage"
        << "s3-put" << QStringList{} << "described" << QJsonValue(QJsonArray());
    QTest::newRow("notifyCustomer")
        << "notifyCustomer"
        << "sns"
        << QStringList{R"(message={"type": "order.received", "orderId": "0123456789", "email": "a@b.example", "total": 3})"}
        << "notified" << QJsonValue(1);
}

void tst_Runtime::exampleHandlersWithTheSdk()
{
    QFETCH(QString, function);
    QFETCH(QString, templateId);
    QFETCH(QStringList, settings);
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, expected);
    QVERIFY2(QFileInfo::exists(Instance::sdkDirectory() + "/node_modules/@aws-sdk/client-dynamodb"),
             "the AWS SDK is installed by scripts/setup.sh");
    const QString json = QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json");
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(json, project));
    const Result<FunctionSpec> spec = FunctionSpec::fromNode(project, project.architecture().nodeByName(function)->id);
    QVERIFY(spec);
    const FunctionSpec &s = *spec;
    QHash<QString, QString> values;
    for (const QString &setting : settings)
        values.insert(setting.section('=', 0, 0), setting.section('=', 1));
    const Result<QByteArray> generated = EventTemplates::builtin().generate(templateId, values);
    QVERIFY(generated);
    QByteArray event = *generated;
    if (function == "processOrder" || function == "describeImage") // no record: no service call
        event = R"({"Records": []})";
    InstancePool pool;
    pool.setFunction(s);
    const QList<InvocationResult> r = run(pool, function, event);
    QVERIFY2(r.value(0).ok, QJsonDocument(r.value(0).error).toJson().constData());
    const QJsonObject result = QJsonDocument::fromJson(r[0].resultJson).object();
    if (pointer.isEmpty())
        QCOMPARE(result.value("batchItemFailures").toArray().size(), 0);
    else
        QCOMPARE(result.value(pointer), expected);
}

void tst_Runtime::spawnedProcessesEndWithTheInstance_data()
{
    QTest::addColumn<QByteArray>("event"); // what ends the worker; none: a recycle
    QTest::addColumn<QString>("errorType");
    QTest::newRow("killed at a timeout") << QByteArray(R"({"spin": true})") << "Sandbox.Timedout";
    QTest::newRow("killed above its memory") << QByteArray(R"({"hog": true})") << "Runtime.OutOfMemory";
    QTest::newRow("worker exits by itself") << QByteArray(R"({"exit": true})") << "Runtime.ExitError";
    QTest::newRow("recycled") << QByteArray() << QString();
}

void tst_Runtime::spawnedProcessesEndWithTheInstance()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, errorType);
    InstancePool pool;
    pool.setFunction(spec("spawner", "nodejs20.x", "index.handler", 1));
    const QList<InvocationResult> r = run(pool, "spawner", "{}");
    QVERIFY2(r.value(0).ok, QJsonDocument(r.value(0).error).toJson().constData());
    const qint64 child = QJsonDocument::fromJson(r[0].resultJson).object().value("pid").toInteger();
    QVERIFY(child > 0);
    QVERIFY(QFileInfo::exists(QStringLiteral("/proc/%1").arg(child)));
    if (!event.isEmpty())
        QCOMPARE(run(pool, "spawner", event).value(0).error.value("errorType").toString(), errorType);
    else
        pool.recycle("spawner");
    // The child is gone (a zombie at most, until its reaper collects it).
    auto alive = [child] {
        QFile status(QStringLiteral("/proc/%1/status").arg(child));
        return status.open(QIODevice::ReadOnly) && !status.readAll().contains("State:\tZ");
    };
    QTRY_VERIFY_WITH_TIMEOUT(!alive(), 3000);
}

void tst_Runtime::forksAreBounded()
{
    InstancePool pool;
    pool.setFunction(spec("forker", "nodejs20.x", "index.handler", 20));
    const QList<InvocationResult> r = run(pool, "forker", "{}");
    QCOMPARE(r.value(0).error.value("errorType").toString(), QStringLiteral("Runtime.TooManyProcesses"));
    QVERIFY(r[0].durationMs < 5000); // stopped by the bound, long before the timeout
    // And none of what it started is left running (the forker's children sleep 31 s).
    auto sleepers = [] {
        int n = 0;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
            QFile status(QStringLiteral("/proc/%1/status").arg(entry));
            if (cmdline.open(QIODevice::ReadOnly)
                && cmdline.readAll()
                       == QByteArray("sleep\0"
                                     "31\0",
                                     9)
                && status.open(QIODevice::ReadOnly) && !status.readAll().contains("State:\tZ"))
                ++n;
        }
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(sleepers(), 0, 3000);
}

QTEST_GUILESS_MAIN(tst_Runtime)
#include "tst_runtime.moc"
