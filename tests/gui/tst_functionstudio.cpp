#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/nodeitem.h"
#include "editor/codeeditor.h"
#include "editor/editorarea.h"
#include "editor/findbar.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "notificationbar.h"
#include "run/runpanel.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "runtime/runhistory.h"
#include "storage/database.h"
#include "testutil.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QFileInfo>
#include <QFrame>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <Qsci/qscilexer.h>

using namespace Nimbus;
using namespace NimbusTest;
using namespace Qt::StringLiterals;

// The function studio driven as a user would: open code from the canvas, type, save,
// press Ctrl+Return, read the Run panel; errors, outside changes, completion, history.
class tst_FunctionStudio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void newFunctionGetsScaffoldForItsTrigger();
    void saveSaysRunsTheHistoryCouldNotWrite();
    void doubleClickOnCanvasOpensCode();
    void inspectorListsAndOpensFiles();
    void editorHighlightsEachLanguage_data();
    void editorHighlightsEachLanguage();
    void editSaveInvokeShowsResult();
    void saveRecyclesAndNextRunIsCold();
    void coldStartTabRanksTheSlowestImport();
    void invokeSavesUnsavedCode();
    void httpBodyIsShownDecoded_data();
    void httpBodyIsShownDecoded();
    void errorMarksTheLine_data();
    void errorMarksTheLine();
    void externalChangeIsOfferedForReload();
    void externalChangeIsNeverOverwrittenSilently();
    void completionOffersEventFields();
    void eventEditorMarksJsonErrors();
    void savedEventsAndTemplates();
    void historyListsRerunsAndCompares();
    void findReplaceAndComment();
    void themeFollowsPalette();
    void editorGoesWhileCompletionIsPrepared();
    void tabsOfOneFileNameShowTheirFolder();

private:
    // A saved project with an HTTP route invoking a Node.js function "fn", whose code is open.
    CodeEditor *openFunction(const QString &runtime = "nodejs20.x");
    void setCode(CodeEditor *editor, const QString &code);
    void invokeWithKeys(CodeEditor *editor);
    void waitForResult(int runs);

    std::unique_ptr<MainWindow> mWindow;
    std::unique_ptr<QTemporaryDir> mDir;
    QString mFile; // the handler file
    int mFinished = 0;
};

void tst_FunctionStudio::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_FunctionStudio::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    mWindow = std::make_unique<MainWindow>();
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mFinished = 0;
    connect(mWindow->runner(), &FunctionRunner::finished, this, [this] { ++mFinished; });
}

void tst_FunctionStudio::cleanup()
{
    mWindow->project()->undoStack()->setClean();
    for (EditorPage *p : mWindow->editorArea()->pages())
        p->editor()->setModified(false);
    mWindow.reset();
    mDir.reset();
}

CodeEditor *tst_FunctionStudio::openFunction(const QString &runtime)
{
    Project *project = mWindow->project();
    const NodeId route = project->addNode("http-route", {0, 0}, "route").valueOr(kInvalidNodeId);
    const NodeId fn = project->addNode("function", {300, 0}, "fn").valueOr(kInvalidNodeId);
    if (fn == kInvalidNodeId || route == kInvalidNodeId)
        return nullptr;
    (void)project->setNodeProperty(route, "path", "/items/{id}");
    (void)project->setNodeProperty(fn, "runtime", runtime);
    (void)project->connectNodes(route, fn, "invokes");
    mWindow->saveTo(mDir->filePath("studio.nimbus"));
    if (!mWindow->openFunctionCode("fn"))
        return nullptr;
    EditorPage *page = mWindow->editorArea()->currentPage();
    mFile = page->path();
    return page->editor();
}

void tst_FunctionStudio::setCode(CodeEditor *editor, const QString &code)
{
    editor->selectAll();
    editor->removeSelectedText();
    editor->setFocus();
    // Typed, as a user would (auto-indent off for exact text).
    const bool indent = editor->autoIndent();
    editor->setAutoIndent(false);
    editor->insert(code);
    editor->setAutoIndent(indent);
}

void tst_FunctionStudio::invokeWithKeys(CodeEditor *editor)
{
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
}

void tst_FunctionStudio::waitForResult(int runs)
{
    QTRY_COMPARE_WITH_TIMEOUT(mFinished, runs, 15000);
}

// Saving writes the runs still queued for the history first; one that cannot be written
// is said then, not consumed in silence.
void tst_FunctionStudio::saveSaysRunsTheHistoryCouldNotWrite()
{
    const QString path = mDir->filePath(u"history.nimbus"_s);
    QVERIFY(mWindow->saveTo(path));
    const NodeId fn = mWindow->project()->addNode("function", {0, 0}, "fn").valueOr(kInvalidNodeId);
    QVERIFY(fn != kInvalidNodeId);
    Database other;
    QVERIFY(other.open(path, Database::Mode::ReadWrite));
    QVERIFY(other.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON run_history "
                       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s));
    QVERIFY(mWindow->runner()->history().record(fn, "{}", InvocationResult()));
    const int before = mWindow->notifications()->pending();
    // Saved as another file (one with a trigger is refused, rightly, as a stranger's).
    const QString copy = mDir->filePath(u"copy.nimbus"_s);
    QVERIFY(mWindow->saveTo(copy));
    QCOMPARE(mWindow->notifications()->pending(), before + 1);
    QVERIFY2(mWindow->notifications()->text().contains("refused by the test"_L1),
             qPrintable(mWindow->notifications()->text()));
    // Said once: the next save, with nothing left unwritten, is quiet.
    QVERIFY(mWindow->saveTo(copy));
    QCOMPARE(mWindow->notifications()->pending(), before + 1);
}

void tst_FunctionStudio::newFunctionGetsScaffoldForItsTrigger()
{
    mWindow->saveTo(mDir->filePath("new.nimbus"));
    Project *project = mWindow->project();
    const NodeId fn = project->addNode("function", {0, 0}, "worker").valueOr(kInvalidNodeId);
    const QString file = mDir->filePath("functions/worker/index.mjs");
    QVERIFY(QFileInfo::exists(file));
    QVERIFY(readAll(file).contains("called with the event"));
    // Connecting a queue fits the untouched scaffold to the batch of messages.
    const NodeId queue = project->addNode("queue", {-300, 0}, "jobs").valueOr(kInvalidNodeId);
    QVERIFY(project->connectNodes(queue, fn, "invokes"));
    QVERIFY(readAll(file).contains("batchItemFailures"));
    // A scaffold the user has changed is theirs.
    QVERIFY(writeAll(file, "export const handler = async () => 'mine';\n"));
    const NodeId topic = project->addNode("topic", {-300, 200}, "news").valueOr(kInvalidNodeId);
    QVERIFY(project->connectNodes(topic, fn, "invokes"));
    QCOMPARE(readAll(file), QByteArray("export const handler = async () => 'mine';\n"));

    // And it runs as written.
    mWindow->runPanel()->setFunction(fn);
    QVERIFY(mWindow->invokeFunction());
    waitForResult(1);
    QCOMPARE(mWindow->runPanel()->resultView()->text(), QString("\"mine\""));
}

void tst_FunctionStudio::doubleClickOnCanvasOpensCode()
{
    QVERIFY(mWindow->openExample("shop"));
    CanvasView *view = mWindow->canvasView();
    const Node *node = mWindow->project()->architecture().nodeByName("processOrder");
    QVERIFY(node);
    NodeItem *item = mWindow->canvasScene()->nodeItem(node->id);
    view->centreOn(node->id);
    // On the kind's line, below the name.
    const QPoint at = view->mapFromScene(item->mapToScene(QPointF(60, 41)));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    EditorPage *page = mWindow->editorArea()->currentPage();
    QVERIFY(page);
    QCOMPARE(QFileInfo(page->path()).fileName(), QString("app.py"));
    QCOMPARE(page->editor()->language(), CodeEditor::Language::Python);
    QVERIFY(page->editor()->text().contains("def handler"));
    QCOMPARE(mWindow->runPanel()->function(), node->id);
    // The second double-click shows the same tab.
    mWindow->editorArea()->setCurrentIndex(0);
    view->centreOn(node->id);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(item->mapToScene(QPointF(60, 41))));
    QCOMPARE(mWindow->editorArea()->pages().size(), 1);
    QCOMPARE(mWindow->editorArea()->currentPage(), page);
    // On a function's name too: it opens the code, it does not rename (F2 does).
    mWindow->editorArea()->setCurrentIndex(0);
    view->centreOn(node->id);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {},
                       view->mapFromScene(item->mapToScene(item->nameRect().center())));
    QVERIFY(!view->renameEditor());
    QCOMPARE(mWindow->editorArea()->currentPage(), page);
}

void tst_FunctionStudio::editorHighlightsEachLanguage_data()
{
    // The files a function of each runtime is scaffolded with, and the lexer that reads them.
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("lexer"); // empty: plain text
    QTest::newRow("java") << "src/main/java/orders/Handler.java" << int(CodeEditor::Language::Java) << "Java";
    QTest::newRow("c#") << "Function.cs" << int(CodeEditor::Language::CSharp) << "C#";
    QTest::newRow("go") << "main.go" << int(CodeEditor::Language::Go) << "Go";
    QTest::newRow("bootstrap") << "bootstrap" << int(CodeEditor::Language::Shell) << "Bash";
    QTest::newRow("shell") << "build.sh" << int(CodeEditor::Language::Shell) << "Bash";
    QTest::newRow("pom") << "pom.xml" << int(CodeEditor::Language::Xml) << "XML";
    QTest::newRow("csproj") << "Orders.csproj" << int(CodeEditor::Language::Xml) << "XML";
    QTest::newRow("python") << "app.py" << int(CodeEditor::Language::Python) << "Python";
    QTest::newRow("go.mod") << "go.mod" << int(CodeEditor::Language::PlainText) << "";
}

void tst_FunctionStudio::editorHighlightsEachLanguage()
{
    QFETCH(QString, file);
    QFETCH(int, language);
    QFETCH(QString, lexer);
    QCOMPARE(int(CodeEditor::languageForFile(file)), language);
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language(language));
    QCOMPARE(editor.lexer() ? QString::fromLatin1(editor.lexer()->language()) : QString(), lexer);
    if (language == int(CodeEditor::Language::Go)) {
        QVERIFY(editor.indentationsUseTabs()); // as gofmt writes Go
        QVERIFY(QString::fromLatin1(editor.lexer()->keywords(1)).split(' ').contains("func"));
    }
}

void tst_FunctionStudio::inspectorListsAndOpensFiles()
{
    QVERIFY(mWindow->openExample("shop"));
    mWindow->selectNode("getItem");
    QListWidget *files = mWindow->inspector()->codeFiles();
    QVERIFY(files);
    QCOMPARE(files->count(), 1);
    QCOMPARE(files->item(0)->text(), QString("index.mjs"));
    emit files->itemActivated(files->item(0));
    EditorPage *page = mWindow->editorArea()->currentPage();
    QVERIFY(page);
    QCOMPARE(page->editor()->language(), CodeEditor::Language::JavaScript);
    QVERIFY(page->editor()->text().contains("GetCommand"));
}

void tst_FunctionStudio::editSaveInvokeShowsResult()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    QVERIFY(editor->text().contains("statusCode: 200")); // the HTTP scaffold
    setCode(editor, "export const handler = async (event) => {\n"
                    "    console.log('looking up', event.pathParameters.id);\n"
                    "    return { statusCode: 200, body: 'item ' + event.pathParameters.id };\n"
                    "};\n");
    EditorPage *page = mWindow->editorArea()->currentPage();
    QVERIFY(page->isModified());
    QVERIFY(mWindow->editorArea()->tabText(mWindow->editorArea()->currentIndex()).contains(QChar(0x25cf)));
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!page->isModified());
    QVERIFY(readAll(mFile).contains("'item ' + event.pathParameters.id"));

    invokeWithKeys(editor);
    waitForResult(1);
    RunPanel *run = mWindow->runPanel();
    QVERIFY2(run->resultView()->text().contains("\"body\": \"item 123\""), qPrintable(run->resultView()->text()));
    QVERIFY(run->logsView()->toPlainText().contains("looking up 123"));
    QCOMPARE(run->badge()->text(), QString("Cold start"));
    QVERIFY(run->figures()->text().contains("Duration"));
    QVERIFY(run->figures()->text().contains("Init"));
    QVERIFY(run->errorLabel()->isHidden());

    invokeWithKeys(editor);
    waitForResult(2);
    QCOMPARE(run->badge()->text(), QString("Warm"));
    QVERIFY(!run->figures()->text().contains("Init"));
}

void tst_FunctionStudio::saveRecyclesAndNextRunIsCold()
{
    CodeEditor *editor = openFunction("python3.12");
    QVERIFY(editor);
    QCOMPARE(editor->language(), CodeEditor::Language::Python);
    setCode(editor, "def handler(event, context):\n    return 'one'\n");
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    invokeWithKeys(editor);
    waitForResult(1);
    invokeWithKeys(editor);
    waitForResult(2);
    RunPanel *run = mWindow->runPanel();
    QCOMPARE(run->badge()->text(), QString("Warm"));
    QCOMPARE(mWindow->runner()->pool()->instanceCount("fn"), 1);

    // The first cold start left a spare worker: the next one only loads the handler.
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->runner()->pool()->spareCount(), 1, 10000);
    setCode(editor, "def handler(event, context):\n    return 'two'\n");
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(mWindow->runner()->pool()->instanceCount("fn"), 0); // recycled at once
    invokeWithKeys(editor);
    waitForResult(3);
    QCOMPARE(run->resultView()->text(), QString("\"two\""));
    QCOMPARE(run->badge()->text(), QString("Cold start: new code"));
    // Both figures: Lambda's Init, and what the user waited here, said to be something else.
    QVERIFY2(run->figures()->text().contains("Init"), qPrintable(run->figures()->text()));
    QVERIFY2(run->figures()->text().contains("Studio start"), qPrintable(run->figures()->text()));
    QVERIFY(run->figures()->text().contains("spare worker"));
    QVERIFY(run->figures()->toolTip().contains("not Lambda's cold start"));
    // The pool's own watcher sees the same save later: it must not end the new instance.
    QTest::qWait(300);
    invokeWithKeys(editor);
    waitForResult(4);
    QCOMPARE(run->badge()->text(), QString("Warm"));
}

void tst_FunctionStudio::coldStartTabRanksTheSlowestImport()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    const QString folder = QFileInfo(mFile).absolutePath();
    QFile slow(folder + "/slow.mjs");
    QVERIFY(slow.open(QIODevice::WriteOnly));
    slow.write("const end = Date.now() + 120; while (Date.now() < end) {}\nexport const answer = 42;\n");
    slow.close();
    setCode(editor, "import { answer } from './slow.mjs';\n"
                    "export const handler = async () => ({ statusCode: 200, body: String(answer) });\n");
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    invokeWithKeys(editor);
    waitForResult(1);
    RunPanel *run = mWindow->runPanel();
    QTabWidget *tabs = run->outputTabs();
    QWidget *page = run->importsTree()->parentWidget();
    QVERIFY(tabs->isTabVisible(tabs->indexOf(page)));
    QVERIFY(tabs->tabText(tabs->indexOf(page)).startsWith("Cold Start ("));
    // The handler's module (all of the load) first, then what it imported, with its own time.
    QTreeWidget *tree = run->importsTree();
    QVERIFY2(tree->topLevelItemCount() >= 2, qPrintable(QString::number(tree->topLevelItemCount())));
    QCOMPARE(tree->topLevelItem(0)->text(0), QFileInfo(mFile).fileName());
    QCOMPARE(tree->topLevelItem(1)->text(0), QString("slow.mjs"));
    QVERIFY(tree->topLevelItem(1)->text(2).endsWith(" ms"));
    QVERIFY(tree->topLevelItem(1)->font(1).bold());

    invokeWithKeys(editor); // warm: no load to profile
    waitForResult(2);
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(page)));
}

void tst_FunctionStudio::invokeSavesUnsavedCode()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    setCode(editor, "export const handler = async () => 'unsaved';\n");
    invokeWithKeys(editor);
    waitForResult(1);
    QCOMPARE(mWindow->runPanel()->resultView()->text(), QString("\"unsaved\""));
    QVERIFY(!mWindow->editorArea()->currentPage()->isModified());
    QVERIFY(readAll(mFile).contains("'unsaved'"));
}

void tst_FunctionStudio::httpBodyIsShownDecoded_data()
{
    QTest::addColumn<QString>("returned");
    QTest::addColumn<QString>("tab"); // empty: no Body tab, the Result tab is shown
    QTest::addColumn<QString>("body");
    QTest::newRow("json in a string") << "{ statusCode: 201, body: JSON.stringify({ id: 7, tags: ['a'] }) }"
                                      << "Body (201)"
                                      << "{\n    \"id\": 7,\n    \"tags\": [\n        \"a\"\n    ]\n}";
    QTest::newRow("text") << "{ statusCode: 404, body: 'no such item' }"
                          << "Body (404)"
                          << "no such item";
    QTest::newRow("base64")
        << "{ statusCode: 200, isBase64Encoded: true, body: Buffer.from('h\u00e9llo').toString('base64') }"
        << "Body (200)"
        << "h\u00e9llo";
    QTest::newRow("binary") << "{ statusCode: 200, isBase64Encoded: true, body: 'gIGCgw==' }"
                            << "Body (200)"
                            << "4 byte(s) of binary data";
    QTest::newRow("not a response") << "{ body: 'x' }" << QString() << QString();
}

void tst_FunctionStudio::httpBodyIsShownDecoded()
{
    QFETCH(QString, returned);
    QFETCH(QString, tab);
    QFETCH(QString, body);
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    setCode(editor, "export const handler = async () => (" + returned + ");\n");
    invokeWithKeys(editor);
    waitForResult(1);
    RunPanel *run = mWindow->runPanel();
    QTabWidget *tabs = run->outputTabs();
    const int index = tabs->indexOf(run->bodyView());
    QCOMPARE(tabs->isTabVisible(index), !tab.isEmpty());
    if (tab.isEmpty()) {
        QCOMPARE(tabs->currentWidget(), run->resultView());
        return;
    }
    QCOMPARE(tabs->tabText(index), tab);
    QCOMPARE(tabs->currentWidget(), run->bodyView());
    QCOMPARE(run->bodyView()->text(), body);
    // The raw result stays one tab away, exactly as the function returned it.
    QVERIFY(run->resultView()->text().contains("\"statusCode\""));
}

void tst_FunctionStudio::errorMarksTheLine_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("type");

    QTest::newRow("node throws") << "nodejs20.x"
                                 << "export const handler = async (event) => {\n  const a = 1;\n"
                                    "  return event.nothing.here;\n};\n"
                                 << 3 << "TypeError";
    QTest::newRow("node syntax") << "nodejs20.x"
                                 << "export const handler = async (event) => {\n  return {;\n};\n"
                                 << 2 << "Runtime.UserCodeSyntaxError";
    QTest::newRow("python raises") << "python3.12"
                                   << "def handler(event, context):\n    x = 1\n    y = 2\n    return x / 0\n"
                                   << 4 << "ZeroDivisionError";
    QTest::newRow("python syntax") << "python3.12"
                                   << "def handler(event, context):\n    return (\n"
                                   << 2 << "Runtime.UserCodeSyntaxError";
}

void tst_FunctionStudio::errorMarksTheLine()
{
    QFETCH(QString, runtime);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(QString, type);
    CodeEditor *editor = openFunction(runtime);
    QVERIFY(editor);
    setCode(editor, code);
    editor->setCursorPosition(0, 0);
    invokeWithKeys(editor);
    waitForResult(1);
    RunPanel *run = mWindow->runPanel();
    QVERIFY(!run->errorLabel()->isHidden());
    QVERIFY2(run->errorLabel()->text().contains(type), qPrintable(run->errorLabel()->text()));
    QCOMPARE(editor->errorLine(), line);
    int caretLine = 0, caretIndex = 0;
    editor->getCursorPosition(&caretLine, &caretIndex);
    QCOMPARE(caretLine + 1, line); // taken there
    QVERIFY(run->errorLabel()->text().contains(QString(":%1</a>").arg(line)));

    // The link goes back to the line after the user moved away; a good run clears the mark.
    editor->setCursorPosition(0, 0);
    mWindow->editorArea()->setCurrentIndex(0);
    const QString link = QString("%1:%2").arg(mFile).arg(line);
    emit run->errorLabel()->linkActivated(link);
    QCOMPARE(mWindow->editorArea()->currentPage()->editor(), editor);
    editor->getCursorPosition(&caretLine, &caretIndex);
    QCOMPARE(caretLine + 1, line);

    setCode(editor, runtime.startsWith("python") ? "def handler(event, context):\n    return 1\n"
                                                 : "export const handler = async () => 1;\n");
    invokeWithKeys(editor);
    waitForResult(2);
    QCOMPARE(editor->errorLine(), 0);
    QVERIFY(run->errorLabel()->isHidden());
}

void tst_FunctionStudio::externalChangeIsOfferedForReload()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    EditorPage *page = mWindow->editorArea()->currentPage();
    // Our own save is not an outside change.
    setCode(editor, "export const handler = async () => 'ours';\n");
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QTest::qWait(300);
    QVERIFY(page->changedBar()->isHidden());

    // Another program writes the file (as git checkout would: a new file renamed over it).
    QVERIFY(writeAll(mFile + ".tmp", "export const handler = async () => 'theirs';\n"));
    QVERIFY(QFile::remove(mFile));
    QVERIFY(QFile::rename(mFile + ".tmp", mFile));
    QTRY_VERIFY(!page->changedBar()->isHidden());
    QCOMPARE(editor->text(), QString("export const handler = async () => 'ours';\n")); // nothing silent
    page->changedBar()->findChild<QPushButton *>("reloadButton")->click();
    QCOMPARE(editor->text(), QString("export const handler = async () => 'theirs';\n"));
    QVERIFY(!page->isModified());
    QVERIFY(page->changedBar()->isHidden());

    // Watching goes on after the rename.
    QVERIFY(writeAll(mFile, "export const handler = async () => 'again';\n"));
    QTRY_VERIFY(!page->changedBar()->isHidden());
}

void tst_FunctionStudio::externalChangeIsNeverOverwrittenSilently()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    EditorPage *page = mWindow->editorArea()->currentPage();
    setCode(editor, "export const handler = async () => 'unsaved mine';\n");
    QVERIFY(writeAll(mFile, "export const handler = async () => 'theirs';\n"));
    QTRY_VERIFY(!page->changedBar()->isHidden());
    // Saving now would destroy their change: refused until the user decides.
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(readAll(mFile), QByteArray("export const handler = async () => 'theirs';\n"));
    page->changedBar()->findChild<QPushButton *>("keepButton")->click();
    QVERIFY(page->isModified());
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(readAll(mFile), QByteArray("export const handler = async () => 'unsaved mine';\n"));

    // A deleted file is offered to be written back.
    QVERIFY(QFile::remove(mFile));
    QTRY_VERIFY(!page->changedBar()->isHidden());
    QVERIFY(!page->changedBar()->findChild<QPushButton *>("reloadButton")->isEnabled());
}

void tst_FunctionStudio::completionOffersEventFields()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    setCode(editor, "export const handler = async (event, context) => {\n    return \n};\n");
    editor->setCursorPosition(1, 11);
    QTest::keyClicks(editor, "event.pathParameters");
    editor->cancelList(); // keyword completion may be showing
    QTest::keyClick(editor, Qt::Key_Period);
    QVERIFY(editor->isListActive());
    QCOMPARE(editor->fieldCompletionAtCaret().candidates, QStringList{"id"}); // from the route /items/{id}
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(editor->text(1), QString("    return event.pathParameters.id\n"));

    // Deeper fields, and context.
    editor->setCursorPosition(1, int(editor->text(1).size()) - 1);
    QTest::keyClicks(editor, ";");
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, "const m = event.requestContext.http.");
    QVERIFY(editor->fieldCompletionAtCaret().candidates.contains("method"));
    QVERIFY(editor->fieldCompletionAtCaret().candidates.contains("sourceIp"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTest::keyClicks(editor, ";");
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, "context.");
    QVERIFY(editor->fieldCompletionAtCaret().candidates.contains("getRemainingTimeInMillis"));

    // A function behind a queue completes the SQS record.
    Project *project = mWindow->project();
    const NodeId queue = project->addNode("queue", {0, 300}, "jobs").valueOr(kInvalidNodeId);
    const NodeId other = project->addNode("function", {300, 300}, "consumer").valueOr(kInvalidNodeId);
    QVERIFY(project->connectNodes(queue, other, "invokes"));
    QVERIFY(mWindow->openFunctionCode("consumer"));
    CodeEditor *consumer = mWindow->editorArea()->currentPage()->editor();
    consumer->setCursorPosition(consumer->lines() - 1, 0);
    QTest::keyClicks(consumer, "event.Records[0].");
    const QStringList fields = consumer->fieldCompletionAtCaret().candidates;
    QVERIFY(fields.contains("body"));
    QVERIFY(fields.contains("messageId"));
}

void tst_FunctionStudio::eventEditorMarksJsonErrors()
{
    QVERIFY(openFunction());
    RunPanel *run = mWindow->runPanel();
    CodeEditor *event = run->eventEditor();
    QVERIFY(event->text().contains("\"routeKey\": \"GET /items/{id}\""));
    event->setText("{\n  \"a\": 1,\n  \"b\": \n}\n");
    QTRY_VERIFY(!run->eventError().isEmpty());
    QVERIFY2(run->eventError().startsWith("Line 4"), qPrintable(run->eventError()));
    QCOMPARE(event->errorLine(), 4);
    int caretLine = 0, caretIndex = 0;
    event->getCursorPosition(&caretLine, &caretIndex);
    QCOMPARE(caretLine, 0); // marking does not move the caret
    QVERIFY(!run->findChild<QPushButton *>("invokeButton")->isEnabled());
    QVERIFY(!mWindow->invokeFunction());
    QCOMPARE(mWindow->runner()->isRunning(run->function()), false);
    event->setText("{\"a\": 1}");
    QTRY_VERIFY(run->eventError().isEmpty());
    QCOMPARE(event->errorLine(), 0);
    QVERIFY(run->findChild<QPushButton *>("invokeButton")->isEnabled());
}

void tst_FunctionStudio::savedEventsAndTemplates()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    setCode(editor, "export const handler = async (event) => event;\n");
    RunPanel *run = mWindow->runPanel();
    QComboBox *events = run->eventBox();
    QVERIFY(events->itemText(0).contains("route"));
    // Another template: S3.
    const int s3 = events->findText("Template: ", Qt::MatchStartsWith);
    QVERIFY(s3 > 0);
    bool found = false;
    for (int i = 0; i < events->count(); ++i) {
        if (events->itemText(i).contains("S3")) {
            emit events->activated(i);
            found = true;
            break;
        }
    }
    QVERIFY(found);
    QVERIFY(run->eventEditor()->text().contains("\"s3\""));

    run->eventEditor()->setText("{\"orderId\": \"42\"}");
    QVERIFY(run->saveEvent("order 42"));
    QVERIFY(events->currentText().contains("order 42"));
    emit events->activated(0);
    QVERIFY(!run->eventEditor()->text().contains("orderId"));
    emit events->activated(events->findText("Saved: order 42"));
    QVERIFY(run->eventEditor()->text().contains("\"orderId\": \"42\""));
    QVERIFY(mWindow->invokeFunction());
    waitForResult(1);
    QVERIFY(run->resultView()->text().contains("\"orderId\": \"42\""));

    // Saved events live in the project file.
    mWindow->saveTo(mWindow->project()->filePath());
    MainWindow again;
    QVERIFY(again.openFile(mDir->filePath("studio.nimbus")));
    again.runPanel()->setFunction(again.project()->architecture().nodeByName("fn")->id);
    QVERIFY(again.runPanel()->eventBox()->findText("Saved: order 42") >= 0);
}

void tst_FunctionStudio::historyListsRerunsAndCompares()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    setCode(editor,
            "let n = 0;\nexport const handler = async (event) => ({ n: ++n, id: event.pathParameters?.id });\n");
    invokeWithKeys(editor);
    waitForResult(1);
    invokeWithKeys(editor);
    waitForResult(2);
    RunPanel *run = mWindow->runPanel();
    QTreeWidget *history = run->historyTree();
    QCOMPARE(history->topLevelItemCount(), 2);
    QCOMPARE(history->topLevelItem(0)->text(1), QString("OK"));
    QCOMPARE(history->topLevelItem(0)->text(3), QString("warm"));
    QCOMPARE(history->topLevelItem(1)->text(3), QString("cold"));

    // Selecting shows that run; Run Again runs its event.
    history->setCurrentItem(history->topLevelItem(1));
    run->findChild<QPushButton *>("rerunButton")->click();
    waitForResult(3);
    QCOMPARE(history->topLevelItemCount(), 3);
    QVERIFY(run->resultView()->text().contains("\"n\": 3"));
    QVERIFY(run->resultView()->text().contains("\"id\": \"123\""));

    // Two runs side by side.
    auto *compareButton = run->findChild<QPushButton *>("compareButton");
    QVERIFY(!compareButton->isEnabled());
    history->topLevelItem(0)->setSelected(true);
    history->topLevelItem(2)->setSelected(true);
    QVERIFY(compareButton->isEnabled());
    compareButton->click();
    auto *dialog = run->findChild<QDialog *>("compareDialog");
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<CodeEditor *>("leftResult")->text().contains("\"n\": 1"));
    QVERIFY(dialog->findChild<CodeEditor *>("rightResult")->text().contains("\"n\": 3"));
    QVERIFY(dialog->findChild<QLabel *>("compareSummary")->text().contains("differ"));
    dialog->close();

    // The history is the project's: it is there after reopening.
    MainWindow again;
    QVERIFY(again.openFile(mDir->filePath("studio.nimbus")));
    again.runPanel()->setFunction(again.project()->architecture().nodeByName("fn")->id);
    QCOMPARE(again.runPanel()->historyTree()->topLevelItemCount(), 3);
}

void tst_FunctionStudio::findReplaceAndComment()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    setCode(editor, "const alpha = 1;\nconst alphabet = 2;\nconst beta = alpha + 3;\n");
    EditorPage *page = mWindow->editorArea()->currentPage();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
    FindBar *bar = page->findBar();
    QVERIFY(bar->isVisible());
    bar->findField()->setText("alpha");
    bar->replaceField()->setText("gamma");
    bar->setOptions(false, true, true); // whole words
    QCOMPARE(bar->replaceAll(), 2);
    QCOMPARE(editor->text(), QString("const gamma = 1;\nconst alphabet = 2;\nconst beta = gamma + 3;\n"));
    editor->undo(); // one step
    QCOMPARE(editor->text(), QString("const alpha = 1;\nconst alphabet = 2;\nconst beta = alpha + 3;\n"));
    bar->setOptions(true, false, true); // regular expression
    bar->findField()->setText("const (\\w+) = (\\d)");
    bar->replaceField()->setText("let \\1 = \\2");
    QCOMPARE(bar->replaceAll(), 2); // "const beta = alpha" has no digit there
    QVERIFY(editor->text().startsWith("let alpha = 1;\nlet alphabet = 2;"));
    bar->findField()->setText("([");
    QVERIFY(!bar->findNext());

    // Comment toggle on a selection, and back.
    editor->setSelection(0, 0, 1, 3);
    QTest::keyClick(editor, Qt::Key_Slash, Qt::ControlModifier);
    QVERIFY(editor->text(0).startsWith("// let alpha"));
    QVERIFY(editor->text(1).startsWith("// let alphabet"));
    QVERIFY(editor->text(2).startsWith("const beta"));
    editor->setSelection(0, 0, 1, 3);
    QTest::keyClick(editor, Qt::Key_Slash, Qt::ControlModifier);
    QVERIFY(editor->text(0).startsWith("let alpha"));

    // Go to line.
    editor->askGoToLine();
    auto *dialog = editor->findChild<QInputDialog *>("goToLineDialog");
    QVERIFY(dialog);
    dialog->setIntValue(3);
    dialog->accept();
    int line = 0, index = 0;
    editor->getCursorPosition(&line, &index);
    QCOMPARE(line, 2);

    // Several cursors type at once.
    editor->setCursorPosition(0, 4);
    QTest::keyClick(editor, Qt::Key_D, Qt::ControlModifier); // selects "alpha"
    QTest::keyClick(editor, Qt::Key_D, Qt::ControlModifier); // and the next one
    QCOMPARE(int(editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONS)), 2);
    QTest::keyClicks(editor, "z");
    QCOMPARE(editor->text(0), QString("let z = 1;\n"));
    QCOMPARE(editor->text(1), QString("let zbet = 2;\n"));

    // Zoom applies to every editor and is remembered.
    const int before = int(editor->SendScintilla(QsciScintillaBase::SCI_GETZOOM));
    QTest::keyClick(editor, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(int(editor->SendScintilla(QsciScintillaBase::SCI_GETZOOM)), before + 1);
    QCOMPARE(QSettings().value("editor/zoom").toInt(), before + 1);
    QTest::keyClick(editor, Qt::Key_0, Qt::ControlModifier);
}

void tst_FunctionStudio::themeFollowsPalette()
{
    CodeEditor *editor = openFunction();
    QVERIFY(editor);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    const QPalette light = QApplication::palette();
    QApplication::setPalette(dark);
    QTRY_COMPARE(editor->lexer()->paper(0), QColor(0x1e, 0x1e, 0x1e));
    QCOMPARE(editor->lexer()->color(0), QColor(0xdd, 0xdd, 0xdd));
    QApplication::setPalette(light);
    QTRY_COMPARE(editor->lexer()->paper(0), light.color(QPalette::Base));
}

// QsciAPIs prepares the completion list on a thread that reads the lexer: an editor
// closed, or switched to another language, at once must not pull the lexer from under it.
void tst_FunctionStudio::editorGoesWhileCompletionIsPrepared()
{
    for (int i = 0; i < 200; ++i) {
        CodeEditor editor;
        editor.setLanguage(i % 2 ? CodeEditor::Language::Json : CodeEditor::Language::JavaScript);
        editor.setLanguage(CodeEditor::Language::Python);
    }
}

// Every Node.js function has its index.mjs: open side by side, the tabs name the folder.
void tst_FunctionStudio::tabsOfOneFileNameShowTheirFolder()
{
    EditorArea *area = mWindow->editorArea();
    for (const char *folder : {"functions/orders", "functions/items"}) {
        QVERIFY(QDir(mDir->path()).mkpath(QString::fromLatin1(folder)));
        QFile file(mDir->filePath(QString::fromLatin1(folder) + "/index.mjs"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("export const handler = async () => ({});\n");
    }
    auto tabOf = [&](EditorPage *page) { return area->tabText(area->indexOf(page)); };
    EditorPage *orders = area->openFile(mDir->filePath("functions/orders/index.mjs"));
    QVERIFY(orders);
    QCOMPARE(tabOf(orders), QString("index.mjs"));
    EditorPage *items = area->openFile(mDir->filePath("functions/items/index.mjs"));
    QVERIFY(items);
    QCOMPARE(tabOf(orders), QString("orders/index.mjs"));
    QCOMPARE(tabOf(items), QString("items/index.mjs"));
    QVERIFY(area->closePage(items));
    QCOMPARE(tabOf(orders), QString("index.mjs"));
}

QTEST_MAIN(tst_FunctionStudio)
#include "tst_functionstudio.moc"
