// `nimbus mcp`: the project served to coding agents over the Model Context Protocol.

#include "commandline.h"

#include "document/project.h"
#include "mcp/mcpserver.h"
#include "mcp/mcpworkspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Standard input as lines, from the event loop: each complete line to onLine, and
// onEnd once the client closes it. A line over the protocol's limit is dropped, up to its
// end, and onOversized says so.
class LineReader : public QObject
{
public:
    LineReader(std::function<void(const QByteArray &)> onLine, std::function<void()> onEnd,
               std::function<void()> onOversized = {})
        : mNotifier(STDIN_FILENO, QSocketNotifier::Read), mOnLine(std::move(onLine)), mOnEnd(std::move(onEnd)),
          mOnOversized(std::move(onOversized))
    {
        connect(&mNotifier, &QSocketNotifier::activated, this, [this] { readSome(); });
    }

private:
    void readSome()
    {
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            mNotifier.setEnabled(false);
            if (!mPending.trimmed().isEmpty())
                mOnLine(mPending);
            mOnEnd();
            return;
        }
        mPending.append(buffer, n);
        qsizetype newline;
        while ((newline = mPending.indexOf('\n')) >= 0) {
            const QByteArray line = mPending.left(newline);
            mPending.remove(0, newline + 1);
            if (!std::exchange(mSkipping, false))
                mOnLine(line);
        }
        if (mPending.size() > McpServer::kMessageLimit && !mSkipping) {
            mSkipping = true; // the rest of this line goes unread too
            if (mOnOversized)
                mOnOversized();
        }
        if (mSkipping)
            mPending.clear();
    }

    QSocketNotifier mNotifier;
    QByteArray mPending;
    std::function<void(const QByteArray &)> mOnLine;
    std::function<void()> mOnEnd;
    std::function<void()> mOnOversized;
    bool mSkipping = false;
};

} // namespace

int CommandLine::mcp(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project to open (optional)."), u"[PROJECT]"_s);
    const QCommandLineOption allow(u"allow"_s, tr("A folder the agent may read and write in (repeatable)."), u"DIR"_s);
    const QCommandLineOption attach(u"attach"_s, tr("Talk to the studio that has PROJECT open: the agent's edits "
                                                    "appear on its canvas as undo steps."));
    parser.addOptions({allow, attach});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Serves a project to a coding agent over the Model Context Protocol on standard input and "
               "output: tools to build the design, write and invoke functions, run the local cloud, price "
               "and export it. The agent acts only inside the project's folder and the --allow folders "
               "(the current folder when neither is given). Register it with an agent as the command "
               "'nimbus mcp PROJECT'."),
            -1))
        return *stop;
    const QString projectPath = parser.positionalArguments().value(0);
    QFile out;
    // The file descriptor, not stdout's FILE: each answer leaves at once through write(2),
    // where the C library would keep it in a pipe's buffer until exit.
    if (!out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        mErr << "nimbus mcp: " << out.errorString() << '\n';
        return OutputError;
    }
    const auto write = [&out](const QByteArray &line) { out.write(line + '\n'); };

    if (parser.isSet(attach)) {
        if (projectPath.isEmpty()) {
            mErr << "nimbus mcp: " << tr("--attach needs the PROJECT the studio has open") << '\n';
            return UsageError;
        }
        QLocalSocket socket;
        socket.connectToServer(McpWorkspace::attachSocketName(QFileInfo(projectPath).absoluteFilePath()));
        if (!socket.waitForConnected(3000)) {
            mErr << "nimbus mcp: " << tr("no studio has %1 open (%2)").arg(projectPath, socket.errorString()) << '\n';
            return InputError;
        }
        // A relay: the studio serves the protocol on its own project.
        // The studio never sees a line over the limit; the client hears why here.
        McpServer refusals;
        QObject::connect(&refusals, &McpServer::send, write);
        LineReader reader([&socket](const QByteArray &line) { socket.write(line + '\n'); },
                          [&socket] { socket.disconnectFromServer(); }, [&refusals] { refusals.refuseOversized(); });
        QObject::connect(&socket, &QLocalSocket::readyRead, [&] { out.write(socket.readAll()); });
        QObject::connect(&socket, &QLocalSocket::disconnected, [] { QCoreApplication::quit(); });
        runUntilSignalled();
        return Success;
    }

    QStringList folders = parser.values(allow);
    if (!projectPath.isEmpty())
        folders.prepend(QFileInfo(projectPath).absolutePath());
    if (folders.isEmpty())
        folders.append(QDir::currentPath());
    for (const QString &folder : folders) {
        if (!QFileInfo(folder).isDir()) {
            mErr << "nimbus mcp: " << tr("%1 is not a folder").arg(folder) << '\n';
            return UsageError;
        }
    }
    McpWorkspace workspace(folders);
    if (!projectPath.isEmpty()) {
        if (const Result<void> opened = workspace.openProject(projectPath); !opened) {
            mErr << "nimbus mcp: " << opened.errorMessage() << '\n';
            return InputError;
        }
    }
    McpServer server;
    workspace.registerOn(server);
    QObject::connect(&server, &McpServer::send, write);
    // When the client closes its end, the calls under way still answer (for 30 s at most).
    QTimer drain;
    drain.setInterval(50);
    QElapsedTimer closedFor;
    QObject::connect(&drain, &QTimer::timeout, [&] {
        if (server.pendingCalls() == 0 || closedFor.elapsed() > 30000)
            QCoreApplication::quit();
    });
    LineReader reader([&server](const QByteArray &line) { server.receive(line); },
                      [&] {
        closedFor.start();
        drain.start();
    },
                      [&server] { server.refuseOversized(); });
    runUntilSignalled();
    workspace.stopCloud();
    return Success;
}

} // namespace Nimbus
