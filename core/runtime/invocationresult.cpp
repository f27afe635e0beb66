#include "invocationresult.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

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
        line += u"\tInit Duration: %1 ms"_s.arg(*initDurationMs, 0, 'f', 2);
    return line;
}

QJsonObject InvocationResult::toJson() const
{
    QJsonObject o;
    o.insert(u"requestId"_s, requestId);
    if (ok)
        o.insert(u"result"_s, QJsonDocument::fromJson("[" + resultJson + "]").array().at(0));
    else
        o.insert(u"error"_s, error);
    o.insert(u"logs"_s, QJsonArray::fromStringList(logs));
    QJsonObject report{{u"durationMs"_s, durationMs},
                       {u"billedDurationMs"_s, billedDurationMs},
                       {u"memorySizeMB"_s, memorySizeMB},
                       {u"maxMemoryUsedMB"_s, maxMemoryUsedMB}};
    if (initDurationMs)
        report.insert(u"initDurationMs"_s, *initDurationMs);
    o.insert(u"report"_s, report);
    o.insert(u"coldStart"_s, coldStart);
    if (studioStartMs) {
        o.insert(u"studioStartMs"_s, *studioStartMs);
        o.insert(u"spareWorker"_s, spareWorker);
    }
    if (!imports.isEmpty())
        o.insert(u"imports"_s, imports);
    return o;
}

} // namespace Nimbus
