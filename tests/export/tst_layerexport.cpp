// Lambda layers exported and imported (issue 20 item 4): SAM's AWS::Serverless::LayerVersion
// and the functions' Layers, serverless.yml's layers and {Ref: XLambdaLayer}, Terraform's
// aws_lambda_layer_version (with its archive_file) and layers = [...]; the other targets
// say per layer that they have no equivalent; the layer folders are copied beside the
// template. Importing a SAM or CloudFormation template or a serverless.yml gives back the
// layer nodes and their connections; a layer folder that leads out of the template's
// folder refuses the file.

#include "testutil.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "model/layerstack.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace NimbusTest;

class tst_LayerExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void written_data();
    void written();
    void noEquivalent_data();
    void noEquivalent();
    void roundTrip_data();
    void roundTrip();
    void cloudFormationLayer();
    void refusedFolder_data();
    void refusedFolder();

private:
    ExportOutput exported(const QString &target);
    static QByteArray all(const ExportOutput &output);
    std::unique_ptr<PluginRegistry> mRegistry;
    QString mDesign = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/layers");
};

void tst_LayerExport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
}

ExportOutput tst_LayerExport::exported(const QString &target)
{
    Project project(Catalog::builtin());
    JsonInterchange reader;
    if (!reader.read(readAll(mDesign + "/layers.json"), "layers.json"))
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

QByteArray tst_LayerExport::all(const ExportOutput &output)
{
    QByteArray text;
    for (const ExportFile &file : output.files)
        text += file.content;
    return text;
}

void tst_LayerExport::written_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::newRow("sam") << "sam"
                         << QByteArrayList{"Type: AWS::Serverless::LayerVersion",
                                           "LayerName: shared-libs",
                                           "ContentUri: layers/shared",
                                           "CompatibleRuntimes:\n        - nodejs20.x\n"
                                           "        - nodejs22.x",
                                           "LicenseInfo: MIT",
                                           "Description: Greeting library",
                                           "CompatibleArchitectures:\n        - arm64",
                                           "Layers:\n        - !Ref Shared",
                                           "Layers:\n        - !Ref Pylib"};
    QTest::newRow("serverless") << "serverless"
                                << QByteArrayList{"\nlayers:\n",
                                                  "  shared:\n    path: layers/shared\n    name: shared-libs",
                                                  "compatibleRuntimes:\n      - nodejs20.x",
                                                  "licenseInfo: MIT",
                                                  "layers:\n      - Ref: SharedLambdaLayer",
                                                  "layers:\n      - Ref: PylibLambdaLayer"};
    QTest::newRow("terraform") << "terraform"
                               << QByteArrayList{"data \"archive_file\" \"shared\"",
                                                 "source_dir  = \"${path.module}/layers/shared\"",
                                                 "resource \"aws_lambda_layer_version\" \"shared\"",
                                                 "compatible_runtimes = [\"nodejs20.x\", \"nodejs22.x\"]",
                                                 "compatible_architectures = [\"arm64\"]",
                                                 "license_info",
                                                 "layers           = [aws_lambda_layer_version.shared.arn]"};
}

void tst_LayerExport::written()
{
    QFETCH(QString, target);
    QFETCH(QByteArrayList, expected);
    const ExportOutput output = exported(target);
    const QByteArray text = all(output);
    QVERIFY(!text.isEmpty());
    for (const QByteArray &part : expected)
        QVERIFY2(text.contains(part),
                 qPrintable(
                     QStringLiteral("%1 lacks %2:\n%3").arg(target, QString::fromUtf8(part), QString::fromUtf8(text))));
    // The layers' folders go beside the template, as the functions' do.
    QStringList copied;
    for (const ExportFile &file : output.files)
        if (file.isCopy() && (!file.path.startsWith("layers/") || file.withDependencies))
            copied.append(file.path); // a layer's node_modules is its content: copied too
    QVERIFY2(copied.contains("layers/shared") && copied.contains("layers/pylib"), qPrintable(copied.join(' ')));
    for (const Diagnostic &d : output.diagnostics)
        QVERIFY2(d.code != "export-unsupported", qPrintable(d.message));
}

void tst_LayerExport::noEquivalent_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("platform");
    QTest::newRow("azure") << "azure"
                           << "Azure Functions";
    QTest::newRow("cloudrun") << "cloudrun"
                              << "Cloud Run";
    QTest::newRow("knative") << "knative"
                             << "Knative";
    QTest::newRow("openfaas") << "openfaas"
                              << "OpenFaaS";
    QTest::newRow("scaleway") << "scaleway"
                              << "Scaleway";
}

void tst_LayerExport::noEquivalent()
{
    QFETCH(QString, target);
    QFETCH(QString, platform);
    const ExportOutput output = exported(target);
    QStringList layers;
    for (const Diagnostic &d : output.diagnostics)
        if (d.code == "export-unsupported" && d.message.contains("layer"))
            layers.append(d.message);
    // One warning per layer, naming it and the platform.
    QCOMPARE(layers.size(), 2);
    QVERIFY2(layers.join(' ').contains("shared") && layers.join(' ').contains("pylib")
                 && layers.first().contains(platform),
             qPrintable(layers.join('\n')));
}

void tst_LayerExport::roundTrip_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QTest::newRow("sam") << "sam"
                         << "template.yaml";
    QTest::newRow("serverless") << "serverless"
                                << "serverless.yml";
}

void tst_LayerExport::roundTrip()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    QTemporaryDir dir;
    const ExportOutput output = exported(target);
    const ExportFile *written = output.file(file);
    QVERIFY(written);
    QVERIFY(writeAll(dir.filePath(file), written->content));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(dir.filePath(file), *mRegistry, project);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const Architecture &a = project.architecture();
    QStringList layers;
    for (const auto &[id, node] : a.nodes()) {
        if (node.kind != Kinds::Layer)
            continue;
        QStringList functions;
        for (const Node *function : LayerStack::functionsOf(a, id))
            functions.append(function->name);
        layers.append(QStringLiteral("%1:%2:%3:%4:%5")
                          .arg(node.properties.value("folder").toString(),
                               node.properties.value("layerName").toString(),
                               node.properties.value("compatibleRuntimes").toString(),
                               node.properties.value("compatibleArchitectures").toString(), functions.join(',')));
    }
    layers.sort();
    // Serverless Framework v3 knows neither python3.12 nor nodejs22.x: written as the newest it accepts.
    const bool sam = target == "sam";
    QCOMPARE(layers, (QStringList{"layers/pylib:pylib:"
                                      + QString(sam ? "python3.12:arm64:Pygreet" : "python3.11:arm64:pygreet"),
                                  "layers/shared:shared-libs:"
                                      + QString(sam ? "nodejs20.x, nodejs22.x:any:Greet" : "nodejs20.x:any:greet")}));
}

void tst_LayerExport::cloudFormationLayer()
{
    // Plain CloudFormation's AWS::Lambda::LayerVersion with its content in S3, and a
    // function listing it and a layer of another account.
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath("template.yaml"), R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Deps:
    Type: AWS::Lambda::LayerVersion
    Properties:
      LayerName: deps
      Content:
        S3Bucket: my-bucket
        S3Key: deps.zip
      CompatibleRuntimes: [python3.12]
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: app.handler
      Runtime: python3.12
      Layers:
        - !Ref Deps
        - arn:aws:lambda:us-east-1:123456789012:layer:other:3
)"));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(dir.filePath("template.yaml"), *mRegistry, project);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const Node *deps = project.architecture().nodeByName("Deps");
    QVERIFY(deps);
    QCOMPARE(deps->kind, QStringLiteral("layer"));
    QCOMPARE(deps->properties.value("folder").toString(), QStringLiteral("layers/Deps"));
    QCOMPARE(LayerStack::functionsOf(project.architecture(), deps->id).size(), 1);
    QStringList notes;
    for (const Diagnostic &d : *imported)
        notes.append(d.message);
    QVERIFY2(notes.join('\n').contains("layer:other:3"), qPrintable(notes.join('\n')));
    QVERIFY2(notes.join('\n').contains("layers/Deps"), qPrintable(notes.join('\n')));
}

void tst_LayerExport::refusedFolder_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("folder");
    const QByteArray sam = R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Evil:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: %1
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: index.handler
      Runtime: nodejs20.x
      Layers: [!Ref Evil]
)";
    const QByteArray sls = R"(service: evil
provider:
  name: aws
  runtime: nodejs20.x
layers:
  evil:
    path: %1
functions:
  api:
    handler: src/index.handler
    layers:
      - Ref: EvilLambdaLayer
)";
    for (const char *folder : {"../../etc", "/etc", "\"layers/../../..\""}) {
        const QString shown = QString::fromLatin1(folder).remove('"');
        QTest::addRow("sam %s", folder) << "template.yaml" << QString::fromUtf8(sam).arg(folder).toUtf8() << shown;
        QTest::addRow("serverless %s", folder)
            << "serverless.yml" << QString::fromUtf8(sls).arg(folder).toUtf8() << shown;
    }
}

void tst_LayerExport::refusedFolder()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, folder);
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath(file), content));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(dir.filePath(file), *mRegistry, project);
    QVERIFY2(!imported, "a layer folder outside the template's folder was imported");
    QVERIFY2(imported.errorMessage().contains("refused") && imported.errorMessage().contains(folder),
             qPrintable(imported.errorMessage()));
    QVERIFY(project.architecture().nodes().empty());
}

QTEST_GUILESS_MAIN(tst_LayerExport)
#include "tst_layerexport.moc"
