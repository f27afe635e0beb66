#include "pricingupdater.h"

#include "pricingcatalog.h"

#include <QDir>
#include <QHostAddress>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>

#include <curl/curl.h>

#include <mutex>

namespace Nimbus {

namespace {

struct Transfer
{
    QByteArray body;
    qint64 maxBytes = 0;
    bool tooLarge = false;
    const std::atomic<bool> *cancel = nullptr;
    const std::function<void(qint64, qint64)> *progress = nullptr;
};

size_t onData(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    if (t->body.size() + qint64(bytes) > t->maxBytes) {
        t->tooLarge = true;
        return 0; // makes curl stop with CURLE_WRITE_ERROR
    }
    t->body.append(data, qsizetype(bytes));
    return bytes;
}

int onProgress(void *user, curl_off_t total, curl_off_t received, curl_off_t, curl_off_t)
{
    auto *t = static_cast<Transfer *>(user);
    if (t->cancel->load())
        return 1;
    if (*t->progress)
        (*t->progress)(qint64(received), qint64(total));
    return 0;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

PricingUpdater::PricingUpdater(QString userDirectory, QObject *parent)
    : QObject(parent), mUserDirectory(std::move(userDirectory))
{ }

PricingUpdater::~PricingUpdater()
{
    if (mThread) {
        mCancel = true;
        mThread->wait();
    }
}

QString PricingUpdater::refusal(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("'%1' is not a web address").arg(url.toString());
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return {};
    return tr("only https:// addresses are accepted (plain http only on this machine), not '%1'").arg(url.toString());
}

bool PricingUpdater::start(const QUrl &url)
{
    if (mThread) {
        mError = tr("a price update is already running");
        return false;
    }
    mError = refusal(url);
    if (!mError.isEmpty())
        return false;
    mCancel = false;
    QPointer<PricingUpdater> self(this);
    const QString directory = mUserDirectory;
    const Limits limits = mLimits;
    mThread = QThread::create([self, url, directory, limits, this] {
        const std::function<void(qint64, qint64)> progress = [self](qint64 received, qint64 total) {
            if (self)
                QMetaObject::invokeMethod(
                    self,
                    [self, received, total] {
                    if (self)
                        emit self->progress(received, total);
                    },
                    Qt::QueuedConnection);
        };
        QString message;
        const bool ok = update(url, directory, limits, mCancel, progress, &message);
        QMetaObject::invokeMethod(
            self,
            [self, ok, message] {
            if (!self)
                return;
            self->mThread->wait();
            self->mThread->deleteLater();
            self->mThread = nullptr;
            emit self->finished(ok, message);
            },
            Qt::QueuedConnection);
    });
    mThread->start();
    return true;
}

bool PricingUpdater::update(const QUrl &url, const QString &userDirectory, const Limits &limits,
                            const std::atomic<bool> &cancel, const std::function<void(qint64, qint64)> &progress,
                            QString *message)
{
    auto fail = [&](const QString &why) {
        *message = tr("Prices not updated from %1: %2. The prices in use are unchanged.").arg(url.toString(), why);
        return false;
    };
    if (const QString refused = refusal(url); !refused.isEmpty())
        return fail(refused);

    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    CURL *curl = curl_easy_init();
    if (!curl)
        return fail(tr("libcurl could not start"));
    Transfer transfer;
    transfer.maxBytes = limits.maxBytes;
    transfer.cancel = &cancel;
    transfer.progress = &progress;
    char curlError[CURL_ERROR_SIZE] = {};
    const QByteArray address = url.toEncoded();
    curl_easy_setopt(curl, CURLOPT_URL, address.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(limits.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(limits.connectTimeoutMs));
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBytes));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onData);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curlError);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "NimbusStudio-pricing/1");
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);

    if (code == CURLE_ABORTED_BY_CALLBACK)
        return fail(tr("cancelled"));
    if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
        return fail(tr("the file is larger than the %1 KB allowed").arg(limits.maxBytes / 1024));
    if (code == CURLE_OPERATION_TIMEDOUT)
        return fail(tr("no complete answer within %1 s").arg(limits.timeoutMs / 1000.0));
    if (code == CURLE_HTTP_RETURNED_ERROR)
        return fail(tr("the server answered HTTP %1").arg(status));
    if (code != CURLE_OK)
        return fail(QString::fromUtf8(curlError[0] ? curlError : curl_easy_strerror(code)));

    QString error;
    const auto catalog = PricingCatalog::parse(transfer.body,
                                               url.fileName().isEmpty() ? url.toString() : url.fileName(), &error);
    if (!catalog)
        return fail(tr("the file is not a valid pricing catalog: %1").arg(error));

    if (!QDir().mkpath(userDirectory))
        return fail(tr("the folder %1 cannot be created").arg(QDir::toNativeSeparators(userDirectory)));
    // One file per provider: a newer download replaces the older, atomically.
    QString base = catalog->provider().toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9_-]")), QStringLiteral("-"));
    QSaveFile file(QDir(userDirectory).filePath(base + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(transfer.body) != transfer.body.size() || !file.commit())
        return fail(tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    *message = tr("Prices of %1 (%2) updated: collected %3, %n price(s), from %4.", nullptr,
                  int(catalog->prices().size()))
                   .arg(catalog->providerName(), catalog->region(), catalog->collected(), url.toString());
    return true;
}

} // namespace Nimbus
