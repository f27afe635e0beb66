#pragma once

#include "model/architecture.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Nimbus {

class Catalog;
struct ExportOutput;

struct EnvironmentVariable
{
    QString name;
    QString value;
    bool secret = false;
};

// A service a function uses, and how ("reads", "writes", "publishes", "calls").
struct FunctionAccess
{
    const Node *service = nullptr;
    QString type;
};

struct ExportFunction
{
    const Node *node = nullptr;
    QString runtime;
    QString handler;
    QString source;
    QString architecture;
    QString description;
    int memory = 128;
    int timeout = 3;
    std::optional<int> reservedConcurrency;
    QList<const Node *> triggers; // what invokes it, by name
    QList<FunctionAccess> accesses; // by service name, then type
    QList<EnvironmentVariable> environment;
    // A custom runtime (provided.*) function whose folder holds Go code: the deployment
    // builds its bootstrap from it (SAM's BuildMethod go1.x) rather than taking the folder.
    bool goSource = false;

    bool isNode() const { return runtime.startsWith(QLatin1String("nodejs")); }
    bool isPython() const { return runtime.startsWith(QLatin1String("python")); }
    bool hasSecrets() const;
    // "20" for nodejs20.x, "3.12" for python3.12.
    QString runtimeVersion() const;
};

// A state machine as the exports write it: its definition file's text (with its ${name}
// placeholders, which the exports turn into DefinitionSubstitutions), what starts it, what
// its role must allow, and the design's nodes its placeholders name.
struct ExportWorkflow
{
    const Node *node = nullptr;
    QString path; // the definition file, relative to the project's folder
    QByteArray text; // as written; empty when it cannot be read (error says why)
    QJsonObject definition; // text parsed
    QString error;
    QString type; // STANDARD or EXPRESS
    QString name; // the machine's name in the cloud
    // What starts it: starts (routes, schedules, queues, topics, functions, machines) and
    // targets (rules) connections, by name.
    QList<const Node *> starters;
    QList<FunctionAccess> accesses; // its own connections, by node name then type
    QList<const Node *> substitutions; // the nodes ${name} placeholders name, by name
    QStringList unresolved; // placeholders that name no node

    bool isExpress() const { return type == QLatin1String("EXPRESS"); }
};

// The design as exporters read it: every function with its triggers, the services it
// uses and its environment, and the other nodes by kind, all in name order so that
// the same design always gives the same output.
class ExportModel
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ExportModel)

public:
    // directory and pending are where the state machines' definitions are read: pending
    // (files not saved yet, by relative path) first, then the files under directory.
    ExportModel(const Architecture &architecture, const Catalog &catalog, const QString &directory = {},
                const QHash<QString, QByteArray> &pending = {});

    const Architecture &architecture() const { return mArchitecture; }
    const QList<ExportFunction> &functions() const { return mFunctions; }
    const ExportFunction *function(const QString &name) const;
    const QList<ExportWorkflow> &workflows() const { return mWorkflows; }
    const ExportWorkflow *workflow(const QString &name) const;
    // Whether node starts a state machine of the design.
    bool startsWorkflow(const Node *node) const;
    // An Error on each machine whose definition cannot be read, a Warning for each
    // placeholder that names no node (the deploy fails on it), and the settings that have no
    // place in the platform's resource (timeout: TimeoutSeconds in the definition).
    void reportWorkflowProblems(ExportOutput &output, const QString &platform) const;
    QList<const Node *> nodesOfKind(const QString &kind) const;
    // Functions an event source invokes, by name.
    QList<const Node *> consumers(const Node *source) const;
    // Every node that is neither a function nor of the given kinds.
    QList<const Node *> nodesNotOfKinds(const QStringList &kinds) const;

    // The functions' source folders, each once, sorted.
    QStringList sources() const;
    // Copies each function's code into the export: at its own source path, or into
    // functions/<function name> when byFunctionName (a folder per image to build).
    void copySources(ExportOutput &output, const QString &projectDirectory, bool byFunctionName = false) const;
    // Reports what no target exports: nodes of kinds the platform has nothing for (every
    // kind but the services, triggers and functions, and the kinds in exported), and
    // triggers that invoke no function.
    void reportUnexported(ExportOutput &output, const QString &platform, const QStringList &exported = {}) const;
    // Reports each function whose value of one of these properties differs from the
    // catalog's default, when the platform has no place for it.
    void reportIgnored(ExportOutput &output, const QString &platform, const QStringList &properties) const;
    // Warns about each value of a function (environment, description) that holds "${":
    // the deploy tool resolves it as one of its variables, which can read the deployer's
    // files and environment (${file(...)}, ${env:...}); a project from someone else
    // could use that to carry them into what it deploys.
    void reportDeployVariables(ExportOutput &output, const QString &tool) const;

    QString string(const Node *node, const char *property, const QString &fallback = {}) const;
    int integer(const Node *node, const char *property, int fallback = 0) const;
    bool boolean(const Node *node, const char *property, bool fallback = false) const;

    // Names in the forms targets require.
    static QString identifier(const QString &name); // "orders-queue" -> "OrdersQueue"
    static QString dnsLabel(const QString &name); // "getItem" -> "get-item"
    static QString snakeCase(const QString &name); // "getItem" -> "get_item"
    static QString constantCase(const QString &name); // "getItem" -> "GET_ITEM"

    // An EventBridge schedule as 5-field Unix cron; an error when it cannot be said
    // that way (L, W, #, a year).
    static Result<QString> unixCron(const QString &expression);

    // The ${name} placeholders of a definition's text, each once, in the order written.
    static QStringList placeholders(const QByteArray &text);
    static constexpr qint64 kMaxDefinitionBytes = 1024 * 1024; // AWS's limit

private:
    void readWorkflows(const QString &directory, const QHash<QString, QByteArray> &pending);

    const Architecture &mArchitecture;
    const Catalog &mCatalog;
    QList<ExportFunction> mFunctions;
    QList<ExportWorkflow> mWorkflows; // by name
    QList<const Node *> mNodes; // by name
};

} // namespace Nimbus
