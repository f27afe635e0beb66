// Export and import at scale: a generated design of 300 functions with their triggers
// and services exported to every target (generation and the secret check, in memory),
// the SAM template of it imported back, an import-then-export round trip, and the time
// a hostile document takes to be refused. Reports figures; asserts nothing about time.
//
//   build/tests/bench_export          (or: ctest --test-dir build -L bench -V)

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "export/yaml.h"
#include "model/catalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {
constexpr int kFunctions = 300;
constexpr int kRuns = 5;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template<typename F>
double timeMs(F &&f)
{
    std::vector<double> runs;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        runs.push_back(t.nsecsElapsed() / 1e6);
    }
    return median(runs);
}

void build(Project &project)
{
    const char *triggers[] = {"http-route", "queue", "topic", "bucket", "schedule"};
    for (int i = 0; i < kFunctions; ++i) {
        const NodeId fn =
            project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn%1").arg(i)).valueOr(kInvalidNodeId);
        (void)project.setNodeProperty(
            fn, QStringLiteral("environment"),
            QJsonArray{QJsonObject{{"name", "TABLE"}, {"value", QStringLiteral("table%1").arg(i)}, {"secret", false}},
                       QJsonObject{{"name", "KEY"}, {"value", "s3cr3t-value"}, {"secret", true}}});
        const QString kind = QString::fromLatin1(triggers[i % 5]);
        const NodeId trigger = project.addNode(kind, {}, QStringLiteral("t%1").arg(i)).valueOr(kInvalidNodeId);
        if (kind == QLatin1String("http-route"))
            (void)project.setNodeProperty(trigger, QStringLiteral("path"), QStringLiteral("/r%1/{id}").arg(i));
        (void)project.connectNodes(trigger, fn, QStringLiteral("invokes"));
        const NodeId table =
            project.addNode(QStringLiteral("table"), {}, QStringLiteral("table%1").arg(i)).valueOr(kInvalidNodeId);
        (void)project.connectNodes(fn, table, QStringLiteral("writes"));
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    PluginRegistry registry(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
    Project project(Catalog::builtin());
    QTemporaryDir dir;
    project.setWorkingDirectory(dir.path());
    build(project);
    std::printf("design: %d nodes, %d connections\n", project.architecture().nodeCount(),
                project.architecture().edgeCount());

    QByteArray samTemplate;
    for (const ExporterInterface *exporter : registry.exporters()) {
        const ProviderInterface *provider = registry.provider(exporter->targetId());
        ExportOutput output;
        const double ms = timeMs([&] {
            output = ExportJob::prepare(*exporter, provider, ExportJob::input(project, exporter->targetId(), {}));
        });
        qint64 bytes = 0;
        for (const ExportFile &f : output.files)
            bytes += f.content.size();
        std::printf("export %-10s  %7.1f ms  (%lld KB generated, %lld diagnostics)\n", qPrintable(exporter->targetId()),
                    ms, bytes / 1024, qint64(output.diagnostics.size()));
        if (exporter->targetId() == QLatin1String("sam"))
            samTemplate = output.file(QStringLiteral("template.yaml"))->content;
    }

    const QString templatePath = dir.filePath(QStringLiteral("template.yaml"));
    QFile file(templatePath);
    file.open(QIODevice::WriteOnly);
    file.write(samTemplate);
    file.close();
    Project imported(Catalog::builtin());
    QString error;
    const double importMs = timeMs([&] { error = ExportJob::import(templatePath, registry, imported).errorMessage(); });
    std::printf("import SAM template (%lld KB)  %7.1f ms  (%d nodes)%s\n", qint64(samTemplate.size() / 1024), importMs,
                imported.architecture().nodeCount(), qPrintable(error));
    const double roundTripMs = timeMs([&] {
        ExportJob::prepare(*registry.exporter(QStringLiteral("sam")), nullptr,
                           ExportJob::input(imported, QStringLiteral("sam"), {}));
    });
    std::printf("export of the imported project (three-way merge)  %7.1f ms\n", roundTripMs);

    QByteArray laughs = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        laughs += QByteArray(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i)
            laughs += QByteArray(i ? ",*" : "*") + char(c - 1);
        laughs += "]\n";
    }
    const double laughsMs = timeMs([&] { (void)Yaml::load(laughs, QStringLiteral("evil.yaml")); });
    std::printf("refuse a billion-laughs document (10^10 values)  %7.2f ms\n", laughsMs);
    const QByteArray deep = QByteArray(1'000'000, '[') + QByteArray(1'000'000, ']');
    const double deepMs = timeMs([&] { (void)Yaml::load(deep, QStringLiteral("deep.yaml")); });
    std::printf("refuse 1,000,000 nested brackets  %7.2f ms\n", deepMs);
    return 0;
}
