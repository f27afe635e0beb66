#pragma once

#include <QString>

namespace Nimbus {

// Installs the program's translation (and Qt's own) for the given locale name,
// "" meaning the system's. Returns the language actually loaded ("en" if none).
QString installTranslations(const QString &locale = {});

} // namespace Nimbus
