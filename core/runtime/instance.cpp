#include "instance.h"

#include "gobuild.h"
#include "paths.h"
#include "runtimeapi.h"
#include "runtimelocator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The worker's import timings, paths made relative to the source folder (a Node.js module
// is named by its file, a Python one by its dotted name), at most 200.
QJsonArray importTimings(const QJsonArray &reported, const QString &sourceDirectory)
{
    QJsonArray timings;
    const QString prefix = QDir::cleanPath(sourceDirectory) + u'/';
    for (const QJsonValue &value : reported) {
        QJsonObject t = value.toObject();
        if (!t.value("module"_L1).isString() || timings.size() >= 200)
            continue;
        const QString module = t.value("module"_L1).toString();
        if (module.startsWith(prefix))
            t.insert(u"module"_s, module.mid(prefix.size()));
        timings.append(t);
    }
    return timings;
}
constexpr int kInitTimeoutMs = 10000; // Lambda's limit for the init phase
constexpr int kMemorySampleMs = 20;
// A function's processes are bounded by its process group, not by RLIMIT_NPROC: that
// limit counts every thread of the user (a busy desktop has hundreds) and spares root.
constexpr int kMaxProcesses = 64; // processes a worker may start, whoever runs Nimbus
constexpr int kMaxThreads = 1024; // threads of the whole group, Lambda's "processes/threads" quota
constexpr int kGroupSampleBusyMs = 50; // while starting or invoking
constexpr int kGroupSampleIdleMs = 500; // what an idle worker left running is still watched
constexpr int kGroupScanReuseMs = 10; // instances of one thread share a scan this recent

struct GroupUsage
{
    int processes = 0; // zombies included: they still hold a process id
    int threads = 0;
};

// Processes and threads of every process group, from one pass over /proc/PID/stat.
QHash<pid_t, GroupUsage> scanGroups()
{
    QHash<pid_t, GroupUsage> groups;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return groups;
    char path[sizeof(dirent::d_name) + 16];
    char stat[1024];
    while (const dirent *entry = ::readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        std::snprintf(path, sizeof path, "/proc/%s/stat", entry->d_name);
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue; // ended meanwhile
        const ssize_t size = ::read(fd, stat, sizeof stat - 1);
        ::close(fd);
        if (size <= 0)
            continue;
        stat[size] = '\0';
        // "pid (comm) state ppid pgrp session ... num_threads": comm may hold spaces and ')'.
        const char *field = std::strrchr(stat, ')');
        if (!field)
            continue;
        long pgrp = -1;
        long threads = -1;
        // Fields after comm, counted from 3 (state); pgrp is field 5, num_threads field 20.
        for (int number = 3; number <= 20 && field; ++number) {
            field = std::strchr(field + 1, ' ');
            if (!field)
                break;
            if (number == 5)
                pgrp = std::strtol(field + 1, nullptr, 10);
            else if (number == 20)
                threads = std::strtol(field + 1, nullptr, 10);
        }
        if (pgrp <= 0 || threads < 0)
            continue;
        GroupUsage &usage = groups[pid_t(pgrp)];
        ++usage.processes;
        usage.threads += std::max(1L, threads);
    }
    ::closedir(proc);
    return groups;
}

// The usage of one process group; every instance of a thread reads the same recent scan,
// so that many warm workers cost one pass over /proc, not one each.
GroupUsage groupUsage(pid_t group)
{
    thread_local QElapsedTimer scannedAt;
    thread_local QHash<pid_t, GroupUsage> groups;
    if (!scannedAt.isValid() || scannedAt.elapsed() >= kGroupScanReuseMs) {
        groups = scanGroups();
        scannedAt.start();
    }
    return groups.value(group);
}

// Ends a worker and everything it started (it leads its own process group). One signal
// to the group is enough even against a fork bomb: the kernel restarts a fork that a
// group-wide signal overtakes, so no child is left outside the kill.
void killGroup(QProcess *process, pid_t group)
{
    if (group > 0)
        ::kill(-group, SIGKILL);
    process->kill();
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

Instance::Instance(const FunctionSpec &spec, QObject *parent) : QObject(parent), mSpec(spec)
{
    mDeadline.setSingleShot(true);
    mDeadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    connect(&mDeadline, &QTimer::timeout, this, [this] {
        if (!mReady && !mCurrent) {
            fail(u"Runtime.InitTimeout"_s, tr("Init phase did not finish within %1 seconds").arg(kInitTimeoutMs / 1000),
                 true);
            return;
        }
        fail(u"Sandbox.Timedout"_s,
             u"%1 %2 Task timed out after %3 seconds"_s.arg(isoNow(), mCurrent ? mCurrent->requestId : QString())
                 .arg(double(mSpec.timeoutSeconds), 0, 'f', 2),
             true);
    });
    mMemoryWatch.setInterval(kMemorySampleMs);
    connect(&mMemoryWatch, &QTimer::timeout, this, &Instance::sampleMemory);
    mGroupWatch.setInterval(kGroupSampleBusyMs);
    connect(&mGroupWatch, &QTimer::timeout, this, &Instance::watchGroup);
}

Instance::~Instance()
{
    closeProcFile(mStatm);
    closeProcFile(mStatus);
    // Including a worker already told to stop: none may outlive its instance.
    for (QProcess *process : findChildren<QProcess *>()) {
        process->disconnect();
        if (process->state() != QProcess::NotRunning) {
            killGroup(process, pid_t(process->processId()));
            process->waitForFinished(1000);
        }
    }
}

QString Instance::bootstrapPath(const QString &runtime)
{
    const QString name = runtime.startsWith("python"_L1) ? u"bootstrap.py"_s : u"bootstrap.mjs"_s;
    return Paths::dataDirectory() + "/runtime/"_L1 + name;
}

bool Instance::isCustomRuntime(const QString &runtime)
{
    return runtime.startsWith("provided"_L1);
}

bool Instance::runsOnRuntimeClient(const QString &runtime)
{
    return runtime.startsWith("java"_L1) || runtime.startsWith("dotnet"_L1);
}

QString Instance::runtimeClientDirectory(const QString &runtime)
{
    return RuntimeLocator::runtimesDirectory() + (runtime.startsWith("java"_L1) ? "/java"_L1 : "/dotnet"_L1);
}

Result<Instance::Command> Instance::runtimeClientCommand(const FunctionSpec &spec, const QString &interpreter)
{
    const QDir code(spec.sourceDirectory);
    if (spec.runtime.startsWith("java"_L1)) {
        // The classes and jars of the function, where Lambda's zip holds them (the folder
        // itself and lib/) and where Maven and Gradle build them; then the runtime client's
        // jars when the function does not bundle them.
        // A folder that is a link leading out of the function's folder is left out.
        QStringList classPath;
        auto inFolder = [&](const QString &folder) {
            return QFileInfo(code.filePath(folder)).isDir() && Paths::staysUnder(code.path(), code.filePath(folder));
        };
        for (const QString &folder : {u"."_s, u"target/classes"_s, u"build/classes/java/main"_s})
            if (inFolder(folder))
                classPath.append(QDir::cleanPath(code.filePath(folder)));
        for (const QString &jars : {u"lib"_s, u"target/lib"_s, u"target/dependency"_s, u"target"_s, u"build/libs"_s})
            if (inFolder(jars))
                classPath.append(QDir::cleanPath(code.filePath(jars)) + "/*"_L1);
        if (QFileInfo(runtimeClientDirectory(spec.runtime)).isDir())
            classPath.append(runtimeClientDirectory(spec.runtime) + "/*"_L1);
        // As Lambda's Java runtimes start the JVM: a heap within the memory size, the serial
        // collector and the first compilation tier, which start fastest.
        const int heap = std::max(32, spec.memoryMB * 85 / 100);
        return Command{interpreter,
                       {u"-XX:MaxHeapSize=%1m"_s.arg(heap), u"-XX:+UseSerialGC"_s, u"-XX:+TieredCompilation"_s,
                        u"-XX:TieredStopAtLevel=1"_s, u"-cp"_s, classPath.join(':'_L1),
                        QString::fromLatin1(kJavaRuntimeClientClass), spec.handler}};
    }
    // .NET: a class library's handler is Assembly::Namespace.Class::Method, run by
    // Amazon.Lambda.RuntimeSupport with the assembly's deps and runtimeconfig files, as
    // Lambda's dotnet runtime does; an executable assembly's handler is its name.
    const QString assembly = spec.handler.section("::"_L1, 0, 0);
    // The handler comes with the project: its assembly is a file name in the function's
    // folder, not a path leading out of it (nor an option: it is always a path here).
    if (!Paths::confinementProblem(assembly).isEmpty() || assembly.contains('/'_L1) || assembly.contains('\\'_L1)
        || assembly == "."_L1) {
        return Error{tr("the handler's assembly '%1' is not the name of an assembly in the function's folder")
                         .arg(assembly.left(100))};
    }
    QString built;
    for (const QString &folder :
         {u"."_s, u"bin/Release/net8.0/publish"_s, u"bin/Release/net8.0"_s, u"bin/Debug/net8.0"_s}) {
        const QString candidate = code.filePath(folder + u'/' + assembly + ".dll"_L1);
        if (QFileInfo(candidate).isFile() && Paths::staysUnder(code.path(), candidate)) {
            built = QDir::cleanPath(code.filePath(folder));
            break;
        }
    }
    if (built.isEmpty()) {
        return Error{tr("%1.dll is not built in %2: build the function first (dotnet publish -c Release), as "
                        "Lambda runs the published assembly")
                         .arg(assembly, QDir::toNativeSeparators(spec.sourceDirectory))};
    }
    const QString dll = built + u'/' + assembly + ".dll"_L1;
    if (!spec.handler.contains("::"_L1))
        return Command{interpreter, {u"exec"_s, dll}};
    QString support = built + "/Amazon.Lambda.RuntimeSupport.dll"_L1;
    if (!QFileInfo(support).isFile())
        support = runtimeClientDirectory(spec.runtime) + "/Amazon.Lambda.RuntimeSupport.dll"_L1;
    if (!QFileInfo(support).isFile()) {
        return Error{tr("Amazon.Lambda.RuntimeSupport.dll, the .NET runtime interface client, is neither beside "
                        "%1.dll nor in %2: add the Amazon.Lambda.RuntimeSupport package to the project, or put the "
                        "DLL in that folder")
                         .arg(assembly, QDir::toNativeSeparators(runtimeClientDirectory(spec.runtime)))};
    }
    QStringList arguments{u"exec"_s};
    for (const auto &[option, suffix] :
         {std::pair{u"--depsfile"_s, ".deps.json"_L1}, std::pair{u"--runtimeconfig"_s, ".runtimeconfig.json"_L1}}) {
        const QString file = built + u'/' + assembly + suffix;
        if (QFileInfo(file).isFile())
            arguments << option << file;
    }
    arguments << support << spec.handler;
    return Command{interpreter, arguments};
}

QString Instance::sdkDirectory()
{
    return Paths::dataDirectory() + "/runtime/sdk"_L1;
}

qint64 Instance::processId() const
{
    return mProcess ? mProcess->processId() : 0;
}

Instance::LayerPaths Instance::layerPaths(const FunctionSpec &spec)
{
    // Lambda extracts the layers into /opt in order, a later one's files over an earlier
    // one's: here each stays in its folder, and the search paths list the last one first.
    QStringList lastFirst = spec.layers;
    std::reverse(lastFirst.begin(), lastFirst.end());
    LayerPaths paths;
    paths.opt = lastFirst;
    // "20" of nodejs20.x, "3.12" of python3.12.
    const QString version = spec.runtime.mid(6).section('.'_L1, 0, spec.runtime.startsWith("python"_L1) ? 1 : 0);
    // Node.js: /opt/nodejs/node20/node_modules before /opt/nodejs/node_modules.
    if (spec.runtime.startsWith("nodejs"_L1)) {
        for (const QString &layer : std::as_const(lastFirst))
            paths.nodePath.append(layer + "/nodejs/node"_L1 + version + "/node_modules"_L1);
        for (const QString &layer : std::as_const(lastFirst))
            paths.nodePath.append(layer + "/nodejs/node_modules"_L1);
    }
    // Python: /opt/python/lib/python3.12/site-packages before /opt/python.
    if (spec.runtime.startsWith("python"_L1)) {
        for (const QString &layer : std::as_const(lastFirst))
            paths.pythonPath.append(layer + "/python/lib/python"_L1 + version + "/site-packages"_L1);
        for (const QString &layer : std::as_const(lastFirst))
            paths.pythonPath.append(layer + "/python"_L1);
    }
    for (const QString &layer : std::as_const(lastFirst)) {
        paths.binPath.append(layer + "/bin"_L1);
        paths.libraryPath.append(layer + "/lib"_L1);
    }
    return paths;
}

QList<QPair<QString, QString>> Instance::functionEnvironment() const
{
    QList<QPair<QString, QString>> vars;
    for (const auto &[name, value] : std::as_const(mSpec.environment))
        vars.append({name, value});
    QList<QPair<QString, QString>> runtimeVars = {
        {u"AWS_LAMBDA_FUNCTION_NAME"_s, mSpec.name},
        {u"AWS_LAMBDA_FUNCTION_MEMORY_SIZE"_s, QString::number(mSpec.memoryMB)},
        {u"AWS_LAMBDA_FUNCTION_VERSION"_s, u"$LATEST"_s},
        {u"AWS_LAMBDA_LOG_GROUP_NAME"_s, u"/aws/lambda/"_s + mSpec.name},
        {u"AWS_LAMBDA_LOG_STREAM_NAME"_s, mLogStream},
        {u"AWS_LAMBDA_INITIALIZATION_TYPE"_s, u"on-demand"_s},
        {u"AWS_EXECUTION_ENV"_s, u"AWS_Lambda_"_s + mSpec.runtime},
        {u"AWS_REGION"_s, mSpec.region},
        {u"AWS_DEFAULT_REGION"_s, mSpec.region},
        {u"LAMBDA_TASK_ROOT"_s, mSpec.sourceDirectory},
        {u"_HANDLER"_s, mSpec.handler},
        {u"TZ"_s, u":UTC"_s},
        {u"LANG"_s, u"en_US.UTF-8"_s},
        {u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s},
        {u"NODE_PATH"_s, mSpec.sourceDirectory + u"/node_modules:"_s + sdkDirectory() + u"/node_modules"_s},
        {u"NIMBUS_SDK_DIR"_s, sdkDirectory()},
        // The SDK would warn in every function's log that its next versions need Node.js 22.
        {u"AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"_s, u"true"_s},
        {u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s},
        {u"AWS_LAMBDA_LOG_FORMAT"_s, mSpec.logFormat == "JSON"_L1 ? u"JSON"_s : u"Text"_s},
    };
    if (!mSpec.layers.isEmpty()) {
        // The layers' folders where Lambda has /opt on its search paths (after the
        // system's folders on PATH, as there); NIMBUS_OPT_PATH lists the folders that
        // stand for /opt, the one that wins first.
        const LayerPaths layers = layerPaths(mSpec);
        const QString sdkModules = sdkDirectory() + u"/node_modules"_s;
        for (QPair<QString, QString> &runtimeVar : runtimeVars) {
            if (runtimeVar.first == "PATH"_L1)
                runtimeVar.second += ':'_L1 + layers.binPath.join(':'_L1);
            else if (runtimeVar.first == "NODE_PATH"_L1 && !layers.nodePath.isEmpty())
                runtimeVar.second = QStringList{mSpec.sourceDirectory + u"/node_modules"_s,
                                                layers.nodePath.join(':'_L1), sdkModules}
                                        .join(':'_L1);
        }
        if (!layers.pythonPath.isEmpty())
            runtimeVars.append({u"PYTHONPATH"_s, layers.pythonPath.join(':'_L1)});
        runtimeVars.append({u"LD_LIBRARY_PATH"_s, layers.libraryPath.join(':'_L1)});
        runtimeVars.append({u"NIMBUS_OPT_PATH"_s, layers.opt.join(':'_L1)});
    }
    if (mSpec.logFormat == "JSON"_L1)
        vars.append({u"AWS_LAMBDA_LOG_LEVEL"_s, mSpec.applicationLogLevel});
    else
        vars.removeIf([](const QPair<QString, QString> &var) { return var.first == "AWS_LAMBDA_LOG_LEVEL"_L1; });
    // The runtime's own win over the function's, as in QProcessEnvironment::insert.
    for (const QPair<QString, QString> &runtimeVar : runtimeVars) {
        const QString &name = runtimeVar.first;
        vars.removeIf([&name](const QPair<QString, QString> &var) { return var.first == name; });
        vars.append(runtimeVar);
    }
    return vars;
}

QString Instance::interpreterOf(const QString &runtime)
{
    if (isCustomRuntime(runtime))
        return u"bootstrap"_s;
    if (runsOnRuntimeClient(runtime))
        return RuntimeLocator::programOf(runtime);
    // Spares are kept per interpreter: nodejs20.x and nodejs22.x share one only when the
    // same node runs both.
    const RuntimeLocator::Interpreter interpreter = RuntimeLocator::locate(runtime);
    return interpreter.found() ? interpreter.path : RuntimeLocator::programOf(runtime);
}

bool Instance::canUseSpare(const FunctionSpec &spec)
{
    if (!spec.runtime.startsWith("nodejs"_L1) && !spec.runtime.startsWith("python"_L1))
        return false;
    // A spare's interpreter started without the layers' search paths (PYTHONPATH, the
    // ES module resolver's folders are read once at start).
    if (!spec.layers.isEmpty())
        return false;
    static const QStringList startupPrefixes = {u"NODE_"_s, u"PYTHON"_s, u"LD_"_s, u"UV_"_s, u"MALLOC_"_s};
    return std::none_of(spec.environment.cbegin(), spec.environment.cend(), [](const auto &var) {
        return std::any_of(startupPrefixes.cbegin(), startupPrefixes.cend(),
                           [&var](const QString &prefix) { return var.first.startsWith(prefix); });
    });
}

QStringList Instance::nodeArguments(int memoryMB)
{
    QStringList arguments{u"--expose-gc"_s, u"--max-http-header-size=81920"_s};
    if (memoryMB > 0) {
        const int newSpace = memoryMB / 10;
        arguments << u"--max-semi-space-size=%1"_s.arg(std::max(newSpace / 2, 1))
                  << u"--max-old-space-size=%1"_s.arg(memoryMB - newSpace);
    }
    return arguments;
}

Result<Instance *> Instance::startSpare(const QString &runtime, int memoryMB, QObject *parent)
{
    FunctionSpec spec;
    spec.name = u"spare"_s;
    spec.runtime = runtime;
    spec.memoryMB = memoryMB;
    spec.sourceDirectory = Paths::dataDirectory() + "/runtime"_L1;
    auto *spare = new Instance(spec, parent);
    spare->mSpare = true;
    if (const Result<void> started = spare->start(); !started) {
        delete spare;
        return started.error();
    }
    return spare;
}

bool Instance::bind(const FunctionSpec &spec)
{
    if (mState != State::Spare || !mProcess || mProcess->state() != QProcess::Running)
        return false;
    if (!spec.runtime.startsWith("python"_L1) && spec.memoryMB != mSpec.memoryMB)
        return false; // its heap was sized for another memory size
    mSpec = spec;
    mSecretsKnown = false;
    mContextJson.clear();
    mVersionWarning = RuntimeLocator::mismatchWarning(RuntimeLocator::locate(spec.runtime));
    mSpare = false;
    mFromSpare = true;
    mState = State::Starting;
    QJsonObject env;
    for (const auto &[name, value] : functionEnvironment())
        env.insert(name, value);
    send(QJsonObject{{u"type"_s, u"load"_s}, {u"env"_s, env}, {u"cwd"_s, mSpec.sourceDirectory}});
    // From here the worker loads the handler: that is the function's initialisation.
    mSpawnClock.start();
    mDeadline.start(kInitTimeoutMs);
    mMemoryWatch.start();
    mGroupWatch.start(kGroupSampleBusyMs);
    return true;
}

void Instance::startLogStream()
{
    mLogStream = QDateTime::currentDateTimeUtc().toString(u"yyyy/MM/dd"_s) + u"/[$LATEST]"_s
                 + QString::number(quintptr(this), 16);
}

Result<void> Instance::start()
{
    if (isCustomRuntime(mSpec.runtime) || runsOnRuntimeClient(mSpec.runtime))
        return startCustom();
    const bool python = mSpec.runtime.startsWith("python"_L1);
    // The interpreter of the runtime's version (the data folder's, then PATH's); another
    // version runs the function with a warning in its first invocation's log.
    const RuntimeLocator::Interpreter located = RuntimeLocator::locate(mSpec.runtime);
    if (!located.found()) {
        return Error{tr("%1 is not installed: it is needed to run %2 functions")
                         .arg(python ? u"python3"_s : u"node"_s, mSpec.runtime)};
    }
    const QString interpreter = located.path;
    mVersionWarning = RuntimeLocator::mismatchWarning(located);
    const QString bootstrap = bootstrapPath(mSpec.runtime);
    if (!QFileInfo::exists(bootstrap)) {
        return Error{tr("the worker bootstrap %1 is missing").arg(bootstrap)};
    }
    if (!QFileInfo(mSpec.sourceDirectory).isDir()) {
        return Error{tr("the source folder %1 does not exist").arg(mSpec.sourceDirectory)};
    }

    startLogStream();
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        return Error{tr("cannot create the worker's channel: %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    }
    const int childEnd = fds[1];

    // Only what Lambda would give the function: its variables and the runtime's own. A
    // spare gets the runtime's only; its function's come with bind().
    QProcessEnvironment env;
    if (mSpare) {
        const QList<QPair<QString, QString>> spareVars = {
            {u"NIMBUS_SPARE"_s, u"1"_s},
            {u"TZ"_s, u":UTC"_s},
            {u"LANG"_s, u"en_US.UTF-8"_s},
            {u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s},
            {u"NODE_PATH"_s, sdkDirectory() + u"/node_modules"_s},
            {u"NIMBUS_SDK_DIR"_s, sdkDirectory()},
            {u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s},
        };
        for (const auto &[name, value] : spareVars)
            env.insert(name, value);
    } else {
        for (const auto &[name, value] : functionEnvironment())
            env.insert(name, value);
    }

    mProcess = new QProcess(this);
    mProcess->setProcessEnvironment(env);
    mProcess->setWorkingDirectory(mSpec.sourceDirectory);
    mProcess->setProcessChannelMode(QProcess::MergedChannels);
    mProcess->setChildProcessModifier([childEnd] {
        // In the child, between fork and exec: the channel becomes fd 3; the worker leads
        // its own process group, so whatever it spawns is counted (watchGroup) and ends
        // with it.
        if (childEnd == 3)
            ::fcntl(3, F_SETFD, 0);
        else
            ::dup2(childEnd, 3);
        ::setpgid(0, 0);
    });
    connect(mProcess, &QProcess::readyReadStandardOutput, this, &Instance::onOutput);
    connect(mProcess, &QProcess::finished, this, &Instance::onExited);

    QStringList arguments;
    if (python)
        arguments << u"-u"_s << u"-X"_s << u"utf8"_s;
    else
        arguments << nodeArguments(mSpec.memoryMB);
    arguments << bootstrap;
    mSpawnClock.start();
    mProcess->start(interpreter, arguments);
    ::close(childEnd);
    if (!mProcess->waitForStarted(5000)) {
        ::close(fds[0]);
        mState = State::Stopped;
        return Error{tr("cannot start %1: %2").arg(interpreter, mProcess->errorString())};
    }
    mGroup = pid_t(mProcess->processId());

    mChannel = new QLocalSocket(this);
    mChannel->setSocketDescriptor(fds[0]);
    connect(mChannel, &QLocalSocket::readyRead, this, [this] {
        mInbox += mChannel->readAll();
        while (mInbox.size() >= 4) {
            const quint32 length = qFromBigEndian<quint32>(mInbox.constData());
            if (quint32(mInbox.size()) < 4 + length)
                break;
            const QByteArray frame = mInbox.mid(4, length);
            mInbox.remove(0, 4 + length);
            onFrame(frame);
        }
    });
    if (mSpare) {
        // Nothing to initialise until bind(): no init deadline, no memory size yet.
        mState = State::Spare;
        mGroupWatch.start(kGroupSampleIdleMs);
        return {};
    }
    mDeadline.start(kInitTimeoutMs);
    mMemoryWatch.start();
    mGroupWatch.start(kGroupSampleBusyMs);
    return {};
}

Result<void> Instance::startCustom()
{
    if (!QFileInfo(mSpec.sourceDirectory).isDir())
        return Error{tr("the source folder %1 does not exist").arg(mSpec.sourceDirectory)};
    startLogStream();
    mApi = new RuntimeApi(this);
    if (const Result<void> listening = mApi->listen(); !listening)
        return listening.error();
    connect(mApi, &RuntimeApi::ready, this, [this] { onWorkerReady({}); });
    connect(mApi, &RuntimeApi::responded, this,
            [this](const QString &id, const QByteArray &body) { onRuntimeAnswer(id, true, body, {}); });
    connect(mApi, &RuntimeApi::failed, this,
            [this](const QString &id, const QJsonObject &error) { onRuntimeAnswer(id, false, {}, error); });
    connect(mApi, &RuntimeApi::streamed, this, &Instance::streamed);
    connect(mApi, &RuntimeApi::initFailed, this, [this](const QJsonObject &error) {
        // As on Lambda: the environment that failed its init ends, and so does the invocation.
        if (!mCurrent)
            mStartFailure = error;
        failWith(error, true);
    });
    if (runsOnRuntimeClient(mSpec.runtime)) {
        spawnRuntimeClient();
        return {};
    }
    if (!GoBuild::isNeeded(mSpec.sourceDirectory)) {
        spawnBootstrap();
        return {};
    }
    auto *build = new GoBuild(mSpec.sourceDirectory, this);
    connect(build, &GoBuild::finished, this, [this, build](const QJsonObject &error) {
        build->deleteLater();
        emit built();
        if (!error.isEmpty())
            failToStart(error);
        else if (mState != State::Stopped)
            spawnBootstrap();
    });
    emit building();
    build->start();
    return {};
}

void Instance::spawnBootstrap()
{
    QString bootstrap = QDir(mSpec.sourceDirectory).filePath(u"bootstrap"_s);
    // As Lambda does, a function without a bootstrap of its own runs /opt/bootstrap: a
    // custom runtime that a layer brings.
    if (!QFileInfo::exists(bootstrap)) {
        for (const QString &layer : layerPaths(mSpec).opt) {
            if (QFileInfo(layer + "/bootstrap"_L1).isFile()) {
                bootstrap = layer + "/bootstrap"_L1;
                break;
            }
        }
    }
    const QFileInfo info(bootstrap);
    auto entrypoint = [](const QString &message) {
        return QJsonObject{{u"errorType"_s, u"Runtime.InvalidEntrypoint"_s},
                           {u"errorMessage"_s, message},
                           {u"stackTrace"_s, QJsonArray()}};
    };
    // Lambda's own words for a bootstrap it cannot run.
    if (!info.isFile())
        return failToStart(entrypoint(tr("Couldn't find valid bootstrap(s): [%1]").arg(bootstrap)));
    if (!info.isExecutable())
        return failToStart(
            entrypoint(tr("fork/exec %1: permission denied (the bootstrap must be executable: chmod +x bootstrap)")
                           .arg(bootstrap)));

    spawnWorker(bootstrap, {});
}

void Instance::spawnRuntimeClient()
{
    // The interpreter of the runtime's version (a JDK's java, dotnet); another version
    // runs the function with a warning in its first invocation's log.
    const RuntimeLocator::Interpreter located = RuntimeLocator::locate(mSpec.runtime);
    if (!located.found()) {
        return failToStart(QJsonObject{
            {u"errorType"_s, u"Runtime.InvalidEntrypoint"_s},
            {u"errorMessage"_s,
             RuntimeLocator::mismatchWarning(located) + u": "_s
                 + (mSpec.runtime.startsWith("java"_L1)
                        ? tr("install a JDK of that version (Debian: openjdk-%1-jdk-headless) or "
                             "set JAVA_HOME")
                              .arg(located.wanted)
                        : tr("install the .NET %1 runtime (dotnet) or set DOTNET_ROOT").arg(located.wanted))},
            {u"stackTrace"_s, QJsonArray()}});
    }
    mVersionWarning = RuntimeLocator::mismatchWarning(located);
    const Result<Command> command = runtimeClientCommand(mSpec, located.path);
    if (!command) {
        return failToStart(QJsonObject{{u"errorType"_s, u"Runtime.InvalidEntrypoint"_s},
                                       {u"errorMessage"_s, command.errorMessage()},
                                       {u"stackTrace"_s, QJsonArray()}});
    }
    spawnWorker(command->program, command->arguments);
}

void Instance::spawnWorker(const QString &program, const QStringList &arguments)
{
    auto entrypoint = [](const QString &message) {
        return QJsonObject{{u"errorType"_s, u"Runtime.InvalidEntrypoint"_s},
                           {u"errorMessage"_s, message},
                           {u"stackTrace"_s, QJsonArray()}};
    };
    QProcessEnvironment env;
    for (const auto &[name, value] : functionEnvironment())
        env.insert(name, value);
    env.insert(u"AWS_LAMBDA_RUNTIME_API"_s, mApi->address());
    mProcess = new QProcess(this);
    mProcess->setProcessEnvironment(env);
    mProcess->setWorkingDirectory(mSpec.sourceDirectory);
    mProcess->setProcessChannelMode(QProcess::MergedChannels);
    // The bootstrap leads its own process group, as the interpreters do.
    mProcess->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(mProcess, &QProcess::readyReadStandardOutput, this, &Instance::onOutput);
    connect(mProcess, &QProcess::finished, this, &Instance::onExited);
    mSpawnClock.start();
    mProcess->start(program, arguments);
    if (!mProcess->waitForStarted(5000)) {
        const QString why = mProcess->errorString();
        mProcess->disconnect(this);
        mProcess->deleteLater();
        mProcess = nullptr;
        return failToStart(entrypoint(tr("fork/exec %1: %2").arg(program, why)));
    }
    mGroup = pid_t(mProcess->processId());
    mDeadline.start(kInitTimeoutMs);
    mMemoryWatch.start();
    mGroupWatch.start(kGroupSampleBusyMs);
}

void Instance::failToStart(const QJsonObject &error)
{
    mStartFailure = error;
    // Never inside start() or invoke(): the caller learns of it through finished().
    QTimer::singleShot(0, this, [this] {
        if (mCurrent)
            failWith(*mStartFailure, true);
        else
            mState = State::Stopped;
    });
}

void Instance::onRuntimeAnswer(const QString &requestId, bool ok, const QByteArray &body, const QJsonObject &error)
{
    if (!mCurrent || requestId != mCurrent->requestId)
        return;
    // The runtime wrote its logs before it answered: take all that is in the pipe.
    while (mProcess && mProcess->waitForReadyRead(0))
        onOutput();
    onOutput();
    InvocationResult result = *mCurrent;
    result.ok = ok;
    if (ok)
        result.resultJson = body;
    else
        result.error = error;
    complete(result);
}

void Instance::send(const QJsonObject &message)
{
    if (!mChannel)
        return;
    sendFrame(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void Instance::sendFrame(const QByteArray &body)
{
    if (!mChannel)
        return;
    QByteArray framed(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(body.size()), framed.data());
    framed += body;
    mChannel->write(framed);
    // Written now, in one call, rather than on the event loop's next pass.
    mChannel->flush();
}

void Instance::invoke(const QString &requestId, const JsonText &eventJson, const InjectedFault &fault)
{
    Q_ASSERT(!mCurrent);
    InvocationResult result;
    result.functionName = mSpec.name;
    result.requestId = requestId;
    result.startedAt = QDateTime::currentDateTimeUtc();
    result.memorySizeMB = mSpec.memoryMB;
    result.coldStart = mServed == 0;
    if (!mSecretsKnown) {
        mSecretValues = mSpec.secretValues();
        mSecretsKnown = true;
    }
    result.secrets = mSecretValues;
    if (result.coldStart && !mVersionWarning.isEmpty())
        result.logs.append(u"%1\t%2\tWARNING\t%3"_s.arg(isoNow(), requestId, mVersionWarning));
    mCurrent = result;
    mStreamBody.clear();
    mFault = fault;
    mPendingEvent = eventJson.text();
    mPendingEventIsOneValue = eventJson.isKnownOneValue();
    mState = State::Busy;
    if (mStartFailure) {
        QTimer::singleShot(0, this, [this] {
            if (mCurrent)
                failWith(*mStartFailure, true);
        });
        return;
    }
    if (mReady)
        dispatch();
    else
        mWaitClock.start();
}

void Instance::dispatch()
{
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(mSpec.timeoutSeconds) * 1000;
    auto context = [this] {
        return QJsonObject{
            {u"functionName"_s, mSpec.name},
            {u"invokedFunctionArn"_s, u"arn:aws:lambda:%1:000000000000:function:%2"_s.arg(mSpec.region, mSpec.name)},
            {u"memoryLimitInMB"_s, mSpec.memoryMB},
            {u"logGroupName"_s, u"/aws/lambda/"_s + mSpec.name},
            {u"logStreamName"_s, mLogStream}};
    };
    QJsonObject message; // the frame as an object, when it is not written as bytes
    // The worker's frame, written as bytes around the event, which is JSON already:
    // writing it again cost a warm invocation more than the rest of its frame.
    QByteArray frame;
    // The event must be one JSON value for its bytes to be written as they are: anything
    // else ("1,2", a text with quotes in it) would end the worker's parse of the frame, or
    // set its other keys. Known for text QJsonDocument wrote (the gateway's events); other
    // text is checked by parsing it, which is still cheaper than writing it again.
    const bool direct = !mApi && mFault.latencyMs <= 0 && mFault.kind == InjectedFault::Kind::None;
    QJsonDocument event;
    bool oneValue = mPendingEventIsOneValue;
    if (!oneValue || !direct) {
        event = QJsonDocument::fromJson("[" + mPendingEvent + "]");
        oneValue = event.isArray() && event.array().size() == 1;
    }
    if (oneValue && direct) {
        if (mContextJson.isEmpty())
            mContextJson = QJsonDocument(context()).toJson(QJsonDocument::Compact);
        frame = R"({"type":"invoke","requestId":)"
                + QJsonDocument(QJsonArray{mCurrent->requestId}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
                + R"(,"deadlineMs":)" + QByteArray::number(deadline) + R"(,"context":)" + mContextJson + R"(,"event":)"
                + mPendingEvent + '}';
    } else {
        // The event goes as a JSON value; parsing it here keeps one framing for both sides.
        // Bytes that are not one value are no event (null), never a part of the frame.
        message = QJsonObject{{u"type"_s, u"invoke"_s},
                              {u"requestId"_s, mCurrent->requestId},
                              {u"deadlineMs"_s, double(deadline)},
                              {u"context"_s, context()}};
        if (oneValue)
            message.insert(u"event"_s, event.array().at(0));
        else if (!mPendingEvent.trimmed().isEmpty())
            message.insert(u"event"_s, QJsonValue(QJsonValue::Null));
    }
    mApiEvent = mPendingEvent;
    mPendingEvent.clear();
    mPendingEventIsOneValue = false;
    if (mWaitClock.isValid()) {
        mCurrent->studioStartMs = mWaitClock.nsecsElapsed() / 1e6;
        mCurrent->spareWorker = mFromSpare;
        mWaitClock.invalidate();
    }
    mMemoryWatch.start();
    mGroupWatch.start(kGroupSampleBusyMs);
    mInvokeClock.start();
    mDeadline.start(mSpec.timeoutSeconds * 1000);
    if (!frame.isEmpty()) {
        sendFrame(frame);
        return;
    }
    if (mFault.latencyMs <= 0 && mFault.kind == InjectedFault::Kind::None) {
        deliver(message);
        return;
    }
    // Later even without latency: an injected end must not finish the invocation before
    // invoke() has returned.
    QTimer::singleShot(std::max(mFault.latencyMs, 0), Qt::PreciseTimer, this,
                       [this, message, id = mCurrent->requestId] {
        // Unless the invocation ended meanwhile (its timeout, a cancel).
        if (mCurrent && mCurrent->requestId == id)
            deliver(message);
    });
}

void Instance::deliver(const QJsonObject &message)
{
    switch (mFault.kind) {
    case InjectedFault::Kind::None:
        if (mApi) {
            const QJsonObject context = message.value("context"_L1).toObject();
            RuntimeApi::Invocation invocation;
            invocation.requestId = mCurrent->requestId;
            invocation.event = std::exchange(mApiEvent, {});
            invocation.deadlineMs = qint64(message.value("deadlineMs"_L1).toDouble());
            invocation.functionArn = context.value("invokedFunctionArn"_L1).toString();
            mApi->deliver(invocation);
        } else {
            send(message);
        }
        return;
    case InjectedFault::Kind::Error: {
        // As a handler's `throw new Error("Injected fault")` comes back.
        InvocationResult result = *mCurrent;
        result.ok = false;
        result.error = QJsonObject{{u"errorType"_s, u"Error"_s},
                                   {u"errorMessage"_s, u"Injected fault"_s},
                                   {u"stackTrace"_s, QJsonArray{u"Error: Injected fault"_s}}};
        complete(result);
        return;
    }
    case InjectedFault::Kind::Timeout: return; // the deadline ends it, as it ends a handler that runs too long
    case InjectedFault::Kind::Crash:
        fail(u"Runtime.ExitError"_s, tr("Runtime exited with error: signal: killed (injected fault)"), true);
        return;
    case InjectedFault::Kind::OutOfMemory:
        fail(u"Runtime.OutOfMemory"_s,
             tr("Runtime exited with error: signal: killed (injected fault: out of memory at %1 MB)")
                 .arg(mSpec.memoryMB),
             true);
        return;
    }
}

void Instance::onFrame(const QByteArray &frame)
{
    // A result's frame is a head of one line and the result's JSON text after it, as the
    // worker wrote it: not escaped into a string of the head, and so not read back out of one.
    const qsizetype newline = frame.indexOf('\n');
    const QJsonObject message = QJsonDocument::fromJson(newline < 0 ? frame : frame.first(newline)).object();
    const QString type = message.value("type"_L1).toString();
    if (type == "ready"_L1 || type == "initError"_L1) {
        onWorkerReady(message.value("imports"_L1).toArray());
        return;
    }
    if (type == "spare"_L1) {
        mSpareReady = true;
        return;
    }
    if (!mCurrent || message.value("requestId"_L1).toString() != mCurrent->requestId)
        return;
    // A streamed response (awslambda.streamifyResponse): its bytes as the handler writes them.
    if (type == "chunk"_L1) {
        const QByteArray chunk = QByteArray::fromBase64(message.value("data"_L1).toString().toLatin1());
        mStreamBody += chunk;
        emit streamed(mCurrent->requestId, chunk);
        return;
    }
    // The worker wrote its logs before its result, so they are all in the pipe by now;
    // drain it completely (it may hold up to a pipe buffer's worth) before answering.
    while (mProcess->waitForReadyRead(0))
        onOutput();
    onOutput();
    InvocationResult result = *mCurrent;
    if (type == "result"_L1) {
        result.ok = true;
        result.resultJson = message.value("streamed"_L1).toBool() ? mStreamBody
                            : newline >= 0                        ? frame.sliced(newline + 1)
                                                                  : QByteArray();
    } else {
        result.ok = false;
        result.error = message.value("error"_L1).toObject();
    }
    complete(result);
}

void Instance::onWorkerReady(const QJsonArray &imports)
{
    mReady = true;
    mDeadline.stop();
    // From spawning the interpreter (or the bootstrap) to the handler loaded: what a cold
    // start costs. A custom runtime is ready when it first asks for an invocation.
    mInitDurationMs = mSpawnClock.nsecsElapsed() / 1e6;
    mImports = importTimings(imports, mSpec.sourceDirectory);
    if (mCurrent && !mPendingEvent.isNull())
        dispatch();
    else if (!mCurrent) {
        mState = State::Idle;
        mMemoryWatch.stop();
        mGroupWatch.start(kGroupSampleIdleMs);
    }
}

void Instance::onOutput()
{
    if (!mProcess)
        return;
    mPartialLine += mProcess->readAllStandardOutput();
    int newline;
    while ((newline = mPartialLine.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(mPartialLine.left(newline));
        mPartialLine.remove(0, newline + 1);
        if (mCurrent)
            mCurrent->logs.append(u"%1\t%2\t%3"_s.arg(isoNow(), mCurrent->requestId, line));
    }
}

void Instance::sampleMemory()
{
    if (!mProcess || mProcess->state() != QProcess::Running)
        return;
    // The resident set only (statm, cheap): the kernel's peak (VmHWM, which /proc renders
    // with the whole status) is read once the invocation is over, in complete().
    const int rss = residentSetMB();
    mPeakRssMB = std::max(mPeakRssMB, rss);
    if (rss > mSpec.memoryMB)
        fail(u"Runtime.OutOfMemory"_s,
             tr("Runtime exited with error: the function used %1 MB, more than its memory size of %2 MB")
                 .arg(rss)
                 .arg(mSpec.memoryMB),
             true);
}

qsizetype Instance::readProcFile(ProcFile &file, qint64 pid, const char *name, char *buffer, qsizetype size)
{
    // A file of another process (its number used again) fails to read: opened once more.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (file.pid != pid || file.fd < 0) {
            closeProcFile(file);
            file.fd = ::open(QByteArray("/proc/" + QByteArray::number(pid) + '/' + name).constData(),
                             O_RDONLY | O_CLOEXEC);
            file.pid = pid;
            if (file.fd < 0)
                return -1;
        }
        const ssize_t read = ::pread(file.fd, buffer, size_t(size - 1), 0);
        if (read > 0) {
            buffer[read] = '\0';
            return read;
        }
        closeProcFile(file);
    }
    return -1;
}

void Instance::closeProcFile(ProcFile &file)
{
    if (file.fd >= 0)
        ::close(file.fd);
    file.fd = -1;
}

int Instance::residentSetMB()
{
    const qint64 pid = mProcess ? mProcess->processId() : 0;
    char text[128];
    if (pid <= 0 || readProcFile(mStatm, pid, "statm", text, sizeof text) < 0)
        return -1;
    // "size resident shared ...", in pages.
    const char *resident = std::strchr(text, ' ');
    if (!resident)
        return -1;
    static const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
    const qint64 pages = std::strtoll(resident + 1, nullptr, 10);
    return int((pages * pageSize + (1 << 20) - 1) >> 20);
}

QPair<int, int> Instance::residentMemoryMB()
{
    // The peak (VmHWM) is only in status, which the kernel renders in full.
    const qint64 pid = mProcess ? mProcess->processId() : 0;
    char text[4096];
    if (pid <= 0 || readProcFile(mStatus, pid, "status", text, sizeof text) < 0)
        return {-1, -1};
    auto megabytes = [&text](const char *key) { // "\nVmRSS:\t    1234 kB"
        const char *line = std::strstr(text, key);
        return line ? int((std::strtoll(line + std::strlen(key), nullptr, 10) + 1023) / 1024) : -1;
    };
    return {megabytes("\nVmRSS:"), megabytes("\nVmHWM:")};
}

void Instance::watchGroup()
{
    if (!mProcess || mProcess->state() != QProcess::Running)
        return;
    // The worker leads the group; what it started stays in it even once orphaned (a
    // fork bomb's parents exit at once), which a walk of the worker's children misses.
    const GroupUsage usage = groupUsage(pid_t(mGroup));
    if (usage.processes - 1 > kMaxProcesses)
        fail(u"Runtime.TooManyProcesses"_s,
             tr("Runtime exited with error: the function started more than %1 processes").arg(kMaxProcesses), true);
    else if (usage.threads > kMaxThreads)
        fail(u"Runtime.TooManyProcesses"_s,
             tr("Runtime exited with error: the function ran more than %1 threads").arg(kMaxThreads), true);
}

void Instance::complete(InvocationResult result)
{
    mDeadline.stop();
    result.durationMs = mInvokeClock.isValid() ? mInvokeClock.nsecsElapsed() / 1e6 : 0;
    result.billedDurationMs = qint64(std::ceil(result.durationMs));
    if (result.billedDurationMs < 1)
        result.billedDurationMs = 1;
    // The kernel's peak is read on a cold start, after every 16th invocation, and whenever
    // the run was long enough to be sampled; between those, the resident set (cheap).
    const bool withPeak = result.coldStart || mServed % 16 == 0 || result.durationMs >= kMemorySampleMs;
    const auto [rss, peak] = !mProcess  ? QPair<int, int>{-1, -1}
                             : withPeak ? residentMemoryMB()
                                        : QPair<int, int>{residentSetMB(), -1};
    mPeakRssMB = std::max({mPeakRssMB, rss, peak});
    result.maxMemoryUsedMB = std::min(std::max(mPeakRssMB, 1), mSpec.memoryMB);
    if (result.coldStart) {
        result.initDurationMs = mInitDurationMs;
        result.imports = mImports;
    }
    mCurrent.reset();
    mInvokeClock.invalidate();
    mMemoryWatch.stop(); // an idle worker is not sampled; its peak (VmHWM) is kept by the kernel
    ++mServed;
    if (mState != State::Stopped) {
        mState = State::Idle;
        mGroupWatch.start(kGroupSampleIdleMs);
    }
    emit finished(result);
    if (mStopAfterCurrent)
        stop();
}

void Instance::cancel()
{
    if (mCurrent)
        fail(u"Cancelled"_s, tr("the invocation was cancelled before it finished"), true);
}

void Instance::fail(const QString &type, const QString &message, bool kill)
{
    failWith(QJsonObject{{u"errorType"_s, type}, {u"errorMessage"_s, message}, {u"stackTrace"_s, QJsonArray()}}, kill);
}

void Instance::failWith(const QJsonObject &error, bool kill)
{
    if (mApi)
        mApi->abandon();
    if (kill && mProcess) {
        mProcess->disconnect(this);
        killGroup(mProcess, pid_t(mGroup));
        mProcess->waitForFinished(1000);
        onOutput();
    } else if (mGroup > 0) {
        // The worker ended by itself (a crash, process.exit): what it started ends too.
        ::kill(-pid_t(mGroup), SIGKILL);
    }
    mState = State::Stopped;
    mMemoryWatch.stop();
    mGroupWatch.stop();
    if (mCurrent) {
        InvocationResult result = *mCurrent;
        result.ok = false;
        result.error = error;
        complete(result);
    }
    emit stopped();
}

void Instance::onExited(int exitCode, int exitStatus)
{
    onOutput();
    closeProcFile(mStatm);
    closeProcFile(mStatus);
    if (mState == State::Stopped)
        return;
    const QString how = exitStatus == QProcess::CrashExit ? tr("signal: the worker crashed")
                                                          : tr("exit status %1").arg(exitCode);
    QString message = tr("Runtime exited with error: %1").arg(how);
    // A JVM without Lambda's Java runtime interface client says so in its own words.
    const bool noJavaClient = mCurrent
                              && std::any_of(mCurrent->logs.cbegin(), mCurrent->logs.cend(), [](const QString &line) {
                                     return line.contains("main class "_L1 + QLatin1String(kJavaRuntimeClientClass));
                                 });
    if (noJavaClient) {
        message += u". "_s
                   + tr("The Java runtime interface client is not on the class path: add "
                        "com.amazonaws:aws-lambda-java-runtime-interface-client to the function's build (its jar in "
                        "lib/, target/dependency/ or a shaded jar), or put its jars in %1")
                         .arg(QDir::toNativeSeparators(runtimeClientDirectory(mSpec.runtime)));
    }
    fail(u"Runtime.ExitError"_s, message, false);
}

void Instance::stop()
{
    if (mCurrent) {
        mStopAfterCurrent = true;
        return;
    }
    if (mState == State::Stopped)
        return;
    mState = State::Stopped;
    mMemoryWatch.stop();
    mGroupWatch.stop();
    mDeadline.stop();
    if (mProcess) {
        mProcess->disconnect(this);
        // Closing the channel ends the worker's loop; a kill a moment later is the
        // fallback. Nothing here waits, so the caller's thread never blocks.
        if (mChannel)
            mChannel->close();
        QProcess *process = mProcess;
        const pid_t group = pid_t(process->processId());
        // Whatever the worker started goes with it, even when it ends on its own.
        connect(process, &QProcess::finished, process, [process, group] {
            ::kill(-group, SIGKILL);
            process->deleteLater();
        });
        // A custom runtime has no channel to close: it is asked to end (SIGTERM).
        if (!mChannel)
            process->terminate();
        QTimer::singleShot(500, process, [process, group] { killGroup(process, group); });
        mProcess = nullptr;
    }
    emit stopped();
}

} // namespace Nimbus
