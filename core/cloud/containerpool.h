#pragma once

#include "httproutes.h"
#include "model/node.h"
#include "result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QProcess;
class QTimer;

namespace Nimbus {

class Catalog;

// What the local cloud needs of a container node (resources/catalog/kinds/container.json)
// to run it: how it starts, where it listens and how it scales.
struct ContainerSpec
{
    QString name;
    NodeId node = kInvalidNodeId;
    QString image;
    int port = 8080;
    int concurrency = 80;
    int minInstances = 0;
    int maxInstances = 100;
    qint64 idleTimeoutMs = 900 * 1000;
    qint64 timeoutMs = 300 * 1000;
    double cpu = 1;
    int memory = 512;
    QStringList command; // the program and its arguments, split without a shell
    QString workingDirectory; // absolute, inside the project's folder
    QList<QPair<QString, QString>> environment; // besides PORT

    // The node's settings, its folder resolved under projectDirectory (refused when it
    // leaves it) and its command split as QProcess::splitCommand splits it. An image that
    // is not an image reference (one starting with '-' would be an engine's option), a
    // variable name that is not NAME (letters, digits, '_'), and, when an engine may run
    // the image, a name that steers the engine itself (LD_PRELOAD, DOCKER_HOST ...: the
    // engine gets the values in its environment) are refused.
    static Result<ContainerSpec> fromNode(const Node &node, const QString &projectDirectory);
};

// An HTTP request for a container, and its answer.
struct ContainerRequest
{
    QString method = QStringLiteral("GET");
    QString path = QStringLiteral("/"); // percent-encoded, as the client sent it
    QByteArray query; // raw, without '?'
    HttpHeaders headers;
    QByteArray body;
};

struct ContainerAnswer
{
    int status = 502;
    HttpHeaders headers;
    QByteArray body;
    QString problem; // why the answer is the pool's own error, naming the node
    bool coldStart = false; // the request waited for an instance to start
    int instance = 0; // the instance that served it (1, 2 ...); 0 when none did
    double durationMs = 0;
};

// The instances of the design's containers while the local cloud runs, as Cloud Run runs
// a service: none until a request comes (scale from zero), one more when the requests in
// flight exceed the instances' concurrency (up to the maximum), one fewer after an
// instance has served nothing for the idle timeout (down to the minimum; real time, not
// the cloud's virtual clock, since the processes run on real time). An instance is the
// node's image run by podman or docker when one is on PATH and the node names an image,
// otherwise its local command, run without a shell in its folder with PORT set; either
// listens on a free port of 127.0.0.1 only. Requests are proxied to it over HTTP/1.1.
// Every process leads its own process group, which is killed when the instance stops.
class ContainerPool : public QObject
{
    Q_OBJECT

public:
    // Answers over API Gateway's 10 MB are refused with 502, as the gateway's payloads are.
    static constexpr qsizetype kResponseLimit = 10 * 1024 * 1024;
    // Requests waiting for an instance when all run at their concurrency and no more may
    // start: at most this many per container, for at most this long (then 429, as Cloud
    // Run answers when no instance is available).
    static constexpr int kWaitingLimit = 1000;
    static constexpr qint64 kWaitLimitMs = 10 * 1000;
    // The bodies those waiting requests hold, together, per container (then 429): a
    // thousand 10 MB bodies would otherwise be held at once.
    static constexpr qint64 kWaitingBytesLimit = 64 * 1024 * 1024;
    // Instances and concurrency are bounded as the catalog bounds them, whatever a
    // project file says: a stranger's minInstances would otherwise start that many
    // processes when the cloud starts.
    static constexpr int kInstanceLimit = 1000;
    static constexpr int kConcurrencyLimit = 1000;

    using Done = std::function<void(const ContainerAnswer &)>;

    explicit ContainerPool(QObject *parent = nullptr);
    ~ContainerPool() override;

    // How long an instance may take to listen on its port (10 s by default).
    void setStartTimeout(qint64 milliseconds) { mStartTimeoutMs = milliseconds; }
    qint64 startTimeout() const { return mStartTimeoutMs; }

    // The engine that runs images: NIMBUS_CONTAINER_ENGINE (podman, docker, or none) when
    // set, else podman or docker, whichever is on PATH first; empty when none.
    static QString engine();

    // Proxies request to an instance of spec's container, starting one if needed; done is
    // called once, later (never before request returns).
    void request(const ContainerSpec &spec, const ContainerRequest &request, Done done);
    // Starts instances up to the container's minimum.
    void warm(const ContainerSpec &spec);
    // Stops every instance (their process groups killed) and answers waiting requests 503.
    void stopAll();

    // Running (or starting) instances of a container, and requests in flight on them.
    int instanceCount(const QString &container) const;
    int inFlight(const QString &container) const;

signals:
    // An instance started listening (how long it took), stopped (why), or could not start.
    void instanceStarted(const QString &container, int instance, double milliseconds, const QString &how);
    void instanceStopped(const QString &container, int instance, const QString &reason);
    void instanceFailed(const QString &container, int instance, const QString &problem);

private:
    struct Instance;
    struct Waiting
    {
        ContainerRequest request;
        Done done;
        QElapsedTimer since;
        bool cold = false;
    };
    struct Service
    {
        ContainerSpec spec;
        std::vector<std::unique_ptr<Instance>> instances;
        QList<Waiting> waiting;
        int nextIndex = 1;
        QElapsedTimer lastFailure;
    };

    Service &service(const ContainerSpec &spec);
    // The instance with this id, while it exists (callbacks hold ids, never pointers).
    Instance *find(const QString &container, quint64 id) const;
    void dispatch(Service &service);
    void startInstance(Service &service);
    void probe(const QString &container, quint64 id);
    void ready(const QString &container, quint64 id);
    void failed(const QString &container, quint64 id, const QString &problem);
    void forward(Service &service, Instance &instance, Waiting waiting);
    void finished(const QString &container, quint64 id);
    void stopInstance(Service &service, quint64 id, const QString &reason);
    void housekeep();
    static void answerLater(const Done &done, ContainerAnswer answer);

    std::map<QString, std::unique_ptr<Service>> mServices;
    quint64 mNextId = 1;
    QNetworkAccessManager *mNetwork; // a child
    QTimer *mHousekeeping; // a child
    qint64 mStartTimeoutMs = 10 * 1000;
};

} // namespace Nimbus
