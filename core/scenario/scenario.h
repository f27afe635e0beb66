#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Nimbus {

// A scenario: an integration test of a whole design, written in YAML beside the project
// (scenarios/*.yaml). Steps act on the local cloud as a client or a service would (an
// HTTP request to a route, a message, an object, an item, an event, an invocation, a
// move of the clock) and expect what should follow (an answer, an item in a table, an
// object, a message in a queue, the hops the request travelled, a log line), within a
// time of the cloud's clock. Values captured from an answer (${name}) are used by the
// steps after it. Faults set on nodes for the scenario's runs make it hard, and a seed
// makes those runs repeatable; repeat runs it with seeds one after another, each checking
// the invariants at its end.
struct ScenarioStep
{
    enum class Kind {
        Request,
        SendMessage,
        Publish,
        PutObject,
        PutItem,
        PutEvent,
        Invoke,
        StartWorkflow,
        Advance,
        ExpectItem,
        ExpectObject,
        ExpectMessage,
        ExpectHops,
        ExpectLog,
        ExpectWorkflow,
        ExpectOneOf,
    };

    Kind kind = Kind::Request;
    QString name; // what the report calls it: its own name, else the action and its target
    QJsonValue args; // the action's value, as JSON
    QJsonObject extra; // request: body and headers given beside it
    QJsonValue expect = QJsonValue::Undefined; // request and invoke: {status, body} / {result, error}
    // start-workflow answers {executionArn, name}; expect-workflow finds an execution of
    // the machine (or the one execution names) with the status and, if given, an output
    // (or error) the matchers describe.
    QJsonObject capture; // variable -> path in the answer ("body.orderId")
    qint64 withinMs = 0; // expect-*: how far the cloud's clock may move before it holds
    int line = 0, column = 0; // where it starts in its file (1-based)
    QList<ScenarioStep> alternatives; // expect-one-of: it holds when one of these does

    static QString kindName(Kind kind);
    bool isExpectation() const { return kind >= Kind::ExpectItem; }
};

struct Scenario
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Scenario)

public:
    QString fileName;
    QString name;
    QString description;
    std::optional<quint64> seed;
    int repeat = 1;
    QString clockStart; // ISO 8601; the cloud's clock starts there, paused
    QHash<QString, QJsonObject> faults; // node -> properties set for the runs
    QList<ScenarioStep> steps;
    QList<ScenarioStep> invariants; // expectations checked at the end of each run

    static constexpr int kMaxSteps = 1000;
    static constexpr int kMaxRepeat = 10000;

    // Reads a scenario; an error says "file:line:column: what" (yaml-cpp's marks).
    static Result<Scenario> parse(const QByteArray &yaml, const QString &fileName);
    static Result<Scenario> load(const QString &path);
    // The scenarios of a project: scenarios/*.yaml beside its file, sorted by name.
    static QStringList filesOf(const QString &projectPath);
};

// Helpers the runner and its tests share.
namespace ScenarioJson {
// Replaces ${name} in every string of value by the variable's text; a string that is
// only "${name}" becomes the variable's value, whatever its type. Unknown names are
// listed in missing.
QJsonValue substitute(const QJsonValue &value, const QHash<QString, QJsonValue> &variables,
                      QStringList *missing = nullptr);
// Whether actual is what expected describes: objects by the keys expected names (others
// ignored), arrays element by element, scalars equal (numbers by value), and operators
// {"$any": true}, {"$exists": bool}, {"$regex": "..."}, {"$contains": x}, {"$gt" | "$gte"
// | "$lt" | "$lte": n}, {"$length": n}, {"$not": m}, {"$json": m} (a string parsed as
// JSON, then matched). An empty string when it matches, else where and how it differs.
QString mismatch(const QJsonValue &expected, const QJsonValue &actual, const QString &path = {});
// The value at path ("body.items[0].id"; "" is the whole) in root; undefined when absent.
QJsonValue at(const QJsonValue &root, const QString &path);
// DynamoDB's attribute values to plain JSON ({"S": "a"} -> "a", {"N": "1.5"} -> 1.5, ...)
// and back (as lib-dynamodb's DocumentClient marshalls).
QJsonValue fromAttribute(const QJsonValue &attribute);
QJsonObject fromItem(const QJsonObject &item);
QJsonValue toAttribute(const QJsonValue &value);
QJsonObject toItem(const QJsonObject &plain);
} // namespace ScenarioJson

} // namespace Nimbus
