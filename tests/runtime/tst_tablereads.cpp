// GetItems answered on the AWS endpoint's connection threads (TableReads): only keys
// the cloud's thread read with nothing waiting for a commit, only for plain GetItems, a
// function's only while its invocation runs and once its table was allowed it with nothing
// to log, the same answer as the service's, and never what a write, a deleted table, a
// stopped cloud, a changed design or IAM mode made untrue.

#include "cloud/awsendpoint.h"
#include "cloud/cloudstate.h"
#include "cloud/localcloud.h"
#include "cloud/tablereads.h"
#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

using namespace Nimbus;
using namespace std::chrono_literals;

namespace {

struct HttpAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString type() const { return json().value(QStringLiteral("__type")).toString().section(u'#', -1); }
};

// One DynamoDB request over its own connection, waiting on the calling thread (no event
// loop needed): what a client does that is not a Qt program.
HttpAnswer post(quint16 port, const QByteArray &operation, const QJsonObject &input,
                const QByteArray &extraHeaders = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    const QByteArray body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                 + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810." + operation
                 + "\r\n" + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (socket.waitForReadyRead(10000) || socket.bytesAvailable()) {
        answer += socket.readAll();
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            continue;
        const QByteArray head = answer.left(headEnd).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length = at < 0 ? 0
                                        : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        if (answer.size() >= headEnd + 4 + length)
            return {answer.mid(9, 3).toInt(), answer.left(headEnd), answer.mid(headEnd + 4, length)};
    }
    return {};
}

// The header lines of an answer, without the request ids (each answer has its own) and
// the date.
QByteArrayList headerNames(const QByteArray &head)
{
    QByteArrayList names;
    for (const QByteArray &line : head.split('\n').mid(1))
        names.append(line.left(line.indexOf(':')).trimmed().toLower());
    std::sort(names.begin(), names.end());
    return names;
}

QJsonObject S(const char *text)
{
    return {{QStringLiteral("S"), QString::fromUtf8(text)}};
}

} // namespace

class TestTableReads : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void answeredWhileTheCloudsThreadIsBusy_data();
    void answeredWhileTheCloudsThreadIsBusy();
    void writesAreReadAtOnce_data();
    void writesAreReadAtOnce();
    void deletedTableIsNotFound();
    void stoppedCloudIsUnavailable();
    void renamedTableIsNotFound();
    void throttledTableGoesThroughTheCloud();
    void throttleSetWhileRunningIsSeen();
    void uncommittedWritesAreNotShared();
    void sharedItemsAreBounded();
    void keysWithNulsDiffer();
    void pipelinedRequestsAreAnsweredInOrder();
    void resetStateForgetsItems();
    void madeTableDeletedIsNotFound();
    void functionsReadsAreShared_data();
    void functionsReadsAreShared();
    void endedInvocationGoesThroughTheCloud();
    void grantsAreTheFunctions();
    void grantsEndWithThePermissions();

private:
    // Invokes a function (added with addReader) that answers after ms: the trace header
    // its SDK calls carry while it runs.
    QByteArray invoke(const QString &function, int ms, bool *finished);
    // A function of the design, connected to the table "things" (reads) or not.
    NodeId addReader(const QString &name, bool connected);
    // The calls logged as not allowed by a function's connections.
    int problems() const;
    // Through the endpoint, the cloud's thread (this one) serving it as it waits.
    HttpAnswer call(const QByteArray &operation, const QJsonObject &input, const QByteArray &extraHeaders = {});
    // Sent from another thread while this one (the cloud's) does nothing for a while:
    // whether it was answered then, and the answer (served at last by the cloud's thread if not).
    bool answeredWhileBusy(const QByteArray &operation, const QJsonObject &input, const QByteArray &extraHeaders,
                           HttpAnswer *answer);
    // Reads get through the cloud's thread, then again while it is busy: whether the second
    // was answered without it (the key is shared from then on), with its answer.
    bool share(const QJsonObject &get, HttpAnswer *shared = nullptr);
    // Whether a GetItem is answered as DynamoDB answers for a table it does not have.
    bool notFound(const QJsonObject &get);
    quint16 port() const { return mLocal->endpoint->port(); }
    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    NodeId mThings = kInvalidNodeId;
    NodeId mSlow = kInvalidNodeId; // the throttled table
};

void TestTableReads::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    Project &project = mLocal->project;
    mThings = project.addNode(QStringLiteral("table"), {}, QStringLiteral("things")).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(mThings, QStringLiteral("partitionKey"), QStringLiteral("id")));
    // Half its calls throttled, the same ones every run: each must be counted by the cloud's
    // thread. (One test starts with no throttled resource.)
    if (QLatin1String(QTest::currentTestFunction()) != QLatin1String("throttleSetWhileRunningIsSeen")) {
        mSlow = project.addNode(QStringLiteral("table"), {}, QStringLiteral("slow")).valueOr(kInvalidNodeId);
        QVERIFY(project.setNodeProperty(mSlow, QStringLiteral("partitionKey"), QStringLiteral("id")));
        QVERIFY(project.setNodeProperty(mSlow, QStringLiteral("faultThrottleRate"), 50));
        mLocal->cloud->setFaultSeed(7);
    }
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
    QCOMPARE(call("PutItem", {{"TableName", "things"}, {"Item", QJsonObject{{"id", S("a")}, {"n", S("1")}}}}).status,
             200);
}

void TestTableReads::cleanup()
{
    mLocal.reset();
}

HttpAnswer TestTableReads::call(const QByteArray &operation, const QJsonObject &input, const QByteArray &extraHeaders)
{
    auto future = std::async(std::launch::async, post, port(), operation, input, extraHeaders);
    if (!QTest::qWaitFor([&] { return future.wait_for(0ms) == std::future_status::ready; }, 10000))
        return {};
    return future.get();
}

bool TestTableReads::answeredWhileBusy(const QByteArray &operation, const QJsonObject &input,
                                       const QByteArray &extraHeaders, HttpAnswer *answer)
{
    auto future = std::async(std::launch::async, post, port(), operation, input, extraHeaders);
    // This thread serves the cloud: while it waits here, nothing reaches the service.
    const bool early = future.wait_for(2500ms) == std::future_status::ready;
    if (!QTest::qWaitFor([&] { return future.wait_for(0ms) == std::future_status::ready; }, 10000))
        return early;
    *answer = future.get();
    return early;
}

bool TestTableReads::share(const QJsonObject &get, HttpAnswer *shared)
{
    HttpAnswer answer;
    const bool read = call("GetItem", get).status == 200;
    const bool early = answeredWhileBusy("GetItem", get, {}, &answer);
    if (shared)
        *shared = answer;
    return read && early;
}

bool TestTableReads::notFound(const QJsonObject &get)
{
    const HttpAnswer gone = call("GetItem", get);
    return gone.status == 400 && gone.type() == QLatin1String("ResourceNotFoundException");
}

void TestTableReads::answeredWhileTheCloudsThreadIsBusy_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("readBefore");
    QTest::addColumn<bool>("shared");
    const QJsonObject plain{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    auto with = [&](const char *name, const QJsonValue &value) {
        QJsonObject request = plain;
        request.insert(QLatin1String(name), value);
        return request;
    };
    QTest::newRow("read before") << plain << QByteArray() << true << true;
    QTest::newRow("consistent read") << with("ConsistentRead", true) << QByteArray() << true << true;
    QTest::newRow("capacity NONE") << with("ReturnConsumedCapacity", "NONE") << QByteArray() << true << true;
    QTest::newRow("by ARN") << QJsonObject{{"TableName", "arn:aws:dynamodb:us-east-1:000000000000:table/things"},
                                           {"Key", QJsonObject{{"id", S("a")}}}}
                            << QByteArray() << true << true;
    // A stranger's name of 16 MB kept a thousand times would be 32 GB: never kept.
    QTest::newRow("ARN too long to keep")
        << QJsonObject{{"TableName",
                        QStringLiteral("arn:") + QString(TableReads::kNameLimit, u'x') + QStringLiteral("/things")},
                       {"Key", QJsonObject{{"id", S("a")}}}}
        << QByteArray() << true << false;
    QTest::newRow("missing key read before")
        << QJsonObject{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("none")}}}} << QByteArray() << true
        << true;
    // The cloud's thread must see these.
    QTest::newRow("never read") << plain << QByteArray() << false << false;
    QTest::newRow("from a function (trace header)")
        << plain << QByteArray("X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793\r\n") << true << false;
    QTest::newRow("projection") << with("ProjectionExpression", "n") << QByteArray() << true << false;
    QTest::newRow("capacity TOTAL") << with("ReturnConsumedCapacity", "TOTAL") << QByteArray() << true << false;
    QTest::newRow("legacy AttributesToGet")
        << with("AttributesToGet", QJsonArray{"n"}) << QByteArray() << true << false;
    QTest::newRow("another attribute in the key")
        << QJsonObject{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}, {"n", S("1")}}}} << QByteArray()
        << true << false;
}

void TestTableReads::answeredWhileTheCloudsThreadIsBusy()
{
    QFETCH(QJsonObject, request);
    QFETCH(QByteArray, headers);
    QFETCH(bool, readBefore);
    QFETCH(bool, shared);
    HttpAnswer before;
    if (readBefore) {
        // The table and the item are known to TableReads from now on.
        QCOMPARE(call("GetItem", {{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}}).status, 200);
        before = call("GetItem", request, headers);
    }
    HttpAnswer answer;
    QCOMPARE(answeredWhileBusy("GetItem", request, headers, &answer), shared);
    QVERIFY(answer.status != 0);
    if (readBefore) {
        // The same answer as the service's, but for its request id.
        QCOMPARE(answer.status, before.status);
        QCOMPARE(answer.body, before.body);
        QCOMPARE(headerNames(answer.head), headerNames(before.head));
        QVERIFY(answer.head.toLower().contains("x-amzn-requestid: "));
        QVERIFY(answer.head.toLower().contains("x-content-type-options: nosniff"));
        QVERIFY(answer.head.toLower().contains("content-security-policy: sandbox"));
    }
    if (shared)
        QVERIFY(answer.head != before.head); // its own request id
}

void TestTableReads::writesAreReadAtOnce_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QJsonObject>("write");
    QTest::addColumn<QJsonObject>("expected");
    const QJsonObject key{{"id", S("a")}};
    QTest::newRow("PutItem") << QByteArray(
        "PutItem") << QJsonObject{{"TableName", "things"}, {"Item", QJsonObject{{"id", S("a")}, {"n", S("2")}}}}
                             << QJsonObject{{"Item", QJsonObject{{"id", S("a")}, {"n", S("2")}}}};
    QTest::newRow("UpdateItem") << QByteArray("UpdateItem")
                                << QJsonObject{{"TableName", "things"},
                                               {"Key", key},
                                               {"UpdateExpression", "SET n = :n"},
                                               {"ExpressionAttributeValues", QJsonObject{{":n", S("3")}}}}
                                << QJsonObject{{"Item", QJsonObject{{"id", S("a")}, {"n", S("3")}}}};
    QTest::newRow("DeleteItem") << QByteArray("DeleteItem") << QJsonObject{{"TableName", "things"}, {"Key", key}}
                                << QJsonObject();
    QTest::newRow("BatchWriteItem")
        << QByteArray("BatchWriteItem")
        << QJsonObject{{"RequestItems",
                        QJsonObject{
                            {"things",
                             QJsonArray{QJsonObject{
                                 {"PutRequest", QJsonObject{{"Item", QJsonObject{{"id", S("a")}, {"n", S("4")}}}}}}}}}}}
        << QJsonObject{{"Item", QJsonObject{{"id", S("a")}, {"n", S("4")}}}};
    QTest::newRow("TransactWriteItems")
        << QByteArray("TransactWriteItems")
        << QJsonObject{{"TransactItems",
                        QJsonArray{
                            QJsonObject{{"Put", QJsonObject{{"TableName", "things"},
                                                            {"Item", QJsonObject{{"id", S("a")}, {"n", S("5")}}}}}}}}}
        << QJsonObject{{"Item", QJsonObject{{"id", S("a")}, {"n", S("5")}}}};
}

void TestTableReads::writesAreReadAtOnce()
{
    QFETCH(QByteArray, operation);
    QFETCH(QJsonObject, write);
    QFETCH(QJsonObject, expected);
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QCOMPARE(call("GetItem", get).json().value("Item").toObject().value("n"), QJsonValue(S("1")));
    HttpAnswer shared;
    QVERIFY(answeredWhileBusy("GetItem", get, {}, &shared)); // now from TableReads
    const HttpAnswer written = call(operation, write);
    QVERIFY2(written.status == 200, written.body.constData());
    // The answer of the write came after its commit: every later read has it.
    auto later = std::async(std::launch::async, post, port(), "GetItem", get, QByteArray());
    QVERIFY(QTest::qWaitFor([&] { return later.wait_for(0ms) == std::future_status::ready; }, 10000));
    QCOMPARE(later.get().json(), expected);
}

void TestTableReads::deletedTableIsNotFound()
{
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("none")}}}};
    QVERIFY(share(get));
    QCOMPARE(call("DeleteTable", {{"TableName", "things"}}).status, 200);
    QVERIFY(notFound(get));
}

void TestTableReads::stoppedCloudIsUnavailable()
{
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QVERIFY(share(get));
    mLocal->cloud->stop();
    QCOMPARE(call("GetItem", get).status, 503);
}

void TestTableReads::renamedTableIsNotFound()
{
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QVERIFY(share(get));
    // Deployed as Things-prod now: "things" names no table.
    QVERIFY(mLocal->project.setNodeProperty(mThings, QStringLiteral("physicalName"), QStringLiteral("Things-prod")));
    QVERIFY(notFound(get));
}

void TestTableReads::throttledTableGoesThroughTheCloud()
{
    const QJsonObject get{{"TableName", "slow"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QSet<int> statuses;
    for (int i = 0; i < 12; ++i)
        statuses.insert(call("GetItem", get).status);
    QCOMPARE(statuses, (QSet<int>{200, 400})); // some throttled, some read
    // Each call is counted and may be throttled: none is answered without the cloud's thread.
    HttpAnswer answer;
    QVERIFY(!answeredWhileBusy("GetItem", get, {}, &answer));
}

void TestTableReads::throttleSetWhileRunningIsSeen()
{
    // No resource throttles: calls name nothing to count.
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QCOMPARE(call("GetItem", get).status, 200);
    QCOMPARE(call("GetItem", get).status, 200);
    // Set on the canvas while the cloud runs: every call is throttled from now on.
    QVERIFY(mLocal->project.setNodeProperty(mThings, QStringLiteral("faultThrottleRate"), 100));
    const HttpAnswer throttled = call("GetItem", get);
    QCOMPARE(throttled.status, 400);
    QCOMPARE(throttled.type(), QStringLiteral("ProvisionedThroughputExceededException"));
}

void TestTableReads::uncommittedWritesAreNotShared()
{
    CloudState &state = mLocal->cloud->state();
    TableReads &reads = mLocal->cloud->tableReads();
    TableKeys keys;
    keys.partitionKey = QStringLiteral("id");
    const QJsonObject key{{"id", S("b")}};
    const QString itemKey = TableStore::cacheKey(QStringLiteral("things"), *TableStore::itemKeys(keys, key));
    {
        const CloudState::Batch batch(state);
        QVERIFY(state.putItem(QStringLiteral("things"), keys, QJsonObject{{"id", S("b")}, {"n", S("1")}}));
        // In the group commit, not yet on disk: read here, but not shared.
        QVERIFY(state.getItem(QStringLiteral("things"), keys, key, true).valueOr(std::nullopt).has_value());
        QVERIFY(!reads.holdsItem(itemKey));
    }
    bool committed = false;
    state.whenCommitted([&](bool ok) { committed = ok; });
    QVERIFY(QTest::qWaitFor([&] { return committed; }, 5000));
    QVERIFY(state.getItem(QStringLiteral("things"), keys, key, true).valueOr(std::nullopt).has_value());
    QVERIFY(reads.holdsItem(itemKey));
    // A write forgets the key before it is made.
    QVERIFY(state.putItem(QStringLiteral("things"), keys, QJsonObject{{"id", S("b")}, {"n", S("2")}}));
    QVERIFY(!reads.holdsItem(itemKey));
    // Only GetItem's reads are shared.
    QVERIFY(state.getItem(QStringLiteral("things"), keys, key).valueOr(std::nullopt).has_value());
    QVERIFY(!reads.holdsItem(itemKey));
}

void TestTableReads::sharedItemsAreBounded()
{
    TableReads reads;
    const QJsonObject big{{"id", S("x")}, {"blob", QJsonObject{{"S", QString(300 * 1024, u'x')}}}};
    for (int i = 0; i < 400; ++i)
        reads.publishItem(QString::number(i), big);
    // 400 answers of 300 KB would be 120 MB: the oldest went.
    QVERIFY(reads.holdsItem(QStringLiteral("399")));
    QVERIFY(!reads.holdsItem(QStringLiteral("0")));
    TableKeys keys;
    keys.partitionKey = QStringLiteral("id");
    // Names come from strangers: one longer than an ARN needs is not kept.
    const QString arn = QStringLiteral("arn:") + QString(TableReads::kNameLimit, u'x') + QStringLiteral("/t");
    reads.publishTable(arn, {QStringLiteral("t"), keys});
    reads.publishItem(TableStore::cacheKey(QStringLiteral("t"), {QStringLiteral("S:k"), {}}), std::nullopt);
    QVERIFY(!reads.answer(arn, {{"id", S("k")}}));
    reads.publishTable(QStringLiteral("t"), {QStringLiteral("t"), keys});
    for (int i = 0; i < TableReads::kItemLimit + 10; ++i)
        reads.publishItem(TableStore::cacheKey(QStringLiteral("t"), {QStringLiteral("S:") + QString::number(i), {}}),
                          std::nullopt);
    QVERIFY(!reads.answer(QStringLiteral("t"), {{"id", S("0")}}));
    QCOMPARE(reads.answer(QStringLiteral("t"), {{"id", S(QByteArray::number(TableReads::kItemLimit + 9).constData())}}),
             std::optional<QByteArray>("{}"));
}

void TestTableReads::keysWithNulsDiffer()
{
    // A string key may hold NUL: two items of a table with a sort key are still two.
    const QString nul(1, QChar(0));
    const QString one = TableStore::cacheKey(QStringLiteral("t"), {u"S:a"_qs + nul + u"S:b"_qs, QStringLiteral("S:c")});
    const QString two = TableStore::cacheKey(QStringLiteral("t"), {QStringLiteral("S:a"), u"S:b"_qs + nul + u"S:c"_qs});
    QVERIFY(one != two);
}

void TestTableReads::pipelinedRequestsAreAnsweredInOrder()
{
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QVERIFY(share(get));
    // A PutItem, and a GetItem of its key before its answer came, on one connection.
    auto request = [&](const QByteArray &operation, const QJsonObject &input) {
        const QByteArray body = QJsonDocument(input).toJson(QJsonDocument::Compact);
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port())
               + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810." + operation
               + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(request("PutItem", {{"TableName", "things"}, {"Item", QJsonObject{{"id", S("a")}, {"n", S("9")}}}}));
    QVERIFY(socket.waitForBytesWritten(5000));
    // The PutItem is read and handed to the cloud's thread, which is busy here; then the
    // GetItem is read, and must not overtake it.
    std::this_thread::sleep_for(300ms);
    socket.write(request("GetItem", get));
    QVERIFY(socket.waitForBytesWritten(5000));
    std::this_thread::sleep_for(300ms);
    QByteArray answers;
    QVERIFY(QTest::qWaitFor(
        [&] {
        answers += socket.readAll();
        return answers.count("HTTP/1.1 ") == 2 && answers.endsWith("}");
        },
        10000));
    const qsizetype second = answers.indexOf("HTTP/1.1 ", 1);
    const QByteArray first = answers.left(second);
    QCOMPARE(first.mid(first.indexOf("\r\n\r\n") + 4), QByteArray("{}")); // PutItem's
    const QByteArray last = answers.mid(second);
    QCOMPARE(QJsonDocument::fromJson(last.mid(last.indexOf("\r\n\r\n") + 4)).object(),
             (QJsonObject{{"Item", QJsonObject{{"id", S("a")}, {"n", S("9")}}}}));
}

void TestTableReads::resetStateForgetsItems()
{
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    HttpAnswer shared;
    QVERIFY(share(get, &shared));
    QVERIFY(shared.json().contains("Item"));
    QVERIFY(mLocal->cloud->state().reset());
    QCOMPARE(call("GetItem", get).body, QByteArray("{}"));
}

void TestTableReads::madeTableDeletedIsNotFound()
{
    const HttpAnswer made = call(
        "CreateTable",
        {{"TableName", "made"},
         {"AttributeDefinitions", QJsonArray{QJsonObject{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
         {"KeySchema", QJsonArray{QJsonObject{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
         {"BillingMode", "PAY_PER_REQUEST"}});
    QVERIFY2(made.status == 200, made.body.constData());
    const QJsonObject get{{"TableName", "made"}, {"Key", QJsonObject{{"id", S("none")}}}};
    QVERIFY(share(get));
    QCOMPARE(call("DeleteTable", {{"TableName", "made"}}).status, 200);
    QVERIFY(notFound(get));
}

NodeId TestTableReads::addReader(const QString &name, bool connected)
{
    const NodeId reader = mLocal->addFunction(
        name,
        "exports.handler = async (event) => { await new Promise((r) => setTimeout(r, event.ms)); return {}; };\n");
    (void)mLocal->project.setNodeProperty(reader, QStringLiteral("timeout"), 60);
    if (connected && !mLocal->project.connectNodes(reader, mThings, QStringLiteral("reads")))
        return kInvalidNodeId;
    return reader;
}

QByteArray TestTableReads::invoke(const QString &function, int ms, bool *finished)
{
    *finished = false;
    const Result<qint64> entry = mLocal->cloud->invoke(function, QByteArray("{\"ms\":") + QByteArray::number(ms) + '}',
                                                       QStringLiteral("test"), 0,
                                                       [finished](const InvocationResult &) { *finished = true; });
    if (!entry)
        return {};
    // As the bootstraps write _X_AMZN_TRACE_ID: the request id's hex digits, 8 then 24.
    const QByteArray hex = mLocal->cloud->requestOfEntry(*entry).toLatin1().replace('-', QByteArray());
    if (hex.size() != 32)
        return {};
    return "X-Amzn-Trace-Id: Root=1-" + hex.left(8) + '-' + hex.mid(8) + ";Parent=53995c3f42cd8ad8;Sampled=0\r\n";
}

int TestTableReads::problems() const
{
    const QList<CloudLogEntry> log = mLocal->cloud->log();
    return int(
        std::count_if(log.cbegin(), log.cend(), [](const CloudLogEntry &e) { return !e.deniedAction.isEmpty(); }));
}

void TestTableReads::functionsReadsAreShared_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("shared");
    QTest::addColumn<int>("logged"); // problems after two calls
    QTest::newRow("reads, warn") << "warn" << true << 200 << true << 0;
    QTest::newRow("reads, enforce") << "enforce" << true << 200 << true << 0;
    QTest::newRow("no connection, off") << "off" << false << 200 << true << 0;
    // Every call is logged (and in enforce mode refused): none is answered without the cloud's thread.
    QTest::newRow("no connection, warn") << "warn" << false << 200 << false << 2;
    QTest::newRow("no connection, enforce") << "enforce" << false << 400 << false << 2;
}

void TestTableReads::functionsReadsAreShared()
{
    QFETCH(QString, mode);
    QFETCH(bool, connected);
    QFETCH(int, status);
    QFETCH(bool, shared);
    QFETCH(int, logged);
    QVERIFY(addReader(QStringLiteral("reader"), connected) != kInvalidNodeId);
    mLocal->cloud->setIamMode(*LocalCloud::iamModeFromName(mode));
    bool finished = false;
    const QByteArray trace = invoke(QStringLiteral("reader"), 30000, &finished);
    QVERIFY(!trace.isEmpty());
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    // The key is known to TableReads, and the function's first read goes through the cloud's thread.
    QCOMPARE(call("GetItem", get).status, 200);
    const HttpAnswer first = call("GetItem", get, trace);
    QCOMPARE(first.status, status);
    HttpAnswer second;
    QCOMPARE(answeredWhileBusy("GetItem", get, trace, &second), shared);
    QCOMPARE(second.status, status);
    QCOMPARE(second.body, first.body);
    QCOMPARE(problems(), logged);
    QVERIFY(!finished);
}

void TestTableReads::endedInvocationGoesThroughTheCloud()
{
    QVERIFY(addReader(QStringLiteral("reader"), true) != kInvalidNodeId);
    bool finished = false;
    const QByteArray trace = invoke(QStringLiteral("reader"), 1500, &finished);
    QVERIFY(!trace.isEmpty());
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QCOMPARE(call("GetItem", get, trace).status, 200);
    HttpAnswer answer;
    QVERIFY(answeredWhileBusy("GetItem", get, trace, &answer));
    QVERIFY(QTest::qWaitFor([&] { return finished; }, 30000));
    // Its calls now name no running invocation: the cloud's thread serves them (with no cause).
    QVERIFY(!answeredWhileBusy("GetItem", get, trace, &answer));
    QCOMPARE(answer.status, 200);
}

void TestTableReads::grantsAreTheFunctions()
{
    QVERIFY(addReader(QStringLiteral("reader"), true) != kInvalidNodeId);
    QVERIFY(addReader(QStringLiteral("other"), false) != kInvalidNodeId);
    bool readerDone = false;
    bool otherDone = false;
    const QByteArray reader = invoke(QStringLiteral("reader"), 30000, &readerDone);
    const QByteArray other = invoke(QStringLiteral("other"), 30000, &otherDone);
    QVERIFY(!reader.isEmpty() && !other.isEmpty());
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QCOMPARE(call("GetItem", get, reader).status, 200);
    HttpAnswer answer;
    QVERIFY(answeredWhileBusy("GetItem", get, reader, &answer));
    QCOMPARE(problems(), 0);
    // What reader may read, other may not: its call is the cloud's to check and log.
    QVERIFY(!answeredWhileBusy("GetItem", get, other, &answer));
    QCOMPARE(answer.status, 200);
    QCOMPARE(problems(), 1);
    // A trace header naming no invocation the cloud knows goes there too.
    QVERIFY(!answeredWhileBusy("GetItem", get, reader.left(30) + "00000000000000000000000;Sampled=0\r\n", &answer));
}

void TestTableReads::grantsEndWithThePermissions()
{
    QVERIFY(addReader(QStringLiteral("reader"), true) != kInvalidNodeId);
    bool finished = false;
    const QByteArray trace = invoke(QStringLiteral("reader"), 30000, &finished);
    QVERIFY(!trace.isEmpty());
    const QJsonObject get{{"TableName", "things"}, {"Key", QJsonObject{{"id", S("a")}}}};
    QCOMPARE(call("GetItem", get, trace).status, 200);
    HttpAnswer answer;
    QVERIFY(answeredWhileBusy("GetItem", get, trace, &answer));
    // Another IAM mode: what was allowed is checked again.
    mLocal->cloud->setIamMode(LocalCloud::IamMode::Enforce);
    QVERIFY(!answeredWhileBusy("GetItem", get, trace, &answer));
    QCOMPARE(answer.status, 200);
    QVERIFY(answeredWhileBusy("GetItem", get, trace, &answer));
    // The connection removed: the table is known again from a plain read, but not the grant.
    QList<EdgeId> edges;
    for (const auto &[id, edge] : mLocal->project.architecture().edges())
        edges.append(id);
    QCOMPARE(edges.size(), 1);
    mLocal->project.removeItems({}, edges);
    QCOMPARE(call("GetItem", get).status, 200);
    QVERIFY(!answeredWhileBusy("GetItem", get, trace, &answer));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.type(), QStringLiteral("AccessDeniedException"));
    QCOMPARE(problems(), 1);
}

QTEST_MAIN(TestTableReads)
#include "tst_tablereads.moc"
