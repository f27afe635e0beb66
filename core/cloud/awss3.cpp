// The S3 part of the AWS endpoint (REST with XML answers).

#include "awsendpoint.h"
#include "awswire.h"
#include "document/project.h"
#include "localcloud.h"

#include <QHostAddress>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

namespace Nimbus {

namespace {

const QString kS3Namespace = QStringLiteral("http://s3.amazonaws.com/doc/2006-03-01/");

HttpResponseData s3Error(int status, const QString &code, const QString &message, const QString &requestId,
                         const QList<QPair<QString, QString>> &extra = {})
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeTextElement(QStringLiteral("Code"), code);
    xml.writeTextElement(QStringLiteral("Message"), message);
    for (const auto &[name, value] : extra)
        xml.writeTextElement(name, value);
    xml.writeTextElement(QStringLiteral("RequestId"), requestId);
    xml.writeEndElement();
    xml.writeEndDocument();
    HttpResponseData r = AwsWire::xmlAnswer(status, out);
    r.headers[0].second = "application/xml";
    r.problem = code + QStringLiteral(": ") + message;
    return r;
}

QString queryValue(const QList<QPair<QString, QString>> &query, const char *name, bool *present = nullptr)
{
    for (const auto &[key, value] : query) {
        if (key == QLatin1String(name)) {
            if (present)
                *present = true;
            return value;
        }
    }
    if (present)
        *present = false;
    return {};
}

QByteArray etagHeader(const QString &etag)
{
    return '"' + etag.toLatin1() + '"';
}

} // namespace

void AwsEndpoint::s3(const AwsRequest &request, const Reply &done)
{
    const auto query = AwsWire::formPairs(request.query);
    // Virtual-hosted style names the bucket in the host (photos.s3.localhost), path
    // style in the first path segment.
    QString bucket, key;
    const bool hostIsName = QHostAddress(request.host).isNull() && request.host != QLatin1String("localhost")
                            && request.host.contains(QLatin1Char('.'));
    const QString hostBucket = request.host.section(QLatin1Char('.'), 0, 0);
    const Node *hosted = hostIsName ? mCloud.project().architecture().nodeByName(hostBucket) : nullptr;
    if (hosted && hosted->kind == QLatin1String("bucket")) {
        bucket = hostBucket;
        key = request.path.mid(1);
    } else {
        const QString path = request.path.mid(1);
        bucket = path.section(QLatin1Char('/'), 0, 0);
        key = path.section(QLatin1Char('/'), 1);
    }
    const QString &id = request.requestId;
    if (bucket.isEmpty()) {
        if (request.method != QLatin1String("GET")) {
            done(s3Error(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The specified method is not allowed against this resource."), id));
            return;
        }
        QByteArray out;
        QXmlStreamWriter xml(&out);
        xml.writeStartDocument();
        xml.writeStartElement(QStringLiteral("ListAllMyBucketsResult"));
        xml.writeDefaultNamespace(kS3Namespace);
        xml.writeStartElement(QStringLiteral("Owner"));
        xml.writeTextElement(QStringLiteral("ID"), QLatin1String(kAccountId));
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("Buckets"));
        for (const auto &[nodeId, node] : mCloud.project().architecture().nodes()) {
            if (node.kind != QLatin1String("bucket"))
                continue;
            xml.writeStartElement(QStringLiteral("Bucket"));
            xml.writeTextElement(QStringLiteral("Name"), node.name);
            xml.writeTextElement(QStringLiteral("CreationDate"), QStringLiteral("2026-01-01T00:00:00.000Z"));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        done(AwsWire::xmlAnswer(200, out));
        return;
    }
    const Node *node = mCloud.project().architecture().nodeByName(bucket);
    if (!node || node->kind != QLatin1String("bucket")) {
        done(s3Error(404, QStringLiteral("NoSuchBucket"), QStringLiteral("The specified bucket does not exist"), id,
                     {{QStringLiteral("BucketName"), bucket}}));
        return;
    }
    CloudState &state = mCloud.state();

    if (key.isEmpty()) {
        if (request.method == QLatin1String("HEAD") || request.method == QLatin1String("PUT")) {
            HttpResponseData r;
            AwsWire::addHeader(r.headers, "x-amz-bucket-region", mCloud.region().toLatin1());
            done(r);
            return;
        }
        bool deleting = false;
        queryValue(query, "delete", &deleting);
        if (request.method == QLatin1String("POST") && deleting) {
            // DeleteObjects: <Delete><Quiet/>?<Object><Key/></Object>...</Delete>
            QStringList keys;
            bool quiet = false;
            QXmlStreamReader reader(request.body);
            while (!reader.atEnd()) {
                reader.readNext();
                if (reader.isStartElement() && reader.name() == QLatin1String("Key"))
                    keys.append(reader.readElementText());
                else if (reader.isStartElement() && reader.name() == QLatin1String("Quiet"))
                    quiet = reader.readElementText() == QLatin1String("true");
            }
            if (reader.hasError() || keys.isEmpty() || keys.size() > 1000) {
                done(s3Error(400, QStringLiteral("MalformedXML"),
                             QStringLiteral("The XML you provided was not well-formed or did not validate against our published schema"), id));
                return;
            }
            QByteArray out;
            QXmlStreamWriter xml(&out);
            xml.writeStartDocument();
            xml.writeStartElement(QStringLiteral("DeleteResult"));
            xml.writeDefaultNamespace(kS3Namespace);
            for (const QString &k : std::as_const(keys)) {
                const bool ok = mCloud.deleteObject(bucket, k, request.cause);
                if (ok && quiet)
                    continue;
                xml.writeStartElement(ok ? QStringLiteral("Deleted") : QStringLiteral("Error"));
                xml.writeTextElement(QStringLiteral("Key"), k);
                if (!ok) {
                    xml.writeTextElement(QStringLiteral("Code"), QStringLiteral("InternalError"));
                    xml.writeTextElement(QStringLiteral("Message"), mCloud.errorString());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            done(AwsWire::xmlAnswer(200, out));
            return;
        }
        if (request.method != QLatin1String("GET")) {
            done(s3Error(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("buckets are made and removed on the canvas"), id));
            return;
        }
        // ListObjectsV2 (list-type=2) or the older ListObjects.
        const bool v2 = queryValue(query, "list-type") == QLatin1String("2");
        const QString prefix = queryValue(query, "prefix");
        const QString delimiter = queryValue(query, "delimiter");
        const bool urlEncoded = queryValue(query, "encoding-type") == QLatin1String("url");
        bool hasMax = false;
        const int maxKeys = std::clamp(queryValue(query, "max-keys", &hasMax).toInt(), 0, 1000);
        const int limit = hasMax ? maxKeys : 1000;
        const QString token = v2 ? QString::fromUtf8(QByteArray::fromBase64(queryValue(query, "continuation-token").toLatin1()))
                                 : QString();
        const QString startAfter = v2 ? queryValue(query, "start-after") : queryValue(query, "marker");
        const QString after = std::max(token, startAfter);
        auto encode = [urlEncoded](const QString &text) {
            return urlEncoded ? QString::fromLatin1(QUrl::toPercentEncoding(text, "/")) : text;
        };
        QList<StoredObject> contents;
        QStringList prefixes;
        bool truncated = false;
        QString last;
        for (const StoredObject &object : state.listObjects(bucket, prefix)) {
            if (!after.isEmpty() && (object.key <= after || (after.endsWith(delimiter) && !delimiter.isEmpty() && object.key.startsWith(after))))
                continue;
            QString common;
            if (!delimiter.isEmpty()) {
                const qsizetype at = object.key.indexOf(delimiter, prefix.size());
                if (at >= 0)
                    common = object.key.left(at + delimiter.size());
            }
            if (!common.isEmpty() && !prefixes.isEmpty() && prefixes.last() == common)
                continue;
            if (contents.size() + prefixes.size() >= limit) {
                truncated = true;
                break;
            }
            if (common.isEmpty()) {
                contents.append(object);
                last = object.key;
            } else {
                prefixes.append(common);
                last = common;
            }
        }
        QByteArray out;
        QXmlStreamWriter xml(&out);
        xml.writeStartDocument();
        xml.writeStartElement(QStringLiteral("ListBucketResult"));
        xml.writeDefaultNamespace(kS3Namespace);
        xml.writeTextElement(QStringLiteral("Name"), bucket);
        xml.writeTextElement(QStringLiteral("Prefix"), encode(prefix));
        if (!delimiter.isEmpty())
            xml.writeTextElement(QStringLiteral("Delimiter"), encode(delimiter));
        xml.writeTextElement(QStringLiteral("MaxKeys"), QString::number(limit));
        if (urlEncoded)
            xml.writeTextElement(QStringLiteral("EncodingType"), QStringLiteral("url"));
        xml.writeTextElement(QStringLiteral("IsTruncated"), truncated ? QStringLiteral("true") : QStringLiteral("false"));
        if (v2) {
            xml.writeTextElement(QStringLiteral("KeyCount"), QString::number(contents.size() + prefixes.size()));
            if (!token.isEmpty())
                xml.writeTextElement(QStringLiteral("ContinuationToken"), queryValue(query, "continuation-token"));
            if (truncated)
                xml.writeTextElement(QStringLiteral("NextContinuationToken"), QString::fromLatin1(last.toUtf8().toBase64()));
            if (!startAfter.isEmpty())
                xml.writeTextElement(QStringLiteral("StartAfter"), encode(startAfter));
        } else {
            xml.writeTextElement(QStringLiteral("Marker"), encode(startAfter));
            if (truncated)
                xml.writeTextElement(QStringLiteral("NextMarker"), encode(last));
        }
        for (const StoredObject &object : std::as_const(contents)) {
            xml.writeStartElement(QStringLiteral("Contents"));
            xml.writeTextElement(QStringLiteral("Key"), encode(object.key));
            xml.writeTextElement(QStringLiteral("LastModified"), AwsWire::isoTime(object.modified));
            xml.writeTextElement(QStringLiteral("ETag"), QString::fromLatin1(etagHeader(object.etag)));
            xml.writeTextElement(QStringLiteral("Size"), QString::number(object.size));
            xml.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
            xml.writeEndElement();
        }
        for (const QString &common : std::as_const(prefixes)) {
            xml.writeStartElement(QStringLiteral("CommonPrefixes"));
            xml.writeTextElement(QStringLiteral("Prefix"), encode(common));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        done(AwsWire::xmlAnswer(200, out));
        return;
    }

    if (key.toUtf8().size() > 1024) {
        done(s3Error(400, QStringLiteral("KeyTooLongError"), QStringLiteral("Your key is too long"), id));
        return;
    }
    bool hasUploads = false;
    queryValue(query, "uploads", &hasUploads);
    if (hasUploads || !queryValue(query, "uploadId").isEmpty()) {
        done(s3Error(501, QStringLiteral("NotImplemented"),
                     QStringLiteral("multipart uploads are not served by the local cloud; upload objects up to %1 MB in one request")
                         .arg(kRequestLimit >> 20), id));
        return;
    }
    auto noSuchKey = [&] {
        return s3Error(404, QStringLiteral("NoSuchKey"), QStringLiteral("The specified key does not exist."), id,
                       {{QStringLiteral("Key"), key}});
    };
    if (request.method == QLatin1String("PUT")) {
        const QByteArray copySource = request.header("x-amz-copy-source");
        if (!copySource.isEmpty()) {
            QString source = QUrl::fromPercentEncoding(copySource.left(copySource.indexOf('?') < 0 ? copySource.size() : copySource.indexOf('?')));
            if (source.startsWith(QLatin1Char('/')))
                source = source.mid(1);
            const QString sourceBucket = source.section(QLatin1Char('/'), 0, 0), sourceKey = source.section(QLatin1Char('/'), 1);
            const Node *from = mCloud.project().architecture().nodeByName(sourceBucket);
            if (!from || from->kind != QLatin1String("bucket")) {
                done(s3Error(404, QStringLiteral("NoSuchBucket"), QStringLiteral("The specified bucket does not exist"), id,
                             {{QStringLiteral("BucketName"), sourceBucket}}));
                return;
            }
            StoredObject original;
            const auto data = state.getObject(sourceBucket, sourceKey, &original);
            if (!data) {
                done(s3Error(404, QStringLiteral("NoSuchKey"), QStringLiteral("The specified key does not exist."), id,
                             {{QStringLiteral("Key"), sourceKey}}));
                return;
            }
            const bool replace = request.header("x-amz-metadata-directive") == "REPLACE";
            const QString type = replace ? QString::fromLatin1(request.header("content-type")) : original.contentType;
            if (!mCloud.putObject(bucket, key, *data, type, request.cause)) {
                done(s3Error(500, QStringLiteral("InternalError"), mCloud.errorString(), id));
                return;
            }
            StoredObject copied;
            state.getObject(bucket, key, &copied);
            QByteArray out;
            QXmlStreamWriter xml(&out);
            xml.writeStartDocument();
            xml.writeStartElement(QStringLiteral("CopyObjectResult"));
            xml.writeDefaultNamespace(kS3Namespace);
            xml.writeTextElement(QStringLiteral("LastModified"), AwsWire::isoTime(copied.modified));
            xml.writeTextElement(QStringLiteral("ETag"), QString::fromLatin1(etagHeader(copied.etag)));
            xml.writeEndElement();
            xml.writeEndDocument();
            done(AwsWire::xmlAnswer(200, out));
            return;
        }
        // Streaming uploads come aws-chunked, with the checksum in a trailer.
        QByteArray body = request.body;
        const bool chunked = request.header("content-encoding").contains("aws-chunked")
                             || request.header("x-amz-content-sha256").startsWith("STREAMING-");
        if (chunked) {
            const auto decoded = AwsWire::decodeAwsChunked(body);
            if (!decoded) {
                done(s3Error(400, QStringLiteral("IncompleteBody"), QStringLiteral("The request body is not valid aws-chunked content."), id));
                return;
            }
            body = *decoded;
        }
        if (!mCloud.putObject(bucket, key, body, QString::fromLatin1(request.header("content-type")), request.cause)) {
            done(s3Error(400, QStringLiteral("InvalidArgument"), mCloud.errorString(), id));
            return;
        }
        HttpResponseData r;
        AwsWire::addHeader(r.headers, "etag", etagHeader(AwsWire::md5Hex(body)));
        done(r);
        return;
    }
    if (request.method == QLatin1String("DELETE")) {
        if (!mCloud.deleteObject(bucket, key, request.cause)) {
            done(s3Error(500, QStringLiteral("InternalError"), mCloud.errorString(), id));
            return;
        }
        HttpResponseData r;
        r.status = 204;
        done(r);
        return;
    }
    if (request.method != QLatin1String("GET") && request.method != QLatin1String("HEAD")) {
        done(s3Error(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The specified method is not allowed against this resource."), id));
        return;
    }
    StoredObject stored;
    const auto data = state.getObject(bucket, key, &stored);
    if (!data) {
        done(noSuchKey());
        return;
    }
    HttpResponseData r;
    // A type that could end the header line (from an older state folder) is not echoed.
    const QByteArray type = stored.contentType.toUtf8();
    AwsWire::addHeader(r.headers, "content-type",
                       type.isEmpty() || RequestGuard::isUnsafeHeaderValue(type) ? QByteArray("application/octet-stream") : type);
    AwsWire::addHeader(r.headers, "etag", etagHeader(stored.etag));
    AwsWire::addHeader(r.headers, "last-modified", AwsWire::httpDate(stored.modified));
    AwsWire::addHeader(r.headers, "accept-ranges", "bytes");
    const QByteArray range = request.header("range");
    qint64 from = 0, to = data->size() - 1;
    if (!range.isEmpty()) {
        // bytes=first-last, bytes=first- or bytes=-suffix; one range, as S3 serves.
        const QByteArray spec = range.startsWith("bytes=") ? range.mid(6) : QByteArray();
        const qsizetype dash = spec.indexOf('-');
        bool okFrom = true, okTo = true;
        if (dash < 0 || spec.contains(',')) {
            okFrom = false;
        } else if (dash == 0) {
            const qint64 suffix = spec.mid(1).toLongLong(&okTo);
            okTo = okTo && suffix > 0; // S3 refuses bytes=-0; a negative suffix is no range
            from = okTo ? std::max<qint64>(0, data->size() - std::min<qint64>(suffix, data->size())) : 0;
        } else {
            from = spec.left(dash).toLongLong(&okFrom);
            if (dash + 1 < spec.size())
                to = std::min<qint64>(spec.mid(dash + 1).toLongLong(&okTo), data->size() - 1);
        }
        if (!okFrom || !okTo || from >= data->size() || from > to) {
            done(s3Error(416, QStringLiteral("InvalidRange"), QStringLiteral("The requested range is not satisfiable"), id,
                         {{QStringLiteral("RangeRequested"), QString::fromLatin1(range)},
                          {QStringLiteral("ActualObjectSize"), QString::number(data->size())}}));
            return;
        }
        r.status = 206;
        AwsWire::addHeader(r.headers, "content-range", QStringLiteral("bytes %1-%2/%3").arg(from).arg(to).arg(data->size()).toLatin1());
    }
    if (request.method == QLatin1String("HEAD"))
        AwsWire::addHeader(r.headers, "content-length", QByteArray::number(to - from + 1));
    else
        r.body = data->mid(from, to - from + 1);
    done(r);
}

} // namespace Nimbus
