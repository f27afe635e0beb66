#pragma once

#include "export/exportmodel.h"
#include "export/providerplugin.h"

#include <yaml-cpp/yaml.h>

namespace Nimbus {
class RouteAuthorization;
}
namespace Nimbus::Aws {
class LogicalIds;
}

namespace Nimbus::Sam {

// AWS SAM: exports template.yaml, imports SAM and CloudFormation templates (YAML with
// short-form tags, or JSON). An imported template goes back out with only the
// canvas changes (see YamlMerge).
class SamPlugin : public ImportingProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    SamPlugin();

    // The template for a design; public for the importer's baseline.
    static YAML::Node generate(const ExportModel &model, const Aws::LogicalIds &ids, ExportOutput &output);

protected:
    Result<void> readDocument(const YAML::Node &root, const ImportInput &input, ImportResult *result) const override;

private:
    struct Cors;
    static YAML::Node functionEvent(const ExportModel &model, const ExportFunction &f, const Node *trigger,
                                    const Aws::LogicalIds &ids, const RouteAuthorization &auth, Cors &cors,
                                    ExportOutput &output);
    static YAML::Node globalsSection(const Cors &cors, const RouteAuthorization &auth, const Aws::LogicalIds &ids);
};

} // namespace Nimbus::Sam
