#pragma once

#include "export/providerplugin.h"

namespace Nimbus::OpenFaas {

// OpenFaaS: stack.yml for faas-cli, with connector annotations for events.
class OpenFaasPlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    OpenFaasPlugin();
};

} // namespace Nimbus::OpenFaas
