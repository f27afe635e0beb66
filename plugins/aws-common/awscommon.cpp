#include "awscommon.h"

#include "export/yaml.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Nimbus::Aws {

namespace {
using Y = Yaml;

YAML::Node getAtt(const QString &id, const QString &attribute)
{
    return Y::tagged("GetAtt", Y::string(id + QLatin1Char('.') + attribute));
}

YAML::Node ref(const QString &id)
{
    return Y::tagged("Ref", Y::string(id));
}
} // namespace

LogicalIds::LogicalIds(const QJsonObject &origin)
{
    const QJsonObject ids = origin.value(QLatin1String("ids")).toObject();
    for (auto it = ids.begin(); it != ids.end(); ++it)
        mRecorded.insert(it.key(), it.value().toString());
    const QJsonObject events = origin.value(QLatin1String("events")).toObject();
    for (auto it = events.begin(); it != events.end(); ++it)
        mEvents.insert(it.key(), it.value().toString());
}

QString LogicalIds::event(const Node *function, const Node *trigger) const
{
    const QString recorded = mEvents.value(function->name + QLatin1Char('/') + trigger->name);
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
    QList<IamStatement> result;
    auto add = [&](const Node *service, QStringList actions, const QString &attribute = QStringLiteral("Arn"),
                   const QString &suffix = {}) {
        result.append({actions, service, attribute, suffix});
    };
    for (const FunctionAccess &access : function.accesses) {
        const QString kind = access.service->kind;
        const QString &type = access.type;
        if (kind == QLatin1String("table") && type == QLatin1String("writes"))
            add(access.service, {QStringLiteral("dynamodb:PutItem"), QStringLiteral("dynamodb:UpdateItem"),
                                 QStringLiteral("dynamodb:DeleteItem"), QStringLiteral("dynamodb:BatchWriteItem")});
        else if (kind == QLatin1String("table") && type == QLatin1String("reads"))
            add(access.service,
                {QStringLiteral("dynamodb:GetItem"), QStringLiteral("dynamodb:Query"), QStringLiteral("dynamodb:Scan"),
                 QStringLiteral("dynamodb:BatchGetItem"), QStringLiteral("dynamodb:DescribeTable")});
        else if (kind == QLatin1String("bucket") && type == QLatin1String("writes"))
            add(access.service, {QStringLiteral("s3:PutObject"), QStringLiteral("s3:DeleteObject")},
                QStringLiteral("Arn"), QStringLiteral("/*"));
        else if (kind == QLatin1String("bucket") && type == QLatin1String("reads")) {
            add(access.service, {QStringLiteral("s3:ListBucket")});
            add(access.service, {QStringLiteral("s3:GetObject")}, QStringLiteral("Arn"), QStringLiteral("/*"));
        } else if (kind == QLatin1String("queue") && type == QLatin1String("writes"))
            add(access.service, {QStringLiteral("sqs:SendMessage"), QStringLiteral("sqs:GetQueueUrl")});
        else if (kind == QLatin1String("queue") && type == QLatin1String("reads"))
            add(access.service, {QStringLiteral("sqs:ReceiveMessage"), QStringLiteral("sqs:DeleteMessage"),
                                 QStringLiteral("sqs:GetQueueAttributes"), QStringLiteral("sqs:GetQueueUrl")});
        else if (kind == QLatin1String("topic") && type == QLatin1String("publishes"))
            add(access.service, {QStringLiteral("sns:Publish")}, QStringLiteral("Ref"));
        else if (kind == QLatin1String("function") && type == QLatin1String("calls"))
            add(access.service, {QStringLiteral("lambda:InvokeFunction")});
    }
    for (const Node *trigger : function.triggers) {
        if (trigger->kind == QLatin1String("queue"))
            add(trigger, {QStringLiteral("sqs:ReceiveMessage"), QStringLiteral("sqs:DeleteMessage"),
                          QStringLiteral("sqs:GetQueueAttributes")});
        else if (trigger->kind == QLatin1String("table"))
            add(trigger,
                {QStringLiteral("dynamodb:DescribeStream"), QStringLiteral("dynamodb:GetRecords"),
                 QStringLiteral("dynamodb:GetShardIterator"), QStringLiteral("dynamodb:ListStreams")},
                QStringLiteral("StreamArn"));
    }
    return result;
}

YAML::Node statementResource(const IamStatement &statement, const LogicalIds &ids)
{
    const QString id = ids.of(statement.service);
    if (statement.attribute == QLatin1String("Ref"))
        return ref(id); // a topic's Ref is its ARN
    if (statement.suffix.isEmpty())
        return getAtt(id, statement.attribute);
    return Y::tagged("Sub", Y::string(QStringLiteral("${%1.%2}%3").arg(id, statement.attribute, statement.suffix)));
}

void addServiceResources(const ExportModel &model, const Node *node, const LogicalIds &ids, YAML::Node &resources,
                         ExportOutput &output, const QString &bucketName)
{
    const QString id = ids.of(node);
    YAML::Node resource(YAML::NodeType::Map);
    YAML::Node properties(YAML::NodeType::Map);
    if (node->kind == QLatin1String("queue")) {
        resource["Type"] = Y::string("AWS::SQS::Queue");
        const bool fifo = model.boolean(node, "fifo");
        if (fifo)
            properties["FifoQueue"] = Y::boolean(true);
        properties["VisibilityTimeout"] = Y::number(model.integer(node, "visibilityTimeout", 30));
        properties["MessageRetentionPeriod"] = Y::number(model.integer(node, "messageRetention", 345600));
        properties["DelaySeconds"] = Y::number(model.integer(node, "delay", 0));
        const QString deadLetters = id + QLatin1String("DeadLetters");
        YAML::Node redrive(YAML::NodeType::Map);
        redrive["deadLetterTargetArn"] = getAtt(deadLetters, QStringLiteral("Arn"));
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
    if (node->kind == QLatin1String("topic")) {
        resource["Type"] = Y::string("AWS::SNS::Topic");
        const QString displayName = model.string(node, "displayName");
        if (!displayName.isEmpty())
            properties["DisplayName"] = Y::string(displayName);
        if (model.boolean(node, "fifo"))
            properties["FifoTopic"] = Y::boolean(true);
    } else if (node->kind == QLatin1String("table")) {
        resource["Type"] = Y::string("AWS::DynamoDB::Table");
        const QString billing = model.string(node, "billingMode", QStringLiteral("PAY_PER_REQUEST"));
        properties["BillingMode"] = Y::string(billing);
        YAML::Node attributes(YAML::NodeType::Sequence);
        YAML::Node keys(YAML::NodeType::Sequence);
        auto key = [&](const char *nameProperty, const char *typeProperty, const char *keyType) {
            const QString name = model.string(node, nameProperty);
            if (name.isEmpty())
                return;
            YAML::Node attribute(YAML::NodeType::Map);
            attribute["AttributeName"] = Y::string(name);
            attribute["AttributeType"] = Y::string(model.string(node, typeProperty, QStringLiteral("S")));
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
        if (billing == QLatin1String("PROVISIONED")) {
            YAML::Node throughput(YAML::NodeType::Map);
            throughput["ReadCapacityUnits"] = Y::number(5);
            throughput["WriteCapacityUnits"] = Y::number(5);
            properties["ProvisionedThroughput"] = throughput;
            output.add(Diagnostic::Severity::Info, QStringLiteral("export-capacity"),
                       QCoreApplication::translate(
                           "Nimbus::ExportModel",
                           "%1: provisioned capacity is not on the canvas; 5 read and 5 write units are written")
                           .arg(node->name),
                       node->id, QStringLiteral("billingMode"));
        }
        const QString stream = model.string(node, "stream", QStringLiteral("NONE"));
        if (stream != QLatin1String("NONE")) {
            YAML::Node spec(YAML::NodeType::Map);
            spec["StreamViewType"] = Y::string(stream);
            properties["StreamSpecification"] = spec;
        }
    } else if (node->kind == QLatin1String("bucket")) {
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
        const bool isArn = var.value.startsWith(QLatin1String("arn:"))
                           && var.value.endsWith(QLatin1Char(':') + service->name);
        if (!isName && !isArn)
            continue;
        if (service->kind == QLatin1String("table") || service->kind == QLatin1String("bucket")
            || service->kind == QLatin1String("function"))
            return isName ? ref(id) : getAtt(id, QStringLiteral("Arn"));
        if (service->kind == QLatin1String("queue"))
            return getAtt(id, isName ? QStringLiteral("QueueName") : QStringLiteral("Arn"));
        if (service->kind == QLatin1String("topic"))
            return isName ? getAtt(id, QStringLiteral("TopicName")) : ref(id);
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
    return {id, name, description, QStringLiteral("aws"), QStringLiteral("aws-us-east-1"), lambdaLimits(), options};
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
        return v == QLatin1String("true");
    };
    if (type == "AWS::SQS::Queue") {
        s.kind = QStringLiteral("queue");
        s.properties = {{QStringLiteral("fifo"), flag("FifoQueue")},
                        {QStringLiteral("visibilityTimeout"), number("VisibilityTimeout", 30)},
                        {QStringLiteral("messageRetention"), number("MessageRetentionPeriod", 345600)},
                        {QStringLiteral("delay"), number("DelaySeconds", 0)}};
        const YAML::Node redrive = Y::child(p, "RedrivePolicy");
        const int receives = Y::text(Y::child(redrive, "maxReceiveCount")).toInt();
        if (receives > 0)
            s.properties.insert(QStringLiteral("maxReceiveCount"), receives);
    } else if (type == "AWS::SNS::Topic") {
        s.kind = QStringLiteral("topic");
        s.properties = {{QStringLiteral("fifo"), flag("FifoTopic")},
                        {QStringLiteral("displayName"), Y::text(Y::child(p, "DisplayName"))}};
    } else if (type == "AWS::S3::Bucket") {
        s.kind = QStringLiteral("bucket");
        const QString status = Y::text(Y::child(Y::child(p, "VersioningConfiguration"), "Status"));
        s.properties = {{QStringLiteral("versioning"), status == QLatin1String("Enabled")}};
    } else if (type == "AWS::DynamoDB::Table") {
        s.kind = QStringLiteral("table");
        QHash<QString, QString> types;
        for (const YAML::Node &a : Y::child(p, "AttributeDefinitions"))
            types.insert(Y::text(Y::child(a, "AttributeName")), Y::text(Y::child(a, "AttributeType")));
        for (const YAML::Node &k : Y::child(p, "KeySchema")) {
            const QString name = Y::text(Y::child(k, "AttributeName"));
            const bool hash = Y::text(Y::child(k, "KeyType")) == QLatin1String("HASH");
            s.properties.insert(hash ? QStringLiteral("partitionKey") : QStringLiteral("sortKey"), name);
            const QString t = types.value(name, QStringLiteral("S"));
            s.properties.insert(hash ? QStringLiteral("partitionKeyType") : QStringLiteral("sortKeyType"),
                                QStringList{QStringLiteral("S"), QStringLiteral("N"), QStringLiteral("B")}.contains(t)
                                    ? t
                                    : QStringLiteral("S"));
        }
        const QString billing = Y::text(Y::child(p, "BillingMode"));
        s.properties.insert(QStringLiteral("billingMode"),
                            billing == QLatin1String("PAY_PER_REQUEST") ? billing : QStringLiteral("PROVISIONED"));
        const QString stream = Y::text(Y::child(Y::child(p, "StreamSpecification"), "StreamViewType"));
        if (!stream.isEmpty())
            s.properties.insert(QStringLiteral("stream"), stream);
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
            return text.section(QLatin1Char('.'), 0, 0);
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
            return Y::text(g).section(QLatin1Char('.'), 0, 0);
    }
    return {};
}

QString accessType(const QString &kind, const QString &action)
{
    const QString verb = action.section(QLatin1Char(':'), 1);
    if (verb.contains(QLatin1String("Stream")) || verb == QLatin1String("GetRecords")
        || verb == QLatin1String("GetShardIterator") || verb == QLatin1String("GetQueueUrl"))
        return {}; // a trigger's own permission, or a lookup that comes with sending and receiving
    static const QRegularExpression writes(QStringLiteral("^(Put|Update|Delete|BatchWrite)"));
    if (kind == QLatin1String("table"))
        return writes.match(verb).hasMatch() ? QStringLiteral("writes") : QStringLiteral("reads");
    if (kind == QLatin1String("bucket"))
        return writes.match(verb).hasMatch() ? QStringLiteral("writes") : QStringLiteral("reads");
    if (kind == QLatin1String("queue"))
        return verb.startsWith(QLatin1String("Send")) ? QStringLiteral("writes") : QStringLiteral("reads");
    if (kind == QLatin1String("topic"))
        return QStringLiteral("publishes");
    if (kind == QLatin1String("function"))
        return QStringLiteral("calls");
    return {};
}

QString statementResourceId(const YAML::Node &resource)
{
    const QString id = referencedId(resource);
    if (!id.isEmpty() || resource.Tag() != "!Sub")
        return id;
    static const QRegularExpression sub(QStringLiteral("^\\$\\{([A-Za-z0-9]+)"));
    return sub.match(Y::text(resource)).captured(1);
}

YAML::Node lambdaRole(const ExportFunction &function, const LogicalIds &ids)
{
    YAML::Node principal(YAML::NodeType::Map);
    principal["Service"] = Y::sequence({QStringLiteral("lambda.amazonaws.com")});
    YAML::Node assume(YAML::NodeType::Map);
    assume["Effect"] = Y::string("Allow");
    assume["Principal"] = principal;
    assume["Action"] = Y::sequence({QStringLiteral("sts:AssumeRole")});
    YAML::Node assumeDocument(YAML::NodeType::Map);
    assumeDocument["Version"] = Y::string("2012-10-17");
    YAML::Node assumeStatements(YAML::NodeType::Sequence);
    assumeStatements.push_back(assume);
    assumeDocument["Statement"] = assumeStatements;

    YAML::Node p(YAML::NodeType::Map);
    p["AssumeRolePolicyDocument"] = assumeDocument;
    p["ManagedPolicyArns"] = Y::sequence(
        {QStringLiteral("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")});
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
        policy["PolicyName"] = Y::string(function.node->name + QLatin1String("-access"));
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
    static const QRegularExpression node(QStringLiteral("^nodejs(\\d+)"));
    static const QRegularExpression python(QStringLiteral("^python3\\.(\\d+)$"));
    if (const auto m = node.match(runtime); m.hasMatch())
        return m.captured(1).toInt() >= 22 ? QStringLiteral("nodejs22.x") : QStringLiteral("nodejs20.x");
    if (const auto m = python.match(runtime); m.hasMatch())
        return m.captured(1).toInt() >= 12 ? QStringLiteral("python3.12") : QStringLiteral("python3.11");
    return {};
}

} // namespace Nimbus::Aws
