#pragma once

#include "scenario.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

class QTimer;

namespace Nimbus {

class AwsEndpoint;
class FunctionRunner;
class GatewayServer;
class LocalCloud;
class Project;
struct CloudLogEntry;
struct InvocationResult;

struct ScenarioStepResult
{
    int run = 0; // 0-based
    int index = 0; // in steps, or in invariants
    bool invariant = false;
    QString name;
    bool passed = false;
    QString message; // why it failed
    double durationMs = 0;
    int line = 0, column = 0;
    // When it failed: the hops since the step's action ("source -> target: detail") and the
    // functions' log lines, to see why.
    QStringList hops;
    QStringList logs;
};

struct ScenarioResult
{
    QString name;
    QString fileName;
    bool passed = false;
    QString error; // the scenario could not run (its design, a node it names ...)
    quint64 seed = 0; // the first run's
    int runs = 0; // how many ran
    int failedRun = -1;
    quint64 failingSeed = 0;
    double durationMs = 0;
    QList<ScenarioStepResult> steps;
};

// Runs a scenario on a local cloud of its own: a copy of the project with the scenario's
// faults, a fresh state folder for each run, the gateway and the AWS endpoint on free
// ports of 127.0.0.1, and the cloud's clock paused at the scenario's start so that time
// moves only when a step moves it. Actions run in order; an expectation is checked once
// the cloud has settled (no invocation running, nothing logged for a moment), and while
// it does not hold the clock is moved on to the next thing due, up to its `within`. All of
// it on the event loop: nothing blocks the thread it runs on.
class ScenarioRunner : public QObject
{
    Q_OBJECT

public:
    ScenarioRunner(const QString &projectPath, Scenario scenario, QObject *parent = nullptr);
    ~ScenarioRunner() override;

    // The seed of the first run (the scenario's own when it has one, else 1 unless set):
    // the faults' choices; run N uses seed + N.
    void setSeed(quint64 seed) { mSeedOverride = seed; }
    // The longest an expectation waits on real time for the cloud to settle (60 s).
    void setSettleLimit(int milliseconds) { mSettleLimitMs = milliseconds; }

    // Starts the first run; finished() comes later, from the event loop.
    void start();
    // Stops at once: the step waiting fails as cancelled and finished() is emitted before
    // this returns.
    void cancel();
    bool isRunning() const { return mRunning; }
    const ScenarioResult &result() const { return mResult; }

signals:
    void stepFinished(const Nimbus::ScenarioStepResult &step);
    void runFinished(int run, bool passed);
    void finished(const Nimbus::ScenarioResult &result);

private:
    Result<void> setUp();
    Result<void> checkNames() const;
    void beginRun();
    void runStep();
    void act(const ScenarioStep &step, const QJsonValue &args);
    void request(const ScenarioStep &step, const QJsonValue &args);
    void invoke(const ScenarioStep &step, const QJsonValue &args);
    void advance(const QJsonValue &args);
    void poll();
    // Empty when the expectation holds, else why not; capture gets what it found.
    QString check(const ScenarioStep &step, const QJsonValue &args, QJsonValue *found) const;
    bool settled();
    void stepDone(bool passed, QString message, const QJsonValue &answer = {});
    void endRun(bool passed);
    void nextRun();
    void finish();
    const ScenarioStep &currentStep() const;

    QString mProjectPath;
    Scenario mScenario;
    std::optional<quint64> mSeedOverride;
    int mSettleLimitMs = 60000;

    std::unique_ptr<Project> mProject;
    std::unique_ptr<FunctionRunner> mRunner;
    std::unique_ptr<LocalCloud> mCloud;
    std::unique_ptr<GatewayServer> mGateway;
    std::unique_ptr<AwsEndpoint> mEndpoint;
    std::unique_ptr<QTemporaryDir> mStateRoot;
    QTimer *mPoll = nullptr;

    ScenarioResult mResult;
    bool mRunning = false;
    bool mCancelled = false;
    int mRun = 0;
    int mStep = 0; // steps first, then invariants
    bool mWaiting = false; // an action's answer is awaited
    QHash<QString, QJsonValue> mVariables;
    QJsonValue mArgs; // the current step's, variables substituted
    qint64 mMarker = 0; // the last log id before the latest action
    qint64 mBudgetMs = 0; // how far the clock may still move for this expectation
    bool mSettling = false; // advance: waiting for the cloud to settle first
    bool mDraining = false; // a run passed: waiting for what it started to end
    qint64 mRunStart = 0; // the last log id before this run
    bool mTicked = false; // settling: the cloud was asked to deliver what is due
    QElapsedTimer mStepClock;
    QElapsedTimer mRunClock;
    QElapsedTimer mSinceLog;
    QHash<QString, QStringList> mFunctionLogs; // function -> lines since the marker
    int mGeneration = 0; // bumped on cancel and each step, so late answers are dropped
};

} // namespace Nimbus

Q_DECLARE_METATYPE(Nimbus::ScenarioStepResult)
Q_DECLARE_METATYPE(Nimbus::ScenarioResult)
