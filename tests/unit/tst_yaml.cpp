// YAML loading limits, the emitter's tags and quoting, the three-way merge that keeps
// imported templates intact, the HCL writer and the names and schedules exporters use.

#include "export/exportmodel.h"
#include "export/hclwriter.h"
#include "export/yaml.h"
#include "export/yamlmerge.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Nimbus;

class TestYaml : public QObject
{
    Q_OBJECT

private slots:
    void malformed_data();
    void malformed();
    void hostile_data();
    void hostile();
    void tagsRoundTrip();
    void quoting_data();
    void quoting();
    void mergeKeepsUntouchedText();
    void mergeRewritesOnlyChangedEntry();
    void mergeRemovesAndAppends();
    void mergeValueLevel();
    void mergeJsonOriginal();
    void hcl();
    void names_data();
    void names();
    void unixCron_data();
    void unixCron();
};

void TestYaml::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");
    QTest::newRow("unclosed flow") << QByteArray("a: 1\nb: [1, 2\nc: 3\n") << "t.yaml:3:";
    QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << "t.yaml:3:";
    QTest::newRow("nested plain mapping") << QByteArray("a: 1\nb: c: d\n") << "t.yaml:2:";
    QTest::newRow("tab indent") << QByteArray("a:\n\tb: 1\n") << "t.yaml:2:";
}

void TestYaml::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    const Result<YAML::Node> root = Yaml::load(text, QStringLiteral("t.yaml"));
    QVERIFY(!root);
    QVERIFY2(root.errorMessage().startsWith(where), qPrintable(root.errorMessage()));
}

void TestYaml::hostile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("why");
    // "Billion laughs": nine levels of ten aliases each, 10^9 values once expanded.
    QByteArray laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        const char p = char(c - 1);
        laughs += QByteArray(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i)
            laughs += QByteArray(i ? ",*" : "*") + p;
        laughs += "]\n";
    }
    QTest::newRow("billion laughs") << laughs << "expands";
    QTest::newRow("deep flow") << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "nested";
    QByteArray block;
    for (int i = 0; i < 200; ++i)
        block += QByteArray(i * 2, ' ') + "k:\n";
    QTest::newRow("deep block") << block << "nested";
    QTest::newRow("oversized") << QByteArray(9 * 1024 * 1024, 'x') << "MB";
}

void TestYaml::hostile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, why);
    QElapsedTimer timer;
    timer.start();
    const Result<YAML::Node> root = Yaml::load(text, QStringLiteral("evil.yaml"));
    QVERIFY(!root);
    const QString &error = root.errorMessage();
    QVERIFY2(error.contains(why), qPrintable(error));
    QVERIFY2(error.startsWith(QLatin1String("evil.yaml")), qPrintable(error));
    qInfo("refused in %lld ms: %s", timer.elapsed(), qPrintable(error));
}

void TestYaml::tagsRoundTrip()
{
    const QByteArray text = "A: !Ref Bucket\nB: !GetAtt Queue.Arn\nC: !GetAtt [Queue, Arn]\nD: !Sub \"${X}-y\"\n"
                            "E: !If [IsProd, 1, 2]\nF: '2010-09-09'\nG: plain\n";
    const Result<YAML::Node> loaded = Yaml::load(text, QStringLiteral("t.yaml"));
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    const YAML::Node &root = *loaded;
    const QByteArray out = Yaml::dump(root);
    QVERIFY2(out.contains("A: !Ref Bucket\n"), out.constData());
    QVERIFY(out.contains("B: !GetAtt Queue.Arn\n"));
    QVERIFY(out.contains("C: !GetAtt [Queue, Arn]\n"));
    QVERIFY(out.contains("D: !Sub ${X}-y\n"));
    QVERIFY(out.contains("E: !If [IsProd, 1, 2]\n"));
    QVERIFY(out.contains("F: '2010-09-09'\n"));
    const Result<YAML::Node> again = Yaml::load(out, QStringLiteral("out.yaml"));
    QVERIFY(again);
    QVERIFY(Yaml::equal(root, *again));
}

void TestYaml::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("quoted");
    QTest::newRow("date") << "2012-10-17" << true;
    QTest::newRow("version") << "1.0" << true;
    QTest::newRow("integer") << "3" << true;
    QTest::newRow("yes") << "yes" << true;
    QTest::newRow("off") << "off" << true;
    QTest::newRow("null") << "null" << true;
    QTest::newRow("empty") << "" << true;
    QTest::newRow("octal") << "0755" << true;
    QTest::newRow("word") << "arm64" << false;
    QTest::newRow("runtime") << "python3.12" << false;
    QTest::newRow("path") << "/items/{id}" << false;
}

void TestYaml::quoting()
{
    QFETCH(QString, value);
    QFETCH(bool, quoted);
    YAML::Node map(YAML::NodeType::Map);
    map["k"] = Yaml::string(value);
    const QByteArray out = Yaml::dump(map);
    QCOMPARE(out.startsWith("k: '") || out.startsWith("k: \""), quoted);
    const Result<YAML::Node> back = Yaml::load(out, QStringLiteral("t"));
    QVERIFY(back);
    QCOMPARE(Yaml::text(Yaml::child(*back, "k")), value);
}

namespace {
struct Docs
{
    YAML::Node original, baseline, generated;
};
Docs load(const QByteArray &original, const QByteArray &baseline, const QByteArray &generated)
{
    Docs d;
    d.original = Yaml::load(original, QStringLiteral("o")).valueOr(YAML::Node());
    d.baseline = Yaml::load(baseline, QStringLiteral("b")).valueOr(YAML::Node());
    d.generated = Yaml::load(generated, QStringLiteral("g")).valueOr(YAML::Node());
    return d;
}
const QByteArray kOriginal = "# header comment\n"
                             "Parameters:\n"
                             "  Stage: {Type: String}   # kept\n"
                             "Resources:\n"
                             "  # the function\n"
                             "  Fn:\n"
                             "    Type: AWS::Serverless::Function\n"
                             "    Properties:\n"
                             "      MemorySize: !If [IsProd, 1024, 256]\n"
                             "      Timeout: 10  # seconds\n"
                             "      Tags: {team: a}\n"
                             "\n"
                             "  # a table\n"
                             "  Table:\n"
                             "    Type: AWS::DynamoDB::Table\n"
                             "  Alarm:\n"
                             "    Type: AWS::CloudWatch::Alarm\n"
                             "Outputs:\n"
                             "  X: {Value: 1}\n";
const QByteArray kBaseline = "Resources:\n"
                             "  Fn:\n"
                             "    Type: AWS::Serverless::Function\n"
                             "    Properties:\n"
                             "      MemorySize: 128\n"
                             "      Timeout: 10\n"
                             "  Table:\n"
                             "    Type: AWS::DynamoDB::Table\n";
} // namespace

void TestYaml::mergeKeepsUntouchedText()
{
    const Docs d = load(kOriginal, kBaseline, kBaseline);
    QCOMPARE(YamlMerge::mergeText(kOriginal, d.original, d.baseline, d.generated), kOriginal);
}

void TestYaml::mergeRewritesOnlyChangedEntry()
{
    const QByteArray generated = QByteArray(kBaseline).replace("Timeout: 10", "Timeout: 30");
    const Docs d = load(kOriginal, kBaseline, generated);
    const QByteArray merged = YamlMerge::mergeText(kOriginal, d.original, d.baseline, d.generated);
    // The function is rewritten: its new timeout, its untouched intrinsic and tags kept.
    QVERIFY2(merged.contains("      Timeout: 30\n"), merged.constData());
    QVERIFY(merged.contains("MemorySize: !If [IsProd, 1024, 256]"));
    QVERIFY(merged.contains("team: a"));
    // Everything else byte for byte, comments included.
    for (const char *line : {"# header comment\n", "  Stage: {Type: String}   # kept\n", "  # the function\n",
                             "  # a table\n", "  Alarm:\n", "Outputs:\n", "  X: {Value: 1}\n"})
        QVERIFY2(merged.contains(line), line);
    QVERIFY(!merged.contains("Timeout: 10"));
}

void TestYaml::mergeRemovesAndAppends()
{
    const QByteArray generated = "Resources:\n"
                                 "  Fn:\n"
                                 "    Type: AWS::Serverless::Function\n"
                                 "    Properties:\n"
                                 "      MemorySize: 128\n"
                                 "      Timeout: 10\n"
                                 "  Queue:\n"
                                 "    Type: AWS::SQS::Queue\n";
    const Docs d = load(kOriginal, kBaseline, generated);
    const QByteArray merged = YamlMerge::mergeText(kOriginal, d.original, d.baseline, d.generated);
    QVERIFY2(!merged.contains("  Table:\n"), merged.constData());
    QVERIFY(
        merged.contains("  Alarm:\n    Type: AWS::CloudWatch::Alarm\n  Queue:\n    Type: AWS::SQS::Queue\nOutputs:"));
    const Result<YAML::Node> check = Yaml::load(merged, QStringLiteral("m"));
    QVERIFY2(check, qPrintable(check.errorMessage()));
}

void TestYaml::mergeValueLevel()
{
    const Docs d = load("{a: 1, b: !Ref X, c: {d: 1, e: 2}, keep: k}", "{a: 1, b: x, c: {d: 1, e: 2}, z: 5}",
                        "{a: 2, b: x, c: {d: 1, e: 3}, z: 5, n: new}");
    const YAML::Node merged = YamlMerge::merge3(d.original, d.baseline, d.generated);
    QCOMPARE(Yaml::dump(merged), QByteArray("a: 2\nb: !Ref X\nc:\n  d: 1\n  e: 3\nkeep: k\nn: new\n"));
}

void TestYaml::mergeJsonOriginal()
{
    const QByteArray original =
        "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}, \"U\": {\"Type\": \"Custom\"}}}";
    const Docs d = load(original, "{Resources: {T: {Type: AWS::SNS::Topic}}}",
                        "{Resources: {T: {Type: AWS::SNS::Topic, Properties: {DisplayName: x}}}}");
    const QByteArray merged = YamlMerge::mergeText(original, d.original, d.baseline, d.generated);
    QVERIFY2(merged.contains("DisplayName: x"), merged.constData());
    QVERIFY(merged.contains("U:"));
}

void TestYaml::hcl()
{
    HclWriter w;
    w.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sqs_queue"), QStringLiteral("q")});
    w.attribute(QStringLiteral("name"), HclValue::templateString(QStringLiteral("${var.prefix}-q")));
    w.attribute(QStringLiteral("delay_seconds"), HclValue::number(0));
    w.attribute(QStringLiteral("note"), HclValue::string(QStringLiteral("say \"${hi}\"\n")));
    w.beginBlock(QStringLiteral("nested"));
    w.attribute(QStringLiteral("tags"), HclValue::stringList({QStringLiteral("a"), QStringLiteral("b")}));
    w.endBlock();
    w.endBlock();
    w.beginBlock(QStringLiteral("output"), {QStringLiteral("x")});
    w.attribute(QStringLiteral("value"), HclValue::object({{QStringLiteral("k"), HclValue::boolean(true)}}));
    w.endBlock();
    QCOMPARE(w.text(), QByteArray("resource \"aws_sqs_queue\" \"q\" {\n"
                                  "  name          = \"${var.prefix}-q\"\n"
                                  "  delay_seconds = 0\n"
                                  "  note          = \"say \\\"$${hi}\\\"\\n\"\n"
                                  "  nested {\n"
                                  "    tags = [\"a\", \"b\"]\n"
                                  "  }\n"
                                  "}\n"
                                  "\n"
                                  "output \"x\" {\n"
                                  "  value = {\n"
                                  "    k = true\n"
                                  "  }\n"
                                  "}\n"));
}

void TestYaml::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("dns");
    QTest::addColumn<QString>("snake");
    QTest::newRow("camel") << "getItem"
                           << "GetItem"
                           << "get-item"
                           << "get_item";
    QTest::newRow("dashed") << "orders-queue"
                            << "OrdersQueue"
                            << "orders-queue"
                            << "orders_queue";
    QTest::newRow("constant") << "MAIL_API_KEY"
                              << "MailApiKey"
                              << "mail-api-key"
                              << "mail_api_key";
    QTest::newRow("acronym") << "S3Uploads"
                             << "S3Uploads"
                             << "s3-uploads"
                             << "s3_uploads";
}

void TestYaml::names()
{
    QFETCH(QString, name);
    QFETCH(QString, identifier);
    QFETCH(QString, dns);
    QFETCH(QString, snake);
    QCOMPARE(ExportModel::identifier(name), identifier);
    QCOMPARE(ExportModel::dnsLabel(name), dns);
    QCOMPARE(ExportModel::snakeCase(name), snake);
}

void TestYaml::unixCron_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("cron");
    QTest::newRow("nightly") << "cron(0 2 * * ? *)"
                             << "0 2 * * *";
    QTest::newRow("weekdays") << "cron(30 9 ? * 2-6 *)"
                              << "30 9 * * 1-5";
    QTest::newRow("names") << "cron(0 8 ? * MON-FRI *)"
                           << "0 8 * * MON-FRI";
    QTest::newRow("5 minutes") << "rate(5 minutes)"
                               << "*/5 * * * *";
    QTest::newRow("1 hour") << "rate(1 hour)"
                            << "0 * * * *";
    QTest::newRow("1 day") << "rate(1 day)"
                           << "0 0 * * *";
    QTest::newRow("7 minutes") << "rate(7 minutes)"
                               << "";
    QTest::newRow("last day") << "cron(0 0 L * ? *)"
                              << "";
    QTest::newRow("year") << "cron(0 0 1 1 ? 2030)"
                          << "";
}

void TestYaml::unixCron()
{
    QFETCH(QString, expression);
    QFETCH(QString, cron);
    const Result<QString> result = ExportModel::unixCron(expression);
    if (cron.isEmpty()) {
        QVERIFY(!result);
        QVERIFY(!result.errorMessage().isEmpty());
    } else {
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QCOMPARE(*result, cron);
    }
}

QTEST_GUILESS_MAIN(TestYaml)
#include "tst_yaml.moc"
