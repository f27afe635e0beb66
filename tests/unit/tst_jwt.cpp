// JSON Web Tokens as the local gateway's JWT authorizers check them (issue 21 item 5):
// RS256 and ES256 signatures through OpenSSL, and each reason API Gateway refuses a
// token for: expired, not yet valid, another issuer or audience, another key, "alg":
// "none", HMAC, a payload changed after signing, a missing scope.

#include "cloud/jwt.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

class tst_Jwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verify_data();
    void verify();
    void es256RoundTrip();
    void pemRoundTrip();
    void jwkThumbprintIsStable();

private:
    static QJsonObject jwksOf(const SigningKey &key) { return QJsonObject{{"keys", QJsonArray{key.publicJwk()}}}; }

    SigningKey mKey;
    SigningKey mOtherKey;
    QDateTime mNow = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
};

void tst_Jwt::initTestCase()
{
    Result<SigningKey> key = SigningKey::generate();
    QVERIFY2(key, qPrintable(key.errorMessage()));
    mKey = std::move(*key);
    Result<SigningKey> other = SigningKey::generate();
    QVERIFY(other);
    mOtherKey = std::move(*other);
}

void tst_Jwt::verify_data()
{
    QTest::addColumn<QString>("how"); // how the token is made
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<QStringList>("scopes"); // the route's
    QTest::addColumn<int>("outcome"); // 0 accepted, 401, 403
    QTest::addColumn<QString>("message");

    const qint64 now = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC).toSecsSinceEpoch();
    const QJsonObject good{
        {"iss", "https://idp.example"}, {"aud", "app"}, {"sub", "u1"}, {"iat", now - 60}, {"exp", now + 3600},
        {"scope", "openid orders/read"}};
    auto with = [&](const char *key, const QJsonValue &value) {
        QJsonObject c = good;
        if (value.isUndefined())
            c.remove(key);
        else
            c.insert(key, value);
        return c;
    };
    QTest::newRow("valid") << "sign" << good << QStringList() << 0 << "";
    QTest::newRow("valid with the route's scope") << "sign" << good << QStringList{"orders/read"} << 0 << "";
    QTest::newRow("audience in an array")
        << "sign" << with("aud", QJsonArray{"other", "app"}) << QStringList() << 0 << "";
    QTest::newRow("no audience") << "sign" << with("aud", QJsonValue::Undefined) << QStringList() << 401
                                 << "audience (none)";
    QJsonObject access = with("aud", QJsonValue::Undefined);
    access.insert("client_id", "app");
    QTest::newRow("access token's client_id") << "sign" << access << QStringList() << 0 << "";
    QJsonObject scp = with("scope", QJsonValue::Undefined);
    scp.insert("scp", QJsonArray{"orders/read"});
    QTest::newRow("scp array holds the scope") << "sign" << scp << QStringList{"orders/read"} << 0 << "";
    QTest::newRow("expired") << "sign" << with("exp", now - 1) << QStringList() << 401 << "expired";
    QTest::newRow("no expiry") << "sign" << with("exp", QJsonValue::Undefined) << QStringList() << 401 << "exp";
    QTest::newRow("not yet valid") << "sign" << with("nbf", now + 600) << QStringList() << 401 << "not valid before";
    QTest::newRow("issued in the future") << "sign" << with("iat", now + 600) << QStringList() << 401 << "iat";
    QTest::newRow("wrong issuer") << "sign" << with("iss", "https://evil.example") << QStringList() << 401
                                  << "issuer https://evil.example";
    QTest::newRow("wrong audience") << "sign" << with("aud", "other") << QStringList() << 401 << "audience other";
    QTest::newRow("missing scope") << "sign" << good << QStringList{"orders/write"} << 403 << "scopes";
    QTest::newRow("another issuer's key") << "other key" << good << QStringList() << 401 << "no RS256 key with kid";
    QTest::newRow("another key under our kid") << "other key, our kid" << good << QStringList() << 401 << "signature";
    QTest::newRow("alg none") << "none" << good << QStringList() << 401 << "algorithm none";
    QTest::newRow("HS256 with the public key as secret") << "hs256" << good << QStringList() << 401 << "HS256";
    QTest::newRow("tampered payload") << "tamper" << good << QStringList() << 401 << "signature";
    QTest::newRow("unknown kid") << "kid" << good << QStringList() << 401 << "no RS256 key with kid";
    QTest::newRow("not a JWT") << "garbage" << good << QStringList() << 401 << "not a signed JWT";
}

void tst_Jwt::verify()
{
    QFETCH(QString, how);
    QFETCH(QJsonObject, claims);
    QFETCH(QStringList, scopes);
    QFETCH(int, outcome);
    QFETCH(QString, message);

    QByteArray token = (how.startsWith("other key") ? mOtherKey : mKey).sign(claims);
    QVERIFY(!token.isEmpty());
    const QList<QByteArray> parts = token.split('.');
    auto encode = [](const QJsonObject &o) { return Jwt::base64Url(QJsonDocument(o).toJson(QJsonDocument::Compact)); };
    if (how == "none") {
        token = encode({{"alg", "none"}, {"typ", "JWT"}}) + '.' + parts[1] + '.';
    } else if (how == "hs256") {
        token = encode({{"alg", "HS256"}, {"typ", "JWT"}, {"kid", mKey.keyId()}}) + '.' + parts[1] + '.' + parts[2];
    } else if (how == "tamper") {
        QJsonObject changed = claims;
        changed.insert("sub", "admin");
        token = parts[0] + '.' + encode(changed) + '.' + parts[2];
    } else if (how == "other key, our kid") {
        token = encode({{"alg", "RS256"}, {"typ", "JWT"}, {"kid", mKey.keyId()}}) + '.' + parts[1] + '.' + parts[2];
    } else if (how == "kid") {
        token = encode({{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "nope"}}) + '.' + parts[1] + '.' + parts[2];
    } else if (how == "garbage") {
        token = "abc.def";
    }

    Jwt::Expectations expected;
    expected.issuer = "https://idp.example";
    expected.audiences = {"app"};
    expected.scopes = scopes;
    expected.now = mNow;
    const auto verdict = Jwt::verify(token, jwksOf(mKey), expected);
    if (outcome == 0) {
        const auto *refusal = std::get_if<Jwt::Refusal>(&verdict);
        QVERIFY2(!refusal, refusal ? qPrintable(refusal->message) : "");
        QCOMPARE(std::get<Jwt::Verified>(verdict).claims.value("sub").toString(), claims.value("sub").toString());
        return;
    }
    const auto *refusal = std::get_if<Jwt::Refusal>(&verdict);
    QVERIFY(refusal);
    QCOMPARE(refusal->forbidden, outcome == 403);
    QVERIFY2(refusal->message.contains(message), qPrintable(refusal->message));
}

void tst_Jwt::es256RoundTrip()
{
    Result<SigningKey> key = SigningKey::generate(SigningKey::Algorithm::ES256);
    QVERIFY2(key, qPrintable(key.errorMessage()));
    QCOMPARE(key->publicJwk().value("kty").toString(), "EC");
    QCOMPARE(key->publicJwk().value("crv").toString(), "P-256");
    const qint64 now = mNow.toSecsSinceEpoch();
    const QByteArray token = key->sign({{"sub", "u"}, {"exp", now + 60}});
    // JWS's r || s: 64 bytes, not DER.
    QCOMPARE(QByteArray::fromBase64(token.split('.').at(2), QByteArray::Base64UrlEncoding).size(), 64);
    Jwt::Expectations expected;
    expected.now = mNow;
    QVERIFY(std::holds_alternative<Jwt::Verified>(Jwt::verify(token, jwksOf(*key), expected)));
    // An RSA key set cannot check it; an ES256 header over an RSA signature fails.
    QVERIFY(std::holds_alternative<Jwt::Refusal>(Jwt::verify(token, jwksOf(mKey), expected)));
    QByteArray flipped = token;
    flipped[flipped.size() - 3] = flipped[flipped.size() - 3] == 'A' ? 'B' : 'A';
    QVERIFY(std::holds_alternative<Jwt::Refusal>(Jwt::verify(flipped, jwksOf(*key), expected)));
}

void tst_Jwt::pemRoundTrip()
{
    const QByteArray pem = mKey.privatePem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    Result<SigningKey> back = SigningKey::fromPem(pem);
    QVERIFY2(back, qPrintable(back.errorMessage()));
    QCOMPARE(back->publicJwk(), mKey.publicJwk());
    QVERIFY(!SigningKey::fromPem("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n"));
    // The public JWK carries no private part.
    for (const char *secret : {"d", "p", "q", "dp", "dq", "qi"})
        QVERIFY(!mKey.publicJwk().contains(secret));
}

void tst_Jwt::jwkThumbprintIsStable()
{
    // RFC 7638 section 3.1's example key and thumbprint.
    const QByteArray n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
                         "BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
                         "FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-"
                         "bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    const QByteArray input = R"({"e":"AQAB","kty":"RSA","n":")" + n + "\"}";
    QCOMPARE(Jwt::base64Url(QCryptographicHash::hash(input, QCryptographicHash::Sha256)),
             QByteArray("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    // Our keys' kid is that thumbprint of their public JWK.
    const QJsonObject ours = mKey.publicJwk();
    const QByteArray ourInput = R"({"e":")" + ours.value("e").toString().toLatin1() + R"(","kty":"RSA","n":")"
                                + ours.value("n").toString().toLatin1() + "\"}";
    QCOMPARE(mKey.keyId().toLatin1(), Jwt::base64Url(QCryptographicHash::hash(ourInput, QCryptographicHash::Sha256)));
}

QTEST_GUILESS_MAIN(tst_Jwt)
#include "tst_jwt.moc"
