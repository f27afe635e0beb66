#include "exportdialog.h"

#include "preferences/preferences.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/architecture.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexeryaml.h>
#include <Qsci/qsciscintilla.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Nimbus {

namespace {
QsciLexer *lexerFor(const QString &path, QObject *parent)
{
    if (path.endsWith(QLatin1String(".yaml")) || path.endsWith(QLatin1String(".yml")))
        return new QsciLexerYAML(parent);
    if (path.endsWith(QLatin1String(".json")))
        return new QsciLexerJSON(parent);
    if (path.endsWith(QLatin1String(".sh")))
        return new QsciLexerBash(parent);
    return nullptr;
}

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
    : QDialog(parent), mProject(project), mRegistry(registry)
{
    setWindowTitle(tr("Export"));
    resize(1000, 720);

    mTarget = new QComboBox;
    mTarget->setObjectName(QStringLiteral("target"));
    for (const ExporterInterface *exporter : registry.exporters())
        mTarget->addItem(exporter->targetName(), exporter->targetId());
    mTarget->setAccessibleName(tr("Target platform"));
    mDescription = new QLabel;
    mDescription->setWordWrap(true);
    mOutputEdit = new QLineEdit;
    mOutputEdit->setObjectName(QStringLiteral("output"));
    mOutputEdit->setAccessibleName(tr("Output folder"));
    auto *browse = new QPushButton(tr("&Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Into"), mOutputEdit->text());
        if (!dir.isEmpty())
            mOutputEdit->setText(dir);
    });
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(mOutputEdit, 1);
    outputRow->addWidget(browse);

    auto *form = new QFormLayout;
    mOptionsForm = form;
    form->addRow(tr("&Target:"), mTarget);
    form->addRow(QString(), mDescription);
    auto *outputLabel = new QLabel(tr("&Output folder:"));
    outputLabel->setBuddy(mOutputEdit);
    form->addRow(outputLabel, outputRow);

    mPreview = new QTabWidget;
    mPreview->setObjectName(QStringLiteral("preview"));
    mPreview->setDocumentMode(true);
    mDiagnostics = new QTreeWidget;
    mDiagnostics->setObjectName(QStringLiteral("diagnostics"));
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

    mProgress = new QProgressBar;
    mProgress->setObjectName(QStringLiteral("progress"));
    mProgress->setVisible(false);
    mStatus = new QLabel;
    mStatus->setObjectName(QStringLiteral("status"));
    mStatus->setWordWrap(true);
    auto *buttons = new QDialogButtonBox;
    mExportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    mExportButton->setObjectName(QStringLiteral("exportButton"));
    mCancelButton = buttons->addButton(QDialogButtonBox::Close);
    mCancelButton->setObjectName(QStringLiteral("closeButton"));
    connect(mExportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(mCancelButton, &QPushButton::clicked, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(mProgress);
    layout->addWidget(mStatus);
    layout->addWidget(buttons);

    connect(mTarget, &QComboBox::currentIndexChanged, this, &ExportDialog::targetChanged);
    // The last target used, or the one of the default provider.
    const QString provider = Preferences::instance().defaultProvider();
    const QString preferred = provider == QLatin1String("azure")      ? QStringLiteral("azure")
                              : provider == QLatin1String("gcp")      ? QStringLiteral("cloudrun")
                              : provider == QLatin1String("scaleway") ? QStringLiteral("scaleway")
                                                                      : QStringLiteral("sam");
    const QString last = QSettings().value(QStringLiteral("export/target"), preferred).toString();
    const int index = mTarget->findData(last);
    mTarget->setCurrentIndex(index >= 0 ? index : 0);
    targetChanged();
}

ExportDialog::~ExportDialog()
{
    if (mWorker) {
        mCancel->store(true);
        mWorker->wait();
    }
    for (QThread *thread : std::as_const(mPreviewThreads))
        thread->wait();
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
    QSettings().setValue(QStringLiteral("export/target"), exporter->targetId());
    mDescription->setText(exporter->targetDescription());
    // The target's options are the rows after the output folder.
    for (QLineEdit *edit : std::as_const(mOptionEdits))
        mOptionsForm->removeRow(edit);
    mOptionEdits.clear();
    for (const ExportOption &option : exporter->exportOptions()) {
        auto *edit = new QLineEdit(option.defaultValue);
        edit->setObjectName(QStringLiteral("option-") + option.id);
        edit->setProperty("optionId", option.id);
        edit->setToolTip(option.help);
        edit->setPlaceholderText(option.help);
        edit->setAccessibleName(option.label);
        connect(edit, &QLineEdit::editingFinished, this, &ExportDialog::refresh);
        mOptionsForm->addRow(option.label + QLatin1Char(':'), edit);
        mOptionEdits.append(edit);
    }
    // A folder the user typed stays; the suggestion follows the target. A saved project
    // exports beside its file; one never saved (an example's working copy lives in a
    // temporary folder) into Documents.
    if (mOutputEdit->text() == mSuggestedOutput || mOutputEdit->text().isEmpty()) {
        const bool saved = !mProject.filePath().isEmpty() && !mProject.filePath().startsWith(QDir::tempPath());
        const QString base = saved ? QFileInfo(mProject.filePath()).absolutePath() + QLatin1String("/export")
                                   : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         + QLatin1String("/Nimbus Exports/") + mProject.displayName();
        mSuggestedOutput = QDir::toNativeSeparators(base + QLatin1Char('/') + exporter->targetId());
        mOutputEdit->setText(mSuggestedOutput);
    }
    refresh();
}

void ExportDialog::refresh()
{
    const ExporterInterface *exporter = mRegistry.exporter(target());
    if (!exporter)
        return;
    // A large design takes a few hundred milliseconds to generate: that happens on a
    // worker thread, from a copy of the design taken here, so the canvas stays free.
    auto snapshot = std::make_shared<Architecture>();
    snapshot->reset(mProject.architecture().nodes(), mProject.architecture().edges());
    ExportInput input = ExportJob::input(mProject, exporter->targetId(), options());
    input.architecture = snapshot.get();
    const ProviderInterface *provider = mRegistry.provider(exporter->targetId());
    const int generation = ++mGeneration;
    mExportButton->setEnabled(false);
    mStatus->setText(tr("Preparing the preview..."));
    QPointer<ExportDialog> self(this);
    QThread *thread = QThread::create([exporter, provider, input, snapshot, generation, self] {
        const ExportOutput output = ExportJob::prepare(*exporter, provider, input);
        // The snapshot goes back with the result so that it is freed on the GUI thread.
        QMetaObject::invokeMethod(
            self,
            [self, output, generation, snapshot] {
            if (self)
                self->showPreview(output, generation);
            },
            Qt::QueuedConnection);
    });
    mPreviewThreads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        mPreviewThreads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start();
}

void ExportDialog::showPreview(const ExportOutput &output, int generation)
{
    if (generation != mGeneration)
        return; // a newer preview is on its way
    mShownGeneration = generation;
    mOutput = output;
    const QString current = mPreview->count() ? mPreview->tabText(mPreview->currentIndex()) : QString();
    while (mPreview->count() > 0) {
        QWidget *page = mPreview->widget(0);
        mPreview->removeTab(0);
        delete page;
    }
    QStringList copied;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const ExportFile &file : std::as_const(mOutput.files)) {
        if (file.isCopy()) {
            copied.append(file.path);
            continue;
        }
        auto *editor = new QsciScintilla;
        editor->setObjectName(QStringLiteral("preview:") + file.path);
        if (QsciLexer *lexer = lexerFor(file.path, editor)) {
            lexer->setDefaultFont(mono);
            lexer->setFont(mono);
            editor->setLexer(lexer);
        } else {
            editor->setFont(mono);
        }
        editor->setText(QString::fromUtf8(file.content));
        editor->setReadOnly(true);
        editor->setMarginType(0, QsciScintilla::NumberMargin);
        editor->setMarginWidth(0, QStringLiteral("00000"));
        editor->setAccessibleName(tr("Preview of %1").arg(file.path));
        const int index = mPreview->addTab(editor, file.path);
        if (file.path == current)
            mPreview->setCurrentIndex(index);
    }
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
    mStatus->setText(copied.isEmpty() ? tr("%n file(s) to write.", nullptr, mPreview->count())
                                      : tr("%n file(s) to write; code copied from %1.", nullptr, mPreview->count())
                                            .arg(copied.join(QLatin1String(", "))));
    mExportButton->setText(errors ? tr("&Export with %n Error(s)", nullptr, errors) : tr("&Export"));
    mExportButton->setEnabled(!mWorker);
    emit previewReady();
}

void ExportDialog::startExport()
{
    if (mWorker || !isPreviewReady())
        return;
    const QString directory = QDir::fromNativeSeparators(mOutputEdit->text().trimmed());
    if (directory.isEmpty()) {
        mStatus->setText(tr("Choose the folder to export into."));
        return;
    }
    mCancel = std::make_shared<std::atomic<bool>>(false);
    mProgress->setRange(0, 0);
    mProgress->setVisible(true);
    mExportButton->setEnabled(false);
    mCancelButton->setText(tr("&Cancel"));
    mStatus->setText(tr("Writing %1...").arg(QDir::toNativeSeparators(directory)));

    const ExportOutput output = mOutput;
    const QString targetId = target();
    auto cancel = mCancel;
    QPointer<ExportDialog> self(this);
    mWorker = QThread::create([output, directory, targetId, cancel, self] {
        QString error;
        const bool ok = ExportJob::write(output, directory, targetId, &error, [cancel, self](int done, int total) {
            QMetaObject::invokeMethod(
                self,
                [self, done, total] {
                if (self) {
                    self->mProgress->setRange(0, total);
                    self->mProgress->setValue(done);
                }
                },
                Qt::QueuedConnection);
            return !cancel->load();
        });
        QMetaObject::invokeMethod(
            self,
            [self, ok, error, directory] {
            if (self)
                self->writeDone(ok, ok ? directory : error);
            },
            Qt::QueuedConnection);
    });
    mWorker->start();
}

void ExportDialog::cancelExport()
{
    if (mCancel)
        mCancel->store(true);
}

void ExportDialog::writeDone(bool ok, const QString &message)
{
    mWorker->wait();
    delete mWorker;
    mWorker = nullptr;
    mProgress->setVisible(false);
    mExportButton->setEnabled(isPreviewReady());
    mCancelButton->setText(tr("Close"));
    const QString text = ok ? tr("Exported to %1.").arg(QDir::toNativeSeparators(message)) : message;
    mStatus->setText(text);
    emit finished(ok, text);
}

void ExportDialog::reject()
{
    if (mWorker) {
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
    tree->setObjectName(QStringLiteral("plugins"));
    tree->setHeaderLabels({tr("Plugin"), tr("Version"), tr("Targets"), tr("Status"), tr("File")});
    tree->setRootIsDecorated(false);
    for (const PluginInfo &info : registry.plugins()) {
        auto *item = new QTreeWidgetItem(tree, {info.name, info.version, info.targets.join(QLatin1String(", ")),
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
