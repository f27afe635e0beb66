#include "routeauthorizer.h"

#include "document/project.h"
#include "httpclient.h"
#include "localcloud.h"
#include "model/architecture.h"
#include "model/kinds.h"
#include "paths.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QtConcurrent>

namespace Nimbus {

using namespace Qt::StringLiterals;

namespace {

QStringList listOf(const QString &text, QChar separator)
{
    QStringList out;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts))
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty())
            out.append(trimmed);
    return out;
}

HttpResponseData answer(int status, const QByteArray &body, const QString &problem, const HttpHeaders &headers = {})
{
    HttpResponseData response;
    response.status = status;
    response.headers = headers;
    response.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
    response.body = body;
    response.problem = problem;
    return response;
}

HttpResponseData unauthorized(const QString &problem, const QByteArray &challenge = "Bearer")
{
    return answer(401, R"({"message":"Unauthorized"})", problem, {{"www-authenticate", challenge}});
}

HttpResponseData forbidden(const QString &problem, bool rest, const HttpHeaders &headers = {})
{
    return answer(
        403, rest ? R"({"Message":"User is not authorized to access this resource"})" : R"({"message":"Forbidden"})",
        problem, headers);
}

HttpResponseData authorizerFailed(const QString &problem)
{
    return answer(500, R"({"message":"Internal Server Error"})", problem);
}

QByteArray headerOf(const HttpRequestData &request, const QString &name)
{
    for (const auto &[key, value] : request.headers)
        if (QString::fromLatin1(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

// The value an identity source names ($request.header.X, $request.querystring.x, or
// REST's method.request.header.X), empty when the request lacks it.
QString identityValue(const HttpRequestData &request, const QString &source)
{
    static const QRegularExpression form(u"^(?:\\$request|method\\.request)\\.(header|querystring)\\.(.+)$"_s);
    const QRegularExpressionMatch m = form.match(source);
    if (!m.hasMatch())
        return {};
    if (m.captured(1) == "header"_L1)
        return QString::fromUtf8(headerOf(request, m.captured(2)));
    return QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(m.captured(2), QUrl::FullyDecoded);
}

// API Gateway passes JWT claims to the function as strings; an array as "[a b]".
QJsonObject claimsAsStrings(const QJsonObject &claims)
{
    QJsonObject out;
    for (auto it = claims.constBegin(); it != claims.constEnd(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString()) {
            text = v.toString();
        } else if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue &item : v.toArray())
                parts.append(item.isString()
                                 ? item.toString()
                                 : QString::fromUtf8(
                                     QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact).mid(1).chopped(1)));
            text = u'[' + parts.join(u' ') + u']';
        } else if (v.isDouble()) {
            text = QString::number(v.toDouble(), 'g', 17);
        } else if (v.isBool()) {
            text = v.toBool() ? u"true"_s : u"false"_s;
        } else if (v.isObject()) {
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        }
        out.insert(it.key(), text);
    }
    return out;
}

// An IAM resource pattern's * and ? against an ARN.
bool arnMatches(const QString &pattern, const QString &arn)
{
    const QString expression = QRegularExpression::wildcardToRegularExpression(
        pattern, QRegularExpression::UnanchoredWildcardConversion);
    QString anchored = expression;
    // wildcardToRegularExpression treats '/' as a path separator; IAM does not.
    anchored.replace(u"[^/]*"_s, u".*"_s).replace(u"[^/]"_s, u"."_s);
    return QRegularExpression(u"\\A(?:"_s + anchored + u")\\z"_s).match(arn).hasMatch();
}

// An IAM policy document's verdict on invoking arn: an explicit Deny wins, then an Allow.
bool policyAllows(const QJsonObject &policy, const QString &arn)
{
    bool allowed = false;
    QJsonArray statements = policy.value("Statement"_L1).toArray();
    if (policy.value("Statement"_L1).isObject())
        statements = QJsonArray{policy.value("Statement"_L1)};
    for (const QJsonValue &value : statements) {
        const QJsonObject statement = value.toObject();
        QJsonArray actions = statement.value("Action"_L1).toArray();
        if (statement.value("Action"_L1).isString())
            actions = QJsonArray{statement.value("Action"_L1)};
        QJsonArray resources = statement.value("Resource"_L1).toArray();
        if (statement.value("Resource"_L1).isString())
            resources = QJsonArray{statement.value("Resource"_L1)};
        const bool action = std::any_of(actions.cbegin(), actions.cend(), [](const QJsonValue &a) {
            return arnMatches(a.toString(), u"execute-api:Invoke"_s);
        });
        const bool resource = std::any_of(resources.cbegin(), resources.cend(),
                                          [&](const QJsonValue &r) { return arnMatches(r.toString(), arn); });
        if (!action || !resource)
            continue;
        const QString effect = statement.value("Effect"_L1).toString();
        if (effect == "Deny"_L1)
            return false;
        if (effect == "Allow"_L1)
            allowed = true;
    }
    return allowed;
}

// A JWT authorizer's decision on token, checked against keys.
RouteAuthorizer::Decision checkToken(const QByteArray &token, const QJsonObject &keys,
                                     const Jwt::Expectations &expected, bool rest)
{
    const auto verdict = Jwt::verify(token, keys, expected);
    if (const auto *refusal = std::get_if<Jwt::Refusal>(&verdict)) {
        if (refusal->forbidden)
            return {false,
                    forbidden(refusal->message, rest, {{"www-authenticate", R"(Bearer error="insufficient_scope")"}}),
                    {}};
        const QByteArray description = refusal->message.toUtf8().replace('"', '\'');
        return {
            false,
            unauthorized(refusal->message, R"(Bearer error="invalid_token" error_description=")" + description + '"'),
            {}};
    }
    const auto &verified = std::get<Jwt::Verified>(verdict);
    return {true, {}, RouteAuthorizer::jwtContext(verified.claims, verified.scopes, rest)};
}

} // namespace

RouteAuthorizer::RouteAuthorizer(LocalCloud &cloud, QObject *parent) : QObject(parent), mCloud(cloud) { }

RouteAuthorizer::~RouteAuthorizer() = default;

QJsonObject RouteAuthorizer::jwtContext(const QJsonObject &claims, const QStringList &scopes, bool rest)
{
    const QJsonObject strings = claimsAsStrings(claims);
    if (rest) // a Cognito user pool authorizer of a REST API
        return {{"claims"_L1, strings}};
    const QJsonValue scopeList = scopes.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(scopes));
    return {{"jwt"_L1, QJsonObject{{"claims"_L1, strings}, {"scopes"_L1, scopeList}}}};
}

RouteAuth RouteAuthorizer::authOf(const Architecture &architecture, NodeId routeId)
{
    RouteAuth auth;
    const Node *route = architecture.node(routeId);
    if (!route)
        return auth;
    const QJsonObject &p = route->properties;
    auth.scopes = listOf(p.value("authorizationScopes"_L1).toString(), u' ');
    // API keys and usage plans are REST APIs' (payload 1.0); an HTTP API has none.
    auth.apiKeyRequired = p.value("apiKeyRequired"_L1).toBool() && p.value("payloadFormat"_L1).toString() == "1.0"_L1;
    auth.rate = qBound(1, p.value("usagePlanRate"_L1).toInt(10), 10000);
    auth.burst = qBound(1, p.value("usagePlanBurst"_L1).toInt(20), 5000);
    auth.quotaPerDay = qBound(qint64(0), qint64(p.value("usagePlanQuota"_L1).toDouble(0)), qint64(1000000000));
    for (EdgeId edgeId : architecture.incomingEdges(routeId)) {
        const Edge *edge = architecture.edge(edgeId);
        const Node *from = edge ? architecture.node(edge->from) : nullptr;
        if (!from || edge->type != "authorizes"_L1)
            continue;
        if (from->kind == Kinds::UserPool) {
            auth.kind = RouteAuth::Kind::Jwt;
            auth.pool = from->name;
            return auth;
        }
        if (from->kind == Kinds::Function) {
            auth.kind = RouteAuth::Kind::Lambda;
            auth.function = from->name;
            auth.functionNode = from->id;
            auth.identitySource = listOf(p.value("identitySource"_L1).toString(u"$request.header.Authorization"_s),
                                         u',');
            auth.cacheSeconds = qBound(0, p.value("authorizerCacheTtl"_L1).toInt(300), 3600);
            auth.simpleResponses = p.value("simpleResponses"_L1).toBool(true);
            return auth;
        }
    }
    auth.issuer = p.value("jwtIssuer"_L1).toString().trimmed();
    if (!auth.issuer.isEmpty()) {
        auth.kind = RouteAuth::Kind::Jwt;
        auth.audiences = listOf(p.value("jwtAudience"_L1).toString(), u',');
        auth.jwks = p.value("jwksUrl"_L1).toString().trimmed();
        if (auth.jwks.isEmpty())
            auth.jwks = auth.issuer + "/.well-known/jwks.json"_L1;
    }
    return auth;
}

Result<void> RouteAuthorizer::configure(const QString &gatewayUrl)
{
    mGatewayUrl = gatewayUrl;
    mPools.clear();
    mCache.clear();
    mKeySets.clear();
    mUsage.clear();
    mApiKey.clear();
    const Project &project = mCloud.project();
    for (const auto &[id, node] : project.architecture().nodes()) {
        if (node.kind == Kinds::HttpRoute && authOf(project.architecture(), id).apiKeyRequired && mApiKey.isEmpty()) {
            Result<QString> key = LocalApiKey::open(project.filePath());
            if (!key)
                return key.error();
            mApiKey = *key;
        }
        if (node.kind != Kinds::UserPool)
            continue;
        Result<LocalUserPool> pool = LocalUserPool::open(node, project.filePath());
        if (!pool)
            return pool.error();
        mPools.emplace(node.name, std::move(*pool));
    }
    return {};
}

const LocalUserPool *RouteAuthorizer::pool(const QString &name) const
{
    const auto it = mPools.find(name);
    return it == mPools.end() ? nullptr : &it->second;
}

QString RouteAuthorizer::issuer(const QString &name) const
{
    const LocalUserPool *p = pool(name);
    return p ? p->issuer(mGatewayUrl) : QString();
}

void RouteAuthorizer::authorize(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                                const QString &requestId, const Done &done)
{
    if (route.auth.apiKeyRequired) {
        if (std::optional<HttpResponseData> refusal = checkApiKey(route, request)) {
            done(Decision{false, *refusal, {}});
            return;
        }
    }
    if (route.auth.kind == RouteAuth::Kind::Jwt)
        authorizeJwt(route, request, done);
    else if (route.auth.kind == RouteAuth::Kind::Lambda)
        authorizeLambda(route, match, request, requestId, done);
    else
        done(Decision{true, {}, {}});
}

std::optional<HttpResponseData> RouteAuthorizer::checkApiKey(const HttpRoute &route, const HttpRequestData &request)
{
    const QByteArray key = headerOf(request, u"x-api-key"_s);
    if (key.isEmpty() || mApiKey.isEmpty() || key != mApiKey.toLatin1())
        return answer(403, R"({"message":"Forbidden"})",
                      key.isEmpty() ? tr("no API key in x-api-key") : tr("x-api-key holds no key of the usage plan"));
    // The usage plan, per route: a token bucket of burst requests refilled at rate per
    // second (the machine's time), and a quota per day of the cloud's clock.
    Usage &usage = mUsage[route.trigger];
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (usage.refilledMs == 0) {
        usage.tokens = route.auth.burst;
    } else {
        usage.tokens = std::min<double>(route.auth.burst,
                                        usage.tokens + double(nowMs - usage.refilledMs) * route.auth.rate / 1000.0);
    }
    usage.refilledMs = nowMs;
    const QDate day = mCloud.clock().now().date();
    if (usage.day != day) {
        usage.day = day;
        usage.used = 0;
    }
    if (route.auth.quotaPerDay > 0 && usage.used >= route.auth.quotaPerDay)
        return answer(403, R"({"message":"Limit Exceeded"})",
                      tr("the API key's quota of %1 requests a day is used up").arg(route.auth.quotaPerDay));
    if (usage.tokens < 1)
        return answer(
            429, R"({"message":"Too Many Requests"})",
            tr("the usage plan allows %1 requests a second, bursts of %2").arg(route.auth.rate).arg(route.auth.burst));
    usage.tokens -= 1;
    ++usage.used;
    return std::nullopt;
}

void RouteAuthorizer::authorizeJwt(const HttpRoute &route, const HttpRequestData &request, const Done &done)
{
    QByteArray token = headerOf(request, u"authorization"_s).trimmed();
    if (token.startsWith("Bearer ") || token.startsWith("bearer "))
        token = token.mid(7).trimmed();
    if (token.isEmpty()) {
        done(Decision{false, unauthorized(tr("no token in the Authorization header")), {}});
        return;
    }
    Jwt::Expectations expected;
    expected.scopes = route.auth.scopes;
    expected.now = mCloud.clock().now();
    const bool rest = route.restPayload;
    if (!route.auth.pool.isEmpty()) {
        const LocalUserPool *p = pool(route.auth.pool);
        if (!p) {
            done(Decision{false, authorizerFailed(tr("user pool %1 is not served").arg(route.auth.pool)), {}});
            return;
        }
        expected.issuer = p->issuer(mGatewayUrl);
        expected.audiences = {p->clientId()};
        done(checkToken(token, p->jwks(), expected, rest));
        return;
    }
    expected.issuer = route.auth.issuer;
    expected.audiences = route.auth.audiences;
    withKeys(route.auth.jwks, [token, expected, rest, done](const Result<QJsonObject> &keys) {
        if (!keys)
            done(Decision{false, unauthorized(keys.errorMessage()), {}});
        else
            done(checkToken(token, *keys, expected, rest));
    });
}

void RouteAuthorizer::withKeys(const QString &source, const std::function<void(const Result<QJsonObject> &)> &use)
{
    const QUrl url(source, QUrl::StrictMode);
    const bool remote = url.scheme() == "https"_L1 || url.scheme() == "http"_L1;
    if (!remote) {
        // A file of the project: confined to its folder, read each time (it may change).
        const Result<QString> path = Paths::resolveUnder(mCloud.project().directory(), source);
        if (!path) {
            use(fail(tr("JWKS %1: %2").arg(source, path.errorMessage())));
            return;
        }
        // A regular file only: opening a FIFO would block until something writes to it.
        QFile file(*path);
        if (!QFileInfo(*path).isFile() || !file.open(QIODevice::ReadOnly) || file.size() > kJwksLimit) {
            use(fail(tr("JWKS %1: cannot read it, or it is over 1 MB").arg(source)));
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (!document.isObject() || !document.object().value("keys"_L1).isArray())
            use(fail(tr("JWKS %1 is not a JSON Web Key Set ({\"keys\": [...]})").arg(source)));
        else
            use(document.object());
        return;
    }
    KeySet &set = mKeySets[source];
    // On the cloud's clock, as the tokens' times: advancing it an hour fetches the keys again.
    const QDateTime now = mCloud.clock().now();
    if (!set.fetching && set.fetched.isValid() && set.fetched.secsTo(now) < kJwksSeconds) {
        use(set.keys);
        return;
    }
    set.waiting.append(use);
    if (set.fetching)
        return;
    set.fetching = true;
    // Fetched off this thread: an identity provider may be slow or away.
    auto *watcher = new QFutureWatcher<Result<QJsonObject>>(this);
    connect(watcher, &QFutureWatcher<Result<QJsonObject>>::finished, this, [this, watcher, source] {
        const Result<QJsonObject> keys = watcher->result();
        watcher->deleteLater();
        KeySet &set = mKeySets[source];
        set.fetching = false;
        if (keys) {
            set.keys = *keys;
            set.fetched = mCloud.clock().now();
        }
        const auto waiting = std::exchange(set.waiting, {});
        for (const auto &w : waiting)
            w(keys);
    });
    // A private identity provider's (or a test's) CA, as NIMBUS_PRICING_CA_FILE for the price lists.
    const QString caFile = qEnvironmentVariable("NIMBUS_JWKS_CA_FILE");
    watcher->setFuture(QtConcurrent::run([source, caFile]() -> Result<QJsonObject> {
        HttpClient::Request request;
        request.url = source;
        request.https = true;
        request.caFile = caFile;
        request.timeoutSeconds = 10;
        request.answerLimit = kJwksLimit;
        const Result<HttpClient::Answer> answer = HttpClient::exchange(request);
        if (!answer)
            return fail(tr("JWKS %1: %2").arg(source, answer.errorMessage()));
        if (answer->status != 200 || answer->truncated)
            return fail(tr("JWKS %1 answered %2").arg(source).arg(answer->status));
        const QJsonDocument document = QJsonDocument::fromJson(answer->body);
        if (!document.isObject() || !document.object().value("keys"_L1).isArray())
            return fail(tr("JWKS %1 is not a JSON Web Key Set ({\"keys\": [...]})").arg(source));
        return document.object();
    }));
}

RouteAuthorizer::Decision RouteAuthorizer::decide(const QJsonObject &response, bool simple, bool rest,
                                                  const QString &arn, const QString &function)
{
    Decision decision;
    const QJsonObject context = response.value("context"_L1).toObject();
    if (simple) {
        if (!response.value("isAuthorized"_L1).isBool()) {
            decision.refusal = authorizerFailed(
                tr("the authorizer %1 answered without a boolean isAuthorized").arg(function));
            return decision;
        }
        decision.allowed = response.value("isAuthorized"_L1).toBool();
    } else {
        if (!response.value("policyDocument"_L1).isObject()) {
            decision.refusal = authorizerFailed(
                tr("the authorizer %1 answered without a policyDocument").arg(function));
            return decision;
        }
        decision.allowed = policyAllows(response.value("policyDocument"_L1).toObject(), arn);
    }
    if (decision.allowed) {
        if (rest) {
            decision.authorizer = context;
            decision.authorizer.insert("principalId"_L1, response.value("principalId"_L1).toString());
        } else {
            decision.authorizer = {{"lambda"_L1, context.isEmpty() ? QJsonValue() : QJsonValue(context)}};
        }
    } else {
        decision.refusal = forbidden(tr("the authorizer %1 denied the request").arg(function), rest);
    }
    return decision;
}

void RouteAuthorizer::authorizeLambda(const HttpRoute &route, const RouteTable::Match &match,
                                      const HttpRequestData &request, const QString &requestId, const Done &done)
{
    const RouteAuth &auth = route.auth;
    QStringList identity;
    for (const QString &source : auth.identitySource) {
        const QString value = identityValue(request, source);
        if (value.isEmpty()) {
            // API Gateway refuses before calling the authorizer.
            done(Decision{false, unauthorized(tr("the request lacks the identity source %1").arg(source)), {}});
            return;
        }
        identity.append(value);
    }
    const QString arn = u"arn:aws:execute-api:%1:000000000000:local/%2/%3%4"_s.arg(
        mCloud.region(), route.restPayload ? u"local"_s : u"$default"_s, request.method.toUpper(), request.path);
    // Cached per route and identity.
    const QString cacheKey = QString::number(route.trigger) + u'\n' + identity.join(u'\n');
    const QDateTime now = mCloud.clock().now();
    if (auth.cacheSeconds > 0 && !identity.isEmpty()) {
        const auto cached = mCache.constFind(cacheKey);
        if (cached != mCache.cend() && cached->until > now) {
            done(decide(cached->response, auth.simpleResponses && !route.restPayload, route.restPayload, arn,
                        auth.function));
            return;
        }
    }
    QJsonObject event = route.restPayload ? GatewayEvents::restApiEvent(route, match, request, requestId)
                                          : GatewayEvents::httpApiEvent(route, match, request, requestId);
    event.remove("body"_L1);
    event.remove("isBase64Encoded"_L1);
    if (route.restPayload) {
        event.insert("type"_L1, "REQUEST"_L1);
        event.insert("methodArn"_L1, arn);
    } else {
        event.insert("type"_L1, "REQUEST"_L1);
        event.insert("routeArn"_L1, arn);
        event.insert("identitySource"_L1, QJsonArray::fromStringList(identity));
    }
    const bool simple = auth.simpleResponses && !route.restPayload;
    const bool rest = route.restPayload;
    const int ttl = auth.cacheSeconds;
    const QString what = tr("authorizer for %1 %2").arg(request.method, request.path);
    QPointer<RouteAuthorizer> self(this);
    const Result<qint64> started = mCloud.invoke(
        auth.function, JsonText::of(event), what, 0,
        [self, done, simple, rest, arn, cacheKey, ttl, now, function = auth.function](const InvocationResult &result) {
        Decision decision;
        const QJsonDocument answer = QJsonDocument::fromJson(result.resultJson);
        if (!result.ok) {
            const QString message = result.error.value("errorMessage"_L1).toString();
            // A REST authorizer refuses a caller by failing with "Unauthorized".
            decision.refusal = rest && message == "Unauthorized"_L1
                                   ? unauthorized(tr("%1 answered Unauthorized").arg(function))
                                   : authorizerFailed(tr("the authorizer %1 failed: %2").arg(function, message));
            done(decision);
            return;
        }
        const QJsonObject response = answer.object();
        decision = decide(response, simple, rest, arn, function);
        // API Gateway caches the authorizer's answer, not its verdict: a policy is evaluated
        // again for each request's ARN. An answer that is not one is not cached.
        if (self && ttl > 0 && decision.refusal.status != 500)
            self->mCache.insert(cacheKey, Cached{response, now.addSecs(ttl)});
        done(decision);
        },
        true, auth.functionNode);
    if (!started)
        done(Decision{
            false,
            authorizerFailed(tr("the authorizer %1 cannot run: %2").arg(auth.function, started.errorMessage())),
            {}});
}

std::optional<HttpResponseData> RouteAuthorizer::identityProvider(const HttpRequestData &request) const
{
    if (!request.path.startsWith(QLatin1String(kIdpPrefix)))
        return std::nullopt;
    const QString rest = request.path.mid(qsizetype(qstrlen(kIdpPrefix)));
    const qsizetype slash = rest.indexOf(u'/');
    const QString name = rest.left(slash);
    const QString what = rest.mid(slash);
    const LocalUserPool *p = slash > 0 ? pool(name) : nullptr;
    if (!p)
        return answer(404, R"({"message":"Not Found"})", tr("no user pool %1").arg(name.left(80)));
    const QString issuer = p->issuer(mGatewayUrl);
    auto json = [](int status, const QJsonObject &body) {
        HttpResponseData response = answer(status, QJsonDocument(body).toJson(QJsonDocument::Compact), {});
        response.headers.append(qMakePair(QByteArray("cache-control"), QByteArray("no-store")));
        return response;
    };
    const QString method = request.method.toUpper();
    if (what == "/.well-known/openid-configuration"_L1 && method == "GET"_L1)
        return json(200, p->discovery(issuer));
    if (what == "/.well-known/jwks.json"_L1 && method == "GET"_L1)
        return json(200, p->jwks());
    if (what == "/oauth2/token"_L1 && method == "POST"_L1) {
        if (!headerOf(request, u"content-type"_s).startsWith("application/x-www-form-urlencoded"))
            return json(
                400, QJsonObject{{"error"_L1, "invalid_request"_L1},
                                 {"error_description"_L1, tr("the body must be application/x-www-form-urlencoded")}});
        const auto [status, body] = p->tokenEndpoint(issuer, request.body, headerOf(request, u"authorization"_s),
                                                     mCloud.clock().now());
        return json(status, body);
    }
    return answer(404, R"({"message":"Not Found"})",
                  tr("user pool %1 serves no %2 %3").arg(name, method, what.left(80)));
}

} // namespace Nimbus
