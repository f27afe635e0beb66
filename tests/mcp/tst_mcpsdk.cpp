// `nimbus mcp` driven by a client nobody here wrote: the official MCP TypeScript SDK
// (agent_flow.test.mjs, with the SDK that scripts/setup.sh test installs into
// build/mcp-client) builds a route -> function -> table design from nothing, writes and
// invokes the function, serves it, reads the hops, prices and draws it, and meets the
// protocol's errors; then the same through `nimbus mcp --attach` to the studio, whose
// undo history and canvas show the agent's steps.

#include "canvas/canvasscene.h"
#include "mainwindow.h"
#include "projectmanager.h"

#include "document/project.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class tst_McpSdk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void standaloneAgentFlow();
    void attachedAgentFlow();

private:
    // Runs the script with environment on top of the test's; its summary.
    QJsonObject runAgentFlow(const QProcessEnvironment &environment);
};

static QString sdkFolder()
{
    return QStringLiteral(NIMBUS_BINARY_DIR "/mcp-client");
}

void tst_McpSdk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    // The same as the other npm tools of the tests (the AWS SDK, the export validators):
    // a missing install is a failure that says how to install, not a skip.
    QVERIFY2(QFileInfo::exists(sdkFolder() + QStringLiteral("/node_modules/@modelcontextprotocol/sdk/package.json")),
             qPrintable(QStringLiteral("the MCP SDK is installed into %1 by scripts/setup.sh test").arg(sdkFolder())));
    QVERIFY2(QFileInfo::exists(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus")), "build the nimbus target first");
}

QJsonObject tst_McpSdk::runAgentFlow(const QProcessEnvironment &environment)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(environment);
    env.insert(QStringLiteral("NIMBUS_CLI"), QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"));
    env.insert(QStringLiteral("MCP_SDK_DIR"), sdkFolder());
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"), {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/mcp/agent_flow.test.mjs")});
    if (!node.waitForStarted()) {
        QTest::qFail("node is missing (scripts/setup.sh installs nodejs)", __FILE__, __LINE__);
        return {};
    }
    // The studio's attach bridge answers on this thread: keep the event loop turning.
    if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 240000)) {
        node.kill();
        node.waitForFinished();
    }
    const QByteArray output = node.readAllStandardOutput();
    const QByteArray errors = node.readAllStandardError();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        QTest::qFail(qPrintable(QString::fromUtf8(errors + output)), __FILE__, __LINE__);
        return {};
    }
    QJsonParseError parse;
    const QJsonDocument summary = QJsonDocument::fromJson(output, &parse);
    if (!summary.isObject()) {
        QTest::qFail(
            qPrintable(
                QStringLiteral("the summary is not JSON (%1): %2").arg(parse.errorString(), QString::fromUtf8(output))),
            __FILE__, __LINE__);
        return {};
    }
    return summary.object();
}

void tst_McpSdk::standaloneAgentFlow()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    QProcessEnvironment env;
    env.insert(QStringLiteral("WORK"), work.path());
    const QJsonObject summary = runAgentFlow(env);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(summary.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(summary.value(QStringLiteral("mode")).toString(), QStringLiteral("standalone"));
    QVERIFY(summary.value(QStringLiteral("tools")).toInt() >= 25);
    const QStringList steps = summary.value(QStringLiteral("steps")).toVariant().toStringList();
    for (const QString &step : {QStringLiteral("create_project"), QStringLiteral("write_function_file"),
                                QStringLiteral("http_request POST /orders"), QStringLiteral("read_hops"),
                                QStringLiteral("cost"), QStringLiteral("render_diagram")})
        QVERIFY2(steps.contains(step), qPrintable(step));
    QVERIFY(steps.last().startsWith(QStringLiteral("raw:")));
    // What the agent built was saved as the user would save it.
    QVERIFY(QFileInfo::exists(work.filePath(QStringLiteral("agent.nimbus"))));
    QVERIFY(QDir(work.path()).exists(QStringLiteral("functions/createOrder")));
}

// The same flow through `nimbus mcp --attach` while the studio has the (empty) project
// open: every edit the agent makes is an undo step of the studio's, marked as the
// agent's, and the canvas shows the nodes.
void tst_McpSdk::attachedAgentFlow()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString file = work.filePath(QStringLiteral("agent.nimbus"));
    {
        Nimbus::Project empty(Nimbus::Catalog::builtin());
        const Nimbus::Result<void> saved = Nimbus::ProjectFile().save(empty, file);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
    }
    Nimbus::MainWindow window;
    QVERIFY(window.openFile(file));
    Nimbus::Project *project = window.projectManager()->project();
    QVERIFY(project);
    QCOMPARE(project->architecture().nodeCount(), 0);

    QProcessEnvironment env;
    env.insert(QStringLiteral("ATTACH_PROJECT"), file);
    env.insert(QStringLiteral("WORK"), work.path());
    const QJsonObject summary = runAgentFlow(env);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(summary.value(QStringLiteral("mode")).toString(), QStringLiteral("attached"));

    // The project is still the studio's, with the agent's design on its canvas.
    QCOMPARE(window.projectManager()->project(), project);
    QCOMPARE(project->architecture().nodeCount(), 3);
    for (const QString &name :
         {QStringLiteral("ordersRoute"), QStringLiteral("createOrder"), QStringLiteral("orders")}) {
        const Nimbus::Node *node = project->architecture().nodeByName(name);
        QVERIFY2(node, qPrintable(name));
        QVERIFY2(window.canvasScene()->nodeItem(node->id), qPrintable(name));
    }
    // Three nodes added, two connections, two changes: seven steps, each the agent's,
    // the last one undone and done again.
    const QUndoStack *stack = project->undoStack();
    QStringList steps;
    for (int i = 0; i < stack->count(); ++i)
        steps << stack->text(i);
    QCOMPARE(stack->count(), 7);
    QCOMPARE(stack->index(), 7);
    for (const QString &step : steps)
        QVERIFY2(step.startsWith(QStringLiteral("Agent: ")), qPrintable(steps.join(QLatin1Char('\n'))));
}

QTEST_MAIN(tst_McpSdk)
#include "tst_mcpsdk.moc"
