// Compiled functions exported (issue 20 item 2): to SAM, a provided.* function whose folder
// holds Go code is built by `sam build` (Metadata BuildMethod go1.x, Handler bootstrap, as
// AWS's Go on provided.al2023 template writes it); a folder holding its own bootstrap (a
// shell script) is taken as it is; other runtimes are left alone. serverless.yml and
// Terraform deploy a zip they do not build: Go, Java and .NET functions get the build
// command (Terraform runs it in a terraform_data before archive_file; serverless.yml names
// the artifact and says how to make it), and the Go command is run here for real.

#include "testutil.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
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
    void zipTargetsBuild_data();
    void zipTargetsBuild();
    void goBuildCommandMakesTheBootstrap();

private:
    // The files an export of one function named hello writes, by path.
    QMap<QString, QByteArray> exportHello(const QString &target, const QString &runtime, const QString &handler,
                                          const QStringList &files, QList<Diagnostic> *diagnostics = nullptr);

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

QMap<QString, QByteArray> tst_CustomRuntimeExport::exportHello(const QString &target, const QString &runtime,
                                                               const QString &handler, const QStringList &files,
                                                               QList<Diagnostic> *diagnostics)
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath("functions/hello");
    for (const QString &file : files)
        writeAll(dir.filePath("functions/hello/" + file), "// code\n");
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    const NodeId function = project.addNode("function", {0, 0}, "hello").valueOr(kInvalidNodeId);
    (void)project.setNodeProperty(function, "runtime", runtime);
    (void)project.setNodeProperty(function, "handler", handler);
    (void)project.setNodeProperty(function, "source", "functions/hello");
    const ExporterInterface *exporter = mRegistry->exporter(target);
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(target),
                                                   ExportJob::input(project, target, options));
    QMap<QString, QByteArray> written;
    for (const ExportFile &file : output.files)
        if (!file.isCopy())
            written.insert(file.path, file.content);
    if (diagnostics)
        *diagnostics = output.diagnostics;
    return written;
}

void tst_CustomRuntimeExport::zipTargetsBuild_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("tool"); // empty: not built
    QTest::addColumn<QString>("lambdaHandler");
    QTest::newRow("go") << "provided.al2023"
                        << "function.handler" << QStringList{"main.go", "go.mod"} << "go"
                        << "bootstrap";
    QTest::newRow("java") << "java21"
                          << "example.Orders::handle" << QStringList{"pom.xml"} << "mvn"
                          << "example.Orders::handle";
    QTest::newRow("dotnet") << "dotnet8"
                            << "Orders::Orders.Function::Handler" << QStringList{"Function.cs"} << "dotnet"
                            << "Orders::Orders.Function::Handler";
    QTest::newRow("node") << "nodejs20.x"
                          << "index.handler" << QStringList{"index.mjs"} << QString()
                          << "functions/hello/index.handler";
    QTest::newRow("shell bootstrap") << "provided.al2"
                                     << "function.handler" << QStringList{"bootstrap"} << QString()
                                     << "functions/hello/function.handler";
}

void tst_CustomRuntimeExport::zipTargetsBuild()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QStringList, files);
    QFETCH(QString, tool);
    QFETCH(QString, lambdaHandler);

    QList<Diagnostic> said;
    const QByteArray yaml = exportHello("serverless", runtime, handler, files, &said).value("serverless.yml");
    const YAML::Node fn = YAML::Load(yaml.toStdString())["functions"]["hello"];
    QVERIFY2(fn.IsMap(), yaml.constData());
    QCOMPARE(QString::fromStdString(fn["handler"].as<std::string>()), lambdaHandler);
    const auto says = [&said](const QString &part) {
        return std::any_of(said.cbegin(), said.cend(), [&](const Diagnostic &d) { return d.message.contains(part); });
    };
    if (tool.isEmpty()) {
        QVERIFY(!fn["package"]);
    } else {
        QCOMPARE(QString::fromStdString(fn["package"]["artifact"].as<std::string>()), QString("build/hello.zip"));
        QVERIFY(says("serverless deploy uploads build/hello.zip") && says("(it needs " + tool + ")"));
    }

    const QByteArray tf = exportHello("terraform", runtime, handler, files, &said).value("main.tf");
    QVERIFY(!tf.isEmpty());
    QCOMPARE(tf.contains("resource \"terraform_data\" \"hello_build\""), !tool.isEmpty());
    QCOMPARE(tf.contains("source_dir  = \"${path.module}/build/hello\""), !tool.isEmpty());
    QCOMPARE(tf.contains("depends_on  = [terraform_data.hello_build]"), !tool.isEmpty());
    const QRegularExpression handlerLine(
        QString("\\n  handler += \"%1\"\\n").arg(QRegularExpression::escape(tool.isEmpty() ? handler : lambdaHandler)));
    QVERIFY2(QString::fromUtf8(tf).contains(handlerLine), tf.constData());
    if (!tool.isEmpty())
        QVERIFY(says("the machine that applies needs " + tool));
}

// The command Terraform's terraform_data runs (and serverless.yml's diagnostic gives) builds
// a Go function into a bootstrap that Lambda's provided.al2023 can run: a static Linux binary.
void tst_CustomRuntimeExport::goBuildCommandMakesTheBootstrap()
{
    if (QStandardPaths::findExecutable("go").isEmpty())
        QSKIP("go is not installed (scripts/setup.sh test installs golang-go)");
    const QByteArray tf =
        exportHello("terraform", "provided.al2023", "function.handler", {"main.go", "go.mod"}).value("main.tf");
    const int at = tf.indexOf("command     = \"");
    QVERIFY(at > 0);
    const int start = at + int(strlen("command     = \""));
    const QString command = QString::fromUtf8(tf.mid(start, tf.indexOf('\n', start) - start - 1)).replace("\\\"", "\"");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("src"));
    QVERIFY(writeAll(dir.filePath("src/go.mod"), "module hello\n\ngo 1.19\n"));
    QVERIFY(writeAll(dir.filePath("src/main.go"),
                     "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n"));
    QProcess sh;
    sh.setWorkingDirectory(dir.filePath("src"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OUT", dir.filePath("build/hello"));
    env.insert("GOCACHE", dir.filePath("gocache"));
    env.insert("GOFLAGS", "-mod=mod");
    sh.setProcessEnvironment(env);
    sh.setProcessChannelMode(QProcess::MergedChannels);
    sh.start("sh", {"-c", command});
    QVERIFY(sh.waitForFinished(180000));
    QVERIFY2(sh.exitCode() == 0, qPrintable(command + "\n" + sh.readAll()));
    const QFileInfo bootstrap(dir.filePath("build/hello/bootstrap"));
    QVERIFY(bootstrap.isFile() && bootstrap.isExecutable());
    QProcess run;
    run.start(bootstrap.filePath(), {});
    QVERIFY(run.waitForFinished(10000));
    QCOMPARE(run.readAll(), QByteArray("hi\n"));
}

QTEST_GUILESS_MAIN(tst_CustomRuntimeExport)
#include "tst_customruntimeexport.moc"
