#include "canvasview.h"
#include "theme.h"

#include "canvasscene.h"
#include "document/project.h"
#include "model/autolayout.h"
#include "model/catalog.h"
#include "nodeitem.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QUrl>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace Nimbus {

const char *const CanvasView::kKindMimeType = "application/x-nimbus-node-kind";
const char *const CanvasView::kFragmentMimeType = "application/x-nimbus-fragment";

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 4.0;
// The canvas reaches this far around the origin at least, further for a design bigger.
const QRectF kCanvasArea(-50000, -50000, 100000, 100000);

// The height of a node's name at 100 %: a node draws it in the view's font, bold
// (NodeItem::paint).
qreal nameHeight(QWidget *viewport)
{
    QFont font = viewport->font();
    font.setBold(true);
    return QFontMetricsF(font, viewport).height();
}

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
    setSceneRect(kCanvasArea);
    // Cards keep a cached picture of themselves: a theme switch draws them all again.
    Theme::onPaletteChange(this, [this] {
        for (QGraphicsItem *item : mScene->items())
            item->update();
        mScene->update();
    });
}

void CanvasView::setZoom(qreal value)
{
    mInitialViewPending = false;
    setScale(std::clamp(value, kMinZoom, kMaxZoom));
}

void CanvasView::setScale(qreal value)
{
    if (qFuzzyCompare(value, zoom()))
        return;
    setTransform(QTransform::fromScale(value, value));
    emit zoomChanged(value);
}

qreal CanvasView::labelHeight() const
{
    return nameHeight(viewport()) * zoom();
}

qreal CanvasView::legibleZoom() const
{
    return std::clamp(kMinLabelHeight / nameHeight(viewport()), kMinZoom, 1.0);
}

QRectF CanvasView::designBounds() const
{
    // The nodes, not every item: a connection that loops back bulges far out of the design.
    QRectF bounds;
    if (mScene->project())
        for (const auto &[id, node] : mScene->project()->architecture().nodes())
            if (const NodeItem *item = mScene->nodeItem(id))
                bounds |= item->sceneBoundingRect();
    if (bounds.isEmpty())
        return {};
    return bounds.adjusted(-40, -40, 40, 40);
}

qreal CanvasView::fitZoom() const
{
    const QRectF bounds = designBounds();
    if (bounds.isEmpty())
        return 1.0;
    // The margin QGraphicsView::fitInView leaves.
    const QRectF room = QRectF(viewport()->rect()).adjusted(2, 2, -2, -2);
    return std::min(room.width() / bounds.width(), room.height() / bounds.height());
}

QList<NodeId> CanvasView::entryPoints() const
{
    QList<NodeId> entries;
    if (!mScene->project())
        return entries;
    const Architecture &design = mScene->project()->architecture();
    QSet<NodeId> targets;
    for (const auto &[id, edge] : design.edges())
        targets.insert(edge.to);
    for (const auto &[id, node] : design.nodes())
        if (!targets.contains(id))
            entries.append(id);
    return entries;
}

void CanvasView::showEntryPoints(qreal value)
{
    setScale(value);
    const QRectF design = designBounds();
    QRectF entries;
    for (NodeId id : entryPoints())
        if (const NodeItem *item = mScene->nodeItem(id))
            entries |= item->sceneBoundingRect();
    if (entries.isEmpty())
        entries = design;
    const QSizeF visible = QSizeF(viewport()->size()) / value;
    // Entry points spread wider than the view show from the first (top, left), where one
    // starts reading, rather than cut in their middle.
    const auto first = [](qreal low, qreal high, qreal span) {
        const qreal margin = 24;
        return high - low <= span ? (low + high) / 2 : low - margin + span / 2;
    };
    // Along an axis where the design is bigger than the view, the entry points show at the
    // design's edge rather than in the middle of empty canvas.
    const auto along = [](qreal entry, qreal low, qreal high, qreal span) {
        return high - low <= span ? (low + high) / 2 : std::clamp(entry, low + span / 2, high - span / 2);
    };
    centerOn(
        along(first(entries.left(), entries.right(), visible.width()), design.left(), design.right(), visible.width()),
        along(first(entries.top(), entries.bottom(), visible.height()), design.top(), design.bottom(),
              visible.height()));
}

void CanvasView::fitToView()
{
    // Fit to View fits, but not below a legible zoom: a design bigger than that shows its
    // entry points at the smallest legible zoom. Asked again from there, it fits it whole.
    mInitialViewPending = false;
    reachDesign();
    const QPointF centre = mapToScene(viewport()->rect().center());
    const bool again = mLegibleFit && qFuzzyCompare(zoom(), mLegibleFit->first)
                       && QLineF(centre, mLegibleFit->second).length() < 1.0;
    mLegibleFit.reset();
    const qreal fit = std::min(fitZoom(), 1.0);
    if (again && fit < legibleZoom() && !designBounds().isEmpty()) {
        setScale(fit);
        centerOn(designBounds().center());
        return;
    }
    showDesign(legibleZoom());
    if (fit < legibleZoom())
        mLegibleFit = std::make_pair(zoom(), mapToScene(viewport()->rect().center()));
}

void CanvasView::showDesign(qreal fallbackZoom)
{
    const QRectF bounds = designBounds();
    // Never magnify a small diagram beyond its natural size.
    const qreal fit = std::min(fitZoom(), 1.0);
    if (bounds.isEmpty()) {
        setScale(1.0);
        centerOn(0, 0);
    } else if (fit < legibleZoom()) {
        showEntryPoints(fallbackZoom);
    } else {
        setScale(fit);
        centerOn(bounds.center());
    }
}

void CanvasView::reachDesign()
{
    const QRectF design = designBounds();
    if (design.isEmpty() || kCanvasArea.contains(design))
        setSceneRect(kCanvasArea);
    else
        setSceneRect(kCanvasArea.united(design.adjusted(-5000, -5000, 5000, 5000)));
}

void CanvasView::projectOpened()
{
    reachDesign();
    disconnect(mDesignChanges);
    if (mScene->project())
        mDesignChanges = connect(&mScene->project()->architecture(), &Architecture::changed, this,
                                 &CanvasView::updateHint);
    updateHint();
    // Until the user zooms, pans or edits, the view keeps this as the window and its docks
    // settle into their sizes.
    mInitialViewPending = true;
    if (isVisible() && viewport()->width() > 100)
        showDesign(1.0);
}

void CanvasView::setCommandPaletteShortcut(const QKeySequence &keys)
{
    mPaletteKeys = keys;
    if (mHintShown)
        viewport()->update();
}

bool CanvasView::isHintShown() const
{
    return mScene->project() && mScene->project()->architecture().nodeCount() == 0;
}

QString CanvasView::hintText() const
{
    QString text = tr("Drag a trigger from the palette to start");
    if (!mPaletteKeys.isEmpty())
        text += '\n'_L1 + tr("or press %1 to find any command").arg(mPaletteKeys.toString(QKeySequence::NativeText));
    return text;
}

QRect CanvasView::hintRect() const
{
    const QRect area = viewport()->rect();
    QRect rect(0, 0, std::min(area.width() - 32, 640), fontMetrics().height() * 4);
    rect.moveCenter(area.center());
    return rect;
}

void CanvasView::updateHint()
{
    // The hint is fixed to the viewport: it goes or comes as a whole.
    if (isHintShown() != mHintShown)
        viewport()->update();
}

void CanvasView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    mHintShown = isHintShown();
    if (!mHintShown)
        return;
    const QStringList lines = hintText().split('\n'_L1);
    const QRect where = hintRect();
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    painter->setFont(title);
    // The title just above the middle, the shortcut just below.
    QRect top = where;
    top.setBottom(where.center().y() - 2);
    painter->drawText(top, Qt::AlignHCenter | Qt::AlignBottom, lines.first());
    painter->setFont(font());
    if (lines.size() > 1)
        painter->drawText(where.adjusted(0, where.height() / 2 + 4, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
                          lines.at(1));
    painter->restore();
}

void CanvasView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // Scrolling moves the pixels drawn so far: the hint, fixed to the viewport, is redrawn.
    if (mHintShown)
        viewport()->update();
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (mInitialViewPending && viewport()->width() > 100)
        showDesign(1.0);
}

void CanvasView::centreOn(NodeId id)
{
    if (NodeItem *item = mScene->nodeItem(id)) {
        mScene->selectNodes({id});
        centerOn(item);
    }
}

void CanvasView::reveal(NodeId id)
{
    if (NodeItem *item = mScene->nodeItem(id)) {
        mScene->selectNodes({id});
        ensureVisible(item, 40, 40);
    }
}

void CanvasView::bringIntoView(NodeId id)
{
    if (NodeItem *item = mScene->nodeItem(id))
        ensureVisible(item, 40, 40);
}

void CanvasView::addNodeAtCentre(const QString &kindId)
{
    if (!mScene->project())
        return;
    mInitialViewPending = false;
    const QPointF centre = mapToScene(viewport()->rect().center());
    const Result<NodeId> id = mScene->project()->addNode(kindId,
                                                         centre - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2));
    if (id)
        mScene->selectNodes({*id});
}

void CanvasView::deleteSelection()
{
    Project *project = mScene->project();
    if (!project)
        return;
    const QList<NodeId> nodes = mScene->selectedNodes();
    QList<EdgeId> ids = mScene->selectedEdges();
    for (NodeId node : nodes)
        ids += project->architecture().edgesOf(node);
    QList<Edge> edges;
    for (EdgeId id : std::as_const(ids)) {
        const Edge *edge = project->architecture().edge(id);
        if (edge && !nodes.contains(edge->from) && !edges.contains(*edge))
            edges.append(*edge);
    }
    project->removeItems(nodes, mScene->selectedEdges());
    if (!edges.isEmpty())
        emit connectionsDeleted(edges);
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
    mInitialViewPending = false;
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
    mInitialViewPending = false;
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
    mInitialViewPending = false;
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
    mInitialViewPending = false;
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

void CanvasView::contextMenuEvent(QContextMenuEvent *event)
{
    QGraphicsItem *item = itemAt(event->pos());
    if (!item || item->type() != NodeItem::Type) {
        QGraphicsView::contextMenuEvent(event);
        return;
    }
    const NodeId id = static_cast<NodeItem *>(item)->nodeId();
    mScene->selectNodes({id});
    QMenu menu(this);
    emit nodeContextMenuRequested(id, &menu);
    if (!menu.isEmpty())
        menu.exec(event->globalPos());
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Double-clicking a node with code (a function) opens its code, wherever it is hit;
    // on another node's name it renames it in place (F2 renames any node).
    QGraphicsItem *item = itemAt(event->position().toPoint());
    if (item && item->type() == NodeItem::Type) {
        auto *node = static_cast<NodeItem *>(item);
        const NodeKind *kind = mScene->project() ? mScene->project()->catalog().kind(node->kindId()) : nullptr;
        const bool hasCode = kind && kind->code.isValid();
        if (!hasCode && node->nameRect().contains(node->mapFromScene(mapToScene(event->position().toPoint())))) {
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
        mInitialViewPending = false;
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
