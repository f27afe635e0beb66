#pragma once

// The tools and resources of McpWorkspace, by area; private to core/mcp.

#include "mcpserver.h"
#include "model/node.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <initializer_list>

namespace Nimbus {

class McpWorkspace;
class Project;
struct Diagnostic;

namespace McpTools {

// Project: open, create; the design: kinds, nodes, connections, undo; validate; render.
void addDesignTools(McpServer &server, McpWorkspace &workspace);
// Functions: their files, invocations, event templates; cost; export.
void addRunTools(McpServer &server, McpWorkspace &workspace);
// The local cloud: start, stop, HTTP requests, service actions, hops, state.
void addCloudTools(McpServer &server, McpWorkspace &workspace);
QList<McpResource> resources(McpWorkspace &workspace);

// JSON Schema pieces for tool arguments.
QJsonObject argument(const char *type, const QString &description);
QJsonObject enumArgument(const QStringList &values, const QString &description);
QJsonObject objectSchema(std::initializer_list<QPair<QString, QJsonObject>> properties,
                         const QStringList &required = {});

// The node of the open project with this name, or an error naming it.
Result<const Node *> nodeNamed(const McpWorkspace &workspace, const QString &name);
// The call's answer when result failed (true), or nothing (false).
bool failed(McpCall *call, const Result<void> &result);

} // namespace McpTools
} // namespace Nimbus
