#pragma once

#include "node.h"

#include <QHash>
#include <QPointF>
#include <QSizeF>

namespace Nimbus {

class Architecture;

// A layered left-to-right layout that follows the flow of events: nodes nothing
// points to (triggers) on the left, each node one column right of what feeds it,
// stores after their writers; rows ordered to keep connected nodes level (barycentres).
// Connections that close a loop are ignored for layering, so loops still lay out.
namespace AutoLayout {

struct Spacing
{
    QSizeF node{196, 60};
    qreal columnGap = 140;
    qreal rowGap = 50;
};

QHash<NodeId, QPointF> compute(const Architecture &architecture, const Spacing &spacing = {});

} // namespace AutoLayout
} // namespace Nimbus
