#pragma once

#include "export/provider.h"
#include "result.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Nimbus {

class PluginRegistry;
class Project;

// File > Export: choose a target, an output folder and the target's options; see
// every file the export will write (read-only tabs) and what the target cannot
// express; then write it all on a worker thread, with progress and Cancel.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const Project &project, const PluginRegistry &registry, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setTarget(const QString &targetId);
    QString target() const;
    void setOutputDirectory(const QString &path);
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
    QMap<QString, QString> options() const;

    const Project &mProject;
    const PluginRegistry &mRegistry;
    ExportOutput mOutput;
    QComboBox *mTarget;
    QLabel *mDescription;
    QLineEdit *mOutputEdit;
    QString mSuggestedOutput;
    QFormLayout *mOptionsForm; // target, folder, then the target's options
    QList<QLineEdit *> mOptionEdits;
    QTabWidget *mPreview;
    QTreeWidget *mDiagnostics;
    QProgressBar *mProgress;
    QLabel *mStatus;
    QPushButton *mExportButton;
    QPushButton *mCancelButton;
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
