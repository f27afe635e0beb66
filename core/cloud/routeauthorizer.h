#pragma once

#include "httproutes.h"
#include "result.h"
#include "userpool.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <map>

namespace Nimbus {

class Architecture;
class LocalCloud;

// API Gateway's authorizers, for the local gateway: before a protected route's function
// runs, a JWT authorizer checks the request's token (issued by a user pool of the design,
// or by an identity provider whose keys are fetched on request), or a Lambda authorizer's
// function decides (simple responses or an IAM policy, cached per identity for its TTL).
// Refusals answer as API Gateway does: 401 without a valid token or identity, 403 when
// denied or without the route's scope, 500 when the authorizer fails.
//
// It also serves the design's user pools as a local identity provider under kIdpPrefix:
// POOL/.well-known/openid-configuration, POOL/.well-known/jwks.json and POOL/oauth2/token.
class RouteAuthorizer : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kIdpPrefix = "/_nimbus/idp/";
    // An identity provider's key set larger than this is refused.
    static constexpr qsizetype kJwksLimit = 1024 * 1024;
    // Fetched key sets are kept this long, on the cloud's clock.
    static constexpr int kJwksSeconds = 3600;

    explicit RouteAuthorizer(LocalCloud &cloud, QObject *parent = nullptr);
    ~RouteAuthorizer() override;

    // Who may call the route node: its authorizes connections, then its JWT properties.
    static RouteAuth authOf(const Architecture &architecture, NodeId route);

    // Opens the design's user pools (reading or making their keys) for a gateway at
    // gatewayUrl; forgets cached decisions and key sets.
    Result<void> configure(const QString &gatewayUrl);
    const LocalUserPool *pool(const QString &name) const;
    QString issuer(const QString &pool) const;
    // The project's API key, when a route requires one.
    QString apiKey() const { return mApiKey; }

    struct Decision
    {
        bool allowed = false;
        HttpResponseData refusal; // when not allowed
        QJsonObject authorizer; // the event's requestContext.authorizer when allowed
    };
    using Done = std::function<void(const Decision &)>;
    // Decides on a request for route (whose auth is not None); done is called once, maybe
    // later (a Lambda authorizer, a key set to fetch).
    void authorize(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                   const QString &requestId, const Done &done);

    // The requestContext.authorizer API Gateway gives a function for a verified token's
    // claims: {jwt: {claims, scopes}} on an HTTP API (payload 2.0), {claims} on a REST API
    // (a Cognito user pool authorizer); claims as strings, as API Gateway passes them.
    static QJsonObject jwtContext(const QJsonObject &claims, const QStringList &scopes, bool rest);

    // The answer to a request on the identity provider's paths, or none when the path is
    // not one of them.
    std::optional<HttpResponseData> identityProvider(const HttpRequestData &request) const;

private:
    // A 403 or 429 when the request's x-api-key is not the project's or its usage plan
    // is spent.
    std::optional<HttpResponseData> checkApiKey(const HttpRoute &route, const HttpRequestData &request);
    void authorizeJwt(const HttpRoute &route, const HttpRequestData &request, const Done &done);
    void authorizeLambda(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                         const QString &requestId, const Done &done);
    // The key set at source (an https URL, or a file of the project), maybe fetched first.
    void withKeys(const QString &source, const std::function<void(const Result<QJsonObject> &)> &use);

    LocalCloud &mCloud;
    QString mGatewayUrl;
    std::map<QString, LocalUserPool> mPools;
    struct KeySet
    {
        QJsonObject keys;
        QDateTime fetched;
        bool fetching = false;
        QList<std::function<void(const Result<QJsonObject> &)>> waiting;
    };
    QHash<QString, KeySet> mKeySets;
    // A Lambda authorizer's decision on its answer (simple, or an IAM policy evaluated
    // for the request's ARN).
    static Decision decide(const QJsonObject &response, bool simple, bool rest, const QString &arn,
                           const QString &function);
    struct Cached
    {
        QJsonObject response; // the authorizer's answer
        QDateTime until;
    };
    QHash<QString, Cached> mCache;
    QString mApiKey;
    struct Usage
    {
        double tokens = 0;
        qint64 refilledMs = 0;
        QDate day;
        qint64 used = 0;
    };
    QHash<NodeId, Usage> mUsage;
};

} // namespace Nimbus
