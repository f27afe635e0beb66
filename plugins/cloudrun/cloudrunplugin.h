#pragma once

#include "export/provider.h"

#include <QObject>

namespace Nimbus {

// Google Cloud Run: services/<function>.yaml (gcloud run services replace) and
// eventarc.sh, the triggers as gcloud commands.
class CloudRunPlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("cloudrun"); }
    QString targetName() const override { return QStringLiteral("Google Cloud Run"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString providerId() const override { return QStringLiteral("gcp"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return QStringLiteral("gcp-us-central1"); }
};

} // namespace Nimbus
