// Pricing catalogs are checked against their schema on load; errors say where.

#include "cost/pricingcatalog.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Nimbus;

namespace {

QJsonObject minimal()
{
    return QJsonDocument::fromJson(R"({
        "format": "nimbus-pricing", "version": 1, "provider": "aws", "providerName": "AWS", "region": "r",
        "currency": "USD", "collected": "2026-11-01", "hoursPerMonth": 730,
        "serverless": { "name": "Lambda" },
        "sources": { "s": "a source" },
        "prices": [ { "id": "function.requests", "name": "Requests", "unit": "requests", "per": 1000000,
                      "price": 0.2, "effective": "2024-07-01", "source": "s" },
                    { "id": "function.compute.x86_64", "name": "Compute", "unit": "GB-seconds", "per": 1,
                      "tiers": [ { "upTo": 10, "price": 2 }, { "upTo": null, "price": 1 } ],
                      "effective": "2024-07-01", "source": "s" } ],
        "instances": [ { "type": "t", "vcpu": 2, "memoryGiB": 1, "architecture": "x86_64", "hourly": 0.01,
                         "effective": "2024-07-01", "source": "s" } ]
    })")
        .object();
}

// Sets a value at a path such as "prices[1].tiers[0].upTo"; an undefined value removes it.
QJsonValue setAt(QJsonValue node, QStringList path, const QJsonValue &value)
{
    const QString head = path.takeFirst();
    const int bracket = head.indexOf('[');
    if (bracket >= 0) {
        const QString key = head.left(bracket);
        const int index = head.mid(bracket + 1, head.size() - bracket - 2).toInt();
        QJsonObject o = node.toObject();
        QJsonArray a = o.value(key).toArray();
        if (path.isEmpty())
            a[index] = value;
        else
            a[index] = setAt(a.at(index), path, value);
        o[key] = a;
        return o;
    }
    QJsonObject o = node.toObject();
    if (path.isEmpty()) {
        if (value.isUndefined())
            o.remove(head);
        else
            o[head] = value;
    } else
        o[head] = setAt(o.value(head), path, value);
    return o;
}

} // namespace

class TestPricingCatalog : public QObject
{
    Q_OBJECT

private slots:
    void minimalIsValid();
    void schemaErrors_data();
    void schemaErrors();
    void syntaxErrorHasLineAndColumn();
    void userCatalogOverridesShipped();
    void eventBridgePricesHaveSources_data();
    void eventBridgePricesHaveSources();
};

void TestPricingCatalog::minimalIsValid()
{
    const auto parsed = PricingCatalog::parse(QJsonDocument(minimal()).toJson(), "m.json");
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    const std::shared_ptr<const PricingCatalog> &c = *parsed;
    QCOMPARE(c->price("function.compute.x86_64")->tiers.size(), size_t(2));
    QCOMPARE(c->price("function.compute.x86_64")->tiers[1].upTo, -1.0);
    QCOMPARE(c->sourceText("s"), QStringLiteral("a source"));
}

void TestPricingCatalog::schemaErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("format") << "format" << QJsonValue("something") << "not a Nimbus pricing catalog";
    QTest::newRow("newer") << "version" << QJsonValue(99) << "newer";
    QTest::newRow("no currency") << "currency" << QJsonValue(QJsonValue::Undefined) << "currency: expected";
    QTest::newRow("bad currency") << "currency" << QJsonValue("dollars") << "ISO 4217";
    QTest::newRow("bad date") << "prices[0].effective" << QJsonValue("last week")
                              << "prices[0].effective: 'last week' is not a date";
    QTest::newRow("price is text") << "prices[0].price" << QJsonValue("0.2") << "prices[0].price: expected a number";
    QTest::newRow("negative price") << "prices[0].price" << QJsonValue(-1) << "prices[0].price: -1 is below";
    QTest::newRow("no unit") << "prices[0].unit" << QJsonValue(QJsonValue::Undefined) << "prices[0].unit";
    QTest::newRow("unknown source") << "prices[0].source" << QJsonValue("nowhere") << "source 'nowhere' is not listed";
    QTest::newRow("tiers shrink") << "prices[1].tiers[0].upTo" << QJsonValue(0) << "tiers must grow";
    QTest::newRow("last tier bounded") << "prices[1].tiers[1].upTo" << QJsonValue(100) << "last tier must be unbounded";
    QTest::newRow("duplicate id") << "prices[1].id" << QJsonValue("function.requests") << "appears twice";
    QTest::newRow("instance vcpu") << "instances[0].vcpu" << QJsonValue(0) << "instances[0].vcpu";
    QTest::newRow("no serverless") << "serverless" << QJsonValue(QJsonValue::Undefined)
                                   << "serverless: expected an object";
}

void TestPricingCatalog::schemaErrors()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    const QJsonObject broken = setAt(minimal(), path.split('.'), value).toObject();
    const auto parsed = PricingCatalog::parse(QJsonDocument(broken).toJson(), "broken.json");
    QVERIFY(!parsed);
    const QString &why = parsed.errorMessage();
    QVERIFY2(why.startsWith("broken.json: "), qPrintable(why));
    QVERIFY2(why.contains(error), qPrintable(why));
}

void TestPricingCatalog::syntaxErrorHasLineAndColumn()
{
    const auto parsed = PricingCatalog::parse("{\n  \"format\": \"nimbus-pricing\",\n  \"version\" 1\n}", "bad.json");
    QVERIFY(!parsed);
    QVERIFY2(parsed.errorMessage().startsWith("bad.json: 3:"), qPrintable(parsed.errorMessage()));
}

void TestPricingCatalog::userCatalogOverridesShipped()
{
    QTemporaryDir dir;
    QJsonObject mine = minimal();
    mine["collected"] = "2027-01-01";
    QVERIFY(NimbusTest::writeAll(dir.filePath("aws.json"), QJsonDocument(mine).toJson()));
    QVERIFY(NimbusTest::writeAll(dir.filePath("broken.json"), "{"));
    const PricingCatalogs catalogs = PricingCatalogs::load(dir.path());
    QCOMPARE(catalogs.provider("aws")->collected(), QStringLiteral("2027-01-01"));
    QCOMPARE(catalogs.provider("azure")->provider(), QStringLiteral("azure")); // shipped, untouched
    QCOMPARE(catalogs.errors().size(), 1);
    QVERIFY(catalogs.errors().first().contains("broken.json"));
}

// Issue 22 item 9: each EventBridge price the cost model asks for is in the shipped AWS
// catalog with a listed source, a date and a name the translations list.
void TestPricingCatalog::eventBridgePricesHaveSources_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("perUnit"); // the price of one unit
    QTest::addColumn<QString>("unit");
    QTest::newRow("events") << "bus.events" << 1.0 / 1e6 << "events";
    QTest::newRow("archive processing") << "bus.archive.processing" << 0.10 << "GB";
    QTest::newRow("archive storage") << "bus.archive.storage" << 0.023 << "GB-months";
    QTest::newRow("replays") << "bus.replays" << 1.0 / 1e6 << "events";
}

void TestPricingCatalog::eventBridgePricesHaveSources()
{
    QFETCH(QString, id);
    QFETCH(double, perUnit);
    QFETCH(QString, unit);
    const PricingCatalogs catalogs = PricingCatalogs::load({});
    const auto aws = catalogs.provider("aws");
    QVERIFY(aws);
    const Price *p = aws->price(id);
    QVERIFY2(p, qPrintable(id));
    QVERIFY(p->priced());
    QCOMPARE(p->tiers.front().price / p->per, perUnit);
    QCOMPARE(p->unit, unit);
    QVERIFY(aws->sources().contains(p->source));
    const QString source = aws->sourceText(p->source);
    QVERIFY2(source.contains("read 2026-12-02") || source.contains("2021-12-13"), qPrintable(source));
    QVERIFY(QDate::fromString(p->effective, Qt::ISODate).isValid());
    bool listed = false;
    for (const char *text : PricingCatalog::sourceTexts())
        listed = listed || p->name == QLatin1String(text);
    QVERIFY2(listed, qPrintable(p->name));
}

QTEST_GUILESS_MAIN(TestPricingCatalog)
#include "tst_pricingcatalog.moc"
