#pragma once

#include "export/providerplugin.h"

#include <yaml-cpp/yaml.h>

namespace Nimbus {
class RouteAuthorization;
}
namespace Nimbus::Aws {
class LogicalIds;
}

namespace Nimbus::Serverless {

// Serverless Framework v3 with the aws provider: exports serverless.yml, imports it.
class ServerlessPlugin : public ImportingProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    ServerlessPlugin();

    static YAML::Node generate(const ExportModel &model, const Aws::LogicalIds &ids, const QString &service,
                               const QString &region, ExportOutput &output);

protected:
    Result<void> readDocument(const YAML::Node &root, const ImportInput &input, ImportResult *result) const override;

private:
    // failure: where a stream's failed records go (Aws::streamFailureDestination).
    static YAML::Node functionEvent(const ExportModel &model, const Node *function, const Node *trigger,
                                    const Aws::LogicalIds &ids, const RouteAuthorization &auth, const Node *failure,
                                    bool &httpCors, ExportOutput &output);
};

} // namespace Nimbus::Serverless
