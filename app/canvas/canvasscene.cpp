#include "canvasscene.h"

#include <QElapsedTimer>

#include <QTimer>

#include "document/project.h"
#include "edgeitem.h"
#include "model/catalog.h"
#include "nodeitem.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMenu>
#include <QPainter>
#include <QPixmap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

CanvasScene::CanvasScene(QObject *parent) : QGraphicsScene(parent)
{
    setItemIndexMethod(BspTreeIndex);
    mChooseType = [this](const QStringList &types, QPointF scenePos) -> QString {
        QMenu menu;
        menu.setTitle(tr("Connection"));
        for (const QString &t : types)
            menu.addAction(t)->setData(t);
        QPoint at = QCursor::pos();
        if (!views().isEmpty()) {
            QGraphicsView *view = views().first();
            at = view->viewport()->mapToGlobal(view->mapFromScene(scenePos));
        }
        QAction *chosen = menu.exec(at);
        return chosen ? chosen->data().toString() : QString();
    };
}

QPixmap CanvasScene::thumbnail(Project *project, QSize size, qreal devicePixelRatio)
{
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::white);
    if (!project)
        return pixmap;
    CanvasScene scene;
    scene.setProject(project);
    const QRectF area = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), area, Qt::KeepAspectRatio);
    painter.end();
    scene.setProject(nullptr);
    return pixmap;
}

void CanvasScene::projectChanged(Project *previous)
{
    if (previous)
        disconnect(&previous->architecture(), nullptr, this, nullptr);
    if (project()) {
        Architecture *a = &project()->architecture();
        connect(a, &Architecture::nodeAdded, this, &CanvasScene::addNodeItem);
        connect(a, &Architecture::nodeAboutToBeRemoved, this, &CanvasScene::removeNodeItem);
        connect(a, &Architecture::edgeAdded, this, &CanvasScene::addEdgeItem);
        connect(a, &Architecture::edgeAboutToBeRemoved, this, &CanvasScene::removeEdgeItem);
        connect(a, &Architecture::edgePropertyChanged, this, [this](EdgeId id) {
            const Edge *edge = project()->architecture().edge(id);
            if (EdgeItem *item = mEdges.value(id); item && edge)
                describeEdge(item, *edge);
        });
        connect(a, &Architecture::modelReset, this, &CanvasScene::rebuild);
        connect(a, &Architecture::nodeMoved, this, [this](NodeId id, QPointF position) {
            if (NodeItem *item = mNodes.value(id); item && item->pos() != position) {
                mSyncing = true;
                const qreal grid = mGrid;
                item->setSnapToGrid(0); // the model's position is the truth
                item->setPos(position);
                item->setSnapToGrid(grid);
                mSyncing = false;
            }
            // The connections it now stands in the way of go round it.
            if (NodeItem *item = mNodes.value(id))
                EdgeItem::rerouteAcross(item);
        });
        connect(a, &Architecture::nodeRenamed, this, [this](NodeId id, const QString &name) {
            if (NodeItem *item = mNodes.value(id))
                item->setName(name);
        });
        connect(a, &Architecture::nodePropertyChanged, this, [this](NodeId id) {
            const Node *node = project()->architecture().node(id);
            if (NodeItem *item = mNodes.value(id); item && node) {
                item->setDetail(NodeItem::detailFor(*node, project()->catalog().kind(node->kind)));
                item->setFaults(NodeItem::faultsFor(*node));
            }
        });
    }
    rebuild();
}

void CanvasScene::rebuild()
{
    endConnection();
    clear();
    mUserMoved.clear();
    mNodes.clear();
    mEdges.clear();
    mEdgesByNode.clear();
    mNodeGrid.clear();
    mGridCells.clear();
    mPendingNodes.clear();
    mPendingEdges.clear();
    if (!project())
        return;
    const Architecture &a = project()->architecture();
    if (int(a.nodeCount() + a.edgeCount()) <= kIncrementalThreshold) {
        for (const auto &[id, node] : a.nodes())
            addNodeItem(id);
        for (const auto &[id, edge] : a.edges())
            addEdgeItem(id);
        return;
    }
    for (const auto &[id, node] : a.nodes())
        mPendingNodes.append(id);
    for (const auto &[id, edge] : a.edges())
        mPendingEdges.append(id);
    mBuildTotal = int(mPendingNodes.size() + mPendingEdges.size());
    emit buildProgress(0, mBuildTotal);
    QTimer::singleShot(0, this, &CanvasScene::buildSlice);
}

void CanvasScene::buildSlice()
{
    if (!project() || !isBuilding())
        return;
    // About 30 ms of drawing, then the event loop runs again.
    QElapsedTimer slice;
    slice.start();
    const Architecture &a = project()->architecture();
    while (isBuilding() && slice.elapsed() < 30) {
        if (!mPendingNodes.isEmpty()) {
            const NodeId id = mPendingNodes.takeFirst();
            if (a.node(id) && !mNodes.contains(id))
                addNodeItem(id);
        } else {
            const EdgeId id = mPendingEdges.takeFirst();
            if (a.edge(id) && !mEdges.contains(id))
                addEdgeItem(id);
        }
    }
    emit buildProgress(mBuildTotal - int(mPendingNodes.size() + mPendingEdges.size()), mBuildTotal);
    if (isBuilding()) {
        QTimer::singleShot(0, this, &CanvasScene::buildSlice);
        return;
    }
    setDiagnostics(QList<Diagnostic>(mDiagnostics));
    setCostBadges(QHash<NodeId, QString>(mBadges));
    emit buildFinished();
}

void CanvasScene::addNodeItem(NodeId id)
{
    const Node *node = project()->architecture().node(id);
    const Catalog &catalog = project()->catalog();
    const NodeKind *kind = catalog.kind(node->kind);
    bool hasInput = false;
    bool hasOutput = false;
    for (const EdgeRule &rule : catalog.rules()) {
        hasInput = hasInput || rule.to == node->kind;
        hasOutput = hasOutput || rule.from == node->kind;
    }
    auto *item = new NodeItem(id, kind, hasInput, hasOutput);
    item->setName(node->name);
    item->setDetail(NodeItem::detailFor(*node, kind));
    item->setFaults(NodeItem::faultsFor(*node));
    item->setPos(node->position);
    item->setSnapToGrid(mGrid);
    connect(item, &NodeItem::geometryChanged, this, [this, id, item] {
        placeInGrid(item);
        updateEdgesOf(id);
        // Not the model's doing: Qt moved the item under the pointer (and the selection with it).
        if (!mSyncing)
            mUserMoved.insert(id);
    });
    addItem(item);
    mNodes.insert(id, item);
    placeInGrid(item);
    if (!mEdges.isEmpty()) // a node dropped later: the connections behind it go round it
        EdgeItem::rerouteAcross(item);
}

void CanvasScene::removeNodeItem(NodeId id)
{
    NodeItem *item = mNodes.take(id);
    if (item == mConnectFrom)
        endConnection();
    // The connections that went round it take the short way again.
    const QSet<EdgeItem *> detours = item ? item->detours() : QSet<EdgeItem *>();
    if (item)
        placeInGrid(item, false);
    delete item;
    for (EdgeItem *edge : detours)
        edge->updatePath();
}

void CanvasScene::addEdgeItem(EdgeId id)
{
    const Edge *edge = project()->architecture().edge(id);
    NodeItem *from = mNodes.value(edge->from);
    NodeItem *to = mNodes.value(edge->to);
    if (!from || !to)
        return;
    const EdgeType *type = project()->catalog().edgeType(edge->type);
    auto *item = new EdgeItem(id, type ? Catalog::text(type->label) : edge->type, from, to);
    item->setLook(EdgeItem::lookOf(edge->type));
    describeEdge(item, *edge);
    addItem(item);
    mEdges.insert(id, item);
    mEdgesByNode.insert(edge->from, item);
    mEdgesByNode.insert(edge->to, item);
}

void CanvasScene::describeEdge(EdgeItem *item, const Edge &edge) const
{
    const Catalog &catalog = project()->catalog();
    const Node *from = project()->architecture().node(edge.from);
    const Node *to = project()->architecture().node(edge.to);
    const EdgeType *type = catalog.edgeType(edge.type);
    const QString typeLabel = type ? Catalog::text(type->label) : edge.type;
    const EdgeRule *rule = from && to ? catalog.rule(from->kind, to->kind, edge.type) : nullptr;
    // A subscription that filters, or delivers raw, says so on the line.
    QString label = typeLabel;
    const QJsonObject properties = from && to ? catalog.edgeProperties(from->kind, to->kind, edge.type, edge.properties)
                                              : QJsonObject();
    const QString policy = properties.value("filterPolicy"_L1).toString().trimmed();
    if (!policy.isEmpty())
        label = tr("%1, filtered").arg(label);
    if (properties.value("rawMessageDelivery"_L1).toBool())
        label = tr("%1, raw").arg(label);
    item->setLabel(label);
    // The catalog's meaning of this connection, e.g. "delivers messages in batches (SQS event)".
    QString tip = rule ? u"%1: %2"_s.arg(typeLabel, Catalog::text(rule->meaning)) : QString();
    if (!policy.isEmpty())
        tip += u"\n"_s + tr("Filter policy (%1): %2").arg(properties.value("filterPolicyScope"_L1).toString(), policy);
    item->setToolTip(tip);
}

void CanvasScene::removeEdgeItem(EdgeId id)
{
    EdgeItem *item = mEdges.take(id);
    if (!item)
        return;
    for (auto it = mEdgesByNode.begin(); it != mEdgesByNode.end();)
        it = it.value() == item ? mEdgesByNode.erase(it) : std::next(it);
    delete item;
}

void CanvasScene::updateEdgesOf(NodeId id)
{
    const auto range = mEdgesByNode.equal_range(id);
    for (auto it = range.first; it != range.second; ++it)
        it.value()->updatePath();
}

namespace {
quint64 cellKey(int column, int row)
{
    return (quint64(quint32(column)) << 32) | quint32(row);
}

QRect cellsOf(const QRectF &rect, qreal cell)
{
    const QPoint first(int(std::floor(rect.left() / cell)), int(std::floor(rect.top() / cell)));
    const QPoint last(int(std::floor(rect.right() / cell)), int(std::floor(rect.bottom() / cell)));
    return QRect(first, last);
}
} // namespace

void CanvasScene::placeInGrid(NodeItem *item, bool present)
{
    const QRect cells = present ? cellsOf(item->sceneBoundingRect(), kGridCell) : QRect();
    const auto filed = mGridCells.constFind(item);
    if (filed != mGridCells.cend()) {
        if (filed.value() == cells)
            return;
        for (int column = filed->left(); column <= filed->right(); ++column)
            for (int row = filed->top(); row <= filed->bottom(); ++row)
                mNodeGrid[cellKey(column, row)].removeOne(item);
    }
    if (!present) {
        mGridCells.remove(item);
        return;
    }
    mGridCells.insert(item, cells);
    for (int column = cells.left(); column <= cells.right(); ++column)
        for (int row = cells.top(); row <= cells.bottom(); ++row)
            mNodeGrid[cellKey(column, row)].append(item);
}

QList<NodeItem *> CanvasScene::nodesIn(const QRectF &rect) const
{
    QList<NodeItem *> found;
    const QRect cells = cellsOf(rect, kGridCell);
    // A rectangle wider than the design asks no more cells than the design has.
    if (qint64(cells.width()) * cells.height() > mNodeGrid.size()) {
        for (auto it = mGridCells.cbegin(); it != mGridCells.cend(); ++it)
            if (it.key()->sceneBoundingRect().intersects(rect))
                found.append(it.key());
        return found;
    }
    for (int column = cells.left(); column <= cells.right(); ++column) {
        for (int row = cells.top(); row <= cells.bottom(); ++row) {
            const auto it = mNodeGrid.constFind(cellKey(column, row));
            if (it == mNodeGrid.cend())
                continue;
            for (NodeItem *item : it.value())
                if (!found.contains(item) && item->sceneBoundingRect().intersects(rect))
                    found.append(item);
        }
    }
    return found;
}

namespace {
// The ids, in order, of the Items among items (NodeItem or EdgeItem), read with id.
template<typename Item, typename Id>
QList<Id> idsOf(const QList<QGraphicsItem *> &items, Id (Item::*id)() const)
{
    QList<Id> ids;
    for (QGraphicsItem *item : items)
        if (item->type() == Item::Type)
            ids.append((static_cast<Item *>(item)->*id)());
    std::sort(ids.begin(), ids.end());
    return ids;
}
} // namespace

QList<NodeId> CanvasScene::selectedNodes() const
{
    return idsOf(selectedItems(), &NodeItem::nodeId);
}

QList<EdgeId> CanvasScene::selectedEdges() const
{
    return idsOf(selectedItems(), &EdgeItem::edgeId);
}

void CanvasScene::selectNodes(const QList<NodeId> &ids)
{
    clearSelection();
    for (NodeId id : ids)
        if (NodeItem *item = mNodes.value(id))
            item->setSelected(true);
}

void CanvasScene::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    mDiagnostics = diagnostics; // for the items of a big design drawn later
    QHash<NodeId, Diagnostic::Severity> worst;
    QHash<NodeId, QStringList> messages;
    for (const Diagnostic &d : diagnostics) {
        for (NodeId id : d.nodes) {
            if (!worst.contains(id) || d.severity < worst.value(id))
                worst.insert(id, d.severity);
            messages[id].append(d.message);
        }
    }
    for (auto it = mNodes.cbegin(); it != mNodes.cend(); ++it) {
        if (worst.contains(it.key()))
            it.value()->setSeverity(worst.value(it.key()), messages.value(it.key()).join('\n'_L1));
        else
            it.value()->setSeverity(std::nullopt, QString());
    }
}

void CanvasScene::setCostBadges(const QHash<NodeId, QString> &badges)
{
    mBadges = badges;
    for (auto it = mNodes.cbegin(); it != mNodes.cend(); ++it)
        it.value()->setCostBadge(badges.value(it.key()));
}

void CanvasScene::setSnapToGrid(bool snap)
{
    mGrid = snap ? kGridSize : 0;
    for (NodeItem *item : std::as_const(mNodes))
        item->setSnapToGrid(mGrid);
    update();
}

NodeItem *CanvasScene::nodeAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item);
    return nullptr;
}

NodeItem *CanvasScene::nodeWithPortAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == NodeItem::Type && static_cast<NodeItem *>(item)->portAt(scenePos) != NodeItem::Port::None)
            return static_cast<NodeItem *>(item);
    return nullptr;
}

void CanvasScene::commitMoves(bool finished)
{
    QHash<NodeId, QPointF> positions;
    bool changed = false;
    for (NodeId id : std::as_const(mUserMoved)) {
        const Node *node = project() ? project()->architecture().node(id) : nullptr;
        if (NodeItem *item = mNodes.value(id); item && node) {
            positions.insert(id, item->pos());
            changed = changed || node->position != item->pos();
        }
    }
    if (finished)
        mUserMoved.clear();
    // A finished move closes the steps of its drag (merging into them) even when its last
    // event changed nothing.
    if (changed || (finished && !positions.isEmpty()))
        project()->moveNodes(positions, finished);
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && project()) {
        if (NodeItem *node = nodeWithPortAt(event->scenePos())) {
            beginConnection(node, node->portAt(event->scenePos()) == NodeItem::Port::Input);
            event->accept();
            return;
        }
        commitMoves(true); // whatever moved outside a drag is a step of its own
    }
    QGraphicsScene::mousePressEvent(event);
}

// While a connection is dragged the scene keeps the mouse: a move updates the rubber band,
// the release ends it, and no item moves or is selected meanwhile.
bool CanvasScene::dragConnection(QGraphicsSceneMouseEvent *event)
{
    if (!mConnectFrom)
        return false;
    event->accept();
    if (event->type() != QEvent::GraphicsSceneMouseRelease) {
        updateConnection(event->scenePos());
        return true;
    }
    const QPoint travel = event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton);
    if (travel.manhattanLength() >= QApplication::startDragDistance()) {
        finishConnection(event->scenePos());
        return true;
    }
    // A click on a port, no drag: it selects the node, as a click anywhere on it does.
    const NodeId clicked = mConnectFrom->nodeId();
    endConnection();
    selectNodes({clicked});
    return true;
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (dragConnection(event))
        return;
    QGraphicsScene::mouseMoveEvent(event);
    if (event->buttons() & Qt::LeftButton)
        commitMoves(false);
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (dragConnection(event))
        return;
    QGraphicsScene::mouseReleaseEvent(event);
    if (!(event->buttons() & Qt::LeftButton))
        commitMoves(true); // closes the drag: one undo step
}

QStringList CanvasScene::allowedTypes(NodeItem *from, NodeItem *to) const
{
    QStringList types;
    for (const EdgeRule *rule : project()->catalog().rulesBetween(from->kindId(), to->kindId()))
        if (!project()->architecture().findEdge(from->nodeId(), to->nodeId(), rule->type))
            types.append(rule->type);
    return types;
}

std::pair<NodeItem *, NodeItem *> CanvasScene::ends(NodeItem *other) const
{
    if (mConnectBackwards)
        return {other, mConnectFrom};
    return {mConnectFrom, other};
}

QString CanvasScene::refusal(NodeItem *other) const
{
    const auto [source, target] = ends(other);
    const Catalog &catalog = project()->catalog();
    if (!catalog.rulesBetween(source->kindId(), target->kindId()).isEmpty())
        return tr("already connected");
    return catalog.connectionRefusal(source->kindId(), target->kindId(), catalog.edgeTypes().first().id);
}

void CanvasScene::beginConnection(NodeItem *from, bool backwards)
{
    mConnectFrom = from;
    mConnectBackwards = backwards;
    const QPointF anchor = backwards ? from->inputPort() : from->outputPort();
    mConnectPath = addPath(EdgeItem::curve(anchor, anchor),
                           QPen(QApplication::palette().color(QPalette::Highlight), 2, Qt::DashLine));
    mConnectPath->setZValue(10);
    mConnectHint = addSimpleText(QString());
    mConnectHint->setZValue(11);
    mConnectHint->setBrush(QApplication::palette().color(QPalette::Text));
    // Every node says at once whether it can take this connection.
    for (NodeItem *item : std::as_const(mNodes)) {
        const auto [source, target] = ends(item);
        item->setTargetState(allowedTypes(source, target).isEmpty() ? NodeItem::TargetState::Invalid
                                                                    : NodeItem::TargetState::Valid);
    }
}

void CanvasScene::updateConnection(QPointF scenePos)
{
    const bool backwards = mConnectBackwards;
    NodeItem *other = nodeAt(scenePos);
    QPointF end = scenePos;
    QString hint;
    if (other) {
        const auto [source, target] = ends(other);
        const QStringList types = allowedTypes(source, target);
        if (!types.isEmpty()) {
            end = backwards ? other->outputPort() : other->inputPort();
            hint = types.join(" / "_L1);
        } else if (other != mConnectFrom) {
            hint = refusal(other);
        }
    }
    mConnectPath->setPath(backwards ? EdgeItem::curve(end, mConnectFrom->inputPort())
                                    : EdgeItem::curve(mConnectFrom->outputPort(), end));
    mConnectHint->setText(hint);
    mConnectHint->setPos(scenePos + QPointF(14, 10));
}

void CanvasScene::finishConnection(QPointF scenePos)
{
    NodeItem *other = nodeAt(scenePos);
    const auto [from, target] = other ? ends(other) : std::pair<NodeItem *, NodeItem *>();
    const QStringList types = other ? allowedTypes(from, target) : QStringList();
    const QString refusal = mConnectHint->text();
    NodeItem *origin = mConnectFrom;
    endConnection();
    if (!other || (types.isEmpty() && other == origin)) // back where it started: nothing to say
        return;
    if (types.isEmpty()) {
        emit statusMessage(tr("Cannot connect %1 to %2: %3").arg(from->name(), target->name(), refusal));
        return;
    }
    const QString type = types.size() == 1 ? types.first() : mChooseType(types, scenePos);
    if (type.isEmpty())
        return;
    if (const Result<EdgeId> edge = project()->connectNodes(from->nodeId(), target->nodeId(), type); !edge)
        emit statusMessage(tr("Cannot connect %1 to %2: %3").arg(from->name(), target->name(), edge.errorMessage()));
}

void CanvasScene::endConnection()
{
    if (!mConnectFrom)
        return;
    mConnectFrom = nullptr;
    mConnectBackwards = false;
    delete mConnectPath;
    delete mConnectHint;
    mConnectPath = nullptr;
    mConnectHint = nullptr;
    for (NodeItem *item : std::as_const(mNodes))
        item->setTargetState(NodeItem::TargetState::Neutral);
}

void CanvasScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette palette = QApplication::palette();
    painter->fillRect(rect, palette.color(QPalette::Base));
    // A dot grid; denser feedback when snapping is on.
    const qreal step = kGridSize * (mGrid > 0 ? 1 : 2);
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QColor dot = palette.color(QPalette::Mid);
    dot.setAlpha(mGrid > 0 ? 160 : 90);
    painter->setPen(QPen(dot, 1.5));
    // No grid when zoomed far out: counted before a point is made.
    const qreal columns = std::ceil((rect.right() - left) / step);
    const qreal rows = std::ceil((rect.bottom() - top) / step);
    if (columns * rows >= 40000)
        return;
    QVector<QPointF> points;
    points.reserve(qsizetype(columns * rows));
    for (qreal x = left; x < rect.right(); x += step)
        for (qreal y = top; y < rect.bottom(); y += step)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
}

} // namespace Nimbus
