#include "eventfields.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

EventFields::Completion EventFields::complete(const QString &textBeforeCaret) const
{
    // A root name, then member steps (.name, [0], ["name"], ['name']), then the member
    // being typed after '.' or '["'.
    static const QRegularExpression expression(
        uR"re(([A-Za-z_$][\w$]*)((?:\??\.[A-Za-z_$][\w$]*|\[\s*\d+\s*\]|\[\s*["'][^"'\]]*["']\s*\])*)(?:\??\.([\w$]*)|\[\s*["']([^"'\]]*))$)re"_s);
    static const QRegularExpression step(
        uR"re(\??\.([A-Za-z_$][\w$]*)|\[\s*(\d+)\s*\]|\[\s*["']([^"'\]]*)["']\s*\])re"_s);

    Completion completion;
    const QRegularExpressionMatch m = expression.match(textBeforeCaret);
    if (!m.hasMatch())
        return completion;
    // The root must be a whole word ("myevent." is not "event.").
    if (m.capturedStart(1) > 0) {
        const QChar before = textBeforeCaret.at(m.capturedStart(1) - 1);
        if (before.isLetterOrNumber() || before == '_'_L1 || before == '$'_L1 || before == '.'_L1)
            return completion;
    }
    auto root = mRoots.constFind(m.captured(1));
    if (root == mRoots.cend())
        return completion;
    QJsonValue value = *root;
    for (auto it = step.globalMatch(m.captured(2)); it.hasNext();) {
        const QRegularExpressionMatch s = it.next();
        if (s.capturedLength(2) > 0)
            value = value.toArray().at(s.captured(2).toInt());
        else
            value = value.toObject().value(s.capturedLength(1) > 0 ? s.captured(1) : s.captured(3));
        if (value.isUndefined())
            return completion;
    }
    const QString typed = m.capturedLength(3) > 0 || m.capturedStart(4) < 0 ? m.captured(3) : m.captured(4);
    completion.prefixLength = typed.size();
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().startsWith(typed))
            completion.candidates.append(it.key());
    std::sort(completion.candidates.begin(), completion.candidates.end());
    return completion;
}

QJsonObject EventFields::contextSample(Language language)
{
    if (language == Language::Python) {
        return QJsonObject{
            {u"function_name"_s, u"my-function"_s},
            {u"function_version"_s, u"$LATEST"_s},
            {u"invoked_function_arn"_s, u"arn:aws:lambda:us-east-1:000000000000:function:my-function"_s},
            {u"memory_limit_in_mb"_s, 128},
            {u"aws_request_id"_s, u"00000000-0000-0000-0000-000000000000"_s},
            {u"log_group_name"_s, u"/aws/lambda/my-function"_s},
            {u"log_stream_name"_s, u"local"_s},
            {u"identity"_s, QJsonValue::Null},
            {u"client_context"_s, QJsonValue::Null},
            {u"get_remaining_time_in_millis"_s, u"()"_s},
        };
    }
    return QJsonObject{
        {u"functionName"_s, u"my-function"_s},
        {u"functionVersion"_s, u"$LATEST"_s},
        {u"invokedFunctionArn"_s, u"arn:aws:lambda:us-east-1:000000000000:function:my-function"_s},
        {u"memoryLimitInMB"_s, u"128"_s},
        {u"awsRequestId"_s, u"00000000-0000-0000-0000-000000000000"_s},
        {u"logGroupName"_s, u"/aws/lambda/my-function"_s},
        {u"logStreamName"_s, u"local"_s},
        {u"callbackWaitsForEmptyEventLoop"_s, true},
        {u"getRemainingTimeInMillis"_s, u"()"_s},
    };
}

QStringList EventFields::paths(const QJsonValue &value, const QString &root, int maxDepth)
{
    QStringList list;
    if (maxDepth <= 0)
        return list;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString path = root + '.'_L1 + it.key();
            list.append(path);
            list += paths(it.value(), path, maxDepth - 1);
        }
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QString path = root + u"[0]"_s;
        list.append(path);
        list += paths(value.toArray().at(0), path, maxDepth - 1);
    }
    return list;
}

} // namespace Nimbus
