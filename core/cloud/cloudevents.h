#pragma once

#include "cloudstate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Nimbus {

// The events the local cloud delivers to functions, in AWS's shapes (the same fields
// as resources/events, which follow aws-sam-cli's samples), built from real state:
// a batch of queue messages, a published message, a stored object, table changes, a
// schedule's firing. Account 000000000000 and the configured region, as LocalStack and
// SAM CLI use.
namespace CloudEvents {

constexpr const char *kAccount = "000000000000";

QString queueArn(const QString &region, const QString &queue);
QString topicArn(const QString &region, const QString &topic);
QString tableArn(const QString &region, const QString &table);

QJsonObject sqs(const QString &region, const QString &queue, const QList<QueueMessage> &messages);
QJsonObject sns(const QString &region, const QString &topic, const QString &messageId, const QString &message,
                const QString &subject, const QDateTime &when, const QJsonObject &attributes = {});
// eventName: "ObjectCreated:Put" or "ObjectRemoved:Delete".
QJsonObject s3(const QString &region, const QString &bucket, const StoredObject &object, const QString &eventName,
               qint64 sequence, const QDateTime &when);
// viewType: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES (the table's stream).
QJsonObject dynamodb(const QString &region, const QString &table, const QList<StreamRecord> &records,
                     const QString &viewType);
QJsonObject scheduled(const QString &region, const QString &rule, const QDateTime &when);

} // namespace CloudEvents
} // namespace Nimbus
