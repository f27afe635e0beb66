#include "statestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

static void initStateResources()
{
    Q_INIT_RESOURCE(state);
}

namespace Nimbus {

Result<void> StateConnection::openForReading(const QString &stateDirectory, qint64 workLimit)
{
    directory = stateDirectory;
    const QString path = QDir(stateDirectory).filePath(u"state.sqlite"_s);
    if (Result<void> opened = db.open(path, Database::Mode::ReadOnly); !opened)
        return fail(QCoreApplication::translate("Nimbus::StateConnection", "%1: %2")
                        .arg(QDir::toNativeSeparators(path), opened.errorMessage()));
    db.setWorkLimit(workLimit);
    const Result<qint64> active = db.queryInt(u"SELECT count(*) FROM sqlite_master WHERE type IN ('view', 'trigger') "
                                              "OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL%')"_s);
    if (!active || *active > 0) {
        db.close();
        return fail(QCoreApplication::translate("Nimbus::StateConnection",
                                                "%1: not a local cloud state (it holds views or triggers)")
                        .arg(QDir::toNativeSeparators(path)));
    }
    return {};
}

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
