#pragma once

#include "cloudclock.h"
#include "cloudstate.h"
#include "containerpool.h"
#include "model/node.h"
#include "runtime/invocationresult.h"
#include "runtime/jsontext.h"
#include "tablereads.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QTimer;

namespace Nimbus {

class AsyncInvoker;
class EventArchive;
class FaultInjector;
class FilterCriteria;
class FunctionRunner;
class Project;
class SecretStore;
class VirtualClock;
class WorkflowEngine;
namespace DynamoValue {
struct PreparedItem;
}

// One hop of the local cloud: something happened to a service, or a function ran
// because of something. cause is the id of the hop that led here (0 for a request
// from outside), depth how many hops came before. fromNode, toNode and edge name the
// design's nodes and the connection the hop travelled, where the design has them (the
// studio animates it on the canvas).
struct CloudLogEntry
{
    enum class Kind { Request, Invocation, ServiceChange, Retry, DeadLetter, LoopStopped, Error };

    qint64 id = 0;
    qint64 cause = 0;
    int depth = 0;
    QDateTime when;
    Kind kind = Kind::Invocation;
    QString source; // the node (or "GET /items/42") it came from
    QString target; // the function or service it reached
    bool ok = true;
    bool finished = true; // false while the invocation runs
    double durationMs = 0;
    QString detail;
    int httpStatus = 0; // what the gateway answered the client; 0 when not an HTTP request
    NodeId fromNode = kInvalidNodeId;
    NodeId toNode = kInvalidNodeId;
    EdgeId edge = kInvalidEdgeId;
    // A call a function made without a connection granting it (IamMode warn or enforce):
    // the IAM action ("dynamodb:PutItem"), and the connection type that would grant it
    // ("writes"; empty when none does); source names the function, target the resource.
    QString deniedAction;
    QString grantingEdge;

    static QString kindName(Kind kind);
    // A hop that did not get through (ok false), for the log.
    static CloudLogEntry failure(Kind kind, qint64 cause, const QString &source, const QString &target,
                                 const QString &detail);
};

// An SNS subscription to a queue (protocol sqs) or a function (lambda), with SNS's raw
// delivery and filter policy (on the message attributes, or on the message's JSON when
// the scope is MessageBody): made by Subscribe, or by a connection on the canvas (a
// topic "delivers" to a queue, "invokes" a function), whose properties it carries.
struct TopicSubscription
{
    QString arn;
    QString topic; // node names
    QString protocol;
    QString endpoint;
    QString endpointArn; // as Subscribe named it
    bool raw = false;
    QString filterPolicy; // JSON; empty for none
    QString filterScope = QStringLiteral("MessageAttributes");
    EdgeId edge = kInvalidEdgeId; // the connection that makes it; invalid for Subscribe's
};

// A queue, topic, table or bucket that code made for this run (CreateQueue, CreateTable,
// CreateBucket or CreateTopic naming one the design does not declare): served as a
// design's node of that name would be, shown on the canvas as made by code, until the
// cloud stops or "Add to design" makes it a node of the design.
struct MadeResource
{
    QString kind; // Kinds::Queue, Topic, Table or Bucket
    QString node; // its node name, unique against the design's and the other made ones
    QString awsName; // as the SDK named it ("jobs.fifo")
    QString madeBy; // the function whose invocation made it, or "outside"
    QDateTime when;
    quint64 run = 0; // which start of the cloud it was made in: it lasts that run only
};

// The whole design on the laptop: the state of its queues, topics, buckets, tables and
// schedules, and every event delivered along the canvas's connections to the functions,
// which run on the project's FunctionRunner. The same object serves the gateway, the
// AWS-compatible endpoint, the command line and the studio.
class LocalCloud : public QObject
{
    Q_OBJECT

public:
    // The services' own limits, whoever calls: SQS and SNS messages, DynamoDB items,
    // and S3 objects in one upload.
    static constexpr qsizetype kMessageLimit = 256 * 1024;
    static constexpr qsizetype kItemLimit = 400 * 1024;
    static constexpr qsizetype kObjectLimit = 64 * 1024 * 1024;

    LocalCloud(Project &project, FunctionRunner &runner, QObject *parent = nullptr);
    ~LocalCloud() override;
    // The runner the cloud's functions run on (the gateway follows their streamed answers).
    FunctionRunner &runner() const { return mRunner; }

    // The clock the cloud runs on: its own virtual clock unless a test sets another (not
    // owned; null: back to its own).
    void setClock(const CloudClock *clock);
    const CloudClock &clock() const { return *mClock; }
    // The cloud's own clock (running, equal to the system's time, until it is moved): the
    // studio's tool bar and `nimbus cloud PROJECT clock` show it, pause it and run it.
    VirtualClock &virtualClock() const { return *mVirtualClock; }
    // Moves the virtual clock on by milliseconds, stopping at everything due on the way, in
    // time order: each schedule firing at its own time (a rate(1 hour) over 6 hours fires
    // 6 times), delayed messages and visibility timeouts ending, messages past their
    // queue's retention dropped, items past their Time to Live deleted. The functions it
    // invokes run on real time. The new time, or why it did not move: the cloud is not
    // running or runs on another clock, or a schedule would fire more than kFiringLimit
    // times.
    Result<QDateTime> advance(qint64 milliseconds);
    static constexpr int kFiringLimit = 10000;
    // Advances to the next thing due (see nextDue()); the time it jumped to, or why not.
    Result<QDateTime> runUntilNextDue();
    // When the next thing is due after the clock's time: a schedule's firing, a hidden
    // message becoming visible, a message reaching its retention, an item its Time to Live,
    // an asynchronous invocation's retry or its event's maximum age, a table stream's batch
    // its batching window's end (a failed stream batch is retried on the next tick, whatever
    // the time). Invalid when nothing is.
    QDateTime nextDue() const;
    const Project &project() const { return mProject; }
    QString region() const { return mRegion; }
    void setRegion(const QString &region) { mRegion = region; }
    // Chains of events deeper than this are stopped (16 by default).
    void setLoopLimit(int limit) { mLoopLimit = limit; }
    int loopLimit() const { return mLoopLimit; }

    // The faults the nodes' Chaos properties inject (a function's faultRate, faultType,
    // faultLatency, faultThrottleRate, faultColdStart; a table's, queue's, bucket's or
    // topic's faultThrottleRate) are decided by a seed: with the same seed and the same
    // calls per node, the same calls fail. setFaultSeed fixes it (each start then counts
    // every node's calls from 0 again); unset, each start picks a random one, logged
    // ("faults injected with seed S") when any node has a fault set.
    void setFaultSeed(quint64 seed);
    quint64 faultSeed() const;
    // Whether an SDK call on a service node (a table, queue, bucket or topic, by name) is
    // refused as throttled under its faultThrottleRate; each refusal is logged as injected,
    // caused by cause. operation names the call for the log.
    bool throttlesServiceCall(const QString &service, const QString &operation, qint64 cause);
    // Whether any of the design's or the run's resources has a faultThrottleRate: without
    // one no SDK call needs the resources it names counted.
    bool throttlesServiceCalls() const;

    // Whether the SDK calls functions make are checked against their effective policy
    // (EffectivePolicy, what the export grants their roles): not at all, logged as a
    // problem when not allowed (the default), or refused as AWS refuses them.
    enum class IamMode { Off, Warn, Enforce };
    void setIamMode(IamMode mode);
    IamMode iamMode() const { return mIamMode; }
    static QString iamModeName(IamMode mode);
    static std::optional<IamMode> iamModeFromName(const QString &name);
    // The project's saved mode (Project::iamMode): warn when it has none, and warn when it
    // names a mode this version does not know, with *problem saying so.
    static IamMode iamModeOf(const Project &project, QString *problem = nullptr);
    // An SDK call made by the invocation of log entry cause (or, caller set, by that function,
    // known by its session token): action on the design's node
    // named resource (its ARN resourceArn; objectLevel for an S3 object's action). When the
    // calling function's policy does not allow it, the call is logged (warn and enforce)
    // and, in enforce mode, AWS's message of the refusal is returned ("User: arn:aws:sts::...
    // is not authorized to perform: ..."). Calls from outside a function are allowed.
    // quietly, when given, tells whether the call was allowed with nothing logged.
    std::optional<QString> refusesServiceCall(qint64 cause, const QString &action, const QString &resource,
                                              const QString &resourceArn, bool objectLevel = false,
                                              const QString &caller = {}, bool *quietly = nullptr);

    // Opens the state in directory (created if missing) and starts delivering.
    Result<void> start(const QString &stateDirectory);
    void stop();
    bool isRunning() const { return mRunning; }
    // Which start of the cloud this is (1 for the first): what a service keeps "for this
    // run" (a resource deleted, an attribute set) is dropped when it changes.
    quint64 runNumber() const { return mRun; }
    CloudState &state() { return *mState; }
    // The GetItem answers the endpoint's connection threads give without this thread
    // (see TableReads); forgotten when the design, the run or the made resources change.
    TableReads &tableReads() { return mTableReads; }

    // Service operations by node name. Each delivers what it causes to the functions the
    // node invokes. cause: the log entry of the invocation that did it (0 from outside).
    // Each returns what it made (a message's id) or why it failed.
    Result<QString> sendMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes = {},
                                int delaySeconds = 0, qint64 cause = 0);
    // A message to a FIFO queue with its group and deduplication id (sendMessage gives
    // one the group "default", no deduplication): numbered; a duplicate of a message sent
    // in the last five minutes makes none and answers as that one did.
    Result<SentMessage> sendFifoMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes,
                                        const FifoSend &fifo, qint64 cause = 0);
    // ---- resources made by code for this run ----
    // Makes a resource of kind (Kinds::Queue, Topic, Table or Bucket) that AWS knows as
    // awsName, for this run only: a node kept beside the design (never in the project),
    // with properties given in the catalog's ids (a table's partitionKey, a queue's fifo
    // ...) over the kind's defaults, named after awsName and unique against the design's
    // nodes and the other made ones, so that every operation serves it by that name. A
    // ".fifo" queue or topic is FIFO. cause: the invocation whose function made it (0
    // from outside). The node name serving awsName: the design's resource's or an
    // earlier made one's when there is one (nothing is made then), else the new one's.
    // Refused when the cloud is not running, for another kind, a name over 256
    // characters or with control characters, a FIFO setting that its name contradicts,
    // and beyond kMadeResourceLimit resources.
    Result<QString> makeResource(const QString &kind, const QString &awsName, const QJsonObject &properties,
                                 qint64 cause = 0);
    // The endpoint is open to every program and page on the machine: what they can make is bounded.
    static constexpr int kMadeResourceLimit = 1000;
    // Whether the node is one made by code (not one of the design's).
    bool isMadeResource(const QString &nodeName) const;
    // The resources made in this run, in the order made.
    QList<MadeResource> madeResources() const { return mMade; }
    // The node of a resource made in this run, nullptr for none.
    const Node *madeResourceNode(const QString &nodeName) const;
    // Forgets a made resource, keeping what it holds: after "Add to design", the design's
    // node of the same name serves it, with the same stored messages, items or objects.
    Result<void> forgetMadeResource(const QString &nodeName);
    // Takes a forgotten made resource back (the node "Add to design" made was undone or
    // deleted while the cloud runs): served again as made by code, with what it holds.
    // Refused when the cloud is not running, for one of an earlier run, when the name is
    // taken, or at the limit.
    Result<void> restoreMadeResource(const MadeResource &made, const Node &node);
    // Deletes a made resource (DeleteQueue, DeleteTable ...): forgotten, and its queue's
    // messages, table's items or bucket's objects removed.
    Result<void> removeMadeResource(const QString &nodeName);
    // The queues, topics, tables or buckets (kind) there are in this run, for List* calls:
    // the design's nodes of kind by node name, then those made by code, in the order made.
    QList<const Node *> resourceNodes(const QString &kind) const;
    // The queue, topic, table or bucket (or any node) named nodeName: the design's, else
    // one made by code in this run; nullptr when neither has it.
    const Node *resourceNode(const QString &nodeName) const;

    // A queue node, or the dead-letter queue <queue>-dlq of one.
    bool isQueue(const QString &name) const;
    // A FIFO queue or topic (its node's fifo is set), or the dead-letter queue of one.
    bool isFifo(const QString &name) const;
    // A queue's, topic's, table's or bucket's name as AWS knows it: its node's physical
    // name (the physicalName property, as BucketName, QueueName, TableName or TopicName
    // name it once deployed), else its node name; a FIFO queue's or topic's ends in
    // ".fifo" (the design's names cannot; the exports add it too), and a dead-letter
    // queue's is its queue's with "-dlq" before that.
    QString awsName(const QString &name) const;
    // The node name (or "<queue>-dlq") of the design's resource of kind (Kinds::Queue,
    // Topic, Table or Bucket) that AWS knows as awsName (see awsName()); empty when
    // there is none. The services find what a request names with it, so that a node
    // named Players whose physical name is players is served as players only.
    QString resourceNamed(const QString &kind, const QString &awsName) const;
    // A receive by a client (not a connected function): up to max visible messages,
    // hidden for visibilityTimeout seconds (-1: the queue's own), with the queue's
    // redrive to its dead-letter queue.
    QList<QueueMessage> receiveMessages(const QString &queue, int max, int visibilityTimeout);
    Result<void> deleteMessage(const QString &queue, const QString &receiptHandle);
    Result<void> changeVisibility(const QString &queue, const QString &receiptHandle, int visibilityTimeout);
    // attributes: as SNS events carry them, name -> {"Type": "String", "Value": "..."}.
    Result<QString> publish(const QString &topic, const QString &message, const QString &subject = {}, qint64 cause = 0,
                            const QJsonObject &attributes = {});
    // A publish with, to a FIFO topic, its group and deduplication id (publish gives one
    // the group "default"): numbered and deduplicated as sendFifoMessage; the queues
    // subscribed get it with its group and deduplication id.
    // perProtocol (MessageStructure json) holds the message for each protocol (sqs,
    // lambda) beside its default, which is message.
    Result<SentMessage> publishMessage(const QString &topic, const QString &message, const FifoSend &fifo,
                                       const QString &subject = {}, qint64 cause = 0,
                                       const QJsonObject &attributes = {}, const QJsonObject &perProtocol = {});
    // A queue subscribed to a topic for this run (SNS Subscribe, protocol sqs): raw gets
    // the message alone, else SNS's notification JSON. A FIFO queue only to a FIFO topic.
    Result<void> subscribeQueue(const QString &topic, const QString &queue, bool raw);
    // SNS Subscribe for this run, to a queue (sqs) or a function (lambda): the
    // subscription with its ARN; the same topic, protocol and endpoint again is the same
    // subscription (its attributes then must agree, as SNS asks). What a connection of the
    // design subscribes already is that connection's subscription (attributes given must
    // be its own), never a second one.
    Result<TopicSubscription> subscribe(TopicSubscription subscription);
    // Ends a subscription; a connection's for this run only (the design keeps it).
    Result<void> unsubscribe(const QString &subscriptionArn);
    // The subscriptions to topic (or to every topic): first the connections' (by topic,
    // then connection), with ARNs that stay the same from run to run, then those made by
    // Subscribe, in the order they were made.
    QList<TopicSubscription> topicSubscriptions(const QString &topic = {}) const;
    // RawMessageDelivery, FilterPolicy or FilterPolicyScope of a subscription.
    Result<void> setSubscriptionAttribute(const QString &subscriptionArn, const QString &name, const QString &value);
    // Why a filter policy is not one SNS takes (JSON, its limits, EventBridge's operators
    // that SNS has), empty when it is.
    static QString filterPolicyProblem(const QString &policy, const QString &scope);
    // Whether a message with its attributes ({Type, Value} by name) passes a subscription's
    // filter policy: on the attributes, or on the message's JSON (scope MessageBody).
    static bool passesFilterPolicy(const TopicSubscription &subscription, const QString &message,
                                   const QJsonObject &attributes);
    Result<void> putObject(const QString &bucket, const QString &key, const QByteArray &data,
                           const QString &contentType = {}, qint64 cause = 0);
    // A DELETE: in a versioned bucket it leaves a delete marker, or with versionId
    // removes that version for good; *outcome (if given) says what it did.
    Result<void> deleteObject(const QString &bucket, const QString &key, qint64 cause = 0,
                              const QString &versionId = {}, DeletedObject *outcome = nullptr);
    // A bucket's versioning: Enabled or Suspended as PutBucketVersioning last set it,
    // else Enabled when its node has versioning on, else empty.
    QString bucketVersioning(const QString &bucket) const;
    // A multipart upload's object made of the numbered parts (checked by the caller),
    // assembled on disk without the 64 MB limit of one upload; logged and delivered as
    // putObject's. What S3 tells of it.
    Result<StoredObject> completeUpload(const QString &uploadId, const QList<int> &parts, const QString &etag,
                                        qint64 cause = 0);
    Result<void> putItem(const QString &table, const QJsonObject &item, qint64 cause = 0);
    // The same with the item prepared off the cloud's thread (its size and JSON text).
    Result<void> putItem(const QString &table, const DynamoValue::PreparedItem &item, qint64 cause);
    Result<void> deleteItem(const QString &table, const QJsonObject &key, qint64 cause = 0);
    Result<void> fireSchedule(const QString &schedule);
    // EventBridge PutEvents on a bus (node name, bus name or ARN; each entry's
    // EventBusName wins): one result per entry as AWS answers it (see EventBus::put).
    QJsonArray putEvents(const QString &bus, const QJsonArray &entries, qint64 cause = 0);
    // The design's state machines and their executions (Step Functions).
    WorkflowEngine &workflows() const { return *mWorkflows; }
    // The buses' archives and their replays (EventBridge's archive and replay).
    EventArchive &eventArchive() const { return *mEventArchive; }
    // The resource variables of a function while the cloud runs: AWS_ENDPOINT_URL
    // (once an endpoint is set), dummy credentials, and for each connection to a
    // service its name: <QUEUE>_QUEUE_URL, <TABLE>_TABLE, <BUCKET>_BUCKET,
    // <TOPIC>_TOPIC_ARN, <BUS>_EVENT_BUS_NAME, <SECRET>_SECRET_ARN and <SECRET>_SECRET_NAME,
    // <PARAMETER>_PARAMETER_NAME, <MACHINE>_STATE_MACHINE_ARN, and the Parameters and Secrets extension's
    // PARAMETERS_SECRETS_EXTENSION_HTTP_PORT once it listens. The function's own variables win.
    void setServiceEndpoint(const QString &url);
    // The port of the Parameters and Secrets extension's HTTP endpoint (0: none).
    void setExtensionPort(quint16 port);
    quint16 extensionPort() const { return mExtensionPort; }
    // The function whose worker was given token in AWS_SESSION_TOKEN (empty when none): each
    // function's environment (environmentOf()) carries a token of its own, random, made at
    // its first invocation and the same at the next ones and after a restart (so that warm
    // workers stay warm, as with the shared token before), so that the Parameters and Secrets extension,
    // which asks for it in X-Aws-Parameters-Secrets-Token, knows the calling function without a trace header.
    QString functionOfSessionToken(const QString &token) const;
    // Tokens kept at most; the oldest is forgotten first (its worker's extension calls are refused).
    static constexpr int kSessionTokenLimit = 4096;
    // The log entry of the newest invocation of function still running, 0 when none.
    qint64 runningInvocationOf(const QString &function) const;
    // The values of the design's secrets and parameters (the project's, kept out of it).
    SecretStore &secretStore() const { return *mSecrets; }
    QString serviceEndpoint() const { return mServiceEndpoint; }
    QList<QPair<QString, QString>> environmentOf(const Node &function) const;
    QString topicArn(const QString &topic) const;
    // The log entry of the invocation with this request id while it runs (0 if none):
    // the cause of what the function does through the SDK.
    qint64 causeOfRequest(const QString &requestId) const;
    // The request id of the invocation whose log entry is entry, while it runs.
    QString requestOfEntry(qint64 entry) const;
    // The key schema of a table node.
    TableKeys tableKeys(const QString &table) const;
    // The attribute holding the expiry (epoch seconds) of a table's items, empty when it
    // has no Time to Live: the node's ttlAttribute unless UpdateTimeToLive changed it in
    // this run. setTimeToLive: an empty attribute turns it off.
    QString timeToLiveAttribute(const QString &table) const;
    void setTimeToLive(const QString &table, const QString &attribute);

    // Runs a function for a request from outside (the gateway); done gets the result,
    // before the finished hop is logged. sourceNode: the node the request came through
    // (an HTTP route), whose connection to the function the hop travels.
    using Completion = std::function<void(const InvocationResult &)>;
    // rejectWhenBusy: at the function's concurrency limit the result is a
    // TooManyRequestsException instead of a wait (the gateway answers 503).
    // The id of its log entry, or why it cannot run.
    Result<qint64> invoke(const QString &function, const JsonText &event, const QString &source, qint64 cause,
                          Completion done, bool rejectWhenBusy = false, NodeId sourceNode = kInvalidNodeId);
    // Runs a function as Lambda runs an asynchronous invocation (Invoke with InvocationType
    // Event, and what topics, buckets, schedules and bus rules send): a failed attempt is
    // retried up to the function's maximumRetryAttempts times on the cloud's clock, unless
    // the event is older than its maximumEventAge, and a record of the outcome goes to the
    // function's on-success or on-failure destinations. source names the caller (a
    // function, or "outside"). The id of the first attempt's log entry, or why it cannot run.
    Result<qint64> invokeAsync(const QString &function, const QByteArray &event, const QString &source, qint64 cause);
    // Sends record, as it is, to the function's on-success (success) or on-failure
    // destinations (queues, topics, functions, event buses), each send a hop caused by cause.
    void sendToDestinations(const Node &function, bool success, const QJsonObject &record, qint64 cause);
    // What caused a change: the function of the cause entry, or "outside".
    QString causeName(qint64 cause) const;
    // The HTTP status the client got for the request of hop entry; 400 and above fail
    // the hop, with detail (if any) saying why. A hop already finished is logged again.
    void setHttpStatus(qint64 entry, int status, const QString &detail = {});
    // A request the gateway answered without running anything (no route, too large):
    // a failed Request hop reaching no node, with its status; its id.
    qint64 logRefusedRequest(const QString &request, int httpStatus, const QString &detail);
    // What a service holds now, for counters: a queue's messages, a table's items, a
    // bucket's objects; -1 for other nodes or when the cloud is not running.
    qsizetype storedCount(const QString &service) const;

    // Delivers what is due: visible queue messages, schedules whose time has come.
    // A timer calls it every 100 ms while running; tests call it after moving the clock.
    void tick();
    // When each schedule fires next.
    QHash<QString, QDateTime> nextFirings() const { return mNextFiring; }

    const QList<CloudLogEntry> &log() const { return mLog; }
    static constexpr int kLogLimit = 5000;

    // ---- serverless containers (localcloudcontainers.cpp) ----
    // The instances of the design's container nodes while the cloud runs.
    ContainerPool &containers();
    // Proxies an HTTP request (from the gateway) to the container named container,
    // logged as an Invocation hop from source; done gets the answer (a 503 naming the
    // node when no instance could start). The hop's id, or why it cannot be sent.
    using ContainerDone = std::function<void(const ContainerAnswer &)>;
    Result<qint64> requestContainer(const QString &container, const ContainerRequest &request, const QString &source,
                                    qint64 cause, ContainerDone done, NodeId sourceNode = kInvalidNodeId);

signals:
    // A hop, when it happens; again when it changes (an invocation ends, the gateway's
    // answer to a finished one is known).
    void logged(const Nimbus::CloudLogEntry &entry);
    // A service's state changed (node name), for inspectors.
    void stateChanged(const QString &service);
    // A resource was made by code, forgotten or removed, or the cloud stopped (all gone).
    void madeResourcesChanged();

private:
    // The event buses deliver along the design's connections as the other services do, and
    // asynchronous invocations are logged as the cloud's other hops.
    friend class EventBus;
    friend class AsyncInvoker;
    // Archives log what they keep and drop, replays what they send.
    friend class EventArchive;
    // Executions are logged as the cloud's other hops.
    friend class WorkflowEngine;

    struct Pending
    {
        qint64 entry = 0;
        Completion done;
        QString injected; // what chaos injected into the invocation, for its log entry
    };
    // The running cloud's node of that kind named name.
    Result<const Node *> service(const QString &name, const char *kind) const;
    // The node as service() finds it, when a change it makes (caused by cause) to target
    // stays within the loop limit.
    Result<const Node *> changing(const QString &name, const char *kind, qint64 cause, const QString &target);
    QList<const Node *> consumers(const Node *source) const;
    // The state machines the source starts (a route's, schedule's, queue's or topic's
    // "starts" connection, a rule's "targets"), and starting an execution of each with
    // input, logged as caused by cause (a failure to start logged as an error).
    QList<const Node *> startedMachines(const Node *source) const;
    void startMachines(const Node *source, const QByteArray &input, qint64 cause);
    // A queue that starts state machines hands its visible messages to them (a pipe).
    void pipeQueue(const Node *queue);
    qint64 addLog(CloudLogEntry entry);
    // The entry with this id in the log, nullptr once it has gone.
    CloudLogEntry *logEntry(qint64 id);
    // The nodes a hop went between and the connection from one to the other, by name
    // where the entry does not say.
    void placeOnDesign(CloudLogEntry &entry) const;
    int depthOf(qint64 cause) const;
    // An error (and a LoopStopped entry) when going on would exceed the loop limit.
    Result<void> withinLoopLimit(qint64 cause, const QString &source, const QString &target);
    // Received messages beyond maxReceiveCount go to the dead-letter queue, logged.
    QList<QueueMessage> receive(const Node *queue, int max, int visibility);
    // The id of the invocation's log entry, or why it was not started.
    Result<qint64> deliver(const Node *function, const JsonText &event, const QString &source, qint64 cause,
                           Completion done = {}, bool rejectWhenBusy = false, NodeId sourceNode = kInvalidNodeId);
    // An asynchronous invocation from a service (topic, bucket, schedule): see invokeAsync().
    Result<qint64> deliverAsync(const Node *function, const QByteArray &event, const QString &source, qint64 cause);
    void deliverQueue(const Node *queue);
    // A receive for a connected function: what matches none of the queue's filter criteria
    // is deleted, as Lambda does, and the receive goes on until a message matches or none is left.
    QList<QueueMessage> receiveMatching(const Node *queue, int max, int visibility, const FilterCriteria &filter);
    // When the batch waiting in a queue is due under its batching window: when its oldest
    // visible message has waited the window, or now once a full batch (of messages the
    // filter lets through) is visible. Invalid when nothing waits.
    QDateTime batchDue(const Node *queue, const FilterCriteria &filter) const;
    // A batch's invocation ended: what it processed is deleted, the rest waits.
    void queueBatchDone(const QString &queue, const QList<QueueMessage> &messages, const InvocationResult &result,
                        bool fifo);
    // Batches of a FIFO queue one function processes at once (each of other groups).
    static constexpr int kFifoBatches = 4;
    // The subscriptions the connections of topic make (or of every topic when empty).
    QList<TopicSubscription> connectionSubscriptions(const QString &topic) const;
    // A publish's copy to each queue subscribed to the topic.
    void deliverToQueues(const QString &topic, const QJsonObject &notification, const QString &message,
                         const QJsonObject &attributes, const FifoSend &fifo, qint64 cause);
    void onFinished(NodeId function, const InvocationResult &result);
    // An event for a container: a POST of the event as a CloudEvent in binary mode (the
    // body is the event a function would get, ce-* headers say what it is), done told of
    // the answer as an invocation's result (ok for 2xx).
    Result<qint64> deliverToContainer(const Node *container, const QByteArray &event, const QString &source,
                                      qint64 cause, Completion done, NodeId sourceNode);
    // Logs the containers' instance starts and stops and warms their minimum instances.
    void startContainers();
    // A change to a service, logged as caused by cause; its entry id.
    qint64 logChange(const QString &service, qint64 cause, const QString &detail);
    // putItem's work, with the item's size and, when known, its JSON text.
    Result<void> storeItem(const QString &table, const QJsonObject &item, qsizetype size, const QByteArray *text,
                           qint64 cause);
    // ---- table streams ----
    // A table's stream as Lambda's event source mappings read it: one shard per table and
    // connected function, delivered in order, one batch in flight at a time, up to the
    // table's batchSize records, waiting up to its batchingWindow (on the cloud's clock)
    // for a fuller batch. A failed batch is retried on the next tick until it has been
    // retried maximumRetryAttempts times or its oldest record is older than
    // maximumRecordAge (at most the stream's 24 hours); it is then skipped and its
    // metadata goes to the function's on-failure destinations. bisectOnError splits a
    // batch the function failed in two (not counted as a retry); of a batch the function
    // reports items of (reportBatchItemFailures), the first failed record and the ones
    // after it are retried. filterCriteria drops records before they are batched.
    struct ShardRecord
    {
        QJsonObject record; // as the event carries it, built once: a retry has the same eventID
        QDateTime arrived;
        qint64 cause = 0; // the change that wrote it
        int invokes = 0; // invocations it was in (the on-failure record's approximateInvokeCount)
    };
    // A batch at the front of a shard that goes as it is: a failed one retried, a half of
    // one split, or one in flight.
    struct ShardBatch
    {
        qsizetype size = 0;
        int retries = 0;
    };
    struct StreamShard
    {
        QList<ShardRecord> records; // read and not yet processed or skipped, in order
        QList<ShardBatch> batches; // the front's batches, in order
        bool busy = false;
        QDateTime windowFrom; // when the last invocation ended: the next batching window starts there
        qint64 lastEntry = 0; // the log entry of the last invocation
        QString lastRequestId;
        bool lastFailed = false; // the last invocation failed (not a partial batch response)
    };
    // The records kept for TRIM_HORIZON, per table (the oldest go first beyond it).
    static constexpr qsizetype kStreamLogLimit = 10000;
    // A table's change to its stream: the log, and the shard of each function it invokes.
    // byService marks Time to Live deletions as DynamoDB marks them.
    void streamChange(const Node *table, const StreamRecord &record, qint64 change, bool byService = false);
    // The shard of table and function, opened when missing: at TRIM_HORIZON with the
    // stream's records of the last day that the filter lets through, at LATEST empty.
    StreamShard &shard(const Node *table, const Node *function);
    // The front batch of the shard, if one is due and none is in flight.
    void deliverStream(const Node *table, const Node *function);
    void streamBatchDone(const QString &table, const QString &function, const InvocationResult &result);
    // When the shard's next batch is due: now for a retry or a full batch, at the end of
    // the batching window otherwise; invalid when no record waits.
    QDateTime streamBatchDue(const Node *table, const StreamShard &shard) const;
    // Lambda's on-failure record of skipped stream records, and the log entry of the skip
    // (the send's cause): for LocalCloud::sendToDestinations, once the shard is left alone.
    using FailureRecord = QPair<QJsonObject, qint64>;
    // Skips count records at the front of the shard, logged, with condition
    // (RetryAttemptsExhausted, RecordAgeExceeded).
    FailureRecord skipRecords(const Node *table, const Node *function, StreamShard &shard, qsizetype count,
                              const QString &condition);
    // Skips the records at the front of the shard older than the trigger's maximum record
    // age, a failed batch whole.
    QList<FailureRecord> skipOldRecords(const Node *table, const Node *function, StreamShard &shard);
    // Lambda's on-failure record of stream records it skips (the shard's last invocation
    // gives the request and the error).
    QJsonObject streamFailureRecord(const Node *function, const StreamShard &shard, const QList<ShardRecord> &records,
                                    const QString &condition) const;
    // An S3 event passes the bucket's filter criteria (none, or one that its record matches);
    // one that does not is logged as not delivered. Invalid criteria make no trigger.
    bool passesBucketFilter(const Node *bucket, const QJsonObject &event, qint64 change);
    // The virtual clock's work in tick(): items past their Time to Live deleted (streamed
    // as the service's own REMOVE records), messages past their retention dropped.
    void expireItems(const Node *table);
    void dropExpiredMessages(const QString &queue, int retentionSeconds);
    // Why advancing to until is refused (a schedule would fire too often), if it is.
    Result<void> checkFirings(const QDateTime &until) const;
    // Moves the virtual clock to the time target gives (from the clock's time, while it
    // stands still) through everything due on the way; advance() and runUntilNextDue().
    Result<QDateTime> moveClock(const std::function<QDateTime(const QDateTime &)> &target);

    Project &mProject;
    FunctionRunner &mRunner;
    VirtualClock *mVirtualClock;
    const CloudClock *mClock;
    // Before the state, which tells it of a commit that failed as long as it lives.
    TableReads mTableReads;
    std::unique_ptr<CloudState> mState;
    mutable std::optional<bool> mServiceThrottles; // throttlesServiceCalls(), until the design changes
    std::unique_ptr<AsyncInvoker> mAsync;
    QTimer *mTimer;
    QString mRegion = QStringLiteral("us-east-1");
    bool mRunning = false;
    int mLoopLimit = 16;
    QString mServiceEndpoint;
    quint16 mExtensionPort = 0;
    qint64 mNextLogId = 0;
    qint64 mSequence = 0;
    QList<CloudLogEntry> mLog;
    QHash<QString, Pending> mPending; // by request id
    QHash<QString, QDateTime> mNextFiring; // schedule -> next firing
    QSet<QString> mBusyQueues; // queues with a batch in flight, per consumer "queue/function"
    QHash<QString, int> mRoundRobin; // queue -> next consumer
    QHash<QString, qint64> mMessageCause; // message id -> the log entry that sent it
    QList<TopicSubscription> mSubscriptions; // by SNS Subscribe, in the order made
    QSet<EdgeId> mUnsubscribedConnections; // connections an SDK Unsubscribe ended for this run
    QHash<QString, QString> mTimeToLive; // table -> attribute, as UpdateTimeToLive set it
    QHash<QString, std::optional<qint64>> mNextExpiry; // table -> its earliest item expiry, once read
    // Table streams: the shards by "table/function", and each table's records of the last
    // day (kept in memory, not in the state: a TRIM_HORIZON trigger reads those of this
    // process's runs on the same state directory).
    QHash<QString, StreamShard> mShards;
    QHash<QString, QList<ShardRecord>> mStreamLog;
    QString mStreamLogDirectory;
    EventArchive *mEventArchive; // a child
    WorkflowEngine *mWorkflows; // a child
    std::unique_ptr<FaultInjector> mFaults;
    bool mFaultSeedSet = false; // by setFaultSeed: kept over starts
    IamMode mIamMode = IamMode::Warn;
    SecretStore *mSecrets; // a child
    // The functions' session tokens: token -> function, function -> token, and the tokens
    // in the order made.
    mutable QHash<QString, QString> mSessionTokens;
    mutable QHash<QString, QString> mFunctionTokens;
    mutable QList<QString> mSessionTokenOrder;
    ContainerPool *mContainers = nullptr; // a child, made when first needed
    // Resources made by code in this run, in the order made, and their nodes by node name
    // (each node where it is until it goes: the services hold pointers to it).
    QList<MadeResource> mMade;
    quint64 mRun = 0; // starts so far
    std::map<QString, std::unique_ptr<Node>> mMadeNodes;
    // Empties the overlay (the cloud stopped), telling the canvas.
    void clearMadeResources();
};

} // namespace Nimbus

Q_DECLARE_METATYPE(Nimbus::CloudLogEntry)
