#include "triggerevents.h"

#include "document/project.h"
#include "eventtemplates.h"
#include "model/catalog.h"
#include "model/kinds.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
QString propertyText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}
} // namespace

QString TriggerEvents::examplePath(const QString &route)
{
    QString path = route;
    static const QRegularExpression greedy(u"\\{[A-Za-z_][A-Za-z0-9_]*\\+\\}"_s);
    static const QRegularExpression single(u"\\{[A-Za-z_][A-Za-z0-9_]*\\}"_s);
    path.replace(greedy, u"path/to/file"_s);
    path.replace(single, u"123"_s);
    return path;
}

QList<TriggerEvents::Source> TriggerEvents::forFunction(const Project &project, NodeId function)
{
    QList<Source> sources;
    const Architecture &architecture = project.architecture();
    const Catalog &catalog = project.catalog();
    for (EdgeId edgeId : architecture.incomingEdges(function)) {
        const Edge *edge = architecture.edge(edgeId);
        const EdgeType *type = catalog.edgeType(edge->type);
        const Node *from = architecture.node(edge->from);
        const NodeKind *kind = from ? catalog.kind(from->kind) : nullptr;
        if (!type || !type->carriesEvents || !kind || kind->eventTemplate.isEmpty())
            continue;
        const QJsonObject defaults = kind->defaultProperties(from->name);
        auto property = [&](const QString &key) {
            return propertyText(from->properties.contains(key) ? from->properties.value(key) : defaults.value(key));
        };
        Source source;
        source.node = from->id;
        source.nodeName = from->name;
        source.kindName = kind->name;
        source.templateId = kind->eventTemplate;
        if (!kind->eventTemplateProperty.isEmpty())
            source.templateId = kind->eventTemplateByValue.value(property(kind->eventTemplateProperty),
                                                                 kind->eventTemplate);
        static const QRegularExpression reference(u"\\$\\{(example:)?([A-Za-z0-9_]+)\\}"_s);
        for (const auto &[parameter, pattern] : kind->eventParameters) {
            QString value;
            qsizetype last = 0;
            for (auto it = reference.globalMatch(pattern); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                value += pattern.mid(last, m.capturedStart() - last);
                const QString key = m.captured(2);
                const QString text = key == "name"_L1 ? from->name : property(key);
                value += m.capturedLength(1) > 0 ? examplePath(text) : text;
                last = m.capturedEnd();
            }
            value += pattern.mid(last);
            source.parameters.append({parameter, value});
        }
        // A request that carries a body starts with an empty JSON object, which a handler
        // can parse, rather than an empty string, which JSON.parse refuses.
        static const QStringList withBody = {u"POST"_s, u"PUT"_s, u"PATCH"_s, u"ANY"_s};
        if (from->kind == Kinds::HttpRoute && withBody.contains(property(u"method"_s)))
            source.parameters.append({u"body"_s, u"{}"_s});
        sources.append(source);
    }
    return sources;
}

Result<QByteArray> TriggerEvents::generate(const Source &source)
{
    QHash<QString, QString> values;
    for (const auto &[key, value] : source.parameters)
        values.insert(key, value);
    return EventTemplates::builtin().generate(source.templateId, values);
}

} // namespace Nimbus
