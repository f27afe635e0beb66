// Secrets and parameters exported (issue 21 item 4): SAM and the Serverless Framework
// write the secrets (generated ones with GenerateSecretString) and String/StringList
// parameters without their values, report the SecureString CloudFormation cannot create,
// and grant the connected function on their ARNs; the other targets report each node; no
// value the SecretStore holds is in any file of any export.

#include "cloud/secretstore.h"
#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "export/yaml.h"
#include "model/catalog.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kValue = u"exported-never-3b9c"_s;

YAML::Node at(const YAML::Node &root, const QStringList &path)
{
    YAML::Node node;
    node.reset(root);
    for (const QString &key : path)
        node.reset(Yaml::child(node, key.toStdString()));
    return node;
}

QString text(const YAML::Node &root, const QStringList &path)
{
    const YAML::Node node = at(root, path);
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}
} // namespace

class TestSecretsExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void samWritesResourcesWithoutValues();
    void samImportReadsThemBack();
    void serverlessImportReadsThemBack();
    void terraformWritesResourcesWithoutValues();
    void noTargetWritesAValue_data();
    void noTargetWritesAValue();

private:
    void design(Project &project);
    ExportOutput exportProject(const Project &project, const QString &target);

    std::unique_ptr<PluginRegistry> mRegistry;
    QTemporaryDir mFolder;
};

void TestSecretsExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIMBUS_SECRET_STORE", "file");
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
}

void TestSecretsExport::design(Project &project)
{
    project.setFilePath(mFolder.filePath(u"app.nimbus"_s));
    const NodeId function = project.addNode(u"function"_s, {}, u"api"_s).valueOr(kInvalidNodeId);
    const NodeId db = project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(db, u"description"_s, u"the database"_s));
    const NodeId token = project.addNode(u"secret"_s, {}, u"token"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(token, u"generated"_s, true));
    const NodeId url = project.addNode(u"parameter"_s, {}, u"url"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(url, u"parameterName"_s, u"/app/url"_s));
    const NodeId pin = project.addNode(u"parameter"_s, {}, u"pin"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(pin, u"type"_s, u"SecureString"_s));
    for (NodeId node : {db, token, url, pin})
        QVERIFY(project.connectNodes(function, node, u"reads"_s));
    // Values in the store, as the Inspector sets them.
    SecretStore store;
    store.setProjectFile(project.filePath());
    for (const QString &node : {u"db"_s, u"token"_s})
        QVERIFY(store.writeNow(node, SecretRecord::withValue({}, u"secret"_s, kValue)));
    for (const QString &node : {u"url"_s, u"pin"_s})
        QVERIFY(store.writeNow(node, SecretRecord::withValue({}, u"parameter"_s, kValue)));
}

ExportOutput TestSecretsExport::exportProject(const Project &project, const QString &target)
{
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    return ExportJob::prepare(*exporter, mRegistry->provider(target), ExportJob::input(project, target, options));
}

void TestSecretsExport::samWritesResourcesWithoutValues()
{
    Project project(Catalog::builtin());
    design(project);
    const ExportOutput output = exportProject(project, u"sam"_s);
    QVERIFY(output.file(u"template.yaml"_s));
    const QByteArray content = output.file(u"template.yaml"_s)->content;
    const Result<YAML::Node> parsed = Yaml::load(content, u"template.yaml"_s);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    const YAML::Node root = *parsed;
    QCOMPARE(text(root, {"Resources", "Db", "Type"}), u"AWS::SecretsManager::Secret"_s);
    QCOMPARE(text(root, {"Resources", "Db", "Properties", "Name"}), u"db"_s);
    QCOMPARE(text(root, {"Resources", "Db", "Properties", "Description"}), u"the database"_s);
    QVERIFY(!at(root, {"Resources", "Db", "Properties", "SecretString"}).IsDefined());
    QVERIFY(!at(root, {"Resources", "Db", "Properties", "GenerateSecretString"}).IsDefined());
    QCOMPARE(text(root, {"Resources", "Token", "Properties", "GenerateSecretString", "PasswordLength"}), u"32"_s);
    QCOMPARE(text(root, {"Resources", "Url", "Type"}), u"AWS::SSM::Parameter"_s);
    QCOMPARE(text(root, {"Resources", "Url", "Properties", "Name"}), u"/app/url"_s);
    QCOMPARE(text(root, {"Resources", "Url", "Properties", "Type"}), u"String"_s);
    QCOMPARE(text(root, {"Resources", "Url", "Properties", "Value"}), u"CHANGE_ME"_s);
    // CloudFormation cannot create a SecureString: reported, not written.
    QVERIFY(!at(root, {"Resources", "Pin"}).IsDefined());
    QStringList codes;
    for (const Diagnostic &d : output.diagnostics)
        codes.append(d.code);
    QVERIFY(codes.contains(u"export-securestring"_s));
    QVERIFY(codes.contains(u"export-secret-value"_s));
    QVERIFY(!codes.contains(u"export-unsupported"_s));
    // The function's role names each one.
    QVERIFY(content.contains("secretsmanager:GetSecretValue"));
    QVERIFY(content.contains("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/url"));
    QVERIFY(content.contains("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/pin"));
    QVERIFY(!content.contains(kValue.toUtf8()));
}

void TestSecretsExport::samImportReadsThemBack()
{
    Project project(Catalog::builtin());
    design(project);
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(exportProject(project, u"sam"_s), dir.filePath(u"out"_s), u"sam"_s));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(u"out/template.yaml"_s), *mRegistry, imported,
                                                             u"sam"_s);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QStringList found;
    for (const auto &[id, node] : imported.architecture().nodes()) {
        if (node.kind == u"secret"_s)
            found.append(u"secret %1 %2 generated=%3"_s.arg(
                node.properties.value("secretName"_L1).toString(), node.properties.value("description"_L1).toString(),
                node.properties.value("generated"_L1).toBool() ? u"yes"_s : u"no"_s));
        if (node.kind == u"parameter"_s)
            found.append(u"parameter %1 %2"_s.arg(node.properties.value("parameterName"_L1).toString(),
                                                  node.properties.value("type"_L1).toString()));
    }
    found.sort();
    // The SecureString was not in the template (CloudFormation cannot make one).
    QCOMPARE(found, (QStringList{u"parameter /app/url String"_s, u"secret db the database generated=no"_s,
                                 u"secret token  generated=yes"_s}));
    QStringList edges;
    const Architecture &b = imported.architecture();
    for (const auto &[id, edge] : b.edges())
        edges.append(b.node(edge.from)->name + u' ' + edge.type + u' ' + b.node(edge.to)->kind);
    edges.sort();
    QCOMPARE(edges, (QStringList{u"Api reads parameter"_s, u"Api reads secret"_s, u"Api reads secret"_s}));
}

// serverless.yml writes them in resources as SAM does: they read back as the same nodes and
// connections, without a value.
void TestSecretsExport::serverlessImportReadsThemBack()
{
    Project project(Catalog::builtin());
    design(project);
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(exportProject(project, u"serverless"_s), dir.filePath(u"out"_s), u"serverless"_s));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(u"out/serverless.yml"_s), *mRegistry,
                                                             imported, u"serverless"_s);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QStringList found;
    for (const auto &[id, node] : imported.architecture().nodes()) {
        if (node.kind == u"secret"_s)
            found.append(u"secret %1 %2 generated=%3"_s.arg(
                node.properties.value("secretName"_L1).toString(), node.properties.value("description"_L1).toString(),
                node.properties.value("generated"_L1).toBool() ? u"yes"_s : u"no"_s));
        if (node.kind == u"parameter"_s)
            found.append(u"parameter %1 %2"_s.arg(node.properties.value("parameterName"_L1).toString(),
                                                  node.properties.value("type"_L1).toString()));
        QVERIFY(!QJsonDocument(node.properties).toJson().contains(kValue.toUtf8()));
    }
    found.sort();
    // The SecureString is not in the file (CloudFormation cannot make one).
    QCOMPARE(found, (QStringList{u"parameter /app/url String"_s, u"secret db the database generated=no"_s,
                                 u"secret token  generated=yes"_s}));
    QStringList edges;
    const Architecture &b = imported.architecture();
    for (const auto &[id, edge] : b.edges())
        edges.append(b.node(edge.from)->name + u' ' + edge.type + u' ' + b.node(edge.to)->kind);
    edges.sort();
    QCOMPARE(edges.join(u';'),
             (QStringList{u"api reads parameter"_s, u"api reads secret"_s, u"api reads secret"_s}).join(u';'));
}

void TestSecretsExport::terraformWritesResourcesWithoutValues()
{
    Project project(Catalog::builtin());
    design(project);
    const ExportOutput output = exportProject(project, u"terraform"_s);
    QVERIFY(output.file(u"main.tf"_s));
    const QString main = QString::fromUtf8(output.file(u"main.tf"_s)->content);
    QVERIFY2(main.contains(u"resource \"aws_secretsmanager_secret\" \"db\""_s), qPrintable(main));
    QVERIFY(!main.contains(u"aws_secretsmanager_secret_version"_s));
    QVERIFY(main.contains(u"resource \"aws_ssm_parameter\" \"url\""_s));
    QVERIFY(main.contains(u"resource \"aws_ssm_parameter\" \"pin\""_s));
    QVERIFY(main.contains(u"\"SecureString\""_s));
    QVERIFY(main.contains(u"ignore_changes = [value]"_s));
    QVERIFY(main.contains(u"aws_secretsmanager_secret.db.arn"_s));
    QVERIFY(main.contains(u"aws_ssm_parameter.url.arn"_s));
    QVERIFY(!main.contains(kValue));
    for (const Diagnostic &d : output.diagnostics)
        QVERIFY2(d.code != u"export-unsupported"_s, qPrintable(d.message));
}

void TestSecretsExport::noTargetWritesAValue_data()
{
    QTest::addColumn<QString>("target");
    for (const char *target :
         {"sam", "serverless", "terraform", "knative", "openfaas", "azure", "cloudrun", "scaleway"})
        QTest::newRow(target) << QString::fromLatin1(target);
}

void TestSecretsExport::noTargetWritesAValue()
{
    QFETCH(QString, target);
    if (!mRegistry->exporter(target))
        QSKIP("the target's plugin is not built");
    Project project(Catalog::builtin());
    design(project);
    const ExportOutput output = exportProject(project, target);
    QVERIFY(!output.files.isEmpty());
    for (const ExportFile &file : output.files)
        QVERIFY2(!file.content.contains(kValue.toUtf8()), qPrintable(file.path));
    // Every secret and parameter is written or reported.
    for (const QString &name : {u"db"_s, u"token"_s, u"url"_s, u"pin"_s}) {
        const NodeId id = project.architecture().nodeByName(name)->id;
        bool mentioned = false;
        for (const Diagnostic &d : output.diagnostics)
            mentioned = mentioned || d.nodes.contains(id);
        for (const ExportFile &file : output.files)
            mentioned = mentioned || file.content.contains(name.toUtf8());
        QVERIFY2(mentioned, qPrintable(name));
    }
}

QTEST_MAIN(TestSecretsExport)
#include "tst_secretsexport.moc"
