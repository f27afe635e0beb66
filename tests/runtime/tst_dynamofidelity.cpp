// DynamoDB as AWS answers it (issue 23 item 2): numbers normalised as DynamoDB returns
// them, global and local secondary indexes declared on the table node and read by Query
// and Scan with IndexName (sparse, projected, paged), TransactWriteItems and
// TransactGetItems (all or nothing, cancellation reasons, idempotency tokens on the
// cloud's clock), ReturnValuesOnConditionCheckFailure and ReturnConsumedCapacity; PartiQL
// statements (ExecuteStatement, BatchExecuteStatement) run as the operations they map onto;
// ExecuteTransaction refused by name. Requests go through the endpoint's DynamoDB service as the SDKs send
// them, and the JavaScript v3 SDK (client-dynamodb, lib-dynamodb) and boto3 run
// sdk/dynamo_fidelity.* against a listening endpoint.

#include "cloud/cloudclock.h"
#include "cloudfixture.h"
#include "model/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using namespace Nimbus;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject body;
    QString type() const { return body.value(QStringLiteral("__type")).toString().section(QLatin1Char('#'), -1); }
};

QJsonObject S(const QString &text)
{
    return {{QStringLiteral("S"), text}};
}

QJsonObject N(const QString &text)
{
    return {{QStringLiteral("N"), text}};
}

QString text(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// The users table's indexes: a global one on email (ALL), one on team and score
// (KEYS_ONLY) and one projecting name too (INCLUDE); orders has a local one by date.
const char *kUserIndexes = R"j([
 {"name": "byEmail", "kind": "global", "partitionKey": "email", "partitionKeyType": "S", "projection": "ALL"},
 {"name": "byTeam", "kind": "global", "partitionKey": "team", "partitionKeyType": "S", "sortKey": "score",
  "sortKeyType": "N", "projection": "KEYS_ONLY"},
 {"name": "byTeamWithName", "kind": "global", "partitionKey": "team", "partitionKeyType": "S", "sortKey": "score",
  "sortKeyType": "N", "projection": "INCLUDE", "nonKeyAttributes": ["name"]}
])j";
const char *kOrderIndexes = R"j([
 {"name": "byDate", "kind": "local", "partitionKey": "customer", "partitionKeyType": "S", "sortKey": "date",
  "sortKeyType": "N", "projection": "KEYS_ONLY"}
])j";

} // namespace

class TestDynamoFidelity : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void numbersNormalised_data();
    void numbersNormalised();
    void numbersRefused_data();
    void numbersRefused();
    void numericKeysCompareByValue();
    void indexQuery_data();
    void indexQuery();
    void indexPagination_data();
    void indexPagination();
    void indexFollowsWrites();
    void indexKeysOfWrongTypesRefused_data();
    void indexKeysOfWrongTypesRefused();
    void indexRefusals_data();
    void indexRefusals();
    void describeTableListsIndexes();
    void badIndexDeclarationIsRefused();
    void validatorChecksIndexes_data();
    void validatorChecksIndexes();
    void transactionWritesAll();
    void transactionFailingConditionWritesNothing();
    void transactionRefusals_data();
    void transactionRefusals();
    void transactionIdempotency();
    void transactGetItems();
    void conditionFailureReturnsItem_data();
    void conditionFailureReturnsItem();
    void consumedCapacity_data();
    void consumedCapacity();
    void partiql_data();
    void partiql();
    void partiqlPagesAndBatches();
    void partiqlTransactionRefusedByName();
    void legacyParametersRefusedByName_data();
    void legacyParametersRefusedByName();
    void sdkForJavaScript();
    void boto3();
    // Over the endpoint's socket a body is parsed on the connection's thread: what the
    // cloud's thread then serves must be what it would have parsed itself.
    void bodiesOverHttp_data();
    void bodiesOverHttp();

private:
    Answer call(const char *operation, const QJsonObject &input);
    void put(const char *table, const QJsonObject &item);
    QJsonObject get(const char *table, const QJsonObject &key);
    int changes(const QString &table) const;
    void seedUsers();
    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    ManualClock mClock;
};

void TestDynamoFidelity::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    Project &project = mLocal->project;
    const auto table = [&](const QString &name, const QJsonObject &properties) {
        const NodeId id = project.addNode(QStringLiteral("table"), {}, name).valueOr(kInvalidNodeId);
        for (auto it = properties.begin(); it != properties.end(); ++it)
            QVERIFY(project.setNodeProperty(id, it.key(), it.value()));
    };
    table(QStringLiteral("users"), {{"partitionKey", "id"}, {"indexes", QString::fromUtf8(kUserIndexes)}});
    table(QStringLiteral("orders"),
          {{"partitionKey", "customer"}, {"sortKey", "orderId"}, {"indexes", QString::fromUtf8(kOrderIndexes)}});
    table(QStringLiteral("accounts"), {{"partitionKey", "id"}});
    table(QStringLiteral("readings"), {{"partitionKey", "sensor"}, {"sortKey", "at"}, {"sortKeyType", "N"}});
    mClock.set(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    mLocal->cloud->setClock(&mClock);
    const QString test = QString::fromLatin1(QTest::currentTestFunction());
    const bool sdk = test == QLatin1String("sdkForJavaScript") || test == QLatin1String("boto3")
                     || test == QLatin1String("bodiesOverHttp");
    if (!sdk)
        mLocal->endpoint = std::make_unique<AwsEndpoint>(*mLocal->cloud);
    // The SDK for JavaScript talks to the endpoint as `nimbus serve` runs it: some of its
    // connections are read and served on the cloud's own thread, without a hop.
    mLocal->endpointConnectionsOnOwnThread = test == QLatin1String("sdkForJavaScript");
    QVERIFY2(mLocal->start(sdk ? NimbusTest::LocalCloudFixture::Endpoint : NimbusTest::LocalCloudFixture::NoServer),
             qPrintable(mLocal->error));
}

void TestDynamoFidelity::cleanup()
{
    mLocal.reset();
}

Answer TestDynamoFidelity::call(const char *operation, const QJsonObject &input)
{
    AwsRequest request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/");
    request.headers = {{"content-type", "application/x-amz-json-1.0"},
                       {"x-amz-target", QByteArray("DynamoDB_20120810.") + operation},
                       {"host", "127.0.0.1:4566"}};
    request.host = QStringLiteral("127.0.0.1");
    request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    auto answer = std::make_shared<std::optional<HttpResponseData>>();
    mLocal->endpoint->handle(request, [answer](const HttpResponseData &r) { *answer = r; });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, 5000))
        return {};
    return {(*answer)->status, QJsonDocument::fromJson((*answer)->body).object()};
}

void TestDynamoFidelity::put(const char *table, const QJsonObject &item)
{
    const Answer a = call("PutItem", {{"TableName", table}, {"Item", item}});
    QVERIFY2(a.status == 200, qPrintable(text(a.body)));
}

QJsonObject TestDynamoFidelity::get(const char *table, const QJsonObject &key)
{
    return call("GetItem", {{"TableName", table}, {"Key", key}, {"ConsistentRead", true}})
        .body.value(QStringLiteral("Item"))
        .toObject();
}

int TestDynamoFidelity::changes(const QString &table) const
{
    return int(mLocal->entries(CloudLogEntry::Kind::ServiceChange, table).size());
}

void TestDynamoFidelity::seedUsers()
{
    // u5 has no email and no team: it is in no index; u6 has a team but no score, the sort
    // key of byTeam: it is not in that one either (sparse indexes).
    const struct
    {
        const char *id, *email, *team, *score, *name;
    } users[] = {
        {"u1", "ann@x.org", "red", "30", "Ann"}, {"u2", "bob@x.org", "red", "10", "Bob"},
        {"u3", "cy@x.org", "blue", "20", "Cy"},  {"u4", nullptr, "red", "20", "Di"},
        {"u5", nullptr, nullptr, nullptr, "Ed"}, {"u6", nullptr, "red", nullptr, "Fay"},
    };
    for (const auto &u : users) {
        QJsonObject item{{"id", S(QString::fromLatin1(u.id))},
                         {"name", S(QString::fromLatin1(u.name))},
                         {"bio", S(QStringLiteral("not projected"))}};
        if (u.email)
            item.insert(QStringLiteral("email"), S(QString::fromLatin1(u.email)));
        if (u.team)
            item.insert(QStringLiteral("team"), S(QString::fromLatin1(u.team)));
        if (u.score)
            item.insert(QStringLiteral("score"), N(QString::fromLatin1(u.score)));
        put("users", item);
    }
}

void TestDynamoFidelity::numbersNormalised_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("returned");
    QTest::newRow("trailing zero") << "1.50"
                                   << "1.5";
    QTest::newRow("leading zeros") << "007"
                                   << "7";
    QTest::newRow("exponent") << "1E+2"
                              << "100";
    QTest::newRow("negative zero") << "-0"
                                   << "0";
    QTest::newRow("zero with decimals") << "0.000"
                                        << "0";
    QTest::newRow("negative exponent") << "-1.2300E-2"
                                       << "-0.0123";
    QTest::newRow("38 digits kept") << "12345678901234567890123456789012345678"
                                    << "12345678901234567890123456789012345678";
    QTest::newRow("fraction without zero") << ".5"
                                           << "0.5";
}

void TestDynamoFidelity::numbersNormalised()
{
    QFETCH(QString, written);
    QFETCH(QString, returned);
    // Top level, in a map, in a list and in a number set; by PutItem and by UpdateItem's SET.
    put("accounts", {{"id", S(QStringLiteral("n"))},
                     {"n", N(written)},
                     {"m", QJsonObject{{"M", QJsonObject{{"inner", N(written)}}}}},
                     {"l", QJsonObject{{"L", QJsonArray{N(written)}}}},
                     {"ns", QJsonObject{{"NS", QJsonArray{written}}}}});
    QJsonObject item = get("accounts", {{"id", S(QStringLiteral("n"))}});
    QCOMPARE(item.value("n").toObject().value("N").toString(), returned);
    QCOMPARE(item.value("m")["M"]["inner"]["N"].toString(), returned);
    QCOMPARE(item.value("l")["L"][0]["N"].toString(), returned);
    QCOMPARE(item.value("ns")["NS"][0].toString(), returned);
    const Answer updated = call("UpdateItem", {{"TableName", "accounts"},
                                               {"Key", QJsonObject{{"id", S(QStringLiteral("n"))}}},
                                               {"UpdateExpression", "SET u = :v"},
                                               {"ExpressionAttributeValues", QJsonObject{{":v", N(written)}}},
                                               {"ReturnValues", "UPDATED_NEW"}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.body["Attributes"]["u"]["N"].toString(), returned);
    QCOMPARE(get("accounts", {{"id", S(QStringLiteral("n"))}}).value("u")["N"].toString(), returned);
}

void TestDynamoFidelity::numbersRefused_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("message");
    QTest::newRow("39 digits") << "123456789012345678901234567890123456789"
                               << "38 significant digits";
    QTest::newRow("too large") << "1E+126"
                               << "Number overflow";
    QTest::newRow("too small") << "1E-131"
                               << "Number underflow";
    QTest::newRow("not a number") << "12abc"
                                  << "cannot be converted into a number";
}

void TestDynamoFidelity::numbersRefused()
{
    QFETCH(QString, number);
    QFETCH(QString, message);
    const Answer a = call("PutItem",
                          {{"TableName", "accounts"}, {"Item", QJsonObject{{"id", S("x")}, {"n", N(number)}}}});
    QCOMPARE(a.status, 400);
    QCOMPARE(a.type(), QStringLiteral("ValidationException"));
    QVERIFY2(a.body.value("message").toString().contains(message), qPrintable(text(a.body)));
    QVERIFY(get("accounts", {{"id", S("x")}}).isEmpty());
}

void TestDynamoFidelity::numericKeysCompareByValue()
{
    // 007 and 7 are one key; sort keys are in numeric order, not text order.
    put("readings", {{"sensor", S("s")}, {"at", N("10")}, {"v", S("ten")}});
    put("readings", {{"sensor", S("s")}, {"at", N("9")}, {"v", S("nine")}});
    put("readings", {{"sensor", S("s")}, {"at", N("007")}, {"v", S("seven")}});
    put("readings", {{"sensor", S("s")}, {"at", N("7.0")}, {"v", S("seven again")}});
    const Answer q = call("Query", {{"TableName", "readings"},
                                    {"KeyConditionExpression", "sensor = :s"},
                                    {"ExpressionAttributeValues", QJsonObject{{":s", S("s")}}}});
    QCOMPARE(q.status, 200);
    QStringList order;
    for (const QJsonValue &item : q.body.value("Items").toArray())
        order.append(item["at"]["N"].toString() + QLatin1Char('=') + item["v"]["S"].toString());
    QCOMPARE(order, QStringList({"7=seven again", "9=nine", "10=ten"}));
}

void TestDynamoFidelity::indexQuery_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("expected"); // items as "id:attr,attr" joined by ' '

    QTest::newRow("global, ALL") << "users"
                                 << parse(R"j({"IndexName": "byEmail", "KeyConditionExpression": "email = :e",
                                       "ExpressionAttributeValues": {":e": {"S": "bob@x.org"}}})j")
                                 << "u2:bio,email,id,name,score,team";
    QTest::newRow("global, KEYS_ONLY, sort order")
        << "users" << parse(R"j({"IndexName": "byTeam", "KeyConditionExpression": "team = :t",
                                       "ExpressionAttributeValues": {":t": {"S": "red"}}})j")
        << "u2:id,score,team u4:id,score,team u1:id,score,team";
    QTest::newRow("global, INCLUDE, descending, sort condition")
        << "users" << parse(R"j({"IndexName": "byTeamWithName", "KeyConditionExpression": "team = :t AND score >= :s",
                 "ScanIndexForward": false,
                 "ExpressionAttributeValues": {":t": {"S": "red"}, ":s": {"N": "20"}}})j")
        << "u1:id,name,score,team u4:id,name,score,team";
    QTest::newRow("global, filter on a projected attribute")
        << "users" << parse(R"j({"IndexName": "byTeamWithName", "KeyConditionExpression": "team = :t",
                 "FilterExpression": "#n = :n", "ExpressionAttributeNames": {"#n": "name"},
                 "ExpressionAttributeValues": {":t": {"S": "red"}, ":n": {"S": "Di"}}})j")
        << "u4:id,name,score,team";
    QTest::newRow("scan of a sparse index") << "users" << parse(R"j({"IndexName": "byEmail"})j")
                                            << "u1:bio,email,id,name,score,team u2:bio,email,id,name,score,team "
                                               "u3:bio,email,id,name,score,team";
    QTest::newRow("scan of a KEYS_ONLY index") << "users" << parse(R"j({"IndexName": "byTeam"})j")
                                               << "u3:id,score,team u2:id,score,team u4:id,score,team u1:id,score,team";
    QTest::newRow("local, KEYS_ONLY") << "orders"
                                      << parse(R"j({"IndexName": "byDate", "KeyConditionExpression": "customer = :c",
                                       "ExpressionAttributeValues": {":c": {"S": "c1"}}})j")
                                      << "o3:customer,date,orderId o1:customer,date,orderId";
    QTest::newRow("local, ALL_ATTRIBUTES fetches from the table")
        << "orders" << parse(R"j({"IndexName": "byDate", "KeyConditionExpression": "customer = :c AND #d < :d",
                 "Select": "ALL_ATTRIBUTES", "ExpressionAttributeNames": {"#d": "date"},
                 "ExpressionAttributeValues": {":c": {"S": "c1"}, ":d": {"N": "200"}}})j")
        << "o3:customer,date,orderId,total";
}

void TestDynamoFidelity::indexQuery()
{
    QFETCH(QString, table);
    QFETCH(QJsonObject, request);
    QFETCH(QString, expected);
    seedUsers();
    // o2 has no date: not in byDate.
    put("orders", {{"customer", S("c1")}, {"orderId", S("o1")}, {"date", N("300")}, {"total", N("5")}});
    put("orders", {{"customer", S("c1")}, {"orderId", S("o2")}, {"total", N("6")}});
    put("orders", {{"customer", S("c1")}, {"orderId", S("o3")}, {"date", N("100")}, {"total", N("7")}});
    put("orders", {{"customer", S("c2")}, {"orderId", S("o4")}, {"date", N("50")}, {"total", N("8")}});
    request.insert(QStringLiteral("TableName"), table);
    const bool scan = !request.contains(QStringLiteral("KeyConditionExpression"));
    const Answer a = call(scan ? "Scan" : "Query", request);
    QVERIFY2(a.status == 200, qPrintable(text(a.body)));
    const QString idName = table == QLatin1String("users") ? QStringLiteral("id") : QStringLiteral("orderId");
    QStringList got;
    for (const QJsonValue &value : a.body.value("Items").toArray()) {
        QStringList names = value.toObject().keys();
        names.sort();
        got.append(value[idName]["S"].toString() + QLatin1Char(':') + names.join(QLatin1Char(',')));
    }
    QCOMPARE(got.join(QLatin1Char(' ')), expected);
    QCOMPARE(a.body.value("Count").toInt(), int(got.size()));
}

void TestDynamoFidelity::indexPagination_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("limit");
    QTest::newRow("query, 2 a page") << "Query" << 2;
    QTest::newRow("query, 1 a page") << "Query" << 1;
    QTest::newRow("scan, 2 a page") << "Scan" << 2;
    QTest::newRow("scan, 3 a page") << "Scan" << 3;
}

void TestDynamoFidelity::indexPagination()
{
    QFETCH(QString, operation);
    QFETCH(int, limit);
    // Seven users of one team, two with the same score: the page key holds the table's key too.
    const char *scores[] = {"5", "3", "3", "9", "1", "7", "3"};
    for (int i = 0; i < 7; ++i)
        put("users", {{"id", S(QStringLiteral("p%1").arg(i))}, {"team", S("green")}, {"score", N(scores[i])}});
    QJsonObject request{{"TableName", "users"}, {"IndexName", "byTeam"}, {"Limit", limit}};
    if (operation == QLatin1String("Query")) {
        request.insert("KeyConditionExpression", "team = :t");
        request.insert("ExpressionAttributeValues", QJsonObject{{":t", S("green")}});
    }
    QStringList got;
    int pages = 0;
    for (;;) {
        const Answer a = call(operation.toLatin1().constData(), request);
        QVERIFY2(a.status == 200, qPrintable(text(a.body)));
        ++pages;
        for (const QJsonValue &item : a.body.value("Items").toArray())
            got.append(item["id"]["S"].toString());
        if (!a.body.contains("LastEvaluatedKey"))
            break;
        const QJsonObject last = a.body.value("LastEvaluatedKey").toObject();
        QStringList names = last.keys();
        names.sort();
        QCOMPARE(names, QStringList({"id", "score", "team"}));
        request.insert("ExclusiveStartKey", last);
        QVERIFY(pages < 20);
    }
    QCOMPARE(got, QStringList({"p4", "p1", "p2", "p6", "p0", "p5", "p3"}));
    // The last page says that none remain (no LastEvaluatedKey).
    QCOMPARE(pages, (7 + limit - 1) / limit);
}

void TestDynamoFidelity::indexFollowsWrites()
{
    seedUsers();
    const auto emails = [&] {
        QStringList ids;
        const Answer a = call("Scan", {{"TableName", "users"}, {"IndexName", "byEmail"}});
        for (const QJsonValue &item : a.body.value("Items").toArray())
            ids.append(item["id"]["S"].toString() + QLatin1Char('=') + item["email"]["S"].toString());
        return ids;
    };
    QCOMPARE(emails(), QStringList({"u1=ann@x.org", "u2=bob@x.org", "u3=cy@x.org"}));
    // UpdateItem gives u5 an email and changes u1's; DeleteItem removes u2; a batch adds
    // u6 and removes u3's email by replacing the item; a transaction adds u7.
    QCOMPARE(call("UpdateItem", {{"TableName", "users"},
                                 {"Key", QJsonObject{{"id", S("u5")}}},
                                 {"UpdateExpression", "SET email = :e"},
                                 {"ExpressionAttributeValues", QJsonObject{{":e", S("aa@x.org")}}}})
                 .status,
             200);
    QCOMPARE(call("UpdateItem", {{"TableName", "users"},
                                 {"Key", QJsonObject{{"id", S("u1")}}},
                                 {"UpdateExpression", "SET email = :e"},
                                 {"ExpressionAttributeValues", QJsonObject{{":e", S("zed@x.org")}}}})
                 .status,
             200);
    QCOMPARE(call("DeleteItem", {{"TableName", "users"}, {"Key", QJsonObject{{"id", S("u2")}}}}).status, 200);
    const QJsonObject batch{
        {"users",
         QJsonArray{
             QJsonObject{{"PutRequest", QJsonObject{{"Item", QJsonObject{{"id", S("u6")}, {"email", S("b@x.org")}}}}}},
             QJsonObject{{"PutRequest", QJsonObject{{"Item", QJsonObject{{"id", S("u3")}}}}}}}}};
    QCOMPARE(call("BatchWriteItem", {{"RequestItems", batch}}).status, 200);
    QCOMPARE(call("TransactWriteItems",
                  {{"TransactItems",
                    QJsonArray{QJsonObject{
                        {"Put", QJsonObject{{"TableName", "users"},
                                            {"Item", QJsonObject{{"id", S("u7")}, {"email", S("c@x.org")}}}}}}}}})
                 .status,
             200);
    QCOMPARE(emails(), QStringList({"u5=aa@x.org", "u6=b@x.org", "u7=c@x.org", "u1=zed@x.org"}));
    // The query by the old email finds nothing, by the new one the item.
    const auto byEmail = [&](const char *email) {
        return call("Query", {{"TableName", "users"},
                              {"IndexName", "byEmail"},
                              {"KeyConditionExpression", "email = :e"},
                              {"ExpressionAttributeValues", QJsonObject{{":e", S(email)}}}})
            .body.value("Count")
            .toInt();
    };
    QCOMPARE(byEmail("ann@x.org"), 0);
    QCOMPARE(byEmail("zed@x.org"), 1);
    // Time to Live: an expired item leaves the index with the table.
    QVERIFY(call("UpdateTimeToLive",
                 {{"TableName", "users"},
                  {"TimeToLiveSpecification", QJsonObject{{"AttributeName", "expires"}, {"Enabled", true}}}})
                .status
            == 200);
    QCOMPARE(call("UpdateItem", {{"TableName", "users"},
                                 {"Key", QJsonObject{{"id", S("u7")}}},
                                 {"UpdateExpression", "SET expires = :x"},
                                 {"ExpressionAttributeValues", QJsonObject{{":x", N("1000")}}}})
                 .status,
             200);
    QVERIFY(QTest::qWaitFor([&] { return byEmail("c@x.org") == 0; }, 10000));
}

void TestDynamoFidelity::indexKeysOfWrongTypesRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("message");
    const QString mismatch = QStringLiteral("Type mismatch for Index Key ");
    QTest::newRow("PutItem") << "PutItem"
                             << parse(R"j({"TableName": "users", "Item": {"id": {"S": "w"}, "email": {"N": "1"}}})j")
                             << mismatch + "email Expected: S Actual: N IndexName: byEmail";
    QTest::newRow("UpdateItem") << "UpdateItem" << parse(R"j({"TableName": "users", "Key": {"id": {"S": "w"}},
        "UpdateExpression": "SET score = :s", "ExpressionAttributeValues": {":s": {"S": "high"}}})j")
                                << mismatch + "score Expected: N Actual: S IndexName: byTeam";
    QTest::newRow("BatchWriteItem, an empty index key")
        << "BatchWriteItem"
        << parse(R"j({"RequestItems": {"users": [{"PutRequest": {"Item": {"id": {"S": "w"}, "team": {"S": ""}}}}]}})j")
        << "cannot contain an empty string value. IndexName: byTeam, IndexKey: team";
    QTest::newRow("TransactWriteItems") << "TransactWriteItems"
                                        << parse(R"j({"TransactItems": [{"Put": {"TableName": "orders",
        "Item": {"customer": {"S": "c"}, "orderId": {"S": "w"}, "date": {"S": "today"}}}}]})j")
                                        << mismatch + "date Expected: N Actual: S IndexName: byDate";
}

void TestDynamoFidelity::indexKeysOfWrongTypesRefused()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, request);
    QFETCH(QString, message);
    const Answer a = call(operation.toLatin1().constData(), request);
    QCOMPARE(a.status, 400);
    QCOMPARE(a.type(), QStringLiteral("ValidationException"));
    QVERIFY2(a.body.value("message").toString().contains(message), qPrintable(text(a.body)));
    QVERIFY(get("users", {{"id", S("w")}}).isEmpty());
    QVERIFY(get("orders", {{"customer", S("c")}, {"orderId", S("w")}}).isEmpty());
}

void TestDynamoFidelity::indexRefusals_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown index") << parse(R"j({"IndexName": "byNothing", "KeyConditionExpression": "email = :e",
        "ExpressionAttributeValues": {":e": {"S": "a"}}})j")
                                   << "The table does not have the specified index: byNothing";
    QTest::newRow("consistent read on a global index")
        << parse(R"j({"IndexName": "byEmail", "ConsistentRead": true, "KeyConditionExpression": "email = :e",
        "ExpressionAttributeValues": {":e": {"S": "a"}}})j")
        << "Consistent reads are not supported on global secondary indexes";
    QTest::newRow("ALL_ATTRIBUTES of a KEYS_ONLY global index")
        << parse(R"j({"IndexName": "byTeam", "Select": "ALL_ATTRIBUTES", "KeyConditionExpression": "team = :t",
        "ExpressionAttributeValues": {":t": {"S": "a"}}})j")
        << "Select type ALL_ATTRIBUTES is not supported for global secondary index byTeam";
    QTest::newRow("the table's key on an index")
        << parse(R"j({"IndexName": "byEmail", "KeyConditionExpression": "id = :e",
        "ExpressionAttributeValues": {":e": {"S": "a"}}})j")
        << "Query condition missed key schema element: email";
    QTest::newRow("start key without the index's key")
        << parse(R"j({"IndexName": "byTeam", "KeyConditionExpression": "team = :t",
        "ExclusiveStartKey": {"id": {"S": "u1"}}, "ExpressionAttributeValues": {":t": {"S": "a"}}})j")
        << "The provided starting key is invalid";
}

void TestDynamoFidelity::indexRefusals()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, message);
    request.insert("TableName", "users");
    const Answer a = call("Query", request);
    QCOMPARE(a.status, 400);
    QCOMPARE(a.type(), QStringLiteral("ValidationException"));
    QVERIFY2(a.body.value("message").toString().contains(message), qPrintable(text(a.body)));
}

void TestDynamoFidelity::describeTableListsIndexes()
{
    seedUsers();
    const Answer a = call("DescribeTable", {{"TableName", "users"}});
    QCOMPARE(a.status, 200);
    const QJsonArray globals = a.body["Table"]["GlobalSecondaryIndexes"].toArray();
    QCOMPARE(globals.size(), 3);
    QCOMPARE(globals.at(0)["IndexName"].toString(), QStringLiteral("byEmail"));
    QCOMPARE(globals.at(0)["ItemCount"].toInt(), 3);
    QCOMPARE(globals.at(0)["IndexStatus"].toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(globals.at(1)["KeySchema"].toArray(),
             QJsonArray({QJsonObject{{"AttributeName", "team"}, {"KeyType", "HASH"}},
                         QJsonObject{{"AttributeName", "score"}, {"KeyType", "RANGE"}}}));
    QCOMPARE(globals.at(2)["Projection"].toObject(),
             QJsonObject({{"ProjectionType", "INCLUDE"}, {"NonKeyAttributes", QJsonArray{"name"}}}));
    QStringList defined;
    for (const QJsonValue &d : a.body["Table"]["AttributeDefinitions"].toArray())
        defined.append(d["AttributeName"].toString() + QLatin1Char(':') + d["AttributeType"].toString());
    QCOMPARE(defined, QStringList({"id:S", "email:S", "team:S", "score:N"}));
    const Answer orders = call("DescribeTable", {{"TableName", "orders"}});
    QCOMPARE(orders.body["Table"]["LocalSecondaryIndexes"][0]["IndexName"].toString(), QStringLiteral("byDate"));
    QVERIFY(!orders.body["Table"].toObject().contains("GlobalSecondaryIndexes"));
}

void TestDynamoFidelity::badIndexDeclarationIsRefused()
{
    // A local index on a table without a sort key cannot be: the table's reads say why.
    const NodeId accounts = mLocal->project.architecture().nodeByName(QStringLiteral("accounts"))->id;
    QVERIFY(mLocal->project.setNodeProperty(
        accounts, QStringLiteral("indexes"),
        QStringLiteral(R"j([{"name": "byX", "kind": "local", "partitionKey": "id", "sortKey": "x"}])j")));
    const Answer a = call("Query", {{"TableName", "accounts"},
                                    {"IndexName", "byX"},
                                    {"KeyConditionExpression", "id = :i"},
                                    {"ExpressionAttributeValues", QJsonObject{{":i", S("a")}}}});
    QCOMPARE(a.status, 400);
    QVERIFY2(a.body.value("message").toString().contains("the local index byX needs a table with a sort key"),
             qPrintable(text(a.body)));
}

void TestDynamoFidelity::validatorChecksIndexes_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("indexes");
    QTest::addColumn<QString>("problem"); // empty: none
    QTest::newRow("the test's global indexes") << "users" << QString::fromUtf8(kUserIndexes) << "";
    QTest::newRow("the test's local index") << "orders" << QString::fromUtf8(kOrderIndexes) << "";
    QTest::newRow("not JSON") << "users"
                              << "[{"
                              << "not a JSON array";
    QTest::newRow("local without a table sort key") << "accounts"
                                                    << R"j([{"name": "byX", "kind": "local", "sortKey": "x"}])j"
                                                    << "needs a table with a sort key";
    QTest::newRow("no partition key") << "users"
                                      << R"j([{"name": "byX"}])j"
                                      << "needs a partition key";
    QTest::newRow("a key of another type than the table's")
        << "users"
        << R"j([{"name": "byId", "partitionKey": "id", "partitionKeyType": "N"}])j"
        << "another type than the table's";
    QTest::newRow("INCLUDE without attributes")
        << "users"
        << R"j([{"name": "byX", "partitionKey": "x", "projection": "INCLUDE"}])j"
        << "names no nonKeyAttributes";
    QTest::newRow("two of one name")
        << "users"
        << R"j([{"name": "byX", "partitionKey": "x"}, {"name": "byX", "partitionKey": "y"}])j"
        << "two indexes are named byX";
    QTest::newRow("a short name") << "users"
                                  << R"j([{"name": "x", "partitionKey": "x"}])j"
                                  << "is not 3 to 255 letters";
}

void TestDynamoFidelity::validatorChecksIndexes()
{
    QFETCH(QString, table);
    QFETCH(QString, indexes);
    QFETCH(QString, problem);
    const NodeId id = mLocal->project.architecture().nodeByName(table)->id;
    QVERIFY(mLocal->project.setNodeProperty(id, QStringLiteral("indexes"), indexes));
    QStringList found;
    for (const Diagnostic &d : Validator(mLocal->project.catalog(), mLocal->project.architecture()).validate())
        if (d.code == QLatin1String("invalid-indexes"))
            found.append(d.message);
    if (problem.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    } else {
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().contains(problem), qPrintable(found.first()));
    }
}

void TestDynamoFidelity::transactionWritesAll()
{
    put("accounts", {{"id", S("a")}, {"balance", N("100")}});
    put("accounts", {{"id", S("b")}, {"balance", N("5")}});
    put("accounts", {{"id", S("gone")}});
    const int before = changes(QStringLiteral("accounts"));
    const Answer a = call("TransactWriteItems", QJsonDocument::fromJson(R"j({"TransactItems": [
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "a"}}, "UpdateExpression": "SET balance = balance - :x",
                    "ConditionExpression": "balance >= :x", "ExpressionAttributeValues": {":x": {"N": "30"}}}},
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "b"}}, "UpdateExpression": "ADD balance :x",
                    "ExpressionAttributeValues": {":x": {"N": "30.0"}}}},
        {"Put": {"TableName": "accounts", "Item": {"id": {"S": "log"}, "amount": {"N": "030"}},
                 "ConditionExpression": "attribute_not_exists(id)"}},
        {"Delete": {"TableName": "accounts", "Key": {"id": {"S": "gone"}}}},
        {"ConditionCheck": {"TableName": "users", "Key": {"id": {"S": "nobody"}},
                            "ConditionExpression": "attribute_not_exists(id)"}}
    ]})j")
                                                    .object());
    QVERIFY2(a.status == 200, qPrintable(text(a.body)));
    QCOMPARE(get("accounts", {{"id", S("a")}}).value("balance")["N"].toString(), QStringLiteral("70"));
    QCOMPARE(get("accounts", {{"id", S("b")}}).value("balance")["N"].toString(), QStringLiteral("35"));
    QCOMPARE(get("accounts", {{"id", S("log")}}).value("amount")["N"].toString(), QStringLiteral("30"));
    QVERIFY(get("accounts", {{"id", S("gone")}}).isEmpty());
    // One change (a stream record) for each write, none for the condition check.
    QCOMPARE(changes(QStringLiteral("accounts")) - before, 4);
    QCOMPARE(changes(QStringLiteral("users")), 0);
}

void TestDynamoFidelity::transactionFailingConditionWritesNothing()
{
    put("accounts", {{"id", S("a")}, {"balance", N("10")}});
    put("accounts", {{"id", S("b")}, {"balance", N("5")}});
    const int before = changes(QStringLiteral("accounts"));
    const Answer a = call("TransactWriteItems", QJsonDocument::fromJson(R"j({"TransactItems": [
        {"Put": {"TableName": "accounts", "Item": {"id": {"S": "new"}}}},
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "b"}}, "UpdateExpression": "SET balance = :z",
                    "ExpressionAttributeValues": {":z": {"N": "0"}}}},
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "a"}}, "UpdateExpression": "SET balance = balance - :x",
                    "ConditionExpression": "balance >= :x", "ExpressionAttributeValues": {":x": {"N": "30"}},
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
        {"ConditionCheck": {"TableName": "accounts", "Key": {"id": {"S": "missing"}},
                            "ConditionExpression": "attribute_exists(id)"}}
    ]})j")
                                                    .object());
    QCOMPARE(a.status, 400);
    QCOMPARE(a.type(), QStringLiteral("TransactionCanceledException"));
    QVERIFY2(
        a.body.value("message").toString().contains("[None, None, ConditionalCheckFailed, ConditionalCheckFailed]"),
        qPrintable(text(a.body)));
    const QJsonArray reasons = a.body.value("CancellationReasons").toArray();
    QCOMPARE(reasons.size(), 4);
    QCOMPARE(reasons.at(0).toObject(), QJsonObject({{"Code", "None"}}));
    QCOMPARE(reasons.at(1).toObject(), QJsonObject({{"Code", "None"}}));
    QCOMPARE(reasons.at(2)["Code"].toString(), QStringLiteral("ConditionalCheckFailed"));
    QCOMPARE(reasons.at(2)["Item"].toObject(), QJsonObject({{"id", S("a")}, {"balance", N("10")}}));
    QVERIFY(!reasons.at(3).toObject().contains("Item"));
    // Nothing written, nothing streamed.
    QVERIFY(get("accounts", {{"id", S("new")}}).isEmpty());
    QCOMPARE(get("accounts", {{"id", S("b")}}).value("balance")["N"].toString(), QStringLiteral("5"));
    QCOMPARE(get("accounts", {{"id", S("a")}}).value("balance")["N"].toString(), QStringLiteral("10"));
    QCOMPARE(changes(QStringLiteral("accounts")), before);
}

void TestDynamoFidelity::transactionRefusals_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonArray>("items");
    QTest::addColumn<QString>("message");
    const QJsonObject putA{{"Put", QJsonObject{{"TableName", "accounts"}, {"Item", QJsonObject{{"id", S("a")}}}}}};
    QTest::newRow("two actions on one item")
        << "TransactWriteItems"
        << QJsonArray{putA, QJsonObject{{"Delete",
                                         QJsonObject{{"TableName", "accounts"}, {"Key", QJsonObject{{"id", S("a")}}}}}}}
        << "Transaction request cannot include multiple operations on one item";
    QJsonArray many;
    for (int i = 0; i < 101; ++i)
        many.append(QJsonObject{
            {"Put", QJsonObject{{"TableName", "accounts"}, {"Item", QJsonObject{{"id", S(QString::number(i))}}}}}});
    QTest::newRow("101 actions") << "TransactWriteItems" << many << "Member must have length less than or equal to 100";
    QTest::newRow("no actions") << "TransactWriteItems" << QJsonArray() << "Member must have length";
    QTest::newRow("two kinds in one action")
        << "TransactWriteItems"
        << QJsonArray{QJsonObject{{"Put", putA.value("Put")}, {"Delete", QJsonObject{{"TableName", "accounts"}}}}}
        << "TransactItems can only contain one of";
    QTest::newRow("update without an expression")
        << "TransactWriteItems"
        << QJsonArray{QJsonObject{
               {"Update", QJsonObject{{"TableName", "accounts"}, {"Key", QJsonObject{{"id", S("a")}}}}}}}
        << "updateExpression";
    QTest::newRow("a key of the wrong type")
        << "TransactGetItems"
        << QJsonArray{QJsonObject{
               {"Get", QJsonObject{{"TableName", "accounts"}, {"Key", QJsonObject{{"id", N("1")}}}}}}}
        << "The provided key element does not match the schema";
    QJsonObject big{{"id", S("big")}, {"blob", S(QString(390 * 1024, QLatin1Char('x')))}};
    QJsonArray heavy;
    for (int i = 0; i < 11; ++i) {
        big.insert("id", S(QStringLiteral("big%1").arg(i)));
        heavy.append(QJsonObject{{"Put", QJsonObject{{"TableName", "accounts"}, {"Item", big}}}});
    }
    QTest::newRow("over 4 MB") << "TransactWriteItems" << heavy << "Transaction size has exceeded";
}

void TestDynamoFidelity::transactionRefusals()
{
    QFETCH(QString, operation);
    QFETCH(QJsonArray, items);
    QFETCH(QString, message);
    const Answer a = call(operation.toLatin1().constData(), {{"TransactItems", items}});
    QCOMPARE(a.status, 400);
    QCOMPARE(a.type(), QStringLiteral("ValidationException"));
    QVERIFY2(a.body.value("message").toString().contains(message), qPrintable(text(a.body)));
    QVERIFY(get("accounts", {{"id", S("a")}}).isEmpty());
    QVERIFY(get("accounts", {{"id", S("big0")}}).isEmpty());
}

void TestDynamoFidelity::transactionIdempotency()
{
    const QJsonObject add = QJsonDocument::fromJson(R"j({"ClientRequestToken": "token-1", "TransactItems": [
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "counter"}}, "UpdateExpression": "ADD hits :one",
                    "ExpressionAttributeValues": {":one": {"N": "1"}}}}]})j")
                                .object();
    const auto hits = [&] { return get("accounts", {{"id", S("counter")}}).value("hits")["N"].toString(); };
    QCOMPARE(call("TransactWriteItems", add).status, 200);
    QCOMPARE(hits(), QStringLiteral("1"));
    // The same request with the same token is answered again and not run again.
    mClock.set(mClock.now().addSecs(9 * 60));
    QCOMPARE(call("TransactWriteItems", add).status, 200);
    QCOMPARE(hits(), QStringLiteral("1"));
    // Another request with the token is refused.
    QJsonObject other = add;
    other.insert("TransactItems",
                 QJsonArray{QJsonObject{
                     {"Put", QJsonObject{{"TableName", "accounts"}, {"Item", QJsonObject{{"id", S("other")}}}}}}});
    const Answer mismatch = call("TransactWriteItems", other);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.type(), QStringLiteral("IdempotentParameterMismatchException"));
    QVERIFY(get("accounts", {{"id", S("other")}}).isEmpty());
    // Ten minutes after its first use the token is new again.
    mClock.set(mClock.now().addSecs(61));
    QCOMPARE(call("TransactWriteItems", add).status, 200);
    QCOMPARE(hits(), QStringLiteral("2"));
    // Without a token, every request runs.
    QJsonObject untokened = add;
    untokened.remove("ClientRequestToken");
    QCOMPARE(call("TransactWriteItems", untokened).status, 200);
    QCOMPARE(call("TransactWriteItems", untokened).status, 200);
    QCOMPARE(hits(), QStringLiteral("4"));
}

void TestDynamoFidelity::transactGetItems()
{
    put("accounts", {{"id", S("a")}, {"balance", N("1")}, {"owner", S("ann")}});
    put("orders", {{"customer", S("c")}, {"orderId", S("o")}, {"total", N("3")}});
    const Answer a = call("TransactGetItems", QJsonDocument::fromJson(R"j({"TransactItems": [
        {"Get": {"TableName": "orders", "Key": {"customer": {"S": "c"}, "orderId": {"S": "o"}}}},
        {"Get": {"TableName": "accounts", "Key": {"id": {"S": "missing"}}}},
        {"Get": {"TableName": "accounts", "Key": {"id": {"S": "a"}}, "ProjectionExpression": "#o",
                 "ExpressionAttributeNames": {"#o": "owner"}}}
    ], "ReturnConsumedCapacity": "TOTAL"})j")
                                                  .object());
    QVERIFY2(a.status == 200, qPrintable(text(a.body)));
    const QJsonArray responses = a.body.value("Responses").toArray();
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses.at(0)["Item"]["total"]["N"].toString(), QStringLiteral("3"));
    QCOMPARE(responses.at(1).toObject(), QJsonObject());
    QCOMPARE(responses.at(2)["Item"].toObject(), QJsonObject({{"owner", S("ann")}}));
    // Two read units per item read transactionally.
    double units = 0;
    for (const QJsonValue &c : a.body.value("ConsumedCapacity").toArray())
        units += c["CapacityUnits"].toDouble();
    QCOMPARE(units, 6.0);
}

void TestDynamoFidelity::conditionFailureReturnsItem_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("itemReturned");
    for (const char *operation : {"PutItem", "UpdateItem", "DeleteItem"}) {
        QTest::addRow("%s, ALL_OLD", operation) << operation << "ALL_OLD" << true;
        QTest::addRow("%s, NONE", operation) << operation << "NONE" << false;
        QTest::addRow("%s, not given", operation) << operation << "" << false;
    }
}

void TestDynamoFidelity::conditionFailureReturnsItem()
{
    QFETCH(QString, operation);
    QFETCH(QString, mode);
    QFETCH(bool, itemReturned);
    const QJsonObject old{{"id", S("a")}, {"state", S("locked")}};
    put("accounts", old);
    QJsonObject request{{"TableName", "accounts"},
                        {"ConditionExpression", "#s = :free"},
                        {"ExpressionAttributeNames", QJsonObject{{"#s", "state"}}},
                        {"ExpressionAttributeValues", QJsonObject{{":free", S("free")}}}};
    if (operation == QLatin1String("PutItem"))
        request.insert("Item", QJsonObject{{"id", S("a")}, {"state", S("mine")}});
    else
        request.insert("Key", QJsonObject{{"id", S("a")}});
    if (operation == QLatin1String("UpdateItem"))
        request.insert("UpdateExpression", "SET other = :free");
    if (!mode.isEmpty())
        request.insert("ReturnValuesOnConditionCheckFailure", mode);
    const Answer a = call(operation.toLatin1().constData(), request);
    QCOMPARE(a.status, 400);
    QCOMPARE(a.type(), QStringLiteral("ConditionalCheckFailedException"));
    QCOMPARE(a.body.contains("Item"), itemReturned);
    if (itemReturned)
        QCOMPARE(a.body.value("Item").toObject(), old);
    QCOMPARE(get("accounts", {{"id", S("a")}}), old);
}

void TestDynamoFidelity::consumedCapacity_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QJsonObject>("expected"); // the ConsumedCapacity, or the first of a list

    // Stored before each row: accounts "small" (under 1 KB) and "big" (about 5 KB);
    // users u1 to u5 (seedUsers).
    QTest::newRow("GetItem, eventually consistent")
        << "GetItem"
        << parse(R"j({"TableName": "accounts", "Key": {"id": {"S": "small"}}, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 0.5, "ReadCapacityUnits": 0.5})j");
    QTest::newRow("GetItem, strongly consistent")
        << "GetItem"
        << parse(
               R"j({"TableName": "accounts", "Key": {"id": {"S": "small"}}, "ConsistentRead": true, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 1, "ReadCapacityUnits": 1})j");
    QTest::newRow("GetItem of 5 KB, strongly consistent")
        << "GetItem"
        << parse(
               R"j({"TableName": "accounts", "Key": {"id": {"S": "big"}}, "ConsistentRead": true, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 2, "ReadCapacityUnits": 2})j");
    QTest::newRow("GetItem of a missing item")
        << "GetItem"
        << parse(R"j({"TableName": "accounts", "Key": {"id": {"S": "none"}}, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 0.5, "ReadCapacityUnits": 0.5})j");
    QTest::newRow("PutItem of 1.5 KB")
        << "PutItem"
        << QJsonObject{{"TableName", "accounts"},
                       {"Item", QJsonObject{{"id", S("new")}, {"blob", S(QString(1500, QLatin1Char('x')))}}},
                       {"ReturnConsumedCapacity", "TOTAL"}}
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 2, "WriteCapacityUnits": 2})j");
    QTest::newRow("PutItem over a 5 KB item counts the larger")
        << "PutItem"
        << parse(R"j({"TableName": "accounts", "Item": {"id": {"S": "big"}}, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 5, "WriteCapacityUnits": 5})j");
    QTest::newRow("DeleteItem of 5 KB")
        << "DeleteItem"
        << parse(R"j({"TableName": "accounts", "Key": {"id": {"S": "big"}}, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 5, "WriteCapacityUnits": 5})j");
    QTest::newRow("PutItem with indexes, INDEXES")
        << "PutItem"
        << parse(R"j({"TableName": "users", "Item": {"id": {"S": "u9"}, "email": {"S": "e"}, "team": {"S": "t"},
            "score": {"N": "1"}}, "ReturnConsumedCapacity": "INDEXES"})j")
        << parse(R"j({"TableName": "users", "CapacityUnits": 4, "WriteCapacityUnits": 4,
            "Table": {"CapacityUnits": 1, "WriteCapacityUnits": 1},
            "GlobalSecondaryIndexes": {"byEmail": {"CapacityUnits": 1, "WriteCapacityUnits": 1},
                                       "byTeam": {"CapacityUnits": 1, "WriteCapacityUnits": 1},
                                       "byTeamWithName": {"CapacityUnits": 1, "WriteCapacityUnits": 1}}})j");
    QTest::newRow("UpdateItem moving an index key writes twice there")
        << "UpdateItem"
        << parse(R"j({"TableName": "users", "Key": {"id": {"S": "u1"}}, "UpdateExpression": "SET email = :e",
            "ExpressionAttributeValues": {":e": {"S": "new@x.org"}}, "ReturnConsumedCapacity": "INDEXES"})j")
        << parse(R"j({"TableName": "users", "CapacityUnits": 3, "WriteCapacityUnits": 3,
            "Table": {"CapacityUnits": 1, "WriteCapacityUnits": 1},
            "GlobalSecondaryIndexes": {"byEmail": {"CapacityUnits": 2, "WriteCapacityUnits": 2}}})j");
    QTest::newRow("Query of an index")
        << "Query" << parse(R"j({"TableName": "users", "IndexName": "byTeam", "KeyConditionExpression": "team = :t",
            "ExpressionAttributeValues": {":t": {"S": "red"}}, "ReturnConsumedCapacity": "INDEXES"})j")
        << parse(R"j({"TableName": "users", "CapacityUnits": 0.5, "ReadCapacityUnits": 0.5,
            "Table": {"CapacityUnits": 0, "ReadCapacityUnits": 0},
            "GlobalSecondaryIndexes": {"byTeam": {"CapacityUnits": 0.5, "ReadCapacityUnits": 0.5}}})j");
    QTest::newRow("Scan, strongly consistent")
        << "Scan" << parse(R"j({"TableName": "accounts", "ConsistentRead": true, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 2, "ReadCapacityUnits": 2})j");
    QTest::newRow("TransactWriteItems doubles")
        << "TransactWriteItems"
        << parse(R"j({"TransactItems": [{"Put": {"TableName": "accounts", "Item": {"id": {"S": "t"}}}}],
            "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 2, "WriteCapacityUnits": 2})j");
    QTest::newRow("BatchGetItem sums its items")
        << "BatchGetItem"
        << parse(R"j({"RequestItems": {"accounts": {"Keys": [{"id": {"S": "small"}}, {"id": {"S": "big"}}]}},
            "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 1.5, "ReadCapacityUnits": 1.5})j");
    QTest::newRow("BatchWriteItem sums its items")
        << "BatchWriteItem" << parse(R"j({"RequestItems": {"accounts": [{"PutRequest": {"Item": {"id": {"S": "x1"}}}},
            {"DeleteRequest": {"Key": {"id": {"S": "big"}}}}]}, "ReturnConsumedCapacity": "TOTAL"})j")
        << parse(R"j({"TableName": "accounts", "CapacityUnits": 6, "WriteCapacityUnits": 6})j");
    QTest::newRow("NONE")
        << "GetItem"
        << parse(R"j({"TableName": "accounts", "Key": {"id": {"S": "small"}}, "ReturnConsumedCapacity": "NONE"})j")
        << QJsonObject();
}

void TestDynamoFidelity::consumedCapacity()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, request);
    QFETCH(QJsonObject, expected);
    seedUsers();
    put("accounts", {{"id", S("small")}, {"v", S("x")}});
    put("accounts", {{"id", S("big")}, {"blob", S(QString(5000, QLatin1Char('b')))}});
    const Answer a = call(operation.toLatin1().constData(), request);
    QVERIFY2(a.status == 200, qPrintable(text(a.body)));
    const QJsonValue consumed = a.body.value("ConsumedCapacity");
    QCOMPARE(consumed.isArray() ? consumed.toArray().at(0).toObject() : consumed.toObject(), expected);
}

void TestDynamoFidelity::partiql_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QJsonArray>("parameters");
    QTest::addColumn<QString>("error"); // the error's type, empty when it succeeds
    QTest::addColumn<QString>("items"); // the answer's items' ids, or the table's after a write

    // Before each row: accounts a (balance 10, owner ann), b (balance 5), c (balance 20, owner bob).
    QTest::newRow("SELECT * with a key") << R"j(SELECT * FROM "accounts" WHERE id = 'a')j" << QJsonArray() << ""
                                         << "a";
    QTest::newRow("SELECT with a parameter and a comparison")
        << R"j(SELECT id, balance FROM accounts WHERE balance >= ? ORDER BY id)j" << QJsonArray{N("10")}
        << "ValidationException"
        << "";
    QTest::newRow("SELECT with parameters")
        << R"j(SELECT id FROM accounts WHERE balance >= ? AND owner <> ?)j" << QJsonArray{N("10"), S("ann")} << ""
        << "c";
    QTest::newRow("SELECT with IN and begins_with")
        << R"j(SELECT * FROM accounts WHERE id IN ['a', 'b'] OR begins_with("owner", 'bo'))j" << QJsonArray() << ""
        << "a b c";
    QTest::newRow("SELECT with IS MISSING")
        << R"j(SELECT * FROM accounts WHERE owner IS MISSING)j" << QJsonArray() << ""
        << "b";
    QTest::newRow("SELECT from an index") << R"j(SELECT * FROM "users"."byEmail")j" << QJsonArray() << ""
                                          << "";
    QTest::newRow("INSERT") << R"j(INSERT INTO accounts VALUE {'id': ?, 'balance': 1.50, 'tags': <<'x', 'y'>>})j"
                            << QJsonArray{S("d")} << ""
                            << "a b c d";
    QTest::newRow("INSERT of an existing key")
        << R"j(INSERT INTO accounts VALUE {'id': 'a'})j" << QJsonArray() << "DuplicateItemException"
        << "a b c";
    QTest::newRow("UPDATE SET") << R"j(UPDATE accounts SET balance = balance + ? SET note = 'x' WHERE id = 'b')j"
                                << QJsonArray{N("1")} << ""
                                << "a b c";
    QTest::newRow("UPDATE with a failing condition")
        << R"j(UPDATE accounts SET note = 'x' WHERE id = 'b' AND balance > 100)j" << QJsonArray()
        << "ConditionalCheckFailedException"
        << "a b c";
    QTest::newRow("UPDATE of a missing item")
        << R"j(UPDATE accounts SET note = 'x' WHERE id = 'zz')j" << QJsonArray() << "ConditionalCheckFailedException"
        << "a b c";
    QTest::newRow("UPDATE REMOVE") << R"j(UPDATE accounts REMOVE owner WHERE "id" = ?)j" << QJsonArray{S("c")} << ""
                                   << "a b c";
    QTest::newRow("DELETE") << R"j(DELETE FROM accounts WHERE id = ?)j" << QJsonArray{S("a")} << ""
                            << "b c";
    QTest::newRow("DELETE without the key")
        << R"j(DELETE FROM accounts WHERE balance = 5)j" << QJsonArray() << "ValidationException"
        << "a b c";
    QTest::newRow("too few parameters") << R"j(SELECT * FROM accounts WHERE id = ?)j" << QJsonArray()
                                        << "ValidationException"
                                        << "";
    QTest::newRow("too many parameters") << R"j(SELECT * FROM accounts)j" << QJsonArray{S("x")} << "ValidationException"
                                         << "";
    QTest::newRow("unknown table") << R"j(DELETE FROM nowhere WHERE id = 'a')j" << QJsonArray()
                                   << "ResourceNotFoundException"
                                   << "a b c";
    QTest::newRow("a literal nested over 32 levels")
        << QStringLiteral("INSERT INTO accounts VALUE {'id': 'deep', 'l': %1%2}")
               .arg(QString(40, QLatin1Char('[')), QString(40, QLatin1Char(']')))
        << QJsonArray() << "ValidationException"
        << "a b c";
    QTest::newRow("unknown table, SELECT")
        << R"j(SELECT * FROM nowhere)j" << QJsonArray() << "ResourceNotFoundException"
        << "";
}

void TestDynamoFidelity::partiql()
{
    QFETCH(QString, statement);
    QFETCH(QJsonArray, parameters);
    QFETCH(QString, error);
    QFETCH(QString, items);
    put("accounts", {{"id", S("a")}, {"balance", N("10")}, {"owner", S("ann")}});
    put("accounts", {{"id", S("b")}, {"balance", N("5")}});
    put("accounts", {{"id", S("c")}, {"balance", N("20")}, {"owner", S("bob")}});
    QJsonObject request{{"Statement", statement}};
    if (!parameters.isEmpty())
        request.insert("Parameters", parameters);
    const Answer a = call("ExecuteStatement", request);
    if (!error.isEmpty()) {
        QVERIFY2(a.type() == error, qPrintable(text(a.body)));
        QCOMPARE(a.status, 400);
    } else {
        QVERIFY2(a.status == 200, qPrintable(text(a.body)));
    }
    const bool select = statement.startsWith(QLatin1String("SELECT"));
    if (!error.isEmpty() && select)
        return;
    // A SELECT answers its items; a write is seen in the table.
    const QJsonArray found =
        select ? a.body.value("Items").toArray()
               : call("Scan", {{"TableName", "accounts"}, {"ConsistentRead", true}}).body.value("Items").toArray();
    QStringList ids;
    for (const QJsonValue &item : found)
        ids.append(item["id"]["S"].toString());
    ids.sort();
    QCOMPARE(ids.join(QLatin1Char(' ')), items);
    if (statement.startsWith(QLatin1String("INSERT")) && error.isEmpty()) {
        const QJsonObject d = get("accounts", {{"id", S("d")}});
        QCOMPARE(d.value("balance")["N"].toString(), QStringLiteral("1.5"));
        QCOMPARE(d.value("tags")["SS"].toArray(), QJsonArray({"x", "y"}));
    }
    if (statement.contains(QLatin1String("balance + ?"))) {
        QCOMPARE(get("accounts", {{"id", S("b")}}).value("balance")["N"].toString(), QStringLiteral("6"));
        QCOMPARE(get("accounts", {{"id", S("b")}}).value("note")["S"].toString(), QStringLiteral("x"));
    }
    if (statement.contains(QLatin1String("REMOVE owner")))
        QVERIFY(!get("accounts", {{"id", S("c")}}).contains("owner"));
    if (error == QLatin1String("ConditionalCheckFailedException"))
        QVERIFY(!get("accounts", {{"id", S("b")}}).contains("note"));
}

void TestDynamoFidelity::partiqlPagesAndBatches()
{
    for (int i = 0; i < 5; ++i)
        put("accounts", {{"id", S(QStringLiteral("p%1").arg(i))}, {"kind", S("page")}});
    QStringList ids;
    QJsonObject request{{"Statement", "SELECT id FROM accounts WHERE kind = 'page'"}, {"Limit", 2}};
    int pages = 0;
    for (;;) {
        const Answer a = call("ExecuteStatement", request);
        QVERIFY2(a.status == 200, qPrintable(text(a.body)));
        for (const QJsonValue &item : a.body.value("Items").toArray())
            ids.append(item["id"]["S"].toString());
        if (!a.body.contains("NextToken"))
            break;
        request.insert("NextToken", a.body.value("NextToken"));
        QVERIFY(++pages < 10);
    }
    ids.sort();
    QCOMPARE(ids, QStringList({"p0", "p1", "p2", "p3", "p4"}));
    const Answer batch = call("BatchExecuteStatement", QJsonDocument::fromJson(R"j({"Statements": [
        {"Statement": "SELECT * FROM accounts WHERE id = ?", "Parameters": [{"S": "p1"}]},
        {"Statement": "INSERT INTO accounts VALUE {'id': 'p1'}"},
        {"Statement": "UPDATE accounts SET n = 1 WHERE id = 'p2'"},
        {"Statement": "DELETE FROM accounts WHERE kind = 'page'"}
    ]})j")
                                                           .object());
    QVERIFY2(batch.status == 200, qPrintable(text(batch.body)));
    const QJsonArray responses = batch.body.value("Responses").toArray();
    QCOMPARE(responses.size(), 4);
    QCOMPARE(responses.at(0)["Item"]["id"]["S"].toString(), QStringLiteral("p1"));
    QCOMPARE(responses.at(0)["TableName"].toString(), QStringLiteral("accounts"));
    QCOMPARE(responses.at(1)["Error"]["Code"].toString(), QStringLiteral("DuplicateItem"));
    QVERIFY(!responses.at(2).toObject().contains("Error"));
    QCOMPARE(responses.at(3)["Error"]["Code"].toString(), QStringLiteral("ValidationError"));
    QCOMPARE(get("accounts", {{"id", S("p2")}}).value("n")["N"].toString(), QStringLiteral("1"));
}

void TestDynamoFidelity::partiqlTransactionRefusedByName()
{
    const Answer a = call("ExecuteTransaction", {{"TransactStatements", QJsonArray()}});
    QCOMPARE(a.status, 501);
    QCOMPARE(a.type(), QStringLiteral("NotImplemented"));
    QVERIFY2(a.body.value("message").toString().contains("ExecuteTransaction"), qPrintable(text(a.body)));
}

void TestDynamoFidelity::legacyParametersRefusedByName_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("parameter");
    const QByteArray eqRed = "{\"team\": {\"AttributeValueList\": [{\"S\": \"red\"}], \"ComparisonOperator\": \"EQ\"}}";
    QTest::newRow("Scan ScanFilter") << QByteArray("Scan")
                                     << "{\"TableName\": \"users\", \"ScanFilter\": " + eqRed + "}"
                                     << "ScanFilter";
    QTest::newRow("Scan AttributesToGet")
        << QByteArray("Scan") << QByteArray("{\"TableName\": \"users\", \"AttributesToGet\": [\"id\"]}")
        << "AttributesToGet";
    QTest::newRow("Query KeyConditions")
        << QByteArray("Query")
        << QByteArray("{\"TableName\": \"users\", \"KeyConditions\": {\"id\": {\"AttributeValueList\": [{\"S\": "
                      "\"u1\"}], \"ComparisonOperator\": \"EQ\"}}}")
        << "KeyConditions";
    QTest::newRow("Query QueryFilter")
        << QByteArray("Query")
        << "{\"TableName\": \"users\", \"KeyConditionExpression\": \"id = :u\", \"ExpressionAttributeValues\": "
           "{\":u\": {\"S\": \"u1\"}}, \"QueryFilter\": "
               + eqRed + "}"
        << "QueryFilter";
    QTest::newRow("GetItem AttributesToGet")
        << QByteArray("GetItem")
        << QByteArray("{\"TableName\": \"users\", \"Key\": {\"id\": {\"S\": \"u1\"}}, \"AttributesToGet\": [\"name\"]}")
        << "AttributesToGet";
    QTest::newRow("PutItem Expected")
        << QByteArray("PutItem")
        << QByteArray("{\"TableName\": \"users\", \"Item\": {\"id\": {\"S\": \"u1\"}, \"name\": {\"S\": \"Changed\"}}, "
                      "\"Expected\": {\"name\": {\"Value\": {\"S\": \"Nobody\"}}}}")
        << "Expected";
    QTest::newRow("BatchGetItem AttributesToGet")
        << QByteArray("BatchGetItem")
        << QByteArray("{\"RequestItems\": {\"users\": {\"Keys\": [{\"id\": {\"S\": \"u1\"}}], \"AttributesToGet\": "
                      "[\"name\"]}}}")
        << "AttributesToGet";
    QTest::newRow("DeleteItem ConditionalOperator")
        << QByteArray("DeleteItem")
        << QByteArray("{\"TableName\": \"users\", \"Key\": {\"id\": {\"S\": \"u1\"}}, \"ConditionalOperator\": "
                      "\"AND\"}")
        << "ConditionalOperator";
}

// The parameters DynamoDB had before expressions are refused by name: ignored, a ScanFilter
// would answer every item and an Expected would write without its condition.
void TestDynamoFidelity::legacyParametersRefusedByName()
{
    QFETCH(QByteArray, operation);
    QFETCH(QByteArray, input);
    QFETCH(QString, parameter);
    seedUsers();
    const Answer a = call(operation.constData(), QJsonDocument::fromJson(input).object());
    QCOMPARE(a.status, 501);
    QCOMPARE(a.type(), QStringLiteral("NotImplemented"));
    const QString message = a.body.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(parameter), qPrintable(message));
    // Nothing was written or deleted.
    const Answer u1 = call("GetItem", {{"TableName", "users"}, {"Key", QJsonObject{{"id", S("u1")}}}});
    QCOMPARE(u1.body.value(QStringLiteral("Item")).toObject().value(QStringLiteral("name")).toObject(), S("Ann"));
}

namespace {
void runClient(const QString &url, const QString &program, const QString &script)
{
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), url);
    env.insert(QStringLiteral("NIMBUS_SDK_DIR"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk"));
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(program, {script});
    QVERIFY2(client.waitForStarted(), qPrintable(program + QStringLiteral(" is missing")));
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000));
    const QByteArray output = client.readAll();
    // The whole output when it fails (a message of QVERIFY2 is cut short).
    if (client.exitCode() != 0)
        fprintf(stderr, "%s\n", output.constData());
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, output.constData());
}
} // namespace

void TestDynamoFidelity::sdkForJavaScript()
{
    runClient(mLocal->endpoint->url(), QStringLiteral("node"),
              QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/dynamo_fidelity.test.mjs"));
}

void TestDynamoFidelity::boto3()
{
    runClient(mLocal->endpoint->url(), QStringLiteral("/usr/bin/python3"),
              QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/dynamo_fidelity.py"));
}

void TestDynamoFidelity::bodiesOverHttp_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("stored"); // the item with id "h" afterwards, empty for none

    QTest::newRow("an object, its number normalised")
        << QByteArray("{\"TableName\": \"accounts\", \"Item\": {\"id\": {\"S\": \"h\"}, \"n\": {\"N\": \"01.50\"}}}")
        << 200 << QString() << QJsonObject{{"id", S("h")}, {"n", N("1.5")}};
    QTest::newRow("an array") << QByteArray("[{\"TableName\": \"accounts\"}]") << 400
                              << QStringLiteral("SerializationException") << QJsonObject();
    QTest::newRow("no JSON") << QByteArray("{\"TableName\": \"accounts\", \"Item\": {") << 400
                             << QStringLiteral("SerializationException") << QJsonObject();
    QTest::newRow("empty") << QByteArray() << 400 << QStringLiteral("SerializationException") << QJsonObject();
    QTest::newRow("an item without its key")
        << QByteArray("{\"TableName\": \"accounts\", \"Item\": {\"n\": {\"N\": \"1\"}}}") << 400
        << QStringLiteral("ValidationException") << QJsonObject();
    // The connection's thread prepares a PutItem's item (normalised, measured, its JSON):
    // what is stored and refused must be what the cloud's thread alone would store and refuse.
    QTest::newRow("numbers inside a map and a list normalised")
        << QByteArray("{\"TableName\": \"accounts\", \"Item\": {\"id\": {\"S\": \"h\"}, \"m\": {\"M\": "
                      "{\"a\": {\"N\": \"1E+2\"}}}, \"l\": {\"L\": [{\"N\": \"-0\"}, {\"S\": \"\\u00e9\"}]}}}")
        << 200 << QString()
        << QJsonObject{{"id", S("h")},
                       {"m", QJsonObject{{"M", QJsonObject{{"a", N("100")}}}}},
                       {"l", QJsonObject{{"L", QJsonArray{N("0"), S(QStringLiteral("\u00e9"))}}}}};
    QTest::newRow("returning the old item")
        << QByteArray("{\"TableName\": \"accounts\", \"ReturnValues\": \"ALL_OLD\", "
                      "\"Item\": {\"id\": {\"S\": \"h\"}, \"n\": {\"N\": \"2.0\"}}}")
        << 200 << QString() << QJsonObject{{"id", S("h")}, {"n", N("2")}};
    QTest::newRow("a number that is none")
        << QByteArray("{\"TableName\": \"accounts\", \"Item\": {\"id\": {\"S\": \"h\"}, \"n\": {\"N\": \"one\"}}}")
        << 400 << QStringLiteral("ValidationException") << QJsonObject();
    const QByteArray big(400 * 1024, 'x');
    QTest::newRow("an item over 400 KB") << QByteArray(
        "{\"TableName\": \"accounts\", \"Item\": {\"id\": {\"S\": \"h\"}, \"b\": {\"S\": \"" + big + "\"}}}")
                                         << 400 << QStringLiteral("ValidationException") << QJsonObject();
    QTest::newRow("an item just under 400 KB")
        << QByteArray("{\"TableName\": \"accounts\", \"Item\": {\"id\": {\"S\": \"h\"}, \"b\": {\"S\": \""
                      + big.left(400 * 1024 - 10) + "\"}}}")
        << 200 << QString() << QJsonObject{{"id", S("h")}, {"b", S(QString::fromLatin1(big.left(400 * 1024 - 10)))}};
}

void TestDynamoFidelity::bodiesOverHttp()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QJsonObject, stored);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, mLocal->endpoint->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(mLocal->endpoint->port())
                 + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
                   "Content-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // The head, then as many bytes as its Content-Length says.
    QByteArray answer;
    qsizetype headEnd = -1, length = -1;
    QVERIFY(QTest::qWaitFor(
        [&] {
        answer += socket.readAll();
        headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const qsizetype at = answer.toLower().indexOf("content-length:");
        if (at < 0 || at > headEnd)
            return false;
        length = answer.mid(at + 15, answer.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        return answer.size() >= headEnd + 4 + length;
        },
        5000));
    QVERIFY2(answer.startsWith("HTTP/1.1 " + QByteArray::number(status)), answer.constData());
    const Answer a{status, QJsonDocument::fromJson(answer.mid(headEnd + 4, length)).object()};
    QCOMPARE(a.type(), type);
    QCOMPARE(get("accounts", {{"id", S("h")}}), stored);
}

QTEST_MAIN(TestDynamoFidelity)
#include "tst_dynamofidelity.moc"
