#pragma once

#include "result.h"
#include "scenariorunner.h"

#include <QByteArray>
#include <QList>

namespace Nimbus {

// The results of scenarios as JUnit XML, which CI systems read: one testsuite per
// scenario, one testcase per step of its last run (or of the run that failed), a failure
// for a step that did not hold, an error when the scenario could not run, and the seed of
// the runs as a property.
namespace JUnitReport {
QByteArray xml(const QList<ScenarioResult> &results);
// Written whole or not at all.
Result<void> write(const QList<ScenarioResult> &results, const QString &path);
} // namespace JUnitReport

} // namespace Nimbus
