#include "deployedname.h"

using namespace Qt::StringLiterals;

namespace Nimbus {

QString physicalName(const Node &node)
{
    return node.properties.value("physicalName"_L1).toString().trimmed();
}

QString deployedName(const Node &node)
{
    QString name = physicalName(node);
    if (name.isEmpty())
        name = node.name;
    return node.properties.value("fifo"_L1).toBool() && !name.endsWith(".fifo"_L1) ? name + ".fifo"_L1 : name;
}

QString deadLetterName(const Node &queue)
{
    const QString name = deployedName(queue);
    return name.endsWith(".fifo"_L1) ? name.chopped(5) + "-dlq.fifo"_L1 : name + "-dlq"_L1;
}

} // namespace Nimbus
