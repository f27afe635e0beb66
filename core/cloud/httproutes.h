#pragma once

#include "model/node.h"
#include "runtime/jsontext.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Nimbus {

// Who may call a route: API Gateway's authorizers.
struct RouteAuth
{
    enum class Kind { None, Jwt, Lambda };
    Kind kind = Kind::None;
    // Jwt: a user pool of the design (by name), or an identity provider's issuer, its
    // audiences and where its keys are (an https URL or a file of the project).
    QString pool;
    QString issuer;
    QStringList audiences;
    QString jwks;
    QStringList scopes; // one of them is needed; empty for any
    // Lambda: the function that decides, what it gets (identity sources such as
    // $request.header.Authorization) and how long its answer is reused.
    QString function;
    NodeId functionNode = kInvalidNodeId;
    QStringList identitySource;
    int cacheSeconds = 300;
    bool simpleResponses = true;
    // REST routes: the project's API key in x-api-key, within its usage plan (requests
    // per second, burst, requests per day; 0: no quota).
    bool apiKeyRequired = false;
    int rate = 10;
    int burst = 20;
    qint64 quotaPerDay = 0;
};

// One HTTP trigger of the design, as the local gateway serves it.
struct HttpRoute
{
    QString method; // GET ... or ANY
    QString path; // /items/{id}, /files/{proxy+}
    NodeId trigger = kInvalidNodeId;
    NodeId function = kInvalidNodeId;
    QString functionName; // or the state machine's, when the route starts one
    bool startsWorkflow = false; // the route starts an execution of a state machine
    bool container = false; // the route is proxied to a container (functionName names it)
    bool cors = false;
    bool restPayload = false; // payload format 1.0 (REST API) instead of 2.0
    RouteAuth auth;
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequestData
{
    QString method;
    QString path; // decoded, without the query
    // The path as sent, percent-encoded (QUrl's FullyEncoded form), without the query;
    // empty when the request was not read from the wire. A REST API and a function URL
    // hand it to the function as it is; an HTTP API decodes it.
    QByteArray rawPath;
    QByteArray query; // raw, without '?'
    HttpHeaders headers;
    QByteArray body;
    QString sourceIp = QStringLiteral("127.0.0.1");
    QDateTime when;

    // The first value of a header, whatever its case; empty when absent.
    QByteArray header(const char *name) const;
    // rawPath when known, else the decoded path.
    QString sentPath() const { return rawPath.isEmpty() ? path : QString::fromLatin1(rawPath); }
};

struct HttpResponseData
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    QString problem; // why the answer is an error of the gateway's, for the event log
};

// API Gateway's routing: the route with the most literal segments wins, then one with
// parameters, a greedy {proxy+} last; a route of the request's method before ANY.
class RouteTable
{
public:
    void add(const HttpRoute &route);
    const QList<HttpRoute> &routes() const { return mRoutes; }

    struct Match
    {
        const HttpRoute *route = nullptr;
        QJsonObject pathParameters;
    };
    // path: the request's, decoded; rawPath: as sent (HttpRequestData::rawPath), when
    // known. A REST API route (payload 1.0) is matched against the sent path, so that its
    // parameters keep their percent-encoding (an encoded "/" stays inside one) as API
    // Gateway's REST APIs hand them; an HTTP API route against the decoded path.
    std::optional<Match> match(const QString &method, const QString &path, const QByteArray &rawPath = {}) const;

private:
    QList<HttpRoute> mRoutes;
    QList<QStringList> mPatterns; // each route's path in segments, split once
    bool mHasRest = false;
};

// "http://127.0.0.1:3000", "http://[::1]:4566": where a local server listens.
QString serverUrl(const QHostAddress &address, quint16 port);

// What API Gateway hands the function, and makes of its answer.
namespace GatewayEvents {

// The events of an HTTP API (payload 2.0) and of a REST API (payload 1.0), written as
// JSON text straight into one buffer (about 1.7 us, against 9 us for an object and
// QJsonDocument), their keys in the order AWS documents them. The gateway's plain routes
// hand the text to the worker as it is.
JsonText httpApiEventText(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                          const QString &requestId);
JsonText restApiEventText(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                          const QString &requestId);
// The same events as objects, read back from that text (so that each is written in one
// place), for the paths that change an event on its way: authorizers, function URLs.
QJsonObject httpApiEvent(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                         const QString &requestId);
QJsonObject restApiEvent(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                         const QString &requestId);
// The HTTP answer for a function's result (its JSON). HTTP API: a result without
// statusCode is a 200 JSON body; REST API: it is a 502, as API Gateway answers.
HttpResponseData response(const QByteArray &resultJson, bool restPayload);
// CORS headers for a route that enables it; the answer to a preflight request.
HttpHeaders corsHeaders(const HttpRequestData &request);
bool isPreflight(const HttpRequestData &request);
HttpResponseData errorResponse(int status, const QString &problem);

} // namespace GatewayEvents
} // namespace Nimbus
