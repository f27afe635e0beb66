#pragma once

#include "export/provider.h"

#include <QObject>

namespace Nimbus {

// OpenFaaS: stack.yml for faas-cli, with connector annotations for events.
class OpenFaasPlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("openfaas"); }
    QString targetName() const override { return QStringLiteral("OpenFaaS"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString providerId() const override { return QStringLiteral("openfaas"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return {}; }
};

} // namespace Nimbus
