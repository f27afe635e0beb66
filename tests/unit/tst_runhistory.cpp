#include "runtime/functionspec.h"
#include "runtime/runhistory.h"

#include "storage/database.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QThread>

using namespace Nimbus;
using namespace NimbusTest;

class tst_RunHistory : public QObject
{
    Q_OBJECT

private slots:
    void recordAndRead();
    void retention();
    void refusesOtherFiles();
    void recordDoesNotWaitForTheFile();
    void failedWriteIsToldByFlush();
    void closingWritesWhatWasRecorded();
    void anotherWriterDoesNotShiftLaterIds();
    void secretVariableNames_data();
    void secretVariableNames();
    void secretsAreNotKept_data();
    void secretsAreNotKept();
    void savedEventsKeepNoSecrets();
};

static InvocationResult sample(int i, bool ok)
{
    InvocationResult r;
    r.requestId = QStringLiteral("req-%1").arg(i);
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.ok = ok;
    if (ok)
        r.resultJson = QStringLiteral("{\"i\": %1}").arg(i).toUtf8();
    else
        r.error = QJsonObject{{"errorType", "TypeError"}, {"errorMessage", "boom"}, {"stackTrace", QJsonArray()}};
    r.logs = {"line one", "line two"};
    r.durationMs = 1.25;
    r.billedDurationMs = 2;
    r.maxMemoryUsedMB = 40;
    r.coldStart = i == 0;
    if (r.coldStart)
        r.initDurationMs = 120.5;
    return r;
}

// A saved project, p.nimbus in dir, with one function "fn"; its id.
static NodeId savedProject(const QTemporaryDir &dir)
{
    Project project(Catalog::builtin());
    const NodeId fn = project.addNode("function", {}, "fn").valueOr(kInvalidNodeId);
    ProjectFile file;
    return file.save(project, dir.filePath("p.nimbus")) ? fn : kInvalidNodeId;
}

void tst_RunHistory::recordAndRead()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    const NodeId fn = project.addNode("function", {}, "fn").valueOr(kInvalidNodeId);
    ProjectFile file;
    QVERIFY(file.save(project, dir.filePath("p.nimbus")));
    RunHistory history;
    const auto opened = history.open(dir.filePath("p.nimbus"));
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QVERIFY(history.record(fn, R"({"x": 1})", sample(0, true)));
    QVERIFY(history.record(fn, R"({"x": 2})", sample(1, false)));
    const QList<RunHistory::Entry> entries = history.entries(fn);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].result.requestId, QStringLiteral("req-1")); // newest first
    QVERIFY(!entries[0].result.ok);
    QCOMPARE(entries[0].result.error.value("errorType").toString(), QStringLiteral("TypeError"));
    QCOMPARE(entries[1].event, QByteArray(R"({"x": 1})"));
    QCOMPARE(entries[1].result.resultJson, QByteArray("{\"i\": 0}"));
    QCOMPARE(entries[1].result.logs, (QStringList{"line one", "line two"}));
    QCOMPARE(entries[1].result.initDurationMs, std::optional<double>(120.5));
    QVERIFY(entries[1].result.coldStart);
    QCOMPARE(entries[0].result.billedDurationMs, qint64(2));

    // The history survives saving the project again.
    QVERIFY(project.renameNode(fn, "renamed"));
    QVERIFY(file.save(project, dir.filePath("p.nimbus")));
    RunHistory reopened;
    QVERIFY(reopened.open(dir.filePath("p.nimbus")));
    QCOMPARE(reopened.entries(fn).size(), 2);
}

void tst_RunHistory::retention()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    const NodeId a = project.addNode("function", {}, "a").valueOr(kInvalidNodeId);
    const NodeId b = project.addNode("function", {}, "b").valueOr(kInvalidNodeId);
    ProjectFile file;
    QVERIFY(file.save(project, dir.filePath("p.nimbus")));
    RunHistory history;
    QVERIFY(history.open(dir.filePath("p.nimbus")));
    history.setRetention(5);
    for (int i = 0; i < 12; ++i)
        QVERIFY(history.record(a, "{}", sample(i, true)));
    QVERIFY(history.record(b, "{}", sample(0, true)));
    const QList<RunHistory::Entry> kept = history.entries(a);
    QCOMPARE(kept.size(), 5);
    QCOMPARE(kept.first().result.requestId, QStringLiteral("req-11"));
    QCOMPARE(kept.last().result.requestId, QStringLiteral("req-7"));
    QCOMPARE(history.entries(b).size(), 1); // per function
}

void tst_RunHistory::refusesOtherFiles()
{
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath("notes.nimbus"), "hello"));
    RunHistory history;
    const auto failed = history.open(dir.filePath("notes.nimbus"));
    QVERIFY(!failed);
    QVERIFY(failed.errorMessage().contains("notes.nimbus"));
    QVERIFY(!history.record(1, "{}", sample(0, true)));
}

// record() queues and a thread of the history's own writes: the thread that served the
// request never waits for the disk, and a run is kept even while another program holds
// the file locked longer than SQLite waits (2 s): the batch is tried again, not dropped.
void tst_RunHistory::recordDoesNotWaitForTheFile()
{
    QTemporaryDir dir;
    const NodeId fn = savedProject(dir);
    QVERIFY(fn != kInvalidNodeId);
    RunHistory history;
    QVERIFY(history.open(dir.filePath("p.nimbus")));

    Database other;
    QVERIFY(other.open(dir.filePath("p.nimbus"), Database::Mode::ReadWrite));
    QVERIFY(other.exec("BEGIN EXCLUSIVE"));
    QList<qint64> ids;
    for (int i = 0; i < 20; ++i) {
        const Result<qint64> recorded = history.record(fn, "{}", sample(i, true));
        QVERIFY2(recorded, qPrintable(recorded.errorMessage()));
        ids.append(*recorded);
    }
    QThread::msleep(2600);
    // Written the way it would have been, once the lock is gone.
    QVERIFY(other.exec("COMMIT"));
    other.close();
    const Result<void> flushed = history.flush();
    QVERIFY2(flushed, qPrintable(flushed.errorMessage())); // a wait is not a failure
    QCOMPARE(history.dropped(), qint64(0));
    const QList<RunHistory::Entry> entries = history.entries(fn);
    QCOMPARE(entries.size(), 20);
    QCOMPARE(entries.first().id, ids.last()); // the ids record() gave
    QCOMPARE(entries.first().result.requestId, QStringLiteral("req-19"));
    RunHistory::Entry first;
    QVERIFY(history.entry(ids.first(), &first));
    QCOMPARE(first.result.requestId, QStringLiteral("req-0"));
}

// A write that fails on the history's thread is not lost silently: flush() tells it.
void tst_RunHistory::failedWriteIsToldByFlush()
{
    QTemporaryDir dir;
    const NodeId fn = savedProject(dir);
    QVERIFY(fn != kInvalidNodeId);
    {
        Database other;
        QVERIFY(other.open(dir.filePath("p.nimbus"), Database::Mode::ReadWrite));
        QVERIFY(other.exec("CREATE TRIGGER refuse BEFORE INSERT ON run_history "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"));
    }
    RunHistory history;
    QVERIFY(history.open(dir.filePath("p.nimbus")));
    QVERIFY(history.record(fn, "{}", sample(0, true))); // queued
    const Result<void> flushed = history.flush();
    QVERIFY(!flushed);
    QVERIFY2(flushed.errorMessage().contains("refused by the test"), qPrintable(flushed.errorMessage()));
    QVERIFY(history.flush()); // told once
    QCOMPARE(history.entries(fn).size(), 0);
}

// Closing (or destroying) the history writes what is still queued; a history opened
// again goes on with the next ids.
void tst_RunHistory::closingWritesWhatWasRecorded()
{
    QTemporaryDir dir;
    const NodeId fn = savedProject(dir);
    QVERIFY(fn != kInvalidNodeId);
    qint64 last = 0;
    {
        RunHistory history;
        QVERIFY(history.open(dir.filePath("p.nimbus")));
        for (int i = 0; i < 300; ++i)
            last = history.record(fn, "{}", sample(i, true)).valueOr(0);
    }
    RunHistory reopened;
    QVERIFY(reopened.open(dir.filePath("p.nimbus")));
    const QList<RunHistory::Entry> entries = reopened.entries(fn, 1000);
    QVERIFY(entries.size() >= 300); // pruned at most every 128 runs, never below the retention
    QCOMPARE(entries.first().id, last);
    QCOMPARE(entries.first().result.requestId, QStringLiteral("req-299"));
    const Result<qint64> next = reopened.record(fn, "{}", sample(300, true));
    QVERIFY(next);
    QCOMPARE(*next, last + 1);
    QCOMPARE(reopened.entries(fn, 1).first().result.requestId, QStringLiteral("req-300"));
}

// Two programs keep runs in one file: a run whose id the other took is written under the
// next free one, and the ids given after that are the ids the runs are read back under.
void tst_RunHistory::anotherWriterDoesNotShiftLaterIds()
{
    QTemporaryDir dir;
    const NodeId fn = savedProject(dir);
    QVERIFY(fn != kInvalidNodeId);
    RunHistory studio;
    QVERIFY(studio.open(dir.filePath("p.nimbus")));
    {
        RunHistory cli;
        QVERIFY(cli.open(dir.filePath("p.nimbus")));
        QCOMPARE(*cli.record(fn, "{}", sample(100, true)), qint64(1));
    } // written on close
    QCOMPARE(*studio.record(fn, "{}", sample(0, true)), qint64(1)); // taken by the other
    QVERIFY(studio.flush());
    const qint64 later = *studio.record(fn, "{}", sample(1, true));
    RunHistory::Entry entry;
    QVERIFY(studio.entry(later, &entry));
    QCOMPARE(entry.result.requestId, QStringLiteral("req-1"));
    QCOMPARE(studio.entries(fn).size(), 3);
}

void tst_RunHistory::secretVariableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("aws secret key") << "AWS_SECRET_ACCESS_KEY" << true;
    QTest::newRow("aws session token") << "AWS_SESSION_TOKEN" << true;
    QTest::newRow("password") << "DB_PASSWORD" << true;
    QTest::newRow("passwd, lower case") << "smtp_passwd" << true;
    QTest::newRow("api key") << "STRIPE_API_KEY" << true;
    QTest::newRow("apikey") << "mapsApiKey" << true;
    QTest::newRow("private key") << "JWT_PRIVATE_KEY" << true;
    QTest::newRow("credentials") << "GOOGLE_APPLICATION_CREDENTIALS" << true;
    QTest::newRow("plain") << "GREETING" << false;
    QTest::newRow("table name") << "ORDERS_TABLE" << false;
    QTest::newRow("access key id") << "AWS_ACCESS_KEY_ID" << false;
}

void tst_RunHistory::secretVariableNames()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(FunctionSpec::isSecretName(name), secret);
}

namespace {
// Every secret of the events and the function below; none may be in the file.
const QByteArrayList kSecrets = {
    "tok-v1-7f3a9c",     "sess-v1-b81d44",     "key-v1-c0ffee42", "cHJveHk6aHVudGVyMg==", "tok-mv-5e5e5e",
    "sess-mv-d00d77",    "tok-v2-1a2b3c",      "key-v2-99aa88",   "sess-v2-feed01",       "other-v2-beef02",
    "set-cookie-6c6c6c", "db-password-0xCAFE", "aws-secret-Kq9z", "gh-token-4242z",
};

// A run whose function logged what it was given, secrets included.
InvocationResult leakyResult(bool ok, const QStringList &logs)
{
    InvocationResult r;
    r.requestId = QStringLiteral("req-secret");
    r.startedAt = QDateTime::currentDateTimeUtc();
    FunctionSpec spec;
    spec.environment = {{"DB_PASSWORD", "db-password-0xCAFE"},
                        {"AWS_SECRET_ACCESS_KEY", "aws-secret-Kq9z"},
                        {"GITHUB_TOKEN", "gh-token-4242z"},
                        {"GREETING", "bonjour-tout-le-monde"}};
    r.secrets = spec.secretValues(); // as Instance fills it
    r.ok = ok;
    if (ok)
        r.resultJson = R"({"statusCode": 200, "headers": {"Set-Cookie": "sid=set-cookie-6c6c6c; Path=/; HttpOnly"},
                           "body": "{\"pw\":\"db-password-0xCAFE\",\"greeting\":\"bonjour-tout-le-monde\"}"})";
    else
        r.error = QJsonObject{{"errorType", "Error"},
                              {"errorMessage", "cannot log in with aws-secret-Kq9z"},
                              {"stackTrace", QJsonArray{"at login (gh-token-4242z)"}}};
    r.logs = logs;
    r.logs << "env db-password-0xCAFE aws-secret-Kq9z gh-token-4242z"
           << "greeting bonjour-tout-le-monde";
    return r;
}

QByteArray rawFile(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return bytes;
}
} // namespace

void tst_RunHistory::secretsAreNotKept_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("logs");
    QTest::newRow("API Gateway v1 (REST)")
        << QByteArray(R"({"resource": "/", "httpMethod": "GET",
              "headers": {"Authorization": "Bearer tok-v1-7f3a9c", "Cookie": "session=sess-v1-b81d44; theme=dark",
                          "X-API-KEY": "key-v1-c0ffee42", "Proxy-Authorization": "Basic cHJveHk6aHVudGVyMg==",
                          "Content-Type": "application/json"},
              "multiValueHeaders": {"authorization": ["Bearer tok-mv-5e5e5e"], "COOKIE": ["session=sess-mv-d00d77"],
                                    "Accept": ["text/html"]},
              "body": "{\"note\": \"plain\"}"})")
        << true
        << QStringList{"auth was Bearer tok-v1-7f3a9c", "{\"cookie\":\"session=sess-v1-b81d44; theme=dark\"}",
                       "keys key-v1-c0ffee42 and tok-mv-5e5e5e", "proxy cHJveHk6aHVudGVyMg=="};
    QTest::newRow("API Gateway v2 (HTTP API)")
        << QByteArray(R"({"version": "2.0", "routeKey": "GET /", "rawPath": "/",
              "cookies": ["session=sess-v2-feed01", "other=other-v2-beef02"],
              "headers": {"authorization": "Bearer tok-v2-1a2b3c", "x-api-key": "key-v2-99aa88",
                          "content-type": "application/json"},
              "requestContext": {"http": {"method": "GET"}}})")
        << false
        << QStringList{"auth was Bearer tok-v2-1a2b3c", "cookie {\"session\":\"sess-v2-feed01\"}",
                       "x-api-key=key-v2-99aa88"};
}

void tst_RunHistory::secretsAreNotKept()
{
    QFETCH(QByteArray, event);
    QFETCH(bool, ok);
    QFETCH(QStringList, logs);
    QTemporaryDir dir;
    const NodeId fn = savedProject(dir);
    QVERIFY(fn != kInvalidNodeId);
    {
        RunHistory history;
        QVERIFY(history.open(dir.filePath("p.nimbus")));
        const auto recorded = history.record(fn, event, leakyResult(ok, logs));
        QVERIFY2(recorded, qPrintable(recorded.errorMessage()));
    }

    // Not a byte of any secret in the file.
    const QByteArray bytes = rawFile(dir.filePath("p.nimbus"));
    QVERIFY(bytes.contains("req-secret"));
    for (const QByteArray &secret : kSecrets)
        QVERIFY2(!bytes.contains(secret), secret.constData());

    RunHistory reopened;
    QVERIFY(reopened.open(dir.filePath("p.nimbus")));
    const QList<RunHistory::Entry> entries = reopened.entries(fn);
    QCOMPARE(entries.size(), 1);
    const RunHistory::Entry &e = entries.first();
    const QByteArray stored = e.event + e.result.resultJson + QJsonDocument(e.result.error).toJson()
                              + e.result.logs.join('\n').toUtf8();
    for (const QByteArray &secret : kSecrets)
        QVERIFY2(!stored.contains(secret), secret.constData());
    // What is not secret stays readable, and the hidden values are marked as such.
    const QJsonObject storedEvent = QJsonDocument::fromJson(e.event).object();
    const QJsonObject headers = storedEvent.value("headers").toObject();
    if (ok) {
        QCOMPARE(headers.value("Authorization").toString(), QStringLiteral("Bearer [redacted]"));
        QCOMPARE(headers.value("Cookie").toString(), QStringLiteral("session=[redacted]; theme=[redacted]"));
        QCOMPARE(headers.value("X-API-KEY").toString(), QStringLiteral("[redacted]"));
        QCOMPARE(headers.value("Proxy-Authorization").toString(), QStringLiteral("Basic [redacted]"));
        QCOMPARE(headers.value("Content-Type").toString(), QStringLiteral("application/json"));
        QCOMPARE(storedEvent.value("multiValueHeaders").toObject().value("Accept").toArray().at(0).toString(),
                 QStringLiteral("text/html"));
        QCOMPARE(storedEvent.value("body").toString(), QStringLiteral("{\"note\": \"plain\"}"));
        const QJsonObject result = QJsonDocument::fromJson(e.result.resultJson).object();
        QCOMPARE(result.value("statusCode").toInt(), 200);
        QCOMPARE(result.value("headers").toObject().value("Set-Cookie").toString(),
                 QStringLiteral("sid=[redacted]; Path=/; HttpOnly"));
        QVERIFY(e.result.resultJson.contains("bonjour-tout-le-monde"));
    } else {
        QCOMPARE(headers.value("authorization").toString(), QStringLiteral("Bearer [redacted]"));
        QCOMPARE(storedEvent.value("cookies").toArray().at(1).toString(), QStringLiteral("other=[redacted]"));
        QCOMPARE(storedEvent.value("routeKey").toString(), QStringLiteral("GET /"));
        QCOMPARE(e.result.error.value("errorMessage").toString(), QStringLiteral("cannot log in with [redacted]"));
    }
    QCOMPARE(e.result.logs.first(), QStringLiteral("auth was [redacted]"));
    QCOMPARE(e.result.logs.at(logs.size()), QStringLiteral("env [redacted] [redacted] [redacted]"));
    QCOMPARE(e.result.logs.last(), QStringLiteral("greeting bonjour-tout-le-monde"));
}

void tst_RunHistory::savedEventsKeepNoSecrets()
{
    QTemporaryDir dir;
    const NodeId fn = savedProject(dir);
    QVERIFY(fn != kInvalidNodeId);
    {
        RunHistory history;
        QVERIFY(history.open(dir.filePath("p.nimbus")));
        const QByteArray signedIn = R"({"headers": {"authorization": "Bearer tok-v2-1a2b3c", "accept": "*/*"},)"
                                    R"( "cookies": ["session=sess-v2-feed01"]})";
        QVERIFY(history.saveEvent(fn, "signed in", signedIn));
        QVERIFY(history.saveEvent(fn, "plain", R"({"x": 1})"));
    }
    const QByteArray bytes = rawFile(dir.filePath("p.nimbus"));
    QVERIFY(bytes.contains("signed in"));
    QVERIFY(!bytes.contains("tok-v2-1a2b3c"));
    QVERIFY(!bytes.contains("sess-v2-feed01"));
    RunHistory reopened;
    QVERIFY(reopened.open(dir.filePath("p.nimbus")));
    const QList<RunHistory::SavedEvent> saved = reopened.savedEvents(fn);
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved[0].event, QByteArray(R"({"x": 1})")); // untouched when nothing is secret
    const QJsonObject signedIn = QJsonDocument::fromJson(saved[1].event).object();
    QCOMPARE(signedIn.value("headers").toObject().value("authorization").toString(),
             QStringLiteral("Bearer [redacted]"));
    QCOMPARE(signedIn.value("headers").toObject().value("accept").toString(), QStringLiteral("*/*"));
    QCOMPARE(signedIn.value("cookies").toArray().at(0).toString(), QStringLiteral("session=[redacted]"));
}

QTEST_GUILESS_MAIN(tst_RunHistory)
#include "tst_runhistory.moc"
