#pragma once

#include "httproutes.h"
#include "requestguard.h"
#include "result.h"

#include <QObject>

#include <memory>

namespace Nimbus {

class AwsEndpoint;
class GuardedHttpServer;

// The AWS Parameters and Secrets Lambda extension's local HTTP endpoint, for the workers:
// GET /secretsmanager/get?secretId=... (versionId, versionStage) and
// GET /systemsmanager/parameters/get?name=... (version, withDecryption=true), each
// answered with the JSON of GetSecretValue or GetParameter, which the AWS endpoint
// serves (so the same checks, values and errors apply). A request must carry
// X-Aws-Parameters-Secrets-Token, a worker's AWS_SESSION_TOKEN (401 without, 403 with one
// no worker was given), name a loopback Host, come from no foreign Origin and carry no
// body. It listens on 127.0.0.1 only. The token names the calling function, whose policy
// each call is checked against in the cloud's IAM mode, with or without a trace header.
class SecretsExtension : public QObject
{
    Q_OBJECT

public:
    // The extension's port on Lambda.
    static constexpr quint16 kDefaultPort = 2773;
    static constexpr qsizetype kQueryLimit = 4096;

    explicit SecretsExtension(AwsEndpoint &endpoint, QObject *parent = nullptr);
    ~SecretsExtension() override;

    // Listens on 127.0.0.1:port, or on a free port when that one is taken.
    Result<void> listen(quint16 port = kDefaultPort);
    void close();
    quint16 port() const { return mPort; }

    // Serves one request (the server's path; tests call it directly).
    void handle(const HttpRequestData &request, const std::function<void(const HttpResponseData &)> &done);

private:
    AwsEndpoint &mEndpoint;
    std::unique_ptr<GuardedHttpServer> mServer;
    RequestGuard mGuard;
    quint16 mPort = 0;
};

} // namespace Nimbus
