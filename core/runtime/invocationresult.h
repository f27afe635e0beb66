#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace Nimbus {

// The outcome of one invocation: the result or the error, the logs, and the figures
// of Lambda's REPORT line.
struct InvocationResult
{
    QString functionName;
    QString requestId;
    QDateTime startedAt;
    bool ok = false;
    QByteArray resultJson; // when ok
    QJsonObject error; // errorType, errorMessage, stackTrace
    QStringList logs;
    double durationMs = 0;
    qint64 billedDurationMs = 0;
    int memorySizeMB = 0;
    int maxMemoryUsedMB = 0;
    std::optional<double> initDurationMs; // cold starts only
    bool coldStart = false;
    // Cold starts only: how long the invocation waited on this machine for its worker to
    // be ready (the interpreter's start, unless a spare worker had it done, and the
    // handler's initialisation): what the studio's user waited, not Lambda's cold start.
    std::optional<double> studioStartMs;
    bool spareWorker = false; // the worker was a spare, started before it was needed
    // Cold starts only: the modules the handler's load executed, slowest first, each
    // {module, cumulativeMs, selfMs}; module paths relative to the source folder.
    QJsonArray imports;
    // The values of the function's secret variables (FunctionSpec::secretValues): what the
    // run history hides wherever they appear. Never serialized.
    QStringList secrets;

    QString reportLine() const;
    // The invocation's log stream as Lambda writes it to CloudWatch: the handler's lines
    // between the runtime's own. In the Text format, START, END and REPORT. In the JSON
    // format (Lambda's advanced logging controls), the platform.initStart (cold starts),
    // platform.start and platform.report records, each at INFO, so a systemLogLevel of
    // WARN drops them (DEBUG and INFO keep them: locally there is no DEBUG record).
    QStringList logStream(const QString &logFormat, const QString &systemLogLevel) const;
    // The shape `nimbus invoke --json` prints.
    QJsonObject toJson() const;
};

} // namespace Nimbus
Q_DECLARE_METATYPE(Nimbus::InvocationResult)
