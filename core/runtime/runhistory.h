#pragma once

#include "invocationresult.h"
#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace Nimbus {

class Database;

// Every invocation of a project's functions (event, result or error, logs, REPORT
// figures), kept in the project's .nimbus file, newest first, up to a limit per function.
// Nothing secret is kept: the values of the Authorization, Proxy-Authorization, Cookie,
// Set-Cookie and X-Api-Key headers (any case; headers, multiValueHeaders and the
// `cookies` of API Gateway v1 and v2), and of the function's secret variables
// (FunctionSpec::isSecretName), become "[redacted]" wherever they appear: event, result,
// error, logs and saved events. The function itself still receives the real values.
class Statement;

class RunHistory
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::RunHistory)

public:
    struct Entry
    {
        qint64 id = 0;
        NodeId node = kInvalidNodeId;
        QByteArray event;
        InvocationResult result;
    };
    static constexpr int kDefaultRetention = 500;

    RunHistory();
    ~RunHistory();

    // Opens the history of a saved .nimbus project (upgraded to the current schema).
    Result<void> open(const QString &projectFile);
    // A history that lasts as long as this object, for a project not saved yet.
    Result<void> openInMemory();
    bool isOpen() const { return mDb != nullptr; }
    void setRetention(int perFunction) { mRetention = perFunction; }

    // What record() and saveEvent() write: the event and result with their secrets hidden.
    struct Redacted
    {
        QByteArray event;
        InvocationResult result;
    };
    static Redacted redact(const QByteArray &event, const InvocationResult &result);
    static QByteArray redactEvent(const QByteArray &event);

    // Keeps one invocation, secrets hidden; its entry's id.
    Result<qint64> record(NodeId node, const QByteArray &event, const InvocationResult &result);
    QList<Entry> entries(NodeId node, int limit = 100) const;

    // The figures of one run, without its event, result or logs: what the cost view measures.
    struct Figures
    {
        bool ok = false;
        double durationMs = 0;
        int maxMemoryUsedMB = 0; // 0: not reported
        qint64 logBytes = 0; // the UTF-8 bytes of its log lines, a newline between each
        qint64 resultBytes = 0; // the UTF-8 bytes of the result (successful runs) or of the error
    };
    // The figures of a function's latest runs, newest first (at most the retention).
    QList<Figures> figures(NodeId node, int limit = 100) const;
    bool entry(qint64 id, Entry *entry) const;

    // Events saved with a function under a name, for the run panel.
    struct SavedEvent
    {
        QString name;
        QByteArray event;
    };
    QList<SavedEvent> savedEvents(NodeId node) const;
    // Kept with its secret headers hidden: a replay sends "[redacted]" in their place.
    Result<void> saveEvent(NodeId node, const QString &name, const QByteArray &event);
    Result<void> removeSavedEvent(NodeId node, const QString &name);

private:
    QList<Entry> select(const QString &where, qint64 key, int limit) const;

    void closeDatabase();
    Error notOpen() const;

    std::unique_ptr<Database> mDb;
    // The insert of record(), prepared once per database (a busy local cloud records
    // thousands of runs a second); destroyed before the database.
    std::unique_ptr<Statement> mInsert;
    int mRetention = kDefaultRetention;
};

} // namespace Nimbus
