// The local cloud's AWS endpoint (S3 REST, SQS JSON and query, SNS query, DynamoDB)
// fed whole requests, as the HTTP server hands them over:
//
//   METHOD /path?query
//   Header-Name: value
//   ...
//   (empty line)
//   body
//
// The cloud runs a design of services only (no function, so no worker starts) in a
// temporary folder, and is started afresh every few thousand inputs so that its
// state stays small and the runs comparable.

#include "cloud/awsendpoint.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "fuzzcommon.h"
#include "model/catalog.h"
#include "runtime/functionrunner.h"
#include "storage/jsoninterchange.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUrl>

#include <memory>

using namespace Nimbus;

namespace {

const char kDesign[] = R"({"format": "nimbus-project", "version": 1, "edges": [], "nodes": [
    {"kind": "queue", "name": "jobs", "properties": {"batchSize": 10, "maxReceiveCount": 2, "visibilityTimeout": 30}},
    {"kind": "table", "name": "things", "properties": {"partitionKey": "id", "partitionKeyType": "S", "sortKey": "", "stream": "NONE"}},
    {"kind": "table", "name": "events", "properties": {"partitionKey": "device", "partitionKeyType": "S", "sortKey": "at", "sortKeyType": "N", "stream": "NONE"}},
    {"kind": "bucket", "name": "files", "properties": {"events": "ObjectCreated", "prefix": "", "suffix": ""}},
    {"kind": "topic", "name": "alerts", "properties": {}}]})";

constexpr int kRunsPerCloud = 2000;

struct Cloud
{
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    std::unique_ptr<FunctionRunner> runner;
    std::unique_ptr<LocalCloud> cloud;
    std::unique_ptr<AwsEndpoint> endpoint;

    Cloud()
    {
        project = std::make_unique<Project>(Catalog::builtin());
        JsonInterchange reader;
        if (const Result<void> read = reader.read(kDesign, QStringLiteral("design.json")); !read)
            qFatal("fuzz design: %s", qPrintable(read.errorMessage()));
        project->architecture().reset(reader.takeNodes(), reader.takeEdges());
        runner = std::make_unique<FunctionRunner>();
        runner->setProject(project.get());
        cloud = std::make_unique<LocalCloud>(*project, *runner);
        if (const Result<void> started = cloud->start(dir.filePath(QStringLiteral("state"))); !started)
            qFatal("fuzz cloud: %s", qPrintable(started.errorMessage()));
        endpoint = std::make_unique<AwsEndpoint>(*cloud);
        cloud->setServiceEndpoint(QStringLiteral("http://127.0.0.1:4566"));
    }
    ~Cloud()
    {
        endpoint.reset();
        cloud.reset();
        runner.reset();
        project.reset();
    }
};

std::unique_ptr<Cloud> gCloud;
int gRuns = 0;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!gCloud || ++gRuns % kRunsPerCloud == 0)
        gCloud = std::make_unique<Cloud>(); // the old one goes first: one folder at a time
    const QByteArray input = NimbusFuzz::bytes(data, size);
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    const QList<QByteArray> lines = head.split('\n');

    AwsRequest request;
    const QByteArray requestLine = lines.value(0);
    const qsizetype space = requestLine.indexOf(' ');
    request.method = QString::fromLatin1(requestLine.left(space < 0 ? 0 : space));
    const QByteArray target = space < 0 ? requestLine : requestLine.mid(space + 1);
    const qsizetype question = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    request.host = QStringLiteral("localhost");
    request.when = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        request.headers.append(qMakePair(name, value));
        // The server takes the host from this header, without the port.
        if (name == "host")
            request.host = QString::fromUtf8(
                value.left(value.lastIndexOf(':') < 0 ? value.size() : value.lastIndexOf(':')));
    }
    if (headEnd >= 0)
        request.body = input.mid(headEnd + 2);

    bool answered = false;
    gCloud->endpoint->handle(request, [&answered](const HttpResponseData &) { answered = true; });
    // A long poll answers later; it must not outlive the input that asked for it.
    if (!answered)
        gCloud.reset();
    return 0;
}
