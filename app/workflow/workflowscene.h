#pragma once

#include "workflowlayout.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHash>
#include <QIcon>

class QGraphicsPathItem;

namespace Nimbus {

// How a state fared in the execution shown.
enum class StateRun { None, Entered, Succeeded, Failed, Caught };

// The graph of a state machine, drawn from its WorkflowLayout: a box per state (its
// type's colour and icon, its name, a badge for its problems, its colour in the execution
// shown), frames for branches and iterators, labelled arrows, the Start and End markers.
// Selection is by state path. A drag from a state's handle (the dot under it) to another
// state asks to connect them; nothing here edits the definition.
class WorkflowScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit WorkflowScene(QObject *parent = nullptr);

    // Draws definition; the selection stays on the state of the same path.
    void setDefinition(const QJsonObject &definition);
    const WorkflowLayout &layout() const { return mLayout; }

    // Problems per state path: errors and warnings.
    void setProblems(const QHash<QString, QPair<int, int>> &problems);
    QPair<int, int> problems(const QString &path) const { return mProblems.value(path); }
    // The execution shown, by state name (names are unique in a machine).
    void setRuns(const QHash<QString, StateRun> &runs);
    StateRun run(const QString &name) const { return mRuns.value(name); }

    QString selectedState() const;
    void selectState(const QString &path);
    // Where a state's box is, for tests and for the view.
    QRectF stateRect(const QString &path) const;
    QPointF handlePosition(const QString &path) const;

    static QColor typeColour(const QString &type);
    static void paintIcon(QPainter *painter, const QRectF &rect, const QString &type, const QColor &colour);
    static QColor runColour(StateRun run);

signals:
    void connectRequested(const QString &from, const QString &to);
    void stateSelected(const QString &path);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    QString handleAt(const QPointF &point) const;

    WorkflowLayout mLayout;
    QHash<QString, QPair<int, int>> mProblems;
    QHash<QString, StateRun> mRuns;
    QString mConnectFrom;
    QGraphicsPathItem *mConnectLine = nullptr;
};

// The view of the graph: drops from the state palette, Delete, Ctrl+wheel zoom.
class WorkflowView : public QGraphicsView
{
    Q_OBJECT

public:
    static const char *const kStateMimeType;

    explicit WorkflowView(WorkflowScene *scene, QWidget *parent = nullptr);
    WorkflowScene *graph() const { return mScene; }
    void fit();

signals:
    void stateDropped(const QString &type, const QPointF &scenePosition);
    void deleteRequested(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    WorkflowScene *mScene;
};

} // namespace Nimbus
