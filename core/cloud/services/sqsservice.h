#pragma once

#include "awsservice.h"

#include <QHash>
#include <QList>

#include <functional>
#include <memory>

namespace Nimbus {

struct QueueMessage;

// SQS on its JSON and query protocols: the queues of the design and their dead-letter
// queues, with long polling. It also takes the forms no other service claims.
class SqsService : public AwsService
{
public:
    explicit SqsService(AwsEndpoint &endpoint);
    ~SqsService() override;

    void handle(const AwsRequest &request, const AwsReply &done) override;
    void close() override;

private:
    struct Call
    {
        QString operation;
        QJsonObject input;
        qint64 cause = 0;
        QString queue; // for the operations on a queue, once it is known to exist
    };
    using Function = QJsonObject (SqsService::*)(const Call &call, AwsError *error);
    struct Operation
    {
        Function function = nullptr;
        bool onQueue = true; // needs an existing QueueUrl
    };
    struct Waiting;

    // The answer of one operation, or *error.
    QJsonObject run(Call call, AwsError *error);
    HttpResponseData answer(const AwsRequest &request, const QJsonObject &result, const AwsError &error) const;
    void poll(std::shared_ptr<Waiting> waiting);
    QString queueOf(const QJsonObject &input, AwsError *error) const;
    bool sendOne(const Call &call, const QJsonObject &entry, QJsonObject *result, AwsError *error);
    bool checkEntries(const Call &call, const QJsonArray &entries, AwsError *error) const;
    QJsonObject received(const QJsonObject &input, const QList<QueueMessage> &messages) const;
    // DeleteMessageBatch and ChangeMessageVisibilityBatch: change is applied to each entry.
    QJsonObject byReceipt(const Call &call, const std::function<bool(const QJsonObject &entry)> &change,
                          AwsError *error);

    QJsonObject getQueueUrl(const Call &call, AwsError *error);
    QJsonObject listQueues(const Call &call, AwsError *error);
    QJsonObject sendMessage(const Call &call, AwsError *error);
    QJsonObject sendMessageBatch(const Call &call, AwsError *error);
    QJsonObject receiveMessage(const Call &call, AwsError *error);
    QJsonObject deleteMessage(const Call &call, AwsError *error);
    QJsonObject deleteMessageBatch(const Call &call, AwsError *error);
    QJsonObject changeMessageVisibility(const Call &call, AwsError *error);
    QJsonObject changeMessageVisibilityBatch(const Call &call, AwsError *error);
    QJsonObject purgeQueue(const Call &call, AwsError *error);
    QJsonObject getQueueAttributes(const Call &call, AwsError *error);

    QHash<QString, Operation> mOperations;
    QList<std::shared_ptr<Waiting>> mWaiting;
};

} // namespace Nimbus
