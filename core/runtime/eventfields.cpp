#include "eventfields.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Nimbus {

EventFields::Completion EventFields::complete(const QString &textBeforeCaret) const
{
    // A root name, then member steps (.name, [0], ["name"], ['name']), then the member
    // being typed after '.' or '["'.
    static const QRegularExpression expression(QStringLiteral(
        R"re(([A-Za-z_$][\w$]*)((?:\??\.[A-Za-z_$][\w$]*|\[\s*\d+\s*\]|\[\s*["'][^"'\]]*["']\s*\])*)(?:\??\.([\w$]*)|\[\s*["']([^"'\]]*))$)re"));
    static const QRegularExpression step(
        QStringLiteral(R"re(\??\.([A-Za-z_$][\w$]*)|\[\s*(\d+)\s*\]|\[\s*["']([^"'\]]*)["']\s*\])re"));

    Completion completion;
    const QRegularExpressionMatch m = expression.match(textBeforeCaret);
    if (!m.hasMatch())
        return completion;
    // The root must be a whole word ("myevent." is not "event.").
    if (m.capturedStart(1) > 0) {
        const QChar before = textBeforeCaret.at(m.capturedStart(1) - 1);
        if (before.isLetterOrNumber() || before == QLatin1Char('_') || before == QLatin1Char('$')
            || before == QLatin1Char('.'))
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
            {QStringLiteral("function_name"), QStringLiteral("my-function")},
            {QStringLiteral("function_version"), QStringLiteral("$LATEST")},
            {QStringLiteral("invoked_function_arn"),
             QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:my-function")},
            {QStringLiteral("memory_limit_in_mb"), 128},
            {QStringLiteral("aws_request_id"), QStringLiteral("00000000-0000-0000-0000-000000000000")},
            {QStringLiteral("log_group_name"), QStringLiteral("/aws/lambda/my-function")},
            {QStringLiteral("log_stream_name"), QStringLiteral("local")},
            {QStringLiteral("identity"), QJsonValue::Null},
            {QStringLiteral("client_context"), QJsonValue::Null},
            {QStringLiteral("get_remaining_time_in_millis"), QStringLiteral("()")},
        };
    }
    return QJsonObject{
        {QStringLiteral("functionName"), QStringLiteral("my-function")},
        {QStringLiteral("functionVersion"), QStringLiteral("$LATEST")},
        {QStringLiteral("invokedFunctionArn"),
         QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:my-function")},
        {QStringLiteral("memoryLimitInMB"), QStringLiteral("128")},
        {QStringLiteral("awsRequestId"), QStringLiteral("00000000-0000-0000-0000-000000000000")},
        {QStringLiteral("logGroupName"), QStringLiteral("/aws/lambda/my-function")},
        {QStringLiteral("logStreamName"), QStringLiteral("local")},
        {QStringLiteral("callbackWaitsForEmptyEventLoop"), true},
        {QStringLiteral("getRemainingTimeInMillis"), QStringLiteral("()")},
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
            const QString path = root + QLatin1Char('.') + it.key();
            list.append(path);
            list += paths(it.value(), path, maxDepth - 1);
        }
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QString path = root + QStringLiteral("[0]");
        list.append(path);
        list += paths(value.toArray().at(0), path, maxDepth - 1);
    }
    return list;
}

} // namespace Nimbus
