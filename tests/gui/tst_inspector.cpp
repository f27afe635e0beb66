#include "canvas/canvasscene.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "inspectorwidget.h"
#include "mainwindow.h"

#include "testutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleOptionGraphicsItem>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QUndoStack>

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
    void customRuntimeCodeOnlyForCustomRuntimes();
    void typingMergesIntoOneStep();
    void environmentTable();
    void nullableInteger();
    void renameFromInspector();
    void selectedEdgeShowsMeaningAndPermissions_data();
    void selectedEdgeShowsMeaningAndPermissions();
    void edgePermissionsAreTheSamExports();
    void deleteEdgeIsOneUndoStep();
    void selectionMovesBetweenEdgeAndNode();
    void cardFollowsInspectorEdits();
    void chaosSectionShowsTheFaultBadge_data();
    void chaosSectionShowsTheFaultBadge();

private:
    // Opens the example and selects its connection from -> to; its id.
    EdgeId selectEdge(const QString &from, const QString &to);
    // The permissions shown, as plain text.
    QString permissions() const;

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
    // Written as the card writes it, digits grouped in the locale's way.
    QCOMPARE(memory->text(), QLocale().toString(1024) + " MB");
    mWindow->project()->undoStack()->undo();
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("memory").toInt(), 128);
    QCOMPARE(memory->value(), 128);
    QVERIFY(!memory->property("invalid").toBool());
    // Typed without a separator, it is read all the same.
    memory->setFocus();
    memory->selectAll();
    QTest::keyClicks(memory, "2048");
    QTest::keyClick(memory, Qt::Key_Return);
    QCOMPARE(memory->value(), 2048);
    QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("memory").toInt(), 2048);
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

// "Custom runtime code" (Go or a shell bootstrap) means something for provided.* functions
// only: the Inspector shows it while the runtime is one of them.
void tst_Inspector::customRuntimeCodeOnlyForCustomRuntimes()
{
    QWidget *code = mInspector->editor("template");
    QVERIFY(code);
    QVERIFY(!code->isVisibleTo(mInspector));
    auto *runtime = qobject_cast<QComboBox *>(mInspector->editor("runtime"));
    for (const auto &[value, shown] : {std::pair{"provided.al2023", true}, std::pair{"java21", false},
                                       std::pair{"provided.al2", true}, std::pair{"nodejs22.x", false}}) {
        runtime = qobject_cast<QComboBox *>(mInspector->editor("runtime"));
        runtime->setCurrentText(QString::fromLatin1(value));
        emit runtime->activated(runtime->currentIndex());
        QCOMPARE(mWindow->project()->architecture().node(mFunction)->properties.value("runtime").toString(),
                 QString::fromLatin1(value));
        QCOMPARE(mInspector->editor("template")->isVisibleTo(mInspector), shown);
    }
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

EdgeId tst_Inspector::selectEdge(const QString &from, const QString &to)
{
    if (!mWindow->project()->architecture().nodeByName("orders-queue"))
        mWindow->openExample("shop");
    const Architecture &a = mWindow->project()->architecture();
    const Node *source = a.nodeByName(from);
    const Node *target = a.nodeByName(to);
    if (!source || !target)
        return kInvalidEdgeId;
    for (EdgeId id : a.outgoingEdges(source->id)) {
        if (a.edge(id)->to == target->id) {
            mWindow->canvasScene()->clearSelection();
            // As a click does: the canvas selects the connection, the Inspector follows.
            mWindow->canvasScene()->edgeItem(id)->setSelected(true);
            return id;
        }
    }
    return kInvalidEdgeId;
}

QString tst_Inspector::permissions() const
{
    return QTextDocumentFragment::fromHtml(mInspector->edgePermissions()->text()).toPlainText();
}

void tst_Inspector::selectedEdgeShowsMeaningAndPermissions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("meaning");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("writes a table") << "processOrder"
                                    << "orders"
                                    << "processOrder writes orders (Table): puts, updates and deletes items"
                                    << QStringList{
                                           "In processOrder's role",
                                           "Allow dynamodb:PutItem, dynamodb:UpdateItem, "
                                           "dynamodb:DeleteItem, dynamodb:BatchWriteItem\non !GetAtt Orders.Arn"};
    QTest::newRow("reads a bucket") << "describeImage"
                                    << "images"
                                    << "describeImage reads images (Bucket): gets and lists objects"
                                    << QStringList{"Allow s3:ListBucket\non !GetAtt Images.Arn",
                                                   "Allow s3:GetObject\non !Sub ${Images.Arn}/*"};
    QTest::newRow("publishes") << "processOrder"
                               << "order-events"
                               << "processOrder publishes order-events (Topic): publishes messages to every subscriber"
                               << QStringList{"Allow sns:Publish\non !Ref OrderEvents"};
    QTest::newRow("a queue invokes") << "orders-queue"
                                     << "processOrder"
                                     << "orders-queue invokes processOrder (Function): delivers messages in batches "
                                        "(SQS event)"
                                     << QStringList{"In processOrder's role",
                                                    "Allow sqs:ReceiveMessage, sqs:DeleteMessage, "
                                                    "sqs:GetQueueAttributes\non !GetAtt OrdersQueue.Arn"};
    QTest::newRow("a route invokes") << "createOrderRoute"
                                     << "createOrder"
                                     << "createOrderRoute invokes createOrder (Function): each matching request runs "
                                        "the function (API Gateway event)"
                                     << QStringList{"None in createOrder's role"};
}

void tst_Inspector::selectedEdgeShowsMeaningAndPermissions()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, meaning);
    QFETCH(QStringList, shown);
    const EdgeId edge = selectEdge(from, to);
    QVERIFY(edge != kInvalidEdgeId);
    QCOMPARE(mInspector->edge(), edge);
    QCOMPARE(mInspector->node(), kInvalidNodeId);
    QCoreApplication::processEvents(); // the form shows the rows it was given
    QVERIFY(mInspector->edgeMeaning()->isVisibleTo(mInspector));
    QCOMPARE(mInspector->edgeMeaning()->text(), meaning);
    const QString text = permissions();
    for (const QString &expected : shown)
        QVERIFY2(text.contains(expected), qPrintable(text));
}

// What the Inspector shows is what the SAM export writes: every statement shown for a
// connection of the example is in its function's policy in the export's golden template.
void tst_Inspector::edgePermissionsAreTheSamExports()
{
    QFile golden(NIMBUS_SOURCE_DIR "/tests/export/golden/shop/sam/template.yaml");
    QVERIFY(golden.open(QIODevice::ReadOnly));
    const QString yaml = QString::fromUtf8(golden.readAll());
    mWindow->openExample("shop");
    const Architecture &a = mWindow->project()->architecture();
    int statements = 0;
    for (const auto &[id, edge] : a.edges()) {
        // A state machine's grants are SAM policy templates, and a route starting it gets
        // the role SAM makes for its Api event (tst_workflowexport checks both).
        if (a.node(edge.from)->kind == QLatin1String("state-machine")
            || a.node(edge.to)->kind == QLatin1String("state-machine"))
            continue;
        selectEdge(a.node(edge.from)->name, a.node(edge.to)->name);
        QCOMPARE(mInspector->edge(), id);
        static const QRegularExpression statement(QStringLiteral("Allow ([^\n]+)\non ([^\n]+)"));
        for (const QRegularExpressionMatch &m : statement.globalMatch(permissions())) {
            const QStringList actions = m.captured(1).split(QStringLiteral(", "));
            const QString written = QStringLiteral("Action:\n                - %1\n              Resource: %2\n")
                                        .arg(actions.join(QStringLiteral("\n                - ")), m.captured(2));
            QVERIFY2(yaml.contains(written), qPrintable(written));
            ++statements;
        }
    }
    QVERIFY(statements >= 10);
}

void tst_Inspector::deleteEdgeIsOneUndoStep()
{
    const EdgeId edge = selectEdge("dailyReport", "orders");
    QVERIFY(edge != kInvalidEdgeId);
    QUndoStack *undo = mWindow->project()->undoStack();
    const int steps = undo->count();
    QCoreApplication::processEvents();
    QPushButton *button = mInspector->deleteEdgeButton();
    QVERIFY(button && button->isVisibleTo(mInspector));
    QTest::mouseClick(button, Qt::LeftButton);
    QCoreApplication::processEvents(); // the click's work is queued (it deletes the button)
    QVERIFY(!mWindow->project()->architecture().edge(edge));
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(mInspector->edge(), kInvalidEdgeId);
    QVERIFY(!mWindow->canvasScene()->edgeItem(edge));
    undo->undo();
    QVERIFY(mWindow->project()->architecture().edge(edge));
    QVERIFY(mWindow->canvasScene()->edgeItem(edge));
}

void tst_Inspector::selectionMovesBetweenEdgeAndNode()
{
    const EdgeId edge = selectEdge("getItem", "items");
    QCOMPARE(mInspector->edge(), edge);
    const NodeId items = mWindow->project()->architecture().nodeByName("items")->id;
    mWindow->canvasScene()->selectNodes({items});
    QCOMPARE(mInspector->node(), items);
    QCOMPARE(mInspector->edge(), kInvalidEdgeId);
    QVERIFY(mInspector->editor("partitionKey"));
    selectEdge("getItem", "items");
    QCOMPARE(mInspector->edge(), edge);
    QVERIFY(!mInspector->editor("partitionKey"));
    // A node and a connection together: neither alone, nothing shown.
    mWindow->canvasScene()->nodeItem(items)->setSelected(true);
    QCOMPARE(mInspector->edge(), kInvalidEdgeId);
    mWindow->canvasScene()->clearSelection();
    QCOMPARE(mInspector->edge(), kInvalidEdgeId);
    QCOMPARE(mInspector->node(), kInvalidNodeId);
    // A renamed end is named at once.
    selectEdge("getItem", "items");
    QVERIFY(mWindow->project()->renameNode(items, "catalogue"));
    QVERIFY(mInspector->edgeMeaning()->text().contains("catalogue"));
}

// The node's card says the memory and runtime set here, and what undo gives back.
void tst_Inspector::cardFollowsInspectorEdits()
{
    NodeItem *card = mWindow->canvasScene()->nodeItem(mFunction);
    QCOMPARE(card->detail(), QStringLiteral("Node.js 20 · 128 MB"));
    auto *memory = qobject_cast<QSpinBox *>(mInspector->editor("memory"));
    memory->setValue(512);
    QCOMPARE(card->detail(), QStringLiteral("Node.js 20 · 512 MB"));
    auto *runtime = qobject_cast<QComboBox *>(mInspector->editor("runtime"));
    runtime->setCurrentText("python3.12");
    emit runtime->activated(runtime->currentIndex());
    QCOMPARE(card->detail(), QStringLiteral("Python 3.12 · 512 MB"));
    mWindow->project()->undoStack()->undo();
    QCOMPARE(card->detail(), QStringLiteral("Node.js 20 · 512 MB"));
    mWindow->project()->undoStack()->undo();
    QCOMPARE(card->detail(), QStringLiteral("Node.js 20 · 128 MB"));
    QCOMPARE(memory->value(), 128);
}

void tst_Inspector::chaosSectionShowsTheFaultBadge_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("line");
    QTest::newRow("function fault rate") << "function"
                                         << "faultRate"
                                         << "fails 30 % of invocations (error)";
    QTest::newRow("table throttle rate") << "table"
                                         << "faultThrottleRate"
                                         << "throttles 30 % of calls";
}

void tst_Inspector::chaosSectionShowsTheFaultBadge()
{
    QFETCH(QString, kind);
    QFETCH(QString, property);
    QFETCH(QString, line);
    const NodeId node = kind == "function"
                            ? mFunction
                            : mWindow->project()->addNode(kind, {300, 0}, "orders").valueOr(kInvalidNodeId);
    mWindow->canvasScene()->selectNodes({node});
    NodeItem *card = mWindow->canvasScene()->nodeItem(node);
    QVERIFY(card->faults().isEmpty());
    // The Chaos properties are a section of their own, folded while nothing is set.
    auto *section = mInspector->findChild<QToolButton *>("section:Chaos");
    QVERIFY(section);
    auto *rate = qobject_cast<QSpinBox *>(mInspector->editor(property));
    QVERIFY(rate);
    QVERIFY(!rate->isVisible());
    QTest::mouseClick(section, Qt::LeftButton);
    QVERIFY(rate->isVisible());
    QCOMPARE(rate->suffix(), QStringLiteral(" %"));

    auto badgePixel = [card] {
        QImage image(int(NodeItem::kWidth), int(NodeItem::kHeight), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionGraphicsItem option;
        card->paint(&painter, &option, nullptr);
        painter.end();
        return image.pixelColor(NodeItem::faultBadgeRect().center().toPoint() + QPoint(-4, 4));
    };
    const QColor before = badgePixel();
    rate->setValue(30);
    QCOMPARE(mWindow->project()->architecture().node(node)->properties.value(property).toInt(), 30);
    QCOMPARE(card->faults(), QStringList{line});
    QVERIFY2(card->toolTip().contains(line), qPrintable(card->toolTip()));
    const QColor badge = badgePixel();
    QVERIFY2(badge != before, qPrintable(badge.name()));
    QCOMPARE(badge, QColor(0x6a, 0x1b, 0x9a));
    mWindow->project()->undoStack()->undo();
    QVERIFY(card->faults().isEmpty());
    QCOMPARE(badgePixel(), before);
}

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
