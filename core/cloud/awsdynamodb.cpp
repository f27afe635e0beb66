// The DynamoDB part of the AWS endpoint (JSON 1.0 protocol).

#include "awsendpoint.h"
#include "awswire.h"
#include "document/project.h"
#include "dynamoexpression.h"
#include "localcloud.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

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
            *error = validation(QStringLiteral("One or more parameter values were invalid: Missing the key %1 in the item").arg(name));
            return false;
        }
        if (!TableStore::keyValue(item.value(name), type)) {
            *error = validation(QStringLiteral("One or more parameter values were invalid: Type mismatch for key %1 expected: %2 actual: %3")
                                    .arg(name, type, DynamoValue::typeOf(item.value(name))));
            return false;
        }
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (const QString problem = DynamoValue::validate(it.value()); !problem.isEmpty()) {
            *error = validation(QStringLiteral("One or more parameter values were invalid: %1 (attribute %2)").arg(problem, it.key()));
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
            *f.into = DynamoExpression::parse(f.kind, input.value(QLatin1String(f.field)).toString(), QLatin1String(f.field),
                                              context, error);
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

} // namespace

const Node *AwsEndpoint::dynamoTable(const QJsonValue &name, DynamoError *error) const
{
    QString table = name.toString();
    if (table.startsWith(QLatin1String("arn:")))
        table = table.section(QLatin1Char('/'), -1);
    const Node *node = mCloud.project().architecture().nodeByName(table);
    if (table.isEmpty()) {
        *error = validation(QStringLiteral("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"));
        return nullptr;
    }
    if (!node || node->kind != QLatin1String("table")) {
        *error = {QStringLiteral("ResourceNotFoundException"), QStringLiteral("Requested resource not found: Table: %1 not found").arg(table)};
        return nullptr;
    }
    return node;
}

QJsonObject AwsEndpoint::describeTable(const Node *table) const
{
    const TableKeys keys = mCloud.tableKeys(table->name);
    QJsonArray schema{QJsonObject{{QStringLiteral("AttributeName"), keys.partitionKey}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}};
    QJsonArray definitions{QJsonObject{{QStringLiteral("AttributeName"), keys.partitionKey},
                                       {QStringLiteral("AttributeType"), keys.partitionType}}};
    if (!keys.sortKey.isEmpty()) {
        schema.append(QJsonObject{{QStringLiteral("AttributeName"), keys.sortKey}, {QStringLiteral("KeyType"), QStringLiteral("RANGE")}});
        definitions.append(QJsonObject{{QStringLiteral("AttributeName"), keys.sortKey}, {QStringLiteral("AttributeType"), keys.sortType}});
    }
    const auto [count, bytes] = mCloud.state().tableSize(table->name);
    const QString arn = QStringLiteral("arn:aws:dynamodb:%1:%2:table/%3").arg(mCloud.region(), QLatin1String(kAccountId), table->name);
    QJsonObject description{
        {QStringLiteral("TableName"), table->name},
        {QStringLiteral("TableArn"), arn},
        {QStringLiteral("TableId"), QString::fromLatin1(QCryptographicHash::hash(arn.toUtf8(), QCryptographicHash::Md5).toHex())},
        {QStringLiteral("TableStatus"), QStringLiteral("ACTIVE")},
        {QStringLiteral("KeySchema"), schema},
        {QStringLiteral("AttributeDefinitions"), definitions},
        {QStringLiteral("ItemCount"), count},
        {QStringLiteral("TableSizeBytes"), double(bytes)},
        {QStringLiteral("CreationDateTime"), 1.7e9},
        {QStringLiteral("BillingModeSummary"), QJsonObject{{QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}}},
        {QStringLiteral("ProvisionedThroughput"), QJsonObject{{QStringLiteral("ReadCapacityUnits"), 0},
                                                              {QStringLiteral("WriteCapacityUnits"), 0},
                                                              {QStringLiteral("NumberOfDecreasesToday"), 0}}},
    };
    const QString stream = table->properties.value(QLatin1String("stream")).toString(QStringLiteral("NONE"));
    if (stream != QLatin1String("NONE")) {
        description.insert(QStringLiteral("StreamSpecification"),
                           QJsonObject{{QStringLiteral("StreamEnabled"), true}, {QStringLiteral("StreamViewType"), stream}});
        description.insert(QStringLiteral("LatestStreamArn"), arn + QStringLiteral("/stream/2026-01-01T00:00:00.000"));
        description.insert(QStringLiteral("LatestStreamLabel"), QStringLiteral("2026-01-01T00:00:00.000"));
    }
    return description;
}

QJsonObject AwsEndpoint::dynamoOperation(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error)
{
    auto fail = [&](const DynamoError &e) {
        *error = e;
        return QJsonObject();
    };
    if (operation == QLatin1String("ListTables")) {
        QStringList names;
        for (const auto &[id, node] : mCloud.project().architecture().nodes())
            if (node.kind == QLatin1String("table"))
                names.append(node.name);
        names.sort();
        return {{QStringLiteral("TableNames"), QJsonArray::fromStringList(names)}};
    }
    if (operation == QLatin1String("BatchWriteItem")) {
        const QJsonObject requests = input.value(QLatin1String("RequestItems")).toObject();
        qsizetype count = 0;
        for (auto it = requests.begin(); it != requests.end(); ++it)
            count += it.value().toArray().size();
        if (count == 0 || count > 25)
            return fail(validation(QStringLiteral("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]")));
        // Check everything first: a batch with one bad request writes nothing.
        for (auto it = requests.begin(); it != requests.end(); ++it) {
            const Node *table = dynamoTable(it.key(), error);
            if (!table)
                return {};
            const TableKeys keys = mCloud.tableKeys(table->name);
            QSet<QString> seen;
            for (const QJsonValue &request : it.value().toArray()) {
                const QJsonObject put = request[QLatin1String("PutRequest")].toObject();
                const QJsonObject del = request[QLatin1String("DeleteRequest")].toObject();
                if (request.toObject().size() != 1 || (put.isEmpty() && del.isEmpty()))
                    return fail(validation(QStringLiteral("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")));
                if (!put.isEmpty() && !checkItem(put.value(QLatin1String("Item")).toObject(), keys, error))
                    return {};
                const QJsonObject key = put.isEmpty() ? del.value(QLatin1String("Key")).toObject() : keyOf(put.value(QLatin1String("Item")).toObject(), keys);
                if (!del.isEmpty() && !checkKey(key, keys, error))
                    return {};
                const QString id = QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
                if (seen.contains(id))
                    return fail(validation(QStringLiteral("Provided list of item keys contains duplicates")));
                seen.insert(id);
            }
        }
        for (auto it = requests.begin(); it != requests.end(); ++it) {
            const QString table = dynamoTable(it.key(), error)->name;
            for (const QJsonValue &request : it.value().toArray()) {
                const bool ok = request.toObject().contains(QLatin1String("PutRequest"))
                                    ? mCloud.putItem(table, request[QLatin1String("PutRequest")][QLatin1String("Item")].toObject(), cause)
                                    : mCloud.deleteItem(table, request[QLatin1String("DeleteRequest")][QLatin1String("Key")].toObject(), cause);
                if (!ok)
                    return fail({QStringLiteral("InternalServerError"), mCloud.errorString()});
            }
        }
        return {{QStringLiteral("UnprocessedItems"), QJsonObject()}};
    }
    if (operation == QLatin1String("BatchGetItem")) {
        const QJsonObject requests = input.value(QLatin1String("RequestItems")).toObject();
        // Counted before any key is read, so that a huge batch is refused at once.
        qsizetype count = 0;
        for (auto it = requests.begin(); it != requests.end(); ++it)
            count += it.value().toObject().value(QLatin1String("Keys")).toArray().size();
        if (count > 100)
            return fail(validation(QStringLiteral("Too many items requested for the BatchGetItem call")));
        QJsonObject responses;
        for (auto it = requests.begin(); it != requests.end(); ++it) {
            const Node *table = dynamoTable(it.key(), error);
            if (!table)
                return {};
            const TableKeys keys = mCloud.tableKeys(table->name);
            const QJsonObject request = it.value().toObject();
            Expressions expressions;
            if (!expressions.parse(request, error))
                return {};
            QJsonArray found;
            for (const QJsonValue &key : request.value(QLatin1String("Keys")).toArray()) {
                if (!checkKey(key.toObject(), keys, error))
                    return {};
                if (const auto item = mCloud.state().getItem(table->name, keys, key.toObject()))
                    found.append(expressions.projection ? expressions.projection->project(*item) : *item);
            }
            responses.insert(it.key(), found);
        }
        return {{QStringLiteral("Responses"), responses}, {QStringLiteral("UnprocessedKeys"), QJsonObject()}};
    }

    const Node *table = dynamoTable(input.value(QLatin1String("TableName")), error);
    if (!table)
        return {};
    const TableKeys keys = mCloud.tableKeys(table->name);
    if (operation == QLatin1String("DescribeTable"))
        return {{QStringLiteral("Table"), describeTable(table)}};
    Expressions expressions;
    if (!expressions.parse(input, error))
        return {};
    const QString returnValues = input.value(QLatin1String("ReturnValues")).toString(QStringLiteral("NONE"));
    auto conditionFailed = [&] {
        return fail({QStringLiteral("ConditionalCheckFailedException"), QStringLiteral("The conditional request failed")});
    };

    if (operation == QLatin1String("PutItem")) {
        const QJsonObject item = input.value(QLatin1String("Item")).toObject();
        if (!checkItem(item, keys, error))
            return {};
        if (returnValues != QLatin1String("NONE") && returnValues != QLatin1String("ALL_OLD"))
            return fail(validation(QStringLiteral("ReturnValues can only be ALL_OLD or NONE")));
        const std::optional<QJsonObject> before = mCloud.state().getItem(table->name, keys, item);
        if (expressions.condition && !expressions.condition->matches(before.value_or(QJsonObject())))
            return conditionFailed();
        if (!mCloud.putItem(table->name, item, cause))
            return fail({QStringLiteral("InternalServerError"), mCloud.errorString()});
        if (returnValues == QLatin1String("ALL_OLD") && before)
            return {{QStringLiteral("Attributes"), *before}};
        return {};
    }
    if (operation == QLatin1String("GetItem")) {
        const QJsonObject key = input.value(QLatin1String("Key")).toObject();
        if (!checkKey(key, keys, error))
            return {};
        const auto item = mCloud.state().getItem(table->name, keys, key);
        if (!item)
            return {};
        return {{QStringLiteral("Item"), expressions.projection ? expressions.projection->project(*item) : *item}};
    }
    if (operation == QLatin1String("DeleteItem")) {
        const QJsonObject key = input.value(QLatin1String("Key")).toObject();
        if (!checkKey(key, keys, error))
            return {};
        const auto before = mCloud.state().getItem(table->name, keys, key);
        if (expressions.condition && !expressions.condition->matches(before.value_or(QJsonObject())))
            return conditionFailed();
        if (before && !mCloud.deleteItem(table->name, key, cause))
            return fail({QStringLiteral("InternalServerError"), mCloud.errorString()});
        if (returnValues == QLatin1String("ALL_OLD") && before)
            return {{QStringLiteral("Attributes"), *before}};
        return {};
    }
    if (operation == QLatin1String("UpdateItem")) {
        const QJsonObject key = input.value(QLatin1String("Key")).toObject();
        if (!checkKey(key, keys, error))
            return {};
        if (input.contains(QLatin1String("AttributeUpdates")))
            return fail(validation(QStringLiteral("AttributeUpdates is a legacy parameter the local cloud does not read; use UpdateExpression")));
        const auto before = mCloud.state().getItem(table->name, keys, key);
        if (expressions.condition && !expressions.condition->matches(before.value_or(QJsonObject())))
            return conditionFailed();
        QJsonObject after = before.value_or(key);
        QStringList touched;
        if (expressions.update) {
            touched = expressions.update->touchedAttributes();
            for (const QString &name : touched)
                if (name == keys.partitionKey || name == keys.sortKey)
                    return fail(validation(QStringLiteral("One or more parameter values were invalid: Cannot update attribute %1. This attribute is part of the key").arg(name)));
            if (!expressions.update->apply(after, error))
                return {};
        }
        if (!checkItem(after, keys, error))
            return {};
        if (!mCloud.putItem(table->name, after, cause))
            return fail({QStringLiteral("InternalServerError"), mCloud.errorString()});
        const QJsonObject attributes = returnedAttributes(returnValues, before, after, touched);
        if (attributes.isEmpty())
            return {};
        return {{QStringLiteral("Attributes"), attributes}};
    }
    if (operation == QLatin1String("Query") || operation == QLatin1String("Scan")) {
        const bool query = operation == QLatin1String("Query");
        QList<QJsonObject> candidates;
        if (query) {
            if (!expressions.keyCondition)
                return fail(validation(QStringLiteral("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")));
            const auto partition = expressions.keyCondition->equalityOn(keys.partitionKey);
            if (!partition)
                return fail(validation(QStringLiteral("Query condition missed key schema element: %1").arg(keys.partitionKey)));
            for (const QString &name : expressions.keyCondition->attributes())
                if (name != keys.partitionKey && name != keys.sortKey)
                    return fail(validation(QStringLiteral("Query condition missed key schema element: %1")
                                               .arg(keys.sortKey.isEmpty() ? name : keys.sortKey)));
            if (input.contains(QLatin1String("IndexName")))
                return fail(validation(QStringLiteral("The table does not have the specified index: %1")
                                           .arg(input.value(QLatin1String("IndexName")).toString())));
            candidates = mCloud.state().query(table->name, keys, *partition,
                                              input.value(QLatin1String("ScanIndexForward")).toBool(true));
        }
        const int limit = input.value(QLatin1String("Limit")).toInt(0);
        if (input.contains(QLatin1String("Limit")) && limit < 1)
            return fail(validation(QStringLiteral("1 validation error detected: Value '%1' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1").arg(limit)));
        // A scan reads one page's rows from where the last page ended (one more tells
        // whether others remain); a page holds at most 1 MB, so at most this many items.
        const int scanRows = (limit > 0 ? std::min(limit, kScanRows) : kScanRows) + 1;
        if (!query) {
            const QJsonObject startKey = input.value(QLatin1String("ExclusiveStartKey")).toObject();
            if (input.contains(QLatin1String("ExclusiveStartKey")) && !checkKey(startKey, keys, error))
                return fail(validation(QStringLiteral("The provided starting key is invalid: The provided key element does not match the schema")));
            candidates = mCloud.state().scanPage(table->name, keys, startKey, scanRows);
        }
        qsizetype start = 0;
        if (query && input.contains(QLatin1String("ExclusiveStartKey"))) {
            const QJsonObject startKey = input.value(QLatin1String("ExclusiveStartKey")).toObject();
            if (!checkKey(startKey, keys, error))
                return fail(validation(QStringLiteral("The provided starting key is invalid: The provided key element does not match the schema")));
            start = candidates.size();
            for (qsizetype i = 0; i < candidates.size(); ++i) {
                const QJsonObject key = keyOf(candidates.at(i), keys);
                if (DynamoValue::equal(QJsonObject{{QStringLiteral("M"), key}}, QJsonObject{{QStringLiteral("M"), startKey}})) {
                    start = i + 1;
                    break;
                }
            }
        }
        const bool countOnly = input.value(QLatin1String("Select")).toString() == QLatin1String("COUNT");
        QJsonArray items;
        int scanned = 0, matched = 0;
        qsizetype bytes = 0;
        qsizetype i = start;
        QJsonObject lastKey;
        for (; i < candidates.size(); ++i) {
            const QJsonObject &item = candidates.at(i);
            if (query && !expressions.keyCondition->matches(item))
                continue;
            if ((limit > 0 && scanned >= limit) || bytes >= kPageLimit)
                break;
            ++scanned;
            bytes += DynamoValue::itemSize(item);
            lastKey = keyOf(item, keys);
            if (expressions.filter && !expressions.filter->matches(item))
                continue;
            ++matched;
            if (!countOnly)
                items.append(expressions.projection ? expressions.projection->project(item) : item);
        }
        // A page ends early only when more remain (a scan that read all its rows may have more).
        bool more = !query && candidates.size() == scanRows && i == candidates.size() && i > 0;
        for (qsizetype j = i; j < candidates.size() && !more; ++j)
            more = !query || expressions.keyCondition->matches(candidates.at(j));
        QJsonObject result{{QStringLiteral("Count"), matched}, {QStringLiteral("ScannedCount"), scanned}};
        if (!countOnly)
            result.insert(QStringLiteral("Items"), items);
        if (more)
            result.insert(QStringLiteral("LastEvaluatedKey"), lastKey);
        return result;
    }
    return fail({QStringLiteral("UnknownOperationException"), QString()});
}

void AwsEndpoint::dynamodb(const AwsRequest &request, const QString &operation, const Reply &done)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QString prefix = QStringLiteral("com.amazonaws.dynamodb.v20120810#");
    if (!document.isObject()) {
        done(AwsWire::jsonError(400, QStringLiteral("com.amazon.coral.service#"), QStringLiteral("SerializationException"),
                                QStringLiteral("the request body is not a JSON object")));
        return;
    }
    DynamoError error;
    const QJsonObject result = dynamoOperation(operation, document.object(), request.cause, &error);
    if (!error.type.isEmpty()) {
        const int status = error.type == QLatin1String("InternalServerError") ? 500 : 400;
        // DynamoDB names its own exceptions, and the service framework's (coral) the others.
        const QString typePrefix = error.type == QLatin1String("UnknownOperationException") ? QStringLiteral("com.amazon.coral.service#")
                                   : error.type == kValidation                             ? QStringLiteral("com.amazon.coral.validate#")
                                                                                           : prefix;
        done(AwsWire::jsonError(status, typePrefix, error.type, error.message));
        return;
    }
    done(AwsWire::jsonAnswer(result));
}

} // namespace Nimbus
