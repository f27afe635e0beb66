#include "containerpool.h"

#include "model/catalog.h"
#include "model/kinds.h"
#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <limits>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr int kProbeIntervalMs = 50;
constexpr int kHousekeepingMs = 250;
constexpr qsizetype kOutputTail = 2048;
constexpr int kTermGraceMs = 3000;
constexpr qint64 kRetryAfterFailureMs = 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::ContainerPool", text);
}

// Headers that belong to one connection, not to the request or answer they travel with.
bool hopByHop(const QByteArray &name)
{
    static const QList<QByteArray> names = {
        "connection",          "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer",
        "proxy-authorization", "host",       "content-length"};
    return names.contains(name.toLower());
}

// A free port of 127.0.0.1 (the instance binds it a moment later).
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// Names that change how podman, docker or the dynamic loader behave: the engine runs on
// this machine with the container's variables in its environment (-e NAME reads them there).
bool steersTheEngine(const QString &name)
{
    static const QStringList prefixes = {u"LD_"_s,     u"DOCKER_"_s,  u"CONTAINERS_"_s, u"_CONTAINERS_"_s,
                                         u"PODMAN_"_s, u"BUILDAH_"_s, u"STORAGE_"_s,    u"XDG_"_s,
                                         u"DBUS_"_s,   u"SSL_"_s,     u"SSH_"_s};
    static const QStringList names = {u"PATH"_s,
                                      u"HOME"_s,
                                      u"TMPDIR"_s,
                                      u"TMP"_s,
                                      u"HTTP_PROXY"_s,
                                      u"HTTPS_PROXY"_s,
                                      u"NO_PROXY"_s,
                                      u"ALL_PROXY"_s,
                                      u"GODEBUG"_s,
                                      u"GOTRACEBACK"_s,
                                      u"GOMAXPROCS"_s,
                                      u"GOGC"_s,
                                      u"GOMEMLIMIT"_s,
                                      u"CONTAINER_HOST"_s,
                                      u"CONTAINER_CONNECTION"_s,
                                      u"CONTAINER_SSHKEY"_s,
                                      u"CONTAINER_PASSPHRASE"_s,
                                      u"REGISTRY_AUTH_FILE"_s,
                                      u"KUBECONFIG"_s,
                                      u"NOTIFY_SOCKET"_s,
                                      u"TZDIR"_s};
    const QString upper = name.toUpper();
    return names.contains(upper)
           || std::any_of(prefixes.cbegin(), prefixes.cend(), [&](const QString &p) { return upper.startsWith(p); });
}

void killGroup(qint64 pid, int signal)
{
    if (pid > 0)
        ::kill(-pid_t(pid), signal);
}

} // namespace

struct ContainerPool::Instance
{
    enum class State { Starting, Ready };
    quint64 id = 0;
    int index = 0;
    State state = State::Starting;
    QProcess *process = nullptr; // a child of the pool
    qint64 pid = 0;
    quint16 hostPort = 0;
    int inFlight = 0;
    QElapsedTimer since; // since the start, then since the last request ended
    QByteArray output; // the end of what it wrote, for a failure's message
    QString engineName; // the container's name when an engine runs it
    QString engine;
    QString how;
    bool probing = false;
};

Result<ContainerSpec> ContainerSpec::fromNode(const Node &node, const QString &projectDirectory)
{
    const NodeKind *kind = Catalog::builtin().kind(Kinds::Container);
    const QJsonObject defaults = kind ? kind->defaultProperties(node.name) : QJsonObject();
    auto value = [&](const char *key) {
        const QString k = QLatin1String(key);
        return node.properties.contains(k) ? node.properties.value(k) : defaults.value(k);
    };
    auto integer = [&](const char *key, int fallback) { return value(key).toInt(fallback); };
    ContainerSpec spec;
    spec.name = node.name;
    spec.node = node.id;
    spec.image = value("image").toString().trimmed();
    spec.port = std::clamp(integer("port", 8080), 1, 65535);
    spec.concurrency = std::clamp(integer("concurrency", 80), 1, ContainerPool::kConcurrencyLimit);
    spec.minInstances = std::clamp(integer("minInstances", 0), 0, ContainerPool::kInstanceLimit);
    spec.maxInstances = std::clamp(std::max(spec.minInstances, integer("maxInstances", 100)), 1,
                                   ContainerPool::kInstanceLimit);
    spec.idleTimeoutMs = qint64(std::clamp(integer("idleTimeout", 900), 1, 86400)) * 1000;
    spec.timeoutMs = qint64(std::clamp(integer("timeout", 300), 1, 3600)) * 1000;
    const double cpu = value("cpu").toDouble(1);
    spec.cpu = std::isfinite(cpu) ? std::clamp(cpu, 0.125, 8.0) : 1.0;
    spec.memory = std::clamp(integer("memory", 512), 128, 32768);
    spec.command = QProcess::splitCommand(value("command").toString());
    const QString folder = value("folder").toString();
    const QString what = tr("container '%1'").arg(node.name);
    // The catalog's pattern, checked here too: a project file need not have been validated.
    static const QRegularExpression imageReference(u"^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$"_s);
    if (!spec.image.isEmpty() && !imageReference.match(spec.image).hasMatch())
        return fail(tr("%1: the image '%2' is not an image reference").arg(what, spec.image.left(100)));
    if (!folder.isEmpty()) {
        const Result<QString> directory = Paths::resolveUnder(projectDirectory, folder);
        if (!directory)
            return fail(tr("%1: the folder '%2' is refused: %3").arg(what, folder, directory.errorMessage()));
        spec.workingDirectory = QDir::cleanPath(*directory);
    } else {
        spec.workingDirectory = QDir::cleanPath(projectDirectory);
    }
    static const QRegularExpression variableName(u"^[A-Za-z_][A-Za-z0-9_]{0,255}$"_s);
    for (const QJsonValue &v : value("environment").toArray()) {
        const QString name = v["name"_L1].toString();
        if (!variableName.match(name).hasMatch())
            return fail(tr("%1: the environment variable name '%2' is refused: letters, digits and '_' only")
                            .arg(what, name.left(100)));
        if (!spec.image.isEmpty() && steersTheEngine(name))
            return fail(tr("%1: the environment variable %2 would change how the container engine itself runs on "
                           "this machine; it is refused")
                            .arg(what, name));
        spec.environment.append({name, v["value"_L1].toString()});
    }
    return spec;
}

ContainerPool::ContainerPool(QObject *parent)
    : QObject(parent), mNetwork(new QNetworkAccessManager(this)), mHousekeeping(new QTimer(this))
{
    // Only the instances on this machine are ever asked; no proxy, cache or cookie jar
    // of the user's may come between.
    mNetwork->setProxy(QNetworkProxy::NoProxy);
    mNetwork->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    mHousekeeping->setInterval(kHousekeepingMs);
    connect(mHousekeeping, &QTimer::timeout, this, &ContainerPool::housekeep);
}

ContainerPool::~ContainerPool()
{
    stopAll();
}

QString ContainerPool::engine()
{
    const QString chosen = qEnvironmentVariable("NIMBUS_CONTAINER_ENGINE").trimmed().toLower();
    if (chosen == "none"_L1)
        return {};
    if (chosen == "podman"_L1 || chosen == "docker"_L1)
        return QStandardPaths::findExecutable(chosen);
    for (const char *name : {"podman", "docker"})
        if (const QString path = QStandardPaths::findExecutable(QLatin1String(name)); !path.isEmpty())
            return path;
    return {};
}

ContainerPool::Service &ContainerPool::service(const ContainerSpec &spec)
{
    std::unique_ptr<Service> &slot = mServices[spec.name];
    if (!slot)
        slot = std::make_unique<Service>();
    // Scaling settings apply at once; running instances keep the command they started with.
    slot->spec = spec;
    return *slot;
}

ContainerPool::Instance *ContainerPool::find(const QString &container, quint64 id) const
{
    const auto it = mServices.find(container);
    if (it == mServices.end())
        return nullptr;
    for (const auto &instance : it->second->instances)
        if (instance->id == id)
            return instance.get();
    return nullptr;
}

void ContainerPool::answerLater(const Done &done, ContainerAnswer answer)
{
    if (!done)
        return;
    QTimer::singleShot(0, qApp, [done, answer] { done(answer); });
}

void ContainerPool::request(const ContainerSpec &spec, const ContainerRequest &request, Done done)
{
    Service &s = service(spec);
    qint64 waitingBytes = request.body.size();
    for (const Waiting &w : std::as_const(s.waiting))
        waitingBytes += w.request.body.size();
    if (s.waiting.size() >= kWaitingLimit || waitingBytes > kWaitingBytesLimit) {
        ContainerAnswer answer;
        answer.status = 429;
        answer.problem =
            s.waiting.size() >= kWaitingLimit
                ? tr("container '%1': %2 requests already wait for an instance").arg(spec.name).arg(kWaitingLimit)
                : tr("container '%1': the requests waiting for an instance hold over %2 MB")
                      .arg(spec.name)
                      .arg(kWaitingBytesLimit / (1024 * 1024));
        answerLater(done, answer);
        return;
    }
    Waiting waiting{request, std::move(done), {}, false};
    waiting.since.start();
    waiting.cold = std::none_of(s.instances.cbegin(), s.instances.cend(), [&](const auto &i) {
        return i->state == Instance::State::Ready && i->inFlight < s.spec.concurrency;
    });
    s.waiting.append(std::move(waiting));
    if (!mHousekeeping->isActive())
        mHousekeeping->start();
    dispatch(s);
}

void ContainerPool::warm(const ContainerSpec &spec)
{
    Service &s = service(spec);
    while (int(s.instances.size()) < spec.minInstances) {
        const size_t before = s.instances.size();
        startInstance(s);
        if (s.instances.size() == before)
            break;
    }
    if (!s.instances.empty() && !mHousekeeping->isActive())
        mHousekeeping->start();
}

void ContainerPool::dispatch(Service &s)
{
    while (!s.waiting.isEmpty()) {
        Instance *best = nullptr;
        int starting = 0;
        for (const auto &instance : s.instances) {
            if (instance->state == Instance::State::Starting) {
                ++starting;
                continue;
            }
            if (instance->inFlight < s.spec.concurrency && (!best || instance->inFlight < best->inFlight))
                best = instance.get();
        }
        if (best) {
            forward(s, *best, s.waiting.takeFirst());
            continue;
        }
        // More waiting than the starting instances will take: one more, if allowed.
        // After an instance failed, the next waits a moment (housekeeping retries).
        const bool backingOff = s.lastFailure.isValid() && s.lastFailure.elapsed() < kRetryAfterFailureMs;
        if (!backingOff && qsizetype(s.waiting.size()) > qsizetype(starting) * s.spec.concurrency
            && int(s.instances.size()) < s.spec.maxInstances) {
            const size_t before = s.instances.size();
            startInstance(s);
            if (s.instances.size() > before)
                continue;
        }
        break;
    }
}

void ContainerPool::startInstance(Service &s)
{
    const ContainerSpec &spec = s.spec;
    auto instance = std::make_unique<Instance>();
    instance->id = mNextId++;
    instance->index = s.nextIndex++;
    instance->hostPort = freePort();
    instance->since.start();
    const QString engine = spec.image.isEmpty() ? QString() : ContainerPool::engine();
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : spec.environment)
        environment.insert(name, value);
    // What Cloud Run tells its containers.
    environment.insert(u"K_SERVICE"_s, spec.name);
    environment.insert(u"K_REVISION"_s, spec.name + u"-00001"_s);
    environment.insert(u"K_CONFIGURATION"_s, spec.name);
    QString problem;
    if (instance->hostPort == 0) {
        problem = tr("container '%1': no free port on 127.0.0.1").arg(spec.name);
    } else if (!engine.isEmpty()) {
        instance->engine = engine;
        instance->engineName =
            u"nimbus-%1-%2-%3"_s.arg(spec.name.toLower()).arg(QCoreApplication::applicationPid()).arg(instance->id);
        environment.insert(u"PORT"_s, QString::number(spec.port));
        program = engine;
        arguments << u"run"_s << u"--rm"_s << u"--name"_s << instance->engineName << u"-p"_s
                  << u"127.0.0.1:%1:%2"_s.arg(instance->hostPort).arg(spec.port) << u"--cpus"_s
                  << QString::number(spec.cpu) << u"--memory"_s << u"%1m"_s.arg(spec.memory);
        // Values come from the engine's own environment (-e NAME), never the command line.
        arguments << u"-e"_s << u"PORT"_s << u"-e"_s << u"K_SERVICE"_s << u"-e"_s << u"K_REVISION"_s << u"-e"_s
                  << u"K_CONFIGURATION"_s;
        for (const auto &[name, value] : spec.environment) {
            Q_UNUSED(value)
            arguments << u"-e"_s << name;
        }
        arguments << spec.image;
        instance->how = tr("%1 run %2").arg(QFileInfo(engine).fileName(), spec.image);
    } else if (spec.command.isEmpty()) {
        problem = spec.image.isEmpty()
                      ? tr("container '%1' has no local command to run").arg(spec.name)
                      : tr("container '%1': no container engine (podman or docker) runs its image %2, and it has "
                           "no local command")
                            .arg(spec.name, spec.image);
    } else if (!QFileInfo(spec.workingDirectory).isDir()) {
        problem = tr("container '%1': its folder %2 does not exist").arg(spec.name, spec.workingDirectory);
    } else {
        environment.insert(u"PORT"_s, QString::number(instance->hostPort));
        // The gateway is the way in: servers that read HOST (Express/Fastify examples,
        // many frameworks) listen on this machine only, not on the network.
        if (!environment.contains(u"HOST"_s))
            environment.insert(u"HOST"_s, u"127.0.0.1"_s);
        program = spec.command.first();
        arguments = spec.command.mid(1);
        // A relative program with a path is the folder's; a bare name is looked up on PATH.
        if (program.contains('/'_L1) && QFileInfo(program).isRelative())
            program = QDir(spec.workingDirectory).filePath(program);
        instance->how = tr("command %1").arg(spec.command.join(' '_L1));
    }
    const int index = instance->index;
    if (!problem.isEmpty()) {
        s.lastFailure.start();
        emit instanceFailed(spec.name, index, problem);
        // Everyone waiting learns why, unless another instance may still serve them.
        if (s.instances.empty()) {
            for (Waiting &w : s.waiting) {
                ContainerAnswer answer;
                answer.status = 503;
                answer.problem = problem;
                answerLater(w.done, answer);
            }
            s.waiting.clear();
        }
        return;
    }
    auto *process = new QProcess(this);
    process->setProcessEnvironment(environment);
    // An engine runs the image wherever; the command runs in its (existing) folder.
    if (QFileInfo(spec.workingDirectory).isDir())
        process->setWorkingDirectory(spec.workingDirectory);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so that whatever it starts ends with it.
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    instance->process = process;
    const QString name = spec.name;
    const quint64 id = instance->id;
    connect(process, &QProcess::readyRead, this, [this, name, id, process] {
        const QByteArray data = process->readAll();
        if (Instance *i = find(name, id)) {
            i->output += data;
            if (i->output.size() > kOutputTail)
                i->output = i->output.right(kOutputTail);
        }
    });
    connect(process, &QProcess::finished, this, [this, name, id, process](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        Instance *i = find(name, id);
        if (!i)
            return;
        const QString output = QString::fromUtf8(i->output).trimmed().right(400);
        const QString how = status == QProcess::CrashExit ? tr("was killed") : tr("exited with code %1").arg(code);
        QString problem = i->state == Instance::State::Starting
                              ? tr("container '%1': instance %2 %3 before listening on port %4")
                                    .arg(name)
                                    .arg(i->index)
                                    .arg(how)
                                    .arg(i->hostPort)
                              : tr("container '%1': instance %2 %3").arg(name).arg(i->index).arg(how);
        if (!output.isEmpty())
            problem += tr(" (it wrote: %1)").arg(output);
        i->process = nullptr;
        failed(name, id, problem);
    });
    connect(process, &QProcess::errorOccurred, this, [this, name, id, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        Instance *i = find(name, id);
        if (!i)
            return;
        i->process = nullptr;
        failed(name, id, tr("container '%1': cannot run %2: %3").arg(name, process->program(), process->errorString()));
    });
    s.instances.push_back(std::move(instance));
    process->start(program, arguments);
    if (Instance *i = find(name, id); i && i->process)
        i->pid = process->processId();
    QTimer::singleShot(kProbeIntervalMs, this, [this, name, id] { probe(name, id); });
}

void ContainerPool::probe(const QString &container, quint64 id)
{
    Instance *instance = find(container, id);
    if (!instance || instance->state != Instance::State::Starting || instance->probing)
        return;
    if (instance->since.elapsed() > mStartTimeoutMs) {
        failed(container, id,
               tr("container '%1': instance %2 did not listen on port %3 within %4 s")
                   .arg(container)
                   .arg(instance->index)
                   .arg(instance->hostPort)
                   .arg(double(mStartTimeoutMs) / 1000.0));
        return;
    }
    instance->probing = true;
    auto *socket = new QTcpSocket(this);
    auto done = [this, container, id, socket](bool connected) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        Instance *i = find(container, id);
        if (!i)
            return;
        i->probing = false;
        if (connected)
            ready(container, id);
        else
            QTimer::singleShot(kProbeIntervalMs, this, [this, container, id] { probe(container, id); });
    };
    connect(socket, &QTcpSocket::connected, this, [done] { done(true); });
    connect(socket, &QTcpSocket::errorOccurred, this, [done] { done(false); });
    socket->connectToHost(QHostAddress::LocalHost, instance->hostPort);
}

void ContainerPool::ready(const QString &container, quint64 id)
{
    Instance *instance = find(container, id);
    if (!instance)
        return;
    instance->state = Instance::State::Ready;
    const double ms = double(instance->since.nsecsElapsed()) / 1e6;
    instance->since.start();
    emit instanceStarted(container, instance->index, ms, instance->how);
    dispatch(*mServices.at(container));
}

void ContainerPool::failed(const QString &container, quint64 id, const QString &problem)
{
    Instance *instance = find(container, id);
    if (!instance)
        return;
    const int index = instance->index;
    Service &s = *mServices.at(container);
    stopInstance(s, id, QString());
    s.lastFailure.start();
    emit instanceFailed(container, index, problem);
    // Those waiting fail with the reason, unless another instance may serve them.
    if (s.instances.empty()) {
        for (Waiting &w : s.waiting) {
            ContainerAnswer answer;
            answer.status = 503;
            answer.problem = problem;
            answerLater(w.done, answer);
        }
        s.waiting.clear();
    }
}

void ContainerPool::forward(Service &s, Instance &instance, Waiting waiting)
{
    ++instance.inFlight;
    const ContainerRequest &request = waiting.request;
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(instance.hostPort);
    url.setPath(request.path.isEmpty() ? u"/"_s : request.path, QUrl::TolerantMode);
    if (!request.query.isEmpty())
        url.setQuery(QString::fromUtf8(request.query), QUrl::TolerantMode);
    QNetworkRequest outgoing(url);
    outgoing.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    outgoing.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    outgoing.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    outgoing.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    outgoing.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    outgoing.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    outgoing.setTransferTimeout(int(std::min<qint64>(s.spec.timeoutMs, std::numeric_limits<int>::max())));
    QHash<QByteArray, QByteArray> headers;
    QList<QByteArray> order;
    bool encoding = false;
    for (const auto &[key, value] : request.headers) {
        const QByteArray name = key.toLower();
        if (hopByHop(name))
            continue;
        encoding = encoding || name == "accept-encoding";
        if (headers.contains(name)) {
            headers[name] += ", " + value;
        } else {
            headers.insert(name, value);
            order.append(name);
        }
    }
    for (const QByteArray &name : std::as_const(order))
        outgoing.setRawHeader(name, headers.value(name));
    // Unasked, Qt would ask for gzip and unpack it: the client's bytes are passed as they come.
    if (!encoding)
        outgoing.setRawHeader("accept-encoding", "identity");
    outgoing.setRawHeader("x-forwarded-for", "127.0.0.1");
    outgoing.setRawHeader("x-forwarded-proto", "http");
    QNetworkReply *reply = mNetwork->sendCustomRequest(outgoing, request.method.toLatin1(), request.body);
    const QString name = s.spec.name;
    const quint64 id = instance.id;
    const int index = instance.index;
    const qint64 timeout = s.spec.timeoutMs;
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply, tooLarge](qint64 received, qint64) {
        if (received > kResponseLimit && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    auto since = std::make_shared<QElapsedTimer>();
    since->start();
    const bool cold = waiting.cold;
    const double waited = double(waiting.since.nsecsElapsed()) / 1e6;
    Done done = std::move(waiting.done);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, name, id, index, timeout, tooLarge, since, cold, waited, done] {
        reply->deleteLater();
        ContainerAnswer answer;
        answer.instance = index;
        answer.coldStart = cold;
        answer.durationMs = waited + double(since->nsecsElapsed()) / 1e6;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (*tooLarge) {
            answer.status = 502;
            answer.problem = tr("container '%1': the answer is over 10 MB").arg(name);
        } else if (status.isValid() && reply->error() != QNetworkReply::OperationCanceledError) {
            answer.status = status.toInt();
            const QByteArray body = reply->readAll();
            answer.body = body.size() > kResponseLimit ? QByteArray() : body;
            for (const auto &[key, value] : reply->rawHeaderPairs()) {
                const QByteArray lower = key.toLower();
                if (hopByHop(lower))
                    continue;
                // Qt joins repeated headers; cookies must stay apart.
                if (lower == "set-cookie") {
                    for (const QByteArray &cookie : value.split('\n'))
                        answer.headers.append({lower, cookie});
                } else {
                    answer.headers.append({lower, value});
                }
            }
        } else if (reply->error() == QNetworkReply::OperationCanceledError
                   || reply->error() == QNetworkReply::TimeoutError) {
            answer.status = 504;
            answer.problem = tr("container '%1': instance %2 did not answer within %3 s")
                                 .arg(name)
                                 .arg(index)
                                 .arg(double(timeout) / 1000.0);
        } else {
            answer.status = 502;
            answer.problem = tr("container '%1': instance %2 failed the request: %3")
                                 .arg(name, QString::number(index), reply->errorString());
        }
        finished(name, id);
        if (done)
            done(answer);
    });
}

void ContainerPool::finished(const QString &container, quint64 id)
{
    Instance *instance = find(container, id);
    if (!instance)
        return;
    --instance->inFlight;
    if (instance->inFlight == 0)
        instance->since.start();
    dispatch(*mServices.at(container));
}

void ContainerPool::stopInstance(Service &s, quint64 id, const QString &reason)
{
    const auto it = std::find_if(s.instances.begin(), s.instances.end(), [id](const auto &i) { return i->id == id; });
    if (it == s.instances.end())
        return;
    std::unique_ptr<Instance> instance = std::move(*it);
    s.instances.erase(it);
    const qint64 pid = instance->pid;
    if (QProcess *process = instance->process) {
        process->disconnect(this);
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
    }
    if (reason.isEmpty() || !instance->process) {
        // What the process started may outlive it: its group goes too.
        killGroup(pid, SIGKILL);
        if (instance->process)
            instance->process->kill();
    } else {
        // As Cloud Run does: SIGTERM, then SIGKILL after a grace period.
        killGroup(pid, SIGTERM);
        QTimer::singleShot(kTermGraceMs, this, [pid] { killGroup(pid, SIGKILL); });
    }
    if (!instance->engineName.isEmpty())
        QProcess::startDetached(instance->engine, {u"rm"_s, u"-f"_s, instance->engineName});
    if (!reason.isEmpty())
        emit instanceStopped(s.spec.name, instance->index, reason);
}

void ContainerPool::housekeep()
{
    bool busy = false;
    for (auto &[name, s] : mServices) {
        // Requests nothing could take in time: no instance is starting for them.
        const bool starting = std::any_of(s->instances.cbegin(), s->instances.cend(),
                                          [](const auto &i) { return i->state == Instance::State::Starting; });
        while (!starting && !s->waiting.isEmpty() && s->waiting.first().since.elapsed() > kWaitLimitMs) {
            Waiting w = s->waiting.takeFirst();
            ContainerAnswer answer;
            answer.status = 429;
            answer.problem = tr("container '%1': no instance was available in %2 s (%3 at most, %4 requests each)")
                                 .arg(s->spec.name)
                                 .arg(kWaitLimitMs / 1000)
                                 .arg(s->spec.maxInstances)
                                 .arg(s->spec.concurrency);
            answerLater(w.done, answer);
        }
        // Idle instances beyond the minimum stop, the newest first.
        for (auto it = s->instances.rbegin(); it != s->instances.rend();) {
            Instance &i = **it;
            if (int(s->instances.size()) > s->spec.minInstances && i.state == Instance::State::Ready && i.inFlight == 0
                && i.since.elapsed() >= s->spec.idleTimeoutMs) {
                const quint64 id = i.id;
                const QString reason = tr("idle for %1 s").arg(QString::number(double(s->spec.idleTimeoutMs) / 1000.0));
                stopInstance(*s, id, reason);
                it = s->instances.rbegin();
                continue;
            }
            ++it;
        }
        dispatch(*s);
        busy = busy || !s->instances.empty() || !s->waiting.isEmpty();
    }
    if (!busy)
        mHousekeeping->stop();
}

void ContainerPool::stopAll()
{
    for (auto &[name, s] : mServices) {
        while (!s->instances.empty()) {
            const quint64 id = s->instances.back()->id;
            const int index = s->instances.back()->index;
            QProcess *process = s->instances.back()->process;
            stopInstance(*s, id, QString());
            if (process)
                process->waitForFinished(1000);
            emit instanceStopped(name, index, tr("the cloud stopped"));
        }
        for (Waiting &w : s->waiting) {
            ContainerAnswer answer;
            answer.status = 503;
            answer.problem = tr("container '%1': the cloud stopped").arg(name);
            answerLater(w.done, answer);
        }
        s->waiting.clear();
    }
    mServices.clear();
    mHousekeeping->stop();
}

int ContainerPool::instanceCount(const QString &container) const
{
    const auto it = mServices.find(container);
    return it == mServices.end() ? 0 : int(it->second->instances.size());
}

int ContainerPool::inFlight(const QString &container) const
{
    const auto it = mServices.find(container);
    if (it == mServices.end())
        return 0;
    int count = 0;
    for (const auto &instance : it->second->instances)
        count += instance->inFlight;
    return count;
}

} // namespace Nimbus
