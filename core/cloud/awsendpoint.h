#pragma once

#include "httproutes.h"
#include "requestguard.h"
#include "result.h"
#include "serverthreads.h"
#include "services/awsservice.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace Nimbus {

class LocalCloud;
class SecretsExtension;

// The local cloud's services on the AWS wire protocols, so that handlers written
// with the AWS SDK run unchanged: SQS (JSON and query protocols), DynamoDB (JSON 1.0),
// S3 (REST, path-style and virtual-hosted-style), SNS (query), EventBridge, Secrets Manager
// and Systems Manager Parameter Store (JSON 1.1) and Lambda's Invoke (REST-JSON), one
// AwsService each
// (core/cloud/services). The endpoint is their router: it answers what is common to all
// (size, a stopped cloud) and finds the service a request is for by the request itself
// (X-Amz-Target, the signing scope, the Action of a form); signatures are not checked.
// Writes made by a function through its SDK carry the invocation's trace header, so the
// event log and the loop guard see their cause. Only this machine's tools are answered
// (see RequestGuard), and no answer is ever rendered by a browser.
class AwsEndpoint : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kRequestLimit = 64 * 1024 * 1024;
    static constexpr qsizetype kDynamoRequestLimit = 16 * 1024 * 1024;
    // Lambda's 6 MB for a synchronous invocation's payload, and a little room for its own error.
    static constexpr qsizetype kInvokeRequestLimit = 7 * 1024 * 1024;
    // A PUT body of this size or more is written to a file as it arrives (an S3 object or
    // part), not kept in memory until its request is served.
    static constexpr qsizetype kSpillThreshold = 1024 * 1024;
    static constexpr const char *kAccountId = "000000000000";

    explicit AwsEndpoint(LocalCloud &cloud, QObject *parent = nullptr);
    ~AwsEndpoint() override;

    LocalCloud &cloud() const { return mCloud; }

    // Adds a service (owned by the endpoint): requests recognised as its own reach it.
    // Services are tried in the order they were added; the constructor adds SQS, SNS,
    // S3 and DynamoDB.
    template<typename Service>
    Service *addService()
    {
        auto *service = new Service(*this);
        mServices.append(service);
        return service;
    }
    // The service of that name ("sqs", "s3" ...), or null.
    AwsService *service(const QString &name) const;
    // Every operation each service lists (AwsService::operations()), service by service in
    // the order they were added.
    QList<AwsOperation> operations() const;
    // The same as one Markdown table (service, operation, status, note), generated from the
    // services' registration: what `nimbus cloud --operations` prints and README.md shows.
    QString operationsTable() const;
    // The name a table of operations gives a service ("sqs": "SQS").
    static QString serviceTitle(const QString &name);

    // listen() makes the endpoint's own thread one of those its connections are read and
    // written on (ServerThreads::Lanes::WithCallingThread), so that their requests reach
    // the services without crossing threads: for a headless cloud (`nimbus serve`), whose
    // thread does nothing else; never for one on the GUI thread.
    void setConnectionsOnOwnThread(bool on) { mConnectionsOnOwnThread = on; }
    Result<void> listen(const QHostAddress &address, quint16 port);
    void close();
    quint16 port() const { return mPort; }
    QString url() const;
    // The Parameters and Secrets extension's endpoint for the workers, which listen()
    // starts on 127.0.0.1:2773 (or a free port when that one is taken) and tells the
    // cloud of (PARAMETERS_SECRETS_EXTENSION_HTTP_PORT).
    SecretsExtension &secretsExtension() const { return *mExtension; }

    // Serves one request (the server's path; tests call it directly). done may be
    // called later (a long-polling ReceiveMessage).
    using Reply = AwsReply;
    void handle(AwsRequest request, Reply done);

    // An answer with the headers that keep a browser from rendering it as a page.
    static HttpResponseData secured(HttpResponseData response);
    // An answer as every one leaves: naming its request, secured().
    static HttpResponseData answered(HttpResponseData response, const QString &requestId);

    // The URL of a queue on an endpoint.
    static QString queueUrl(const QString &endpoint, const QString &queue);

private:
    void serve(const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io);
    void serveSpilled(const GuardedTcpServer::SpilledRequest &request, const std::shared_ptr<Mailbox> &io);

    // The service a request is for, with its protocol and operation noted in request.
    AwsService *route(AwsRequest &request) const;
    // On a connection's thread: how many of socket's requests the cloud's thread serves,
    // after change (+1 when one is handed to it, -1 when its answer is written back).
    static int serving(QTcpSocket *socket, int change);
    // On a connection's thread: the answer's body of a GetItem that TableReads holds, for
    // the invocation whose request id is invocation when a function makes it.
    std::optional<QByteArray> sharedGetItem(const QJsonObject &input, const QString &invocation) const;
    AwsService *fallback(bool query) const;
    // AWS's refusal of a call by a function whose effective policy does not allow it (the
    // local cloud's IamMode enforce); in warn mode the call goes on, logged. quietly tells
    // whether it was allowed with nothing logged.
    std::optional<HttpResponseData> deniedAccess(const AwsService &service, const AwsRequest &request, bool *quietly);
    // The throttling error of service when the chaos settings (faultThrottleRate) of a
    // resource the request names refuse it, as that service answers a throttled call.
    std::optional<HttpResponseData> injectedThrottle(const AwsService &service, const AwsRequest &request);

    LocalCloud &mCloud;
    RequestGuard mGuard;
    quint16 mPort = 0;
    bool mConnectionsOnOwnThread = false;
    QList<AwsService *> mServices;
    SecretsExtension *mExtension; // a child
    // Where the connections' threads send the requests they read: this thread's events.
    std::shared_ptr<Mailbox> mHome = std::make_shared<Mailbox>();
    // Last, so that it ends first: its threads read the guard above.
    std::unique_ptr<ServerThreads> mThreads;
};

} // namespace Nimbus
