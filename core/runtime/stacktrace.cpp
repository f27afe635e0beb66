#include "stacktrace.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace Nimbus {

QList<SourceLocation> StackTrace::userLocations(const QJsonObject &error, const QString &sourceDirectory)
{
    static const QRegularExpression nodeFrame(QStringLiteral("(file://)?(/[^():]+):(\\d+):(\\d+)"));
    static const QRegularExpression pythonFrame(QStringLiteral("File \"([^\"]+)\", line (\\d+)"));
    const QString root = QDir::cleanPath(sourceDirectory) + QLatin1Char('/');
    auto inUserCode = [&](const QString &file) {
        return file.startsWith(root) && !file.contains(QLatin1String("/node_modules/"))
               && !file.contains(QLatin1String("/site-packages/"));
    };

    QList<SourceLocation> nodeLocations;
    QList<SourceLocation> pythonLocations;
    for (const QJsonValue &frame : error.value(QLatin1String("stackTrace")).toArray()) {
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
