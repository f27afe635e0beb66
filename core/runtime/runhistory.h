#pragma once

#include "invocationresult.h"
#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Nimbus {

class Database;

// Every invocation of a project's functions (event, result or error, logs, REPORT
// figures), kept in the project's .nimbus file, newest first, up to a limit per function.
// Nothing secret is kept: the values of the Authorization, Proxy-Authorization, Cookie,
// Set-Cookie and X-Api-Key headers (any case; headers, multiValueHeaders and the
// `cookies` of API Gateway v1 and v2), and of the function's secret variables
// (FunctionSpec::isSecretName), become "[redacted]" wherever they appear: event, result,
// error, logs and saved events. The function itself still receives the real values.
//
// record() only queues: a thread of the history's own hides the secrets and writes what
// is queued in one transaction, so that a busy local cloud does not pay a commit (an
// fsync on a saved project) and two JSON parses per invocation on the thread that
// serves requests. Every read waits for the writes queued before it, so what record()
// was given is always there to read.
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

    // Keeps one invocation, secrets hidden; its entry's id. Written a moment later on
    // the history's thread; a failure to write is told by flush().
    Result<qint64> record(NodeId node, const QByteArray &event, const InvocationResult &result);
    // Waits (10 s at most) until everything recorded so far is written; the first write
    // that failed since the last flush(), if any.
    Result<void> flush();
    // How many invocations were dropped unwritten because more than kQueueLimit runs or
    // kQueueBytes waited.
    qint64 dropped() const;
    // The first write that failed since the last flush(), without waiting for the writes
    // queued or forgetting it (what the Run dock shows).
    std::optional<Error> writeError() const;
    // What waits to be written at most: past it the oldest waiting are dropped (the
    // retention would prune them soon anyway), so that a file another program keeps
    // locked, or a disk slower than the cloud, cannot grow the studio's memory without
    // bound.
    static constexpr int kQueueLimit = 4096;
    static constexpr qint64 kQueueBytes = 64 * 1024 * 1024;
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
    struct Queued
    {
        qint64 id = 0;
        NodeId node = kInvalidNodeId;
        QByteArray event;
        InvocationResult result;
        bool redacted = false;
        qint64 bytes() const;
    };
    enum class Written { Yes, Busy, Failed };
    QList<Entry> select(const QString &where, qint64 key, int limit) const;

    void startWriter();
    void writeQueued();
    // Writes one batch; the database's lock is held. Busy: the file was locked by another
    // connection for longer than SQLite waits; nothing was written.
    Written writeBatch(const std::vector<Queued> &batch, Error *error);
    // Returns once nothing queued before the call is still unwritten, or after timeoutMs.
    void waitForWrites(int timeoutMs) const;
    void closeDatabase();
    Error notOpen() const;

    std::unique_ptr<Database> mDb;
    // The insert of record(), prepared once per database (a busy local cloud records
    // thousands of runs a second); destroyed before the database.
    std::unique_ptr<Statement> mInsert;
    std::atomic<int> mRetention{kDefaultRetention}; // read by the writer when it prunes

    // mDb and mInsert are used by the writer and by readers, one at a time.
    mutable std::mutex mDbLock;
    // What waits to be written, and the writer's state; never held while writing.
    mutable std::mutex mQueueLock;
    mutable std::condition_variable mQueueChanged;
    std::deque<Queued> mQueue;
    bool mStopping = false;
    qint64 mNextId = 1;
    qint64 mWrittenThrough = 0; // the id of the last run written (or given up on)
    qint64 mDropped = 0;
    qint64 mQueuedBytes = 0;
    qint64 mLastRowId = 0; // the writer's: the highest id it wrote
    std::optional<Error> mWriteError;
    std::thread mWriter;
};

} // namespace Nimbus
