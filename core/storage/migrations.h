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

} // namespace Migrations
} // namespace Nimbus
