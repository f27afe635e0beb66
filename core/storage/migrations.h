#pragma once

#include "result.h"

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
Result<void> migrate(Database &db, int fromVersion, int targetVersion);

// Checks, from the schema alone and before any table is read, that db holds what
// the steps up to version create: each of its tables a real table (not a view or a
// virtual table) with the same columns, none of them computed, and no view or
// trigger anywhere, since those run code of the file's author when Nimbus reads or
// writes. The result is empty when the schema is as expected, else what differs, e.g.
// "'nodes' is a view" (the file is readable, but its schema is not one Nimbus wrote); an
// error when the schema itself could not be read (a damaged file).
Result<QString> checkSchema(Database &db, int version);

} // namespace Migrations
} // namespace Nimbus
