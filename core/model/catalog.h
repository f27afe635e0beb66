#pragma once

#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Nimbus {

enum class PropertyType { String, Integer, Number, Boolean, Enum, Schedule, Environment };

QString propertyTypeName(PropertyType type);

// One typed property of a node kind, as the catalog declares it.
struct PropertySpec
{
    QString id;
    QString label;
    QString help;
    QString unit;
    PropertyType type = PropertyType::String;
    QJsonValue defaultValue;
    std::optional<double> minimum;
    std::optional<double> maximum;
    QStringList values; // Enum only
    QString pattern; // String only: a regular expression the whole value must match
    QRegularExpression patternExpression; // pattern, compiled once at load
    QString patternHelp; // what the pattern means, for messages
    bool nullable = false; // null means "not set"
    // The group the Inspector shows it in ("Chaos"); empty: the kind's main properties.
    QString section;
    // Shown only while another property holds one of these values (a function's custom
    // runtime code, while its runtime is provided.*); empty: always.
    QString onlyWhenProperty;
    QStringList onlyWhenValues;
    // A string naming a file or folder of the project, relative to its file (a workflow's
    // definition, a JWKS file): confined to the project's folder, and carried along when
    // the project is saved elsewhere. URLs ("https://...") in such a value are left alone.
    enum class PathRole { None, File, Folder };
    PathRole path = PathRole::None;
    // A string holding more than a pattern can tell: "sns-filter-policy" (an SNS filter
    // policy as JSON, empty for none; its scope is the sibling filterPolicyScope).
    // Validator::checkValue checks it.
    QString format;
};

// Which properties of a kind describe runnable code.
struct CodeCapability
{
    QString runtimeProperty;
    QString handlerProperty;
    QString sourceProperty;
    bool isValid() const { return !handlerProperty.isEmpty() && !sourceProperty.isEmpty(); }
};

// How a kind counts in a cost estimate: which billed service it is ("function",
// "gateway", "queue", "topic", "table", "bucket", "schedule") and which of its
// properties the cost models read.
struct CostCapability
{
    QString service;
    QString memoryProperty;
    QString architectureProperty;
    QString batchProperty; // events delivered per invocation
    QString scheduleProperty; // the schedule expression of a timer
    QString restProperty; // a gateway billed as REST API when this property ...
    QString restValue; // ... has this value
};

// A kind of node (HTTP route, function, queue ...), entirely defined by catalog data.
struct NodeKind
{
    QString id;
    QString name;
    QString category;
    QString iconFile;
    QString help;
    QString eventTemplate;
    // The template some property values choose instead (payloadFormat 1.0 -> REST).
    QString eventTemplateProperty;
    QHash<QString, QString> eventTemplateByValue;
    // Template parameters from the node: "${name}", "${property}", "${example:property}".
    QList<QPair<QString, QString>> eventParameters;
    bool eventSource = false; // can deliver events to functions
    bool store = false; // holds data that functions write
    bool needsInvoker = false; // is useless unless something invokes it
    CodeCapability code;
    CostCapability cost;
    QList<PropertySpec> properties;
    QList<QStringList> uniqueKeys; // property sets that must be unique among nodes of this kind

    const PropertySpec *property(const QString &propertyId) const;
    // Defaults of every property; "${name}" in a string default becomes nodeName.
    QJsonObject defaultProperties(const QString &nodeName) const;
};

struct EdgeType
{
    QString id;
    QString label;
    QString help;
    bool carriesEvents = false; // whether this connection can cause another invocation
};

struct EdgeRule
{
    QString from;
    QString to;
    QString type;
    QString meaning;
    // Optional requirement on the source node, e.g. a table needs a stream to invoke.
    QString sourceProperty;
    QJsonValue sourceNotEqual;
    // When the target's property holds this value, the source's must hold it too (a FIFO
    // queue subscribes only to a FIFO topic; a standard queue may to either, as SNS
    // allows); empty: no such requirement.
    QString targetImpliesProperty;
    QJsonValue targetImpliesValue;
    // The properties of such a connection (a subscription's filter policy), as a node
    // kind's are declared.
    QList<PropertySpec> properties;

    const PropertySpec *property(const QString &propertyId) const;
    QJsonObject defaultProperties() const;
};

// The node kinds and connection rules, loaded from JSON (resources/catalog).
class Catalog
{
public:
    // Loads kinds/*.json and edges.json from a folder (a Qt resource path works too).
    Result<void> loadDirectory(const QString &directory);
    // Loads the catalog compiled into the core library.
    Result<void> loadBuiltin();

    // Loads one kind from JSON; fileName is used in error messages only.
    Result<void> addKind(const QByteArray &json, const QString &fileName);
    Result<void> setEdges(const QByteArray &json, const QString &fileName);

    const NodeKind *kind(const QString &id) const;
    // Kinds in a stable order: by category (Triggers, Compute, Services, others), then name.
    QList<const NodeKind *> kinds() const;
    QStringList categories() const;

    // A catalog word (name, category, label, unit, help, meaning) in the user's language.
    static QString text(const QString &english);
    // Every such word of the catalog, and the ones the translation knows of.
    QStringList translatableTexts() const;
    static const QList<const char *> &sourceTexts();

    const EdgeType *edgeType(const QString &id) const;
    const QList<EdgeType> &edgeTypes() const { return mEdgeTypes; }
    const QList<EdgeRule> &rules() const { return mRules; }
    const EdgeRule *rule(const QString &fromKind, const QString &toKind, const QString &type) const;
    QList<const EdgeRule *> rulesBetween(const QString &fromKind, const QString &toKind) const;
    // Empty when the connection is allowed; otherwise why not, in words a user understands.
    QString connectionRefusal(const QString &fromKind, const QString &toKind, const QString &type) const;
    // The properties of a connection between nodes of these kinds: its rule's defaults,
    // overridden by what the edge sets (properties its rule does not declare are kept too).
    QJsonObject edgeProperties(const QString &fromKind, const QString &toKind, const QString &type,
                               const QJsonObject &set) const;

    // The catalog of the running program, loaded once from the built-in resources.
    static const Catalog &builtin();

private:
    QList<NodeKind> mKinds;
    QList<EdgeType> mEdgeTypes;
    QList<EdgeRule> mRules;
};

} // namespace Nimbus
