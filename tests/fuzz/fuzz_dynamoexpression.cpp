// DynamoDB expressions as a request carries them: the first byte picks the kind
// (condition, update, projection), the first line is the expression, a second line an
// optional item (DynamoDB JSON) to evaluate, apply and project it on, and a third two
// numbers for the decimal arithmetic.

#include "cloud/dynamoexpression.h"
#include "fuzzcommon.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Nimbus;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QJsonObject names = json(R"({"#n": "name", "#c": "count", "#p": "parts", "#d": "dims"})");
    static const QJsonObject values = json(R"({
        ":s": {"S": "tea"}, ":n": {"N": "12.50"}, ":big": {"N": "1E+125"}, ":neg": {"N": "-0.000001"},
        ":b": {"B": "AAEC"}, ":t": {"BOOL": true}, ":null": {"NULL": true},
        ":l": {"L": [{"S": "lid"}, {"N": "2"}]}, ":m": {"M": {"w": {"N": "1"}}},
        ":ss": {"SS": ["a", "b"]}, ":ns": {"NS": ["1", "2.5"]}, ":bs": {"BS": ["AA=="]}})");
    static const QJsonObject sampleItem = json(R"({
        "name": {"S": "Tea pot"}, "count": {"N": "3"}, "price": {"N": "12.5"},
        "tags": {"SS": ["kitchen", "tea"]}, "dims": {"M": {"w": {"N": "10"}, "parts": {"L": [{"S": "lid"}]}}}})");

    const auto kind = DynamoExpression::Kind(data[0] % 3);
    const QList<QByteArray> lines = NimbusFuzz::bytes(data + 1, size - 1).split('\n');
    const QString text = QString::fromUtf8(lines.value(0));

    DynamoExpression::Context context{names, values, {}, {}};
    DynamoError error;
    const auto expression = DynamoExpression::parse(kind, text, QStringLiteral("Expression"), context, &error);
    context.unused();
    if (expression) {
        QJsonObject item = sampleItem;
        if (lines.size() > 1) {
            const QJsonObject given = QJsonDocument::fromJson(lines.at(1)).object();
            // Items reach the expressions only after the endpoint validated them.
            bool valid = true;
            for (auto it = given.begin(); it != given.end() && valid; ++it)
                valid = DynamoValue::validate(it.value()).isEmpty();
            if (valid && !given.isEmpty())
                item = given;
        }
        expression->matches(item);
        expression->project(item);
        expression->touchedAttributes();
        expression->attributes();
        expression->equalityOn(QStringLiteral("name"));
        DynamoError applyError;
        if (expression->apply(item, &applyError))
            DynamoValue::itemSize(item);
    }
    if (lines.size() > 2) {
        const QList<QByteArray> numbers = lines.at(2).split(' ');
        const QString a = QString::fromUtf8(numbers.value(0));
        const QString b = QString::fromUtf8(numbers.value(1));
        DynamoValue::isNumber(a);
        DynamoValue::canonicalNumber(a);
        if (DynamoValue::isNumber(a) && DynamoValue::isNumber(b)) {
            DynamoValue::addNumbers(a, b);
            DynamoValue::addNumbers(a, b, true);
            DynamoValue::compare(QJsonObject{{QStringLiteral("N"), a}}, QJsonObject{{QStringLiteral("N"), b}});
        }
    }
    return 0;
}
