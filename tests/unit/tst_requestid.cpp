// Request ids: random UUIDs (version 4, RFC 4122 variant) in AWS's form, never repeated,
// on every thread, across the refills of each thread's buffer of random bytes.

#include "runtime/requestid.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <array>
#include <cmath>
#include <memory>
#include <vector>

using namespace Nimbus;
using namespace Qt::StringLiterals;

class tst_RequestId : public QObject
{
    Q_OBJECT

private slots:
    void formIsAwss();
    void neverRepeatsAndEveryBitVaries_data();
    void neverRepeatsAndEveryBitVaries();
    void eachThreadDrawsItsOwn();
};

void tst_RequestId::formIsAwss()
{
    static const QRegularExpression form(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    for (int i = 0; i < 1000; ++i) {
        const QString id = newRequestId();
        QVERIFY2(form.match(id).hasMatch(), qPrintable(id));
        const QUuid uuid(id);
        QCOMPARE(uuid.version(), QUuid::Random);
        QCOMPARE(uuid.variant(), QUuid::DCE);
    }
}

void tst_RequestId::neverRepeatsAndEveryBitVaries_data()
{
    QTest::addColumn<int>("count");
    // Within one buffer of random bytes, and across many refills of it.
    QTest::newRow("100") << 100;
    QTest::newRow("20000") << 20000;
}

void tst_RequestId::neverRepeatsAndEveryBitVaries()
{
    QFETCH(int, count);
    QSet<QString> seen;
    std::array<int, 128> ones{};
    for (int i = 0; i < count; ++i) {
        const QString id = newRequestId();
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        const QByteArray bytes = QUuid(id).toRfc4122();
        for (int bit = 0; bit < 128; ++bit)
            ones[std::size_t(bit)] += (bytes.at(bit / 8) >> (7 - bit % 8)) & 1;
    }
    // The version and variant bits are fixed; each of the 122 others is set in about half
    // of the ids (a buffer reused or left unfilled would show here), within six standard
    // deviations: a fixed 30-70 % failed about once in a hundred runs of 100 ids.
    const double margin = 6 * 0.5 / std::sqrt(double(count));
    for (int bit = 0; bit < 128; ++bit) {
        const bool fixed = (bit >= 48 && bit < 52) || bit == 64 || bit == 65;
        if (fixed)
            continue;
        const double share = double(ones[std::size_t(bit)]) / count;
        QVERIFY2(std::abs(share - 0.5) < margin, qPrintable(u"bit %1 set in %2 of the ids"_s.arg(bit).arg(share)));
    }
}

void tst_RequestId::eachThreadDrawsItsOwn()
{
    constexpr int kThreads = 4;
    constexpr int kEach = 3000;
    std::vector<QStringList> drawn(kThreads);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&list = drawn[std::size_t(t)]] {
            for (int i = 0; i < kEach; ++i)
                list.append(newRequestId());
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(30000));
    QSet<QString> all;
    for (const QStringList &list : drawn)
        for (const QString &id : list)
            all.insert(id);
    QCOMPARE(all.size(), kThreads * kEach);
}

QTEST_GUILESS_MAIN(tst_RequestId)
#include "tst_requestid.moc"
