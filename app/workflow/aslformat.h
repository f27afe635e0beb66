#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Nimbus::AslFormat {

// A definition written as people write ASL by hand, two spaces indented: the machine's
// Comment, StartAt and States first; each state's Type first, then its fields in the
// order the AWS documentation lists them, Next or End last; a Choice rule's Variable
// first and its Next last. Keys the order does not know follow, sorted. Qt's JSON
// objects forget the order of the text they came from, so the graph's edits rewrite the
// whole text in this one order (the same definition always gives the same bytes).
QByteArray write(const QJsonObject &definition);
// One state in the same order (the inspector's JSON of a state).
QByteArray writeState(const QJsonObject &state);

} // namespace Nimbus::AslFormat
