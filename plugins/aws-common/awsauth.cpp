#include "awsauth.h"

#include "export/yaml.h"
#include "model/kinds.h"

#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

namespace {
using Y = Yaml;

// The scopes Cognito grants without a resource server.
const QStringList kCognitoScopes = {u"openid"_s, u"email"_s, u"phone"_s, u"profile"_s,
                                    u"aws.cognito.signin.user.admin"_s};

QStringList words(const QString &text, QChar separator)
{
    QStringList result;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts))
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    return result;
}

// The group names of "alice:admins, bob:staff", each once, sorted.
QStringList groupNames(const Node *pool)
{
    QStringList groups;
    for (const QString &pair : words(settingText(pool, "groups"), ','_L1)) {
        const QString group = pair.section(':'_L1, 1).trimmed();
        if (!group.isEmpty() && !groups.contains(group))
            groups.append(group);
    }
    groups.sort();
    return groups;
}
} // namespace

QString userPoolClientId(const Node *pool, const LogicalIds &ids)
{
    return ids.of(pool) + "Client"_L1;
}

YAML::Node userPoolIssuer(const Node *pool, const LogicalIds &ids)
{
    return Y::tagged("Sub", Y::string(u"https://cognito-idp.${AWS::Region}.amazonaws.com/${%1}"_s.arg(ids.of(pool))));
}

void addUserPoolResources(const Node *pool, const LogicalIds &ids, YAML::Node &resources, ExportOutput &output)
{
    const QString id = ids.of(pool);
    YAML::Node p(YAML::NodeType::Map);
    p["UserPoolName"] = Y::string(pool->name);
    YAML::Node resource(YAML::NodeType::Map);
    resource["Type"] = Y::string("AWS::Cognito::UserPool");
    resource["Properties"] = p;
    resources[id.toStdString()] = resource;

    // Custom scopes ("orders/read") belong to a resource server named by their prefix.
    QStringList scopes;
    QMap<QString, QStringList> servers;
    for (const QString &scope : words(settingText(pool, "scopes"), ' '_L1)) {
        const int slash = scope.lastIndexOf('/'_L1);
        if (kCognitoScopes.contains(scope)) {
            scopes.append(scope);
        } else if (slash > 0 && slash < scope.size() - 1) {
            scopes.append(scope);
            servers[scope.left(slash)].append(scope.mid(slash + 1));
        } else {
            output.add(Diagnostic::Severity::Warning, u"export-scope"_s,
                       QCoreApplication::translate("Nimbus::Aws",
                                                   "%1: Cognito grants the scopes openid, email, phone, profile and "
                                                   "aws.cognito.signin.user.admin, and a resource server's "
                                                   "(server/scope); the scope %2 is not exported")
                           .arg(pool->name, scope),
                       pool->id, u"scopes"_s);
        }
    }
    QStringList serverIds;
    for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const QString &name : it.value()) {
            YAML::Node scope(YAML::NodeType::Map);
            scope["ScopeName"] = Y::string(name);
            scope["ScopeDescription"] = Y::string(name);
            list.push_back(scope);
        }
        YAML::Node sp(YAML::NodeType::Map);
        sp["UserPoolId"] = Y::tagged("Ref", Y::string(id));
        sp["Identifier"] = Y::string(it.key());
        sp["Name"] = Y::string(it.key());
        sp["Scopes"] = list;
        YAML::Node server(YAML::NodeType::Map);
        server["Type"] = Y::string("AWS::Cognito::UserPoolResourceServer");
        server["Properties"] = sp;
        const QString serverId = id + ExportModel::identifier(it.key()) + "Server"_L1;
        resources[serverId.toStdString()] = server;
        serverIds.append(serverId);
    }

    const int validity = settingInt(pool, "tokenValidity");
    YAML::Node c(YAML::NodeType::Map);
    c["UserPoolId"] = Y::tagged("Ref", Y::string(id));
    c["ClientName"] = Y::string(pool->name + "-client"_L1);
    c["GenerateSecret"] = Y::boolean(false);
    c["ExplicitAuthFlows"] = Y::sequence({u"ALLOW_USER_SRP_AUTH"_s, u"ALLOW_REFRESH_TOKEN_AUTH"_s});
    c["AccessTokenValidity"] = Y::number(validity);
    c["IdTokenValidity"] = Y::number(validity);
    YAML::Node units(YAML::NodeType::Map);
    units["AccessToken"] = Y::string("minutes");
    units["IdToken"] = Y::string("minutes");
    c["TokenValidityUnits"] = units;
    if (!scopes.isEmpty()) {
        // Scopes are granted through the OAuth code flow of the pool's hosted sign-in.
        c["AllowedOAuthFlowsUserPoolClient"] = Y::boolean(true);
        c["AllowedOAuthFlows"] = Y::sequence({u"code"_s});
        c["AllowedOAuthScopes"] = Y::sequence(scopes);
        // The pool's own (the validator refuses a wrong one; the export writes the default then).
        c["CallbackURLs"] = Y::sequence(
            userPoolCallbackUrls(*pool).valueOr(QStringList{QString::fromLatin1(kDefaultCallbackUrl)}));
        c["SupportedIdentityProviders"] = Y::sequence({u"COGNITO"_s});
    }
    YAML::Node client(YAML::NodeType::Map);
    client["Type"] = Y::string("AWS::Cognito::UserPoolClient");
    if (!serverIds.isEmpty())
        client["DependsOn"] = Y::sequence(serverIds);
    client["Properties"] = c;
    resources[userPoolClientId(pool, ids).toStdString()] = client;

    for (const QString &group : groupNames(pool)) {
        YAML::Node gp(YAML::NodeType::Map);
        gp["UserPoolId"] = Y::tagged("Ref", Y::string(id));
        gp["GroupName"] = Y::string(group);
        YAML::Node resourceOfGroup(YAML::NodeType::Map);
        resourceOfGroup["Type"] = Y::string("AWS::Cognito::UserPoolGroup");
        resourceOfGroup["Properties"] = gp;
        resources[(id + ExportModel::identifier(group) + "Group"_L1).toStdString()] = resourceOfGroup;
    }

    const QString users = words(settingText(pool, "users"), ','_L1).join(", "_L1);
    if (!users.isEmpty())
        output.add(Diagnostic::Severity::Info, u"export-test-users"_s,
                   QCoreApplication::translate("Nimbus::Aws", "%1: the test users (%2) sign in to the local cloud "
                                                              "only; they are not exported")
                       .arg(pool->name, users),
                   pool->id, u"users"_s);
}

QByteArray commentUserPools(QByteArray text, const ExportModel &model, const LogicalIds &ids)
{
    for (const Node *pool : model.nodesOfKind(Kinds::UserPool)) {
        const QByteArray key = "\n  " + ids.of(pool).toUtf8() + ":\n";
        const qsizetype at = text.indexOf(key);
        const QByteArray comment = "\n  # Test users and their group memberships are local only (Nimbus Studio's "
                                   "local cloud); they are not exported. Create users with Cognito.";
        if (at < 0 || text.mid(at - comment.size(), comment.size()) == comment)
            continue;
        text.insert(at, comment);
    }
    return text;
}

YAML::Node samIdentity(const ApiAuthorizer &authorizer)
{
    YAML::Node identity(YAML::NodeType::Map);
    const QList<std::pair<QString, const char *>> keys = {{u"header"_s, "Headers"},
                                                          {u"querystring"_s, "QueryStrings"},
                                                          {u"context"_s, "Context"},
                                                          {u"stageVariables"_s, "StageVariables"}};
    const QList<IdentityPart> parts = RouteAuthorization::identityParts(authorizer.identitySources);
    for (const auto &[where, key] : keys) {
        QStringList names;
        for (const IdentityPart &part : parts)
            if (part.where == where)
                names.append(part.name);
        if (!names.isEmpty())
            identity[key] = Y::sequence(names);
    }
    identity["ReauthorizeEvery"] = Y::number(authorizer.cacheTtl);
    return identity;
}

QJsonObject userPoolProperties(const QString &poolId, const YAML::Node &resources)
{
    QJsonObject properties;
    for (auto it = resources.begin(); resources.IsMap() && it != resources.end(); ++it) {
        const YAML::Node p = Y::child(it->second, "Properties");
        if (Y::text(Y::child(it->second, "Type")) != "AWS::Cognito::UserPoolClient"_L1
            || referencedId(Y::child(p, "UserPoolId")) != poolId)
            continue;
        QStringList scopes;
        for (const YAML::Node &scope : Y::child(p, "AllowedOAuthScopes"))
            scopes.append(Y::text(scope));
        properties.insert(u"scopes"_s, scopes.join(' '_L1));
        bool ok = false;
        int validity = Y::text(Y::child(p, "AccessTokenValidity")).toInt(&ok);
        if (ok) {
            // Cognito's default unit is hours.
            const QString unit = Y::text(Y::child(Y::child(p, "TokenValidityUnits"), "AccessToken"));
            if (unit == "days"_L1)
                validity *= 1440;
            else if (unit != "minutes"_L1 && unit != "seconds"_L1)
                validity *= 60;
            else if (unit == "seconds"_L1)
                validity /= 60;
            properties.insert(u"tokenValidity"_s, std::clamp(validity, 5, 1440));
        }
        break;
    }
    return properties;
}

bool isUserPoolPart(const std::string &type, const YAML::Node &properties, const YAML::Node &resources)
{
    if (type != "AWS::Cognito::UserPoolClient" && type != "AWS::Cognito::UserPoolGroup"
        && type != "AWS::Cognito::UserPoolResourceServer")
        return false;
    const QString pool = referencedId(Y::child(properties, "UserPoolId"));
    return !pool.isEmpty()
           && Y::text(Y::child(Y::child(resources, pool.toStdString()), "Type")) == "AWS::Cognito::UserPool"_L1;
}

QString issuerPoolId(const YAML::Node &issuer)
{
    const YAML::Node sub = issuer.IsMap() ? Y::child(issuer, "Fn::Sub") : issuer;
    const QString text = Y::text(sub.IsSequence() && sub.size() > 0 ? sub[0] : sub);
    static const QRegularExpression cognito(u"^https://cognito-idp\\.[^/]+/\\$\\{([A-Za-z0-9]+)\\}$"_s);
    return cognito.match(text).captured(1);
}

QString identitySourceText(const YAML::Node &identity)
{
    QStringList sources;
    for (const auto &[key, prefix] :
         {std::pair{"Headers", "$request.header."}, std::pair{"QueryStrings", "$request.querystring."},
          std::pair{"Context", "$context."}, std::pair{"StageVariables", "$stageVariables."}})
        for (const YAML::Node &name : Y::child(identity, key))
            sources.append(QString::fromLatin1(prefix) + Y::text(name));
    // SAM's REST authorizers take the Authorization header when Identity names none.
    if (sources.isEmpty())
        sources.append(u"$request.header.Authorization"_s);
    return sources.join(", "_L1);
}

} // namespace Nimbus::Aws
