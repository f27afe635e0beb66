#pragma once

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

    virtual void setProject(Project *project) = 0;
};

} // namespace Nimbus
