// PartiQL from strangers (issue 23 item 2): every program on the machine can send
// ExecuteStatement to the local cloud. A statement is held to DynamoDB's 8,192
// characters before it is read, so one of megabytes naming a hundred thousand
// attributes (each looked up among those already named) cannot hold the cloud's thread
// for minutes; BatchExecuteStatement's statements are held to the same. Fails when the
// limit goes.

#include "cloudfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Nimbus;

class TestSecurityPartiql : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void statementLengthIsBounded_data();
    void statementLengthIsBounded();

private:
    QJsonObject call(const QByteArray &operation, const QJsonObject &input, int *status);

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
};

void TestSecurityPartiql::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
}

void TestSecurityPartiql::cleanup()
{
    mCloud.reset();
}

QJsonObject TestSecurityPartiql::call(const QByteArray &operation, const QJsonObject &input, int *status)
{
    AwsRequest request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/");
    request.headers = {{"content-type", "application/x-amz-json-1.0"},
                       {"x-amz-target", "DynamoDB_20120810." + operation},
                       {"host", "127.0.0.1:4566"}};
    request.host = QStringLiteral("127.0.0.1");
    request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    std::optional<HttpResponseData> answer;
    mCloud->endpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    *status = answer ? answer->status : 0;
    return answer ? QJsonDocument::fromJson(answer->body).object() : QJsonObject();
}

void TestSecurityPartiql::statementLengthIsBounded_data()
{
    QTest::addColumn<int>("names");
    QTest::addColumn<bool>("refused");
    // "SELECT * FROM things WHERE " is 27 characters, each " OR aNNNNNN = 1" 15.
    QTest::newRow("within 8,192") << 500 << false;
    QTest::newRow("just over") << 600 << true;
    QTest::newRow("a hundred thousand names") << 100000 << true;
}

void TestSecurityPartiql::statementLengthIsBounded()
{
    QFETCH(int, names);
    QFETCH(bool, refused);
    QString statement = QStringLiteral("SELECT * FROM things WHERE a000000 = 1");
    for (int i = 1; i < names; ++i)
        statement += QStringLiteral(" OR a%1 = 1").arg(i, 6, 10, QLatin1Char('0'));
    QCOMPARE(statement.size() > 8192, refused);
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    const QJsonObject answer = call("ExecuteStatement", {{"Statement", statement}}, &status);
    const QString type = answer.value(QStringLiteral("__type")).toString().section(QLatin1Char('#'), -1);
    qInfo("%d names: %d %s in %lld ms", names, status, qPrintable(type), timer.elapsed());
    if (!refused) {
        QVERIFY2(type != QStringLiteral("ValidationException")
                     || !answer.value(QStringLiteral("message")).toString().contains(QStringLiteral("8192")),
                 qPrintable(answer.value(QStringLiteral("message")).toString()));
        return;
    }
    QCOMPARE(status, 400);
    QCOMPARE(type, QStringLiteral("ValidationException"));
    QVERIFY(answer.value(QStringLiteral("message")).toString().contains(QStringLiteral("8192")));
    // The same statement in a batch is answered with the same error, on its own.
    const QJsonObject batch = call("BatchExecuteStatement",
                                   {{"Statements", QJsonArray{QJsonObject{{"Statement", statement}}}}}, &status);
    QCOMPARE(status, 200);
    const QJsonObject error =
        batch.value(QStringLiteral("Responses")).toArray().at(0).toObject().value(QStringLiteral("Error")).toObject();
    QCOMPARE(error.value(QStringLiteral("Code")).toString(), QStringLiteral("ValidationError"));
}

QTEST_GUILESS_MAIN(TestSecurityPartiql)
#include "tst_security_partiql.moc"
