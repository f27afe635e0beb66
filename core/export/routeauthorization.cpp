#include "routeauthorization.h"

#include "exportmodel.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "provider.h"

#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// A route's property, else its kind's default (a project file may leave defaults out).
QJsonValue setting(const Node *node, const QString &property)
{
    const QJsonValue value = node->properties.value(property);
    if (!value.isUndefined())
        return value;
    const NodeKind *kind = Catalog::builtin().kind(node->kind);
    return kind ? kind->defaultProperties(node->name).value(property) : QJsonValue();
}

QString text(const Node *node, const QString &property)
{
    return setting(node, property).toString().trimmed();
}

QStringList list(const QString &text, QChar separator)
{
    QStringList result;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts))
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    return result;
}

// "https://login.example.com/tenant" -> "LoginExampleCom".
QString issuerIdentifier(const QString &issuer)
{
    const QString host = QUrl(issuer).host();
    return ExportModel::identifier(host.isEmpty() ? u"jwt"_s : host);
}

bool sameAuthorizer(const ApiAuthorizer &a, const ApiAuthorizer &b)
{
    return a.type == b.type && a.source == b.source && a.rest == b.rest && a.issuer == b.issuer
           && a.audiences == b.audiences && a.identitySources == b.identitySources && a.cacheTtl == b.cacheTtl
           && a.simpleResponses == b.simpleResponses;
}

} // namespace

bool RouteAuthorization::isRest(const Node *route) const
{
    return mRestApi && text(route, u"payloadFormat"_s) == "1.0"_L1;
}

RouteAuthorization::RouteAuthorization(const ExportModel &model, bool restApi) : mModel(model), mRestApi(restApi)
{
    QSet<QString> names;
    for (const Node *route : model.nodesOfKind(Kinds::HttpRoute)) {
        if (model.consumers(route).isEmpty())
            continue;
        const bool rest = isRest(route);
        if (rest && setting(route, u"apiKeyRequired"_s).toBool())
            mApiKeyRoutes.append(route);
        ApiAuthorizer wanted;
        wanted.rest = rest;
        const QList<const Node *> pools = authorizing(route, Kinds::UserPool);
        const QList<const Node *> functions = authorizing(route, u"function"_s);
        const QString issuer = text(route, u"jwtIssuer"_s);
        if (!pools.isEmpty()) {
            wanted.type = ApiAuthorizer::Type::UserPool;
            wanted.source = pools.first();
        } else if (!functions.isEmpty()) {
            wanted.type = ApiAuthorizer::Type::Function;
            wanted.source = functions.first();
            wanted.identitySources = list(text(route, u"identitySource"_s), ','_L1);
            wanted.cacheTtl = setting(route, u"authorizerCacheTtl"_s).toInt();
            // Simple responses are payload 2.0's; a REST API's authorizer answers with a policy.
            wanted.simpleResponses = !rest && setting(route, u"simpleResponses"_s).toBool();
        } else if (!issuer.isEmpty() && !rest) {
            wanted.type = ApiAuthorizer::Type::Jwt;
            wanted.issuer = issuer;
            wanted.audiences = list(text(route, u"jwtAudience"_s), ','_L1);
        } else {
            continue;
        }
        qsizetype index = 0;
        while (index < mAuthorizers.size() && !sameAuthorizer(mAuthorizers.at(index), wanted))
            ++index;
        if (index == mAuthorizers.size()) {
            const QString base = (wanted.source ? ExportModel::identifier(wanted.source->name)
                                                : issuerIdentifier(wanted.issuer))
                                 + "Authorizer"_L1;
            wanted.name = base;
            for (int n = 2; names.contains(wanted.name); ++n)
                wanted.name = base + QString::number(n);
            names.insert(wanted.name);
            mAuthorizers.append(wanted);
        }
        mAuthorizers[index].routes.append(route);
        mOfRoute.insert(route, int(index));
    }
}

QList<const Node *> RouteAuthorization::authorizing(const Node *route, const QString &kind) const
{
    const Architecture &a = mModel.architecture();
    QList<const Node *> result;
    for (EdgeId id : a.incomingEdges(route->id)) {
        const Edge *edge = a.edge(id);
        const Node *from = a.node(edge->from);
        if (edge->type == "authorizes"_L1 && from->kind == kind)
            result.append(from);
    }
    std::sort(result.begin(), result.end(), [](const Node *x, const Node *y) { return x->name < y->name; });
    return result;
}

const ApiAuthorizer *RouteAuthorization::authorizer(const Node *route) const
{
    const auto it = mOfRoute.constFind(route);
    return it == mOfRoute.cend() ? nullptr : &mAuthorizers.at(*it);
}

QStringList RouteAuthorization::scopes(const Node *route)
{
    return list(text(route, u"authorizationScopes"_s), ' '_L1);
}

RouteAuthorization::UsagePlan RouteAuthorization::usagePlan() const
{
    UsagePlan plan;
    if (mApiKeyRoutes.isEmpty())
        return plan;
    const Node *route = mApiKeyRoutes.first();
    plan.rate = setting(route, u"usagePlanRate"_s).toInt();
    plan.burst = setting(route, u"usagePlanBurst"_s).toInt();
    plan.quota = setting(route, u"usagePlanQuota"_s).toInt();
    return plan;
}

QList<IdentityPart> RouteAuthorization::identityParts(const QStringList &identitySources)
{
    // HTTP APIs say $request.header.X; REST APIs method.request.header.X.
    static const QList<std::pair<QLatin1String, QLatin1String>> prefixes = {
        {"$request.header."_L1, "header"_L1},
        {"method.request.header."_L1, "header"_L1},
        {"$request.querystring."_L1, "querystring"_L1},
        {"method.request.querystring."_L1, "querystring"_L1},
        {"$context."_L1, "context"_L1},
        {"context."_L1, "context"_L1},
        {"$stageVariables."_L1, "stageVariables"_L1},
        {"stageVariables."_L1, "stageVariables"_L1},
    };
    QList<IdentityPart> parts;
    for (const QString &source : identitySources)
        for (const auto &[prefix, where] : prefixes)
            if (source.startsWith(prefix) && source.size() > prefix.size()) {
                parts.append({where, source.mid(prefix.size())});
                break;
            }
    return parts;
}

void RouteAuthorization::reportAwsLimits(ExportOutput &output, const QString &platform) const
{
    for (const Node *route : mModel.nodesOfKind(Kinds::HttpRoute)) {
        if (mModel.consumers(route).isEmpty())
            continue;
        const bool rest = isRest(route);
        const QString issuer = text(route, u"jwtIssuer"_s);
        QStringList all;
        for (const Node *node : authorizing(route, Kinds::UserPool) + authorizing(route, u"function"_s))
            all.append(node->name);
        if (!issuer.isEmpty())
            all.append(tr("the JWT issuer %1").arg(issuer));
        const ApiAuthorizer *chosen = authorizer(route);
        if (all.size() > 1)
            output.add(Diagnostic::Severity::Warning, u"export-authorizers"_s,
                       tr("%1: an API Gateway route has one authorizer; %2 is exported, not %3")
                           .arg(route->name, all.first(), all.mid(1).join(", "_L1)),
                       route->id);
        if (rest && !issuer.isEmpty() && !chosen)
            output.add(Diagnostic::Severity::Warning, u"export-authorizer"_s,
                       tr("%1: a REST API (payload 1.0) has no JWT authorizer in %2; the JWT issuer %3 is not "
                          "exported and the route is open to anyone")
                           .arg(route->name, platform, issuer),
                       route->id, u"jwtIssuer"_s);
        if (!rest && setting(route, u"apiKeyRequired"_s).toBool())
            output.add(Diagnostic::Severity::Warning, u"export-api-key"_s,
                       tr("%1: the HTTP API of %2 has no API keys or usage plans; the route is exported without one")
                           .arg(route->name, platform),
                       route->id, u"apiKeyRequired"_s);
        const bool tokens = chosen && chosen->type != ApiAuthorizer::Type::Function;
        if (const QString jwks = text(route, u"jwksUrl"_s); !jwks.isEmpty() && tokens)
            output.add(Diagnostic::Severity::Info, u"export-jwks"_s,
                       tr("%1: API Gateway reads the issuer's keys from its discovery document; the JWKS location %2 "
                          "is used by the local cloud only")
                           .arg(route->name, jwks),
                       route->id, u"jwksUrl"_s);
        if (const QStringList scopes = RouteAuthorization::scopes(route); !scopes.isEmpty() && !tokens)
            output.add(Diagnostic::Severity::Warning, u"export-scopes"_s,
                       tr("%1: only a JWT or user pool authorizer checks scopes; the scopes %2 are not exported")
                           .arg(route->name, scopes.join(' '_L1)),
                       route->id, u"authorizationScopes"_s);
        if (chosen && chosen->type == ApiAuthorizer::Type::Function) {
            const QList<IdentityPart> parts = identityParts(chosen->identitySources);
            if (parts.size() != chosen->identitySources.size())
                output.add(Diagnostic::Severity::Warning, u"export-identity-source"_s,
                           tr("%1: API Gateway reads an identity source from a header, a query string, the context "
                              "or a stage variable; %2 is not exported in full")
                               .arg(route->name, chosen->identitySources.join(", "_L1)),
                           route->id, u"identitySource"_s);
        }
    }
    const UsagePlan plan = usagePlan();
    for (const Node *route : mApiKeyRoutes.mid(1)) {
        if (setting(route, u"usagePlanRate"_s).toInt() == plan.rate
            && setting(route, u"usagePlanBurst"_s).toInt() == plan.burst
            && setting(route, u"usagePlanQuota"_s).toInt() == plan.quota)
            continue;
        output.add(Diagnostic::Severity::Warning, u"export-usage-plan"_s,
                   tr("%1: the REST API has one usage plan, %2's (%3 requests per second, bursts of %4, %5 a day); "
                      "this route's keys follow it")
                       .arg(route->name, mApiKeyRoutes.first()->name)
                       .arg(plan.rate)
                       .arg(plan.burst)
                       .arg(plan.quota),
                   route->id, u"usagePlanRate"_s);
    }
}

void RouteAuthorization::reportUnsupported(ExportOutput &output, const QString &platform) const
{
    const Architecture &a = mModel.architecture();
    for (const Node *route : mModel.nodesOfKind(Kinds::HttpRoute)) {
        if (mModel.consumers(route).isEmpty())
            continue;
        for (EdgeId id : a.incomingEdges(route->id)) {
            const Edge *edge = a.edge(id);
            if (edge->type != "authorizes"_L1)
                continue;
            const Node *from = a.node(edge->from);
            output.add(Diagnostic::Severity::Warning, u"export-unsupported-authorizer"_s,
                       (from->kind == Kinds::UserPool
                            ? tr("%1: %2 has no place for a user pool's authorizer; the route is exported without "
                                 "the tokens of %3 and anyone can call it")
                            : tr("%1: %2 has no place for a Lambda authorizer; the route is exported without %3 "
                                 "and anyone can call it"))
                           .arg(route->name, platform, from->name),
                       route->id);
            output.diagnostics.last().nodes.append(from->id);
            output.diagnostics.last().edge = id;
        }
        if (const QString issuer = text(route, u"jwtIssuer"_s); !issuer.isEmpty())
            output.add(Diagnostic::Severity::Warning, u"export-unsupported-authorizer"_s,
                       tr("%1: %2 has no place for a JWT authorizer; the route is exported without the tokens of %3 "
                          "and anyone can call it")
                           .arg(route->name, platform, issuer),
                       route->id, u"jwtIssuer"_s);
        if (setting(route, u"apiKeyRequired"_s).toBool())
            output.add(Diagnostic::Severity::Warning, u"export-unsupported-setting"_s,
                       tr("%1: %2 has no API keys or usage plans; the route is exported without one")
                           .arg(route->name, platform),
                       route->id, u"apiKeyRequired"_s);
    }
}

} // namespace Nimbus
