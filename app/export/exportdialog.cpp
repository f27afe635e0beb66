#include "exportdialog.h"

#include "editor/codeeditor.h"
#include "preferences/preferences.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/architecture.h"

#include <Qsci/qscilexerbash.h>

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// The user's folder per project and target, as QSettings keeps it.
const auto kFoldersKey = "export/folders"_L1;

QIcon severityIcon(const QStyle *style, Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Diagnostic::Severity::Warning: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Diagnostic::Severity::Info: break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}
} // namespace

ExportDialog::ExportDialog(const Project &project, const PluginRegistry &registry, QWidget *parent)
    : QDialog(parent), mProject(project), mRegistry(registry), mOpenUrl(&QDesktopServices::openUrl)
{
    setWindowTitle(tr("Export"));
    resize(1000, 720);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createForm());
    layout->addWidget(createPreview(), 1);
    mProgress = new QProgressBar;
    mProgress->setObjectName(u"progress"_s);
    mProgress->setVisible(false);
    layout->addWidget(mProgress);
    mStatus = new QLabel;
    mStatus->setObjectName(u"status"_s);
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);
    layout->addWidget(createButtons());

    connect(&mPreviewWatcher, &QFutureWatcherBase::finished, this, &ExportDialog::showPreview);
    connect(&mWriter, &QFutureWatcherBase::progressRangeChanged, mProgress, &QProgressBar::setRange);
    connect(&mWriter, &QFutureWatcherBase::progressValueChanged, mProgress, &QProgressBar::setValue);
    connect(&mWriter, &QFutureWatcherBase::finished, this, &ExportDialog::writeDone);
    connect(mTarget, &QComboBox::currentIndexChanged, this, &ExportDialog::targetChanged);
    selectInitialTarget();
    if (mTarget->count() == 0) {
        // The plugins were not found (a broken install): say so rather than show nothing.
        mDescription->setText(tr("No export plugin could be loaded. Help > Plugins lists where they are looked "
                                 "for and why one did not load."));
        mExportButton->setEnabled(false);
    }
}

ExportDialog::~ExportDialog()
{
    // Both jobs read the project's catalog: they end before the dialog does.
    mWriter.cancel();
    mWriter.waitForFinished();
    mPreviewWatcher.waitForFinished();
}

// Target, its description, the output folder; the target's options follow as rows.
QLayout *ExportDialog::createForm()
{
    mTarget = new QComboBox;
    mTarget->setObjectName(u"target"_s);
    // In the order a reader looks for them: by name (AWS SAM first), not by id.
    QList<ExporterInterface *> exporters = mRegistry.exporters();
    std::stable_sort(exporters.begin(), exporters.end(), [](const ExporterInterface *a, const ExporterInterface *b) {
        return QString::localeAwareCompare(a->targetName(), b->targetName()) < 0;
    });
    for (const ExporterInterface *exporter : std::as_const(exporters))
        mTarget->addItem(exporter->targetName(), exporter->targetId());
    mTarget->setAccessibleName(tr("Target platform"));
    mDescription = new QLabel;
    mDescription->setWordWrap(true);
    mOutputEdit = new QLineEdit;
    mOutputEdit->setObjectName(u"output"_s);
    mOutputEdit->setAccessibleName(tr("Output folder"));
    auto *browse = new QPushButton(tr("&Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Into"), mOutputEdit->text());
        if (!dir.isEmpty())
            setOutputDirectory(dir);
        rememberFolder();
    });
    connect(mOutputEdit, &QLineEdit::editingFinished, this, &ExportDialog::rememberFolder);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(mOutputEdit, 1);
    outputRow->addWidget(browse);

    mOptionsForm = new QFormLayout;
    mOptionsForm->addRow(tr("&Target:"), mTarget);
    mOptionsForm->addRow(QString(), mDescription);
    auto *outputLabel = new QLabel(tr("&Output folder:"));
    outputLabel->setBuddy(mOutputEdit);
    mOptionsForm->addRow(outputLabel, outputRow);
    return mOptionsForm;
}

// The files as tabs above what the target cannot express.
QWidget *ExportDialog::createPreview()
{
    mPreview = new QTabWidget;
    mPreview->setObjectName(u"preview"_s);
    mPreview->setDocumentMode(true);
    mDiagnostics = new QTreeWidget;
    mDiagnostics->setObjectName(u"diagnostics"_s);
    mDiagnostics->setHeaderLabels({tr("Severity"), tr("What the target cannot express")});
    mDiagnostics->setRootIsDecorated(false);
    mDiagnostics->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    mDiagnostics->setAccessibleName(tr("Export diagnostics"));
    connect(mDiagnostics, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const NodeId node = item->data(0, Qt::UserRole).toULongLong();
        if (node != kInvalidNodeId)
            emit nodeActivated(node);
    });
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(mPreview);
    splitter->addWidget(mDiagnostics);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({480, 140});
    return splitter;
}

QWidget *ExportDialog::createButtons()
{
    auto *buttons = new QDialogButtonBox;
    mExportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    mExportButton->setObjectName(u"exportButton"_s);
    mCancelButton = buttons->addButton(QDialogButtonBox::Close);
    mCancelButton->setObjectName(u"closeButton"_s);
    mOpenFolderButton = buttons->addButton(tr("&Open Folder"), QDialogButtonBox::ActionRole);
    mOpenFolderButton->setObjectName(u"openFolderButton"_s);
    mOpenFolderButton->setVisible(false);
    connect(mExportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(mCancelButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(mOpenFolderButton, &QPushButton::clicked, this,
            [this] { mOpenUrl(QUrl::fromLocalFile(QFileInfo(mDestination).absoluteFilePath())); });
    return buttons;
}

// The last target used, or the one of the default provider.
void ExportDialog::selectInitialTarget()
{
    const QString provider = Preferences::instance().defaultProvider();
    const QString preferred = provider == "azure"_L1      ? u"azure"_s
                              : provider == "gcp"_L1      ? u"cloudrun"_s
                              : provider == "scaleway"_L1 ? u"scaleway"_s
                                                          : u"sam"_s;
    const QString last = QSettings().value(u"export/target"_s, preferred).toString();
    const int index = mTarget->findData(last);
    mTarget->setCurrentIndex(index >= 0 ? index : 0);
    targetChanged();
}

void ExportDialog::setTarget(const QString &targetId)
{
    const int index = mTarget->findData(targetId);
    if (index >= 0)
        mTarget->setCurrentIndex(index);
}

QString ExportDialog::target() const
{
    return mTarget->currentData().toString();
}

void ExportDialog::setOutputDirectory(const QString &path)
{
    mOutputEdit->setText(QDir::toNativeSeparators(path));
}

QString ExportDialog::outputDirectory() const
{
    return QDir::fromNativeSeparators(mOutputEdit->text().trimmed());
}

// A saved project exports beside its file; one never saved (an example's working copy
// lives in a temporary folder) into Documents. Each target into a folder of its own.
QString ExportDialog::defaultFolder(const QString &targetId) const
{
    const QString base = isSaved() ? QFileInfo(mProject.filePath()).absolutePath() + "/export"_L1
                                   : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         + "/Nimbus Exports/"_L1 + mProject.displayName();
    return base + '/'_L1 + targetId;
}

// A saved project by its file; one never saved (an example's working copy is a new
// temporary file each time) by its name.
QString ExportDialog::projectKey() const
{
    return isSaved() ? QFileInfo(mProject.filePath()).absoluteFilePath() : mProject.displayName();
}

bool ExportDialog::isSaved() const
{
    return !mProject.filePath().isEmpty() && !mProject.filePath().startsWith(QDir::tempPath());
}

// The folder shown is the one of mFolderTarget: kept for this project if the user chose
// it, forgotten when it is that target's default again.
void ExportDialog::rememberFolder()
{
    if (mFolderTarget.isEmpty())
        return;
    QSettings settings;
    QVariantMap projects = settings.value(kFoldersKey).toMap();
    QVariantMap folders = projects.value(projectKey()).toMap();
    const QString folder = outputDirectory();
    if (folder.isEmpty() || QDir::cleanPath(folder) == QDir::cleanPath(defaultFolder(mFolderTarget)))
        folders.remove(mFolderTarget);
    else
        folders.insert(mFolderTarget, folder);
    if (folders.isEmpty())
        projects.remove(projectKey());
    else
        projects.insert(projectKey(), folders);
    settings.setValue(kFoldersKey, projects);
}

QMap<QString, QString> ExportDialog::options() const
{
    QMap<QString, QString> values;
    for (const QLineEdit *edit : mOptionEdits)
        values.insert(edit->property("optionId").toString(), edit->text());
    return values;
}

void ExportDialog::targetChanged()
{
    const ExporterInterface *exporter = mRegistry.exporter(target());
    if (!exporter)
        return;
    QSettings().setValue(u"export/target"_s, exporter->targetId());
    mDescription->setText(exporter->targetDescription());
    // The target's options are the rows after the output folder.
    for (QLineEdit *edit : std::as_const(mOptionEdits))
        mOptionsForm->removeRow(edit);
    mOptionEdits.clear();
    for (const ExportOption &option : exporter->exportOptions()) {
        auto *edit = new QLineEdit(option.defaultValue);
        edit->setObjectName(u"option-"_s + option.id);
        edit->setProperty("optionId", option.id);
        edit->setToolTip(option.help);
        edit->setPlaceholderText(option.help);
        edit->setAccessibleName(option.label);
        connect(edit, &QLineEdit::editingFinished, this, &ExportDialog::refresh);
        mOptionsForm->addRow(option.label + ':'_L1, edit);
        mOptionEdits.append(edit);
    }
    // Each target has its folder: the one the user chose for it in this project, else
    // its default, so that another target never writes into the previous one's.
    rememberFolder();
    mFolderTarget = exporter->targetId();
    const QString chosen =
        QSettings().value(kFoldersKey).toMap().value(projectKey()).toMap().value(mFolderTarget).toString();
    setOutputDirectory(chosen.isEmpty() ? defaultFolder(mFolderTarget) : chosen);
    mOpenFolderButton->setVisible(false);
    refresh();
}

void ExportDialog::refresh()
{
    const ExporterInterface *exporter = mRegistry.exporter(target());
    if (!exporter)
        return;
    // A large design takes a few hundred milliseconds to generate: that happens on a
    // pool thread, from a copy of the design's nodes and edges taken here, so the canvas
    // stays free. The snapshot (a QObject) is made and freed on that thread.
    const ExportInput input = ExportJob::input(mProject, exporter->targetId(), options());
    const ProviderInterface *provider = mRegistry.provider(exporter->targetId());
    ++mGeneration;
    mExportButton->setEnabled(false);
    mStatus->setText(tr("Preparing the preview..."));
    // setFuture() drops what the watcher had not delivered of an older preview.
    mPreviewWatcher.setFuture(QtConcurrent::run(
        [exporter, provider, input, nodes = mProject.architecture().nodes(), edges = mProject.architecture().edges()] {
        Architecture snapshot;
        snapshot.reset(nodes, edges);
        ExportInput in = input;
        in.architecture = &snapshot;
        return ExportJob::prepare(*exporter, provider, in);
    }));
}

void ExportDialog::showPreview()
{
    mShownGeneration = mGeneration;
    mOutput = mPreviewWatcher.result();
    showFiles();
    const int errors = showDiagnostics();
    mExportButton->setText(errors ? tr("&Export with %n Error(s)", nullptr, errors) : tr("&Export"));
    mExportButton->setEnabled(!mWriting);
    emit previewReady();
}

// One read-only tab per file written from content; copied code is named in the status.
void ExportDialog::showFiles()
{
    const QString current = mPreview->count() ? mPreview->tabText(mPreview->currentIndex()) : QString();
    while (mPreview->count() > 0) {
        QWidget *page = mPreview->widget(0);
        mPreview->removeTab(0);
        delete page;
    }
    QStringList copied;
    for (const ExportFile &file : std::as_const(mOutput.files)) {
        if (file.isCopy()) {
            copied.append(file.path);
            continue;
        }
        // The code editor's colours, which follow the theme (a light page in the dark
        // theme otherwise), and its fonts.
        auto *editor = new CodeEditor;
        editor->setObjectName(u"preview:"_s + file.path);
        editor->setLanguage(CodeEditor::languageForFile(file.path));
        if (file.path.endsWith(".sh"_L1)) {
            editor->setLexer(new QsciLexerBash(editor));
            editor->applyTheme();
        }
        editor->setText(QString::fromUtf8(file.content));
        editor->setReadOnly(true);
        editor->setAccessibleName(tr("Preview of %1").arg(file.path));
        const int index = mPreview->addTab(editor, file.path);
        if (file.path == current)
            mPreview->setCurrentIndex(index);
    }
    mStatus->setText(
        copied.isEmpty()
            ? tr("%n file(s) to write.", nullptr, mPreview->count())
            : tr("%n file(s) to write; code copied from %1.", nullptr, mPreview->count()).arg(copied.join(", "_L1)));
}

// Returns the number of errors.
int ExportDialog::showDiagnostics()
{
    mDiagnostics->clear();
    int errors = 0;
    for (const Diagnostic &d : std::as_const(mOutput.diagnostics)) {
        auto *item = new QTreeWidgetItem(mDiagnostics, {Diagnostic::severityName(d.severity), d.message});
        item->setIcon(0, severityIcon(style(), d.severity));
        item->setToolTip(1, d.message);
        item->setData(0, Qt::UserRole,
                      QVariant::fromValue<qulonglong>(d.nodes.isEmpty() ? kInvalidNodeId : d.nodes.first()));
        errors += d.severity == Diagnostic::Severity::Error;
    }
    if (mOutput.diagnostics.isEmpty())
        new QTreeWidgetItem(mDiagnostics, {QString(), tr("Nothing to report: every node is exported.")});
    return errors;
}

void ExportDialog::startExport()
{
    if (mWriting || !isPreviewReady())
        return;
    const QString directory = outputDirectory();
    if (directory.isEmpty()) {
        mStatus->setText(tr("Choose the folder to export into."));
        return;
    }
    rememberFolder();
    mOpenFolderButton->setVisible(false);
    const ExportPlan plan = ExportJob::plan(mOutput, directory, target());
    if (plan.needsConfirmation())
        confirmReplacing(directory, plan);
    else
        beginWrite(directory, {});
}

void ExportDialog::beginWrite(const QString &directory, const ExportPlan &accepted)
{
    if (mWriting || !isPreviewReady())
        return;
    mWriting = true;
    mProgress->setRange(0, 0);
    mProgress->setValue(0);
    mProgress->setVisible(true);
    mExportButton->setEnabled(false);
    mCancelButton->setText(tr("&Cancel"));
    mStatus->setText(tr("Writing %1...").arg(QDir::toNativeSeparators(directory)));
    mDestination = directory;
    mWriter.setFuture(ExportJob::writeInBackground(mOutput, directory, target(), accepted));
}

// What is in the folder, in a sentence or two.
QString ExportDialog::planSummary(const QString &directory, const ExportPlan &plan) const
{
    const QString folder = QDir::toNativeSeparators(directory);
    QString summary;
    if (!plan.otherTargets.isEmpty()) {
        QStringList names;
        for (const QString &id : plan.otherTargets)
            names.append(mRegistry.exporter(id) ? mRegistry.exporter(id)->targetName() : id);
        summary = tr("%1 holds the export for %2.").arg(folder, names.join(", "_L1));
    } else if (plan.foreignFolder) {
        summary = tr("%1 holds files that were not written by an export.").arg(folder);
    } else {
        summary = tr("%1 holds files that this export did not write.").arg(folder);
    }
    summary += ' '_L1;
    summary += plan.replaced.isEmpty() && plan.removed.isEmpty()
                   ? tr("Exporting there replaces no file: every file in it stays as it is.")
                   : tr("Exporting there replaces or removes these files:");
    return summary;
}

// A small dialog that lists every file replaced or removed; Cancel is the default.
void ExportDialog::confirmReplacing(const QString &directory, const ExportPlan &plan)
{
    auto *ask = new QDialog(this);
    ask->setObjectName(u"replaceConfirmation"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Replace Files?"));
    auto *summary = new QLabel(planSummary(directory, plan), ask);
    summary->setObjectName(u"summary"_s);
    summary->setWordWrap(true);
    auto *list = new QListWidget(ask);
    list->setObjectName(u"replacedFiles"_s);
    for (const QString &file : plan.replaced)
        list->addItem(tr("Replaced: %1").arg(file));
    for (const QString &file : plan.removed)
        list->addItem(tr("Removed: %1").arg(file));
    list->setVisible(list->count() > 0);
    auto *kept = new QLabel(tr("%n other file(s) in the folder will not be touched.", nullptr, int(plan.kept.size())),
                            ask);
    kept->setObjectName(u"keptFiles"_s);
    kept->setVisible(!plan.kept.isEmpty());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, ask);
    QPushButton *replace = buttons->addButton(list->count() ? tr("&Replace and Export") : tr("&Export Here"),
                                              QDialogButtonBox::AcceptRole);
    replace->setObjectName(u"replaceButton"_s);
    replace->setAutoDefault(false);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, ask, &QDialog::reject);
    connect(ask, &QDialog::accepted, this, [this, directory, plan] { beginWrite(directory, plan); });
    connect(ask, &QDialog::rejected, this, [this] { mStatus->setText(tr("Nothing was written.")); });
    auto *layout = new QVBoxLayout(ask);
    layout->addWidget(summary);
    layout->addWidget(list, 1);
    layout->addWidget(kept);
    layout->addWidget(buttons);
    ask->resize(560, list->count() ? 360 : 160);
    ask->open();
    cancel->setFocus();
}

void ExportDialog::cancelExport()
{
    mWriter.cancel();
}

void ExportDialog::writeDone()
{
    mWriting = false;
    mProgress->setVisible(false);
    mExportButton->setEnabled(isPreviewReady());
    mCancelButton->setText(tr("Close"));
    // No result: cancelled before the export was in place, so nothing was written. A
    // cancel that came after it was in place leaves the result.
    const Result<void> written = mWriter.future().resultCount() > 0 ? mWriter.result()
                                                                    : Result<void>(fail(ExportJob::cancelledText()));
    const QString text = written ? tr("Exported to %1.").arg(QDir::toNativeSeparators(mDestination))
                                 : written.errorMessage();
    mStatus->setText(text);
    mOpenFolderButton->setVisible(bool(written));
    emit finished(bool(written), text);
}

void ExportDialog::reject()
{
    if (mWriting) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

PluginsDialog::PluginsDialog(const PluginRegistry &registry, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Plugins"));
    resize(820, 360);
    auto *tree = new QTreeWidget;
    tree->setObjectName(u"plugins"_s);
    tree->setHeaderLabels({tr("Plugin"), tr("Version"), tr("Targets"), tr("Status"), tr("File")});
    tree->setRootIsDecorated(false);
    for (const PluginInfo &info : registry.plugins()) {
        auto *item = new QTreeWidgetItem(tree, {info.name, info.version, info.targets.join(", "_L1),
                                                info.loaded ? tr("Loaded") : tr("Not loaded: %1").arg(info.error),
                                                QDir::toNativeSeparators(info.fileName)});
        item->setToolTip(0, info.description);
        item->setToolTip(3, item->text(3));
        item->setIcon(
            0, style()->standardIcon(info.loaded ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical));
    }
    for (int c = 0; c < 4; ++c)
        tree->resizeColumnToContents(c);
    auto *label = new QLabel(
        tr("Provider plugins are read from %1.").arg(QDir::toNativeSeparators(registry.directory())));
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(tree, 1);
    layout->addWidget(buttons);
}

} // namespace Nimbus
