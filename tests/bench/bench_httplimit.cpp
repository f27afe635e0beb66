// The HTTP library's limit, for the benchmarks that drive the local cloud over raw HTTP:
// Qt HttpServer (the server nimbus serve is built on) answering every POST / with the
// same small DynamoDB answer, with nothing else to do. A request to nimbus serve also
// crosses to the cloud's thread and does the service's work; this server does only the
// parse and the answer. With THREADS above 1 it reads and answers on that many threads,
// each connection on the next in turn, as nimbus serve's endpoint spreads its own.
// Usage: bench_httplimit PORT [THREADS] (runs until killed).

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>
#include <QThread>

#include <cstdio>
#include <vector>

namespace {

// Serves the connections the front hands it, on its own thread.
class Lane : public QTcpServer
{
public:
    void adopt(qintptr descriptor)
    {
        incomingConnection(descriptor);
        emit newConnection();
    }
};

// Accepts on the port and hands each connection to the next lane.
class Front : public QTcpServer
{
public:
    std::vector<Lane *> lanes;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        Lane *lane = lanes[mNext++ % lanes.size()];
        QMetaObject::invokeMethod(lane, [lane, descriptor] { lane->adopt(descriptor); });
    }

private:
    size_t mNext = 0;
};

void addRoute(QHttpServer *server)
{
    server->route(QStringLiteral("/"), QHttpServerRequest::Method::Post, [](const QHttpServerRequest &) {
        QHttpServerResponse response("application/x-amz-json-1.0",
                                     QByteArrayLiteral(R"({"Item":{"id":{"S":"wrk-seed"},"n":{"N":"1"}}})"));
        return response;
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUInt()) : 0;
    const int threads = argc > 2 ? qBound(1, QByteArray(argv[2]).toInt(), 16) : 1;
    QHttpServer server;
    Front front;
    quint16 listening = 0;
    if (threads == 1) {
        addRoute(&server);
        listening = server.listen(QHostAddress::LocalHost, port);
    } else {
        for (int i = 0; i < threads; ++i) {
            auto *thread = new QThread(&app);
            thread->start();
            auto *lane = new Lane;
            // Listening (on a port of its own that nobody uses), as QHttpServer expects.
            lane->listen(QHostAddress::LocalHost, 0);
            lane->moveToThread(thread);
            QMetaObject::invokeMethod(
                lane,
                [lane] {
                auto *laneServer = new QHttpServer;
                addRoute(laneServer);
                laneServer->bind(lane);
                },
                Qt::BlockingQueuedConnection);
            front.lanes.push_back(lane);
        }
        if (front.listen(QHostAddress::LocalHost, port))
            listening = front.serverPort();
    }
    if (!listening) {
        std::fprintf(stderr, "bench_httplimit: cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    std::printf("http://127.0.0.1:%u\n", unsigned(listening));
    std::fflush(stdout);
    return app.exec();
}
