#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Nimbus {

// One IAM statement a connection grants a function's role, without its service: the
// actions, and the service's attribute the resource names ("Arn", "StreamArn", or "Ref"
// for a topic), with a suffix ("/*" for a bucket's objects).
struct IamGrant
{
    QStringList actions;
    QString attribute = QStringLiteral("Arn");
    QString suffix;
};

// What each connection lets a function do on AWS, least privilege, as data
// (resources/catalog/permissions.json): the exporters write it into roles and the
// Inspector shows it for a selected connection, so both always say the same.
class Permissions
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Permissions)

public:
    Result<void> load(const QByteArray &json, const QString &fileName);

    // What a function's connection of type ("writes", "reads", "publishes", "calls") to a
    // service of serviceKind grants its role.
    QList<IamGrant> access(const QString &serviceKind, const QString &type) const;
    // What a function's role needs to take events from a trigger of triggerKind (a queue
    // it polls, a table's stream); empty when the trigger delivers by itself.
    QList<IamGrant> trigger(const QString &triggerKind) const;

    // The statements of a connection between two kinds: a trigger's when it invokes the
    // function (on its source), an access's otherwise (on its target).
    struct EdgeGrants
    {
        QList<IamGrant> grants;
        bool onSource = false; // the resource is the connection's source, not its target
    };
    EdgeGrants forEdge(const QString &fromKind, const QString &type, const QString &toKind) const;

    // The permissions compiled into the core (resources/catalog/permissions.json).
    static const Permissions &aws();

private:
    struct Entry
    {
        QString kind;
        QString type; // empty for a trigger
        QList<IamGrant> grants;
    };
    QList<IamGrant> find(const QList<Entry> &entries, const QString &kind, const QString &type) const;

    QList<Entry> mAccesses;
    QList<Entry> mTriggers;
};

} // namespace Nimbus
