#pragma once

#include "model/node.h"
#include "projectview.h"

#include <QPointer>
#include <QTabWidget>

#include <memory>

class QFileSystemWatcher;
class QFrame;
class QLabel;

namespace Nimbus {

class CodeEditor;
class FindBar;
class WorkflowPage;
struct WorkflowHost;

// One open source file: its editor, its find bar, and the bar that offers to reload it
// when it changes on disk.
class EditorPage : public QWidget
{
    Q_OBJECT

public:
    EditorPage(const QString &path, NodeId function, QWidget *parent = nullptr);

    QString path() const { return mPath; }
    void setPath(const QString &path) { mPath = path; }
    NodeId function() const { return mFunction; }
    CodeEditor *editor() const { return mEditor; }
    FindBar *findBar() const { return mFindBar; }
    virtual bool isModified() const;
    // The file changed (or went) on disk and the user has not decided yet.
    bool hasExternalChange() const { return mExternalChange; }
    QFrame *changedBar() const { return mChangedBar; }

    bool load(QString *error);
    bool save(QString *error);
    // Takes the disk's version, or keeps the buffer (then saving overwrites the disk).
    void reloadFromDisk();
    void keepMine();
    void diskChanged();

signals:
    void modificationChanged(bool modified);

protected:
    // Where the modified state lives: the editor's save point here; a page with an undo
    // stack of its own (the workflow editor) keeps it there.
    virtual void setModifiedState(bool modified);
    // The editor got the file's content (opened or reloaded from disk).
    virtual void loaded() { }

private:
    QString mPath;
    NodeId mFunction;
    CodeEditor *mEditor;
    FindBar *mFindBar;
    QFrame *mChangedBar;
    QLabel *mChangedText;
    QByteArray mDiskContent; // what the file held when last loaded or saved
    bool mExternalChange = false;
};

// The central area: the design canvas first, then one tab per open source file.
class EditorArea : public QTabWidget, public ProjectView
{
    Q_OBJECT

public:
    EditorArea(QWidget *canvas, QWidget *parent = nullptr);

    // Opens a file (or shows it if open). function: the node whose code it is, if any.
    EditorPage *openFile(const QString &path, NodeId function = kInvalidNodeId);
    // Opens a function's handler file; a function without one gets a scaffold first.
    EditorPage *openFunction(NodeId function);
    // Opens a state machine's definition in the workflow editor (a starter one first when
    // the file does not exist).
    WorkflowPage *openWorkflow(NodeId machine);
    // What the workflow editors run executions on (the window's local cloud and history).
    void setWorkflowHost(const WorkflowHost &host);

    EditorPage *currentPage() const;
    EditorPage *page(const QString &path) const;
    QList<EditorPage *> pages() const;
    bool hasUnsavedFiles() const;

    bool save(EditorPage *page);
    bool saveAll();
    // Closes a file's tab; asks about unsaved changes. False when the user keeps it.
    bool closePage(EditorPage *page);
    // Before the window closes: asks about every unsaved file. False to cancel.
    bool maybeSaveAll();
    void closeAll();

    // Completion samples follow the canvas (a new trigger, a changed route ...).
    void refreshEventSamples();

signals:
    void fileSaved(const QString &path, Nimbus::NodeId function);
    void unsavedChanged(bool anyUnsaved);
    void statusMessage(const QString &message);
    void error(const QString &title, const QString &message);

private:
    void projectChanged(Project *previous) override;
    void watch(const QString &path);
    void onFileChanged(const QString &path);
    void updateTab(EditorPage *page);
    void updateTabs();
    void setEventSample(EditorPage *page);
    void onDirectoryChanged(const QString &oldDirectory, const QString &newDirectory);
    // Shows a page just loaded as a new tab.
    void addPage(EditorPage *page);

    QString mProjectDirectory;
    std::shared_ptr<WorkflowHost> mWorkflowHost;
    QFileSystemWatcher *mWatcher;
    int mZoom = 0;
};

} // namespace Nimbus
