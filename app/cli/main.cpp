#include "commandline.h"
#include "translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nimbus"));
    QCoreApplication::setOrganizationName(QStringLiteral("Nimbus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NIMBUS_VERSION));
    Nimbus::installTranslations();
    Nimbus::CommandLine cli;
    return cli.run(QCoreApplication::arguments());
}
