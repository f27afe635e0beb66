#include "eventfields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

static void initCompletionResources()
{
    Q_INIT_RESOURCE(completion);
}

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
    initCompletionResources();
    QFile file(u":/nimbus/completion/context.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject samples = QJsonDocument::fromJson(file.readAll()).object();
    return samples.value(language == Language::Python ? "python"_L1 : "javascript"_L1).toObject();
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
