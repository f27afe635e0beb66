// The Step Functions executor's speed, each figure beside its bare limit in the same run
// (issue 19 item 9):
//   1. executions per second of a 10-state Pass/Choice machine, Express and Standard
//      (Standard writes its history to state.sqlite), against the same paths, templates
//      and Choice rules evaluated directly without the engine (target: 5,000/s);
//   2. a Map over 10,000 items, against the item selector applied 10,000 times directly;
//   3. the executor's own overhead per Task state on top of the function's run: a warm
//      Node.js function invoked through a one-Task machine against the same function
//      invoked directly by the local cloud (target: under 1 ms).
// Usage: bench_workflows [executions] [task runs]. Reports figures, asserts nothing.

#include "cloud/localcloud.h"
#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "workflow/asldefinition.h"
#include "workflow/aslexpr.h"
#include "workflow/workflowengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Nimbus;

namespace {

// Ten states: a Pass with Parameters, then Choice/Pass pairs down to a Succeed.
const QByteArray kTenStates = R"j({"StartAt":"S0","States":{
    "S0":{"Type":"Pass","Parameters":{"n.$":"$.n","tag":"bench","sum.$":"States.MathAdd($.n, 1)"},"Next":"C1"},
    "C1":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"P1"}],"Default":"P1"},
    "P1":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"C2"},
    "C2":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.a","NumericEquals":1},{"Variable":"$.tag","StringEquals":"bench"}],"Next":"P2"}],"Default":"P2"},
    "P2":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C3"},
    "C3":{"Type":"Choice","Choices":[{"Variable":"$.b","NumericLessThan":5,"Next":"P3"}],"Default":"P3"},
    "P3":{"Type":"Pass","Parameters":{"n.$":"$.n","a.$":"$.a","b.$":"$.b"},"Next":"C4"},
    "C4":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"P4"}],"Default":"P4"},
    "P4":{"Type":"Pass","OutputPath":"$.n","Next":"Done"},
    "Done":{"Type":"Succeed"}}})j";

const QByteArray kMap =
    R"j({"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value"},
    "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"ResultSelector":{"count.$":"States.ArrayLength($)"},"End":true}}})j";

const QByteArray kTask = R"j({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
    "Parameters":{"FunctionName":"echo","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}})j";

struct Bench
{
    QTemporaryDir folder;
    Project project{Catalog::builtin()};
    FunctionRunner runner;
    std::unique_ptr<LocalCloud> cloud;

    Bench()
    {
        project.setWorkingDirectory(folder.path());
        runner.setProject(&project);
        cloud = std::make_unique<LocalCloud>(project, runner);
    }
    ~Bench()
    {
        cloud.reset();
        runner.pool()->stopAll();
    }

    void machine(const QString &name, const QByteArray &definition, const QString &type)
    {
        QDir().mkpath(folder.filePath("workflows"));
        QFile file(folder.filePath("workflows/" + name + ".asl.json"));
        if (file.open(QIODevice::WriteOnly))
            file.write(definition);
        const NodeId id = project.addNode("state-machine", {}, name).valueOr(kInvalidNodeId);
        (void)project.setNodeProperty(id, "definition", "workflows/" + name + ".asl.json");
        (void)project.setNodeProperty(id, "type", type);
    }

    // Runs count executions one after another, each started when the last ended; seconds.
    double runAll(const QString &machine, const QByteArray &input, int count)
    {
        QEventLoop loop;
        int done = 0;
        std::function<void()> next;
        WorkflowEngine &engine = cloud->workflows();
        next = [&] {
            if (done == count) {
                loop.quit();
                return;
            }
            const Result<QString> started = engine.startExecution(machine, input, {}, 0, [&](const ExecutionRecord &) {
                ++done;
                QTimer::singleShot(0, &loop, [&] { next(); });
            });
            if (!started) {
                std::fprintf(stderr, "%s\n", qPrintable(started.errorMessage()));
                loop.quit();
            }
        };
        QElapsedTimer timer;
        timer.start();
        QTimer::singleShot(0, &loop, [&] { next(); });
        loop.exec();
        return timer.nsecsElapsed() / 1e9;
    }
};

// The ten states' work without the engine: the same templates, paths and rules.
double bareTenStates(int count)
{
    const QJsonObject states = QJsonDocument::fromJson(kTenStates).object().value("States").toObject();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        const QJsonObject context{{"State", QJsonObject{{"Name", "S0"}}}};
        QJsonValue v = *Asl::applyTemplate(states["S0"].toObject()["Parameters"], {QJsonObject{{"n", i}}, context});
        (void)Asl::matchesChoiceRule(states["C1"].toObject()["Choices"].toArray()[0].toObject(), {v, context});
        v = *Asl::placeAtPath(v, "$.a", 1);
        (void)Asl::matchesChoiceRule(states["C2"].toObject()["Choices"].toArray()[0].toObject(), {v, context});
        v = *Asl::placeAtPath(v, "$.b", 2);
        (void)Asl::matchesChoiceRule(states["C3"].toObject()["Choices"].toArray()[0].toObject(), {v, context});
        v = *Asl::applyTemplate(states["P3"].toObject()["Parameters"], {v, context});
        (void)Asl::matchesChoiceRule(states["C4"].toObject()["Choices"].toArray()[0].toObject(), {v, context});
        v = *Asl::evaluatePath("$.n", {v, context});
    }
    return timer.nsecsElapsed() / 1e9;
}

double bareMap(const QJsonArray &items)
{
    const QJsonValue selector =
        QJsonDocument::fromJson(kMap).object()["States"].toObject()["M"].toObject()["ItemSelector"];
    QElapsedTimer timer;
    timer.start();
    QJsonArray out;
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject context{{"Map", QJsonObject{{"Item", QJsonObject{{"Index", i}, {"Value", items[i]}}}}}};
        out.append(*Asl::applyTemplate(selector, {QJsonObject{{"items", items}}, context}));
    }
    return timer.nsecsElapsed() / 1e9;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int executions = argc > 1 ? std::max(100, atoi(argv[1])) : 5000;
    const int taskRuns = argc > 2 ? std::max(10, atoi(argv[2])) : 300;

    std::printf("bench_workflows: %d executions, %d task runs\n\n", executions, taskRuns);
    {
        Bench b;
        b.machine("express", kTenStates, "EXPRESS");
        b.machine("standard", kTenStates, "STANDARD");
        b.machine("map", kMap, "EXPRESS");
        if (const Result<void> started = b.cloud->start(b.folder.filePath("state")); !started) {
            std::fprintf(stderr, "%s\n", qPrintable(started.errorMessage()));
            return 1;
        }
        const double bare = bareTenStates(executions);
        const double express = b.runAll("express", R"({"n":42})", executions);
        const double standard = b.runAll("standard", R"({"n":42})", executions);
        std::printf("10-state Pass/Choice machine (%d executions, one after another)\n", executions);
        std::printf("  bare limit (paths, templates, rules alone)  %10.0f /s\n", executions / bare);
        std::printf("  Express executions                          %10.0f /s  (%.1fx the bare time; target 5000/s)\n",
                    executions / express, express / bare);
        std::printf("  Standard executions (history in SQLite)     %10.0f /s  (%.1fx the bare time)\n\n",
                    executions / standard, standard / bare);

        QJsonArray items;
        for (int i = 0; i < 10000; ++i)
            items.append(i);
        const QByteArray input = QJsonDocument(QJsonObject{{"items", items}}).toJson(QJsonDocument::Compact);
        const double bareItems = bareMap(items);
        const double map = b.runAll("map", input, 1);
        std::printf("Map over 10,000 items (ItemSelector, a Pass per item)\n");
        std::printf("  bare limit (the selector 10,000 times)      %10.1f ms\n", bareItems * 1000);
        std::printf("  the Map state                               %10.1f ms  (%.1fx)\n\n", map * 1000,
                    map / bareItems);
    }
    {
        Bench b;
        const NodeId echo = b.project.addNode("function", {}, "echo").valueOr(kInvalidNodeId);
        (void)echo;
        QDir().mkpath(b.folder.filePath("functions/echo"));
        QFile code(b.folder.filePath("functions/echo/index.js"));
        if (code.open(QIODevice::WriteOnly))
            code.write("exports.handler = async (event) => event;\n");
        code.close();
        b.machine("task", kTask, "EXPRESS");
        if (const Result<void> started = b.cloud->start(b.folder.filePath("state")); !started) {
            std::fprintf(stderr, "%s\n", qPrintable(started.errorMessage()));
            return 1;
        }
        // Warm the worker first.
        b.runAll("task", "{}", 5);
        QList<double> direct, through;
        for (int i = 0; i < taskRuns; ++i) {
            QEventLoop loop;
            QElapsedTimer t;
            t.start();
            (void)b.cloud->invoke("echo", R"({"k":1})", "bench", 0, [&](const InvocationResult &) { loop.quit(); });
            loop.exec();
            direct.append(t.nsecsElapsed() / 1e6);
            t.start();
            b.runAll("task", R"({"k":1})", 1);
            through.append(t.nsecsElapsed() / 1e6);
        }
        const double d = percentile(direct, 0.5), w = percentile(through, 0.5);
        std::printf("A Task state invoking a warm Node.js function (%d runs each, alternating)\n", taskRuns);
        std::printf("  the function invoked directly (p50)         %10.3f ms\n", d);
        std::printf("  through a one-Task machine (p50)            %10.3f ms  (%.2fx)\n", w, w / d);
        std::printf("  the executor's overhead per Task state      %10.3f ms  (target: under 1 ms)\n", w - d);
    }
    return 0;
}
