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
    struct Error
    {
        int status = 400;
        QString code;
        QString message;
    };
    using Function = QJsonObject (SnsService::*)(const AwsRequest &request, Error *error);

    // The topic a publish names (TopicArn or TargetArn), or empty with *error.
    QString topicOf(const QJsonObject &input, Error *error) const;
    bool publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, QString *id, Error *error);

    QJsonObject publish(const AwsRequest &request, Error *error);
    QJsonObject publishBatch(const AwsRequest &request, Error *error);
    QJsonObject listTopics(const AwsRequest &request, Error *error);

    QHash<QString, Function> mOperations;
};

} // namespace Nimbus
