#include "invocationresult.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Nimbus {

QString InvocationResult::reportLine() const
{
    QString line = QStringLiteral("REPORT RequestId: %1\tDuration: %2 ms\tBilled Duration: %3 ms\tMemory Size: %4 MB\t"
                                  "Max Memory Used: %5 MB")
                       .arg(requestId)
                       .arg(durationMs, 0, 'f', 2)
                       .arg(billedDurationMs)
                       .arg(memorySizeMB)
                       .arg(maxMemoryUsedMB);
    if (initDurationMs)
        line += QStringLiteral("\tInit Duration: %1 ms").arg(*initDurationMs, 0, 'f', 2);
    return line;
}

QJsonObject InvocationResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("requestId"), requestId);
    if (ok)
        o.insert(QStringLiteral("result"), QJsonDocument::fromJson("[" + resultJson + "]").array().at(0));
    else
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("logs"), QJsonArray::fromStringList(logs));
    QJsonObject report{{QStringLiteral("durationMs"), durationMs},
                       {QStringLiteral("billedDurationMs"), billedDurationMs},
                       {QStringLiteral("memorySizeMB"), memorySizeMB},
                       {QStringLiteral("maxMemoryUsedMB"), maxMemoryUsedMB}};
    if (initDurationMs)
        report.insert(QStringLiteral("initDurationMs"), *initDurationMs);
    o.insert(QStringLiteral("report"), report);
    o.insert(QStringLiteral("coldStart"), coldStart);
    return o;
}

} // namespace Nimbus
