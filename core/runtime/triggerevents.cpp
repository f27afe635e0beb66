#include "triggerevents.h"

#include "document/project.h"
#include "eventtemplates.h"
#include "model/catalog.h"

#include <QRegularExpression>

namespace Nimbus {

namespace {
QString propertyText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}
} // namespace

QString TriggerEvents::examplePath(const QString &route)
{
    QString path = route;
    static const QRegularExpression greedy(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\+\\}"));
    static const QRegularExpression single(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\}"));
    path.replace(greedy, QStringLiteral("path/to/file"));
    path.replace(single, QStringLiteral("123"));
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
        static const QRegularExpression reference(QStringLiteral("\\$\\{(example:)?([A-Za-z0-9_]+)\\}"));
        for (const auto &[parameter, pattern] : kind->eventParameters) {
            QString value;
            qsizetype last = 0;
            for (auto it = reference.globalMatch(pattern); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                value += pattern.mid(last, m.capturedStart() - last);
                const QString key = m.captured(2);
                const QString text = key == QLatin1String("name") ? from->name : property(key);
                value += m.capturedLength(1) > 0 ? examplePath(text) : text;
                last = m.capturedEnd();
            }
            value += pattern.mid(last);
            source.parameters.append({parameter, value});
        }
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
