#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <yaml-cpp/yaml.h>

namespace Nimbus {

// Three-way merge that lets an imported template go back out with only the user's
// canvas changes: original is the file as imported, baseline what the exporter
// generated from the canvas right after the import, generated what it generates now.
// Where generated equals baseline the user changed nothing, so the original is kept;
// where they differ the user's change wins. Whatever the exporter never models
// (Parameters, Conditions, Outputs, unknown resources, intrinsics, a property the
// canvas has no field for) is in the original only and so is always kept.
namespace YamlMerge {

// Value level: the merged value of one key.
YAML::Node merge3(const YAML::Node &original, const YAML::Node &baseline, const YAML::Node &generated);

// Text level: the original text with only the entries that changed rewritten, so
// comments, order and formatting of everything else stay byte for byte. Block
// mappings that changed are merged entry by entry, down to the changed keys. An
// original that is not block YAML (a JSON template) is merged by value and written
// as YAML.
QByteArray mergeText(const QByteArray &originalText, const YAML::Node &original, const YAML::Node &baseline,
                     const YAML::Node &generated);

// The file to write for generated: merged into origin's text when the project was
// imported from this target (origin "text" and "baseline"), else generated as is. An
// error when the origin cannot be read back: the caller then writes generated as is.
Result<QByteArray> mergeWithOrigin(const QJsonObject &origin, const YAML::Node &generated);

} // namespace YamlMerge
} // namespace Nimbus
