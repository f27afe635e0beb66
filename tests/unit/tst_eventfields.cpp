#include "runtime/eventfields.h"
#include "runtime/eventtemplates.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Nimbus;

// Completion of event and context fields from the text before the caret.
class tst_EventFields : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void complete_data();
    void complete();
    void paths();

private:
    EventFields mFields;
};

void tst_EventFields::initTestCase()
{
    const Result<QByteArray> json = EventTemplates::builtin().generate("s3-put", {});
    QVERIFY2(json, qPrintable(json.errorMessage()));
    mFields.setRoot("event", QJsonDocument::fromJson(*json).object());
    mFields.setRoot("context", EventFields::contextSample(EventFields::Language::JavaScript));
}

void tst_EventFields::complete_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // must all be offered
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<int>("prefix");

    QTest::newRow("top level") << "  return event." << QStringList{"Records"} << QStringList{} << 0;
    QTest::newRow("deep") << "const key = event.Records[0].s3.object." << QStringList{"key", "size", "eTag"}
                          << QStringList{"bucket"} << 0;
    QTest::newRow("typed prefix") << "event.Records[0].s3.b" << QStringList{"bucket"} << QStringList{"object"} << 1;
    QTest::newRow("optional chaining") << "event.Records?.[0]?.s3?.bucket." << QStringList{} << QStringList{"name"}
                                       << 0;
    QTest::newRow("optional member") << "event.Records[0]?.s3?." << QStringList{"bucket", "object"} << QStringList{}
                                     << 0;
    QTest::newRow("python subscript") << "key = event['Records'][0]['s3']['" << QStringList{"bucket", "object"}
                                      << QStringList{} << 0;
    QTest::newRow("python double quotes")
        << "event[\"Records\"][0][\"eventN" << QStringList{"eventName"} << QStringList{"eventSource"} << 6;
    QTest::newRow("context") << "context." << QStringList{"awsRequestId", "getRemainingTimeInMillis"} << QStringList{}
                             << 0;
    QTest::newRow("unknown member") << "event.Nope." << QStringList{} << QStringList{"Records"} << 0;
    QTest::newRow("other word") << "myevent." << QStringList{} << QStringList{"Records"} << 0;
    QTest::newRow("member of other") << "x.event." << QStringList{} << QStringList{"Records"} << 0;
    QTest::newRow("not a member") << "event" << QStringList{} << QStringList{"Records"} << 0;
}

void tst_EventFields::complete()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    QFETCH(int, prefix);
    const EventFields::Completion c = mFields.complete(text);
    for (const QString &e : expected)
        QVERIFY2(c.candidates.contains(e), qPrintable(c.candidates.join(',')));
    for (const QString &a : absent)
        QVERIFY2(!c.candidates.contains(a), qPrintable(c.candidates.join(',')));
    if (!expected.isEmpty())
        QCOMPARE(c.prefixLength, prefix);
}

void tst_EventFields::paths()
{
    const Result<QByteArray> json = EventTemplates::builtin().generate("apigateway-http-v2", {});
    QVERIFY(json);
    const QStringList all = EventFields::paths(QJsonDocument::fromJson(*json).object(), "event");
    QVERIFY(all.contains("event.pathParameters"));
    QVERIFY(all.contains("event.pathParameters.id"));
    QVERIFY(all.contains("event.requestContext.http.method"));
}

QTEST_GUILESS_MAIN(tst_EventFields)
#include "tst_eventfields.moc"
