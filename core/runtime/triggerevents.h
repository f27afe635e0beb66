#pragma once

#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace Nimbus {

class Project;

// The events a function receives from what invokes it on the canvas: for each
// connected trigger or service, its kind's event template with parameters taken from
// that node (an HTTP route's method and path, a queue's name ...).
class TriggerEvents
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::TriggerEvents)

public:
    struct Source
    {
        NodeId node = kInvalidNodeId;
        QString nodeName;
        QString kindName;
        QString templateId;
        QList<QPair<QString, QString>> parameters;
    };

    // The invokers of a function, in the order of their connections.
    static QList<Source> forFunction(const Project &project, NodeId function);
    // The event as the function would receive it from that source.
    static Result<QByteArray> generate(const Source &source);
    // A concrete path for a route template: /items/{id} -> /items/123.
    static QString examplePath(const QString &route);
};

} // namespace Nimbus
