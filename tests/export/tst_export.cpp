// Export to every target through the plugins of the build tree: golden files,
// determinism, secrets, provider limits, atomic writing; import of SAM/CloudFormation
// and serverless.yml with lossless round trips; malformed and hostile input.

#include "cost/workload.h"
#include "document/project.h"
#include "export/exportjob.h"
#include "export/exportmodel.h"
#include "export/pluginregistry.h"
#include "export/yaml.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>

using namespace Nimbus;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kExample = QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json");
const QString kGoldens = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/golden");
const QString kData = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data");
const QStringList kTargets = {QStringLiteral("azure"),      QStringLiteral("cloudrun"), QStringLiteral("knative"),
                              QStringLiteral("openfaas"),   QStringLiteral("sam"),      QStringLiteral("scaleway"),
                              QStringLiteral("serverless"), QStringLiteral("terraform")};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QString diagnosticsText(const QList<Diagnostic> &diagnostics)
{
    QString text;
    for (const Diagnostic &d : diagnostics)
        text += Diagnostic::severityName(d.severity) + QLatin1String(": ") + d.message + QLatin1Char('\n');
    return text;
}

// Lines of a not in b, in order (a multiset difference).
QStringList removedLines(const QByteArray &a, const QByteArray &b)
{
    QStringList rest = QString::fromUtf8(b).split(QLatin1Char('\n'));
    QStringList removed;
    for (const QString &line : QString::fromUtf8(a).split(QLatin1Char('\n'))) {
        const int i = rest.indexOf(line);
        if (i < 0)
            removed.append(line);
        else
            rest.removeAt(i);
    }
    return removed;
}
// Every file under dir (hidden ones too) with its content.
QMap<QString, QByteArray> folderSnapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readFile(path));
    }
    return files;
}

bool writeText(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Two small exports that share a code path, as SAM and Terraform do.
ExportOutput samLike(const QByteArray &version = "1")
{
    ExportOutput output;
    output.addFile(QStringLiteral("template.yaml"), "sam " + version + '\n');
    output.addFile(QStringLiteral("functions/getItem/index.mjs"), "code " + version + '\n');
    return output;
}

ExportOutput terraformLike()
{
    ExportOutput output;
    output.addFile(QStringLiteral("main.tf"), "terraform\n");
    output.addFile(QStringLiteral("functions/getItem/index.mjs"), "terraform code\n");
    return output;
}
} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plugins();
    void brokenPlugin();
    void golden_data();
    void golden();
    void deterministic_data() { targets(); }
    void deterministic();
    void secretsAbsent_data() { targets(); }
    void secretsAbsent();
    void unexportedNodesReported_data() { targets(); }
    void unexportedNodesReported();
    void leakedSecretIsAnError();
    void providerLimits();
    void scalewayMemorySteps_data();
    void scalewayMemorySteps();
    void writeIsAtomic();
    void writeInBackground();
    void writeKeepsFilesNotItsOwn();
    void anotherTargetsExportNeedsConsent();
    void cancelPutsReplacedFilesBack();
    void olderMarkerStillProtects();
    void samRoundTripUnchanged();
    void samRoundTripWithCanvasChanges();
    void samOriginSurvivesSave();
    void serverlessRoundTrip();
    void cloudFormationJson();
    void importErrors_data();
    void importErrors();
    void exportThenImport();
    void infracostUsageFollowsTheWorkload();
    void infracostUsageVolumeIsChecked();
    // Buses, rules, trigger settings, destinations and FIFO in SAM and serverless.yml, out
    // and back in (tests/export/data/events).
    void awsEventsGolden_data();
    void awsEventsGolden() { golden(); }
    void awsEventsRoundTrip_data();
    void awsEventsRoundTrip();
    void awsBucketFilterReported_data();
    void awsBucketFilterReported();
    void awsEventsImportHandwritten_data();
    void awsEventsImportHandwritten();
    // An event source's setting the import does not read is a warning naming it.
    void awsUnreadEventSettingsReported_data();
    void awsUnreadEventSettingsReported();
    void awsJsonTextRoundTrip_data();
    void awsJsonTextRoundTrip();
    void awsEventProblemsReported_data();
    void awsEventProblemsReported();
    // Buses, rules, trigger settings, destinations and FIFO in Terraform, Knative and
    // Cloud Run, and the diagnostics of the other targets (tests/export/data/events).
    void eventTargetsGolden_data();
    void eventTargetsGolden();
    void eventSettingWrittenOrReported_data();
    void eventSettingWrittenOrReported();
    void knativeRuleFilters_data();
    void knativeRuleFilters();
    void cloudRunRuleTriggers_data();
    void cloudRunRuleTriggers();
    void terraformFifoLimits();

private:
    void targets();
    ExportOutput exportProject(const Project &project, const QString &target);

    PluginRegistry *mRegistry = nullptr;
};

void TestExport::initTestCase()
{
    mRegistry = new PluginRegistry(kPlugins);
}

void TestExport::targets()
{
    QTest::addColumn<QString>("target");
    for (const QString &t : kTargets)
        QTest::newRow(qPrintable(t)) << t;
}

ExportOutput TestExport::exportProject(const Project &project, const QString &target)
{
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    return ExportJob::prepare(*exporter, mRegistry->provider(target), ExportJob::input(project, target, options));
}

void TestExport::plugins()
{
    QStringList ids;
    for (const PluginInfo &info : mRegistry->plugins()) {
        QVERIFY2(info.loaded, qPrintable(info.fileName + QLatin1String(": ") + info.error));
        QVERIFY(!info.name.isEmpty());
        QVERIFY(!info.version.isEmpty());
        QVERIFY(!info.targets.isEmpty());
    }
    for (const ExporterInterface *e : mRegistry->exporters())
        ids.append(e->targetId());
    QCOMPARE(ids, kTargets);
    QVERIFY(mRegistry->importer(QStringLiteral("sam")));
    QVERIFY(mRegistry->importer(QStringLiteral("serverless")));
    QCOMPARE(mRegistry->provider(QStringLiteral("sam"))->limits().maxTimeout, 900);
    QCOMPARE(mRegistry->provider(QStringLiteral("azure"))->pricingCatalog(), QStringLiteral("azure-eastus"));
}

void TestExport::brokenPlugin()
{
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("libnimbus-broken.so")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a shared library");
    broken.close();
    PluginRegistry registry(dir.path());
    QCOMPARE(registry.plugins().size(), 1);
    QVERIFY(!registry.plugins().first().loaded);
    QVERIFY(!registry.plugins().first().error.isEmpty());
    QVERIFY(registry.exporters().isEmpty());
}

void TestExport::golden_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("projectPath");
    QTest::addColumn<QString>("goldens");
    for (const QString &t : kTargets) {
        QTest::newRow(qPrintable(QLatin1String("shop/") + t)) << t << kExample << QStringLiteral("shop");
        // Every trigger kind, a REST route, a FIFO queue, a function calling another.
        QTest::newRow(qPrintable(QLatin1String("all-triggers/") + t))
            << t << kData + QLatin1String("/all-triggers/all-triggers.json") << QStringLiteral("all-triggers");
    }
}

void TestExport::golden()
{
    QFETCH(QString, target);
    QFETCH(QString, projectPath);
    QFETCH(QString, goldens);
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(projectPath, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    const ExportOutput output = exportProject(project, target);
    QVERIFY(!output.files.isEmpty());
    const bool update = qEnvironmentVariableIsSet("NIMBUS_UPDATE_GOLDENS");
    const QString folder = kGoldens + QLatin1Char('/') + goldens + QLatin1Char('/') + target;
    QStringList expected;
    auto check = [&](const QString &path, const QByteArray &content) {
        expected.append(path);
        if (update) {
            QDir().mkpath(QFileInfo(folder + QLatin1Char('/') + path).absolutePath());
            QFile out(folder + QLatin1Char('/') + path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
            return;
        }
        QCOMPARE(QString::fromUtf8(content), QString::fromUtf8(readFile(folder + QLatin1Char('/') + path)));
    };
    for (const ExportFile &f : output.files) {
        if (f.isCopy())
            QVERIFY2(QFileInfo::exists(f.copyFrom), qPrintable(f.copyFrom));
        else
            check(f.path, f.content);
    }
    // What the target cannot express is reported, and the report is part of the golden.
    check(QStringLiteral("diagnostics.txt"), diagnosticsText(output.diagnostics).toUtf8());
    // Only Azure refuses something here: a function with two triggers.
    QCOMPARE(hasErrors(output.diagnostics),
             goldens == QLatin1String("all-triggers") && target == QLatin1String("azure"));
    QStringList present;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        present.append(QDir(folder).relativeFilePath(it.next()));
    present.sort();
    expected.sort();
    QCOMPARE(present, expected);
}

void TestExport::deterministic()
{
    QFETCH(QString, target);
    Project first(Catalog::builtin());
    Project second(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, first));
    // The same design saved and reloaded (other ids, another file) exports the same.
    QTemporaryDir dir;
    QVERIFY(file.save(first, dir.filePath(QStringLiteral("shop.nimbus"))));
    QVERIFY(file.load(dir.filePath(QStringLiteral("shop.nimbus")), second));
    const ExportOutput a = exportProject(first, target);
    const ExportOutput b = exportProject(second, target);
    QCOMPARE(a.files.size(), b.files.size());
    for (int i = 0; i < a.files.size(); ++i) {
        QCOMPARE(a.files.at(i).path, b.files.at(i).path);
        QCOMPARE(a.files.at(i).content, b.files.at(i).content);
    }
}

void TestExport::secretsAbsent()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    const ExportOutput output = exportProject(project, target);
    QTemporaryDir dir;
    const Result<void> written = ExportJob::write(output, dir.filePath(QStringLiteral("out")), target);
    QVERIFY2(written, qPrintable(written.errorMessage()));
    int files = 0;
    for (QDirIterator it(dir.filePath(QStringLiteral("out")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString path = it.next();
        ++files;
        QVERIFY2(!readFile(path).contains("replace-me"), qPrintable(path));
    }
    QVERIFY(files > 2);
    // The secret is referred to, not dropped.
    QByteArray all;
    for (const ExportFile &f : output.files)
        all += f.content;
    QVERIFY2(all.contains("MAIL_API_KEY") || all.contains("mail-api-key") || all.contains("mail_api_key"),
             qPrintable(target));
}

namespace {
class LeakyExporter : public ExporterInterface
{
public:
    QString targetId() const override { return QStringLiteral("leaky"); }
    QString targetName() const override { return QStringLiteral("Leaky"); }
    QString targetDescription() const override { return {}; }
    ExportOutput exportProject(const ExportInput &) const override
    {
        ExportOutput out;
        out.addFile(QStringLiteral("config"), "MAIL_API_KEY=replace-me\n");
        return out;
    }
};
} // namespace

void TestExport::leakedSecretIsAnError()
{
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    const ExportOutput output = ExportJob::prepare(LeakyExporter(), nullptr,
                                                   ExportJob::input(project, QStringLiteral("leaky"), {}));
    QVERIFY(hasErrors(output.diagnostics));
    QCOMPARE(output.diagnostics.first().code, QStringLiteral("export-secret"));
}

void TestExport::unexportedNodesReported()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    QVERIFY(project.addNode(QStringLiteral("http-route"), {}, QStringLiteral("orphanRoute")));
    const ExportOutput output = exportProject(project, target);
    const QString text = diagnosticsText(output.diagnostics);
    QVERIFY2(text.contains(QLatin1String("orphanRoute invokes no function; it is not exported")), qPrintable(text));
    for (const Diagnostic &d : output.diagnostics)
        if (d.code == QLatin1String("export-unconnected"))
            QCOMPARE(d.nodes, QList<NodeId>{project.architecture().nodeByName(QStringLiteral("orphanRoute"))->id});
}

void TestExport::providerLimits()
{
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    const NodeId report = project.architecture().nodeByName(QStringLiteral("dailyReport"))->id;
    QVERIFY(project.setNodeProperty(report, QStringLiteral("memory"), 3008));
    QVERIFY(project.setNodeProperty(report, QStringLiteral("timeout"), 900));
    const ExportOutput azure = exportProject(project, QStringLiteral("azure"));
    QStringList codes;
    for (const Diagnostic &d : azure.diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            codes.append(d.code);
    QVERIFY2(codes.contains(QStringLiteral("export-memory")), qPrintable(diagnosticsText(azure.diagnostics)));
    QVERIFY(codes.contains(QStringLiteral("export-timeout")));
    QVERIFY(!hasErrors(exportProject(project, QStringLiteral("sam")).diagnostics));
}

void TestExport::scalewayMemorySteps_data()
{
    QTest::addColumn<int>("memory");
    QTest::addColumn<int>("written");
    QTest::newRow("a step") << 256 << 256;
    QTest::newRow("the smallest") << 128 << 128;
    QTest::newRow("between steps") << 300 << 512;
    QTest::newRow("between the largest") << 3500 << 4096;
}

// A function's memory is rounded up to Scaleway's next size, with a warning that says so;
// the target's limits are the smallest and the largest size.
void TestExport::scalewayMemorySteps()
{
    QFETCH(int, memory);
    QFETCH(int, written);
    const ProviderInterface *scaleway = mRegistry->provider(QStringLiteral("scaleway"));
    QVERIFY(scaleway);
    QCOMPARE(scaleway->limits().minMemory, 128);
    QCOMPARE(scaleway->limits().maxMemory, 4096);
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    QVERIFY(project.setNodeProperty(project.architecture().nodeByName(QStringLiteral("dailyReport"))->id,
                                    QStringLiteral("memory"), memory));
    const ExportOutput output = exportProject(project, QStringLiteral("scaleway"));
    QVERIFY(output.file(QStringLiteral("serverless.yml")));
    const Result<YAML::Node> root = Yaml::load(output.file(QStringLiteral("serverless.yml"))->content, {});
    QVERIFY(root);
    QCOMPARE(Yaml::text((*root)["functions"]["daily-report"]["memoryLimit"]), QString::number(written));
    const QString warning =
        QStringLiteral(
            "dailyReport: Scaleway offers 128/256/512/1024/2048/3072/4096 MB steps; %1 MB is written as %2 MB")
            .arg(memory)
            .arg(written);
    QCOMPARE(diagnosticsText(output.diagnostics).contains(warning), memory != written);
}

void TestExport::writeIsAtomic()
{
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    const ExportOutput output = exportProject(project, QStringLiteral("sam"));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    // A folder of the user's is never replaced.
    QDir().mkpath(out);
    QFile mine(out + QLatin1String("/notes.txt"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.close();
    const Result<void> refused = ExportJob::write(output, out, QStringLiteral("sam"));
    QVERIFY2(!refused && refused.errorMessage().contains(QLatin1String("not empty")),
             qPrintable(refused.errorMessage()));
    QVERIFY(QFile::exists(out + QLatin1String("/notes.txt")));
    QVERIFY(QFile::remove(out + QLatin1String("/notes.txt")));
    // A cancelled export leaves nothing behind.
    int calls = 0;
    QVERIFY(!ExportJob::write(output, out, QStringLiteral("sam"), [&](int, int) { return ++calls < 3; }));
    QVERIFY(QDir(out).isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("out")});
    // A finished one, then another over it.
    QVERIFY(ExportJob::write(output, out, QStringLiteral("sam")));
    QVERIFY(QFile::exists(out + QLatin1String("/template.yaml")));
    QVERIFY(QFile::exists(out + QLatin1String("/functions/getItem/index.mjs")));
    QVERIFY(ExportJob::write(output, out, QStringLiteral("sam")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("out")});
    // A cancel at the last call, with the new export already swapped in, puts the previous one back.
    QFile earlier(out + QLatin1String("/template.yaml"));
    QVERIFY(earlier.open(QIODevice::WriteOnly));
    earlier.write("the earlier export\n");
    earlier.close();
    const Result<void> cancelled = ExportJob::write(output, out, QStringLiteral("sam"),
                                                    [](int done, int total) { return done < total; });
    QVERIFY(!cancelled);
    QVERIFY2(cancelled.errorMessage().contains(QLatin1String("cancelled")), qPrintable(cancelled.errorMessage()));
    QVERIFY(earlier.open(QIODevice::ReadOnly));
    QCOMPARE(earlier.readAll(), QByteArray("the earlier export\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("out")});
}

// The studio's way: on a pool thread, the future counting the files written.
void TestExport::writeInBackground()
{
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QFutureWatcher<Result<void>> watcher;
    QList<int> values;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, this, [&](int value) { values.append(value); });
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(
        ExportJob::writeInBackground(exportProject(project, QStringLiteral("sam")), out, QStringLiteral("sam")));
    QVERIFY(finished.wait(10000));
    QVERIFY(!watcher.isCanceled());
    QVERIFY2(watcher.result(), qPrintable(watcher.result().errorMessage()));
    QVERIFY(watcher.progressMaximum() >= 7); // the template and the six functions' code
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.last(), watcher.progressMaximum());
    QVERIFY(QFile::exists(out + QLatin1String("/template.yaml")));
    QVERIFY(QFile::exists(out + QLatin1String("/.nimbus-export")));
}

// The user's files in an export folder (notes, a Terraform state, a folder of their own)
// stay byte for byte; a file this target no longer writes goes, with its empty folder.
void TestExport::writeKeepsFilesNotItsOwn()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    ExportOutput first = samLike();
    first.addFile(QStringLiteral("functions/gone/index.mjs"), "old\n");
    QVERIFY(ExportJob::write(first, out, QStringLiteral("sam")));
    QVERIFY(writeText(out + QLatin1String("/notes.txt"), "mine\n"));
    QVERIFY(writeText(out + QLatin1String("/.terraform/state"), "state\n"));
    QVERIFY(writeText(out + QLatin1String("/functions/getItem/README.md"), "about getItem\n"));
    const ExportPlan plan = ExportJob::plan(samLike("2"), out, QStringLiteral("sam"));
    QVERIFY(!plan.needsConfirmation());
    QCOMPARE(plan.removed, QStringList{QStringLiteral("functions/gone/index.mjs")});
    QCOMPARE(plan.kept, (QStringList{QStringLiteral(".terraform/state"), QStringLiteral("functions/getItem/README.md"),
                                     QStringLiteral("notes.txt")}));
    const Result<void> written = ExportJob::write(samLike("2"), out, QStringLiteral("sam"));
    QVERIFY2(written, qPrintable(written.errorMessage()));
    const QMap<QString, QByteArray> after = folderSnapshot(out);
    QCOMPARE(after.value(QStringLiteral("notes.txt")), QByteArray("mine\n"));
    QCOMPARE(after.value(QStringLiteral(".terraform/state")), QByteArray("state\n"));
    QCOMPARE(after.value(QStringLiteral("functions/getItem/README.md")), QByteArray("about getItem\n"));
    QCOMPARE(after.value(QStringLiteral("template.yaml")), QByteArray("sam 2\n"));
    QVERIFY(!QFileInfo::exists(out + QLatin1String("/functions/gone")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("out")});
}

// SAM's folder chosen for Terraform: refused until the plan that lists what would be
// replaced is agreed to; then the shared file is replaced and SAM's other files stay.
void TestExport::anotherTargetsExportNeedsConsent()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(ExportJob::write(samLike(), out, QStringLiteral("sam")));
    const QMap<QString, QByteArray> before = folderSnapshot(out);
    const ExportPlan plan = ExportJob::plan(terraformLike(), out, QStringLiteral("terraform"));
    QVERIFY(plan.needsConfirmation());
    QCOMPARE(plan.otherTargets, QStringList{QStringLiteral("sam")});
    QCOMPARE(plan.replaced, QStringList{QStringLiteral("functions/getItem/index.mjs")});
    QCOMPARE(plan.kept, QStringList{QStringLiteral("template.yaml")});
    const Result<void> refused = ExportJob::write(terraformLike(), out, QStringLiteral("terraform"));
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QLatin1String("functions/getItem/index.mjs")),
             qPrintable(refused.errorMessage()));
    QCOMPARE(folderSnapshot(out), before);
    const Result<void> written = ExportJob::write(terraformLike(), out, QStringLiteral("terraform"), {}, plan);
    QVERIFY2(written, qPrintable(written.errorMessage()));
    QCOMPARE(readFile(out + QLatin1String("/template.yaml")), QByteArray("sam 1\n"));
    QCOMPARE(readFile(out + QLatin1String("/main.tf")), QByteArray("terraform\n"));
    QCOMPARE(readFile(out + QLatin1String("/functions/getItem/index.mjs")), QByteArray("terraform code\n"));
    // Each target's files are known: SAM again would replace Terraform's code, and asks.
    const ExportPlan back = ExportJob::plan(samLike(), out, QStringLiteral("sam"));
    QCOMPARE(back.otherTargets, QStringList{QStringLiteral("terraform")});
    QCOMPARE(back.replaced, QStringList{QStringLiteral("functions/getItem/index.mjs")});
    QCOMPARE(back.kept, QStringList{QStringLiteral("main.tf")});
    // An agreement covers only what it listed.
    QVERIFY(writeText(out + QLatin1String("/main.tf"), "edited\n"));
    QVERIFY(writeText(out + QLatin1String("/template.yaml"), "sam by hand\n"));
    ExportPlan stale = back;
    stale.replaced.clear();
    QVERIFY(!ExportJob::write(samLike(), out, QStringLiteral("sam"), {}, stale));
    QCOMPARE(readFile(out + QLatin1String("/functions/getItem/index.mjs")), QByteArray("terraform code\n"));
}

// A cancel once the files are in place puts back exactly what they replaced.
void TestExport::cancelPutsReplacedFilesBack()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(ExportJob::write(samLike(), out, QStringLiteral("sam")));
    QVERIFY(writeText(out + QLatin1String("/notes.txt"), "mine\n"));
    const QMap<QString, QByteArray> before = folderSnapshot(out);
    const ExportPlan plan = ExportJob::plan(terraformLike(), out, QStringLiteral("terraform"));
    const Result<void> cancelled = ExportJob::write(
        terraformLike(), out, QStringLiteral("terraform"), [](int done, int total) { return done < total; }, plan);
    QVERIFY(!cancelled);
    QCOMPARE(folderSnapshot(out), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("out")});
}

// A folder an earlier version exported to (its marker names the target alone): the same
// target writes there without asking but removes nothing; another target asks.
void TestExport::olderMarkerStillProtects()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(writeText(out + QLatin1String("/.nimbus-export"), "sam\n"));
    QVERIFY(writeText(out + QLatin1String("/template.yaml"), "sam 0\n"));
    QVERIFY(writeText(out + QLatin1String("/notes.txt"), "mine\n"));
    const ExportPlan same = ExportJob::plan(samLike(), out, QStringLiteral("sam"));
    QVERIFY(!same.needsConfirmation());
    QVERIFY(same.removed.isEmpty());
    const ExportPlan other = ExportJob::plan(terraformLike(), out, QStringLiteral("terraform"));
    QCOMPARE(other.otherTargets, QStringList{QStringLiteral("sam")});
    QVERIFY(ExportJob::write(samLike(), out, QStringLiteral("sam")));
    QCOMPARE(readFile(out + QLatin1String("/notes.txt")), QByteArray("mine\n"));
    QCOMPARE(readFile(out + QLatin1String("/template.yaml")), QByteArray("sam 1\n"));
}

void TestExport::samRoundTripUnchanged()
{
    Project project(Catalog::builtin());
    const QString path = kData + QLatin1String("/sam-handwritten/template.yaml");
    const Result<QList<Diagnostic>> imported = ExportJob::import(path, *mRegistry, project);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const QList<Diagnostic> &notes = *imported;
    QCOMPARE(project.architecture().nodeCount(), 3);
    QVERIFY(project.architecture().nodeByName(QStringLiteral("CreateOrder")));
    QVERIFY(project.architecture().nodeByName(QStringLiteral("OrdersTable")));
    QVERIFY(project.architecture().nodeByName(QStringLiteral("Create")));
    QVERIFY(diagnosticsText(notes).contains(QLatin1String("AWS::CloudWatch::Alarm")));
    const ExportOutput output = exportProject(project, QStringLiteral("sam"));
    QCOMPARE(QString::fromUtf8(output.file(QStringLiteral("template.yaml"))->content),
             QString::fromUtf8(readFile(path)));
    QVERIFY(output.file(QStringLiteral("src/orders"))->isCopy());
}

void TestExport::samRoundTripWithCanvasChanges()
{
    Project project(Catalog::builtin());
    const QString path = kData + QLatin1String("/sam-handwritten/template.yaml");
    QVERIFY(ExportJob::import(path, *mRegistry, project));
    const NodeId fn = project.architecture().nodeByName(QStringLiteral("CreateOrder"))->id;
    QVERIFY(project.setNodeProperty(fn, QStringLiteral("memory"), 512));
    const NodeId queue = project.addNode(QStringLiteral("queue"), {}, QStringLiteral("Outbox")).valueOr(kInvalidNodeId);
    QVERIFY(project.connectNodes(fn, queue, QStringLiteral("writes")));

    const QByteArray original = readFile(path);
    const QByteArray exported =
        exportProject(project, QStringLiteral("sam")).file(QStringLiteral("template.yaml"))->content;
    // Only the memory line and the policies go; comments, Parameters, Conditions, the alarm, the
    // outputs and the intrinsics stay as written.
    // The new connection rewrites the policy list, which the edges define.
    QCOMPARE(removedLines(original, exported),
             (QStringList{QStringLiteral("      MemorySize: !If [IsProd, 1024, 256]"),
                          QStringLiteral("        - DynamoDBCrudPolicy:"),
                          QStringLiteral("            TableName: !Ref OrdersTable")}));
    const QStringList added = removedLines(exported, original);
    QVERIFY2(added.contains(QStringLiteral("      MemorySize: 512")), qPrintable(added.join(QLatin1Char('\n'))));
    QVERIFY(added.contains(QStringLiteral("  Outbox:")));
    QVERIFY(added.contains(QStringLiteral("                - sqs:SendMessage")));
    const Result<YAML::Node> check = Yaml::load(exported, QStringLiteral("template.yaml"));
    QVERIFY2(check, qPrintable(check.errorMessage()));
}

void TestExport::samOriginSurvivesSave()
{
    Project project(Catalog::builtin());
    const QString path = kData + QLatin1String("/sam-handwritten/template.yaml");
    QVERIFY(ExportJob::import(path, *mRegistry, project));
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("p.nimbus"), QStringLiteral("p.json")}) {
        ProjectFile file;
        const auto saved = file.save(project, dir.filePath(name));
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        Project reopened(Catalog::builtin());
        const auto loaded = file.load(dir.filePath(name), reopened);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("src/orders/app.py"))));
        QCOMPARE(exportProject(reopened, QStringLiteral("sam")).file(QStringLiteral("template.yaml"))->content,
                 readFile(path));
    }
}

void TestExport::serverlessRoundTrip()
{
    Project project(Catalog::builtin());
    const QString path = kData + QLatin1String("/serverless-handwritten/serverless.yml");
    const Result<QList<Diagnostic>> imported = ExportJob::import(path, *mRegistry, project);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const Node *resize = project.architecture().nodeByName(QStringLiteral("resize"));
    QVERIFY(resize);
    QCOMPARE(resize->properties.value(QStringLiteral("memory")).toInt(), 512);
    QCOMPARE(resize->properties.value(QStringLiteral("source")).toString(), QStringLiteral("src"));
    const QJsonArray env = resize->properties.value(QStringLiteral("environment")).toArray();
    QCOMPARE(env.size(), 2);
    QVERIFY(env.at(0).toObject().value(QStringLiteral("secret")).toBool());
    QVERIFY(project.architecture().nodeByName(QStringLiteral("Jobs")));
    QCOMPARE(project.architecture().edgeCount(), 1);

    const QByteArray original = readFile(path);
    QCOMPARE(QString::fromUtf8(
                 exportProject(project, QStringLiteral("serverless")).file(QStringLiteral("serverless.yml"))->content),
             QString::fromUtf8(original));

    QVERIFY(project.setNodeProperty(resize->id, QStringLiteral("timeout"), 60));
    const QByteArray changed =
        exportProject(project, QStringLiteral("serverless")).file(QStringLiteral("serverless.yml"))->content;
    QCOMPARE(removedLines(original, changed), QStringList{QStringLiteral("    timeout: 20")});
    QVERIFY(removedLines(changed, original).contains(QStringLiteral("    timeout: 60")));
}

void TestExport::cloudFormationJson()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("stack.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Uploads": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Enabled"}}},
    "Events": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "Events"}},
    "Work": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 90}}
  }})");
    f.close();
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(f.fileName(), *mRegistry, project);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    QCOMPARE(project.architecture().nodeCount(), 3);
    QVERIFY(project.architecture()
                .nodeByName(QStringLiteral("Uploads"))
                ->properties.value(QStringLiteral("versioning"))
                .toBool());
    QCOMPARE(project.architecture()
                 .nodeByName(QStringLiteral("Work"))
                 ->properties.value(QStringLiteral("visibilityTimeout"))
                 .toInt(),
             90);
    const QByteArray out = exportProject(project, QStringLiteral("sam")).file(QStringLiteral("template.yaml"))->content;
    QVERIFY2(out.contains("VisibilityTimeout: 90"), out.constData());
}

void TestExport::importErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax") << QByteArray("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [1\n  B: 2\n")
                            << "template.yaml"
                            << "template.yaml:4:";
    QTest::newRow("no resources") << QByteArray("AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n")
                                  << "template.yaml"
                                  << "no Resources";
    QTest::newRow("not a template") << QByteArray("hello: world\n") << "notes.yaml"
                                    << "no importer";
    QByteArray laughs = "AWSTemplateFormatVersion: x\nResources: {}\na: &a [x,x,x,x,x,x,x,x,x,x]\n";
    for (char c = 'b'; c <= 'h'; ++c)
        laughs += QByteArray(1, c) + ": &" + c + " [*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*"
                  + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1)
                  + ",*" + char(c - 1) + ",*" + char(c - 1) + "]\n";
    QTest::newRow("billion laughs") << laughs << "template.yaml"
                                    << "refused";
    QTest::newRow("deep") << (QByteArray("AWSTemplateFormatVersion: x\nResources: ") + QByteArray(5000, '[')
                              + QByteArray(5000, ']'))
                          << "template.yaml"
                          << "refused";
    QTest::newRow("serverless other provider")
        << QByteArray("service: s\nprovider:\n  name: google\n") << "serverless.yml"
        << "only aws";
}

void TestExport::importErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QFile f(dir.filePath(fileName));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    const int before = project.architecture().nodeCount();
    const Result<QList<Diagnostic>> imported = ExportJob::import(
        f.fileName(), *mRegistry, project,
        fileName == QLatin1String("serverless.yml") ? QStringLiteral("serverless") : QString());
    QVERIFY(!imported);
    QVERIFY2(imported.errorMessage().contains(message), qPrintable(imported.errorMessage()));
    QCOMPARE(project.architecture().nodeCount(), before); // nothing lost
}

void TestExport::exportThenImport()
{
    // The SAM export of the example reads back as the same design.
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kExample, project));
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(exportProject(project, QStringLiteral("sam")), dir.filePath(QStringLiteral("sam")),
                             QStringLiteral("sam")));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(QStringLiteral("sam/template.yaml")),
                                                             *mRegistry, imported);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(imported.architecture().nodeCount(), project.architecture().nodeCount());
    QCOMPARE(imported.architecture().edgeCount(), project.architecture().edgeCount());
    const Node *report = imported.architecture().nodeByName(QStringLiteral("DailyReport"));
    QVERIFY(report);
    QCOMPARE(report->properties.value(QStringLiteral("memory")).toInt(), 1024);
    QCOMPARE(report->properties.value(QStringLiteral("architecture")).toString(), QStringLiteral("arm64"));
}

// The Terraform export's infracost-usage.yml: Infracost's format (version 0.1, usage by
// resource address), every address one main.tf declares, the volumes the cost model uses
// at the volume the option gives. (validate.sh checks it against the schema too.)
void TestExport::infracostUsageFollowsTheWorkload()
{
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kExample, project));
    const ExporterInterface *exporter = mRegistry->exporter(QStringLiteral("terraform"));
    QVERIFY(exporter);
    QMap<QString, QString> options{{QStringLiteral("monthlyRequests"), QStringLiteral("5000000")}};
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(QStringLiteral("terraform")),
                                                   ExportJob::input(project, QStringLiteral("terraform"), options));
    QVERIFY(!hasErrors(output.diagnostics));
    const ExportFile *file = output.file(QStringLiteral("infracost-usage.yml"));
    QVERIFY(file);
    const Result<YAML::Node> root = Yaml::load(file->content, file->path);
    QVERIFY2(root, qPrintable(root.errorMessage()));
    QCOMPARE(Yaml::text((*root)["version"]), QStringLiteral("0.1"));
    const YAML::Node usage = (*root)["resource_usage"];
    QVERIFY(usage.IsMap());

    const QByteArray mainTf = output.file(QStringLiteral("main.tf"))->content;
    QStringList addresses;
    for (const auto &entry : usage) {
        const QString address = QString::fromStdString(entry.first.as<std::string>());
        addresses.append(address);
        const QStringList parts = address.split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 2);
        const QByteArray declaration = "resource \"" + parts[0].toUtf8() + "\" \"" + parts[1].toUtf8() + "\"";
        QVERIFY2(mainTf.contains(declaration), qPrintable(address));
    }
    addresses.sort();
    QCOMPARE(addresses, (QStringList{"aws_apigatewayv2_api.http",
                                     "aws_cloudwatch_event_bus.shop_events",
                                     "aws_dynamodb_table.image_metadata",
                                     "aws_dynamodb_table.items",
                                     "aws_dynamodb_table.orders",
                                     "aws_lambda_function.charge_payment",
                                     "aws_lambda_function.create_order",
                                     "aws_lambda_function.daily_report",
                                     "aws_lambda_function.describe_image",
                                     "aws_lambda_function.get_item",
                                     "aws_lambda_function.get_order",
                                     "aws_lambda_function.notify_customer",
                                     "aws_lambda_function.process_order",
                                     "aws_lambda_function.refund_payment",
                                     "aws_s3_bucket.images",
                                     "aws_s3_bucket.receipts",
                                     "aws_s3_bucket.reports",
                                     "aws_sns_topic.order_events",
                                     "aws_sqs_queue.notify_failures",
                                     "aws_sqs_queue.order_review",
                                     "aws_sqs_queue.orders_queue"}));

    // Five entry points share 5M requests: four routes and uploads into the images bucket
    // (the staff pool, an entry of the design, sends none).
    auto value = [&](const char *resource, const char *key) { return usage[resource][key].as<double>(); };
    QCOMPARE(value("aws_apigatewayv2_api.http", "monthly_requests"), 4e6);
    QCOMPARE(value("aws_lambda_function.get_item", "monthly_requests"), 1e6);
    QCOMPARE(value("aws_lambda_function.get_item", "request_duration_ms"), 100.0);
    // createOrder's 1M messages, then a receive and a delete per batch of 10.
    QCOMPARE(value("aws_sqs_queue.orders_queue", "monthly_requests"), 1.2e6);
    QCOMPARE(value("aws_sqs_queue.orders_queue", "request_size_kb"), 1.0);
    QCOMPARE(value("aws_lambda_function.process_order", "monthly_requests"), 1e5);
    // processOrder's publish per batch; the fulfilment workflow's reminder is off its likely
    // path (the Choice's Default: not a big order), so it adds none.
    QCOMPARE(value("aws_sns_topic.order_events", "monthly_requests"), 1e5);
    QCOMPARE(value("aws_dynamodb_table.items", "monthly_read_request_units"), 1e6);
    // processOrder's orders, and each fulfilment execution's record.
    QCOMPARE(value("aws_dynamodb_table.orders", "monthly_write_request_units"), 1e5 + 1e6);
    QCOMPARE(value("aws_dynamodb_table.orders", "storage_gb"), 1.0);
    QCOMPARE(usage["aws_s3_bucket.images"]["standard"]["monthly_tier_1_requests"].as<double>(), 1e6);
    QCOMPARE(usage["aws_s3_bucket.images"]["standard"]["monthly_tier_2_requests"].as<double>(), 1e6);
    // The nightly schedule: as many runs whatever the volume, its rule named in a comment.
    QCOMPARE(value("aws_lambda_function.daily_report", "monthly_requests"), 30.0);
    QVERIFY(file->content.contains("# aws_cloudwatch_event_rule.daily_report_nightly has no usage keys"));

    // Every function as the cost model counts it (the workflow's definition read, as the
    // export reads it), and the events put on the bus.
    const Workload workload = Workload::fromArchitecture(project.catalog(), project.architecture(),
                                                         project.directory());
    const auto bus = std::find_if(workload.services.cbegin(), workload.services.cend(),
                                  [](const ServiceLoad &s) { return s.name == QLatin1String("shop-events"); });
    QVERIFY(bus != workload.services.cend());
    QVERIFY(bus->writesPerRequest > 0);
    QCOMPARE(value("aws_cloudwatch_event_bus.shop_events", "monthly_custom_events"),
             double(std::llround(bus->writesPerRequest * 5e6 + bus->writesFixed)));
    for (const FunctionLoad &f : workload.functions) {
        const QByteArray address = "aws_lambda_function." + ExportModel::snakeCase(f.name).toUtf8();
        QCOMPARE(value(address.constData(), "monthly_requests"), double(std::llround(f.monthlyInvocations(5e6))));
    }
}

// A volume that is not a number is an error, and no usage file is written.
void TestExport::infracostUsageVolumeIsChecked()
{
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kExample, project));
    const ExporterInterface *exporter = mRegistry->exporter(QStringLiteral("terraform"));
    QVERIFY(exporter);
    QMap<QString, QString> options{{QStringLiteral("monthlyRequests"), QStringLiteral("lots")}};
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(QStringLiteral("terraform")),
                                                   ExportJob::input(project, QStringLiteral("terraform"), options));
    QVERIFY(hasErrors(output.diagnostics));
    QVERIFY(diagnosticsText(output.diagnostics).contains(QLatin1String("'lots' is not a number")));
    QVERIFY(!output.file(QStringLiteral("infracost-usage.yml")));
}

namespace {
const QString kEventDesign = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/events/events.json");
// The targets whose event export is checked here (SAM and Serverless have tests of their own).
const QStringList kEventTargets = {QStringLiteral("azure"),    QStringLiteral("cloudrun"), QStringLiteral("knative"),
                                   QStringLiteral("openfaas"), QStringLiteral("scaleway"), QStringLiteral("terraform")};

// Text with every run of white space made one space: what a check of written HCL or YAML
// compares, whatever the alignment.
QString spaced(const QString &text)
{
    return text.simplified();
}
} // namespace

void TestExport::eventTargetsGolden_data()
{
    QTest::addColumn<QString>("target");
    for (const QString &t : kEventTargets)
        QTest::newRow(qPrintable(QLatin1String("events/") + t)) << t;
}

// The export of a design with buses, rules, filtered and batched triggers, destinations and
// FIFO queues and topics, file by file and with its report, as the goldens hold it.
void TestExport::eventTargetsGolden()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    const auto loaded = ProjectFile().load(kEventDesign, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    const ExportOutput output = exportProject(project, target);
    QVERIFY(!output.files.isEmpty());
    const bool update = qEnvironmentVariableIsSet("NIMBUS_UPDATE_GOLDENS");
    const QString folder = kGoldens + QLatin1String("/events/") + target;
    QStringList expected;
    QList<ExportFile> files = output.files;
    files.append({QStringLiteral("diagnostics.txt"), diagnosticsText(output.diagnostics).toUtf8(), {}});
    for (const ExportFile &f : files) {
        if (f.isCopy()) {
            QVERIFY2(QFileInfo::exists(f.copyFrom), qPrintable(f.copyFrom));
            continue;
        }
        expected.append(f.path);
        const QString path = folder + QLatin1Char('/') + f.path;
        if (update)
            QVERIFY(writeText(path, f.content));
        else
            QCOMPARE(QString::fromUtf8(f.content), QString::fromUtf8(readFile(path)));
    }
    // Azure refuses the function with two triggers (a queue and a bucket); nothing else is an error.
    QCOMPARE(hasErrors(output.diagnostics), target == QLatin1String("azure"));
    QStringList present;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        present.append(QDir(folder).relativeFilePath(it.next()));
    present.sort();
    expected.sort();
    QCOMPARE(present, expected);
}

// Every event-driven setting of the design, for each target: either the export writes it
// (the text is in the file) or a diagnostic names the node (and the property, when it is
// about one). A setting a target drops without a word fails here.
void TestExport::eventSettingWrittenOrReported_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("property"); // an edge type for a destination
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("written"); // empty: a diagnostic is expected

    struct Setting
    {
        const char *node;
        const char *property;
    };
    const QList<Setting> settings = {
        {"orders-bus", "busName"},
        {"orders-bus", "description"},
        {"default-bus", "busName"},
        {"big-orders", "pattern"},
        {"big-orders", "maximumRetryAttempts"},
        {"big-orders", "maximumEventAge"},
        {"big-orders", "deadLetterQueue"},
        {"forward", "enabled"},
        {"forward", "targets"},
        {"order-ids", "inputMode"},
        {"order-ids", "description"},
        {"shipping", "inputMode"},
        {"health", "inputMode"},
        {"audit", "batchSize"},
        {"audit", "batchingWindow"},
        {"audit", "maxConcurrency"},
        {"audit", "reportBatchItemFailures"},
        {"audit", "filterCriteria"},
        {"jobs", "fifo"},
        {"jobs", "contentBasedDeduplication"},
        {"ledger", "fifo"},
        {"ledger", "contentBasedDeduplication"},
        {"orders", "filterCriteria"},
        {"orders", "reportBatchItemFailures"},
        {"orders", "batchSize"},
        {"orders", "batchingWindow"},
        {"orders", "startingPosition"},
        {"orders", "bisectOnError"},
        {"orders", "maximumRetryAttempts"},
        {"orders", "maximumRecordAge"},
        {"uploads", "filterCriteria"},
        {"reviewOrder", "maximumRetryAttempts"},
        {"reviewOrder", "maximumEventAge"},
        {"reviewOrder", "on-success"},
        {"reviewOrder", "on-failure"},
        {"auditor", "maximumRetryAttempts"},
        {"auditor", "on-success"},
        {"auditor", "on-failure"},
        {"onOrderChange", "on-failure"},
    };
    // What each target writes, by "node/property": the file and the text (white space aside).
    const QMap<QString, QMap<QString, QPair<QString, QString>>> written = {
        {QStringLiteral("terraform"),
         {
             {"orders-bus/busName",
              {"main.tf", R"(resource "aws_cloudwatch_event_bus" "orders_bus" { name = "orders")"}},
             {"orders-bus/description", {"main.tf", R"(description = "Order events of the shop")"}},
             {"default-bus/busName",
              {"main.tf", R"(data "aws_cloudwatch_event_bus" "default_bus" { name = "default" })"}},
             {"big-orders/pattern",
              {"main.tf", R"(event_pattern = jsonencode({ detail = { total = [ { numeric = [">", 100] }, ] } )"
                          R"(detail-type = ["OrderPlaced"] source = ["shop.orders"] }))"}},
             {"big-orders/maximumRetryAttempts",
              {"main.tf", "retry_policy { maximum_event_age_in_seconds = 3600 maximum_retry_attempts = 8 }"}},
             {"big-orders/maximumEventAge", {"main.tf", "maximum_event_age_in_seconds = 3600"}},
             {"big-orders/deadLetterQueue", {"main.tf", "dead_letter_config { arn = aws_sqs_queue.rule_dlq.arn }"}},
             {"forward/enabled", {"main.tf", R"(detail-type = ["OrderPlaced"] }) state = "DISABLED")"}},
             {"forward/targets",
              {"main.tf",
               "arn = data.aws_cloudwatch_event_bus.default_bus.arn role_arn = aws_iam_role.forward_events.arn"}},
             {"order-ids/inputMode", {"main.tf", R"(input_path = "$.detail.id")"}},
             {"order-ids/description", {"main.tf", R"(description = "Every order's id, for the audit")"}},
             {"shipping/inputMode",
              {"main.tf", R"(input_transformer { input_paths = { id = "$.detail.id" status = "$.detail.status" } )"
                          R"(input_template = "{\"order\": <id>, \"status\": <status>}" })"}},
             {"health/inputMode", {"main.tf", R"(input = "{\"check\": \"health\"}")"}},
             {"audit/batchSize", {"main.tf", "function_name = aws_lambda_function.auditor.arn batch_size = 50"}},
             {"audit/batchingWindow", {"main.tf", "batch_size = 50 maximum_batching_window_in_seconds = 10"}},
             {"audit/maxConcurrency", {"main.tf", "scaling_config { maximum_concurrency = 5 }"}},
             // Off: no function_response_types between the window and the filters.
             {"audit/reportBatchItemFailures",
              {"main.tf", "maximum_batching_window_in_seconds = 10 filter_criteria {"}},
             {"audit/filterCriteria",
              {"main.tf",
               R"(filter_criteria { filter { pattern = jsonencode({ body = { kind = ["audit"] } }) } )"
               R"(filter { pattern = jsonencode({ body = { total = [ { numeric = [">", 100] }, ] } }) } })"}},
             {"jobs/fifo", {"main.tf", R"(name = "${var.name_prefix}-jobs.fifo" fifo_queue = true)"}},
             {"jobs/contentBasedDeduplication", {"main.tf", "fifo_queue = true content_based_deduplication = true"}},
             {"ledger/fifo", {"main.tf", R"(name = "${var.name_prefix}-ledger.fifo" fifo_topic = true)"}},
             {"ledger/contentBasedDeduplication", {"main.tf", "fifo_topic = true content_based_deduplication = true"}},
             {"orders/filterCriteria", {"main.tf", R"(pattern = jsonencode({ eventName = ["INSERT", "MODIFY"] }))"}},
             {"orders/reportBatchItemFailures",
              {"main.tf",
               R"(function_response_types = ["ReportBatchItemFailures"] filter_criteria { filter { pattern = jsonencode({ eventName)"}},
             {"orders/batchSize",
              {"main.tf", "aws_dynamodb_table.orders.stream_arn function_name = "
                          "aws_lambda_function.on_order_change.arn batch_size = 200"}},
             {"orders/batchingWindow", {"main.tf", "batch_size = 200 maximum_batching_window_in_seconds = 2"}},
             {"orders/startingPosition", {"main.tf", R"(starting_position = "TRIM_HORIZON")"}},
             {"orders/bisectOnError", {"main.tf", "bisect_batch_on_function_error = true"}},
             {"orders/maximumRetryAttempts",
              {"main.tf", "bisect_batch_on_function_error = true maximum_retry_attempts = 3"}},
             {"orders/maximumRecordAge", {"main.tf", "maximum_record_age_in_seconds = 3600"}},
             {"reviewOrder/maximumRetryAttempts",
              {"main.tf", "function_name = aws_lambda_function.review_order.function_name maximum_retry_attempts = 1"}},
             {"reviewOrder/maximumEventAge",
              {"main.tf", "maximum_retry_attempts = 1 maximum_event_age_in_seconds = 600"}},
             {"reviewOrder/on-success",
              {"main.tf", "on_success { destination = data.aws_cloudwatch_event_bus.default_bus.arn }"}},
             {"reviewOrder/on-failure", {"main.tf", "on_failure { destination = aws_sqs_queue.review_failures.arn }"}},
             {"auditor/maximumRetryAttempts",
              {"main.tf", "function_name = aws_lambda_function.auditor.function_name maximum_retry_attempts = 0"}},
             {"auditor/on-success", {"main.tf", "on_success { destination = aws_sns_topic.shipments.arn }"}},
             {"auditor/on-failure", {"main.tf", "on_failure { destination = aws_lambda_function.fallback.arn }"}},
             {"onOrderChange/on-failure",
              {"main.tf", "destination_config { on_failure { destination_arn = aws_sns_topic.stream_alerts.arn } }"}},
         }},
        {QStringLiteral("knative"),
         {
             {"orders-bus/busName", {"knative.yaml", "kind: Broker metadata: name: orders"}},
             {"orders-bus/description", {"knative.yaml", "nimbus.dev/description: Order events of the shop"}},
             {"default-bus/busName", {"knative.yaml", "kind: Broker metadata: name: default"}},
             {"big-orders/pattern",
              {"knative.yaml", "broker: orders filters: - exact: source: shop.orders - exact: type: OrderPlaced"}},
             {"big-orders/maximumRetryAttempts", {"knative.yaml", "name: review-order delivery: retry: 8"}},
             {"forward/targets", {"knative.yaml", "apiVersion: eventing.knative.dev/v1 kind: Broker name: default"}},
         }},
        {QStringLiteral("cloudrun"),
         {
             {"orders-bus/busName", {"eventarc.sh", "gcloud eventarc channels create orders"}},
             {"default-bus/busName", {"eventarc.sh", "gcloud eventarc channels create default"}},
             {"big-orders/pattern",
              {"eventarc.sh", "--channel=orders \\ --event-filters='type=OrderPlaced' \\ "
                              "--event-filters='source=shop.orders'"}},
         }},
    };
    for (const QString &target : kEventTargets) {
        for (const Setting &setting : settings) {
            const QString key = QLatin1String(setting.node) + QLatin1Char('/') + QLatin1String(setting.property);
            const QPair<QString, QString> w = written.value(target).value(key);
            QTest::addRow("%s/%s", qPrintable(target), qPrintable(key))
                << target << QString::fromLatin1(setting.node) << QString::fromLatin1(setting.property) << w.first
                << w.second;
        }
    }
}

void TestExport::eventSettingWrittenOrReported()
{
    QFETCH(QString, target);
    QFETCH(QString, node);
    QFETCH(QString, property);
    QFETCH(QString, file);
    QFETCH(QString, written);
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kEventDesign, project));
    const Node *n = project.architecture().nodeByName(node);
    QVERIFY(n);
    const ExportOutput output = exportProject(project, target);
    if (!written.isEmpty()) {
        const ExportFile *f = output.file(file);
        QVERIFY2(f, qPrintable(file));
        QVERIFY2(spaced(QString::fromUtf8(f->content)).contains(spaced(written)),
                 qPrintable(written + QLatin1String(" not in ") + file));
        return;
    }
    // An edge (a destination, a rule's targets) is named by its source node.
    const bool edge = property.contains(QLatin1Char('-')) || property == QLatin1String("targets");
    const bool reported = std::any_of(output.diagnostics.cbegin(), output.diagnostics.cend(), [&](const Diagnostic &d) {
        // A rule a target cannot write at all is reported whole, whatever the property.
        const bool whole = d.message.contains(QLatin1String("the rule is not exported"));
        return !d.nodes.isEmpty() && d.nodes.first() == n->id
               && (d.property == property || d.property.isEmpty() || edge || whole);
    });
    QVERIFY2(reported, qPrintable(node + QLatin1Char(' ') + property
                                  + QLatin1String(" is neither written nor "
                                                  "reported:\n")
                                  + diagnosticsText(output.diagnostics)));
}

void TestExport::knativeRuleFilters_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("filters"); // white space aside; empty: no filters field
    QTest::addColumn<QString>("reported"); // the part a warning names; empty: none

    QTest::newRow("exact source and type")
        << R"({"source": ["shop"], "detail-type": ["a", "b"]})"
        << "filters: - exact: source: shop - any: - exact: type: a - exact: type: b" << QString();
    QTest::newRow("prefix, suffix") << R"({"source": [{"prefix": "shop."}, {"suffix": ".test"}]})"
                                    << "filters: - any: - prefix: source: shop. - suffix: source: .test" << QString();
    QTest::newRow("anything-but")
        << R"({"detail-type": [{"anything-but": ["x", "z"]}], "source": [{"anything-but": {"prefix": "aws."}}]})"
        << "filters: - not: prefix: source: aws. - not: any: - exact: type: x - exact: type: z" << QString();
    QTest::newRow("detail is reported") << R"({"source": ["shop"], "detail": {"total": [{"numeric": [">", 1]}]}})"
                                        << "filters: - exact: source: shop"
                                        << R"({"detail":{"total":[{"numeric":[">",1]}]}})";
    QTest::newRow("numeric source is reported, no filters")
        << R"({"source": [{"numeric": [">", 1]}]})" << QString() << R"({"source":[{"numeric":[">",1]}]})";
}

// A rule's pattern as the filters of its Knative Trigger: exact, prefix and suffix of source
// and type, any of several, anything-but as not; what has no CloudEvents attribute is named
// in a warning on the rule (its pattern), and the rest still filters.
void TestExport::knativeRuleFilters()
{
    QFETCH(QString, pattern);
    QFETCH(QString, filters);
    QFETCH(QString, reported);
    Project project(Catalog::builtin());
    const Result<NodeId> bus = project.addNode(QStringLiteral("event-bus"), {}, QStringLiteral("bus"));
    const Result<NodeId> rule = project.addNode(QStringLiteral("rule"), {}, QStringLiteral("rule"));
    const Result<NodeId> fn = project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn"));
    QVERIFY(bus && rule && fn);
    QVERIFY(project.setNodeProperty(*rule, QStringLiteral("pattern"), pattern));
    QVERIFY(project.connectNodes(*bus, *rule, QStringLiteral("routes")));
    QVERIFY(project.connectNodes(*rule, *fn, QStringLiteral("targets")));
    const ExportOutput output = exportProject(project, QStringLiteral("knative"));
    const ExportFile *f = output.file(QStringLiteral("knative.yaml"));
    QVERIFY(f);
    const QString yaml = spaced(QString::fromUtf8(f->content));
    QVERIFY2(yaml.contains(QLatin1String("kind: Trigger metadata: name: rule-fn")), qPrintable(yaml));
    if (filters.isEmpty())
        QVERIFY(!yaml.contains(QLatin1String("filters:")));
    else
        QVERIFY2(yaml.contains(spaced(filters)), qPrintable(yaml));
    QList<Diagnostic> warnings;
    for (const Diagnostic &d : output.diagnostics)
        if (d.code == QLatin1String("export-pattern") && d.nodes.value(0) == *rule)
            warnings.append(d);
    QCOMPARE(warnings.size(), reported.isEmpty() ? 0 : 1);
    if (!reported.isEmpty()) {
        QVERIFY2(warnings.first().message.contains(reported), qPrintable(warnings.first().message));
        QCOMPARE(warnings.first().property, QStringLiteral("pattern"));
    }
}

void TestExport::cloudRunRuleTriggers_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("commands"); // white space aside; none: the rule is reported

    QTest::newRow("one trigger per type, with the source")
        << R"({"detail-type": ["a", "b"], "source": ["shop"]})"
        << QStringList{"gcloud eventarc triggers create rule-fn-1 --location=\"$REGION\" \\ "
                       "--destination-run-service=fn --destination-run-region=\"$REGION\" \\ --channel=bus \\ "
                       "--event-filters='type=a' \\ --event-filters='source=shop' \\",
                       "gcloud eventarc triggers create rule-fn-2 --location=\"$REGION\" \\ "
                       "--destination-run-service=fn --destination-run-region=\"$REGION\" \\ --channel=bus \\ "
                       "--event-filters='type=b' \\ --event-filters='source=shop' \\"};
    QTest::newRow("no type") << R"({"source": ["shop"]})" << QStringList();
    QTest::newRow("type by prefix") << R"({"detail-type": [{"prefix": "order."}]})" << QStringList();
}

// A rule's Eventarc triggers: the channel of its bus, exact type and source filters, one
// trigger per event type; a pattern without exact types has no trigger and is reported.
void TestExport::cloudRunRuleTriggers()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, commands);
    Project project(Catalog::builtin());
    const Result<NodeId> bus = project.addNode(QStringLiteral("event-bus"), {}, QStringLiteral("bus"));
    const Result<NodeId> rule = project.addNode(QStringLiteral("rule"), {}, QStringLiteral("rule"));
    const Result<NodeId> fn = project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn"));
    QVERIFY(bus && rule && fn);
    QVERIFY(project.setNodeProperty(*rule, QStringLiteral("pattern"), pattern));
    QVERIFY(project.connectNodes(*bus, *rule, QStringLiteral("routes")));
    QVERIFY(project.connectNodes(*rule, *fn, QStringLiteral("targets")));
    const ExportOutput output = exportProject(project, QStringLiteral("cloudrun"));
    const ExportFile *f = output.file(QStringLiteral("eventarc.sh"));
    QVERIFY(f);
    const QString script = spaced(QString::fromUtf8(f->content));
    QVERIFY2(script.contains(QLatin1String("gcloud eventarc channels create bus")), qPrintable(script));
    QCOMPARE(script.count(QLatin1String("gcloud eventarc triggers create")), commands.size());
    for (const QString &command : commands)
        QVERIFY2(script.contains(spaced(command)), qPrintable(script));
    const bool reported = std::any_of(output.diagnostics.cbegin(), output.diagnostics.cend(), [&](const Diagnostic &d) {
        return d.nodes.value(0) == *rule && d.property == QLatin1String("pattern");
    });
    QCOMPARE(reported, commands.isEmpty());
}

// What Lambda refuses of FIFO queues and topics is written as designed and reported on the
// node: a FIFO destination (records go to standard queues and topics only), a batching
// window on a FIFO queue (not written), a function subscribed to a FIFO topic (not written).
void TestExport::terraformFifoLimits()
{
    Project project(Catalog::builtin());
    const Result<NodeId> fn = project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn"));
    const Result<NodeId> failures = project.addNode(QStringLiteral("queue"), {}, QStringLiteral("failures"));
    const Result<NodeId> jobs = project.addNode(QStringLiteral("queue"), {}, QStringLiteral("jobs"));
    const Result<NodeId> ledger = project.addNode(QStringLiteral("topic"), {}, QStringLiteral("ledger"));
    QVERIFY(fn && failures && jobs && ledger);
    for (NodeId id : {*failures, *jobs, *ledger})
        QVERIFY(project.setNodeProperty(id, QStringLiteral("fifo"), true));
    QVERIFY(project.setNodeProperty(*jobs, QStringLiteral("batchingWindow"), 5));
    QVERIFY(project.connectNodes(*fn, *failures, QStringLiteral("on-failure")));
    QVERIFY(project.connectNodes(*jobs, *fn, QStringLiteral("invokes")));
    QVERIFY(project.connectNodes(*ledger, *fn, QStringLiteral("invokes")));
    const ExportOutput output = exportProject(project, QStringLiteral("terraform"));
    const QString tf = spaced(QString::fromUtf8(output.file(QStringLiteral("main.tf"))->content));
    QVERIFY(tf.contains(QLatin1String("on_failure { destination = aws_sqs_queue.failures.arn }")));
    QVERIFY(!tf.contains(QLatin1String("maximum_batching_window_in_seconds")));
    QVERIFY(!tf.contains(QLatin1String("aws_sns_topic_subscription")));
    auto reported = [&](NodeId node, const QString &code, const QString &property) {
        return std::any_of(output.diagnostics.cbegin(), output.diagnostics.cend(), [&](const Diagnostic &d) {
            return d.nodes.value(0) == node && d.code == code && d.property == property;
        });
    };
    QVERIFY(reported(*fn, QStringLiteral("export-destination"), QString()));
    QVERIFY(reported(*jobs, QStringLiteral("export-fifo"), QStringLiteral("batchingWindow")));
    QVERIFY(reported(*ledger, QStringLiteral("export-fifo"), QStringLiteral("fifo")));
}

// ---- event-driven designs on AWS: buses, rules, trigger settings, destinations, FIFO ----

namespace {
const QString kAwsEvents = kData + QLatin1String("/events/events.json");

// A node's properties with the catalog's defaults for what it leaves out.
QJsonObject withDefaults(const Node &node)
{
    QJsonObject all = Catalog::builtin().kind(node.kind)->defaultProperties(node.name);
    for (auto it = node.properties.begin(); it != node.properties.end(); ++it)
        all.insert(it.key(), it.value());
    return all;
}
} // namespace

void TestExport::awsEventsGolden_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("projectPath");
    QTest::addColumn<QString>("goldens");
    // A bus and the default bus, a rule of each target kind (function, queue, topic, bus)
    // and each input mode, retries and a dead-letter queue; filtered and batched queue and
    // stream triggers; on-success and on-failure destinations of each kind; FIFO queue and topic.
    for (const QString &t : {QStringLiteral("sam"), QStringLiteral("serverless")})
        QTest::newRow(qPrintable(QLatin1String("events/") + t)) << t << kAwsEvents << QStringLiteral("events");
}

void TestExport::awsEventsRoundTrip_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("variant");
    QTest::newRow("sam") << QStringLiteral("sam") << QStringLiteral("template.yaml") << false;
    QTest::newRow("serverless") << QStringLiteral("serverless") << QStringLiteral("serverless.yml") << false;
    // Rules that become AWS::Events::Rule resources with a function target (a description in
    // SAM, constant input that is no JSON object in serverless.yml), a rule with two targets,
    // one a FIFO queue, and a bus's archive.
    QTest::newRow("sam, rules of their own") << QStringLiteral("sam") << QStringLiteral("template.yaml") << true;
    QTest::newRow("serverless, rules of their own")
        << QStringLiteral("serverless") << QStringLiteral("serverless.yml") << true;
}

// Export, import the export, and find the same design: every node with the same settings
// (names aside: an import names nodes after logical ids, and a serverless.yml rule written
// as a function's event has none), every connection, and the same file when exported again.
void TestExport::awsEventsRoundTrip()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    QFETCH(bool, variant);
    Project original(Catalog::builtin());
    ProjectFile projectFile;
    QVERIFY(projectFile.load(kAwsEvents, original));
    if (variant) {
        const Architecture &design = original.architecture();
        QVERIFY(original.setNodeProperty(design.nodeByName(QStringLiteral("big-orders"))->id,
                                         QStringLiteral("description"), QStringLiteral("Big orders for review")));
        QVERIFY(original.setNodeProperty(design.nodeByName(QStringLiteral("health"))->id, QStringLiteral("input"),
                                         QStringLiteral("\"plain text\"")));
        QVERIFY(original.connectNodes(design.nodeByName(QStringLiteral("shipping"))->id,
                                      design.nodeByName(QStringLiteral("jobs"))->id, QStringLiteral("targets")));
        const NodeId bus = design.nodeByName(QStringLiteral("orders-bus"))->id;
        QVERIFY(original.setNodeProperty(bus, QStringLiteral("archive"), true));
        QVERIFY(original.setNodeProperty(bus, QStringLiteral("archiveRetention"), 30));
        QVERIFY(original.setNodeProperty(bus, QStringLiteral("archivePattern"),
                                         QStringLiteral(R"({"detail-type": ["OrderPlaced"]})")));
    }
    const ExportOutput first = exportProject(original, target);
    if (variant) {
        const QByteArray text = first.file(file)->content;
        QVERIFY(text.contains("MessageGroupId: shipping"));
        QVERIFY(text.contains("Type: AWS::Events::Archive"));
        QVERIFY(text.contains("RetentionDays: 30"));
        QVERIFY(text.contains(target == QLatin1String("sam") ? "BigOrdersReviewOrderPermission:"
                                                             : "HealthAuditorLambdaFunctionPermission:"));
    }
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(first, dir.filePath(QStringLiteral("out")), target));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(QStringLiteral("out/") + file), *mRegistry,
                                                             imported, target);
    QVERIFY2(read, qPrintable(read.errorMessage()));

    const Architecture &a = original.architecture();
    const Architecture &b = imported.architecture();
    QCOMPARE(b.nodeCount(), a.nodeCount());
    QCOMPARE(b.edgeCount(), a.edgeCount());
    // Properties that name the node or are not the design's: the name-derived defaults, and
    // the runtime Serverless Framework v3 lacks (python3.12 goes out as 3.11, reported).
    const QStringList ignored = {QStringLiteral("busName"), QStringLiteral("runtime"),
                                 QStringLiteral("deadLetterQueue")};
    auto settings = [&](const Node &node) {
        QJsonObject all = withDefaults(node);
        for (const QString &key : ignored)
            all.remove(key);
        return all;
    };
    // Each original node's counterpart: the one named the same way, else (a rule of a
    // serverless.yml event, the default bus) the one of its kind with the same settings.
    QHash<NodeId, NodeId> counterpart;
    QSet<NodeId> taken;
    for (const auto &[id, node] : a.nodes()) {
        for (const auto &[otherId, other] : b.nodes())
            if (!taken.contains(otherId) && other.kind == node.kind
                && ExportModel::identifier(other.name) == ExportModel::identifier(node.name)) {
                counterpart.insert(id, otherId);
                taken.insert(otherId);
            }
    }
    for (const auto &[id, node] : a.nodes()) {
        if (counterpart.contains(id))
            continue;
        for (const auto &[otherId, other] : b.nodes())
            if (!taken.contains(otherId) && other.kind == node.kind && settings(other) == settings(node)) {
                counterpart.insert(id, otherId);
                taken.insert(otherId);
                break;
            }
        QVERIFY2(counterpart.contains(id), qPrintable(node.name + QLatin1String(" has no counterpart")));
    }
    for (const auto &[id, node] : a.nodes()) {
        const Node *other = b.node(counterpart.value(id));
        QJsonObject expected = settings(node);
        QJsonObject actual = settings(*other);
        // S3 notifications have no filter criteria in either format (awsBucketFilterReported).
        if (node.kind == QLatin1String("bucket"))
            expected.remove(QStringLiteral("filterCriteria")), actual.remove(QStringLiteral("filterCriteria"));
        if (node.kind == QLatin1String("function") && target == QLatin1String("serverless"))
            expected.remove(QStringLiteral("source")), actual.remove(QStringLiteral("source"));
        QCOMPARE(QString::fromUtf8(QJsonDocument(actual).toJson()),
                 QString::fromUtf8(QJsonDocument(expected).toJson()));
        const QString dlq = withDefaults(node).value(QStringLiteral("deadLetterQueue")).toString();
        if (!dlq.isEmpty())
            QCOMPARE(other->properties.value(QStringLiteral("deadLetterQueue")).toString(),
                     b.node(counterpart.value(a.nodeByName(dlq)->id))->name);
        if (node.kind == QLatin1String("event-bus"))
            QCOMPARE(other->properties.value(QStringLiteral("busName")).toString(),
                     withDefaults(node).value(QStringLiteral("busName")).toString());
    }
    QStringList edgesA, edgesB;
    for (const auto &[id, edge] : a.edges())
        edgesA.append(b.node(counterpart.value(edge.from))->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ')
                      + b.node(counterpart.value(edge.to))->name);
    for (const auto &[id, edge] : b.edges())
        edgesB.append(b.node(edge.from)->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ')
                      + b.node(edge.to)->name);
    edgesA.sort();
    edgesB.sort();
    QCOMPARE(edgesB, edgesA);
    // The imported project exports the file it was imported from.
    QCOMPARE(QString::fromUtf8(exportProject(imported, target).file(file)->content),
             QString::fromUtf8(first.file(file)->content));
}

void TestExport::awsBucketFilterReported_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("sam") << QStringLiteral("sam");
    QTest::newRow("serverless") << QStringLiteral("serverless");
}

// S3 notifications have no Lambda filter criteria: the export says so, on the bucket's
// property, and writes the key filters.
void TestExport::awsBucketFilterReported()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(kAwsEvents, project));
    const Node *uploads = project.architecture().nodeByName(QStringLiteral("uploads"));
    ExportOutput output = exportProject(project, target);
    auto reported = [&] {
        for (const Diagnostic &d : output.diagnostics)
            if (d.code == QLatin1String("export-bucket-filter") && d.nodes == QList<NodeId>{uploads->id}
                && d.property == QLatin1String("filterCriteria") && d.message.contains(QLatin1String("uploads")))
                return true;
        return false;
    };
    QVERIFY2(reported(), qPrintable(diagnosticsText(output.diagnostics)));
    QByteArray all;
    for (const ExportFile &f : output.files)
        all += f.content;
    QVERIFY(all.contains("in/"));
    QVERIFY(!all.contains("1024"));
    QVERIFY(project.setNodeProperty(uploads->id, QStringLiteral("filterCriteria"), QString()));
    output = exportProject(project, target);
    QVERIFY(!reported());
}

void TestExport::awsEventsImportHandwritten_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    // Each property as a person writes it: patterns as JSON text or YAML, the default bus by
    // omission, a stream's and a function's destinations, an archive, a rule of its own.
    QTest::newRow("sam") << QStringLiteral("sam") << QStringLiteral("template.yaml") << QByteArray(R"(
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: python3.12
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig:
          OnFailure:
            Type: SQS
            Destination: !GetAtt Failures.Arn
      Events:
        Nightly:
          Type: EventBridgeRule
          Properties:
            Pattern: '{"source": ["aws.health"]}'
            InputPath: $.detail
            State: DISABLED
        Work:
          Type: SQS
          Properties:
            Queue: !GetAtt Work.Arn
            BatchSize: 20
            MaximumBatchingWindowInSeconds: 5
            FilterCriteria:
              Filters:
                - Pattern: '{"body": {"kind": ["a"]}}'
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Items.StreamArn
            StartingPosition: TRIM_HORIZON
            MaximumRetryAttempts: -1
            DestinationConfig:
              OnFailure:
                Destination: !GetAtt Failures.Arn
  Failures:
    Type: AWS::SQS::Queue
  Work:
    Type: AWS::SQS::Queue
  Alerts:
    Type: AWS::SNS::Topic
    Properties: {TopicName: alerts.fifo, FifoTopic: true, ContentBasedDeduplication: true}
  Items:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      BillingMode: PAY_PER_REQUEST
      StreamSpecification: {StreamViewType: NEW_IMAGE}
  Bus:
    Type: AWS::Events::EventBus
    Properties: {Name: app-events}
  BusArchive:
    Type: AWS::Events::Archive
    Properties: {SourceArn: !GetAtt Bus.Arn, RetentionDays: 7}
  ToQueue:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern: {source: [app]}
      Targets:
        - Id: q
          Arn: !GetAtt Work.Arn
          InputTransformer:
            InputPathsMap: {id: $.detail.id}
            InputTemplate: '"<id>"'
)");
    QTest::newRow("serverless") << QStringLiteral("serverless") << QStringLiteral("serverless.yml") << QByteArray(R"(
service: hand
provider:
  name: aws
  runtime: nodejs20.x
functions:
  worker:
    handler: src/index.handler
    maximumEventAge: 120
    destinations:
      onSuccess: other
      onFailure:
        arn: !GetAtt Failures.Arn
        type: sqs
    events:
      - eventBridge:
          eventBus: !Ref Bus
          pattern:
            source:
              - app
          input:
            key: value
          retryPolicy:
            maximumRetryAttempts: 3
      - sqs:
          arn: !GetAtt Work.Arn
          functionResponseType: ReportBatchItemFailures
          filterPatterns:
            - body:
                kind: [a]
            - body:
                kind: [b]
          maximumConcurrency: 4
  other:
    handler: src/other.handler
resources:
  Resources:
    Bus:
      Type: AWS::Events::EventBus
      Properties: {Name: app-events}
    Work:
      Type: AWS::SQS::Queue
    Failures:
      Type: AWS::SQS::Queue
)");
}

void TestExport::awsEventsImportHandwritten()
{
    QFETCH(QString, target);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(writeText(dir.filePath(fileName), content));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(fileName), *mRegistry, project, target);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    const Architecture &a = project.architecture();
    auto node = [&](const char *name) { return a.nodeByName(QLatin1String(name)); };
    auto value = [&](const char *name, const char *property) {
        const Node *n = node(name);
        return n ? n->properties.value(QLatin1String(property)) : QJsonValue(QJsonValue::Undefined);
    };
    QStringList edges;
    for (const auto &[id, edge] : a.edges())
        edges.append(a.node(edge.from)->name + QLatin1Char(' ') + edge.type + QLatin1Char(' ') + a.node(edge.to)->name);
    edges.sort();
    QCOMPARE(value("Bus", "busName").toString(), QStringLiteral("app-events"));
    QCOMPARE(value("Work", "reportBatchItemFailures").toBool(), target == QLatin1String("serverless"));
    if (target == QLatin1String("sam")) {
        QCOMPARE(value("Nightly", "pattern").toString(), QStringLiteral(R"({"source": ["aws.health"]})"));
        QCOMPARE(value("Nightly", "inputMode").toString(), QStringLiteral("InputPath"));
        QCOMPARE(value("Nightly", "inputPath").toString(), QStringLiteral("$.detail"));
        QCOMPARE(value("Nightly", "enabled").toBool(), false);
        QCOMPARE(value("default", "busName").toString(), QStringLiteral("default"));
        QCOMPARE(value("Work", "batchSize").toInt(), 20);
        QCOMPARE(value("Work", "batchingWindow").toInt(), 5);
        QCOMPARE(value("Work", "filterCriteria").toString(), QStringLiteral(R"({"body": {"kind": ["a"]}})"));
        QCOMPARE(value("Items", "startingPosition").toString(), QStringLiteral("TRIM_HORIZON"));
        QVERIFY(value("Items", "maximumRetryAttempts").isNull()); // -1: until the records expire
        QCOMPARE(value("Handler", "maximumRetryAttempts").toInt(), 1);
        QCOMPARE(value("alerts", "fifo").toBool(), true);
        QCOMPARE(value("alerts", "contentBasedDeduplication").toBool(), true);
        QCOMPARE(value("Bus", "archive").toBool(), true);
        QCOMPARE(value("Bus", "archiveRetention").toInt(), 7);
        QCOMPARE(value("ToQueue", "inputMode").toString(), QStringLiteral("InputTransformer"));
        QCOMPARE(value("ToQueue", "inputPathsMap").toString(), QStringLiteral(R"({"id": "$.detail.id"})"));
        QCOMPARE(value("ToQueue", "inputTemplate").toString(), QStringLiteral("\"<id>\""));
        QCOMPARE(edges,
                 (QStringList{QStringLiteral("Bus routes ToQueue"), QStringLiteral("Handler on-failure Failures"),
                              QStringLiteral("Items invokes Handler"), QStringLiteral("Nightly targets Handler"),
                              QStringLiteral("ToQueue targets Work"), QStringLiteral("Work invokes Handler"),
                              QStringLiteral("default routes Nightly")}));
    } else {
        QCOMPARE(value("workerRule", "pattern").toString(), QStringLiteral(R"({"source": ["app"]})"));
        QCOMPARE(value("workerRule", "inputMode").toString(), QStringLiteral("Input"));
        QCOMPARE(value("workerRule", "input").toString(), QStringLiteral(R"({"key": "value"})"));
        QCOMPARE(value("workerRule", "maximumRetryAttempts").toInt(), 3);
        QCOMPARE(value("Work", "filterCriteria").toString(),
                 QStringLiteral(R"([{"body": {"kind": ["a"]}}, {"body": {"kind": ["b"]}}])"));
        QCOMPARE(value("Work", "maxConcurrency").toInt(), 4);
        QCOMPARE(value("worker", "maximumEventAge").toInt(), 120);
        QCOMPARE(edges,
                 (QStringList{QStringLiteral("Bus routes workerRule"), QStringLiteral("Work invokes worker"),
                              QStringLiteral("worker on-failure Failures"), QStringLiteral("worker on-success other"),
                              QStringLiteral("workerRule targets worker")}));
    }
}

void TestExport::awsUnreadEventSettingsReported_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("events"); // the function's events, indented for their place
    QTest::addColumn<QString>("warning"); // empty: no warning of unread settings

    const QByteArray sqs = "        Work:\n          Type: SQS\n          Properties:\n"
                           "            Queue: !GetAtt Work.Arn\n";
    QTest::newRow("sam: SQS as read") << "sam" << sqs + "            BatchSize: 5\n            Enabled: true\n"
                                      << "";
    QTest::newRow("sam: SQS disabled") << "sam" << sqs + "            Enabled: false\n"
                                       << "Handler: the event Work (SQS) sets Enabled, which Nimbus does not model";
    QTest::newRow("sam: stream parallelization and tumbling window")
        << "sam"
        << QByteArray("        Changes:\n          Type: DynamoDB\n          Properties:\n"
                      "            Stream: !GetAtt Items.StreamArn\n            StartingPosition: LATEST\n"
                      "            ParallelizationFactor: 4\n            TumblingWindowInSeconds: 60\n")
        << "the event Changes (DynamoDB) sets ParallelizationFactor, TumblingWindowInSeconds";
    // (A filter policy is read: it is the subscription's, on its connection.)
    QTest::newRow("sam: SNS region")
        << "sam"
        << QByteArray("        Alert:\n          Type: SNS\n          Properties:\n            Topic: !Ref Alerts\n"
                      "            FilterPolicy: {kind: [a]}\n            Region: us-west-2\n")
        << "the event Alert (SNS) sets Region";
    QTest::newRow("sam: rule name")
        << "sam"
        << QByteArray("        Health:\n          Type: EventBridgeRule\n          Properties:\n"
                      "            Pattern: {source: [aws.health]}\n            RuleName: health-rule\n")
        << "the event Health (EventBridgeRule) sets RuleName";

    QTest::newRow("serverless: sqs as read")
        << "serverless" << QByteArray("      - sqs: {arn: !GetAtt Work.Arn, batchSize: 5, enabled: true}\n") << "";
    QTest::newRow("serverless: sqs disabled")
        << "serverless" << QByteArray("      - sqs: {arn: !GetAtt Work.Arn, enabled: false}\n")
        << "Handler: its sqs event sets enabled, which Nimbus does not model";
    QTest::newRow("serverless: stream parallelization")
        << "serverless"
        << QByteArray("      - stream: {type: dynamodb, arn: !GetAtt Items.StreamArn, parallelizationFactor: 2}\n")
        << "its stream event sets parallelizationFactor";
    QTest::newRow("serverless: sns redrive policy")
        << "serverless"
        << QByteArray("      - sns: {arn: !Ref Alerts, filterPolicy: {kind: [a]}, redrivePolicy: {deadLetterTargetRef: "
                      "AlertsDlq}}\n")
        << "its sns event sets redrivePolicy";
    QTest::newRow("serverless: s3 of an existing bucket")
        << "serverless" << QByteArray("      - s3: {bucket: uploads, event: 's3:ObjectCreated:*', existing: true}\n")
        << "";
}

void TestExport::awsUnreadEventSettingsReported()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, events);
    QFETCH(QString, warning);
    const QByteArray resources = "    Work: {Type: AWS::SQS::Queue}\n"
                                 "    Alerts: {Type: AWS::SNS::Topic}\n"
                                 "    Items:\n      Type: AWS::DynamoDB::Table\n      Properties:\n"
                                 "        AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
                                 "        KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
                                 "        BillingMode: PAY_PER_REQUEST\n"
                                 "        StreamSpecification: {StreamViewType: NEW_IMAGE}\n";
    const bool sam = target == QLatin1String("sam");
    QByteArray dedented; // SAM's Resources are one level less deep than serverless.yml's
    for (const QByteArray &line : resources.split('\n'))
        if (!line.isEmpty())
            dedented += line.mid(2) + '\n';
    const QString fileName = sam ? QStringLiteral("template.yaml") : QStringLiteral("serverless.yml");
    const QByteArray content =
        sam ? "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n"
              "  Handler:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n"
              "      Handler: app.handler\n      Runtime: python3.12\n      Events:\n"
                  + events + dedented
            : "service: shop\nprovider:\n  name: aws\n  runtime: python3.12\nfunctions:\n  Handler:\n"
              "    handler: src/app.handler\n    events:\n"
                  + events + "resources:\n  Resources:\n" + resources;
    QTemporaryDir dir;
    QVERIFY(writeText(dir.filePath(fileName), content));
    QVERIFY(writeText(dir.filePath(QStringLiteral("src/app.py")), "def handler(event, context):\n    return 1\n"));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(fileName), *mRegistry, project, target);
    QVERIFY2(read, qPrintable(read.errorMessage() + QLatin1Char('\n') + QString::fromUtf8(content)));
    QStringList unread;
    for (const Diagnostic &d : *read)
        if (d.message.contains(QLatin1String("does not model")))
            unread.append(d.message);
    if (warning.isEmpty()) {
        QVERIFY2(unread.isEmpty(), qPrintable(unread.join(QLatin1Char('\n'))));
        return;
    }
    QCOMPARE(unread.size(), 1);
    QVERIFY2(unread.first().contains(warning), qPrintable(unread.first()));
    const auto severity = std::find_if(read->cbegin(), read->cend(), [&](const Diagnostic &d) {
                              return d.message == unread.first();
                          })->severity;
    QCOMPARE(severity, Diagnostic::Severity::Warning);
}

void TestExport::awsJsonTextRoundTrip_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("text");
    const QList<std::array<QString, 3>> cases = {
        // Keys keep their order (QJsonObject would sort them).
        {QStringLiteral("shipping"), QStringLiteral("pattern"),
         QStringLiteral(R"({"source": ["shop"], "detail-type": ["a"], "detail": {"z": [1], "a": [2]}})")},
        // Strings that YAML would read as numbers, booleans or null stay strings; numbers,
        // booleans and null stay what they are.
        {QStringLiteral("shipping"), QStringLiteral("pattern"),
         QStringLiteral(
             R"({"detail": {"id": ["100", 100], "ok": [true, "true", "yes"], "gone": [null, "null", "~"]}})")},
        // Quotes, backslashes, YAML indicators and text beyond ASCII.
        {QStringLiteral("shipping"), QStringLiteral("pattern"),
         QStringLiteral(R"({"detail": {"note": ["say \"hi\"", "a\\b", "> x", "- y", "#z", "café ✓"]}})")},
        {QStringLiteral("shipping"), QStringLiteral("pattern"),
         QStringLiteral(
             R"({"$or": [{"source": [{"prefix": "shop."}]}, {"detail": {"n": [{"numeric": [">=", 0.5]}]}}]})")},
        {QStringLiteral("shipping"), QStringLiteral("inputPathsMap"),
         QStringLiteral(R"({"b": "$.detail.b", "a": "$.detail.a"})")},
        {QStringLiteral("audit"), QStringLiteral("filterCriteria"),
         QStringLiteral(R"({"body": {"n": [{"exists": true}]}})")},
        {QStringLiteral("audit"), QStringLiteral("filterCriteria"),
         QStringLiteral(R"([{"body": {"k": ["1"]}}, {"body": {"k": [1]}}, {"attributes": {"x": [""]}}])")},
        {QStringLiteral("orders"), QStringLiteral("filterCriteria"),
         QStringLiteral(R"({"dynamodb": {"NewImage": {"total": {"N": [{"numeric": [">", 100]}]}}}})")},
    };
    for (const QString &target : {QStringLiteral("sam"), QStringLiteral("serverless")})
        for (int i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(QStringLiteral("%1 %2 %3 %4").arg(target, cases[i][0], cases[i][1]).arg(i)))
                << target << cases[i][0] << cases[i][1] << cases[i][2];
}

// JSON the design holds as text (patterns, input paths, filter criteria) goes out as YAML
// and reads back as the same text, when written as the importer writes JSON.
void TestExport::awsJsonTextRoundTrip()
{
    QFETCH(QString, target);
    QFETCH(QString, node);
    QFETCH(QString, property);
    QFETCH(QString, text);
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kAwsEvents, project));
    const Node *changed = project.architecture().nodeByName(node);
    QVERIFY(project.setNodeProperty(changed->id, property, text));
    const ExportOutput output = exportProject(project, target);
    QVERIFY2(!hasErrors(output.diagnostics), qPrintable(diagnosticsText(output.diagnostics)));
    const QString file = target == QLatin1String("sam") ? QStringLiteral("template.yaml")
                                                        : QStringLiteral("serverless.yml");
    QTemporaryDir dir;
    QVERIFY(writeText(dir.filePath(file), output.file(file)->content));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(file), *mRegistry, imported, target);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    const Node *back = imported.architecture().nodeByName(ExportModel::identifier(node));
    QVERIFY(back);
    QCOMPARE(back->properties.value(property).toString(), text);
}

void TestExport::awsEventProblemsReported_data()
{
    QTest::addColumn<QString>("node"); // whose property is set (a "rule" node is added when absent)
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("value"); // JSON
    QTest::addColumn<QStringList>("edge"); // from, to, type; or empty
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reported"); // the node the diagnostic names
    QTest::addColumn<QString>("reportedProperty");
    const QStringList none;
    QTest::newRow("pattern not JSON") << "big-orders"
                                      << "pattern"
                                      << R"("{oops")" << none << "export-rule-pattern"
                                      << "big-orders"
                                      << "pattern";
    QTest::newRow("input paths not JSON") << "shipping"
                                          << "inputPathsMap"
                                          << R"("nope")" << none << "export-rule-input"
                                          << "shipping"
                                          << "inputPathsMap";
    QTest::newRow("dead-letter queue not a queue") << "big-orders"
                                                   << "deadLetterQueue"
                                                   << R"("shipments")" << none << "export-rule-dlq"
                                                   << "big-orders"
                                                   << "deadLetterQueue";
    QTest::newRow("FIFO dead-letter queue") << "big-orders"
                                            << "deadLetterQueue"
                                            << R"("jobs")" << none << "export-rule-dlq"
                                            << "big-orders"
                                            << "deadLetterQueue";
    QTest::newRow("filters not patterns") << "audit"
                                          << "filterCriteria"
                                          << R"("[1, 2]")" << none << "export-filter"
                                          << "audit"
                                          << "filterCriteria";
    QTest::newRow("batching window of a FIFO queue") << "jobs"
                                                     << "batchingWindow"
                                                     << "5" << none << "export-batching-window"
                                                     << "jobs"
                                                     << "batchingWindow";
    QTest::newRow("deduplication without FIFO") << "audit"
                                                << "contentBasedDeduplication"
                                                << "true" << none << "export-deduplication"
                                                << "audit"
                                                << "contentBasedDeduplication";
    QTest::newRow("rule on no bus") << "lonely"
                                    << "description"
                                    << R"("")" << QStringList{"lonely", "fallback", "targets"}
                                    << "export-rule-unconnected"
                                    << "lonely"
                                    << "";
    QTest::newRow("rule on two buses") << "big-orders"
                                       << "description"
                                       << R"("")" << QStringList{"default-bus", "big-orders", "routes"}
                                       << "export-rule-bus"
                                       << "big-orders"
                                       << "";
    QTest::newRow("second on-failure destination")
        << "auditor"
        << "description"
        << R"("")" << QStringList{"auditor", "review-failures", "on-failure"} << "export-destination"
        << "auditor"
        << "";
    QTest::newRow("stream failures to a function")
        << "onOrderChange"
        << "description"
        << R"("")" << QStringList{"onOrderChange", "fallback", "on-failure"} << "export-stream-destination"
        << "onOrderChange"
        << "";
}

// What SAM and serverless.yml cannot say of an event-driven design is a diagnostic naming
// the node (and the property, when it is about one), in both formats.
void TestExport::awsEventProblemsReported()
{
    QFETCH(QString, node);
    QFETCH(QString, property);
    QFETCH(QString, value);
    QFETCH(QStringList, edge);
    QFETCH(QString, code);
    QFETCH(QString, reported);
    QFETCH(QString, reportedProperty);
    for (const QString &target : {QStringLiteral("sam"), QStringLiteral("serverless")}) {
        Project project(Catalog::builtin());
        QVERIFY(ProjectFile().load(kAwsEvents, project));
        const Architecture &design = project.architecture();
        if (!design.nodeByName(node))
            QVERIFY(project.addNode(QStringLiteral("rule"), {}, node));
        const QJsonValue parsed = QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().first();
        QVERIFY(project.setNodeProperty(design.nodeByName(node)->id, property, parsed));
        if (!edge.isEmpty())
            QVERIFY(
                project.connectNodes(design.nodeByName(edge.at(0))->id, design.nodeByName(edge.at(1))->id, edge.at(2)));
        const ExportOutput output = exportProject(project, target);
        const NodeId expected = design.nodeByName(reported)->id;
        int found = 0;
        for (const Diagnostic &d : output.diagnostics)
            if (d.code == code && d.nodes == QList<NodeId>{expected} && d.property == reportedProperty
                && d.message.contains(reported))
                ++found;
        QVERIFY2(found == 1, qPrintable(target + QLatin1String(": ") + diagnosticsText(output.diagnostics)));
    }
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
