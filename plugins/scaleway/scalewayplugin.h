#pragma once

#include "export/providerplugin.h"

namespace Nimbus::Scaleway {

// Scaleway Serverless Functions through the Serverless Framework's Scaleway plugin.
class ScalewayPlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    ScalewayPlugin();
};

} // namespace Nimbus::Scaleway
