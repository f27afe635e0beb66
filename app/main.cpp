#include "demodriver.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Nimbus Studio"));
    QApplication::setOrganizationName(QStringLiteral("Nimbus"));
    QApplication::setApplicationVersion(QStringLiteral(NIMBUS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.nimbusstudio.NimbusStudio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/nimbus/icons/nimbus-studio.svg")));

    // The language chosen in Preferences (the system's by default) and the theme.
    Nimbus::installTranslations(Nimbus::Preferences::instance().language());
    if (Nimbus::Preferences::instance().theme() != Nimbus::Preferences::Theme::System)
        Nimbus::Preferences::applyTheme(Nimbus::Preferences::instance().theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design, run, cost and export serverless "
                                                                     "architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QApplication::translate("main", "A .nimbus or .json project to open."),
                                 QStringLiteral("[PROJECT]"));
    Nimbus::DemoDriver demo;
    demo.addOptions(parser);
    parser.process(app);
    Nimbus::MainWindow window;
    demo.start(window, parser);
    return app.exec();
}
