// Scenario files (scenarios/*.yaml): what they may say and the errors, with line and
// column, for what they may not; the matcher expectations use; ${variables}; DynamoDB
// marshalling; and the JUnit XML a run's results make.

#include "scenario/junitreport.h"
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Nimbus;

class tst_Scenario : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryStep();
    void parseErrors_data();
    void parseErrors();
    void matcher_data();
    void matcher();
    void substitutesVariables();
    void pathsIntoAnswers();
    void marshallsAsDocumentClient();
    void junitReport();
    void exampleScenariosParse();
};

namespace {
QJsonValue json(const char *text)
{
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray("[") + text + "]");
    return d.array().at(0);
}
} // namespace

void tst_Scenario::parsesEveryStep()
{
    const QByteArray yaml = R"(name: every step
seed: 42
repeat: 3
clock: 2027-03-01T00:00:00Z
faults:
  work: {faultRate: 30, faultType: timeout}
steps:
  - request: POST /orders
    body: {a: 1, b: "2", c: [true, null]}
    headers: {x-api-key: k}
    expect: {status: 202}
    capture: {id: body.id}
  - send-message: {queue: q, body: {id: "${id}"}}
  - publish: {topic: t, message: hello, subject: s}
  - put-object: {bucket: b, key: k, body: text, content-type: text/plain}
  - put-item: {table: items, item: {id: "1", n: 1.5}}
  - put-event: {bus: shop, source: a.b, detail-type: T, detail: {x: 1}}
  - invoke: {function: work, event: {}}
    expect: {result: {ok: true}}
  - advance: 6h
  - advance: next
  - expect-item: {table: items, matches: {id: "1"}, count: 1}
    within: 90s
  - expect-object: {bucket: b, key: k, body: {$contains: te}}
  - expect-message: {queue: q-dlq}
  - expect-hops: [route, work]
  - expect-log: {contains: done, function: work}
    name: the work logs
  - start-workflow: {machine: flow, input: {n: 1}, name: first}
    capture: {arn: executionArn}
  - expect-workflow: {machine: flow, execution: "${arn}", status: SUCCEEDED, output: {n: 1}}
    within: 1d
invariants:
  - expect-one-of:
      - expect-item: {table: items, matches: {id: "1"}}
      - expect-message: {queue: q}
    within: 2m
)";
    const Result<Scenario> parsed = Scenario::parse(yaml, QStringLiteral("s.yaml"));
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    const Scenario &s = *parsed;
    QCOMPARE(s.name, QStringLiteral("every step"));
    QCOMPARE(s.seed.value_or(0), quint64(42));
    QCOMPARE(s.repeat, 3);
    QCOMPARE(s.clockStart, QStringLiteral("2027-03-01T00:00:00Z"));
    QCOMPARE(s.faults.value(QStringLiteral("work")), json(R"({"faultRate": 30, "faultType": "timeout"})").toObject());
    QCOMPARE(s.steps.size(), 16);
    using K = ScenarioStep::Kind;
    const QList<K> kinds{K::Request,    K::SendMessage, K::Publish,       K::PutObject,
                         K::PutItem,    K::PutEvent,    K::Invoke,        K::Advance,
                         K::Advance,    K::ExpectItem,  K::ExpectObject,  K::ExpectMessage,
                         K::ExpectHops, K::ExpectLog,   K::StartWorkflow, K::ExpectWorkflow};
    for (int i = 0; i < kinds.size(); ++i)
        QCOMPARE(s.steps.at(i).kind, kinds.at(i));
    const ScenarioStep &request = s.steps.first();
    QCOMPARE(request.args.toString(), QStringLiteral("POST /orders"));
    // YAML's plain scalars are typed as JSON; quoted ones stay text.
    QCOMPARE(request.extra.value("body"), json(R"({"a": 1, "b": "2", "c": [true, null]})"));
    QCOMPARE(request.expect, json(R"({"status": 202})"));
    QCOMPARE(request.capture.value("id").toString(), QStringLiteral("body.id"));
    QCOMPARE(request.line, 8);
    QCOMPARE(request.column, 5);
    QCOMPARE(s.steps.at(9).withinMs, qint64(90000));
    QCOMPARE(s.steps.at(9).name, QStringLiteral("expect-item items"));
    QCOMPARE(s.steps.at(13).name, QStringLiteral("the work logs"));
    QCOMPARE(s.steps.at(14).capture.value("arn").toString(), QStringLiteral("executionArn"));
    QCOMPARE(s.steps.at(15).withinMs, qint64(86400000));
    QVERIFY(s.steps.at(15).isExpectation());
    QVERIFY(!s.steps.at(14).isExpectation());
    QCOMPARE(s.invariants.size(), 1);
    QCOMPARE(s.invariants.first().alternatives.size(), 2);
    QCOMPARE(s.invariants.first().withinMs, qint64(120000));
}

void tst_Scenario::parseErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");
    QTest::newRow("not YAML") << QByteArray("steps: [a, {b: ]\n") << "s.yaml:1:";
    QTest::newRow("not a mapping") << QByteArray("- a\n") << "s.yaml:1:1: a scenario is a mapping";
    QTest::newRow("no steps") << QByteArray("name: x\n") << "s.yaml:1:1: a scenario needs steps";
    QTest::newRow("unknown key") << QByteArray("name: x\nstep: []\n") << "s.yaml:2:1: unknown key 'step'";
    QTest::newRow("unknown action") << QByteArray("steps:\n  - fetch: GET /\n") << "s.yaml:2:5: unknown key 'fetch'";
    QTest::newRow("two actions") << QByteArray("steps:\n  - advance: 1h\n    request: GET /\n")
                                 << "s.yaml:3:5: a step does one thing";
    QTest::newRow("no action") << QByteArray("steps:\n  - name: x\n") << "s.yaml:2:5: a step needs one of";
    QTest::newRow("bad request line") << QByteArray("steps:\n  - request: FETCH /x\n")
                                      << "s.yaml:2:14: request is a method and a path";
    QTest::newRow("missing argument") << QByteArray("steps:\n  - send-message: {queue: q}\n")
                                      << "s.yaml:2:19: send-message needs body";
    QTest::newRow("unknown argument") << QByteArray("steps:\n  - put-item: {table: t, item: {}, ttl: 3}\n")
                                      << "s.yaml:2:36: unknown key 'ttl' in put-item";
    QTest::newRow("workflow without status")
        << QByteArray("steps:\n  - expect-workflow: {machine: flow}\n") << "s.yaml:2:22: expect-workflow needs status";
    QTest::newRow("bad duration") << QByteArray("steps:\n  - advance: soon\n") << "s.yaml:2:14: advance is a duration";
    QTest::newRow("within on an action") << QByteArray("steps:\n  - advance: 1h\n    within: 1m\n")
                                         << "s.yaml:2:5: within belongs to the expect- steps";
    QTest::newRow("expect on an expectation")
        << QByteArray("steps:\n  - expect-item: {table: t, matches: {}}\n    expect: {}\n")
        << "s.yaml:2:5: body, headers";
    QTest::newRow("acting invariant") << QByteArray("steps:\n  - advance: 1h\ninvariants:\n  - advance: 1h\n")
                                      << "s.yaml:4:5: an invariant only expects";
    QTest::newRow("one-of with one") << QByteArray("steps:\n  - expect-one-of: [{expect-log: {contains: x}}]\n")
                                     << "s.yaml:2:20: expect-one-of lists two or more";
    QTest::newRow("bad repeat") << QByteArray("repeat: 0\nsteps:\n  - advance: 1h\n")
                                << "s.yaml:1:9: repeat is a number of runs";
    QTest::newRow("bad seed") << QByteArray("seed: -4\nsteps:\n  - advance: 1h\n") << "s.yaml:1:7: seed is a whole";
    QTest::newRow("bad clock") << QByteArray("clock: tomorrow\nsteps:\n  - advance: 1h\n")
                               << "s.yaml:1:8: clock is the time";
    QTest::newRow("bad faults") << QByteArray("faults: {work: 30}\nsteps:\n  - advance: 1h\n")
                                << "s.yaml:1:16: the faults of work";
    QTest::newRow("header smuggling a line")
        << QByteArray("steps:\n  - request: GET /\n    headers: {x-a: \"1\\r\\nHost: evil\"}\n")
        << "s.yaml:2:5: the header x-a is not a header name";
    QTest::newRow("header name with a colon") << QByteArray("steps:\n  - request: GET /\n    headers: {\"a:b\": 1}\n")
                                              << "s.yaml:2:5: the header a:b is not a header name";
    QTest::newRow("token without a pool")
        << QByteArray("steps:\n  - request: GET /\n    token: {user: ana}\n") << "s.yaml:2:5: token takes pool";
    QTest::newRow("token with an unknown key")
        << QByteArray("steps:\n  - request: GET /\n    token: {pool: staff, password: x}\n")
        << "s.yaml:2:5: token takes pool";
    QTest::newRow("token on another step") << QByteArray("steps:\n  - advance: 1h\n    token: {pool: staff}\n")
                                           << "s.yaml:2:5: body, headers, token and expect belong to request";
    QTest::newRow("capture not a map") << QByteArray("steps:\n  - request: GET /\n    capture: [a]\n")
                                       << "s.yaml:3:14: capture maps names";
}

void tst_Scenario::parseErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    const Result<Scenario> parsed = Scenario::parse(yaml, QStringLiteral("s.yaml"));
    QVERIFY(!parsed);
    QVERIFY2(parsed.errorMessage().startsWith(error), qPrintable(parsed.errorMessage()));
}

void tst_Scenario::matcher_data()
{
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("mismatch"); // empty: matches
    QTest::newRow("subset of an object") << R"({"a": 1})"
                                         << R"({"a": 1, "b": 2})"
                                         << "";
    QTest::newRow("missing key") << R"({"c": 1})"
                                 << R"({"a": 1})"
                                 << "c: expected 1, got nothing";
    QTest::newRow("nested difference") << R"({"a": {"b": [1, 2]}})"
                                       << R"({"a": {"b": [1, 3]}})"
                                       << "a.b[1]: expected 2, got 3";
    QTest::newRow("list length") << R"([1])"
                                 << R"([1, 2])"
                                 << "the answer: expected a list of 1";
    QTest::newRow("numbers by value") << R"(39.8)"
                                      << R"(39.80)"
                                      << "";
    QTest::newRow("text is not a number") << R"("42")"
                                          << R"(42)"
                                          << "expected \"42\", got 42";
    QTest::newRow("$any") << R"({"a": {"$any": true}})"
                          << R"({"a": null})"
                          << "";
    QTest::newRow("$any missing") << R"({"a": {"$any": true}})"
                                  << R"({})"
                                  << "a: expected a value";
    QTest::newRow("$exists false") << R"({"a": {"$exists": false}})"
                                   << R"({"a": 1})"
                                   << "a: expected it absent";
    QTest::newRow("$regex") << R"({"$regex": "^ord-[0-9]+$"})"
                            << R"("ord-12")"
                            << "";
    QTest::newRow("$regex fails") << R"({"$regex": "^ord-"})"
                                  << R"("x")"
                                  << "expected text matching";
    QTest::newRow("$contains text") << R"({"$contains": "Total"})"
                                    << R"("a Total b")"
                                    << "";
    QTest::newRow("$contains element") << R"({"$contains": {"id": 2}})"
                                       << R"([{"id": 1}, {"id": 2}])"
                                       << "";
    QTest::newRow("$contains fails") << R"({"$contains": 3})"
                                     << R"([1, 2])"
                                     << "expected a list with an element";
    QTest::newRow("$gt") << R"({"$gt": 100})"
                         << R"(150)"
                         << "";
    QTest::newRow("$lte fails") << R"({"$lte": 100})"
                                << R"(150)"
                                << "expected a number lte 100, got 150";
    QTest::newRow("$length") << R"({"$length": 2})"
                             << R"([1, 2])"
                             << "";
    QTest::newRow("$not") << R"({"$not": 1})"
                          << R"(2)"
                          << "";
    QTest::newRow("$not fails") << R"({"$not": 1})"
                                << R"(1)"
                                << "expected anything but 1";
    QTest::newRow("$json") << R"({"$json": {"a": 1}})"
                           << R"("{\"a\": 1, \"b\": 2}")"
                           << "";
    QTest::newRow("$json not JSON") << R"({"$json": {}})"
                                    << R"("nope")"
                                    << "expected JSON text";
    QTest::newRow("unknown operator") << R"({"$near": 1})"
                                      << R"(1)"
                                      << "unknown matcher $near";
}

void tst_Scenario::matcher()
{
    QFETCH(QString, expected);
    QFETCH(QString, actual);
    QFETCH(QString, mismatch);
    const QString got = ScenarioJson::mismatch(json(qPrintable(expected)), json(qPrintable(actual)));
    if (mismatch.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(mismatch), qPrintable(got));
}

void tst_Scenario::substitutesVariables()
{
    const QHash<QString, QJsonValue> vars{{"id", "o-1"}, {"n", 3}, {"obj", json(R"({"k": true})")}};
    QStringList missing;
    const QJsonValue out = ScenarioJson::substitute(
        json(R"({"a": "${id}", "b": "x-${id}-${n}", "c": ["${n}", "${obj}"], "d": "${nope}", "e": "o ${obj}"})"), vars,
        &missing);
    QCOMPARE(out,
             json(R"({"a": "o-1", "b": "x-o-1-3", "c": [3, {"k": true}], "d": "${nope}", "e": "o {\"k\":true}"})"));
    QCOMPARE(missing, QStringList{"nope"});
}

void tst_Scenario::pathsIntoAnswers()
{
    const QJsonValue answer = json(R"({"status": 202, "body": {"items": [{"id": "a"}, {"id": "b"}]}})");
    QCOMPARE(ScenarioJson::at(answer, "status"), QJsonValue(202));
    QCOMPARE(ScenarioJson::at(answer, "body.items[1].id"), QJsonValue("b"));
    QVERIFY(ScenarioJson::at(answer, "body.items[2].id").isUndefined());
    QVERIFY(ScenarioJson::at(answer, "body.none").isUndefined());
    QCOMPARE(ScenarioJson::at(answer, ""), answer);
}

void tst_Scenario::marshallsAsDocumentClient()
{
    const QJsonObject plain =
        json(R"({"s": "x", "n": 1.5, "i": 7, "b": true, "z": null, "m": {"l": [1, "a"]}})").toObject();
    const QJsonObject item = ScenarioJson::toItem(plain);
    QCOMPARE(QJsonValue(item),
             json(R"({"s": {"S": "x"}, "n": {"N": "1.5"}, "i": {"N": "7"}, "b": {"BOOL": true}, "z": {"NULL": true},
                      "m": {"M": {"l": {"L": [{"N": "1"}, {"S": "a"}]}}}})"));
    QCOMPARE(ScenarioJson::fromItem(item), plain);
    // Sets read back as lists.
    QCOMPARE(ScenarioJson::fromAttribute(json(R"({"NS": ["1", "2.5"]})")), json("[1, 2.5]"));
    QCOMPARE(ScenarioJson::fromAttribute(json(R"({"SS": ["a"]})")), json(R"(["a"])"));
}

namespace {
ScenarioStepResult stepResult(int run, bool invariant, const QString &name, bool passed, const QString &message,
                              int line)
{
    ScenarioStepResult s;
    s.run = run;
    s.invariant = invariant;
    s.name = name;
    s.passed = passed;
    s.message = message;
    s.durationMs = 10;
    s.line = line;
    s.column = 5;
    return s;
}
} // namespace

void tst_Scenario::junitReport()
{
    ScenarioResult passed;
    passed.name = "ok one";
    passed.fileName = "scenarios/ok.yaml";
    passed.passed = true;
    passed.seed = 5;
    passed.runs = 1;
    passed.steps = {stepResult(0, false, "request POST /orders", true, {}, 3)};
    ScenarioResult failed;
    failed.name = "bad one";
    failed.fileName = "scenarios/bad.yaml";
    failed.seed = 1;
    failed.runs = 7;
    failed.failedRun = 6;
    failed.failingSeed = 7;
    failed.steps = {stepResult(6, false, "advance 1h", true, {}, 2),
                    stepResult(6, true, "expect-item orders", false, "the table orders is empty <&>", 9)};
    ScenarioResult broken;
    broken.name = "broken";
    broken.fileName = "scenarios/broken.yaml";
    broken.error = "the design has no queue named q";
    const QByteArray xml = JUnitReport::xml({passed, failed, broken});
    QXmlStreamReader reader(xml);
    QStringList suites, cases, failures, errors, properties;
    QXmlStreamAttributes root;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QXmlStreamAttributes a = reader.attributes();
        auto v = [&a](const char *name) { return a.value(QLatin1String(name)).toString(); };
        if (reader.name() == QLatin1String("testsuites"))
            root = a;
        else if (reader.name() == QLatin1String("testsuite"))
            suites.append(v("name") + "/" + v("tests") + "/" + v("failures") + "/" + v("errors"));
        else if (reader.name() == QLatin1String("testcase"))
            cases.append(v("name"));
        else if (reader.name() == QLatin1String("failure"))
            failures.append(v("message") + " | " + reader.readElementText());
        else if (reader.name() == QLatin1String("error"))
            errors.append(v("message"));
        else if (reader.name() == QLatin1String("property"))
            properties.append(v("name") + "=" + v("value"));
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(root.value("tests").toString(), QStringLiteral("4"));
    QCOMPARE(root.value("failures").toString(), QStringLiteral("1"));
    QCOMPARE(root.value("errors").toString(), QStringLiteral("1"));
    QCOMPARE(suites, (QStringList{"ok one/1/0/0", "bad one/2/1/0", "broken/1/0/1"}));
    QCOMPARE(cases, (QStringList{"1. request POST /orders (line 3)", "1. advance 1h (line 2)",
                                 "invariant 1: expect-item orders (line 9)", "set-up"}));
    QCOMPARE(failures, QStringList{"the table orders is empty <&> | scenarios/bad.yaml:9:5: the table orders is empty "
                                   "<&> (run 7, seed 7)"});
    QCOMPARE(errors, QStringList{"the design has no queue named q"});
    QVERIFY(properties.contains("failingSeed=7"));
    QVERIFY(properties.contains("file=scenarios/bad.yaml"));
    QVERIFY(properties.contains("runs=7"));
}

void tst_Scenario::exampleScenariosParse()
{
    const QStringList files = Scenario::filesOf(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json"));
    QCOMPARE(files.size(), 7);
    for (const QString &file : files) {
        const Result<Scenario> s = Scenario::load(file);
        QVERIFY2(s, qPrintable(s.errorMessage()));
    }
}

QTEST_GUILESS_MAIN(tst_Scenario)
#include "tst_scenario.moc"
