#include "database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// How many virtual machine steps pass between two checks of the work limit.
constexpr int kProgressInterval = 1000;
constexpr int kMaxShownSteps = std::numeric_limits<int>::max();

// nimbus_attribute(item, attribute, type): the text of a DynamoDB item's attribute of that
// type ({"team": {"S": "red"}} gives "red" for team and S), NULL when the item has none.
// SQLite's json_extract may not be used in an index while the schema is not trusted (see
// open); this function is ours, pure and free of side effects, so an index may use it
// (the local cloud's secondary indexes: TableStore::indexItems).
void attributeText(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *item = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    const auto *attribute = reinterpret_cast<const char *>(sqlite3_value_text(arguments[1]));
    const auto *type = reinterpret_cast<const char *>(sqlite3_value_text(arguments[2]));
    if (!item || !attribute || !type) {
        sqlite3_result_null(context);
        return;
    }
    const QJsonValue value = QJsonDocument::fromJson(QByteArray::fromRawData(item, sqlite3_value_bytes(arguments[0])))
                                 .object()
                                 .value(QString::fromUtf8(attribute))
                                 .toObject()
                                 .value(QString::fromUtf8(type));
    if (!value.isString()) {
        sqlite3_result_null(context);
        return;
    }
    const QByteArray text = value.toString().toUtf8();
    sqlite3_result_text(context, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

} // namespace

Database::~Database()
{
    close();
}

Result<void> Database::open(const QString &path, Mode mode)
{
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &mDb, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = mDb ? QString::fromUtf8(sqlite3_errmsg(mDb)) : QString::fromUtf8(sqlite3_errstr(rc));
        close();
        return fail(message);
    }
    sqlite3_extended_result_codes(mDb, 1);
    sqlite3_busy_timeout(mDb, 2000);
    // Functions with side effects may not run from the file's own schema, and the
    // schema cannot be rewritten behind SQLite's back.
    if (sqlite3_db_config(mDb, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr) != SQLITE_OK
        || sqlite3_db_config(mDb, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr) != SQLITE_OK
        || sqlite3_create_function_v2(mDb, "nimbus_attribute", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, &attributeText, nullptr, nullptr, nullptr)
               != SQLITE_OK) {
        Error failure = error();
        close();
        return failure;
    }
    setWorkLimit(mWorkLimit);
    return {};
}

void Database::setWorkLimit(qint64 steps)
{
    mWorkLimit = steps;
    mWorkDone = 0;
    mWorkExceeded = false;
    if (mDb)
        sqlite3_progress_handler(mDb, steps > 0 ? kProgressInterval : 0, steps > 0 ? &Database::progress : nullptr,
                                 this);
}

int Database::progress(void *database)
{
    auto *db = static_cast<Database *>(database);
    db->mWorkDone += kProgressInterval;
    if (db->mWorkDone <= db->mWorkLimit)
        return 0;
    db->mWorkExceeded = true;
    return 1; // interrupts the statement with SQLITE_INTERRUPT
}

bool Database::inTransaction() const
{
    return mDb && sqlite3_get_autocommit(mDb) == 0;
}

Result<void> Database::openBatch()
{
    if (mBatchOpen)
        return {};
    if (inTransaction())
        return fail(u"a transaction is already open"_s);
    Statement begin(*this, u"BEGIN IMMEDIATE"_s, Statement::Reuse);
    if (Result<void> begun = begin.execute(); !begun)
        return begun;
    mBatchOpen = true;
    return {};
}

Result<void> Database::commitBatch()
{
    if (!mBatchOpen)
        return {};
    mBatchOpen = false;
    // SQLite rolls a transaction back by itself after some errors (a full disk ...).
    Result<void> done = inTransaction() ? Result<void>() : fail(u"the transaction was rolled back"_s);
    if (done) {
        Statement commit(*this, u"COMMIT"_s, Statement::Reuse);
        done = commit.execute();
        if (!done && inTransaction()) {
            Statement rollback(*this, u"ROLLBACK"_s, Statement::Reuse);
            (void)rollback.execute();
        }
    }
    if (mBatchEnded)
        mBatchEnded(bool(done));
    return done;
}

void Database::close()
{
    // What the batch holds is kept.
    (void)commitBatch();
    for (auto &[sql, cached] : mCache)
        sqlite3_finalize(cached.stmt);
    mCache.clear();
    if (mDb) {
        sqlite3_close_v2(mDb);
        mDb = nullptr;
    }
}

Error Database::error(const QString &context) const
{
    QString detail = mDb ? QString::fromUtf8(sqlite3_errmsg(mDb)) : u"no database"_s;
    if (mWorkExceeded && mDb && sqlite3_errcode(mDb) == SQLITE_INTERRUPT) {
        const int steps = mWorkLimit > kMaxShownSteps ? kMaxShownSteps : int(mWorkLimit);
        detail = QCoreApplication::translate("Nimbus::Database", "a query needed more than %Ln steps and was stopped",
                                             nullptr, steps);
    }
    return Error{context.isEmpty() ? detail : u"%1: %2"_s.arg(context, detail)};
}

int Database::changes() const
{
    return mDb ? sqlite3_changes(mDb) : 0;
}

qint64 Database::lastInsertId() const
{
    return mDb ? sqlite3_last_insert_rowid(mDb) : 0;
}

Result<void> Database::exec(const QString &sql)
{
    if (mBatchOpen && mJoining == 0)
        (void)commitBatch();
    char *message = nullptr;
    resetWork();
    const int rc = sqlite3_exec(mDb, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        if (rc == SQLITE_INTERRUPT && mWorkExceeded)
            return error();
        return fail(text);
    }
    return {};
}

Result<qint64> Database::queryInt(const QString &sql)
{
    Statement st(*this, sql);
    if (!st.isValid())
        return st.status().error();
    if (!st.next())
        return st.failed() ? st.status().error() : error(sql);
    return st.columnInt(0);
}

Statement::Statement(Database &db, const QString &sql, Preparation preparation) : mDb(db)
{
    if (preparation == Reuse && db.handle()) {
        const auto found = db.mCache.find(sql);
        if (found != db.mCache.end() && !found->second.inUse) {
            mCached = &found->second;
            mCached->inUse = true;
            mStmt = mCached->stmt;
            return;
        }
        // A statement of the same text still in use (a query running while another
        // starts) gets one of its own.
        if (found == db.mCache.end()) {
            if (sqlite3_prepare_v3(db.handle(), sql.toUtf8().constData(), -1, SQLITE_PREPARE_PERSISTENT, &mStmt,
                                   nullptr)
                != SQLITE_OK) {
                mError = mDb.error();
                sqlite3_finalize(mStmt);
                mStmt = nullptr;
                mFailed = true;
                return;
            }
            mCached = &db.mCache.emplace(sql, Database::CachedStatement{mStmt, true}).first->second;
            return;
        }
    }
    if (sqlite3_prepare_v2(db.handle(), sql.toUtf8().constData(), -1, &mStmt, nullptr) != SQLITE_OK) {
        mError = mDb.error();
        sqlite3_finalize(mStmt);
        mStmt = nullptr;
        mFailed = true;
    }
}

Statement::~Statement()
{
    if (mCached) {
        sqlite3_reset(mStmt);
        sqlite3_clear_bindings(mStmt);
        mCached->inUse = false;
        return;
    }
    sqlite3_finalize(mStmt);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(mStmt, index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(mStmt, index, value);
}

void Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(mStmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, const QByteArray &value)
{
    sqlite3_bind_blob(mStmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
}

void Statement::bindText(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(mStmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(mStmt, index);
}

bool Statement::next()
{
    if (!mStmt)
        return false;
    if (!mStarted) {
        mStarted = true;
        mDb.resetWork();
        // BEGIN, COMMIT and the like count as read-only and never end the batch.
        if (mDb.mBatchOpen && mDb.mJoining == 0 && !sqlite3_stmt_readonly(mStmt))
            (void)mDb.commitBatch();
    }
    const int rc = sqlite3_step(mStmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        mFailed = true;
        mError = mDb.error();
    }
    return false;
}

Result<void> Statement::execute()
{
    next();
    reset();
    return status();
}

Result<void> Statement::status() const
{
    if (mFailed)
        return mError;
    return {};
}

void Statement::reset()
{
    mStarted = false;
    sqlite3_reset(mStmt);
    sqlite3_clear_bindings(mStmt);
}

qint64 Statement::columnInt(int column) const
{
    return sqlite3_column_int64(mStmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(mStmt, column);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(mStmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(mStmt, column)) : QString();
}

QByteArray Statement::columnBlob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(mStmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(mStmt, column)) : QByteArray();
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(mStmt, column) == SQLITE_NULL;
}

} // namespace Nimbus
