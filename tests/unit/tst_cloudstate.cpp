// The local cloud's service state: queues (visibility, delay, dead letters), buckets
// (any key, files on disk), tables (keys, order, stream records), persistence and reset.

#include "cloud/cloudclock.h"
#include "cloud/cloudstate.h"
#include "model/architecture.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

namespace {
QJsonObject s(const QString &text)
{
    return {{QStringLiteral("S"), text}};
}
QJsonObject n(double number)
{
    return {{QStringLiteral("N"), QString::number(number)}};
}
const TableKeys kOrders{QStringLiteral("customer"), QStringLiteral("S"), QStringLiteral("at"), QStringLiteral("N")};
} // namespace

class TestCloudState : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queueVisibility();
    void queueDelay();
    void queueDeadLetters();
    void queueDeleteNeedsReceipt();
    void bucketObjects_data();
    void bucketObjects();
    void bucketListAndDelete();
    void tableItemsAndStream();
    void tableQueryOrder();
    void tableKeyErrors_data();
    void tableKeyErrors();
    // The memory of items stays in step with SQLite whether a key was read before its write or not.
    void tableMemoryInStep_data();
    void tableMemoryInStep();
    // A write over an item SQLite has and the memory does not (after a restart): the
    // change is a MODIFY with the item it replaced, whether in a group commit or not.
    void tableWriteOverUnreadItem_data();
    void tableWriteOverUnreadItem();
    // A write that could not be made (another connection holds the file's write lock)
    // leaves the memory and SQLite as they were, and the next write finds the old item.
    void tableFailedWriteChangesNothing_data();
    void tableFailedWriteChangesNothing();
    void indexQueriesMakeBoundedSqliteIndexes();
    void stateSurvivesReopen();
    void resetEmptiesEverything();
    void newerStateRefused();
    void hostileStateRefused_data();
    void hostileStateRefused();
    void invalidNames();
    // The calls functions made without a grant, for nimbus validate --observed (issue 21 item 3).
    void observedCallsCountedAndRead();
    void observedCallsGrantedSinceAreLeftOut();
    void observedCallsOfAHostileStateRefused_data();
    void observedCallsOfAHostileStateRefused();

private:
    QTemporaryDir *mDir = nullptr;
    ManualClock mClock;
    CloudState *mState = nullptr;
};

void TestCloudState::init()
{
    mDir = new QTemporaryDir;
    mState = new CloudState(mClock);
    const auto opened = mState->open(mDir->path());
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
}

void TestCloudState::cleanup()
{
    delete mState;
    delete mDir;
}

void TestCloudState::queueVisibility()
{
    QVERIFY(mState->sendMessage(QStringLiteral("jobs"), "one"));
    QVERIFY(mState->sendMessage(QStringLiteral("jobs"), "two", {{QStringLiteral("kind"), QStringLiteral("x")}}));
    const QList<QueueMessage> first = mState->receiveMessages(QStringLiteral("jobs"), 10, 30).valueOr({});
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).body, QByteArray("one"));
    QCOMPARE(first.at(1).attributes.value(QStringLiteral("kind")).toString(), QStringLiteral("x"));
    QCOMPARE(first.at(0).receiveCount, 1);
    // In flight: hidden until the visibility timeout passes.
    QVERIFY(mState->receiveMessages(QStringLiteral("jobs"), 10, 30).valueOr({}).isEmpty());
    QCOMPARE(mState->messages(QStringLiteral("jobs")).size(), 2);
    QCOMPARE(mState->nextVisible(QStringLiteral("jobs")), mClock.now().addSecs(30));
    mClock.advance(29'000);
    QVERIFY(mState->receiveMessages(QStringLiteral("jobs"), 10, 30).valueOr({}).isEmpty());
    mClock.advance(1'000);
    const QList<QueueMessage> again = mState->receiveMessages(QStringLiteral("jobs"), 1, 30).valueOr({});
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().receiveCount, 2);
    QVERIFY(again.first().receiptHandle != first.first().receiptHandle);
    QVERIFY(mState->deleteMessage(QStringLiteral("jobs"), again.first().receiptHandle));
    QCOMPARE(mState->messages(QStringLiteral("jobs")).size(), 1);
}

void TestCloudState::queueDelay()
{
    QVERIFY(mState->sendMessage(QStringLiteral("later"), "x", {}, 10));
    QVERIFY(mState->receiveMessages(QStringLiteral("later"), 10, 30).valueOr({}).isEmpty());
    mClock.advance(10'000);
    QCOMPARE(mState->receiveMessages(QStringLiteral("later"), 10, 30).valueOr({}).size(), 1);
}

void TestCloudState::queueDeadLetters()
{
    QVERIFY(mState->sendMessage(QStringLiteral("orders"), "poison"));
    // Three deliveries fail (the message is not deleted) ...
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(mState->receiveMessages(QStringLiteral("orders"), 10, 5, 3, QStringLiteral("orders-dlq"))
                     .valueOr({})
                     .size(),
                 1);
        mClock.advance(5'000);
    }
    // ... and the fourth receive finds it in the dead-letter queue instead.
    QVERIFY(mState->receiveMessages(QStringLiteral("orders"), 10, 5, 3, QStringLiteral("orders-dlq"))
                .valueOr({})
                .isEmpty());
    const QList<QueueMessage> dead = mState->messages(QStringLiteral("orders-dlq"));
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().body, QByteArray("poison"));
    QCOMPARE(dead.first().receiveCount, 0);
}

void TestCloudState::queueDeleteNeedsReceipt()
{
    QVERIFY(mState->sendMessage(QStringLiteral("jobs"), "one"));
    const Result<void> refused = mState->deleteMessage(QStringLiteral("jobs"), QStringLiteral("made-up"));
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains(QLatin1String("receipt handle")));
    const QString receipt = mState->receiveMessages(QStringLiteral("jobs"), 1, 30).valueOr({}).first().receiptHandle;
    QVERIFY(!mState->deleteMessage(QStringLiteral("other"), receipt));
    QVERIFY(mState->changeVisibility(QStringLiteral("jobs"), receipt, 0));
    QCOMPARE(mState->receiveMessages(QStringLiteral("jobs"), 1, 30).valueOr({}).size(), 1);
    QCOMPARE(mState->purgeQueue(QStringLiteral("jobs")), 1);
}

void TestCloudState::bucketObjects_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << "photo.jpg";
    QTest::newRow("folders") << "uploads/2027/01/photo.jpg";
    QTest::newRow("folder marker") << "uploads/";
    QTest::newRow("dot dot") << "../../etc/passwd";
    QTest::newRow("unicode") << QStringLiteral("résumé été.pdf");
}

void TestCloudState::bucketObjects()
{
    QFETCH(QString, key);
    const QByteArray data = "content of " + key.toUtf8();
    const Result<StoredObject> stored = mState->putObject(QStringLiteral("images"), key, data,
                                                          QStringLiteral("image/jpeg"));
    QVERIFY2(stored, qPrintable(stored.errorMessage()));
    QCOMPARE(stored->size, data.size());
    QCOMPARE(stored->etag, QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()));
    StoredObject read;
    QCOMPARE(mState->getObject(QStringLiteral("images"), key, &read).valueOr(QByteArray()), data);
    QCOMPARE(read.contentType, QStringLiteral("image/jpeg"));
    // Whatever the key, the file stays inside the bucket's folder.
    const QStringList files = QDir(mDir->filePath(QStringLiteral("buckets/images"))).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QVERIFY(!QFile::exists(mDir->filePath(QStringLiteral("etc/passwd"))));
}

void TestCloudState::bucketListAndDelete()
{
    for (const char *key : {"b/2.txt", "a.txt", "b/1.txt", "c.txt"})
        QVERIFY(mState->putObject(QStringLiteral("docs"), QString::fromLatin1(key), key, {}));
    QStringList keys;
    for (const StoredObject &o : mState->listObjects(QStringLiteral("docs"), QStringLiteral("b/")))
        keys.append(o.key);
    QCOMPARE(keys, (QStringList{QStringLiteral("b/1.txt"), QStringLiteral("b/2.txt")}));
    QCOMPARE(mState->listObjects(QStringLiteral("docs")).size(), 4);
    bool existed = false;
    QVERIFY(mState->deleteObject(QStringLiteral("docs"), QStringLiteral("a.txt"), &existed));
    QVERIFY(existed);
    QVERIFY(mState->deleteObject(QStringLiteral("docs"), QStringLiteral("a.txt"), &existed));
    QVERIFY(!existed);
    QVERIFY(!mState->getObject(QStringLiteral("docs"), QStringLiteral("a.txt")));
    QCOMPARE(QDir(mDir->filePath(QStringLiteral("buckets/docs"))).entryList(QDir::Files).size(), 3);
}

void TestCloudState::tableItemsAndStream()
{
    const QJsonObject item{{QStringLiteral("customer"), s(QStringLiteral("ann"))},
                           {QStringLiteral("at"), n(10)},
                           {QStringLiteral("total"), n(42.5)}};
    StreamRecord record;
    const Result<void> put = mState->putItem(QStringLiteral("orders"), kOrders, item, &record);
    QVERIFY2(put, qPrintable(put.errorMessage()));
    QCOMPARE(record.eventName, QStringLiteral("INSERT"));
    QCOMPARE(record.keys.size(), 2);
    QVERIFY(record.oldImage.isEmpty());
    QCOMPARE(record.newImage, item);

    QJsonObject changed = item;
    changed.insert(QStringLiteral("total"), n(50));
    QVERIFY(mState->putItem(QStringLiteral("orders"), kOrders, changed, &record));
    QCOMPARE(record.eventName, QStringLiteral("MODIFY"));
    QCOMPARE(record.oldImage, item);
    QCOMPARE(record.newImage, changed);
    const qint64 modified = record.sequenceNumber;

    // The key's number may be written differently and still find the item.
    const QJsonObject key{{QStringLiteral("customer"), s(QStringLiteral("ann"))},
                          {QStringLiteral("at"), QJsonObject{{"N", "10.0"}}}};
    QCOMPARE(mState->getItem(QStringLiteral("orders"), kOrders, key).valueOr(std::nullopt).value_or(QJsonObject()),
             changed);
    QVERIFY(mState->deleteItem(QStringLiteral("orders"), kOrders, key, &record));
    QCOMPARE(record.eventName, QStringLiteral("REMOVE"));
    QCOMPARE(record.oldImage, changed);
    QVERIFY(record.sequenceNumber > modified);
    QVERIFY(!mState->getItem(QStringLiteral("orders"), kOrders, key).valueOr(std::nullopt));
    // Deleting what is not there changes nothing and streams nothing.
    QVERIFY(mState->deleteItem(QStringLiteral("orders"), kOrders, key, &record));
    QVERIFY(record.eventName.isEmpty());
}

void TestCloudState::tableQueryOrder()
{
    for (double at : {100.0, 9.0, 20.0})
        QVERIFY(
            mState->putItem(QStringLiteral("orders"), kOrders,
                            {{QStringLiteral("customer"), s(QStringLiteral("bob"))}, {QStringLiteral("at"), n(at)}}));
    QVERIFY(mState->putItem(QStringLiteral("orders"), kOrders,
                            {{QStringLiteral("customer"), s(QStringLiteral("cy"))}, {QStringLiteral("at"), n(1)}}));
    auto sortKeys = [](const QList<QJsonObject> &items) {
        QStringList keys;
        for (const QJsonObject &i : items)
            keys.append(i.value(QStringLiteral("at")).toObject().value(QStringLiteral("N")).toString());
        return keys;
    };
    // Numbers sort as numbers, not as text.
    QCOMPARE(sortKeys(mState->query(QStringLiteral("orders"), kOrders, s(QStringLiteral("bob"))).valueOr({})),
             (QStringList{QStringLiteral("9"), QStringLiteral("20"), QStringLiteral("100")}));
    QCOMPARE(sortKeys(mState->query(QStringLiteral("orders"), kOrders, s(QStringLiteral("bob")), false).valueOr({})),
             (QStringList{QStringLiteral("100"), QStringLiteral("20"), QStringLiteral("9")}));
    QCOMPARE(mState->scan(QStringLiteral("orders")).size(), 4);

    // Keys are exact decimals: numbers a double cannot tell apart are two items, in
    // order; two spellings of one number are one item.
    const auto bigN = [](const char *text) { return QJsonObject{{QStringLiteral("N"), QString::fromLatin1(text)}}; };
    for (const char *at : {"100000000000000000001", "100000000000000000000", "1.50", "15e-1"})
        QVERIFY(mState->putItem(
            QStringLiteral("orders"), kOrders,
            {{QStringLiteral("customer"), s(QStringLiteral("dee"))}, {QStringLiteral("at"), bigN(at)}}));
    QCOMPARE(sortKeys(mState->query(QStringLiteral("orders"), kOrders, s(QStringLiteral("dee"))).valueOr({})),
             (QStringList{QStringLiteral("15e-1"), QStringLiteral("100000000000000000000"),
                          QStringLiteral("100000000000000000001")}));
    QVERIFY(mState
                ->getItem(QStringLiteral("orders"), kOrders,
                          {{QStringLiteral("customer"), s(QStringLiteral("dee"))}, {QStringLiteral("at"), bigN("1.5")}})
                .valueOr(std::nullopt));
}

void TestCloudState::tableKeyErrors_data()
{
    QTest::addColumn<QJsonObject>("item");
    QTest::addColumn<QString>("message");
    QTest::newRow("no partition key") << QJsonObject{{"at", n(1)}} << "customer";
    QTest::newRow("wrong key type") << QJsonObject{{"customer", n(3)}, {"at", n(1)}} << "type S";
    QTest::newRow("empty string key") << QJsonObject{{"customer", s("")}, {"at", n(1)}} << "customer";
    QTest::newRow("no sort key") << QJsonObject{{"customer", s("ann")}} << "sort key";
    QTest::newRow("sort key not a number")
        << QJsonObject{{"customer", s("ann")}, {"at", QJsonObject{{"N", "ten"}}}} << "type N";
}

void TestCloudState::tableKeyErrors()
{
    QFETCH(QJsonObject, item);
    QFETCH(QString, message);
    const Result<void> refused = mState->putItem(QStringLiteral("orders"), kOrders, item);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(message), qPrintable(refused.errorMessage()));
    QVERIFY(mState->scan(QStringLiteral("orders")).isEmpty());
}

// Each secondary index's partition key gets an SQLite index the first time a query needs
// one; any program on the machine can make tables with indexes, so at most
// kExpressionIndexLimit are made, and queries past it read the table and answer the same.
void TestCloudState::indexQueriesMakeBoundedSqliteIndexes()
{
    const TableKeys keys{QStringLiteral("id"), QStringLiteral("S"), {}, QStringLiteral("S")};
    const int indexes = TableStore::kExpressionIndexLimit + 8;
    for (int i = 0; i < indexes; ++i) {
        const QString attribute = QStringLiteral("key%1").arg(i);
        QVERIFY(mState->putItem(QStringLiteral("things"), keys,
                                {{QStringLiteral("id"), QJsonObject{{QStringLiteral("S"), QString::number(i)}}},
                                 {attribute, QJsonObject{{QStringLiteral("S"), QStringLiteral("wanted")}}}}));
    }
    for (int i = 0; i < indexes; ++i) {
        TableIndex index;
        index.name = QStringLiteral("by%1").arg(i);
        index.keys.partitionKey = QStringLiteral("key%1").arg(i);
        const Result<QList<QJsonObject>> found = mState->indexItems(
            QStringLiteral("things"), keys, index,
            QJsonValue(QJsonObject{{QStringLiteral("S"), QStringLiteral("wanted")}}));
        QVERIFY2(found, qPrintable(found.errorMessage()));
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().value(QStringLiteral("id")).toObject().value(QStringLiteral("S")).toString(),
                 QString::number(i));
    }
    Database file;
    QVERIFY(file.open(mDir->filePath(QStringLiteral("state.sqlite")), Database::Mode::ReadOnly));
    QCOMPARE(file.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name GLOB "
                                          "'items_by_*'"))
                 .valueOr(-1),
             qint64(TableStore::kExpressionIndexLimit));
}

void TestCloudState::tableMemoryInStep_data()
{
    QTest::addColumn<bool>("readFirst");
    QTest::newRow("key read as absent, then written") << true;
    QTest::newRow("key written unread") << false;
}

void TestCloudState::tableMemoryInStep()
{
    QFETCH(bool, readFirst);
    const QString table = QStringLiteral("orders");
    const QJsonObject key{{QStringLiteral("customer"), s(QStringLiteral("cy"))}, {QStringLiteral("at"), n(7)}};
    auto read = [&] { return mState->getItem(table, kOrders, key).valueOr(std::nullopt); };
    // What SQLite holds, read past the memory.
    auto stored = [&]() -> std::optional<QJsonObject> {
        const QList<QJsonObject> items = mState->scan(table);
        if (items.isEmpty())
            return std::nullopt;
        return items.first();
    };
    if (readFirst)
        QVERIFY(!read());
    QJsonObject first = key;
    first.insert(QStringLiteral("v"), n(1));
    StreamRecord record;
    QVERIFY(mState->putItem(table, kOrders, first, &record));
    QCOMPARE(record.eventName, QStringLiteral("INSERT"));
    QCOMPARE(read(), std::optional<QJsonObject>(first));
    QCOMPARE(stored(), std::optional<QJsonObject>(first));
    QJsonObject second = key;
    second.insert(QStringLiteral("v"), n(2));
    QVERIFY(mState->putItem(table, kOrders, second, &record));
    QCOMPARE(record.eventName, QStringLiteral("MODIFY"));
    QCOMPARE(record.oldImage, first);
    QCOMPARE(read(), std::optional<QJsonObject>(second));
    QCOMPARE(stored(), std::optional<QJsonObject>(second));
    // A state opened again (nothing in memory) reads what the first one answered.
    delete mState;
    mState = new CloudState(mClock);
    QVERIFY(mState->open(mDir->path()));
    QCOMPARE(read(), std::optional<QJsonObject>(second));
    QVERIFY(mState->deleteItem(table, kOrders, key, &record));
    QCOMPARE(record.eventName, QStringLiteral("REMOVE"));
    QCOMPARE(record.oldImage, second);
    QVERIFY(!read());
    QVERIFY(!stored());
}

void TestCloudState::tableWriteOverUnreadItem_data()
{
    QTest::addColumn<bool>("batched");
    QTest::newRow("alone") << false;
    QTest::newRow("in a group commit") << true;
}

void TestCloudState::tableWriteOverUnreadItem()
{
    QFETCH(bool, batched);
    const QString table = QStringLiteral("orders");
    const QJsonObject key{{QStringLiteral("customer"), s(QStringLiteral("di"))}, {QStringLiteral("at"), n(2.5)}};
    QJsonObject first = key;
    first.insert(QStringLiteral("note"), s(QStringLiteral("with \"quotes\" and \u00e9")));
    QJsonObject second = key;
    second.insert(QStringLiteral("v"), n(2));
    StreamRecord record;
    QVERIFY(mState->putItem(table, kOrders, first, &record));
    QCOMPARE(record.eventName, QStringLiteral("INSERT"));
    const qint64 inserted = record.sequenceNumber;
    delete mState;
    mState = new CloudState(mClock);
    QVERIFY(mState->open(mDir->path()));
    {
        std::optional<CloudState::Batch> batch;
        if (batched)
            batch.emplace(*mState);
        QVERIFY(mState->putItem(table, kOrders, second, &record));
    }
    QCOMPARE(record.eventName, QStringLiteral("MODIFY"));
    QCOMPARE(record.oldImage, first);
    QCOMPARE(record.newImage, second);
    QVERIFY(record.sequenceNumber > inserted);
    bool committed = false;
    mState->whenCommitted([&](bool done) { committed = done; });
    QVERIFY(QTest::qWaitFor([&] { return committed; }, 5000));
    QCOMPARE(mState->getItem(table, kOrders, key).valueOr(std::nullopt), std::optional<QJsonObject>(second));
    QCOMPARE(mState->scan(table), QList<QJsonObject>{second});
    // Written as a row changed in place: the next state reads the one item, and its
    // sort key still orders it.
    delete mState;
    mState = new CloudState(mClock);
    QVERIFY(mState->open(mDir->path()));
    QCOMPARE(mState->getItem(table, kOrders, key).valueOr(std::nullopt), std::optional<QJsonObject>(second));
    const auto orders = mState->query(table, kOrders, s(QStringLiteral("di")));
    QVERIFY(orders);
    QCOMPARE(*orders, QList<QJsonObject>{second});
}

void TestCloudState::tableFailedWriteChangesNothing_data()
{
    QTest::addColumn<bool>("readFirst");
    QTest::newRow("item in memory") << true;
    QTest::newRow("item in SQLite only") << false;
}

void TestCloudState::tableFailedWriteChangesNothing()
{
    QFETCH(bool, readFirst);
    const QString table = QStringLiteral("orders");
    const QJsonObject key{{QStringLiteral("customer"), s(QStringLiteral("ed"))}, {QStringLiteral("at"), n(1)}};
    QJsonObject first = key;
    first.insert(QStringLiteral("v"), n(1));
    QJsonObject second = key;
    second.insert(QStringLiteral("v"), n(2));
    StreamRecord record;
    QVERIFY(mState->putItem(table, kOrders, first, &record));
    if (readFirst) {
        QCOMPARE(mState->getItem(table, kOrders, key).valueOr(std::nullopt), std::optional<QJsonObject>(first));
    } else {
        delete mState;
        mState = new CloudState(mClock);
        QVERIFY(mState->open(mDir->path()));
    }
    QVERIFY(mState->putItem(table, kOrders, {{"customer", s(QStringLiteral("fay"))}, {"at", n(1)}}, &record));
    const qint64 sequence = record.sequenceNumber;
    {
        Database other;
        QVERIFY(other.open(mDir->filePath(QStringLiteral("state.sqlite")), Database::Mode::ReadWrite));
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(!mState->putItem(table, kOrders, second, &record));
        QVERIFY(!mState->deleteItem(table, kOrders, key, &record));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    }
    QCOMPARE(mState->getItem(table, kOrders, key).valueOr(std::nullopt), std::optional<QJsonObject>(first));
    QCOMPARE(mState->scan(table).first(), first); // "ed" before "fay"
    QVERIFY(mState->putItem(table, kOrders, second, &record));
    QCOMPARE(record.eventName, QStringLiteral("MODIFY"));
    QCOMPARE(record.oldImage, first);
    // The failed writes took no sequence number.
    QCOMPARE(record.sequenceNumber, sequence + 1);
    QCOMPARE(mState->scan(table).size(), 2);
}

void TestCloudState::stateSurvivesReopen()
{
    QVERIFY(mState->sendMessage(QStringLiteral("jobs"), "kept"));
    QVERIFY(mState->putObject(QStringLiteral("docs"), QStringLiteral("a.txt"), "A", QStringLiteral("text/plain")));
    StreamRecord record;
    QVERIFY(mState->putItem(QStringLiteral("orders"), kOrders, {{"customer", s("ann")}, {"at", n(1)}}, &record));
    delete mState;
    mState = new CloudState(mClock);
    QVERIFY(mState->open(mDir->path()));
    QCOMPARE(mState->messages(QStringLiteral("jobs")).first().body, QByteArray("kept"));
    QCOMPARE(mState->getObject(QStringLiteral("docs"), QStringLiteral("a.txt")).valueOr(QByteArray()), QByteArray("A"));
    QCOMPARE(mState->scan(QStringLiteral("orders")).size(), 1);
    // Stream sequence numbers keep growing across restarts.
    StreamRecord next;
    QVERIFY(mState->putItem(QStringLiteral("orders"), kOrders, {{"customer", s("bo")}, {"at", n(2)}}, &next));
    QVERIFY(next.sequenceNumber > record.sequenceNumber);
    // An item written before the restart, not yet read since, is modified, not inserted.
    QVERIFY(mState->putItem(QStringLiteral("orders"), kOrders, {{"customer", s("ann")}, {"at", n(1)}, {"total", n(3)}},
                            &next));
    QCOMPARE(next.eventName, QStringLiteral("MODIFY"));
    QCOMPARE(next.oldImage, (QJsonObject{{"customer", s("ann")}, {"at", n(1)}}));
    QCOMPARE(mState->scan(QStringLiteral("orders")).size(), 2);
}

void TestCloudState::resetEmptiesEverything()
{
    QVERIFY(mState->sendMessage(QStringLiteral("jobs"), "x"));
    QVERIFY(mState->putObject(QStringLiteral("docs"), QStringLiteral("a.txt"), "A", {}));
    QVERIFY(mState->putItem(QStringLiteral("orders"), kOrders, {{"customer", s("ann")}, {"at", n(1)}}));
    QVERIFY(mState->reset());
    QVERIFY(mState->messages(QStringLiteral("jobs")).isEmpty());
    QVERIFY(mState->listObjects(QStringLiteral("docs")).isEmpty());
    QVERIFY(mState->scan(QStringLiteral("orders")).isEmpty());
    QVERIFY(QDir(mDir->filePath(QStringLiteral("buckets"))).isEmpty());
}

void TestCloudState::newerStateRefused()
{
    delete mState;
    {
        Database db;
        QVERIFY(db.open(mDir->filePath(QStringLiteral("state.sqlite")), Database::Mode::ReadWrite));
        QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    mState = new CloudState(mClock);
    const auto failed = mState->open(mDir->path());
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(QLatin1String("newer version")), qPrintable(failed.errorMessage()));
}

void TestCloudState::hostileStateRefused_data()
{
    // A state folder shipped with a stranger's project: nothing in it may run on read.
    QTest::addColumn<QString>("sql");
    QTest::newRow("recursive view")
        << "CREATE VIEW v AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r";
    QTest::newRow("trigger") << "CREATE TRIGGER t AFTER INSERT ON items BEGIN DELETE FROM objects; END";
}

void TestCloudState::hostileStateRefused()
{
    QFETCH(QString, sql);
    delete mState;
    {
        Database db;
        QVERIFY(db.open(mDir->filePath(QStringLiteral("state.sqlite")), Database::Mode::ReadWrite));
        const auto done = db.exec(sql);
        QVERIFY2(done, qPrintable(done.errorMessage()));
    }
    mState = new CloudState(mClock);
    const auto failed = mState->open(mDir->path());
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(QLatin1String("views or triggers")), qPrintable(failed.errorMessage()));
}

void TestCloudState::invalidNames()
{
    QVERIFY(!mState->sendMessage(QStringLiteral("../jobs"), "x"));
    QVERIFY(!mState->putObject(QStringLiteral("../x"), QStringLiteral("k"), "x", {}));
    QVERIFY(!mState->putObject(QStringLiteral("docs"), QString(), "x", {}));
    QVERIFY(!mState->putItem(QStringLiteral("a/b"), kOrders, {{"customer", s("ann")}, {"at", n(1)}}));
}

QTEST_GUILESS_MAIN(TestCloudState)
#include "tst_cloudstate.moc"

namespace {
ObservedCall observed(const QString &function, const QString &action, const QString &resource,
                      const QString &granting = {})
{
    ObservedCall call;
    call.function = function;
    call.action = action;
    call.resource = resource;
    call.grantingEdge = granting;
    return call;
}
} // namespace

void TestCloudState::observedCallsCountedAndRead()
{
    mClock.set(QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC));
    QVERIFY(mState->recordObservedCall(observed("writer", "dynamodb:PutItem", "orders", "writes")));
    mClock.set(QDateTime(QDate(2026, 12, 3), QTime(11, 30), Qt::UTC));
    QVERIFY(mState->recordObservedCall(observed("writer", "dynamodb:PutItem", "orders", "writes")));
    QVERIFY(mState->recordObservedCall(observed("mailer", "sns:Publish", "alerts", "writes")));
    // Read back by another connection, read-only, while this one has it open (the studio runs).
    const Result<QList<ObservedCall>> read = ObservedCallStore::read(mDir->path());
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->size(), 2);
    QCOMPARE(read->at(0).function, QStringLiteral("mailer"));
    const ObservedCall &writer = read->at(1);
    QCOMPARE(writer.action, QStringLiteral("dynamodb:PutItem"));
    QCOMPARE(writer.resource, QStringLiteral("orders"));
    QCOMPARE(writer.grantingEdge, QStringLiteral("writes"));
    QCOMPARE(writer.count, 2);
    QCOMPARE(writer.lastSeen, QDateTime(QDate(2026, 12, 3), QTime(11, 30), Qt::UTC));
    // No state at all: nothing observed, no error.
    QTemporaryDir empty;
    const Result<QList<ObservedCall>> none = ObservedCallStore::read(empty.path());
    QVERIFY(none);
    QVERIFY(none->isEmpty());
    // Reset State forgets them with the rest.
    QVERIFY(mState->reset());
    QVERIFY(ObservedCallStore::read(mDir->path())->isEmpty());
}

void TestCloudState::observedCallsGrantedSinceAreLeftOut()
{
    Architecture design;
    const NodeId writer = design.allocateNodeId();
    design.insertNode({writer, QStringLiteral("function"), QStringLiteral("writer"), {}, {}});
    const NodeId orders = design.allocateNodeId();
    design.insertNode({orders, QStringLiteral("table"), QStringLiteral("orders"), {}, {}});
    design.insertEdge({design.allocateEdgeId(), writer, orders, QStringLiteral("reads"), {}});
    const QList<ObservedCall> calls{observed("writer", "dynamodb:PutItem", "orders"),
                                    observed("writer", "dynamodb:GetItem", "orders"),
                                    observed("ghost", "dynamodb:PutItem", "orders")};
    // A read connection does not grant the write; the read is granted; a removed function is no one's.
    QList<ObservedCall> left = ObservedCallStore::ungranted(design, calls);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).action, QStringLiteral("dynamodb:PutItem"));
    QCOMPARE(left.at(0).grantingEdge, QStringLiteral("writes"));
    design.insertEdge({design.allocateEdgeId(), writer, orders, QStringLiteral("writes"), {}});
    QVERIFY(ObservedCallStore::ungranted(design, calls).isEmpty());
}

void TestCloudState::observedCallsOfAHostileStateRefused_data()
{
    QTest::addColumn<QString>("sql"); // one statement a line
    QTest::newRow("endless view") << "CREATE VIEW v AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM "
                                     "r) SELECT x FROM r";
    QTest::newRow("observed_calls is a view")
        << "DROP TABLE observed_calls\nCREATE VIEW observed_calls AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL "
           "SELECT x + 1 FROM r) SELECT 'f' AS function, 'a' AS action, 'r' AS resource, 0 AS object_level, '' AS "
           "granting, x AS count, x AS last_seen FROM r";
    QTest::newRow("trigger") << "CREATE TRIGGER t AFTER INSERT ON observed_calls BEGIN DELETE FROM objects; END";
}

void TestCloudState::observedCallsOfAHostileStateRefused()
{
    // A downloaded project's .nimbus-cloud: nimbus validate --observed must neither hang nor run its code.
    QFETCH(QString, sql);
    delete mState;
    mState = nullptr;
    {
        Database db;
        QVERIFY(db.open(mDir->filePath(QStringLiteral("state.sqlite")), Database::Mode::ReadWrite));
        for (const QString &statement : sql.split(u'\n')) {
            const auto done = db.exec(statement);
            QVERIFY2(done, qPrintable(done.errorMessage()));
        }
    }
    const Result<QList<ObservedCall>> read = ObservedCallStore::read(mDir->path());
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().contains(QLatin1String("views or triggers")), qPrintable(read.errorMessage()));
}
