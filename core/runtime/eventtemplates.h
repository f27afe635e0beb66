#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Nimbus {

// Sample events in AWS's shapes (API Gateway v2 and v1, SQS, SNS, S3, DynamoDB stream,
// EventBridge schedule), from resources/events/*.json. Each has named parameters with
// defaults; strings in the event may hold {{parameter}}, {{json:parameter}} (the value
// parsed as JSON) and values computed at generation: {{uuid}}, {{now}}, {{epochMs}},
// {{md5:parameter}}, {{urlencoded:parameter}}, the path parameters of a route ...
class EventTemplates
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::EventTemplates)

public:
    struct Template
    {
        QString id;
        QString name;
        QString description;
        QList<QPair<QString, QString>> parameters; // by name, with their defaults
        QJsonValue event;
    };

    Result<void> loadDirectory(const QString &directory);
    const QList<Template> &all() const { return mTemplates; }
    const Template *find(const QString &id) const;

    // The event of a template with some parameters set; unknown parameters are an error.
    Result<QByteArray> generate(const QString &id, const QHash<QString, QString> &values) const;

    // The parameters of a route template matched by a path ({name} and a final {name+}).
    static QJsonObject pathParameters(const QString &route, const QString &path);

    static const EventTemplates &builtin();

private:
    QList<Template> mTemplates;
};

} // namespace Nimbus
