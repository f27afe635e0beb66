#include "services.h"

#include "awsservice.h"
#include "model/catalog.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/eventbus.h"
#include "cloud/eventpattern.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QByteArray kContentType = "application/x-amz-json-1.1";

struct EventsError
{
    QString code;
    QString message;
    int status = 400;
};

// EventBridge (JSON 1.1, X-Amz-Target AWSEvents.*): PutEvents on the design's buses,
// TestEventPattern, and the rules and buses of the canvas described as the service
// describes them. Rules and buses are made on the canvas, so every other operation
// is refused by name.
class EventBridgeService final : public AwsService
{
public:
    explicit EventBridgeService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    using Function = QJsonObject (EventBridgeService::*)(const QJsonObject &input, qint64 cause, EventsError *error);

    QJsonObject putEvents(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject testEventPattern(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject listRules(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject describeRule(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject listEventBuses(const QJsonObject &input, qint64 cause, EventsError *error);

    // The bus a request names (EventBusName: a name or an ARN; none: "default").
    const Node *bus(const QJsonObject &input, EventsError *error) const;
    // The rules connected to bus, by name.
    QList<const Node *> rules(const Node &bus) const;
    QJsonObject ruleDescription(const Node &bus, const Node &rule) const;

    QHash<QString, Function> mOperations;
};

QString text(const Node &node, const char *property)
{
    const QJsonValue value = node.properties.value(QLatin1String(property));
    if (!value.isUndefined())
        return value.toString();
    const NodeKind *kind = Catalog::builtin().kind(node.kind);
    return kind ? kind->defaultProperties(node.name).value(QLatin1String(property)).toString() : QString();
}

} // namespace

EventBridgeService::EventBridgeService(AwsEndpoint &endpoint)
    : AwsService(Recognition(u"events"_s).byTarget(u"AWSEvents."_s), endpoint)
{
    mOperations = {
        {u"PutEvents"_s, &EventBridgeService::putEvents},
        {u"TestEventPattern"_s, &EventBridgeService::testEventPattern},
        {u"ListRules"_s, &EventBridgeService::listRules},
        {u"DescribeRule"_s, &EventBridgeService::describeRule},
        {u"ListEventBuses"_s, &EventBridgeService::listEventBuses},
    };
}

void EventBridgeService::handle(const AwsRequest &request, const AwsReply &done)
{
    const Function function = mOperations.value(request.operation);
    if (!function) {
        done(AwsWire::jsonError(
            501, QString(), u"NotImplemented"_s,
            u"AWSEvents.%1 is not served by the local cloud: make buses and rules on the canvas"_s.arg(
                request.operation)));
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        done(AwsWire::jsonError(400, QString(), u"SerializationException"_s,
                                u"the request body is not a JSON object"_s));
        return;
    }
    EventsError error;
    const QJsonObject result = (this->*function)(document.object(), request.cause, &error);
    if (!error.code.isEmpty()) {
        done(AwsWire::jsonError(error.status, QString(), error.code, error.message));
        return;
    }
    done(AwsWire::jsonAnswer(result, kContentType));
}

QJsonObject EventBridgeService::putEvents(const QJsonObject &input, qint64 cause, EventsError *error)
{
    const QJsonArray entries = input.value("Entries"_L1).toArray();
    if (entries.isEmpty() || entries.size() > EventBus::kMaxEntries) {
        *error = {u"ValidationException"_s,
                  u"1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have "
                  "length less than or equal to %1 and greater than or equal to 1"_s.arg(EventBus::kMaxEntries)};
        return {};
    }
    qsizetype size = 0;
    for (const QJsonValue &entry : entries)
        size += EventBus::entrySize(entry.toObject());
    if (size > EventBus::kMaxRequestSize) {
        *error = {u"ValidationException"_s, u"Total size of the entries in the request is over the limit."_s};
        return {};
    }
    const QJsonArray results = cloud().putEvents(QString(), entries, cause);
    const auto failed = std::count_if(results.begin(), results.end(), [](const QJsonValue &result) {
        return result.toObject().contains("ErrorCode"_L1);
    });
    return {{u"FailedEntryCount"_s, int(failed)}, {u"Entries"_s, results}};
}

QJsonObject EventBridgeService::testEventPattern(const QJsonObject &input, qint64, EventsError *error)
{
    const Result<bool> matched = EventPattern::test(input.value("EventPattern"_L1).toString().toUtf8(),
                                                    input.value("Event"_L1).toString().toUtf8());
    if (!matched) {
        *error = {u"InvalidEventPatternException"_s, matched.errorMessage()};
        return {};
    }
    return {{u"Result"_s, *matched}};
}

const Node *EventBridgeService::bus(const QJsonObject &input, EventsError *error) const
{
    const QString name = input.value("EventBusName"_L1).toString();
    const Node *node = EventBus(cloud()).findBus(name);
    if (!node)
        *error = {u"ResourceNotFoundException"_s,
                  u"Event bus %1 does not exist."_s.arg(name.isEmpty() ? u"default"_s : name)};
    return node;
}

QList<const Node *> EventBridgeService::rules(const Node &bus) const
{
    const Architecture &architecture = cloud().project().architecture();
    QList<const Node *> result;
    for (EdgeId id : architecture.outgoingEdges(bus.id)) {
        const Edge *edge = architecture.edge(id);
        const Node *rule = architecture.node(edge->to);
        if (edge->type == "routes"_L1 && rule && rule->kind == Kinds::Rule)
            result.append(rule);
    }
    std::sort(result.begin(), result.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return result;
}

QJsonObject EventBridgeService::ruleDescription(const Node &bus, const Node &rule) const
{
    const QString busName = EventBus::busName(bus);
    QJsonObject description{
        {u"Name"_s, rule.name},
        {u"Arn"_s, EventBus::ruleArn(cloud().region(), busName, rule.name)},
        {u"EventPattern"_s, text(rule, "pattern")},
        {u"State"_s, rule.properties.value("enabled"_L1).toBool(true) ? u"ENABLED"_s : u"DISABLED"_s},
        {u"EventBusName"_s, busName},
    };
    if (const QString text_ = text(rule, "description"); !text_.isEmpty())
        description.insert(u"Description"_s, text_);
    return description;
}

QJsonObject EventBridgeService::listRules(const QJsonObject &input, qint64, EventsError *error)
{
    const Node *node = bus(input, error);
    if (!node)
        return {};
    const QString prefix = input.value("NamePrefix"_L1).toString();
    QJsonArray listed;
    for (const Node *rule : rules(*node))
        if (rule->name.startsWith(prefix))
            listed.append(ruleDescription(*node, *rule));
    return {{u"Rules"_s, listed}};
}

QJsonObject EventBridgeService::describeRule(const QJsonObject &input, qint64, EventsError *error)
{
    const Node *node = bus(input, error);
    if (!node)
        return {};
    const QString name = input.value("Name"_L1).toString();
    for (const Node *rule : rules(*node))
        if (rule->name == name) {
            QJsonObject description = ruleDescription(*node, *rule);
            description.insert(u"CreatedBy"_s, QLatin1String(AwsEndpoint::kAccountId));
            return description;
        }
    *error = {u"ResourceNotFoundException"_s,
              u"Rule %1 does not exist on EventBus %2."_s.arg(name, EventBus::busName(*node))};
    return {};
}

QJsonObject EventBridgeService::listEventBuses(const QJsonObject &input, qint64, EventsError *)
{
    const QString prefix = input.value("NamePrefix"_L1).toString();
    QList<QString> names;
    for (const auto &[id, node] : cloud().project().architecture().nodes())
        if (node.kind == Kinds::EventBus && EventBus::busName(node).startsWith(prefix))
            names.append(EventBus::busName(node));
    std::sort(names.begin(), names.end());
    QJsonArray buses;
    for (const QString &name : std::as_const(names))
        buses.append(QJsonObject{{u"Name"_s, name}, {u"Arn"_s, EventBus::busArn(cloud().region(), name)}});
    return {{u"EventBuses"_s, buses}};
}

AwsService *createEventBridgeService(AwsEndpoint &endpoint)
{
    return new EventBridgeService(endpoint);
}

} // namespace Nimbus
