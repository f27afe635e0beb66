#include "jsoninterchange.h"

#include "model/architecture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Nimbus {

QByteArray JsonInterchange::write(const Architecture &architecture, const QJsonObject &origins, const QString &iamMode)
{
    QList<NodeId> all;
    for (const auto &[id, node] : architecture.nodes())
        all.append(id);
    if (origins.isEmpty() && iamMode.isEmpty())
        return write(architecture, all);
    QJsonObject root = QJsonDocument::fromJson(write(architecture, all)).object();
    if (!origins.isEmpty())
        root.insert("origins"_L1, origins);
    if (!iamMode.isEmpty())
        root.insert("iamMode"_L1, iamMode);
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
        o.insert("name"_L1, node.name);
        o.insert("kind"_L1, node.kind);
        o.insert("position"_L1, QJsonArray{node.position.x(), node.position.y()});
        o.insert("properties"_L1, node.properties);
        nodes.append(o);
    }
    QJsonArray edges;
    bool edgeProperties = false;
    for (const auto &[id, edge] : architecture.edges()) {
        if (!wanted.contains(edge.from) || !wanted.contains(edge.to))
            continue;
        QJsonObject o;
        o.insert("from"_L1, architecture.node(edge.from)->name);
        o.insert("to"_L1, architecture.node(edge.to)->name);
        o.insert("type"_L1, edge.type);
        if (!edge.properties.isEmpty()) {
            o.insert("properties"_L1, edge.properties);
            edgeProperties = true;
        }
        edges.append(o);
    }
    QJsonObject root;
    root.insert("format"_L1, "nimbus-project"_L1);
    // A file without connection properties stays readable by versions before them; one with
    // them is refused there rather than opened without its filter policies.
    root.insert("version"_L1, edgeProperties ? kFormatVersion : 1);
    root.insert("nodes"_L1, nodes);
    root.insert("edges"_L1, edges);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Error JsonInterchange::fail(const QString &where, const QString &message)
{
    mNodes.clear();
    mEdges.clear();
    return Error{where.isEmpty() ? u"%1: %2"_s.arg(mFileName, message)
                                 : u"%1: %2: %3"_s.arg(mFileName, where, message)};
}

Result<void> JsonInterchange::read(const QByteArray &json, const QString &fileName)
{
    mFileName = fileName;
    mNodes.clear();
    mEdges.clear();
    mOrigins = {};
    mIamMode.clear();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = json.left(parseError.offset).count('\n') + 1;
        return fail(tr("line %1").arg(line), parseError.errorString());
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value("format"_L1).toString() != "nimbus-project"_L1)
        return fail({}, tr("not a Nimbus project (expected \"format\": \"nimbus-project\")"));
    const int version = root.value("version"_L1).toInt(-1);
    if (version < 1)
        return fail({}, tr("'version' must be a positive whole number"));
    if (version > kFormatVersion)
        return fail({}, tr("written by a newer version of Nimbus Studio (format %1; this version reads up to %2)")
                            .arg(version)
                            .arg(kFormatVersion));

    QHash<QString, NodeId> byName;
    const QJsonArray nodes = root.value("nodes"_L1).toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        const QString where = u"nodes[%1]"_s.arg(i);
        if (!nodes.at(i).isObject())
            return fail(where, tr("expected an object"));
        const QJsonObject o = nodes.at(i).toObject();
        Node node;
        node.id = NodeId(i + 1);
        node.name = o.value("name"_L1).toString();
        node.kind = o.value("kind"_L1).toString();
        if (node.name.isEmpty())
            return fail(where, tr("'name' must be a non-empty string"));
        if (node.kind.isEmpty())
            return fail(where + u" (%1)"_s.arg(node.name), tr("'kind' must be a non-empty string"));
        if (byName.contains(node.name))
            return fail(where, tr("a node named '%1' already exists").arg(node.name));
        const QJsonValue position = o.value("position"_L1);
        if (!position.isUndefined()) {
            const QJsonArray xy = position.toArray();
            if (xy.size() != 2 || !xy.at(0).isDouble() || !xy.at(1).isDouble())
                return fail(where + u" (%1)"_s.arg(node.name), tr("'position' must be [x, y]"));
            node.position = QPointF(xy.at(0).toDouble(), xy.at(1).toDouble());
        }
        const QJsonValue properties = o.value("properties"_L1);
        if (!properties.isUndefined() && !properties.isObject())
            return fail(where + u" (%1)"_s.arg(node.name), tr("'properties' must be an object"));
        node.properties = properties.toObject();
        byName.insert(node.name, node.id);
        mNodes.emplace(node.id, node);
    }

    const QJsonArray edges = root.value("edges"_L1).toArray();
    for (int i = 0; i < edges.size(); ++i) {
        const QJsonObject o = edges.at(i).toObject();
        const QString where = u"edges[%1]"_s.arg(i);
        Edge edge;
        edge.id = EdgeId(i + 1);
        edge.type = o.value("type"_L1).toString();
        const QString from = o.value("from"_L1).toString();
        const QString to = o.value("to"_L1).toString();
        if (edge.type.isEmpty())
            return fail(where, tr("'type' must be a non-empty string"));
        if (!byName.contains(from))
            return fail(where, tr("'from' names no node: '%1'").arg(from));
        if (!byName.contains(to))
            return fail(where, tr("'to' names no node: '%1'").arg(to));
        edge.from = byName.value(from);
        edge.to = byName.value(to);
        const QJsonValue properties = o.value("properties"_L1);
        if (!properties.isUndefined() && !properties.isObject())
            return fail(where, tr("'properties' must be an object"));
        edge.properties = properties.toObject();
        mEdges.emplace(edge.id, edge);
    }
    mOrigins = root.value("origins"_L1).toObject();
    // Kept as written (a newer version's mode too); a name is short.
    mIamMode = root.value("iamMode"_L1).toString().left(32);
    return {};
}

} // namespace Nimbus
