#pragma once

#include "node.h"

#include <QJsonObject>

namespace Nimbus {

// A typed connection from one node to another ("invokes", "writes", ...), with the
// properties its catalog rule declares (a subscription's filter policy). A property not
// set holds its rule's default (Catalog::edgeProperties gives both).
struct Edge
{
    EdgeId id = kInvalidEdgeId;
    NodeId from = kInvalidNodeId;
    NodeId to = kInvalidNodeId;
    QString type;
    QJsonObject properties;

    bool operator==(const Edge &other) const
    {
        return id == other.id && from == other.from && to == other.to && type == other.type
               && properties == other.properties;
    }
    bool operator!=(const Edge &other) const { return !(*this == other); }
};

} // namespace Nimbus
