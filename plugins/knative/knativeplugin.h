#pragma once

#include "export/providerplugin.h"

namespace Nimbus::Knative {

// Knative: knative.yaml with a Service per function, PingSources for schedules and a
// Broker with Triggers for the other event connections.
class KnativePlugin : public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID NimbusPlugin_iid FILE "plugin.json")

public:
    KnativePlugin();
};

} // namespace Nimbus::Knative
