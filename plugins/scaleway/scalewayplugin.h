#pragma once

#include "export/provider.h"

#include <QObject>

namespace Nimbus {

// Scaleway Serverless Functions through the Serverless Framework's Scaleway plugin.
class ScalewayPlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("scaleway"); }
    QString targetName() const override { return QStringLiteral("Scaleway Serverless Functions"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString providerId() const override { return QStringLiteral("scaleway"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return QStringLiteral("scaleway-fr-par"); }
};

} // namespace Nimbus
