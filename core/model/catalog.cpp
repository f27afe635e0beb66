#include "catalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

static void initCatalogResources()
{
    Q_INIT_RESOURCE(catalog);
}

namespace Nimbus {

namespace {

struct TypeName
{
    PropertyType type;
    const char *name;
};

constexpr TypeName kTypeNames[] = {
    {PropertyType::String, "string"},
    {PropertyType::Integer, "integer"},
    {PropertyType::Number, "number"},
    {PropertyType::Boolean, "boolean"},
    {PropertyType::Enum, "enum"},
    {PropertyType::Schedule, "schedule"},
    {PropertyType::Environment, "environment"},
};

const QStringList kCategoryOrder = {u"Triggers"_s, u"Compute"_s, u"Services"_s};

// Reads a catalog file's fields and remembers the first problem, with the place it was
// found: the file, then the array entry being read ("kinds/queue.json: properties[2]").
class Reader
{
public:
    explicit Reader(QString fileName) : mFile(std::move(fileName)), mWhere(mFile) { }

    // The top-level object of json, a catalog file whose 'format' is format; an empty object
    // (and the error) when it is not one.
    QJsonObject document(const QByteArray &json, QLatin1StringView format)
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const int line = json.left(parseError.offset).count('\n') + 1;
            mError = QCoreApplication::translate("Nimbus::Catalog", "%1:%2: %3")
                         .arg(mFile)
                         .arg(line)
                         .arg(parseError.errorString());
            return {};
        }
        if (!doc.isObject()) {
            mError =
                QCoreApplication::translate("Nimbus::Catalog", "%1: the top level must be a JSON object").arg(mFile);
            return {};
        }
        if (doc.object().value("format"_L1).toString() != format) {
            fail(QCoreApplication::translate("Nimbus::Catalog", "'format' must be \"%1\"").arg(format));
            return {};
        }
        return doc.object();
    }

    QString string(const QJsonObject &o, const char *key, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString() || (required && v.toString().isEmpty()))
            fail(QCoreApplication::translate("Nimbus::Catalog", "'%1' must be a non-empty string")
                     .arg(QLatin1String(key)));
        return v.toString();
    }

    bool boolean(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            fail(QCoreApplication::translate("Nimbus::Catalog", "'%1' must be true or false").arg(QLatin1String(key)));
        return v.toBool();
    }

    std::optional<double> number(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(QCoreApplication::translate("Nimbus::Catalog", "'%1' must be a number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // Calls read with each object of the array o[key] while no problem is found; the place
    // of each is "file: key[i]".
    template<typename Read>
    void forEachObject(const QJsonObject &o, const char *key, Read read)
    {
        const QJsonArray array = o.value(QLatin1String(key)).toArray();
        for (int i = 0; i < array.size() && ok(); ++i) {
            mWhere = u"%1: %2[%3]"_s.arg(mFile, QLatin1String(key)).arg(i);
            read(array.at(i).toObject());
        }
        mWhere = mFile;
    }

    void fail(const QString &message)
    {
        if (mError.isEmpty())
            mError = u"%1: %2"_s.arg(mWhere, message);
    }
    bool ok() const { return mError.isEmpty(); }
    Result<void> result() const { return ok() ? Result<void>() : Nimbus::fail(mError); }
    const QString &fileName() const { return mFile; }
    void setWhere(const QString &where) { mWhere = where; }

private:
    QString mFile;
    QString mWhere;
    QString mError;
};

// The entry of list whose id is id; null when none.
template<class Entry>
const Entry *withId(const QList<Entry> &list, const QString &id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const Entry &e) { return e.id == id; });
    return it == list.cend() ? nullptr : &*it;
}

bool valueMatchesType(const PropertySpec &spec, const QJsonValue &value)
{
    if (value.isNull())
        return spec.nullable;
    switch (spec.type) {
    case PropertyType::String:
    case PropertyType::Schedule: return value.isString();
    case PropertyType::Enum: return value.isString() && spec.values.contains(value.toString());
    case PropertyType::Integer: return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    case PropertyType::Number: return value.isDouble();
    case PropertyType::Boolean: return value.isBool();
    case PropertyType::Environment: return value.isArray();
    }
    return false;
}

// The capabilities of a kind: what it is (event source, store), how it is priced, its
// event template and the properties that hold a function's code.
void readCapabilities(Reader &r, const QJsonObject &caps, NodeKind &kind)
{
    kind.eventSource = r.boolean(caps, "eventSource");
    kind.store = r.boolean(caps, "store");
    kind.needsInvoker = r.boolean(caps, "needsInvoker");
    const QJsonObject cost = caps.value("cost"_L1).toObject();
    kind.cost.service = r.string(cost, "service", false);
    kind.cost.memoryProperty = r.string(cost, "memoryProperty", false);
    kind.cost.architectureProperty = r.string(cost, "architectureProperty", false);
    kind.cost.batchProperty = r.string(cost, "batchProperty", false);
    kind.cost.scheduleProperty = r.string(cost, "scheduleProperty", false);
    kind.cost.restProperty = r.string(cost, "restProperty", false);
    kind.cost.restValue = r.string(cost, "restValue", false);
    kind.eventTemplate = r.string(caps, "eventTemplate", false);
    const QJsonObject variants = caps.value("eventTemplateVariants"_L1).toObject();
    if (!variants.isEmpty()) {
        kind.eventTemplateProperty = r.string(variants, "property");
        const QJsonObject byValue = variants.value("templates"_L1).toObject();
        for (auto it = byValue.begin(); it != byValue.end(); ++it)
            kind.eventTemplateByValue.insert(it.key(), it.value().toString());
    }
    const QJsonObject parameters = caps.value("eventParameters"_L1).toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (!it.value().isString()) {
            r.fail(
                QCoreApplication::translate("Nimbus::Catalog", "event parameter '%1' must be a string").arg(it.key()));
            return;
        }
        kind.eventParameters.append({it.key(), it.value().toString()});
    }
    if (caps.contains("code"_L1)) {
        const QJsonObject code = caps.value("code"_L1).toObject();
        kind.code.runtimeProperty = r.string(code, "runtime");
        kind.code.handlerProperty = r.string(code, "handler");
        kind.code.sourceProperty = r.string(code, "source");
    }
}

// A property of a kind after its id: its label, type, range, pattern and default, each
// checked against the others.
void readProperty(Reader &r, const QJsonObject &p, const QList<PropertySpec> &earlier, PropertySpec &spec)
{
    spec.label = r.string(p, "label");
    spec.help = r.string(p, "help", false);
    spec.unit = r.string(p, "unit", false);
    const QString typeName = r.string(p, "type");
    bool known = false;
    for (const TypeName &t : kTypeNames) {
        if (typeName == QLatin1String(t.name)) {
            spec.type = t.type;
            known = true;
        }
    }
    if (r.ok() && !known)
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "unknown type '%1'").arg(typeName));
    spec.minimum = r.number(p, "min");
    spec.maximum = r.number(p, "max");
    spec.nullable = r.boolean(p, "nullable");
    spec.pattern = r.string(p, "pattern", false);
    spec.patternHelp = r.string(p, "patternHelp", false);
    spec.section = r.string(p, "section", false);
    const QJsonObject onlyWhen = p.value("onlyWhen"_L1).toObject();
    spec.onlyWhenProperty = onlyWhen.value("property"_L1).toString();
    for (const QJsonValue &v : onlyWhen.value("values"_L1).toArray())
        spec.onlyWhenValues.append(v.toString());
    if (const QString path = r.string(p, "path", false); path == "file"_L1)
        spec.path = PropertySpec::PathRole::File;
    else if (path == "folder"_L1)
        spec.path = PropertySpec::PathRole::Folder;
    else if (!path.isEmpty())
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "'path' is \"file\" or \"folder\", not '%1'").arg(path));
    for (const QJsonValue &v : p.value("values"_L1).toArray())
        spec.values.append(v.toString());
    spec.format = r.string(p, "format", false);
    if (r.ok() && !spec.format.isEmpty() && spec.format != "sns-filter-policy"_L1)
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "unknown 'format' '%1'").arg(spec.format));
    if (!r.ok())
        return;
    if (!spec.format.isEmpty() && spec.type != PropertyType::String)
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "only a string property can have a 'format'"));
    if (spec.path != PropertySpec::PathRole::None && spec.type != PropertyType::String)
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "only a string property can name a 'path'"));
    if (spec.type == PropertyType::Enum && spec.values.isEmpty())
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "an enum needs a non-empty 'values' list"));
    if (!spec.pattern.isEmpty()) {
        spec.patternExpression.setPattern(spec.pattern);
        spec.patternExpression.optimize();
        if (!spec.patternExpression.isValid())
            r.fail(QCoreApplication::translate("Nimbus::Catalog", "'pattern' is not a valid regular expression"));
    }
    if (spec.minimum && spec.maximum && *spec.minimum > *spec.maximum)
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "'min' is greater than 'max'"));
    if (!p.contains("default"_L1))
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "'default' is missing"));
    spec.defaultValue = p.value("default"_L1);
    if (r.ok() && !valueMatchesType(spec, spec.defaultValue))
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "'default' is not a valid %1").arg(typeName));
    if (r.ok() && withId(earlier, spec.id))
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "defined twice"));
}

// The properties that the 'code' capability and the 'unique' sets name exist; the sets
// become the kind's unique keys.
void checkPropertyNames(Reader &r, const QJsonObject &o, NodeKind &kind)
{
    if (kind.code.isValid()) {
        for (const QString &id : {kind.code.runtimeProperty, kind.code.handlerProperty, kind.code.sourceProperty})
            if (!kind.property(id))
                r.fail(QCoreApplication::translate("Nimbus::Catalog", "capability 'code' names unknown property '%1'")
                           .arg(id));
    }
    for (const QJsonValue &set : o.value("unique"_L1).toArray()) {
        QStringList keys;
        for (const QJsonValue &k : set.toArray()) {
            if (!kind.property(k.toString()))
                r.fail(QCoreApplication::translate("Nimbus::Catalog", "'unique' names unknown property '%1'")
                           .arg(k.toString()));
            keys.append(k.toString());
        }
        kind.uniqueKeys.append(keys);
    }
}

} // namespace

QString propertyTypeName(PropertyType type)
{
    for (const TypeName &t : kTypeNames)
        if (t.type == type)
            return QLatin1String(t.name);
    return {};
}

const PropertySpec *NodeKind::property(const QString &propertyId) const
{
    return withId(properties, propertyId);
}

const PropertySpec *EdgeRule::property(const QString &propertyId) const
{
    return withId(properties, propertyId);
}

QJsonObject EdgeRule::defaultProperties() const
{
    QJsonObject result;
    for (const PropertySpec &p : properties)
        result.insert(p.id, p.defaultValue);
    return result;
}

QJsonObject NodeKind::defaultProperties(const QString &nodeName) const
{
    QJsonObject result;
    for (const PropertySpec &p : properties) {
        QJsonValue v = p.defaultValue;
        if (v.isString())
            v = v.toString().replace("${name}"_L1, nodeName);
        result.insert(p.id, v);
    }
    return result;
}

Result<void> Catalog::addKind(const QByteArray &json, const QString &fileName)
{
    Reader r(fileName);
    const QJsonObject o = r.document(json, "nimbus-catalog-kind"_L1);
    NodeKind kind;
    kind.id = r.string(o, "id");
    kind.name = r.string(o, "name");
    kind.category = r.string(o, "category");
    kind.iconFile = r.string(o, "icon", false);
    kind.help = r.string(o, "help", false);
    if (r.ok() && this->kind(kind.id))
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "kind '%1' is defined twice").arg(kind.id));
    if (r.ok())
        readCapabilities(r, o.value("capabilities"_L1).toObject(), kind);
    if (r.ok() && !o.value("properties"_L1).isArray())
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "'properties' must be an array"));
    r.forEachObject(o, "properties", [&](const QJsonObject &p) {
        PropertySpec spec;
        spec.id = r.string(p, "id");
        if (!r.ok())
            return;
        r.setWhere(u"%1: property '%2'"_s.arg(fileName, spec.id));
        readProperty(r, p, kind.properties, spec);
        kind.properties.append(spec);
    });
    if (r.ok())
        checkPropertyNames(r, o, kind);
    if (r.ok())
        mKinds.append(kind);
    return r.result();
}

Result<void> Catalog::setEdges(const QByteArray &json, const QString &fileName)
{
    Reader r(fileName);
    const QJsonObject o = r.document(json, "nimbus-catalog-edges"_L1);
    QList<EdgeType> types;
    r.forEachObject(o, "edgeTypes", [&](const QJsonObject &t) {
        EdgeType type;
        type.id = r.string(t, "id");
        type.label = r.string(t, "label");
        type.help = r.string(t, "help", false);
        type.carriesEvents = r.boolean(t, "carriesEvents");
        types.append(type);
    });
    if (r.ok() && types.isEmpty())
        r.fail(QCoreApplication::translate("Nimbus::Catalog", "'edgeTypes' must list at least one type"));

    QList<EdgeRule> rules;
    r.forEachObject(o, "rules", [&](const QJsonObject &j) {
        EdgeRule rule;
        rule.from = r.string(j, "from");
        rule.to = r.string(j, "to");
        rule.type = r.string(j, "type");
        rule.meaning = r.string(j, "meaning", false);
        const QJsonObject req = j.value("sourceRequires"_L1).toObject();
        if (!req.isEmpty()) {
            rule.sourceProperty = r.string(req, "property");
            rule.sourceNotEqual = req.value("notEqual"_L1);
        }
        const QJsonObject implies = j.value("targetImplies"_L1).toObject();
        if (!implies.isEmpty()) {
            rule.targetImpliesProperty = r.string(implies, "property");
            rule.targetImpliesValue = implies.value("value"_L1);
        }
        if (r.ok() && std::none_of(types.cbegin(), types.cend(), [&](const EdgeType &t) { return t.id == rule.type; }))
            r.fail(QCoreApplication::translate("Nimbus::Catalog", "unknown edge type '%1'").arg(rule.type));
        if (r.ok() && j.contains("properties"_L1) && !j.value("properties"_L1).isArray())
            r.fail(QCoreApplication::translate("Nimbus::Catalog", "'properties' must be an array"));
        // A connection's properties are declared as a node kind's; the place of a problem
        // names the rule and the property ("edges.json: rules[3]: property 'filterPolicy'").
        const QString ruleWhere = u"%1: rules[%2]"_s.arg(fileName).arg(rules.size());
        const QJsonArray properties = j.value("properties"_L1).toArray();
        for (qsizetype i = 0; i < properties.size() && r.ok(); ++i) {
            const QJsonObject p = properties.at(i).toObject();
            PropertySpec spec;
            r.setWhere(u"%1: properties[%2]"_s.arg(ruleWhere).arg(i));
            spec.id = r.string(p, "id");
            if (!r.ok())
                break;
            r.setWhere(u"%1: property '%2'"_s.arg(ruleWhere, spec.id));
            readProperty(r, p, rule.properties, spec);
            rule.properties.append(spec);
        }
        rules.append(rule);
    });
    if (!r.ok())
        return r.result();
    mEdgeTypes = types;
    mRules = rules;
    return {};
}

Result<void> Catalog::loadDirectory(const QString &directory)
{
    mKinds.clear();
    mEdgeTypes.clear();
    mRules.clear();

    const QDir dir(directory);
    const QDir kindsDir(dir.filePath(u"kinds"_s));
    const QStringList files = kindsDir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        return fail(QCoreApplication::translate("Nimbus::Catalog", "%1: no node kinds found").arg(kindsDir.path()));
    }
    for (const QString &name : files) {
        QFile file(kindsDir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(u"%1: %2"_s.arg(file.fileName(), file.errorString()));
        }
        if (Result<void> added = addKind(file.readAll(), file.fileName()); !added)
            return added;
    }

    QFile edges(dir.filePath(u"edges.json"_s));
    if (!edges.open(QIODevice::ReadOnly)) {
        return fail(u"%1: %2"_s.arg(edges.fileName(), edges.errorString()));
    }
    if (Result<void> set = setEdges(edges.readAll(), edges.fileName()); !set)
        return set;

    // Rules may only name kinds that exist, so a typo cannot silently disable a connection.
    for (const EdgeRule &rule : std::as_const(mRules)) {
        for (const QString &k : {rule.from, rule.to}) {
            if (!kind(k)) {
                return fail(QCoreApplication::translate("Nimbus::Catalog", "%1: a rule names unknown kind '%2'")
                                .arg(edges.fileName(), k));
            }
        }
        if (!rule.sourceProperty.isEmpty() && !kind(rule.from)->property(rule.sourceProperty)) {
            return fail(
                QCoreApplication::translate("Nimbus::Catalog", "%1: a rule requires unknown property '%2' of '%3'")
                    .arg(edges.fileName(), rule.sourceProperty, rule.from));
        }
        for (const QString &k : {rule.from, rule.to}) {
            if (!rule.targetImpliesProperty.isEmpty() && !kind(k)->property(rule.targetImpliesProperty)) {
                return fail(QCoreApplication::translate(
                                "Nimbus::Catalog", "%1: a rule's 'targetImplies' names unknown property '%2' of '%3'")
                                .arg(edges.fileName(), rule.targetImpliesProperty, k));
            }
        }
    }
    return {};
}

Result<void> Catalog::loadBuiltin()
{
    initCatalogResources();
    return loadDirectory(u":/nimbus/catalog"_s);
}

const Catalog &Catalog::builtin()
{
    static const Catalog catalog = [] {
        Catalog c;
        if (const Result<void> loaded = c.loadBuiltin(); !loaded)
            qFatal("The built-in node catalog is broken: %s", qPrintable(loaded.errorMessage()));
        return c;
    }();
    return catalog;
}

const NodeKind *Catalog::kind(const QString &id) const
{
    return withId(mKinds, id);
}

QList<const NodeKind *> Catalog::kinds() const
{
    QList<const NodeKind *> result;
    for (const NodeKind &k : mKinds)
        result.append(&k);
    auto rank = [](const NodeKind *k) {
        const int i = kCategoryOrder.indexOf(k->category);
        return i < 0 ? int(kCategoryOrder.size()) : i;
    };
    std::stable_sort(result.begin(), result.end(), [&](const NodeKind *a, const NodeKind *b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        if (a->category != b->category)
            return a->category < b->category;
        return a->name < b->name;
    });
    return result;
}

QStringList Catalog::categories() const
{
    QStringList result;
    for (const NodeKind *k : kinds())
        if (!result.contains(k->category))
            result.append(k->category);
    return result;
}

const EdgeType *Catalog::edgeType(const QString &id) const
{
    return withId(mEdgeTypes, id);
}

const EdgeRule *Catalog::rule(const QString &fromKind, const QString &toKind, const QString &type) const
{
    for (const EdgeRule &r : mRules)
        if (r.from == fromKind && r.to == toKind && r.type == type)
            return &r;
    return nullptr;
}

QList<const EdgeRule *> Catalog::rulesBetween(const QString &fromKind, const QString &toKind) const
{
    QList<const EdgeRule *> result;
    for (const EdgeRule &r : mRules)
        if (r.from == fromKind && r.to == toKind)
            result.append(&r);
    return result;
}

QString Catalog::connectionRefusal(const QString &fromKind, const QString &toKind, const QString &type) const
{
    const NodeKind *from = kind(fromKind);
    const NodeKind *to = kind(toKind);
    if (!from || !to)
        return QCoreApplication::translate("Nimbus::Catalog", "unknown node kind '%1'").arg(from ? toKind : fromKind);
    if (!edgeType(type))
        return QCoreApplication::translate("Nimbus::Catalog", "unknown connection type '%1'").arg(type);
    if (rule(fromKind, toKind, type))
        return {};

    QStringList allowed;
    for (const EdgeRule *r : rulesBetween(fromKind, toKind))
        allowed.append(r->type);
    if (!allowed.isEmpty())
        return QCoreApplication::translate("Nimbus::Catalog", "a %1 connects to a %2 only as: %3")
            .arg(from->name, to->name.toLower(), allowed.join(", "_L1));

    QStringList targets;
    for (const EdgeRule &r : mRules)
        if (r.from == fromKind)
            targets.append(u"%1 %2"_s.arg(r.type, kind(r.to)->name.toLower()));
    targets.removeDuplicates();
    if (targets.isEmpty())
        return QCoreApplication::translate("Nimbus::Catalog", "a %1 has no outgoing connections").arg(from->name);
    return QCoreApplication::translate("Nimbus::Catalog", "a %1 cannot connect to a %2; it can: %3")
        .arg(from->name, to->name.toLower(), targets.join(", "_L1));
}

QJsonObject Catalog::edgeProperties(const QString &fromKind, const QString &toKind, const QString &type,
                                    const QJsonObject &set) const
{
    const EdgeRule *r = rule(fromKind, toKind, type);
    QJsonObject result = r ? r->defaultProperties() : QJsonObject();
    for (auto it = set.begin(); it != set.end(); ++it)
        result.insert(it.key(), it.value());
    return result;
}

QString Catalog::text(const QString &english)
{
    return english.isEmpty() ? english : QCoreApplication::translate("Nimbus::Catalog", english.toUtf8().constData());
}

QStringList Catalog::translatableTexts() const
{
    QStringList texts;
    auto add = [&texts](const QString &t) {
        if (!t.isEmpty() && !texts.contains(t))
            texts.append(t);
    };
    for (const NodeKind *k : kinds()) {
        add(k->name);
        add(k->category);
        add(k->help);
        for (const PropertySpec &p : k->properties) {
            add(p.label);
            add(p.help);
            add(p.unit);
            add(p.patternHelp);
            add(p.section);
        }
    }
    for (const EdgeType &t : mEdgeTypes) {
        add(t.label);
        add(t.help);
    }
    for (const EdgeRule &r : mRules) {
        add(r.meaning);
        for (const PropertySpec &p : r.properties) {
            add(p.label);
            add(p.help);
            add(p.unit);
            add(p.patternHelp);
            add(p.section);
        }
    }
    return texts;
}

} // namespace Nimbus
