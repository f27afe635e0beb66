// The expression layer of the Amazon States Language (JSONPath mode) against AWS's
// documented examples (Step Functions developer guide: "Intrinsic functions", "Choice
// workflow state", "Processing input and output": InputPath, Parameters, ResultPath) and
// Jayway JsonPath's README (the bookstore), with the errors AWS raises.

#include "workflow/aslexpr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace Nimbus;
using namespace Qt::StringLiterals;
using namespace Nimbus::Asl;

namespace {

// Any JSON value from text, scalars included.
QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), text.constData());
    return document.array().at(0);
}

QByteArray text(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

const QByteArray kBookstore = R"({"store": {"book": [
    {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
    {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
    {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
    {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8",
     "price": 22.99}],
  "bicycle": {"color": "red", "price": 19.95}},
  "expensive": 10, "odd keys": {"a b": 1, "it\u0027s": 2, "x.y": 3}, "flags": [true, false, null]})";

const QByteArray kContext = R"({"Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:M:e1",
    "Input": {"a": 1}, "StartTime": "2024-05-01T10:00:00.000Z"}, "State": {"Name": "Greet", "RetryCount": 0},
    "StateMachine": {"Name": "M"}, "Map": {"Item": {"Index": 2, "Value": {"id": "c"}}}})";

Scope scopeOf(const QByteArray &input, const QByteArray &context = kContext)
{
    return Scope{json(input), json(context)};
}

} // namespace

class TestAslExpr : public QObject
{
    Q_OBJECT

private slots:
    void paths_data();
    void paths();
    void pathFailures_data();
    void pathFailures();
    void checkPaths_data();
    void checkPaths();
    void placeAtPath_data();
    void placeAtPath();
    void templates_data();
    void templates();
    void templateFailures_data();
    void templateFailures();
    void checkTemplates_data();
    void checkTemplates();
    void intrinsics_data();
    void intrinsics();
    void intrinsicFailures_data();
    void intrinsicFailures();
    void checkIntrinsics_data();
    void checkIntrinsics();
    void uuidIsVersion4();
    void mathRandomStaysInRangeAndSeedRepeats();
    void encodingLimits();
    void choiceRules_data();
    void choiceRules();
    void choiceRuleFailures_data();
    void choiceRuleFailures();
    void missingVariableFails();
    void checkChoiceRules_data();
    void checkChoiceRules();
    void describeChoiceRules_data();
    void describeChoiceRules();
    void garbageNeverCrashes();
};

// ---- JSONPath ----

void TestAslExpr::paths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char *path, const QByteArray &input, const QByteArray &expected) {
        QTest::newRow(path) << QString::fromUtf8(path) << input << expected;
    };
    const QByteArray b = kBookstore;
    // Jayway's README.
    row("$.store.book[*].author", b, R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
    row("$..author", b, R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
    row("$.store.bicycle.*", b, R"(["red",19.95])");
    row("$..book[2].title", b, R"(["Moby Dick"])");
    row("$.store.book[2].title", b, R"("Moby Dick")");
    row("$.store.book[-1].title", b, R"("The Lord of the Rings")");
    row("$.store.book[-2].author", b, R"("Herman Melville")");
    row("$.store.book[0,1].price", b, "[8.95,12.99]");
    row("$.store.book[:2].price", b, "[8.95,12.99]");
    row("$.store.book[1:2].price", b, "[12.99]");
    row("$.store.book[-2:].price", b, "[8.99,22.99]");
    row("$.store.book[2:].price", b, "[8.99,22.99]");
    row("$.store.book[::2].price", b, "[8.95,8.99]");
    row("$.store.book[5:9]", b, "[]");
    row("$.store.book[?(@.isbn)].title", b, R"(["Moby Dick","The Lord of the Rings"])");
    row("$.store.book[?(@.price < 10)].price", b, "[8.95,8.99]");
    row("$..book[?(@.price <= $['expensive'])].price", b, "[8.95,8.99]");
    row("$.store.book[?(@.price > 10 && @.category == 'fiction')].price", b, "[12.99,22.99]");
    row("$.store.book[?(@.price > 20 || @.category == \"reference\")].price", b, "[8.95,22.99]");
    row("$.store.book[?(!(@.price > 10))].price", b, "[8.95,8.99]");
    row("$.store.book[?(@.author != 'Nigel Rees')].price", b, "[12.99,8.99,22.99]");
    row("$.store.book[?(@.price >= 12.99)].price", b, "[12.99,22.99]");
    row("$.store.book[?(@.price == 8.99)].title", b, R"(["Moby Dick"])");
    row("$.store.book[?(@.title > 'S')].title", b,
        R"(["Sayings of the Century","Sword of Honour","The Lord of the Rings"])");
    row("$.store.book[?(@.nothing == 1)]", b, "[]");
    row("$.store.book[?(@.price == '8.95')]", b, "[]");
    row("$.store.book.length()", b, "4");
    row("$.store.book[*].length()", b, "4");
    row("$.store.book[?(@.price < 10)].length()", b, "2");
    row("$.store.bicycle.color.length()", b, "3");
    row("$['store']['bicycle']['color']", b, R"("red")");
    row("$[\"store\"].bicycle[\"price\"]", b, "19.95");
    row("$['odd keys']['a b']", b, "1");
    row("$['odd keys']['it\\'s']", b, "2");
    row("$['odd keys']['x.y']", b, "3");
    row("$['odd keys']['a b','x.y']", b, "[1,3]");
    row("$.expensive", b, "10");
    row("$.flags[2]", b, "null");
    row("$.flags[1]", b, "false");
    row("$.flags[?(@ == true)]", b, "[true]");
    row("$", R"({"a":1})", R"({"a":1})");
    row("$", "[1,2]", "[1,2]");
    row("$[1]", "[1,2]", "2");
    row("$[*]", "[1,2]", "[1,2]");
    row("$[?(@ > 1)]", "[1,2,3]", "[2,3]");
    row("$..id", R"({"a":{"id":1,"b":[{"id":2},{"c":{"id":3}}]}})", "[1,2,3]");
    row("$..[0]", R"({"a":[1,[2]]})", "[1,2]");
    row("$..*", R"({"a":{"b":1}})", R"([{"b":1},1])");
    row("$.items[?(@.tags[0] == 'x')].id", R"({"items":[{"id":1,"tags":["x"]},{"id":2,"tags":["y"]}]})", "[1]");
    row("$.a.b", R"({"a":{"b":null}})", "null");
    // AWS's InputPath example ("Processing input and output").
    row("$.dataset2",
        R"({"comment": "Example for InputPath.", "dataset1": {"val1": 1, "val2": 2, "val3": 3},
            "dataset2": {"val1": "a", "val2": "b", "val3": "c"}})",
        R"({"val1": "a", "val2": "b", "val3": "c"})");
    // The context object.
    row("$$.Execution.Id", "{}", R"("arn:aws:states:us-east-1:123456789012:execution:M:e1")");
    row("$$.Map.Item.Value.id", "{}", R"("c")");
    row("$$.State.RetryCount", "{}", "0");
    row("$$", "{}", kContext);
}

void TestAslExpr::paths()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Outcome<QJsonValue> value = evaluatePath(path, scopeOf(input));
    QVERIFY2(value, qPrintable(value.failure.cause));
    QCOMPARE(text(*value), text(json(expected)));
}

void TestAslExpr::pathFailures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("cause");
    QTest::newRow("missing field, named") << u"$.x"_s << QByteArray(R"({"a":1})") << u"id.$"_s
                                          << u"The JSONPath '$.x' specified for the field 'id.$' could not be found in "
                                             "the input '{\"a\":1}'"_s;
    QTest::newRow("missing field, InputPath") << u"$.a.b"_s << QByteArray(R"({"a":{}})") << QString()
                                              << u"Invalid path '$.a.b' : No results for path: $['a']['b']"_s;
    QTest::newRow("index out of range") << u"$.a[3]"_s << QByteArray(R"({"a":[1]})") << QString()
                                        << u"Invalid path '$.a[3]' : No results for path: $['a'][3]"_s;
    QTest::newRow("name on an array") << u"$.a.b"_s << QByteArray(R"({"a":[1]})") << QString()
                                      << u"Invalid path '$.a.b' : No results for path: $['a']['b']"_s;
    QTest::newRow("length of a number") << u"$.a.length()"_s << QByteArray(R"({"a":1})") << QString()
                                        << u"Invalid path '$.a.length()' : No results for path: $['a'].length()"_s;
    QTest::newRow("context") << u"$$.Execution.Nope"_s << QByteArray("{}") << u"x.$"_s << QString();
    QTest::newRow("syntax: no $") << u"a.b"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: empty name") << u"$.a..[?"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: unterminated quote") << u"$['a"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: trailing") << u"$.a b"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: unknown function") << u"$.a.size()"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: after length()") << u"$.a.length().b"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: bad filter") << u"$.a[?(@.b >)]"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: literal filter") << u"$.a[?(1)]"_s << QByteArray("{}") << QString() << QString();
    QTest::newRow("syntax: step 0") << u"$.a[::0]"_s << QByteArray("{}") << QString() << QString();
}

void TestAslExpr::pathFailures()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, cause);
    const Outcome<QJsonValue> value = evaluatePath(path, scopeOf(input), field);
    QVERIFY(!value);
    QCOMPARE(value.failure.error, u"States.Runtime"_s);
    if (!cause.isEmpty())
        QCOMPARE(value.failure.cause, cause);
    QVERIFY(value.failure.cause.contains(path));
}

void TestAslExpr::checkPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("reference");
    QTest::addColumn<bool>("valid");
    auto row = [](const char *path, bool reference, bool valid) {
        QTest::newRow(qPrintable(QString::fromUtf8(path) + (reference ? u" (reference)"_s : QString())))
            << QString::fromUtf8(path) << reference << valid;
    };
    row("$", true, true);
    row("$.a.b", true, true);
    row("$['a b'][0].c", true, true);
    row("$$.Execution.Input", true, true);
    row("$.a[-1]", true, true);
    row("$.a[*]", true, false);
    row("$.a[*]", false, true);
    row("$..a", true, false);
    row("$..a", false, true);
    row("$.a[?(@.b)]", true, false);
    row("$.a[?(@.b)]", false, true);
    row("$.a[0:2]", true, false);
    row("$.a[0,1]", true, false);
    row("$.a.length()", true, false);
    row("$.a.length()", false, true);
    row("$['a','b']", true, false);
    row("", false, false);
    row("a", false, false);
    row("$.", false, false);
    row("$[", false, false);
    row("$[]", false, false);
    row("$.a[?(@.b == )]", false, false);
}

void TestAslExpr::checkPaths()
{
    QFETCH(QString, path);
    QFETCH(bool, reference);
    QFETCH(bool, valid);
    const Result<void> checked = checkPath(path, reference);
    QCOMPARE(checked.hasValue(), valid);
    if (!valid)
        QVERIFY(!checked.errorMessage().isEmpty());
}

void TestAslExpr::placeAtPath_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected"); // empty: States.Runtime
    // AWS's ResultPath examples ("Specifying state output using ResultPath").
    QTest::newRow("$.taskresult")
        << QByteArray(R"({"comment": "This is a test of the input and output of a Task state.",
                                                    "details": "Default example", "who": "AWS Step Functions"})")
        << u"$.taskresult"_s << QByteArray(R"("Hello, AWS Step Functions!")")
        << QByteArray(R"({"comment": "This is a test of the input and output of a Task state.",
                                                    "details": "Default example", "who": "AWS Step Functions",
                                                    "taskresult": "Hello, AWS Step Functions!"})");
    QTest::newRow("$.strings.lambdaresult")
        << QByteArray(R"({"strings": {"string1": "a", "string2": "b", "string3": "c"}, "who": "AWS Step Functions"})")
        << u"$.strings.lambdaresult"_s << QByteArray(R"("Hello, AWS Step Functions!")")
        << QByteArray(R"({"strings": {"string1": "a", "string2": "b", "string3": "c",
                              "lambdaresult": "Hello, AWS Step Functions!"}, "who": "AWS Step Functions"})");
    QTest::newRow("$ replaces") << QByteArray(R"({"a":1})") << u"$"_s << QByteArray("[1]") << QByteArray("[1]");
    QTest::newRow("missing path means $")
        << QByteArray(R"({"a":1})") << QString() << QByteArray("2") << QByteArray("2");
    QTest::newRow("creates objects") << QByteArray("{}") << u"$.a.b.c"_s << QByteArray("true")
                                     << QByteArray(R"({"a":{"b":{"c":true}}})");
    QTest::newRow("replaces a value") << QByteArray(R"({"a":{"b":1,"c":2}})") << u"$.a.b"_s << QByteArray(R"({"x":1})")
                                      << QByteArray(R"({"a":{"b":{"x":1},"c":2}})");
    QTest::newRow("bracket name") << QByteArray("{}") << u"$['a b']"_s << QByteArray("1") << QByteArray(R"({"a b":1})");
    QTest::newRow("array item") << QByteArray(R"({"a":[1,{"b":1}]})") << u"$.a[1].c"_s << QByteArray("2")
                                << QByteArray(R"({"a":[1,{"b":1,"c":2}]})");
    QTest::newRow("through a string") << QByteArray(R"({"a":"text"})") << u"$.a.b"_s << QByteArray("1") << QByteArray();
    QTest::newRow("into a string input") << QByteArray(R"("text")") << u"$.a"_s << QByteArray("1") << QByteArray();
    QTest::newRow("into an array") << QByteArray(R"({"a":[1]})") << u"$.a.b"_s << QByteArray("1") << QByteArray();
    QTest::newRow("index past the end") << QByteArray(R"({"a":[1]})") << u"$.a[3]"_s << QByteArray("1") << QByteArray();
    QTest::newRow("not a reference path") << QByteArray("{}") << u"$.a[*]"_s << QByteArray("1") << QByteArray();
    QTest::newRow("context") << QByteArray("{}") << u"$$.a"_s << QByteArray("1") << QByteArray();
    QTest::newRow("syntax") << QByteArray("{}") << u"$.["_s << QByteArray("1") << QByteArray();
}

void TestAslExpr::placeAtPath()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    const Outcome<QJsonValue> placed = Asl::placeAtPath(json(input), path, json(value));
    if (expected.isEmpty()) {
        QVERIFY(!placed);
        QCOMPARE(placed.failure.error, u"States.Runtime"_s);
        QVERIFY(placed.failure.cause.contains(path));
        return;
    }
    QVERIFY2(placed, qPrintable(placed.failure.cause));
    QCOMPARE(text(*placed), text(json(expected)));
}

// ---- Payload templates ----

void TestAslExpr::templates_data()
{
    QTest::addColumn<QByteArray>("payloadTemplate");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    // AWS's Parameters example.
    QTest::newRow("Parameters") << QByteArray(R"({"comment": "Selecting what I care about.",
                                    "MyDetails": {"size.$": "$.product.details.size", "exists.$": "$.product.availability",
                                                  "StaticValue": "foo"}})")
                                << QByteArray(R"({"comment": "Example for Parameters.",
                                    "product": {"details": {"color": "blue", "size": "small", "material": "cotton"},
                                                "availability": "in stock", "sku": "2317", "cost": "$23"}})")
                                << QByteArray(R"({"comment": "Selecting what I care about.",
                                    "MyDetails": {"size": "small", "exists": "in stock", "StaticValue": "foo"}})");
    QTest::newRow("context") << QByteArray(R"({"execution.$": "$$.Execution.Id", "retry.$": "$$.State.RetryCount"})")
                             << QByteArray("{}")
                             << QByteArray(R"({"execution": "arn:aws:states:us-east-1:123456789012:execution:M:e1",
                                               "retry": 0})");
    QTest::newRow("ItemSelector") << QByteArray(R"({"index.$": "$$.Map.Item.Index", "item.$": "$$.Map.Item.Value"})")
                                  << QByteArray("{}") << QByteArray(R"({"index": 2, "item": {"id": "c"}})");
    QTest::newRow("intrinsic") << QByteArray(R"j({"greeting.$": "States.Format('Hello, {}!', $.name)"})j")
                               << QByteArray(R"({"name": "Arnav"})") << QByteArray(R"({"greeting": "Hello, Arnav!"})");
    QTest::newRow("arrays and nesting") << QByteArray(
        R"({"list": [{"a.$": "$.x"}, "plain", [{"b.$": "$.y[*]"}]], "n": 1, "deep": {"deeper": {"c.$": "$"}}})")
                                        << QByteArray(R"({"x": 1, "y": [2, 3]})")
                                        << QByteArray(R"({"list": [{"a": 1}, "plain", [{"b": [2, 3]}]], "n": 1,
                             "deep": {"deeper": {"c": {"x": 1, "y": [2, 3]}}}})");
    QTest::newRow("not an object") << QByteArray(R"("$.x")") << QByteArray(R"({"x": 1})") << QByteArray(R"("$.x")");
    QTest::newRow("selects null") << QByteArray(R"({"v.$": "$.v"})") << QByteArray(R"({"v": null})")
                                  << QByteArray(R"({"v": null})");
}

void TestAslExpr::templates()
{
    QFETCH(QByteArray, payloadTemplate);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Outcome<QJsonValue> value = applyTemplate(json(payloadTemplate), scopeOf(input));
    QVERIFY2(value, qPrintable(value.failure.cause));
    QCOMPARE(text(*value), text(json(expected)));
}

void TestAslExpr::templateFailures_data()
{
    QTest::addColumn<QByteArray>("payloadTemplate");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("cause");
    QTest::newRow("missing path") << QByteArray(R"({"order": {"id.$": "$.order.id"}})") << QByteArray(R"({"order":{}})")
                                  << u"States.Runtime"_s
                                  << u"The JSONPath '$.order.id' specified for the field 'id.$' could not be found in "
                                     "the input '{\"order\":{}}'"_s;
    QTest::newRow("missing path in an intrinsic")
        << QByteArray(R"j({"s.$": "States.Format('{}', $.nope)"})j") << QByteArray("{}") << u"States.Runtime"_s
        << u"The JSONPath '$.nope' specified for the field 's.$' could not be found in the input '{}'"_s;
    QTest::newRow("intrinsic fails") << QByteArray(R"j({"i.$": "States.ArrayGetItem($.a, 5)"})j")
                                     << QByteArray(R"({"a":[1]})") << u"States.IntrinsicFailure"_s << QString();
    QTest::newRow("not a string") << QByteArray(R"({"x.$": 1})") << QByteArray("{}") << u"States.Runtime"_s
                                  << QString();
    QTest::newRow("not a path") << QByteArray(R"({"x.$": "hello"})") << QByteArray("{}") << u"States.Runtime"_s
                                << QString();
    QTest::newRow("inside an array") << QByteArray(R"([{"x.$": "$.y"}])") << QByteArray("{}") << u"States.Runtime"_s
                                     << QString();
}

void TestAslExpr::templateFailures()
{
    QFETCH(QByteArray, payloadTemplate);
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QFETCH(QString, cause);
    const Outcome<QJsonValue> value = applyTemplate(json(payloadTemplate), scopeOf(input));
    QVERIFY(!value);
    QCOMPARE(value.failure.error, error);
    QVERIFY(!value.failure.cause.isEmpty());
    if (!cause.isEmpty())
        QCOMPARE(value.failure.cause, cause);
}

void TestAslExpr::checkTemplates_data()
{
    QTest::addColumn<QByteArray>("payloadTemplate");
    QTest::addColumn<QStringList>("problemStarts");
    QTest::newRow("valid") << QByteArray(
        R"j({"a.$": "$.x", "b": {"c.$": "States.Array($.y, 'z')"}, "d": [1, {"e.$": "$$.Map.Item.Value"}]})j")
                           << QStringList();
    QTest::newRow("bad path") << QByteArray(R"({"order": {"id.$": "order.id"}})")
                              << QStringList{u"Parameters.order.id.$: invalid path"_s};
    QTest::newRow("not a string") << QByteArray(R"({"a.$": 3})") << QStringList{u"Parameters.a.$: the value must be"_s};
    QTest::newRow("unknown intrinsic") << QByteArray(R"j({"a.$": "States.Nope($.x)"})j")
                                       << QStringList{u"Parameters.a.$: invalid intrinsic function"_s};
    QTest::newRow("argument count") << QByteArray(R"j({"a.$": "States.ArrayLength($.x, 1)"})j")
                                    << QStringList{u"Parameters.a.$: invalid intrinsic function"_s};
    QTest::newRow("in an array") << QByteArray(R"({"list": [{"a.$": "$["}]})")
                                 << QStringList{u"Parameters.list[0].a.$: invalid path"_s};
    QTest::newRow("both forms") << QByteArray(R"({"a": 1, "a.$": "$.x"})")
                                << QStringList{u"Parameters.a.$: the field 'a' is also given"_s};
    QTest::newRow("two problems") << QByteArray(R"({"a.$": "x", "b.$": "y"})")
                                  << QStringList{u"Parameters.a.$"_s, u"Parameters.b.$"_s};
}

void TestAslExpr::checkTemplates()
{
    QFETCH(QByteArray, payloadTemplate);
    QFETCH(QStringList, problemStarts);
    const QStringList problems = checkTemplate(json(payloadTemplate), u"Parameters"_s);
    QCOMPARE(problems.size(), problemStarts.size());
    for (qsizetype i = 0; i < problems.size(); ++i)
        QVERIFY2(problems.at(i).startsWith(problemStarts.at(i)), qPrintable(problems.at(i)));
}

// ---- Intrinsic functions ----

void TestAslExpr::intrinsics_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char *expression, const QByteArray &input, const QByteArray &expected) {
        QTest::newRow(expression) << QString::fromUtf8(expression) << input << expected;
    };
    const QByteArray nine = R"({"inputArray": [1,2,3,4,5,6,7,8,9], "lookingFor": 5, "index": 5})";
    // AWS's documented examples, one per intrinsic.
    row("States.Format('Hello, my name is {}.', $.name)", R"({"name": "Arnav"})", R"("Hello, my name is Arnav.")");
    row("States.StringToJson($.escapedJsonString)", R"({"escapedJsonString": "{\"foo\": \"bar\"}"})",
        R"({"foo": "bar"})");
    row("States.JsonToString($.unescapedJson)", R"({"unescapedJson": {"foo": "bar"}})", R"("{\"foo\":\"bar\"}")");
    row("States.Array($.Id)", R"({"Id": 123456})", "[123456]");
    row("States.ArrayPartition($.inputArray,4)", nine, "[[1,2,3,4],[5,6,7,8],[9]]");
    row("States.ArrayContains($.inputArray, $.lookingFor)", nine, "true");
    row("States.ArrayRange(1, 9, 2)", "{}", "[1,3,5,7,9]");
    row("States.ArrayGetItem($.inputArray, $.index)", nine, "6");
    row("States.ArrayLength($.inputArray)", nine, "9");
    row("States.ArrayUnique($.inputArray)", R"({"inputArray": [1,2,3,3,3,3,3,3,4]})", "[1,2,3,4]");
    row("States.Base64Encode($.input)", R"({"input": "Data to encode"})", R"("RGF0YSB0byBlbmNvZGU=")");
    row("States.Base64Decode($.base64)", R"({"base64": "RGF0YSB0byBlbmNvZGU="})", R"("Data to encode")");
    row("States.Hash($.Data, $.Algorithm)", R"({"Data": "input data", "Algorithm": "SHA-1"})",
        R"("aaff4a450a104cd177d28d18d74485e8cae074b7")");
    row("States.JsonMerge($.json1, $.json2, false)",
        R"({"json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}})",
        R"({"a": {"a3": 1, "a4": 2}, "b": 2, "c": 3})");
    row("States.MathAdd($.value1, $.step)", R"({"value1": 111, "step": -1})", "110");
    row("States.StringSplit($.inputString, $.splitter)", R"({"inputString": "1,2,3,4,5", "splitter": ","})",
        R"(["1","2","3","4","5"])");
    row("States.StringSplit($.inputString, $.splitter) ",
        R"({"inputString": "This.is+a,test=string", "splitter": ".+,="})", R"(["This","is","a","test","string"])");
    // AWS's nine nested calls.
    row("States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit("
        "$.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
        "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1), '0')",
        R"({"ImageRecipe": {"Arn": "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.2.3"}})",
        R"("1.2.0")");
    // Format: escapes, kinds of values, paths.
    row("States.Format('{} \\{\\} \\'q\\' \\\\', $.x)", R"({"x": "v"})", R"("v {} 'q' \\")");
    row("States.Format('{}|{}|{}|{}|{}', 1.5, 42, true, null, $.o)", R"({"o": {"k": [1]}})",
        R"("1.5|42|true|null|{\"k\":[1]}")");
    row("States.Format('no placeholders')", "{}", R"("no placeholders")");
    row("States.Format($.template, 'x')", R"({"template": "a{}b"})", R"("axb")");
    row("States.Format('Today is {}', $$.Execution.StartTime)", "{}", R"("Today is 2024-05-01T10:00:00.000Z")");
    row("States.Format('{}', $.items[?(@.n > 1)].n)", R"({"items": [{"n": 1}, {"n": 2}]})", R"("[2]")");
    // The others, more.
    row("States.StringToJson('[1, 2]')", "{}", "[1,2]");
    row("States.StringToJson('\"s\"')", "{}", R"("s")");
    row("States.StringToJson('3')", "{}", "3");
    row("States.JsonToString($.n)", R"({"n": 3})", R"("3")");
    row("States.JsonToString('a')", "{}", R"("\"a\"")");
    row("States.Array()", "{}", "[]");
    row("States.Array('a', 1, true, null, $.o, States.Array(2))", R"({"o": {"x": 1}})",
        R"(["a", 1, true, null, {"x": 1}, [2]])");
    row("States.ArrayPartition($.a, 2)", R"({"a": []})", "[]");
    row("States.ArrayPartition($.a, 5)", R"({"a": [1, 2]})", "[[1,2]]");
    row("States.ArrayContains($.a, $.v)", R"({"a": [{"x": 1}, "b"], "v": {"x": 1}})", "true");
    row("States.ArrayContains($.a, 'c')", R"({"a": ["b"]})", "false");
    row("States.ArrayRange(5, 1, -2)", "{}", "[5,3,1]");
    row("States.ArrayRange(1, 5, -1)", "{}", "[]");
    row("States.ArrayRange(0, 0, 1)", "{}", "[0]");
    row("States.ArrayRange(1, 2, -5)", "{}", "[]");
    row("States.ArrayLength(States.ArrayRange(1, 1000, 1))", "{}", "1000");
    row("States.ArrayGetItem($.a, 0)", R"({"a": [{"k": "v"}]})", R"({"k": "v"})");
    row("States.ArrayUnique($.a)", R"({"a": [{"x": 1}, "1", 1, {"x": 1}, 1.0, null, null]})",
        R"([{"x": 1}, "1", 1, null])");
    row("States.Base64Encode('héllo ✓')", "{}", R"("aMOpbGxvIOKckw==")");
    row("States.Base64Decode(States.Base64Encode('round trip'))", "{}", R"("round trip")");
    row("States.Hash('input data', 'MD5')", "{}", R"("812f45842bc6d66ee14572ce20db8e86")");
    row("States.Hash('input data', 'SHA-256')", "{}",
        R"("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")");
    row("States.Hash('input data', 'SHA-384')", "{}",
        R"("d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")");
    row("States.Hash('input data', 'SHA-512')", "{}",
        R"("6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")");
    row("States.JsonMerge($.a, $.b, false)", R"({"a": {}, "b": {"x": [1]}})", R"({"x": [1]})");
    row("States.MathRandom(7, 8)", "{}", "7");
    row("States.MathAdd(1.4, 2.6)", "{}", "4");
    row("States.MathAdd(-2147483648, 2147483647)", "{}", "-1");
    row("States.MathAdd($.n, States.ArrayLength($.a))", R"({"n": 10, "a": [1, 2]})", "12");
    row("States.StringSplit(',a,,b,', ',')", "{}", R"(["a","b"])");
    row("States.StringSplit('abc', '')", "{}", R"(["abc"])");
    row("  States.ArrayLength( $.a )  ", R"({"a": [1]})", "1");
    row("States.ArrayLength($['a,b'])", R"({"a,b": [1, 2]})", "2");
    row("States.ArrayLength($.a[?(@ > 1)])", R"({"a": [1, 2, 3]})", "2");
    row("States.ArrayGetItem($.a, $.a.length())", R"({"a": [1, 2, 3, 4, 5, 6, 7]})", "null");
}

void TestAslExpr::intrinsics()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QVERIFY(isIntrinsic(expression));
    QVERIFY2(checkIntrinsic(expression), qPrintable(checkIntrinsic(expression).errorMessage()));
    if (expected == "null") {
        // A row whose call fails on purpose at run time, although it parses.
        QVERIFY(!evaluateIntrinsic(expression, scopeOf(input)));
        return;
    }
    const Outcome<QJsonValue> value = evaluateIntrinsic(expression, scopeOf(input));
    QVERIFY2(value, qPrintable(value.failure.cause));
    QCOMPARE(text(*value), text(json(expected)));
}

void TestAslExpr::intrinsicFailures_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("causeContains");
    auto row = [](const char *expression, const QByteArray &input, const QString &cause) {
        QTest::newRow(expression) << QString::fromUtf8(expression) << input << cause;
    };
    row("States.Format('{} {}', 1)", "{}", u"more {} placeholders"_s);
    row("States.Format('{}', 1, 2)", "{}", u"2 arguments for 1 {} placeholders"_s);
    row("States.Format('a { b', 1)", "{}", u"must be escaped"_s);
    row("States.Format('a } b')", "{}", u"must be escaped"_s);
    row("States.Format(1)", "{}", u"argument 1 must be a string"_s);
    row("States.StringToJson('{nope')", "{}", u"not JSON"_s);
    row("States.StringToJson('1, 2')", "{}", u"not JSON"_s);
    row("States.StringToJson($.n)", R"({"n": 1})", u"argument 1 must be a string, but it is a number (1)"_s);
    row("States.ArrayPartition($.a, 0)", R"({"a": [1]})", u"argument 2 must be a positive integer"_s);
    row("States.ArrayPartition($.a, 1.5)", R"({"a": [1]})", u"argument 2 must be a positive integer"_s);
    row("States.ArrayPartition('a', 1)", "{}", u"argument 1 must be an array"_s);
    row("States.ArrayContains($.o, 1)", R"({"o": {}})", u"argument 1 must be an array, but it is an object"_s);
    row("States.ArrayRange(1, 1001, 1)", "{}", u"1001 elements, more than the 1000 allowed"_s);
    row("States.ArrayRange(1, 9, 0)", "{}", u"step must not be 0"_s);
    row("States.ArrayRange(1, 9.5, 1)", "{}", u"argument 2 must be an integer"_s);
    row("States.ArrayRange('1', 9, 1)", "{}", u"argument 1 must be an integer"_s);
    row("States.ArrayGetItem($.a, 9)", R"({"a": [1, 2]})", u"index 9 is out of bounds for an array of 2 items"_s);
    row("States.ArrayGetItem($.a, -1)", R"({"a": [1, 2]})", u"argument 2 must be a non-negative integer"_s);
    row("States.ArrayLength('abc')", "{}", u"argument 1 must be an array"_s);
    row("States.ArrayUnique(1)", "{}", u"argument 1 must be an array"_s);
    row("States.Base64Encode(1)", "{}", u"argument 1 must be a string"_s);
    row("States.Base64Decode('not base64!')", "{}", u"not Base64"_s);
    row("States.Hash('x', 'SHA-2')", "{}", u"one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"_s);
    row("States.Hash('x', 'sha-1')", "{}", u"one of MD5"_s);
    row("States.Hash(1, 'MD5')", "{}", u"argument 1 must be a string"_s);
    row("States.JsonMerge($.a, $.b, true)", R"({"a": {}, "b": {}})", u"deep merging is not supported"_s);
    row("States.JsonMerge($.a, $.b, 'false')", R"({"a": {}, "b": {}})", u"argument 3 must be a boolean"_s);
    row("States.JsonMerge($.a, $.b, false)", R"({"a": [], "b": {}})", u"argument 1 must be an object"_s);
    row("States.MathRandom(5, 5)", "{}", u"must be less than the end"_s);
    row("States.MathRandom('1', 5)", "{}", u"argument 1 must be a number"_s);
    row("States.MathAdd('1', 2)", "{}", u"argument 1 must be a number"_s);
    row("States.MathAdd(1, 2147483648)", "{}", u"argument 2 must be a number from -2147483648 to 2147483647"_s);
    row("States.StringSplit(1, ',')", "{}", u"argument 1 must be a string"_s);
    // What does not parse.
    row("States.Nope(1)", "{}", u"'States.Nope' is not an intrinsic function"_s);
    row("States.ArrayLength($.a, 1)", "{}", u"States.ArrayLength takes 1 arguments, not 2"_s);
    row("States.MathRandom(1)", "{}", u"takes 2 or 3 arguments, not 1"_s);
    row("States.Format()", "{}", u"takes at least 1 arguments, not 0"_s);
    row("States.UUID(1)", "{}", u"takes 0 arguments"_s);
    row("States.Format('abc", "{}", u"unterminated string"_s);
    row("States.Format('a' 'b')", "{}", u"expected ',' or ')'"_s);
    row("States.Array(1", "{}", u"expected ',' or ')'"_s);
    row("States.Array(1) x", "{}", u"unexpected 'x' after the call"_s);
    row("States.Array(foo)", "{}", u"expected an argument"_s);
    row("States.Array($.[)", "{}", u"invalid path"_s);
    row("States.Array", "{}", u"expected '('"_s);
    row("States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array("
        "States.Array(States.Array(States.Array(1)))))))))))",
        "{}", u"more than 10 nested intrinsic functions"_s);
}

void TestAslExpr::intrinsicFailures()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, input);
    QFETCH(QString, causeContains);
    const Outcome<QJsonValue> value = evaluateIntrinsic(expression, scopeOf(input));
    QVERIFY(!value);
    QCOMPARE(value.failure.error, u"States.IntrinsicFailure"_s);
    QVERIFY2(value.failure.cause.contains(causeContains), qPrintable(value.failure.cause));
}

void TestAslExpr::checkIntrinsics_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ten nested") << u"States.Array(States.Array(States.Array(States.Array(States.Array(States.Array("
                                   "States.Array(States.Array(States.Array(States.Array(1))))))))))"_s
                                << true;
    QTest::newRow("uuid") << u"States.UUID()"_s << true;
    QTest::newRow("random with seed") << u"States.MathRandom($.a, $.b, 7)"_s << true;
    QTest::newRow("runtime failure is still valid") << u"States.ArrayGetItem($.a, 99)"_s << true;
    QTest::newRow("unknown") << u"States.Foo()"_s << false;
    QTest::newRow("count") << u"States.Hash('a')"_s << false;
    QTest::newRow("not a call") << u"$.a"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("bad nested") << u"States.Array(States.Nope())"_s << false;
}

void TestAslExpr::checkIntrinsics()
{
    QFETCH(QString, expression);
    QFETCH(bool, valid);
    const Result<void> checked = checkIntrinsic(expression);
    QCOMPARE(checked.hasValue(), valid);
    QCOMPARE(checked.errorMessage().isEmpty(), valid);
}

void TestAslExpr::uuidIsVersion4()
{
    const Outcome<QJsonValue> first = evaluateIntrinsic(u"States.UUID()"_s, {});
    const Outcome<QJsonValue> second = evaluateIntrinsic(u"States.UUID()"_s, {});
    QVERIFY(first && second);
    static const QRegularExpression v4(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    QVERIFY2(v4.match(first->toString()).hasMatch(), qPrintable(first->toString()));
    QVERIFY(first->toString() != second->toString());
}

void TestAslExpr::mathRandomStaysInRangeAndSeedRepeats()
{
    for (int i = 0; i < 200; ++i) {
        const Outcome<QJsonValue> value = evaluateIntrinsic(u"States.MathRandom(-3, 4)"_s, {});
        QVERIFY(value);
        QVERIFY(value->toDouble() >= -3 && value->toDouble() < 4);
        QCOMPARE(value->toDouble(), std::floor(value->toDouble()));
    }
    const Scope scope = scopeOf(R"({"start": 1, "end": 999, "seed": 42})");
    const Outcome<QJsonValue> first = evaluateIntrinsic(u"States.MathRandom($.start, $.end, $.seed)"_s, scope);
    const Outcome<QJsonValue> again = evaluateIntrinsic(u"States.MathRandom($.start, $.end, $.seed)"_s, scope);
    QVERIFY(first && again);
    QCOMPARE(first->toDouble(), again->toDouble());
}

void TestAslExpr::encodingLimits()
{
    const Scope atLimit{QJsonObject{{u"s"_s, QString(10000, 'a'_L1)}}, {}};
    const Scope overLimit{QJsonObject{{u"s"_s, QString(10001, 'a'_L1)}}, {}};
    for (const QString &call : {u"States.Base64Encode($.s)"_s, u"States.Hash($.s, 'MD5')"_s}) {
        QVERIFY2(evaluateIntrinsic(call, atLimit), qPrintable(call));
        const Outcome<QJsonValue> over = evaluateIntrinsic(call, overLimit);
        QVERIFY(!over);
        QVERIFY2(over.failure.cause.contains(u"10001 characters, more than the 10000 allowed"_s),
                 qPrintable(over.failure.cause));
    }
    const Outcome<QJsonValue> decode = evaluateIntrinsic(u"States.Base64Decode($.s)"_s, overLimit);
    QVERIFY(!decode);
    QCOMPARE(decode.failure.error, u"States.IntrinsicFailure"_s);
}

// ---- Choice rules ----

void TestAslExpr::choiceRules_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("expected");
    auto row = [](const char *name, const QByteArray &rule, const QByteArray &input, bool expected) {
        QTest::newRow(name) << rule << input << expected;
    };
    const QByteArray in = R"({"type": "Private", "value": 25, "rating": 60, "auditThreshold": 53, "flag": true,
        "nothing": null, "file": "log-2024.txt", "star": "a*b", "when": "2001-01-01T12:00:00Z",
        "later": "2001-01-01T13:00:00.5+01:00", "words": ["a"], "name": "Bob", "other": "Alice", "n": 25.0})";
    // AWS's examples.
    row("Not StringEquals", R"({"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"})", in,
        false);
    row("And in twenties", R"({"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20},
                                      {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"})",
        in, true);
    row("NumericGreaterThanPath", R"({"Variable": "$.rating", "NumericGreaterThanPath": "$.auditThreshold"})", in,
        true);
    row("StringMatches log-*.txt", R"({"Variable": "$.file", "StringMatches": "log-*.txt"})", in, true);
    row("TimestampEquals", R"({"Variable": "$.when", "TimestampEquals": "2001-01-01T12:00:00Z"})", in, true);
    // Strings.
    row("StringEquals", R"({"Variable": "$.name", "StringEquals": "Bob"})", in, true);
    row("StringEquals other case", R"({"Variable": "$.name", "StringEquals": "bob"})", in, false);
    row("StringLessThan", R"({"Variable": "$.name", "StringLessThan": "Carol"})", in, true);
    row("StringGreaterThan", R"({"Variable": "$.name", "StringGreaterThan": "Carol"})", in, false);
    row("StringLessThanEquals", R"({"Variable": "$.name", "StringLessThanEquals": "Bob"})", in, true);
    row("StringGreaterThanEquals", R"({"Variable": "$.name", "StringGreaterThanEquals": "Bob"})", in, true);
    row("StringEqualsPath", R"({"Variable": "$.name", "StringEqualsPath": "$.other"})", in, false);
    row("StringLessThanPath", R"({"Variable": "$.other", "StringLessThanPath": "$.name"})", in, true);
    row("StringGreaterThanPath", R"({"Variable": "$.other", "StringGreaterThanPath": "$.name"})", in, false);
    row("StringLessThanEqualsPath", R"({"Variable": "$.name", "StringLessThanEqualsPath": "$.name"})", in, true);
    row("StringGreaterThanEqualsPath", R"({"Variable": "$.name", "StringGreaterThanEqualsPath": "$.other"})", in, true);
    row("StringEquals on a number", R"({"Variable": "$.value", "StringEquals": "25"})", in, false);
    row("StringMatches no match", R"({"Variable": "$.file", "StringMatches": "log-*.csv"})", in, false);
    row("StringMatches escaped star", R"({"Variable": "$.star", "StringMatches": "a\\*b"})", in, true);
    row("StringMatches escaped star, no star", R"({"Variable": "$.file", "StringMatches": "log\\*"})", in, false);
    row("StringMatches only star", R"({"Variable": "$.file", "StringMatches": "*"})", in, true);
    row("StringMatches stars", R"({"Variable": "$.file", "StringMatches": "*-*4*.*t"})", in, true);
    row("StringMatches exact", R"({"Variable": "$.name", "StringMatches": "Bob"})", in, true);
    row("StringMatches on a number", R"({"Variable": "$.value", "StringMatches": "*"})", in, false);
    // Numbers.
    row("NumericEquals", R"({"Variable": "$.value", "NumericEquals": 25})", in, true);
    row("NumericEquals float", R"({"Variable": "$.n", "NumericEquals": 25})", in, true);
    row("NumericLessThan", R"({"Variable": "$.value", "NumericLessThan": 25})", in, false);
    row("NumericGreaterThan", R"({"Variable": "$.value", "NumericGreaterThan": 24.5})", in, true);
    row("NumericLessThanEquals", R"({"Variable": "$.value", "NumericLessThanEquals": 25})", in, true);
    row("NumericGreaterThanEquals", R"({"Variable": "$.value", "NumericGreaterThanEquals": 26})", in, false);
    row("NumericEqualsPath", R"({"Variable": "$.value", "NumericEqualsPath": "$.n"})", in, true);
    row("NumericLessThanPath", R"({"Variable": "$.auditThreshold", "NumericLessThanPath": "$.rating"})", in, true);
    row("NumericLessThanEqualsPath", R"({"Variable": "$.rating", "NumericLessThanEqualsPath": "$.value"})", in, false);
    row("NumericGreaterThanEqualsPath", R"({"Variable": "$.rating", "NumericGreaterThanEqualsPath": "$.rating"})", in,
        true);
    row("NumericEquals on a string", R"({"Variable": "$.name", "NumericEquals": 1})", in, false);
    row("NumericEqualsPath to a string", R"({"Variable": "$.value", "NumericEqualsPath": "$.name"})", in, false);
    // Booleans.
    row("BooleanEquals", R"({"Variable": "$.flag", "BooleanEquals": true})", in, true);
    row("BooleanEquals false", R"({"Variable": "$.flag", "BooleanEquals": false})", in, false);
    row("BooleanEqualsPath", R"({"Variable": "$.flag", "BooleanEqualsPath": "$.flag"})", in, true);
    row("BooleanEquals on a string", R"({"Variable": "$.name", "BooleanEquals": true})", in, false);
    // Timestamps compare as instants: 13:00:00.5+01:00 is 12:00:00.5Z.
    row("TimestampLessThan", R"({"Variable": "$.when", "TimestampLessThan": "2001-01-01T12:00:00.001Z"})", in, true);
    row("TimestampGreaterThan", R"({"Variable": "$.later", "TimestampGreaterThan": "2001-01-01T12:00:00Z"})", in, true);
    row("TimestampEquals offset", R"({"Variable": "$.later", "TimestampEquals": "2001-01-01T12:00:00.500Z"})", in,
        true);
    row("TimestampLessThanEquals", R"({"Variable": "$.when", "TimestampLessThanEquals": "2001-01-01T07:00:00-05:00"})",
        in, true);
    row("TimestampGreaterThanEquals",
        R"({"Variable": "$.when", "TimestampGreaterThanEquals": "2001-01-01T12:00:00.000000001Z"})", in, false);
    row("TimestampEqualsPath", R"({"Variable": "$.when", "TimestampEqualsPath": "$.later"})", in, false);
    row("TimestampLessThanPath", R"({"Variable": "$.when", "TimestampLessThanPath": "$.later"})", in, true);
    row("TimestampGreaterThanPath", R"({"Variable": "$.when", "TimestampGreaterThanPath": "$.later"})", in, false);
    row("TimestampLessThanEqualsPath", R"({"Variable": "$.when", "TimestampLessThanEqualsPath": "$.when"})", in, true);
    row("TimestampGreaterThanEqualsPath", R"({"Variable": "$.later", "TimestampGreaterThanEqualsPath": "$.when"})", in,
        true);
    row("Timestamp on a non-timestamp", R"({"Variable": "$.name", "TimestampEquals": "2001-01-01T12:00:00Z"})", in,
        false);
    row("TimestampPath to a non-timestamp", R"({"Variable": "$.when", "TimestampEqualsPath": "$.name"})", in, false);
    // Type tests.
    row("IsPresent true", R"({"Variable": "$.name", "IsPresent": true})", in, true);
    row("IsPresent false, present", R"({"Variable": "$.name", "IsPresent": false})", in, false);
    row("IsPresent false, missing", R"({"Variable": "$.missing", "IsPresent": false})", in, true);
    row("IsPresent true, missing", R"({"Variable": "$.missing", "IsPresent": true})", in, false);
    row("IsPresent null value", R"({"Variable": "$.nothing", "IsPresent": true})", in, true);
    row("IsNull", R"({"Variable": "$.nothing", "IsNull": true})", in, true);
    row("IsNull false", R"({"Variable": "$.name", "IsNull": false})", in, true);
    row("IsNull missing", R"({"Variable": "$.missing", "IsNull": false})", in, false);
    row("IsString", R"({"Variable": "$.name", "IsString": true})", in, true);
    row("IsString on number", R"({"Variable": "$.value", "IsString": true})", in, false);
    row("IsNumeric", R"({"Variable": "$.value", "IsNumeric": true})", in, true);
    row("IsNumeric false", R"({"Variable": "$.name", "IsNumeric": false})", in, true);
    row("IsBoolean", R"({"Variable": "$.flag", "IsBoolean": true})", in, true);
    row("IsBoolean on null", R"({"Variable": "$.nothing", "IsBoolean": true})", in, false);
    row("IsTimestamp", R"({"Variable": "$.later", "IsTimestamp": true})", in, true);
    row("IsTimestamp on a string", R"({"Variable": "$.name", "IsTimestamp": true})", in, false);
    // A missing *Path operand is false (a missing Variable fails: missingVariableFails).
    row("missing path operand", R"({"Variable": "$.value", "NumericEqualsPath": "$.missing"})", in, false);
    // Combinations and the context object.
    row("Or", R"({"Or": [{"Variable": "$.value", "NumericEquals": 1}, {"Variable": "$.flag", "BooleanEquals": true}]})",
        in, true);
    row("Or none", R"({"Or": [{"Variable": "$.value", "NumericEquals": 1}, {"Variable": "$.flag", "IsNull": true}]})",
        in, false);
    row("And one false",
        R"({"And": [{"Variable": "$.value", "NumericEquals": 25}, {"Variable": "$.flag", "BooleanEquals": false}]})",
        in, false);
    row("nested", R"({"And": [{"Not": {"Variable": "$.type", "StringEquals": "Public"}},
                              {"Or": [{"Variable": "$.value", "NumericLessThan": 20},
                                      {"Variable": "$.value", "NumericGreaterThanEquals": 25}]}]})",
        in, true);
    row("context variable", R"({"Variable": "$$.State.RetryCount", "NumericLessThan": 3})", in, true);
    row("array item", R"({"Variable": "$.words[0]", "StringEquals": "a"})", in, true);
}

void TestAslExpr::choiceRules()
{
    QFETCH(QByteArray, rule);
    QFETCH(QByteArray, input);
    QFETCH(bool, expected);
    const QJsonObject object = json(rule).toObject();
    QVERIFY2(checkChoiceRule(object, u"Choices[0]"_s).isEmpty(),
             qPrintable(checkChoiceRule(object, u"Choices[0]"_s).join('\n'_L1)));
    const Outcome<bool> matched = matchesChoiceRule(object, scopeOf(input));
    QVERIFY2(matched, qPrintable(matched.failure.cause));
    QCOMPARE(*matched, expected);
}

void TestAslExpr::choiceRuleFailures_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::newRow("no operator") << QByteArray(R"({"Variable": "$.a", "Next": "X"})");
    QTest::newRow("unknown operator") << QByteArray(R"({"Variable": "$.a", "StringContains": "x"})");
    QTest::newRow("two operators") << QByteArray(R"({"Variable": "$.a", "StringEquals": "x", "IsPresent": true})");
    QTest::newRow("no Variable") << QByteArray(R"({"StringEquals": "x"})");
    QTest::newRow("bad Variable") << QByteArray(R"({"Variable": "a", "StringEquals": "x"})");
    QTest::newRow("wrong operand type") << QByteArray(R"({"Variable": "$.a", "NumericEquals": "1"})");
    QTest::newRow("type test not boolean") << QByteArray(R"({"Variable": "$.a", "IsNull": "yes"})");
    QTest::newRow("And not array") << QByteArray(R"({"And": {"Variable": "$.a", "IsNull": true}})");
    QTest::newRow("Or empty") << QByteArray(R"({"Or": []})");
    QTest::newRow("Not an array") << QByteArray(R"({"Not": []})");
    QTest::newRow("Path operand not a path") << QByteArray(R"({"Variable": "$.a", "StringEqualsPath": "x"})");
}

void TestAslExpr::choiceRuleFailures()
{
    QFETCH(QByteArray, rule);
    const Outcome<bool> matched = matchesChoiceRule(json(rule).toObject(), scopeOf(R"({"a": "x"})"));
    QVERIFY(!matched);
    QCOMPARE(matched.failure.error, u"States.Runtime"_s);
    QVERIFY(!matched.failure.cause.isEmpty());
    QVERIFY(!checkChoiceRule(json(rule).toObject(), u"Choices[0]"_s).isEmpty());
}

// AWS fails a Choice whose comparison's Variable selects nothing, with States.Runtime (a
// rule tests IsPresent first for an optional field); inside Not too.
void TestAslExpr::missingVariableFails()
{
    for (const char *rule : {R"({"Variable": "$.missing", "StringEquals": "x"})",
                             R"({"Not": {"Variable": "$.missing", "NumericLessThan": 1}})"}) {
        const Outcome<bool> matched = matchesChoiceRule(json(rule).toObject(), scopeOf(R"({"a": "x"})"));
        QVERIFY(!matched);
        QCOMPARE(matched.failure.error, u"States.Runtime"_s);
        QVERIFY(matched.failure.cause.contains(u"$.missing"_s));
    }
    const Outcome<bool> guarded = matchesChoiceRule(
        json(
            R"({"And": [{"Variable": "$.missing", "IsPresent": true}, {"Variable": "$.missing", "StringEquals": "x"}]})")
            .toObject(),
        scopeOf(R"({"a": "x"})"));
    QVERIFY(guarded);
    QVERIFY(!*guarded);
}

void TestAslExpr::checkChoiceRules_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QStringList>("problemStarts");
    QTest::newRow("valid") << QByteArray(R"({"Variable": "$.a", "StringMatches": "x*", "Next": "N", "Comment": "c"})")
                           << QStringList();
    QTest::newRow("unknown operator") << QByteArray(R"({"Variable": "$.a", "StringContains": "x"})")
                                      << QStringList{u"Choices[0]: 'StringContains' is not a Choice operator"_s};
    QTest::newRow("StringMatchesPath does not exist")
        << QByteArray(R"({"Variable": "$.a", "StringMatchesPath": "$.b"})")
        << QStringList{u"Choices[0]: 'StringMatchesPath'"_s};
    QTest::newRow("no operator") << QByteArray(R"({"Variable": "$.a"})")
                                 << QStringList{u"Choices[0]: the rule has no comparison operator"_s};
    QTest::newRow("missing Variable") << QByteArray(R"({"IsNull": true})")
                                      << QStringList{u"Choices[0]: Variable is missing"_s};
    QTest::newRow("Variable not a reference path")
        << QByteArray(R"({"Variable": "$.a[*]", "IsNull": true})")
        << QStringList{u"Choices[0].Variable: '$.a[*]' is not a reference path"_s};
    QTest::newRow("Path operand not a reference path")
        << QByteArray(R"({"Variable": "$.a", "NumericEqualsPath": "$..b"})")
        << QStringList{u"Choices[0].NumericEqualsPath: '$..b' is not a reference path"_s};
    QTest::newRow("numeric operand") << QByteArray(R"({"Variable": "$.a", "NumericLessThan": "3"})")
                                     << QStringList{u"Choices[0].NumericLessThan: must be a number"_s};
    QTest::newRow("timestamp operand") << QByteArray(R"({"Variable": "$.a", "TimestampEquals": "2001-01-01"})")
                                       << QStringList{u"Choices[0].TimestampEquals: must be an RFC 3339 timestamp"_s};
    QTest::newRow("lower-case t") << QByteArray(R"({"Variable": "$.a", "TimestampEquals": "2001-01-01t12:00:00Z"})")
                                  << QStringList{u"Choices[0].TimestampEquals: must be an RFC 3339"_s};
    QTest::newRow("boolean operand") << QByteArray(R"({"Variable": "$.a", "BooleanEquals": "true"})")
                                     << QStringList{u"Choices[0].BooleanEquals: must be true or false"_s};
    QTest::newRow("type test operand") << QByteArray(R"({"Variable": "$.a", "IsPresent": 1})")
                                       << QStringList{u"Choices[0].IsPresent: must be true or false"_s};
    QTest::newRow("nested") << QByteArray(
        R"({"And": [{"Variable": "$.a", "IsNull": true}, {"Or": [{"Not": {"Variable": "$.b"}}, 3]}]})")
                            << QStringList{u"Choices[0].And[1].Or[0].Not: the rule has no comparison operator"_s,
                                           u"Choices[0].And[1].Or[1]: must be a Choice rule"_s};
    QTest::newRow("empty And") << QByteArray(R"({"And": []})")
                               << QStringList{u"Choices[0].And: must be a non-empty array"_s};
    QTest::newRow("Not an object") << QByteArray(R"({"Not": "x"})")
                                   << QStringList{u"Choices[0].Not: must be a Choice rule"_s};
}

void TestAslExpr::checkChoiceRules()
{
    QFETCH(QByteArray, rule);
    QFETCH(QStringList, problemStarts);
    const QStringList problems = checkChoiceRule(json(rule).toObject(), u"Choices[0]"_s);
    QCOMPARE(problems.size(), problemStarts.size());
    for (qsizetype i = 0; i < problems.size(); ++i)
        QVERIFY2(problems.at(i).startsWith(problemStarts.at(i)), qPrintable(problems.at(i)));
}

void TestAslExpr::describeChoiceRules_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QString>("expected");
    QTest::newRow("numeric") << QByteArray(R"({"Variable": "$.total", "NumericGreaterThan": 100})")
                             << u"$.total > 100"_s;
    QTest::newRow("string") << QByteArray(R"({"Variable": "$.status", "StringEquals": "PAID"})")
                            << u"$.status == \"PAID\""_s;
    QTest::newRow("not present") << QByteArray(R"({"Not": {"Variable": "$.x", "IsPresent": true}})")
                                 << u"not ($.x is present)"_s;
    QTest::newRow("and") << QByteArray(R"({"And": [{"Variable": "$.a", "NumericEquals": 1},
                                                   {"Variable": "$.b", "NumericLessThan": 2}]})")
                         << u"($.a == 1) and ($.b < 2)"_s;
    QTest::newRow("or") << QByteArray(R"({"Or": [{"Variable": "$.a", "BooleanEquals": true},
                                                 {"Variable": "$.b", "IsNull": false}]})")
                        << u"($.a == true) or ($.b is not null)"_s;
    QTest::newRow("path") << QByteArray(R"({"Variable": "$.a", "NumericLessThanEqualsPath": "$.limit"})")
                          << u"$.a <= $.limit"_s;
    QTest::newRow("matches") << QByteArray(R"({"Variable": "$.f", "StringMatches": "*.txt"})")
                             << u"$.f matches \"*.txt\""_s;
    QTest::newRow("timestamp") << QByteArray(
        R"({"Variable": "$.t", "TimestampGreaterThanEquals": "2001-01-01T00:00:00Z"})")
                               << u"$.t >= \"2001-01-01T00:00:00Z\""_s;
    QTest::newRow("is numeric") << QByteArray(R"({"Variable": "$.n", "IsNumeric": true})") << u"$.n is a number"_s;
}

void TestAslExpr::describeChoiceRules()
{
    QFETCH(QByteArray, rule);
    QFETCH(QString, expected);
    QCOMPARE(describeChoiceRule(json(rule).toObject()), expected);
}

// What the fuzz target does, in brief: odd text as a path, an intrinsic and a template
// gives a value or a failure, never a crash.
void TestAslExpr::garbageNeverCrashes()
{
    const Scope scope = scopeOf(kBookstore);
    const QStringList inputs = {u"$"_s,
                                u"$$"_s,
                                u"$."_s,
                                u"$.."_s,
                                u"$..."_s,
                                u"$[?("_s,
                                u"$[?(@"_s,
                                u"$[?(@.a == "_s,
                                u"$[?((((@.a)))"_s,
                                u"$['"_s,
                                u"$[-"_s,
                                u"$[1:2:"_s,
                                u"$[99999999999999999999]"_s,
                                u"$.a.length("_s,
                                u"$[?(!)]"_s,
                                u"$[?(@.a=='\\')]"_s,
                                u"States."_s,
                                u"States.Format("_s,
                                u"States.Format('\\"_s,
                                u"States.Format('{}',"_s,
                                u"States.Array($[?(@ > 1)]"_s,
                                u"States.Array(-)"_s,
                                u"States.Array(1e999)"_s,
                                QString(200, '('_L1),
                                u"$"_s + QString(100, '['_L1),
                                u"$[?("_s.repeated(50)};
    for (const QString &input : inputs) {
        evaluatePath(input, scope);
        evaluateIntrinsic(input, scope);
        (void)checkPath(input, true);
        applyTemplate(QJsonObject{{u"x.$"_s, input}}, scope);
        checkTemplate(QJsonObject{{u"x.$"_s, input}}, u"P"_s);
        Asl::placeAtPath(scope.input, input, 1);
        matchesChoiceRule(QJsonObject{{u"Variable"_s, input}, {u"StringMatchesPath"_s, input}}, scope);
    }
}

QTEST_GUILESS_MAIN(TestAslExpr)
#include "tst_aslexpr.moc"
