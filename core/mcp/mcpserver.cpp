#include "mcpserver.h"

#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// JSON-RPC 2.0's error codes, and MCP's for a resource it does not have.
enum ErrorCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    ResourceNotFound = -32002,
};

// The revisions this server speaks, newest first; a client asking for another gets the newest.
const QStringList &supportedVersions()
{
    static const QStringList versions{QString::fromLatin1(McpServer::kProtocolVersion), u"2025-06-18"_s,
                                      u"2025-03-26"_s, u"2024-11-05"_s};
    return versions;
}

const QStringList &logLevels()
{
    static const QStringList levels{u"debug"_s, u"info"_s,     u"notice"_s, u"warning"_s,
                                    u"error"_s, u"critical"_s, u"alert"_s,  u"emergency"_s};
    return levels;
}

// A request id as a key: a string and a number that print alike stay apart.
QString idKey(const QJsonValue &id)
{
    return id.isString() ? u"s:"_s + id.toString() : u"n:"_s + QString::number(id.toDouble(), 'g', 17);
}

bool matchesType(const QString &type, const QJsonValue &value)
{
    if (type == "string"_L1)
        return value.isString();
    if (type == "integer"_L1)
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    if (type == "number"_L1)
        return value.isDouble();
    if (type == "boolean"_L1)
        return value.isBool();
    if (type == "object"_L1)
        return value.isObject();
    if (type == "array"_L1)
        return value.isArray();
    if (type == "null"_L1)
        return value.isNull();
    return true;
}

QString member(const QString &where, const QString &name)
{
    return where.isEmpty() ? name : where + u'.' + name;
}

} // namespace

QString schemaProblem(const QJsonObject &schema, const QJsonValue &value, const QString &where)
{
    const QString place = where.isEmpty() ? McpServer::tr("the arguments") : u"'%1'"_s.arg(where);
    const QJsonValue type = schema.value("type"_L1);
    QStringList types;
    if (type.isString())
        types << type.toString();
    for (const QJsonValue &t : type.toArray())
        types << t.toString();
    if (!types.isEmpty()
        && std::none_of(types.cbegin(), types.cend(), [&](const QString &t) { return matchesType(t, value); }))
        return McpServer::tr("%1 must be of type %2").arg(place, types.join(u" or "_s));
    if (schema.contains("enum"_L1) && !schema.value("enum"_L1).toArray().contains(value)) {
        QStringList allowed;
        for (const QJsonValue &v : schema.value("enum"_L1).toArray())
            allowed << QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        return McpServer::tr("%1 must be one of %2").arg(place, allowed.join(u", "_s));
    }
    if (value.isDouble()) {
        if (schema.contains("minimum"_L1) && value.toDouble() < schema.value("minimum"_L1).toDouble())
            return McpServer::tr("%1 must be at least %2").arg(place).arg(schema.value("minimum"_L1).toDouble());
        if (schema.contains("maximum"_L1) && value.toDouble() > schema.value("maximum"_L1).toDouble())
            return McpServer::tr("%1 must be at most %2").arg(place).arg(schema.value("maximum"_L1).toDouble());
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        for (const QJsonValue &name : schema.value("required"_L1).toArray())
            if (!object.contains(name.toString()))
                return McpServer::tr("'%1' is required").arg(member(where, name.toString()));
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key())) {
                const QString problem = schemaProblem(properties.value(it.key()).toObject(), it.value(),
                                                      member(where, it.key()));
                if (!problem.isEmpty())
                    return problem;
            } else if (schema.value("additionalProperties"_L1) == QJsonValue(false)) {
                return McpServer::tr("'%1' is not an argument this tool takes").arg(member(where, it.key()));
            }
        }
    }
    if (value.isArray() && schema.contains("items"_L1)) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString problem = schemaProblem(schema.value("items"_L1).toObject(), array.at(i),
                                                  u"%1[%2]"_s.arg(where).arg(i));
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

McpCall::McpCall(McpServer *server, const QJsonValue &id, const QJsonObject &arguments, const QJsonValue &progressToken)
    : QObject(server), mServer(server), mId(id), mArguments(arguments), mProgressToken(progressToken)
{ }

void McpCall::finish(const QJsonObject &structured)
{
    const QString text = QString::fromUtf8(QJsonDocument(structured).toJson(QJsonDocument::Compact));
    answer(QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}},
                       {u"structuredContent"_s, structured},
                       {u"isError"_s, false}});
}

void McpCall::finishWith(const QJsonArray &content, const QJsonObject &structured)
{
    QJsonObject result{{u"content"_s, content}, {u"isError"_s, false}};
    if (!structured.isEmpty())
        result.insert(u"structuredContent"_s, structured);
    answer(result);
}

void McpCall::fail(const QString &message)
{
    answer(QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, message}}}},
                       {u"isError"_s, true}});
}

void McpCall::progress(double done, double total, const QString &message)
{
    if (mCancelled || mAnswered || !mServer || mProgressToken.isUndefined() || mProgressToken.isNull())
        return;
    QJsonObject params{{u"progressToken"_s, mProgressToken}, {u"progress"_s, done}};
    if (total > 0)
        params.insert(u"total"_s, total);
    if (!message.isEmpty())
        params.insert(u"message"_s, message);
    mServer->notify(u"notifications/progress"_s, params);
}

void McpCall::answer(const QJsonObject &result)
{
    if (mAnswered)
        return;
    mAnswered = true;
    // A cancelled request gets no answer; its work is dropped.
    if (mServer && !mCancelled)
        mServer->respond(mId, result);
    if (mServer)
        mServer->forget(this);
    deleteLater();
}

McpServer::McpServer(QObject *parent) : QObject(parent) { }

McpServer::~McpServer() = default;

void McpServer::addTool(McpTool tool)
{
    mTools.append(std::move(tool));
}

void McpServer::receive(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    if (line.size() > kMessageLimit) {
        refuseOversized();
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        respondError(QJsonValue::Null, ParseError,
                     tr("Parse error: %1 at offset %2").arg(error.errorString()).arg(error.offset));
        return;
    }
    if (!document.isObject()) {
        // Batches left JSON-RPC over MCP with revision 2025-06-18.
        respondError(QJsonValue::Null, InvalidRequest, tr("Invalid Request: send one JSON-RPC object per message"));
        return;
    }
    handle(document.object());
}

void McpServer::refuseOversized()
{
    respondError(QJsonValue::Null, InvalidRequest,
                 tr("Invalid Request: a message is limited to %1 MB").arg(kMessageLimit >> 20));
}

void McpServer::handle(const QJsonObject &message)
{
    const QJsonValue id = message.value("id"_L1);
    const bool hasId = message.contains("id"_L1);
    if (!message.contains("method"_L1)) {
        if (hasId && (message.contains("result"_L1) || message.contains("error"_L1)))
            return; // an answer to a request of ours; this server sends none that need one
        respondError(hasId && (id.isString() || id.isDouble()) ? id : QJsonValue(QJsonValue::Null), InvalidRequest,
                     tr("Invalid Request: no method"));
        return;
    }
    if (message.value("jsonrpc"_L1) != "2.0"_L1 || !message.value("method"_L1).isString()
        || (hasId && !id.isString() && !id.isDouble())) {
        respondError(hasId && (id.isString() || id.isDouble()) ? id : QJsonValue(QJsonValue::Null), InvalidRequest,
                     tr("Invalid Request: not a JSON-RPC 2.0 request"));
        return;
    }
    const QString method = message.value("method"_L1).toString();
    const QJsonObject params = message.value("params"_L1).toObject();
    if (!hasId) { // a notification: never answered
        if (method == "notifications/cancelled"_L1) {
            if (McpCall *call = mCalls.value(idKey(params.value("requestId"_L1)))) {
                call->mCancelled = true;
                forget(call);
                emit call->cancelled();
            }
        }
        return;
    }
    if (method == "initialize"_L1)
        respond(id, initialize(params));
    else if (method == "ping"_L1)
        respond(id, {});
    else if (method == "tools/list"_L1)
        respond(id, {{u"tools"_s, listTools()}});
    else if (method == "tools/call"_L1)
        callTool(id, params);
    else if (method == "resources/list"_L1)
        respond(id, {{u"resources"_s, listResources()}});
    else if (method == "resources/templates/list"_L1)
        respond(id, {{u"resourceTemplates"_s, QJsonArray()}});
    else if (method == "resources/read"_L1)
        readResource(id, params);
    else if (method == "logging/setLevel"_L1) {
        const qsizetype level = logLevels().indexOf(params.value("level"_L1).toString());
        if (level < 0) {
            respondError(id, InvalidParams,
                         tr("Invalid params: level must be one of %1").arg(logLevels().join(u", "_s)));
            return;
        }
        mLogLevel = int(level);
        respond(id, {});
    } else
        respondError(id, MethodNotFound, tr("Method not found: %1").arg(method));
}

QJsonObject McpServer::initialize(const QJsonObject &params)
{
    const QString asked = params.value("protocolVersion"_L1).toString();
    const QString version = supportedVersions().contains(asked) ? asked : supportedVersions().first();
    QJsonObject result{
        {u"protocolVersion"_s, version},
        {u"capabilities"_s,
         QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, false}}},
                     {u"resources"_s, QJsonObject{{u"listChanged"_s, true}, {u"subscribe"_s, false}}},
                     {u"logging"_s, QJsonObject()}}},
        {u"serverInfo"_s, QJsonObject{{u"name"_s, u"nimbus"_s},
                                      {u"title"_s, u"Nimbus Studio"_s},
                                      {u"version"_s, QCoreApplication::applicationVersion()}}},
    };
    if (!mInstructions.isEmpty())
        result.insert(u"instructions"_s, mInstructions);
    return result;
}

QJsonArray McpServer::listTools() const
{
    QJsonArray tools;
    for (const McpTool &tool : mTools) {
        QJsonObject entry{{u"name"_s, tool.name},
                          {u"title"_s, tool.title},
                          {u"description"_s, tool.description},
                          {u"inputSchema"_s, tool.inputSchema}};
        entry.insert(
            u"annotations"_s,
            QJsonObject{{u"title"_s, tool.title}, {u"readOnlyHint"_s, tool.readOnly}, {u"openWorldHint"_s, false}});
        tools.append(entry);
    }
    return tools;
}

void McpServer::callTool(const QJsonValue &id, const QJsonObject &params)
{
    const QString name = params.value("name"_L1).toString();
    const auto tool = std::find_if(mTools.cbegin(), mTools.cend(), [&](const McpTool &t) { return t.name == name; });
    if (tool == mTools.cend()) {
        respondError(id, InvalidParams, tr("Unknown tool: %1").arg(name), QJsonObject{{u"tool"_s, name}});
        return;
    }
    if (params.contains("arguments"_L1) && !params.value("arguments"_L1).isObject()) {
        respondError(id, InvalidParams, tr("Invalid params: arguments must be an object"));
        return;
    }
    if (mCalls.contains(idKey(id))) {
        respondError(id, InvalidRequest, tr("Invalid Request: request id %1 is already in use").arg(idKey(id).mid(2)));
        return;
    }
    const QJsonObject arguments = params.value("arguments"_L1).toObject();
    auto *call = new McpCall(this, id, arguments, params.value("_meta"_L1).toObject().value("progressToken"_L1));
    // Arguments that do not fit the schema are the tool's error, for the model to correct.
    if (const QString problem = schemaProblem(tool->inputSchema, arguments); !problem.isEmpty()) {
        call->fail(tr("%1: %2").arg(name, problem));
        return;
    }
    mCalls.insert(idKey(id), call);
    tool->run(call);
}

void McpServer::forget(McpCall *call)
{
    for (auto it = mCalls.begin(); it != mCalls.end(); ++it) {
        if (it.value() == call) {
            mCalls.erase(it);
            return;
        }
    }
}

QJsonArray McpServer::listResources() const
{
    QJsonArray list;
    for (const McpResource &r : mResources ? mResources() : QList<McpResource>())
        list.append(QJsonObject{
            {u"uri"_s, r.uri}, {u"name"_s, r.name}, {u"description"_s, r.description}, {u"mimeType"_s, r.mimeType}});
    return list;
}

void McpServer::readResource(const QJsonValue &id, const QJsonObject &params)
{
    const QString uri = params.value("uri"_L1).toString();
    const QList<McpResource> resources = mResources ? mResources() : QList<McpResource>();
    const auto found = std::find_if(resources.cbegin(), resources.cend(),
                                    [&](const McpResource &r) { return r.uri == uri; });
    if (found == resources.cend()) {
        respondError(id, ResourceNotFound, tr("Resource not found: %1").arg(uri), QJsonObject{{u"uri"_s, uri}});
        return;
    }
    const QByteArray data = found->read();
    QJsonObject content{{u"uri"_s, uri}, {u"mimeType"_s, found->mimeType}};
    if (found->mimeType.startsWith("text/"_L1) || found->mimeType.endsWith("json"_L1))
        content.insert(u"text"_s, QString::fromUtf8(data));
    else
        content.insert(u"blob"_s, QString::fromLatin1(data.toBase64()));
    respond(id, {{u"contents"_s, QJsonArray{content}}});
}

void McpServer::log(const QString &level, const QString &logger, const QJsonValue &data)
{
    if (logLevels().indexOf(level) < mLogLevel)
        return;
    notify(u"notifications/message"_s, {{u"level"_s, level}, {u"logger"_s, logger}, {u"data"_s, data}});
}

void McpServer::resourcesChanged()
{
    if (mListChangePending)
        return;
    mListChangePending = true;
    QTimer::singleShot(0, this, [this] {
        mListChangePending = false;
        notify(u"notifications/resources/list_changed"_s, {});
    });
}

void McpServer::respond(const QJsonValue &id, const QJsonObject &result)
{
    emit send(QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}})
                  .toJson(QJsonDocument::Compact));
}

void McpServer::respondError(const QJsonValue &id, int code, const QString &message, const QJsonValue &data)
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    if (!data.isUndefined() && !data.isNull())
        error.insert(u"data"_s, data);
    emit send(QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, error}})
                  .toJson(QJsonDocument::Compact));
}

void McpServer::notify(const QString &method, const QJsonObject &params)
{
    QJsonObject message{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, method}};
    if (!params.isEmpty())
        message.insert(u"params"_s, params);
    emit send(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

} // namespace Nimbus
