#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Nimbus {

// Completion of the fields of a handler's event and context: given the text before the
// caret ("return event.Records[0].s3.ob", "event['pathParameters']['"), the members
// that can follow, taken from a sample of the value ("event" -> the trigger's event).
class EventFields
{
public:
    enum class Language { JavaScript, Python };

    struct Completion
    {
        QStringList candidates; // sorted
        qsizetype prefixLength = 0; // characters already typed of the member
    };

    void setRoot(const QString &name, const QJsonValue &sample) { mRoots.insert(name, sample); }
    void clear() { mRoots.clear(); }
    bool isEmpty() const { return mRoots.isEmpty(); }

    Completion complete(const QString &textBeforeCaret) const;

    // What a handler's context object offers in each language (values are samples).
    static QJsonObject contextSample(Language language);
    // Every path below a value, as completion reaches them: "event.Records[0].s3.bucket.name".
    static QStringList paths(const QJsonValue &value, const QString &root, int maxDepth = 8);

private:
    QHash<QString, QJsonValue> mRoots;
};

} // namespace Nimbus
