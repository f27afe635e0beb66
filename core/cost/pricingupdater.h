#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>

class QThread;

namespace Nimbus {

// "Update prices from URL": downloads a pricing catalog with libcurl on a worker
// thread (https with certificate checks; plain http only to this machine, for local
// mirrors), with a size cap, a timeout, progress and cancel. A catalog that fails to
// download or to validate changes nothing: the last good one stays in use.
class PricingUpdater : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBytes = 4 * 1024 * 1024;
        int timeoutMs = 60'000;
        int connectTimeoutMs = 15'000;
    };

    explicit PricingUpdater(QString userDirectory, QObject *parent = nullptr);
    ~PricingUpdater() override;

    void setLimits(const Limits &limits) { mLimits = limits; }
    QString userDirectory() const { return mUserDirectory; }

    // Starts a download; false (with errorString) if one runs or the address is refused.
    bool start(const QUrl &url);
    void cancel() { mCancel = true; }
    bool isRunning() const { return mThread != nullptr; }
    QString errorString() const { return mError; }

    // The whole job, on the calling thread: download, check, install. Used by start()
    // on its worker thread and by the command line. On success *message says what
    // was installed; on failure it says why and that nothing changed.
    static bool update(const QUrl &url, const QString &userDirectory, const Limits &limits,
                       const std::atomic<bool> &cancel, const std::function<void(qint64, qint64)> &progress,
                       QString *message);
    // Why an address is refused, or empty when it may be fetched.
    static QString refusal(const QUrl &url);

signals:
    void progress(qint64 received, qint64 total);
    void finished(bool ok, const QString &message);

private:
    QString mUserDirectory;
    Limits mLimits;
    std::atomic<bool> mCancel{false};
    QThread *mThread = nullptr;
    QString mError;
};

} // namespace Nimbus
