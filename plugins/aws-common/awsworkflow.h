#pragma once

#include "awscommon.h"

#include <QCoreApplication>

namespace Nimbus::Aws {

// What the AWS targets write for a state machine (Step Functions) and read back.
class Workflows
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Aws::Workflows)

public:
    // The value of a ${name} placeholder in DefinitionSubstitutions: a function's, topic's or
    // state machine's ARN, a queue's URL, a table's or bus's name, as the local cloud
    // resolves it (WorkflowEngine::definition).
    static YAML::Node substitutionValue(const Node *node, const LogicalIds &ids);
    static YAML::Node substitutions(const ExportWorkflow &w, const LogicalIds &ids);
    // The machine's role's statements, from its connections (EffectivePolicy, as a function's).
    static QList<IamStatement> statements(const ExportWorkflow &w);
    // SAM's policy templates for the machine's connections (LambdaInvokePolicy,
    // SQSSendMessagePolicy, SNSPublishMessagePolicy, DynamoDBCrudPolicy/ReadPolicy,
    // StepFunctionsExecutionPolicy, EventBridgePutEventsPolicy).
    static YAML::Node samPolicies(const ExportWorkflow &w, const LogicalIds &ids);
    // The statements Step Functions needs to deliver its logs to CloudWatch Logs.
    static YAML::Node logDeliveryStatement();
    // The Logging configuration of a machine whose logging level is above OFF (and the
    // AWS::Logs::LogGroup it writes to, added to resources); a null node when OFF.
    static YAML::Node logging(const ExportWorkflow &w, const LogicalIds &ids, YAML::Node &resources);
    // A pipe (AWS::Pipes::Pipe and its role) by which a queue starts the machine, one
    // execution per message: neither SAM nor Step Functions has a queue event source.
    static void addQueuePipe(const ExportWorkflow &w, const Node *queue, const LogicalIds &ids, YAML::Node &resources);
    // <MACHINE>_STATE_MACHINE_ARN of each machine f starts that f does not set itself, as
    // the local cloud gives it: (variable name, machine).
    static QList<QPair<QString, const Node *>> machineVariables(const ExportFunction &f);
    // The variable that holds a machine's ARN: ORDER_FLOW_STATE_MACHINE_ARN for orderFlow.
    static QString machineVariable(const QString &machine);
    // A Warning on a starter the target has no way to start the machine from.
    static void reportStarter(const ExportWorkflow &w, const Node *starter, const QString &platform,
                              ExportOutput &output);
    // AWS::StepFunctions::StateMachine with its role, and the rules, schedules and pipes that
    // start it (CloudFormation without SAM: serverless.yml's resources).
    static void addCloudFormation(const ExportModel &model, const ExportWorkflow &w, const LogicalIds &ids,
                                  YAML::Node &resources, ExportOutput &output);
};

} // namespace Nimbus::Aws
