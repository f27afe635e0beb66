#pragma once

#include "export/provider.h"

#include <QObject>

namespace Nimbus {

// Terraform for AWS: main.tf and variables.tf, written through HclWriter.
class TerraformPlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("terraform"); }
    QString targetName() const override { return QStringLiteral("Terraform (AWS)"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString providerId() const override { return QStringLiteral("aws"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return QStringLiteral("aws-us-east-1"); }
};

} // namespace Nimbus
