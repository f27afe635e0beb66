#pragma once

#include "result.h"

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace Nimbus {

// A thin owner of an SQLite connection that turns every failure into a message.
//
// Every connection distrusts the schema of the file it opens (trusted_schema off,
// defensive mode): a file may come from a stranger, and its views, triggers and
// generated columns must not call functions with side effects.
class Database
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Result<void> open(const QString &path, Mode mode);
    void close();
    bool isOpen() const { return mDb != nullptr; }
    sqlite3 *handle() const { return mDb; }
    // Whether a transaction (BEGIN ... or a SAVEPOINT) is open on this connection.
    bool inTransaction() const;

    // Group commit: one transaction left open across the writes of several callers,
    // committed by commitBatch(). Writes made while a JoinBatch is in scope stay in it;
    // any other write (a statement that writes, exec()) commits it first, so that no
    // other write waits for it unknowingly. batchEnded(committed) is told when it ends.
    Result<void> openBatch();
    Result<void> commitBatch();
    bool batchOpen() const { return mBatchOpen; }
    void setBatchEnded(std::function<void(bool committed)> handler) { mBatchEnded = std::move(handler); }
    class JoinBatch
    {
    public:
        explicit JoinBatch(Database &db) : mDb(db) { ++mDb.mJoining; }
        ~JoinBatch() { --mDb.mJoining; }
        JoinBatch(const JoinBatch &) = delete;
        JoinBatch &operator=(const JoinBatch &) = delete;

    private:
        Database &mDb;
    };

    Result<void> exec(const QString &sql);
    // Runs a statement that returns one integer (PRAGMA user_version ...).
    Result<qint64> queryInt(const QString &sql);
    // The row id of the last INSERT on this connection.
    qint64 lastInsertId() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    int changes() const;
    // What SQLite says went wrong last on this connection, after context if any ("a
    // query needed more than N steps" when the work limit stopped it).
    Error error(const QString &context = {}) const;

    // Bounds the work of each statement (in SQLite virtual machine steps) until it is
    // set back to 0; a statement that needs more is stopped with an error. A bound
    // for reading files whose schema nobody checked yet.
    void setWorkLimit(qint64 steps);
    qint64 workLimit() const { return mWorkLimit; }
    // A new statement starts with a fresh allowance.
    void resetWork()
    {
        mWorkDone = 0;
        mWorkExceeded = false;
    }

private:
    friend class Statement;
    // A statement prepared once and reused by every Statement of its text that is not
    // in use: preparing costs more than running a statement that touches one row.
    struct CachedStatement
    {
        sqlite3_stmt *stmt = nullptr;
        bool inUse = false;
    };

    static int progress(void *database);

    sqlite3 *mDb = nullptr;
    // By text; unordered_map keeps its values where they are as it grows.
    struct TextHash
    {
        size_t operator()(const QString &text) const { return qHash(text); }
    };
    std::unordered_map<QString, CachedStatement, TextHash> mCache;
    bool mBatchOpen = false;
    int mJoining = 0;
    std::function<void(bool committed)> mBatchEnded;
    qint64 mWorkLimit = 0;
    qint64 mWorkDone = 0;
    bool mWorkExceeded = false;
};

// A prepared statement; finalised when it goes out of scope, or, made with Reuse, kept
// by its database for the next Statement of the same text (a statement the database
// keeps is reset and unbound when it goes out of scope). Reuse is for statements that
// run often; the text must not vary with data (bind the data).
class Statement
{
public:
    enum Preparation { Once, Reuse };

    Statement(Database &db, const QString &sql, Preparation preparation = Once);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return mStmt != nullptr; }
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &value);
    void bind(int index, const QByteArray &value);
    // Text already in UTF-8 (bind(QByteArray) binds a blob).
    void bindText(int index, const QByteArray &utf8);
    void bindNull(int index);
    // Steps once: true while a row is available; check status() afterwards.
    bool next();
    Result<void> execute(); // steps a statement that returns no rows, then resets it
    // Whether preparing and stepping went well so far; the error of the step that failed.
    Result<void> status() const;
    bool failed() const { return mFailed; }
    void reset();

    qint64 columnInt(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    bool columnIsNull(int column) const;

private:
    Database &mDb;
    sqlite3_stmt *mStmt = nullptr;
    Database::CachedStatement *mCached = nullptr;
    bool mFailed = false;
    bool mStarted = false;
    Error mError;
};

} // namespace Nimbus
