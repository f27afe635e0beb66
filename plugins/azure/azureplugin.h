#pragma once

#include "export/provider.h"

#include <QObject>

namespace Nimbus {

// Azure Functions (function.json programming model): a function app per language.
class AzurePlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("azure"); }
    QString targetName() const override { return QStringLiteral("Azure Functions"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString providerId() const override { return QStringLiteral("azure"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return QStringLiteral("azure-eastus"); }
};

} // namespace Nimbus
