#pragma once

#include "model/node.h"
#include "result.h"
#include "runtime/runhistory.h"
#include "trafficprofile.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <vector>

namespace Nimbus {

class Architecture;
class Catalog;
struct ExecutionRecord;

// Where requests enter the architecture: an HTTP route, or a service nothing in the
// design writes to (uploads into a bucket from outside). The monthly volume is split
// between entry points by weight.
struct EntryPoint
{
    NodeId node = kInvalidNodeId;
    QString name;
    QString service; // gateway, bucket, queue, topic, table
    double weight = 1;
    bool rest = false; // a gateway route billed as a REST API
};

// One figure measured from local runs and the number of runs behind it.
struct MeasuredFigure
{
    static constexpr int kFewRuns = 10; // fewer runs than this: the figure is shown with a warning
    double value = 0;
    int runs = 0;

    bool known() const { return runs > 0; }
    bool fewRuns() const { return runs < kFewRuns; }
};

// What a function's local runs (the studio's, `nimbus invoke`'s and the local cloud's,
// all in the project's run history) measured. Durations come from successful runs,
// percentiles by nearest rank; memory from runs that reported it; logs from every run.
struct FunctionMeasurement
{
    int runs = 0; // every run looked at, failed ones too
    MeasuredFigure meanDurationMs; // what the cost model prices
    MeasuredFigure p50DurationMs;
    MeasuredFigure p95DurationMs;
    MeasuredFigure peakMemoryUsedMb; // the most any run used
    MeasuredFigure logBytes; // mean log bytes per invocation
    MeasuredFigure responseBytes; // mean size of a successful run's result
    int memorySettingMb = 0; // the memory the function had when measured

    // The duration at `percent` (0-100] of sorted durations, nearest rank.
    static double percentile(std::vector<double> sorted, double percent);
    static FunctionMeasurement fromRuns(const QList<RunHistory::Figures> &runs, int memorySettingMb);
};

struct FunctionLoad
{
    NodeId node = kInvalidNodeId;
    QString name;
    double perRequest = 0; // invocations for each request entering the system
    double fixedMonthly = 0; // invocations a month whatever the volume (schedules)
    double durationMs = 100;
    bool durationMeasured = false; // durationMs is the mean of local runs
    int memoryMb = 128;
    QString architecture = QStringLiteral("x86_64");
    double payloadKb = 1;
    int provisionedConcurrency = 0;
    bool vpc = false; // placed in a VPC: its internet traffic goes through a NAT gateway
    double httpPerRequest = 0; // invocations per request straight from HTTP routes (responses sent out)
    FunctionMeasurement measured; // filled by Workload::useMeasuredInputs

    double monthlyInvocations(double volume) const { return perRequest * volume + fixedMonthly; }
};

struct ServiceLoad
{
    NodeId node = kInvalidNodeId;
    QString name;
    QString service; // queue, topic, table, bucket
    // Requests a month = perRequest * volume + fixed (from scheduled functions).
    double writesPerRequest = 0;
    double readsPerRequest = 0;
    double writesFixed = 0;
    double readsFixed = 0;
    double storedGb = 1;
    double itemKb = 1; // item or message size: DynamoDB units and SQS 64 KB chunks
    double items = 0; // a table's items (scenario "items"); when set, storedGb = items x itemKb
    QString billingMode; // a table's: PAY_PER_REQUEST or PROVISIONED
    QString storageClass; // a bucket's: STANDARD, STANDARD_IA or GLACIER_IR
    // A bus's archive (its archive and archiveRetention properties) and what is replayed
    // from it: replayed events go through the bus's rules again but are not archived.
    bool archive = false;
    double archiveRetentionDays = -1; // -1: kept indefinitely
    double replayGb = 0; // GB replayed a month (a workload input)

    // Events of itemKb in `gb` GB (GB of 2^30 bytes, KB of 2^10).
    double eventsIn(double gb) const { return itemKb > 0 ? gb * 1024.0 * 1024.0 / itemKb : 0; }
};

// A state machine (Step Functions): how often it runs and what one execution does along the
// likely path of its definition: from StartAt, a Choice takes its Default (else its first
// rule), a Parallel runs every branch, a Map its iterator once per item (mapItems), and every
// state entered is one transition, the terminal one included; Retries are not counted, and a
// loop is followed once. After local runs, the measured executions' mean replaces the count.
struct WorkflowLoad
{
    static constexpr double kDefaultMapItems = 10;
    static constexpr int kExpressMemoryMb = 64; // Express bills memory in 64 MB chunks: the smallest

    NodeId node = kInvalidNodeId;
    QString name;
    bool express = false;
    double perRequest = 0; // executions for each request entering the system
    double fixedMonthly = 0; // executions a month whatever the volume (schedules)
    QJsonObject definition; // as read from the project's folder; empty when it cannot be
    QString definitionError; // why not: each connection then counts once per execution
    double mapItems = kDefaultMapItems; // items each Map state iterates over (an assumption)
    // Filled from the definition by Workload::distribute:
    double transitions = 1; // per execution, along the likely path
    double waitSeconds = 0; // the Wait states' Seconds along it
    QHash<QString, double> uses; // node name -> times its Task states run per execution
    // From the local cloud's finished executions (Workload::useMeasuredExecutions).
    MeasuredFigure measuredTransitions;
    MeasuredFigure measuredDurationMs;
    // Typed in (the cost view, a scenario's workflows.<name>): each overrides both the measured
    // figure and the definition's; below 0 when not set.
    double typedTransitions = -1;
    double typedDurationMs = -1;

    // Where the transitions per execution come from, in the order they win.
    enum class Source { Typed, Measured, Definition, Unreadable };
    Source transitionsSource() const
    {
        return typedTransitions >= 0         ? Source::Typed
               : measuredTransitions.known() ? Source::Measured
               : !definitionError.isEmpty()  ? Source::Unreadable
                                             : Source::Definition;
    }
    // "measured over 12 local executions", "estimated from the definition", "typed in" ...
    QString transitionsOrigin() const;
    // An Express execution's duration: "typed in", "measured over 12 local executions" or
    // assumed (Workload::workflowDurationMs).
    QString durationOrigin() const;

    double monthlyExecutions(double volume) const { return perRequest * volume + fixedMonthly; }
    double transitionsPerExecution() const
    {
        return typedTransitions >= 0         ? typedTransitions
               : measuredTransitions.known() ? measuredTransitions.value
                                             : transitions;
    }
};

// A serverless container (Cloud Run, Fargate, Knative ...): the requests reaching it (routes
// and event deliveries) and how its instances are sized, from the node's properties.
struct ContainerLoad
{
    static constexpr double kDefaultDurationMs = 100;

    NodeId node = kInvalidNodeId;
    QString name;
    double perRequest = 0; // requests for each request entering the system
    double fixedMonthly = 0; // requests a month whatever the volume (schedules)
    double cpu = 1; // vCPU of each instance
    int memoryMb = 512;
    int concurrency = 80; // requests one instance serves at once
    int minInstances = 0;
    int maxInstances = 100;
    double durationMs = kDefaultDurationMs; // one request's time: an input (scenario containers.<name>)
    bool durationTyped = false;

    double monthlyRequests(double volume) const { return perRequest * volume + fixedMonthly; }
};

// What filters the events between a source and what it passes them to: a trigger's filter
// criteria (a queue, table or bucket invoking functions), a rule's event pattern, or the
// pattern of a bus's archive. Only matchRate of the events offered pass; the source still
// bills every one. Nothing in the design says how many events a pattern matches, so the
// rate is an input, every event (the upper bound) until the user sets it.
struct FilterLoad
{
    enum class Kind { Trigger, Rule, Archive };
    FilterLoad() = default;
    FilterLoad(NodeId id, const QString &nodeName, Kind filterKind, const QString &text)
        : node(id), name(nodeName), kind(filterKind), pattern(text)
    { }

    NodeId node = kInvalidNodeId;
    QString name; // the node's
    Kind kind = Kind::Trigger;
    QString pattern; // the filter criteria or the pattern, as written
    bool enabled = true; // a disabled rule matches nothing
    double matchRate = 1; // the share of events that match, 0 to 1
    bool assumed = true; // matchRate is the default, not set by the user
    // Events offered to a trigger's filter or a rule, per request of monthly volume and a
    // month whatever the volume (filled by Workload::distribute).
    double offeredPerRequest = 0;
    double offeredFixed = 0;

    // The share of the events offered that is passed on.
    double passRate() const { return enabled ? matchRate : 0; }
    double monthlyOffered(double volume) const { return offeredPerRequest * volume + offeredFixed; }
};

// What the cost models price: the monthly volume, its shape over time, and per
// function and service what one request causes. Made from the canvas, then edited.
class Workload
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Workload)

public:
    double monthlyRequests = 1'000'000;
    TrafficProfile profile = TrafficProfile::constant();
    std::vector<EntryPoint> entries;
    std::vector<FunctionLoad> functions;
    std::vector<ServiceLoad> services;
    std::vector<FilterLoad> filters; // in the order of the design's nodes
    std::vector<WorkflowLoad> workflows; // the state machines, in the order of the design's nodes
    std::vector<ContainerLoad> containers; // the serverless containers, in the order of the design's nodes
    bool measured = false; // useMeasuredInputs ran: reports show what was measured

    // Requests a month through the HTTP gateway, billed as HTTP API and as REST API.
    double gatewayRequests(double volume, bool rest) const;

    // Defaults from the design: functions' memory and architecture, what each function
    // touches, events that flow on; volume split equally between entry points. directory is
    // the project's folder, where the state machines' definitions are read (pending: files
    // not saved yet, by relative path, read first).
    static Workload fromArchitecture(const Catalog &catalog, const Architecture &architecture,
                                     const QString &directory = {}, const QHash<QString, QByteArray> &pending = {});
    // One function behind an optional gateway: the calculator with no project.
    static Workload single(double monthlyRequests, double durationMs, int memoryMb, const QString &architecture,
                           bool viaGateway);

    // Recomputes per-request rates from the entry weights (after a weight changed).
    void distribute(const Catalog &catalog, const Architecture &architecture);
    // Takes each function's duration from the mean of its successful local runs.
    int useMeasuredDurations(const RunHistory &history, int limit = 100);
    // Measures every function from its latest local runs (FunctionLoad::measured) and,
    // where successful runs exist, takes its duration from their mean as
    // useMeasuredDurations does. The number of functions with a measured duration.
    int useMeasuredInputs(const RunHistory &history, int limit = 100);

    // Takes each state machine's transitions per execution (and an Express machine's
    // duration) from the mean of its finished executions in the local cloud, given by machine
    // name. The number of machines with measured executions.
    int useMeasuredExecutions(const std::function<QList<ExecutionRecord>(const QString &machine)> &executions);
    // The same from the executions the local cloud kept in its state folder (state.sqlite,
    // opened read-only; Express executions are not kept there, as AWS keeps none), at most
    // limit per machine, the newest. The number of machines with executions; 0 when the
    // folder holds no state; an error when it cannot be read.
    static constexpr int kMeasuredExecutions = 100; // the newest finished executions of a machine
    Result<int> useLocalExecutions(const QString &stateDirectory, int limit = kMeasuredExecutions);
    // Where the local cloud keeps the state of the project in projectDirectory.
    static QString localStateDirectory(const QString &projectDirectory);
    // An Express execution's duration: measured, else the functions its Task states invoke
    // along the likely path (their durations) plus its Wait states, at least 100 ms.
    double workflowDurationMs(const WorkflowLoad &workflow) const;

    // The transitions of one execution along the likely path (see WorkflowLoad), its Wait
    // seconds, and how many times each state (by AslDefinition::statePaths's path) is entered.
    struct LikelyPath
    {
        double transitions = 0;
        double waitSeconds = 0;
        QHash<QString, double> visits;
    };
    static LikelyPath likelyPath(const QJsonObject &definition, double mapItems);

    FunctionLoad *function(const QString &name);
    const FunctionLoad *function(const QString &name) const;
    EntryPoint *entry(const QString &name);
    ServiceLoad *service(const QString &name);
    const ServiceLoad *service(const QString &name) const;
    WorkflowLoad *workflow(const QString &name);
    const WorkflowLoad *workflow(const QString &name) const;
    ContainerLoad *container(const QString &name);
    const ContainerLoad *container(const QString &name) const;
    FilterLoad *filter(const QString &name);
    const FilterLoad *filter(const QString &name) const;
    // The filter a node passes its events through (trigger or rule), or null.
    const FilterLoad *filterOf(NodeId node) const;

    // Scenario files (--profile FILE): volume, profile and per-function values by name.
    QJsonObject toJson() const;
    // Applies a scenario on top of this workload; unknown names are errors.
    Result<void> applyJson(const QJsonObject &object);

    // Mean invocations a month of a schedule expression (rate or cron), or -1.
    static double schedulesPerMonth(const QString &expression);
    // An archive kept indefinitely is priced as it stands after this many months.
    static constexpr double kIndefiniteArchiveMonths = 12;
    static constexpr double kDaysPerMonth = 365.0 / 12;
};

} // namespace Nimbus
