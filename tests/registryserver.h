#pragma once

// A fake npm registry for the runtime installer's tests: plain http on 127.0.0.1, served
// from a thread of its own, answering the paths it was given (a package's metadata, a
// tarball) and 404 otherwise; a path may be slowed down to test a cancel.

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QMap>
#include <QMutex>
#include <QSemaphore>
#include <QThread>

namespace NimbusTest {

class RegistryServer : public QThread
{
public:
    ~RegistryServer() override
    {
        quit();
        wait();
    }

    bool begin()
    {
        start();
        mReady.acquire();
        return mPort != 0;
    }

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(mPort); }

    void serve(const QString &path, const QByteArray &body, int delayMs = 0)
    {
        QMutexLocker lock(&mMutex);
        mBodies.insert(path, {body, delayMs});
    }

protected:
    void run() override
    {
        QHttpServer server;
        server.route("/<arg>", [this](const QUrl &path) {
            const QString wanted = QLatin1Char('/') + path.path();
            QPair<QByteArray, int> body;
            {
                QMutexLocker lock(&mMutex);
                if (!mBodies.contains(wanted))
                    return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
                body = mBodies.value(wanted);
            }
            if (body.second > 0)
                QThread::msleep(body.second);
            return QHttpServerResponse("application/octet-stream", body.first);
        });
        mPort = server.listen(QHostAddress::LocalHost);
        mReady.release();
        exec();
    }

private:
    QMutex mMutex;
    QMap<QString, QPair<QByteArray, int>> mBodies;
    QSemaphore mReady;
    quint16 mPort = 0;
};

} // namespace NimbusTest
