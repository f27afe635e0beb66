#pragma once

#include <QString>

namespace Nimbus {

// Where the program's data and plugins are. The build tree mirrors the install tree
// (bin/, lib/nimbus-studio/plugins, share/nimbus-studio), so one rule serves both.
namespace Paths {

// share/nimbus-studio; NIMBUS_DATA_DIR overrides it.
QString dataDirectory();
QString examplesDirectory();
QString pluginDirectory();

} // namespace Paths
} // namespace Nimbus
