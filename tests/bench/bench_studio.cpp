// The function studio's edit-run loop, as the user lives it: change the handler in the
// editor, press Invoke, Ctrl+Return (which saves, recycles the warm instance and invokes), and
// see the result in the Run panel. Reports the time from the key press to the result
// shown, cold after each change and warm when nothing changed. Asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen NIMBUS_DATA_DIR=build/share/nimbus-studio build/tests/bench_studio

#include "document/project.h"
#include "editor/codeeditor.h"
#include "editor/editorarea.h"
#include "mainwindow.h"
#include "run/runpanel.h"
#include "runtime/functionrunner.h"

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

void measure(const QString &runtime, const QString &body)
{
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    Project *project = window.project();
    const NodeId route =
        project->addNode(QStringLiteral("http-route"), {0, 0}, QStringLiteral("route")).valueOr(kInvalidNodeId);
    const NodeId fn =
        project->addNode(QStringLiteral("function"), {300, 0}, QStringLiteral("fn")).valueOr(kInvalidNodeId);
    QVERIFY(project->setNodeProperty(fn, QStringLiteral("runtime"), runtime));
    QVERIFY(project->connectNodes(route, fn, QStringLiteral("invokes")));
    window.saveTo(dir.filePath(QStringLiteral("bench.nimbus")));
    window.openFunctionCode(QStringLiteral("fn"));
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
    }
    std::printf("%-12s edit + Invoke -> result shown: cold (new code) median %7.1f ms, max %7.1f ms; "
                "warm median %5.1f ms\n",
                qPrintable(runtime), median(cold), *std::max_element(cold.begin(), cold.end()), median(warm));
    window.project()->undoStack()->setClean();
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    measure(QStringLiteral("nodejs20.x"),
            QStringLiteral("export const handler = async (event) => ({ statusCode: 200, body: 'v%1 ' + "
                           "event.pathParameters.id });\n"));
    measure(QStringLiteral("python3.12"),
            QStringLiteral("def handler(event, context):\n    return {'statusCode': 200, 'body': 'v%1 ' + "
                           "event['pathParameters']['id']}\n"));
    return 0;
}
