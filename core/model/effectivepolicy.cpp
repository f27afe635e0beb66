#include "effectivepolicy.h"

#include "model/architecture.h"
#include "model/kinds.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

EffectivePolicy::EffectivePolicy(const QList<Access> &accesses, const QList<const Node *> &triggers,
                                 const Permissions &permissions)
{
    auto add = [this](const Node *resource, const QList<IamGrant> &grants, const QString &type) {
        for (const IamGrant &grant : grants)
            mStatements.append({grant.actions, resource, grant.attribute, grant.suffix, type});
    };
    for (const Access &access : accesses)
        add(access.first, permissions.access(access.first->kind, access.second), access.second);
    for (const Node *trigger : triggers)
        add(trigger, permissions.trigger(trigger->kind), u"invokes"_s);
}

EffectivePolicy EffectivePolicy::of(const Architecture &architecture, const Node &function,
                                    const Permissions &permissions)
{
    QList<Access> accesses;
    for (EdgeId id : architecture.outgoingEdges(function.id)) {
        const Edge *edge = architecture.edge(id);
        if (const Node *to = architecture.node(edge->to))
            accesses.append({to, edge->type});
    }
    std::sort(accesses.begin(), accesses.end(), [](const Access &a, const Access &b) {
        return a.first->name != b.first->name ? a.first->name < b.first->name : a.second < b.second;
    });
    QList<const Node *> triggers;
    for (EdgeId id : architecture.incomingEdges(function.id)) {
        const Edge *edge = architecture.edge(id);
        if (edge->type == "invokes"_L1)
            if (const Node *from = architecture.node(edge->from))
                triggers.append(from);
    }
    std::sort(triggers.begin(), triggers.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return EffectivePolicy(accesses, triggers, permissions);
}

bool EffectivePolicy::allows(const QString &action, const QString &resource, bool objectLevel) const
{
    // A bucket's object actions are granted on "bucket/*", its own (ListBucket) on the bucket.
    return std::any_of(mStatements.cbegin(), mStatements.cend(), [&](const PolicyStatement &s) {
        return s.resource->name == resource && s.actions.contains(action)
               && (s.resource->kind != Kinds::Bucket || s.suffix.isEmpty() != objectLevel);
    });
}

QString EffectivePolicy::grantingType(const QString &kind, const QString &action, const Permissions &permissions)
{
    // The narrowest first: a read before a write, the destinations never (they are not calls).
    for (const char *type : {"reads", "writes", "publishes", "calls"})
        for (const IamGrant &grant : permissions.access(kind, QLatin1String(type)))
            if (grant.actions.contains(action))
                return QLatin1String(type);
    return {};
}

QString EffectivePolicy::arn(const Node &node, const QString &region, const QString &attribute, const QString &suffix)
{
    const QString account = QLatin1String(kAccountId);
    const bool fifo = node.properties.value("fifo"_L1).toBool();
    const QString awsName = fifo ? node.name + ".fifo"_L1 : node.name;
    QString arn;
    if (node.kind == Kinds::Table)
        arn = u"arn:aws:dynamodb:%1:%2:table/%3"_s.arg(region, account, node.name);
    else if (node.kind == Kinds::Queue)
        arn = u"arn:aws:sqs:%1:%2:%3"_s.arg(region, account, awsName);
    else if (node.kind == Kinds::Topic)
        arn = u"arn:aws:sns:%1:%2:%3"_s.arg(region, account, awsName);
    else if (node.kind == Kinds::Bucket)
        arn = u"arn:aws:s3:::%1"_s.arg(node.name);
    else if (node.kind == Kinds::EventBus) {
        const QString bus = node.properties.value("busName"_L1).toString();
        arn = u"arn:aws:events:%1:%2:event-bus/%3"_s.arg(region, account, bus.isEmpty() ? node.name : bus);
    } else if (node.kind == Kinds::Function)
        arn = u"arn:aws:lambda:%1:%2:function:%3"_s.arg(region, account, node.name);
    else if (node.kind == Kinds::Secret)
        arn = secretArn(node.properties.value("secretName"_L1).toString(node.name), region);
    else if (node.kind == Kinds::StateMachine)
        arn = u"arn:aws:states:%1:%2:stateMachine:%3"_s.arg(
            region, account, node.properties.value("stateMachineName"_L1).toString(node.name));
    else if (node.kind == Kinds::Parameter)
        arn = parameterArn(node.properties.value("parameterName"_L1).toString(u'/' + node.name), region);
    else
        arn = u"arn:aws:%1:%2:%3:%4"_s.arg(node.kind, region, account, node.name);
    if (attribute == "StreamArn"_L1)
        arn += "/stream/*"_L1;
    return arn + suffix;
}

QString EffectivePolicy::secretArn(const QString &name, const QString &region)
{
    // Secrets Manager ends a secret's ARN in six random characters; here they come from
    // the name, so that the same secret has the same ARN in every run.
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    QString suffix;
    for (int i = 0; i < 6; ++i)
        suffix.append(QLatin1Char(kAlphabet[quint8(hash.at(i)) % 62]));
    return u"arn:aws:secretsmanager:%1:%2:secret:%3-%4"_s.arg(region, QLatin1String(kAccountId), name, suffix);
}

QString EffectivePolicy::parameterArn(const QString &name, const QString &region)
{
    return u"arn:aws:ssm:%1:%2:parameter%3"_s.arg(region, QLatin1String(kAccountId),
                                                  name.startsWith(u'/') ? name : u'/' + name);
}

QJsonObject EffectivePolicy::document(const QString &region) const
{
    QJsonArray statements;
    for (const PolicyStatement &s : mStatements)
        statements.append(QJsonObject{{u"Effect"_s, u"Allow"_s},
                                      {u"Action"_s, QJsonArray::fromStringList(s.actions)},
                                      {u"Resource"_s, arn(*s.resource, region, s.attribute, s.suffix)}});
    return QJsonObject{{u"Version"_s, u"2012-10-17"_s}, {u"Statement"_s, statements}};
}

} // namespace Nimbus
