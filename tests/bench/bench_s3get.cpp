// The memory a whole-object S3 GET takes (issue 23): an object of NIMBUS_BENCH_S3_MB
// megabytes (64 unless set; 1024 for the figure), assembled on disk from parts,
// fetched by curl from the running endpoint. Reports the server's peak resident memory
// during the GET above what it held before (VmHWM reset through /proc/self/clear_refs)
// and the time; asserts only that every byte arrived.

#include "cloudfixture.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace Nimbus;

namespace {

// A field of /proc/self/status in kB (VmRSS, VmHWM), -1 when unreadable.
qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace

class BenchS3Get : public QObject
{
    Q_OBJECT

private slots:
    void wholeObjectGet();
};

void BenchS3Get::wholeObjectGet()
{
    const qint64 megabytes = qEnvironmentVariableIsSet("NIMBUS_BENCH_S3_MB")
                                 ? qEnvironmentVariableIntValue("NIMBUS_BENCH_S3_MB")
                                 : 64;
    NimbusTest::LocalCloudFixture local;
    QVERIFY2(local.loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/aws"), QStringLiteral("aws.json")),
             qPrintable(local.error));
    QVERIFY2(local.start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(local.error));
    CloudState &state = local.cloud->state();
    const QString bucket = QStringLiteral("files"), key = QStringLiteral("big.bin");
    {
        // Parts of 64 MB written one at a time: the object is never in memory whole.
        const Result<MultipartUpload> upload = state.createUpload(bucket, key,
                                                                  QStringLiteral("application/octet-stream"), {}, {});
        QVERIFY(upload);
        const qint64 partMb = std::min<qint64>(64, megabytes);
        QByteArray part(partMb * 1024 * 1024, 'n');
        QList<int> numbers;
        for (int number = 1; qint64(number - 1) * partMb < megabytes; ++number) {
            QVERIFY(state.putPart(upload->id, number, part));
            numbers.append(number);
        }
        QVERIFY(state.completeUpload(upload->id, numbers, QStringLiteral("bench-%1").arg(numbers.size())));
    }
    const qint64 size = state.objectInfo(bucket, key).valueOr({}).size;
    QVERIFY(size >= megabytes * 1024 * 1024);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    QVERIFY2(clear.open(QIODevice::WriteOnly) && clear.write("5") == 1, "cannot reset the peak (VmHWM)");
    clear.close();
    const qint64 before = statusKb("VmRSS");
    QProcess curl;
    QElapsedTimer timer;
    timer.start();
    curl.start(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                        QStringLiteral("-w"), QStringLiteral("%{http_code} %{size_download}"),
                                        local.endpoint->url() + QStringLiteral("/files/big.bin")});
    QVERIFY2(curl.waitForStarted(), "curl is missing");
    // An event loop as the server's (QTest::qWaitFor sleeps between its turns).
    QEventLoop loop;
    connect(&curl, &QProcess::finished, &loop, &QEventLoop::quit);
    if (curl.state() != QProcess::NotRunning)
        loop.exec();
    const qint64 elapsed = timer.elapsed();
    const QByteArray answer = curl.readAllStandardOutput();
    QCOMPARE(answer, QByteArray("200 ") + QByteArray::number(size));
    const qint64 peak = statusKb("VmHWM");
    qInfo("GET of %lld MB: %lld ms; resident before %lld MB, peak during the GET %lld MB (+%lld MB)", size >> 20,
          elapsed, before >> 10, peak >> 10, (peak - before) >> 10);
}

QTEST_GUILESS_MAIN(BenchS3Get)
#include "bench_s3get.moc"
