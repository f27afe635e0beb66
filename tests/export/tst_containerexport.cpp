// Serverless containers exported (issue 20 item 6): a Cloud Run service and a Knative
// Service per container (image, port, concurrency, CPU and memory, request timeout,
// min/max scale annotations), Scaleway's custom.containers in serverless.yml, checked
// against golden files; SAM, Terraform and the Serverless Framework say per container
// that it is not written for them yet, and drop nothing silently.

#include "testutil.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "storage/jsoninterchange.h"

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
    QTest::newRow("sam") << QStringLiteral("sam") << QStringLiteral("SAM");
    QTest::newRow("terraform") << QStringLiteral("terraform") << QStringLiteral("Terraform");
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

QTEST_GUILESS_MAIN(tst_ContainerExport)
#include "tst_containerexport.moc"
