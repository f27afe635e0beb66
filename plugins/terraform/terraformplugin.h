#pragma once

#include "export/providerplugin.h"

namespace Nimbus::Terraform {

// Terraform for AWS: main.tf and variables.tf, written through HclWriter.
class TerraformPlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    TerraformPlugin();

protected:
    void write(const ExportInput &input, const ExportModel &model, ExportOutput &output) const override;
};

} // namespace Nimbus::Terraform
