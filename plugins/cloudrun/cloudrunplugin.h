#pragma once

#include "export/providerplugin.h"

namespace Nimbus::CloudRun {

// Google Cloud Run: services/<function>.yaml (gcloud run services replace) and
// eventarc.sh, the triggers as gcloud commands.
class CloudRunPlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    CloudRunPlugin();

protected:
    void write(const ExportInput &input, const ExportModel &model, ExportOutput &output) const override;
};

} // namespace Nimbus::CloudRun
