#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Nimbus {

class LocalCloud;
struct Node;

// What a rule gives each of its targets for a matched event, as EventBridge's target
// input says: the event itself, a constant JSON text (Input), the part of the event an
// InputPath selects, or an InputTransformer's template with each <name> replaced by the
// value its path selects from the event.
//
//     const Result<RuleInput> input = RuleInput::fromRule(properties);
//     const Result<QByteArray> body = input->apply(event, {ruleName, ruleArn});
//
// Paths are the JSONPath subset EventBridge takes: "$", then ".name" steps (letters,
// digits, '-', '_', '/') and "[index]" steps. In a template that is JSON, a value
// placed outside a string is written as JSON ("RUNNING" with its quotes), one inside a
// string as the string's text with its quotes escaped; in a template that is plain text
// a string is written as it is. A path the event does not have gives null (or nothing
// inside a string).
struct RuleInput
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::RuleInput)

public:
    enum class Mode { MatchedEvent, Constant, Path, Transformer };

    // The rule the event matched, for the predefined variables <aws.events.rule-arn> ...
    struct Context
    {
        QString ruleName;
        QString ruleArn;
    };

    Mode mode = Mode::MatchedEvent;
    QByteArray constant;
    QString path;
    QList<QPair<QString, QString>> paths; // InputPathsMap, in its order
    QString inputTemplate;

    // From a rule node's properties (missing ones take the catalog's defaults); the error
    // names the property and what is wrong with it.
    static Result<RuleInput> fromRule(const QJsonObject &properties);
    // The value at path in root; undefined when root has nothing there; an error when
    // path is not of the subset.
    static Result<QJsonValue> select(const QJsonValue &root, const QString &path);
    static Result<void> checkPath(const QString &path);

    Result<QByteArray> apply(const QJsonObject &event, const Context &context = {}) const;

private:
    QByteArray transform(const QJsonObject &event, const Context &context) const;
};

// The event buses of the local cloud: PutEvents builds each entry into an event as
// EventBridge does, matches it against the rules connected to the bus, and delivers
// what each matching rule's input makes of it to the rule's targets: a function is
// invoked asynchronously, a queue receives it as a message body, a topic as a message,
// another bus as a new entry. A target that cannot take it sends the event to the
// rule's dead-letter queue, with EventBridge's attributes saying why. Every hop is
// logged with its cause, so the canvas shows where each event went.
class EventBus
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::EventBus)

public:
    static constexpr int kMaxEntries = 10;
    static constexpr qsizetype kMaxRequestSize = 256 * 1024;
    static constexpr int kMaxRetryAttempts = 185;

    explicit EventBus(LocalCloud &cloud) : mCloud(cloud) { }

    // The size EventBridge counts for an entry (the PutEvents quota): 14 bytes for a
    // Time, and the UTF-8 bytes of Source, DetailType, Detail and each resource.
    static qsizetype entrySize(const QJsonObject &entry);
    // The entries of a PutEvents request written as JSON text, one entry or an array of
    // them, as the studio's Put Events window and the agents' put-event take them: a Detail
    // object becomes its JSON text, as the SDKs send it; the 10-entry and 256 KB quotas are
    // checked. What is wrong is said in words.
    static Result<QJsonArray> entriesFromJson(const QByteArray &text);
    // An entry (Source, DetailType, Detail, Resources, Time) as the event EventBridge
    // delivers, or the error code and message PutEvents answers for that entry.
    struct Built
    {
        QJsonObject event;
        QString errorCode;
        QString errorMessage;
    };
    static Built buildEvent(const QJsonObject &entry, const QString &region, const QDateTime &now);
    // The bus's name as AWS knows it and its ARN.
    static QString busName(const Node &bus);
    static QString busArn(const QString &region, const QString &name);
    static QString ruleArn(const QString &region, const QString &bus, const QString &rule);
    // A rule's target as EventBridge names it: a function's, queue's, topic's or bus's ARN.
    static QString targetArn(const QString &region, const Node &target);

    // PutEvents on the bus named bus (its node's name, its bus name or its ARN; empty:
    // "default"). One result per entry as AWS answers it: {"EventId"} or {"ErrorCode",
    // "ErrorMessage"}.
    QJsonArray put(const QString &bus, const QJsonArray &entries, qint64 cause);
    // The bus node a name, bus name or ARN names; nullptr when none does.
    const Node *findBus(const QString &nameOrArn) const;
    // A replayed event (it carries "replay-name") back onto bus, logged as caused by cause,
    // to the rules named in rules (node names; empty: every rule). Never archived again.
    void replay(const Node &bus, const QJsonObject &event, const QStringList &rules, qint64 cause);
    // The bus's rules, by name (the routes connections of the design).
    QList<const Node *> rules(const Node &bus) const;

private:
    // onlyRules: a replay's rules (node names); empty: every rule of the bus.
    void route(const Node &bus, const QJsonObject &event, qint64 change, const QStringList &onlyRules = {});
    void deliver(const QString &bus, const Node &rule, const Node &target, const QJsonObject &event,
                 const QByteArray &input, qint64 matched);
    void deadLetter(const QString &bus, const Node &rule, const Node *target, const QJsonObject &event,
                    const QString &code, const QString &message, qint64 matched);

    LocalCloud &mCloud;
};

} // namespace Nimbus
