#pragma once

#include "cost/workload.h"

#include <QByteArray>

namespace Nimbus {
class ExportModel;
}

namespace Nimbus::Terraform {

// Infracost's usage file (infracost-usage.yml, format version 0.1) for the resources
// main.tf declares: the monthly volumes the cost view prices, keyed by Terraform
// address, so that `infracost breakdown --usage-file` counts what Nimbus counts. Only
// keys of Infracost's usage file reference are written; resources it has none for
// (event rules) are named in a comment.
class InfracostUsage
{
public:
    InfracostUsage(const ExportModel &model, Workload workload);

    QByteArray text() const;

private:
    void functions(QByteArray &out) const;
    void httpApi(QByteArray &out) const;
    void services(QByteArray &out) const;

    const ExportModel &mModel;
    Workload mWorkload;
};

} // namespace Nimbus::Terraform
