#include "storage/projectfile.h"

#include "storage/database.h"
#include "storage/migrations.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace Nimbus;
using namespace NimbusTest;

class tst_ProjectFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void saveInPlaceKeepsHistory();
    void saveAsCopiesCodeAndHistory();
    void saveAsCopiesPathProperties();
    void pendingCodeIsWritten();
    void badFiles_data();
    void badFiles();
    void failedLoadKeepsProject();
    void refusesToOverwriteForeignFile();
    void hostileSchema_data();
    void hostileSchema();
    void saveInPlaceChecksSchema();
    void workLimitStopsRunawayQuery();
    // The IAM mode is a project setting (issue 21 item 2): saved, one undo step, kept as read.
    void iamModeRoundTrip_data();
    void iamModeRoundTrip();

private:
    static void fillSample(Project &project);
    static QByteArray hashOf(const QString &path)
    {
        return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
    }
};

void tst_ProjectFile::fillSample(Project &project)
{
    QVERIFY(fillProject(project, parseArray(R"j([
        ["api", "http-route", {"method": "POST", "path": "/orders/{id}", "cors": true}],
        ["créer", "function", {"memory": 512, "environment": [{"name": "KEY", "value": "é✓", "secret": true}],
                               "reservedConcurrency": 5}],
        ["orders", "queue", {"batchSize": 25}],
        ["nightly", "schedule", {"expression": "cron(0 2 * * ? *)"}]
    ])j"),
                        parseArray(R"([["api", "créer", "invokes"], ["créer", "orders", "writes"]])")));
    project.moveNodes({{1, QPointF(-12.5, 3.25)}}, true);
}

void tst_ProjectFile::roundTrip_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("nimbus") << "project.nimbus";
    QTest::newRow("json") << "project.json";
}

void tst_ProjectFile::roundTrip()
{
    QFETCH(QString, fileName);
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    Project original(Catalog::builtin());
    fillSample(original);
    QVERIFY(original.isModified());

    ProjectFile file;
    const auto saved = file.save(original, path);
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    QVERIFY(!original.isModified());
    QCOMPARE(original.filePath(), path);

    Project loaded(Catalog::builtin());
    const auto opened = file.load(path, loaded);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(loaded.filePath(), path);
    QVERIFY(!loaded.isModified());
    QCOMPARE(loaded.undoStack()->count(), 0);
    if (fileName.endsWith(".nimbus")) {
        QVERIFY(loaded.architecture().nodes() == original.architecture().nodes());
        QVERIFY(loaded.architecture().edges() == original.architecture().edges());
    } else {
        // JSON refers to nodes by name; ids are renumbered in order.
        QCOMPARE(loaded.architecture().nodeCount(), original.architecture().nodeCount());
        for (const auto &[id, node] : original.architecture().nodes()) {
            const Node *copy = loaded.architecture().nodeByName(node.name);
            QVERIFY(copy);
            QCOMPARE(copy->properties, node.properties);
            QCOMPARE(copy->position, node.position);
        }
    }
    // New ids do not collide with loaded ones.
    const NodeId added = loaded.addNode("topic", {}).valueOr(kInvalidNodeId);
    QVERIFY(added > original.architecture().nodes().rbegin()->first);
}

void tst_ProjectFile::saveInPlaceKeepsHistory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("p.nimbus");
    Project project(Catalog::builtin());
    fillSample(project);
    ProjectFile file;
    QVERIFY(file.save(project, path));
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("INSERT INTO run_history(node_id, started_at, request_id, event, status) "
                        "VALUES (2, '2026-11-23T10:00:00Z', 'r1', '{}', 'ok')"));
    }
    QVERIFY(project.renameNode(2, "create"));
    QVERIFY(file.save(project, path));
    Project loaded(Catalog::builtin());
    QVERIFY(file.load(path, loaded));
    QCOMPARE(loaded.architecture().node(2)->name, QStringLiteral("create"));
    Database db;
    QVERIFY(db.open(path, Database::Mode::ReadOnly));
    const Result<qint64> runs = db.queryInt("SELECT count(*) FROM run_history");
    QVERIFY(runs);
    QCOMPARE(*runs, qint64(1));
}

void tst_ProjectFile::saveAsCopiesCodeAndHistory()
{
    QTemporaryDir first;
    QTemporaryDir second;
    Project project(Catalog::builtin());
    QVERIFY(fillProject(project, parseArray(R"([["api", "http-route", {}], ["hello", "function", {}]])"),
                        parseArray(R"([["api", "hello", "invokes"]])")));
    QVERIFY(QDir(first.path()).mkpath("functions/hello/lib"));
    QVERIFY(QDir(first.path()).mkpath("functions/hello/node_modules/dep"));
    QVERIFY(writeAll(first.filePath("functions/hello/index.js"), "exports.handler = async () => 'hi';\n"));
    QVERIFY(writeAll(first.filePath("functions/hello/lib/util.js"), "module.exports = 1;\n"));
    QVERIFY(writeAll(first.filePath("functions/hello/node_modules/dep/index.js"), "big\n"));
    QVERIFY(QDir(first.path()).mkpath("scenarios/deeper"));
    QVERIFY(writeAll(first.filePath("scenarios/order.yaml"), "steps:\n  - advance: 1h\n"));
    QVERIFY(writeAll(first.filePath("scenarios/notes.txt"), "not a scenario\n"));
    QVERIFY(QFile::link(first.filePath("functions/hello/index.js"), first.filePath("scenarios/linked.yaml")));
    ProjectFile file;
    QVERIFY(file.save(project, first.filePath("a.nimbus")));
    {
        Database db;
        QVERIFY(db.open(first.filePath("a.nimbus"), Database::Mode::ReadWrite));
        QVERIFY(db.exec("INSERT INTO run_history(node_id, started_at, request_id, event, status) "
                        "VALUES (2, '2026-11-23T10:00:00Z', 'r1', '{}', 'ok')"));
    }

    const QString target = second.filePath("sub/b.nimbus");
    const auto saved = file.save(project, target);
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    QCOMPARE(project.filePath(), target);
    QCOMPARE(readAll(second.filePath("sub/functions/hello/index.js")),
             QByteArray("exports.handler = async () => 'hi';\n"));
    QVERIFY(QFileInfo::exists(second.filePath("sub/functions/hello/lib/util.js")));
    QVERIFY(!QFileInfo::exists(second.filePath("sub/functions/hello/node_modules/dep/index.js")));
    // The scenarios come along: YAML files only, not a link.
    QCOMPARE(readAll(second.filePath("sub/scenarios/order.yaml")), QByteArray("steps:\n  - advance: 1h\n"));
    QCOMPARE(QDir(second.filePath("sub/scenarios")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{"order.yaml"});
    Database db;
    QVERIFY(db.open(target, Database::Mode::ReadOnly));
    const Result<qint64> runs = db.queryInt("SELECT count(*) FROM run_history");
    QVERIFY(runs);
    QCOMPARE(*runs, qint64(1));
    // No temporary files are left beside the target.
    QCOMPARE(QDir(second.filePath("sub")).entryList(QDir::Files), QStringList{"b.nimbus"});
}

// What a node's path properties name comes along as well: a workflow's definition (its
// default file and one set by hand) and a route's JWKS file, but not a JWKS URL.
void tst_ProjectFile::saveAsCopiesPathProperties()
{
    QTemporaryDir first;
    QTemporaryDir second;
    Project project(Catalog::builtin());
    const char *const nodes = R"([["flow", "state-machine", {}],
        ["other", "state-machine", {"definition": "defs/other.json"}],
        ["api", "http-route", {"jwksUrl": "keys/jwks.json"}],
        ["web", "http-route", {"jwksUrl": "https://issuer.example/jwks.json"}]])";
    QVERIFY(fillProject(project, parseArray(nodes), parseArray("[]")));
    QVERIFY(QDir(first.path()).mkpath("workflows"));
    QVERIFY(QDir(first.path()).mkpath("defs"));
    QVERIFY(QDir(first.path()).mkpath("keys"));
    QVERIFY(
        writeAll(first.filePath("workflows/flow.asl.json"), R"({"StartAt":"A","States":{"A":{"Type":"Succeed"}}})"));
    QVERIFY(writeAll(first.filePath("defs/other.json"), R"({"StartAt":"B","States":{"B":{"Type":"Succeed"}}})"));
    QVERIFY(writeAll(first.filePath("defs/unrelated.json"), "{}"));
    QVERIFY(writeAll(first.filePath("keys/jwks.json"), R"({"keys":[]})"));
    ProjectFile file;
    QVERIFY(file.save(project, first.filePath("a.nimbus")));

    const auto saved = file.save(project, second.filePath("b.nimbus"));
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    QCOMPARE(readAll(second.filePath("workflows/flow.asl.json")),
             QByteArray(R"({"StartAt":"A","States":{"A":{"Type":"Succeed"}}})"));
    QCOMPARE(readAll(second.filePath("defs/other.json")),
             QByteArray(R"({"StartAt":"B","States":{"B":{"Type":"Succeed"}}})"));
    QVERIFY(!QFileInfo::exists(second.filePath("defs/unrelated.json")));
    QCOMPARE(readAll(second.filePath("keys/jwks.json")), QByteArray(R"({"keys":[]})"));
    QVERIFY2(file.warnings().isEmpty(), qPrintable(file.warnings().join('\n')));
}

void tst_ProjectFile::pendingCodeIsWritten()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    QVERIFY(project.addNode("function", {}, "hello"));
    project.setCodeFile("functions/hello/index.js", "exports.handler = async () => 42;\n");
    ProjectFile file;
    QVERIFY(file.save(project, dir.filePath("p.nimbus")));
    QCOMPARE(readAll(dir.filePath("functions/hello/index.js")), QByteArray("exports.handler = async () => 42;\n"));
    QVERIFY(project.pendingCodeFiles().isEmpty());
    QVERIFY(!project.isModified());
}

void tst_ProjectFile::badFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("error");

    QTest::newRow("missing") << "missing"
                             << "no such file";
    QTest::newRow("text file") << "text"
                               << "not a Nimbus project (it is not an SQLite database)";
    QTest::newRow("empty file") << "empty"
                                << "not a Nimbus project (it is not an SQLite database)";
    QTest::newRow("other sqlite") << "foreign"
                                  << "an SQLite database of another program";
    QTest::newRow("newer version") << "newer"
                                   << "written by a newer version of Nimbus Studio (schema 99";
    QTest::newRow("corrupt pages") << "corrupt"
                                   << "damaged";
    QTest::newRow("truncated") << "truncated"
                               << "damaged";
    QTest::newRow("bad properties") << "badjson"
                                    << "node 'q' (#1): its properties are not a valid JSON object";
    QTest::newRow("dangling edge") << "dangling"
                                   << "connection #1 refers to a node that does not exist";
    QTest::newRow("json newer") << "jsonnewer"
                                << "written by a newer version";
    QTest::newRow("json broken") << "jsonbroken"
                                 << "line 3";
}

void tst_ProjectFile::badFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QString path = dir.filePath("p.nimbus");

    auto makeValid = [&] {
        Project p(Catalog::builtin());
        fillSample(p);
        for (int i = 0; i < 200; ++i) // enough pages for damage to land in the data
            QVERIFY(p.addNode("queue", QPointF(i, i)));
        ProjectFile f;
        QVERIFY(f.save(p, path));
    };
    if (kind == "text") {
        QVERIFY(writeAll(path, "just some notes\n"));
    } else if (kind == "empty") {
        QVERIFY(writeAll(path, ""));
    } else if (kind == "foreign") {
        Database db;
        QVERIFY(db.open(path, Database::Mode::Create));
        QVERIFY(db.exec("CREATE TABLE contacts(name TEXT)"));
    } else if (kind == "newer") {
        makeValid();
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("PRAGMA user_version = 99"));
    } else if (kind == "corrupt") {
        makeValid();
        QByteArray data = readAll(path);
        QVERIFY(data.size() > 8192);
        for (qsizetype i = 4096 + 100; i < data.size(); i += 7)
            data[i] = char(0xA5);
        QVERIFY(writeAll(path, data));
    } else if (kind == "truncated") {
        makeValid();
        QVERIFY(writeAll(path, readAll(path).left(4096 + 512)));
    } else if (kind == "badjson") {
        makeValid();
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("UPDATE nodes SET name = 'q', properties = '{broken' WHERE id = 1"));
    } else if (kind == "dangling") {
        makeValid();
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("UPDATE edges SET target = 999 WHERE id = 1"));
    } else if (kind == "jsonnewer") {
        path = dir.filePath("p.json");
        QVERIFY(writeAll(path, R"({"format": "nimbus-project", "version": 7, "nodes": []})"));
    } else if (kind == "jsonbroken") {
        path = dir.filePath("p.json");
        QVERIFY(writeAll(path, "{\n  \"format\": \"nimbus-project\",\n  \"nodes\": [,]\n}"));
    }

    const QByteArray before = QFileInfo::exists(path) ? hashOf(path) : QByteArray();
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto failed = file.load(path, project);
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(error), qPrintable(failed.errorMessage()));
    QVERIFY2(failed.errorMessage().contains(QFileInfo(path).fileName()), qPrintable(failed.errorMessage()));
    // Nothing changed on disk: same bytes, no journal or lock files left behind.
    if (!before.isEmpty())
        QCOMPARE(hashOf(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
    QCOMPARE(project.architecture().nodeCount(), 0);
}

void tst_ProjectFile::failedLoadKeepsProject()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    fillSample(project);
    const auto nodes = project.architecture().nodes();
    QVERIFY(writeAll(dir.filePath("bad.nimbus"), "nope"));
    ProjectFile file;
    QVERIFY(!file.load(dir.filePath("bad.nimbus"), project));
    QVERIFY(project.architecture().nodes() == nodes);
    QVERIFY(project.filePath().isEmpty());
    QVERIFY(project.isModified());
}

void tst_ProjectFile::refusesToOverwriteForeignFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("p.nimbus");
    Project project(Catalog::builtin());
    fillSample(project);
    ProjectFile file;
    QVERIFY(file.save(project, path));
    // Another program replaced the file behind our back.
    QFile::remove(path);
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::Create));
        QVERIFY(db.exec("CREATE TABLE contacts(name TEXT)"));
    }
    const QByteArray before = hashOf(path);
    const auto failed = file.save(project, path);
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains("not overwriting"), qPrintable(failed.errorMessage()));
    QCOMPARE(hashOf(path), before);
}

// Files crafted to make the opener run their author's SQL (issue 17): each is refused
// from its schema alone, before any table is read, and promptly.
void tst_ProjectFile::hostileSchema_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("error");

    const QString recursiveNodes = "DROP TABLE nodes; CREATE VIEW nodes(id, kind, name, x, y, properties) AS "
                                   "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                                   "SELECT n, 'queue', 'q' || n, 0, 0, '{}' FROM r;";
    QTest::newRow("recursive view") << recursiveNodes << "not a Nimbus project: 'nodes' is a view";
    QTest::newRow("table replaced by view")
        << "DROP TABLE edges; CREATE VIEW edges AS SELECT 1 AS id, 1 AS source, 1 AS target, 'invokes' AS type;"
        << "not a Nimbus project: 'edges' is a view";
    QTest::newRow("trigger") << "CREATE TRIGGER wipe AFTER DELETE ON nodes BEGIN DELETE FROM run_history; END;"
                             << "not a Nimbus project: it contains a trigger 'wipe' on 'nodes'";
    QTest::newRow("missing column") << "ALTER TABLE nodes DROP COLUMN properties;"
                                    << "not a Nimbus project: the table 'nodes' has no column 'properties'";
    QTest::newRow("another view") << "CREATE VIEW spy AS SELECT * FROM nodes;"
                                  << "not a Nimbus project: it contains a view 'spy'";
    QTest::newRow("computed column")
        << "ALTER TABLE nodes ADD COLUMN extra TEXT GENERATED ALWAYS AS (name || name) VIRTUAL;"
        << "not a Nimbus project: the column 'extra' of 'nodes' is computed";
    QTest::newRow("extra column") << "ALTER TABLE edges ADD COLUMN note TEXT;"
                                  << "not a Nimbus project: the table 'edges' has an unexpected column 'note'";
    QTest::newRow("missing table") << "DROP TABLE saved_events;"
                                   << "not a Nimbus project: the table 'saved_events' is missing";
    QTest::newRow("virtual table") << "DROP TABLE project; CREATE VIRTUAL TABLE project USING fts5(key, value);"
                                   << "not a Nimbus project: 'project' is a virtual table";
    QTest::newRow("other column type")
        << "DROP TABLE project; CREATE TABLE project (key TEXT PRIMARY KEY, value BLOB NOT NULL);"
        << "not a Nimbus project: the column 'value' of 'project' has the type 'BLOB' instead of 'TEXT'";
    // An old file is checked before it is copied and upgraded.
    QTest::newRow("recursive view, version 1")
        << "DROP TABLE run_history; DROP TABLE saved_events; DROP INDEX edges_source; DROP INDEX edges_target; "
           "PRAGMA user_version = 1; "
               + recursiveNodes
        << "not a Nimbus project: 'nodes' is a view";
}

void tst_ProjectFile::hostileSchema()
{
    QFETCH(QString, sql);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath("hostile.nimbus");
    {
        Project p(Catalog::builtin());
        fillSample(p);
        ProjectFile f;
        QVERIFY(f.save(p, path));
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        const auto done = db.exec(sql);
        QVERIFY2(done, qPrintable(done.errorMessage()));
    }
    const QByteArray before = hashOf(path);
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);

    Project project(Catalog::builtin());
    ProjectFile file;
    QElapsedTimer timer;
    timer.start();
    const auto failed = file.load(path, project);
    QVERIFY(!failed);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(failed.errorMessage(), QDir::toNativeSeparators(path) + ": " + error);
    QCOMPARE(hashOf(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
    QCOMPARE(project.architecture().nodeCount(), 0);
}

// A file changed behind the studio's back after it was opened: saving over it must
// not run the trigger it gained.
void tst_ProjectFile::saveInPlaceChecksSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("p.nimbus");
    Project project(Catalog::builtin());
    fillSample(project);
    ProjectFile file;
    QVERIFY(file.save(project, path));
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadWrite));
        QVERIFY(db.exec("CREATE TRIGGER mark AFTER DELETE ON nodes BEGIN "
                        "INSERT OR REPLACE INTO project(key, value) VALUES ('marked', 'yes'); END;"));
    }
    const QByteArray before = hashOf(path);
    QVERIFY(project.addNode("queue", QPointF(1, 1)));
    const auto failed = file.save(project, path);
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains("it contains a trigger 'mark' on 'nodes'"),
             qPrintable(failed.errorMessage()));
    QCOMPARE(hashOf(path), before);
}

// The bound that stops a query the schema check let through: counted in SQLite steps,
// so the test does not depend on the machine's speed.
void tst_ProjectFile::workLimitStopsRunawayQuery()
{
    const QString sql = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3000000) "
                        "SELECT count(*) FROM r";
    Database db;
    db.setWorkLimit(100'000);
    QVERIFY(db.open(":memory:", Database::Mode::Create));
    const auto failed = db.queryInt(sql);
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains("steps and was stopped"), qPrintable(failed.errorMessage()));
    const auto failed2 = db.exec("CREATE TABLE t AS " + sql);
    QVERIFY(!failed2);
    QVERIFY2(failed2.errorMessage().contains("steps and was stopped"), qPrintable(failed2.errorMessage()));
    // Each statement has its own allowance: a small one after a stopped one runs.
    const Result<qint64> small = db.queryInt("SELECT 41 + 1");
    QVERIFY(small);
    QCOMPARE(*small, 42);
    db.setWorkLimit(0);
    const Result<qint64> count = db.queryInt(sql);
    QVERIFY(count);
    QCOMPARE(*count, 3000000);
}

void tst_ProjectFile::iamModeRoundTrip_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("mode");
    QTest::newRow("nimbus enforce") << "project.nimbus"
                                    << "enforce";
    QTest::newRow("nimbus off") << "project.nimbus"
                                << "off";
    QTest::newRow("json enforce") << "project.json"
                                  << "enforce";
    QTest::newRow("json off") << "project.json"
                              << "off";
    // A newer version's mode is kept as written (the cloud warns and uses warn).
    QTest::newRow("nimbus newer") << "project.nimbus"
                                  << "paranoid";
    QTest::newRow("json newer") << "project.json"
                                << "paranoid";
}

void tst_ProjectFile::iamModeRoundTrip()
{
    QFETCH(QString, fileName);
    QFETCH(QString, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    Project original(Catalog::builtin());
    fillSample(original);
    ProjectFile file;
    QVERIFY(file.save(original, path));
    QVERIFY(!original.isModified());
    QCOMPARE(original.iamMode(), QString()); // warn, the default, is not written
    QSignalSpy changed(&original, &Project::iamModeChanged);
    original.setIamMode(mode);
    QCOMPARE(changed.count(), 1);
    QVERIFY(original.isModified()); // one undo step
    original.undoStack()->undo();
    QCOMPARE(original.iamMode(), QString());
    QVERIFY(!original.isModified());
    original.undoStack()->redo();
    QCOMPARE(original.iamMode(), mode);
    const auto saved = file.save(original, path);
    QVERIFY2(saved, qPrintable(saved.errorMessage()));

    Project loaded(Catalog::builtin());
    const auto opened = file.load(path, loaded);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(loaded.iamMode(), mode);
    QVERIFY(!loaded.isModified());
    QCOMPARE(loaded.undoStack()->count(), 0);
    // Back to warn, saved as warn.
    loaded.setIamMode(QStringLiteral("warn"));
    QVERIFY(file.save(loaded, path));
    Project again(Catalog::builtin());
    QVERIFY(file.load(path, again));
    QCOMPARE(again.iamMode(), QStringLiteral("warn"));
}

QTEST_GUILESS_MAIN(tst_ProjectFile)
#include "tst_projectfile.moc"
