#include "editorarea.h"

#include "codeeditor.h"
#include "findbar.h"

#include "document/project.h"
#include "model/handlerreference.h"
#include "runtime/functionspec.h"
#include "runtime/scaffold.h"
#include "runtime/triggerevents.h"
#include "workflow/workflowpage.h"
#include "workflow/workflowrunpanel.h"
#include "workflow/workflowstarter.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QTabBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
bool offscreen()
{
    return QGuiApplication::platformName() == "offscreen"_L1;
}
} // namespace

EditorPage::EditorPage(const QString &path, NodeId function, QWidget *parent)
    : QWidget(parent), mPath(path), mFunction(function), mEditor(new CodeEditor(this)), mFindBar(new FindBar(this))
{
    mChangedBar = new QFrame(this);
    mChangedBar->setObjectName(u"changedOnDiskBar"_s);
    mChangedBar->setFrameShape(QFrame::StyledPanel);
    mChangedBar->setAutoFillBackground(true);
    QPalette p = mChangedBar->palette();
    p.setColor(QPalette::Window, CodeEditor::isDark(p) ? QColor(0x5a, 0x4a, 0x10) : QColor(0xff, 0xf4, 0xce));
    mChangedBar->setPalette(p);
    mChangedText = new QLabel(mChangedBar);
    mChangedText->setWordWrap(true);
    auto *reload = new QPushButton(tr("&Reload"), mChangedBar);
    reload->setObjectName(u"reloadButton"_s);
    auto *keep = new QPushButton(tr("&Keep My Version"), mChangedBar);
    keep->setObjectName(u"keepButton"_s);
    auto *barLayout = new QHBoxLayout(mChangedBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    barLayout->addWidget(mChangedText, 1);
    barLayout->addWidget(reload);
    barLayout->addWidget(keep);
    mChangedBar->hide();
    connect(reload, &QPushButton::clicked, this, &EditorPage::reloadFromDisk);
    connect(keep, &QPushButton::clicked, this, &EditorPage::keepMine);

    mFindBar->setEditor(mEditor);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(mChangedBar);
    layout->addWidget(mEditor, 1);
    layout->addWidget(mFindBar);
    mEditor->setLanguage(CodeEditor::languageForFile(path));
    connect(mEditor, &QsciScintilla::modificationChanged, this, &EditorPage::modificationChanged);
}

bool EditorPage::isModified() const
{
    return mEditor->isModified();
}

bool EditorPage::load(QString *error)
{
    QFile file(mPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(QDir::toNativeSeparators(mPath), file.errorString());
        return false;
    }
    mDiskContent = file.readAll();
    mEditor->setText(QString::fromUtf8(mDiskContent));
    setModifiedState(false);
    mEditor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    mExternalChange = false;
    mChangedBar->hide();
    loaded();
    return true;
}

bool EditorPage::save(QString *error)
{
    const QByteArray content = mEditor->text().toUtf8();
    QDir().mkpath(QFileInfo(mPath).absolutePath());
    QSaveFile file(mPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) < 0 || !file.commit()) {
        *error = tr("%1: %2").arg(QDir::toNativeSeparators(mPath), file.errorString());
        return false;
    }
    mDiskContent = content;
    mExternalChange = false;
    mChangedBar->hide();
    setModifiedState(false);
    return true;
}

void EditorPage::diskChanged()
{
    QFile file(mPath);
    const bool exists = file.open(QIODevice::ReadOnly);
    const QByteArray now = exists ? file.readAll() : QByteArray();
    // Our own save, or a change that put back what we have: nothing to decide.
    if (exists && now == mDiskContent) {
        return;
    }
    if (exists && now == mEditor->text().toUtf8()) {
        mDiskContent = now;
        setModifiedState(false);
        mExternalChange = false;
        mChangedBar->hide();
        return;
    }
    mExternalChange = true;
    mChangedText->setText(exists ? (isModified() ? tr("This file changed on disk, and you have unsaved changes. "
                                                      "Reload it (losing your changes) or keep your version?")
                                                 : tr("This file changed on disk. Reload it, or keep the version "
                                                      "shown here?"))
                                 : tr("This file was deleted on disk. Keep your version (saving writes it back)?"));
    mChangedBar->findChild<QPushButton *>(u"reloadButton"_s)->setEnabled(exists);
    mChangedBar->show();
}

void EditorPage::reloadFromDisk()
{
    int line = 0, index = 0;
    mEditor->getCursorPosition(&line, &index);
    const int first = mEditor->firstVisibleLine();
    QFile file(mPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    mDiskContent = file.readAll();
    // Replaced as one undoable step, so a reload can be taken back.
    mEditor->beginUndoAction();
    mEditor->selectAll();
    mEditor->replaceSelectedText(QString::fromUtf8(mDiskContent));
    mEditor->endUndoAction();
    setModifiedState(false);
    mEditor->setCursorPosition(std::min(line, mEditor->lines() - 1), index);
    mEditor->setFirstVisibleLine(first);
    mExternalChange = false;
    mChangedBar->hide();
    loaded();
}

void EditorPage::keepMine()
{
    QFile file(mPath);
    mDiskContent = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    mExternalChange = false;
    mChangedBar->hide();
    // What is shown differs from the disk: it is an unsaved change now.
    setModifiedState(true);
}

void EditorPage::setModifiedState(bool modified)
{
    mEditor->setModified(modified);
}

EditorArea::EditorArea(QWidget *canvas, QWidget *parent) : QTabWidget(parent), mWatcher(new QFileSystemWatcher(this))
{
    setObjectName(u"editorArea"_s);
    setDocumentMode(true);
    setMovable(true);
    setTabsClosable(true);
    addTab(canvas, tr("Design"));
    // The canvas stays.
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *p = qobject_cast<EditorPage *>(widget(index)))
            closePage(p);
    });
    connect(mWatcher, &QFileSystemWatcher::fileChanged, this, &EditorArea::onFileChanged);
    // A file replaced by rename (git checkout, QSaveFile in another program) leaves the
    // watch list; its folder's change brings it back.
    connect(mWatcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &dir) {
        for (EditorPage *p : pages())
            if (QFileInfo(p->path()).absolutePath() == dir && !mWatcher->files().contains(p->path()))
                onFileChanged(p->path());
    });
    mZoom = QSettings().value(u"editor/zoom"_s, 0).toInt();
}

void EditorArea::projectChanged(Project *previous)
{
    if (previous) {
        disconnect(previous, nullptr, this, nullptr);
        disconnect(&previous->architecture(), nullptr, this, nullptr);
    }
    closeAll();
    mProjectDirectory = project() ? project()->directory() : QString();
    if (project()) {
        connect(project(), &Project::filePathChanged, this, [this] {
            const QString now = project()->directory();
            if (now != mProjectDirectory && !mProjectDirectory.isEmpty() && !now.isEmpty())
                onDirectoryChanged(mProjectDirectory, now);
            mProjectDirectory = now;
        });
        // What changes a function's event (not moves, which come at every mouse event of a drag).
        const Architecture *a = &project()->architecture();
        connect(a, &Architecture::edgeAdded, this, &EditorArea::refreshEventSamples);
        connect(a, &Architecture::edgeRemoved, this, &EditorArea::refreshEventSamples);
        connect(a, &Architecture::nodePropertyChanged, this, &EditorArea::refreshEventSamples);
        connect(a, &Architecture::nodeRenamed, this, &EditorArea::refreshEventSamples);
        connect(a, &Architecture::modelReset, this, &EditorArea::refreshEventSamples);
    }
}

QList<EditorPage *> EditorArea::pages() const
{
    QList<EditorPage *> list;
    for (int i = 0; i < count(); ++i)
        if (auto *p = qobject_cast<EditorPage *>(widget(i)))
            list.append(p);
    return list;
}

EditorPage *EditorArea::currentPage() const
{
    return qobject_cast<EditorPage *>(currentWidget());
}

EditorPage *EditorArea::page(const QString &path) const
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (EditorPage *p : pages())
        if (p->path() == clean)
            return p;
    return nullptr;
}

bool EditorArea::hasUnsavedFiles() const
{
    const QList<EditorPage *> all = pages();
    return std::any_of(all.cbegin(), all.cend(), [](const EditorPage *p) { return p->isModified(); });
}

EditorPage *EditorArea::openFile(const QString &path, NodeId function)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (EditorPage *open = page(clean)) {
        setCurrentWidget(open);
        open->editor()->setFocus();
        return open;
    }
    auto *p = new EditorPage(clean, function, this);
    QString message;
    if (!p->load(&message)) {
        delete p;
        emit error(tr("Cannot Open File"), message);
        return nullptr;
    }
    addPage(p);
    return p;
}

void EditorArea::addPage(EditorPage *p)
{
    p->editor()->zoomTo(mZoom);
    connect(p->editor(), &CodeEditor::zoomChanged, this, [this](int zoom) {
        if (zoom == mZoom)
            return;
        mZoom = zoom;
        QSettings().setValue(u"editor/zoom"_s, zoom);
        for (EditorPage *other : pages())
            other->editor()->zoomTo(zoom);
    });
    connect(p, &EditorPage::modificationChanged, this, [this, p] {
        updateTab(p);
        emit unsavedChanged(hasUnsavedFiles());
    });
    const int index = addTab(p, QFileInfo(p->path()).fileName());
    setTabToolTip(index, QDir::toNativeSeparators(p->path()));
    updateTabs();
    setEventSample(p);
    watch(p->path());
    setCurrentIndex(index);
    p->editor()->setFocus();
}

EditorPage *EditorArea::openFunction(NodeId function)
{
    if (!project())
        return nullptr;
    const Result<FunctionSpec> read = FunctionSpec::fromNode(*project(), function);
    if (!read) {
        emit error(tr("Cannot Open Code"), read.errorMessage());
        return nullptr;
    }
    const FunctionSpec &spec = *read;
    if (project()->directory().isEmpty()) {
        emit error(tr("Cannot Open Code"), tr("Save the project first: its functions' code is kept beside it."));
        return nullptr;
    }
    const HandlerReference handler = HandlerReference::resolve(spec.runtime, spec.handler);
    for (const QString &candidate : handler.candidates) {
        const QString file = QDir(spec.sourceDirectory).filePath(candidate);
        if (QFileInfo(file).isFile())
            return openFile(file, function);
    }
    const Result<Scaffold> made = Scaffold::forFunction(*project(), function);
    const Result<void> written = made ? made->write() : Result<void>(made.error());
    if (!written) {
        emit error(tr("Cannot Create the Handler"), written.errorMessage());
        return nullptr;
    }
    const Scaffold &scaffold = *made;
    emit statusMessage(tr("Created %1 for '%2' from the %3 template")
                           .arg(QDir::toNativeSeparators(scaffold.relativePath), spec.name, scaffold.templateName));
    return openFile(scaffold.absolutePath, function);
}

void EditorArea::setWorkflowHost(const WorkflowHost &host)
{
    mWorkflowHost = std::make_shared<WorkflowHost>(host);
}

WorkflowPage *EditorArea::openWorkflow(NodeId machine)
{
    if (!project())
        return nullptr;
    const Result<QString> path = WorkflowStarter::ensure(*project(), machine);
    if (!path) {
        emit error(tr("Cannot Open the Workflow"), path.errorMessage());
        return nullptr;
    }
    const QString clean = QDir::cleanPath(QFileInfo(*path).absoluteFilePath());
    if (EditorPage *open = page(clean)) {
        if (auto *workflow = qobject_cast<WorkflowPage *>(open)) {
            setCurrentWidget(workflow);
            return workflow;
        }
        // Open as plain text: the workflow editor takes its place.
        if (!closePage(open))
            return nullptr;
    }
    auto *p = new WorkflowPage(clean, project(), machine, mWorkflowHost ? *mWorkflowHost : WorkflowHost(), this);
    QString message;
    if (!p->load(&message)) {
        delete p;
        emit error(tr("Cannot Open the Workflow"), message);
        return nullptr;
    }
    connect(p, &WorkflowPage::saveRequested, this, [this, p] { save(p); });
    addPage(p);
    return p;
}

void EditorArea::setEventSample(EditorPage *page)
{
    if (!project() || page->function() == kInvalidNodeId)
        return;
    const QList<TriggerEvents::Source> sources = TriggerEvents::forFunction(*project(), page->function());
    const Result<QByteArray> json = sources.isEmpty() ? Result<QByteArray>(Error{})
                                                      : TriggerEvents::generate(sources.first());
    if (json)
        page->editor()->setEventSample(QJsonDocument::fromJson(*json).object());
    else
        page->editor()->setEventSample(QJsonObject());
}

void EditorArea::refreshEventSamples()
{
    for (EditorPage *p : pages())
        setEventSample(p);
}

void EditorArea::updateTab(EditorPage *page)
{
    const int index = indexOf(page);
    if (index < 0)
        return;
    // Files of one name (each Node.js function has its index.mjs) are told apart by
    // their folder, the function's.
    const QFileInfo file(page->path());
    const QList<EditorPage *> open = pages();
    const bool clash = std::any_of(open.cbegin(), open.cend(), [&](const EditorPage *other) {
        return other != page && QFileInfo(other->path()).fileName() == file.fileName();
    });
    const QString name = clash ? u"%1/%2"_s.arg(file.dir().dirName(), file.fileName()) : file.fileName();
    setTabText(index, page->isModified() ? u"%1 \u25cf"_s.arg(name) : name);
}

void EditorArea::updateTabs()
{
    for (EditorPage *page : pages())
        updateTab(page);
}

void EditorArea::watch(const QString &path)
{
    if (QFileInfo::exists(path) && !mWatcher->files().contains(path))
        mWatcher->addPath(path);
    const QString dir = QFileInfo(path).absolutePath();
    if (QFileInfo(dir).isDir() && !mWatcher->directories().contains(dir))
        mWatcher->addPath(dir);
}

void EditorArea::onFileChanged(const QString &path)
{
    watch(path);
    if (EditorPage *p = page(path))
        p->diskChanged();
}

bool EditorArea::save(EditorPage *page)
{
    if (!page)
        return false;
    if (page->hasExternalChange()) {
        // Never overwrite someone else's change without asking.
        if (offscreen()) {
            emit statusMessage(tr("%1 changed on disk: reload it or keep your version before saving.")
                                   .arg(QFileInfo(page->path()).fileName()));
            return false;
        }
        const auto answer = QMessageBox::warning(
            this, tr("File Changed on Disk"),
            tr("%1 changed on disk since you opened it. Overwrite it with your version?")
                .arg(QDir::toNativeSeparators(page->path())),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    QString message;
    if (!page->save(&message)) {
        emit error(tr("Cannot Save File"), message);
        return false;
    }
    watch(page->path());
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(page->path())));
    emit fileSaved(page->path(), page->function());
    return true;
}

bool EditorArea::saveAll()
{
    bool ok = true;
    for (EditorPage *p : pages())
        if (p->isModified())
            ok = save(p) && ok;
    return ok;
}

bool EditorArea::closePage(EditorPage *page)
{
    if (page->isModified()) {
        setCurrentWidget(page);
        const auto answer =
            offscreen() ? QMessageBox::Cancel
                        : QMessageBox::warning(
                            this, tr("Unsaved Changes"),
                            tr("%1 has changes that are not saved. Save them?").arg(QFileInfo(page->path()).fileName()),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save(page)))
            return false;
    }
    mWatcher->removePath(page->path());
    removeTab(indexOf(page));
    page->deleteLater();
    updateTabs();
    emit unsavedChanged(hasUnsavedFiles());
    return true;
}

bool EditorArea::maybeSaveAll()
{
    QStringList names;
    for (EditorPage *p : pages())
        if (p->isModified())
            names.append(QFileInfo(p->path()).fileName());
    if (names.isEmpty())
        return true;
    if (offscreen())
        return false;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Files"),
        tr("These files have changes that are not saved: %1. Save them?").arg(names.join(", "_L1)),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveAll();
    return answer == QMessageBox::Discard;
}

void EditorArea::closeAll()
{
    for (EditorPage *p : pages()) {
        mWatcher->removePath(p->path());
        removeTab(indexOf(p));
        delete p;
    }
    emit unsavedChanged(false);
}

void EditorArea::onDirectoryChanged(const QString &oldDirectory, const QString &newDirectory)
{
    // Save As moved the project and its function folders: the open files follow.
    const QString prefix = QDir::cleanPath(oldDirectory) + '/'_L1;
    for (EditorPage *p : pages()) {
        if (!p->path().startsWith(prefix))
            continue;
        mWatcher->removePath(p->path());
        p->setPath(QDir(newDirectory).filePath(p->path().mid(prefix.size())));
        setTabToolTip(indexOf(p), QDir::toNativeSeparators(p->path()));
        watch(p->path());
    }
}

} // namespace Nimbus
