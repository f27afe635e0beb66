// TableReads under its real use: connection threads asking while the cloud's thread
// publishes and forgets. Every answer is whole and is the one published for its key (run
// by the sanitizers' tree too, which would see a read of freed memory).

#include "cloud/tablereads.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Nimbus;

class TestTableReadsThreads : public QObject
{
    Q_OBJECT

private slots:
    void readersWhileTheCloudWrites();
    void functionsReadWhileInvocationsComeAndGo();
};

void TestTableReadsThreads::readersWhileTheCloudWrites()
{
    TableReads reads;
    TableKeys keys;
    keys.partitionKey = QStringLiteral("id");
    constexpr int kKeys = 64;
    auto keyOf = [](int i) { return QJsonObject{{"id", QJsonObject{{"S", QString::number(i)}}}}; };
    auto itemKey = [&](int i) {
        return TableStore::cacheKey(QStringLiteral("t"), *TableStore::itemKeys(keys, keyOf(i)));
    };
    reads.publishTable(QStringLiteral("t"), {QStringLiteral("t"), keys});
    std::atomic<bool> done{false};
    std::atomic<int> found{0}, wrong{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r) {
        readers.emplace_back([&, r] {
            for (int n = 0; !done.load(); ++n) {
                const int i = (n * 7 + r) % kKeys;
                const std::optional<QByteArray> body = reads.answer(QStringLiteral("t"), keyOf(i));
                if (!body)
                    continue;
                // {"Item":{"id":{"S":"i"},"v":{"S":"..."}}}: the item of the key asked for.
                const QJsonObject item = QJsonDocument::fromJson(*body).object().value("Item").toObject();
                if (item.value("id").toObject().value("S").toString() == QString::number(i))
                    ++found;
                else
                    ++wrong;
            }
        });
    }
    // The cloud's thread: publish, overwrite, forget, drop the tables, for a while.
    QElapsedTimer clock;
    clock.start();
    for (int n = 0; clock.elapsed() < 1500; ++n) {
        const int i = n % kKeys;
        QJsonObject item = keyOf(i);
        item.insert(QStringLiteral("v"), QJsonObject{{"S", QString(n % 500, u'v')}});
        reads.publishItem(itemKey(i), item);
        if (n % 5 == 0)
            reads.forgetItem(itemKey((i + 3) % kKeys));
        if (n % 997 == 0)
            reads.forgetItems();
        if (n % 1999 == 0) {
            reads.forgetTables();
            reads.publishTable(QStringLiteral("t"), {QStringLiteral("t"), keys});
        }
    }
    done = true;
    for (std::thread &reader : readers)
        reader.join();
    QCOMPARE(wrong.load(), 0);
    QVERIFY(found.load() > 0);
}

void TestTableReadsThreads::functionsReadWhileInvocationsComeAndGo()
{
    // Invocations of "reader" (granted the table) and "other" (never granted) start and end
    // while connection threads ask with their request ids: only reader's are ever answered.
    TableReads reads;
    TableKeys keys;
    keys.partitionKey = QStringLiteral("id");
    const QJsonObject key{{"id", QJsonObject{{"S", QStringLiteral("k")}}}};
    reads.publishTable(QStringLiteral("t"), {QStringLiteral("t"), keys});
    reads.publishItem(TableStore::cacheKey(QStringLiteral("t"), *TableStore::itemKeys(keys, key)), key);
    constexpr int kIds = 32;
    auto idOf = [](int i) { return QStringLiteral("00000000-0000-0000-0000-%1").arg(i, 12, 10, QLatin1Char('0')); };
    std::atomic<bool> done{false};
    std::atomic<int> readerAnswered{0}, otherAnswered{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r) {
        readers.emplace_back([&, r] {
            for (int n = 0; !done.load(); ++n) {
                const int i = (n * 5 + r) % kIds;
                if (reads.answer(QStringLiteral("t"), key, idOf(i)))
                    ++(i % 2 ? otherAnswered : readerAnswered);
            }
        });
    }
    QElapsedTimer clock;
    clock.start();
    for (int n = 0; clock.elapsed() < 1500; ++n) {
        const int i = n % kIds;
        reads.publishInvocation(idOf(i), i % 2 ? QStringLiteral("other") : QStringLiteral("reader"));
        // Granted through one of reader's invocations: the grant is its function's.
        if (i % 2 == 0 && n % 3 == 0)
            reads.publishGrant(idOf(i), QStringLiteral("t"));
        reads.forgetInvocation(idOf((i + kIds / 2) % kIds));
        if (n % 7 == 0)
            reads.forgetGrants();
        if (n % 499 == 0)
            reads.forgetInvocations();
    }
    done = true;
    for (std::thread &reader : readers)
        reader.join();
    QCOMPARE(otherAnswered.load(), 0);
    QVERIFY(readerAnswered.load() > 0);
}

QTEST_GUILESS_MAIN(TestTableReadsThreads)
#include "tst_tablereadsthreads.moc"
