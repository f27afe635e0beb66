#include "eventbus.h"

#include "cloudevents.h"
#include "document/project.h"
#include "eventarchive.h"
#include "eventpattern.h"
#include "localcloud.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "runtime/requestid.h"
#include "workflow/workflowengine.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A value as JSON text, scalars included ("RUNNING" with its quotes, 9, null).
QByteArray jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return compact(value.toObject());
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isUndefined())
        return "null";
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A value written inside a JSON string: its text, with what JSON escapes escaped.
QByteArray insideString(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    const QByteArray text = jsonText(value.isString() ? value : QJsonValue(QString::fromUtf8(jsonText(value))));
    return text.mid(1, text.size() - 2);
}

// A value written in a template that is plain text: a string as it is.
QByteArray asText(const QJsonValue &value)
{
    return value.isString() ? value.toString().toUtf8() : jsonText(value);
}

QJsonObject entryError(const QString &code, const QString &message)
{
    return {{u"ErrorCode"_s, code}, {u"ErrorMessage"_s, message}};
}

// The Lambda shape of a String message attribute, as the queues store them.
QJsonObject stringAttribute(const QString &value)
{
    return {{u"dataType"_s, u"String"_s},
            {u"stringValue"_s, value},
            {u"stringListValues"_s, QJsonArray()},
            {u"binaryListValues"_s, QJsonArray()}};
}

QString property(const Node &node, const char *name)
{
    const QJsonValue value = node.properties.value(QLatin1String(name));
    if (!value.isUndefined())
        return value.toString();
    const NodeKind *kind = Catalog::builtin().kind(node.kind);
    return kind ? kind->defaultProperties(node.name).value(QLatin1String(name)).toString() : QString();
}

} // namespace

Result<void> RuleInput::checkPath(const QString &path)
{
    const Result<QJsonValue> checked = select(QJsonObject(), path);
    if (!checked)
        return checked.error();
    return {};
}

Result<QJsonValue> RuleInput::select(const QJsonValue &root, const QString &path)
{
    static const QRegularExpression step(u"\\G(?:\\.([A-Za-z0-9_/-]+)|\\[([0-9]+)\\])"_s);
    if (!path.startsWith('$'_L1))
        return fail(tr("'%1' is not a JSON path: it starts with $").arg(path));
    QJsonValue at = root;
    qsizetype position = 1;
    while (position < path.size()) {
        const QRegularExpressionMatch m = step.match(path, position);
        if (!m.hasMatch())
            return fail(tr("'%1' is not a JSON path EventBridge takes: .name and [index] steps after $").arg(path));
        position = m.capturedEnd();
        if (m.capturedLength(1) > 0)
            at = at.isObject() ? at.toObject().value(m.captured(1)) : QJsonValue(QJsonValue::Undefined);
        else
            at = at.isArray() ? at.toArray().at(m.captured(2).toInt()) : QJsonValue(QJsonValue::Undefined);
    }
    return at;
}

Result<RuleInput> RuleInput::fromRule(const QJsonObject &properties)
{
    QJsonObject all = Catalog::builtin().kind(Kinds::Rule)->defaultProperties({});
    for (auto it = properties.begin(); it != properties.end(); ++it)
        all.insert(it.key(), it.value());
    RuleInput input;
    const QString mode = all.value("inputMode"_L1).toString();
    if (mode == "Input"_L1) {
        input.mode = Mode::Constant;
        input.constant = all.value("input"_L1).toString().toUtf8();
        QJsonParseError error;
        QJsonDocument::fromJson(input.constant, &error);
        if (error.error != QJsonParseError::NoError)
            return fail(tr("the constant input is not valid JSON: %1").arg(error.errorString()));
    } else if (mode == "InputPath"_L1) {
        input.mode = Mode::Path;
        input.path = all.value("inputPath"_L1).toString();
        if (Result<void> checked = checkPath(input.path); !checked)
            return fail(tr("input path: %1").arg(checked.errorMessage()));
    } else if (mode == "InputTransformer"_L1) {
        input.mode = Mode::Transformer;
        input.inputTemplate = all.value("inputTemplate"_L1).toString();
        if (input.inputTemplate.isEmpty())
            return fail(tr("the input template is empty"));
        const QJsonDocument map = QJsonDocument::fromJson(all.value("inputPathsMap"_L1).toString().toUtf8());
        if (!map.isObject())
            return fail(tr("the input paths are not a JSON object of names and paths"));
        if (map.object().size() > 100)
            return fail(tr("%1 input paths; EventBridge takes at most 100").arg(map.object().size()));
        const QJsonObject paths = map.object();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            if (Result<void> checked = checkPath(it.value().toString()); !checked)
                return fail(tr("input path %1: %2").arg(it.key(), checked.errorMessage()));
            input.paths.append({it.key(), it.value().toString()});
        }
    } else if (mode != "MatchedEvent"_L1) {
        return fail(tr("unknown target input '%1'").arg(mode));
    }
    return input;
}

Result<QByteArray> RuleInput::apply(const QJsonObject &event, const Context &context) const
{
    switch (mode) {
    case Mode::MatchedEvent: return compact(event);
    case Mode::Constant: return constant;
    case Mode::Path: {
        const Result<QJsonValue> value = select(event, path);
        if (!value)
            return value.error();
        return jsonText(*value);
    }
    case Mode::Transformer: return transform(event, context);
    }
    return fail(tr("unknown target input"));
}

// Replaces each <name> the paths map (or EventBridge) defines, minding whether it stands
// inside a JSON string of the template; other text in angle brackets stays.
QByteArray RuleInput::transform(const QJsonObject &event, const Context &context) const
{
    QHash<QString, QJsonValue> values;
    for (const auto &[name, valuePath] : paths) {
        const Result<QJsonValue> value = select(event, valuePath);
        values.insert(name, value ? *value : QJsonValue(QJsonValue::Undefined));
    }
    values.insert(u"aws.events.rule-arn"_s, context.ruleArn);
    values.insert(u"aws.events.rule-name"_s, context.ruleName);
    values.insert(u"aws.events.event.ingestion-time"_s, event.value("time"_L1));
    values.insert(u"aws.events.event"_s, event);
    values.insert(u"aws.events.event.json"_s, event);

    const QString trimmed = inputTemplate.trimmed();
    const bool json = trimmed.startsWith('{'_L1) || trimmed.startsWith('['_L1) || trimmed.startsWith('"'_L1);
    QByteArray out;
    bool inString = false;
    for (qsizetype i = 0; i < inputTemplate.size(); ++i) {
        const QChar c = inputTemplate.at(i);
        if (json && c == '\\'_L1 && i + 1 < inputTemplate.size()) {
            out += QString(inputTemplate.mid(i, 2)).toUtf8();
            ++i;
            continue;
        }
        if (json && c == '"'_L1)
            inString = !inString;
        if (c == '<'_L1) {
            const qsizetype end = inputTemplate.indexOf('>'_L1, i + 1);
            const QString name = end > i ? inputTemplate.mid(i + 1, end - i - 1) : QString();
            if (values.contains(name)) {
                const QJsonValue value = values.value(name);
                out += !json ? asText(value) : inString ? insideString(value) : jsonText(value);
                i = end;
                continue;
            }
        }
        out += QString(c).toUtf8();
    }
    return out;
}

qsizetype EventBus::entrySize(const QJsonObject &entry)
{
    qsizetype size = entry.contains("Time"_L1) ? 14 : 0;
    size += entry.value("Source"_L1).toString().toUtf8().size();
    size += entry.value("DetailType"_L1).toString().toUtf8().size();
    size += entry.value("Detail"_L1).toString().toUtf8().size();
    for (const QJsonValue &resource : entry.value("Resources"_L1).toArray())
        size += resource.toString().toUtf8().size();
    return size;
}

Result<QJsonArray> EventBus::entriesFromJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{tr("The event is not JSON: %1 (at character %2)").arg(error.errorString()).arg(error.offset)};
    const QJsonArray given = document.isArray() ? document.array() : QJsonArray{QJsonValue(document.object())};
    if (given.isEmpty())
        return Error{tr("There is no entry to put.")};
    if (given.size() > kMaxEntries)
        return Error{tr("PutEvents takes at most %n entries.", nullptr, kMaxEntries)};
    QJsonArray out;
    for (qsizetype i = 0; i < given.size(); ++i) {
        if (!given.at(i).isObject())
            return Error{tr("Entry %1 is not a JSON object.").arg(i + 1)};
        QJsonObject entry = given.at(i).toObject();
        // As the SDKs and nimbus cloud put-event: a Detail object goes as its JSON text.
        if (entry.value("Detail"_L1).isObject())
            entry.insert(
                u"Detail"_s,
                QString::fromUtf8(QJsonDocument(entry.value("Detail"_L1).toObject()).toJson(QJsonDocument::Compact)));
        out.append(entry);
    }
    // PutEvents' quota on the whole request, as EventBridge counts it.
    qsizetype size = 0;
    for (const QJsonValue &entry : std::as_const(out))
        size += EventBus::entrySize(entry.toObject());
    if (size > EventBus::kMaxRequestSize)
        return Error{tr("The entries take %L1 bytes; PutEvents takes at most %L2 in one request.")
                         .arg(size)
                         .arg(EventBus::kMaxRequestSize)};
    return out;
}

EventBus::Built EventBus::buildEvent(const QJsonObject &entry, const QString &region, const QDateTime &now)
{
    auto missing = [](const char *parameter) {
        return Built{{},
                     u"InvalidArgument"_s,
                     u"Parameter %1 is not valid. Reason: %1 is a required argument."_s.arg(QLatin1String(parameter))};
    };
    if (entry.value("Source"_L1).toString().isEmpty())
        return missing("Source");
    if (entry.value("DetailType"_L1).toString().isEmpty())
        return missing("DetailType");
    if (entry.value("Detail"_L1).toString().isEmpty())
        return missing("Detail");
    const QJsonDocument detail = QJsonDocument::fromJson(entry.value("Detail"_L1).toString().toUtf8());
    if (!detail.isObject())
        return {{}, u"MalformedDetail"_s, u"Detail is malformed."_s};
    // The SDKs send Time as seconds since the epoch; a text one is an ISO 8601 time.
    QDateTime time = now;
    const QJsonValue given = entry.value("Time"_L1);
    if (given.isDouble())
        time = QDateTime::fromMSecsSinceEpoch(qint64(given.toDouble() * 1000), Qt::UTC);
    else if (given.isString())
        time = QDateTime::fromString(given.toString(), Qt::ISODate);
    if (!time.isValid())
        return {{}, u"InvalidArgument"_s, u"Parameter Time is not valid."_s};
    QJsonArray resources;
    for (const QJsonValue &resource : entry.value("Resources"_L1).toArray())
        resources.append(resource.toString());
    const QJsonObject event{{u"version"_s, u"0"_s},
                            {u"id"_s, newRequestId()},
                            {u"detail-type"_s, entry.value("DetailType"_L1).toString()},
                            {u"source"_s, entry.value("Source"_L1).toString()},
                            {u"account"_s, QLatin1String(CloudEvents::kAccount)},
                            {u"time"_s, time.toUTC().toString(Qt::ISODate)},
                            {u"region"_s, region},
                            {u"resources"_s, resources},
                            {u"detail"_s, detail.object()}};
    return {event, {}, {}};
}

QString EventBus::busName(const Node &bus)
{
    const QString name = property(bus, "busName");
    return name.isEmpty() ? bus.name : name;
}

QString EventBus::busArn(const QString &region, const QString &name)
{
    return u"arn:aws:events:%1:%2:event-bus/%3"_s.arg(region, QLatin1String(CloudEvents::kAccount), name);
}

QString EventBus::ruleArn(const QString &region, const QString &bus, const QString &rule)
{
    const QString path = bus == "default"_L1 ? rule : bus + '/'_L1 + rule;
    return u"arn:aws:events:%1:%2:rule/%3"_s.arg(region, QLatin1String(CloudEvents::kAccount), path);
}

QString EventBus::targetArn(const QString &region, const Node &target)
{
    const QString account = QLatin1String(CloudEvents::kAccount);
    if (target.kind == Kinds::Function)
        return u"arn:aws:lambda:%1:%2:function:%3"_s.arg(region, account, target.name);
    if (target.kind == Kinds::Queue)
        return u"arn:aws:sqs:%1:%2:%3"_s.arg(region, account, target.name);
    if (target.kind == Kinds::Topic)
        return u"arn:aws:sns:%1:%2:%3"_s.arg(region, account, target.name);
    if (target.kind == Kinds::StateMachine)
        return u"arn:aws:states:%1:%2:stateMachine:%3"_s.arg(
            region, account, target.properties.value("stateMachineName"_L1).toString(target.name));
    return busArn(region, busName(target));
}

const Node *EventBus::findBus(const QString &nameOrArn) const
{
    QString name = nameOrArn.isEmpty() ? u"default"_s : nameOrArn;
    if (name.startsWith("arn:"_L1)) {
        const qsizetype slash = name.indexOf("event-bus/"_L1);
        name = slash < 0 ? QString() : name.mid(slash + 10);
    }
    const Node *byNodeName = nullptr;
    for (const auto &[id, node] : mCloud.project().architecture().nodes()) {
        if (node.kind != Kinds::EventBus)
            continue;
        if (busName(node) == name)
            return &node;
        if (node.name == name)
            byNodeName = &node;
    }
    return byNodeName;
}

QJsonArray EventBus::put(const QString &bus, const QJsonArray &entries, qint64 cause)
{
    QJsonArray results;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const Built built = buildEvent(entry, mCloud.region(), mCloud.clock().now());
        if (!built.errorCode.isEmpty()) {
            results.append(entryError(built.errorCode, built.errorMessage));
            continue;
        }
        const QString named = entry.value("EventBusName"_L1).toString(bus);
        const Node *node = findBus(named);
        if (!node) {
            const QString shown = named.isEmpty() ? u"default"_s : named;
            results.append(entryError(u"ResourceNotFoundException"_s, u"Event bus %1 does not exist."_s.arg(shown)));
            continue;
        }
        const Result<const Node *> changing = mCloud.changing(node->name, "event-bus", cause, node->name);
        if (!changing) {
            results.append(entryError(u"InternalException"_s, changing.errorMessage()));
            continue;
        }
        const QString id = built.event.value("id"_L1).toString();
        const qint64 change = mCloud.logChange(
            node->name, cause,
            tr("event %1 (%2 from %3)")
                .arg(id, built.event.value("detail-type"_L1).toString(), built.event.value("source"_L1).toString()));
        results.append(QJsonObject{{u"EventId"_s, id}});
        mCloud.eventArchive().archiveEvent(*node, built.event, change);
        route(*node, built.event, change);
    }
    return results;
}

void EventBus::replay(const Node &bus, const QJsonObject &event, const QStringList &rules, qint64 cause)
{
    const qint64 change = mCloud.logChange(bus.name, cause,
                                           tr("replayed event %1 (%2 from %3)")
                                               .arg(event.value("id"_L1).toString(),
                                                    event.value("detail-type"_L1).toString(),
                                                    event.value("source"_L1).toString()));
    route(bus, event, change, rules);
}

QList<const Node *> EventBus::rules(const Node &bus) const
{
    const Architecture &architecture = mCloud.project().architecture();
    QList<const Node *> found;
    for (EdgeId id : architecture.outgoingEdges(bus.id)) {
        const Edge *edge = architecture.edge(id);
        const Node *rule = architecture.node(edge->to);
        if (edge->type == "routes"_L1 && rule && rule->kind == Kinds::Rule)
            found.append(rule);
    }
    std::sort(found.begin(), found.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return found;
}

// Matches the event against the bus's enabled rules at once (a RuleSet), and delivers
// what each matching rule makes of it to the rule's targets, in name order.
void EventBus::route(const Node &bus, const QJsonObject &event, qint64 change, const QStringList &onlyRules)
{
    const Architecture &architecture = mCloud.project().architecture();
    auto connected = [&architecture](const Node &from, const char *type) {
        QList<const Node *> nodes;
        for (EdgeId id : architecture.outgoingEdges(from.id)) {
            const Edge *edge = architecture.edge(id);
            if (const Node *to = architecture.node(edge->to); to && edge->type == QLatin1String(type))
                nodes.append(to);
        }
        std::sort(nodes.begin(), nodes.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
        return nodes;
    };
    RuleSet rules;
    QList<const Node *> ruleNodes;
    for (const Node *rule : connected(bus, "routes")) {
        if (rule->kind != Kinds::Rule || !rule->properties.value("enabled"_L1).toBool(true))
            continue;
        if (!onlyRules.isEmpty() && !onlyRules.contains(rule->name))
            continue;
        const Result<EventPattern> pattern = EventPattern::parse(property(*rule, "pattern").toUtf8());
        if (!pattern) {
            mCloud.addLog(CloudLogEntry::failure(CloudLogEntry::Kind::Error, change, bus.name, rule->name,
                                                 pattern.errorMessage()));
            continue;
        }
        rules.add(*pattern);
        ruleNodes.append(rule);
    }
    const QString name = busName(bus);
    for (int matchedRule : rules.matching(event)) {
        const Node &rule = *ruleNodes.at(matchedRule);
        CloudLogEntry entry;
        entry.kind = CloudLogEntry::Kind::ServiceChange;
        entry.cause = change;
        entry.source = bus.name;
        entry.target = rule.name;
        entry.detail = tr("matched event %1").arg(event.value("id"_L1).toString());
        const Result<RuleInput> input = RuleInput::fromRule(rule.properties);
        const Result<QByteArray> body = input ? input->apply(event,
                                                             {rule.name, ruleArn(mCloud.region(), name, rule.name)})
                                              : Result<QByteArray>(input.error());
        if (!body) {
            entry.kind = CloudLogEntry::Kind::Error;
            entry.ok = false;
            entry.detail = body.errorMessage();
        }
        const qint64 matched = mCloud.addLog(entry);
        if (!body)
            continue;
        for (const Node *target : connected(rule, "targets"))
            deliver(name, rule, *target, event, *body, matched);
    }
}

void EventBus::deliver(const QString &bus, const Node &rule, const Node &target, const QJsonObject &event,
                       const QByteArray &input, qint64 matched)
{
    QString error;
    if (target.kind == Kinds::Function || target.kind == Kinds::Container) {
        // Lambda queues the event and answers at once: its retries and destinations are its own.
        const Result<qint64> started = mCloud.deliverAsync(&target, input, rule.name, matched);
        error = started ? QString() : started.errorMessage();
    } else if (target.kind == Kinds::Queue) {
        const Result<QString> sent = mCloud.sendMessage(target.name, input, {}, 0, matched);
        error = sent ? QString() : sent.errorMessage();
    } else if (target.kind == Kinds::Topic) {
        const Result<QString> published = mCloud.publish(target.name, QString::fromUtf8(input), {}, matched);
        error = published ? QString() : published.errorMessage();
    } else if (target.kind == Kinds::StateMachine) {
        const Result<QString> started = mCloud.workflows().startExecution(target.name, input, {}, matched);
        error = started ? QString() : started.errorMessage();
    } else if (target.kind == Kinds::EventBus) {
        // Another bus receives the event as a new entry of its own.
        const QJsonObject entry{
            {u"Source"_s, event.value("source"_L1)},
            {u"DetailType"_s, event.value("detail-type"_L1)},
            {u"Detail"_s, QString::fromUtf8(compact(event.value("detail"_L1).toObject()))},
            {u"Resources"_s, event.value("resources"_L1)},
            {u"Time"_s, event.value("time"_L1)},
            {u"EventBusName"_s, busName(target)},
        };
        const QJsonObject result = put(busName(target), QJsonArray{entry}, matched).at(0).toObject();
        error = result.value("ErrorMessage"_L1).toString();
    } else {
        error = tr("%1 is not a target EventBridge delivers to").arg(target.name);
    }
    if (!error.isEmpty())
        deadLetter(bus, rule, &target, event, u"SDK_CLIENT_ERROR"_s, error, matched);
}

// As EventBridge does, the event goes to the rule's dead-letter queue with attributes
// saying which rule and target failed and why; without one it is dropped, logged.
void EventBus::deadLetter(const QString &bus, const Node &rule, const Node *target, const QJsonObject &event,
                          const QString &code, const QString &message, qint64 matched)
{
    const QString queue = property(rule, "deadLetterQueue");
    const qint64 hop = mCloud.addLog(CloudLogEntry::failure(
        CloudLogEntry::Kind::DeadLetter, matched, rule.name,
        queue.isEmpty() ? (target ? target->name : rule.name) : queue,
        queue.isEmpty()
            ? tr("event %1 dropped (no dead-letter queue): %2").arg(event.value("id"_L1).toString(), message)
            : tr("event %1 to the dead-letter queue: %2").arg(event.value("id"_L1).toString(), message)));
    if (queue.isEmpty())
        return;
    const QJsonObject attributes{
        {u"RULE_ARN"_s, stringAttribute(ruleArn(mCloud.region(), bus, rule.name))},
        {u"TARGET_ARN"_s, stringAttribute(target ? targetArn(mCloud.region(), *target) : QString())},
        {u"ERROR_CODE"_s, stringAttribute(code)},
        {u"ERROR_MESSAGE"_s, stringAttribute(message)},
    };
    if (const Result<QString> sent = mCloud.sendMessage(queue, compact(event), attributes, 0, hop); !sent) {
        CloudLogEntry lost;
        lost.kind = CloudLogEntry::Kind::Error;
        lost.cause = hop;
        lost.source = rule.name;
        lost.target = queue;
        lost.ok = false;
        lost.detail = sent.errorMessage();
        mCloud.addLog(lost);
    }
}

} // namespace Nimbus
