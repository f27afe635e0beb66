// The cost engine on a year of minute-resolution traffic (525,600 points) for 100
// functions against 6 options: AWS Lambda, an EC2 fleet, Fargate, Azure Functions,
// Cloud Run functions, Scaleway Functions. Reports figures; asserts nothing about time.
//
//   build/tests/bench_cost            (or: ctest --test-dir build -L bench -V)

#include "cost/costmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {

constexpr int kMinutes = 525'600;
constexpr int kFunctions = 100;
constexpr int kRuns = 7;

Workload makeWorkload()
{
    QRandomGenerator random(7);
    std::vector<double> minutes(kMinutes);
    for (int m = 0; m < kMinutes; ++m) {
        const double hour = (m / 60) % 24;
        const double daily = 1 + 4 * std::exp(-std::pow(hour - 12, 2) / 2)
                             + 6 * std::exp(-std::pow(hour - 19.5, 2) / 3);
        minutes[m] = daily * (0.8 + 0.4 * random.generateDouble());
    }
    Workload w;
    w.monthlyRequests = 50e6;
    w.profile = TrafficProfile::fromWeights(std::move(minutes), 1);
    w.entries.push_back({kInvalidNodeId, QStringLiteral("api"), QStringLiteral("gateway"), 1, false});
    for (int i = 0; i < kFunctions; ++i) {
        FunctionLoad f;
        f.name = QStringLiteral("f%1").arg(i);
        f.perRequest = 0.01 + random.generateDouble() * 0.2;
        f.durationMs = 20 + random.bounded(800);
        f.memoryMb = 128 * (1 + random.bounded(16));
        f.architecture = i % 2 ? QStringLiteral("arm64") : QStringLiteral("x86_64");
        f.provisionedConcurrency = i % 25 == 0 ? 2 : 0;
        w.functions.push_back(f);
    }
    for (const char *service : {"queue", "topic", "table", "bucket"})
        for (int i = 0; i < 5; ++i) {
            ServiceLoad s;
            s.name = QStringLiteral("%1-%2").arg(QLatin1String(service)).arg(i);
            s.service = QLatin1String(service);
            s.writesPerRequest = 0.05;
            s.readsPerRequest = 0.1;
            s.storedGb = 10;
            w.services.push_back(s);
        }
    return w;
}

std::vector<CostOption> sixOptions()
{
    std::vector<CostOption> options(6);
    options[1].kind = CostOption::Kind::VmFleet;
    options[1].instanceType = QStringLiteral("m6i.large");
    options[1].loadBalancer = true;
    options[2].kind = CostOption::Kind::Containers;
    options[3].provider = QStringLiteral("azure");
    options[4].provider = QStringLiteral("gcp");
    options[5].provider = QStringLiteral("scaleway");
    return options;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Workload workload = makeWorkload();
    const PricingCatalogs catalogs = PricingCatalogs::load({});
    const std::vector<CostOption> options = sixOptions();

    std::vector<double> prepare, evaluate, all, breakEven;
    double check = 0;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        const CostEngine engine(workload, catalogs); // reads the 525,600 minutes once
        const double prepared = timer.nsecsElapsed() / 1e6;
        std::vector<CostResult> results;
        for (const CostOption &o : options)
            results.push_back(engine.evaluate(o, workload.monthlyRequests));
        const double evaluated = timer.nsecsElapsed() / 1e6;
        const CostEngine::BreakEven b = engine.breakEven(options[0], options[1]);
        const double total = timer.nsecsElapsed() / 1e6;
        prepare.push_back(prepared);
        evaluate.push_back(evaluated - prepared);
        all.push_back(evaluated);
        breakEven.push_back(total - evaluated);
        for (const CostResult &r : results)
            check += r.total();
        check += b.volume;
    }
    std::printf("bench_cost: %d minutes of traffic, %d functions, %zu options, %d runs (median)\n", kMinutes,
                kFunctions, options.size(), kRuns);
    std::printf("  read the traffic profile (hourly shares and peaks):  %8.2f ms\n", median(prepare));
    std::printf("  price the 6 options with line items:                 %8.2f ms\n", median(evaluate));
    std::printf("  profile + 6 options (target < 100 ms):               %8.2f ms\n", median(all));
    std::printf("  break-even Lambda / EC2 fleet (search, ~500 prices): %8.2f ms\n", median(breakEven));
    std::printf("  (checksum %.2f)\n", check);
    return 0;
}
