#include "infracostusage.h"

#include "cloud/eventbus.h"
#include "export/exportmodel.h"
#include "model/kinds.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus::Terraform {

namespace {

// Requests and units: Infracost reads them as whole numbers (Int64 in its usage schemas).
QByteArray count(double value)
{
    return QByteArray::number(qint64(std::llround(std::max(0.0, value))));
}

// Sizes Infracost reads as Float64: as short as they print exactly.
QByteArray amount(double value)
{
    return QByteArray::number(std::max(0.0, value), 'g', 12);
}

// Units of `size` KB billed per started chunk of `chunk` KB, at least one: as the cost
// model counts DynamoDB units.
double chunks(double size, double chunk)
{
    return std::max(1.0, std::ceil(size / chunk - 1e-9));
}

QByteArray address(const QString &type, const QString &name)
{
    return "  " + type.toUtf8() + '.' + name.toUtf8() + ":\n";
}

QByteArray key(const char *name, const QByteArray &value, int indent = 4)
{
    return QByteArray(indent, ' ') + name + ": " + value + '\n';
}

QString tfName(const Node *node)
{
    return ExportModel::snakeCase(node->name);
}

} // namespace

InfracostUsage::InfracostUsage(const ExportModel &model, Workload workload)
    : mModel(model), mWorkload(std::move(workload))
{ }

QByteArray InfracostUsage::text() const
{
    QByteArray out = "# Usage estimates for Infracost, written by Nimbus Studio from the design's workload:\n"
                     "# "
                     + count(mWorkload.monthlyRequests)
                     + " requests a month entering the system, spread over the resources as the\n"
                       "# Cost view spreads them. Durations, item sizes and stored GB are the workload's.\n"
                       "# infracost breakdown --path . --usage-file infracost-usage.yml\n"
                       "# See https://infracost.io/usage-file/ for the format.\n"
                       "version: 0.1\n"
                       "resource_usage:\n";
    services(out);
    functions(out);
    httpApi(out);
    return out;
}

// Invocations a month and mean duration; a schedule's rule has no usage keys, its runs
// are in the function's requests.
void InfracostUsage::functions(QByteArray &out) const
{
    const double volume = mWorkload.monthlyRequests;
    for (const ExportFunction &f : mModel.functions()) {
        const FunctionLoad *load = mWorkload.function(f.node->name);
        if (!load)
            continue;
        out += address(u"aws_lambda_function"_s, tfName(f.node));
        out += key("monthly_requests", count(load->monthlyInvocations(volume)));
        out += key("request_duration_ms", count(std::ceil(load->durationMs - 1e-9)));
        for (const Node *trigger : f.triggers) {
            if (trigger->kind != Kinds::Schedule)
                continue;
            const double runs = Workload::schedulesPerMonth(mModel.string(trigger, "expression"));
            const QByteArray function = tfName(f.node).toUtf8();
            out += "  # aws_cloudwatch_event_rule." + function + '_' + tfName(trigger).toUtf8()
                   + " has no usage keys in Infracost;\n  # its " + count(runs)
                   + " runs a month are in aws_lambda_function." + function + "'s monthly_requests.\n";
        }
    }
}

// main.tf puts every route on one HTTP API (aws_apigatewayv2_api.http), REST routes too.
void InfracostUsage::httpApi(QByteArray &out) const
{
    bool routes = false;
    for (const ExportFunction &f : mModel.functions())
        for (const Node *trigger : f.triggers)
            routes = routes || trigger->kind == Kinds::HttpRoute;
    if (!routes)
        return;
    const double volume = mWorkload.monthlyRequests;
    out += address(u"aws_apigatewayv2_api"_s, u"http"_s);
    out += key("monthly_requests",
               count(mWorkload.gatewayRequests(volume, false) + mWorkload.gatewayRequests(volume, true)));
}

// In main.tf's order: queues, topics, tables, buckets, buses.
void InfracostUsage::services(QByteArray &out) const
{
    const double volume = mWorkload.monthlyRequests;
    auto find = [this](const Node *node) {
        const auto it = std::find_if(mWorkload.services.begin(), mWorkload.services.end(),
                                     [node](const ServiceLoad &s) { return s.name == node->name; });
        return it == mWorkload.services.end() ? nullptr : &*it;
    };
    for (const QLatin1String kind : {Kinds::Queue, Kinds::Topic, Kinds::Table, Kinds::Bucket, Kinds::EventBus}) {
        for (const Node *node : mModel.nodesOfKind(kind)) {
            const ServiceLoad *s = find(node);
            if (!s)
                continue;
            const double writes = s->writesPerRequest * volume + s->writesFixed;
            const double reads = s->readsPerRequest * volume + s->readsFixed;
            if (kind == Kinds::Queue) {
                // Sends, receives and deletes; Infracost bills each 64 KB chunk of request_size_kb.
                out += address(u"aws_sqs_queue"_s, tfName(node));
                out += key("monthly_requests", count(writes + reads));
                out += key("request_size_kb", count(chunks(s->itemKb, 1)));
            } else if (kind == Kinds::Topic) {
                out += address(u"aws_sns_topic"_s, tfName(node));
                out += key("monthly_requests", count(writes));
                out += key("request_size_kb", amount(s->itemKb));
            } else if (kind == Kinds::Table) {
                // On-demand units as the cost model counts them: a write unit per KB, a read per 4 KB.
                out += address(u"aws_dynamodb_table"_s, tfName(node));
                out += key("monthly_write_request_units", count(writes * chunks(s->itemKb, 1)));
                out += key("monthly_read_request_units", count(reads * chunks(s->itemKb, 4)));
                out += key("storage_gb", count(std::ceil(s->storedGb - 1e-9)));
            } else if (kind == Kinds::EventBus) {
                // The events put on the bus; the account's default bus is read, not declared.
                if (EventBus::busName(*node) == "default"_L1) {
                    out += "  # data.aws_cloudwatch_event_bus." + tfName(node).toUtf8()
                           + " (the default bus) is not a resource of main.tf;\n  # its " + count(writes)
                           + " events a month are billed as custom events all the same.\n";
                    continue;
                }
                out += address(u"aws_cloudwatch_event_bus"_s, tfName(node));
                out += key("monthly_custom_events", count(writes));
            } else {
                out += address(u"aws_s3_bucket"_s, tfName(node));
                out += "    standard:\n";
                out += key("storage_gb", amount(s->storedGb), 6);
                out += key("monthly_tier_1_requests", count(writes), 6);
                out += key("monthly_tier_2_requests", count(reads), 6);
            }
        }
    }
}

} // namespace Nimbus::Terraform
