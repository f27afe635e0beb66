#include "migrations.h"

#include "database.h"

#include <QCoreApplication>

#include <iterator>

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
