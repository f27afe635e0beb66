// Large PUT bodies (S3 objects and parts of 1 MB or more) go to a file as they arrive,
// instead of into the HTTP server's memory, and are read from it when the request is
// served: the object stored is the one sent, under the same key as a small PUT names it,
// with the endpoint's limits and guard as before, and no file left behind.

#include "cloudfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Nimbus;
using namespace NimbusTest;

namespace {

// A body no two sizes share, so that a part cut or shifted is seen.
QByteArray bodyOf(qsizetype size)
{
    QByteArray body(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        body[i] = char((i * 131 + i / 4096) & 0xff);
    return body;
}

// Sends raw bytes on a connection of its own (a head in pieces, a body cut short) from
// another thread, and reads what comes back until the server closes or timeoutMs.
QByteArray rawExchange(quint16 port, const QList<QByteArray> &pieces, bool readAnswer, int pauseMs = 20,
                       int answerSeconds = 10)
{
    auto exchange = [=] {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(fd);
            return QByteArray();
        }
        for (const QByteArray &piece : pieces) {
            for (qsizetype sent = 0; sent < piece.size();) {
                const ssize_t n = ::send(fd, piece.constData() + sent, size_t(piece.size() - sent), MSG_NOSIGNAL);
                if (n <= 0)
                    break;
                sent += n;
            }
            QThread::msleep(pauseMs);
        }
        QByteArray answer;
        if (readAnswer) {
            timeval timeout{answerSeconds, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            char buffer[4096];
            for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                answer.append(buffer, n);
        }
        ::close(fd);
        return answer;
    };
    auto future = std::async(std::launch::async, exchange);
    const bool done = QTest::qWaitFor(
        [&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; }, 30000);
    return done ? future.get() : QByteArray();
}

} // namespace

class TestSpilledBodies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void largeObjectIsStoredWhole_data();
    void largeObjectIsStoredWhole();
    void headInPiecesStillSpills();
    void answerClosesTheConnection();
    void overTheLimitIsRefusedUnread();
    void foreignHostIsRefusedUnread();
    void abandonedBodyLeavesNoFile();
    void chunkedBodyIsLeftToTheServer();
    void malformedRequestLineIsLeftToTheServer();

private:
    QByteArray url(const QByteArray &key) const { return mCloud->endpoint->url().toUtf8() + "/files/" + key; }
    QStringList spillFiles() const
    {
        return QDir(mSpillFolder.path()).entryList({QStringLiteral("nimbus-body-*")}, QDir::Files);
    }

    QTemporaryDir mSpillFolder;
    std::unique_ptr<LocalCloudFixture> mCloud;
};

void TestSpilledBodies::initTestCase()
{
    // The endpoint writes bodies under the temporary folder: this test's own, to count them.
    QVERIFY(mSpillFolder.isValid());
    qputenv("TMPDIR", QFile::encodeName(mSpillFolder.path()));
    QCOMPARE(QDir::tempPath(), QDir(mSpillFolder.path()).canonicalPath());
}

void TestSpilledBodies::init()
{
    mCloud = std::make_unique<LocalCloudFixture>();
    QVERIFY2(mCloud->loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/aws"), QStringLiteral("aws.json")),
             qPrintable(mCloud->error));
    QVERIFY2(mCloud->start(LocalCloudFixture::Endpoint), qPrintable(mCloud->error));
}

void TestSpilledBodies::cleanup()
{
    mCloud.reset();
    QVERIFY(spillFiles().isEmpty());
}

void TestSpilledBodies::largeObjectIsStoredWhole_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<QByteArray>("key"); // as the client writes it in the path
    QTest::newRow("at the threshold") << qsizetype(AwsEndpoint::kSpillThreshold) << QByteArray("big.bin");
    QTest::newRow("3 MB and a few") << qsizetype(3 * 1024 * 1024 + 7) << QByteArray("big.bin");
    QTest::newRow("encoded key") << qsizetype(2 * 1024 * 1024) << QByteArray("dir/a%20b%2Bc%C3%BC.bin");
    QTest::newRow("below the threshold (not spilled)")
        << qsizetype(AwsEndpoint::kSpillThreshold - 1) << QByteArray("dir/a%20b%2Bc%C3%BC.bin");
}

void TestSpilledBodies::largeObjectIsStoredWhole()
{
    QFETCH(qsizetype, size);
    QFETCH(QByteArray, key);
    const QByteArray body = bodyOf(size);
    const HttpReply put = httpRequest("PUT", url(key), body, {"Content-Type: application/octet-stream"});
    QCOMPARE(put.status, 200L);
    const QByteArray md5 = QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex();
    QVERIFY2(put.headers.toLower().contains("etag: \"" + md5 + "\""), put.headers.constData());
    // Read back through the HTTP server's own parse of the same path: the same key.
    const HttpReply get = httpRequest("GET", url(key));
    QCOMPARE(get.status, 200L);
    QCOMPARE(get.body.size(), body.size());
    QVERIFY(get.body == body);
    // The listing names it decoded as S3 stores it.
    const HttpReply list = httpRequest("GET", mCloud->endpoint->url().toUtf8() + "/files?list-type=2");
    QVERIFY2(list.body.contains("<Key>" + QUrl::fromPercentEncoding(key).toUtf8() + "</Key>"), list.body.constData());
    QVERIFY(spillFiles().isEmpty());
}

void TestSpilledBodies::headInPiecesStillSpills()
{
    // The HTTP server reads the first pieces of the head before the guard knows it is a
    // large PUT: what it read is dropped, and the body starts where the head ends.
    const QByteArray body = bodyOf(AwsEndpoint::kSpillThreshold + 12345);
    const QByteArray head =
        "PUT /files/pieces.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
        "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    // The head's last piece comes with the body's first bytes: only what the server did
    // not read of the head is skipped.
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < head.size() - 7; at += 7)
        pieces.append(head.mid(at, 7));
    pieces.last() += head.mid(pieces.size() * 7) + body.left(1000);
    pieces.append(body.mid(1000));
    const QByteArray answer = rawExchange(mCloud->endpoint->port(), pieces, true, 5);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    const HttpReply get = httpRequest("GET", url("pieces.bin"));
    QCOMPARE(get.status, 200L);
    QVERIFY(get.body == body);
}

void TestSpilledBodies::answerClosesTheConnection()
{
    // The HTTP server cannot read this connection's next request: the answer says so.
    const HttpReply put = httpRequest("PUT", url("closing.bin"), bodyOf(AwsEndpoint::kSpillThreshold));
    QCOMPARE(put.status, 200L);
    QVERIFY2(put.headers.toLower().contains("connection: close"), put.headers.constData());
    QVERIFY(put.headers.toLower().contains("x-amz-request-id"));
    QVERIFY(put.headers.toLower().contains("x-content-type-options: nosniff"));
}

void TestSpilledBodies::overTheLimitIsRefusedUnread()
{
    // The limit is checked on the head, before anything is written.
    const QByteArray head = "PUT /files/huge.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                            + QByteArray::number(AwsEndpoint::kRequestLimit + 1) + "\r\n\r\n";
    const QByteArray answer = rawExchange(mCloud->endpoint->port(), {head, bodyOf(4 * 1024 * 1024)}, true);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(300).constData());
    QVERIFY(spillFiles().isEmpty());
}

void TestSpilledBodies::foreignHostIsRefusedUnread()
{
    const QByteArray body = bodyOf(2 * 1024 * 1024);
    const QByteArray head = "PUT /files/rebound.bin HTTP/1.1\r\nHost: attacker.example\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n";
    const QByteArray answer = rawExchange(mCloud->endpoint->port(), {head, body}, true);
    QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.left(300).constData());
    QVERIFY(spillFiles().isEmpty());
    QCOMPARE(httpRequest("GET", url("rebound.bin")).status, 404L);
}

void TestSpilledBodies::abandonedBodyLeavesNoFile()
{
    // A client that goes away halfway: its file goes with its connection, nothing is stored.
    const QByteArray body = bodyOf(3 * 1024 * 1024);
    const QByteArray head = "PUT /files/abandoned.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n";
    rawExchange(mCloud->endpoint->port(), {head, body.left(body.size() / 2)}, false);
    QTRY_VERIFY(spillFiles().isEmpty());
    QCOMPARE(httpRequest("GET", url("abandoned.bin")).status, 404L);
}

void TestSpilledBodies::chunkedBodyIsLeftToTheServer()
{
    // A chunked body beside a Content-Length is not the length's bytes: the HTTP server,
    // which decodes it, keeps it (stored with its chunk lines, it would be a wrong object).
    const QByteArray body = bodyOf(AwsEndpoint::kSpillThreshold);
    const QByteArray chunked = QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n";
    const QByteArray head = "PUT /files/chunked.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                            "Content-Length: "
                            + QByteArray::number(chunked.size()) + "\r\n\r\n";
    const QByteArray answer = rawExchange(mCloud->endpoint->port(), {head, chunked}, true, 20, 2);
    QVERIFY2(!answer.toLower().contains("connection: close"), answer.left(300).constData());
    QVERIFY(spillFiles().isEmpty());
    const HttpReply get = httpRequest("GET", url("chunked.bin"));
    if (get.status == 200)
        QVERIFY(get.body == body);
}

void TestSpilledBodies::malformedRequestLineIsLeftToTheServer()
{
    // The guard takes only a request line the HTTP server would have read as one.
    const QByteArray body = bodyOf(AwsEndpoint::kSpillThreshold);
    const QByteArray head = "PUT /files/noversion.bin\r\nHost: 127.0.0.1\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n";
    const QByteArray answer = rawExchange(mCloud->endpoint->port(), {head, body}, true, 20, 2);
    QVERIFY2(!answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    QVERIFY(spillFiles().isEmpty());
    QCOMPARE(httpRequest("GET", url("noversion.bin")).status, 404L);
}

QTEST_GUILESS_MAIN(TestSpilledBodies)
#include "tst_spilledbodies.moc"
