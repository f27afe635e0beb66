#pragma once

#include "export/exportmodel.h"
#include "export/importbuilder.h"
#include "export/provider.h"
#include "export/providerplugin.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QPair>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>

namespace Nimbus::Aws {

// Logical ids of the nodes: the ones an import recorded (origin "ids"), else one made
// from the node's name. The same design always gets the same ids.
class LogicalIds
{
public:
    explicit LogicalIds(const QJsonObject &origin = {});
    QString of(const Node *node) const;
    QString of(const QString &nodeName) const;
    // Names a node's resource differently (a tool's own naming scheme).
    void set(const QString &nodeName, const QString &logicalId) { mRecorded.insert(nodeName, logicalId); }
    // The key of the event by which trigger invokes function.
    QString event(const Node *function, const Node *trigger) const;

private:
    QHash<QString, QString> mRecorded;
    QHash<QString, QString> mEvents; // "function/trigger" -> event key
};

// !GetAtt id.attribute and !Ref id.
YAML::Node getAtt(const QString &id, const QString &attribute);
YAML::Node ref(const QString &id);
// The trust policy of a role that service ("events.amazonaws.com") may assume.
YAML::Node assumeRole(const char *service);

// One statement of a function's IAM policy, on one service: its ARN (attribute
// "Arn" or "StreamArn", or the ARN plus "/*" for bucket objects).
struct IamStatement
{
    QStringList actions;
    const Node *service = nullptr;
    QString attribute = QStringLiteral("Arn");
    QString suffix; // "/*" for objects in a bucket
};

// Least privilege from the edges: what each connection lets the function do, and what
// each trigger needs to deliver to it (receiving from a queue, reading a stream).
QList<IamStatement> iamStatements(const ExportFunction &function);

// The CloudFormation resource for a queue, topic, table or bucket (and a queue's
// dead-letter queue), added to resources under their logical ids.
void addServiceResources(const ExportModel &model, const Node *node, const LogicalIds &ids, YAML::Node &resources,
                         ExportOutput &output, const QString &bucketName = {});
// "!GetAtt X.Arn", "!Ref X", ... for an IAM statement's resource.
YAML::Node statementResource(const IamStatement &statement, const LogicalIds &ids);

// An environment value: a reference to the service it names (the deployed name or
// ARN differs from the canvas name) or the text itself.
YAML::Node environmentValue(const ExportModel &model, const ExportFunction &function, const EnvironmentVariable &var,
                            const LogicalIds &ids);

// The object key filters a bucket trigger sets, prefix first: ("prefix", "in/").
QList<QPair<const char *, QString>> keyFilters(const ExportModel &model, const Node *bucket);

// Lambda's name for an instruction set.
inline QString lambdaArchitecture(const QString &architecture)
{
    return architecture == QLatin1String("arm64") ? architecture : QStringLiteral("x86_64");
}

// The keys under which a format (SAM's PascalCase, serverless.yml's camelCase) writes
// the settings of a Lambda function that addLambdaSettings() adds.
struct LambdaSettingKeys
{
    const char *memory;
    const char *timeout;
    const char *description;
    const char *reservedConcurrency;
};
// Adds, in this order, the function's memory and timeout, its description when it has
// one, and its reserved concurrency when set, to properties under the format's keys.
void addLambdaSettings(YAML::Node &properties, const ExportFunction &function, const LambdaSettingKeys &keys);

// A function's URL (functionUrl and its section), as each AWS target writes it; none
// when the function has no URL.
struct FunctionUrlSettings
{
    QString authType; // AWS_IAM or NONE
    QStringList origins; // CORS; empty for none
    QString invokeMode; // BUFFERED or RESPONSE_STREAM
};
std::optional<FunctionUrlSettings> functionUrl(const ExportFunction &function);

ProviderLimits lambdaLimits();
// The AWS targets deploy to the same platform, priced the same: they differ in what they
// write (description and options).
ProviderTarget lambdaTarget(const QString &id, const QString &name, const char *description,
                            const QList<ProviderOption> &options = {});

// Reading CloudFormation back: the node a service resource becomes (kind and
// properties), or an empty kind when the type is not modelled.
struct ImportedService
{
    QString kind;
    QJsonObject properties;
};
ImportedService readServiceResource(const std::string &type, const YAML::Node &properties);
// An imported physical name that the node's own name gives (a FIFO queue named after its
// QueueName) says nothing more: it goes, so that an export read back is the same design.
void dropRedundantPhysicalName(Node *node);
// The logical id a reference names: "X" for !Ref X, !GetAtt X.Arn, !GetAtt [X, Arn],
// {"Ref": "X"}, {"Fn::GetAtt": ["X", "Arn"]}; empty otherwise.
QString referencedId(const YAML::Node &value);
// The connection an IAM action on a service of this kind stands for ("writes",
// "reads", "publishes", "calls"), or empty for a trigger's own permissions.
QString accessType(const QString &serviceKind, const QString &action);
// The logical id an IAM statement's Resource names (also "${X.Arn}/*" in !Sub).
QString statementResourceId(const YAML::Node &resource);
// An IAM role's resource for a function (serverless.yml and other CloudFormation
// without SAM): Lambda may assume it, it may write logs, and its statements.
YAML::Node lambdaRole(const ExportFunction &function, const LogicalIds &ids);

// Adds the file at path: generated merged into the imported file that origin keeps
// (YamlMerge::mergeWithOrigin), else generated as is after a Warning (export-origin):
// warning, translated, with %1 why the imported file cannot be read back.
void addMergedFile(const QJsonObject &origin, const QString &path, const YAML::Node &generated, const QString &warning,
                   ExportOutput &output);

// What an importer keeps in result's origin for the export back to its file (see
// YamlMerge::mergeWithOrigin): the file's name and text, the logical ids and event keys
// it read, and the baseline, the file generate writes for the canvas as imported
// (result's nodes and edges) with those ids. Call it last: generate reads the origin.
using TemplateGenerator =
    std::function<YAML::Node(const ExportModel &model, const LogicalIds &ids, ExportOutput &output)>;
void keepOrigin(const ImportInput &input, const QJsonObject &ids, const QJsonObject &events,
                const TemplateGenerator &generate, ImportResult *result);

// The destinations of a function's asynchronous invocations: its on-success and
// on-failure connections (the first by name of each; more are reported).
struct Destinations
{
    const Node *onSuccess = nullptr;
    const Node *onFailure = nullptr;
};
Destinations destinations(const ExportFunction &function, ExportOutput &output);
// Where the records a table's stream gives up on go: the function's on-failure queue or
// topic; another kind of destination is reported (a stream cannot send there).
const Node *streamFailureDestination(const ExportFunction &function, const Node *table, ExportOutput &output);
// Whether the function's asynchronous settings differ from Lambda's defaults.
bool hasAsyncSettings(const ExportFunction &function);

// A supported runtime for one the canvas does not offer (nodejs18.x -> nodejs20.x).
QString nearestRuntime(const QString &runtime);

// ---- event-driven designs: settings, buses, rules, destinations ------------

// A node's property, else its kind's default (a project file may leave defaults out).
QJsonValue setting(const Node *node, const char *property);
int settingInt(const Node *node, const char *property);
bool settingBool(const Node *node, const char *property);
QString settingText(const Node *node, const char *property);
// Whether a nullable setting holds a value.
bool hasSetting(const Node *node, const char *property);

// JSON that the design holds as text (event patterns, input paths) as YAML that keeps
// the order of its keys, and back as JSON text: {"a": [1, "x"]}, with ", " and ": ".
// A design whose JSON is written so reads back unchanged. An undefined node when text
// is not JSON.
YAML::Node jsonToYaml(const QString &text);
QString yamlToJson(const YAML::Node &node);
// The patterns of a filterCriteria text (one pattern, an array of them, or Lambda's
// {"Filters": [...]}), each as JSON text; empty when there are none or text is not JSON.
QStringList filterPatterns(const QString &criteria);
// The filterCriteria text of patterns read back: the one pattern, or "[p1, p2]".
QString filterCriteriaText(const QStringList &patterns);
// Lambda's FilterCriteria ({"Filters": [{"Pattern": "..."}]}) for a trigger's criteria,
// or an undefined node when it has none; an unreadable text is reported.
YAML::Node lambdaFilterCriteria(const Node *trigger, ExportOutput &output);

// The deployed name of a queue, topic, table or bucket: its physical name, else its node
// name; a FIFO one's ends with ".fifo", as AWS requires and the local cloud names it.
QString awsName(const Node *node);
// The deployed name of a named queue's dead-letter queue, as the local cloud names it:
// the queue's with "-dlq" (before ".fifo").
QString deadLetterName(const Node *queue);

// An event bus's ARN: !GetAtt of its resource, or the account's default bus.
YAML::Node busArn(const Node *bus, const LogicalIds &ids);
// What a rule target, a destination or a dead-letter queue names: the ARN of a queue,
// topic, function or bus.
YAML::Node resourceArn(const Node *node, const LogicalIds &ids);
// The type a destination takes in SAM's DestinationConfig: SQS, SNS, Lambda, EventBridge.
QString destinationType(const Node *node);

// A rule with the bus it is on (routes) and its targets, by name.
struct ExportRule
{
    const Node *rule = nullptr;
    const Node *bus = nullptr; // the first by name of those routing to it
    QList<const Node *> otherBuses; // an AWS rule is on one bus: these are reported
    QList<const Node *> targets;
    // One function target: the function's own event (SAM EventBridgeRule, eventBridge).
    bool isFunctionEvent() const { return targets.size() == 1 && targets.first()->kind == QLatin1String("function"); }
};
QList<ExportRule> exportRules(const ExportModel &model);
// A rule's event pattern as YAML; undefined (and reported) when it is not a JSON object.
YAML::Node rulePattern(const Node *rule, ExportOutput &output);
// A rule's input, retry policy and dead-letter queue as the keys of one AWS::Events::Rule
// target, which SAM's EventBridgeRule event takes too (what cannot be written is reported).
void addRuleTargetSettings(YAML::Node &target, const Node *rule, const ExportModel &model, const LogicalIds &ids,
                           ExportOutput &output);

// The ARNs of every rule on a rule's bus (rule/<bus>/*): what a queue's policy names for a
// rule the deploy tool names itself (a function's EventBridgeRule or eventBridge event).
YAML::Node busRulesArn(const ExportRule &rule);
// The AWS::Events::EventBus (not for the default bus) and AWS::Events::Archive resources of
// the design's buses; the AWS::Events::Rule resources of its rules except those written as
// a function's event (functionEvent), with what lets them deliver: a permission per function
// target, a role for bus targets, a policy per queue and topic that a rule sends to (its
// targets and dead-letter queues; eventRuleArn names a rule written as a function's event).
// A rule on no bus, on several, or with no target, is reported.
void addEventResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &resources, ExportOutput &output,
                       const std::function<bool(const ExportRule &)> &functionEvent,
                       const std::function<YAML::Node(const ExportRule &)> &eventRuleArn);

// An SNS subscription as the design draws it: a topic's connection to a queue (delivers)
// or a function (invokes), with its filter policy, scope and raw delivery.
struct Subscription
{
    const Node *topic = nullptr;
    const Node *endpoint = nullptr;
    QString filterPolicy; // JSON text, empty for none
    QString filterPolicyScope; // MessageAttributes (the default) or MessageBody
    bool raw = false; // RawMessageDelivery (queues)
};
// The subscription of the connection from topic to endpoint, defaults where unset.
Subscription subscriptionOf(const ExportModel &model, const Node *topic, const Node *endpoint);
// The design's subscriptions of queues (topic -> queue delivers), in connection order.
QList<Subscription> queueSubscriptions(const ExportModel &model);
// Its FilterPolicy (an object, as CloudFormation and the framework take it) and, when not
// the default, FilterPolicyScope into map under the keys given; a policy that is not JSON
// is reported on the connection and left out.
void addFilterPolicy(YAML::Node &map, const Subscription &subscription, const char *policyKey, const char *scopeKey,
                     ExportOutput &output);
// AWS::SNS::Subscription of each topic -> queue connection, and the queue policies that let
// the topics send (added to a queue's EventsPolicy when rules send to it too: one policy
// per queue, as SQS keeps one).
void addSubscriptionResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &resources,
                              ExportOutput &output);
// A subscription's settings read back as its connection's properties: the filter policy
// (an object, or its JSON text), its scope and, with rawKey, raw delivery.
QJsonObject subscriptionProperties(const YAML::Node &settings, const char *policyKey, const char *scopeKey,
                                   const char *rawKey = nullptr);
// An AWS::SNS::Subscription (properties p) of a queue (sqs) or function (lambda) of the
// template as the connection it stands for (topic -> queue delivers, topic -> function
// invokes) with its properties; false when it is another protocol or names a topic or an
// endpoint outside the template (nodeOfResource: logical id -> node name).
bool readSubscription(ImportBuilder &builder, const QHash<QString, QString> &nodeOfResource, const YAML::Node &p);
// The design's secrets (AWS::SecretsManager::Secret, generated ones with
// GenerateSecretString, never a value) and parameters (AWS::SSM::Parameter with a
// placeholder value; a SecureString, which CloudFormation cannot create, is reported).
void addSecretResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &resources, ExportOutput &output);
// Reports what the exports cannot write (ExportModel::reportUnexported less the buses,
// rules and user pools, which they write) and each bucket's filter criteria, which S3 notifications of
// CloudFormation have no place for.
// The settings of an event source (a SAM event's Properties, a serverless.yml event) an
// import does not read, in the file's order: every key not in read, but for Enabled set to
// true (the default, so nothing is lost). For a warning that names them.
QStringList unreadKeys(const YAML::Node &settings, std::initializer_list<const char *> read);

void reportUnexported(const ExportModel &model, ExportOutput &output, const QString &platform,
                      const QStringList &alsoWritten = {});

// Reading buses and rules back (both formats keep them as CloudFormation resources):
// addNode adds a node for a resource (and records its logical id) and returns its name.
class EventReader
{
public:
    using AddNode = std::function<QString(const QString &kind, const QString &logicalId, const QJsonObject &)>;
    EventReader(ImportBuilder &builder, QHash<QString, QString> &nodeOfResource, AddNode addNode)
        : mBuilder(builder), mNodeOfResource(nodeOfResource), mAddNode(std::move(addNode))
    { }
    // An AWS::Events::EventBus; an AWS::Events::Archive after every bus. False for other types.
    bool readBus(const QString &id, const std::string &type, const YAML::Node &p);
    bool readArchive(const std::string &type, const YAML::Node &p);
    // The bus node an EventBusName value names (!Ref X, a name, an ARN, or nothing: the
    // default bus, added when the template only refers to it).
    QString bus(const YAML::Node &value);
    // The node a target's, destination's or dead-letter queue's ARN names; empty if none.
    QString nodeOfArn(const YAML::Node &arn);
    // A rule's properties from its pattern and one target's settings: SAM EventBridgeRule
    // properties and AWS::Events::Rule targets (PascalCase), or serverless.yml's
    // eventBridge event (camelCase).
    QJsonObject ruleProperties(const YAML::Node &pattern, const YAML::Node &target, bool enabled,
                               const QString &description);
    // An AWS::Events::Rule resource with its targets, once every other node is read.
    bool readRule(const QString &id, const std::string &type, const YAML::Node &p);

private:
    ImportBuilder &mBuilder;
    QHash<QString, QString> &mNodeOfResource;
    AddNode mAddNode;
    QHash<QString, QString> mBusByName;
};

// A filterCriteria text from Lambda's FilterCriteria ({Filters: [{Pattern: "..."}]}) or
// serverless.yml's filterPatterns (a list of patterns); empty when there is none.
QString filterCriteriaFromYaml(const YAML::Node &criteria);

} // namespace Nimbus::Aws
