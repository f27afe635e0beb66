#pragma once

#include "model/diagnostic.h"
#include "model/edge.h"
#include "model/node.h"
#include "projectview.h"

#include "document/project.h"
#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <QPointer>

#include <functional>

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;
class QPixmap;

namespace Nimbus {

class EdgeItem;
class NodeItem;

// Mirrors a project's architecture as graphics items. It owns no data: user gestures
// (moving, connecting) become commands on the project's undo stack, and items change
// only when the model says so. A press on a port, of any node, selected or not, drags
// a connection (from an input port, backwards to its source); any other drag that
// moves nodes is one undo step, whichever item Qt's own hit test picked.
class CanvasScene : public QGraphicsScene, public ProjectView
{
    Q_OBJECT

public:
    explicit CanvasScene(QObject *parent = nullptr);

    // The project's design as the canvas draws it, fitted into size (logical pixels) on
    // white; blank without a project.
    static QPixmap thumbnail(Project *project, QSize size, qreal devicePixelRatio);

    NodeItem *nodeItem(NodeId id) const { return mNodes.value(id); }
    EdgeItem *edgeItem(EdgeId id) const { return mEdges.value(id); }
    QList<NodeId> selectedNodes() const;
    QList<EdgeId> selectedEdges() const;
    void selectNodes(const QList<NodeId> &ids);
    // The nodes whose bounding rectangles meet rect, in no particular order: what a
    // connection's route asks for, answered from a grid of the nodes alone rather than
    // the scene's index, where long connections fill many cells.
    QList<NodeItem *> nodesIn(const QRectF &rect) const;

    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    // Monthly cost per function, shown on its node; nodes not listed show none.
    void setCostBadges(const QHash<NodeId, QString> &badges);
    void setSnapToGrid(bool snap);
    bool snapToGrid() const { return mGrid > 0; }
    static constexpr qreal kGridSize = 20;

    // Picks one of several allowed connection types (a menu by default; tests replace it).
    using TypeChooser = std::function<QString(const QStringList &types, QPointF scenePos)>;
    void setTypeChooser(TypeChooser chooser) { mChooseType = std::move(chooser); }

    // A design bigger than this many nodes and connections is drawn a slice at a time,
    // between events, so that the window stays alive and the drawing can be abandoned.
    static constexpr int kIncrementalThreshold = 1500;
    bool isBuilding() const { return !mPendingNodes.isEmpty() || !mPendingEdges.isEmpty(); }

signals:
    void statusMessage(const QString &message);
    // While a big design is drawn: items done of total; then finished.
    void buildProgress(int done, int total);
    void buildFinished();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void projectChanged(Project *previous) override;
    void rebuild();
    void buildSlice();
    void addNodeItem(NodeId id);
    void removeNodeItem(NodeId id);
    void addEdgeItem(EdgeId id);
    // The label and tooltip of a connection's item, from its type, meaning and properties.
    void describeEdge(EdgeItem *item, const Edge &edge) const;
    void removeEdgeItem(EdgeId id);
    void updateEdgesOf(NodeId id);
    // Files a node in the grid of nodesIn() where it now is (nowhere when it goes).
    void placeInGrid(NodeItem *item, bool present = true);
    NodeItem *nodeAt(QPointF scenePos) const;
    // The node with a port at scenePos, nullptr if none has.
    NodeItem *nodeWithPortAt(QPointF scenePos) const;
    // Hands the nodes the user moved to the project: steps that merge while the drag goes
    // on, then the one that closes it.
    void commitMoves(bool finished);

    // Connection dragging, from mConnectFrom's output port, or its input port backwards.
    void beginConnection(NodeItem *from, bool backwards);
    void updateConnection(QPointF scenePos);
    void finishConnection(QPointF scenePos);
    void endConnection();
    bool dragConnection(QGraphicsSceneMouseEvent *event);
    QStringList allowedTypes(NodeItem *from, NodeItem *to) const;
    // Source and target of a connection between the dragged port and other.
    std::pair<NodeItem *, NodeItem *> ends(NodeItem *other) const;
    QString refusal(NodeItem *other) const;

    QHash<NodeId, NodeItem *> mNodes;
    QList<NodeId> mPendingNodes; // still to draw, for a big design
    QList<EdgeId> mPendingEdges;
    int mBuildTotal = 0;
    QList<Diagnostic> mDiagnostics;
    QHash<NodeId, QString> mBadges;
    QHash<EdgeId, EdgeItem *> mEdges;
    QMultiHash<NodeId, EdgeItem *> mEdgesByNode;
    static constexpr qreal kGridCell = 512;
    QHash<quint64, QList<NodeItem *>> mNodeGrid; // by cell (column, row)
    QHash<NodeItem *, QRect> mGridCells; // the cells each node is filed in
    bool mSyncing = false; // applying a model change to items
    qreal mGrid = 0;

    // Nodes whose items the user moved since the press, not yet closed as an undo step.
    QSet<NodeId> mUserMoved;

    NodeItem *mConnectFrom = nullptr;
    bool mConnectBackwards = false;
    QGraphicsPathItem *mConnectPath = nullptr;
    QGraphicsSimpleTextItem *mConnectHint = nullptr;
    TypeChooser mChooseType;
};

} // namespace Nimbus
