// Permissions enforced locally, explained and fixed in one click (issue 21, item 3): in
// the studio's Local Cloud dock, set to enforce, a function's call its connection does not
// grant is a failed row naming function, action and resource; on that row the dock offers
// "Add connection: writer writes orders", which adds the edge as one undo step, after which
// the same call succeeds. The Inspector shows a function's effective policy as JSON.

#include "actionmanager.h"
#include "cloud/cloudpanel.h"
#include "document/project.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "notificationbar.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"

#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Writes an order with the AWS SDK for JavaScript v3: the error's name when refused.
const QByteArray kWriter = R"(
const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});
exports.handler = async () => {
    try {
        await db.send(new PutItemCommand({ TableName: process.env.ORDERS_TABLE, Item: { id: { S: "1" } } }));
        return { ok: true };
    } catch (err) {
        return { error: err.name };
    }
};
)";
} // namespace

class TestPermissionFix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deniedCallIsFixedInOneClick();
    void inspectorShowsTheEffectivePolicy();
    void permissionsModeIsSavedWithTheProject();

private:
    QString run(CloudPanel *panel);

    QString mProject;
    QTemporaryDir mDir;
};

void TestPermissionFix::initTestCase()
{
    QCoreApplication::setOrganizationName(u"NimbusTest"_s);
    mProject = mDir.filePath(u"shop.json"_s);
    QVERIFY(write(mDir.filePath(u"functions/writer/index.js"_s), kWriter));
    QVERIFY(write(mProject, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "writer", "kind": "function", "properties": {"source": "functions/writer", "timeout": 30}},
                  {"name": "orders", "kind": "table"}],
        "edges": [{"from": "writer", "to": "orders", "type": "reads"}]})"));
}

QString TestPermissionFix::run(CloudPanel *panel)
{
    std::optional<InvocationResult> result;
    if (!panel->cloud()->invoke(u"writer"_s, "{}", u"test"_s, 0, [&](const InvocationResult &r) { result = r; }))
        return u"not started"_s;
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return u"no answer"_s;
    return QString::fromUtf8(result->resultJson);
}

void TestPermissionFix::deniedCallIsFixedInOneClick()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CloudPanel *panel = window.cloudPanel();
    auto *mode = panel->findChild<QComboBox *>(u"cloudIamMode"_s);
    QVERIFY(mode);
    QCOMPARE(mode->currentData().toString(), u"warn"_s); // the default
    mode->setCurrentIndex(mode->findData(u"enforce"_s));
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    QVERIFY(panel->isRunning());
    QCOMPARE(panel->cloud()->iamMode(), LocalCloud::IamMode::Enforce);

    QCOMPARE(run(panel), uR"({"error":"AccessDeniedException"})"_s);
    auto *log = panel->findChild<QTreeWidget *>(u"cloudLog"_s);
    QTreeWidgetItem *denial = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
        for (QTreeWidgetItemIterator it(log); *it; ++it)
            if ((*it)->text(5).startsWith("dynamodb:PutItem denied"_L1))
                denial = *it;
        return denial != nullptr;
        },
        10000));
    QCOMPARE(denial->text(1), u"writer"_s);
    // The notification band says it too, and where the fix is.
    auto *band = window.findChild<NotificationBar *>();
    QVERIFY(band);
    QVERIFY2(band->text().contains("dynamodb:PutItem denied: writer has no connection allowing it on orders"_L1),
             qPrintable(band->text()));
    QVERIFY2(band->text().contains("writer writes orders"_L1), qPrintable(band->text()));
    QCOMPARE(denial->text(2), u"orders"_s);
    auto *fix = panel->findChild<QPushButton *>(u"cloudFixPermission"_s);
    QVERIFY(fix);
    QVERIFY(fix->isHidden());
    log->setCurrentItem(denial);
    QVERIFY(!fix->isHidden());
    QCOMPARE(fix->text(), u"Add connection: writer writes orders"_s);

    Project *project = window.project();
    const int steps = project->undoStack()->count();
    QTest::mouseClick(fix, Qt::LeftButton);
    const Architecture &design = project->architecture();
    const NodeId writer = design.nodeByName(u"writer"_s)->id, orders = design.nodeByName(u"orders"_s)->id;
    QVERIFY(design.findEdge(writer, orders, u"writes"_s));
    QCOMPARE(project->undoStack()->count(), steps + 1);
    QVERIFY(fix->isHidden());
    // The same call now goes through.
    QCOMPARE(run(panel), uR"({"ok":true})"_s);
    QCOMPARE(panel->cloud()->storedCount(u"orders"_s), 1);
    // One undo takes the connection away again.
    project->undoStack()->undo();
    QVERIFY(!design.findEdge(writer, orders, u"writes"_s));

    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    window.runner()->pool()->stopAll();
}

void TestPermissionFix::inspectorShowsTheEffectivePolicy()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    Project *project = window.project();
    const Architecture &design = project->architecture();
    const NodeId writer = design.nodeByName(u"writer"_s)->id, orders = design.nodeByName(u"orders"_s)->id;
    InspectorWidget *inspector = window.inspector();
    inspector->setNode(writer);
    QVERIFY(inspector->effectivePolicy());
    auto statements = [&] {
        return QJsonDocument::fromJson(inspector->effectivePolicy()->toPlainText().toUtf8())
            .object()
            .value("Statement"_L1)
            .toArray();
    };
    // The read connection's grant, on the table's ARN, as the export writes it.
    QCOMPARE(statements().size(), 1);
    QCOMPARE(statements().first()["Resource"].toString().section(':'_L1, 5),
             u"table/orders"_s); // arn:aws:dynamodb:REGION:000000000000:table/orders
    QVERIFY(statements().first()["Action"].toArray().contains(u"dynamodb:GetItem"_s));
    QVERIFY(!statements().first()["Action"].toArray().contains(u"dynamodb:PutItem"_s));
    // It follows the connections.
    QVERIFY(project->connectNodes(writer, orders, u"writes"_s));
    QCOMPARE(statements().size(), 2);
    QVERIFY(statements().last()["Action"].toArray().contains(u"dynamodb:PutItem"_s));
    // Another node has none.
    inspector->setNode(orders);
    QVERIFY(!inspector->effectivePolicy());
}

void TestPermissionFix::permissionsModeIsSavedWithTheProject()
{
    // Issue 21 item 2: the dock's mode is the project's, one undo step, saved with it.
    const QString path = mDir.filePath(u"modes.nimbus"_s);
    {
        MainWindow window;
        QVERIFY(window.openFile(mProject));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Project *project = window.project();
        auto *mode = window.cloudPanel()->findChild<QComboBox *>(u"cloudIamMode"_s);
        QVERIFY(mode);
        QCOMPARE(mode->currentData().toString(), u"warn"_s);
        const int steps = project->undoStack()->count();
        // Chosen with the keyboard as a user does: the combo has focus, End picks the last (enforce).
        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_End);
        QCOMPARE(mode->currentData().toString(), u"enforce"_s);
        QCOMPARE(project->iamMode(), u"enforce"_s);
        QCOMPARE(project->undoStack()->count(), steps + 1);
        QVERIFY(project->isModified());
        // Undo puts the combo back.
        project->undoStack()->undo();
        QCOMPARE(mode->currentData().toString(), u"warn"_s);
        project->undoStack()->redo();
        QCOMPARE(mode->currentData().toString(), u"enforce"_s);
        QVERIFY(window.saveTo(path));
    }
    MainWindow window;
    QVERIFY(window.openFile(path));
    CloudPanel *panel = window.cloudPanel();
    QCOMPARE(panel->findChild<QComboBox *>(u"cloudIamMode"_s)->currentData().toString(), u"enforce"_s);
    QCOMPARE(panel->iamMode(), LocalCloud::IamMode::Enforce);
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    QVERIFY(panel->isRunning());
    QCOMPARE(panel->cloud()->iamMode(), LocalCloud::IamMode::Enforce);
    // A change while it runs reaches the running cloud at once.
    window.project()->setIamMode(u"off"_s);
    QCOMPARE(panel->cloud()->iamMode(), LocalCloud::IamMode::Off);
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    window.runner()->pool()->stopAll();
}

QTEST_MAIN(TestPermissionFix)
#include "tst_permissionfix.moc"
