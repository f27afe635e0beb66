// `nimbus serve` runs the local cloud of a project; `nimbus cloud` talks to it.

#include "commandline.h"

#include "cloud/awsendpoint.h"
#include "cloud/faults.h"
#include "cloud/gatewayserver.h"
#include "cloud/httpclient.h"
#include "cloud/localcloud.h"
#include "cloud/userpool.h"
#include "cloud/virtualclock.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/projectfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <csignal>
#include <limits>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

int gSignalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(gSignalPipe[1], &byte, 1);
}

QString defaultStateDirectory(const Project &project)
{
    return QDir(project.directory()).filePath(u".nimbus-cloud"_s);
}

// What `nimbus serve` left in its state folder: where its gateway listens and the
// token its control path asks for. Trusted only while that process runs and when the
// URL is plain http on this machine, so that a project from someone else cannot send
// the user's data elsewhere.
struct RunningCloud
{
    QString gateway;
    QByteArray token;
};

std::optional<RunningCloud> runningCloud(const QString &stateDirectory, QString *problem)
{
    const QString path = QDir(stateDirectory).filePath(u"server.json"_s);
    const QFileInfo info(path);
    if (!info.exists())
        return std::nullopt;
    // Written by this user's nimbus serve: a plain file of theirs that no one else can write.
    if (info.isSymLink() || !info.isFile() || info.ownerId() != ::getuid()
        || (info.permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther))) {
        *problem = CommandLine::tr("%1 is not a file nimbus serve wrote for you; it is not used").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return std::nullopt;
    const QJsonObject server = QJsonDocument::fromJson(file.readAll()).object();
    const qint64 pid = server.value("pid"_L1).toInteger();
    if (pid <= 0 || pid > std::numeric_limits<pid_t>::max() || ::kill(pid_t(pid), 0) != 0)
        return std::nullopt; // left behind by a process that is gone
    const QUrl url(server.value("gateway"_L1).toString(), QUrl::StrictMode);
    const QHostAddress host(url.host());
    if (!url.isValid() || url.scheme() != "http"_L1 || url.port() <= 0 || !url.path().isEmpty()
        || !url.userInfo().isEmpty()
        || (url.host() != "localhost"_L1 && !host.isLoopback() && !QNetworkInterface::allAddresses().contains(host))) {
        *problem = CommandLine::tr(
                       "%1 names %2, which is not the local cloud's address on this machine; it is not used")
                       .arg(file.fileName(), url.toString().left(200));
        return std::nullopt;
    }
    // A process id can be reused: the process must be a nimbus, as this one is.
    const QString program = QFile::symLinkTarget(u"/proc/%1/exe"_s.arg(pid));
    if (!program.isEmpty()
        && QFileInfo(program).fileName() != QFileInfo(QCoreApplication::applicationFilePath()).fileName())
        return std::nullopt;
    return RunningCloud{url.toString(), server.value("token"_L1).toString().toLatin1()};
}

// POSTs JSON to the running cloud's control path; the HTTP status, or 0 when unreachable.
long post(const QString &url, const QByteArray &token, const QByteArray &body, QByteArray *answer, QString *error)
{
    HttpClient::Request request;
    request.method = "POST";
    request.url = url;
    request.headers = {"Content-Type: application/json", QByteArray(GatewayServer::kTokenHeader) + ": " + token};
    request.body = body;
    const Result<HttpClient::Answer> got = HttpClient::exchange(request);
    if (!got) {
        *error = got.errorMessage();
        return 0;
    }
    *answer = got->body;
    return got->status;
}

// server.json: where `nimbus cloud` finds a running `nimbus serve`, and the token of its
// control path; for this user's eyes only.
bool writeServerFile(const QString &path, const QString &gateway, const QString &aws, const QByteArray &token,
                     QString *error)
{
    QSaveFile file(path);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(QJsonDocument(QJsonObject{{u"gateway"_s, gateway},
                                                {u"aws"_s, aws},
                                                {u"token"_s, QString::fromLatin1(token)},
                                                {u"pid"_s, qint64(QCoreApplication::applicationPid())}})
                          .toJson())
               > 0
        && file.commit();
    if (!written)
        *error = file.errorString();
    return written;
}

// One hop of the local cloud, as `nimbus serve` prints it once it has finished.
void printHop(QTextStream &err, const CloudLogEntry &e)
{
    if (!e.finished)
        return;
    // One text for the line, HH:mm:ss.zzz first: a busy cloud prints one for every
    // change, on the thread that serves them all (QTime::toString formats with asprintf).
    const QTime time = e.when.time();
    QString line(12, u':');
    auto digits = [&line](qsizetype at, int value, int count) {
        for (qsizetype i = at + count - 1; i >= at; --i, value /= 10)
            line[i] = QChar(u'0' + value % 10);
    };
    digits(0, time.hour(), 2);
    digits(3, time.minute(), 2);
    digits(6, time.second(), 2);
    line[8] = u'.';
    digits(9, time.msec(), 3);
    line += "  "_L1 + e.source + " -> "_L1 + (e.target.isEmpty() ? u"(no route)"_s : e.target);
    if (e.httpStatus)
        line += "  "_L1 + QString::number(e.httpStatus);
    if (e.kind == CloudLogEntry::Kind::Invocation)
        line += u"  %1 ms"_s.arg(e.durationMs, 0, 'f', 1);
    line += "  "_L1 + (e.ok ? QString() : u"FAILED "_s) + e.detail + u'\n';
    err << line;
}

// The options of `nimbus cloud` that some operations read.
struct OperationOptions
{
    int delaySeconds = 0;
    QString subject;
    QString contentType;
    QString from; // archive, replay: the time range
    QString to;
    QStringList rules; // replay: only to these rules
};

// A time of --from or --to in ISO 8601 (UTC when no zone is given), as the control path
// takes it; empty when text is empty, and false after saying on err what is wrong.
bool rangeTime(const QString &option, const QString &text, QString *time, QTextStream &err)
{
    if (text.isEmpty())
        return true;
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        err << "nimbus cloud: "
            << CommandLine::tr("--%1: '%2' is not an ISO 8601 date and time: use 2027-01-01T08:00:00Z")
                   .arg(option, text)
            << '\n';
        return false;
    }
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeSpec(Qt::UTC);
    *time = parsed.toUTC().toString(Qt::ISODateWithMs);
    return true;
}

// archive BUS, replay BUS: the bus and the range (a replay needs both ends), the rules.
int archiveBody(const QStringList &args, const OperationOptions &options, QByteArray *body, QTextStream &err)
{
    QString from, to;
    if (!rangeTime(u"from"_s, options.from, &from, err) || !rangeTime(u"to"_s, options.to, &to, err))
        return CommandLine::UsageError;
    QJsonObject request{{u"bus"_s, args.at(2)}, {u"from"_s, from}, {u"to"_s, to}};
    if (args.at(1) == "replay"_L1) {
        if (from.isEmpty() || to.isEmpty()) {
            err << "nimbus cloud: " << CommandLine::tr("replay needs --from and --to") << '\n';
            return CommandLine::UsageError;
        }
        request.insert(u"rules"_s, QJsonArray::fromStringList(options.rules));
        request.insert(u"name"_s, u"nimbus-cli-%1"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    }
    *body = QJsonDocument(request).toJson(QJsonDocument::Compact);
    return -1;
}

// put-event BUS FILE: the PutEvents entries of FILE (one entry or an array of them, '-'
// standard input); a Detail given as an object is sent as its JSON text, as the SDKs do.
int putEventBody(const QStringList &args, QByteArray *body, QTextStream &err)
{
    QFile file;
    const bool ok = args.at(3) == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly)
                                         : (file.setFileName(args.at(3)), file.open(QIODevice::ReadOnly));
    if (!ok) {
        err << "nimbus cloud: " << args.at(3) << ": " << file.errorString() << '\n';
        return CommandLine::InputError;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonArray given = document.isArray() ? document.array() : QJsonArray{document.object()};
    if (parseError.error != QJsonParseError::NoError || document.isEmpty() || given.isEmpty()) {
        err << "nimbus cloud: "
            << CommandLine::tr("%1 is not a JSON entry or an array of entries: %2")
                   .arg(args.at(3), parseError.errorString())
            << '\n';
        return CommandLine::InputError;
    }
    QJsonArray entries;
    for (const QJsonValue &value : given) {
        QJsonObject entry = value.toObject();
        if (entry.value("Detail"_L1).isObject())
            entry.insert(
                u"Detail"_s,
                QString::fromUtf8(QJsonDocument(entry.value("Detail"_L1).toObject()).toJson(QJsonDocument::Compact)));
        entries.append(entry);
    }
    *body = QJsonDocument(QJsonObject{{u"bus"_s, args.at(2)}, {u"entries"_s, entries}}).toJson(QJsonDocument::Compact);
    return -1;
}

// The JSON body of the control operation args.at(1) with its arguments; -1 to go on,
// else the exit code, after saying on err what is wrong.
int operationBody(const QStringList &args, const OperationOptions &options, QByteArray *body, QTextStream &err)
{
    const QString operation = args.at(1);
    if (operation == "send-message"_L1) {
        *body = QJsonDocument(QJsonObject{{u"queue"_s, args.at(2)},
                                          {u"body"_s, args.at(3)},
                                          {u"delaySeconds"_s, options.delaySeconds}})
                    .toJson(QJsonDocument::Compact);
    } else if (operation == "publish"_L1) {
        *body = QJsonDocument(
                    QJsonObject{{u"topic"_s, args.at(2)}, {u"message"_s, args.at(3)}, {u"subject"_s, options.subject}})
                    .toJson(QJsonDocument::Compact);
    } else if (operation == "put-object"_L1) {
        QFile file;
        const bool ok = args.at(4) == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly)
                                             : (file.setFileName(args.at(4)), file.open(QIODevice::ReadOnly));
        if (!ok) {
            err << "nimbus cloud: " << args.at(4) << ": " << file.errorString() << '\n';
            return CommandLine::InputError;
        }
        const QByteArray data = file.read(LocalCloud::kObjectLimit + 1);
        if (data.size() > LocalCloud::kObjectLimit) {
            err << "nimbus cloud: "
                << CommandLine::tr("%1 is over the %2 MB a single upload takes")
                       .arg(args.at(4))
                       .arg(LocalCloud::kObjectLimit >> 20)
                << '\n';
            return CommandLine::InputError;
        }
        *body = QJsonDocument(QJsonObject{{u"bucket"_s, args.at(2)},
                                          {u"key"_s, args.at(3)},
                                          {u"contentType"_s, options.contentType},
                                          {u"body"_s, QString::fromLatin1(data.toBase64())}})
                    .toJson(QJsonDocument::Compact);
    } else if (operation == "put-item"_L1 || operation == "delete-item"_L1) {
        QJsonParseError parseError;
        const QJsonDocument item = QJsonDocument::fromJson(args.at(3).toUtf8(), &parseError);
        if (!item.isObject()) {
            err << "nimbus cloud: "
                << CommandLine::tr("%1 is not a JSON object: %2").arg(args.at(3), parseError.errorString()) << '\n';
            return CommandLine::UsageError;
        }
        *body = QJsonDocument(QJsonObject{{u"table"_s, args.at(2)},
                                          {operation == "put-item"_L1 ? u"item"_s : u"key"_s, item.object()}})
                    .toJson(QJsonDocument::Compact);
    } else if (operation == "put-event"_L1) {
        return putEventBody(args, body, err);
    } else if (operation == "archive"_L1 || operation == "replay"_L1) {
        return archiveBody(args, options, body, err);
    } else if (operation == "advance"_L1) {
        if (const Result<qint64> duration = VirtualClock::parseDuration(args.at(2));
            !duration && args.at(2) != "next"_L1) {
            err << "nimbus cloud: " << duration.errorMessage() << '\n';
            return CommandLine::UsageError;
        }
        *body = QJsonDocument(QJsonObject{{u"by"_s, args.at(2)}}).toJson(QJsonDocument::Compact);
    } else if (args.size() == 2) { // clock, pause, run
        *body = "{}";
    } else {
        *body = QJsonDocument(QJsonObject{{u"schedule"_s, args.at(2)}}).toJson(QJsonDocument::Compact);
    }
    return -1;
}

// What `nimbus serve --clock paused --clock-start 2027-01-01T00:00:00Z` asks of the cloud's
// clock, set before it starts; false after saying on err what is wrong.
bool setClock(VirtualClock &clock, const QString &mode, const QString &start, QTextStream &err)
{
    if (mode != "paused"_L1 && mode != "running"_L1) {
        err << "nimbus serve: " << CommandLine::tr("--clock takes paused or running, not '%1'").arg(mode) << '\n';
        return false;
    }
    if (!start.isEmpty()) {
        QDateTime time = QDateTime::fromString(start, Qt::ISODateWithMs);
        if (!time.isValid()) {
            err << "nimbus serve: "
                << CommandLine::tr("--clock-start: '%1' is not an ISO 8601 date and time: use 2027-01-01T02:00:00Z")
                       .arg(start)
                << '\n';
            return false;
        }
        // A time without a zone is taken as UTC, the cloud's.
        if (time.timeSpec() == Qt::LocalTime)
            time.setTimeSpec(Qt::UTC);
        clock.set(time);
    }
    if (mode == "paused"_L1)
        clock.pause();
    return true;
}

// archive: prints the events of the first answer, one JSON line each, and asks for the rest
// while an answer says it was cut; CommandLine::Success when every event was printed.
int printArchive(const QString &url, const QByteArray &token, const QByteArray &body, QJsonObject page,
                 QTextStream &out, QTextStream &err)
{
    QJsonObject request = QJsonDocument::fromJson(body).object();
    qint64 printed = 0;
    qint64 after = 0;
    qint64 total = 0;
    for (;;) {
        total = page.value("total"_L1).toInteger(total);
        for (const QJsonValue &event : page.value("events"_L1).toArray()) {
            out << QString::fromUtf8(QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact)) << '\n';
            ++printed;
        }
        if (!page.value("truncated"_L1).toBool())
            return CommandLine::Success;
        // Each page starts after the last event of the one before, so that every event comes once.
        const qint64 next = page.value("next"_L1).toInteger(-1);
        QString problem;
        if (next <= after) {
            problem = CommandLine::tr("the answer was cut without saying where the rest begins");
        } else {
            after = next;
            request.insert(u"after"_s, next);
            QByteArray answer;
            const long status = post(url, token, QJsonDocument(request).toJson(QJsonDocument::Compact), &answer,
                                     &problem);
            page = QJsonDocument::fromJson(answer).object();
            if (status == 200)
                continue;
            if (status != 0)
                problem = page.value("error"_L1).toString();
        }
        out.flush();
        err << "nimbus cloud: " << problem << '\n'
            << "nimbus cloud: "
            << CommandLine::tr("the archive's listing stopped after %1 of %2 event(s)").arg(printed).arg(total) << '\n';
        return CommandLine::ValidationErrors;
    }
}

// replay: asks how far the replay got until it ends, then prints its counts; CommandLine::Success
// when it completed.
int waitForReplay(const QString &gateway, const QByteArray &token, const QString &replay, QTextStream &out,
                  QTextStream &err)
{
    const QString url = gateway + QLatin1String(GatewayServer::kControlPrefix) + "replay-status"_L1;
    const QByteArray body = QJsonDocument(QJsonObject{{u"name"_s, replay}}).toJson(QJsonDocument::Compact);
    for (;;) {
        QByteArray answer;
        QString error;
        const long status = post(url, token, body, &answer, &error);
        const QJsonObject replayed = QJsonDocument::fromJson(answer).object();
        if (status != 200) {
            err << "nimbus cloud: " << (status == 0 ? error : replayed.value("error"_L1).toString()) << '\n';
            return status == 0 ? CommandLine::InputError : CommandLine::ValidationErrors;
        }
        const QString state = replayed.value("state"_L1).toString();
        if (state != "STARTING"_L1 && state != "RUNNING"_L1) {
            out << CommandLine::tr("replay %1: %2, %3 of %4 event(s) replayed")
                       .arg(replay, state)
                       .arg(replayed.value("replayed"_L1).toInteger())
                       .arg(replayed.value("total"_L1).toInteger());
            if (const QString reason = replayed.value("reason"_L1).toString(); !reason.isEmpty())
                out << " (" << reason << ')';
            out << '\n';
            return state == "COMPLETED"_L1 ? CommandLine::Success : CommandLine::ValidationErrors;
        }
        QThread::msleep(100);
    }
}

} // namespace

void runUntilSignalled()
{
    if (::pipe(gSignalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QSocketNotifier notifier(gSignalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
}

int CommandLine::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project."));
    const QCommandLineOption port(u"port"_s, tr("The gateway's port (default 3000; 0: any free one)."), u"N"_s,
                                  u"3000"_s);
    const QCommandLineOption host(u"host"_s, tr("The address to listen on (default 127.0.0.1, this machine only)."),
                                  u"ADDRESS"_s, u"127.0.0.1"_s);
    const QCommandLineOption awsPort(u"aws-port"_s,
                                     tr("The port of the AWS-compatible endpoint the SDKs reach (default 4566, or any "
                                        "free one when it is taken; 0: any free one)."),
                                     u"M"_s, u"4566"_s);
    const QCommandLineOption state(
        u"state"_s, tr("Where the services keep their state (default: .nimbus-cloud beside the project)."), u"DIR"_s);
    const QCommandLineOption loopLimit(u"loop-limit"_s, tr("Stop chains of events deeper than N (default 16)."), u"N"_s,
                                       u"16"_s);
    const QCommandLineOption clockMode(
        u"clock"_s,
        tr("running (default): the cloud's clock follows real time; paused: it stands still until "
           "`nimbus cloud PROJECT advance` or `run` moves it."),
        u"MODE"_s, u"running"_s);
    const QCommandLineOption clockStart(u"clock-start"_s,
                                        tr("The cloud's time at start, ISO 8601 (UTC when no zone is given; "
                                           "default: now)."),
                                        u"TIME"_s);
    const QCommandLineOption faultSeed(u"fault-seed"_s,
                                       tr("The seed of the faults the nodes' Chaos properties inject: the same seed "
                                          "fails the same calls again (default: a random one, printed)."),
                                       u"N"_s);
    const QCommandLineOption iam(
        u"iam"_s,
        tr("How the SDK calls of functions are checked against the permissions their connections grant (what the "
           "export writes into their roles): off; warn: the call succeeds and the problem is printed; "
           "enforce: the call fails with AWS's AccessDenied. Default: the project's mode, warn when it has none."),
        u"MODE"_s);
    parser.addOptions({port, host, awsPort, state, loopLimit, clockMode, clockStart, faultSeed, iam});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Runs the design on this machine: an HTTP gateway for its routes, and its queues, "
               "topics, buckets, tables and schedules delivering events to its functions, which reach "
               "them through the AWS SDK at a local endpoint. Prints the gateway's address, then the "
               "endpoint's, then each hop as it happens. Stops on Ctrl+C or SIGTERM."),
            1))
        return *stop;
    const std::optional<int> portNumber = intOption(parser, port, 0, 65535);
    const std::optional<int> awsPortNumber = intOption(parser, awsPort, 0, 65535);
    const QHostAddress address(parser.value(host));
    const std::optional<int> limit = intOption(parser, loopLimit, 1, std::numeric_limits<int>::max());
    if (!portNumber || !awsPortNumber || address.isNull() || !limit) {
        mErr << "nimbus serve: "
             << tr("--port and --aws-port take 0 to 65535, --host an IP address, --loop-limit a positive number")
             << '\n';
        return UsageError;
    }
    Project project(Catalog::builtin());
    if (!open(parser.positionalArguments().first(), project))
        return InputError;
    FunctionRunner runner;
    runner.setProject(&project);
    // A .nimbus project keeps the runs for the studio's Run panel; a JSON one has nowhere to.
    runner.setRecording(!ProjectFile::isJsonPath(parser.positionalArguments().first()));
    LocalCloud cloud(project, runner);
    cloud.setLoopLimit(*limit);
    // --iam overrides the mode saved with the project.
    QString modeProblem;
    std::optional<LocalCloud::IamMode> iamMode = LocalCloud::iamModeOf(project, &modeProblem);
    if (parser.isSet(iam)) {
        iamMode = LocalCloud::iamModeFromName(parser.value(iam));
        modeProblem.clear();
    }
    if (!iamMode) {
        mErr << "nimbus serve: " << tr("--iam takes off, warn or enforce, not '%1'").arg(parser.value(iam)) << '\n';
        return UsageError;
    }
    if (!modeProblem.isEmpty())
        mErr << "nimbus serve: " << modeProblem << '\n';
    cloud.setIamMode(*iamMode);
    if (!setClock(cloud.virtualClock(), parser.value(clockMode), parser.value(clockStart), mErr))
        return UsageError;
    if (parser.isSet(faultSeed)) {
        bool ok = false;
        const quint64 seed = parser.value(faultSeed).toULongLong(&ok);
        if (!ok) {
            mErr << "nimbus serve: " << tr("--fault-seed takes a number from 0 to 18446744073709551615") << '\n';
            return UsageError;
        }
        cloud.setFaultSeed(seed);
    }
    const QString stateDirectory = parser.isSet(state) ? parser.value(state) : defaultStateDirectory(project);
    QString error;
    if (const Result<void> started = cloud.start(stateDirectory); !started) {
        mErr << "nimbus serve: " << started.errorMessage() << '\n';
        return OutputError;
    }
    GatewayServer gateway(cloud);
    if (const Result<void> listening = gateway.listen(address, quint16(*portNumber)); !listening) {
        mErr << "nimbus serve: " << listening.errorMessage() << '\n';
        return OutputError;
    }
    AwsEndpoint endpoint(cloud);
    // Headless: this thread only serves the cloud, and can read and write connections too.
    endpoint.setConnectionsOnOwnThread(true);
    // LocalStack's usual port, unless it is taken and the user did not ask for it.
    Result<void> listening = endpoint.listen(address, quint16(*awsPortNumber));
    if (!listening && !parser.isSet(awsPort))
        listening = endpoint.listen(address, 0);
    if (!listening) {
        mErr << "nimbus serve: " << listening.errorMessage() << " (--aws-port)" << '\n';
        return OutputError;
    }
    cloud.setServiceEndpoint(endpoint.url());
    mOut << gateway.url() << '\n' << endpoint.url() << '\n';
    mOut.flush();
    // The functions' URLs, on stderr: stdout's first two lines stay the servers' addresses.
    QStringList withUrls = gateway.functionUrls().keys();
    withUrls.sort();
    for (const QString &function : std::as_const(withUrls))
        mErr << tr("Function URL of %1: %2").arg(function, gateway.url() + FunctionUrl::pathOf(function)) << '\n';
    mErr.flush();
    bool faults = parser.isSet(faultSeed);
    for (const auto &[id, node] : project.architecture().nodes())
        faults = faults || FaultSettings::of(node).any();
    // The seed to give --fault-seed to fail the same calls again.
    if (faults)
        mErr << tr("Fault seed: %1").arg(QString::number(cloud.faultSeed())) << '\n';

    // Where `nimbus cloud` finds this process: for this user's eyes only.
    QFile::setPermissions(stateDirectory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString serverFile = QDir(stateDirectory).filePath(u"server.json"_s);
    // nimbus cloud talks to this machine's address, whatever interfaces the gateway serves.
    const bool everywhere = address == QHostAddress::Any || address == QHostAddress::AnyIPv4
                            || address == QHostAddress::AnyIPv6;
    const QString ownGateway = everywhere ? serverUrl(QHostAddress::LocalHost, gateway.port()) : gateway.url();
    if (!writeServerFile(serverFile, ownGateway, endpoint.url(), gateway.controlToken(), &error))
        mErr << "nimbus serve: " << tr("%1: %2 (nimbus cloud will not find this run)").arg(serverFile, error) << '\n';
    // Hops are written out in batches, at most 50 ms after they end: flushing each one cost a
    // busy gateway a write to the terminal per request.
    QTimer flush;
    flush.setSingleShot(true);
    flush.setInterval(50);
    QObject::connect(&flush, &QTimer::timeout, [this] { mErr.flush(); });
    QObject::connect(&cloud, &LocalCloud::logged, &flush, [this, &flush](const CloudLogEntry &e) {
        printHop(mErr, e);
        if (!flush.isActive())
            flush.start();
    });
    runUntilSignalled();

    gateway.close();
    endpoint.close();
    cloud.stop();
    runner.pool()->stopAll();
    QFile::remove(serverFile);
    mErr << tr("Local cloud stopped.") << '\n';
    return Success;
}

int CommandLine::cloud(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("The project `nimbus serve` runs."));
    parser.addPositionalArgument(
        u"OPERATION"_s, tr("send-message QUEUE BODY | publish TOPIC MESSAGE | put-object BUCKET KEY FILE | "
                           "put-item TABLE ITEM | delete-item TABLE KEY | fire SCHEDULE | put-event BUS FILE | "
                           "archive BUS | replay BUS | advance DURATION|next | clock | pause | run"));
    const QCommandLineOption state(u"state"_s, tr("The state folder `nimbus serve` uses, if not the default."),
                                   u"DIR"_s);
    const QCommandLineOption delay(u"delay"_s, tr("send-message: seconds before the message is visible."), u"S"_s,
                                   u"0"_s);
    const QCommandLineOption subject(u"subject"_s, tr("publish: the message's subject."), u"TEXT"_s);
    const QCommandLineOption type(u"content-type"_s, tr("put-object: the object's content type."), u"TYPE"_s);
    const QCommandLineOption from(u"from"_s,
                                  tr("archive, replay: the events that arrived at or after TIME (ISO 8601, UTC when "
                                     "no zone is given)."),
                                  u"TIME"_s);
    const QCommandLineOption to(u"to"_s, tr("archive, replay: the events that arrived before TIME."), u"TIME"_s);
    const QCommandLineOption rule(u"rule"_s,
                                  tr("replay: replay to this rule of the bus only (repeat for several; default: "
                                     "every rule)."),
                                  u"NAME"_s);
    const QCommandLineOption operations(
        u"operations"_s, tr("Print every operation of the local cloud's AWS services with its status (served, "
                            "partly, refused) as a Markdown table, and exit; no PROJECT is needed."));
    parser.addOptions({state, delay, subject, type, from, to, rule, operations});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Acts on the local cloud that `nimbus serve` runs for a project, as a service "
               "would: the events follow the design's connections. ITEM and KEY are DynamoDB "
               "JSON ({\"id\": {\"S\": \"42\"}}); FILE '-' reads standard input. advance moves the "
               "cloud's clock by DURATION (90s, 15m, 6h, 2d), firing every schedule due on the way, or "
               "to the next thing due (next); clock prints its time; pause and run stop and restart it. "
               "archive prints the events a bus's archive kept, one JSON line each ({\"time\": when it "
               "arrived, \"event\"}); replay sends those of --from to --to back onto the bus, waits for the "
               "end and prints how many it replayed. "
               "Exits with 1 when the cloud refuses, 3 when it is not running."),
            kAnyArguments))
        return *stop;
    const QStringList args = parser.positionalArguments();
    if (parser.isSet(operations)) {
        if (!args.isEmpty()) {
            mErr << "nimbus cloud: " << tr("--operations takes no PROJECT nor operation") << '\n';
            return UsageError;
        }
        // The table comes from the services' own registration, as an endpoint builds them.
        Project empty(Catalog::builtin());
        FunctionRunner runner;
        LocalCloud cloud(empty, runner);
        const AwsEndpoint endpoint(cloud);
        mOut << endpoint.operationsTable();
        return Success;
    }
    static const QHash<QString, int> arity = {
        {u"send-message"_s, 2}, {u"publish"_s, 2}, {u"put-object"_s, 3}, {u"put-item"_s, 2}, {u"delete-item"_s, 2},
        {u"fire"_s, 1},         {u"advance"_s, 1}, {u"clock"_s, 0},      {u"pause"_s, 0},    {u"run"_s, 0},
        {u"put-event"_s, 2},    {u"archive"_s, 1}, {u"replay"_s, 1}};
    if (args.size() < 2 || !arity.contains(args.at(1)) || args.size() != 2 + arity.value(args.at(1))) {
        mErr << "nimbus cloud: " << tr("give PROJECT, an operation and its arguments; see --help") << '\n';
        return UsageError;
    }
    const QString operation = args.at(1);
    Project project(Catalog::builtin());
    if (!open(args.at(0), project))
        return InputError;
    const QString stateDirectory = parser.isSet(state) ? parser.value(state) : defaultStateDirectory(project);
    QString problem;
    const std::optional<RunningCloud> running = runningCloud(stateDirectory, &problem);
    if (!running) {
        if (!problem.isEmpty())
            mErr << "nimbus cloud: " << problem << '\n';
        mErr << "nimbus cloud: "
             << tr("the local cloud of %1 is not running; start it with nimbus serve").arg(args.at(0)) << '\n';
        return InputError;
    }
    const QString gateway = running->gateway;
    QString url = gateway + QLatin1String(GatewayServer::kControlPrefix) + operation;
    QByteArray body;
    if (const int rc = operationBody(args,
                                     {parser.value(delay).toInt(), parser.value(subject), parser.value(type),
                                      parser.value(from), parser.value(to), parser.values(rule)},
                                     &body, mErr);
        rc >= 0)
        return rc;
    QByteArray answer;
    QString error;
    const long status = post(url, running->token, body, &answer, &error);
    if (status == 0) {
        mErr << "nimbus cloud: "
             << tr("the local cloud at %1 does not answer (%2); start it with nimbus serve").arg(gateway, error)
             << '\n';
        return InputError;
    }
    if (status != 200) {
        mErr << "nimbus cloud: " << QJsonDocument::fromJson(answer).object().value("error"_L1).toString() << '\n';
        return ValidationErrors;
    }
    const QJsonObject answered = QJsonDocument::fromJson(answer).object();
    if (operation == "archive"_L1)
        return printArchive(url, running->token, body, answered, mOut, mErr);
    if (operation == "replay"_L1)
        return waitForReplay(gateway, running->token, answered.value("replay"_L1).toString(), mOut, mErr);
    // put-event: the entries EventBridge would refuse make it fail, each said.
    int refused = 0;
    for (const QJsonValue &entry : answered.value("entries"_L1).toArray())
        if (const QJsonObject e = entry.toObject(); e.contains("ErrorCode"_L1)) {
            mErr << "nimbus cloud: " << e.value("ErrorCode"_L1).toString() << ": "
                 << e.value("ErrorMessage"_L1).toString() << '\n';
            ++refused;
        }
    if (answered.contains("now"_L1)) // the clock's operations: its time, and whether it runs
        mOut << (answered.value("running"_L1).toBool() ? tr("%1 (running)") : tr("%1 (paused)"))
                    .arg(answered.value("now"_L1).toString())
             << '\n';
    else
        mOut << QString::fromUtf8(answer) << '\n';
    return refused ? ValidationErrors : Success;
}

int CommandLine::token(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("The project (.nimbus or .json)."));
    parser.addPositionalArgument(u"POOL"_s, tr("The user pool node that issues the token."));
    const QCommandLineOption user(u"user"_s,
                                  tr("The test user the token is for (default: the pool's first; "
                                     "--client for none)."),
                                  u"NAME"_s);
    const QCommandLineOption client(u"client"_s,
                                    tr("A token for the app client itself (client_credentials), for no user."));
    const QCommandLineOption scope(u"scope"_s, tr("A scope the token carries (repeatable; default: all the pool's)."),
                                   u"SCOPE"_s);
    const QCommandLineOption claim(u"claim"_s,
                                   tr("Adds or replaces a claim (repeatable); VALUE is read as JSON when it is JSON "
                                      "(42, true, [\"a\"]), else as text."),
                                   u"NAME=VALUE"_s);
    const QCommandLineOption id(u"id"_s, tr("An ID token (aud: the app client) rather than an access token."));
    const QCommandLineOption credentials(
        u"credentials"_s, tr("Print the pool's app client id and secret, the test users' password and its endpoints "
                             "as JSON, for OAuth clients, instead of a token."));
    const QCommandLineOption state(
        u"state"_s, tr("Where the running local cloud keeps its state (default: .nimbus-cloud beside the project)."),
        u"DIR"_s);
    const QCommandLineOption apiKey(u"api-key"_s, tr("Print the project's API key (x-api-key of the REST routes that "
                                                     "require one) instead of a token; no POOL is needed."));
    parser.addOptions({user, client, scope, claim, id, credentials, state, apiKey});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Mints a token of a user pool of the design, signed with the pool's key (kept in your data "
               "folder, never in the project), so that a protected route can be tried in one line: "
               "curl -H \"Authorization: Bearer $(nimbus token shop.nimbus users)\" URL. Its issuer is "
               "the pool on the running local cloud's gateway (nimbus serve), else on "
               "http://127.0.0.1:3000. Exits with 1 when the pool cannot issue it, 3 when the project "
               "or the pool cannot be read."),
            kAnyArguments))
        return *stop;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 && !(parser.isSet(apiKey) && args.size() == 1)) {
        mErr << "nimbus token: " << tr("give the project and the user pool") << '\n';
        return UsageError;
    }
    Project project(Catalog::builtin());
    if (!open(args.at(0), project))
        return InputError;
    if (parser.isSet(apiKey)) {
        const Result<QString> key = LocalApiKey::open(project.filePath());
        if (!key) {
            mErr << "nimbus token: " << key.errorMessage() << '\n';
            return InputError;
        }
        mOut << *key << '\n';
        return Success;
    }
    const Node *node = project.architecture().nodeByName(args.at(1));
    if (!node || node->kind != Kinds::UserPool) {
        mErr << "nimbus token: " << tr("%1 has no user pool named %2").arg(args.at(0), args.at(1)) << '\n';
        return InputError;
    }
    const Result<LocalUserPool> pool = LocalUserPool::open(*node, project.filePath());
    if (!pool) {
        mErr << "nimbus token: " << pool.errorMessage() << '\n';
        return InputError;
    }
    const QString stateDirectory = parser.isSet(state) ? parser.value(state) : defaultStateDirectory(project);
    QString problem;
    const std::optional<RunningCloud> running = runningCloud(stateDirectory, &problem);
    const QString gateway = running ? running->gateway : u"http://127.0.0.1:3000"_s;
    const QString issuer = pool->issuer(gateway);
    if (parser.isSet(credentials)) {
        const QJsonObject out{{u"issuer"_s, issuer},
                              {u"tokenEndpoint"_s, issuer + "/oauth2/token"_L1},
                              {u"jwks"_s, issuer + "/.well-known/jwks.json"_L1},
                              {u"clientId"_s, pool->clientId()},
                              {u"clientSecret"_s, pool->clientSecret()},
                              {u"users"_s, QJsonArray::fromStringList(pool->users())},
                              {u"password"_s, pool->password()}};
        mOut << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (!running)
        mErr << "nimbus token: "
             << tr("the local cloud of %1 is not running; the token names %2 as its issuer").arg(args.at(0), issuer)
             << '\n';
    LocalUserPool::TokenRequest request;
    if (!parser.isSet(client))
        request.user = parser.isSet(user) ? parser.value(user) : pool->users().value(0);
    request.scopes = parser.values(scope);
    request.idToken = parser.isSet(id);
    for (const QString &pair : parser.values(claim)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            mErr << "nimbus token: " << tr("--claim takes NAME=VALUE, not %1").arg(pair) << '\n';
            return UsageError;
        }
        const QByteArray value = pair.mid(equals + 1).toUtf8();
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + value + "]");
        request.claims.insert(pair.left(equals), parsed.isArray() && parsed.array().size() == 1
                                                     ? parsed.array().first()
                                                     : QJsonValue(QString::fromUtf8(value)));
    }
    const Result<QByteArray> token = pool->mint(issuer, request);
    if (!token) {
        mErr << "nimbus token: " << token.errorMessage() << '\n';
        return ValidationErrors;
    }
    mOut << *token << '\n';
    return Success;
}

} // namespace Nimbus
