// The local cloud's clock in the tool bar: disabled while the cloud is stopped, Pause /
// Run, Advance (by its step and from its menu) and Run Until Next, clicked offscreen.

#include "actionmanager.h"
#include "cloud/clockwidget.h"
#include "cloud/cloudpanel.h"
#include "cloud/virtualclock.h"
#include "cloudfixture.h"
#include "mainwindow.h"

#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Nimbus;

class tst_ClockWidget : public QObject
{
    Q_OBJECT

private slots:
    void drivesTheCloudsClock();
    void followsTheCloudRunningAndStopping();
    void mainWindowToolBarShowsTheRunningCloudsClock();

private:
    const QDateTime kNewYear = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
};

namespace {
QToolButton *button(ClockWidget &widget, const char *name)
{
    return widget.findChild<QToolButton *>(QLatin1String(name));
}

// A click on the button's own part, left of a menu arrow.
void click(QToolButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(4, button->height() / 2));
}

int firings(const LocalCloud &cloud, const QString &schedule)
{
    int count = 0;
    for (const CloudLogEntry &e : cloud.log())
        count += e.kind == CloudLogEntry::Kind::Request && e.target == schedule;
    return count;
}
} // namespace

void tst_ClockWidget::drivesTheCloudsClock()
{
    NimbusTest::LocalCloudFixture local;
    const NodeId schedule = local.project.addNode(QStringLiteral("schedule"), {}, "hourly").valueOr(kInvalidNodeId);
    QVERIFY(local.project.setNodeProperty(schedule, QStringLiteral("expression"), QStringLiteral("rate(1 hour)")));
    LocalCloud &cloud = *local.cloud;
    cloud.virtualClock().set(kNewYear);
    QVERIFY2(local.start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(local.error));
    ClockWidget widget;
    widget.setCloud(&cloud);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QVERIFY(widget.isEnabled());
    QToolButton *pause = button(widget, "clockPause");
    QToolButton *advance = button(widget, "clockAdvance");
    QToolButton *next = button(widget, "clockRunUntilNext");
    QVERIFY(pause && advance && next);

    // Pause: the clock stands still and the button offers Run.
    QCOMPARE(pause->text(), QStringLiteral("Pause"));
    click(pause);
    QVERIFY(!cloud.virtualClock().isRunning());
    QCOMPARE(pause->text(), QStringLiteral("Run"));
    const QDateTime paused = cloud.clock().now();
    QCOMPARE(widget.timeText(), paused.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC"));

    // Advance: an hour by default, firing the schedule on the way.
    QSignalSpy messages(&widget, &ClockWidget::message);
    click(advance);
    QCOMPARE(cloud.clock().now(), paused.addSecs(3600));
    QCOMPARE(firings(cloud, QStringLiteral("hourly")), 1);
    QCOMPARE(widget.timeText(),
             paused.addSecs(3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC"));
    QCOMPARE(messages.size(), 1);

    // Its menu's 6 h: six firings, and 6 h becomes the step.
    QAction *sixHours = nullptr;
    for (QAction *action : advance->menu()->actions())
        if (action->text() == QStringLiteral("6 h"))
            sixHours = action;
    QVERIFY(sixHours);
    sixHours->trigger();
    QCOMPARE(cloud.clock().now(), paused.addSecs(7 * 3600));
    QCOMPARE(firings(cloud, QStringLiteral("hourly")), 7);
    QCOMPARE(widget.step(), qint64(6 * 3'600'000));
    QCOMPARE(advance->text(), QStringLiteral("Advance 6 h"));

    // Run Until Next: to the next firing, exactly.
    const QDateTime due = cloud.nextFirings().value(QStringLiteral("hourly"));
    click(next);
    QCOMPARE(cloud.clock().now(), due);
    QCOMPARE(firings(cloud, QStringLiteral("hourly")), 8);

    // Run: the clock follows real time again, from where it stood.
    click(pause);
    QVERIFY(cloud.virtualClock().isRunning());
    QCOMPARE(pause->text(), QStringLiteral("Pause"));
    QVERIFY(cloud.clock().now() >= due);
}

void tst_ClockWidget::followsTheCloudRunningAndStopping()
{
    NimbusTest::LocalCloudFixture local;
    ClockWidget widget;
    QVERIFY(!widget.isEnabled()); // no cloud
    widget.setCloud(local.cloud.get());
    QVERIFY(!widget.isEnabled()); // a cloud that is not running
    QCOMPARE(widget.timeText(), QStringLiteral("Stopped"));
    QVERIFY2(local.start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(local.error));
    widget.setCloud(local.cloud.get());
    QVERIFY(widget.isEnabled());
    QVERIFY(widget.timeText().endsWith(QStringLiteral(" UTC")));
    local.cloud->stop();
    widget.setCloud(nullptr);
    QVERIFY(!widget.isEnabled());
    // A cloud that goes away leaves it disabled, not dangling.
    widget.setCloud(local.cloud.get());
    local.cloud.reset();
    QVERIFY(!widget.cloud());
}

void tst_ClockWidget::mainWindowToolBarShowsTheRunningCloudsClock()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("nightly.json"));
    QVERIFY(NimbusTest::writeAll(project, R"json({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "nightly", "kind": "schedule", "properties": {"expression": "cron(0 2 * * ? *)"}}],
        "edges": []})json"));
    MainWindow window;
    QVERIFY(window.openFile(project));
    auto *clock = window.findChild<ClockWidget *>(QStringLiteral("cloudClock"));
    QVERIFY(clock);
    QVERIFY(!clock->isEnabled());
    QAction *cloudAction = window.actionManager()->action(ActionIds::LocalCloud);
    cloudAction->trigger();
    QVERIFY(window.cloudPanel()->isRunning());
    QCOMPARE(clock->cloud(), window.cloudPanel()->cloud());
    QVERIFY(clock->isEnabled());
    // Its Pause stops the running cloud's clock.
    QTest::mouseClick(button(*clock, "clockPause"), Qt::LeftButton);
    QVERIFY(!window.cloudPanel()->cloud()->virtualClock().isRunning());
    cloudAction->trigger();
    QVERIFY(!window.cloudPanel()->isRunning());
    QVERIFY(!clock->isEnabled());
    QVERIFY(!clock->cloud());
}

QTEST_MAIN(tst_ClockWidget)
#include "tst_clockwidget.moc"
