#pragma once

#include "awsservice.h"
#include "result.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace Nimbus {

struct DynamoError;
struct Node;

// DynamoDB on its JSON 1.0 protocol: the design's tables, their items with condition,
// update, filter and projection expressions, queries, paged scans and batches. Writes
// reach the tables' streams through the local cloud.
class DynamoDbService : public AwsService
{
public:
    explicit DynamoDbService(AwsEndpoint &endpoint);
    ~DynamoDbService() override;

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    // An operation on the table its request names, with the request's expressions parsed.
    struct TableCall;
    using Function = QJsonObject (DynamoDbService::*)(const QJsonObject &input, qint64 cause, DynamoError *error);
    using TableFunction = QJsonObject (DynamoDbService::*)(const TableCall &call, DynamoError *error);

    // The answer of one operation, or *error.
    QJsonObject run(const QString &operation, const QJsonObject &input, qint64 cause, DynamoError *error);
    const Node *table(const QJsonValue &name, DynamoError *error) const;
    QJsonObject description(const Node *table) const;
    bool checkWriteBatch(const QJsonObject &requests, DynamoError *error) const;
    // The item key names as it is now, when the request's condition holds for it.
    bool itemBefore(const TableCall &call, const QJsonObject &key, std::optional<QJsonObject> *before,
                    DynamoError *error) const;
    // PutItem's and DeleteItem's common part: the condition, the write (told whether
    // the item existed), and the old item for ReturnValues ALL_OLD.
    QJsonObject conditionalWrite(const TableCall &call, const QJsonObject &key,
                                 const std::function<Result<void>(bool existed)> &write, DynamoError *error);
    // One page of a query or a scan from its candidate items, from start on.
    QJsonObject page(const TableCall &call, const QList<QJsonObject> &candidates, qsizetype start, int limit,
                     int scanRows) const;

    QJsonObject listTables(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchWriteItem(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject batchGetItem(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject describeTable(const QJsonObject &input, qint64 cause, DynamoError *error);
    QJsonObject putItem(const TableCall &call, DynamoError *error);
    QJsonObject getItem(const TableCall &call, DynamoError *error);
    QJsonObject deleteItem(const TableCall &call, DynamoError *error);
    QJsonObject updateItem(const TableCall &call, DynamoError *error);
    QJsonObject query(const TableCall &call, DynamoError *error);
    QJsonObject scan(const TableCall &call, DynamoError *error);

    QHash<QString, Function> mOperations; // without a table, or finding it themselves
    QHash<QString, TableFunction> mTableOperations; // on the table named in TableName
};

} // namespace Nimbus
