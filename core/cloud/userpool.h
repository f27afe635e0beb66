#pragma once

#include "jwt.h"
#include "model/node.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace Nimbus {

// A user-pool node served locally, as Cognito's user pools are by AWS: it issues signed
// tokens for its test users, publishes its keys (JWKS) and an OpenID discovery document,
// and answers the OAuth 2.0 token endpoint (password and client_credentials grants).
//
// Its signing key and its app client's secret and test password are the user's, not the
// project's: they are made on first use and kept in the user's data folder
// (keyFolder(), readable by the user only), never in the project file, its exports or
// its history. A project not saved yet gets a key for the session only.
class LocalUserPool
{
public:
    // Where a pool's key and credentials live: per project file and pool name, under
    // the user's data folder; empty when the project has no file yet.
    static QString keyFolder(const QString &projectFile, const QString &pool);

    // The pool a node describes, with its key and credentials read from keyFolder(), or
    // made there on first use.
    static Result<LocalUserPool> open(const Node &node, const QString &projectFile);

    QString name() const { return mName; }
    QStringList users() const { return mUsers; }
    QStringList scopes() const { return mScopes; }
    QString clientId() const { return mClientId; }
    QString clientSecret() const { return mClientSecret; }
    QString password() const { return mPassword; }
    int tokenMinutes() const { return mTokenMinutes; }

    // Where the gateway serves this pool: gatewayUrl/_nimbus/idp/NAME. Tokens name it as
    // their issuer.
    QString issuer(const QString &gatewayUrl) const;
    QJsonObject jwks() const;
    QJsonObject discovery(const QString &issuer) const;

    struct TokenRequest
    {
        QString user; // a test user; empty for a client_credentials token (no user)
        QStringList scopes; // empty: all the pool's scopes
        QJsonObject claims; // added to (or replacing) the token's claims
        bool idToken = false; // an ID token (aud = the client) rather than an access token
        QDateTime now;
    };
    // A signed token, or why none can be issued (an unknown user, a scope the client may
    // not grant).
    Result<QByteArray> mint(const QString &issuer, const TokenRequest &request) const;

    // The OAuth 2.0 token endpoint (RFC 6749): form is the request body
    // (application/x-www-form-urlencoded), authorization its Authorization header (Basic
    // client credentials, or none). The JSON answer and its HTTP status (200, or 400/401
    // with {"error": ...}).
    std::pair<int, QJsonObject> tokenEndpoint(const QString &issuer, const QByteArray &form,
                                              const QByteArray &authorization, const QDateTime &now) const;

private:
    QString mName;
    QStringList mUsers;
    QHash<QString, QStringList> mGroups;
    QStringList mScopes;
    int mTokenMinutes = 60;
    QString mClientId;
    QString mClientSecret;
    QString mPassword;
    std::shared_ptr<SigningKey> mKey;
};

// The API key of a project's REST routes that require one (x-api-key), kept like a user
// pool's secrets in the user's data folder, never in the project; made on first use.
namespace LocalApiKey {
Result<QString> open(const QString &projectFile);
}

} // namespace Nimbus
