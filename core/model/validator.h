#pragma once

#include "diagnostic.h"
#include "result.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Nimbus {

class Architecture;
class Catalog;
struct Edge;
struct EdgeRule;
struct Node;
struct NodeKind;
struct PropertySpec;

// Checks an architecture against the catalog and the files beside the project.
// Diagnostics come out in a stable order: per node (by id), then per edge, then graph-wide.
class Validator
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Validator)

public:
    Validator(const Catalog &catalog, const Architecture &architecture);

    // Folder that relative source paths start from; no file checks when unset.
    void setProjectDirectory(const QString &directory) { mProjectDir = directory; }

    QList<Diagnostic> validate() const;

    // Whether a value fits a property; the error says what is wrong.
    static Result<void> checkValue(const PropertySpec &spec, const QJsonValue &value);
    // The same, and what a value's format asks (an SNS filter policy), which may depend on
    // the other properties of its node or connection (siblings, defaults included).
    static Result<void> checkValue(const PropertySpec &spec, const QJsonValue &value, const QJsonObject &siblings);
    // Whether a name can be used for a node (identifier rules, not uniqueness).
    static bool isValidName(const QString &name);
    // Paths a node gives that would lead out of the project's folder: its source folder
    // (or the default one), its handler's module, its name where exporters make a file
    // name of it; with directory (the project's folder), also a source folder that
    // leads out through a symbolic link. One "unsafe-path" error per problem, naming
    // the node. Validating, importing, scaffolding and exporting all ask this (issue 17).
    static QList<Diagnostic> pathProblems(const Catalog &catalog, const Node &node, const QString &directory = {});
    // The project file or folder a property's value names (a spec with a path role),
    // empty when it names none (no role, empty, or a URL).
    static QString projectPath(const PropertySpec &spec, const QJsonValue &value);
    // Diagnostics as `nimbus validate --format json` and the MCP tools give them: severity,
    // code, message, the nodes' names and the property, if any.
    static QJsonArray toJson(const Architecture &architecture, const QList<Diagnostic> &diagnostics);
    static QList<Diagnostic> pathProblems(const Catalog &catalog, const Architecture &architecture,
                                          const QString &directory = {});

private:
    void checkNode(const Node &node, QList<Diagnostic> &out) const;
    void checkCode(const Node &node, const NodeKind &kind, QList<Diagnostic> &out) const;
    // A rule's event pattern (in EventBridge's words), target input and dead-letter queue.
    void checkRule(const Node &node, QList<Diagnostic> &out) const;
    void checkEdges(QList<Diagnostic> &out) const;
    void checkEdgeProperties(const Edge &edge, const Node &from, const Node &to, const EdgeRule &rule,
                             QList<Diagnostic> &out) const;
    void checkUniqueness(QList<Diagnostic> &out) const;
    void checkInvokers(QList<Diagnostic> &out) const;
    void checkEventLoops(QList<Diagnostic> &out) const;
    QString describe(NodeId id) const;

    const Catalog &mCatalog;
    const Architecture &mArchitecture;
    QString mProjectDir;
};

} // namespace Nimbus
