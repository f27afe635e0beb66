#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "cloud/cloudpanel.h"
#include "editor/codeeditor.h"
#include "editor/editorarea.h"
#include "mainwindow.h"
#include "notificationbar.h"
#include "testutil.h"
#include "workflow/aslformat.h"
#include "workflow/stateform.h"
#include "workflow/staterows.h"
#include "workflow/workflowedit.h"
#include "workflow/workflowlayout.h"
#include "workflow/workflowpage.h"
#include "workflow/workflowrunpanel.h"
#include "workflow/workflowscene.h"

#include "document/project.h"
#include "runtime/scaffold.h"
#include "workflow/asldefinition.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace Nimbus;
using namespace NimbusTest;

// The workflow editor driven as a user would: a state machine dropped on the design gets
// its definition, a double-click opens it, the graph and the JSON follow each other
// through drops, drags, keys and typing, each change one undo step; diagnostics show on
// the lines, the list and the states; saving connects the design; executions light the
// path they take.
class tst_Workflow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void newMachineGetsStarterDefinition();
    void doubleClickOpensTheEditor();
    void typedStateAppearsOnTheGraph();
    void droppedStateIsWrittenAndUndone_data();
    void droppedStateIsWrittenAndUndone();
    void handleDragConnectsNext();
    void deleteKeyRemovesAStateAndItsReferences();
    void inspectorEditsAreUndoSteps();
    void choiceRulesAreEditedInATable_data();
    void choiceRulesAreEditedInATable();
    void choiceRulesAddRemoveMoveAndDefault();
    void compoundRulesKeepTheirJson();
    void retryAndCatchAreEditedInTables_data();
    void retryAndCatchAreEditedInTables();
    void typingInACellEditsTheRetrier();
    void diagnosticsNameTheState_data();
    void diagnosticsNameTheState();
    void nestedStatesAreFramed();
    void layoutUncrossesArrows();
    void savingAddsDerivedConnections();
    void deletingAUsedConnectionWarns();
    void executionLightsItsPath_data();
    void executionLightsItsPath();
    void advanceTimeEndsAWait();
    void taskInvokesANodeFunction();
    void exampleWorkflowRunsFromTheStudio_data();
    void exampleWorkflowRunsFromTheStudio();
    void screenshot();

private:
    NodeId addMachine(const QString &name = QStringLiteral("orders"));
    WorkflowPage *openMachine(NodeId machine, const QByteArray &definition = {});
    void setText(WorkflowPage *page, const QString &text);
    QPoint viewPoint(WorkflowPage *page, const QPointF &scene) const;
    void drop(WorkflowPage *page, const QString &type, const QPointF &scene);
    static void editCells(StateRows *rows, const QStringList &edits);
    QString definitionPath(NodeId machine) const;

    std::unique_ptr<MainWindow> mWindow;
    std::unique_ptr<QTemporaryDir> mDir;
};

namespace {

const char *const kChoiceMachine = R"({
  "StartAt": "Prepare",
  "States": {
    "Prepare": { "Type": "Pass", "Next": "Check" },
    "Check": { "Type": "Choice",
      "Choices": [ { "Variable": "$.value", "NumericGreaterThan": 10, "Next": "Big" } ],
      "Default": "Small" },
    "Big": { "Type": "Pass", "Result": "big", "ResultPath": "$.size", "Next": "Done" },
    "Small": { "Type": "Pass", "Result": "small", "ResultPath": "$.size", "Next": "Done" },
    "Done": { "Type": "Succeed" }
  }
})";

const char *const kTaskMachine = R"({
  "StartAt": "Charge",
  "States": {
    "Charge": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "charge", "Payload.$": "$" },
      "Retry": [ { "ErrorEquals": ["Busy"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2 } ],
      "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Refund", "ResultPath": "$.error" } ],
      "Next": "Done" },
    "Refund": { "Type": "Pass", "Next": "Failed" },
    "Failed": { "Type": "Fail", "Error": "NotCharged" },
    "Done": { "Type": "Succeed" }
  }
})";

const char *const kWaitMachine = R"({
  "StartAt": "Remind later",
  "States": {
    "Remind later": { "Type": "Wait", "Seconds": 86400, "Next": "Remind" },
    "Remind": { "Type": "Pass", "End": true }
  }
})";

} // namespace

void tst_Workflow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Workflow::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1500, 950);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(mWindow->saveTo(mDir->filePath("flows.nimbus")));
}

void tst_Workflow::cleanup()
{
    mWindow->cloudPanel()->stop();
    mWindow->project()->undoStack()->setClean();
    for (EditorPage *p : mWindow->editorArea()->pages())
        if (auto *w = qobject_cast<WorkflowPage *>(p))
            w->undoStack()->setClean();
    mWindow.reset();
    mDir.reset();
}

NodeId tst_Workflow::addMachine(const QString &name)
{
    return mWindow->project()->addNode("state-machine", {0, 0}, name).valueOr(kInvalidNodeId);
}

QString tst_Workflow::definitionPath(NodeId machine) const
{
    const Node *node = mWindow->project()->architecture().node(machine);
    return mDir->filePath(node->properties.value("definition").toString());
}

WorkflowPage *tst_Workflow::openMachine(NodeId machine, const QByteArray &definition)
{
    if (!definition.isEmpty() && !writeAll(definitionPath(machine), definition))
        return nullptr;
    WorkflowPage *page = mWindow->editorArea()->openWorkflow(machine);
    if (page)
        QApplication::processEvents();
    return page;
}

void tst_Workflow::setText(WorkflowPage *page, const QString &text)
{
    page->editor()->setFocus();
    page->editor()->selectAll();
    page->editor()->replaceSelectedText(text);
}

QPoint tst_Workflow::viewPoint(WorkflowPage *page, const QPointF &scene) const
{
    page->view()->ensureVisible(QRectF(scene, QSizeF(1, 1)), 20, 20);
    return page->view()->mapFromScene(scene);
}

void tst_Workflow::drop(WorkflowPage *page, const QString &type, const QPointF &scene)
{
    QMimeData mime;
    mime.setData(WorkflowView::kStateMimeType, type.toUtf8());
    const QPoint local = viewPoint(page, scene);
    QDragEnterEvent enter(local, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(page->view()->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(local), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(page->view()->viewport(), &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

void tst_Workflow::newMachineGetsStarterDefinition()
{
    // Dropped from the palette like any node.
    QMimeData mime;
    mime.setData(CanvasView::kKindMimeType, "state-machine");
    CanvasView *view = mWindow->canvasView();
    const QPoint at = view->viewport()->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(view->viewport(), &enter);
    QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(view->viewport(), &dropEvent);
    const Node *node = mWindow->project()->architecture().nodeByName("state-machine");
    QVERIFY(node);
    const QString path = mDir->filePath("workflows/state-machine.asl.json");
    QVERIFY(QFileInfo::exists(path));
    const Result<QJsonObject> definition = AslDefinition::parse(readAll(path));
    QVERIFY(definition);
    QVERIFY2(AslDefinition::validate(*definition).isEmpty(), readAll(path).constData());
    QCOMPARE(readAll(path), AslFormat::write(*definition)); // written in the editor's own order

    // Renaming keeps the file: the property still names it.
    QVERIFY(mWindow->project()->renameNode(node->id, "fulfil"));
    QCOMPARE(mWindow->project()->architecture().node(node->id)->properties.value("definition").toString(),
             QString("workflows/state-machine.asl.json"));
    mWindow->project()->undoStack()->undo(); // the rename
    mWindow->project()->undoStack()->undo(); // the drop: the untouched file goes, and its folder
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(mDir->filePath("workflows")));
    mWindow->project()->undoStack()->redo();
    QVERIFY(QFileInfo::exists(path));
}

void tst_Workflow::doubleClickOpensTheEditor()
{
    const NodeId machine = addMachine();
    CanvasView *view = mWindow->canvasView();
    NodeItem *item = mWindow->canvasScene()->nodeItem(machine);
    view->centreOn(machine);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(item->mapToScene(QPointF(60, 41))));
    auto *page = qobject_cast<WorkflowPage *>(mWindow->editorArea()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->machine(), machine);
    QCOMPARE(QFileInfo(page->path()).fileName(), QString("orders.asl.json"));
    QCOMPARE(page->editor()->language(), CodeEditor::Language::Json);
    QVERIFY(page->graph()->layout().box("Hello"));
    QVERIFY(page->graph()->layout().box("Done"));
    QVERIFY(!page->graph()->layout().start.isNull());
    QVERIFY(!page->isModified());
    // The same tab the second time.
    mWindow->editorArea()->setCurrentIndex(0);
    QCOMPARE(mWindow->editorArea()->openWorkflow(machine), page);
    QCOMPARE(mWindow->editorArea()->pages().size(), 1);
}

void tst_Workflow::typedStateAppearsOnTheGraph()
{
    WorkflowPage *page = openMachine(addMachine());
    QVERIFY(page);
    QString text = page->editor()->text();
    text.replace("\"Type\": \"Succeed\"", "\"Type\": \"Pass\",\n      \"Next\": \"Log\"");
    text.replace("\"States\": {", "\"States\": {\n    \"Log\": {\"Type\": \"Succeed\"},");
    setText(page, text);
    // Read again after the pause, not at each key.
    QVERIFY(!page->graph()->layout().box("Log"));
    QTRY_VERIFY(page->graph()->layout().box("Log"));
    QVERIFY(page->isModified());
    QVERIFY(mWindow->editorArea()->tabText(mWindow->editorArea()->indexOf(page)).endsWith(QChar(0x25cf)));
    // Done leads to Log: Log lies below it.
    QVERIFY(page->graph()->layout().box("Log")->rect.top() > page->graph()->layout().box("Done")->rect.bottom());
    // Ctrl+S writes the file and the tab is clean again.
    page->editor()->setFocus();
    QTest::keyClick(page->editor(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!page->isModified());
    QVERIFY(readAll(page->path()).contains("\"Log\""));
    // Typing is one step of the tab's stack too: Ctrl+Z in the text takes it back.
    const QString saved = page->editor()->text();
    page->editor()->setCursorPosition(0, 1);
    QTest::keyClick(page->editor(), Qt::Key_Return);
    QTest::keyClicks(page->editor(), "\"Comment\": \"typed\",");
    QVERIFY(page->isModified());
    QTest::keyClick(page->editor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page->editor()->text(), saved);
    QVERIFY(!page->isModified());
}

void tst_Workflow::droppedStateIsWrittenAndUndone_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("onHello"); // dropped on Hello (after it) or on empty space
    QTest::addColumn<QString>("expectedName");
    for (const QString &type : WorkflowEdit::stateTypes())
        QTest::newRow(qPrintable(type + " after Hello")) << type << true << type;
    QTest::newRow("Pass alone") << "Pass" << false << "Pass";
}

void tst_Workflow::droppedStateIsWrittenAndUndone()
{
    QFETCH(QString, type);
    QFETCH(bool, onHello);
    QFETCH(QString, expectedName);
    WorkflowPage *page = openMachine(addMachine());
    QVERIFY(page);
    const QString before = page->editor()->text();
    const QRectF hello = page->graph()->stateRect("Hello");
    drop(page, type, onHello ? hello.center() : hello.topRight() + QPointF(400, 0));
    const QJsonObject states = QJsonDocument::fromJson(page->editor()->text().toUtf8())["States"].toObject();
    QVERIFY2(states.contains(expectedName), qPrintable(page->editor()->text()));
    QCOMPARE(states[expectedName].toObject()["Type"].toString(), type);
    QVERIFY(page->graph()->layout().box(expectedName));
    QCOMPARE(page->graph()->selectedState(), expectedName);
    if (onHello) {
        QCOMPARE(states["Hello"].toObject()["Next"].toString(), expectedName);
        if (WorkflowEdit::takesNext(type))
            QCOMPARE(states[expectedName].toObject()["Next"].toString(), QString("Done"));
    }
    // The Type comes first in the state, StartAt and States in the machine.
    QVERIFY(page->editor()->text().indexOf("\"StartAt\"") < page->editor()->text().indexOf("\"States\""));
    QCOMPARE(page->undoStack()->count(), 1);
    // Ctrl+Z with the graph focused: the window's Undo follows the tab's stack.
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page->editor()->text(), before);
    QVERIFY(!page->graph()->layout().box(expectedName));
    QVERIFY(!page->isModified());
    page->undoStack()->redo();
    QVERIFY(page->graph()->layout().box(expectedName));
}

void tst_Workflow::handleDragConnectsNext()
{
    WorkflowPage *page = openMachine(addMachine(), R"({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "End": true}, "B": {"Type": "Pass", "End": true}}})");
    QVERIFY(page);
    QWidget *viewport = page->view()->viewport();
    const QPoint from = viewPoint(page, page->graph()->handlePosition("A"));
    const QPoint to = viewPoint(page, page->graph()->stateRect("B").center());
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), viewport->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton,
                     {});
    QApplication::sendEvent(viewport, &move);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    const QJsonObject a = WorkflowEdit::stateAt(page->definition(), "A");
    QCOMPARE(a["Next"].toString(), QString("B"));
    QVERIFY(!a.contains("End"));
    QCOMPARE(page->undoStack()->count(), 1);
    // B is reached now: no more "unreachable" diagnostic on it.
    QCOMPARE(page->graph()->problems("B"), (QPair<int, int>(0, 0)));
}

void tst_Workflow::deleteKeyRemovesAStateAndItsReferences()
{
    WorkflowPage *page = openMachine(addMachine(), kChoiceMachine);
    QVERIFY(page);
    page->graph()->selectState("Big");
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_Delete);
    QVERIFY(!page->graph()->layout().box("Big"));
    const QJsonObject check = WorkflowEdit::stateAt(page->definition(), "Check");
    // The rule that went to Big now goes where Big went.
    QCOMPARE(check["Choices"].toArray().at(0).toObject()["Next"].toString(), QString("Done"));
    QVERIFY(AslDefinition::validate(page->definition()).isEmpty());
    page->undoStack()->undo();
    QVERIFY(page->graph()->layout().box("Big"));
}

void tst_Workflow::inspectorEditsAreUndoSteps()
{
    WorkflowPage *page = openMachine(addMachine(), kWaitMachine);
    QVERIFY(page);
    page->graph()->selectState("Remind later");
    StateForm *form = page->form();
    QCOMPARE(form->path(), QString("Remind later"));
    // Rename: the Next that named it follows... here StartAt does.
    form->nameField()->setText("Pause");
    QMetaObject::invokeMethod(form->nameField(), "editingFinished");
    QCOMPARE(page->definition()["StartAt"].toString(), QString("Pause"));
    QCOMPARE(page->graph()->selectedState(), QString("Pause"));
    // A field: Comment.
    form->field("Comment")->setText("wait a day");
    QMetaObject::invokeMethod(form->field("Comment"), "editingFinished");
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Pause")["Comment"].toString(), QString("wait a day"));
    // The state's JSON.
    form->jsonField()->setText(R"({"Type": "Wait", "Seconds": 5, "End": true})");
    QTest::mouseClick(form->applyJsonButton(), Qt::LeftButton);
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Pause")["Seconds"].toInt(), 5);
    QVERIFY(!page->graph()->layout().box("Remind") || page->diagnostics().size() > 0);
    QCOMPARE(page->undoStack()->count(), 3);
    page->undoStack()->undo();
    page->undoStack()->undo();
    page->undoStack()->undo();
    QCOMPARE(page->definition()["StartAt"].toString(), QString("Remind later"));
}

// Edits "row,column=text" one after the other, as finished cell edits.
void tst_Workflow::editCells(StateRows *rows, const QStringList &edits)
{
    for (const QString &edit : edits) {
        const qsizetype equals = edit.indexOf(u'=');
        const QStringList where = edit.left(equals).split(u',');
        QTableWidgetItem *item = rows->table()->item(where.at(0).toInt(), where.at(1).toInt());
        QVERIFY2(item, qPrintable(edit));
        item->setText(edit.mid(equals + 1));
    }
}

void tst_Workflow::choiceRulesAreEditedInATable_data()
{
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("rule"); // the rule written, compact JSON; empty: unchanged
    QTest::addColumn<QString>("error");

    QTest::newRow("value") << QStringList{"0,2=250"}
                           << R"({"Next":"Big","NumericGreaterThan":250,"Variable":"$.value"})" << QString();
    QTest::newRow("operator keeps the value")
        << QStringList{"0,1=NumericLessThanEquals"}
        << R"({"Next":"Big","NumericLessThanEquals":10,"Variable":"$.value"})" << QString();
    QTest::newRow("variable") << QStringList{"0,0=$.order.total"}
                              << R"({"Next":"Big","NumericGreaterThan":10,"Variable":"$.order.total"})" << QString();
    QTest::newRow("next") << QStringList{"0,3=Small"}
                          << R"({"Next":"Small","NumericGreaterThan":10,"Variable":"$.value"})" << QString();
    QTest::newRow("string") << QStringList{"0,2=PAID", "0,1=StringEquals"}
                            << R"({"Next":"Big","StringEquals":"PAID","Variable":"$.value"})" << QString();
    QTest::newRow("path variant") << QStringList{"0,2=$.limit", "0,1=NumericGreaterThanPath"}
                                  << R"({"Next":"Big","NumericGreaterThanPath":"$.limit","Variable":"$.value"})"
                                  << QString();
    QTest::newRow("type test") << QStringList{"0,2=true", "0,1=IsPresent"}
                               << R"({"IsPresent":true,"Next":"Big","Variable":"$.value"})" << QString();
    QTest::newRow("timestamp") << QStringList{"0,2=2026-12-01T08:00:00Z", "0,1=TimestampLessThan"}
                               << R"({"Next":"Big","TimestampLessThan":"2026-12-01T08:00:00Z","Variable":"$.value"})"
                               << QString();
    QTest::newRow("not a number") << QStringList{"0,2=lots"} << QString() << "a number, not 'lots'";
    QTest::newRow("not a boolean") << QStringList{"0,1=BooleanEquals"} << QString() << "true or false";
    QTest::newRow("not a path") << QStringList{"0,0=total"} << QString() << "starts with $";
    QTest::newRow("unknown operator") << QStringList{"0,1=NumericAbout"} << QString()
                                      << "'NumericAbout' is not a Choice operator";
    QTest::newRow("no next") << QStringList{"0,3="} << QString() << "(Next)";
}

void tst_Workflow::choiceRulesAreEditedInATable()
{
    QFETCH(QStringList, edits);
    QFETCH(QString, rule);
    QFETCH(QString, error);
    WorkflowPage *page = openMachine(addMachine(), kChoiceMachine);
    QVERIFY(page);
    page->graph()->selectState("Check");
    StateForm *form = page->form();
    StateRows *rules = form->choicesField();
    QVERIFY(rules->isVisibleTo(form));
    QVERIFY(!form->retryField()->isVisibleTo(form));
    QCOMPARE(rules->table()->rowCount(), 1);
    QCOMPARE(rules->table()->item(0, 1)->text(), QString("NumericGreaterThan"));
    QCOMPARE(rules->table()->item(0, 2)->text(), QString("10"));
    const QJsonObject before = page->definition();

    editCells(rules, edits);
    const QJsonObject written =
        WorkflowEdit::stateAt(page->definition(), "Check")["Choices"].toArray().at(0).toObject();
    if (rule.isEmpty()) {
        QCOMPARE(page->definition(), before);
        QVERIFY2(rules->error().contains(error), qPrintable(rules->error()));
        QCOMPARE(page->undoStack()->count(), 0);
        return;
    }
    QCOMPARE(QString::fromUtf8(QJsonDocument(written).toJson(QJsonDocument::Compact)), rule);
    QVERIFY(rules->error().isEmpty());
    // The JSON beside the graph says the same, and each edit that made a rule was one undo
    // step (a value typed for the operator about to be chosen waits for it).
    QCOMPARE(QJsonDocument::fromJson(page->editor()->text().toUtf8()).object(), page->definition());
    QCOMPARE(page->undoStack()->count(), 1);
    while (page->undoStack()->canUndo())
        page->undoStack()->undo();
    QCOMPARE(page->definition(), before);
}

void tst_Workflow::choiceRulesAddRemoveMoveAndDefault()
{
    WorkflowPage *page = openMachine(addMachine(), kChoiceMachine);
    QVERIFY(page);
    page->graph()->selectState("Check");
    StateForm *form = page->form();
    StateRows *rules = form->choicesField();
    auto choices = [page] { return WorkflowEdit::stateAt(page->definition(), "Check")["Choices"].toArray(); };

    // Add: a rule leading to a state there is, the new row selected.
    QTest::mouseClick(rules->addButton(), Qt::LeftButton);
    QCOMPARE(choices().size(), 2);
    QVERIFY(!choices().at(1)["Next"].toString().isEmpty());
    QCOMPARE(rules->table()->rowCount(), 2);
    QCOMPARE(rules->table()->currentRow(), 1);
    // Its value and next, then up above the first.
    editCells(rules, {"1,1=NumericLessThan", "1,2=0", "1,3=Small"});
    QCOMPARE(choices().at(1)["NumericLessThan"].toDouble(), 0.0);
    QVERIFY(rules->upButton()->isEnabled());
    QTest::mouseClick(rules->upButton(), Qt::LeftButton);
    QCOMPARE(choices().at(0)["NumericLessThan"].toDouble(), 0.0);
    QCOMPARE(choices().at(1)["NumericGreaterThan"].toDouble(), 10.0);
    QCOMPARE(rules->table()->currentRow(), 0);
    // Default: none, then Done.
    QComboBox *fallback = form->defaultField();
    QVERIFY(fallback->isVisibleTo(form));
    QCOMPARE(fallback->currentText(), QString("Small"));
    fallback->setCurrentIndex(fallback->findData(QString()));
    emit fallback->activated(fallback->currentIndex());
    QVERIFY(!WorkflowEdit::stateAt(page->definition(), "Check").contains("Default"));
    QVERIFY(page->diagnostics().size() > 0); // a Choice without Default is a warning
    fallback->setCurrentIndex(fallback->findData(QString("Done")));
    emit fallback->activated(fallback->currentIndex());
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Check")["Default"].toString(), QString("Done"));
    // Remove the first: one rule left, the one there was.
    rules->table()->selectRow(0);
    QTest::mouseClick(rules->removeButton(), Qt::LeftButton);
    QCOMPARE(choices().size(), 1);
    QCOMPARE(choices().at(0)["NumericGreaterThan"].toDouble(), 10.0);
    // add, two cell edits (the operator alone was no rule: an empty value is no number),
    // move, two defaults, remove: seven steps, all undone.
    QCOMPARE(page->undoStack()->count(), 7);
    while (page->undoStack()->canUndo())
        page->undoStack()->undo();
    QCOMPARE(choices().size(), 1);
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Check")["Default"].toString(), QString("Small"));
}

void tst_Workflow::compoundRulesKeepTheirJson()
{
    WorkflowPage *page = openMachine(addMachine(), R"({
  "StartAt": "Check",
  "States": {
    "Check": { "Type": "Choice", "Default": "No",
      "Choices": [ { "And": [ { "Variable": "$.a", "IsPresent": true },
                              { "Variable": "$.a", "NumericGreaterThan": 1 } ], "Next": "Yes" } ] },
    "Yes": { "Type": "Succeed" },
    "No": { "Type": "Succeed" }
  }
})");
    QVERIFY(page);
    page->graph()->selectState("Check");
    StateRows *rules = page->form()->choicesField();
    QCOMPARE(rules->table()->item(0, 1)->text(), QString("And"));
    QVERIFY(rules->table()->item(0, 0)->text().contains("and"));
    QVERIFY(!(rules->table()->item(0, 0)->flags() & Qt::ItemIsEditable));
    QVERIFY(!(rules->table()->item(0, 2)->flags() & Qt::ItemIsEditable));
    QVERIFY(rules->table()->item(0, 3)->flags() & Qt::ItemIsEditable);
    editCells(rules, {"0,3=No"});
    const QJsonObject rule = WorkflowEdit::stateAt(page->definition(), "Check")["Choices"].toArray().at(0).toObject();
    QCOMPARE(rule["Next"].toString(), QString("No"));
    QCOMPARE(rule["And"].toArray().size(), 2);
}

void tst_Workflow::retryAndCatchAreEditedInTables_data()
{
    QTest::addColumn<QString>("table"); // Retry or Catch
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("written"); // the first object, compact JSON; empty: unchanged
    QTest::addColumn<QString>("error");

    QTest::newRow("retry errors") << "Retry" << QStringList{"0,0=Busy, States.Timeout"}
                                  << R"({"BackoffRate":2,"ErrorEquals":["Busy","States.Timeout"],)"
                                     R"("IntervalSeconds":2,"MaxAttempts":3})"
                                  << QString();
    QTest::newRow("retry numbers") << "Retry" << QStringList{"0,1=5", "0,2=0", "0,3=1.5", "0,4=60", "0,5=FULL"}
                                   << R"({"BackoffRate":1.5,"ErrorEquals":["Busy"],"IntervalSeconds":5,)"
                                      R"("JitterStrategy":"FULL","MaxAttempts":0,"MaxDelaySeconds":60})"
                                   << QString();
    QTest::newRow("retry default") << "Retry" << QStringList{"0,3="}
                                   << R"({"ErrorEquals":["Busy"],"IntervalSeconds":2,"MaxAttempts":3})" << QString();
    QTest::newRow("retry interval 0") << "Retry" << QStringList{"0,1=0"} << QString() << "at least 1";
    QTest::newRow("retry backoff 0.5") << "Retry" << QStringList{"0,3=0.5"} << QString() << "at least 1.0";
    QTest::newRow("retry attempts text") << "Retry" << QStringList{"0,2=many"} << QString() << "whole number";
    QTest::newRow("retry jitter") << "Retry" << QStringList{"0,5=SOME"} << QString() << "FULL or NONE";
    QTest::newRow("retry no errors") << "Retry" << QStringList{"0,0= , "} << QString() << "States.ALL";
    QTest::newRow("catch next") << "Catch" << QStringList{"0,1=Failed"}
                                << R"({"ErrorEquals":["States.ALL"],"Next":"Failed","ResultPath":"$.error"})"
                                << QString();
    QTest::newRow("catch result path") << "Catch" << QStringList{"0,2="}
                                       << R"({"ErrorEquals":["States.ALL"],"Next":"Refund"})" << QString();
    QTest::newRow("catch bad path") << "Catch" << QStringList{"0,2=error"} << QString() << "starts with $";
    QTest::newRow("catch no next") << "Catch" << QStringList{"0,1="} << QString() << "(Next)";
}

void tst_Workflow::retryAndCatchAreEditedInTables()
{
    QFETCH(QString, table);
    QFETCH(QStringList, edits);
    QFETCH(QString, written);
    QFETCH(QString, error);
    WorkflowPage *page = openMachine(addMachine(), kTaskMachine);
    QVERIFY(page);
    page->graph()->selectState("Charge");
    StateForm *form = page->form();
    QVERIFY(!form->choicesField()->isVisibleTo(form));
    StateRows *rows = table == "Retry" ? form->retryField() : form->catchField();
    QVERIFY(rows->isVisibleTo(form));
    QCOMPARE(rows->table()->rowCount(), 1);
    const QJsonObject before = page->definition();

    editCells(rows, edits);
    if (written.isEmpty()) {
        QCOMPARE(page->definition(), before);
        QVERIFY2(rows->error().contains(error), qPrintable(rows->error()));
        return;
    }
    const QJsonObject first = WorkflowEdit::stateAt(page->definition(), "Charge")[table].toArray().at(0).toObject();
    QCOMPARE(QString::fromUtf8(QJsonDocument(first).toJson(QJsonDocument::Compact)), written);
    QCOMPARE(page->undoStack()->count(), int(edits.size()));
    if (table != "Retry")
        return; // a catcher led elsewhere may leave a state unreachable
    // The definition is still one the console accepts.
    const auto errors = std::count_if(page->diagnostics().cbegin(), page->diagnostics().cend(),
                                      [](const auto &d) { return d.severity == AslDiagnostic::Severity::Error; });
    QCOMPARE(errors, 0);
}

void tst_Workflow::typingInACellEditsTheRetrier()
{
    WorkflowPage *page = openMachine(addMachine(), kTaskMachine);
    QVERIFY(page);
    page->graph()->selectState("Charge");
    StateRows *retry = page->form()->retryField();
    // Keys, as a user: select the Attempts cell, type over it, Enter.
    QTableWidget *table = retry->table();
    mWindow->activateWindow();
    table->setFocus();
    table->setCurrentCell(0, 2);
    QTest::keyClick(table, Qt::Key_F2);
    auto *editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, "7");
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next turn of the loop
    QTRY_COMPARE(table->item(0, 2)->text(), QString("7"));
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Charge")["Retry"].toArray().at(0)["MaxAttempts"].toInt(), 7);
    // The Jitter column offers its values in a combo box.
    table->setCurrentCell(0, 5);
    table->editItem(table->item(0, 5));
    auto *combo = table->viewport()->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(combo->findData(QString("NONE")));
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(table->item(0, 5)->text(), QString("NONE"));
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Charge")["Retry"].toArray().at(0)["JitterStrategy"].toString(),
             QString("NONE"));
    // A catcher added leads to a state there is; removing the last leaves no Catch field.
    StateRows *catcher = page->form()->catchField();
    QTest::mouseClick(catcher->addButton(), Qt::LeftButton);
    QCOMPARE(WorkflowEdit::stateAt(page->definition(), "Charge")["Catch"].toArray().size(), 2);
    catcher->table()->selectRow(1);
    QTest::mouseClick(catcher->removeButton(), Qt::LeftButton);
    catcher->table()->selectRow(0);
    QTest::mouseClick(catcher->removeButton(), Qt::LeftButton);
    QVERIFY(!WorkflowEdit::stateAt(page->definition(), "Charge").contains("Catch"));
    QCOMPARE(page->undoStack()->count(), 5);
}

void tst_Workflow::diagnosticsNameTheState_data()
{
    QTest::addColumn<QByteArray>("definition");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("warning");
    QTest::newRow("missing Next") << QByteArray(R"({"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Next": "Nowhere"}}})")
                                  << "A"
                                  << "Nowhere" << false;
    QTest::newRow("Choice without Default") << QByteArray(R"({"StartAt": "C", "States": {
  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "E"}]},
  "E": {"Type": "Succeed"}}})") << "C"
                                            << "Default" << true;
}

void tst_Workflow::diagnosticsNameTheState()
{
    QFETCH(QByteArray, definition);
    QFETCH(QString, state);
    QFETCH(QString, words);
    QFETCH(bool, warning);
    WorkflowPage *page = openMachine(addMachine(), definition);
    QVERIFY(page);
    QListWidget *list = page->diagnosticsList();
    QVERIFY(list->count() > 0);
    bool found = false;
    for (int i = 0; i < list->count(); ++i)
        found = found || (list->item(i)->text().startsWith(state) && list->item(i)->text().contains(words));
    QVERIFY2(found, qPrintable(list->item(0)->text()));
    const QPair<int, int> badge = page->graph()->problems(state);
    QVERIFY(warning ? badge.second > 0 : badge.first > 0);
    // The state's line is marked in the text.
    const int line =
        int(page->editor()->text().left(page->editor()->text().indexOf(QString("\"%1\"").arg(state))).count('\n')) + 1;
    QVERIFY(!page->editor()->problemLines().isEmpty());
    QVERIFY(page->editor()->problemLines().first() >= line);

    // A JSON syntax error: the list says where, the graph keeps the last good definition.
    setText(page, page->editor()->text().replace("\"StartAt\"", "StartAt"));
    page->parseNow();
    QVERIFY(!page->textParses());
    QCOMPARE(page->diagnosticsList()->count(), 1);
    QVERIFY(page->diagnosticsList()->item(0)->text().startsWith("Line 1"));
    QVERIFY(page->graph()->layout().box(state));
    // The graph's edits wait until the text reads again.
    QVERIFY(!page->addState("Pass", {}));
    QVERIFY(!page->message().isEmpty());
}

void tst_Workflow::nestedStatesAreFramed()
{
    WorkflowPage *page = openMachine(addMachine(), R"({"StartAt": "Both", "States": {
      "Both": {"Type": "Parallel", "Next": "Each", "Branches": [
        {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
        {"StartAt": "Right", "States": {"Right": {"Type": "Pass", "End": true}}}]},
      "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "One",
          "States": {"One": {"Type": "Pass", "End": true}}}}}})");
    QVERIFY(page);
    const WorkflowLayout &layout = page->graph()->layout();
    const WorkflowLayout::Box *both = layout.box("Both");
    QVERIFY(both && both->container);
    QVERIFY(both->rect.contains(layout.box("Both/Branch 1/Left")->rect));
    QVERIFY(both->rect.contains(layout.box("Both/Branch 2/Right")->rect));
    QVERIFY(layout.box("Each")->rect.contains(layout.box("Each/Iterator/One")->rect));
    QCOMPARE(layout.frames.size(), 3);
    // A drop into the second branch, on Right, lands after Right in that branch.
    drop(page, "Wait", layout.box("Both/Branch 2/Right")->rect.center());
    const QJsonObject branch = page->definition()["States"]["Both"]["Branches"][1].toObject();
    QVERIFY2(branch["States"].toObject().contains("Wait"), qPrintable(page->editor()->text()));
    QCOMPARE(branch["States"]["Right"]["Next"].toString(), QString("Wait"));
    QVERIFY(page->graph()->layout().box("Both/Branch 2/Wait"));
}

void tst_Workflow::layoutUncrossesArrows()
{
    // The walk from the start meets P first (straight from the Choice), so P would stand
    // left of Q under B and C, and B -> Q would cross C -> P.
    const QJsonObject definition = QJsonDocument::fromJson(R"({
  "StartAt": "A",
  "States": {
    "A": { "Type": "Choice", "Choices": [
        { "Variable": "$.skip", "BooleanEquals": true, "Next": "P" },
        { "Variable": "$.left", "BooleanEquals": true, "Next": "B" } ], "Default": "C" },
    "B": { "Type": "Pass", "Next": "Q" },
    "C": { "Type": "Pass", "Next": "P" },
    "P": { "Type": "Succeed" },
    "Q": { "Type": "Succeed" }
  }
})")
                                       .object();
    const WorkflowLayout layout = WorkflowLayout::compute(definition);
    QVERIFY(layout.box("B") && layout.box("C") && layout.box("P") && layout.box("Q"));
    QCOMPARE(layout.box("B")->rect.top(), layout.box("C")->rect.top());
    QCOMPARE(layout.box("P")->rect.top(), layout.box("Q")->rect.top());
    QVERIFY(layout.box("B")->rect.left() < layout.box("C")->rect.left());
    QVERIFY2(layout.box("Q")->rect.left() < layout.box("P")->rect.left(), "Q stands under B, P under C");
}

void tst_Workflow::savingAddsDerivedConnections()
{
    Project *project = mWindow->project();
    const NodeId charge = project->addNode("function", {300, 0}, "charge").valueOr(kInvalidNodeId);
    const NodeId receipts = project->addNode("queue", {300, 200}, "receipts").valueOr(kInvalidNodeId);
    const NodeId machine = addMachine();
    WorkflowPage *page = openMachine(machine);
    QVERIFY(page);
    setText(page, R"({"StartAt": "Charge", "States": {
  "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    "Parameters": {"FunctionName": "${charge}", "Payload.$": "$"}, "Next": "Send"},
  "Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
    "Parameters": {"QueueUrl": "${receipts}", "MessageBody.$": "$"}, "End": true}}})");
    const int steps = project->undoStack()->count();
    QVERIFY(mWindow->editorArea()->save(page));
    const Architecture &design = project->architecture();
    QVERIFY(design.findEdge(machine, charge, "invokes"));
    QVERIFY(design.findEdge(machine, receipts, "writes"));
    // One step of the design's own stack.
    QCOMPARE(project->undoStack()->count(), steps + 1);
    // Saved again: nothing more to add.
    page->undoStack()->resetClean();
    QVERIFY(mWindow->editorArea()->save(page));
    QCOMPARE(project->undoStack()->count(), steps + 1);
    project->undoStack()->undo();
    QVERIFY(!design.findEdge(machine, charge, "invokes"));
}

void tst_Workflow::deletingAUsedConnectionWarns()
{
    Project *project = mWindow->project();
    const NodeId charge = project->addNode("function", {400, 0}, "charge").valueOr(kInvalidNodeId);
    const NodeId machine = addMachine();
    QVERIFY(writeAll(definitionPath(machine), R"({"StartAt": "Charge", "States": {
  "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    "Parameters": {"FunctionName": "${charge}"}, "End": true}}})"));
    const EdgeId edge = project->connectNodes(machine, charge, "invokes").valueOr(kInvalidEdgeId);
    QVERIFY(edge != kInvalidEdgeId);
    mWindow->canvasScene()->clearSelection();
    mWindow->canvasScene()->edgeItem(edge)->setSelected(true);
    mWindow->canvasView()->deleteSelection();
    QVERIFY(!project->architecture().edge(edge));
    NotificationBar *band = mWindow->notifications();
    QVERIFY(band->isVisible());
    QVERIFY2(band->text().contains("Charge") && band->text().contains("charge"), qPrintable(band->text()));
    band->dismiss();
    // A connection no state uses goes without a word.
    const NodeId other = project->addNode("function", {400, 200}, "other").valueOr(kInvalidNodeId);
    const EdgeId unused = project->connectNodes(machine, other, "invokes").valueOr(kInvalidEdgeId);
    mWindow->canvasScene()->clearSelection();
    mWindow->canvasScene()->edgeItem(unused)->setSelected(true);
    mWindow->canvasView()->deleteSelection();
    QVERIFY(!band->isVisible());
}

void tst_Workflow::executionLightsItsPath_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("taken");
    QTest::addColumn<QString>("skipped");
    QTest::newRow("big") << QByteArray(R"({"value": 42})") << "Big"
                         << "Small";
    QTest::newRow("small") << QByteArray(R"({"value": 1})") << "Small"
                           << "Big";
}

void tst_Workflow::executionLightsItsPath()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, taken);
    QFETCH(QString, skipped);
    WorkflowPage *page = openMachine(addMachine(), kChoiceMachine);
    QVERIFY(page);
    WorkflowRunPanel *run = page->runPanel();
    run->inputEditor()->setText(QString::fromUtf8(input));
    QTest::mouseClick(run->findChild<QPushButton *>("startExecution"), Qt::LeftButton);
    QVERIFY2(mWindow->cloudPanel()->isRunning(), qPrintable(run->status()->text()));
    QTRY_COMPARE(page->graph()->run("Done"), StateRun::Succeeded);
    QCOMPARE(page->graph()->run("Prepare"), StateRun::Succeeded);
    QCOMPARE(page->graph()->run("Check"), StateRun::Succeeded);
    QCOMPARE(page->graph()->run(taken), StateRun::Succeeded);
    QCOMPARE(page->graph()->run(skipped), StateRun::None);
    QTRY_COMPARE(run->executionList()->topLevelItemCount(), 1);
    QTRY_COMPARE(run->executionList()->topLevelItem(0)->text(1), QString("SUCCEEDED"));
    // A click on a state shows what it got and gave.
    page->graph()->selectState(taken);
    const QString details = run->details()->toPlainText();
    QVERIFY2(details.contains("\"value\"") && details.contains(taken.toLower()), qPrintable(details));
    // Saved inputs come back by name.
    QVERIFY(run->saveInput("answer"));
    run->inputEditor()->setText("{}");
    auto *inputs = run->findChild<QComboBox *>("savedInputs");
    QVERIFY(inputs->findData("answer") > 0);
}

void tst_Workflow::advanceTimeEndsAWait()
{
    WorkflowPage *page = openMachine(addMachine(), kWaitMachine);
    QVERIFY(page);
    WorkflowRunPanel *run = page->runPanel();
    QVERIFY(run->startExecution());
    QTRY_COMPARE(page->graph()->run("Remind later"), StateRun::Entered);
    QVERIFY(run->findChild<QPushButton *>("stopExecution")->isEnabled());
    QTest::qWait(200);
    QCOMPARE(page->graph()->run("Remind"), StateRun::None);
    QTest::mouseClick(run->findChild<QPushButton *>("advanceTime"), Qt::LeftButton);
    QTRY_COMPARE(page->graph()->run("Remind"), StateRun::Succeeded);
    QCOMPARE(page->graph()->run("Remind later"), StateRun::Succeeded);
    QTRY_COMPARE(run->executionList()->topLevelItem(0)->text(1), QString("SUCCEEDED"));

    // Stop: a second execution waits, Stop aborts it and the waiting state shows failed.
    QVERIFY(run->startExecution());
    QTRY_COMPARE(page->graph()->run("Remind later"), StateRun::Entered);
    QTest::mouseClick(run->findChild<QPushButton *>("stopExecution"), Qt::LeftButton);
    QTRY_COMPARE(run->executionList()->topLevelItem(0)->text(1), QString("ABORTED"));
    QCOMPARE(run->executionList()->topLevelItemCount(), 2);
}

void tst_Workflow::taskInvokesANodeFunction()
{
    Project *project = mWindow->project();
    const NodeId twice = project->addNode("function", {300, 0}, "twice").valueOr(kInvalidNodeId);
    QVERIFY(project->setNodeProperty(twice, "runtime", "nodejs20.x"));
    const Result<Scaffold> scaffold = Scaffold::forFunction(*project, twice);
    QVERIFY(scaffold);
    QVERIFY(
        writeAll(scaffold->absolutePath, "export const handler = async (event) => ({ value: event.value * 2 });\n"));
    const NodeId machine = addMachine();
    QVERIFY(project->connectNodes(machine, twice, "invokes"));
    WorkflowPage *page = openMachine(machine, R"({"StartAt": "Double", "States": {
  "Double": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    "Parameters": {"FunctionName": "${twice}", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}})");
    QVERIFY(page);
    mWindow->saveTo(mDir->filePath("flows.nimbus"));
    page->runPanel()->inputEditor()->setText(R"({"value": 21})");
    QVERIFY(page->runPanel()->startExecution());
    QTRY_VERIFY_WITH_TIMEOUT(
        page->graph()->run("Double") == StateRun::Succeeded || page->graph()->run("Double") == StateRun::Failed, 30000);
    page->graph()->selectState("Double");
    QCOMPARE(page->graph()->run("Double"), StateRun::Succeeded);
    QVERIFY2(page->runPanel()->trace().value("Double").output.contains("42"),
             qPrintable(page->runPanel()->details()->toPlainText()));
}

void tst_Workflow::exampleWorkflowRunsFromTheStudio_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QStringList>("skipped");
    QTest::addColumn<QString>("status");
    // A big order: charged after the provider was busy twice (the Retry), reserved and
    // recorded, and after a day's wait (advanced at once) the team is reminded.
    QTest::newRow("big order") << QByteArray(R"({"orderId": "s-1", "email": "busy@shop.example", "total": 150,
                                               "items": [{"itemId": "42", "quantity": 2}]})")
                               << QStringList{"Validate",   "Charge", "Reserve and record", "Big order?",
                                              "Wait a day", "Remind", "Fulfilled"}
                               << QStringList{"Refund", "Payment failed"} << "SUCCEEDED";
    // A declined card ends in PaymentFailed, nothing reserved.
    QTest::newRow("declined") << QByteArray(R"({"orderId": "s-2", "email": "ana@shop.example", "total": 20.13,
                                              "items": [{"itemId": "42", "quantity": 1}]})")
                              << QStringList{"Validate", "Payment failed"}
                              << QStringList{"Reserve and record", "Refund", "Fulfilled"} << "FAILED";
}

// The bundled example's fulfilment workflow, as its README tells a user to run it: opened
// from the design, started with an order, its path lit on the graph state by state.
void tst_Workflow::exampleWorkflowRunsFromTheStudio()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, taken);
    QFETCH(QStringList, skipped);
    QFETCH(QString, status);
    QVERIFY(mWindow->openExample("shop"));
    const Node *machine = mWindow->project()->architecture().nodeByName("fulfilment");
    QVERIFY(machine);
    WorkflowPage *page = mWindow->editorArea()->openWorkflow(machine->id);
    QVERIFY(page);
    QTRY_VERIFY(!page->graph()->stateRect("Wait a day").isNull());
    WorkflowRunPanel *run = page->runPanel();
    run->inputEditor()->setText(QString::fromUtf8(input));
    QVERIFY(run->startExecution());
    if (status == QLatin1String("SUCCEEDED")) {
        QTRY_VERIFY_WITH_TIMEOUT(page->graph()->run("Wait a day") == StateRun::Entered, 60000);
        QVERIFY(run->advanceTime());
    }
    QTRY_COMPARE_WITH_TIMEOUT(run->executionList()->topLevelItem(0)->text(1), status, 60000);
    // The graph is repainted at most every 40 ms: the last states may light after the list.
    for (const QString &state : taken)
        QTRY_VERIFY2(page->graph()->run(state) != StateRun::None, qPrintable(state));
    for (const QString &state : skipped)
        QVERIFY2(page->graph()->run(state) == StateRun::None, qPrintable(state));
}

// The editor on a real machine, grabbed for the README (NIMBUS_SCREENSHOT_DIR names the
// folder; without it the picture goes to the temporary folder only).
void tst_Workflow::screenshot()
{
    Project *project = mWindow->project();
    // Each function hands its event on, so that an order runs down to the day's wait.
    for (const char *name : {"validate", "charge", "reserve", "receipt", "refund", "remind"}) {
        const NodeId function = project->addNode("function", {0, 0}, name).valueOr(kInvalidNodeId);
        QVERIFY(project->setNodeProperty(function, "runtime", "nodejs20.x"));
        const Result<Scaffold> scaffold = Scaffold::forFunction(*project, function);
        QVERIFY(scaffold);
        QVERIFY(writeAll(scaffold->absolutePath, "export const handler = async (event) => event;\n"));
    }
    const NodeId machine = addMachine("fulfil");
    WorkflowPage *page = openMachine(machine, readAll(QFINDTESTDATA("data/fulfil.asl.json")));
    QVERIFY(page);
    QVERIFY(mWindow->saveTo(mDir->filePath("flows.nimbus")));
    for (QDockWidget *dock : mWindow->findChildren<QDockWidget *>())
        dock->hide();
    page->runPanel()->inputEditor()->setText(R"({"order": {"id": "o-1", "total": 120}})");
    QVERIFY(page->runPanel()->startExecution());
    QTRY_VERIFY_WITH_TIMEOUT(page->graph()->run("Wait a day") == StateRun::Entered, 30000);
    page->graph()->selectState("Charge");
    page->view()->setFocus();
    page->view()->fit();
    QTest::qWait(100);
    const QString folder = qEnvironmentVariable("NIMBUS_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(mWindow->grab().save(QDir(folder).filePath("workflow-editor.png")));
    // The day passes at once.
    QVERIFY(page->runPanel()->advanceTime());
    QTRY_VERIFY_WITH_TIMEOUT(page->graph()->run("Done") == StateRun::Succeeded, 30000);
}

QTEST_MAIN(tst_Workflow)
#include "tst_workflow.moc"
