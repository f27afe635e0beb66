// The local cloud's state read back for `nimbus validate --observed` and the user pool's
// callback URLs (issue 21): a state folder shipped with a stranger's project must neither
// hang the reader, run its code, nor flood the output; a callback URL cannot send users to
// a script or to plain http elsewhere than this machine.

#include "cloud/cloudclock.h"
#include "cloud/cloudstate.h"
#include "cloud/observedcallstore.h"
#include "model/callbackurls.h"
#include "model/node.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class TestSecurityObserved : public QObject
{
    Q_OBJECT

private slots:
    void hostileStateIsRefusedAtOnce_data();
    void hostileStateIsRefusedAtOnce();
    void hugeStateIsReadWithinBounds();
    void callbackUrlsStayOnHttpsOrThisMachine_data();
    void callbackUrlsStayOnHttpsOrThisMachine();
};

void TestSecurityObserved::hostileStateIsRefusedAtOnce_data()
{
    QTest::addColumn<QStringList>("schema");
    const QString endless = QStringLiteral(
        "CREATE VIEW observed_calls AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT 'f' AS "
        "function, 'a' AS action, 'r' AS resource, 0 AS object_level, '' AS granting, x AS count, x AS last_seen "
        "FROM r");
    QTest::newRow("endless view named as the table") << QStringList{endless};
    QTest::newRow("trigger") << QStringList{
        QStringLiteral("CREATE TABLE observed_calls(function, action, resource, object_level, granting, count, "
                       "last_seen)"),
        QStringLiteral("CREATE TRIGGER t AFTER INSERT ON observed_calls BEGIN DELETE FROM observed_calls; END")};
    QTest::newRow("virtual table") << QStringList{
        QStringLiteral("CREATE VIRTUAL TABLE observed_calls USING fts5(function, action, resource)")};
}

void TestSecurityObserved::hostileStateIsRefusedAtOnce()
{
    QFETCH(QStringList, schema);
    QTemporaryDir dir;
    {
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("state.sqlite")), Database::Mode::Create));
        for (const QString &statement : schema) {
            const auto done = db.exec(statement);
            if (!done)
                QSKIP(qPrintable(done.errorMessage())); // fts5 missing from this SQLite
        }
    }
    QElapsedTimer timer;
    timer.start();
    const Result<QList<ObservedCall>> read = ObservedCallStore::read(dir.path());
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().contains(QLatin1String("views or triggers")), qPrintable(read.errorMessage()));
    QVERIFY(timer.elapsed() < 5000);
}

void TestSecurityObserved::hugeStateIsReadWithinBounds()
{
    // A plain table, but of 5,000 rows with names of 100,000 characters: at most 1,000 rows
    // of names cut to 256 characters come back.
    QTemporaryDir dir;
    {
        ManualClock clock;
        CloudState state(clock);
        QVERIFY(state.open(dir.path()));
    }
    {
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("state.sqlite")), Database::Mode::ReadWrite));
        QVERIFY(db.exec(QStringLiteral(
            "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 5000) INSERT INTO "
            "observed_calls(function, action, resource, granting, count, last_seen) SELECT x || printf('%.*c', "
            "100000, 'f'), 'dynamodb:PutItem', 'orders', 'writes', 1, 0 FROM r")));
    }
    const Result<QList<ObservedCall>> read = ObservedCallStore::read(dir.path());
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->size(), ObservedCallStore::kObservedLimit);
    for (const ObservedCall &call : *read)
        QVERIFY(call.function.size() <= 256);
}

void TestSecurityObserved::callbackUrlsStayOnHttpsOrThisMachine_data()
{
    QTest::addColumn<QString>("urls");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << "https://shop.example.com/cb" << true;
    QTest::newRow("localhost") << "http://localhost:5173/cb" << true;
    QTest::newRow("plain http elsewhere") << "http://shop.example.com/cb" << false;
    QTest::newRow("a localhost-looking host") << "http://localhost.evil.example/cb" << false;
    QTest::newRow("a script") << "javascript:alert(document.cookie)" << false;
    QTest::newRow("data") << "data:text/html,<script>alert(1)</script>" << false;
    QTest::newRow("user info") << "https://shop.example.com@evil.example/" << false;
    QTest::newRow("one bad among good") << "https://shop.example.com/cb, javascript:alert(1)" << false;
    QTest::newRow("too long") << QStringLiteral("https://shop.example.com/") + QString(1100, QLatin1Char('a')) << false;
}

void TestSecurityObserved::callbackUrlsStayOnHttpsOrThisMachine()
{
    QFETCH(QString, urls);
    QFETCH(bool, accepted);
    Node pool;
    pool.kind = QStringLiteral("user-pool");
    pool.name = QStringLiteral("users");
    pool.properties.insert(QStringLiteral("callbackUrls"), urls);
    QCOMPARE(bool(userPoolCallbackUrls(pool)), accepted);
}

QTEST_GUILESS_MAIN(TestSecurityObserved)
#include "tst_security_observed.moc"
