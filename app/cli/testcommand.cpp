// `nimbus test`: the project's scenarios, each on a local cloud of its own.

#include "commandline.h"

#include "scenario/junitreport.h"
#include "scenario/scenario.h"
#include "scenario/scenariorunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Nimbus {

int CommandLine::test(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("The project (.nimbus or .json)."));
    parser.addPositionalArgument(u"SCENARIO"_s,
                                 tr("Scenario files to run (default: every scenarios/*.yaml beside the project)."),
                                 u"[SCENARIO...]"_s);
    const QCommandLineOption junit(u"junit"_s, tr("Also write the results as JUnit XML to FILE."), u"FILE"_s);
    const QCommandLineOption seed(u"seed"_s,
                                  tr("The seed of the faults' choices, for every scenario (default: each "
                                     "scenario's own, else 1); a scenario's run N uses seed + N."),
                                  u"N"_s);
    const QCommandLineOption jobs(u"jobs"_s, tr("How many scenarios run at once (default: the cores, at most 4)."),
                                  u"N"_s);
    parser.addOptions({junit, seed, jobs});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Runs scenarios: integration tests of the whole design written in YAML (requests, "
               "messages, items, events, invocations, moves of the clock, and what should follow). "
               "Each runs on a fresh local cloud of its own, with the faults it sets, its clock "
               "paused at its start. Prints each step as it passes or fails and a summary. "
               "Exits with 0 when every scenario passed, 1 when one failed, 3 when a scenario or "
               "the project cannot be read."),
            kAnyArguments))
        return *stop;
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        mErr << "nimbus test: " << tr("give the project, then scenario files if not all of them") << '\n';
        return UsageError;
    }
    std::optional<quint64> fixedSeed;
    if (parser.isSet(seed)) {
        bool ok = false;
        fixedSeed = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            mErr << "nimbus test: " << tr("--seed takes a whole number from 0") << '\n';
            return UsageError;
        }
    }
    const int parallel = parser.isSet(jobs) ? intOption(parser, jobs, 1, 64).value_or(0)
                                            : std::clamp(QThread::idealThreadCount(), 1, 4);
    if (parallel < 1) {
        mErr << "nimbus test: " << tr("--jobs takes a number from 1 to 64") << '\n';
        return UsageError;
    }
    const QString project = args.first();
    if (!QFileInfo(project).isFile()) {
        mErr << "nimbus test: " << tr("%1: no such file").arg(QDir::toNativeSeparators(project)) << '\n';
        return InputError;
    }
    const QStringList files = args.size() > 1 ? args.mid(1) : Scenario::filesOf(project);
    if (files.isEmpty()) {
        mErr << "nimbus test: "
             << tr("%1 has no scenarios: write them as scenarios/*.yaml beside it")
                    .arg(QDir::toNativeSeparators(project))
             << '\n';
        return InputError;
    }
    QList<Scenario> scenarios;
    bool unreadable = false;
    for (const QString &file : files) {
        Result<Scenario> scenario = Scenario::load(file);
        if (!scenario) {
            mErr << scenario.errorMessage() << '\n';
            unreadable = true;
            continue;
        }
        scenarios.append(std::move(*scenario));
    }
    if (unreadable)
        return InputError;

    QElapsedTimer clock;
    clock.start();
    QList<ScenarioResult> results(scenarios.size());
    int running = 0;
    QEventLoop loop;
    qsizetype next = 0, done = 0;
    std::function<void()> launch = [&] {
        while (next < scenarios.size() && running < parallel) {
            const qsizetype index = next++;
            auto *runner = new ScenarioRunner(project, scenarios.at(index), &loop);
            if (fixedSeed)
                runner->setSeed(*fixedSeed);
            QObject::connect(runner, &ScenarioRunner::finished, &loop,
                             [&, index, runner](const ScenarioResult &result) {
                results[index] = result;
                mOut << (result.passed ? tr("PASS") : tr("FAIL")) << "  " << result.name << "  ("
                     << QDir::toNativeSeparators(result.fileName) << ", "
                     << tr("%n run(s), seed %1, %2 s", nullptr, result.runs)
                            .arg(result.seed)
                            .arg(result.durationMs / 1000.0, 0, 'f', 1)
                     << ")\n";
                if (!result.error.isEmpty())
                    mOut << "      " << result.error << '\n';
                for (const ScenarioStepResult &step : result.steps) {
                    const QString label = step.invariant ? tr("invariant %1").arg(step.index + 1)
                                                         : QString::number(step.index + 1) + u'.';
                    mOut << "  " << (step.passed ? "ok  " : "FAIL") << "  " << label << ' ' << step.name << "  ("
                         << QString::number(step.durationMs, 'f', 0) << " ms)\n";
                    if (step.passed)
                        continue;
                    mOut << "        " << QDir::toNativeSeparators(result.fileName) << ':' << step.line << ':'
                         << step.column << ": " << step.message << '\n';
                    if (!step.hops.isEmpty())
                        mOut << "        " << tr("hops since the step's action:") << '\n';
                    for (const QString &hop : step.hops)
                        mOut << "          " << hop << '\n';
                    if (!step.logs.isEmpty())
                        mOut << "        " << tr("function logs:") << '\n';
                    for (const QString &line : step.logs)
                        mOut << "          " << line << '\n';
                }
                if (result.failedRun >= 0 && result.runs > 1)
                    mOut << "      "
                         << tr("run %1 of %2 failed; repeat it with --seed %3")
                                .arg(result.failedRun + 1)
                                .arg(result.runs)
                                .arg(result.failingSeed)
                         << '\n';
                mOut.flush();
                // Its workers and servers go once it has returned from this signal.
                runner->deleteLater();
                --running;
                if (++done == scenarios.size())
                    loop.quit();
                else
                    QMetaObject::invokeMethod(&loop, launch, Qt::QueuedConnection);
            });
            ++running;
            runner->start();
        }
    };
    QMetaObject::invokeMethod(&loop, launch, Qt::QueuedConnection);
    loop.exec();

    const qsizetype passed = std::count_if(results.cbegin(), results.cend(),
                                           [](const ScenarioResult &r) { return r.passed; });
    mOut << tr("%n scenario(s): %1 passed, %2 failed (%3 s)", nullptr, int(results.size()))
                .arg(passed)
                .arg(results.size() - passed)
                .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
         << '\n';
    mOut.flush();
    if (parser.isSet(junit))
        if (const Result<void> written = JUnitReport::write(results, parser.value(junit)); !written) {
            mErr << "nimbus test: " << written.errorMessage() << '\n';
            return OutputError;
        }
    return passed == results.size() ? Success : ValidationErrors;
}

} // namespace Nimbus
