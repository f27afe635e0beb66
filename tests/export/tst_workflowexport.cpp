// State machines exported (issue 19 item 6): SAM writes AWS::Serverless::StateMachine with
// its definition file, DefinitionSubstitutions, policy templates from its connections and
// the events that start it (a pipe for a queue); serverless.yml writes plain CloudFormation
// with the placeholders as intrinsic functions; Terraform writes aws_sfn_state_machine with
// templatefile(); the other targets say per machine that they have none. Goldens per target.

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
    void routeStartsMachine_data();
    void routeStartsMachine();
    void serverlessRouteWithoutFunctionApi();
    void serverlessRestRouteIsReported();

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

void TestWorkflowExport::routeStartsMachine_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("machine");
    const QString shop = QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json");
    QTest::newRow("serverless: shop") << u"serverless"_s << shop << u"fulfilRoute"_s << u"fulfilment"_s;
    QTest::newRow("terraform: shop") << u"terraform"_s << shop << u"fulfilRoute"_s << u"fulfilment"_s;
    QTest::newRow("terraform: REST route") << u"terraform"_s << kProject << u"checkout"_s << u"orderFlow"_s;
}

// A route that starts a machine is written as API Gateway's StartExecution integration with
// a role allowed to start that machine only, and is no longer reported.
void TestWorkflowExport::routeStartsMachine()
{
    QFETCH(QString, target);
    QFETCH(QString, project);
    QFETCH(QString, route);
    QFETCH(QString, machine);
    Project design(Catalog::builtin());
    QVERIFY(ProjectFile().load(project, design));
    const ExportOutput output = exportProject(design, target);
    for (const Diagnostic &d : output.diagnostics)
        QVERIFY2(!(d.message.startsWith(route + u' ') && d.message.contains("starts the state machine"_L1)),
                 qPrintable(d.message));
    const QString routeId = ExportModel::identifier(route);
    const QString machineId = ExportModel::identifier(machine);
    if (target == "serverless"_L1) {
        const Result<YAML::Node> root = Yaml::load(output.file(u"serverless.yml"_s)->content, u"serverless.yml"_s);
        QVERIFY(root);
        const QStringList resources{u"resources"_s, u"Resources"_s};
        const QStringList integration = resources + QStringList{routeId + "Integration"_L1, u"Properties"_s};
        QCOMPARE(text(*root, resources + QStringList{routeId + "Integration"_L1, u"Type"_s}),
                 u"AWS::ApiGatewayV2::Integration"_s);
        QCOMPARE(text(*root, integration + QStringList{u"IntegrationType"_s}), u"AWS_PROXY"_s);
        QCOMPARE(text(*root, integration + QStringList{u"IntegrationSubtype"_s}), u"StepFunctions-StartExecution"_s);
        QCOMPARE(text(*root, integration + QStringList{u"PayloadFormatVersion"_s}), u"1.0"_s);
        QCOMPARE(text(*root, integration + QStringList{u"ApiId"_s}), u"HttpApi"_s);
        QCOMPARE(text(*root, integration + QStringList{u"CredentialsArn"_s}), routeId + "StartRole.Arn"_L1);
        QCOMPARE(text(*root, integration + QStringList{u"RequestParameters"_s, u"StateMachineArn"_s}), machineId);
        QCOMPARE(QString::fromStdString(
                     at(*root, integration + QStringList{u"RequestParameters"_s, u"StateMachineArn"_s}).Tag()),
                 u"!Ref"_s);
        QCOMPARE(text(*root, integration + QStringList{u"RequestParameters"_s, u"Input"_s}), u"$request.body"_s);
        const QStringList routeProperties = resources + QStringList{routeId, u"Properties"_s};
        QCOMPARE(text(*root, resources + QStringList{routeId, u"Type"_s}), u"AWS::ApiGatewayV2::Route"_s);
        QCOMPARE(text(*root, routeProperties + QStringList{u"RouteKey"_s}), u"POST /fulfilments"_s);
        const YAML::Node join = at(*root, routeProperties + QStringList{u"Target"_s, u"Fn::Join"_s});
        QVERIFY(join.IsSequence() && join.size() == 2);
        QCOMPARE(QString::fromStdString(join[1][0].Scalar()), u"integrations"_s);
        QCOMPARE(QString::fromStdString(join[1][1]["Ref"].Scalar()), routeId + "Integration"_L1);
        // The role API Gateway assumes may start this machine and nothing else.
        const YAML::Node role = at(*root, resources + QStringList{routeId + "StartRole"_L1, u"Properties"_s});
        QCOMPARE(QString::fromStdString(
                     role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"][0].Scalar()),
                 u"apigateway.amazonaws.com"_s);
        const YAML::Node statements = role["Policies"][0]["PolicyDocument"]["Statement"];
        QCOMPARE(int(statements.size()), 1);
        QCOMPARE(int(statements[0]["Action"].size()), 1);
        QCOMPARE(QString::fromStdString(statements[0]["Action"][0].Scalar()), u"states:StartExecution"_s);
        QCOMPARE(QString::fromStdString(statements[0]["Resource"].Scalar()), machineId);
        // The framework's HTTP API allows CORS, as the route asks.
        QCOMPARE(text(*root, {u"provider"_s, u"httpApi"_s, u"cors"_s}), u"true"_s);
        return;
    }
    const QString main = QString::fromUtf8(output.file(u"main.tf"_s)->content);
    const QString link = ExportModel::snakeCase(route) + u'_' + ExportModel::snakeCase(machine);
    const QString machineArn = u"aws_sfn_state_machine.%1.arn"_s.arg(ExportModel::snakeCase(machine));
    const qsizetype start = main.indexOf(u"resource \"aws_apigatewayv2_integration\" \"%1\""_s.arg(link));
    QVERIFY2(start >= 0, qPrintable(link));
    const QString block = main.mid(start, main.indexOf("\n}\n"_L1, start) - start);
    for (const QString &line :
         {u"integration_type       = \"AWS_PROXY\""_s, u"integration_subtype    = \"StepFunctions-StartExecution\""_s,
          u"credentials_arn        = aws_iam_role.%1.arn"_s.arg(link), u"payload_format_version = \"1.0\""_s,
          u"StateMachineArn = "_s + machineArn, u"Input           = \"$request.body\""_s,
          u"api_id                 = aws_apigatewayv2_api.http.id"_s})
        QVERIFY2(block.contains(line), qPrintable(line + u'\n' + block));
    QVERIFY(main.contains(u"resource \"aws_apigatewayv2_route\" \"%1\""_s.arg(link)));
    QVERIFY(main.contains(u"target    = \"integrations/${aws_apigatewayv2_integration.%1.id}\""_s.arg(link)));
    const qsizetype policy = main.indexOf(u"resource \"aws_iam_role_policy\" \"%1\""_s.arg(link));
    QVERIFY(policy >= 0);
    const QString policyBlock = main.mid(policy, main.indexOf("\n}\n"_L1, policy) - policy);
    QVERIFY2(policyBlock.contains(u"Action   = [\"states:StartExecution\"]\n        Resource = "_s + machineArn),
             qPrintable(policyBlock));
    QCOMPARE(policyBlock.count("Action"_L1), 1);
    QVERIFY(main.contains("resource \"aws_apigatewayv2_api\" \"http\""_L1));
}

// With no function on an HTTP API the framework writes none: the route goes on an API and
// $default stage of its own.
void TestWorkflowExport::serverlessRouteWithoutFunctionApi()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    project.setFilePath(dir.filePath(u"app.nimbus"_s));
    const NodeId machine = project.addNode(u"state-machine"_s, {}, u"flow"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(machine, u"definition"_s, u"workflows/flow.asl.json"_s));
    project.setCodeFile(u"workflows/flow.asl.json"_s, R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})");
    const NodeId route = project.addNode(u"http-route"_s, {}, u"start"_s).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(route, u"method"_s, u"POST"_s));
    QVERIFY(project.setNodeProperty(route, u"path"_s, u"/flows"_s));
    QVERIFY(project.setNodeProperty(route, u"payloadFormat"_s, u"2.0"_s));
    QVERIFY(project.connectNodes(route, machine, u"starts"_s));
    const ExportOutput output = exportProject(project, u"serverless"_s);
    for (const Diagnostic &d : output.diagnostics)
        QVERIFY2(!d.message.contains("starts the state machine"_L1), qPrintable(d.message));
    const Result<YAML::Node> root = Yaml::load(output.file(u"serverless.yml"_s)->content, u"serverless.yml"_s);
    QVERIFY(root);
    const QStringList resources{u"resources"_s, u"Resources"_s};
    QCOMPARE(text(*root, resources + QStringList{u"StateMachinesHttpApi"_s, u"Type"_s}), u"AWS::ApiGatewayV2::Api"_s);
    QCOMPARE(text(*root, resources + QStringList{u"StateMachinesHttpApi"_s, u"Properties"_s, u"ProtocolType"_s}),
             u"HTTP"_s);
    QCOMPARE(text(*root, resources + QStringList{u"StateMachinesHttpApiStage"_s, u"Properties"_s, u"StageName"_s}),
             u"$default"_s);
    QCOMPARE(text(*root, resources + QStringList{u"Start"_s, u"Properties"_s, u"ApiId"_s}), u"StateMachinesHttpApi"_s);
    QCOMPARE(text(*root, resources + QStringList{u"Start"_s, u"Properties"_s, u"RouteKey"_s}), u"POST /flows"_s);
    QVERIFY(!at(*root, {u"provider"_s, u"httpApi"_s}).IsDefined());
}

// serverless.yml cannot attach a machine to the framework's REST API: the route is reported
// by name, with what to change.
void TestWorkflowExport::serverlessRestRouteIsReported()
{
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kProject, project));
    const ExportOutput output = exportProject(project, u"serverless"_s);
    bool reported = false;
    for (const Diagnostic &d : output.diagnostics)
        reported = reported
                   || (d.severity == Diagnostic::Severity::Warning && d.message.startsWith("checkout starts"_L1)
                       && d.message.contains("payload format to 2.0"_L1));
    QVERIFY(reported);
    QVERIFY(!output.file(u"serverless.yml"_s)->content.contains("AWS::ApiGatewayV2::Route"));
}

QTEST_GUILESS_MAIN(TestWorkflowExport)
#include "tst_workflowexport.moc"
