#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QString kS3Namespace = u"http://s3.amazonaws.com/doc/2006-03-01/"_s;
const QString kNotAllowed = u"The specified method is not allowed against this resource."_s;

HttpResponseData s3Error(int status, const QString &code, const QString &message, const QString &requestId,
                         const QList<QPair<QString, QString>> &extra = {})
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(u"Error"_s);
    xml.writeTextElement(u"Code"_s, code);
    xml.writeTextElement(u"Message"_s, message);
    for (const auto &[name, value] : extra)
        xml.writeTextElement(name, value);
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    xml.writeEndDocument();
    HttpResponseData r = AwsWire::xmlAnswer(status, out);
    r.headers[0].second = "application/xml";
    r.problem = code + u": "_s + message;
    return r;
}

HttpResponseData noSuchBucket(const QString &bucket, const QString &requestId)
{
    return s3Error(404, u"NoSuchBucket"_s, u"The specified bucket does not exist"_s, requestId,
                   {{u"BucketName"_s, bucket}});
}

HttpResponseData noSuchKey(const QString &key, const QString &requestId)
{
    return s3Error(404, u"NoSuchKey"_s, u"The specified key does not exist."_s, requestId, {{u"Key"_s, key}});
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
    return node && node->kind == Kinds::Bucket;
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

// S3 on REST with XML answers, path-style and virtual-hosted-style: the design's buckets,
// their objects (one-request uploads, copies, ranges) and listings. It takes the REST
// requests no other service claims.
class S3Service final : public AwsService
{
public:
    explicit S3Service(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    struct Call
    {
        const AwsRequest &request;
        QString bucket;
        QString key;
        QList<QPair<QString, QString>> query;
    };
    using Function = HttpResponseData (S3Service::*)(const Call &call);

    // The operation a request names by its method, path and query, or an error answer.
    QString operationOf(const Call &call, HttpResponseData *refusal) const;

    HttpResponseData listBuckets(const Call &call);
    HttpResponseData headBucket(const Call &call);
    HttpResponseData deleteObjects(const Call &call);
    HttpResponseData listObjects(const Call &call);
    HttpResponseData copyObject(const Call &call);
    HttpResponseData putObject(const Call &call);
    HttpResponseData deleteObject(const Call &call);
    HttpResponseData getObject(const Call &call);

    QHash<QString, Function> mOperations;
};

} // namespace

S3Service::S3Service(AwsEndpoint &endpoint) : AwsService(Recognition(u"s3"_s).takesRest().asFallback(), endpoint)
{
    mOperations = {
        {u"ListBuckets"_s, &S3Service::listBuckets},     {u"HeadBucket"_s, &S3Service::headBucket},
        {u"DeleteObjects"_s, &S3Service::deleteObjects}, {u"ListObjects"_s, &S3Service::listObjects},
        {u"CopyObject"_s, &S3Service::copyObject},       {u"PutObject"_s, &S3Service::putObject},
        {u"DeleteObject"_s, &S3Service::deleteObject},   {u"GetObject"_s, &S3Service::getObject},
    };
}

void S3Service::handle(const AwsRequest &request, const AwsReply &done)
{
    Call call{request, QString(), QString(), AwsWire::formPairs(request.query)};
    // Virtual-hosted style names the bucket in the host (photos.s3.localhost), path
    // style in the first path segment.
    const bool hostIsName = QHostAddress(request.host).isNull() && request.host != "localhost"_L1
                            && request.host.contains('.'_L1);
    const QString hostBucket = request.host.section('.'_L1, 0, 0);
    if (hostIsName && isBucket(cloud(), hostBucket)) {
        call.bucket = hostBucket;
        call.key = request.path.mid(1);
    } else {
        const QString path = request.path.mid(1);
        call.bucket = path.section('/'_L1, 0, 0);
        call.key = path.section('/'_L1, 1);
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
        if (method == "GET"_L1)
            return u"ListBuckets"_s;
        *refusal = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, id);
        return {};
    }
    if (!isBucket(cloud(), call.bucket)) {
        *refusal = noSuchBucket(call.bucket, id);
        return {};
    }
    if (call.key.isEmpty()) {
        // A bucket exists when the design has it: creating one is answered as finding it.
        if (method == "HEAD"_L1 || method == "PUT"_L1)
            return u"HeadBucket"_s;
        if (method == "POST"_L1 && hasQueryValue(call.query, "delete"))
            return u"DeleteObjects"_s;
        if (method == "GET"_L1)
            return u"ListObjects"_s;
        *refusal = s3Error(405, u"MethodNotAllowed"_s, u"buckets are made and removed on the canvas"_s, id);
        return {};
    }
    if (call.key.toUtf8().size() > 1024) {
        *refusal = s3Error(400, u"KeyTooLongError"_s, u"Your key is too long"_s, id);
        return {};
    }
    if (hasQueryValue(call.query, "uploads") || !queryValue(call.query, "uploadId").isEmpty()) {
        *refusal = s3Error(
            501, u"NotImplemented"_s,
            u"multipart uploads are not served by the local cloud; upload objects up to %1 MB in one request"_s.arg(
                AwsEndpoint::kRequestLimit >> 20),
            id);
        return {};
    }
    if (method == "PUT"_L1)
        return call.request.header("x-amz-copy-source").isEmpty() ? u"PutObject"_s : u"CopyObject"_s;
    if (method == "DELETE"_L1)
        return u"DeleteObject"_s;
    if (method == "GET"_L1 || method == "HEAD"_L1)
        return u"GetObject"_s;
    *refusal = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, id);
    return {};
}

HttpResponseData S3Service::listBuckets(const Call &)
{
    S3Document document(u"ListAllMyBucketsResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeStartElement(u"Owner"_s);
    xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
    xml.writeEndElement();
    xml.writeStartElement(u"Buckets"_s);
    for (const auto &[nodeId, node] : cloud().project().architecture().nodes()) {
        if (node.kind != Kinds::Bucket)
            continue;
        xml.writeStartElement(u"Bucket"_s);
        xml.writeTextElement(u"Name"_s, node.name);
        xml.writeTextElement(u"CreationDate"_s, u"2026-01-01T00:00:00.000Z"_s);
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
        if (reader.isStartElement() && reader.name() == "Key"_L1)
            keys.append(reader.readElementText());
        else if (reader.isStartElement() && reader.name() == "Quiet"_L1)
            quiet = reader.readElementText() == "true"_L1;
    }
    if (reader.hasError() || keys.isEmpty() || keys.size() > 1000)
        return s3Error(400, u"MalformedXML"_s,
                       u"The XML you provided was not well-formed or did not validate against our published schema"_s,
                       call.request.requestId);
    S3Document document(u"DeleteResult"_s);
    QXmlStreamWriter &xml = document.xml;
    for (const QString &k : std::as_const(keys)) {
        const Result<void> deleted = cloud().deleteObject(call.bucket, k, call.request.cause);
        if (deleted && quiet)
            continue;
        xml.writeStartElement(deleted ? u"Deleted"_s : u"Error"_s);
        xml.writeTextElement(u"Key"_s, k);
        if (!deleted) {
            xml.writeTextElement(u"Code"_s, u"InternalError"_s);
            xml.writeTextElement(u"Message"_s, deleted.errorMessage());
        }
        xml.writeEndElement();
    }
    return document.answer();
}

// ListObjectsV2 (list-type=2) or the older ListObjects.
HttpResponseData S3Service::listObjects(const Call &call)
{
    const auto &query = call.query;
    const bool v2 = queryValue(query, "list-type") == "2"_L1;
    const QString prefix = queryValue(query, "prefix");
    const QString delimiter = queryValue(query, "delimiter");
    const bool urlEncoded = queryValue(query, "encoding-type") == "url"_L1;
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
    S3Document document(u"ListBucketResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeTextElement(u"Name"_s, call.bucket);
    xml.writeTextElement(u"Prefix"_s, encode(prefix));
    if (!delimiter.isEmpty())
        xml.writeTextElement(u"Delimiter"_s, encode(delimiter));
    xml.writeTextElement(u"MaxKeys"_s, QString::number(limit));
    if (urlEncoded)
        xml.writeTextElement(u"EncodingType"_s, u"url"_s);
    xml.writeTextElement(u"IsTruncated"_s, page.truncated ? u"true"_s : u"false"_s);
    if (v2) {
        xml.writeTextElement(u"KeyCount"_s, QString::number(page.contents.size() + page.prefixes.size()));
        if (!token.isEmpty())
            xml.writeTextElement(u"ContinuationToken"_s, queryValue(query, "continuation-token"));
        if (page.truncated)
            xml.writeTextElement(u"NextContinuationToken"_s, QString::fromLatin1(page.last.toUtf8().toBase64()));
        if (!startAfter.isEmpty())
            xml.writeTextElement(u"StartAfter"_s, encode(startAfter));
    } else {
        xml.writeTextElement(u"Marker"_s, encode(startAfter));
        if (page.truncated)
            xml.writeTextElement(u"NextMarker"_s, encode(page.last));
    }
    for (const StoredObject &object : page.contents) {
        xml.writeStartElement(u"Contents"_s);
        xml.writeTextElement(u"Key"_s, encode(object.key));
        xml.writeTextElement(u"LastModified"_s, AwsWire::isoTime(object.modified));
        xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(object.etag)));
        xml.writeTextElement(u"Size"_s, QString::number(object.size));
        xml.writeTextElement(u"StorageClass"_s, u"STANDARD"_s);
        xml.writeEndElement();
    }
    for (const QString &common : page.prefixes) {
        xml.writeStartElement(u"CommonPrefixes"_s);
        xml.writeTextElement(u"Prefix"_s, encode(common));
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
    if (source.startsWith('/'_L1))
        source = source.mid(1);
    const QString sourceBucket = source.section('/'_L1, 0, 0), sourceKey = source.section('/'_L1, 1);
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
        return s3Error(500, u"InternalError"_s, put.errorMessage(), id);
    StoredObject copied;
    (void)state.getObject(call.bucket, call.key, &copied);
    S3Document document(u"CopyObjectResult"_s);
    document.xml.writeTextElement(u"LastModified"_s, AwsWire::isoTime(copied.modified));
    document.xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(copied.etag)));
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
            return s3Error(400, u"IncompleteBody"_s, u"The request body is not valid aws-chunked content."_s,
                           call.request.requestId);
        body = *decoded;
    }
    if (Result<void> put = cloud().putObject(
            call.bucket, call.key, body, QString::fromLatin1(call.request.header("content-type")), call.request.cause);
        !put)
        return s3Error(400, u"InvalidArgument"_s, put.errorMessage(), call.request.requestId);
    HttpResponseData r;
    AwsWire::addHeader(r.headers, "etag", etagHeader(AwsWire::md5Hex(body)));
    return r;
}

HttpResponseData S3Service::deleteObject(const Call &call)
{
    if (Result<void> deleted = cloud().deleteObject(call.bucket, call.key, call.request.cause); !deleted)
        return s3Error(500, u"InternalError"_s, deleted.errorMessage(), call.request.requestId);
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
        return s3Error(416, u"InvalidRange"_s, u"The requested range is not satisfiable"_s, call.request.requestId,
                       {{u"RangeRequested"_s, QString::fromLatin1(range)},
                        {u"ActualObjectSize"_s, QString::number(data->size())}});
    if (!range.isEmpty()) {
        r.status = 206;
        AwsWire::addHeader(r.headers, "content-range",
                           u"bytes %1-%2/%3"_s.arg(from).arg(to).arg(data->size()).toLatin1());
    }
    if (call.request.method == "HEAD"_L1)
        AwsWire::addHeader(r.headers, "content-length", QByteArray::number(to - from + 1));
    else
        r.body = data->mid(from, to - from + 1);
    return r;
}

AwsService *createS3Service(AwsEndpoint &endpoint)
{
    return new S3Service(endpoint);
}

} // namespace Nimbus
