#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Nimbus {

class McpServer;

// One tools/call in progress. The tool answers once, with finish() or fail(), now or
// later (from the event loop); progress() reports on the way when the client asked
// for it; isCancelled() turns true when the client sends notifications/cancelled, after
// which whatever the tool answers is dropped, as the protocol wants.
class McpCall : public QObject
{
    Q_OBJECT

public:
    const QJsonObject &arguments() const { return mArguments; }
    bool isCancelled() const { return mCancelled; }

    // A structured result (structuredContent) with its JSON as the text content.
    void finish(const QJsonObject &structured);
    // Content blocks of one's own (an image), with a structured result beside them.
    void finishWith(const QJsonArray &content, const QJsonObject &structured = {});
    // A tool execution error (isError): what went wrong, for the model to read.
    void fail(const QString &message);
    // notifications/progress for this call, when the client gave a progressToken.
    void progress(double done, double total, const QString &message = {});

signals:
    void cancelled();

private:
    friend class McpServer;
    McpCall(McpServer *server, const QJsonValue &id, const QJsonObject &arguments, const QJsonValue &progressToken);
    void answer(const QJsonObject &result);

    QPointer<McpServer> mServer;
    QJsonValue mId;
    QJsonObject mArguments;
    QJsonValue mProgressToken;
    bool mCancelled = false;
    bool mAnswered = false;
};

// A tool an agent can call: its name, what it does, the JSON Schema of its arguments
// (checked before the handler runs: required members, types, enums) and the handler.
struct McpTool
{
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    std::function<void(McpCall *call)> run;
    bool readOnly = false;
};

// A resource an agent can read: its URI, name, MIME type and what reads it.
struct McpResource
{
    QString uri;
    QString name;
    QString description;
    QString mimeType;
    std::function<QByteArray()> read;
};

// The Model Context Protocol (revision 2025-11-25, and the earlier ones the client
// asks for) over JSON-RPC 2.0, one message per line: receive() takes what the client
// sent, send() carries what goes back. Transport-free, so that the stdio server of
// `nimbus mcp` and the studio's attach socket serve the same protocol.
class McpServer : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kProtocolVersion = "2025-11-25";
    // A line longer than this is refused (-32600) without being parsed.
    static constexpr qsizetype kMessageLimit = 16 * 1024 * 1024;

    explicit McpServer(QObject *parent = nullptr);
    ~McpServer() override;

    void setInstructions(const QString &instructions) { mInstructions = instructions; }
    void addTool(McpTool tool);
    // Resources are listed afresh on each resources/list: the function files change.
    using ResourceLister = std::function<QList<McpResource>()>;
    void setResourceLister(ResourceLister lister) { mResources = std::move(lister); }
    const QList<McpTool> &tools() const { return mTools; }
    // Tool calls still running (not answered, not cancelled).
    int pendingCalls() const { return int(mCalls.size()); }

    // One line from the client: a request, a notification, a response or a batch.
    void receive(const QByteArray &line);
    // Answers a message over kMessageLimit that the transport dropped unread (-32600).
    void refuseOversized();
    // notifications/message at level ("info", "warning", "error"...), when the client's
    // logging level lets it through.
    void log(const QString &level, const QString &logger, const QJsonValue &data);
    // notifications/resources/list_changed, at most once per event loop turn.
    void resourcesChanged();

signals:
    // One compact JSON line, without its newline.
    void send(const QByteArray &message);

private:
    friend class McpCall;
    void handle(const QJsonObject &message);
    void respond(const QJsonValue &id, const QJsonObject &result);
    void respondError(const QJsonValue &id, int code, const QString &message, const QJsonValue &data = {});
    void notify(const QString &method, const QJsonObject &params);
    QJsonObject initialize(const QJsonObject &params);
    void callTool(const QJsonValue &id, const QJsonObject &params);
    void readResource(const QJsonValue &id, const QJsonObject &params);
    QJsonArray listTools() const;
    QJsonArray listResources() const;
    void forget(McpCall *call);

    QList<McpTool> mTools;
    ResourceLister mResources;
    QString mInstructions;
    QHash<QString, McpCall *> mCalls; // in progress, by request id
    int mLogLevel = 1; // index in kLevels: "info"
    bool mListChangePending = false;
};

// What is wrong with value against a JSON Schema (the subset tools use: type, properties,
// required, enum, items, minimum, maximum, additionalProperties false), where: "a.b[2]";
// empty when it conforms.
QString schemaProblem(const QJsonObject &schema, const QJsonValue &value, const QString &where = {});

} // namespace Nimbus
