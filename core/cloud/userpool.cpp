#include "userpool.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QUuid>

namespace Nimbus {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::LocalUserPool", text);
}

QString randomText(int length, QLatin1String alphabet)
{
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QChar(alphabet[QRandomGenerator::system()->bounded(int(alphabet.size()))]));
    return out;
}

constexpr auto kLower = "abcdefghijklmnopqrstuvwxyz0123456789"_L1;
constexpr auto kMixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_L1;

// Writes data readable by the user only.
Result<void> writePrivate(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            QCoreApplication::translate("Nimbus::LocalUserPool", "cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit())
        return fail(
            QCoreApplication::translate("Nimbus::LocalUserPool", "cannot write %1: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QStringList listOf(const QString &text, QChar separator)
{
    QStringList out;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts))
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty() && !out.contains(trimmed))
            out.append(trimmed);
    return out;
}

// A test user's stable subject: the same user of the same pool has the same sub.
QString subjectOf(const QString &clientId, const QString &user)
{
    return QUuid::createUuidV5(QUuid::fromString(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s), clientId + u'/' + user)
        .toString(QUuid::WithoutBraces);
}

} // namespace

QString LocalUserPool::keyFolder(const QString &projectFile, const QString &pool)
{
    if (projectFile.isEmpty())
        return {};
    const QString canonical = QFileInfo(projectFile).absoluteFilePath();
    const QByteArray project =
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    // The pool's name is a node name; its hash keeps any character out of the path.
    const QByteArray name = QCryptographicHash::hash(pool.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/nimbus-studio/user-pools/"_L1
           + QString::fromLatin1(project) + u'/' + QString::fromLatin1(name);
}

Result<LocalUserPool> LocalUserPool::open(const Node &node, const QString &projectFile)
{
    LocalUserPool pool;
    pool.mName = node.name;
    pool.mUsers = listOf(node.properties.value("users"_L1).toString(u"alice"_s), u',');
    for (const QString &pair : listOf(node.properties.value("groups"_L1).toString(), u',')) {
        const qsizetype colon = pair.indexOf(u':');
        if (colon > 0)
            pool.mGroups[pair.left(colon).trimmed()].append(pair.mid(colon + 1).trimmed());
    }
    pool.mScopes = listOf(node.properties.value("scopes"_L1).toString(u"openid email"_s), u' ');
    pool.mTokenMinutes = qBound(5, node.properties.value("tokenValidity"_L1).toInt(60), 1440);

    const QString folder = keyFolder(projectFile, node.name);
    const QString keyPath = folder + "/key.pem"_L1;
    const QString clientPath = folder + "/client.json"_L1;
    if (!folder.isEmpty() && QFile::exists(keyPath) && QFile::exists(clientPath)) {
        QFile keyFile(keyPath), clientFile(clientPath);
        if (!keyFile.open(QIODevice::ReadOnly) || !clientFile.open(QIODevice::ReadOnly))
            return fail(tr("user pool %1: cannot read its key in %2").arg(node.name, folder));
        Result<SigningKey> key = SigningKey::fromPem(keyFile.readAll());
        if (!key)
            return fail(tr("user pool %1: %2 (%3)").arg(node.name, key.errorMessage(), keyPath));
        const QJsonObject client = QJsonDocument::fromJson(clientFile.readAll()).object();
        pool.mClientId = client.value("clientId"_L1).toString();
        pool.mClientSecret = client.value("clientSecret"_L1).toString();
        pool.mPassword = client.value("password"_L1).toString();
        if (pool.mClientId.isEmpty() || pool.mClientSecret.isEmpty() || pool.mPassword.isEmpty())
            return fail(tr("user pool %1: %2 lacks its client id, secret or password").arg(node.name, clientPath));
        pool.mKey = std::make_shared<SigningKey>(std::move(*key));
        return pool;
    }
    Result<SigningKey> key = SigningKey::generate();
    if (!key)
        return fail(tr("user pool %1: %2").arg(node.name, key.errorMessage()));
    pool.mKey = std::make_shared<SigningKey>(std::move(*key));
    pool.mClientId = randomText(26, kLower); // as Cognito's app client ids
    pool.mClientSecret = randomText(51, kMixed);
    pool.mPassword = randomText(20, kMixed);
    if (folder.isEmpty())
        return pool;
    if (!QDir().mkpath(folder))
        return fail(tr("user pool %1: cannot make %2").arg(node.name, folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QJsonObject client{
        {"clientId"_L1, pool.mClientId}, {"clientSecret"_L1, pool.mClientSecret}, {"password"_L1, pool.mPassword}};
    if (Result<void> written = writePrivate(keyPath, pool.mKey->privatePem()); !written)
        return written.error();
    if (Result<void> written = writePrivate(clientPath, QJsonDocument(client).toJson()); !written)
        return written.error();
    return pool;
}

QString LocalUserPool::issuer(const QString &gatewayUrl) const
{
    return gatewayUrl + "/_nimbus/idp/"_L1 + QString::fromLatin1(QUrl::toPercentEncoding(mName));
}

QJsonObject LocalUserPool::jwks() const
{
    return QJsonObject{{"keys"_L1, QJsonArray{mKey->publicJwk()}}};
}

QJsonObject LocalUserPool::discovery(const QString &issuer) const
{
    return QJsonObject{
        {"issuer"_L1, issuer},
        {"jwks_uri"_L1, issuer + "/.well-known/jwks.json"_L1},
        {"token_endpoint"_L1, issuer + "/oauth2/token"_L1},
        {"response_types_supported"_L1, QJsonArray{"token"_L1}},
        {"grant_types_supported"_L1, QJsonArray{"password"_L1, "client_credentials"_L1}},
        {"subject_types_supported"_L1, QJsonArray{"public"_L1}},
        {"id_token_signing_alg_values_supported"_L1, QJsonArray{"RS256"_L1}},
        {"token_endpoint_auth_methods_supported"_L1, QJsonArray{"client_secret_basic"_L1, "client_secret_post"_L1}},
        {"scopes_supported"_L1, QJsonArray::fromStringList(mScopes)}};
}

Result<QByteArray> LocalUserPool::mint(const QString &issuer, const TokenRequest &request) const
{
    if (!request.user.isEmpty() && !mUsers.contains(request.user))
        return fail(tr("user pool %1 has no test user %2 (it has: %3)").arg(mName, request.user, mUsers.join(", "_L1)));
    for (const QString &scope : request.scopes)
        if (!mScopes.contains(scope))
            return fail(tr("user pool %1's client may not grant the scope %2 (it grants: %3)")
                            .arg(mName, scope, mScopes.join(u' ')));
    const QDateTime now = request.now.isValid() ? request.now : QDateTime::currentDateTimeUtc();
    const qint64 issued = now.toSecsSinceEpoch();
    QJsonObject claims{{"iss"_L1, issuer},
                       {"iat"_L1, issued},
                       {"auth_time"_L1, issued},
                       {"exp"_L1, issued + qint64(mTokenMinutes) * 60},
                       {"jti"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    const QString subject = request.user.isEmpty() ? mClientId : subjectOf(mClientId, request.user);
    claims.insert("sub"_L1, subject);
    if (request.idToken) {
        claims.insert("aud"_L1, mClientId);
        claims.insert("token_use"_L1, "id"_L1);
        if (!request.user.isEmpty()) {
            claims.insert("cognito:username"_L1, request.user);
            claims.insert("email"_L1, request.user + "@example.com"_L1);
            claims.insert("email_verified"_L1, true);
        }
    } else {
        claims.insert("client_id"_L1, mClientId);
        claims.insert("token_use"_L1, "access"_L1);
        claims.insert("scope"_L1, (request.scopes.isEmpty() ? mScopes : request.scopes).join(u' '));
        if (!request.user.isEmpty())
            claims.insert("username"_L1, request.user);
    }
    if (const QStringList groups = mGroups.value(request.user); !groups.isEmpty())
        claims.insert("cognito:groups"_L1, QJsonArray::fromStringList(groups));
    for (auto it = request.claims.constBegin(); it != request.claims.constEnd(); ++it)
        claims.insert(it.key(), it.value());
    const QByteArray token = mKey->sign(claims);
    if (token.isEmpty())
        return fail(tr("user pool %1: OpenSSL could not sign the token").arg(mName));
    return token;
}

std::pair<int, QJsonObject> LocalUserPool::tokenEndpoint(const QString &issuer, const QByteArray &form,
                                                         const QByteArray &authorization, const QDateTime &now) const
{
    auto error = [](int status, const char *code, const QString &description) {
        return std::pair{status, QJsonObject{{"error"_L1, QLatin1String(code)}, {"error_description"_L1, description}}};
    };
    const QUrlQuery query(QString::fromUtf8(QByteArray(form).replace('+', ' ')));
    auto field = [&](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    QString clientId = field("client_id");
    QString secret = field("client_secret");
    if (authorization.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        if (colon > 0) {
            clientId = QUrl::fromPercentEncoding(pair.left(colon));
            secret = QUrl::fromPercentEncoding(pair.mid(colon + 1));
        }
    }
    if (clientId != mClientId)
        return error(401, "invalid_client", tr("unknown client"));
    const QString grant = field("grant_type");
    const QStringList scopes = listOf(field("scope"), u' ');
    TokenRequest request;
    request.scopes = scopes;
    request.now = now;
    if (grant == "client_credentials"_L1) {
        if (secret != mClientSecret)
            return error(401, "invalid_client", tr("the client secret is wrong"));
    } else if (grant == "password"_L1) {
        // A public client may sign users in without its secret; a given secret must match.
        if (!secret.isEmpty() && secret != mClientSecret)
            return error(401, "invalid_client", tr("the client secret is wrong"));
        request.user = field("username");
        if (!mUsers.contains(request.user) || field("password") != mPassword)
            return error(400, "invalid_grant", tr("Incorrect username or password."));
    } else {
        return error(400, "unsupported_grant_type",
                     tr("grant_type must be password or client_credentials, not '%1'").arg(grant.left(64)));
    }
    Result<QByteArray> access = mint(issuer, request);
    if (!access)
        return error(400, "invalid_scope", access.errorMessage());
    QJsonObject answer{{"access_token"_L1, QString::fromLatin1(*access)},
                       {"token_type"_L1, "Bearer"_L1},
                       {"expires_in"_L1, mTokenMinutes * 60}};
    if (!request.user.isEmpty()) {
        request.idToken = true;
        if (Result<QByteArray> id = mint(issuer, request))
            answer.insert("id_token"_L1, QString::fromLatin1(*id));
    }
    return {200, answer};
}

namespace LocalApiKey {

Result<QString> open(const QString &projectFile)
{
    // A project not saved yet has a key for the session only.
    static QString sessionKey;
    const QString folder = LocalUserPool::keyFolder(projectFile, u"api-keys"_s);
    if (folder.isEmpty()) {
        if (sessionKey.isEmpty())
            sessionKey = randomText(40, kMixed);
        return sessionKey;
    }
    const QString path = folder + "/api-key"_L1;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("Nimbus::LocalApiKey", "cannot read the API key in %1").arg(path));
        const QString key = QString::fromLatin1(file.readAll().trimmed());
        if (key.size() < 20)
            return fail(
                QCoreApplication::translate("Nimbus::LocalApiKey", "%1 holds no API key of 20 characters or more")
                    .arg(path));
        return key;
    }
    if (!QDir().mkpath(folder))
        return fail(QCoreApplication::translate("Nimbus::LocalApiKey", "cannot make %1").arg(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString key = randomText(40, kMixed); // as API Gateway's keys
    if (Result<void> written = writePrivate(path, key.toLatin1() + '\n'); !written)
        return written.error();
    return key;
}

} // namespace LocalApiKey

} // namespace Nimbus
