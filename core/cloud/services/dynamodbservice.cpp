#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"
#include "result.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/cloudstate.h"
#include "cloud/dynamoexpression.h"
#include "cloud/faults.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QString kValidation = u"ValidationException"_s;
constexpr qsizetype kItemLimit = 400 * 1024;
constexpr qsizetype kPageLimit = 1024 * 1024;
constexpr int kScanRows = 10000;
constexpr int kTransactionActions = 100;
constexpr qsizetype kTransactionBytes = 4 * 1024 * 1024;
constexpr qint64 kIdempotencySeconds = 10 * 60;
// The ClientRequestTokens remembered at most (ten minutes of a busy client).
constexpr qsizetype kIdempotencyTokens = 10000;
// ExecuteStatement's Statement, in characters.
constexpr int kStatementLength = 8192;

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

// An item's index key attributes, where it has them, are of the index's types and not
// empty (an item without them is simply not in the index).
bool checkIndexKeys(const QJsonObject &item, const QList<TableIndex> &indexes, DynamoError *error)
{
    for (const TableIndex &index : indexes) {
        for (const auto &[name, type] : {std::pair{index.keys.partitionKey, index.keys.partitionType},
                                         std::pair{index.keys.sortKey, index.keys.sortType}}) {
            if (name.isEmpty() || !item.contains(name))
                continue;
            const QJsonValue value = item.value(name);
            if (DynamoValue::typeOf(value) != type) {
                *error = validation(
                    u"One or more parameter values were invalid: Type mismatch for Index Key %1 "
                    "Expected: %2 Actual: %3 IndexName: %4"_s.arg(name, type, DynamoValue::typeOf(value), index.name));
                return false;
            }
            if (!TableStore::keyValue(value, type)) {
                *error = validation(
                    u"One or more parameter values are not valid. A value specified for a secondary "
                    "index key is not supported. The AttributeValue for a key attribute cannot "
                    "contain an empty string value. IndexName: %1, IndexKey: %2"_s.arg(index.name, name));
                return false;
            }
        }
    }
    return true;
}

// size: the item's itemSize() when the caller knows it, -1 otherwise.
bool checkItem(const QJsonObject &item, const TableKeys &keys, DynamoError *error,
               const QList<TableIndex> &indexes = {}, qsizetype size = -1)
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
    if ((size >= 0 ? size : DynamoValue::itemSize(item)) > kItemLimit) {
        *error = validation(u"Item size has exceeded the maximum allowed size"_s);
        return false;
    }
    return checkIndexKeys(item, indexes, error);
}

// The expressions of a request, parsed against its names and values.
struct Expressions
{
    DynamoExpression::Context context;
    std::optional<DynamoExpression> condition, filter, keyCondition, update, projection;

    bool parse(const QJsonObject &input, DynamoError *error)
    {
        // The parameters older than expressions are refused by name, never ignored: a Scan
        // whose ScanFilter was ignored would answer every item as if it matched. Here, so
        // that batches and transactions, whose every request is parsed, refuse them too.
        static const std::pair<const char *, const char *> legacy[] = {
            {"ScanFilter", "FilterExpression"},          {"QueryFilter", "FilterExpression"},
            {"KeyConditions", "KeyConditionExpression"}, {"ConditionalOperator", "the expressions"},
            {"AttributesToGet", "ProjectionExpression"}, {"Expected", "ConditionExpression"}};
        for (const auto &[parameter, instead] : legacy) {
            if (input.contains(QLatin1String(parameter))) {
                *error = {u"NotImplemented"_s, u"%1 is a legacy parameter the local cloud does not serve; use %2"_s.arg(
                                                   QLatin1String(parameter), QLatin1String(instead))};
                return false;
            }
        }
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

// Capacity units as DynamoDB counts them: a read unit per 4 KB (rounded up, at least
// one; half as much eventually consistent), a write unit per 1 KB.
double readUnits(qsizetype bytes, bool consistent)
{
    const double units = double(std::max<qsizetype>(1, (bytes + 4095) / 4096));
    return consistent ? units : units / 2;
}

double writeUnits(qsizetype bytes)
{
    return double(std::max<qsizetype>(1, (bytes + 1023) / 1024));
}

// The capacity one request consumed on one table and its indexes (ReturnConsumedCapacity).
struct Consumed
{
    QString table;
    bool write = false;
    double tableUnits = 0;
    QMap<QString, double> globals = {}, locals = {};

    double total() const
    {
        double sum = tableUnits;
        for (double units : globals)
            sum += units;
        for (double units : locals)
            sum += units;
        return sum;
    }

    QJsonObject units(double value) const
    {
        return {{u"CapacityUnits"_s, value}, {write ? u"WriteCapacityUnits"_s : u"ReadCapacityUnits"_s, value}};
    }

    QJsonObject toJson(const QString &mode) const
    {
        QJsonObject out = units(total());
        out.insert(u"TableName"_s, table);
        if (mode != "INDEXES"_L1)
            return out;
        out.insert(u"Table"_s, units(tableUnits));
        for (const auto &[field, map] :
             {std::pair{u"GlobalSecondaryIndexes"_s, &globals}, std::pair{u"LocalSecondaryIndexes"_s, &locals}}) {
            if (map->isEmpty())
                continue;
            QJsonObject indexes;
            for (auto it = map->begin(); it != map->end(); ++it)
                indexes.insert(it.key(), units(it.value()));
            out.insert(field, indexes);
        }
        return out;
    }

    // The writes of one item's change to the table and to each index it is or was in:
    // an index entry added or removed is one write, a changed index key two (a delete
    // and a put), each by the entry's size (factor 2 in a transaction).
    void addWrite(const TableKeys &keys, const QList<TableIndex> &indexes, const std::optional<QJsonObject> &before,
                  const std::optional<QJsonObject> &after, double factor)
    {
        write = true;
        tableUnits += factor
                      * writeUnits(std::max(before ? DynamoValue::itemSize(*before) : 0,
                                            after ? DynamoValue::itemSize(*after) : 0));
        for (const TableIndex &index : indexes) {
            const bool was = before && index.holds(*before), is = after && index.holds(*after);
            double units = 0;
            if (was && is) {
                const QJsonObject oldEntry = index.project(*before, keys), newEntry = index.project(*after, keys);
                // An entry the change leaves as it was costs the index nothing.
                if (DynamoValue::equal(QJsonObject{{u"M"_s, oldEntry}}, QJsonObject{{u"M"_s, newEntry}}))
                    units = 0;
                else if (DynamoValue::equal(QJsonObject{{u"M"_s, index.keyOf(*before, keys)}},
                                            QJsonObject{{u"M"_s, index.keyOf(*after, keys)}}))
                    units = writeUnits(std::max(DynamoValue::itemSize(oldEntry), DynamoValue::itemSize(newEntry)));
                else
                    units = writeUnits(DynamoValue::itemSize(oldEntry)) + writeUnits(DynamoValue::itemSize(newEntry));
            } else if (was || is) {
                units = writeUnits(DynamoValue::itemSize(index.project(was ? *before : *after, keys)));
            }
            if (units > 0)
                (index.local ? locals : globals)[index.name] += factor * units;
        }
    }
};

bool readCapacityMode(const QJsonObject &input, QString *mode, DynamoError *error)
{
    *mode = input.value("ReturnConsumedCapacity"_L1).toString(u"NONE"_s);
    if (*mode == "NONE"_L1 || *mode == "TOTAL"_L1 || *mode == "INDEXES"_L1)
        return true;
    *error = validation(QStringLiteral("1 validation error detected: Value '%1' at 'returnConsumedCapacity' failed to "
                                       "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]")
                            .arg(*mode));
    return false;
}

// The condition failure DynamoDB answers, with the item as it is when the request asked for
// it (ReturnValuesOnConditionCheckFailure ALL_OLD).
DynamoError conditionFailed(const QJsonObject &request, const std::optional<QJsonObject> &before)
{
    DynamoError error{u"ConditionalCheckFailedException"_s, u"The conditional request failed"_s};
    if (request.value("ReturnValuesOnConditionCheckFailure"_L1).toString() == "ALL_OLD"_L1 && before)
        error.details.insert(u"Item"_s, *before);
    return error;
}

bool checkConditionReturn(const QJsonObject &request, DynamoError *error)
{
    const QString mode = request.value("ReturnValuesOnConditionCheckFailure"_L1).toString(u"NONE"_s);
    if (mode == "NONE"_L1 || mode == "ALL_OLD"_L1)
        return true;
    *error = validation(
        QStringLiteral("1 validation error detected: Value '%1' at 'returnValuesOnConditionCheckFailure' "
                       "failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]")
            .arg(mode));
    return false;
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

// A parallel scan's Segment of TotalSegments, checked as DynamoDB checks them; nullopt (and
// no error) when the scan is not split.
std::optional<std::pair<int, int>> readSegment(const QJsonObject &input, DynamoError *error)
{
    const bool hasSegment = input.contains("Segment"_L1), hasTotal = input.contains("TotalSegments"_L1);
    if (!hasSegment && !hasTotal)
        return std::nullopt;
    if (hasSegment != hasTotal) {
        *error = validation(hasSegment ? u"The TotalSegments parameter is required but was not present in the request "
                                         "when Segment parameter is present"_s
                                       : u"The Segment parameter is required but was not present in the request when "
                                         "parameter TotalSegments is present"_s);
        return std::nullopt;
    }
    const int segment = input.value("Segment"_L1).toInt(-1), total = input.value("TotalSegments"_L1).toInt(0);
    if (total < 1 || total > 1000000) {
        *error = validation(u"1 validation error detected: Value '%1' at 'totalSegments' failed to satisfy constraint: "
                            "Member must have value %2"_s.arg(total)
                                .arg(total < 1 ? u"greater than or equal to 1"_s : u"less than or equal to 1000000"_s));
        return std::nullopt;
    }
    if (segment < 0 || segment >= total) {
        *error = segment < 0
                     ? validation(u"1 validation error detected: Value '%1' at 'segment' failed to satisfy "
                                  "constraint: Member must have value greater than or equal to 0"_s.arg(segment))
                     : validation(u"The Segment parameter is zero-based and must be less than parameter "
                                  "TotalSegments: Segment: %1 is not less than TotalSegments: %2"_s.arg(segment)
                                      .arg(total));
        return std::nullopt;
    }
    return std::pair{segment, total};
}

// The segment of a parallel scan an item falls in: by its partition key, as DynamoDB
// divides a table (the segments are disjoint and cover it; which one is not documented).
int segmentOf(const QJsonObject &item, const TableKeys &keys, int total)
{
    const QByteArray key =
        TableStore::keyValue(item.value(keys.partitionKey), keys.partitionType).value_or(QString()).toUtf8();
    return int(QCryptographicHash::hash(key, QCryptographicHash::Md5).left(4).toHex().toUInt(nullptr, 16)
               % uint(total));
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
    QList<TableIndex> indexes = {};
    QString capacityMode = QStringLiteral("NONE");
    // PutItem's Item of input, prepared on the endpoint's connection thread; null when not.
    const DynamoValue::PreparedItem *prepared = nullptr;
};

// The indexes declared on a table node (its indexes property).
Result<QList<TableIndex>> indexesOf(const Node *table, const TableKeys &keys)
{
    return TableIndex::parse(table->properties.value("indexes"_L1).toString(), keys);
}

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

    // What the operation consumed (ReturnConsumedCapacity).
    const Consumed &consumed() const { return mConsumed; }

private:
    LocalCloud &cloud() const { return mCloud; }
    // The item key names as it is now, when the request's condition holds for it.
    bool itemBefore(const QJsonObject &key, std::optional<QJsonObject> *before, DynamoError *error) const;
    // PutItem's and DeleteItem's common part: the condition, the write (told whether
    // the item existed), and the old item for ReturnValues ALL_OLD.
    QJsonObject conditionalWrite(const QJsonObject &key, const std::function<Result<void>(bool existed)> &write,
                                 DynamoError *error);
    // One page of a query or a scan from its candidate items, from start on.
    QJsonObject page(const QList<QJsonObject> &candidates, qsizetype start, int limit, int scanRows);
    // The index IndexName names, checked against the request; true without one.
    bool findIndex(DynamoError *error);
    // What a reader of the index (or the table) sees of an item, and its LastEvaluatedKey.
    QJsonObject visible(const QJsonObject &item) const;
    QJsonObject pageKey(const QJsonObject &item) const;
    // Where a page of the index starts after ExclusiveStartKey.
    bool indexStart(const QList<QJsonObject> &candidates, bool ascending, qsizetype *start, DynamoError *error) const;
    void countWrite(const std::optional<QJsonObject> &before, const std::optional<QJsonObject> &after);

    LocalCloud &mCloud;
    const TableCall &mCall;
    std::optional<TableIndex> mIndex;
    bool mQuery = false;
    Consumed mConsumed;
};

// DynamoDB on its JSON 1.0 protocol: the design's tables, their items with condition,
// update, filter and projection expressions, queries, paged scans and batches. Writes
// reach the tables' streams through the local cloud.
class DynamoDbService final : public AwsService
{
public:
    explicit DynamoDbService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

protected:
    // A new start of the cloud serves the design as it is: what this run deleted or set goes.
    void startRun() override
    {
        mDeleted.clear();
        cloud().tableReads().forgetTables();
    }

public:
private:
    using Function = QJsonObject (DynamoDbService::*)(const QJsonObject &input, qint64 cause, DynamoError *error);
    using TableFunction = QJsonObject (TableOperation::*)(DynamoError *error);

    // The answer of one operation, or *error.
    // prepared: input's Item, when the endpoint's connection thread prepared it (a PutItem's).
    QJsonObject run(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error,
                    const DynamoValue::PreparedItem *prepared = nullptr);
    const Node *table(const QJsonValue &name, DynamoError *error) const;
    QJsonObject description(const Node *table) const;
    bool checkWriteBatch(const QJsonObject &requests, DynamoError *error) const;

    QJsonObject listTables(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchWriteItem(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchGetItem(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject describeTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject updateTimeToLive(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject describeTimeToLive(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject transactWriteItems(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject transactGetItems(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject executeStatement(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchExecuteStatement(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject createTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    // CreateTable of a table the design does not declare: checked as DynamoDB checks it,
    // then made for this run with the request's keys, billing mode, stream and indexes.
    QJsonObject createUndeclaredTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject deleteTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject updateTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    // The node name of the design's table DynamoDB knows as name (its physical name, else
    // its node's), empty when there is none or DeleteTable deleted it in this run.
    QString tableNamed(const QString &name) const;

    QStringList servedOperations() const override { return mOperations.keys() + mTableOperations.keys(); }

    QHash<QString, Function> mOperations; // without a table, or finding it themselves
    QHash<QString, TableFunction> mTableOperations; // on the table named in TableName
    // The design's tables DeleteTable deleted in this run (node names): missing until
    // CreateTable makes them again.
    QSet<QString> mDeleted;
    // TransactWriteItems' ClientRequestTokens of the last ten minutes (the cloud's clock):
    // the digest of the request's actions and what it was answered.
    struct Remembered
    {
        QByteArray digest;
        QDateTime at;
        QJsonObject answer;
        quint64 serial = 0; // the order tokens came in: the first is forgotten first
    };
    QHash<QString, Remembered> mTokens;
    quint64 mTokenSerial = 0;
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
        {u"TransactWriteItems"_s, &DynamoDbService::transactWriteItems},
        {u"TransactGetItems"_s, &DynamoDbService::transactGetItems},
        {u"ExecuteStatement"_s, &DynamoDbService::executeStatement},
        {u"BatchExecuteStatement"_s, &DynamoDbService::batchExecuteStatement},
        {u"CreateTable"_s, &DynamoDbService::createTable},
        {u"DeleteTable"_s, &DynamoDbService::deleteTable},
        {u"UpdateTable"_s, &DynamoDbService::updateTable},
    };
    mTableOperations = {
        {u"PutItem"_s, &TableOperation::putItem},       {u"GetItem"_s, &TableOperation::getItem},
        {u"DeleteItem"_s, &TableOperation::deleteItem}, {u"UpdateItem"_s, &TableOperation::updateItem},
        {u"Query"_s, &TableOperation::query},           {u"Scan"_s, &TableOperation::scan},
    };
    servePartly(u"Scan"_s, u"the legacy ScanFilter, ConditionalOperator and AttributesToGet are refused: use the "
                           "expressions"_s);
    servePartly(u"Query"_s, u"the legacy KeyConditions, QueryFilter, ConditionalOperator and AttributesToGet are "
                            "refused: use the expressions"_s);
    servePartly(u"UpdateItem"_s,
                u"the legacy AttributeUpdates, Expected and ConditionalOperator are refused: use the expressions"_s);
    servePartly(u"GetItem"_s, u"the legacy AttributesToGet is refused: use ProjectionExpression"_s);
    for (const QString &write : {u"PutItem"_s, u"DeleteItem"_s})
        servePartly(write, u"the legacy Expected and ConditionalOperator are refused: use ConditionExpression"_s);
    const QString partiql =
        u"the PartiQL that maps onto the served operations: SELECT, INSERT, UPDATE and DELETE by key"_s;
    servePartly(u"ExecuteStatement"_s, partiql);
    servePartly(u"BatchExecuteStatement"_s, partiql);
    servePartly(u"DescribeTable"_s, u"the design's tables; no replicas, archival or warm throughput"_s);
    refuse(u"ExecuteTransaction"_s, u"PartiQL transactions: use TransactWriteItems or TransactGetItems"_s);
    servePartly(u"CreateTable"_s, QStringLiteral("the design's tables: ResourceInUseException, or made again (empty, "
                                                 "with the design's keys) after DeleteTable in this run; a table the "
                                                 "design does not declare is made for the run (made by code)"));
    servePartly(u"DeleteTable"_s, QStringLiteral("for this run: the design's table loses its items (no stream records) "
                                                 "and is missing until CreateTable"));
    servePartly(u"UpdateTable"_s,
                QStringLiteral("billing, capacity, table class and deletion protection are accepted "
                               "and change nothing; keys, indexes and the stream are the table node's"));
    const QString backups = u"backups, restores, exports and imports are not emulated"_s;
    for (const char *operation :
         {"CreateBackup", "DeleteBackup", "DescribeBackup", "ListBackups", "RestoreTableFromBackup",
          "RestoreTableToPointInTime", "DescribeContinuousBackups", "UpdateContinuousBackups",
          "ExportTableToPointInTime", "DescribeExport", "ListExports", "ImportTable", "DescribeImport", "ListImports"})
        refuse(QLatin1String(operation), backups);
    const QString global = u"global tables and replicas are not emulated"_s;
    for (const char *operation : {"CreateGlobalTable", "DescribeGlobalTable", "ListGlobalTables", "UpdateGlobalTable",
                                  "DescribeGlobalTableSettings", "UpdateGlobalTableSettings",
                                  "DescribeTableReplicaAutoScaling", "UpdateTableReplicaAutoScaling"})
        refuse(QLatin1String(operation), global);
    const QString kinesis = u"Kinesis streaming destinations are not emulated; table streams are"_s;
    for (const char *operation : {"DescribeKinesisStreamingDestination", "EnableKinesisStreamingDestination",
                                  "DisableKinesisStreamingDestination", "UpdateKinesisStreamingDestination"})
        refuse(QLatin1String(operation), kinesis);
    const QString tags = u"tables have no tags here"_s;
    for (const char *operation : {"TagResource", "UntagResource", "ListTagsOfResource"})
        refuse(QLatin1String(operation), tags);
    const QString policies = u"permissions come from the design's connections"_s;
    for (const char *operation : {"GetResourcePolicy", "PutResourcePolicy", "DeleteResourcePolicy"})
        refuse(QLatin1String(operation), policies);
    const QString insights = u"CloudWatch Contributor Insights is not emulated"_s;
    for (const char *operation :
         {"DescribeContributorInsights", "UpdateContributorInsights", "ListContributorInsights"})
        refuse(QLatin1String(operation), insights);
    refuse(u"DescribeLimits"_s, u"the local cloud has no account quotas"_s);
    refuse(u"DescribeEndpoints"_s, u"the local cloud is its own endpoint"_s);
}

void DynamoDbService::handle(const AwsRequest &request, const AwsReply &done)
{
    const QString prefix = u"com.amazonaws.dynamodb.v20120810#"_s;
    if (request.body.size() > AwsEndpoint::kDynamoRequestLimit) {
        done(AwsWire::jsonError(413, prefix, u"RequestEntityTooLarge"_s, u"Request entity too large"_s));
        return;
    }
    // Refused by name before any table is looked for.
    if (const std::optional<QString> note = refusal(request.operation)) {
        done(refusedOperation(request, *note));
        return;
    }
    // Parsed on the connection's thread when the request came over HTTP.
    const QJsonDocument document = request.json ? QJsonDocument() : QJsonDocument::fromJson(request.body);
    if (!request.json && !document.isObject()) {
        done(AwsWire::jsonError(400, u"com.amazon.coral.service#"_s, u"SerializationException"_s,
                                u"the request body is not a JSON object"_s));
        return;
    }
    DynamoError error;
    QJsonObject result;
    {
        // The table writes of the requests of this turn of the event loop are committed together.
        const CloudState::Batch batch(cloud().state());
        result = run(request.operation, request.json ? *request.json : document.object(), request.cause, &error,
                     request.dynamoItem.get());
    }
    HttpResponseData answer;
    if (!error.type.isEmpty()) {
        const int status = error.type == "InternalServerError"_L1 ? 500 : error.type == "NotImplemented"_L1 ? 501 : 400;
        // DynamoDB names its own exceptions, and the service framework's (coral) the others.
        const QString typePrefix = error.type == "UnknownOperationException"_L1 ? u"com.amazon.coral.service#"_s
                                   : error.type == kValidation                  ? u"com.amazon.coral.validate#"_s
                                                                                : prefix;
        answer = AwsWire::jsonError(status, typePrefix, error.type, error.message);
        if (!error.details.isEmpty()) {
            QJsonObject body = QJsonDocument::fromJson(answer.body).object();
            for (auto it = error.details.begin(); it != error.details.end(); ++it)
                body.insert(it.key(), it.value());
            answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
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

QJsonObject DynamoDbService::run(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error,
                                 const DynamoValue::PreparedItem *prepared)
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
    call.prepared = prepared;
    if (!call.expressions.parse(input, error))
        return {};
    const TableFunction function = mTableOperations.value(operation);
    if (!function)
        return failed(error, {u"UnknownOperationException"_s, QString()});
    if (!readCapacityMode(input, &call.capacityMode, error) || !checkConditionReturn(input, error))
        return {};
    const Result<QList<TableIndex>> indexes = indexesOf(node, call.keys);
    if (!indexes)
        return failed(error, validation(u"The table %1 declares indexes the local cloud cannot read: %2"_s.arg(
                                 node->name, indexes.errorMessage())));
    call.indexes = *indexes;
    TableOperation onTable(cloud(), call);
    QJsonObject result = (onTable.*function)(error);
    // The endpoint's connection threads may now answer GetItems of this table as a request
    // names it, unless the chaos settings throttle its calls (counted here, one by one).
    if (function == &TableOperation::getItem && error->type.isEmpty() && FaultSettings::of(*node).throttleRate <= 0)
        cloud().tableReads().publishTable(input.value("TableName"_L1).toString(), {node->name, call.keys});
    if (error->type.isEmpty() && call.capacityMode != "NONE"_L1)
        result.insert(u"ConsumedCapacity"_s, onTable.consumed().toJson(call.capacityMode));
    return result;
}

const Node *DynamoDbService::table(const QJsonValue &name, DynamoError *error) const
{
    QString table = name.toString();
    if (table.startsWith("arn:"_L1))
        table = table.section('/'_L1, -1);
    // A table is known by its physical name when it has one, else by its node's name.
    const QString nodeName = tableNamed(table);
    const Node *node = nodeName.isEmpty() ? nullptr : cloud().resourceNode(nodeName);
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

QString DynamoDbService::tableNamed(const QString &name) const
{
    const QString table = cloud().resourceNamed(Kinds::Table, name);
    return mDeleted.contains(table) ? QString() : table;
}

// The design's tables exist already: CreateTable answers as DynamoDB does for a table that
// exists, or makes one deleted in this run again, empty, with the design's keys (the
// request's must agree). A table the design does not declare is made for this run, as
// the request describes it (LocalCloud::makeResource): the canvas shows it as made by code.
QJsonObject DynamoDbService::createTable(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    const QString name = input.value("TableName"_L1).toString();
    if (name.isEmpty())
        return failed(error, validation(QStringLiteral("1 validation error detected: Value null at 'tableName' failed "
                                                       "to satisfy constraint: Member must not be null")));
    const QString table = cloud().resourceNamed(Kinds::Table, name);
    if (table.isEmpty())
        return createUndeclaredTable(input, cause, error);
    if (!mDeleted.contains(table))
        return failed(error, {u"ResourceInUseException"_s, u"Table already exists: %1"_s.arg(name)});
    const TableKeys keys = cloud().tableKeys(table);
    QString hash, range;
    for (const QJsonValue &element : input.value("KeySchema"_L1).toArray())
        (element["KeyType"_L1].toString() == "HASH"_L1 ? hash : range) = element["AttributeName"_L1].toString();
    if (hash != keys.partitionKey || range != keys.sortKey)
        return failed(error,
                      validation(u"The design declares the table %1 with the key %2: CreateTable asked for %3"_s.arg(
                          name, keys.sortKey.isEmpty() ? keys.partitionKey : keys.partitionKey + u", "_s + keys.sortKey,
                          range.isEmpty() ? hash : hash + u", "_s + range)));
    mDeleted.remove(table);
    cloud().tableReads().forgetTables();
    QJsonObject description = this->description(cloud().resourceNode(table));
    description.insert(u"TableStatus"_s, u"CREATING"_s);
    return {{u"TableDescription"_s, description}};
}

QJsonObject DynamoDbService::createUndeclaredTable(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    const QString name = input.value("TableName"_L1).toString();
    static const QRegularExpression tableName(u"^[a-zA-Z0-9_.-]{3,255}$"_s);
    if (!tableName.match(name).hasMatch())
        return failed(error,
                      validation(u"1 validation error detected: Value '%1' at 'tableName' failed to satisfy "
                                 "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"_s.arg(
                                     name.left(300))));
    QHash<QString, QString> types;
    QStringList defined;
    for (const QJsonValue &attribute : input.value("AttributeDefinitions"_L1).toArray()) {
        const QString attributeName = attribute["AttributeName"_L1].toString();
        const QString type = attribute["AttributeType"_L1].toString();
        if (type != "S"_L1 && type != "N"_L1 && type != "B"_L1)
            return failed(error, validation(u"1 validation error detected: Value '%1' at "
                                            "'attributeDefinitions.member.attributeType' failed to satisfy constraint: "
                                            "Member must satisfy enum value set: [B, N, S]"_s.arg(type.left(50))));
        types.insert(attributeName, type);
        defined.append(attributeName);
    }
    // A key schema (the table's or an index's) as the keys the table store reads.
    QStringList used;
    auto keysOf = [&](const QJsonArray &schema, TableKeys *keys) -> bool {
        for (const QJsonValue &element : schema) {
            const QString attribute = element["AttributeName"_L1].toString();
            const QString keyType = element["KeyType"_L1].toString();
            if (!types.contains(attribute)) {
                *error = validation(u"One or more parameter values were invalid: Some index key attributes are not "
                                    "defined in AttributeDefinitions. Keys: [%1], AttributeDefinitions: [%2]"_s.arg(
                                        attribute, defined.join(", "_L1)));
                return false;
            }
            used.append(attribute);
            if (keyType == "HASH"_L1 && keys->partitionKey.isEmpty()) {
                keys->partitionKey = attribute;
                keys->partitionType = types.value(attribute);
            } else if (keyType == "RANGE"_L1 && keys->sortKey.isEmpty()) {
                keys->sortKey = attribute;
                keys->sortType = types.value(attribute);
            } else {
                *error = validation(u"Invalid KeySchema: Some index key attribute have no definition"_s);
                return false;
            }
        }
        if (keys->partitionKey.isEmpty()) {
            *error = validation(u"Invalid KeySchema: The first KeySchemaElement is not a HASH key type"_s);
            return false;
        }
        return true;
    };
    TableKeys keys;
    keys.partitionType.clear();
    keys.sortType = u"S"_s;
    if (!keysOf(input.value("KeySchema"_L1).toArray(), &keys))
        return {};
    QJsonArray indexes;
    for (const char *list : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        for (const QJsonValue &index : input.value(QLatin1String(list)).toArray()) {
            TableKeys indexKeys;
            if (!keysOf(index["KeySchema"_L1].toArray(), &indexKeys))
                return {};
            const QJsonObject projection = index["Projection"_L1].toObject();
            QJsonObject written{{u"name"_s, index["IndexName"_L1].toString()},
                                {u"kind"_s, qstrcmp(list, "LocalSecondaryIndexes") == 0 ? u"local"_s : u"global"_s},
                                {u"partitionKey"_s, indexKeys.partitionKey},
                                {u"partitionKeyType"_s, indexKeys.partitionType},
                                {u"sortKey"_s, indexKeys.sortKey},
                                {u"sortKeyType"_s, indexKeys.sortType},
                                {u"projection"_s, projection.value("ProjectionType"_L1).toString(u"ALL"_s)}};
            if (projection.contains("NonKeyAttributes"_L1))
                written.insert(u"nonKeyAttributes"_s, projection.value("NonKeyAttributes"_L1));
            indexes.append(written);
        }
    }
    for (const QString &attribute : std::as_const(defined))
        if (!used.contains(attribute))
            return failed(error, validation(u"One or more parameter values were invalid: Number of attributes in "
                                            "KeySchema does not exactly match number of attributes defined in "
                                            "AttributeDefinitions"_s));
    const QString indexText = indexes.isEmpty()
                                  ? QString()
                                  : QString::fromUtf8(QJsonDocument(indexes).toJson(QJsonDocument::Compact));
    if (const Result<QList<TableIndex>> parsed = TableIndex::parse(indexText, keys); !parsed)
        return failed(error, validation(u"One or more parameter values were invalid: %1"_s.arg(parsed.errorMessage())));
    QJsonObject properties{{u"partitionKey"_s, keys.partitionKey},
                           {u"partitionKeyType"_s, keys.partitionType},
                           {u"sortKey"_s, keys.sortKey},
                           {u"sortKeyType"_s, keys.sortType},
                           {u"indexes"_s, indexText},
                           {u"billingMode"_s, input.value("BillingMode"_L1).toString() == "PAY_PER_REQUEST"_L1
                                                  ? u"PAY_PER_REQUEST"_s
                                                  : u"PROVISIONED"_s}};
    const QJsonObject stream = input.value("StreamSpecification"_L1).toObject();
    if (stream.value("StreamEnabled"_L1).toBool()) {
        const QString view = stream.value("StreamViewType"_L1).toString();
        if (!QStringList{u"KEYS_ONLY"_s, u"NEW_IMAGE"_s, u"OLD_IMAGE"_s, u"NEW_AND_OLD_IMAGES"_s}.contains(view))
            return failed(error, validation(u"1 validation error detected: Value '%1' at "
                                            "'streamSpecification.streamViewType' failed to satisfy constraint: Member "
                                            "must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, "
                                            "KEYS_ONLY]"_s.arg(view.left(50))));
        properties.insert(u"stream"_s, view);
    }
    const Result<QString> made = cloud().makeResource(Kinds::Table, name, properties, cause);
    if (!made)
        return failed(error, {u"LimitExceededException"_s, made.errorMessage()});
    QJsonObject description = this->description(cloud().resourceNode(*made));
    description.insert(u"TableStatus"_s, u"CREATING"_s);
    return {{u"TableDescription"_s, description}};
}

// DeleteTable for this run: the design keeps the table, the run forgets its items (as
// DynamoDB, without stream records) and answers as for a missing table until CreateTable.
QJsonObject DynamoDbService::deleteTable(const QJsonObject &input, qint64, DynamoError *error)
{
    const Node *node = table(input.value("TableName"_L1), error);
    if (!node)
        return {};
    QJsonObject description = this->description(node);
    if (cloud().isMadeResource(node->name)) { // made by code in this run: gone with its items
        if (const Result<void> removed = cloud().removeMadeResource(node->name); !removed)
            return failed(error, {u"InternalServerError"_s, removed.errorMessage()});
        description.insert(u"TableStatus"_s, u"DELETING"_s);
        return {{u"TableDescription"_s, description}};
    }
    const TableKeys keys = cloud().tableKeys(node->name);
    for (const QJsonObject &item : cloud().state().scan(node->name))
        if (const Result<void> deleted = cloud().state().deleteItem(node->name, keys, keyOf(item, keys)); !deleted)
            return failed(error, {u"InternalServerError"_s, deleted.errorMessage()});
    mDeleted.insert(node->name);
    cloud().tableReads().forgetTables();
    description.insert(u"TableStatus"_s, u"DELETING"_s);
    description.insert(u"ItemCount"_s, 0);
    description.insert(u"TableSizeBytes"_s, 0);
    return {{u"TableDescription"_s, description}};
}

// UpdateTable: what changes how DynamoDB bills or protects a table is taken (it changes
// nothing here); what the table node holds (keys, indexes, stream) is changed on the canvas.
QJsonObject DynamoDbService::updateTable(const QJsonObject &input, qint64, DynamoError *error)
{
    const Node *node = table(input.value("TableName"_L1), error);
    if (!node)
        return {};
    static const QStringList accepted{
        u"TableName"_s,          u"BillingMode"_s,    u"ProvisionedThroughput"_s,    u"TableClass"_s,
        u"OnDemandThroughput"_s, u"WarmThroughput"_s, u"DeletionProtectionEnabled"_s};
    for (auto it = input.begin(); it != input.end(); ++it)
        if (!accepted.contains(it.key()))
            return failed(error, {u"NotImplemented"_s,
                                  u"DynamoDB_20120810.UpdateTable with %1 is not served by the local cloud: the keys, "
                                  "indexes and stream of %2 are properties of its node on the canvas"_s.arg(
                                      it.key().left(100), input.value("TableName"_L1).toString())});
    return {{u"TableDescription"_s, description(node)}};
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
    const QString name = cloud().awsName(table->name);
    const QString arn = u"arn:aws:dynamodb:%1:%2:table/%3"_s.arg(cloud().region(),
                                                                 QLatin1String(AwsEndpoint::kAccountId), name);
    QJsonObject description{
        {u"TableName"_s, name},
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
    QJsonArray globals, locals;
    for (const TableIndex &index : indexesOf(table, keys).valueOr({})) {
        QJsonArray indexSchema{QJsonObject{{u"AttributeName"_s, index.keys.partitionKey}, {u"KeyType"_s, u"HASH"_s}}};
        if (!index.keys.sortKey.isEmpty())
            indexSchema.append(QJsonObject{{u"AttributeName"_s, index.keys.sortKey}, {u"KeyType"_s, u"RANGE"_s}});
        for (const auto &[name, type] : {std::pair{index.keys.partitionKey, index.keys.partitionType},
                                         std::pair{index.keys.sortKey, index.keys.sortType}}) {
            const bool known = std::any_of(definitions.begin(), definitions.end(), [&name = name](const QJsonValue &d) {
                return d["AttributeName"_L1].toString() == name;
            });
            if (!name.isEmpty() && !known)
                definitions.append(QJsonObject{{u"AttributeName"_s, name}, {u"AttributeType"_s, type}});
        }
        QJsonObject projection{{u"ProjectionType"_s, index.projection}};
        if (index.projection == "INCLUDE"_L1)
            projection.insert(u"NonKeyAttributes"_s, QJsonArray::fromStringList(index.nonKeyAttributes));
        const QList<QJsonObject> items = cloud().state().indexItems(table->name, keys, index, std::nullopt).valueOr({});
        qint64 indexBytes = 0;
        for (const QJsonObject &item : items)
            indexBytes += DynamoValue::itemSize(index.project(item, keys));
        QJsonObject described{
            {u"IndexName"_s, index.name},           {u"KeySchema"_s, indexSchema},
            {u"Projection"_s, projection},          {u"IndexSizeBytes"_s, double(indexBytes)},
            {u"ItemCount"_s, double(items.size())}, {u"IndexArn"_s, arn + u"/index/"_s + index.name},
        };
        if (index.local) {
            locals.append(described);
        } else {
            described.insert(u"IndexStatus"_s, u"ACTIVE"_s);
            described.insert(u"ProvisionedThroughput"_s, QJsonObject{{u"ReadCapacityUnits"_s, 0},
                                                                     {u"WriteCapacityUnits"_s, 0},
                                                                     {u"NumberOfDecreasesToday"_s, 0}});
            globals.append(described);
        }
    }
    if (!globals.isEmpty())
        description.insert(u"GlobalSecondaryIndexes"_s, globals);
    if (!locals.isEmpty())
        description.insert(u"LocalSecondaryIndexes"_s, locals);
    description.insert(u"AttributeDefinitions"_s, definitions);
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
    for (const Node *node : cloud().resourceNodes(Kinds::Table))
        if (!mDeleted.contains(node->name))
            names.append(cloud().awsName(node->name));
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
        const QList<TableIndex> indexes = indexesOf(node, keys).valueOr({});
        QSet<QString> seen;
        for (const QJsonValue &request : it.value().toArray()) {
            const QJsonObject put = request["PutRequest"_L1].toObject();
            const QJsonObject del = request["DeleteRequest"_L1].toObject();
            if (request.toObject().size() != 1 || (put.isEmpty() && del.isEmpty())) {
                *error = validation(QStringLiteral("Supplied AttributeValue has more than one datatypes set, must "
                                                   "contain exactly one of the supported datatypes"));
                return false;
            }
            if (!put.isEmpty() && !checkItem(put.value("Item"_L1).toObject(), keys, error, indexes))
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
    QString mode;
    if (!readCapacityMode(input, &mode, error) || !checkWriteBatch(requests, error))
        return {};
    QJsonArray consumed;
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        const Node *node = table(it.key(), error);
        const TableKeys keys = cloud().tableKeys(node->name);
        const QList<TableIndex> indexes = indexesOf(node, keys).valueOr({});
        Consumed units{cloud().awsName(node->name)};
        for (const QJsonValue &request : it.value().toArray()) {
            const bool put = request.toObject().contains("PutRequest"_L1);
            const QJsonObject item = put ? DynamoValue::normalisedItem(request["PutRequest"_L1]["Item"_L1].toObject())
                                         : request["DeleteRequest"_L1]["Key"_L1].toObject();
            if (mode != "NONE"_L1)
                units.addWrite(keys, indexes, cloud().state().getItem(node->name, keys, item).valueOr(std::nullopt),
                               put ? std::optional<QJsonObject>(item) : std::nullopt, 1);
            const Result<void> written = put ? cloud().putItem(node->name, item, cause)
                                             : cloud().deleteItem(node->name, item, cause);
            if (!written)
                return failed(error, internalError(written.errorMessage()));
        }
        consumed.append(units.toJson(mode));
    }
    QJsonObject result{{u"UnprocessedItems"_s, QJsonObject()}};
    if (mode != "NONE"_L1)
        result.insert(u"ConsumedCapacity"_s, consumed);
    return result;
}

QJsonObject DynamoDbService::batchGetItem(const QJsonObject &input, qint64, DynamoError *error)
{
    const QJsonObject requests = input.value("RequestItems"_L1).toObject();
    QString mode;
    if (!readCapacityMode(input, &mode, error))
        return {};
    QJsonArray consumed;
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
        Consumed units{cloud().awsName(node->name)};
        const bool consistent = request.value("ConsistentRead"_L1).toBool();
        for (const QJsonValue &key : request.value("Keys"_L1).toArray()) {
            if (!checkKey(key.toObject(), keys, error))
                return {};
            const auto item = cloud().state().getItem(node->name, keys, key.toObject()).valueOr(std::nullopt);
            units.tableUnits += readUnits(item ? DynamoValue::itemSize(*item) : 0, consistent);
            if (item)
                found.append(expressions.projection ? expressions.projection->project(*item) : *item);
        }
        responses.insert(it.key(), found);
        consumed.append(units.toJson(mode));
    }
    QJsonObject result{{u"Responses"_s, responses}, {u"UnprocessedKeys"_s, QJsonObject()}};
    if (mode != "NONE"_L1)
        result.insert(u"ConsumedCapacity"_s, consumed);
    return result;
}

namespace {

// One action of a transaction, checked, with the item before and after it.
struct TransactAction
{
    QString type; // Put, Update, Delete, ConditionCheck (Get for TransactGetItems)
    QJsonObject body;
    const Node *table = nullptr;
    TableKeys keys;
    QList<TableIndex> indexes;
    QJsonObject key;
    Expressions expressions;
    std::optional<QJsonObject> before, after;
};

DynamoError transactionValidation(const QString &field, qsizetype size)
{
    return validation(QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: "
                                     "Member must have length less than or equal to 100, Member must have length "
                                     "greater than or equal to 1")
                          .arg(size)
                          .arg(field));
}

} // namespace

// The actions of TransactWriteItems or TransactGetItems, each checked as its single
// operation checks it, and at most one per item.
static bool readActions(const QJsonArray &items, const QStringList &types,
                        const std::function<const Node *(const QJsonValue &, DynamoError *)> &findTable,
                        const std::function<TableKeys(const QString &)> &keysOf, std::vector<TransactAction> *actions,
                        DynamoError *error)
{
    QSet<QString> seen;
    qsizetype bytes = 0;
    for (const QJsonValue &value : items) {
        const QJsonObject o = value.toObject();
        TransactAction action;
        for (const QString &type : types)
            if (o.contains(type))
                action.type = type;
        if (o.size() != 1 || action.type.isEmpty()) {
            *error = validation(u"TransactItems can only contain one of %1"_s.arg(types.join(", "_L1)));
            return false;
        }
        action.body = o.value(action.type).toObject();
        action.table = findTable(action.body.value("TableName"_L1), error);
        if (!action.table)
            return false;
        action.keys = keysOf(action.table->name);
        const Result<QList<TableIndex>> indexes = indexesOf(action.table, action.keys);
        action.indexes = indexes.valueOr({});
        if (!action.expressions.parse(action.body, error) || !checkConditionReturn(action.body, error))
            return false;
        if (action.type == "Put"_L1) {
            const QJsonObject item = DynamoValue::normalisedItem(action.body.value("Item"_L1).toObject());
            if (!checkItem(item, action.keys, error, action.indexes))
                return false;
            action.after = item;
            action.key = keyOf(item, action.keys);
        } else {
            action.key = action.body.value("Key"_L1).toObject();
            if (!checkKey(action.key, action.keys, error))
                return false;
        }
        if (action.type == "Update"_L1 && !action.expressions.update) {
            *error = validation(u"1 validation error detected: Value null at 'transactItems.member.updateExpression' "
                                "failed to satisfy constraint: Member must not be null"_s);
            return false;
        }
        if (action.type == "ConditionCheck"_L1 && !action.expressions.condition) {
            *error = validation(
                u"1 validation error detected: Value null at 'transactItems.member.conditionExpression' "
                "failed to satisfy constraint: Member must not be null"_s);
            return false;
        }
        QString id = action.table->name;
        for (const QString &name : {action.keys.partitionKey, action.keys.sortKey})
            if (!name.isEmpty())
                id += QChar(0)
                      + TableStore::keyValue(action.key.value(name), name == action.keys.partitionKey
                                                                         ? action.keys.partitionType
                                                                         : action.keys.sortType)
                            .value_or(QString());
        if (seen.contains(id)) {
            *error = validation(u"Transaction request cannot include multiple operations on one item"_s);
            return false;
        }
        seen.insert(id);
        bytes += DynamoValue::itemSize(action.after.value_or(action.key));
        actions->push_back(std::move(action));
    }
    if (bytes > kTransactionBytes) {
        *error = validation(u"Transaction size has exceeded the maximum allowed size of 4 MB"_s);
        return false;
    }
    return true;
}

QJsonObject DynamoDbService::transactWriteItems(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    const QJsonArray items = input.value("TransactItems"_L1).toArray();
    if (items.isEmpty() || items.size() > kTransactionActions)
        return failed(error, transactionValidation(u"transactItems"_s, items.size()));
    QString mode;
    if (!readCapacityMode(input, &mode, error))
        return {};
    // A token answers what it answered for ten minutes, and refuses another request.
    const QString token = input.value("ClientRequestToken"_L1).toString();
    const QDateTime now = cloud().clock().now();
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(items).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256);
    if (input.contains("ClientRequestToken"_L1)) {
        if (token.isEmpty() || token.size() > 36)
            return failed(error, validation(u"1 validation error detected: Value at 'clientRequestToken' failed to "
                                            "satisfy constraint: Member must have length less than or equal to 36, "
                                            "Member must have length greater than or equal to 1"_s));
        mTokens.removeIf([&](const auto &entry) { return entry.value().at.secsTo(now) >= kIdempotencySeconds; });
        if (const auto remembered = mTokens.constFind(token); remembered != mTokens.constEnd()) {
            if (remembered->digest != digest)
                return failed(error, {u"IdempotentParameterMismatchException"_s,
                                      u"The request uses the same client token as a previous, but non-identical "
                                      "request. Do not reuse a client token with different requests, unless the "
                                      "requests are identical."_s});
            return remembered->answer;
        }
    }
    std::vector<TransactAction> actions;
    if (!readActions(
            items, {u"Put"_s, u"Update"_s, u"Delete"_s, u"ConditionCheck"_s},
            [this](const QJsonValue &name, DynamoError *e) { return table(name, e); },
            [this](const QString &name) { return cloud().tableKeys(name); }, &actions, error))
        return {};
    // Every condition is checked, and every item computed, before anything is written.
    QJsonArray reasons;
    QStringList codes;
    bool cancelled = false;
    for (TransactAction &action : actions) {
        action.before = cloud().state().getItem(action.table->name, action.keys, action.key).valueOr(std::nullopt);
        QJsonObject reason{{u"Code"_s, u"None"_s}};
        if (action.expressions.condition
            && !action.expressions.condition->matches(action.before.value_or(QJsonObject()))) {
            const DynamoError failure = conditionFailed(action.body, action.before);
            reason = QJsonObject{{u"Code"_s, u"ConditionalCheckFailed"_s}, {u"Message"_s, failure.message}};
            if (failure.details.contains("Item"_L1))
                reason.insert(u"Item"_s, failure.details.value("Item"_L1));
            cancelled = true;
        } else if (action.type == "Update"_L1) {
            for (const QString &name : action.expressions.update->touchedAttributes())
                if (name == action.keys.partitionKey || name == action.keys.sortKey)
                    return failed(error,
                                  validation(QStringLiteral("One or more parameter values were invalid: Cannot update "
                                                            "attribute %1. This attribute is part of the key")
                                                 .arg(name)));
            QJsonObject after = action.before.value_or(action.key);
            if (!action.expressions.update->apply(after, error))
                return {};
            after = DynamoValue::normalisedItem(after);
            if (!checkItem(after, action.keys, error, action.indexes))
                return {};
            action.after = after;
        } else if (action.type == "ConditionCheck"_L1) {
            action.after = action.before;
        }
        codes.append(reason.value("Code"_L1).toString());
        reasons.append(reason);
    }
    if (cancelled) {
        DynamoError cancel{u"TransactionCanceledException"_s,
                           u"Transaction cancelled, please refer cancellation reasons for specific reasons [%1]"_s.arg(
                               codes.join(", "_L1))};
        cancel.details.insert(u"CancellationReasons"_s, reasons);
        return failed(error, cancel);
    }
    // The writes join the request's group commit: one SQLite transaction holds them all.
    QMap<QString, Consumed> consumed;
    for (const TransactAction &action : actions) {
        Consumed &units = consumed[action.table->name];
        units.table = cloud().awsName(action.table->name);
        units.addWrite(action.keys, action.indexes, action.before,
                       action.type == "ConditionCheck"_L1 ? action.before : action.after, 2);
        Result<void> written;
        if (action.type == "Put"_L1 || action.type == "Update"_L1)
            written = cloud().putItem(action.table->name, *action.after, cause);
        else if (action.type == "Delete"_L1 && action.before)
            written = cloud().deleteItem(action.table->name, action.key, cause);
        if (!written)
            return failed(error, internalError(written.errorMessage()));
    }
    QJsonObject answer;
    if (mode != "NONE"_L1) {
        QJsonArray capacity;
        for (const Consumed &units : std::as_const(consumed))
            capacity.append(units.toJson(mode));
        answer.insert(u"ConsumedCapacity"_s, capacity);
    }
    if (!token.isEmpty()) {
        // Every program on the machine can send tokens, and the cloud's clock may stand
        // still: the oldest is forgotten first beyond kIdempotencyTokens.
        if (mTokens.size() >= kIdempotencyTokens && !mTokens.contains(token)) {
            auto oldest = mTokens.begin();
            for (auto it = mTokens.begin(); it != mTokens.end(); ++it)
                if (it->serial < oldest->serial)
                    oldest = it;
            mTokens.erase(oldest);
        }
        mTokens.insert(token, {digest, now, answer, ++mTokenSerial});
    }
    return answer;
}

QJsonObject DynamoDbService::transactGetItems(const QJsonObject &input, qint64, DynamoError *error)
{
    const QJsonArray items = input.value("TransactItems"_L1).toArray();
    if (items.isEmpty() || items.size() > kTransactionActions)
        return failed(error, transactionValidation(u"transactItems"_s, items.size()));
    QString mode;
    if (!readCapacityMode(input, &mode, error))
        return {};
    std::vector<TransactAction> actions;
    if (!readActions(
            items, {u"Get"_s}, [this](const QJsonValue &name, DynamoError *e) { return table(name, e); },
            [this](const QString &name) { return cloud().tableKeys(name); }, &actions, error))
        return {};
    QJsonArray responses;
    QMap<QString, Consumed> consumed;
    qsizetype bytes = 0;
    for (const TransactAction &action : actions) {
        const auto item = cloud().state().getItem(action.table->name, action.keys, action.key).valueOr(std::nullopt);
        Consumed &units = consumed[action.table->name];
        units.table = cloud().awsName(action.table->name);
        units.tableUnits += 2 * readUnits(item ? DynamoValue::itemSize(*item) : 0, true);
        if (!item) {
            responses.append(QJsonObject());
            continue;
        }
        bytes += DynamoValue::itemSize(*item);
        const QJsonObject shown = action.expressions.projection ? action.expressions.projection->project(*item) : *item;
        responses.append(QJsonObject{{u"Item"_s, shown}});
    }
    if (bytes > kTransactionBytes)
        return failed(error, validation(u"Transaction size has exceeded the maximum allowed size of 4 MB"_s));
    QJsonObject answer{{u"Responses"_s, responses}};
    if (mode != "NONE"_L1) {
        QJsonArray capacity;
        for (const Consumed &units : std::as_const(consumed))
            capacity.append(units.toJson(mode));
        answer.insert(u"ConsumedCapacity"_s, capacity);
    }
    return answer;
}

namespace {

// PartiQL statements of DynamoDB's dialect, translated into the request of the operation
// each maps onto: SELECT into a Scan (of a table or an index) with a filter, INSERT into a
// PutItem that the item must not exist for, UPDATE into an UpdateItem and DELETE into a
// DeleteItem of the key its WHERE names. Names become #n placeholders and literals and `?`
// parameters :v placeholders, so that DynamoDB's expressions do the rest.
class Partiql
{
public:
    struct Statement
    {
        QString verb; // SELECT, INSERT, UPDATE, DELETE
        QString operation;
        QJsonObject input;
    };

    Partiql(const QString &text, const QJsonArray &parameters) : mParameters(parameters) { tokenize(text); }

    // The statement's request; keysOf gives a table's keys (nullopt for an unknown table).
    std::optional<Statement> translate(const std::function<std::optional<TableKeys>(const QString &)> &keysOf,
                                       DynamoError *error);

private:
    struct Token
    {
        enum Type { End, Word, Name, String, Number, Parameter, Symbol } type = End;
        QString text;
    };

    void tokenize(const QString &text);
    const Token &peek(qsizetype ahead = 0) const;
    Token next() { return mPos < mTokens.size() ? mTokens.at(mPos++) : Token(); }
    bool word(const char *w) const
    {
        return peek().type == Token::Word && peek().text.compare(QLatin1String(w), Qt::CaseInsensitive) == 0;
    }
    bool symbol(const char *s) const { return peek().type == Token::Symbol && peek().text == QLatin1String(s); }
    bool fail(const QString &message)
    {
        if (mError.isEmpty())
            mError = message;
        return false;
    }
    QString nameRef(const QString &name);
    QString valueRef(const QJsonValue &value);
    std::optional<QJsonValue> value();
    bool tableName(QString *table, QString *index);
    // An expression up to a word of stop (or the end), as DynamoDB expression text.
    QString expression(const QStringList &stop);
    // The WHERE of an UPDATE or DELETE: its key equalities into *key, the rest as a condition.
    bool keyAndCondition(const TableKeys &keys, QJsonObject *key, QString *condition);

    QList<Token> mTokens;
    qsizetype mPos = 0;
    QJsonArray mParameters;
    qsizetype mParameter = 0;
    int mDepth = 0; // of the literal being read: DynamoDB nests at most 32 levels
    QJsonObject mNames, mValues;
    QString mError;
};

void Partiql::tokenize(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        if (c == '"'_L1 || c == '\''_L1) {
            // Quoted: "name" or 'string', a doubled quote standing for one.
            t.type = c == '"'_L1 ? Token::Name : Token::String;
            ++i;
            while (i < text.size()) {
                if (text.at(i) == c) {
                    if (i + 1 < text.size() && text.at(i + 1) == c) {
                        t.text += c;
                        i += 2;
                        continue;
                    }
                    break;
                }
                t.text += text.at(i++);
            }
            if (i >= text.size()) {
                mError = u"Statement wasn't well formed, can't be processed: unterminated quote"_s;
                return;
            }
            ++i;
        } else if (c.isDigit() || (c == '-'_L1 && i + 1 < text.size() && text.at(i + 1).isDigit())
                   || (c == '.'_L1 && i + 1 < text.size() && text.at(i + 1).isDigit())) {
            t.type = Token::Number;
            qsizetype j = i + 1;
            while (j < text.size()
                   && (text.at(j).isDigit() || text.at(j) == '.'_L1 || text.at(j) == 'e'_L1 || text.at(j) == 'E'_L1
                       || ((text.at(j) == '+'_L1 || text.at(j) == '-'_L1)
                           && (text.at(j - 1) == 'e'_L1 || text.at(j - 1) == 'E'_L1))))
                ++j;
            t.text = text.mid(i, j - i);
            i = j;
        } else if (c.isLetter() || c == '_'_L1) {
            t.type = Token::Word;
            qsizetype j = i + 1;
            while (j < text.size() && (text.at(j).isLetterOrNumber() || text.at(j) == '_'_L1))
                ++j;
            t.text = text.mid(i, j - i);
            i = j;
        } else if (c == '?'_L1) {
            t.type = Token::Parameter;
            ++i;
        } else {
            t.type = Token::Symbol;
            const QString two = text.mid(i, 2);
            if (two == "<<"_L1 || two == ">>"_L1 || two == "<="_L1 || two == ">="_L1 || two == "<>"_L1
                || two == "!="_L1) {
                t.text = two;
                i += 2;
            } else {
                t.text = c;
                ++i;
            }
        }
        mTokens.append(t);
    }
}

const Partiql::Token &Partiql::peek(qsizetype ahead) const
{
    static const Token end;
    return mPos + ahead < mTokens.size() ? mTokens.at(mPos + ahead) : end;
}

QString Partiql::nameRef(const QString &name)
{
    for (auto it = mNames.begin(); it != mNames.end(); ++it)
        if (it.value().toString() == name)
            return it.key();
    const QString ref = u"#p%1"_s.arg(mNames.size());
    mNames.insert(ref, name);
    return ref;
}

QString Partiql::valueRef(const QJsonValue &value)
{
    const QString ref = u":p%1"_s.arg(mValues.size());
    mValues.insert(ref, value);
    return ref;
}

std::optional<QJsonValue> Partiql::value()
{
    struct Nesting
    {
        int &depth;
        explicit Nesting(int &d) : depth(++d) { }
        ~Nesting() { --depth; }
    } nesting(mDepth);
    if (mDepth > 32) {
        fail(u"Nesting Levels have exceeded supported limits"_s);
        return std::nullopt;
    }
    const Token t = next();
    switch (t.type) {
    case Token::String: return QJsonValue(QJsonObject{{u"S"_s, t.text}});
    case Token::Number:
        if (!DynamoValue::canonicalNumber(t.text)) {
            fail(u"Statement wasn't well formed: '%1' is not a number DynamoDB can store"_s.arg(t.text));
            return std::nullopt;
        }
        return QJsonValue(QJsonObject{{u"N"_s, *DynamoValue::canonicalNumber(t.text)}});
    case Token::Parameter:
        if (mParameter >= mParameters.size()) {
            fail(u"Number of parameters in request and statement don't match."_s);
            return std::nullopt;
        }
        return mParameters.at(mParameter++);
    case Token::Word:
        if (t.text.compare("true"_L1, Qt::CaseInsensitive) == 0 || t.text.compare("false"_L1, Qt::CaseInsensitive) == 0)
            return QJsonValue(QJsonObject{{u"BOOL"_s, t.text.compare("true"_L1, Qt::CaseInsensitive) == 0}});
        if (t.text.compare("null"_L1, Qt::CaseInsensitive) == 0)
            return QJsonValue(QJsonObject{{u"NULL"_s, true}});
        break;
    case Token::Symbol:
        if (t.text == "{"_L1) {
            QJsonObject map;
            while (!symbol("}")) {
                const Token key = next();
                if ((key.type != Token::String && key.type != Token::Name) || !symbol(":")) {
                    fail(u"Statement wasn't well formed: a map's member is 'name': value"_s);
                    return std::nullopt;
                }
                next();
                const auto member = value();
                if (!member)
                    return std::nullopt;
                map.insert(key.text, *member);
                if (symbol(","))
                    next();
                else if (!symbol("}"))
                    break;
            }
            if (!symbol("}")) {
                fail(u"Statement wasn't well formed: a map is not closed"_s);
                return std::nullopt;
            }
            next();
            return QJsonValue(QJsonObject{{u"M"_s, map}});
        }
        if (t.text == "["_L1 || t.text == "<<"_L1) {
            const bool set = t.text == "<<"_L1;
            const char *close = set ? ">>" : "]";
            QJsonArray members;
            while (!symbol(close) && peek().type != Token::End) {
                const auto member = value();
                if (!member)
                    return std::nullopt;
                members.append(*member);
                if (symbol(","))
                    next();
                else
                    break;
            }
            if (!symbol(close)) {
                fail(u"Statement wasn't well formed: a list or set is not closed"_s);
                return std::nullopt;
            }
            next();
            if (!set)
                return QJsonValue(QJsonObject{{u"L"_s, members}});
            // A set of strings, numbers or binaries: its members' type, all alike.
            const QString type = members.isEmpty() ? QString() : DynamoValue::typeOf(members.first());
            QJsonArray scalars;
            for (const QJsonValue &member : std::as_const(members)) {
                if (DynamoValue::typeOf(member) != type || (type != "S"_L1 && type != "N"_L1 && type != "B"_L1)) {
                    fail(u"Statement wasn't well formed: a set holds strings, numbers or binaries, all of one type"_s);
                    return std::nullopt;
                }
                scalars.append(member.toObject().value(type));
            }
            return QJsonValue(QJsonObject{{type + u"S"_s, scalars}});
        }
        break;
    default: break;
    }
    fail(u"Statement wasn't well formed, can't be processed: unexpected '%1'"_s.arg(t.text));
    return std::nullopt;
}

bool Partiql::tableName(QString *table, QString *index)
{
    const Token t = next();
    if (t.type != Token::Name && t.type != Token::Word)
        return fail(u"Statement wasn't well formed, can't be processed: a table name is expected"_s);
    *table = t.text;
    if (index && symbol(".")) {
        next();
        const Token i = next();
        if (i.type != Token::Name && i.type != Token::Word)
            return fail(u"Statement wasn't well formed, can't be processed: an index name is expected"_s);
        *index = i.text;
    }
    return true;
}

QString Partiql::expression(const QStringList &stop)
{
    static const QStringList keywords{u"AND"_s, u"OR"_s, u"NOT"_s, u"BETWEEN"_s, u"IN"_s, u"SET"_s, u"REMOVE"_s};
    QStringList out;
    int inList = 0; // an IN list's brackets become parentheses
    while (peek().type != Token::End) {
        const Token &t = peek();
        if (t.type == Token::Word && stop.contains(t.text.toUpper()))
            break;
        if (t.type == Token::Word && keywords.contains(t.text.toUpper())) {
            out.append(t.text.toUpper());
            const bool in = t.text.toUpper() == "IN"_L1;
            next();
            if (in && symbol("[")) {
                next();
                out.append(u"("_s);
                ++inList;
            }
            continue;
        }
        if (t.type == Token::Word && peek(1).type == Token::Symbol && peek(1).text == "("_L1) {
            out.append(t.text); // a function: begins_with, contains, attribute_exists, size ...
            next();
            continue;
        }
        if (t.type == Token::Word && t.text.compare("IS"_L1, Qt::CaseInsensitive) == 0) {
            // x IS [NOT] MISSING: attribute_not_exists / attribute_exists of the name before it.
            next();
            const bool negated = word("NOT");
            if (negated)
                next();
            if (!word("MISSING")) {
                fail(u"Statement wasn't well formed: IS [NOT] MISSING is the only IS served"_s);
                return {};
            }
            next();
            const QString name = out.isEmpty() ? QString() : out.takeLast();
            out.append((negated ? u"attribute_exists(%1)"_s : u"attribute_not_exists(%1)"_s).arg(name));
            continue;
        }
        if (t.type == Token::Word || t.type == Token::Name) {
            // A path: names joined by dots, list positions in brackets.
            QString path = nameRef(t.text);
            next();
            for (;;) {
                if (symbol(".") && (peek(1).type == Token::Word || peek(1).type == Token::Name)) {
                    next();
                    path += '.'_L1 + nameRef(next().text);
                } else if (symbol("[") && peek(1).type == Token::Number && peek(2).text == "]"_L1) {
                    next();
                    path += '['_L1 + next().text + ']'_L1;
                    next();
                } else {
                    break;
                }
            }
            out.append(path);
            continue;
        }
        if (t.type == Token::Symbol && inList > 0 && t.text == "]"_L1) {
            next();
            out.append(u")"_s);
            --inList;
            continue;
        }
        if (t.type == Token::Symbol && !(t.text == "{"_L1 || t.text == "["_L1 || t.text == "<<"_L1)) {
            out.append(t.text == "!="_L1 ? u"<>"_s : t.text);
            next();
            continue;
        }
        const auto literal = value();
        if (!literal)
            return {};
        out.append(valueRef(*literal));
    }
    return out.join(' '_L1);
}

bool Partiql::keyAndCondition(const TableKeys &keys, QJsonObject *key, QString *condition)
{
    // Top-level conjuncts of the form key = value give the key; the others stay a condition.
    QStringList rest;
    for (;;) {
        const bool keyEquality = (peek().type == Token::Word || peek().type == Token::Name)
                                 && (peek().text == keys.partitionKey
                                     || (!keys.sortKey.isEmpty() && peek().text == keys.sortKey))
                                 && peek(1).type == Token::Symbol && peek(1).text == "="_L1
                                 && !key->contains(peek().text);
        const qsizetype start = mPos;
        if (keyEquality) {
            const QString name = next().text;
            next();
            const auto v = value();
            if (!v)
                return false;
            if (peek().type == Token::End || word("AND")) {
                key->insert(name, *v);
            } else {
                mPos = start; // key = value OR ...: a condition, not the key
                rest.append(expression({u"AND"_s}));
            }
        } else {
            rest.append(expression({u"AND"_s}));
        }
        if (!mError.isEmpty())
            return false;
        if (!word("AND"))
            break;
        next();
        // BETWEEN's AND belongs to it: x BETWEEN a AND b is read whole by expression().
        if (!rest.isEmpty() && rest.last().contains(" BETWEEN "_L1) && !rest.last().contains(" AND "_L1)) {
            rest.last() += u" AND "_s + expression({u"AND"_s});
            if (!word("AND"))
                break;
            next();
        }
    }
    if (!key->contains(keys.partitionKey) || (!keys.sortKey.isEmpty() && !key->contains(keys.sortKey)))
        return fail(u"Where clause does not contain a mandatory equality on all key attributes"_s);
    QStringList parts;
    for (const QString &part : std::as_const(rest))
        if (!part.isEmpty())
            parts.append(u"(%1)"_s.arg(part));
    *condition = parts.join(u" AND "_s);
    return true;
}

std::optional<Partiql::Statement>
Partiql::translate(const std::function<std::optional<TableKeys>(const QString &)> &keysOf, DynamoError *error)
{
    Statement statement;
    const auto refuse = [&](const QString &message) {
        *error = validation(message);
        return std::optional<Statement>();
    };
    const auto missingTable = [&](const QString &name) {
        *error = {u"ResourceNotFoundException"_s, u"Requested resource not found: Table: %1 not found"_s.arg(name)};
        return std::optional<Statement>();
    };
    if (!mError.isEmpty())
        return refuse(mError);
    if (peek().type != Token::Word)
        return refuse(u"Statement wasn't well formed, can't be processed: it starts with SELECT, INSERT, UPDATE or "
                      "DELETE"_s);
    statement.verb = next().text.toUpper();
    QString table, index;
    QJsonObject &input = statement.input;
    if (statement.verb == "SELECT"_L1) {
        QStringList projection;
        if (symbol("*")) {
            next();
        } else {
            for (;;) {
                const Token t = next();
                if (t.type != Token::Word && t.type != Token::Name)
                    return refuse(u"Statement wasn't well formed, can't be processed: a projection names attributes"_s);
                projection.append(nameRef(t.text));
                if (!symbol(","))
                    break;
                next();
            }
        }
        if (!word("FROM"))
            return refuse(u"Statement wasn't well formed, can't be processed: FROM is expected"_s);
        next();
        if (!tableName(&table, &index))
            return refuse(mError);
        statement.operation = u"Scan"_s;
        if (!index.isEmpty())
            input.insert(u"IndexName"_s, index);
        if (!projection.isEmpty())
            input.insert(u"ProjectionExpression"_s, projection.join(u", "_s));
        if (word("WHERE")) {
            next();
            const QString filter = expression({});
            if (!mError.isEmpty())
                return refuse(mError);
            input.insert(u"FilterExpression"_s, filter);
        }
    } else if (statement.verb == "INSERT"_L1) {
        if (!word("INTO"))
            return refuse(u"Statement wasn't well formed, can't be processed: INTO is expected"_s);
        next();
        if (!tableName(&table, nullptr))
            return refuse(mError);
        if (!word("VALUE"))
            return refuse(u"Statement wasn't well formed, can't be processed: VALUE is expected"_s);
        next();
        const auto item = value();
        if (!item || DynamoValue::typeOf(*item) != "M"_L1)
            return refuse(mError.isEmpty() ? u"Statement wasn't well formed: INSERT's VALUE is a map"_s : mError);
        const auto keys = keysOf(table);
        if (!keys)
            return missingTable(table);
        statement.operation = u"PutItem"_s;
        input.insert(u"Item"_s, item->toObject().value("M"_L1));
        input.insert(u"ConditionExpression"_s, u"attribute_not_exists(%1)"_s.arg(nameRef(keys->partitionKey)));
    } else if (statement.verb == "UPDATE"_L1 || statement.verb == "DELETE"_L1) {
        if (statement.verb == "DELETE"_L1) {
            if (!word("FROM"))
                return refuse(u"Statement wasn't well formed, can't be processed: FROM is expected"_s);
            next();
        }
        if (!tableName(&table, nullptr))
            return refuse(mError);
        const auto keys = keysOf(table);
        if (!keys)
            return missingTable(table);
        QStringList sets, removes;
        while (statement.verb == "UPDATE"_L1 && (word("SET") || word("REMOVE"))) {
            const bool set = word("SET");
            next();
            const QString part = expression({u"SET"_s, u"REMOVE"_s, u"WHERE"_s});
            if (!mError.isEmpty())
                return refuse(mError);
            (set ? sets : removes).append(part);
        }
        if (statement.verb == "UPDATE"_L1 && sets.isEmpty() && removes.isEmpty())
            return refuse(u"Statement wasn't well formed, can't be processed: UPDATE needs SET or REMOVE"_s);
        if (!word("WHERE"))
            return refuse(u"Where clause does not contain a mandatory equality on all key attributes"_s);
        next();
        QJsonObject key;
        QString condition;
        if (!keyAndCondition(*keys, &key, &condition))
            return refuse(mError);
        input.insert(u"Key"_s, key);
        if (statement.verb == "UPDATE"_L1) {
            statement.operation = u"UpdateItem"_s;
            QStringList update;
            if (!sets.isEmpty())
                update.append(u"SET "_s + sets.join(u", "_s));
            if (!removes.isEmpty())
                update.append(u"REMOVE "_s + removes.join(u", "_s));
            input.insert(u"UpdateExpression"_s, update.join(' '_L1));
            // An UPDATE changes an item that exists.
            const QString exists = u"attribute_exists(%1)"_s.arg(nameRef(keys->partitionKey));
            condition = condition.isEmpty() ? exists : exists + u" AND "_s + condition;
        } else {
            statement.operation = u"DeleteItem"_s;
        }
        if (!condition.isEmpty())
            input.insert(u"ConditionExpression"_s, condition);
    } else {
        return refuse(u"Statement wasn't well formed, can't be processed: %1 is not served (SELECT, INSERT, UPDATE, "
                      "DELETE are)"_s.arg(statement.verb));
    }
    if (peek().type != Token::End)
        return refuse(u"Statement wasn't well formed, can't be processed: unexpected '%1'"_s.arg(peek().text));
    if (mParameter != mParameters.size())
        return refuse(u"Number of parameters in request and statement don't match."_s);
    input.insert(u"TableName"_s, table);
    if (!mNames.isEmpty())
        input.insert(u"ExpressionAttributeNames"_s, mNames);
    if (!mValues.isEmpty())
        input.insert(u"ExpressionAttributeValues"_s, mValues);
    return statement;
}

} // namespace

QJsonObject DynamoDbService::executeStatement(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    // DynamoDB's limit, which also bounds the translation (each name is looked up among
    // those already read).
    if (input.value("Statement"_L1).toString().size() > kStatementLength)
        return failed(
            error, validation(u"1 validation error detected: Value at 'statement' failed to satisfy "
                              "constraint: Member must have length less than or equal to %1"_s.arg(kStatementLength)));
    Partiql partiql(input.value("Statement"_L1).toString(), input.value("Parameters"_L1).toArray());
    const auto statement = partiql.translate(
        [this](const QString &name) -> std::optional<TableKeys> {
            const QString table = tableNamed(name);
            if (table.isEmpty())
                return std::nullopt;
            return cloud().tableKeys(table);
        },
        error);
    if (!statement)
        return {};
    QJsonObject request = statement->input;
    if (input.contains("ReturnConsumedCapacity"_L1))
        request.insert(u"ReturnConsumedCapacity"_s, input.value("ReturnConsumedCapacity"_L1));
    if (statement->verb == "SELECT"_L1) {
        if (input.contains("ConsistentRead"_L1))
            request.insert(u"ConsistentRead"_s, input.value("ConsistentRead"_L1));
        if (input.contains("Limit"_L1))
            request.insert(u"Limit"_s, input.value("Limit"_L1));
        // NextToken is the scan's LastEvaluatedKey, as JSON in base64.
        if (input.contains("NextToken"_L1)) {
            const QJsonDocument start = QJsonDocument::fromJson(
                QByteArray::fromBase64(input.value("NextToken"_L1).toString().toLatin1()));
            if (!start.isObject())
                return failed(error, validation(u"The provided starting key is invalid"_s));
            request.insert(u"ExclusiveStartKey"_s, start.object());
        }
    }
    QJsonObject result = run(statement->operation, request, cause, error);
    if (!error->type.isEmpty()) {
        if (statement->verb == "INSERT"_L1 && error->type == "ConditionalCheckFailedException"_L1)
            *error = {u"DuplicateItemException"_s, u"Duplicate primary key exists in table"_s};
        return {};
    }
    QJsonObject answer{{u"Items"_s, result.value("Items"_L1).toArray()}};
    if (result.contains("LastEvaluatedKey"_L1)) {
        const QJsonObject last = result.value("LastEvaluatedKey"_L1).toObject();
        answer.insert(u"LastEvaluatedKey"_s, last);
        answer.insert(u"NextToken"_s,
                      QString::fromLatin1(QJsonDocument(last).toJson(QJsonDocument::Compact).toBase64()));
    }
    if (result.contains("ConsumedCapacity"_L1))
        answer.insert(u"ConsumedCapacity"_s, result.value("ConsumedCapacity"_L1));
    return answer;
}

QJsonObject DynamoDbService::batchExecuteStatement(const QJsonObject &input, qint64 cause, DynamoError *error)
{
    const QJsonArray statements = input.value("Statements"_L1).toArray();
    if (statements.isEmpty() || statements.size() > 25)
        return failed(error, validation(QStringLiteral("1 validation error detected: Value at 'statements' failed to "
                                                       "satisfy constraint: Member must have length less than or "
                                                       "equal to 25, Member must have length greater than or equal "
                                                       "to 1")));
    // Each statement is one item's read or write, answered on its own.
    QJsonArray responses;
    for (const QJsonValue &value : statements) {
        const QJsonObject one = value.toObject();
        QJsonObject request{{u"Statement"_s, one.value("Statement"_L1)}};
        if (one.contains("Parameters"_L1))
            request.insert(u"Parameters"_s, one.value("Parameters"_L1));
        if (one.contains("ConsistentRead"_L1))
            request.insert(u"ConsistentRead"_s, one.value("ConsistentRead"_L1));
        DynamoError failure;
        const QJsonObject answer = executeStatement(request, cause, &failure);
        QJsonObject response;
        if (!failure.type.isEmpty()) {
            QString code = failure.type;
            if (code.endsWith("Exception"_L1))
                code.chop(9);
            if (code == "Validation"_L1)
                code = u"ValidationError"_s;
            response.insert(u"Error"_s, QJsonObject{{u"Code"_s, code}, {u"Message"_s, failure.message}});
        } else if (const QJsonArray items = answer.value("Items"_L1).toArray(); !items.isEmpty()) {
            response.insert(u"Item"_s, items.first());
        }
        response.insert(u"TableName"_s, one.value("Statement"_L1)
                                            .toString()
                                            .section(QRegularExpression(u"(?i)\\b(FROM|INTO|UPDATE)\\s+"_s), 1)
                                            .section(QRegularExpression(u"[\\s.]"_s), 0, 0)
                                            .remove('"'_L1));
        responses.append(response);
    }
    return {{u"Responses"_s, responses}};
}

bool TableOperation::itemBefore(const QJsonObject &key, std::optional<QJsonObject> *before, DynamoError *error) const
{
    *before = cloud().state().getItem(mCall.table->name, mCall.keys, key).valueOr(std::nullopt);
    if (mCall.expressions.condition && !mCall.expressions.condition->matches(before->value_or(QJsonObject()))) {
        *error = conditionFailed(mCall.input, *before);
        return false;
    }
    return true;
}

void TableOperation::countWrite(const std::optional<QJsonObject> &before, const std::optional<QJsonObject> &after)
{
    mConsumed.table = cloud().awsName(mCall.table->name);
    mConsumed.addWrite(mCall.keys, mCall.indexes, before, after, 1);
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
    // Normalised, measured and written as JSON on the endpoint's connection thread, when
    // it came that way.
    const DynamoValue::PreparedItem *prepared = mCall.prepared;
    const QJsonObject item = prepared ? prepared->item
                                      : DynamoValue::normalisedItem(mCall.input.value("Item"_L1).toObject());
    if (!checkItem(item, mCall.keys, error, mCall.indexes, prepared ? prepared->size : -1))
        return {};
    if (mCall.returnValues != "NONE"_L1 && mCall.returnValues != "ALL_OLD"_L1)
        return failed(error, validation(u"ReturnValues can only be ALL_OLD or NONE"_s));
    // Without a condition, the old item to return or the capacity to count, the store
    // alone looks for the old item (a new key costs no read then).
    if (!mCall.expressions.condition && mCall.returnValues == "NONE"_L1 && mCall.capacityMode == "NONE"_L1) {
        const Result<void> put = prepared ? cloud().putItem(mCall.table->name, *prepared, mCall.cause)
                                          : cloud().putItem(mCall.table->name, item, mCall.cause);
        if (!put)
            return failed(error, internalError(put.errorMessage()));
        return {};
    }
    return conditionalWrite(
        item,
        [&](bool) {
        countWrite(cloud().state().getItem(mCall.table->name, mCall.keys, item).valueOr(std::nullopt), item);
        return cloud().putItem(mCall.table->name, item, mCall.cause);
        },
        error);
}

QJsonObject TableOperation::getItem(DynamoError *error)
{
    const QJsonObject key = mCall.input.value("Key"_L1).toObject();
    if (!checkKey(key, mCall.keys, error))
        return {};
    // Shared with the endpoint's connection threads (TableReads) when it is on disk.
    const auto item = cloud().state().getItem(mCall.table->name, mCall.keys, key, true).valueOr(std::nullopt);
    // Counted only when asked for: the item's size is a walk through all of it.
    if (mCall.capacityMode != "NONE"_L1) {
        mConsumed.table = cloud().awsName(mCall.table->name);
        mConsumed.tableUnits = readUnits(item ? DynamoValue::itemSize(*item) : 0,
                                         mCall.input.value("ConsistentRead"_L1).toBool());
    }
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
        countWrite(cloud().state().getItem(mCall.table->name, mCall.keys, key).valueOr(std::nullopt), std::nullopt);
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
    after = DynamoValue::normalisedItem(after);
    if (!checkItem(after, keys, error, mCall.indexes))
        return {};
    countWrite(before, after);
    if (const Result<void> put = cloud().putItem(mCall.table->name, after, mCall.cause); !put)
        return failed(error, internalError(put.errorMessage()));
    const QJsonObject attributes = returnedAttributes(mCall.returnValues, before, after, touched);
    if (attributes.isEmpty())
        return {};
    return {{u"Attributes"_s, attributes}};
}

bool TableOperation::findIndex(DynamoError *error)
{
    if (!mCall.input.contains("IndexName"_L1))
        return true;
    const QString name = mCall.input.value("IndexName"_L1).toString();
    for (const TableIndex &index : mCall.indexes)
        if (index.name == name)
            mIndex = index;
    if (!mIndex) {
        *error = validation(u"The table does not have the specified index: %1"_s.arg(name));
        return false;
    }
    if (!mIndex->local && mCall.input.value("ConsistentRead"_L1).toBool()) {
        *error = validation(u"Consistent reads are not supported on global secondary indexes"_s);
        return false;
    }
    if (!mIndex->local && mIndex->projection != "ALL"_L1
        && mCall.input.value("Select"_L1).toString() == "ALL_ATTRIBUTES"_L1) {
        *error = validation(QStringLiteral("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is "
                                           "not supported for global secondary index %1 because its projection type "
                                           "is not ALL")
                                .arg(name));
        return false;
    }
    return true;
}

QJsonObject TableOperation::visible(const QJsonObject &item) const
{
    if (!mIndex)
        return item;
    // A local index fetches from the table what it does not project, when asked for it.
    if (mIndex->local
        && (mCall.input.value("Select"_L1).toString() == "ALL_ATTRIBUTES"_L1 || mCall.expressions.projection))
        return item;
    return mIndex->project(item, mCall.keys);
}

QJsonObject TableOperation::pageKey(const QJsonObject &item) const
{
    return mIndex ? mIndex->keyOf(item, mCall.keys) : keyOf(item, mCall.keys);
}

bool TableOperation::indexStart(const QList<QJsonObject> &candidates, bool ascending, qsizetype *start,
                                DynamoError *error) const
{
    *start = 0;
    if (!mCall.input.contains("ExclusiveStartKey"_L1))
        return true;
    const QJsonObject startKey = mCall.input.value("ExclusiveStartKey"_L1).toObject();
    // The index's keys and the table's, each of its type.
    const TableKeys &table = mCall.keys, &index = mIndex->keys;
    QStringList names;
    for (const auto &[name, type] :
         {std::pair{table.partitionKey, table.partitionType}, std::pair{table.sortKey, table.sortType},
          std::pair{index.partitionKey, index.partitionType}, std::pair{index.sortKey, index.sortType}}) {
        if (name.isEmpty() || names.contains(name))
            continue;
        names.append(name);
        if (!TableStore::keyValue(startKey.value(name), type)) {
            *error = validation(u"The provided starting key is invalid: The provided key element does not match the "
                                "schema"_s);
            return false;
        }
    }
    if (startKey.size() != names.size()) {
        *error = validation(
            u"The provided starting key is invalid: The provided key element does not match the schema"_s);
        return false;
    }
    // The first item after the key in the index's order (the key's item may be gone).
    const QStringList order{index.partitionKey, index.sortKey, table.partitionKey, table.sortKey};
    const auto after = [&](const QJsonObject &item) {
        for (const QString &name : order) {
            if (name.isEmpty())
                continue;
            const int c = DynamoValue::compare(item.value(name), startKey.value(name)).value_or(0);
            if (c != 0)
                return ascending ? c > 0 : c < 0;
        }
        return false;
    };
    *start = std::find_if(candidates.begin(), candidates.end(), after) - candidates.begin();
    return true;
}

QJsonObject TableOperation::query(DynamoError *error)
{
    mQuery = true;
    if (!findIndex(error))
        return {};
    const TableKeys &keys = mIndex ? mIndex->keys : mCall.keys;
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
    const bool ascending = input.value("ScanIndexForward"_L1).toBool(true);
    int limit = 0;
    if (!readLimit(input, &limit, error))
        return {};
    qsizetype start = 0;
    QList<QJsonObject> candidates;
    if (mIndex) {
        const Result<QList<QJsonObject>> found = cloud().state().indexItems(mCall.table->name, mCall.keys, *mIndex,
                                                                            *partition, ascending);
        if (!found)
            return failed(error, validation(found.errorMessage()));
        candidates = *found;
        if (!indexStart(candidates, ascending, &start, error))
            return {};
        return page(candidates, start, limit, 0);
    }
    candidates = cloud().state().query(mCall.table->name, keys, *partition, ascending).valueOr({});
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
    if (!findIndex(error))
        return {};
    int limit = 0;
    if (!readLimit(mCall.input, &limit, error))
        return {};
    const std::optional<std::pair<int, int>> segment = readSegment(mCall.input, error);
    if (!error->type.isEmpty())
        return {};
    // A parallel scan's segment holds the items whose table partition key falls in it.
    const auto inSegment = [&](const QJsonObject &item) {
        return !segment || segmentOf(item, mCall.keys, segment->second) == segment->first;
    };
    if (mIndex) {
        // An index is read whole, in its order, and paged from the start key on.
        QList<QJsonObject> candidates =
            cloud().state().indexItems(mCall.table->name, mCall.keys, *mIndex, std::nullopt).valueOr({});
        if (segment)
            candidates.removeIf([&](const QJsonObject &item) { return !inSegment(item); });
        qsizetype start = 0;
        if (!indexStart(candidates, true, &start, error))
            return {};
        return page(candidates, start, limit, 0);
    }
    // A scan reads one page's rows from where the last page ended (one more tells
    // whether others remain); a page holds at most 1 MB, so at most this many items.
    const int scanRows = (limit > 0 ? std::min(limit, kScanRows) : kScanRows) + 1;
    const QJsonObject startKey = mCall.input.value("ExclusiveStartKey"_L1).toObject();
    if (mCall.input.contains("ExclusiveStartKey"_L1) && !checkStartKey(startKey, mCall.keys, error))
        return {};
    if (!segment)
        return page(cloud().state().scanPage(mCall.table->name, mCall.keys, startKey, scanRows).valueOr({}), 0, limit,
                    scanRows);
    // A segment's page: the table's rows read on, in key order, until it has its rows or
    // the table ends (then the page is complete).
    QList<QJsonObject> rows;
    QJsonObject after = startKey;
    for (;;) {
        const QList<QJsonObject> chunk =
            cloud().state().scanPage(mCall.table->name, mCall.keys, after, scanRows).valueOr({});
        for (const QJsonObject &item : chunk)
            if (inSegment(item) && rows.size() < scanRows)
                rows.append(item);
        if (rows.size() >= scanRows)
            return page(rows, 0, limit, scanRows);
        if (chunk.size() < scanRows)
            return page(rows, 0, limit, 0);
        after = keyOf(chunk.last(), mCall.keys);
    }
}

QJsonObject TableOperation::page(const QList<QJsonObject> &candidates, qsizetype start, int limit, int scanRows)
{
    // A query's candidates are its partition, which the key condition narrows; an index
    // scan's are the whole index; a table scan's are its page.
    const auto &keyCondition = mCall.expressions.keyCondition;
    const bool complete = scanRows == 0;
    const bool countOnly = mCall.input.value("Select"_L1).toString() == "COUNT"_L1;
    const auto inRange = [&](const QJsonObject &item) { return !mQuery || keyCondition->matches(item); };
    QJsonArray items;
    int scanned = 0, matched = 0;
    qsizetype bytes = 0;
    qsizetype i = start;
    QJsonObject lastKey;
    for (; i < candidates.size(); ++i) {
        const QJsonObject &item = candidates.at(i);
        if (!inRange(item))
            continue;
        if ((limit > 0 && scanned >= limit) || bytes >= kPageLimit)
            break;
        ++scanned;
        const QJsonObject seen = visible(item);
        bytes += DynamoValue::itemSize(seen);
        lastKey = pageKey(item);
        if (mCall.expressions.filter && !mCall.expressions.filter->matches(seen))
            continue;
        ++matched;
        if (!countOnly)
            items.append(mCall.expressions.projection ? mCall.expressions.projection->project(seen) : seen);
    }
    // A page ends early only when more remain (a scan that read all its rows may have more).
    bool more = !complete && candidates.size() == scanRows && i == candidates.size() && i > 0;
    for (qsizetype j = i; j < candidates.size() && !more; ++j)
        more = !complete || inRange(candidates.at(j));
    // Reads are counted by the bytes read, together, rounded up once (a page of small
    // items costs one unit), on the index when the request reads one.
    const double units = readUnits(bytes, mCall.input.value("ConsistentRead"_L1).toBool());
    mConsumed.table = cloud().awsName(mCall.table->name);
    if (!mIndex)
        mConsumed.tableUnits = units;
    else
        (mIndex->local ? mConsumed.locals : mConsumed.globals).insert(mIndex->name, units);
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
