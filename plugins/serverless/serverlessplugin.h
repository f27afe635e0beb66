#pragma once

#include "export/provider.h"

#include <QObject>

#include <yaml-cpp/yaml.h>

namespace Nimbus {

class ExportModel;
namespace Aws { class LogicalIds; }

// Serverless Framework v3 with the aws provider: exports serverless.yml, imports it.
class ServerlessPlugin : public QObject, public ExporterInterface, public ImporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ImporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("serverless"); }
    QString targetName() const override { return QStringLiteral("Serverless Framework v3 (AWS)"); }
    QString targetDescription() const override;
    QList<ExportOption> exportOptions() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString importerId() const override { return targetId(); }
    QString formatName() const override;
    QStringList fileNameFilters() const override;
    int recognise(const QByteArray &content, const QString &fileName) const override;
    bool importFile(const ImportInput &input, ImportResult *result) const override;

    QString providerId() const override { return QStringLiteral("aws"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return QStringLiteral("aws-us-east-1"); }

    static YAML::Node generate(const ExportModel &model, const Aws::LogicalIds &ids, const QString &service,
                               const QString &region, ExportOutput &output);
};

} // namespace Nimbus
