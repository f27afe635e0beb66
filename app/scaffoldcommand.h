#pragma once

#include "model/node.h"

#include <QByteArray>
#include <QString>
#include <QUndoCommand>

#include <functional>
#include <optional>

namespace Nimbus {

class Project;

// A function's handler file, written as part of the step that adds the function or
// connects its trigger (Scaffold::ensure decides: a new file where no handler exists, or
// the untouched default scaffold fitted to the trigger), or a new state machine's starter
// definition (WorkflowStarter, where its file does not exist). Undo puts back exactly what it
// changed, and only while the file is as the command left it: a file the user edited,
// or one that existed before, is never removed.
class WriteScaffoldCommand : public QUndoCommand
{
public:
    WriteScaffoldCommand(Project *project, NodeId function, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    // The file written (relative to the project's folder); empty when it wrote none.
    QString writtenFile() const { return mRelativePath; }
    // Told the relative path of the file each time the command writes it.
    void setWrittenCallback(std::function<void(const QString &)> callback) { mWritten = std::move(callback); }

private:
    // The file the step writes and how, or false when it writes none.
    bool plan(QString *target, std::function<bool()> *write) const;
    void writeFirst();
    QString absolutePath() const;

    Project *mProject;
    NodeId mFunction;
    bool mFirst = true;
    QString mRelativePath;
    std::optional<QByteArray> mBefore; // the file's content before; none: it did not exist
    QByteArray mAfter;
    QString mCreatedFolder; // the outermost folder created for the file (relative), if any
    std::function<void(const QString &)> mWritten;
};

} // namespace Nimbus
