#pragma once

#include "export/exportmodel.h"
#include "export/provider.h"
#include "export/providerplugin.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QPair>

#include <yaml-cpp/yaml.h>

#include <functional>

namespace Nimbus::Aws {

// Logical ids of the nodes: the ones an import recorded (origin "ids"), else one made
// from the node's name. The same design always gets the same ids.
class LogicalIds
{
public:
    explicit LogicalIds(const QJsonObject &origin = {});
    QString of(const Node *node) const;
    QString of(const QString &nodeName) const;
    // Names a node's resource differently (a tool's own naming scheme).
    void set(const QString &nodeName, const QString &logicalId) { mRecorded.insert(nodeName, logicalId); }
    // The key of the event by which trigger invokes function.
    QString event(const Node *function, const Node *trigger) const;

private:
    QHash<QString, QString> mRecorded;
    QHash<QString, QString> mEvents; // "function/trigger" -> event key
};

// One statement of a function's IAM policy, on one service: its ARN (attribute
// "Arn" or "StreamArn", or the ARN plus "/*" for bucket objects).
struct IamStatement
{
    QStringList actions;
    const Node *service = nullptr;
    QString attribute = QStringLiteral("Arn");
    QString suffix; // "/*" for objects in a bucket
};

// Least privilege from the edges: what each connection lets the function do, and what
// each trigger needs to deliver to it (receiving from a queue, reading a stream).
QList<IamStatement> iamStatements(const ExportFunction &function);

// The CloudFormation resource for a queue, topic, table or bucket (and a queue's
// dead-letter queue), added to resources under their logical ids.
void addServiceResources(const ExportModel &model, const Node *node, const LogicalIds &ids, YAML::Node &resources,
                         ExportOutput &output, const QString &bucketName = {});
// "!GetAtt X.Arn", "!Ref X", ... for an IAM statement's resource.
YAML::Node statementResource(const IamStatement &statement, const LogicalIds &ids);

// An environment value: a reference to the service it names (the deployed name or
// ARN differs from the canvas name) or the text itself.
YAML::Node environmentValue(const ExportModel &model, const ExportFunction &function, const EnvironmentVariable &var,
                            const LogicalIds &ids);

// The object key filters a bucket trigger sets, prefix first: ("prefix", "in/").
QList<QPair<const char *, QString>> keyFilters(const ExportModel &model, const Node *bucket);

// Lambda's name for an instruction set.
inline QString lambdaArchitecture(const QString &architecture)
{
    return architecture == QLatin1String("arm64") ? architecture : QStringLiteral("x86_64");
}

// The keys under which a format (SAM's PascalCase, serverless.yml's camelCase) writes
// the settings of a Lambda function that addLambdaSettings() adds.
struct LambdaSettingKeys
{
    const char *memory;
    const char *timeout;
    const char *description;
    const char *reservedConcurrency;
};
// Adds, in this order, the function's memory and timeout, its description when it has
// one, and its reserved concurrency when set, to properties under the format's keys.
void addLambdaSettings(YAML::Node &properties, const ExportFunction &function, const LambdaSettingKeys &keys);

ProviderLimits lambdaLimits();
// The AWS targets deploy to the same platform, priced the same: they differ in what they
// write (description and options).
ProviderTarget lambdaTarget(const QString &id, const QString &name, const char *description,
                            const QList<ProviderOption> &options = {});

// Reading CloudFormation back: the node a service resource becomes (kind and
// properties), or an empty kind when the type is not modelled.
struct ImportedService
{
    QString kind;
    QJsonObject properties;
};
ImportedService readServiceResource(const std::string &type, const YAML::Node &properties);
// The logical id a reference names: "X" for !Ref X, !GetAtt X.Arn, !GetAtt [X, Arn],
// {"Ref": "X"}, {"Fn::GetAtt": ["X", "Arn"]}; empty otherwise.
QString referencedId(const YAML::Node &value);
// The connection an IAM action on a service of this kind stands for ("writes",
// "reads", "publishes", "calls"), or empty for a trigger's own permissions.
QString accessType(const QString &serviceKind, const QString &action);
// The logical id an IAM statement's Resource names (also "${X.Arn}/*" in !Sub).
QString statementResourceId(const YAML::Node &resource);
// An IAM role's resource for a function (serverless.yml and other CloudFormation
// without SAM): Lambda may assume it, it may write logs, and its statements.
YAML::Node lambdaRole(const ExportFunction &function, const LogicalIds &ids);

// Adds the file at path: generated merged into the imported file that origin keeps
// (YamlMerge::mergeWithOrigin), else generated as is after a Warning (export-origin):
// warning, translated, with %1 why the imported file cannot be read back.
void addMergedFile(const QJsonObject &origin, const QString &path, const YAML::Node &generated, const QString &warning,
                   ExportOutput &output);

// What an importer keeps in result's origin for the export back to its file (see
// YamlMerge::mergeWithOrigin): the file's name and text, the logical ids and event keys
// it read, and the baseline, the file generate writes for the canvas as imported
// (result's nodes and edges) with those ids. Call it last: generate reads the origin.
using TemplateGenerator =
    std::function<YAML::Node(const ExportModel &model, const LogicalIds &ids, ExportOutput &output)>;
void keepOrigin(const ImportInput &input, const QJsonObject &ids, const QJsonObject &events,
                const TemplateGenerator &generate, ImportResult *result);

// A supported runtime for one the canvas does not offer (nodejs18.x -> nodejs20.x).
QString nearestRuntime(const QString &runtime);

} // namespace Nimbus::Aws
