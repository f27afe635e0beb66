#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <variant>

namespace Nimbus {

// JSON Web Tokens (RFC 7519) as API Gateway's JWT authorizers check them and a local
// identity provider issues them, on OpenSSL: RS256 (RSA PKCS#1 v1.5, SHA-256) and
// ES256 (ECDSA P-256, SHA-256, the signature as r || s). Nothing else is accepted: no
// "none", no HMAC (a public key must never serve as a shared secret).
namespace Jwt {

// What a token must satisfy besides its signature. Empty fields are not checked.
struct Expectations
{
    QString issuer; // iss, exactly
    QStringList audiences; // aud (a string or an array) or client_id holds one of them
    QStringList scopes; // the scope (space-separated) or scp claim holds one of them
    QDateTime now; // exp and nbf are checked against it
};

struct Verified
{
    QJsonObject header;
    QJsonObject claims;
    QStringList scopes;
};

// Why a token is refused, for the gateway's 401 (signature, form, time, issuer or
// audience) or 403 (scopes), and a message for the event log.
struct Refusal
{
    bool forbidden = false; // 403 rather than 401: a valid token without the scope
    QString message;
};

// Checks token (header.payload.signature, base64url) against the keys of jwks (a JSON
// Web Key Set: {"keys": [...]}) and expectations.
std::variant<Verified, Refusal> verify(const QByteArray &token, const QJsonObject &jwks,
                                       const Expectations &expectations);

// base64url without padding, as JWS writes it.
QByteArray base64Url(const QByteArray &data);

} // namespace Jwt

// A private key that signs tokens, kept as PEM (PKCS#8) by whoever owns it.
class SigningKey
{
public:
    enum class Algorithm { RS256, ES256 };

    SigningKey();
    ~SigningKey();
    SigningKey(SigningKey &&) noexcept;
    SigningKey &operator=(SigningKey &&) noexcept;

    // A new RSA 2048-bit or P-256 key.
    static Result<SigningKey> generate(Algorithm algorithm = Algorithm::RS256);
    static Result<SigningKey> fromPem(const QByteArray &pem);

    bool isNull() const { return !mKey; }
    Algorithm algorithm() const { return mAlgorithm; }
    QByteArray privatePem() const;
    // The public key as a JWK with kid, alg and use "sig"; the kid is its RFC 7638
    // thumbprint.
    QJsonObject publicJwk() const;
    QString keyId() const;
    // header.payload.signature, with {"alg", "typ": "JWT", "kid"} as header.
    QByteArray sign(const QJsonObject &claims) const;

private:
    struct Key;
    std::unique_ptr<Key> mKey;
    Algorithm mAlgorithm = Algorithm::RS256;
};

} // namespace Nimbus
