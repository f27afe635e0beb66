#pragma once

#include "model/architecture.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Nimbus {

class Catalog;
class ExportModel;
struct ExportOutput;

// One test a CloudEvents broker can make of an event's attribute: that it equals,
// starts with or ends with one of values or, negated, with none of them.
struct AttributeCondition
{
    enum class Match { Exact, Prefix, Suffix };
    QString attribute; // "source" or "type"
    Match match = Match::Exact;
    QStringList values; // any of them
    bool negated = false; // EventBridge's anything-but: none of them
};

// An EventBridge pattern said with CloudEvents attributes, as the brokers that filter on
// attributes take it (Knative Triggers, Eventarc): EventBridge's source is the
// CloudEvent's source and its detail-type the CloudEvent's type. Each field holds when
// one of its conditions does, the filter when every field does. What has no attribute
// (detail, account, numeric matching ...) is listed in unsupported: a broker that
// filters on the rest lets through events the pattern would not.
struct AttributeFilter
{
    QList<QList<AttributeCondition>> fields; // source's conditions, then type's
    QStringList unsupported; // the parts of the pattern left out, as short JSON
    bool valid = true; // false when the pattern is not JSON

    // The exact values of attribute when that is its only condition (one Eventarc
    // trigger per value); empty otherwise.
    QStringList exactValues(const QString &attribute) const;
};

// The event-driven parts of a design as exporters read them: the rules each bus routes
// to, each rule's targets and dead-letter queue, a function's asynchronous
// destinations; and the reports of the settings a target has no place for, each naming
// the node and the property, so that no setting is dropped silently.
class EventRouting
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::EventRouting)

public:
    EventRouting(const ExportModel &model, const Catalog &catalog);

    // The nodes node connects to (outgoing) or is connected from (incoming) by edges of
    // edgeType, in name order.
    QList<const Node *> outgoing(const Node *node, const QString &edgeType) const;
    QList<const Node *> incoming(const Node *node, const QString &edgeType) const;
    QList<const Node *> rules(const Node *bus) const { return outgoing(bus, QStringLiteral("routes")); }
    QList<const Node *> buses(const Node *rule) const { return incoming(rule, QStringLiteral("routes")); }
    QList<const Node *> targets(const Node *rule) const { return outgoing(rule, QStringLiteral("targets")); }
    // The queue a rule's deadLetterQueue names; nullptr when none (or not a queue).
    const Node *deadLetterQueue(const Node *rule) const;
    // The function's on-success or on-failure destinations (type is the edge type).
    QList<const Node *> destinations(const Node *function, const QString &type) const;

    // Whether node's property holds a value other than its kind's default.
    bool isSet(const Node *node, const QString &property) const;
    // The value of a property, as a user reads it in a message.
    QString shown(const Node *node, const QString &property) const;
    // A Warning (export-unsupported-setting) on node for each of properties it sets: the
    // platform has no place for it.
    void reportUnsupported(ExportOutput &output, const QString &platform, const Node *node,
                           const QStringList &properties) const;
    // Reports, for a target that has neither, each function's asynchronous retry settings
    // and each on-success or on-failure connection (naming the function and the edge).
    void reportAsyncSettings(ExportOutput &output, const QString &platform) const;
    // Reports the settings of the queue, table and bucket triggers (batching, filter
    // criteria, stream positions ...) and FIFO of queues and topics, for a target that
    // has none of them.
    void reportTriggerSettings(ExportOutput &output, const QString &platform) const;

    // The pattern (JSON text) as CloudEvents attribute conditions.
    static AttributeFilter attributeFilter(const QString &pattern);
    // The patterns of a trigger's filterCriteria text (one pattern, an array of them, or
    // Lambda's {"Filters": [{"Pattern": "..."}]}), each as compact JSON; empty when there
    // are none, nullopt when the text is not of those forms.
    static std::optional<QStringList> filterPatterns(const QString &criteria);

    // The trigger settings reportTriggerSettings reports, by kind (queue, table, bucket,
    // topic); empty for another kind.
    static QStringList triggerSettings(const QString &kind);

private:
    const ExportModel &mModel;
    const Catalog &mCatalog;
};

} // namespace Nimbus
