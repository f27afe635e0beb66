// The event pattern matcher: 1,000 rules (the operators mixed as real rules mix them)
// against a stream of 50,000 parsed events on one thread, through the rule index
// (RuleSet) and pattern by pattern; beside them, in the same run, the bare limit: walking
// the fields of each event the rules read, and parsing the events' JSON text. Reports
// figures; asserts nothing about time.
//
//   build/tests/bench_eventpattern    (or: ctest --test-dir build -R bench_eventpattern -V)

#include "cloud/eventpattern.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Nimbus;

namespace {

constexpr int kRules = 1000;
constexpr int kEvents = 50'000;
constexpr int kSources = 60;
constexpr int kRuns = 5;

const QStringList kTypes{"Order Placed",   "Order Shipped",         "Order Cancelled", "Payment Failed",
                         "Object Created", "Instance State-change", "User Signed Up",  "Invoice Paid"};

QString source(int i)
{
    return i < 4 ? QStringList{"aws.ec2", "aws.s3", "aws.cloudwatch", "aws.codebuild"}.at(i)
                 : QStringLiteral("com.nimbus.service%1").arg(i);
}

// One rule: a source (most rules), a detail-type, and one or two content filters.
QByteArray rule(QRandomGenerator &random, int i)
{
    QJsonObject pattern;
    if (i % 50 != 49) // a few rules name no source, as rules on a partner bus may not
        pattern.insert("source", QJsonArray{source(random.bounded(kSources))});
    pattern.insert("detail-type", QJsonArray{kTypes.at(random.bounded(kTypes.size()))});
    QJsonObject detail;
    switch (i % 9) {
    case 0: detail.insert("total", QJsonArray{QJsonObject{{"numeric", QJsonArray{">", random.bounded(500)}}}}); break;
    case 1:
        detail.insert("total",
                      QJsonArray{QJsonObject{{"numeric", QJsonArray{">=", 10, "<", 100 + random.bounded(400)}}}});
        detail.insert("currency", QJsonArray{"EUR", "USD"});
        break;
    case 2: detail.insert("region", QJsonArray{QJsonObject{{"prefix", random.bounded(2) ? "eu-" : "us-"}}}); break;
    case 3: detail.insert("state", QJsonArray{QJsonObject{{"anything-but", QJsonArray{"pending", "test"}}}}); break;
    case 4: detail.insert("coupon", QJsonArray{QJsonObject{{"exists", random.bounded(2) == 0}}}); break;
    case 5: detail.insert("key", QJsonArray{QJsonObject{{"wildcard", "uploads/*/photo-*.jpg"}}}); break;
    case 6: detail.insert("sourceIp", QJsonArray{QJsonObject{{"cidr", "10.0.0.0/8"}}}); break;
    case 7:
        detail.insert("customer", QJsonObject{{"tier", QJsonArray{QJsonObject{{"equals-ignore-case", "gold"}}}}});
        break;
    default:
        detail.insert("$or",
                      QJsonArray{QJsonObject{{"total", QJsonArray{QJsonObject{{"numeric", QJsonArray{">", 250}}}}}},
                                 QJsonObject{{"state", QJsonArray{"failed"}}}});
    }
    pattern.insert("detail", detail);
    return QJsonDocument(pattern).toJson(QJsonDocument::Compact);
}

QByteArray event(QRandomGenerator &random, int i)
{
    static const QStringList states{"pending", "paid", "failed", "shipped", "test"};
    QJsonObject detail{
        {"orderId", QStringLiteral("o-%1").arg(i)},
        {"total", random.bounded(1000) / 2.0},
        {"currency", random.bounded(3) ? "EUR" : "GBP"},
        {"region", random.bounded(2) ? "eu-west-1" : "us-east-1"},
        {"state", states.at(random.bounded(states.size()))},
        {"key", QStringLiteral("uploads/u%1/photo-%2.jpg").arg(random.bounded(100)).arg(i)},
        {"sourceIp", QStringLiteral("10.%1.%2.7").arg(random.bounded(256)).arg(random.bounded(256))},
        {"customer", QJsonObject{{"id", QStringLiteral("c-%1").arg(random.bounded(5000))},
                                 {"tier", random.bounded(4) ? "Silver" : "GOLD"}}},
        {"items", QJsonArray{QJsonObject{{"sku", "tea-pot"}, {"qty", 1}}, QJsonObject{{"sku", "cup"}, {"qty", 4}}}}};
    if (random.bounded(3) == 0)
        detail.insert("coupon", "WINTER");
    const QJsonObject e{
        {"version", "0"},
        {"id", QStringLiteral("6a7e8feb-b491-4cf7-a9f1-bf3703467%1").arg(i % 1000, 3, 10, QLatin1Char('0'))},
        {"detail-type", kTypes.at(random.bounded(kTypes.size()))},
        {"source", source(random.bounded(kSources))},
        {"account", "123456789012"},
        {"time", "2026-12-02T08:00:00Z"},
        {"region", "eu-west-1"},
        {"resources", QJsonArray{}},
        {"detail", detail}};
    return QJsonDocument(e).toJson(QJsonDocument::Compact);
}

// The bare limit: reading every field the rules read, as the matcher must at least once.
double walk(const QJsonObject &e)
{
    double sum = e.value(QLatin1String("source")).toString().size();
    sum += e.value(QLatin1String("detail-type")).toString().size();
    const QJsonObject detail = e.value(QLatin1String("detail")).toObject();
    sum += detail.value(QLatin1String("total")).toDouble();
    for (const char *key : {"currency", "region", "state", "key", "sourceIp", "coupon"})
        sum += detail.value(QLatin1String(key)).toString().size();
    sum += detail.value(QLatin1String("customer")).toObject().value(QLatin1String("tier")).toString().size();
    return sum;
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
    QRandomGenerator random(22);
    RuleSet rules;
    std::vector<EventPattern> patterns;
    for (int i = 0; i < kRules; ++i) {
        const Result<EventPattern> p = EventPattern::parse(rule(random, i));
        if (!p) {
            std::fprintf(stderr, "rule %d: %s\n", i, qPrintable(p.errorMessage()));
            return 1;
        }
        rules.add(*p);
        patterns.push_back(*p);
    }
    std::vector<QByteArray> texts;
    std::vector<QJsonObject> events;
    qsizetype bytes = 0;
    for (int i = 0; i < kEvents; ++i) {
        texts.push_back(event(random, i));
        bytes += texts.back().size();
        events.push_back(QJsonDocument::fromJson(texts.back()).object());
    }
    constexpr int kOneByOneEvents = 2000; // testing every pattern is slow: a sample

    std::vector<double> indexed, oneByOne, walking, parsing;
    qint64 matches = 0;
    double check = 0;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (const QJsonObject &e : events)
            matches += rules.matching(e).size();
        indexed.push_back(timer.nsecsElapsed() / 1e9);

        timer.restart();
        for (int i = 0; i < kOneByOneEvents; ++i)
            for (const EventPattern &p : patterns)
                matches += p.matches(events[size_t(i)]);
        oneByOne.push_back(timer.nsecsElapsed() / 1e9);

        timer.restart();
        for (const QJsonObject &e : events)
            check += walk(e);
        walking.push_back(timer.nsecsElapsed() / 1e9);

        timer.restart();
        for (const QByteArray &t : texts)
            check += QJsonDocument::fromJson(t).object().size();
        parsing.push_back(timer.nsecsElapsed() / 1e9);
    }
    const double perSecond = kEvents / median(indexed);
    const double walkPerSecond = kEvents / median(walking);
    const double parsePerSecond = kEvents / median(parsing);
    std::printf("bench_eventpattern: %d rules, %d events (%lld bytes of JSON each on average), %d runs (median), "
                "one thread\n",
                kRules, kEvents, static_cast<long long>(bytes / kEvents), kRuns);
    std::printf("  RuleSet::matching, 1,000 rules (target 100,000 events/s): %10.0f events/s\n", perSecond);
    std::printf("  every pattern tested one by one (%d events):             %10.0f events/s\n", kOneByOneEvents,
                kOneByOneEvents / median(oneByOne));
    std::printf("  bare limit: walking the fields the rules read:            %10.0f events/s\n", walkPerSecond);
    std::printf("  for scale: parsing each event's JSON text:                %10.0f events/s\n", parsePerSecond);
    std::printf("  matching costs %.1fx the walk, %.2fx the parse\n", walkPerSecond / perSecond,
                parsePerSecond / perSecond);
    std::printf("  (%lld matches, checksum %.0f)\n", static_cast<long long>(matches / kRuns), check);
    return 0;
}
