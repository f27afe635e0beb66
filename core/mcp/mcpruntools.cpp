// The run tools of `nimbus mcp`: a function's files, invocations, cost, export, diagram.

#include "cloud/localcloud.h"
#include "cost/costreport.h"
#include "cost/pricingcatalog.h"
#include "cost/workload.h"
#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "mcptools.h"
#include "mcpworkspace.h"
#include "model/architecture.h"
#include "model/diagrampainter.h"
#include "model/handlerreference.h"
#include "model/validator.h"
#include "paths.h"
#include "runtime/eventtemplates.h"
#include "runtime/functionrunner.h"
#include "runtime/functionspec.h"
#include "runtime/instancepool.h"
#include "runtime/runhistory.h"
#include "storage/projectfile.h"
#include "workflow/workflowengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImage>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Nimbus::McpTools {

namespace {

constexpr qsizetype kFileLimit = 4 * 1024 * 1024;

struct FunctionFile
{
    NodeId function = kInvalidNodeId;
    QString path; // absolute
    QString relative; // to the project's folder
};

// The file of a function an agent names (its handler file when it names none), confined
// to the function's source folder and to the allowed folders.
Result<FunctionFile> functionFile(const McpWorkspace &w, const QString &function, const QString &file)
{
    const Result<const Node *> node = nodeNamed(w, function);
    if (!node)
        return node.error();
    const Result<FunctionSpec> spec = FunctionSpec::fromNode(*w.project(), (*node)->id);
    if (!spec)
        return spec.error();
    QString relative = file;
    if (relative.isEmpty()) {
        const HandlerReference handler = HandlerReference::resolve(spec->runtime, spec->handler);
        if (!handler.isValid())
            return fail(McpWorkspace::tr("%1: the handler '%2' names no file for %3")
                            .arg(function, spec->handler, spec->runtime));
        relative = handler.candidates.first();
        for (const QString &candidate : handler.candidates) {
            if (QFileInfo::exists(QDir(spec->sourceDirectory).filePath(candidate))) {
                relative = candidate;
                break;
            }
            if (candidate.endsWith(".mjs"_L1)) // what the scaffolds write for Node.js
                relative = candidate;
        }
    }
    const Result<QString> inFolder = Paths::resolveUnder(spec->sourceDirectory, relative);
    if (!inFolder)
        return fail(McpWorkspace::tr("%1: %2").arg(function, inFolder.errorMessage()));
    const Result<QString> allowed = w.allowedPath(*inFolder);
    if (!allowed)
        return allowed.error();
    return FunctionFile{(*node)->id, *allowed, QDir(w.project()->directory()).relativeFilePath(*allowed)};
}

void addFileTools(McpServer &server, McpWorkspace &w)
{
    const QJsonObject function = argument("string", McpWorkspace::tr("The function node's name."));
    const QJsonObject file = argument("string", McpWorkspace::tr("A file relative to the function's source folder; "
                                                                 "its handler file when left out."));
    server.addTool({u"read_function_file"_s, McpWorkspace::tr("Read a function's file"),
                    McpWorkspace::tr("Reads a file of a function's source folder (its handler by default)."),
                    objectSchema({{u"function"_s, function}, {u"file"_s, file}}, {u"function"_s}),
                    [&w](McpCall *call) {
        const Result<FunctionFile> f = functionFile(w, call->arguments().value("function"_L1).toString(),
                                                    call->arguments().value("file"_L1).toString());
        if (!f) {
            call->fail(f.errorMessage());
            return;
        }
        QFile in(f->path);
        if (!in.open(QIODevice::ReadOnly) || in.size() > kFileLimit) {
            call->fail(McpWorkspace::tr("%1: %2").arg(f->relative,
                                                      in.isOpen() ? McpWorkspace::tr("over 4 MB") : in.errorString()));
            return;
        }
        call->finish({{u"path"_s, f->relative}, {u"content"_s, QString::fromUtf8(in.readAll())}});
                    },
                    true});
    server.addTool(
        {u"write_function_file"_s, McpWorkspace::tr("Write a function's file"),
         McpWorkspace::tr("Writes a file of a function's source folder (its handler by default); the function's "
                          "next run is a cold start on the new code."),
         objectSchema({{u"function"_s, function},
                       {u"file"_s, file},
                       {u"content"_s, argument("string", McpWorkspace::tr("The whole file, UTF-8."))}},
                      {u"function"_s, u"content"_s}),
         [&w](McpCall *call) {
        const Result<FunctionFile> f = functionFile(w, call->arguments().value("function"_L1).toString(),
                                                    call->arguments().value("file"_L1).toString());
        const QByteArray content = call->arguments().value("content"_L1).toString().toUtf8();
        if (!f || content.size() > kFileLimit) {
            call->fail(f ? McpWorkspace::tr("a file is limited to 4 MB") : f.errorMessage());
            return;
        }
        QDir().mkpath(QFileInfo(f->path).absolutePath());
        QSaveFile out(f->path);
        if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.commit()) {
            call->fail(McpWorkspace::tr("%1: %2").arg(f->relative, out.errorString()));
            return;
        }
        w.runner()->reload(f->function);
        call->finish({{u"path"_s, f->relative}, {u"bytes"_s, content.size()}});
         }});
}

// The event an invoke_function call gives: its event, or its template filled in ({} by default).
Result<QByteArray> invocationEvent(const QJsonObject &a)
{
    if (a.contains("event"_L1) && a.contains("template"_L1))
        return fail(McpWorkspace::tr("give event or template, not both"));
    if (a.contains("template"_L1)) {
        QHash<QString, QString> values;
        const QJsonObject parameters = a.value("parameters"_L1).toObject();
        for (auto it = parameters.begin(); it != parameters.end(); ++it)
            values.insert(it.key(),
                          it.value().isString()
                              ? it.value().toString()
                              : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))
                                    .mid(1)
                                    .chopped(1));
        return EventTemplates::builtin().generate(a.value("template"_L1).toString(), values);
    }
    if (!a.contains("event"_L1))
        return QByteArrayLiteral("{}");
    return QJsonDocument(QJsonArray{a.value("event"_L1)}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

void addInvokeTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"invoke_function"_s, McpWorkspace::tr("Invoke a function"),
         McpWorkspace::tr("Runs a function on a local Node.js or Python worker as Lambda would, with an event (or "
                          "one made from a template, see list_event_templates), and gives its result or error, "
                          "its logs and its REPORT figures. While the local cloud runs, its SDK calls reach the "
                          "local services."),
         objectSchema({{u"function"_s, argument("string", McpWorkspace::tr("The function node's name."))},
                       {u"event"_s, QJsonObject{{u"description"_s, McpWorkspace::tr("The event, any JSON value.")}}},
                       {u"template"_s, argument("string", McpWorkspace::tr("An event template's id."))},
                       {u"parameters"_s, argument("object", McpWorkspace::tr("The template's parameters."))}},
                      {u"function"_s}),
         [&w](McpCall *call) {
        const Result<const Node *> node = nodeNamed(w, call->arguments().value("function"_L1).toString());
        const Result<QByteArray> event = node ? invocationEvent(call->arguments()) : Result<QByteArray>(node.error());
        if (!event) {
            call->fail(event.errorMessage());
            return;
        }
        QPointer<McpCall> pending(call);
        auto done = [pending](const InvocationResult &r) {
            if (pending) {
                QJsonObject result = r.toJson();
                result.insert(u"ok"_s, r.ok); // whether it returned, rather than threw or timed out
                pending->finish(result);
            }
        };
        call->progress(0, 1, McpWorkspace::tr("running %1").arg((*node)->name));
        // Cancelled by the client: the worker ends now, not at the function's timeout.
        const auto cancelOnRequest = [call, &w](const QString &requestId) {
            QObject::connect(call, &McpCall::cancelled, w.runner(),
                             [runner = w.runner(), requestId] { runner->pool()->cancel(requestId); });
        };
        if (LocalCloud *cloud = w.cloud()) { // its hops, and the SDK calls' causes, are logged
            const Result<qint64> started = cloud->invoke((*node)->name, *event, u"agent"_s, 0, done);
            if (!started)
                call->fail(started.errorMessage());
            else
                cancelOnRequest(cloud->requestOfEntry(*started));
            return;
        }
        const Result<QString> started = w.runner()->invoke((*node)->id, *event);
        if (!started) {
            call->fail(started.errorMessage());
            return;
        }
        const QString requestId = *started;
        cancelOnRequest(requestId);
        auto *context = new QObject(call);
        QObject::connect(w.runner(), &FunctionRunner::finished, context,
                         [done, requestId](NodeId, const InvocationResult &r) {
            if (r.requestId == requestId)
                done(r);
        });
         }});
    server.addTool({u"list_event_templates"_s, McpWorkspace::tr("List event templates"),
                    McpWorkspace::tr("The event templates invoke_function can fill in, with their parameters."),
                    objectSchema({}),
                    [](McpCall *call) {
        QJsonArray list;
        for (const EventTemplates::Template &t : EventTemplates::builtin().all()) {
            QJsonObject parameters;
            for (const auto &[name, value] : t.parameters)
                parameters.insert(name, value);
            list.append(QJsonObject{{u"id"_s, t.id},
                                    {u"name"_s, t.name},
                                    {u"description"_s, t.description},
                                    {u"parameters"_s, parameters}});
        }
        call->finish({{u"templates"_s, list}});
                    },
                    true});
}

void addCostTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"cost"_s, McpWorkspace::tr("Price the design"),
         McpWorkspace::tr("What the design costs a month serverless and on a VM fleet at a volume, with every line "
                          "item, the break-even and the assumptions."),
         objectSchema(
             {{u"provider"_s, argument("string", McpWorkspace::tr("aws (default), azure, gcp, scaleway."))},
              {u"requests"_s, argument("number", McpWorkspace::tr("Requests a month (default: the design's)."))},
              {u"freeTier"_s, argument("boolean", McpWorkspace::tr("Count the free tier (default true)."))},
              {u"measured"_s, argument("boolean", McpWorkspace::tr("Use the durations of local runs."))}}),
         [&w](McpCall *call) {
        if (!w.project()) {
            call->fail(McpWorkspace::tr("no project is open"));
            return;
        }
        const QJsonObject a = call->arguments();
        const PricingCatalogs catalogs = PricingCatalogs::load(PricingCatalogs::defaultUserDirectory());
        const QString provider = a.value("provider"_L1).toString(u"aws"_s);
        if (!catalogs.provider(provider)) {
            call->fail(
                McpWorkspace::tr("unknown provider '%1'; use %2").arg(provider, catalogs.providers().join(u", "_s)));
            return;
        }
        Workload workload = Workload::fromArchitecture(w.project()->catalog(), w.project()->architecture(),
                                                       w.project()->directory(), w.project()->pendingCodeFiles());
        if (a.value("measured"_L1).toBool()) {
            workload.useMeasuredInputs(w.runner()->history());
            if (const LocalCloud *cloud = w.cloud())
                workload.useMeasuredExecutions(
                    [cloud](const QString &machine) { return cloud->workflows().executions(machine); });
        }
        if (a.contains("requests"_L1))
            workload.monthlyRequests = qMax(0.0, a.value("requests"_L1).toDouble());
        CostOption serverless;
        serverless.provider = provider;
        serverless.freeTier = a.value("freeTier"_L1).toBool(true);
        CostOption fleet = serverless;
        fleet.kind = CostOption::Kind::VmFleet;
        // The break-even search prices the design many times: off this thread, which may be
        // the studio's GUI thread (an attached agent), on copies of the workload.
        const QString projectName = w.project()->displayName();
        auto *watcher = new QFutureWatcher<QJsonObject>(call);
        QPointer<McpCall> pending(call);
        QObject::connect(watcher, &QFutureWatcherBase::finished, call, [watcher, pending, &w] {
            if (!pending)
                return;
            w.setLastCost(watcher->result());
            pending->finish(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run([workload, catalogs, serverless, fleet, projectName] {
            const CostEngine engine(workload, catalogs);
            CostReport report = CostReport::make(engine, {serverless, fleet}, workload.monthlyRequests, 0, 1);
            report.projectName = projectName;
            return report.toJson();
        }));
         },
         true});
}

void addExportTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"export_project"_s, McpWorkspace::tr("Export deployment files"),
         McpWorkspace::tr("Writes the design's deployment files for a platform (sam, serverless, terraform, ...) "
                          "into a folder inside the allowed ones, keeping files the export does not own, and "
                          "gives what the platform cannot express as diagnostics."),
         objectSchema({{u"target"_s, argument("string", McpWorkspace::tr("The target's id."))},
                       {u"folder"_s, argument("string", McpWorkspace::tr("The output folder."))},
                       {u"options"_s, argument("object", McpWorkspace::tr("Export options by id (strings)."))}},
                      {u"target"_s, u"folder"_s}),
         [&w](McpCall *call) {
        const QJsonObject a = call->arguments();
        const PluginRegistry &registry = PluginRegistry::instance();
        const ExporterInterface *exporter = registry.exporter(a.value("target"_L1).toString());
        const Result<QString> folder = w.allowedPath(a.value("folder"_L1).toString());
        if (!w.project() || !exporter || !folder) {
            QStringList known;
            for (const ExporterInterface *e : registry.exporters())
                known.append(e->targetId());
            call->fail(!w.project() ? McpWorkspace::tr("no project is open")
                       : !exporter  ? McpWorkspace::tr("unknown target '%1'; the targets are: %2")
                                         .arg(a.value("target"_L1).toString(), known.join(u", "_s))
                                   : folder.errorMessage());
            return;
        }
        QMap<QString, QString> options;
        for (const ExportOption &o : exporter->exportOptions())
            options.insert(o.id, a.value("options"_L1).toObject().value(o.id).toVariant().toString().isEmpty()
                                     ? o.defaultValue
                                     : a.value("options"_L1).toObject().value(o.id).toVariant().toString());
        call->progress(0, 1, McpWorkspace::tr("exporting to %1").arg(exporter->targetName()));
        // Exporters and files on a pool thread, from a copy of the design taken here.
        struct Done
        {
            ExportOutput output;
            Result<void> written;
        };
        // The design as it is now: the studio's user may edit while the export runs.
        auto snapshot = std::make_shared<Architecture>();
        snapshot->reset(w.project()->architecture().nodes(), w.project()->architecture().edges());
        ExportInput input = ExportJob::input(*w.project(), exporter->targetId(), options);
        input.architecture = snapshot.get();
        const ProviderInterface *provider = registry.provider(exporter->targetId());
        auto *watcher = new QFutureWatcher<Done>(call);
        QPointer<McpCall> pending(call);
        const QString directory = *folder;
        QObject::connect(watcher, &QFutureWatcherBase::finished, call, [watcher, pending, &w, directory, snapshot] {
            const Done done = watcher->result();
            if (!pending || failed(pending, done.written))
                return;
            QJsonArray files;
            for (const ExportFile &file : done.output.files)
                files.append(file.path);
            pending->finish({{u"folder"_s, directory},
                             {u"files"_s, files},
                             {u"diagnostics"_s,
                              w.project() ? Validator::toJson(w.project()->architecture(), done.output.diagnostics)
                                          : QJsonArray()}});
        });
        watcher->setFuture(QtConcurrent::run([exporter, provider, input, directory, snapshot] {
            Done done{ExportJob::prepare(*exporter, provider, input), Result<void>()};
            done.written = ExportJob::write(done.output, directory, exporter->targetId());
            return done;
        }));
         }});
}

void addDiagramTool(McpServer &server, McpWorkspace &w)
{
    server.addTool({u"render_diagram"_s, McpWorkspace::tr("Render the diagram"),
                    McpWorkspace::tr("Draws the design as the canvas shows it and gives the PNG; with path, also "
                                     "writes it there (inside the allowed folders)."),
                    objectSchema({{u"path"_s, argument("string", McpWorkspace::tr("A .png file to write."))}}),
                    [&w](McpCall *call) {
        const QString path = call->arguments().value("path"_L1).toString();
        const Result<QString> file = path.isEmpty() ? Result<QString>(QString()) : w.allowedPath(path);
        if (!w.project() || !file) {
            call->fail(w.project() ? file.errorMessage() : McpWorkspace::tr("no project is open"));
            return;
        }
        const Result<QByteArray> png = DiagramPainter(w.project()->catalog(), w.project()->architecture()).png();
        if (!png) {
            call->fail(png.errorMessage());
            return;
        }
        const QImage picture = QImage::fromData(*png, "PNG");
        QJsonObject structured{
            {u"bytes"_s, png->size()}, {u"width"_s, picture.width()}, {u"height"_s, picture.height()}};
        if (!file->isEmpty()) {
            QSaveFile out(*file);
            if (!out.open(QIODevice::WriteOnly) || out.write(*png) != png->size() || !out.commit()) {
                call->fail(out.errorString());
                return;
            }
            structured.insert(u"path"_s, *file);
        }
        call->finishWith(QJsonArray{QJsonObject{{u"type"_s, u"image"_s},
                                                {u"data"_s, QString::fromLatin1(png->toBase64())},
                                                {u"mimeType"_s, u"image/png"_s}}},
                         structured);
                    },
                    false});
}

} // namespace

void addRunTools(McpServer &server, McpWorkspace &workspace)
{
    addFileTools(server, workspace);
    addInvokeTool(server, workspace);
    addCostTool(server, workspace);
    addExportTool(server, workspace);
    addDiagramTool(server, workspace);
}

} // namespace Nimbus::McpTools
