// State machines imported (issue 19 item 6): the SAM/CloudFormation import reads
// AWS::Serverless::StateMachine and AWS::StepFunctions::StateMachine with their definition
// inline, as a string (Fn::Sub, Fn::Join) or in a file beside the template, writes it to
// workflows/<node>.asl.json with ${node} placeholders, and connects the machine to what its
// Task states use and what starts it (events, pipes, schedule rules). The SAM export of a
// project with machines reads back as the same design.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/exportmodel.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kProject = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/workflow/workflow.json");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// "from -type-> to" for each connection, sorted, names through rename.
QStringList edgeTexts(const Architecture &design, const std::function<QString(const QString &)> &rename)
{
    QStringList edges;
    for (const auto &[id, edge] : design.edges())
        edges.append(rename(design.node(edge.from)->name) + " -"_L1 + edge.type + "-> "_L1
                     + rename(design.node(edge.to)->name));
    edges.sort();
    return edges;
}

// The kinds and connections a definition's file gives its machine, for the data rows.
QStringList machineEdges(const Architecture &design, const QString &machine)
{
    QStringList edges;
    for (const auto &[id, edge] : design.edges()) {
        const Node *from = design.node(edge.from);
        const Node *to = design.node(edge.to);
        if (from->name == machine || to->name == machine)
            edges.append(from->name + " -"_L1 + edge.type + "-> "_L1 + to->name);
    }
    edges.sort();
    return edges;
}
} // namespace

class TestWorkflowImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void samExportReadsBack();
    void unchangedRoundTripKeepsTheTemplate();
    void definitionForms_data();
    void definitionForms();
    void unreadableDefinitionIsKept();
    void serverlessExportReadsBack_data();
    void serverlessExportReadsBack();
    void serverlessPluginSyntax();
    void serverlessDefinitionOutsideIsRefused_data();
    void serverlessDefinitionOutsideIsRefused();

private:
    Result<QList<Diagnostic>> importTemplate(const QString &folder, const QByteArray &text, Project &project);

    std::unique_ptr<PluginRegistry> mRegistry;
};

void TestWorkflowImport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
}

Result<QList<Diagnostic>> TestWorkflowImport::importTemplate(const QString &folder, const QByteArray &text,
                                                             Project &project)
{
    const QString path = folder + "/template.yaml"_L1;
    if (!writeFile(path, text))
        return fail(u"cannot write "_s + path);
    return ExportJob::import(path, *mRegistry, project, u"sam"_s);
}

// Export the SAM of tests/export/data/workflow, import it back: the same nodes (named by
// their logical ids), properties, connections and definitions, up to what SAM cannot write
// (a topic starting a machine, which the export reports).
void TestWorkflowImport::samExportReadsBack()
{
    Project original(Catalog::builtin());
    QVERIFY(ProjectFile().load(kProject, original));
    const ExporterInterface *exporter = mRegistry->exporter(u"sam"_s);
    QVERIFY(exporter);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(u"sam"_s),
                                                   ExportJob::input(original, u"sam"_s, {}));
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(output, dir.path(), u"sam"_s));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(u"template.yaml"_s), *mRegistry, imported);
    QVERIFY2(read, qPrintable(read.errorMessage()));

    // The export's default bus is the account's, not a resource: the import names it "default".
    const auto rename = [](const QString &name) {
        return name == "default-bus"_L1 ? u"default"_s : ExportModel::identifier(name);
    };
    const Architecture &a = original.architecture();
    const Architecture &b = imported.architecture();
    QCOMPARE(b.nodeCount(), a.nodeCount());
    for (const auto &[id, node] : a.nodes()) {
        const Node *back = b.nodeByName(rename(node.name));
        QVERIFY2(back, qPrintable(node.name));
        QCOMPARE(back->kind, node.kind);
        for (auto it = node.properties.begin(); it != node.properties.end(); ++it) {
            if (it.key() == "definition"_L1)
                continue; // workflows/<node>.asl.json, by the imported node's name
            QVERIFY2(back->properties.value(it.key()) == it.value(),
                     qPrintable(node.name + u'.' + it.key() + " = "_L1
                                + QString::fromUtf8(QJsonDocument(QJsonArray{back->properties.value(it.key())})
                                                        .toJson(QJsonDocument::Compact))));
        }
        QVERIFY2(back->properties.value(u"environment"_s).toArray().isEmpty(), qPrintable(node.name));
    }
    QStringList expected = edgeTexts(a, rename);
    expected.removeOne(u"Alerts -starts-> OrderFlow"_s);
    QCOMPARE(edgeTexts(b, [](const QString &name) { return name; }), expected);

    // The definitions, their placeholders naming the imported nodes.
    static const QRegularExpression placeholder(u"\\$\\{([A-Za-z0-9_-]+)\\}"_s);
    for (const QString &machine : {u"orderFlow"_s, u"reminder"_s}) {
        QString text = QString::fromUtf8(
            readFile(QFileInfo(kProject).absolutePath() + "/workflows/"_L1 + machine + ".asl.json"_L1));
        QString renamed;
        qsizetype at = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            renamed += text.mid(at, m.capturedStart() - at) + "${"_L1 + rename(m.captured(1)) + u'}';
            at = m.capturedEnd();
        }
        renamed += QStringView(text).mid(at);
        const QString path = b.nodeByName(rename(machine))->properties.value(u"definition"_s).toString();
        QCOMPARE(path, "workflows/"_L1 + rename(machine) + ".asl.json"_L1);
        QVERIFY2(imported.pendingCodeFiles().contains(path), qPrintable(path));
        QCOMPARE(QString::fromUtf8(imported.pendingCodeFiles().value(path)), renamed);
    }
}

// An imported template exported again without a change is the template as it was.
void TestWorkflowImport::unchangedRoundTripKeepsTheTemplate()
{
    Project original(Catalog::builtin());
    QVERIFY(ProjectFile().load(kProject, original));
    const ExporterInterface *exporter = mRegistry->exporter(u"sam"_s);
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(
        ExportJob::prepare(*exporter, mRegistry->provider(u"sam"_s), ExportJob::input(original, u"sam"_s, {})),
        dir.path(), u"sam"_s));
    const QByteArray before = readFile(dir.filePath(u"template.yaml"_s));
    Project imported(Catalog::builtin());
    QVERIFY(ExportJob::import(dir.filePath(u"template.yaml"_s), *mRegistry, imported));
    const ExportOutput again = ExportJob::prepare(*exporter, mRegistry->provider(u"sam"_s),
                                                  ExportJob::input(imported, u"sam"_s, {}));
    const ExportFile *file = again.file(u"template.yaml"_s);
    QVERIFY(file);
    QCOMPARE(QString::fromUtf8(file->content).split(u'\n'), QString::fromUtf8(before).split(u'\n'));
}

void TestWorkflowImport::definitionForms_data()
{
    QTest::addColumn<QByteArray>("machine");
    QTest::addColumn<QString>("definition"); // the file the import writes, placeholders and all
    QTest::addColumn<QStringList>("edges");

    const QByteArray start = "      Type: STANDARD\n";
    const QStringList charged{u"Flow -invokes-> Charge"_s, u"Flow -writes-> Orders"_s};
    const QString chargedDefinition = uR"({"StartAt": "Charge", "States": {"Charge": {"Type": "Task", )"
                                      uR"("Resource": "${Charge}", "Next": "Send"}, "Send": {"Type": "Task", )"
                                      uR"("Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": )"
                                      uR"({"QueueUrl": "${Orders}", "MessageBody.$": "$"}, "End": true}}})"_s;

    QTest::newRow("inline Definition")
        << QByteArray("  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n" + start
                      + "      Definition:\n        StartAt: Charge\n        States:\n          Charge:\n"
                        "            Type: Task\n            Resource: !GetAtt Charge.Arn\n            Retry:\n"
                        "              - ErrorEquals: [States.ALL]\n                MaxAttempts: 2\n"
                        "            End: true\n")
        << u"{\n  \"StartAt\": \"Charge\",\n  \"States\": {\n    \"Charge\": {\n      \"Type\": \"Task\",\n"
           "      \"Resource\": \"${Charge}\",\n      \"Retry\": [\n        {\n          \"ErrorEquals\": [\n"
           "            \"States.ALL\"\n          ],\n          \"MaxAttempts\": 2\n        }\n      ],\n"
           "      \"End\": true\n    }\n  }\n}\n"_s
        << QStringList{u"Flow -invokes-> Charge"_s};
    QTest::newRow("DefinitionString with Fn::Sub")
        << QByteArray("  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                      "      RoleArn: !GetAtt FlowRole.Arn\n"
                      "      DefinitionString: !Sub '{\"StartAt\": \"Charge\", \"States\": {\"Charge\": {\"Type\": "
                      "\"Task\", \"Resource\": \"${Charge.Arn}\", \"Next\": \"Send\"}, \"Send\": {\"Type\": \"Task\", "
                      "\"Resource\": \"arn:aws:states:::sqs:sendMessage\", \"Parameters\": {\"QueueUrl\": "
                      "\"${!queue}\", \"MessageBody.$\": \"$\"}, \"End\": true}}}'\n"
                      "      DefinitionSubstitutions:\n        queue: !Ref Orders\n")
        << chargedDefinition << charged;
    QTest::newRow("DefinitionString with Fn::Join")
        << QByteArray("  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                      "      DefinitionString:\n        Fn::Join:\n          - ''\n          - - '{\"StartAt\": "
                      "\"Charge\", \"States\": {\"Charge\": {\"Type\": \"Task\", \"Resource\": \"'\n"
                      "            - Fn::GetAtt: [Charge, Arn]\n"
                      "            - '\", \"Next\": \"Send\"}, \"Send\": {\"Type\": \"Task\", \"Resource\": "
                      "\"arn:aws:states:::sqs:sendMessage\", \"Parameters\": {\"QueueUrl\": \"'\n"
                      "            - Ref: Orders\n"
                      "            - '\", \"MessageBody.$\": \"$\"}, \"End\": true}}}'\n")
        << chargedDefinition << charged;
    QTest::newRow("DefinitionUri with substitutions")
        << QByteArray("  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n" + start
                      + "      DefinitionUri: statemachine/flow.asl.json\n      DefinitionSubstitutions:\n"
                        "        ChargeArn: !GetAtt Charge.Arn\n        QueueUrl: !Ref Orders\n"
                        "        Region: eu-west-3\n")
        << u"{\"StartAt\": \"Charge\", \"States\": {\"Charge\": {\"Type\": \"Task\", \"Resource\": \"${Charge}\", "
           "\"Comment\": \"eu-west-3\", \"Next\": \"Send\"}, \"Send\": {\"Type\": \"Task\", \"Resource\": "
           "\"arn:aws:states:::sqs:sendMessage\", \"Parameters\": {\"QueueUrl\": \"${Orders}\", \"MessageBody.$\": "
           "\"$\"}, \"End\": true}}}\n"_s
        << charged;
    QTest::newRow("events and a pipe")
        << QByteArray("  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n" + start
                      + "      Definition:\n        StartAt: Done\n        States:\n          Done:\n"
                        "            Type: Succeed\n      Events:\n        Checkout:\n          Type: Api\n"
                        "          Properties:\n            Path: /checkout\n            Method: post\n"
                        "        Nightly:\n          Type: ScheduleV2\n          Properties:\n"
                        "            ScheduleExpression: rate(1 day)\n"
                        "  FlowOrdersPipeRole:\n    Type: AWS::IAM::Role\n    Properties:\n"
                        "      AssumeRolePolicyDocument: {}\n"
                        "  FlowOrdersPipe:\n    Type: AWS::Pipes::Pipe\n    Properties:\n"
                        "      RoleArn: !GetAtt FlowOrdersPipeRole.Arn\n      Source: !GetAtt Orders.Arn\n"
                        "      Target: !Ref Flow\n")
        << u"{\n  \"StartAt\": \"Done\",\n  \"States\": {\n    \"Done\": {\n      \"Type\": \"Succeed\"\n    }\n"
           "  }\n}\n"_s
        << QStringList{u"Checkout -starts-> Flow"_s, u"Nightly -starts-> Flow"_s, u"Orders -starts-> Flow"_s};
    // API Gateway's StartExecution integration (what serverless.yml and CloudFormation exports
    // write for a route that starts a machine): the route, not the integration or its role.
    QTest::newRow("StartExecution route")
        << QByteArray("  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                      "      Definition:\n        StartAt: Done\n        States:\n          Done:\n"
                      "            Type: Succeed\n"
                      "  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      ProtocolType: HTTP\n"
                      "  CheckoutStartRole:\n    Type: AWS::IAM::Role\n    Properties:\n"
                      "      AssumeRolePolicyDocument: {}\n"
                      "  CheckoutIntegration:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties:\n"
                      "      ApiId: !Ref Api\n      IntegrationType: AWS_PROXY\n"
                      "      IntegrationSubtype: StepFunctions-StartExecution\n      PayloadFormatVersion: '1.0'\n"
                      "      CredentialsArn: !GetAtt CheckoutStartRole.Arn\n"
                      "      RequestParameters:\n        StateMachineArn: !Ref Flow\n        Input: $request.body\n"
                      "  Checkout:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref Api\n"
                      "      RouteKey: POST /checkout\n      Target: !Sub integrations/${CheckoutIntegration}\n")
        << u"{\n  \"StartAt\": \"Done\",\n  \"States\": {\n    \"Done\": {\n      \"Type\": \"Succeed\"\n    }\n"
           "  }\n}\n"_s
        << QStringList{u"Checkout -starts-> Flow"_s};
}

// The ways a template holds a definition, each read into workflows/Flow.asl.json.
void TestWorkflowImport::definitionForms()
{
    QFETCH(QByteArray, machine);
    QFETCH(QString, definition);
    QFETCH(QStringList, edges);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"statemachine/flow.asl.json"_s),
                      "{\"StartAt\": \"Charge\", \"States\": {\"Charge\": {\"Type\": \"Task\", \"Resource\": "
                      "\"${ChargeArn}\", \"Comment\": \"${Region}\", \"Next\": \"Send\"}, \"Send\": {\"Type\": "
                      "\"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\", \"Parameters\": {\"QueueUrl\": "
                      "\"${QueueUrl}\", \"MessageBody.$\": \"$\"}, \"End\": true}}}\n"));
    const QByteArray text = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
                            "Resources:\n  Charge:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                            "      CodeUri: functions/charge\n      Handler: index.handler\n"
                            "      Runtime: nodejs20.x\n  Orders:\n    Type: AWS::SQS::Queue\n"
                            + machine;
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = importTemplate(dir.path(), text, project);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    for (const Diagnostic &d : *read)
        QVERIFY2(d.severity != Diagnostic::Severity::Warning, qPrintable(d.message));
    const Node *flow = project.architecture().nodeByName(u"Flow"_s);
    QVERIFY(flow);
    QCOMPARE(flow->kind, u"state-machine"_s);
    QCOMPARE(flow->properties.value(u"definition"_s).toString(), u"workflows/Flow.asl.json"_s);
    QCOMPARE(QString::fromUtf8(project.pendingCodeFiles().value(u"workflows/Flow.asl.json"_s)), definition);
    QCOMPARE(machineEdges(project.architecture(), u"Flow"_s).join("; "_L1), edges.join("; "_L1));
}

// A definition the studio cannot read (in S3, made by Fn::If) keeps the machine as written.
void TestWorkflowImport::unreadableDefinitionIsKept()
{
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = importTemplate(
        dir.path(),
        "Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
        "      DefinitionS3Location:\n        Bucket: my-bucket\n        Key: flow.json\n"
        "  Other:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
        "      DefinitionString: !If [IsProd, '{}', '{}']\n",
        project);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(project.architecture().nodeCount(), 0);
    QString messages;
    for (const Diagnostic &d : *read)
        messages += d.message + u'\n';
    QVERIFY2(messages.contains("Flow: the definition is not in the template or beside it"_L1), qPrintable(messages));
    QVERIFY2(messages.contains("Other: DefinitionString is made by an intrinsic function"_L1), qPrintable(messages));
    QVERIFY2(messages.contains("2 resource(s) of type AWS::StepFunctions::StateMachine are kept as written"_L1),
             qPrintable(messages));
}

void TestWorkflowImport::serverlessExportReadsBack_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("dropped"); // nodes the export reports instead of writing
    QTest::addColumn<QStringList>("droppedEdges");
    QTest::addColumn<QStringList>("compared"); // the nodes whose properties are compared; empty: all
    QTest::newRow("workflow") << kProject << QStringList{u"checkout"_s}
                              << QStringList{u"Alerts -starts-> OrderFlow"_s, u"Checkout -starts-> OrderFlow"_s}
                              << QStringList();
    // A route on the API serverless.yml writes itself (no function has an httpApi event), CORS and all.
    QTest::newRow("machine route") << QStringLiteral(NIMBUS_SOURCE_DIR
                                                     "/tests/export/data/machine-route/machine-route.json")
                                   << QStringList() << QStringList() << QStringList();
    // The shop: its machine, what starts it (the route, on the framework's HTTP API) and
    // what its Task states use.
    QTest::newRow("shop") << QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json") << QStringList()
                          << QStringList()
                          << QStringList{u"fulfilment"_s, u"fulfilRoute"_s, u"chargePayment"_s, u"refundPayment"_s};
}

// The serverless.yml export of a design with machines reads back as the same design: the
// machines from resources (AWS::StepFunctions::StateMachine), their definitions with ${node}
// placeholders, the schedules, pipes and routes (the StartExecution integration) that start
// them and the connections of their Task states.
void TestWorkflowImport::serverlessExportReadsBack()
{
    QFETCH(QString, project);
    QFETCH(QStringList, dropped);
    QFETCH(QStringList, droppedEdges);
    QFETCH(QStringList, compared);
    Project original(Catalog::builtin());
    QVERIFY(ProjectFile().load(project, original));
    const ExporterInterface *exporter = mRegistry->exporter(u"serverless"_s);
    QVERIFY(exporter);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(u"serverless"_s),
                                                   ExportJob::input(original, u"serverless"_s, {}));
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(output, dir.path(), u"serverless"_s));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(u"serverless.yml"_s), *mRegistry, imported);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    for (const Diagnostic &d : *read)
        QVERIFY2(d.severity != Diagnostic::Severity::Warning || !d.message.contains("definition"_L1),
                 qPrintable(d.message));

    const Architecture &a = original.architecture();
    const Architecture &b = imported.architecture();
    // Functions keep their names (the framework's keys) and so do the routes of their httpApi
    // events (named after the function); other nodes take their logical ids.
    const auto rename = [&](const QString &name) {
        if (name == "default-bus"_L1)
            return u"default"_s;
        const Node *node = a.nodeByName(name);
        const Node *same = b.nodeByName(name);
        return node && same && same->kind == node->kind ? name : ExportModel::identifier(name);
    };
    QStringList kindsA, kindsB;
    for (const auto &[id, node] : a.nodes())
        if (!dropped.contains(node.name))
            kindsA.append(node.kind);
    for (const auto &[id, node] : b.nodes())
        kindsB.append(node.kind);
    kindsA.sort();
    kindsB.sort();
    QCOMPARE(kindsB.join(u' '), kindsA.join(u' '));
    for (const auto &[id, node] : a.nodes()) {
        if (dropped.contains(node.name) || (!compared.isEmpty() && !compared.contains(node.name)))
            continue;
        const Node *back = b.nodeByName(rename(node.name));
        QVERIFY2(back, qPrintable(node.name));
        QCOMPARE(back->kind, node.kind);
        for (auto it = node.properties.begin(); it != node.properties.end(); ++it) {
            // A machine's description has no CloudFormation property (the definition's Comment
            // is the machine's own).
            if (it.key() == "definition"_L1 || (it.key() == "environment"_L1 && node.kind == "function"_L1)
                || (it.key() == "description"_L1 && node.kind == "state-machine"_L1))
                continue;
            QVERIFY2(back->properties.value(it.key()) == it.value(),
                     qPrintable(node.name + u'.' + it.key() + " = "_L1
                                + QString::fromUtf8(QJsonDocument(QJsonArray{back->properties.value(it.key())})
                                                        .toJson(QJsonDocument::Compact))));
        }
    }
    QStringList expected = edgeTexts(a, rename);
    for (const QString &edge : droppedEdges)
        QVERIFY2(expected.removeOne(edge), qPrintable(edge));
    QStringList edges = edgeTexts(b, [](const QString &name) { return name; });
    if (!compared.isEmpty()) {
        // Only the connections of the compared nodes.
        QStringList names;
        for (const QString &name : compared)
            names.append(rename(name));
        const auto unrelated = [&](const QString &edge) {
            return !names.contains(edge.section(u' ', 0, 0)) && !names.contains(edge.section(u' ', 2, 2));
        };
        expected.removeIf(unrelated);
        edges.removeIf(unrelated);
    }
    QCOMPARE(edges, expected);

    // The definitions, their placeholders naming the imported nodes.
    static const QRegularExpression placeholder(u"\\$\\{([A-Za-z0-9_-]+)\\}"_s);
    for (const auto &[id, node] : a.nodes()) {
        if (node.kind != "state-machine"_L1)
            continue;
        const QString text = QString::fromUtf8(
            readFile(QFileInfo(project).absolutePath() + u'/' + node.properties.value(u"definition"_s).toString()));
        QString renamed;
        qsizetype at = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            renamed += text.mid(at, m.capturedStart() - at) + "${"_L1 + rename(m.captured(1)) + u'}';
            at = m.capturedEnd();
        }
        renamed += QStringView(text).mid(at);
        const QString path = b.nodeByName(rename(node.name))->properties.value(u"definition"_s).toString();
        QCOMPARE(path, "workflows/"_L1 + rename(node.name) + ".asl.json"_L1);
        // The export writes the definition inline: it reads back as JSON of the same value.
        const QJsonDocument back = QJsonDocument::fromJson(imported.pendingCodeFiles().value(path));
        QVERIFY2(!back.isNull(), qPrintable(path));
        QCOMPARE(back, QJsonDocument::fromJson(renamed.toUtf8()));
    }
}

// The serverless-step-functions plugin's section: a machine with its definition inline (the
// service's functions named by their key) or in a file beside serverless.yml, and the events
// that start it.
void TestWorkflowImport::serverlessPluginSyntax()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"states/report.json"_s),
                      R"({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}})"));
    QVERIFY(writeFile(dir.filePath(u"serverless.yml"_s),
                      "service: shop\nprovider:\n  name: aws\n  runtime: nodejs20.x\n"
                      "plugins:\n  - serverless-step-functions\n"
                      "functions:\n  charge:\n    handler: functions/charge/index.handler\n"
                      "stepFunctions:\n  stateMachines:\n"
                      "    checkout:\n      name: checkout-flow\n      type: EXPRESS\n"
                      "      tracingConfig:\n        enabled: true\n"
                      "      events:\n        - http:\n            path: checkout\n            method: POST\n"
                      "        - schedule:\n            rate: rate(1 hour)\n            enabled: false\n"
                      "        - eventBridge:\n            event:\n              source: [shop.orders]\n"
                      "      definition:\n        StartAt: Charge\n        States:\n          Charge:\n"
                      "            Type: Task\n            Resource:\n              Fn::GetAtt: [charge, Arn]\n"
                      "            End: true\n"
                      "    report:\n      definition: ${file(states/report.json)}\n"
                      "      events:\n        - httpApi:\n            method: GET\n            path: /report\n"));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(u"serverless.yml"_s), *mRegistry, project);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    const Architecture &design = project.architecture();
    const Node *checkout = design.nodeByName(u"checkout"_s);
    QVERIFY(checkout);
    QCOMPARE(checkout->kind, u"state-machine"_s);
    QCOMPARE(checkout->properties.value(u"type"_s).toString(), u"EXPRESS"_s);
    QCOMPARE(checkout->properties.value(u"stateMachineName"_s).toString(), u"checkout-flow"_s);
    QCOMPARE(checkout->properties.value(u"tracing"_s).toBool(), true);
    QVERIFY(QString::fromUtf8(project.pendingCodeFiles().value(u"workflows/checkout.asl.json"_s))
                .contains("\"Resource\": \"${charge}\""_L1));
    QCOMPARE(QString::fromUtf8(project.pendingCodeFiles().value(u"workflows/report.asl.json"_s)),
             uR"({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}})"_s);
    QCOMPARE(machineEdges(design, u"checkout"_s).join("; "_L1),
             u"checkout -invokes-> charge; checkoutRoute -starts-> checkout; checkoutRule -targets-> checkout; "
             "checkoutSchedule -starts-> checkout"_s);
    QCOMPARE(machineEdges(design, u"report"_s), QStringList{u"reportRoute -starts-> report"_s});
    const Node *route = design.nodeByName(u"checkoutRoute"_s);
    QVERIFY(route);
    QCOMPARE(route->properties.value(u"path"_s).toString(), u"/checkout"_s);
    QCOMPARE(route->properties.value(u"payloadFormat"_s).toString(), u"1.0"_s);
    QCOMPARE(design.nodeByName(u"reportRoute"_s)->properties.value(u"payloadFormat"_s).toString(), u"2.0"_s);
    QCOMPARE(design.nodeByName(u"checkoutSchedule"_s)->properties.value(u"enabled"_s).toBool(), false);
}

void TestWorkflowImport::serverlessDefinitionOutsideIsRefused_data()
{
    QTest::addColumn<QString>("definition");
    QTest::newRow("climbs out") << u"${file(../../etc/passwd)}"_s;
    QTest::newRow("climbs out inside") << u"${file(states/../../../etc/passwd)}"_s;
    QTest::newRow("absolute") << u"${file(/etc/passwd)}"_s;
    QTest::newRow("home") << u"${file(~/.aws/credentials)}"_s;
}

// A stepFunctions definition file is read only inside serverless.yml's folder: a path that
// leads out refuses the file, and nothing of the file it names is read.
void TestWorkflowImport::serverlessDefinitionOutsideIsRefused()
{
    QFETCH(QString, definition);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"app/serverless.yml"_s),
                      "service: shop\nprovider:\n  name: aws\nstepFunctions:\n  stateMachines:\n    flow:\n"
                      "      definition: "_ba
                          + definition.toUtf8() + "\n"_ba));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(u"app/serverless.yml"_s), *mRegistry,
                                                             project);
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().contains("leads out of the file's folder"_L1), qPrintable(read.errorMessage()));
    QCOMPARE(project.architecture().nodeCount(), 0);
    QVERIFY(project.pendingCodeFiles().isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkflowImport)
#include "tst_workflowimport.moc"
