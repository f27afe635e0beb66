#pragma once

#include "result.h"
#include "runtime/runtimelocator.h"

#include <QFutureWatcher>
#include <QGroupBox>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace Nimbus {

class RuntimeInstaller;

// Preferences > Runtimes: each runtime id with the interpreter it runs on (the data
// folder's, then PATH's), its version and whether it matches; Install fetches a Node.js
// version from the npm registry into the data folder (progress, Cancel), Remove deletes
// it. The lookups and the install run off the GUI thread; nothing is downloaded unless
// the user presses Install.
class RuntimesPage : public QGroupBox
{
    Q_OBJECT

public:
    explicit RuntimesPage(QWidget *parent = nullptr);
    ~RuntimesPage() override;

    RuntimeInstaller *installer() const { return mInstaller; }
    QTreeWidget *tree() const { return mTree; }
    // Looks the interpreters up again (on a pool thread); refreshed() when shown.
    void refresh();

signals:
    void refreshed();

private:
    void showInterpreters(const QList<RuntimeLocator::Interpreter> &found);
    void install();
    void remove();
    void updateButtons();
    QString selectedRuntime() const;

    RuntimeInstaller *mInstaller;
    QTreeWidget *mTree;
    QPushButton *mInstall;
    QPushButton *mRemove;
    QPushButton *mCancel;
    QProgressBar *mProgress;
    QLabel *mStatus;
    QFutureWatcher<QList<RuntimeLocator::Interpreter>> mLookup;
    QFutureWatcher<Result<QString>> mInstalling;
};

} // namespace Nimbus
