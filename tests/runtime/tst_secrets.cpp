// Secrets and parameters (issue 21, item 4): Secrets Manager and Parameter Store on the
// AWS endpoint through the real AWS SDK for JavaScript v3 and boto3 in workers, the
// Parameters and Secrets extension's HTTP endpoint from a worker, the names and ARNs a
// connected function gets, and the values kept out of every file of the project.

#include "cloudfixture.h"

#include "cloud/secretrenames.h"
#include "cloud/secretsextension.h"
#include "cloud/secretstore.h"
#include "model/effectivepolicy.h"
#include "storage/projectfile.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

// Calls the event's operations one after another: [{"client", "operation", "input"}],
// the SDK v3 package named by the client's service; answers each output or error.
const QByteArray kNodeCaller = R"(
exports.handler = async (event) => {
    const results = [];
    for (const call of event.calls) {
        const sdk = require(`@aws-sdk/client-${call.service}`);
        const Client = Object.values(sdk).find((v) => typeof v === "function" && v.name === `${call.client}Client`);
        const client = new Client({});
        try {
            const output = await client.send(new sdk[`${call.operation}Command`](call.input));
            delete output.$metadata;
            if (output.SecretBinary)
                output.SecretBinary = Buffer.from(output.SecretBinary).toString("utf8");
            if (output.CreatedDate) output.CreatedDate = "date";
            results.push({ ok: true, output });
        } catch (err) {
            results.push({ error: err.name, message: err.message, status: err.$metadata?.httpStatusCode });
        }
    }
    return results;
};
)";

// The same with boto3: [{"service", "method", "input"}].
const QByteArray kPythonCaller = R"(
import json

import boto3
from botocore.exceptions import ClientError


def handler(event, context):
    results = []
    for call in event["calls"]:
        client = boto3.client(call["service"])
        try:
            output = getattr(client, call["method"])(**call["input"])
            output.pop("ResponseMetadata", None)
            results.append({"ok": True, "output": json.loads(json.dumps(output, default=str))})
        except ClientError as error:
            results.append({"error": error.response["Error"]["Code"], "message": error.response["Error"]["Message"]})
    return results
)";

// Reads the extension's endpoint as Lambda's documentation shows it, with and without the token.
const QByteArray kExtensionCaller = R"(
exports.handler = async (event) => {
    const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT;
    const answers = [];
    for (const request of event.requests) {
        const token = typeof request.token === "string" ? request.token : process.env.AWS_SESSION_TOKEN;
        const headers = request.token ? { "X-Aws-Parameters-Secrets-Token": token } : {};
        const response = await fetch(`http://localhost:${port}${request.path}`, { headers });
        answers.push({ status: response.status, body: await response.text() });
    }
    return { port, answers };
};
)";

QJsonObject call(const QString &service, const QString &client, const QString &operation, const QJsonObject &input)
{
    return {{u"service"_s, service}, {u"client"_s, client}, {u"operation"_s, operation}, {u"input"_s, input}};
}

QJsonObject pyCall(const QString &method, const QJsonObject &input)
{
    return {{u"service"_s, u"ssm"_s}, {u"method"_s, method}, {u"input"_s, input}};
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void environmentNamesTheResources();
    void secretsManagerThroughSdkV3();
    void parameterStoreThroughBoto3();
    void parameterStoreThroughSdkV3();
    void extensionEndpoint();
    void extensionChecksTheCallerByItsToken_data();
    void renamedNodeKeepsItsValue_data();
    void renamedNodeKeepsItsValue();
    void extensionChecksTheCallerByItsToken();
    void readsNeedAConnection();
    void storeKeepsValuesPrivate();
    void valuesNeverInProjectFiles();
    void secretCommand();

private:
    QJsonValue run(const QString &function, const QJsonObject &event);

    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestSecrets::initTestCase()
{
    // The user's data folder is a test one; no keychain is asked (a headless box has none).
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIMBUS_SECRET_STORE", "file");
}

void TestSecrets::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
    // A saved project: its values go to the user's data folder.
    f->project.setFilePath(f->folder.filePath(u"app.nimbus"_s));
}

void TestSecrets::cleanup()
{
    if (f)
        QDir(SecretStore::fileFolder(f->project.filePath())).removeRecursively();
    f.reset();
}

QJsonValue TestSecrets::run(const QString &function, const QJsonObject &event)
{
    std::optional<InvocationResult> result;
    if (!f->cloud->invoke(function, QJsonDocument(event).toJson(QJsonDocument::Compact), u"test"_s, 0,
                          [&](const InvocationResult &r) { result = r; }))
        return {};
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 120000))
        return QJsonObject{{u"timeout"_s, true}};
    if (!result->ok)
        return QJsonObject{{u"failed"_s, QString::fromUtf8(QJsonDocument(result->error).toJson())}};
    const QJsonDocument document = QJsonDocument::fromJson(result->resultJson);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

void TestSecrets::environmentNamesTheResources()
{
    const NodeId function = f->addFunction(u"api"_s, "exports.handler = async () => ({});\n");
    const NodeId secret = f->project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    const NodeId parameter = f->project.addNode(u"parameter"_s, {}, u"apiUrl"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(secret, u"secretName"_s, u"prod/shop/db"_s));
    QVERIFY(f->project.connectNodes(function, secret, u"reads"_s));
    QVERIFY(f->project.connectNodes(function, parameter, u"reads"_s));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    QHash<QString, QString> env;
    for (const auto &[name, value] : f->cloud->environmentOf(*f->project.architecture().node(function)))
        env.insert(name, value);
    QCOMPARE(env.value(u"DB_SECRET_NAME"_s), u"prod/shop/db"_s);
    QCOMPARE(env.value(u"DB_SECRET_ARN"_s), EffectivePolicy::secretArn(u"prod/shop/db"_s, u"us-east-1"_s));
    QVERIFY(env.value(u"DB_SECRET_ARN"_s)
                .startsWith(u"arn:aws:secretsmanager:us-east-1:000000000000:secret:prod/shop/db-"_s));
    QCOMPARE(env.value(u"API_URL_PARAMETER_NAME"_s), u"/apiUrl"_s);
    QCOMPARE(env.value(u"PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"_s),
             QString::number(f->endpoint->secretsExtension().port()));
    // Each function's environment has a token of its own, which names it.
    const QString token = env.value(u"AWS_SESSION_TOKEN"_s);
    QVERIFY(token.startsWith(u"nimbus-"_s) && token.size() > 40);
    QCOMPARE(f->cloud->functionOfSessionToken(token), u"api"_s);
    // The same at the next invocation: a changed environment would recycle the warm
    // workers, so that every invocation would start cold (and lose what they keep).
    const Node *node = f->project.architecture().node(function);
    QCOMPARE(f->cloud->environmentOf(*node), f->cloud->environmentOf(*node));
    const NodeId other = f->addFunction(u"other"_s, kNodeCaller);
    QString second;
    for (const auto &[name, value] : f->cloud->environmentOf(*f->project.architecture().node(other)))
        if (name == u"AWS_SESSION_TOKEN"_s)
            second = value;
    QVERIFY(!second.isEmpty() && second != token);
    QCOMPARE(f->cloud->functionOfSessionToken(second), u"other"_s);
    QCOMPARE(f->cloud->functionOfSessionToken(u"nimbus-guessed"_s), QString());
}

void TestSecrets::secretsManagerThroughSdkV3()
{
    const NodeId caller = f->addFunction(u"caller"_s, kNodeCaller);
    QVERIFY(f->project.setNodeProperty(caller, u"timeout"_s, 60));
    const NodeId secret = f->project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(secret, u"description"_s, u"the shop's database"_s));
    const NodeId generated = f->project.addNode(u"secret"_s, {}, u"token"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(generated, u"generated"_s, true));
    QVERIFY(f->project.connectNodes(caller, secret, u"reads"_s));
    QVERIFY(f->project.connectNodes(caller, secret, u"writes"_s));
    QVERIFY(f->project.connectNodes(caller, generated, u"reads"_s));
    f->cloud->setIamMode(LocalCloud::IamMode::Enforce);
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));

    const QString arn = EffectivePolicy::secretArn(u"db"_s, u"us-east-1"_s);
    auto sm = [](const QString &operation, const QJsonObject &input) {
        return call(u"secrets-manager"_s, u"SecretsManager"_s, operation, input);
    };
    const QJsonArray calls{
        sm(u"GetSecretValue"_s, {{u"SecretId"_s, u"db"_s}}),
        sm(u"PutSecretValue"_s, {{u"SecretId"_s, u"db"_s}, {u"SecretString"_s, u"first-password"_s}}),
        sm(u"PutSecretValue"_s, {{u"SecretId"_s, arn}, {u"SecretString"_s, u"second-password"_s}}),
        sm(u"GetSecretValue"_s, {{u"SecretId"_s, u"db"_s}}),
        sm(u"GetSecretValue"_s, {{u"SecretId"_s, arn.chopped(7)}, {u"VersionStage"_s, u"AWSPREVIOUS"_s}}),
        sm(u"DescribeSecret"_s, {{u"SecretId"_s, u"db"_s}}),
        sm(u"ListSecrets"_s, {}),
        sm(u"GetSecretValue"_s, {{u"SecretId"_s, u"nope"_s}}),
        sm(u"CreateSecret"_s, {{u"Name"_s, u"other"_s}, {u"SecretString"_s, u"x"_s}}),
        sm(u"GetSecretValue"_s, {{u"SecretId"_s, u"token"_s}}),
        sm(u"PutSecretValue"_s, {{u"SecretId"_s, u"token"_s}, {u"SecretString"_s, u"x"_s}}),
        sm(u"PutSecretValue"_s,
           {{u"SecretId"_s, u"db"_s}, {u"SecretString"_s, u"a"_s}, {u"SecretBinary"_s, u"YQ=="_s}}),
    };
    const QJsonValue answer = run(u"caller"_s, {{u"calls"_s, calls}});
    QVERIFY2(answer.isArray(), QJsonDocument(answer.toObject()).toJson().constData());
    const QJsonArray results = answer.toArray();
    QCOMPARE(results.size(), calls.size());
    auto output = [&](int i) { return results.at(i).toObject().value("output"_L1).toObject(); };
    auto error = [&](int i) { return results.at(i).toObject().value("error"_L1).toString(); };

    // No value yet.
    QCOMPARE(error(0), u"ResourceNotFoundException"_s);
    const QString first = output(1).value("VersionId"_L1).toString();
    QVERIFY(!first.isEmpty());
    QCOMPARE(output(1).value("ARN"_L1).toString(), arn);
    QCOMPARE(output(1).value("VersionStages"_L1).toArray(), QJsonArray{u"AWSCURRENT"_s});
    const QString second = output(2).value("VersionId"_L1).toString();
    QCOMPARE(output(3).value("SecretString"_L1).toString(), u"second-password"_s);
    QCOMPARE(output(3).value("VersionId"_L1).toString(), second);
    QCOMPARE(output(3).value("Name"_L1).toString(), u"db"_s);
    QCOMPARE(output(4).value("SecretString"_L1).toString(), u"first-password"_s);
    QCOMPARE(output(4).value("VersionStages"_L1).toArray(), QJsonArray{u"AWSPREVIOUS"_s});
    QCOMPARE(output(5).value("Description"_L1).toString(), u"the shop's database"_s);
    QCOMPARE(output(5).value("VersionIdsToStages"_L1).toObject().value(second).toArray(), QJsonArray{u"AWSCURRENT"_s});
    QCOMPARE(output(5).value("VersionIdsToStages"_L1).toObject().value(first).toArray(), QJsonArray{u"AWSPREVIOUS"_s});
    const QJsonArray listed = output(6).value("SecretList"_L1).toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).toObject().value("Name"_L1).toString(), u"db"_s);
    QCOMPARE(listed.at(1).toObject().value("Name"_L1).toString(), u"token"_s);
    QCOMPARE(error(7), u"ResourceNotFoundException"_s);
    QCOMPARE(error(8), u"NotImplemented"_s);
    // A generated secret has a 32-character password from its first read.
    QCOMPARE(output(9).value("SecretString"_L1).toString().size(), 32);
    // token is only read: its write is refused.
    QCOMPARE(error(10), u"AccessDeniedException"_s);
    QVERIFY(results.at(10).toObject().value("message"_L1).toString().contains("secretsmanager:PutSecretValue"_L1));
    QCOMPARE(error(11), u"InvalidParameterException"_s);

    // The new value is in the store, not the project.
    const Result<QJsonObject> stored = f->cloud->secretStore().readNow(u"db"_s);
    QVERIFY(stored);
    QCOMPARE(SecretRecord::currentValue(*stored).value_or(QString()), u"second-password"_s);
}

void TestSecrets::parameterStoreThroughBoto3()
{
    const NodeId caller = f->project.addNode(u"function"_s, {}, u"caller"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(caller, u"runtime"_s, u"python3.11"_s));
    QVERIFY(f->project.setNodeProperty(caller, u"handler"_s, u"app.handler"_s));
    QVERIFY(f->project.setNodeProperty(caller, u"timeout"_s, 60));
    QDir().mkpath(f->folder.filePath(u"functions/caller"_s));
    QFile file(f->folder.filePath(u"functions/caller/app.py"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPythonCaller);
    file.close();
    const NodeId url = f->project.addNode(u"parameter"_s, {}, u"url"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(url, u"parameterName"_s, u"/app/url"_s));
    const NodeId password = f->project.addNode(u"parameter"_s, {}, u"password"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(password, u"parameterName"_s, u"/app/db/password"_s));
    QVERIFY(f->project.setNodeProperty(password, u"type"_s, u"SecureString"_s));
    for (NodeId node : {url, password}) {
        QVERIFY(f->project.connectNodes(caller, node, u"reads"_s));
        QVERIFY(f->project.connectNodes(caller, node, u"writes"_s));
    }
    f->cloud->setIamMode(LocalCloud::IamMode::Enforce);
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));

    const QJsonArray calls{
        pyCall(u"get_parameter"_s, {{u"Name"_s, u"/app/url"_s}}),
        pyCall(u"put_parameter"_s,
               {{u"Name"_s, u"/app/url"_s}, {u"Value"_s, u"https://a"_s}, {u"Type"_s, u"String"_s}}),
        pyCall(u"put_parameter"_s,
               {{u"Name"_s, u"/app/url"_s}, {u"Value"_s, u"https://b"_s}, {u"Type"_s, u"String"_s}}),
        pyCall(u"put_parameter"_s, {{u"Name"_s, u"/app/url"_s},
                                    {u"Value"_s, u"https://b"_s},
                                    {u"Type"_s, u"String"_s},
                                    {u"Overwrite"_s, true}}),
        pyCall(u"put_parameter"_s,
               {{u"Name"_s, u"/app/db/password"_s}, {u"Value"_s, u"hunter2-secure"_s}, {u"Type"_s, u"SecureString"_s}}),
        pyCall(u"get_parameter"_s, {{u"Name"_s, u"/app/url"_s}}),
        pyCall(u"get_parameter"_s, {{u"Name"_s, u"/app/url:1"_s}}),
        pyCall(u"get_parameter"_s, {{u"Name"_s, u"/app/db/password"_s}}),
        pyCall(u"get_parameter"_s, {{u"Name"_s, u"/app/db/password"_s}, {u"WithDecryption"_s, true}}),
        pyCall(u"get_parameters"_s, {{u"Names"_s, QJsonArray{u"/app/url"_s, u"/nope"_s}}}),
        pyCall(u"get_parameters_by_path"_s, {{u"Path"_s, u"/app"_s}}),
        pyCall(u"get_parameters_by_path"_s,
               {{u"Path"_s, u"/app"_s}, {u"Recursive"_s, true}, {u"WithDecryption"_s, true}, {u"MaxResults"_s, 1}}),
        pyCall(u"get_parameter"_s, {{u"Name"_s, u"/nope"_s}}),
        pyCall(u"delete_parameter"_s, {{u"Name"_s, u"/other"_s}}),
    };
    const QJsonValue answer = run(u"caller"_s, {{u"calls"_s, calls}});
    QVERIFY2(answer.isArray(), QJsonDocument(answer.toObject()).toJson().constData());
    const QJsonArray results = answer.toArray();
    QCOMPARE(results.size(), calls.size());
    auto output = [&](int i) { return results.at(i).toObject().value("output"_L1).toObject(); };
    auto error = [&](int i) { return results.at(i).toObject().value("error"_L1).toString(); };

    QCOMPARE(error(0), u"ParameterNotFound"_s);
    QCOMPARE(output(1).value("Version"_L1).toInt(), 1);
    QCOMPARE(error(2), u"ParameterAlreadyExists"_s);
    QCOMPARE(output(3).value("Version"_L1).toInt(), 2);
    QCOMPARE(output(4).value("Version"_L1).toInt(), 1);
    const QJsonObject got = output(5).value("Parameter"_L1).toObject();
    QCOMPARE(got.value("Value"_L1).toString(), u"https://b"_s);
    QCOMPARE(got.value("Version"_L1).toInt(), 2);
    QCOMPARE(got.value("Type"_L1).toString(), u"String"_s);
    QCOMPARE(got.value("ARN"_L1).toString(), u"arn:aws:ssm:us-east-1:000000000000:parameter/app/url"_s);
    QCOMPARE(output(6).value("Parameter"_L1).toObject().value("Value"_L1).toString(), u"https://a"_s);
    // Without decryption a SecureString answers text that looks encrypted and tells nothing.
    const QString hidden = output(7).value("Parameter"_L1).toObject().value("Value"_L1).toString();
    QVERIFY(!hidden.isEmpty());
    QVERIFY(!hidden.contains("hunter2"_L1));
    QVERIFY(!QByteArray::fromBase64(hidden.toLatin1()).contains("hunter2"));
    QCOMPARE(output(8).value("Parameter"_L1).toObject().value("Value"_L1).toString(), u"hunter2-secure"_s);
    QCOMPARE(output(9).value("Parameters"_L1).toArray().size(), 1);
    QCOMPARE(output(9).value("InvalidParameters"_L1).toArray(), QJsonArray{u"/nope"_s});
    // Not recursive: /app/url only; recursive, one a page, the password first by name.
    const QJsonArray direct = output(10).value("Parameters"_L1).toArray();
    QCOMPARE(direct.size(), 1);
    QCOMPARE(direct.at(0).toObject().value("Name"_L1).toString(), u"/app/url"_s);
    const QJsonArray page = output(11).value("Parameters"_L1).toArray();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.at(0).toObject().value("Value"_L1).toString(), u"hunter2-secure"_s);
    QCOMPARE(output(11).value("NextToken"_L1).toString(), u"1"_s);
    QCOMPARE(error(12), u"ParameterNotFound"_s);
    QCOMPARE(error(13), u"NotImplemented"_s);
}

void TestSecrets::parameterStoreThroughSdkV3()
{
    const NodeId caller = f->addFunction(u"caller"_s, kNodeCaller);
    QVERIFY(f->project.setNodeProperty(caller, u"timeout"_s, 60));
    const NodeId list = f->project.addNode(u"parameter"_s, {}, u"hosts"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(list, u"type"_s, u"StringList"_s));
    QVERIFY(f->project.connectNodes(caller, list, u"reads"_s));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    // The value set from outside the function (the Inspector, nimbus secret).
    QVERIFY(f->cloud->secretStore().writeNow(
        u"hosts"_s, SecretRecord::withValue({}, u"parameter"_s, u"a.example,b.example"_s, u"StringList"_s)));
    auto ssm = [](const QString &operation, const QJsonObject &input) {
        return call(u"ssm"_s, u"SSM"_s, operation, input);
    };
    const QJsonArray calls{
        ssm(u"GetParameter"_s, {{u"Name"_s, u"/hosts"_s}}),
        ssm(u"GetParameters"_s, {{u"Names"_s, QJsonArray{u"/hosts"_s}}}),
        ssm(u"GetParametersByPath"_s, {{u"Path"_s, u"/"_s}}),
    };
    const QJsonArray results = run(u"caller"_s, {{u"calls"_s, calls}}).toArray();
    QCOMPARE(results.size(), 3);
    const QJsonObject parameter =
        results.at(0).toObject().value("output"_L1).toObject().value("Parameter"_L1).toObject();
    QCOMPARE(parameter.value("Value"_L1).toString(), u"a.example,b.example"_s);
    QCOMPARE(parameter.value("Type"_L1).toString(), u"StringList"_s);
    QCOMPARE(results.at(1).toObject().value("output"_L1).toObject().value("Parameters"_L1).toArray().size(), 1);
    QCOMPARE(results.at(2).toObject().value("output"_L1).toObject().value("Parameters"_L1).toArray().size(), 1);
}

void TestSecrets::extensionEndpoint()
{
    const NodeId caller = f->addFunction(u"caller"_s, kExtensionCaller);
    const NodeId secret = f->project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    const NodeId parameter = f->project.addNode(u"parameter"_s, {}, u"pin"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(parameter, u"type"_s, u"SecureString"_s));
    QVERIFY(f->project.connectNodes(caller, secret, u"reads"_s));
    QVERIFY(f->project.connectNodes(caller, parameter, u"reads"_s));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    QVERIFY(f->cloud->secretStore().writeNow(u"db"_s, SecretRecord::withValue({}, u"secret"_s, u"extension-pass"_s)));
    QVERIFY(f->cloud->secretStore().writeNow(
        u"pin"_s, SecretRecord::withValue({}, u"parameter"_s, u"pin-1234"_s, u"SecureString"_s)));

    const QJsonArray requests{
        QJsonObject{{u"path"_s, u"/secretsmanager/get?secretId=db"_s}, {u"token"_s, true}},
        QJsonObject{{u"path"_s, u"/secretsmanager/get?secretId=db"_s}, {u"token"_s, false}},
        QJsonObject{{u"path"_s, u"/systemsmanager/parameters/get?name=%2Fpin&withDecryption=true"_s},
                    {u"token"_s, true}},
        QJsonObject{{u"path"_s, u"/systemsmanager/parameters/get?name=%2Fpin"_s}, {u"token"_s, true}},
        QJsonObject{{u"path"_s, u"/secretsmanager/get?secretId=nope"_s}, {u"token"_s, true}},
    };
    const QJsonObject out = run(u"caller"_s, {{u"requests"_s, requests}}).toObject();
    QCOMPARE(out.value("port"_L1).toString(), QString::number(f->endpoint->secretsExtension().port()));
    const QJsonArray answers = out.value("answers"_L1).toArray();
    QCOMPARE(answers.size(), requests.size());
    auto status = [&](int i) { return answers.at(i).toObject().value("status"_L1).toInt(); };
    auto body = [&](int i) {
        return QJsonDocument::fromJson(answers.at(i).toObject().value("body"_L1).toString().toUtf8()).object();
    };
    QCOMPARE(status(0), 200);
    QCOMPARE(body(0).value("SecretString"_L1).toString(), u"extension-pass"_s);
    QCOMPARE(body(0).value("Name"_L1).toString(), u"db"_s);
    QCOMPARE(status(1), 401);
    QVERIFY(!answers.at(1).toObject().value("body"_L1).toString().contains("extension-pass"_L1));
    QCOMPARE(status(2), 200);
    QCOMPARE(body(2).value("Parameter"_L1).toObject().value("Value"_L1).toString(), u"pin-1234"_s);
    QCOMPARE(status(3), 200);
    QVERIFY(body(3).value("Parameter"_L1).toObject().value("Value"_L1).toString() != u"pin-1234"_s);
    QCOMPARE(status(4), 400);
    QCOMPARE(body(4).value("__type"_L1).toString(), u"ResourceNotFoundException"_s);
}

void TestSecrets::extensionChecksTheCallerByItsToken_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("enforce") << u"enforce"_s;
    QTest::newRow("warn") << u"warn"_s;
}

void TestSecrets::extensionChecksTheCallerByItsToken()
{
    // The extension's calls carry no trace header: the worker's token names the function, whose
    // policy is applied (issue 21 item 4). A token no worker was given is refused.
    QFETCH(QString, mode);
    const NodeId caller = f->addFunction(u"caller"_s, kExtensionCaller);
    const NodeId secret = f->project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.addNode(u"parameter"_s, {}, u"pin"_s));
    QVERIFY(f->project.connectNodes(caller, secret, u"reads"_s)); // the parameter is not connected
    f->cloud->setIamMode(*LocalCloud::iamModeFromName(mode));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    QVERIFY(f->cloud->secretStore().writeNow(u"db"_s, SecretRecord::withValue({}, u"secret"_s, u"extension-pass"_s)));
    QVERIFY(f->cloud->secretStore().writeNow(u"pin"_s, SecretRecord::withValue({}, u"parameter"_s, u"pin-1234"_s)));

    const QJsonArray requests{
        QJsonObject{{u"path"_s, u"/secretsmanager/get?secretId=db"_s}, {u"token"_s, true}},
        QJsonObject{{u"path"_s, u"/systemsmanager/parameters/get?name=%2Fpin"_s}, {u"token"_s, true}},
        QJsonObject{{u"path"_s, u"/secretsmanager/get?secretId=db"_s}, {u"token"_s, u"nimbus-local-session-token"_s}},
    };
    const QJsonObject out = run(u"caller"_s, {{u"requests"_s, requests}}).toObject();
    const QJsonArray answers = out.value("answers"_L1).toArray();
    QCOMPARE(answers.size(), requests.size());
    auto status = [&](int i) { return answers.at(i).toObject().value("status"_L1).toInt(); };
    auto body = [&](int i) { return answers.at(i).toObject().value("body"_L1).toString(); };
    QCOMPARE(status(0), 200);
    QVERIFY(body(0).contains("extension-pass"_L1));
    if (mode == "enforce"_L1) {
        QCOMPARE(status(1), 400);
        QVERIFY2(body(1).contains("AccessDeniedException"_L1) && body(1).contains("assumed-role/CallerRole/caller"_L1),
                 qPrintable(body(1)));
        QVERIFY(!body(1).contains("pin-1234"_L1));
    } else {
        QCOMPARE(status(1), 200);
        QVERIFY(body(1).contains("pin-1234"_L1));
    }
    // The old shared token, or any other, is no worker's.
    QCOMPARE(status(2), 403);
    QVERIFY(!body(2).contains("extension-pass"_L1));
    // Either way the call is logged against the function, with the connection that grants it.
    QStringList denied;
    for (const CloudLogEntry &e : f->cloud->log())
        if (!e.deniedAction.isEmpty())
            denied.append(e.source + u' ' + e.deniedAction + u' ' + e.target + u' ' + e.grantingEdge);
    QCOMPARE(denied, QStringList{u"caller ssm:GetParameter pin reads"_s});
}

void TestSecrets::renamedNodeKeepsItsValue_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("secret") << u"secret"_s;
    QTest::newRow("parameter") << u"parameter"_s;
}

void TestSecrets::renamedNodeKeepsItsValue()
{
    // Values are kept by node name (issue 21): a rename moves the value, its undo moves it back,
    // a removal keeps it for the undo.
    QFETCH(QString, kind);
    const NodeId node = f->project.addNode(kind, {}, u"db"_s).valueOr(kInvalidNodeId);
    SecretStore store;
    store.setProjectFile(f->project.filePath());
    SecretRenames renames(f->project, store);
    QVERIFY(store.writeNow(u"db"_s, SecretRecord::withValue({}, kind, u"kept-value"_s)));
    // What another store of the project (the local cloud's) reads, once the moves are done.
    auto stored = [&](const QString &name) -> QString {
        if (!QTest::qWaitFor([&] { return !renames.isBusy(); }, 10000))
            return u"still moving"_s;
        SecretStore reader;
        reader.setProjectFile(f->project.filePath());
        const Result<QJsonObject> record = reader.readNow(name);
        return record ? SecretRecord::currentValue(*record).value_or(QString()) : u"error"_s;
    };
    QVERIFY(f->project.renameNode(node, u"database"_s));
    QCOMPARE(stored(u"database"_s), u"kept-value"_s);
    QCOMPARE(stored(u"db"_s), QString());
    // Moved on disk too: one value file, not a copy.
    QCOMPARE(QDir(SecretStore::fileFolder(f->project.filePath())).entryList(QDir::Files).size(), 1);
    // Renamed twice in a row, then undone twice without waiting: the moves run in order.
    QVERIFY(f->project.renameNode(node, u"primary"_s));
    f->project.undoStack()->undo();
    f->project.undoStack()->undo();
    QCOMPARE(stored(u"db"_s), u"kept-value"_s);
    QCOMPARE(stored(u"database"_s), QString());
    QCOMPARE(stored(u"primary"_s), QString());
    f->project.undoStack()->redo();
    QCOMPARE(stored(u"database"_s), u"kept-value"_s);
    // Removed: the value stays for the undo, which finds it under the node's name.
    f->project.removeItems({node});
    QCOMPARE(stored(u"database"_s), u"kept-value"_s);
    f->project.undoStack()->undo();
    QVERIFY(f->project.architecture().nodeByName(u"database"_s));
    QVERIFY(f->project.renameNode(node, u"restored"_s));
    QCOMPARE(stored(u"restored"_s), u"kept-value"_s);
    // No value: a rename writes none.
    const NodeId empty = f->project.addNode(kind, {}, u"blank"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.renameNode(empty, u"stillBlank"_s));
    QCOMPARE(stored(u"stillBlank"_s), QString());
}

void TestSecrets::readsNeedAConnection()
{
    // A function without a reads connection is refused in enforce mode, as for tables.
    const NodeId caller = f->addFunction(u"caller"_s, kNodeCaller);
    QVERIFY(f->project.setNodeProperty(caller, u"timeout"_s, 60));
    QVERIFY(f->project.addNode(u"secret"_s, {}, u"db"_s));
    QVERIFY(f->project.addNode(u"parameter"_s, {}, u"url"_s));
    f->cloud->setIamMode(LocalCloud::IamMode::Enforce);
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    const QJsonArray calls{
        call(u"secrets-manager"_s, u"SecretsManager"_s, u"GetSecretValue"_s, {{u"SecretId"_s, u"db"_s}}),
        call(u"ssm"_s, u"SSM"_s, u"GetParameter"_s, {{u"Name"_s, u"/url"_s}}),
    };
    const QJsonArray results = run(u"caller"_s, {{u"calls"_s, calls}}).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value("error"_L1).toString(), u"AccessDeniedException"_s);
    QCOMPARE(results.at(0).toObject().value("message"_L1).toString(),
             u"User: arn:aws:sts::000000000000:assumed-role/CallerRole/caller is not authorized to perform: "
             "secretsmanager:GetSecretValue on resource: %1 because no identity-based policy allows the "
             "secretsmanager:GetSecretValue action"_s.arg(EffectivePolicy::secretArn(u"db"_s, u"us-east-1"_s)));
    QCOMPARE(results.at(1).toObject().value("error"_L1).toString(), u"AccessDeniedException"_s);
    QVERIFY(results.at(1)
                .toObject()
                .value("message"_L1)
                .toString()
                .contains("ssm:GetParameter on resource: arn:aws:ssm:us-east-1:000000000000:parameter/url"_L1));
    QStringList granting;
    for (const CloudLogEntry &e : f->cloud->log())
        if (!e.deniedAction.isEmpty())
            granting.append(e.deniedAction + u' ' + e.grantingEdge);
    QCOMPARE(granting, (QStringList{u"secretsmanager:GetSecretValue reads"_s, u"ssm:GetParameter reads"_s}));
}

void TestSecrets::storeKeepsValuesPrivate()
{
    SecretStore store;
    QSignalSpy warnings(&store, &SecretStore::warning);
    store.setProjectFile(f->project.filePath());
    QVERIFY(store.usesFile());
    QVERIFY(store.writeNow(u"db"_s, SecretRecord::withValue({}, u"secret"_s, u"kept-private"_s)));
    const QString folder = SecretStore::fileFolder(f->project.filePath());
    QVERIFY(folder.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                              + "/nimbus-studio/secrets/"_L1));
    QCOMPARE(QFile::permissions(folder) & 0x7077, // the owner's rights only
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QStringList files = QDir(folder).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QVERIFY(!files.first().contains("db"_L1)); // the node's name is hashed
    QCOMPARE(QFile::permissions(folder + u'/' + files.first()) & 0x7077,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(SecretRecord::currentValue(*store.readNow(u"db"_s)).value_or(QString()), u"kept-private"_s);
    QVERIFY(warnings.isEmpty()); // the file was chosen: no keychain failed

    // Auto on a box whose keychain does not answer falls back to the file, with a warning.
    SecretStore automatic;
    automatic.setBackend(SecretStore::Backend::Auto);
    QSignalSpy fellBack(&automatic, &SecretStore::warning);
    automatic.setProjectFile(f->folder.filePath(u"other.nimbus"_s));
    const Result<void> written = automatic.writeNow(u"db"_s, SecretRecord::withValue({}, u"secret"_s, u"v"_s));
    QVERIFY2(written, qPrintable(written.errorMessage()));
    if (automatic.usesFile()) {
        QCOMPARE(fellBack.size(), 1);
        QVERIFY(fellBack.first().first().toString().contains(SecretStore::fileFolder(automatic.projectFile())));
    }
    automatic.remove(u"db"_s);
    QDir(SecretStore::fileFolder(automatic.projectFile())).removeRecursively();
}

void TestSecrets::valuesNeverInProjectFiles()
{
    const NodeId caller = f->addFunction(u"caller"_s, kNodeCaller);
    QVERIFY(f->project.setNodeProperty(caller, u"timeout"_s, 60));
    const NodeId secret = f->project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.connectNodes(caller, secret, u"reads"_s));
    QVERIFY(f->project.connectNodes(caller, secret, u"writes"_s));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    const QString value = u"never-in-a-file-7f3a"_s;
    const QJsonArray calls{
        call(u"secrets-manager"_s, u"SecretsManager"_s, u"PutSecretValue"_s,
             {{u"SecretId"_s, u"db"_s}, {u"SecretString"_s, value}}),
        call(u"secrets-manager"_s, u"SecretsManager"_s, u"GetSecretValue"_s, {{u"SecretId"_s, u"db"_s}}),
    };
    const QJsonArray results = run(u"caller"_s, {{u"calls"_s, calls}}).toArray();
    QCOMPARE(results.at(1).toObject().value("output"_L1).toObject().value("SecretString"_L1).toString(), value);
    QVERIFY(ProjectFile().save(f->project, f->project.filePath()));
    f->cloud->stop();

    // The project's folder (project file, cloud state, run history, code) holds no value.
    QDirIterator it(f->folder.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(value.toUtf8()), qPrintable(file.fileName()));
        ++files;
    }
    QVERIFY(files > 1);
    QVERIFY(QFile::exists(f->project.filePath()));
}

void TestSecrets::secretCommand()
{
    // nimbus secret PROJECT NODE --set / --from-file / --get, with the data folder of its own.
    QVERIFY(f->project.addNode(u"secret"_s, {}, u"db"_s));
    QVERIFY(f->project.addNode(u"function"_s, {}, u"api"_s));
    QVERIFY(ProjectFile().save(f->project, f->project.filePath()));
    QTemporaryDir data;
    auto nimbus = [&](const QStringList &arguments, QByteArray *out = nullptr) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, data.path());
        env.insert(u"NIMBUS_SECRET_STORE"_s, u"file"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), QStringList{u"secret"_s} + arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (out)
            *out = process.readAllStandardOutput();
        return process.exitCode();
    };
    const QString project = f->project.filePath();
    QCOMPARE(nimbus({project, u"db"_s, u"--get"_s}), 1);
    QCOMPARE(nimbus({project, u"db"_s, u"--set"_s, u"cli-value-81f0"_s}), 0);
    QByteArray out;
    QCOMPARE(nimbus({project, u"db"_s, u"--get"_s}, &out), 0);
    QCOMPARE(out, QByteArray("cli-value-81f0\n"));
    QFile file(f->folder.filePath(u"value.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("from-a-file");
    file.close();
    QCOMPARE(nimbus({project, u"db"_s, u"--from-file"_s, file.fileName()}), 0);
    QCOMPARE(nimbus({project, u"db"_s, u"--get"_s}, &out), 0);
    QCOMPARE(out, QByteArray("from-a-file\n"));
    QCOMPARE(nimbus({project, u"api"_s, u"--get"_s}), 3);
    QCOMPARE(nimbus({project, u"db"_s}), 2);
    // The value is in the data folder given, not in the project's.
    QVERIFY(QDir(data.filePath(u"nimbus-studio/secrets"_s)).exists());
    QFile saved(project);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(!saved.readAll().contains("cli-value-81f0"));
}

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
