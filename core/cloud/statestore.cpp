#include "statestore.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Nimbus {

bool StateStore::validName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9._-]{1,255}$"_s);
    return re.match(name).hasMatch() && name != "."_L1 && name != ".."_L1;
}

} // namespace Nimbus
