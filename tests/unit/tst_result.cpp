#include "result.h"

#include <QTest>

#include <memory>

using namespace Nimbus;

namespace {

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return fail(QStringLiteral("%1: not a port").arg(text));
    return port;
}

Result<void> check(bool good)
{
    if (!good)
        return Error{QStringLiteral("settings.json, line 3: bad")};
    return {};
}

Result<std::unique_ptr<QString>> makeOwned(const QString &text)
{
    if (text.isEmpty())
        return fail(QStringLiteral("empty"));
    return std::make_unique<QString>(text);
}

// Passes the error of an inner step on unchanged.
Result<QString> describePort(const QString &text)
{
    const Result<int> port = parsePort(text);
    if (!port)
        return port.error();
    return QStringLiteral("port %1").arg(*port);
}

} // namespace

class tst_Result : public QObject
{
    Q_OBJECT

private slots:
    void valueOrError_data();
    void valueOrError();
    void voidResult_data();
    void voidResult();
    void moveOnlyValue();
    void valueOr();
    void conversions();
    void passesErrorsOn();
};

void tst_Result::valueOrError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("good");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("message");

    QTest::newRow("port") << "8080" << true << 8080 << QString();
    QTest::newRow("lowest") << "1" << true << 1 << QString();
    QTest::newRow("zero") << "0" << false << 0 << "0: not a port";
    QTest::newRow("too high") << "70000" << false << 0 << "70000: not a port";
    QTest::newRow("words") << "http" << false << 0 << "http: not a port";
}

void tst_Result::valueOrError()
{
    QFETCH(QString, text);
    QFETCH(bool, good);
    QFETCH(int, value);
    QFETCH(QString, message);

    const Result<int> port = parsePort(text);
    QCOMPARE(port.hasValue(), good);
    QCOMPARE(bool(port), good);
    QCOMPARE(port.error().message, message);
    QCOMPARE(port.errorMessage(), message);
    if (good) {
        QCOMPARE(port.value(), value);
        QCOMPARE(*port, value);
    }
}

void tst_Result::voidResult_data()
{
    QTest::addColumn<bool>("good");
    QTest::addColumn<QString>("message");

    QTest::newRow("success") << true << QString();
    QTest::newRow("failure") << false << "settings.json, line 3: bad";
}

void tst_Result::voidResult()
{
    QFETCH(bool, good);
    QFETCH(QString, message);

    const Result<void> result = check(good);
    QCOMPARE(result.hasValue(), good);
    QCOMPARE(bool(result), good);
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.errorMessage(), message);

    const Result<void> defaulted;
    QVERIFY(defaulted);
    QVERIFY(defaulted.errorMessage().isEmpty());
}

void tst_Result::moveOnlyValue()
{
    Result<std::unique_ptr<QString>> owned = makeOwned(QStringLiteral("shop.nimbus"));
    QVERIFY(owned);
    QCOMPARE(*owned.value(), QStringLiteral("shop.nimbus"));
    QCOMPARE(owned->get()->size(), 11);

    // Taking the value out of an rvalue moves it: the caller owns it.
    std::unique_ptr<QString> taken = std::move(owned).value();
    QVERIFY(taken);
    QCOMPARE(*taken, QStringLiteral("shop.nimbus"));

    std::unique_ptr<QString> dereferenced = *makeOwned(QStringLiteral("again"));
    QCOMPARE(*dereferenced, QStringLiteral("again"));

    const Result<std::unique_ptr<QString>> none = makeOwned({});
    QVERIFY(!none);
    QCOMPARE(none.errorMessage(), QStringLiteral("empty"));
}

void tst_Result::valueOr()
{
    QCOMPARE(parsePort(QStringLiteral("443")).valueOr(80), 443);
    QCOMPARE(parsePort(QStringLiteral("none")).valueOr(80), 80);

    const Result<QString> name = QStringLiteral("orders");
    QCOMPARE(name.valueOr(QStringLiteral("fallback")), QStringLiteral("orders"));
    const Result<QString> missing = fail(QStringLiteral("no name"));
    QCOMPARE(missing.valueOr(QStringLiteral("fallback")), QStringLiteral("fallback"));
    // valueOr leaves the result as it was.
    QCOMPARE(name.value(), QStringLiteral("orders"));
}

void tst_Result::conversions()
{
    // A value of a type that converts to T.
    const Result<QString> fromLiteral = "queue";
    QVERIFY(fromLiteral);
    QCOMPARE(*fromLiteral, QStringLiteral("queue"));
    const Result<double> fromInt = 3;
    QCOMPARE(*fromInt, 3.0);
    const Result<qint64> fromShort = short(7);
    QCOMPARE(*fromShort, qint64(7));

    // An Error, made directly or through fail(), is never taken for a value, even when
    // T could be built from a QString.
    const Result<QString> failed = fail(QStringLiteral("orders.json: not JSON"));
    QVERIFY(!failed);
    QCOMPARE(failed.errorMessage(), QStringLiteral("orders.json: not JSON"));
    const Result<QString> error = Error{QStringLiteral("line 2")};
    QVERIFY(!error);
    QCOMPARE(error.error().message, QStringLiteral("line 2"));

    // An empty value is still a value.
    const Result<QString> empty = QString();
    QVERIFY(empty);
    QVERIFY(empty.errorMessage().isEmpty());

    Result<QStringList> list = QStringList{QStringLiteral("a")};
    list->append(QStringLiteral("b"));
    QCOMPARE(list.value(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void tst_Result::passesErrorsOn()
{
    const Result<QString> good = describePort(QStringLiteral("22"));
    QVERIFY(good);
    QCOMPARE(*good, QStringLiteral("port 22"));

    const Result<QString> bad = describePort(QStringLiteral("ssh"));
    QVERIFY(!bad);
    QCOMPARE(bad.errorMessage(), QStringLiteral("ssh: not a port"));
}

QTEST_GUILESS_MAIN(tst_Result)
#include "tst_result.moc"
