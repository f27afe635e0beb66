#include "actionmanager.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/nodeitem.h"
#include "mainwindow.h"
#include "problemsdock.h"

#include "testutil.h"

#include <QAction>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Nimbus;
using namespace NimbusTest;

// What a new user sees first: a legible design, docks that leave it room, a hint on an
// empty canvas, and the window as it was left.
class tst_FirstView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void exampleOpensLegible_data();
    void exampleOpensLegible();
    void smallDesignOpensWhole();
    void fitToViewStaysLegible();
    void projectsStartAtActualSize_data();
    void projectsStartAtActualSize();
    void problemsDockSizedToItsList();
    void bottomDocksGetRoomInFront_data();
    void bottomDocksGetRoomInFront();
    void emptyCanvasShowsHint();
    void layoutIsRemembered();
    void resetLayoutPutsDocksBack();
    void selectingScrollsOnlyWhenNeeded();
    void unreadableLayoutFallsBack_data();
    void unreadableLayoutFallsBack();

private:
    // The height of a node's name on screen: NodeItem draws it in the view's font, bold.
    static qreal nameHeightOnScreen(const CanvasView *view);
    static QRectF visibleScene(const CanvasView *view);
    static QDockWidget *dock(MainWindow &window, const char *name);

    QTemporaryDir mDir;
};

void tst_FirstView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(writeAll(mDir.filePath("pair.json"), R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "tick", "kind": "schedule", "position": [0, 0]},
                  {"name": "work", "kind": "function", "position": [300, 0]}],
        "edges": [{"from": "tick", "to": "work", "type": "invokes"}]})"));
}

void tst_FirstView::init()
{
    QSettings().clear();
}

qreal tst_FirstView::nameHeightOnScreen(const CanvasView *view)
{
    QFont font = view->viewport()->font();
    font.setBold(true);
    return QFontMetricsF(font, view->viewport()).height() * view->transform().m22();
}

QRectF tst_FirstView::visibleScene(const CanvasView *view)
{
    return view->mapToScene(view->viewport()->rect()).boundingRect();
}

QDockWidget *tst_FirstView::dock(MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QLatin1String(name));
}

void tst_FirstView::exampleOpensLegible_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1600x1000") << QSize(1600, 1000);
}

void tst_FirstView::exampleOpensLegible()
{
    QFETCH(QSize, size);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample("shop"));
    QTest::qWait(50); // the docks settle
    CanvasView *view = window.canvasView();
    QVERIFY2(nameHeightOnScreen(view) >= CanvasView::kMinLabelHeight, qPrintable(QString::number(view->zoom())));
    QCOMPARE(view->labelHeight(), nameHeightOnScreen(view));
    // Too big to fit legibly: it opens at 100 % on the nodes its flows start from.
    QCOMPARE(view->zoom(), 1.0);
    const QList<NodeId> entries = view->entryPoints();
    // Three routes, the schedule and the staff user pool (a function writes to the bucket;
    // the pool authorizes the fourth route).
    QCOMPARE(entries.size(), 5);
    // They are taller than the view: it shows them from the first, every one that fits
    // below it whole.
    QRectF spread;
    for (NodeId id : entries)
        spread |= window.canvasScene()->nodeItem(id)->sceneBoundingRect();
    const QRectF visible = visibleScene(view);
    QVERIFY(spread.height() > visible.height());
    int shown = 0;
    for (NodeId id : entries) {
        const QRectF node = window.canvasScene()->nodeItem(id)->sceneBoundingRect();
        if (node.bottom() - spread.top() > visible.height() - 24)
            continue;
        QVERIFY2(visible.contains(node), qPrintable(window.project()->architecture().node(id)->name));
        ++shown;
    }
    QVERIFY(shown >= 3);
    QVERIFY(visible.contains(window.canvasScene()
                                 ->nodeItem(window.project()->architecture().nodeByName("getItemRoute")->id)
                                 ->sceneBoundingRect()));
}

void tst_FirstView::smallDesignOpensWhole()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(mDir.filePath("pair.json")));
    QTest::qWait(50);
    CanvasView *view = window.canvasView();
    QCOMPARE(view->zoom(), 1.0); // fits, never magnified
    const QRectF visible = visibleScene(view);
    for (const auto &[id, node] : window.project()->architecture().nodes())
        QVERIFY2(visible.contains(window.canvasScene()->nodeItem(id)->sceneBoundingRect()), qPrintable(node.name));
}

void tst_FirstView::fitToViewStaysLegible()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample("shop"));
    CanvasView *view = window.canvasView();
    // The user may zoom out below legible by hand...
    view->setZoom(0.2);
    QVERIFY(view->labelHeight() < CanvasView::kMinLabelHeight);
    // ...but Fit to View brings the names back to a size one can read.
    window.actionManager()->action(ActionIds::FitToView)->trigger();
    QVERIFY2(nameHeightOnScreen(view) >= CanvasView::kMinLabelHeight - 0.01,
             qPrintable(QString::number(nameHeightOnScreen(view))));
    QVERIFY(view->zoom() < 1.0); // as much of the design as stays legible
    QVERIFY(
        visibleScene(view).intersects(window.canvasScene()
                                          ->nodeItem(window.project()->architecture().nodeByName("getItemRoute")->id)
                                          ->sceneBoundingRect()));
    // The design does not fit legibly in this window: asked again, Fit shows all of it.
    const qreal legible = view->zoom();
    QVERIFY(!visibleScene(view).contains(view->designBounds()));
    window.actionManager()->action(ActionIds::FitToView)->trigger();
    QVERIFY(view->zoom() < legible);
    QVERIFY(visibleScene(view).adjusted(-1, -1, 1, 1).contains(view->designBounds()));
    // Once the view has moved, Fit is the legible one again.
    view->setZoom(0.3);
    window.actionManager()->action(ActionIds::FitToView)->trigger();
    QCOMPARE(view->zoom(), legible);
}

void tst_FirstView::projectsStartAtActualSize_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::newRow("File > New") << QByteArray(ActionIds::New);
    QTest::newRow("Close Project") << QByteArray(ActionIds::CloseProject);
}

void tst_FirstView::projectsStartAtActualSize()
{
    QFETCH(QByteArray, action);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample("shop"));
    window.canvasView()->setZoom(0.5);
    window.actionManager()->action(action)->trigger();
    QCOMPARE(window.project()->architecture().nodeCount(), 0);
    QCOMPARE(window.canvasView()->zoom(), 1.0);
    // And an example opened again does not inherit a zoom either.
    window.canvasView()->setZoom(2.0);
    QVERIFY(window.openExample("shop"));
    QCOMPARE(window.canvasView()->zoom(), 1.0);
}

void tst_FirstView::problemsDockSizedToItsList()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *problems = window.findChild<ProblemsDock *>();
    // No problem: one line that says so, and the design keeps the room.
    QTRY_VERIFY(problems->placeholder()->isVisible());
    QVERIFY(!problems->view()->isVisible());
    QCOMPARE(problems->windowTitle(), QStringLiteral("Problems"));
    QTRY_VERIFY2(problems->height() <= problems->preferredHeight() + 2,
                 qPrintable(QString::number(problems->height())));
    QVERIFY(problems->height() < window.height() / 10);

    // Problems: the list, its count in the tab, as many rows as it has (up to a few).
    QVERIFY(window.project()->addNode("function", QPointF()));
    QVERIFY(window.project()->addNode("function", QPointF(300, 0)));
    QTRY_COMPARE(problems->windowTitle(), QStringLiteral("Problems (%1)").arg(problems->diagnostics().size()));
    QVERIFY(problems->diagnostics().size() >= 2);
    const QTabBar *tabs = nullptr;
    for (const QTabBar *bar : window.findChildren<QTabBar *>())
        for (int i = 0; i < bar->count(); ++i)
            if (bar->tabText(i) == problems->windowTitle())
                tabs = bar;
    QVERIFY2(tabs, "the tab shows the count");
    QVERIFY(problems->view()->isVisible());
    QTRY_VERIFY2(problems->height() >= problems->preferredHeight() - 2,
                 qPrintable(QString::number(problems->height())));
    const int rows = std::min(int(problems->diagnostics().size()), ProblemsDock::kMaxRows);
    QVERIFY(problems->view()->viewport()->height() >= rows * problems->view()->sizeHintForRow(0));
    QVERIFY(problems->height() < window.height() * 0.3);

    // The last one gone: back to one line.
    window.project()->undoStack()->undo();
    window.project()->undoStack()->undo();
    QTRY_VERIFY(problems->placeholder()->isVisible());
    QTRY_VERIFY(problems->height() <= problems->preferredHeight() + 2);
}

void tst_FirstView::bottomDocksGetRoomInFront_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("Run") << QByteArray("runDock");
    QTest::newRow("Cost") << QByteArray("costDock");
    QTest::newRow("Local Cloud") << QByteArray("cloudDock");
}

void tst_FirstView::bottomDocksGetRoomInFront()
{
    QFETCH(QByteArray, name);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *problems = window.findChild<ProblemsDock *>();
    QTRY_VERIFY(problems->height() <= problems->preferredHeight() + 2);
    QDockWidget *other = dock(window, name);
    other->raise();
    QTRY_VERIFY2(other->height() >= 200, qPrintable(QString::number(other->height())));
    QVERIFY(!other->visibleRegion().isEmpty());
    // The height the user gives it is kept for the next time it comes to the front.
    window.resizeDocks({other}, {other->height() + 60}, Qt::Vertical);
    QTRY_VERIFY(other->height() >= 260);
    const int given = other->height();
    problems->raise();
    QTRY_VERIFY(problems->height() <= problems->preferredHeight() + 2);
    other->raise();
    QTRY_COMPARE(other->height(), given);
}

void tst_FirstView::emptyCanvasShowsHint()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CanvasView *view = window.canvasView();
    QVERIFY(view->isHintShown());
    QVERIFY(view->hintText().contains("palette"));
    QVERIFY2(view->hintText().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString()),
             qPrintable(view->hintText()));
    const QRect hint = view->hintRect();
    QVERIFY(view->viewport()->rect().contains(hint));
    // Drawn in the middle of the canvas, in the placeholder colour: far from the canvas's
    // own (its grid dots are faint)...
    const int canvasGrey = qGray(view->palette().color(QPalette::Base).rgb());
    const auto inked = [&](const QImage &image) {
        int count = 0;
        const qreal ratio = image.devicePixelRatio();
        for (int y = hint.top(); y <= hint.bottom(); ++y)
            for (int x = hint.left(); x <= hint.right(); ++x)
                count += std::abs(qGray(image.pixel(int(x * ratio), int(y * ratio))) - canvasGrey) > 60;
        return count;
    };
    const QImage empty = view->viewport()->grab().toImage();
    QVERIFY2(inked(empty) > 100, qPrintable(QString::number(inked(empty))));
    // ...and gone as soon as there is a node, wherever it is.
    QVERIFY(window.project()->addNode("schedule", QPointF(5000, 5000)));
    QVERIFY(!view->isHintShown());
    const QImage withNode = view->viewport()->grab().toImage();
    QVERIFY2(inked(withNode) < inked(empty) / 10, qPrintable(QString::number(inked(withNode))));
    window.project()->undoStack()->undo();
    QVERIFY(view->isHintShown());
    QCOMPARE(inked(view->viewport()->grab().toImage()), inked(empty));
}

void tst_FirstView::layoutIsRemembered()
{
    {
        MainWindow window;
        QVERIFY(!window.restoreLayout()); // nothing saved yet
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1100, 760);
        window.addDockWidget(Qt::RightDockWidgetArea, dock(window, "paletteDock"));
        dock(window, "costDock")->close();
        QTRY_COMPARE(window.size(), QSize(1100, 760));
        QVERIFY(window.close());
    }
    QVERIFY(!QSettings().value("window/geometry").toByteArray().isEmpty());
    QVERIFY(!QSettings().value("window/state").toByteArray().isEmpty());
    MainWindow window;
    QVERIFY(window.restoreLayout());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1100, 760));
    QCOMPARE(window.dockWidgetArea(dock(window, "paletteDock")), Qt::RightDockWidgetArea);
    QVERIFY(dock(window, "costDock")->isHidden());
    QVERIFY(!dock(window, "runDock")->isHidden());
}

void tst_FirstView::resetLayoutPutsDocksBack()
{
    MainWindow window;
    QVERIFY(window.openExample("shop"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int inspectorWidth = dock(window, "inspectorDock")->width();
    // A layout a user can get lost in: the palette on the right, the inspector floating
    // and narrow, Problems closed, Run on the left.
    window.addDockWidget(Qt::RightDockWidgetArea, dock(window, "paletteDock"));
    dock(window, "inspectorDock")->setFloating(true);
    dock(window, "inspectorDock")->resize(120, 300);
    dock(window, "problemsDock")->close();
    window.addDockWidget(Qt::LeftDockWidgetArea, dock(window, "runDock"));

    QAction *reset = window.actionManager()->action(ActionIds::ResetLayout);
    QVERIFY(reset);
    reset->trigger();
    QCOMPARE(window.dockWidgetArea(dock(window, "paletteDock")), Qt::LeftDockWidgetArea);
    QVERIFY(!dock(window, "inspectorDock")->isFloating());
    QCOMPARE(window.dockWidgetArea(dock(window, "inspectorDock")), Qt::RightDockWidgetArea);
    QVERIFY(!dock(window, "problemsDock")->isHidden());
    QCOMPARE(window.dockWidgetArea(dock(window, "runDock")), Qt::BottomDockWidgetArea);
    QVERIFY(window.tabifiedDockWidgets(dock(window, "problemsDock")).contains(dock(window, "runDock")));
    QTRY_VERIFY(qAbs(dock(window, "inspectorDock")->width() - inspectorWidth) <= 8);
}

void tst_FirstView::selectingScrollsOnlyWhenNeeded()
{
    MainWindow window;
    QVERIFY(window.openExample("shop"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CanvasView *view = window.canvasView();
    QTRY_VERIFY(!window.canvasScene()->isBuilding());
    auto shown = [&] { return view->mapToScene(view->viewport()->rect()).boundingRect(); };
    auto rectOf = [&](const char *name) {
        const Node *node = window.project()->architecture().nodeByName(name);
        return window.canvasScene()->nodeItem(node->id)->sceneBoundingRect();
    };
    // A node in sight is selected where it is: the view does not jump.
    QVERIFY(shown().contains(rectOf("createOrder")));
    const QPointF before = shown().topLeft();
    window.selectNode("createOrder");
    QVERIFY(
        window.canvasScene()->nodeItem(window.project()->architecture().nodeByName("createOrder")->id)->isSelected());
    QCOMPARE(shown().topLeft(), before);
    // One out of sight is brought in, whole.
    QVERIFY(!shown().contains(rectOf("notifyCustomer")));
    window.selectNode("notifyCustomer");
    QVERIFY(shown().contains(rectOf("notifyCustomer")));
}

void tst_FirstView::unreadableLayoutFallsBack_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("keep"); // bytes kept of what was saved; -1: garbage instead
    QTest::newRow("geometry cut short") << "window/geometry" << 8;
    QTest::newRow("dock layout cut short") << "window/state" << 40;
    QTest::newRow("dock layout garbage") << "window/state" << -1;
    QTest::newRow("geometry garbage") << "window/geometry" << -1;
}

void tst_FirstView::unreadableLayoutFallsBack()
{
    QFETCH(QString, key);
    QFETCH(int, keep);
    {
        // A layout unlike the default: the palette on the right, Cost closed.
        MainWindow earlier;
        earlier.show();
        QVERIFY(QTest::qWaitForWindowExposed(&earlier));
        earlier.resize(1000, 700);
        earlier.addDockWidget(Qt::RightDockWidgetArea, dock(earlier, "paletteDock"));
        dock(earlier, "costDock")->close();
        QVERIFY(earlier.close());
    }
    const QByteArray saved = QSettings().value(key).toByteArray();
    QVERIFY(saved.size() > keep);
    QSettings().setValue(key, keep < 0 ? QByteArray("\x00\x00\x00\xff garbage", 12) : saved.left(keep));
    MainWindow window;
    QVERIFY(!window.restoreLayout());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1280, 800));
    QCOMPARE(window.dockWidgetArea(dock(window, "paletteDock")), Qt::LeftDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(dock(window, "inspectorDock")), Qt::RightDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(dock(window, "problemsDock")), Qt::BottomDockWidgetArea);
    QVERIFY(window.tabifiedDockWidgets(dock(window, "problemsDock")).contains(dock(window, "runDock")));
    for (QDockWidget *each : window.findChildren<QDockWidget *>())
        QVERIFY2(!each->isHidden() && !each->isFloating(), qPrintable(each->objectName()));
}

QTEST_MAIN(tst_FirstView)
#include "tst_firstview.moc"
