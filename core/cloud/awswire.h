#pragma once

// Helpers shared by the AWS endpoint's services (internal to core/cloud).

#include "httproutes.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Nimbus::AwsWire {

inline void addHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value)
{
    headers.append(qMakePair(name, value));
}

// A form body or query string as ordered pairs, '+' read as a space.
QList<QPair<QString, QString>> formPairs(const QByteArray &encoded);
// The query protocol's flattened parameters (Entry.1.Id, MessageAttribute.1.Value.DataType,
// Entries.member.1.Id, MessageAttributes.entry.1.Name ...) as the JSON protocol's shapes.
QJsonObject queryToJson(const QList<QPair<QString, QString>> &pairs);

// An XML answer of the query protocol: <OpResponse><OpResult>fields</OpResult>
// <ResponseMetadata/></OpResponse>, from the JSON protocol's answer.
QByteArray queryResponse(const QString &operation, const QJsonObject &result, const QString &xmlns,
                         const QString &requestId);
QByteArray queryError(const QString &code, const QString &message, bool sender, const QString &requestId);

// The JSON protocol's error answer.
HttpResponseData jsonError(int status, const QString &typePrefix, const QString &type, const QString &message);
HttpResponseData jsonAnswer(const QJsonObject &body, const QByteArray &contentType = "application/x-amz-json-1.0");
// The same with its body already written (QJsonDocument's compact text of the answer).
HttpResponseData jsonAnswer(const QByteArray &body, const QByteArray &contentType = "application/x-amz-json-1.0");

HttpResponseData xmlAnswer(int status, const QByteArray &xml);

// SQS's MD5 of a message's attributes (SDK shape: name -> {DataType, StringValue|BinaryValue}).
QString md5OfMessageAttributes(const QJsonObject &attributes);
QString md5Hex(const QByteArray &data);

// The content of an aws-chunked body (chunk-size;chunk-signature=... lines with
// trailers), as SDKs send streaming uploads; nullopt when it is malformed. trailers (if
// given) gets the trailing headers (x-amz-checksum-crc32 ...), names in lower case.
std::optional<QByteArray> decodeAwsChunked(const QByteArray &body, HttpHeaders *trailers = nullptr);

// 2026-11-23T10:00:00.000Z and RFC 1123 (Last-Modified) forms of a time.
QString isoTime(const QDateTime &time);
QByteArray httpDate(const QDateTime &time);

} // namespace Nimbus::AwsWire
