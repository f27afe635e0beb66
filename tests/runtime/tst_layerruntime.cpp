// Lambda layers at run time (issue 20 item 4): a function finds a module that only a layer
// of it holds, as on Lambda where the layer is in /opt: Node.js through NODE_PATH
// (CommonJS) and the ES module resolver, Python through PYTHONPATH, tools on PATH and a
// custom runtime's bootstrap; a later layer's file wins; a change to a layer's content
// recycles the warm workers. Real node and python3 workers.

#include "testutil.h"

#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionspec.h"
#include "runtime/instancepool.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

using namespace Nimbus;
using namespace NimbusTest;

class tst_LayerRuntime : public QObject
{
    Q_OBJECT

private slots:
    void moduleOnlyInALayer_data();
    void moduleOnlyInALayer();
    void laterLayerWins();
    void customRuntimeFromALayer();
    void layerChangeRecyclesWarmWorkers();
    void refusedFolder();

private:
    // Writes path (relative to the temporary folder), making its folders.
    bool put(const QString &relative, const QByteArray &content, bool executable = false);
    // Runs function of the project once and returns its result (or its error, as JSON).
    QByteArray run(InstancePool &pool, const Project &project, const QString &function);

    QTemporaryDir mDir;
};

bool tst_LayerRuntime::put(const QString &relative, const QByteArray &content, bool executable)
{
    const QString path = mDir.filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    if (!writeAll(path, content))
        return false;
    return !executable || QFile(path).setPermissions(QFile(path).permissions() | QFileDevice::ExeOwner);
}

QByteArray tst_LayerRuntime::run(InstancePool &pool, const Project &project, const QString &function)
{
    const Result<FunctionSpec> spec = FunctionSpec::fromNode(project, project.architecture().nodeByName(function)->id);
    if (!spec)
        return spec.errorMessage().toUtf8();
    pool.setFunction(*spec);
    QSignalSpy spy(&pool, &InstancePool::finished);
    pool.invoke(function, "{}");
    if (!spy.wait(20000))
        return "no answer";
    const InvocationResult result = spy.first().first().value<InvocationResult>();
    return result.error.isEmpty() ? result.resultJson : QJsonDocument(result.error).toJson(QJsonDocument::Compact);
}

void tst_LayerRuntime::moduleOnlyInALayer_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("program");

    QTest::newRow("node commonjs") << "nodejs20.x"
                                   << "index.js"
                                   << QByteArray("const g = require('greeting');\n"
                                                 "const { execFileSync } = require('child_process');\n"
                                                 "exports.handler = async () => g.hello() + ' '\n"
                                                 "  + execFileSync('layer-tool').toString().trim();\n")
                                   << "node";
    QTest::newRow("node es module") << "nodejs20.x"
                                    << "index.mjs"
                                    << QByteArray("import g from 'greeting';\n"
                                                  "import { execFileSync } from 'node:child_process';\n"
                                                  "export const handler = async () => g.hello() + ' '\n"
                                                  "  + execFileSync('layer-tool').toString().trim();\n")
                                    << "node";
    QTest::newRow("python") << "python3.12"
                            << "index.py"
                            << QByteArray("import greeting, subprocess\n"
                                          "def handler(event, context):\n"
                                          "    tool = subprocess.check_output(['layer-tool']).decode().strip()\n"
                                          "    return greeting.hello() + ' ' + tool\n")
                            << "python3";
}

void tst_LayerRuntime::moduleOnlyInALayer()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QByteArray, code);
    QFETCH(QString, program);
    if (QStandardPaths::findExecutable(program).isEmpty())
        QSKIP(qPrintable(program + " is not installed"));

    // The function bundles nothing; the layer has the module where Lambda looks for it
    // (/opt/nodejs/node_modules, /opt/python) and a tool in /opt/bin.
    const QString function = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
    QVERIFY(put("functions/" + function + "/" + handler, code));
    QVERIFY(
        put("layers/shared/nodejs/node_modules/greeting/index.js", "exports.hello = () => 'hello from the layer';\n"));
    QVERIFY(put("layers/shared/python/greeting.py", "def hello():\n    return 'hello from the layer'\n"));
    QVERIFY(put("layers/shared/bin/layer-tool", "#!/bin/sh\necho tool\n", true));

    Project project(Catalog::builtin());
    project.setWorkingDirectory(mDir.path());
    const QString nodes = QStringLiteral(R"([["%1", "function", {"runtime": "%2", "handler": "index.handler",
                                                                  "source": "functions/%1"}],
                                             ["shared", "layer", {"folder": "layers/shared"}]])")
                              .arg(function, runtime);
    const QString edges = QStringLiteral(R"([["shared", "%1", "extends"]])").arg(function);
    QVERIFY(fillProject(project, parseArray(nodes.toUtf8().constData()), parseArray(edges.toUtf8().constData())));

    InstancePool pool;
    QCOMPARE(run(pool, project, function), QByteArray("\"hello from the layer tool\""));

    // Without the layer the same function does not find the module: the layer did it.
    Project alone(Catalog::builtin());
    alone.setWorkingDirectory(mDir.path());
    QVERIFY(fillProject(alone, parseArray(nodes.toUtf8().constData()), QJsonArray()));
    InstancePool other;
    const QByteArray failed = run(other, alone, function);
    QVERIFY2(failed.contains("greeting") || failed.contains("layer-tool"), failed.constData());
}

void tst_LayerRuntime::laterLayerWins()
{
    if (QStandardPaths::findExecutable("node").isEmpty())
        QSKIP("node is not installed");
    QVERIFY(put("functions/order/index.js", "exports.handler = async () => require('which').name + ' '"
                                            " + require('only-base').name;\n"));
    QVERIFY(put("layers/base/nodejs/node_modules/which/index.js", "exports.name = 'base';\n"));
    QVERIFY(put("layers/base/nodejs/node_modules/only-base/index.js", "exports.name = 'kept';\n"));
    QVERIFY(put("layers/patch/nodejs/node_modules/which/index.js", "exports.name = 'patch';\n"));
    Project project(Catalog::builtin());
    project.setWorkingDirectory(mDir.path());
    QVERIFY(fillProject(project, parseArray(R"([["order", "function", {"source": "functions/order"}],
                                       ["base", "layer", {"folder": "layers/base"}],
                                       ["patch", "layer", {"folder": "layers/patch"}]])"),
                        parseArray(R"([["base", "order", "extends"], ["patch", "order", "extends"]])")));
    InstancePool pool;
    // As when Lambda extracts base then patch into /opt: patch's file wins, base's others stay.
    QCOMPARE(run(pool, project, "order"), QByteArray("\"patch kept\""));
}

void tst_LayerRuntime::customRuntimeFromALayer()
{
    if (QStandardPaths::findExecutable("curl").isEmpty())
        QSKIP("curl is not installed");
    // A function with no bootstrap of its own runs the one its layer brings (/opt/bootstrap).
    QVERIFY(put("functions/shell/handler.sh", "echo '\"from the layer runtime\"'\n"));
    QVERIFY(put("layers/runtime/bootstrap",
                "#!/bin/sh\n"
                "api=\"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation\"\n"
                "while true; do\n"
                "  headers=$(mktemp)\n"
                "  curl -sS -D \"$headers\" -o /dev/null \"$api/next\"\n"
                "  id=$(grep -i lambda-runtime-aws-request-id \"$headers\" | tr -d '\\r' | cut -d' ' -f2)\n"
                "  sh \"$LAMBDA_TASK_ROOT/handler.sh\" | curl -sS -o /dev/null -d @- \"$api/$id/response\"\n"
                "done\n",
                true));
    Project project(Catalog::builtin());
    project.setWorkingDirectory(mDir.path());
    QVERIFY(fillProject(project,
                        parseArray(R"([["shell", "function", {"runtime": "provided.al2023", "handler": "handler.sh",
                                                                "source": "functions/shell"}],
                                       ["runtime", "layer", {"folder": "layers/runtime"}]])"),
                        parseArray(R"([["runtime", "shell", "extends"]])")));
    InstancePool pool;
    QCOMPARE(run(pool, project, "shell").trimmed(), QByteArray("\"from the layer runtime\""));
}

void tst_LayerRuntime::layerChangeRecyclesWarmWorkers()
{
    if (QStandardPaths::findExecutable("node").isEmpty())
        QSKIP("node is not installed");
    QVERIFY(put("functions/warm/index.js", "const v = require('version');\n"
                                           "exports.handler = async () => v.value;\n"));
    QVERIFY(put("layers/versioned/nodejs/node_modules/version/index.js", "exports.value = 1;\n"));
    Project project(Catalog::builtin());
    project.setWorkingDirectory(mDir.path());
    QVERIFY(fillProject(project, parseArray(R"([["warm", "function", {"source": "functions/warm"}],
                                       ["versioned", "layer", {"folder": "layers/versioned"}]])"),
                        parseArray(R"([["versioned", "warm", "extends"]])")));
    InstancePool pool;
    QCOMPARE(run(pool, project, "warm"), QByteArray("1"));
    QCOMPARE(pool.instanceCount("warm"), 1);
    // A new version of the layer's module: the warm worker (which loaded the old one) ends.
    QThread::msleep(1100); // file times in whole seconds on some file systems
    QVERIFY(put("layers/versioned/nodejs/node_modules/version/index.js", "exports.value = 2;\n"));
    QTRY_COMPARE_WITH_TIMEOUT(pool.instanceCount("warm"), 0, 5000);
    QCOMPARE(run(pool, project, "warm"), QByteArray("2"));
}

void tst_LayerRuntime::refusedFolder()
{
    // A project from someone else cannot make a worker read a folder outside it.
    for (const char *folder : {"../../etc", "/etc"}) {
        Project project(Catalog::builtin());
        project.setWorkingDirectory(mDir.path());
        const QString nodes = QStringLiteral(R"([["f", "function", {}], ["outside", "layer", {"folder": "%1"}]])")
                                  .arg(QLatin1String(folder));
        QVERIFY(fillProject(project, parseArray(nodes.toUtf8().constData()),
                            parseArray(R"([["outside", "f", "extends"]])")));
        const Result<FunctionSpec> spec = FunctionSpec::fromNode(project, project.architecture().nodeByName("f")->id);
        QVERIFY2(!spec, folder);
        QVERIFY2(spec.errorMessage().contains("outside") && spec.errorMessage().contains(QLatin1String(folder)),
                 qPrintable(spec.errorMessage()));
    }
}

QTEST_MAIN(tst_LayerRuntime)
#include "tst_layerruntime.moc"
