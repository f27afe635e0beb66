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
};

} // namespace Nimbus::CloudRun
