#pragma once

#include "model/edge.h"
#include "model/node.h"

#include <QGraphicsView>
#include <QKeySequence>
#include <QLineEdit>
#include <QPointer>

#include <optional>
#include <utility>

class QLineEdit;
class QMenu;
class QMimeData;

namespace Nimbus {

class CanvasScene;

// The view of the canvas: zoom (Ctrl+wheel, keys), pan (middle button, Space+drag),
// rubber-band and Ctrl-click selection, drops from the palette, rename in place. It never
// shows a design at a zoom where node names cannot be read unless the user zooms out by
// hand, and an empty design shows a hint where to start.
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    static const char *const kKindMimeType;

    explicit CanvasView(CanvasScene *scene, QWidget *parent = nullptr);

    CanvasScene *canvas() const { return mScene; }
    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal zoom);
    void zoomIn() { setZoom(zoom() * 1.25); }
    void zoomOut() { setZoom(zoom() / 1.25); }
    // Node names are drawn at least this high (pixels on screen) by fitToView and the first view.
    static constexpr qreal kMinLabelHeight = 10;
    // The height of a node's name on screen at the current zoom, in pixels.
    qreal labelHeight() const;
    // The smallest zoom (at most 1) at which node names are kMinLabelHeight high.
    qreal legibleZoom() const;
    // The zoom at which the whole design fits the viewport (1 when it is empty).
    qreal fitZoom() const;
    // Fits the design, capped at 100 %; a design too big to fit legibly is shown at
    // legibleZoom() from its entry points, and the whole of it, however small, when Fit is
    // asked again before the view moves.
    void fitToView();
    // Where the design lies in the scene (its nodes and connections).
    QRectF designBounds() const;
    // For each project made current (and once a big design is drawn): shows it as it opens,
    // once the view has its real size and again as the window settles until the user zooms,
    // pans or edits: the whole design if it fits legibly, else its entry points at 100 %; an
    // empty design at 100 % around the origin, with the hint.
    void projectOpened();
    void centreOn(NodeId id);
    // Selects the node and scrolls only as far as it takes to show it whole.
    void reveal(NodeId id);
    // Scrolls the node into view, selection unchanged.
    void bringIntoView(NodeId id);
    // The nodes where the design's flows start: those no connection leads to.
    QList<NodeId> entryPoints() const;

    // The empty-canvas hint names this shortcut (the command palette's).
    void setCommandPaletteShortcut(const QKeySequence &keys);
    bool isHintShown() const;
    QString hintText() const;
    // Where the hint is drawn, in viewport coordinates.
    QRect hintRect() const;

    // Adds a node of a kind at the centre of what is visible (palette double-click).
    void addNodeAtCentre(const QString &kindId);
    void deleteSelection();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void autoLayout();
    static const char *const kFragmentMimeType;
    void renameSelected();
    QLineEdit *renameEditor() const { return mRenameEditor; }

signals:
    void zoomChanged(qreal zoom);
    void filesDropped(const QStringList &paths);
    // A node was double-clicked outside its name (a function: open its code).
    void nodeDoubleClicked(Nimbus::NodeId id);
    // The user deleted connections (selected ones, or those of deleted nodes whose source
    // stays): for the window's warning about connections a workflow still uses.
    void connectionsDeleted(const QList<Nimbus::Edge> &edges);
    // A node's context menu is about to show: the window adds what it offers for the node
    // to menu, which shows when it has actions.
    void nodeContextMenuRequested(Nimbus::NodeId id, QMenu *menu);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    bool acceptsDrop(const QMimeData *mime) const;
    void finishRename(bool commit);
    // The whole design if it fits legibly, else its entry points at fallbackZoom.
    void showDesign(qreal fallbackZoom);
    // Shows the design at zoom with its entry points in view, the view kept inside the
    // design along each axis where the design is bigger than the view.
    void showEntryPoints(qreal zoom);
    void setScale(qreal zoom);
    void updateHint();
    // Lets the view scroll to every part of the design, however far it spreads.
    void reachDesign();

    CanvasScene *mScene;
    bool mInitialViewPending = false;
    // Where the last Fit left a design too big to fit legibly: a second Fit from there fits it whole.
    std::optional<std::pair<qreal, QPointF>> mLegibleFit;
    bool mHintShown = false; // as last painted
    QMetaObject::Connection mDesignChanges;
    QKeySequence mPaletteKeys;
    bool mSpaceHeld = false;
    bool mPanning = false;
    QPoint mPanStart;
    int mPasteCount = 0;
    QPointer<QLineEdit> mRenameEditor;
    NodeId mRenaming = kInvalidNodeId;
};

} // namespace Nimbus
