#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Nimbus {

// DynamoDB's typed values, as the wire carries them: {"S": "text"}, {"N": "12.5"},
// {"M": {...}}, {"SS": [...]} ... Numbers are compared and added as decimals, never
// as doubles, so that 38 significant digits survive.
namespace DynamoValue {

// Compares two values of one scalar type (S, N or B); nullopt for other pairs.
std::optional<int> compare(const QJsonValue &a, const QJsonValue &b);
// Equality as DynamoDB sees it: numbers by value, sets without regard to order.
bool equal(const QJsonValue &a, const QJsonValue &b);
QString typeOf(const QJsonValue &value);
// Sum or difference of two decimal numbers written as DynamoDB numbers.
std::optional<QString> addNumbers(const QString &a, const QString &b, bool subtract = false);
// Whether text is a number DynamoDB accepts (at most 38 significant digits).
bool isNumber(const QString &text);
// The one spelling of a number ("1.50", "15e-1" -> "1.5"), as key values are compared.
std::optional<QString> canonicalNumber(const QString &text);
// What is wrong with text as a number, in DynamoDB's words; empty when it is one.
QString numberProblem(const QString &text);
// The value with its numbers (N, NS, and those inside M and L) as DynamoDB returns them:
// "1.50" -> "1.5", "007" -> "7", "1E+2" -> "100", "-0" -> "0".
QJsonValue normalised(const QJsonValue &value);
QJsonObject normalisedItem(const QJsonObject &item);
// Checks that value is a well-formed attribute value; the reason otherwise.
QString validate(const QJsonValue &value);
// The size DynamoDB bills for an item (names plus values), close to its own rule.
qsizetype itemSize(const QJsonObject &item);

// The Item of a PutItem as it is written, made on the endpoint's connection thread so that
// the cloud's thread, which serves every write in turn, need not: normalisedItem() of the
// request's Item, its itemSize() and its compact JSON text (as the items table stores it).
struct PreparedItem
{
    QJsonObject item;
    qsizetype size = 0;
    QByteArray text;

    static PreparedItem of(const QJsonObject &requestItem);
};

} // namespace DynamoValue

// A problem with a request, named as DynamoDB names it (ValidationException ...).
struct DynamoError
{
    QString type;
    QString message;
    // Members the error's body carries besides its type and message (CancellationReasons, Item).
    QJsonObject details = {};
};

// One parsed expression of a request (condition, key condition, filter, update or
// projection). The request's ExpressionAttributeNames and Values are resolved while
// parsing; the context records which were used, since DynamoDB refuses unused ones.
class DynamoExpression
{
public:
    struct Context
    {
        QJsonObject names; // "#n" -> "name"
        QJsonObject values; // ":v" -> typed value
        QSet<QString> usedNames;
        QSet<QString> usedValues;
        // The "unused in expressions" error DynamoDB gives, if any.
        std::optional<DynamoError> unused() const;
    };

    enum class Kind { Condition, Update, Projection };

    // kind names the expression in messages (ConditionExpression, UpdateExpression ...).
    static std::optional<DynamoExpression> parse(Kind kind, const QString &text, const QString &what, Context &context,
                                                 DynamoError *error);

    // A condition over an item (an empty item for one that does not exist).
    bool matches(const QJsonObject &item) const;
    // Applies an update to item; false with *error when an action cannot apply.
    bool apply(QJsonObject &item, DynamoError *error) const;
    // The item reduced to the projection's paths.
    QJsonObject project(const QJsonObject &item) const;
    // Top-level attributes an update writes or removes.
    QStringList touchedAttributes() const;
    // For a key condition: the value the partition key must equal (nullopt if the
    // condition does not say).
    std::optional<QJsonValue> equalityOn(const QString &attribute) const;
    // For a key condition: the attributes it reads.
    QStringList attributes() const;

    struct Node;

private:
    std::shared_ptr<const Node> mRoot;
    std::vector<std::shared_ptr<const Node>> mPaths; // projection
    struct Action
    {
        enum Type { Set, Remove, Add, Delete } type;
        std::shared_ptr<const Node> path;
        std::shared_ptr<const Node> value;
    };
    std::vector<Action> mActions; // update
};

} // namespace Nimbus
