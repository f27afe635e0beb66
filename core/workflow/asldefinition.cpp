#include "asldefinition.h"

#include "aslexpr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Nimbus {

QString AslDiagnostic::text() const
{
    QString where = state;
    if (!field.isEmpty())
        where = where.isEmpty() ? field : u"%1: %2"_s.arg(where, field);
    return where.isEmpty() ? message : u"%1: %2"_s.arg(where, message);
}

AslResource AslResource::parse(const QString &arn)
{
    AslResource r;
    r.arn = arn;
    static const QString states = u"arn:aws:states:::"_s;
    // "${charge}": a DefinitionSubstitutions placeholder for a function's ARN, as SAM
    // templates write a plain Lambda task before the substitution.
    static const QRegularExpression placeholder(u"^\\$\\{([^}]+)\\}$"_s);
    if (const QRegularExpressionMatch m = placeholder.match(arn); m.hasMatch()) {
        r.service = Service::LambdaArn;
        r.function = m.captured(1);
        return r;
    }
    if (arn.startsWith("arn:aws:lambda:"_L1)) {
        // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
        const QStringList parts = arn.split(u':');
        if (parts.size() >= 7 && parts.at(5) == "function"_L1 && !parts.at(6).isEmpty()) {
            r.service = Service::LambdaArn;
            r.function = parts.at(6);
        }
        return r;
    }
    if (!arn.startsWith(states))
        return r;
    QString rest = arn.mid(states.size());
    if (rest.endsWith(".waitForTaskToken"_L1)) {
        r.pattern = Pattern::WaitForTaskToken;
        rest.chop(int(strlen(".waitForTaskToken")));
    } else if (rest.endsWith(".sync"_L1) || rest.endsWith(".sync:2"_L1)) {
        r.pattern = Pattern::Sync;
        rest.truncate(rest.lastIndexOf(".sync"_L1));
    }
    static const std::map<QString, Service> services = {
        {u"lambda:invoke"_s, Service::Lambda},
        {u"sqs:sendMessage"_s, Service::SqsSend},
        {u"sns:publish"_s, Service::SnsPublish},
        {u"dynamodb:getItem"_s, Service::DynamoGet},
        {u"dynamodb:putItem"_s, Service::DynamoPut},
        {u"dynamodb:updateItem"_s, Service::DynamoUpdate},
        {u"dynamodb:deleteItem"_s, Service::DynamoDelete},
        {u"states:startExecution"_s, Service::StartExecution},
        {u"events:putEvents"_s, Service::PutEvents},
    };
    const auto found = services.find(rest);
    if (found == services.end())
        return r;
    r.service = found->second;
    // .sync waits for a nested execution only; the DynamoDB calls answer at once.
    const bool syncable = r.service == Service::StartExecution;
    const bool tokenable = r.service != Service::DynamoGet && r.service != Service::DynamoPut
                           && r.service != Service::DynamoUpdate && r.service != Service::DynamoDelete;
    if ((r.pattern == Pattern::Sync && !syncable) || (r.pattern == Pattern::WaitForTaskToken && !tokenable))
        r.service = Service::Invalid;
    return r;
}

QString AslResource::resourceType() const
{
    switch (service) {
    case Service::Lambda:
    case Service::LambdaArn: return u"lambda"_s;
    case Service::SqsSend: return u"sqs"_s;
    case Service::SnsPublish: return u"sns"_s;
    case Service::DynamoGet:
    case Service::DynamoPut:
    case Service::DynamoUpdate:
    case Service::DynamoDelete: return u"dynamodb"_s;
    case Service::StartExecution: return u"states"_s;
    case Service::PutEvents: return u"events"_s;
    case Service::Invalid: break;
    }
    return {};
}

QString AslResource::resourceName() const
{
    if (service == Service::LambdaArn)
        return function;
    // "invoke", "sendMessage", "startExecution.sync:2", "invoke.waitForTaskToken", as the history shows it.
    return arn.section(u':', 6);
}

namespace AslDefinition {

Result<QJsonObject> parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = text.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return fail(u"line %1, column %2: %3"_s.arg(line).arg(column).arg(error.errorString()));
    }
    if (!doc.isObject())
        return fail(u"line 1, column 1: a state machine's definition is a JSON object"_s);
    return doc.object();
}

namespace {

const QSet<QString> &stateTypes()
{
    static const QSet<QString> types = {u"Pass"_s,    u"Task"_s, u"Choice"_s,   u"Wait"_s,
                                        u"Succeed"_s, u"Fail"_s, u"Parallel"_s, u"Map"_s};
    return types;
}

// The fields of each state type that hold a path, and whether they must be Reference Paths.
struct PathField
{
    const char *name;
    bool reference;
};
constexpr PathField kPathFields[] = {
    {"InputPath", false},         {"OutputPath", false},          {"ResultPath", true}, {"ItemsPath", false},
    {"SecondsPath", true},        {"TimestampPath", true},        {"ErrorPath", true},  {"CausePath", true},
    {"TimeoutSecondsPath", true}, {"HeartbeatSecondsPath", true},
};

class Checker
{
public:
    QList<AslDiagnostic> diagnostics;

    void add(AslDiagnostic::Severity severity, const QString &state, const QString &field, const QString &message)
    {
        diagnostics.append({severity, state, field, message});
    }
    void error(const QString &state, const QString &field, const QString &message)
    {
        add(AslDiagnostic::Severity::Error, state, field, message);
    }

    // A machine, or a Parallel branch or Map iterator (prefix names it).
    void machine(const QJsonObject &m, const QString &prefix)
    {
        const QString where = prefix;
        const QJsonValue statesValue = m.value("States"_L1);
        if (!statesValue.isObject() || statesValue.toObject().isEmpty()) {
            error(where, u"States"_s, u"a state machine needs at least one state"_s);
            return;
        }
        const QJsonObject states = statesValue.toObject();
        const QString startAt = m.value("StartAt"_L1).toString();
        if (!m.value("StartAt"_L1).isString())
            error(where, u"StartAt"_s, u"missing: it names the first state"_s);
        else if (!states.contains(startAt))
            error(where, u"StartAt"_s, u"the state \"%1\" does not exist"_s.arg(startAt));
        if (m.contains("TimeoutSeconds"_L1) && !positiveInteger(m.value("TimeoutSeconds"_L1)))
            error(where, u"TimeoutSeconds"_s, u"must be a positive whole number of seconds"_s);

        bool terminal = false;
        for (auto it = states.begin(); it != states.end(); ++it) {
            const QString name = prefix.isEmpty() ? it.key() : u"%1/%2"_s.arg(prefix, it.key());
            if (!it.value().isObject()) {
                error(name, {}, u"a state is a JSON object"_s);
                continue;
            }
            if (it.key().size() > 80)
                error(name, {}, u"a state's name has at most 80 characters"_s);
            terminal |= state(it.value().toObject(), name, states);
        }
        if (!terminal)
            error(where, {},
                  u"no state ends the execution: one needs \"End\": true, or to be a Succeed or Fail state"_s);
        reachability(states, startAt, prefix);
    }

private:
    static bool positiveInteger(const QJsonValue &v)
    {
        return v.isDouble() && v.toDouble() >= 1 && v.toDouble() == std::floor(v.toDouble());
    }

    void next(const QJsonObject &s, const QString &name, const QJsonObject &states, const QString &field,
              const QString &target)
    {
        if (!states.contains(target))
            error(name, field, u"the state \"%1\" does not exist"_s.arg(target));
        Q_UNUSED(s)
    }

    // Checks one state; whether it can end its machine.
    bool state(const QJsonObject &s, const QString &name, const QJsonObject &states)
    {
        const QString type = s.value("Type"_L1).toString();
        if (!stateTypes().contains(type)) {
            error(name, u"Type"_s, s.contains("Type"_L1) ? u"unknown state type \"%1\""_s.arg(type) : u"missing"_s);
            return false;
        }
        for (const PathField &f : kPathFields) {
            const QString field = QString::fromLatin1(f.name);
            const QJsonValue v = s.value(field);
            if (v.isUndefined()
                || (v.isNull() && (field == "InputPath"_L1 || field == "OutputPath"_L1 || field == "ResultPath"_L1)))
                continue;
            if (!v.isString()) {
                error(name, field, u"must be a path, a string starting with \"$\""_s);
                continue;
            }
            if (const Result<void> ok = Asl::checkPath(v.toString(), f.reference); !ok)
                error(name, field, ok.errorMessage());
        }
        for (const char *templateField : {"Parameters", "ResultSelector", "ItemSelector"}) {
            const QString field = QString::fromLatin1(templateField);
            if (s.contains(field))
                for (const QString &problem : Asl::checkTemplate(s.value(field), field))
                    error(name, {}, problem);
        }

        const bool canRecover = type == "Task"_L1 || type == "Parallel"_L1 || type == "Map"_L1;
        for (const char *recovery : {"Retry", "Catch"}) {
            const QString field = QString::fromLatin1(recovery);
            if (s.contains(field) && !canRecover)
                error(name, field,
                      u"a %1 state cannot have %2: only Task, Parallel and Map states do"_s.arg(type, field));
        }
        if (canRecover) {
            retriers(s, name);
            catchers(s, name, states);
        }

        const bool flowControl = type == "Choice"_L1 || type == "Succeed"_L1 || type == "Fail"_L1;
        const bool end = s.value("End"_L1).toBool();
        if (!flowControl) {
            if (s.contains("Next"_L1) && end)
                error(name, u"Next"_s, u"a state has either Next or \"End\": true, not both"_s);
            else if (s.contains("Next"_L1))
                next(s, name, states, u"Next"_s, s.value("Next"_L1).toString());
            else if (!end)
                error(name, u"Next"_s, u"missing: the state needs Next or \"End\": true"_s);
        } else if (s.contains("Next"_L1) || s.contains("End"_L1)) {
            error(name, s.contains("Next"_L1) ? u"Next"_s : u"End"_s, u"a %1 state has no Next or End"_s.arg(type));
        }

        if (type == "Task"_L1)
            task(s, name);
        else if (type == "Choice"_L1)
            choice(s, name, states);
        else if (type == "Wait"_L1)
            wait(s, name);
        else if (type == "Parallel"_L1)
            parallel(s, name);
        else if (type == "Map"_L1)
            map(s, name);
        return end || type == "Succeed"_L1 || type == "Fail"_L1;
    }

    void retriers(const QJsonObject &s, const QString &name)
    {
        if (!s.contains("Retry"_L1))
            return;
        if (!s.value("Retry"_L1).isArray()) {
            error(name, u"Retry"_s, u"must be a list of retriers"_s);
            return;
        }
        const QJsonArray retry = s.value("Retry"_L1).toArray();
        for (int i = 0; i < retry.size(); ++i) {
            const QJsonObject r = retry.at(i).toObject();
            const QString field = u"Retry[%1]"_s.arg(i);
            errorEquals(r, name, field, i == retry.size() - 1);
            if (r.contains("MaxAttempts"_L1)
                && (!r.value("MaxAttempts"_L1).isDouble() || r.value("MaxAttempts"_L1).toInt() < 0))
                error(name, field + u".MaxAttempts"_s, u"must be a whole number, 0 or more"_s);
            if (r.contains("IntervalSeconds"_L1) && !positiveInteger(r.value("IntervalSeconds"_L1)))
                error(name, field + u".IntervalSeconds"_s, u"must be a positive whole number"_s);
            if (r.contains("BackoffRate"_L1) && r.value("BackoffRate"_L1).toDouble() < 1.0)
                error(name, field + u".BackoffRate"_s, u"must be 1.0 or more"_s);
            if (r.contains("MaxDelaySeconds"_L1) && !positiveInteger(r.value("MaxDelaySeconds"_L1)))
                error(name, field + u".MaxDelaySeconds"_s, u"must be a positive whole number"_s);
            const QString jitter = r.value("JitterStrategy"_L1).toString(u"NONE"_s);
            if (jitter != "FULL"_L1 && jitter != "NONE"_L1)
                error(name, field + u".JitterStrategy"_s, u"must be FULL or NONE"_s);
        }
    }

    void catchers(const QJsonObject &s, const QString &name, const QJsonObject &states)
    {
        if (!s.contains("Catch"_L1))
            return;
        if (!s.value("Catch"_L1).isArray()) {
            error(name, u"Catch"_s, u"must be a list of catchers"_s);
            return;
        }
        const QJsonArray catches = s.value("Catch"_L1).toArray();
        for (int i = 0; i < catches.size(); ++i) {
            const QJsonObject c = catches.at(i).toObject();
            const QString field = u"Catch[%1]"_s.arg(i);
            errorEquals(c, name, field, i == catches.size() - 1);
            if (!c.value("Next"_L1).isString())
                error(name, field + u".Next"_s, u"missing: a catcher names the state to go to"_s);
            else
                next(s, name, states, field + u".Next"_s, c.value("Next"_L1).toString());
            if (c.contains("ResultPath"_L1) && !c.value("ResultPath"_L1).isNull()) {
                if (const Result<void> ok = Asl::checkPath(c.value("ResultPath"_L1).toString(), true); !ok)
                    error(name, field + u".ResultPath"_s, ok.errorMessage());
            }
        }
    }

    void errorEquals(const QJsonObject &r, const QString &name, const QString &field, bool last)
    {
        const QJsonArray errors = r.value("ErrorEquals"_L1).toArray();
        if (errors.isEmpty()) {
            error(name, field + u".ErrorEquals"_s, u"needs at least one error name"_s);
            return;
        }
        for (const QJsonValue &e : errors) {
            if (e.toString() == "States.ALL"_L1 && (errors.size() > 1 || !last))
                error(name, field + u".ErrorEquals"_s,
                      u"States.ALL must be alone and in the last retrier or catcher"_s);
        }
    }

    void task(const QJsonObject &s, const QString &name)
    {
        if (!s.value("Resource"_L1).isString()) {
            error(name, u"Resource"_s, u"missing: a Task names the work it does"_s);
            return;
        }
        const QString arn = s.value("Resource"_L1).toString();
        const AslResource resource = AslResource::parse(arn);
        if (resource.service == AslResource::Service::Invalid) {
            error(name, u"Resource"_s,
                  u"unknown resource ARN \"%1\": the local executor runs Lambda (lambda:invoke or a function's ARN), "
                  "sqs:sendMessage, sns:publish, dynamodb:getItem/putItem/updateItem/deleteItem, "
                  "states:startExecution and events:putEvents"_s.arg(arn));
        }
        if (resource.pattern == AslResource::Pattern::WaitForTaskToken) {
            const QByteArray parameters =
                QJsonDocument(s.value("Parameters"_L1).toObject()).toJson(QJsonDocument::Compact);
            if (!parameters.contains("$$.Task.Token"))
                error(name, u"Parameters"_s,
                      u".waitForTaskToken needs the task token ($$.Task.Token) in the Parameters"_s);
        }
        for (const char *seconds : {"TimeoutSeconds", "HeartbeatSeconds"}) {
            const QString field = QString::fromLatin1(seconds);
            if (s.contains(field) && !positiveInteger(s.value(field)))
                error(name, field, u"must be a positive whole number of seconds"_s);
        }
        if (s.contains("HeartbeatSeconds"_L1)
            && s.value("HeartbeatSeconds"_L1).toDouble() >= s.value("TimeoutSeconds"_L1).toDouble(99999999))
            error(name, u"HeartbeatSeconds"_s, u"must be less than TimeoutSeconds"_s);
    }

    void choice(const QJsonObject &s, const QString &name, const QJsonObject &states)
    {
        const QJsonArray choices = s.value("Choices"_L1).toArray();
        if (choices.isEmpty())
            error(name, u"Choices"_s, u"a Choice state needs at least one rule"_s);
        for (int i = 0; i < choices.size(); ++i) {
            const QJsonObject rule = choices.at(i).toObject();
            const QString field = u"Choices[%1]"_s.arg(i);
            for (const QString &problem : Asl::checkChoiceRule(rule, field))
                error(name, {}, problem);
            if (!rule.value("Next"_L1).isString())
                error(name, field + u".Next"_s, u"missing: each rule names the state it goes to"_s);
            else
                next(s, name, states, field + u".Next"_s, rule.value("Next"_L1).toString());
        }
        if (s.contains("Default"_L1))
            next(s, name, states, u"Default"_s, s.value("Default"_L1).toString());
        else
            add(AslDiagnostic::Severity::Warning, name, u"Default"_s,
                u"no Default: an input no rule matches fails the execution with States.NoChoiceMatched"_s);
    }

    void wait(const QJsonObject &s, const QString &name)
    {
        int ways = 0;
        for (const char *f : {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"})
            ways += s.contains(QString::fromLatin1(f)) ? 1 : 0;
        if (ways != 1)
            error(name, {}, u"a Wait state has exactly one of Seconds, Timestamp, SecondsPath or TimestampPath"_s);
        if (s.contains("Seconds"_L1) && (!s.value("Seconds"_L1).isDouble() || s.value("Seconds"_L1).toDouble() < 0))
            error(name, u"Seconds"_s, u"must be a whole number of seconds, 0 or more"_s);
        if (s.contains("Timestamp"_L1)
            && !QDateTime::fromString(s.value("Timestamp"_L1).toString(), Qt::ISODateWithMs).isValid())
            error(name, u"Timestamp"_s, u"must be an RFC 3339 time, such as 2026-12-01T12:00:00Z"_s);
    }

    void parallel(const QJsonObject &s, const QString &name)
    {
        const QJsonArray branches = s.value("Branches"_L1).toArray();
        if (branches.isEmpty())
            error(name, u"Branches"_s, u"a Parallel state needs at least one branch"_s);
        for (int i = 0; i < branches.size(); ++i)
            machine(branches.at(i).toObject(), u"%1/Branch %2"_s.arg(name).arg(i + 1));
    }

    void map(const QJsonObject &s, const QString &name)
    {
        const bool iterator = s.contains("Iterator"_L1);
        const QJsonObject processor = s.value(iterator ? "Iterator"_L1 : "ItemProcessor"_L1).toObject();
        if (processor.isEmpty()) {
            error(name, u"ItemProcessor"_s, u"missing: a Map state names the states each item goes through"_s);
            return;
        }
        const QString mode = processor.value("ProcessorConfig"_L1).toObject().value("Mode"_L1).toString(u"INLINE"_s);
        if (mode != "INLINE"_L1)
            error(
                name, u"ItemProcessor.ProcessorConfig.Mode"_s,
                u"the local executor runs INLINE Map states only; DISTRIBUTED (items read from S3, child executions) is not served"_s);
        if (s.contains("MaxConcurrency"_L1) && s.value("MaxConcurrency"_L1).toInt(-1) < 0)
            error(name, u"MaxConcurrency"_s, u"must be a whole number, 0 or more (0: no limit)"_s);
        if (s.contains("ItemSelector"_L1) && s.contains("Parameters"_L1))
            error(name, u"ItemSelector"_s, u"use ItemSelector or the older Parameters, not both"_s);
        machine(processor, u"%1/Iterator"_s.arg(name));
    }

    // States that no path from StartAt reaches.
    void reachability(const QJsonObject &states, const QString &startAt, const QString &prefix)
    {
        QSet<QString> reached;
        QStringList todo{startAt};
        while (!todo.isEmpty()) {
            const QString name = todo.takeLast();
            if (reached.contains(name) || !states.contains(name))
                continue;
            reached.insert(name);
            const QJsonObject s = states.value(name).toObject();
            todo.append(s.value("Next"_L1).toString());
            todo.append(s.value("Default"_L1).toString());
            for (const QJsonValue &c : s.value("Choices"_L1).toArray())
                todo.append(c.toObject().value("Next"_L1).toString());
            for (const QJsonValue &c : s.value("Catch"_L1).toArray())
                todo.append(c.toObject().value("Next"_L1).toString());
        }
        for (auto it = states.begin(); it != states.end(); ++it)
            if (!reached.contains(it.key()))
                error(prefix.isEmpty() ? it.key() : u"%1/%2"_s.arg(prefix, it.key()), {},
                      u"no path from StartAt reaches this state"_s);
    }
};

// Calls visit(state name path, state) for every state, branches and iterators included.
template<typename Visit>
void forEachState(const QJsonObject &machine, const QString &prefix, const Visit &visit)
{
    const QJsonObject states = machine.value("States"_L1).toObject();
    for (auto it = states.begin(); it != states.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : u"%1/%2"_s.arg(prefix, it.key());
        const QJsonObject s = it.value().toObject();
        visit(path, s);
        const QJsonArray branches = s.value("Branches"_L1).toArray();
        for (int i = 0; i < branches.size(); ++i)
            forEachState(branches.at(i).toObject(), u"%1/Branch %2"_s.arg(path).arg(i + 1), visit);
        const QJsonObject iterator = s.value(s.contains("Iterator"_L1) ? "Iterator"_L1 : "ItemProcessor"_L1).toObject();
        if (!iterator.isEmpty())
            forEachState(iterator, u"%1/Iterator"_s.arg(path), visit);
    }
}

} // namespace

QList<AslDiagnostic> validate(const QJsonObject &definition)
{
    Checker checker;
    if (definition.value("QueryLanguage"_L1).toString() == "JSONata"_L1) {
        checker.error(
            {}, u"QueryLanguage"_s,
            u"JSONata is not run by the local executor: write the machine in JSONPath (the default query language)"_s);
        return checker.diagnostics;
    }
    bool jsonata = false;
    forEachState(definition, {}, [&](const QString &, const QJsonObject &s) {
        jsonata |= s.value("QueryLanguage"_L1).toString() == "JSONata"_L1;
    });
    if (jsonata)
        checker.error(
            {}, u"QueryLanguage"_s,
            u"JSONata is not run by the local executor: write the machine in JSONPath (the default query language)"_s);
    checker.machine(definition, {});
    std::stable_sort(checker.diagnostics.begin(), checker.diagnostics.end(),
                     [](const AslDiagnostic &a, const AslDiagnostic &b) { return a.severity < b.severity; });
    return checker.diagnostics;
}

QString resourceName(const QString &reference)
{
    QString r = reference.trimmed();
    static const QRegularExpression substitution(u"^\\$\\{([^}]+)\\}$"_s);
    if (const auto m = substitution.match(r); m.hasMatch())
        return m.captured(1);
    if (r.startsWith("arn:"_L1)) {
        const QStringList parts = r.split(u':');
        // arn:aws:lambda:R:A:function:NAME[:Q], arn:aws:sns:R:A:NAME, arn:aws:states:R:A:stateMachine:NAME,
        // arn:aws:dynamodb:R:A:table/NAME, arn:aws:events:R:A:event-bus/NAME
        if (parts.size() >= 7 && (parts.at(5) == "function"_L1 || parts.at(5) == "stateMachine"_L1))
            return parts.at(6);
        if (parts.size() >= 6)
            return parts.at(5).section(u'/', -1);
        return {};
    }
    if (r.contains(u'/'))
        return r.section(u'/', -1);
    return r;
}

QList<AslReference> references(const QJsonObject &definition, const QStringList &names)
{
    const QSet<QString> known(names.begin(), names.end());
    std::map<QPair<QString, QString>, AslReference> found;
    auto use = [&](const QString &reference, const QString &kind, const QString &edge, const QString &state) {
        QString name = resourceName(reference);
        if (name.endsWith(".fifo"_L1))
            name.chop(5);
        if (!known.contains(name))
            return;
        AslReference &r = found[{name, edge}];
        r.node = name;
        r.kind = kind;
        r.edge = edge;
        if (!r.states.contains(state))
            r.states.append(state);
    };
    forEachState(definition, {}, [&](const QString &path, const QJsonObject &s) {
        if (s.value("Type"_L1).toString() != "Task"_L1)
            return;
        const AslResource resource = AslResource::parse(s.value("Resource"_L1).toString());
        const QJsonObject p = s.value("Parameters"_L1).toObject();
        using S = AslResource::Service;
        switch (resource.service) {
        case S::LambdaArn: use(resource.function, u"function"_s, u"invokes"_s, path); break;
        case S::Lambda: use(p.value("FunctionName"_L1).toString(), u"function"_s, u"invokes"_s, path); break;
        case S::SqsSend: use(p.value("QueueUrl"_L1).toString(), u"queue"_s, u"writes"_s, path); break;
        case S::SnsPublish: use(p.value("TopicArn"_L1).toString(), u"topic"_s, u"publishes"_s, path); break;
        case S::DynamoGet: use(p.value("TableName"_L1).toString(), u"table"_s, u"reads"_s, path); break;
        case S::DynamoPut:
        case S::DynamoUpdate:
        case S::DynamoDelete: use(p.value("TableName"_L1).toString(), u"table"_s, u"writes"_s, path); break;
        case S::StartExecution:
            use(p.value("StateMachineArn"_L1).toString(), u"state-machine"_s, u"starts"_s, path);
            break;
        case S::PutEvents:
            for (const QJsonValue &entry : p.value("Entries"_L1).toArray())
                use(entry.toObject().value("EventBusName"_L1).toString(u"default"_s), u"event-bus"_s, u"publishes"_s,
                    path);
            break;
        case S::Invalid: break;
        }
    });
    QList<AslReference> result;
    for (const auto &entry : found)
        result.append(entry.second);
    return result;
}

QStringList statePaths(const QJsonObject &definition)
{
    QStringList paths;
    forEachState(definition, {}, [&](const QString &path, const QJsonObject &) { paths.append(path); });
    return paths;
}

} // namespace AslDefinition

} // namespace Nimbus
