#include "filterpolicy.h"

#include "cloud/eventpattern.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Nimbus::FilterPolicy {

QString problem(const QString &policy, const QString &scope)
{
    if (scope != "MessageAttributes"_L1 && scope != "MessageBody"_L1)
        return u"Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [%1]. Please use either "
               "MessageBody or MessageAttributes"_s.arg(scope.left(100));
    if (policy.trimmed().isEmpty())
        return {};
    if (policy.toUtf8().size() > kMaxLength)
        return u"Invalid parameter: FilterPolicy: Filter policy is too long"_s;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(policy.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return u"Invalid parameter: FilterPolicy: failed to parse JSON."_s;
    const QJsonObject object = document.object();
    // On attributes, a policy names at most 5 attributes and nests nothing.
    if (scope == "MessageAttributes"_L1) {
        if (object.size() > 5)
            return u"Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys"_s;
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() != "$or"_L1 && !it.value().isArray())
                return u"Invalid parameter: FilterPolicy: \"%1\" must be an object or an array"_s.arg(
                    it.key().left(100));
    }
    if (const Result<EventPattern> pattern = EventPattern::fromObject(object, kMaxLength); !pattern)
        return u"Invalid parameter: FilterPolicy: "_s + pattern.errorMessage();
    return {};
}

bool matches(const QString &policy, const QString &scope, const QString &message, const QJsonObject &attributes)
{
    if (policy.trimmed().isEmpty())
        return true;
    const Result<EventPattern> pattern = EventPattern::fromObject(QJsonDocument::fromJson(policy.toUtf8()).object(),
                                                                  kMaxLength);
    if (!pattern)
        return false;
    if (scope == "MessageBody"_L1) {
        // A body that is no JSON object matches no policy, as SNS.
        const QJsonDocument body = QJsonDocument::fromJson(message.toUtf8());
        return body.isObject() && pattern->matches(body.object());
    }
    // Attributes as SNS compares them: strings, numbers (Number), arrays (String.Array);
    // binary attributes are not compared.
    QJsonObject event;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject attribute = it.value().toObject();
        const QString type = attribute.value("Type"_L1).toString();
        const QString value = attribute.value("Value"_L1).toString();
        if (type.startsWith("Number"_L1)) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (ok)
                event.insert(it.key(), number);
        } else if (type == "String.Array"_L1) {
            const QJsonDocument array = QJsonDocument::fromJson(value.toUtf8());
            if (array.isArray())
                event.insert(it.key(), array.array());
        } else if (type.startsWith("String"_L1)) {
            event.insert(it.key(), value);
        }
    }
    return pattern->matches(event);
}

} // namespace Nimbus::FilterPolicy
