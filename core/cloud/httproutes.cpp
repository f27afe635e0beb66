#include "httproutes.h"

#include "requestguard.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>
#include <QUrlQuery>
#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QStringList segments(const QString &path)
{
    return path.split('/'_L1, Qt::SkipEmptyParts);
}

// How specific a route is, for ordering: literal segments, then parameters, greedy last.
struct Specificity
{
    int literals = 0;
    int parameters = 0;
    bool greedy = false;
    bool anyMethod = false;
    bool operator<(const Specificity &o) const
    {
        if (greedy != o.greedy)
            return greedy; // non-greedy first
        if (literals != o.literals)
            return literals > o.literals;
        if (parameters != o.parameters)
            return parameters > o.parameters;
        return !anyMethod && o.anyMethod;
    }
};

// want: a route's path in segments, have: the request's.
std::optional<QJsonObject> matchPath(const QStringList &want, const QStringList &have, Specificity *spec)
{
    QJsonObject parameters;
    for (int i = 0; i < want.size(); ++i) {
        const QString &w = want.at(i);
        if (w.startsWith('{'_L1) && w.endsWith("+}"_L1)) {
            if (i != want.size() - 1 || i >= have.size())
                return std::nullopt;
            parameters.insert(w.mid(1, w.size() - 3), have.mid(i).join('/'_L1));
            spec->greedy = true;
            return parameters;
        }
        if (i >= have.size())
            return std::nullopt;
        if (w.startsWith('{'_L1) && w.endsWith('}'_L1)) {
            parameters.insert(w.mid(1, w.size() - 2), have.at(i));
            ++spec->parameters;
        } else if (w == have.at(i)) {
            ++spec->literals;
        } else {
            return std::nullopt;
        }
    }
    if (have.size() != want.size())
        return std::nullopt;
    return parameters;
}

bool isTextual(const QByteArray &contentType)
{
    const QByteArray type = contentType.toLower();
    return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
           || type.contains("javascript") || type.contains("x-www-form-urlencoded") || type.contains("yaml");
}

void addHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value)
{
    headers.append(qMakePair(name, value));
}

QByteArray header(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

// requestContext's domainName and domainPrefix: API Gateway gives the name the client
// called (its Host, here without the port AWS's names never carry) and that name's first
// label. An address has no labels: its prefix is the whole address. No Host: "localhost".
struct Domain
{
    QString name;
    QString prefix;
};

Domain domainOf(const HttpHeaders &headers)
{
    QString name = RequestGuard::hostOf(header(headers, "host"));
    if (name.isEmpty())
        name = u"localhost"_s;
    const bool address = name.contains(u':') || (name.front().isDigit() && !QHostAddress(name).isNull());
    const qsizetype dot = name.indexOf(u'.');
    return {name, address || dot <= 0 ? name : name.first(dot)};
}

// "12/Mar/2020:19:03:58 +0000". Formatting a date costs more than the rest of a small
// event's fields: each connection thread keeps the text of the last second it wrote.
QString clfTime(const QDateTime &when)
{
    thread_local qint64 lastSecond = -1;
    thread_local QString lastText;
    const qint64 second = when.toSecsSinceEpoch();
    if (second != lastSecond) {
        lastText = QLocale::c().toString(when.toUTC(), u"dd/MMM/yyyy:HH:mm:ss"_s) + " +0000"_L1;
        lastSecond = second;
    }
    return lastText;
}

// Writes the JSON text of an event straight into one buffer. A string of printable ASCII
// other than the quote and the backslash is the same in JSON and is copied as it is;
// QJsonDocument writes any other string, so every escape is Qt's.
class EventWriter
{
public:
    EventWriter() { mOut.reserve(1024); }

    EventWriter &raw(const char *text)
    {
        mOut.append(text);
        return *this;
    }
    // A key and its separator: keys are the writer's own literals, plain by construction.
    EventWriter &key(const char *name)
    {
        mOut.append('"').append(name).append("\":");
        return *this;
    }
    EventWriter &string(QStringView text)
    {
        if (std::all_of(text.begin(), text.end(), [](QChar c) { return isPlain(c.unicode()); })) {
            const qsizetype at = mOut.size();
            mOut.resize(at + text.size() + 2);
            char *out = mOut.data() + at;
            *out++ = '"';
            for (const QChar c : text)
                *out++ = char(c.unicode());
            *out = '"';
        } else {
            quoted(text.toString());
        }
        return *this;
    }
    // Bytes that are UTF-8 text (a header's value, a body).
    EventWriter &utf8(QByteArrayView text)
    {
        if (std::all_of(text.begin(), text.end(), [](char c) { return isPlain(uchar(c)); }))
            mOut.append('"').append(text).append('"');
        else
            quoted(QString::fromUtf8(text));
        return *this;
    }
    EventWriter &number(qint64 value)
    {
        mOut.append(QByteArray::number(value));
        return *this;
    }
    EventWriter &boolean(bool value)
    {
        mOut.append(value ? "true" : "false");
        return *this;
    }
    // An object of strings, keys and values; any other value has Qt write the object.
    EventWriter &stringObject(const QJsonObject &object)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                mOut.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
                return *this;
            }
        }
        char separator = '{';
        for (auto it = object.begin(); it != object.end(); ++it) {
            mOut.append(separator);
            string(it.key()).raw(":").string(it.value().toString());
            separator = ',';
        }
        mOut.append(object.isEmpty() ? "{}" : "}");
        return *this;
    }

    EventWriter &null()
    {
        mOut.append("null");
        return *this;
    }
    // {"name":"value",...} from the last of each name's values, or null when there is none.
    template<typename Values>
    EventWriter &lastValues(const Values &values)
    {
        if (values.isEmpty())
            return null();
        for (qsizetype i = 0; i < values.size(); ++i)
            raw(i ? "," : "{").string(values[i].name).raw(":").string(values[i].values.constLast());
        return raw("}");
    }
    // {"name":["value",...],...}, or null when there is none.
    template<typename Values>
    EventWriter &allValues(const Values &values)
    {
        if (values.isEmpty())
            return null();
        for (qsizetype i = 0; i < values.size(); ++i) {
            raw(i ? "," : "{").string(values[i].name).raw(":");
            for (qsizetype j = 0; j < values[i].values.size(); ++j)
                raw(j ? "," : "[").string(values[i].values[j]);
            raw("]");
        }
        return raw("}");
    }

    QByteArray take() { return std::move(mOut); }

private:
    static bool isPlain(uint c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }
    void quoted(const QString &text)
    {
        // ["..."]: the string as QJsonDocument writes it, between the brackets.
        const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        mOut.append(QByteArrayView(array).sliced(1, array.size() - 2));
    }

    QByteArray mOut;
};

// A Cookie header's cookies, as an HTTP API event lists them.
QStringList cookiesOf(const QByteArray &header)
{
    QStringList cookies;
    for (const QByteArray &cookie : header.split(';'))
        if (!cookie.trimmed().isEmpty())
            cookies.append(QString::fromUtf8(cookie.trimmed()));
    return cookies;
}

// A request's values of one name, in the order the names first came: an HTTP API event
// joins them with commas, a REST event keeps each (multiValueHeaders, ...).
struct Listed
{
    QString name;
    QStringList values;
};

void list(QVarLengthArray<Listed, 16> &values, const QString &name, const QString &value)
{
    for (Listed &have : values) {
        if (have.name == name) {
            have.values.append(value);
            return;
        }
    }
    values.append({name, {value}});
}

} // namespace

QByteArray HttpRequestData::header(const char *name) const
{
    return Nimbus::header(headers, name);
}

void RouteTable::add(const HttpRoute &route)
{
    mRoutes.append(route);
    mPatterns.append(segments(route.path));
    mHasRest = mHasRest || route.restPayload;
}

std::optional<RouteTable::Match> RouteTable::match(const QString &method, const QString &path,
                                                   const QByteArray &rawPath) const
{
    std::optional<Match> best;
    Specificity bestSpec;
    const QStringList have = segments(path);
    const QStringList haveSent = mHasRest && !rawPath.isEmpty() ? segments(QString::fromLatin1(rawPath)) : have;
    for (qsizetype i = 0; i < mRoutes.size(); ++i) {
        const HttpRoute &route = mRoutes.at(i);
        const bool any = route.method == "ANY"_L1;
        if (!any && route.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        Specificity spec;
        spec.anyMethod = any;
        const std::optional<QJsonObject> parameters = matchPath(mPatterns.at(i), route.restPayload ? haveSent : have,
                                                                &spec);
        if (!parameters)
            continue;
        if (!best || spec < bestSpec) {
            best = Match{&route, *parameters};
            bestSpec = spec;
        }
    }
    return best;
}

namespace GatewayEvents {

JsonText httpApiEventText(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                          const QString &requestId)
{
    EventWriter out;
    // Names in lower case, cookies apart.
    QVarLengthArray<Listed, 16> headers;
    QStringList cookies;
    for (const auto &[key, value] : request.headers) {
        const QString name = QString::fromLatin1(key).toLower();
        if (name == "cookie"_L1) {
            cookies += cookiesOf(value);
            continue;
        }
        list(headers, name, QString::fromUtf8(value));
    }
    QVarLengthArray<Listed, 16> query;
    if (!request.query.isEmpty()) {
        const QUrlQuery parsed(QString::fromUtf8(request.query));
        for (const auto &[key, value] : parsed.queryItems(QUrl::FullyDecoded))
            list(query, key, value);
    }
    const QString routeKey = route.method + ' '_L1 + route.path;

    out.raw("{").key("version").raw("\"2.0\",").key("routeKey").string(routeKey);
    out.raw(",").key("rawPath").string(request.path);
    out.raw(",").key("rawQueryString").utf8(request.query);
    if (!cookies.isEmpty()) {
        out.raw(",").key("cookies").raw("[");
        for (qsizetype i = 0; i < cookies.size(); ++i)
            out.raw(i ? "," : "").string(cookies[i]);
        out.raw("]");
    }
    out.raw(",").key("headers").raw("{");
    for (qsizetype i = 0; i < headers.size(); ++i)
        out.raw(i ? "," : "").string(headers[i].name).raw(":").string(headers[i].values.join(u','));
    out.raw("}");
    if (!query.isEmpty()) {
        out.raw(",").key("queryStringParameters").raw("{");
        for (qsizetype i = 0; i < query.size(); ++i)
            out.raw(i ? "," : "").string(query[i].name).raw(":").string(query[i].values.join(u','));
        out.raw("}");
    }
    out.raw(",").key("requestContext").raw("{");
    out.key("accountId").raw("\"000000000000\",").key("apiId").raw("\"local\",");
    const Domain domain = domainOf(request.headers);
    out.key("domainName").string(domain.name).raw(",").key("domainPrefix").string(domain.prefix).raw(",");
    out.key("http").raw("{").key("method").string(request.method.toUpper());
    out.raw(",").key("path").string(request.path);
    out.raw(",").key("protocol").raw("\"HTTP/1.1\"");
    out.raw(",").key("sourceIp").string(request.sourceIp);
    out.raw(",").key("userAgent").utf8(header(request.headers, "user-agent")).raw("}");
    out.raw(",").key("requestId").string(requestId);
    out.raw(",").key("routeKey").string(routeKey);
    out.raw(",").key("stage").raw("\"$default\"");
    out.raw(",").key("time").string(clfTime(request.when));
    out.raw(",").key("timeEpoch").number(request.when.toMSecsSinceEpoch()).raw("}");
    const bool textual = isTextual(header(request.headers, "content-type"));
    if (!request.body.isEmpty()) {
        out.raw(",").key("body");
        if (textual)
            out.utf8(request.body);
        else
            out.utf8(request.body.toBase64());
    }
    if (!match.pathParameters.isEmpty())
        out.raw(",").key("pathParameters").stringObject(match.pathParameters);
    out.raw(",").key("isBase64Encoded").boolean(!request.body.isEmpty() && !textual).raw("}");
    return JsonText::ofWritten(out.take());
}

JsonText restApiEventText(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                          const QString &requestId)
{
    EventWriter out;
    // Names as they came: the last value of each in headers, all of them in multiValueHeaders.
    QVarLengthArray<Listed, 16> headers;
    for (const auto &[key, value] : request.headers)
        list(headers, QString::fromLatin1(key), QString::fromUtf8(value));
    QVarLengthArray<Listed, 16> query;
    if (!request.query.isEmpty()) {
        for (const auto &[key, value] : QUrlQuery(QString::fromUtf8(request.query)).queryItems(QUrl::FullyDecoded))
            list(query, key, value);
    }
    const QString method = request.method.toUpper();
    const QString path = request.sentPath(); // a REST API hands the path as it was sent
    out.raw("{").key("resource").string(route.path);
    out.raw(",").key("path").string(path);
    out.raw(",").key("httpMethod").string(method);
    out.raw(",").key("headers").lastValues(headers);
    out.raw(",").key("multiValueHeaders").allValues(headers);
    out.raw(",").key("queryStringParameters").lastValues(query);
    out.raw(",").key("multiValueQueryStringParameters").allValues(query);
    out.raw(",").key("pathParameters");
    if (match.pathParameters.isEmpty())
        out.null();
    else
        out.stringObject(match.pathParameters);
    out.raw(",").key("stageVariables").null();
    out.raw(",").key("requestContext").raw("{");
    out.key("accountId").raw("\"000000000000\",").key("apiId").raw("\"local\",");
    const Domain domain = domainOf(request.headers);
    out.key("domainName").string(domain.name).raw(",").key("domainPrefix").string(domain.prefix).raw(",");
    out.key("httpMethod").string(method);
    out.raw(",").key("identity").raw("{").key("sourceIp").string(request.sourceIp);
    out.raw(",").key("userAgent").utf8(header(request.headers, "user-agent")).raw("}");
    out.raw(",").key("path").string(path);
    out.raw(",").key("protocol").raw("\"HTTP/1.1\"");
    out.raw(",").key("requestId").string(requestId);
    out.raw(",").key("requestTime").string(clfTime(request.when));
    out.raw(",").key("requestTimeEpoch").number(request.when.toMSecsSinceEpoch());
    out.raw(",").key("resourcePath").string(route.path);
    out.raw(",").key("stage").raw("\"local\"}");
    const bool textual = isTextual(header(request.headers, "content-type"));
    out.raw(",").key("body");
    if (request.body.isEmpty())
        out.null();
    else if (textual)
        out.utf8(request.body);
    else
        out.utf8(request.body.toBase64());
    out.raw(",").key("isBase64Encoded").boolean(!request.body.isEmpty() && !textual).raw("}");
    return JsonText::ofWritten(out.take());
}

QJsonObject httpApiEvent(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                         const QString &requestId)
{
    return QJsonDocument::fromJson(httpApiEventText(route, match, request, requestId).text()).object();
}

QJsonObject restApiEvent(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                         const QString &requestId)
{
    return QJsonDocument::fromJson(restApiEventText(route, match, request, requestId).text()).object();
}

HttpResponseData errorResponse(int status, const QString &problem)
{
    static const QHash<int, QByteArray> messages = {{403, "Forbidden"},
                                                    {404, "Not Found"},
                                                    {413, "Request Entity Too Large"},
                                                    {500, "Internal Server Error"},
                                                    {502, "Internal Server Error"},
                                                    {503, "Service Unavailable"},
                                                    {504, "Endpoint request timed out"}};
    HttpResponseData r;
    r.status = status;
    addHeader(r.headers, "content-type", "application/json");
    r.body = "{\"message\":\"" + messages.value(status, "Error") + "\"}";
    r.problem = problem;
    return r;
}

HttpResponseData response(const QByteArray &resultJson, bool restPayload)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + resultJson + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1)
        return errorResponse(502, u"the function's result is not JSON"_s);
    const QJsonValue result = doc.array().first();
    const QJsonObject object = result.toObject();
    if (!result.isObject() || !object.contains(u"statusCode"_s)) {
        if (restPayload)
            return errorResponse(502, u"a REST API (payload 1.0) function must return a statusCode"_s);
        // HTTP API: any other JSON is the body of a 200.
        HttpResponseData r;
        addHeader(r.headers, "content-type", "application/json");
        r.body = result.isString() ? result.toString().toUtf8() : resultJson.trimmed();
        return r;
    }
    HttpResponseData r;
    const QJsonValue status = object.value(u"statusCode"_s);
    r.status = status.isString() ? status.toString().toInt() : status.toInt();
    if (r.status < 100 || r.status > 599)
        return errorResponse(502, u"statusCode %1 is not an HTTP status"_s.arg(status.toVariant().toString()));
    // A header that would end its line is refused as API Gateway refuses a malformed
    // answer; the framing is the gateway's own.
    QString badHeader;
    auto add = [&](const QString &name, const QByteArray &value) {
        const QByteArray key = name.toUtf8();
        if (!RequestGuard::isHeaderName(key) || RequestGuard::isUnsafeHeaderValue(value)) {
            badHeader = name;
            return;
        }
        static const QByteArrayList framing = {"content-length", "transfer-encoding", "connection"};
        if (!framing.contains(key.toLower()))
            addHeader(r.headers, key, value);
    };
    const QJsonObject headers = object.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        add(it.key(), it.value().toVariant().toString().toUtf8());
    const QJsonObject multi = object.value(u"multiValueHeaders"_s).toObject();
    for (auto it = multi.begin(); it != multi.end(); ++it)
        for (const QJsonValue &v : it.value().toArray())
            add(it.key(), v.toVariant().toString().toUtf8());
    for (const QJsonValue &cookie : object.value(u"cookies"_s).toArray())
        add(u"set-cookie"_s, cookie.toString().toUtf8());
    if (!badHeader.isNull())
        return errorResponse(
            502, QStringLiteral("the function's response header '%1' is not a valid HTTP header (a line break or "
                                "a character a header name cannot hold)")
                     .arg(badHeader.left(100)));
    const QJsonValue body = object.value(u"body"_s);
    const QByteArray text = body.isString() ? body.toString().toUtf8()
                            : body.isUndefined() || body.isNull()
                                ? QByteArray()
                                : QJsonDocument::fromVariant(body.toVariant()).toJson(QJsonDocument::Compact);
    r.body = object.value(u"isBase64Encoded"_s).toBool() ? QByteArray::fromBase64(text) : text;
    if (header(r.headers, "content-type").isEmpty() && !r.body.isEmpty())
        addHeader(r.headers, "content-type", restPayload ? "application/json" : "text/plain; charset=utf-8");
    return r;
}

bool isPreflight(const HttpRequestData &request)
{
    return request.method.compare("OPTIONS"_L1, Qt::CaseInsensitive) == 0
           && !header(request.headers, "access-control-request-method").isEmpty();
}

HttpHeaders corsHeaders(const HttpRequestData &request)
{
    // Echoed values are the request's: nothing that could end the header line.
    auto echoed = [&](const char *name) {
        const QByteArray value = header(request.headers, name);
        return RequestGuard::isUnsafeHeaderValue(value) ? QByteArray() : value;
    };
    const QByteArray origin = echoed("origin");
    const QByteArray wanted = echoed("access-control-request-headers");
    HttpHeaders h{{"access-control-allow-origin", origin.isEmpty() ? QByteArray("*") : origin},
                  {"access-control-allow-methods", "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS"},
                  {"access-control-allow-headers", wanted.isEmpty() ? QByteArray("*") : wanted},
                  {"access-control-max-age", "600"}};
    if (!origin.isEmpty())
        addHeader(h, "vary", "Origin");
    return h;
}

} // namespace GatewayEvents
QString serverUrl(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? '['_L1 + address.toString() + ']'_L1
                                                                             : address.toString();
    return u"http://%1:%2"_s.arg(host).arg(port);
}

} // namespace Nimbus
