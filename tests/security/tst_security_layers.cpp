// Layers from strangers (issue 20 item 4): a layer's folder is a path of the project, and a
// project or template may come from anyone. A folder that climbs out (../../etc), is
// absolute (/etc) or is a link inside the project leading out is refused by the
// validator, by the worker that would put it on its search paths, by the export that
// would copy it, and by the imports, each naming the folder.

#include "testutil.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "model/validator.h"
#include "runtime/functionspec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace NimbusTest;

class tst_SecurityLayers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refused_data();
    void refused();
    void linkLeadingOutIsNotExported();

private:
    bool makeProject(Project &project, const QString &folder);
    std::unique_ptr<PluginRegistry> mRegistry;
    QTemporaryDir mDir;
};

void tst_SecurityLayers::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
    QVERIFY(QDir(mDir.path()).mkpath("functions/f"));
    QVERIFY(writeAll(mDir.filePath("functions/f/index.js"), "exports.handler = async () => 1;\n"));
    QVERIFY(QDir(mDir.path()).mkpath("layers"));
    // A link inside the project's folder that leads out of it.
    QVERIFY(QFile::link("/etc", mDir.filePath("layers/linked")));
}

bool tst_SecurityLayers::makeProject(Project &project, const QString &folder)
{
    project.setWorkingDirectory(mDir.path());
    const QString nodes = QStringLiteral(R"([["f", "function", {}], ["evil", "layer", {"folder": "%1"}]])").arg(folder);
    return fillProject(project, parseArray(nodes.toUtf8().constData()), parseArray(R"([["evil", "f", "extends"]])"));
}

void tst_SecurityLayers::refused_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("climbs out") << "../../etc";
    QTest::newRow("absolute") << "/etc";
    QTest::newRow("climbs out inside") << "layers/../../etc";
    QTest::newRow("link leading out") << "layers/linked";
}

void tst_SecurityLayers::refused()
{
    QFETCH(QString, folder);
    Project project(Catalog::builtin());
    QVERIFY(makeProject(project, folder));

    // The validator: an error on the layer, naming the folder.
    Validator validator(project.catalog(), project.architecture());
    validator.setProjectDirectory(mDir.path());
    QStringList errors;
    for (const Diagnostic &d : validator.validate())
        if (d.severity == Diagnostic::Severity::Error && d.code == "unsafe-path")
            errors.append(d.message);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains("'evil'") && errors.first().contains(folder), qPrintable(errors.first()));

    // The worker: the function does not start with the folder on its search paths.
    const Result<FunctionSpec> spec = FunctionSpec::fromNode(project, project.architecture().nodeByName("f")->id);
    QVERIFY(!spec);
    QVERIFY2(spec.errorMessage().contains("refused") && spec.errorMessage().contains(folder),
             qPrintable(spec.errorMessage()));

    // The export: nothing of the folder is copied, and the export says why.
    const ExporterInterface *exporter = mRegistry->exporter("sam");
    QVERIFY(exporter);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider("sam"),
                                                   ExportJob::input(project, "sam", {}));
    for (const ExportFile &file : output.files)
        QVERIFY2(!file.isCopy() || !QFileInfo(file.copyFrom).canonicalFilePath().startsWith("/etc"),
                 qPrintable(file.copyFrom));
    QVERIFY(hasErrors(output.diagnostics));
}

void tst_SecurityLayers::linkLeadingOutIsNotExported()
{
    // Even written as a plain folder name, a layer folder that is a link is not followed.
    Project project(Catalog::builtin());
    QVERIFY(makeProject(project, "layers/linked"));
    const ExporterInterface *exporter = mRegistry->exporter("terraform");
    QVERIFY(exporter);
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider("terraform"),
                                                   ExportJob::input(project, "terraform", options));
    for (const ExportFile &file : output.files)
        QVERIFY2(file.path != "layers/linked", "the linked folder is exported");
}

QTEST_GUILESS_MAIN(tst_SecurityLayers)
#include "tst_security_layers.moc"
