// The archive of an event bus in the studio: opened from the bus's context menu on the
// canvas and from the Local Cloud dock, it lists the events the bus archived, shows one's
// JSON, and replays the range the selected events cover onto the bus, whose rule invokes
// its function again, with the progress and the counts shown.

#include "actionmanager.h"
#include "canvas/canvasview.h"
#include "cloud/archiveview.h"
#include "cloud/cloudpanel.h"
#include "cloud/eventarchive.h"
#include "cloud/localcloud.h"
#include "cloud/virtualclock.h"
#include "document/project.h"
#include "mainwindow.h"

#include <QAction>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Nimbus;

namespace {

const QDateTime kMorning = QDateTime(QDate(2027, 3, 1), QTime(8, 0), Qt::UTC);

// A bus that archives for 30 days; its rule sends the orders placed to fulfil.
QByteArray project()
{
    auto node = [](const char *name, const char *kind, const QJsonObject &properties) {
        return QJsonObject{{"name", name}, {"kind", kind}, {"properties", properties}};
    };
    auto edge = [](const char *from, const char *to, const char *type) {
        return QJsonObject{{"from", from}, {"to", to}, {"type", type}};
    };
    const QJsonObject design{
        {"format", "nimbus-project"},
        {"version", 1},
        {"nodes", QJsonArray{node("orders", "event-bus", {{"archive", true}, {"archiveRetention", 30}}),
                             node("placed", "rule", {{"pattern", "{\"detail-type\": [\"order placed\"]}"}}),
                             node("fulfil", "function", {{"source", "functions/fulfil"}})}},
        {"edges", QJsonArray{edge("orders", "placed", "routes"), edge("placed", "fulfil", "targets")}}};
    return QJsonDocument(design).toJson();
}

bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QJsonObject order(int id)
{
    return {{"Source", "shop.orders"},
            {"DetailType", "order placed"},
            {"Detail", QString::fromUtf8(
                           QJsonDocument(QJsonObject{{"id", id}, {"total", 20 * id}}).toJson(QJsonDocument::Compact))}};
}

// The finished invocations of a function in the cloud's log.
int invocations(const LocalCloud &cloud, const QString &function)
{
    int count = 0;
    for (const CloudLogEntry &entry : cloud.log())
        count += entry.kind == CloudLogEntry::Kind::Invocation && entry.target == function && entry.finished;
    return count;
}

} // namespace

class TestArchiveView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replaysTheSelectedRange();

private:
    QString mProject;
    QTemporaryDir mDir;
};

void TestArchiveView::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    mProject = mDir.filePath(QStringLiteral("shop.json"));
    QVERIFY(write(mDir.filePath(QStringLiteral("functions/fulfil/index.js")),
                  "exports.handler = async (e) => ({ id: e.detail.id });\n"));
    QVERIFY(write(mProject, project()));
}

void TestArchiveView::replaysTheSelectedRange()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    CloudPanel *panel = window.cloudPanel();
    QVERIFY(panel->isRunning());
    LocalCloud *cloud = panel->cloud();
    cloud->virtualClock().pause();
    cloud->virtualClock().set(kMorning);
    // A morning's traffic: an order each hour from 08:00 to 11:00.
    for (int hour = 0; hour < 4; ++hour) {
        QVERIFY(cloud->putEvents("orders", {order(hour + 1)}).at(0).toObject().contains("EventId"));
        QVERIFY(cloud->advance(3600 * 1000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(invocations(*cloud, "fulfil"), 4, 60000);

    // The bus's context menu on the canvas offers its archive.
    const NodeId bus = window.project()->architecture().nodeByName("orders")->id;
    QMenu menu;
    emit window.canvasView()->nodeContextMenuRequested(bus, &menu);
    QAction *open = menu.findChild<QAction *>("busArchiveAction");
    QVERIFY(open);
    open->trigger();
    auto *view = window.findChild<ArchiveView *>();
    QVERIFY(view);
    QVERIFY(view->isVisible());
    QVERIFY(!view->isModal());
    QCOMPARE(view->archiveName(), "orders-archive");
    auto *events = view->findChild<QTreeWidget *>("archiveEvents");
    QCOMPARE(events->topLevelItemCount(), 4);
    QCOMPARE(events->topLevelItem(1)->text(0), "2027-03-01 09:00:00.000");
    QCOMPARE(events->topLevelItem(1)->text(1), "shop.orders");
    QCOMPARE(events->topLevelItem(1)->text(2), "order placed");
    QCOMPARE(events->topLevelItem(1)->text(3), R"({"id":2,"total":40})");
    QVERIFY(view->findChild<QLabel *>("archiveSummary")->text().contains("kept 30 day(s)"));

    // One event's JSON; then the second and third selected: the range covers them.
    events->setCurrentItem(events->topLevelItem(1));
    QVERIFY(view->findChild<QPlainTextEdit *>("archiveEventJson")
                ->toPlainText()
                .contains(R"("detail-type": "order placed")"));
    events->topLevelItem(2)->setSelected(true);
    QCOMPARE(view->from(), kMorning.addSecs(3600));
    QCOMPARE(view->to(), kMorning.addSecs(2 * 3600).addMSecs(1));

    // Replay: the rule's function runs again for those two, and the counts say so.
    auto *replay = view->findChild<QPushButton *>("archiveReplay");
    auto *progress = view->findChild<QProgressBar *>("archiveProgress");
    QVERIFY(replay->isEnabled());
    QTest::mouseClick(replay, Qt::LeftButton);
    QTRY_COMPARE(progress->value(), 2);
    QCOMPARE(progress->maximum(), 2);
    auto *status = view->findChild<QLabel *>("archiveStatus");
    QTRY_VERIFY2(status->text().contains("COMPLETED, 2 of 2 event(s) replayed"), qPrintable(status->text()));
    QTRY_COMPARE_WITH_TIMEOUT(invocations(*cloud, "fulfil"), 6, 60000);
    QVERIFY(replay->isEnabled());
    QVERIFY(!view->findChild<QPushButton *>("archiveCancel")->isEnabled());
    // Replayed events are not archived again.
    QCOMPARE(cloud->state().archivedCount("orders-archive"), 4);
    QCOMPARE(cloud->eventArchive().replay(view->lastReplay())->replayed, 2);

    // Cancel stops a replay before its next event (clicked before the event loop runs on).
    view->findChild<QPushButton *>("archiveAll")->click();
    QTest::mouseClick(replay, Qt::LeftButton);
    auto *cancel = view->findChild<QPushButton *>("archiveCancel");
    QVERIFY(cancel->isEnabled());
    QVERIFY(!replay->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY2(status->text().contains("CANCELLED (cancelled), 0 of 4 event(s) replayed"), qPrintable(status->text()));
    QVERIFY(replay->isEnabled());
    QTest::qWait(50);
    QCOMPARE(cloud->eventArchive().replay(view->lastReplay())->replayed, 0);
    QCOMPARE(invocations(*cloud, "fulfil"), 6);

    // The Local Cloud dock opens the same window for the bus selected on the canvas.
    panel->showService("orders");
    auto *dockButton = panel->findChild<QPushButton *>("cloudArchive");
    QVERIFY(dockButton->isVisibleTo(panel));
    QTest::mouseClick(dockButton, Qt::LeftButton);
    QCOMPARE(window.findChildren<ArchiveView *>().size(), 1);

    if (const QString shot = qEnvironmentVariable("NIMBUS_ARCHIVE_SCREENSHOT"); !shot.isEmpty())
        view->grab().save(shot);

    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    QVERIFY(!panel->isRunning());
    QVERIFY(!replay->isEnabled());
    // Started again, the cloud gets a window of its own, with the archive that outlived the run.
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    QVERIFY(panel->isRunning());
    ArchiveView *again = panel->showArchive("orders");
    QVERIFY(again && again != view);
    QCOMPARE(again->cloud(), panel->cloud());
    QCOMPARE(panel->cloud()->state().archivedCount("orders-archive"), 4);
}

QTEST_MAIN(TestArchiveView)
#include "tst_archiveview.moc"
