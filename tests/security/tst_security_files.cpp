// Project files from strangers (issue 17): a .nimbus file is SQLite, and its schema
// can hold SQL that runs when it is read. `nimbus validate` on such a file must end
// promptly with a message that names the file and what is wrong, never hang.

#include "document/project.h"
#include "model/catalog.h"
#include "storage/database.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class tst_SecurityFiles : public QObject
{
    Q_OBJECT

private slots:
    void validateRefusesHostileProject_data();
    void validateRefusesHostileProject();
};

void tst_SecurityFiles::validateRefusesHostileProject_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("error");

    // Without the check, reading the nodes never ends.
    QTest::newRow("recursive view") << "DROP TABLE nodes; CREATE VIEW nodes(id, kind, name, x, y, properties) AS "
                                       "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, "
                                       "'queue', 'q' || n, 0, 0, '{}' FROM r;"
                                    << "not a Nimbus project: 'nodes' is a view";
    // A cross join of recursive views: each row is cheap, there are just too many.
    QTest::newRow("exploding view") << "DROP TABLE edges; CREATE VIEW edges(id, source, target, type) AS "
                                       "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 100000) "
                                       "SELECT a.n * 100000 + b.n, 1, 1, 'invokes' FROM r a, r b;"
                                    << "not a Nimbus project: 'edges' is a view";
    QTest::newRow("trigger") << "CREATE TRIGGER t AFTER DELETE ON nodes BEGIN DELETE FROM edges; END;"
                             << "not a Nimbus project: it contains a trigger 't' on 'nodes'";
}

void tst_SecurityFiles::validateRefusesHostileProject()
{
    QFETCH(QString, sql);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath("hostile.nimbus");
    {
        Project project(Catalog::builtin());
        QVERIFY(project.addNode("queue", QPointF(0, 0)));
        ProjectFile file;
        const auto saved = file.save(project, path);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        const auto done = db.exec(sql);
        QVERIFY2(done, qPrintable(done.errorMessage()));
    }

    QProcess nimbus;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", dir.filePath("xdg"));
    nimbus.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    nimbus.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"validate", path});
    QVERIFY2(nimbus.waitForStarted(), "build the nimbus target first");
    if (!nimbus.waitForFinished(20000)) {
        nimbus.kill();
        nimbus.waitForFinished();
        QFAIL("nimbus validate did not finish within 20 s");
    }
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(nimbus.exitStatus(), QProcess::NormalExit);
    QCOMPARE(nimbus.exitCode(), 3); // the documented exit code for input it cannot read
    const QString err = QString::fromUtf8(nimbus.readAllStandardError());
    QCOMPARE(err.trimmed(), "nimbus: " + QDir::toNativeSeparators(path) + ": " + error);
}

QTEST_GUILESS_MAIN(tst_SecurityFiles)
#include "tst_security_files.moc"
