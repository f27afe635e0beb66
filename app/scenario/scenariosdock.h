#pragma once

#include "projectview.h"
#include "result.h"
#include "scenario/scenariorunner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QFileSystemWatcher;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace Nimbus {

// The studio's Scenarios dock: the open project's scenarios (scenarios/*.yaml beside its
// file), each with its steps, or its parse error where it is. Run runs the selected ones,
// Run All all of them, one after another, each on a local cloud of its own (a
// ScenarioRunner, on the event loop); each step gets its mark and duration as it ends, a
// failed step its message with the hops and function logs under it. Double-clicking a step
// shows the node it names on the canvas; a scenario or step opens its file at its line.
class ScenariosDock : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    // The tree's item roles.
    enum Role {
        FileRole = Qt::UserRole + 1, // the scenario's file
        LineRole, // where the row's text comes from in it
        NodeRole, // the node the row names, if any
        KindRole, // what the row is (RowKind)
    };
    enum RowKind { ScenarioRow = 1, StepRow, MessageRow, HopRow, LogRow, GroupRow };

    explicit ScenariosDock(QWidget *parent = nullptr);
    ~ScenariosDock() override;

    // Asked before a run and before a scenario is written: saves the project when it must
    // be (an untitled or changed one); false when it is not saved (the user cancelled).
    void setSaveHook(std::function<bool()> hook) { mSaveHook = std::move(hook); }
    // Asked before a scenario's file is replaced; the default asks with a message box.
    void setOverwriteHook(std::function<bool(const QString &path)> hook) { mOverwriteHook = std::move(hook); }

    // The project's file, where scenarios/ is looked for; empty when it has none.
    QString projectPath() const;
    // Re-reads the scenarios (done when the project is opened or saved and when a file of
    // scenarios/ changes); while scenarios run, once they end.
    void refresh();
    QTreeWidget *tree() const { return mTree; }
    QTreeWidgetItem *scenarioItem(const QString &fileName) const; // by file name, "order-placed.yaml"

    // Runs the scenarios of these files (paths), one after another; false when nothing can
    // run (the project is not saved, or a run is going on).
    bool run(const QStringList &files);
    bool runSelected();
    bool runAll();
    // Stops the scenario running and those waiting.
    void stop();
    bool isRunning() const { return mRunner != nullptr; }
    QString summary() const;

    // Where a scenario called name is kept: scenarios/<name>.yaml beside the project; an
    // error for a name that is not a plain file name (a folder, "..").
    static Result<QString> scenarioPath(const QString &projectPath, const QString &name);
    // Writes a scenario called name (asking before it replaces one), shows it and selects it;
    // its path, or why not (an error the caller shows; empty message: the user declined).
    Result<QString> writeScenario(const QString &name, const QByteArray &yaml);
    // New Scenario: a commented template, written as name.
    Result<QString> createScenario(const QString &name);
    static QByteArray scenarioTemplate(const QString &name);

signals:
    void nodeActivated(const QString &name);
    void fileActivated(const QString &path, int line);
    void runningChanged(bool running);
    // All the scenarios of a run ended (passed, failed or stopped).
    void runFinished();
    void message(const QString &text);

private:
    void projectChanged(Project *previous) override;
    void startNext();
    void showStep(const ScenarioStepResult &step);
    void showResult(const ScenarioResult &result);
    void activate(QTreeWidgetItem *item);
    void updateButtons();
    void watch();
    QTreeWidgetItem *stepItem(QTreeWidgetItem *scenario, const ScenarioStepResult &step) const;

    std::function<bool()> mSaveHook;
    std::function<bool(const QString &)> mOverwriteHook;
    QTreeWidget *mTree;
    QPushButton *mRun;
    QPushButton *mRunAll;
    QPushButton *mStop;
    QPushButton *mNew;
    QLabel *mSummary;
    QFileSystemWatcher *mWatcher;
    QTimer *mRefreshLater; // coalesces a burst of file changes
    QPointer<ScenarioRunner> mRunner;
    QStringList mQueue; // files waiting to run
    QTreeWidgetItem *mRunning = nullptr; // the scenario row of the runner
    int mBatch = 0; // how many scenarios the run started with
    QTreeWidgetItem *mFirstFailure = nullptr; // of this run, to scroll to at its end
    int mPassed = 0;
    int mFailed = 0;
    bool mStopped = false;
    QElapsedTimer mClock;
};

} // namespace Nimbus
