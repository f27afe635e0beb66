#include "containerrules.h"

#include "catalog.h"
#include "kinds.h"
#include "paths.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::ContainerRules", text);
}
} // namespace

QList<Diagnostic> ContainerRules::problems(const Architecture &architecture, const QString &directory)
{
    QList<Diagnostic> out;
    const NodeKind *kind = Catalog::builtin().kind(Kinds::Container);
    QList<const Node *> containers;
    for (const auto &[id, node] : architecture.nodes())
        if (node.kind == Kinds::Container)
            containers.append(&node);
    std::sort(containers.begin(), containers.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    for (const Node *node : std::as_const(containers)) {
        const QJsonObject defaults = kind ? kind->defaultProperties(node->name) : QJsonObject();
        auto value = [&](const char *key) {
            const QString k = QLatin1String(key);
            return node->properties.contains(k) ? node->properties.value(k) : defaults.value(k);
        };
        const int least = value("minInstances").toInt(0), most = value("maxInstances").toInt(100);
        if (least > most)
            out.append({Diagnostic::Severity::Error,
                        u"container-scale"_s,
                        tr("container '%1': its minimum instances (%2) are more than its maximum (%3)")
                            .arg(node->name)
                            .arg(least)
                            .arg(most),
                        {node->id},
                        kInvalidEdgeId,
                        u"minInstances"_s});
        const QString image = value("image").toString().trimmed(), command = value("command").toString().trimmed();
        if (image.isEmpty() && command.isEmpty()) {
            out.append(
                {Diagnostic::Severity::Warning,
                 u"container-unrunnable"_s,
                 tr("container '%1' has neither an image nor a local command: nothing can run it").arg(node->name),
                 {node->id},
                 kInvalidEdgeId,
                 u"command"_s});
            continue;
        }
        const QString folder = value("folder").toString();
        if (command.isEmpty() || directory.isEmpty() || folder.isEmpty())
            continue;
        // A refused folder is the path checks' to report.
        const Result<QString> resolved = Paths::resolveUnder(directory, folder);
        if (resolved && !QFileInfo(*resolved).isDir())
            out.append({Diagnostic::Severity::Warning,
                        u"container-folder"_s,
                        tr("container '%1': its folder '%2' does not exist; its local command cannot run there")
                            .arg(node->name, folder),
                        {node->id},
                        kInvalidEdgeId,
                        u"folder"_s});
    }
    return out;
}

} // namespace Nimbus
