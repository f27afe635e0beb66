#include "s3service.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QHostAddress>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

namespace Nimbus {

namespace {

const QString kS3Namespace = QStringLiteral("http://s3.amazonaws.com/doc/2006-03-01/");
const QString kNotAllowed = QStringLiteral("The specified method is not allowed against this resource.");

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

HttpResponseData noSuchBucket(const QString &bucket, const QString &requestId)
{
    return s3Error(404, QStringLiteral("NoSuchBucket"), QStringLiteral("The specified bucket does not exist"),
                   requestId, {{QStringLiteral("BucketName"), bucket}});
}

HttpResponseData noSuchKey(const QString &key, const QString &requestId)
{
    return s3Error(404, QStringLiteral("NoSuchKey"), QStringLiteral("The specified key does not exist."), requestId,
                   {{QStringLiteral("Key"), key}});
}

// A successful XML answer: its root element, in S3's namespace, holds what is written to xml.
struct S3Document
{
    explicit S3Document(const QString &root)
    {
        xml.writeStartDocument();
        xml.writeStartElement(root);
        xml.writeDefaultNamespace(kS3Namespace);
    }

    HttpResponseData answer()
    {
        xml.writeEndElement();
        xml.writeEndDocument();
        return AwsWire::xmlAnswer(200, out);
    }

    QByteArray out; // before xml, which writes to it
    QXmlStreamWriter xml{&out};
};

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

bool hasQueryValue(const QList<QPair<QString, QString>> &query, const char *name)
{
    bool present = false;
    queryValue(query, name, &present);
    return present;
}

QByteArray etagHeader(const QString &etag)
{
    return '"' + etag.toLatin1() + '"';
}

bool isBucket(const LocalCloud &cloud, const QString &name)
{
    const Node *node = cloud.project().architecture().nodeByName(name);
    return node && node->kind == QLatin1String("bucket");
}

// What one page of a listing holds: objects, and the common prefixes that stand for
// the objects below a delimiter.
struct Listing
{
    QList<StoredObject> contents;
    QStringList prefixes;
    bool truncated = false;
    QString last;
};

Listing listing(const QList<StoredObject> &objects, const QString &prefix, const QString &delimiter,
                const QString &after, int limit)
{
    Listing page;
    for (const StoredObject &object : objects) {
        if (!after.isEmpty()
            && (object.key <= after
                || (after.endsWith(delimiter) && !delimiter.isEmpty() && object.key.startsWith(after))))
            continue;
        QString common;
        if (!delimiter.isEmpty()) {
            const qsizetype at = object.key.indexOf(delimiter, prefix.size());
            if (at >= 0)
                common = object.key.left(at + delimiter.size());
        }
        if (!common.isEmpty() && !page.prefixes.isEmpty() && page.prefixes.last() == common)
            continue;
        if (page.contents.size() + page.prefixes.size() >= limit) {
            page.truncated = true;
            break;
        }
        if (common.isEmpty()) {
            page.contents.append(object);
            page.last = object.key;
        } else {
            page.prefixes.append(common);
            page.last = common;
        }
    }
    return page;
}

// The bytes a Range header asks of an object of size bytes, in *from and *to (the whole
// object when there is no header): bytes=first-last, bytes=first- or bytes=-suffix; one
// range, as S3 serves. False when the range cannot be satisfied.
bool byteRange(const QByteArray &range, qint64 size, qint64 *from, qint64 *to)
{
    *from = 0;
    *to = size - 1;
    if (range.isEmpty())
        return true;
    const QByteArray spec = range.startsWith("bytes=") ? range.mid(6) : QByteArray();
    const qsizetype dash = spec.indexOf('-');
    bool okFrom = true, okTo = true;
    if (dash < 0 || spec.contains(',')) {
        okFrom = false;
    } else if (dash == 0) {
        const qint64 suffix = spec.mid(1).toLongLong(&okTo);
        okTo = okTo && suffix > 0; // S3 refuses bytes=-0; a negative suffix is no range
        *from = okTo ? std::max<qint64>(0, size - std::min<qint64>(suffix, size)) : 0;
    } else {
        *from = spec.left(dash).toLongLong(&okFrom);
        if (dash + 1 < spec.size())
            *to = std::min<qint64>(spec.mid(dash + 1).toLongLong(&okTo), size - 1);
    }
    return okFrom && okTo && *from < size && *from <= *to;
}

} // namespace

S3Service::S3Service(AwsEndpoint &endpoint)
    : AwsService(Recognition(QStringLiteral("s3")).takesRest().asFallback(), endpoint)
{
    mOperations = {
        {QStringLiteral("ListBuckets"), &S3Service::listBuckets},
        {QStringLiteral("HeadBucket"), &S3Service::headBucket},
        {QStringLiteral("DeleteObjects"), &S3Service::deleteObjects},
        {QStringLiteral("ListObjects"), &S3Service::listObjects},
        {QStringLiteral("CopyObject"), &S3Service::copyObject},
        {QStringLiteral("PutObject"), &S3Service::putObject},
        {QStringLiteral("DeleteObject"), &S3Service::deleteObject},
        {QStringLiteral("GetObject"), &S3Service::getObject},
    };
}

void S3Service::handle(const AwsRequest &request, const AwsReply &done)
{
    Call call{request, QString(), QString(), AwsWire::formPairs(request.query)};
    // Virtual-hosted style names the bucket in the host (photos.s3.localhost), path
    // style in the first path segment.
    const bool hostIsName = QHostAddress(request.host).isNull() && request.host != QLatin1String("localhost")
                            && request.host.contains(QLatin1Char('.'));
    const QString hostBucket = request.host.section(QLatin1Char('.'), 0, 0);
    if (hostIsName && isBucket(cloud(), hostBucket)) {
        call.bucket = hostBucket;
        call.key = request.path.mid(1);
    } else {
        const QString path = request.path.mid(1);
        call.bucket = path.section(QLatin1Char('/'), 0, 0);
        call.key = path.section(QLatin1Char('/'), 1);
    }
    HttpResponseData refusal;
    const QString operation = operationOf(call, &refusal);
    done(operation.isEmpty() ? refusal : (this->*mOperations.value(operation))(call));
}

QString S3Service::operationOf(const Call &call, HttpResponseData *refusal) const
{
    const QString &method = call.request.method;
    const QString &id = call.request.requestId;
    if (call.bucket.isEmpty()) {
        if (method == QLatin1String("GET"))
            return QStringLiteral("ListBuckets");
        *refusal = s3Error(405, QStringLiteral("MethodNotAllowed"), kNotAllowed, id);
        return {};
    }
    if (!isBucket(cloud(), call.bucket)) {
        *refusal = noSuchBucket(call.bucket, id);
        return {};
    }
    if (call.key.isEmpty()) {
        // A bucket exists when the design has it: creating one is answered as finding it.
        if (method == QLatin1String("HEAD") || method == QLatin1String("PUT"))
            return QStringLiteral("HeadBucket");
        if (method == QLatin1String("POST") && hasQueryValue(call.query, "delete"))
            return QStringLiteral("DeleteObjects");
        if (method == QLatin1String("GET"))
            return QStringLiteral("ListObjects");
        *refusal = s3Error(405, QStringLiteral("MethodNotAllowed"),
                           QStringLiteral("buckets are made and removed on the canvas"), id);
        return {};
    }
    if (call.key.toUtf8().size() > 1024) {
        *refusal = s3Error(400, QStringLiteral("KeyTooLongError"), QStringLiteral("Your key is too long"), id);
        return {};
    }
    if (hasQueryValue(call.query, "uploads") || !queryValue(call.query, "uploadId").isEmpty()) {
        *refusal = s3Error(
            501, QStringLiteral("NotImplemented"),
            QStringLiteral(
                "multipart uploads are not served by the local cloud; upload objects up to %1 MB in one request")
                .arg(AwsEndpoint::kRequestLimit >> 20),
            id);
        return {};
    }
    if (method == QLatin1String("PUT"))
        return call.request.header("x-amz-copy-source").isEmpty() ? QStringLiteral("PutObject")
                                                                  : QStringLiteral("CopyObject");
    if (method == QLatin1String("DELETE"))
        return QStringLiteral("DeleteObject");
    if (method == QLatin1String("GET") || method == QLatin1String("HEAD"))
        return QStringLiteral("GetObject");
    *refusal = s3Error(405, QStringLiteral("MethodNotAllowed"), kNotAllowed, id);
    return {};
}

HttpResponseData S3Service::listBuckets(const Call &)
{
    S3Document document(QStringLiteral("ListAllMyBucketsResult"));
    QXmlStreamWriter &xml = document.xml;
    xml.writeStartElement(QStringLiteral("Owner"));
    xml.writeTextElement(QStringLiteral("ID"), QLatin1String(AwsEndpoint::kAccountId));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("Buckets"));
    for (const auto &[nodeId, node] : cloud().project().architecture().nodes()) {
        if (node.kind != QLatin1String("bucket"))
            continue;
        xml.writeStartElement(QStringLiteral("Bucket"));
        xml.writeTextElement(QStringLiteral("Name"), node.name);
        xml.writeTextElement(QStringLiteral("CreationDate"), QStringLiteral("2026-01-01T00:00:00.000Z"));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return document.answer();
}

HttpResponseData S3Service::headBucket(const Call &)
{
    HttpResponseData r;
    AwsWire::addHeader(r.headers, "x-amz-bucket-region", cloud().region().toLatin1());
    return r;
}

HttpResponseData S3Service::deleteObjects(const Call &call)
{
    // <Delete><Quiet/>?<Object><Key/></Object>...</Delete>
    QStringList keys;
    bool quiet = false;
    QXmlStreamReader reader(call.request.body);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("Key"))
            keys.append(reader.readElementText());
        else if (reader.isStartElement() && reader.name() == QLatin1String("Quiet"))
            quiet = reader.readElementText() == QLatin1String("true");
    }
    if (reader.hasError() || keys.isEmpty() || keys.size() > 1000)
        return s3Error(
            400, QStringLiteral("MalformedXML"),
            QStringLiteral("The XML you provided was not well-formed or did not validate against our published schema"),
            call.request.requestId);
    S3Document document(QStringLiteral("DeleteResult"));
    QXmlStreamWriter &xml = document.xml;
    for (const QString &k : std::as_const(keys)) {
        const Result<void> deleted = cloud().deleteObject(call.bucket, k, call.request.cause);
        if (deleted && quiet)
            continue;
        xml.writeStartElement(deleted ? QStringLiteral("Deleted") : QStringLiteral("Error"));
        xml.writeTextElement(QStringLiteral("Key"), k);
        if (!deleted) {
            xml.writeTextElement(QStringLiteral("Code"), QStringLiteral("InternalError"));
            xml.writeTextElement(QStringLiteral("Message"), deleted.errorMessage());
        }
        xml.writeEndElement();
    }
    return document.answer();
}

// ListObjectsV2 (list-type=2) or the older ListObjects.
HttpResponseData S3Service::listObjects(const Call &call)
{
    const auto &query = call.query;
    const bool v2 = queryValue(query, "list-type") == QLatin1String("2");
    const QString prefix = queryValue(query, "prefix");
    const QString delimiter = queryValue(query, "delimiter");
    const bool urlEncoded = queryValue(query, "encoding-type") == QLatin1String("url");
    bool hasMax = false;
    const int maxKeys = std::clamp(queryValue(query, "max-keys", &hasMax).toInt(), 0, 1000);
    const int limit = hasMax ? maxKeys : 1000;
    const QString token =
        v2 ? QString::fromUtf8(QByteArray::fromBase64(queryValue(query, "continuation-token").toLatin1())) : QString();
    const QString startAfter = v2 ? queryValue(query, "start-after") : queryValue(query, "marker");
    auto encode = [urlEncoded](const QString &text) {
        return urlEncoded ? QString::fromLatin1(QUrl::toPercentEncoding(text, "/")) : text;
    };
    const Listing page = listing(cloud().state().listObjects(call.bucket, prefix), prefix, delimiter,
                                 std::max(token, startAfter), limit);
    S3Document document(QStringLiteral("ListBucketResult"));
    QXmlStreamWriter &xml = document.xml;
    xml.writeTextElement(QStringLiteral("Name"), call.bucket);
    xml.writeTextElement(QStringLiteral("Prefix"), encode(prefix));
    if (!delimiter.isEmpty())
        xml.writeTextElement(QStringLiteral("Delimiter"), encode(delimiter));
    xml.writeTextElement(QStringLiteral("MaxKeys"), QString::number(limit));
    if (urlEncoded)
        xml.writeTextElement(QStringLiteral("EncodingType"), QStringLiteral("url"));
    xml.writeTextElement(QStringLiteral("IsTruncated"),
                         page.truncated ? QStringLiteral("true") : QStringLiteral("false"));
    if (v2) {
        xml.writeTextElement(QStringLiteral("KeyCount"), QString::number(page.contents.size() + page.prefixes.size()));
        if (!token.isEmpty())
            xml.writeTextElement(QStringLiteral("ContinuationToken"), queryValue(query, "continuation-token"));
        if (page.truncated)
            xml.writeTextElement(QStringLiteral("NextContinuationToken"),
                                 QString::fromLatin1(page.last.toUtf8().toBase64()));
        if (!startAfter.isEmpty())
            xml.writeTextElement(QStringLiteral("StartAfter"), encode(startAfter));
    } else {
        xml.writeTextElement(QStringLiteral("Marker"), encode(startAfter));
        if (page.truncated)
            xml.writeTextElement(QStringLiteral("NextMarker"), encode(page.last));
    }
    for (const StoredObject &object : page.contents) {
        xml.writeStartElement(QStringLiteral("Contents"));
        xml.writeTextElement(QStringLiteral("Key"), encode(object.key));
        xml.writeTextElement(QStringLiteral("LastModified"), AwsWire::isoTime(object.modified));
        xml.writeTextElement(QStringLiteral("ETag"), QString::fromLatin1(etagHeader(object.etag)));
        xml.writeTextElement(QStringLiteral("Size"), QString::number(object.size));
        xml.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
        xml.writeEndElement();
    }
    for (const QString &common : page.prefixes) {
        xml.writeStartElement(QStringLiteral("CommonPrefixes"));
        xml.writeTextElement(QStringLiteral("Prefix"), encode(common));
        xml.writeEndElement();
    }
    return document.answer();
}

HttpResponseData S3Service::copyObject(const Call &call)
{
    const QString &id = call.request.requestId;
    const QByteArray copySource = call.request.header("x-amz-copy-source");
    QString source = QUrl::fromPercentEncoding(
        copySource.left(copySource.indexOf('?') < 0 ? copySource.size() : copySource.indexOf('?')));
    if (source.startsWith(QLatin1Char('/')))
        source = source.mid(1);
    const QString sourceBucket = source.section(QLatin1Char('/'), 0, 0),
                  sourceKey = source.section(QLatin1Char('/'), 1);
    if (!isBucket(cloud(), sourceBucket))
        return noSuchBucket(sourceBucket, id);
    CloudState &state = cloud().state();
    StoredObject original;
    const auto data = state.getObject(sourceBucket, sourceKey, &original);
    if (!data)
        return noSuchKey(sourceKey, id);
    const bool replace = call.request.header("x-amz-metadata-directive") == "REPLACE";
    const QString type = replace ? QString::fromLatin1(call.request.header("content-type")) : original.contentType;
    if (Result<void> put = cloud().putObject(call.bucket, call.key, *data, type, call.request.cause); !put)
        return s3Error(500, QStringLiteral("InternalError"), put.errorMessage(), id);
    StoredObject copied;
    (void)state.getObject(call.bucket, call.key, &copied);
    S3Document document(QStringLiteral("CopyObjectResult"));
    document.xml.writeTextElement(QStringLiteral("LastModified"), AwsWire::isoTime(copied.modified));
    document.xml.writeTextElement(QStringLiteral("ETag"), QString::fromLatin1(etagHeader(copied.etag)));
    return document.answer();
}

HttpResponseData S3Service::putObject(const Call &call)
{
    // Streaming uploads come aws-chunked, with the checksum in a trailer.
    QByteArray body = call.request.body;
    const bool chunked = call.request.header("content-encoding").contains("aws-chunked")
                         || call.request.header("x-amz-content-sha256").startsWith("STREAMING-");
    if (chunked) {
        const auto decoded = AwsWire::decodeAwsChunked(body);
        if (!decoded)
            return s3Error(400, QStringLiteral("IncompleteBody"),
                           QStringLiteral("The request body is not valid aws-chunked content."),
                           call.request.requestId);
        body = *decoded;
    }
    if (Result<void> put = cloud().putObject(
            call.bucket, call.key, body, QString::fromLatin1(call.request.header("content-type")), call.request.cause);
        !put)
        return s3Error(400, QStringLiteral("InvalidArgument"), put.errorMessage(), call.request.requestId);
    HttpResponseData r;
    AwsWire::addHeader(r.headers, "etag", etagHeader(AwsWire::md5Hex(body)));
    return r;
}

HttpResponseData S3Service::deleteObject(const Call &call)
{
    if (Result<void> deleted = cloud().deleteObject(call.bucket, call.key, call.request.cause); !deleted)
        return s3Error(500, QStringLiteral("InternalError"), deleted.errorMessage(), call.request.requestId);
    HttpResponseData r;
    r.status = 204;
    return r;
}

HttpResponseData S3Service::getObject(const Call &call)
{
    StoredObject stored;
    const auto data = cloud().state().getObject(call.bucket, call.key, &stored);
    if (!data)
        return noSuchKey(call.key, call.request.requestId);
    HttpResponseData r;
    // A type that could end the header line (from an older state folder) is not echoed.
    const QByteArray type = stored.contentType.toUtf8();
    AwsWire::addHeader(
        r.headers, "content-type",
        type.isEmpty() || RequestGuard::isUnsafeHeaderValue(type) ? QByteArray("application/octet-stream") : type);
    AwsWire::addHeader(r.headers, "etag", etagHeader(stored.etag));
    AwsWire::addHeader(r.headers, "last-modified", AwsWire::httpDate(stored.modified));
    AwsWire::addHeader(r.headers, "accept-ranges", "bytes");
    const QByteArray range = call.request.header("range");
    qint64 from = 0, to = 0;
    if (!byteRange(range, data->size(), &from, &to))
        return s3Error(416, QStringLiteral("InvalidRange"), QStringLiteral("The requested range is not satisfiable"),
                       call.request.requestId,
                       {{QStringLiteral("RangeRequested"), QString::fromLatin1(range)},
                        {QStringLiteral("ActualObjectSize"), QString::number(data->size())}});
    if (!range.isEmpty()) {
        r.status = 206;
        AwsWire::addHeader(r.headers, "content-range",
                           QStringLiteral("bytes %1-%2/%3").arg(from).arg(to).arg(data->size()).toLatin1());
    }
    if (call.request.method == QLatin1String("HEAD"))
        AwsWire::addHeader(r.headers, "content-length", QByteArray::number(to - from + 1));
    else
        r.body = data->mid(from, to - from + 1);
    return r;
}

} // namespace Nimbus
