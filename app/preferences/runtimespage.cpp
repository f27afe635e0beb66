#include "runtimespage.h"

#include "runtime/runtimeinstaller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
enum Column { RuntimeColumn, VersionColumn, StateColumn, PathColumn };
constexpr int kInstallableRole = Qt::UserRole + 1;
constexpr int kInstalledRole = Qt::UserRole + 2;
} // namespace

RuntimesPage::RuntimesPage(QWidget *parent) : QGroupBox(tr("Runtimes"), parent), mInstaller(new RuntimeInstaller(this))
{
    setObjectName(u"runtimesPage"_s);
    auto *layout = new QVBoxLayout(this);
    mTree = new QTreeWidget(this);
    mTree->setObjectName(u"runtimesTree"_s);
    mTree->setAccessibleName(tr("Runtimes and their interpreters"));
    mTree->setRootIsDecorated(false);
    mTree->setHeaderLabels({tr("Runtime"), tr("Version"), tr("State"), tr("Interpreter")});
    mTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(mTree);
    auto *row = new QHBoxLayout;
    mInstall = new QPushButton(tr("&Install"), this);
    mInstall->setObjectName(u"installRuntimeButton"_s);
    mRemove = new QPushButton(tr("Re&move"), this);
    mRemove->setObjectName(u"removeRuntimeButton"_s);
    mCancel = new QPushButton(tr("Cancel"), this);
    mCancel->setObjectName(u"cancelRuntimeButton"_s);
    mProgress = new QProgressBar(this);
    mProgress->setObjectName(u"runtimeProgress"_s);
    mProgress->setVisible(false);
    row->addWidget(mInstall);
    row->addWidget(mRemove);
    row->addWidget(mProgress, 1);
    row->addWidget(mCancel);
    layout->addLayout(row);
    mStatus = new QLabel(tr("Node.js versions install from the npm registry into %1; Python comes from the "
                            "system's package manager.")
                             .arg(RuntimeLocator::runtimesDirectory()),
                         this);
    mStatus->setObjectName(u"runtimeStatus"_s);
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);

    connect(mTree, &QTreeWidget::currentItemChanged, this, &RuntimesPage::updateButtons);
    connect(mInstall, &QPushButton::clicked, this, &RuntimesPage::install);
    connect(mRemove, &QPushButton::clicked, this, &RuntimesPage::remove);
    connect(mCancel, &QPushButton::clicked, mInstaller, &RuntimeInstaller::cancel);
    connect(&mLookup, &QFutureWatcherBase::finished, this, [this] {
        showInterpreters(mLookup.result());
        emit refreshed();
    });
    connect(mInstaller, &RuntimeInstaller::stageChanged, mStatus, &QLabel::setText);
    connect(mInstaller, &RuntimeInstaller::progress, this, [this](qint64 received, qint64 total) {
        // Kilobytes: a progress bar counts in int.
        mProgress->setRange(0, total > 0 ? int(total / 1024) : 0);
        mProgress->setValue(int(received / 1024));
    });
    connect(&mInstalling, &QFutureWatcherBase::finished, this, [this] {
        const Result<QString> installed = mInstalling.result();
        mStatus->setText(installed ? tr("Installed in %1.").arg(*installed)
                                   : tr("Not installed: %1").arg(installed.errorMessage()));
        mProgress->setVisible(false);
        refresh();
    });
    updateButtons();
    refresh();
}

RuntimesPage::~RuntimesPage()
{
    mInstaller->cancel();
    mLookup.waitForFinished();
    mInstalling.waitForFinished();
}

void RuntimesPage::refresh()
{
    if (mLookup.isRunning())
        return;
    mLookup.setFuture(QtConcurrent::run([] {
        QList<RuntimeLocator::Interpreter> found;
        for (const QString &runtime : RuntimeLocator::runtimes())
            found.append(RuntimeLocator::locate(runtime));
        return found;
    }));
}

void RuntimesPage::showInterpreters(const QList<RuntimeLocator::Interpreter> &found)
{
    const QString selected = selectedRuntime();
    mTree->clear();
    for (const RuntimeLocator::Interpreter &interpreter : found) {
        const QString state = !interpreter.found() ? tr("Missing")
                              : !interpreter.matches
                                  ? tr("Other version: %1 wants %2").arg(interpreter.runtime, interpreter.wanted)
                              : interpreter.installed ? tr("Installed by Nimbus")
                                                      : tr("OK");
        auto *item = new QTreeWidgetItem(
            mTree, {interpreter.runtime, interpreter.found() ? interpreter.version : u"-"_s, state, interpreter.path});
        item->setData(RuntimeColumn, kInstallableRole, RuntimeInstaller::canInstall(interpreter.runtime));
        item->setData(RuntimeColumn, kInstalledRole, interpreter.installed);
        if (!interpreter.matches)
            item->setToolTip(StateColumn, RuntimeLocator::mismatchWarning(interpreter));
        if (interpreter.runtime == selected)
            mTree->setCurrentItem(item);
    }
    updateButtons();
}

QString RuntimesPage::selectedRuntime() const
{
    const QTreeWidgetItem *item = mTree->currentItem();
    return item ? item->text(RuntimeColumn) : QString();
}

void RuntimesPage::install()
{
    const QString runtime = selectedRuntime();
    if (runtime.isEmpty() || mInstaller->isRunning())
        return;
    mProgress->setRange(0, 0);
    mProgress->setVisible(true);
    mInstalling.setFuture(mInstaller->install(runtime));
    updateButtons();
}

void RuntimesPage::remove()
{
    const Result<void> removed = RuntimeInstaller::remove(selectedRuntime());
    mStatus->setText(removed ? tr("%1 removed.").arg(selectedRuntime())
                             : tr("Not removed: %1").arg(removed.errorMessage()));
    refresh();
}

void RuntimesPage::updateButtons()
{
    const QTreeWidgetItem *item = mTree->currentItem();
    const bool busy = mInstaller->isRunning() || mInstalling.isRunning();
    mInstall->setEnabled(!busy && item && item->data(RuntimeColumn, kInstallableRole).toBool());
    mRemove->setEnabled(!busy && item && item->data(RuntimeColumn, kInstalledRole).toBool());
    mCancel->setEnabled(busy);
    mCancel->setVisible(busy);
}

} // namespace Nimbus
