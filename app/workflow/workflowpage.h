#pragma once

#include "editor/editorarea.h"
#include "workflow/asldefinition.h"

#include <QJsonObject>

class QLabel;
class QListWidget;
class QTimer;
class QUndoStack;

namespace Nimbus {

class Project;
class StateForm;
class WorkflowRunPanel;
class WorkflowScene;
class WorkflowView;
struct WorkflowHost;

// A state machine's definition in its own tab: the graph of its states beside its ASL
// JSON, kept in step both ways. Graph gestures (a state type dropped from the palette, a
// drag from a state's handle to another, Delete, the inspector's fields) each rewrite the
// JSON as one step of the tab's undo stack; typing in the JSON is re-read 300 ms after the
// last key and redraws the graph. Diagnostics of AslDefinition::validate (and JSON syntax
// errors) show on the lines, in a list under the text and as badges on the states.
// Executions run below (WorkflowRunPanel). Saving writes the file, as for code.
class WorkflowPage : public EditorPage
{
    Q_OBJECT

public:
    WorkflowPage(const QString &path, Project *project, NodeId machine, const WorkflowHost &host,
                 QWidget *parent = nullptr);
    ~WorkflowPage() override;

    NodeId machine() const { return mMachine; }
    QUndoStack *undoStack() const { return mStack; }
    WorkflowScene *graph() const { return mScene; }
    WorkflowView *view() const { return mView; }
    QListWidget *palette() const { return mPalette; }
    QListWidget *diagnosticsList() const { return mDiagnosticsList; }
    StateForm *form() const { return mForm; }
    WorkflowRunPanel *runPanel() const { return mRun; }
    QString message() const;

    // The definition the graph shows: the last text that parsed.
    const QJsonObject &definition() const { return mDefinition; }
    bool textParses() const { return mTextParses; }
    const QList<AslDiagnostic> &diagnostics() const { return mDiagnostics; }
    // Reads the text now rather than after the pause.
    void parseNow();

    bool isModified() const override;

    // The graph's edits, each one undo step (false, with a message, when refused).
    bool addState(const QString &type, const QPointF &scenePosition);
    bool connectStates(const QString &from, const QString &to);
    bool removeState(const QString &path);
    bool renameState(const QString &path, const QString &name);
    bool replaceState(const QString &path, const QJsonObject &state, const QString &text);

    // Puts text in the editor as the undo stack's commands do.
    void applyText(const QString &text);

signals:
    void saveRequested();

protected:
    void setModifiedState(bool modified) override;
    void loaded() override;

private:
    QWidget *createGraphSide();
    QWidget *createTextSide();
    void onTextChanged();
    bool change(const Result<QJsonObject> &edited, const QString &text, const QString &select = {});
    void showDiagnostics(const QString &text);
    void showParseError(const QString &text, const QString &message);
    void onStateSelected(const QString &path);
    void say(const QString &message);
    // The function a new Task invokes: one the machine invokes already, else the design's first.
    QString defaultFunction() const;

    Project *mProject;
    NodeId mMachine;
    QUndoStack *mStack;
    WorkflowScene *mScene;
    WorkflowView *mView;
    QListWidget *mPalette;
    QListWidget *mDiagnosticsList;
    QLabel *mMessage;
    StateForm *mForm;
    WorkflowRunPanel *mRun;
    QTimer *mParseTimer;
    QJsonObject mDefinition;
    QList<AslDiagnostic> mDiagnostics;
    QString mCommitted; // the text the undo stack last saw
    bool mTextParses = false;
    bool mApplying = false;
};

} // namespace Nimbus
