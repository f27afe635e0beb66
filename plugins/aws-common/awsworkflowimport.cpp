#include "awsworkflowimport.h"
#include "model/kinds.h"

#include "awsworkflow.h"
#include "export/yaml.h"
#include "paths.h"
#include "workflow/asldefinition.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

namespace {
using Y = Yaml;

// Where SAM and plain CloudFormation differ in a machine's property names.
YAML::Node either(const YAML::Node &p, const char *sam, const char *cloudFormation)
{
    const YAML::Node own = Y::child(p, sam);
    return own.IsDefined() ? own : Y::child(p, cloudFormation);
}

bool isPlain(const YAML::Node &node)
{
    return node.IsScalar() && (node.Tag().empty() || node.Tag() == "?" || node.Tag() == "!");
}

// The intrinsic function a value calls ("Ref", "Fn::Sub" ...) in its short or long form, and
// its argument; empty when it calls none.
QString intrinsic(const YAML::Node &value, YAML::Node *argument)
{
    const std::string &tag = value.Tag();
    static const QHash<QString, QString> shortForms = {
        {u"!Ref"_s, u"Ref"_s}, {u"!GetAtt"_s, u"Fn::GetAtt"_s}, {u"!Sub"_s, u"Fn::Sub"_s}, {u"!Join"_s, u"Fn::Join"_s}};
    if (!tag.empty() && tag != "?" && tag != "!") {
        argument->reset(value);
        return shortForms.value(QString::fromStdString(tag), QString::fromStdString(tag));
    }
    if (value.IsMap() && value.size() == 1) {
        const QString key = Y::text(value.begin()->first);
        if (key == "Ref"_L1 || key.startsWith("Fn::"_L1)) {
            argument->reset(value.begin()->second);
            return key;
        }
    }
    return {};
}

// What the local cloud answers for CloudFormation's pseudo parameters.
std::optional<QString> pseudoParameter(const QString &name)
{
    static const QHash<QString, QString> values = {{u"AWS::Region"_s, u"us-east-1"_s},
                                                   {u"AWS::AccountId"_s, u"000000000000"_s},
                                                   {u"AWS::Partition"_s, u"aws"_s},
                                                   {u"AWS::URLSuffix"_s, u"amazonaws.com"_s}};
    const auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<QString>(*it);
}

// text as the inside of a JSON string.
QString jsonEscaped(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{QJsonValue(text)}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(2, array.size() - 4));
}
} // namespace

WorkflowReader::WorkflowReader(const ImportInput &input, ImportResult &result, ImportBuilder &builder,
                               QHash<QString, QString> &nodeOfResource, const YAML::Node &resources,
                               EventReader::AddNode addNode)
    : mInput(input), mResult(result), mBuilder(builder), mNodeOfResource(nodeOfResource), mAddNode(std::move(addNode))
{
    mResources.reset(resources);
}

bool WorkflowReader::isMachine(const std::string &type)
{
    return type == "AWS::Serverless::StateMachine" || type == "AWS::StepFunctions::StateMachine";
}

bool WorkflowReader::isMachineResource(const QString &id) const
{
    return !id.isEmpty() && isMachine(Y::text(Y::child(Y::child(mResources, id.toStdString()), "Type")).toStdString());
}

Result<QByteArray> WorkflowReader::definitionFile(const YAML::Node &uri) const
{
    if (!isPlain(uri))
        return fail(tr("DefinitionUri names an object in S3; only a file beside the template can be read"));
    if (mInput.fileDirectory.isEmpty())
        return fail(tr("the template's folder is not known, so DefinitionUri %1 cannot be read").arg(Y::text(uri)));
    const Result<QString> path = Paths::resolveUnder(mInput.fileDirectory, Y::text(uri));
    if (!path)
        return fail(tr("the definition file %1 is refused: %2").arg(Y::text(uri), path.errorMessage()));
    const QFileInfo info(*path);
    if (!info.isFile())
        return fail(tr("the definition file %1 does not exist").arg(Y::text(uri)));
    if (info.size() > ExportModel::kMaxDefinitionBytes)
        return fail(tr("the definition file %1 is larger than %2 bytes, AWS's limit")
                        .arg(Y::text(uri))
                        .arg(ExportModel::kMaxDefinitionBytes));
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("the definition file %1 cannot be read: %2").arg(Y::text(uri), file.errorString()));
    return file.read(ExportModel::kMaxDefinitionBytes);
}

Result<void> WorkflowReader::checkDefinition(const QString &id, const YAML::Node &p, QByteArray *fileText) const
{
    const YAML::Node definition = Y::child(p, "Definition");
    const YAML::Node string = Y::child(p, "DefinitionString");
    const YAML::Node uri = Y::child(p, "DefinitionUri");
    if (definition.IsMap())
        return {};
    if (string.IsDefined()) {
        QStringList ignored;
        if (!resolveString(string, &ignored))
            return fail(tr("%1: DefinitionString is made by an intrinsic function the studio cannot read "
                           "(it reads a string, Fn::Sub and Fn::Join)")
                            .arg(id));
        return {};
    }
    if (uri.IsDefined()) {
        Result<QByteArray> text = definitionFile(uri);
        if (!text)
            return fail(u"%1: %2"_s.arg(id, text.errorMessage()));
        *fileText = *text;
        return {};
    }
    return fail(tr("%1: the definition is not in the template or beside it (DefinitionS3Location)").arg(id));
}

bool WorkflowReader::readMachine(const QString &id, const std::string &type, const YAML::Node &p)
{
    Machine m;
    m.id = id;
    m.properties.reset(p);
    if (const Result<void> readable = checkDefinition(id, p, &m.fileText); !readable) {
        mResult.note(Diagnostic::Severity::Warning,
                     tr("%1; the state machine is kept as written, not shown").arg(readable.errorMessage()));
        return false;
    }
    QJsonObject props;
    const bool sam = type == "AWS::Serverless::StateMachine";
    const QString machineType = Y::text(Y::child(p, sam ? "Type" : "StateMachineType"));
    props.insert(u"type"_s, machineType == "EXPRESS"_L1 ? u"EXPRESS"_s : u"STANDARD"_s);
    if (const YAML::Node name = Y::child(p, sam ? "Name" : "StateMachineName"); isPlain(name))
        props.insert(u"stateMachineName"_s, Y::text(name));
    const QString level = Y::text(Y::child(either(p, "Logging", "LoggingConfiguration"), "Level"));
    if (level == "ALL"_L1 || level == "ERROR"_L1 || level == "FATAL"_L1)
        props.insert(u"loggingLevel"_s, level);
    const YAML::Node tracing = Y::child(either(p, "Tracing", "TracingConfiguration"), "Enabled");
    if (Y::text(tracing).toLower() == "true"_L1)
        props.insert(u"tracing"_s, true);
    m.node = mAddNode(QString(Kinds::StateMachine), id, props);
    mMachines.append(m);
    return true;
}

bool WorkflowReader::isLogGroupOfMachine(const QString &id) const
{
    for (auto it = mResources.begin(); it != mResources.end(); ++it) {
        if (!isMachine(Y::text(Y::child(it->second, "Type")).toStdString()))
            continue;
        const YAML::Node p = Y::child(it->second, "Properties");
        for (const YAML::Node &d : Y::child(either(p, "Logging", "LoggingConfiguration"), "Destinations"))
            if (referencedId(Y::child(Y::child(d, "CloudWatchLogsLogGroup"), "LogGroupArn")) == id)
                return true;
    }
    return false;
}

bool WorkflowReader::readDerived(const QString &id, const std::string &type, const YAML::Node &p)
{
    if (type == "AWS::Pipes::Pipe") {
        const QString source = referencedId(Y::child(p, "Source"));
        const QString target = referencedId(Y::child(p, "Target"));
        const QString sourceType = Y::text(Y::child(Y::child(mResources, source.toStdString()), "Type"));
        if (!isMachineResource(target) || sourceType != "AWS::SQS::Queue"_L1)
            return false;
        mStarters.append({id, source, target, p});
        return true;
    }
    if (type == "AWS::ApiGatewayV2::Integration")
        return !integrationMachine(id).isEmpty();
    if (type == "AWS::ApiGatewayV2::Route") {
        const QString machine = integrationMachine(targetIntegration(Y::child(p, "Target")));
        if (machine.isEmpty())
            return false;
        Starter starter{id, QString(), machine, p};
        starter.route = true;
        mStarters.append(starter);
        return true;
    }
    // The API and stage serverless.yml's export writes for such routes when the framework
    // writes no HTTP API.
    if ((type == "AWS::ApiGatewayV2::Api" && id == QLatin1String(Workflows::kMachinesApi))
        || (type == "AWS::ApiGatewayV2::Stage" && id == QLatin1String(Workflows::kMachinesApi) + "Stage"_L1))
        return true;
    if (type == "AWS::IAM::Role" && id.endsWith("StartRole"_L1)) {
        const QString route = id.chopped(9);
        const YAML::Node r = Y::child(mResources, route.toStdString());
        return Y::text(Y::child(r, "Type")) == "AWS::ApiGatewayV2::Route"_L1
               && !integrationMachine(targetIntegration(Y::child(Y::child(r, "Properties"), "Target"))).isEmpty();
    }
    if (type == "AWS::IAM::Role") {
        const YAML::Node pipe = Y::child(mResources, id.chopped(std::min<qsizetype>(4, id.size())).toStdString());
        if (id.endsWith("PipeRole"_L1) && Y::text(Y::child(pipe, "Type")) == "AWS::Pipes::Pipe"_L1)
            return true;
        for (const char *suffix : {"EventsRole", "Role"})
            if (id.endsWith(QLatin1String(suffix)) && isMachineResource(id.chopped(qstrlen(suffix))))
                return true;
        return false;
    }
    if (type == "AWS::Logs::LogGroup")
        return isLogGroupOfMachine(id);
    if (type == "AWS::Events::Rule" && Y::has(p, "ScheduleExpression") && !Y::has(p, "EventPattern")) {
        const YAML::Node targets = Y::child(p, "Targets");
        if (!targets.IsSequence() || targets.size() != 1
            || !isMachineResource(referencedId(Y::child(targets[0], "Arn"))))
            return false;
        mStarters.append({id, QString(), referencedId(Y::child(targets[0], "Arn")), p});
        return true;
    }
    return false;
}

QString WorkflowReader::placeholder(const QString &logicalId, QStringList *unresolved) const
{
    if (const std::optional<QString> pseudo = pseudoParameter(logicalId))
        return *pseudo;
    const QString node = mNodeOfResource.value(logicalId);
    if (node.isEmpty() && !unresolved->contains(logicalId))
        unresolved->append(logicalId);
    return u"${"_s + (node.isEmpty() ? logicalId : node) + u'}';
}

// Fn::Sub's string with its variables (its own, pseudo parameters, logical ids with an
// attribute) resolved; ${!x} is the literal ${x}.
QString WorkflowReader::subText(const YAML::Node &sub, QStringList *unresolved, bool *ok) const
{
    const YAML::Node text = sub.IsSequence() && sub.size() > 0 ? sub[0] : sub;
    const YAML::Node variables = sub.IsSequence() && sub.size() > 1 ? sub[1] : YAML::Node();
    const QString source = Y::text(text);
    QString out;
    qsizetype at = 0;
    while (at < source.size()) {
        const qsizetype open = source.indexOf("${"_L1, at);
        const qsizetype close = open < 0 ? -1 : source.indexOf(u'}', open);
        if (close < 0) {
            out += QStringView(source).mid(at);
            break;
        }
        out += QStringView(source).mid(at, open - at);
        const QString name = source.mid(open + 2, close - open - 2);
        if (name.startsWith(u'!')) {
            out += u"${"_s + name.mid(1) + u'}';
        } else if (const YAML::Node value = Y::child(variables, name.toStdString()); value.IsDefined()) {
            const std::optional<QString> resolved = resolveString(value, unresolved);
            *ok = *ok && resolved.has_value();
            out += resolved.value_or(QString());
        } else {
            out += placeholder(name.contains("::"_L1) ? name : name.section(u'.', 0, 0), unresolved);
        }
        at = close + 1;
    }
    return out;
}

std::optional<QString> WorkflowReader::resolveString(const YAML::Node &value, QStringList *unresolved) const
{
    if (isPlain(value))
        return Y::text(value);
    YAML::Node argument;
    const QString function = intrinsic(value, &argument);
    if (function == "Ref"_L1 || function == "Fn::GetAtt"_L1) {
        const QString id = argument.IsSequence() && argument.size() > 0 ? Y::text(argument[0])
                           : function == "Ref"_L1                       ? Y::text(argument)
                                                                        : Y::text(argument).section(u'.', 0, 0);
        return placeholder(id, unresolved);
    }
    if (function == "Fn::Sub"_L1) {
        bool ok = true;
        const QString text = subText(argument, unresolved, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    }
    if (function == "Fn::Join"_L1 && argument.IsSequence() && argument.size() == 2 && argument[1].IsSequence()) {
        QStringList parts;
        for (const YAML::Node &part : argument[1]) {
            const std::optional<QString> resolved = resolveString(part, unresolved);
            if (!resolved)
                return std::nullopt;
            parts.append(*resolved);
        }
        return parts.join(Y::text(argument[0]));
    }
    return std::nullopt;
}

// An inline Definition as indented JSON, keys in the template's order, its intrinsic
// functions resolved (an unreadable one becomes null, listed in unresolved).
void WorkflowReader::writeJson(const YAML::Node &node, int depth, QString &out, QStringList *unresolved) const
{
    const QString indent(2 * (depth + 1), u' ');
    const QString closing(2 * depth, u' ');
    YAML::Node argument;
    if (!intrinsic(node, &argument).isEmpty()) {
        const std::optional<QString> text = resolveString(node, unresolved);
        if (!text)
            unresolved->append(Y::text(node).isEmpty() ? u"(intrinsic function)"_s : Y::text(node));
        out += text ? u'"' + jsonEscaped(*text) + u'"' : u"null"_s;
    } else if (node.IsMap() && node.size() > 0) {
        out += "{\n"_L1;
        for (auto it = node.begin(); it != node.end(); ++it) {
            out += indent + u'"' + jsonEscaped(Y::text(it->first)) + "\": "_L1;
            writeJson(it->second, depth + 1, out, unresolved);
            out += std::next(it) == node.end() ? "\n"_L1 : ",\n"_L1;
        }
        out += closing + u'}';
    } else if (node.IsSequence() && node.size() > 0) {
        out += "[\n"_L1;
        for (std::size_t i = 0; i < node.size(); ++i) {
            out += indent;
            writeJson(node[i], depth + 1, out, unresolved);
            out += i + 1 == node.size() ? "\n"_L1 : ",\n"_L1;
        }
        out += closing + u']';
    } else {
        out += node.IsMap() ? u"{}"_s : node.IsSequence() ? u"[]"_s : yamlToJson(node);
    }
}

// DefinitionSubstitutions applied to the definition's text: a value that names an imported
// resource becomes ${node}, a plain value itself; what cannot be read stays ${key}.
QByteArray WorkflowReader::substituted(const QByteArray &text, const Machine &m, QStringList *unresolved) const
{
    const YAML::Node substitutions = Y::child(m.properties, "DefinitionSubstitutions");
    if (!substitutions.IsMap())
        return text;
    QString result = QString::fromUtf8(text);
    for (auto it = substitutions.begin(); it != substitutions.end(); ++it) {
        const QString key = Y::text(it->first);
        const std::optional<QString> value = resolveString(it->second, unresolved);
        if (!value) {
            unresolved->append(key);
            continue;
        }
        result.replace(u"${"_s + key + u'}', jsonEscaped(*value));
    }
    return result.toUtf8();
}

QByteArray WorkflowReader::definitionText(const Machine &m, QStringList *unresolved) const
{
    const YAML::Node definition = Y::child(m.properties, "Definition");
    QByteArray text = m.fileText;
    if (definition.IsMap()) {
        QString json;
        writeJson(definition, 0, json, unresolved);
        text = json.toUtf8() + '\n';
    } else if (const YAML::Node string = Y::child(m.properties, "DefinitionString"); string.IsDefined()) {
        text = resolveString(string, unresolved).value_or(QString()).toUtf8();
    }
    return substituted(text, m, unresolved);
}

// The machine's connections to what its Task states use, of the kind they need.
void WorkflowReader::connectDefinition(const Machine &m, const QByteArray &text)
{
    // A Task's Resource that is a function's ${node} is its ARN once deployed.
    QString arns = QString::fromUtf8(text);
    for (const QString &name : mNodeOfResource) {
        const Node *node = mBuilder.node(name);
        if (node && node->kind == Kinds::Function)
            arns.replace(u"\"${"_s + name + u"}\""_s,
                         u"\"arn:aws:lambda:us-east-1:000000000000:function:"_s + name + u'"');
    }
    const Result<QJsonObject> definition = AslDefinition::parse(arns.toUtf8());
    if (!definition) {
        mResult.note(
            Diagnostic::Severity::Warning,
            tr("%1: the definition is not JSON (%2); it is shown as read").arg(m.id, definition.errorMessage()));
        return;
    }
    const QStringList names = mNodeOfResource.values();
    for (const AslReference &reference : AslDefinition::references(*definition, names)) {
        const Node *node = mBuilder.node(reference.node);
        if (node && node->kind == reference.kind && reference.node != m.node)
            mBuilder.connect(m.node, reference.node, reference.edge);
    }
}

QString WorkflowReader::integrationMachine(const QString &integrationId) const
{
    const YAML::Node integration = Y::child(mResources, integrationId.toStdString());
    const YAML::Node p = Y::child(integration, "Properties");
    if (integrationId.isEmpty() || Y::text(Y::child(integration, "Type")) != "AWS::ApiGatewayV2::Integration"_L1
        || Y::text(Y::child(p, "IntegrationSubtype")) != "StepFunctions-StartExecution"_L1)
        return {};
    const QString machine = referencedId(Y::child(Y::child(p, "RequestParameters"), "StateMachineArn"));
    return isMachineResource(machine) ? machine : QString();
}

QString WorkflowReader::targetIntegration(const YAML::Node &target)
{
    YAML::Node argument;
    const QString function = intrinsic(target, &argument);
    if (function == "Fn::Join"_L1 && argument.IsSequence() && argument.size() == 2 && argument[1].IsSequence()
        && argument[1].size() == 2 && Y::text(argument[1][0]) == "integrations"_L1 && Y::text(argument[0]) == "/"_L1)
        return referencedId(argument[1][1]);
    const QString text = Y::text(function == "Fn::Sub"_L1 ? argument : target);
    if (function == "Fn::Sub"_L1 && text.startsWith("integrations/${"_L1) && text.endsWith(u'}'))
        return text.mid(15).chopped(1);
    return {};
}

// A route of the StartExecution integration: an HTTP API route (payload 2.0, as on the
// canvas; the integration's own 1.0 is API Gateway's requirement) named by its logical id.
void WorkflowReader::readRouteStarter(const Starter &s, const QString &machine)
{
    const QString key = Y::text(Y::child(s.properties, "RouteKey"));
    const QString method = key.section(u' ', 0, 0);
    const QString path = key.section(u' ', 1);
    const QString api = referencedId(Y::child(s.properties, "ApiId"));
    const YAML::Node apiResource = Y::child(mResources, api.toStdString());
    const bool cors = apiResource.IsDefined()
                          ? Y::child(Y::child(apiResource, "Properties"), "CorsConfiguration").IsDefined()
                          : mExternalApiCors;
    const QString route = mBuilder.addNode(
        u"http-route"_s, s.id,
        {{u"method"_s, method.isEmpty() || method == "$default"_L1 ? u"ANY"_s : method},
         {u"path"_s, path.isEmpty() ? u"/"_s : path},
         {u"payloadFormat"_s, u"2.0"_s},
         {u"cors"_s, cors}});
    if (Y::has(s.properties, "AuthorizerId") || Y::has(s.properties, "AuthorizationType"))
        mResult.note(
            Diagnostic::Severity::Warning,
            tr("%1: the route's authorization is not read; check the route's authorizer on the canvas").arg(s.id));
    mBuilder.connect(route, machine, u"starts"_s);
}

void WorkflowReader::readStarter(const Starter &s)
{
    const QString machine = mNodeOfResource.value(s.machine);
    if (machine.isEmpty())
        return; // the machine is kept as written, and so is what starts it
    if (s.route) {
        readRouteStarter(s, machine);
        return;
    }
    if (!s.source.isEmpty()) {
        if (!mBuilder.connect(mNodeOfResource.value(s.source), machine, u"starts"_s))
            mResult.note(Diagnostic::Severity::Info,
                         tr("%1: the pipe reads a queue the canvas does not show; it is kept as written").arg(s.id));
        return;
    }
    // A schedule rule the exports write as <machine id><schedule id>: the schedule keeps its name.
    QString name = s.id;
    if (name.startsWith(s.machine) && name.size() > s.machine.size())
        name = name.mid(s.machine.size());
    const QString schedule = mBuilder.addNode(
        u"schedule"_s, name,
        {{u"expression"_s, Y::text(Y::child(s.properties, "ScheduleExpression"))},
         {u"enabled"_s, Y::text(Y::child(s.properties, "State")) != "DISABLED"_L1},
         {u"description"_s, Y::text(Y::child(s.properties, "Description"))}});
    mBuilder.connect(schedule, machine, u"starts"_s);
}

// A function that starts a machine gets <MACHINE>_STATE_MACHINE_ARN from the connection.
void WorkflowReader::dropMachineVariables()
{
    for (const QString &function : mNodeOfResource) {
        Node *node = mBuilder.node(function);
        if (!node || node->kind != Kinds::Function || !node->properties.contains(u"environment"_s))
            continue;
        QJsonArray kept;
        const QJsonArray environment = node->properties.value(u"environment"_s).toArray();
        for (const QJsonValue &v : environment) {
            const QString machine = v.toObject().value(u"value"_s).toString();
            const bool derived = mBuilder.hasEdge(function, machine, u"starts"_s)
                                 && v.toObject().value(u"name"_s).toString() == Workflows::machineVariable(machine);
            if (!derived)
                kept.append(v);
        }
        if (kept.size() != environment.size())
            mBuilder.setProperty(function, u"environment"_s, kept);
    }
}

void WorkflowReader::finish()
{
    for (const Machine &m : std::as_const(mMachines)) {
        QStringList unresolved;
        const QByteArray text = definitionText(m, &unresolved);
        const QString path = mBuilder.node(m.node)->properties.value(u"definition"_s).toString();
        mResult.files.insert(path, text);
        if (!unresolved.isEmpty())
            mResult.note(Diagnostic::Severity::Warning,
                         tr("%1: the definition names %2, which the canvas does not show; it is left as a "
                            "${...} placeholder in %3")
                             .arg(m.id, unresolved.join(", "_L1), path));
        connectDefinition(m, text);
    }
    for (const Starter &s : std::as_const(mStarters))
        readStarter(s);
    dropMachineVariables();
}

} // namespace Nimbus::Aws
