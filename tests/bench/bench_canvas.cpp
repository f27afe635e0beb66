// Builds the canvas scene for a generated 2,000-node / 3,000-edge project and renders
// frames of it, as the view paints them. Reports figures; asserts nothing about time.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench_canvas

#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "document/project.h"
#include "model/autolayout.h"
#include "model/catalog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {

constexpr int kNodes = 2000;
constexpr int kEdges = 3000;

void generate(Project &project)
{
    const Catalog &catalog = project.catalog();
    QRandomGenerator random(7);
    std::map<NodeId, Node> nodes;
    std::vector<NodeId> sources, functions, stores;
    const QStringList services{"queue", "topic", "bucket", "table"};
    for (int i = 1; i <= kNodes; ++i) {
        const QString kind = i % 5 == 0   ? QStringLiteral("http-route")
                             : i % 5 <= 2 ? QStringLiteral("function")
                                          : services.at(i % 4);
        Node node;
        node.id = NodeId(i);
        node.kind = kind;
        node.name = QStringLiteral("%1-%2").arg(kind).arg(i);
        node.properties = catalog.kind(kind)->defaultProperties(node.name);
        (kind == QLatin1String("function")     ? functions
         : kind == QLatin1String("http-route") ? sources
                                               : stores)
            .push_back(node.id);
        nodes.emplace(node.id, node);
    }
    std::map<EdgeId, Edge> edges;
    for (int i = 1; i <= kEdges; ++i) {
        const NodeId fn = functions[random.bounded(int(functions.size()))];
        Edge e;
        e.id = EdgeId(i);
        if (i % 2 == 0) {
            e.from = sources[random.bounded(int(sources.size()))];
            e.to = fn;
            e.type = QStringLiteral("invokes");
        } else {
            e.from = fn;
            e.to = stores[random.bounded(int(stores.size()))];
            e.type = nodes[e.to].kind == QLatin1String("topic") ? QStringLiteral("publishes")
                                                                : QStringLiteral("writes");
        }
        edges.emplace(e.id, e);
    }
    project.architecture().reset(std::move(nodes), std::move(edges));
    const auto positions = AutoLayout::compute(project.architecture());
    std::map<NodeId, Node> placed = project.architecture().nodes();
    for (auto &[id, node] : placed)
        node.position = positions.value(id);
    project.architecture().reset(std::move(placed), project.architecture().edges());
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Project project(Catalog::builtin());
    generate(project);
    std::printf("Project: %d nodes, %d edges\n", project.architecture().nodeCount(),
                project.architecture().edgeCount());

    std::vector<double> build;
    CanvasScene scene;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        scene.setProject(&project);
        // A design this big is drawn a slice at a time between events: wait for the end.
        while (scene.isBuilding())
            QCoreApplication::processEvents();
        build.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("%-40s median %8.1f ms (5 runs; in slices of ~30 ms, the window stays responsive)\n", "build scene",
                median(build));

    CanvasView view(&scene);
    view.resize(1600, 1000);
    view.show();
    QCoreApplication::processEvents();
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    auto measure = [&](const char *what, int runs) {
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer t;
            t.start();
            QPainter painter(&frame);
            view.render(&painter, QRectF(), view.viewport()->rect());
            painter.end();
            times.push_back(t.nsecsElapsed() / 1e6);
        }
        std::printf("%-40s median %8.1f ms   min %8.1f ms (%d frames)\n", what, median(times),
                    *std::min_element(times.begin(), times.end()), runs);
    };

    // The busiest place at 100%: the middle of the widest column of functions.
    view.setZoom(1.0);
    view.centerOn(scene.itemsBoundingRect().center());
    measure("frame at 100% (1600x1000, centre)", 30);
    view.centerOn(scene.itemsBoundingRect().topLeft() + QPointF(700, 400));
    measure("frame at 100% (1600x1000, top left)", 30);
    view.fitToView();
    std::printf("fit-to-view zoom: %.3f\n", view.zoom());
    measure("frame of the whole diagram (fit to view)", 10);
    std::printf("Target: under 16 ms per frame at 100%% zoom.\n");
    return 0;
}
