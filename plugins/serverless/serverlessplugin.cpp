#include "serverlessplugin.h"
#include "model/kinds.h"

#include "awsauth.h"
#include "awsbuild.h"
#include "awscommon.h"
#include "awslayers.h"
#include "awsworkflow.h"
#include "awsworkflowimport.h"
#include "export/exportmodel.h"
#include "export/importbuilder.h"
#include "export/routeauthorization.h"
#include "export/yaml.h"
#include "model/catalog.h"
#include "paths.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace Nimbus::Serverless {

using Y = Yaml;

namespace {

const QString kFile = u"serverless.yml"_s;

// Runtimes Serverless Framework v3 accepts (its configuration schema, 3.40).
QString frameworkRuntime(const QString &runtime)
{
    // The newest the framework's v3 schema accepts: Node.js 20, Python 3.11.
    if (runtime == "nodejs22.x"_L1 || runtime == "nodejs24.x"_L1)
        return u"nodejs20.x"_s;
    if (runtime == "python3.12"_L1 || runtime == "python3.13"_L1)
        return u"python3.11"_s;
    return runtime;
}

QString bucketName(const Node *bucket)
{
    return u"${self:service}-${sls:stage}-"_s + ExportModel::dnsLabel(bucket->name);
}

// Serverless Framework's logical id of a function's AWS::Lambda::Function.
QString lambdaLogicalId(const QString &functionName)
{
    QString name = functionName;
    name.replace('-'_L1, "Dash"_L1).replace('_'_L1, "Underscore"_L1);
    name[0] = name.at(0).toUpper();
    return name + "LambdaFunction"_L1;
}

// The framework's logical id of a layer of serverless.yml's layers section.
QString layerLogicalId(const QString &layerName)
{
    QString name = layerName;
    name.replace('-'_L1, "Dash"_L1).replace('_'_L1, "Underscore"_L1);
    name[0] = name.at(0).toUpper();
    return name + "LambdaLayer"_L1;
}

QString secretParameter(const ExportFunction &f, const EnvironmentVariable &var)
{
    QString name = ExportModel::identifier(f.node->name) + ExportModel::identifier(var.name);
    name[0] = name.at(0).toLower();
    return name;
}

// A queue's or stream's filter criteria: each pattern as YAML.
void addFilterPatterns(YAML::Node &event, const Node *trigger, ExportOutput &output)
{
    const YAML::Node criteria = Aws::lambdaFilterCriteria(trigger, output);
    if (!criteria.IsDefined())
        return;
    YAML::Node patterns(YAML::NodeType::Sequence);
    for (const YAML::Node &filter : Y::child(criteria, "Filters"))
        patterns.push_back(Aws::jsonToYaml(Y::text(Y::child(filter, "Pattern"))));
    event["filterPatterns"] = patterns;
}

// The eventBridge event of a rule whose one target is the function.
YAML::Node ruleEvent(const ExportModel &model, const Aws::ExportRule &rule, const Aws::LogicalIds &ids,
                     ExportOutput &output)
{
    const YAML::Node pattern = Aws::rulePattern(rule.rule, output);
    if (!pattern.IsDefined())
        return YAML::Node();
    YAML::Node e(YAML::NodeType::Map);
    if (Aws::settingText(rule.bus, "busName") != "default"_L1)
        e["eventBus"] = Y::tagged("Ref", Y::string(ids.of(rule.bus)));
    const QString description = Aws::settingText(rule.rule, "description");
    if (!description.isEmpty())
        e["description"] = Y::string(description);
    if (!Aws::settingBool(rule.rule, "enabled"))
        e["enabled"] = Y::boolean(false);
    e["pattern"] = pattern;
    // CloudFormation's keys, then serverless.yml's.
    YAML::Node target(YAML::NodeType::Map);
    Aws::addRuleTargetSettings(target, rule.rule, model, ids, output);
    if (Y::has(target, "Input"))
        e["input"] = Aws::jsonToYaml(Y::text(Y::child(target, "Input")));
    if (Y::has(target, "InputPath"))
        e["inputPath"] = Y::child(target, "InputPath");
    if (const YAML::Node transformer = Y::child(target, "InputTransformer"); transformer.IsDefined()) {
        YAML::Node t(YAML::NodeType::Map);
        if (Y::has(transformer, "InputPathsMap"))
            t["inputPathsMap"] = Y::child(transformer, "InputPathsMap");
        t["inputTemplate"] = Y::child(transformer, "InputTemplate");
        e["inputTransformer"] = t;
    }
    if (const YAML::Node retry = Y::child(target, "RetryPolicy"); retry.IsDefined()) {
        YAML::Node r(YAML::NodeType::Map);
        r["maximumEventAge"] = Y::child(retry, "MaximumEventAgeInSeconds");
        r["maximumRetryAttempts"] = Y::child(retry, "MaximumRetryAttempts");
        e["retryPolicy"] = r;
    }
    if (const YAML::Node dlq = Y::child(target, "DeadLetterConfig"); dlq.IsDefined())
        e["deadLetterQueueArn"] = Y::child(dlq, "Arn");
    YAML::Node event(YAML::NodeType::Map);
    event["eventBridge"] = e;
    return event;
}

// The framework's eventBridge input is a JSON object: a rule with other constant input is a
// rule of its own in resources, as are rules with several targets or others than a function.
// The authorizer of a REST route's http event: a function of the service (request) or a
// user pool (COGNITO_USER_POOLS) with the route's scopes.
YAML::Node restAuthorizer(const ApiAuthorizer &authorizer, const Node *route, const Aws::LogicalIds &ids)
{
    YAML::Node a(YAML::NodeType::Map);
    if (authorizer.type == ApiAuthorizer::Type::Function) {
        a["name"] = Y::string(authorizer.source->name);
        a["type"] = Y::string("request");
        a["resultTtlInSeconds"] = Y::number(authorizer.cacheTtl);
        QStringList sources;
        for (const IdentityPart &part : RouteAuthorization::identityParts(authorizer.identitySources))
            sources.append(part.where == "header"_L1 || part.where == "querystring"_L1
                               ? u"method.request.%1.%2"_s.arg(part.where, part.name)
                               : u"%1.%2"_s.arg(part.where, part.name));
        a["identitySource"] = Y::string(sources.join(','_L1));
        return a;
    }
    a["name"] = Y::string(authorizer.name);
    a["type"] = Y::string("COGNITO_USER_POOLS");
    a["arn"] = Y::tagged("GetAtt", Y::string(ids.of(authorizer.source) + ".Arn"_L1));
    if (const QStringList scopes = RouteAuthorization::scopes(route); !scopes.isEmpty())
        a["scopes"] = Y::sequence(scopes);
    return a;
}

// provider.httpApi.authorizers: a user pool's or an issuer's JWT authorizer, a function's
// request authorizer.
YAML::Node httpApiAuthorizers(const RouteAuthorization &auth, const Aws::LogicalIds &ids)
{
    YAML::Node authorizers(YAML::NodeType::Map);
    for (const ApiAuthorizer &authorizer : auth.authorizers()) {
        if (authorizer.rest)
            continue;
        YAML::Node a(YAML::NodeType::Map);
        if (authorizer.type == ApiAuthorizer::Type::Function) {
            a["type"] = Y::string("request");
            a["functionName"] = Y::string(authorizer.source->name);
            a["payloadVersion"] = Y::string("2.0");
            a["enableSimpleResponses"] = Y::boolean(authorizer.simpleResponses);
            a["resultTtlInSeconds"] = Y::number(authorizer.cacheTtl);
            a["identitySource"] = Y::sequence(authorizer.identitySources);
        } else {
            a["type"] = Y::string("jwt");
            a["identitySource"] = Y::string("$request.header.Authorization");
            if (authorizer.type == ApiAuthorizer::Type::UserPool) {
                a["issuerUrl"] = Aws::userPoolIssuer(authorizer.source, ids);
                YAML::Node audience(YAML::NodeType::Sequence);
                audience.push_back(Y::tagged("Ref", Y::string(Aws::userPoolClientId(authorizer.source, ids))));
                a["audience"] = audience;
            } else {
                a["issuerUrl"] = Y::string(authorizer.issuer);
                a["audience"] = Y::sequence(authorizer.audiences);
            }
        }
        authorizers[authorizer.name.toStdString()] = a;
    }
    return authorizers;
}

// The HTTP API of the routes that start state machines when no function has an httpApi
// event (the framework then writes none), with its $default stage deployed on each change.
void addMachinesApi(const QString &service, bool cors, YAML::Node &resources)
{
    YAML::Node p(YAML::NodeType::Map);
    p["Name"] = Y::string(service + "-state-machines"_L1);
    p["ProtocolType"] = Y::string("HTTP");
    if (cors) {
        YAML::Node configuration(YAML::NodeType::Map);
        configuration["AllowOrigins"] = Y::sequence({u"*"_s});
        configuration["AllowMethods"] = Y::sequence({u"*"_s});
        configuration["AllowHeaders"] = Y::sequence({u"*"_s});
        p["CorsConfiguration"] = configuration;
    }
    YAML::Node api(YAML::NodeType::Map);
    api["Type"] = Y::string("AWS::ApiGatewayV2::Api");
    api["Properties"] = p;
    resources[Aws::Workflows::kMachinesApi] = api;
    YAML::Node sp(YAML::NodeType::Map);
    sp["ApiId"] = Aws::ref(QString::fromLatin1(Aws::Workflows::kMachinesApi));
    sp["StageName"] = Y::string("$default");
    sp["AutoDeploy"] = Y::boolean(true);
    YAML::Node stage(YAML::NodeType::Map);
    stage["Type"] = Y::string("AWS::ApiGatewayV2::Stage");
    stage["Properties"] = sp;
    resources[std::string(Aws::Workflows::kMachinesApi) + "Stage"] = stage;
}

bool isRuleEvent(const Aws::ExportRule &rule)
{
    if (!rule.bus || !rule.isFunctionEvent())
        return false;
    return Aws::settingText(rule.rule, "inputMode") != "Input"_L1
           || Aws::jsonToYaml(Aws::settingText(rule.rule, "input")).IsMap();
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const Aws::LogicalIds ids(input.origin);
    QString service = plugin.option(input, u"service"_s);
    if (service.isEmpty())
        service = input.origin.value("service"_L1).toString();
    if (service.isEmpty())
        service = ProviderPlugin::projectLabel(input);
    QString region = plugin.option(input, u"region"_s);
    if (region.isEmpty())
        region = input.origin.value("region"_L1).toString(u"us-east-1"_s);
    const YAML::Node generated = ServerlessPlugin::generate(model, ids, service, region, output);

    Aws::addMergedFile(input.origin, kFile, generated,
                       ServerlessPlugin::tr("the imported serverless.yml cannot be read back (%1); it is written anew"),
                       output);
    model.copySources(output, input.projectDirectory);
    Aws::copyLayers(model, output, input.projectDirectory);
    model.reportDeployVariables(output, u"serverless deploy"_s);
    for (const ExportFunction &f : model.functions())
        ProviderPlugin::reportSecrets(
            f, output, u"export-secret-parameter"_s,
            ServerlessPlugin::tr(
                "%1: the secret %2 is read from the parameter %3 (serverless deploy --param=\"%3=...\")"),
            [&](const EnvironmentVariable &var) { return secretParameter(f, var); });
}

int recogniseFile(const QByteArray &content, const QString &fileName)
{
    const bool named = fileName.startsWith("serverless."_L1);
    const bool shaped = content.contains("service:") && content.contains("provider:");
    if (shaped && content.contains("name: aws"))
        return named ? 95 : 80;
    return named ? 50 : 0;
}
} // namespace

ServerlessPlugin::ServerlessPlugin()
    : ImportingProviderPlugin(
        Aws::lambdaTarget(
            u"serverless"_s, u"Serverless Framework v3 (AWS)"_s,
            QT_TR_NOOP("serverless.yml for Serverless Framework v3 on AWS (serverless deploy), with the code folders"),
            {{u"service"_s,
              QT_TR_NOOP("Service name"),
              QT_TR_NOOP("The service's name; empty: the imported file's, else the project's"),
              {}},
             {u"region"_s,
              QT_TR_NOOP("Region"),
              QT_TR_NOOP("The AWS region; empty: the imported file's, else us-east-1"),
              {}}}),
        write,
        {QT_TR_NOOP("Serverless Framework serverless.yml"), {u"serverless.yml"_s, u"serverless.yaml"_s}, recogniseFile})
{ }

// The event by which trigger invokes the function; a null node when serverless.yml has
// none. An HTTP API route asking for CORS sets httpCors.
YAML::Node ServerlessPlugin::functionEvent(const ExportModel &model, const Node *function, const Node *trigger,
                                           const Aws::LogicalIds &ids, const RouteAuthorization &auth,
                                           const Node *failure, bool &httpCors, ExportOutput &output)
{
    YAML::Node event(YAML::NodeType::Map);
    YAML::Node e(YAML::NodeType::Map);
    const QString triggerId = ids.of(trigger);
    if (trigger->kind == Kinds::HttpRoute) {
        const QString method = model.string(trigger, "method", u"GET"_s);
        const QString path = model.string(trigger, "path", u"/"_s);
        if (model.string(trigger, "payloadFormat") == "1.0"_L1) {
            e["method"] = Y::string(method == "ANY"_L1 ? u"any"_s : method.toLower());
            e["path"] = Y::string(path);
            if (model.boolean(trigger, "cors"))
                e["cors"] = Y::boolean(true);
            if (const ApiAuthorizer *authorizer = auth.authorizer(trigger))
                e["authorizer"] = restAuthorizer(*authorizer, trigger, ids);
            if (auth.apiKeyRoutes().contains(trigger))
                e["private"] = Y::boolean(true);
            event["http"] = e;
        } else {
            e["method"] = Y::string(method == "ANY"_L1 ? u"*"_s : method);
            e["path"] = Y::string(path);
            httpCors = httpCors || model.boolean(trigger, "cors");
            if (const ApiAuthorizer *authorizer = auth.authorizer(trigger)) {
                YAML::Node a(YAML::NodeType::Map);
                a["name"] = Y::string(authorizer->name);
                const QStringList scopes = RouteAuthorization::scopes(trigger);
                if (authorizer->type != ApiAuthorizer::Type::Function && !scopes.isEmpty())
                    a["scopes"] = Y::sequence(scopes);
                e["authorizer"] = a;
            }
            event["httpApi"] = e;
        }
    } else if (trigger->kind == Kinds::Queue) {
        e["arn"] = Y::tagged("GetAtt", Y::string(triggerId + ".Arn"_L1));
        e["batchSize"] = Y::number(model.integer(trigger, "batchSize", 10));
        if (const int window = Aws::settingInt(trigger, "batchingWindow"); window > 0) {
            if (Aws::settingBool(trigger, "fifo"))
                output.add(
                    Diagnostic::Severity::Warning, u"export-batching-window"_s,
                    tr("%1: Lambda has no batching window for FIFO queues; it is not exported").arg(trigger->name),
                    trigger->id, u"batchingWindow"_s);
            else
                e["maximumBatchingWindow"] = Y::number(window);
        }
        if (Aws::settingBool(trigger, "reportBatchItemFailures"))
            e["functionResponseType"] = Y::string("ReportBatchItemFailures");
        addFilterPatterns(e, trigger, output);
        if (Aws::hasSetting(trigger, "maxConcurrency"))
            e["maximumConcurrency"] = Y::number(Aws::settingInt(trigger, "maxConcurrency"));
        event["sqs"] = e;
    } else if (trigger->kind == Kinds::Topic) {
        e["arn"] = Y::tagged("Ref", Y::string(triggerId));
        e["topicName"] = Y::string(Aws::awsName(trigger));
        Aws::addFilterPolicy(e, Aws::subscriptionOf(model, trigger, function), "filterPolicy", "filterPolicyScope",
                             output);
        event["sns"] = e;
    } else if (trigger->kind == Kinds::Bucket) {
        e["bucket"] = Y::string(bucketName(trigger));
        const QString kinds = model.string(trigger, "events");
        e["event"] = Y::string(kinds == "ObjectRemoved"_L1 ? "s3:ObjectRemoved:*" : "s3:ObjectCreated:*");
        if (kinds == "All"_L1)
            output.add(Diagnostic::Severity::Warning, u"export-bucket-events"_s,
                       tr("%1: one s3 event takes one event type; only object creation is written").arg(trigger->name),
                       trigger->id, u"events"_s);
        YAML::Node rules(YAML::NodeType::Sequence);
        for (const auto &[filter, value] : Aws::keyFilters(model, trigger)) {
            YAML::Node rule(YAML::NodeType::Map);
            rule[filter] = Y::string(value);
            rules.push_back(rule);
        }
        if (rules.size() > 0)
            e["rules"] = rules;
        e["existing"] = Y::boolean(true);
        event["s3"] = e;
    } else if (trigger->kind == Kinds::Table) {
        e["type"] = Y::string("dynamodb");
        e["arn"] = Y::tagged("GetAtt", Y::string(triggerId + ".StreamArn"_L1));
        e["batchSize"] = Y::number(Aws::settingInt(trigger, "batchSize"));
        e["startingPosition"] = Y::string(Aws::settingText(trigger, "startingPosition"));
        if (const int window = Aws::settingInt(trigger, "batchingWindow"); window > 0)
            e["batchWindow"] = Y::number(window);
        if (Aws::hasSetting(trigger, "maximumRetryAttempts"))
            e["maximumRetryAttempts"] = Y::number(Aws::settingInt(trigger, "maximumRetryAttempts"));
        if (Aws::settingBool(trigger, "bisectOnError"))
            e["bisectBatchOnFunctionError"] = Y::boolean(true);
        if (Aws::hasSetting(trigger, "maximumRecordAge"))
            e["maximumRecordAgeInSeconds"] = Y::number(Aws::settingInt(trigger, "maximumRecordAge"));
        if (Aws::settingBool(trigger, "reportBatchItemFailures"))
            e["functionResponseType"] = Y::string("ReportBatchItemFailures");
        // Records a batch gives up on go where the function's failed invocations go, when
        // a stream can send there (a queue or a topic).
        if (failure) {
            YAML::Node onFailure(YAML::NodeType::Map);
            onFailure["arn"] = Aws::resourceArn(failure, ids);
            onFailure["type"] = Y::string(failure->kind == Kinds::Queue ? "sqs" : "sns");
            YAML::Node destinations(YAML::NodeType::Map);
            destinations["onFailure"] = onFailure;
            e["destinations"] = destinations;
        }
        addFilterPatterns(e, trigger, output);
        event["stream"] = e;
    } else if (trigger->kind == Kinds::Schedule) {
        e["rate"] = Y::sequence({model.string(trigger, "expression")});
        e["enabled"] = Y::boolean(model.boolean(trigger, "enabled", true));
        const QString description = model.string(trigger, "description");
        if (!description.isEmpty())
            e["description"] = Y::string(description);
        event["schedule"] = e;
    } else {
        reportUnsupportedTrigger(trigger, output,
                                 tr("%1 (%2) cannot invoke a function in serverless.yml; it is not exported"));
        return YAML::Node();
    }
    return event;
}

YAML::Node ServerlessPlugin::generate(const ExportModel &model, const Aws::LogicalIds &recordedIds,
                                      const QString &service, const QString &region, ExportOutput &output)
{
    // The framework names each function's resource itself: references to a function
    // (a "calls" permission, an environment value) use that name.
    Aws::LogicalIds ids = recordedIds;
    for (const ExportFunction &f : model.functions())
        ids.set(f.node->name, lambdaLogicalId(f.node->name));
    YAML::Node root(YAML::NodeType::Map);
    root["service"] = Y::string(service);
    root["frameworkVersion"] = Y::string("3");
    root["configValidationMode"] = Y::string("error");

    YAML::Node provider(YAML::NodeType::Map);
    provider["name"] = Y::string("aws");
    provider["region"] = Y::string(region);

    YAML::Node functions(YAML::NodeType::Map);
    YAML::Node resources(YAML::NodeType::Map);
    bool httpCors = false;
    const QList<Aws::ExportRule> rules = Aws::exportRules(model);
    const RouteAuthorization auth(model);
    for (const ExportFunction &f : model.functions()) {
        const QString id = recordedIds.of(f.node);
        YAML::Node fn(YAML::NodeType::Map);
        // A compiled function is deployed from the zip its build makes, which the framework
        // does not build: its handler is then the runtime's, not a path in the service.
        const std::optional<Aws::BuildStep> build = Aws::buildStep(f);
        if (build) {
            fn["handler"] = Y::string(f.goSource ? u"bootstrap"_s : f.handler);
            YAML::Node package(YAML::NodeType::Map);
            package["artifact"] = Y::string(u"build/%1.zip"_s.arg(f.node->name));
            fn["package"] = package;
            output.add(
                Diagnostic::Severity::Info, u"export-build"_s,
                tr("%1: serverless deploy uploads build/%1.zip, which it does not build: in %2 run OUT=<an empty "
                   "folder> sh -c '%3', then zip that folder's content into build/%1.zip (it needs %4)")
                    .arg(f.node->name, f.source, build->command, build->tool),
                f.node->id);
        } else {
            fn["handler"] = Y::string(f.source + '/'_L1 + f.handler);
        }
        const QString runtime = frameworkRuntime(f.runtime);
        if (runtime != f.runtime)
            output.add(Diagnostic::Severity::Warning, u"export-runtime"_s,
                       tr("%1: Serverless Framework v3 does not accept %2; it is written as %3, the newest it accepts")
                           .arg(f.node->name, f.runtime, runtime),
                       f.node->id, u"runtime"_s);
        if (runtime.startsWith("dotnet"_L1))
            output.add(Diagnostic::Severity::Error, u"export-runtime"_s,
                       tr("%1: Serverless Framework v3 accepts no .NET runtime newer than dotnet6; deploy %2 with SAM "
                          "or Terraform")
                           .arg(f.node->name, runtime),
                       f.node->id, u"runtime"_s);
        fn["runtime"] = Y::string(runtime);
        fn["architecture"] = Y::string(Aws::lambdaArchitecture(f.architecture));
        if (const QList<const Node *> layers = Aws::layersOf(model, f); !layers.isEmpty()) {
            YAML::Node refs(YAML::NodeType::Sequence);
            for (const Node *layer : layers) {
                YAML::Node ref(YAML::NodeType::Map);
                ref["Ref"] = Y::string(layerLogicalId(layer->name));
                refs.push_back(ref);
            }
            fn["layers"] = refs;
        }
        Aws::addLambdaSettings(fn, f, {"memorySize", "timeout", "description", "reservedConcurrency"});
        if (const std::optional<Aws::FunctionUrlSettings> url = Aws::functionUrl(f)) {
            YAML::Node config(YAML::NodeType::Map);
            if (url->authType == "AWS_IAM"_L1)
                config["authorizer"] = Y::string(u"aws_iam"_s);
            if (!url->origins.isEmpty()) {
                YAML::Node corsConfig(YAML::NodeType::Map);
                corsConfig["allowedOrigins"] = Y::sequence(url->origins);
                config["cors"] = corsConfig;
            }
            if (url->invokeMode == "RESPONSE_STREAM"_L1)
                config["invokeMode"] = Y::string(url->invokeMode);
            fn["url"] = config.size() == 0 ? YAML::Node(true) : config;
        }
        const QString role = id + "Role"_L1;
        fn["role"] = Y::string(role);
        resources[role.toStdString()] = Aws::lambdaRole(f, ids);
        const auto machines = Aws::Workflows::machineVariables(f);
        if (!f.environment.isEmpty() || !machines.isEmpty()) {
            YAML::Node environment(YAML::NodeType::Map);
            for (const EnvironmentVariable &var : f.environment)
                environment[var.name.toStdString()] = var.secret
                                                          ? Y::string(u"${param:%1}"_s.arg(secretParameter(f, var)))
                                                          : Aws::environmentValue(model, f, var, ids);
            for (const auto &[name, machine] : machines)
                environment[name.toStdString()] = Aws::ref(ids.of(machine));
            fn["environment"] = environment;
        }
        const Aws::Destinations destinations = Aws::destinations(f, output);
        YAML::Node events(YAML::NodeType::Sequence);
        for (const Node *trigger : f.triggers) {
            const Node *failure = trigger->kind == Kinds::Table ? Aws::streamFailureDestination(f, trigger, output)
                                                                : nullptr;
            const YAML::Node event = functionEvent(model, f.node, trigger, ids, auth, failure, httpCors, output);
            if (event.IsMap())
                events.push_back(event);
        }
        for (const Aws::ExportRule &rule : rules) {
            if (!isRuleEvent(rule) || rule.targets.first() != f.node)
                continue;
            if (const YAML::Node event = ruleEvent(model, rule, ids, output); event.IsMap())
                events.push_back(event);
        }
        if (events.size() > 0)
            fn["events"] = events;
        YAML::Node destinationConfig(YAML::NodeType::Map);
        for (const auto &[key, node] :
             {std::pair{"onSuccess", destinations.onSuccess}, std::pair{"onFailure", destinations.onFailure}}) {
            if (!node)
                continue;
            if (node->kind == Kinds::Function) {
                destinationConfig[key] = Y::string(node->name); // the framework resolves its own functions
                continue;
            }
            YAML::Node destination(YAML::NodeType::Map);
            destination["arn"] = Aws::resourceArn(node, ids);
            destination["type"] = Y::string(node->kind == Kinds::Queue   ? "sqs"
                                            : node->kind == Kinds::Topic ? "sns"
                                                                         : "eventBus");
            destinationConfig[key] = destination;
        }
        if (destinationConfig.size() > 0)
            fn["destinations"] = destinationConfig;
        if (Aws::hasAsyncSettings(f)) {
            fn["maximumRetryAttempts"] = Y::number(Aws::settingInt(f.node, "maximumRetryAttempts"));
            fn["maximumEventAge"] = Y::number(Aws::settingInt(f.node, "maximumEventAge"));
        }
        functions[f.node->name.toStdString()] = fn;
    }
    for (const QString &kind : {u"queue"_s, u"topic"_s, u"table"_s, u"bucket"_s})
        for (const Node *node : model.nodesOfKind(kind))
            Aws::addServiceResources(model, node, ids, resources, output,
                                     kind == Kinds::Bucket ? bucketName(node) : QString());
    Aws::addEventResources(model, ids, resources, output, isRuleEvent, Aws::busRulesArn);
    Aws::addSubscriptionResources(model, ids, resources, output);
    for (const Node *pool : model.nodesOfKind(Kinds::UserPool))
        Aws::addUserPoolResources(pool, ids, resources, output);
    Aws::addSecretResources(model, ids, resources, output);
    // State machines as plain CloudFormation, not the serverless-step-functions plugin's
    // stepFunctions section: the file deploys with the framework alone (see README).
    // Routes that start a machine go on the framework's HTTP API (logical id HttpApi), which
    // it writes only when a function has an httpApi event; else on an API of their own.
    bool frameworkApi = false;
    for (const ExportFunction &f : model.functions())
        for (const Node *trigger : f.triggers)
            frameworkApi = frameworkApi
                           || (trigger->kind == Kinds::HttpRoute && model.string(trigger, "payloadFormat") != "1.0"_L1);
    bool machineRoutes = false;
    for (const ExportWorkflow &w : model.workflows())
        for (const Node *starter : w.starters)
            if (starter->kind == Kinds::HttpRoute && model.string(starter, "payloadFormat") != "1.0"_L1
                && !auth.authorizer(starter)) {
                machineRoutes = true;
                httpCors = httpCors || model.boolean(starter, "cors");
            }
    YAML::Node api = Aws::ref(u"HttpApi"_s);
    if (machineRoutes && !frameworkApi) {
        api = Aws::ref(QString::fromLatin1(Aws::Workflows::kMachinesApi));
        addMachinesApi(service, httpCors, resources);
        httpCors = false;
    }
    for (const ExportWorkflow &w : model.workflows())
        Aws::Workflows::addCloudFormation(model, w, ids, api, resources, output);
    Aws::reportUnexported(model, output, u"Serverless Framework"_s);
    auth.reportAwsLimits(output, u"Serverless Framework"_s);
    YAML::Node httpApi(YAML::NodeType::Map);
    if (httpCors)
        httpApi["cors"] = Y::boolean(true);
    if (const YAML::Node authorizers = httpApiAuthorizers(auth, ids); authorizers.size() > 0)
        httpApi["authorizers"] = authorizers;
    if (httpApi.size() > 0)
        provider["httpApi"] = httpApi;
    if (!auth.apiKeyRoutes().isEmpty()) {
        // The REST API's keys: one, under the usage plan of its routes.
        const RouteAuthorization::UsagePlan plan = auth.usagePlan();
        YAML::Node apiGateway(YAML::NodeType::Map);
        apiGateway["apiKeys"] = Y::sequence({service + "-key"_L1});
        YAML::Node usagePlan(YAML::NodeType::Map);
        YAML::Node throttle(YAML::NodeType::Map);
        throttle["rateLimit"] = Y::number(plan.rate);
        throttle["burstLimit"] = Y::number(plan.burst);
        usagePlan["throttle"] = throttle;
        if (plan.quota > 0) {
            YAML::Node quota(YAML::NodeType::Map);
            quota["limit"] = Y::number(plan.quota);
            quota["period"] = Y::string("DAY");
            usagePlan["quota"] = quota;
        }
        apiGateway["usagePlan"] = usagePlan;
        provider["apiGateway"] = apiGateway;
    }
    root["provider"] = provider;

    const QList<Aws::ExportLayer> exportLayers = Aws::exportLayers(model);
    if (exportLayers.isEmpty()) {
        root["package"] = packagePatterns(model);
    } else {
        // The framework looks for a layer's files with the service's patterns too, where a
        // "!**" leaves none: with layers, the service's package leaves out their folders only.
        QStringList patterns;
        for (const Aws::ExportLayer &layer : exportLayers)
            patterns.append(u"!%1/**"_s.arg(layer.folder));
        YAML::Node package(YAML::NodeType::Map);
        package["patterns"] = Y::sequence(patterns);
        root["package"] = package;
    }
    root["functions"] = functions;
    YAML::Node layers(YAML::NodeType::Map);
    for (const Aws::ExportLayer &layer : exportLayers) {
        YAML::Node l(YAML::NodeType::Map);
        l["path"] = Y::string(layer.folder);
        l["name"] = Y::string(layer.name);
        if (!layer.description.isEmpty())
            l["description"] = Y::string(layer.description);
        // The framework's schema refuses runtimes newer than it knows, as for functions.
        QStringList runtimes;
        for (const QString &runtime : layer.runtimes) {
            const QString accepted = frameworkRuntime(runtime);
            if (accepted != runtime)
                output.add(Diagnostic::Severity::Warning, u"export-runtime"_s,
                           tr("%1: Serverless Framework v3 does not accept %2 among a layer's compatible runtimes; "
                              "it is written as %3, the newest it accepts")
                               .arg(layer.node->name, runtime, accepted),
                           layer.node->id, u"compatibleRuntimes"_s);
            if (!runtimes.contains(accepted))
                runtimes.append(accepted);
        }
        if (!runtimes.isEmpty())
            l["compatibleRuntimes"] = Y::sequence(runtimes);
        if (!layer.architecture.isEmpty())
            l["compatibleArchitectures"] = Y::sequence({layer.architecture});
        if (!layer.license.isEmpty())
            l["licenseInfo"] = Y::string(layer.license);
        layers[layer.node->name.toStdString()] = l;
    }
    if (layers.size() > 0)
        root["layers"] = layers;
    YAML::Node resourcesBlock(YAML::NodeType::Map);
    resourcesBlock["Resources"] = resources;
    root["resources"] = resourcesBlock;
    return root;
}

// ---- import ---------------------------------------------------------------

namespace {

// Reads a serverless.yml into nodes and connections: the resources block's services,
// each function with its events, and the connections its role's policies allow.
class ServerlessReader
{
public:
    ServerlessReader(const ImportInput &input, ImportResult *result, const YAML::Node &root)
        : mResult(result), mBuilder(*input.catalog), mProvider(Y::child(root, "provider")),
          mResources(Y::child(Y::child(root, "resources"), "Resources")),
          mEvents(mBuilder, mNodeOfResource,
                  [this](const QString &kind, const QString &id,
                         const QJsonObject &p) { return addResourceNode(kind, id, p); }),
          mWorkflows(input, *result, mBuilder, mNodeOfResource, mResources,
                     [this](const QString &kind, const QString &id,
                            const QJsonObject &p) { return addResourceNode(kind, id, p); }),
          mInput(input)
    {
        const YAML::Node cors = Y::child(Y::child(mProvider, "httpApi"), "cors");
        mWorkflows.setExternalApiCors(cors.IsDefined() && Y::text(cors) != "false"_L1);
    }

    void readResources();
    void readFunction(const QString &key, const YAML::Node &fn);
    // A function's destinations and the connections of its role, once every function is read.
    void readConnections(const QString &key, const YAML::Node &fn);
    // The rules and archives of the resources block, once the functions are read.
    void readEventResources();
    void finish()
    {
        mWorkflows.finish();
        mBuilder.finish(mResult);
    }
    // The serverless-step-functions plugin's stepFunctions.stateMachines: a state-machine node
    // each (its definition inline or in a file of the file's folder, by ${file(...)}) with
    // the http, httpApi, schedule and eventBridge events that start it; an error when a
    // definition file leads out of the file's folder.
    QString readStepFunctions(const YAML::Node &stepFunctions);
    // After the functions: the stepFunctions machines' events (a route or schedule may be
    // named after a function's).
    void readStepFunctionEvents(const YAML::Node &stepFunctions);
    const QJsonObject &ids() const { return mIds; }
    // The layers section: a layer node each; an error when a layer's path leads out of the
    // file's folder.
    QString readLayers(const YAML::Node &layers);
    // A function's layers ({Ref: XLambdaLayer} of the layers section) as extends connections.
    void readFunctionLayers(const QString &key, const YAML::Node &fn);

private:
    void note(Diagnostic::Severity severity, const QString &message) { mResult->note(severity, message); }
    // Warns of the settings of a function's event that the import does not read.
    void noteUnread(const QString &function, const QString &type, const YAML::Node &settings,
                    std::initializer_list<const char *> read)
    {
        const QStringList unread = Aws::unreadKeys(settings, read);
        if (!unread.isEmpty())
            note(Diagnostic::Severity::Warning,
                 ServerlessPlugin::tr("%1: its %2 event sets %3, which Nimbus does not model; the local cloud runs "
                                      "the trigger without it")
                     .arg(function, type, unread.join(", "_L1)));
    }
    // A function's setting, else the provider's.
    YAML::Node value(const YAML::Node &fn, const char *key) const;
    QJsonObject functionProperties(const QString &key, const YAML::Node &fn);
    QJsonArray environment(const YAML::Node &fn) const;
    // The node an event comes from (added when the file names it only in the event),
    // or empty when the event is not modelled.
    QString eventSource(const QString &type, const YAML::Node &e, const QString &function);
    void readRole(const QString &function, const YAML::Node &fn);
    QString addResourceNode(const QString &kind, const QString &id, const QJsonObject &properties,
                            const QString &wantedName = {});
    // A queue's or stream's settings of its event.
    void readTriggerSettings(const QString &trigger, const YAML::Node &e, bool stream);
    void readNumber(const QString &node, const YAML::Node &map, const char *key, const QString &property);
    // The function's destinations and asynchronous settings.
    void readDestinations(const QString &function, const YAML::Node &fn);

    ImportResult *mResult;
    ImportBuilder mBuilder;
    YAML::Node mProvider;
    YAML::Node mResources;
    QJsonObject mIds;
    QHash<QString, QString> mNodeOfResource; // logical id -> node name
    QHash<QString, QString> mBucketByName; // bucket name in events -> node
    QHash<QString, QString> mFunctionOfKey; // key in functions -> node
    QHash<QString, QString> mLayerOfId; // the framework's logical id (XLambdaLayer) -> node
    Aws::EventReader mEvents;
    Aws::WorkflowReader mWorkflows;
    const ImportInput &mInput;
    QList<YAML::Node> mMachineResources; // what the stepFunctions section reads as CloudFormation
    QHash<QString, QString> mMachineOfKey; // stepFunctions key -> node
    struct RouteAuth
    {
        QString route;
        YAML::Node event;
        bool rest = false;
    };
    QList<RouteAuth> mRouteAuth; // the events with an authorizer or an API key, read once functions are

public:
    // Each route's authorizer (provider.httpApi.authorizers by name, or the http event's own),
    // scopes and API key with the REST API's usage plan: a user pool's authorizer becomes the
    // pool's authorizes connection, a Lambda authorizer the function's, an external issuer the
    // route's JWT settings.
    void readAuthorizers();

private:
    void readRouteAuth(const RouteAuth &auth);
    QString parameterOfArn(const QString &arn) const;
};

// The parameter node an SSM ARN names (...:parameter/app/url), by the file's AWS::SSM::Parameter
// of that Name; empty for a parameter the file lacks (a SecureString).
QString ServerlessReader::parameterOfArn(const QString &arn) const
{
    const QString name = u'/' + arn.section(":parameter/"_L1, 1);
    for (auto it = mResources.begin(); mResources.IsMap() && it != mResources.end(); ++it) {
        if (Y::text(Y::child(it->second, "Type")) != "AWS::SSM::Parameter"_L1)
            continue;
        const QString declared = Y::text(Y::child(Y::child(it->second, "Properties"), "Name"));
        if (declared == name || u'/' + declared == name)
            return mNodeOfResource.value(Y::text(it->first));
    }
    return {};
}

void ServerlessReader::readAuthorizers()
{
    for (const RouteAuth &auth : std::as_const(mRouteAuth))
        readRouteAuth(auth);
}

void ServerlessReader::readRouteAuth(const RouteAuth &auth)
{
    const QString route = auth.route;
    const YAML::Node a = Y::child(auth.event, "authorizer");
    const QString name = a.IsScalar() ? Y::text(a) : Y::text(Y::child(a, "name"));
    QStringList scopes;
    for (const YAML::Node &scope : Y::child(a, "scopes"))
        scopes.append(Y::text(scope));
    if (!scopes.isEmpty())
        mBuilder.setProperty(route, u"authorizationScopes"_s, scopes.join(u' '));
    if (auth.rest) {
        if (Y::text(Y::child(auth.event, "private")).toLower() == "true"_L1) {
            mBuilder.setProperty(route, u"apiKeyRequired"_s, true);
            const YAML::Node plan = Y::child(Y::child(mProvider, "apiGateway"), "usagePlan");
            readNumber(route, Y::child(plan, "throttle"), "rateLimit", u"usagePlanRate"_s);
            readNumber(route, Y::child(plan, "throttle"), "burstLimit", u"usagePlanBurst"_s);
            if (Y::text(Y::child(Y::child(plan, "quota"), "period")).toUpper() == "DAY"_L1)
                readNumber(route, Y::child(plan, "quota"), "limit", u"usagePlanQuota"_s);
        }
        if (name.isEmpty() && !Y::has(a, "arn"))
            return;
        const QString type = Y::text(Y::child(a, "type")).toLower();
        const QString pool = mNodeOfResource.value(Aws::referencedId(Y::child(a, "arn")));
        if (type == "cognito_user_pools"_L1 || !pool.isEmpty()) {
            if (pool.isEmpty() || !mBuilder.connect(pool, route, u"authorizes"_s))
                note(Diagnostic::Severity::Warning,
                     ServerlessPlugin::tr("%1: the user pool of the authorizer %2 is not in the file; the route is "
                                          "shown without it")
                         .arg(route, name));
            return;
        }
        // A function of the service (by its key or arn), the framework's default type "token"
        // and "request" alike.
        const QString function = mFunctionOfKey.value(Y::text(Y::child(a, "arn")).isEmpty() ? name : QString());
        if (function.isEmpty() || !mBuilder.connect(function, route, u"authorizes"_s)) {
            note(Diagnostic::Severity::Warning,
                 ServerlessPlugin::tr("%1: the authorizer %2 is not a function of the file; the route is shown "
                                      "without it")
                     .arg(route, name));
            return;
        }
        QStringList sources;
        for (const QString &part : Y::text(Y::child(a, "identitySource")).split(u',', Qt::SkipEmptyParts)) {
            QString source = part.trimmed();
            if (source.startsWith("method.request."_L1))
                source = source.mid(15);
            sources.append(u'$'
                           + (source.startsWith("header."_L1) || source.startsWith("querystring."_L1)
                                  ? "request."_L1 + source
                                  : source));
        }
        if (!sources.isEmpty())
            mBuilder.setProperty(route, u"identitySource"_s, sources.join(", "_L1));
        readNumber(route, a, "resultTtlInSeconds", u"authorizerCacheTtl"_s);
        return;
    }
    if (name.isEmpty())
        return;
    const YAML::Node authorizer = Y::child(Y::child(Y::child(mProvider, "httpApi"), "authorizers"), name.toStdString());
    if (!authorizer.IsMap()) {
        note(Diagnostic::Severity::Warning,
             ServerlessPlugin::tr("%1: the authorizer %2 is not in provider.httpApi.authorizers; the route is shown "
                                  "without it")
                 .arg(route, name));
        return;
    }
    if (Y::text(Y::child(authorizer, "type")).toLower() == "request"_L1) {
        const QString function = mFunctionOfKey.value(Y::text(Y::child(authorizer, "functionName")));
        if (function.isEmpty() || !mBuilder.connect(function, route, u"authorizes"_s)) {
            note(Diagnostic::Severity::Warning,
                 ServerlessPlugin::tr("%1: the authorizer %2 names no function of the file; the route is shown "
                                      "without it")
                     .arg(route, name));
            return;
        }
        const YAML::Node identity = Y::child(authorizer, "identitySource");
        QStringList sources;
        if (identity.IsSequence())
            for (const YAML::Node &source : identity)
                sources.append(Y::text(source));
        else if (identity.IsScalar())
            sources = Y::text(identity).split(u',', Qt::SkipEmptyParts);
        for (QString &source : sources)
            source = source.trimmed();
        if (!sources.isEmpty())
            mBuilder.setProperty(route, u"identitySource"_s, sources.join(", "_L1));
        readNumber(route, authorizer, "resultTtlInSeconds", u"authorizerCacheTtl"_s);
        mBuilder.setProperty(route, u"simpleResponses"_s,
                             Y::text(Y::child(authorizer, "enableSimpleResponses")).toLower() == "true"_L1);
        return;
    }
    const YAML::Node issuer = Y::child(authorizer, "issuerUrl");
    if (const QString pool = mNodeOfResource.value(Aws::issuerPoolId(issuer)); !pool.isEmpty()) {
        mBuilder.connect(pool, route, u"authorizes"_s);
        return;
    }
    if (!issuer.IsScalar() || Y::text(issuer).isEmpty()) {
        note(Diagnostic::Severity::Warning,
             ServerlessPlugin::tr("%1: the authorizer %2 names no user pool of the file or issuer; the route is shown "
                                  "without it")
                 .arg(route, name));
        return;
    }
    mBuilder.setProperty(route, u"jwtIssuer"_s, Y::text(issuer));
    QStringList audiences;
    for (const YAML::Node &audience : Y::child(authorizer, "audience"))
        audiences.append(Y::text(audience));
    mBuilder.setProperty(route, u"jwtAudience"_s, audiences.join(", "_L1));
}

QString ServerlessReader::readStepFunctions(const YAML::Node &stepFunctions)
{
    static const QRegularExpression fileVariable(u"^\\$\\{file\\(([^)]+)\\)(:[^}]*)?\\}$"_s);
    const YAML::Node machines = Y::child(stepFunctions, "stateMachines");
    for (auto it = machines.begin(); machines.IsMap() && it != machines.end(); ++it) {
        const QString key = Y::text(it->first);
        const YAML::Node m = it->second;
        // The machine as the plugin compiles it: AWS::StepFunctions::StateMachine's properties.
        YAML::Node p(YAML::NodeType::Map);
        const YAML::Node definition = Y::child(m, "definition");
        if (definition.IsMap()) {
            p["Definition"] = definition;
        } else if (definition.IsScalar()) {
            const QString text = Y::text(definition).trimmed();
            const QRegularExpressionMatch file = fileVariable.match(text);
            if (!file.hasMatch()) {
                note(Diagnostic::Severity::Warning,
                     ServerlessPlugin::tr("%1: the definition is neither inline nor a ${file(...)} of the file's "
                                          "folder; the state machine is kept as written, not shown")
                         .arg(key));
                continue;
            }
            const QString path = file.captured(1).trimmed();
            // The framework reads ~ as the user's home folder.
            if (mInput.fileDirectory.isEmpty() || path.startsWith(u'~')
                || !Paths::resolveUnder(mInput.fileDirectory, path))
                return ServerlessPlugin::tr("the state machine %1's definition file %2 leads out of the file's folder")
                    .arg(key, path);
            p["DefinitionUri"] = Y::string(path);
        }
        if (Y::has(m, "name"))
            p["StateMachineName"] = Y::child(m, "name");
        p["StateMachineType"] = Y::string(Y::text(Y::child(m, "type")).toUpper() == "EXPRESS"_L1 ? "EXPRESS"
                                                                                                 : "STANDARD");
        if (const QString level = Y::text(Y::child(Y::child(m, "loggingConfig"), "level")); !level.isEmpty()) {
            YAML::Node logging(YAML::NodeType::Map);
            logging["Level"] = Y::string(level.toUpper());
            p["LoggingConfiguration"] = logging;
        }
        if (Y::text(Y::child(Y::child(m, "tracingConfig"), "enabled")).toLower() == "true"_L1) {
            YAML::Node tracing(YAML::NodeType::Map);
            tracing["Enabled"] = Y::boolean(true);
            p["TracingConfiguration"] = tracing;
        }
        mMachineResources.append(p); // kept alive: the reader holds it until finish()
        // Its logical id as the plugin names it (the key with a capital, StepFunctionsStateMachine).
        const QString id = Y::text(Y::child(m, "id")).isEmpty() ? key : Y::text(Y::child(m, "id"));
        if (mWorkflows.readMachine(id, "AWS::StepFunctions::StateMachine", p))
            mMachineOfKey.insert(key, mNodeOfResource.value(id));
    }
    return {};
}

void ServerlessReader::readStepFunctionEvents(const YAML::Node &stepFunctions)
{
    // The plugin's definitions name the service's functions by their key (Fn::GetAtt: [hello, Arn]).
    for (auto it = mFunctionOfKey.cbegin(); it != mFunctionOfKey.cend(); ++it)
        if (!mNodeOfResource.contains(it.key()))
            mNodeOfResource.insert(it.key(), it.value());
    const YAML::Node machines = Y::child(stepFunctions, "stateMachines");
    for (auto it = machines.begin(); machines.IsMap() && it != machines.end(); ++it) {
        const QString machine = mMachineOfKey.value(Y::text(it->first));
        if (machine.isEmpty())
            continue;
        for (const YAML::Node &event : Y::child(it->second, "events")) {
            if (!event.IsMap() || event.size() != 1)
                continue;
            const QString type = Y::text(event.begin()->first);
            YAML::Node e = event.begin()->second;
            if (type == "eventBridge"_L1 && Y::has(e, "event") && !Y::has(e, "pattern")) {
                YAML::Node copy(YAML::NodeType::Map);
                for (auto f = e.begin(); f != e.end(); ++f)
                    copy[Y::text(f->first).toStdString()] = f->second;
                copy["pattern"] = Y::child(e, "event");
                e = copy;
            }
            const bool known = type == "http"_L1 || type == "httpApi"_L1 || type == "schedule"_L1
                               || type == "eventBridge"_L1;
            const QString trigger = known ? eventSource(type, e, machine) : QString();
            if (trigger.isEmpty()) {
                note(Diagnostic::Severity::Info,
                     ServerlessPlugin::tr("%1: an event of type %2 is not modelled; it is kept as written, not shown")
                         .arg(Y::text(it->first), type));
                continue;
            }
            if (type != "eventBridge"_L1)
                mBuilder.connect(trigger, machine, u"starts"_s);
        }
    }
}

QString ServerlessReader::readLayers(const YAML::Node &layers)
{
    for (auto it = layers.begin(); layers.IsMap() && it != layers.end(); ++it) {
        const QString key = Y::text(it->first);
        const YAML::Node l = it->second;
        const Aws::ImportedLayer layer = Aws::readLayer(
            key, Y::child(l, "path"), Y::text(Y::child(l, "name")), Y::child(l, "compatibleRuntimes"),
            Y::child(l, "compatibleArchitectures"), Y::text(Y::child(l, "description")),
            Y::text(Y::child(l, "licenseInfo")));
        if (!layer.error.isEmpty())
            return layer.error;
        if (layer.remote)
            note(Diagnostic::Severity::Warning,
                 ServerlessPlugin::tr("%1: the layer has no local path; its folder is set to %2")
                     .arg(key, layer.properties.value(u"folder"_s).toString()));
        if (key.isEmpty())
            continue;
        mLayerOfId.insert(layerLogicalId(key), mBuilder.addNode(Kinds::Layer, key, layer.properties));
    }
    return {};
}

void ServerlessReader::readFunctionLayers(const QString &key, const YAML::Node &fn)
{
    const YAML::Node layers = value(fn, "layers");
    const QString function = mFunctionOfKey.value(key);
    for (std::size_t i = 0; layers.IsSequence() && i < layers.size(); ++i) {
        const QString referenced = Aws::referencedId(layers[i]);
        if (const QString layer = mLayerOfId.value(referenced); !layer.isEmpty() && !function.isEmpty()) {
            mBuilder.connect(layer, function, u"extends"_s);
            continue;
        }
        note(Diagnostic::Severity::Info,
             ServerlessPlugin::tr("%1: the layer %2 is not one of the file's; it is kept as written, not shown")
                 .arg(key, referenced.isEmpty() ? Y::text(layers[i]) : referenced));
    }
}

QString ServerlessReader::addResourceNode(const QString &kind, const QString &id, const QJsonObject &properties,
                                          const QString &wantedName)
{
    const QString name = mBuilder.addNode(kind, wantedName.isEmpty() ? id : wantedName, properties);
    mNodeOfResource.insert(id, name);
    if (ExportModel::identifier(name) != id)
        mIds.insert(name, id);
    return name;
}

void ServerlessReader::readNumber(const QString &node, const YAML::Node &map, const char *key, const QString &property)
{
    bool ok = false;
    const int n = Y::text(Y::child(map, key)).toInt(&ok);
    if (ok && n >= 0)
        mBuilder.setProperty(node, property, n);
}

void ServerlessReader::readTriggerSettings(const QString &trigger, const YAML::Node &e, bool stream)
{
    readNumber(trigger, e, "batchSize", u"batchSize"_s);
    readNumber(trigger, e, stream ? "batchWindow" : "maximumBatchingWindow", u"batchingWindow"_s);
    mBuilder.setProperty(trigger, u"filterCriteria"_s, Aws::filterCriteriaFromYaml(Y::child(e, "filterPatterns")));
    mBuilder.setProperty(trigger, u"reportBatchItemFailures"_s,
                         Y::text(Y::child(e, "functionResponseType")) == "ReportBatchItemFailures"_L1);
    if (!stream) {
        readNumber(trigger, e, "maximumConcurrency", u"maxConcurrency"_s);
        return;
    }
    const QString position = Y::text(Y::child(e, "startingPosition"));
    if (position == "LATEST"_L1 || position == "TRIM_HORIZON"_L1)
        mBuilder.setProperty(trigger, u"startingPosition"_s, position);
    readNumber(trigger, e, "maximumRetryAttempts", u"maximumRetryAttempts"_s);
    readNumber(trigger, e, "maximumRecordAgeInSeconds", u"maximumRecordAge"_s);
    mBuilder.setProperty(trigger, u"bisectOnError"_s,
                         Y::text(Y::child(e, "bisectBatchOnFunctionError")).toLower() == "true"_L1);
}

void ServerlessReader::readDestinations(const QString &function, const YAML::Node &fn)
{
    readNumber(function, fn, "maximumRetryAttempts", u"maximumRetryAttempts"_s);
    readNumber(function, fn, "maximumEventAge", u"maximumEventAge"_s);
    const YAML::Node destinations = Y::child(fn, "destinations");
    for (const auto &[key, type] : {std::pair{"onSuccess", "on-success"}, std::pair{"onFailure", "on-failure"}}) {
        const YAML::Node destination = Y::child(destinations, key);
        if (!destination.IsDefined())
            continue;
        // A function of the service by its name, else an ARN or a reference.
        QString node = destination.IsScalar() && mBuilder.hasNode(Y::text(destination)) ? Y::text(destination)
                                                                                        : QString();
        if (node.isEmpty())
            node = mEvents.nodeOfArn(destination.IsMap() ? Y::child(destination, "arn") : destination);
        if (node.isEmpty() || !mBuilder.connect(function, node, QString::fromLatin1(type)))
            note(Diagnostic::Severity::Info,
                 ServerlessPlugin::tr("%1: the %2 destination is outside the file; it is kept as written, not shown")
                     .arg(function, QString::fromLatin1(type)));
    }
}

void ServerlessReader::readEventResources()
{
    for (auto it = mResources.begin(); mResources.IsMap() && it != mResources.end(); ++it)
        mEvents.readArchive(Y::text(Y::child(it->second, "Type")).toStdString(), Y::child(it->second, "Properties"));
    for (auto it = mResources.begin(); mResources.IsMap() && it != mResources.end(); ++it)
        mEvents.readRule(Y::text(it->first), Y::text(Y::child(it->second, "Type")).toStdString(),
                         Y::child(it->second, "Properties"));
}

YAML::Node ServerlessReader::value(const YAML::Node &fn, const char *key) const
{
    const YAML::Node own = Y::child(fn, key);
    return own.IsDefined() ? own : Y::child(mProvider, key);
}

void ServerlessReader::readResources()
{
    QList<YAML::Node> subscriptions; // read once the topics and queues are there
    for (auto it = mResources.begin(); mResources.IsMap() && it != mResources.end(); ++it) {
        const QString id = Y::text(it->first);
        const std::string type = Y::text(Y::child(it->second, "Type")).toStdString();
        const YAML::Node p = Y::child(it->second, "Properties");
        if (type == "AWS::SNS::Subscription") {
            subscriptions.append(p);
            continue;
        }
        if (mEvents.readBus(id, type, p))
            continue;
        if (Aws::WorkflowReader::isMachine(type)) {
            mWorkflows.readMachine(id, type, p);
            continue;
        }
        if (mWorkflows.readDerived(id, type, p))
            continue;
        if (type == "AWS::Cognito::UserPool") {
            addResourceNode(QString(Kinds::UserPool), id, Aws::userPoolProperties(id, mResources));
            continue;
        }
        if (Aws::isUserPoolPart(type, p, mResources))
            continue;
        const Aws::ImportedService service = Aws::readServiceResource(type, p);
        // A queue's dead-letter queue is no node of its own: export writes it with its queue.
        if (service.kind.isEmpty()
            || (id.endsWith("DeadLetters"_L1) && Y::has(mResources, id.chopped(11).toStdString())))
            continue;
        // A FIFO queue or topic is named as its deployed name says (without ".fifo").
        const QString fifoName = Y::text(Y::child(p, service.kind == Kinds::Queue ? "QueueName" : "TopicName"));
        const bool named = service.properties.value(u"fifo"_s).toBool() && fifoName.endsWith(".fifo"_L1);
        const QString name = addResourceNode(service.kind, id, service.properties,
                                             named ? fifoName.chopped(5) : QString());
        Aws::dropRedundantPhysicalName(mBuilder.node(name));
        if (service.kind == Kinds::Bucket)
            mBucketByName.insert(Y::text(Y::child(p, "BucketName")), name);
    }
    for (const YAML::Node &p : std::as_const(subscriptions))
        if (!Aws::readSubscription(mBuilder, mNodeOfResource, p))
            note(Diagnostic::Severity::Info,
                 ServerlessPlugin::tr("A subscription of the topic %1 (protocol %2) names something outside the file "
                                      "or a protocol the canvas does not show; it is kept as written")
                     .arg(Aws::referencedId(Y::child(p, "TopicArn")), Y::text(Y::child(p, "Protocol"))));
}

QJsonObject ServerlessReader::functionProperties(const QString &key, const YAML::Node &fn)
{
    QJsonObject props;
    const QString handlerPath = Y::text(Y::child(fn, "handler"));
    const int slash = handlerPath.lastIndexOf('/'_L1);
    props.insert(u"source"_s, slash < 0 ? u"."_s : handlerPath.left(slash));
    props.insert(u"handler"_s, handlerPath.mid(slash + 1));
    const QString runtime = Y::text(value(fn, "runtime"));
    const QString nearest = Aws::nearestRuntime(runtime);
    props.insert(u"runtime"_s, nearest.isEmpty() ? u"nodejs20.x"_s : nearest);
    if (nearest != runtime)
        note(Diagnostic::Severity::Warning,
             ServerlessPlugin::tr("%1: the runtime %2 is shown as %3; the file keeps %2 unless you change it")
                 .arg(key, runtime, props.value(u"runtime"_s).toString()));
    bool ok = false;
    if (const int memory = Y::text(value(fn, "memorySize")).toInt(&ok); ok)
        props.insert(u"memory"_s, memory);
    if (const int timeout = Y::text(value(fn, "timeout")).toInt(&ok); ok)
        props.insert(u"timeout"_s, timeout);
    if (Y::text(value(fn, "architecture")) == "arm64"_L1)
        props.insert(u"architecture"_s, u"arm64"_s);
    const QString description = Y::text(Y::child(fn, "description"));
    if (!description.isEmpty())
        props.insert(u"description"_s, description);
    if (const int reserved = Y::text(Y::child(fn, "reservedConcurrency")).toInt(&ok); ok)
        props.insert(u"reservedConcurrency"_s, reserved);
    const QJsonArray variables = environment(fn);
    if (!variables.isEmpty())
        props.insert(u"environment"_s, variables);
    return props;
}

QJsonArray ServerlessReader::environment(const YAML::Node &fn) const
{
    static const QRegularExpression secretReference(u"^\\$\\{(param|ssm|env):"_s);
    QJsonArray environment;
    for (const YAML::Node &source : {Y::child(fn, "environment"), Y::child(mProvider, "environment")}) {
        for (auto v = source.begin(); source.IsMap() && v != source.end(); ++v) {
            const QString name = Y::text(v->first);
            if (std::any_of(environment.begin(), environment.end(),
                            [&](const QJsonValue &e) { return e.toObject().value("name"_L1) == name; }))
                continue;
            const QString text = Y::text(v->second);
            const QString referenced = Aws::referencedId(v->second);
            const bool secret = secretReference.match(text).hasMatch();
            environment.append(
                QJsonObject{{u"name"_s, name},
                            {u"secret"_s, secret},
                            {u"value"_s, secret                  ? QString()
                                         : !referenced.isEmpty() ? mNodeOfResource.value(referenced, referenced)
                                         : v->second.IsScalar() && (v->second.Tag() == "?" || v->second.Tag() == "!")
                                             ? text
                                             : QString()}});
        }
    }
    return environment;
}

void ServerlessReader::readFunction(const QString &key, const YAML::Node &fn)
{
    const QString function = mBuilder.addNode(u"function"_s, key, functionProperties(key, fn));
    if (function != key)
        note(Diagnostic::Severity::Warning,
             ServerlessPlugin::tr("the function %1 is named %2 on the canvas").arg(key, function));
    // What the resources block names it by (rule targets, permissions).
    mNodeOfResource.insert(lambdaLogicalId(key), function);

    for (const YAML::Node &event : Y::child(fn, "events")) {
        if (!event.IsMap() || event.size() != 1)
            continue;
        const QString type = Y::text(event.begin()->first);
        const QString trigger = eventSource(type, event.begin()->second, function);
        if (trigger.isEmpty()) {
            note(Diagnostic::Severity::Info,
                 ServerlessPlugin::tr("%1: an event of type %2 is not modelled or names a resource outside the file; "
                                      "it is kept as written, not shown")
                     .arg(key, type));
            continue;
        }
        if (type != "eventBridge"_L1)
            mBuilder.connect(trigger, function, u"invokes"_s);
    }
    mFunctionOfKey.insert(key, function);
}

void ServerlessReader::readConnections(const QString &key, const YAML::Node &fn)
{
    const QString function = mFunctionOfKey.value(key);
    readDestinations(function, fn);
    readRole(function, fn);
}

QString ServerlessReader::eventSource(const QString &type, const YAML::Node &e, const QString &function)
{
    QString trigger;
    if (type == "httpApi"_L1 || type == "http"_L1) {
        QString method;
        QString path;
        if (e.IsScalar()) {
            method = Y::text(e).section(' '_L1, 0, 0);
            path = Y::text(e).section(' '_L1, 1);
        } else {
            method = Y::text(Y::child(e, "method"));
            path = Y::text(Y::child(e, "path"));
        }
        method = method == "*"_L1 ? u"ANY"_s : method.toUpper();
        if (!path.startsWith('/'_L1))
            path.prepend('/'_L1);
        const bool cors = type == "http"_L1
                              ? Y::text(Y::child(e, "cors")) == "true"_L1
                              : Y::child(Y::child(mProvider, "httpApi"), "cors").IsDefined()
                                    && Y::text(Y::child(Y::child(mProvider, "httpApi"), "cors")) != "false"_L1;
        trigger = mBuilder.addNode(u"http-route"_s, function + "Route"_L1,
                                   {{u"method"_s, method.isEmpty() ? u"ANY"_s : method},
                                    {u"path"_s, path},
                                    {u"payloadFormat"_s, type == "http"_L1 ? u"1.0"_s : u"2.0"_s},
                                    {u"cors"_s, cors}});
        if (e.IsMap() && (Y::has(e, "authorizer") || Y::has(e, "private")))
            mRouteAuth.append({trigger, e, type == "http"_L1});
    } else if (type == "schedule"_L1) {
        noteUnread(function, type, e, {"rate", "enabled", "description"});
        const YAML::Node rate = e.IsMap() ? Y::child(e, "rate") : e;
        const QString expression = rate.IsSequence() && rate.size() > 0 ? Y::text(rate[0]) : Y::text(rate);
        trigger = mBuilder.addNode(u"schedule"_s, function + "Schedule"_L1,
                                   {{u"expression"_s, expression},
                                    {u"enabled"_s, Y::text(Y::child(e, "enabled")) != "false"_L1},
                                    {u"description"_s, Y::text(Y::child(e, "description"))}});
    } else if (type == "sqs"_L1 || type == "sns"_L1 || type == "stream"_L1) {
        if (type == "sqs"_L1)
            noteUnread(function, type, e,
                       {"arn", "batchSize", "maximumBatchingWindow", "functionResponseType", "filterPatterns",
                        "maximumConcurrency"});
        else if (type == "sns"_L1)
            noteUnread(function, type, e, {"arn", "topicName", "filterPolicy", "filterPolicyScope"});
        else
            noteUnread(function, type, e,
                       {"arn", "type", "batchSize", "batchWindow", "functionResponseType", "filterPatterns",
                        "startingPosition", "maximumRetryAttempts", "maximumRecordAgeInSeconds",
                        "bisectBatchOnFunctionError", "destinations"});
        const YAML::Node arn = e.IsMap() ? Y::child(e, "arn") : e;
        trigger = mNodeOfResource.value(Aws::referencedId(arn));
        if (trigger.isEmpty() && type == "sns"_L1) {
            const QString topic = e.IsMap() ? Y::text(Y::child(e, "topicName")) : Y::text(e);
            if (!topic.isEmpty() && !topic.startsWith("arn:"_L1))
                trigger = mBuilder.hasNode(topic) ? topic : mBuilder.addNode(u"topic"_s, topic, {});
        }
        if (!trigger.isEmpty() && type != "sns"_L1 && e.IsMap())
            readTriggerSettings(trigger, e, type == "stream"_L1);
        if (!trigger.isEmpty() && type == "sns"_L1 && e.IsMap())
            mBuilder.connect(trigger, function, u"invokes"_s,
                             Aws::subscriptionProperties(e, "filterPolicy", "filterPolicyScope"));
        const YAML::Node failure = Y::child(Y::child(Y::child(e, "destinations"), "onFailure"), "arn");
        if (!trigger.isEmpty() && type == "stream"_L1 && failure.IsDefined()) {
            if (const QString node = mEvents.nodeOfArn(failure); !node.isEmpty())
                mBuilder.connect(function, node, u"on-failure"_s);
        }
    } else if (type == "eventBridge"_L1 && Y::has(e, "pattern")) {
        const YAML::Node enabled = Y::child(e, "enabled");
        trigger = mBuilder.addNode(u"rule"_s, function + "Rule"_L1,
                                   mEvents.ruleProperties(Y::child(e, "pattern"), e,
                                                          Y::text(enabled).toLower() != "false"_L1,
                                                          Y::text(Y::child(e, "description"))));
        mBuilder.connect(mEvents.bus(Y::child(e, "eventBus")), trigger, u"routes"_s);
        mBuilder.connect(trigger, function, u"targets"_s);
        noteUnread(function, type, e,
                   {"pattern", "eventBus", "enabled", "description", "input", "inputPath", "inputTransformer",
                    "retryPolicy", "deadLetterQueueArn"});
    } else if (type == "s3"_L1) {
        noteUnread(function, type, e, {"bucket", "event", "rules", "existing"});
        const QString bucket = e.IsMap() ? Y::text(Y::child(e, "bucket")) : Y::text(e);
        trigger = mBucketByName.value(bucket);
        if (trigger.isEmpty() && !bucket.isEmpty()) {
            trigger = mBuilder.addNode(u"bucket"_s, bucket, {});
            mBucketByName.insert(bucket, trigger);
        }
        const QString kind = Y::text(Y::child(e, "event"));
        mBuilder.setProperty(trigger, u"events"_s,
                             kind.contains("Removed"_L1) ? u"ObjectRemoved"_s : u"ObjectCreated"_s);
        for (const YAML::Node &rule : Y::child(e, "rules"))
            for (const char *filter : {"prefix", "suffix"})
                if (Y::has(rule, filter))
                    mBuilder.setProperty(trigger, QString::fromLatin1(filter), Y::text(Y::child(rule, filter)));
    }
    return trigger;
}

// Connections from the function's role, when the file defines it.
void ServerlessReader::readRole(const QString &function, const YAML::Node &fn)
{
    const YAML::Node role = Y::child(mResources, Y::text(Y::child(fn, "role")).toStdString());
    // The destinations read before, each granted by one statement of the policy.
    QHash<QString, int> credits;
    for (const QString &type : {u"on-success"_s, u"on-failure"_s})
        for (const QString &service : mBuilder.targets(function, type))
            ++credits[service];
    for (const YAML::Node &policy : Y::child(Y::child(role, "Properties"), "Policies")) {
        for (const YAML::Node &statement : Y::child(Y::child(policy, "PolicyDocument"), "Statement")) {
            const YAML::Node resource = Y::child(statement, "Resource");
            const QString arn = Y::text(resource.IsMap() ? Y::child(resource, "Fn::Sub") : resource);
            const QString service = arn.contains(":event-bus/"_L1) ? mEvents.bus(resource)
                                    : arn.contains(":parameter/"_L1)
                                        ? parameterOfArn(arn)
                                        : mNodeOfResource.value(Aws::statementResourceId(resource));
            const Node *node = mBuilder.node(service);
            if (!node)
                continue;
            const YAML::Node action = Y::child(statement, "Action");
            QStringList actions;
            if (action.IsSequence())
                for (const YAML::Node &a : action)
                    actions.append(Y::text(a));
            else
                actions.append(Y::text(action));
            if (credits.value(service) > 0 && !actions.isEmpty()
                && !Aws::accessType(node->kind, actions.first()).isEmpty()) {
                --credits[service];
                continue;
            }
            for (const QString &a : std::as_const(actions)) {
                const QString type = Aws::accessType(node->kind, a);
                if (type.isEmpty()
                    || (node->kind == Kinds::Queue && type == "reads"_L1
                        && mBuilder.hasEdge(service, function, u"invokes"_s)))
                    continue;
                mBuilder.connect(function, service, type);
            }
        }
    }
}

} // namespace

Result<void> ServerlessPlugin::readDocument(const YAML::Node &root, const ImportInput &input,
                                            ImportResult *result) const
{
    const YAML::Node provider = Y::child(root, "provider");
    const YAML::Node functions = Y::child(root, "functions");
    if (!root.IsMap() || !provider.IsMap())
        return fail(tr("%1: not a serverless.yml (it has no provider mapping)").arg(input.fileName));
    if (Y::text(Y::child(provider, "name")) != "aws"_L1)
        return fail(
            tr("%1: the provider is '%2'; only aws is read").arg(input.fileName, Y::text(Y::child(provider, "name"))));
    ServerlessReader reader(input, result, root);
    if (const QString refused = reader.readLayers(Y::child(root, "layers")); !refused.isEmpty())
        return fail(tr("%1: the file is refused: %2").arg(input.fileName, refused));
    reader.readResources();
    const YAML::Node stepFunctions = Y::child(root, "stepFunctions");
    if (const QString refused = reader.readStepFunctions(stepFunctions); !refused.isEmpty())
        return fail(tr("%1: the file is refused: %2").arg(input.fileName, refused));
    for (auto it = functions.begin(); functions.IsMap() && it != functions.end(); ++it)
        reader.readFunction(Y::text(it->first), it->second);
    reader.readStepFunctionEvents(stepFunctions);
    reader.readAuthorizers();
    for (auto it = functions.begin(); functions.IsMap() && it != functions.end(); ++it) {
        reader.readConnections(Y::text(it->first), it->second);
        reader.readFunctionLayers(Y::text(it->first), it->second);
    }
    reader.readEventResources();
    reader.finish();

    const QString service = Y::text(Y::child(root, "service"));
    const QString fileRegion = Y::text(Y::child(provider, "region"));
    const QString region = fileRegion.isEmpty() ? u"us-east-1"_s : fileRegion;
    result->origin.insert(u"service"_s, service);
    result->origin.insert(u"region"_s, region);
    const auto generateFile = [&](const ExportModel &model, const Aws::LogicalIds &ids, ExportOutput &output) {
        return generate(model, ids, service, region, output);
    };
    Aws::keepOrigin(input, reader.ids(), QJsonObject(), generateFile, result);
    return {};
}

} // namespace Nimbus::Serverless
