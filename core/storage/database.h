#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

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
    static int progress(void *database);

    sqlite3 *mDb = nullptr;
    qint64 mWorkLimit = 0;
    qint64 mWorkDone = 0;
    bool mWorkExceeded = false;
};

// A prepared statement; finalised when it goes out of scope.
class Statement
{
public:
    Statement(Database &db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return mStmt != nullptr; }
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &value);
    void bind(int index, const QByteArray &value);
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
    bool mFailed = false;
    bool mStarted = false;
    Error mError;
};

} // namespace Nimbus
