#include "jsoninterchange.h"

#include "model/architecture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

namespace Nimbus {

QByteArray JsonInterchange::write(const Architecture &architecture, const QJsonObject &origins)
{
    QList<NodeId> all;
    for (const auto &[id, node] : architecture.nodes())
        all.append(id);
    if (origins.isEmpty())
        return write(architecture, all);
    QJsonObject root = QJsonDocument::fromJson(write(architecture, all)).object();
    root.insert(QLatin1String("origins"), origins);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray JsonInterchange::write(const Architecture &architecture, const QList<NodeId> &only)
{
    const QSet<NodeId> wanted(only.cbegin(), only.cend());
    QJsonArray nodes;
    for (const auto &[id, node] : architecture.nodes()) {
        if (!wanted.contains(id))
            continue;
        QJsonObject o;
        o.insert(QLatin1String("name"), node.name);
        o.insert(QLatin1String("kind"), node.kind);
        o.insert(QLatin1String("position"), QJsonArray{node.position.x(), node.position.y()});
        o.insert(QLatin1String("properties"), node.properties);
        nodes.append(o);
    }
    QJsonArray edges;
    for (const auto &[id, edge] : architecture.edges()) {
        if (!wanted.contains(edge.from) || !wanted.contains(edge.to))
            continue;
        QJsonObject o;
        o.insert(QLatin1String("from"), architecture.node(edge.from)->name);
        o.insert(QLatin1String("to"), architecture.node(edge.to)->name);
        o.insert(QLatin1String("type"), edge.type);
        edges.append(o);
    }
    QJsonObject root;
    root.insert(QLatin1String("format"), QLatin1String("nimbus-project"));
    root.insert(QLatin1String("version"), kFormatVersion);
    root.insert(QLatin1String("nodes"), nodes);
    root.insert(QLatin1String("edges"), edges);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Error JsonInterchange::fail(const QString &where, const QString &message)
{
    mNodes.clear();
    mEdges.clear();
    return Error{where.isEmpty() ? QStringLiteral("%1: %2").arg(mFileName, message)
                                 : QStringLiteral("%1: %2: %3").arg(mFileName, where, message)};
}

Result<void> JsonInterchange::read(const QByteArray &json, const QString &fileName)
{
    mFileName = fileName;
    mNodes.clear();
    mEdges.clear();
    mOrigins = {};

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = json.left(parseError.offset).count('\n') + 1;
        return fail(tr("line %1").arg(line), parseError.errorString());
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QLatin1String("format")).toString() != QLatin1String("nimbus-project"))
        return fail({}, tr("not a Nimbus project (expected \"format\": \"nimbus-project\")"));
    const int version = root.value(QLatin1String("version")).toInt(-1);
    if (version < 1)
        return fail({}, tr("'version' must be a positive whole number"));
    if (version > kFormatVersion)
        return fail({}, tr("written by a newer version of Nimbus Studio (format %1; this version reads up to %2)")
                            .arg(version)
                            .arg(kFormatVersion));

    QHash<QString, NodeId> byName;
    const QJsonArray nodes = root.value(QLatin1String("nodes")).toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        const QJsonObject o = nodes.at(i).toObject();
        const QString where = QStringLiteral("nodes[%1]").arg(i);
        Node node;
        node.id = NodeId(i + 1);
        node.name = o.value(QLatin1String("name")).toString();
        node.kind = o.value(QLatin1String("kind")).toString();
        if (!nodes.at(i).isObject())
            return fail(where, tr("expected an object"));
        if (node.name.isEmpty())
            return fail(where, tr("'name' must be a non-empty string"));
        if (node.kind.isEmpty())
            return fail(where + QStringLiteral(" (%1)").arg(node.name), tr("'kind' must be a non-empty string"));
        if (byName.contains(node.name))
            return fail(where, tr("a node named '%1' already exists").arg(node.name));
        const QJsonValue position = o.value(QLatin1String("position"));
        if (!position.isUndefined()) {
            const QJsonArray xy = position.toArray();
            if (xy.size() != 2 || !xy.at(0).isDouble() || !xy.at(1).isDouble())
                return fail(where + QStringLiteral(" (%1)").arg(node.name), tr("'position' must be [x, y]"));
            node.position = QPointF(xy.at(0).toDouble(), xy.at(1).toDouble());
        }
        const QJsonValue properties = o.value(QLatin1String("properties"));
        if (!properties.isUndefined() && !properties.isObject())
            return fail(where + QStringLiteral(" (%1)").arg(node.name), tr("'properties' must be an object"));
        node.properties = properties.toObject();
        byName.insert(node.name, node.id);
        mNodes.emplace(node.id, node);
    }

    const QJsonArray edges = root.value(QLatin1String("edges")).toArray();
    for (int i = 0; i < edges.size(); ++i) {
        const QJsonObject o = edges.at(i).toObject();
        const QString where = QStringLiteral("edges[%1]").arg(i);
        Edge edge;
        edge.id = EdgeId(i + 1);
        edge.type = o.value(QLatin1String("type")).toString();
        const QString from = o.value(QLatin1String("from")).toString();
        const QString to = o.value(QLatin1String("to")).toString();
        if (edge.type.isEmpty())
            return fail(where, tr("'type' must be a non-empty string"));
        if (!byName.contains(from))
            return fail(where, tr("'from' names no node: '%1'").arg(from));
        if (!byName.contains(to))
            return fail(where, tr("'to' names no node: '%1'").arg(to));
        edge.from = byName.value(from);
        edge.to = byName.value(to);
        mEdges.emplace(edge.id, edge);
    }
    mOrigins = root.value(QLatin1String("origins")).toObject();
    return {};
}

} // namespace Nimbus
