// The scenario runner on the shop example's real functions: the example's scenarios pass;
// a failing expectation says where and why, with the hops and logs that followed, and
// stops the run; names the design lacks are refused before anything runs; each run of a
// repeated scenario starts on a fresh state; the same seed injects the same faults;
// Cancel ends a scenario that waits.

#include "scenario/scenario.h"
#include "scenario/scenariorunner.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Nimbus;

class TestScenarioRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exampleScenariosPass_data();
    void exampleScenariosPass();
    void failingExpectationSaysWhereAndWhy();
    void unknownNamesRefusedBeforeRunning_data();
    void unknownNamesRefusedBeforeRunning();
    void eachRunStartsOnAFreshState();
    void sameSeedSameFaults();
    void faultsDriveAnOrderToTheDeadLetterQueue();
    void cancelEndsAWait();

private:
    ScenarioResult run(const QByteArray &yaml, std::optional<quint64> seed = std::nullopt,
                       QList<ScenarioStepResult> *steps = nullptr);
    QTemporaryDir mDir;
    QString mProject;
};

void TestScenarioRunner::initTestCase()
{
    const QString example = QStringLiteral(NIMBUS_BINARY_DIR "/share/nimbus-studio/examples/shop");
    QVERIFY(NimbusTest::copyTree(example, mDir.filePath("shop")));
    mProject = mDir.filePath("shop/shop.nimbus");
    QVERIFY(QFile::exists(mProject));
}

ScenarioResult TestScenarioRunner::run(const QByteArray &yaml, std::optional<quint64> seed,
                                       QList<ScenarioStepResult> *steps)
{
    const Result<Scenario> scenario = Scenario::parse(yaml, QStringLiteral("test.yaml"));
    if (!scenario) {
        ScenarioResult broken;
        broken.error = scenario.errorMessage();
        return broken;
    }
    ScenarioRunner runner(mProject, *scenario);
    if (seed)
        runner.setSeed(*seed);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    QList<ScenarioStepResult> seen;
    connect(&runner, &ScenarioRunner::stepFinished, this, [&seen](const ScenarioStepResult &s) { seen.append(s); });
    runner.start();
    if (!finished.wait(240000))
        return {};
    if (steps)
        *steps = seen;
    return finished.first().first().value<ScenarioResult>();
}

void TestScenarioRunner::exampleScenariosPass_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"order-placed", "big-order-review", "failed-notification", "nightly-report"})
        QTest::newRow(name) << QStringLiteral("%1/shop/scenarios/%2.yaml").arg(mDir.path(), QLatin1String(name));
}

void TestScenarioRunner::exampleScenariosPass()
{
    QFETCH(QString, file);
    const Result<Scenario> scenario = Scenario::load(file);
    QVERIFY2(scenario, qPrintable(scenario.errorMessage()));
    ScenarioRunner runner(mProject, *scenario);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    runner.start();
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(120000));
    const ScenarioResult result = finished.first().first().value<ScenarioResult>();
    QString why = result.error;
    for (const ScenarioStepResult &step : result.steps)
        if (!step.passed)
            why += step.name + ": " + step.message + "\n" + step.hops.join('\n') + "\n" + step.logs.join('\n');
    QVERIFY2(result.passed, qPrintable(why));
    QCOMPARE(result.steps.size(), scenario->steps.size() + scenario->invariants.size());
    QVERIFY(!runner.isRunning());
}

void TestScenarioRunner::failingExpectationSaysWhereAndWhy()
{
    QList<ScenarioStepResult> steps;
    const ScenarioResult result = run(R"(name: wrong
steps:
  - request: POST /orders
    body: {customerId: c1, email: a@b.example, items: [{itemId: "1", quantity: 1, unitPrice: 2}]}
    capture: {orderId: body.orderId}
  - expect-item:
      table: orders
      matches: {orderId: "${orderId}", status: shipped}
    within: 1m
  - advance: 1h
)",
                                      std::nullopt, &steps);
    QVERIFY(!result.passed);
    QVERIFY(result.error.isEmpty());
    // The failing step ends the run: the advance after it never ran.
    QCOMPARE(result.steps.size(), 2);
    QCOMPARE(steps.size(), 2);
    const ScenarioStepResult failed = result.steps.last();
    QVERIFY(!failed.passed);
    QCOMPARE(failed.line, 6);
    QCOMPARE(failed.column, 5);
    QVERIFY2(failed.message.contains(QLatin1String("status: expected \"shipped\", got \"received\"")),
             qPrintable(failed.message));
    // What happened after the request, to see why.
    QVERIFY2(std::any_of(failed.hops.cbegin(), failed.hops.cend(),
                         [](const QString &h) { return h.contains(QLatin1String("processOrder")); }),
             qPrintable(failed.hops.join('\n')));
    QCOMPARE(result.failedRun, 0);
}

void TestScenarioRunner::unknownNamesRefusedBeforeRunning_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");
    QTest::newRow("queue") << QByteArray("steps:\n  - send-message: {queue: nowhere, body: x}\n")
                           << "test.yaml:2:5: the design has no queue named nowhere";
    QTest::newRow("wrong kind") << QByteArray("steps:\n  - expect-item: {table: orders-queue, matches: {}}\n")
                                << "test.yaml:2:5: the design has no table named orders-queue";
    QTest::newRow("hop") << QByteArray("steps:\n  - expect-hops: [createOrder, ghost]\n")
                         << "test.yaml:2:5: the design has no node named ghost";
    QTest::newRow("fault node") << QByteArray("faults: {ghost: {faultRate: 1}}\nsteps:\n  - advance: 1h\n")
                                << "test.yaml: faults: the design has no node named ghost";
    QTest::newRow("fault property") << QByteArray("faults: {orders: {faultRate: 1}}\nsteps:\n  - advance: 1h\n")
                                    << "test.yaml: faults: a table has no property faultRate";
}

void TestScenarioRunner::unknownNamesRefusedBeforeRunning()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    const ScenarioResult result = run(yaml);
    QVERIFY(!result.passed);
    QCOMPARE(result.error, error);
    QVERIFY(result.steps.isEmpty());
}

void TestScenarioRunner::eachRunStartsOnAFreshState()
{
    // Each run writes one item; each run's invariant finds one, never the runs' before.
    const ScenarioResult result = run(R"(name: fresh
repeat: 3
steps:
  - put-item: {table: items, item: {id: "only", name: x}}
invariants:
  - expect-item: {table: items, matches: {}, count: 1}
)");
    QVERIFY2(result.passed,
             qPrintable(result.error + (result.steps.isEmpty() ? QString() : result.steps.last().message)));
    QCOMPARE(result.runs, 3);
}

void TestScenarioRunner::sameSeedSameFaults()
{
    // Ten invocations of a function that fails half of them: which ones fail is the seed's.
    QByteArray yaml = "name: coin\nfaults:\n  getItem: {faultRate: 50}\nsteps:\n";
    for (int i = 0; i < 10; ++i)
        yaml += "  - invoke: {function: getItem, event: {pathParameters: {id: \"42\"}}}\n"
                "    expect: {result: {$any: true}}\n";
    auto outcomes = [&](quint64 seed) {
        QList<ScenarioStepResult> steps;
        const ScenarioResult r = run(yaml, seed, &steps);
        QString pattern;
        for (const ScenarioStepResult &s : std::as_const(steps))
            pattern += s.passed ? u'.' : u'x';
        // The first injected fault ends the run: the pattern is where it came.
        return pattern + (r.passed ? QString() : QStringLiteral("|failed"));
    };
    const QString first = outcomes(7);
    QCOMPARE(outcomes(7), first);
    QVERIFY2(first.contains(u'x'), qPrintable(first));
    QStringList others;
    for (quint64 seed : {8, 9, 10, 11})
        others.append(outcomes(seed));
    QVERIFY2(std::any_of(others.cbegin(), others.cend(), [&](const QString &o) { return o != first; }),
             qPrintable(first + " vs " + others.join(", ")));
}

void TestScenarioRunner::faultsDriveAnOrderToTheDeadLetterQueue()
{
    // processOrder always fails: after five receives, 30 s of the cloud's clock apart, the
    // order is in the queue's dead-letter queue and never in the table; the log says the
    // failures were injected.
    const ScenarioResult result = run(R"(name: always failing
faults:
  processOrder: {faultRate: 100}
steps:
  - request: POST /orders
    body: {customerId: c5, email: pat@shop.example, items: [{itemId: "3", quantity: 1, unitPrice: 10}]}
    capture: {orderId: body.orderId}
  - expect-message: {queue: orders-queue-dlq, matches: {orderId: "${orderId}"}}
    within: 10m
  - expect-item: {table: orders, matches: {}, count: 0}
  - expect-log: {function: processOrder, contains: "njected"}
)");
    QVERIFY2(result.passed,
             qPrintable(result.error + (result.steps.isEmpty() ? QString() : result.steps.last().message)));
}

void TestScenarioRunner::cancelEndsAWait()
{
    const Result<Scenario> scenario = Scenario::parse(R"(name: waits
steps:
  - expect-message: {queue: order-review, count: 5}
    within: 30d
)",
                                                      QStringLiteral("test.yaml"));
    QVERIFY(scenario);
    ScenarioRunner runner(mProject, *scenario);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    runner.start();
    QTest::qWait(300);
    QVERIFY(finished.isEmpty());
    runner.cancel();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    const ScenarioResult result = finished.first().first().value<ScenarioResult>();
    QVERIFY(!result.passed);
    QCOMPARE(result.error, QStringLiteral("cancelled"));
}

QTEST_GUILESS_MAIN(TestScenarioRunner)
#include "tst_scenariorunner.moc"
