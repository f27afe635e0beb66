#include "projectview.h"

#include "document/project.h"

namespace Nimbus {

void ProjectView::setProject(Project *project)
{
    Project *previous = mProject;
    mProject = project;
    projectChanged(previous);
}

Project *ProjectView::project() const
{
    return mProject;
}

} // namespace Nimbus
