#pragma once

#include "model/node.h"
#include "projectview.h"
#include "runtime/invocationresult.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLayout;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace Nimbus {

class CodeEditor;
class FunctionRunner;
class LogTable;

// The Run dock: pick a function and an event (its trigger's, another template, or one
// saved with the function), edit the event as JSON, invoke it without blocking the
// window, and read the result, the logs and the REPORT figures; past runs are listed
// in History, where one can be run again or two compared side by side.
class RunPanel : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit RunPanel(FunctionRunner *runner, QWidget *parent = nullptr);

    void setFunction(NodeId function);
    NodeId function() const { return mFunction; }

    // Invokes the function with the event in the editor; false when it cannot start.
    bool invoke();
    bool rerun(qint64 historyId);
    // Compares two runs of the history in a window of their own.
    QWidget *compare(qint64 left, qint64 right);
    bool saveEvent(const QString &name);

    CodeEditor *eventEditor() const { return mEventEditor; }
    CodeEditor *resultView() const { return mResult; }
    // What an HTTP client would receive, decoded, when the result is an HTTP response.
    CodeEditor *bodyView() const { return mBody; }
    QPlainTextEdit *logsView() const { return mLogs; }
    // The logs as a filterable table, shown when the function logs in JSON.
    LogTable *logTable() const { return mLogTable; }
    QComboBox *functionBox() const { return mFunctionBox; }
    QComboBox *eventBox() const { return mEventBox; }
    // Shown when the design has a user pool.
    QPushButton *tokenButton() const { return mToken; }
    QLabel *badge() const { return mBadge; }
    QLabel *figures() const { return mFigures; }
    QLabel *errorLabel() const { return mErrorLabel; }
    QTreeWidget *historyTree() const { return mHistory; }
    // A cold start's profile: the modules the handler's load executed, slowest first.
    QTreeWidget *importsTree() const { return mImports; }
    QTabWidget *outputTabs() const { return mOutputTabs; }
    QString eventError() const { return mEventError; }
    // How often at most runs the user did not ask for here are shown (250 ms).
    void setShowInterval(int ms);

signals:
    // Before an invocation starts: unsaved code of the function should be saved now.
    void aboutToInvoke(Nimbus::NodeId function);
    // An error was traced to a line of the function's code (marked), or a click asks to go there.
    void errorLocated(Nimbus::NodeId function, const QString &file, int line, const QString &message);
    void locationActivated(Nimbus::NodeId function, const QString &file, int line, const QString &message);
    // Token... was clicked: a token of the design's user pool is wanted (Run > Mint Token).
    void tokenRequested();

private:
    void projectChanged(Project *previous) override;
    QLayout *createTopRow();
    QWidget *createEventSide();
    QWidget *createOutputSide();
    QWidget *createHistoryPage();
    QWidget *createImportsPage();
    void showImports(const InvocationResult &r);
    void rebuildFunctions();
    void rebuildEvents();
    void chooseEvent(int index);
    void validateEvent();
    void onStarted(NodeId function, const QString &requestId);
    void onFinished(NodeId function, const InvocationResult &result, bool reloaded, qint64 historyId);
    void showFinished(const InvocationResult &result, bool reloaded);
    void showResult(const InvocationResult &result, bool reloaded);
    void showBody(const InvocationResult &result);
    // The run with that request id is selected, if it is listed.
    void reloadHistory(const QString &selectRequest = {});
    // Says, above the runs, when the history failed to write some or left some out.
    void updateHistoryNotice();
    void showHistoryEntry();
    void setBadge(const QString &text, const QColor &colour);
    void updateButtons();
    QString functionUrlText() const;

    FunctionRunner *mRunner;
    NodeId mFunction = kInvalidNodeId;
    QString mPendingRequest;
    // Runs the panel has not shown yet: under a load (the local cloud serving thousands
    // of requests a second) the panel shows the latest run a few times a second rather
    // than every one, which would keep the window busy redrawing.
    struct Unshown
    {
        InvocationResult result;
        bool reloaded = false;
    };
    std::optional<Unshown> mUnshown;
    QTimer *mShowTimer;
    int mShowInterval = 250; // ms between two of the local cloud's runs shown
    bool mInvoking = false; // in invoke(), around the runner's invoke()

    QComboBox *mFunctionBox;
    QComboBox *mEventBox;
    QPushButton *mSaveEvent;
    QPushButton *mDeleteEvent;
    QPushButton *mInvoke;
    QPushButton *mToken = nullptr;
    CodeEditor *mEventEditor;
    QLabel *mEventStatus;
    QLabel *mHistoryNotice;
    QTimer *mValidateTimer;
    QString mEventError;

    QLabel *mBadge;
    QLabel *mFigures;
    QLabel *mErrorLabel;
    QString mErrorMessage; // of the error whose place the label links to
    QTabWidget *mOutputTabs;
    CodeEditor *mResult;
    CodeEditor *mBody;
    QPlainTextEdit *mLogs;
    LogTable *mLogTable;
    QWidget *mImportsPage;
    QTreeWidget *mImports;

    QTreeWidget *mHistory;
    QPushButton *mRerun;
    QPushButton *mCompare;
    QPushButton *mUseEvent;
    QTabWidget *mHistoryDetails;
    CodeEditor *mHistoryEvent;
    CodeEditor *mHistoryResult;
    QPlainTextEdit *mHistoryLogs;
};

} // namespace Nimbus
