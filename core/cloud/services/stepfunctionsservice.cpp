#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"
#include "model/node.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "workflow/workflowengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QByteArray kContentType = "application/x-amz-json-1.0";
// Lists answer at most this many entries per page unless asked for fewer (AWS's maximum).
constexpr int kPageLimit = 1000;

struct StatesError
{
    QString code;
    QString message;
};

using Answer = std::function<void(const QJsonObject &result, const StatesError &error)>;

double seconds(const QDateTime &time)
{
    return time.toMSecsSinceEpoch() / 1000.0;
}

QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// An engine error "Code: message" as the API's error.
StatesError fromEngine(const QString &message)
{
    const qsizetype colon = message.indexOf(u':');
    if (colon > 0 && !message.left(colon).contains(u' '))
        return {message.left(colon), message.mid(colon + 1).trimmed()};
    return {u"InvalidArn"_s, message};
}

// Step Functions (JSON 1.0, X-Amz-Target AWSStepFunctions.*) on the design's state
// machines: executions are started, described, listed, stopped and their histories read;
// the callback pattern's tokens are answered. Machines are made on the canvas: creating,
// updating or deleting one through the API, activities, aliases, versions, map runs and
// redrives are refused by name.
class StepFunctionsService final : public AwsService
{
public:
    explicit StepFunctionsService(AwsEndpoint &endpoint)
        : AwsService(Recognition(u"states"_s).byTarget(u"AWSStepFunctions."_s), endpoint)
    {
        mOperations = {
            {u"StartExecution"_s, &StepFunctionsService::startExecution},
            {u"StartSyncExecution"_s, &StepFunctionsService::startSyncExecution},
            {u"StopExecution"_s, &StepFunctionsService::stopExecution},
            {u"DescribeExecution"_s, &StepFunctionsService::describeExecution},
            {u"ListExecutions"_s, &StepFunctionsService::listExecutions},
            {u"GetExecutionHistory"_s, &StepFunctionsService::getExecutionHistory},
            {u"DescribeStateMachine"_s, &StepFunctionsService::describeStateMachine},
            {u"DescribeStateMachineForExecution"_s, &StepFunctionsService::describeStateMachineForExecution},
            {u"ListStateMachines"_s, &StepFunctionsService::listStateMachines},
            {u"SendTaskSuccess"_s, &StepFunctionsService::sendTaskSuccess},
            {u"SendTaskFailure"_s, &StepFunctionsService::sendTaskFailure},
            {u"SendTaskHeartbeat"_s, &StepFunctionsService::sendTaskHeartbeat},
        };
        const QString design = u"state machines are made on the canvas"_s;
        for (const char *operation :
             {"CreateStateMachine", "UpdateStateMachine", "DeleteStateMachine", "ValidateStateMachineDefinition",
              "PublishStateMachineVersion", "DeleteStateMachineVersion", "ListStateMachineVersions",
              "CreateStateMachineAlias", "UpdateStateMachineAlias", "DeleteStateMachineAlias",
              "DescribeStateMachineAlias", "ListStateMachineAliases", "TagResource", "UntagResource",
              "ListTagsForResource"})
            refuse(QLatin1String(operation), design);
        const QString other = u"activities, map runs, redrives and state tests are not emulated"_s;
        for (const char *operation :
             {"CreateActivity", "DeleteActivity", "DescribeActivity", "ListActivities", "GetActivityTask",
              "DescribeMapRun", "ListMapRuns", "UpdateMapRun", "RedriveExecution", "TestState"})
            refuse(QLatin1String(operation), other);
        endpoint.cloud().workflows().setEndpoint(&endpoint);
    }

    void handle(const AwsRequest &request, const AwsReply &done) override
    {
        if (const std::optional<QString> note = refusal(request.operation)) {
            done(refusedOperation(request, *note));
            return;
        }
        const Function function = mOperations.value(request.operation);
        if (!function) {
            done(AwsWire::jsonError(501, QString(), u"NotImplemented"_s,
                                    u"AWSStepFunctions.%1 is not served by the local cloud: state machines are made on "
                                    "the canvas, and their executions started, described, listed, stopped and "
                                    "answered (SendTask*) through the API"_s.arg(request.operation)));
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject()) {
            done(AwsWire::jsonError(400, QString(), u"SerializationException"_s,
                                    u"the request body is not a JSON object"_s));
            return;
        }
        mCause = request.cause;
        (this->*function)(document.object(), [done](const QJsonObject &result, const StatesError &error) {
            if (!error.code.isEmpty())
                done(AwsWire::jsonError(400, QString(), error.code, error.message));
            else
                done(AwsWire::jsonAnswer(result, kContentType));
        });
    }

private:
    using Function = void (StepFunctionsService::*)(const QJsonObject &input, const Answer &answer);

    WorkflowEngine &engine() const { return cloud().workflows(); }

    // The machine a stateMachineArn names; answers StateMachineDoesNotExist (or InvalidArn) when none.
    const Node *machine(const QJsonObject &input, const Answer &answer) const
    {
        const QString arn = input.value("stateMachineArn"_L1).toString();
        if (!arn.startsWith("arn:aws:states:"_L1) || !arn.contains(":stateMachine:"_L1)) {
            answer({}, {u"InvalidArn"_s, u"Invalid Arn: '%1'"_s.arg(arn)});
            return nullptr;
        }
        const Node *node = engine().machine(arn.section(u':', 6, 6));
        if (!node)
            answer({}, {u"StateMachineDoesNotExist"_s, u"State Machine Does Not Exist: '%1'"_s.arg(arn)});
        return node;
    }

    // The execution an executionArn names; answers ExecutionDoesNotExist when none, and
    // refuses an Express one where AWS does (expressToo false).
    std::optional<ExecutionRecord> execution(const QJsonObject &input, const Answer &answer, bool expressToo) const
    {
        const QString arn = input.value("executionArn"_L1).toString();
        if (!arn.startsWith("arn:aws:states:"_L1)) {
            answer({}, {u"InvalidArn"_s, u"Invalid Arn: '%1'"_s.arg(arn)});
            return std::nullopt;
        }
        if (!expressToo && arn.contains(":express:"_L1)) {
            answer({}, {u"InvalidArn"_s, u"Invalid Arn: 'This operation is not supported by EXPRESS state machines: "
                                         "%1'"_s.arg(arn)});
            return std::nullopt;
        }
        const std::optional<ExecutionRecord> found = engine().execution(arn);
        if (!found)
            answer({}, {u"ExecutionDoesNotExist"_s, u"Execution Does Not Exist: '%1'"_s.arg(arn)});
        return found;
    }

    static QByteArray inputOf(const QJsonObject &input)
    {
        const QJsonValue value = input.value("input"_L1);
        return value.isString() ? value.toString().toUtf8() : QByteArray("{}");
    }

    void startExecution(const QJsonObject &input, const Answer &answer)
    {
        const Node *node = machine(input, answer);
        if (!node)
            return;
        const Result<QString> started = engine().startExecution(node->name, inputOf(input),
                                                                input.value("name"_L1).toString(), mCause);
        if (!started) {
            answer({}, fromEngine(started.errorMessage()));
            return;
        }
        const std::optional<ExecutionRecord> record = engine().execution(*started);
        answer({{u"executionArn"_s, *started},
                {u"startDate"_s, seconds(record ? record->started : cloud().clock().now())}},
               {});
    }

    void startSyncExecution(const QJsonObject &input, const Answer &answer)
    {
        const Node *node = machine(input, answer);
        if (!node)
            return;
        if (node->properties.value("type"_L1).toString() != "EXPRESS"_L1) {
            answer({}, {u"StateMachineTypeNotSupported"_s,
                        u"This operation is not supported by this type of state machine"_s});
            return;
        }
        QPointer<StepFunctionsService> self(this);
        const Result<QString> started = engine().startExecution(node->name, inputOf(input),
                                                                input.value("name"_L1).toString(), mCause,
                                                                [answer, self](const ExecutionRecord &done) {
            if (!self)
                return;
            QJsonObject result = describe(done);
            const qint64 ms = done.started.msecsTo(done.stopped);
            // Express workflows bill duration in 100 ms steps and memory in 64 MB ones.
            result.insert(u"billingDetails"_s, QJsonObject{{u"billedMemoryUsedInMB"_s, 64},
                                                           {u"billedDurationInMilliseconds"_s,
                                                            std::max<qint64>(100, (ms + 99) / 100 * 100)}});
            result.remove(u"redriveCount"_s);
            result.remove(u"redriveStatus"_s);
            answer(result, {});
        });
        if (!started)
            answer({}, fromEngine(started.errorMessage()));
    }

    static QJsonObject describe(const ExecutionRecord &e)
    {
        QJsonObject o{{u"executionArn"_s, e.arn},
                      {u"stateMachineArn"_s, e.machineArn},
                      {u"name"_s, e.name},
                      {u"status"_s, e.status},
                      {u"startDate"_s, seconds(e.started)},
                      {u"input"_s, jsonText(e.input)},
                      {u"inputDetails"_s, QJsonObject{{u"included"_s, true}}},
                      {u"redriveCount"_s, 0},
                      {u"redriveStatus"_s, u"NOT_REDRIVABLE"_s}};
        if (e.stopped.isValid())
            o.insert(u"stopDate"_s, seconds(e.stopped));
        if (e.status == "SUCCEEDED"_L1) {
            o.insert(u"output"_s, jsonText(e.output));
            o.insert(u"outputDetails"_s, QJsonObject{{u"included"_s, true}});
        }
        if (!e.error.isEmpty())
            o.insert(u"error"_s, e.error);
        if (!e.cause.isEmpty())
            o.insert(u"cause"_s, e.cause);
        return o;
    }

    void stopExecution(const QJsonObject &input, const Answer &answer)
    {
        const std::optional<ExecutionRecord> found = execution(input, answer, true);
        if (!found)
            return;
        const Result<void> stopped = engine().stopExecution(found->arn, input.value("error"_L1).toString(),
                                                            input.value("cause"_L1).toString());
        if (!stopped) {
            answer({}, fromEngine(stopped.errorMessage()));
            return;
        }
        const std::optional<ExecutionRecord> after = engine().execution(found->arn);
        answer({{u"stopDate"_s, seconds(after && after->stopped.isValid() ? after->stopped : cloud().clock().now())}},
               {});
    }

    void describeExecution(const QJsonObject &input, const Answer &answer)
    {
        if (const std::optional<ExecutionRecord> found = execution(input, answer, false))
            answer(describe(*found), {});
    }

    // maxResults (at most 1000, 0: 100) and nextToken (an offset this service gave) of a list.
    static bool page(const QJsonObject &input, const Answer &answer, int *offset, int *size)
    {
        *size = input.value("maxResults"_L1).toInt(0);
        if (*size < 0 || *size > kPageLimit) {
            answer({}, {u"ValidationException"_s,
                        u"1 validation error detected: Value '%1' at 'maxResults' failed to satisfy constraint: "
                        "Member must have value less than or equal to 1000"_s.arg(*size)});
            return false;
        }
        if (*size == 0)
            *size = 100;
        bool ok = true;
        const QString token = input.value("nextToken"_L1).toString();
        *offset = token.isEmpty() ? 0 : token.toInt(&ok);
        if (!ok || *offset < 0) {
            answer({}, {u"InvalidToken"_s, u"Invalid Token: '%1'"_s.arg(token)});
            return false;
        }
        return true;
    }

    void listExecutions(const QJsonObject &input, const Answer &answer)
    {
        const Node *node = machine(input, answer);
        if (!node)
            return;
        if (node->properties.value("type"_L1).toString() == "EXPRESS"_L1) {
            answer({}, {u"StateMachineTypeNotSupported"_s,
                        u"This operation is not supported by this type of state machine"_s});
            return;
        }
        int offset = 0, size = 0;
        if (!page(input, answer, &offset, &size))
            return;
        const QList<ExecutionRecord> all = engine().executions(node->name, input.value("statusFilter"_L1).toString());
        QJsonArray executions;
        for (qsizetype i = offset; i < all.size() && i < offset + size; ++i) {
            const ExecutionRecord &e = all.at(i);
            QJsonObject item{{u"executionArn"_s, e.arn},
                             {u"stateMachineArn"_s, e.machineArn},
                             {u"name"_s, e.name},
                             {u"status"_s, e.status},
                             {u"startDate"_s, seconds(e.started)}};
            if (e.stopped.isValid())
                item.insert(u"stopDate"_s, seconds(e.stopped));
            executions.append(item);
        }
        QJsonObject result{{u"executions"_s, executions}};
        if (offset + size < all.size())
            result.insert(u"nextToken"_s, QString::number(offset + size));
        answer(result, {});
    }

    void getExecutionHistory(const QJsonObject &input, const Answer &answer)
    {
        const std::optional<ExecutionRecord> found = execution(input, answer, false);
        if (!found)
            return;
        int offset = 0, size = 0;
        if (!page(input, answer, &offset, &size))
            return;
        QList<ExecutionEvent> events = engine().history(found->arn);
        if (input.value("reverseOrder"_L1).toBool())
            std::reverse(events.begin(), events.end());
        const bool data = input.value("includeExecutionData"_L1).toBool(true);
        QJsonArray page;
        for (qsizetype i = offset; i < events.size() && i < offset + size; ++i) {
            ExecutionEvent event = events.at(i);
            if (!data) {
                // Without execution data, inputs, outputs, errors and causes are left out.
                for (const char *key : {"input", "output", "parameters", "cause", "error"})
                    event.details.remove(QLatin1String(key));
            }
            page.append(event.toJson());
        }
        QJsonObject result{{u"events"_s, page}};
        if (offset + size < events.size())
            result.insert(u"nextToken"_s, QString::number(offset + size));
        answer(result, {});
    }

    QJsonObject describeMachine(const Node &node) const
    {
        const QString arn = engine().machineArn(node);
        // The definition as written (its substitutions resolved), as the console shows it.
        const Result<QJsonObject> definition = engine().definition(node);
        return {
            {u"stateMachineArn"_s, arn},
            {u"name"_s, node.properties.value("stateMachineName"_L1).toString(node.name)},
            {u"status"_s, u"ACTIVE"_s},
            {u"definition"_s,
             definition ? QString::fromUtf8(QJsonDocument(*definition).toJson(QJsonDocument::Indented)) : QString()},
            {u"roleArn"_s, u"arn:aws:iam::%1:role/%2-role"_s.arg(QLatin1String(AwsEndpoint::kAccountId), node.name)},
            {u"type"_s, node.properties.value("type"_L1).toString(u"STANDARD"_s)},
            {u"creationDate"_s, seconds(QDateTime::fromSecsSinceEpoch(0, Qt::UTC))},
            {u"description"_s, node.properties.value("description"_L1).toString()},
            {u"loggingConfiguration"_s,
             QJsonObject{{u"level"_s, node.properties.value("loggingLevel"_L1).toString(u"OFF"_s)},
                         {u"includeExecutionData"_s, false}}},
            {u"tracingConfiguration"_s, QJsonObject{{u"enabled"_s, node.properties.value("tracing"_L1).toBool()}}}};
    }

    void describeStateMachine(const QJsonObject &input, const Answer &answer)
    {
        if (const Node *node = machine(input, answer))
            answer(describeMachine(*node), {});
    }

    void describeStateMachineForExecution(const QJsonObject &input, const Answer &answer)
    {
        const std::optional<ExecutionRecord> found = execution(input, answer, true);
        if (!found)
            return;
        const Node *node = engine().machine(found->machine);
        if (!node) {
            answer({}, {u"StateMachineDoesNotExist"_s, u"State Machine Does Not Exist: '%1'"_s.arg(found->machineArn)});
            return;
        }
        QJsonObject result = describeMachine(*node);
        result.insert(u"updateDate"_s, result.take(u"creationDate"_s));
        answer(result, {});
    }

    void listStateMachines(const QJsonObject &input, const Answer &answer)
    {
        int offset = 0, size = 0;
        if (!page(input, answer, &offset, &size))
            return;
        const QList<const Node *> machines = engine().machines();
        QJsonArray list;
        for (qsizetype i = offset; i < machines.size() && i < offset + size; ++i) {
            const Node &node = *machines.at(i);
            list.append(QJsonObject{{u"stateMachineArn"_s, engine().machineArn(node)},
                                    {u"name"_s, node.properties.value("stateMachineName"_L1).toString(node.name)},
                                    {u"type"_s, node.properties.value("type"_L1).toString(u"STANDARD"_s)},
                                    {u"creationDate"_s, seconds(QDateTime::fromSecsSinceEpoch(0, Qt::UTC))}});
        }
        QJsonObject result{{u"stateMachines"_s, list}};
        if (offset + size < machines.size())
            result.insert(u"nextToken"_s, QString::number(offset + size));
        answer(result, {});
    }

    static bool token(const QJsonObject &input, const Answer &answer)
    {
        const QString token = input.value("taskToken"_L1).toString();
        if (token.isEmpty() || token.size() > 1024) {
            answer({}, {u"InvalidToken"_s, u"Invalid Token: the task token is missing or too long"_s});
            return false;
        }
        return true;
    }

    void sendTaskSuccess(const QJsonObject &input, const Answer &answer)
    {
        if (!token(input, answer))
            return;
        const QJsonValue output = input.value("output"_L1);
        if (!output.isString()) {
            answer({}, {u"InvalidOutput"_s, u"Invalid Output: output is required"_s});
            return;
        }
        const Result<void> sent = engine().sendTaskSuccess(input.value("taskToken"_L1).toString(),
                                                           output.toString().toUtf8());
        answer({}, sent ? StatesError() : fromEngine(sent.errorMessage()));
    }

    void sendTaskFailure(const QJsonObject &input, const Answer &answer)
    {
        if (!token(input, answer))
            return;
        const Result<void> sent = engine().sendTaskFailure(input.value("taskToken"_L1).toString(),
                                                           input.value("error"_L1).toString(),
                                                           input.value("cause"_L1).toString());
        answer({}, sent ? StatesError() : fromEngine(sent.errorMessage()));
    }

    void sendTaskHeartbeat(const QJsonObject &input, const Answer &answer)
    {
        if (!token(input, answer))
            return;
        const Result<void> sent = engine().sendTaskHeartbeat(input.value("taskToken"_L1).toString());
        answer({}, sent ? StatesError() : fromEngine(sent.errorMessage()));
    }

    QStringList servedOperations() const override { return mOperations.keys(); }

    QHash<QString, Function> mOperations;
    qint64 mCause = 0;
};

} // namespace

AwsService *createStepFunctionsService(AwsEndpoint &endpoint)
{
    return new StepFunctionsService(endpoint);
}

} // namespace Nimbus
