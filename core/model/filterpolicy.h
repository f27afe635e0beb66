#pragma once

#include <QJsonObject>
#include <QString>

namespace Nimbus {

// SNS filter policies, as a subscription (Subscribe, or a topic's connection on the
// canvas) holds them: the rules that tell a policy SNS takes (checked by the validator,
// the Inspector and the local cloud alike) and the match of a message against one.
// A policy is JSON text, empty for none; its scope is "MessageAttributes" (matched
// against the message's attributes) or "MessageBody" (against the message as JSON).
// The matcher is the core's one EventPattern, with SNS's operators.
namespace FilterPolicy {

inline constexpr int kMaxLength = 256 * 1024;

// Why policy is not one SNS takes under scope (JSON, SNS's limits, the operators SNS
// has), in SNS's own words as the SNS API answers them (not translated, as AWS errors
// are not); empty when it is.
QString problem(const QString &policy, const QString &scope);

// Whether a message with its attributes (SNS's {Type, Value} by name) passes policy:
// always when policy is empty, never when it is not one SNS takes.
bool matches(const QString &policy, const QString &scope, const QString &message, const QJsonObject &attributes);

} // namespace FilterPolicy
} // namespace Nimbus
