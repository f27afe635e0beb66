#include "secretsextension.h"

#include "awsendpoint.h"
#include "httpmethod.h"
#include "localcloud.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

HttpResponseData answer(int status, const QByteArray &body, const QByteArray &contentType = "text/plain")
{
    HttpResponseData response;
    response.status = status;
    response.body = body;
    response.headers.append(qMakePair(QByteArray("content-type"), contentType));
    response.headers.append(qMakePair(QByteArray("x-content-type-options"), QByteArray("nosniff")));
    response.headers.append(qMakePair(QByteArray("cache-control"), QByteArray("no-store")));
    return response;
}

} // namespace

SecretsExtension::SecretsExtension(AwsEndpoint &endpoint, QObject *parent) : QObject(parent), mEndpoint(endpoint) { }

SecretsExtension::~SecretsExtension()
{
    close();
}

Result<void> SecretsExtension::listen(quint16 port)
{
    close();
    // GET requests only: no body is ever read.
    auto bodyLimit = [](const QByteArray &, const HttpHeaders &) { return qsizetype(0); };
    auto refusal = [](int status, const QString &message) { return answer(status, message.toUtf8()); };
    for (quint16 tried : {port, quint16(0)}) {
        mServer = std::make_unique<GuardedHttpServer>([this](const QHttpServerRequest &request, QTcpSocket *socket) {
            HttpRequestData data;
            readRequest(request, &data);
            handle(data, GuardedHttpServer::answerOf(request, socket));
        });
        mPort = mServer->listenGuarded(&mGuard, bodyLimit, refusal, QHostAddress(QHostAddress::LocalHost), tried);
        if (mPort)
            return {};
    }
    mServer.reset();
    return fail(tr("the Parameters and Secrets extension cannot listen on 127.0.0.1"));
}

void SecretsExtension::close()
{
    mServer.reset();
    mPort = 0;
}

void SecretsExtension::handle(const HttpRequestData &request, const std::function<void(const HttpResponseData &)> &done)
{
    // Checked again on the head as Qt parsed it, as the AWS endpoint does.
    if (const auto refusal = mGuard.refusal(request.headers)) {
        done(answer(403, refusal->toUtf8()));
        return;
    }
    if (request.method != "GET"_L1) {
        done(answer(405, "the Parameters and Secrets extension answers GET only"));
        return;
    }
    if (!request.body.isEmpty() || request.query.size() > kQueryLimit) {
        done(answer(400, "the request is too large"));
        return;
    }
    const QByteArray token = request.header("x-aws-parameters-secrets-token");
    if (token.isEmpty()) {
        done(answer(401, "X-Aws-Parameters-Secrets-Token is missing"));
        return;
    }
    // Each worker has a token of its own: it names the calling function.
    const QString caller = mEndpoint.cloud().functionOfSessionToken(QString::fromUtf8(token));
    if (caller.isEmpty()) {
        done(answer(403, "X-Aws-Parameters-Secrets-Token is not the session token of a function of this local cloud"));
        return;
    }
    const QUrlQuery query(QString::fromUtf8(request.query));
    auto value = [&](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    QByteArray target;
    QJsonObject input;
    if (request.path == "/secretsmanager/get"_L1) {
        if (value("secretId").isEmpty()) {
            done(answer(400, "secretId is missing"));
            return;
        }
        target = "secretsmanager.GetSecretValue";
        input.insert("SecretId"_L1, value("secretId"));
        if (!value("versionId").isEmpty())
            input.insert("VersionId"_L1, value("versionId"));
        if (!value("versionStage").isEmpty())
            input.insert("VersionStage"_L1, value("versionStage"));
    } else if (request.path == "/systemsmanager/parameters/get"_L1) {
        if (value("name").isEmpty()) {
            done(answer(400, "name is missing"));
            return;
        }
        target = "AmazonSSM.GetParameter";
        QString name = value("name");
        if (!value("version").isEmpty())
            name += u':' + value("version");
        input.insert("Name"_L1, name);
        input.insert("WithDecryption"_L1, value("withDecryption") == "true"_L1);
    } else {
        done(answer(404, "not a path of the Parameters and Secrets extension"));
        return;
    }
    AwsRequest call;
    call.method = u"POST"_s;
    call.path = u"/"_s;
    call.sourceIp = request.sourceIp;
    call.when = request.when;
    call.host = u"127.0.0.1"_s;
    call.caller = caller;
    call.headers = {{"host", "127.0.0.1"}, {"content-type", "application/x-amz-json-1.1"}, {"x-amz-target", target}};
    if (const QByteArray trace = request.header("x-amzn-trace-id"); !trace.isEmpty())
        call.headers.append({"x-amzn-trace-id", trace});
    call.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    mEndpoint.handle(std::move(call), [done](const HttpResponseData &response) {
        // The service's answer or error, as JSON, with its status.
        HttpResponseData out = answer(response.status, response.body, "application/json");
        out.problem = response.problem;
        done(out);
    });
}

} // namespace Nimbus
