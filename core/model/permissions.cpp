#include "permissions.h"

#include "model/catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// The statements of one entry; an error names the entry ("accesses[2]").
Result<QList<IamGrant>> readGrants(const QJsonObject &entry, const QString &where)
{
    QList<IamGrant> grants;
    const QJsonArray statements = entry.value("statements"_L1).toArray();
    for (const QJsonValue &value : statements) {
        const QJsonObject statement = value.toObject();
        IamGrant grant;
        for (const QJsonValue &action : statement.value("actions"_L1).toArray())
            grant.actions.append(action.toString());
        grant.attribute = statement.value("attribute"_L1).toString(u"Arn"_s);
        grant.suffix = statement.value("suffix"_L1).toString();
        if (grant.actions.isEmpty() || grant.actions.contains(QString()))
            return fail(Permissions::tr("%1: each statement must list its actions").arg(where));
        grants.append(grant);
    }
    if (grants.isEmpty())
        return fail(Permissions::tr("%1: 'statements' must list at least one statement").arg(where));
    return grants;
}
} // namespace

Result<void> Permissions::load(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("%1: %2").arg(fileName, parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value("format"_L1).toString() != "nimbus-permissions"_L1)
        return fail(tr("%1: 'format' must be \"nimbus-permissions\"").arg(fileName));
    auto read = [&](const char *key, const char *kindKey, bool typed, QList<Entry> &into) -> Result<void> {
        const QJsonArray entries = root.value(QLatin1String(key)).toArray();
        for (int i = 0; i < entries.size(); ++i) {
            const QJsonObject entry = entries.at(i).toObject();
            const QString where = u"%1: %2[%3]"_s.arg(fileName, QLatin1String(key)).arg(i);
            Entry e{entry.value(QLatin1String(kindKey)).toString(), entry.value("type"_L1).toString(), {}};
            if (e.kind.isEmpty() || (typed && e.type.isEmpty()))
                return fail(tr("%1: '%2' and 'type' must be non-empty strings").arg(where, QLatin1String(kindKey)));
            Result<QList<IamGrant>> grants = readGrants(entry, where);
            if (!grants)
                return fail(grants.errorMessage());
            e.grants = *grants;
            into.append(e);
        }
        return {};
    };
    QList<Entry> accesses, triggers;
    if (Result<void> ok = read("accesses", "service", true, accesses); !ok)
        return ok;
    if (Result<void> ok = read("triggers", "source", false, triggers); !ok)
        return ok;
    mAccesses = accesses;
    mTriggers = triggers;
    return {};
}

QList<IamGrant> Permissions::find(const QList<Entry> &entries, const QString &kind, const QString &type) const
{
    for (const Entry &entry : entries)
        if (entry.kind == kind && entry.type == type)
            return entry.grants;
    return {};
}

QList<IamGrant> Permissions::access(const QString &serviceKind, const QString &type) const
{
    return find(mAccesses, serviceKind, type);
}

QList<IamGrant> Permissions::trigger(const QString &triggerKind) const
{
    return find(mTriggers, triggerKind, QString());
}

Permissions::EdgeGrants Permissions::forEdge(const QString &fromKind, const QString &type, const QString &toKind) const
{
    // A connection that invokes a function is its trigger's: the events are at its source.
    if (type == "invokes"_L1)
        return {trigger(fromKind), true};
    return {access(toKind, type), false};
}

const Permissions &Permissions::aws()
{
    static const Permissions permissions = [] {
        Catalog::builtin(); // loads the catalog's resources, this file among them
        Permissions p;
        QFile file(u":/nimbus/catalog/permissions.json"_s);
        const Result<void> loaded = file.open(QIODevice::ReadOnly)
                                        ? p.load(file.readAll(), u"permissions.json"_s)
                                        : Result<void>(fail(tr("permissions.json: %1").arg(file.errorString())));
        if (!loaded)
            qFatal("The built-in permissions are broken: %s", qPrintable(loaded.errorMessage()));
        return p;
    }();
    return permissions;
}

} // namespace Nimbus
