#pragma once

#include "export/provider.h"

#include <QObject>

namespace Nimbus {

// Knative: knative.yaml with a Service per function, PingSources for schedules and a
// Broker with Triggers for the other event connections.
class KnativePlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("knative"); }
    QString targetName() const override { return QStringLiteral("Knative"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString providerId() const override { return QStringLiteral("knative"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return {}; }
};

} // namespace Nimbus
