#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Nimbus {

// An EventBridge event pattern, compiled once and matched against many events: the one
// matcher behind bus rules, archives and the filter criteria of queue, stream and bucket
// triggers (Lambda applies the same language to a record).
//
// The language is AWS's: a pattern is a JSON object whose leaves are arrays. A leaf
// matches when the event's value there (or any element of an array value) matches any
// element of the array: an exact value (string, number compared numerically, true,
// false, null) or one operator: prefix, suffix, equals-ignore-case, wildcard,
// anything-but (values, prefix, suffix, wildcard, equals-ignore-case), numeric, exists,
// cidr. Every field of an object must match; "$or" takes two or more objects of which
// one must. Nested objects match nested objects; an array of objects in the event
// matches when one of its elements does (two fields never match in two elements).
//
//     const Result<EventPattern> pattern = EventPattern::parse(R"({"source": ["shop"]})");
//     if (!pattern)
//         return fail(pattern.error().message); // "Event pattern is not valid. Reason: ..."
//     if (pattern->matches(event))
//         deliver(event);
//
// Its errors are EventBridge's own words, which an SDK caller receives on the wire: like
// the AWS services' errors, they are not translated.
//
// Copies share the compiled tree; matching reads the event and allocates nothing of
// its own, so one pattern can be matched from several threads at once.
class EventPattern
{
public:
    // EventBridge's default quota on a pattern's size, in characters.
    static constexpr int kMaxLength = 2048;

    // Compiles a pattern; the error says what is wrong in AWS's words, framed as
    // EventBridge frames it ("Event pattern is not valid. Reason: ... at [Source: ...;
    // line: 2, column: 13]").
    static Result<EventPattern> parse(const QByteArray &json, int maxLength = kMaxLength);
    static Result<EventPattern> fromObject(const QJsonObject &pattern, int maxLength = kMaxLength);
    // TestEventPattern: whether event matches pattern. As for AWS, the event is a JSON
    // object with id, account, source, time, region, resources and detail-type.
    static Result<bool> test(const QByteArray &pattern, const QByteArray &event);

    bool matches(const QJsonObject &event) const;
    // The same, leaving out the top-level fields of knownFields (a fieldMask()) that the
    // caller found to match already, as RuleSet does for the fields it indexes.
    bool matches(const QJsonObject &event, quint64 knownFields) const;
    quint64 fieldMask(const QStringList &topLevelFields) const;

    // The top-level fields every match needs to hold one of a few strings exactly (source
    // first, then detail-type, then the others), for indexing rules; and those strings.
    QStringList keyFields() const;
    QList<QString> keyValues(const QString &field) const;

    struct Node;

private:
    explicit EventPattern(std::shared_ptr<const Node> root) : mRoot(std::move(root)) { }
    // json: the pattern's text, to say where a problem lies.
    static Result<EventPattern> compile(const QJsonObject &pattern, const QByteArray &json);

    std::shared_ptr<const Node> mRoot;
};

// Many patterns matched against one event: each pattern is indexed by the values of its
// key fields (source and detail-type together where it names both), so an event is tested
// only against the patterns that can match it, and those without key fields.
// The answer is always what testing every pattern one by one would give.
class RuleSet
{
public:
    // Adds a pattern; its id is its position (0, 1, ...).
    int add(const EventPattern &pattern);
    int size() const { return int(mPatterns.size()); }
    const EventPattern &pattern(int id) const { return mPatterns.at(size_t(id)); }

    // Ids of the patterns event matches, ascending.
    QList<int> matching(const QJsonObject &event) const;

private:
    struct Index
    {
        QStringList fields;
        QHash<QString, QList<int>> byValue;
    };

    std::vector<EventPattern> mPatterns;
    std::vector<Index> mIndexes;
    std::vector<quint64> mKnownFields; // per pattern: the fields its index entry vouches for
    QList<int> mUnindexed;
};

} // namespace Nimbus
