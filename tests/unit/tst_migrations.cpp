#include "storage/migrations.h"

#include "storage/database.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace Nimbus;
using namespace NimbusTest;

class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void stepwiseEqualsFresh();
    void openOlderFile_data();
    void openOlderFile();
    void failedUpgradeChangesNothing();

private:
    static QString schemaOf(const QString &path);
    static bool createAt(const QString &path, int version);
};

bool tst_Migrations::createAt(const QString &path, int version)
{
    Database db;
    if (!db.open(path, Database::Mode::Create) || !Migrations::migrate(db, 0, version))
        return false;
    // Rows as every version since 1 stores them.
    return db.exec("INSERT INTO nodes(id, kind, name, x, y, properties) VALUES "
                   "(1, 'queue', 'jobs', 10, 20, '{\"batchSize\": 5}'), "
                   "(2, 'function', 'worker', 200, 20, '{\"runtime\": \"python3.12\", \"memory\": 256}')")
           && db.exec("INSERT INTO edges(id, source, target, type) VALUES (1, 1, 2, 'invokes')");
}

QString tst_Migrations::schemaOf(const QString &path)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly))
        return {};
    Statement st(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name");
    QStringList rows;
    while (st.next())
        rows.append(st.columnText(0) + " " + st.columnText(1) + " " + st.columnText(2));
    const qint64 version = db.queryInt("PRAGMA user_version").valueOr(0);
    return rows.join("\n") + "\nversion " + QString::number(version);
}

void tst_Migrations::stepwiseEqualsFresh()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath("fresh.nimbus");
    const QString stepwise = dir.filePath("stepwise.nimbus");
    {
        Database db;
        QVERIFY(db.open(fresh, Database::Mode::Create));
        const auto migrated = Migrations::migrate(db, 0, Migrations::latestVersion());
        QVERIFY2(migrated, qPrintable(migrated.errorMessage()));
    }
    {
        Database db;
        QVERIFY(db.open(stepwise, Database::Mode::Create));
        for (int v = 1; v <= Migrations::latestVersion(); ++v) {
            const auto migrated = Migrations::migrate(db, v - 1, v);
            QVERIFY2(migrated, qPrintable(migrated.errorMessage()));
        }
    }
    QCOMPARE(schemaOf(stepwise), schemaOf(fresh));
    QVERIFY(schemaOf(fresh).endsWith(QStringLiteral("version %1").arg(Migrations::latestVersion())));
}

void tst_Migrations::openOlderFile_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < Migrations::latestVersion(); ++v)
        QTest::addRow("from version %d", v) << v;
    QTest::addRow("current version") << Migrations::latestVersion();
}

void tst_Migrations::openOlderFile()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath("old.nimbus");
    QVERIFY(createAt(path, version));
    const QByteArray before = QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);

    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(path, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QCOMPARE(file.loadedSchemaVersion(), version);
    QCOMPARE(project.architecture().nodeCount(), 2);
    QCOMPARE(project.architecture().node(2)->properties.value("memory").toInt(), 256);
    QCOMPARE(project.architecture().edge(1)->type, QStringLiteral("invokes"));
    // Opening did not upgrade the file on disk.
    QCOMPARE(QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"old.nimbus"});

    // Saving writes the current version, keeping the content.
    const auto saved = file.save(project, path);
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    Database db;
    QVERIFY(db.open(path, Database::Mode::ReadOnly));
    const Result<qint64> savedVersion = db.queryInt("PRAGMA user_version");
    QVERIFY(savedVersion);
    QCOMPARE(*savedVersion, qint64(Migrations::latestVersion()));
    const Result<qint64> history = db.queryInt("SELECT count(*) FROM run_history");
    QVERIFY(history);
    QCOMPARE(*history, qint64(0));
    Project reloaded(Catalog::builtin());
    QVERIFY(file.load(path, reloaded));
    QVERIFY(reloaded.architecture().nodes() == project.architecture().nodes());
}

void tst_Migrations::failedUpgradeChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("old.nimbus");
    QVERIFY(createAt(path, 1));
    {
        // A table in the way makes the step to version 2 fail.
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("CREATE TABLE run_history(x)"));
    }
    const QByteArray before = readAll(path);
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto failed = file.load(path, project);
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains("cannot upgrade from schema 1"), qPrintable(failed.errorMessage()));
    QVERIFY2(failed.errorMessage().contains("upgrading to schema version 2"), qPrintable(failed.errorMessage()));
    QCOMPARE(readAll(path), before);
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
