#include "autosave.h"
#include "canvas/canvasscene.h"
#include "mainwindow.h"

#include "storage/projectfile.h"
#include "testutil.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Nimbus;
using namespace NimbusTest;

// Autosave keeps a recovery copy while there are unsaved changes; after a crash the
// next start offers it back.
class tst_Autosave : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void writesWhileModifiedAndCleansUp();
    void recoveryAfterCrash();
    void liveSessionsAreNotOffered();
    void declinedRecoveryIsDiscarded();

private:
    QTemporaryDir mDir;
};

void tst_Autosave::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Autosave::init()
{
    QDir(Autosave::directory()).removeRecursively();
}

void tst_Autosave::writesWhileModifiedAndCleansUp()
{
    MainWindow window;
    window.autosave()->setInterval(20);
    const QString copy = window.autosave()->recoveryFile();
    QTest::qWait(60);
    QVERIFY(!QFileInfo::exists(copy)); // nothing unsaved, nothing written
    QVERIFY(window.project()->addNode("queue", {}, "jobs"));
    QTRY_VERIFY(QFileInfo::exists(copy));
    QVERIFY(readAll(copy).contains("\"jobs\""));
    // Saving removes the copy.
    ProjectFile file;
    QVERIFY(file.save(*window.project(), mDir.filePath("p.nimbus")));
    QTRY_VERIFY(!QFileInfo::exists(copy));
}

void tst_Autosave::recoveryAfterCrash()
{
    const QString original = mDir.filePath("shop.nimbus");
    {
        // A session that "crashes": its copy stays and its lock is released without cleanup.
        Project project(Catalog::builtin());
        QVERIFY(fillProject(project, parseArray(R"([["api", "http-route", {}], ["fn", "function", {}]])"),
                            parseArray(R"([["api", "fn", "invokes"]])")));
        ProjectFile file;
        QVERIFY(file.save(project, original));
        QVERIFY(project.addNode("topic", {}, "unsaved-topic"));
        QDir().mkpath(Autosave::directory());
        QVERIFY(writeAll(Autosave::directory() + "/crashed.json", JsonInterchange::write(project.architecture())));
        QVERIFY(writeAll(Autosave::directory() + "/crashed.meta.json",
                         QStringLiteral(R"({"original": "%1", "name": "shop", "savedAt": "2026-11-23T10:00:00Z"})")
                             .arg(original)
                             .toUtf8()));
    }
    MainWindow window;
    QString askedAbout;
    QCOMPARE(window.offerRecovery([&](const QString &name, const QDateTime &when) {
        askedAbout = name;
        return when.isValid();
    }),
             1);
    QCOMPARE(askedAbout, original);
    QCOMPARE(window.project()->filePath(), original);
    QVERIFY(window.project()->isModified());
    QVERIFY(window.project()->architecture().nodeByName("unsaved-topic"));
    QCOMPARE(window.canvasScene()->items().size() >= 3, true);
    // Offered once only.
    QCOMPARE(window.offerRecovery([](const QString &, const QDateTime &) { return true; }), 0);
    window.project()->undoStack()->setClean();
}

void tst_Autosave::liveSessionsAreNotOffered()
{
    MainWindow other; // another running studio with unsaved work
    QVERIFY(other.project()->addNode("queue", {}, "theirs"));
    other.autosave()->saveNow();
    QVERIFY(QFileInfo::exists(other.autosave()->recoveryFile()));
    QVERIFY(Autosave::pending().isEmpty());
    other.project()->undoStack()->setClean();
}

void tst_Autosave::declinedRecoveryIsDiscarded()
{
    QDir().mkpath(Autosave::directory());
    QVERIFY(
        writeAll(Autosave::directory() + "/old.json", R"({"format": "nimbus-project", "version": 1, "nodes": []})"));
    QVERIFY(writeAll(Autosave::directory() + "/old.meta.json", R"({"original": "", "name": "Untitled"})"));
    QCOMPARE(Autosave::pending().size(), 1);
    MainWindow window;
    QCOMPARE(window.offerRecovery([](const QString &, const QDateTime &) { return false; }), 0);
    QVERIFY(Autosave::pending().isEmpty());
    QVERIFY(!QFileInfo::exists(Autosave::directory() + "/old.json"));
}

QTEST_MAIN(tst_Autosave)
#include "tst_autosave.moc"
