#include "services.h"

#include "awsservice.h"
#include "model/catalog.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/eventarchive.h"
#include "cloud/eventbus.h"
#include "cloud/eventpattern.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QByteArray kContentType = "application/x-amz-json-1.1";

// The API reference's constraints on the archive and replay operations' members.
constexpr int kArchiveNameLength = 48;
constexpr int kDescriptionLength = 512;
constexpr int kEventPatternLength = 4096;
constexpr int kArnLength = 1600;
// The timestamps a replay takes: from the epoch to the end of year 9999.
constexpr double kLastSecond = 253402300799.0;

struct EventsError
{
    QString code;
    QString message;
    int status = 400;
};

// EventBridge (JSON 1.1, X-Amz-Target AWSEvents.*): PutEvents on the design's buses,
// TestEventPattern, and the rules and buses of the canvas described as the service
// describes them; the buses' archives and their replays. Rules, buses and archives are
// made on the canvas (a bus's archive is named <bus>-archive), so CreateArchive of any
// other archive is refused, and every other operation is refused by name.
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
    QJsonObject createArchive(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject describeArchive(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject listArchives(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject updateArchive(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject deleteArchive(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject startReplay(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject describeReplay(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject listReplays(const QJsonObject &input, qint64 cause, EventsError *error);
    QJsonObject cancelReplay(const QJsonObject &input, qint64 cause, EventsError *error);

    // The bus a request names (EventBusName: a name or an ARN; none: "default").
    const Node *bus(const QJsonObject &input, EventsError *error) const;
    // The rules connected to bus, by name.
    QList<const Node *> rules(const Node &bus) const;
    QJsonObject ruleDescription(const Node &bus, const Node &rule) const;
    // The archive the request names (ArchiveName), or the error AWS answers.
    std::optional<ArchiveInfo> archiveNamed(const QJsonObject &input, EventsError *error) const;
    QJsonObject archiveSummary(const ArchiveInfo &archive) const;
    QJsonObject replaySummary(const ReplayInfo &replay) const;

    QStringList servedOperations() const override { return mOperations.keys(); }

    QHash<QString, Function> mOperations;
};

// AWS's message for a member that breaks its constraint, as the service words it.
EventsError invalid(const char *member, const QString &constraint)
{
    return {u"ValidationException"_s,
            u"1 validation error detected: Value at '%1' failed to satisfy constraint: %2"_s.arg(QLatin1String(member),
                                                                                                 constraint)};
}

EventsError missing(const char *member)
{
    return {
        u"ValidationException"_s,
        u"1 validation error detected: Value null at '%1' failed to satisfy constraint: Member must not be null"_s.arg(
            QLatin1String(member))};
}

// A name as ArchiveName (48) and ReplayName (64), and their NamePrefix, take it: too long,
// or with other characters, it is the error AWS answers (true).
bool badName(const QString &name, const char *member, int maxLength, EventsError *error)
{
    static const QRegularExpression pattern(u"^[.\\-_A-Za-z0-9]+$"_s);
    if (name.size() > maxLength)
        *error = invalid(member, u"Member must have length less than or equal to %1"_s.arg(maxLength));
    else if (!pattern.match(name).hasMatch())
        *error = invalid(member, u"Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+"_s);
    else
        return false;
    return true;
}

// A string member longer than the API takes (Description, EventPattern, an ARN): the
// error AWS answers (true).
bool tooLong(const QJsonValue &value, const char *member, int maxLength, EventsError *error)
{
    if (value.toString().size() <= maxLength)
        return false;
    *error = invalid(member, u"Member must have length less than or equal to %1"_s.arg(maxLength));
    return true;
}

// RetentionDays: a whole number of days from 0 (none: not given).
bool badRetention(const QJsonValue &days, EventsError *error)
{
    if (days.isUndefined()
        || (days.isDouble() && days.toDouble() == std::floor(days.toDouble()) && days.toDouble() >= 0
            && days.toDouble() <= std::numeric_limits<int>::max()))
        return false;
    *error = invalid("retentionDays", u"Member must have value greater than or equal to 0"_s);
    return true;
}

// State of ListArchives and ListReplays: one of the values the API names, or none.
bool badState(const QString &state, const QStringList &values, EventsError *error)
{
    if (state.isEmpty() || values.contains(state))
        return false;
    *error = invalid("state", u"Member must satisfy enum value set: [%1]"_s.arg(values.join(", "_L1)));
    return true;
}

// A JSON 1.1 timestamp: seconds since the epoch, as the SDKs send it (invalid when it is
// not one, or past the year 9999).
QDateTime timestamp(const QJsonValue &value)
{
    const double seconds = value.toDouble(-1);
    if (!value.isDouble() || !(seconds >= 0 && seconds <= kLastSecond))
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), Qt::UTC);
}

QJsonValue seconds(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(double(time.toMSecsSinceEpoch()) / 1000) : QJsonValue();
}

// The name at the end of an ARN's resource (arn:...:archive/NAME), or the text itself.
QString arnName(const QString &arn, QLatin1StringView type)
{
    const QString marker = u":%1/"_s.arg(type);
    const qsizetype at = arn.indexOf(marker);
    return arn.startsWith("arn:"_L1) ? (at < 0 ? QString() : arn.mid(at + marker.size())) : arn;
}

// A page of a list, as Limit and NextToken (the offset, as text) ask for it.
QJsonArray page(const QJsonArray &all, const QJsonObject &input, QJsonObject *answer, EventsError *error)
{
    const int limit = input.contains("Limit"_L1) ? input.value("Limit"_L1).toInt() : 100;
    if (limit < 1 || limit > 100) {
        *error = invalid("limit", u"Member must have value less than or equal to 100"_s);
        return {};
    }
    bool ok = true;
    const int from = input.contains("NextToken"_L1) ? input.value("NextToken"_L1).toString().toInt(&ok) : 0;
    if (!ok || from < 0 || from > all.size()) {
        *error = {u"ValidationException"_s, u"The NextToken is not valid."_s};
        return {};
    }
    QJsonArray listed;
    for (int i = from; i < all.size() && listed.size() < limit; ++i)
        listed.append(all.at(i));
    if (from + listed.size() < all.size())
        answer->insert(u"NextToken"_s, QString::number(from + listed.size()));
    return listed;
}

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
        {u"CreateArchive"_s, &EventBridgeService::createArchive},
        {u"DescribeArchive"_s, &EventBridgeService::describeArchive},
        {u"ListArchives"_s, &EventBridgeService::listArchives},
        {u"UpdateArchive"_s, &EventBridgeService::updateArchive},
        {u"DeleteArchive"_s, &EventBridgeService::deleteArchive},
        {u"StartReplay"_s, &EventBridgeService::startReplay},
        {u"DescribeReplay"_s, &EventBridgeService::describeReplay},
        {u"ListReplays"_s, &EventBridgeService::listReplays},
        {u"CancelReplay"_s, &EventBridgeService::cancelReplay},
    };
    servePartly(u"CreateArchive"_s, QStringLiteral("answers ResourceAlreadyExistsException for the design's archives "
                                                   "(a bus's Archive); any other is refused"));
    servePartly(u"UpdateArchive"_s, u"for this run"_s);
    servePartly(u"DeleteArchive"_s, u"for this run"_s);
    const QString design = u"make buses, rules and their targets on the canvas"_s;
    for (const char *operation :
         {"PutRule", "DeleteRule", "EnableRule", "DisableRule", "PutTargets", "RemoveTargets", "ListTargetsByRule",
          "ListRuleNamesByTarget", "CreateEventBus", "DeleteEventBus", "DescribeEventBus", "UpdateEventBus"})
        refuse(QLatin1String(operation), design);
    const QString permissions = u"permissions come from the design's connections"_s;
    refuse(u"PutPermission"_s, permissions);
    refuse(u"RemovePermission"_s, permissions);
    const QString destinations = u"API destinations and connections are not emulated"_s;
    for (const char *operation : {"CreateApiDestination", "DeleteApiDestination", "DescribeApiDestination",
                                  "ListApiDestinations", "UpdateApiDestination", "CreateConnection", "DeleteConnection",
                                  "DescribeConnection", "ListConnections", "UpdateConnection", "DeauthorizeConnection"})
        refuse(QLatin1String(operation), destinations);
    const QString tags = u"buses and rules have no tags here"_s;
    for (const char *operation : {"TagResource", "UntagResource", "ListTagsForResource"})
        refuse(QLatin1String(operation), tags);
    const QString global = u"global endpoints and partner event sources are not emulated"_s;
    for (const char *operation :
         {"CreateEndpoint", "DeleteEndpoint", "DescribeEndpoint", "ListEndpoints", "UpdateEndpoint",
          "CreatePartnerEventSource", "ListEventSources", "ActivateEventSource", "DeactivateEventSource"})
        refuse(QLatin1String(operation), global);
}

void EventBridgeService::handle(const AwsRequest &request, const AwsReply &done)
{
    const Function function = mOperations.value(request.operation);
    if (const std::optional<QString> note = refusal(request.operation)) {
        done(refusedOperation(request, *note));
        return;
    }
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

// ---- archives and replays -------------------------------------------------------

std::optional<ArchiveInfo> EventBridgeService::archiveNamed(const QJsonObject &input, EventsError *error) const
{
    const QString name = input.value("ArchiveName"_L1).toString();
    if (name.isEmpty()) {
        *error = missing("archiveName");
        return std::nullopt;
    }
    if (badName(name, "archiveName", kArchiveNameLength, error))
        return std::nullopt;
    std::optional<ArchiveInfo> archive = cloud().eventArchive().archive(name);
    if (!archive)
        *error = {u"ResourceNotFoundException"_s, u"Archive %1 does not exist."_s.arg(name)};
    return archive;
}

QJsonObject EventBridgeService::archiveSummary(const ArchiveInfo &archive) const
{
    return {{u"ArchiveName"_s, archive.name},
            {u"EventSourceArn"_s, EventBus::busArn(cloud().region(), archive.busName)},
            {u"State"_s, u"ENABLED"_s},
            {u"RetentionDays"_s, archive.retentionDays.value_or(0)},
            {u"SizeBytes"_s, cloud().state().archivedSize(archive.name)},
            {u"EventCount"_s, cloud().state().archivedCount(archive.name)},
            {u"CreationTime"_s, seconds(archive.created)}};
}

// The design's archives exist already: CreateArchive of one answers that it does, as
// EventBridge answers for an archive that exists; any other is refused, saying how to
// make it on the canvas.
QJsonObject EventBridgeService::createArchive(const QJsonObject &input, qint64, EventsError *error)
{
    const QString name = input.value("ArchiveName"_L1).toString();
    const QString source = input.value("EventSourceArn"_L1).toString();
    if (name.isEmpty()) {
        *error = missing("archiveName");
        return {};
    }
    if (source.isEmpty()) {
        *error = missing("eventSourceArn");
        return {};
    }
    if (badName(name, "archiveName", kArchiveNameLength, error)
        || tooLong(input.value("Description"_L1), "description", kDescriptionLength, error)
        || tooLong(input.value("EventPattern"_L1), "eventPattern", kEventPatternLength, error)
        || tooLong(source, "eventSourceArn", kArnLength, error) || badRetention(input.value("RetentionDays"_L1), error))
        return {};
    if (!source.startsWith("arn:"_L1)) {
        *error = invalid("eventSourceArn", u"Member must satisfy regular expression pattern: "
                                           "^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+$"_s);
        return {};
    }
    const Node *bus = EventBus(cloud()).findBus(source);
    if (!bus) {
        *error = {u"ResourceNotFoundException"_s,
                  u"Event bus %1 does not exist."_s.arg(arnName(source, "event-bus"_L1))};
        return {};
    }
    if (cloud().eventArchive().archive(name)) {
        *error = {u"ResourceAlreadyExistsException"_s, u"Archive %1 already exists."_s.arg(name)};
        return {};
    }
    const QString designName = EventArchive::archiveName(EventBus::busName(*bus));
    *error = {u"ValidationException"_s,
              u"The local cloud keeps the design's archives only: turn on Archive on the event bus %1 on the canvas, "
              "and its archive is %2."_s.arg(bus->name, designName)};
    return {};
}

QJsonObject EventBridgeService::describeArchive(const QJsonObject &input, qint64, EventsError *error)
{
    const std::optional<ArchiveInfo> archive = archiveNamed(input, error);
    if (!archive)
        return {};
    QJsonObject description = archiveSummary(*archive);
    description.insert(u"ArchiveArn"_s, EventArchive::archiveArn(cloud().region(), archive->name));
    if (!archive->description.isEmpty())
        description.insert(u"Description"_s, archive->description);
    if (!archive->pattern.isEmpty())
        description.insert(u"EventPattern"_s, archive->pattern);
    return description;
}

QJsonObject EventBridgeService::listArchives(const QJsonObject &input, qint64, EventsError *error)
{
    const QString prefix = input.value("NamePrefix"_L1).toString();
    const QString source = input.value("EventSourceArn"_L1).toString();
    const QString state = input.value("State"_L1).toString();
    if ((!prefix.isEmpty() && badName(prefix, "namePrefix", kArchiveNameLength, error))
        || tooLong(source, "eventSourceArn", kArnLength, error)
        || badState(state,
                    {u"ENABLED"_s, u"DISABLED"_s, u"CREATING"_s, u"UPDATING"_s, u"CREATE_FAILED"_s, u"UPDATE_FAILED"_s},
                    error))
        return {};
    const Node *bus = source.isEmpty() ? nullptr : EventBus(cloud()).findBus(source);
    if (!source.isEmpty() && !bus) {
        *error = {u"ResourceNotFoundException"_s,
                  u"Event bus %1 does not exist."_s.arg(arnName(source, "event-bus"_L1))};
        return {};
    }
    QJsonArray all;
    for (const ArchiveInfo &archive : cloud().eventArchive().archives())
        if (archive.name.startsWith(prefix) && (!bus || archive.busNode == bus->name)
            && (state.isEmpty() || state == "ENABLED"_L1))
            all.append(archiveSummary(archive));
    QJsonObject answer;
    const QJsonArray listed = page(all, input, &answer, error);
    answer.insert(u"Archives"_s, listed);
    return answer;
}

QJsonObject EventBridgeService::updateArchive(const QJsonObject &input, qint64, EventsError *error)
{
    const std::optional<ArchiveInfo> archive = archiveNamed(input, error);
    if (!archive)
        return {};
    const QJsonValue days = input.value("RetentionDays"_L1);
    if (badRetention(days, error) || tooLong(input.value("Description"_L1), "description", kDescriptionLength, error)
        || tooLong(input.value("EventPattern"_L1), "eventPattern", kEventPatternLength, error))
        return {};
    auto given = [&input](const char *member) {
        const QJsonValue value = input.value(QLatin1String(member));
        return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
    };
    const Result<ArchiveInfo> updated = cloud().eventArchive().update(
        archive->name, given("EventPattern"), days.isDouble() ? std::optional<int>(days.toInt()) : std::nullopt,
        given("Description"));
    if (!updated) {
        *error = {u"InvalidEventPatternException"_s, updated.errorMessage()};
        return {};
    }
    return {{u"ArchiveArn"_s, EventArchive::archiveArn(cloud().region(), updated->name)},
            {u"State"_s, u"ENABLED"_s},
            {u"CreationTime"_s, seconds(updated->created)}};
}

QJsonObject EventBridgeService::deleteArchive(const QJsonObject &input, qint64, EventsError *error)
{
    const std::optional<ArchiveInfo> archive = archiveNamed(input, error);
    if (!archive)
        return {};
    if (const Result<void> removed = cloud().eventArchive().remove(archive->name); !removed)
        *error = {u"InternalException"_s, removed.errorMessage()};
    return {};
}

QJsonObject EventBridgeService::replaySummary(const ReplayInfo &replay) const
{
    QJsonObject summary{{u"ReplayName"_s, replay.name},
                        {u"EventSourceArn"_s, EventArchive::archiveArn(cloud().region(), replay.archive)},
                        {u"State"_s, ReplayInfo::stateName(replay.state)},
                        {u"EventStartTime"_s, seconds(replay.from)},
                        {u"EventEndTime"_s, seconds(replay.to)},
                        {u"ReplayStartTime"_s, seconds(replay.started)}};
    if (!replay.stateReason.isEmpty())
        summary.insert(u"StateReason"_s, replay.stateReason);
    if (replay.lastReplayed.isValid())
        summary.insert(u"EventLastReplayedTime"_s, seconds(replay.lastReplayed));
    if (replay.ended.isValid())
        summary.insert(u"ReplayEndTime"_s, seconds(replay.ended));
    return summary;
}

QJsonObject EventBridgeService::startReplay(const QJsonObject &input, qint64, EventsError *error)
{
    const QString name = input.value("ReplayName"_L1).toString();
    const QString source = input.value("EventSourceArn"_L1).toString();
    const QJsonObject destination = input.value("Destination"_L1).toObject();
    const QDateTime from = timestamp(input.value("EventStartTime"_L1));
    const QDateTime to = timestamp(input.value("EventEndTime"_L1));
    for (const auto &[member, given] :
         {std::pair{"replayName", !name.isEmpty()}, std::pair{"eventSourceArn", !source.isEmpty()},
          std::pair{"eventStartTime", input.contains("EventStartTime"_L1)},
          std::pair{"eventEndTime", input.contains("EventEndTime"_L1)},
          std::pair{"destination", input.value("Destination"_L1).isObject()},
          std::pair{"destination.arn", destination.contains("Arn"_L1)}})
        if (!given) {
            *error = missing(member);
            return {};
        }
    for (const auto &[member, time] :
         {std::pair{"eventStartTime", from.isValid()}, std::pair{"eventEndTime", to.isValid()}})
        if (!time) {
            *error = invalid(member, u"Member must be a timestamp from 1970 to 9999"_s);
            return {};
        }
    const QJsonArray filters = destination.value("FilterArns"_L1).toArray();
    if (badName(name, "replayName", EventArchive::kMaxReplayNameLength, error)
        || tooLong(input.value("Description"_L1), "description", kDescriptionLength, error)
        || tooLong(source, "eventSourceArn", kArnLength, error)
        || tooLong(destination.value("Arn"_L1), "destination.arn", kArnLength, error))
        return {};
    // More than a bus has rules can only repeat them, and each is looked up: EventBridge's
    // quota of rules per bus bounds the list (the API reference gives it no length).
    if (filters.size() > EventArchive::kMaxReplayRules) {
        *error = invalid("destination.filterArns",
                         u"Member must have length less than or equal to %1"_s.arg(EventArchive::kMaxReplayRules));
        return {};
    }
    for (const QJsonValue &arn : filters)
        if (tooLong(arn, "destination.filterArns.member", kArnLength, error))
            return {};
    const QString archiveName = arnName(source, "archive"_L1);
    const std::optional<ArchiveInfo> archive = cloud().eventArchive().archive(archiveName);
    if (!archive) {
        *error = {u"ResourceNotFoundException"_s, u"Archive %1 does not exist."_s.arg(archiveName)};
        return {};
    }
    if (cloud().eventArchive().replay(name)) {
        *error = {u"ResourceAlreadyExistsException"_s, u"Replay %1 already exists."_s.arg(name)};
        return {};
    }
    const Node *bus = EventBus(cloud()).findBus(destination.value("Arn"_L1).toString());
    if (!bus || bus->name != archive->busNode) {
        *error = {u"ValidationException"_s,
                  u"Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted."_s};
        return {};
    }
    if (from >= to) {
        *error = {u"ValidationException"_s,
                  u"Parameter EventStartTime is not valid. Reason: EventStartTime must be before EventEndTime."_s};
        return {};
    }
    if (to > cloud().clock().now()) {
        *error = {u"ValidationException"_s,
                  u"Parameter EventEndTime is not valid. Reason: EventEndTime cannot be in the future."_s};
        return {};
    }
    // FilterArns name rules of the bus by ARN; the replay goes to those rules only.
    QStringList rules, filterArns;
    const QList<const Node *> ofBus = this->rules(*bus);
    for (const QJsonValue &arn : filters) {
        const QString text_ = arn.toString();
        const auto rule = std::find_if(ofBus.cbegin(), ofBus.cend(), [&](const Node *r) {
            return EventBus::ruleArn(cloud().region(), archive->busName, r->name) == text_;
        });
        if (rule == ofBus.cend()) {
            *error = {
                u"ValidationException"_s,
                u"Parameter Destination.FilterArns is not valid. Reason: %1 is not a rule of the event bus %2."_s.arg(
                    text_, archive->busName)};
            return {};
        }
        if (!rules.contains((*rule)->name))
            rules.append((*rule)->name);
        filterArns.append(text_);
    }
    const auto replays = cloud().eventArchive().replays();
    if (std::count_if(replays.cbegin(), replays.cend(), [](const ReplayInfo &r) { return r.isActive(); })
        >= EventArchive::kMaxActiveReplays) {
        *error = {u"LimitExceededException"_s,
                  u"The requested resource exceeds the maximum number allowed: %1 active replays."_s.arg(
                      EventArchive::kMaxActiveReplays)};
        return {};
    }
    const Result<ReplayInfo> started = cloud().eventArchive().startReplay(
        name, archive->name, from, to, rules, filterArns, input.value("Description"_L1).toString());
    if (!started) {
        *error = {u"InternalException"_s, started.errorMessage()};
        return {};
    }
    return {{u"ReplayArn"_s, EventArchive::replayArn(cloud().region(), name)},
            {u"State"_s, ReplayInfo::stateName(started->state)},
            {u"ReplayStartTime"_s, seconds(started->started)}};
}

QJsonObject EventBridgeService::describeReplay(const QJsonObject &input, qint64, EventsError *error)
{
    const QString name = input.value("ReplayName"_L1).toString();
    if (name.isEmpty()) {
        *error = missing("replayName");
        return {};
    }
    if (badName(name, "replayName", EventArchive::kMaxReplayNameLength, error))
        return {};
    const std::optional<ReplayInfo> replay = cloud().eventArchive().replay(name);
    if (!replay) {
        *error = {u"ResourceNotFoundException"_s, u"Replay %1 does not exist."_s.arg(name)};
        return {};
    }
    QJsonObject description = replaySummary(*replay);
    description.insert(u"ReplayArn"_s, EventArchive::replayArn(cloud().region(), name));
    if (!replay->description.isEmpty())
        description.insert(u"Description"_s, replay->description);
    const std::optional<ArchiveInfo> archive = cloud().eventArchive().archive(replay->archive);
    QJsonObject destination;
    if (archive)
        destination.insert(u"Arn"_s, EventBus::busArn(cloud().region(), archive->busName));
    if (!replay->filterArns.isEmpty())
        destination.insert(u"FilterArns"_s, QJsonArray::fromStringList(replay->filterArns));
    description.insert(u"Destination"_s, destination);
    return description;
}

QJsonObject EventBridgeService::listReplays(const QJsonObject &input, qint64, EventsError *error)
{
    const QString prefix = input.value("NamePrefix"_L1).toString();
    const QString state = input.value("State"_L1).toString();
    const QString source = input.value("EventSourceArn"_L1).toString();
    if ((!prefix.isEmpty() && badName(prefix, "namePrefix", EventArchive::kMaxReplayNameLength, error))
        || tooLong(source, "eventSourceArn", kArnLength, error)
        || badState(state, {u"STARTING"_s, u"RUNNING"_s, u"CANCELLING"_s, u"COMPLETED"_s, u"CANCELLED"_s, u"FAILED"_s},
                    error))
        return {};
    QJsonArray all;
    for (const ReplayInfo &replay : cloud().eventArchive().replays())
        if (replay.name.startsWith(prefix) && (state.isEmpty() || ReplayInfo::stateName(replay.state) == state)
            && (source.isEmpty() || arnName(source, "archive"_L1) == replay.archive))
            all.append(replaySummary(replay));
    QJsonObject answer;
    const QJsonArray listed = page(all, input, &answer, error);
    answer.insert(u"Replays"_s, listed);
    return answer;
}

QJsonObject EventBridgeService::cancelReplay(const QJsonObject &input, qint64, EventsError *error)
{
    const QString name = input.value("ReplayName"_L1).toString();
    if (name.isEmpty()) {
        *error = missing("replayName");
        return {};
    }
    if (badName(name, "replayName", EventArchive::kMaxReplayNameLength, error))
        return {};
    const std::optional<ReplayInfo> replay = cloud().eventArchive().replay(name);
    if (!replay) {
        *error = {u"ResourceNotFoundException"_s, u"Replay %1 does not exist."_s.arg(name)};
        return {};
    }
    const Result<ReplayInfo> cancelled = cloud().eventArchive().cancelReplay(name);
    if (!cancelled) {
        *error = {u"IllegalStatusException"_s, u"Replay %1 is not in a valid state for this operation."_s.arg(name)};
        return {};
    }
    return {{u"ReplayArn"_s, EventArchive::replayArn(cloud().region(), name)},
            {u"State"_s, ReplayInfo::stateName(cancelled->state)}};
}

AwsService *createEventBridgeService(AwsEndpoint &endpoint)
{
    return new EventBridgeService(endpoint);
}

} // namespace Nimbus
