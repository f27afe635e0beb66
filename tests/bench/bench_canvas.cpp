// Builds the canvas scene for generated designs of 2,000 nodes / 3,000 connections and
// 10,000 nodes / 15,000 connections, and paints frames of it as the view paints them
// (a repaint of the viewport). Each figure stands beside the same figure, in the same run,
// for the bare limit - a plain QGraphicsScene of as many rectangle and line items, drawn
// by a plain QGraphicsView - and beside an empty canvas's frame. Ratios first. Reports
// figures; asserts nothing about time.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench_canvas [node count ...]

#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/nodeitem.h"
#include "document/project.h"
#include "model/autolayout.h"
#include "model/catalog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace Nimbus;

namespace {

constexpr QSize kViewSize(1600, 1000);

void generate(Project &project, int nodeCount, int edgeCount)
{
    const Catalog &catalog = project.catalog();
    QRandomGenerator random(7);
    std::map<NodeId, Node> nodes;
    std::vector<NodeId> sources, functions, stores;
    const QStringList services{"queue", "topic", "bucket", "table"};
    for (int i = 1; i <= nodeCount; ++i) {
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
    for (int i = 1; i <= edgeCount; ++i) {
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
    return v.empty() ? 0 : v[v.size() / 2];
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer t;
    t.start();
    work();
    return t.nsecsElapsed() / 1e6;
}

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run)
        times.push_back(timeMs(work));
    return median(times);
}

// A frame as the window paints it: the whole viewport, through the view's paint event.
double frameMs(QGraphicsView &view, int runs)
{
    return medianMs(runs, [&] { view.viewport()->repaint(); });
}

void waitForBuild(const CanvasScene &scene)
{
    // A design this big is drawn a slice at a time between events: wait for the end.
    while (scene.isBuilding())
        QCoreApplication::processEvents();
}

// The bare limit: a plain scene of rectangles where the nodes are and lines between their
// ports, as many items as the canvas has.
void buildBare(QGraphicsScene &scene, const Architecture &design)
{
    scene.clear();
    for (const auto &[id, node] : design.nodes())
        scene.addRect(QRectF(node.position, QSizeF(NodeItem::kWidth, NodeItem::kHeight)));
    for (const auto &[id, edge] : design.edges()) {
        const QPointF from = design.node(edge.from)->position + QPointF(NodeItem::kWidth, NodeItem::kHeight / 2);
        const QPointF to = design.node(edge.to)->position + QPointF(0, NodeItem::kHeight / 2);
        scene.addLine(QLineF(from, to));
    }
}

void header()
{
    std::printf("%-44s %8s %10s %10s %10s %9s\n", "figure", "vs bare", "canvas", "bare", "empty", "goal");
}

void row(const char *what, double ours, double bare, double empty, double goal)
{
    const QByteArray emptyText = empty >= 0 ? QByteArray::number(empty, 'f', 1) + " ms" : QByteArray("-");
    const QByteArray goalText = goal > 0 ? "< " + QByteArray::number(goal, 'f', 0) + " ms" : QByteArray("-");
    std::printf("%-44s %7.1fx %7.1f ms %7.1f ms %10s %9s%s\n", what, bare > 0 ? ours / bare : 0.0, ours, bare,
                emptyText.constData(), goalText.constData(), goal > 0 && ours >= goal ? "  (not met)" : "");
}

struct Goals
{
    double build = 0;
    double frame = 0;
    double fitted = 0;
    double open = 0;
};

void benchmark(int nodeCount, const Goals &goals)
{
    const int edgeCount = nodeCount * 3 / 2;
    Project project(Catalog::builtin());
    generate(project, nodeCount, edgeCount);
    const Architecture &design = project.architecture();
    std::printf("\n== %d nodes, %d connections (view %dx%d) ==\n", design.nodeCount(), design.edgeCount(),
                kViewSize.width(), kViewSize.height());
    const int buildRuns = nodeCount > 5000 ? 3 : 5;

    // Open: the scene built for a view already on screen, then its first frame.
    std::vector<double> open, firstFrame;
    for (int run = 0; run < buildRuns; ++run) {
        CanvasScene scene;
        CanvasView view(&scene);
        view.resize(kViewSize);
        view.show();
        QCoreApplication::processEvents();
        QElapsedTimer t;
        t.start();
        scene.setProject(&project);
        waitForBuild(scene);
        view.projectOpened();
        const qint64 built = t.nsecsElapsed();
        view.viewport()->repaint();
        open.push_back(t.nsecsElapsed() / 1e6);
        firstFrame.push_back((t.nsecsElapsed() - built) / 1e6);
    }
    QGraphicsScene bare;
    QGraphicsView bareView(&bare);
    bareView.resize(kViewSize);
    bareView.show();
    QCoreApplication::processEvents();
    std::vector<double> bareOpen;
    for (int run = 0; run < buildRuns; ++run) {
        bareOpen.push_back(timeMs([&] {
            buildBare(bare, design);
            bareView.centerOn(bare.itemsBoundingRect().topLeft() + QPointF(700, 400));
            bareView.viewport()->repaint();
        }));
    }

    CanvasScene scene;
    const double build = medianMs(buildRuns, [&] {
        scene.setProject(&project);
        waitForBuild(scene);
    });
    const double bareBuild = medianMs(buildRuns, [&] { buildBare(bare, design); });

    CanvasView view(&scene);
    view.resize(kViewSize);
    view.show();
    CanvasScene emptyScene;
    CanvasView emptyView(&emptyScene);
    emptyView.resize(kViewSize);
    emptyView.show();
    QCoreApplication::processEvents();

    header();
    row("open: build + first frame (first view)", median(open), median(bareOpen), -1, goals.open);
    std::printf("%-44s %8s %7.1f ms\n", "  of which the first frame", "", median(firstFrame));
    row("build scene", build, bareBuild, -1, goals.build);

    // The same place in each view, at the same zoom.
    auto frames = [&](const char *what, qreal zoom, QPointF at, int runs, double goal) {
        for (QGraphicsView *v :
             {static_cast<QGraphicsView *>(&view), &bareView, static_cast<QGraphicsView *>(&emptyView)}) {
            v->setTransform(QTransform::fromScale(zoom, zoom));
            v->centerOn(at);
            v->viewport()->repaint(); // the cached pictures of this zoom are made once
        }
        row(what, frameMs(view, runs), frameMs(bareView, runs), frameMs(emptyView, runs), goal);
    };
    const QRectF bounds = scene.itemsBoundingRect();
    // The busiest place at 100%: the middle of the widest column of functions.
    frames("frame at 100% (centre)", 1.0, bounds.center(), 30, goals.frame);
    frames("frame at 100% (top left)", 1.0, bounds.topLeft() + QPointF(700, 400), 30, goals.frame);
    view.fitToView();
    const qreal legible = view.zoom();
    frames("frame at the first Fit (legible zoom)", legible, view.mapToScene(view.viewport()->rect().center()), 20,
           goals.fitted);
    // Fit asked again from there: the whole design, however small.
    const qreal whole = view.fitZoom();
    std::printf("first Fit at %.3f (legible), the whole design at %.3f\n", legible, whole);
    frames("frame of the whole design (Fit twice)", whole, view.designBounds().center(), 10, goals.fitted);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.append(QByteArray(argv[i]).toInt());
    if (sizes.isEmpty())
        sizes = {2000, 10000};
    std::printf("Times are medians; 'bare' is a plain QGraphicsScene of as many rectangle and line items,\n"
                "'empty' the canvas with no design (its background only). Goals from issue 24.\n");
    for (int nodes : sizes)
        benchmark(nodes, nodes > 5000 ? Goals{0, 8, 16, 1000} : Goals{100, 8, 16, 0});
    return 0;
}
