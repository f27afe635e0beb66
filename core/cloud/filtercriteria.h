#pragma once

#include "eventpattern.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace Nimbus {

// The filter criteria of a queue's or table stream's trigger, as Lambda's event source
// mappings take them: up to five EventBridge patterns, one of which a record must match
// to reach the function. The text of a trigger's filterCriteria property is one pattern
// ({"body": {"total": [{"numeric": [">", 100]}]}}), an array of them, or Lambda's own
// FilterCriteria object ({"Filters": [{"Pattern": "..."}]}); empty text filters nothing.
// A queue's record is matched with its body parsed when it is JSON (as Lambda does), so a
// pattern on body fields matches JSON bodies only and a plain-string one plain bodies only;
// a stream record as it is, in DynamoDB JSON (eventName, dynamodb.NewImage ...).
// Header only: the validator and the local cloud share it.
class FilterCriteria
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::FilterCriteria)

public:
    // Lambda's default quota of filters per event source mapping, and its limit on the
    // length of one pattern.
    static constexpr int kMaxFilters = 5;
    static constexpr int kMaxPatternLength = 4096;

    static Result<FilterCriteria> parse(const QString &text)
    {
        FilterCriteria criteria;
        if (text.trimmed().isEmpty())
            return criteria;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (document.isNull())
            return fail(tr("the filter criteria are not JSON: %1").arg(error.errorString()));
        // One pattern: the text itself, so that an error's line and column are the user's.
        if (document.isObject() && !document.object().contains(QLatin1String("Filters"))) {
            const Result<EventPattern> pattern = EventPattern::parse(text.toUtf8(), kMaxPatternLength);
            if (!pattern)
                return fail(tr("filter 1: %1").arg(pattern.errorMessage()));
            criteria.mPatterns.push_back(*pattern);
            return criteria;
        }
        const QJsonArray patterns = document.isArray() ? document.array()
                                                       : document.object().value(QLatin1String("Filters")).toArray();
        if (patterns.size() > kMaxFilters)
            return fail(tr("%1 filters; Lambda takes at most %2").arg(patterns.size()).arg(kMaxFilters));
        for (qsizetype i = 0; i < patterns.size(); ++i) {
            // Lambda's Filters hold each pattern as a string; a plain array may too.
            QJsonValue value = patterns.at(i);
            if (value.isObject() && value.toObject().contains(QLatin1String("Pattern")))
                value = value.toObject().value(QLatin1String("Pattern"));
            if (!value.isString() && !value.isObject())
                return fail(tr("filter %1 is not a pattern object").arg(i + 1));
            const QByteArray json = value.isString() ? value.toString().toUtf8()
                                                     : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
            const Result<EventPattern> pattern = EventPattern::parse(json, kMaxPatternLength);
            if (!pattern)
                return fail(tr("filter %1: %2").arg(i + 1).arg(pattern.errorMessage()));
            criteria.mPatterns.push_back(*pattern);
        }
        return criteria;
    }

    bool isEmpty() const { return mPatterns.empty(); }

    // Whether a record passes: no filters, or one that matches it.
    bool matches(const QJsonObject &record) const
    {
        if (mPatterns.empty())
            return true;
        for (const EventPattern &pattern : mPatterns)
            if (pattern.matches(record))
                return true;
        return false;
    }

    // An SQS record (as the event carries it) with its body parsed when it is JSON.
    bool matchesMessage(QJsonObject record) const
    {
        if (mPatterns.empty())
            return true;
        const QJsonDocument body = QJsonDocument::fromJson(record.value(QLatin1String("body")).toString().toUtf8());
        if (body.isObject())
            record.insert(QLatin1String("body"), body.object());
        else if (body.isArray())
            record.insert(QLatin1String("body"), body.array());
        return matches(record);
    }

private:
    std::vector<EventPattern> mPatterns;
};

} // namespace Nimbus
