// Structured logs (issue 20 item 7): with Lambda's advanced logging controls in JSON
// format, the Node.js and Python workers write each console / logging line as one JSON
// object ({timestamp, level, requestId, message}) and drop those below the application
// log level; in Text format the lines stay as written.

#include "testutil.h"

#include "runtime/functionspec.h"
#include "runtime/instance.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

namespace {

const QByteArray kNode = R"(exports.handler = async () => {
    console.trace("t");
    console.debug("d");
    console.info("i %d", 1);
    console.log("l", { a: 1 });
    console.warn("w");
    console.error(new TypeError("bad"));
    return process.env.AWS_LAMBDA_LOG_FORMAT + "/" + (process.env.AWS_LAMBDA_LOG_LEVEL || "");
};
)";

const QByteArray kPython = R"(import logging
import os
logger = logging.getLogger("app")

def handler(event, context):
    logger.debug("d")
    logger.info("i %d", 1)
    logging.warning("w")
    try:
        raise TypeError("bad")
    except TypeError:
        logger.exception("failed")
    print("plain")
    return os.environ["AWS_LAMBDA_LOG_FORMAT"] + "/" + os.environ.get("AWS_LAMBDA_LOG_LEVEL", "")
)";

// The lines a function logs in one invocation, without the studio's time and request id.
struct Run
{
    InvocationResult result;
    QStringList lines;
    QList<QJsonObject> records; // the lines that are JSON objects
};

Run invoke(const QString &runtime, const QString &format, const QString &level)
{
    QTemporaryDir code;
    const bool python = runtime.startsWith(QLatin1String("python"));
    NimbusTest::writeAll(code.filePath(python ? QStringLiteral("index.py") : QStringLiteral("index.js")),
                         python ? kPython : kNode);
    FunctionSpec spec;
    spec.name = QStringLiteral("logs");
    spec.runtime = runtime;
    spec.handler = QStringLiteral("index.handler");
    spec.sourceDirectory = code.path();
    spec.timeoutSeconds = 10;
    spec.logFormat = format;
    spec.applicationLogLevel = level;
    Instance instance(spec);
    QSignalSpy finished(&instance, &Instance::finished);
    Run run;
    if (!instance.start() || (instance.invoke(QStringLiteral("req-1"), "{}"), !finished.wait(20000)))
        return run;
    run.result = finished.first().first().value<InvocationResult>();
    for (const QString &log : std::as_const(run.result.logs)) {
        const QString line = log.section(QLatin1Char('\t'), 2);
        run.lines.append(line);
        const QJsonDocument json = QJsonDocument::fromJson(line.toUtf8());
        if (json.isObject())
            run.records.append(json.object());
    }
    return run;
}

QStringList levels(const Run &run)
{
    QStringList found;
    for (const QJsonObject &record : run.records)
        found.append(record.value(QLatin1String("level")).toString());
    return found;
}

} // namespace

class TestStructuredLogs : public QObject
{
    Q_OBJECT

private slots:
    void nodeJson();
    void nodeJsonLevel();
    void nodeText();
    void pythonJson();
    void pythonText();
    void systemLogs_data();
    void systemLogs();
};

void TestStructuredLogs::nodeJson()
{
    const Run run = invoke(QStringLiteral("nodejs20.x"), QStringLiteral("JSON"), QStringLiteral("INFO"));
    QVERIFY(run.result.ok);
    QCOMPARE(run.result.resultJson, QByteArray("\"JSON/INFO\""));
    QCOMPARE(levels(run), (QStringList{"INFO", "INFO", "WARN", "ERROR"}));
    const QJsonObject info = run.records.at(0);
    QCOMPARE(info.value("message").toString(), QStringLiteral("i 1"));
    QCOMPARE(info.value("requestId").toString(), QStringLiteral("req-1"));
    QVERIFY(QDateTime::fromString(info.value("timestamp").toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(run.records.at(1).value("message").toString(), QStringLiteral("l { a: 1 }"));
    const QJsonObject error = run.records.at(3);
    QCOMPARE(error.value("errorType").toString(), QStringLiteral("TypeError"));
    QCOMPARE(error.value("errorMessage").toString(), QStringLiteral("bad"));
    QVERIFY(!error.value("stackTrace").toArray().isEmpty());
}

void TestStructuredLogs::nodeJsonLevel()
{
    const Run trace = invoke(QStringLiteral("nodejs20.x"), QStringLiteral("JSON"), QStringLiteral("TRACE"));
    QCOMPARE(levels(trace), (QStringList{"TRACE", "DEBUG", "INFO", "INFO", "WARN", "ERROR"}));
    const Run error = invoke(QStringLiteral("nodejs20.x"), QStringLiteral("JSON"), QStringLiteral("ERROR"));
    QCOMPARE(levels(error), QStringList{"ERROR"});
    QCOMPARE(error.result.resultJson, QByteArray("\"JSON/ERROR\""));
}

void TestStructuredLogs::nodeText()
{
    const Run run = invoke(QStringLiteral("nodejs20.x"), QStringLiteral("Text"), QStringLiteral("ERROR"));
    QVERIFY(run.result.ok);
    QCOMPARE(run.result.resultJson, QByteArray("\"Text/\""));
    QVERIFY(run.records.isEmpty());
    QVERIFY(run.lines.contains(QStringLiteral("i 1")));
    QVERIFY(run.lines.contains(QStringLiteral("d"))); // nothing is dropped in Text format
}

void TestStructuredLogs::pythonJson()
{
    const Run run = invoke(QStringLiteral("python3.11"), QStringLiteral("JSON"), QStringLiteral("INFO"));
    QVERIFY2(run.result.ok, QJsonDocument(run.result.error).toJson().constData());
    QCOMPARE(run.result.resultJson, QByteArray("\"JSON/INFO\""));
    QCOMPARE(levels(run), (QStringList{"INFO", "WARNING", "ERROR"}));
    const QJsonObject info = run.records.at(0);
    QCOMPARE(info.value("message").toString(), QStringLiteral("i 1"));
    QCOMPARE(info.value("logger").toString(), QStringLiteral("app"));
    QCOMPARE(info.value("requestId").toString(), QStringLiteral("req-1"));
    QVERIFY(info.value("timestamp").toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(run.records.at(2).value("errorType").toString(), QStringLiteral("TypeError"));
    QVERIFY(run.lines.contains(QStringLiteral("plain"))); // print() stays text
    const Run debug = invoke(QStringLiteral("python3.11"), QStringLiteral("JSON"), QStringLiteral("DEBUG"));
    QCOMPARE(levels(debug), (QStringList{"DEBUG", "INFO", "WARNING", "ERROR"}));
}

void TestStructuredLogs::pythonText()
{
    const Run run = invoke(QStringLiteral("python3.11"), QStringLiteral("Text"), QStringLiteral("INFO"));
    QVERIFY(run.result.ok);
    QCOMPARE(run.result.resultJson, QByteArray("\"Text/\""));
    QVERIFY(run.records.isEmpty());
}

void TestStructuredLogs::systemLogs_data()
{
    // The runtime's own lines around the handler's, per log format and system log level:
    // the kinds of line in order ("log" for the handler's).
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("level");
    QTest::addColumn<bool>("cold");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("text") << "Text"
                          << "INFO" << false << true << QStringList{"START", "log", "END", "REPORT"};
    QTest::newRow("text ignores the level") << "Text"
                                            << "WARN" << true << true << QStringList{"START", "log", "END", "REPORT"};
    QTest::newRow("json warm") << "JSON"
                               << "INFO" << false << true << QStringList{"platform.start", "log", "platform.report"};
    QTest::newRow("json cold") << "JSON"
                               << "INFO" << true << true
                               << QStringList{"platform.initStart", "platform.start", "log", "platform.report"};
    QTest::newRow("json debug") << "JSON"
                                << "DEBUG" << false << true << QStringList{"platform.start", "log", "platform.report"};
    QTest::newRow("json warn drops them") << "JSON"
                                          << "WARN" << true << false << QStringList{"log"};
    QTest::newRow("json failed") << "JSON"
                                 << "INFO" << false << false << QStringList{"platform.start", "log", "platform.report"};
}

void TestStructuredLogs::systemLogs()
{
    QFETCH(QString, format);
    QFETCH(QString, level);
    QFETCH(bool, cold);
    QFETCH(bool, ok);
    QFETCH(QStringList, kinds);
    InvocationResult r;
    r.functionName = QStringLiteral("orders");
    r.requestId = QStringLiteral("req-9");
    r.startedAt = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
    r.ok = ok;
    if (!ok)
        r.error = QJsonObject{{"errorType", "TypeError"}, {"errorMessage", "bad"}};
    r.logs = {QStringLiteral("2026-12-03T10:00:00.001Z\treq-9\tINFO\thello")};
    r.durationMs = 12.5;
    r.billedDurationMs = 13;
    r.memorySizeMB = 128;
    r.maxMemoryUsedMB = 60;
    if (cold)
        r.initDurationMs = 150.0;
    const QStringList stream = r.logStream(format, level);
    QStringList found;
    for (const QString &line : stream) {
        const QJsonObject json = QJsonDocument::fromJson(line.toUtf8()).object();
        if (!json.isEmpty()) {
            found.append(json.value(QLatin1String("type")).toString());
            QVERIFY(!json.value(QLatin1String("time")).toString().isEmpty());
            const QJsonObject record = json.value(QLatin1String("record")).toObject();
            if (json.value(QLatin1String("type")).toString() == QLatin1String("platform.report")) {
                QCOMPARE(record.value(QLatin1String("requestId")).toString(), QStringLiteral("req-9"));
                QCOMPARE(record.value(QLatin1String("status")).toString(),
                         ok ? QStringLiteral("success") : QStringLiteral("error"));
                const QJsonObject metrics = record.value(QLatin1String("metrics")).toObject();
                QCOMPARE(metrics.value(QLatin1String("billedDurationMs")).toInt(), 13);
                QCOMPARE(metrics.contains(QLatin1String("initDurationMs")), cold);
            }
        } else if (line.startsWith(QLatin1String("REPORT RequestId: req-9"))) {
            found.append(QStringLiteral("REPORT"));
        } else if (line == QLatin1String("START RequestId: req-9 Version: $LATEST")) {
            found.append(QStringLiteral("START"));
        } else if (line == QLatin1String("END RequestId: req-9")) {
            found.append(QStringLiteral("END"));
        } else {
            QCOMPARE(line, r.logs.first());
            found.append(QStringLiteral("log"));
        }
    }
    QCOMPARE(found, kinds);
}

QTEST_GUILESS_MAIN(TestStructuredLogs)
#include "tst_structuredlogs.moc"
