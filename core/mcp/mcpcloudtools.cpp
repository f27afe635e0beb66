// The local cloud's tools of `nimbus mcp`, and the resources the workspace serves.

#include "cloud/eventbus.h"
#include "cloud/gatewayserver.h"
#include "cloud/httpclient.h"
#include "cloud/localcloud.h"
#include "cloud/virtualclock.h"
#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "mcptools.h"
#include "mcpworkspace.h"
#include "model/kinds.h"
#include "model/validator.h"
#include "paths.h"
#include "runtime/functionrunner.h"
#include "runtime/functionspec.h"
#include "runtime/runhistory.h"
#include "storage/jsoninterchange.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QPointer>
#include <QtConcurrent>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace Nimbus::McpTools {

namespace {

constexpr int kHopLimit = 1000;

QJsonObject hopJson(const CloudLogEntry &e)
{
    QJsonObject hop{{u"id"_s, e.id},
                    {u"cause"_s, e.cause},
                    {u"depth"_s, e.depth},
                    {u"when"_s, e.when.toString(Qt::ISODateWithMs)},
                    {u"kind"_s, CloudLogEntry::kindName(e.kind)},
                    {u"source"_s, e.source},
                    {u"target"_s, e.target},
                    {u"ok"_s, e.ok},
                    {u"finished"_s, e.finished},
                    {u"durationMs"_s, e.durationMs},
                    {u"detail"_s, e.detail}};
    if (e.httpStatus)
        hop.insert(u"httpStatus"_s, e.httpStatus);
    return hop;
}

QJsonArray hopsAfter(const LocalCloud &cloud, qint64 after, int limit)
{
    QJsonArray hops;
    for (const CloudLogEntry &e : cloud.log())
        if (e.id > after && hops.size() < limit)
            hops.append(hopJson(e));
    return hops;
}

Result<LocalCloud *> runningCloud(const McpWorkspace &w)
{
    if (!w.cloud() || !w.cloud()->isRunning())
        return fail(McpWorkspace::tr("the local cloud is not running: call start_cloud first"));
    return w.cloud();
}

void addLifecycleTools(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"start_cloud"_s, McpWorkspace::tr("Start the local cloud"),
         McpWorkspace::tr("Runs the design on this machine: an HTTP gateway for its routes (127.0.0.1 only) and "
                          "its queues, topics, buckets, tables and schedules delivering events to its functions, "
                          "which reach them through the AWS SDK at a local endpoint. Each hop is also sent as a "
                          "log notification."),
         objectSchema(
             {{u"port"_s, argument("integer", McpWorkspace::tr("The gateway's port (0: any free one)."))},
              {u"awsPort"_s, argument("integer", McpWorkspace::tr("The AWS endpoint's port (0: any free one)."))}}),
         [&w, &server](McpCall *call) {
        const int port = call->arguments().value("port"_L1).toInt(0);
        const int awsPort = call->arguments().value("awsPort"_L1).toInt(0);
        if (port < 0 || port > 65535 || awsPort < 0 || awsPort > 65535) {
            call->fail(McpWorkspace::tr("a port is from 0 to 65535"));
            return;
        }
        const bool wasRunning = w.cloud() && w.cloud()->isRunning();
        const Result<QString> url = w.startCloud(port, awsPort);
        if (!url) {
            call->fail(url.errorMessage());
            return;
        }
        if (!wasRunning)
            QObject::connect(w.cloud(), &LocalCloud::logged, &server, [&server](const CloudLogEntry &e) {
                if (e.finished)
                    server.log(e.ok ? u"info"_s : u"warning"_s, u"cloud"_s, hopJson(e));
            });
        call->finish({{u"gateway"_s, *url}, {u"aws"_s, w.endpointUrl()}});
         }});
    server.addTool({u"stop_cloud"_s, McpWorkspace::tr("Stop the local cloud"),
                    McpWorkspace::tr("Stops the gateway, the endpoint and the deliveries; the services' state stays "
                                     "on disk for the next start."),
                    objectSchema({}), [&w](McpCall *call) {
                        const bool running = w.cloud() && w.cloud()->isRunning();
                        w.stopCloud();
                        call->finish({{u"stopped"_s, running}});
                    }});
}

void addHttpTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"http_request"_s, McpWorkspace::tr("Send an HTTP request"),
         McpWorkspace::tr("Sends a request to the local cloud's gateway (nowhere else) and gives the answer with "
                          "the hops it caused."),
         objectSchema({{u"method"_s,
                        enumArgument({u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s},
                                     McpWorkspace::tr("The HTTP method."))},
                       {u"path"_s, argument("string", McpWorkspace::tr("The path and query, starting with /."))},
                       {u"headers"_s, argument("object", McpWorkspace::tr("Header values by name."))},
                       {u"body"_s, argument("string", McpWorkspace::tr("The body, UTF-8."))}},
                      {u"method"_s, u"path"_s}),
         [&w](McpCall *call) {
        const Result<LocalCloud *> cloud = runningCloud(w);
        const QString path = call->arguments().value("path"_L1).toString();
        if (!cloud || !path.startsWith(u'/') || path.startsWith("//"_L1) || path.contains(u'\n') || path.contains(u'\r')
            || path.contains(u' ')) {
            call->fail(cloud ? McpWorkspace::tr("the path starts with / and holds no spaces or line breaks")
                             : cloud.errorMessage());
            return;
        }
        HttpClient::Request request;
        request.method = call->arguments().value("method"_L1).toString().toLatin1();
        request.url = w.gateway()->url() + path;
        request.body = call->arguments().value("body"_L1).toString().toUtf8();
        const QJsonObject headers = call->arguments().value("headers"_L1).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            const QByteArray line = it.key().toLatin1() + ": " + it.value().toString().toUtf8();
            if (line.contains('\n') || line.contains('\r')) {
                call->fail(McpWorkspace::tr("the header %1 holds a line break").arg(it.key()));
                return;
            }
            request.headers.append(line);
        }
        auto stop = std::make_shared<std::atomic_bool>(false);
        request.cancelled = [stop] { return stop->load(); };
        QObject::connect(call, &McpCall::cancelled, call, [stop] { stop->store(true); });
        const qint64 before = (*cloud)->log().isEmpty() ? 0 : (*cloud)->log().last().id;
        // libcurl blocks: off this thread, which serves the gateway the request goes to.
        auto *watcher = new QFutureWatcher<Result<HttpClient::Answer>>(call);
        QPointer<McpCall> pending(call);
        QObject::connect(watcher, &QFutureWatcherBase::finished, call, [watcher, pending, &w, before] {
            const Result<HttpClient::Answer> answer = watcher->result();
            if (!pending)
                return;
            if (!answer) {
                pending->fail(answer.errorMessage());
                return;
            }
            QJsonObject result{{u"status"_s, qint64(answer->status)},
                               {u"contentType"_s, QString::fromLatin1(answer->contentType)},
                               {u"body"_s, QString::fromUtf8(answer->body)},
                               {u"truncated"_s, answer->truncated}};
            if (w.cloud())
                result.insert(u"hops"_s, hopsAfter(*w.cloud(), before, kHopLimit));
            pending->finish(result);
        });
        watcher->setFuture(QtConcurrent::run([request] { return HttpClient::exchange(request); }));
         }});
}

// PutEvents on a bus: body is one entry or an array of up to 10 (a Detail object is sent
// as its JSON text, as the SDKs do); the per-entry results as PutEvents answers them, as
// JSON text. Fails when an entry is refused, naming it.
Result<QString> putEvent(LocalCloud &cloud, const QString &bus, const QByteArray &body)
{
    const Result<QJsonArray> entries = EventBus::entriesFromJson(body);
    if (!entries)
        return entries.error();
    const QJsonArray results = cloud.putEvents(bus, *entries);
    QStringList refused;
    for (qsizetype i = 0; i < results.size(); ++i)
        if (const QJsonObject r = results.at(i).toObject(); r.contains("ErrorCode"_L1))
            refused.append(McpWorkspace::tr("entry %1: %2: %3")
                               .arg(i + 1)
                               .arg(r.value("ErrorCode"_L1).toString(), r.value("ErrorMessage"_L1).toString()));
    if (!refused.isEmpty())
        return fail(refused.join(u"; "_s));
    return QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Compact));
}

// Moves the local cloud's clock by a duration (90s, 15m, 6h, 2d) or to the next thing due
// ("next"), through everything due on the way; the clock's new time.
Result<QString> advance(LocalCloud &cloud, const QString &duration)
{
    const Result<qint64> ms = duration == "next"_L1 ? Result<qint64>(0) : VirtualClock::parseDuration(duration);
    if (!ms)
        return ms.error();
    const Result<QDateTime> moved = duration == "next"_L1 ? cloud.runUntilNextDue() : cloud.advance(*ms);
    if (!moved)
        return moved.error();
    return moved->toString(Qt::ISODateWithMs);
}

Result<QString> act(LocalCloud &cloud, const QString &operation, const QJsonObject &a)
{
    const QString target = a.value("target"_L1).toString();
    const QByteArray body = a.value("body"_L1).toString().toUtf8();
    const auto done = [](const Result<void> &r, const QString &what) -> Result<QString> {
        return r ? Result<QString>(what) : Result<QString>(r.error());
    };
    if (operation == "send-message"_L1)
        return cloud.sendMessage(target, body, {}, a.value("delaySeconds"_L1).toInt(0));
    if (operation == "publish"_L1)
        return cloud.publish(target, QString::fromUtf8(body), a.value("subject"_L1).toString());
    if (operation == "put-object"_L1) {
        if (body.size() > LocalCloud::kObjectLimit)
            return fail(McpWorkspace::tr("an object is limited to %1 MB").arg(LocalCloud::kObjectLimit >> 20));
        return done(cloud.putObject(target, a.value("key"_L1).toString(), body, a.value("contentType"_L1).toString()),
                    a.value("key"_L1).toString());
    }
    if (operation == "delete-object"_L1)
        return done(cloud.deleteObject(target, a.value("key"_L1).toString()), a.value("key"_L1).toString());
    if (operation == "put-item"_L1)
        return done(cloud.putItem(target, a.value("item"_L1).toObject()), target);
    if (operation == "delete-item"_L1)
        return done(cloud.deleteItem(target, a.value("item"_L1).toObject()), target);
    if (operation == "put-event"_L1)
        return putEvent(cloud, target, body);
    if (operation == "advance"_L1)
        return advance(cloud, a.value("duration"_L1).toString());
    return done(cloud.fireSchedule(target), target);
}

void addActionTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"cloud_action"_s, McpWorkspace::tr("Act on a service"),
         McpWorkspace::tr("Acts on a service of the running local cloud as the service would; the events follow the "
                          "design's connections. send-message (body, delaySeconds), publish (body, subject), "
                          "put-object and delete-object (key, body, contentType), put-item (item), delete-item "
                          "(item: the key attributes), fire (a schedule), put-event (target: an event bus; body: "
                          "a PutEvents entry or an array of up to 10, Detail an object or its JSON text), advance "
                          "(duration: 90s, 15m, 6h, 2d or next; the clock moves through everything due on the way, "
                          "schedules firing at their times). Items are DynamoDB JSON: {\"id\": {\"S\": \"42\"}}."),
         objectSchema(
             {{u"operation"_s, enumArgument({u"send-message"_s, u"publish"_s, u"put-object"_s, u"delete-object"_s,
                                             u"put-item"_s, u"delete-item"_s, u"fire"_s, u"put-event"_s, u"advance"_s},
                                            McpWorkspace::tr("What to do."))},
              {u"target"_s, argument("string", McpWorkspace::tr("The service node's name."))},
              {u"body"_s, argument("string", McpWorkspace::tr("A message or an object's content."))},
              {u"key"_s, argument("string", McpWorkspace::tr("An object's key."))},
              {u"item"_s, argument("object", McpWorkspace::tr("A DynamoDB item or key."))},
              {u"subject"_s, argument("string", McpWorkspace::tr("A message's subject."))},
              {u"contentType"_s, argument("string", McpWorkspace::tr("An object's content type."))},
              {u"delaySeconds"_s, argument("integer", McpWorkspace::tr("Seconds before a message shows."))},
              {u"duration"_s,
               argument("string", McpWorkspace::tr("How far advance moves the clock: 90s, 15m, 6h, 2d or "
                                                   "next."))}},
             {u"operation"_s}),
         [&w](McpCall *call) {
        const Result<LocalCloud *> cloud = runningCloud(w);
        if (!cloud) {
            call->fail(cloud.errorMessage());
            return;
        }
        const qint64 before = (*cloud)->log().isEmpty() ? 0 : (*cloud)->log().last().id;
        const Result<QString> done = act(**cloud, call->arguments().value("operation"_L1).toString(),
                                         call->arguments());
        if (!done)
            call->fail(done.errorMessage());
        else
            call->finish({{u"result"_s, *done}, {u"hops"_s, hopsAfter(**cloud, before, kHopLimit)}});
         }});
}

void addStateTools(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"read_hops"_s, McpWorkspace::tr("Read the hop log"),
         McpWorkspace::tr("What the local cloud did, hop by hop (requests, invocations, service changes, retries, "
                          "dead letters), oldest first; after gives the last id already read."),
         objectSchema({{u"after"_s, argument("integer", McpWorkspace::tr("Only hops with a greater id."))},
                       {u"limit"_s, argument("integer", McpWorkspace::tr("At most this many (default 200)."))}}),
         [&w](McpCall *call) {
        const Result<LocalCloud *> cloud = runningCloud(w);
        if (!cloud) {
            call->fail(cloud.errorMessage());
            return;
        }
        const int limit = qBound(1, call->arguments().value("limit"_L1).toInt(200), kHopLimit);
        call->finish({{u"hops"_s, hopsAfter(**cloud, call->arguments().value("after"_L1).toInteger(), limit)}});
         },
         true});
    server.addTool({u"service_state"_s, McpWorkspace::tr("Read a service's state"),
                    McpWorkspace::tr("What a queue, table or bucket of the running local cloud holds (the first 200)."),
                    objectSchema({{u"service"_s, argument("string", McpWorkspace::tr("The service node's name."))}},
                                 {u"service"_s}),
                    [&w](McpCall *call) {
        const Result<LocalCloud *> cloud = runningCloud(w);
        const Result<const Node *> node = cloud ? nodeNamed(w, call->arguments().value("service"_L1).toString())
                                                : Result<const Node *>(cloud.error());
        if (!node) {
            call->fail(node.errorMessage());
            return;
        }
        CloudState &state = (*cloud)->state();
        const QString name = (*node)->name;
        QJsonArray entries;
        if ((*node)->kind == Kinds::Queue) {
            for (const QueueMessage &m : state.messages(name).mid(0, 200))
                entries.append(QJsonObject{{u"id"_s, m.id},
                                           {u"body"_s, QString::fromUtf8(m.body)},
                                           {u"receiveCount"_s, m.receiveCount},
                                           {u"visibleAt"_s, m.visibleAt.toString(Qt::ISODateWithMs)}});
        } else if ((*node)->kind == Kinds::Table) {
            for (const QJsonObject &item : state.scan(name).mid(0, 200))
                entries.append(item);
        } else if ((*node)->kind == Kinds::Bucket) {
            for (const StoredObject &o : state.listObjects(name).mid(0, 200))
                entries.append(QJsonObject{
                    {u"key"_s, o.key}, {u"size"_s, o.size}, {u"contentType"_s, o.contentType}, {u"etag"_s, o.etag}});
        } else {
            call->fail(McpWorkspace::tr("%1 is a %2; queues, tables and buckets hold state").arg(name, (*node)->kind));
            return;
        }
        call->finish({{u"service"_s, name}, {u"kind"_s, (*node)->kind}, {u"entries"_s, entries}});
                    },
                    true});
}

QByteArray compact(const QJsonValue &value)
{
    return value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)
                            : QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
}

// Each function's source files (at most 50 per function, 1 MB each) as resources.
void addCodeResources(McpWorkspace &w, QList<McpResource> &list)
{
    for (const auto &[id, node] : w.project()->architecture().nodes()) {
        const Result<FunctionSpec> spec = FunctionSpec::fromNode(*w.project(), id);
        if (!spec || !w.allowedPath(spec->sourceDirectory))
            continue;
        const QStringList files = Paths::folderContents(spec->sourceDirectory, [](const QString &name) {
                                      return name == "node_modules"_L1 || name.startsWith(u'.')
                                             || name == "__pycache__"_L1;
                                  }).files.mid(0, 50);
        for (const QString &file : files) {
            const QString path = QDir(spec->sourceDirectory).filePath(file);
            list.append({u"nimbus://functions/%1/%2"_s.arg(node.name, file), u"%1/%2"_s.arg(node.name, file),
                         McpWorkspace::tr("A source file of the function %1.").arg(node.name),
                         file.endsWith(".py"_L1) ? u"text/x-python"_s : u"text/javascript"_s, [path] {
                             QFile in(path);
                             return in.open(QIODevice::ReadOnly) ? in.read(1024 * 1024) : QByteArray();
                         }});
        }
    }
}

} // namespace

void addCloudTools(McpServer &server, McpWorkspace &workspace)
{
    addLifecycleTools(server, workspace);
    addHttpTool(server, workspace);
    addActionTool(server, workspace);
    addStateTools(server, workspace);
}

QList<McpResource> resources(McpWorkspace &w)
{
    QList<McpResource> list;
    if (!w.project())
        return list;
    Project *project = w.project();
    list.append({u"nimbus://design"_s, u"design.json"_s,
                 McpWorkspace::tr("The design as Nimbus's JSON interchange: nodes, properties, connections."),
                 u"application/json"_s, [project] { return JsonInterchange::write(project->architecture()); }});
    list.append({u"nimbus://runs"_s, u"runs.json"_s,
                 McpWorkspace::tr("The latest runs of each function (20 each): event, result, logs, REPORT."),
                 u"application/json"_s, [&w, project] {
                     QJsonArray runs;
                     for (const auto &[id, node] : project->architecture().nodes())
                         for (const RunHistory::Entry &e : w.runner()->history().entries(id, 20))
                             runs.append(QJsonObject{{u"id"_s, e.id},
                                                     {u"function"_s, node.name},
                                                     {u"event"_s, QString::fromUtf8(e.event)},
                                                     {u"result"_s, e.result.toJson()}});
                     return compact(runs);
                 }});
    if (!w.lastCost().isEmpty())
        list.append({u"nimbus://cost/last"_s, u"cost.json"_s,
                     McpWorkspace::tr("The last cost report the cost tool made."), u"application/json"_s,
                     [&w] { return compact(w.lastCost()); }});
    for (const ExporterInterface *exporter : PluginRegistry::instance().exporters()) {
        const QString target = exporter->targetId();
        list.append(
            {u"nimbus://export/"_s + target, target + u"-preview.json"_s,
             McpWorkspace::tr("What an export to %1 would write, and its diagnostics.").arg(exporter->targetName()),
             u"application/json"_s, [project, exporter, target] {
                 QMap<QString, QString> options;
                 for (const ExportOption &o : exporter->exportOptions())
                     options.insert(o.id, o.defaultValue);
                 const ExportOutput out = ExportJob::prepare(*exporter, PluginRegistry::instance().provider(target),
                                                             ExportJob::input(*project, target, options));
                 QJsonArray files;
                 for (const ExportFile &f : out.files)
                     files.append(f.isCopy()
                                      ? QJsonObject{{u"path"_s, f.path}, {u"copyOf"_s, f.copyFrom}}
                                      : QJsonObject{{u"path"_s, f.path}, {u"content"_s, QString::fromUtf8(f.content)}});
                 return compact(
                     QJsonObject{{u"target"_s, target},
                                 {u"files"_s, files},
                                 {u"diagnostics"_s, Validator::toJson(project->architecture(), out.diagnostics)}});
             }});
    }
    addCodeResources(w, list);
    return list;
}

} // namespace Nimbus::McpTools
