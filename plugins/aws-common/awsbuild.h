#pragma once

#include "export/exportmodel.h"

#include <QString>

#include <optional>

namespace Nimbus::Aws {

// How a compiled function becomes the zip Lambda runs, for the exports that deploy a zip
// they do not build themselves (serverless.yml, Terraform; SAM's `sam build` builds it):
// the shell command, run in the function's folder with $OUT naming an empty folder, that
// leaves in $OUT what the zip holds (Go: the bootstrap; Java: the classes and lib/ of jars,
// Lambda's layout; .NET: the published assembly), and the files whose change calls for a
// new build. None for Node.js, Python and a custom runtime that brings its own bootstrap.
struct BuildStep
{
    QString command;
    QString sources; // a fileset() pattern, relative to the function's folder
    QString tool; // "go", "mvn", "dotnet": what the machine that deploys needs
};
std::optional<BuildStep> buildStep(const ExportFunction &function);

} // namespace Nimbus::Aws
