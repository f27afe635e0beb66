// Serverless containers exported (issue 20 item 6): a Cloud Run service and a Knative
// Service per container (image, port, concurrency, CPU and memory, request timeout,
// min/max scale annotations), Scaleway's custom.containers in serverless.yml, and ECS
// services on Fargate in SAM and Terraform (task sizes Fargate has, routes through a VPC
// link, what ECS cannot take said per node), checked against golden files; the Serverless
// Framework says per container that it is not written for it yet, and drops nothing silently.

#include "testutil.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "storage/jsoninterchange.h"

#include "awsfargate.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace NimbusTest;

class tst_ContainerExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void golden_data();
    void golden();
    void notWrittenYet_data();
    void notWrittenYet();
    void fargateSizes_data();
    void fargateSizes();
    void terraformImageCannotInterpolate();

private:
    ExportOutput exported(const QString &target);
    std::unique_ptr<PluginRegistry> mRegistry;
    QString mDesign = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/containers");
    QString mGoldens = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/golden/containers");
};

void tst_ContainerExport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
}

ExportOutput tst_ContainerExport::exported(const QString &target)
{
    Project project(Catalog::builtin());
    JsonInterchange reader;
    if (!reader.read(readAll(mDesign + "/containers.json"), "containers.json"))
        return {};
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    project.setWorkingDirectory(mDesign);
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    return ExportJob::prepare(*exporter, mRegistry->provider(target), ExportJob::input(project, target, options));
}

void tst_ContainerExport::golden_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("mustHave");
    QTest::newRow("cloudrun") << QStringLiteral("cloudrun") << QStringLiteral("autoscaling.knative.dev/minScale: '1'");
    QTest::newRow("knative") << QStringLiteral("knative") << QStringLiteral("autoscaling.knative.dev/min-scale: '1'");
    QTest::newRow("scaleway") << QStringLiteral("scaleway") << QStringLiteral("registryImage: ghcr.io/acme/web:1.2");
    QTest::newRow("sam") << QStringLiteral("sam") << QStringLiteral("RouteKey: ANY /{proxy+}");
    QTest::newRow("terraform") << QStringLiteral("terraform")
                               << QStringLiteral("resource \"aws_ecs_service\" \"worker\"");
}

void tst_ContainerExport::golden()
{
    QFETCH(QString, target);
    QFETCH(QString, mustHave);
    const ExportOutput output = exported(target);
    QVERIFY(!output.files.isEmpty());
    const bool update = qEnvironmentVariableIsSet("NIMBUS_UPDATE_GOLDENS");
    const QString folder = mGoldens + QLatin1Char('/') + target;
    QStringList expected;
    QByteArray everything;
    auto check = [&](const QString &path, const QByteArray &content) {
        expected.append(path);
        if (update) {
            QDir().mkpath(QFileInfo(folder + QLatin1Char('/') + path).absolutePath());
            QFile out(folder + QLatin1Char('/') + path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
            return;
        }
        QCOMPARE(QString::fromUtf8(content), QString::fromUtf8(readAll(folder + QLatin1Char('/') + path)));
    };
    for (const ExportFile &f : output.files) {
        if (f.isCopy())
            continue;
        everything += f.content;
        check(f.path, f.content);
    }
    QString diagnostics;
    for (const Diagnostic &d : output.diagnostics)
        diagnostics += d.message + QLatin1Char('\n');
    check(QStringLiteral("diagnostics.txt"), diagnostics.toUtf8());
    QVERIFY2(everything.contains(mustHave.toUtf8()), everything.constData());
    // Nothing about a container is said to be unexported on these targets.
    QVERIFY2(!diagnostics.contains(QStringLiteral("not written for")), qPrintable(diagnostics));
    QStringList present;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        present.append(QDir(folder).relativeFilePath(it.next()));
    present.sort();
    expected.sort();
    QCOMPARE(present, expected);
}

void tst_ContainerExport::notWrittenYet_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("platform");
    QTest::newRow("serverless") << QStringLiteral("serverless") << QStringLiteral("Serverless Framework");
}

void tst_ContainerExport::notWrittenYet()
{
    QFETCH(QString, target);
    QFETCH(QString, platform);
    const ExportOutput output = exported(target);
    QVERIFY(!output.files.isEmpty() || !output.diagnostics.isEmpty());
    for (const QString &container : {QStringLiteral("web"), QStringLiteral("worker")}) {
        const QString said = QStringLiteral("%1: serverless containers are not written for %2 yet; it is not exported")
                                 .arg(container, platform);
        const bool found = std::any_of(output.diagnostics.cbegin(), output.diagnostics.cend(),
                                       [&](const Diagnostic &d) {
            return d.message == said && d.severity == Diagnostic::Severity::Warning;
        });
        QVERIFY2(found, qPrintable(said));
    }
}

void tst_ContainerExport::fargateSizes_data()
{
    QTest::addColumn<double>("cpu");
    QTest::addColumn<int>("memory");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("taskMemory");
    QTest::addColumn<bool>("rounded");
    QTest::newRow("a quarter, 512") << 0.25 << 512 << 256 << 512 << false;
    QTest::newRow("half, 1 GB") << 0.5 << 1024 << 512 << 1024 << false;
    QTest::newRow("half, 1.5 GB up to 2") << 0.5 << 1536 << 512 << 2048 << true;
    QTest::newRow("a quarter, 3 GB needs half a vCPU") << 0.25 << 3072 << 512 << 3072 << true;
    QTest::newRow("1 vCPU, 512 MB up to 2 GB") << 1.0 << 512 << 1024 << 2048 << true;
    QTest::newRow("2 vCPU, 2 GB up to 4") << 2.0 << 2048 << 2048 << 4096 << true;
    QTest::newRow("0.3 vCPU up to half") << 0.3 << 1024 << 512 << 1024 << true;
    QTest::newRow("8 vCPU, 20 GB") << 8.0 << 20480 << 8192 << 20480 << false;
    QTest::newRow("beyond the largest") << 32.0 << 200000 << 16384 << 122880 << true;
}

void tst_ContainerExport::fargateSizes()
{
    QFETCH(double, cpu);
    QFETCH(int, memory);
    QFETCH(int, units);
    QFETCH(int, taskMemory);
    QFETCH(bool, rounded);
    const Aws::FargateSize size = Aws::fargateSize(cpu, memory);
    QCOMPARE(size.cpuUnits, units);
    QCOMPARE(size.memoryMb, taskMemory);
    QCOMPARE(size.rounded, rounded);
}

// An image named by a stranger's design is written as a string: "${...}" in it is escaped,
// never an interpolation Terraform would evaluate (reading a file, calling a function).
void tst_ContainerExport::terraformImageCannotInterpolate()
{
    Project project(Catalog::builtin());
    JsonInterchange reader;
    const QByteArray design = "{\"format\": \"nimbus-project\", \"version\": 1, \"nodes\": [{\"name\": \"web\", "
                              "\"kind\": \"container\", \"properties\": {\"image\": "
                              "\"evil${file(\\\"/etc/passwd\\\")}%{if true}x%{endif}\"}}], \"edges\": []}";
    QVERIFY(reader.read(design, "evil.json"));
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    const ExporterInterface *exporter = mRegistry->exporter(QStringLiteral("terraform"));
    QVERIFY(exporter);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(QStringLiteral("terraform")),
                                                   ExportJob::input(project, QStringLiteral("terraform"), {}));
    QByteArray containers;
    for (const ExportFile &f : output.files)
        if (f.path == QLatin1String("containers.tf"))
            containers = f.content;
    const QByteArray escaped = "image            = \"evil$${file(\\\"/etc/passwd\\\")}%%{if true}x%%{endif}\"";
    QVERIFY2(containers.contains(escaped), containers.constData());
}

QTEST_GUILESS_MAIN(tst_ContainerExport)
#include "tst_containerexport.moc"
