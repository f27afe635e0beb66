#pragma once

#include "model/node.h"
#include "workflow/executionstore.h"
#include "workflowscene.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace Nimbus {

class CodeEditor;
class LocalCloud;
class Project;
class RunHistory;
class WorkflowEngine;

// What the workflow editors need from the window: its local cloud (started on demand)
// and the project's run history, where inputs are saved as a function's events are.
struct WorkflowHost
{
    std::function<LocalCloud *(QString *error)> startCloud;
    std::function<LocalCloud *()> cloud; // the running one, or null
    std::function<RunHistory *()> history;
};

// What one state did in an execution, read from its history.
struct StateTrace
{
    StateRun run = StateRun::None;
    QString input;
    QString output;
    QString error;
    QString cause;
    QDateTime entered;
    QDateTime exited;
    int times = 0; // entered this often (a loop, a Map's items)
};

// The executions of one state machine in its editor: an input (saved ones per machine,
// like a function's events), Start Execution (the local cloud starts if it is not
// running), the machine's executions with their status, start and duration, Advance Time
// (every Wait ends now) and Stop; the selected execution's path goes to the graph live,
// and the state clicked on the graph shows its input, output, error and duration.
class WorkflowRunPanel : public QWidget
{
    Q_OBJECT

public:
    WorkflowRunPanel(Project *project, NodeId machine, const WorkflowHost &host, QWidget *parent = nullptr);

    // Reads every state's part from an execution's history.
    static QHash<QString, StateTrace> traceOf(const QList<ExecutionEvent> &events);

    bool startExecution();
    bool advanceTime();
    bool stopExecution();
    // The executions again (the cloud started or stopped).
    void refresh();
    // The state whose part in the selected execution the details show.
    void showState(const QString &name);

    QString selectedExecution() const { return mSelected; }
    void selectExecution(const QString &arn);
    const QHash<QString, StateTrace> &trace() const { return mTrace; }
    CodeEditor *inputEditor() const { return mInput; }
    QTreeWidget *executionList() const { return mList; }
    QPlainTextEdit *details() const { return mDetails; }
    QLabel *status() const { return mStatus; }
    bool saveInput(const QString &name);

signals:
    void runsChanged(const QHash<QString, Nimbus::StateRun> &runs);
    // Before an execution starts: the definition should be saved now (the engine reads the file).
    void aboutToStart();

private:
    QString machineName() const;
    WorkflowEngine *attach();
    void onEvent(const QString &arn, const Nimbus::ExecutionEvent &event);
    void onExecution(const Nimbus::ExecutionRecord &record);
    void setRow(const ExecutionRecord &record);
    void retrace();
    void rebuildInputs();
    void updateButtons();
    void say(const QString &text, bool error = false);

    Project *mProject;
    NodeId mMachine;
    WorkflowHost mHost;
    QPointer<WorkflowEngine> mEngine;
    QString mSelected;
    QList<ExecutionEvent> mEvents;
    QHash<QString, StateTrace> mTrace;
    QString mShownState;
    QTimer *mRetrace;
    QComboBox *mInputs;
    CodeEditor *mInput;
    QPushButton *mStart;
    QPushButton *mAdvance;
    QPushButton *mStop;
    QPushButton *mSave;
    QPushButton *mDelete;
    QLabel *mStatus;
    QTreeWidget *mList;
    QPlainTextEdit *mDetails;
};

} // namespace Nimbus
