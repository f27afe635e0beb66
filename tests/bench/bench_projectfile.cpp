// Save and open of a generated 5,000-node / 8,000-edge project, plus validation and
// JSON interchange of the same project. Reports figures; asserts nothing about time.
//
//   build/tests/bench_projectfile            (or: ctest --test-dir build -L bench -V)

#include "document/project.h"
#include "model/catalog.h"
#include "model/validator.h"
#include "storage/jsoninterchange.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {

constexpr int kNodes = 5000;
constexpr int kEdges = 8000;
constexpr int kRuns = 7;

// A plausible large architecture: a fifth triggers, two fifths functions, the rest services,
// every edge one the catalog allows.
void generate(Project &project)
{
    const Catalog &catalog = project.catalog();
    QRandomGenerator random(42);
    const QStringList triggers{"http-route", "schedule"};
    const QStringList services{"queue", "topic", "bucket", "table"};
    std::map<NodeId, Node> nodes;
    std::vector<NodeId> sources;
    std::vector<NodeId> functions;
    std::vector<NodeId> stores;
    for (int i = 1; i <= kNodes; ++i) {
        QString kind;
        if (i % 5 == 0)
            kind = triggers.at(i % 2);
        else if (i % 5 <= 2)
            kind = QStringLiteral("function");
        else
            kind = services.at(i % 4);
        Node node;
        node.id = NodeId(i);
        node.kind = kind;
        node.name = QStringLiteral("%1-%2").arg(kind).arg(i);
        node.position = QPointF((i % 100) * 240.0, (i / 100) * 140.0);
        node.properties = catalog.kind(kind)->defaultProperties(node.name);
        if (kind == QLatin1String("http-route"))
            node.properties.insert(QStringLiteral("path"), QStringLiteral("/r%1/{id}").arg(i));
        if (kind == QLatin1String("function"))
            node.properties.insert(QStringLiteral("environment"),
                                   QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("TABLE")},
                                                          {QStringLiteral("value"), QStringLiteral("t%1").arg(i)},
                                                          {QStringLiteral("secret"), false}}});
        (kind == QLatin1String("function") ? functions : services.contains(kind) ? stores : sources).push_back(node.id);
        nodes.emplace(node.id, node);
    }
    std::map<EdgeId, Edge> edges;
    const QStringList writeTypes{"writes", "reads"};
    for (int i = 1; i <= kEdges; ++i) {
        Edge e;
        e.id = EdgeId(i);
        const NodeId fn = functions[random.bounded(int(functions.size()))];
        if (i % 2 == 0) {
            e.from = sources[random.bounded(int(sources.size()))];
            e.to = fn;
            e.type = QStringLiteral("invokes");
        } else {
            e.from = fn;
            e.to = stores[random.bounded(int(stores.size()))];
            const QString kind = nodes[e.to].kind;
            e.type = kind == QLatin1String("topic") ? QStringLiteral("publishes") : writeTypes.at(i % 4 == 1);
        }
        edges.emplace(e.id, e);
    }
    project.architecture().reset(std::move(nodes), std::move(edges));
}

struct Figures
{
    std::vector<double> ms;
    double median()
    {
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    }
    double min() { return *std::min_element(ms.begin(), ms.end()); }
    double max() { return *std::max_element(ms.begin(), ms.end()); }
};

void report(const char *what, Figures f)
{
    std::printf("%-34s median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d runs)\n", what, f.median(), f.min(), f.max(),
                int(f.ms.size()));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    generate(project);
    std::printf("Project: %d nodes, %d edges\n", project.architecture().nodeCount(),
                project.architecture().edgeCount());

    Figures saveNew, saveInPlace, open, validate, writeJson, readJson;
    const QString path = dir.filePath(QStringLiteral("big.nimbus"));
    for (int run = 0; run < kRuns; ++run) {
        QFile::remove(path);
        Project copy(Catalog::builtin());
        copy.architecture().reset(project.architecture().nodes(), project.architecture().edges());
        ProjectFile file;
        QElapsedTimer t;
        t.start();
        if (const Result<void> saved = file.save(copy, path); !saved) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(saved.errorMessage()));
            return 1;
        }
        saveNew.ms.push_back(t.nsecsElapsed() / 1e6);

        t.restart();
        if (const Result<void> saved = file.save(copy, path); !saved) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(saved.errorMessage()));
            return 1;
        }
        saveInPlace.ms.push_back(t.nsecsElapsed() / 1e6);

        Project loaded(Catalog::builtin());
        t.restart();
        if (const Result<void> opened = file.load(path, loaded); !opened) {
            std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.errorMessage()));
            return 1;
        }
        open.ms.push_back(t.nsecsElapsed() / 1e6);
        if (loaded.architecture().nodes() != project.architecture().nodes()) {
            std::fprintf(stderr, "the opened project differs from the saved one\n");
            return 1;
        }

        t.restart();
        Validator validator(loaded.catalog(), loaded.architecture());
        const QList<Diagnostic> diagnostics = validator.validate();
        validate.ms.push_back(t.nsecsElapsed() / 1e6);
        if (run == 0)
            std::printf("Validation found %d diagnostics\n", int(diagnostics.size()));

        t.restart();
        const QByteArray json = JsonInterchange::write(loaded.architecture());
        writeJson.ms.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        JsonInterchange reader;
        (void)reader.read(json, QStringLiteral("big.json"));
        readJson.ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("File size: %.1f MiB\n", QFileInfo(path).size() / 1048576.0);
    report("save (new file)", saveNew);
    report("save (in place)", saveInPlace);
    report("open", open);
    report("validate", validate);
    report("export JSON", writeJson);
    report("import JSON", readJson);
    std::printf("Target: save and open each under 300 ms.\n");
    return 0;
}
