#pragma once

#include "model/architecture.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Nimbus {

class ExportModel;
struct ExportOutput;

// One authorizer of an API as the design says it, shared by the routes that ask for the
// same one: a user pool's tokens (JWT, or a Cognito authorizer on a REST API), an
// external identity provider's tokens (JWT), or a function's answer (Lambda authorizer).
struct ApiAuthorizer
{
    enum class Type { UserPool, Jwt, Function };
    Type type = Type::UserPool;
    // Unique among the design's authorizers, in the form of a logical id: "UsersAuthorizer".
    QString name;
    const Node *source = nullptr; // the user pool or the function; nullptr for Jwt
    bool rest = false; // on the REST API (routes of payload 1.0), else on the HTTP API
    QString issuer; // Jwt: the issuer's URL
    QStringList audiences; // Jwt
    QStringList identitySources; // Function: "$request.header.Authorization", ...
    int cacheTtl = 0; // Function: seconds
    bool simpleResponses = true; // Function on the HTTP API
    QList<const Node *> routes; // in name order
};

// Where a request value of an identity source is: the part of the request ("header",
// "querystring", "context", "stageVariables") and its name.
struct IdentityPart
{
    QString where;
    QString name;
};

// How the routes of a design are protected, as the exporters read it: each exported route
// (one that invokes a function) with its authorizer and scopes, the routes that need an
// API key and their usage plan; and the reports of what a target cannot write, each
// naming the route, so that no route is exported open without a word.
class RouteAuthorization
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::RouteAuthorization)

public:
    // restApi: whether routes of payload 1.0 are on a REST API (SAM, serverless.yml), or on
    // the HTTP API like the others (Terraform's aws_apigatewayv2 API).
    explicit RouteAuthorization(const ExportModel &model, bool restApi = true);

    // The design's authorizers, in the name order of their first route.
    const QList<ApiAuthorizer> &authorizers() const { return mAuthorizers; }
    // The authorizer of a route; nullptr when it has none.
    const ApiAuthorizer *authorizer(const Node *route) const;
    // The scopes a token must carry one of on the route (JWT and user pool authorizers).
    static QStringList scopes(const Node *route);

    // The REST routes (payload 1.0) that need an API key, in name order.
    const QList<const Node *> &apiKeyRoutes() const { return mApiKeyRoutes; }
    // The usage plan of the REST API's keys: the first key route's (a REST API has one
    // plan; routes that ask for another are reported by reportAwsLimits).
    struct UsagePlan
    {
        int rate = 10; // requests per second
        int burst = 20;
        int quota = 0; // requests per day; 0 for none
    };
    UsagePlan usagePlan() const;

    // The identity source of a Lambda authorizer split into its parts; one that names no
    // request value of those forms is left out (and reported by reportAwsLimits).
    static QList<IdentityPart> identityParts(const QStringList &identitySources);

    // For API Gateway's targets: reports a route with more than one authorizer (the one
    // exported named), an external JWT authorizer on a REST route (which has none), an API
    // key on an HTTP API route, a JWKS location (API Gateway reads the issuer's own),
    // scopes without a token authorizer, an identity source API Gateway cannot read, and
    // REST routes asking for different usage plans.
    void reportAwsLimits(ExportOutput &output, const QString &platform) const;
    // For a target with no authorizers: each route a user pool, a function or a JWT issuer
    // protects, and each one needing an API key, is reported: it is exported open.
    void reportUnsupported(ExportOutput &output, const QString &platform) const;

private:
    QList<const Node *> authorizing(const Node *route, const QString &kind) const;
    bool isRest(const Node *route) const;

    const ExportModel &mModel;
    bool mRestApi = true;
    QList<ApiAuthorizer> mAuthorizers;
    QHash<const Node *, int> mOfRoute; // route -> index in mAuthorizers
    QList<const Node *> mApiKeyRoutes;
};

} // namespace Nimbus
