#pragma once

#include "node.h"

namespace Nimbus {

// A typed connection from one node to another ("invokes", "writes", ...).
struct Edge
{
    EdgeId id = kInvalidEdgeId;
    NodeId from = kInvalidNodeId;
    NodeId to = kInvalidNodeId;
    QString type;

    bool operator==(const Edge &other) const
    {
        return id == other.id && from == other.from && to == other.to && type == other.type;
    }
    bool operator!=(const Edge &other) const { return !(*this == other); }
};

} // namespace Nimbus
