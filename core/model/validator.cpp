#include "validator.h"

#include "callbackurls.h"
#include "containerrules.h"

#include "architecture.h"
#include "catalog.h"
#include "cloud/eventbus.h"
#include "cloud/eventpattern.h"
#include "cloud/filtercriteria.h"
#include "cloud/tablestore.h"
#include "filterpolicy.h"
#include "handlerreference.h"
#include "kinds.h"
#include "layerstack.h"
#include "paths.h"
#include "scheduleexpression.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Names Lambda keeps for itself; a function cannot set them.
const QSet<QString> kReservedEnvironment = {
    u"_HANDLER"_s,
    u"_X_AMZN_TRACE_ID"_s,
    u"AWS_DEFAULT_REGION"_s,
    u"AWS_REGION"_s,
    u"AWS_EXECUTION_ENV"_s,
    u"AWS_LAMBDA_FUNCTION_NAME"_s,
    u"AWS_LAMBDA_FUNCTION_MEMORY_SIZE"_s,
    u"AWS_LAMBDA_FUNCTION_VERSION"_s,
    u"AWS_LAMBDA_INITIALIZATION_TYPE"_s,
    u"AWS_LAMBDA_LOG_GROUP_NAME"_s,
    u"AWS_LAMBDA_LOG_STREAM_NAME"_s,
    u"AWS_ACCESS_KEY"_s,
    u"AWS_ACCESS_KEY_ID"_s,
    u"AWS_SECRET_ACCESS_KEY"_s,
    u"AWS_SESSION_TOKEN"_s,
    u"AWS_LAMBDA_RUNTIME_API"_s,
    u"LAMBDA_TASK_ROOT"_s,
    u"LAMBDA_RUNTIME_DIR"_s,
};

QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

QString Diagnostic::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QCoreApplication::translate("Nimbus::Diagnostic", "error");
    case Severity::Warning: return QCoreApplication::translate("Nimbus::Diagnostic", "warning");
    case Severity::Info: return QCoreApplication::translate("Nimbus::Diagnostic", "info");
    }
    return {};
}

Validator::Validator(const Catalog &catalog, const Architecture &architecture)
    : mCatalog(catalog), mArchitecture(architecture)
{ }

Result<void> Validator::checkValue(const PropertySpec &spec, const QJsonValue &value, const QJsonObject &siblings)
{
    if (Result<void> checked = checkValue(spec, value); !checked)
        return checked;
    if (spec.format == "sns-filter-policy"_L1) {
        // A scope that is neither is the scope's own problem, reported at it.
        QString scope = siblings.value("filterPolicyScope"_L1).toString(u"MessageAttributes"_s);
        if (scope != "MessageBody"_L1)
            scope = u"MessageAttributes"_s;
        if (const QString problem = FilterPolicy::problem(value.toString(), scope); !problem.isEmpty())
            return fail(tr("not a filter policy SNS takes (%1)").arg(problem));
    }
    return {};
}

bool Validator::isValidName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z][A-Za-z0-9_-]{0,63}$"_s);
    return re.match(name).hasMatch();
}

Result<void> Validator::checkValue(const PropertySpec &spec, const QJsonValue &value)
{
    if (value.isNull()) {
        if (spec.nullable)
            return {};
        return fail(tr("a value is required"));
    }
    switch (spec.type) {
    case PropertyType::String:
        if (!value.isString())
            return fail(tr("expected text"));
        if (!spec.pattern.isEmpty()) {
            if (!spec.patternExpression.match(value.toString()).hasMatch())
                return fail(tr("'%1' is not %2")
                                .arg(value.toString(),
                                     spec.patternHelp.isEmpty() ? tr("in the expected form") : spec.patternHelp));
        }
        return {};
    case PropertyType::Schedule: {
        if (!value.isString())
            return fail(tr("expected a cron() or rate() expression"));
        const Result<ScheduleExpression> expr = ScheduleExpression::parse(value.toString());
        if (!expr)
            return expr.error();
        return {};
    }
    case PropertyType::Enum:
        if (!value.isString() || !spec.values.contains(value.toString()))
            return fail(tr("'%1' is not one of %2")
                            .arg(value.isString() ? value.toString() : value.toVariant().toString(),
                                 spec.values.join(", "_L1)));
        return {};
    case PropertyType::Boolean:
        if (!value.isBool())
            return fail(tr("expected true or false"));
        return {};
    case PropertyType::Integer:
    case PropertyType::Number: {
        if (!value.isDouble())
            return fail(spec.type == PropertyType::Integer ? tr("expected a whole number") : tr("expected a number"));
        const double v = value.toDouble();
        if (spec.type == PropertyType::Integer && v != double(qint64(v)))
            return fail(tr("%1 is not a whole number").arg(formatNumber(v)));
        if ((spec.minimum && v < *spec.minimum) || (spec.maximum && v > *spec.maximum)) {
            const QString unit = spec.unit.isEmpty() ? QString() : ' '_L1 + spec.unit;
            if (spec.minimum && spec.maximum)
                return fail(tr("%1%2 is outside %3 to %4%2")
                                .arg(formatNumber(v), unit, formatNumber(*spec.minimum), formatNumber(*spec.maximum)));
            if (spec.minimum)
                return fail(
                    tr("%1%2 is below the minimum of %3%2").arg(formatNumber(v), unit, formatNumber(*spec.minimum)));
            return fail(
                tr("%1%2 is above the maximum of %3%2").arg(formatNumber(v), unit, formatNumber(*spec.maximum)));
        }
        return {};
    }
    case PropertyType::Environment: {
        if (!value.isArray())
            return fail(tr("expected a list of variables"));
        static const QRegularExpression nameRe(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        QSet<QString> seen;
        const QJsonArray vars = value.toArray();
        for (int i = 0; i < vars.size(); ++i) {
            const QJsonObject var = vars.at(i).toObject();
            const QString name = var.value("name"_L1).toString();
            if (!vars.at(i).isObject() || !var.value("value"_L1).isString()
                || !(var.value("secret"_L1).isBool() || var.value("secret"_L1).isUndefined())) {
                return fail(tr("variable %1 must have a name, a text value and an optional secret flag").arg(i + 1));
            }
            if (!nameRe.match(name).hasMatch())
                return fail(tr("'%1' is not a valid variable name").arg(name));
            if (kReservedEnvironment.contains(name))
                return fail(tr("'%1' is reserved by the runtime").arg(name));
            if (seen.contains(name))
                return fail(tr("'%1' is set twice").arg(name));
            seen.insert(name);
        }
        return {};
    }
    }
    return fail(tr("unknown property type"));
}

QString Validator::projectPath(const PropertySpec &spec, const QJsonValue &value)
{
    if (spec.path == PropertySpec::PathRole::None || !value.isString())
        return {};
    const QString path = value.toString();
    return path.contains("://"_L1) ? QString() : path;
}

QList<Diagnostic> Validator::pathProblems(const Catalog &catalog, const Node &node, const QString &directory)
{
    QList<Diagnostic> out;
    auto add = [&](const QString &message, const QString &property) {
        out.append({Diagnostic::Severity::Error, u"unsafe-path"_s, message, {node.id}, kInvalidEdgeId, property});
    };
    const NodeKind *kind = catalog.kind(node.kind);
    const QString what = kind ? u"%1 '%2'"_s.arg(Catalog::text(kind->name).toLower(), node.name)
                              : u"'%1'"_s.arg(node.name);
    if (node.name.contains('/'_L1) || node.name.contains('\\'_L1) || !Paths::isConfined(node.name))
        add(tr("%1: the name cannot be used as a file name (exports name files and folders after nodes); "
               "use letters, digits, '-' or '_'")
                .arg(what),
            {});
    if (!kind)
        return out;
    const QJsonObject defaults = kind->defaultProperties(node.name);
    auto value = [&](const QString &key) {
        return node.properties.contains(key) ? node.properties.value(key) : defaults.value(key);
    };
    for (const PropertySpec &spec : kind->properties) {
        const QString path = projectPath(spec, value(spec.id));
        if (path.isEmpty())
            continue;
        QString problem = Paths::confinementProblem(path);
        if (problem.isEmpty() && !directory.isEmpty())
            problem = Paths::resolveUnder(directory, path).errorMessage();
        if (!problem.isEmpty())
            add(tr("%1: %2 '%3' is refused: %4").arg(what, Catalog::text(spec.label).toLower(), path, problem),
                spec.id);
    }
    if (!kind->code.isValid())
        return out;
    const QJsonValue source = value(kind->code.sourceProperty);
    if (source.isString()) {
        QString problem = Paths::confinementProblem(source.toString());
        if (problem.isEmpty())
            problem = Paths::searchPathProblem(source.toString());
        if (problem.isEmpty() && !directory.isEmpty())
            problem = Paths::resolveUnder(directory, source.toString()).errorMessage();
        if (!problem.isEmpty())
            add(tr("%1: the source folder '%2' is refused: %3").arg(what, source.toString(), problem),
                kind->code.sourceProperty);
    }
    const QJsonValue handler = value(kind->code.handlerProperty);
    const HandlerReference ref = HandlerReference::resolve(value(kind->code.runtimeProperty).toString(),
                                                           handler.toString());
    for (const QString &candidate : ref.candidates) {
        const QString problem = Paths::confinementProblem(candidate);
        if (!problem.isEmpty()) {
            add(tr("%1: the handler '%2' is refused: its file %3: %4")
                    .arg(what, handler.toString(), candidate, problem),
                kind->code.handlerProperty);
            break;
        }
    }
    return out;
}

QList<Diagnostic> Validator::pathProblems(const Catalog &catalog, const Architecture &architecture,
                                          const QString &directory)
{
    QList<Diagnostic> out;
    for (const auto &[id, node] : architecture.nodes())
        out += pathProblems(catalog, node, directory);
    return out;
}

QString Validator::describe(NodeId id) const
{
    const Node *n = mArchitecture.node(id);
    if (!n)
        return tr("node #%1").arg(id);
    const NodeKind *kind = mCatalog.kind(n->kind);
    return u"%1 '%2'"_s.arg(kind ? Catalog::text(kind->name).toLower() : n->kind, n->name);
}

QList<Diagnostic> Validator::validate() const
{
    QList<Diagnostic> out;
    for (const auto &[id, node] : mArchitecture.nodes())
        checkNode(node, out);
    checkEdges(out);
    checkUniqueness(out);
    checkInvokers(out);
    checkEventLoops(out);
    // Layers' folders, runtimes and number; a folder the path checks refused already is not
    // refused twice.
    for (const Diagnostic &d : LayerStack::problems(mCatalog, mArchitecture, mProjectDir)) {
        const bool reported = std::any_of(out.cbegin(), out.cend(), [&d](const Diagnostic &other) {
            return other.code == d.code && other.nodes == d.nodes && other.property == d.property;
        });
        if (!reported)
            out.append(d);
    }
    out.append(ContainerRules::problems(mArchitecture, mProjectDir));
    return out;
}

void Validator::checkNode(const Node &node, QList<Diagnostic> &out) const
{
    const NodeKind *kind = mCatalog.kind(node.kind);
    if (!kind) {
        out.append({Diagnostic::Severity::Error,
                    u"unknown-kind"_s,
                    tr("'%1' is of unknown kind '%2'").arg(node.name, node.kind),
                    {node.id},
                    kInvalidEdgeId,
                    {}});
        return;
    }
    if (!isValidName(node.name))
        out.append({Diagnostic::Severity::Error,
                    u"invalid-name"_s,
                    tr("%1: a name starts with a letter and has at most 64 letters, digits, '-' or '_'")
                        .arg(describe(node.id)),
                    {node.id},
                    kInvalidEdgeId,
                    {}});

    bool propertiesValid = true;
    for (const PropertySpec &spec : kind->properties) {
        if (!node.properties.contains(spec.id))
            continue; // a missing value means the default
        if (const Result<void> checked = checkValue(spec, node.properties.value(spec.id), node.properties); !checked) {
            propertiesValid = false;
            out.append({Diagnostic::Severity::Error,
                        u"invalid-property"_s,
                        tr("%1: %2: %3").arg(describe(node.id), Catalog::text(spec.label), checked.errorMessage()),
                        {node.id},
                        kInvalidEdgeId,
                        spec.id});
        }
    }
    for (auto it = node.properties.begin(); it != node.properties.end(); ++it) {
        if (!kind->property(it.key()))
            out.append({Diagnostic::Severity::Warning,
                        u"unknown-property"_s,
                        tr("%1: unknown property '%2' is kept but not used").arg(describe(node.id), it.key()),
                        {node.id},
                        kInvalidEdgeId,
                        it.key()});
    }
    if (node.kind == Kinds::UserPool)
        if (const Result<QStringList> urls = userPoolCallbackUrls(node); !urls)
            out.append({Diagnostic::Severity::Error,
                        u"invalid-callback-url"_s,
                        tr("%1: %2").arg(describe(node.id), urls.errorMessage()),
                        {node.id},
                        kInvalidEdgeId,
                        u"callbackUrls"_s});
    // Lambda takes at most 10 messages a batch from a FIFO queue (and the local cloud too).
    if (node.properties.value("fifo"_L1).toBool() && node.properties.value("batchSize"_L1).toInt() > 10)
        out.append({Diagnostic::Severity::Error,
                    u"fifo-batch-size"_s,
                    tr("%1: a FIFO queue delivers at most 10 messages a batch").arg(describe(node.id)),
                    {node.id},
                    kInvalidEdgeId,
                    u"batchSize"_s});
    // A trigger's filter criteria, in the matcher's (EventBridge's) words.
    if (const QJsonValue criteria = node.properties.value("filterCriteria"_L1); criteria.isString()) {
        if (const Result<FilterCriteria> parsed = FilterCriteria::parse(criteria.toString()); !parsed)
            out.append({Diagnostic::Severity::Error,
                        u"invalid-filter"_s,
                        tr("%1: %2").arg(describe(node.id), parsed.errorMessage()),
                        {node.id},
                        kInvalidEdgeId,
                        u"filterCriteria"_s});
    }
    // A table's secondary indexes, checked as the local cloud reads them.
    if (const QString indexes = node.properties.value("indexes"_L1).toString();
        node.kind == Kinds::Table && !indexes.trimmed().isEmpty()) {
        TableKeys keys;
        keys.partitionKey = node.properties.value("partitionKey"_L1).toString(u"id"_s);
        keys.partitionType = node.properties.value("partitionKeyType"_L1).toString(u"S"_s);
        keys.sortKey = node.properties.value("sortKey"_L1).toString();
        keys.sortType = node.properties.value("sortKeyType"_L1).toString(u"S"_s);
        if (const Result<QList<TableIndex>> parsed = TableIndex::parse(indexes, keys); !parsed)
            out.append({Diagnostic::Severity::Error,
                        u"invalid-indexes"_s,
                        tr("%1: %2").arg(describe(node.id), parsed.errorMessage()),
                        {node.id},
                        kInvalidEdgeId,
                        u"indexes"_s});
    }
    const QList<Diagnostic> unsafe = pathProblems(mCatalog, node, mProjectDir);
    out += unsafe;
    if (kind->code.isValid() && propertiesValid && unsafe.isEmpty())
        checkCode(node, *kind, out);
    if (node.kind == Kinds::Rule && propertiesValid)
        checkRule(node, out);
    // A bus's archive pattern is an event pattern as a rule's is; empty archives every event.
    if (const QString pattern = node.properties.value("archivePattern"_L1).toString();
        node.kind == Kinds::EventBus && !pattern.trimmed().isEmpty()) {
        if (const Result<EventPattern> parsed = EventPattern::parse(pattern.toUtf8()); !parsed)
            out.append({Diagnostic::Severity::Error,
                        u"invalid-archive-pattern"_s,
                        tr("%1: archive pattern: %2").arg(describe(node.id), parsed.errorMessage()),
                        {node.id},
                        kInvalidEdgeId,
                        u"archivePattern"_s});
    }
}

void Validator::checkRule(const Node &node, QList<Diagnostic> &out) const
{
    auto problem = [&](const QString &message, const QString &property) {
        out.append({Diagnostic::Severity::Error,
                    u"invalid-rule"_s,
                    tr("%1: %2").arg(describe(node.id), message),
                    {node.id},
                    kInvalidEdgeId,
                    property});
    };
    const QJsonObject defaults = mCatalog.kind(node.kind)->defaultProperties(node.name);
    const QString pattern = node.properties.value("pattern"_L1).toString(defaults.value("pattern"_L1).toString());
    if (const Result<EventPattern> parsed = EventPattern::parse(pattern.toUtf8()); !parsed)
        problem(parsed.errorMessage(), u"pattern"_s);
    if (const Result<RuleInput> input = RuleInput::fromRule(node.properties); !input)
        problem(input.errorMessage(), u"inputMode"_s);
    const QString deadLetters = node.properties.value("deadLetterQueue"_L1).toString();
    const Node *queue = deadLetters.isEmpty() ? nullptr : mArchitecture.nodeByName(deadLetters);
    if (!deadLetters.isEmpty() && (!queue || queue->kind != Kinds::Queue))
        problem(tr("the dead-letter queue %1 is not a queue of the design").arg(deadLetters), u"deadLetterQueue"_s);
}

void Validator::checkCode(const Node &node, const NodeKind &kind, QList<Diagnostic> &out) const
{
    if (mProjectDir.isEmpty())
        return;
    const QJsonObject defaults = kind.defaultProperties(node.name);
    auto value = [&](const QString &key) {
        return node.properties.contains(key) ? node.properties.value(key).toString() : defaults.value(key).toString();
    };
    const QString runtime = value(kind.code.runtimeProperty);
    const QString handler = value(kind.code.handlerProperty);
    const QString source = value(kind.code.sourceProperty);
    const HandlerReference ref = HandlerReference::resolve(runtime, handler);
    if (!ref.isValid()) {
        out.append({Diagnostic::Severity::Error,
                    u"invalid-handler"_s,
                    tr("%1: handler '%2' does not name a module and a function for %3")
                        .arg(describe(node.id), handler, runtime),
                    {node.id},
                    kInvalidEdgeId,
                    kind.code.handlerProperty});
        return;
    }
    const QDir sourceDir(QDir(mProjectDir).filePath(source));
    if (!sourceDir.exists()) {
        out.append({Diagnostic::Severity::Error,
                    u"handler-missing"_s,
                    tr("%1: source folder '%2' does not exist").arg(describe(node.id), source),
                    {node.id},
                    kInvalidEdgeId,
                    kind.code.sourceProperty});
        return;
    }
    for (const QString &candidate : ref.candidates)
        if (QFileInfo(sourceDir.filePath(candidate)).isFile())
            return;
    QStringList tried;
    for (const QString &candidate : ref.candidates)
        tried.append(QDir::cleanPath(source + '/'_L1 + candidate));
    out.append({Diagnostic::Severity::Error,
                u"handler-missing"_s,
                tr("%1: handler file not found (looked for %2)").arg(describe(node.id), tried.join(", "_L1)),
                {node.id},
                kInvalidEdgeId,
                kind.code.handlerProperty});
}

void Validator::checkEdges(QList<Diagnostic> &out) const
{
    QSet<QString> seen;
    for (const auto &[id, edge] : mArchitecture.edges()) {
        const Node *from = mArchitecture.node(edge.from);
        const Node *to = mArchitecture.node(edge.to);
        if (!from || !to) {
            out.append({Diagnostic::Severity::Error,
                        u"dangling-edge"_s,
                        tr("connection #%1 refers to a node that does not exist").arg(id),
                        {},
                        id,
                        {}});
            continue;
        }
        const QString refusal = mCatalog.connectionRefusal(from->kind, to->kind, edge.type);
        if (!refusal.isEmpty()) {
            out.append({Diagnostic::Severity::Error,
                        u"edge-forbidden"_s,
                        tr("%1 cannot %2 %3: %4").arg(describe(from->id), edge.type, describe(to->id), refusal),
                        {from->id, to->id},
                        id,
                        {}});
            continue;
        }
        const EdgeRule *rule = mCatalog.rule(from->kind, to->kind, edge.type);
        if (!rule->sourceProperty.isEmpty()) {
            const NodeKind *kind = mCatalog.kind(from->kind);
            const QJsonValue v = from->properties.contains(rule->sourceProperty)
                                     ? from->properties.value(rule->sourceProperty)
                                     : kind->property(rule->sourceProperty)->defaultValue;
            if (v == rule->sourceNotEqual)
                out.append(
                    {Diagnostic::Severity::Warning,
                     u"edge-requirement"_s,
                     tr("%1 %2 %3, but its %4 is %5, so nothing is delivered")
                         .arg(describe(from->id), edge.type, describe(to->id),
                              Catalog::text(kind->property(rule->sourceProperty)->label), v.toVariant().toString()),
                     {from->id, to->id},
                     id,
                     rule->sourceProperty});
        }
        checkEdgeProperties(edge, *from, *to, *rule, out);
        const QString key = u"%1/%2/%3"_s.arg(edge.from).arg(edge.to).arg(edge.type);
        if (seen.contains(key))
            out.append({Diagnostic::Severity::Warning,
                        u"duplicate-edge"_s,
                        tr("%1 %2 %3 twice").arg(describe(from->id), edge.type, describe(to->id)),
                        {from->id, to->id},
                        id,
                        {}});
        seen.insert(key);
    }
}

void Validator::checkEdgeProperties(const Edge &edge, const Node &from, const Node &to, const EdgeRule &rule,
                                    QList<Diagnostic> &out) const
{
    // A FIFO queue subscribes only to a FIFO topic: SNS refuses the subscription
    // otherwise, and the local cloud delivers nothing along it.
    if (!rule.targetImpliesProperty.isEmpty()) {
        auto valueOf = [&](const Node &node) {
            const NodeKind *kind = mCatalog.kind(node.kind);
            const PropertySpec *spec = kind ? kind->property(rule.targetImpliesProperty) : nullptr;
            return node.properties.contains(rule.targetImpliesProperty)
                       ? node.properties.value(rule.targetImpliesProperty)
                       : (spec ? spec->defaultValue : QJsonValue());
        };
        const QJsonValue source = valueOf(from);
        if (valueOf(to) == rule.targetImpliesValue && source != rule.targetImpliesValue) {
            const PropertySpec *spec = mCatalog.kind(to.kind)->property(rule.targetImpliesProperty);
            out.append({Diagnostic::Severity::Error,
                        u"edge-requirement"_s,
                        tr("%1 %2 %3, but %3 has %4 %5 and %1 has %4 %6: %1 must have %4 %5 too, so nothing is "
                           "delivered")
                            .arg(describe(from.id), edge.type, describe(to.id), Catalog::text(spec->label),
                                 rule.targetImpliesValue.toVariant().toString(), source.toVariant().toString()),
                        {from.id, to.id},
                        edge.id,
                        rule.targetImpliesProperty});
        }
    }
    const QJsonObject properties = mCatalog.edgeProperties(from.kind, to.kind, edge.type, edge.properties);
    for (auto it = edge.properties.begin(); it != edge.properties.end(); ++it) {
        if (rule.property(it.key()))
            continue;
        out.append({Diagnostic::Severity::Warning,
                    u"unknown-property"_s,
                    tr("%1 %2 %3: unknown property '%4' (ignored)")
                        .arg(describe(from.id), edge.type, describe(to.id), it.key()),
                    {from.id, to.id},
                    edge.id,
                    it.key()});
    }
    for (const PropertySpec &spec : rule.properties) {
        if (const Result<void> checked = checkValue(spec, properties.value(spec.id), properties); !checked)
            out.append({Diagnostic::Severity::Error,
                        u"invalid-property"_s,
                        tr("%1 %2 %3: %4: %5")
                            .arg(describe(from.id), edge.type, describe(to.id), Catalog::text(spec.label),
                                 checked.errorMessage()),
                        {from.id, to.id},
                        edge.id,
                        spec.id});
    }
}

void Validator::checkUniqueness(QList<Diagnostic> &out) const
{
    QHash<QString, NodeId> byName;
    QHash<QString, NodeId> byKey;
    for (const auto &[id, node] : mArchitecture.nodes()) {
        if (const auto it = byName.constFind(node.name); it != byName.constEnd()) {
            out.append({Diagnostic::Severity::Error,
                        u"duplicate-name"_s,
                        tr("%1 and %2 have the same name").arg(describe(*it), describe(id)),
                        {id, *it},
                        kInvalidEdgeId,
                        {}});
        } else {
            byName.insert(node.name, id);
        }

        const NodeKind *kind = mCatalog.kind(node.kind);
        if (!kind)
            continue;
        for (const QStringList &keys : kind->uniqueKeys) {
            QStringList values;
            QStringList labels;
            for (const QString &k : keys) {
                const QJsonValue v = node.properties.contains(k) ? node.properties.value(k)
                                                                 : kind->property(k)->defaultValue;
                values.append(v.toVariant().toString());
                labels.append(Catalog::text(kind->property(k)->label).toLower());
            }
            const QString key = node.kind + QChar(0) + keys.join(QChar(1)) + QChar(0) + values.join(QChar(1));
            if (const auto it = byKey.constFind(key); it != byKey.constEnd()) {
                out.append({Diagnostic::Severity::Error,
                            u"duplicate-key"_s,
                            tr("%1 and %2 have the same %3 (%4)")
                                .arg(describe(*it), describe(id), labels.join(tr(" and ")), values.join(' '_L1)),
                            {id, *it},
                            kInvalidEdgeId,
                            keys.first()});
            } else {
                byKey.insert(key, id);
            }
        }
    }
}

void Validator::checkInvokers(QList<Diagnostic> &out) const
{
    QSet<NodeId> invoked;
    for (const auto &[id, edge] : mArchitecture.edges()) {
        const EdgeType *type = mCatalog.edgeType(edge.type);
        if (type && type->carriesEvents)
            invoked.insert(edge.to);
        // A Lambda authorizer runs for the requests of the route it authorizes.
        if (edge.type == "authorizes"_L1)
            invoked.insert(edge.from);
    }
    for (const auto &[id, node] : mArchitecture.nodes()) {
        const NodeKind *kind = mCatalog.kind(node.kind);
        if (kind && kind->needsInvoker && !invoked.contains(id))
            out.append(
                {Diagnostic::Severity::Warning,
                 u"not-invoked"_s,
                 tr("%1 is never invoked: connect a trigger, a service or another function to it").arg(describe(id)),
                 {id},
                 kInvalidEdgeId,
                 {}});
    }
}

namespace {

// The connections that carry events, by the node they leave.
using Adjacency = QHash<NodeId, QList<const Edge *>>;

// Tarjan's strongly connected components, iteratively so deep graphs cannot overflow the stack.
QList<QList<NodeId>> stronglyConnectedComponents(const Architecture &architecture, const Adjacency &adjacency)
{
    QHash<NodeId, int> index;
    QHash<NodeId, int> lowLink;
    QSet<NodeId> onStack;
    QList<NodeId> stack;
    QList<QList<NodeId>> components;
    int counter = 0;
    struct Frame
    {
        NodeId node;
        int next;
    };
    for (const auto &[start, unused] : architecture.nodes()) {
        if (index.contains(start))
            continue;
        QList<Frame> frames{{start, 0}};
        index[start] = lowLink[start] = counter++;
        stack.append(start);
        onStack.insert(start);
        while (!frames.isEmpty()) {
            Frame &f = frames.last();
            const QList<const Edge *> &succ = adjacency.value(f.node);
            if (f.next < succ.size()) {
                const NodeId w = succ.at(f.next++)->to;
                if (!index.contains(w)) {
                    index[w] = lowLink[w] = counter++;
                    stack.append(w);
                    onStack.insert(w);
                    frames.append({w, 0});
                } else if (onStack.contains(w)) {
                    lowLink[f.node] = std::min(lowLink[f.node], index[w]);
                }
                continue;
            }
            const NodeId v = f.node;
            frames.removeLast();
            if (!frames.isEmpty())
                lowLink[frames.last().node] = std::min(lowLink[frames.last().node], lowLink[v]);
            if (lowLink[v] == index[v]) {
                QList<NodeId> component;
                NodeId w;
                do {
                    w = stack.takeLast();
                    onStack.remove(w);
                    component.append(w);
                } while (w != v);
                components.append(component);
            }
        }
    }
    return components;
}

// One concrete cycle through the component members, breadth-first from first back to
// itself: the connections in the order of the loop.
QList<const Edge *> cyclePath(const Adjacency &adjacency, const QSet<NodeId> &members, NodeId first)
{
    QHash<NodeId, const Edge *> cameBy;
    QList<NodeId> queue{first};
    const Edge *closing = nullptr;
    for (int i = 0; i < queue.size() && !closing; ++i) {
        for (const Edge *e : adjacency.value(queue.at(i))) {
            if (!members.contains(e->to))
                continue;
            if (e->to == first) {
                closing = e;
                break;
            }
            if (!cameBy.contains(e->to)) {
                cameBy.insert(e->to, e);
                queue.append(e->to);
            }
        }
    }
    QList<const Edge *> path;
    for (const Edge *e = closing; e; e = e->from == first ? nullptr : cameBy.value(e->from))
        path.prepend(e);
    return path;
}

} // namespace

// A cycle along connections that carry events (a function writes a queue that invokes
// it again, a function calls itself ...) runs without end and bills every turn.
void Validator::checkEventLoops(QList<Diagnostic> &out) const
{
    Adjacency adjacency;
    for (const auto &[id, edge] : mArchitecture.edges()) {
        const EdgeType *type = mCatalog.edgeType(edge.type);
        if (type && type->carriesEvents && mArchitecture.node(edge.from) && mArchitecture.node(edge.to))
            adjacency[edge.from].append(&edge);
    }

    const QList<QList<NodeId>> components = stronglyConnectedComponents(mArchitecture, adjacency);

    for (QList<NodeId> component : std::as_const(components)) {
        const QSet<NodeId> members(component.cbegin(), component.cend());
        const NodeId only = component.first();
        const QList<const Edge *> fromOnly = adjacency.value(only);
        const bool selfLoop = component.size() == 1
                              && std::any_of(fromOnly.cbegin(), fromOnly.cend(),
                                             [&](const Edge *e) { return e->to == only; });
        if (component.size() == 1 && !selfLoop)
            continue;
        std::sort(component.begin(), component.end());

        // Walk one concrete cycle (breadth-first from its first function back to itself) to name it.
        NodeId first = component.first();
        for (NodeId id : std::as_const(component)) {
            const NodeKind *kind = mCatalog.kind(mArchitecture.node(id)->kind);
            if (kind && kind->code.isValid()) {
                first = id;
                break;
            }
        }
        const QList<const Edge *> path = cyclePath(adjacency, members, first);

        QString chain = describe(first);
        for (int i = 0; i < path.size(); ++i)
            chain += (i == 0 ? tr(" %1 %2") : tr(", which %1 %2")).arg(path.at(i)->type, describe(path.at(i)->to));
        // The nodes in the order of the loop, starting with its function; then any others of the cycle.
        QList<NodeId> involved{first};
        for (const Edge *e : std::as_const(path))
            if (!involved.contains(e->to))
                involved.append(e->to);
        for (NodeId id : std::as_const(component))
            if (!involved.contains(id))
                involved.append(id);
        out.append({Diagnostic::Severity::Error,
                    u"event-loop"_s,
                    tr("event loop: %1; every event causes another, without end").arg(chain),
                    involved,
                    path.isEmpty() ? kInvalidEdgeId : path.first()->id,
                    {}});
    }
}

QJsonArray Validator::toJson(const Architecture &architecture, const QList<Diagnostic> &diagnostics)
{
    QJsonArray list;
    for (const Diagnostic &d : diagnostics) {
        QJsonArray nodes;
        for (NodeId id : d.nodes)
            if (const Node *node = architecture.node(id))
                nodes.append(node->name);
        QJsonObject entry{{u"severity"_s, Diagnostic::severityName(d.severity)},
                          {u"code"_s, d.code},
                          {u"message"_s, d.message},
                          {u"nodes"_s, nodes}};
        if (!d.property.isEmpty())
            entry.insert(u"property"_s, d.property);
        list.append(entry);
    }
    return list;
}

} // namespace Nimbus
