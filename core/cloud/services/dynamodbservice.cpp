#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"
#include "result.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/cloudstate.h"
#include "cloud/dynamoexpression.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QSet>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QString kValidation = u"ValidationException"_s;
constexpr qsizetype kItemLimit = 400 * 1024;
constexpr qsizetype kPageLimit = 1024 * 1024;
constexpr int kScanRows = 10000;

DynamoError validation(const QString &message)
{
    return {kValidation, message};
}

QJsonObject keyOf(const QJsonObject &item, const TableKeys &keys)
{
    QJsonObject key{{keys.partitionKey, item.value(keys.partitionKey)}};
    if (!keys.sortKey.isEmpty())
        key.insert(keys.sortKey, item.value(keys.sortKey));
    return key;
}

// The request's key must be exactly the table's key attributes, of their types.
bool checkKey(const QJsonObject &key, const TableKeys &keys, DynamoError *error)
{
    const int expected = keys.sortKey.isEmpty() ? 1 : 2;
    if (key.size() != expected || !TableStore::keyValue(key.value(keys.partitionKey), keys.partitionType)
        || (!keys.sortKey.isEmpty() && !TableStore::keyValue(key.value(keys.sortKey), keys.sortType))) {
        *error = validation(u"The provided key element does not match the schema"_s);
        return false;
    }
    return true;
}

bool checkItem(const QJsonObject &item, const TableKeys &keys, DynamoError *error)
{
    for (const QString &name : {keys.partitionKey, keys.sortKey}) {
        if (name.isEmpty())
            continue;
        const QString type = name == keys.partitionKey ? keys.partitionType : keys.sortType;
        if (!item.contains(name)) {
            *error = validation(
                u"One or more parameter values were invalid: Missing the key %1 in the item"_s.arg(name));
            return false;
        }
        if (!TableStore::keyValue(item.value(name), type)) {
            *error = validation(
                u"One or more parameter values were invalid: Type mismatch for key %1 expected: %2 actual: %3"_s.arg(
                    name, type, DynamoValue::typeOf(item.value(name))));
            return false;
        }
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (const QString problem = DynamoValue::validate(it.value()); !problem.isEmpty()) {
            *error = validation(
                u"One or more parameter values were invalid: %1 (attribute %2)"_s.arg(problem, it.key()));
            return false;
        }
    }
    if (DynamoValue::itemSize(item) > kItemLimit) {
        *error = validation(u"Item size has exceeded the maximum allowed size"_s);
        return false;
    }
    return true;
}

// The expressions of a request, parsed against its names and values.
struct Expressions
{
    DynamoExpression::Context context;
    std::optional<DynamoExpression> condition, filter, keyCondition, update, projection;

    bool parse(const QJsonObject &input, DynamoError *error)
    {
        context.names = input.value("ExpressionAttributeNames"_L1).toObject();
        context.values = input.value("ExpressionAttributeValues"_L1).toObject();
        const struct
        {
            const char *field;
            DynamoExpression::Kind kind;
            std::optional<DynamoExpression> *into;
        } fields[] = {
            {"ConditionExpression", DynamoExpression::Kind::Condition, &condition},
            {"FilterExpression", DynamoExpression::Kind::Condition, &filter},
            {"KeyConditionExpression", DynamoExpression::Kind::Condition, &keyCondition},
            {"UpdateExpression", DynamoExpression::Kind::Update, &update},
            {"ProjectionExpression", DynamoExpression::Kind::Projection, &projection},
        };
        for (const auto &f : fields) {
            if (!input.contains(QLatin1String(f.field)))
                continue;
            *f.into = DynamoExpression::parse(f.kind, input.value(QLatin1String(f.field)).toString(),
                                              QLatin1String(f.field), context, error);
            if (!*f.into)
                return false;
        }
        if (!context.names.isEmpty() || !context.values.isEmpty()) {
            if (auto unused = context.unused()) {
                *error = *unused;
                return false;
            }
        }
        return true;
    }
};

QJsonObject returnedAttributes(const QString &mode, const std::optional<QJsonObject> &before, const QJsonObject &after,
                               const QStringList &touched)
{
    auto pick = [&](const QJsonObject &item) {
        QJsonObject out;
        for (const QString &name : touched)
            if (item.contains(name))
                out.insert(name, item.value(name));
        return out;
    };
    if (mode == "ALL_OLD"_L1)
        return before.value_or(QJsonObject());
    if (mode == "ALL_NEW"_L1)
        return after;
    if (mode == "UPDATED_OLD"_L1)
        return before ? pick(*before) : QJsonObject();
    if (mode == "UPDATED_NEW"_L1)
        return pick(after);
    return {};
}

QJsonObject failed(DynamoError *error, const DynamoError &e)
{
    *error = e;
    return {};
}

DynamoError internalError(const QString &message)
{
    return {u"InternalServerError"_s, message};
}

// A query's or scan's Limit: at least 1 when given, 0 when not.
bool readLimit(const QJsonObject &input, int *limit, DynamoError *error)
{
    *limit = input.value("Limit"_L1).toInt(0);
    if (input.contains("Limit"_L1) && *limit < 1) {
        *error = validation(QStringLiteral("1 validation error detected: Value '%1' at 'limit' failed to satisfy "
                                           "constraint: Member must have value greater than or equal to 1")
                                .arg(*limit));
        return false;
    }
    return true;
}

bool checkStartKey(const QJsonObject &startKey, const TableKeys &keys, DynamoError *error)
{
    if (checkKey(startKey, keys, error))
        return true;
    *error = validation(u"The provided starting key is invalid: The provided key element does not match the schema"_s);
    return false;
}

// An operation on the table its request names, with the request's expressions parsed.
struct TableCall
{
    const QJsonObject &input;
    qint64 cause = 0;
    const Node *table = nullptr;
    TableKeys keys;
    QString returnValues;
    Expressions expressions;
};

// The operations on one table (PutItem, Query ...), each a member, and what they share.
class TableOperation
{
public:
    TableOperation(LocalCloud &cloud, const TableCall &call) : mCloud(cloud), mCall(call) { }

    QJsonObject putItem(DynamoError *error);
    QJsonObject getItem(DynamoError *error);
    QJsonObject deleteItem(DynamoError *error);
    QJsonObject updateItem(DynamoError *error);
    QJsonObject query(DynamoError *error);
    QJsonObject scan(DynamoError *error);

private:
    LocalCloud &cloud() const { return mCloud; }
    // The item key names as it is now, when the request's condition holds for it.
    bool itemBefore(const QJsonObject &key, std::optional<QJsonObject> *before, DynamoError *error) const;
    // PutItem's and DeleteItem's common part: the condition, the write (told whether
    // the item existed), and the old item for ReturnValues ALL_OLD.
    QJsonObject conditionalWrite(const QJsonObject &key, const std::function<Result<void>(bool existed)> &write,
                                 DynamoError *error);
    // One page of a query or a scan from its candidate items, from start on.
    QJsonObject page(const QList<QJsonObject> &candidates, qsizetype start, int limit, int scanRows) const;

    LocalCloud &mCloud;
    const TableCall &mCall;
};

// DynamoDB on its JSON 1.0 protocol: the design's tables, their items with condition,
// update, filter and projection expressions, queries, paged scans and batches. Writes
// reach the tables' streams through the local cloud.
class DynamoDbService final : public AwsService
{
public:
    explicit DynamoDbService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    using Function = QJsonObject (DynamoDbService::*)(const QJsonObject &input, qint64 cause, DynamoError *error);
    using TableFunction = QJsonObject (TableOperation::*)(DynamoError *error);

    // The answer of one operation, or *error.
    QJsonObject run(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error);
    const Node *table(const QJsonValue &name, DynamoError *error) const;
    QJsonObject description(const Node *table) const;
    bool checkWriteBatch(const QJsonObject &requests, DynamoError *error) const;

    QJsonObject listTables(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchWriteItem(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchGetItem(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject describeTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject updateTimeToLive(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject describeTimeToLive(const QJsonObject &input, qint64 cause, DynamoError *error);

    QHash<QString, Function> mOperations; // without a table, or finding it themselves
    QHash<QString, TableFunction> mTableOperations; // on the table named in TableName
};

} // namespace

DynamoDbService::DynamoDbService(AwsEndpoint &endpoint)
    : AwsService(Recognition(u"dynamodb"_s).byTarget(u"DynamoDB_20120810."_s), endpoint)
{
    mOperations = {
        {u"ListTables"_s, &DynamoDbService::listTables},
        {u"BatchWriteItem"_s, &DynamoDbService::batchWriteItem},
        {u"BatchGetItem"_s, &DynamoDbService::batchGetItem},
        {u"DescribeTable"_s, &DynamoDbService::describeTable},
        {u"UpdateTimeToLive"_s, &DynamoDbService::updateTimeToLive},
        {u"DescribeTimeToLive"_s, &DynamoDbService::describeTimeToLive},
    };
    mTableOperations = {
        {u"PutItem"_s, &TableOperation::putItem},       {u"GetItem"_s, &TableOperation::getItem},
        {u"DeleteItem"_s, &TableOperation::deleteItem}, {u"UpdateItem"_s, &TableOperation::updateItem},
        {u"Query"_s, &TableOperation::query},           {u"Scan"_s, &TableOperation::scan},
    };
}

void DynamoDbService::handle(const AwsRequest &request, const AwsReply &done)
{
    const QString prefix = u"com.amazonaws.dynamodb.v20120810#"_s;
    if (request.body.size() > AwsEndpoint::kDynamoRequestLimit) {
        done(AwsWire::jsonError(413, prefix, u"RequestEntityTooLarge"_s, u"Request entity too large"_s));
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        done(AwsWire::jsonError(400, u"com.amazon.coral.service#"_s, u"SerializationException"_s,
                                u"the request body is not a JSON object"_s));
        return;
    }
    DynamoError error;
    QJsonObject result;
    {
        // The table writes of the requests of this turn of the event loop are committed together.
        const CloudState::Batch batch(cloud().state());
        result = run(request.operation, document.object(), request.cause, &error);
    }
    HttpResponseData answer;
    if (!error.type.isEmpty()) {
        const int status = error.type == "InternalServerError"_L1 ? 500 : 400;
        // DynamoDB names its own exceptions, and the service framework's (coral) the others.
        const QString typePrefix = error.type == "UnknownOperationException"_L1 ? u"com.amazon.coral.service#"_s
                                   : error.type == kValidation                  ? u"com.amazon.coral.validate#"_s
                                                                                : prefix;
        answer = AwsWire::jsonError(status, typePrefix, error.type, error.message);
    } else {
        answer = AwsWire::jsonAnswer(result);
    }
    // Nothing is answered before what it wrote, or read, is committed.
    cloud().state().whenCommitted([done, answer, prefix](bool committed) {
        done(committed ? answer
                       : AwsWire::jsonError(500, prefix, u"InternalServerError"_s,
                                            u"the local cloud could not commit the write to its state"_s));
    });
}

QJsonObject DynamoDbService::run(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error)
{
    if (const Function function = mOperations.value(operation))
        return (this->*function)(input, cause, error);
    // An operation it does not know is checked for its table and expressions first, as
    // it always was.
    const Node *node = table(input.value("TableName"_L1), error);
    if (!node)
        return {};
    TableCall call{
        input, cause, node, cloud().tableKeys(node->name), input.value("ReturnValues"_L1).toString(u"NONE"_s), {}};
    if (!call.expressions.parse(input, error))
        return {};
    const TableFunction function = mTableOperations.value(operation);
    if (!function)
        return failed(error, {u"UnknownOperationException"_s, QString()});
    TableOperation onTable(cloud(), call);
    return (onTable.*function)(error);
}

const Node *DynamoDbService::table(const QJsonValue &name, DynamoError *error) const
{
    QString table = name.toString();
    if (table.startsWith("arn:"_L1))
        table = table.section('/'_L1, -1);
    const Node *node = cloud().project().architecture().nodeByName(table);
    if (table.isEmpty()) {
        *error = validation(QStringLiteral("1 validation error detected: Value null at 'tableName' failed to satisfy "
                                           "constraint: Member must not be null"));
        return nullptr;
    }
    if (!node || node->kind != Kinds::Table) {
        *error = {u"ResourceNotFoundException"_s, u"Requested resource not found: Table: %1 not found"_s.arg(table)};
        return nullptr;
    }
    return node;
}

QJsonObject DynamoDbService::description(const Node *table) const
{
    const TableKeys keys = cloud().tableKeys(table->name);
    QJsonArray schema{QJsonObject{{u"AttributeName"_s, keys.partitionKey}, {u"KeyType"_s, u"HASH"_s}}};
    QJsonArray definitions{
        QJsonObject{{u"AttributeName"_s, keys.partitionKey}, {u"AttributeType"_s, keys.partitionType}}};
    if (!keys.sortKey.isEmpty()) {
        schema.append(QJsonObject{{u"AttributeName"_s, keys.sortKey}, {u"KeyType"_s, u"RANGE"_s}});
        definitions.append(QJsonObject{{u"AttributeName"_s, keys.sortKey}, {u"AttributeType"_s, keys.sortType}});
    }
    const auto [count, bytes] = cloud().state().tableSize(table->name);
    const QString arn = u"arn:aws:dynamodb:%1:%2:table/%3"_s.arg(cloud().region(),
                                                                 QLatin1String(AwsEndpoint::kAccountId), table->name);
    QJsonObject description{
        {u"TableName"_s, table->name},
        {u"TableArn"_s, arn},
        {u"TableId"_s, QString::fromLatin1(QCryptographicHash::hash(arn.toUtf8(), QCryptographicHash::Md5).toHex())},
        {u"TableStatus"_s, u"ACTIVE"_s},
        {u"KeySchema"_s, schema},
        {u"AttributeDefinitions"_s, definitions},
        {u"ItemCount"_s, count},
        {u"TableSizeBytes"_s, double(bytes)},
        {u"CreationDateTime"_s, 1.7e9},
        {u"BillingModeSummary"_s, QJsonObject{{u"BillingMode"_s, u"PAY_PER_REQUEST"_s}}},
        {u"ProvisionedThroughput"_s,
         QJsonObject{{u"ReadCapacityUnits"_s, 0}, {u"WriteCapacityUnits"_s, 0}, {u"NumberOfDecreasesToday"_s, 0}}},
    };
    const QString stream = table->properties.value("stream"_L1).toString(u"NONE"_s);
    if (stream != "NONE"_L1) {
        description.insert(u"StreamSpecification"_s,
                           QJsonObject{{u"StreamEnabled"_s, true}, {u"StreamViewType"_s, stream}});
        description.insert(u"LatestStreamArn"_s, arn + u"/stream/2026-01-01T00:00:00.000"_s);
        description.insert(u"LatestStreamLabel"_s, u"2026-01-01T00:00:00.000"_s);
    }
    return description;
}

QJsonObject DynamoDbService::listTables(const QJsonObject &, qint64, DynamoError *)
{
    QStringList names;
    for (const auto &[id, node] : cloud().project().architecture().nodes())
        if (node.kind == Kinds::Table)
            names.append(node.name);
    names.sort();
    return {{u"TableNames"_s, QJsonArray::fromStringList(names)}};
}

QJsonObject DynamoDbService::describeTable(const QJsonObject &input, qint64, DynamoError *error)
{
    const Node *node = table(input.value("TableName"_L1), error);
    if (!node)
        return {};
    return {{u"Table"_s, description(node)}};
}

// Time to Live for this run of the cloud (the design's ttlAttribute is where it starts).
QJsonObject DynamoDbService::updateTimeToLive(const QJsonObject &input, qint64, DynamoError *error)
{
    const Node *node = table(input.value("TableName"_L1), error);
    if (!node)
        return {};
    const QJsonObject specification = input.value("TimeToLiveSpecification"_L1).toObject();
    const QString attribute = specification.value("AttributeName"_L1).toString();
    const QJsonValue enabled = specification.value("Enabled"_L1);
    if (!enabled.isBool() || attribute.isEmpty() || attribute.size() > 255 || attribute.contains('"'_L1)
        || attribute.contains('\\'_L1)) {
        *error = validation(u"1 validation error detected: Value at 'timeToLiveSpecification' failed to satisfy "
                            "constraint: Member must have AttributeName and Enabled"_s);
        return {};
    }
    const QString current = cloud().timeToLiveAttribute(node->name);
    if (enabled.toBool() == !current.isEmpty()) {
        *error = validation(enabled.toBool() ? u"TimeToLive is already enabled"_s
                                             : u"TimeToLive is already disabled"_s);
        return {};
    }
    cloud().setTimeToLive(node->name, enabled.toBool() ? attribute : QString());
    return {{u"TimeToLiveSpecification"_s, QJsonObject{{u"AttributeName"_s, attribute}, {u"Enabled"_s, enabled}}}};
}

QJsonObject DynamoDbService::describeTimeToLive(const QJsonObject &input, qint64, DynamoError *error)
{
    const Node *node = table(input.value("TableName"_L1), error);
    if (!node)
        return {};
    const QString attribute = cloud().timeToLiveAttribute(node->name);
    QJsonObject description{{u"TimeToLiveStatus"_s, attribute.isEmpty() ? u"DISABLED"_s : u"ENABLED"_s}};
    if (!attribute.isEmpty())
        description.insert(u"AttributeName"_s, attribute);
    return {{u"TimeToLiveDescription"_s, description}};
}

// Checks every request of a batch first: a batch with one bad request writes nothing.
bool DynamoDbService::checkWriteBatch(const QJsonObject &requests, DynamoError *error) const
{
    qsizetype count = 0;
    for (auto it = requests.begin(); it != requests.end(); ++it)
        count += it.value().toArray().size();
    if (count == 0 || count > 25) {
        *error = validation(
            QStringLiteral("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map "
                           "value must satisfy constraint: [Member must have length less than or equal to 25, Member "
                           "must have length greater than or equal to 1]"));
        return false;
    }
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        const Node *node = table(it.key(), error);
        if (!node)
            return false;
        const TableKeys keys = cloud().tableKeys(node->name);
        QSet<QString> seen;
        for (const QJsonValue &request : it.value().toArray()) {
            const QJsonObject put = request["PutRequest"_L1].toObject();
            const QJsonObject del = request["DeleteRequest"_L1].toObject();
            if (request.toObject().size() != 1 || (put.isEmpty() && del.isEmpty())) {
                *error = validation(QStringLiteral("Supplied AttributeValue has more than one datatypes set, must "
                                                   "contain exactly one of the supported datatypes"));
                return false;
            }
            if (!put.isEmpty() && !checkItem(put.value("Item"_L1).toObject(), keys, error))
                return false;
            const QJsonObject key = put.isEmpty() ? del.value("Key"_L1).toObject()
                                                  : keyOf(put.value("Item"_L1).toObject(), keys);
            if (!del.isEmpty() && !checkKey(key, keys, error))
                return false;
            const QString id = QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
            if (seen.contains(id)) {
                *error = validation(u"Provided list of item keys contains duplicates"_s);
                return false;
            }
            seen.insert(id);
        }
    }
    return true;
}

QJsonObject DynamoDbService::batchWriteItem(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    const QJsonObject requests = input.value("RequestItems"_L1).toObject();
    if (!checkWriteBatch(requests, error))
        return {};
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        const QString name = table(it.key(), error)->name;
        for (const QJsonValue &request : it.value().toArray()) {
            const Result<void> written =
                request.toObject().contains("PutRequest"_L1)
                    ? cloud().putItem(name, request["PutRequest"_L1]["Item"_L1].toObject(), cause)
                    : cloud().deleteItem(name, request["DeleteRequest"_L1]["Key"_L1].toObject(), cause);
            if (!written)
                return failed(error, internalError(written.errorMessage()));
        }
    }
    return {{u"UnprocessedItems"_s, QJsonObject()}};
}

QJsonObject DynamoDbService::batchGetItem(const QJsonObject &input, qint64, DynamoError *error)
{
    const QJsonObject requests = input.value("RequestItems"_L1).toObject();
    // Counted before any key is read, so that a huge batch is refused at once.
    qsizetype count = 0;
    for (auto it = requests.begin(); it != requests.end(); ++it)
        count += it.value().toObject().value("Keys"_L1).toArray().size();
    if (count > 100)
        return failed(error, validation(u"Too many items requested for the BatchGetItem call"_s));
    QJsonObject responses;
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        const Node *node = table(it.key(), error);
        if (!node)
            return {};
        const TableKeys keys = cloud().tableKeys(node->name);
        const QJsonObject request = it.value().toObject();
        Expressions expressions;
        if (!expressions.parse(request, error))
            return {};
        QJsonArray found;
        for (const QJsonValue &key : request.value("Keys"_L1).toArray()) {
            if (!checkKey(key.toObject(), keys, error))
                return {};
            if (const auto item = cloud().state().getItem(node->name, keys, key.toObject()).valueOr(std::nullopt))
                found.append(expressions.projection ? expressions.projection->project(*item) : *item);
        }
        responses.insert(it.key(), found);
    }
    return {{u"Responses"_s, responses}, {u"UnprocessedKeys"_s, QJsonObject()}};
}

bool TableOperation::itemBefore(const QJsonObject &key, std::optional<QJsonObject> *before, DynamoError *error) const
{
    *before = cloud().state().getItem(mCall.table->name, mCall.keys, key).valueOr(std::nullopt);
    if (mCall.expressions.condition && !mCall.expressions.condition->matches(before->value_or(QJsonObject()))) {
        *error = {u"ConditionalCheckFailedException"_s, u"The conditional request failed"_s};
        return false;
    }
    return true;
}

QJsonObject TableOperation::conditionalWrite(const QJsonObject &key,
                                             const std::function<Result<void>(bool existed)> &write, DynamoError *error)
{
    std::optional<QJsonObject> before;
    if (!itemBefore(key, &before, error))
        return {};
    if (const Result<void> written = write(before.has_value()); !written)
        return failed(error, internalError(written.errorMessage()));
    if (mCall.returnValues == "ALL_OLD"_L1 && before)
        return {{u"Attributes"_s, *before}};
    return {};
}

QJsonObject TableOperation::putItem(DynamoError *error)
{
    const QJsonObject item = mCall.input.value("Item"_L1).toObject();
    if (!checkItem(item, mCall.keys, error))
        return {};
    if (mCall.returnValues != "NONE"_L1 && mCall.returnValues != "ALL_OLD"_L1)
        return failed(error, validation(u"ReturnValues can only be ALL_OLD or NONE"_s));
    // Without a condition or the old item to return, the store alone looks for the old
    // item (a new key costs no read then).
    if (!mCall.expressions.condition && mCall.returnValues == "NONE"_L1) {
        if (const Result<void> put = cloud().putItem(mCall.table->name, item, mCall.cause); !put)
            return failed(error, internalError(put.errorMessage()));
        return {};
    }
    return conditionalWrite(
        item, [&](bool) { return cloud().putItem(mCall.table->name, item, mCall.cause); }, error);
}

QJsonObject TableOperation::getItem(DynamoError *error)
{
    const QJsonObject key = mCall.input.value("Key"_L1).toObject();
    if (!checkKey(key, mCall.keys, error))
        return {};
    const auto item = cloud().state().getItem(mCall.table->name, mCall.keys, key).valueOr(std::nullopt);
    if (!item)
        return {};
    return {{u"Item"_s, mCall.expressions.projection ? mCall.expressions.projection->project(*item) : *item}};
}

QJsonObject TableOperation::deleteItem(DynamoError *error)
{
    const QJsonObject key = mCall.input.value("Key"_L1).toObject();
    if (!checkKey(key, mCall.keys, error))
        return {};
    return conditionalWrite(
        key,
        [&](bool existed) {
        return existed ? cloud().deleteItem(mCall.table->name, key, mCall.cause) : Result<void>();
        },
        error);
}

QJsonObject TableOperation::updateItem(DynamoError *error)
{
    const TableKeys &keys = mCall.keys;
    const QJsonObject key = mCall.input.value("Key"_L1).toObject();
    if (!checkKey(key, keys, error))
        return {};
    if (mCall.input.contains("AttributeUpdates"_L1))
        return failed(
            error,
            validation(
                u"AttributeUpdates is a legacy parameter the local cloud does not read; use UpdateExpression"_s));
    std::optional<QJsonObject> before;
    if (!itemBefore(key, &before, error))
        return {};
    QJsonObject after = before.value_or(key);
    QStringList touched;
    if (const auto &update = mCall.expressions.update) {
        touched = update->touchedAttributes();
        for (const QString &name : touched)
            if (name == keys.partitionKey || name == keys.sortKey)
                return failed(error, validation(QStringLiteral("One or more parameter values were invalid: Cannot "
                                                               "update attribute %1. This attribute is part of the key")
                                                    .arg(name)));
        if (!update->apply(after, error))
            return {};
    }
    if (!checkItem(after, keys, error))
        return {};
    if (const Result<void> put = cloud().putItem(mCall.table->name, after, mCall.cause); !put)
        return failed(error, internalError(put.errorMessage()));
    const QJsonObject attributes = returnedAttributes(mCall.returnValues, before, after, touched);
    if (attributes.isEmpty())
        return {};
    return {{u"Attributes"_s, attributes}};
}

QJsonObject TableOperation::query(DynamoError *error)
{
    const TableKeys &keys = mCall.keys;
    const QJsonObject &input = mCall.input;
    const auto &keyCondition = mCall.expressions.keyCondition;
    if (!keyCondition)
        return failed(
            error,
            validation(
                u"Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."_s));
    const auto partition = keyCondition->equalityOn(keys.partitionKey);
    if (!partition)
        return failed(error, validation(u"Query condition missed key schema element: %1"_s.arg(keys.partitionKey)));
    for (const QString &name : keyCondition->attributes())
        if (name != keys.partitionKey && name != keys.sortKey)
            return failed(error, validation(u"Query condition missed key schema element: %1"_s.arg(
                                     keys.sortKey.isEmpty() ? name : keys.sortKey)));
    if (input.contains("IndexName"_L1))
        return failed(error, validation(u"The table does not have the specified index: %1"_s.arg(
                                 input.value("IndexName"_L1).toString())));
    const QList<QJsonObject> candidates = cloud()
                                              .state()
                                              .query(mCall.table->name, keys, *partition,
                                                     input.value("ScanIndexForward"_L1).toBool(true))
                                              .valueOr({});
    int limit = 0;
    if (!readLimit(input, &limit, error))
        return {};
    qsizetype start = 0;
    if (input.contains("ExclusiveStartKey"_L1)) {
        const QJsonObject startKey = input.value("ExclusiveStartKey"_L1).toObject();
        if (!checkStartKey(startKey, keys, error))
            return {};
        start = candidates.size();
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const QJsonObject key = keyOf(candidates.at(i), keys);
            if (DynamoValue::equal(QJsonObject{{u"M"_s, key}}, QJsonObject{{u"M"_s, startKey}})) {
                start = i + 1;
                break;
            }
        }
    }
    return page(candidates, start, limit, 0);
}

QJsonObject TableOperation::scan(DynamoError *error)
{
    int limit = 0;
    if (!readLimit(mCall.input, &limit, error))
        return {};
    // A scan reads one page's rows from where the last page ended (one more tells
    // whether others remain); a page holds at most 1 MB, so at most this many items.
    const int scanRows = (limit > 0 ? std::min(limit, kScanRows) : kScanRows) + 1;
    const QJsonObject startKey = mCall.input.value("ExclusiveStartKey"_L1).toObject();
    if (mCall.input.contains("ExclusiveStartKey"_L1) && !checkStartKey(startKey, mCall.keys, error))
        return {};
    return page(cloud().state().scanPage(mCall.table->name, mCall.keys, startKey, scanRows).valueOr({}), 0, limit,
                scanRows);
}

QJsonObject TableOperation::page(const QList<QJsonObject> &candidates, qsizetype start, int limit, int scanRows) const
{
    // A query's candidates are its partition, which the key condition narrows; a scan's are its page.
    const auto &keyCondition = mCall.expressions.keyCondition;
    const bool query = scanRows == 0;
    const bool countOnly = mCall.input.value("Select"_L1).toString() == "COUNT"_L1;
    QJsonArray items;
    int scanned = 0, matched = 0;
    qsizetype bytes = 0;
    qsizetype i = start;
    QJsonObject lastKey;
    for (; i < candidates.size(); ++i) {
        const QJsonObject &item = candidates.at(i);
        if (query && !keyCondition->matches(item))
            continue;
        if ((limit > 0 && scanned >= limit) || bytes >= kPageLimit)
            break;
        ++scanned;
        bytes += DynamoValue::itemSize(item);
        lastKey = keyOf(item, mCall.keys);
        if (mCall.expressions.filter && !mCall.expressions.filter->matches(item))
            continue;
        ++matched;
        if (!countOnly)
            items.append(mCall.expressions.projection ? mCall.expressions.projection->project(item) : item);
    }
    // A page ends early only when more remain (a scan that read all its rows may have more).
    bool more = !query && candidates.size() == scanRows && i == candidates.size() && i > 0;
    for (qsizetype j = i; j < candidates.size() && !more; ++j)
        more = !query || keyCondition->matches(candidates.at(j));
    QJsonObject result{{u"Count"_s, matched}, {u"ScannedCount"_s, scanned}};
    if (!countOnly)
        result.insert(u"Items"_s, items);
    if (more)
        result.insert(u"LastEvaluatedKey"_s, lastKey);
    return result;
}

AwsService *createDynamoDbService(AwsEndpoint &endpoint)
{
    return new DynamoDbService(endpoint);
}

} // namespace Nimbus
