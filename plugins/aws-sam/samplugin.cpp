#include "samplugin.h"

#include "awscommon.h"
#include "export/exportmodel.h"
#include "export/importbuilder.h"
#include "export/yaml.h"
#include "export/yamlmerge.h"
#include "model/catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Nimbus::Sam {

using Y = Yaml;

namespace {

const QString kTemplate = QStringLiteral("template.yaml");

YAML::Node bucketEvents(const QString &events)
{
    if (events == QLatin1String("ObjectRemoved"))
        return Y::string("s3:ObjectRemoved:*");
    if (events == QLatin1String("All"))
        return Y::sequence({QStringLiteral("s3:ObjectCreated:*"), QStringLiteral("s3:ObjectRemoved:*")});
    return Y::string("s3:ObjectCreated:*");
}

YAML::Node policyDocument(const ExportFunction &function, const Aws::LogicalIds &ids)
{
    YAML::Node statements(YAML::NodeType::Sequence);
    for (const Aws::IamStatement &s : Aws::iamStatements(function)) {
        YAML::Node statement(YAML::NodeType::Map);
        statement["Effect"] = Y::string("Allow");
        statement["Action"] = Y::sequence(s.actions);
        statement["Resource"] = Aws::statementResource(s, ids);
        statements.push_back(statement);
    }
    YAML::Node document(YAML::NodeType::Map);
    document["Version"] = Y::string("2012-10-17");
    document["Statement"] = statements;
    return document;
}

// A function's variables; a secret becomes a NoEcho parameter of the template.
YAML::Node environmentVariables(const ExportModel &model, const ExportFunction &f, const QString &id,
                                const Aws::LogicalIds &ids, YAML::Node &parameters)
{
    YAML::Node variables(YAML::NodeType::Map);
    for (const EnvironmentVariable &var : f.environment) {
        if (!var.secret) {
            variables[var.name.toStdString()] = Aws::environmentValue(model, f, var, ids);
            continue;
        }
        const QString parameter = id + ExportModel::identifier(var.name);
        YAML::Node param(YAML::NodeType::Map);
        param["Type"] = Y::string("String");
        param["NoEcho"] = Y::boolean(true);
        param["Description"] = Y::string(QStringLiteral("Secret %1 of the function %2").arg(var.name, f.node->name));
        parameters[parameter.toStdString()] = param;
        variables[var.name.toStdString()] = Y::tagged("Ref", Y::string(parameter));
    }
    return variables;
}

} // namespace

// Which APIs answer preflight requests: the implicit REST API, and the methods of the HTTP API.
struct SamPlugin::Cors
{
    QStringList httpMethods;
    bool rest = false;
};

// The event by which trigger invokes the function; a null node when SAM has none.
YAML::Node SamPlugin::functionEvent(const ExportModel &model, const ExportFunction &f, const Node *trigger,
                                    const Aws::LogicalIds &ids, Cors &cors, ExportOutput &output)
{
    YAML::Node event(YAML::NodeType::Map);
    YAML::Node ep(YAML::NodeType::Map);
    const QString triggerId = ids.of(trigger);
    if (trigger->kind == QLatin1String("http-route")) {
        const bool rest = model.string(trigger, "payloadFormat") == QLatin1String("1.0");
        event["Type"] = Y::string(rest ? "Api" : "HttpApi");
        ep["Path"] = Y::string(model.string(trigger, "path", QStringLiteral("/")));
        const QString method = model.string(trigger, "method", QStringLiteral("GET"));
        ep["Method"] = Y::string(method == QLatin1String("ANY") ? QStringLiteral("ANY") : method.toLower());
        if (model.boolean(trigger, "cors")) {
            if (rest)
                cors.rest = true;
            else if (!cors.httpMethods.contains(method))
                cors.httpMethods.append(method);
        }
    } else if (trigger->kind == QLatin1String("queue")) {
        event["Type"] = Y::string("SQS");
        ep["Queue"] = Y::tagged("GetAtt", Y::string(triggerId + QLatin1String(".Arn")));
        ep["BatchSize"] = Y::number(model.integer(trigger, "batchSize", 10));
    } else if (trigger->kind == QLatin1String("topic")) {
        event["Type"] = Y::string("SNS");
        ep["Topic"] = Y::tagged("Ref", Y::string(triggerId));
    } else if (trigger->kind == QLatin1String("bucket")) {
        event["Type"] = Y::string("S3");
        ep["Bucket"] = Y::tagged("Ref", Y::string(triggerId));
        ep["Events"] = bucketEvents(model.string(trigger, "events"));
        YAML::Node rules(YAML::NodeType::Sequence);
        for (const auto &[filter, value] : Aws::keyFilters(model, trigger)) {
            YAML::Node rule(YAML::NodeType::Map);
            rule["Name"] = Y::string(filter);
            rule["Value"] = Y::string(value);
            rules.push_back(rule);
        }
        if (rules.size() > 0) {
            YAML::Node key(YAML::NodeType::Map);
            key["Rules"] = rules;
            YAML::Node filter(YAML::NodeType::Map);
            filter["S3Key"] = key;
            ep["Filter"] = filter;
        }
    } else if (trigger->kind == QLatin1String("table")) {
        event["Type"] = Y::string("DynamoDB");
        ep["Stream"] = Y::tagged("GetAtt", Y::string(triggerId + QLatin1String(".StreamArn")));
        ep["StartingPosition"] = Y::string("LATEST");
        if (model.string(trigger, "stream", QStringLiteral("NONE")) == QLatin1String("NONE"))
            output.add(Diagnostic::Severity::Error, QStringLiteral("export-stream"),
                       tr("%1 invokes %2 but has no stream").arg(trigger->name, f.node->name), trigger->id,
                       QStringLiteral("stream"));
    } else if (trigger->kind == QLatin1String("schedule")) {
        event["Type"] = Y::string("Schedule");
        ep["Schedule"] = Y::string(model.string(trigger, "expression"));
        ep["Enabled"] = Y::boolean(model.boolean(trigger, "enabled", true));
        const QString description = model.string(trigger, "description");
        if (!description.isEmpty())
            ep["Description"] = Y::string(description);
    } else {
        output.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                   tr("%1 (%2) cannot invoke a function in a SAM template; it is not exported")
                       .arg(trigger->name, trigger->kind),
                   trigger->id);
        return YAML::Node();
    }
    event["Properties"] = ep;
    return event;
}

// The Globals section: CORS of the APIs whose routes ask for it.
YAML::Node SamPlugin::globalsSection(const Cors &cors)
{
    YAML::Node globals(YAML::NodeType::Map);
    if (cors.rest) {
        // The implicit REST API answers preflight requests from any origin.
        YAML::Node api(YAML::NodeType::Map);
        api["Cors"] = Y::string("'*'");
        globals["Api"] = api;
    }
    if (!cors.httpMethods.isEmpty()) {
        QStringList methods = cors.httpMethods;
        methods.sort();
        YAML::Node configuration(YAML::NodeType::Map);
        configuration["AllowOrigins"] = Y::sequence({QStringLiteral("*")});
        configuration["AllowMethods"] = Y::sequence(methods);
        configuration["AllowHeaders"] = Y::sequence({QStringLiteral("*")});
        YAML::Node api(YAML::NodeType::Map);
        api["CorsConfiguration"] = configuration;
        globals["HttpApi"] = api;
    }
    return globals;
}

namespace {

void write(const ProviderPlugin &, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const Aws::LogicalIds ids(input.origin);
    const YAML::Node generated = SamPlugin::generate(model, ids, output);

    const Result<QByteArray> merged = YamlMerge::mergeWithOrigin(input.origin, generated);
    output.addFile(kTemplate, merged ? *merged : Yaml::dump(generated));
    if (!merged)
        output.add(Diagnostic::Severity::Warning, QStringLiteral("export-origin"),
                   SamPlugin::tr("the imported template cannot be read back (%1); the template is written anew")
                       .arg(merged.errorMessage()));
    model.copySources(output, input.projectDirectory);
}

} // namespace

SamPlugin::SamPlugin()
    : ProviderPlugin(Aws::lambdaTarget(QStringLiteral("sam"), QStringLiteral("AWS SAM"),
                                       QT_TR_NOOP("template.yaml for the AWS Serverless Application Model (sam "
                                                  "deploy), with the code folders")),
                     write)
{ }

YAML::Node SamPlugin::generate(const ExportModel &model, const Aws::LogicalIds &ids, ExportOutput &output)
{
    YAML::Node root(YAML::NodeType::Map);
    root["AWSTemplateFormatVersion"] = Y::string("2010-09-09");
    root["Transform"] = Y::string("AWS::Serverless-2016-10-31");

    YAML::Node parameters(YAML::NodeType::Map);
    YAML::Node resources(YAML::NodeType::Map);
    Cors cors;

    for (const ExportFunction &f : model.functions()) {
        const QString id = ids.of(f.node);
        YAML::Node p(YAML::NodeType::Map);
        p["CodeUri"] = Y::string(f.source);
        p["Handler"] = Y::string(f.handler);
        p["Runtime"] = Y::string(f.runtime);
        p["Architectures"] = Y::sequence({Aws::lambdaArchitecture(f.architecture)});
        p["MemorySize"] = Y::number(f.memory);
        p["Timeout"] = Y::number(f.timeout);
        if (!f.description.isEmpty())
            p["Description"] = Y::string(f.description);
        if (f.reservedConcurrency)
            p["ReservedConcurrentExecutions"] = Y::number(*f.reservedConcurrency);
        if (!f.environment.isEmpty()) {
            YAML::Node environment(YAML::NodeType::Map);
            environment["Variables"] = environmentVariables(model, f, id, ids, parameters);
            p["Environment"] = environment;
        }
        if (!Aws::iamStatements(f).isEmpty()) {
            YAML::Node policies(YAML::NodeType::Sequence);
            policies.push_back(policyDocument(f, ids));
            p["Policies"] = policies;
        }

        YAML::Node events(YAML::NodeType::Map);
        for (const Node *trigger : f.triggers) {
            const YAML::Node event = functionEvent(model, f, trigger, ids, cors, output);
            if (event.IsMap())
                events[ids.event(f.node, trigger).toStdString()] = event;
        }
        if (events.size() > 0)
            p["Events"] = events;

        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::Serverless::Function");
        resource["Properties"] = p;
        resources[id.toStdString()] = resource;
    }

    for (const QString &kind :
         {QStringLiteral("queue"), QStringLiteral("topic"), QStringLiteral("table"), QStringLiteral("bucket")})
        for (const Node *node : model.nodesOfKind(kind))
            Aws::addServiceResources(model, node, ids, resources, output);

    model.reportUnexported(output, QStringLiteral("SAM"));

    const YAML::Node globals = globalsSection(cors);
    if (globals.size() > 0)
        root["Globals"] = globals;
    if (parameters.size() > 0)
        root["Parameters"] = parameters;
    root["Resources"] = resources;
    return root;
}

// ---- import ---------------------------------------------------------------

QString SamPlugin::formatName() const
{
    return tr("AWS SAM or CloudFormation template");
}

QStringList SamPlugin::fileNameFilters() const
{
    return {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json"), QStringLiteral("*.template")};
}

int SamPlugin::recognise(const QByteArray &content, const QString &fileName) const
{
    Q_UNUSED(fileName)
    if (content.contains("AWS::Serverless") || content.contains("AWSTemplateFormatVersion"))
        return 90;
    if (content.contains("Resources") && content.contains("AWS::") && !content.contains("provider:"))
        return 60;
    return 0;
}

namespace {

struct SamReader
{
    const ImportInput &input;
    ImportResult &result;
    ImportBuilder builder;
    QJsonObject ids;
    QJsonObject events;
    QHash<QString, QString> nodeOfResource; // logical id -> node name
    QSet<QString> secretParameters;
    YAML::Node globals;

    void note(Diagnostic::Severity severity, const QString &message) { result.note(severity, message); }

    QString addNode(const QString &kind, const QString &logicalId, const QJsonObject &properties)
    {
        const QString name = builder.addNode(kind, logicalId, properties);
        nodeOfResource.insert(logicalId, name);
        if (ExportModel::identifier(name) != logicalId)
            ids.insert(name, logicalId);
        return name;
    }

    YAML::Node property(const YAML::Node &properties, const char *key)
    {
        const YAML::Node own = Y::child(properties, key);
        return own.IsDefined() ? own : Y::child(Y::child(globals, "Function"), key);
    }

    void readFunction(const QString &id, const YAML::Node &p)
    {
        QJsonObject props;
        const QString runtime = Y::text(property(p, "Runtime"));
        const QString nearest = Aws::nearestRuntime(runtime);
        props.insert(QStringLiteral("runtime"), nearest.isEmpty() ? QStringLiteral("nodejs20.x") : nearest);
        if (nearest != runtime)
            note(
                Diagnostic::Severity::Warning,
                SamPlugin::tr("%1: the runtime %2 is shown as %3 (the studio runs Node.js 20/22 and Python 3.11/3.12); "
                              "the template keeps %2 unless you change it")
                    .arg(id, runtime.isEmpty() ? SamPlugin::tr("(none)") : runtime,
                         props.value(QStringLiteral("runtime")).toString()));
        const QString handler = Y::text(property(p, "Handler"));
        if (!handler.isEmpty())
            props.insert(QStringLiteral("handler"), handler);
        const YAML::Node codeUri = property(p, "CodeUri");
        QString source = Y::text(codeUri);
        if (codeUri.IsScalar() && codeUri.Tag() == "?" && !source.isEmpty()) {
            source = QDir::cleanPath(source);
            if (source == QLatin1String("."))
                source = QStringLiteral(".");
        } else {
            source = QStringLiteral("functions/") + id;
            note(Diagnostic::Severity::Warning,
                 SamPlugin::tr("%1: the code is not in a local folder (CodeUri); its source folder is set to %2")
                     .arg(id, source));
        }
        props.insert(QStringLiteral("source"), source);
        bool ok = false;
        if (const int memory = Y::text(property(p, "MemorySize")).toInt(&ok); ok)
            props.insert(QStringLiteral("memory"), memory);
        if (const int timeout = Y::text(property(p, "Timeout")).toInt(&ok); ok)
            props.insert(QStringLiteral("timeout"), timeout);
        const YAML::Node architectures = property(p, "Architectures");
        if (architectures.IsSequence() && architectures.size() > 0)
            props.insert(QStringLiteral("architecture"), Y::text(architectures[0]) == QLatin1String("arm64")
                                                             ? QStringLiteral("arm64")
                                                             : QStringLiteral("x86_64"));
        const QString description = Y::text(Y::child(p, "Description"));
        if (!description.isEmpty())
            props.insert(QStringLiteral("description"), description);
        if (const int reserved = Y::text(Y::child(p, "ReservedConcurrentExecutions")).toInt(&ok); ok)
            props.insert(QStringLiteral("reservedConcurrency"), reserved);
        addNode(QStringLiteral("function"), id, props);
    }

    void readEnvironment(const QString &id, const YAML::Node &p)
    {
        QJsonArray environment;
        QStringList seen;
        for (const YAML::Node &source :
             {Y::child(Y::child(p, "Environment"), "Variables"),
              Y::child(Y::child(Y::child(globals, "Function"), "Environment"), "Variables")}) {
            if (!source.IsMap())
                continue;
            for (auto it = source.begin(); it != source.end(); ++it) {
                const QString name = Y::text(it->first);
                if (seen.contains(name))
                    continue;
                seen.append(name);
                QJsonObject var{{QStringLiteral("name"), name}, {QStringLiteral("secret"), false}};
                const QString referenced = Aws::referencedId(it->second);
                if (it->second.IsScalar() && !it->second.Tag().empty() && it->second.Tag() != "?"
                    && it->second.Tag() != "!" && referenced.isEmpty()) {
                    var.insert(QStringLiteral("value"), QString());
                } else if (!referenced.isEmpty()) {
                    if (secretParameters.contains(referenced)) {
                        var.insert(QStringLiteral("secret"), true);
                        var.insert(QStringLiteral("value"), QString());
                    } else {
                        var.insert(QStringLiteral("value"), nodeOfResource.value(referenced, referenced));
                    }
                } else if (it->second.IsScalar()) {
                    var.insert(QStringLiteral("value"), Y::text(it->second));
                } else {
                    var.insert(QStringLiteral("value"), QString());
                }
                environment.append(var);
            }
        }
        if (!environment.isEmpty())
            builder.setProperty(nodeOfResource.value(id), QStringLiteral("environment"), environment);
    }

    // A connection from the function to what a policy statement names.
    void readAccess(const QString &function, const QString &resourceId, const QString &action)
    {
        const QString service = nodeOfResource.value(resourceId);
        const Node *node = builder.node(service);
        if (!node)
            return;
        const QString type = Aws::accessType(node->kind, action);
        if (node->kind == QLatin1String("queue") && type == QLatin1String("reads")
            && builder.hasEdge(service, function, QStringLiteral("invokes")))
            return;
        if (!type.isEmpty())
            builder.connect(function, service, type);
    }

    void readPolicies(const QString &id, const YAML::Node &p)
    {
        const QString function = nodeOfResource.value(id);
        const YAML::Node policies = Y::child(p, "Policies");
        if (!policies.IsSequence())
            return;
        static const QHash<QString, QStringList> templates = {
            {QStringLiteral("DynamoDBReadPolicy"), {QStringLiteral("dynamodb:GetItem")}},
            {QStringLiteral("DynamoDBWritePolicy"), {QStringLiteral("dynamodb:PutItem")}},
            {QStringLiteral("DynamoDBCrudPolicy"),
             {QStringLiteral("dynamodb:PutItem"), QStringLiteral("dynamodb:GetItem")}},
            {QStringLiteral("S3ReadPolicy"), {QStringLiteral("s3:GetObject")}},
            {QStringLiteral("S3WritePolicy"), {QStringLiteral("s3:PutObject")}},
            {QStringLiteral("S3CrudPolicy"), {QStringLiteral("s3:PutObject"), QStringLiteral("s3:GetObject")}},
            {QStringLiteral("SQSSendMessagePolicy"), {QStringLiteral("sqs:SendMessage")}},
            {QStringLiteral("SQSPollerPolicy"), {QStringLiteral("sqs:ReceiveMessage")}},
            {QStringLiteral("SNSPublishMessagePolicy"), {QStringLiteral("sns:Publish")}},
            {QStringLiteral("LambdaInvokePolicy"), {QStringLiteral("lambda:InvokeFunction")}},
        };
        for (const YAML::Node &policy : policies) {
            if (!policy.IsMap())
                continue;
            const YAML::Node statements = Y::child(policy, "Statement");
            if (statements.IsSequence()) {
                for (const YAML::Node &statement : statements) {
                    QStringList actions;
                    const YAML::Node action = Y::child(statement, "Action");
                    if (action.IsSequence())
                        for (const YAML::Node &a : action)
                            actions.append(Y::text(a));
                    else
                        actions.append(Y::text(action));
                    const QString resource = Aws::statementResourceId(Y::child(statement, "Resource"));
                    for (const QString &a : std::as_const(actions))
                        readAccess(function, resource, a);
                }
                continue;
            }
            for (auto it = policy.begin(); it != policy.end(); ++it) {
                const QString name = Y::text(it->first);
                if (!templates.contains(name))
                    continue;
                QString resource;
                for (auto arg = it->second.begin(); it->second.IsMap() && arg != it->second.end(); ++arg)
                    resource = Aws::referencedId(arg->second);
                for (const QString &a : templates.value(name))
                    readAccess(function, resource, a);
            }
        }
    }

    void readEvents(const QString &id, const YAML::Node &p, bool globalCors)
    {
        const QString function = nodeOfResource.value(id);
        const YAML::Node list = Y::child(p, "Events");
        if (!list.IsMap())
            return;
        for (auto it = list.begin(); it != list.end(); ++it) {
            const QString key = Y::text(it->first);
            const QString type = Y::text(Y::child(it->second, "Type"));
            const YAML::Node ep = Y::child(it->second, "Properties");
            QString trigger;
            auto recordEvent = [&](const QString &triggerName) {
                builder.connect(triggerName, function, QStringLiteral("invokes"));
                if (ExportModel::identifier(triggerName) != key)
                    events.insert(function + QLatin1Char('/') + triggerName, key);
            };
            if (type == QLatin1String("HttpApi") || type == QLatin1String("Api")) {
                QString method = Y::text(Y::child(ep, "Method")).toUpper();
                QString path = Y::text(Y::child(ep, "Path"));
                if (method.isEmpty())
                    method = QStringLiteral("ANY");
                if (path.isEmpty())
                    path = QStringLiteral("/{proxy+}");
                const bool rest = type == QLatin1String("Api")
                                  || Y::text(Y::child(ep, "PayloadFormatVersion")) == QLatin1String("1.0");
                const QString wanted = builder.hasNode(key) ? id + key : key;
                trigger = builder.addNode(
                    QStringLiteral("http-route"), wanted,
                    {{QStringLiteral("method"), method},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("payloadFormat"), rest ? QStringLiteral("1.0") : QStringLiteral("2.0")},
                     {QStringLiteral("cors"), globalCors && !rest}});
                recordEvent(trigger);
            } else if (type == QLatin1String("Schedule") || type == QLatin1String("ScheduleV2")) {
                QString expression = Y::text(Y::child(ep, "Schedule"));
                if (expression.isEmpty())
                    expression = Y::text(Y::child(ep, "ScheduleExpression"));
                const YAML::Node enabled = Y::child(ep, "Enabled");
                const YAML::Node state = Y::child(ep, "State");
                const bool on = enabled.IsDefined()
                                    ? Y::text(enabled).toLower() == QLatin1String("true")
                                    : !(state.IsDefined() && Y::text(state) == QLatin1String("DISABLED"));
                const QString wanted = builder.hasNode(key) ? id + key : key;
                trigger = builder.addNode(QStringLiteral("schedule"), wanted,
                                          {{QStringLiteral("expression"), expression},
                                           {QStringLiteral("enabled"), on},
                                           {QStringLiteral("description"), Y::text(Y::child(ep, "Description"))}});
                recordEvent(trigger);
            } else if (type == QLatin1String("SQS") || type == QLatin1String("SNS") || type == QLatin1String("S3")
                       || type == QLatin1String("DynamoDB")) {
                const char *field = type == QLatin1String("SQS")   ? "Queue"
                                    : type == QLatin1String("SNS") ? "Topic"
                                    : type == QLatin1String("S3")  ? "Bucket"
                                                                   : "Stream";
                trigger = nodeOfResource.value(Aws::referencedId(Y::child(ep, field)));
                if (trigger.isEmpty()) {
                    note(Diagnostic::Severity::Info, SamPlugin::tr("%1: the event %2 (%3) reads a resource outside the "
                                                                   "template; it is kept as written, not shown")
                                                         .arg(id, key, type));
                    continue;
                }
                recordEvent(trigger);
                if (type == QLatin1String("SQS")) {
                    bool ok = false;
                    const int batch = Y::text(Y::child(ep, "BatchSize")).toInt(&ok);
                    if (ok)
                        builder.setProperty(trigger, QStringLiteral("batchSize"), batch);
                } else if (type == QLatin1String("S3")) {
                    const QString first = Y::child(ep, "Events").IsSequence() ? Y::text(Y::child(ep, "Events")[0])
                                                                              : Y::text(Y::child(ep, "Events"));
                    const bool both = Y::child(ep, "Events").IsSequence() && Y::child(ep, "Events").size() > 1;
                    builder.setProperty(trigger, QStringLiteral("events"),
                                        both                                       ? QStringLiteral("All")
                                        : first.contains(QLatin1String("Removed")) ? QStringLiteral("ObjectRemoved")
                                                                                   : QStringLiteral("ObjectCreated"));
                    for (const YAML::Node &rule : Y::child(Y::child(Y::child(ep, "Filter"), "S3Key"), "Rules")) {
                        const QString name = Y::text(Y::child(rule, "Name")).toLower();
                        if (name == QLatin1String("prefix") || name == QLatin1String("suffix"))
                            builder.setProperty(trigger, name, Y::text(Y::child(rule, "Value")));
                    }
                } else if (type == QLatin1String("DynamoDB")) {
                    if (builder.node(trigger)->properties.value(QStringLiteral("stream")).toString()
                        == QLatin1String("NONE"))
                        builder.setProperty(trigger, QStringLiteral("stream"), QStringLiteral("NEW_AND_OLD_IMAGES"));
                }
            } else {
                note(Diagnostic::Severity::Info,
                     SamPlugin::tr("%1: the event %2 of type %3 is not modelled; it is kept as written, not shown")
                         .arg(id, key, type));
            }
        }
    }
};

} // namespace

bool SamPlugin::importFile(const ImportInput &input, ImportResult *result) const
{
    const Result<YAML::Node> loaded = Y::load(input.content, input.fileName);
    if (!loaded) {
        result->error = loaded.errorMessage();
        return false;
    }
    const YAML::Node &root = *loaded;
    const YAML::Node resources = Y::child(root, "Resources");
    if (!root.IsMap() || !resources.IsMap()) {
        result->error = tr("%1: not a CloudFormation template (it has no Resources mapping)").arg(input.fileName);
        return false;
    }

    SamReader reader{input, *result, ImportBuilder(*input.catalog), {}, {}, {}, {}, Y::child(root, "Globals")};
    const YAML::Node parameters = Y::child(root, "Parameters");
    for (auto it = parameters.begin(); parameters.IsMap() && it != parameters.end(); ++it)
        if (Y::text(Y::child(it->second, "NoEcho")).toLower() == QLatin1String("true"))
            reader.secretParameters.insert(Y::text(it->first));

    QMap<QString, int> unmodelled;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const QString id = Y::text(it->first);
        const std::string type = Y::text(Y::child(it->second, "Type")).toStdString();
        const YAML::Node p = Y::child(it->second, "Properties");
        if (type == "AWS::Serverless::Function") {
            reader.readFunction(id, p);
            continue;
        }
        const Aws::ImportedService service = Aws::readServiceResource(type, p);
        // A queue that only serves as another's dead-letter queue is part of it.
        if (service.kind == QLatin1String("queue") && id.endsWith(QLatin1String("DeadLetters"))
            && Y::has(resources, id.chopped(11).toStdString())) {
            continue;
        }
        if (service.kind.isEmpty()) {
            ++unmodelled[QString::fromStdString(type)];
            continue;
        }
        reader.addNode(service.kind, id, service.properties);
    }
    const bool globalCors = Y::child(Y::child(reader.globals, "HttpApi"), "CorsConfiguration").IsDefined();
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (Y::text(Y::child(it->second, "Type")) != QLatin1String("AWS::Serverless::Function"))
            continue;
        const QString id = Y::text(it->first);
        const YAML::Node p = Y::child(it->second, "Properties");
        reader.readEnvironment(id, p);
        reader.readEvents(id, p, globalCors);
        reader.readPolicies(id, p);
    }
    for (auto it = unmodelled.cbegin(); it != unmodelled.cend(); ++it)
        reader.note(
            Diagnostic::Severity::Info,
            tr("%1 resource(s) of type %2 are kept as written, not shown on the canvas").arg(it.value()).arg(it.key()));

    reader.builder.finish(result);

    // What export will compare against: the template generated from the canvas as
    // imported. Only what differs from it later is written over the original.
    result->origin.insert(QStringLiteral("file"), QFileInfo(input.fileName).fileName());
    result->origin.insert(QStringLiteral("text"), QString::fromUtf8(input.content));
    result->origin.insert(QStringLiteral("ids"), reader.ids);
    result->origin.insert(QStringLiteral("events"), reader.events);
    Architecture imported;
    imported.reset(result->nodes, result->edges);
    const ExportModel model(imported, *input.catalog);
    ExportOutput ignored;
    result->origin.insert(QStringLiteral("baseline"),
                          QString::fromUtf8(Y::dump(generate(model, Aws::LogicalIds(result->origin), ignored))));
    return true;
}

} // namespace Nimbus::Sam
