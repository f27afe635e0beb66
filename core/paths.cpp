#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Nimbus::Paths {

namespace {
QString fromApplication(const char *relative)
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + "/../"_L1 + QLatin1String(relative));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::Paths", text);
}

// Where path really is, with every link that exists resolved; empty when that cannot
// be said safely (a '..' after a part that does not exist, a loop of links).
QString resolvedPath(const QString &path, int depth)
{
    if (depth > 40 || path.isEmpty())
        return {};
    const QString absolute = QDir::isAbsolutePath(path)
                                 ? QDir::fromNativeSeparators(path)
                                 : QDir::currentPath() + '/'_L1 + QDir::fromNativeSeparators(path);
    const QFileInfo info(absolute);
    if (info.exists())
        return info.canonicalFilePath();
    // A dangling link: whatever is written through it lands where it points.
    if (info.isSymLink())
        return resolvedPath(info.symLinkTarget(), depth + 1);
    QString trimmed = absolute;
    while (trimmed.size() > 1 && trimmed.endsWith('/'_L1))
        trimmed.chop(1);
    const int slash = trimmed.lastIndexOf('/'_L1);
    if (slash < 0 || trimmed == "/"_L1)
        return {};
    const QString name = trimmed.mid(slash + 1);
    if (name == ".."_L1)
        return {};
    const QString parent = resolvedPath(slash == 0 ? u"/"_s : trimmed.left(slash), depth);
    if (parent.isEmpty())
        return {};
    if (name.isEmpty() || name == "."_L1)
        return parent;
    return parent.endsWith('/'_L1) ? parent + name : parent + '/'_L1 + name;
}
} // namespace

QString dataDirectory()
{
    const QString overridden = qEnvironmentVariable("NIMBUS_DATA_DIR");
    return overridden.isEmpty() ? fromApplication(NIMBUS_DATA_SUBDIR) : QDir(overridden).absolutePath();
}

QString examplesDirectory()
{
    return dataDirectory() + "/examples"_L1;
}

QString pluginDirectory()
{
    const QString overridden = qEnvironmentVariable("NIMBUS_PLUGIN_DIR");
    return overridden.isEmpty() ? fromApplication(NIMBUS_PLUGIN_SUBDIR) : QDir(overridden).absolutePath();
}

QString confinementProblem(const QString &relative)
{
    if (relative.isEmpty())
        return tr("the path is empty");
    for (const QChar c : relative) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return c.isNull() ? tr("the path holds a NUL character") : tr("the path holds a control character");
    }
    const bool drive = relative.size() >= 2 && relative.at(1) == ':'_L1 && relative.at(0).isLetter();
    if (relative.startsWith('/'_L1) || relative.startsWith('\\'_L1) || drive || QDir::isAbsolutePath(relative))
        return tr("the path is absolute; it must be relative to its folder");
    // Both separators: a path written on one system is read on another.
    QString parts = relative;
    parts.replace('\\'_L1, '/'_L1);
    for (const QString &part : parts.split('/'_L1))
        if (part == ".."_L1)
            return tr("the path has a '..' component, which leads out of its folder");
    return {};
}

QString searchPathProblem(const QString &relative)
{
    if (relative.contains(':'_L1) || relative.contains(';'_L1))
        return tr("the folder holds ':' or ';', which separate the folders of a search path (NODE_PATH, PATH)");
    return {};
}

bool staysUnder(const QString &root, const QString &path)
{
    const QString resolvedRoot = resolvedPath(root, 0);
    const QString resolved = resolvedPath(path, 0);
    if (resolvedRoot.isEmpty() || resolved.isEmpty())
        return false;
    if (resolved == resolvedRoot)
        return true;
    return resolved.startsWith(resolvedRoot.endsWith('/'_L1) ? resolvedRoot : resolvedRoot + '/'_L1);
}

Result<QString> resolveUnder(const QString &root, const QString &relative)
{
    const QString why = confinementProblem(relative);
    if (!why.isEmpty())
        return fail(why);
    // relative has no '..', so cleaning it only drops '.' and doubled separators.
    const QString path = QDir(root).absolutePath() + '/'_L1 + QDir::cleanPath(QDir::fromNativeSeparators(relative));
    if (!staysUnder(root, path))
        return fail(tr("the path leads out of its folder through a symbolic link"));
    return path;
}

FolderContents folderContents(const QString &folder, const std::function<bool(const QString &)> &skip)
{
    FolderContents result;
    if (QFileInfo(folder).isSymLink()) {
        result.skipped.append(u"."_s);
        return result;
    }
    QStringList pending{QString()};
    while (!pending.isEmpty()) {
        const QString relative = pending.takeFirst();
        const QDir dir(relative.isEmpty() ? folder : folder + '/'_L1 + relative);
        // System lists dangling links, fifos and sockets too, so that they are reported.
        const QFileInfoList entries = dir.entryInfoList(
            QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (skip && skip(entry.fileName()))
                continue;
            const QString path = relative.isEmpty() ? entry.fileName() : relative + '/'_L1 + entry.fileName();
            if (entry.isSymLink())
                result.skipped.append(path);
            else if (entry.isDir())
                pending.append(path);
            else if (entry.isFile())
                result.files.append(path);
            else
                result.skipped.append(path);
        }
    }
    result.files.sort();
    result.skipped.sort();
    return result;
}

} // namespace Nimbus::Paths
