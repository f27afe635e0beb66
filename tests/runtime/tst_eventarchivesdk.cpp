// Event bus archive and replay through the real SDKs: a function on the canvas reads the
// bus's archive with the AWS SDK for JavaScript v3 (the runtime folder's
// @aws-sdk/client-eventbridge) or Debian's boto3, is refused another archive, changes its
// retention, replays a morning's range onto the bus and follows the replay until it
// completes; the replayed orders reach the rule's queue again. AWS's error names as the
// SDKs see them are checked too.

#include "cloud/eventarchive.h"
#include "cloud/virtualclock.h"
#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {

const QDateTime kMorning = QDateTime(QDate(2027, 3, 1), QTime(8, 0), Qt::UTC);

const QByteArray kNodeClient = R"(
const { EventBridgeClient, DescribeArchiveCommand, ListArchivesCommand, CreateArchiveCommand,
        UpdateArchiveCommand, StartReplayCommand, DescribeReplayCommand, ListReplaysCommand,
        CancelReplayCommand } = require("@aws-sdk/client-eventbridge");
const events = new EventBridgeClient({});
const errorName = async (sent) => { try { await sent; return null; } catch (error) { return error.name; } };

exports.handler = async (event) => {
    const archive = await events.send(new DescribeArchiveCommand({ ArchiveName: "orders-archive" }));
    const listed = await events.send(new ListArchivesCommand({}));
    const otherError = await errorName(events.send(new CreateArchiveCommand({
        ArchiveName: "mine", EventSourceArn: archive.EventSourceArn })));
    const existsError = await errorName(events.send(new CreateArchiveCommand({
        ArchiveName: "orders-archive", EventSourceArn: archive.EventSourceArn })));
    const updated = await events.send(new UpdateArchiveCommand({ ArchiveName: "orders-archive", RetentionDays: 7 }));
    const after = await events.send(new DescribeArchiveCommand({ ArchiveName: "orders-archive" }));
    const started = await events.send(new StartReplayCommand({
        ReplayName: "sdk-replay", EventSourceArn: archive.ArchiveArn,
        EventStartTime: new Date(event.start * 1000), EventEndTime: new Date(event.end * 1000),
        Destination: { Arn: archive.EventSourceArn } }));
    let replay;
    do {
        replay = await events.send(new DescribeReplayCommand({ ReplayName: "sdk-replay" }));
    } while (replay.State === "STARTING" || replay.State === "RUNNING");
    const replays = await events.send(new ListReplaysCommand({ NamePrefix: "sdk" }));
    return {
        name: archive.ArchiveName, count: archive.EventCount, retention: archive.RetentionDays,
        retentionAfter: after.RetentionDays, listed: listed.Archives.map((a) => a.ArchiveName),
        otherError, existsError, updated: updated.State, started: started.State, state: replay.State,
        start: replay.EventStartTime.getTime() / 1000, last: replay.EventLastReplayedTime.getTime() / 1000,
        replays: replays.Replays.map((r) => r.ReplayName),
        cancelError: await errorName(events.send(new CancelReplayCommand({ ReplayName: "sdk-replay" }))),
        missingError: await errorName(events.send(new DescribeReplayCommand({ ReplayName: "nope" }))),
    };
};
)";

const QByteArray kPythonClient = R"(
import boto3
from botocore.exceptions import ClientError

events = boto3.client("events")


def error_name(call, **arguments):
    try:
        call(**arguments)
        return None
    except ClientError as error:
        return error.response["Error"]["Code"]


def handler(event, context):
    archive = events.describe_archive(ArchiveName="orders-archive")
    listed = events.list_archives()
    other_error = error_name(events.create_archive, ArchiveName="mine", EventSourceArn=archive["EventSourceArn"])
    exists_error = error_name(events.create_archive, ArchiveName="orders-archive",
                              EventSourceArn=archive["EventSourceArn"])
    updated = events.update_archive(ArchiveName="orders-archive", RetentionDays=7)
    after = events.describe_archive(ArchiveName="orders-archive")
    started = events.start_replay(ReplayName="sdk-replay", EventSourceArn=archive["ArchiveArn"],
                                  EventStartTime=event["start"], EventEndTime=event["end"],
                                  Destination={"Arn": archive["EventSourceArn"]})
    replay = events.describe_replay(ReplayName="sdk-replay")
    while replay["State"] in ("STARTING", "RUNNING"):
        replay = events.describe_replay(ReplayName="sdk-replay")
    replays = events.list_replays(NamePrefix="sdk")
    return {
        "name": archive["ArchiveName"], "count": archive["EventCount"], "retention": archive["RetentionDays"],
        "retentionAfter": after["RetentionDays"], "listed": [a["ArchiveName"] for a in listed["Archives"]],
        "otherError": other_error, "existsError": exists_error, "updated": updated["State"],
        "started": started["State"], "state": replay["State"],
        "start": replay["EventStartTime"].timestamp(), "last": replay["EventLastReplayedTime"].timestamp(),
        "replays": [r["ReplayName"] for r in replays["Replays"]],
        "cancelError": error_name(events.cancel_replay, ReplayName="sdk-replay"),
        "missingError": error_name(events.describe_replay, ReplayName="nope"),
    }
)";

} // namespace

class TestEventArchiveSdk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void archiveAndReplay_data();
    void archiveAndReplay();

private:
    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestEventArchiveSdk::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestEventArchiveSdk::cleanup()
{
    f.reset();
}

void TestEventArchiveSdk::archiveAndReplay_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("JavaScript v3") << "node";
    QTest::newRow("boto3") << "python";
}

void TestEventArchiveSdk::archiveAndReplay()
{
    QFETCH(QString, language);
    NodeId ops = kInvalidNodeId;
    if (language == "node") {
        ops = f->addFunction("ops", kNodeClient);
    } else {
        ops = f->project.addNode("function", {}, "ops").valueOr(kInvalidNodeId);
        QVERIFY(f->project.setNodeProperty(ops, "runtime", "python3.11"));
        QVERIFY(f->project.setNodeProperty(ops, "handler", "app.handler"));
        QDir().mkpath(f->folder.filePath("functions/ops"));
        QFile file(f->folder.filePath("functions/ops/app.py"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPythonClient);
    }
    QVERIFY(f->project.setNodeProperty(ops, "timeout", 60));
    const NodeId bus = f->project.addNode("event-bus", {}, "orders").valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(bus, "archive", true));
    const NodeId rule = f->project.addNode("rule", {}, "placed").valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(rule, "pattern", R"({"source": ["shop.orders"]})"));
    QVERIFY(f->project.connectNodes(bus, rule, "routes"));
    QVERIFY(
        f->project.connectNodes(rule, f->project.addNode("queue", {}, "review").valueOr(kInvalidNodeId), "targets"));
    f->cloud->virtualClock().pause();
    f->cloud->virtualClock().set(kMorning);
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    // Orders at 08:00, 08:10 and 08:40; the replay takes 08:00 to 08:30.
    for (int minutes : {0, 10, 30}) {
        QVERIFY(f->cloud->advance(qint64(minutes) * 60 * 1000));
        const QJsonObject entry{{"Source", "shop.orders"},
                                {"DetailType", "order placed"},
                                {"Detail", QString(R"({"minute": %1})").arg(minutes)}};
        QVERIFY(f->cloud->putEvents("orders", {entry}).at(0).toObject().contains("EventId"));
    }
    QVERIFY(f->cloud->advance(3600 * 1000));
    QCOMPARE(f->cloud->state().purgeQueue("review"), 3);

    const double start = kMorning.toSecsSinceEpoch();
    std::optional<InvocationResult> result;
    const Result<qint64> entry = f->cloud->invoke(
        "ops", QJsonDocument(QJsonObject{{"start", start}, {"end", start + 1800}}).toJson(), "test", 0,
        [&](const InvocationResult &r) { result = r; });
    QVERIFY2(entry, qPrintable(entry.errorMessage()));
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 120000));
    QVERIFY2(result->ok, qPrintable(result->error.value("errorMessage").toString()));
    const QJsonObject answer = QJsonDocument::fromJson(result->resultJson).object();
    QCOMPARE(answer["name"].toString(), "orders-archive");
    QCOMPARE(answer["count"].toInt(), 3);
    QCOMPARE(answer["retention"].toInt(), 0);
    QCOMPARE(answer["retentionAfter"].toInt(), 7);
    QCOMPARE(answer["listed"].toArray(), QJsonArray{"orders-archive"});
    QCOMPARE(answer["otherError"].toString(), "ValidationException");
    QCOMPARE(answer["existsError"].toString(), "ResourceAlreadyExistsException");
    QCOMPARE(answer["updated"].toString(), "ENABLED");
    QCOMPARE(answer["started"].toString(), "STARTING");
    QCOMPARE(answer["state"].toString(), "COMPLETED");
    QCOMPARE(answer["start"].toDouble(), start);
    QCOMPARE(answer["last"].toDouble(), start + 600);
    QCOMPARE(answer["replays"].toArray(), QJsonArray{"sdk-replay"});
    QCOMPARE(answer["cancelError"].toString(), "IllegalStatusException");
    QCOMPARE(answer["missingError"].toString(), "ResourceNotFoundException");

    // The replayed orders reached the rule's queue again, marked as replayed.
    const QList<QueueMessage> messages = f->cloud->state().messages("review");
    QCOMPARE(messages.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject event = QJsonDocument::fromJson(messages.at(i).body).object();
        QCOMPARE(event["replay-name"].toString(), "sdk-replay");
        QCOMPARE(event["detail"]["minute"].toInt(), i * 10);
    }
    QCOMPARE(f->cloud->state().archivedCount("orders-archive"), 3);
}

QTEST_GUILESS_MAIN(TestEventArchiveSdk)
#include "tst_eventarchivesdk.moc"
