#include "scaffoldcommand.h"

#include "document/project.h"
#include "paths.h"
#include "runtime/scaffold.h"

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

void WriteScaffoldCommand::writeFirst()
{
    const QString base = mProject->directory();
    if (base.isEmpty())
        return;
    const Result<Scaffold> scaffold = Scaffold::forFunction(*mProject, mFunction);
    if (!scaffold)
        return;
    const Scaffold &wanted = *scaffold;
    const std::optional<QByteArray> before = contentOf(wanted.absolutePath);
    // The outermost folder that Scaffold::write will have to create.
    QString created;
    for (QString dir = QFileInfo(wanted.absolutePath).absolutePath();
         !QFileInfo::exists(dir) && Paths::staysUnder(base, dir) && QDir(base) != QDir(dir);
         dir = QFileInfo(dir).absolutePath())
        created = dir;
    QString written;
    if (!Scaffold::ensure(*mProject, mFunction, &written))
        return;
    mRelativePath = QDir(base).relativeFilePath(wanted.absolutePath);
    mBefore = before;
    mAfter = contentOf(wanted.absolutePath).value_or(QByteArray());
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
