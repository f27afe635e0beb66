// Custom runtime functions exported to SAM (issue 20 item 2): a provided.* function whose
// folder holds Go code is built by `sam build` (Metadata BuildMethod go1.x, Handler
// bootstrap, as AWS's Go on provided.al2023 template writes it); a folder holding its own
// bootstrap (a shell script) is taken as it is; other runtimes are left alone.

#include "testutil.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <yaml-cpp/yaml.h>

using namespace Nimbus;
using namespace NimbusTest;

class tst_CustomRuntimeExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void samBuildsGo_data();
    void samBuildsGo();

private:
    std::unique_ptr<PluginRegistry> mRegistry;
};

void tst_CustomRuntimeExport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
    QVERIFY(mRegistry->exporter("sam"));
}

void tst_CustomRuntimeExport::samBuildsGo_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QStringList>("files"); // in the function's folder
    QTest::addColumn<QString>("buildMethod"); // empty: no Metadata
    QTest::addColumn<QString>("handler");

    QTest::newRow("go on al2023") << "provided.al2023" << QStringList{"main.go", "go.mod"} << "go1.x"
                                  << "bootstrap";
    QTest::newRow("go on al2") << "provided.al2" << QStringList{"go.mod", "cmd.go"} << "go1.x"
                               << "bootstrap";
    QTest::newRow("shell bootstrap") << "provided.al2023" << QStringList{"bootstrap"} << QString()
                                     << "function.handler";
    QTest::newRow("node with a stray go file")
        << "nodejs20.x" << QStringList{"index.mjs", "tool.go"} << QString() << "function.handler";
}

void tst_CustomRuntimeExport::samBuildsGo()
{
    QFETCH(QString, runtime);
    QFETCH(QStringList, files);
    QFETCH(QString, buildMethod);
    QFETCH(QString, handler);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("functions/hello"));
    for (const QString &file : files)
        QVERIFY(writeAll(dir.filePath("functions/hello/" + file), "// code\n"));
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    const NodeId function = project.addNode("function", {0, 0}, "hello").valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(function, "runtime", runtime));
    QVERIFY(project.setNodeProperty(function, "handler", "function.handler"));
    QVERIFY(project.setNodeProperty(function, "source", "functions/hello"));

    const ExporterInterface *exporter = mRegistry->exporter("sam");
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider("sam"),
                                                   ExportJob::input(project, "sam", options));
    QByteArray templateText;
    for (const ExportFile &file : output.files)
        if (file.path == "template.yaml")
            templateText = file.content;
    QVERIFY(!templateText.isEmpty());
    const YAML::Node resource = YAML::Load(templateText.toStdString())["Resources"]["Hello"];
    QVERIFY(resource.IsMap());
    QCOMPARE(QString::fromStdString(resource["Properties"]["Handler"].as<std::string>()), handler);
    QCOMPARE(QString::fromStdString(resource["Properties"]["Runtime"].as<std::string>()), runtime);
    if (buildMethod.isEmpty())
        QVERIFY(!resource["Metadata"]);
    else
        QCOMPARE(QString::fromStdString(resource["Metadata"]["BuildMethod"].as<std::string>()), buildMethod);
}

QTEST_GUILESS_MAIN(tst_CustomRuntimeExport)
#include "tst_customruntimeexport.moc"
