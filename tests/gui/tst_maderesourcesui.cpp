// Resources made by code on the canvas (issue 23 item 5, the undeclared part): a queue,
// table, bucket or topic that code made for the run is drawn dashed beside the design with
// the function (or "outside") that made it, is not a design's node (not selectable, not
// saved), goes when the cloud stops, and its "Add to design" button, clicked, makes a node
// of the design with its name and properties in one undo step, keeping what it holds.
// With NIMBUS_MADE_SHOT=<file.png>, drawnDashedBesideItsMaker saves the canvas for a person.

#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/diagramexport.h"
#include "canvas/nodeitem.h"
#include "canvas/trafficlayer.h"
#include "cloud/cloudpanel.h"
#include "document/project.h"
#include "mainwindow.h"
#include "model/kinds.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QImage>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;

namespace {
bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
} // namespace

class TestMadeResourcesUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void drawnDashedBesideItsMaker();
    void madeFromOutsideGoesUnderTheDesign();
    void notADesignNode();
    void addToDesignByClickIsOneUndoStep();
    void savingWritesNoMadeResource();
    void notInTheDiagramExport();
    void goneWhenTheCloudStops();

private:
    Project *project() const { return mPanel->project(); }
    LocalCloud *cloud() const { return mPanel->cloud(); }
    // Makes a resource as the services do for code; its node name.
    QString make(const QString &kind, const QString &awsName, const QJsonObject &properties = {}, qint64 cause = 0);
    // The items of made resources in the scene, whoever put them there.
    int madeItemsInScene() const;
    // Clicks the item's "Add to design" button with the mouse, through the view.
    void clickAddToDesign(MadeResourceItem *item);

    QTemporaryDir mDir;
    std::unique_ptr<MainWindow> mWindow;
    CloudPanel *mPanel = nullptr;
    TrafficLayer *mLayer = nullptr;
    CanvasScene *mScene = nullptr;
    CanvasView *mView = nullptr;
};

QString TestMadeResourcesUi::make(const QString &kind, const QString &awsName, const QJsonObject &properties,
                                  qint64 cause)
{
    const Result<QString> made = cloud()->makeResource(kind, awsName, properties, cause);
    if (!made)
        qWarning("not made: %s", qPrintable(made.errorMessage()));
    return made.valueOr(QString());
}

int TestMadeResourcesUi::madeItemsInScene() const
{
    const QList<QGraphicsItem *> items = mScene->items();
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](QGraphicsItem *i) { return i->type() == MadeResourceItem::Type; }));
}

void TestMadeResourcesUi::clickAddToDesign(MadeResourceItem *item)
{
    mView->setZoom(1.0);
    mView->centerOn(item);
    const QPoint at = mView->mapFromScene(item->mapToScene(item->addButtonRect().center()));
    QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, at);
}

void TestMadeResourcesUi::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    const QString file = mDir.filePath(QStringLiteral("made.json"));
    QVERIFY(write(mDir.filePath(QStringLiteral("functions/maker/index.js")),
                  "exports.handler = async () => ({ ok: true });\n"));
    QVERIFY(write(file, "{\"format\": \"nimbus-project\", \"version\": 1, \"nodes\": ["
                        "{\"name\": \"maker\", \"kind\": \"function\", \"properties\": {\"source\": "
                        "\"functions/maker\"}, \"position\": [0, 0]},"
                        "{\"name\": \"jobs\", \"kind\": \"queue\", \"position\": [0, 200]}], \"edges\": []}"));
    mWindow = std::make_unique<MainWindow>();
    QVERIFY(mWindow->openFile(file));
    mPanel = mWindow->cloudPanel();
    mLayer = mWindow->findChild<TrafficLayer *>();
    mScene = mWindow->findChild<CanvasScene *>();
    mView = mWindow->canvasView();
    QVERIFY(mLayer && mScene && mView);
    mWindow->resize(1300, 850);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
}

void TestMadeResourcesUi::init()
{
    // Each case on a cloud of its own: the last one's made resources went with it.
    mPanel->stop();
    QString error;
    QVERIFY2(mPanel->start(&error), qPrintable(error));
    QCOMPARE(mLayer->cloud(), cloud());
    QVERIFY(mLayer->madeResourceItems().isEmpty());
}

void TestMadeResourcesUi::cleanupTestCase()
{
    if (mWindow && mPanel) {
        mPanel->stop();
        mWindow->runner()->pool()->stopAll();
    }
    mWindow.reset();
}

void TestMadeResourcesUi::drawnDashedBesideItsMaker()
{
    const Result<qint64> invoked = cloud()->invoke(QStringLiteral("maker"), "{}", QStringLiteral("test"), 0, {});
    QVERIFY2(invoked, qPrintable(invoked.errorMessage()));
    const QString queue = make(Kinds::Queue, QStringLiteral("emails.fifo"), {}, *invoked);
    QCOMPARE(queue, QStringLiteral("emails"));
    MadeResourceItem *item = mLayer->madeResourceItem(queue);
    QVERIFY(item);
    QCOMPARE(item->scene(), mScene);
    QVERIFY(item->isVisible());
    QCOMPARE(madeItemsInScene(), 1);
    QCOMPARE(item->kindId(), QString(Kinds::Queue));
    QCOMPARE(item->madeBy(), QStringLiteral("maker"));
    QCOMPARE(item->caption(), QStringLiteral("made by maker"));
    QCOMPARE(item->outlineStyle(), Qt::DashLine);
    QVERIFY(item->toolTip().contains(QStringLiteral("emails.fifo")));
    // Beside its maker: to its right, clear of every node.
    const QRectF maker =
        mScene->nodeItem(project()->architecture().nodeByName(QStringLiteral("maker"))->id)->sceneBoundingRect();
    QVERIFY(item->sceneBoundingRect().left() > maker.right());
    QVERIFY(item->sceneBoundingRect().top() < maker.bottom() + MadeResourceItem::kHeight);
    QVERIFY(mScene->nodesIn(item->sceneBoundingRect()).isEmpty());
    // A second one from the same maker stands apart from the first.
    const QString second = make(Kinds::Table, QStringLiteral("results"), {}, *invoked);
    QVERIFY(!mLayer->madeResourceItem(second)->sceneBoundingRect().intersects(item->sceneBoundingRect()));
    QVERIFY(mLayer->madeResourceItem(second)->sceneBoundingRect().left() > maker.right());
    // For a person to look at: NIMBUS_MADE_SHOT=<file.png> saves the canvas here.
    if (const QString shot = qEnvironmentVariable("NIMBUS_MADE_SHOT"); !shot.isEmpty()) {
        mView->setZoom(1.0);
        mView->centerOn(item);
        QVERIFY(mView->grab().save(shot));
    }
    QVERIFY(QTest::qWaitFor([&] { return !cloud()->runningInvocationOf(QStringLiteral("maker")); }, 20000));
}

void TestMadeResourcesUi::madeFromOutsideGoesUnderTheDesign()
{
    const QString bucket = make(Kinds::Bucket, QStringLiteral("my.uploads"));
    MadeResourceItem *item = mLayer->madeResourceItem(bucket);
    QVERIFY(item);
    QCOMPARE(item->caption(), QStringLiteral("made by outside"));
    QRectF design;
    for (const auto &[id, node] : project()->architecture().nodes())
        design |= mScene->nodeItem(id)->sceneBoundingRect();
    QVERIFY(item->sceneBoundingRect().top() > design.bottom());
    // Two from outside do not overlap.
    MadeResourceItem *other = mLayer->madeResourceItem(make(Kinds::Topic, QStringLiteral("alerts")));
    QVERIFY(other);
    QVERIFY(!other->sceneBoundingRect().intersects(item->sceneBoundingRect()));
}

void TestMadeResourcesUi::notADesignNode()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("emails"));
    MadeResourceItem *item = mLayer->madeResourceItem(queue);
    QVERIFY(item);
    QVERIFY(!(item->flags() & QGraphicsItem::ItemIsSelectable));
    QVERIFY(!(item->flags() & QGraphicsItem::ItemIsMovable));
    // Selecting everything selects the design's nodes only.
    for (QGraphicsItem *each : mScene->items())
        each->setSelected(true);
    QCOMPARE(mScene->selectedNodes().size(), qsizetype(project()->architecture().nodes().size()));
    for (NodeId id : mScene->selectedNodes())
        QVERIFY(project()->architecture().node(id));
    QVERIFY(!item->isSelected());
    mScene->clearSelection();
    // A click on the card (not its button) adds nothing.
    const int steps = project()->undoStack()->count();
    mView->centerOn(item);
    QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, mView->mapFromScene(item->mapToScene(QPointF(30, 30))));
    QTest::qWait(50);
    QCOMPARE(project()->undoStack()->count(), steps);
    QVERIFY(!project()->architecture().nodeByName(queue));
    QVERIFY(cloud()->isMadeResource(queue));
}

void TestMadeResourcesUi::addToDesignByClickIsOneUndoStep()
{
    const QString table = make(Kinds::Table, QStringLiteral("Players"),
                               {{"partitionKey", "pk"}, {"sortKey", "rank"}, {"sortKeyType", "N"}});
    QVERIFY(cloud()->putItem(table, {{"pk", QJsonObject{{"S", "ann"}}}, {"rank", QJsonObject{{"N", "1"}}}}));
    MadeResourceItem *item = mLayer->madeResourceItem(table);
    QVERIFY(item);
    // It shows what it holds, as a design's table does.
    mLayer->refreshCounters();
    QVERIFY2(item->counter().contains(QStringLiteral("1 item")), qPrintable(item->counter()));
    const QPointF where = item->pos();
    const int steps = project()->undoStack()->count();
    const int nodes = int(project()->architecture().nodes().size());

    clickAddToDesign(item);
    QTRY_VERIFY(project()->architecture().nodeByName(table));
    // One step, named for what it did.
    QCOMPARE(project()->undoStack()->count(), steps + 1);
    QVERIFY(project()->undoStack()->text(steps).contains(table));
    const Node *node = project()->architecture().nodeByName(table);
    QCOMPARE(node->kind, QString(Kinds::Table));
    QCOMPARE(node->position, where);
    QCOMPARE(node->properties.value("partitionKey").toString(), QStringLiteral("pk"));
    QCOMPARE(node->properties.value("sortKey").toString(), QStringLiteral("rank"));
    QCOMPARE(node->properties.value("sortKeyType").toString(), QStringLiteral("N"));
    const NodeId id = node->id;
    QVERIFY(mScene->nodeItem(id));
    // The cloud forgot it, the canvas no longer draws it as made, and the design's node
    // serves what it held.
    QVERIFY(cloud()->madeResources().isEmpty());
    QTRY_VERIFY(!mLayer->madeResourceItem(table));
    QTRY_COMPARE(madeItemsInScene(), 0);
    QCOMPARE(cloud()->storedCount(table), 1);
    QCOMPARE(cloud()->resourceNode(table), node);

    // Undone, the node goes again, whole, and the table is code's again, with its item.
    project()->undoStack()->undo();
    QVERIFY(!project()->architecture().nodeByName(table));
    QCOMPARE(int(project()->architecture().nodes().size()), nodes);
    QCOMPARE(project()->undoStack()->index(), steps);
    QVERIFY(!mScene->nodeItem(id));
    QVERIFY(cloud()->isMadeResource(table));
    QCOMPARE(cloud()->madeResources().size(), 1);
    QCOMPARE(cloud()->madeResources().first().madeBy, QStringLiteral("outside"));
    QCOMPARE(cloud()->tableKeys(table).sortKey, QStringLiteral("rank"));
    QCOMPARE(cloud()->storedCount(table), 1);
    QVERIFY(mLayer->madeResourceItem(table));
    QCOMPARE(madeItemsInScene(), 1);
    // Redone, it is the design's again, with its properties.
    project()->undoStack()->redo();
    QVERIFY(project()->architecture().nodeByName(table));
    QCOMPARE(project()->architecture().nodeByName(table)->properties.value("partitionKey").toString(),
             QStringLiteral("pk"));
    QVERIFY(cloud()->madeResources().isEmpty());
    QTRY_COMPARE(madeItemsInScene(), 0);
    QCOMPARE(cloud()->storedCount(table), 1);
    project()->undoStack()->undo();
}

void TestMadeResourcesUi::savingWritesNoMadeResource()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("unsaved"));
    const QString bucket = make(Kinds::Bucket, QStringLiteral("unsaved.files"));
    QVERIFY(mLayer->madeResourceItem(queue) && mLayer->madeResourceItem(bucket));
    const QString path = mDir.filePath(QStringLiteral("saved.nimbus"));
    ProjectFile file;
    QVERIFY2(file.save(*project(), path), qPrintable(path));
    Project reopened(project()->catalog());
    QVERIFY(file.load(path, reopened));
    QCOMPARE(reopened.architecture().nodes().size(), project()->architecture().nodes().size());
    QVERIFY(!reopened.architecture().nodeByName(queue));
    QVERIFY(!reopened.architecture().nodeByName(bucket));
    QVERIFY(reopened.architecture().nodeByName(QStringLiteral("jobs")));
    // Nor does the file name them anywhere.
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY(!bytes.contains("unsaved"));
}

void TestMadeResourcesUi::notInTheDiagramExport()
{
    MadeResourceItem *item = mLayer->madeResourceItem(make(Kinds::Queue, QStringLiteral("pictured")));
    QVERIFY(item);
    // Between the design's nodes, where the picture of the design is taken.
    item->setPos(0, 80);
    DiagramExport exporter(mScene);
    const QString with = mDir.filePath(QStringLiteral("with.png"));
    const QString without = mDir.filePath(QStringLiteral("without.png"));
    QVERIFY(exporter.writePng(with, 1.0));
    item->hide();
    QVERIFY(exporter.writePng(without, 1.0));
    item->show();
    QCOMPARE(QImage(with), QImage(without));
    QVERIFY(item->isVisible());
}

void TestMadeResourcesUi::goneWhenTheCloudStops()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("temporary"));
    QVERIFY(mLayer->madeResourceItem(queue));
    mPanel->stop();
    QVERIFY(!mLayer->madeResourceItem(queue));
    QTRY_COMPARE(madeItemsInScene(), 0);
    QVERIFY(!project()->architecture().nodeByName(queue));
}

QTEST_MAIN(TestMadeResourcesUi)
#include "tst_maderesourcesui.moc"
