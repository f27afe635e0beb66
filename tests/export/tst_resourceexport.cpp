// Queues, topics, tables and buckets as deployed (issue 23 item 7): physical names,
// secondary indexes, Time to Live, FIFO settings and bucket versioning written by SAM,
// serverless.yml and Terraform, and read back from SAM / CloudFormation and
// serverless.yml into the same design; CloudFormation JSON written by Python's json.dump
// (characters beyond the BMP as surrogate pairs) imports.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/exportmodel.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kDesign = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/resources/resources.json");

// A table's indexes property as a comparable value: each index's JSON with its defaults
// written out, by name (the order of a table's indexes means nothing).
QJsonArray indexesOf(const Node *table)
{
    QJsonArray out;
    const QJsonArray indexes =
        QJsonDocument::fromJson(table->properties.value(QStringLiteral("indexes")).toString().toUtf8()).array();
    for (const QJsonValue &value : indexes) {
        QJsonObject index = value.toObject();
        for (const char *key : {"partitionKeyType", "sortKeyType"})
            if (!index.contains(QLatin1String(key)))
                index.insert(QLatin1String(key), QStringLiteral("S"));
        if (!index.contains(QStringLiteral("sortKey")))
            index.insert(QStringLiteral("sortKey"), QString());
        if (index.value(QStringLiteral("sortKey")).toString().isEmpty())
            index.insert(QStringLiteral("sortKeyType"), QStringLiteral("S"));
        if (index.value(QStringLiteral("nonKeyAttributes")).toArray().isEmpty())
            index.remove(QStringLiteral("nonKeyAttributes"));
        out.append(index);
    }
    QJsonArray sorted;
    QMap<QString, QJsonValue> byName;
    for (const QJsonValue &index : std::as_const(out))
        byName.insert(index.toObject().value(QStringLiteral("name")).toString(), index);
    for (const QJsonValue &index : std::as_const(byName))
        sorted.append(index);
    return sorted;
}

// The imported node of an exported one: named after the same identifier (an import names
// nodes after logical ids).
const Node *counterpart(const Architecture &design, const Node &node)
{
    for (const auto &[id, other] : design.nodes())
        if (other.kind == node.kind && ExportModel::identifier(other.name) == ExportModel::identifier(node.name))
            return &other;
    return nullptr;
}

// The name a queue, topic, table or bucket is deployed under: its physical name, else its
// node name (a FIFO one's with .fifo).
QString deployedName(const Node &node)
{
    QString name = node.properties.value(QStringLiteral("physicalName")).toString();
    if (name.isEmpty())
        name = node.name;
    if (node.properties.value(QStringLiteral("fifo")).toBool() && !name.endsWith(QLatin1String(".fifo")))
        name += QLatin1String(".fifo");
    return name;
}

const Node *nodeWithPhysicalName(const Architecture &design, const QString &kind, const QString &physical)
{
    for (const auto &[id, node] : design.nodes())
        if (node.kind == kind && deployedName(node) == physical)
            return &node;
    return nullptr;
}
} // namespace

class TestResourceExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cloudFormationWritesThem_data();
    void cloudFormationWritesThem();
    void roundTrip_data() { cloudFormationWritesThem_data(); }
    void roundTrip();
    void terraformWritesThem();
    void unreadableIndexesReported_data();
    void unreadableIndexesReported();
    void handwrittenCloudFormation_data();
    void handwrittenCloudFormation();
    void loneSurrogateEndsInAnAnswer_data();
    void loneSurrogateEndsInAnAnswer();

private:
    ExportOutput exportDesign(const Project &project, const QString &target);

    std::unique_ptr<PluginRegistry> mRegistry;
};

void TestResourceExport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
}

ExportOutput TestResourceExport::exportDesign(const Project &project, const QString &target)
{
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    return ExportJob::prepare(*exporter, mRegistry->provider(target), ExportJob::input(project, target, options));
}

void TestResourceExport::cloudFormationWritesThem_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QTest::newRow("sam") << QStringLiteral("sam") << QStringLiteral("template.yaml");
    QTest::newRow("serverless") << QStringLiteral("serverless") << QStringLiteral("serverless.yml");
}

void TestResourceExport::cloudFormationWritesThem()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kDesign, project));
    const ExportOutput out = exportDesign(project, target);
    QVERIFY(out.file(file));
    const QByteArray text = out.file(file)->content;
    for (const char *expected :
         {"TableName: players", "QueueName: score-jobs.fifo", "QueueName: score-jobs-dlq.fifo", "QueueName: score-work",
          "QueueName: score-work-dlq", "TopicName: score-events", "BucketName: score-archive-2026",
          "GlobalSecondaryIndexes:", "IndexName: byTeam", "LocalSecondaryIndexes:", "IndexName: byDate",
          "ProjectionType: INCLUDE", "NonKeyAttributes:", "- nickname", "ProjectionType: KEYS_ONLY",
          "TimeToLiveSpecification:", "AttributeName: expiresAt", "ContentBasedDeduplication: true",
          "VersioningConfiguration:"})
        QVERIFY2(text.contains(expected),
                 qPrintable(QString::fromUtf8(expected) + QLatin1String(" is not in:\n") + QString::fromUtf8(text)));
    // Each key attribute defined once, though score keys two indexes and game the table and one.
    auto count = [&](const char *pattern) {
        int n = 0;
        for (auto it = QRegularExpression(QLatin1String(pattern)).globalMatch(QString::fromUtf8(text)); it.hasNext();
             it.next())
            ++n;
        return n;
    };
    QCOMPARE(count("AttributeName: score\\n *AttributeType: 'N'"), 1);
    QCOMPARE(count("AttributeName: game\\n *AttributeType: S"), 1);
    // A queue without a physical name keeps the name CloudFormation gives it.
    QVERIFY(!text.contains("QueueName: Audit"));
    // The topic's subscriptions: the queue's as a resource, the function's on its event.
    const bool sam = target == QLatin1String("sam");
    for (const char *expected :
         {"Type: AWS::SNS::Subscription", "Protocol: sqs", "RawMessageDelivery: true", "store: [example_corp]",
          sam ? "FilterPolicyScope: MessageBody" : "filterPolicyScope: MessageBody", "kind: [score]",
          "sns.amazonaws.com", "events.amazonaws.com"})
        QVERIFY2(text.contains(expected),
                 qPrintable(QString::fromUtf8(expected) + QLatin1String(" is not in:\n") + QString::fromUtf8(text)));
    // One policy for the queue the rule and the topic both send to (SQS keeps one).
    QCOMPARE(text.count("Type: AWS::SQS::QueuePolicy"), 1);
    for (const Diagnostic &d : out.diagnostics)
        QVERIFY2(d.code != QLatin1String("export-indexes"), qPrintable(d.message));
}

// Exported, then imported: the same queues, topics, tables and buckets, with their
// physical names, indexes, Time to Live, FIFO settings and versioning.
void TestResourceExport::roundTrip()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    Project original(Catalog::builtin());
    QVERIFY(ProjectFile().load(kDesign, original));
    QTemporaryDir dir;
    QVERIFY(ExportJob::write(exportDesign(original, target), dir.filePath(QStringLiteral("out")), target));
    Project imported(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(dir.filePath(QStringLiteral("out/") + file), *mRegistry,
                                                             imported, target);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    const Architecture &a = original.architecture();
    const Architecture &b = imported.architecture();
    for (const char *key :
         {"physicalName", "fifo", "contentBasedDeduplication", "visibilityTimeout", "partitionKey", "partitionKeyType",
          "sortKey", "sortKeyType", "ttlAttribute", "stream", "versioning", "displayName"}) {
        for (const auto &[id, node] : a.nodes()) {
            const QString physical = node.properties.value(QStringLiteral("physicalName")).toString();
            if (physical.isEmpty())
                continue;
            const Node *other = nodeWithPhysicalName(b, node.kind, physical);
            QVERIFY2(other, qPrintable(node.name + QLatin1String(" came back without its physical name ") + physical));
            if (node.properties.contains(QLatin1String(key)) && qstrcmp(key, "physicalName") != 0)
                QCOMPARE(other->properties.value(QLatin1String(key)), node.properties.value(QLatin1String(key)));
        }
    }
    // The subscriptions come back as the connections they were, with their settings.
    for (const auto &[id, edge] : a.edges()) {
        if (edge.properties.isEmpty())
            continue;
        const Node *from = a.node(edge.from);
        const Node *to = a.node(edge.to);
        const Node *topic = nodeWithPhysicalName(b, from->kind,
                                                 from->properties.value(QStringLiteral("physicalName")).toString());
        const Node *endpoint = counterpart(b, *to);
        QVERIFY(topic && endpoint);
        const Edge *back = b.findEdge(topic->id, endpoint->id, edge.type);
        QVERIFY2(back, qPrintable(from->name + QLatin1String(" -> ") + to->name + QLatin1String(" is not read back")));
        QCOMPARE(back->properties, edge.properties);
    }
    const Node *players = nodeWithPhysicalName(b, QStringLiteral("table"), QStringLiteral("players"));
    QCOMPARE(indexesOf(players), indexesOf(a.nodeByName(QStringLiteral("Players"))));
    // The queue without a physical name comes back without one.
    QVERIFY(b.nodeByName(QStringLiteral("Audit")));
    QVERIFY(
        b.nodeByName(QStringLiteral("Audit"))->properties.value(QStringLiteral("physicalName")).toString().isEmpty());
}

void TestResourceExport::terraformWritesThem()
{
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kDesign, project));
    const ExportOutput out = exportDesign(project, QStringLiteral("terraform"));
    QVERIFY(out.file(QStringLiteral("main.tf")));
    // HCL aligns the = of a block's attributes: one space each side is what is compared.
    const QByteArray text = QString::fromUtf8(out.file(QStringLiteral("main.tf"))->content)
                                .replace(QRegularExpression(QStringLiteral(" {2,}")), QStringLiteral(" "))
                                .toUtf8();
    for (const char *expected :
         {"name = \"players\"", "name = \"score-jobs.fifo\"", "name = \"score-jobs-dlq.fifo\"", "name = \"score-work\"",
          "name = \"score-work-dlq\"", "name = \"score-events\"", "bucket = \"score-archive-2026\"",
          "global_secondary_index {", "local_secondary_index {", "name = \"byTeam\"", "hash_key = \"team\"",
          "range_key = \"score\"", "projection_type = \"INCLUDE\"", "non_key_attributes = [\"nickname\"]",
          "projection_type = \"KEYS_ONLY\"", "attribute_name = \"expiresAt\"", "aws_s3_bucket_versioning"})
        QVERIFY2(text.contains(expected),
                 qPrintable(QString::fromUtf8(expected) + QLatin1String(" is not in:\n") + QString::fromUtf8(text)));
    // The provider wants each key attribute once: playerId, game, team, score, playedAt.
    const qsizetype table = text.indexOf("resource \"aws_dynamodb_table\"");
    const QByteArray tableBlock = text.mid(table, text.indexOf("\n}\n", table) - table);
    QCOMPARE(tableBlock.count("attribute {"), 5);
    // A queue without a physical name keeps the project's prefix.
    QVERIFY(text.contains("name = \"${var.name_prefix}-audit\""));
    for (const char *expected :
         {"protocol = \"sqs\"", "raw_message_delivery = true", "filter_policy = jsonencode(",
          "filter_policy_scope = \"MessageBody\"", "\"sns.amazonaws.com\"", "\"events.amazonaws.com\""})
        QVERIFY2(text.contains(expected),
                 qPrintable(QString::fromUtf8(expected) + QLatin1String(" is not in:\n") + QString::fromUtf8(text)));
    QCOMPARE(text.count("resource \"aws_sqs_queue_policy\""), 1);
}

void TestResourceExport::unreadableIndexesReported_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("sam") << QStringLiteral("sam");
    QTest::newRow("serverless") << QStringLiteral("serverless");
    QTest::newRow("terraform") << QStringLiteral("terraform");
}

// Indexes the local cloud cannot read are not written half: the export says so by node.
void TestResourceExport::unreadableIndexesReported()
{
    QFETCH(QString, target);
    Project project(Catalog::builtin());
    QVERIFY(ProjectFile().load(kDesign, project));
    const NodeId players = project.architecture().nodeByName(QStringLiteral("Players"))->id;
    QVERIFY(project.setNodeProperty(players, QStringLiteral("indexes"),
                                    QStringLiteral("[{\"name\": \"x\", \"kind\": \"local\"}]")));
    const ExportOutput out = exportDesign(project, target);
    bool reported = false;
    for (const Diagnostic &d : out.diagnostics)
        reported = reported || (d.code == QLatin1String("export-indexes") && d.nodes.value(0) == players);
    QVERIFY(reported);
    for (const ExportFile &f : out.files) {
        QVERIFY(!f.content.contains("byTeam"));
        QVERIFY(!f.content.contains("SecondaryIndexes"));
        QVERIFY(!f.content.contains("secondary_index"));
    }
}

void TestResourceExport::handwrittenCloudFormation_data()
{
    QTest::addColumn<QByteArray>("escapedParty");
    // Python's json.dump escapes characters beyond the BMP as surrogate pairs, in lower case.
    QTest::newRow("surrogate pair") << QByteArray("\\ud83c\\udf89");
    QTest::newRow("surrogate pair, upper case") << QByteArray("\\uD83C\\uDF89");
    QTest::newRow("UTF-8") << QByteArray("\xf0\x9f\x8e\x89");
}

// A template written by hand (the Players table named players, indexes of both
// kinds, a FIFO queue, a versioned bucket) in JSON, as json.dump writes it.
void TestResourceExport::handwrittenCloudFormation()
{
    QFETCH(QByteArray, escapedParty);
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("stack.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {"
            "\"Players\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {\"TableName\": \"players\","
            " \"BillingMode\": \"PAY_PER_REQUEST\","
            " \"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"},"
            " {\"AttributeName\": \"at\", \"AttributeType\": \"N\"}, {\"AttributeName\": \"email\", \"AttributeType\": "
            "\"S\"}],"
            " \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"at\", "
            "\"KeyType\": \"RANGE\"}],"
            " \"GlobalSecondaryIndexes\": [{\"IndexName\": \"byEmail\", \"KeySchema\": [{\"AttributeName\": "
            "\"email\", \"KeyType\": \"HASH\"}], \"Projection\": {\"ProjectionType\": \"ALL\"}}],"
            " \"LocalSecondaryIndexes\": [{\"IndexName\": \"latest\", \"KeySchema\": [{\"AttributeName\": \"id\", "
            "\"KeyType\": \"HASH\"}, {\"AttributeName\": \"email\", \"KeyType\": \"RANGE\"}], \"Projection\": "
            "{\"ProjectionType\": \"KEYS_ONLY\"}}],"
            " \"TimeToLiveSpecification\": {\"AttributeName\": \"expires\", \"Enabled\": true}}},"
            "\"Orders\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"QueueName\": \"orders.fifo\", "
            "\"FifoQueue\": true, \"ContentBasedDeduplication\": true}},"
            "\"Party\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"DisplayName\": \"Party "
            + escapedParty
            + "\"}},"
              "\"Uploads\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": {\"Fn::Sub\": "
              "\"${AWS::StackName}-uploads\"}, \"VersioningConfiguration\": {\"Status\": \"Enabled\"}}}"
              "}}");
    f.close();
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(f.fileName(), *mRegistry, project);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const Architecture &design = project.architecture();
    const Node *players = design.nodeByName(QStringLiteral("Players"));
    QVERIFY(players);
    QCOMPARE(players->properties.value(QStringLiteral("physicalName")).toString(), QStringLiteral("players"));
    QCOMPARE(players->properties.value(QStringLiteral("ttlAttribute")).toString(), QStringLiteral("expires"));
    const QJsonArray indexes = indexesOf(players);
    QCOMPARE(indexes.size(), 2);
    QCOMPARE(indexes.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("byEmail"));
    QCOMPARE(indexes.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("global"));
    QCOMPARE(indexes.at(0).toObject().value(QStringLiteral("partitionKey")).toString(), QStringLiteral("email"));
    QCOMPARE(indexes.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("latest"));
    QCOMPARE(indexes.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("local"));
    QCOMPARE(indexes.at(1).toObject().value(QStringLiteral("sortKey")).toString(), QStringLiteral("email"));
    QCOMPARE(indexes.at(1).toObject().value(QStringLiteral("projection")).toString(), QStringLiteral("KEYS_ONLY"));
    // The FIFO queue is named after its deployed name, which then needs no physical name.
    const Node *orders = design.nodeByName(QStringLiteral("orders"));
    QVERIFY(orders);
    QVERIFY(orders->properties.value(QStringLiteral("fifo")).toBool());
    QVERIFY(orders->properties.value(QStringLiteral("contentBasedDeduplication")).toBool());
    QVERIFY(orders->properties.value(QStringLiteral("physicalName")).toString().isEmpty());
    QCOMPARE(design.nodeByName(QStringLiteral("Party"))->properties.value(QStringLiteral("displayName")).toString(),
             QStringLiteral("Party ") + QString::fromUtf8("\xf0\x9f\x8e\x89"));
    // A name the stack computes is not a physical name.
    const Node *uploads = design.nodeByName(QStringLiteral("Uploads"));
    QVERIFY(uploads->properties.value(QStringLiteral("versioning")).toBool());
    QVERIFY(uploads->properties.value(QStringLiteral("physicalName")).toString().isEmpty());
}

void TestResourceExport::loneSurrogateEndsInAnAnswer_data()
{
    QTest::addColumn<QByteArray>("escaped");
    QTest::newRow("high half alone") << QByteArray("\\ud83c");
    QTest::newRow("low half alone") << QByteArray("\\udf89");
    QTest::newRow("halves reversed") << QByteArray("\\udf89\\ud83c");
}

// Half a surrogate pair is no character: the import reads the template (Qt replaces it) or
// refuses it naming the file, and does not retry for ever (the JSON fallback of Yaml::load).
void TestResourceExport::loneSurrogateEndsInAnAnswer()
{
    QFETCH(QByteArray, escaped);
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("stack.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"Party\": {\"Type\": "
            "\"AWS::SNS::Topic\", \"Properties\": {\"DisplayName\": \"x "
            + escaped + " y\"}}}}");
    f.close();
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(f.fileName(), *mRegistry, project);
    if (imported)
        QVERIFY(project.architecture().nodeByName(QStringLiteral("Party")));
    else
        QVERIFY2(imported.errorMessage().contains(QLatin1String("stack.json")), qPrintable(imported.errorMessage()));
}

QTEST_MAIN(TestResourceExport)
#include "tst_resourceexport.moc"
