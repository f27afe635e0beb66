#pragma once

#include "functionspec.h"
#include "injectedfault.h"
#include "invocationresult.h"
#include "jsontext.h"
#include "result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

class QLocalSocket;
class QProcess;

namespace Nimbus {

class RuntimeApi;

// One warm worker of one function: a `node` or `python3` process running the bootstrap
// from resources/runtime, invoked over a private socket (fd 3 in the worker); or, for the
// custom runtimes (provided.al2023, provided.al2), the function's own `bootstrap`
// executable, invoked through a Lambda Runtime API of its own (RuntimeApi), built first
// with `go build` when it is a Go function (GoBuild). stdout and stderr become log lines. The instance enforces the
// timeout (kill at the deadline) and the memory size (the worker's resident set is watched every 20 ms and the worker
// killed above it: an address-space rlimit would break V8, which reserves far more virtual memory than it uses). The
// worker leads its own process group: the group's processes and threads are counted and the whole group killed past a
// bound, at a timeout, above the memory size and when the worker ends.
class Instance : public QObject
{
    Q_OBJECT

public:
    // Spare: a worker started before any function needs it (bind() makes it one).
    enum class State { Starting, Idle, Busy, Stopped, Spare };

    explicit Instance(const FunctionSpec &spec, QObject *parent = nullptr);
    ~Instance() override;

    // Spawns the worker; an error when it cannot start at all. What goes wrong later (the
    // worker dies, a timeout) arrives as a failed InvocationResult through finished().
    Result<void> start();
    // A spare worker of this runtime: the interpreter and the bootstrap started with the
    // runtime's variables only, waiting for bind() to name its function. A Node.js spare's
    // heap is sized for memoryMB (nodeArguments), as its function's worker would be.
    static Result<Instance *> startSpare(const QString &runtime, int memoryMB, QObject *parent);
    // Makes a spare the worker of spec: its variables and folder go to the worker, which
    // loads the handler now; the Init Duration then measures that load only. False when
    // this is not a running spare, or a Node.js spare whose heap was sized for another
    // memory size.
    bool bind(const FunctionSpec &spec);
    // Whether a spare can become spec's worker: a variable read as the interpreter
    // starts (NODE_OPTIONS, PYTHON*, LD_PRELOAD...) needs a worker started with it.
    static bool canUseSpare(const FunctionSpec &spec);
    // A spare whose interpreter and bootstrap are loaded (it said so): bound now, it only
    // loads the handler. One still starting can be bound too, but pays for the rest of its start.
    bool isSpareReady() const { return mState == State::Spare && mSpareReady; }
    // What Lambda's Node.js runtimes start node with (their bootstrap): global.gc, 80 KB
    // HTTP headers, and a heap sized from the function's memory (a tenth for the young
    // generation, half of that a semi-space, the rest the old generation), so that V8
    // collects within the memory size instead of growing past it.
    static QStringList nodeArguments(int memoryMB);
    // The interpreter a runtime's workers run: spares of one kind serve any of its runtimes.
    static QString interpreterOf(const QString &runtime);
    // Runs one invocation; it waits for the worker to be ready when it is still starting.
    // fault: an injected latency is waited before the handler runs (counted in the
    // invocation's duration and timeout); an injected error, timeout, crash or memory
    // overrun takes the handler's place.
    void invoke(const QString &requestId, const JsonText &eventJson, const InjectedFault &fault = {});
    // Ends the worker: at once, or when the current invocation is over.
    void stop();
    // The request running now, if any.
    QString currentRequest() const { return mCurrent ? mCurrent->requestId : QString(); }
    // Ends the running invocation now (its worker and what it started with it): it
    // finishes failed, as "Cancelled". Nothing happens when none runs.
    void cancel();

    State state() const { return mState; }
    qint64 processId() const;

    static QString bootstrapPath(const QString &runtime);
    // A custom runtime: the function's folder holds the `bootstrap` that runs it.
    static bool isCustomRuntime(const QString &runtime);
    // Java and .NET: Lambda's runtime interface client of the language (the user's) runs
    // the handler, talking to the Runtime API as a custom runtime's bootstrap does.
    static bool runsOnRuntimeClient(const QString &runtime);
    // The Java runtime interface client's entry point, as Lambda's Java runtimes start it.
    static constexpr const char *kJavaRuntimeClientClass = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    // Where a user puts the runtime interface client a function does not bundle:
    // runtimes/java (its jars) and runtimes/dotnet (Amazon.Lambda.RuntimeSupport.dll)
    // in the data folder.
    static QString runtimeClientDirectory(const QString &runtime);
    // The program and arguments that start a Java or .NET function's runtime client, or
    // an error saying what the user needs (the interpreter, a build of the code).
    struct Command
    {
        QString program;
        QStringList arguments;
    };
    static Result<Command> runtimeClientCommand(const FunctionSpec &spec, const QString &interpreter);
    // The AWS SDK for JavaScript v3 that workers may import (scripts/setup.sh installs it).
    static QString sdkDirectory();

    // Where a function's layers go on the search paths, each list in lookup order (the
    // last layer first, as its files win in Lambda's /opt): NODE_PATH's nodejs/node<major>
    // and nodejs/node_modules, PYTHONPATH's python/lib/python3.x/site-packages and python,
    // PATH's bin, LD_LIBRARY_PATH's lib, and the folders themselves (what stands for /opt).
    struct LayerPaths
    {
        QStringList nodePath;
        QStringList pythonPath;
        QStringList binPath;
        QStringList libraryPath;
        QStringList opt;
    };
    static LayerPaths layerPaths(const FunctionSpec &spec);

signals:
    void finished(const Nimbus::InvocationResult &result);
    void stopped();
    // A Go function's bootstrap is being built in its folder / was built: what changes
    // there meanwhile is the build's, not new code.
    void building();
    void built();
    // A streamed response (a custom runtime's, or a Node.js handler's made with
    // awslambda.streamifyResponse), chunk by chunk, before finished() carries it whole.
    void streamed(const QString &requestId, const QByteArray &chunk);

private:
    void onFrame(const QByteArray &frame);
    void onOutput();
    void onExited(int exitCode, int exitStatus);
    void send(const QJsonObject &message);
    void dispatch();
    // Sends the invocation to the worker, or acts out the injected fault instead.
    void deliver(const QJsonObject &message);
    void fail(const QString &type, const QString &message, bool kill);
    void failWith(const QJsonObject &error, bool kill);
    void onWorkerReady(const QJsonArray &imports);
    // Custom runtimes: the Runtime API, the build, the bootstrap and their answers.
    Result<void> startCustom();
    void spawnBootstrap();
    void spawnRuntimeClient();
    void spawnWorker(const QString &program, const QStringList &arguments);
    void failToStart(const QJsonObject &error);
    void onRuntimeAnswer(const QString &requestId, bool ok, const QByteArray &body, const QJsonObject &error);
    void startLogStream();
    void complete(InvocationResult result);
    void sampleMemory();
    void watchGroup();
    // The variables of the function's worker: its own and those Lambda's runtime sets.
    QList<QPair<QString, QString>> functionEnvironment() const;

    FunctionSpec mSpec;
    QProcess *mProcess = nullptr;
    QLocalSocket *mChannel = nullptr;
    RuntimeApi *mApi = nullptr; // custom runtimes only
    QByteArray mApiEvent; // the event handed to the Runtime API
    std::optional<QJsonObject> mStartFailure; // a bootstrap that could not be built or started
    QByteArray mInbox;
    QByteArray mPartialLine;
    State mState = State::Starting;
    int mServed = 0;

    QElapsedTimer mSpawnClock;
    std::optional<double> mInitDurationMs; // reported once, on the first invocation
    QJsonArray mImports; // the handler's import timings, reported with it
    bool mReady = false;
    std::optional<InvocationResult> mCurrent;
    bool mSpare = false; // started as a spare and not bound yet
    bool mSpareReady = false; // the spare's bootstrap waits for its function
    bool mFromSpare = false; // bound from a spare
    QString mLogStream;
    QElapsedTimer mWaitClock; // a cold invocation waiting for the worker
    QByteArray mPendingEvent;
    bool mPendingEventIsOneValue = false; // known without reading it (JsonText)
    InjectedFault mFault; // of the invocation running
    QElapsedTimer mInvokeClock;
    QTimer mDeadline;
    QTimer mMemoryWatch;
    QTimer mGroupWatch;
    qint64 mGroup = 0; // the worker's process group, still known once the worker is gone
    int mPeakRssMB = 0;
    // The worker's /proc/PID/statm and status, kept open while it runs: its resident set
    // (statm) is read at the end of every invocation, its peak (status) at every 16th, and
    // opening a file cost more than reading it.
    struct ProcFile
    {
        int fd = -1;
        qint64 pid = 0;
    };
    // Reads the file of pid's /proc folder into buffer, NUL-ended; its length, or -1.
    static qsizetype readProcFile(ProcFile &file, qint64 pid, const char *name, char *buffer, qsizetype size);
    static void closeProcFile(ProcFile &file);
    int residentSetMB();
    // The resident set and its peak (VmRSS, VmHWM) in MB, -1 each when unknown.
    QPair<int, int> residentMemoryMB();
    ProcFile mStatm;
    ProcFile mStatus;
    // Written once per worker: what each invocation's frame repeats.
    void sendFrame(const QByteArray &body);
    QByteArray mContextJson;
    QStringList mSecretValues;
    bool mSecretsKnown = false;
    bool mStopAfterCurrent = false;
    QString mVersionWarning; // the interpreter is not of the runtime's version
    QByteArray mStreamBody; // a streamed response's bytes so far
};

} // namespace Nimbus
