#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Nimbus {

// One problem of a state machine's definition, naming the state it is in (empty for the
// machine as a whole) and, where one is, the field ("Next", "Parameters.id.$").
struct AslDiagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString state; // "Charge", or "Reserve/Branch 1/Write receipt" inside a Parallel or Map
    QString field;
    QString message;

    // "Charge: Next: the state \"Pay\" does not exist".
    QString text() const;
};

// What a Task state's Resource asks for: the service integration and how the state waits.
struct AslResource
{
    enum class Service {
        Invalid,
        Lambda,
        LambdaArn,
        SqsSend,
        SnsPublish,
        DynamoGet,
        DynamoPut,
        DynamoUpdate,
        DynamoDelete,
        StartExecution,
        PutEvents
    };
    enum class Pattern { RequestResponse, Sync, WaitForTaskToken };

    Service service = Service::Invalid;
    Pattern pattern = Pattern::RequestResponse;
    QString arn; // as written
    // The function a plain Lambda ARN names (LambdaArn), with its qualifier dropped.
    QString function;

    // Parses arn:aws:states:::lambda:invoke[.waitForTaskToken], arn:aws:lambda:...:function:NAME
    // (or its ${NAME} placeholder),
    // sqs:sendMessage, sns:publish, dynamodb:getItem/putItem/updateItem/deleteItem,
    // states:startExecution[.sync[:2]|.waitForTaskToken] and events:putEvents; Invalid for
    // anything else (the executor refuses it by name).
    static AslResource parse(const QString &arn);
    // "lambda", "sqs", "sns", "dynamodb", "states", "events": the resourceType of the history's events.
    QString resourceType() const;
    // "invoke", "sendMessage", "getItem" ...: the resource of the history's events.
    QString resourceName() const;
};

// A resource of the design a state machine's definition uses, for the canvas's derived
// connections: the node's name as the definition names it, the connection it needs
// ("invokes", "writes", "publishes", "reads", "starts") and the states that use it.
struct AslReference
{
    QString node;
    QString kind; // the node kind the reference implies: "function", "queue", "topic", "table", "state-machine",
                  // "event-bus"
    QString edge;
    QStringList states;
};

// The Amazon States Language definition of one state machine, checked as the AWS console
// checks it (validate()) and read for what it uses (references()).
namespace AslDefinition {

// The definition text parsed as JSON; an error naming the line and column when it is not.
Result<QJsonObject> parse(const QByteArray &text);
// Every problem, errors first in state order: StartAt and Next targets that do not
// exist, states no path reaches, no terminal state, a Choice without Default (warning), a
// Retry or Catch on a state that has none (Fail, Succeed, Choice, Wait, Pass), bad paths,
// templates and intrinsic functions, unknown Task resources, invalid Wait and Map
// fields, and the same inside each Parallel branch and Map iterator. JSONata
// (QueryLanguage "JSONata") is refused with one diagnostic that says so.
QList<AslDiagnostic> validate(const QJsonObject &definition);
// The names of the design's nodes the definition's Task states use, resolved through
// names: a Task's FunctionName, QueueUrl, TopicArn, TableName, StateMachineArn or
// EventBusName (an ARN, a URL, a name, or a "${name}" substitution) whose last part is a
// name in names. Sorted by node.
QList<AslReference> references(const QJsonObject &definition, const QStringList &names);
// The last part of an ARN or URL that names a resource ("arn:aws:lambda:...:function:charge:$LATEST"
// -> "charge", ".../000000000000/orders" -> "orders", "${charge}" -> "charge").
QString resourceName(const QString &reference);
// Every state of the definition, depth first, with their paths ("Reserve/Branch 1/Write receipt").
QStringList statePaths(const QJsonObject &definition);

} // namespace AslDefinition

} // namespace Nimbus
