// The expression layer of the Amazon States Language as a state machine's author writes
// it: the first byte picks what the rest is (a path, an intrinsic call, a payload
// template, a Choice rule, a ResultPath), the first line is that text, and a second line
// an optional input document (JSON) to evaluate it on.

#include "fuzzcommon.h"
#include "workflow/aslexpr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Nimbus;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QJsonValue sampleInput = QJsonDocument::fromJson(R"({
        "order": {"id": "o-1", "items": [{"sku": "a", "price": 12.5}, {"sku": "b", "price": 3}], "paid": true},
        "when": "2024-05-01T10:00:00Z", "tags": ["x", "y", "x"], "n": null, "text": "a,b;c"})")
                                              .object();
    static const QJsonValue context = QJsonDocument::fromJson(R"({
        "Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:m:e"},
        "Map": {"Item": {"Index": 0, "Value": {"id": 1}}}})")
                                          .object();

    const QList<QByteArray> lines = NimbusFuzz::bytes(data + 1, size - 1).split('\n');
    const QString text = QString::fromUtf8(lines.value(0));
    Asl::Scope scope{sampleInput, context};
    if (lines.size() > 1) {
        const QJsonDocument given = QJsonDocument::fromJson(lines.at(1));
        if (given.isObject())
            scope.input = given.object();
        else if (given.isArray())
            scope.input = given.array();
    }

    switch (data[0] % 5) {
    case 0:
        Asl::evaluatePath(text, scope, QStringLiteral("field.$"));
        (void)Asl::checkPath(text, true);
        break;
    case 1:
        Asl::evaluateIntrinsic(text, scope);
        (void)Asl::checkIntrinsic(text);
        break;
    case 2: {
        const QJsonDocument payload = QJsonDocument::fromJson(text.toUtf8());
        const QJsonValue payloadTemplate = payload.isArray() ? QJsonValue(payload.array())
                                                             : QJsonValue(payload.object());
        Asl::applyTemplate(payloadTemplate, scope);
        Asl::checkTemplate(payloadTemplate, QStringLiteral("Parameters"));
        break;
    }
    case 3: {
        const QJsonObject rule = QJsonDocument::fromJson(text.toUtf8()).object();
        Asl::matchesChoiceRule(rule, scope);
        Asl::checkChoiceRule(rule, QStringLiteral("Choices[0]"));
        Asl::describeChoiceRule(rule);
        break;
    }
    default: Asl::placeAtPath(scope.input, text, QJsonValue(1)); break;
    }
    return 0;
}
