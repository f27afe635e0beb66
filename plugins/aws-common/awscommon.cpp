#include "awscommon.h"
#include "cloud/eventbus.h"
#include "model/kinds.h"
#include "model/permissions.h"

#include "export/yaml.h"
#include "export/yamlmerge.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

namespace {
using Y = Yaml;

YAML::Node getAtt(const QString &id, const QString &attribute)
{
    return Y::tagged("GetAtt", Y::string(id + '.'_L1 + attribute));
}

YAML::Node ref(const QString &id)
{
    return Y::tagged("Ref", Y::string(id));
}
} // namespace

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
    // The grants are data, shared with the studio's Inspector (resources/catalog/permissions.json).
    const Permissions &permissions = Permissions::aws();
    QList<IamStatement> result;
    auto add = [&](const Node *service, const QList<IamGrant> &grants) {
        for (const IamGrant &grant : grants)
            result.append({grant.actions, service, grant.attribute, grant.suffix});
    };
    for (const FunctionAccess &access : function.accesses)
        add(access.service, permissions.access(access.service->kind, access.type));
    for (const Node *trigger : function.triggers)
        add(trigger, permissions.trigger(trigger->kind));
    return result;
}

YAML::Node statementResource(const IamStatement &statement, const LogicalIds &ids)
{
    // The exports do not write buses (each says so): a bus is named by its ARN.
    if (statement.service->kind == Kinds::EventBus)
        return Y::tagged("Sub", Y::string(u"arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/"_s
                                          + EventBus::busName(*statement.service)));
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
        if (fifo)
            properties["FifoQueue"] = Y::boolean(true);
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
        if (model.boolean(node, "fifo"))
            properties["FifoTopic"] = Y::boolean(true);
    } else if (node->kind == Kinds::Table) {
        resource["Type"] = Y::string("AWS::DynamoDB::Table");
        const QString billing = model.string(node, "billingMode", u"PAY_PER_REQUEST"_s);
        properties["BillingMode"] = Y::string(billing);
        YAML::Node attributes(YAML::NodeType::Sequence);
        YAML::Node keys(YAML::NodeType::Sequence);
        auto key = [&](const char *nameProperty, const char *typeProperty, const char *keyType) {
            const QString name = model.string(node, nameProperty);
            if (name.isEmpty())
                return;
            YAML::Node attribute(YAML::NodeType::Map);
            attribute["AttributeName"] = Y::string(name);
            attribute["AttributeType"] = Y::string(model.string(node, typeProperty, u"S"_s));
            attributes.push_back(attribute);
            YAML::Node schema(YAML::NodeType::Map);
            schema["AttributeName"] = Y::string(name);
            schema["KeyType"] = Y::string(keyType);
            keys.push_back(schema);
        };
        key("partitionKey", "partitionKeyType", "HASH");
        key("sortKey", "sortKeyType", "RANGE");
        properties["AttributeDefinitions"] = attributes;
        properties["KeySchema"] = keys;
        if (billing == "PROVISIONED"_L1) {
            YAML::Node throughput(YAML::NodeType::Map);
            throughput["ReadCapacityUnits"] = Y::number(5);
            throughput["WriteCapacityUnits"] = Y::number(5);
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
        if (!bucketName.isEmpty())
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
    if (type == "AWS::SQS::Queue") {
        s.kind = u"queue"_s;
        s.properties = {{u"fifo"_s, flag("FifoQueue")},
                        {u"visibilityTimeout"_s, number("VisibilityTimeout", 30)},
                        {u"messageRetention"_s, number("MessageRetentionPeriod", 345600)},
                        {u"delay"_s, number("DelaySeconds", 0)}};
        const YAML::Node redrive = Y::child(p, "RedrivePolicy");
        const int receives = Y::text(Y::child(redrive, "maxReceiveCount")).toInt();
        if (receives > 0)
            s.properties.insert(u"maxReceiveCount"_s, receives);
    } else if (type == "AWS::SNS::Topic") {
        s.kind = u"topic"_s;
        s.properties = {{u"fifo"_s, flag("FifoTopic")}, {u"displayName"_s, Y::text(Y::child(p, "DisplayName"))}};
    } else if (type == "AWS::S3::Bucket") {
        s.kind = u"bucket"_s;
        const QString status = Y::text(Y::child(Y::child(p, "VersioningConfiguration"), "Status"));
        s.properties = {{u"versioning"_s, status == "Enabled"_L1}};
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
    const ExportModel model(imported, *input.catalog);
    ExportOutput ignored;
    result->origin.insert(u"baseline"_s,
                          QString::fromUtf8(Y::dump(generate(model, LogicalIds(result->origin), ignored))));
}

} // namespace Nimbus::Aws
