// Authorizers on routes through the local gateway and real Node.js workers (issue 21
// items 5 and 6): a route protected by a user pool of the design answers 401 without a
// token and 200 with one the pool minted, whose claims reach the function; a missing
// scope is a 403; a Lambda authorizer allows, denies, answers IAM policies and is
// cached per identity for its TTL; the pool's OAuth token endpoint signs users in; its
// key and secrets stay out of the project file; a foreign Host is refused.

#include "cloud/routeauthorizer.h"
#include "cloud/userpool.h"
#include "cloudfixture.h"
#include "pricelistserver.h"
#include "scenario/scenario.h"
#include "scenario/scenariorunner.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace Nimbus;
using namespace NimbusTest;

namespace {

const QByteArray kEcho = R"(exports.handler = async (event) => ({ statusCode: 200,
    body: JSON.stringify({ authorizer: event.requestContext.authorizer || null }) });
)";

// Allows x-key "open"; answers a simple response or an IAM policy for the route.
const QByteArray kGate = R"(exports.handler = async (event) => {
  const key = (event.headers || {})['x-key'];
  if (event.routeArn && process.env.POLICY === undefined)
    return { isAuthorized: key === 'open', context: { who: 'tester', calls: 1 } };
  return { principalId: 'p1', context: { who: 'policy' }, policyDocument: { Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: key === 'open' ? 'Allow' : 'Deny',
                  Resource: (event.routeArn || event.methodArn).replace(/\/[^/]*$/, '/*') }] } };
};
)";

} // namespace

class tst_Authorizers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void userPoolProtectsRoute();
    void externalIssuer_data();
    void externalIssuer();
    // The key sources of an external identity provider (issue 21 item 5).
    void externalIssuerKeysOverHttpsAreCachedAnHour();
    void externalIssuerKeysRefused_data();
    void externalIssuerKeysRefused();
    void lambdaAuthorizer_data();
    void lambdaAuthorizer();
    void lambdaAuthorizerIsCached();
    void cachedPolicyIsEvaluatedPerRequest();
    void tokenEndpoint();
    void apiKeyAndUsagePlan();
    void keysStayOutOfTheProject();
    void scenarioCarriesAToken();
    void identityProviderChecksHost();
};

void tst_Authorizers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Authorizers::userPoolProtectsRoute()
{
    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId route = f.addRoute("GET", "/me", echo);
    const NodeId pool = f.project.addNode("user-pool", {}, "users").valueOr(kInvalidNodeId);
    QVERIFY(f.project.setNodeProperty(pool, "users", "alice, bob"));
    QVERIFY(f.project.setNodeProperty(pool, "groups", "alice:admins"));
    QVERIFY(f.project.setNodeProperty(pool, "scopes", "openid orders/read"));
    QVERIFY(f.project.setNodeProperty(route, "authorizationScopes", "orders/read"));
    QVERIFY(f.project.connectNodes(pool, route, "authorizes"));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));

    HttpReply reply = f.request("GET", "/me");
    QCOMPARE(reply.status, 401L);
    QCOMPARE(reply.body, QByteArray(R"({"message":"Unauthorized"})"));
    QVERIFY(reply.headers.toLower().contains("www-authenticate: bearer"));
    QVERIFY(f.entries(CloudLogEntry::Kind::Invocation, "echo").isEmpty());

    const LocalUserPool *issuer = f.gateway->authorizer().pool("users");
    QVERIFY(issuer);
    LocalUserPool::TokenRequest ask;
    ask.user = "alice";
    Result<QByteArray> token = issuer->mint(f.gateway->authorizer().issuer("users"), ask);
    QVERIFY2(token, qPrintable(token.errorMessage()));
    reply = f.request("GET", "/me", {}, {"Authorization: Bearer " + *token});
    QCOMPARE(reply.status, 200L);
    const QJsonObject jwt =
        QJsonDocument::fromJson(reply.body).object().value("authorizer").toObject().value("jwt").toObject();
    QCOMPARE(jwt.value("claims").toObject().value("username").toString(), "alice");
    QCOMPARE(jwt.value("claims").toObject().value("cognito:groups").toString(), "[admins]");
    QCOMPARE(jwt.value("scopes").toArray(), (QJsonArray{"openid", "orders/read"}));
    // API Gateway also takes the token without "Bearer".
    QCOMPARE(f.request("GET", "/me", {}, {"Authorization: " + *token}).status, 200L);

    // Without the route's scope: 403.
    ask.user = "bob";
    ask.scopes = {"openid"};
    token = issuer->mint(f.gateway->authorizer().issuer("users"), ask);
    QVERIFY(token);
    reply = f.request("GET", "/me", {}, {"Authorization: Bearer " + *token});
    QCOMPARE(reply.status, 403L);
    QCOMPARE(reply.body, QByteArray(R"({"message":"Forbidden"})"));

    // A token of another pool's key, or for another gateway (issuer), is refused.
    Result<SigningKey> other = SigningKey::generate();
    QVERIFY(other);
    const QByteArray forged = other->sign({{"iss", f.gateway->authorizer().issuer("users")},
                                           {"client_id", issuer->clientId()},
                                           {"exp", QDateTime::currentSecsSinceEpoch() + 600}});
    QCOMPARE(f.request("GET", "/me", {}, {"Authorization: Bearer " + forged}).status, 401L);
    ask.scopes = {};
    token = issuer->mint("http://127.0.0.1:1/_nimbus/idp/users", ask);
    QCOMPARE(f.request("GET", "/me", {}, {"Authorization: Bearer " + *token}).status, 401L);
    // The refusals are in the event log with their reason.
    bool logged = false;
    for (const CloudLogEntry &e : f.cloud->log())
        logged = logged || (e.httpStatus == 401 && e.detail.contains("issuer"));
    QVERIFY(logged);
}

void tst_Authorizers::externalIssuer_data()
{
    QTest::addColumn<QString>("jwks"); // the route's JWKS property
    QTest::addColumn<QString>("audience"); // the token's
    QTest::addColumn<long>("status");
    QTest::newRow("keys in a project file") << "keys/jwks.json"
                                            << "app" << 200L;
    QTest::newRow("another audience") << "keys/jwks.json"
                                      << "other" << 401L;
    // A stranger's project cannot make the gateway read a file outside its folder.
    QTest::newRow("a file outside the project") << "../jwks.json"
                                                << "app" << 401L;
    QTest::newRow("an absolute path") << "/etc/passwd"
                                      << "app" << 401L;
}

void tst_Authorizers::externalIssuer()
{
    QFETCH(QString, jwks);
    QFETCH(QString, audience);
    QFETCH(long, status);
    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId route = f.addRoute("GET", "/me", echo);
    QVERIFY(f.project.setNodeProperty(route, "jwtIssuer", "https://idp.example"));
    QVERIFY(f.project.setNodeProperty(route, "jwtAudience", "app, web"));
    QVERIFY(f.project.setNodeProperty(route, "jwksUrl", jwks));
    Result<SigningKey> key = SigningKey::generate(SigningKey::Algorithm::ES256);
    QVERIFY(key);
    const QByteArray keys = QJsonDocument(QJsonObject{{"keys", QJsonArray{key->publicJwk()}}}).toJson();
    QVERIFY(QDir().mkpath(f.folder.filePath("keys")));
    QVERIFY(writeAll(f.folder.filePath("keys/jwks.json"), keys));
    QVERIFY(writeAll(QDir(f.folder.path()).absoluteFilePath("../jwks.json"), keys));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray token = key->sign({{"iss", "https://idp.example"},
                                        {"aud", audience},
                                        {"sub", "u1"},
                                        {"exp", QDateTime::currentSecsSinceEpoch() + 600}});
    const HttpReply reply = f.request("GET", "/me", {}, {"Authorization: Bearer " + token});
    QCOMPARE(reply.status, status);
    if (status == 200)
        QCOMPARE(QJsonDocument::fromJson(reply.body)
                     .object()
                     .value("authorizer")
                     .toObject()
                     .value("jwt")
                     .toObject()
                     .value("claims")
                     .toObject()
                     .value("sub")
                     .toString(),
                 "u1");
    QFile::remove(QDir(f.folder.path()).absoluteFilePath("../jwks.json"));
}

namespace {
QByteArray keySet(const SigningKey &key, qsizetype padding = 0)
{
    QJsonObject set{{"keys", QJsonArray{key.publicJwk()}}};
    if (padding)
        set.insert("padding", QString(padding, u'x'));
    return QJsonDocument(set).toJson(QJsonDocument::Compact);
}

// A token of the external issuer the tests' routes trust, valid two hours.
QByteArray externalToken(const SigningKey &key)
{
    return key.sign({{"iss", "https://idp.example"},
                     {"aud", "app"},
                     {"sub", "u1"},
                     {"exp", QDateTime::currentSecsSinceEpoch() + 7200}});
}

// A route of f protected by the external issuer whose keys are at jwks.
void protect(LocalCloudFixture &f, const QString &jwks)
{
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId route = f.addRoute("GET", "/me", echo);
    QVERIFY(f.project.setNodeProperty(route, "jwtIssuer", "https://idp.example"));
    QVERIFY(f.project.setNodeProperty(route, "jwtAudience", "app"));
    QVERIFY(f.project.setNodeProperty(route, "jwksUrl", jwks));
}
} // namespace

void tst_Authorizers::externalIssuerKeysOverHttpsAreCachedAnHour()
{
    PriceListServer server; // any path, any body, over https with a test CA
    QVERIFY(server.begin());
    qputenv("NIMBUS_JWKS_CA_FILE", server.caFile().toUtf8());
    Result<SigningKey> first = SigningKey::generate(SigningKey::Algorithm::ES256);
    Result<SigningKey> second = SigningKey::generate();
    QVERIFY(first && second);
    server.override("/jwks.json", keySet(*first));
    LocalCloudFixture f;
    protect(f, server.origin() + "/jwks.json");
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    auto status = [&](const SigningKey &key) {
        return f.request("GET", "/me", {}, {"Authorization: Bearer " + externalToken(key)}).status;
    };
    QCOMPARE(status(*first), 200L);
    // The provider rotates its key: the set fetched is kept an hour.
    server.override("/jwks.json", keySet(*second));
    QCOMPARE(status(*first), 200L);
    QCOMPARE(status(*second), 401L);
    QVERIFY(f.cloud->advance(3599 * 1000));
    QCOMPARE(status(*second), 401L);
    // An hour after the fetch, the new set.
    QVERIFY(f.cloud->advance(2 * 1000));
    QCOMPARE(status(*second), 200L);
    QCOMPARE(status(*first), 401L);
    qunsetenv("NIMBUS_JWKS_CA_FILE");
}

void tst_Authorizers::externalIssuerKeysRefused_data()
{
    QTest::addColumn<QString>("source"); // "https" (the test server's /jwks.json) or a project path
    QTest::addColumn<bool>("trusted"); // the test CA is trusted
    QTest::addColumn<qsizetype>("padding"); // bytes added to the key set
    QTest::addColumn<long>("status");
    QTest::newRow("https, under 1 MB") << "https" << true << qsizetype(1000 * 1000) << 200L;
    QTest::newRow("https, over 1 MB") << "https" << true << RouteAuthorizer::kJwksLimit << 401L;
    QTest::newRow("https, a CA nobody trusts") << "https" << false << qsizetype(0) << 401L;
    QTest::newRow("file, under 1 MB") << "keys/jwks.json" << true << qsizetype(1000 * 1000) << 200L;
    QTest::newRow("file, over 1 MB") << "keys/jwks.json" << true << RouteAuthorizer::kJwksLimit << 401L;
    QTest::newRow("file through a link out of the project") << "keys/out.json" << true << qsizetype(0) << 401L;
    QTest::newRow("file, ../ out of the project") << "keys/../../jwks.json" << true << qsizetype(0) << 401L;
}

void tst_Authorizers::externalIssuerKeysRefused()
{
    QFETCH(QString, source);
    QFETCH(bool, trusted);
    QFETCH(qsizetype, padding);
    QFETCH(long, status);
    Result<SigningKey> key = SigningKey::generate(SigningKey::Algorithm::ES256);
    QVERIFY(key);
    PriceListServer server;
    LocalCloudFixture f;
    QTemporaryDir outside; // what lies outside the project
    if (source == "https") {
        QVERIFY(server.begin());
        server.override("/jwks.json", keySet(*key, padding));
        if (trusted)
            qputenv("NIMBUS_JWKS_CA_FILE", server.caFile().toUtf8());
        source = server.origin() + "/jwks.json";
    } else {
        QVERIFY(QDir().mkpath(f.folder.filePath("keys")));
        QVERIFY(writeAll(f.folder.filePath("keys/jwks.json"), keySet(*key, padding)));
        // A link leads out of the project, ../ climbs out of it.
        QVERIFY(writeAll(outside.filePath("jwks.json"), keySet(*key)));
        QVERIFY(QFile::link(outside.filePath("jwks.json"), f.folder.filePath("keys/out.json")));
        QVERIFY(writeAll(QDir(f.folder.path()).absoluteFilePath("../jwks.json"), keySet(*key)));
    }
    protect(f, source);
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", "/me", {}, {"Authorization: Bearer " + externalToken(*key)});
    qunsetenv("NIMBUS_JWKS_CA_FILE");
    QFile::remove(QDir(f.folder.path()).absoluteFilePath("../jwks.json"));
    QCOMPARE(reply.status, status);
    if (status != 200) {
        // The event log says why.
        bool logged = false;
        for (const CloudLogEntry &e : f.cloud->log())
            logged = logged || (e.httpStatus == 401 && e.detail.contains("JWKS"));
        QVERIFY(logged);
    }
}

void tst_Authorizers::lambdaAuthorizer_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<bool>("simple");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("who"); // the context the function sees

    QTest::newRow("2.0 simple, allowed") << "2.0" << true << QByteArray("open") << 200L << "tester";
    QTest::newRow("2.0 simple, denied") << "2.0" << true << QByteArray("shut") << 403L << "";
    QTest::newRow("2.0 no identity") << "2.0" << true << QByteArray() << 401L << "";
    QTest::newRow("2.0 IAM policy, allowed") << "2.0" << false << QByteArray("open") << 200L << "policy";
    QTest::newRow("2.0 IAM policy, denied") << "2.0" << false << QByteArray("shut") << 403L << "";
    QTest::newRow("1.0 IAM policy, allowed") << "1.0" << false << QByteArray("open") << 200L << "policy";
    QTest::newRow("1.0 IAM policy, denied") << "1.0" << false << QByteArray("shut") << 403L << "";
}

void tst_Authorizers::lambdaAuthorizer()
{
    QFETCH(QString, payload);
    QFETCH(bool, simple);
    QFETCH(QByteArray, key);
    QFETCH(long, status);
    QFETCH(QString, who);

    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId gate = f.addFunction("gate", kGate);
    if (!simple)
        QVERIFY(f.project.setNodeProperty(gate, "environment",
                                          QJsonArray{QJsonObject{{"name", "POLICY"}, {"value", "1"}}}));
    const NodeId route = f.addRoute("GET", "/items/{id}", echo, false, payload);
    QVERIFY(f.project.setNodeProperty(route, "identitySource",
                                      payload == "1.0" ? "method.request.header.x-key" : "$request.header.x-key"));
    QVERIFY(f.project.setNodeProperty(route, "simpleResponses", simple));
    QVERIFY(f.project.connectNodes(gate, route, "authorizes"));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));

    QList<QByteArray> headers;
    if (!key.isEmpty())
        headers.append("x-key: " + key);
    const HttpReply reply = f.request("GET", "/items/7", {}, headers);
    QCOMPARE(reply.status, status);
    if (status == 200) {
        const QJsonObject authorizer = QJsonDocument::fromJson(reply.body).object().value("authorizer").toObject();
        // HTTP API: under "lambda"; REST: the context itself, with principalId.
        const QJsonObject context = payload == "2.0" ? authorizer.value("lambda").toObject() : authorizer;
        QCOMPARE(context.value("who").toString(), who);
        if (payload == "1.0")
            QCOMPARE(context.value("principalId").toString(), "p1");
    }
    // No identity: refused before the authorizer runs.
    QCOMPARE(f.entries(CloudLogEntry::Kind::Invocation, "gate").isEmpty(), key.isEmpty());
}

void tst_Authorizers::lambdaAuthorizerIsCached()
{
    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId gate = f.addFunction("gate", kGate);
    const NodeId cached = f.addRoute("GET", "/cached", echo);
    const NodeId uncached = f.addRoute("GET", "/uncached", echo);
    for (NodeId r : {cached, uncached}) {
        QVERIFY(f.project.setNodeProperty(r, "identitySource", "$request.header.x-key"));
        QVERIFY(f.project.connectNodes(gate, r, "authorizes"));
    }
    QVERIFY(f.project.setNodeProperty(uncached, "authorizerCacheTtl", 0));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));

    for (int i = 0; i < 3; ++i)
        QCOMPARE(f.request("GET", "/cached", {}, {"x-key: open"}).status, 200L);
    QVERIFY(f.waitForInvocations("gate", 1));
    QCOMPARE(f.entries(CloudLogEntry::Kind::Invocation, "gate").size(), 1);
    // Another identity is decided anew, and a denial is cached too.
    QCOMPARE(f.request("GET", "/cached", {}, {"x-key: shut"}).status, 403L);
    QCOMPARE(f.request("GET", "/cached", {}, {"x-key: shut"}).status, 403L);
    QCOMPARE(f.entries(CloudLogEntry::Kind::Invocation, "gate").size(), 2);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(f.request("GET", "/uncached", {}, {"x-key: open"}).status, 200L);
    QCOMPARE(f.entries(CloudLogEntry::Kind::Invocation, "gate").size(), 4);
}

void tst_Authorizers::cachedPolicyIsEvaluatedPerRequest()
{
    // The policy allows only the ARN it was asked about; API Gateway caches the policy,
    // so the same identity on another path is denied without calling the authorizer.
    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId gate = f.addFunction("gate", R"(exports.handler = async (event) => ({ principalId: 'p',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow',
                                                             Resource: event.routeArn }] } });
)");
    const NodeId route = f.addRoute("GET", "/p/{id}", echo);
    QVERIFY(f.project.setNodeProperty(route, "identitySource", "$request.header.x-key"));
    QVERIFY(f.project.setNodeProperty(route, "simpleResponses", false));
    QVERIFY(f.project.connectNodes(gate, route, "authorizes"));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    QCOMPARE(f.request("GET", "/p/1", {}, {"x-key: k"}).status, 200L);
    QCOMPARE(f.request("GET", "/p/2", {}, {"x-key: k"}).status, 403L);
    QCOMPARE(f.request("GET", "/p/1", {}, {"x-key: k"}).status, 200L);
    QCOMPARE(f.entries(CloudLogEntry::Kind::Invocation, "gate").size(), 1);
}

void tst_Authorizers::tokenEndpoint()
{
    LocalCloudFixture f;
    const NodeId pool = f.project.addNode("user-pool", {}, "users").valueOr(kInvalidNodeId);
    QVERIFY(f.project.setNodeProperty(pool, "users", "alice"));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const LocalUserPool *p = f.gateway->authorizer().pool("users");
    QVERIFY(p);
    const QString base = "/_nimbus/idp/users";
    const QList<QByteArray> form{"Content-Type: application/x-www-form-urlencoded"};

    HttpReply reply = f.request("GET", base + "/.well-known/openid-configuration");
    QCOMPARE(reply.status, 200L);
    const QJsonObject discovery = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(discovery.value("issuer").toString(), f.gateway->authorizer().issuer("users"));
    reply = f.request("GET", base + "/.well-known/jwks.json");
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value("keys").toArray().size(), 1);
    QVERIFY(!reply.body.contains("\"d\""));

    const QByteArray signIn = "grant_type=password&client_id=" + p->clientId().toLatin1() + "&username=alice&password=";
    reply = f.request("POST", base + "/oauth2/token", signIn + p->password().toLatin1(), form);
    QCOMPARE(reply.status, 200L);
    const QJsonObject tokens = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(tokens.value("token_type").toString(), "Bearer");
    QVERIFY(tokens.value("id_token").isString());
    Jwt::Expectations expected;
    expected.issuer = discovery.value("issuer").toString();
    expected.audiences = {p->clientId()};
    QVERIFY(std::holds_alternative<Jwt::Verified>(
        Jwt::verify(tokens.value("access_token").toString().toLatin1(), p->jwks(), expected)));

    reply = f.request("POST", base + "/oauth2/token", signIn + "wrong", form);
    QCOMPARE(reply.status, 400L);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value("error").toString(), "invalid_grant");
    const QByteArray basic = (p->clientId() + ':' + p->clientSecret()).toLatin1().toBase64();
    reply = f.request("POST", base + "/oauth2/token", "grant_type=client_credentials",
                      {form.first(), "Authorization: Basic " + basic});
    QCOMPARE(reply.status, 200L);
    reply = f.request("POST", base + "/oauth2/token", "grant_type=client_credentials",
                      {form.first(), "Authorization: Basic " + QByteArray("x:y").toBase64()});
    QCOMPARE(reply.status, 401L);
    QCOMPARE(f.request("GET", "/_nimbus/idp/nobody/.well-known/jwks.json").status, 404L);
}

void tst_Authorizers::apiKeyAndUsagePlan()
{
    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId rest = f.addRoute("GET", "/rest", echo, false, "1.0");
    const NodeId http = f.addRoute("GET", "/http", echo);
    for (NodeId r : {rest, http}) {
        QVERIFY(f.project.setNodeProperty(r, "apiKeyRequired", true));
        QVERIFY(f.project.setNodeProperty(r, "usagePlanRate", 1));
        QVERIFY(f.project.setNodeProperty(r, "usagePlanBurst", 2));
        QVERIFY(f.project.setNodeProperty(r, "usagePlanQuota", 3));
    }
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray key = f.gateway->authorizer().apiKey().toLatin1();
    QVERIFY(key.size() >= 20);

    HttpReply reply = f.request("GET", "/rest");
    QCOMPARE(reply.status, 403L);
    QCOMPARE(reply.body, QByteArray(R"({"message":"Forbidden"})"));
    QCOMPARE(f.request("GET", "/rest", {}, {"x-api-key: not-the-key"}).status, 403L);
    // A burst of two, then 429 until the rate refills a request a second.
    QCOMPARE(f.request("GET", "/rest", {}, {"x-api-key: " + key}).status, 200L);
    QCOMPARE(f.request("GET", "/rest", {}, {"x-api-key: " + key}).status, 200L);
    reply = f.request("GET", "/rest", {}, {"x-api-key: " + key});
    QCOMPARE(reply.status, 429L);
    QCOMPARE(reply.body, QByteArray(R"({"message":"Too Many Requests"})"));
    QTest::qWait(1100);
    QCOMPARE(f.request("GET", "/rest", {}, {"x-api-key: " + key}).status, 200L);
    // The quota of three a day is spent.
    QTest::qWait(1100);
    reply = f.request("GET", "/rest", {}, {"x-api-key: " + key});
    QCOMPARE(reply.status, 403L);
    QCOMPARE(reply.body, QByteArray(R"({"message":"Limit Exceeded"})"));
    // An HTTP API has no API keys: the property does not apply there (the export says so).
    QCOMPARE(f.request("GET", "/http").status, 200L);
}

void tst_Authorizers::keysStayOutOfTheProject()
{
    LocalCloudFixture f;
    const NodeId pool = f.project.addNode("user-pool", {}, "users").valueOr(kInvalidNodeId);
    QVERIFY(pool != kInvalidNodeId);
    const QString file = f.folder.filePath("p.nimbus");
    QVERIFY(ProjectFile().save(f.project, file));
    f.project.setFilePath(file);
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const LocalUserPool *p = f.gateway->authorizer().pool("users");
    QVERIFY(p);
    const QString folder = LocalUserPool::keyFolder(file, "users");
    QVERIFY(QFile::exists(folder + "/key.pem"));
    QCOMPARE(QFile::permissions(folder + "/key.pem") & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(!folder.startsWith(f.folder.path()));
    // Saved again with the cloud running: nothing of the key or secrets in the folder.
    QVERIFY(ProjectFile().save(f.project, file));
    QByteArray pem = readAll(folder + "/key.pem");
    const QByteArray keyBody = pem.split('\n').value(1);
    QVERIFY(keyBody.size() > 40);
    QDirIterator it(f.folder.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray content = readAll(it.next());
        QVERIFY2(!content.contains(keyBody), qPrintable(it.filePath()));
        QVERIFY2(!content.contains(p->clientSecret().toLatin1()), qPrintable(it.filePath()));
        QVERIFY2(!content.contains(p->password().toLatin1()), qPrintable(it.filePath()));
    }
    // The same project and pool find the same key next time.
    Result<LocalUserPool> again = LocalUserPool::open(*f.project.architecture().nodeByName("users"), file);
    QVERIFY(again);
    QCOMPARE(again->jwks(), p->jwks());
    QCOMPARE(again->clientSecret(), p->clientSecret());
}

void tst_Authorizers::scenarioCarriesAToken()
{
    // A scenario's request with token: {pool, user} is let through; without, refused.
    LocalCloudFixture f;
    const NodeId echo = f.addFunction("echo", kEcho);
    const NodeId route = f.addRoute("GET", "/me", echo);
    const NodeId pool = f.project.addNode("user-pool", {}, "staff").valueOr(kInvalidNodeId);
    QVERIFY(f.project.setNodeProperty(pool, "users", "ana"));
    QVERIFY(f.project.connectNodes(pool, route, "authorizes"));
    const QString file = f.folder.filePath("p.nimbus");
    QVERIFY(ProjectFile().save(f.project, file));
    Result<Scenario> scenario = Scenario::parse(R"(name: staff only
steps:
  - request: GET /me
    expect: {status: 401}
  - request: GET /me
    token: {pool: staff, user: ana}
    expect:
      status: 200
      body: {authorizer: {jwt: {claims: {username: ana}}}}
  - request: GET /me
    token: {pool: nobody}
)",
                                                "s.yaml");
    QVERIFY2(scenario, qPrintable(scenario.errorMessage()));
    ScenarioRunner runner(file, *scenario);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    runner.start();
    QVERIFY(finished.wait(60000));
    const auto result = finished.first().first().value<ScenarioResult>();
    QCOMPARE(result.steps.size(), 3);
    QVERIFY2(result.steps.at(0).passed, qPrintable(result.steps.at(0).message));
    QVERIFY2(result.steps.at(1).passed, qPrintable(result.steps.at(1).message));
    QVERIFY(!result.steps.at(2).passed);
    QVERIFY2(result.steps.at(2).message.contains("no user pool nobody"), qPrintable(result.steps.at(2).message));
}

void tst_Authorizers::identityProviderChecksHost()
{
    LocalCloudFixture f;
    (void)f.project.addNode("user-pool", {}, "users");
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QString path = "/_nimbus/idp/users/.well-known/jwks.json";
    QCOMPARE(f.request("GET", path).status, 200L);
    // A page of another site (DNS rebinding, a cross-site fetch) gets nothing.
    QCOMPARE(f.request("GET", path, {}, {"Host: evil.example"}).status, 403L);
    QCOMPARE(f.request("GET", path, {}, {"Origin: https://evil.example"}).status, 403L);
}

QTEST_GUILESS_MAIN(tst_Authorizers)
#include "tst_authorizers.moc"
