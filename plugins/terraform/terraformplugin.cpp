#include "terraformplugin.h"
#include "model/kinds.h"

#include "awsbuild.h"
#include "awscommon.h"
#include "awslayers.h"
#include "awsworkflow.h"
#include "cloud/eventbus.h"
#include "cloud/tablestore.h"
#include "export/eventrouting.h"
#include "export/exportmodel.h"
#include "export/hclwriter.h"
#include "export/routeauthorization.h"
#include "infracostusage.h"
#include "model/callbackurls.h"
#include "model/catalog.h"
#include "model/deployedname.h"
#include "terraformfargate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus::Terraform {

namespace {

using H = HclValue;

QString tfName(const Node *node)
{
    return ExportModel::snakeCase(node->name);
}

// The account's default bus is not created: a data source reads it.
bool isDefaultBus(const Node *node)
{
    return node->kind == Kinds::EventBus && EventBus::busName(*node) == "default"_L1;
}

QString serviceType(const Node *node)
{
    if (node->kind == Kinds::EventBus)
        return isDefaultBus(node) ? u"data.aws_cloudwatch_event_bus"_s : u"aws_cloudwatch_event_bus"_s;
    if (node->kind == Kinds::Table)
        return u"aws_dynamodb_table"_s;
    if (node->kind == Kinds::Queue)
        return u"aws_sqs_queue"_s;
    if (node->kind == Kinds::Topic)
        return u"aws_sns_topic"_s;
    if (node->kind == Kinds::Bucket)
        return u"aws_s3_bucket"_s;
    if (node->kind == Kinds::Secret)
        return u"aws_secretsmanager_secret"_s;
    if (node->kind == Kinds::Parameter)
        return u"aws_ssm_parameter"_s;
    if (node->kind == Kinds::StateMachine)
        return u"aws_sfn_state_machine"_s;
    return u"aws_lambda_function"_s;
}

QString reference(const Node *node, const QString &attribute)
{
    return serviceType(node) + '.'_L1 + tfName(node) + '.'_L1 + attribute;
}

// An attribute that holds a JSON document (a policy): the HCL object, jsonencode()d, for
// an attribute of a block at depth (1: a resource's own attributes).
H jsonEncode(const H &value, int depth = 1)
{
    return H::expression(u"jsonencode(%1)"_s.arg(QString::fromUtf8(value.write(depth))));
}

// A JSON value (an event pattern, a filter) as the HCL jsonencode() turns back into it.
H hclOf(const QJsonValue &value)
{
    if (value.isObject()) {
        QList<QPair<QString, H>> members;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            members.append({it.key(), hclOf(it.value())});
        return H::object(members);
    }
    if (value.isArray()) {
        QList<H> items;
        for (const QJsonValue &item : value.toArray())
            items.append(hclOf(item));
        return H::list(items);
    }
    if (value.isString())
        return H::string(value.toString());
    if (value.isBool())
        return H::boolean(value.toBool());
    if (value.isNull() || value.isUndefined())
        return H::expression(u"null"_s);
    // A number as JSON writes it (1.5, 100), not rounded to an integer.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return H::expression(QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)));
}

// A JSON object's text as jsonencode() of its HCL; nullopt when text is not an object.
std::optional<H> encodedJson(const QString &text, int depth = 1)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    return jsonEncode(hclOf(document.object()), depth);
}

// A resource's name: every one starts with the name_prefix variable.
H prefixedName(const QString &name)
{
    return H::templateString(u"${var.name_prefix}-"_s + name);
}

// A resource's name: its physical name as it is (with .fifo for a FIFO queue or topic),
// else the project's prefix before fallback.
H physicalName(const Node *node, const QString &fallback)
{
    if (Nimbus::physicalName(*node).isEmpty())
        return prefixedName(fallback);
    return H::string(Aws::awsName(node));
}

// main.tf and variables.tf of one design, a resource family at a time: the settings,
// the services (functions refer to them), each function with its role and triggers,
// then what several functions share (bucket notifications, the HTTP API).
H allowStatement(const QStringList &actions, const H &resource);

class TerraformWriter
{
public:
    TerraformWriter(const ExportModel &model, const Catalog &catalog, ExportOutput &output)
        : mModel(model), mCatalog(catalog), mRouting(model, catalog), mAuth(model, false), mOutput(output)
    { }

    void writeSettings(const QString &region, const QString &namePrefix);
    void writeQueue(const Node *node);
    void writeTopic(const Node *node);
    // A secret without a version (its value stays in the user's keychain) and a parameter
    // with a placeholder value Terraform leaves alone once set (ignore_changes).
    void writeSecret(const Node *node);
    void writeParameter(const Node *node);
    void writeTable(const Node *node);
    void writeBucket(const Node *node);
    void writeBus(const Node *bus);
    void writeFunction(const ExportFunction &f);
    void writeLayer(const Aws::ExportLayer &layer);
    void writeBucketNotification(const Node *bucket);
    void writeRule(const Node *rule);
    void writeDeliveryPolicies();
    // Inside an aws_sns_topic_subscription: its filter policy and scope.
    void writeFilterPolicy(const Aws::Subscription &subscription);
    void writeHttpApi();
    void writeUserPool(const Node *pool);
    // aws_sfn_state_machine with its definition file (templatefile() fills its ${name}
    // placeholders), its role, and what starts it (schedules, pipes from queues).
    void writeStateMachine(const ExportWorkflow &w);
    // The routes that start machines are on the HTTP API too: noted before it is written.
    void addMachineRoutes(const ExportWorkflow &w);
    const RouteAuthorization &authorization() const { return mAuth; }

    QByteArray main() const { return mMain.text(); }
    QByteArray variables() const { return mVariables.text(); }

private:
    void beginVariable(const QString &name, const QString &description);
    void writeRole(const ExportFunction &f);
    QList<QPair<QString, H>> environment(const ExportFunction &f);
    H environmentValue(const ExportFunction &f, const EnvironmentVariable &var) const;
    void writeTrigger(const ExportFunction &f, const Node *trigger);
    void writeSchedule(const QString &link, const QString &function, const Node *schedule);
    void writeRoute(const QString &link, const QString &function, const Node *route);
    void writeRouteAuthorization(const Node *route);
    void writeMachineRoute(const QString &link, const QString &machineArn, const Node *route);
    void writePermission(const QString &link, const QString &function, const QString &principal,
                         const QString &sourceArn);
    void writeEventSourceSettings(const ExportFunction &f, const Node *trigger);
    void writeFilterCriteria(const Node *trigger);
    void writeInvokeConfig(const ExportFunction &f);
    void writeRuleTarget(const Node *rule, const QString &label, const Node *bus, const Node *target);
    void writeBusRole(const QString &label, const QList<const Node *> &buses);
    void writeServiceRole(const QString &name, const QString &service, const QList<H> &statements);
    void writeMachineStarters(const ExportWorkflow &w);
    void writeAuthorizer(const ApiAuthorizer &authorizer);
    // A property's value, else its kind's default (a project file may leave defaults out).
    QJsonValue setting(const Node *node, const QString &property) const;
    int settingInt(const Node *node, const QString &property) const { return setting(node, property).toInt(); }

    const ExportModel &mModel;
    const Catalog &mCatalog;
    EventRouting mRouting;
    RouteAuthorization mAuth; // every route is on the HTTP API, payload 1.0 ones too
    ExportOutput &mOutput;
    HclWriter mMain;
    HclWriter mVariables;
    QList<const Node *> mRoutes; // the HTTP API is written once, after every route
    // The rules (their aws_cloudwatch_event_rule labels) that send to each queue and topic,
    // as targets or as dead-letter queues: each gets one policy, written after the rules.
    QMap<QString, QStringList> mSenders; // by node name
};

QJsonValue TerraformWriter::setting(const Node *node, const QString &property) const
{
    const QJsonValue value = node->properties.value(property);
    if (!value.isUndefined())
        return value;
    const NodeKind *kind = mCatalog.kind(node->kind);
    return kind ? kind->defaultProperties(node->name).value(property) : QJsonValue();
}

void TerraformWriter::writeSettings(const QString &region, const QString &namePrefix)
{
    mMain.beginBlock(u"terraform"_s);
    mMain.attribute(u"required_version"_s, H::string(u">= 1.5"_s));
    mMain.beginBlock(u"required_providers"_s);
    // 5.76 is the first to take an event bus's description.
    mMain.attribute(u"aws"_s,
                    H::object({{u"source"_s, H::string(u"hashicorp/aws"_s)}, {u"version"_s, H::string(u"~> 5.76"_s)}}));
    mMain.attribute(u"archive"_s, H::object({{u"source"_s, H::string(u"hashicorp/archive"_s)},
                                             {u"version"_s, H::string(u"~> 2.4"_s)}}));
    mMain.endBlock();
    mMain.endBlock();
    mMain.beginBlock(u"provider"_s, {u"aws"_s});
    mMain.attribute(u"region"_s, H::expression(u"var.region"_s));
    mMain.endBlock();

    beginVariable(u"region"_s, u"AWS region to deploy to"_s);
    mVariables.attribute(u"default"_s, H::string(region));
    mVariables.endBlock();
    beginVariable(u"name_prefix"_s, u"Prefix of every resource name"_s);
    mVariables.attribute(u"default"_s, H::string(namePrefix));
    mVariables.endBlock();
}

// A string variable of variables.tf, left open for its default or its sensitivity.
void TerraformWriter::beginVariable(const QString &name, const QString &description)
{
    mVariables.beginBlock(u"variable"_s, {name});
    mVariables.attribute(u"description"_s, H::string(description));
    mVariables.attribute(u"type"_s, H::expression(u"string"_s));
}

void TerraformWriter::writeQueue(const Node *node)
{
    const QString name = tfName(node);
    const QString fifo = mModel.boolean(node, "fifo") ? u".fifo"_s : QString();
    const QString label = ExportModel::dnsLabel(node->name);
    // A physical name is the queue's name as it is (its dead-letter queue's with -dlq, as
    // the local cloud names it); else the project's prefix before the node's name.
    const bool named = !Nimbus::physicalName(*node).isEmpty();
    mMain.beginBlock(u"resource"_s, {u"aws_sqs_queue"_s, name + "_dead_letters"_L1});
    mMain.attribute(u"name"_s,
                    named ? H::string(Aws::deadLetterName(node)) : prefixedName(label + "-dead-letters"_L1 + fifo));
    if (!fifo.isEmpty())
        mMain.attribute(u"fifo_queue"_s, H::boolean(true));
    mMain.attribute(u"message_retention_seconds"_s, H::number(1209600));
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_sqs_queue"_s, name});
    mMain.attribute(u"name"_s, named ? H::string(Aws::awsName(node)) : prefixedName(label + fifo));
    if (!fifo.isEmpty())
        mMain.attribute(u"fifo_queue"_s, H::boolean(true));
    if (!fifo.isEmpty() && mModel.boolean(node, "contentBasedDeduplication"))
        mMain.attribute(u"content_based_deduplication"_s, H::boolean(true));
    mMain.attribute(u"visibility_timeout_seconds"_s, H::number(mModel.integer(node, "visibilityTimeout", 30)));
    mMain.attribute(u"message_retention_seconds"_s, H::number(mModel.integer(node, "messageRetention", 345600)));
    mMain.attribute(u"delay_seconds"_s, H::number(mModel.integer(node, "delay", 0)));
    mMain.attribute(u"redrive_policy"_s,
                    jsonEncode(H::object(
                        {{u"deadLetterTargetArn"_s, H::expression(u"aws_sqs_queue.%1_dead_letters.arn"_s.arg(name))},
                         {u"maxReceiveCount"_s, H::number(mModel.integer(node, "maxReceiveCount", 5))}})));
    mMain.endBlock();
    if (fifo.isEmpty() && mModel.boolean(node, "contentBasedDeduplication"))
        mOutput.add(Diagnostic::Severity::Warning, u"export-fifo"_s,
                    TerraformPlugin::tr("%1: content-based deduplication is for FIFO queues only; it is not exported")
                        .arg(node->name),
                    node->id, u"contentBasedDeduplication"_s);
}

void TerraformWriter::writeSecret(const Node *node)
{
    const QString name = mModel.string(node, "secretName");
    mMain.beginBlock(u"resource"_s, {u"aws_secretsmanager_secret"_s, tfName(node)});
    mMain.attribute(u"name"_s, H::string(name.isEmpty() ? node->name : name));
    if (const QString description = mModel.string(node, "description"); !description.isEmpty())
        mMain.attribute(u"description"_s, H::string(description));
    mMain.endBlock();
    mOutput.add(Diagnostic::Severity::Info, u"export-secret-value"_s,
                mModel.boolean(node, "generated")
                    ? TerraformPlugin::tr("%1: Terraform generates no secret value without writing it into its "
                                          "state; the secret is created empty, put a generated value after applying")
                          .arg(node->name)
                    : TerraformPlugin::tr("%1: the secret is created without its value, which stays in your "
                                          "keychain; put it after applying (aws secretsmanager put-secret-value)")
                          .arg(node->name),
                node->id);
}

void TerraformWriter::writeParameter(const Node *node)
{
    QString name = mModel.string(node, "parameterName");
    if (name.isEmpty())
        name = u'/' + node->name;
    const QString type = mModel.string(node, "type");
    mMain.beginBlock(u"resource"_s, {u"aws_ssm_parameter"_s, tfName(node)});
    mMain.attribute(u"name"_s, H::string(name));
    mMain.attribute(u"type"_s, H::string(type.isEmpty() ? u"String"_s : type));
    mMain.attribute(u"value"_s, H::string(u"CHANGE_ME"_s));
    if (const QString description = mModel.string(node, "description"); !description.isEmpty())
        mMain.attribute(u"description"_s, H::string(description));
    if (const QString tier = mModel.string(node, "tier"); !tier.isEmpty() && tier != "Standard"_L1)
        mMain.attribute(u"tier"_s, H::string(tier));
    // The real value is set outside Terraform (it stays in the user's keychain).
    mMain.beginBlock(u"lifecycle"_s);
    mMain.attribute(u"ignore_changes"_s, H::list({H::expression(u"value"_s)}));
    mMain.endBlock();
    mMain.endBlock();
    mOutput.add(Diagnostic::Severity::Info, u"export-parameter-value"_s,
                TerraformPlugin::tr("%1: the parameter's value is the placeholder CHANGE_ME; its value stays in "
                                    "your keychain, set it after applying")
                    .arg(node->name),
                node->id);
}

void TerraformWriter::writeTopic(const Node *node)
{
    const bool fifo = mModel.boolean(node, "fifo");
    mMain.beginBlock(u"resource"_s, {u"aws_sns_topic"_s, tfName(node)});
    mMain.attribute(u"name"_s, physicalName(node, ExportModel::dnsLabel(node->name) + (fifo ? u".fifo"_s : QString())));
    const QString displayName = mModel.string(node, "displayName");
    if (!displayName.isEmpty())
        mMain.attribute(u"display_name"_s, H::string(displayName));
    if (fifo)
        mMain.attribute(u"fifo_topic"_s, H::boolean(true));
    if (fifo && mModel.boolean(node, "contentBasedDeduplication"))
        mMain.attribute(u"content_based_deduplication"_s, H::boolean(true));
    mMain.endBlock();
    if (!fifo && mModel.boolean(node, "contentBasedDeduplication"))
        mOutput.add(Diagnostic::Severity::Warning, u"export-fifo"_s,
                    TerraformPlugin::tr("%1: content-based deduplication is for FIFO topics only; it is not exported")
                        .arg(node->name),
                    node->id, u"contentBasedDeduplication"_s);
}

void TerraformWriter::writeTable(const Node *node)
{
    mMain.beginBlock(u"resource"_s, {u"aws_dynamodb_table"_s, tfName(node)});
    mMain.attribute(u"name"_s, physicalName(node, ExportModel::dnsLabel(node->name)));
    const QString billing = mModel.string(node, "billingMode", u"PAY_PER_REQUEST"_s);
    mMain.attribute(u"billing_mode"_s, H::string(billing));
    if (billing == "PROVISIONED"_L1) {
        mMain.attribute(u"read_capacity"_s, H::number(5));
        mMain.attribute(u"write_capacity"_s, H::number(5));
    }
    mMain.attribute(u"hash_key"_s, H::string(mModel.string(node, "partitionKey", u"id"_s)));
    const QString sortKey = mModel.string(node, "sortKey");
    if (!sortKey.isEmpty())
        mMain.attribute(u"range_key"_s, H::string(sortKey));
    const QString stream = mModel.string(node, "stream", u"NONE"_s);
    if (stream != "NONE"_L1) {
        mMain.attribute(u"stream_enabled"_s, H::boolean(true));
        mMain.attribute(u"stream_view_type"_s, H::string(stream));
    }
    // Each key attribute of the table and of its indexes once, as the provider asks.
    const TableKeys keys{mModel.string(node, "partitionKey", u"id"_s), mModel.string(node, "partitionKeyType", u"S"_s),
                         sortKey, mModel.string(node, "sortKeyType", u"S"_s)};
    const Result<QList<TableIndex>> indexes = TableIndex::parse(mModel.string(node, "indexes"), keys);
    if (!indexes)
        mOutput.add(Diagnostic::Severity::Warning, u"export-indexes"_s,
                    TerraformPlugin::tr("%1: the secondary indexes are not exported: %2")
                        .arg(node->name, indexes.error().message),
                    node->id, u"indexes"_s);
    const QList<TableIndex> declared = indexes ? *indexes : QList<TableIndex>();
    QList<std::pair<QString, QString>> attributes{{keys.partitionKey, keys.partitionType}};
    if (!keys.sortKey.isEmpty())
        attributes.append({keys.sortKey, keys.sortType});
    for (const TableIndex &index : declared)
        for (const auto &attribute : {std::pair{index.keys.partitionKey, index.keys.partitionType},
                                      std::pair{index.keys.sortKey, index.keys.sortType}})
            if (!attribute.first.isEmpty() && std::none_of(attributes.cbegin(), attributes.cend(), [&](const auto &a) {
                    return a.first == attribute.first;
                }))
                attributes.append(attribute);
    for (const auto &[key, type] : std::as_const(attributes)) {
        mMain.beginBlock(u"attribute"_s);
        mMain.attribute(u"name"_s, H::string(key));
        mMain.attribute(u"type"_s, H::string(type));
        mMain.endBlock();
    }
    for (const TableIndex &index : declared) {
        mMain.beginBlock(index.local ? u"local_secondary_index"_s : u"global_secondary_index"_s);
        mMain.attribute(u"name"_s, H::string(index.name));
        if (!index.local)
            mMain.attribute(u"hash_key"_s, H::string(index.keys.partitionKey));
        if (!index.keys.sortKey.isEmpty())
            mMain.attribute(u"range_key"_s, H::string(index.keys.sortKey));
        mMain.attribute(u"projection_type"_s, H::string(index.projection));
        if (index.projection == "INCLUDE"_L1) {
            mMain.attribute(u"non_key_attributes"_s, H::stringList(index.nonKeyAttributes));
        }
        if (!index.local && billing == "PROVISIONED"_L1) {
            mMain.attribute(u"read_capacity"_s, H::number(5));
            mMain.attribute(u"write_capacity"_s, H::number(5));
        }
        mMain.endBlock();
    }
    const QString ttl = mModel.string(node, "ttlAttribute");
    if (!ttl.isEmpty()) {
        mMain.beginBlock(u"ttl"_s);
        mMain.attribute(u"attribute_name"_s, H::string(ttl));
        mMain.attribute(u"enabled"_s, H::boolean(true));
        mMain.endBlock();
    }
    mMain.endBlock();
}

void TerraformWriter::writeBucket(const Node *node)
{
    mMain.beginBlock(u"resource"_s, {u"aws_s3_bucket"_s, tfName(node)});
    mMain.attribute(u"bucket"_s, physicalName(node, ExportModel::dnsLabel(node->name)));
    mMain.endBlock();
    if (!mModel.string(node, "filterCriteria").trimmed().isEmpty())
        mOutput.add(
            Diagnostic::Severity::Warning, u"export-filter"_s,
            TerraformPlugin::tr("%1: S3 event notifications have no filter criteria; they are not exported, and "
                                "the functions receive every event the prefix and suffix let through")
                .arg(node->name),
            node->id, u"filterCriteria"_s);
    if (!mModel.boolean(node, "versioning"))
        return;
    mMain.beginBlock(u"resource"_s, {u"aws_s3_bucket_versioning"_s, tfName(node)});
    mMain.attribute(u"bucket"_s, H::expression(reference(node, u"id"_s)));
    mMain.beginBlock(u"versioning_configuration"_s);
    mMain.attribute(u"status"_s, H::string(u"Enabled"_s));
    mMain.endBlock();
    mMain.endBlock();
}

// A bus the design names (the account's default bus is read, not created) and its archive.
void TerraformWriter::writeBus(const Node *bus)
{
    const QString name = tfName(bus);
    const QString busName = EventBus::busName(*bus);
    if (isDefaultBus(bus)) {
        mMain.beginBlock(u"data"_s, {u"aws_cloudwatch_event_bus"_s, name});
        mMain.attribute(u"name"_s, H::string(busName));
        mMain.endBlock();
        if (!mModel.string(bus, "description").isEmpty())
            mOutput.add(Diagnostic::Severity::Info, u"export-default-bus"_s,
                        TerraformPlugin::tr("%1: the account's default bus is not created by this export; its "
                                            "description is not exported")
                            .arg(bus->name),
                        bus->id, u"description"_s);
    } else {
        // The bus's own name property is its name in the cloud: code names the bus by it.
        mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_bus"_s, name});
        mMain.attribute(u"name"_s, H::string(busName));
        const QString description = mModel.string(bus, "description");
        if (!description.isEmpty())
            mMain.attribute(u"description"_s, H::string(description));
        mMain.endBlock();
    }
    if (!mModel.boolean(bus, "archive"))
        return;
    // An archive's name: at most 48 of letters, digits, '.', '-' and '_'.
    QString archive = busName + "-archive"_L1;
    archive.replace(QRegularExpression(u"[^A-Za-z0-9._-]"_s), u"-"_s);
    mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_archive"_s, name});
    mMain.attribute(u"name"_s, H::string(archive.right(48)));
    mMain.attribute(u"event_source_arn"_s, H::expression(reference(bus, u"arn"_s)));
    const QJsonValue retention = setting(bus, u"archiveRetention"_s);
    mMain.attribute(u"retention_days"_s, H::number(retention.isDouble() ? retention.toInt() : 0));
    const QString pattern = mModel.string(bus, "archivePattern");
    if (!pattern.trimmed().isEmpty()) {
        if (const std::optional<H> encoded = encodedJson(pattern))
            mMain.attribute(u"event_pattern"_s, *encoded);
        else
            mOutput.add(
                Diagnostic::Severity::Warning, u"export-pattern"_s,
                TerraformPlugin::tr("%1: the archive pattern is not a JSON object; the archive keeps every event")
                    .arg(bus->name),
                bus->id, u"archivePattern"_s);
    }
    mMain.endBlock();
}

// The function's zip, its role, the function and what invokes it.
void TerraformWriter::writeFunction(const ExportFunction &f)
{
    const QString name = tfName(f.node);
    // A compiled function is built into build/<name> (again when its sources change)
    // before it is zipped: Terraform deploys what the zip holds.
    const std::optional<Aws::BuildStep> build = Aws::buildStep(f);
    if (build) {
        const QString folder = u"${path.module}/"_s + H::literal(f.source);
        mMain.beginBlock(u"resource"_s, {u"terraform_data"_s, name + "_build"_L1});
        mMain.attribute(u"triggers_replace"_s,
                        H::expression(u"sha1(join(\"\", [for f in sort(fileset(%1, %2)) : filesha1(%3)]))"_s.arg(
                            QString::fromUtf8(H::templateString(folder).write(0)),
                            QString::fromUtf8(H::string(build->sources).write(0)),
                            QString::fromUtf8(H::templateString(folder + u"/${f}"_s).write(0)))));
        mMain.beginBlock(u"provisioner"_s, {u"local-exec"_s});
        mMain.attribute(u"working_dir"_s, H::templateString(folder));
        mMain.attribute(u"command"_s, H::string(u"rm -rf \"$OUT\" && mkdir -p \"$OUT\" && "_s + build->command));
        mMain.attribute(
            u"environment"_s,
            H::object({{u"OUT"_s, H::templateString(u"${abspath(path.module)}/build/"_s + H::literal(f.node->name))}}));
        mMain.endBlock();
        mMain.endBlock();
        mOutput.add(Diagnostic::Severity::Info, u"export-build"_s,
                    TerraformPlugin::tr("%1: terraform apply builds it with %2 in its folder first "
                                        "(terraform_data.%3_build); the machine that applies needs %2")
                        .arg(f.node->name, build->tool, name),
                    f.node->id);
    }
    mMain.beginBlock(u"data"_s, {u"archive_file"_s, name});
    mMain.attribute(u"type"_s, H::string(u"zip"_s));
    mMain.attribute(u"source_dir"_s, H::templateString(build ? u"${path.module}/build/"_s + H::literal(f.node->name)
                                                             : u"${path.module}/"_s + H::literal(f.source)));
    mMain.attribute(u"output_path"_s,
                    H::templateString(u"${path.module}/build/%1.zip"_s.arg(H::literal(f.node->name))));
    if (build)
        mMain.attribute(u"depends_on"_s, H::list({H::expression(u"terraform_data.%1_build"_s.arg(name))}));
    mMain.endBlock();

    writeRole(f);

    mMain.beginBlock(u"resource"_s, {u"aws_lambda_function"_s, name});
    mMain.attribute(u"function_name"_s, prefixedName(H::literal(f.node->name)));
    mMain.attribute(u"role"_s, H::expression(u"aws_iam_role.%1.arn"_s.arg(name)));
    mMain.attribute(u"handler"_s, H::string(f.goSource ? u"bootstrap"_s : f.handler));
    mMain.attribute(u"runtime"_s, H::string(f.runtime));
    mMain.attribute(u"architectures"_s, H::stringList({Aws::lambdaArchitecture(f.architecture)}));
    mMain.attribute(u"memory_size"_s, H::number(f.memory));
    mMain.attribute(u"timeout"_s, H::number(f.timeout));
    if (!f.description.isEmpty())
        mMain.attribute(u"description"_s, H::string(f.description));
    if (f.reservedConcurrency)
        mMain.attribute(u"reserved_concurrent_executions"_s, H::number(*f.reservedConcurrency));
    mMain.attribute(u"filename"_s, H::expression(u"data.archive_file.%1.output_path"_s.arg(name)));
    mMain.attribute(u"source_code_hash"_s, H::expression(u"data.archive_file.%1.output_base64sha256"_s.arg(name)));
    if (const QList<const Node *> layers = Aws::layersOf(mModel, f); !layers.isEmpty()) {
        QList<H> arns;
        for (const Node *layer : layers)
            arns.append(H::expression(u"aws_lambda_layer_version.%1.arn"_s.arg(tfName(layer))));
        mMain.attribute(u"layers"_s, H::list(arns));
    }
    if (!f.environment.isEmpty() || !Aws::Workflows::machineVariables(f).isEmpty()) {
        const QList<QPair<QString, H>> vars = environment(f);
        mMain.beginBlock(u"environment"_s);
        mMain.attribute(u"variables"_s, H::object(vars));
        mMain.endBlock();
    }
    mMain.endBlock();
    if (const std::optional<Aws::FunctionUrlSettings> url = Aws::functionUrl(f)) {
        mMain.beginBlock(u"resource"_s, {u"aws_lambda_function_url"_s, name});
        mMain.attribute(u"function_name"_s, H::expression(u"aws_lambda_function.%1.function_name"_s.arg(name)));
        mMain.attribute(u"authorization_type"_s, H::string(url->authType));
        mMain.attribute(u"invoke_mode"_s, H::string(url->invokeMode));
        if (!url->origins.isEmpty()) {
            mMain.beginBlock(u"cors"_s);
            mMain.attribute(u"allow_origins"_s, H::stringList(url->origins));
            mMain.endBlock();
        }
        mMain.endBlock();
    }
    writeInvokeConfig(f);

    for (const Node *trigger : f.triggers)
        writeTrigger(f, trigger);
}

// The layer's zip and its version; functions list its ARN in their layers.
void TerraformWriter::writeLayer(const Aws::ExportLayer &layer)
{
    const QString name = tfName(layer.node);
    mMain.beginBlock(u"data"_s, {u"archive_file"_s, name});
    mMain.attribute(u"type"_s, H::string(u"zip"_s));
    mMain.attribute(u"source_dir"_s, H::templateString(u"${path.module}/"_s + H::literal(layer.folder)));
    mMain.attribute(u"output_path"_s,
                    H::templateString(u"${path.module}/build/%1.zip"_s.arg(H::literal(layer.node->name))));
    mMain.endBlock();

    mMain.beginBlock(u"resource"_s, {u"aws_lambda_layer_version"_s, name});
    mMain.attribute(u"layer_name"_s, prefixedName(H::literal(layer.name)));
    mMain.attribute(u"filename"_s, H::expression(u"data.archive_file.%1.output_path"_s.arg(name)));
    mMain.attribute(u"source_code_hash"_s, H::expression(u"data.archive_file.%1.output_base64sha256"_s.arg(name)));
    if (!layer.runtimes.isEmpty())
        mMain.attribute(u"compatible_runtimes"_s, H::stringList(layer.runtimes));
    if (!layer.architecture.isEmpty())
        mMain.attribute(u"compatible_architectures"_s, H::stringList({layer.architecture}));
    if (!layer.description.isEmpty())
        mMain.attribute(u"description"_s, H::string(layer.description));
    if (!layer.license.isEmpty())
        mMain.attribute(u"license_info"_s, H::string(layer.license));
    mMain.endBlock();
}

// How Lambda handles the function's asynchronous invocations: retries, the oldest event
// it still runs, and where it sends a record of each (on-success and on-failure edges).
void TerraformWriter::writeInvokeConfig(const ExportFunction &f)
{
    const QList<const Node *> onSuccess = mRouting.destinations(f.node, u"on-success"_s);
    const QList<const Node *> onFailure = mRouting.destinations(f.node, u"on-failure"_s);
    if (onSuccess.isEmpty() && onFailure.isEmpty() && !mRouting.isSet(f.node, u"maximumRetryAttempts"_s)
        && !mRouting.isSet(f.node, u"maximumEventAge"_s))
        return;
    const QString name = tfName(f.node);
    mMain.beginBlock(u"resource"_s, {u"aws_lambda_function_event_invoke_config"_s, name});
    mMain.attribute(u"function_name"_s, H::expression(u"aws_lambda_function.%1.function_name"_s.arg(name)));
    mMain.attribute(u"maximum_retry_attempts"_s, H::number(settingInt(f.node, u"maximumRetryAttempts"_s)));
    mMain.attribute(u"maximum_event_age_in_seconds"_s, H::number(settingInt(f.node, u"maximumEventAge"_s)));
    if (!onSuccess.isEmpty() || !onFailure.isEmpty()) {
        mMain.beginBlock(u"destination_config"_s);
        for (const auto &[block, list] : {std::pair{"on_success", &onSuccess}, std::pair{"on_failure", &onFailure}}) {
            if (list->isEmpty())
                continue;
            mMain.beginBlock(QLatin1String(block));
            mMain.attribute(u"destination"_s, H::expression(reference(list->first(), u"arn"_s)));
            mMain.endBlock();
            // Lambda's documentation: records go to standard queues and topics only.
            if (mModel.boolean(list->first(), "fifo"))
                mOutput.add(Diagnostic::Severity::Warning, u"export-destination"_s,
                            TerraformPlugin::tr("%1: Lambda sends invocation records to standard queues and topics "
                                                "only; the FIFO %2 would never receive them")
                                .arg(f.node->name, list->first()->name),
                            f.node->id);
            // Lambda takes one destination of each kind.
            for (const Node *other : list->mid(1))
                mOutput.add(Diagnostic::Severity::Warning, u"export-destination"_s,
                            TerraformPlugin::tr("%1: Lambda takes one %2 destination; %3 is written, %4 is not")
                                .arg(f.node->name, QString::fromLatin1(block).replace('_'_L1, '-'_L1),
                                     list->first()->name, other->name),
                            f.node->id);
        }
        mMain.endBlock();
    }
    mMain.endBlock();
}

// Lambda may assume the role, write logs, and do what the function's connections need.
void TerraformWriter::writeRole(const ExportFunction &f)
{
    const QString name = tfName(f.node);
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role"_s, name});
    mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(f.node->name)));
    const H principal = H::object({{u"Service"_s, H::string(u"lambda.amazonaws.com"_s)}});
    mMain.attribute(u"assume_role_policy"_s,
                    jsonEncode(H::object(
                        {{u"Version"_s, H::string(u"2012-10-17"_s)},
                         {u"Statement"_s, H::list({H::object({{u"Effect"_s, H::string(u"Allow"_s)},
                                                              {u"Principal"_s, principal},
                                                              {u"Action"_s, H::string(u"sts:AssumeRole"_s)}})})}})));
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role_policy_attachment"_s, name + "_logs"_L1});
    mMain.attribute(u"role"_s, H::expression(u"aws_iam_role.%1.name"_s.arg(name)));
    mMain.attribute(u"policy_arn"_s, H::string(u"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"_s));
    mMain.endBlock();

    const QList<Aws::IamStatement> statements = Aws::iamStatements(f);
    if (statements.isEmpty())
        return;
    QList<H> list;
    for (const Aws::IamStatement &s : statements) {
        const QString attribute = s.attribute == "StreamArn"_L1 ? u"stream_arn"_s : u"arn"_s;
        const QString ref = reference(s.service, attribute);
        list.append(
            H::object({{u"Effect"_s, H::string(u"Allow"_s)},
                       {u"Action"_s, H::stringList(s.actions)},
                       {u"Resource"_s, s.suffix.isEmpty() ? H::expression(ref)
                                                          : H::templateString(u"${%1}%2"_s.arg(ref, s.suffix))}}));
    }
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role_policy"_s, name});
    mMain.attribute(u"name"_s, H::string(u"access"_s));
    mMain.attribute(u"role"_s, H::expression(u"aws_iam_role.%1.id"_s.arg(name)));
    mMain.attribute(u"policy"_s, jsonEncode(H::object(
                                     {{u"Version"_s, H::string(u"2012-10-17"_s)}, {u"Statement"_s, H::list(list)}})));
    mMain.endBlock();
}

// The function's variables; a secret becomes a sensitive variable of variables.tf.
QList<QPair<QString, H>> TerraformWriter::environment(const ExportFunction &f)
{
    QList<QPair<QString, H>> vars;
    for (const EnvironmentVariable &var : f.environment) {
        if (!var.secret) {
            vars.append({var.name, environmentValue(f, var)});
            continue;
        }
        const QString variable = ExportModel::snakeCase(f.node->name + '_'_L1 + var.name);
        vars.append({var.name, H::expression(u"var."_s + variable)});
        beginVariable(variable, u"Secret %1 of the function %2"_s.arg(var.name, f.node->name));
        mVariables.attribute(u"sensitive"_s, H::boolean(true));
        mVariables.endBlock();
    }
    for (const auto &[name, machine] : Aws::Workflows::machineVariables(f))
        vars.append({name, H::expression(reference(machine, u"arn"_s))});
    return vars;
}

// A value naming a connected service (its canvas name, or an ARN ending in it) refers to
// the deployed resource, whose name carries the prefix.
H TerraformWriter::environmentValue(const ExportFunction &f, const EnvironmentVariable &var) const
{
    H value = H::string(var.value);
    QList<const Node *> related;
    for (const FunctionAccess &a : f.accesses)
        related.append(a.service);
    related.append(f.triggers);
    for (const Node *service : std::as_const(related)) {
        if (service->kind == Kinds::HttpRoute || service->kind == Kinds::Schedule)
            continue;
        if (var.value == service->name)
            value = H::expression(reference(service, service->kind == Kinds::Bucket     ? u"bucket"_s
                                                     : service->kind == Kinds::Function ? u"function_name"_s
                                                                                        : u"name"_s));
        else if (var.value.startsWith("arn:"_L1) && var.value.endsWith(':'_L1 + service->name))
            value = H::expression(reference(service, u"arn"_s));
    }
    return value;
}

void TerraformWriter::writeTrigger(const ExportFunction &f, const Node *trigger)
{
    const QString name = tfName(f.node);
    const QString link = name + '_'_L1 + tfName(trigger);
    if (trigger->kind == Kinds::Queue || trigger->kind == Kinds::Table) {
        const bool table = trigger->kind == Kinds::Table;
        mMain.beginBlock(u"resource"_s, {u"aws_lambda_event_source_mapping"_s, link});
        mMain.attribute(u"event_source_arn"_s, H::expression(reference(trigger, table ? u"stream_arn"_s : u"arn"_s)));
        mMain.attribute(u"function_name"_s, H::expression(u"aws_lambda_function.%1.arn"_s.arg(name)));
        writeEventSourceSettings(f, trigger);
        mMain.endBlock();
    } else if (trigger->kind == Kinds::Topic && mModel.boolean(trigger, "fifo")) {
        mOutput.add(Diagnostic::Severity::Warning, u"export-fifo"_s,
                    TerraformPlugin::tr("%1: a FIFO topic delivers to SQS queues only; the subscription of %2 is not "
                                        "exported")
                        .arg(trigger->name, f.node->name),
                    trigger->id, u"fifo"_s);
    } else if (trigger->kind == Kinds::Topic) {
        mMain.beginBlock(u"resource"_s, {u"aws_sns_topic_subscription"_s, link});
        mMain.attribute(u"topic_arn"_s, H::expression(reference(trigger, u"arn"_s)));
        mMain.attribute(u"protocol"_s, H::string(u"lambda"_s));
        mMain.attribute(u"endpoint"_s, H::expression(u"aws_lambda_function.%1.arn"_s.arg(name)));
        writeFilterPolicy(Aws::subscriptionOf(mModel, trigger, f.node));
        mMain.endBlock();
        writePermission(link, name, u"sns.amazonaws.com"_s, reference(trigger, u"arn"_s));
    } else if (trigger->kind == Kinds::Bucket) {
        writePermission(link, name, u"s3.amazonaws.com"_s, reference(trigger, u"arn"_s));
    } else if (trigger->kind == Kinds::Schedule) {
        writeSchedule(link, name, trigger);
    } else if (trigger->kind == Kinds::HttpRoute) {
        writeRoute(link, name, trigger);
    } else {
        ProviderPlugin::reportUnsupportedTrigger(
            trigger, mOutput,
            TerraformPlugin::tr("%1 (%2) cannot invoke a function in this export; it is not exported"));
    }
}

// The settings of a queue's or a table stream's event source mapping, in the order of the
// provider's documentation; what Lambda leaves at its default is not written.
void TerraformWriter::writeEventSourceSettings(const ExportFunction &f, const Node *trigger)
{
    const bool table = trigger->kind == Kinds::Table;
    const bool fifo = !table && mModel.boolean(trigger, "fifo");
    mMain.attribute(u"batch_size"_s, H::number(settingInt(trigger, u"batchSize"_s)));
    if (const int window = settingInt(trigger, u"batchingWindow"_s); window > 0 && !fifo)
        mMain.attribute(u"maximum_batching_window_in_seconds"_s, H::number(window));
    else if (window > 0)
        mOutput.add(Diagnostic::Severity::Warning, u"export-fifo"_s,
                    TerraformPlugin::tr("%1: Lambda has no batching window for FIFO queues; the window of %2 s is not "
                                        "exported")
                        .arg(trigger->name)
                        .arg(window),
                    trigger->id, u"batchingWindow"_s);
    if (table) {
        mMain.attribute(u"starting_position"_s, H::string(setting(trigger, u"startingPosition"_s).toString()));
        if (setting(trigger, u"bisectOnError"_s).toBool())
            mMain.attribute(u"bisect_batch_on_function_error"_s, H::boolean(true));
        if (const QJsonValue retries = setting(trigger, u"maximumRetryAttempts"_s); retries.isDouble())
            mMain.attribute(u"maximum_retry_attempts"_s, H::number(retries.toInt()));
        if (const QJsonValue age = setting(trigger, u"maximumRecordAge"_s); age.isDouble())
            mMain.attribute(u"maximum_record_age_in_seconds"_s, H::number(age.toInt()));
    }
    if (setting(trigger, u"reportBatchItemFailures"_s).toBool())
        mMain.attribute(u"function_response_types"_s, H::stringList({u"ReportBatchItemFailures"_s}));
    writeFilterCriteria(trigger);
    if (!table) {
        if (const QJsonValue concurrency = setting(trigger, u"maxConcurrency"_s); concurrency.isDouble()) {
            mMain.beginBlock(u"scaling_config"_s);
            mMain.attribute(u"maximum_concurrency"_s, H::number(concurrency.toInt()));
            mMain.endBlock();
        }
        return;
    }
    // A stream's records that fail every retry go to the function's on-failure destination,
    // which a stream's mapping takes when it is a queue or a topic.
    const QList<const Node *> onFailure = mRouting.destinations(f.node, u"on-failure"_s);
    if (onFailure.isEmpty())
        return;
    const Node *destination = onFailure.first();
    if (destination->kind != Kinds::Queue && destination->kind != Kinds::Topic) {
        mOutput.add(Diagnostic::Severity::Warning, u"export-destination"_s,
                    TerraformPlugin::tr("%1: a stream's failed records go to a queue or a topic only; the stream of %2 "
                                        "has no on-failure destination")
                        .arg(f.node->name, trigger->name),
                    f.node->id);
        return;
    }
    mMain.beginBlock(u"destination_config"_s);
    mMain.beginBlock(u"on_failure"_s);
    mMain.attribute(u"destination_arn"_s, H::expression(reference(destination, u"arn"_s)));
    mMain.endBlock();
    mMain.endBlock();
}

// filter_criteria: one filter block per pattern of the trigger's filterCriteria.
void TerraformWriter::writeFilterCriteria(const Node *trigger)
{
    const QString criteria = mModel.string(trigger, "filterCriteria");
    const std::optional<QStringList> patterns = EventRouting::filterPatterns(criteria);
    if (!patterns) {
        mOutput.add(Diagnostic::Severity::Warning, u"export-filter"_s,
                    TerraformPlugin::tr("%1: the filter criteria are not JSON patterns; they are not exported")
                        .arg(trigger->name),
                    trigger->id, u"filterCriteria"_s);
        return;
    }
    if (patterns->isEmpty())
        return;
    mMain.beginBlock(u"filter_criteria"_s);
    for (const QString &pattern : *patterns) {
        mMain.beginBlock(u"filter"_s);
        mMain.attribute(u"pattern"_s, *encodedJson(pattern, 3)); // resource > filter_criteria > filter
        mMain.endBlock();
    }
    mMain.endBlock();
}

void TerraformWriter::writeSchedule(const QString &link, const QString &function, const Node *schedule)
{
    mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_rule"_s, link});
    mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(schedule->name)));
    mMain.attribute(u"schedule_expression"_s, H::string(mModel.string(schedule, "expression")));
    const QString description = mModel.string(schedule, "description");
    if (!description.isEmpty())
        mMain.attribute(u"description"_s, H::string(description));
    mMain.attribute(u"state"_s, H::string(mModel.boolean(schedule, "enabled", true) ? u"ENABLED"_s : u"DISABLED"_s));
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_target"_s, link});
    mMain.attribute(u"rule"_s, H::expression(u"aws_cloudwatch_event_rule.%1.name"_s.arg(link)));
    mMain.attribute(u"arn"_s, H::expression(u"aws_lambda_function.%1.arn"_s.arg(function)));
    mMain.endBlock();
    writePermission(link, function, u"events.amazonaws.com"_s, u"aws_cloudwatch_event_rule.%1.arn"_s.arg(link));
}

void TerraformWriter::writeRoute(const QString &link, const QString &function, const Node *route)
{
    mRoutes.append(route);
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_integration"_s, link});
    mMain.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.http.id"_s));
    mMain.attribute(u"integration_type"_s, H::string(u"AWS_PROXY"_s));
    mMain.attribute(u"integration_uri"_s, H::expression(u"aws_lambda_function.%1.invoke_arn"_s.arg(function)));
    mMain.attribute(u"payload_format_version"_s, H::string(mModel.string(route, "payloadFormat", u"2.0"_s)));
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_route"_s, link});
    mMain.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.http.id"_s));
    mMain.attribute(u"route_key"_s, H::string(mModel.string(route, "method", u"GET"_s) + ' '_L1
                                              + mModel.string(route, "path", u"/"_s)));
    mMain.attribute(u"target"_s, H::templateString(u"integrations/${aws_apigatewayv2_integration.%1.id}"_s.arg(link)));
    writeRouteAuthorization(route);
    mMain.endBlock();
    writePermission(link, function, u"apigateway.amazonaws.com"_s, u"${aws_apigatewayv2_api.http.execution_arn}/*/*"_s);
}

void TerraformWriter::writeRouteAuthorization(const Node *route)
{
    if (const ApiAuthorizer *authorizer = mAuth.authorizer(route)) {
        const bool custom = authorizer->type == ApiAuthorizer::Type::Function;
        mMain.attribute(u"authorization_type"_s, H::string(custom ? u"CUSTOM"_s : u"JWT"_s));
        mMain.attribute(u"authorizer_id"_s, H::expression(u"aws_apigatewayv2_authorizer.%1.id"_s.arg(
                                                ExportModel::snakeCase(authorizer->name))));
        if (const QStringList scopes = RouteAuthorization::scopes(route); !custom && !scopes.isEmpty())
            mMain.attribute(u"authorization_scopes"_s, H::stringList(scopes));
    }
}

void TerraformWriter::addMachineRoutes(const ExportWorkflow &w)
{
    for (const Node *starter : w.starters)
        if (starter->kind == Kinds::HttpRoute && !mRoutes.contains(starter))
            mRoutes.append(starter);
}

// API Gateway's first-class Step Functions integration: the request's body starts an
// execution, under a role allowed states:StartExecution on this machine only.
void TerraformWriter::writeMachineRoute(const QString &link, const QString &machineArn, const Node *route)
{
    writeServiceRole(link, u"apigateway.amazonaws.com"_s,
                     {allowStatement({u"states:StartExecution"_s}, H::expression(machineArn))});
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_integration"_s, link});
    mMain.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.http.id"_s));
    mMain.attribute(u"integration_type"_s, H::string(u"AWS_PROXY"_s));
    mMain.attribute(u"integration_subtype"_s, H::string(u"StepFunctions-StartExecution"_s));
    mMain.attribute(u"credentials_arn"_s, H::expression(u"aws_iam_role.%1.arn"_s.arg(link)));
    mMain.attribute(u"payload_format_version"_s, H::string(u"1.0"_s));
    mMain.attribute(u"request_parameters"_s, H::object({{u"StateMachineArn"_s, H::expression(machineArn)},
                                                        {u"Input"_s, H::string(u"$request.body"_s)}}));
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_route"_s, link});
    mMain.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.http.id"_s));
    mMain.attribute(u"route_key"_s, H::string(mModel.string(route, "method", u"GET"_s) + ' '_L1
                                              + mModel.string(route, "path", u"/"_s)));
    mMain.attribute(u"target"_s, H::templateString(u"integrations/${aws_apigatewayv2_integration.%1.id}"_s.arg(link)));
    writeRouteAuthorization(route);
    mMain.endBlock();
}

// Lets a service invoke the function; sourceArn is a reference, or a template when it
// holds an interpolation.
void TerraformWriter::writePermission(const QString &link, const QString &function, const QString &principal,
                                      const QString &sourceArn)
{
    mMain.beginBlock(u"resource"_s, {u"aws_lambda_permission"_s, link});
    mMain.attribute(u"action"_s, H::string(u"lambda:InvokeFunction"_s));
    mMain.attribute(u"function_name"_s, H::expression(u"aws_lambda_function.%1.function_name"_s.arg(function)));
    mMain.attribute(u"principal"_s, H::string(principal));
    mMain.attribute(u"source_arn"_s,
                    sourceArn.contains("${"_L1) ? H::templateString(sourceArn) : H::expression(sourceArn));
    mMain.endBlock();
}

// One notification configuration per bucket, listing every function it invokes.
void TerraformWriter::writeBucketNotification(const Node *bucket)
{
    const QList<const Node *> consumers = mModel.consumers(bucket);
    if (consumers.isEmpty())
        return;
    mMain.beginBlock(u"resource"_s, {u"aws_s3_bucket_notification"_s, tfName(bucket)});
    mMain.attribute(u"bucket"_s, H::expression(reference(bucket, u"id"_s)));
    const QString events = mModel.string(bucket, "events");
    QStringList eventList;
    if (events != "ObjectRemoved"_L1)
        eventList.append(u"s3:ObjectCreated:*"_s);
    if (events != "ObjectCreated"_L1)
        eventList.append(u"s3:ObjectRemoved:*"_s);
    QList<H> depends;
    for (const Node *consumer : consumers) {
        mMain.beginBlock(u"lambda_function"_s);
        mMain.attribute(u"lambda_function_arn"_s, H::expression(u"aws_lambda_function.%1.arn"_s.arg(tfName(consumer))));
        mMain.attribute(u"events"_s, H::stringList(eventList));
        const QString prefix = mModel.string(bucket, "prefix");
        const QString suffix = mModel.string(bucket, "suffix");
        if (!prefix.isEmpty())
            mMain.attribute(u"filter_prefix"_s, H::string(prefix));
        if (!suffix.isEmpty())
            mMain.attribute(u"filter_suffix"_s, H::string(suffix));
        mMain.endBlock();
        depends.append(H::expression(u"aws_lambda_permission.%1_%2"_s.arg(tfName(consumer), tfName(bucket))));
    }
    mMain.attribute(u"depends_on"_s, H::list(depends));
    mMain.endBlock();
}

// The rule on each bus that routes to it (an EventBridge rule is on one bus), with a
// target per connection and what lets each target receive from it.
void TerraformWriter::writeRule(const Node *rule)
{
    const QList<const Node *> buses = mRouting.buses(rule);
    if (buses.isEmpty()) {
        mOutput.add(Diagnostic::Severity::Warning, u"export-unconnected"_s,
                    TerraformPlugin::tr("%1: no bus routes events to it; it is not exported").arg(rule->name),
                    rule->id);
        return;
    }
    const std::optional<H> pattern = encodedJson(setting(rule, u"pattern"_s).toString());
    if (!pattern) {
        mOutput.add(
            Diagnostic::Severity::Warning, u"export-pattern"_s,
            TerraformPlugin::tr("%1: the event pattern is not a JSON object; the rule is not exported").arg(rule->name),
            rule->id, u"pattern"_s);
        return;
    }
    const QList<const Node *> targets = mRouting.targets(rule);
    if (targets.isEmpty())
        mOutput.add(Diagnostic::Severity::Info, u"export-unconnected"_s,
                    TerraformPlugin::tr("%1 has no target; it is written without one").arg(rule->name), rule->id);
    for (const Node *bus : buses) {
        const QString label = buses.size() == 1 ? tfName(rule) : tfName(rule) + '_'_L1 + tfName(bus);
        mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_rule"_s, label});
        mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(rule->name)));
        mMain.attribute(u"event_bus_name"_s, H::expression(reference(bus, u"name"_s)));
        mMain.attribute(u"event_pattern"_s, *pattern);
        const QString description = mModel.string(rule, "description");
        if (!description.isEmpty())
            mMain.attribute(u"description"_s, H::string(description));
        mMain.attribute(u"state"_s, H::string(setting(rule, u"enabled"_s).toBool() ? u"ENABLED"_s : u"DISABLED"_s));
        mMain.endBlock();
        QList<const Node *> busTargets;
        for (const Node *target : targets) {
            writeRuleTarget(rule, label, bus, target);
            if (target->kind == Kinds::EventBus)
                busTargets.append(target);
        }
        if (!busTargets.isEmpty())
            writeBusRole(label, busTargets);
    }
}

// One target of the rule: what it receives (the rule's input), its retries and dead-letter
// queue, and the permission that lets EventBridge deliver to a function.
void TerraformWriter::writeRuleTarget(const Node *rule, const QString &label, const Node *bus, const Node *target)
{
    const QString link = label + '_'_L1 + tfName(target);
    mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_target"_s, link});
    mMain.attribute(u"rule"_s, H::expression(u"aws_cloudwatch_event_rule.%1.name"_s.arg(label)));
    mMain.attribute(u"event_bus_name"_s, H::expression(reference(bus, u"name"_s)));
    mMain.attribute(u"target_id"_s, H::string(ExportModel::dnsLabel(target->name)));
    mMain.attribute(u"arn"_s, H::expression(reference(target, u"arn"_s)));
    // EventBridge puts events on another bus with a role of the rule's, and starts a
    // machine with the machine's.
    if (target->kind == Kinds::EventBus)
        mMain.attribute(u"role_arn"_s, H::expression(u"aws_iam_role.%1_events.arn"_s.arg(label)));
    else if (target->kind == Kinds::StateMachine)
        mMain.attribute(u"role_arn"_s, H::expression(u"aws_iam_role.%1_events.arn"_s.arg(tfName(target))));
    const Result<RuleInput> input = RuleInput::fromRule(rule->properties);
    if (!input) {
        mOutput.add(
            Diagnostic::Severity::Warning, u"export-rule-input"_s,
            TerraformPlugin::tr("%1: %2; the targets receive the matched event").arg(rule->name, input.errorMessage()),
            rule->id, u"inputMode"_s);
    } else if (input->mode == RuleInput::Mode::Constant) {
        mMain.attribute(u"input"_s, H::string(QString::fromUtf8(input->constant)));
    } else if (input->mode == RuleInput::Mode::Path) {
        mMain.attribute(u"input_path"_s, H::string(input->path));
    } else if (input->mode == RuleInput::Mode::Transformer) {
        QList<QPair<QString, H>> paths;
        for (const auto &[name, path] : input->paths)
            paths.append({name, H::string(path)});
        mMain.beginBlock(u"input_transformer"_s);
        mMain.attribute(u"input_paths"_s, H::object(paths));
        mMain.attribute(u"input_template"_s, H::string(input->inputTemplate));
        mMain.endBlock();
    }
    // A FIFO queue takes each message in a group: the rule's events are one group, in order.
    if (target->kind == Kinds::Queue && mModel.boolean(target, "fifo")) {
        mMain.beginBlock(u"sqs_target"_s);
        mMain.attribute(u"message_group_id"_s, H::string(rule->name));
        mMain.endBlock();
    }
    mMain.beginBlock(u"retry_policy"_s);
    mMain.attribute(u"maximum_event_age_in_seconds"_s, H::number(settingInt(rule, u"maximumEventAge"_s)));
    mMain.attribute(u"maximum_retry_attempts"_s, H::number(settingInt(rule, u"maximumRetryAttempts"_s)));
    mMain.endBlock();
    const Node *deadLetters = mRouting.deadLetterQueue(rule);
    if (deadLetters) {
        mMain.beginBlock(u"dead_letter_config"_s);
        mMain.attribute(u"arn"_s, H::expression(reference(deadLetters, u"arn"_s)));
        mMain.endBlock();
    }
    mMain.endBlock();

    if (target->kind == Kinds::Function)
        writePermission(link, tfName(target), u"events.amazonaws.com"_s,
                        u"aws_cloudwatch_event_rule.%1.arn"_s.arg(label));
    for (const Node *receiver : {target, deadLetters}) {
        if (!receiver || (receiver->kind != Kinds::Queue && receiver->kind != Kinds::Topic))
            continue;
        QStringList &senders = mSenders[receiver->name];
        if (!senders.contains(label))
            senders.append(label);
    }
}

// The role with which the rule's targets that are buses receive its events.
void TerraformWriter::writeBusRole(const QString &label, const QList<const Node *> &buses)
{
    const QString role = label + "_events"_L1;
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role"_s, role});
    mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(role)));
    const H principal = H::object({{u"Service"_s, H::string(u"events.amazonaws.com"_s)}});
    mMain.attribute(u"assume_role_policy"_s,
                    jsonEncode(H::object(
                        {{u"Version"_s, H::string(u"2012-10-17"_s)},
                         {u"Statement"_s, H::list({H::object({{u"Effect"_s, H::string(u"Allow"_s)},
                                                              {u"Principal"_s, principal},
                                                              {u"Action"_s, H::string(u"sts:AssumeRole"_s)}})})}})));
    mMain.endBlock();
    QList<H> arns;
    for (const Node *bus : buses)
        arns.append(H::expression(reference(bus, u"arn"_s)));
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role_policy"_s, role});
    mMain.attribute(u"name"_s, H::string(u"put-events"_s));
    mMain.attribute(u"role"_s, H::expression(u"aws_iam_role.%1.id"_s.arg(role)));
    mMain.attribute(u"policy"_s,
                    jsonEncode(H::object(
                        {{u"Version"_s, H::string(u"2012-10-17"_s)},
                         {u"Statement"_s, H::list({H::object({{u"Effect"_s, H::string(u"Allow"_s)},
                                                              {u"Action"_s, H::stringList({u"events:PutEvents"_s})},
                                                              {u"Resource"_s, H::list(arns)}})})}})));
    mMain.endBlock();
}

void TerraformWriter::writeFilterPolicy(const Aws::Subscription &subscription)
{
    if (subscription.filterPolicy.isEmpty())
        return;
    const QJsonDocument policy = QJsonDocument::fromJson(subscription.filterPolicy.toUtf8());
    if (!policy.isObject()) {
        mOutput.add(Diagnostic::Severity::Warning, u"export-filter-policy"_s,
                    TerraformPlugin::tr("%1 -> %2: the filter policy is not a JSON object; it is not exported, and "
                                        "the subscription gets every message")
                        .arg(subscription.topic->name, subscription.endpoint->name),
                    subscription.topic->id, u"filterPolicy"_s);
        return;
    }
    mMain.attribute(u"filter_policy"_s, jsonEncode(hclOf(policy.object())));
    if (subscription.filterPolicyScope == "MessageBody"_L1)
        mMain.attribute(u"filter_policy_scope"_s, H::string(u"MessageBody"_s));
}

// One policy per queue and topic that rules send to (as targets or dead-letter queues)
// or, for a queue, topics deliver to (the design's subscriptions, written here too):
// EventBridge and SNS may send to it on behalf of those rules and topics only.
void TerraformWriter::writeDeliveryPolicies()
{
    QHash<QString, QList<H>> topicsOf; // queue -> the ARNs of the topics that deliver to it
    for (const Aws::Subscription &subscription : Aws::queueSubscriptions(mModel)) {
        const Node *topic = subscription.topic, *queue = subscription.endpoint;
        mMain.beginBlock(u"resource"_s, {u"aws_sns_topic_subscription"_s, tfName(topic) + '_'_L1 + tfName(queue)});
        mMain.attribute(u"topic_arn"_s, H::expression(reference(topic, u"arn"_s)));
        mMain.attribute(u"protocol"_s, H::string(u"sqs"_s));
        mMain.attribute(u"endpoint"_s, H::expression(reference(queue, u"arn"_s)));
        if (subscription.raw)
            mMain.attribute(u"raw_message_delivery"_s, H::boolean(true));
        writeFilterPolicy(subscription);
        mMain.endBlock();
        topicsOf[queue->name].append(H::expression(reference(topic, u"arn"_s)));
    }
    for (const QLatin1String kind : {Kinds::Queue, Kinds::Topic}) {
        for (const Node *node : mModel.nodesOfKind(kind)) {
            const QStringList senders = mSenders.value(node->name);
            const QList<H> topics = topicsOf.value(node->name);
            if (senders.isEmpty() && topics.isEmpty())
                continue;
            const bool queue = kind == Kinds::Queue;
            auto allow = [&](const QString &service, const QList<H> &sources) {
                return H::object(
                    {{u"Effect"_s, H::string(u"Allow"_s)},
                     {u"Principal"_s, H::object({{u"Service"_s, H::string(service)}})},
                     {u"Action"_s, H::string(queue ? u"sqs:SendMessage"_s : u"sns:Publish"_s)},
                     {u"Resource"_s, H::expression(reference(node, u"arn"_s))},
                     {u"Condition"_s,
                      H::object({{u"ArnEquals"_s, H::object({{u"aws:SourceArn"_s, H::list(sources)}})}})}});
            };
            QList<H> statements;
            if (!senders.isEmpty()) {
                QList<H> rules;
                for (const QString &label : senders)
                    rules.append(H::expression(u"aws_cloudwatch_event_rule.%1.arn"_s.arg(label)));
                statements.append(allow(u"events.amazonaws.com"_s, rules));
            }
            if (!topics.isEmpty())
                statements.append(allow(u"sns.amazonaws.com"_s, topics));
            const H policy = jsonEncode(
                H::object({{u"Version"_s, H::string(u"2012-10-17"_s)}, {u"Statement"_s, H::list(statements)}}));
            mMain.beginBlock(u"resource"_s, {queue ? u"aws_sqs_queue_policy"_s : u"aws_sns_topic_policy"_s,
                                             tfName(node) + (senders.isEmpty() ? "_topics"_L1 : "_events"_L1)});
            if (queue)
                mMain.attribute(u"queue_url"_s, H::expression(reference(node, u"id"_s)));
            else
                mMain.attribute(u"arn"_s, H::expression(reference(node, u"arn"_s)));
            mMain.attribute(u"policy"_s, policy);
            mMain.endBlock();
        }
    }
}

// The HTTP API every route belongs to, with CORS for the methods of routes that ask for it.
void TerraformWriter::writeHttpApi()
{
    if (mRoutes.isEmpty())
        return;
    QStringList corsMethods;
    for (const Node *route : std::as_const(mRoutes))
        if (mModel.boolean(route, "cors") && !corsMethods.contains(mModel.string(route, "method")))
            corsMethods.append(mModel.string(route, "method"));
    corsMethods.sort();
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_api"_s, u"http"_s});
    mMain.attribute(u"name"_s, H::expression(u"var.name_prefix"_s));
    mMain.attribute(u"protocol_type"_s, H::string(u"HTTP"_s));
    if (!corsMethods.isEmpty()) {
        mMain.beginBlock(u"cors_configuration"_s);
        mMain.attribute(u"allow_origins"_s, H::stringList({u"*"_s}));
        mMain.attribute(u"allow_methods"_s, H::stringList(corsMethods));
        mMain.attribute(u"allow_headers"_s, H::stringList({u"*"_s}));
        mMain.endBlock();
    }
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_stage"_s, u"default"_s});
    mMain.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.http.id"_s));
    mMain.attribute(u"name"_s, H::string(u"$default"_s));
    mMain.attribute(u"auto_deploy"_s, H::boolean(true));
    mMain.endBlock();
    mMain.beginBlock(u"output"_s, {u"api_url"_s});
    mMain.attribute(u"value"_s, H::expression(u"aws_apigatewayv2_stage.default.invoke_url"_s));
    mMain.endBlock();
    for (const ApiAuthorizer &authorizer : mAuth.authorizers())
        writeAuthorizer(authorizer);
}

// A JWT authorizer (a user pool's tokens or an issuer's) or a Lambda REQUEST authorizer of
// the HTTP API; a Lambda one with the permission that lets the API invoke it.
void TerraformWriter::writeAuthorizer(const ApiAuthorizer &authorizer)
{
    const QString label = ExportModel::snakeCase(authorizer.name);
    mMain.beginBlock(u"resource"_s, {u"aws_apigatewayv2_authorizer"_s, label});
    mMain.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.http.id"_s));
    mMain.attribute(u"name"_s, H::string(authorizer.name));
    if (authorizer.type == ApiAuthorizer::Type::Function) {
        const QString function = tfName(authorizer.source);
        mMain.attribute(u"authorizer_type"_s, H::string(u"REQUEST"_s));
        mMain.attribute(u"authorizer_uri"_s, H::expression(u"aws_lambda_function.%1.invoke_arn"_s.arg(function)));
        mMain.attribute(u"authorizer_payload_format_version"_s, H::string(u"2.0"_s));
        mMain.attribute(u"enable_simple_responses"_s, H::boolean(authorizer.simpleResponses));
        mMain.attribute(u"authorizer_result_ttl_in_seconds"_s, H::number(authorizer.cacheTtl));
        mMain.attribute(u"identity_sources"_s, H::stringList(authorizer.identitySources));
        mMain.endBlock();
        writePermission(
            label + "_authorizer"_L1, function, u"apigateway.amazonaws.com"_s,
            u"${aws_apigatewayv2_api.http.execution_arn}/authorizers/${aws_apigatewayv2_authorizer.%1.id}"_s.arg(
                label));
        return;
    }
    mMain.attribute(u"authorizer_type"_s, H::string(u"JWT"_s));
    mMain.attribute(u"identity_sources"_s, H::stringList({u"$request.header.Authorization"_s}));
    mMain.beginBlock(u"jwt_configuration"_s);
    if (authorizer.type == ApiAuthorizer::Type::UserPool) {
        const QString pool = tfName(authorizer.source);
        mMain.attribute(u"issuer"_s, H::templateString(u"https://${aws_cognito_user_pool.%1.endpoint}"_s.arg(pool)));
        mMain.attribute(u"audience"_s, H::list({H::expression(u"aws_cognito_user_pool_client.%1.id"_s.arg(pool))}));
    } else {
        mMain.attribute(u"issuer"_s, H::string(authorizer.issuer));
        mMain.attribute(u"audience"_s, H::stringList(authorizer.audiences));
    }
    mMain.endBlock();
    mMain.endBlock();
}

// A user pool, its app client (scopes, token validity), its groups and the resource
// servers of its custom scopes; test users are the local cloud's only.
void TerraformWriter::writeUserPool(const Node *pool)
{
    const QString name = tfName(pool);
    mMain.beginBlock(u"resource"_s, {u"aws_cognito_user_pool"_s, name});
    mMain.attribute(u"name"_s, H::templateString(u"${var.name_prefix}-"_s + HclValue::literal(pool->name)));
    mMain.endBlock();
    static const QStringList cognitoScopes = {u"openid"_s, u"email"_s, u"phone"_s, u"profile"_s,
                                              u"aws.cognito.signin.user.admin"_s};
    QStringList scopes;
    QMap<QString, QStringList> servers;
    for (const QString &scope : setting(pool, u"scopes"_s).toString().split(' '_L1, Qt::SkipEmptyParts)) {
        const qsizetype slash = scope.lastIndexOf('/'_L1);
        if (!cognitoScopes.contains(scope) && (slash <= 0 || slash == scope.size() - 1)) {
            mOutput.add(Diagnostic::Severity::Warning, u"export-scope"_s,
                        TerraformPlugin::tr("%1: Cognito grants the scopes openid, email, phone, profile and "
                                            "aws.cognito.signin.user.admin, and a resource server's (server/scope); "
                                            "the scope %2 is not exported")
                            .arg(pool->name, scope),
                        pool->id, u"scopes"_s);
            continue;
        }
        if (!scopes.contains(scope))
            scopes.append(scope);
        if (!cognitoScopes.contains(scope) && !servers[scope.left(slash)].contains(scope.mid(slash + 1)))
            servers[scope.left(slash)].append(scope.mid(slash + 1));
    }
    QList<HclValue> serverRefs;
    for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
        const QString label = name + '_'_L1 + ExportModel::snakeCase(it.key());
        mMain.beginBlock(u"resource"_s, {u"aws_cognito_resource_server"_s, label});
        mMain.attribute(u"user_pool_id"_s, H::expression(u"aws_cognito_user_pool.%1.id"_s.arg(name)));
        mMain.attribute(u"identifier"_s, H::string(it.key()));
        mMain.attribute(u"name"_s, H::string(it.key()));
        for (const QString &scope : it.value()) {
            mMain.beginBlock(u"scope"_s);
            mMain.attribute(u"scope_name"_s, H::string(scope));
            mMain.attribute(u"scope_description"_s, H::string(scope));
            mMain.endBlock();
        }
        mMain.endBlock();
        serverRefs.append(H::expression(u"aws_cognito_resource_server."_s + label));
    }
    const int validity = setting(pool, u"tokenValidity"_s).toInt();
    mMain.beginBlock(u"resource"_s, {u"aws_cognito_user_pool_client"_s, name});
    mMain.attribute(u"name"_s,
                    H::templateString(u"${var.name_prefix}-"_s + HclValue::literal(pool->name) + "-client"_L1));
    mMain.attribute(u"user_pool_id"_s, H::expression(u"aws_cognito_user_pool.%1.id"_s.arg(name)));
    mMain.attribute(u"generate_secret"_s, H::boolean(false));
    mMain.attribute(u"explicit_auth_flows"_s, H::stringList({u"ALLOW_USER_SRP_AUTH"_s, u"ALLOW_REFRESH_TOKEN_AUTH"_s}));
    mMain.attribute(u"access_token_validity"_s, H::number(validity));
    mMain.attribute(u"id_token_validity"_s, H::number(validity));
    mMain.beginBlock(u"token_validity_units"_s);
    mMain.attribute(u"access_token"_s, H::string(u"minutes"_s));
    mMain.attribute(u"id_token"_s, H::string(u"minutes"_s));
    mMain.endBlock();
    if (!scopes.isEmpty()) {
        // Scopes are granted through the OAuth code flow of the pool's hosted sign-in.
        mMain.attribute(u"allowed_oauth_flows_user_pool_client"_s, H::boolean(true));
        mMain.attribute(u"allowed_oauth_flows"_s, H::stringList({u"code"_s}));
        mMain.attribute(u"allowed_oauth_scopes"_s, H::stringList(scopes));
        // The pool's own (the validator refuses a wrong one; the export writes the default then).
        mMain.attribute(u"callback_urls"_s, H::stringList(userPoolCallbackUrls(*pool).valueOr(
                                                QStringList{QString::fromLatin1(kDefaultCallbackUrl)})));
        mMain.attribute(u"supported_identity_providers"_s, H::stringList({u"COGNITO"_s}));
    }
    if (!serverRefs.isEmpty())
        mMain.attribute(u"depends_on"_s, H::list(serverRefs));
    mMain.endBlock();
    QStringList groups;
    for (const QString &pair : setting(pool, u"groups"_s).toString().split(','_L1, Qt::SkipEmptyParts))
        if (const QString group = pair.section(':'_L1, 1).trimmed(); !group.isEmpty() && !groups.contains(group))
            groups.append(group);
    groups.sort();
    for (const QString &group : std::as_const(groups)) {
        mMain.beginBlock(u"resource"_s, {u"aws_cognito_user_group"_s, name + '_'_L1 + ExportModel::snakeCase(group)});
        mMain.attribute(u"name"_s, H::string(group));
        mMain.attribute(u"user_pool_id"_s, H::expression(u"aws_cognito_user_pool.%1.id"_s.arg(name)));
        mMain.endBlock();
    }
    if (const QString users = setting(pool, u"users"_s).toString().simplified(); !users.isEmpty())
        mOutput.add(
            Diagnostic::Severity::Info, u"export-test-users"_s,
            TerraformPlugin::tr("%1: the test users (%2) sign in to the local cloud only; they are not exported")
                .arg(pool->name, users),
            pool->id, u"users"_s);
}

H allowStatement(const QStringList &actions, const H &resource)
{
    return H::object(
        {{u"Effect"_s, H::string(u"Allow"_s)}, {u"Action"_s, H::stringList(actions)}, {u"Resource"_s, resource}});
}

// A role that service may assume, with one policy of statements.
void TerraformWriter::writeServiceRole(const QString &name, const QString &service, const QList<H> &statements)
{
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role"_s, name});
    mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(name)));
    const H principal = H::object({{u"Service"_s, H::string(service)}});
    mMain.attribute(u"assume_role_policy"_s,
                    jsonEncode(H::object(
                        {{u"Version"_s, H::string(u"2012-10-17"_s)},
                         {u"Statement"_s, H::list({H::object({{u"Effect"_s, H::string(u"Allow"_s)},
                                                              {u"Principal"_s, principal},
                                                              {u"Action"_s, H::string(u"sts:AssumeRole"_s)}})})}})));
    mMain.endBlock();
    mMain.beginBlock(u"resource"_s, {u"aws_iam_role_policy"_s, name});
    mMain.attribute(u"name"_s, H::string(u"access"_s));
    mMain.attribute(u"role"_s, H::expression(u"aws_iam_role.%1.id"_s.arg(name)));
    mMain.attribute(u"policy"_s, jsonEncode(H::object({{u"Version"_s, H::string(u"2012-10-17"_s)},
                                                       {u"Statement"_s, H::list(statements)}})));
    mMain.endBlock();
}

void TerraformWriter::writeStateMachine(const ExportWorkflow &w)
{
    const QString name = tfName(w.node);
    if (w.error.isEmpty())
        mOutput.addFile(w.path, w.text);
    QList<H> statements;
    for (const Aws::IamStatement &s : Aws::Workflows::statements(w))
        statements.append(allowStatement(s.actions, H::expression(reference(s.service, u"arn"_s))));
    const QString level = mModel.string(w.node, "loggingLevel", u"OFF"_s);
    if (level != "OFF"_L1) {
        mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_log_group"_s, name + "_logs"_L1});
        mMain.attribute(u"name"_s,
                        H::templateString(u"/aws/vendedlogs/states/${var.name_prefix}-"_s + HclValue::literal(w.name)));
        mMain.attribute(u"retention_in_days"_s, H::number(30));
        mMain.endBlock();
        statements.append(
            allowStatement({u"logs:CreateLogDelivery"_s, u"logs:GetLogDelivery"_s, u"logs:UpdateLogDelivery"_s,
                            u"logs:DeleteLogDelivery"_s, u"logs:ListLogDeliveries"_s, u"logs:PutResourcePolicy"_s,
                            u"logs:DescribeResourcePolicies"_s, u"logs:DescribeLogGroups"_s},
                           H::string(u"*"_s)));
    }
    const bool tracing = mModel.boolean(w.node, "tracing");
    if (tracing)
        statements.append(allowStatement({u"xray:PutTraceSegments"_s, u"xray:PutTelemetryRecords"_s,
                                          u"xray:GetSamplingRules"_s, u"xray:GetSamplingTargets"_s},
                                         H::string(u"*"_s)));
    if (statements.isEmpty())
        statements.append(allowStatement({u"states:DescribeStateMachine"_s}, H::string(u"*"_s)));
    writeServiceRole(name, u"states.amazonaws.com"_s, statements);

    QList<QPair<QString, H>> variables;
    for (const Node *node : w.substitutions) {
        const QString attribute = node->kind == Kinds::Queue                                    ? u"url"_s
                                  : node->kind == Kinds::Table || node->kind == Kinds::EventBus ? u"name"_s
                                                                                                : u"arn"_s;
        variables.append({node->name, H::expression(reference(node, attribute))});
    }
    mMain.beginBlock(u"resource"_s, {u"aws_sfn_state_machine"_s, name});
    mMain.attribute(u"name"_s, prefixedName(w.name));
    mMain.attribute(u"type"_s, H::string(w.type));
    mMain.attribute(u"role_arn"_s, H::expression(u"aws_iam_role.%1.arn"_s.arg(name)));
    mMain.attribute(u"definition"_s, H::expression(u"templatefile(\"${path.module}/%1\", %2)"_s.arg(
                                         w.path, QString::fromUtf8(H::object(variables).write(1)))));
    if (level != "OFF"_L1) {
        mMain.beginBlock(u"logging_configuration"_s);
        mMain.attribute(u"log_destination"_s,
                        H::templateString(u"${aws_cloudwatch_log_group.%1_logs.arn}:*"_s.arg(name)));
        mMain.attribute(u"include_execution_data"_s, H::boolean(true));
        mMain.attribute(u"level"_s, H::string(level));
        mMain.endBlock();
    }
    if (tracing) {
        mMain.beginBlock(u"tracing_configuration"_s);
        mMain.attribute(u"enabled"_s, H::boolean(true));
        mMain.endBlock();
    }
    mMain.endBlock();
    writeMachineStarters(w);
}

void TerraformWriter::writeMachineStarters(const ExportWorkflow &w)
{
    const QString name = tfName(w.node);
    const QString machineArn = u"aws_sfn_state_machine.%1.arn"_s.arg(name);
    bool events = false;
    for (const Node *starter : w.starters) {
        const QString link = tfName(starter) + '_'_L1 + name;
        if (starter->kind == Kinds::Schedule) {
            events = true;
            mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_rule"_s, link});
            mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(starter->name)));
            mMain.attribute(u"schedule_expression"_s, H::string(mModel.string(starter, "expression")));
            mMain.attribute(u"state"_s,
                            H::string(mModel.boolean(starter, "enabled", true) ? u"ENABLED"_s : u"DISABLED"_s));
            mMain.endBlock();
            mMain.beginBlock(u"resource"_s, {u"aws_cloudwatch_event_target"_s, link});
            mMain.attribute(u"rule"_s, H::expression(u"aws_cloudwatch_event_rule.%1.name"_s.arg(link)));
            mMain.attribute(u"arn"_s, H::expression(machineArn));
            mMain.attribute(u"role_arn"_s, H::expression(u"aws_iam_role.%1_events.arn"_s.arg(name)));
            mMain.endBlock();
        } else if (starter->kind == Kinds::Rule) {
            events = true; // its target is written with the rule (writeRuleTarget)
        } else if (starter->kind == Kinds::Queue) {
            writeServiceRole(
                link + "_pipe"_L1, u"pipes.amazonaws.com"_s,
                {allowStatement({u"sqs:ReceiveMessage"_s, u"sqs:DeleteMessage"_s, u"sqs:GetQueueAttributes"_s},
                                H::expression(reference(starter, u"arn"_s))),
                 allowStatement({u"states:StartExecution"_s}, H::expression(machineArn))});
            mMain.beginBlock(u"resource"_s, {u"aws_pipes_pipe"_s, link});
            mMain.attribute(u"name"_s, prefixedName(ExportModel::dnsLabel(link)));
            mMain.attribute(u"role_arn"_s, H::expression(u"aws_iam_role.%1_pipe.arn"_s.arg(link)));
            mMain.attribute(u"source"_s, H::expression(reference(starter, u"arn"_s)));
            mMain.attribute(u"target"_s, H::expression(machineArn));
            mMain.beginBlock(u"source_parameters"_s);
            mMain.beginBlock(u"sqs_queue_parameters"_s);
            mMain.attribute(u"batch_size"_s, H::number(1));
            mMain.endBlock();
            mMain.endBlock();
            mMain.beginBlock(u"target_parameters"_s);
            mMain.beginBlock(u"step_function_state_machine_parameters"_s);
            mMain.attribute(u"invocation_type"_s, H::string(u"FIRE_AND_FORGET"_s));
            mMain.endBlock();
            mMain.endBlock();
            mMain.endBlock();
        } else if (starter->kind == Kinds::HttpRoute) {
            writeMachineRoute(link, machineArn, starter);
        } else if (starter->kind != Kinds::Function && starter->kind != Kinds::StateMachine) {
            Aws::Workflows::reportStarter(w, starter, u"Terraform"_s, mOutput);
        }
    }
    if (events)
        writeServiceRole(name + "_events"_L1, u"events.amazonaws.com"_s,
                         {allowStatement({u"states:StartExecution"_s}, H::expression(machineArn))});
}

// The design's workload at the volume the "monthlyRequests" option gives, or an error.
std::optional<Workload> workload(const ProviderPlugin &plugin, const ExportInput &input, ExportOutput &output)
{
    const QString option = plugin.option(input, u"monthlyRequests"_s);
    bool ok = false;
    const double volume = QLocale::c().toDouble(option.trimmed(), &ok);
    if (!ok || volume < 0 || !std::isfinite(volume)) {
        output.add(Diagnostic::Severity::Error, u"export-option"_s,
                   TerraformPlugin::tr("Monthly requests for infracost-usage.yml: '%1' is not a number of zero or more")
                       .arg(option),
                   kInvalidNodeId, u"monthlyRequests"_s);
        return std::nullopt;
    }
    Workload w = Workload::fromArchitecture(*input.catalog, *input.architecture, input.projectDirectory,
                                            input.pendingFiles);
    w.monthlyRequests = volume;
    return w;
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    TerraformWriter writer(model, *input.catalog, output);
    writer.writeSettings(plugin.option(input, u"region"_s), ProviderPlugin::projectLabel(input));
    for (const Node *node : model.nodesOfKind(u"queue"_s))
        writer.writeQueue(node);
    for (const Node *node : model.nodesOfKind(u"topic"_s))
        writer.writeTopic(node);
    for (const Node *node : model.nodesOfKind(u"table"_s))
        writer.writeTable(node);
    for (const Node *node : model.nodesOfKind(u"bucket"_s))
        writer.writeBucket(node);
    for (const Node *node : model.nodesOfKind(Kinds::EventBus))
        writer.writeBus(node);
    for (const Node *node : model.nodesOfKind(Kinds::Secret))
        writer.writeSecret(node);
    for (const Node *node : model.nodesOfKind(Kinds::Parameter))
        writer.writeParameter(node);
    for (const Aws::ExportLayer &layer : Aws::exportLayers(model))
        writer.writeLayer(layer);
    for (const ExportFunction &f : model.functions())
        writer.writeFunction(f);
    for (const Node *bucket : model.nodesOfKind(u"bucket"_s))
        writer.writeBucketNotification(bucket);
    for (const Node *rule : model.nodesOfKind(Kinds::Rule))
        writer.writeRule(rule);
    writer.writeDeliveryPolicies();
    for (const ExportWorkflow &w : model.workflows())
        writer.addMachineRoutes(w);
    writer.writeHttpApi();
    for (const Node *pool : model.nodesOfKind(Kinds::UserPool))
        writer.writeUserPool(pool);
    for (const ExportWorkflow &w : model.workflows())
        writer.writeStateMachine(w);
    const QByteArray containers = fargateFile(model, output, reference);
    if (!containers.isEmpty())
        output.addFile(u"containers.tf"_s, containers);
    model.reportUnexported(output, u"Terraform"_s,
                           {Kinds::EventBus, Kinds::Rule, Kinds::UserPool, Kinds::Secret, Kinds::Parameter,
                            Kinds::StateMachine, Kinds::Layer, Kinds::Container});
    model.reportWorkflowProblems(output, u"Terraform"_s);
    writer.authorization().reportAwsLimits(output, u"Terraform"_s);

    output.addFile(u"main.tf"_s, writer.main());
    output.addFile(u"variables.tf"_s, writer.variables());
    // Teams that run Infracost in CI get the volumes the Cost view prices.
    if (const std::optional<Workload> w = workload(plugin, input, output))
        output.addFile(u"infracost-usage.yml"_s, InfracostUsage(model, *w).text());
    model.copySources(output, input.projectDirectory);
    Aws::copyLayers(model, output, input.projectDirectory);
}
} // namespace

TerraformPlugin::TerraformPlugin()
    : ProviderPlugin(
        Aws::lambdaTarget(
            u"terraform"_s, u"Terraform (AWS)"_s,
            QT_TR_NOOP("main.tf and variables.tf for Terraform's AWS provider (terraform apply), with the code folders "
                       "and infracost-usage.yml (the design's volumes for Infracost)"),
            {{u"region"_s, QT_TR_NOOP("Region"), QT_TR_NOOP("The AWS region to deploy to"), u"us-east-1"_s},
             {u"monthlyRequests"_s, QT_TR_NOOP("Monthly requests"),
              QT_TR_NOOP("Requests a month entering the system, spread over the resources in infracost-usage.yml"),
              u"1000000"_s}}),
        write)
{ }

} // namespace Nimbus::Terraform
