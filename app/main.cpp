#include "cost/costview.h"
#include "export/exportdialog.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <cstdio>

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
    const QCommandLineOption example(QStringLiteral("example"),
                                     QApplication::translate("main", "Open a working copy of a bundled example."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Render the window to a PNG file and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QApplication::translate("main", "Select the node NAME (with --screenshot, to show "
                                                                    "its properties)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption openCode(QStringLiteral("open-code"),
                                      QApplication::translate("main", "Open the code of the function NAME in an "
                                                                      "editor tab."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption invoke(QStringLiteral("invoke"),
                                    QApplication::translate("main", "Invoke the function shown in the Run panel "
                                                                    "once the window is up."));
    const QCommandLineOption cost(QStringLiteral("cost"),
                                  QApplication::translate("main", "Show the cost comparison at N requests a month "
                                                                  "with the traffic SHAPE (constant, business-hours, "
                                                                  "daily-peaks, spike-day)."),
                                  QStringLiteral("N[:SHAPE]"));
    parser.addOption(cost);
    const QCommandLineOption exportTo(QStringLiteral("export"),
                                      QApplication::translate("main", "Open the export dialog on TARGET (sam, "
                                                                      "serverless, terraform, knative, openfaas, "
                                                                      "azure, cloudrun, scaleway)."),
                                      QStringLiteral("TARGET"));
    parser.addOption(exportTo);
    const QCommandLineOption localCloud(
        QStringLiteral("local-cloud"), QApplication::translate("main", "Start the local cloud once the window is up."));
    parser.addOption(localCloud);
    parser.addOption(example);
    parser.addOption(select);
    parser.addOption(openCode);
    parser.addOption(invoke);
    parser.addOption(screenshot);
    const QCommandLineOption welcome(QStringLiteral("welcome"),
                                     QApplication::translate("main", "Show the welcome page (with --screenshot)."));
    parser.addOption(welcome);
    parser.process(app);

    Nimbus::MainWindow window;
    bool opened = true;
    if (parser.isSet(example))
        opened = window.openExample(parser.value(example));
    else if (!parser.positionalArguments().isEmpty())
        opened = window.openFile(parser.positionalArguments().first());
    else if (!parser.isSet(screenshot) || parser.isSet(welcome))
        window.showWelcome(); // no project: the welcome page
    window.show();
    // A screenshot run is not a session of the user's: it must not ask anything.
    if (!parser.isSet(screenshot))
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    if (parser.isSet(select))
        window.selectNode(parser.value(select));
    if (parser.isSet(openCode))
        window.openFunctionCode(parser.value(openCode));
    if (parser.isSet(invoke))
        QTimer::singleShot(0, &window, [&window] { window.invokeFunction(); });
    if (parser.isSet(cost)) {
        const QStringList parts = parser.value(cost).split(QLatin1Char(':'));
        Nimbus::TrafficProfile::Shape shape;
        if (parts.size() > 1 && Nimbus::TrafficProfile::shapeFromId(parts.at(1), &shape))
            window.costView()->setShape(shape);
        window.costView()->setVolume(parts.first().toDouble());
        window.showCost();
    }

    if (parser.isSet(localCloud)) {
        window.findChild<QAction *>(QStringLiteral("localCloudAction"))->trigger();
        if (parser.isSet(select))
            window.selectNode(parser.value(select));
    }
    QPointer<QWidget> exportDialog;
    if (parser.isSet(exportTo)) {
        Nimbus::ExportDialog *dialog = window.showExportDialog();
        dialog->setTarget(parser.value(exportTo));
        exportDialog = dialog;
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Let the layout settle (an --invoke finish, requests reach a --local-cloud) before grabbing.
        QTimer::singleShot(parser.isSet(localCloud) ? 4000
                           : parser.isSet(invoke)   ? 1500
                                                    : 200,
                           &window,
                           [&window, file, opened, exportDialog] {
            const bool saved = (exportDialog ? exportDialog->grab() : window.grab()).save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "nimbus-studio: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved && opened ? 0 : 1);
        });
    }
    return app.exec();
}
