#include "dynamodbservice.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/dynamoexpression.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Nimbus {

namespace {

const QString kValidation = QStringLiteral("ValidationException");
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
        *error = validation(QStringLiteral("The provided key element does not match the schema"));
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
                QStringLiteral("One or more parameter values were invalid: Missing the key %1 in the item").arg(name));
            return false;
        }
        if (!TableStore::keyValue(item.value(name), type)) {
            *error = validation(
                QStringLiteral(
                    "One or more parameter values were invalid: Type mismatch for key %1 expected: %2 actual: %3")
                    .arg(name, type, DynamoValue::typeOf(item.value(name))));
            return false;
        }
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (const QString problem = DynamoValue::validate(it.value()); !problem.isEmpty()) {
            *error = validation(
                QStringLiteral("One or more parameter values were invalid: %1 (attribute %2)").arg(problem, it.key()));
            return false;
        }
    }
    if (DynamoValue::itemSize(item) > kItemLimit) {
        *error = validation(QStringLiteral("Item size has exceeded the maximum allowed size"));
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
        context.names = input.value(QLatin1String("ExpressionAttributeNames")).toObject();
        context.values = input.value(QLatin1String("ExpressionAttributeValues")).toObject();
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
    if (mode == QLatin1String("ALL_OLD"))
        return before.value_or(QJsonObject());
    if (mode == QLatin1String("ALL_NEW"))
        return after;
    if (mode == QLatin1String("UPDATED_OLD"))
        return before ? pick(*before) : QJsonObject();
    if (mode == QLatin1String("UPDATED_NEW"))
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
    return {QStringLiteral("InternalServerError"), message};
}

// A query's or scan's Limit: at least 1 when given, 0 when not.
bool readLimit(const QJsonObject &input, int *limit, DynamoError *error)
{
    *limit = input.value(QLatin1String("Limit")).toInt(0);
    if (input.contains(QLatin1String("Limit")) && *limit < 1) {
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
    *error = validation(
        QStringLiteral("The provided starting key is invalid: The provided key element does not match the schema"));
    return false;
}

} // namespace

struct DynamoDbService::TableCall
{
    const QJsonObject &input;
    qint64 cause = 0;
    const Node *table = nullptr;
    TableKeys keys;
    QString returnValues;
    Expressions expressions;
};

DynamoDbService::DynamoDbService(AwsEndpoint &endpoint)
    : AwsService(Recognition(QStringLiteral("dynamodb")).byTarget(QStringLiteral("DynamoDB_20120810.")), endpoint)
{
    mOperations = {
        {QStringLiteral("ListTables"), &DynamoDbService::listTables},
        {QStringLiteral("BatchWriteItem"), &DynamoDbService::batchWriteItem},
        {QStringLiteral("BatchGetItem"), &DynamoDbService::batchGetItem},
        {QStringLiteral("DescribeTable"), &DynamoDbService::describeTable},
    };
    mTableOperations = {
        {QStringLiteral("PutItem"), &DynamoDbService::putItem},
        {QStringLiteral("GetItem"), &DynamoDbService::getItem},
        {QStringLiteral("DeleteItem"), &DynamoDbService::deleteItem},
        {QStringLiteral("UpdateItem"), &DynamoDbService::updateItem},
        {QStringLiteral("Query"), &DynamoDbService::query},
        {QStringLiteral("Scan"), &DynamoDbService::scan},
    };
}

DynamoDbService::~DynamoDbService() = default;

void DynamoDbService::handle(const AwsRequest &request, const AwsReply &done)
{
    const QString prefix = QStringLiteral("com.amazonaws.dynamodb.v20120810#");
    if (request.body.size() > AwsEndpoint::kDynamoRequestLimit) {
        done(AwsWire::jsonError(413, prefix, QStringLiteral("RequestEntityTooLarge"),
                                QStringLiteral("Request entity too large")));
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        done(AwsWire::jsonError(400, QStringLiteral("com.amazon.coral.service#"),
                                QStringLiteral("SerializationException"),
                                QStringLiteral("the request body is not a JSON object")));
        return;
    }
    DynamoError error;
    const QJsonObject result = run(request.operation, document.object(), request.cause, &error);
    if (!error.type.isEmpty()) {
        const int status = error.type == QLatin1String("InternalServerError") ? 500 : 400;
        // DynamoDB names its own exceptions, and the service framework's (coral) the others.
        const QString typePrefix = error.type == QLatin1String("UnknownOperationException")
                                       ? QStringLiteral("com.amazon.coral.service#")
                                   : error.type == kValidation ? QStringLiteral("com.amazon.coral.validate#")
                                                               : prefix;
        done(AwsWire::jsonError(status, typePrefix, error.type, error.message));
        return;
    }
    done(AwsWire::jsonAnswer(result));
}

QJsonObject DynamoDbService::run(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error)
{
    if (const Function function = mOperations.value(operation))
        return (this->*function)(input, cause, error);
    // An operation it does not know is checked for its table and expressions first, as
    // it always was.
    const Node *node = table(input.value(QLatin1String("TableName")), error);
    if (!node)
        return {};
    TableCall call{input,
                   cause,
                   node,
                   cloud().tableKeys(node->name),
                   input.value(QLatin1String("ReturnValues")).toString(QStringLiteral("NONE")),
                   {}};
    if (!call.expressions.parse(input, error))
        return {};
    const TableFunction function = mTableOperations.value(operation);
    if (!function)
        return failed(error, {QStringLiteral("UnknownOperationException"), QString()});
    return (this->*function)(call, error);
}

const Node *DynamoDbService::table(const QJsonValue &name, DynamoError *error) const
{
    QString table = name.toString();
    if (table.startsWith(QLatin1String("arn:")))
        table = table.section(QLatin1Char('/'), -1);
    const Node *node = cloud().project().architecture().nodeByName(table);
    if (table.isEmpty()) {
        *error = validation(QStringLiteral("1 validation error detected: Value null at 'tableName' failed to satisfy "
                                           "constraint: Member must not be null"));
        return nullptr;
    }
    if (!node || node->kind != QLatin1String("table")) {
        *error = {QStringLiteral("ResourceNotFoundException"),
                  QStringLiteral("Requested resource not found: Table: %1 not found").arg(table)};
        return nullptr;
    }
    return node;
}

QJsonObject DynamoDbService::description(const Node *table) const
{
    const TableKeys keys = cloud().tableKeys(table->name);
    QJsonArray schema{QJsonObject{{QStringLiteral("AttributeName"), keys.partitionKey},
                                  {QStringLiteral("KeyType"), QStringLiteral("HASH")}}};
    QJsonArray definitions{QJsonObject{{QStringLiteral("AttributeName"), keys.partitionKey},
                                       {QStringLiteral("AttributeType"), keys.partitionType}}};
    if (!keys.sortKey.isEmpty()) {
        schema.append(QJsonObject{{QStringLiteral("AttributeName"), keys.sortKey},
                                  {QStringLiteral("KeyType"), QStringLiteral("RANGE")}});
        definitions.append(QJsonObject{{QStringLiteral("AttributeName"), keys.sortKey},
                                       {QStringLiteral("AttributeType"), keys.sortType}});
    }
    const auto [count, bytes] = cloud().state().tableSize(table->name);
    const QString arn = QStringLiteral("arn:aws:dynamodb:%1:%2:table/%3")
                            .arg(cloud().region(), QLatin1String(AwsEndpoint::kAccountId), table->name);
    QJsonObject description{
        {QStringLiteral("TableName"), table->name},
        {QStringLiteral("TableArn"), arn},
        {QStringLiteral("TableId"),
         QString::fromLatin1(QCryptographicHash::hash(arn.toUtf8(), QCryptographicHash::Md5).toHex())},
        {QStringLiteral("TableStatus"), QStringLiteral("ACTIVE")},
        {QStringLiteral("KeySchema"), schema},
        {QStringLiteral("AttributeDefinitions"), definitions},
        {QStringLiteral("ItemCount"), count},
        {QStringLiteral("TableSizeBytes"), double(bytes)},
        {QStringLiteral("CreationDateTime"), 1.7e9},
        {QStringLiteral("BillingModeSummary"),
         QJsonObject{{QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}}},
        {QStringLiteral("ProvisionedThroughput"), QJsonObject{{QStringLiteral("ReadCapacityUnits"), 0},
                                                              {QStringLiteral("WriteCapacityUnits"), 0},
                                                              {QStringLiteral("NumberOfDecreasesToday"), 0}}},
    };
    const QString stream = table->properties.value(QLatin1String("stream")).toString(QStringLiteral("NONE"));
    if (stream != QLatin1String("NONE")) {
        description.insert(
            QStringLiteral("StreamSpecification"),
            QJsonObject{{QStringLiteral("StreamEnabled"), true}, {QStringLiteral("StreamViewType"), stream}});
        description.insert(QStringLiteral("LatestStreamArn"), arn + QStringLiteral("/stream/2026-01-01T00:00:00.000"));
        description.insert(QStringLiteral("LatestStreamLabel"), QStringLiteral("2026-01-01T00:00:00.000"));
    }
    return description;
}

QJsonObject DynamoDbService::listTables(const QJsonObject &, qint64, DynamoError *)
{
    QStringList names;
    for (const auto &[id, node] : cloud().project().architecture().nodes())
        if (node.kind == QLatin1String("table"))
            names.append(node.name);
    names.sort();
    return {{QStringLiteral("TableNames"), QJsonArray::fromStringList(names)}};
}

QJsonObject DynamoDbService::describeTable(const QJsonObject &input, qint64, DynamoError *error)
{
    const Node *node = table(input.value(QLatin1String("TableName")), error);
    if (!node)
        return {};
    return {{QStringLiteral("Table"), description(node)}};
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
            const QJsonObject put = request[QLatin1String("PutRequest")].toObject();
            const QJsonObject del = request[QLatin1String("DeleteRequest")].toObject();
            if (request.toObject().size() != 1 || (put.isEmpty() && del.isEmpty())) {
                *error = validation(QStringLiteral("Supplied AttributeValue has more than one datatypes set, must "
                                                   "contain exactly one of the supported datatypes"));
                return false;
            }
            if (!put.isEmpty() && !checkItem(put.value(QLatin1String("Item")).toObject(), keys, error))
                return false;
            const QJsonObject key = put.isEmpty() ? del.value(QLatin1String("Key")).toObject()
                                                  : keyOf(put.value(QLatin1String("Item")).toObject(), keys);
            if (!del.isEmpty() && !checkKey(key, keys, error))
                return false;
            const QString id = QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
            if (seen.contains(id)) {
                *error = validation(QStringLiteral("Provided list of item keys contains duplicates"));
                return false;
            }
            seen.insert(id);
        }
    }
    return true;
}

QJsonObject DynamoDbService::batchWriteItem(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    const QJsonObject requests = input.value(QLatin1String("RequestItems")).toObject();
    if (!checkWriteBatch(requests, error))
        return {};
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        const QString name = table(it.key(), error)->name;
        for (const QJsonValue &request : it.value().toArray()) {
            const Result<void> written =
                request.toObject().contains(QLatin1String("PutRequest"))
                    ? cloud().putItem(name, request[QLatin1String("PutRequest")][QLatin1String("Item")].toObject(),
                                      cause)
                    : cloud().deleteItem(name, request[QLatin1String("DeleteRequest")][QLatin1String("Key")].toObject(),
                                         cause);
            if (!written)
                return failed(error, internalError(written.errorMessage()));
        }
    }
    return {{QStringLiteral("UnprocessedItems"), QJsonObject()}};
}

QJsonObject DynamoDbService::batchGetItem(const QJsonObject &input, qint64, DynamoError *error)
{
    const QJsonObject requests = input.value(QLatin1String("RequestItems")).toObject();
    // Counted before any key is read, so that a huge batch is refused at once.
    qsizetype count = 0;
    for (auto it = requests.begin(); it != requests.end(); ++it)
        count += it.value().toObject().value(QLatin1String("Keys")).toArray().size();
    if (count > 100)
        return failed(error, validation(QStringLiteral("Too many items requested for the BatchGetItem call")));
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
        for (const QJsonValue &key : request.value(QLatin1String("Keys")).toArray()) {
            if (!checkKey(key.toObject(), keys, error))
                return {};
            if (const auto item = cloud().state().getItem(node->name, keys, key.toObject()).valueOr(std::nullopt))
                found.append(expressions.projection ? expressions.projection->project(*item) : *item);
        }
        responses.insert(it.key(), found);
    }
    return {{QStringLiteral("Responses"), responses}, {QStringLiteral("UnprocessedKeys"), QJsonObject()}};
}

bool DynamoDbService::itemBefore(const TableCall &call, const QJsonObject &key, std::optional<QJsonObject> *before,
                                 DynamoError *error) const
{
    *before = cloud().state().getItem(call.table->name, call.keys, key).valueOr(std::nullopt);
    if (call.expressions.condition && !call.expressions.condition->matches(before->value_or(QJsonObject()))) {
        *error = {QStringLiteral("ConditionalCheckFailedException"), QStringLiteral("The conditional request failed")};
        return false;
    }
    return true;
}

QJsonObject DynamoDbService::conditionalWrite(const TableCall &call, const QJsonObject &key,
                                              const std::function<Result<void>(bool existed)> &write,
                                              DynamoError *error)
{
    std::optional<QJsonObject> before;
    if (!itemBefore(call, key, &before, error))
        return {};
    if (const Result<void> written = write(before.has_value()); !written)
        return failed(error, internalError(written.errorMessage()));
    if (call.returnValues == QLatin1String("ALL_OLD") && before)
        return {{QStringLiteral("Attributes"), *before}};
    return {};
}

QJsonObject DynamoDbService::putItem(const TableCall &call, DynamoError *error)
{
    const QJsonObject item = call.input.value(QLatin1String("Item")).toObject();
    if (!checkItem(item, call.keys, error))
        return {};
    if (call.returnValues != QLatin1String("NONE") && call.returnValues != QLatin1String("ALL_OLD"))
        return failed(error, validation(QStringLiteral("ReturnValues can only be ALL_OLD or NONE")));
    return conditionalWrite(
        call, item, [&](bool) { return cloud().putItem(call.table->name, item, call.cause); }, error);
}

QJsonObject DynamoDbService::getItem(const TableCall &call, DynamoError *error)
{
    const QJsonObject key = call.input.value(QLatin1String("Key")).toObject();
    if (!checkKey(key, call.keys, error))
        return {};
    const auto item = cloud().state().getItem(call.table->name, call.keys, key).valueOr(std::nullopt);
    if (!item)
        return {};
    return {
        {QStringLiteral("Item"), call.expressions.projection ? call.expressions.projection->project(*item) : *item}};
}

QJsonObject DynamoDbService::deleteItem(const TableCall &call, DynamoError *error)
{
    const QJsonObject key = call.input.value(QLatin1String("Key")).toObject();
    if (!checkKey(key, call.keys, error))
        return {};
    return conditionalWrite(
        call, key,
        [&](bool existed) { return existed ? cloud().deleteItem(call.table->name, key, call.cause) : Result<void>(); },
        error);
}

QJsonObject DynamoDbService::updateItem(const TableCall &call, DynamoError *error)
{
    const TableKeys &keys = call.keys;
    const QJsonObject key = call.input.value(QLatin1String("Key")).toObject();
    if (!checkKey(key, keys, error))
        return {};
    if (call.input.contains(QLatin1String("AttributeUpdates")))
        return failed(
            error, validation(QStringLiteral(
                       "AttributeUpdates is a legacy parameter the local cloud does not read; use UpdateExpression")));
    std::optional<QJsonObject> before;
    if (!itemBefore(call, key, &before, error))
        return {};
    QJsonObject after = before.value_or(key);
    QStringList touched;
    if (const auto &update = call.expressions.update) {
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
    if (const Result<void> put = cloud().putItem(call.table->name, after, call.cause); !put)
        return failed(error, internalError(put.errorMessage()));
    const QJsonObject attributes = returnedAttributes(call.returnValues, before, after, touched);
    if (attributes.isEmpty())
        return {};
    return {{QStringLiteral("Attributes"), attributes}};
}

QJsonObject DynamoDbService::query(const TableCall &call, DynamoError *error)
{
    const TableKeys &keys = call.keys;
    const QJsonObject &input = call.input;
    const auto &keyCondition = call.expressions.keyCondition;
    if (!keyCondition)
        return failed(
            error,
            validation(QStringLiteral(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")));
    const auto partition = keyCondition->equalityOn(keys.partitionKey);
    if (!partition)
        return failed(
            error, validation(QStringLiteral("Query condition missed key schema element: %1").arg(keys.partitionKey)));
    for (const QString &name : keyCondition->attributes())
        if (name != keys.partitionKey && name != keys.sortKey)
            return failed(error, validation(QStringLiteral("Query condition missed key schema element: %1")
                                                .arg(keys.sortKey.isEmpty() ? name : keys.sortKey)));
    if (input.contains(QLatin1String("IndexName")))
        return failed(error, validation(QStringLiteral("The table does not have the specified index: %1")
                                            .arg(input.value(QLatin1String("IndexName")).toString())));
    const QList<QJsonObject> candidates = cloud()
                                              .state()
                                              .query(call.table->name, keys, *partition,
                                                     input.value(QLatin1String("ScanIndexForward")).toBool(true))
                                              .valueOr({});
    int limit = 0;
    if (!readLimit(input, &limit, error))
        return {};
    qsizetype start = 0;
    if (input.contains(QLatin1String("ExclusiveStartKey"))) {
        const QJsonObject startKey = input.value(QLatin1String("ExclusiveStartKey")).toObject();
        if (!checkStartKey(startKey, keys, error))
            return {};
        start = candidates.size();
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const QJsonObject key = keyOf(candidates.at(i), keys);
            if (DynamoValue::equal(QJsonObject{{QStringLiteral("M"), key}},
                                   QJsonObject{{QStringLiteral("M"), startKey}})) {
                start = i + 1;
                break;
            }
        }
    }
    return page(call, candidates, start, limit, 0);
}

QJsonObject DynamoDbService::scan(const TableCall &call, DynamoError *error)
{
    int limit = 0;
    if (!readLimit(call.input, &limit, error))
        return {};
    // A scan reads one page's rows from where the last page ended (one more tells
    // whether others remain); a page holds at most 1 MB, so at most this many items.
    const int scanRows = (limit > 0 ? std::min(limit, kScanRows) : kScanRows) + 1;
    const QJsonObject startKey = call.input.value(QLatin1String("ExclusiveStartKey")).toObject();
    if (call.input.contains(QLatin1String("ExclusiveStartKey")) && !checkStartKey(startKey, call.keys, error))
        return {};
    return page(call, cloud().state().scanPage(call.table->name, call.keys, startKey, scanRows).valueOr({}), 0, limit,
                scanRows);
}

QJsonObject DynamoDbService::page(const TableCall &call, const QList<QJsonObject> &candidates, qsizetype start,
                                  int limit, int scanRows) const
{
    // A query's candidates are its partition, which the key condition narrows; a scan's are its page.
    const auto &keyCondition = call.expressions.keyCondition;
    const bool query = scanRows == 0;
    const bool countOnly = call.input.value(QLatin1String("Select")).toString() == QLatin1String("COUNT");
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
        lastKey = keyOf(item, call.keys);
        if (call.expressions.filter && !call.expressions.filter->matches(item))
            continue;
        ++matched;
        if (!countOnly)
            items.append(call.expressions.projection ? call.expressions.projection->project(item) : item);
    }
    // A page ends early only when more remain (a scan that read all its rows may have more).
    bool more = !query && candidates.size() == scanRows && i == candidates.size() && i > 0;
    for (qsizetype j = i; j < candidates.size() && !more; ++j)
        more = !query || keyCondition->matches(candidates.at(j));
    QJsonObject result{{QStringLiteral("Count"), matched}, {QStringLiteral("ScannedCount"), scanned}};
    if (!countOnly)
        result.insert(QStringLiteral("Items"), items);
    if (more)
        result.insert(QStringLiteral("LastEvaluatedKey"), lastKey);
    return result;
}

} // namespace Nimbus
