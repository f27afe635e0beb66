#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "canvas/palettewidget.h"
#include "mainwindow.h"
#include "problemsdock.h"

#include "storage/projectfile.h"
#include "testutil.h"

#include <QScrollBar>

#include <QTemporaryDir>

#include <QApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeWidget>

using namespace Nimbus;
using namespace NimbusTest;

// Drives the canvas with simulated drops, clicks and keys, on the offscreen platform.
class tst_Canvas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dropCreatesNodeAtDropPosition();
    void dropOfUnknownKindCreatesNothing();
    void paletteDoubleClickAddsAtCentre();
    void paletteFilter();
    void connectPortToPort_data();
    void connectPortToPort();
    void connectChoosesAmongTypes();
    void targetsHighlightWhileDragging();
    void dragMoveIsOneUndoStep();
    void deleteTakesEdgesAndUndoRestores();
    void undoRedoRestoresSceneExactly();
    void renameInPlace();
    void problemsBadgeAndActivation();
    void ctrlWheelZooms();
    void fileDropOpensProject();
    void copyPasteDuplicateKeys();
    void panWithMiddleButton();
    void buildSaveReopenWithTheMouse();

private:
    QPoint viewPoint(QPointF scenePos) const { return mWindow->canvasView()->mapFromScene(scenePos); }
    void mouse(QEvent::Type type, QPointF scenePos, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = {});
    void drag(QPointF from, QPointF to);
    NodeId addNode(const QString &kind, QPointF pos, const QString &name);
    struct SceneState
    {
        QMap<NodeId, QPair<QString, QPointF>> nodes;
        QList<EdgeId> edges;
        bool operator==(const SceneState &o) const { return nodes == o.nodes && edges == o.edges; }
    };
    SceneState sceneState() const;

    std::unique_ptr<MainWindow> mWindow;
    CanvasScene *mScene = nullptr;
    CanvasView *mView = nullptr;
    QTemporaryDir mDir;
};

void tst_Canvas::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Canvas::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mScene = mWindow->canvasScene();
    mView = mWindow->canvasView();
    mView->canvas()->setSnapToGrid(false);
    mView->setZoom(1.0);
    mView->centerOn(400, 200);
}

void tst_Canvas::cleanup()
{
    if (mWindow)
        mWindow->project()->undoStack()->setClean(); // no save prompt
    mWindow.reset();
}

void tst_Canvas::mouse(QEvent::Type type, QPointF scenePos, Qt::MouseButton button, Qt::MouseButtons buttons,
                       Qt::KeyboardModifiers modifiers)
{
    const QPoint local = viewPoint(scenePos);
    QMouseEvent event(type, local, mView->viewport()->mapToGlobal(local), button, buttons, modifiers);
    QApplication::sendEvent(mView->viewport(), &event);
}

void tst_Canvas::drag(QPointF from, QPointF to)
{
    mouse(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        mouse(QEvent::MouseMove, from + (to - from) * i / 5.0, Qt::NoButton, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

NodeId tst_Canvas::addNode(const QString &kind, QPointF pos, const QString &name)
{
    return mWindow->project()->addNode(kind, pos, name).valueOr(kInvalidNodeId);
}

tst_Canvas::SceneState tst_Canvas::sceneState() const
{
    SceneState state;
    for (QGraphicsItem *item : mScene->items()) {
        if (item->type() == NodeItem::Type) {
            auto *n = static_cast<NodeItem *>(item);
            state.nodes.insert(n->nodeId(), {n->name(), n->pos()});
        } else if (item->type() == EdgeItem::Type) {
            state.edges.append(static_cast<EdgeItem *>(item)->edgeId());
        }
    }
    std::sort(state.edges.begin(), state.edges.end());
    return state;
}

void tst_Canvas::dropCreatesNodeAtDropPosition()
{
    const QPointF dropAt(420, 260);
    QMimeData mime;
    mime.setData(CanvasView::kKindMimeType, "queue");
    const QPoint local = viewPoint(dropAt);
    QDragEnterEvent enter(local, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(mView->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(local), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(mView->viewport(), &drop);
    QVERIFY(drop.isAccepted());

    const Architecture &a = mWindow->project()->architecture();
    QCOMPARE(a.nodeCount(), 1);
    const Node &node = a.nodes().begin()->second;
    QCOMPARE(node.kind, QStringLiteral("queue"));
    // The node's centre is where it was dropped.
    const QPointF centre = node.position + QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    QVERIFY2(QLineF(centre, dropAt).length() < 2, qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
    QCOMPARE(mScene->nodeItem(node.id)->pos(), node.position);
    QCOMPARE(mScene->selectedNodes(), QList<NodeId>{node.id});
    mWindow->project()->undoStack()->undo();
    QVERIFY(!mScene->nodeItem(node.id));
}

void tst_Canvas::dropOfUnknownKindCreatesNothing()
{
    QMimeData mime;
    mime.setData(CanvasView::kKindMimeType, "mainframe");
    const QPoint centre = mView->viewport()->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(mView->viewport(), &enter);
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(mView->viewport(), &drop);
    QCOMPARE(mWindow->project()->architecture().nodeCount(), 0);
    QVERIFY(mWindow->statusBar()->currentMessage().contains("mainframe"));
}

void tst_Canvas::paletteDoubleClickAddsAtCentre()
{
    QTreeWidget *tree = mWindow->palette()->tree();
    QTreeWidgetItem *function = tree->findItems("Function", Qt::MatchExactly | Qt::MatchRecursive).value(0);
    QVERIFY(function);
    emit tree->itemActivated(function, 0);
    QCOMPARE(mWindow->project()->architecture().nodeCount(), 1);
    const Node &node = mWindow->project()->architecture().nodes().begin()->second;
    QCOMPARE(node.kind, QStringLiteral("function"));
    const QPointF centre = mView->mapToScene(mView->viewport()->rect().center());
    QVERIFY(QLineF(node.position + QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2), centre).length() < 2);
}

void tst_Canvas::paletteFilter()
{
    PaletteWidget *palette = mWindow->palette();
    QTest::keyClicks(palette->filterEdit(), "que");
    QStringList visible;
    for (int i = 0; i < palette->tree()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = palette->tree()->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            if (!group->child(j)->isHidden() && !group->isHidden())
                visible.append(group->child(j)->text(0));
    }
    QCOMPARE(visible, QStringList{"Queue"});
    palette->filterEdit()->clear();
    QVERIFY(!palette->tree()->topLevelItem(0)->isHidden());
}

void tst_Canvas::connectPortToPort_data()
{
    QTest::addColumn<QString>("fromKind");
    QTest::addColumn<QString>("toKind");
    QTest::addColumn<QString>("edgeType");
    QTest::newRow("route invokes function") << "http-route"
                                            << "function"
                                            << "invokes";
    QTest::newRow("function publishes topic") << "function"
                                              << "topic"
                                              << "publishes";
    QTest::newRow("queue invokes function") << "queue"
                                            << "function"
                                            << "invokes";
    QTest::newRow("route to table refused") << "http-route"
                                            << "table"
                                            << "";
    QTest::newRow("topic to bucket refused") << "topic"
                                             << "bucket"
                                             << "";
}

void tst_Canvas::connectPortToPort()
{
    QFETCH(QString, fromKind);
    QFETCH(QString, toKind);
    QFETCH(QString, edgeType);
    const NodeId a = addNode(fromKind, {100, 100}, "a");
    const NodeId b = addNode(toKind, {500, 220}, "b");
    NodeItem *from = mScene->nodeItem(a);
    NodeItem *to = mScene->nodeItem(b);
    const int steps = mWindow->project()->undoStack()->count();
    // A function reaches a topic by publishing or as an asynchronous destination: the
    // menu's choice is the row's type.
    mScene->setTypeChooser(
        [&edgeType](const QStringList &types, QPointF) { return types.contains(edgeType) ? edgeType : QString(); });
    drag(from->outputPort(), to->inputPort() + QPointF(30, 0));
    const Architecture &arch = mWindow->project()->architecture();
    if (edgeType.isEmpty()) {
        QCOMPARE(arch.edgeCount(), 0);
        QCOMPARE(mWindow->project()->undoStack()->count(), steps);
        QVERIFY2(mWindow->statusBar()->currentMessage().contains("Cannot connect a to b"),
                 qPrintable(mWindow->statusBar()->currentMessage()));
    } else {
        QCOMPARE(arch.edgeCount(), 1);
        const Edge &edge = arch.edges().begin()->second;
        QCOMPARE(edge.from, a);
        QCOMPARE(edge.to, b);
        QCOMPARE(edge.type, edgeType);
        QVERIFY(mScene->edgeItem(edge.id));
        QVERIFY(mScene->edgeItem(edge.id)->toolTip().startsWith(edgeType + ": "));
        QCOMPARE(mWindow->project()->undoStack()->count(), steps + 1);
    }
    // No leftover of the drag: every node back to neutral.
    QCOMPARE(from->targetState(), NodeItem::TargetState::Neutral);
    QCOMPARE(to->targetState(), NodeItem::TargetState::Neutral);
}

void tst_Canvas::connectChoosesAmongTypes()
{
    const NodeId fn = addNode("function", {100, 100}, "fn");
    const NodeId table = addNode("table", {500, 100}, "data");
    QStringList offered;
    mScene->setTypeChooser([&offered](const QStringList &types, QPointF) {
        offered = types;
        return QStringLiteral("reads");
    });
    drag(mScene->nodeItem(fn)->outputPort(), mScene->nodeItem(table)->inputPort() + QPointF(20, 5));
    QCOMPARE(offered, (QStringList{"writes", "reads"}));
    QCOMPARE(mWindow->project()->architecture().edges().begin()->second.type, QStringLiteral("reads"));
    // The same drag again offers only what is not connected yet.
    drag(mScene->nodeItem(fn)->outputPort(), mScene->nodeItem(table)->inputPort() + QPointF(20, 5));
    QCOMPARE(mWindow->project()->architecture().edgeCount(), 2);
    QCOMPARE(mWindow->project()->architecture().edges().rbegin()->second.type, QStringLiteral("writes"));
}

void tst_Canvas::targetsHighlightWhileDragging()
{
    const NodeId route = addNode("http-route", {100, 100}, "api");
    const NodeId fn = addNode("function", {500, 100}, "fn");
    const NodeId queue = addNode("queue", {500, 300}, "q");
    const QPointF start = mScene->nodeItem(route)->outputPort();
    mouse(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    mouse(QEvent::MouseMove, mScene->nodeItem(queue)->inputPort() + QPointF(30, 0), Qt::NoButton, Qt::LeftButton);
    QCOMPARE(mScene->nodeItem(fn)->targetState(), NodeItem::TargetState::Valid);
    QCOMPARE(mScene->nodeItem(queue)->targetState(), NodeItem::TargetState::Invalid);
    // Hovering the refused target shows the catalog's reason.
    bool reasonShown = false;
    for (QGraphicsItem *item : mScene->items())
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            reasonShown = reasonShown || text->text().contains("invokes function");
    QVERIFY(reasonShown);
    mouse(QEvent::MouseButtonRelease, mScene->nodeItem(queue)->inputPort() + QPointF(30, 0), Qt::LeftButton,
          Qt::NoButton);
    QCOMPARE(mWindow->project()->architecture().edgeCount(), 0);
}

void tst_Canvas::dragMoveIsOneUndoStep()
{
    const NodeId a = addNode("queue", {100, 100}, "a");
    const NodeId b = addNode("topic", {100, 300}, "b");
    mScene->selectNodes({a, b});
    const int steps = mWindow->project()->undoStack()->count();
    const QPointF grab = mScene->nodeItem(a)->mapToScene(QPointF(100, 45));
    mouse(QEvent::MouseButtonPress, grab, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 10; ++i)
        mouse(QEvent::MouseMove, grab + QPointF(i * 12, i * 4), Qt::NoButton, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, grab + QPointF(120, 40), Qt::LeftButton, Qt::NoButton);

    const Architecture &arch = mWindow->project()->architecture();
    QCOMPARE(arch.node(a)->position, QPointF(220, 140));
    QCOMPARE(arch.node(b)->position, QPointF(220, 340)); // the whole selection moved
    QCOMPARE(mWindow->project()->undoStack()->count(), steps + 1);
    mWindow->project()->undoStack()->undo();
    QCOMPARE(mScene->nodeItem(a)->pos(), QPointF(100, 100));
    QCOMPARE(mScene->nodeItem(b)->pos(), QPointF(100, 300));
}

void tst_Canvas::deleteTakesEdgesAndUndoRestores()
{
    Project *p = mWindow->project();
    const NodeId route = addNode("http-route", {0, 0}, "api");
    const NodeId fn = addNode("function", {300, 0}, "fn");
    const NodeId table = addNode("table", {600, 0}, "t");
    QVERIFY(p->connectNodes(route, fn, "invokes"));
    QVERIFY(p->connectNodes(fn, table, "writes"));
    const SceneState before = sceneState();
    QCOMPARE(before.edges.size(), 2);

    mScene->selectNodes({fn});
    mView->setFocus();
    QTest::keyClick(mView, Qt::Key_Delete);
    QCOMPARE(p->architecture().nodeCount(), 2);
    QCOMPARE(p->architecture().edgeCount(), 0);
    QCOMPARE(sceneState().nodes.size(), 2);
    QCOMPARE(sceneState().edges.size(), 0);
    QTest::keyClick(mView, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(sceneState() == before);
}

void tst_Canvas::undoRedoRestoresSceneExactly()
{
    Project *p = mWindow->project();
    QList<SceneState> states{sceneState()};
    const NodeId q = addNode("queue", {40, 40}, "jobs");
    states.append(sceneState());
    const NodeId fn = addNode("function", {400, 40}, "worker");
    states.append(sceneState());
    QVERIFY(p->connectNodes(q, fn, "invokes"));
    states.append(sceneState());
    p->moveNodes({{fn, QPointF(420, 180)}}, true);
    states.append(sceneState());
    QVERIFY(p->renameNode(fn, "consumer"));
    states.append(sceneState());
    p->removeItems({q});
    states.append(sceneState());

    for (int i = states.size() - 2; i >= 0; --i) {
        p->undoStack()->undo();
        QVERIFY2(sceneState() == states.at(i), qPrintable(QString::number(i)));
    }
    for (int i = 1; i < states.size(); ++i) {
        p->undoStack()->redo();
        QVERIFY2(sceneState() == states.at(i), qPrintable(QString::number(i)));
    }
}

void tst_Canvas::renameInPlace()
{
    const NodeId fn = addNode("function", {100, 100}, "fn");
    mScene->selectNodes({fn});
    mView->setFocus();
    QTest::keyClick(mView, Qt::Key_F2);
    QLineEdit *editor = mView->renameEditor();
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("fn"));
    editor->selectAll();
    QTest::keyClicks(editor, "checkout");
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(mWindow->project()->architecture().node(fn)->name, QStringLiteral("checkout"));
    QCOMPARE(mScene->nodeItem(fn)->name(), QStringLiteral("checkout"));

    // An invalid name is refused with the reason, and nothing changes.
    QTest::keyClick(mView, Qt::Key_F2);
    editor = mView->renameEditor();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, "check out");
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(mWindow->project()->architecture().node(fn)->name, QStringLiteral("checkout"));
    QVERIFY(mWindow->statusBar()->currentMessage().contains("not a valid name"));

    // Escape cancels.
    QTest::keyClick(mView, Qt::Key_F2);
    QTest::keyClicks(mView->renameEditor(), "zzz");
    QTest::keyClick(mView->renameEditor(), Qt::Key_Escape);
    QCOMPARE(mWindow->project()->architecture().node(fn)->name, QStringLiteral("checkout"));
}

void tst_Canvas::problemsBadgeAndActivation()
{
    const NodeId fn = addNode("function", {2000, 2000}, "lonely");
    const NodeId q = addNode("queue", {100, 100}, "q");
    auto *problems = mWindow->findChild<ProblemsDock *>();
    QTRY_COMPARE(problems->view()->topLevelItemCount(), 1);
    QCOMPARE(mScene->nodeItem(fn)->severity(), std::optional(Diagnostic::Severity::Warning));
    QCOMPARE(mScene->nodeItem(q)->severity(), std::nullopt);

    emit problems->view()->itemActivated(problems->view()->topLevelItem(0), 0);
    QCOMPARE(mScene->selectedNodes(), QList<NodeId>{fn});
    const QPointF centre = mView->mapToScene(mView->viewport()->rect().center());
    QVERIFY(mScene->nodeItem(fn)->sceneBoundingRect().contains(centre));

    // Connecting a trigger clears the warning and the badge.
    const NodeId s = addNode("schedule", {1700, 2000}, "tick");
    QVERIFY(mWindow->project()->connectNodes(s, fn, "invokes"));
    QTRY_COMPARE(problems->view()->topLevelItemCount(), 0);
    QCOMPARE(mScene->nodeItem(fn)->severity(), std::nullopt);
}

void tst_Canvas::ctrlWheelZooms()
{
    const qreal before = mView->zoom();
    const QPoint at = mView->viewport()->rect().center();
    QWheelEvent wheel(at, mView->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(mView->viewport(), &wheel);
    QVERIFY(mView->zoom() > before * 1.2);
    mView->zoomOut();
    mView->zoomOut();
    QVERIFY(mView->zoom() < before);
}

void tst_Canvas::fileDropOpensProject()
{
    const QString path = mDir.filePath("dropped.json");
    QVERIFY(writeAll(path, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "a", "kind": "queue"}, {"name": "b", "kind": "topic"}]})"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint centre = mView->viewport()->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(mView->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(mView->viewport(), &drop);
    QCOMPARE(mWindow->project()->filePath(), path);
    QCOMPARE(sceneState().nodes.size(), 2);
}

void tst_Canvas::copyPasteDuplicateKeys()
{
    const NodeId q = addNode("queue", {0, 0}, "jobs");
    const NodeId fn = addNode("function", {300, 0}, "worker");
    QVERIFY(mWindow->project()->connectNodes(q, fn, "invokes"));
    mScene->selectNodes({q, fn});
    mView->setFocus();
    QTest::keyClick(mView, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(mView, Qt::Key_V, Qt::ControlModifier);
    const Architecture &a = mWindow->project()->architecture();
    QCOMPARE(a.nodeCount(), 4);
    QCOMPARE(a.edgeCount(), 2);
    QVERIFY(a.nodeByName("jobs2"));
    QCOMPARE(mScene->selectedNodes().size(), 2); // the pasted nodes are selected
    QTest::keyClick(mView, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(a.nodeByName("jobs3"));
    QVERIFY(a.nodeByName("jobs3")->position != a.nodeByName("jobs2")->position);
    mScene->selectNodes({fn});
    QTest::keyClick(mView, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(a.nodeByName("worker4"));
    mScene->selectNodes({q});
    QTest::keyClick(mView, Qt::Key_X, Qt::ControlModifier);
    QVERIFY(!a.node(q));
    QTest::keyClick(mView, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(a.nodeByName("jobs"));
    QCOMPARE(sceneState().nodes.size(), a.nodeCount());
}

void tst_Canvas::panWithMiddleButton()
{
    const int h = mView->horizontalScrollBar()->value();
    const int v = mView->verticalScrollBar()->value();
    const QPoint start = mView->viewport()->rect().center();
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons) {
        QMouseEvent e(type, at, mView->viewport()->mapToGlobal(at), button, buttons, {});
        QApplication::sendEvent(mView->viewport(), &e);
    };
    send(QEvent::MouseButtonPress, start, Qt::MiddleButton, Qt::MiddleButton);
    send(QEvent::MouseMove, start + QPoint(-100, -60), Qt::NoButton, Qt::MiddleButton);
    send(QEvent::MouseButtonRelease, start + QPoint(-100, -60), Qt::MiddleButton, Qt::NoButton);
    QCOMPARE(mView->horizontalScrollBar()->value(), h + 100);
    QCOMPARE(mView->verticalScrollBar()->value(), v + 60);
    QCOMPARE(mWindow->project()->undoStack()->count(), 0); // panning is not an edit
}

void tst_Canvas::buildSaveReopenWithTheMouse()
{
    auto dropKind = [&](const char *kind, QPointF at) {
        QMimeData mime;
        mime.setData(CanvasView::kKindMimeType, kind);
        QDragEnterEvent enter(viewPoint(at), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(mView->viewport(), &enter);
        QDropEvent drop(QPointF(viewPoint(at)), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(mView->viewport(), &drop);
        return mScene->selectedNodes().value(0);
    };
    const NodeId route = dropKind("http-route", {200, 150});
    const NodeId fn = dropKind("function", {500, 150});
    const NodeId table = dropKind("table", {800, 150});
    QVERIFY(route && fn && table);
    mScene->setTypeChooser([](const QStringList &types, QPointF) { return types.first(); });
    drag(mScene->nodeItem(route)->outputPort(), mScene->nodeItem(fn)->inputPort() + QPointF(20, 0));
    drag(mScene->nodeItem(fn)->outputPort(), mScene->nodeItem(table)->inputPort() + QPointF(20, 0));
    const QPointF grab = mScene->nodeItem(table)->mapToScene(QPointF(100, 45));
    drag(grab, grab + QPointF(0, 120));
    const Architecture &a = mWindow->project()->architecture();
    QCOMPARE(a.nodeCount(), 3);
    QCOMPARE(a.edgeCount(), 2);
    const int steps = mWindow->project()->undoStack()->count();
    QCOMPARE(steps, 6); // three drops, two connections, one move

    const QString path = mDir.filePath("mouse.nimbus");
    ProjectFile file;
    QVERIFY(file.save(*mWindow->project(), path));
    MainWindow reopened;
    QVERIFY(reopened.openFile(path));
    QVERIFY(reopened.project()->architecture().nodes() == a.nodes());
    QVERIFY(reopened.project()->architecture().edges() == a.edges());
    for (const auto &[id, node] : a.nodes())
        QCOMPARE(reopened.canvasScene()->nodeItem(id)->pos(), node.position);
    QCOMPARE(reopened.canvasScene()->items().size(), mScene->items().size());

    // And every step undoes, back to the empty canvas.
    for (int i = 0; i < steps; ++i)
        mWindow->project()->undoStack()->undo();
    QCOMPARE(a.nodeCount(), 0);
    QVERIFY(mScene->items().isEmpty());
}

QTEST_MAIN(tst_Canvas)
#include "tst_canvas.moc"
