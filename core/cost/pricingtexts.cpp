// The price lists' words (resources/pricing): each price's name and unit, for lupdate.
// The cost view and report show them through PricingCatalog::text(); tst_translations
// fails when a shipped price list has one that is not here.

#include "pricingcatalog.h"

#include <QCoreApplication>

#include <iterator>

namespace Nimbus {

namespace {

const char *const kSourceTexts[] = {
    // Prices' names, in the order of the shipped lists (AWS, Azure, Google Cloud, Scaleway).
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "AWS Lambda"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Application Load Balancer"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "AWS Fargate"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda compute (x86_64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda compute (arm64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency (x86_64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency (arm64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency duration (x86_64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency duration (arm64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "API Gateway HTTP API requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "API Gateway REST API requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "SQS standard requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "SNS standard publishes"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "DynamoDB on-demand write request units"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "DynamoDB on-demand read request units"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "DynamoDB storage"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard PUT, COPY, POST, LIST requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard GET requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard storage"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Application Load Balancer hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Application Load Balancer capacity units"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate vCPU (x86_64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate memory (x86_64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate vCPU (arm64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate memory (arm64)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "CloudWatch Logs ingestion"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "CloudWatch Logs storage"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Data transfer out to the internet"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "NAT gateway hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "NAT gateway data processed"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "API Gateway cache (0.5 GB)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "DynamoDB provisioned write capacity"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "DynamoDB provisioned read capacity"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard-IA PUT, COPY, POST, LIST requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard-IA GET requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard-IA storage"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Standard-IA data retrieval"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Glacier Instant Retrieval PUT, COPY, POST requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Glacier Instant Retrieval GET requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Glacier Instant Retrieval storage"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "S3 Glacier Instant Retrieval data retrieval"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "EventBridge custom events"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "EventBridge archive processing"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "EventBridge archive storage"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "EventBridge replayed events"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Azure Functions (Consumption)"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Function executions"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Function execution time"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Cloud Run functions"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Cloud Run requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Cloud Run vCPU time"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Cloud Run memory time"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Scaleway Serverless Functions"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Function requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Function compute"),
    // Their units.
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "GB-seconds"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "WRU"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "RRU"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "GB-months"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "LCU-hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "vCPU-hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "GB-hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "executions"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "vCPU-seconds"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "GiB-seconds"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "GB"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "WCU-hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "RCU-hours"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "events"),
    // Commitment rates (savings plans, reservations, committed use discounts) and their units.
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda compute (arm64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda compute (arm64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda compute (x86_64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Lambda compute (x86_64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency (arm64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency (arm64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency (x86_64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency (x86_64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency duration (arm64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency duration (arm64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency duration (x86_64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Provisioned concurrency duration (x86_64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_D2s_v5, 1-year reservation, paid monthly"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_D2s_v5, 3-year reservation, paid monthly"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "e2-standard-2, 1-year compute flexible committed use discount"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "e2-standard-2, 3-year compute flexible committed use discount"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.micro, 1-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.micro, 3-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.small, 1-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.small, 3-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "instance-hours"),
    // Commitment rates Update Prices reads from the providers' lists (not priced until then).
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate vCPU (x86_64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate memory (x86_64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate vCPU (x86_64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate memory (x86_64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate vCPU (arm64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate memory (arm64), 1-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate vCPU (arm64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Fargate memory (arm64), 3-year Compute Savings Plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.micro, 1-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.micro, 3-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.small, 1-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.small, 3-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t4g.small, 1-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t4g.small, 3-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "c6i.large, 1-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "c6i.large, 3-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m6i.large, 1-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m6i.large, 3-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m7g.large, 1-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m7g.large, 3-year Compute Savings Plan, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t4g.small, 1-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t4g.small, 3-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "c6i.large, 1-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "c6i.large, 3-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m6i.large, 1-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m6i.large, 3-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m7g.large, 1-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m7g.large, 3-year standard reserved instance, no upfront"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.micro, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t3.small, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "t4g.small, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "c6i.large, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m6i.large, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "m7g.large, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_B2s, 1-year savings plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_B2s, 3-year savings plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_B2s, 1-year reservation, paid monthly"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_B2s, 3-year reservation, paid monthly"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_B2s, spot"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_D2s_v5, 1-year savings plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_D2s_v5, 3-year savings plan"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Standard_D2s_v5, spot"),
    // Step Functions (workflows).
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Step Functions Standard state transitions"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Step Functions Express requests"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "Step Functions Express duration"),
    QT_TRANSLATE_NOOP("Nimbus::PricingTexts", "state transitions"),
};

} // namespace

QString PricingCatalog::text(const QString &english)
{
    return english.isEmpty() ? english
                             : QCoreApplication::translate("Nimbus::PricingTexts", english.toUtf8().constData());
}

const QList<const char *> &PricingCatalog::sourceTexts()
{
    static const QList<const char *> texts(std::begin(kSourceTexts), std::end(kSourceTexts));
    return texts;
}

} // namespace Nimbus
