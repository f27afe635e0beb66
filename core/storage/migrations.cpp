#include "migrations.h"

#include "database.h"

#include <QCoreApplication>
#include <QList>

#include <algorithm>
#include <iterator>
#include <map>

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
};

struct Column
{
    QString name;
    QString type;
    int hidden = 0; // 0 plain, 1 of a virtual table, 2 and 3 generated (computed)
};

// The columns of one real table, in order. The name comes from the expected schema,
// never from the file.
bool readColumns(Database &db, const QString &table, QList<Column> *columns)
{
    Statement st(db, QStringLiteral("PRAGMA main.table_xinfo(\"%1\")").arg(table));
    while (st.next())
        columns->append({st.columnText(1), st.columnText(2).toUpper(), int(st.columnInt(6))});
    return st.isValid() && !st.failed();
}

// What the file's schema holds: type ('table', 'view', ...) and creating SQL by name.
struct SchemaEntry
{
    QString type;
    QString table;
    QString sql;
};

bool readSchema(Database &db, std::map<QString, SchemaEntry> *entries)
{
    // sqlite_master cannot be shadowed: names starting with sqlite_ are reserved.
    Statement st(db, QStringLiteral("SELECT type, name, tbl_name, sql FROM main.sqlite_master"));
    while (st.next())
        entries->emplace(st.columnText(1), SchemaEntry{st.columnText(0), st.columnText(2), st.columnText(3)});
    return st.isValid() && !st.failed();
}

} // namespace

int latestVersion()
{
    return std::prev(std::end(kSteps))->version;
}

bool migrate(Database &db, int fromVersion, int targetVersion, QString *error)
{
    if (!db.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = db.errorString();
        return false;
    }
    for (const Step &step : kSteps) {
        if (step.version <= fromVersion || step.version > targetVersion)
            continue;
        if (!db.exec(QString::fromUtf8(step.sql))) {
            *error = QCoreApplication::translate("Nimbus::Migrations", "upgrading to schema version %1: %2")
                         .arg(step.version)
                         .arg(db.errorString());
            db.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    const bool ok = db.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId))
                    && db.exec(QStringLiteral("PRAGMA user_version = %1").arg(targetVersion))
                    && db.exec(QStringLiteral("COMMIT"));
    if (!ok) {
        *error = db.errorString();
        db.exec(QStringLiteral("ROLLBACK"));
    }
    return ok;
}

} // namespace Nimbus::Migrations

namespace Nimbus::Migrations {

SchemaCheck checkSchema(Database &db, int version, QString *error)
{
    // The expected schema is the one the steps build, so the two cannot drift apart.
    Database expected;
    std::map<QString, SchemaEntry> expectedEntries;
    if (!expected.open(QStringLiteral(":memory:"), Database::Mode::Create) || !migrate(expected, 0, version, error)
        || !readSchema(expected, &expectedEntries)) {
        if (error->isEmpty())
            *error = expected.errorString();
        return SchemaCheck::Unreadable;
    }

    std::map<QString, SchemaEntry> entries;
    if (!readSchema(db, &entries)) {
        *error = db.errorString();
        return SchemaCheck::Unreadable;
    }
    auto unexpected = [error](const QString &message) {
        *error = message;
        return SchemaCheck::Unexpected;
    };
    // Views run their query and triggers their statements when Nimbus reads or saves.
    for (const auto &[name, entry] : entries) {
        if (entry.type == QLatin1String("view"))
            return unexpected(
                expectedEntries.count(name)
                    ? QCoreApplication::translate("Nimbus::Migrations", "'%1' is a view").arg(name)
                    : QCoreApplication::translate("Nimbus::Migrations", "it contains a view '%1'").arg(name));
        if (entry.type == QLatin1String("trigger"))
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "it contains a trigger '%1' on '%2'")
                                  .arg(name, entry.table));
    }

    for (const auto &[name, want] : expectedEntries) {
        if (want.type != QLatin1String("table"))
            continue;
        const auto found = entries.find(name);
        if (found == entries.end())
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "the table '%1' is missing").arg(name));
        if (found->second.type != QLatin1String("table"))
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "'%1' is not a table").arg(name));
        // A virtual table's module would run to tell its columns.
        if (found->second.sql.simplified().startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive))
            return unexpected(QCoreApplication::translate("Nimbus::Migrations", "'%1' is a virtual table").arg(name));

        QList<Column> wantColumns;
        QList<Column> columns;
        if (!readColumns(expected, name, &wantColumns)) {
            *error = expected.errorString();
            return SchemaCheck::Unreadable;
        }
        if (!readColumns(db, name, &columns)) {
            *error = db.errorString();
            return SchemaCheck::Unreadable;
        }
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
    return SchemaCheck::Ok;
}

} // namespace Nimbus::Migrations
