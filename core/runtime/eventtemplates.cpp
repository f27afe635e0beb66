#include "eventtemplates.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

static void initEventResources()
{
    Q_INIT_RESOURCE(events);
}

namespace Nimbus {

namespace {

struct Context
{
    QHash<QString, QString> values;
    QHash<QString, QJsonValue> computed;
    QDateTime now;
};

QString textOf(const QString &name, const Context &c)
{
    if (name == "uuid"_L1)
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (name == "now"_L1)
        return c.now.toString(Qt::ISODateWithMs);
    if (name == "clfTime"_L1)
        return QLocale::c().toString(c.now, u"dd/MMM/yyyy:HH:mm:ss +0000"_s);
    if (name == "epochMsText"_L1)
        return QString::number(c.now.toMSecsSinceEpoch());
    if (name == "sequencer"_L1)
        return QString::number(c.now.toMSecsSinceEpoch(), 16).toUpper();
    if (name.startsWith("md5:"_L1))
        return QString::fromLatin1(
            QCryptographicHash::hash(c.values.value(name.mid(4)).toUtf8(), QCryptographicHash::Md5).toHex());
    if (name.startsWith("urlencoded:"_L1))
        return QString::fromLatin1(QUrl::toPercentEncoding(c.values.value(name.mid(11)), "/").replace("%20", "+"));
    if (c.values.contains(name))
        return c.values.value(name);
    if (c.computed.contains(name))
        return c.computed.value(name).toVariant().toString();
    return {};
}

QJsonValue fill(const QJsonValue &value, const Context &c)
{
    static const QRegularExpression placeholder(u"\\{\\{([^}]+)\\}\\}"_s);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(fill(v, c));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), fill(it.value(), c));
        return out;
    }
    if (!value.isString())
        return value;
    const QString s = value.toString();
    const auto whole = placeholder.match(s);
    if (whole.hasMatch() && whole.capturedLength() == s.size() && whole.captured(1).startsWith("json:"_L1)) {
        const QString name = whole.captured(1).mid(5);
        if (c.computed.contains(name))
            return c.computed.value(name);
        return QJsonDocument::fromJson("[" + c.values.value(name).toUtf8() + "]").array().at(0);
    }
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart() - last) + textOf(m.captured(1), c);
        last = m.capturedEnd();
    }
    return out + s.mid(last);
}

} // namespace

QJsonObject EventTemplates::pathParameters(const QString &route, const QString &path)
{
    const QStringList routeParts = route.split('/'_L1, Qt::SkipEmptyParts);
    const QStringList pathParts = path.split('/'_L1, Qt::SkipEmptyParts);
    QJsonObject params;
    for (int i = 0; i < routeParts.size(); ++i) {
        const QString &r = routeParts.at(i);
        if (r.startsWith('{'_L1) && r.endsWith("+}"_L1)) {
            params.insert(r.mid(1, r.size() - 3), pathParts.mid(i).join('/'_L1));
            return params;
        }
        if (i >= pathParts.size())
            return {};
        if (r.startsWith('{'_L1) && r.endsWith('}'_L1))
            params.insert(r.mid(1, r.size() - 2), QUrl::fromPercentEncoding(pathParts.at(i).toUtf8()));
        else if (r != pathParts.at(i))
            return {};
    }
    return pathParts.size() == routeParts.size() ? params : QJsonObject();
}

Result<void> EventTemplates::loadDirectory(const QString &directory)
{
    mTemplates.clear();
    const QDir dir(directory);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"%1: %2"_s.arg(file.fileName(), file.errorString()));
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError || o.value("id"_L1).toString().isEmpty()
            || !o.contains("event"_L1)) {
            return fail(tr("%1: not an event template (%2)")
                            .arg(file.fileName(), parseError.error != QJsonParseError::NoError
                                                      ? parseError.errorString()
                                                      : tr("'id' or 'event' missing")));
        }
        Template t;
        t.id = o.value("id"_L1).toString();
        t.name = o.value("name"_L1).toString();
        t.description = o.value("description"_L1).toString();
        const QJsonObject params = o.value("parameters"_L1).toObject();
        for (const QString &key : params.keys())
            t.parameters.append({key, params.value(key).toString()});
        t.event = o.value("event"_L1);
        mTemplates.append(t);
    }
    return {};
}

const EventTemplates::Template *EventTemplates::find(const QString &id) const
{
    for (const Template &t : mTemplates)
        if (t.id == id)
            return &t;
    return nullptr;
}

Result<QByteArray> EventTemplates::generate(const QString &id, const QHash<QString, QString> &values) const
{
    const Template *t = find(id);
    if (!t) {
        QStringList ids;
        for (const Template &each : mTemplates)
            ids.append(each.id);
        return fail(tr("no event template '%1'; the templates are: %2").arg(id, ids.join(", "_L1)));
    }
    Context c;
    c.now = QDateTime::currentDateTimeUtc();
    for (const auto &[name, value] : t->parameters)
        c.values.insert(name, value);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!c.values.contains(it.key())) {
            QStringList names;
            for (const auto &p : t->parameters)
                names.append(p.first);
            return fail(
                tr("the template '%1' has no parameter '%2'; it has: %3").arg(id, it.key(), names.join(", "_L1)));
        }
        c.values.insert(it.key(), it.value());
    }
    // Parameters may use the computed values themselves ("time": "{{now}}").
    for (auto it = c.values.begin(); it != c.values.end(); ++it)
        it.value() = fill(it.value(), c).toString();

    for (const char *jsonParam : {"keys", "newImage", "oldImage", "size"}) {
        const QString name = QLatin1String(jsonParam);
        if (c.values.contains(name)) {
            QJsonParseError parseError;
            QJsonDocument::fromJson("[" + c.values.value(name).toUtf8() + "]", &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return fail(tr("the parameter '%1' must be JSON: %2").arg(name, parseError.errorString()));
        }
    }
    c.computed.insert(u"epochMs"_s, double(c.now.toMSecsSinceEpoch()));
    c.computed.insert(u"epochS"_s, double(c.now.toSecsSinceEpoch()));
    const QString body = c.values.value(u"body"_s);
    c.computed.insert(u"bodyOrNull"_s, body.isEmpty() ? QJsonValue() : QJsonValue(body));
    const QString subject = c.values.value(u"subject"_s);
    c.computed.insert(u"subjectOrNull"_s, subject.isEmpty() ? QJsonValue() : QJsonValue(subject));
    const QUrlQuery query(c.values.value(u"query"_s));
    QJsonObject single;
    QJsonObject multi;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        single.insert(key, single.contains(key) ? single.value(key).toString() + ','_L1 + value : value);
        QJsonArray values = multi.value(key).toArray();
        values.append(value);
        multi.insert(key, values);
    }
    c.computed.insert(u"queryParameters"_s, single.isEmpty() ? QJsonValue() : QJsonValue(single));
    c.computed.insert(u"multiValueQueryParameters"_s, multi.isEmpty() ? QJsonValue() : QJsonValue(multi));
    const QJsonObject path = pathParameters(c.values.value(u"route"_s), c.values.value(u"path"_s));
    c.computed.insert(u"pathParameters"_s, path.isEmpty() ? QJsonValue() : QJsonValue(path));

    const QJsonValue event = fill(t->event, c);
    return QJsonDocument(event.toObject()).toJson(QJsonDocument::Indented);
}

const EventTemplates &EventTemplates::builtin()
{
    static const EventTemplates templates = [] {
        initEventResources();
        EventTemplates t;
        if (const Result<void> loaded = t.loadDirectory(u":/nimbus/events"_s); !loaded)
            qFatal("The built-in event templates are broken: %s", qPrintable(loaded.errorMessage()));
        return t;
    }();
    return templates;
}

} // namespace Nimbus
