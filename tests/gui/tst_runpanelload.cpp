// The Run dock under a load (issue 24): when the local cloud runs the selected function
// thousands of times a second, the panel shows the latest run a few times a second
// instead of redrawing for every one, while a run the user asked for shows at once.

#include "document/project.h"
#include "model/catalog.h"
#include "run/runpanel.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/database.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "editor/codeeditor.h"

using namespace Nimbus;

class TestRunPanelLoad : public QObject
{
    Q_OBJECT

private slots:
    void cloudRunsAreShownAFewTimesASecond();
    void theUsersRunShowsAtOnce();
    void historyWriteFailureIsShown();
    void runsLeftOutAreShown();
};

namespace {

InvocationResult run(const QString &requestId, double durationMs)
{
    InvocationResult r;
    r.requestId = requestId;
    r.functionName = QStringLiteral("fn");
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.ok = true;
    r.resultJson = "{}";
    r.durationMs = durationMs;
    r.billedDurationMs = 1;
    r.memorySizeMB = 128;
    return r;
}

QString duration(double ms)
{
    return QObject::tr("Duration %1 ms").arg(QLocale().toString(ms, 'f', 2));
}

struct Fixture
{
    Project project{Catalog::builtin()};
    FunctionRunner runner;
    RunPanel panel{&runner};
    NodeId function = kInvalidNodeId;

    Fixture()
    {
        function = project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn")).valueOr(kInvalidNodeId);
        runner.setProject(&project);
        panel.setProject(&project);
        panel.resize(900, 600);
        panel.show();
        panel.setFunction(function);
    }
    // What the runner says of a run of the local cloud: started, then finished, recorded.
    void cloudRun(const QString &requestId, double durationMs)
    {
        emit runner.started(function, requestId);
        const InvocationResult r = run(requestId, durationMs);
        const qint64 id = runner.history().record(function, "{}", r).valueOr(0);
        emit runner.finished(function, r, false, id);
    }
};

} // namespace

void TestRunPanelLoad::cloudRunsAreShownAFewTimesASecond()
{
    Fixture f;
    QVERIFY(f.function != kInvalidNodeId);
    f.panel.setShowInterval(100);
    for (int i = 1; i <= 200; ++i)
        f.cloudRun(QStringLiteral("req-%1").arg(i), i);
    // The first run showed at once; the 199 that came within the interval did not
    // redraw the panel, nor did their starts say Running... over it.
    QVERIFY2(f.panel.figures()->text().contains(duration(1)), qPrintable(f.panel.figures()->text()));
    QCOMPARE(f.panel.badge()->text(), tr("Warm"));
    QCOMPARE(f.panel.historyTree()->topLevelItemCount(), 1);
    // The latest shows once the interval is over, with the history up to it.
    QTRY_VERIFY2(f.panel.figures()->text().contains(duration(200)), qPrintable(f.panel.figures()->text()));
    QCOMPARE(f.panel.historyTree()->topLevelItemCount(), 100);
    QCOMPARE(f.panel.historyTree()->currentItem(), f.panel.historyTree()->topLevelItem(0));
}

void TestRunPanelLoad::theUsersRunShowsAtOnce()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    Fixture f;
    QTemporaryDir folder;
    f.project.setWorkingDirectory(folder.path());
    QVERIFY(QDir().mkpath(folder.filePath(QStringLiteral("functions/fn"))));
    QVERIFY(NimbusTest::writeAll(folder.filePath(QStringLiteral("functions/fn/index.js")),
                                 "exports.handler = async () => ({ mine: true });\n"));
    f.panel.setShowInterval(3600 * 1000); // the interval is still on when the run ends
    f.cloudRun(QStringLiteral("cloud-1"), 1); // shown, starts the interval
    f.cloudRun(QStringLiteral("cloud-2"), 2); // waits for the interval's end
    QVERIFY(f.panel.figures()->text().contains(duration(1)));

    QSignalSpy finished(&f.runner, &FunctionRunner::finished);
    QVERIFY(f.panel.invoke());
    QCOMPARE(f.panel.badge()->text(), tr("Running..."));
    // A cloud run that ends while the user's is under way is not shown over it.
    f.panel.setShowInterval(1);
    f.cloudRun(QStringLiteral("cloud-3"), 3);
    QTest::qWait(50);
    QCOMPARE(f.panel.badge()->text(), tr("Running..."));
    f.panel.setShowInterval(3600 * 1000);
    QVERIFY(finished.wait(20000));
    // Shown at once, inside the interval.
    QCOMPARE(f.panel.badge()->text(), tr("Cold start"));
    QVERIFY2(f.panel.resultView()->text().contains(QStringLiteral("\"mine\": true")),
             qPrintable(f.panel.resultView()->text()));
    // The older cloud run that waited is not shown over it when the interval ends.
    f.panel.setShowInterval(1); // restarts the interval
    QTest::qWait(100);
    QVERIFY2(!f.panel.figures()->text().contains(duration(2)) && !f.panel.figures()->text().contains(duration(3)),
             qPrintable(f.panel.figures()->text()));
    QVERIFY(f.panel.resultView()->text().contains(QStringLiteral("\"mine\": true")));
    f.runner.pool()->stopAll();
}

// The history of a saved project, opened; then another connection does sql to its file.
static bool openSavedHistory(Fixture &f, const QTemporaryDir &dir, const char *sql, Database *other)
{
    ProjectFile file;
    const QString path = dir.filePath(QStringLiteral("p.nimbus"));
    return file.save(f.project, path) && f.runner.history().open(path) && other->open(path, Database::Mode::ReadWrite)
           && other->exec(QString::fromLatin1(sql));
}

// A run the history could not write is said above the runs, not lost in silence.
void TestRunPanelLoad::historyWriteFailureIsShown()
{
    Fixture f;
    QTemporaryDir dir;
    Database other;
    QVERIFY(openSavedHistory(f, dir,
                             "CREATE TRIGGER refuse BEFORE INSERT ON run_history "
                             "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                             &other));
    auto *notice = f.panel.findChild<QLabel *>(QStringLiteral("historyNotice"));
    QVERIFY(notice);
    QVERIFY(notice->isHidden());
    f.cloudRun(QStringLiteral("r1"), 1.0);
    QVERIFY(QTest::qWaitFor([&] { return !notice->isHidden(); }, 5000));
    QVERIFY2(notice->text().contains(QLatin1String("refused by the test")), qPrintable(notice->text()));
}

// Runs that came faster than the file could take them (here it is locked) are counted there.
void TestRunPanelLoad::runsLeftOutAreShown()
{
    Fixture f;
    QTemporaryDir dir;
    Database other;
    QVERIFY(openSavedHistory(f, dir, "BEGIN EXCLUSIVE", &other));
    for (int i = 0; i < RunHistory::kQueueLimit + 20; ++i)
        QVERIFY(f.runner.history().record(f.function, "{}", run(QString::number(i), 1.0)));
    f.cloudRun(QStringLiteral("last"), 1.0);
    auto *notice = f.panel.findChild<QLabel *>(QStringLiteral("historyNotice"));
    QVERIFY(QTest::qWaitFor([&] { return !notice->isHidden(); }, 5000));
    QVERIFY2(notice->text().contains(QLatin1String("left out")), qPrintable(notice->text()));
    QVERIFY(other.exec(QStringLiteral("COMMIT")));
}

QTEST_MAIN(TestRunPanelLoad)
#include "tst_runpanelload.moc"
