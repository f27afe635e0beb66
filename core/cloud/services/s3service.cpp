#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QPair>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QString kS3Namespace = u"http://s3.amazonaws.com/doc/2006-03-01/"_s;
const QString kNotAllowed = u"The specified method is not allowed against this resource."_s;
const QString kMalformedXml =
    u"The XML you provided was not well-formed or did not validate against our published schema"_s;
constexpr qint64 kMinPartSize = 5 * 1024 * 1024;
constexpr qint64 kMaxObjectSize = 5LL * 1024 * 1024 * 1024;
constexpr int kMaxParts = 10000;
constexpr int kUserMetadataLimit = 2048;
constexpr qint64 kStreamedFrom = 1024 * 1024;

// An answer that ends an operation early (an error), or none to go on.
using Refusal = std::optional<HttpResponseData>;

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

HttpResponseData noSuchUpload(const QString &uploadId, const QString &requestId)
{
    return s3Error(404, u"NoSuchUpload"_s,
                   u"The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
                   "aborted or completed."_s,
                   requestId, {{u"UploadId"_s, uploadId.left(100)}});
}

// S3's answer to an operation it has and the local cloud does not serve: 501, naming it.
HttpResponseData notImplemented(const QString &operation, const QString &requestId, const QString &detail = {})
{
    return s3Error(
        501, u"NotImplemented"_s,
        u"%1 is not implemented by the local cloud%2"_s.arg(operation, detail.isEmpty() ? u"."_s : u": "_s + detail),
        requestId);
}

HttpResponseData noSuchVersion(const QString &key, const QString &versionId, const QString &requestId)
{
    return s3Error(404, u"NoSuchVersion"_s, u"The specified version does not exist."_s, requestId,
                   {{u"Key"_s, key}, {u"VersionId"_s, versionId.left(100)}});
}

HttpResponseData invalidVersion(const QString &versionId, const QString &requestId)
{
    return s3Error(400, u"InvalidArgument"_s,
                   versionId.isEmpty() ? u"Version id cannot be the empty string"_s : u"Invalid version id specified"_s,
                   requestId, {{u"ArgumentName"_s, u"versionId"_s}, {u"ArgumentValue"_s, versionId.left(100)}});
}

HttpResponseData malformedXml(const QString &requestId)
{
    return s3Error(400, u"MalformedXML"_s, kMalformedXml, requestId);
}

HttpResponseData preconditionFailed(const QString &condition, const QString &requestId)
{
    return s3Error(412, u"PreconditionFailed"_s, u"At least one of the pre-conditions you specified did not hold"_s,
                   requestId, {{u"Condition"_s, condition}});
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

QString unquoted(QString etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith('"'_L1) && etag.endsWith('"'_L1))
        etag = etag.mid(1, etag.size() - 2);
    return etag.toLower();
}

// The node name of the design's bucket S3 knows as name (its physical name, else its node
// name), empty when there is none.
QString bucketNamed(const LocalCloud &cloud, const QString &name)
{
    return cloud.resourceNamed(Kinds::Bucket, name);
}

// An RFC 1123 date of a conditional header; invalid when it is none.
QDateTime httpDateOf(const QByteArray &text)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    time.setTimeSpec(Qt::UTC);
    return time;
}

// The reflected CRCs S3 checks (CRC32, CRC32C, CRC64/NVME), from a table per polynomial.
template<typename Word>
Word reflectedCrc(const QByteArray &data, Word polynomial)
{
    std::array<Word, 256> table{};
    for (Word n = 0; n < 256; ++n) {
        Word c = n;
        for (int bit = 0; bit < 8; ++bit)
            c = (c & 1) ? (c >> 1) ^ polynomial : c >> 1;
        table[n] = c;
    }
    Word crc = ~Word(0);
    for (const char byte : data)
        crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xff] ^ (crc >> 8);
    return ~crc;
}

template<typename Word>
QByteArray bigEndian(Word value)
{
    QByteArray out(sizeof(Word), Qt::Uninitialized);
    for (int i = int(sizeof(Word)) - 1; i >= 0; --i, value >>= 8)
        out[i] = char(value & 0xff);
    return out;
}

// The base64 checksum x-amz-checksum-<algorithm> carries for data.
QByteArray checksumOf(const QByteArray &algorithm, const QByteArray &data)
{
    if (algorithm == "crc32")
        return bigEndian(reflectedCrc<quint32>(data, 0xEDB88320u)).toBase64();
    if (algorithm == "crc32c")
        return bigEndian(reflectedCrc<quint32>(data, 0x82F63B78u)).toBase64();
    if (algorithm == "crc64nvme")
        return bigEndian(reflectedCrc<quint64>(data, 0x9A6C9329AC4BC9B5ull)).toBase64();
    if (algorithm == "sha1")
        return QCryptographicHash::hash(data, QCryptographicHash::Sha1).toBase64();
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toBase64();
}

const char *const kChecksums[] = {"crc32", "crc32c", "crc64nvme", "sha1", "sha256"};

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

// A browser form upload (presigned POST): its fields by lower-case name in order, and
// the file (the field named file, the last one S3 reads).
struct PostForm
{
    QList<QPair<QString, QByteArray>> fields;
    QByteArray file;
    QString fileName;
    bool hasFile = false;
};

constexpr int kMaxFormFields = 100;

// multipart/form-data as browsers send it; false when it is not well formed.
bool parseForm(const QByteArray &contentType, const QByteArray &body, PostForm *form)
{
    QByteArray boundary;
    for (const QByteArray &parameter : contentType.split(';')) {
        const QByteArray p = parameter.trimmed();
        if (p.toLower().startsWith("boundary="))
            boundary = p.mid(9);
    }
    if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    if (boundary.isEmpty() || boundary.size() > 200)
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        return false;
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return true; // the closing delimiter
        if (body.mid(at, 2) != "\r\n")
            return false;
        at += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        const qsizetype next = body.indexOf("\r\n" + delimiter, at);
        if (headersEnd < 0 || next < 0 || headersEnd > next || form->fields.size() >= kMaxFormFields)
            return false;
        QString name, fileName;
        bool isFile = false;
        for (const QByteArray &line : body.mid(at, headersEnd - at).split('\n')) {
            if (!line.trimmed().toLower().startsWith("content-disposition:"))
                continue;
            for (const QByteArray &parameter : line.mid(line.indexOf(':') + 1).split(';')) {
                const QByteArray p = parameter.trimmed();
                const qsizetype equals = p.indexOf('=');
                if (equals < 0)
                    continue;
                QByteArray value = p.mid(equals + 1);
                if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                    value = value.mid(1, value.size() - 2);
                if (p.left(equals).toLower() == "name")
                    name = QString::fromUtf8(value).toLower();
                else if (p.left(equals).toLower() == "filename") {
                    isFile = true;
                    fileName = QString::fromUtf8(value);
                }
            }
        }
        const QByteArray value = body.mid(headersEnd + 4, next - headersEnd - 4);
        if (name == "file"_L1 || (isFile && name.isEmpty())) {
            // S3 ignores the fields after the file.
            form->hasFile = true;
            form->file = value;
            form->fileName = fileName;
            return true;
        }
        form->fields.append({name, value});
        at = next + 2;
    }
}

// The operations a subresource (?tagging, ?acl ...) names by method, null where S3 has none.
struct Subresource
{
    const char *name;
    const char *get;
    const char *put;
    const char *remove;
    const char *post;
};

// Bucket subresources; the list forms of analytics, inventory, metrics and
// intelligent-tiering (a GET without an id) are named in operationOf.
const Subresource kBucketSubresources[] = {
    {"acl", "GetBucketAcl", "PutBucketAcl", nullptr, nullptr},
    {"location", "GetBucketLocation", nullptr, nullptr, nullptr},
    {"versioning", "GetBucketVersioning", "PutBucketVersioning", nullptr, nullptr},
    {"policy", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy", nullptr},
    {"policyStatus", "GetBucketPolicyStatus", nullptr, nullptr, nullptr},
    {"versions", "ListObjectVersions", nullptr, nullptr, nullptr},
    {"uploads", "ListMultipartUploads", nullptr, nullptr, nullptr},
    {"delete", nullptr, nullptr, nullptr, "DeleteObjects"},
    {"cors", "GetBucketCors", "PutBucketCors", "DeleteBucketCors", nullptr},
    {"lifecycle", "GetBucketLifecycleConfiguration", "PutBucketLifecycleConfiguration", "DeleteBucketLifecycle",
     nullptr},
    {"website", "GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite", nullptr},
    {"encryption", "GetBucketEncryption", "PutBucketEncryption", "DeleteBucketEncryption", nullptr},
    {"notification", "GetBucketNotificationConfiguration", "PutBucketNotificationConfiguration", nullptr, nullptr},
    {"replication", "GetBucketReplication", "PutBucketReplication", "DeleteBucketReplication", nullptr},
    {"object-lock", "GetObjectLockConfiguration", "PutObjectLockConfiguration", nullptr, nullptr},
    {"tagging", "GetBucketTagging", "PutBucketTagging", "DeleteBucketTagging", nullptr},
    {"ownershipControls", "GetBucketOwnershipControls", "PutBucketOwnershipControls", "DeleteBucketOwnershipControls",
     nullptr},
    {"publicAccessBlock", "GetPublicAccessBlock", "PutPublicAccessBlock", "DeletePublicAccessBlock", nullptr},
    {"accelerate", "GetBucketAccelerateConfiguration", "PutBucketAccelerateConfiguration", nullptr, nullptr},
    {"requestPayment", "GetBucketRequestPayment", "PutBucketRequestPayment", nullptr, nullptr},
    {"logging", "GetBucketLogging", "PutBucketLogging", nullptr, nullptr},
    {"analytics", "GetBucketAnalyticsConfiguration", "PutBucketAnalyticsConfiguration",
     "DeleteBucketAnalyticsConfiguration", nullptr},
    {"inventory", "GetBucketInventoryConfiguration", "PutBucketInventoryConfiguration",
     "DeleteBucketInventoryConfiguration", nullptr},
    {"metrics", "GetBucketMetricsConfiguration", "PutBucketMetricsConfiguration", "DeleteBucketMetricsConfiguration",
     nullptr},
    {"intelligent-tiering", "GetBucketIntelligentTieringConfiguration", "PutBucketIntelligentTieringConfiguration",
     "DeleteBucketIntelligentTieringConfiguration", nullptr},
    {"metadataTable", "GetBucketMetadataTableConfiguration", nullptr, "DeleteBucketMetadataTableConfiguration",
     "CreateBucketMetadataTableConfiguration"},
    {"session", "CreateSession", nullptr, nullptr, nullptr},
};

const Subresource kObjectSubresources[] = {
    {"tagging", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging", nullptr},
    {"acl", "GetObjectAcl", "PutObjectAcl", nullptr, nullptr},
    {"uploads", nullptr, nullptr, nullptr, "CreateMultipartUpload"},
    {"uploadId", "ListParts", "UploadPart", "AbortMultipartUpload", "CompleteMultipartUpload"},
    {"retention", "GetObjectRetention", "PutObjectRetention", nullptr, nullptr},
    {"legal-hold", "GetObjectLegalHold", "PutObjectLegalHold", nullptr, nullptr},
    {"attributes", "GetObjectAttributes", nullptr, nullptr, nullptr},
    {"restore", nullptr, nullptr, nullptr, "RestoreObject"},
    {"select", nullptr, nullptr, nullptr, "SelectObjectContent"},
    {"torrent", "GetObjectTorrent", nullptr, nullptr, nullptr},
    {"renameObject", nullptr, "RenameObject", nullptr, nullptr},
};

// Query parameters that name no subresource: the listing's, a presigned URL's, GetObject's
// response-* overrides, and what SDKs add (x-id). Others are refused, never ignored.
bool isPlainParameter(const QString &name, bool bucketLevel)
{
    static const QStringList common{u"x-id"_s, u"AWSAccessKeyId"_s, u"Signature"_s, u"Expires"_s};
    static const QStringList list{u"list-type"_s,        u"prefix"_s,     u"delimiter"_s,          u"encoding-type"_s,
                                  u"max-keys"_s,         u"marker"_s,     u"continuation-token"_s, u"start-after"_s,
                                  u"fetch-owner"_s,      u"key-marker"_s, u"upload-id-marker"_s,   u"max-uploads"_s,
                                  u"version-id-marker"_s};
    static const QStringList object{u"versionId"_s, u"partNumber"_s, u"max-parts"_s, u"part-number-marker"_s};
    if (common.contains(name) || name.startsWith("X-Amz-"_L1, Qt::CaseInsensitive))
        return true;
    if (bucketLevel)
        return list.contains(name) || name == "id"_L1;
    return object.contains(name) || name.startsWith("response-"_L1);
}

// The headers S3 stores with an object beside x-amz-meta-*.
const char *const kStoredHeaders[] = {"cache-control",    "content-disposition",
                                      "content-encoding", "content-language",
                                      "expires",          "x-amz-website-redirect-location"};

// GetObject's overrides of stored headers by query parameter.
const char *const kResponseOverrides[][2] = {
    {"response-content-type", "content-type"},
    {"response-content-language", "content-language"},
    {"response-expires", "expires"},
    {"response-cache-control", "cache-control"},
    {"response-content-disposition", "content-disposition"},
    {"response-content-encoding", "content-encoding"},
};

// S3 on REST with XML answers, path-style and virtual-hosted-style: the design's buckets,
// their objects (uploads in one request or in parts, copies, ranges, conditions, stored
// headers and tags) and listings. Every subresource S3 has is routed to its operation and
// served or refused as NotImplemented by name, never taken for an object's body. It takes
// the REST requests no other service claims.
class S3Service final : public AwsService
{
public:
    explicit S3Service(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

protected:
    // A new start of the cloud serves the design as it is: what this run deleted or set goes.
    void startRun() override { mDeleted.clear(); }

public:
private:
    struct Call
    {
        const AwsRequest &request;
        QString bucket; // the node's name, once the bucket is known to exist
        QString key;
        QList<QPair<QString, QString>> query;
        QString awsBucket; // the bucket as the request names it (the name S3 knows)
        const QString &id() const { return request.requestId; }
    };
    using Function = HttpResponseData (S3Service::*)(const Call &call);

    // The operation a request names by its method, path and query, or an error answer.
    QString operationOf(const Call &call, HttpResponseData *refusal) const;
    QString subresourceOperation(const Call &call, HttpResponseData *refusal) const;
    // A presigned URL past its X-Amz-Expires.
    Refusal expired(const Call &call) const;

    // The body of an upload (aws-chunked decoded) with its Content-MD5 and checksums
    // checked; echo gets the checksum headers to answer with.
    Refusal uploadedBody(const Call &call, QByteArray *body, HttpHeaders *echo) const;
    // The headers and tags a PutObject, CopyObject (REPLACE) or CreateMultipartUpload stores.
    Refusal requestFields(const Call &call, ObjectFields *headers, ObjectFields *tags) const;
    Refusal tagsOf(const QList<QPair<QString, QString>> &pairs, ObjectFields *tags, const QString &id) const;
    // If-Match and the other conditions on an object (copy: the CopySourceIf* ones, which
    // fail with 412 where a GET gets 304).
    Refusal conditions(const Call &call, const StoredObject &object, bool copy) const;
    // x-amz-copy-source's object, or the error answer.
    Refusal copySource(const Call &call, QString *bucket, StoredObject *object) const;
    void addObjectHeaders(HttpHeaders &headers, const StoredObject &object) const;

    HttpResponseData listBuckets(const Call &call);
    HttpResponseData headBucket(const Call &call);
    HttpResponseData createBucket(const Call &call);
    HttpResponseData deleteBucket(const Call &call);
    // The node name of the design's bucket S3 knows as name, empty when there is none or
    // DeleteBucket deleted it in this run.
    QString bucketOf(const QString &name) const;
    HttpResponseData deleteObjects(const Call &call);
    HttpResponseData listObjects(const Call &call);
    HttpResponseData copyObject(const Call &call);
    HttpResponseData putObject(const Call &call);
    HttpResponseData deleteObject(const Call &call);
    HttpResponseData getObject(const Call &call);
    HttpResponseData getObjectTagging(const Call &call);
    HttpResponseData putObjectTagging(const Call &call);
    HttpResponseData deleteObjectTagging(const Call &call);
    HttpResponseData getAcl(const Call &call);
    HttpResponseData putAcl(const Call &call);
    HttpResponseData getBucketLocation(const Call &call);
    HttpResponseData getBucketVersioning(const Call &call);
    HttpResponseData putBucketVersioning(const Call &call);
    HttpResponseData listObjectVersions(const Call &call);
    // x-amz-version-id of a version in a bucket that has (or had) versioning: "null" for
    // an object without an id there; nothing in a bucket that never had versioning.
    void addVersionHeader(HttpHeaders &headers, const QString &bucket, const StoredObject &version) const;
    // The version a request's versionId names, refusing tagging of a non-current one.
    Refusal currentVersionOnly(const Call &call, const QString &operation) const;
    HttpResponseData getBucketPolicy(const Call &call);
    HttpResponseData postObject(const Call &call);
    HttpResponseData createMultipartUpload(const Call &call);
    HttpResponseData uploadPart(const Call &call);
    HttpResponseData uploadPartCopy(const Call &call);
    HttpResponseData completeMultipartUpload(const Call &call);
    HttpResponseData abortMultipartUpload(const Call &call);
    HttpResponseData listParts(const Call &call);
    HttpResponseData listMultipartUploads(const Call &call);

    // The upload a part request names, when it is for this bucket and key.
    Refusal callUpload(const Call &call, MultipartUpload *upload) const;
    Refusal partNumber(const Call &call, int *number) const;
    // The part number and the upload of an UploadPart(Copy), or why not.
    Refusal partOfUpload(const Call &call, MultipartUpload *upload, int *number) const;

    QStringList servedOperations() const override { return mOperations.keys(); }

    QHash<QString, Function> mOperations;
    // The design's buckets DeleteBucket deleted in this run: missing until CreateBucket.
    QSet<QString> mDeleted;
};

} // namespace

S3Service::S3Service(AwsEndpoint &endpoint) : AwsService(Recognition(u"s3"_s).takesRest().asFallback(), endpoint)
{
    mOperations = {
        {u"ListBuckets"_s, &S3Service::listBuckets},
        {u"HeadBucket"_s, &S3Service::headBucket},
        {u"CreateBucket"_s, &S3Service::createBucket},
        {u"DeleteBucket"_s, &S3Service::deleteBucket},
        {u"DeleteObjects"_s, &S3Service::deleteObjects},
        {u"ListObjects"_s, &S3Service::listObjects},
        {u"CopyObject"_s, &S3Service::copyObject},
        {u"PutObject"_s, &S3Service::putObject},
        {u"DeleteObject"_s, &S3Service::deleteObject},
        {u"GetObject"_s, &S3Service::getObject},
        {u"GetObjectTagging"_s, &S3Service::getObjectTagging},
        {u"PutObjectTagging"_s, &S3Service::putObjectTagging},
        {u"DeleteObjectTagging"_s, &S3Service::deleteObjectTagging},
        {u"GetObjectAcl"_s, &S3Service::getAcl},
        {u"GetBucketAcl"_s, &S3Service::getAcl},
        {u"PutObjectAcl"_s, &S3Service::putAcl},
        {u"PutBucketAcl"_s, &S3Service::putAcl},
        {u"GetBucketLocation"_s, &S3Service::getBucketLocation},
        {u"GetBucketVersioning"_s, &S3Service::getBucketVersioning},
        {u"PutBucketVersioning"_s, &S3Service::putBucketVersioning},
        {u"ListObjectVersions"_s, &S3Service::listObjectVersions},
        {u"GetBucketPolicy"_s, &S3Service::getBucketPolicy},
        {u"PostObject"_s, &S3Service::postObject},
        {u"CreateMultipartUpload"_s, &S3Service::createMultipartUpload},
        {u"UploadPart"_s, &S3Service::uploadPart},
        {u"UploadPartCopy"_s, &S3Service::uploadPartCopy},
        {u"CompleteMultipartUpload"_s, &S3Service::completeMultipartUpload},
        {u"AbortMultipartUpload"_s, &S3Service::abortMultipartUpload},
        {u"ListParts"_s, &S3Service::listParts},
        {u"ListMultipartUploads"_s, &S3Service::listMultipartUploads},
    };
    servePartly(u"GetObject"_s, u"a part of a multipart object by partNumber is refused"_s);
    servePartly(u"GetBucketPolicy"_s, u"answers that the bucket has no policy"_s);
    const QString acl = u"private only (the owner's full control); ACLs granting others are refused"_s;
    servePartly(u"PutObjectAcl"_s, acl);
    servePartly(u"PutBucketAcl"_s, acl);
    servePartly(u"CreateBucket"_s,
                QStringLiteral("the design's buckets: BucketAlreadyOwnedByYou (200 in us-east-1), or "
                               "made again after DeleteBucket in this run; a bucket the design does "
                               "not declare is made for the run (made by code)"));
    servePartly(u"DeleteBucket"_s, u"for this run: an empty bucket of the design is missing until CreateBucket"_s);
    // Every subresource operation of the tables that has no function here is refused by
    // name; the list forms of the configurations that have one are named as operationOf does.
    auto refuseTable = [this](const Subresource *table, std::size_t count, bool bucketLevel) {
        for (std::size_t i = 0; i < count; ++i) {
            const Subresource &sub = table[i];
            const QString name = QLatin1String(sub.name);
            const QString path = bucketLevel ? u"/{bucket}?"_s + name : u"/{bucket}/{key}?"_s + name;
            const QString note = bucketLevel ? u"the bucket's %1 settings are not emulated"_s.arg(name)
                                             : u"an object's %1 is not emulated"_s.arg(name);
            const std::pair<const char *, const char *> methods[] = {
                {sub.get, "GET"}, {sub.put, "PUT"}, {sub.remove, "DELETE"}, {sub.post, "POST"}};
            for (const auto &[operation, method] : methods) {
                if (!operation || mOperations.contains(QLatin1String(operation)))
                    continue;
                const bool listable = name == "analytics"_L1 || name == "inventory"_L1 || name == "metrics"_L1
                                      || name == "intelligent-tiering"_L1;
                const QString request = QLatin1String(method) + u' ' + path;
                refuse(QLatin1String(operation), note, listable ? request + u"&id=x"_s : request);
                if (listable && qstrcmp(method, "GET") == 0)
                    refuse(u"ListBucket"_s
                               + QString::fromLatin1(operation).mid(9).replace(u"Configuration"_s, u"Configurations"_s),
                           note, request);
            }
        }
    };
    refuseTable(kBucketSubresources, std::size(kBucketSubresources), true);
    refuseTable(kObjectSubresources, std::size(kObjectSubresources), false);
}

void S3Service::handle(const AwsRequest &request, const AwsReply &done)
{
    Call call{request, QString(), QString(), AwsWire::formPairs(request.query), QString()};
    // Virtual-hosted style names the bucket in the host (photos.s3.localhost), path
    // style in the first path segment.
    const bool hostIsName = QHostAddress(request.host).isNull() && request.host != "localhost"_L1
                            && request.host.contains('.'_L1);
    const QString hostBucket = request.host.section('.'_L1, 0, 0);
    if (hostIsName && !bucketOf(hostBucket).isEmpty()) {
        call.bucket = hostBucket;
        call.key = request.path.mid(1);
    } else {
        const QString path = request.path.mid(1);
        call.bucket = path.section('/'_L1, 0, 0);
        call.key = path.section('/'_L1, 1);
    }
    // Answers name the bucket as S3 knows it; the state keeps it by its node.
    call.awsBucket = call.bucket;
    if (const QString node = bucketOf(call.bucket); !node.isEmpty())
        call.bucket = node;
    if (Refusal refusal = expired(call)) {
        done(*refusal);
        return;
    }
    HttpResponseData refusal;
    const QString operation = operationOf(call, &refusal);
    if (operation.isEmpty())
        done(refusal);
    else if (const Function function = mOperations.value(operation))
        done((this->*function)(call));
    else
        done(notImplemented(operation, call.id(), AwsService::refusal(operation).value_or(QString())));
}

Refusal S3Service::expired(const Call &call) const
{
    bool presigned = false;
    const QString expires = queryValue(call.query, "X-Amz-Expires", &presigned);
    const QString format = u"yyyy-MM-ddTHH:mm:ssZ"_s;
    // Presigned URLs are signed on the machine's clock, not the cloud's virtual one.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!presigned) {
        // Signature version 2 (older botocore's default): Expires is the end, in epoch seconds.
        bool ok = false;
        const qint64 end = queryValue(call.query, "Expires").toLongLong(&ok);
        if (!ok || !hasQueryValue(call.query, "Signature") || now.toSecsSinceEpoch() <= end)
            return std::nullopt;
        return s3Error(403, u"AccessDenied"_s, u"Request has expired"_s, call.id(),
                       {{u"Expires"_s, QDateTime::fromSecsSinceEpoch(end, Qt::UTC).toString(format)},
                        {u"ServerTime"_s, now.toString(format)}});
    }
    QDateTime signedAt = QDateTime::fromString(queryValue(call.query, "X-Amz-Date"), u"yyyyMMdd'T'HHmmss'Z'"_s);
    signedAt.setTimeSpec(Qt::UTC);
    bool ok = false;
    const qint64 seconds = expires.toLongLong(&ok);
    if (!signedAt.isValid())
        return s3Error(400, u"AuthorizationQueryParametersError"_s,
                       u"X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""_s, call.id());
    if (!ok || seconds < 0 || seconds > 604800)
        return s3Error(400, u"AuthorizationQueryParametersError"_s,
                       u"X-Amz-Expires must be less than a week (in seconds) that is 604800"_s, call.id());
    const QDateTime end = signedAt.addSecs(seconds);
    if (now <= end)
        return std::nullopt;
    return s3Error(
        403, u"AccessDenied"_s, u"Request has expired"_s, call.id(),
        {{u"X-Amz-Expires"_s, expires}, {u"Expires"_s, end.toString(format)}, {u"ServerTime"_s, now.toString(format)}});
}

QString S3Service::operationOf(const Call &call, HttpResponseData *refusal) const
{
    const QString &method = call.request.method;
    if (call.bucket.isEmpty()) {
        if (method == "GET"_L1)
            return u"ListBuckets"_s;
        *refusal = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, call.id());
        return {};
    }
    // CreateBucket names a bucket that may not be there (yet).
    if (call.key.isEmpty() && method == "PUT"_L1
        && std::all_of(call.query.cbegin(), call.query.cend(),
                       [](const QPair<QString, QString> &p) { return isPlainParameter(p.first, true); }))
        return u"CreateBucket"_s;
    if (bucketOf(call.awsBucket).isEmpty()) {
        *refusal = noSuchBucket(call.awsBucket, call.id());
        return {};
    }
    if (call.key.toUtf8().size() > 1024) {
        *refusal = s3Error(400, u"KeyTooLongError"_s, u"Your key is too long"_s, call.id());
        return {};
    }
    const QString subresource = subresourceOperation(call, refusal);
    if (!subresource.isEmpty() || refusal->status != 200)
        return subresource;
    if (call.key.isEmpty()) {
        if (method == "HEAD"_L1)
            return u"HeadBucket"_s;
        if (method == "GET"_L1)
            return u"ListObjects"_s;
        if (method == "POST"_L1)
            return u"PostObject"_s;
        if (method == "DELETE"_L1)
            return u"DeleteBucket"_s;
        *refusal = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, call.id());
        return {};
    }
    bool versioned = false;
    const QString version = queryValue(call.query, "versionId", &versioned);
    if (versioned && !BucketStore::validVersionId(version)) {
        // Ids the local cloud never gives name no version (nor a file).
        *refusal = invalidVersion(version, call.id());
        return {};
    }
    if (method == "PUT"_L1)
        return call.request.header("x-amz-copy-source").isEmpty() ? u"PutObject"_s : u"CopyObject"_s;
    if (method == "DELETE"_L1)
        return u"DeleteObject"_s;
    if ((method == "GET"_L1 || method == "HEAD"_L1) && hasQueryValue(call.query, "partNumber"))
        return u"GetObject with partNumber"_s;
    if (method == "GET"_L1 || method == "HEAD"_L1)
        return u"GetObject"_s;
    *refusal = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, call.id());
    return {};
}

// The operation of a subresource in the query, empty for none (or with *refusal set when
// the query holds a parameter S3 has not for this method).
QString S3Service::subresourceOperation(const Call &call, HttpResponseData *refusal) const
{
    const QString &method = call.request.method;
    const bool bucketLevel = call.key.isEmpty();
    const Subresource *table = bucketLevel ? kBucketSubresources : kObjectSubresources;
    const std::size_t count = bucketLevel ? std::size(kBucketSubresources) : std::size(kObjectSubresources);
    for (const auto &[name, value] : call.query) {
        for (std::size_t i = 0; i < count; ++i) {
            const Subresource &sub = table[i];
            if (name != QLatin1String(sub.name))
                continue;
            const char *operation = method == "GET"_L1 || method == "HEAD"_L1 ? sub.get
                                    : method == "PUT"_L1                      ? sub.put
                                    : method == "DELETE"_L1                   ? sub.remove
                                    : method == "POST"_L1                     ? sub.post
                                                                              : nullptr;
            if (!operation) {
                *refusal = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, call.id(),
                                   {{u"Method"_s, method}, {u"ResourceType"_s, name}});
                return {};
            }
            QString result = QLatin1String(operation);
            const bool listable = name == "analytics"_L1 || name == "inventory"_L1 || name == "metrics"_L1
                                  || name == "intelligent-tiering"_L1;
            if (listable && method == "GET"_L1 && !hasQueryValue(call.query, "id"))
                result = u"ListBucket"_s + result.mid(9).replace(u"Configuration"_s, u"Configurations"_s);
            if (result == "UploadPart"_L1 && !call.request.header("x-amz-copy-source").isEmpty())
                result = u"UploadPartCopy"_s;
            return result;
        }
    }
    for (const auto &[name, value] : call.query) {
        if (!isPlainParameter(name, bucketLevel)) {
            *refusal = notImplemented(u"The subresource ?%1"_s.arg(name.left(100)), call.id());
            return {};
        }
    }
    return {};
}

Refusal S3Service::uploadedBody(const Call &call, QByteArray *body, HttpHeaders *echo) const
{
    // Streaming uploads come aws-chunked, with the checksum in a trailer.
    *body = call.request.body;
    HttpHeaders trailers;
    const bool chunked = call.request.header("content-encoding").contains("aws-chunked")
                         || call.request.header("x-amz-content-sha256").startsWith("STREAMING-");
    if (chunked) {
        const auto decoded = AwsWire::decodeAwsChunked(*body, &trailers);
        if (!decoded)
            return s3Error(400, u"IncompleteBody"_s, u"The request body is not valid aws-chunked content."_s,
                           call.id());
        *body = *decoded;
    }
    const QByteArray md5 = call.request.header("content-md5");
    if (!md5.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(md5.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 16)
            return s3Error(400, u"InvalidDigest"_s, u"The Content-MD5 you specified is not valid."_s, call.id(),
                           {{u"Content-MD5"_s, QString::fromLatin1(md5.left(100))}});
        if (decoded.decoded != QCryptographicHash::hash(*body, QCryptographicHash::Md5))
            return s3Error(
                400, u"BadDigest"_s, u"The Content-MD5 you specified did not match what we received."_s, call.id(),
                {{u"ExpectedDigest"_s, QString::fromLatin1(md5)},
                 {u"CalculatedDigest"_s,
                  QString::fromLatin1(QCryptographicHash::hash(*body, QCryptographicHash::Md5).toBase64())}});
    }
    for (const char *algorithm : kChecksums) {
        const QByteArray name = QByteArray("x-amz-checksum-") + algorithm;
        QByteArray given = call.request.header(name.constData()).trimmed();
        for (const auto &[trailer, value] : std::as_const(trailers))
            if (trailer == name)
                given = value;
        if (given.isEmpty())
            continue;
        if (given != checksumOf(algorithm, *body))
            return s3Error(400, u"BadDigest"_s,
                           u"The %1 you specified did not match the calculated checksum."_s.arg(
                               QString::fromLatin1(algorithm).toUpper()),
                           call.id());
        AwsWire::addHeader(*echo, name, given);
    }
    return std::nullopt;
}

Refusal S3Service::tagsOf(const QList<QPair<QString, QString>> &pairs, ObjectFields *tags, const QString &id) const
{
    tags->clear();
    if (pairs.size() > 10)
        return s3Error(400, u"BadRequest"_s, u"Object tags cannot be greater than 10"_s, id);
    for (const auto &[key, value] : pairs) {
        if (key.isEmpty() || key.size() > 128 || key.startsWith("aws:"_L1))
            return s3Error(400, u"InvalidTag"_s, u"The TagKey you have provided is invalid"_s, id,
                           {{u"TagKey"_s, key.left(200)}});
        if (value.size() > 256)
            return s3Error(400, u"InvalidTag"_s, u"The TagValue you have provided is invalid"_s, id,
                           {{u"TagKey"_s, key}, {u"TagValue"_s, value.left(300)}});
        if (tags->contains(key))
            return s3Error(400, u"InvalidTag"_s, u"Cannot provide multiple Tags with the same key"_s, id,
                           {{u"TagKey"_s, key}});
        tags->insert(key, value);
    }
    return std::nullopt;
}

Refusal S3Service::requestFields(const Call &call, ObjectFields *headers, ObjectFields *tags) const
{
    qsizetype userMetadata = 0;
    for (const auto &[rawName, value] : call.request.headers) {
        const QByteArray name = rawName.toLower();
        const bool user = name.startsWith("x-amz-meta-");
        const bool stored = std::any_of(std::begin(kStoredHeaders), std::end(kStoredHeaders),
                                        [&](const char *header) { return name == header; });
        if (!user && !stored)
            continue;
        QByteArray text = value.trimmed();
        if (name == "content-encoding") {
            // aws-chunked is how the body came, not what it is.
            QList<QByteArray> codings = text.split(',');
            codings.removeIf([](const QByteArray &c) { return c.trimmed() == "aws-chunked"; });
            text = codings.join(',').trimmed();
            if (text.isEmpty())
                continue;
        }
        if (RequestGuard::isUnsafeHeaderValue(text))
            return s3Error(400, u"InvalidArgument"_s, u"Header value cannot be represented using ISO-8859-1."_s,
                           call.id(), {{u"HeaderName"_s, QString::fromLatin1(name)}});
        if (user)
            userMetadata += name.size() - 11 + text.size();
        headers->insert(QString::fromLatin1(name), QString::fromUtf8(text));
    }
    if (userMetadata > kUserMetadataLimit)
        return s3Error(400, u"MetadataTooLarge"_s, u"Your metadata headers exceed the maximum allowed metadata size."_s,
                       call.id(), {{u"Size"_s, QString::number(userMetadata)}, {u"MaxSizeAllowed"_s, u"2048"_s}});
    return tagsOf(AwsWire::formPairs(call.request.header("x-amz-tagging")), tags, call.id());
}

Refusal S3Service::conditions(const Call &call, const StoredObject &object, bool copy) const
{
    auto header = [&](const char *name) {
        return call.request.header(copy ? (QByteArray("x-amz-copy-source-") + name).constData() : name);
    };
    const QByteArray ifMatch = header("if-match"), ifNoneMatch = header("if-none-match");
    const QDateTime unmodifiedSince = httpDateOf(header("if-unmodified-since"));
    const QDateTime modifiedSince = httpDateOf(header("if-modified-since"));
    // HTTP dates have seconds; the object's time has milliseconds.
    const QDateTime modified = object.modified.addMSecs(-object.modified.time().msec());
    auto matches = [&](const QByteArray &list) {
        for (const QByteArray &tag : list.split(','))
            if (tag.trimmed() == "*" || unquoted(QString::fromLatin1(tag)) == object.etag)
                return true;
        return false;
    };
    const QString prefix = copy ? u"x-amz-copy-source-"_s : QString();
    // If-Match decides alone when given; If-Unmodified-Since otherwise (RFC 7232's order, as S3).
    if (!ifMatch.isEmpty() ? !matches(ifMatch) : unmodifiedSince.isValid() && modified > unmodifiedSince)
        return preconditionFailed(prefix + (ifMatch.isEmpty() ? u"If-Unmodified-Since"_s : u"If-Match"_s), call.id());
    const bool notModified = !ifNoneMatch.isEmpty() ? matches(ifNoneMatch)
                                                    : modifiedSince.isValid() && modified <= modifiedSince;
    if (!notModified)
        return std::nullopt;
    if (copy)
        return preconditionFailed(prefix + (ifNoneMatch.isEmpty() ? u"If-Modified-Since"_s : u"If-None-Match"_s),
                                  call.id());
    HttpResponseData r;
    r.status = 304;
    AwsWire::addHeader(r.headers, "etag", etagHeader(object.etag));
    AwsWire::addHeader(r.headers, "last-modified", AwsWire::httpDate(object.modified));
    return r;
}

void S3Service::addObjectHeaders(HttpHeaders &headers, const StoredObject &object) const
{
    // A type that could end the header line (from an older state folder) is not echoed.
    const QByteArray type = object.contentType.toUtf8();
    AwsWire::addHeader(
        headers, "content-type",
        type.isEmpty() || RequestGuard::isUnsafeHeaderValue(type) ? QByteArray("application/octet-stream") : type);
    AwsWire::addHeader(headers, "etag", etagHeader(object.etag));
    AwsWire::addHeader(headers, "last-modified", AwsWire::httpDate(object.modified));
    AwsWire::addHeader(headers, "accept-ranges", "bytes");
    // Nor a stored header that could not have come as one (from an older state folder).
    for (auto it = object.headers.cbegin(); it != object.headers.cend(); ++it)
        if (RequestGuard::isHeaderName(it.key().toUtf8()) && !RequestGuard::isUnsafeHeaderValue(it.value().toUtf8()))
            AwsWire::addHeader(headers, it.key().toLatin1(), it.value().toUtf8());
    if (!object.tags.isEmpty())
        AwsWire::addHeader(headers, "x-amz-tagging-count", QByteArray::number(object.tags.size()));
    const int parts = object.etag.section('-'_L1, 1).toInt();
    if (parts > 0)
        AwsWire::addHeader(headers, "x-amz-mp-parts-count", QByteArray::number(parts));
}

Refusal S3Service::copySource(const Call &call, QString *bucket, StoredObject *object) const
{
    const QByteArray copySource = call.request.header("x-amz-copy-source");
    const qsizetype query = copySource.indexOf('?');
    QString source = QUrl::fromPercentEncoding(copySource.left(query < 0 ? copySource.size() : query));
    if (source.startsWith('/'_L1))
        source = source.mid(1);
    *bucket = source.section('/'_L1, 0, 0);
    const QString key = source.section('/'_L1, 1);
    bool versioned = false;
    const QString version = query >= 0
                                ? queryValue(AwsWire::formPairs(copySource.mid(query + 1)), "versionId", &versioned)
                                : QString();
    if (versioned && !BucketStore::validVersionId(version))
        return invalidVersion(version, call.id());
    const QString node = bucketOf(*bucket);
    if (node.isEmpty())
        return noSuchBucket(*bucket, call.id());
    *bucket = node;
    if (versioned) {
        const Result<StoredObject> found = cloud().state().objectVersion(*bucket, key, version);
        if (!found)
            return noSuchVersion(key, version, call.id());
        if (found->deleteMarker)
            return s3Error(
                400, u"InvalidRequest"_s,
                u"The source of a copy request may not specifically refer to a delete marker by version id."_s,
                call.id());
        *object = *found;
    } else {
        const Result<StoredObject> found = cloud().state().objectInfo(*bucket, key);
        if (!found)
            return noSuchKey(key, call.id());
        *object = *found;
    }
    return conditions(call, *object, true);
}

HttpResponseData S3Service::listBuckets(const Call &)
{
    S3Document document(u"ListAllMyBucketsResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeStartElement(u"Owner"_s);
    xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
    xml.writeEndElement();
    xml.writeStartElement(u"Buckets"_s);
    for (const Node *node : cloud().resourceNodes(Kinds::Bucket)) {
        if (mDeleted.contains(node->name))
            continue;
        xml.writeStartElement(u"Bucket"_s);
        xml.writeTextElement(u"Name"_s, cloud().awsName(node->name));
        xml.writeTextElement(u"CreationDate"_s, u"2026-01-01T00:00:00.000Z"_s);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return document.answer();
}

QString S3Service::bucketOf(const QString &name) const
{
    const QString bucket = bucketNamed(cloud(), name);
    return mDeleted.contains(bucket) ? QString() : bucket;
}

// The design's buckets exist already: CreateBucket answers as S3 does the owner of a bucket
// in the cloud's region (BucketAlreadyOwnedByYou, or us-east-1's legacy 200), or makes one
// deleted in this run again. A bucket the design does not declare is made for this run
// (LocalCloud::makeResource): the canvas shows it as made by code.
HttpResponseData S3Service::createBucket(const Call &call)
{
    const QString bucket = bucketNamed(cloud(), call.awsBucket);
    HttpResponseData r;
    AwsWire::addHeader(r.headers, "location", '/' + call.awsBucket.toUtf8());
    if (bucket.isEmpty()) {
        // S3's rules for a bucket's name: 3 to 63 lowercase letters, digits, dots and
        // hyphens, beginning and ending with a letter or digit, not an IP address.
        static const QRegularExpression valid(u"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"_s);
        static const QRegularExpression address(u"^\\d+\\.\\d+\\.\\d+\\.\\d+$"_s);
        if (!valid.match(call.awsBucket).hasMatch() || address.match(call.awsBucket).hasMatch()
            || call.awsBucket.contains(".."_L1))
            return s3Error(400, u"InvalidBucketName"_s, u"The specified bucket is not valid."_s, call.id(),
                           {{u"BucketName"_s, call.awsBucket.left(100)}});
        if (const Result<QString> made = cloud().makeResource(Kinds::Bucket, call.awsBucket, {}, call.request.cause);
            !made)
            return s3Error(400, u"TooManyBuckets"_s, made.errorMessage(), call.id(), {});
        return r;
    }
    if (mDeleted.remove(bucket) || cloud().region() == "us-east-1"_L1)
        return r;
    return s3Error(409, u"BucketAlreadyOwnedByYou"_s,
                   u"Your previous request to create the named bucket succeeded and you already own it."_s, call.id(),
                   {{u"BucketName"_s, call.awsBucket}});
}

// DeleteBucket for this run: as S3, only an empty bucket (no objects, no versions, no
// uploads in progress); the design keeps it, and the run answers as for a missing bucket
// until CreateBucket.
HttpResponseData S3Service::deleteBucket(const Call &call)
{
    const CloudState &state = cloud().state();
    if (!state.listObjects(call.bucket, QString()).isEmpty() || !state.listVersions(call.bucket, QString()).isEmpty()
        || !state.uploads(call.bucket, QString()).isEmpty())
        return s3Error(409, u"BucketNotEmpty"_s, u"The bucket you tried to delete is not empty"_s, call.id(),
                       {{u"BucketName"_s, call.awsBucket}});
    if (cloud().isMadeResource(call.bucket)) { // made by code in this run: gone
        if (const Result<void> removed = cloud().removeMadeResource(call.bucket); !removed)
            return s3Error(500, u"InternalError"_s, removed.errorMessage(), call.id(), {});
    } else {
        mDeleted.insert(call.bucket);
    }
    HttpResponseData r;
    r.status = 204;
    return r;
}

HttpResponseData S3Service::headBucket(const Call &)
{
    HttpResponseData r;
    AwsWire::addHeader(r.headers, "x-amz-bucket-region", cloud().region().toLatin1());
    return r;
}

HttpResponseData S3Service::deleteObjects(const Call &call)
{
    // <Delete><Quiet/>?<Object><Key/><VersionId/>?</Object>...</Delete>
    struct Named
    {
        QString key;
        QString versionId;
        bool versioned = false;
    };
    QList<Named> objects;
    bool quiet = false;
    QXmlStreamReader reader(call.request.body);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == "Object"_L1) {
            Named named;
            while (reader.readNextStartElement()) {
                if (reader.name() == "Key"_L1) {
                    named.key = reader.readElementText();
                } else if (reader.name() == "VersionId"_L1) {
                    named.versioned = true;
                    named.versionId = reader.readElementText();
                } else {
                    reader.skipCurrentElement();
                }
            }
            objects.append(named);
        } else if (reader.isStartElement() && reader.name() == "Quiet"_L1) {
            quiet = reader.readElementText() == "true"_L1;
        }
    }
    if (reader.hasError() || objects.isEmpty() || objects.size() > 1000)
        return malformedXml(call.id());
    S3Document document(u"DeleteResult"_s);
    QXmlStreamWriter &xml = document.xml;
    for (const Named &named : std::as_const(objects)) {
        DeletedObject outcome;
        const bool validVersion = !named.versioned || BucketStore::validVersionId(named.versionId);
        const Result<void> deleted = validVersion ? cloud().deleteObject(call.bucket, named.key, call.request.cause,
                                                                         named.versionId, &outcome)
                                                  : Result<void>(Error{u"Invalid version id specified"_s});
        if (deleted && quiet)
            continue;
        xml.writeStartElement(deleted ? u"Deleted"_s : u"Error"_s);
        xml.writeTextElement(u"Key"_s, named.key);
        if (named.versioned)
            xml.writeTextElement(u"VersionId"_s, named.versionId.left(100));
        if (!deleted) {
            xml.writeTextElement(u"Code"_s, validVersion ? u"InternalError"_s : u"InvalidArgument"_s);
            xml.writeTextElement(u"Message"_s, deleted.errorMessage());
        } else if (outcome.deleteMarker) {
            xml.writeTextElement(u"DeleteMarker"_s, u"true"_s);
            xml.writeTextElement(u"DeleteMarkerVersionId"_s, outcome.versionId);
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
    xml.writeTextElement(u"Name"_s, call.awsBucket);
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
    QString sourceBucket;
    StoredObject original;
    if (Refusal refusal = copySource(call, &sourceBucket, &original))
        return *refusal;
    const bool replaceHeaders = call.request.header("x-amz-metadata-directive") == "REPLACE";
    const bool replaceTags = call.request.header("x-amz-tagging-directive") == "REPLACE";
    // Copying an older version over its key is how a version is restored: allowed.
    if (sourceBucket == call.bucket && original.key == call.key && original.current && !replaceHeaders)
        return s3Error(400, u"InvalidRequest"_s,
                       u"This copy request is illegal because it is trying to copy an object to itself without "
                       "changing the object's metadata, storage class, website redirect location or encryption "
                       "attributes."_s,
                       call.id());
    if (original.size > LocalCloud::kObjectLimit)
        return notImplemented(
            u"CopyObject"_s, call.id(),
            u"objects over %1 MB are copied with UploadPartCopy"_s.arg(LocalCloud::kObjectLimit >> 20));
    ObjectFields headers, tags;
    if (Refusal refusal = requestFields(call, &headers, &tags))
        return *refusal;
    if (!replaceHeaders)
        headers = original.headers;
    if (!replaceTags)
        tags = original.tags;
    const QString type = replaceHeaders ? QString::fromLatin1(call.request.header("content-type"))
                                        : original.contentType;
    CloudState &state = cloud().state();
    const Result<QByteArray> data = state.readVersion(sourceBucket, original, 0, original.size);
    if (!data)
        return s3Error(500, u"InternalError"_s, data.errorMessage(), call.id());
    if (Result<void> put = cloud().putObject(call.bucket, call.key, *data, type, call.request.cause); !put)
        return s3Error(500, u"InternalError"_s, put.errorMessage(), call.id());
    (void)state.setObjectDetails(call.bucket, call.key, headers, tags);
    const StoredObject copied = state.objectInfo(call.bucket, call.key).valueOr(original);
    S3Document document(u"CopyObjectResult"_s);
    document.xml.writeTextElement(u"LastModified"_s, AwsWire::isoTime(copied.modified));
    document.xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(copied.etag)));
    HttpResponseData r = document.answer();
    if (!original.versionId.isEmpty() || !cloud().bucketVersioning(sourceBucket).isEmpty())
        AwsWire::addHeader(r.headers, "x-amz-copy-source-version-id",
                           original.versionId.isEmpty() ? QByteArray("null") : original.versionId.toLatin1());
    addVersionHeader(r.headers, call.bucket, copied);
    return r;
}

HttpResponseData S3Service::putObject(const Call &call)
{
    QByteArray body;
    HttpResponseData r;
    if (Refusal refusal = uploadedBody(call, &body, &r.headers))
        return *refusal;
    ObjectFields headers, tags;
    if (Refusal refusal = requestFields(call, &headers, &tags))
        return *refusal;
    // Conditional writes: If-None-Match: * creates only (the lock pattern), If-Match
    // replaces only the version the writer read.
    const QByteArray ifNoneMatch = call.request.header("if-none-match").trimmed();
    const QByteArray ifMatch = call.request.header("if-match").trimmed();
    if (!ifNoneMatch.isEmpty() || !ifMatch.isEmpty()) {
        if (!ifNoneMatch.isEmpty() && ifNoneMatch != "*")
            return notImplemented(u"PutObject with If-None-Match other than *"_s, call.id());
        const Result<StoredObject> existing = cloud().state().objectInfo(call.bucket, call.key);
        if (existing && !ifNoneMatch.isEmpty())
            return preconditionFailed(u"If-None-Match"_s, call.id());
        if (!ifMatch.isEmpty() && !existing)
            return noSuchKey(call.key, call.id());
        if (!ifMatch.isEmpty() && ifMatch != "*" && unquoted(QString::fromLatin1(ifMatch)) != existing->etag)
            return preconditionFailed(u"If-Match"_s, call.id());
    }
    if (Result<void> put = cloud().putObject(
            call.bucket, call.key, body, QString::fromLatin1(call.request.header("content-type")), call.request.cause);
        !put)
        return s3Error(400, u"InvalidArgument"_s, put.errorMessage(), call.id());
    if (Result<void> stored = cloud().state().setObjectDetails(call.bucket, call.key, headers, tags); !stored)
        return s3Error(500, u"InternalError"_s, stored.errorMessage(), call.id());
    AwsWire::addHeader(r.headers, "etag", etagHeader(AwsWire::md5Hex(body)));
    if (const Result<StoredObject> written = cloud().state().objectInfo(call.bucket, call.key))
        addVersionHeader(r.headers, call.bucket, *written);
    return r;
}

void S3Service::addVersionHeader(HttpHeaders &headers, const QString &bucket, const StoredObject &version) const
{
    if (!version.versionId.isEmpty())
        AwsWire::addHeader(headers, "x-amz-version-id", version.versionId.toLatin1());
    else if (!cloud().bucketVersioning(bucket).isEmpty())
        AwsWire::addHeader(headers, "x-amz-version-id", "null");
}

Refusal S3Service::currentVersionOnly(const Call &call, const QString &operation) const
{
    bool versioned = false;
    const QString version = queryValue(call.query, "versionId", &versioned);
    if (!versioned)
        return std::nullopt;
    if (!BucketStore::validVersionId(version))
        return invalidVersion(version, call.id());
    const Result<StoredObject> found = cloud().state().objectVersion(call.bucket, call.key, version);
    if (!found)
        return noSuchVersion(call.key, version, call.id());
    if (!found->current)
        return notImplemented(operation, call.id(), u"the local cloud serves it for the current version only"_s);
    return std::nullopt;
}

HttpResponseData S3Service::deleteObject(const Call &call)
{
    if (const QByteArray ifMatch = call.request.header("if-match"); !ifMatch.isEmpty()) {
        const Result<StoredObject> existing = cloud().state().objectInfo(call.bucket, call.key);
        if (!existing)
            return noSuchKey(call.key, call.id());
        if (ifMatch.trimmed() != "*" && unquoted(QString::fromLatin1(ifMatch)) != existing->etag)
            return preconditionFailed(u"If-Match"_s, call.id());
    }
    bool versioned = false;
    const QString versionId = queryValue(call.query, "versionId", &versioned);
    DeletedObject outcome;
    if (Result<void> deleted = cloud().deleteObject(call.bucket, call.key, call.request.cause, versionId, &outcome);
        !deleted)
        return s3Error(500, u"InternalError"_s, deleted.errorMessage(), call.id());
    HttpResponseData r;
    r.status = 204;
    if (outcome.deleteMarker)
        AwsWire::addHeader(r.headers, "x-amz-delete-marker", "true");
    if (!outcome.versionId.isEmpty())
        AwsWire::addHeader(r.headers, "x-amz-version-id", outcome.versionId.toLatin1());
    return r;
}

HttpResponseData S3Service::getObject(const Call &call)
{
    bool versioned = false;
    const QString versionId = queryValue(call.query, "versionId", &versioned);
    CloudState &state = cloud().state();
    const Result<StoredObject> stored = versioned ? state.objectVersion(call.bucket, call.key, versionId)
                                                  : state.objectInfo(call.bucket, call.key);
    if (!stored && versioned)
        return noSuchVersion(call.key, versionId, call.id());
    if (!stored) {
        // A delete marker as the latest version: gone, and the answer says so.
        HttpResponseData r = noSuchKey(call.key, call.id());
        if (const std::optional<StoredObject> marker = state.latestDeleteMarker(call.bucket, call.key)) {
            AwsWire::addHeader(r.headers, "x-amz-delete-marker", "true");
            AwsWire::addHeader(r.headers, "x-amz-version-id", marker->versionId.toLatin1());
        }
        return r;
    }
    if (stored->deleteMarker) {
        // A delete marker named by its id has no content: 405, with its time.
        HttpResponseData r = s3Error(405, u"MethodNotAllowed"_s, kNotAllowed, call.id(),
                                     {{u"Method"_s, call.request.method}, {u"ResourceType"_s, u"DeleteMarker"_s}});
        AwsWire::addHeader(r.headers, "x-amz-delete-marker", "true");
        AwsWire::addHeader(r.headers, "x-amz-version-id", stored->versionId.toLatin1());
        AwsWire::addHeader(r.headers, "last-modified", AwsWire::httpDate(stored->modified));
        return r;
    }
    if (Refusal refusal = conditions(call, *stored, false))
        return *refusal;
    HttpResponseData r;
    addObjectHeaders(r.headers, *stored);
    addVersionHeader(r.headers, call.bucket, *stored);
    for (const auto &[parameter, header] : kResponseOverrides) {
        bool given = false;
        const QByteArray value = queryValue(call.query, parameter, &given).toUtf8();
        if (!given || RequestGuard::isUnsafeHeaderValue(value))
            continue;
        r.headers.removeIf([header = header](const auto &h) { return h.first == header; });
        AwsWire::addHeader(r.headers, header, value);
    }
    const QByteArray range = call.request.header("range");
    qint64 from = 0, to = 0;
    if (!byteRange(range, stored->size, &from, &to))
        return s3Error(416, u"InvalidRange"_s, u"The requested range is not satisfiable"_s, call.id(),
                       {{u"RangeRequested"_s, QString::fromLatin1(range)},
                        {u"ActualObjectSize"_s, QString::number(stored->size)}});
    if (!range.isEmpty()) {
        r.status = 206;
        AwsWire::addHeader(r.headers, "content-range",
                           u"bytes %1-%2/%3"_s.arg(from).arg(to).arg(stored->size).toLatin1());
    }
    if (call.request.method == "HEAD"_L1) {
        AwsWire::addHeader(r.headers, "content-length", QByteArray::number(to - from + 1));
        return r;
    }
    // A large body is sent from its file by the server, never read into memory here.
    if (call.request.bodyFile && to - from + 1 >= kStreamedFrom) {
        *call.request.bodyFile = BodyFile{state.contentPath(call.bucket, *stored), from, to - from + 1};
        AwsWire::addHeader(r.headers, "content-length", QByteArray::number(to - from + 1));
        return r;
    }
    const Result<QByteArray> data = state.readVersion(call.bucket, *stored, from, to - from + 1);
    if (!data)
        return s3Error(500, u"InternalError"_s, data.errorMessage(), call.id());
    r.body = *data;
    return r;
}

HttpResponseData S3Service::getObjectTagging(const Call &call)
{
    if (Refusal refusal = currentVersionOnly(call, u"GetObjectTagging"_s))
        return *refusal;
    const Result<StoredObject> stored = cloud().state().objectInfo(call.bucket, call.key);
    if (!stored)
        return noSuchKey(call.key, call.id());
    S3Document document(u"Tagging"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeStartElement(u"TagSet"_s);
    for (auto it = stored->tags.cbegin(); it != stored->tags.cend(); ++it) {
        xml.writeStartElement(u"Tag"_s);
        xml.writeTextElement(u"Key"_s, it.key());
        xml.writeTextElement(u"Value"_s, it.value());
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return document.answer();
}

HttpResponseData S3Service::putObjectTagging(const Call &call)
{
    if (Refusal refusal = currentVersionOnly(call, u"PutObjectTagging"_s))
        return *refusal;
    // <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>
    QList<QPair<QString, QString>> pairs;
    QXmlStreamReader reader(call.request.body);
    bool tagging = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == "Tagging"_L1) {
            tagging = true;
        } else if (reader.name() == "Tag"_L1) {
            QPair<QString, QString> tag;
            while (reader.readNextStartElement()) {
                if (reader.name() == "Key"_L1)
                    tag.first = reader.readElementText();
                else if (reader.name() == "Value"_L1)
                    tag.second = reader.readElementText();
                else
                    reader.skipCurrentElement();
            }
            pairs.append(tag);
        }
    }
    if (reader.hasError() || !tagging)
        return malformedXml(call.id());
    Result<StoredObject> stored = cloud().state().objectInfo(call.bucket, call.key);
    if (!stored)
        return noSuchKey(call.key, call.id());
    ObjectFields tags;
    if (Refusal refusal = tagsOf(pairs, &tags, call.id()))
        return *refusal;
    if (Result<void> done = cloud().state().setObjectDetails(call.bucket, call.key, stored->headers, tags); !done)
        return s3Error(500, u"InternalError"_s, done.errorMessage(), call.id());
    return {};
}

HttpResponseData S3Service::deleteObjectTagging(const Call &call)
{
    if (Refusal refusal = currentVersionOnly(call, u"DeleteObjectTagging"_s))
        return *refusal;
    Result<StoredObject> stored = cloud().state().objectInfo(call.bucket, call.key);
    if (!stored)
        return noSuchKey(call.key, call.id());
    if (Result<void> done = cloud().state().setObjectDetails(call.bucket, call.key, stored->headers, {}); !done)
        return s3Error(500, u"InternalError"_s, done.errorMessage(), call.id());
    HttpResponseData r;
    r.status = 204;
    return r;
}

// The owner's full control, the only ACL the local cloud has.
HttpResponseData S3Service::getAcl(const Call &call)
{
    if (!call.key.isEmpty() && !cloud().state().objectInfo(call.bucket, call.key))
        return noSuchKey(call.key, call.id());
    S3Document document(u"AccessControlPolicy"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeStartElement(u"Owner"_s);
    xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
    xml.writeEndElement();
    xml.writeStartElement(u"AccessControlList"_s);
    xml.writeStartElement(u"Grant"_s);
    xml.writeStartElement(u"Grantee"_s);
    const QString xsi = u"http://www.w3.org/2001/XMLSchema-instance"_s;
    xml.writeNamespace(xsi, u"xsi"_s);
    xml.writeAttribute(xsi, u"type"_s, u"CanonicalUser"_s);
    xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
    xml.writeEndElement();
    xml.writeTextElement(u"Permission"_s, u"FULL_CONTROL"_s);
    xml.writeEndElement();
    xml.writeEndElement();
    return document.answer();
}

HttpResponseData S3Service::putAcl(const Call &call)
{
    const QString operation = call.key.isEmpty() ? u"PutBucketAcl"_s : u"PutObjectAcl"_s;
    const bool grants = std::any_of(call.request.headers.cbegin(), call.request.headers.cend(),
                                    [](const auto &h) { return h.first.toLower().startsWith("x-amz-grant-"); });
    if (call.request.header("x-amz-acl") != "private" || grants || !call.request.body.trimmed().isEmpty())
        return notImplemented(operation, call.id(), u"the local cloud has the canned ACL private only"_s);
    if (!call.key.isEmpty() && !cloud().state().objectInfo(call.bucket, call.key))
        return noSuchKey(call.key, call.id());
    return {};
}

HttpResponseData S3Service::getBucketLocation(const Call &)
{
    // us-east-1 is the empty constraint, as S3 answers for its first region.
    S3Document document(u"LocationConstraint"_s);
    if (cloud().region() != "us-east-1"_L1)
        document.xml.writeCharacters(cloud().region());
    return document.answer();
}

HttpResponseData S3Service::getBucketVersioning(const Call &call)
{
    // A bucket that never had versioning has no Status.
    S3Document document(u"VersioningConfiguration"_s);
    if (const QString status = cloud().bucketVersioning(call.bucket); !status.isEmpty())
        document.xml.writeTextElement(u"Status"_s, status);
    return document.answer();
}

HttpResponseData S3Service::putBucketVersioning(const Call &call)
{
    // <VersioningConfiguration><Status>Enabled|Suspended</Status><MfaDelete/>?</VersioningConfiguration>
    QString status, mfaDelete;
    bool configuration = false, hasStatus = false;
    QXmlStreamReader reader(call.request.body);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == "VersioningConfiguration"_L1) {
            configuration = true;
        } else if (reader.name() == "Status"_L1) {
            hasStatus = true;
            status = reader.readElementText();
        } else if (reader.name() == "MfaDelete"_L1) {
            mfaDelete = reader.readElementText();
        }
    }
    if (reader.hasError() || !configuration || (hasStatus && status != "Enabled"_L1 && status != "Suspended"_L1)
        || (!mfaDelete.isEmpty() && mfaDelete != "Enabled"_L1 && mfaDelete != "Disabled"_L1))
        return malformedXml(call.id());
    if (mfaDelete == "Enabled"_L1)
        return notImplemented(u"PutBucketVersioning with MfaDelete"_s, call.id());
    // Without a Status nothing changes, as S3 does.
    if (hasStatus)
        if (Result<void> done = cloud().state().setBucketVersioning(call.bucket, status); !done)
            return s3Error(500, u"InternalError"_s, done.errorMessage(), call.id());
    return {};
}

// The versions and delete markers of the keys under prefix, by key and newest first, one
// page from key-marker (and version-id-marker) on.
HttpResponseData S3Service::listObjectVersions(const Call &call)
{
    const auto &query = call.query;
    const QString prefix = queryValue(query, "prefix");
    const QString delimiter = queryValue(query, "delimiter");
    const QString keyMarker = queryValue(query, "key-marker");
    const QString versionMarker = queryValue(query, "version-id-marker");
    const bool urlEncoded = queryValue(query, "encoding-type") == "url"_L1;
    if (!versionMarker.isEmpty() && keyMarker.isEmpty())
        return s3Error(400, u"InvalidArgument"_s, u"A version-id marker cannot be specified without a key marker."_s,
                       call.id(), {{u"ArgumentName"_s, u"version-id-marker"_s}});
    if (!versionMarker.isEmpty() && !BucketStore::validVersionId(versionMarker))
        return invalidVersion(versionMarker, call.id());
    bool hasMax = false;
    const int maxKeys = std::clamp(queryValue(query, "max-keys", &hasMax).toInt(), 0, 1000);
    const int limit = hasMax ? maxKeys : 1000;
    auto encode = [urlEncoded](const QString &text) {
        return urlEncoded ? QString::fromLatin1(QUrl::toPercentEncoding(text, "/")) : text;
    };
    auto idOf = [](const StoredObject &v) { return v.versionId.isEmpty() ? u"null"_s : v.versionId; };
    const QList<StoredObject> versions = cloud().state().listVersions(call.bucket, prefix);
    // Where the page starts: after key-marker's versions, or after version-id-marker's.
    qsizetype start = 0;
    if (!keyMarker.isEmpty()) {
        while (start < versions.size() && versions.at(start).key < keyMarker)
            ++start;
        if (versionMarker.isEmpty()) {
            while (start < versions.size() && versions.at(start).key == keyMarker)
                ++start;
        } else {
            qsizetype at = start;
            while (at < versions.size() && versions.at(at).key == keyMarker && idOf(versions.at(at)) != versionMarker)
                ++at;
            if (at < versions.size() && versions.at(at).key == keyMarker)
                start = at + 1;
        }
    }
    QList<StoredObject> page;
    QStringList prefixes;
    bool truncated = false;
    QString nextKey, nextVersion;
    for (qsizetype i = start; i < versions.size(); ++i) {
        const StoredObject &version = versions.at(i);
        QString common;
        if (!delimiter.isEmpty()) {
            const qsizetype at = version.key.indexOf(delimiter, prefix.size());
            if (at >= 0)
                common = version.key.left(at + delimiter.size());
        }
        if (!common.isEmpty() && (common == keyMarker || (!prefixes.isEmpty() && prefixes.last() == common)))
            continue;
        if (page.size() + prefixes.size() >= limit) {
            truncated = true;
            break;
        }
        if (common.isEmpty()) {
            page.append(version);
            nextKey = version.key;
            nextVersion = idOf(version);
        } else {
            prefixes.append(common);
            nextKey = common;
            nextVersion.clear();
        }
    }
    S3Document document(u"ListVersionsResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeTextElement(u"Name"_s, call.awsBucket);
    xml.writeTextElement(u"Prefix"_s, encode(prefix));
    xml.writeTextElement(u"KeyMarker"_s, encode(keyMarker));
    xml.writeTextElement(u"VersionIdMarker"_s, versionMarker);
    if (truncated) {
        xml.writeTextElement(u"NextKeyMarker"_s, encode(nextKey));
        if (!nextVersion.isEmpty())
            xml.writeTextElement(u"NextVersionIdMarker"_s, nextVersion);
    }
    if (!delimiter.isEmpty())
        xml.writeTextElement(u"Delimiter"_s, encode(delimiter));
    xml.writeTextElement(u"MaxKeys"_s, QString::number(limit));
    if (urlEncoded)
        xml.writeTextElement(u"EncodingType"_s, u"url"_s);
    xml.writeTextElement(u"IsTruncated"_s, truncated ? u"true"_s : u"false"_s);
    for (const StoredObject &version : std::as_const(page)) {
        xml.writeStartElement(version.deleteMarker ? u"DeleteMarker"_s : u"Version"_s);
        xml.writeTextElement(u"Key"_s, encode(version.key));
        xml.writeTextElement(u"VersionId"_s, idOf(version));
        xml.writeTextElement(u"IsLatest"_s, version.latest ? u"true"_s : u"false"_s);
        xml.writeTextElement(u"LastModified"_s, AwsWire::isoTime(version.modified));
        if (!version.deleteMarker) {
            xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(version.etag)));
            xml.writeTextElement(u"Size"_s, QString::number(version.size));
            xml.writeTextElement(u"StorageClass"_s, u"STANDARD"_s);
        }
        xml.writeStartElement(u"Owner"_s);
        xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    for (const QString &common : std::as_const(prefixes)) {
        xml.writeStartElement(u"CommonPrefixes"_s);
        xml.writeTextElement(u"Prefix"_s, encode(common));
        xml.writeEndElement();
    }
    return document.answer();
}

// A presigned POST (a browser form upload): the policy's expiration and every condition
// are checked as S3 checks them, each field needing one (x-ignore-*, the signature, the
// policy and the file aside); signatures are not checked, as nowhere in the local cloud.
HttpResponseData S3Service::postObject(const Call &call)
{
    const QByteArray contentType = call.request.header("content-type");
    if (!contentType.toLower().startsWith("multipart/form-data"))
        return s3Error(412, u"PreconditionFailed"_s, u"At least one of the pre-conditions you specified did not hold"_s,
                       call.id(),
                       {{u"Condition"_s, u"Bucket POST must be of the enclosure-type multipart/form-data"_s}});
    PostForm form;
    if (!parseForm(contentType, call.request.body, &form))
        return s3Error(400, u"MalformedPOSTRequest"_s,
                       u"The body of your POST request is not well-formed multipart/form-data."_s, call.id());
    QHash<QString, QByteArray> fields;
    for (const auto &[name, value] : std::as_const(form.fields))
        fields.insert(name, value);
    if (!form.hasFile)
        return s3Error(400, u"InvalidArgument"_s, u"POST requires exactly one file upload per request."_s, call.id(),
                       {{u"ArgumentName"_s, u"file"_s}, {u"ArgumentValue"_s, u"0"_s}});
    if (!fields.contains(u"key"_s))
        return s3Error(400, u"InvalidArgument"_s,
                       u"Bucket POST must contain a field named 'key'.  If it is specified, please check the order "
                       "of the fields."_s,
                       call.id(), {{u"ArgumentName"_s, u"key"_s}, {u"ArgumentValue"_s, QString()}});
    const bool v4 = fields.contains(u"x-amz-signature"_s);
    const bool signedForm = v4 || fields.contains(u"signature"_s);
    if (!signedForm || !fields.contains(u"policy"_s)) {
        if (!signedForm && !fields.contains(u"policy"_s))
            return s3Error(403, u"AccessDenied"_s, u"Access Denied"_s, call.id());
        const QString missing = signedForm ? u"policy"_s : (v4 ? u"x-amz-signature"_s : u"signature"_s);
        return s3Error(400, u"InvalidArgument"_s,
                       u"Bucket POST must contain a field named '%1'.  If it is specified, please check the order of "
                       "the fields."_s.arg(missing),
                       call.id(), {{u"ArgumentName"_s, missing}, {u"ArgumentValue"_s, QString()}});
    }
    if (v4 && fields.value(u"x-amz-algorithm"_s) != "AWS4-HMAC-SHA256")
        return s3Error(400, u"InvalidArgument"_s, u"Only AWS4-HMAC-SHA256 is supported"_s, call.id(),
                       {{u"ArgumentName"_s, u"x-amz-algorithm"_s}});
    const QString key =
        QString::fromUtf8(fields.value(u"key"_s)).replace(u"${filename}"_s, form.fileName.section('/'_L1, -1));
    if (key.isEmpty() || key.toUtf8().size() > 1024)
        return s3Error(400, u"KeyTooLongError"_s, u"Your key is too long"_s, call.id());

    // The policy: {"expiration": ..., "conditions": [...]}.
    auto invalidPolicy = [&](const QString &why) {
        return s3Error(400, u"InvalidPolicyDocument"_s, u"Invalid Policy: "_s + why, call.id());
    };
    auto denied = [&](const QString &why) {
        return s3Error(403, u"AccessDenied"_s, u"Invalid according to Policy: "_s + why, call.id());
    };
    const auto decoded = QByteArray::fromBase64Encoding(fields.value(u"policy"_s).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError parseError;
    const QJsonDocument policy = QJsonDocument::fromJson(decoded.decoded, &parseError);
    if (!decoded || parseError.error != QJsonParseError::NoError || !policy.isObject())
        return invalidPolicy(u"Invalid JSON."_s);
    const QJsonValue expiration = policy.object().value("expiration"_L1);
    if (!expiration.isString())
        return invalidPolicy(u"Policy missing expiration."_s);
    QDateTime expires = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
    if (!expires.isValid())
        return invalidPolicy(u"Invalid 'expiration' value: '%1'"_s.arg(expiration.toString().left(100)));
    // Presigned forms are signed on the machine's clock, not the cloud's virtual one.
    if (expires < QDateTime::currentDateTimeUtc())
        return denied(u"Policy expired."_s);
    const QJsonValue conditions = policy.object().value("conditions"_L1);
    if (!conditions.isArray())
        return invalidPolicy(u"Policy missing conditions."_s);
    QSet<QString> covered;
    auto valueOf = [&](const QString &field) -> std::optional<QByteArray> {
        if (field == "bucket"_L1)
            return call.awsBucket.toUtf8();
        if (field == "key"_L1)
            return key.toUtf8();
        if (!fields.contains(field))
            return std::nullopt;
        return fields.value(field);
    };
    auto conditionText = [](const QJsonValue &c) {
        return QString::fromUtf8(c.isArray() ? QJsonDocument(c.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(c.toObject()).toJson(QJsonDocument::Compact));
    };
    for (const QJsonValue &condition : conditions.toArray()) {
        QString operation, field;
        QJsonValue expected;
        if (condition.isObject() && condition.toObject().size() == 1) {
            operation = u"eq"_s;
            field = condition.toObject().constBegin().key().toLower();
            expected = condition.toObject().constBegin().value();
        } else if (condition.isArray() && condition.toArray().size() == 3) {
            const QJsonArray parts = condition.toArray();
            operation = parts.at(0).toString().toLower();
            if (operation == "content-length-range"_L1) {
                const qint64 low = qint64(parts.at(1).toDouble(-1)), high = qint64(parts.at(2).toDouble(-1));
                if (low < 0 || high < low)
                    return invalidPolicy(u"Invalid content-length-range: %1"_s.arg(conditionText(condition)));
                if (form.file.size() > high)
                    return s3Error(400, u"EntityTooLarge"_s, u"Your proposed upload exceeds the maximum allowed size"_s,
                                   call.id(),
                                   {{u"ProposedSize"_s, QString::number(form.file.size())},
                                    {u"MaxSizeAllowed"_s, QString::number(high)}});
                if (form.file.size() < low)
                    return s3Error(400, u"EntityTooSmall"_s,
                                   u"Your proposed upload is smaller than the minimum allowed size"_s, call.id(),
                                   {{u"ProposedSize"_s, QString::number(form.file.size())},
                                    {u"MinSizeAllowed"_s, QString::number(low)}});
                continue;
            }
            field = parts.at(1).toString().toLower();
            if (!field.startsWith('$'_L1))
                return invalidPolicy(u"Invalid Condition: %1"_s.arg(conditionText(condition)));
            field = field.mid(1);
            expected = parts.at(2);
        } else {
            return invalidPolicy(u"Invalid Condition: %1"_s.arg(conditionText(condition)));
        }
        if (!expected.isString() || (operation != "eq"_L1 && operation != "starts-with"_L1))
            return invalidPolicy(u"Invalid Condition: %1"_s.arg(conditionText(condition)));
        const std::optional<QByteArray> given = valueOf(field);
        const QByteArray wanted = expected.toString().toUtf8();
        const bool holds = given && (operation == "eq"_L1 ? *given == wanted : given->startsWith(wanted));
        if (!holds)
            return denied(u"Policy Condition failed: %1"_s.arg(conditionText(condition)));
        covered.insert(field);
    }
    for (const auto &[name, value] : std::as_const(form.fields)) {
        const bool exempt = name == "policy"_L1 || name == "x-amz-signature"_L1 || name == "signature"_L1
                            || name == "awsaccesskeyid"_L1 || name.startsWith("x-ignore-"_L1);
        if (!exempt && !covered.contains(name))
            return denied(u"Extra input fields: %1"_s.arg(name.left(100)));
    }

    // What the form stores with the object: its type, metadata and standard headers, tags.
    ObjectFields headers, tags;
    for (const auto &[name, value] : std::as_const(form.fields)) {
        const bool stored = name.startsWith("x-amz-meta-"_L1)
                            || std::any_of(std::begin(kStoredHeaders), std::end(kStoredHeaders),
                                           [&name = name](const char *header) {
            return name == QLatin1String(header);
                               });
        if (!stored)
            continue;
        // The field's name comes back as a response header's name: a token, never a CR,
        // a colon or a space (a header sent by a client could hold none of them).
        if (!RequestGuard::isHeaderName(name.toUtf8()))
            return s3Error(400, u"InvalidArgument"_s, u"Your metadata headers are not valid."_s, call.id(),
                           {{u"HeaderName"_s, name.left(100)}});
        if (RequestGuard::isUnsafeHeaderValue(value))
            return s3Error(400, u"InvalidArgument"_s, u"Header value cannot be represented using ISO-8859-1."_s,
                           call.id(), {{u"HeaderName"_s, name}});
        headers.insert(name, QString::fromUtf8(value));
    }
    if (const QByteArray tagging = fields.value(u"tagging"_s); !tagging.isEmpty()) {
        QList<QPair<QString, QString>> pairs;
        QXmlStreamReader reader(tagging);
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement() || reader.name() != "Tag"_L1)
                continue;
            QPair<QString, QString> tag;
            while (reader.readNextStartElement()) {
                if (reader.name() == "Key"_L1)
                    tag.first = reader.readElementText();
                else if (reader.name() == "Value"_L1)
                    tag.second = reader.readElementText();
                else
                    reader.skipCurrentElement();
            }
            pairs.append(tag);
        }
        if (reader.hasError())
            return malformedXml(call.id());
        if (Refusal refusal = tagsOf(pairs, &tags, call.id()))
            return *refusal;
    }
    const QString type = QString::fromUtf8(fields.value(u"content-type"_s));
    if (Result<void> put = cloud().putObject(call.bucket, key, form.file, type, call.request.cause); !put)
        return s3Error(400, u"InvalidArgument"_s, put.errorMessage(), call.id());
    if (Result<void> stored = cloud().state().setObjectDetails(call.bucket, key, headers, tags); !stored)
        return s3Error(500, u"InternalError"_s, stored.errorMessage(), call.id());
    const StoredObject object = cloud().state().objectInfo(call.bucket, key).valueOr(StoredObject{});
    const QString location = endpoint().url() + '/'_L1 + call.awsBucket + '/'_L1
                             + QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
    HttpResponseData r;
    const QByteArray redirect = fields.value(u"success_action_redirect"_s, fields.value(u"redirect"_s));
    const QUrl target(QString::fromUtf8(redirect));
    const QByteArray status = fields.value(u"success_action_status"_s);
    if (!redirect.isEmpty() && target.isValid() && (target.scheme() == "http"_L1 || target.scheme() == "https"_L1)) {
        QUrl to = target;
        QUrlQuery query(to);
        query.addQueryItem(u"bucket"_s, call.awsBucket);
        query.addQueryItem(u"key"_s, key);
        query.addQueryItem(u"etag"_s, QString::fromLatin1(etagHeader(object.etag)));
        to.setQuery(query);
        r.status = 303;
        AwsWire::addHeader(r.headers, "location", to.toEncoded());
    } else if (status == "201") {
        S3Document document(u"PostResponse"_s);
        document.xml.writeTextElement(u"Location"_s, location);
        document.xml.writeTextElement(u"Bucket"_s, call.awsBucket);
        document.xml.writeTextElement(u"Key"_s, key);
        document.xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(object.etag)));
        r = document.answer();
        r.status = 201;
    } else {
        // 204 unless 200 is asked for, as S3 answers any other value.
        r.status = status == "200" ? 200 : 204;
    }
    AwsWire::addHeader(r.headers, "etag", etagHeader(object.etag));
    if (r.status != 303)
        AwsWire::addHeader(r.headers, "location", location.toUtf8());
    addVersionHeader(r.headers, call.bucket, object);
    return r;
}

HttpResponseData S3Service::getBucketPolicy(const Call &call)
{
    return s3Error(404, u"NoSuchBucketPolicy"_s, u"The bucket policy does not exist"_s, call.id(),
                   {{u"BucketName"_s, call.awsBucket}});
}

Refusal S3Service::callUpload(const Call &call, MultipartUpload *upload) const
{
    const QString id = queryValue(call.query, "uploadId");
    const Result<MultipartUpload> found = cloud().state().upload(id);
    if (!found || found->bucket != call.bucket || found->key != call.key)
        return noSuchUpload(id, call.id());
    *upload = *found;
    return std::nullopt;
}

Refusal S3Service::partNumber(const Call &call, int *number) const
{
    bool ok = false;
    *number = queryValue(call.query, "partNumber").toInt(&ok);
    if (!ok || *number < 1 || *number > kMaxParts)
        return s3Error(400, u"InvalidArgument"_s, u"Part number must be an integer between 1 and 10000, inclusive"_s,
                       call.id(),
                       {{u"ArgumentName"_s, u"partNumber"_s},
                        {u"ArgumentValue"_s, queryValue(call.query, "partNumber").left(100)}});
    return std::nullopt;
}

HttpResponseData S3Service::createMultipartUpload(const Call &call)
{
    ObjectFields headers, tags;
    if (Refusal refusal = requestFields(call, &headers, &tags))
        return *refusal;
    const QString type = QString::fromLatin1(call.request.header("content-type"));
    if (RequestGuard::isUnsafeHeaderValue(type.toUtf8()) || type.size() > 256)
        return s3Error(400, u"InvalidArgument"_s, u"The content type is not a valid header value."_s, call.id());
    const Result<MultipartUpload> upload = cloud().state().createUpload(call.bucket, call.key, type, headers, tags);
    if (!upload)
        return s3Error(500, u"InternalError"_s, upload.errorMessage(), call.id());
    S3Document document(u"InitiateMultipartUploadResult"_s);
    document.xml.writeTextElement(u"Bucket"_s, call.awsBucket);
    document.xml.writeTextElement(u"Key"_s, call.key);
    document.xml.writeTextElement(u"UploadId"_s, upload->id);
    HttpResponseData r = document.answer();
    if (const QByteArray algorithm = call.request.header("x-amz-checksum-algorithm");
        !algorithm.isEmpty() && !RequestGuard::isUnsafeHeaderValue(algorithm))
        AwsWire::addHeader(r.headers, "x-amz-checksum-algorithm", algorithm);
    return r;
}

Refusal S3Service::partOfUpload(const Call &call, MultipartUpload *upload, int *number) const
{
    if (Refusal refusal = partNumber(call, number))
        return refusal;
    return callUpload(call, upload);
}

HttpResponseData S3Service::uploadPart(const Call &call)
{
    MultipartUpload upload;
    int number = 0;
    if (Refusal refusal = partOfUpload(call, &upload, &number))
        return *refusal;
    QByteArray body;
    HttpResponseData r;
    if (Refusal refusal = uploadedBody(call, &body, &r.headers))
        return *refusal;
    const Result<UploadedPart> part = cloud().state().putPart(upload.id, number, body);
    if (!part)
        return s3Error(500, u"InternalError"_s, part.errorMessage(), call.id());
    AwsWire::addHeader(r.headers, "etag", etagHeader(part->etag));
    return r;
}

HttpResponseData S3Service::uploadPartCopy(const Call &call)
{
    MultipartUpload upload;
    int number = 0;
    if (Refusal refusal = partOfUpload(call, &upload, &number))
        return *refusal;
    QString sourceBucket;
    StoredObject source;
    if (Refusal refusal = copySource(call, &sourceBucket, &source))
        return *refusal;
    const QByteArray range = call.request.header("x-amz-copy-source-range");
    qint64 from = 0, to = source.size - 1;
    // Only bytes=first-last, within the object.
    if (!range.isEmpty()
        && (!byteRange(range, source.size, &from, &to) || range.mid(6).startsWith('-') || range.endsWith('-')
            || range.mid(range.indexOf('-') + 1).toLongLong() >= source.size))
        return s3Error(400, u"InvalidArgument"_s,
                       u"Range specified is not valid for source object of size: %1"_s.arg(source.size), call.id());
    if (to - from + 1 > kMaxObjectSize)
        return s3Error(400, u"InvalidRequest"_s, u"The specified copy range is larger than 5 GB"_s, call.id());
    const Result<UploadedPart> part = cloud().state().copyPart(upload.id, number, sourceBucket, source, from, to);
    if (!part)
        return s3Error(500, u"InternalError"_s, part.errorMessage(), call.id());
    S3Document document(u"CopyPartResult"_s);
    document.xml.writeTextElement(u"LastModified"_s, AwsWire::isoTime(part->modified));
    document.xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(part->etag)));
    return document.answer();
}

HttpResponseData S3Service::completeMultipartUpload(const Call &call)
{
    MultipartUpload upload;
    if (Refusal refusal = callUpload(call, &upload))
        return *refusal;
    // <CompleteMultipartUpload><Part><PartNumber/><ETag/></Part>...</CompleteMultipartUpload>
    QList<QPair<int, QString>> listed;
    QXmlStreamReader reader(call.request.body);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement() || reader.name() != "Part"_L1)
            continue;
        QPair<int, QString> part{0, {}};
        while (reader.readNextStartElement()) {
            if (reader.name() == "PartNumber"_L1)
                part.first = reader.readElementText().toInt();
            else if (reader.name() == "ETag"_L1)
                part.second = unquoted(reader.readElementText());
            else
                reader.skipCurrentElement();
        }
        listed.append(part);
    }
    if (reader.hasError() || listed.isEmpty() || listed.size() > kMaxParts)
        return malformedXml(call.id());
    QHash<int, UploadedPart> uploaded;
    for (const UploadedPart &part : cloud().state().parts(upload.id))
        uploaded.insert(part.number, part);
    QByteArray md5s;
    qint64 size = 0;
    // The order first, then each part, as S3 checks.
    for (qsizetype i = 1; i < listed.size(); ++i) {
        if (listed.at(i).first <= listed.at(i - 1).first)
            return s3Error(400, u"InvalidPartOrder"_s,
                           u"The list of parts was not in ascending order. The parts list must be specified in "
                           "order by part number."_s,
                           call.id(), {{u"UploadId"_s, upload.id}});
    }
    for (qsizetype i = 0; i < listed.size(); ++i) {
        const auto &[number, etag] = listed.at(i);
        const auto part = uploaded.constFind(number);
        if (part == uploaded.cend() || part->etag != etag)
            return s3Error(400, u"InvalidPart"_s,
                           u"One or more of the specified parts could not be found.  The part may not have been "
                           "uploaded, or the specified entity tag may not match the part's entity tag."_s,
                           call.id(),
                           {{u"UploadId"_s, upload.id}, {u"PartNumber"_s, QString::number(number)}, {u"ETag"_s, etag}});
        if (i + 1 < listed.size() && part->size < kMinPartSize)
            return s3Error(400, u"EntityTooSmall"_s, u"Your proposed upload is smaller than the minimum allowed size"_s,
                           call.id(),
                           {{u"ProposedSize"_s, QString::number(part->size)},
                            {u"MinSizeAllowed"_s, QString::number(kMinPartSize)},
                            {u"PartNumber"_s, QString::number(number)},
                            {u"ETag"_s, etag}});
        md5s += QByteArray::fromHex(part->etag.toLatin1());
        size += part->size;
    }
    if (size > kMaxObjectSize)
        return s3Error(
            400, u"EntityTooLarge"_s, u"Your proposed upload exceeds the maximum allowed size"_s, call.id(),
            {{u"ProposedSize"_s, QString::number(size)}, {u"MaxSizeAllowed"_s, QString::number(kMaxObjectSize)}});
    QList<int> numbers;
    for (const auto &part : std::as_const(listed))
        numbers.append(part.first);
    // S3's multipart ETag: the MD5 of the parts' MD5s, and how many parts there were.
    const QString etag = AwsWire::md5Hex(md5s) + u"-%1"_s.arg(listed.size());
    const Result<StoredObject> stored = cloud().completeUpload(upload.id, numbers, etag, call.request.cause);
    if (!stored)
        return s3Error(500, u"InternalError"_s, stored.errorMessage(), call.id());
    S3Document document(u"CompleteMultipartUploadResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeTextElement(u"Location"_s, endpoint().url() + '/'_L1 + call.awsBucket + '/'_L1
                                            + QString::fromLatin1(QUrl::toPercentEncoding(call.key, "/")));
    xml.writeTextElement(u"Bucket"_s, call.awsBucket);
    xml.writeTextElement(u"Key"_s, call.key);
    xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(stored->etag)));
    HttpResponseData r = document.answer();
    addVersionHeader(r.headers, call.bucket, *stored);
    return r;
}

HttpResponseData S3Service::abortMultipartUpload(const Call &call)
{
    MultipartUpload upload;
    if (Refusal refusal = callUpload(call, &upload))
        return *refusal;
    if (Result<void> done = cloud().state().abortUpload(upload.id); !done)
        return s3Error(500, u"InternalError"_s, done.errorMessage(), call.id());
    HttpResponseData r;
    r.status = 204;
    return r;
}

HttpResponseData S3Service::listParts(const Call &call)
{
    MultipartUpload upload;
    if (Refusal refusal = callUpload(call, &upload))
        return *refusal;
    bool hasMax = false;
    const int maxParts = std::clamp(queryValue(call.query, "max-parts", &hasMax).toInt(), 0, 1000);
    const int limit = hasMax ? maxParts : 1000;
    const int marker = queryValue(call.query, "part-number-marker").toInt();
    QList<UploadedPart> page;
    bool truncated = false;
    for (const UploadedPart &part : cloud().state().parts(upload.id)) {
        if (part.number <= marker)
            continue;
        if (page.size() >= limit) {
            truncated = true;
            break;
        }
        page.append(part);
    }
    S3Document document(u"ListPartsResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeTextElement(u"Bucket"_s, call.awsBucket);
    xml.writeTextElement(u"Key"_s, call.key);
    xml.writeTextElement(u"UploadId"_s, upload.id);
    xml.writeTextElement(u"PartNumberMarker"_s, QString::number(marker));
    xml.writeTextElement(u"NextPartNumberMarker"_s, QString::number(page.isEmpty() ? 0 : page.last().number));
    xml.writeTextElement(u"MaxParts"_s, QString::number(limit));
    xml.writeTextElement(u"IsTruncated"_s, truncated ? u"true"_s : u"false"_s);
    for (const UploadedPart &part : std::as_const(page)) {
        xml.writeStartElement(u"Part"_s);
        xml.writeTextElement(u"PartNumber"_s, QString::number(part.number));
        xml.writeTextElement(u"LastModified"_s, AwsWire::isoTime(part.modified));
        xml.writeTextElement(u"ETag"_s, QString::fromLatin1(etagHeader(part.etag)));
        xml.writeTextElement(u"Size"_s, QString::number(part.size));
        xml.writeEndElement();
    }
    for (const QString &who : {u"Initiator"_s, u"Owner"_s}) {
        xml.writeStartElement(who);
        xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
        xml.writeEndElement();
    }
    xml.writeTextElement(u"StorageClass"_s, u"STANDARD"_s);
    return document.answer();
}

HttpResponseData S3Service::listMultipartUploads(const Call &call)
{
    const QString prefix = queryValue(call.query, "prefix");
    const QString keyMarker = queryValue(call.query, "key-marker");
    const QString idMarker = queryValue(call.query, "upload-id-marker");
    bool hasMax = false;
    const int maxUploads = std::clamp(queryValue(call.query, "max-uploads", &hasMax).toInt(), 0, 1000);
    const int limit = hasMax ? maxUploads : 1000;
    QList<MultipartUpload> page;
    bool truncated = false;
    for (const MultipartUpload &upload : cloud().state().uploads(call.bucket, prefix)) {
        if (upload.key < keyMarker || (upload.key == keyMarker && (idMarker.isEmpty() || upload.id <= idMarker)))
            continue;
        if (page.size() >= limit) {
            truncated = true;
            break;
        }
        page.append(upload);
    }
    S3Document document(u"ListMultipartUploadsResult"_s);
    QXmlStreamWriter &xml = document.xml;
    xml.writeTextElement(u"Bucket"_s, call.awsBucket);
    xml.writeTextElement(u"KeyMarker"_s, keyMarker);
    xml.writeTextElement(u"UploadIdMarker"_s, idMarker);
    xml.writeTextElement(u"NextKeyMarker"_s, page.isEmpty() ? QString() : page.last().key);
    xml.writeTextElement(u"NextUploadIdMarker"_s, page.isEmpty() ? QString() : page.last().id);
    xml.writeTextElement(u"Prefix"_s, prefix);
    xml.writeTextElement(u"MaxUploads"_s, QString::number(limit));
    xml.writeTextElement(u"IsTruncated"_s, truncated ? u"true"_s : u"false"_s);
    for (const MultipartUpload &upload : std::as_const(page)) {
        xml.writeStartElement(u"Upload"_s);
        xml.writeTextElement(u"Key"_s, upload.key);
        xml.writeTextElement(u"UploadId"_s, upload.id);
        for (const QString &who : {u"Initiator"_s, u"Owner"_s}) {
            xml.writeStartElement(who);
            xml.writeTextElement(u"ID"_s, QLatin1String(AwsEndpoint::kAccountId));
            xml.writeEndElement();
        }
        xml.writeTextElement(u"StorageClass"_s, u"STANDARD"_s);
        xml.writeTextElement(u"Initiated"_s, AwsWire::isoTime(upload.initiated));
        xml.writeEndElement();
    }
    return document.answer();
}

AwsService *createS3Service(AwsEndpoint &endpoint)
{
    return new S3Service(endpoint);
}

} // namespace Nimbus
