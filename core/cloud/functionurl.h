#pragma once

#include "httproutes.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Nimbus {

class Architecture;

// A function's URL (its functionUrl properties), as the local gateway serves it: at
// /_url/<function>/ on the gateway's address, with the Function URL event (payload 2.0,
// routeKey $default), AWS_IAM auth as the presence of a Signature Version 4 signature
// (the local cloud checks no keys: an unsigned request gets AWS's 403), CORS for the
// origins configured, and, in RESPONSE_STREAM mode, the answer streamed as it is written.
struct FunctionUrl
{
    static constexpr const char *kPrefix = "/_url/";

    QString function;
    bool iam = true; // AWS_IAM; false: NONE
    QStringList origins; // CORS: allowed origins, "*" for any; empty for no CORS
    bool streaming = false; // invokeMode RESPONSE_STREAM

    // The path of a function's URL on the gateway: "/_url/orders/".
    static QString pathOf(const QString &function);
    // The functions of the design with a URL, by name.
    static QHash<QString, FunctionUrl> fromDesign(const Architecture &architecture);
    // The function a request's path names and the rest of the path ("/" at least).
    static std::optional<std::pair<QString, QString>> split(const QString &path);

    // The Function URL event for request, whose path on the URL is rawPath.
    QJsonObject event(const HttpRequestData &request, const QString &rawPath, const QString &requestId) const;
    // Whether the request carries a Signature Version 4 signature (header or query).
    static bool isSigned(const HttpRequestData &request);
    // The CORS headers of an answer to request (none when its origin is not allowed).
    HttpHeaders corsHeaders(const HttpRequestData &request) const;
};

// A streamed answer as a function writes it: with HttpResponseStream.from, a JSON prelude
// ({statusCode, headers, cookies}) and eight NUL bytes, then the body; without, only the
// body (200, application/octet-stream). feed() keeps the first bytes until it can tell.
class StreamedAnswer
{
public:
    // The body bytes ready to send after chunk; head() is known once this returns any or
    // once finish() is called.
    QByteArray feed(const QByteArray &chunk);
    QByteArray finish();
    bool headKnown() const { return mHeadKnown; }
    int status() const { return mStatus; }
    HttpHeaders headers() const { return mHeaders; }

private:
    void parsePrelude(const QByteArray &prelude);
    QByteArray mPending;
    bool mHeadKnown = false;
    int mStatus = 200;
    HttpHeaders mHeaders;
};

} // namespace Nimbus
