// TransactWriteItems' ClientRequestTokens from strangers (issue 23 item 2): every program
// on the machine can send transactions with tokens of its own, and each token is
// remembered for ten minutes of the cloud's clock, which may stand still (a paused or
// manual clock). The table of tokens is bounded: beyond 10,000 the oldest is forgotten
// (a request with it is then served afresh), the newest are still answered as before.
// Fails when the bound goes.

#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Nimbus;

namespace {

class StillClock : public CloudClock
{
public:
    QDateTime now() const override { return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC); }
};

} // namespace

class TestSecurityDynamoTokens : public QObject
{
    Q_OBJECT

private slots:
    void tokensAreBounded();

private:
    QJsonObject call(const QByteArray &operation, const QJsonObject &input, int *status);

    StillClock mClock; // outlives the cloud
    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
};

QJsonObject TestSecurityDynamoTokens::call(const QByteArray &operation, const QJsonObject &input, int *status)
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

void TestSecurityDynamoTokens::tokensAreBounded()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mCloud->cloud->setClock(&mClock);
    // A condition check of an absent item: nothing is written, the token is remembered.
    auto transaction = [&](const QString &token, const QString &id) {
        const QJsonObject check{{"TableName", "things"},
                                {"Key", QJsonObject{{"id", QJsonObject{{"S", id}}}}},
                                {"ConditionExpression", "attribute_not_exists(id)"}};
        int status = 0;
        const QJsonObject answer = call(
            "TransactWriteItems",
            {{"ClientRequestToken", token},
             {"TransactItems", QJsonArray{QJsonValue(QJsonObject{{"ConditionCheck", check}})}}},
            &status);
        return status == 200 ? QString()
                             : answer.value(QStringLiteral("__type")).toString().section(QLatin1Char('#'), -1);
    };
    QCOMPARE(transaction(QStringLiteral("first"), QStringLiteral("a")), QString());
    // Remembered: the same token with another request is refused.
    QCOMPARE(transaction(QStringLiteral("first"), QStringLiteral("b")),
             QStringLiteral("IdempotentParameterMismatchException"));
    for (int i = 0; i < 10000; ++i)
        QCOMPARE(transaction(QStringLiteral("t%1").arg(i), QStringLiteral("a")), QString());
    // The oldest was forgotten, the newest is still remembered.
    QCOMPARE(transaction(QStringLiteral("first"), QStringLiteral("b")), QString());
    QCOMPARE(transaction(QStringLiteral("t9999"), QStringLiteral("b")),
             QStringLiteral("IdempotentParameterMismatchException"));
    mCloud.reset();
}

QTEST_GUILESS_MAIN(TestSecurityDynamoTokens)
#include "tst_security_dynamotokens.moc"
