#pragma once

#include "model/node.h"
#include "model/permissions.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Nimbus {

class Architecture;

// One statement of a function's effective policy: actions on one node of the design (its
// ARN, or its stream's, or its objects' with suffix "/*"), and the connection that grants it.
struct PolicyStatement
{
    QStringList actions;
    const Node *resource = nullptr;
    QString attribute = QStringLiteral("Arn");
    QString suffix;
    QString edgeType; // "reads", "writes" ... or "invokes" for what a trigger needs
};

// What a function may do on AWS, computed once from its connections and the permissions
// catalog (resources/catalog/permissions.json): the exporters write their roles from it and
// the local cloud checks each SDK call a function makes against it, so that what works on
// the desk is what the exported role allows.
class EffectivePolicy
{
public:
    // A connection from the function to a service (its type, "reads" ...).
    using Access = QPair<const Node *, QString>;

    EffectivePolicy() = default;
    // From the function's connections: accesses on its outgoing edges, the triggers that
    // invoke it (whose events it may need to read), in the order given.
    EffectivePolicy(const QList<Access> &accesses, const QList<const Node *> &triggers,
                    const Permissions &permissions = Permissions::aws());
    // The policy of a function of the design: its outgoing connections by service name then
    // type, its triggers by name (the order the exports write).
    static EffectivePolicy of(const Architecture &architecture, const Node &function,
                              const Permissions &permissions = Permissions::aws());

    const QList<PolicyStatement> &statements() const { return mStatements; }
    // Whether action ("dynamodb:PutItem") is allowed on the node named resource; objectLevel
    // for an S3 object's action (the statement must name the bucket's objects).
    bool allows(const QString &action, const QString &resource, bool objectLevel = false) const;

    // A node's ARN as AWS would name it (for a bucket's objects, with suffix) in region.
    static QString arn(const Node &node, const QString &region, const QString &attribute = QStringLiteral("Arn"),
                       const QString &suffix = {});
    // A secret's ARN as Secrets Manager names it (…:secret:NAME-AbCdEf, the six characters
    // made from the name) and a parameter's (…:parameter/NAME), in region.
    static QString secretArn(const QString &name, const QString &region);
    static QString parameterArn(const QString &name, const QString &region);
    // The IAM policy document the export writes, with the resources' ARNs in region.
    QJsonObject document(const QString &region) const;

    // The connection type from a function to a node of kind that grants action ("writes"
    // for dynamodb:PutItem on a table); empty when none does.
    static QString grantingType(const QString &kind, const QString &action,
                                const Permissions &permissions = Permissions::aws());

    static constexpr const char *kAccountId = "000000000000";

private:
    QList<PolicyStatement> mStatements;
};

} // namespace Nimbus
