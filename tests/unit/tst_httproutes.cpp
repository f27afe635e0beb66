// The local gateway's routing (API Gateway's precedence), the events it builds (HTTP
// API v2, REST v1, against the sample events) and how it maps a function's answer.

#include "cloud/httproutes.h"
#include "runtime/eventtemplates.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace Nimbus;

namespace {
HttpRoute route(const char *method, const char *path, const char *function)
{
    HttpRoute r;
    r.method = QString::fromLatin1(method);
    r.path = QString::fromLatin1(path);
    r.functionName = QString::fromLatin1(function);
    return r;
}

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

// What the events must hold, built here the plain way (objects, key by key, from API
// Gateway's documentation) as the oracle the gateway's text writers are checked against.
QString firstHeader(const HttpRequestData &request, const char *name)
{
    return QString::fromUtf8(request.header(name));
}

bool textualBody(const HttpRequestData &request)
{
    const QString type = firstHeader(request, "content-type").toLower();
    return type.isEmpty() || type.startsWith(QStringLiteral("text/")) || type.contains(QStringLiteral("json"))
           || type.contains(QStringLiteral("xml")) || type.contains(QStringLiteral("javascript"))
           || type.contains(QStringLiteral("x-www-form-urlencoded")) || type.contains(QStringLiteral("yaml"));
}

QJsonValue bodyOf(const HttpRequestData &request)
{
    if (request.body.isEmpty())
        return QJsonValue();
    return textualBody(request) ? QString::fromUtf8(request.body) : QString::fromLatin1(request.body.toBase64());
}

// The name the client called, without its port; its first label, or all of it for an address.
QPair<QString, QString> domainOf(const HttpRequestData &request)
{
    QString host = firstHeader(request, "host").toLower();
    if (host.isEmpty())
        return {QStringLiteral("localhost"), QStringLiteral("localhost")};
    if (host.startsWith(u'['))
        host = host.mid(1, host.indexOf(u']') - 1);
    else if (host.contains(u':'))
        host = host.section(u':', 0, -2);
    const bool address = !QHostAddress(host).isNull();
    return {host, address ? host : host.section(u'.', 0, 0)};
}

QString clf(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("dd/MMM/yyyy:HH:mm:ss")) + QStringLiteral(" +0000");
}

QList<QPair<QString, QString>> queryItems(const HttpRequestData &request)
{
    return QUrlQuery(QString::fromUtf8(request.query)).queryItems(QUrl::FullyDecoded);
}

QJsonObject expectedHttpApiEvent(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                                 const QString &requestId)
{
    QJsonObject headers;
    QJsonArray cookies;
    for (const auto &[key, value] : request.headers) {
        const QString name = QString::fromLatin1(key).toLower();
        if (name == QLatin1String("cookie")) {
            for (const QByteArray &cookie : value.split(';'))
                if (!cookie.trimmed().isEmpty())
                    cookies.append(QString::fromUtf8(cookie.trimmed()));
            continue;
        }
        // Repeated headers joined with commas.
        const QString text = QString::fromUtf8(value);
        headers.insert(name, headers.contains(name) ? headers.value(name).toString() + u',' + text : text);
    }
    QJsonObject query;
    for (const auto &[key, value] : queryItems(request))
        query.insert(key, query.contains(key) ? query.value(key).toString() + u',' + value : value);
    const QString routeKey = route.method + u' ' + route.path;
    const QJsonObject http{{QStringLiteral("method"), request.method.toUpper()},
                           {QStringLiteral("path"), request.path},
                           {QStringLiteral("protocol"), QStringLiteral("HTTP/1.1")},
                           {QStringLiteral("sourceIp"), request.sourceIp},
                           {QStringLiteral("userAgent"), firstHeader(request, "user-agent")}};
    const QJsonObject context{{QStringLiteral("accountId"), QStringLiteral("000000000000")},
                              {QStringLiteral("apiId"), QStringLiteral("local")},
                              {QStringLiteral("domainName"), domainOf(request).first},
                              {QStringLiteral("domainPrefix"), domainOf(request).second},
                              {QStringLiteral("http"), http},
                              {QStringLiteral("requestId"), requestId},
                              {QStringLiteral("routeKey"), routeKey},
                              {QStringLiteral("stage"), QStringLiteral("$default")},
                              {QStringLiteral("time"), clf(request.when)},
                              {QStringLiteral("timeEpoch"), double(request.when.toMSecsSinceEpoch())}};
    QJsonObject event{{QStringLiteral("version"), QStringLiteral("2.0")},
                      {QStringLiteral("routeKey"), routeKey},
                      {QStringLiteral("rawPath"), request.path},
                      {QStringLiteral("rawQueryString"), QString::fromUtf8(request.query)},
                      {QStringLiteral("headers"), headers},
                      {QStringLiteral("requestContext"), context},
                      {QStringLiteral("isBase64Encoded"), !request.body.isEmpty() && !textualBody(request)}};
    if (!cookies.isEmpty())
        event.insert(QStringLiteral("cookies"), cookies);
    if (!query.isEmpty())
        event.insert(QStringLiteral("queryStringParameters"), query);
    if (!match.pathParameters.isEmpty())
        event.insert(QStringLiteral("pathParameters"), match.pathParameters);
    if (!request.body.isEmpty())
        event.insert(QStringLiteral("body"), bodyOf(request));
    return event;
}

QJsonObject expectedRestApiEvent(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                                 const QString &requestId)
{
    // Each name's last value in the one, all its values in the other; null when none.
    QJsonObject headers;
    QJsonObject multiHeaders;
    for (const auto &[key, value] : request.headers) {
        const QString name = QString::fromLatin1(key);
        headers.insert(name, QString::fromUtf8(value));
        multiHeaders.insert(name, QJsonArray(multiHeaders.value(name).toArray()) << QString::fromUtf8(value));
    }
    QJsonObject query;
    QJsonObject multiQuery;
    for (const auto &[key, value] : queryItems(request)) {
        query.insert(key, value);
        multiQuery.insert(key, QJsonArray(multiQuery.value(key).toArray()) << value);
    }
    auto orNull = [](const QJsonObject &o) { return o.isEmpty() ? QJsonValue() : QJsonValue(o); };
    const QJsonObject identity{{QStringLiteral("sourceIp"), request.sourceIp},
                               {QStringLiteral("userAgent"), firstHeader(request, "user-agent")}};
    const QJsonObject context{{QStringLiteral("accountId"), QStringLiteral("000000000000")},
                              {QStringLiteral("apiId"), QStringLiteral("local")},
                              {QStringLiteral("domainName"), domainOf(request).first},
                              {QStringLiteral("domainPrefix"), domainOf(request).second},
                              {QStringLiteral("httpMethod"), request.method.toUpper()},
                              {QStringLiteral("identity"), identity},
                              {QStringLiteral("path"), request.sentPath()},
                              {QStringLiteral("protocol"), QStringLiteral("HTTP/1.1")},
                              {QStringLiteral("requestId"), requestId},
                              {QStringLiteral("requestTime"), clf(request.when)},
                              {QStringLiteral("requestTimeEpoch"), double(request.when.toMSecsSinceEpoch())},
                              {QStringLiteral("resourcePath"), route.path},
                              {QStringLiteral("stage"), QStringLiteral("local")}};
    return {{QStringLiteral("resource"), route.path},
            {QStringLiteral("path"), request.sentPath()},
            {QStringLiteral("httpMethod"), request.method.toUpper()},
            {QStringLiteral("headers"), orNull(headers)},
            {QStringLiteral("multiValueHeaders"), orNull(multiHeaders)},
            {QStringLiteral("queryStringParameters"), orNull(query)},
            {QStringLiteral("multiValueQueryStringParameters"), orNull(multiQuery)},
            {QStringLiteral("pathParameters"), orNull(match.pathParameters)},
            {QStringLiteral("stageVariables"), QJsonValue()},
            {QStringLiteral("requestContext"), context},
            {QStringLiteral("body"), bodyOf(request)},
            {QStringLiteral("isBase64Encoded"), !request.body.isEmpty() && !textualBody(request)}};
}
} // namespace

class TestHttpRoutes : public QObject
{
    Q_OBJECT

private slots:
    void matching_data();
    void matching();
    void httpApiEvent();
    void eventText_data();
    void eventText();
    void domainName_data();
    void domainName();
    void binaryBody();
    void restApiEvent();
    void responses_data();
    void responses();
    void cors();
};

void TestHttpRoutes::matching_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("parameters");
    QTest::newRow("literal beats parameter") << "GET"
                                             << "/items/new"
                                             << "newItem"
                                             << "{}";
    QTest::newRow("parameter") << "GET"
                               << "/items/42"
                               << "getItem"
                               << R"({"id":"42"})";
    QTest::newRow("method") << "POST"
                            << "/items/42"
                            << "anyItem"
                            << R"({"id":"42"})";
    QTest::newRow("greedy last") << "GET"
                                 << "/files/a/b/c.txt"
                                 << "files"
                                 << R"({"proxy":"a/b/c.txt"})";
    QTest::newRow("root") << "GET"
                          << "/"
                          << "home"
                          << "{}";
    QTest::newRow("trailing slash") << "GET"
                                    << "/items/42/"
                                    << "getItem"
                                    << R"({"id":"42"})";
    QTest::newRow("no route") << "GET"
                              << "/nothing/here"
                              << ""
                              << "";
    QTest::newRow("greedy needs a segment") << "GET"
                                            << "/files"
                                            << ""
                                            << "";
    QTest::newRow("case of method") << "get"
                                    << "/items/7"
                                    << "getItem"
                                    << R"({"id":"7"})";
}

void TestHttpRoutes::matching()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, function);
    QFETCH(QString, parameters);
    RouteTable table;
    table.add(route("ANY", "/items/{id}", "anyItem"));
    table.add(route("GET", "/items/{id}", "getItem"));
    table.add(route("GET", "/items/new", "newItem"));
    table.add(route("GET", "/files/{proxy+}", "files"));
    table.add(route("GET", "/", "home"));
    const auto match = table.match(method, path);
    if (function.isEmpty()) {
        QVERIFY(!match);
        return;
    }
    QVERIFY(match);
    QCOMPARE(match->route->functionName, function);
    QCOMPARE(match->pathParameters, QJsonDocument::fromJson(parameters.toUtf8()).object());
}

void TestHttpRoutes::httpApiEvent()
{
    RouteTable table;
    table.add(route("GET", "/items/{id}", "getItem"));
    HttpRequestData request;
    request.method = QStringLiteral("GET");
    request.path = QStringLiteral("/items/42");
    request.query = "color=red&size=m&size=l&q=a%20b";
    request.headers = {{"User-Agent", "curl/7.88"},
                       {"Accept", "text/html"},
                       {"Accept", "application/json"},
                       {"Cookie", "session=abc; theme=dark"}};
    request.when = QDateTime(QDate(2027, 3, 12), QTime(19, 3, 58), Qt::UTC);
    const auto match = table.match(request.method, request.path);
    const QJsonObject event = GatewayEvents::httpApiEvent(*match->route, *match, request, QStringLiteral("req-1"));

    const Result<QByteArray> sample = EventTemplates::builtin().generate(QStringLiteral("apigateway-http-v2"), {});
    QVERIFY(sample);
    QJsonObject expected = QJsonDocument::fromJson(*sample).object();
    // The sample has every field a GET with a query, cookies and no body has.
    expected.remove(QStringLiteral("body"));
    QStringList want = keys(expected);
    want.append(QStringLiteral("cookies"));
    want.sort();
    QCOMPARE(keys(event), want);
    QCOMPARE(keys(event.value(QStringLiteral("requestContext")).toObject()),
             keys(expected.value(QStringLiteral("requestContext")).toObject()));

    QCOMPARE(event.value(QStringLiteral("routeKey")).toString(), QStringLiteral("GET /items/{id}"));
    QCOMPARE(event.value(QStringLiteral("rawQueryString")).toString(),
             QStringLiteral("color=red&size=m&size=l&q=a%20b"));
    const QJsonObject query = event.value(QStringLiteral("queryStringParameters")).toObject();
    QCOMPARE(query.value(QStringLiteral("size")).toString(), QStringLiteral("m,l"));
    QCOMPARE(query.value(QStringLiteral("q")).toString(), QStringLiteral("a b"));
    const QJsonObject headers = event.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("accept")).toString(), QStringLiteral("text/html,application/json"));
    QVERIFY(!headers.contains(QStringLiteral("cookie")));
    QCOMPARE(event.value(QStringLiteral("cookies")).toArray(), (QJsonArray{"session=abc", "theme=dark"}));
    QCOMPARE(event.value(QStringLiteral("pathParameters")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("42"));
    const QJsonObject context = event.value(QStringLiteral("requestContext")).toObject();
    QCOMPARE(context.value(QStringLiteral("time")).toString(), QStringLiteral("12/Mar/2027:19:03:58 +0000"));
    QCOMPARE(context.value(QStringLiteral("http")).toObject().value(QStringLiteral("userAgent")).toString(),
             QStringLiteral("curl/7.88"));
    QVERIFY(!event.value(QStringLiteral("isBase64Encoded")).toBool());
}

// The events are written as text: each must hold what the oracle above builds for its
// payload format, whatever the request carries (text that JSON escapes, text that is not
// ASCII, bytes that are not UTF-8, a percent-encoded path), and be one JSON value.
void TestHttpRoutes::eventText_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QList<QByteArray>>("headers"); // "Name: value"
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("sourceIp");
    QTest::addColumn<QByteArray>("rawPath"); // as sent, when the row gives it
    const QString get = QStringLiteral("GET");
    const QString ip = QStringLiteral("127.0.0.1");
    QTest::newRow("wrk's GET") << get << "/items/42" << QByteArray() << QList<QByteArray>{"Host: 127.0.0.1:3000"}
                               << QByteArray() << ip << QByteArray();
    QTest::newRow("query, cookies, repeated headers")
        << get << "/items/42" << QByteArray("color=red&size=m&size=l&q=a%20b&flag&empty=")
        << QList<QByteArray>{"User-Agent: curl/7.88", "Accept: text/html", "ACCEPT: application/json",
                             "Cookie: session=abc; theme=dark", "Cookie: ;lang=fr"}
        << QByteArray() << QStringLiteral("::1") << QByteArray();
    QTest::newRow("quotes and backslashes")
        << get << "/items/a\"b\\c" << QByteArray("q=%22x%22&p=%5C")
        << QList<QByteArray>{"X-Quote: say \"hi\"", "X-Slash: C:\\dir", "User-Agent: a\"b"} << QByteArray() << ip
        << QByteArray();
    QTest::newRow("control characters") << get << "/items/tab\there" << QByteArray("q=%0A%01")
                                        << QList<QByteArray>{"X-Tab: a\tb", "X-Ctl: \x01\x1f", "X-Del: \x7f"}
                                        << QByteArray() << ip << QByteArray();
    QTest::newRow("not ASCII") << get << QStringLiteral("/items/caf\u00e9-\u65e5\u672c-\U0001F600")
                               << QByteArray("name=%C3%A9t%C3%A9") << QList<QByteArray>{"X-Name: \xc3\xa9t\xc3\xa9"}
                               << QByteArray() << ip << QByteArray();
    QTest::newRow("not UTF-8") << get << "/items/42" << QByteArray("q=%FF")
                               << QList<QByteArray>{"X-Bytes: \xff\xfe", "User-Agent: \xc3"} << QByteArray() << ip
                               << QByteArray();
    QTest::newRow("text body") << QStringLiteral("POST") << "/items" << QByteArray()
                               << QList<QByteArray>{"Content-Type: application/json"}
                               << QByteArray("{\"name\":\"l\xc3\xa0mp\\n\",\n\"n\":1}") << ip << QByteArray();
    QTest::newRow("binary body") << QStringLiteral("PUT") << "/items" << QByteArray()
                                 << QList<QByteArray>{"Content-Type: image/png"}
                                 << QByteArray("\x89PNG\r\n\x1a\n\0\1", 10) << ip << QByteArray();
    // Names as a hostile client could send them, should the HTTP parser let them through.
    QTest::newRow("odd header names") << get << "/items/42" << QByteArray("%22k%5C=v&%C3%A9=1")
                                      << QList<QByteArray>{"X-\"Q\\: 1", "X-\xc3\xa9: 2", "X-\x01: 3",
                                                           "Cookie: \"a\"=\\"}
                                      << QByteArray() << ip << QByteArray();
    QTest::newRow("percent-encoded path")
        << get << QStringLiteral("/items/a b\"/\u00e9") << QByteArray() << QList<QByteArray>{} << QByteArray() << ip
        << QByteArray("/items/a%20b%22%2F%C3%A9");
    QTest::newRow("named host") << get << "/items/42" << QByteArray()
                                << QList<QByteArray>{"Host: API.example.test:8080"} << QByteArray() << ip
                                << QByteArray();
    QTest::newRow("host without port") << get << "/items/42" << QByteArray() << QList<QByteArray>{"Host: localhost"}
                                       << QByteArray() << ip << QByteArray();
    QTest::newRow("IPv6 host") << get << "/items/42" << QByteArray() << QList<QByteArray>{"Host: [::1]:3000"}
                               << QByteArray() << QStringLiteral("::1") << QByteArray();
    QTest::newRow("no headers") << QStringLiteral("delete") << "/" << QByteArray() << QList<QByteArray>{}
                                << QByteArray() << ip << QByteArray();
}

void TestHttpRoutes::eventText()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, query);
    QFETCH(QList<QByteArray>, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, sourceIp);
    QFETCH(QByteArray, rawPath);
    RouteTable table;
    table.add(route("GET", "/items/{id}", "getItem"));
    table.add(route("ANY", "/{proxy+}", "any"));
    table.add(route("ANY", "/", "root"));
    HttpRequestData request;
    request.method = method;
    request.path = path;
    request.rawPath = rawPath;
    request.query = query;
    for (const QByteArray &line : std::as_const(headers)) {
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 2)});
    }
    request.body = body;
    request.sourceIp = sourceIp;
    request.when = QDateTime(QDate(2027, 3, 12), QTime(19, 3, 58, 123), Qt::UTC);
    const auto match = table.match(request.method, request.path);
    QVERIFY(match);

    const QString requestId = QStringLiteral("req-\"1");
    for (const bool rest : {false, true}) {
        const JsonText text = rest ? GatewayEvents::restApiEventText(*match->route, *match, request, requestId)
                                   : GatewayEvents::httpApiEventText(*match->route, *match, request, requestId);
        QVERIFY(text.isKnownOneValue());
        QJsonParseError error;
        const QJsonDocument written = QJsonDocument::fromJson(text.text(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(error.errorString() + QStringLiteral(": ") + QString::fromUtf8(text.text())));
        QVERIFY(written.isObject());
        // JSON has no raw control characters (Node.js's JSON.parse refuses them; Qt's reader does not).
        QVERIFY2(std::none_of(text.text().cbegin(), text.text().cend(), [](char c) { return uchar(c) < 0x20; }),
                 text.text().constData());
        // Compared as both read back from text: a number Qt wrote from a double reads as the
        // same value as the one written from an integer.
        const QJsonObject object = rest ? expectedRestApiEvent(*match->route, *match, request, requestId)
                                        : expectedHttpApiEvent(*match->route, *match, request, requestId);
        const QJsonObject expected = QJsonDocument::fromJson(QJsonDocument(object).toJson()).object();
        QCOMPARE(written.object(), expected);
        // The objects other paths change are the same event, read back from the text.
        QCOMPARE(rest ? GatewayEvents::restApiEvent(*match->route, *match, request, requestId)
                      : GatewayEvents::httpApiEvent(*match->route, *match, request, requestId),
                 written.object());
    }
}

void TestHttpRoutes::domainName_data()
{
    QTest::addColumn<QByteArray>("host"); // the Host header, none when empty
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("address and port") << QByteArray("127.0.0.1:3000") << "127.0.0.1"
                                      << "127.0.0.1";
    QTest::newRow("name and port") << QByteArray("API.Example.test:8080") << "api.example.test"
                                   << "api";
    QTest::newRow("name alone") << QByteArray("localhost") << "localhost"
                                << "localhost";
    QTest::newRow("name starting with a digit") << QByteArray("1abc.example.test") << "1abc.example.test"
                                                << "1abc";
    QTest::newRow("IPv6 address") << QByteArray("[::1]:3000") << "::1"
                                  << "::1";
    QTest::newRow("no Host") << QByteArray() << "localhost"
                             << "localhost";
}

void TestHttpRoutes::domainName()
{
    QFETCH(QByteArray, host);
    QFETCH(QString, name);
    QFETCH(QString, prefix);
    RouteTable table;
    table.add(route("GET", "/items/{id}", "getItem"));
    HttpRequestData request;
    request.method = QStringLiteral("GET");
    request.path = QStringLiteral("/items/1");
    if (!host.isEmpty())
        request.headers = {{"Host", host}};
    request.when = QDateTime::currentDateTimeUtc();
    const auto match = table.match(request.method, request.path);
    QVERIFY(match);
    for (const bool rest : {false, true}) {
        const QJsonObject context =
            (rest ? GatewayEvents::restApiEvent(*match->route, *match, request, QStringLiteral("r"))
                  : GatewayEvents::httpApiEvent(*match->route, *match, request, QStringLiteral("r")))
                .value(QStringLiteral("requestContext"))
                .toObject();
        QCOMPARE(context.value(QStringLiteral("domainName")).toString(), name);
        QCOMPARE(context.value(QStringLiteral("domainPrefix")).toString(), prefix);
    }
}

void TestHttpRoutes::binaryBody()
{
    RouteTable table;
    table.add(route("POST", "/upload", "upload"));
    HttpRequestData request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/upload");
    request.headers = {{"Content-Type", "image/png"}};
    request.body = QByteArray("\x89PNG\r\n\x1a\n\0\1", 10);
    request.when = QDateTime::currentDateTimeUtc();
    const auto match = table.match(request.method, request.path);
    const QJsonObject event = GatewayEvents::httpApiEvent(*match->route, *match, request, QStringLiteral("r"));
    QVERIFY(event.value(QStringLiteral("isBase64Encoded")).toBool());
    QCOMPARE(QByteArray::fromBase64(event.value(QStringLiteral("body")).toString().toLatin1()), request.body);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"a":1})";
    const QJsonObject json = GatewayEvents::httpApiEvent(*match->route, *match, request, QStringLiteral("r"));
    QCOMPARE(json.value(QStringLiteral("body")).toString(), QStringLiteral(R"({"a":1})"));
}

void TestHttpRoutes::restApiEvent()
{
    RouteTable table;
    HttpRoute r = route("POST", "/orders/{id}", "legacy");
    r.restPayload = true;
    table.add(r);
    HttpRequestData request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/orders/9");
    request.query = "a=1&a=2";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = "{}";
    request.when = QDateTime::currentDateTimeUtc();
    const auto match = table.match(request.method, request.path);
    const QJsonObject event = GatewayEvents::restApiEvent(*match->route, *match, request, QStringLiteral("r"));
    const Result<QByteArray> sample = EventTemplates::builtin().generate(QStringLiteral("apigateway-rest-v1"), {});
    QVERIFY(sample);
    QCOMPARE(keys(event), keys(QJsonDocument::fromJson(*sample).object()));
    QCOMPARE(event.value(QStringLiteral("resource")).toString(), QStringLiteral("/orders/{id}"));
    QCOMPARE(event.value(QStringLiteral("multiValueQueryStringParameters"))
                 .toObject()
                 .value(QStringLiteral("a"))
                 .toArray()
                 .size(),
             2);
    QCOMPARE(event.value(QStringLiteral("body")).toString(), QStringLiteral("{}"));
}

void TestHttpRoutes::responses_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<bool>("rest");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("aHeader"); // "name: value" expected among the headers
    QTest::newRow("full answer") << QByteArray(R"({"statusCode":201,"headers":{"x-id":"7"},"body":"made"})") << false
                                 << 201 << QByteArray("made") << QByteArray("x-id: 7");
    QTest::newRow("plain object is JSON 200")
        << QByteArray(R"({"id":"42","name":"lamp"})") << false << 200 << QByteArray(R"({"id":"42","name":"lamp"})")
        << QByteArray("content-type: application/json");
    QTest::newRow("string result") << QByteArray(R"("hello")") << false << 200 << QByteArray("hello") << QByteArray();
    QTest::newRow("base64 body") << QByteArray(R"({"statusCode":200,"body":"aGk=","isBase64Encoded":true})") << false
                                 << 200 << QByteArray("hi") << QByteArray();
    QTest::newRow("cookies") << QByteArray(R"({"statusCode":200,"cookies":["a=1","b=2"],"body":""})") << false << 200
                             << QByteArray() << QByteArray("set-cookie: b=2");
    QTest::newRow("status as text") << QByteArray(R"({"statusCode":"404","body":"none"})") << false << 404
                                    << QByteArray("none") << QByteArray();
    QTest::newRow("REST without status") << QByteArray(R"({"id":1})") << true << 502
                                         << QByteArray(R"({"message":"Internal Server Error"})") << QByteArray();
    QTest::newRow("REST multi-value headers")
        << QByteArray(R"({"statusCode":200,"multiValueHeaders":{"x":["1","2"]},"body":"ok"})") << true << 200
        << QByteArray("ok") << QByteArray("x: 2");
    QTest::newRow("not JSON") << QByteArray("{oops") << false << 502
                              << QByteArray(R"({"message":"Internal Server Error"})") << QByteArray();
    QTest::newRow("bad status") << QByteArray(R"({"statusCode":42})") << false << 502
                                << QByteArray(R"({"message":"Internal Server Error"})") << QByteArray();
}

void TestHttpRoutes::responses()
{
    QFETCH(QByteArray, result);
    QFETCH(bool, rest);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, aHeader);
    const HttpResponseData r = GatewayEvents::response(result, rest);
    QCOMPARE(r.status, status);
    QCOMPARE(r.body, body);
    if (!aHeader.isEmpty()) {
        QStringList headers;
        for (const auto &[k, v] : r.headers)
            headers.append(QString::fromUtf8(k + ": " + v));
        QVERIFY2(headers.contains(QString::fromUtf8(aHeader)), qPrintable(headers.join(QLatin1Char('\n'))));
    }
}

void TestHttpRoutes::cors()
{
    HttpRequestData preflight;
    preflight.method = QStringLiteral("OPTIONS");
    preflight.headers = {{"Origin", "http://localhost:3000"},
                         {"Access-Control-Request-Method", "POST"},
                         {"Access-Control-Request-Headers", "content-type"}};
    QVERIFY(GatewayEvents::isPreflight(preflight));
    const HttpHeaders headers = GatewayEvents::corsHeaders(preflight);
    QVERIFY(
        headers.contains(qMakePair(QByteArray("access-control-allow-origin"), QByteArray("http://localhost:3000"))));
    QVERIFY(headers.contains(qMakePair(QByteArray("access-control-allow-headers"), QByteArray("content-type"))));
    HttpRequestData get;
    get.method = QStringLiteral("OPTIONS");
    QVERIFY(!GatewayEvents::isPreflight(get));
}

QTEST_GUILESS_MAIN(TestHttpRoutes)
#include "tst_httproutes.moc"
