#pragma once

#include <QPointer>

namespace Nimbus {

class Project;

// A view of the open project: the main window hands it each project that
// ProjectManager::currentProjectChanged makes current, nullptr when none is open. The
// view follows that project's changes from then on and lets go of the previous one
// (its connections and anything it showed of it), which is deleted right after.
class ProjectView
{
public:
    virtual ~ProjectView() = default;

    // Makes project the one shown, then tells the view (projectChanged).
    void setProject(Project *project);
    Project *project() const;

private:
    // project() is the new project (or none): the view drops its connections to previous
    // and what it showed of it, and shows the new one.
    virtual void projectChanged(Project *previous) = 0;

    QPointer<Project> mProject;
};

} // namespace Nimbus
