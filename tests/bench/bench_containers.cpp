// Serverless containers (issue 20 item 6), in the same run on the same machine: the cold
// start from zero (request to answer when no instance runs: the local command's start,
// the wait for its port, the proxied request) and the warm round trip through the
// container pool's proxy against the same Node.js server hit directly. Prints figures and
// the ratio; asserts nothing about time.
//
//   build/tests/bench_containers [cold starts] [warm requests]     (default 10 500)

#include "cloud/containerpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kServer = R"(require('http').createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end('ok');
}).listen(Number(process.env.PORT), '127.0.0.1');
)";

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * values.size()))];
}

void print(const char *what, const std::vector<double> &ms)
{
    std::printf("%-34s p50 %8.2f ms   p90 %8.2f ms   (%zu)\n", what, percentile(ms, 0.5), percentile(ms, 0.9),
                ms.size());
}

// One request through the pool; its duration in ms, or -1 when it failed.
double through(ContainerPool &pool, const ContainerSpec &spec)
{
    QEventLoop loop;
    int status = 0;
    QElapsedTimer clock;
    clock.start();
    pool.request(spec, ContainerRequest(), [&](const ContainerAnswer &answer) {
        status = answer.status;
        loop.quit();
    });
    loop.exec();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    return status == 200 ? ms : -1;
}

double direct(QNetworkAccessManager &network, quint16 port)
{
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/"_s.arg(port))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    reply->deleteLater();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    return ok ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int colds = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    const int warms = argc > 2 ? std::max(1, atoi(argv[2])) : 500;
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty()) {
        std::printf("skipped: node is not on PATH\n");
        return 0;
    }
    qputenv("NIMBUS_CONTAINER_ENGINE", "none");
    QTemporaryDir dir;
    QFile server(dir.filePath(u"server.js"_s));
    if (!server.open(QIODevice::WriteOnly) || server.write(kServer) != kServer.size())
        return 1;
    server.close();
    ContainerSpec spec;
    spec.name = u"bench"_s;
    spec.command = {u"node"_s, u"server.js"_s};
    spec.workingDirectory = dir.path();

    std::vector<double> cold, warm, plain;
    for (int i = 0; i < colds; ++i) {
        ContainerPool pool;
        const double ms = through(pool, spec);
        if (ms < 0) {
            std::printf("the container did not answer\n");
            return 1;
        }
        cold.push_back(ms);
        pool.stopAll();
    }
    ContainerPool pool;
    through(pool, spec); // started: the rest are warm
    for (int i = 0; i < warms; ++i)
        warm.push_back(through(pool, spec));

    // The same server, started by hand, hit directly.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess node;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PORT"_s, QString::number(port));
    node.setProcessEnvironment(environment);
    node.setWorkingDirectory(dir.path());
    node.start(u"node"_s, {u"server.js"_s});
    for (int i = 0; i < 200; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(50))
            break;
        QThread::msleep(20);
    }
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    direct(network, port);
    for (int i = 0; i < warms; ++i)
        plain.push_back(direct(network, port));
    node.kill();
    node.waitForFinished(1000);

    print("cold start from zero (pool)", cold);
    print("warm round trip (pool proxy)", warm);
    print("warm round trip (direct)", plain);
    const double ratio = percentile(plain, 0.5) > 0 ? percentile(warm, 0.5) / percentile(plain, 0.5) : 0;
    std::printf("warm proxy / direct (p50)          %8.2fx\n", ratio);
    return 0;
}
