#include "statestore.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

static void initStateResources()
{
    Q_INIT_RESOURCE(state);
}

namespace Nimbus {

Result<void> StateStore::createSchema(QLatin1StringView name)
{
    initStateResources();
    QFile schema(u":/nimbus/state/%1.sql"_s.arg(name));
    if (!schema.open(QIODevice::ReadOnly))
        return fail(u"%1: %2"_s.arg(schema.fileName(), schema.errorString()));
    return db().exec(QString::fromUtf8(schema.readAll()));
}

bool StateStore::validName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9._-]{1,255}$"_s);
    return re.match(name).hasMatch() && name != "."_L1 && name != ".."_L1;
}

} // namespace Nimbus
