#pragma once

#include <QString>

namespace Nimbus {

class Database;

// The .nimbus schema history. Each step lists the SQL that takes a file from the
// version before it to its own; a new file runs them all, an old file the rest.
namespace Migrations {

// 'NMBS': tells a Nimbus project from any other SQLite file.
constexpr int kApplicationId = 0x4E4D4253;

int latestVersion();
// Runs the steps from the file's version up to target, in one transaction.
bool migrate(Database &db, int fromVersion, int targetVersion, QString *error);

enum class SchemaCheck {
    Ok,
    Unexpected, // the file is readable, but its schema is not one Nimbus wrote
    Unreadable, // the schema itself could not be read (a damaged file)
};
// Checks, from the schema alone and before any table is read, that db holds what
// the steps up to version create: each of its tables a real table (not a view or a
// virtual table) with the same columns, none of them computed, and no view or
// trigger anywhere, since those run code of the file's author when Nimbus reads or
// writes. On failure error says what differs, e.g. "'nodes' is a view".
SchemaCheck checkSchema(Database &db, int version, QString *error);

} // namespace Migrations
} // namespace Nimbus
