#include "canvasview.h"

#include "canvasscene.h"
#include "document/project.h"
#include "model/autolayout.h"
#include "nodeitem.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QScrollBar>
#include <QUrl>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace Nimbus {

const char *const CanvasView::kKindMimeType = "application/x-nimbus-node-kind";
const char *const CanvasView::kFragmentMimeType = "application/x-nimbus-fragment";

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 4.0;

bool isProjectFile(const QUrl &url)
{
    const QString path = url.toLocalFile();
    return path.endsWith(".nimbus"_L1) || path.endsWith(".json"_L1);
}
} // namespace

CanvasView::CanvasView(CanvasScene *scene, QWidget *parent) : QGraphicsView(scene, parent), mScene(scene)
{
    setObjectName(u"canvasView"_s);
    setAccessibleName(tr("Canvas"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setSceneRect(-50000, -50000, 100000, 100000);
}

void CanvasView::setZoom(qreal value)
{
    mFitPending = false;
    value = std::clamp(value, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(value, zoom()))
        return;
    setTransform(QTransform::fromScale(value, value));
    emit zoomChanged(value);
}

void CanvasView::fitToView()
{
    QRectF bounds = mScene->itemsBoundingRect();
    if (bounds.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-40, -40, 40, 40);
    fitInView(bounds, Qt::KeepAspectRatio);
    // Never magnify a small diagram beyond its natural size.
    if (zoom() > 1.0)
        setTransform(QTransform());
    centerOn(bounds.center());
    emit zoomChanged(zoom());
}

void CanvasView::requestFit()
{
    // Until the user zooms or pans, the diagram keeps fitting the view as the window
    // and its docks settle into their sizes.
    mFitPending = true;
    if (isVisible() && viewport()->width() > 100)
        fitToView();
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (mFitPending && viewport()->width() > 100)
        fitToView();
}

void CanvasView::centreOn(NodeId id)
{
    if (NodeItem *item = mScene->nodeItem(id)) {
        mScene->selectNodes({id});
        centerOn(item);
    }
}

void CanvasView::addNodeAtCentre(const QString &kindId)
{
    if (!mScene->project())
        return;
    const QPointF centre = mapToScene(viewport()->rect().center());
    const Result<NodeId> id = mScene->project()->addNode(kindId,
                                                         centre - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2));
    if (id)
        mScene->selectNodes({*id});
}

void CanvasView::deleteSelection()
{
    if (mScene->project())
        mScene->project()->removeItems(mScene->selectedNodes(), mScene->selectedEdges());
}

void CanvasView::copySelection()
{
    const QList<NodeId> nodes = mScene->selectedNodes();
    if (nodes.isEmpty() || !mScene->project())
        return;
    auto *mime = new QMimeData;
    const QByteArray fragment = mScene->project()->copyNodes(nodes);
    mime->setData(QLatin1String(kFragmentMimeType), fragment);
    mime->setText(QString::fromUtf8(fragment)); // readable when pasted into a text editor
    QGuiApplication::clipboard()->setMimeData(mime);
    mPasteCount = 0;
}

void CanvasView::cutSelection()
{
    copySelection();
    deleteSelection();
}

void CanvasView::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime || !mScene->project())
        return;
    QByteArray fragment = mime->data(QLatin1String(kFragmentMimeType));
    if (fragment.isEmpty() && mime->text().contains("\"nimbus-project\""_L1))
        fragment = mime->text().toUtf8();
    if (fragment.isEmpty())
        return;
    // Each paste of the same copy lands a step further, so copies never hide each other.
    ++mPasteCount;
    const Result<QList<NodeId>> pasted = mScene->project()->pasteNodes(fragment, QPointF(40, 40) * mPasteCount);
    if (!pasted)
        emit mScene->statusMessage(pasted.errorMessage());
    mScene->selectNodes(pasted.valueOr({}));
}

void CanvasView::duplicateSelection()
{
    const QList<NodeId> nodes = mScene->selectedNodes();
    if (nodes.isEmpty() || !mScene->project())
        return;
    mScene->selectNodes(
        mScene->project()->pasteNodes(mScene->project()->copyNodes(nodes), QPointF(40, 40)).valueOr({}));
}

void CanvasView::autoLayout()
{
    if (!mScene->project())
        return;
    mScene->project()->arrangeNodes(AutoLayout::compute(mScene->project()->architecture()), tr("Auto Layout"));
    fitToView();
}

void CanvasView::renameSelected()
{
    const QList<NodeId> selected = mScene->selectedNodes();
    if (selected.size() != 1 || !mScene->project())
        return;
    NodeItem *item = mScene->nodeItem(selected.first());
    finishRename(false);
    mRenaming = selected.first();
    mRenameEditor = new QLineEdit(viewport());
    mRenameEditor->setObjectName(u"renameEditor"_s);
    mRenameEditor->setText(item->name());
    mRenameEditor->selectAll();
    const QRect where = mapFromScene(item->mapToScene(item->nameRect())).boundingRect();
    mRenameEditor->setGeometry(where.adjusted(-4, -4, 4, 4));
    mRenameEditor->show();
    mRenameEditor->setFocus();
    connect(mRenameEditor, &QLineEdit::returnPressed, this, [this] { finishRename(true); });
    connect(mRenameEditor, &QLineEdit::editingFinished, this, [this] { finishRename(true); });
}

void CanvasView::finishRename(bool commit)
{
    if (!mRenameEditor)
        return;
    QLineEdit *editor = mRenameEditor;
    mRenameEditor = nullptr;
    const NodeId id = mRenaming;
    mRenaming = kInvalidNodeId;
    if (commit && mScene->project()) {
        if (const Result<void> renamed = mScene->project()->renameNode(id, editor->text().trimmed()); !renamed)
            emit mScene->statusMessage(renamed.errorMessage());
    }
    editor->hide();
    editor->deleteLater();
    setFocus();
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    if (mRenameEditor && event->key() == Qt::Key_Escape) {
        finishRename(false);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            mSpaceHeld = true;
            setDragMode(NoDrag);
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    case Qt::Key_Escape: mScene->clearSelection(); return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        mSpaceHeld = false;
        setDragMode(RubberBandDrag);
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    mFitPending = false;
    if (event->button() == Qt::MiddleButton || (mSpaceHeld && event->button() == Qt::LeftButton)) {
        mPanning = true;
        mPanStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (mPanning) {
        const QPoint delta = event->position().toPoint() - mPanStart;
        mPanStart = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (mPanning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        mPanning = false;
        if (mSpaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Double-clicking a node's name renames it in place.
    QGraphicsItem *item = itemAt(event->position().toPoint());
    if (item && item->type() == NodeItem::Type) {
        auto *node = static_cast<NodeItem *>(item);
        if (node->nameRect().contains(node->mapFromScene(mapToScene(event->position().toPoint())))) {
            mScene->selectNodes({node->nodeId()});
            renameSelected();
            return;
        }
        mScene->selectNodes({node->nodeId()});
        emit nodeDoubleClicked(node->nodeId());
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

bool CanvasView::acceptsDrop(const QMimeData *mime) const
{
    if (mime->hasFormat(QLatin1String(kKindMimeType)))
        return mScene->project() != nullptr;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(), isProjectFile);
    return false;
}

void CanvasView::dragEnterEvent(QDragEnterEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void CanvasView::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void CanvasView::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(QLatin1String(kKindMimeType)) && mScene->project()) {
        const QString kind = QString::fromUtf8(mime->data(QLatin1String(kKindMimeType)));
        // The node's centre lands where the pointer is.
        const QPointF at = mapToScene(event->position().toPoint());
        const Result<NodeId> id = mScene->project()->addNode(kind,
                                                             at - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2));
        if (!id) {
            emit mScene->statusMessage(id.errorMessage());
            event->ignore();
            return;
        }
        mScene->selectNodes({*id});
        setFocus();
        event->acceptProposedAction();
        return;
    }
    QStringList paths;
    for (const QUrl &url : mime->urls())
        if (isProjectFile(url))
            paths.append(url.toLocalFile());
    if (!paths.isEmpty()) {
        emit filesDropped(paths);
        event->acceptProposedAction();
    }
}

} // namespace Nimbus
