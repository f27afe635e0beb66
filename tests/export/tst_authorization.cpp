// Route authorizers through the export plugins of the build tree (issue 21 item 5/6): a
// user pool, Lambda and external JWT authorizers, scopes, API keys and usage plans
// written by SAM and Terraform as their documentation says, read back by the SAM import,
// and reported per route by the targets that cannot write them.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/exportmodel.h"
#include "export/pluginregistry.h"
#include "export/yaml.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kDesign = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/auth/auth.json");

// The value at a path of mapping keys.
YAML::Node at(const YAML::Node &root, const QStringList &path)
{
    // reset(), not operator=, which would assign into the node it refers to.
    YAML::Node node;
    node.reset(root);
    for (const QString &key : path)
        node.reset(Yaml::child(node, key.toStdString()));
    return node;
}

// A scalar's text, tagged (!Ref X) or not.
QString text(const YAML::Node &root, const QStringList &path)
{
    const YAML::Node node = at(root, path);
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QStringList texts(const YAML::Node &sequence)
{
    QStringList result;
    for (const YAML::Node &item : sequence)
        result.append(Yaml::text(item));
    return result;
}

// The diagnostics of a code, as "node: message".
QStringList diagnostics(const ExportOutput &output, const Architecture &a, const QString &code)
{
    QStringList result;
    for (const Diagnostic &d : output.diagnostics)
        if (d.code == code)
            result.append((d.nodes.isEmpty() ? QString() : a.node(d.nodes.first())->name) + QLatin1String(": ")
                          + d.message);
    return result;
}

QJsonObject withDefaults(const Node &node)
{
    QJsonObject all = Catalog::builtin().kind(node.kind)->defaultProperties(node.name);
    for (auto it = node.properties.begin(); it != node.properties.end(); ++it)
        all.insert(it.key(), it.value());
    return all;
}
} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void samWritesAuthorizers();
    void samRoundTrip();
    void callbackUrlsAreThePools_data();
    void callbackUrlsAreThePools();
    void serverlessRoundTrip();
    void terraformWritesAuthorizers();
    void protectedRoutesReported_data();
    void protectedRoutesReported();
    void awsLimitsReported_data();
    void awsLimitsReported();

private:
    bool load(Project &project);
    ExportOutput exportProject(const Project &project, const QString &target);

    std::unique_ptr<PluginRegistry> mRegistry;
};

void TestAuthorization::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
}

bool TestAuthorization::load(Project &project)
{
    ProjectFile file;
    return bool(file.load(kDesign, project));
}

ExportOutput TestAuthorization::exportProject(const Project &project, const QString &target)
{
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    return ExportJob::prepare(*exporter, mRegistry->provider(target), ExportJob::input(project, target, options));
}

void TestAuthorization::samWritesAuthorizers()
{
    Project project(Catalog::builtin());
    QVERIFY(load(project));
    const ExportOutput output = exportProject(project, QStringLiteral("sam"));
    QVERIFY(output.file(QStringLiteral("template.yaml")));
    const QByteArray content = output.file(QStringLiteral("template.yaml"))->content;
    const Result<YAML::Node> parsed = Yaml::load(content, QStringLiteral("template.yaml"));
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    const YAML::Node root = *parsed;

    // The pool and its client; the test users stay local, as a comment says.
    QCOMPARE(text(root, {"Resources", "Users", "Type"}), QStringLiteral("AWS::Cognito::UserPool"));
    const YAML::Node client = at(root, {"Resources", "UsersClient", "Properties"});
    QCOMPARE(text(client, {"UserPoolId"}), QStringLiteral("Users"));
    QCOMPARE(texts(Yaml::child(client, "AllowedOAuthScopes")), (QStringList{"openid", "email", "orders/read"}));
    QCOMPARE(text(client, {"AccessTokenValidity"}), QStringLiteral("30"));
    QCOMPARE(text(client, {"TokenValidityUnits", "AccessToken"}), QStringLiteral("minutes"));
    QCOMPARE(text(root, {"Resources", "UsersOrdersServer", "Properties", "Identifier"}), QStringLiteral("orders"));
    QCOMPARE(text(root, {"Resources", "UsersAdminsGroup", "Properties", "GroupName"}), QStringLiteral("admins"));
    QVERIFY(content.contains("# Test users and their group memberships are local only"));
    QVERIFY(!content.contains("alice"));

    // The HTTP API: the pool's JWT authorizer, the Lambda authorizer and an external issuer's.
    const YAML::Node http = at(root, {"Globals", "HttpApi", "Auth", "Authorizers"});
    const YAML::Node jwt = at(http, {"UsersAuthorizer"});
    QCOMPARE(text(jwt, {"IdentitySource"}), QStringLiteral("$request.header.Authorization"));
    QCOMPARE(at(jwt, {"JwtConfiguration", "issuer"}).Tag(), std::string("!Sub"));
    QCOMPARE(text(jwt, {"JwtConfiguration", "issuer"}),
             QStringLiteral("https://cognito-idp.${AWS::Region}.amazonaws.com/${Users}"));
    QCOMPARE(at(jwt, {"JwtConfiguration", "audience"})[0].Tag(), std::string("!Ref"));
    QCOMPARE(QString::fromStdString(at(jwt, {"JwtConfiguration", "audience"})[0].Scalar()),
             QStringLiteral("UsersClient"));
    const YAML::Node lambda = at(http, {"CheckKeyAuthorizer"});
    QCOMPARE(text(lambda, {"FunctionArn"}), QStringLiteral("CheckKey.Arn"));
    QCOMPARE(text(lambda, {"AuthorizerPayloadFormatVersion"}), QStringLiteral("2.0"));
    QCOMPARE(text(lambda, {"EnableSimpleResponses"}), QStringLiteral("true"));
    QCOMPARE(text(lambda, {"EnableFunctionDefaultPermissions"}), QStringLiteral("true"));
    QCOMPARE(texts(at(lambda, {"Identity", "Headers"})), QStringList{"Authorization"});
    QCOMPARE(texts(at(lambda, {"Identity", "QueryStrings"})), QStringList{"tenant"});
    QCOMPARE(text(lambda, {"Identity", "ReauthorizeEvery"}), QStringLiteral("60"));
    const YAML::Node external = at(http, {"LoginExampleComAuthorizer", "JwtConfiguration"});
    QCOMPARE(text(external, {"issuer"}), QStringLiteral("https://login.example.com/"));
    QCOMPARE(texts(at(external, {"audience"})), (QStringList{"partner-app", "partner-cli"}));

    // The REST API: Cognito and REQUEST authorizers, and the usage plan of its keys.
    const YAML::Node rest = at(root, {"Globals", "Api", "Auth"});
    QCOMPARE(at(rest, {"Authorizers", "UsersAuthorizer2", "UserPoolArn"}).Tag(), std::string("!GetAtt"));
    QCOMPARE(text(rest, {"Authorizers", "CheckKeyAuthorizer2", "FunctionPayloadType"}), QStringLiteral("REQUEST"));
    QCOMPARE(text(rest, {"Authorizers", "CheckKeyAuthorizer2", "Identity", "ReauthorizeEvery"}), QStringLiteral("300"));
    QCOMPARE(text(rest, {"UsagePlan", "CreateUsagePlan"}), QStringLiteral("PER_API"));
    QCOMPARE(text(rest, {"UsagePlan", "Throttle", "RateLimit"}), QStringLiteral("5"));
    QCOMPARE(text(rest, {"UsagePlan", "Throttle", "BurstLimit"}), QStringLiteral("10"));
    QCOMPARE(text(rest, {"UsagePlan", "Quota", "Limit"}), QStringLiteral("1000"));
    QCOMPARE(text(rest, {"UsagePlan", "Quota", "Period"}), QStringLiteral("DAY"));

    // Each route's event names its authorizer, scopes and API key.
    auto eventAuth = [&](const char *function, const char *event) {
        return at(root, {"Resources", function, "Properties", "Events", event, "Properties", "Auth"});
    };
    QCOMPARE(text(eventAuth("ListOrders", "Orders"), {"Authorizer"}), QStringLiteral("UsersAuthorizer"));
    QCOMPARE(texts(at(eventAuth("ListOrders", "Orders"), {"AuthorizationScopes"})), QStringList{"orders/read"});
    QCOMPARE(text(eventAuth("GetOrder", "Order"), {"Authorizer"}), QStringLiteral("CheckKeyAuthorizer"));
    QVERIFY(!at(eventAuth("GetOrder", "Order"), {"AuthorizationScopes"}).IsDefined());
    QCOMPARE(texts(at(eventAuth("PartnerFeed", "Partner"), {"AuthorizationScopes"})), QStringList{"feed:read"});
    QCOMPARE(text(eventAuth("LegacyReport", "Report"), {"ApiKeyRequired"}), QStringLiteral("true"));
    QCOMPARE(text(eventAuth("AddUser", "Signup"), {"Authorizer"}), QStringLiteral("UsersAuthorizer2"));

    // The pool is written, not reported; its test users are said to stay local.
    const Architecture &a = project.architecture();
    QVERIFY(diagnostics(output, a, QStringLiteral("export-unsupported")).isEmpty());
    QCOMPARE(diagnostics(output, a, QStringLiteral("export-test-users")).size(), 1);
    QVERIFY2(!hasErrors(output.diagnostics), qPrintable(output.diagnostics.first().message));
}

void TestAuthorization::callbackUrlsAreThePools_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QTest::newRow("sam") << "sam"
                         << "template.yaml";
    QTest::newRow("serverless") << "serverless"
                                << "serverless.yml";
    QTest::newRow("terraform") << "terraform"
                               << "main.tf";
}

void TestAuthorization::callbackUrlsAreThePools()
{
    // The app client's callback URLs are the pool node's (issue 21 item 6), the default when unset.
    QFETCH(QString, target);
    QFETCH(QString, file);
    Project project(Catalog::builtin());
    QVERIFY(load(project));
    NodeId users = kInvalidNodeId;
    for (const auto &entry : project.architecture().nodes())
        if (entry.second.kind == QStringLiteral("user-pool"))
            users = entry.first;
    QVERIFY(users != kInvalidNodeId);
    auto written = [&]() -> QStringList {
        const ExportOutput output = exportProject(project, target);
        if (!output.file(file))
            return {QStringLiteral("no file")};
        const QByteArray content = output.file(file)->content;
        if (target == QStringLiteral("terraform")) {
            // callback_urls = ["https://...", "http://localhost:..."]
            const qsizetype start = content.indexOf("callback_urls");
            if (start < 0)
                return {QStringLiteral("no callback_urls")};
            const QByteArray line = content.mid(start, content.indexOf('\n', start) - start);
            QStringList urls;
            static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
            for (auto it = quoted.globalMatch(QString::fromUtf8(line)); it.hasNext();)
                urls.append(it.next().captured(1));
            return urls;
        }
        const qsizetype at = content.indexOf("CallbackURLs:");
        if (at < 0)
            return {QStringLiteral("no CallbackURLs")};
        QStringList urls;
        for (const QByteArray &line : content.mid(at).split('\n').mid(1)) {
            const QByteArray item = line.trimmed();
            if (!item.startsWith("- "))
                break;
            urls.append(QString::fromUtf8(item.mid(2)).remove(u'"').remove(u'\''));
        }
        return urls;
    };
    QCOMPARE(written(), QStringList{QStringLiteral("http://localhost:3000/callback")});
    QVERIFY(project.setNodeProperty(users, QStringLiteral("callbackUrls"),
                                    QStringLiteral("https://shop.example.com/signed-in, http://localhost:5173/cb")));
    QCOMPARE(written(), (QStringList{QStringLiteral("https://shop.example.com/signed-in"),
                                     QStringLiteral("http://localhost:5173/cb")}));
}

// Export, import the export, and find the same design: the pool with its scopes and token
// validity (not its test users, which are not exported), the authorizes connections and
// each route's authorization settings; exported again, the same template.
void TestAuthorization::samRoundTrip()
{
    Project original(Catalog::builtin());
    QVERIFY(load(original));
    const ExportOutput first = exportProject(original, QStringLiteral("sam"));
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(first, dir.filePath(QStringLiteral("out")), QStringLiteral("sam")));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(QStringLiteral("out/template.yaml")),
                                                             *mRegistry, imported, QStringLiteral("sam"));
    QVERIFY2(read, qPrintable(read.errorMessage()));
    for (const Diagnostic &d : *read)
        QVERIFY2(d.severity == Diagnostic::Severity::Info, qPrintable(d.message));

    const Architecture &a = original.architecture();
    const Architecture &b = imported.architecture();
    QCOMPARE(b.nodeCount(), a.nodeCount());
    auto counterpart = [&](const Node &node) -> const Node * {
        for (const auto &[id, other] : b.nodes())
            if (other.kind == node.kind && ExportModel::identifier(other.name) == ExportModel::identifier(node.name))
                return &other;
        return nullptr;
    };
    for (const auto &[id, node] : a.nodes()) {
        const Node *other = counterpart(node);
        QVERIFY2(other, qPrintable(node.name));
        QJsonObject expected = withDefaults(node);
        QJsonObject actual = withDefaults(*other);
        for (const char *local : {"users", "groups"})
            expected.remove(QLatin1String(local)), actual.remove(QLatin1String(local));
        QCOMPARE(QString::fromUtf8(QJsonDocument(actual).toJson()),
                 QString::fromUtf8(QJsonDocument(expected).toJson()));
    }
    QStringList edgesA, edgesB;
    for (const auto &[id, edge] : a.edges())
        edgesA.append(counterpart(*a.node(edge.from))->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ')
                      + counterpart(*a.node(edge.to))->name);
    for (const auto &[id, edge] : b.edges())
        edgesB.append(b.node(edge.from)->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ')
                      + b.node(edge.to)->name);
    edgesA.sort();
    edgesB.sort();
    QCOMPARE(edgesB, edgesA);
    QCOMPARE(QString::fromUtf8(
                 exportProject(imported, QStringLiteral("sam")).file(QStringLiteral("template.yaml"))->content),
             QString::fromUtf8(first.file(QStringLiteral("template.yaml"))->content));
}

// The serverless.yml export reads back as the same design: the user pool (by its logical id),
// each route's authorizer as the pool's or function's authorizes connection, an external
// issuer, scopes, the Lambda authorizers' identity sources, cache and simple responses, the
// API key and usage plan. The framework names routes after their function (getOrderRoute).
void TestAuthorization::serverlessRoundTrip()
{
    Project original(Catalog::builtin());
    QVERIFY(load(original));
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(exportProject(original, QStringLiteral("serverless")), dir.filePath(QStringLiteral("out")),
                             QStringLiteral("serverless")));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(QStringLiteral("out/serverless.yml")),
                                                             *mRegistry, imported, QStringLiteral("serverless"));
    QVERIFY2(read, qPrintable(read.errorMessage()));
    for (const Diagnostic &d : *read)
        QVERIFY2(d.severity != Diagnostic::Severity::Warning || d.message.contains(QLatin1String("runtime")),
                 qPrintable(d.message));

    const Architecture &a = original.architecture();
    const Architecture &b = imported.architecture();
    QCOMPARE(b.nodeCount(), a.nodeCount());
    // A route's counterpart is the route of the function it invokes.
    auto counterpart = [&](const Node &node) -> const Node * {
        if (node.kind == QLatin1String("http-route")) {
            for (const auto &[id, edge] : a.edges())
                if (edge.from == node.id && edge.type == QLatin1String("invokes"))
                    return b.nodeByName(a.node(edge.to)->name + QLatin1String("Route"));
            return nullptr;
        }
        for (const auto &[id, other] : b.nodes())
            if (other.kind == node.kind && ExportModel::identifier(other.name) == ExportModel::identifier(node.name))
                return &other;
        return nullptr;
    };
    for (const auto &[id, node] : a.nodes()) {
        const Node *other = counterpart(node);
        QVERIFY2(other, qPrintable(node.name));
        QJsonObject expected = withDefaults(node);
        QJsonObject actual = withDefaults(*other);
        for (const char *local : {"users", "groups"})
            expected.remove(QLatin1String(local)), actual.remove(QLatin1String(local));
        QCOMPARE(QString::fromUtf8(QJsonDocument(actual).toJson()),
                 QString::fromUtf8(QJsonDocument(expected).toJson()));
    }
    QStringList edgesA, edgesB;
    for (const auto &[id, edge] : a.edges())
        edgesA.append(counterpart(*a.node(edge.from))->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ')
                      + counterpart(*a.node(edge.to))->name);
    for (const auto &[id, edge] : b.edges())
        edgesB.append(b.node(edge.from)->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ')
                      + b.node(edge.to)->name);
    edgesA.sort();
    edgesB.sort();
    QCOMPARE(edgesB, edgesA);
}

void TestAuthorization::terraformWritesAuthorizers()
{
    Project project(Catalog::builtin());
    QVERIFY(load(project));
    const ExportOutput output = exportProject(project, QStringLiteral("terraform"));
    QVERIFY(output.file(QStringLiteral("main.tf")));
    const QString main = QString::fromUtf8(output.file(QStringLiteral("main.tf"))->content).simplified();
    for (
        const char *expected : {
            R"(resource "aws_cognito_user_pool" "users" {)",
            R"(resource "aws_cognito_user_pool_client" "users" {)",
            R"(access_token_validity = 30)",
            R"(allowed_oauth_scopes = ["openid", "email", "orders/read"])",
            R"(resource "aws_cognito_resource_server" "users_orders" {)",
            R"(resource "aws_cognito_user_group" "users_admins" {)",
            R"(authorizer_type = "JWT")",
            R"(issuer = "https://${aws_cognito_user_pool.users.endpoint}")",
            R"(audience = [aws_cognito_user_pool_client.users.id])",
            R"(audience = ["partner-app", "partner-cli"])",
            R"(authorizer_type = "REQUEST")",
            R"(authorizer_uri = aws_lambda_function.check_key.invoke_arn)",
            R"(authorizer_result_ttl_in_seconds = 60)",
            R"(identity_sources = ["$request.header.Authorization", "$request.querystring.tenant"])",
            R"(source_arn = "${aws_apigatewayv2_api.http.execution_arn}/authorizers/${aws_apigatewayv2_authorizer.check_key_authorizer.id}")",
            R"(authorization_type = "JWT" authorizer_id = aws_apigatewayv2_authorizer.users_authorizer.id authorization_scopes = ["orders/read"])",
            R"(authorization_type = "CUSTOM" authorizer_id = aws_apigatewayv2_authorizer.check_key_authorizer.id })",
        })
        QVERIFY2(main.contains(QString::fromUtf8(expected).simplified()), expected);
    QVERIFY(!main.contains(QLatin1String("alice")));
    // Terraform's routes are on the HTTP API, which has no API keys: said on the route.
    const QStringList keys = diagnostics(output, project.architecture(), QStringLiteral("export-api-key"));
    QCOMPARE(keys.size(), 1);
    QVERIFY(keys.first().startsWith(QLatin1String("report: ")));
    QVERIFY(diagnostics(output, project.architecture(), QStringLiteral("export-unsupported")).isEmpty());
}

void TestAuthorization::protectedRoutesReported_data()
{
    QTest::addColumn<QString>("target");
    for (const char *t : {"azure", "cloudrun", "knative", "openfaas", "scaleway"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

// A target without authorizers exports each protected route open and says so per route;
// the user pool is reported as not exported.
void TestAuthorization::protectedRoutesReported()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    QVERIFY(load(project));
    const ExportOutput output = exportProject(project, target);
    const Architecture &a = project.architecture();
    QStringList routes;
    for (const QString &line : diagnostics(output, a, QStringLiteral("export-unsupported-authorizer")))
        routes.append(line.section(QLatin1Char(':'), 0, 0));
    routes.sort();
    QCOMPARE(routes, (QStringList{"order", "orders", "partner", "report", "signup"}));
    QVERIFY(diagnostics(output, a, QStringLiteral("export-unsupported"))
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("users: a user-pool has no")));
    bool apiKey = false;
    for (const Diagnostic &d : output.diagnostics)
        apiKey = apiKey
                 || (d.property == QLatin1String("apiKeyRequired")
                     && a.node(d.nodes.first())->name == QLatin1String("report"));
    QVERIFY(apiKey);
}

void TestAuthorization::awsLimitsReported_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("sam: JWT issuer on a REST route")
        << "sam"
        << "report"
        << "jwtIssuer" << QJsonValue("https://id.example.org/") << "export-authorizers";
    QTest::newRow("terraform: a JWT issuer beside a user pool")
        << "terraform"
        << "orders"
        << "jwtIssuer" << QJsonValue("https://id.example.org/") << "export-authorizers";
    QTest::newRow("sam: API key on an HTTP route") << "sam"
                                                   << "orders"
                                                   << "apiKeyRequired" << QJsonValue(true) << "export-api-key";
    QTest::newRow("sam: JWKS") << "sam"
                               << "partner"
                               << "jwksUrl" << QJsonValue("keys.json") << "export-jwks";
    QTest::newRow("sam: scopes on a Lambda authorizer's route")
        << "sam"
        << "order"
        << "authorizationScopes" << QJsonValue("orders/read") << "export-scopes";
    QTest::newRow("sam: identity source API Gateway cannot read")
        << "sam"
        << "order"
        << "identitySource" << QJsonValue("$request.body.token") << "export-identity-source";
    QTest::newRow("terraform: JWKS") << "terraform"
                                     << "partner"
                                     << "jwksUrl" << QJsonValue("keys.json") << "export-jwks";
}

void TestAuthorization::awsLimitsReported()
{
    QFETCH(QString, target);
    QFETCH(QString, route);
    QFETCH(QString, property);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    Project project(Catalog::builtin());
    QVERIFY(load(project));
    const Architecture &a = project.architecture();
    QVERIFY(project.setNodeProperty(a.nodeByName(route)->id, property, value));
    const ExportOutput output = exportProject(project, target);
    const QStringList found = diagnostics(output, a, code);
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().startsWith(route + QLatin1String(": ")), qPrintable(found.first()));
}

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
