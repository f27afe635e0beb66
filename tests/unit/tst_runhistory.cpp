#include "runtime/runhistory.h"

#include "storage/projectfile.h"
#include "testutil.h"

#include <QTemporaryDir>

using namespace Nimbus;
using namespace NimbusTest;

class tst_RunHistory : public QObject
{
    Q_OBJECT

private slots:
    void recordAndRead();
    void retention();
    void refusesOtherFiles();
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

void tst_RunHistory::recordAndRead()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    const NodeId fn = project.addNode("function", {}, "fn");
    ProjectFile file;
    QVERIFY(file.save(project, dir.filePath("p.nimbus")));
    RunHistory history;
    QVERIFY2(history.open(dir.filePath("p.nimbus")), qPrintable(history.errorString()));
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
    project.renameNode(fn, "renamed");
    QVERIFY(file.save(project, dir.filePath("p.nimbus")));
    RunHistory reopened;
    QVERIFY(reopened.open(dir.filePath("p.nimbus")));
    QCOMPARE(reopened.entries(fn).size(), 2);
}

void tst_RunHistory::retention()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    const NodeId a = project.addNode("function", {}, "a");
    const NodeId b = project.addNode("function", {}, "b");
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
    QVERIFY(!history.open(dir.filePath("notes.nimbus")));
    QVERIFY(history.errorString().contains("notes.nimbus"));
    QVERIFY(!history.record(1, "{}", sample(0, true)));
}

QTEST_GUILESS_MAIN(tst_RunHistory)
#include "tst_runhistory.moc"
