#include "runhistory.h"

#include "storage/database.h"
#include "storage/migrations.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <iterator>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// How long a reader waits at most for the runs queued before it: a file another program
// keeps locked must not hold the window (and, in the studio, the local cloud) longer.
constexpr int kReaderWaitMs = 500;
// How long the writer waits for a file another connection holds before it tries later.
constexpr int kWriterWaitMs = 100;
// What Database::open sets, put back for everything else on the connection.
constexpr int kDatabaseWaitMs = 2000;

// Whether the last statement failed because another connection held the file.
bool isBusy(const Database &db)
{
    const int code = sqlite3_errcode(db.handle()) & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

// What stands for a secret in the history.
const QString &redactedMarker()
{
    static const QString marker = u"[redacted]"_s;
    return marker;
}

// Shorter values are not hidden inside other text: every "1" or "ab" of a log would go.
constexpr qsizetype kShortestHidden = 4;

bool isSecretHeader(const QString &name)
{
    static const QLatin1String kNames[] = {"authorization"_L1, "proxy-authorization"_L1, "cookie"_L1, "set-cookie"_L1,
                                           "x-api-key"_L1};
    return std::any_of(std::begin(kNames), std::end(kNames),
                       [&name](QLatin1String n) { return name.compare(n, Qt::CaseInsensitive) == 0; });
}

bool isCookieAttribute(const QString &name)
{
    static const QLatin1String kAttributes[] = {"path"_L1,   "domain"_L1,   "expires"_L1,  "max-age"_L1,
                                                "secure"_L1, "httponly"_L1, "samesite"_L1, "partitioned"_L1};
    return std::any_of(std::begin(kAttributes), std::end(kAttributes),
                       [&name](QLatin1String a) { return name.compare(a, Qt::CaseInsensitive) == 0; });
}

// A Cookie or Set-Cookie value (or one entry of API Gateway v2's `cookies`) with each
// cookie's value hidden; names and Set-Cookie attributes stay, they help reading a run.
QString hideCookies(const QString &value, QStringList *found)
{
    QStringList parts = value.split(';'_L1);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        const qsizetype equals = part.indexOf('='_L1);
        const QString name = equals < 0 ? part : part.left(equals).trimmed();
        if (i > 0 && isCookieAttribute(name))
            continue;
        if (equals < 0) {
            if (i > 0)
                continue; // a flag
            found->append(part);
            parts[i] = redactedMarker();
        } else {
            found->append(part.mid(equals + 1).trimmed());
            parts[i] = (i > 0 ? u" "_s : QString()) + name + '='_L1 + redactedMarker();
        }
    }
    found->append(value);
    return parts.join(';'_L1);
}

// One secret header value hidden; an Authorization keeps its scheme ("Bearer [redacted]").
QString hideHeader(const QString &name, const QString &value, QStringList *found)
{
    if (name.endsWith("cookie"_L1, Qt::CaseInsensitive))
        return hideCookies(value, found);
    found->append(value);
    const QString trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' '_L1);
    if (name.endsWith("authorization"_L1, Qt::CaseInsensitive) && space > 0) {
        found->append(trimmed.mid(space + 1).trimmed());
        return trimmed.left(space) + ' '_L1 + redactedMarker();
    }
    return redactedMarker();
}

// Hides the secret headers of every `headers` and `multiValueHeaders` object and every
// `cookies` array, at any depth: API Gateway v1 and v2 events, ALB events, proxy results.
QJsonValue hideHeaders(const QJsonValue &value, QStringList *found, bool *changed)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = hideHeaders(*it, found, changed);
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const bool headers = key.compare("headers"_L1, Qt::CaseInsensitive) == 0
                             || key.compare("multiValueHeaders"_L1, Qt::CaseInsensitive) == 0;
        if (headers && it->isObject()) {
            QJsonObject fields = it->toObject();
            for (auto field = fields.begin(); field != fields.end(); ++field) {
                if (!isSecretHeader(field.key()))
                    continue;
                if (field->isArray()) {
                    QJsonArray values = field->toArray();
                    for (auto v = values.begin(); v != values.end(); ++v)
                        *v = hideHeader(field.key(), v->toVariant().toString(), found);
                    *field = values;
                } else {
                    *field = hideHeader(field.key(), field->toVariant().toString(), found);
                }
                *changed = true;
            }
            *it = fields;
        } else if (key == "cookies"_L1 && it->isArray()) {
            QJsonArray cookies = it->toArray();
            for (auto c = cookies.begin(); c != cookies.end(); ++c)
                if (c->isString()) {
                    *c = hideCookies(c->toString(), found);
                    *changed = true;
                }
            *it = cookies;
        } else if (it->isObject() || it->isArray()) {
            *it = hideHeaders(*it, found, changed);
        }
    }
    return object;
}

// The values to hide wherever they appear, longest first so that a secret holding
// another goes whole; each also as JSON writes it (a log line may be JSON.stringify's).
QStringList hiddenForms(QStringList values)
{
    QStringList forms;
    for (const QString &value : std::as_const(values)) {
        if (value.size() < kShortestHidden || value == redactedMarker())
            continue;
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        const QString escaped = QString::fromUtf8(json.mid(2, json.size() - 4));
        for (const QString &form : {value, escaped})
            if (!forms.contains(form))
                forms.append(form);
    }
    std::sort(forms.begin(), forms.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return forms;
}

bool hide(QString *text, const QStringList &forms)
{
    bool changed = false;
    for (const QString &form : forms)
        if (text->contains(form)) {
            text->replace(form, redactedMarker());
            changed = true;
        }
    return changed;
}

// Every string of a JSON value with the secrets hidden.
QJsonValue hideStrings(const QJsonValue &value, const QStringList &forms, bool *changed)
{
    if (value.isString()) {
        QString text = value.toString();
        if (hide(&text, forms)) {
            *changed = true;
            return text;
        }
        return value;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = hideStrings(*it, forms, changed);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = hideStrings(*it, forms, changed);
        return object;
    }
    return value;
}

bool mayHoldSecretHeaders(const QByteArray &json)
{
    const QByteArray lower = json.toLower();
    return lower.contains("authorization") || lower.contains("cookie") || lower.contains("x-api-key");
}

bool holdsAny(const QByteArray &text, const QStringList &forms)
{
    return std::any_of(forms.cbegin(), forms.cend(),
                       [&text](const QString &form) { return text.contains(form.toUtf8()); });
}

// A JSON document (any JSON value) whose secret headers are hidden; *found receives
// the hidden values. The text is kept as it was when nothing is secret in it.
QByteArray hideJsonHeaders(const QByteArray &json, QStringList *found)
{
    if (!mayHoldSecretHeaders(json))
        return json;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + json + "]", &error);
    if (error.error != QJsonParseError::NoError)
        return json;
    bool changed = false;
    const QJsonValue hidden = hideHeaders(document.array().at(0), found, &changed);
    if (!changed)
        return json;
    const QByteArray text = QJsonDocument(QJsonArray{hidden}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

// A JSON document with every secret hidden wherever it appears; not JSON, the text.
QByteArray hideJsonStrings(const QByteArray &json, const QStringList &forms)
{
    if (forms.isEmpty() || !holdsAny(json, forms))
        return json;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + json + "]", &error);
    if (error.error != QJsonParseError::NoError) {
        QString text = QString::fromUtf8(json);
        hide(&text, forms);
        return text.toUtf8();
    }
    bool changed = false;
    const QJsonValue hidden = hideStrings(document.array().at(0), forms, &changed);
    const QByteArray text = QJsonDocument(QJsonArray{hidden}).toJson(QJsonDocument::Compact);
    QByteArray result = text.mid(1, text.size() - 2);
    // An escaped form the parser decoded differently: fall back to the text itself.
    if (holdsAny(result, forms)) {
        QString plain = QString::fromUtf8(result);
        hide(&plain, forms);
        result = plain.toUtf8();
    }
    return result;
}

} // namespace

RunHistory::Redacted RunHistory::redact(const QByteArray &event, const InvocationResult &result)
{
    Redacted r;
    QStringList found = result.secrets;
    r.event = hideJsonHeaders(event, &found);
    r.result = result;
    r.result.secrets.clear();
    if (r.result.ok)
        r.result.resultJson = hideJsonHeaders(r.result.resultJson, &found);
    const QStringList forms = hiddenForms(found);
    if (forms.isEmpty())
        return r;
    r.event = hideJsonStrings(r.event, forms);
    if (r.result.ok) {
        r.result.resultJson = hideJsonStrings(r.result.resultJson, forms);
    } else {
        bool changed = false;
        r.result.error = hideStrings(r.result.error, forms, &changed).toObject();
    }
    for (QString &line : r.result.logs)
        hide(&line, forms);
    return r;
}

QByteArray RunHistory::redactEvent(const QByteArray &event)
{
    QStringList found;
    const QByteArray hidden = hideJsonHeaders(event, &found);
    return hideJsonStrings(hidden, hiddenForms(found));
}

RunHistory::RunHistory() = default;
RunHistory::~RunHistory()
{
    closeDatabase();
}

void RunHistory::closeDatabase()
{
    // What was recorded is written before the database closes.
    if (mWriter.joinable()) {
        {
            std::lock_guard queue(mQueueLock);
            mStopping = true;
        }
        mQueueChanged.notify_all();
        mWriter.join();
    }
    std::lock_guard queue(mQueueLock);
    mQueue.clear();
    mQueuedBytes = 0;
    mStopping = false;
    mInsert.reset();
    mDb.reset();
}

Error RunHistory::notOpen() const
{
    return Error{tr("no run history is open")};
}

void RunHistory::startWriter()
{
    // Ids are given when an invocation is queued, so that record() can return one at once.
    mNextId = mDb->queryInt(u"SELECT coalesce(max(id), 0) + 1 FROM run_history"_s).valueOr(1);
    mWrittenThrough = mNextId - 1;
    mLastRowId = mNextId - 1;
    mWriteError.reset();
    mDropped = 0;
    mWriter = std::thread(&RunHistory::writeQueued, this);
}

qint64 RunHistory::Queued::bytes() const
{
    qint64 total = event.size() + result.resultJson.size();
    for (const QString &line : result.logs)
        total += line.size() * 2;
    return total;
}

void RunHistory::writeQueued()
{
    // A file that another program keeps locked past SQLite's wait is tried again after
    // this long; closing tries as many times before it gives up.
    constexpr auto kRetryAfter = std::chrono::milliseconds(250);
    constexpr int kTriesWhenClosing = 3;
    int busyTries = 0;
    std::unique_lock queue(mQueueLock);
    for (;;) {
        mQueueChanged.wait(queue, [this] { return mStopping || !mQueue.empty(); });
        if (mQueue.empty())
            return; // stopping, everything written
        // Whatever queued while the last batch was written goes in one transaction: the
        // busier the cloud, the larger the batches.
        std::vector<Queued> batch(std::make_move_iterator(mQueue.begin()), std::make_move_iterator(mQueue.end()));
        mQueue.clear();
        mQueuedBytes = 0;
        queue.unlock();
        // Hiding secrets parses the event and the result: done before the database is
        // held, so that a reader waits only for the writes.
        for (Queued &q : batch) {
            if (q.redacted)
                continue;
            Redacted redacted = redact(q.event, q.result);
            q.event = std::move(redacted.event);
            q.result = std::move(redacted.result);
            q.redacted = true;
        }
        Error error;
        Written written = Written::Failed;
        {
            std::lock_guard db(mDbLock);
            written = writeBatch(batch, &error);
        }
        queue.lock();
        if (written == Written::Busy && (!mStopping || ++busyTries < kTriesWhenClosing)) {
            // Nothing was written: the batch goes back before what queued meanwhile, in
            // order, and is tried again (the queue's limits still hold).
            for (auto it = batch.rbegin(); it != batch.rend(); ++it) {
                mQueuedBytes += it->bytes();
                mQueue.push_front(std::move(*it));
            }
            while (mQueue.size() > size_t(kQueueLimit) || (mQueuedBytes > kQueueBytes && mQueue.size() > 1)) {
                mQueuedBytes -= mQueue.front().bytes();
                mQueue.pop_front();
                ++mDropped;
            }
            mQueueChanged.wait_for(queue, kRetryAfter, [this] { return mStopping; });
            continue;
        }
        busyTries = 0;
        mWrittenThrough = std::max(mWrittenThrough, batch.back().id);
        // Runs another program wrote took ids this history had given: later ones start
        // past them, so that one clash does not shift every run after it.
        mNextId = std::max(mNextId, mLastRowId + 1);
        if (written != Written::Yes && !mWriteError)
            mWriteError = error;
        mQueueChanged.notify_all();
    }
}

RunHistory::Written RunHistory::writeBatch(const std::vector<Queued> &batch, Error *error)
{
    // A file another program holds is not waited for long here: the writer holds the
    // connection (and readers wait for it) while SQLite waits, so it gives up soon and
    // tries again later, letting readers in between.
    sqlite3_busy_timeout(mDb->handle(), kWriterWaitMs);
    const Result<void> begun = mDb->exec(u"BEGIN IMMEDIATE"_s);
    sqlite3_busy_timeout(mDb->handle(), kDatabaseWaitMs);
    if (!begun) {
        *error = begun.error();
        return isBusy(*mDb) ? Written::Busy : Written::Failed;
    }
    auto prepare = [this] {
        mInsert = std::make_unique<Statement>(
            *mDb,
            QStringLiteral("INSERT INTO run_history(id, node_id, started_at, request_id, event, status, result, logs, "
                           "duration_ms, billed_duration_ms, max_memory_mb, init_duration_ms, cold_start) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
    };
    // A statement that failed stays failed (and loses its bindings): each attempt binds
    // everything again, on a statement prepared again after a failure.
    auto insert = [&](const Queued &q, bool withId) {
        if (!mInsert || mInsert->failed())
            prepare();
        Statement &statement = *mInsert;
        const InvocationResult &r = q.result;
        if (withId)
            statement.bind(1, q.id);
        else
            statement.bindNull(1);
        statement.bind(2, qint64(q.node));
        statement.bind(3, r.startedAt.toString(Qt::ISODateWithMs));
        statement.bind(4, r.requestId);
        statement.bind(5, QString::fromUtf8(q.event));
        statement.bind(6, r.ok ? u"ok"_s : r.error.value("errorType"_L1).toString());
        statement.bind(7, r.ok ? QString::fromUtf8(r.resultJson)
                               : QString::fromUtf8(QJsonDocument(r.error).toJson(QJsonDocument::Compact)));
        statement.bind(8, r.logs.join('\n'_L1));
        statement.bind(9, r.durationMs);
        statement.bind(10, r.billedDurationMs);
        statement.bind(11, qint64(r.maxMemoryUsedMB));
        if (r.initDurationMs)
            statement.bind(12, *r.initDurationMs);
        else
            statement.bindNull(12);
        statement.bind(13, qint64(r.coldStart));
        return statement.execute();
    };
    QList<NodeId> toPrune;
    Result<void> status;
    for (const Queued &q : batch) {
        if (Result<void> inserted = insert(q, true); !inserted) {
            // Another program (a second studio, nimbus cloud) wrote a run under this id
            // since the file was opened: the run takes the next free id instead.
            if (Result<void> again = insert(q, false); !again) {
                status = again;
                mInsert.reset();
                break;
            }
        }
        mLastRowId = std::max(mLastRowId, mDb->lastInsertId());
        // Pruning scans the function's runs: once every 128 runs is enough to keep the
        // history near its retention (entries() never shows more).
        if (q.id % 128 == 0 && !toPrune.contains(q.node))
            toPrune.append(q.node);
    }
    for (NodeId node : std::as_const(toPrune)) {
        if (!status)
            break;
        Statement prune(*mDb, QStringLiteral("DELETE FROM run_history WHERE node_id = ?1 AND id NOT IN "
                                             "(SELECT id FROM run_history WHERE node_id = ?1 ORDER BY id DESC "
                                             "LIMIT ?2)"));
        prune.bind(1, qint64(node));
        prune.bind(2, qint64(mRetention.load()));
        status = prune.execute();
    }
    if (!status) {
        (void)mDb->exec(u"ROLLBACK"_s);
        *error = status.error();
        return Written::Failed;
    }
    if (Result<void> committed = mDb->exec(u"COMMIT"_s); !committed) {
        // A commit that waited past SQLite's wait for readers leaves nothing written.
        const bool busy = isBusy(*mDb);
        (void)mDb->exec(u"ROLLBACK"_s);
        *error = committed.error();
        return busy ? Written::Busy : Written::Failed;
    }
    return Written::Yes;
}

void RunHistory::waitForWrites(int timeoutMs) const
{
    std::unique_lock queue(mQueueLock);
    // Up to what is queued now: a reader does not wait for runs that finish after it
    // asked, nor long for a file another program keeps locked (it reads what is written).
    const qint64 target = mNextId - 1;
    mQueueChanged.wait_for(queue, std::chrono::milliseconds(timeoutMs),
                           [&] { return mWrittenThrough >= target || !mWriter.joinable(); });
}

Result<void> RunHistory::open(const QString &projectFile)
{
    closeDatabase();
    mDb = std::make_unique<Database>();
    if (Result<void> opened = mDb->open(projectFile, Database::Mode::ReadWrite); !opened) {
        closeDatabase();
        return fail(tr("%1: cannot open the run history: %2").arg(projectFile, opened.errorMessage()));
    }
    const qint64 applicationId = mDb->queryInt(u"PRAGMA application_id"_s).valueOr(0);
    const qint64 version = mDb->queryInt(u"PRAGMA user_version"_s).valueOr(0);
    if (applicationId != Migrations::kApplicationId || version < 1 || version > Migrations::latestVersion()) {
        closeDatabase();
        return fail(tr("%1: not a Nimbus project this version can keep a run history in").arg(projectFile));
    }
    if (version < Migrations::latestVersion()) {
        if (Result<void> upgraded = Migrations::migrate(*mDb, int(version), Migrations::latestVersion()); !upgraded) {
            closeDatabase();
            return upgraded;
        }
    }
    startWriter();
    return {};
}

Result<void> RunHistory::openInMemory()
{
    closeDatabase();
    mDb = std::make_unique<Database>();
    Result<void> opened = mDb->open(u":memory:"_s, Database::Mode::Create);
    if (opened)
        opened = Migrations::migrate(*mDb, 0, Migrations::latestVersion());
    if (!opened) {
        closeDatabase();
        return opened;
    }
    startWriter();
    return opened;
}

Result<qint64> RunHistory::record(NodeId node, const QByteArray &plainEvent, const InvocationResult &plain)
{
    if (!mDb)
        return notOpen();
    // Secrets are hidden before anything is written (on the writer's thread): the file
    // may be shared, committed or backed up, and SQLite keeps overwritten bytes in free
    // pages.
    qint64 id = 0;
    {
        std::lock_guard queue(mQueueLock);
        id = mNextId++;
        mQueue.push_back({id, node, plainEvent, plain});
        mQueuedBytes += mQueue.back().bytes();
        while (mQueue.size() > size_t(kQueueLimit) || (mQueuedBytes > kQueueBytes && mQueue.size() > 1)) {
            mQueuedBytes -= mQueue.front().bytes();
            mQueue.pop_front();
            ++mDropped;
        }
    }
    mQueueChanged.notify_all();
    return id;
}

Result<void> RunHistory::flush()
{
    waitForWrites(10000);
    std::lock_guard queue(mQueueLock);
    if (!mWriteError)
        return {};
    const Error error = *mWriteError;
    mWriteError.reset();
    return error;
}

qint64 RunHistory::dropped() const
{
    std::lock_guard queue(mQueueLock);
    return mDropped;
}

std::optional<Error> RunHistory::writeError() const
{
    std::lock_guard queue(mQueueLock);
    return mWriteError;
}

QList<RunHistory::Entry> RunHistory::entries(NodeId node, int limit) const
{
    // Pruning runs every few records: never show more than the retention.
    return select(u"node_id = ?1"_s, qint64(node), std::min(limit, mRetention.load()));
}

QList<RunHistory::Figures> RunHistory::figures(NodeId node, int limit) const
{
    QList<Figures> list;
    if (!mDb)
        return list;
    waitForWrites(kReaderWaitMs);
    std::lock_guard db(mDbLock);
    // Bytes, not characters: CloudWatch and data transfer bill bytes.
    Statement query(*mDb, QStringLiteral("SELECT status, duration_ms, max_memory_mb, length(CAST(logs AS BLOB)), "
                                         "length(CAST(result AS BLOB)) FROM run_history WHERE node_id = ?1 "
                                         "ORDER BY id DESC LIMIT ?2"));
    query.bind(1, qint64(node));
    query.bind(2, qint64(std::min(limit, mRetention.load())));
    while (query.next())
        list.append({query.columnText(0) == "ok"_L1, query.columnDouble(1), int(query.columnInt(2)), query.columnInt(3),
                     query.columnInt(4)});
    return list;
}

bool RunHistory::entry(qint64 id, Entry *entry) const
{
    const QList<Entry> found = select(u"id = ?1"_s, id, 1);
    if (found.isEmpty())
        return false;
    *entry = found.first();
    return true;
}

QList<RunHistory::Entry> RunHistory::select(const QString &where, qint64 key, int limit) const
{
    QList<Entry> list;
    if (!mDb)
        return list;
    waitForWrites(kReaderWaitMs);
    std::lock_guard db(mDbLock);
    Statement query(*mDb, QStringLiteral("SELECT id, started_at, request_id, event, status, result, logs, duration_ms, "
                                         "billed_duration_ms, max_memory_mb, init_duration_ms, cold_start, node_id "
                                         "FROM run_history WHERE %1 ORDER BY id DESC LIMIT ?2")
                              .arg(where));
    query.bind(1, key);
    query.bind(2, qint64(limit));
    while (query.next()) {
        Entry e;
        e.id = query.columnInt(0);
        e.node = NodeId(query.columnInt(12));
        e.result.startedAt = QDateTime::fromString(query.columnText(1), Qt::ISODateWithMs);
        e.result.requestId = query.columnText(2);
        e.event = query.columnText(3).toUtf8();
        e.result.ok = query.columnText(4) == "ok"_L1;
        if (e.result.ok)
            e.result.resultJson = query.columnText(5).toUtf8();
        else
            e.result.error = QJsonDocument::fromJson(query.columnText(5).toUtf8()).object();
        e.result.logs = query.columnText(6).split('\n'_L1, Qt::SkipEmptyParts);
        e.result.durationMs = query.columnDouble(7);
        e.result.billedDurationMs = query.columnInt(8);
        e.result.maxMemoryUsedMB = int(query.columnInt(9));
        if (!query.columnIsNull(10))
            e.result.initDurationMs = query.columnDouble(10);
        e.result.coldStart = query.columnInt(11) != 0;
        list.append(e);
    }
    return list;
}

QList<RunHistory::SavedEvent> RunHistory::savedEvents(NodeId node) const
{
    QList<SavedEvent> list;
    if (!mDb)
        return list;
    std::lock_guard db(mDbLock);
    Statement query(*mDb, u"SELECT name, event FROM saved_events WHERE node_id = ?1 ORDER BY name"_s);
    query.bind(1, qint64(node));
    while (query.next())
        list.append({query.columnText(0), query.columnText(1).toUtf8()});
    return list;
}

Result<void> RunHistory::saveEvent(NodeId node, const QString &name, const QByteArray &event)
{
    if (!mDb)
        return notOpen();
    std::lock_guard db(mDbLock);
    Statement insert(*mDb, QStringLiteral("INSERT INTO saved_events(node_id, name, event) VALUES (?1, ?2, ?3) "
                                          "ON CONFLICT(node_id, name) DO UPDATE SET event = excluded.event"));
    insert.bind(1, qint64(node));
    insert.bind(2, name);
    insert.bind(3, QString::fromUtf8(redactEvent(event)));
    return insert.execute();
}

Result<void> RunHistory::removeSavedEvent(NodeId node, const QString &name)
{
    if (!mDb)
        return notOpen();
    std::lock_guard db(mDbLock);
    Statement remove(*mDb, u"DELETE FROM saved_events WHERE node_id = ?1 AND name = ?2"_s);
    remove.bind(1, qint64(node));
    remove.bind(2, name);
    return remove.execute();
}

} // namespace Nimbus
