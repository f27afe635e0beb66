// The function studio's edit-run loop, as the user lives it: change the handler in the
// editor, press Invoke, Ctrl+Return (which saves, recycles the warm instance and invokes), and
// see the result in the Run panel. Reports the time from the key press to the result
// shown, cold after each change and warm when nothing changed, with the studio's spare
// workers (an interpreter started ahead, so a cold start only loads the handler) and, in
// the same run, without them (the baseline: a worker spawned after each save). Asserts
// nothing.
//
//   QT_QPA_PLATFORM=offscreen NIMBUS_DATA_DIR=build/share/nimbus-studio build/tests/bench_studio

#include "document/project.h"
#include "editor/codeeditor.h"
#include "editor/editorarea.h"
#include "mainwindow.h"
#include "run/runpanel.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The median cold edit + Invoke, in ms.
double measure(const QString &runtime, const QString &body, bool spares)
{
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    Project *project = window.project();
    const NodeId route =
        project->addNode(QStringLiteral("http-route"), {0, 0}, QStringLiteral("route")).valueOr(kInvalidNodeId);
    const NodeId fn =
        project->addNode(QStringLiteral("function"), {300, 0}, QStringLiteral("fn")).valueOr(kInvalidNodeId);
    if (!project->setNodeProperty(fn, QStringLiteral("runtime"), runtime)
        || !project->connectNodes(route, fn, QStringLiteral("invokes")))
        return -1;
    window.saveTo(dir.filePath(QStringLiteral("bench.nimbus")));
    window.openFunctionCode(QStringLiteral("fn"));
    window.runner()->pool()->setSparesEnabled(spares);
    CodeEditor *editor = window.editorArea()->currentPage()->editor();

    int finished = 0;
    QObject::connect(window.runner(), &FunctionRunner::finished, &window, [&] { ++finished; });
    auto run = [&] {
        QElapsedTimer timer;
        timer.start();
        const int before = finished;
        // What Ctrl+Return triggers (a window that is not shown on a screen gets no shortcuts).
        if (!window.invokeFunction())
            return -1.0;
        while (finished == before)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
        return timer.nsecsElapsed() / 1e6;
    };
    std::vector<double> cold;
    std::vector<double> warm;
    for (int i = 0; i < 15; ++i) {
        editor->selectAll();
        editor->replaceSelectedText(body.arg(i));
        cold.push_back(run());
        warm.push_back(run());
        // A user takes longer than this to make the next change: the spare is up by then.
        QElapsedTimer typing;
        typing.start();
        while (spares && window.runner()->pool()->spareCount() == 0 && typing.elapsed() < 3000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    std::printf("%-12s %-14s edit + Invoke -> result shown: cold (new code) median %7.1f ms, max %7.1f ms; "
                "warm median %5.1f ms\n",
                qPrintable(runtime), spares ? "spare workers" : "no spares", median(cold),
                *std::max_element(cold.begin(), cold.end()), median(warm));
    window.project()->undoStack()->setClean();
    return median(cold);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QList<QPair<QString, QString>> runtimes = {
        {QStringLiteral("nodejs20.x"),
         QStringLiteral("export const handler = async (event) => ({ statusCode: 200, body: 'v%1 ' + "
                        "event.pathParameters.id });\n")},
        {QStringLiteral("python3.12"),
         QStringLiteral("def handler(event, context):\n    return {'statusCode': 200, 'body': 'v%1 ' + "
                        "event['pathParameters']['id']}\n")}};
    for (const auto &[runtime, body] : runtimes) {
        const double fresh = measure(runtime, body, false);
        const double spare = measure(runtime, body, true);
        std::printf("%-12s cold edit + Invoke with spares / without: %.2fx (goal: under 50 ms)\n", qPrintable(runtime),
                    fresh > 0 ? spare / fresh : 0.0);
    }
    return 0;
}
