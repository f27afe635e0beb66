#include "jwt.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

namespace Nimbus {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::Jwt", text);
}

// OpenSSL's objects, freed however a function returns.
struct PkeyFree
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
struct BnFree
{
    void operator()(BIGNUM *p) const { BN_free(p); }
};
struct BldFree
{
    void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct BioFree
{
    void operator()(BIO *p) const { BIO_free(p); }
};
struct SigFree
{
    void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Bignum = std::unique_ptr<BIGNUM, BnFree>;

constexpr int kEcCoordinate = 32; // P-256

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return decoded.decoded;
}

Bignum bignum(const QByteArray &bytes)
{
    return Bignum(BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr));
}

QByteArray bytesOf(const BIGNUM *bn, int width = 0)
{
    QByteArray out(width > 0 ? width : BN_num_bytes(bn), Qt::Uninitialized);
    if (width > 0)
        BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), width);
    else
        BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

Pkey fromParams(const char *type, OSSL_PARAM_BLD *builder)
{
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return nullptr;
    return Pkey(key);
}

// The public key a JWK describes, or null when it is not an RSA (2048 bits or more) or
// P-256 key.
Pkey publicKey(const QJsonObject &jwk)
{
    const QString kty = jwk.value("kty"_L1).toString();
    std::unique_ptr<OSSL_PARAM_BLD, BldFree> builder(OSSL_PARAM_BLD_new());
    if (kty == "RSA"_L1) {
        const auto n = fromBase64Url(jwk.value("n"_L1).toString().toLatin1());
        const auto e = fromBase64Url(jwk.value("e"_L1).toString().toLatin1());
        if (!n || !e || n->size() < 256 || e->isEmpty())
            return nullptr;
        Bignum bn = bignum(*n), be = bignum(*e);
        if (!OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bn.get())
            || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, be.get()))
            return nullptr;
        return fromParams("RSA", builder.get());
    }
    if (kty == "EC"_L1 && jwk.value("crv"_L1).toString() == "P-256"_L1) {
        const auto x = fromBase64Url(jwk.value("x"_L1).toString().toLatin1());
        const auto y = fromBase64Url(jwk.value("y"_L1).toString().toLatin1());
        if (!x || !y || x->size() != kEcCoordinate || y->size() != kEcCoordinate)
            return nullptr;
        QByteArray point = '\x04' + *x + *y; // uncompressed
        char group[] = "P-256";
        if (!OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
            || !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                                 size_t(point.size())))
            return nullptr;
        return fromParams("EC", builder.get());
    }
    return nullptr;
}

// A JWS ES256 signature (r || s) as the DER OpenSSL verifies.
QByteArray derSignature(const QByteArray &raw)
{
    if (raw.size() != 2 * kEcCoordinate)
        return {};
    std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
    Bignum r = bignum(raw.left(kEcCoordinate)), s = bignum(raw.mid(kEcCoordinate));
    if (!sig || !ECDSA_SIG_set0(sig.get(), r.get(), s.get()))
        return {};
    r.release();
    s.release();
    const int size = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_ECDSA_SIG(sig.get(), &out);
    return der;
}

bool verifySignature(EVP_PKEY *key, const QByteArray &data, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> md(EVP_MD_CTX_new());
    return md && EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key) == 1
           && EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                               size_t(signature.size()), reinterpret_cast<const unsigned char *>(data.constData()),
                               size_t(data.size()))
                  == 1;
}

std::optional<QJsonObject> jsonPart(const QByteArray &part)
{
    const auto bytes = fromBase64Url(part);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A NumericDate claim: seconds since the epoch, a JSON number.
std::optional<qint64> numericDate(const QJsonObject &claims, QLatin1String name)
{
    const QJsonValue value = claims.value(name);
    if (!value.isDouble())
        return std::nullopt;
    return qint64(value.toDouble());
}

} // namespace

namespace Jwt {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::variant<Verified, Refusal> verify(const QByteArray &token, const QJsonObject &jwks,
                                       const Expectations &expectations)
{
    auto refuse = [](const QString &message) { return Refusal{false, message}; };
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return refuse(tr("the token is not a signed JWT (header.payload.signature)"));
    const auto header = jsonPart(parts[0]);
    const auto claims = jsonPart(parts[1]);
    const auto signature = fromBase64Url(parts[2]);
    if (!header || !claims || !signature)
        return refuse(tr("the token's header, payload or signature is not base64url JSON"));

    const QString alg = header->value("alg"_L1).toString();
    if (alg != "RS256"_L1 && alg != "ES256"_L1)
        return refuse(
            tr("the token's algorithm %1 is not accepted (RS256 or ES256)").arg(alg.isEmpty() ? u"none"_s : alg));
    const QString kty = alg == "RS256"_L1 ? u"RSA"_s : u"EC"_s;
    const QString kid = header->value("kid"_L1).toString();
    QList<QJsonObject> candidates;
    for (const QJsonValue &value : jwks.value("keys"_L1).toArray()) {
        const QJsonObject jwk = value.toObject();
        if (jwk.value("kty"_L1).toString() != kty || jwk.value("use"_L1).toString(u"sig"_s) != "sig"_L1)
            continue;
        if (jwk.contains("alg"_L1) && jwk.value("alg"_L1).toString() != alg)
            continue;
        if (kid.isEmpty() || jwk.value("kid"_L1).toString() == kid)
            candidates.append(jwk);
    }
    if (candidates.isEmpty())
        return refuse(kid.isEmpty() ? tr("no key of the issuer's key set can check an %1 token").arg(alg)
                                    : tr("the issuer's key set has no %1 key with kid %2").arg(alg, kid));
    if (kid.isEmpty() && candidates.size() > 1)
        return refuse(tr("the token names no key (kid) and the issuer has several"));
    const Pkey key = publicKey(candidates.first());
    if (!key)
        return refuse(tr("the issuer's key %1 is not a usable RSA (2048 bits or more) or P-256 key").arg(kid));
    const QByteArray signedPart = parts[0] + '.' + parts[1];
    const QByteArray checked = alg == "ES256"_L1 ? derSignature(*signature) : *signature;
    if (checked.isEmpty() || !verifySignature(key.get(), signedPart, checked))
        return refuse(tr("the token's signature does not match the issuer's key"));

    const qint64 now = expectations.now.isValid() ? expectations.now.toSecsSinceEpoch()
                                                  : QDateTime::currentSecsSinceEpoch();
    const auto exp = numericDate(*claims, "exp"_L1);
    if (!exp)
        return refuse(tr("the token has no expiry (exp)"));
    if (*exp <= now)
        return refuse(
            tr("the token expired at %1").arg(QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC).toString(Qt::ISODate)));
    if (const auto nbf = numericDate(*claims, "nbf"_L1); nbf && *nbf > now)
        return refuse(tr("the token is not valid before %1")
                          .arg(QDateTime::fromSecsSinceEpoch(*nbf, Qt::UTC).toString(Qt::ISODate)));
    if (const auto iat = numericDate(*claims, "iat"_L1); iat && *iat > now)
        return refuse(tr("the token was issued in the future (iat)"));
    if (!expectations.issuer.isEmpty() && claims->value("iss"_L1).toString() != expectations.issuer)
        return refuse(
            tr("the token's issuer %1 is not %2").arg(claims->value("iss"_L1).toString(), expectations.issuer));
    if (!expectations.audiences.isEmpty()) {
        QStringList audiences;
        const QJsonValue aud = claims->value("aud"_L1);
        if (aud.isArray()) {
            for (const QJsonValue &a : aud.toArray())
                audiences.append(a.toString());
        } else if (aud.isString()) {
            audiences.append(aud.toString());
        } else if (claims->value("client_id"_L1).isString()) {
            // Access tokens name their client rather than an audience (as Cognito's do).
            audiences.append(claims->value("client_id"_L1).toString());
        }
        const bool matched = std::any_of(audiences.cbegin(), audiences.cend(),
                                         [&](const QString &a) { return expectations.audiences.contains(a); });
        if (!matched)
            return refuse(tr("the token's audience %1 is not one of %2")
                              .arg(audiences.isEmpty() ? tr("(none)") : audiences.join(", "_L1),
                                   expectations.audiences.join(", "_L1)));
    }
    Verified verified{*header, *claims, {}};
    if (claims->value("scope"_L1).isString())
        verified.scopes = claims->value("scope"_L1).toString().split(u' ', Qt::SkipEmptyParts);
    else if (claims->value("scp"_L1).isArray())
        for (const QJsonValue &s : claims->value("scp"_L1).toArray())
            verified.scopes.append(s.toString());
    else if (claims->value("scp"_L1).isString())
        verified.scopes = claims->value("scp"_L1).toString().split(u' ', Qt::SkipEmptyParts);
    if (!expectations.scopes.isEmpty()
        && std::none_of(expectations.scopes.cbegin(), expectations.scopes.cend(),
                        [&](const QString &s) { return verified.scopes.contains(s); }))
        return Refusal{true, tr("the token has none of the route's scopes (%1)").arg(expectations.scopes.join(u' '))};
    return verified;
}

} // namespace Jwt

struct SigningKey::Key
{
    Pkey pkey;
};

SigningKey::SigningKey() = default;
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(SigningKey &&) noexcept = default;
SigningKey &SigningKey::operator=(SigningKey &&) noexcept = default;

Result<SigningKey> SigningKey::generate(Algorithm algorithm)
{
    SigningKey key;
    key.mAlgorithm = algorithm;
    EVP_PKEY *pkey = algorithm == Algorithm::RS256 ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
    if (!pkey)
        return fail(QCoreApplication::translate("Nimbus::SigningKey", "OpenSSL could not generate a signing key"));
    key.mKey = std::make_unique<Key>();
    key.mKey->pkey.reset(pkey);
    return key;
}

Result<SigningKey> SigningKey::fromPem(const QByteArray &pem)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *pkey = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!pkey)
        return fail(QCoreApplication::translate("Nimbus::SigningKey", "the signing key is not a PEM private key"));
    SigningKey key;
    key.mKey = std::make_unique<Key>();
    key.mKey->pkey.reset(pkey);
    if (EVP_PKEY_is_a(pkey, "RSA") && EVP_PKEY_get_bits(pkey) >= 2048)
        key.mAlgorithm = Algorithm::RS256;
    else if (EVP_PKEY_is_a(pkey, "EC") && EVP_PKEY_get_bits(pkey) == 256)
        key.mAlgorithm = Algorithm::ES256;
    else
        return fail(QCoreApplication::translate("Nimbus::SigningKey",
                                                "the signing key is neither RSA of 2048 bits or more nor P-256"));
    return key;
}

QByteArray SigningKey::privatePem() const
{
    if (!mKey)
        return {};
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_PrivateKey(bio.get(), mKey->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

QJsonObject SigningKey::publicJwk() const
{
    if (!mKey)
        return {};
    QJsonObject jwk;
    auto bn = [this](const char *name, int width = 0) {
        BIGNUM *value = nullptr;
        if (!EVP_PKEY_get_bn_param(mKey->pkey.get(), name, &value))
            return QString();
        Bignum owned(value);
        return QString::fromLatin1(Jwt::base64Url(bytesOf(value, width)));
    };
    QByteArray thumbprintInput;
    if (mAlgorithm == Algorithm::RS256) {
        jwk = {{"kty"_L1, "RSA"_L1}, {"n"_L1, bn(OSSL_PKEY_PARAM_RSA_N)}, {"e"_L1, bn(OSSL_PKEY_PARAM_RSA_E)}};
        // RFC 7638: the required members in lexicographic order, no white space.
        thumbprintInput = R"({"e":")" + jwk.value("e"_L1).toString().toLatin1() + R"(","kty":"RSA","n":")"
                          + jwk.value("n"_L1).toString().toLatin1() + "\"}";
    } else {
        jwk = {{"kty"_L1, "EC"_L1},
               {"crv"_L1, "P-256"_L1},
               {"x"_L1, bn(OSSL_PKEY_PARAM_EC_PUB_X, kEcCoordinate)},
               {"y"_L1, bn(OSSL_PKEY_PARAM_EC_PUB_Y, kEcCoordinate)}};
        thumbprintInput = R"({"crv":"P-256","kty":"EC","x":")" + jwk.value("x"_L1).toString().toLatin1() + R"(","y":")"
                          + jwk.value("y"_L1).toString().toLatin1() + "\"}";
    }
    jwk.insert("kid"_L1, QString::fromLatin1(
                             Jwt::base64Url(QCryptographicHash::hash(thumbprintInput, QCryptographicHash::Sha256))));
    jwk.insert("alg"_L1, mAlgorithm == Algorithm::RS256 ? "RS256"_L1 : "ES256"_L1);
    jwk.insert("use"_L1, "sig"_L1);
    return jwk;
}

QString SigningKey::keyId() const
{
    return publicJwk().value("kid"_L1).toString();
}

QByteArray SigningKey::sign(const QJsonObject &claims) const
{
    if (!mKey)
        return {};
    const QJsonObject header{{"alg"_L1, mAlgorithm == Algorithm::RS256 ? "RS256"_L1 : "ES256"_L1},
                             {"typ"_L1, "JWT"_L1},
                             {"kid"_L1, keyId()}};
    const QByteArray signedPart = Jwt::base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                                  + Jwt::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> md(EVP_MD_CTX_new());
    size_t size = 0;
    if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, mKey->pkey.get()) != 1
        || EVP_DigestSign(md.get(), nullptr, &size, reinterpret_cast<const unsigned char *>(signedPart.constData()),
                          size_t(signedPart.size()))
               != 1)
        return {};
    QByteArray signature(qsizetype(size), Qt::Uninitialized);
    if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char *>(signature.data()), &size,
                       reinterpret_cast<const unsigned char *>(signedPart.constData()), size_t(signedPart.size()))
        != 1)
        return {};
    signature.resize(qsizetype(size));
    if (mAlgorithm == Algorithm::ES256) {
        // DER to JWS's r || s.
        const auto *in = reinterpret_cast<const unsigned char *>(signature.constData());
        std::unique_ptr<ECDSA_SIG, SigFree> sig(d2i_ECDSA_SIG(nullptr, &in, long(signature.size())));
        if (!sig)
            return {};
        signature = bytesOf(ECDSA_SIG_get0_r(sig.get()), kEcCoordinate)
                    + bytesOf(ECDSA_SIG_get0_s(sig.get()), kEcCoordinate);
    }
    return signedPart + '.' + Jwt::base64Url(signature);
}

} // namespace Nimbus
