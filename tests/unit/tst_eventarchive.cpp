// Event bus archive and replay in the local cloud (issue 22 item 6): what the archive
// pattern keeps, retention on the virtual clock, a replay of a time range reaching the
// rule's target again in order (same ids, "replay-name" added, never archived again),
// only to the rules asked for, cancelled between events; the archive outliving a restart;
// the EventBridge operations with AWS's errors, the control path and the validator.

#include "cloud/eventarchive.h"
#include "cloud/virtualclock.h"
#include "cloudfixture.h"
#include "model/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Nimbus;

namespace {

const QDateTime kMorning = QDateTime(QDate(2027, 3, 1), QTime(8, 0), Qt::UTC);

QJsonObject order(const QString &id, double total, const QString &type = QStringLiteral("order placed"))
{
    return {{"Source", "shop.orders"},
            {"DetailType", type},
            {"Detail", QString::fromUtf8(
                           QJsonDocument(QJsonObject{{"id", id}, {"total", total}}).toJson(QJsonDocument::Compact))}};
}

} // namespace

class TestEventArchive : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void archivePatternFilters_data();
    void archivePatternFilters();
    void retentionOnTheVirtualClock();
    void replayReachesTheTargetAgainInOrder();
    void replayOnlyToTheRulesAsked();
    void cancelStopsTheReplay();
    void archiveOutlivesARestart();
    void busToBusIsArchivedByTheSecondBus();
    void endpointArchives();
    void endpointReplays();
    void controlArchiveAndReplay();
    void validatorSaysWhatIsWrongWithTheArchivePattern();

private:
    // The bus "orders" (archive on, pattern), its rule "all" to the queue "review", and a
    // rule "big" (total > 100) to the queue "audit"; the cloud started on a paused clock
    // at kMorning.
    void build(const QString &pattern = {}, const QJsonValue &retention = QJsonValue::Null);
    NodeId add(const QString &kind, const QString &name);
    // Puts an order on the bus; its event id.
    QString put(const QString &id, double total, const QString &type = QStringLiteral("order placed"));
    QStringList detailIds(const QString &queue) const;
    QPair<long, QJsonObject> events(const QByteArray &operation, const QJsonObject &input);
    // The same, handed to the endpoint without the event loop running.
    QPair<long, QJsonObject> direct(const QByteArray &operation, const QJsonObject &input);
    void waitForEnd(const QString &replay);

    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
    NodeId mBus = kInvalidNodeId;
};

void TestEventArchive::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestEventArchive::cleanup()
{
    f.reset();
}

NodeId TestEventArchive::add(const QString &kind, const QString &name)
{
    return f->project.addNode(kind, {}, name).valueOr(kInvalidNodeId);
}

void TestEventArchive::build(const QString &pattern, const QJsonValue &retention)
{
    mBus = add("event-bus", "orders");
    QVERIFY(f->project.setNodeProperty(mBus, "archive", true));
    QVERIFY(f->project.setNodeProperty(mBus, "archivePattern", pattern));
    QVERIFY(f->project.setNodeProperty(mBus, "archiveRetention", retention));
    const NodeId all = add("rule", "all");
    QVERIFY(f->project.setNodeProperty(all, "pattern", R"({"source": ["shop.orders"]})"));
    const NodeId big = add("rule", "big");
    QVERIFY(f->project.setNodeProperty(big, "pattern", R"({"detail": {"total": [{"numeric": [">", 100]}]}})"));
    QVERIFY(f->project.connectNodes(mBus, all, "routes"));
    QVERIFY(f->project.connectNodes(mBus, big, "routes"));
    QVERIFY(f->project.connectNodes(all, add("queue", "review"), "targets"));
    QVERIFY(f->project.connectNodes(big, add("queue", "audit"), "targets"));
    f->cloud->virtualClock().pause();
    f->cloud->virtualClock().set(kMorning);
    QVERIFY2(f->start(), qPrintable(f->error));
}

QString TestEventArchive::put(const QString &id, double total, const QString &type)
{
    const QJsonArray results = f->cloud->putEvents("orders", {order(id, total, type)});
    return results.at(0)["EventId"].toString();
}

QStringList TestEventArchive::detailIds(const QString &queue) const
{
    QStringList ids;
    for (const QueueMessage &message : f->cloud->state().messages(queue))
        ids.append(QJsonDocument::fromJson(message.body)["detail"]["id"].toString());
    return ids;
}

QPair<long, QJsonObject> TestEventArchive::events(const QByteArray &operation, const QJsonObject &input)
{
    const NimbusTest::HttpReply reply = NimbusTest::httpRequest(
        "POST", f->endpoint->url().toUtf8() + "/", QJsonDocument(input).toJson(),
        {"Content-Type: application/x-amz-json-1.1", "X-Amz-Target: AWSEvents." + operation});
    return {reply.status, QJsonDocument::fromJson(reply.body).object()};
}

QPair<long, QJsonObject> TestEventArchive::direct(const QByteArray &operation, const QJsonObject &input)
{
    AwsRequest request;
    request.method = "POST";
    request.path = "/";
    request.host = "localhost";
    request.when = QDateTime::currentDateTimeUtc();
    request.headers = {{"content-type", "application/x-amz-json-1.1"}, {"x-amz-target", "AWSEvents." + operation}};
    request.body = QJsonDocument(input).toJson();
    QPair<long, QJsonObject> answer{0, {}};
    f->endpoint->handle(request, [&answer](const HttpResponseData &response) {
        answer = {response.status, QJsonDocument::fromJson(response.body).object()};
    });
    return answer;
}

void TestEventArchive::waitForEnd(const QString &replay)
{
    QTRY_VERIFY(f->cloud->eventArchive().replay(replay) && !f->cloud->eventArchive().replay(replay)->isActive());
}

void TestEventArchive::archivePatternFilters_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("archived"); // of o1 (50, placed), o2 (150, placed), o3 (500, cancelled)
    QTest::newRow("empty: every event") << QString() << QStringList{"o1", "o2", "o3"};
    QTest::newRow("detail-type") << R"({"detail-type": ["order placed"]})" << QStringList{"o1", "o2"};
    QTest::newRow("numeric") << R"({"detail": {"total": [{"numeric": [">=", 150]}]}})" << QStringList{"o2", "o3"};
    QTest::newRow("nothing") << R"({"source": ["someone.else"]})" << QStringList{};
}

void TestEventArchive::archivePatternFilters()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, archived);
    build(pattern);
    put("o1", 50);
    put("o2", 150);
    put("o3", 500, "order cancelled");
    QStringList ids;
    for (const ArchivedEvent &event : f->cloud->state().archivedEvents("orders-archive"))
        ids.append(event.event["detail"]["id"].toString());
    QCOMPARE(ids, archived);
    // Routing does not depend on the archive: every order reached the rule "all".
    QCOMPARE(detailIds("review"), (QStringList{"o1", "o2", "o3"}));
}

void TestEventArchive::retentionOnTheVirtualClock()
{
    build({}, 1);
    put("early", 1);
    QVERIFY(f->cloud->advance(12 * 3600 * 1000));
    put("later", 2);
    // The next thing due is the first event's end of retention, a day after it arrived.
    QCOMPARE(f->cloud->nextDue(), kMorning.addDays(1));
    QVERIFY(f->cloud->advance(11 * 3600 * 1000));
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 2);
    QVERIFY(f->cloud->advance(2 * 3600 * 1000));
    const QList<ArchivedEvent> left = f->cloud->state().archivedEvents("orders-archive");
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().event["detail"]["id"].toString(), "later");
    QCOMPARE(left.first().arrived, kMorning.addSecs(12 * 3600));
    QVERIFY(f->cloud->runUntilNextDue());
    QCOMPARE(f->cloud->clock().now(), kMorning.addSecs(36 * 3600));
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 0);
}

void TestEventArchive::replayReachesTheTargetAgainInOrder()
{
    build();
    QStringList ids;
    for (int hour = 0; hour < 4; ++hour) {
        ids.append(put(QString("o%1").arg(hour), 10 + hour));
        QVERIFY(f->cloud->advance(3600 * 1000));
    }
    QCOMPARE(f->cloud->state().purgeQueue("review"), 4);
    // 09:00 to 11:00: the orders of the second and third hours.
    const Result<ReplayInfo> started = f->cloud->eventArchive().startReplay(
        "after-the-fix", "orders-archive", kMorning.addSecs(3600), kMorning.addSecs(3 * 3600));
    QVERIFY2(started, qPrintable(started.errorMessage()));
    QCOMPARE(started->total, 2);
    QCOMPARE(started->state, ReplayInfo::State::Starting);
    waitForEnd("after-the-fix");
    const ReplayInfo replay = *f->cloud->eventArchive().replay("after-the-fix");
    QCOMPARE(replay.state, ReplayInfo::State::Completed);
    QCOMPARE(replay.replayed, 2);
    QCOMPARE(replay.lastReplayed, kMorning.addSecs(2 * 3600));
    const QList<QueueMessage> messages = f->cloud->state().messages("review");
    QCOMPARE(messages.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject event = QJsonDocument::fromJson(messages.at(i).body).object();
        QCOMPARE(event["id"].toString(), ids.at(i + 1));
        QCOMPARE(event["detail"]["id"].toString(), QString("o%1").arg(i + 1));
        QCOMPARE(event["time"].toString(), kMorning.addSecs((i + 1) * 3600).toString(Qt::ISODate));
        QCOMPARE(event["replay-name"].toString(), "after-the-fix");
    }
    // Replayed events are not archived again.
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 4);
}

void TestEventArchive::replayOnlyToTheRulesAsked()
{
    build();
    put("small", 50);
    put("large", 500);
    QVERIFY(f->cloud->advance(60 * 1000));
    QCOMPARE(f->cloud->state().purgeQueue("review"), 2);
    QCOMPARE(f->cloud->state().purgeQueue("audit"), 1);
    QVERIFY(
        f->cloud->eventArchive().startReplay("audit-only", "orders-archive", kMorning, kMorning.addSecs(60), {"big"}));
    waitForEnd("audit-only");
    QCOMPARE(detailIds("review"), QStringList());
    QCOMPARE(detailIds("audit"), QStringList{"large"});
    QCOMPARE(f->cloud->eventArchive().replay("audit-only")->replayed, 2);
}

void TestEventArchive::cancelStopsTheReplay()
{
    build();
    const int count = EventArchive::kReplayBatch * 3;
    for (int i = 0; i < count; ++i)
        put(QString("o%1").arg(i), i);
    QVERIFY(f->cloud->advance(60 * 1000));
    QCOMPARE(f->cloud->state().purgeQueue("review"), count);
    EventArchive &archive = f->cloud->eventArchive();
    // Cancelled as soon as the first events have gone, as a user's Cancel would.
    connect(&archive, &EventArchive::replayChanged, this, [&archive](const QString &name) {
        if (archive.replay(name)->replayed > 0 && archive.replay(name)->isActive())
            QVERIFY(archive.cancelReplay(name));
    });
    QVERIFY(archive.startReplay("stopped", "orders-archive", kMorning, kMorning.addSecs(60)));
    waitForEnd("stopped");
    const ReplayInfo replay = *archive.replay("stopped");
    QCOMPARE(replay.state, ReplayInfo::State::Cancelled);
    QCOMPARE(replay.replayed, EventArchive::kReplayBatch);
    QCOMPARE(f->cloud->state().messages("review").size(), EventArchive::kReplayBatch);
    // Nothing more goes once the event loop has run on.
    QTest::qWait(50);
    QCOMPARE(f->cloud->state().messages("review").size(), EventArchive::kReplayBatch);
    QVERIFY(!archive.cancelReplay("stopped"));
}

void TestEventArchive::archiveOutlivesARestart()
{
    build();
    put("kept", 5);
    f->cloud->stop();
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    const QList<ArchivedEvent> events = f->cloud->state().archivedEvents("orders-archive");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().event["detail"]["id"].toString(), "kept");
    QCOMPARE(events.first().arrived, kMorning);
}

void TestEventArchive::busToBusIsArchivedByTheSecondBus()
{
    const NodeId first = add("event-bus", "front");
    const NodeId forward = add("rule", "forward");
    QVERIFY(f->project.setNodeProperty(forward, "pattern", R"({"source": ["shop.orders"]})"));
    const NodeId second = add("event-bus", "back");
    QVERIFY(f->project.setNodeProperty(second, "archive", true));
    QVERIFY(f->project.connectNodes(first, forward, "routes"));
    QVERIFY(f->project.connectNodes(forward, second, "targets"));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    QVERIFY(f->cloud->putEvents("front", {order("o1", 1)}).at(0).toObject().contains("EventId"));
    QCOMPARE(f->cloud->state().archivedCount("back-archive"), 1);
    QCOMPARE(f->cloud->eventArchive().archives().size(), 1);
}

void TestEventArchive::endpointArchives()
{
    build(R"({"source": ["shop.orders"]})", 7);
    put("o1", 1);
    const QString busArn = "arn:aws:events:us-east-1:000000000000:event-bus/orders";
    auto [status, answer] = events("DescribeArchive", {{"ArchiveName", "orders-archive"}});
    QCOMPARE(status, 200L);
    QCOMPARE(answer["ArchiveArn"].toString(), "arn:aws:events:us-east-1:000000000000:archive/orders-archive");
    QCOMPARE(answer["EventSourceArn"].toString(), busArn);
    QCOMPARE(answer["EventPattern"].toString(), R"({"source": ["shop.orders"]})");
    QCOMPARE(answer["RetentionDays"].toInt(), 7);
    QCOMPARE(answer["EventCount"].toInt(), 1);
    QCOMPARE(answer["State"].toString(), "ENABLED");
    QVERIFY(answer["SizeBytes"].toInt() > 0);

    std::tie(status, answer) = events("ListArchives", {{"NamePrefix", "orders"}});
    QCOMPARE(status, 200L);
    QCOMPARE(answer["Archives"].toArray().size(), 1);
    QCOMPARE(answer["Archives"][0]["ArchiveName"].toString(), "orders-archive");

    // The design's archive exists already; any other is made on the canvas.
    std::tie(status, answer) = events("CreateArchive", {{"ArchiveName", "orders-archive"}, {"EventSourceArn", busArn}});
    QCOMPARE(status, 400L);
    QCOMPARE(answer["__type"].toString(), "ResourceAlreadyExistsException");
    std::tie(status, answer) = events("CreateArchive", {{"ArchiveName", "another"}, {"EventSourceArn", busArn}});
    QCOMPARE(status, 400L);
    QCOMPARE(answer["__type"].toString(), "ValidationException");
    QVERIFY2(answer["message"].toString().contains("turn on Archive on the event bus orders"),
             qPrintable(answer["message"].toString()));
    std::tie(status, answer) = events(
        "CreateArchive",
        {{"ArchiveName", "x"}, {"EventSourceArn", "arn:aws:events:us-east-1:000000000000:event-bus/none"}});
    QCOMPARE(answer["__type"].toString(), "ResourceNotFoundException");
    std::tie(status, answer) = events("DescribeArchive", {{"ArchiveName", "nope"}});
    QCOMPARE(status, 400L);
    QCOMPARE(answer["__type"].toString(), "ResourceNotFoundException");
    QCOMPARE(answer["message"].toString(), "Archive nope does not exist.");

    // UpdateArchive changes it for the run: a bad pattern is refused as EventBridge does.
    std::tie(status, answer) = events("UpdateArchive", {{"ArchiveName", "orders-archive"}, {"EventPattern", "{"}});
    QCOMPARE(answer["__type"].toString(), "InvalidEventPatternException");
    std::tie(status, answer) = events("UpdateArchive", {{"ArchiveName", "orders-archive"},
                                                        {"EventPattern", R"({"detail-type": ["order cancelled"]})"},
                                                        {"RetentionDays", 0}});
    QCOMPARE(status, 200L);
    QCOMPARE(answer["State"].toString(), "ENABLED");
    put("o2", 2);
    put("o3", 3, "order cancelled");
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 2);
    std::tie(status, answer) = events("DescribeArchive", {{"ArchiveName", "orders-archive"}});
    QCOMPARE(answer["RetentionDays"].toInt(), 0);

    std::tie(status, answer) = events("DeleteArchive", {{"ArchiveName", "orders-archive"}});
    QCOMPARE(status, 200L);
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 0);
    put("o4", 4, "order cancelled");
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 0);
    std::tie(status, answer) = events("DeleteArchive", {{"ArchiveName", "orders-archive"}});
    QCOMPARE(answer["__type"].toString(), "ResourceNotFoundException");
}

void TestEventArchive::endpointReplays()
{
    build();
    put("o1", 500);
    QVERIFY(f->cloud->advance(3600 * 1000));
    QCOMPARE(f->cloud->state().purgeQueue("review"), 1);
    QCOMPARE(f->cloud->state().purgeQueue("audit"), 1);
    const QString archiveArn = "arn:aws:events:us-east-1:000000000000:archive/orders-archive";
    const QString busArn = "arn:aws:events:us-east-1:000000000000:event-bus/orders";
    const double start = kMorning.toSecsSinceEpoch(), end = start + 1800;
    auto request = [&](const QString &name, const QJsonObject &destination) {
        return QJsonObject{{"ReplayName", name},
                           {"EventSourceArn", archiveArn},
                           {"EventStartTime", start},
                           {"EventEndTime", end},
                           {"Destination", destination}};
    };
    const QJsonObject toBig{{"Arn", busArn},
                            {"FilterArns", QJsonArray{"arn:aws:events:us-east-1:000000000000:rule/orders/big"}}};
    auto [status, answer] = events("StartReplay", request("fix", toBig));
    QCOMPARE(status, 200L);
    QCOMPARE(answer["ReplayArn"].toString(), "arn:aws:events:us-east-1:000000000000:replay/fix");
    QCOMPARE(answer["State"].toString(), "STARTING");
    QCOMPARE(answer["ReplayStartTime"].toDouble(), double(kMorning.addSecs(3600).toSecsSinceEpoch()));
    waitForEnd("fix");
    QCOMPARE(detailIds("audit"), QStringList{"o1"});
    QCOMPARE(detailIds("review"), QStringList());

    std::tie(status, answer) = events("DescribeReplay", {{"ReplayName", "fix"}});
    QCOMPARE(status, 200L);
    QCOMPARE(answer["State"].toString(), "COMPLETED");
    QCOMPARE(answer["EventSourceArn"].toString(), archiveArn);
    QCOMPARE(answer["Destination"].toObject(), toBig);
    QCOMPARE(answer["EventStartTime"].toDouble(), start);
    QCOMPARE(answer["EventEndTime"].toDouble(), end);
    QCOMPARE(answer["EventLastReplayedTime"].toDouble(), start);
    QVERIFY(answer.contains("ReplayEndTime"));

    std::tie(status, answer) = events("ListReplays", {{"State", "COMPLETED"}});
    QCOMPARE(answer["Replays"].toArray().size(), 1);
    QCOMPARE(answer["Replays"][0]["ReplayName"].toString(), "fix");

    // AWS's errors.
    QCOMPARE(events("StartReplay", request("fix", {{"Arn", busArn}})).second["__type"].toString(),
             "ResourceAlreadyExistsException");
    QJsonObject backwards = request("backwards", {{"Arn", busArn}});
    backwards.insert("EventEndTime", start - 1);
    QCOMPARE(events("StartReplay", backwards).second["__type"].toString(), "ValidationException");
    QJsonObject future = request("future", {{"Arn", busArn}});
    future.insert("EventEndTime", start + 86400);
    QVERIFY(
        events("StartReplay", future).second["message"].toString().contains("EventEndTime cannot be in the future"));
    QJsonObject elsewhere = request("elsewhere", {{"Arn", "arn:aws:events:us-east-1:000000000000:event-bus/default"}});
    QVERIFY(events("StartReplay", elsewhere).second["message"].toString().contains("Cross event bus replay"));
    QJsonObject noArchive = request("none", {{"Arn", busArn}});
    noArchive.insert("EventSourceArn", "arn:aws:events:us-east-1:000000000000:archive/nope");
    QCOMPARE(events("StartReplay", noArchive).second["__type"].toString(), "ResourceNotFoundException");
    QJsonObject unnamed = request("x", {{"Arn", busArn}});
    unnamed.remove("ReplayName");
    std::tie(status, answer) = events("StartReplay", unnamed);
    QCOMPARE(answer["__type"].toString(), "ValidationException");
    QVERIFY(answer["message"].toString().contains("'replayName'"));
    std::tie(status, answer) = events("CancelReplay", {{"ReplayName", "fix"}});
    QCOMPARE(answer["__type"].toString(), "IllegalStatusException");
    QCOMPARE(events("CancelReplay", {{"ReplayName", "nope"}}).second["__type"].toString(), "ResourceNotFoundException");
    QCOMPARE(events("DescribeReplay", {{"ReplayName", "nope"}}).second["__type"].toString(),
             "ResourceNotFoundException");

    // A replay cancelled before its first event replays none (both requests handed to
    // the endpoint at once, so that the event loop does not run between them).
    std::tie(status, answer) = direct("StartReplay", request("second", {{"Arn", busArn}}));
    QCOMPARE(status, 200L);
    std::tie(status, answer) = direct("CancelReplay", {{"ReplayName", "second"}});
    QCOMPARE(status, 200L);
    QCOMPARE(answer["State"].toString(), "CANCELLED");
    QTest::qWait(50);
    QCOMPARE(detailIds("review"), QStringList());
    QCOMPARE(f->cloud->eventArchive().replay("second")->replayed, 0);
}

void TestEventArchive::controlArchiveAndReplay()
{
    build();
    put("o1", 1);
    QVERIFY(f->cloud->advance(60 * 1000));
    put("o2", 2);
    QVERIFY(f->cloud->advance(60 * 1000));
    NimbusTest::HttpReply reply = f->control("archive", R"({"bus": "orders", "from": "2027-03-01T08:01:00Z"})");
    QCOMPARE(reply.status, 200L);
    QJsonArray listed = QJsonDocument::fromJson(reply.body)["events"].toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0)["event"]["detail"]["id"].toString(), "o2");
    QCOMPARE(listed.at(0)["time"].toString(), "2027-03-01T08:01:00.000Z");

    QCOMPARE(f->cloud->state().purgeQueue("review"), 2);
    reply = f->control("replay", R"({"bus": "orders", "from": "2027-03-01T08:00:00Z", "to": "2027-03-01T08:02:00Z",
                                     "rules": ["all"], "name": "by-hand"})");
    QCOMPARE(reply.status, 200L);
    QCOMPARE(QJsonDocument::fromJson(reply.body)["total"].toInt(), 2);
    waitForEnd("by-hand");
    reply = f->control("replay-status", R"({"name": "by-hand"})");
    QCOMPARE(QJsonDocument::fromJson(reply.body)["state"].toString(), "COMPLETED");
    QCOMPARE(QJsonDocument::fromJson(reply.body)["replayed"].toInt(), 2);
    QCOMPARE(detailIds("review"), (QStringList{"o1", "o2"}));

    reply = f->control("replay", R"({"bus": "orders", "from": "2027-03-01T08:00:00Z", "to": "2027-03-01T08:02:00Z",
                                     "rules": ["nope"], "name": "bad"})");
    QCOMPARE(reply.status, 400L);
    reply = f->control("archive", R"({"bus": "nowhere"})");
    QCOMPARE(reply.status, 400L);
}

void TestEventArchive::validatorSaysWhatIsWrongWithTheArchivePattern()
{
    const NodeId bus = add("event-bus", "orders");
    QVERIFY(f->project.setNodeProperty(bus, "archive", true));
    auto problems = [this] {
        QStringList found;
        for (const Diagnostic &d : Validator(f->project.catalog(), f->project.architecture()).validate())
            if (d.property == "archivePattern")
                found.append(d.message);
        return found;
    };
    QCOMPARE(problems(), QStringList());
    QVERIFY(f->project.setNodeProperty(bus, "archivePattern", R"({"source": [{"biggerThan": 1}]})"));
    QCOMPARE(problems().size(), 1);
    QVERIFY2(problems().first().contains("archive pattern: Event pattern is not valid"),
             qPrintable(problems().first()));
}

QTEST_GUILESS_MAIN(TestEventArchive)
#include "tst_eventarchive.moc"
