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

QStringList InvocationResult::logStream(const QString &logFormat, const QString &systemLogLevel) const
{
    if (logFormat != "JSON"_L1) {
        QStringList lines{u"START RequestId: %1 Version: $LATEST"_s.arg(requestId)};
        lines.append(logs);
        lines.append(u"END RequestId: %1"_s.arg(requestId));
        lines.append(reportLine());
        return lines;
    }
    // The system records are at INFO: only WARN, the least detail, leaves them out.
    if (systemLogLevel == "WARN"_L1)
        return logs;
    const QDateTime start = startedAt.isValid() ? startedAt.toUTC() : QDateTime::currentDateTimeUtc();
    const QDateTime end = start.addMSecs(qint64(durationMs));
    auto record = [](const QDateTime &time, const QString &type, const QJsonObject &fields) {
        const QJsonObject line{{u"time"_s, time.toString(Qt::ISODateWithMs)}, {u"type"_s, type}, {u"record"_s, fields}};
        return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
    };
    QStringList lines;
    if (initDurationMs) {
        lines.append(record(start.addMSecs(-qint64(*initDurationMs)), u"platform.initStart"_s,
                            {{u"initializationType"_s, u"on-demand"_s},
                             {u"phase"_s, u"init"_s},
                             {u"functionName"_s, functionName},
                             {u"functionVersion"_s, u"$LATEST"_s}}));
    }
    lines.append(record(start, u"platform.start"_s, {{u"requestId"_s, requestId}, {u"version"_s, u"$LATEST"_s}}));
    lines.append(logs);
    QJsonObject metrics{{u"durationMs"_s, durationMs},
                        {u"billedDurationMs"_s, billedDurationMs},
                        {u"memorySizeMB"_s, memorySizeMB},
                        {u"maxMemoryUsedMB"_s, maxMemoryUsedMB}};
    if (initDurationMs)
        metrics.insert(u"initDurationMs"_s, *initDurationMs);
    QJsonObject report{
        {u"requestId"_s, requestId}, {u"metrics"_s, metrics}, {u"status"_s, ok ? u"success"_s : u"error"_s}};
    if (!ok)
        report.insert(u"errorType"_s, error.value("errorType"_L1).toString());
    lines.append(record(end, u"platform.report"_s, report));
    return lines;
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
