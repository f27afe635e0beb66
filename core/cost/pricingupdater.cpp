#include "pricingupdater.h"

#include "pricingcatalog.h"

#include <QDir>
#include <QHostAddress>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent>

#include <curl/curl.h>

#include <functional>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

using Promise = QPromise<Result<QString>>;

struct Transfer
{
    PricingUpdater::Chunk sink; // where the body goes
    qint64 received = 0;
    qint64 maxBytes = 0; // 0: no cap (a HEAD request)
    bool tooLarge = false;
    bool stopped = false; // the sink said no more
    const PricingUpdater::Progress *progress = nullptr;
};

size_t onData(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    if (t->maxBytes > 0 && t->received + qint64(bytes) > t->maxBytes) {
        t->tooLarge = true;
        return 0; // makes curl stop with CURLE_WRITE_ERROR
    }
    t->received += qint64(bytes);
    if (!t->sink(QByteArrayView(data, qsizetype(bytes)))) {
        t->stopped = true;
        return 0;
    }
    return bytes;
}

// Also how a cancel reaches a transfer that waits for the server: curl calls it often.
int onProgress(void *user, curl_off_t total, curl_off_t received, curl_off_t, curl_off_t)
{
    auto *t = static_cast<Transfer *>(user);
    return (*t->progress)(qint64(received), qint64(total)) ? 0 : 1;
}

bool isLoopback(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

void setOptions(CURL *curl, const QByteArray &address, const PricingUpdater::Limits &limits, Transfer *transfer,
                char *errorBuffer)
{
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
    // Refused from the stated length before any of the body is read.
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(transfer->maxBytes));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onData);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "NimbusStudio-pricing/1");
    if (!limits.caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, QFile::encodeName(limits.caFile).constData());
}

// Runs one transfer of url into t (a HEAD request when head); returns the length the
// server stated (-1: none), or why it failed (in words that follow "... from URL: ").
Result<qint64> perform(const QUrl &url, const PricingUpdater::Limits &limits, Transfer &t, bool head = false)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    const std::unique_ptr<CURL, void (*)(CURL *)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        return fail(PricingUpdater::tr("libcurl could not start"));
    char curlError[CURL_ERROR_SIZE] = {};
    setOptions(curl.get(), url.toEncoded(), limits, &t, curlError);
    if (head)
        curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
    const CURLcode code = curl_easy_perform(curl.get());
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);

    if (code == CURLE_ABORTED_BY_CALLBACK)
        return fail(PricingUpdater::tr("cancelled"));
    if (t.stopped)
        return fail(PricingUpdater::tr("the reader stopped the transfer"));
    if (t.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
        return fail(PricingUpdater::tr("the file is larger than the %1 KB allowed").arg(t.maxBytes / 1024));
    if (code == CURLE_OPERATION_TIMEDOUT)
        return fail(PricingUpdater::tr("no complete answer within %1 s").arg(limits.timeoutMs / 1000.0));
    if (code == CURLE_HTTP_RETURNED_ERROR)
        return fail(PricingUpdater::tr("the server answered HTTP %1").arg(status));
    if (code != CURLE_OK)
        return fail(QString::fromUtf8(curlError[0] ? curlError : curl_easy_strerror(code)));
    curl_off_t length = -1;
    curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    return qint64(length);
}

// The body at url, or why there is none (in words that follow "Prices not updated from ...: ").
Result<QByteArray> download(const QUrl &url, const PricingUpdater::Limits &limits,
                            const PricingUpdater::Progress &progress)
{
    QByteArray body;
    Transfer transfer;
    transfer.sink = [&body](QByteArrayView chunk) {
        body.append(chunk);
        return true;
    };
    transfer.maxBytes = limits.maxBytes;
    transfer.progress = &progress;
    if (const Result<qint64> done = perform(url, limits, transfer); !done)
        return done.error();
    return body;
}

// Checks the catalog, replaces the provider's file atomically, then gives report() the
// news (the promise's result: false when the update was cancelled meanwhile, and the
// previous file is put back).
Result<QString> install(const QByteArray &body, const QUrl &url, const QString &userDirectory,
                        const std::function<bool(const QString &installed)> &report)
{
    const auto parsed = PricingCatalog::parse(body, url.fileName().isEmpty() ? url.toString() : url.fileName());
    if (!parsed)
        return fail(PricingUpdater::tr("the file is not a valid pricing catalog: %1").arg(parsed.errorMessage()));
    const std::shared_ptr<const PricingCatalog> &catalog = *parsed;

    if (!QDir().mkpath(userDirectory))
        return fail(PricingUpdater::tr("the folder %1 cannot be created").arg(QDir::toNativeSeparators(userDirectory)));
    // One file per provider: a newer download replaces the older.
    QString base = catalog->provider().toLower();
    base.replace(QRegularExpression(u"[^a-z0-9_-]"_s), u"-"_s);
    QSaveFile file(QDir(userDirectory).filePath(base + u".json"_s));
    auto cannotWrite = [&] {
        return fail(PricingUpdater::tr("%1 cannot be written: %2")
                        .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.flush())
        return cannotWrite();
    const QString installed = PricingUpdater::tr("Prices of %1 (%2) updated: collected %3, %n price(s), from %4.",
                                                 nullptr, int(catalog->prices().size()))
                                  .arg(catalog->providerName(), catalog->region(), catalog->collected(),
                                       url.toString());
    // The file in place before: it goes back if the update is cancelled once installed.
    QFile previousFile(file.fileName());
    const bool hadPrevious = previousFile.exists();
    QByteArray previous;
    if (hadPrevious) {
        if (!previousFile.open(QIODevice::ReadOnly))
            return fail(PricingUpdater::tr("%1 cannot be written: %2")
                            .arg(QDir::toNativeSeparators(file.fileName()), previousFile.errorString()));
        previous = previousFile.readAll();
        previousFile.close();
    }
    // Installed first, then reported: a success is never claimed for a file that could
    // not be written.
    if (!file.commit())
        return cannotWrite();
    if (!report(installed)) {
        if (!hadPrevious) {
            QFile::remove(file.fileName());
        } else {
            QSaveFile back(file.fileName());
            if (!back.open(QIODevice::WriteOnly) || back.write(previous) != previous.size() || !back.commit())
                return fail(PricingUpdater::tr("%1 cannot be written: %2")
                                .arg(QDir::toNativeSeparators(back.fileName()), back.errorString()));
        }
        return fail(PricingUpdater::tr("cancelled"));
    }
    return installed;
}

// The whole job: download, check, install; the result goes to the promise.
void run(const QUrl &url, const QString &userDirectory, const PricingUpdater::Limits &limits, Promise &promise)
{
    auto notUpdated = [&](const QString &why) {
        return fail(PricingUpdater::tr("Prices not updated from %1: %2. The prices in use are unchanged.")
                        .arg(url.toString(), why));
    };
    if (const QString refused = PricingUpdater::refusal(url); !refused.isEmpty()) {
        promise.addResult(notUpdated(refused));
        return;
    }
    qint64 reportedTotal = 0;
    const Result<QByteArray> body = download(url, limits, [&](qint64 received, qint64 total) {
        if (promise.isCanceled())
            return false;
        // Bytes fit an int: the transfer stops at maxBytes.
        if (total > 0 && total != reportedTotal && total <= limits.maxBytes) {
            reportedTotal = total;
            promise.setProgressRange(0, int(total));
        }
        if (received <= limits.maxBytes)
            promise.setProgressValue(int(received));
        return true;
    });
    if (!body) {
        promise.addResult(notUpdated(body.errorMessage()));
        return;
    }
    bool reported = false;
    const Result<QString> installed = install(*body, url, userDirectory, [&](const QString &message) {
        return reported = promise.addResult(Result<QString>(message));
    });
    if (!reported)
        promise.addResult(installed ? installed : notUpdated(installed.errorMessage()));
}

} // namespace

QString PricingUpdater::refusal(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("'%1' is not a web address").arg(url.toString());
    if (url.scheme() == "https"_L1)
        return {};
    if (url.scheme() == "http"_L1 && isLoopback(url.host()))
        return {};
    return tr("only https:// addresses are accepted (plain http only on this machine), not '%1'").arg(url.toString());
}

// Downloads run on threads that end with their job: libcurl's TLS keeps OpenSSL state
// per thread, freed only when that thread ends (a pooled thread idling on would hold it
// past the program's end, and the leak checker rightly complains).
static QThreadPool *downloadPool()
{
    static QThreadPool pool;
    pool.setExpiryTimeout(0);
    return &pool;
}

Result<QByteArray> PricingUpdater::fetch(const QUrl &url, const Limits &limits, const Progress &progress)
{
    if (const QString refused = refusal(url); !refused.isEmpty())
        return fail(refused);
    return download(url, limits, progress);
}

Result<void> PricingUpdater::fetchStream(const QUrl &url, const Limits &limits, const Chunk &onChunk,
                                         const Progress &progress)
{
    if (const QString refused = refusal(url); !refused.isEmpty())
        return fail(refused);
    Transfer transfer;
    transfer.sink = onChunk;
    transfer.maxBytes = limits.maxStreamBytes;
    transfer.progress = &progress;
    if (const Result<qint64> done = perform(url, limits, transfer); !done)
        return done.error();
    return {};
}

Result<qint64> PricingUpdater::size(const QUrl &url, const Limits &limits)
{
    if (const QString refused = refusal(url); !refused.isEmpty())
        return fail(refused);
    const Progress any = [](qint64, qint64) { return true; };
    Transfer transfer;
    transfer.sink = [](QByteArrayView) { return true; };
    transfer.progress = &any;
    return perform(url, limits, transfer, true);
}

QFuture<Result<QString>> PricingUpdater::update(const QUrl &url, const QString &userDirectory, const Limits &limits)
{
    return QtConcurrent::run(
        downloadPool(), [url, userDirectory, limits](Promise &promise) { run(url, userDirectory, limits, promise); });
}

QFuture<Result<QString>> PricingUpdater::update(const QUrl &url, const QString &userDirectory)
{
    return update(url, userDirectory, Limits());
}

} // namespace Nimbus
