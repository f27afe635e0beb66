#pragma once

// The providers' price lists, recorded (tests/unit/data/pricelists), served over https
// from a thread of its own by a local server whose certificate a test CA signed: what
// tst_pricelists and tst_priceupdatedialog read instead of AWS's and Azure's hosts.

#include "testutil.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>

namespace NimbusTest {

class PriceListServer : public QThread
{
public:
    ~PriceListServer() override
    {
        quit();
        wait();
    }

    // Makes the CA and the server's certificate, starts serving and waits until it listens.
    bool begin()
    {
        const QString dir = mCerts.path();
        const bool made =
            mCerts.isValid()
            && writeAll(mCerts.filePath(QStringLiteral("server.ext")),
                        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
            && openssl("req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=Nimbus-test-CA")
            && openssl("req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1")
            && openssl("x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
                       "-extfile server.ext");
        if (!made)
            return false;
        start();
        mReady.acquire();
        return mPort != 0;
    }

    QString origin() const { return QStringLiteral("https://127.0.0.1:%1").arg(mPort); }
    // The certificates a client trusts to reach this server.
    QString caFile() const { return mCerts.filePath(QStringLiteral("ca.pem")); }

    // Another body for a path, or "SLOW" (the recorded one, after 3 s); clear() undoes them all.
    void override(const QString &path, const QByteArray &body)
    {
        QMutexLocker lock(&mMutex);
        mOverrides.insert(path, body);
    }
    void clear()
    {
        QMutexLocker lock(&mMutex);
        mOverrides.clear();
    }

protected:
    void run() override
    {
        QHttpServer server;
        server.route("/<arg>", [this](const QUrl &path, const QHttpServerRequest &request) {
            return answer(QLatin1Char('/') + path.path(), QUrlQuery(request.url()));
        });
        QFile c(mCerts.filePath(QStringLiteral("server.pem"))), k(mCerts.filePath(QStringLiteral("server.key")));
        c.open(QIODevice::ReadOnly);
        k.open(QIODevice::ReadOnly);
        server.sslSetup(QSslCertificate(&c), QSslKey(&k, QSsl::Rsa));
        mPort = server.listen(QHostAddress::LocalHost);
        mReady.release();
        exec();
    }

private:
    bool openssl(const char *arguments) const
    {
        QProcess p;
        p.setWorkingDirectory(mCerts.path());
        p.start(QStringLiteral("openssl"), QString::fromLatin1(arguments).split(QLatin1Char(' ')));
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QHttpServerResponse answer(const QString &path, const QUrlQuery &query)
    {
        QString file = path;
        if (path == QLatin1String("/api/retail/prices")) {
            const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
            const bool second = query.queryItemValue(QStringLiteral("$skip")) == QLatin1String("100");
            file = filter.contains(QLatin1String("'Functions'"))
                       ? QString::fromLatin1(second ? "/azure/functions-page2.json" : "/azure/functions-page1.json")
                       : QStringLiteral("/azure/vms-page1.json");
        }
        QByteArray body;
        {
            QMutexLocker lock(&mMutex);
            body = mOverrides.value(file);
        }
        if (body == "SLOW") {
            QThread::msleep(3000);
            body.clear();
        }
        if (body.isEmpty()) {
            body = readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/unit/data/pricelists") + file);
            if (body.isEmpty())
                return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
        }
        // The recorded pages link to Azure's host; here the next page is this server's.
        body.replace("https://prices.azure.com:443", origin().toUtf8());
        return QHttpServerResponse("application/json", body);
    }

    QTemporaryDir mCerts;
    quint16 mPort = 0;
    QSemaphore mReady;
    QMutex mMutex;
    QMap<QString, QByteArray> mOverrides;
};

} // namespace NimbusTest
