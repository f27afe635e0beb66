#include "scenarioscaffold.h"

#include "cloud/localcloud.h"
#include "export/yaml.h"
#include "model/architecture.h"
#include "model/kinds.h"
#include "scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

YAML::Node toYaml(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return Yaml::boolean(value.toBool());
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9e15)
            return Yaml::number(qint64(number));
        return YAML::Node(number);
    }
    case QJsonValue::String: return Yaml::string(value.toString());
    case QJsonValue::Array: {
        YAML::Node sequence(YAML::NodeType::Sequence);
        for (const QJsonValue &element : value.toArray())
            sequence.push_back(toYaml(element));
        return sequence;
    }
    case QJsonValue::Object: {
        YAML::Node map(YAML::NodeType::Map);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map[it.key().toStdString()] = toYaml(it.value());
        return map;
    }
    default: return YAML::Node(YAML::NodeType::Null);
    }
}

// A detail the cloud logged with one of its messages, in the language it logs in (the
// studio's) or in English: the texts that fill its %1, %2 ... in order, none when it
// does not match.
QStringList matchDetail(const QString &detail, const char *source)
{
    for (const QString &form : {QCoreApplication::translate("Nimbus::LocalCloud", source), QString::fromUtf8(source)}) {
        QString pattern = QRegularExpression::escape(form);
        pattern.replace(QRegularExpression(u"\\\\?%\\d"_s), u"(.+)"_s);
        const QRegularExpressionMatch match = QRegularExpression(u"^"_s + pattern + u"$"_s).match(detail);
        if (match.hasMatch())
            return match.capturedTexts().mid(1);
    }
    return {};
}

// One step: a one-element sequence, so that it reads "- kind: ..." under steps:.
QByteArray stepText(const YAML::Node &step, const QStringList &commentsAbove = {})
{
    QByteArray text;
    for (const QString &comment : commentsAbove)
        text += "# " + comment.toUtf8() + '\n';
    YAML::Node sequence(YAML::NodeType::Sequence);
    sequence.push_back(step);
    return text + Yaml::dump(sequence);
}

QByteArray checkComment(const QString &what)
{
    return "# check: " + what.toUtf8() + '\n';
}

bool consumed(const Architecture &architecture, const Node &queue)
{
    for (EdgeId id : architecture.outgoingEdges(queue.id)) {
        const Edge *edge = architecture.edge(id);
        const Node *target = architecture.node(edge->to);
        if (edge->type == "invokes"_L1 && target && target->kind == Kinds::Function)
            return true;
    }
    return false;
}

} // namespace

bool ScenarioScaffold::isRequest(const CloudLogEntry &entry)
{
    static const QRegularExpression request(u"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) /\\S*$"_s);
    return entry.cause == 0 && request.match(entry.source).hasMatch();
}

bool ScenarioScaffold::isValidFileName(const QString &name)
{
    static const QRegularExpression allowed(u"^[\\w][\\w .-]*$"_s, QRegularExpression::UseUnicodePropertiesOption);
    return !name.isEmpty() && name.size() <= 120 && !name.contains(u".."_s) && allowed.match(name).hasMatch();
}

std::optional<ScenarioScaffold::Exchange> ScenarioScaffold::exchangeOf(const QByteArray &event,
                                                                       const QByteArray &result, const QString &method,
                                                                       const QString &path)
{
    const QJsonObject e = QJsonDocument::fromJson(event).object();
    const QJsonObject context = e.value("requestContext"_L1).toObject();
    // HTTP API (payload 2.0) or REST API (1.0).
    const QString eventMethod =
        context.value("http"_L1).toObject().value("method"_L1).toString(e.value("httpMethod"_L1).toString());
    const QString eventPath = e.value("rawPath"_L1).toString(e.value("path"_L1).toString());
    if (eventMethod.compare(method, Qt::CaseInsensitive) != 0 || eventPath != path)
        return std::nullopt;
    const auto parsed = [](const QString &text) -> QJsonValue {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return document.object();
        if (error.error == QJsonParseError::NoError && document.isArray())
            return document.array();
        return text;
    };
    Exchange exchange;
    const QJsonValue body = e.value("body"_L1);
    if (body.isString() && !e.value("isBase64Encoded"_L1).toBool())
        exchange.body = parsed(body.toString());
    const QJsonDocument answer = QJsonDocument::fromJson(result);
    if (answer.isObject() && answer.object().contains("statusCode"_L1)) {
        const QJsonValue answerBody = answer.object().value("body"_L1);
        if (answerBody.isString() && !answer.object().value("isBase64Encoded"_L1).toBool())
            exchange.answer = parsed(answerBody.toString());
    } else if (answer.isObject()) {
        exchange.answer = answer.object();
    }
    return exchange;
}

qint64 ScenarioScaffold::eventTime(const QByteArray &event)
{
    const QJsonObject context = QJsonDocument::fromJson(event).object().value("requestContext"_L1).toObject();
    return qint64(context.value("timeEpoch"_L1).toDouble(context.value("requestTimeEpoch"_L1).toDouble()));
}

Result<QByteArray> ScenarioScaffold::fromRequest(const QList<CloudLogEntry> &log, qint64 requestEntryId,
                                                 const Architecture &architecture, const QString &name)
{
    return fromRequest(log, requestEntryId, architecture, name, Exchange());
}

Result<QByteArray> ScenarioScaffold::fromRequest(const QList<CloudLogEntry> &log, qint64 requestEntryId,
                                                 const Architecture &architecture, const QString &name,
                                                 const Exchange &exchange)
{
    const auto found = std::find_if(log.begin(), log.end(),
                                    [requestEntryId](const CloudLogEntry &e) { return e.id == requestEntryId; });
    if (found == log.end())
        return fail(tr("the log has no entry %1 (it keeps the latest entries only)").arg(requestEntryId));
    const CloudLogEntry &request = *found;
    if (!isRequest(request))
        return fail(tr("%1 -> %2 is not an HTTP request").arg(request.source, request.target));

    // What the request caused: causes come before what they cause, so one pass finds all.
    QSet<qint64> tree{request.id};
    QList<const CloudLogEntry *> caused;
    for (auto it = found; it != log.end(); ++it)
        if (it->id == request.id || tree.contains(it->cause)) {
            tree.insert(it->id);
            caused.append(&*it);
        }

    const auto nodeOf = [&architecture](const QString &target) -> const Node * {
        if (const Node *node = architecture.nodeByName(target))
            return node;
        // A dead-letter queue is its queue's, with no node of its own.
        if (target.endsWith("-dlq"_L1))
            if (const Node *queue = architecture.nodeByName(target.chopped(4)); queue && queue->kind == Kinds::Queue)
                return queue;
        return nullptr;
    };

    QByteArray text;
    text += "# "
            + tr("Scaffolded from the local cloud's log: %1, answered %2, and the %n hop(s) it caused.", nullptr,
                 int(caused.size() - 1))
                  .arg(request.source, request.httpStatus ? QString::number(request.httpStatus) : tr("with no status"))
                  .toUtf8()
            + '\n';
    text += "# "
            + tr("Values the design makes up (ids, times) are the recorded run's: capture them from an answer "
                 "(capture: {id: body.id}) and match ${id} instead.")
                  .toUtf8()
            + '\n';
    {
        YAML::Node header(YAML::NodeType::Map);
        header["name"] = Yaml::string(name.isEmpty() ? request.source : name);
        text += Yaml::dump(header);
    }
    text += "steps:\n";

    // Strings of the answer that may be made up by the design (ids): long enough not to be
    // a word like "accepted" by chance. value -> its variable and where it is.
    struct Capture
    {
        QString variable;
        QString path;
        bool used = false;
    };
    QHash<QString, Capture> answerValues;
    QSet<QString> variableNames;
    const std::function<void(const QJsonValue &, const QString &)> collect =
        [&](const QJsonValue &value, const QString &path) {
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                collect(it.value(), path + '.'_L1 + it.key());
        } else if (value.isString() && value.toString().size() >= 8 && !answerValues.contains(value.toString())) {
            const QString base = path.section('.'_L1, -1).replace(QRegularExpression(u"[^A-Za-z0-9_]"_s), u"_"_s);
            QString variable = base;
            for (int n = 2; variableNames.contains(variable); ++n)
                variable = base + QString::number(n);
            variableNames.insert(variable);
            answerValues.insert(value.toString(), {variable, path, false});
        }
    };
    collect(exchange.answer, u"body"_s);
    // A recorded value the answer gave: the variable captured from it instead.
    const auto captured = [&](const QJsonValue &value) -> QJsonValue {
        if (!value.isString())
            return value;
        QString text = value.toString();
        for (auto it = answerValues.begin(); it != answerValues.end(); ++it)
            if (text.contains(it.key())) {
                text.replace(it.key(), u"${"_s + it->variable + u"}"_s);
                it->used = true;
            }
        return text;
    };
    const auto capturedObject = [&](const QJsonObject &object) {
        QJsonObject result;
        for (auto it = object.begin(); it != object.end(); ++it)
            result.insert(it.key(), captured(it.value()));
        return result;
    };

    YAML::Node step(YAML::NodeType::Map);
    step["request"] = Yaml::string(request.source);
    if (!exchange.body.isUndefined())
        step["body"] = toYaml(exchange.body);
    if (request.httpStatus > 0) {
        YAML::Node expect(YAML::NodeType::Map);
        expect["status"] = Yaml::number(request.httpStatus);
        step["expect"] = expect;
    }
    // The request step is written last, once the expectations say which captures it needs.
    const qsizetype requestAt = text.size();
    if (request.httpStatus == 0)
        text += checkComment(tr("the request has no recorded status (it was still running)"));

    QSet<QByteArray> written;
    QHash<QString, int> messages; // queue -> messages sent to it
    QStringList queueOrder;
    const auto within = [](YAML::Node &s) { s["within"] = Yaml::string("1m"); };
    for (const CloudLogEntry *entry : std::as_const(caused)) {
        if (entry->kind != CloudLogEntry::Kind::ServiceChange || !entry->ok)
            continue;
        const Node *node = nodeOf(entry->target);
        if (!node)
            continue;
        QByteArray one;
        if (node->kind == Kinds::Table) {
            static const QRegularExpression change(u"^(INSERT|MODIFY|REMOVE) (\\{.*\\})$"_s);
            const QRegularExpressionMatch match = change.match(entry->detail);
            const QJsonDocument keys = match.hasMatch() ? QJsonDocument::fromJson(match.captured(2).toUtf8())
                                                        : QJsonDocument();
            if (!keys.isObject() || keys.object().isEmpty()) {
                one = checkComment(u"%1: %2"_s.arg(entry->target, entry->detail));
            } else {
                YAML::Node args(YAML::NodeType::Map);
                args["table"] = Yaml::string(entry->target);
                args["matches"] = toYaml(capturedObject(ScenarioJson::fromItem(keys.object())));
                if (match.captured(1) == "REMOVE"_L1)
                    args["count"] = Yaml::number(0);
                YAML::Node s(YAML::NodeType::Map);
                s["expect-item"] = args;
                within(s);
                one = stepText(s);
            }
        } else if (node->kind == Kinds::Bucket) {
            const QStringList put = matchDetail(entry->detail, "put %1 (%2 bytes)");
            if (put.size() == 2) {
                YAML::Node args(YAML::NodeType::Map);
                args["bucket"] = Yaml::string(entry->target);
                args["key"] = Yaml::string(captured(put.at(0)).toString());
                YAML::Node s(YAML::NodeType::Map);
                s["expect-object"] = args;
                within(s);
                one = stepText(s);
            } else {
                one = checkComment(u"%1: %2"_s.arg(entry->target, entry->detail));
            }
        } else if (node->kind == Kinds::Queue) {
            const bool deadLetters = entry->target != node->name;
            if (!deadLetters && consumed(architecture, *node)) {
                // Its consumer takes the message: it is gone by the time an expectation looks.
                one = checkComment(tr("a message went through %1, which a function consumes (expect-hops checks "
                                      "that it passed): %2")
                                       .arg(entry->target, entry->detail));
            } else {
                if (!messages.contains(entry->target))
                    queueOrder.append(entry->target);
                ++messages[entry->target];
                continue;
            }
        } else {
            continue;
        }
        if (!written.contains(one)) {
            written.insert(one);
            text += one;
        }
    }
    for (const QString &queue : std::as_const(queueOrder)) {
        YAML::Node args(YAML::NodeType::Map);
        args["queue"] = Yaml::string(queue);
        args["count"] = Yaml::number(messages.value(queue));
        YAML::Node s(YAML::NodeType::Map);
        s["expect-message"] = args;
        within(s);
        text += stepText(s, {tr("the messages' bodies are not in the log: add matches: {...} to check them")});
    }

    {
        QList<const Capture *> used;
        for (const Capture &capture : std::as_const(answerValues))
            if (capture.used)
                used.append(&capture);
        std::sort(used.begin(), used.end(),
                  [](const Capture *a, const Capture *b) { return a->variable < b->variable; });
        if (!used.isEmpty()) {
            YAML::Node captures(YAML::NodeType::Map);
            for (const Capture *capture : std::as_const(used))
                captures[capture->variable.toStdString()] = Yaml::string(capture->path);
            step["capture"] = captures;
        }
        QByteArray requestText = stepText(step);
        if (exchange.body.isUndefined()) {
            const QByteArray placeholder = "  # body: {}  # "
                                           + tr("the log does not keep request bodies: write the one to send").toUtf8()
                                           + '\n';
            requestText.insert(requestText.indexOf('\n') + 1, placeholder);
        }
        text.insert(requestAt, requestText);
    }

    QStringList hops;
    for (const CloudLogEntry *entry : std::as_const(caused))
        if (nodeOf(entry->target) && (hops.isEmpty() || hops.constLast() != entry->target))
            hops.append(entry->target);
    if (!hops.isEmpty()) {
        YAML::Node s(YAML::NodeType::Map);
        s["expect-hops"] = Yaml::flowSequence(hops);
        text += stepText(s);
    }
    return text;
}

} // namespace Nimbus
