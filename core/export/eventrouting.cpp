#include "eventrouting.h"

#include "exportmodel.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "provider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
bool byName(const Node *a, const Node *b)
{
    return a->name < b->name;
}

// {"field": value} as compact JSON, to name the part of a pattern a message is about.
QString member(const QString &field, const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{field, value}}).toJson(QJsonDocument::Compact));
}

// The conditions of one field's array of matches; nullopt when one of them has no
// attribute condition (numeric, exists, wildcard, equals-ignore-case, a number ...).
std::optional<QList<AttributeCondition>> conditions(const QString &attribute, const QJsonValue &leaf)
{
    using Match = AttributeCondition::Match;
    if (!leaf.isArray() || leaf.toArray().isEmpty())
        return std::nullopt;
    auto affix = [](const QJsonObject &op) -> std::optional<std::pair<Match, QString>> {
        if (op.size() != 1 || !op.begin().value().isString())
            return std::nullopt;
        if (op.begin().key() == "prefix"_L1)
            return std::pair{Match::Prefix, op.begin().value().toString()};
        if (op.begin().key() == "suffix"_L1)
            return std::pair{Match::Suffix, op.begin().value().toString()};
        return std::nullopt;
    };
    QList<AttributeCondition> result;
    QStringList exact;
    for (const QJsonValue &element : leaf.toArray()) {
        if (element.isString()) {
            exact.append(element.toString());
            continue;
        }
        const QJsonObject op = element.toObject();
        if (const auto a = affix(op)) {
            result.append({attribute, a->first, {a->second}, false});
            continue;
        }
        if (op.size() != 1 || op.begin().key() != "anything-but"_L1)
            return std::nullopt;
        const QJsonValue but = op.begin().value();
        if (but.isString()) {
            result.append({attribute, Match::Exact, {but.toString()}, true});
        } else if (but.isArray()) {
            QStringList values;
            for (const QJsonValue &v : but.toArray()) {
                if (!v.isString())
                    return std::nullopt;
                values.append(v.toString());
            }
            result.append({attribute, Match::Exact, values, true});
        } else if (const auto a = affix(but.toObject()); a && but.isObject()) {
            result.append({attribute, a->first, {a->second}, true});
        } else {
            return std::nullopt;
        }
    }
    if (!exact.isEmpty())
        result.prepend({attribute, Match::Exact, exact, false});
    return result;
}
} // namespace

QStringList AttributeFilter::exactValues(const QString &attribute) const
{
    for (const QList<AttributeCondition> &field : fields) {
        if (field.isEmpty() || field.first().attribute != attribute)
            continue;
        const AttributeCondition &c = field.first();
        if (field.size() == 1 && c.match == AttributeCondition::Match::Exact && !c.negated)
            return c.values;
        return {};
    }
    return {};
}

EventRouting::EventRouting(const ExportModel &model, const Catalog &catalog) : mModel(model), mCatalog(catalog) { }

QList<const Node *> EventRouting::outgoing(const Node *node, const QString &edgeType) const
{
    const Architecture &a = mModel.architecture();
    QList<const Node *> result;
    for (EdgeId id : a.outgoingEdges(node->id))
        if (const Edge *edge = a.edge(id); edge->type == edgeType)
            result.append(a.node(edge->to));
    std::sort(result.begin(), result.end(), byName);
    return result;
}

QList<const Node *> EventRouting::incoming(const Node *node, const QString &edgeType) const
{
    const Architecture &a = mModel.architecture();
    QList<const Node *> result;
    for (EdgeId id : a.incomingEdges(node->id))
        if (const Edge *edge = a.edge(id); edge->type == edgeType)
            result.append(a.node(edge->from));
    std::sort(result.begin(), result.end(), byName);
    return result;
}

const Node *EventRouting::deadLetterQueue(const Node *rule) const
{
    const QString name = mModel.string(rule, "deadLetterQueue");
    const Node *queue = name.isEmpty() ? nullptr : mModel.architecture().nodeByName(name);
    return queue && queue->kind == Kinds::Queue ? queue : nullptr;
}

QList<const Node *> EventRouting::destinations(const Node *function, const QString &type) const
{
    return outgoing(function, type);
}

bool EventRouting::isSet(const Node *node, const QString &property) const
{
    const NodeKind *kind = mCatalog.kind(node->kind);
    const QJsonValue value = node->properties.value(property);
    if (!kind || !kind->property(property) || value.isUndefined())
        return false;
    const QJsonValue fallback = kind->defaultProperties(node->name).value(property);
    if (value.isString() && value.toString().trimmed().isEmpty() && fallback.toString().isEmpty())
        return false;
    return value != fallback;
}

QString EventRouting::shown(const Node *node, const QString &property) const
{
    const QJsonValue value = node->properties.value(property);
    if (value.isBool())
        return value.toBool() ? tr("on") : tr("off");
    if (value.isDouble())
        return QString::number(value.toDouble());
    QString text = value.toString().simplified();
    if (text.size() > 60)
        text = text.left(57) + "..."_L1;
    return text;
}

void EventRouting::reportUnsupported(ExportOutput &output, const QString &platform, const Node *node,
                                     const QStringList &properties) const
{
    const NodeKind *kind = mCatalog.kind(node->kind);
    for (const QString &property : properties) {
        if (!isSet(node, property))
            continue;
        output.add(Diagnostic::Severity::Warning, u"export-unsupported-setting"_s,
                   tr("%1: %2 (%3) has no place in %4; it is not exported")
                       .arg(node->name, Catalog::text(kind->property(property)->label).toLower(), shown(node, property),
                            platform),
                   node->id, property);
    }
}

void EventRouting::reportAsyncSettings(ExportOutput &output, const QString &platform) const
{
    for (const ExportFunction &f : mModel.functions()) {
        reportUnsupported(output, platform, f.node, {u"maximumRetryAttempts"_s, u"maximumEventAge"_s});
        const Architecture &a = mModel.architecture();
        for (EdgeId id : a.outgoingEdges(f.node->id)) {
            const Edge *edge = a.edge(id);
            if (edge->type != "on-success"_L1 && edge->type != "on-failure"_L1)
                continue;
            const Node *destination = a.node(edge->to);
            output.add(Diagnostic::Severity::Warning, u"export-destination"_s,
                       (edge->type == "on-success"_L1
                            ? tr("%1: %2 has no asynchronous destinations; the on-success destination %3 is not "
                                 "exported")
                            : tr("%1: %2 has no asynchronous destinations; the on-failure destination %3 is not "
                                 "exported"))
                           .arg(f.node->name, platform, destination->name),
                       f.node->id);
            output.diagnostics.last().nodes.append(destination->id);
            output.diagnostics.last().edge = id;
        }
    }
}

QStringList EventRouting::triggerSettings(const QString &kind)
{
    if (kind == Kinds::Queue)
        return {u"fifo"_s,           u"contentBasedDeduplication"_s, u"batchSize"_s,     u"batchingWindow"_s,
                u"maxConcurrency"_s, u"reportBatchItemFailures"_s,   u"filterCriteria"_s};
    if (kind == Kinds::Table)
        return {u"filterCriteria"_s,       u"reportBatchItemFailures"_s, u"batchSize"_s,
                u"batchingWindow"_s,       u"startingPosition"_s,        u"bisectOnError"_s,
                u"maximumRetryAttempts"_s, u"maximumRecordAge"_s};
    if (kind == Kinds::Bucket)
        return {u"filterCriteria"_s};
    if (kind == Kinds::Topic)
        return {u"fifo"_s, u"contentBasedDeduplication"_s};
    return {};
}

void EventRouting::reportTriggerSettings(ExportOutput &output, const QString &platform) const
{
    for (const QLatin1String kind : {Kinds::Queue, Kinds::Topic, Kinds::Table, Kinds::Bucket})
        for (const Node *node : mModel.nodesOfKind(kind))
            reportUnsupported(output, platform, node, triggerSettings(kind));
}

AttributeFilter EventRouting::attributeFilter(const QString &pattern)
{
    AttributeFilter filter;
    const QJsonDocument document = QJsonDocument::fromJson(pattern.toUtf8());
    if (!document.isObject()) {
        filter.valid = false;
        return filter;
    }
    const QJsonObject root = document.object();
    for (const auto &[field, attribute] :
         {std::pair{"source"_L1, "source"_L1}, std::pair{"detail-type"_L1, "type"_L1}}) {
        if (!root.contains(field))
            continue;
        if (const auto c = conditions(attribute, root.value(field)))
            filter.fields.append(*c);
        else
            filter.unsupported.append(member(field, root.value(field)));
    }
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != "source"_L1 && it.key() != "detail-type"_L1)
            filter.unsupported.append(member(it.key(), it.value()));
    return filter;
}

std::optional<QStringList> EventRouting::filterPatterns(const QString &criteria)
{
    if (criteria.trimmed().isEmpty())
        return QStringList();
    const QJsonDocument document = QJsonDocument::fromJson(criteria.toUtf8());
    auto compact = [](const QJsonObject &pattern) {
        return QString::fromUtf8(QJsonDocument(pattern).toJson(QJsonDocument::Compact));
    };
    if (document.isObject() && !document.object().contains("Filters"_L1))
        return QStringList{compact(document.object())};
    if (!document.isArray() && !document.isObject())
        return std::nullopt;
    const QJsonArray list = document.isArray() ? document.array() : document.object().value("Filters"_L1).toArray();
    QStringList patterns;
    for (QJsonValue value : list) {
        // Lambda's Filters hold each pattern as a string; a plain array may too.
        if (value.isObject() && value.toObject().contains("Pattern"_L1))
            value = value.toObject().value("Pattern"_L1);
        if (value.isString())
            value = QJsonDocument::fromJson(value.toString().toUtf8()).object();
        if (!value.isObject() || value.toObject().isEmpty())
            return std::nullopt;
        patterns.append(compact(value.toObject()));
    }
    return patterns;
}

} // namespace Nimbus
