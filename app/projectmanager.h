#pragma once

#include <QObject>

#include <memory>

class QTemporaryDir;
class QUndoGroup;

namespace Nimbus {

class Project;

// The open project (Tiled's DocumentManager): owns it, whether Save must ask where to
// keep it, the working folder of a project not saved yet, and the undo group that the
// Undo and Redo actions follow. Views take the project from currentProjectChanged.
class ProjectManager : public QObject
{
    Q_OBJECT

public:
    explicit ProjectManager(QObject *parent = nullptr);
    ~ProjectManager() override;

    Project *project() const { return mProject; }
    QUndoGroup *undoGroup() const { return mUndoGroup; }

    // Makes project the open one and takes it; the views move to it (currentProjectChanged),
    // then the previous project is deleted. untitled: Save must ask for a location.
    // workingCopy: the folder the project lives in until it is saved (a copied example,
    // an import, a new project), deleted with the next project; nullptr for none.
    void setProject(Project *project, bool untitled, std::unique_ptr<QTemporaryDir> workingCopy = {});
    // Deletes the project first, while the views that listen to it still exist.
    void closeProject();

    // Save must ask for a location: a new project, an example, an import.
    bool isUntitled() const { return mUntitled; }
    // After a save at a place of the user's choice: the working copy is no longer needed.
    void markSavedAt();
    bool isModified() const;

    // Add to a step that adds or connects a function its handler file, written and
    // removed with the step (on by default; the studio writes scaffolds).
    void setWritesScaffolds(bool on) { mWritesScaffolds = on; }

signals:
    void currentProjectChanged(Project *project);
    // The project's file path or its modified state changed (the window's title).
    void titleChanged();
    // A step wrote a function's first handler (path relative to the project's folder).
    void scaffoldWritten(const QString &relativePath);

private:
    void addScaffoldSteps(Project *project);

    Project *mProject = nullptr;
    QUndoGroup *mUndoGroup;
    std::unique_ptr<QTemporaryDir> mWorkingCopy;
    bool mUntitled = true;
    bool mWritesScaffolds = true;
};

} // namespace Nimbus
