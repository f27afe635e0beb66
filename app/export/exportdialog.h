#pragma once

#include "export/exportfolder.h"
#include "export/provider.h"
#include "result.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Nimbus {

class PluginRegistry;
class Project;

// File > Export: choose a target, an output folder and the target's options; see
// every file the export will write (read-only tabs) and what the target cannot
// express; then write it all on a worker thread, with progress and Cancel. Each target
// has its own folder, remembered per project; a folder that holds another export or
// files the export did not write is written only once the user agreed to the list of
// what would be replaced, and nothing else in it is touched. "Open Folder" follows.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const Project &project, const PluginRegistry &registry, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setTarget(const QString &targetId);
    QString target() const;
    void setOutputDirectory(const QString &path);
    QString outputDirectory() const;
    // What "Open Folder" calls (QDesktopServices::openUrl by default; tests record).
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { mOpenUrl = std::move(opener); }
    // What the export will write, as previewed; generated on a worker thread from a
    // snapshot of the design, so check isPreviewReady() (or wait for previewReady()).
    const ExportOutput &preview() const { return mOutput; }
    bool isPreviewReady() const { return mShownGeneration == mGeneration; }
    bool isWriting() const { return mWriting; }

public slots:
    // Writes the previewed export on a pool thread; finished() tells how it went.
    void startExport();
    // Stops before the next file; the output folder stays as it was.
    void cancelExport();

signals:
    void nodeActivated(Nimbus::NodeId node);
    void previewReady();
    void finished(bool ok, const QString &message);

protected:
    void reject() override;

private:
    QLayout *createForm();
    QWidget *createPreview();
    QWidget *createButtons();
    void selectInitialTarget();
    void targetChanged();
    void refresh();
    void showPreview();
    void showFiles();
    int showDiagnostics();
    void writeDone();
    void beginWrite(const QString &directory, const ExportPlan &accepted);
    // Asks before writing into a folder whose plan needs it; writes if the user agrees.
    void confirmReplacing(const QString &directory, const ExportPlan &plan);
    QString planSummary(const QString &directory, const ExportPlan &plan) const;
    void rememberFolder();
    QString defaultFolder(const QString &targetId) const;
    QString projectKey() const;
    bool isSaved() const;
    QMap<QString, QString> options() const;

    const Project &mProject;
    const PluginRegistry &mRegistry;
    ExportOutput mOutput;
    QComboBox *mTarget;
    QLabel *mDescription;
    QLineEdit *mOutputEdit;
    QFormLayout *mOptionsForm; // target, folder, then the target's options
    QList<QLineEdit *> mOptionEdits;
    QTabWidget *mPreview;
    QTreeWidget *mDiagnostics;
    QProgressBar *mProgress;
    QLabel *mStatus;
    QPushButton *mExportButton;
    QPushButton *mCancelButton;
    QPushButton *mOpenFolderButton;
    std::function<bool(const QUrl &)> mOpenUrl;
    // The target whose folder the folder field shows.
    QString mFolderTarget;
    // The preview being generated (a newer one replaces it) and the export being written.
    QFutureWatcher<ExportOutput> mPreviewWatcher;
    QFutureWatcher<Result<void>> mWriter;
    bool mWriting = false;
    QString mDestination;
    int mGeneration = 0;
    int mShownGeneration = -1;
};

// Help > Plugins: every provider plugin found, what it offers, and why one did not load.
class PluginsDialog : public QDialog
{
    Q_OBJECT

public:
    PluginsDialog(const PluginRegistry &registry, QWidget *parent = nullptr);
};

} // namespace Nimbus
