#include "awsworkflow.h"
#include "model/kinds.h"

#include "cloud/eventbus.h"
#include "export/routeauthorization.h"
#include "export/yaml.h"
#include "model/effectivepolicy.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

namespace {
using Y = Yaml;

YAML::Node policyDocument(const YAML::Node &statements)
{
    YAML::Node document(YAML::NodeType::Map);
    document["Version"] = Y::string("2012-10-17");
    document["Statement"] = statements;
    return document;
}

YAML::Node allow(const QStringList &actions, const YAML::Node &resource)
{
    YAML::Node statement(YAML::NodeType::Map);
    statement["Effect"] = Y::string("Allow");
    statement["Action"] = Y::sequence(actions);
    statement["Resource"] = resource;
    return statement;
}

// A role that service may assume, with one inline policy of statements.
YAML::Node role(const char *service, const QString &policyName, const YAML::Node &statements)
{
    YAML::Node policy(YAML::NodeType::Map);
    policy["PolicyName"] = Y::string(policyName);
    policy["PolicyDocument"] = policyDocument(statements);
    YAML::Node policies(YAML::NodeType::Sequence);
    policies.push_back(policy);
    YAML::Node p(YAML::NodeType::Map);
    p["AssumeRolePolicyDocument"] = assumeRole(service);
    p["Policies"] = policies;
    YAML::Node resource(YAML::NodeType::Map);
    resource["Type"] = Y::string("AWS::IAM::Role");
    resource["Properties"] = p;
    return resource;
}

YAML::Node samTemplate(const char *name, const char *key, const YAML::Node &value)
{
    YAML::Node parameters(YAML::NodeType::Map);
    parameters[key] = value;
    YAML::Node policy(YAML::NodeType::Map);
    policy[name] = parameters;
    return policy;
}

// A definition's string with its ${name} placeholders replaced by what they stand for: the
// value itself when the string is one placeholder, else Fn::Join of its parts. Serverless
// Framework would read a ${...} left in its file as one of its own variables.
YAML::Node substituted(const QString &text, const ExportWorkflow &w, const LogicalIds &ids)
{
    QList<YAML::Node> parts;
    QString literal;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype open = text.indexOf("${"_L1, at);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'}', open);
        const Node *node = nullptr;
        if (close > open)
            for (const Node *n : w.substitutions)
                if (n->name == QStringView(text).mid(open + 2, close - open - 2))
                    node = n;
        if (!node) {
            literal += QStringView(text).mid(at, open < 0 ? -1 : close < 0 ? -1 : close + 1 - at);
            at = open < 0 || close < 0 ? text.size() : close + 1;
            continue;
        }
        literal += QStringView(text).mid(at, open - at);
        if (!literal.isEmpty())
            parts.append(Y::string(literal));
        literal.clear();
        YAML::Node value = Workflows::substitutionValue(node, ids);
        // !Ref X / !GetAtt X.Y in the long form, as a JSON property's intrinsic function.
        const std::string tag = value.Tag();
        YAML::Node call(YAML::NodeType::Map);
        if (tag == "!GetAtt") {
            const QString target = Y::text(value);
            call["Fn::GetAtt"] = Y::sequence(target.split(u'.'));
        } else if (tag == "!Ref") {
            call["Ref"] = Y::string(Y::text(value));
        } else {
            call = value;
        }
        parts.append(call);
        at = close + 1;
    }
    if (!literal.isEmpty())
        parts.append(Y::string(literal));
    if (parts.size() == 1)
        return parts.first();
    YAML::Node list(YAML::NodeType::Sequence);
    for (const YAML::Node &part : std::as_const(parts))
        list.push_back(part);
    YAML::Node join(YAML::NodeType::Sequence);
    join.push_back(Y::string(""));
    join.push_back(list);
    YAML::Node result(YAML::NodeType::Map);
    result["Fn::Join"] = join;
    return result;
}

YAML::Node withIntrinsics(const YAML::Node &node, const ExportWorkflow &w, const LogicalIds &ids)
{
    if (node.IsMap()) {
        YAML::Node result(YAML::NodeType::Map);
        for (auto it = node.begin(); it != node.end(); ++it)
            result[it->first.Scalar()] = withIntrinsics(it->second, w, ids);
        return result;
    }
    if (node.IsSequence()) {
        YAML::Node result(YAML::NodeType::Sequence);
        for (const YAML::Node &item : node)
            result.push_back(withIntrinsics(item, w, ids));
        return result;
    }
    if (node.IsScalar() && Y::text(node).contains("${"_L1))
        return substituted(Y::text(node), w, ids);
    return node;
}
} // namespace

YAML::Node Workflows::substitutionValue(const Node *node, const LogicalIds &ids)
{
    const QString id = ids.of(node);
    if (node->kind == Kinds::Function)
        return getAtt(id, u"Arn"_s);
    if (node->kind == Kinds::EventBus)
        return EventBus::busName(*node) == "default"_L1 ? Y::string("default") : ref(id);
    // A queue's Ref is its URL, a topic's and a machine's their ARN, a table's its name.
    return ref(id);
}

YAML::Node Workflows::substitutions(const ExportWorkflow &w, const LogicalIds &ids)
{
    YAML::Node result(YAML::NodeType::Map);
    for (const Node *node : w.substitutions)
        result[node->name.toStdString()] = substitutionValue(node, ids);
    return result;
}

QList<IamStatement> Workflows::statements(const ExportWorkflow &w)
{
    QList<EffectivePolicy::Access> accesses;
    for (const FunctionAccess &access : w.accesses)
        accesses.append({access.service, access.type});
    QList<IamStatement> result;
    const EffectivePolicy policy(accesses, {});
    for (const PolicyStatement &s : policy.statements())
        result.append({s.actions, s.resource, s.attribute, s.suffix});
    return result;
}

// The SAM policy template for one connection of a machine; undefined when none says it.
static YAML::Node samTemplateFor(const FunctionAccess &access, const LogicalIds &ids)
{
    const Node *n = access.service;
    const QString id = ids.of(n);
    if (n->kind == Kinds::Function && access.type == "invokes"_L1)
        return samTemplate("LambdaInvokePolicy", "FunctionName", ref(id));
    if (n->kind == Kinds::Queue && access.type == "writes"_L1)
        return samTemplate("SQSSendMessagePolicy", "QueueName", getAtt(id, u"QueueName"_s));
    if (n->kind == Kinds::Topic && access.type == "publishes"_L1)
        return samTemplate("SNSPublishMessagePolicy", "TopicName", getAtt(id, u"TopicName"_s));
    if (n->kind == Kinds::Table && (access.type == "writes"_L1 || access.type == "reads"_L1))
        return samTemplate(access.type == "writes"_L1 ? "DynamoDBCrudPolicy" : "DynamoDBReadPolicy", "TableName",
                           ref(id));
    if (n->kind == Kinds::StateMachine && access.type == "starts"_L1)
        return samTemplate("StepFunctionsExecutionPolicy", "StateMachineName", getAtt(id, u"Name"_s));
    if (n->kind == Kinds::EventBus && access.type == "publishes"_L1)
        return samTemplate("EventBridgePutEventsPolicy", "EventBusName",
                           EventBus::busName(*n) == "default"_L1 ? Y::string("default") : ref(id));
    return YAML::Node();
}

YAML::Node Workflows::samPolicies(const ExportWorkflow &w, const LogicalIds &ids)
{
    YAML::Node policies(YAML::NodeType::Sequence);
    ExportWorkflow others; // the connections no policy template says
    for (const FunctionAccess &access : w.accesses) {
        if (const YAML::Node policy = samTemplateFor(access, ids); policy.IsMap())
            policies.push_back(policy);
        else
            others.accesses.append(access);
    }
    YAML::Node list(YAML::NodeType::Sequence);
    for (const IamStatement &s : statements(others))
        list.push_back(allow(s.actions, statementResource(s, ids)));
    if (list.size() > 0)
        policies.push_back(policyDocument(list));
    return policies;
}

YAML::Node Workflows::logDeliveryStatement()
{
    // What Step Functions' own documentation lists for logging to CloudWatch Logs.
    return allow({u"logs:CreateLogDelivery"_s, u"logs:GetLogDelivery"_s, u"logs:UpdateLogDelivery"_s,
                  u"logs:DeleteLogDelivery"_s, u"logs:ListLogDeliveries"_s, u"logs:PutResourcePolicy"_s,
                  u"logs:DescribeResourcePolicies"_s, u"logs:DescribeLogGroups"_s},
                 Y::string("*"));
}

YAML::Node Workflows::logging(const ExportWorkflow &w, const LogicalIds &ids, YAML::Node &resources)
{
    const QString level = settingText(w.node, "loggingLevel");
    if (level.isEmpty() || level == "OFF"_L1)
        return YAML::Node();
    const QString group = ids.of(w.node) + "Logs"_L1;
    YAML::Node gp(YAML::NodeType::Map);
    gp["LogGroupName"] = Y::string(u"/aws/vendedlogs/states/"_s + w.name);
    gp["RetentionInDays"] = Y::number(30);
    YAML::Node logGroup(YAML::NodeType::Map);
    logGroup["Type"] = Y::string("AWS::Logs::LogGroup");
    logGroup["Properties"] = gp;
    resources[group.toStdString()] = logGroup;
    YAML::Node destination(YAML::NodeType::Map);
    YAML::Node cloudWatch(YAML::NodeType::Map);
    cloudWatch["LogGroupArn"] = getAtt(group, u"Arn"_s);
    destination["CloudWatchLogsLogGroup"] = cloudWatch;
    YAML::Node destinations(YAML::NodeType::Sequence);
    destinations.push_back(destination);
    YAML::Node logging(YAML::NodeType::Map);
    logging["Level"] = Y::string(level);
    logging["IncludeExecutionData"] = Y::boolean(true);
    logging["Destinations"] = destinations;
    return logging;
}

void Workflows::addQueuePipe(const ExportWorkflow &w, const Node *queue, const LogicalIds &ids, YAML::Node &resources)
{
    const QString id = ids.of(w.node) + ids.of(queue) + "Pipe"_L1;
    YAML::Node statements(YAML::NodeType::Sequence);
    statements.push_back(allow({u"sqs:ReceiveMessage"_s, u"sqs:DeleteMessage"_s, u"sqs:GetQueueAttributes"_s},
                               getAtt(ids.of(queue), u"Arn"_s)));
    statements.push_back(allow({u"states:StartExecution"_s}, ref(ids.of(w.node))));
    resources[(id + "Role"_L1).toStdString()] = role("pipes.amazonaws.com", queue->name + "-pipe"_L1, statements);

    YAML::Node sqs(YAML::NodeType::Map);
    sqs["BatchSize"] = Y::number(1); // one execution per message, as the local cloud starts them
    YAML::Node source(YAML::NodeType::Map);
    source["SqsQueueParameters"] = sqs;
    YAML::Node machine(YAML::NodeType::Map);
    machine["InvocationType"] = Y::string("FIRE_AND_FORGET");
    YAML::Node target(YAML::NodeType::Map);
    target["StepFunctionStateMachineParameters"] = machine;
    YAML::Node p(YAML::NodeType::Map);
    p["RoleArn"] = getAtt(id + "Role"_L1, u"Arn"_s);
    p["Source"] = getAtt(ids.of(queue), u"Arn"_s);
    p["SourceParameters"] = source;
    p["Target"] = ref(ids.of(w.node));
    p["TargetParameters"] = target;
    YAML::Node pipe(YAML::NodeType::Map);
    pipe["Type"] = Y::string("AWS::Pipes::Pipe");
    pipe["Properties"] = p;
    resources[id.toStdString()] = pipe;
}

QList<QPair<QString, const Node *>> Workflows::machineVariables(const ExportFunction &f)
{
    QList<QPair<QString, const Node *>> result;
    for (const FunctionAccess &access : f.accesses) {
        if (access.type != "starts"_L1 || access.service->kind != Kinds::StateMachine)
            continue;
        const QString name = machineVariable(access.service->name);
        const bool declared = std::any_of(f.environment.cbegin(), f.environment.cend(),
                                          [&](const EnvironmentVariable &v) { return v.name == name; });
        if (!declared)
            result.append({name, access.service});
    }
    return result;
}

QString Workflows::machineVariable(const QString &machine)
{
    QString name = ExportModel::constantCase(machine);
    if (!name.endsWith("_STATE_MACHINE"_L1))
        name += "_STATE_MACHINE"_L1;
    return name + "_ARN"_L1;
}

void Workflows::reportStarter(const ExportWorkflow &w, const Node *starter, const QString &platform,
                              ExportOutput &output)
{
    output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
               tr("%1 starts the state machine %2, which %3 has no way to write; start it from a function or a "
                  "queue instead")
                   .arg(starter->name, w.node->name, platform),
               starter->id);
}

void Workflows::addRouteStarter(const ExportWorkflow &w, const Node *route, const YAML::Node &api,
                                const LogicalIds &ids, YAML::Node &resources)
{
    const QString machine = ids.of(w.node);
    const QString id = ids.of(route);
    YAML::Node statements(YAML::NodeType::Sequence);
    statements.push_back(allow({u"states:StartExecution"_s}, ref(machine)));
    resources[routeRoleId(id).toStdString()] = role("apigateway.amazonaws.com",
                                                    route->name + "-starts-"_L1 + w.node->name, statements);

    // API Gateway's first-class Step Functions integration: the machine's ARN and the
    // request's body as the execution's input; these integrations take payload 1.0 only.
    YAML::Node parameters(YAML::NodeType::Map);
    parameters["StateMachineArn"] = ref(machine);
    parameters["Input"] = Y::string("$request.body");
    YAML::Node ip(YAML::NodeType::Map);
    ip["ApiId"] = api;
    ip["IntegrationType"] = Y::string("AWS_PROXY");
    ip["IntegrationSubtype"] = Y::string("StepFunctions-StartExecution");
    ip["PayloadFormatVersion"] = Y::string("1.0");
    ip["CredentialsArn"] = getAtt(routeRoleId(id), u"Arn"_s);
    ip["RequestParameters"] = parameters;
    YAML::Node integration(YAML::NodeType::Map);
    integration["Type"] = Y::string("AWS::ApiGatewayV2::Integration");
    integration["Properties"] = ip;
    resources[routeIntegrationId(id).toStdString()] = integration;

    // integrations/<id> by Fn::Join: serverless.yml would read a ${...} of Fn::Sub as its own.
    YAML::Node parts(YAML::NodeType::Sequence);
    parts.push_back(Y::string("integrations"));
    YAML::Node integrationRef(YAML::NodeType::Map);
    integrationRef["Ref"] = Y::string(routeIntegrationId(id));
    parts.push_back(integrationRef);
    YAML::Node join(YAML::NodeType::Sequence);
    join.push_back(Y::string("/"));
    join.push_back(parts);
    YAML::Node target(YAML::NodeType::Map);
    target["Fn::Join"] = join;
    const QString method = settingText(route, "method");
    const QString path = settingText(route, "path");
    YAML::Node rp(YAML::NodeType::Map);
    rp["ApiId"] = api;
    rp["RouteKey"] = Y::string((method.isEmpty() ? u"GET"_s : method) + u' ' + (path.isEmpty() ? u"/"_s : path));
    rp["Target"] = target;
    YAML::Node r(YAML::NodeType::Map);
    r["Type"] = Y::string("AWS::ApiGatewayV2::Route");
    r["Properties"] = rp;
    resources[id.toStdString()] = r;
}

void Workflows::addCloudFormation(const ExportModel &model, const ExportWorkflow &w, const LogicalIds &ids,
                                  const YAML::Node &httpApi, YAML::Node &resources, ExportOutput &output)
{
    const QString id = ids.of(w.node);
    YAML::Node list(YAML::NodeType::Sequence);
    for (const IamStatement &s : statements(w))
        list.push_back(allow(s.actions, statementResource(s, ids)));
    YAML::Node p(YAML::NodeType::Map);
    p["StateMachineName"] = Y::string(w.name);
    p["StateMachineType"] = Y::string(w.type);
    p["Definition"] = withIntrinsics(jsonToYaml(QString::fromUtf8(w.text)), w, ids);
    p["RoleArn"] = getAtt(id + "Role"_L1, u"Arn"_s);
    if (const YAML::Node logging = Workflows::logging(w, ids, resources); logging.IsMap()) {
        p["LoggingConfiguration"] = logging;
        list.push_back(logDeliveryStatement());
    }
    if (settingBool(w.node, "tracing")) {
        YAML::Node tracing(YAML::NodeType::Map);
        tracing["Enabled"] = Y::boolean(true);
        p["TracingConfiguration"] = tracing;
        list.push_back(allow({u"xray:PutTraceSegments"_s, u"xray:PutTelemetryRecords"_s, u"xray:GetSamplingRules"_s,
                              u"xray:GetSamplingTargets"_s},
                             Y::string("*")));
    }
    if (list.size() == 0)
        list.push_back(allow({u"states:DescribeStateMachine"_s}, Y::string("*")));
    resources[(id + "Role"_L1).toStdString()] = role("states.amazonaws.com", w.node->name + "-access"_L1, list);
    YAML::Node machine(YAML::NodeType::Map);
    machine["Type"] = Y::string("AWS::StepFunctions::StateMachine");
    machine["Properties"] = p;
    resources[id.toStdString()] = machine;

    YAML::Node scheduleTargets(YAML::NodeType::Sequence);
    for (const Node *starter : w.starters) {
        if (starter->kind == Kinds::Queue) {
            addQueuePipe(w, starter, ids, resources);
        } else if (starter->kind == Kinds::Schedule) {
            YAML::Node target(YAML::NodeType::Map);
            target["Id"] = Y::string(id);
            target["Arn"] = ref(id);
            target["RoleArn"] = getAtt(id + "EventsRole"_L1, u"Arn"_s);
            YAML::Node targets(YAML::NodeType::Sequence);
            targets.push_back(target);
            YAML::Node rp(YAML::NodeType::Map);
            if (const QString description = model.string(starter, "description"); !description.isEmpty())
                rp["Description"] = Y::string(description);
            rp["ScheduleExpression"] = Y::string(model.string(starter, "expression"));
            rp["State"] = Y::string(model.boolean(starter, "enabled", true) ? "ENABLED" : "DISABLED");
            rp["Targets"] = targets;
            YAML::Node rule(YAML::NodeType::Map);
            rule["Type"] = Y::string("AWS::Events::Rule");
            rule["Properties"] = rp;
            resources[(id + ids.of(starter)).toStdString()] = rule;
            scheduleTargets.push_back(ref(id));
        } else if (starter->kind == Kinds::HttpRoute) {
            if (model.string(starter, "payloadFormat") == "1.0"_L1)
                output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                           tr("%1 starts the state machine %2 from the REST API (payload format 1.0), which "
                              "serverless.yml cannot attach a state machine to without the "
                              "serverless-step-functions plugin; it is not written. Set its payload format to 2.0 "
                              "(HTTP API) to export it")
                               .arg(starter->name, w.node->name),
                           starter->id, u"payloadFormat"_s);
            else if (RouteAuthorization(model).authorizer(starter))
                output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                           tr("%1 starts the state machine %2 behind an authorizer, which serverless.yml cannot "
                              "attach to a route of its own resources; the route is not written rather than "
                              "written open")
                               .arg(starter->name, w.node->name),
                           starter->id);
            else if (httpApi.IsDefined() && !httpApi.IsNull())
                addRouteStarter(w, starter, httpApi, ids, resources);
            else
                reportStarter(w, starter, u"CloudFormation"_s, output);
        } else if (starter->kind != Kinds::Function && starter->kind != Kinds::StateMachine
                   && starter->kind != Kinds::Rule) {
            reportStarter(w, starter, u"CloudFormation"_s, output);
        }
    }
    if (scheduleTargets.size() > 0) {
        YAML::Node events(YAML::NodeType::Sequence);
        events.push_back(allow({u"states:StartExecution"_s}, ref(id)));
        resources[(id + "EventsRole"_L1).toStdString()] = role("events.amazonaws.com", w.node->name + "-schedules"_L1,
                                                               events);
    }
}

} // namespace Nimbus::Aws
