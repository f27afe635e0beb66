#pragma once

#include "awscommon.h"
#include "export/routeauthorization.h"
#include "model/callbackurls.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace Nimbus::Aws {

// ---- user pools and route authorizers (SAM and serverless.yml) ---------------

// Where the pool's app client sends users back after the hosted sign-in: the node's
// callbackUrls (userPoolCallbackUrls, model/callbackurls.h).

// The logical id of a user pool's app client.
QString userPoolClientId(const Node *pool, const LogicalIds &ids);
// The issuer of the pool's tokens: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}.
YAML::Node userPoolIssuer(const Node *pool, const LogicalIds &ids);
// The AWS::Cognito::UserPool of a user-pool node, its app client (the pool's scopes and
// token validity, the OAuth code flow when it grants scopes), an AWS::Cognito::UserPoolGroup
// per group its test users are in, and an AWS::Cognito::UserPoolResourceServer per server
// of its custom scopes ("orders/read"). Test users are the local cloud's only: they are
// not exported (an Info says so, as does a comment commentUserPools() adds). A scope that
// is neither one of Cognito's nor a server's is reported.
void addUserPoolResources(const Node *pool, const LogicalIds &ids, YAML::Node &resources, ExportOutput &output);
// The template text with a comment above each user pool's resource saying that its test
// users are not exported.
QByteArray commentUserPools(QByteArray text, const ExportModel &model, const LogicalIds &ids);

// The identity of a Lambda authorizer as SAM writes it (Headers, QueryStrings, Context,
// StageVariables, ReauthorizeEvery).
YAML::Node samIdentity(const ApiAuthorizer &authorizer);

// Reading back: an AWS::Cognito::UserPool with its client's scopes and token validity
// (clients: the template's AWS::Cognito::UserPoolClient resources by logical id).
QJsonObject userPoolProperties(const QString &poolId, const YAML::Node &resources);
// Whether a resource of this type is one addUserPoolResources derives from a pool of the
// template (client, group, resource server): it is not listed as kept unshown.
bool isUserPoolPart(const std::string &type, const YAML::Node &properties, const YAML::Node &resources);
// The logical id of the user pool whose tokens a JWT authorizer's issuer names
// (https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool} in !Sub or Fn::Sub); empty otherwise.
QString issuerPoolId(const YAML::Node &issuer);
// The identity source text of a route from a SAM Identity: "$request.header.Authorization, ...".
QString identitySourceText(const YAML::Node &identity);

} // namespace Nimbus::Aws
