// State machines in the studio's cost view and command palette (issue 19 item 7), on the
// offscreen platform with a small project of its own: each machine's row says whether its
// transitions per execution are measured over the local cloud's executions or estimated
// from the definition, a value typed there overrides both and an empty one goes back; the
// command palette's "Open Workflow" entry for a machine opens its workflow editor.

#include "cloud/cloudclock.h"
#include "cloud/cloudstate.h"
#include "commandpalette.h"
#include "cost/costview.h"
#include "document/commands.h"
#include "document/project.h"
#include "editor/editorarea.h"
#include "mainwindow.h"
#include "testutil.h"
#include "workflow/workflowpage.h"

#include <QLineEdit>
#include <QPointer>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

class tst_WorkflowCost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void costViewRows_data();
    void costViewRows();
    void typedValueOverridesAndClears();
    void paletteOpensTheWorkflow_data();
    void paletteOpensTheWorkflow();

private:
    // A route starting flow (Standard, four states) and quick (Express), each invoking work;
    // flow's executions, when given, kept in the project's local cloud state.
    QString writeProject(const QList<int> &executions);
    // The window on that project, shown, the cost view in front.
    void open(const QString &project);
    // The value typed into a cell of the workflow table, as a user does: F2, the text, Enter.
    void typeInto(QTableWidget *table, int row, const QString &text);
    QTableWidget *workflowTable() const;
    static int rowOf(const QTableWidget *table, const QString &machine, const QString &inputStart);
    QString billNotes() const;

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<MainWindow> mWindow;
};

void tst_WorkflowCost::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_WorkflowCost::cleanup()
{
    mWindow.reset();
    mDir.reset();
}

QString tst_WorkflowCost::writeProject(const QList<int> &executions)
{
    mDir = std::make_unique<QTemporaryDir>();
    const QString project = mDir->filePath(u"flows.json"_s);
    const bool written =
        NimbusTest::writeAll(project, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "start", "kind": "http-route", "properties": {"method": "POST", "path": "/start"}},
                  {"name": "flow", "kind": "state-machine",
                   "properties": {"type": "STANDARD", "definition": "workflows/flow.asl.json"}},
                  {"name": "quick", "kind": "state-machine",
                   "properties": {"type": "EXPRESS", "definition": "workflows/quick.asl.json"}},
                  {"name": "work", "kind": "function"}],
        "edges": [{"from": "start", "to": "flow", "type": "starts"},
                  {"from": "start", "to": "quick", "type": "starts"},
                  {"from": "flow", "to": "work", "type": "invokes"},
                  {"from": "quick", "to": "work", "type": "invokes"}]})")
        && QDir().mkpath(mDir->filePath(u"workflows"_s))
        && NimbusTest::writeAll(mDir->filePath(u"workflows/flow.asl.json"_s),
                                R"({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${work}",
            "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "Next": "D"},
            "D": {"Type": "Succeed"}}})")
        && NimbusTest::writeAll(mDir->filePath(u"workflows/quick.asl.json"_s),
                                R"({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${work}",
            "End": true}}})");
    if (!written)
        return {};
    if (executions.isEmpty())
        return project;
    ManualClock clock;
    CloudState state(clock);
    if (!state.open(mDir->filePath(u".nimbus-cloud"_s)))
        return {};
    for (int i = 0; i < executions.size(); ++i) {
        ExecutionRecord e;
        e.arn = u"arn:aws:states:us-east-1:123456789012:execution:flow:e%1"_s.arg(i);
        e.name = u"e%1"_s.arg(i);
        e.machine = u"flow"_s;
        e.machineArn = u"arn:aws:states:us-east-1:123456789012:stateMachine:flow"_s;
        e.type = u"STANDARD"_s;
        e.status = i == 0 ? u"FAILED"_s : u"SUCCEEDED"_s; // a failed execution's transitions are billed too
        e.input = QJsonObject();
        e.started = clock.now().addSecs(i);
        e.stopped = e.started.addMSecs(300);
        e.transitions = executions.at(i);
        if (!state.saveExecution(e))
            return {};
    }
    return project;
}

void tst_WorkflowCost::open(const QString &project)
{
    QVERIFY(!project.isEmpty());
    mWindow = std::make_unique<MainWindow>();
    mWindow->costView()->setPricingDirectory(mDir->filePath(u"pricing"_s)); // shipped prices only
    QVERIFY(mWindow->openFile(project));
    mWindow->resize(1400, 900);
    mWindow->show();
    mWindow->showCost();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mWindow->costView()->setVolume(1e5);
}

QTableWidget *tst_WorkflowCost::workflowTable() const
{
    return mWindow->costView()->findChild<QTableWidget *>(u"workflowInputs"_s);
}

int tst_WorkflowCost::rowOf(const QTableWidget *table, const QString &machine, const QString &inputStart)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == machine && table->item(r, 1)->text().startsWith(inputStart))
            return r;
    return -1;
}

QString tst_WorkflowCost::billNotes() const
{
    const auto *bill = mWindow->costView()->findChild<QTreeWidget *>(u"bill"_s);
    QStringList notes;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(bill)); *it; ++it)
        if ((*it)->text(0).startsWith(u"Note: State machine"_s))
            notes << (*it)->text(0);
    return notes.join(u'\n');
}

void tst_WorkflowCost::typeInto(QTableWidget *table, int row, const QString &text)
{
    table->setFocus();
    table->setCurrentCell(row, 2);
    QTest::keyClick(table, Qt::Key_F2);
    QPointer<QLineEdit> editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    if (text.isEmpty())
        QTest::keyClick(editor, Qt::Key_Backspace);
    else
        QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits once the event loop comes back.
    QTRY_VERIFY(!editor);
}

void tst_WorkflowCost::costViewRows_data()
{
    QTest::addColumn<QList<int>>("executions"); // flow's, kept in the local state
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("origin");

    QTest::newRow("estimated from the definition") << QList<int>() << u"4"_s << u"estimated from the definition"_s;
    // (5 + 6 + 10) / 3 = 7.
    QTest::newRow("measured over the local executions")
        << QList<int>{5, 6, 10} << u"7"_s << u"measured over 3 local execution(s)"_s;
}

void tst_WorkflowCost::costViewRows()
{
    QFETCH(QList<int>, executions);
    QFETCH(QString, value);
    QFETCH(QString, origin);
    open(writeProject(executions));
    QTableWidget *table = workflowTable();
    QVERIFY(table && table->isVisible());
    const int flow = rowOf(table, u"flow"_s, u"Transitions per execution"_s);
    QVERIFY(flow >= 0);
    QCOMPARE(table->item(flow, 1)->text(), u"Transitions per execution, "_s + origin);
    QCOMPARE(table->item(flow, 2)->text(), value);
    const QString notes = billNotes();
    QVERIFY2(notes.contains(u"State machine flow (Standard): 100,000 executions a month, %1 transitions per "
                            "execution, %2"_s.arg(value, origin)),
             qPrintable(notes));
    // The Express machine: its transitions and its duration, neither measured (the state keeps none of it).
    QVERIFY(rowOf(table, u"quick"_s, u"Transitions per execution, estimated from the definition"_s) >= 0);
    QVERIFY(rowOf(table, u"quick"_s, u"Duration of one execution (ms), assumed"_s) >= 0);
    // The report says the same.
    const QStringList assumptions = mWindow->costView()->report().assumptions();
    QVERIFY2(assumptions.join(u'\n').contains(u"transitions per execution (%1)"_s.arg(origin)),
             qPrintable(assumptions.join(u'\n')));
}

void tst_WorkflowCost::typedValueOverridesAndClears()
{
    open(writeProject({5, 6, 10}));
    QTableWidget *table = workflowTable();
    const int flow = rowOf(table, u"flow"_s, u"Transitions per execution"_s);
    QVERIFY(flow >= 0);
    typeInto(table, flow, u"12"_s);
    QCOMPARE(mWindow->costView()->workload().workflow(u"flow"_s)->transitionsPerExecution(), 12.0);
    QCOMPARE(table->item(flow, 1)->text(), u"Transitions per execution, typed in"_s);
    QVERIFY2(billNotes().contains(u"12 transitions per execution, typed in"_s), qPrintable(billNotes()));
    // A change to the design (work's memory) keeps what was typed.
    Project *project = mWindow->project();
    const Node *work = project->architecture().nodeByName(u"work"_s);
    project->undoStack()->push(new SetPropertyCommand(&project->architecture(), work->id, u"memory"_s, 512));
    QTRY_COMPARE(mWindow->costView()->workload().function(u"work"_s)->memoryMb, 512);
    QCOMPARE(mWindow->costView()->workload().workflow(u"flow"_s)->typedTransitions, 12.0);
    QCOMPARE(table->item(flow, 1)->text(), u"Transitions per execution, typed in"_s);

    // Not a number: the value in use comes back.
    typeInto(table, flow, u"many"_s);
    QCOMPARE(table->item(flow, 2)->text(), u"12"_s);

    // Empty: measured again.
    typeInto(table, flow, QString());
    QCOMPARE(table->item(flow, 1)->text(), u"Transitions per execution, measured over 3 local execution(s)"_s);
    QCOMPARE(table->item(flow, 2)->text(), u"7"_s);
    QVERIFY2(billNotes().contains(u"7 transitions per execution, measured over 3 local execution(s)"_s),
             qPrintable(billNotes()));

    // The Express machine's duration, typed.
    const int quick = rowOf(table, u"quick"_s, u"Duration of one execution"_s);
    QVERIFY(quick >= 0);
    typeInto(table, quick, u"2450"_s);
    QCOMPARE(table->item(quick, 1)->text(), u"Duration of one execution (ms), typed in"_s);
    QVERIFY2(billNotes().contains(u"of 2,450 ms (typed in)"_s), qPrintable(billNotes()));
}

void tst_WorkflowCost::paletteOpensTheWorkflow_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("machine");

    QTest::newRow("flow") << u"open workflow flow"_s << u"flow"_s;
    QTest::newRow("quick") << u"workflow quick"_s << u"quick"_s;
}

void tst_WorkflowCost::paletteOpensTheWorkflow()
{
    QFETCH(QString, typed);
    QFETCH(QString, machine);
    open(writeProject({}));
    const Node *node = mWindow->project()->architecture().nodeByName(machine);
    QVERIFY(node);
    CommandPalette *palette = mWindow->showCommandPalette();
    QVERIFY(QTest::qWaitForWindowExposed(palette));
    auto *search = palette->findChild<QLineEdit *>(u"commandSearch"_s);
    QTest::keyClicks(search, typed);
    QVERIFY(!palette->shownActions().isEmpty());
    QCOMPARE(palette->shownActions().first()->text(), machine);
    QTest::keyClick(search, Qt::Key_Return);
    // The action runs once the palette is gone (queued).
    QTRY_VERIFY(qobject_cast<WorkflowPage *>(mWindow->editorArea()->currentPage()));
    QCOMPARE(qobject_cast<WorkflowPage *>(mWindow->editorArea()->currentPage())->machine(), node->id);
}

QTEST_MAIN(tst_WorkflowCost)
#include "tst_workflowcost.moc"
