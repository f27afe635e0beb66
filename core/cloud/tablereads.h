#pragma once

#include "tablestore.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QReadWriteLock>
#include <QSet>
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
// A function's GetItem (its SDK sends the invocation's trace header) is answered here too,
// while the invocation it names runs, once the cloud's thread let that function read that
// table with nothing to log (a grant: IAM off, or a connection allowing it): the cloud
// publishes each invocation as it starts and forgets it when it ends, and forgets the
// grants with the tables, when the design or the IAM mode changes. Another function, an
// invocation that ended or a table not granted goes through the cloud's thread, which
// checks and logs as before.
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
    // through the cloud's thread). key must name exactly the table's keys. For a GetItem
    // that the invocation whose request id is invocation made, nullopt too when it is not
    // running or its function has no grant of tableName.
    std::optional<QByteArray> answer(const QString &tableName, const QJsonObject &key,
                                     const QString &invocation = {}) const;

    // The cloud's thread: itemKey is TableStore's key of an item (table and key values).
    void publishTable(const QString &tableName, const Table &table);
    void publishItem(const QString &itemKey, const std::optional<QJsonObject> &item);
    bool holdsItem(const QString &itemKey) const;
    void forgetItem(const QString &itemKey);
    void forgetItems();
    void forgetTables(); // and the grants
    void forgetAll(); // all but the invocations
    void publishInvocation(const QString &requestId, const QString &function);
    void forgetInvocation(const QString &requestId);
    void forgetInvocations();
    // The function of the running invocation whose request id is invocation may read
    // tableName here (nothing when that invocation is not running).
    void publishGrant(const QString &invocation, const QString &tableName);
    void forgetGrants();

private:
    mutable QReadWriteLock mLock;
    QHash<QString, Table> mTables;
    QHash<QString, QByteArray> mItems;
    QHash<QString, QString> mInvocations; // request id -> function
    QSet<QString> mGrants; // function '\n' table name
    qsizetype mBytes = 0;
};

} // namespace Nimbus
