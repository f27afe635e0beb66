#pragma once

#include "tablestore.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QReadWriteLock>
#include <QString>

#include <optional>

namespace Nimbus {

// The GetItem answers the AWS endpoint's connection threads give without the cloud's
// thread: the body of the answer for each key known here, and the tables requests name,
// by the name a request gave (a physical name, a node name or an ARN).
//
// Only what is on disk is here. The cloud's thread publishes a key's answer when it reads
// the key with no write waiting for its commit (TableStore::getItem), and forgets the key
// before any write of it (TableStore::writeItem): a reader then goes through the cloud's
// thread, whose answer waits for the commit. Tables are published by the DynamoDB service
// once a GetItem found one (never one with an injected throttle), and all are forgotten
// when what names them changes (the design, a start or stop of the cloud, a resource made
// or deleted by code, DeleteTable and CreateTable). Everything is bounded: past
// kItemLimit keys or kByteLimit bytes of answers the items start again from nothing.
//
// answer() is safe from any thread; the others are the cloud's thread's.
class TableReads
{
public:
    static constexpr qsizetype kItemLimit = 100000;
    static constexpr qsizetype kByteLimit = 64 * 1024 * 1024;
    // A longer name (an ARN can carry anything before its table's name) is never published.
    static constexpr qsizetype kNameLimit = 1024;

    struct Table
    {
        QString node; // the node name the table's items are stored under
        TableKeys keys;
    };

    // The body of the answer to a GetItem of key from the table a request names
    // tableName, when both are known here; nullopt otherwise (the request then goes
    // through the cloud's thread). key must name exactly the table's keys.
    std::optional<QByteArray> answer(const QString &tableName, const QJsonObject &key) const;

    // The cloud's thread: itemKey is TableStore's key of an item (table and key values).
    void publishTable(const QString &tableName, const Table &table);
    void publishItem(const QString &itemKey, const std::optional<QJsonObject> &item);
    bool holdsItem(const QString &itemKey) const;
    void forgetItem(const QString &itemKey);
    void forgetItems();
    void forgetTables();
    void forgetAll();

private:
    mutable QReadWriteLock mLock;
    QHash<QString, Table> mTables;
    QHash<QString, QByteArray> mItems;
    qsizetype mBytes = 0;
};

} // namespace Nimbus
