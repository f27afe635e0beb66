#pragma once

#include "cloud/localcloud.h"
#include "projectview.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace Nimbus {

class FunctionRunner;
class ArchiveView;
class PutEventView;
class AwsEndpoint;
class GatewayServer;

// The studio's Local Cloud: starts and stops the design on this machine (gateway on
// 127.0.0.1), shows every hop as it happens (who triggered whom, how long, how it
// ended, the HTTP status a client got), each under the hop that caused it so that a
// request reads as one group, and the live state of the selected service - messages,
// objects, items - with entries to add or delete through the cloud, so that they
// trigger what they would. A request can be followed hop by hop (Previous, Next) or
// replayed; each hop reached is announced for the canvas to show.
class CloudPanel : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit CloudPanel(FunctionRunner &runner, QWidget *parent = nullptr);
    ~CloudPanel() override;

    bool start(QString *error);
    void stop();
    bool isRunning() const;
    QString address() const;
    QString awsEndpoint() const;
    LocalCloud *cloud() const { return mCloud.get(); }

    // The service whose state the inspector shows (a node name), or none.
    void showService(const QString &name);
    QString shownService() const { return mService; }
    // Adds what the input holds to the shown service: a message, an object
    // ("key: content"), an item (DynamoDB JSON); fires a schedule; sends an HTTP
    // route a request through the gateway ("[/path] [body]"; the answer arrives later).
    bool addEntry(const QString &text);
    // A route's request was answered (status 0: no answer, detail says why).
    struct RouteAnswer
    {
        QDateTime when;
        QString request; // "POST /orders"
        long status = 0;
        QString detail;
    };
    QList<RouteAnswer> routeAnswers(const QString &route) const { return mAnswers.value(route); }
    // Where a request for path goes: always the gateway, whatever path holds.
    static QString requestUrl(const QString &gateway, const QString &path);
    bool deleteSelectedEntry();
    // Opens (or raises) the window of the archive of an event bus (a node name) while the
    // cloud runs; nullptr, with a message, when it does not.
    ArchiveView *showArchive(const QString &bus);
    // Opens (or raises) the window that puts events on an event bus (a node name), with the
    // bus's saved events, while the cloud runs; nullptr, with a message, when it does not.
    PutEventView *showPutEvent(const QString &bus);

    // The hops of the request the current row belongs to, in the order they happened.
    QList<QTreeWidgetItem *> requestHops() const;
    // Moves to the next (or previous) hop of the current request; false at its end.
    bool stepHop(int direction);
    // How the SDK calls of functions are checked (LocalCloud::IamMode): the project's
    // mode (one undo step, saved with it), which the running cloud follows at once.
    void setIamMode(LocalCloud::IamMode mode);
    LocalCloud::IamMode iamMode() const;
    // The connection that would have allowed the current row's denied call ("Add
    // connection: processOrder writes orders"), empty when the row is none or the
    // connection exists; fixPermission() adds it to the design as one undo step.
    QString permissionFix() const;
    bool fixPermission();

    // Plays the current row's request from its first hop, one hop every kReplayStepMs.
    void replayRequest();
    bool isReplaying() const;
    static constexpr int kReplayStepMs = 800;

signals:
    void runningChanged(bool running, const QString &address);
    void routeAnswered(const QString &route, const Nimbus::CloudPanel::RouteAnswer &answer);
    void message(const QString &text);
    // A hop row became current (a click, the keyboard, a step or the replay).
    void hopActivated(const Nimbus::CloudLogEntry &entry);
    // A function made a call its connections do not grant (warned or refused): for the
    // window's notification band.
    void permissionProblem(const QString &title, const QString &text);
    // "Save as Scenario..." was chosen on the row of an HTTP request (a log entry's id).
    void saveAsScenarioRequested(qint64 entryId);

private:
    void projectChanged(Project *previous) override;
    // Shows the project's mode and gives it to the running cloud.
    void showIamMode(LocalCloud::IamMode mode);
    // The hop log and its step buttons.
    QWidget *createLog();
    void addLogRow(const CloudLogEntry &entry);
    void showLogMenu(const QPoint &position);
    void showLogEntry(QTreeWidgetItem *item, const CloudLogEntry &entry);
    void forgetRow(QTreeWidgetItem *item);
    void updateStepButtons();
    void updateFixButton();
    void refreshState();
    QString kindOf(const QString &service) const;
    bool sendRequest(const QString &text);

    FunctionRunner &mRunner;
    std::unique_ptr<LocalCloud> mCloud;
    std::unique_ptr<GatewayServer> mGateway;
    std::unique_ptr<AwsEndpoint> mEndpoint;
    QString mService;
    QHash<QString, QList<RouteAnswer>> mAnswers; // by route, the newest first
    std::shared_ptr<std::atomic_bool> mClosing = std::make_shared<std::atomic_bool>(false);
    QPushButton *mToggle;
    QLabel *mAddress;
    QPushButton *mReset;
    QTreeWidget *mLog;
    QHash<qint64, QTreeWidgetItem *> mRows; // by log entry id
    int mRowCount = 0;
    // Scrolling to a row lays out every row of the log: a busy cloud's hops scroll the
    // log to the newest a few times a second, not once each.
    QTimer *mScrollTimer;
    qint64 mScrollTo = -1; // the log entry id of the row to show
    QPushButton *mPreviousHop;
    QPushButton *mReplay;
    QPushButton *mNextHop;
    QPushButton *mFixPermission;
    QComboBox *mIamMode;
    QTimer *mReplayTimer;
    QLabel *mStateTitle;
    QTreeWidget *mState;
    QLineEdit *mInput;
    QPushButton *mAdd;
    QPushButton *mDelete;
    QTimer *mRefresh; // coalesces the state changes of a busy service into one refresh
    QString mBus; // the event bus selected on the canvas, whose archive Archive opens
    QPushButton *mArchive;
    QHash<QString, QPointer<ArchiveView>> mArchiveViews; // by bus
    QPushButton *mPutEvent;
    QHash<QString, QPointer<PutEventView>> mPutEventViews; // by bus
};

} // namespace Nimbus
