#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Nimbus {

// Where the program's data and plugins are. The build tree mirrors the install tree
// (bin/, lib/nimbus-studio/plugins, share/nimbus-studio), so one rule serves both.
namespace Paths {

// share/nimbus-studio; NIMBUS_DATA_DIR overrides it.
QString dataDirectory();
QString examplesDirectory();
QString pluginDirectory();

// Paths that come from a project or a template (a function's source folder, a node
// name used as a file name, a CodeUri) must stay inside the folder they are relative
// to: projects and templates may come from strangers (issue 17). Every reader and
// every writer of such a path asks these two questions, and nothing else.

// Why relative cannot be used as a path inside its folder, or an empty string when it
// can: it is empty, absolute (/x, \x, C:x), has a '..' component, or holds NUL or
// another control character. "." and "a/./b" are fine.
QString confinementProblem(const QString &relative);
inline bool isConfined(const QString &relative)
{
    return confinementProblem(relative).isEmpty();
}

// Why a folder that goes on a search path (NODE_PATH, PYTHONPATH, PATH, LD_LIBRARY_PATH:
// a function's source folder, a layer's) cannot: ':' or ';' in it would split it into
// folders of the attacker's choosing ("a:/tmp/x"). Empty when it can.
QString searchPathProblem(const QString &relative);

// Whether path is root or lies under it once every symbolic link along both is
// resolved (a link that leads out counts as out, even a dangling one). Parts that do
// not exist yet are taken as written; a '..' among them counts as out.
bool staysUnder(const QString &root, const QString &path);

// root/relative, when relative is confined and the result stays under root; otherwise
// an error that says why.
Result<QString> resolveUnder(const QString &root, const QString &relative);

// What is under a folder that is about to be copied, without following any symbolic
// link: its regular files, relative to it and sorted, and apart what a copy must leave
// out - symbolic links (never what they point at) and fifos, sockets or devices. A
// folder that is itself a link has no files and skipped == {"."}. Entries for which
// skip(name) is true are left out, with everything under them, without a word.
struct FolderContents
{
    QStringList files;
    QStringList skipped;
};
FolderContents folderContents(const QString &folder, const std::function<bool(const QString &name)> &skip = {});

} // namespace Paths
} // namespace Nimbus
