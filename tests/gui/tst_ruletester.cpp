// The rule's "Test pattern" box in the Inspector: an example or a pasted event tried
// against the rule's pattern as the user edits it, with EventBridge's words for a
// pattern that is wrong.

#include "canvas/canvasscene.h"
#include "canvas/ruletester.h"
#include "inspectorwidget.h"
#include "mainwindow.h"

#include "testutil.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;

class tst_RuleTester : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void onlyRulesHaveIt();
    void examplesMatchOrNot();
    void editingThePatternTriesAgain();
    void pastedEventIsTried();

private:
    // Types text into the rule's pattern field, as a user would.
    void typePattern(const QString &text);

    std::unique_ptr<MainWindow> mWindow;
    InspectorWidget *mInspector = nullptr;
    NodeId mRule = kInvalidNodeId;
};

void tst_RuleTester::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->show();
    mInspector = mWindow->inspector();
    mRule = mWindow->project()->addNode("rule", {0, 0}, "big").valueOr(kInvalidNodeId);
    QVERIFY(
        mWindow->project()->setNodeProperty(mRule, "pattern", R"({"detail": {"total": [{"numeric": [">", 100]}]}})"));
    mWindow->canvasScene()->selectNodes({mRule});
    QCOMPARE(mInspector->node(), mRule);
    QVERIFY(mInspector->ruleTester());
}

void tst_RuleTester::cleanup()
{
    mWindow->project()->undoStack()->setClean();
    mWindow.reset();
}

void tst_RuleTester::typePattern(const QString &text)
{
    auto *pattern = qobject_cast<QLineEdit *>(mInspector->editor("pattern"));
    QVERIFY(pattern);
    pattern->selectAll();
    QTest::keyClicks(pattern, text);
}

void tst_RuleTester::onlyRulesHaveIt()
{
    const NodeId queue = mWindow->project()->addNode("queue", {300, 0}, "review").valueOr(kInvalidNodeId);
    mWindow->canvasScene()->selectNodes({queue});
    QCOMPARE(mInspector->node(), queue);
    QVERIFY(!mInspector->ruleTester());
}

void tst_RuleTester::examplesMatchOrNot()
{
    RuleTester *tester = mInspector->ruleTester();
    tester->examples()->setCurrentIndex(0); // total 150
    QVERIFY(tester->matched());
    QVERIFY2(tester->result()->text().startsWith("Matches"), qPrintable(tester->result()->text()));
    tester->examples()->setCurrentIndex(1); // total 50
    QVERIFY(!tester->matched());
    QVERIFY2(tester->result()->text().startsWith("No match"), qPrintable(tester->result()->text()));
}

void tst_RuleTester::editingThePatternTriesAgain()
{
    RuleTester *tester = mInspector->ruleTester();
    tester->examples()->setCurrentIndex(1); // total 50
    QVERIFY(!tester->matched());
    typePattern(R"({"detail": {"total": [{"numeric": ["<", 100]}]}})");
    QVERIFY(tester->matched());
    // A pattern EventBridge refuses says why, in its words.
    typePattern(R"({"detail": {"total": [{"numeric": ["~", 100]}]}})");
    QVERIFY(!tester->matched());
    QVERIFY2(tester->result()->text().startsWith("Event pattern is not valid"), qPrintable(tester->result()->text()));
}

void tst_RuleTester::pastedEventIsTried()
{
    RuleTester *tester = mInspector->ruleTester();
    tester->eventEditor()->setPlainText(R"({"id": "1", "account": "000000000000", "source": "shop",
        "time": "2027-01-01T00:00:00Z", "region": "us-east-1", "resources": [], "detail-type": "x",
        "detail": {"total": 101}})");
    QVERIFY(tester->matched());
    tester->eventEditor()->setPlainText("not an event");
    QVERIFY(!tester->matched());
    QVERIFY(!tester->result()->text().isEmpty());
}

QTEST_MAIN(tst_RuleTester)
#include "tst_ruletester.moc"
