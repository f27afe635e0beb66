#include "demodriver.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Nimbus Studio"_s);
    QApplication::setOrganizationName(u"Nimbus"_s);
    QApplication::setApplicationVersion(QStringLiteral(NIMBUS_VERSION));
    QApplication::setDesktopFileName(u"org.nimbusstudio.NimbusStudio"_s);
    QApplication::setWindowIcon(QIcon(u":/nimbus/icons/nimbus-studio.svg"_s));

    // The language chosen in Preferences (the system's by default) and the theme.
    Nimbus::installTranslations(Nimbus::Preferences::instance().language());
    Nimbus::Preferences::applyLocale(Nimbus::Preferences::instance().language());
    if (Nimbus::Preferences::instance().theme() != Nimbus::Preferences::Theme::System)
        Nimbus::Preferences::applyTheme(Nimbus::Preferences::instance().theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design, run, cost and export serverless "
                                                                     "architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"PROJECT"_s, QApplication::translate("main", "A .nimbus or .json project to open."),
                                 u"[PROJECT]"_s);
    Nimbus::DemoDriver demo;
    demo.addOptions(parser);
    parser.process(app);
    Nimbus::MainWindow window;
    demo.start(window, parser);
    return app.exec();
}
