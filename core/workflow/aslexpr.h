#pragma once

#include "result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace Nimbus::Asl {

// An error of the Amazon States Language as a state raises it: its name
// ("States.Runtime", "States.IntrinsicFailure") and its cause, the message a user reads
// ("The JSONPath '$.order.id' specified for the field 'id.$' could not be found in the
// input '{...}'"). The executor gives it to Retry and Catch as AWS does.
struct Failure
{
    QString error;
    QString cause;
};

template<typename T>
struct Outcome
{
    std::optional<T> value;
    Failure failure;

    Outcome(const T &v) : value(v) { }
    Outcome(T &&v) : value(std::move(v)) { }
    Outcome(const Failure &f) : failure(f) { }
    explicit operator bool() const { return value.has_value(); }
    const T &operator*() const { return *value; }
    const T *operator->() const { return &*value; }
};

// What the paths of a state read: the effective input and the context object ($$).
struct Scope
{
    Scope(QJsonValue input = {}, QJsonValue context = {}, std::function<QJsonValue()> makeContext = {})
        : input(std::move(input)), context(std::move(context)), makeContext(std::move(makeContext))
    { }

    QJsonValue input;
    QJsonValue context;
    // When set, gives the context object in place of context, called only when a "$$" path
    // is read: the executor makes a state's context (which costs more than a Pass state's
    // work) only for the states that read it.
    std::function<QJsonValue()> makeContext;

    QJsonValue contextObject() const { return makeContext ? makeContext() : context; }
};

// ---- JSONPath (the JSONPath query language of ASL) ----

// The value a path selects: "$" the input, "$$.Execution.Id" the context object, "$.a.b",
// "$['a b']", "$.items[0]", "$.items[-1:]", "$.items[*].id", "$..price",
// "$.items[?(@.price > 10)]", "$.items.length()". A path that selects several values (a
// wildcard, a filter, a slice, a deep scan) gives an array of them; one that selects
// nothing fails with States.Runtime naming the path and, where given, the field. An
// indefinite path that selects nothing gives []. Qt's JSON objects keep their keys sorted,
// so "$.*" and "$..x" list an object's values in key order, not in the document's.
Outcome<QJsonValue> evaluatePath(const QString &path, const Scope &scope, const QString &field = {});
// Whether path is a valid path, or a valid Reference Path (one value, no wildcards or
// filters: what ResultPath and the *Path comparisons of Choice need); what is wrong.
Result<void> checkPath(const QString &path, bool reference = false);
// ResultPath: value placed into input at referencePath ("$" replaces the input; "$.a.b"
// creates the objects on the way; a missing ResultPath means "$"). States.Runtime when
// the path goes through a value that is not an object.
Outcome<QJsonValue> placeAtPath(const QJsonValue &input, const QString &referencePath, const QJsonValue &value);

// ---- Payload templates (Parameters, ResultSelector, ItemSelector, Arguments) ----

// The template with each field whose name ends in ".$" replaced by the field without the
// suffix, whose value is the path's value or the intrinsic function's result, recursively
// through objects and arrays.
Outcome<QJsonValue> applyTemplate(const QJsonValue &payloadTemplate, const Scope &scope);
// What is wrong in a template, each with the field's path ("Parameters.order.id.$: ..."):
// a ".$" field whose value is not a string, a bad path, an unknown intrinsic function
// or one with the wrong number of arguments.
QStringList checkTemplate(const QJsonValue &payloadTemplate, const QString &where);

// ---- Intrinsic functions ----

// Evaluates "States.Format('Hello, {}', $.name)" and the others: States.Format,
// StringToJson, JsonToString, Array, ArrayPartition, ArrayContains, ArrayRange,
// ArrayGetItem, ArrayLength, ArrayUnique, Base64Encode, Base64Decode, Hash, JsonMerge,
// MathRandom, MathAdd, StringSplit, UUID; nested calls and paths as arguments. Errors are
// States.IntrinsicFailure (a wrong argument) as AWS raises them; a path argument that
// selects nothing is States.Runtime. States.MathRandom's end is exclusive, and a seed gives
// the same number each time.
Outcome<QJsonValue> evaluateIntrinsic(const QString &expression, const Scope &scope);
// Whether expression parses as a call of a known intrinsic with a valid argument count.
Result<void> checkIntrinsic(const QString &expression);
// Whether a ".$" field's value is an intrinsic call (starts with "States.").
bool isIntrinsic(const QString &expression);

// ---- Choice rules ----

// Whether a Choice rule (one element of Choices, or a nested one inside And/Or/Not)
// matches: Variable with every comparison operator (StringEquals, StringLessThan...,
// StringMatches, NumericEquals..., BooleanEquals, TimestampEquals..., and each *Path
// variant), IsPresent, IsNull, IsString, IsNumeric, IsBoolean, IsTimestamp, And, Or, Not.
// A comparison whose Variable selects nothing fails with States.Runtime, as AWS fails the
// state (a type test is false then, IsPresent aside); a comparison of values of another
// type is false, as AWS evaluates them. States.Runtime for an invalid rule.
Outcome<bool> matchesChoiceRule(const QJsonObject &rule, const Scope &scope);
// What is wrong in a Choice rule (unknown operator, no Variable, a *Path value that is
// not a valid path, And/Or without a list), each message naming where.
QStringList checkChoiceRule(const QJsonObject &rule, const QString &where);
// A short human text of a rule, for the editor's branch labels: "$.total > 100",
// "$.status == \"PAID\"", "not ($.x is present)", "($.a == 1) and ($.b < 2)".
QString describeChoiceRule(const QJsonObject &rule);

// Every comparison a Choice rule may make, as the console lists them: each comparison,
// its *Path variant after it (StringMatches has none), then the type tests.
QStringList choiceOperators();
// What an operator's value is: a string, a number, a boolean (also every type test), an
// RFC 3339 timestamp or a path to compare with; nullopt for an unknown operator.
enum class ChoiceOperand { String, Number, Boolean, Timestamp, Path };
std::optional<ChoiceOperand> choiceOperand(const QString &op);

} // namespace Nimbus::Asl
