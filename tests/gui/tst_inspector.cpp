#include "canvas/canvasscene.h"
#include "inspectorwidget.h"
#include "mainwindow.h"

#include "testutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>

using namespace Nimbus;
using namespace NimbusTest;

// The inspector's form follows the selection and its edits reach the model as undoable commands.
class tst_Inspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void followsSelection();
    void spinBoxEditsAreUndoable();
    void outOfRangeIsMarkedNotClamped();
    void enumAndBoolean();
    void typingMergesIntoOneStep();
    void environmentTable();
    void nullableInteger();
    void renameFromInspector();

private:
    std::unique_ptr<MainWindow> mWindow;
    InspectorWidget *mInspector = nullptr;
    NodeId mFunction = kInvalidNodeId;
};

void tst_Inspector::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->show();
    mInspector = mWindow->inspector();
    mFunction = mWindow->project()->addNode("function", {0, 0}, "checkout").valueOr(kInvalidNodeId);
    mWindow->canvasScene()->selectNodes({mFunction});
    QCOMPARE(mInspector->node(), mFunction);
}

void tst_Inspector::cleanup()
{
    mWindow->project()->undoStack()->setClean();
    mWindow.reset();
}

void tst_Inspector::followsSelection()
{
    auto *memory = qobject_cast<QSpinBox *>(mInspector->editor("memory"));
    QVERIFY(memory);
    QCOMPARE(memory->value(), 128);
    QCOMPARE(memory->suffix(), QStringLiteral(" MB"));
    QVERIFY(qobject_cast<QComboBox *>(mInspector->editor("runtime")));
    QVERIFY(mInspector->editor("environment")->findChild<QTableWidget *>());
    const NodeId queue = mWindow->project()->addNode("queue", {300, 0}, "jobs").valueOr(kInvalidNodeId);
    mWindow->canvasScene()->selectNodes({queue});
    QCOMPARE(mInspector->node(), queue);
    QVERIFY(mInspector->editor("batchSize"));
    QVERIFY(!mInspector->editor("memory"));
    mWindow->canvasScene()->clearSelection();
    QCOMPARE(mInspector->node(), kInvalidNodeId);
}

void tst_Inspector::spinBoxEditsAreUndoable()
{
    auto *memory = qobject_cast<QSpinBox *>(mInspector->editor("memory"));
    memory->setValue(1024);
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("memory").toInt(), 1024);
    mWindow->project()->undoStack()->undo();
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("memory").toInt(), 128);
    QCOMPARE(memory->value(), 128);
    QVERIFY(!memory->property("invalid").toBool());
}

void tst_Inspector::outOfRangeIsMarkedNotClamped()
{
    auto *timeout = qobject_cast<QSpinBox *>(mInspector->editor("timeout"));
    timeout->setValue(1200);
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("timeout").toInt(), 1200);
    QCOMPARE(timeout->value(), 1200);
    QVERIFY(timeout->property("invalid").toBool());
    QVERIFY(timeout->toolTip().contains("outside 1 to 900 s"));
    timeout->setValue(60);
    QVERIFY(!timeout->property("invalid").toBool());
}

void tst_Inspector::enumAndBoolean()
{
    auto *runtime = qobject_cast<QComboBox *>(mInspector->editor("runtime"));
    runtime->setCurrentText("python3.12");
    emit runtime->activated(runtime->currentIndex());
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("runtime").toString(),
             QStringLiteral("python3.12"));
    const NodeId route = mWindow->project()->addNode("http-route", {0, 200}, "api").valueOr(kInvalidNodeId);
    mWindow->canvasScene()->selectNodes({route});
    auto *cors = qobject_cast<QCheckBox *>(mInspector->editor("cors"));
    QVERIFY(cors);
    cors->click();
    QCOMPARE(mWindow->project()->architecture().node(route)->properties.value("cors").toBool(), true);
}

void tst_Inspector::typingMergesIntoOneStep()
{
    auto *handler = qobject_cast<QLineEdit *>(mInspector->editor("handler"));
    const int steps = mWindow->project()->undoStack()->count();
    handler->selectAll();
    QTest::keyClicks(handler, "app.main");
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("handler").toString(),
             QStringLiteral("app.main"));
    QCOMPARE(mWindow->project()->undoStack()->count(), steps + 1);
    // Half-typed, the value is invalid and marked so.
    handler->selectAll();
    QTest::keyClicks(handler, "app");
    QVERIFY(handler->property("invalid").toBool());
}

void tst_Inspector::environmentTable()
{
    QWidget *host = mInspector->editor("environment");
    auto *table = host->findChild<QTableWidget *>();
    host->findChild<QPushButton *>("addVariable")->click();
    QCOMPARE(table->rowCount(), 1);
    table->item(0, 0)->setText("API_KEY");
    table->item(0, 1)->setText("s3cr3t");
    table->item(0, 2)->setCheckState(Qt::Checked);
    const QJsonArray vars =
        mWindow->project()->architecture().node(mFunction)->properties.value("environment").toArray();
    QCOMPARE(vars.size(), 1);
    QCOMPARE(vars.at(0)["name"].toString(), QStringLiteral("API_KEY"));
    QCOMPARE(vars.at(0)["value"].toString(), QStringLiteral("s3cr3t"));
    QCOMPARE(vars.at(0)["secret"].toBool(), true);
    // A reserved name is marked invalid.
    table->item(0, 0)->setText("AWS_REGION");
    QVERIFY(host->property("invalid").toBool());
    table->setCurrentCell(0, 0);
    host->findChild<QPushButton *>("removeVariable")->click();
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("environment").toArray().size(), 0);
}

void tst_Inspector::nullableInteger()
{
    auto *reserved = qobject_cast<QSpinBox *>(mInspector->editor("reservedConcurrency"));
    QCOMPARE(reserved->text(), QStringLiteral("not set"));
    reserved->setValue(10);
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("reservedConcurrency").toInt(), 10);
    reserved->setValue(reserved->minimum());
    QVERIFY(mWindow->project()->architecture().node(mFunction)->properties.value("reservedConcurrency").isNull());
}

void tst_Inspector::renameFromInspector()
{
    QLineEdit *name = mInspector->nameEditor();
    name->selectAll();
    QTest::keyClicks(name, "pay");
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->name, QStringLiteral("pay"));
    name = mInspector->nameEditor();
    name->selectAll();
    QTest::keyClicks(name, "no way");
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->name, QStringLiteral("pay"));
    QVERIFY(name->toolTip().contains("not a valid name"));
}

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
