#pragma once

#include "model/node.h"

#include <QGraphicsView>
#include <QLineEdit>
#include <QPointer>

class QLineEdit;
class QMimeData;

namespace Nimbus {

class CanvasScene;

// The view of the canvas: zoom (Ctrl+wheel, keys), pan (middle button, Space+drag),
// rubber-band and Ctrl-click selection, drops from the palette, rename in place.
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
    void fitToView();
    // Fits once the view has its real size (right after opening a project).
    void requestFit();
    void centreOn(NodeId id);

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

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool acceptsDrop(const QMimeData *mime) const;
    void finishRename(bool commit);

    CanvasScene *mScene;
    bool mFitPending = false;
    bool mSpaceHeld = false;
    bool mPanning = false;
    QPoint mPanStart;
    int mPasteCount = 0;
    QPointer<QLineEdit> mRenameEditor;
    NodeId mRenaming = kInvalidNodeId;
};

} // namespace Nimbus
