#include "statestore.h"

#include <QRegularExpression>

namespace Nimbus {

bool StateStore::validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,255}$"));
    return re.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

} // namespace Nimbus
