#include "samplugin.h"
#include "model/kinds.h"

#include "awsauth.h"
#include "awscommon.h"
#include "awsfargate.h"
#include "awslayers.h"
#include "awsworkflow.h"
#include "awsworkflowimport.h"
#include "export/exportmodel.h"
#include "export/importbuilder.h"
#include "export/routeauthorization.h"
#include "export/yaml.h"
#include "model/catalog.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace Nimbus::Sam {

using Y = Yaml;

namespace {

const QString kTemplate = u"template.yaml"_s;

// A rule with one target, a state machine, on a bus and without a description: the
// machine's EventBridgeRule event.
bool isMachineRuleEvent(const Aws::ExportRule &rule)
{
    return rule.bus && rule.targets.size() == 1 && rule.targets.first()->kind == Kinds::StateMachine
           && Aws::settingText(rule.rule, "description").isEmpty();
}

YAML::Node bucketEvents(const QString &events)
{
    if (events == "ObjectRemoved"_L1)
        return Y::string("s3:ObjectRemoved:*");
    if (events == "All"_L1)
        return Y::sequence({u"s3:ObjectCreated:*"_s, u"s3:ObjectRemoved:*"_s});
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
        param["Description"] = Y::string(u"Secret %1 of the function %2"_s.arg(var.name, f.node->name));
        parameters[parameter.toStdString()] = param;
        variables[var.name.toStdString()] = Y::tagged("Ref", Y::string(parameter));
    }
    return variables;
}

// The Auth of a route's Api or HttpApi event: its authorizer and scopes, and on a REST API
// whether it needs an API key.
YAML::Node eventAuth(const RouteAuthorization &auth, const Node *route, bool rest)
{
    YAML::Node result(YAML::NodeType::Map);
    if (const ApiAuthorizer *authorizer = auth.authorizer(route)) {
        result["Authorizer"] = Y::string(authorizer->name);
        const QStringList scopes = RouteAuthorization::scopes(route);
        if (authorizer->type != ApiAuthorizer::Type::Function && !scopes.isEmpty())
            result["AuthorizationScopes"] = Y::sequence(scopes);
    }
    if (rest && auth.apiKeyRoutes().contains(route))
        result["ApiKeyRequired"] = Y::boolean(true);
    return result;
}

// An authorizer of the HTTP API (JWT or Lambda) or of the REST API (Cognito or Lambda
// REQUEST), as SAM's Auth.Authorizers takes it.
YAML::Node samAuthorizer(const ApiAuthorizer &authorizer, const Aws::LogicalIds &ids)
{
    YAML::Node a(YAML::NodeType::Map);
    if (authorizer.type == ApiAuthorizer::Type::Function) {
        a["FunctionArn"] = Y::tagged("GetAtt", Y::string(ids.of(authorizer.source) + ".Arn"_L1));
        if (authorizer.rest) {
            a["FunctionPayloadType"] = Y::string("REQUEST");
        } else {
            a["AuthorizerPayloadFormatVersion"] = Y::string("2.0");
            a["EnableSimpleResponses"] = Y::boolean(authorizer.simpleResponses);
            // Unlike a REST API's, an HTTP API's authorizer is not granted its invocation by default.
            a["EnableFunctionDefaultPermissions"] = Y::boolean(true);
        }
        a["Identity"] = Aws::samIdentity(authorizer);
        return a;
    }
    if (authorizer.rest) {
        a["UserPoolArn"] = Y::tagged("GetAtt", Y::string(ids.of(authorizer.source) + ".Arn"_L1));
        return a;
    }
    YAML::Node jwt(YAML::NodeType::Map);
    YAML::Node audience(YAML::NodeType::Sequence);
    if (authorizer.type == ApiAuthorizer::Type::UserPool) {
        jwt["issuer"] = Aws::userPoolIssuer(authorizer.source, ids);
        audience.push_back(Y::tagged("Ref", Y::string(Aws::userPoolClientId(authorizer.source, ids))));
    } else {
        jwt["issuer"] = Y::string(authorizer.issuer);
        for (const QString &a : authorizer.audiences)
            audience.push_back(Y::string(a));
    }
    jwt["audience"] = audience;
    a["IdentitySource"] = Y::string("$request.header.Authorization");
    a["JwtConfiguration"] = jwt;
    return a;
}

// The Auth of the HTTP API (rest false) or the REST API: its authorizers, and the REST
// API's usage plan when a route needs a key.
YAML::Node apiAuth(const RouteAuthorization &auth, const Aws::LogicalIds &ids, bool rest)
{
    YAML::Node result(YAML::NodeType::Map);
    YAML::Node authorizers(YAML::NodeType::Map);
    for (const ApiAuthorizer &authorizer : auth.authorizers())
        if (authorizer.rest == rest)
            authorizers[authorizer.name.toStdString()] = samAuthorizer(authorizer, ids);
    if (authorizers.size() > 0)
        result["Authorizers"] = authorizers;
    if (rest && !auth.apiKeyRoutes().isEmpty()) {
        const RouteAuthorization::UsagePlan plan = auth.usagePlan();
        YAML::Node usagePlan(YAML::NodeType::Map);
        usagePlan["CreateUsagePlan"] = Y::string("PER_API");
        YAML::Node throttle(YAML::NodeType::Map);
        throttle["RateLimit"] = Y::number(plan.rate);
        throttle["BurstLimit"] = Y::number(plan.burst);
        usagePlan["Throttle"] = throttle;
        if (plan.quota > 0) {
            YAML::Node quota(YAML::NodeType::Map);
            quota["Limit"] = Y::number(plan.quota);
            quota["Period"] = Y::string("DAY");
            usagePlan["Quota"] = quota;
        }
        result["UsagePlan"] = usagePlan;
    }
    return result;
}

// The Events of a state machine: routes (Api), schedules and single-target rules; a
// queue starts it through a pipe, a topic cannot (reported).
YAML::Node machineEvents(const ExportModel &model, const ExportWorkflow &w, const Aws::LogicalIds &ids,
                         const QList<Aws::ExportRule> &rules, YAML::Node &resources, ExportOutput &output)
{
    YAML::Node events(YAML::NodeType::Map);
    for (const Node *starter : w.starters) {
        YAML::Node event(YAML::NodeType::Map);
        YAML::Node ep(YAML::NodeType::Map);
        if (starter->kind == Kinds::HttpRoute) {
            // SAM's state machines take REST API events only (no HttpApi).
            if (model.string(starter, "payloadFormat") != "1.0"_L1)
                output.add(Diagnostic::Severity::Warning, u"export-route"_s,
                           SamPlugin::tr("%1 starts the state machine %2: SAM writes it on the REST API (Api "
                                         "event), which state machines take, not on the HTTP API")
                               .arg(starter->name, w.node->name),
                           starter->id, u"payloadFormat"_s);
            event["Type"] = Y::string("Api");
            ep["Path"] = Y::string(model.string(starter, "path", u"/"_s));
            const QString method = model.string(starter, "method", u"POST"_s);
            ep["Method"] = Y::string(method == "ANY"_L1 ? u"ANY"_s : method.toLower());
        } else if (starter->kind == Kinds::Schedule) {
            event["Type"] = Y::string("Schedule");
            ep["Schedule"] = Y::string(model.string(starter, "expression"));
            ep["Enabled"] = Y::boolean(model.boolean(starter, "enabled", true));
            if (const QString description = model.string(starter, "description"); !description.isEmpty())
                ep["Description"] = Y::string(description);
        } else if (starter->kind == Kinds::Queue) {
            Aws::Workflows::addQueuePipe(w, starter, ids, resources);
            continue;
        } else if (starter->kind == Kinds::Rule) {
            const auto rule = std::find_if(rules.cbegin(), rules.cend(),
                                           [&](const Aws::ExportRule &r) { return r.rule == starter; });
            if (rule == rules.cend() || !isMachineRuleEvent(*rule))
                continue; // an AWS::Events::Rule of its own (addEventResources)
            const YAML::Node pattern = Aws::rulePattern(starter, output);
            if (!pattern.IsDefined())
                continue;
            event["Type"] = Y::string("EventBridgeRule");
            ep["Pattern"] = pattern;
            if (Aws::settingText(rule->bus, "busName") != "default"_L1)
                ep["EventBusName"] = Y::tagged("Ref", Y::string(ids.of(rule->bus)));
            Aws::addRuleTargetSettings(ep, starter, model, ids, output);
            if (!Aws::settingBool(starter, "enabled"))
                ep["State"] = Y::string("DISABLED");
        } else {
            if (starter->kind != Kinds::Function && starter->kind != Kinds::StateMachine)
                Aws::Workflows::reportStarter(w, starter, u"SAM"_s, output);
            continue;
        }
        event["Properties"] = ep;
        events[ids.event(w.node, starter).toStdString()] = event;
    }
    return events;
}

// An AWS::Serverless::StateMachine with its definition file beside the template.
void addStateMachine(const ExportModel &model, const ExportWorkflow &w, const Aws::LogicalIds &ids,
                     const QList<Aws::ExportRule> &rules, YAML::Node &resources, ExportOutput &output)
{
    YAML::Node p(YAML::NodeType::Map);
    p["Name"] = Y::string(w.name);
    p["Type"] = Y::string(w.type);
    p["DefinitionUri"] = Y::string(w.path);
    if (w.error.isEmpty())
        output.addFile(w.path, w.text);
    if (const YAML::Node substitutions = Aws::Workflows::substitutions(w, ids); substitutions.size() > 0)
        p["DefinitionSubstitutions"] = substitutions;
    YAML::Node policies = Aws::Workflows::samPolicies(w, ids);
    if (const YAML::Node logging = Aws::Workflows::logging(w, ids, resources); logging.IsMap()) {
        p["Logging"] = logging;
        YAML::Node statements(YAML::NodeType::Sequence);
        statements.push_back(Aws::Workflows::logDeliveryStatement());
        YAML::Node document(YAML::NodeType::Map);
        document["Version"] = Y::string("2012-10-17");
        document["Statement"] = statements;
        policies.push_back(document);
    }
    if (policies.size() > 0)
        p["Policies"] = policies;
    if (Aws::settingBool(w.node, "tracing")) {
        YAML::Node tracing(YAML::NodeType::Map);
        tracing["Enabled"] = Y::boolean(true);
        p["Tracing"] = tracing;
    }
    if (const YAML::Node events = machineEvents(model, w, ids, rules, resources, output); events.size() > 0)
        p["Events"] = events;
    YAML::Node resource(YAML::NodeType::Map);
    resource["Type"] = Y::string("AWS::Serverless::StateMachine");
    resource["Properties"] = p;
    resources[ids.of(w.node).toStdString()] = resource;
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
                                    const Aws::LogicalIds &ids, const RouteAuthorization &auth, Cors &cors,
                                    ExportOutput &output)
{
    YAML::Node event(YAML::NodeType::Map);
    YAML::Node ep(YAML::NodeType::Map);
    const QString triggerId = ids.of(trigger);
    if (trigger->kind == Kinds::HttpRoute) {
        const bool rest = model.string(trigger, "payloadFormat") == "1.0"_L1;
        event["Type"] = Y::string(rest ? "Api" : "HttpApi");
        ep["Path"] = Y::string(model.string(trigger, "path", u"/"_s));
        const QString method = model.string(trigger, "method", u"GET"_s);
        ep["Method"] = Y::string(method == "ANY"_L1 ? u"ANY"_s : method.toLower());
        if (model.boolean(trigger, "cors")) {
            if (rest)
                cors.rest = true;
            else if (!cors.httpMethods.contains(method))
                cors.httpMethods.append(method);
        }
        if (const YAML::Node routeAuth = eventAuth(auth, trigger, rest); routeAuth.size() > 0)
            ep["Auth"] = routeAuth;
    } else if (trigger->kind == Kinds::Queue) {
        event["Type"] = Y::string("SQS");
        ep["Queue"] = Y::tagged("GetAtt", Y::string(triggerId + ".Arn"_L1));
        ep["BatchSize"] = Y::number(model.integer(trigger, "batchSize", 10));
        if (const int window = Aws::settingInt(trigger, "batchingWindow"); window > 0) {
            if (Aws::settingBool(trigger, "fifo"))
                output.add(
                    Diagnostic::Severity::Warning, u"export-batching-window"_s,
                    tr("%1: Lambda has no batching window for FIFO queues; it is not exported").arg(trigger->name),
                    trigger->id, u"batchingWindow"_s);
            else
                ep["MaximumBatchingWindowInSeconds"] = Y::number(window);
        }
        if (Aws::hasSetting(trigger, "maxConcurrency")) {
            YAML::Node scaling(YAML::NodeType::Map);
            scaling["MaximumConcurrency"] = Y::number(Aws::settingInt(trigger, "maxConcurrency"));
            ep["ScalingConfig"] = scaling;
        }
        if (const YAML::Node criteria = Aws::lambdaFilterCriteria(trigger, output); criteria.IsDefined())
            ep["FilterCriteria"] = criteria;
        if (Aws::settingBool(trigger, "reportBatchItemFailures"))
            ep["FunctionResponseTypes"] = Y::sequence({u"ReportBatchItemFailures"_s});
    } else if (trigger->kind == Kinds::Topic) {
        event["Type"] = Y::string("SNS");
        ep["Topic"] = Y::tagged("Ref", Y::string(triggerId));
        Aws::addFilterPolicy(ep, Aws::subscriptionOf(model, trigger, f.node), "FilterPolicy", "FilterPolicyScope",
                             output);
    } else if (trigger->kind == Kinds::Bucket) {
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
    } else if (trigger->kind == Kinds::Table) {
        event["Type"] = Y::string("DynamoDB");
        ep["Stream"] = Y::tagged("GetAtt", Y::string(triggerId + ".StreamArn"_L1));
        ep["StartingPosition"] = Y::string(Aws::settingText(trigger, "startingPosition"));
        ep["BatchSize"] = Y::number(Aws::settingInt(trigger, "batchSize"));
        if (const int window = Aws::settingInt(trigger, "batchingWindow"); window > 0)
            ep["MaximumBatchingWindowInSeconds"] = Y::number(window);
        if (Aws::settingBool(trigger, "bisectOnError"))
            ep["BisectBatchOnFunctionError"] = Y::boolean(true);
        if (Aws::hasSetting(trigger, "maximumRetryAttempts"))
            ep["MaximumRetryAttempts"] = Y::number(Aws::settingInt(trigger, "maximumRetryAttempts"));
        if (Aws::hasSetting(trigger, "maximumRecordAge"))
            ep["MaximumRecordAgeInSeconds"] = Y::number(Aws::settingInt(trigger, "maximumRecordAge"));
        if (const YAML::Node criteria = Aws::lambdaFilterCriteria(trigger, output); criteria.IsDefined())
            ep["FilterCriteria"] = criteria;
        if (Aws::settingBool(trigger, "reportBatchItemFailures"))
            ep["FunctionResponseTypes"] = Y::sequence({u"ReportBatchItemFailures"_s});
        // Records a batch gives up on go where the function's failed invocations go, when
        // a stream can send there (a queue or a topic).
        if (const Node *failure = Aws::streamFailureDestination(f, trigger, output)) {
            YAML::Node onFailure(YAML::NodeType::Map);
            onFailure["Destination"] = Aws::resourceArn(failure, ids);
            YAML::Node destination(YAML::NodeType::Map);
            destination["OnFailure"] = onFailure;
            ep["DestinationConfig"] = destination;
        }
        if (model.string(trigger, "stream", u"NONE"_s) == "NONE"_L1)
            output.add(Diagnostic::Severity::Error, u"export-stream"_s,
                       tr("%1 invokes %2 but has no stream").arg(trigger->name, f.node->name), trigger->id,
                       u"stream"_s);
    } else if (trigger->kind == Kinds::Schedule) {
        event["Type"] = Y::string("Schedule");
        ep["Schedule"] = Y::string(model.string(trigger, "expression"));
        ep["Enabled"] = Y::boolean(model.boolean(trigger, "enabled", true));
        const QString description = model.string(trigger, "description");
        if (!description.isEmpty())
            ep["Description"] = Y::string(description);
    } else {
        reportUnsupportedTrigger(trigger, output,
                                 tr("%1 (%2) cannot invoke a function in a SAM template; it is not exported"));
        return YAML::Node();
    }
    event["Properties"] = ep;
    return event;
}

// The Globals section: CORS of the APIs whose routes ask for it, and their authorizers.
YAML::Node SamPlugin::globalsSection(const Cors &cors, const RouteAuthorization &auth, const Aws::LogicalIds &ids)
{
    YAML::Node globals(YAML::NodeType::Map);
    YAML::Node api(YAML::NodeType::Map);
    if (cors.rest) {
        // The implicit REST API answers preflight requests from any origin.
        api["Cors"] = Y::string("'*'");
    }
    if (const YAML::Node restAuth = apiAuth(auth, ids, true); restAuth.size() > 0)
        api["Auth"] = restAuth;
    if (api.size() > 0)
        globals["Api"] = api;
    YAML::Node httpApi(YAML::NodeType::Map);
    if (!cors.httpMethods.isEmpty()) {
        QStringList methods = cors.httpMethods;
        methods.sort();
        YAML::Node configuration(YAML::NodeType::Map);
        configuration["AllowOrigins"] = Y::sequence({u"*"_s});
        configuration["AllowMethods"] = Y::sequence(methods);
        configuration["AllowHeaders"] = Y::sequence({u"*"_s});
        httpApi["CorsConfiguration"] = configuration;
    }
    if (const YAML::Node httpAuth = apiAuth(auth, ids, false); httpAuth.size() > 0)
        httpApi["Auth"] = httpAuth;
    if (httpApi.size() > 0)
        globals["HttpApi"] = httpApi;
    return globals;
}

namespace {

void write(const ProviderPlugin &, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const Aws::LogicalIds ids(input.origin);
    const YAML::Node generated = SamPlugin::generate(model, ids, output);

    Aws::addMergedFile(input.origin, kTemplate, generated,
                       SamPlugin::tr("the imported template cannot be read back (%1); the template is written anew"),
                       output);
    for (ExportFile &file : output.files)
        if (file.path == kTemplate)
            file.content = Aws::commentUserPools(file.content, model, ids);
    model.copySources(output, input.projectDirectory);
    Aws::copyLayers(model, output, input.projectDirectory);
}

int recogniseTemplate(const QByteArray &content, const QString &fileName)
{
    Q_UNUSED(fileName)
    if (content.contains("AWS::Serverless") || content.contains("AWSTemplateFormatVersion"))
        return 90;
    if (content.contains("Resources") && content.contains("AWS::") && !content.contains("provider:"))
        return 60;
    return 0;
}

} // namespace

SamPlugin::SamPlugin()
    : ImportingProviderPlugin(Aws::lambdaTarget(u"sam"_s, u"AWS SAM"_s,
                                                QT_TR_NOOP("template.yaml for the AWS Serverless Application Model "
                                                           "(sam deploy), with the code folders")),
                              write,
                              {QT_TR_NOOP("AWS SAM or CloudFormation template"),
                               {u"*.yaml"_s, u"*.yml"_s, u"*.json"_s, u"*.template"_s},
                               recogniseTemplate})
{ }

YAML::Node SamPlugin::generate(const ExportModel &model, const Aws::LogicalIds &ids, ExportOutput &output)
{
    YAML::Node root(YAML::NodeType::Map);
    root["AWSTemplateFormatVersion"] = Y::string("2010-09-09");
    root["Transform"] = Y::string("AWS::Serverless-2016-10-31");

    YAML::Node parameters(YAML::NodeType::Map);
    YAML::Node resources(YAML::NodeType::Map);
    Cors cors;
    const RouteAuthorization auth(model);
    // A rule with one function target is the function's EventBridgeRule event, which has
    // no description: any other is an AWS::Events::Rule of its own.
    const QList<Aws::ExportRule> rules = Aws::exportRules(model);
    const auto isRuleEvent = [](const Aws::ExportRule &rule) {
        return (rule.bus && rule.isFunctionEvent() && Aws::settingText(rule.rule, "description").isEmpty())
               || isMachineRuleEvent(rule);
    };

    for (const ExportFunction &f : model.functions()) {
        const QString id = ids.of(f.node);
        YAML::Node p(YAML::NodeType::Map);
        p["CodeUri"] = Y::string(f.source);
        // SAM builds a Go function's bootstrap (sam build), which is then its handler.
        p["Handler"] = Y::string(f.goSource ? u"bootstrap"_s : f.handler);
        p["Runtime"] = Y::string(f.runtime);
        p["Architectures"] = Y::sequence({Aws::lambdaArchitecture(f.architecture)});
        if (const QList<const Node *> layers = Aws::layersOf(model, f); !layers.isEmpty()) {
            YAML::Node refs(YAML::NodeType::Sequence);
            for (const Node *layer : layers)
                refs.push_back(Aws::ref(ids.of(layer)));
            p["Layers"] = refs;
        }
        Aws::addLambdaSettings(p, f, {"MemorySize", "Timeout", "Description", "ReservedConcurrentExecutions"});
        if (const std::optional<Aws::FunctionUrlSettings> url = Aws::functionUrl(f)) {
            YAML::Node config(YAML::NodeType::Map);
            config["AuthType"] = Y::string(url->authType);
            config["InvokeMode"] = Y::string(url->invokeMode);
            if (!url->origins.isEmpty()) {
                YAML::Node corsConfig(YAML::NodeType::Map);
                corsConfig["AllowOrigins"] = Y::sequence(url->origins);
                config["Cors"] = corsConfig;
            }
            p["FunctionUrlConfig"] = config;
        }
        const auto machines = Aws::Workflows::machineVariables(f);
        if (!f.environment.isEmpty() || !machines.isEmpty()) {
            YAML::Node environment(YAML::NodeType::Map);
            YAML::Node variables = environmentVariables(model, f, id, ids, parameters);
            for (const auto &[name, machine] : machines)
                variables[name.toStdString()] = Y::tagged("Ref", Y::string(ids.of(machine)));
            environment["Variables"] = variables;
            p["Environment"] = environment;
        }
        if (!Aws::iamStatements(f).isEmpty()) {
            YAML::Node policies(YAML::NodeType::Sequence);
            policies.push_back(policyDocument(f, ids));
            p["Policies"] = policies;
        }

        YAML::Node events(YAML::NodeType::Map);
        for (const Node *trigger : f.triggers) {
            const YAML::Node event = functionEvent(model, f, trigger, ids, auth, cors, output);
            if (event.IsMap())
                events[ids.event(f.node, trigger).toStdString()] = event;
        }
        for (const Aws::ExportRule &rule : rules) {
            if (!isRuleEvent(rule) || rule.targets.first() != f.node)
                continue;
            YAML::Node ep(YAML::NodeType::Map);
            const YAML::Node pattern = Aws::rulePattern(rule.rule, output);
            if (!pattern.IsDefined())
                continue;
            ep["Pattern"] = pattern;
            if (Aws::settingText(rule.bus, "busName") != "default"_L1)
                ep["EventBusName"] = Y::tagged("Ref", Y::string(ids.of(rule.bus)));
            Aws::addRuleTargetSettings(ep, rule.rule, model, ids, output);
            if (!Aws::settingBool(rule.rule, "enabled"))
                ep["State"] = Y::string("DISABLED");
            YAML::Node event(YAML::NodeType::Map);
            event["Type"] = Y::string("EventBridgeRule");
            event["Properties"] = ep;
            events[ids.event(f.node, rule.rule).toStdString()] = event;
        }
        if (events.size() > 0)
            p["Events"] = events;
        const Aws::Destinations destinations = Aws::destinations(f, output);
        if (destinations.onSuccess || destinations.onFailure || Aws::hasAsyncSettings(f)) {
            YAML::Node config(YAML::NodeType::Map);
            config["MaximumRetryAttempts"] = Y::number(Aws::settingInt(f.node, "maximumRetryAttempts"));
            config["MaximumEventAgeInSeconds"] = Y::number(Aws::settingInt(f.node, "maximumEventAge"));
            YAML::Node destinationConfig(YAML::NodeType::Map);
            for (const auto &[key, node] :
                 {std::pair{"OnSuccess", destinations.onSuccess}, std::pair{"OnFailure", destinations.onFailure}}) {
                if (!node)
                    continue;
                YAML::Node destination(YAML::NodeType::Map);
                destination["Type"] = Y::string(Aws::destinationType(node));
                destination["Destination"] = Aws::resourceArn(node, ids);
                destinationConfig[key] = destination;
            }
            if (destinationConfig.size() > 0)
                config["DestinationConfig"] = destinationConfig;
            p["EventInvokeConfig"] = config;
        }

        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::Serverless::Function");
        if (f.goSource) {
            YAML::Node metadata(YAML::NodeType::Map);
            metadata["BuildMethod"] = Y::string("go1.x");
            resource["Metadata"] = metadata;
        }
        resource["Properties"] = p;
        resources[id.toStdString()] = resource;
    }

    for (const QString &kind : {u"queue"_s, u"topic"_s, u"table"_s, u"bucket"_s})
        for (const Node *node : model.nodesOfKind(kind))
            Aws::addServiceResources(model, node, ids, resources, output);
    Aws::addEventResources(model, ids, resources, output, isRuleEvent, Aws::busRulesArn);
    Aws::addSubscriptionResources(model, ids, resources, output);
    for (const Node *pool : model.nodesOfKind(Kinds::UserPool))
        Aws::addUserPoolResources(pool, ids, resources, output);
    Aws::addSecretResources(model, ids, resources, output);
    for (const ExportWorkflow &w : model.workflows())
        addStateMachine(model, w, ids, rules, resources, output);
    for (const Aws::ExportLayer &layer : Aws::exportLayers(model)) {
        YAML::Node p(YAML::NodeType::Map);
        p["LayerName"] = Y::string(layer.name);
        if (!layer.description.isEmpty())
            p["Description"] = Y::string(layer.description);
        p["ContentUri"] = Y::string(layer.folder);
        if (!layer.runtimes.isEmpty())
            p["CompatibleRuntimes"] = Y::sequence(layer.runtimes);
        if (!layer.architecture.isEmpty())
            p["CompatibleArchitectures"] = Y::sequence({layer.architecture});
        if (!layer.license.isEmpty())
            p["LicenseInfo"] = Y::string(layer.license);
        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::Serverless::LayerVersion");
        resource["Properties"] = p;
        resources[ids.of(layer.node).toStdString()] = resource;
    }

    Aws::addFargateResources(model, ids, parameters, resources, output);
    Aws::reportUnexported(model, output, u"SAM"_s, {Kinds::Container});
    auth.reportAwsLimits(output, u"SAM"_s);

    const YAML::Node globals = globalsSection(cors, auth, ids);
    if (globals.size() > 0)
        root["Globals"] = globals;
    if (parameters.size() > 0)
        root["Parameters"] = parameters;
    root["Resources"] = resources;
    return root;
}

// ---- import ---------------------------------------------------------------

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
    YAML::Node resources;
    Aws::EventReader *eventReader = nullptr;

    void note(Diagnostic::Severity severity, const QString &message) { result.note(severity, message); }
    // Warns of the settings of a function's event that the import does not read.
    void noteUnread(const QString &function, const QString &event, const QString &type, const YAML::Node &settings,
                    std::initializer_list<const char *> read)
    {
        const QStringList unread = Aws::unreadKeys(settings, read);
        if (!unread.isEmpty())
            note(Diagnostic::Severity::Warning,
                 SamPlugin::tr("%1: the event %2 (%3) sets %4, which Nimbus does not model; the local cloud runs the "
                               "trigger without it")
                     .arg(function, event, type, unread.join(", "_L1)));
    }

    QString addNode(const QString &kind, const QString &logicalId, const QJsonObject &properties,
                    const QString &wantedName = {})
    {
        const QString name = builder.addNode(kind, wantedName.isEmpty() ? logicalId : wantedName, properties);
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
        props.insert(u"runtime"_s, nearest.isEmpty() ? u"nodejs20.x"_s : nearest);
        if (nearest != runtime)
            note(
                Diagnostic::Severity::Warning,
                SamPlugin::tr("%1: the runtime %2 is shown as %3 (the studio runs Node.js 20/22 and Python 3.11/3.12); "
                              "the template keeps %2 unless you change it")
                    .arg(id, runtime.isEmpty() ? SamPlugin::tr("(none)") : runtime,
                         props.value(u"runtime"_s).toString()));
        const QString handler = Y::text(property(p, "Handler"));
        if (!handler.isEmpty())
            props.insert(u"handler"_s, handler);
        const YAML::Node codeUri = property(p, "CodeUri");
        QString source = Y::text(codeUri);
        if (codeUri.IsScalar() && codeUri.Tag() == "?" && !source.isEmpty()) {
            source = QDir::cleanPath(source);
            if (source == "."_L1)
                source = u"."_s;
        } else {
            source = u"functions/"_s + id;
            note(Diagnostic::Severity::Warning,
                 SamPlugin::tr("%1: the code is not in a local folder (CodeUri); its source folder is set to %2")
                     .arg(id, source));
        }
        props.insert(u"source"_s, source);
        bool ok = false;
        if (const int memory = Y::text(property(p, "MemorySize")).toInt(&ok); ok)
            props.insert(u"memory"_s, memory);
        if (const int timeout = Y::text(property(p, "Timeout")).toInt(&ok); ok)
            props.insert(u"timeout"_s, timeout);
        const YAML::Node architectures = property(p, "Architectures");
        if (architectures.IsSequence() && architectures.size() > 0)
            props.insert(u"architecture"_s, Y::text(architectures[0]) == "arm64"_L1 ? u"arm64"_s : u"x86_64"_s);
        const QString description = Y::text(Y::child(p, "Description"));
        if (!description.isEmpty())
            props.insert(u"description"_s, description);
        if (const int reserved = Y::text(Y::child(p, "ReservedConcurrentExecutions")).toInt(&ok); ok)
            props.insert(u"reservedConcurrency"_s, reserved);
        addNode(u"function"_s, id, props);
    }

    // The function's Layers (its own, else the Globals'): the template's layers become
    // extends connections, in the order listed; a layer from elsewhere (an ARN) is noted.
    void readLayers(const QString &id, const YAML::Node &p)
    {
        const YAML::Node layers = property(p, "Layers");
        const QString function = nodeOfResource.value(id);
        for (std::size_t i = 0; layers.IsSequence() && i < layers.size(); ++i) {
            const QString referenced = Aws::referencedId(layers[i]);
            const QString layer = nodeOfResource.value(referenced);
            const Node *node = layer.isEmpty() ? nullptr : builder.node(layer);
            if (node && node->kind == Kinds::Layer) {
                builder.connect(layer, function, u"extends"_s);
                continue;
            }
            note(Diagnostic::Severity::Info,
                 SamPlugin::tr("%1: the layer %2 is not one of the template's; it is kept as written, not shown")
                     .arg(id, referenced.isEmpty() ? Y::text(layers[i]) : referenced));
        }
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
                QJsonObject var{{u"name"_s, name}, {u"secret"_s, false}};
                const QString referenced = Aws::referencedId(it->second);
                if (it->second.IsScalar() && !it->second.Tag().empty() && it->second.Tag() != "?"
                    && it->second.Tag() != "!" && referenced.isEmpty()) {
                    var.insert(u"value"_s, QString());
                } else if (!referenced.isEmpty()) {
                    if (secretParameters.contains(referenced)) {
                        var.insert(u"secret"_s, true);
                        var.insert(u"value"_s, QString());
                    } else {
                        var.insert(u"value"_s, nodeOfResource.value(referenced, referenced));
                    }
                } else if (it->second.IsScalar()) {
                    var.insert(u"value"_s, Y::text(it->second));
                } else {
                    var.insert(u"value"_s, QString());
                }
                environment.append(var);
            }
        }
        if (!environment.isEmpty())
            builder.setProperty(nodeOfResource.value(id), u"environment"_s, environment);
    }

    // A connection from the function to what a policy statement names.
    void readAccess(const QString &function, const QString &service, const QString &action)
    {
        const Node *node = builder.node(service);
        if (!node)
            return;
        const QString type = Aws::accessType(node->kind, action);
        if (node->kind == Kinds::Queue && type == "reads"_L1 && builder.hasEdge(service, function, u"invokes"_s))
            return;
        if (!type.isEmpty())
            builder.connect(function, service, type);
    }

    QString kindOf(const QString &nodeName)
    {
        const Node *node = builder.node(nodeName);
        return node ? node->kind : QString();
    }

    QStringList destinationsOf(const QString &function)
    {
        return builder.targets(function, u"on-success"_s) + builder.targets(function, u"on-failure"_s);
    }

    // The function's asynchronous retries, event age and destinations.
    void readEventInvokeConfig(const QString &id, const YAML::Node &p)
    {
        const QString function = nodeOfResource.value(id);
        const YAML::Node config = property(p, "EventInvokeConfig");
        if (!config.IsMap())
            return;
        bool ok = false;
        if (const int n = Y::text(Y::child(config, "MaximumRetryAttempts")).toInt(&ok); ok)
            builder.setProperty(function, u"maximumRetryAttempts"_s, n);
        if (const int n = Y::text(Y::child(config, "MaximumEventAgeInSeconds")).toInt(&ok); ok)
            builder.setProperty(function, u"maximumEventAge"_s, n);
        const YAML::Node destinations = Y::child(config, "DestinationConfig");
        for (const auto &[key, type] : {std::pair{"OnSuccess", "on-success"}, std::pair{"OnFailure", "on-failure"}}) {
            const YAML::Node destination = Y::child(destinations, key);
            if (!destination.IsDefined())
                continue;
            const QString node = eventReader->nodeOfArn(Y::child(destination, "Destination"));
            if (node.isEmpty() || !builder.connect(function, node, QString::fromLatin1(type)))
                note(Diagnostic::Severity::Info,
                     SamPlugin::tr("%1: the %2 destination is outside the template; it is kept as written, not shown")
                         .arg(id, QString::fromLatin1(type)));
        }
    }

    void readPolicies(const QString &id, const YAML::Node &p)
    {
        const QString function = nodeOfResource.value(id);
        const YAML::Node policies = Y::child(p, "Policies");
        if (!policies.IsSequence())
            return;
        // The destinations read before, each granted by one statement of the policy.
        QHash<QString, int> credits;
        for (const QString &service : destinationsOf(function))
            ++credits[service];
        static const QHash<QString, QStringList> templates = {
            {u"DynamoDBReadPolicy"_s, {u"dynamodb:GetItem"_s}},
            {u"DynamoDBWritePolicy"_s, {u"dynamodb:PutItem"_s}},
            {u"DynamoDBCrudPolicy"_s, {u"dynamodb:PutItem"_s, u"dynamodb:GetItem"_s}},
            {u"S3ReadPolicy"_s, {u"s3:GetObject"_s}},
            {u"S3WritePolicy"_s, {u"s3:PutObject"_s}},
            {u"S3CrudPolicy"_s, {u"s3:PutObject"_s, u"s3:GetObject"_s}},
            {u"SQSSendMessagePolicy"_s, {u"sqs:SendMessage"_s}},
            {u"SQSPollerPolicy"_s, {u"sqs:ReceiveMessage"_s}},
            {u"SNSPublishMessagePolicy"_s, {u"sns:Publish"_s}},
            {u"LambdaInvokePolicy"_s, {u"lambda:InvokeFunction"_s}},
            {u"StepFunctionsExecutionPolicy"_s, {u"states:StartExecution"_s}},
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
                    const YAML::Node resourceValue = Y::child(statement, "Resource");
                    const QString resource = Y::text(resourceValue).contains(":event-bus/"_L1)
                                                 ? eventReader->bus(resourceValue)
                                             : Y::text(resourceValue).contains(":parameter/"_L1)
                                                 ? parameterOfArn(Y::text(resourceValue))
                                                 : nodeOfResource.value(Aws::statementResourceId(resourceValue));
                    // A destination's statement is the destination's, not another connection.
                    if (credits.value(resource) > 0 && !actions.isEmpty()
                        && !Aws::accessType(kindOf(resource), actions.first()).isEmpty()) {
                        --credits[resource];
                        continue;
                    }
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
                    readAccess(function, nodeOfResource.value(resource), a);
            }
        }
    }

    // The parameter node an SSM ARN names (…:parameter/app/url), by the template's
    // AWS::SSM::Parameter of that Name; empty for a parameter the template lacks (a SecureString).
    QString parameterOfArn(const QString &arn) const
    {
        const QString name = u'/' + arn.section(":parameter/"_L1, 1);
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            if (Y::text(Y::child(it->second, "Type")) != "AWS::SSM::Parameter"_L1)
                continue;
            const QString declared = Y::text(Y::child(Y::child(it->second, "Properties"), "Name"));
            if (declared == name || u'/' + declared == name)
                return nodeOfResource.value(Y::text(it->first));
        }
        return {};
    }

    void readNumber(const QString &node, const YAML::Node &map, const char *key, const QString &property)
    {
        bool ok = false;
        const int n = Y::text(Y::child(map, key)).toInt(&ok);
        if (ok && n >= 0)
            builder.setProperty(node, property, n);
    }

    // A queue's or stream's filter criteria and partial batch responses.
    void readTriggerFilters(const QString &trigger, const YAML::Node &ep)
    {
        builder.setProperty(trigger, u"filterCriteria"_s, Aws::filterCriteriaFromYaml(Y::child(ep, "FilterCriteria")));
        bool partial = false;
        for (const YAML::Node &type : Y::child(ep, "FunctionResponseTypes"))
            partial = partial || Y::text(type) == "ReportBatchItemFailures"_L1;
        builder.setProperty(trigger, u"reportBatchItemFailures"_s, partial);
    }

    // The Auth of the API a route's event is on: its own (ApiId, RestApiId) or the implicit
    // API's, from Globals.
    YAML::Node apiAuth(const YAML::Node &ep, bool rest)
    {
        const QString api = Aws::referencedId(Y::child(ep, rest ? "RestApiId" : "ApiId"));
        if (!api.isEmpty())
            return Y::child(Y::child(Y::child(resources, api.toStdString()), "Properties"), "Auth");
        return Y::child(Y::child(globals, rest ? "Api" : "HttpApi"), "Auth");
    }

    // The authorizer, scopes and API key of a route's event: a user pool's authorizer
    // becomes the pool's authorizes connection, a Lambda authorizer the function's, an
    // external issuer the route's JWT settings.
    void readRouteAuth(const QString &route, const YAML::Node &ep, bool rest)
    {
        const YAML::Node api = apiAuth(ep, rest);
        const YAML::Node auth = Y::child(ep, "Auth");
        QString name = Y::text(Y::child(auth, "Authorizer"));
        if (name.isEmpty())
            name = Y::text(Y::child(api, "DefaultAuthorizer"));
        const YAML::Node authorizer = Y::child(Y::child(api, "Authorizers"), name.toStdString());
        if (!name.isEmpty() && name != "NONE"_L1 && !authorizer.IsMap())
            note(Diagnostic::Severity::Warning,
                 SamPlugin::tr("%1: the authorizer %2 is not in the template; the route is shown without it")
                     .arg(route, name));
        if (authorizer.IsMap()) {
            const YAML::Node jwt = Y::child(authorizer, "JwtConfiguration");
            const QString pool = nodeOfResource.value(jwt.IsDefined()
                                                          ? Aws::issuerPoolId(Y::child(jwt, "issuer"))
                                                          : Aws::referencedId(Y::child(authorizer, "UserPoolArn")));
            const QString function = nodeOfResource.value(Aws::referencedId(Y::child(authorizer, "FunctionArn")));
            if (!pool.isEmpty()) {
                builder.connect(pool, route, u"authorizes"_s);
            } else if (!function.isEmpty()) {
                builder.connect(function, route, u"authorizes"_s);
                const YAML::Node identity = Y::child(authorizer, "Identity");
                builder.setProperty(route, u"identitySource"_s, Aws::identitySourceText(identity));
                readNumber(route, identity, "ReauthorizeEvery", u"authorizerCacheTtl"_s);
                if (!rest)
                    builder.setProperty(route, u"simpleResponses"_s,
                                        Y::text(Y::child(authorizer, "EnableSimpleResponses")).toLower() == "true"_L1);
            } else if (jwt.IsDefined() && Y::child(jwt, "issuer").IsScalar()) {
                builder.setProperty(route, u"jwtIssuer"_s, Y::text(Y::child(jwt, "issuer")));
                QStringList audiences;
                for (const YAML::Node &audience : Y::child(jwt, "audience"))
                    audiences.append(Y::text(audience));
                builder.setProperty(route, u"jwtAudience"_s, audiences.join(", "_L1));
            } else {
                note(Diagnostic::Severity::Warning,
                     SamPlugin::tr("%1: the authorizer %2 names no user pool, function or issuer of the template; "
                                   "the route is shown without it")
                         .arg(route, name));
            }
        }
        QStringList scopes;
        for (const YAML::Node &scope : Y::child(auth, "AuthorizationScopes"))
            scopes.append(Y::text(scope));
        if (!scopes.isEmpty())
            builder.setProperty(route, u"authorizationScopes"_s, scopes.join(' '_L1));
        const YAML::Node key = Y::has(auth, "ApiKeyRequired") ? Y::child(auth, "ApiKeyRequired")
                                                              : Y::child(api, "ApiKeyRequired");
        if (rest && Y::text(key).toLower() == "true"_L1) {
            builder.setProperty(route, u"apiKeyRequired"_s, true);
            const YAML::Node plan = Y::child(api, "UsagePlan");
            readNumber(route, Y::child(plan, "Throttle"), "RateLimit", u"usagePlanRate"_s);
            readNumber(route, Y::child(plan, "Throttle"), "BurstLimit", u"usagePlanBurst"_s);
            if (Y::text(Y::child(Y::child(plan, "Quota"), "Period")) == "DAY"_L1)
                readNumber(route, Y::child(plan, "Quota"), "Limit", u"usagePlanQuota"_s);
        }
    }

    // The events of a function (edge "invokes") or a state machine ("starts").
    void readEvents(const QString &id, const YAML::Node &p, bool globalCors, const QString &edge = u"invokes"_s)
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
                builder.connect(triggerName, function, edge);
                if (ExportModel::identifier(triggerName) != key)
                    events.insert(function + '/'_L1 + triggerName, key);
            };
            if (type == "HttpApi"_L1 || type == "Api"_L1) {
                QString method = Y::text(Y::child(ep, "Method")).toUpper();
                QString path = Y::text(Y::child(ep, "Path"));
                if (method.isEmpty())
                    method = u"ANY"_s;
                if (path.isEmpty())
                    path = u"/{proxy+}"_s;
                const bool rest = type == "Api"_L1 || Y::text(Y::child(ep, "PayloadFormatVersion")) == "1.0"_L1;
                const QString wanted = builder.hasNode(key) ? id + key : key;
                trigger = builder.addNode(u"http-route"_s, wanted,
                                          {{u"method"_s, method},
                                           {u"path"_s, path},
                                           {u"payloadFormat"_s, rest ? u"1.0"_s : u"2.0"_s},
                                           {u"cors"_s, globalCors && !rest}});
                recordEvent(trigger);
                readRouteAuth(trigger, ep, rest);
            } else if (type == "Schedule"_L1 || type == "ScheduleV2"_L1) {
                QString expression = Y::text(Y::child(ep, "Schedule"));
                if (expression.isEmpty())
                    expression = Y::text(Y::child(ep, "ScheduleExpression"));
                const YAML::Node enabled = Y::child(ep, "Enabled");
                const YAML::Node state = Y::child(ep, "State");
                const bool on = enabled.IsDefined() ? Y::text(enabled).toLower() == "true"_L1
                                                    : !(state.IsDefined() && Y::text(state) == "DISABLED"_L1);
                const QString wanted = builder.hasNode(key) ? id + key : key;
                trigger = builder.addNode(u"schedule"_s, wanted,
                                          {{u"expression"_s, expression},
                                           {u"enabled"_s, on},
                                           {u"description"_s, Y::text(Y::child(ep, "Description"))}});
                recordEvent(trigger);
                noteUnread(id, key, type, ep, {"Schedule", "ScheduleExpression", "Enabled", "State", "Description"});
            } else if (type == "SQS"_L1 || type == "SNS"_L1 || type == "S3"_L1 || type == "DynamoDB"_L1) {
                const char *field = type == "SQS"_L1   ? "Queue"
                                    : type == "SNS"_L1 ? "Topic"
                                    : type == "S3"_L1  ? "Bucket"
                                                       : "Stream";
                trigger = nodeOfResource.value(Aws::referencedId(Y::child(ep, field)));
                if (trigger.isEmpty()) {
                    note(Diagnostic::Severity::Info, SamPlugin::tr("%1: the event %2 (%3) reads a resource outside the "
                                                                   "template; it is kept as written, not shown")
                                                         .arg(id, key, type));
                    continue;
                }
                recordEvent(trigger);
                if (type == "SQS"_L1)
                    noteUnread(id, key, type, ep,
                               {"Queue", "BatchSize", "MaximumBatchingWindowInSeconds", "ScalingConfig",
                                "FilterCriteria", "FunctionResponseTypes"});
                else if (type == "SNS"_L1)
                    noteUnread(id, key, type, ep, {"Topic", "FilterPolicy", "FilterPolicyScope"});
                else if (type == "S3"_L1)
                    noteUnread(id, key, type, ep, {"Bucket", "Events", "Filter"});
                else
                    noteUnread(id, key, type, ep,
                               {"Stream", "StartingPosition", "BatchSize", "MaximumBatchingWindowInSeconds",
                                "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError",
                                "FilterCriteria", "FunctionResponseTypes", "DestinationConfig"});
                if (type == "SNS"_L1) // the subscription's filter policy, on its connection
                    builder.connect(trigger, function, edge,
                                    Aws::subscriptionProperties(ep, "FilterPolicy", "FilterPolicyScope"));
                if (type == "SQS"_L1) {
                    readNumber(trigger, ep, "BatchSize", u"batchSize"_s);
                    readNumber(trigger, ep, "MaximumBatchingWindowInSeconds", u"batchingWindow"_s);
                    readNumber(trigger, Y::child(ep, "ScalingConfig"), "MaximumConcurrency", u"maxConcurrency"_s);
                    readTriggerFilters(trigger, ep);
                } else if (type == "S3"_L1) {
                    const QString first = Y::child(ep, "Events").IsSequence() ? Y::text(Y::child(ep, "Events")[0])
                                                                              : Y::text(Y::child(ep, "Events"));
                    const bool both = Y::child(ep, "Events").IsSequence() && Y::child(ep, "Events").size() > 1;
                    builder.setProperty(trigger, u"events"_s,
                                        both                           ? u"All"_s
                                        : first.contains("Removed"_L1) ? u"ObjectRemoved"_s
                                                                       : u"ObjectCreated"_s);
                    for (const YAML::Node &rule : Y::child(Y::child(Y::child(ep, "Filter"), "S3Key"), "Rules")) {
                        const QString name = Y::text(Y::child(rule, "Name")).toLower();
                        if (name == "prefix"_L1 || name == "suffix"_L1)
                            builder.setProperty(trigger, name, Y::text(Y::child(rule, "Value")));
                    }
                } else if (type == "DynamoDB"_L1) {
                    if (builder.node(trigger)->properties.value(u"stream"_s).toString() == "NONE"_L1)
                        builder.setProperty(trigger, u"stream"_s, u"NEW_AND_OLD_IMAGES"_s);
                    const QString position = Y::text(Y::child(ep, "StartingPosition"));
                    if (position == "LATEST"_L1 || position == "TRIM_HORIZON"_L1)
                        builder.setProperty(trigger, u"startingPosition"_s, position);
                    readNumber(trigger, ep, "BatchSize", u"batchSize"_s);
                    readNumber(trigger, ep, "MaximumBatchingWindowInSeconds", u"batchingWindow"_s);
                    readNumber(trigger, ep, "MaximumRetryAttempts", u"maximumRetryAttempts"_s);
                    readNumber(trigger, ep, "MaximumRecordAgeInSeconds", u"maximumRecordAge"_s);
                    builder.setProperty(trigger, u"bisectOnError"_s,
                                        Y::text(Y::child(ep, "BisectBatchOnFunctionError")).toLower() == "true"_L1);
                    readTriggerFilters(trigger, ep);
                    const YAML::Node failure = Y::child(Y::child(Y::child(ep, "DestinationConfig"), "OnFailure"),
                                                        "Destination");
                    if (const QString node = eventReader->nodeOfArn(failure); !node.isEmpty())
                        builder.connect(function, node, u"on-failure"_s);
                }
            } else if (type == "EventBridgeRule"_L1 && Y::has(ep, "Pattern")) {
                const QString wanted = builder.hasNode(key) ? id + key : key;
                const QString rule = builder.addNode(
                    u"rule"_s, wanted,
                    eventReader->ruleProperties(Y::child(ep, "Pattern"), ep,
                                                Y::text(Y::child(ep, "State")) != "DISABLED"_L1, QString()));
                builder.connect(eventReader->bus(Y::child(ep, "EventBusName")), rule, u"routes"_s);
                builder.connect(rule, function, u"targets"_s);
                noteUnread(id, key, type, ep,
                           {"Pattern", "EventBusName", "State", "Input", "InputPath", "InputTransformer", "RetryPolicy",
                            "DeadLetterConfig"});
                if (ExportModel::identifier(rule) != key)
                    events.insert(function + '/'_L1 + rule, key);
            } else {
                note(Diagnostic::Severity::Info,
                     SamPlugin::tr("%1: the event %2 of type %3 is not modelled; it is kept as written, not shown")
                         .arg(id, key, type));
            }
        }
    }
};

} // namespace

Result<void> SamPlugin::readDocument(const YAML::Node &root, const ImportInput &input, ImportResult *result) const
{
    const YAML::Node resources = Y::child(root, "Resources");
    if (!root.IsMap() || !resources.IsMap())
        return fail(tr("%1: not a CloudFormation template (it has no Resources mapping)").arg(input.fileName));

    SamReader reader{input, *result, ImportBuilder(*input.catalog), {},       {},
                     {},    {},      Y::child(root, "Globals"),     resources};
    Aws::EventReader eventReader(reader.builder, reader.nodeOfResource,
                                 [&](const QString &kind, const QString &id, const QJsonObject &properties) {
        return reader.addNode(kind, id, properties);
    });
    reader.eventReader = &eventReader;
    Aws::WorkflowReader workflows(input, *result, reader.builder, reader.nodeOfResource, resources,
                                  [&](const QString &kind, const QString &id, const QJsonObject &properties) {
        return reader.addNode(kind, id, properties);
    });
    const YAML::Node parameters = Y::child(root, "Parameters");
    for (auto it = parameters.begin(); parameters.IsMap() && it != parameters.end(); ++it)
        if (Y::text(Y::child(it->second, "NoEcho")).toLower() == "true"_L1)
            reader.secretParameters.insert(Y::text(it->first));

    QMap<QString, int> unmodelled;
    QList<YAML::Node> subscriptions; // read once every node is there
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const QString id = Y::text(it->first);
        const std::string type = Y::text(Y::child(it->second, "Type")).toStdString();
        const YAML::Node p = Y::child(it->second, "Properties");
        if (type == "AWS::SNS::Subscription") {
            subscriptions.append(p);
            continue;
        }
        if (type == "AWS::Serverless::Function") {
            reader.readFunction(id, p);
            continue;
        }
        if (type == "AWS::Serverless::LayerVersion" || type == "AWS::Lambda::LayerVersion") {
            const bool serverless = type == "AWS::Serverless::LayerVersion";
            const YAML::Node content = Y::child(p, serverless ? "ContentUri" : "Content");
            const Aws::ImportedLayer layer = Aws::readLayer(
                id, content, Y::text(Y::child(p, "LayerName")), Y::child(p, "CompatibleRuntimes"),
                Y::child(p, "CompatibleArchitectures"), Y::text(Y::child(p, "Description")),
                Y::text(Y::child(p, "LicenseInfo")));
            if (!layer.error.isEmpty())
                return fail(tr("%1: the template is refused: %2").arg(input.fileName, layer.error));
            if (layer.remote)
                reader.note(Diagnostic::Severity::Warning,
                            tr("%1: the layer's content is not in a local folder; its folder is set to %2")
                                .arg(id, layer.properties.value(u"folder"_s).toString()));
            reader.addNode(Kinds::Layer, id, layer.properties);
            continue;
        }
        if (type == "AWS::Cognito::UserPool") {
            reader.addNode(Kinds::UserPool, id, Aws::userPoolProperties(id, resources));
            continue;
        }
        if (Aws::isUserPoolPart(type, p, resources))
            continue;
        if (Aws::WorkflowReader::isMachine(type)) {
            if (!workflows.readMachine(id, type, p))
                ++unmodelled[QString::fromStdString(type)];
            continue;
        }
        if (workflows.readDerived(id, type, p))
            continue;
        const Aws::ImportedService service = Aws::readServiceResource(type, p);
        // A queue that only serves as another's dead-letter queue is part of it.
        if (service.kind == Kinds::Queue && id.endsWith("DeadLetters"_L1)
            && Y::has(resources, id.chopped(11).toStdString())) {
            continue;
        }
        if (eventReader.readBus(id, type, p) || type == "AWS::Events::Archive"
            || (type == "AWS::Events::Rule" && Y::has(p, "EventPattern")))
            continue;
        // What lets EventBridge deliver to a rule's targets follows from the rules (addEventResources).
        const bool derived = ((type == "AWS::SQS::QueuePolicy" || type == "AWS::SNS::TopicPolicy")
                              && id.endsWith("EventsPolicy"_L1))
                             || (type == "AWS::SQS::QueuePolicy" && id.endsWith("TopicsPolicy"_L1))
                             || (type == "AWS::Lambda::Permission" && id.endsWith("Permission"_L1))
                             || (type == "AWS::IAM::Role" && id.endsWith("TargetRole"_L1));
        if (service.kind.isEmpty()) {
            if (!derived)
                ++unmodelled[QString::fromStdString(type)];
            continue;
        }
        // A FIFO queue or topic is named as its deployed name says (without ".fifo").
        const QString fifoName = Y::text(Y::child(p, service.kind == Kinds::Queue ? "QueueName" : "TopicName"));
        const bool named = service.properties.value(u"fifo"_s).toBool() && fifoName.endsWith(".fifo"_L1);
        const QString name = reader.addNode(service.kind, id, service.properties,
                                            named ? fifoName.chopped(5) : QString());
        Aws::dropRedundantPhysicalName(reader.builder.node(name));
    }
    for (auto it = resources.begin(); it != resources.end(); ++it)
        eventReader.readArchive(Y::text(Y::child(it->second, "Type")).toStdString(),
                                Y::child(it->second, "Properties"));
    const bool globalCors = Y::child(Y::child(reader.globals, "HttpApi"), "CorsConfiguration").IsDefined();
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const QString id = Y::text(it->first);
        const QString type = Y::text(Y::child(it->second, "Type"));
        if (type == "AWS::Serverless::StateMachine"_L1 && reader.nodeOfResource.contains(id))
            reader.readEvents(id, Y::child(it->second, "Properties"), false, u"starts"_s);
        if (type != "AWS::Serverless::Function"_L1)
            continue;
        const YAML::Node p = Y::child(it->second, "Properties");
        reader.readLayers(id, p);
        reader.readEnvironment(id, p);
        reader.readEvents(id, p, globalCors);
        reader.readEventInvokeConfig(id, p);
        reader.readPolicies(id, p);
    }
    for (auto it = resources.begin(); it != resources.end(); ++it)
        eventReader.readRule(Y::text(it->first), Y::text(Y::child(it->second, "Type")).toStdString(),
                             Y::child(it->second, "Properties"));
    workflows.finish();
    for (const YAML::Node &p : std::as_const(subscriptions))
        if (!Aws::readSubscription(reader.builder, reader.nodeOfResource, p))
            ++unmodelled[u"AWS::SNS::Subscription"_s];
    for (auto it = unmodelled.cbegin(); it != unmodelled.cend(); ++it)
        reader.note(
            Diagnostic::Severity::Info,
            tr("%1 resource(s) of type %2 are kept as written, not shown on the canvas").arg(it.value()).arg(it.key()));

    reader.builder.finish(result);

    // What export will compare against: the template generated from the canvas as
    // imported. Only what differs from it later is written over the original.
    Aws::keepOrigin(input, reader.ids, reader.events, &SamPlugin::generate, result);
    return {};
}

} // namespace Nimbus::Sam
