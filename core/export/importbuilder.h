#pragma once

#include "provider.h"

#include <QCoreApplication>
#include <QHash>

namespace Nimbus {

class Catalog;

// Builds the design an importer reads: nodes with their kind's defaults under valid,
// unique names, connections between them, positions from auto layout.
class ImportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ImportBuilder)

public:
    explicit ImportBuilder(const Catalog &catalog);

    // A node named as close to wantedName as node names allow; returns its name.
    QString addNode(const QString &kind, const QString &wantedName, const QJsonObject &properties);
    bool hasNode(const QString &name) const { return mByName.contains(name); }
    Node *node(const QString &name);
    void setProperty(const QString &name, const QString &key, const QJsonValue &value);
    // Adds the connection unless it exists; false when a node is missing. properties (a
    // subscription's filter policy) are set on it, the existing one's too.
    bool connect(const QString &from, const QString &to, const QString &type, const QJsonObject &properties = {});
    bool hasEdge(const QString &from, const QString &to, const QString &type) const;
    // The names of the nodes that from connects to with type, in the order connected.
    QStringList targets(const QString &from, const QString &type) const;

    // Lays the nodes out and moves them into result.
    void finish(ImportResult *result);

private:
    const Catalog &mCatalog;
    std::map<NodeId, Node> mNodes;
    std::map<EdgeId, Edge> mEdges;
    QHash<QString, NodeId> mByName;
};

} // namespace Nimbus
