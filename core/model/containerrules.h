#pragma once

#include "architecture.h"
#include "diagnostic.h"

#include <QList>
#include <QString>

namespace Nimbus {

// The validator's rules about container nodes beyond their properties' own checks: the
// minimum instances above the maximum (an error), nothing to run (neither an image nor a
// local command) and a local command whose folder does not exist (warnings). directory:
// the project's folder; without it, the folder's existence is not checked.
namespace ContainerRules {
QList<Diagnostic> problems(const Architecture &architecture, const QString &directory);
} // namespace ContainerRules

} // namespace Nimbus
