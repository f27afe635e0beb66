#pragma once

#include "export/providerplugin.h"

namespace Nimbus::Terraform {

// Terraform for AWS: main.tf and variables.tf, written through HclWriter, and
// infracost-usage.yml with the design's workload (InfracostUsage).
class TerraformPlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    TerraformPlugin();
};

} // namespace Nimbus::Terraform
