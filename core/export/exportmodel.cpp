#include "exportmodel.h"

#include "model/kinds.h"
#include "runtime/gobuild.h"

#include "model/catalog.h"
#include "model/scheduleexpression.h"
#include "paths.h"
#include "provider.h"
#include "workflow/asldefinition.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
bool byName(const Node *a, const Node *b)
{
    return a->name < b->name;
}

// Splits "orders-queue", "getItem", "GET_ITEM" into words.
QStringList words(const QString &name)
{
    QStringList result;
    QString current;
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber()) {
            if (!current.isEmpty())
                result.append(current);
            current.clear();
            continue;
        }
        const bool boundary = c.isUpper() && !current.isEmpty()
                              && (current.back().isLower() || current.back().isDigit()
                                  || (i + 1 < name.size() && name.at(i + 1).isLower()));
        if (boundary) {
            result.append(current);
            current.clear();
        }
        current.append(c);
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}
} // namespace

bool ExportFunction::hasSecrets() const
{
    return std::any_of(environment.cbegin(), environment.cend(), [](const EnvironmentVariable &v) { return v.secret; });
}

QString ExportFunction::runtimeVersion() const
{
    static const QRegularExpression version(u"([0-9]+(?:\\.[0-9]+)?)"_s);
    const QRegularExpressionMatch match = version.match(runtime);
    return match.hasMatch() ? match.captured(1) : QString();
}

ExportModel::ExportModel(const Architecture &architecture, const Catalog &catalog, const QString &directory,
                         const QHash<QString, QByteArray> &pending)
    : mArchitecture(architecture), mCatalog(catalog)
{
    for (const auto &[id, node] : architecture.nodes())
        mNodes.append(&node);
    std::sort(mNodes.begin(), mNodes.end(), byName);

    for (const Node *node : std::as_const(mNodes)) {
        const NodeKind *kind = catalog.kind(node->kind);
        if (!kind || !kind->code.isValid())
            continue;
        ExportFunction f;
        f.node = node;
        f.runtime = string(node, "runtime", u"nodejs20.x"_s);
        f.handler = string(node, "handler", u"index.handler"_s);
        f.source = string(node, "source", u"functions/"_s + node->name);
        f.goSource = f.runtime.startsWith("provided"_L1) && !directory.isEmpty()
                     && GoBuild::isGoFunction(QDir(directory).filePath(f.source));
        f.architecture = string(node, "architecture", u"x86_64"_s);
        f.description = string(node, "description");
        f.memory = integer(node, "memory", 128);
        f.timeout = integer(node, "timeout", 3);
        const QJsonValue reserved = node->properties.value("reservedConcurrency"_L1);
        if (reserved.isDouble())
            f.reservedConcurrency = reserved.toInt();
        for (const QJsonValue &value : node->properties.value("environment"_L1).toArray()) {
            const QJsonObject var = value.toObject();
            f.environment.append(
                {var.value("name"_L1).toString(), var.value("value"_L1).toString(), var.value("secret"_L1).toBool()});
        }
        for (EdgeId edgeId : architecture.incomingEdges(node->id)) {
            const Edge *edge = architecture.edge(edgeId);
            // A state machine's Task invokes it: no event source of the function's own.
            if (edge->type == "invokes"_L1 && architecture.node(edge->from)->kind != Kinds::StateMachine)
                f.triggers.append(architecture.node(edge->from));
        }
        std::sort(f.triggers.begin(), f.triggers.end(), byName);
        for (EdgeId edgeId : architecture.outgoingEdges(node->id)) {
            const Edge *edge = architecture.edge(edgeId);
            f.accesses.append({architecture.node(edge->to), edge->type});
        }
        std::sort(f.accesses.begin(), f.accesses.end(), [](const FunctionAccess &a, const FunctionAccess &b) {
            return a.service->name != b.service->name ? a.service->name < b.service->name : a.type < b.type;
        });
        mFunctions.append(f);
    }
    readWorkflows(directory, pending);
}

QStringList ExportModel::placeholders(const QByteArray &text)
{
    // The names the local cloud resolves (WorkflowEngine::definition) and exports substitute.
    static const QRegularExpression placeholder(u"\\$\\{([A-Za-z0-9_.-]+)\\}"_s);
    QStringList names;
    for (auto it = placeholder.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

void ExportModel::readWorkflows(const QString &directory, const QHash<QString, QByteArray> &pending)
{
    for (const Node *node : nodesOfKind(Kinds::StateMachine)) {
        ExportWorkflow w;
        w.node = node;
        w.path = QDir::cleanPath(string(node, "definition", u"workflows/%1.asl.json"_s.arg(node->name)))
                     .replace("${name}"_L1, node->name);
        w.type = string(node, "type", u"STANDARD"_s);
        w.name = string(node, "stateMachineName", node->name).replace("${name}"_L1, node->name);
        if (const Result<QString> path = Paths::resolveUnder(directory, w.path); !path) {
            w.error = path.errorMessage();
        } else if (pending.contains(w.path)) {
            w.text = pending.value(w.path);
        } else if (QFile file(*path); file.size() > kMaxDefinitionBytes) {
            w.error = tr("the file is over AWS's 1 MB");
        } else if (!file.open(QIODevice::ReadOnly)) {
            w.error = file.errorString();
        } else {
            w.text = file.readAll();
        }
        if (w.error.isEmpty()) {
            const Result<QJsonObject> parsed = AslDefinition::parse(w.text);
            if (parsed)
                w.definition = *parsed;
            else
                w.error = parsed.errorMessage();
        }
        for (const QString &name : placeholders(w.text)) {
            if (const Node *named = mArchitecture.nodeByName(name))
                w.substitutions.append(named);
            else
                w.unresolved.append(name);
        }
        std::sort(w.substitutions.begin(), w.substitutions.end(), byName);
        for (EdgeId edgeId : mArchitecture.incomingEdges(node->id)) {
            const Edge *edge = mArchitecture.edge(edgeId);
            if (edge->type == "starts"_L1 || edge->type == "targets"_L1)
                w.starters.append(mArchitecture.node(edge->from));
        }
        std::sort(w.starters.begin(), w.starters.end(), byName);
        for (EdgeId edgeId : mArchitecture.outgoingEdges(node->id)) {
            const Edge *edge = mArchitecture.edge(edgeId);
            w.accesses.append({mArchitecture.node(edge->to), edge->type});
        }
        std::sort(w.accesses.begin(), w.accesses.end(), [](const FunctionAccess &a, const FunctionAccess &b) {
            return a.service->name != b.service->name ? a.service->name < b.service->name : a.type < b.type;
        });
        mWorkflows.append(w);
    }
}

bool ExportModel::startsWorkflow(const Node *node) const
{
    return std::any_of(mWorkflows.cbegin(), mWorkflows.cend(),
                       [node](const ExportWorkflow &w) { return w.starters.contains(node); });
}

const ExportWorkflow *ExportModel::workflow(const QString &name) const
{
    for (const ExportWorkflow &w : mWorkflows)
        if (w.node->name == name)
            return &w;
    return nullptr;
}

void ExportModel::reportWorkflowProblems(ExportOutput &output, const QString &platform) const
{
    for (const ExportWorkflow &w : mWorkflows) {
        if (!w.error.isEmpty())
            output.add(Diagnostic::Severity::Error, u"export-definition"_s,
                       tr("%1: its definition %2 cannot be read: %3").arg(w.node->name, w.path, w.error), w.node->id,
                       u"definition"_s);
        for (const QString &name : w.unresolved)
            output.add(Diagnostic::Severity::Warning, u"export-definition"_s,
                       tr("%1: the definition's ${%2} names no node of the design; it is left as written and the "
                          "deployment will refuse it")
                           .arg(w.node->name, name),
                       w.node->id, u"definition"_s);
        if (w.node->properties.value("timeout"_L1).isDouble() && !w.definition.contains("TimeoutSeconds"_L1))
            output.add(Diagnostic::Severity::Warning, u"export-ignored"_s,
                       tr("%1: the timeout has no place in %2 outside the definition; set TimeoutSeconds in %3")
                           .arg(w.node->name, platform, w.path),
                       w.node->id, u"timeout"_s);
    }
}

const ExportFunction *ExportModel::function(const QString &name) const
{
    for (const ExportFunction &f : mFunctions)
        if (f.node->name == name)
            return &f;
    return nullptr;
}

QList<const Node *> ExportModel::nodesOfKind(const QString &kind) const
{
    QList<const Node *> result;
    for (const Node *node : mNodes)
        if (node->kind == kind)
            result.append(node);
    return result;
}

QList<const Node *> ExportModel::consumers(const Node *source) const
{
    QList<const Node *> result;
    for (EdgeId edgeId : mArchitecture.outgoingEdges(source->id)) {
        const Edge *edge = mArchitecture.edge(edgeId);
        if (edge->type == "invokes"_L1)
            result.append(mArchitecture.node(edge->to));
    }
    std::sort(result.begin(), result.end(), byName);
    return result;
}

QList<const Node *> ExportModel::nodesNotOfKinds(const QStringList &kinds) const
{
    QList<const Node *> result;
    for (const Node *node : mNodes)
        if (!kinds.contains(node->kind) && !function(node->name))
            result.append(node);
    return result;
}

QStringList ExportModel::sources() const
{
    QStringList result;
    for (const ExportFunction &f : mFunctions)
        if (!result.contains(f.source))
            result.append(f.source);
    result.sort();
    return result;
}

void ExportModel::copySources(ExportOutput &output, const QString &projectDirectory, bool byFunctionName) const
{
    const QDir project(projectDirectory);
    if (byFunctionName) {
        for (const ExportFunction &f : mFunctions)
            output.copy(u"functions/"_s + f.node->name, project.filePath(f.source));
        return;
    }
    for (const QString &source : sources())
        output.copy(source, project.filePath(source));
}

void ExportModel::reportUnexported(ExportOutput &output, const QString &platform, const QStringList &exported) const
{
    static const QStringList modelled = {u"queue"_s,  u"topic"_s,      u"table"_s,
                                         u"bucket"_s, u"http-route"_s, u"schedule"_s};
    for (const Node *node : nodesNotOfKinds(modelled + exported))
        output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                   node->kind == Kinds::Container
                       ? tr("%1: serverless containers are not written for %2 yet; it is not exported")
                             .arg(node->name, platform)
                       : tr("%1: a %2 has no %3 equivalent; it is not exported").arg(node->name, node->kind, platform),
                   node->id);
    for (const Node *node : mNodes)
        if ((node->kind == Kinds::HttpRoute || node->kind == Kinds::Schedule) && consumers(node).isEmpty()
            && !startsWorkflow(node))
            output.add(Diagnostic::Severity::Warning, u"export-unconnected"_s,
                       tr("%1 invokes no function; it is not exported").arg(node->name), node->id);
}

void ExportModel::reportIgnored(ExportOutput &output, const QString &platform, const QStringList &properties) const
{
    for (const ExportFunction &f : mFunctions) {
        const NodeKind *kind = mCatalog.kind(f.node->kind);
        for (const QString &property : properties) {
            const QJsonValue value = f.node->properties.value(property);
            const PropertySpec *spec = kind ? kind->property(property) : nullptr;
            if (!spec || value.isUndefined() || value.isNull() || value == spec->defaultValue)
                continue;
            const QString shown = value.isString() ? value.toString() : QString::number(value.toDouble());
            output.add(Diagnostic::Severity::Warning, u"export-ignored"_s,
                       tr("%1: %2 %3 has no place in %4; the platform's own setting applies")
                           .arg(f.node->name, Catalog::text(spec->label).toLower(), shown, platform),
                       f.node->id, property);
        }
    }
}

QString ExportModel::string(const Node *node, const char *property, const QString &fallback) const
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isString() ? value.toString() : fallback;
}

int ExportModel::integer(const Node *node, const char *property, int fallback) const
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isDouble() ? value.toInt() : fallback;
}

bool ExportModel::boolean(const Node *node, const char *property, bool fallback) const
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isBool() ? value.toBool() : fallback;
}

QString ExportModel::identifier(const QString &name)
{
    QString result;
    for (QString word : words(name)) {
        if (word == word.toUpper())
            word = word.toLower();
        word[0] = word.at(0).toUpper();
        result += word;
    }
    if (result.isEmpty() || !result.at(0).isLetter())
        result.prepend('N'_L1);
    return result;
}

QString ExportModel::dnsLabel(const QString &name)
{
    QString result = words(name).join('-'_L1).toLower();
    result.remove(QRegularExpression(u"[^a-z0-9-]"_s));
    if (result.isEmpty() || !result.at(0).isLetter())
        result.prepend("n-"_L1);
    return result.left(63);
}

QString ExportModel::snakeCase(const QString &name)
{
    QString result = words(name).join('_'_L1).toLower();
    if (result.isEmpty() || !result.at(0).isLetter())
        result.prepend("n_"_L1);
    return result;
}

QString ExportModel::constantCase(const QString &name)
{
    return snakeCase(name).toUpper();
}

Result<QString> ExportModel::unixCron(const QString &expression)
{
    const Result<ScheduleExpression> read = ScheduleExpression::parse(expression);
    if (!read)
        return read.error();
    const ScheduleExpression &parsed = *read;
    if (parsed.kind() == ScheduleExpression::Kind::Rate) {
        const qint64 seconds = parsed.rateSeconds();
        if (seconds % 86400 == 0)
            return seconds == 86400 ? u"0 0 * * *"_s : u"0 0 */%1 * *"_s.arg(seconds / 86400);
        if (seconds % 3600 == 0 && 24 % (seconds / 3600) == 0)
            return seconds == 3600 ? u"0 * * * *"_s : u"0 */%1 * * *"_s.arg(seconds / 3600);
        if (seconds % 60 == 0 && 60 % (seconds / 60) == 0)
            return seconds == 60 ? u"* * * * *"_s : u"*/%1 * * * *"_s.arg(seconds / 60);
        return fail(tr("an interval of %1 minutes does not divide an hour or a day evenly").arg(seconds / 60));
    }
    // cron(minutes hours day-of-month month day-of-week year)
    const QString body = expression.trimmed().mid(5).chopped(1);
    const QStringList fields = body.simplified().split(' '_L1);
    if (fields.size() != 6)
        return fail(tr("a cron expression needs six fields"));
    if (fields.at(5) != "*"_L1)
        return fail(tr("the year field '%1' has no equivalent").arg(fields.at(5)));
    static const QRegularExpression special(u"[LW#]"_s);
    for (int i = 2; i <= 4; i += 2) {
        if (special.match(fields.at(i)).hasMatch())
            return fail(tr("'%1' (L, W or #) has no equivalent").arg(fields.at(i)));
    }
    QString dayOfWeek = fields.at(4);
    if (dayOfWeek == "?"_L1)
        dayOfWeek = u"*"_s;
    // EventBridge numbers days 1 (Sunday) to 7; Unix cron 0 (Sunday) to 6.
    static const QRegularExpression number(u"\\b([1-7])\\b"_s);
    QString converted;
    int last = 0;
    for (auto it = number.globalMatch(dayOfWeek); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        converted += dayOfWeek.mid(last, m.capturedStart() - last) + QString::number(m.captured(1).toInt() - 1);
        last = m.capturedEnd();
    }
    dayOfWeek = converted + dayOfWeek.mid(last);
    QString dayOfMonth = fields.at(2) == "?"_L1 ? u"*"_s : fields.at(2);
    return QStringList{fields.at(0), fields.at(1), dayOfMonth, fields.at(3), dayOfWeek}.join(' '_L1);
}

void ExportModel::reportDeployVariables(ExportOutput &output, const QString &tool) const
{
    for (const ExportFunction &f : mFunctions) {
        auto check = [&](const QString &what, const QString &value, const QString &property) {
            if (value.contains("${"_L1))
                output.add(Diagnostic::Severity::Warning, u"export-deploy-variable"_s,
                           tr("%1: %2 holds '${', which %3 resolves as its own variable (it can read files and the "
                              "environment of whoever deploys); check that it is yours")
                               .arg(f.node->name, what, tool),
                           f.node->id, property);
        };
        check(tr("the description"), f.description, u"description"_s);
        for (const EnvironmentVariable &var : f.environment)
            if (!var.secret)
                check(tr("the variable %1").arg(var.name), var.value, u"environment"_s);
    }
}

} // namespace Nimbus
