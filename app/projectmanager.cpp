#include "projectmanager.h"

#include "scaffoldcommand.h"

#include "document/project.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QUndoGroup>
#include <QUndoStack>

namespace Nimbus {

ProjectManager::ProjectManager(QObject *parent) : QObject(parent), mUndoGroup(new QUndoGroup(this)) { }

ProjectManager::~ProjectManager()
{
    closeProject();
}

void ProjectManager::setProject(Project *project, bool untitled, std::unique_ptr<QTemporaryDir> workingCopy)
{
    Project *old = mProject;
    // The old working copy stays until the old project is gone: its views may still read it.
    std::unique_ptr<QTemporaryDir> oldCopy = std::move(mWorkingCopy);
    mProject = project;
    mUntitled = untitled;
    mWorkingCopy = std::move(workingCopy);
    project->setParent(this);
    mUndoGroup->addStack(project->undoStack());
    mUndoGroup->setActiveStack(project->undoStack());
    connect(project, &Project::modifiedChanged, this, &ProjectManager::titleChanged);
    connect(project, &Project::filePathChanged, this, &ProjectManager::titleChanged);
    addScaffoldSteps(project);
    emit currentProjectChanged(project);
    if (old) {
        old->disconnect(this);
        delete old;
    }
    emit titleChanged();
}

void ProjectManager::closeProject()
{
    if (!mProject)
        return;
    mProject->disconnect(this);
    delete mProject;
    mProject = nullptr;
}

void ProjectManager::markSavedAt()
{
    mUntitled = false;
    mWorkingCopy.reset();
    emit titleChanged();
}

bool ProjectManager::isModified() const
{
    return mProject && mProject->isModified();
}

void ProjectManager::addScaffoldSteps(Project *project)
{
    QPointer<ProjectManager> self(this);
    project->setStepExtension([self, project](QUndoCommand *step, NodeId node) {
        if (!self || !self->mWritesScaffolds)
            return;
        auto *scaffold = new WriteScaffoldCommand(project, node, step);
        scaffold->setWrittenCallback([self](const QString &file) {
            if (self)
                emit self->scaffoldWritten(file);
        });
    });
}

} // namespace Nimbus
