// The Inspector shows and edits a selected connection's properties (a topic's
// subscription: filter policy, its scope, raw delivery) with the editors nodes get: an
// edit typed and finished is one undo step; a filter policy SNS would not take is
// explained at the field and not applied.

#include "canvas/canvasscene.h"
#include "canvas/edgeitem.h"
#include "inspectorwidget.h"
#include "mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;

class tst_ConnectionInspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void showsTheRuleProperties_data();
    void showsTheRuleProperties();
    void typedPolicyIsOneStep();
    void wrongPolicyExplainedNotApplied_data();
    void wrongPolicyExplainedNotApplied();
    void scopeAndRawDelivery();
    void undoShowsTheOldValue();
    void canvasLabelSaysFilteredAndRaw();

private:
    void select(EdgeId edge);
    QLineEdit *policyEditor() const { return qobject_cast<QLineEdit *>(mInspector->editor("filterPolicy")); }
    QJsonObject properties() const { return mWindow->project()->architecture().edge(mDelivers)->properties; }

    std::unique_ptr<MainWindow> mWindow;
    InspectorWidget *mInspector = nullptr;
    EdgeId mDelivers = kInvalidEdgeId;
    EdgeId mInvokes = kInvalidEdgeId;
};

void tst_ConnectionInspector::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mInspector = mWindow->inspector();
    Project *project = mWindow->project();
    const NodeId topic = project->addNode("topic", {0, 0}, "orders").valueOr(kInvalidNodeId);
    const NodeId queue = project->addNode("queue", {300, 0}, "billing").valueOr(kInvalidNodeId);
    const NodeId function = project->addNode("function", {300, 200}, "audit").valueOr(kInvalidNodeId);
    mDelivers = project->connectNodes(topic, queue, "delivers").valueOr(kInvalidEdgeId);
    mInvokes = project->connectNodes(topic, function, "invokes").valueOr(kInvalidEdgeId);
    QVERIFY(mDelivers != kInvalidEdgeId && mInvokes != kInvalidEdgeId);
    select(mDelivers);
}

void tst_ConnectionInspector::cleanup()
{
    mWindow->project()->undoStack()->setClean();
    mWindow.reset();
}

void tst_ConnectionInspector::select(EdgeId edge)
{
    // As a click does: the canvas selects the connection, the Inspector follows.
    mWindow->canvasScene()->clearSelection();
    mWindow->canvasScene()->edgeItem(edge)->setSelected(true);
    QCOMPARE(mInspector->edge(), edge);
}

void tst_ConnectionInspector::showsTheRuleProperties_data()
{
    QTest::addColumn<bool>("toQueue");
    QTest::addColumn<bool>("raw"); // whether raw delivery is offered
    QTest::newRow("topic delivers queue") << true << true;
    QTest::newRow("topic invokes function") << false << false;
}

void tst_ConnectionInspector::showsTheRuleProperties()
{
    QFETCH(bool, toQueue);
    QFETCH(bool, raw);
    select(toQueue ? mDelivers : mInvokes);
    QVERIFY(policyEditor());
    QCOMPARE(policyEditor()->text(), QString());
    auto *scope = qobject_cast<QComboBox *>(mInspector->editor("filterPolicyScope"));
    QVERIFY(scope);
    QCOMPARE(scope->currentText(), QStringLiteral("MessageAttributes"));
    QCOMPARE(bool(qobject_cast<QCheckBox *>(mInspector->editor("rawMessageDelivery"))), raw);
    QVERIFY(mInspector->edgeMeaning()->text().contains(toQueue ? "delivers" : "invokes"));
    // Between a topic and a queue no function's role is involved.
    QCOMPARE(mInspector->edgePermissions()->text().contains("resource policy"), toQueue);
    QVERIFY(mInspector->edgeProblem() && !mInspector->edgeProblem()->isVisible());
    // A connection without properties shows none.
    const NodeId other = mWindow->project()->addNode("queue", {0, 300}, "jobs").valueOr(kInvalidNodeId);
    const NodeId worker = mWindow->project()->addNode("function", {300, 300}, "worker").valueOr(kInvalidNodeId);
    select(mWindow->project()->connectNodes(other, worker, "invokes").valueOr(kInvalidEdgeId));
    QVERIFY(!mInspector->editor("filterPolicy"));
}

void tst_ConnectionInspector::typedPolicyIsOneStep()
{
    QUndoStack *undo = mWindow->project()->undoStack();
    const int steps = undo->count();
    QLineEdit *policy = policyEditor();
    policy->setFocus();
    QTest::keyClicks(policy, "{\"color\": [\"red\"]}");
    // Nothing applied while typing: half a policy is no policy.
    QVERIFY(properties().isEmpty());
    QTest::keyClick(policy, Qt::Key_Return);
    QCOMPARE(properties().value("filterPolicy").toString(), QStringLiteral("{\"color\": [\"red\"]}"));
    QCOMPARE(undo->count(), steps + 1);
    QVERIFY(!mInspector->edgeProblem()->isVisible());
    QVERIFY(!policyEditor()->property("invalid").toBool());
    undo->undo();
    QVERIFY(properties().isEmpty());
    QCOMPARE(policyEditor()->text(), QString());
    undo->redo();
    QCOMPARE(policyEditor()->text(), QStringLiteral("{\"color\": [\"red\"]}"));
}

void tst_ConnectionInspector::wrongPolicyExplainedNotApplied_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << "{\"color\": [\"red\"]"
                              << "failed to parse JSON";
    QTest::newRow("six attributes") << "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}"
                                    << "more than 5 keys";
    QTest::newRow("nested on attributes") << "{\"order\": {\"total\": [1]}}"
                                          << "must be an object or an array";
}

void tst_ConnectionInspector::wrongPolicyExplainedNotApplied()
{
    QFETCH(QString, typed);
    QFETCH(QString, reason);
    QUndoStack *undo = mWindow->project()->undoStack();
    const int steps = undo->count();
    QLineEdit *policy = policyEditor();
    policy->setFocus();
    QTest::keyClicks(policy, typed);
    QTest::keyClick(policy, Qt::Key_Return);
    QVERIFY(properties().isEmpty());
    QCOMPARE(undo->count(), steps);
    QLabel *problem = mInspector->edgeProblem();
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(reason), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains("Filter policy"), qPrintable(problem->text()));
    QVERIFY(policy->property("invalid").toBool());
    QVERIFY(policy->toolTip().contains(reason));
    // What was typed stays, to be fixed; fixed, it applies and the explanation goes.
    QCOMPARE(policy->text(), typed);
    policy->selectAll();
    QTest::keyClicks(policy, "{\"color\": [\"red\"]}");
    QTest::keyClick(policy, Qt::Key_Return);
    QCOMPARE(properties().value("filterPolicy").toString(), QStringLiteral("{\"color\": [\"red\"]}"));
    QCOMPARE(undo->count(), steps + 1);
    QVERIFY(!problem->isVisible());
    QVERIFY(!policy->property("invalid").toBool());
}

void tst_ConnectionInspector::scopeAndRawDelivery()
{
    QUndoStack *undo = mWindow->project()->undoStack();
    const int steps = undo->count();
    auto *raw = qobject_cast<QCheckBox *>(mInspector->editor("rawMessageDelivery"));
    raw->click();
    QCOMPARE(properties().value("rawMessageDelivery"), QJsonValue(true));
    // A policy nested as payload policies are: only with the body as its scope.
    auto *scope = qobject_cast<QComboBox *>(mInspector->editor("filterPolicyScope"));
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down); // activates MessageBody
    QCOMPARE(properties().value("filterPolicyScope").toString(), QStringLiteral("MessageBody"));
    policyEditor()->setFocus();
    QTest::keyClicks(policyEditor(), "{\"order\": {\"total\": [{\"numeric\": [\">\", 100]}]}}");
    QTest::keyClick(policyEditor(), Qt::Key_Return);
    QVERIFY(properties().contains("filterPolicy"));
    QCOMPARE(undo->count(), steps + 3);
    // Back to the attributes the policy would be wrong: refused, the combo shows the body again.
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Up);
    QCOMPARE(properties().value("filterPolicyScope").toString(), QStringLiteral("MessageBody"));
    QCOMPARE(scope->currentText(), QStringLiteral("MessageBody"));
    QVERIFY(mInspector->edgeProblem()->isVisible());
    QCOMPARE(undo->count(), steps + 3);
}

void tst_ConnectionInspector::undoShowsTheOldValue()
{
    QVERIFY(mWindow->project()->setEdgeProperty(mDelivers, "rawMessageDelivery", true));
    auto *raw = qobject_cast<QCheckBox *>(mInspector->editor("rawMessageDelivery"));
    QVERIFY(raw->isChecked());
    mWindow->project()->undoStack()->undo();
    QVERIFY(!raw->isChecked());
}

void tst_ConnectionInspector::canvasLabelSaysFilteredAndRaw()
{
    EdgeItem *item = mWindow->canvasScene()->edgeItem(mDelivers);
    QCOMPARE(item->label(), QStringLiteral("delivers"));
    QVERIFY(mWindow->project()->setEdgeProperty(mDelivers, "filterPolicy", "{\"color\": [\"red\"]}"));
    QCOMPARE(item->label(), QStringLiteral("delivers, filtered"));
    QVERIFY(item->toolTip().contains("{\"color\": [\"red\"]}"));
    QVERIFY(mWindow->project()->setEdgeProperty(mDelivers, "rawMessageDelivery", true));
    QCOMPARE(item->label(), QStringLiteral("delivers, filtered, raw"));
    mWindow->project()->undoStack()->undo();
    mWindow->project()->undoStack()->undo();
    QCOMPARE(item->label(), QStringLiteral("delivers"));
    QCOMPARE(mWindow->canvasScene()->edgeItem(mInvokes)->label(), QStringLiteral("invokes"));
}

QTEST_MAIN(tst_ConnectionInspector)
#include "tst_connectioninspector.moc"
