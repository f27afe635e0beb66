// The HTTP library's limit, for the benchmarks that drive the local cloud over raw HTTP:
// Qt HttpServer (the server nimbus serve is built on) answering every POST / with the
// same small DynamoDB answer, on one thread, with nothing else to do. A request to nimbus
// serve also crosses to the cloud's thread and does the service's work; this server does
// only the parse and the answer. Usage: bench_httplimit PORT (runs until killed).

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUInt()) : 0;
    QHttpServer server;
    server.route(QStringLiteral("/"), QHttpServerRequest::Method::Post, [](const QHttpServerRequest &) {
        QHttpServerResponse response("application/x-amz-json-1.0",
                                     QByteArrayLiteral(R"({"Item":{"id":{"S":"wrk-seed"},"n":{"N":"1"}}})"));
        return response;
    });
    const quint16 listening = server.listen(QHostAddress::LocalHost, port);
    if (!listening) {
        std::fprintf(stderr, "bench_httplimit: cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    std::printf("http://127.0.0.1:%u\n", unsigned(listening));
    std::fflush(stdout);
    return app.exec();
}
