#pragma once

#include "functionurl.h"
#include "httproutes.h"
#include "requestguard.h"
#include "result.h"
#include "runtime/jsontext.h"
#include "serverthreads.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace Nimbus {

class LocalCloud;
class RouteAuthorizer;

// The local API gateway: Qt HttpServer on a port of this machine, routing each request
// by the design's HTTP triggers to its function through the local cloud, with API
// Gateway's answers: 404 without a route, 413 above 10 MB, 502 when the function
// fails or answers badly, 503 at its concurrency limit, 504 when it times out, CORS
// for routes that enable it. Requests are served concurrently. Only this machine's
// tools are answered: a foreign Host, Origin or cross-site fetch gets a 403, and bodies
// over the limit are refused before they are buffered.
class GatewayServer : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kPayloadLimit = 10 * 1024 * 1024; // HTTP API's

    explicit GatewayServer(LocalCloud &cloud, QObject *parent = nullptr);
    ~GatewayServer() override;

    // Reads the routes from the design and listens (port 0: any free one).
    Result<void> listen(const QHostAddress &address, quint16 port);
    void close();
    quint16 port() const { return mPort; }
    QString url() const;
    const RouteTable &routes() const { return mRoutes; }

    // Paths under this prefix are the local cloud's own operations (from this machine
    // only): POST send-message, publish, put-object, put-item, delete-item, fire, and the
    // virtual clock's clock, pause, run and advance ({"by": "6h"} or "next"), a bus's
    // archive ({"bus", "from", "to", "after", "limit"}), replay ({"bus", "from", "to", "rules",
    // "name"}) and replay-status ({"name"}), each
    // a JSON object (application/json) carrying the run's token in kTokenHeader, which
    // `nimbus serve` keeps in its state folder for `nimbus cloud`. A web page can send
    // neither without a preflight the gateway never grants.
    static constexpr const char *kControlPrefix = "/_nimbus/";
    static constexpr const char *kTokenHeader = "x-nimbus-token";
    // put-object carries its object in base64: an S3 object of 64 MB, with its JSON.
    static constexpr qsizetype kControlLimit = 64 * 1024 * 1024 / 3 * 4 + 1024 * 1024;

    // archive answers at most this many events, and stops before this many bytes of them
    // (one event at least); an answer that was cut says "truncated": true and the "next"
    // to send as "after" for the rest.
    static constexpr int kArchivePage = 1000;
    static constexpr qsizetype kArchivePageBytes = 8 * 1024 * 1024;

    // The token this gateway's control path asks for (random, made once per gateway).
    QByteArray controlToken() const { return mControlToken; }

    // The routes' authorizers and the design's user pools (their issuer is this gateway).
    const RouteAuthorizer &authorizer() const { return *mAuthorizer; }

    // The functions with a URL (functionUrl), served at FunctionUrl::pathOf(name) on url().
    const QHash<QString, FunctionUrl> &functionUrls() const { return mFunctionUrls; }

private:
    void serve(const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io);
    void handle(const HttpRequestData &request, const std::shared_ptr<void> &responder);
    HttpResponseData control(const HttpRequestData &request);
    // Runs the route's function with the request (allowed by its authorizer, whose
    // requestContext.authorizer is given) and answers with its result.
    void forward(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                 const QString &requestId, const QJsonObject &authorizer, const std::shared_ptr<void> &responder);
    // Starts the route's function with its event (JSON) and answers with its result.
    void invoke(const HttpRoute &route, const JsonText &event, const QString &what, const HttpHeaders &cors,
                const std::shared_ptr<void> &responder);
    // The route of a request whose event the connection's thread may build: a route to a
    // function, open to all; none for every other request.
    std::optional<RouteTable::Match> plainRoute(const HttpRequestData &request) const;
    // A route that starts a state machine: its execution starts with the request's body.
    // A request to a function's URL: its auth, CORS, the Function URL event and the answer,
    // buffered or streamed with chunked transfer encoding.
    void serveFunctionUrl(const FunctionUrl &url, const QString &rawPath, const HttpRequestData &request,
                          const std::shared_ptr<void> &responder);
    void startWorkflow(const HttpRoute &route, const HttpRequestData &request, const HttpHeaders &cors,
                       const std::shared_ptr<void> &responder);
    // A route to a container: the request proxied to an instance as it came, its answer as it went.
    void forwardToContainer(const HttpRoute &route, const HttpRequestData &request, const HttpHeaders &cors,
                            const std::shared_ptr<void> &responder);

    LocalCloud &mCloud;
    RouteTable mRoutes;
    QHash<QString, FunctionUrl> mFunctionUrls;
    std::unique_ptr<RouteAuthorizer> mAuthorizer;
    RequestGuard mGuard;
    QByteArray mControlToken;
    quint16 mPort = 0;
    // Where the connections' threads send the requests they read: this thread's events.
    std::shared_ptr<Mailbox> mHome;
    // Last, so that it ends first: its threads read the routes and the guard above.
    std::unique_ptr<ServerThreads> mThreads;
};

} // namespace Nimbus
