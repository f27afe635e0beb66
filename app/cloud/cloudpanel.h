#pragma once

#include "cloud/localcloud.h"
#include "projectview.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace Nimbus {

class FunctionRunner;
class AwsEndpoint;
class GatewayServer;

// The studio's Local Cloud: starts and stops the design on this machine (gateway on
// 127.0.0.1), shows every hop as it happens (who triggered whom, how long, how it
// ended), and the live state of the selected service - messages, objects, items - with
// entries to add or delete through the cloud, so that they trigger what they would.
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
    // ("key: content"), an item (DynamoDB JSON); fires a schedule.
    bool addEntry(const QString &text);
    bool deleteSelectedEntry();

signals:
    void runningChanged(bool running, const QString &address);
    void message(const QString &text);

private:
    void projectChanged(Project *previous) override;
    void addLogRow(const CloudLogEntry &entry);
    void refreshState();
    QString kindOf(const QString &service) const;

    FunctionRunner &mRunner;
    std::unique_ptr<LocalCloud> mCloud;
    std::unique_ptr<GatewayServer> mGateway;
    std::unique_ptr<AwsEndpoint> mEndpoint;
    QString mService;
    QPushButton *mToggle;
    QLabel *mAddress;
    QPushButton *mReset;
    QTreeWidget *mLog;
    QLabel *mStateTitle;
    QTreeWidget *mState;
    QLineEdit *mInput;
    QPushButton *mAdd;
    QPushButton *mDelete;
    QTimer *mRefresh; // coalesces the state changes of a busy service into one refresh
};

} // namespace Nimbus
