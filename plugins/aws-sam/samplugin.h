#pragma once

#include "export/provider.h"

#include <QObject>

#include <yaml-cpp/yaml.h>

namespace Nimbus {

class ExportModel;
namespace Aws { class LogicalIds; }

// AWS SAM: exports template.yaml, imports SAM and CloudFormation templates (YAML with
// short-form tags, or JSON). An imported template goes back out with only the
// canvas changes (see YamlMerge).
class SamPlugin : public QObject, public ExporterInterface, public ImporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ImporterInterface Nimbus::ProviderInterface)

public:
    QString targetId() const override { return QStringLiteral("sam"); }
    QString targetName() const override { return QStringLiteral("AWS SAM"); }
    QString targetDescription() const override;
    ExportOutput exportProject(const ExportInput &input) const override;

    QString importerId() const override { return targetId(); }
    QString formatName() const override;
    QStringList fileNameFilters() const override;
    int recognise(const QByteArray &content, const QString &fileName) const override;
    bool importFile(const ImportInput &input, ImportResult *result) const override;

    QString providerId() const override { return QStringLiteral("aws"); }
    ProviderLimits limits() const override;
    QString pricingCatalog() const override { return QStringLiteral("aws-us-east-1"); }

    // The template for a design; public for the importer's baseline.
    static YAML::Node generate(const ExportModel &model, const Aws::LogicalIds &ids, ExportOutput &output);
};

} // namespace Nimbus
