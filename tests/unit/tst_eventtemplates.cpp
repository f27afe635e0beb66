#include "runtime/eventtemplates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Nimbus;

class tst_EventTemplates : public QObject
{
    Q_OBJECT

private slots:
    void everyTriggerKindHasOne();
    void shapes_data();
    void shapes();
    void pathParameters_data();
    void pathParameters();
    void errors_data();
    void errors();
};

void tst_EventTemplates::everyTriggerKindHasOne()
{
    QStringList ids;
    for (const auto &t : EventTemplates::builtin().all())
        ids.append(t.id);
    for (const char *id : {"apigateway-http-v2", "apigateway-rest-v1", "sqs", "sns", "s3-put", "dynamodb-update",
                           "eventbridge-scheduled"})
        QVERIFY2(ids.contains(QLatin1String(id)), id);
}

void tst_EventTemplates::shapes_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QString>("pointer"); // a path into the event, '/'-separated
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("http v2 route key") << "apigateway-http-v2"
                                       << QStringList{"method=POST", "route=/orders", "path=/orders"} << "routeKey"
                                       << QJsonValue("POST /orders");
    QTest::newRow("http v2 path parameter")
        << "apigateway-http-v2" << QStringList{"path=/items/7"} << "pathParameters/id" << QJsonValue("7");
    QTest::newRow("http v2 no query") << "apigateway-http-v2" << QStringList{} << "queryStringParameters"
                                      << QJsonValue(QJsonValue::Null);
    QTest::newRow("http v2 body") << "apigateway-http-v2" << QStringList{"body={\"a\":1}"} << "body"
                                  << QJsonValue("{\"a\":1}");
    QTest::newRow("http v2 method") << "apigateway-http-v2" << QStringList{"method=DELETE"}
                                    << "requestContext/http/method" << QJsonValue("DELETE");
    QTest::newRow("rest v1 method") << "apigateway-rest-v1" << QStringList{"method=PUT"} << "httpMethod"
                                    << QJsonValue("PUT");
    QTest::newRow("rest v1 null body") << "apigateway-rest-v1" << QStringList{} << "body"
                                       << QJsonValue(QJsonValue::Null);
    QTest::newRow("rest v1 multi query") << "apigateway-rest-v1" << QStringList{"query=t=a&t=b"}
                                         << "multiValueQueryStringParameters/t/1" << QJsonValue("b");
    QTest::newRow("sqs body") << "sqs" << QStringList{"body=hello"} << "Records/0/body" << QJsonValue("hello");
    QTest::newRow("sqs arn") << "sqs" << QStringList{"queue=jobs"} << "Records/0/eventSourceARN"
                             << QJsonValue("arn:aws:sqs:us-east-1:000000000000:jobs");
    QTest::newRow("sqs md5") << "sqs" << QStringList{"body=hello"} << "Records/0/md5OfBody"
                             << QJsonValue("5d41402abc4b2a76b9719d911017c592");
    QTest::newRow("sns message") << "sns" << QStringList{"message=hi", "subject=greeting"} << "Records/0/Sns/Subject"
                                 << QJsonValue("greeting");
    QTest::newRow("s3 key encoded") << "s3-put" << QStringList{"key=my photos/a b.png"} << "Records/0/s3/object/key"
                                    << QJsonValue("my+photos/a+b.png");
    QTest::newRow("s3 size is a number") << "s3-put" << QStringList{"size=2048"} << "Records/0/s3/object/size"
                                         << QJsonValue(2048);
    QTest::newRow("dynamodb remove") << "dynamodb-update" << QStringList{"eventName=REMOVE"} << "Records/0/eventName"
                                     << QJsonValue("REMOVE");
    QTest::newRow("dynamodb typed image")
        << "dynamodb-update" << QStringList{} << "Records/0/dynamodb/NewImage/total/N" << QJsonValue("12.5");
    QTest::newRow("schedule") << "eventbridge-scheduled" << QStringList{"rule=nightly"} << "detail-type"
                              << QJsonValue("Scheduled Event");
    QTest::newRow("schedule time") << "eventbridge-scheduled" << QStringList{"time=2026-11-23T02:00:00Z"} << "time"
                                   << QJsonValue("2026-11-23T02:00:00Z");
}

void tst_EventTemplates::shapes()
{
    QFETCH(QString, id);
    QFETCH(QStringList, settings);
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, expected);
    QHash<QString, QString> values;
    for (const QString &s : settings)
        values.insert(s.section('=', 0, 0), s.section('=', 1));
    const Result<QByteArray> json = EventTemplates::builtin().generate(id, values);
    QVERIFY2(json, qPrintable(json.errorMessage()));
    QJsonValue v = QJsonDocument::fromJson(*json).object();
    for (const QString &part : pointer.split('/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        v = isIndex ? v.toArray().at(index) : v.toObject().value(part);
    }
    QCOMPARE(v, expected);
    QVERIFY(!json->contains("{{")); // every placeholder was filled
}

void tst_EventTemplates::pathParameters_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("expected");
    QTest::newRow("one") << "/items/{id}"
                         << "/items/42" << QJsonObject{{"id", "42"}};
    QTest::newRow("two") << "/a/{x}/b/{y}"
                         << "/a/1/b/2" << QJsonObject{{"x", "1"}, {"y", "2"}};
    QTest::newRow("proxy") << "/files/{proxy+}"
                           << "/files/a/b/c.txt" << QJsonObject{{"proxy", "a/b/c.txt"}};
    QTest::newRow("decoded") << "/items/{id}"
                             << "/items/a%20b" << QJsonObject{{"id", "a b"}};
    QTest::newRow("mismatch") << "/items/{id}"
                              << "/orders/42" << QJsonObject{};
    QTest::newRow("too long") << "/items/{id}"
                              << "/items/42/x" << QJsonObject{};
}

void tst_EventTemplates::pathParameters()
{
    QFETCH(QString, route);
    QFETCH(QString, path);
    QFETCH(QJsonObject, expected);
    QCOMPARE(EventTemplates::pathParameters(route, path), expected);
}

void tst_EventTemplates::errors_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown template") << "kafka"
                                      << ""
                                      << ""
                                      << "no event template 'kafka'";
    QTest::newRow("unknown parameter") << "sqs"
                                       << "colour"
                                       << "red"
                                       << "has no parameter 'colour'; it has: ";
    QTest::newRow("image not JSON") << "dynamodb-update"
                                    << "newImage"
                                    << "{oops"
                                    << "must be JSON";
}

void tst_EventTemplates::errors()
{
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, error);
    QHash<QString, QString> values;
    if (!key.isEmpty())
        values.insert(key, value);
    const Result<QByteArray> json = EventTemplates::builtin().generate(id, values);
    QVERIFY(!json);
    QVERIFY2(json.errorMessage().contains(error), qPrintable(json.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_EventTemplates)
#include "tst_eventtemplates.moc"
