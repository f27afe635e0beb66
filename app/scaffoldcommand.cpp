#include "scaffoldcommand.h"

#include "document/project.h"
#include "model/kinds.h"
#include "paths.h"
#include "runtime/scaffold.h"
#include "workflow/workflowstarter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Nimbus {

namespace {
std::optional<QByteArray> contentOf(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) >= 0 && file.commit();
}
} // namespace

WriteScaffoldCommand::WriteScaffoldCommand(Project *project, NodeId function, QUndoCommand *parent)
    : QUndoCommand(parent), mProject(project), mFunction(function)
{ }

QString WriteScaffoldCommand::absolutePath() const
{
    return QDir(mProject->directory()).filePath(mRelativePath);
}

bool WriteScaffoldCommand::plan(QString *target, std::function<bool()> *write) const
{
    const Node *node = mProject->architecture().node(mFunction);
    if (node && node->kind == Kinds::StateMachine) {
        const Result<QString> path = WorkflowStarter::definitionPath(*mProject, mFunction);
        if (!path || QFileInfo::exists(*path))
            return false;
        *target = *path;
        *write = [this] { return bool(WorkflowStarter::ensure(*mProject, mFunction)); };
        return true;
    }
    const Result<Scaffold> scaffold = Scaffold::forFunction(*mProject, mFunction);
    if (!scaffold)
        return false;
    *target = scaffold->absolutePath;
    *write = [this] { return Scaffold::ensure(*mProject, mFunction); };
    return true;
}

void WriteScaffoldCommand::writeFirst()
{
    const QString base = mProject->directory();
    if (base.isEmpty())
        return;
    QString target;
    std::function<bool()> write;
    if (!plan(&target, &write))
        return;
    const std::optional<QByteArray> before = contentOf(target);
    // The outermost folder that the write will have to create.
    QString created;
    for (QString dir = QFileInfo(target).absolutePath();
         !QFileInfo::exists(dir) && Paths::staysUnder(base, dir) && QDir(base) != QDir(dir);
         dir = QFileInfo(dir).absolutePath())
        created = dir;
    if (!write())
        return;
    mRelativePath = QDir(base).relativeFilePath(target);
    mBefore = before;
    mAfter = contentOf(target).value_or(QByteArray());
    if (!created.isEmpty())
        mCreatedFolder = QDir(base).relativeFilePath(created);
    if (mWritten)
        mWritten(mRelativePath);
}

void WriteScaffoldCommand::redo()
{
    if (mFirst) {
        mFirst = false;
        writeFirst();
        return;
    }
    if (mRelativePath.isEmpty() || !Paths::staysUnder(mProject->directory(), absolutePath()))
        return;
    // Written again only over what was there before, never over a change of the user's.
    if (contentOf(absolutePath()) != mBefore)
        return;
    if (writeFile(absolutePath(), mAfter) && mWritten)
        mWritten(mRelativePath);
}

void WriteScaffoldCommand::undo()
{
    const QString path = absolutePath();
    if (mRelativePath.isEmpty() || contentOf(path) != mAfter || !Paths::staysUnder(mProject->directory(), path))
        return;
    if (mBefore) {
        writeFile(path, *mBefore);
        return;
    }
    QFile::remove(path);
    if (mCreatedFolder.isEmpty())
        return;
    // The folders made for the file go too, while they are empty.
    const QString outermost = QDir(mProject->directory()).filePath(mCreatedFolder);
    for (QString dir = QFileInfo(path).absolutePath(); Paths::staysUnder(outermost, dir) && QDir().rmdir(dir);
         dir = QFileInfo(dir).absolutePath()) {
        if (QDir(dir) == QDir(outermost))
            break;
    }
}

} // namespace Nimbus
