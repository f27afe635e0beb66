#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Nimbus {

// The interpreter that runs a runtime id: nodejs22.x wants Node.js 22, python3.12 wants
// Python 3.12. Looked for first in the user's data folder, where Nimbus installs Node.js
// (runtimes/node-22.x.y/bin/node, RuntimeInstaller), then on PATH by versioned name
// (node22, python3.12) and plain name (node, python3), asking each `--version` (kept per
// file and modification time). The first of the right version wins; without one, the
// first found runs the function, with a warning naming both versions.
class RuntimeLocator
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::RuntimeLocator)

public:
    struct Interpreter
    {
        QString runtime; // nodejs22.x
        QString wanted; // "22", "3.12"
        QString path; // empty: none found
        QString version; // "22.3.0", "3.12.1"
        bool installed = false; // found in the data folder, installed by Nimbus
        bool matches = false;
        bool found() const { return !path.isEmpty(); }
    };

    // The runtime ids whose interpreter Nimbus looks for (not the custom runtimes).
    static QStringList runtimes();
    // node or python3; empty for a runtime that brings its own (provided.*).
    static QString programOf(const QString &runtime);
    // The version a runtime id asks for: "22" for nodejs22.x, "3.12" for python3.12.
    static QString wantedVersion(const QString &runtime);
    // The version in an interpreter's --version output ("v22.3.0", "Python 3.12.1").
    static QString parseVersion(const QString &output);
    // Whether version (22.3.0) is of wanted's major or major.minor (22, 3.12).
    static bool versionMatches(const QString &wanted, const QString &version);

    // Where Nimbus installs interpreters: GenericDataLocation/nimbus-studio/runtimes.
    static QString runtimesDirectory();
    // The interpreter for runtime (see the class comment).
    static Interpreter locate(const QString &runtime);
    // "python3.13 wants Python 3.13; it runs on Python 3.11.7 (/usr/bin/python3)", or
    // what is missing; empty when the interpreter matches.
    static QString mismatchWarning(const Interpreter &interpreter);
    // The versions asked of interpreters are asked again (after an install or a removal).
    static void forgetVersions();

private:
    static QString versionOf(const QString &path);
    static QStringList candidates(const QString &runtime, QList<bool> *installed);
};

} // namespace Nimbus
