#pragma once

#include "httproutes.h"
#include "requestguard.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace Nimbus {

class LocalCloud;
struct Node;
struct DynamoError;

// One request to the AWS-compatible endpoint, with what the dispatcher learnt of it.
struct AwsRequest : HttpRequestData
{
    QString host;     // without the port
    QString requestId;
    qint64 cause = 0; // the invocation that sent it (from its trace header), 0 from outside
};

// The local cloud's services on the AWS wire protocols, so that handlers written
// with the AWS SDK run unchanged: SQS (JSON and query protocols), DynamoDB (JSON 1.0),
// S3 (REST, path-style and virtual-hosted-style) and SNS (query). The service is
// told by the request itself (X-Amz-Target, the Action of a form, the signing scope);
// signatures are not checked. What it answers is protocol text, in English as AWS's.
// Writes made by a function through its SDK carry the invocation's trace header, so the
// event log and the loop guard see their cause. Only this machine's tools are answered
// (see RequestGuard), and no answer is ever rendered by a browser.
class AwsEndpoint : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kRequestLimit = 64 * 1024 * 1024;
    static constexpr qsizetype kDynamoRequestLimit = 16 * 1024 * 1024;
    static constexpr const char *kAccountId = "000000000000";

    explicit AwsEndpoint(LocalCloud &cloud, QObject *parent = nullptr);
    ~AwsEndpoint() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    quint16 port() const { return mPort; }
    QString url() const;

    // Serves one request (the server's path; tests call it directly). done may be
    // called later (a long-polling ReceiveMessage).
    using Reply = std::function<void(const HttpResponseData &)>;
    void handle(AwsRequest request, Reply done);

    // An answer with the headers that keep a browser from rendering it as a page.
    static HttpResponseData secured(HttpResponseData response);

    // The URL of a queue on an endpoint.
    static QString queueUrl(const QString &endpoint, const QString &queue);

private:
    class Server;
    struct Waiting;

    void dynamodb(const AwsRequest &request, const QString &operation, const Reply &done);
    void sqs(const AwsRequest &request, const QString &operation, const QJsonObject &input, bool query, const Reply &done);
    void sns(const AwsRequest &request, const QString &operation, const QJsonObject &input, const Reply &done);
    void s3(const AwsRequest &request, const Reply &done);

    // DynamoDB operations: the answer, or an error.
    QJsonObject dynamoOperation(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error);
    const Node *dynamoTable(const QJsonValue &name, DynamoError *error) const;
    QJsonObject describeTable(const Node *table) const;
    // SQS operations on the JSON shape; the answer, or *errorCode (query-protocol code).
    QJsonObject sqsOperation(const QString &operation, const QJsonObject &input, qint64 cause, QString *errorCode,
                             QString *message, bool *empty);
    QString queueOf(const QJsonObject &input, QString *errorCode, QString *message) const;
    void pollQueue(std::shared_ptr<Waiting> waiting);

    LocalCloud &mCloud;
    std::unique_ptr<Server> mServer;
    RequestGuard mGuard;
    QHostAddress mAddress;
    quint16 mPort = 0;
    QList<std::shared_ptr<Waiting>> mWaiting;
};

} // namespace Nimbus
