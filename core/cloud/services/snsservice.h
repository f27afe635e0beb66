#pragma once

#include "awsservice.h"

#include <QHash>

namespace Nimbus {

// SNS on the query protocol: publishing to the design's topics, which deliver to the
// functions they invoke, and listing them. An unsigned Publish is SNS's.
class SnsService : public AwsService
{
public:
    explicit SnsService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    using Function = QJsonObject (SnsService::*)(const AwsRequest &request, AwsError *error);

    // The topic a publish names (TopicArn or TargetArn), or empty with *error.
    QString topicOf(const QJsonObject &input, AwsError *error) const;
    bool publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, QString *id, AwsError *error);

    QJsonObject publish(const AwsRequest &request, AwsError *error);
    QJsonObject publishBatch(const AwsRequest &request, AwsError *error);
    QJsonObject listTopics(const AwsRequest &request, AwsError *error);

    QHash<QString, Function> mOperations;
};

} // namespace Nimbus
