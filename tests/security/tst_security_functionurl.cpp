// Function URLs (issue 20 item 5) as a stranger would use them: a function's streamed
// prelude cannot inject header lines or take over the framing, a path cannot climb from
// /_url/ into the control path, an unsigned request never reaches an AWS_IAM function, and
// a foreign page is refused even where CORS allows any origin.

#include "cloudfixture.h"

using namespace Nimbus;
using namespace NimbusTest;

class TestSecurityFunctionUrl : public QObject
{
    Q_OBJECT

private slots:
    void preludeCannotInjectHeaders();
    void pathsStayUnderTheFunction();
    void unsignedNeverRunsTheHandler();
    void foreignPagesAreRefusedWhateverTheCors();
};

void TestSecurityFunctionUrl::preludeCannotInjectHeaders()
{
    LocalCloudFixture f;
    const NodeId fn = f.addFunction(QStringLiteral("evil"), R"(
exports.handler = awslambda.streamifyResponse(async (event, stream) => {
    stream = awslambda.HttpResponseStream.from(stream, { statusCode: 200, headers: {
        "x-a": "1\r\nset-cookie: pwned=1", "content-length": "1", "transfer-encoding": "identity",
        "bad name": "x", "x-b:c": "y" }, cookies: ["ok=1\r\nx-evil: 1"] });
    stream.end("body");
});
)");
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("invokeMode"), QStringLiteral("RESPONSE_STREAM")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = httpRequest("GET", (f.gateway->url() + QStringLiteral("/_url/evil/")).toUtf8());
    QCOMPARE(reply.status, 200L);
    QCOMPARE(reply.body, QByteArray("body"));
    const QByteArray headers = reply.headers.toLower();
    QVERIFY2(!headers.contains("pwned") && !headers.contains("x-evil") && !headers.contains("content-length: 1")
                 && !headers.contains("identity") && !headers.contains("bad name") && !headers.contains("x-b:c"),
             reply.headers.constData());
}

void TestSecurityFunctionUrl::pathsStayUnderTheFunction()
{
    LocalCloudFixture f;
    const NodeId fn = f.addFunction(QStringLiteral("echo"), "exports.handler = async (e) => e.rawPath;\n");
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray base = f.gateway->url().toUtf8();
    // Dots that climb stay in the function's own rawPath: its handler answers, not the
    // control path.
    const HttpReply climbing = httpRequest("POST", base + "/_url/echo/%2e%2e/%2e%2e/_nimbus/fire", "{}",
                                           {"Content-Type: application/json"});
    QCOMPARE(climbing.status, 200L);
    QCOMPARE(climbing.body, QByteArray("/../../_nimbus/fire"));
    // A function named by another's path segment is not served for it.
    QCOMPARE(httpRequest("GET", base + "/_url/other/echo/").status, 404L);
    QCOMPARE(httpRequest("GET", base + "/_url/").status, 404L);
}

void TestSecurityFunctionUrl::unsignedNeverRunsTheHandler()
{
    LocalCloudFixture f;
    const NodeId fn = f.addFunction(QStringLiteral("private"), "exports.handler = async () => 'ran';\n");
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrl"), true));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray url = (f.gateway->url() + QStringLiteral("/_url/private/")).toUtf8();
    for (const QByteArray &authorization :
         {QByteArray(), QByteArray("Authorization: Bearer x"), QByteArray("Authorization: AWS4-HMAC-SHA256 junk"),
          QByteArray("Authorization: Basic QUtJRDpzZWNyZXQ=")}) {
        const HttpReply reply = httpRequest("GET", url, {},
                                            authorization.isEmpty() ? QList<QByteArray>() : QList{authorization});
        QCOMPARE(reply.status, 403L);
        QVERIFY(!reply.body.contains("ran"));
    }
    QVERIFY(f.entries(CloudLogEntry::Kind::Invocation, QStringLiteral("private")).isEmpty());
}

void TestSecurityFunctionUrl::foreignPagesAreRefusedWhateverTheCors()
{
    LocalCloudFixture f;
    const NodeId fn = f.addFunction(QStringLiteral("open"), "exports.handler = async () => 'ran';\n");
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY(f.project.setNodeProperty(fn, QStringLiteral("functionUrlCors"), QStringLiteral("*")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = httpRequest("GET", (f.gateway->url() + QStringLiteral("/_url/open/")).toUtf8(), {},
                                        {"Origin: https://evil.example"});
    QCOMPARE(reply.status, 403L);
    QVERIFY(!reply.body.contains("ran"));
}

QTEST_GUILESS_MAIN(TestSecurityFunctionUrl)
#include "tst_security_functionurl.moc"
