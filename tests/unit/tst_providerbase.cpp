#include "export/exportmodel.h"
#include "export/providerplugin.h"
#include "export/yaml.h"
#include "model/architecture.h"
#include "model/catalog.h"

#include <QJsonArray>
#include <QTest>

using namespace Nimbus;

using Options = QMap<QString, QString>;

namespace {

// The smallest target: what the base answers from its ProviderTarget.
class SampleTarget : public ProviderPlugin
{
public:
    SampleTarget()
        : ProviderPlugin({QStringLiteral("sample"),
                          QStringLiteral("Sample"),
                          "A sample target",
                          QStringLiteral("cloud"),
                          QStringLiteral("cloud-pricing"),
                          {64, 2048, 300, {QStringLiteral("python3.12")}},
                          {{QStringLiteral("region"), "Region", "Where it runs", QStringLiteral("eu-west-1")},
                           {QStringLiteral("stage"), "Stage", "Empty: none", {}},
                           ProviderOption::containerImage(QStringLiteral("registry/{project}/{function}"))}},
                         write)
    { }

private:
    static void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model,
                      ExportOutput &output)
    {
        output.addFile(QStringLiteral("names.txt"), (plugin.option(input, QStringLiteral("region")) + QLatin1Char(' ')
                                                     + model.sources().join(QLatin1Char(',')))
                                                        .toUtf8());
    }
};

// A target that also imports: what the base answers from its ImportFormat.
class SampleImporter : public ImportingProviderPlugin
{
public:
    SampleImporter()
        : ImportingProviderPlugin(
            {QStringLiteral("sample-in"), QStringLiteral("Sample in"), "Reads back", {}, {}, {}, {}}, write,
            {"Sample file", {QStringLiteral("*.sample")}, score})
    { }

protected:
    // A mapping with a "sample" key; its value goes into the origin.
    Result<void> readDocument(const YAML::Node &root, const ImportInput &input, ImportResult *result) const override
    {
        if (!root.IsMap() || !Yaml::has(root, "sample"))
            return fail(input.fileName + QStringLiteral(": not a sample file"));
        result->origin.insert(QStringLiteral("sample"), Yaml::text(Yaml::child(root, "sample")));
        return {};
    }

private:
    static void write(const ProviderPlugin &, const ExportInput &, const ExportModel &, ExportOutput &) { }
    static int score(const QByteArray &content, const QString &fileName)
    {
        return (content.startsWith("sample") ? 60 : 0) + (fileName.endsWith(QLatin1String(".sample")) ? 30 : 0);
    }
};

Node node(NodeId id, const QString &kind, const QString &name, const QJsonObject &properties = {})
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.name = name;
    n.properties = properties;
    return n;
}

} // namespace

// The shared helpers of ProviderPlugin: what several export targets write the same way.
class tst_ProviderBase : public QObject
{
    Q_OBJECT

private slots:
    void describesTheTarget();
    void optionDefaults_data();
    void optionDefaults();
    void exportBuildsTheModel();
    void scheduleCron_data();
    void scheduleCron();
    void packagePatterns_data();
    void packagePatterns();
    void containerEnvironment_data();
    void containerEnvironment();
    void knativeServiceSpec_data();
    void knativeServiceSpec();
    void reportSecrets();
    void reportServices();
    void reportUnsupportedTrigger();
    void importerAnswersFromItsFormat_data();
    void importerAnswersFromItsFormat();
    void importFileReadsTheDocument_data();
    void importFileReadsTheDocument();
    void projectLabel_data();
    void projectLabel();
};

void tst_ProviderBase::describesTheTarget()
{
    const SampleTarget target;
    QCOMPARE(target.targetId(), QStringLiteral("sample"));
    QCOMPARE(target.targetName(), QStringLiteral("Sample"));
    QCOMPARE(target.targetDescription(), QStringLiteral("A sample target"));
    QCOMPARE(target.providerId(), QStringLiteral("cloud"));
    QCOMPARE(target.pricingCatalog(), QStringLiteral("cloud-pricing"));
    QCOMPARE(target.limits().minMemory, 64);
    QCOMPARE(target.limits().maxMemory, 2048);
    QCOMPARE(target.limits().maxTimeout, 300);
    QCOMPARE(target.limits().runtimes, QStringList{QStringLiteral("python3.12")});

    const QList<ExportOption> options = target.exportOptions();
    QCOMPARE(options.size(), 3);
    QCOMPARE(options.at(0).id, QStringLiteral("region"));
    QCOMPARE(options.at(0).label, QStringLiteral("Region"));
    QCOMPARE(options.at(0).help, QStringLiteral("Where it runs"));
    QCOMPARE(options.at(0).defaultValue, QStringLiteral("eu-west-1"));
    QCOMPARE(options.at(2).id, QStringLiteral("image"));
    QCOMPARE(options.at(2).label, QStringLiteral("Container image"));
    QCOMPARE(options.at(2).defaultValue, QStringLiteral("registry/{project}/{function}"));
    // The interfaces the registry asks for with qobject_cast.
    QObject *object = const_cast<SampleTarget *>(&target);
    QVERIFY(qobject_cast<ExporterInterface *>(object));
    QVERIFY(qobject_cast<ProviderInterface *>(object));
    QVERIFY(!qobject_cast<ImporterInterface *>(object));
}

void tst_ProviderBase::optionDefaults_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<Options>("given");
    QTest::addColumn<QString>("value");
    const Options none;
    QTest::newRow("declared default") << "region" << none << "eu-west-1";
    QTest::newRow("given value") << "region" << Options{{"region", "us-west-2"}} << "us-west-2";
    // An empty value the user gave is kept: the target decides what empty means.
    QTest::newRow("given empty") << "region" << Options{{"region", ""}} << "";
    QTest::newRow("empty default") << "stage" << none << "";
    QTest::newRow("image default") << "image" << none << "registry/{project}/{function}";
    QTest::newRow("undeclared") << "colour" << Options{{"colour", "blue"}} << "blue";
    QTest::newRow("undeclared, absent") << "colour" << none << "";
}

void tst_ProviderBase::optionDefaults()
{
    QFETCH(QString, id);
    QFETCH(Options, given);
    QFETCH(QString, value);
    ExportInput input;
    input.options = given;
    QCOMPARE(SampleTarget().option(input, id), value);
}

void tst_ProviderBase::exportBuildsTheModel()
{
    Architecture architecture;
    architecture.insertNode(node(1, "function", "b", {{"source", "src/b"}}));
    architecture.insertNode(node(2, "function", "a"));
    ExportInput input;
    input.architecture = &architecture;
    input.catalog = &Catalog::builtin();
    const ExportOutput output = SampleTarget().exportProject(input);
    QVERIFY(output.file("names.txt"));
    QCOMPARE(output.file("names.txt")->content, QByteArray("eu-west-1 functions/a,src/b"));
}

void tst_ProviderBase::scheduleCron_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("ncrontab");
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("message"); // the diagnostic when cron cannot say it
    QTest::newRow("rate") << "rate(5 minutes)" << false << "*/5 * * * *"
                          << "";
    QTest::newRow("cron") << "cron(30 9 ? * 2-6 *)" << false << "30 9 * * 1-5"
                          << "";
    QTest::newRow("NCRONTAB has seconds") << "cron(0 2 * * ? *)" << true << "0 0 2 * * *"
                                          << "";
    QTest::newRow("last day") << "cron(0 0 L * ? *)" << false << ""
                              << "nightly: the schedule cannot be written as cron: ";
    QTest::newRow("a year") << "cron(0 0 1 1 ? 2030)" << false << ""
                            << "nightly: the schedule cannot be written as cron: ";
    QTest::newRow("rate cron cannot say") << "rate(7 minutes)" << false << ""
                                          << "nightly: the schedule cannot be written as cron: ";
    QTest::newRow("NCRONTAB, last day") << "cron(0 0 L * ? *)" << true << ""
                                        << "nightly: the schedule cannot be written as NCRONTAB: ";
}

void tst_ProviderBase::scheduleCron()
{
    QFETCH(QString, expression);
    QFETCH(bool, ncrontab);
    QFETCH(QString, cron);
    QFETCH(QString, message);
    Architecture architecture;
    architecture.insertNode(node(7, "schedule", "nightly", {{"expression", expression}}));
    const ExportModel model(architecture, Catalog::builtin());
    ExportOutput output;
    const auto result = ProviderPlugin::scheduleCron(model, architecture.node(7), output,
                                                     ncrontab ? ProviderPlugin::CronFormat::NCrontab
                                                              : ProviderPlugin::CronFormat::Unix);
    if (message.isEmpty()) {
        QVERIFY(result);
        QCOMPARE(*result, cron);
        QVERIFY(output.diagnostics.isEmpty());
        return;
    }
    QVERIFY(!result);
    QCOMPARE(output.diagnostics.size(), 1);
    const Diagnostic &d = output.diagnostics.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.code, QStringLiteral("export-schedule"));
    QCOMPARE(d.nodes, QList<NodeId>{7});
    QCOMPARE(d.property, QStringLiteral("expression"));
    // The message names the trigger, then says why (the converter's own words).
    QVERIFY2(d.message.startsWith(message), qPrintable(d.message));
    QVERIFY2(d.message.size() > message.size(), qPrintable(d.message));
}

void tst_ProviderBase::packagePatterns_data()
{
    QTest::addColumn<QStringList>("sources"); // one function per source folder; empty: the default
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("no function") << QStringList{} << QByteArray("patterns:\n  - \"!**\"\n");
    QTest::newRow("default folder") << QStringList{""} << QByteArray("patterns:\n  - \"!**\"\n  - functions/f0/**\n");
    QTest::newRow("sorted, once each") << QStringList{"src/z", "lib/a", "src/z"}
                                       << QByteArray("patterns:\n  - \"!**\"\n  - lib/a/**\n  - src/z/**\n");
}

void tst_ProviderBase::packagePatterns()
{
    QFETCH(QStringList, sources);
    QFETCH(QByteArray, yaml);
    Architecture architecture;
    for (int i = 0; i < sources.size(); ++i) {
        QJsonObject properties;
        if (!sources.at(i).isEmpty())
            properties.insert("source", sources.at(i));
        architecture.insertNode(node(i + 1, "function", QStringLiteral("f%1").arg(i), properties));
    }
    const ExportModel model(architecture, Catalog::builtin());
    QCOMPARE(Yaml::dump(ProviderPlugin::packagePatterns(model)), yaml);
}

void tst_ProviderBase::containerEnvironment_data()
{
    QTest::addColumn<QJsonArray>("environment"); // as the function's property
    QTest::addColumn<QByteArray>("yaml");
    const QByteArray handler("- name: NIMBUS_HANDLER\n  value: index.handler\n");
    QTest::newRow("none") << QJsonArray{} << handler;
    QTest::newRow("plain") << QJsonArray{QJsonObject{{"name", "MODE"}, {"value", "fast"}}}
                           << "- name: MODE\n  value: fast\n" + handler;
    // The secret's value never reaches the file: only where to read it.
    QTest::newRow("secret") << QJsonArray{QJsonObject{{"name", "TOKEN"}, {"value", "s3cr3t"}, {"secret", true}}}
                            << "- name: TOKEN\n  valueFrom:\n    secretKeyRef:\n      name: f-token\n      key: TOKEN\n"
                                   + handler;
}

void tst_ProviderBase::containerEnvironment()
{
    QFETCH(QJsonArray, environment);
    QFETCH(QByteArray, yaml);
    Architecture architecture;
    architecture.insertNode(node(1, "function", "f", {{"environment", environment}}));
    const ExportModel model(architecture, Catalog::builtin());
    QCOMPARE(model.functions().size(), 1);
    const auto secretKey = [](const EnvironmentVariable &var) {
        return ProviderPlugin::SecretKey{QStringLiteral("f-") + var.name.toLower(), var.name};
    };
    const YAML::Node env = ProviderPlugin::containerEnvironment(model.functions().first(), secretKey);
    QCOMPARE(Yaml::dump(env), yaml);
}

void tst_ProviderBase::knativeServiceSpec_data()
{
    QTest::addColumn<QJsonObject>("properties"); // the function's
    QTest::addColumn<bool>("cpuAndSelector"); // Cloud Run's cpu limit, Knative's node selector
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("plain") << QJsonObject{{"memory", 256}, {"timeout", 30}} << false
                           << QByteArray("template:\n  spec:\n    timeoutSeconds: 30\n    containers:\n"
                                         "      - image: img\n        resources:\n          limits:\n"
                                         "            memory: 256Mi\n");
    // The limits and the pod's entries keep their order: what is given first, then the
    // memory; the timeout, the entries, then the containers.
    QTest::newRow("limits, entries and scale")
        << QJsonObject{{"memory", 512}, {"timeout", 60}, {"reservedConcurrency", 5}} << true
        << QByteArray("template:\n  metadata:\n    annotations:\n      scale/max: '5'\n  spec:\n"
                      "    timeoutSeconds: 60\n    nodeSelector:\n      arch: arm64\n    containers:\n"
                      "      - image: img\n        resources:\n          limits:\n            cpu: '1'\n"
                      "            memory: 512Mi\n");
}

void tst_ProviderBase::knativeServiceSpec()
{
    QFETCH(QJsonObject, properties);
    QFETCH(bool, cpuAndSelector);
    QFETCH(QByteArray, yaml);
    Architecture architecture;
    architecture.insertNode(node(1, "function", "f", properties));
    const ExportModel model(architecture, Catalog::builtin());
    QCOMPARE(model.functions().size(), 1);
    YAML::Node container(YAML::NodeType::Map);
    container["image"] = Yaml::string("img");
    YAML::Node limits(YAML::NodeType::Map);
    YAML::Node entries;
    if (cpuAndSelector) {
        limits["cpu"] = Yaml::string("1");
        YAML::Node selector(YAML::NodeType::Map);
        selector["arch"] = Yaml::string("arm64");
        entries["nodeSelector"] = selector;
    }
    const YAML::Node spec = ProviderPlugin::knativeServiceSpec(model.functions().first(), container, limits, entries,
                                                               "scale/max");
    QCOMPARE(Yaml::dump(spec), yaml);
}

void tst_ProviderBase::reportSecrets()
{
    Architecture architecture;
    const QJsonArray environment{QJsonObject{{"name", "MODE"}, {"value", "fast"}},
                                 QJsonObject{{"name", "TOKEN"}, {"value", "s3cr3t"}, {"secret", true}},
                                 QJsonObject{{"name", "KEY"}, {"value", "k3y"}, {"secret", true}}};
    architecture.insertNode(node(1, "function", "f", {{"environment", environment}}));
    const ExportModel model(architecture, Catalog::builtin());
    ExportOutput output;
    ProviderPlugin::reportSecrets(model.functions().first(), output, QStringLiteral("export-secret"),
                                  QStringLiteral("%1: %2 from %3"),
                                  [](const EnvironmentVariable &var) { return QStringLiteral("vault/") + var.name; });
    // One per secret, in the function's order, on its environment; never the value.
    QCOMPARE(output.diagnostics.size(), 2);
    QStringList messages;
    for (const Diagnostic &d : std::as_const(output.diagnostics)) {
        QCOMPARE(d.severity, Diagnostic::Severity::Info);
        QCOMPARE(d.code, QStringLiteral("export-secret"));
        QCOMPARE(d.nodes, QList<NodeId>{1});
        QCOMPARE(d.property, QStringLiteral("environment"));
        messages.append(d.message);
    }
    QCOMPARE(messages,
             (QStringList{QStringLiteral("f: TOKEN from vault/TOKEN"), QStringLiteral("f: KEY from vault/KEY")}));
}

void tst_ProviderBase::reportServices()
{
    Architecture architecture;
    architecture.insertNode(node(1, "bucket", "files"));
    architecture.insertNode(node(2, "table", "items"));
    architecture.insertNode(node(3, "topic", "news"));
    architecture.insertNode(node(4, "queue", "jobs"));
    architecture.insertNode(node(5, "function", "f"));
    const ExportModel model(architecture, Catalog::builtin());
    ExportOutput output;
    ProviderPlugin::reportServices(model, output, [](const Node *n) { return n->kind + QLatin1Char(' ') + n->name; });
    // Every service the target does not create, queues first, and nothing else.
    QStringList messages;
    QList<NodeId> nodes;
    for (const Diagnostic &d : std::as_const(output.diagnostics)) {
        QCOMPARE(d.severity, Diagnostic::Severity::Info);
        QCOMPARE(d.code, QStringLiteral("export-service"));
        messages.append(d.message);
        nodes.append(d.nodes.value(0));
    }
    QCOMPARE(messages, (QStringList{QStringLiteral("queue jobs"), QStringLiteral("topic news"),
                                    QStringLiteral("table items"), QStringLiteral("bucket files")}));
    QCOMPARE(nodes, (QList<NodeId>{4, 3, 2, 1}));
}

void tst_ProviderBase::reportUnsupportedTrigger()
{
    const Node trigger = node(7, "cache", "sessions");
    ExportOutput output;
    ProviderPlugin::reportUnsupportedTrigger(&trigger, output, QStringLiteral("%1 (%2) cannot trigger it"));
    QCOMPARE(output.diagnostics.size(), 1);
    const Diagnostic &d = output.diagnostics.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Warning);
    QCOMPARE(d.code, QStringLiteral("export-unsupported"));
    QCOMPARE(d.message, QStringLiteral("sessions (cache) cannot trigger it"));
    QCOMPARE(d.nodes, QList<NodeId>{7});
}

void tst_ProviderBase::importerAnswersFromItsFormat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("score");
    QTest::newRow("content and name") << QByteArray("sample: 1") << QStringLiteral("a.sample") << 90;
    QTest::newRow("content only") << QByteArray("sample: 1") << QStringLiteral("a.yaml") << 60;
    QTest::newRow("name only") << QByteArray("other") << QStringLiteral("a.sample") << 30;
    QTest::newRow("neither") << QByteArray("other") << QStringLiteral("a.yaml") << 0;
}

void tst_ProviderBase::importerAnswersFromItsFormat()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(int, score);
    SampleImporter importer;
    ImporterInterface *asImporter = qobject_cast<ImporterInterface *>(&importer);
    QVERIFY(asImporter);
    QVERIFY(qobject_cast<ExporterInterface *>(&importer));
    QCOMPARE(asImporter->importerId(), QStringLiteral("sample-in"));
    QCOMPARE(asImporter->formatName(), QStringLiteral("Sample file"));
    QCOMPARE(asImporter->fileNameFilters(), QStringList{QStringLiteral("*.sample")});
    QCOMPARE(asImporter->recognise(content, fileName), score);
}

void tst_ProviderBase::importFileReadsTheDocument_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("read");
    QTest::addColumn<QString>("origin"); // what readDocument() kept
    QTest::addColumn<QString>("error"); // how result's error starts
    QTest::newRow("read") << QByteArray("sample: 7\n") << true << "7"
                          << "";
    QTest::newRow("JSON is YAML") << QByteArray("{\"sample\": \"x\"}") << true << "x"
                                  << "";
    // The parser's error, with where in the file; readDocument() is not asked.
    QTest::newRow("does not parse") << QByteArray("sample: [1,\n") << false << ""
                                    << "in.sample:";
    QTest::newRow("refused") << QByteArray("other: 1\n") << false << ""
                             << "in.sample: not a sample file";
    QTest::newRow("not a mapping") << QByteArray("- sample\n") << false << ""
                                   << "in.sample: not a sample file";
}

void tst_ProviderBase::importFileReadsTheDocument()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, read);
    QFETCH(QString, origin);
    QFETCH(QString, error);
    SampleImporter importer;
    ImportInput input;
    input.content = content;
    input.fileName = QStringLiteral("in.sample");
    input.catalog = &Catalog::builtin();
    ImportResult result;
    QCOMPARE(importer.importFile(input, &result), read);
    QCOMPARE(result.origin.value(QStringLiteral("sample")).toString(), origin);
    QVERIFY2(read ? result.error.isEmpty() : result.error.startsWith(error), qPrintable(result.error));
}

void tst_ProviderBase::projectLabel_data()
{
    QTest::addColumn<QString>("projectName");
    QTest::addColumn<QString>("label");
    QTest::newRow("lower case") << "shop"
                                << "shop";
    QTest::newRow("camel case") << "shopFront"
                                << "shop-front";
    QTest::newRow("words") << "Shop Front"
                           << "shop-front";
}

void tst_ProviderBase::projectLabel()
{
    QFETCH(QString, projectName);
    QFETCH(QString, label);
    ExportInput input;
    input.projectName = projectName;
    QCOMPARE(ProviderPlugin::projectLabel(input), label);
}

QTEST_GUILESS_MAIN(tst_ProviderBase)
#include "tst_providerbase.moc"
