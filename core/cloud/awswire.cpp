#include "awswire.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUrlQuery>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus::AwsWire {

QList<QPair<QString, QString>> formPairs(const QByteArray &encoded)
{
    QByteArray text = encoded;
    text.replace('+', "%20");
    QUrlQuery query;
    query.setQuery(QString::fromLatin1(text));
    QList<QPair<QString, QString>> pairs;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        pairs.append({key, value});
    return pairs;
}

namespace {

bool isIndex(const QString &s)
{
    bool ok = false;
    return s.toInt(&ok) > 0 && ok;
}

void insertPath(QJsonObject &object, const QStringList &path, qsizetype at, const QString &value)
{
    const QString key = path.at(at);
    if (at + 1 == path.size()) {
        object.insert(key, value);
        return;
    }
    QJsonObject child = object.value(key).toObject();
    insertPath(child, path, at + 1, value);
    object.insert(key, child);
}

// Objects keyed 1, 2, 3 become lists; {"member": [...]} becomes the list;
// {"entry": [{key|Name, value|Value}]} becomes a map.
QJsonValue normalise(const QJsonValue &value)
{
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = normalise(it.value());
    const QStringList keys = object.keys();
    if (!keys.isEmpty() && std::all_of(keys.begin(), keys.end(), isIndex)) {
        QList<QPair<int, QJsonValue>> items;
        for (const QString &k : keys)
            items.append({k.toInt(), object.value(k)});
        std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonArray list;
        for (const auto &item : items)
            list.append(item.second);
        return list;
    }
    if (keys == QStringList{u"member"_s})
        return object.value(keys.first());
    if (keys == QStringList{u"entry"_s}) {
        QJsonObject map;
        for (const QJsonValue &entry : object.value(keys.first()).toArray()) {
            const QJsonObject e = entry.toObject();
            const QString name = e.contains("Name"_L1) ? e.value("Name"_L1).toString() : e.value("key"_L1).toString();
            map.insert(name, e.contains("Value"_L1) ? e.value("Value"_L1) : e.value("value"_L1));
        }
        return map;
    }
    return object;
}

// SQS's query names for its lists and maps, as the JSON protocol names them.
QJsonObject renameSqs(QJsonObject object)
{
    // The batch entries ("SendMessageBatchRequestEntry") are the JSON protocol's Entries;
    // the lists of names ("MessageAttributeName") take its plural.
    const auto jsonName = [](const QString &queryName) {
        if (queryName.endsWith("BatchRequestEntry"_L1))
            return u"Entries"_s;
        return queryName.endsWith("AttributeName"_L1) ? queryName + u's' : QString();
    };
    const QStringList keys = object.keys();
    for (const QString &from : keys) {
        const QString to = jsonName(from);
        if (to.isEmpty())
            continue;
        QJsonValue value = object.take(from);
        if (value.isArray()) {
            QJsonArray list = value.toArray();
            for (auto it = list.begin(); it != list.end(); ++it)
                if (it->isObject())
                    *it = renameSqs(it->toObject());
            value = list;
        }
        object.insert(to, value);
    }
    if (object.contains("MessageAttribute"_L1)) {
        QJsonObject map;
        for (const QJsonValue &entry : object.take("MessageAttribute"_L1).toArray())
            map.insert(entry["Name"_L1].toString(), entry["Value"_L1]);
        object.insert(u"MessageAttributes"_s, map);
    }
    return object;
}

void writeValue(QXmlStreamWriter &xml, const QString &name, const QJsonValue &value, const QString &operation);

void writeFields(QXmlStreamWriter &xml, const QJsonObject &object, const QString &operation)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        writeValue(xml, it.key(), it.value(), operation);
}

void writeValue(QXmlStreamWriter &xml, const QString &name, const QJsonValue &value, const QString &operation)
{
    if (value.isArray()) {
        // Lists are flattened under the singular names SQS uses; SNS wraps them in <member>.
        QString element;
        bool wrapped = false;
        if (name == "Messages"_L1)
            element = u"Message"_s;
        else if (name == "QueueUrls"_L1)
            element = u"QueueUrl"_s;
        else if (name == "Successful"_L1 && operation.endsWith("Batch"_L1) && !operation.startsWith("Publish"_L1))
            element = operation + u"ResultEntry"_s;
        else if (name == "Failed"_L1 && !operation.startsWith("Publish"_L1))
            element = u"BatchResultErrorEntry"_s;
        else
            wrapped = true;
        if (wrapped) {
            xml.writeStartElement(name);
            for (const QJsonValue &item : value.toArray())
                writeValue(xml, u"member"_s, item, operation);
            xml.writeEndElement();
        } else {
            for (const QJsonValue &item : value.toArray())
                writeValue(xml, element, item, operation);
        }
        return;
    }
    if (value.isObject() && name == "Attributes"_L1
        && (operation == "GetTopicAttributes"_L1 || operation == "GetSubscriptionAttributes"_L1)) {
        // SNS's maps: <Attributes><entry><key/><value/></entry>...</Attributes>.
        const QJsonObject map = value.toObject();
        xml.writeStartElement(name);
        for (auto it = map.begin(); it != map.end(); ++it) {
            xml.writeStartElement(u"entry"_s);
            xml.writeTextElement(u"key"_s, it.key());
            xml.writeTextElement(u"value"_s, it.value().toString());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        return;
    }
    if (value.isObject() && name == "Tags"_L1 && operation == "ListQueueTags"_L1) {
        // SQS's tags: <Tag><Key/><Value/></Tag>...
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            xml.writeStartElement(u"Tag"_s);
            xml.writeTextElement(u"Key"_s, it.key());
            xml.writeTextElement(u"Value"_s, it.value().toString());
            xml.writeEndElement();
        }
        return;
    }
    if (value.isObject() && (name == "Attributes"_L1 || name == "MessageAttributes"_L1)) {
        // Maps are flattened into entries of a Name and a Value: <Attribute>, <MessageAttribute>.
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            xml.writeStartElement(name.chopped(1));
            xml.writeTextElement(u"Name"_s, it.key());
            writeValue(xml, u"Value"_s, it.value(), operation);
            xml.writeEndElement();
        }
        return;
    }
    xml.writeStartElement(name);
    if (value.isObject())
        writeFields(xml, value.toObject(), operation);
    else if (value.isBool())
        xml.writeCharacters(value.toBool() ? u"true"_s : u"false"_s);
    else if (value.isDouble())
        xml.writeCharacters(QString::number(value.toDouble(), 'g', 17));
    else
        xml.writeCharacters(value.toString());
    xml.writeEndElement();
}

} // namespace

QJsonObject queryToJson(const QList<QPair<QString, QString>> &pairs)
{
    QJsonObject tree;
    for (const auto &[key, value] : pairs) {
        const QStringList path = key.split('.'_L1);
        if (path.size() <= 8) // the deepest real parameter has 6 parts; deeper ones are no one's
            insertPath(tree, path, 0, value);
    }
    return renameSqs(normalise(tree).toObject());
}

QByteArray queryResponse(const QString &operation, const QJsonObject &result, const QString &xmlns,
                         const QString &requestId)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(operation + u"Response"_s);
    xml.writeDefaultNamespace(xmlns);
    xml.writeStartElement(operation + u"Result"_s);
    writeFields(xml, result, operation);
    xml.writeEndElement();
    xml.writeStartElement(u"ResponseMetadata"_s);
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QByteArray queryError(const QString &code, const QString &message, bool sender, const QString &requestId)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(u"ErrorResponse"_s);
    xml.writeStartElement(u"Error"_s);
    xml.writeTextElement(u"Type"_s, sender ? u"Sender"_s : u"Receiver"_s);
    xml.writeTextElement(u"Code"_s, code);
    xml.writeTextElement(u"Message"_s, message);
    xml.writeEndElement();
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

HttpResponseData jsonError(int status, const QString &typePrefix, const QString &type, const QString &message)
{
    HttpResponseData r;
    r.status = status;
    addHeader(r.headers, "content-type", "application/x-amz-json-1.0");
    addHeader(r.headers, "x-amzn-errortype", type.toUtf8());
    r.body = QJsonDocument(QJsonObject{{u"__type"_s, typePrefix + type}, {u"message"_s, message}})
                 .toJson(QJsonDocument::Compact);
    r.problem = type + u": "_s + message;
    return r;
}

HttpResponseData jsonAnswer(const QJsonObject &body, const QByteArray &contentType)
{
    HttpResponseData r;
    addHeader(r.headers, "content-type", contentType);
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponseData jsonAnswer(const QByteArray &body, const QByteArray &contentType)
{
    HttpResponseData r;
    addHeader(r.headers, "content-type", contentType);
    r.body = body;
    return r;
}

HttpResponseData xmlAnswer(int status, const QByteArray &xml)
{
    HttpResponseData r;
    r.status = status;
    addHeader(r.headers, "content-type", "text/xml");
    r.body = xml;
    return r;
}

QString md5Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

QString md5OfMessageAttributes(const QJsonObject &attributes)
{
    QStringList names = attributes.keys();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    QByteArray data;
    auto field = [&data](const QByteArray &bytes) {
        const quint32 n = quint32(bytes.size());
        const char length[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
        data.append(length, 4);
        data.append(bytes);
    };
    for (const QString &name : names) {
        const QJsonObject value = attributes.value(name).toObject();
        const QString type = value.value("DataType"_L1).toString();
        field(name.toUtf8());
        field(type.toUtf8());
        if (type.startsWith("Binary"_L1)) {
            data.append(char(2));
            field(QByteArray::fromBase64(value.value("BinaryValue"_L1).toString().toLatin1()));
        } else {
            data.append(char(1));
            field(value.value("StringValue"_L1).toString().toUtf8());
        }
    }
    return md5Hex(data);
}

std::optional<QByteArray> decodeAwsChunked(const QByteArray &body, HttpHeaders *trailers)
{
    QByteArray out;
    qsizetype at = 0;
    for (;;) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        if (lineEnd < 0)
            return std::nullopt;
        const QByteArray line = body.mid(at, lineEnd - at);
        bool ok = false;
        const qlonglong size =
            line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';')).trimmed().toLongLong(&ok, 16);
        // Compared as what is left, so that a size near 2^63 cannot wrap the sum.
        if (!ok || size < 0 || size > body.size() - (lineEnd + 2))
            return std::nullopt;
        at = lineEnd + 2;
        if (size == 0) {
            // Trailers (checksums) follow, one name:value line each.
            for (const QByteArray &trailer : body.mid(at).split('\n')) {
                const qsizetype colon = trailer.indexOf(':');
                if (trailers && colon > 0)
                    addHeader(*trailers, trailer.left(colon).trimmed().toLower(), trailer.mid(colon + 1).trimmed());
            }
            return out;
        }
        out.append(body.constData() + at, size);
        at += size;
        if (body.mid(at, 2) != "\r\n")
            return std::nullopt;
        at += 2;
    }
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

} // namespace Nimbus::AwsWire
