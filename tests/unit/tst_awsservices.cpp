// The AWS endpoint's registry of services: a service added to an endpoint answers its
// operations by its X-Amz-Target prefix, its signing scope or its query actions, with
// the endpoint's common headers; an operation a service does not have gets its
// protocol's "unknown operation" error, as the built-in services have always answered.

#include "cloud/awswire.h"
#include "cloudfixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {

// A service of one operation, Echo, which answers the parameters it was given, on the
// JSON protocol (Fake_2026.Echo) and on the query protocol (Action=Echo).
class FakeService : public AwsService
{
public:
    explicit FakeService(AwsEndpoint &endpoint)
        : AwsService(Recognition(QStringLiteral("fake"))
                         .byTarget(QStringLiteral("Fake_2026."))
                         .takesQuery({QStringLiteral("Echo")}),
                     endpoint)
    {
        mOperations.insert(QStringLiteral("Echo"), &FakeService::echo);
    }

    void handle(const AwsRequest &request, const AwsReply &done) override
    {
        const auto operation = mOperations.value(request.operation);
        done(operation ? (this->*operation)(request) : unknownOperation(request));
    }

private:
    HttpResponseData echo(const AwsRequest &request)
    {
        const QJsonObject input = request.protocol == AwsProtocol::Json ? QJsonDocument::fromJson(request.body).object()
                                                                        : request.parameters;
        return AwsWire::jsonAnswer({{QStringLiteral("echo"), input}});
    }

    QHash<QString, HttpResponseData (FakeService::*)(const AwsRequest &)> mOperations;
};

QByteArray headerOf(const HttpResponseData &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QByteArray signedFor(const char *service)
{
    return QByteArray("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/") + service
           + "/aws4_request, SignedHeaders=host, Signature=00";
}

} // namespace

class TestAwsServices : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void builtInServicesAreRegistered();
    void addedServiceAnswersByTarget();
    void addedServiceAnswersByScopeOrAction();
    void unknownOperation_data();
    void unknownOperation();

private:
    HttpResponseData send(const QString &method, const QString &path, const HttpHeaders &headers,
                          const QByteArray &body);

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestAwsServices::init()
{
    // The test project of the runtime tests (queues jobs and loop, tables, bucket files,
    // topic alerts), its local cloud, and an endpoint on it that does not listen.
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
}

void TestAwsServices::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

HttpResponseData TestAwsServices::send(const QString &method, const QString &path, const HttpHeaders &headers,
                                       const QByteArray &body)
{
    AwsRequest request;
    request.method = method;
    request.path = path;
    request.headers = headers;
    request.headers.append(qMakePair(QByteArray("host"), QByteArray("127.0.0.1:4566")));
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    if (!answer)
        return {0, {}, {}, {}};
    return *answer;
}

void TestAwsServices::builtInServicesAreRegistered()
{
    for (const char *name : {"sqs", "sns", "s3", "dynamodb"})
        QVERIFY2(mEndpoint->service(QLatin1String(name)), name);
    QVERIFY(!mEndpoint->service(QStringLiteral("fake")));
    // What names no service is S3's, as it always was.
    const HttpResponseData answer = send(QStringLiteral("GET"), QStringLiteral("/nothing/here.txt"), {}, {});
    QCOMPARE(answer.status, 404);
    QVERIFY(answer.body.contains("<Code>NoSuchBucket</Code>"));
}

void TestAwsServices::addedServiceAnswersByTarget()
{
    QVERIFY(mEndpoint->addService<FakeService>());
    QCOMPARE(mEndpoint->service(QStringLiteral("fake"))->name(), QStringLiteral("fake"));
    const HttpResponseData answer = send(
        QStringLiteral("POST"), QStringLiteral("/"),
        {{"x-amz-target", "Fake_2026.Echo"}, {"content-type", "application/x-amz-json-1.0"}}, R"({"Text":"hello"})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray(R"({"echo":{"Text":"hello"}})"));
    // The endpoint's own headers come with every service's answer.
    QVERIFY(!headerOf(answer, "x-amzn-requestid").isEmpty());
    QCOMPARE(headerOf(answer, "x-content-type-options"), QByteArray("nosniff"));
    QCOMPARE(headerOf(answer, "content-security-policy"), QByteArray("sandbox"));
}

void TestAwsServices::addedServiceAnswersByScopeOrAction()
{
    mEndpoint->addService<FakeService>();
    const QByteArray form = "application/x-www-form-urlencoded";
    // Signed for the service: its form is its own.
    HttpResponseData answer = send(QStringLiteral("POST"), QStringLiteral("/"),
                                   {{"content-type", form}, {"authorization", signedFor("fake")}},
                                   "Action=Echo&Text=signed");
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body)[QLatin1String("echo")][QLatin1String("Text")].toString(),
             QStringLiteral("signed"));
    // Unsigned: the action it claims names it ...
    answer = send(QStringLiteral("POST"), QStringLiteral("/"), {{"content-type", form}}, "Action=Echo&Text=unsigned");
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body)[QLatin1String("echo")][QLatin1String("Text")].toString(),
             QStringLiteral("unsigned"));
    // ... and a form no service claims is still SQS's.
    answer = send(QStringLiteral("POST"), QStringLiteral("/"), {{"content-type", form}},
                  "Action=SendMessage&MessageBody=x");
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.body.contains("<Code>MissingParameter</Code>"));
}

void TestAwsServices::unknownOperation_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("errorType"); // x-amzn-errortype of a JSON answer, empty for XML
    QTest::addColumn<QByteArray>("answer");

    const QByteArray queue = "http://127.0.0.1:4566/000000000000/jobs";
    QTest::newRow("added JSON service")
        << QByteArray("Fake_2026.Frobnicate") << QByteArray() << QByteArray("{}")
        << QByteArray("UnknownOperationException")
        << QByteArray(R"({"__type":"com.amazon.coral.service#UnknownOperationException","message":""})");
    QTest::newRow("added query service")
        << QByteArray() << signedFor("fake") << QByteArray("Action=Frobnicate") << QByteArray()
        << QByteArray(
               "<Code>InvalidAction</Code><Message>The action Frobnicate is not valid for this endpoint.</Message>");
    QTest::newRow("DynamoDB") << QByteArray("DynamoDB_20120810.Frobnicate") << QByteArray()
                              << QByteArray(R"({"TableName":"things"})") << QByteArray("UnknownOperationException")
                              << QByteArray(
                                     R"({"__type":"com.amazon.coral.service#UnknownOperationException","message":""})");
    QTest::newRow("SQS JSON")
        << QByteArray("AmazonSQS.Frobnicate") << QByteArray() << QByteArray(R"({"QueueUrl":")" + queue + R"("})")
        << QByteArray("UnsupportedOperation")
        << QByteArray(
               R"({"__type":"com.amazonaws.sqs#UnsupportedOperation","message":"The action Frobnicate is not valid for this endpoint."})");
    QTest::newRow("SQS query")
        << QByteArray() << signedFor("sqs") << QByteArray("Action=Frobnicate&QueueUrl=" + queue.toPercentEncoding())
        << QByteArray()
        << QByteArray(
               "<Code>InvalidAction</Code><Message>The action Frobnicate is not valid for this endpoint.</Message>");
    QTest::newRow("SNS")
        << QByteArray() << signedFor("sns") << QByteArray("Action=Frobnicate") << QByteArray()
        << QByteArray(
               "<Code>InvalidAction</Code><Message>The action Frobnicate is not valid for this endpoint.</Message>");
}

void TestAwsServices::unknownOperation()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, errorType);
    QFETCH(QByteArray, answer);
    mEndpoint->addService<FakeService>();
    HttpHeaders headers{
        {"content-type", target.isEmpty() ? "application/x-www-form-urlencoded" : "application/x-amz-json-1.0"}};
    if (!target.isEmpty())
        headers.append(qMakePair(QByteArray("x-amz-target"), target));
    if (!authorization.isEmpty())
        headers.append(qMakePair(QByteArray("authorization"), authorization));
    const HttpResponseData response = send(QStringLiteral("POST"), QStringLiteral("/"), headers, body);
    QCOMPARE(response.status, 400);
    QCOMPARE(headerOf(response, "x-amzn-errortype"), errorType);
    QVERIFY2(response.body.contains(answer), response.body.constData());
}

QTEST_GUILESS_MAIN(TestAwsServices)
#include "tst_awsservices.moc"
