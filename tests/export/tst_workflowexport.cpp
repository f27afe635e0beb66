// State machines exported (issue 19 item 6): SAM writes AWS::Serverless::StateMachine with
// its definition file, DefinitionSubstitutions, policy templates from its connections and
// the events that start it (a pipe for a queue); serverless.yml writes plain CloudFormation
// with the placeholders as intrinsic functions; Terraform writes aws_sfn_state_machine with
// templatefile(); the other targets say per machine that they have none. Goldens per target.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "export/yaml.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kProject = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/workflow/workflow.json");
const QString kGoldens = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/golden/workflow");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

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

class TestWorkflowExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void golden_data();
    void golden();
    void samStateMachine();
    void serverlessHasNoPlaceholderLeft();
    void definitionOutsideTheProjectIsRefused();
    void pendingDefinitionIsExported();

private:
    ExportOutput exportProject(const Project &project, const QString &target);

    std::unique_ptr<PluginRegistry> mRegistry;
};

void TestWorkflowExport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
}

ExportOutput TestWorkflowExport::exportProject(const Project &project, const QString &target)
{
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    return ExportJob::prepare(*exporter, mRegistry->provider(target), ExportJob::input(project, target, options));
}

void TestWorkflowExport::golden_data()
{
    QTest::addColumn<QString>("target");
    for (const QString &t : {u"sam"_s, u"serverless"_s, u"terraform"_s, u"azure"_s, u"cloudrun"_s, u"knative"_s,
                             u"openfaas"_s, u"scaleway"_s})
        QTest::newRow(qPrintable(t)) << t;
}

// Every file and the report, byte for byte (NIMBUS_UPDATE_GOLDENS=1 writes them).
void TestWorkflowExport::golden()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    const auto loaded = ProjectFile().load(kProject, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    const ExportOutput output = exportProject(project, target);
    QVERIFY(!output.files.isEmpty());
    QString report;
    for (const Diagnostic &d : output.diagnostics)
        report += Diagnostic::severityName(d.severity) + ": "_L1 + d.message + '\n'_L1;
    const QString folder = kGoldens + '/'_L1 + target;
    const bool update = qEnvironmentVariableIsSet("NIMBUS_UPDATE_GOLDENS");
    QList<QPair<QString, QByteArray>> files{{u"diagnostics.txt"_s, report.toUtf8()}};
    for (const ExportFile &f : output.files)
        if (!f.isCopy())
            files.append({f.path, f.content});
    QStringList expected;
    for (const auto &[path, content] : files) {
        expected.append(path);
        if (update) {
            QDir().mkpath(QFileInfo(folder + '/'_L1 + path).absolutePath());
            QFile out(folder + '/'_L1 + path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
            continue;
        }
        QCOMPARE(QString::fromUtf8(content), QString::fromUtf8(readFile(folder + '/'_L1 + path)));
    }
    QStringList present;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        present.append(QDir(folder).relativeFilePath(it.next()));
    present.sort();
    expected.sort();
    QCOMPARE(present, expected);
    // Every target says what it does with each machine; no machine is dropped silently.
    if (target != "sam"_L1 && target != "serverless"_L1 && target != "terraform"_L1) {
        QVERIFY(report.contains("orderFlow: a state-machine has no"_L1));
        QVERIFY(report.contains("reminder: a state-machine has no"_L1));
    }
}

void TestWorkflowExport::samStateMachine()
{
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kProject, project));
    const ExportOutput output = exportProject(project, u"sam"_s);
    const ExportFile *file = output.file(u"template.yaml"_s);
    QVERIFY(file);
    const Result<YAML::Node> root = Yaml::load(file->content, u"template.yaml"_s);
    QVERIFY(root);
    const QStringList machine{u"Resources"_s, u"OrderFlow"_s, u"Properties"_s};
    QCOMPARE(text(*root, {u"Resources"_s, u"OrderFlow"_s, u"Type"_s}), u"AWS::Serverless::StateMachine"_s);
    QCOMPARE(text(*root, machine + QStringList{u"DefinitionUri"_s}), u"workflows/orderFlow.asl.json"_s);
    QCOMPARE(output.file(u"workflows/orderFlow.asl.json"_s)->content,
             readFile(QFileInfo(kProject).absolutePath() + "/workflows/orderFlow.asl.json"_L1));
    const YAML::Node charge = at(*root, machine + QStringList{u"DefinitionSubstitutions"_s, u"charge"_s});
    QCOMPARE(QString::fromStdString(charge.Tag()), u"!GetAtt"_s);
    QCOMPARE(text(*root, machine + QStringList{u"DefinitionSubstitutions"_s, u"reminder"_s}), u"Reminder"_s);
    QCOMPARE(text(*root, machine + QStringList{u"Events"_s, u"Checkout"_s, u"Type"_s}), u"Api"_s);
    QCOMPARE(text(*root, machine + QStringList{u"Events"_s, u"Nightly"_s, u"Type"_s}), u"Schedule"_s);
    QCOMPARE(text(*root, machine + QStringList{u"Events"_s, u"RetryOrders"_s, u"Type"_s}), u"EventBridgeRule"_s);
    QCOMPARE(text(*root, {u"Resources"_s, u"OrderFlowOrdersPipe"_s, u"Type"_s}), u"AWS::Pipes::Pipe"_s);
    QStringList templates;
    for (const YAML::Node &policy : at(*root, machine + QStringList{u"Policies"_s}))
        if (policy.IsMap() && policy.size() == 1)
            templates.append(QString::fromStdString(policy.begin()->first.Scalar()));
    QCOMPARE(templates,
             (QStringList{u"LambdaInvokePolicy"_s, u"SNSPublishMessagePolicy"_s, u"StepFunctionsExecutionPolicy"_s,
                          u"DynamoDBCrudPolicy"_s, u"LambdaInvokePolicy"_s}));
    // The function that starts it gets the machine's ARN, as the local cloud gives it.
    QCOMPARE(text(*root, {u"Resources"_s, u"PlaceOrder"_s, u"Properties"_s, u"Environment"_s, u"Variables"_s,
                          u"ORDER_FLOW_STATE_MACHINE_ARN"_s}),
             u"OrderFlow"_s);
    // A Task's function is no event source of the function.
    QVERIFY(!at(*root, {u"Resources"_s, u"Charge"_s, u"Properties"_s, u"Events"_s}).IsDefined());
}

void TestWorkflowExport::serverlessHasNoPlaceholderLeft()
{
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kProject, project));
    const ExportOutput output = exportProject(project, u"serverless"_s);
    const QByteArray yml = output.file(u"serverless.yml"_s)->content;
    // The framework would read ${charge} as one of its variables.
    for (const char *name : {"${charge}", "${validate}", "${stock}", "${receipts}", "${reminder}"})
        QVERIFY2(!yml.contains(name), name);
    QVERIFY(yml.contains("AWS::StepFunctions::StateMachine"));
}

void TestWorkflowExport::definitionOutsideTheProjectIsRefused()
{
    QTemporaryDir dir;
    QFile secret(dir.filePath(u"secret.json"_s));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write(R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "Comment": "private"})");
    secret.close();
    QDir(dir.path()).mkpath(u"project"_s);
    Project project(Catalog::builtin());
    project.setFilePath(dir.filePath(u"project/app.nimbus"_s));
    const NodeId machine = project.addNode(u"state-machine"_s, {}, u"flow"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(machine, u"definition"_s, u"../secret.json"_s));
    for (const QString &target : {u"sam"_s, u"terraform"_s, u"serverless"_s}) {
        const ExportOutput output = exportProject(project, target);
        for (const ExportFile &f : output.files)
            QVERIFY2(!f.content.contains("private") && !f.path.contains(".."_L1), qPrintable(target + f.path));
        bool refused = false;
        for (const Diagnostic &d : output.diagnostics)
            refused = refused || (d.code == "export-definition"_L1 && d.severity == Diagnostic::Severity::Error);
        QVERIFY2(refused, qPrintable(target));
    }
}

// A definition an import made and not yet saved is what the export writes.
void TestWorkflowExport::pendingDefinitionIsExported()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    project.setFilePath(dir.filePath(u"app.nimbus"_s));
    const NodeId machine = project.addNode(u"state-machine"_s, {}, u"flow"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(machine, u"definition"_s, u"workflows/flow.asl.json"_s));
    const QByteArray definition = R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})";
    project.setCodeFile(u"workflows/flow.asl.json"_s, definition);
    const ExportOutput output = exportProject(project, u"sam"_s);
    QVERIFY(output.file(u"workflows/flow.asl.json"_s));
    QCOMPARE(output.file(u"workflows/flow.asl.json"_s)->content, definition);
}

QTEST_GUILESS_MAIN(TestWorkflowExport)
#include "tst_workflowexport.moc"
