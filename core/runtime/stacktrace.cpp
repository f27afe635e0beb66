#include "stacktrace.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Nimbus {

QList<SourceLocation> StackTrace::userLocations(const QJsonObject &error, const QString &sourceDirectory)
{
    static const QRegularExpression nodeFrame(u"(file://)?(/[^():]+):(\\d+):(\\d+)"_s);
    static const QRegularExpression pythonFrame(u"File \"([^\"]+)\", line (\\d+)"_s);
    const QString root = QDir::cleanPath(sourceDirectory) + '/'_L1;
    auto inUserCode = [&](const QString &file) {
        return file.startsWith(root) && !file.contains("/node_modules/"_L1) && !file.contains("/site-packages/"_L1);
    };

    QList<SourceLocation> nodeLocations;
    QList<SourceLocation> pythonLocations;
    for (const QJsonValue &frame : error.value("stackTrace"_L1).toArray()) {
        const QString text = frame.toString();
        if (const QRegularExpressionMatch m = pythonFrame.match(text); m.hasMatch()) {
            const QString file = QDir::cleanPath(m.captured(1));
            if (inUserCode(file))
                pythonLocations.append({file, m.captured(2).toInt(), 0});
            continue;
        }
        if (const QRegularExpressionMatch m = nodeFrame.match(text); m.hasMatch()) {
            QString file = m.captured(2);
            if (m.capturedLength(1) > 0)
                file = QUrl(m.captured(1) + file).toLocalFile();
            file = QDir::cleanPath(file);
            if (inUserCode(file))
                nodeLocations.append({file, m.captured(3).toInt(), m.captured(4).toInt()});
        }
    }
    // A Python traceback lists the outermost call first.
    std::reverse(pythonLocations.begin(), pythonLocations.end());
    return nodeLocations + pythonLocations;
}

} // namespace Nimbus
