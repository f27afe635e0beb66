#pragma once

// What the local servers read of a Qt HttpServer request (internal to core/cloud).

#include "httproutes.h"

#include <QHttpServerRequest>
#include <QString>

namespace Nimbus {

inline QString httpMethodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("UNKNOWN");
    }
}

// Method, decoded path, raw query, headers, body, peer and time of a request.
inline void readRequest(const QHttpServerRequest &request, HttpRequestData *data)
{
    data->method = httpMethodName(request.method());
    data->path = request.url().path(QUrl::FullyDecoded);
    if (data->path.isEmpty())
        data->path = QStringLiteral("/");
    data->query = request.url().query(QUrl::FullyEncoded).toUtf8();
    data->headers = request.headers();
    data->body = request.body();
    data->sourceIp = request.remoteAddress().toString();
    data->when = QDateTime::currentDateTimeUtc();
}

} // namespace Nimbus
