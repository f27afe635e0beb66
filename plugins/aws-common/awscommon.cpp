#include "awscommon.h"
#include "cloud/eventarchive.h"
#include "cloud/tablestore.h"
#include "model/catalog.h"
#include "model/deployedname.h"
#include "model/effectivepolicy.h"
#include "model/kinds.h"

#include "export/yaml.h"
#include "export/yamlmerge.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

namespace {
using Y = Yaml;
} // namespace

YAML::Node getAtt(const QString &id, const QString &attribute)
{
    return Y::tagged("GetAtt", Y::string(id + '.'_L1 + attribute));
}

YAML::Node ref(const QString &id)
{
    return Y::tagged("Ref", Y::string(id));
}

LogicalIds::LogicalIds(const QJsonObject &origin)
{
    const QJsonObject ids = origin.value("ids"_L1).toObject();
    for (auto it = ids.begin(); it != ids.end(); ++it)
        mRecorded.insert(it.key(), it.value().toString());
    const QJsonObject events = origin.value("events"_L1).toObject();
    for (auto it = events.begin(); it != events.end(); ++it)
        mEvents.insert(it.key(), it.value().toString());
}

QString LogicalIds::event(const Node *function, const Node *trigger) const
{
    const QString recorded = mEvents.value(function->name + '/'_L1 + trigger->name);
    return recorded.isEmpty() ? ExportModel::identifier(trigger->name) : recorded;
}

QString LogicalIds::of(const Node *node) const
{
    return of(node->name);
}

QString LogicalIds::of(const QString &nodeName) const
{
    const QString recorded = mRecorded.value(nodeName);
    return recorded.isEmpty() ? ExportModel::identifier(nodeName) : recorded;
}

QList<IamStatement> iamStatements(const ExportFunction &function)
{
    // The local cloud enforces the same policy (EffectivePolicy) while the design runs.
    QList<EffectivePolicy::Access> accesses;
    for (const FunctionAccess &access : function.accesses)
        accesses.append({access.service, access.type});
    const EffectivePolicy policy(accesses, function.triggers);
    QList<IamStatement> result;
    for (const PolicyStatement &s : policy.statements())
        result.append({s.actions, s.resource, s.attribute, s.suffix});
    return result;
}

YAML::Node statementResource(const IamStatement &statement, const LogicalIds &ids)
{
    if (statement.service->kind == Kinds::EventBus)
        return busArn(statement.service, ids);
    // AWS::SSM::Parameter has no ARN attribute (and a SecureString one is not in the template).
    if (statement.service->kind == Kinds::Parameter) {
        QString name = settingText(statement.service, "parameterName");
        if (name.isEmpty())
            name = u'/' + statement.service->name;
        return Y::tagged("Sub", Y::string(u"arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter"_s
                                          + (name.startsWith(u'/') ? name : u'/' + name)));
    }
    const QString id = ids.of(statement.service);
    if (statement.attribute == "Ref"_L1)
        return ref(id); // a topic's Ref is its ARN
    if (statement.suffix.isEmpty())
        return getAtt(id, statement.attribute);
    return Y::tagged("Sub", Y::string(u"${%1.%2}%3"_s.arg(id, statement.attribute, statement.suffix)));
}

void addServiceResources(const ExportModel &model, const Node *node, const LogicalIds &ids, YAML::Node &resources,
                         ExportOutput &output, const QString &bucketName)
{
    const QString id = ids.of(node);
    YAML::Node resource(YAML::NodeType::Map);
    YAML::Node properties(YAML::NodeType::Map);
    if (node->kind == Kinds::Queue) {
        resource["Type"] = Y::string("AWS::SQS::Queue");
        const bool fifo = model.boolean(node, "fifo");
        // A physical name is the queue's name; AWS requires a FIFO one's to end with .fifo,
        // and the local cloud names the queue so too.
        const bool named = fifo || !physicalName(*node).isEmpty();
        if (named)
            properties["QueueName"] = Y::string(awsName(node));
        if (fifo) {
            properties["FifoQueue"] = Y::boolean(true);
            if (settingBool(node, "contentBasedDeduplication"))
                properties["ContentBasedDeduplication"] = Y::boolean(true);
        } else if (settingBool(node, "contentBasedDeduplication")) {
            output.add(Diagnostic::Severity::Warning, u"export-deduplication"_s,
                       QCoreApplication::translate(
                           "Nimbus::Aws", "%1: content-based deduplication needs a FIFO queue; it is not exported")
                           .arg(node->name),
                       node->id, u"contentBasedDeduplication"_s);
        }
        properties["VisibilityTimeout"] = Y::number(model.integer(node, "visibilityTimeout", 30));
        properties["MessageRetentionPeriod"] = Y::number(model.integer(node, "messageRetention", 345600));
        properties["DelaySeconds"] = Y::number(model.integer(node, "delay", 0));
        const QString deadLetters = id + "DeadLetters"_L1;
        YAML::Node redrive(YAML::NodeType::Map);
        redrive["deadLetterTargetArn"] = getAtt(deadLetters, u"Arn"_s);
        redrive["maxReceiveCount"] = Y::number(model.integer(node, "maxReceiveCount", 5));
        properties["RedrivePolicy"] = redrive;
        YAML::Node dlq(YAML::NodeType::Map);
        dlq["Type"] = Y::string("AWS::SQS::Queue");
        YAML::Node dlqProperties(YAML::NodeType::Map);
        if (named)
            dlqProperties["QueueName"] = Y::string(deadLetterName(node));
        if (fifo)
            dlqProperties["FifoQueue"] = Y::boolean(true);
        dlqProperties["MessageRetentionPeriod"] = Y::number(1209600);
        dlq["Properties"] = dlqProperties;
        resource["Properties"] = properties;
        resources[id.toStdString()] = resource;
        resources[deadLetters.toStdString()] = dlq;
        return;
    }
    if (node->kind == Kinds::Topic) {
        resource["Type"] = Y::string("AWS::SNS::Topic");
        const QString displayName = model.string(node, "displayName");
        if (!displayName.isEmpty())
            properties["DisplayName"] = Y::string(displayName);
        if (model.boolean(node, "fifo") || !physicalName(*node).isEmpty())
            properties["TopicName"] = Y::string(awsName(node));
        if (model.boolean(node, "fifo")) {
            properties["FifoTopic"] = Y::boolean(true);
            if (settingBool(node, "contentBasedDeduplication"))
                properties["ContentBasedDeduplication"] = Y::boolean(true);
        } else if (settingBool(node, "contentBasedDeduplication")) {
            output.add(Diagnostic::Severity::Warning, u"export-deduplication"_s,
                       QCoreApplication::translate(
                           "Nimbus::Aws", "%1: content-based deduplication needs a FIFO topic; it is not exported")
                           .arg(node->name),
                       node->id, u"contentBasedDeduplication"_s);
        }
    } else if (node->kind == Kinds::Table) {
        resource["Type"] = Y::string("AWS::DynamoDB::Table");
        if (const QString physical = physicalName(*node); !physical.isEmpty())
            properties["TableName"] = Y::string(physical);
        const QString billing = model.string(node, "billingMode", u"PAY_PER_REQUEST"_s);
        properties["BillingMode"] = Y::string(billing);
        YAML::Node attributes(YAML::NodeType::Sequence);
        QSet<QString> defined;
        auto keySchema = [&](const TableKeys &keys) {
            YAML::Node schema(YAML::NodeType::Sequence);
            for (const auto &[name, type, keyType] : {std::tuple{keys.partitionKey, keys.partitionType, "HASH"},
                                                      std::tuple{keys.sortKey, keys.sortType, "RANGE"}}) {
                if (name.isEmpty())
                    continue;
                if (!defined.contains(name)) { // AttributeDefinitions names each key attribute once
                    defined.insert(name);
                    YAML::Node attribute(YAML::NodeType::Map);
                    attribute["AttributeName"] = Y::string(name);
                    attribute["AttributeType"] = Y::string(type);
                    attributes.push_back(attribute);
                }
                YAML::Node key(YAML::NodeType::Map);
                key["AttributeName"] = Y::string(name);
                key["KeyType"] = Y::string(keyType);
                schema.push_back(key);
            }
            return schema;
        };
        const TableKeys tableKeys{model.string(node, "partitionKey"), model.string(node, "partitionKeyType", u"S"_s),
                                  model.string(node, "sortKey"), model.string(node, "sortKeyType", u"S"_s)};
        const YAML::Node tableSchema = keySchema(tableKeys);
        YAML::Node throughput(YAML::NodeType::Map);
        throughput["ReadCapacityUnits"] = Y::number(5);
        throughput["WriteCapacityUnits"] = Y::number(5);
        const Result<QList<TableIndex>> indexes = TableIndex::parse(model.string(node, "indexes"), tableKeys);
        if (!indexes) {
            output.add(Diagnostic::Severity::Warning, u"export-indexes"_s,
                       QCoreApplication::translate("Nimbus::Aws", "%1: the secondary indexes are not exported: %2")
                           .arg(node->name, indexes.error().message),
                       node->id, u"indexes"_s);
        }
        YAML::Node globals(YAML::NodeType::Sequence), locals(YAML::NodeType::Sequence);
        for (const TableIndex &index : indexes ? *indexes : QList<TableIndex>()) {
            YAML::Node written(YAML::NodeType::Map);
            written["IndexName"] = Y::string(index.name);
            written["KeySchema"] = keySchema(index.keys);
            YAML::Node projection(YAML::NodeType::Map);
            projection["ProjectionType"] = Y::string(index.projection);
            if (index.projection == "INCLUDE"_L1) {
                YAML::Node nonKey(YAML::NodeType::Sequence);
                for (const QString &attribute : index.nonKeyAttributes)
                    nonKey.push_back(Y::string(attribute));
                projection["NonKeyAttributes"] = nonKey;
            }
            written["Projection"] = projection;
            if (!index.local && billing == "PROVISIONED"_L1)
                written["ProvisionedThroughput"] = YAML::Clone(throughput);
            (index.local ? locals : globals).push_back(written);
        }
        properties["AttributeDefinitions"] = attributes;
        properties["KeySchema"] = tableSchema;
        if (globals.size() > 0)
            properties["GlobalSecondaryIndexes"] = globals;
        if (locals.size() > 0)
            properties["LocalSecondaryIndexes"] = locals;
        if (const QString ttl = model.string(node, "ttlAttribute"); !ttl.isEmpty()) {
            YAML::Node spec(YAML::NodeType::Map);
            spec["AttributeName"] = Y::string(ttl);
            spec["Enabled"] = Y::boolean(true);
            properties["TimeToLiveSpecification"] = spec;
        }
        if (billing == "PROVISIONED"_L1) {
            properties["ProvisionedThroughput"] = throughput;
            output.add(Diagnostic::Severity::Info, u"export-capacity"_s,
                       QCoreApplication::translate(
                           "Nimbus::ExportModel",
                           "%1: provisioned capacity is not on the canvas; 5 read and 5 write units are written")
                           .arg(node->name),
                       node->id, u"billingMode"_s);
        }
        const QString stream = model.string(node, "stream", u"NONE"_s);
        if (stream != "NONE"_L1) {
            YAML::Node spec(YAML::NodeType::Map);
            spec["StreamViewType"] = Y::string(stream);
            properties["StreamSpecification"] = spec;
        }
    } else if (node->kind == Kinds::Bucket) {
        resource["Type"] = Y::string("AWS::S3::Bucket");
        if (const QString physical = physicalName(*node); !physical.isEmpty())
            properties["BucketName"] = Y::string(physical);
        else if (!bucketName.isEmpty())
            properties["BucketName"] = Y::string(bucketName);
        if (model.boolean(node, "versioning")) {
            YAML::Node versioning(YAML::NodeType::Map);
            versioning["Status"] = Y::string("Enabled");
            properties["VersioningConfiguration"] = versioning;
        }
    } else {
        return;
    }
    if (properties.size() > 0)
        resource["Properties"] = properties;
    resources[id.toStdString()] = resource;
}

YAML::Node environmentValue(const ExportModel &model, const ExportFunction &function, const EnvironmentVariable &var,
                            const LogicalIds &ids)
{
    Q_UNUSED(model)
    QList<const Node *> related;
    for (const FunctionAccess &access : function.accesses)
        related.append(access.service);
    related.append(function.triggers);
    for (const Node *service : std::as_const(related)) {
        const QString id = ids.of(service);
        const bool isName = var.value == service->name;
        const bool isArn = var.value.startsWith("arn:"_L1) && var.value.endsWith(':'_L1 + service->name);
        if (!isName && !isArn)
            continue;
        if (service->kind == Kinds::Table || service->kind == Kinds::Bucket || service->kind == Kinds::Function)
            return isName ? ref(id) : getAtt(id, u"Arn"_s);
        if (service->kind == Kinds::Queue)
            return getAtt(id, isName ? u"QueueName"_s : u"Arn"_s);
        if (service->kind == Kinds::Topic)
            return isName ? getAtt(id, u"TopicName"_s) : ref(id);
    }
    return Y::string(var.value);
}

QList<QPair<const char *, QString>> keyFilters(const ExportModel &model, const Node *bucket)
{
    QList<QPair<const char *, QString>> filters;
    for (const char *filter : {"prefix", "suffix"}) {
        const QString value = model.string(bucket, filter);
        if (!value.isEmpty())
            filters.append({filter, value});
    }
    return filters;
}

void addLambdaSettings(YAML::Node &properties, const ExportFunction &function, const LambdaSettingKeys &keys)
{
    properties[keys.memory] = Y::number(function.memory);
    properties[keys.timeout] = Y::number(function.timeout);
    if (!function.description.isEmpty())
        properties[keys.description] = Y::string(function.description);
    if (function.reservedConcurrency)
        properties[keys.reservedConcurrency] = Y::number(*function.reservedConcurrency);
}

std::optional<FunctionUrlSettings> functionUrl(const ExportFunction &function)
{
    if (!setting(function.node, "functionUrl").toBool())
        return std::nullopt;
    FunctionUrlSettings url;
    url.authType = settingText(function.node, "functionUrlAuth") == "NONE"_L1 ? u"NONE"_s : u"AWS_IAM"_s;
    for (const QString &origin : settingText(function.node, "functionUrlCors").split(u','))
        if (!origin.trimmed().isEmpty())
            url.origins.append(origin.trimmed());
    url.invokeMode = settingText(function.node, "invokeMode") == "RESPONSE_STREAM"_L1 ? u"RESPONSE_STREAM"_s
                                                                                      : u"BUFFERED"_s;
    return url;
}

ProviderLimits lambdaLimits()
{
    ProviderLimits limits;
    limits.minMemory = 128;
    limits.maxMemory = 10240;
    limits.maxTimeout = 900;
    limits.runtimes = ProviderPlugin::canvasRuntimes();
    return limits;
}

ProviderTarget lambdaTarget(const QString &id, const QString &name, const char *description,
                            const QList<ProviderOption> &options)
{
    return {id, name, description, u"aws"_s, u"aws-us-east-1"_s, lambdaLimits(), options};
}

void dropRedundantPhysicalName(Node *node)
{
    if (!node)
        return;
    const QString physical = node->properties.value("physicalName"_L1).toString();
    const bool fifo = node->properties.value("fifo"_L1).toBool();
    if (!physical.isEmpty() && physical == (fifo ? node->name + ".fifo"_L1 : node->name))
        node->properties.remove(u"physicalName"_s);
}

ImportedService readServiceResource(const std::string &type, const YAML::Node &p)
{
    ImportedService s;
    auto number = [&](const char *key, int fallback) {
        const YAML::Node v = Y::child(p, key);
        bool ok = false;
        const int n = Y::text(v).toInt(&ok);
        return ok ? n : fallback;
    };
    auto flag = [&](const char *key) {
        const QString v = Y::text(Y::child(p, key)).toLower();
        return v == "true"_L1;
    };
    // The deployed name the template gives, as the node's physical name: a plain string
    // only (a !Sub or a ${} variable is the stack's to resolve, and stays out).
    auto readPhysicalName = [&](const char *key) {
        const YAML::Node name = Y::child(p, key);
        const QString text = name.IsScalar() && (name.Tag().empty() || name.Tag() == "?" || name.Tag() == "!")
                                 ? Y::text(name).trimmed()
                                 : QString();
        if (!text.isEmpty() && !text.contains("${"_L1))
            s.properties.insert(u"physicalName"_s, text);
    };
    if (type == "AWS::SQS::Queue") {
        s.kind = u"queue"_s;
        s.properties = {{u"fifo"_s, flag("FifoQueue")},
                        {u"contentBasedDeduplication"_s, flag("ContentBasedDeduplication")},
                        {u"visibilityTimeout"_s, number("VisibilityTimeout", 30)},
                        {u"messageRetention"_s, number("MessageRetentionPeriod", 345600)},
                        {u"delay"_s, number("DelaySeconds", 0)}};
        const YAML::Node redrive = Y::child(p, "RedrivePolicy");
        const int receives = Y::text(Y::child(redrive, "maxReceiveCount")).toInt();
        if (receives > 0)
            s.properties.insert(u"maxReceiveCount"_s, receives);
        readPhysicalName("QueueName");
    } else if (type == "AWS::SNS::Topic") {
        s.kind = u"topic"_s;
        s.properties = {{u"fifo"_s, flag("FifoTopic")},
                        {u"contentBasedDeduplication"_s, flag("ContentBasedDeduplication")},
                        {u"displayName"_s, Y::text(Y::child(p, "DisplayName"))}};
        readPhysicalName("TopicName");
    } else if (type == "AWS::S3::Bucket") {
        s.kind = u"bucket"_s;
        const QString status = Y::text(Y::child(Y::child(p, "VersioningConfiguration"), "Status"));
        s.properties = {{u"versioning"_s, status == "Enabled"_L1}};
        readPhysicalName("BucketName");
    } else if (type == "AWS::DynamoDB::Table") {
        s.kind = u"table"_s;
        QHash<QString, QString> types;
        for (const YAML::Node &a : Y::child(p, "AttributeDefinitions"))
            types.insert(Y::text(Y::child(a, "AttributeName")), Y::text(Y::child(a, "AttributeType")));
        for (const YAML::Node &k : Y::child(p, "KeySchema")) {
            const QString name = Y::text(Y::child(k, "AttributeName"));
            const bool hash = Y::text(Y::child(k, "KeyType")) == "HASH"_L1;
            s.properties.insert(hash ? u"partitionKey"_s : u"sortKey"_s, name);
            const QString t = types.value(name, u"S"_s);
            s.properties.insert(hash ? u"partitionKeyType"_s : u"sortKeyType"_s,
                                QStringList{u"S"_s, u"N"_s, u"B"_s}.contains(t) ? t : u"S"_s);
        }
        const QString billing = Y::text(Y::child(p, "BillingMode"));
        s.properties.insert(u"billingMode"_s, billing == "PAY_PER_REQUEST"_L1 ? billing : u"PROVISIONED"_s);
        const QString stream = Y::text(Y::child(Y::child(p, "StreamSpecification"), "StreamViewType"));
        if (!stream.isEmpty())
            s.properties.insert(u"stream"_s, stream);
        readPhysicalName("TableName");
        // The secondary indexes, in the indexes property's JSON (see TableIndex::parse).
        QJsonArray indexes;
        for (const char *list : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            for (const YAML::Node &i : Y::child(p, list)) {
                QJsonObject index{{u"name"_s, Y::text(Y::child(i, "IndexName"))},
                                  {u"kind"_s, qstrcmp(list, "LocalSecondaryIndexes") == 0 ? u"local"_s : u"global"_s}};
                for (const YAML::Node &k : Y::child(i, "KeySchema")) {
                    const QString name = Y::text(Y::child(k, "AttributeName"));
                    const bool hash = Y::text(Y::child(k, "KeyType")) == "HASH"_L1;
                    index.insert(hash ? u"partitionKey"_s : u"sortKey"_s, name);
                    index.insert(hash ? u"partitionKeyType"_s : u"sortKeyType"_s, types.value(name, u"S"_s));
                }
                const YAML::Node projection = Y::child(i, "Projection");
                const QString projectionType = Y::text(Y::child(projection, "ProjectionType"));
                index.insert(u"projection"_s, projectionType.isEmpty() ? u"KEYS_ONLY"_s : projectionType);
                QJsonArray nonKey;
                for (const YAML::Node &attribute : Y::child(projection, "NonKeyAttributes"))
                    nonKey.append(Y::text(attribute));
                if (!nonKey.isEmpty())
                    index.insert(u"nonKeyAttributes"_s, nonKey);
                indexes.append(index);
            }
        }
        if (!indexes.isEmpty())
            s.properties.insert(u"indexes"_s, QString::fromUtf8(QJsonDocument(indexes).toJson(QJsonDocument::Compact)));
        const YAML::Node ttl = Y::child(p, "TimeToLiveSpecification");
        if (Y::text(Y::child(ttl, "Enabled")).toLower() == "true"_L1)
            s.properties.insert(u"ttlAttribute"_s, Y::text(Y::child(ttl, "AttributeName")));
    } else if (type == "AWS::SecretsManager::Secret") {
        // Its value (a SecretString) is not the design's: it goes to the keychain, if anywhere.
        s.kind = QString(Kinds::Secret);
        s.properties = {{u"generated"_s, Y::has(p, "GenerateSecretString")}};
        if (const QString name = Y::text(Y::child(p, "Name")); !name.isEmpty())
            s.properties.insert(u"secretName"_s, name);
        if (const QString description = Y::text(Y::child(p, "Description")); !description.isEmpty())
            s.properties.insert(u"description"_s, description);
    } else if (type == "AWS::SSM::Parameter") {
        s.kind = QString(Kinds::Parameter);
        const QString parameterType = Y::text(Y::child(p, "Type"));
        s.properties = {{u"type"_s, parameterType == "StringList"_L1 ? parameterType : u"String"_s}};
        if (const QString name = Y::text(Y::child(p, "Name")); !name.isEmpty())
            s.properties.insert(u"parameterName"_s, name);
        if (const QString description = Y::text(Y::child(p, "Description")); !description.isEmpty())
            s.properties.insert(u"description"_s, description);
        if (const QString tier = Y::text(Y::child(p, "Tier")); !tier.isEmpty())
            s.properties.insert(u"tier"_s, tier);
    }
    return s;
}

QString referencedId(const YAML::Node &value)
{
    if (value.IsScalar()) {
        const QString text = Y::text(value);
        if (value.Tag() == "!Ref")
            return text;
        if (value.Tag() == "!GetAtt")
            return text.section('.'_L1, 0, 0);
        return {};
    }
    if (value.IsSequence() && value.Tag() == "!GetAtt" && value.size() > 0)
        return Y::text(value[0]);
    if (value.IsMap() && value.size() == 1) {
        const YAML::Node r = Y::child(value, "Ref");
        if (r.IsScalar())
            return Y::text(r);
        const YAML::Node g = Y::child(value, "Fn::GetAtt");
        if (g.IsSequence() && g.size() > 0)
            return Y::text(g[0]);
        if (g.IsScalar())
            return Y::text(g).section('.'_L1, 0, 0);
    }
    return {};
}

QString accessType(const QString &kind, const QString &action)
{
    const QString verb = action.section(':'_L1, 1);
    if (verb.contains("Stream"_L1) || verb == "GetRecords"_L1 || verb == "GetShardIterator"_L1
        || verb == "GetQueueUrl"_L1)
        return {}; // a trigger's own permission, or a lookup that comes with sending and receiving
    static const QRegularExpression writes(u"^(Put|Update|Delete|BatchWrite)"_s);
    if (kind == Kinds::Table)
        return writes.match(verb).hasMatch() ? u"writes"_s : u"reads"_s;
    if (kind == Kinds::Bucket)
        return writes.match(verb).hasMatch() ? u"writes"_s : u"reads"_s;
    if (kind == Kinds::Queue)
        return verb.startsWith("Send"_L1) ? u"writes"_s : u"reads"_s;
    if (kind == Kinds::Topic)
        return u"publishes"_s;
    if (kind == Kinds::Function)
        return u"calls"_s;
    if (kind == Kinds::EventBus)
        return u"publishes"_s;
    if (kind == Kinds::Secret)
        return verb == "PutSecretValue"_L1 ? u"writes"_s : u"reads"_s;
    if (kind == Kinds::Parameter)
        return verb == "PutParameter"_L1 ? u"writes"_s : u"reads"_s;
    if (kind == Kinds::StateMachine)
        return verb == "StartExecution"_L1 || verb == "StartSyncExecution"_L1 ? u"starts"_s : QString();
    return {};
}

QString statementResourceId(const YAML::Node &resource)
{
    const QString id = referencedId(resource);
    if (!id.isEmpty() || resource.Tag() != "!Sub")
        return id;
    static const QRegularExpression sub(u"^\\$\\{([A-Za-z0-9]+)"_s);
    return sub.match(Y::text(resource)).captured(1);
}

YAML::Node lambdaRole(const ExportFunction &function, const LogicalIds &ids)
{
    YAML::Node principal(YAML::NodeType::Map);
    principal["Service"] = Y::sequence({u"lambda.amazonaws.com"_s});
    YAML::Node assume(YAML::NodeType::Map);
    assume["Effect"] = Y::string("Allow");
    assume["Principal"] = principal;
    assume["Action"] = Y::sequence({u"sts:AssumeRole"_s});
    YAML::Node assumeDocument(YAML::NodeType::Map);
    assumeDocument["Version"] = Y::string("2012-10-17");
    YAML::Node assumeStatements(YAML::NodeType::Sequence);
    assumeStatements.push_back(assume);
    assumeDocument["Statement"] = assumeStatements;

    YAML::Node p(YAML::NodeType::Map);
    p["AssumeRolePolicyDocument"] = assumeDocument;
    p["ManagedPolicyArns"] = Y::sequence({u"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"_s});
    const QList<IamStatement> statements = iamStatements(function);
    if (!statements.isEmpty()) {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const IamStatement &s : statements) {
            YAML::Node statement(YAML::NodeType::Map);
            statement["Effect"] = Y::string("Allow");
            statement["Action"] = Y::sequence(s.actions);
            statement["Resource"] = statementResource(s, ids);
            list.push_back(statement);
        }
        YAML::Node document(YAML::NodeType::Map);
        document["Version"] = Y::string("2012-10-17");
        document["Statement"] = list;
        YAML::Node policy(YAML::NodeType::Map);
        policy["PolicyName"] = Y::string(function.node->name + "-access"_L1);
        policy["PolicyDocument"] = document;
        YAML::Node policies(YAML::NodeType::Sequence);
        policies.push_back(policy);
        p["Policies"] = policies;
    }
    YAML::Node role(YAML::NodeType::Map);
    role["Type"] = Y::string("AWS::IAM::Role");
    role["Properties"] = p;
    return role;
}

QString nearestRuntime(const QString &runtime)
{
    // A runtime the canvas has (nodejs24.x, python3.13, provided.al2023, java21, dotnet8) stays.
    if (ProviderPlugin::canvasRuntimes().contains(runtime))
        return runtime;
    static const QRegularExpression node(u"^nodejs(\\d+)"_s);
    static const QRegularExpression python(u"^python3\\.(\\d+)$"_s);
    if (const auto m = node.match(runtime); m.hasMatch())
        return m.captured(1).toInt() >= 22 ? u"nodejs22.x"_s : u"nodejs20.x"_s;
    if (const auto m = python.match(runtime); m.hasMatch())
        return m.captured(1).toInt() >= 12 ? u"python3.12"_s : u"python3.11"_s;
    return {};
}

void addMergedFile(const QJsonObject &origin, const QString &path, const YAML::Node &generated, const QString &warning,
                   ExportOutput &output)
{
    const Result<QByteArray> merged = YamlMerge::mergeWithOrigin(origin, generated);
    output.addFile(path, merged ? *merged : Y::dump(generated));
    if (!merged)
        output.add(Diagnostic::Severity::Warning, u"export-origin"_s, warning.arg(merged.errorMessage()));
}

void keepOrigin(const ImportInput &input, const QJsonObject &ids, const QJsonObject &events,
                const TemplateGenerator &generate, ImportResult *result)
{
    result->origin.insert(u"file"_s, QFileInfo(input.fileName).fileName());
    result->origin.insert(u"text"_s, QString::fromUtf8(input.content));
    result->origin.insert(u"ids"_s, ids);
    result->origin.insert(u"events"_s, events);
    Architecture imported;
    imported.reset(result->nodes, result->edges);
    // The state machines' definitions are the files the import makes, not yet on disk.
    QHash<QString, QByteArray> pending;
    for (auto it = result->files.cbegin(); it != result->files.cend(); ++it)
        pending.insert(it.key(), it.value());
    const ExportModel model(imported, *input.catalog, input.fileDirectory, pending);
    ExportOutput ignored;
    result->origin.insert(u"baseline"_s,
                          QString::fromUtf8(Y::dump(generate(model, LogicalIds(result->origin), ignored))));
}

} // namespace Nimbus::Aws

// ---- event-driven designs ---------------------------------------------------

namespace Nimbus::Aws {

namespace {
QString jsonString(const QString &text)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        if (c == '"'_L1 || c == '\\'_L1)
            out += '\\'_L1 + c;
        else if (c == '\n'_L1)
            out += "\\n"_L1;
        else if (c == '\t'_L1)
            out += "\\t"_L1;
        else if (c == '\r'_L1)
            out += "\\r"_L1;
        else if (c.unicode() < 0x20)
            out += u"\\u%1"_s.arg(c.unicode(), 4, 16, '0'_L1);
        else
            out += c;
    }
    return out + '"'_L1;
}

// The YAML of a parsed JSON value, keys sorted (QJsonObject's order): the fallback when the
// text does not read as YAML the same way.
YAML::Node fromJsonValue(const QJsonValue &value)
{
    if (value.isObject()) {
        YAML::Node map(YAML::NodeType::Map);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map[it.key().toStdString()] = fromJsonValue(it.value());
        return map;
    }
    if (value.isArray()) {
        YAML::Node list(YAML::NodeType::Sequence);
        bool scalars = true;
        for (const QJsonValue &item : value.toArray()) {
            scalars = scalars && !item.isObject() && !item.isArray();
            list.push_back(fromJsonValue(item));
        }
        if (scalars)
            list.SetStyle(YAML::EmitterStyle::Flow);
        return list;
    }
    if (value.isString())
        return Y::string(value.toString());
    if (value.isBool())
        return Y::boolean(value.toBool());
    if (value.isDouble())
        return YAML::Node(QString::number(value.toDouble(), 'g', 17).toStdString());
    return YAML::Node(YAML::NodeType::Null);
}

QJsonObject kindDefaults(const Node *node)
{
    const NodeKind *kind = Catalog::builtin().kind(node->kind);
    return kind ? kind->defaultProperties(node->name) : QJsonObject();
}

QString busName(const Node *bus)
{
    const QString name = settingText(bus, "busName");
    return name.isEmpty() ? bus->name : name;
}

} // namespace

YAML::Node assumeRole(const char *service)
{
    YAML::Node principal(YAML::NodeType::Map);
    principal["Service"] = Y::sequence({QString::fromLatin1(service)});
    YAML::Node statement(YAML::NodeType::Map);
    statement["Effect"] = Y::string("Allow");
    statement["Principal"] = principal;
    statement["Action"] = Y::sequence({u"sts:AssumeRole"_s});
    YAML::Node statements(YAML::NodeType::Sequence);
    statements.push_back(statement);
    YAML::Node document(YAML::NodeType::Map);
    document["Version"] = Y::string("2012-10-17");
    document["Statement"] = statements;
    return document;
}

namespace {

// A policy that lets EventBridge rules (sources: their ARNs) send to a queue or topic.
YAML::Node eventsPolicy(const char *type, const char *listKey, const char *action, const YAML::Node &self,
                        const YAML::Node &resource, const YAML::Node &sources)
{
    YAML::Node principal(YAML::NodeType::Map);
    principal["Service"] = Y::string("events.amazonaws.com");
    YAML::Node like(YAML::NodeType::Map);
    like["aws:SourceArn"] = sources;
    YAML::Node condition(YAML::NodeType::Map);
    condition["ArnLike"] = like;
    YAML::Node statement(YAML::NodeType::Map);
    statement["Effect"] = Y::string("Allow");
    statement["Principal"] = principal;
    statement["Action"] = Y::string(action);
    statement["Resource"] = resource;
    statement["Condition"] = condition;
    YAML::Node statements(YAML::NodeType::Sequence);
    statements.push_back(statement);
    YAML::Node document(YAML::NodeType::Map);
    document["Version"] = Y::string("2012-10-17");
    document["Statement"] = statements;
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back(self);
    YAML::Node p(YAML::NodeType::Map);
    p[listKey] = list;
    p["PolicyDocument"] = document;
    YAML::Node policy(YAML::NodeType::Map);
    policy["Type"] = Y::string(type);
    policy["Properties"] = p;
    return policy;
}

bool isPlain(const YAML::Node &scalar)
{
    return scalar.Tag().empty() || scalar.Tag() == "?";
}
} // namespace

QJsonValue setting(const Node *node, const char *property)
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isUndefined() ? kindDefaults(node).value(QLatin1String(property)) : value;
}

int settingInt(const Node *node, const char *property)
{
    return setting(node, property).toInt();
}

bool settingBool(const Node *node, const char *property)
{
    return setting(node, property).toBool();
}

QString settingText(const Node *node, const char *property)
{
    return setting(node, property).toString();
}

bool hasSetting(const Node *node, const char *property)
{
    return setting(node, property).isDouble();
}

YAML::Node jsonToYaml(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return YAML::Node(YAML::NodeType::Undefined);
    // JSON reads as YAML flow collections, keys in their order (QJsonObject sorts them);
    // what does not read back as the same JSON takes the sorted form.
    const Result<YAML::Node> read = Y::load(text.toUtf8(), u"JSON"_s);
    if (read && (read->IsMap() || read->IsSequence())
        && QJsonDocument::fromJson(yamlToJson(*read).toUtf8()) == document) {
        return *read;
    }
    return fromJsonValue(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
}

QString yamlToJson(const YAML::Node &node)
{
    if (node.IsMap()) {
        QStringList members;
        for (auto it = node.begin(); it != node.end(); ++it)
            members.append(jsonString(Y::text(it->first)) + ": "_L1 + yamlToJson(it->second));
        return '{'_L1 + members.join(", "_L1) + '}'_L1;
    }
    if (node.IsSequence()) {
        QStringList items;
        for (const YAML::Node &item : node)
            items.append(yamlToJson(item));
        return '['_L1 + items.join(", "_L1) + ']'_L1;
    }
    if (!node.IsScalar())
        return u"null"_s;
    const QString text = Y::text(node);
    if (isPlain(node)) {
        static const QRegularExpression number(u"^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"_s);
        if (text == "true"_L1 || text == "false"_L1 || text == "null"_L1 || number.match(text).hasMatch())
            return text;
        if (text == "~"_L1)
            return u"null"_s;
    }
    return jsonString(text);
}

QStringList filterPatterns(const QString &criteria)
{
    if (criteria.trimmed().isEmpty())
        return {};
    const YAML::Node root = jsonToYaml(criteria);
    if (!root.IsDefined())
        return {};
    YAML::Node list = root;
    if (root.IsMap()) {
        if (!Y::has(root, "Filters"))
            return {yamlToJson(root)};
        list = Y::child(root, "Filters");
    }
    QStringList patterns;
    for (const YAML::Node &item : list) {
        const YAML::Node pattern = item.IsMap() && Y::has(item, "Pattern") ? Y::child(item, "Pattern") : item;
        const YAML::Node parsed = pattern.IsScalar() ? jsonToYaml(Y::text(pattern)) : pattern;
        if (!parsed.IsMap())
            return {};
        patterns.append(yamlToJson(parsed));
    }
    return patterns;
}

QString filterCriteriaText(const QStringList &patterns)
{
    if (patterns.size() == 1)
        return patterns.first();
    return patterns.isEmpty() ? QString() : '['_L1 + patterns.join(", "_L1) + ']'_L1;
}

QString filterCriteriaFromYaml(const YAML::Node &criteria)
{
    if (!criteria.IsDefined() || criteria.IsNull())
        return {};
    const YAML::Node list = criteria.IsMap() ? Y::child(criteria, "Filters") : criteria;
    QStringList patterns;
    for (const YAML::Node &item : list) {
        const YAML::Node pattern = item.IsMap() && Y::has(item, "Pattern") ? Y::child(item, "Pattern") : item;
        const YAML::Node parsed = pattern.IsScalar() ? jsonToYaml(Y::text(pattern)) : pattern;
        if (parsed.IsMap())
            patterns.append(yamlToJson(parsed));
    }
    return filterCriteriaText(patterns);
}

YAML::Node lambdaFilterCriteria(const Node *trigger, ExportOutput &output)
{
    const QString text = settingText(trigger, "filterCriteria");
    if (text.trimmed().isEmpty())
        return YAML::Node(YAML::NodeType::Undefined);
    const QStringList patterns = filterPatterns(text);
    if (patterns.isEmpty()) {
        output.add(Diagnostic::Severity::Error, u"export-filter"_s,
                   QCoreApplication::translate(
                       "Nimbus::Aws", "%1: the filter criteria are not JSON event patterns; they are not exported")
                       .arg(trigger->name),
                   trigger->id, u"filterCriteria"_s);
        return YAML::Node(YAML::NodeType::Undefined);
    }
    YAML::Node filters(YAML::NodeType::Sequence);
    for (const QString &pattern : patterns) {
        YAML::Node filter(YAML::NodeType::Map);
        filter["Pattern"] = Y::string(pattern);
        filters.push_back(filter);
    }
    YAML::Node criteria(YAML::NodeType::Map);
    criteria["Filters"] = filters;
    return criteria;
}

QString awsName(const Node *node)
{
    return deployedName(*node);
}

QString deadLetterName(const Node *queue)
{
    return Nimbus::deadLetterName(*queue);
}

YAML::Node busArn(const Node *bus, const LogicalIds &ids)
{
    if (busName(bus) == "default"_L1)
        return Y::tagged("Sub",
                         Y::string("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default"));
    return getAtt(ids.of(bus), u"Arn"_s);
}

YAML::Node resourceArn(const Node *node, const LogicalIds &ids)
{
    if (node->kind == Kinds::EventBus)
        return busArn(node, ids);
    if (node->kind == Kinds::Topic || node->kind == Kinds::StateMachine)
        return ref(ids.of(node)); // their Ref is their ARN
    return getAtt(ids.of(node), u"Arn"_s);
}

QString destinationType(const Node *node)
{
    if (node->kind == Kinds::Queue)
        return u"SQS"_s;
    if (node->kind == Kinds::Topic)
        return u"SNS"_s;
    if (node->kind == Kinds::EventBus)
        return u"EventBridge"_s;
    return u"Lambda"_s;
}

YAML::Node busRulesArn(const ExportRule &rule)
{
    const QString bus = busName(rule.bus);
    return Y::tagged("Sub", Y::string(u"arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/"_s
                                      + (bus == "default"_L1 ? QString() : bus + '/'_L1) + '*'_L1));
}

QList<ExportRule> exportRules(const ExportModel &model)
{
    const Architecture &architecture = model.architecture();
    QList<ExportRule> rules;
    for (const Node *rule : model.nodesOfKind(Kinds::Rule)) {
        ExportRule r;
        r.rule = rule;
        for (EdgeId id : architecture.incomingEdges(rule->id)) {
            const Edge *edge = architecture.edge(id);
            const Node *from = architecture.node(edge->from);
            if (edge->type == "routes"_L1)
                r.otherBuses.append(from);
        }
        std::sort(r.otherBuses.begin(), r.otherBuses.end(),
                  [](const Node *a, const Node *b) { return a->name < b->name; });
        if (!r.otherBuses.isEmpty())
            r.bus = r.otherBuses.takeFirst();
        for (EdgeId id : architecture.outgoingEdges(rule->id)) {
            const Edge *edge = architecture.edge(id);
            if (edge->type == "targets"_L1)
                r.targets.append(architecture.node(edge->to));
        }
        std::sort(r.targets.begin(), r.targets.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
        rules.append(r);
    }
    return rules;
}

YAML::Node rulePattern(const Node *rule, ExportOutput &output)
{
    const YAML::Node pattern = jsonToYaml(settingText(rule, "pattern"));
    if (!pattern.IsMap())
        output.add(Diagnostic::Severity::Error, u"export-rule-pattern"_s,
                   QCoreApplication::translate("Nimbus::Aws",
                                               "%1: the event pattern is not a JSON object; the rule is not exported")
                       .arg(rule->name),
                   rule->id, u"pattern"_s);
    return pattern.IsMap() ? pattern : YAML::Node(YAML::NodeType::Undefined);
}

void addRuleTargetSettings(YAML::Node &target, const Node *rule, const ExportModel &model, const LogicalIds &ids,
                           ExportOutput &output)
{
    const QString mode = settingText(rule, "inputMode");
    if (mode == "Input"_L1) {
        target["Input"] = Y::string(settingText(rule, "input"));
    } else if (mode == "InputPath"_L1) {
        target["InputPath"] = Y::string(settingText(rule, "inputPath"));
    } else if (mode == "InputTransformer"_L1) {
        YAML::Node transformer(YAML::NodeType::Map);
        const YAML::Node paths = jsonToYaml(settingText(rule, "inputPathsMap"));
        if (paths.IsMap() && paths.size() > 0)
            transformer["InputPathsMap"] = paths;
        else if (!paths.IsMap())
            output.add(Diagnostic::Severity::Error, u"export-rule-input"_s,
                       QCoreApplication::translate("Nimbus::Aws",
                                                   "%1: the input paths are not a JSON object; they are not exported")
                           .arg(rule->name),
                       rule->id, u"inputPathsMap"_s);
        transformer["InputTemplate"] = Y::string(settingText(rule, "inputTemplate"));
        target["InputTransformer"] = transformer;
    }
    const int attempts = settingInt(rule, "maximumRetryAttempts");
    const int age = settingInt(rule, "maximumEventAge");
    const QJsonObject defaults = kindDefaults(rule);
    if (attempts != defaults.value("maximumRetryAttempts"_L1).toInt()
        || age != defaults.value("maximumEventAge"_L1).toInt()) {
        YAML::Node retry(YAML::NodeType::Map);
        retry["MaximumRetryAttempts"] = Y::number(attempts);
        retry["MaximumEventAgeInSeconds"] = Y::number(age);
        target["RetryPolicy"] = retry;
    }
    const QString deadLetters = settingText(rule, "deadLetterQueue");
    if (!deadLetters.isEmpty()) {
        const Node *queue = model.architecture().nodeByName(deadLetters);
        if (queue && queue->kind == Kinds::Queue && settingBool(queue, "fifo")) {
            output.add(Diagnostic::Severity::Warning, u"export-rule-dlq"_s,
                       QCoreApplication::translate("Nimbus::Aws",
                                                   "%1: EventBridge's dead-letter queue is a standard queue; the FIFO "
                                                   "queue %2 is not exported as the rule's dead-letter queue")
                           .arg(rule->name, deadLetters),
                       rule->id, u"deadLetterQueue"_s);
        } else if (queue && queue->kind == Kinds::Queue) {
            YAML::Node config(YAML::NodeType::Map);
            config["Arn"] = getAtt(ids.of(queue), u"Arn"_s);
            target["DeadLetterConfig"] = config;
        } else {
            output.add(
                Diagnostic::Severity::Warning, u"export-rule-dlq"_s,
                QCoreApplication::translate(
                    "Nimbus::Aws", "%1: the dead-letter queue %2 is not a queue of the design; it is not exported")
                    .arg(rule->name, deadLetters),
                rule->id, u"deadLetterQueue"_s);
        }
    }
}

void addEventResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &resources, ExportOutput &output,
                       const std::function<bool(const ExportRule &)> &functionEvent,
                       const std::function<YAML::Node(const ExportRule &)> &eventRuleArn)
{
    for (const Node *bus : model.nodesOfKind(Kinds::EventBus)) {
        const QString name = busName(bus);
        const QString id = ids.of(bus);
        if (name != "default"_L1) {
            YAML::Node p(YAML::NodeType::Map);
            p["Name"] = Y::string(name);
            const QString description = settingText(bus, "description");
            if (!description.isEmpty())
                p["Description"] = Y::string(description);
            YAML::Node resource(YAML::NodeType::Map);
            resource["Type"] = Y::string("AWS::Events::EventBus");
            resource["Properties"] = p;
            resources[id.toStdString()] = resource;
        }
        if (settingBool(bus, "archive")) {
            YAML::Node p(YAML::NodeType::Map);
            p["ArchiveName"] = Y::string(EventArchive::archiveName(name)); // the local cloud's name
            p["SourceArn"] = busArn(bus, ids);
            if (hasSetting(bus, "archiveRetention"))
                p["RetentionDays"] = Y::number(settingInt(bus, "archiveRetention"));
            const QString patternText = settingText(bus, "archivePattern");
            if (!patternText.trimmed().isEmpty()) {
                const YAML::Node pattern = jsonToYaml(patternText);
                if (pattern.IsMap())
                    p["EventPattern"] = pattern;
                else
                    output.add(
                        Diagnostic::Severity::Error, u"export-archive-pattern"_s,
                        QCoreApplication::translate(
                            "Nimbus::Aws", "%1: the archive's event pattern is not a JSON object; it is not exported")
                            .arg(bus->name),
                        bus->id, u"archivePattern"_s);
            }
            YAML::Node resource(YAML::NodeType::Map);
            resource["Type"] = Y::string("AWS::Events::Archive");
            resource["Properties"] = p;
            resources[(id + "Archive"_L1).toStdString()] = resource;
        }
    }

    // The rules' ARNs that may send to each queue and topic, by the queue's or topic's name.
    QMap<QString, QPair<const Node *, YAML::Node>> senders;
    auto addSender = [&](const Node *service, const YAML::Node &arn) {
        auto it = senders.find(service->name);
        if (it == senders.end())
            it = senders.insert(service->name, {service, YAML::Node(YAML::NodeType::Sequence)});
        it->second.push_back(arn);
    };
    for (const ExportRule &r : exportRules(model)) {
        const Node *rule = r.rule;
        if (!r.bus || r.targets.isEmpty()) {
            output.add(Diagnostic::Severity::Warning, u"export-rule-unconnected"_s,
                       (r.bus ? QCoreApplication::translate("Nimbus::Aws", "%1 has no target; it is not exported")
                              : QCoreApplication::translate(
                                  "Nimbus::Aws", "%1 is on no event bus (no routes connection); it is not exported"))
                           .arg(rule->name),
                       rule->id);
            continue;
        }
        for (const Node *other : r.otherBuses)
            output.add(Diagnostic::Severity::Warning, u"export-rule-bus"_s,
                       QCoreApplication::translate("Nimbus::Aws",
                                                   "%1: an EventBridge rule is on one bus; it is written on %2, "
                                                   "not on %3")
                           .arg(rule->name, r.bus->name, other->name),
                       rule->id);
        const Node *deadLetters = model.architecture().nodeByName(settingText(rule, "deadLetterQueue"));
        if (deadLetters && (deadLetters->kind != Kinds::Queue || settingBool(deadLetters, "fifo")))
            deadLetters = nullptr;
        if (functionEvent(r)) {
            if (deadLetters)
                addSender(deadLetters, eventRuleArn(r));
            continue;
        }
        const YAML::Node pattern = rulePattern(rule, output);
        if (!pattern.IsDefined())
            continue;
        const QString id = ids.of(rule);
        YAML::Node p(YAML::NodeType::Map);
        const QString description = settingText(rule, "description");
        if (!description.isEmpty())
            p["Description"] = Y::string(description);
        if (busName(r.bus) != "default"_L1)
            p["EventBusName"] = ref(ids.of(r.bus));
        p["EventPattern"] = pattern;
        p["State"] = Y::string(settingBool(rule, "enabled") ? "ENABLED" : "DISABLED");
        YAML::Node targets(YAML::NodeType::Sequence);
        const YAML::Node ruleArn = getAtt(id, u"Arn"_s);
        YAML::Node buses(YAML::NodeType::Sequence);
        YAML::Node machines(YAML::NodeType::Sequence);
        for (const Node *targetNode : r.targets) {
            YAML::Node target(YAML::NodeType::Map);
            target["Id"] = Y::string(ids.of(targetNode));
            target["Arn"] = resourceArn(targetNode, ids);
            if (targetNode->kind == Kinds::EventBus) {
                target["RoleArn"] = getAtt(id + "TargetRole"_L1, u"Arn"_s);
                buses.push_back(busArn(targetNode, ids));
            } else if (targetNode->kind == Kinds::StateMachine) {
                target["RoleArn"] = getAtt(id + "TargetRole"_L1, u"Arn"_s);
                machines.push_back(ref(ids.of(targetNode)));
            }
            // Every target takes the same settings: what they cannot say is reported once.
            ExportOutput again;
            addRuleTargetSettings(target, rule, model, ids, targetNode == r.targets.first() ? output : again);
            // A FIFO queue takes each message in a group: the rule's events are one group, in order.
            if (targetNode->kind == Kinds::Queue && settingBool(targetNode, "fifo")) {
                YAML::Node sqs(YAML::NodeType::Map);
                sqs["MessageGroupId"] = Y::string(rule->name);
                target["SqsParameters"] = sqs;
            }
            targets.push_back(target);
            if (targetNode->kind == Kinds::Function) {
                YAML::Node permission(YAML::NodeType::Map);
                permission["Type"] = Y::string("AWS::Lambda::Permission");
                YAML::Node pp(YAML::NodeType::Map);
                pp["Action"] = Y::string("lambda:InvokeFunction");
                pp["FunctionName"] = getAtt(ids.of(targetNode), u"Arn"_s);
                pp["Principal"] = Y::string("events.amazonaws.com");
                pp["SourceArn"] = ruleArn;
                permission["Properties"] = pp;
                resources[(id + ids.of(targetNode) + "Permission"_L1).toStdString()] = permission;
            } else if (targetNode->kind == Kinds::Queue || targetNode->kind == Kinds::Topic) {
                addSender(targetNode, ruleArn);
            }
        }
        p["Targets"] = targets;
        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::Events::Rule");
        resource["Properties"] = p;
        resources[id.toStdString()] = resource;
        if (buses.size() > 0 || machines.size() > 0) {
            // EventBridge sends to another bus, or starts a state machine, with a role that may.
            YAML::Node statements(YAML::NodeType::Sequence);
            for (const auto &[action, resource] :
                 {std::pair{"events:PutEvents", buses}, std::pair{"states:StartExecution", machines}}) {
                if (resource.size() == 0)
                    continue;
                YAML::Node statement(YAML::NodeType::Map);
                statement["Effect"] = Y::string("Allow");
                statement["Action"] = Y::sequence({QString::fromLatin1(action)});
                statement["Resource"] = resource;
                statements.push_back(statement);
            }
            YAML::Node document(YAML::NodeType::Map);
            document["Version"] = Y::string("2012-10-17");
            document["Statement"] = statements;
            YAML::Node policy(YAML::NodeType::Map);
            policy["PolicyName"] = Y::string(rule->name + "-targets"_L1);
            policy["PolicyDocument"] = document;
            YAML::Node policies(YAML::NodeType::Sequence);
            policies.push_back(policy);
            YAML::Node rp(YAML::NodeType::Map);
            rp["AssumeRolePolicyDocument"] = assumeRole("events.amazonaws.com");
            rp["Policies"] = policies;
            YAML::Node role(YAML::NodeType::Map);
            role["Type"] = Y::string("AWS::IAM::Role");
            role["Properties"] = rp;
            resources[(id + "TargetRole"_L1).toStdString()] = role;
        }
        if (deadLetters)
            addSender(deadLetters, ruleArn);
    }
    for (const auto &[service, arns] : std::as_const(senders)) {
        const QString id = ids.of(service);
        const bool queue = service->kind == Kinds::Queue;
        resources[(id + "EventsPolicy"_L1).toStdString()] =
            queue ? eventsPolicy("AWS::SQS::QueuePolicy", "Queues", "sqs:SendMessage", ref(id), getAtt(id, u"Arn"_s),
                                 arns)
                  : eventsPolicy("AWS::SNS::TopicPolicy", "Topics", "sns:Publish", ref(id), ref(id), arns);
    }
}

Subscription subscriptionOf(const ExportModel &model, const Node *topic, const Node *endpoint)
{
    Subscription subscription;
    subscription.topic = topic;
    subscription.endpoint = endpoint;
    const Architecture &design = model.architecture();
    const Edge *edge = design.findEdge(topic->id, endpoint->id,
                                       endpoint->kind == Kinds::Queue ? u"delivers"_s : u"invokes"_s);
    const QJsonObject properties = edge ? edge->properties : QJsonObject();
    subscription.filterPolicy = properties.value("filterPolicy"_L1).toString().trimmed();
    subscription.filterPolicyScope = properties.value("filterPolicyScope"_L1).toString(u"MessageAttributes"_s);
    subscription.raw = properties.value("rawMessageDelivery"_L1).toBool();
    return subscription;
}

void addFilterPolicy(YAML::Node &map, const Subscription &subscription, const char *policyKey, const char *scopeKey,
                     ExportOutput &output)
{
    if (subscription.filterPolicy.isEmpty())
        return;
    const YAML::Node policy = jsonToYaml(subscription.filterPolicy);
    if (!policy.IsMap()) {
        output.add(Diagnostic::Severity::Warning, u"export-filter-policy"_s,
                   QCoreApplication::translate("Nimbus::Aws",
                                               "%1 -> %2: the filter policy is not a JSON object; it is not exported, "
                                               "and the subscription gets every message")
                       .arg(subscription.topic->name, subscription.endpoint->name),
                   subscription.topic->id, u"filterPolicy"_s);
        return;
    }
    map[policyKey] = policy;
    if (subscription.filterPolicyScope == "MessageBody"_L1)
        map[scopeKey] = Y::string("MessageBody");
}

QList<Subscription> queueSubscriptions(const ExportModel &model)
{
    const Architecture &design = model.architecture();
    QList<Subscription> subscriptions;
    for (const auto &[id, edge] : design.edges()) {
        const Node *topic = design.node(edge.from);
        const Node *queue = design.node(edge.to);
        if (edge.type == "delivers"_L1 && topic && queue && topic->kind == Kinds::Topic && queue->kind == Kinds::Queue)
            subscriptions.append(subscriptionOf(model, topic, queue));
    }
    return subscriptions;
}

void addSubscriptionResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &resources,
                              ExportOutput &output)
{
    QMap<QString, YAML::Node> topicsOfQueue; // queue logical id -> the ARNs of its topics
    for (const Subscription &subscription : queueSubscriptions(model)) {
        const QString topicId = ids.of(subscription.topic), queueId = ids.of(subscription.endpoint);
        YAML::Node properties(YAML::NodeType::Map);
        properties["TopicArn"] = ref(topicId);
        properties["Protocol"] = Y::string("sqs");
        properties["Endpoint"] = getAtt(queueId, u"Arn"_s);
        if (subscription.raw)
            properties["RawMessageDelivery"] = Y::boolean(true);
        addFilterPolicy(properties, subscription, "FilterPolicy", "FilterPolicyScope", output);
        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::SNS::Subscription");
        resource["Properties"] = properties;
        resources[(topicId + queueId + "Subscription"_L1).toStdString()] = resource;
        YAML::Node &arns = topicsOfQueue[queueId];
        if (!arns.IsSequence())
            arns = YAML::Node(YAML::NodeType::Sequence);
        arns.push_back(ref(topicId));
    }
    for (auto it = topicsOfQueue.cbegin(); it != topicsOfQueue.cend(); ++it) {
        YAML::Node principal(YAML::NodeType::Map);
        principal["Service"] = Y::string("sns.amazonaws.com");
        YAML::Node equals(YAML::NodeType::Map);
        equals["aws:SourceArn"] = it.value();
        YAML::Node condition(YAML::NodeType::Map);
        condition["ArnEquals"] = equals;
        YAML::Node statement(YAML::NodeType::Map);
        statement["Effect"] = Y::string("Allow");
        statement["Principal"] = principal;
        statement["Action"] = Y::string("sqs:SendMessage");
        statement["Resource"] = getAtt(it.key(), u"Arn"_s);
        statement["Condition"] = condition;
        // (Y::child does not add the key, as YAML::Node's operator[] would.)
        YAML::Node events = Y::child(resources, (it.key() + "EventsPolicy"_L1).toStdString());
        if (events.IsMap()) {
            YAML::Node statements = events["Properties"]["PolicyDocument"]["Statement"];
            statements.push_back(statement);
            continue;
        }
        YAML::Node policy = eventsPolicy("AWS::SQS::QueuePolicy", "Queues", "sqs:SendMessage", ref(it.key()),
                                         getAtt(it.key(), u"Arn"_s), YAML::Node(YAML::NodeType::Sequence));
        YAML::Node statements(YAML::NodeType::Sequence);
        statements.push_back(statement);
        policy["Properties"]["PolicyDocument"]["Statement"] = statements;
        resources[(it.key() + "TopicsPolicy"_L1).toStdString()] = policy;
    }
}

QJsonObject subscriptionProperties(const YAML::Node &settings, const char *policyKey, const char *scopeKey,
                                   const char *rawKey)
{
    QJsonObject properties;
    const YAML::Node policy = Y::child(settings, policyKey);
    const QString text = policy.IsMap() ? yamlToJson(policy) : Y::text(policy).trimmed();
    if (!text.isEmpty())
        properties.insert(u"filterPolicy"_s, text);
    if (Y::text(Y::child(settings, scopeKey)) == "MessageBody"_L1)
        properties.insert(u"filterPolicyScope"_s, u"MessageBody"_s);
    if (rawKey && Y::text(Y::child(settings, rawKey)).toLower() == "true"_L1)
        properties.insert(u"rawMessageDelivery"_s, true);
    return properties;
}

bool readSubscription(ImportBuilder &builder, const QHash<QString, QString> &nodeOfResource, const YAML::Node &p)
{
    const QString protocol = Y::text(Y::child(p, "Protocol"));
    const QString topic = nodeOfResource.value(referencedId(Y::child(p, "TopicArn")));
    const QString endpoint = nodeOfResource.value(referencedId(Y::child(p, "Endpoint")));
    const Node *target = endpoint.isEmpty() ? nullptr : builder.node(endpoint);
    const Node *source = topic.isEmpty() ? nullptr : builder.node(topic);
    if (!source || !target || source->kind != Kinds::Topic)
        return false;
    if (protocol == "sqs"_L1 && target->kind == Kinds::Queue)
        return builder.connect(topic, endpoint, u"delivers"_s,
                               subscriptionProperties(p, "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery"));
    if (protocol == "lambda"_L1 && target->kind == Kinds::Function)
        return builder.connect(topic, endpoint, u"invokes"_s,
                               subscriptionProperties(p, "FilterPolicy", "FilterPolicyScope"));
    return false;
}

void addSecretResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &resources, ExportOutput &output)
{
    // Values never leave the user's keychain: a secret is generated by Secrets Manager or
    // set after deployment, a parameter's value is a placeholder to replace.
    for (const Node *secret : model.nodesOfKind(Kinds::Secret)) {
        YAML::Node properties(YAML::NodeType::Map);
        const QString name = settingText(secret, "secretName");
        properties["Name"] = Y::string(name.isEmpty() ? secret->name : name);
        if (const QString description = settingText(secret, "description"); !description.isEmpty())
            properties["Description"] = Y::string(description);
        if (settingBool(secret, "generated")) {
            YAML::Node generate(YAML::NodeType::Map);
            generate["PasswordLength"] = Y::number(32);
            properties["GenerateSecretString"] = generate;
        } else {
            output.add(Diagnostic::Severity::Info, u"export-secret-value"_s,
                       QCoreApplication::translate("Nimbus::Aws",
                                                   "%1: the secret is created without its value, which stays in your "
                                                   "keychain; put it after deploying (aws secretsmanager "
                                                   "put-secret-value)")
                           .arg(secret->name),
                       secret->id);
        }
        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::SecretsManager::Secret");
        resource["Properties"] = properties;
        resources[ids.of(secret).toStdString()] = resource;
    }
    for (const Node *parameter : model.nodesOfKind(Kinds::Parameter)) {
        QString name = settingText(parameter, "parameterName");
        if (name.isEmpty())
            name = u'/' + parameter->name;
        const QString type = settingText(parameter, "type").isEmpty() ? u"String"_s : settingText(parameter, "type");
        if (type == "SecureString"_L1) {
            output.add(Diagnostic::Severity::Warning, u"export-securestring"_s,
                       QCoreApplication::translate("Nimbus::Aws",
                                                   "%1: CloudFormation cannot create a SecureString parameter; create "
                                                   "%2 yourself (aws ssm put-parameter --type SecureString), the "
                                                   "function's policy names it")
                           .arg(parameter->name, name),
                       parameter->id, u"type"_s);
            continue;
        }
        YAML::Node properties(YAML::NodeType::Map);
        properties["Name"] = Y::string(name);
        properties["Type"] = Y::string(type);
        properties["Value"] = Y::string(u"CHANGE_ME"_s);
        if (const QString description = settingText(parameter, "description"); !description.isEmpty())
            properties["Description"] = Y::string(description);
        if (const QString tier = settingText(parameter, "tier"); !tier.isEmpty() && tier != "Standard"_L1)
            properties["Tier"] = Y::string(tier);
        YAML::Node resource(YAML::NodeType::Map);
        resource["Type"] = Y::string("AWS::SSM::Parameter");
        resource["Properties"] = properties;
        resources[ids.of(parameter).toStdString()] = resource;
        output.add(Diagnostic::Severity::Info, u"export-parameter-value"_s,
                   QCoreApplication::translate("Nimbus::Aws",
                                               "%1: the parameter's value is the placeholder CHANGE_ME; its value "
                                               "stays in your keychain, set it after deploying")
                       .arg(parameter->name),
                   parameter->id);
    }
}

QStringList unreadKeys(const YAML::Node &settings, std::initializer_list<const char *> read)
{
    QStringList unread;
    if (!settings.IsMap())
        return unread;
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const QString key = Y::text(it->first);
        const bool known = std::any_of(read.begin(), read.end(),
                                       [&](const char *k) { return key == QLatin1String(k); });
        const bool enabledByDefault = (key == "Enabled"_L1 || key == "enabled"_L1)
                                      && Y::text(it->second).toLower() == "true"_L1;
        if (!known && !enabledByDefault)
            unread.append(key);
    }
    return unread;
}

void reportUnexported(const ExportModel &model, ExportOutput &output, const QString &platform,
                      const QStringList &alsoWritten)
{
    // addEventResources writes buses and rules, addUserPoolResources user pools,
    // addSecretResources secrets and parameters; a target may write more (containers).
    model.reportUnexported(output, platform,
                           QStringList{Kinds::EventBus, Kinds::Rule, Kinds::UserPool, Kinds::Secret, Kinds::Parameter,
                                       Kinds::StateMachine, Kinds::Layer}
                               + alsoWritten);
    model.reportWorkflowProblems(output, platform);
    for (const Node *bucket : model.nodesOfKind(Kinds::Bucket))
        if (!settingText(bucket, "filterCriteria").trimmed().isEmpty() && !model.consumers(bucket).isEmpty())
            output.add(Diagnostic::Severity::Warning, u"export-bucket-filter"_s,
                       QCoreApplication::translate(
                           "Nimbus::Aws", "%1: S3 notifications in %2 filter by key prefix and suffix only; the filter "
                                          "criteria are not exported, and every notified object reaches the function")
                           .arg(bucket->name, platform),
                       bucket->id, u"filterCriteria"_s);
}

} // namespace Nimbus::Aws

namespace Nimbus::Aws {

namespace {
// The value under the first key a mapping has.
YAML::Node either(const YAML::Node &map, const char *a, const char *b)
{
    const YAML::Node first = Y::child(map, a);
    return first.IsDefined() ? first : Y::child(map, b);
}

// JSON held as YAML or as JSON text, as the design's text.
QString jsonText(const YAML::Node &value)
{
    if (value.IsScalar()) {
        const YAML::Node parsed = jsonToYaml(Y::text(value));
        return parsed.IsDefined() ? yamlToJson(parsed) : Y::text(value);
    }
    return yamlToJson(value);
}
} // namespace

bool EventReader::readBus(const QString &id, const std::string &type, const YAML::Node &p)
{
    if (type != "AWS::Events::EventBus")
        return false;
    const YAML::Node nameValue = Y::child(p, "Name");
    const QString name = nameValue.IsScalar() ? Y::text(nameValue) : id;
    const QString node = mAddNode(u"event-bus"_s, id,
                                  {{u"busName"_s, name}, {u"description"_s, Y::text(Y::child(p, "Description"))}});
    mBusByName.insert(name, node);
    return true;
}

bool EventReader::readArchive(const std::string &type, const YAML::Node &p)
{
    if (type != "AWS::Events::Archive")
        return false;
    const QString node = bus(Y::child(p, "SourceArn"));
    mBuilder.setProperty(node, u"archive"_s, true);
    bool ok = false;
    const int days = Y::text(Y::child(p, "RetentionDays")).toInt(&ok);
    if (ok)
        mBuilder.setProperty(node, u"archiveRetention"_s, days);
    const YAML::Node pattern = Y::child(p, "EventPattern");
    if (pattern.IsDefined())
        mBuilder.setProperty(node, u"archivePattern"_s, jsonText(pattern));
    return true;
}

QString EventReader::bus(const YAML::Node &value)
{
    const QString id = referencedId(value);
    if (!id.isEmpty() && mNodeOfResource.contains(id))
        return mNodeOfResource.value(id);
    QString name = Y::text(value);
    if (name.contains("event-bus/"_L1))
        name = name.section("event-bus/"_L1, 1);
    if (name.isEmpty() || !id.isEmpty())
        name = id.isEmpty() ? u"default"_s : id;
    if (const QString known = mBusByName.value(name); !known.isEmpty())
        return known;
    const QString node = mBuilder.addNode(u"event-bus"_s, name, {{u"busName"_s, name}});
    mBusByName.insert(name, node);
    return node;
}

QString EventReader::nodeOfArn(const YAML::Node &arn)
{
    const QString id = referencedId(arn);
    if (!id.isEmpty())
        return mNodeOfResource.value(id);
    if (Y::text(arn).contains(":event-bus/"_L1))
        return bus(arn);
    return {};
}

QJsonObject EventReader::ruleProperties(const YAML::Node &pattern, const YAML::Node &target, bool enabled,
                                        const QString &description)
{
    QJsonObject props{{u"pattern"_s, jsonText(pattern)}, {u"enabled"_s, enabled}, {u"description"_s, description}};
    const YAML::Node input = either(target, "Input", "input");
    const YAML::Node path = either(target, "InputPath", "inputPath");
    const YAML::Node transformer = either(target, "InputTransformer", "inputTransformer");
    if (input.IsDefined()) {
        props.insert(u"inputMode"_s, u"Input"_s);
        props.insert(u"input"_s, input.IsScalar() ? Y::text(input) : yamlToJson(input));
    } else if (path.IsDefined()) {
        props.insert(u"inputMode"_s, u"InputPath"_s);
        props.insert(u"inputPath"_s, Y::text(path));
    } else if (transformer.IsDefined()) {
        props.insert(u"inputMode"_s, u"InputTransformer"_s);
        const YAML::Node paths = either(transformer, "InputPathsMap", "inputPathsMap");
        props.insert(u"inputPathsMap"_s, paths.IsDefined() ? jsonText(paths) : u"{}"_s);
        props.insert(u"inputTemplate"_s, Y::text(either(transformer, "InputTemplate", "inputTemplate")));
    }
    const YAML::Node retry = either(target, "RetryPolicy", "retryPolicy");
    bool ok = false;
    if (const int n = Y::text(either(retry, "MaximumRetryAttempts", "maximumRetryAttempts")).toInt(&ok); ok)
        props.insert(u"maximumRetryAttempts"_s, n);
    if (const int n = Y::text(either(retry, "MaximumEventAgeInSeconds", "maximumEventAge")).toInt(&ok); ok)
        props.insert(u"maximumEventAge"_s, n);
    const YAML::Node dlq = Y::has(target, "deadLetterQueueArn") ? Y::child(target, "deadLetterQueueArn")
                                                                : Y::child(Y::child(target, "DeadLetterConfig"), "Arn");
    if (const QString queue = nodeOfArn(dlq); !queue.isEmpty())
        props.insert(u"deadLetterQueue"_s, queue);
    return props;
}

bool EventReader::readRule(const QString &id, const std::string &type, const YAML::Node &p)
{
    if (type != "AWS::Events::Rule")
        return false;
    const YAML::Node targets = Y::child(p, "Targets");
    const YAML::Node first = targets.IsSequence() && targets.size() > 0 ? targets[0] : YAML::Node(YAML::NodeType::Map);
    const QString state = Y::text(Y::child(p, "State"));
    const YAML::Node pattern = Y::child(p, "EventPattern");
    if (!pattern.IsDefined())
        return false; // a scheduled rule, which the canvas shows as a schedule only as a function's event
    const QJsonObject props = ruleProperties(pattern, first, state != "DISABLED"_L1,
                                             Y::text(Y::child(p, "Description")));
    const QString rule = mAddNode(u"rule"_s, id, props);
    mBuilder.connect(bus(Y::child(p, "EventBusName")), rule, u"routes"_s);
    for (const YAML::Node &target : targets) {
        const QString node = nodeOfArn(Y::child(target, "Arn"));
        if (!node.isEmpty())
            mBuilder.connect(rule, node, u"targets"_s);
    }
    return true;
}

} // namespace Nimbus::Aws

namespace Nimbus::Aws {

const Node *streamFailureDestination(const ExportFunction &function, const Node *table, ExportOutput &output)
{
    ExportOutput ignored;
    const Node *failure = destinations(function, ignored).onFailure;
    if (!failure || failure->kind == Kinds::Queue || failure->kind == Kinds::Topic)
        return failure;
    output.add(Diagnostic::Severity::Warning, u"export-stream-destination"_s,
               QCoreApplication::translate("Nimbus::Aws",
                                           "%1: a stream sends the records it gives up on to a queue or a topic only; "
                                           "those of %2 do not go to %3 (asynchronous invocations' failures do)")
                   .arg(function.node->name, table->name, failure->name),
               function.node->id);
    return nullptr;
}

Destinations destinations(const ExportFunction &function, ExportOutput &output)
{
    Destinations d;
    for (const FunctionAccess &access : function.accesses) {
        const bool success = access.type == "on-success"_L1;
        if (!success && access.type != "on-failure"_L1)
            continue;
        const Node *&slot = success ? d.onSuccess : d.onFailure;
        if (!slot) {
            slot = access.service;
            continue;
        }
        output.add(
            Diagnostic::Severity::Warning, u"export-destination"_s,
            QCoreApplication::translate("Nimbus::Aws", "%1: Lambda takes one %2 destination; %3 is written, %4 is not")
                .arg(function.node->name, access.type, slot->name, access.service->name),
            function.node->id);
    }
    return d;
}

bool hasAsyncSettings(const ExportFunction &function)
{
    const QJsonObject defaults = kindDefaults(function.node);
    for (const char *key : {"maximumRetryAttempts", "maximumEventAge"})
        if (setting(function.node, key) != defaults.value(QLatin1String(key)))
            return true;
    return false;
}

} // namespace Nimbus::Aws
