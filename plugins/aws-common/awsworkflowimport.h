#pragma once

#include "awscommon.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace Nimbus::Aws {

// Reads state machines back from CloudFormation: AWS::Serverless::StateMachine (SAM) and
// AWS::StepFunctions::StateMachine, with their definition inline (Definition), as a string
// (DefinitionString, also Fn::Sub or Fn::Join of strings) or in a file beside the template
// (DefinitionUri, confined to the template's folder). Each becomes a state-machine node and
// workflows/<node>.asl.json (ImportResult::files) in which the DefinitionSubstitutions and
// references that name imported resources read ${node}. What the exports write for a machine
// (its pipes from queues and their roles, its log group, its roles, the schedule rules that
// start it) is read as the machine's connections, not kept as unknown resources.
class WorkflowReader
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Aws::WorkflowReader)

public:
    WorkflowReader(const ImportInput &input, ImportResult &result, ImportBuilder &builder,
                   QHash<QString, QString> &nodeOfResource, const YAML::Node &resources, EventReader::AddNode addNode);

    static bool isMachine(const std::string &type);
    // For a route whose ApiId names no resource of the template (serverless.yml's HttpApi,
    // which the framework writes): whether that API allows CORS.
    void setExternalApiCors(bool cors) { mExternalApiCors = cors; }
    // Adds the machine's node when its definition can be read; otherwise a Warning says why
    // and false leaves the resource to be kept as written.
    bool readMachine(const QString &id, const std::string &type, const YAML::Node &p);
    // Whether the resource is one an export writes for a machine (a pipe from a queue and its
    // role, the machine's log group, roles and schedule rules): finish() reads it.
    bool readDerived(const QString &id, const std::string &type, const YAML::Node &p);
    // Once every other node is read: each machine's definition file, its connections from
    // its Task states, pipes and schedule rules, and the <MACHINE>_STATE_MACHINE_ARN variables
    // of the functions that start it dropped (the exports write them from the connection).
    void finish();

    // A string value of the template with the resources it names as ${node}: a plain string,
    // Ref, Fn::GetAtt, Fn::Sub (with its variables) and Fn::Join of those; pseudo parameters
    // take the local cloud's values. Names that are no node stay ${logicalId} and are listed
    // in unresolved. Nothing for another intrinsic function (Fn::If, Fn::ImportValue ...).
    std::optional<QString> resolveString(const YAML::Node &value, QStringList *unresolved) const;

private:
    struct Machine
    {
        QString id;
        QString node;
        YAML::Node properties;
        QByteArray fileText; // DefinitionUri's file, as read
    };
    struct Starter
    {
        QString id; // the pipe's or rule's logical id
        QString source; // the queue's logical id (a pipe)
        QString machine; // logical id
        YAML::Node properties;
        bool route = false; // an AWS::ApiGatewayV2::Route of the StartExecution integration
    };

    Result<QByteArray> definitionFile(const YAML::Node &uri) const;
    Result<void> checkDefinition(const QString &id, const YAML::Node &p, QByteArray *fileText) const;
    QByteArray definitionText(const Machine &m, QStringList *unresolved) const;
    QByteArray substituted(const QByteArray &text, const Machine &m, QStringList *unresolved) const;
    QString placeholder(const QString &logicalId, QStringList *unresolved) const;
    QString subText(const YAML::Node &sub, QStringList *unresolved, bool *ok) const;
    void writeJson(const YAML::Node &node, int depth, QString &out, QStringList *unresolved) const;
    bool isMachineResource(const QString &id) const;
    bool isLogGroupOfMachine(const QString &id) const;
    void connectDefinition(const Machine &m, const QByteArray &text);
    void readStarter(const Starter &s);
    void readRouteStarter(const Starter &s, const QString &machine);
    // The machine a StepFunctions-StartExecution integration starts (its logical id); empty
    // for another integration.
    QString integrationMachine(const QString &integrationId) const;
    // The integration a route's Target names (integrations/<id> by Fn::Join, Fn::Sub or text).
    static QString targetIntegration(const YAML::Node &target);
    void dropMachineVariables();

    const ImportInput &mInput;
    ImportResult &mResult;
    ImportBuilder &mBuilder;
    QHash<QString, QString> &mNodeOfResource;
    YAML::Node mResources;
    EventReader::AddNode mAddNode;
    QList<Machine> mMachines;
    QList<Starter> mStarters;
    bool mExternalApiCors = false;
};

} // namespace Nimbus::Aws
