#pragma once

#include "awscommon.h"

#include <QCoreApplication>

namespace Nimbus::Aws {

// What the AWS targets write for a state machine (Step Functions) and read back.
class Workflows
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Aws::Workflows)

public:
    // The HTTP API serverless.yml's export writes for the routes that start machines when no
    // function has an httpApi event (the framework then writes none), and its $default stage.
    static constexpr const char *kMachinesApi = "StateMachinesHttpApi";

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
    // An HTTP API route that starts the machine: an AWS::ApiGatewayV2::Integration of subtype
    // StepFunctions-StartExecution (the request's body as the execution's input) with the role
    // API Gateway assumes for it (states:StartExecution on this machine only), and the
    // AWS::ApiGatewayV2::Route on api, named by the route's logical id.
    static void addRouteStarter(const ExportWorkflow &w, const Node *route, const YAML::Node &api,
                                const LogicalIds &ids, YAML::Node &resources);
    // AWS::StepFunctions::StateMachine with its role, and the rules, schedules, pipes and
    // routes that start it (CloudFormation without SAM: serverless.yml's resources). Routes
    // go on httpApi (a reference to the HTTP API); a REST route (payload 1.0), a route with an
    // authorizer, or any route when httpApi is null is reported instead.
    static void addCloudFormation(const ExportModel &model, const ExportWorkflow &w, const LogicalIds &ids,
                                  const YAML::Node &httpApi, YAML::Node &resources, ExportOutput &output);
    // The logical ids of what addRouteStarter writes for a route (its Route resource is the
    // route's own id).
    static QString routeIntegrationId(const QString &routeId) { return routeId + QLatin1String("Integration"); }
    static QString routeRoleId(const QString &routeId) { return routeId + QLatin1String("StartRole"); }
};

} // namespace Nimbus::Aws
