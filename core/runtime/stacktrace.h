#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Nimbus {

// A place in a source file (lines and columns count from 1; column 0: unknown).
struct SourceLocation
{
    QString file; // absolute
    int line = 0;
    int column = 0;
    bool isValid() const { return !file.isEmpty() && line > 0; }
};

// Reads the places in an invocation error's stack trace (Node.js "at fn (file:line:col)"
// and Python "File "...", line N" frames) that lie in the function's own code, the
// innermost first: where the studio sends the user to fix it.
namespace StackTrace {
QList<SourceLocation> userLocations(const QJsonObject &error, const QString &sourceDirectory);
}

} // namespace Nimbus
