// The function studio's edit-run loop, as the user lives it: change the handler in the
// editor, press Invoke, Ctrl+Return (which saves, recycles the warm instance and invokes), and
// see the result in the Run panel. Reports the time from the key press to the result
// shown, cold after each change and warm when nothing changed, with the studio's spare
// workers (an interpreter started ahead, so a cold start only loads the handler) and, in
// the same run, without them (the baseline: a worker spawned after each save). With spares
// it is measured twice: the next change made once the spare is ready (interpreter and
// bootstrap loaded, which a user's edit gives it time for: the loop a user lives), and made
// as soon as the spare's process exists (its interpreter still starting: Node.js takes
// 60-100 ms to reach the bootstrap). Asserts nothing.
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

enum class Spares { None, Ready, Started };

// The median cold edit + Invoke, in ms.
double measure(const QString &runtime, const QString &body, Spares spares)
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
    InstancePool *pool = window.runner()->pool();
    pool->setSparesEnabled(spares != Spares::None);
    CodeEditor *editor = window.editorArea()->currentPage()->editor();

    int finished = 0;
    int failed = 0;
    QObject::connect(window.runner(), &FunctionRunner::finished, &window,
                     [&](NodeId, const InvocationResult &result, bool, qint64) {
        ++finished;
        failed += result.ok ? 0 : 1;
    });
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
        // The next change: once the spare is ready, or once its process exists.
        QElapsedTimer typing;
        typing.start();
        auto waiting = [&] {
            return spares == Spares::Ready ? pool->spareCount() == 0
                                           : spares == Spares::Started && pool->spareProcessIds().isEmpty();
        };
        while (waiting() && typing.elapsed() < 3000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    const char *how = spares == Spares::None    ? "no spares"
                      : spares == Spares::Ready ? "spares, next edit when ready"
                                                : "spares, next edit when started";
    std::printf("%-12s %-30s edit + Invoke -> result shown: cold (new code) median %7.1f ms, max %7.1f ms; "
                "warm median %5.1f ms%s\n",
                qPrintable(runtime), how, median(cold), *std::max_element(cold.begin(), cold.end()), median(warm),
                failed ? qPrintable(QStringLiteral(" (%1 invocations failed)").arg(failed)) : "");
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
                        "(event.pathParameters?.id ?? '-') });\n")},
        {QStringLiteral("python3.12"),
         QStringLiteral("def handler(event, context):\n    return {'statusCode': 200, 'body': 'v%1 ' + "
                        "(event.get('pathParameters') or {}).get('id', '-')}\n")}};
    for (const auto &[runtime, body] : runtimes) {
        const double fresh = measure(runtime, body, Spares::None);
        const double ready = measure(runtime, body, Spares::Ready);
        const double started = measure(runtime, body, Spares::Started);
        std::printf("%-12s cold edit + Invoke with spares / without: %.2fx with the spare ready, %.2fx with it "
                    "starting (goal: under 50 ms)\n",
                    qPrintable(runtime), fresh > 0 ? ready / fresh : 0.0, fresh > 0 ? started / fresh : 0.0);
    }
    return 0;
}
