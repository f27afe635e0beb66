#pragma once

#include <QtGlobal>

namespace Nimbus {

// The identities of a design's nodes and edges: unique within their Architecture, never
// reused while it lives, 0 for none. They are not saved; names identify nodes in files.
using NodeId = quint64;
constexpr NodeId kInvalidNodeId = 0;
using EdgeId = quint64;
constexpr EdgeId kInvalidEdgeId = 0;

} // namespace Nimbus
