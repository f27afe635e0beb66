#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace Nimbus {

// One HTTP exchange with a server on this machine (the local cloud's gateway or control
// path), through libcurl. It blocks until the answer, the timeout or a cancel, so the
// studio calls it off the GUI thread. No proxy is asked, and only http:// is allowed,
// unless the request asks for https (an identity provider's keys, out on the network).
namespace HttpClient {

struct Request
{
    QByteArray method = "GET";
    QString url;
    QList<QByteArray> headers; // "Name: value"
    QByteArray body;
    int timeoutSeconds = 30;
    qsizetype answerLimit = 8 * 1024 * 1024; // a longer answer is cut and marked truncated
    std::function<bool()> cancelled; // polled while waiting; true stops the exchange
    bool https = false; // also https:// (an identity provider's keys), with the proxy the environment names
    QString caFile; // the certificates to trust for https instead of the system's (a private or test CA)
    // Large downloads: the body goes to sink as it arrives (false stops the exchange) rather
    // than into the answer, and progress hears of the bytes received and expected (0: unknown).
    std::function<bool(const QByteArray &chunk)> sink;
    std::function<void(qint64 received, qint64 total)> progress;
    bool followRedirects = false;
};

struct Answer
{
    long status = 0;
    QByteArray contentType;
    QByteArray body;
    bool truncated = false;
};

// The server's answer, whatever its status; an error when there is none (refused,
// timed out, cancelled), saying why.
Result<Answer> exchange(const Request &request);

} // namespace HttpClient

} // namespace Nimbus
