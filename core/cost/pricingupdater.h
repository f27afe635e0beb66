#pragma once

#include "result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QUrl>

#include <functional>

namespace Nimbus {

// "Update prices from URL": downloads a pricing catalog with libcurl on a pool thread
// (https with certificate checks; plain http only to this machine, for local mirrors),
// with a size cap, a timeout, progress and cancel. A catalog that fails to download or
// to validate changes nothing: the last good one stays in use.
class PricingUpdater
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::PricingUpdater)

public:
    struct Limits
    {
        qint64 maxBytes = 4 * 1024 * 1024;
        // What fetchStream() reads at most: it keeps nothing of the body, so far more.
        qint64 maxStreamBytes = 8LL * 1024 * 1024 * 1024;
        int timeoutMs = 60'000;
        int connectTimeoutMs = 15'000;
        // Certificates to trust instead of the system's (a local mirror, the tests' own CA).
        QString caFile;
    };

    // Called as bytes arrive (total is 0 until the server tells it); false cancels.
    using Progress = std::function<bool(qint64 received, qint64 total)>;
    // Called with each piece of a streamed body as it arrives; false stops the transfer.
    using Chunk = std::function<bool(QByteArrayView chunk)>;

    // Downloads, checks and installs the catalog at url into userDirectory, on a pool
    // thread (QtConcurrent). The future's progress counts the bytes received (its range
    // is the size once the server tells it); cancelling it stops the transfer and
    // changes nothing (a cancelled future carries no result), unless the catalog was
    // already installed: its result is reported, atomically with respect to a cancel,
    // just before the file is replaced. The result says what was installed, or why
    // nothing changed.
    static QFuture<Result<QString>> update(const QUrl &url, const QString &userDirectory, const Limits &limits);
    static QFuture<Result<QString>> update(const QUrl &url, const QString &userDirectory);
    // Why an address is refused, or empty when it may be fetched.
    static QString refusal(const QUrl &url);
    // The body at url with the same checks, limits and refusals, on the calling thread;
    // the error says why there is none, in words that follow "... from URL: ".
    static Result<QByteArray> fetch(const QUrl &url, const Limits &limits, const Progress &progress);
    // The same download handed to onChunk piece by piece, nothing of it kept: for files far
    // larger than memory allows (up to limits.maxStreamBytes). When onChunk stops it, the
    // error says so; onChunk's owner knows why.
    static Result<void> fetchStream(const QUrl &url, const Limits &limits, const Chunk &onChunk,
                                    const Progress &progress);
    // The size the server states for url (a HEAD request), -1 when it states none.
    static Result<qint64> size(const QUrl &url, const Limits &limits);
};

} // namespace Nimbus
