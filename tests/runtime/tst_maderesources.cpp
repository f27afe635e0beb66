// Resources made by code (issue 23 item 5, the undeclared part): a queue, topic, table or
// bucket that the design does not declare is made for the run beside the design, served
// by name through LocalCloud's own operations as a design's node would be, named uniquely
// against the design, FIFO by its ".fifo" name, bounded in number, forgotten (keeping what
// it holds) when the design takes it over, and gone when the cloud stops.

#include "cloudfixture.h"

#include "model/kinds.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Nimbus;

class TestMadeResources : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void refusedWhenItCannotBeMade_data();
    void refusedWhenItCannotBeMade();
    void queueServedByName();
    void tableServedWithItsKeys();
    void bucketServedByName();
    void topicServedByName();
    void madeBesideTheDesign();
    void nodeNamesAreUnique();
    void theSameNameAgainIsTheSameResource();
    void listedAfterTheDesigns();
    void fifoByItsName();
    void boundedInNumber();
    void forgottenKeepingWhatItHolds();
    void takenBackWhenTheDesignLetsGo();
    void removedWithWhatItHolds();
    void goneWhenTheCloudStops();
    void madeByTheFunctionOfTheCause();

private:
    QString make(const QString &kind, const QString &awsName, const QJsonObject &properties = {}, qint64 cause = 0);
    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    LocalCloud *cloud() const { return mCloud->cloud.get(); }
};

void TestMadeResources::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    // The design declares a queue "jobs" and a table "orders".
    QVERIFY(mCloud->project.addNode(Kinds::Queue, {}, QStringLiteral("jobs")));
    QVERIFY(mCloud->project.addNode(Kinds::Table, {}, QStringLiteral("orders")));
    QVERIFY2(mCloud->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mCloud->error));
}

void TestMadeResources::cleanup()
{
    mCloud.reset();
}

QString TestMadeResources::make(const QString &kind, const QString &awsName, const QJsonObject &properties,
                                qint64 cause)
{
    const Result<QString> made = cloud()->makeResource(kind, awsName, properties, cause);
    if (!made)
        qWarning("not made: %s", qPrintable(made.errorMessage()));
    return made.valueOr(QString());
}

void TestMadeResources::refusedWhenItCannotBeMade_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<QString>("error");
    QTest::newRow("a function") << QStringLiteral("function") << QStringLiteral("f") << QJsonObject()
                                << QStringLiteral("not a function");
    QTest::newRow("no name") << QString(Kinds::Queue) << QString() << QJsonObject() << QStringLiteral("1 to 256");
    QTest::newRow("control character") << QString(Kinds::Bucket) << QStringLiteral("a\nb") << QJsonObject()
                                       << QStringLiteral("control characters");
    QTest::newRow("too long") << QString(Kinds::Table) << QString(257, QLatin1Char('t')) << QJsonObject()
                              << QStringLiteral("1 to 256");
    QTest::newRow("FIFO without .fifo") << QString(Kinds::Queue) << QStringLiteral("plain")
                                        << QJsonObject{{"fifo", true}} << QStringLiteral("ending in .fifo");
    QTest::newRow(".fifo not FIFO") << QString(Kinds::Topic) << QStringLiteral("t.fifo") << QJsonObject{{"fifo", false}}
                                    << QStringLiteral("not to be FIFO");
}

void TestMadeResources::refusedWhenItCannotBeMade()
{
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QJsonObject, properties);
    QFETCH(QString, error);
    const Result<QString> made = cloud()->makeResource(kind, name, properties, 0);
    QVERIFY(!made);
    QVERIFY2(made.errorMessage().contains(error), qPrintable(made.errorMessage()));
    QVERIFY(cloud()->madeResources().isEmpty());

    // Nor while the cloud is not running.
    cloud()->stop();
    const Result<QString> stopped = cloud()->makeResource(Kinds::Queue, QStringLiteral("later"), {}, 0);
    QVERIFY(!stopped);
    QVERIFY2(stopped.errorMessage().contains(QStringLiteral("not running")), qPrintable(stopped.errorMessage()));
}

void TestMadeResources::queueServedByName()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("emails"), {{"visibilityTimeout", 45}});
    QCOMPARE(queue, QStringLiteral("emails"));
    QVERIFY(cloud()->isQueue(queue));
    QVERIFY(!cloud()->isFifo(queue));
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("emails")), queue);
    QCOMPARE(cloud()->resourceNode(queue)->properties.value("visibilityTimeout").toInt(), 45);
    // The kind's defaults for the rest.
    QCOMPARE(cloud()->resourceNode(queue)->properties.value("maxReceiveCount").toInt(), 5);

    QVERIFY(cloud()->sendMessage(queue, "hello"));
    QCOMPARE(cloud()->storedCount(queue), 1);
    const QList<QueueMessage> received = cloud()->receiveMessages(queue, 10, -1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().body, QByteArray("hello"));
    QVERIFY(cloud()->deleteMessage(queue, received.first().receiptHandle));
    QCOMPARE(cloud()->storedCount(queue), 0);
}

void TestMadeResources::tableServedWithItsKeys()
{
    const QString table = make(Kinds::Table, QStringLiteral("Players"),
                               {{"partitionKey", "pk"}, {"sortKey", "sk"}, {"sortKeyType", "N"}});
    QCOMPARE(table, QStringLiteral("Players"));
    const TableKeys keys = cloud()->tableKeys(table);
    QCOMPARE(keys.partitionKey, QStringLiteral("pk"));
    QCOMPARE(keys.partitionType, QStringLiteral("S"));
    QCOMPARE(keys.sortKey, QStringLiteral("sk"));
    QCOMPARE(keys.sortType, QStringLiteral("N"));
    QVERIFY(cloud()->putItem(table, {{"pk", QJsonObject{{"S", "ann"}}}, {"sk", QJsonObject{{"N", "1"}}}}));
    // The key schema is the one asked for: an item without the sort key is refused.
    QVERIFY(!cloud()->putItem(table, {{"pk", QJsonObject{{"S", "bob"}}}}));
    QCOMPARE(cloud()->storedCount(table), 1);
}

void TestMadeResources::bucketServedByName()
{
    const QString bucket = make(Kinds::Bucket, QStringLiteral("my.uploads"));
    // A bucket's dots make no node name: the node is my-uploads, known to AWS as my.uploads.
    QCOMPARE(bucket, QStringLiteral("my-uploads"));
    QCOMPARE(cloud()->awsName(bucket), QStringLiteral("my.uploads"));
    QCOMPARE(cloud()->resourceNamed(Kinds::Bucket, QStringLiteral("my.uploads")), bucket);
    QVERIFY(cloud()->resourceNamed(Kinds::Bucket, QStringLiteral("my-uploads")).isEmpty());
    QVERIFY(cloud()->putObject(bucket, QStringLiteral("a/b.txt"), "body"));
    QCOMPARE(cloud()->state().getObject(bucket, QStringLiteral("a/b.txt")).valueOr(QByteArray()), QByteArray("body"));
    QCOMPARE(cloud()->storedCount(bucket), 1);
}

void TestMadeResources::topicServedByName()
{
    const QString topic = make(Kinds::Topic, QStringLiteral("alerts"));
    QCOMPARE(topic, QStringLiteral("alerts"));
    QVERIFY(cloud()->topicArn(topic).endsWith(QStringLiteral(":alerts")));
    const Result<QString> published = cloud()->publish(topic, QStringLiteral("hi"));
    QVERIFY2(published, qPrintable(published.errorMessage()));
    // A queue made by code subscribes to it, and gets what it publishes.
    const QString queue = make(Kinds::Queue, QStringLiteral("inbox"));
    QVERIFY(cloud()->subscribeQueue(topic, queue, true));
    QVERIFY(cloud()->publish(topic, QStringLiteral("second")));
    const QList<QueueMessage> received = cloud()->receiveMessages(queue, 10, -1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().body, QByteArray("second"));
    // Removed (DeleteQueue), the queue's subscription ends: one made again under the same
    // name gets nothing it did not subscribe to.
    QCOMPARE(cloud()->topicSubscriptions(topic).size(), 1);
    QVERIFY(cloud()->removeMadeResource(queue));
    QVERIFY(cloud()->topicSubscriptions(topic).isEmpty());
    QCOMPARE(make(Kinds::Queue, QStringLiteral("inbox")), queue);
    QVERIFY(cloud()->publish(topic, QStringLiteral("third")));
    QVERIFY(cloud()->receiveMessages(queue, 10, -1).isEmpty());
}

void TestMadeResources::madeBesideTheDesign()
{
    QSignalSpy changed(cloud(), &LocalCloud::madeResourcesChanged);
    const int nodes = mCloud->project.architecture().nodes().size();
    const int steps = mCloud->project.undoStack()->count();
    const QString queue = make(Kinds::Queue, QStringLiteral("emails"));
    QCOMPARE(changed.count(), 1);
    // Not in the project: the design is unchanged and has nothing to undo.
    QCOMPARE(int(mCloud->project.architecture().nodes().size()), nodes);
    QVERIFY(!mCloud->project.architecture().nodeByName(queue));
    QCOMPARE(mCloud->project.undoStack()->count(), steps);
    QVERIFY(cloud()->isMadeResource(queue));
    QVERIFY(!cloud()->isMadeResource(QStringLiteral("jobs")));
    const QList<MadeResource> made = cloud()->madeResources();
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.first().kind, QString(Kinds::Queue));
    QCOMPARE(made.first().node, queue);
    QCOMPARE(made.first().awsName, QStringLiteral("emails"));
    QCOMPARE(made.first().madeBy, QStringLiteral("outside"));
    QVERIFY(made.first().when.isValid());
    // The log says so.
    const QList<CloudLogEntry> changes = mCloud->entries(CloudLogEntry::Kind::ServiceChange, queue);
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes.first().detail.contains(QStringLiteral("made by outside")), qPrintable(changes.first().detail));
}

void TestMadeResources::nodeNamesAreUnique()
{
    // A table "jobs" beside the design's queue "jobs": its own node, known to AWS as jobs.
    const QString table = make(Kinds::Table, QStringLiteral("jobs"));
    QCOMPARE(table, QStringLiteral("jobs2"));
    QCOMPARE(cloud()->awsName(table), QStringLiteral("jobs"));
    QCOMPARE(cloud()->resourceNamed(Kinds::Table, QStringLiteral("jobs")), table);
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("jobs")), QStringLiteral("jobs"));
    // And a bucket "jobs" beside both.
    const QString bucket = make(Kinds::Bucket, QStringLiteral("jobs"));
    QCOMPARE(bucket, QStringLiteral("jobs3"));
    QCOMPARE(cloud()->resourceNamed(Kinds::Bucket, QStringLiteral("jobs")), bucket);
    // Each holds its own.
    QVERIFY(cloud()->putItem(table, {{"id", QJsonObject{{"S", "1"}}}}));
    QVERIFY(cloud()->putObject(bucket, QStringLiteral("k"), "v"));
    QCOMPARE(cloud()->storedCount(table), 1);
    QCOMPARE(cloud()->storedCount(bucket), 1);
    QCOMPARE(cloud()->storedCount(QStringLiteral("jobs")), 0);
    // A name that starts with a digit makes a node name that does not.
    QCOMPARE(make(Kinds::Bucket, QStringLiteral("2024-logs")), QStringLiteral("n2024-logs"));
}

void TestMadeResources::theSameNameAgainIsTheSameResource()
{
    const QString first = make(Kinds::Queue, QStringLiteral("emails"));
    QCOMPARE(make(Kinds::Queue, QStringLiteral("emails")), first);
    QCOMPARE(cloud()->madeResources().size(), 1);
    // The design's own: nothing is made.
    QCOMPARE(make(Kinds::Queue, QStringLiteral("jobs")), QStringLiteral("jobs"));
    QCOMPARE(make(Kinds::Table, QStringLiteral("orders")), QStringLiteral("orders"));
    QCOMPARE(cloud()->madeResources().size(), 1);
}

void TestMadeResources::listedAfterTheDesigns()
{
    QVERIFY(mCloud->project.addNode(Kinds::Queue, {}, QStringLiteral("alpha")));
    make(Kinds::Queue, QStringLiteral("zeta"));
    make(Kinds::Queue, QStringLiteral("beta"));
    make(Kinds::Table, QStringLiteral("scores"));
    QStringList queues;
    for (const Node *node : cloud()->resourceNodes(Kinds::Queue))
        queues << node->name;
    QCOMPARE(queues, (QStringList{QStringLiteral("alpha"), QStringLiteral("jobs"), QStringLiteral("zeta"),
                                  QStringLiteral("beta")}));
    QStringList tables;
    for (const Node *node : cloud()->resourceNodes(Kinds::Table))
        tables << node->name;
    QCOMPARE(tables, (QStringList{QStringLiteral("orders"), QStringLiteral("scores")}));
    QVERIFY(cloud()->resourceNodes(Kinds::Bucket).isEmpty());
}

void TestMadeResources::fifoByItsName()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("tasks.fifo"));
    QCOMPARE(queue, QStringLiteral("tasks"));
    QVERIFY(cloud()->isFifo(queue));
    QCOMPARE(cloud()->awsName(queue), QStringLiteral("tasks.fifo"));
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("tasks.fifo")), queue);
    QVERIFY(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("tasks")).isEmpty());
    QCOMPARE(cloud()->awsName(queue + QStringLiteral("-dlq")), QStringLiteral("tasks-dlq.fifo"));
    // Deduplicated as a FIFO queue is.
    const Result<SentMessage> first = cloud()->sendFifoMessage(queue, "a", {},
                                                               {QStringLiteral("g"), QStringLiteral("d1")});
    const Result<SentMessage> again = cloud()->sendFifoMessage(queue, "a", {},
                                                               {QStringLiteral("g"), QStringLiteral("d1")});
    QVERIFY(first && again);
    QVERIFY(again->duplicate);
    QCOMPARE(cloud()->storedCount(queue), 1);
    // A FIFO queue beside the design's standard queue jobs: jobs.fifo is another queue.
    const QString fifoJobs = make(Kinds::Queue, QStringLiteral("jobs.fifo"));
    QCOMPARE(fifoJobs, QStringLiteral("jobs2"));
    QVERIFY(cloud()->isFifo(fifoJobs));
    QVERIFY(!cloud()->isFifo(QStringLiteral("jobs")));
    QCOMPARE(cloud()->awsName(fifoJobs), QStringLiteral("jobs.fifo"));
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("jobs.fifo")), fifoJobs);
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("jobs")), QStringLiteral("jobs"));
    // A FIFO topic too.
    const QString topic = make(Kinds::Topic, QStringLiteral("events.fifo"));
    QVERIFY(cloud()->isFifo(topic));
    QCOMPARE(cloud()->awsName(topic), QStringLiteral("events.fifo"));
}

void TestMadeResources::boundedInNumber()
{
    for (int i = 0; i < LocalCloud::kMadeResourceLimit; ++i)
        QVERIFY(cloud()->makeResource(Kinds::Bucket, QStringLiteral("b%1").arg(i), {}, 0));
    QCOMPARE(cloud()->madeResources().size(), LocalCloud::kMadeResourceLimit);
    const Result<QString> beyond = cloud()->makeResource(Kinds::Queue, QStringLiteral("one-more"), {}, 0);
    QVERIFY(!beyond);
    QVERIFY2(beyond.errorMessage().contains(QString::number(LocalCloud::kMadeResourceLimit)),
             qPrintable(beyond.errorMessage()));
    QVERIFY(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("one-more")).isEmpty());
    // What exists already is still answered.
    QCOMPARE(make(Kinds::Bucket, QStringLiteral("b7")), QStringLiteral("b7"));
    // Removing one makes room.
    QVERIFY(cloud()->removeMadeResource(QStringLiteral("b0")));
    QCOMPARE(make(Kinds::Queue, QStringLiteral("one-more")), QStringLiteral("one-more"));
}

void TestMadeResources::forgottenKeepingWhatItHolds()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("later"), {{"visibilityTimeout", 12}});
    QVERIFY(cloud()->sendMessage(queue, "kept"));
    // The design takes it over under the same name ("Add to design"), then it is forgotten.
    QVERIFY(mCloud->project.addNode(Kinds::Queue, {}, queue));
    QVERIFY(!cloud()->isMadeResource(queue));
    QSignalSpy changed(cloud(), &LocalCloud::madeResourcesChanged);
    QVERIFY(cloud()->forgetMadeResource(queue));
    QCOMPARE(changed.count(), 1);
    QVERIFY(cloud()->madeResources().isEmpty());
    QVERIFY(!cloud()->madeResourceNode(queue));
    // The design's node serves it, with the message sent before.
    QCOMPARE(cloud()->resourceNode(queue), mCloud->project.architecture().nodeByName(queue));
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("later")), queue);
    const QList<QueueMessage> received = cloud()->receiveMessages(queue, 10, -1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().body, QByteArray("kept"));
    // Nothing to forget twice.
    QVERIFY(!cloud()->forgetMadeResource(queue));
    QVERIFY(!cloud()->forgetMadeResource(QStringLiteral("jobs")));
}

void TestMadeResources::takenBackWhenTheDesignLetsGo()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("later.fifo"), {{"visibilityTimeout", 12}});
    const MadeResource made = cloud()->madeResources().first();
    const Node node = *cloud()->madeResourceNode(queue);
    QVERIFY(cloud()->sendFifoMessage(queue, "kept", {}, {QStringLiteral("g"), QStringLiteral("d")}));
    // Taken into the design, then the design lets go of it (undone).
    const NodeId id = mCloud->project.addNode(Kinds::Queue, {}, queue).valueOr(kInvalidNodeId);
    QVERIFY(cloud()->forgetMadeResource(queue));
    // While the design has the name, it is not code's to take back.
    QVERIFY(!cloud()->restoreMadeResource(made, node));
    mCloud->project.removeItems({id});
    QVERIFY(!mCloud->project.architecture().nodeByName(queue));
    QSignalSpy changed(cloud(), &LocalCloud::madeResourcesChanged);
    QVERIFY(cloud()->restoreMadeResource(made, node));
    QCOMPARE(changed.count(), 1);
    QVERIFY(cloud()->isMadeResource(queue));
    QCOMPARE(cloud()->madeResources().first().awsName, QStringLiteral("later.fifo"));
    QCOMPARE(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("later.fifo")), queue);
    QVERIFY(cloud()->isFifo(queue));
    QCOMPARE(cloud()->resourceNode(queue)->properties.value("visibilityTimeout").toInt(), 12);
    QCOMPARE(cloud()->storedCount(queue), 1);
    // Once is enough; and not while the cloud is stopped.
    QVERIFY(!cloud()->restoreMadeResource(made, node));
    QVERIFY(cloud()->forgetMadeResource(queue));
    cloud()->stop();
    QVERIFY(!cloud()->restoreMadeResource(made, node));
    // Nor in a later run: what code made lasts its run.
    QVERIFY2(mCloud->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mCloud->error));
    const Result<void> later = cloud()->restoreMadeResource(made, node);
    QVERIFY(!later);
    QVERIFY2(later.errorMessage().contains(QStringLiteral("earlier run")), qPrintable(later.errorMessage()));
    QVERIFY(cloud()->madeResources().isEmpty());
}

void TestMadeResources::removedWithWhatItHolds()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("temp"));
    QVERIFY(cloud()->sendMessage(queue, "gone"));
    const QString bucket = make(Kinds::Bucket, QStringLiteral("scratch"));
    QVERIFY(cloud()->putObject(bucket, QStringLiteral("x"), "y"));
    const QString table = make(Kinds::Table, QStringLiteral("cache"));
    QVERIFY(cloud()->putItem(table, {{"id", QJsonObject{{"S", "1"}}}}));
    for (const QString &name : {queue, bucket, table})
        QVERIFY(cloud()->removeMadeResource(name));
    QVERIFY(cloud()->madeResources().isEmpty());
    QVERIFY(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("temp")).isEmpty());
    QVERIFY(!cloud()->sendMessage(queue, "nowhere"));
    // Made again, they start empty.
    QCOMPARE(make(Kinds::Queue, QStringLiteral("temp")), queue);
    QCOMPARE(make(Kinds::Bucket, QStringLiteral("scratch")), bucket);
    QCOMPARE(make(Kinds::Table, QStringLiteral("cache")), table);
    QCOMPARE(cloud()->storedCount(queue), 0);
    QCOMPARE(cloud()->storedCount(bucket), 0);
    QCOMPARE(cloud()->storedCount(table), 0);
    // The design's resources are not code's to remove this way.
    QVERIFY(!cloud()->removeMadeResource(QStringLiteral("jobs")));
    QVERIFY(mCloud->project.architecture().nodeByName(QStringLiteral("jobs")));
}

void TestMadeResources::goneWhenTheCloudStops()
{
    const QString queue = make(Kinds::Queue, QStringLiteral("emails"));
    QVERIFY(!queue.isEmpty());
    QSignalSpy changed(cloud(), &LocalCloud::madeResourcesChanged);
    cloud()->stop();
    QCOMPARE(changed.count(), 1);
    QVERIFY(cloud()->madeResources().isEmpty());
    QVERIFY(!cloud()->resourceNode(queue));
    QVERIFY(cloud()->resourceNamed(Kinds::Queue, QStringLiteral("emails")).isEmpty());
    QVERIFY(!cloud()->isQueue(queue));
    // The next run starts with the design alone.
    QVERIFY2(mCloud->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mCloud->error));
    QVERIFY(cloud()->madeResources().isEmpty());
    QVERIFY(!cloud()->sendMessage(queue, "nowhere"));
    QVERIFY(cloud()->sendMessage(QStringLiteral("jobs"), "declared"));
}

void TestMadeResources::madeByTheFunctionOfTheCause()
{
    mCloud->addFunction(QStringLiteral("maker"), "exports.handler = async () => ({ ok: true });\n");
    const Result<qint64> invoked = cloud()->invoke(QStringLiteral("maker"), "{}", QStringLiteral("test"), 0, {});
    QVERIFY2(invoked, qPrintable(invoked.errorMessage()));
    const QString queue = make(Kinds::Queue, QStringLiteral("results"), {}, *invoked);
    QCOMPARE(cloud()->madeResources().first().madeBy, QStringLiteral("maker"));
    const QList<CloudLogEntry> changes = mCloud->entries(CloudLogEntry::Kind::ServiceChange, queue);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().cause, *invoked);
    QCOMPARE(changes.first().source, QStringLiteral("maker"));
    QVERIFY(mCloud->waitForInvocations(QStringLiteral("maker"), 1));
}

QTEST_GUILESS_MAIN(TestMadeResources)
#include "tst_maderesources.moc"
