#include "httpclient.h"

#include <QCoreApplication>
#include <QFile>

#include <curl/curl.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Nimbus::HttpClient {

namespace {
struct Exchange
{
    const Request &request;
    Answer answer;
};

size_t collect(char *data, size_t size, size_t count, void *target)
{
    auto *exchange = static_cast<Exchange *>(target);
    const qsizetype bytes = qsizetype(size * count);
    if (exchange->request.sink)
        return exchange->request.sink(QByteArray::fromRawData(data, bytes)) ? size * count : 0;
    const qsizetype room = exchange->request.answerLimit - exchange->answer.body.size();
    exchange->answer.body.append(data, std::min(bytes, std::max<qsizetype>(room, 0)));
    exchange->answer.truncated = exchange->answer.truncated || bytes > room;
    return size * count;
}

int progress(void *target, curl_off_t total, curl_off_t received, curl_off_t, curl_off_t)
{
    const auto *exchange = static_cast<Exchange *>(target);
    if (exchange->request.progress)
        exchange->request.progress(qint64(received), qint64(total));
    return exchange->request.cancelled && exchange->request.cancelled() ? 1 : 0;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::HttpClient", text);
}
} // namespace

Result<Answer> exchange(const Request &request)
{
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        return fail(tr("libcurl could not start"));
    curl_slist *list = nullptr;
    for (const QByteArray &header : request.headers)
        list = curl_slist_append(list, header.constData());
    list = curl_slist_append(list, "Expect:");
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(list, curl_slist_free_all);

    Exchange exchange{request, {}};
    const QByteArray url = request.url.toUtf8();
    CURL *handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, request.https ? "https,http" : "http");
    const QByteArray caFile = QFile::encodeName(request.caFile);
    if (!caFile.isEmpty())
        curl_easy_setopt(handle, CURLOPT_CAINFO, caFile.constData());
    if (!request.https)
        curl_easy_setopt(handle, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.constData());
    if (!request.body.isEmpty() || request.method != "GET") {
        curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
    }
    if (request.method == "HEAD")
        curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &exchange);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, long(request.timeoutSeconds));
    if (request.followRedirects) {
        curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(handle, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, request.https ? "https" : "http");
    }

    const CURLcode code = curl_easy_perform(handle);
    if (code == CURLE_ABORTED_BY_CALLBACK || (code == CURLE_WRITE_ERROR && request.cancelled && request.cancelled()))
        return fail(tr("cancelled"));
    if (code != CURLE_OK)
        return fail(QString::fromUtf8(curl_easy_strerror(code)));
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &exchange.answer.status);
    const char *type = nullptr;
    if (curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
        exchange.answer.contentType = type;
    return exchange.answer;
}

} // namespace Nimbus::HttpClient
