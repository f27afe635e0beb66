#pragma once

#include "diagnostic.h"

#include <QCoreApplication>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

namespace Nimbus {

class Architecture;
class Catalog;
struct Node;

// The layers of a function as Lambda stacks them: the layer nodes connected to it by
// "extends" connections, in the order they were connected (Lambda extracts them into
// /opt one after the other, so a later layer's file wins over an earlier one's at the
// same path), and the design rules about them.
class LayerStack
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::LayerStack)

public:
    static constexpr int kMaxLayers = 5; // Lambda's limit per function
    static constexpr QLatin1String kEdgeType{"extends"};

    // The layers of function, first connected first.
    static QList<const Node *> of(const Architecture &architecture, NodeId function);
    // The functions a layer extends, in name order.
    static QList<const Node *> functionsOf(const Architecture &architecture, NodeId layer);
    // A layer's folder (relative to the project file), its default when unset.
    static QString folder(const Catalog &catalog, const Node &layer);
    // The compatible runtimes a layer lists, each once, in the order written; empty: any.
    static QStringList compatibleRuntimes(const Node &layer);
    // x86_64 or arm64; empty when the layer suits both.
    static QString compatibleArchitecture(const Node &layer);

    // Layer folders that are not confined to the project's folder or do not exist,
    // functions with more than kMaxLayers layers, and (as warnings) a function whose
    // runtime or architecture a layer of it does not list. directory: the project's
    // folder; without it, existence is not checked.
    static QList<Diagnostic> problems(const Catalog &catalog, const Architecture &architecture,
                                      const QString &directory);
};

} // namespace Nimbus
