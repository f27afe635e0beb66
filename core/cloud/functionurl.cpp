#include "functionurl.h"

#include "model/architecture.h"
#include "model/kinds.h"
#include "requestguard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr qsizetype kPreludeLimit = 64 * 1024;
const QByteArray kDelimiter(8, '\0');

QByteArray firstHeader(const HttpHeaders &headers, const char *name)
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

} // namespace

QString FunctionUrl::pathOf(const QString &function)
{
    return QLatin1String(kPrefix) + function + u'/';
}

QHash<QString, FunctionUrl> FunctionUrl::fromDesign(const Architecture &architecture)
{
    QHash<QString, FunctionUrl> urls;
    for (const auto &[id, node] : architecture.nodes()) {
        if (node.kind != Kinds::Function || !node.properties.value("functionUrl"_L1).toBool())
            continue;
        FunctionUrl url;
        url.function = node.name;
        url.iam = node.properties.value("functionUrlAuth"_L1).toString(u"AWS_IAM"_s) != "NONE"_L1;
        for (const QString &origin : node.properties.value("functionUrlCors"_L1).toString().split(u',')) {
            if (!origin.trimmed().isEmpty())
                url.origins.append(origin.trimmed());
        }
        url.streaming = node.properties.value("invokeMode"_L1).toString() == "RESPONSE_STREAM"_L1;
        urls.insert(node.name, url);
    }
    return urls;
}

std::optional<std::pair<QString, QString>> FunctionUrl::split(const QString &path)
{
    const QLatin1String prefix(kPrefix);
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QString rest = path.mid(prefix.size());
    const qsizetype slash = rest.indexOf(u'/');
    const QString function = slash < 0 ? rest : rest.left(slash);
    if (function.isEmpty())
        return std::nullopt;
    return std::pair{function, slash < 0 ? u"/"_s : rest.mid(slash)};
}

QJsonObject FunctionUrl::event(const HttpRequestData &request, const QString &rawPath, const QString &requestId) const
{
    // API Gateway's 2.0 event, then what a Function URL's differs in.
    HttpRoute route;
    route.method = u"ANY"_s;
    route.path = u"/{proxy+}"_s;
    HttpRequestData onUrl = request;
    onUrl.path = rawPath;
    QJsonObject event = GatewayEvents::httpApiEvent(route, RouteTable::Match{}, onUrl, requestId);
    const QString urlId = function.toLower();
    event.insert(u"routeKey"_s, u"$default"_s);
    event.insert(u"pathParameters"_s, QJsonValue::Null);
    event.insert(u"stageVariables"_s, QJsonValue::Null);
    QJsonObject context = event.value("requestContext"_L1).toObject();
    context.insert(u"routeKey"_s, u"$default"_s);
    context.insert(u"apiId"_s, urlId);
    context.insert(u"domainPrefix"_s, urlId);
    context.insert(u"domainName"_s, urlId + u".lambda-url.us-east-1.on.aws"_s);
    context.insert(u"authentication"_s, QJsonValue::Null);
    if (iam) {
        // Credential=AKID/date/region/lambda/aws4_request: the caller's access key.
        QString accessKey;
        const QString authorization = QString::fromUtf8(request.header("authorization"));
        if (const qsizetype at = authorization.indexOf("Credential="_L1); at >= 0)
            accessKey = authorization.mid(at + 11).section(u'/', 0, 0);
        else
            accessKey = QUrlQuery(QString::fromUtf8(request.query))
                            .queryItemValue(u"X-Amz-Credential"_s, QUrl::FullyDecoded)
                            .section(u'/', 0, 0);
        context.insert(u"authorizer"_s,
                       QJsonObject{{u"iam"_s, QJsonObject{{u"accessKey"_s, accessKey},
                                                          {u"accountId"_s, u"000000000000"_s},
                                                          {u"callerId"_s, accessKey},
                                                          {u"cognitoIdentity"_s, QJsonValue::Null},
                                                          {u"principalOrgId"_s, QJsonValue::Null},
                                                          {u"userArn"_s, u"arn:aws:iam::000000000000:user/local"_s},
                                                          {u"userId"_s, accessKey}}}});
    } else {
        context.insert(u"accountId"_s, u"anonymous"_s);
    }
    event.insert(u"requestContext"_s, context);
    return event;
}

bool FunctionUrl::isSigned(const HttpRequestData &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.startsWith("AWS4-HMAC-SHA256 ") && authorization.contains("Credential=")
        && authorization.contains("SignedHeaders=") && authorization.contains("Signature="))
        return true;
    const QUrlQuery query(QString::fromUtf8(request.query));
    return query.queryItemValue(u"X-Amz-Algorithm"_s) == "AWS4-HMAC-SHA256"_L1
           && query.hasQueryItem(u"X-Amz-Credential"_s) && query.hasQueryItem(u"X-Amz-Signature"_s);
}

HttpHeaders FunctionUrl::corsHeaders(const HttpRequestData &request) const
{
    const QByteArray origin = request.header("origin");
    if (origins.isEmpty() || origin.isEmpty() || RequestGuard::isUnsafeHeaderValue(origin))
        return {};
    const bool any = origins.contains(u"*"_s);
    if (!any && !origins.contains(QString::fromUtf8(origin)))
        return {};
    HttpHeaders headers = GatewayEvents::corsHeaders(request);
    for (auto &[key, value] : headers)
        if (key == "access-control-allow-origin")
            value = any ? QByteArray("*") : origin;
    return headers;
}

QByteArray StreamedAnswer::feed(const QByteArray &chunk)
{
    if (mHeadKnown)
        return chunk;
    mPending += chunk;
    const qsizetype end = mPending.indexOf(kDelimiter);
    if (end >= 0 && mPending.startsWith('{')) {
        parsePrelude(mPending.left(end));
        mHeadKnown = true;
        return std::exchange(mPending, {}).mid(end + kDelimiter.size());
    }
    // Not a prelude (or one too long to be one): the body itself.
    if (!mPending.startsWith('{') || mPending.size() > kPreludeLimit) {
        mHeaders = {{"content-type", "application/octet-stream"}};
        mHeadKnown = true;
        return std::exchange(mPending, {});
    }
    return {};
}

QByteArray StreamedAnswer::finish()
{
    if (mHeadKnown)
        return {};
    mHeaders = {{"content-type", "application/octet-stream"}};
    mHeadKnown = true;
    return std::exchange(mPending, {});
}

void StreamedAnswer::parsePrelude(const QByteArray &prelude)
{
    const QJsonObject head = QJsonDocument::fromJson(prelude).object();
    mStatus = head.value("statusCode"_L1).toInt(200);
    if (mStatus < 100 || mStatus > 599)
        mStatus = 500;
    const QJsonObject headers = head.value("headers"_L1).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QByteArray name = it.key().toLatin1().toLower();
        const QByteArray value = it.value().toVariant().toString().toUtf8();
        // Nothing that could end a header line or take over the framing.
        if (RequestGuard::isUnsafeHeaderValue(name) || RequestGuard::isUnsafeHeaderValue(value) || name.contains(':')
            || name.contains(' ') || name == "content-length" || name == "transfer-encoding" || name == "connection"
            || name.isEmpty())
            continue;
        mHeaders.append(qMakePair(name, value));
    }
    for (const QJsonValue &cookie : head.value("cookies"_L1).toArray()) {
        const QByteArray value = cookie.toString().toUtf8();
        if (!value.isEmpty() && !RequestGuard::isUnsafeHeaderValue(value))
            mHeaders.append(qMakePair(QByteArray("set-cookie"), value));
    }
    if (firstHeader(mHeaders, "content-type").isEmpty())
        mHeaders.append(qMakePair(QByteArray("content-type"), QByteArray("application/octet-stream")));
}

} // namespace Nimbus
