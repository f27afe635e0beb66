#include "migrations.h"

#include "database.h"

#include <QCoreApplication>
#include <QList>

#include <algorithm>
#include <iterator>
#include <map>

using namespace Qt::StringLiterals;

namespace Nimbus::Migrations {

namespace {

struct Step
{
    int version;
    const char *sql;
};

constexpr Step kSteps[] = {
    {1, R"sql(
CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    x REAL NOT NULL DEFAULT 0,
    y REAL NOT NULL DEFAULT 0,
    properties TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE edges (
    id INTEGER PRIMARY KEY,
    source INTEGER NOT NULL REFERENCES nodes(id),
    target INTEGER NOT NULL REFERENCES nodes(id),
    type TEXT NOT NULL
);
)sql"},
    // Version 2 keeps what the runtime measures (run history) and the events a user
    // saves per function, and indexes edges by node for large projects.
    {2, R"sql(
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
CREATE TABLE run_history (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    event TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT,
    logs TEXT,
    duration_ms REAL,
    billed_duration_ms INTEGER,
    max_memory_mb INTEGER,
    init_duration_ms REAL,
    cold_start INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX run_history_node ON run_history(node_id, started_at);
CREATE TABLE saved_events (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    event TEXT NOT NULL,
    UNIQUE(node_id, name)
);
)sql"},
    // Version 3 gives connections properties (a subscription's filter policy), a JSON
    // object as the nodes' are.
    {3, R"sql(
ALTER TABLE edges ADD COLUMN properties TEXT NOT NULL DEFAULT '{}';
)sql"},
};

struct Column
{
    QString name;
    QString type;
    int hidden = 0; // 0 plain, 1 of a virtual table, 2 and 3 generated (computed)
};

// The columns of one real table, in order. The name comes from the expected schema,
// never from the file.
Result<void> readColumns(Database &db, const QString &table, QList<Column> *columns)
{
    Statement st(db, u"PRAGMA main.table_xinfo(\"%1\")"_s.arg(table));
    while (st.next())
        columns->append({st.columnText(1), st.columnText(2).toUpper(), int(st.columnInt(6))});
    return st.status();
}

// What the file's schema holds: type ('table', 'view', ...) and creating SQL by name.
struct SchemaEntry
{
    QString type;
    QString table;
    QString sql;
};

Result<void> readSchema(Database &db, std::map<QString, SchemaEntry> *entries)
{
    // sqlite_master cannot be shadowed: names starting with sqlite_ are reserved.
    Statement st(db, u"SELECT type, name, tbl_name, sql FROM main.sqlite_master"_s);
    while (st.next())
        entries->emplace(st.columnText(1), SchemaEntry{st.columnText(0), st.columnText(2), st.columnText(3)});
    return st.status();
}

} // namespace

int latestVersion()
{
    return std::prev(std::end(kSteps))->version;
}

Result<void> migrate(Database &db, int fromVersion, int targetVersion)
{
    if (Result<void> begun = db.exec(u"BEGIN IMMEDIATE"_s); !begun)
        return begun;
    for (const Step &step : kSteps) {
        if (step.version <= fromVersion || step.version > targetVersion)
            continue;
        if (const Result<void> done = db.exec(QString::fromUtf8(step.sql)); !done) {
            (void)db.exec(u"ROLLBACK"_s);
            return fail(QCoreApplication::translate("Nimbus::Migrations", "upgrading to schema version %1: %2")
                            .arg(step.version)
                            .arg(done.errorMessage()));
        }
    }
    Result<void> done = db.exec(u"PRAGMA application_id = %1"_s.arg(kApplicationId));
    if (done)
        done = db.exec(u"PRAGMA user_version = %1"_s.arg(targetVersion));
    if (done)
        done = db.exec(u"COMMIT"_s);
    if (!done)
        (void)db.exec(u"ROLLBACK"_s);
    return done;
}

} // namespace Nimbus::Migrations

namespace Nimbus::Migrations {

Result<QString> checkSchema(Database &db, int version)
{
    // The expected schema is the one the steps build, so the two cannot drift apart.
    Database expected;
    std::map<QString, SchemaEntry> expectedEntries;
    Result<void> built = expected.open(u":memory:"_s, Database::Mode::Create);
    if (built)
        built = migrate(expected, 0, version);
    if (built)
        built = readSchema(expected, &expectedEntries);
    if (!built)
        return built.error();

    std::map<QString, SchemaEntry> entries;
    if (Result<void> read = readSchema(db, &entries); !read)
        return read.error();
    auto unexpected = [](const QString &message) { return Result<QString>(message); };
    // Views run their query and triggers their statements when Nimbus reads or saves.
    for (const auto &[name, entry] : entries) {
        if (entry.type == "view"_L1)
            return unexpected(
                expectedEntries.count(name)
                    ? QCoreApplication::translate("Nimbus::Migrations", "'%1' is a view").arg(name)
                    : QCoreApplication::translate("Nimbus::Migrations", "it contains a view '%1'").arg(name));
        if (entry.type == "trigger"_L1)
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "it contains a trigger '%1' on '%2'")
                                  .arg(name, entry.table));
    }

    for (const auto &[name, want] : expectedEntries) {
        if (want.type != "table"_L1)
            continue;
        const auto found = entries.find(name);
        if (found == entries.end())
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "the table '%1' is missing").arg(name));
        if (found->second.type != "table"_L1)
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "'%1' is not a table").arg(name));
        // A virtual table's module would run to tell its columns.
        if (found->second.sql.simplified().startsWith("CREATE VIRTUAL"_L1, Qt::CaseInsensitive))
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "'%1' is a virtual table").arg(name));

        QList<Column> wantColumns;
        QList<Column> columns;
        if (Result<void> read = readColumns(expected, name, &wantColumns); !read)
            return read.error();
        if (Result<void> read = readColumns(db, name, &columns); !read)
            return read.error();
        for (const Column &column : columns) {
            if (column.hidden != 0)
                return unexpected(
                    QCoreApplication::translate("Nimbus::Migrations", "the column '%1' of '%2' is computed")
                        .arg(column.name, name));
        }
        for (const Column &column : wantColumns) {
            const auto match = std::find_if(columns.cbegin(), columns.cend(),
                                            [&](const Column &c) { return c.name == column.name; });
            if (match == columns.cend())
                return unexpected(QCoreApplication::translate("Nimbus::Migrations", "the table '%1' has no column '%2'")
                                      .arg(name, column.name));
            if (match->type != column.type)
                return unexpected(QCoreApplication::translate(
                                      "Nimbus::Migrations", "the column '%1' of '%2' has the type '%3' instead of '%4'")
                                      .arg(column.name, name, match->type, column.type));
        }
        if (columns.size() != wantColumns.size()) {
            for (const Column &column : columns) {
                if (std::none_of(wantColumns.cbegin(), wantColumns.cend(),
                                 [&](const Column &c) { return c.name == column.name; }))
                    return unexpected(QCoreApplication::translate("Nimbus::Migrations",
                                                                  "the table '%1' has an unexpected column '%2'")
                                          .arg(name, column.name));
            }
        }
    }
    return QString();
}

} // namespace Nimbus::Migrations
