// DynamoDB's expressions and typed values as the local cloud evaluates them, and the
// AWS wire helpers (query protocol shapes, XML answers, SQS attribute MD5, aws-chunked).

#include "cloud/awswire.h"
#include "cloud/dynamoexpression.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// The item every condition is evaluated against.
const char *kItem = R"({"id":{"S":"a-1"},"price":{"N":"12.50"},"count":{"N":"3"},"name":{"S":"Teapot"},
    "tags":{"SS":["kitchen","tea"]},"on":{"BOOL":true},"gone":{"NULL":true},
    "dims":{"M":{"w":{"N":"10"},"h":{"N":"20"},"parts":{"L":[{"S":"lid"},{"S":"pot"}]}}}})";

const char *kValues =
    R"({":ten":{"N":"10"},":twelve5":{"N":"12.5"},":three":{"N":"3"},":tea":{"S":"tea"},":Tea":{"S":"Tea"},
    ":kitchen":{"S":"kitchen"},":lid":{"S":"lid"},":S":{"S":"S"},":SS":{"S":"SS"},":one":{"N":"1"},":big":{"N":"1e2"}})";
} // namespace

class TestDynamoExpression : public QObject
{
    Q_OBJECT

private slots:
    void conditions_data();
    void conditions();
    void syntaxErrors_data();
    void syntaxErrors();
    void undefinedAndUnusedPlaceholders();
    void hostileInputIsRefused();
    void updates_data();
    void updates();
    void updateErrors_data();
    void updateErrors();
    void projection();
    void keyCondition();
    void decimals_data();
    void decimals();
    void valueValidation_data();
    void valueValidation();
    void queryToJson();
    void queryResponseXml();
    void messageAttributeMd5();
    void awsChunked();
};

void TestDynamoExpression::conditions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("expected");
    QTest::newRow("number equal across spellings") << "price = :twelve5" << true;
    QTest::newRow("not equal") << "price <> :ten" << true;
    QTest::newRow("less") << "count < :ten" << true;
    QTest::newRow("less or equal") << "count <= :three" << true;
    QTest::newRow("greater") << "price > :ten" << true;
    QTest::newRow("greater than a bigger exponent") << "price > :big" << false;
    QTest::newRow("greater or equal") << "count >= :ten" << false;
    QTest::newRow("between") << "price BETWEEN :ten AND :big" << true;
    QTest::newRow("in") << "count IN (:one, :three)" << true;
    QTest::newRow("exists") << "attribute_exists(price)" << true;
    QTest::newRow("not exists") << "attribute_not_exists(missing)" << true;
    QTest::newRow("nested exists") << "attribute_exists(dims.w)" << true;
    QTest::newRow("list element") << "dims.parts[0] = :lid" << true;
    QTest::newRow("begins_with") << "begins_with(#n, :Tea)" << true;
    QTest::newRow("begins_with is case sensitive") << "begins_with(#n, :tea)" << false;
    QTest::newRow("contains in a set") << "contains(tags, :kitchen)" << true;
    QTest::newRow("attribute_type") << "attribute_type(tags, :SS)" << true;
    QTest::newRow("attribute_type wrong") << "attribute_type(tags, :S)" << false;
    QTest::newRow("size") << "size(tags) < :three" << true;
    QTest::newRow("and, or, not, parentheses")
        << "(count = :one OR count = :three) AND NOT attribute_exists(missing)" << true;
    QTest::newRow("keywords any case") << "count > :one and not (price < :ten)" << true;
    QTest::newRow("missing attribute compares false") << "missing = :one" << false;
    QTest::newRow("different types compare false") << "name < :ten" << false;
}

void TestDynamoExpression::conditions()
{
    QFETCH(QString, expression);
    QFETCH(bool, expected);
    DynamoExpression::Context context;
    context.values = json(kValues);
    context.names = json(R"({"#n":"name"})");
    DynamoError error;
    const auto parsed = DynamoExpression::parse(DynamoExpression::Kind::Condition, expression, "ConditionExpression",
                                                context, &error);
    QVERIFY2(parsed, qPrintable(error.message));
    QCOMPARE(parsed->matches(json(kItem)), expected);
    // An item that does not exist: only attribute_not_exists holds.
    QCOMPARE(parsed->matches({}), expression.startsWith(QLatin1String("attribute_not_exists")));
}

void TestDynamoExpression::syntaxErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::newRow("dangling operator") << "price >"
                                       << "Syntax error; token: \"<EOF>\"";
    QTest::newRow("two operators") << "price = = :ten"
                                   << "Syntax error; token: \"=\"";
    QTest::newRow("unknown function") << "explode(price)"
                                      << "Invalid function name; function: explode";
    QTest::newRow("stray character") << "price ! :ten"
                                     << "Syntax error; token: \"!\"";
    QTest::newRow("unclosed parenthesis") << "(price = :ten"
                                          << "Syntax error; token: \"<EOF>\"";
    QTest::newRow("empty") << "  "
                           << "The expression can not be empty";
    QTest::newRow("trailing words") << "price = :ten price"
                                    << "Syntax error; token: \"price\"";
}

void TestDynamoExpression::syntaxErrors()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    DynamoExpression::Context context;
    context.values = json(kValues);
    DynamoError error;
    QVERIFY(!DynamoExpression::parse(DynamoExpression::Kind::Condition, expression, "ConditionExpression", context,
                                     &error));
    QCOMPARE(error.type, QStringLiteral("ValidationException"));
    QVERIFY2(error.message.startsWith(QLatin1String("Invalid ConditionExpression: ")), qPrintable(error.message));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
}

void TestDynamoExpression::undefinedAndUnusedPlaceholders()
{
    DynamoExpression::Context context;
    context.values = json(R"({":a":{"N":"1"},":unused":{"N":"2"}})");
    context.names = json(R"({"#p":"price"})");
    DynamoError error;
    QVERIFY(
        !DynamoExpression::parse(DynamoExpression::Kind::Condition, "#q = :a", "ConditionExpression", context, &error));
    QVERIFY(error.message.contains(QLatin1String("attribute name: #q")));
    QVERIFY(
        !DynamoExpression::parse(DynamoExpression::Kind::Condition, "#p = :b", "ConditionExpression", context, &error));
    QVERIFY(error.message.contains(QLatin1String("attribute value: :b")));
    QVERIFY(
        DynamoExpression::parse(DynamoExpression::Kind::Condition, "#p = :a", "ConditionExpression", context, &error));
    const auto unused = context.unused();
    QVERIFY(unused);
    QCOMPARE(unused->message,
             QStringLiteral("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}"));
}

void TestDynamoExpression::hostileInputIsRefused()
{
    DynamoExpression::Context context;
    context.values = json(R"({":a":{"N":"1"}})");
    DynamoError error;
    // DynamoDB's 4 KB expression limit, and nesting bounded well below the stack's.
    const QString huge = QStringLiteral("a = :a OR ").repeated(500) + QStringLiteral("a = :a");
    QVERIFY(!DynamoExpression::parse(DynamoExpression::Kind::Condition, huge, "ConditionExpression", context, &error));
    QVERIFY2(error.message.contains(QLatin1String("maximum allowed size")), qPrintable(error.message));
    const QString deep = QString(1000, QLatin1Char('(')) + QStringLiteral("a = :a") + QString(1000, QLatin1Char(')'));
    QVERIFY(!DynamoExpression::parse(DynamoExpression::Kind::Condition, deep, "ConditionExpression", context, &error));
    QVERIFY2(error.message.contains(QLatin1String("nested")), qPrintable(error.message));
    const QString nots = QStringLiteral("NOT ").repeated(1000) + QStringLiteral("a = :a");
    QVERIFY(!DynamoExpression::parse(DynamoExpression::Kind::Condition, nots, "ConditionExpression", context, &error));
    // Many NOTs and parentheses one after the other are not nesting.
    const QString flat = QStringLiteral("(NOT a = :a) AND ").repeated(100) + QStringLiteral("a = :a");
    QVERIFY2(DynamoExpression::parse(DynamoExpression::Kind::Condition, flat, "ConditionExpression", context, &error),
             qPrintable(error.message));
    // Values nested deeper than DynamoDB's 32 levels.
    QJsonValue value = QJsonObject{{"S", "x"}};
    for (int i = 0; i < 40; ++i)
        value = QJsonObject{{"L", QJsonArray{value}}};
    QCOMPARE(DynamoValue::validate(value), QStringLiteral("Nesting Levels have exceeded supported limits"));
    // A form parameter with thousands of parts is ignored, not followed.
    const QByteArray key = QByteArray("a.").repeated(5000) + "b=1&Action=Publish";
    QCOMPARE(AwsWire::queryToJson(AwsWire::formPairs(key)), json(R"({"Action":"Publish"})"));
}

void TestDynamoExpression::updates_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected"); // the changed attributes, as JSON
    QTest::newRow("set and arithmetic") << "SET price = :ten, #c = #c + :one"
                                        << R"({"price":{"N":"10"},"count":{"N":"4"}})";
    QTest::newRow("subtract to negative") << "SET #c = #c - :ten"
                                          << R"({"count":{"N":"-7"}})";
    QTest::newRow("if_not_exists keeps") << "SET price = if_not_exists(price, :ten)"
                                         << R"({"price":{"N":"12.50"}})";
    QTest::newRow("if_not_exists sets") << "SET fresh = if_not_exists(fresh, :ten)"
                                        << R"({"fresh":{"N":"10"}})";
    QTest::newRow("list_append")
        << "SET dims.parts = list_append(dims.parts, :list)"
        << R"({"dims":{"M":{"w":{"N":"10"},"h":{"N":"20"},"parts":{"L":[{"S":"lid"},{"S":"pot"},{"S":"cosy"}]}}}})";
    QTest::newRow("nested set")
        << "SET dims.w = :one"
        << R"({"dims":{"M":{"w":{"N":"1"},"h":{"N":"20"},"parts":{"L":[{"S":"lid"},{"S":"pot"}]}}}})";
    QTest::newRow("remove top and list element")
        << "REMOVE gone, dims.parts[0]"
        << R"({"gone":null,"dims":{"M":{"w":{"N":"10"},"h":{"N":"20"},"parts":{"L":[{"S":"pot"}]}}}})";
    QTest::newRow("add number to missing") << "ADD visits :one"
                                           << R"({"visits":{"N":"1"}})";
    QTest::newRow("add to set") << "ADD tags :set"
                                << R"({"tags":{"SS":["kitchen","tea","green"]}})";
    QTest::newRow("delete from set") << "DELETE tags :kitchenSet"
                                     << R"({"tags":{"SS":["tea"]}})";
    QTest::newRow("all clauses") << "SET a = :one REMOVE gone ADD #c :one DELETE tags :kitchenSet"
                                 << R"({"a":{"N":"1"},"gone":null,"count":{"N":"4"},"tags":{"SS":["tea"]}})";
}

void TestDynamoExpression::updates()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    DynamoExpression::Context context;
    context.values = json(R"({":ten":{"N":"10"},":one":{"N":"1"},":list":{"L":[{"S":"cosy"}]},
        ":set":{"SS":["green","tea"]},":kitchenSet":{"SS":["kitchen"]}})");
    context.names = json(R"({"#c":"count"})");
    DynamoError error;
    const auto parsed = DynamoExpression::parse(DynamoExpression::Kind::Update, expression, "UpdateExpression", context,
                                                &error);
    QVERIFY2(parsed, qPrintable(error.message));
    QJsonObject item = json(kItem);
    QVERIFY2(parsed->apply(item, &error), qPrintable(error.message));
    QJsonObject want = json(kItem);
    const QJsonObject changes = QJsonDocument::fromJson(expected.toUtf8()).object();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            want.remove(it.key());
        else
            want.insert(it.key(), it.value());
    }
    QCOMPARE(item, want);
}

void TestDynamoExpression::updateErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::newRow("arithmetic on a string") << "SET name = name + :one"
                                            << "incorrect data type";
    QTest::newRow("arithmetic on missing") << "SET nothing = nothing + :one"
                                           << "does not exist";
    QTest::newRow("nested path without parent") << "SET nowhere.inner = :one"
                                                << "invalid for update";
    QTest::newRow("overlapping paths") << "SET dims = :one REMOVE dims.w"
                                       << "overlap";
    QTest::newRow("clause twice") << "SET a = :one SET b = :one"
                                  << "can only be used once";
    QTest::newRow("add a string") << "ADD name :s"
                                  << "incorrect data type";
}

void TestDynamoExpression::updateErrors()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    DynamoExpression::Context context;
    context.values = json(R"({":one":{"N":"1"},":s":{"S":"x"}})");
    DynamoError error;
    const auto parsed = DynamoExpression::parse(DynamoExpression::Kind::Update, expression, "UpdateExpression", context,
                                                &error);
    QJsonObject item = json(kItem);
    const QJsonObject before = item;
    QVERIFY(!parsed || !parsed->apply(item, &error));
    QCOMPARE(error.type, QStringLiteral("ValidationException"));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
}

void TestDynamoExpression::projection()
{
    DynamoExpression::Context context;
    DynamoError error;
    const auto parsed = DynamoExpression::parse(DynamoExpression::Kind::Projection,
                                                "id, dims.h, dims.parts[1], missing", "ProjectionExpression", context,
                                                &error);
    QVERIFY2(parsed, qPrintable(error.message));
    QCOMPARE(parsed->project(json(kItem)),
             json(R"({"id":{"S":"a-1"},"dims":{"M":{"h":{"N":"20"},"parts":{"L":[{"S":"pot"}]}}}})"));
}

void TestDynamoExpression::keyCondition()
{
    DynamoExpression::Context context;
    context.values = json(R"({":d":{"S":"dev"},":a":{"N":"5"}})");
    DynamoError error;
    const auto parsed = DynamoExpression::parse(DynamoExpression::Kind::Condition, "device = :d AND at > :a",
                                                "KeyConditionExpression", context, &error);
    QVERIFY(parsed);
    QCOMPARE(parsed->equalityOn("device").value_or(QJsonValue()), QJsonValue(json(R"({"S":"dev"})")));
    QVERIFY(!parsed->equalityOn("at"));
    QCOMPARE(parsed->attributes(), QStringList({"device", "at"}));
}

void TestDynamoExpression::decimals_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("sum");
    QTest::addColumn<int>("order");
    QTest::newRow("integers") << "2"
                              << "3"
                              << "5" << -1;
    QTest::newRow("fractions") << "0.1"
                               << "0.2"
                               << "0.3" << -1;
    QTest::newRow("38 digits survive") << "12345678901234567890123456789012345678"
                                       << "0"
                                       << "12345678901234567890123456789012345678" << 1;
    QTest::newRow("exponents") << "1e2"
                               << "1.5E1"
                               << "115" << 1;
    QTest::newRow("signs") << "-2.5"
                           << "1"
                           << "-1.5" << -1;
    QTest::newRow("cancel out") << "7.25"
                                << "-7.25"
                                << "0" << 1;
    QTest::newRow("trailing zeros equal") << "12.50"
                                          << "0"
                                          << "12.5" << 1;
    QTest::newRow("tiny") << "0.000001"
                          << "0.000002"
                          << "0.000003" << -1;
}

void TestDynamoExpression::decimals()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, sum);
    QFETCH(int, order);
    QCOMPARE(DynamoValue::addNumbers(a, b).value_or(QStringLiteral("?")), sum);
    QCOMPARE(DynamoValue::compare(QJsonObject{{"N", a}}, QJsonObject{{"N", b}}).value_or(99), order);
    QVERIFY(DynamoValue::equal(QJsonObject{{"N", sum}}, QJsonObject{{"N", DynamoValue::addNumbers(b, a).value()}}));
}

void TestDynamoExpression::valueValidation_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("string") << R"({"S":"x"})" << true;
    QTest::newRow("number") << R"({"N":"-1.5e3"})" << true;
    QTest::newRow("not a number") << R"({"N":"twelve"})" << false;
    QTest::newRow("39 digits") << R"({"N":"123456789012345678901234567890123456789"})" << false;
    QTest::newRow("two types") << R"({"S":"x","N":"1"})" << false;
    QTest::newRow("empty set") << R"({"SS":[]})" << false;
    QTest::newRow("set with duplicates") << R"({"NS":["1","1.0"]})" << false;
    QTest::newRow("nested bad value") << R"({"M":{"a":{"L":[{"BOOL":"yes"}]}}})" << false;
    QTest::newRow("nested good") << R"({"M":{"a":{"L":[{"BOOL":true},{"NULL":true}]}}})" << true;
    QTest::newRow("unknown type") << R"({"X":"1"})" << false;
}

void TestDynamoExpression::valueValidation()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(DynamoValue::validate(QJsonDocument::fromJson(value.toUtf8()).object()).isEmpty(), valid);
}

void TestDynamoExpression::queryToJson()
{
    // SQS and SNS query-protocol parameters, as boto3 sends them.
    const auto pairs = AwsWire::formPairs(
        "Action=SendMessageBatch&QueueUrl=http%3A%2F%2Fh%2Fq"
        "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two+words"
        "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
        "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Name=kind"
        "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=String"
        "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue=x"
        "&AttributeName.1=All&MessageAttributes.entry.1.Name=k&MessageAttributes.entry.1.Value.DataType=String"
        "&Entries.member.1.Id=m1&Entries.member.2.Id=m2");
    const QJsonObject input = AwsWire::queryToJson(pairs);
    QCOMPARE(input.value("QueueUrl").toString(), QStringLiteral("http://h/q"));
    const QJsonArray entries = input.value("Entries").toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].toObject().value("Id").toString(), QStringLiteral("a"));
    QCOMPARE(entries[1].toObject().value("MessageBody").toString(), QStringLiteral("two words"));
    QCOMPARE(entries[0].toObject().value("MessageAttributes").toObject(),
             json(R"({"kind":{"DataType":"String","StringValue":"x"}})"));
    QCOMPARE(input.value("AttributeNames").toArray(), QJsonArray({"All"}));
    QCOMPARE(input.value("MessageAttributes").toObject(), json(R"({"k":{"DataType":"String"}})"));
}

void TestDynamoExpression::queryResponseXml()
{
    const QByteArray xml = AwsWire::queryResponse(
        "ReceiveMessage",
        json(R"({"Messages":[{"MessageId":"m1","Body":"<b>&","Attributes":{"ApproximateReceiveCount":"2"},
                 "MessageAttributes":{"k":{"DataType":"String","StringValue":"v"}}}]})"),
        "http://queue.amazonaws.com/doc/2012-11-05/", "req-1");
    QVERIFY2(xml.contains(
                 "<ReceiveMessageResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"><ReceiveMessageResult>"
                 "<Message>"),
             xml.constData());
    QVERIFY(xml.contains("<Body>&lt;b&gt;&amp;</Body>"));
    QVERIFY(xml.contains("<Attribute><Name>ApproximateReceiveCount</Name><Value>2</Value></Attribute>"));
    QVERIFY(xml.contains("<MessageAttribute><Name>k</Name><Value><DataType>String</DataType><StringValue>v</"
                         "StringValue></Value></MessageAttribute>"));
    QVERIFY(xml.contains("<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"));
    const QByteArray batch = AwsWire::queryResponse("SendMessageBatch",
                                                    json(R"({"Successful":[{"Id":"a"}],"Failed":[]})"), "ns", "r");
    QVERIFY2(batch.contains("<SendMessageBatchResultEntry><Id>a</Id></SendMessageBatchResultEntry>"),
             batch.constData());
    const QByteArray sns = AwsWire::queryResponse("PublishBatch", json(R"({"Successful":[{"Id":"a"}]})"), "ns", "r");
    QVERIFY2(sns.contains("<Successful><member><Id>a</Id></member></Successful>"), sns.constData());
    const QByteArray error = AwsWire::queryError("AWS.SimpleQueueService.NonExistentQueue", "gone", true, "r");
    QVERIFY(error.contains("<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</"
                           "Code><Message>gone</Message></Error>"));
}

void TestDynamoExpression::messageAttributeMd5()
{
    // Computed independently from SQS's documented algorithm.
    const QJsonObject attributes = json(R"({"kind":{"DataType":"String","StringValue":"greeting"},
        "n":{"DataType":"Number","StringValue":"3"},"bin":{"DataType":"Binary","BinaryValue":"AAE="}})");
    QCOMPARE(AwsWire::md5OfMessageAttributes(attributes), QStringLiteral("f1bf6e800cdd17063aaced5e98cfca15"));
    QCOMPARE(AwsWire::md5Hex("hello"), QStringLiteral("5d41402abc4b2a76b9719d911017c592"));
}

void TestDynamoExpression::awsChunked()
{
    const QByteArray body = "3;chunk-signature=abc\r\nabc\r\n3\r\ndef\r\n0\r\nx-amz-checksum-crc32:AAAA\r\n\r\n";
    QCOMPARE(AwsWire::decodeAwsChunked(body).value_or("?"), QByteArray("abcdef"));
    QVERIFY(!AwsWire::decodeAwsChunked("5\r\nabc"));
    QVERIFY(!AwsWire::decodeAwsChunked("zz\r\nabc\r\n0\r\n"));
    QVERIFY(!AwsWire::decodeAwsChunked("3\r\nabcXX0\r\n"));
}

QTEST_GUILESS_MAIN(TestDynamoExpression)
#include "tst_dynamoexpression.moc"
