#include "importbuilder.h"

#include "model/autolayout.h"
#include "model/catalog.h"
#include "model/validator.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Nimbus {

void ImportResult::note(Diagnostic::Severity severity, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.code = u"import"_s;
    d.message = message;
    diagnostics.append(d);
}

ImportBuilder::ImportBuilder(const Catalog &catalog) : mCatalog(catalog) { }

QString ImportBuilder::addNode(const QString &kind, const QString &wantedName, const QJsonObject &properties)
{
    QString base = wantedName;
    base.replace(QRegularExpression(u"[^A-Za-z0-9_-]"_s), u"-"_s);
    if (base.isEmpty() || !base.at(0).isLetter())
        base.prepend(kind.left(1).toUpper() + kind.mid(1).remove('-'_L1));
    base = base.left(60);
    QString name = base;
    for (int i = 2; mByName.contains(name) || !Validator::isValidName(name); ++i)
        name = base + QString::number(i);

    Node node;
    node.id = NodeId(mNodes.size() + 1);
    node.kind = kind;
    node.name = name;
    if (const NodeKind *k = mCatalog.kind(kind))
        node.properties = k->defaultProperties(name);
    for (auto it = properties.begin(); it != properties.end(); ++it)
        node.properties.insert(it.key(), it.value());
    mByName.insert(name, node.id);
    mNodes.emplace(node.id, node);
    return name;
}

Node *ImportBuilder::node(const QString &name)
{
    const auto it = mByName.find(name);
    return it == mByName.end() ? nullptr : &mNodes.at(*it);
}

void ImportBuilder::setProperty(const QString &name, const QString &key, const QJsonValue &value)
{
    if (Node *n = node(name))
        n->properties.insert(key, value);
}

bool ImportBuilder::connect(const QString &from, const QString &to, const QString &type, const QJsonObject &properties)
{
    const Node *a = node(from);
    const Node *b = node(to);
    if (!a || !b)
        return false;
    for (auto &[id, edge] : mEdges) {
        if (edge.from == a->id && edge.to == b->id && edge.type == type) {
            for (auto it = properties.begin(); it != properties.end(); ++it)
                edge.properties.insert(it.key(), it.value());
            return true;
        }
    }
    Edge edge;
    edge.id = EdgeId(mEdges.size() + 1);
    edge.from = a->id;
    edge.to = b->id;
    edge.type = type;
    edge.properties = properties;
    mEdges.emplace(edge.id, edge);
    return true;
}

bool ImportBuilder::hasEdge(const QString &from, const QString &to, const QString &type) const
{
    const NodeId a = mByName.value(from);
    const NodeId b = mByName.value(to);
    for (const auto &[id, edge] : mEdges)
        if (edge.from == a && edge.to == b && edge.type == type)
            return true;
    return false;
}

QStringList ImportBuilder::targets(const QString &from, const QString &type) const
{
    QStringList names;
    const NodeId a = mByName.value(from);
    for (const auto &[id, edge] : mEdges)
        if (edge.from == a && edge.type == type)
            names.append(mNodes.at(edge.to).name);
    return names;
}

void ImportBuilder::finish(ImportResult *result)
{
    Architecture layout;
    layout.reset(mNodes, mEdges);
    const QHash<NodeId, QPointF> positions = AutoLayout::compute(layout);
    for (auto &[id, node] : mNodes)
        node.position = positions.value(id);
    result->nodes = std::move(mNodes);
    result->edges = std::move(mEdges);
    mNodes.clear();
    mEdges.clear();
    mByName.clear();
}

} // namespace Nimbus
