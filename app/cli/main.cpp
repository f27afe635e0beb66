#include "cloud/epolldispatcher.h"
#include "commandline.h"
#include "translations.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

// A cost report in HTML or PDF draws its charts and lays out its pages with QtGui, which
// needs a QGuiApplication, as does the MCP server's diagram; every other command runs
// with a QCoreApplication.
static bool drawsPictures(int argc, char *argv[])
{
    if (argc >= 2 && std::strcmp(argv[1], "mcp") == 0)
        return true; // render_diagram
    if (argc < 2 || std::strcmp(argv[1], "cost") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        const char *format = std::strncmp(argv[i], "--format=", 9) == 0              ? argv[i] + 9
                             : std::strcmp(argv[i], "--format") == 0 && i + 1 < argc ? argv[i + 1]
                                                                                     : nullptr;
        if (format && (std::strcmp(format, "html") == 0 || std::strcmp(format, "pdf") == 0))
            return true;
    }
    return false;
}

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (drawsPictures(argc, argv)) {
        // The pictures go into a file, never onto a screen: the offscreen platform draws
        // them without a display, and the same with one (unless the user picks a platform).
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        // Without a GUI, an epoll set serves sockets with less work than Qt's ppoll or
        // GLib's loop (both walk every descriptor on each pass); Qt's own when it is asked for.
        if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        if (QAbstractEventDispatcher *dispatcher = Nimbus::EpollDispatcher::create())
            QCoreApplication::setEventDispatcher(dispatcher);
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(u"nimbus"_s);
    QCoreApplication::setOrganizationName(u"Nimbus"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NIMBUS_VERSION));
    Nimbus::installTranslations();
    Nimbus::CommandLine cli;
    return cli.run(QCoreApplication::arguments());
}
