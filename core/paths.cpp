#include "paths.h"

#include <QCoreApplication>
#include <QDir>

namespace Nimbus::Paths {

namespace {
QString fromApplication(const char *relative)
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1String("/../") + QLatin1String(relative));
}
} // namespace

QString dataDirectory()
{
    const QString overridden = qEnvironmentVariable("NIMBUS_DATA_DIR");
    return overridden.isEmpty() ? fromApplication(NIMBUS_DATA_SUBDIR) : QDir(overridden).absolutePath();
}

QString examplesDirectory()
{
    return dataDirectory() + QLatin1String("/examples");
}

QString pluginDirectory()
{
    const QString overridden = qEnvironmentVariable("NIMBUS_PLUGIN_DIR");
    return overridden.isEmpty() ? fromApplication(NIMBUS_PLUGIN_SUBDIR) : QDir(overridden).absolutePath();
}

} // namespace Nimbus::Paths
