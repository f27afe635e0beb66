// Secrets in the Inspector (issue 21 item 4): a secret's or parameter's value is typed in a
// masked field and kept in the SecretStore, never in the project or its undo stack; a
// function's secret-looking variable moves into a secret node in one undo step.

#include "canvas/canvasscene.h"
#include "cloud/secretstore.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "model/architecture.h"

#include "testutil.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

QList<NodeId> allNodes(const Architecture &architecture)
{
    QList<NodeId> ids;
    for (const auto &[id, node] : architecture.nodes())
        ids.append(id);
    return ids;
}

} // namespace

class tst_SecretInspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void valueIsMaskedAndKeptOutside();
    void moveIntoSecretIsOneUndoStep();

private:
    // Every text the undo stack's commands could hold, as the project's JSON would.
    bool undoStackMentions(const QString &text) const;

    std::unique_ptr<MainWindow> mWindow;
    InspectorWidget *mInspector = nullptr;
};

void tst_SecretInspector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIMBUS_SECRET_STORE", "file");
}

void tst_SecretInspector::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->show();
    mInspector = mWindow->inspector();
}

void tst_SecretInspector::cleanup()
{
    mWindow->project()->undoStack()->setClean();
    mWindow.reset();
}

bool tst_SecretInspector::undoStackMentions(const QString &text) const
{
    // Undo everything and redo it: the project's states on the way never hold the text.
    Project *project = mWindow->project();
    QUndoStack *stack = project->undoStack();
    const int index = stack->index();
    bool found = false;
    for (int i = index; i >= 0; --i) {
        stack->setIndex(i);
        found = found || project->copyNodes(allNodes(project->architecture())).contains(text.toUtf8());
    }
    stack->setIndex(index);
    return found;
}

void tst_SecretInspector::valueIsMaskedAndKeptOutside()
{
    const NodeId secret = mWindow->project()->addNode(u"secret"_s, {0, 0}, u"db"_s).valueOr(kInvalidNodeId);
    mWindow->canvasScene()->selectNodes({secret});
    QCOMPARE(mInspector->node(), secret);
    QLineEdit *value = mInspector->valueEditor();
    QVERIFY(value);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QTRY_COMPARE(mInspector->valueState()->text(), u"No value yet."_s);
    QVERIFY(!mInspector->setValueButton()->isEnabled());
    const int steps = mWindow->project()->undoStack()->count();

    QTest::keyClicks(value, u"typed-secret-93a1"_s);
    QVERIFY(mInspector->setValueButton()->isEnabled());
    QTest::mouseClick(mInspector->setValueButton(), Qt::LeftButton);
    QVERIFY(value->text().isEmpty());
    QTRY_VERIFY(mInspector->valueState()->text().startsWith(u"A value is set"_s));
    // No command was pushed; the project holds no value.
    QCOMPARE(mWindow->project()->undoStack()->count(), steps);
    QVERIFY(!undoStackMentions(u"typed-secret-93a1"_s));
    SecretStore store;
    const Result<QJsonObject> record = store.readNow(u"db"_s);
    QVERIFY(record);
    QCOMPARE(SecretRecord::currentValue(*record).value_or(QString()), u"typed-secret-93a1"_s);
    store.remove(u"db"_s);
}

void tst_SecretInspector::moveIntoSecretIsOneUndoStep()
{
    Project *project = mWindow->project();
    const NodeId function = project->addNode(u"function"_s, {0, 0}, u"checkout"_s).valueOr(kInvalidNodeId);
    QVERIFY(project->setNodeProperty(
        function, u"environment"_s,
        QJsonArray{
            QJsonObject{{u"name"_s, u"STAGE"_s}, {u"value"_s, u"prod"_s}, {u"secret"_s, false}},
            QJsonObject{{u"name"_s, u"DB_PASSWORD"_s}, {u"value"_s, u"moved-value-5e2b"_s}, {u"secret"_s, false}}}));
    mWindow->canvasScene()->selectNodes({function});
    QCOMPARE(mInspector->node(), function);
    QWidget *host = mInspector->editor(u"environment"_s);
    auto *table = host->findChild<QTableWidget *>();
    auto *move = host->findChild<QPushButton *>(u"moveIntoSecret"_s);
    QVERIFY(table && move);
    // Offered for a variable whose name looks secret only.
    table->setCurrentCell(0, 0);
    QVERIFY(!move->isEnabled());
    table->setCurrentCell(1, 0);
    QVERIFY(move->isEnabled());
    const int steps = project->undoStack()->count();
    QTest::mouseClick(move, Qt::LeftButton);

    QCOMPARE(project->undoStack()->count(), steps + 1);
    const Architecture &a = project->architecture();
    const Node *secret = a.nodeByName(u"dbPassword"_s);
    QVERIFY(secret);
    QCOMPARE(secret->kind, u"secret"_s);
    QCOMPARE(a.outgoingEdges(function).size(), 1);
    const Edge *edge = a.edge(a.outgoingEdges(function).first());
    QCOMPARE(edge->to, secret->id);
    QCOMPARE(edge->type, u"reads"_s);
    const QJsonArray vars = a.node(function)->properties.value("environment"_L1).toArray();
    QCOMPARE(vars.size(), 1);
    QCOMPARE(vars.at(0)["name"_L1].toString(), u"STAGE"_s);
    SecretStore store;
    QCOMPARE(SecretRecord::currentValue(*store.readNow(u"dbPassword"_s)).value_or(QString()), u"moved-value-5e2b"_s);
    QVERIFY(!project->copyNodes(allNodes(a)).contains("moved-value-5e2b"));

    // One undo brings the variable back and removes the node and its connection.
    project->undoStack()->undo();
    QVERIFY(!project->architecture().nodeByName(u"dbPassword"_s));
    QVERIFY(project->architecture().outgoingEdges(function).isEmpty());
    QCOMPARE(project->architecture().node(function)->properties.value("environment"_L1).toArray().size(), 2);
    project->undoStack()->redo();
    QVERIFY(project->architecture().nodeByName(u"dbPassword"_s));
    store.remove(u"dbPassword"_s);
}

QTEST_MAIN(tst_SecretInspector)
#include "tst_secretinspector.moc"
