#pragma once

// The local cloud of the tests that run one (tests/runtime, tests/security, tests/unit):
// a project in a temporary folder, its runner and LocalCloud, the gateway and the AWS
// endpoint on free loopback ports, and HTTP from another thread. Kept apart from
// testutil.h so that a test without a cloud neither compiles these headers nor links
// libcurl: only a test that calls httpRequest() links CURL::libcurl.

#include "cloud/awsendpoint.h"
#include "cloud/gatewayserver.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <curl/curl.h>

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <future>
#include <memory>

namespace NimbusTest {

// An HTTP answer: its status (0 when none came), body and raw header lines.
struct HttpReply
{
    long status = 0;
    QByteArray body;
    QByteArray headers;
};

inline size_t collectCurlData(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

// One request through libcurl, on the calling thread; headers are "Name: value" lines.
inline HttpReply performHttp(const QByteArray &method, const QByteArray &url, const QByteArray &body,
                             const QList<QByteArray> &headers)
{
    HttpReply reply;
    CURL *curl = curl_easy_init();
    curl_slist *list = nullptr;
    for (const QByteArray &h : headers)
        list = curl_slist_append(list, h.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    if (!body.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collectCurlData);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectCurlData);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return reply;
}

// A request from another thread while this one's event loop serves it (the servers
// answer on the thread that runs the test); no reply after timeoutMs.
inline HttpReply httpRequest(const QByteArray &method, const QByteArray &url, const QByteArray &body = {},
                             const QList<QByteArray> &headers = {}, int timeoutMs = 40000)
{
    auto future = std::async(std::launch::async, performHttp, method, url, body, headers);
    if (!QTest::qWaitFor([&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                         timeoutMs))
        return {};
    return future.get();
}

// A project whose folder is a temporary one, with its FunctionRunner and LocalCloud;
// start() starts the cloud (its state in <folder>/.nimbus-cloud) and the servers asked
// for on free loopback ports. Everything stops, workers included, when it goes.
struct LocalCloudFixture
{
    enum Server { NoServer = 0, Gateway = 1, Endpoint = 2 };

    LocalCloudFixture()
    {
        project.setWorkingDirectory(folder.path());
        runner.setProject(&project);
        cloud = std::make_unique<Nimbus::LocalCloud>(project, runner);
    }

    ~LocalCloudFixture()
    {
        endpoint.reset();
        gateway.reset();
        cloud.reset();
        runner.pool()->stopAll();
    }

    // Starts the cloud, then the servers; false with error when one cannot start. The
    // cloud's functions reach the endpoint, when there is one, through the SDKs.
    bool start(int servers = Gateway | Endpoint)
    {
        Nimbus::Result<void> started = cloud->start(folder.filePath(QStringLiteral(".nimbus-cloud")));
        if (started && (servers & Gateway)) {
            gateway = std::make_unique<Nimbus::GatewayServer>(*cloud);
            started = gateway->listen(QHostAddress::LocalHost, 0);
        }
        if (started && (servers & Endpoint)) {
            endpoint = std::make_unique<Nimbus::AwsEndpoint>(*cloud);
            endpoint->setConnectionsOnOwnThread(endpointConnectionsOnOwnThread);
            started = endpoint->listen(QHostAddress::LocalHost, 0);
            if (started)
                cloud->setServiceEndpoint(endpoint->url());
        }
        if (!started) {
            error = started.errorMessage();
            return false;
        }
        return true;
    }

    // Copies the folder source (a project and its code) into the temporary folder and
    // loads fileName from there; false with error.
#ifdef NIMBUS_SOURCE_DIR
    // The runtime tests' project (tests/runtime/data/aws: queues, tables, a bucket, topics)
    // with an AWS endpoint that does not listen: a test hands it requests itself.
    bool startAwsProject()
    {
        if (!loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/aws"), QStringLiteral("aws.json")))
            return false;
        endpoint = std::make_unique<Nimbus::AwsEndpoint>(*cloud);
        return start(NoServer);
    }
#endif

    bool loadCopy(const QString &source, const QString &fileName)
    {
        if (!copyTree(source, folder.path())) {
            error = QStringLiteral("cannot copy %1").arg(source);
            return false;
        }
        const auto loaded = Nimbus::ProjectFile().load(folder.filePath(fileName), project);
        if (!loaded)
            error = loaded.errorMessage();
        return bool(loaded);
    }

    // A function node whose handler is functions/<name>/index.js with code.
    Nimbus::NodeId addFunction(const QString &name, const QByteArray &code)
    {
        const Nimbus::NodeId id = project.addNode(QStringLiteral("function"), {}, name).valueOr(Nimbus::kInvalidNodeId);
        QDir().mkpath(folder.filePath(QStringLiteral("functions/") + name));
        QFile file(folder.filePath(QStringLiteral("functions/%1/index.js").arg(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write(code) != code.size())
            qWarning("cannot write the code of %s", qPrintable(name));
        return id;
    }

    // An http-route node (method, path, CORS, payload format) that invokes function.
    Nimbus::NodeId addRoute(const QString &method, const QString &path, Nimbus::NodeId function, bool cors = false,
                            const QString &payloadFormat = QStringLiteral("2.0"))
    {
        const Nimbus::NodeId id = project.addNode(QStringLiteral("http-route"), {}).valueOr(Nimbus::kInvalidNodeId);
        (void)project.setNodeProperty(id, QStringLiteral("method"), method);
        (void)project.setNodeProperty(id, QStringLiteral("path"), path);
        (void)project.setNodeProperty(id, QStringLiteral("cors"), cors);
        (void)project.setNodeProperty(id, QStringLiteral("payloadFormat"), payloadFormat);
        (void)project.connectNodes(id, function, QStringLiteral("invokes"));
        return id;
    }

    // The cloud's log entries of a kind for a target (a function, a queue ...), oldest first.
    QList<Nimbus::CloudLogEntry> entries(Nimbus::CloudLogEntry::Kind kind, const QString &target) const
    {
        QList<Nimbus::CloudLogEntry> result;
        for (const Nimbus::CloudLogEntry &e : cloud->log())
            if (e.kind == kind && e.target == target)
                result.append(e);
        return result;
    }

    // Waits until function has been invoked count times and every invocation finished.
    bool waitForInvocations(const QString &function, int count, int timeoutMs = 20000) const
    {
        return QTest::qWaitFor(
            [&] {
            const QList<Nimbus::CloudLogEntry> list = entries(Nimbus::CloudLogEntry::Kind::Invocation, function);
            return list.size() >= count
                   && std::all_of(list.cbegin(), list.cend(), [](const auto &e) { return e.finished; });
            },
            timeoutMs);
    }

    // A request to the gateway's path (Host 127.0.0.1:port, as curl sends it).
    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QList<QByteArray> &headers = {}) const
    {
        return httpRequest(method, (gateway->url() + path).toUtf8(), body, headers);
    }

    // An operation of the gateway's control path, as nimbus cloud sends it: JSON with the
    // run's token.
    HttpReply control(const QString &operation, const QByteArray &json) const
    {
        return request("POST", QLatin1String(Nimbus::GatewayServer::kControlPrefix) + operation, json,
                       {QByteArrayLiteral("Content-Type: application/json"),
                        QByteArray(Nimbus::GatewayServer::kTokenHeader) + ": " + gateway->controlToken()});
    }

    QTemporaryDir folder;
    Nimbus::Project project{Nimbus::Catalog::builtin()};
    Nimbus::FunctionRunner runner;
    std::unique_ptr<Nimbus::LocalCloud> cloud;
    std::unique_ptr<Nimbus::GatewayServer> gateway;
    std::unique_ptr<Nimbus::AwsEndpoint> endpoint;
    // Set before start(): the endpoint reads and writes some connections on this thread
    // too, as `nimbus serve` runs it (AwsEndpoint::setConnectionsOnOwnThread).
    bool endpointConnectionsOnOwnThread = false;
    QString error;
};

} // namespace NimbusTest
