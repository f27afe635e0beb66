#pragma once

#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace Nimbus {

class Project;

// The first handler of a new function: a file that runs as it is, written for the
// function's runtime and for the event of what invokes it (an HTTP route gets a
// handler that answers with a status code, a queue one that walks the batch ...).
// Templates come from resources/scaffolds. A custom runtime (provided.al2023, provided.al2)
// gets a Go function (main.go and go.mod, which Nimbus builds into its bootstrap) or,
// with the template "shell", an executable `bootstrap` script that uses curl.
class Scaffold
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Scaffold)

public:
    QString relativePath; // of the handler file, relative to the project's folder
    QString absolutePath;
    QString projectDirectory; // the file must stay inside it (empty: nowhere to write)
    QString templateName; // "http", "sqs", ... or "default"
    QByteArray content;
    bool executable = false; // a custom runtime's bootstrap
    // Files written beside it when they do not exist (a Go function's go.mod): absolute path, content.
    QList<QPair<QString, QByteArray>> companions;

    // The scaffold of a function node; fails for other kinds or unknown runtimes.
    // templateName chooses the template instead of the function's first trigger.
    static Result<Scaffold> forFunction(const Project &project, NodeId function, const QString &templateName = {});
    // Gives a new function its handler file, or replaces an untouched default scaffold
    // by the one for the trigger just connected. Returns true when it wrote a file.
    static bool ensure(const Project &project, NodeId function, QString *writtenFile = nullptr);
    // Writes it unless the file exists (a scaffold never replaces code).
    Result<void> write() const;
};

} // namespace Nimbus
