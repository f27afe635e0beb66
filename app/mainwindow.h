#pragma once

#include "model/edge.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

#include "model/node.h"
#include "result.h"

class QDateTime;

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTemporaryDir;

namespace Nimbus {

class WorkflowPage;

class ActionManager;
class AgentBridge;
class Autosave;
class CommandPalette;
class WelcomePage;
class NotificationBar;
class PreferencesDialog;
class CloudPanel;
class ExportDialog;
class CanvasScene;
class EditorArea;
class FunctionRunner;
class RunPanel;
class TokenDialog;
class CostView;
class CanvasView;
class InspectorWidget;
class PaletteWidget;
class Project;
class TemplateImport;
class ProjectManager;
class ProblemsDock;
class ScenariosDock;

// The studio's window: menus, docks around the design area, and the open project.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Project *project() const;
    // The open project, its undo group and whether Save must ask where to keep it.
    ProjectManager *projectManager() const { return mProjects; }
    // Every action of the menus and tool bars, by id (ActionIds).
    ActionManager *actionManager() const { return mActions; }
    CanvasView *canvasView() const { return mView; }
    CanvasScene *canvasScene() const { return mScene; }
    PaletteWidget *palette() const { return mPalette; }
    InspectorWidget *inspector() const { return mInspector; }
    EditorArea *editorArea() const { return mEditors; }
    RunPanel *runPanel() const { return mRunPanel; }
    CostView *costView() const { return mCostView; }
    CloudPanel *cloudPanel() const { return mCloudPanel; }
    ScenariosDock *scenariosDock() const { return mScenarios; }
    // Shows the Scenarios dock in front.
    void showScenarios();
    // The local cloud's request (a log entry's id) as a scenario called name, written to
    // scenarios/ beside the project and shown in the Scenarios dock: its path, or why not
    // (an empty message when the user declined to replace a file or to save).
    Result<QString> saveRequestAsScenario(qint64 entryId, const QString &name);
    // Shows the cost view and makes room for its charts.
    void showCost();
    // Run > Mint Token: the token dialog of the design's user pools (non-modal, one at a
    // time); Use in Event puts its token in the Run dock's event.
    TokenDialog *mintToken();
    FunctionRunner *runner() const { return mRunner; }
    // Opens a function's handler in an editor tab (a scaffold for a function without one).
    bool openFunctionCode(const QString &functionName);
    // Run > Invoke: runs the Run panel's function with its event.
    bool invokeFunction();
    // Opens a .nimbus or .json file; shows an error and keeps the current project on failure.
    bool openFile(const QString &path);
    // Opens a working copy of a bundled example (Save asks where to keep it).
    bool openExample(const QString &name);
    // Selects a node by name and centres the view on it.
    void selectNode(const QString &name);
    // File > Export Diagram: SVG or PNG of the whole diagram, or of the selection if any.
    bool exportDiagram();
    bool exportDiagramTo(const QString &path, bool selectionOnly);
    // File > Export: the export dialog (one at a time, not modal).
    ExportDialog *showExportDialog();
    // File > Import: makes a SAM/CloudFormation template or serverless.yml the open
    // project (unsaved); shows an error and keeps the current project on failure.
    // Waits for the import, which reads the file on a worker thread.
    bool importFile(const QString &path);
    // Starts the import on a worker thread and returns at once; a busy bar with a Cancel
    // button shows in the status bar until importFinished.
    void startImport(const QString &path);
    // Cancels a running import: its result is discarded, the project stays as it is.
    void cancelImport();
    bool isImporting() const;
    // Help > Plugins.
    void showPlugins();
    // Settings > Preferences (one dialog at a time) and View > Command Palette.
    PreferencesDialog *showPreferences();
    CommandPalette *showCommandPalette();
    // The welcome page in the centre (no project open): new, open, examples, recent.
    void showWelcome();
    bool isWelcomeShown() const;
    NotificationBar *notifications() const { return mNotifications; }
    // What the last import approximated or kept without showing it.
    QStringList importNotes() const { return mImportNotes; }
    bool save();
    bool saveAs();
    // Saves the project to path (and takes its function folders along).
    bool saveTo(const QString &path);
    void newProject();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();

    // The window's geometry and dock layout from the last session that closed it; false
    // (and the default layout) when none was saved or what was saved cannot be read.
    bool restoreLayout();
    // Keeps the geometry and dock layout for restoreLayout (done when the window closes).
    void saveLayout() const;
    // View > Reset Layout: every dock back where a new user finds it, at its first size.
    void resetLayout();

    // After a crash: offers each recovery copy left behind (ask returns true to recover;
    // the default asks with a message box). Returns how many were recovered.
    int offerRecovery(const std::function<bool(const QString &name, const QDateTime &when)> &ask = {});
    Autosave *autosave() const { return mAutosave; }

signals:
    // An import started by startImport ended: ok, failed (shown) or cancelled.
    void importFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *addAction(QMenu *menu, const QByteArray &id, const QString &text, const QKeySequence &keys = {});
    void connectWindow();
    // The workflow editors: their cloud and history, their undo stacks in the window's
    // Undo while their tab is current, the connections their definitions imply.
    void connectWorkflows();
    void followWorkflowUndo();
    void addWorkflowConnections(WorkflowPage *page);
    void warnAboutUsedConnections(const QList<Nimbus::Edge> &edges);
    void connectProjectViews();
    void createMenus();
    void createFileMenu();
    void addSaveActions(QMenu *file);
    void createEditMenu();
    void addCanvasActions(QMenu *edit);
    void addEditorActions(QMenu *edit);
    void createRunMenu();
    void createCostMenu();
    void createViewMenu();
    void addGoToMenu(QMenu *view);
    void createSettingsMenu();
    void createHelpMenu();
    void createToolBar();
    void sizeSideDocks();
    void applyPreferences();
    void createDocks();
    void createBottomDocks();
    void createScenariosDock();
    void fitBottomDocks();
    int tabBarHeight(QDockWidget *dock) const;
    void askImport();
    void applyImport(TemplateImport *import);
    void setProject(Project *project, bool untitled, std::unique_ptr<QTemporaryDir> workingCopy = {});
    void showBuildProgress();
    void updateTitle();
    void updateStatus();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void rebuildExamplesMenu();
    void rebuildWorkflowsMenu();
    bool saveCurrent();
    void markErrorInEditor(NodeId function, const QString &file, int line, const QString &message, bool reveal);
    void showError(const QString &title, const QString &message);

    ProjectManager *mProjects = nullptr;
    AgentBridge *mAgents = nullptr; // serves the open project to coding agents
    ActionManager *mActions = nullptr;
    TemplateImport *mImport = nullptr; // the import running, if any
    QWidget *mImportProgress = nullptr; // its busy bar and Cancel button in the status bar
    QStringList mImportNotes;

    ProblemsDock *mProblems = nullptr;
    CanvasScene *mScene = nullptr;
    CanvasView *mView = nullptr;
    PaletteWidget *mPalette = nullptr;
    InspectorWidget *mInspector = nullptr;
    EditorArea *mEditors = nullptr;
    FunctionRunner *mRunner = nullptr;
    RunPanel *mRunPanel = nullptr;
    CostView *mCostView = nullptr;
    QDockWidget *mCostDock = nullptr;
    CloudPanel *mCloudPanel = nullptr;
    QPointer<TokenDialog> mTokenDialog;
    QDockWidget *mCloudDock = nullptr;
    ScenariosDock *mScenarios = nullptr;
    QDockWidget *mScenariosDock = nullptr;
    QList<QDockWidget *> mBottomDocks; // tabbed below the design, Problems first
    QDockWidget *mFrontBottomDock = nullptr; // the tab in front
    QByteArray mDefaultLayout; // the docks as built, for resetLayout
    int mBottomHeight = 0; // the height Run, Cost and Local Cloud were last given
    int mShownProblems = -1; // what the Problems dock was sized for; -1: a project just opened
    QLabel *mCloudStatus = nullptr;
    Autosave *mAutosave = nullptr;
    QStackedWidget *mCentral = nullptr;
    WelcomePage *mWelcome = nullptr;
    QWidget *mWelcomeArea = nullptr; // the welcome page's scroll area in the centre
    NotificationBar *mNotifications = nullptr;
    QLabel *mStatusCounts = nullptr;
    QMenu *mRecentMenu = nullptr;
    QMenu *mExamplesMenu = nullptr;
    QMenu *mWorkflowsMenu = nullptr;
};

} // namespace Nimbus
