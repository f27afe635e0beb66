// Local runtime figures: warm round trip and throughput on one instance, cold start
// against the bare interpreter start, and (when installed) `serverless invoke local`
// on the same trivial handler. Reports figures; asserts nothing about time.
//
//   build/tests/bench_runtime [path/to/serverless]
//   (scripts/bench-runtime.sh installs serverless@3 from npm and runs it)

#include "runtime/instancepool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {

struct Stats
{
    std::vector<double> ms;
    double percentile(double p)
    {
        std::sort(ms.begin(), ms.end());
        return ms[std::min(ms.size() - 1, size_t(p * ms.size()))];
    }
};

double invokeOnce(InstancePool &pool, const QString &function, bool *ok)
{
    QEventLoop loop;
    bool good = false;
    auto c = QObject::connect(&pool, &InstancePool::finished, &loop, [&](const InvocationResult &r) {
        good = r.ok;
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    pool.invoke(function, "{\"n\": 1}");
    loop.exec();
    QObject::disconnect(c);
    *ok = good;
    return t.nsecsElapsed() / 1e6;
}

double runProcess(const QString &program, const QStringList &args, const QString &dir = {})
{
    QProcess p;
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    p.waitForFinished(120000);
    return p.exitCode() == 0 ? t.nsecsElapsed() / 1e6 : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath("node"));
    QDir().mkpath(dir.filePath("python"));
    QFile js(dir.filePath("node/handler.js"));
    js.open(QIODevice::WriteOnly);
    js.write("exports.hello = async (event) => ({ statusCode: 200, body: JSON.stringify({ n: event.n }) });\n");
    js.close();
    QFile py(dir.filePath("python/handler.py"));
    py.open(QIODevice::WriteOnly);
    py.write("def hello(event, context):\n    return {'statusCode': 200, 'body': str(event.get('n'))}\n");
    py.close();

    InstancePool pool;
    for (const auto &[name, runtime] : {std::pair{"node", "nodejs20.x"}, std::pair{"python", "python3.12"}}) {
        FunctionSpec spec;
        spec.name = QString::fromLatin1(name);
        spec.runtime = QString::fromLatin1(runtime);
        spec.handler = QStringLiteral("handler.hello");
        spec.sourceDirectory = dir.filePath(spec.name);
        pool.setFunction(spec);
    }

    for (const char *name : {"node", "python"}) {
        const QString function = QString::fromLatin1(name);
        bool ok = false;
        invokeOnce(pool, function, &ok); // cold, not counted
        if (!ok) {
            std::fprintf(stderr, "%s: the trivial handler failed\n", name);
            return 1;
        }
        Stats warm;
        QElapsedTimer total;
        total.start();
        const int n = 3000;
        for (int i = 0; i < n; ++i)
            warm.ms.push_back(invokeOnce(pool, function, &ok));
        const double seconds = total.nsecsElapsed() / 1e9;
        std::printf("%-7s warm round trip: median %.3f ms, p99 %.3f ms; %.0f invocations/s on one instance\n", name,
                    warm.percentile(0.5), warm.percentile(0.99), n / seconds);

        Stats cold;
        for (int i = 0; i < 15; ++i) {
            pool.recycle(function);
            cold.ms.push_back(invokeOnce(pool, function, &ok));
        }
        Stats bare;
        const bool isNode = function == QLatin1String("node");
        const QString interpreter = QStandardPaths::findExecutable(isNode ? QStringLiteral("node")
                                                                          : QStringLiteral("python3"));
        for (int i = 0; i < 15; ++i)
            bare.ms.push_back(runProcess(interpreter, isNode
                                                          ? QStringList{QStringLiteral("-e"), QStringLiteral("0")}
                                                          : QStringList{QStringLiteral("-c"), QStringLiteral("pass")}));
        std::printf("%-7s cold start (spawn to result): median %.1f ms; bare `%s` median %.1f ms; ratio %.2f\n", name,
                    cold.percentile(0.5), isNode ? "node -e 0" : "python3 -c pass", bare.percentile(0.5),
                    cold.percentile(0.5) / bare.percentile(0.5));
    }

    // `serverless invoke local` on the same handler, when serverless@3 is at hand.
    const QString serverless = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                        : QStandardPaths::findExecutable(QStringLiteral("serverless"));
    if (serverless.isEmpty() || !QFile::exists(serverless)) {
        std::printf(
            "serverless invoke local: skipped (serverless@3 not installed; scripts/bench-runtime.sh installs it)\n");
        return 0;
    }
    QFile yml(dir.filePath("node/serverless.yml"));
    yml.open(QIODevice::WriteOnly);
    yml.write("service: bench\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: nodejs20.x\n"
              "functions:\n  hello:\n    handler: handler.hello\n");
    yml.close();
    Stats sls;
    for (int i = 0; i < 5; ++i) {
        const double ms = runProcess(serverless,
                                     {QStringLiteral("invoke"), QStringLiteral("local"), QStringLiteral("-f"),
                                      QStringLiteral("hello"), QStringLiteral("-d"), QStringLiteral("{\"n\":1}")},
                                     dir.filePath("node"));
        if (ms < 0) {
            std::printf("serverless invoke local: failed to run\n");
            return 0;
        }
        sls.ms.push_back(ms);
    }
    bool ok = false;
    Stats warm;
    for (int i = 0; i < 200; ++i)
        warm.ms.push_back(invokeOnce(pool, QStringLiteral("node"), &ok));
    std::printf("serverless invoke local: median %.1f ms per invoke; Nimbus warm median %.3f ms: %.0fx faster\n",
                sls.percentile(0.5), warm.percentile(0.5), sls.percentile(0.5) / warm.percentile(0.5));
    return 0;
}
