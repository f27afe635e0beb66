// A new function's handler file is written by a command in the same undo step as the
// function (or its trigger): undo removes exactly what it wrote, redo writes it again,
// and neither ever touches a file the user edited or one that was there before.

#include "actionmanager.h"
#include "canvas/canvasview.h"
#include "mainwindow.h"
#include "projectmanager.h"
#include "scaffoldcommand.h"

#include "testutil.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Nimbus;
using namespace NimbusTest;

class tst_ScaffoldCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addWritesAndUndoRemoves_data();
    void addWritesAndUndoRemoves();
    void editedFileSurvivesUndo();
    void existingFileIsNeverOverwritten();
    void triggerFitsTheScaffoldAndUndoPutsItBack();
    void dropOnTheCanvasIsOneStep();
    void customRuntimeCodeIsChosen_data();
    void customRuntimeCodeIsChosen();

private:
    QString handler(const QString &function) const
    {
        return mDir->filePath(QStringLiteral("functions/%1/index.mjs").arg(function));
    }

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<ProjectManager> mManager;
    Project *mProject = nullptr;
};

void tst_ScaffoldCommand::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ScaffoldCommand::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    mManager = std::make_unique<ProjectManager>();
    mProject = new Project(Catalog::builtin());
    mProject->setWorkingDirectory(mDir->path());
    mManager->setProject(mProject, true);
}

void tst_ScaffoldCommand::cleanup()
{
    mManager.reset();
    mDir.reset();
}

void tst_ScaffoldCommand::addWritesAndUndoRemoves_data()
{
    QTest::addColumn<bool>("paste");
    QTest::newRow("added") << false;
    QTest::newRow("pasted") << true;
}

void tst_ScaffoldCommand::addWritesAndUndoRemoves()
{
    QFETCH(bool, paste);
    QSignalSpy written(mManager.get(), &ProjectManager::scaffoldWritten);
    QUndoStack *stack = mProject->undoStack();
    QString name = QStringLiteral("worker");
    if (paste) {
        // A pasted copy of a function gets its own folder and its own handler.
        const NodeId original = mProject->addNode(QStringLiteral("function"), {0, 0}, name).valueOr(kInvalidNodeId);
        const QList<NodeId> pasted = mProject->pasteNodes(mProject->copyNodes({original}), {40, 40}).valueOr({});
        QCOMPARE(pasted.size(), 1);
        name = mProject->architecture().node(pasted.first())->name;
        QVERIFY(name != QStringLiteral("worker"));
    } else {
        QVERIFY(mProject->addNode(QStringLiteral("function"), {0, 0}, name));
    }
    QVERIFY(QFileInfo::exists(handler(name)));
    QCOMPARE(written.last().first().toString(), QStringLiteral("functions/%1/index.mjs").arg(name));
    const QByteArray content = readAll(handler(name));
    const int steps = stack->count();

    stack->undo();
    QVERIFY(!QFileInfo::exists(handler(name)));
    // The folder made for it goes too.
    QVERIFY(!QFileInfo::exists(QFileInfo(handler(name)).absolutePath()));
    QCOMPARE(stack->count(), steps); // one step: the node and its file
    stack->redo();
    QCOMPARE(readAll(handler(name)), content);
    stack->undo();
    QVERIFY(!QFileInfo::exists(handler(name)));
}

void tst_ScaffoldCommand::editedFileSurvivesUndo()
{
    QVERIFY(mProject->addNode(QStringLiteral("function"), {0, 0}, QStringLiteral("worker")));
    const QByteArray mine("export const handler = async () => 'mine';\n");
    QVERIFY(writeAll(handler(QStringLiteral("worker")), mine));
    mProject->undoStack()->undo();
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), mine);
    // Nor does redo write over it.
    mProject->undoStack()->redo();
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), mine);
}

void tst_ScaffoldCommand::existingFileIsNeverOverwritten()
{
    const QByteArray before("export const handler = async () => 'before';\n");
    QVERIFY(QDir().mkpath(mDir->filePath(QStringLiteral("functions/worker"))));
    QVERIFY(writeAll(handler(QStringLiteral("worker")), before));
    QSignalSpy written(mManager.get(), &ProjectManager::scaffoldWritten);
    QVERIFY(mProject->addNode(QStringLiteral("function"), {0, 0}, QStringLiteral("worker")));
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), before);
    QCOMPARE(written.count(), 0);
    mProject->undoStack()->undo();
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), before);
    mProject->undoStack()->redo();
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), before);
}

void tst_ScaffoldCommand::triggerFitsTheScaffoldAndUndoPutsItBack()
{
    const NodeId fn =
        mProject->addNode(QStringLiteral("function"), {0, 0}, QStringLiteral("worker")).valueOr(kInvalidNodeId);
    const QByteArray plain = readAll(handler(QStringLiteral("worker")));
    const NodeId queue =
        mProject->addNode(QStringLiteral("queue"), {-300, 0}, QStringLiteral("jobs")).valueOr(kInvalidNodeId);
    QVERIFY(mProject->connectNodes(queue, fn, QStringLiteral("invokes")));
    const QByteArray fitted = readAll(handler(QStringLiteral("worker")));
    QVERIFY(fitted.contains("batchItemFailures"));
    mProject->undoStack()->undo(); // the connection: the untouched default comes back
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), plain);
    mProject->undoStack()->redo();
    QCOMPARE(readAll(handler(QStringLiteral("worker"))), fitted);
}

void tst_ScaffoldCommand::dropOnTheCanvasIsOneStep()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString folder = window.project()->directory();
    QVERIFY(!folder.isEmpty());
    CanvasView *view = window.canvasView();
    QMimeData mime;
    mime.setData(CanvasView::kKindMimeType, "function");
    const QPoint at = view->viewport()->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(view->viewport(), &enter);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(view->viewport(), &drop);
    QCOMPARE(window.project()->architecture().nodeCount(), 1);
    const QString name = window.project()->architecture().nodes().begin()->second.name;
    const QString file = QDir(folder).filePath(QStringLiteral("functions/%1/index.mjs").arg(name));
    QVERIFY(QFileInfo::exists(file));
    // Edit > Undo takes the node and its file back at once; Redo brings both.
    window.actionManager()->action(ActionIds::Undo)->trigger();
    QCOMPARE(window.project()->architecture().nodeCount(), 0);
    QVERIFY(!QFileInfo::exists(file));
    window.actionManager()->action(ActionIds::Redo)->trigger();
    QCOMPARE(window.project()->architecture().nodeCount(), 1);
    QVERIFY(QFileInfo::exists(file));
    window.project()->undoStack()->setClean();
}

QTEST_MAIN(tst_ScaffoldCommand)
void tst_ScaffoldCommand::customRuntimeCodeIsChosen_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("executable");
    QTest::newRow("go, al2023") << "go"
                                << "provided.al2023"
                                << "main.go" << false;
    QTest::newRow("shell, al2023") << "shell"
                                   << "provided.al2023"
                                   << "bootstrap" << true;
    QTest::newRow("shell, al2") << "shell"
                                << "provided.al2"
                                << "bootstrap" << true;
}

// The function's custom runtime code (its template property, a combo in the Inspector) is
// chosen; setting the runtime to provided.* writes that scaffold in the same undo step.
void tst_ScaffoldCommand::customRuntimeCodeIsChosen()
{
    QFETCH(QString, choice);
    QFETCH(QString, runtime);
    QFETCH(QString, file);
    QFETCH(bool, executable);
    const NodeId id = mProject->addNode(QStringLiteral("function"), {0, 0}, QStringLiteral("native")).valueOr(0);
    QVERIFY(id != kInvalidNodeId);
    QVERIFY(mProject->setNodeProperty(id, QStringLiteral("template"), choice));
    QUndoStack *stack = mProject->undoStack();
    const int steps = stack->count();
    QVERIFY(mProject->setNodeProperty(id, QStringLiteral("runtime"), runtime));
    QCOMPARE(stack->count(), steps + 1);
    const QString written = mDir->filePath(QStringLiteral("functions/native/") + file);
    QVERIFY2(QFileInfo::exists(written), qPrintable(written));
    const QString other = mDir->filePath(choice == QLatin1String("go") ? QStringLiteral("functions/native/bootstrap")
                                                                       : QStringLiteral("functions/native/main.go"));
    QVERIFY(!QFileInfo::exists(other));
    QCOMPARE(QFileInfo(written).isExecutable(), executable);
    if (executable)
        QVERIFY(readAll(written).startsWith("#!"));
    else
        QVERIFY(readAll(written).contains("package main"));
    // One step: undo takes back the runtime and the file.
    stack->undo();
    QVERIFY(!QFileInfo::exists(written));
    QCOMPARE(mProject->architecture().node(id)->properties.value(QStringLiteral("runtime")).toString(),
             QStringLiteral("nodejs20.x"));
    stack->redo();
    QVERIFY(QFileInfo::exists(written));
}

#include "tst_scaffoldcommand.moc"
