#pragma once

// What the local servers read of a Qt HttpServer request (internal to core/cloud).

#include "httproutes.h"
#include "requestguard.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QString>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <utility>

namespace Nimbus {

inline QString httpMethodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("UNKNOWN");
    }
}

// Method, decoded and sent path, raw query, headers, body, peer and time of a request.
inline void readRequest(const QHttpServerRequest &request, HttpRequestData *data)
{
    data->method = httpMethodName(request.method());
    const QUrl url = request.url();
    data->path = url.path(QUrl::FullyDecoded);
    data->rawPath = url.path(QUrl::FullyEncoded).toLatin1();
    if (data->path.isEmpty()) {
        data->path = QStringLiteral("/");
        data->rawPath = "/";
    }
    data->query = url.query(QUrl::FullyEncoded).toUtf8();
    data->headers = request.headers();
    data->body = request.body();
    data->sourceIp = request.remoteAddress().toString();
    data->when = QDateTime::currentDateTimeUtc();
}

// The HTTP server of the gateway and of the AWS endpoint: listens behind a
// GuardedTcpServer of its own, restarts the guard's count of a connection at each
// request read, and hands the request to the function that serves it.
class GuardedHttpServer : public QAbstractHttpServer
{
public:
    using Serve = std::function<void(const QHttpServerRequest &request, QTcpSocket *socket)>;

    explicit GuardedHttpServer(Serve serve) : mServe(std::move(serve)) { }

    // For the function that serves: the responder of a request.
    using QAbstractHttpServer::makeResponder;

    // What answers a request with a whole response, now or later (nothing once the client is gone).
    static std::function<void(const HttpResponseData &)> answerOf(const QHttpServerRequest &request, QTcpSocket *socket)
    {
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        QPointer<QTcpSocket> alive(socket);
        return [responder, alive](const HttpResponseData &response) {
            if (!alive)
                return;
            responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
            for (const auto &[key, value] : response.headers)
                responder->writeHeader(key, value);
            responder->writeHeader("content-length", QByteArray::number(response.body.size()));
            responder->writeBody(response.body);
        };
    }

    // Listens on address:port, which guard then accepts as this machine's; the port, or
    // 0 when it cannot.
    quint16 listenGuarded(RequestGuard *guard, GuardedTcpServer::BodyLimit limit, GuardedTcpServer::Refusal refusal,
                          const QHostAddress &address, quint16 port)
    {
        auto *tcp = new GuardedTcpServer(guard, std::move(limit), std::move(refusal));
        tcp->setParent(this); // closed and deleted with the HTTP server
        if (!tcp->listen(address, port))
            return 0;
        bind(tcp);
        guard->setListenAddress(address);
        return tcp->serverPort();
    }

    // Accepts from a socket already listening (a duplicate of another server's), with
    // guard's rules, once the returned server resumes accepting; nullptr when the
    // descriptor is not a listening socket.
    GuardedTcpServer *acceptFrom(qintptr descriptor, const RequestGuard *guard, GuardedTcpServer::BodyLimit limit,
                                 GuardedTcpServer::Refusal refusal, GuardedTcpServer::Spill spill = {})
    {
        auto *tcp = new GuardedTcpServer(guard, std::move(limit), std::move(refusal));
        tcp->setParent(this);
        tcp->setSpill(std::move(spill));
        if (!tcp->setSocketDescriptor(descriptor))
            return nullptr;
        // Before this thread's event loop can accept anything.
        tcp->pauseAccepting();
        bind(tcp);
        return tcp;
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        GuardedTcpServer::requestRead(socket);
        mServe(request, socket);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    Serve mServe;
};

} // namespace Nimbus
