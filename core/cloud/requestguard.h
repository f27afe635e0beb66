#pragma once

// What keeps the local cloud's ports for the user's own tools (internal to core/cloud).
// Every program and every web page on the machine can reach 127.0.0.1: a page cannot
// read a foreign answer, but it can send a form or text POST without a preflight, and
// with DNS rebinding it reaches the port under its own host name. So each request must
// name a loopback host and carry no foreign origin, and its size is bounded before its
// body is buffered.

#include "httproutes.h"

#include <QAtomicInt>
#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QTcpServer>

#include <functional>
#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace Nimbus {

class RequestGuard
{
public:
    // The host names and addresses accepted besides the loopback ones: the address the
    // server is bound to (and, bound to every interface, this machine's own addresses
    // and host name), as the user asked with --host.
    void setListenAddress(const QHostAddress &address);
    QHostAddress listenAddress() const { return mListenAddress; }

    // Why a request is refused (403), or nullopt: a Host that is not this machine's, an
    // Origin that is not a loopback page, or a cross-site fetch.
    std::optional<QString> refusal(const HttpHeaders &headers) const;

    bool hostAllowed(const QByteArray &host) const;
    // The host of a Host header ("localhost:3000", "[::1]:4566" is "::1"), lower case,
    // without a final dot; empty when the header is malformed (a port that is not a
    // number, a bracket left open).
    static QString hostOf(const QByteArray &header);
    static bool isLoopbackName(const QString &host);
    // http(s)://localhost:5173, http://127.0.0.1, http://[::1]:8080; "null" and every
    // other origin (*.localhost too: some browsers ask DNS for it) are foreign.
    static bool isLoopbackOrigin(const QByteArray &origin);
    // A header value that would end the header line or the head (CR, LF or NUL).
    static bool isUnsafeHeaderValue(const QByteArray &value);
    static bool isHeaderName(const QByteArray &name);

private:
    QHostAddress mListenAddress;
    QSet<QString> mExtraHosts;
};

// A listening socket that bounds what a request may make the HTTP server buffer: it
// reads each request's head as it arrives (before the server does), refuses a foreign
// request (RequestGuard) and a Content-Length over the limit at once, cuts a streamed
// (chunked) body when it passes the limit, and refuses heads over 64 KB. It also answers "Expect: 100-continue" at once
// for bodies within the limit (botocore asks before every upload and otherwise waits a
// second). It consumes nothing of a request it lets through.
class GuardedTcpServer : public QTcpServer
{
public:
    static constexpr qsizetype kHeadLimit = 64 * 1024;

    // The largest body a request may carry, from its request line and its headers (names
    // in lower case, values trimmed).
    using BodyLimit = std::function<qsizetype(const QByteArray &requestLine, const HttpHeaders &headers)>;
    // The answer to a refused request (400, 403, 413, 431), in the server's protocol.
    using Refusal = std::function<HttpResponseData(int status, const QString &message)>;

    // guard: who may send requests (checked on the head, before any body is read); not owned.
    GuardedTcpServer(const RequestGuard *guard, BodyLimit limit, Refusal refusal, QObject *parent = nullptr);

    // A request whose body went to a file as it arrived instead of to the HTTP server's
    // memory (see Spill). Its connection is answered through answer(), which closes it.
    struct SpilledRequest
    {
        QByteArray requestLine; // "PUT /bucket/key?partNumber=1 HTTP/1.1"
        HttpHeaders headers; // names in lower case, values trimmed
        QString bodyPath; // the body, removed once the request is read
        QString sourceIp;
        QTcpSocket *socket = nullptr; // lives on the connection's thread
    };
    // Which requests are spilled (those with a Content-Length of at least threshold that
    // wanted accepts), and who takes them, on the connection's thread. The HTTP server
    // buffers a body whole, and more than once as it grows: ten 8 MB parts uploaded at
    // once took the endpoint over 250 MB.
    struct Spill
    {
        qint64 threshold = 0;
        std::function<bool(const QByteArray &requestLine, const HttpHeaders &headers)> wanted;
        std::function<void(const SpilledRequest &request)> take;
        QString directory; // where the bodies are written while they arrive
    };
    void setSpill(Spill spill) { mSpill = std::move(spill); }
    // Writes a whole answer to a spilled request's connection, and closes it (the HTTP
    // server that read its earlier requests cannot read its next ones).
    static void answerSpilled(QTcpSocket *socket, const HttpResponseData &response);

    // The server calls this when it has read a whole request from the socket, so that
    // the next request on the connection is counted from zero.
    static void requestRead(QTcpSocket *socket);

    // Spreads connections over several servers, each on its own thread: place is called
    // with each connection this server accepts, before anything is read from it, and
    // returns false when it gave the descriptor to another server (whose adopt() takes
    // it on that server's thread), true to keep it here. open, when set, is lowered as
    // each connection this server serves ends (whoever places raises it).
    using Place = std::function<bool(qintptr descriptor)>;
    void setPlacement(Place place, std::shared_ptr<QAtomicInt> open)
    {
        mPlace = std::move(place);
        mOpen = std::move(open);
    }
    // Serves a connection another server accepted; call on this server's thread. The
    // descriptor is closed when it cannot be served.
    void adopt(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
    // A subclass's look at each new connection, before the HTTP server reads from it (the
    // Runtime API reports a streamed response's chunks as they arrive).
    virtual void connectionAccepted(QTcpSocket *socket) { Q_UNUSED(socket) }

private:
    // Serves a connection: its guard, then the HTTP server's pending connections.
    bool take(qintptr descriptor);

    const RequestGuard *mGuard;
    BodyLimit mLimit;
    Refusal mRefusal;
    Spill mSpill;
    Place mPlace;
    std::shared_ptr<QAtomicInt> mOpen;
};

// The HTTP server behind a GuardedTcpServer (httpmethod.h: it needs Qt HttpServer).
class GuardedHttpServer;

// HTTP/1.1 bytes of a whole answer that closes the connection (for refusals written
// before the HTTP server has a request to answer).
QByteArray closingResponse(const HttpResponseData &response);

} // namespace Nimbus
