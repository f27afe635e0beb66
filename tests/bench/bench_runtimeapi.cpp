// Custom runtimes on the Lambda Runtime API against the native Node.js worker, in the same
// run on the same machine: cold start (invoke to result on a fresh worker, and the Init
// Duration of its REPORT line) and warm round trip of a trivial echo on
// - the native Node.js worker (nodejs20.x, the fast path),
// - a provided.al2023 Go function (standard library only, built once before timing),
// - the official Node.js runtime interface client (aws-lambda-ric from npm),
// - AWS's tutorial bootstrap (bash and curl), for reference;
// and the first streamed byte: invoke to the first chunk of a response that curl streams
// (Lambda-Runtime-Function-Response-Mode: streaming) while the function goes on for 200 ms.
// Prints figures and the ratios to the native worker; asserts nothing about time. A row
// whose tool is missing (go, curl, build/ric-client) is skipped with the reason.
//
//   build/tests/bench_runtimeapi [cold starts] [warm invocations]     (default 10 200)

#include "runtime/instancepool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * values.size()))];
}

struct Figures
{
    QString name;
    bool ran = false;
    QString skipped;
    std::vector<double> coldMs; // invoke to result on a fresh worker
    std::vector<double> initMs; // Init Duration
    std::vector<double> warmMs;
};

InvocationResult invoke(InstancePool &pool, const QString &function, double *elapsedMs)
{
    QEventLoop loop;
    InvocationResult result;
    auto connection = QObject::connect(&pool, &InstancePool::finished, &loop, [&](const InvocationResult &r) {
        result = r;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    pool.invoke(function, R"({"n": 1})");
    loop.exec();
    QObject::disconnect(connection);
    *elapsedMs = clock.nsecsElapsed() / 1e6;
    return result;
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &entry : QDir(from).entryInfoList(QDir::Files | QDir::NoDotAndDotDot))
        if (!QFile::copy(entry.filePath(), to + u'/' + entry.fileName()))
            return false;
    return true;
}

Figures measure(const QString &name, const FunctionSpec &spec, int colds, int warms)
{
    Figures figures;
    figures.name = name;
    InstancePool pool;
    pool.setFunction(spec);
    double ms = 0;
    // The first run builds a Go function; it is not timed.
    if (const InvocationResult first = invoke(pool, spec.name, &ms); !first.ok) {
        figures.skipped = QString::fromUtf8(first.error.value("errorMessage"_L1).toString().toUtf8().left(200));
        return figures;
    }
    for (int i = 0; i < colds; ++i) {
        pool.recycle(spec.name);
        const InvocationResult r = invoke(pool, spec.name, &ms);
        if (!r.ok || !r.coldStart)
            continue;
        figures.coldMs.push_back(ms);
        figures.initMs.push_back(r.initDurationMs.value_or(0));
    }
    for (int i = 0; i < warms; ++i) {
        const InvocationResult r = invoke(pool, spec.name, &ms);
        if (r.ok && !r.coldStart)
            figures.warmMs.push_back(ms);
    }
    figures.ran = true;
    return figures;
}

FunctionSpec specOf(const QString &name, const QString &runtime, const QString &handler, const QString &folder)
{
    FunctionSpec spec;
    spec.name = name;
    spec.runtime = runtime;
    spec.handler = handler;
    spec.sourceDirectory = folder;
    spec.memoryMB = 512;
    spec.timeoutSeconds = 30;
    spec.environment = {{u"NIMBUS_RIC_DIR"_s, QStringLiteral(NIMBUS_BINARY_DIR "/ric-client")}};
    return spec;
}

void print(const Figures &f, const Figures &native)
{
    if (!f.ran) {
        std::printf("%-24s skipped: %s\n", qPrintable(f.name), qPrintable(f.skipped));
        return;
    }
    const double cold = percentile(f.coldMs, 0.5);
    const double init = percentile(f.initMs, 0.5);
    const double warm = percentile(f.warmMs, 0.5);
    const double nativeCold = percentile(native.coldMs, 0.5);
    const double nativeWarm = percentile(native.warmMs, 0.5);
    std::printf("%-24s cold p50 %7.1f ms (init %7.1f ms, x%.2f)   warm p50 %6.3f ms p95 %6.3f ms (x%.2f)\n",
                qPrintable(f.name), cold, init, nativeCold > 0 ? cold / nativeCold : 0.0, warm,
                percentile(f.warmMs, 0.95), nativeWarm > 0 ? warm / nativeWarm : 0.0);
}

// Warm invocations of a bootstrap that streams "first" at once and "second" 200 ms later:
// from invoke to the first chunk reported by the pool, and to the whole response.
void measureFirstByte(const QString &folder, int runs)
{
    QDir().mkpath(folder);
    QFile bootstrap(folder + u"/bootstrap"_s);
    bootstrap.open(QIODevice::WriteOnly);
    bootstrap.write(
        "#!/bin/bash\nAPI=\"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation\"\nwhile true; do\n"
        "  ID=$(curl -sS -D - -o /dev/null \"$API/next\" | grep -Fi Lambda-Runtime-Aws-Request-Id "
        "| tr -d '[:space:]' | cut -d: -f2)\n"
        "  (printf first; sleep 0.2; printf second) | curl -sS -X POST -T - \"$API/$ID/response\" "
        "-H 'Lambda-Runtime-Function-Response-Mode: streaming' -H 'Transfer-Encoding: chunked' "
        "> /dev/null\ndone\n");
    bootstrap.close();
    bootstrap.setPermissions(bootstrap.permissions() | QFile::ExeOwner);
    InstancePool pool;
    pool.setFunction(specOf(u"stream"_s, u"provided.al2023"_s, u"x.handler"_s, folder));
    std::vector<double> first;
    std::vector<double> whole;
    for (int i = 0; i <= runs; ++i) {
        QEventLoop loop;
        QElapsedTimer clock;
        double firstMs = -1;
        auto chunk = QObject::connect(&pool, &InstancePool::streamed, &loop, [&] {
            if (firstMs < 0)
                firstMs = clock.nsecsElapsed() / 1e6;
        });
        auto done = QObject::connect(&pool, &InstancePool::finished, &loop, [&] { loop.quit(); });
        clock.start();
        pool.invoke(u"stream"_s, "{}");
        loop.exec();
        QObject::disconnect(chunk);
        QObject::disconnect(done);
        if (i > 0 && firstMs >= 0) { // the first run is the cold start
            first.push_back(firstMs);
            whole.push_back(clock.nsecsElapsed() / 1e6);
        }
    }
    std::printf("%-24s first byte p50 %6.1f ms p95 %6.1f ms   whole response p50 %6.1f ms (200 ms apart)\n",
                "streamed (curl)", percentile(first, 0.5), percentile(first, 0.95), percentile(whole, 0.5));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int colds = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    const int warms = argc > 2 ? std::max(1, atoi(argv[2])) : 200;
    qRegisterMetaType<InvocationResult>();
    QTemporaryDir dir;
    const QString data = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/provided/");

    QDir().mkpath(dir.filePath(u"native"_s));
    QFile handler(dir.filePath(u"native/index.mjs"_s));
    handler.open(QIODevice::WriteOnly);
    handler.write("export const handler = async (event) => ({ pid: process.pid, event });\n");
    handler.close();
    const Figures native = measure(u"nodejs20.x (native)"_s,
                                   specOf(u"native"_s, u"nodejs20.x"_s, u"index.handler"_s, dir.filePath(u"native"_s)),
                                   colds, warms);

    QList<Figures> rows;
    auto custom = [&](const QString &name, const QString &client, const QString &runtime, const QString &handlerName,
                      const QString &missing) {
        if (!missing.isEmpty()) {
            Figures skipped;
            skipped.name = name;
            skipped.skipped = missing;
            rows.append(skipped);
            return;
        }
        copyTree(data + client, dir.filePath(client));
        rows.append(measure(name, specOf(client, runtime, handlerName, dir.filePath(client)), colds, warms));
    };
    const bool hasGo = !QStandardPaths::findExecutable(u"go"_s).isEmpty();
    const bool hasCurl = !QStandardPaths::findExecutable(u"curl"_s).isEmpty();
    const bool hasRic = QFileInfo::exists(
        QStringLiteral(NIMBUS_BINARY_DIR "/ric-client/node_modules/aws-lambda-ric/index.mjs"));
    custom(u"provided.al2023 Go"_s, u"go"_s, u"provided.al2023"_s, u"index.handler"_s,
           hasGo ? QString() : u"go is not installed"_s);
    custom(u"aws-lambda-ric (Node.js)"_s, u"ric"_s, u"provided.al2023"_s, u"index.handler"_s,
           hasRic ? QString() : u"build/ric-client has no aws-lambda-ric (scripts/setup.sh test)"_s);
    custom(u"bootstrap with curl"_s, u"shell"_s, u"provided.al2"_s, u"function.handler"_s,
           hasCurl ? QString() : u"curl is not installed"_s);

    std::printf("Runtime API benchmark: %d cold starts and %d warm invocations each; ratios to the native worker\n",
                colds, warms);
    print(native, native);
    for (const Figures &row : std::as_const(rows))
        print(row, native);
    if (hasCurl)
        measureFirstByte(dir.filePath(u"stream"_s), 20);
    return 0;
}
