#pragma once

#include "ids.h"

#include <QJsonObject>
#include <QPointF>
#include <QString>

namespace Nimbus {

// One box on the canvas: a trigger, a function or a service. Its kind names an entry
// of the catalog; properties hold one JSON value per property of that kind.
struct Node
{
    NodeId id = kInvalidNodeId;
    QString kind;
    QString name;
    QPointF position;
    QJsonObject properties;

    bool operator==(const Node &other) const
    {
        return id == other.id && kind == other.kind && name == other.name && position == other.position
               && properties == other.properties;
    }
    bool operator!=(const Node &other) const { return !(*this == other); }
};

} // namespace Nimbus
