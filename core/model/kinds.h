#pragma once

#include <QLatin1String>

namespace Nimbus {

// The ids of the catalog's node kinds (resources/catalog/kinds/*.json), for the code that
// must know one kind by name: the local cloud's service behind a queue, an exporter's
// resource type. Code that only needs what a kind can do asks the catalog instead
// (NodeKind::eventSource, store, code, cost.service): a new kind with the same
// capabilities then works there without a change.
namespace Kinds {
inline constexpr QLatin1String HttpRoute("http-route");
inline constexpr QLatin1String Function("function");
inline constexpr QLatin1String Queue("queue");
inline constexpr QLatin1String Topic("topic");
inline constexpr QLatin1String Table("table");
inline constexpr QLatin1String Bucket("bucket");
inline constexpr QLatin1String Schedule("schedule");
inline constexpr QLatin1String EventBus("event-bus");
inline constexpr QLatin1String Rule("rule");
inline constexpr QLatin1String UserPool("user-pool");
inline constexpr QLatin1String Secret("secret");
inline constexpr QLatin1String Parameter("parameter");
inline constexpr QLatin1String StateMachine("state-machine");
inline constexpr QLatin1String Layer("layer");
inline constexpr QLatin1String Container("container");
} // namespace Kinds

} // namespace Nimbus
