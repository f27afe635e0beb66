#pragma once

#include "export/providerplugin.h"

namespace Nimbus::Azure {

// Azure Functions (function.json programming model): a function app per language.
class AzurePlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    AzurePlugin();
};

} // namespace Nimbus::Azure
