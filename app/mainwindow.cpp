#include "mainwindow.h"

#include "actionmanager.h"
#include "agentbridge.h"
#include "commandpalette.h"
#include "notificationbar.h"
#include "preferences/preferences.h"
#include "preferences/preferencesdialog.h"
#include "preferences/restartprompt.h"
#include "theme.h"
#include "welcomepage.h"

#include "autosave.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/diagramexport.h"
#include "canvas/palettewidget.h"
#include "canvas/trafficlayer.h"
#include "cloud/clockwidget.h"
#include "cloud/cloudpanel.h"
#include "cloud/puteventview.h"
#include "cost/costview.h"
#include "cost/priceupdatedialog.h"
#include "editor/codeeditor.h"
#include "editor/editorarea.h"
#include "editor/findbar.h"
#include "export/exportdialog.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "inspectorwidget.h"
#include "run/runpanel.h"
#include "run/tokendialog.h"
#include "runtime/instancepool.h"
#include "scenario/scenariosdock.h"
#include "workflow/derivedconnections.h"
#include "workflow/workflowpage.h"
#include "workflow/workflowrunpanel.h"

#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "paths.h"
#include "problemsdock.h"
#include "projectmanager.h"
#include "runtime/functionrunner.h"
#include "runtime/functionspec.h"
#include "runtime/scaffold.h"
#include "scenario/scenarioscaffold.h"
#include "storage/projectfile.h"
#include "templateimport.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr int kMaxRecentFiles = 8;
const QString kRecentKey = u"files/recent"_s;
const QString kGeometryKey = u"window/geometry"_s;
const QString kLayoutKey = u"window/state"_s;
const QString kLayoutChecksumKey = u"window/checksum"_s;
// Saved layouts of another version are ignored (the default layout shows instead).
constexpr int kLayoutVersion = 1;
constexpr QSize kDefaultSize(1280, 800);
// Run, Cost and Local Cloud start this high; below kMinWorkingHeight they are given it back.
constexpr int kBottomDockHeight = 260;
constexpr int kMinWorkingHeight = 160;

// A panel in a scroll area: its minimum height no longer holds the window or the dock area
// it shares with others (the bottom docks, the welcome page and the design) open.
QWidget *scrollable(QWidget *panel)
{
    auto *area = new QScrollArea(panel->parentWidget());
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setMinimumHeight(1); // not the height of its scroll bars
    area->setWidget(panel);
    return area;
}

QString fileFilter()
{
    return MainWindow::tr("Nimbus projects (*.nimbus *.json);;Nimbus project files (*.nimbus);;"
                          "JSON projects (*.json);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/nimbus/icons/nimbus-studio.svg"_s));
    resize(kDefaultSize);

    mProjects = new ProjectManager(this);
    mActions = new ActionManager(this);
    mScene = new CanvasScene(this);
    mView = new CanvasView(mScene, this);
    mRunner = new FunctionRunner(this);
    // The edit-run loop: after a cold start, a worker of that runtime waits ready for the next.
    mRunner->pool()->setSparesEnabled(true);
    mEditors = new EditorArea(mView, this);
    // The welcome page and the design share the centre; the design shows once a project
    // is opened or made.
    mCentral = new QStackedWidget(this);
    mWelcome = new WelcomePage(mCentral);
    mCentral->addWidget(mEditors);
    mWelcomeArea = scrollable(mWelcome);
    mCentral->addWidget(mWelcomeArea);
    // Errors show in a band above, never in a dialog that stops the window.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    mNotifications = new NotificationBar(centre);
    centreLayout->addWidget(mNotifications);
    centreLayout->addWidget(mCentral, 1);
    setCentralWidget(centre);

    mStatusCounts = new QLabel(this);
    statusBar()->addPermanentWidget(mStatusCounts);
    mCloudStatus = new QLabel(this);
    mCloudStatus->setObjectName(u"cloudStatus"_s);
    statusBar()->addPermanentWidget(mCloudStatus);

    // Agents attached with `nimbus mcp --attach` edit the open project; the status bar says so.
    auto *agentStatus = new QLabel(this);
    agentStatus->setObjectName(u"agentStatus"_s);
    statusBar()->addPermanentWidget(agentStatus);
    mAgents = new AgentBridge(mProjects, this);
    connect(mAgents, &AgentBridge::statusChanged, agentStatus, &QLabel::setText);
    connect(mAgents, &AgentBridge::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    // The agent's work comes into view as it happens, without taking the user's selection.
    connect(mAgents, &AgentBridge::agentTouched, this, [this](NodeId node) { mView->bringIntoView(node); });

    mAutosave = new Autosave(this);
    createDocks();
    connectWindow();
    connectProjectViews();
    createMenus();
    createToolBar();
    mDefaultLayout = saveState(kLayoutVersion);
    applyPreferences();
    connect(&Preferences::instance(), &Preferences::changed, this, &MainWindow::applyPreferences);
    newProject();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow()
{
    // The local cloud runs on the project: it stops before the project goes.
    mCloudPanel->stop();
    cancelImport();
    // The project goes first, while the views that listen to it still exist.
    disconnect(mProjects, nullptr, this, nullptr);
    mProjects->closeProject();
    // Scene items die with the window; their selection changes must not reach half-destroyed docks.
    disconnect(mScene, nullptr, this, nullptr);
}

Project *MainWindow::project() const
{
    return mProjects->project();
}

// The window's own reactions to its views: the welcome page, the editors, the canvas.
void MainWindow::connectWindow()
{
    connect(mWelcome, &WelcomePage::newProjectRequested, this, [this] {
        newProject();
        mView->setFocus();
    });
    connect(mWelcome, &WelcomePage::openRequested, this, [this] { mActions->action(ActionIds::Open)->trigger(); });
    connect(mWelcome, &WelcomePage::exampleRequested, this, [this](const QString &name) { openExample(name); });
    connect(mWelcome, &WelcomePage::recentRequested, this, [this](const QString &path) { openFile(path); });
    connect(mEditors, &EditorArea::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mEditors, &EditorArea::error, this, &MainWindow::showError);
    connect(mEditors, &EditorArea::unsavedChanged, this, &MainWindow::updateTitle);
    connect(mEditors, &EditorArea::fileSaved, this, [this](const QString &path, NodeId function) {
        // New code: the function's warm instances end, the next run starts cold on it.
        if (function == kInvalidNodeId)
            function = mRunner->functionOfFile(path);
        if (function != kInvalidNodeId)
            mRunner->reload(function);
        if (auto *workflow = qobject_cast<WorkflowPage *>(mEditors->page(path)))
            addWorkflowConnections(workflow);
        mProblems->revalidate();
    });
    connect(mView, &CanvasView::connectionsDeleted, this, &MainWindow::warnAboutUsedConnections);
    connect(mEditors, &QTabWidget::currentChanged, this, &MainWindow::followWorkflowUndo);
    connect(mEditors, &QTabWidget::currentChanged, this, [this] {
        if (EditorPage *page = mEditors->currentPage()) {
            if (page->function() != kInvalidNodeId)
                mRunPanel->setFunction(page->function());
        }
    });
    connect(mView, &CanvasView::nodeDoubleClicked, this, [this](NodeId id) {
        const Node *node = project()->architecture().node(id);
        const NodeKind *kind = node ? project()->catalog().kind(node->kind) : nullptr;
        if (kind && kind->code.isValid())
            mEditors->openFunction(id);
        else if (node && node->kind == Kinds::StateMachine)
            mEditors->openWorkflow(id);
    });
    // An event bus's archive and replays, and putting events on it, from its context menu.
    connect(mView, &CanvasView::nodeContextMenuRequested, this, [this](NodeId id, QMenu *menu) {
        const Node *node = project() ? project()->architecture().node(id) : nullptr;
        if (node && node->kind == Kinds::StateMachine) {
            QAction *open = menu->addAction(tr("Open &Workflow"));
            open->setObjectName(u"openWorkflowAction"_s);
            connect(open, &QAction::triggered, this, [this, id] { mEditors->openWorkflow(id); });
            return;
        }
        if (!node || node->kind != Kinds::EventBus)
            return;
        QAction *archive = menu->addAction(tr("Archive and &Replay..."));
        archive->setObjectName(u"busArchiveAction"_s);
        connect(archive, &QAction::triggered, this, [this, bus = node->name] { mCloudPanel->showArchive(bus); });
        QAction *put = menu->addAction(tr("Put &Events..."));
        put->setObjectName(u"busPutEventAction"_s);
        connect(put, &QAction::triggered, this, [this, bus = node->name] { mCloudPanel->showPutEvent(bus); });
    });
    connect(mScene, &CanvasScene::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mView, &CanvasView::filesDropped, this, [this](const QStringList &paths) {
        if (maybeSave())
            openFile(paths.first());
    });
    connect(mProjects, &ProjectManager::titleChanged, this, &MainWindow::updateTitle);
    connect(mProjects, &ProjectManager::scaffoldWritten, this, [this](const QString &file) {
        statusBar()->showMessage(file.endsWith(".asl.json"_L1)
                                     ? tr("Wrote the starter definition %1").arg(QDir::toNativeSeparators(file))
                                     : tr("Wrote the handler %1").arg(QDir::toNativeSeparators(file)),
                                 5000);
    });
    connectWorkflows();
}

void MainWindow::connectWorkflows()
{
    WorkflowHost host;
    host.startCloud = [this](QString *error) -> LocalCloud * {
        if (!mCloudPanel->isRunning() && !mCloudPanel->start(error))
            return nullptr;
        return mCloudPanel->cloud();
    };
    host.cloud = [this] { return mCloudPanel->isRunning() ? mCloudPanel->cloud() : nullptr; };
    host.history = [this] { return &mRunner->history(); };
    mEditors->setWorkflowHost(host);
    connect(mCloudPanel, &CloudPanel::runningChanged, this, [this] {
        for (EditorPage *page : mEditors->pages())
            if (auto *workflow = qobject_cast<WorkflowPage *>(page))
                workflow->runPanel()->refresh();
    });
}

void MainWindow::followWorkflowUndo()
{
    if (!project())
        return;
    QUndoGroup *group = mProjects->undoGroup();
    auto *workflow = qobject_cast<WorkflowPage *>(mEditors->currentWidget());
    QUndoStack *stack = workflow ? workflow->undoStack() : project()->undoStack();
    if (!group->stacks().contains(stack))
        group->addStack(stack);
    group->setActiveStack(stack);
}

void MainWindow::addWorkflowConnections(WorkflowPage *page)
{
    const Node *machine = project()->architecture().node(page->machine());
    page->parseNow(); // what was saved, even typed a moment ago
    if (!machine || !page->textParses())
        return;
    const int added = DerivedConnections::addMissing(*project(), page->machine(), page->definition());
    if (added > 0)
        statusBar()->showMessage(
            tr("Connected %1 to what its states use (%n connection(s))", nullptr, added).arg(machine->name), 8000);
}

// A connection that states still use is deleted all the same (Undo brings it back, and
// saving the definition adds it again): the band names the states, without stopping the user.
void MainWindow::warnAboutUsedConnections(const QList<Edge> &edges)
{
    QStringList lines;
    for (const Edge &edge : edges) {
        const QStringList states = DerivedConnections::statesUsing(*project(), edge);
        const Node *from = project()->architecture().node(edge.from);
        const Node *to = project()->architecture().node(edge.to);
        if (states.isEmpty() || !from || !to)
            continue;
        lines.append(tr("%1 %2 %3: still used by %n state(s): %4", nullptr, int(states.size()))
                         .arg(from->name, edge.type, to->name, states.join(", "_L1)));
    }
    if (lines.isEmpty())
        return;
    mNotifications->showError(tr("Connection Still Used"),
                              tr("%1. Undo (Ctrl+Z) puts it back; saving the workflow adds it again unless its "
                                 "states change.")
                                  .arg(lines.join("; "_L1)));
}

namespace {

// Makes a ProjectView follow the current project; the connection ends with the view.
template<typename View>
void follow(ProjectManager *projects, View *view)
{
    QObject::connect(projects, &ProjectManager::currentProjectChanged, view,
                     [view](Project *project) { view->setProject(project); });
}

} // namespace

// Each view (a ProjectView, and the runner and the cost view) takes the open project from
// the project manager, in this order: the local cloud stops the previous project's
// services before anything else moves on.
void MainWindow::connectProjectViews()
{
    connect(mProjects, &ProjectManager::currentProjectChanged, this, [this] {
        mCentral->setCurrentWidget(mEditors);
        mShownProblems = -1; // the Problems dock is sized for the new project's list

        // The export dialog shows one project's export and reads it while it writes: it
        // goes now (its destructor cancels and waits), not once a close is accepted.
        delete findChild<ExportDialog *>();
    });
    follow(mProjects, mCloudPanel);
    follow(mProjects, mScenarios);
    follow(mProjects, mEditors);
    connect(mProjects, &ProjectManager::currentProjectChanged, mRunner, &FunctionRunner::setProject);
    follow(mProjects, mRunPanel);
    follow(mProjects, mScene);
    // Each project opens at its own legible zoom, never at the last one's.
    connect(mProjects, &ProjectManager::currentProjectChanged, mView, &CanvasView::projectOpened);
    connect(mProjects, &ProjectManager::currentProjectChanged, this, &MainWindow::showBuildProgress);
    connect(mProjects, &ProjectManager::currentProjectChanged, mCostView,
            [this](Project *project) { mCostView->setProject(project, mRunner); });
    follow(mProjects, mInspector);
    follow(mProjects, mAutosave);
    follow(mProjects, mProblems);
    connect(mProjects, &ProjectManager::currentProjectChanged, this, [this](Project *project) {
        connect(&project->architecture(), &Architecture::changed, this, &MainWindow::updateStatus);
        updateStatus();
        const Architecture *design = &project->architecture();
        connect(design, &Architecture::nodeAdded, this, &MainWindow::rebuildWorkflowsMenu);
        connect(design, &Architecture::nodeRemoved, this, &MainWindow::rebuildWorkflowsMenu);
        connect(design, &Architecture::nodeRenamed, this, &MainWindow::rebuildWorkflowsMenu);
        connect(design, &Architecture::modelReset, this, &MainWindow::rebuildWorkflowsMenu);
        rebuildWorkflowsMenu();
    });
}

void MainWindow::createDocks()
{
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    auto *palette = new QDockWidget(tr("Palette"), this);
    palette->setObjectName(u"paletteDock"_s);
    mPalette = new PaletteWidget(Catalog::builtin(), palette);
    connect(mPalette, &PaletteWidget::kindActivated, mView, &CanvasView::addNodeAtCentre);
    palette->setWidget(mPalette);
    addDockWidget(Qt::LeftDockWidgetArea, palette);

    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(u"inspectorDock"_s);
    mInspector = new InspectorWidget(inspectorDock);
    // A rule's Test pattern box offers the events saved with its buses (Put Events...).
    mInspector->setSavedEventsSource([this](NodeId rule) {
        QList<QPair<QString, QByteArray>> events;
        if (project())
            for (const PutEventView::SavedEvent &saved :
                 PutEventView::savedEventsFor(*project(), mRunner->history(), rule))
                events.append({saved.label, saved.event});
        return events;
    });
    inspectorDock->setWidget(mInspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    connect(mScene, &QGraphicsScene::selectionChanged, this, [this] {
        const QList<NodeId> selected = mScene->selectedNodes();
        mInspector->setNode(selected.size() == 1 ? selected.first() : kInvalidNodeId);
        if (selected.size() == 1)
            mRunPanel->setFunction(selected.first()); // ignored for nodes that are not functions
        const Node *node = selected.size() == 1 ? project()->architecture().node(selected.first()) : nullptr;
        mCloudPanel->showService(node ? node->name : QString());
    });
    connect(mInspector, &InspectorWidget::fileActivated, this,
            [this](const QString &path, NodeId function) { mEditors->openFile(path, function); });
    connect(mInspector, &InspectorWidget::openCodeRequested, this,
            [this](NodeId function) { mEditors->openFunction(function); });

    mProblems = new ProblemsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, mProblems);
    connect(mProblems, &ProblemsDock::diagnosticsChanged, this, [this] {
        mScene->setDiagnostics(mProblems->diagnostics());
        updateStatus();
        // Sized to its list when a project opens, when its first problem comes or its last
        // goes, and grown (never shrunk under the user) when more come.
        const int count = int(mProblems->diagnostics().size());
        if (mShownProblems < 0 || (count == 0) != (mShownProblems == 0)
            || (count > mShownProblems && mProblems->height() < mProblems->preferredHeight()))
            fitBottomDocks();
        mShownProblems = count;
    });
    connect(mProblems, &ProblemsDock::nodeActivated, mView, &CanvasView::centreOn);
    createBottomDocks();
    sizeSideDocks();
}

// The palette and the inspector at their first widths, Problems at its list's height.
void MainWindow::sizeSideDocks()
{
    resizeDocks({findChild<QDockWidget *>(u"paletteDock"_s), findChild<QDockWidget *>(u"inspectorDock"_s)}, {200, 300},
                Qt::Horizontal);
    resizeDocks({mProblems}, {mProblems->preferredHeight()}, Qt::Vertical);
}

// The bottom docks share one height: Problems takes what its list needs (a line when the
// design has none), Run, Cost and Local Cloud at least the height they were last given.
void MainWindow::fitBottomDocks()
{
    QDockWidget *front = mFrontBottomDock;
    // Before the window shows, sizes are not yet real; showing it brings the front dock here.
    if (!isVisible() || !front || front->isHidden() || front->isFloating()
        || dockWidgetArea(front) != Qt::BottomDockWidgetArea)
        return;
    if (front == mProblems)
        resizeDocks({front}, {mProblems->preferredHeight() + tabBarHeight(front)}, Qt::Vertical);
    else if (front->height() < kMinWorkingHeight)
        resizeDocks({front}, {mBottomHeight + tabBarHeight(front)}, Qt::Vertical);
}

// A dock tabbed with others shares its height with their tab bar (resizeDocks sizes both).
int MainWindow::tabBarHeight(QDockWidget *dock) const
{
    if (tabifiedDockWidgets(dock).isEmpty())
        return 0;
    for (const QTabBar *bar : findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly)) {
        for (int i = 0; bar->isVisible() && i < bar->count(); ++i)
            if (bar->tabText(i) == dock->windowTitle())
                return bar->height();
    }
    return 0;
}

// Run, Cost and Local Cloud, tabbed with Problems below the design.
void MainWindow::createBottomDocks()
{
    auto *run = new QDockWidget(tr("Run"), this);
    run->setObjectName(u"runDock"_s);
    mRunPanel = new RunPanel(mRunner, run);
    run->setWidget(scrollable(mRunPanel));
    addDockWidget(Qt::BottomDockWidgetArea, run);
    connect(mRunPanel, &RunPanel::aboutToInvoke, this, [this](NodeId function) {
        // What runs is what the editor shows: the function's unsaved files are saved first.
        for (EditorPage *page : mEditors->pages())
            if (page->isModified()
                && (page->function() == function || mRunner->functionOfFile(page->path()) == function))
                mEditors->save(page);
    });
    connect(mRunPanel, &RunPanel::tokenRequested, this, &MainWindow::mintToken);
    connect(mRunPanel, &RunPanel::errorLocated, this,
            [this](NodeId function, const QString &file, int line, const QString &message) {
        markErrorInEditor(function, file, line, message, false);
    });
    connect(mRunPanel, &RunPanel::locationActivated, this,
            [this](NodeId function, const QString &file, int line, const QString &message) {
        markErrorInEditor(function, file, line, message, true);
    });
    connect(mRunner, &FunctionRunner::finished, this, [this](NodeId function, const InvocationResult &result) {
        if (!result.ok)
            return;
        for (EditorPage *page : mEditors->pages())
            if (page->function() == function || mRunner->functionOfFile(page->path()) == function)
                page->editor()->clearErrors();
    });
    auto *cost = new QDockWidget(tr("Cost"), this);
    cost->setObjectName(u"costDock"_s);
    mCostDock = cost;
    mCostView = new CostView(cost);
    cost->setWidget(scrollable(mCostView));
    addDockWidget(Qt::BottomDockWidgetArea, cost);

    auto *cloud = new QDockWidget(tr("Local Cloud"), this);
    cloud->setObjectName(u"cloudDock"_s);
    mCloudPanel = new CloudPanel(*mRunner, cloud);
    cloud->setWidget(scrollable(mCloudPanel));
    addDockWidget(Qt::BottomDockWidgetArea, cloud);
    mCloudDock = cloud;
    // The cloud's traffic on the canvas while it runs; a hop picked in the log shows there.
    auto *traffic = new TrafficLayer(mScene, mView, this);
    connect(mCloudPanel, &CloudPanel::runningChanged, traffic,
            [this, traffic] { traffic->setCloud(mCloudPanel->cloud()); });
    connect(mCloudPanel, &CloudPanel::runningChanged, mCostView,
            [this] { mCostView->setCloud(mCloudPanel->isRunning() ? mCloudPanel->cloud() : nullptr); });
    connect(mCloudPanel, &CloudPanel::hopActivated, traffic, &TrafficLayer::selectHop);
    connect(traffic, &TrafficLayer::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mCloudPanel, &CloudPanel::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mCloudPanel, &CloudPanel::permissionProblem, mNotifications, &NotificationBar::showError);
    createScenariosDock();
    connect(mCostView, &CostView::badgesChanged, mScene, &CanvasScene::setCostBadges);
    connect(mCostView, &CostView::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mCostView, &CostView::error, this, &MainWindow::showError);
    // The bottom docks (problems, run, cost) span the whole width: the cost charts need it.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    tabifyDockWidget(mProblems, run);
    tabifyDockWidget(run, cost);
    tabifyDockWidget(cost, cloud);
    tabifyDockWidget(cloud, mScenariosDock);
    mProblems->raise();
    mBottomDocks = {mProblems, run, cost, cloud, mScenariosDock};
    mFrontBottomDock = mProblems;
    mBottomHeight = kBottomDockHeight;
    for (QDockWidget *dock : std::as_const(mBottomDocks)) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
            if (visible) {
                mFrontBottomDock = dock;
                // Once the dock area has switched tabs.
                QTimer::singleShot(0, this, &MainWindow::fitBottomDocks);
            } else if (dock != mProblems && dock == mFrontBottomDock && dock->height() >= kMinWorkingHeight) {
                mBottomHeight = dock->height();
            }
        });
    }
    // The Run panel comes forward when a function is opened or run, but not for the
    // invocations of a running local cloud: its dock is where those are followed.
    connect(mRunner, &FunctionRunner::started, run, [this, run] {
        if (!mCloudPanel->isRunning())
            run->raise();
    });
}

// The Scenarios dock, tabbed with the other bottom docks. Runs use the saved project: an
// untitled or changed one is saved first, when the user agrees.
void MainWindow::createScenariosDock()
{
    auto *dock = new QDockWidget(tr("Scenarios"), this);
    dock->setObjectName(u"scenariosDock"_s);
    mScenarios = new ScenariosDock(dock);
    dock->setWidget(scrollable(mScenarios));
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    mScenariosDock = dock;
    mScenarios->setSaveHook([this] {
        const QString path = project()->filePath();
        if (!path.isEmpty() && QFileInfo::exists(path) && !mProjects->isModified() && !mEditors->hasUnsavedFiles())
            return true;
        const auto answer = QMessageBox::question(
            this, tr("Save Before Running Scenarios"),
            tr("Scenarios run on the saved project and keep their files beside it. Save '%1' now?")
                .arg(project()->displayName()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save && mEditors->saveAll() && save();
    });
    connect(mScenarios, &ScenariosDock::nodeActivated, this, [this](const QString &name) {
        mCentral->setCurrentWidget(mEditors);
        mEditors->setCurrentIndex(0);
        selectNode(name);
    });
    connect(mScenarios, &ScenariosDock::fileActivated, this, [this](const QString &path, int line) {
        mCentral->setCurrentWidget(mEditors);
        if (EditorPage *page = mEditors->openFile(path)) {
            mEditors->setCurrentWidget(page);
            page->editor()->goToLine(line);
        }
    });
    connect(mScenarios, &ScenariosDock::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    // Saved somewhere else (Save As): the scenarios there.
    connect(mProjects, &ProjectManager::titleChanged, mScenarios, &ScenariosDock::refresh);
    connect(mCloudPanel, &CloudPanel::saveAsScenarioRequested, this, [this](qint64 entryId) {
        QString suggested;
        for (const CloudLogEntry &entry : mCloudPanel->cloud() ? mCloudPanel->cloud()->log() : QList<CloudLogEntry>())
            if (entry.id == entryId)
                suggested = entry.source.toLower().replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
        suggested = suggested.remove(QRegularExpression(u"^-+|-+$"_s));
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save as Scenario"),
                                                   tr("Name of the scenario (its file in scenarios/):"),
                                                   QLineEdit::Normal, suggested, &ok);
        if (!ok)
            return;
        const Result<QString> written = saveRequestAsScenario(entryId, name);
        if (!written && !written.errorMessage().isEmpty())
            showError(tr("Cannot Save as Scenario"), written.errorMessage());
    });
}

void MainWindow::showScenarios()
{
    mScenariosDock->show();
    mScenariosDock->raise();
}

Result<QString> MainWindow::saveRequestAsScenario(qint64 entryId, const QString &name)
{
    if (!mCloudPanel->cloud())
        return fail(tr("The local cloud is not running: its log is gone."));
    const QString baseName = QFileInfo(name.trimmed()).completeBaseName();
    const QList<CloudLogEntry> &log = mCloudPanel->cloud()->log();
    // The log keeps no bodies; the function's run history does: the invocation of this
    // method and path received nearest the request's time (within 2 s, the cloud's clock
    // not moved) gives the body sent and the answer.
    ScenarioScaffold::Exchange exchange;
    const auto request = std::find_if(log.cbegin(), log.cend(),
                                      [entryId](const CloudLogEntry &e) { return e.id == entryId; });
    const Node *function = request != log.cend() ? project()->architecture().nodeByName(request->target) : nullptr;
    if (function && function->kind == Kinds::Function) {
        const QString method = request->source.section(' '_L1, 0, 0);
        const QString path = request->source.section(' '_L1, 1);
        qint64 nearest = 2001;
        for (const RunHistory::Entry &invocation : mRunner->history().entries(function->id, 200)) {
            const std::optional<ScenarioScaffold::Exchange> found = ScenarioScaffold::exchangeOf(
                invocation.event, invocation.result.resultJson, method, path);
            const qint64 time = ScenarioScaffold::eventTime(invocation.event);
            if (!found || time == 0)
                continue;
            const qint64 distance = qAbs(time - request->when.toMSecsSinceEpoch());
            if (distance < nearest) {
                nearest = distance;
                exchange = *found;
            }
        }
    }
    const Result<QByteArray> yaml = ScenarioScaffold::fromRequest(log, entryId, project()->architecture(), baseName,
                                                                  exchange);
    if (!yaml)
        return yaml.error();
    const Result<QString> written = mScenarios->writeScenario(name, *yaml);
    if (written)
        showScenarios();
    return written;
}

QAction *MainWindow::addAction(QMenu *menu, const QByteArray &id, const QString &text, const QKeySequence &keys)
{
    QAction *action = menu->addAction(text);
    if (!keys.isEmpty())
        action->setShortcut(keys);
    mActions->registerAction(id, action);
    return action;
}

// One function per menu; a new menu item goes into its menu's function, with an id in
// ActionIds.
void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenu();
    createRunMenu();
    createCostMenu();
    createViewMenu();
    createSettingsMenu();
    createHelpMenu();
    rebuildExamplesMenu();
    rebuildRecentMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    connect(addAction(file, ActionIds::New, tr("&New"), QKeySequence::New), &QAction::triggered, this, [this] {
        if (maybeSave())
            newProject();
    });
    QAction *open = addAction(file, ActionIds::Open, tr("&Open..."), QKeySequence::Open);
    open->setObjectName(u"openAction"_s);
    connect(open, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), fileFilter());
        if (!path.isEmpty())
            openFile(path);
    });
    mExamplesMenu = file->addMenu(tr("Open &Example"));
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    addSaveActions(file);
    QAction *closeProject = addAction(file, ActionIds::CloseProject, tr("Close &Project"),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    closeProject->setObjectName(u"closeProjectAction"_s);
    connect(closeProject, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        newProject();
        showWelcome();
    });
    file->addSeparator();
    connect(addAction(file, ActionIds::ExportDiagram, tr("Export &Diagram...")), &QAction::triggered, this,
            &MainWindow::exportDiagram);
    QAction *exportAction = addAction(file, ActionIds::Export, tr("&Export to Platform..."),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setObjectName(u"exportAction"_s);
    exportAction->setStatusTip(tr("Write deployment files for AWS SAM, Serverless Framework, Terraform, Knative, "
                                  "OpenFaaS, Azure Functions, Cloud Run or Scaleway"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);
    QAction *importAction = addAction(file, ActionIds::Import, tr("&Import Template..."));
    importAction->setObjectName(u"importAction"_s);
    importAction->setStatusTip(tr("Open an AWS SAM or CloudFormation template, or a serverless.yml, as a new project"));
    connect(importAction, &QAction::triggered, this, &MainWindow::askImport);
    file->addSeparator();
    QAction *quit = addAction(file, ActionIds::Quit, tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

// Save, Save Project, Save As, Save All and Close File.
void MainWindow::addSaveActions(QMenu *file)
{
    QAction *saveCurrent = addAction(file, ActionIds::Save, tr("&Save"), QKeySequence::Save);
    saveCurrent->setToolTip(tr("Save the file being edited, or the project when the design is shown"));
    connect(saveCurrent, &QAction::triggered, this, &MainWindow::saveCurrent);
    QAction *saveProject = addAction(file, ActionIds::SaveProject, tr("Save &Project"));
    saveProject->setObjectName(u"saveProjectAction"_s);
    connect(saveProject, &QAction::triggered, this, &MainWindow::save);
    connect(addAction(file, ActionIds::SaveAs, tr("Save Project &As..."), QKeySequence::SaveAs), &QAction::triggered,
            this, &MainWindow::saveAs);
    connect(addAction(file, ActionIds::SaveAll, tr("Save A&ll"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)),
            &QAction::triggered, this, [this] {
                if (mEditors->saveAll())
                    save();
            });
    connect(addAction(file, ActionIds::CloseFile, tr("&Close File"), QKeySequence::Close), &QAction::triggered, this,
            [this] {
        if (EditorPage *page = mEditors->currentPage())
            mEditors->closePage(page);
    });
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Made once: they follow the open project's stack through the undo group.
    QAction *undo = mProjects->undoGroup()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = mProjects->undoGroup()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    mActions->registerAction(ActionIds::Undo, undo);
    mActions->registerAction(ActionIds::Redo, redo);
    edit->addSeparator();
    addCanvasActions(edit);
    edit->addSeparator();
    addEditorActions(edit);
}

// Canvas editing keys act only while the canvas has focus, not in text fields.
void MainWindow::addCanvasActions(QMenu *edit)
{
    auto canvasAction = [this, edit](const char *id, const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, mView);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, mView, slot);
        mView->addAction(action);
        edit->addAction(action);
        mActions->registerAction(id, action);
    };
    canvasAction(ActionIds::Cut, tr("Cu&t"), {QKeySequence::Cut}, &CanvasView::cutSelection);
    canvasAction(ActionIds::Copy, tr("&Copy"), {QKeySequence::Copy}, &CanvasView::copySelection);
    canvasAction(ActionIds::Paste, tr("&Paste"), {QKeySequence::Paste}, &CanvasView::paste);
    canvasAction(ActionIds::Duplicate, tr("D&uplicate"), {QKeySequence(Qt::CTRL | Qt::Key_D)},
                 &CanvasView::duplicateSelection);
    canvasAction(ActionIds::Delete, tr("&Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)},
                 &CanvasView::deleteSelection);
    canvasAction(ActionIds::Rename, tr("Re&name"), {QKeySequence(Qt::Key_F2)}, &CanvasView::renameSelected);
    canvasAction(ActionIds::SelectAll, tr("Select &All"), {QKeySequence::SelectAll}, [this] {
        for (QGraphicsItem *item : mScene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
    });
}

// Editing code: these act on the editor tab shown.
void MainWindow::addEditorActions(QMenu *edit)
{
    auto pageAction = [this, edit](const char *id, const QString &text, const QKeySequence &keys, auto slot) {
        connect(addAction(edit, id, text, keys), &QAction::triggered, this, [this, slot] {
            if (EditorPage *page = mEditors->currentPage())
                slot(page);
        });
    };
    pageAction(ActionIds::Find, tr("&Find..."), QKeySequence::Find,
               [](EditorPage *p) { p->findBar()->activate(false); });
    pageAction(ActionIds::FindReplace, tr("Find and &Replace..."), QKeySequence(Qt::CTRL | Qt::Key_H),
               [](EditorPage *p) { p->findBar()->activate(true); });
    pageAction(ActionIds::FindNext, tr("Find &Next"), QKeySequence::FindNext,
               [](EditorPage *p) { p->findBar()->findNext(); });
    pageAction(ActionIds::FindPrevious, tr("Find Pre&vious"), QKeySequence::FindPrevious,
               [](EditorPage *p) { p->findBar()->findNext(true); });
    pageAction(ActionIds::GoToLine, tr("&Go to Line..."), QKeySequence(Qt::CTRL | Qt::Key_G),
               [](EditorPage *p) { p->editor()->askGoToLine(); });
    pageAction(ActionIds::ToggleComment, tr("Toggle &Comment"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
               [](EditorPage *p) { p->editor()->toggleComment(); });
    pageAction(ActionIds::Complete, tr("Complete"), QKeySequence(Qt::CTRL | Qt::Key_Space),
               [](EditorPage *p) { p->editor()->complete(); });
}

void MainWindow::createRunMenu()
{
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    QAction *invoke = addAction(run, ActionIds::Invoke, tr("&Invoke Function"));
    invoke->setObjectName(u"invokeAction"_s);
    invoke->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(invoke, &QAction::triggered, this, &MainWindow::invokeFunction);
    connect(addAction(run, ActionIds::OpenCode, tr("&Open Function Code"), QKeySequence(Qt::CTRL | Qt::Key_E)),
            &QAction::triggered, this, [this] {
                const QList<NodeId> selected = mScene->selectedNodes();
                if (selected.size() == 1)
                    mEditors->openFunction(selected.first());
                else if (mRunPanel->function() != kInvalidNodeId)
                    mEditors->openFunction(mRunPanel->function());
            });
    connect(addAction(run, ActionIds::ShowDesign, tr("Show &Design"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)),
            &QAction::triggered, this, [this] { mEditors->setCurrentIndex(0); });
    mWorkflowsMenu = run->addMenu(tr("Open &Workflow"));
    mWorkflowsMenu->setObjectName(u"workflowsMenu"_s);
    rebuildWorkflowsMenu();
    QAction *token = addAction(run, ActionIds::MintToken, tr("Mint &Token..."));
    token->setToolTip(tr("A token of the design's user pool, to call a protected route"));
    connect(token, &QAction::triggered, this, &MainWindow::mintToken);
    run->addSeparator();
    QAction *runScenarios = addAction(run, ActionIds::RunScenarios, tr("Run &Scenarios"),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    runScenarios->setToolTip(tr("Run every scenario of the project, each on a fresh local cloud"));
    connect(runScenarios, &QAction::triggered, this, [this] {
        showScenarios();
        mScenarios->runAll();
    });
    connect(addAction(run, ActionIds::NewScenario, tr("&New Scenario...")), &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New Scenario"),
                                                   tr("Name of the scenario (its file in scenarios/):"),
                                                   QLineEdit::Normal, u"new-scenario"_s, &ok);
        if (!ok)
            return;
        const Result<QString> written = mScenarios->createScenario(name);
        if (!written) {
            if (!written.errorMessage().isEmpty())
                showError(tr("Cannot Write Scenario"), written.errorMessage());
            return;
        }
        showScenarios();
        if (EditorPage *page = mEditors->openFile(*written))
            page->editor()->goToLine(1);
    });
}

void MainWindow::createCostMenu()
{
    QMenu *cost = menuBar()->addMenu(tr("&Cost"));
    connect(
        addAction(cost, ActionIds::CompareCosts, tr("Compare &Costs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)),
        &QAction::triggered, this, &MainWindow::showCost);
    connect(addAction(cost, ActionIds::SaveCostReport, tr("Save Cost &Report...")), &QAction::triggered, mCostView,
            &CostView::saveReport);
    connect(addAction(cost, ActionIds::UpdatePricesFromLists, tr("Update &Prices...")), &QAction::triggered, this,
            [this] {
        auto *dialog = new PriceUpdateDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setPricingDirectory(mCostView->pricingDirectory());
        connect(dialog, &PriceUpdateDialog::installed, mCostView, &CostView::setPricingDirectory); // reloads them
        dialog->open();
    });
    connect(addAction(cost, ActionIds::UpdatePrices, tr("&Update Prices from URL...")), &QAction::triggered, mCostView,
            &CostView::updatePricesFromUrl);
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = addAction(view, ActionIds::ZoomIn, tr("Zoom &In"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn, &QAction::triggered, mView, &CanvasView::zoomIn);
    connect(addAction(view, ActionIds::ZoomOut, tr("Zoom &Out"), QKeySequence::ZoomOut), &QAction::triggered, mView,
            &CanvasView::zoomOut);
    connect(addAction(view, ActionIds::ActualSize, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0)),
            &QAction::triggered, mView, [this] { mView->setZoom(1.0); });
    QAction *fit = addAction(view, ActionIds::FitToView, tr("&Fit to View"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    fit->setToolTip(tr("Fit the design at a size you can read; again, to see all of a large design"));
    connect(fit, &QAction::triggered, mView, &CanvasView::fitToView);
    connect(addAction(view, ActionIds::AutoLayout, tr("Auto &Layout"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
            &QAction::triggered, mView, &CanvasView::autoLayout);
    QAction *snap = addAction(view, ActionIds::SnapToGrid, tr("&Snap to Grid"));
    snap->setObjectName(u"snapToGridAction"_s);
    snap->setCheckable(true);
    snap->setChecked(QSettings().value(u"canvas/snapToGrid"_s, true).toBool());
    mScene->setSnapToGrid(snap->isChecked());
    connect(snap, &QAction::toggled, this, [this](bool on) {
        mScene->setSnapToGrid(on);
        QSettings().setValue(u"canvas/snapToGrid"_s, on);
    });
    QAction *palette = addAction(view, ActionIds::CommandPalette, tr("Command &Palette..."),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    palette->setObjectName(u"commandPaletteAction"_s);
    connect(palette, &QAction::triggered, this, &MainWindow::showCommandPalette);
    mView->setCommandPaletteShortcut(palette->shortcut());
    addGoToMenu(view);
    QAction *reset = addAction(view, ActionIds::ResetLayout, tr("&Reset Layout"));
    reset->setToolTip(tr("Put every panel back where it was when the studio was first opened"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        view->addAction(dock->toggleViewAction());
        mActions->registerAction(ActionIds::ToggleDock + dock->objectName().toUtf8(), dock->toggleViewAction());
    }
}

// Alt+0 .. Alt+6 put the keyboard in the design or in a dock, shown and in front.
void MainWindow::addGoToMenu(QMenu *view)
{
    QMenu *goTo = view->addMenu(tr("&Go To"));
    QAction *toDesign = addAction(goTo, ActionIds::GoToDesign, tr("&Design"), QKeySequence(Qt::ALT | Qt::Key_0));
    toDesign->setObjectName(u"goToDesign"_s);
    connect(toDesign, &QAction::triggered, this, [this] {
        mCentral->setCurrentWidget(mEditors);
        mView->setFocus(Qt::ShortcutFocusReason);
    });
    const QList<QPair<const char *, QString>> docks = {
        {"paletteDock", tr("&Palette")},    {"inspectorDock", tr("&Inspector")},
        {"problemsDock", tr("P&roblems")},  {"runDock", tr("R&un")},
        {"costDock", tr("&Cost")},          {"cloudDock", tr("&Local Cloud")},
        {"scenariosDock", tr("&Scenarios")}};
    for (int i = 0; i < docks.size(); ++i) {
        QDockWidget *dock = findChild<QDockWidget *>(QLatin1String(docks.at(i).first));
        if (!dock)
            continue;
        QAction *go = addAction(goTo, ActionIds::GoToDock + QByteArray(docks.at(i).first), docks.at(i).second,
                                QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        go->setObjectName(u"goTo"_s + QLatin1String(docks.at(i).first));
        connect(go, &QAction::triggered, this, [dock] {
            dock->show();
            dock->raise();
            // The first control of the dock that takes the keyboard.
            const QList<QWidget *> children = dock->widget()->findChildren<QWidget *>();
            const auto first = std::find_if(children.cbegin(), children.cend(), [](QWidget *w) {
                return w->isVisibleTo(w->window()) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
            });
            (first != children.cend() ? *first : dock->widget())->setFocus(Qt::ShortcutFocusReason);
        });
    }
}

// Settings: the language (at the next start) and every other preference.
void MainWindow::createSettingsMenu()
{
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QMenu *languageMenu = settings->addMenu(tr("&Language"));
    languageMenu->setObjectName(u"languageMenu"_s);
    auto *languages = new QActionGroup(languageMenu);
    QList<QPair<QString, QString>> choices{{QString(), tr("System Language")}};
    choices += Preferences::languages();
    for (const auto &[code, name] : choices) {
        const QString id = code.isEmpty() ? u"system"_s : code;
        QAction *choice = addAction(languageMenu, ActionIds::Language + id.toUtf8(), name);
        choice->setObjectName(u"language_"_s + id);
        choice->setCheckable(true);
        choice->setChecked(Preferences::instance().language() == code);
        languages->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code] {
            Preferences::instance().setLanguage(code);
            // It applies at the next start: offered now, once.
            if (code != Preferences::startedLanguage() && !findChild<RestartPrompt *>())
                (new RestartPrompt(this))->open();
        });
    }
    QAction *preferences = addAction(settings, ActionIds::Preferences, tr("Pr&eferences..."));
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> preferenceKeys{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    if (!QKeySequence(QKeySequence::Preferences).isEmpty()
        && QKeySequence(QKeySequence::Preferences) != preferenceKeys.first())
        preferenceKeys.prepend(QKeySequence(QKeySequence::Preferences));
    preferences->setShortcuts(preferenceKeys);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *plugins = addAction(help, ActionIds::Plugins, tr("&Plugins..."));
    plugins->setObjectName(u"pluginsAction"_s);
    connect(plugins, &QAction::triggered, this, &MainWindow::showPlugins);
    connect(addAction(help, ActionIds::About, tr("&About Nimbus Studio")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Nimbus Studio"),
                           tr("<h3>Nimbus Studio %1</h3><p>Design serverless architectures, run their functions "
                              "locally, compare their cost and export them to the platform of your choice.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

// The tool bar: New, Open, Save, Undo, Redo and Fit as icons, then what a user comes for,
// named beside its icon: Run, Local Cloud, Cost and Export. Its icons take the theme's
// colours (Theme::icon). The local cloud's address shows in the status bar.
void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Tool Bar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setIconSize(QSize(20, 20));
    const auto add =
        [this, bar](const char *id, const char *icon, const QString &label = QString(), const char *checkedIcon = "") {
        QAction *action = mActions->action(id);
        action->setIcon(Theme::icon(QLatin1String(icon), QLatin1String(checkedIcon)));
        bar->addAction(action);
        if (!label.isEmpty()) {
            action->setIconText(label);
            if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action)))
                button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
    };
    add(ActionIds::New, "new");
    add(ActionIds::Open, "open");
    add(ActionIds::Save, "save");
    bar->addSeparator();
    add(ActionIds::Undo, "undo");
    add(ActionIds::Redo, "redo");
    add(ActionIds::FitToView, "fit");
    bar->addSeparator();
    add(ActionIds::Invoke, "run", tr("Run"));
    QAction *cloudAction = new QAction(tr("Local Cloud"), this);
    cloudAction->setObjectName(u"localCloudAction"_s);
    mActions->registerAction(ActionIds::LocalCloud, cloudAction);
    add(ActionIds::LocalCloud, "cloud", tr("Local Cloud"), "cloud-stop");
    add(ActionIds::CompareCosts, "cost", tr("Cost"));
    add(ActionIds::Export, "export", tr("Export"));
    cloudAction->setCheckable(true);
    const QString startTip = tr("Start the local cloud: run the whole design on this machine (the HTTP gateway, "
                                "queues, topics, buckets, tables and schedules)");
    cloudAction->setToolTip(startTip);
    connect(cloudAction, &QAction::triggered, this, [this, cloudAction](bool on) {
        QString error;
        if (on && !mCloudPanel->start(&error)) {
            cloudAction->setChecked(false);
            showError(tr("Cannot Start the Local Cloud"), error);
        } else if (!on) {
            mCloudPanel->stop();
        }
        if (on && mCloudPanel->isRunning()) {
            mCloudDock->show();
            mCloudDock->raise();
        }
    });
    connect(mCloudPanel, &CloudPanel::runningChanged, this,
            [this, cloudAction, startTip](bool running, const QString &address) {
        cloudAction->setChecked(running);
        cloudAction->setToolTip(running ? tr("Stop the local cloud running at %1").arg(address) : startTip);
        mCloudStatus->setText(running ? tr("Local cloud: %1 (AWS endpoint %2)").arg(address, mCloudPanel->awsEndpoint())
                                      : tr("Local cloud: stopped"));
    });
    mCloudStatus->setText(tr("Local cloud: stopped"));
    // The running cloud's clock, to pause, advance or run until the next thing due.
    auto *clock = new ClockWidget(bar);
    clock->setObjectName(u"cloudClock"_s);
    bar->addSeparator();
    bar->addWidget(clock);
    connect(mCloudPanel, &CloudPanel::runningChanged, clock,
            [this, clock](bool running) { clock->setCloud(running ? mCloudPanel->cloud() : nullptr); });
    connect(clock, &ClockWidget::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
}

void MainWindow::showWelcome()
{
    mWelcome->refresh(QSettings().value(kRecentKey).toStringList());
    mCentral->setCurrentWidget(mWelcomeArea);
}

bool MainWindow::isWelcomeShown() const
{
    return mCentral->currentWidget() == mWelcomeArea;
}

void MainWindow::setProject(Project *project, bool untitled, std::unique_ptr<QTemporaryDir> workingCopy)
{
    // Another project opened while an import runs: the import would replace it later.
    cancelImport();
    mProjects->setProject(project, untitled, std::move(workingCopy));
}

// A big design is drawn a slice at a time; past 200 ms a dialog shows how far, and Cancel
// abandons the project.
void MainWindow::showBuildProgress()
{
    if (!mScene->isBuilding())
        return;
    auto *progress = new QProgressDialog(tr("Drawing the design..."), tr("Cancel"), 0, 0, this);
    progress->setObjectName(u"drawProgress"_s);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(200);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(mScene, &CanvasScene::buildProgress, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
    });
    connect(mScene, &CanvasScene::buildFinished, progress, [this, progress] {
        progress->disconnect(this); // closing a progress dialog reports a cancel
        progress->close();
        mView->projectOpened();
    });
    connect(progress, &QProgressDialog::canceled, this, [this, progress] {
        progress->disconnect(this);
        progress->deleteLater();
        newProject();
        showWelcome();
        statusBar()->showMessage(tr("Opening cancelled"), 5000);
    });
}

void MainWindow::showCost()
{
    mCostDock->show();
    mCostDock->raise();
    resizeDocks({mCostDock}, {std::max(420, height() / 2)}, Qt::Vertical);
}

void MainWindow::newProject()
{
    // A new project's functions need a folder before it is saved; Save As moves them.
    auto folder = std::make_unique<QTemporaryDir>();
    auto *project = new Project(Catalog::builtin());
    if (folder->isValid())
        project->setWorkingDirectory(folder->path());
    setProject(project, true, std::move(folder));
}

bool MainWindow::openFile(const QString &path)
{
    auto project = std::make_unique<Project>(Catalog::builtin());
    ProjectFile file;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<void> loaded = file.load(path, *project);
    QApplication::restoreOverrideCursor();
    if (!loaded) {
        showError(tr("Cannot Open Project"), loaded.errorMessage());
        return false;
    }
    setProject(project.release(), false);
    addRecentFile(this->project()->filePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(this->project()->filePath())), 5000);
    return true;
}

bool MainWindow::openExample(const QString &name)
{
    const QDir source(Paths::examplesDirectory() + '/'_L1 + name);
    const QString projectFile = source.filePath(name + ".nimbus"_L1);
    if (!QFileInfo::exists(projectFile)) {
        showError(
            tr("Cannot Open Example"),
            tr("The example '%1' is not installed (looked in %2).").arg(name, QDir::toNativeSeparators(source.path())));
        return false;
    }
    // The user works on a copy; the bundled example stays pristine.
    auto copy = std::make_unique<QTemporaryDir>();
    if (!copy->isValid()) {
        showError(tr("Cannot Open Example"), copy->errorString());
        return false;
    }
    QDirIterator it(source.path(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = QDir(copy->path()).filePath(source.relativeFilePath(from));
        QDir().mkpath(QFileInfo(to).absolutePath());
        if (!QFile::copy(from, to)) {
            showError(tr("Cannot Open Example"), tr("Cannot copy %1.").arg(QDir::toNativeSeparators(from)));
            return false;
        }
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    }
    auto project = std::make_unique<Project>(Catalog::builtin());
    ProjectFile file;
    if (const Result<void> loaded = file.load(QDir(copy->path()).filePath(name + ".nimbus"_L1), *project); !loaded) {
        showError(tr("Cannot Open Example"), loaded.errorMessage());
        return false;
    }
    setProject(project.release(), true, std::move(copy));
    statusBar()->showMessage(tr("Opened the example '%1'; Save asks where to keep your copy.").arg(name), 8000);
    return true;
}

ExportDialog *MainWindow::showExportDialog()
{
    auto *dialog = findChild<ExportDialog *>();
    if (!dialog) {
        dialog = new ExportDialog(*project(), PluginRegistry::instance(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ExportDialog::nodeActivated, this, [this](NodeId id) {
            if (const Node *node = project()->architecture().node(id))
                selectNode(node->name);
        });
        connect(dialog, &ExportDialog::finished, this,
                [this](bool, const QString &message) { statusBar()->showMessage(message, 8000); });
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::askImport()
{
    if (!maybeSave())
        return;
    QStringList patterns;
    for (const ImporterInterface *importer : PluginRegistry::instance().importers())
        patterns.append(importer->fileNameFilters());
    patterns.removeDuplicates();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Template"), QString(),
                                                      tr("Templates (%1);;All files (*)").arg(patterns.join(' '_L1)));
    if (!path.isEmpty())
        startImport(path);
}

bool MainWindow::importFile(const QString &path)
{
    startImport(path);
    bool ok = false;
    QEventLoop loop;
    connect(this, &MainWindow::importFinished, &loop, [&loop, &ok](bool done) {
        ok = done;
        loop.quit();
    });
    loop.exec();
    return ok;
}

void MainWindow::startImport(const QString &path)
{
    cancelImport();
    mImport = new TemplateImport(path, this);
    mImportProgress = new QWidget(this);
    mImportProgress->setObjectName(u"importProgress"_s);
    auto *layout = new QHBoxLayout(mImportProgress);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Importing %1...").arg(QFileInfo(path).fileName()), mImportProgress));
    auto *bar = new QProgressBar(mImportProgress);
    bar->setRange(0, 0); // busy: a reader cannot say how far it is
    bar->setMaximumWidth(160);
    bar->setAccessibleName(tr("Import progress"));
    layout->addWidget(bar);
    auto *cancel = new QPushButton(tr("Cancel"), mImportProgress);
    cancel->setObjectName(u"importCancel"_s);
    layout->addWidget(cancel);
    statusBar()->addWidget(mImportProgress);
    connect(cancel, &QPushButton::clicked, this, [this] {
        cancelImport();
        statusBar()->showMessage(tr("Import cancelled"), 5000);
    });
    connect(mImport, &TemplateImport::finished, this, [this](bool ok) {
        TemplateImport *import = std::exchange(mImport, nullptr);
        import->deleteLater();
        delete std::exchange(mImportProgress, nullptr);
        if (!ok) {
            showError(tr("Cannot Import"), import->errorString());
        } else if (!maybeSave()) { // the open project was edited while the import ran
            ok = false;
            statusBar()->showMessage(tr("Import cancelled"), 5000);
        } else {
            applyImport(import);
        }
        emit importFinished(ok);
    });
    mImport->start();
}

void MainWindow::cancelImport()
{
    if (!mImport)
        return;
    mImport->cancel();
    delete std::exchange(mImport, nullptr);
    // Cancel may be the click being handled: its widget goes once the click is over.
    QWidget *progress = std::exchange(mImportProgress, nullptr);
    progress->hide();
    progress->setObjectName({});
    progress->deleteLater();
    emit importFinished(false);
}

bool MainWindow::isImporting() const
{
    return mImport != nullptr;
}

// Back on the GUI thread: the imported project becomes the open one (unsaved).
void MainWindow::applyImport(TemplateImport *import)
{
    const QString path = import->path();
    setProject(import->takeProject(), true);
    QStringList lines;
    for (const Diagnostic &d : import->notes())
        lines.append(d.message);
    statusBar()->showMessage(tr("Imported %1: %n node(s); what the canvas does not show is kept for export", nullptr,
                                project()->architecture().nodeCount())
                                 .arg(QDir::toNativeSeparators(path)),
                             10000);
    mImportNotes = lines;
    // What was approximated or kept without being shown, said once, without blocking.
    if (!lines.isEmpty() && QGuiApplication::platformName() != "offscreen"_L1) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Imported"),
                                    tr("%1 is open as a new project. Some of it is kept for export without being "
                                       "shown on the canvas.")
                                        .arg(QFileInfo(path).fileName()),
                                    QMessageBox::Ok, this);
        box->setDetailedText(lines.join('\n'_L1));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void MainWindow::showPlugins()
{
    auto *dialog = new PluginsDialog(PluginRegistry::instance(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

bool MainWindow::exportDiagram()
{
    const bool selectionOnly = !mScene->selectedNodes().isEmpty();
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, selectionOnly ? tr("Export Selection as Diagram") : tr("Export Diagram"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(project()->displayName() + ".svg"_L1),
        tr("SVG image (*.svg);;PNG image (*.png)"), &filter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains("png"_L1) ? ".png"_L1 : ".svg"_L1;
    return exportDiagramTo(path, selectionOnly);
}

bool MainWindow::exportDiagramTo(const QString &path, bool selectionOnly)
{
    DiagramExport exporter(mScene);
    exporter.setSelectionOnly(selectionOnly);
    const bool ok = path.endsWith(".png"_L1, Qt::CaseInsensitive) ? exporter.writePng(path) : exporter.writeSvg(path);
    if (!ok) {
        showError(tr("Cannot Export Diagram"), exporter.errorString());
        return false;
    }
    statusBar()->showMessage(tr("Exported the diagram to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

int MainWindow::offerRecovery(const std::function<bool(const QString &, const QDateTime &)> &ask)
{
    int recovered = 0;
    for (const Autosave::Entry &entry : Autosave::pending()) {
        const QString name = entry.originalFile.isEmpty() ? entry.name : QDir::toNativeSeparators(entry.originalFile);
        bool wanted = false;
        if (ask) {
            wanted = ask(name, entry.savedAt);
        } else {
            wanted = QMessageBox::question(
                         this, tr("Recover Unsaved Changes"),
                         tr("Nimbus Studio did not close properly. Recover the unsaved changes to "
                            "'%1' from %2?")
                             .arg(name, QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)),
                         QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
                     == QMessageBox::Yes;
        }
        if (wanted && (!mProjects->isModified() || maybeSave())) {
            auto project = std::make_unique<Project>(Catalog::builtin());
            ProjectFile file;
            if (const Result<void> loaded = file.load(entry.recoveryFile, *project); !loaded) {
                showError(tr("Cannot Recover"), loaded.errorMessage());
                continue;
            }
            // Back where it was saved, with its changes still unsaved.
            project->setFilePath(entry.originalFile);
            project->undoStack()->resetClean();
            setProject(project.release(), entry.originalFile.isEmpty());
            ++recovered;
        }
        Autosave::discard(entry);
    }
    if (recovered > 0)
        mAutosave->saveNow(); // this session now guards the recovered changes
    return recovered;
}

void MainWindow::selectNode(const QString &name)
{
    // A big design may still be drawing: select once its node is there.
    if (mScene->isBuilding()) {
        connect(
            mScene, &CanvasScene::buildFinished, this, [this, name] { selectNode(name); }, Qt::SingleShotConnection);
        return;
    }
    if (const Node *node = project()->architecture().nodeByName(name))
        mView->reveal(node->id);
}

bool MainWindow::saveCurrent()
{
    if (EditorPage *page = mEditors->currentPage())
        return mEditors->save(page);
    return save();
}

bool MainWindow::openFunctionCode(const QString &functionName)
{
    const Node *node = project()->architecture().nodeByName(functionName);
    return node && mEditors->openFunction(node->id);
}

bool MainWindow::invokeFunction()
{
    // From a function's editor tab, that function runs.
    if (EditorPage *page = mEditors->currentPage()) {
        const NodeId function = page->function() != kInvalidNodeId ? page->function()
                                                                   : mRunner->functionOfFile(page->path());
        if (function != kInvalidNodeId)
            mRunPanel->setFunction(function);
    }
    if (mRunPanel->function() == kInvalidNodeId) {
        statusBar()->showMessage(tr("Select a function to invoke, or open its code."), 5000);
        return false;
    }
    return mRunPanel->invoke();
}

void MainWindow::markErrorInEditor(NodeId function, const QString &file, int line, const QString &message, bool reveal)
{
    EditorPage *page = mEditors->page(file);
    EditorPage *current = mEditors->currentPage();
    // An error in the code being edited opens where it is; otherwise it waits for a click.
    const bool sameFunction =
        current && (current->function() == function || mRunner->functionOfFile(current->path()) == function);
    if (!page && (reveal || sameFunction))
        page = mEditors->openFile(file, function);
    if (!page)
        return;
    page->editor()->markError(line, message);
    if (reveal || sameFunction) {
        mEditors->setCurrentWidget(page);
        page->editor()->goToLine(line);
    }
}

bool MainWindow::save()
{
    if (mProjects->isUntitled() || project()->filePath().isEmpty())
        return saveAs();
    return saveTo(project()->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested = project()->displayName() + ".nimbus"_L1;
    if (!mProjects->isUntitled())
        suggested = project()->filePath();
    else
        suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(suggested);
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".nimbus"_L1;
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    // Saving under another name copies the run history from the file: the runs still
    // queued for it are written first, and those that could not be are said.
    const Result<void> historyWritten = mRunner->history().flush();
    ProjectFile file;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<void> saved = file.save(*project(), path);
    QApplication::restoreOverrideCursor();
    if (!saved) {
        showError(tr("Cannot Save Project"), saved.errorMessage());
        return false;
    }
    mProjects->markSavedAt();
    addRecentFile(project()->filePath());
    if (!historyWritten)
        showError(tr("Run History Not Saved"),
                  tr("The project is saved, but some runs could not be written to its run history: %1")
                      .arg(historyWritten.errorMessage()));
    if (!file.warnings().isEmpty())
        QMessageBox::warning(this, tr("Saved Without Some Files"), file.warnings().join('\n'_L1));
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(project()->filePath())), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!mEditors->maybeSaveAll())
        return false;
    if (!mProjects->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("The project '%1' has changes that are not saved. Save them?").arg(project()->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::resetLayout()
{
    restoreState(mDefaultLayout, kLayoutVersion);
    mProblems->raise();
    sizeSideDocks();
    fitBottomDocks();
}

bool MainWindow::restoreLayout()
{
    // What cannot be read changes nothing: the default layout stays. Qt reads a geometry cut
    // short without noticing, so what was saved is checked whole first.
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    const QByteArray layout = settings.value(kLayoutKey).toByteArray();
    const bool intact = settings.value(kLayoutChecksumKey).toUInt() == qChecksum(geometry + layout);
    const bool placed = intact && restoreGeometry(geometry);
    if (!placed)
        resize(kDefaultSize);
    const bool docked = intact && restoreState(layout, kLayoutVersion);
    return placed && docked;
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    const QByteArray geometry = saveGeometry();
    const QByteArray layout = saveState(kLayoutVersion);
    settings.setValue(kGeometryKey, geometry);
    settings.setValue(kLayoutKey, layout);
    settings.setValue(kLayoutChecksumKey, qChecksum(geometry + layout));
}

void MainWindow::updateTitle()
{
    if (!project())
        return;
    QString name = project()->displayName();
    if (!mProjects->isUntitled())
        name = QFileInfo(project()->filePath()).fileName();
    setWindowTitle(tr("%1[*] - Nimbus Studio").arg(name));
    setWindowModified(mProjects->isModified() || mEditors->hasUnsavedFiles());
}

void MainWindow::updateStatus()
{
    if (!project())
        return;
    const Architecture &a = project()->architecture();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : mProblems->diagnostics()) {
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    mStatusCounts->setText(
        tr("%n node(s)", nullptr, a.nodeCount()) + u" \u00b7 "_s + tr("%n connection(s)", nullptr, a.edgeCount())
        + u" \u00b7 "_s + tr("%n error(s)", nullptr, errors) + u" \u00b7 "_s + tr("%n warning(s)", nullptr, warnings));
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kRecentKey, files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    mRecentMenu->clear();
    const QStringList files = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : files) {
        QAction *action = addAction(mRecentMenu, ActionIds::OpenRecent + path.toUtf8(), QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    if (!files.isEmpty())
        mRecentMenu->addSeparator();
    QAction *clear = addAction(mRecentMenu, ActionIds::ClearRecent, tr("&Clear List"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(kRecentKey);
        rebuildRecentMenu();
    });
}

TokenDialog *MainWindow::mintToken()
{
    if (!mTokenDialog) {
        mTokenDialog = new TokenDialog(project(), mCloudPanel->isRunning() ? mCloudPanel->address() : QString(), this);
        mTokenDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(mTokenDialog, &TokenDialog::useInEvent, this, [this](const QByteArray &token) {
            const QJsonDocument event = QJsonDocument::fromJson(mRunPanel->eventEditor()->text().toUtf8());
            const Result<QJsonObject> withToken = TokenDialog::withToken(event.object(), token);
            if (!withToken) {
                mTokenDialog->messageLabel()->setText(withToken.errorMessage());
                return;
            }
            mRunPanel->eventEditor()->setText(
                QString::fromUtf8(QJsonDocument(*withToken).toJson(QJsonDocument::Indented)));
            mTokenDialog->messageLabel()->setText(tr("The Run dock's event carries the token."));
        });
        connect(mCloudPanel, &CloudPanel::runningChanged, mTokenDialog, [this](bool running, const QString &address) {
            mTokenDialog->setGateway(running ? address : QString());
        });
        // A project closed or another opened: the dialog's pools are gone.
        connect(mProjects, &ProjectManager::currentProjectChanged, mTokenDialog, &QWidget::close);
    }
    mTokenDialog->show();
    mTokenDialog->raise();
    mTokenDialog->activateWindow();
    return mTokenDialog;
}

// Run > Open Workflow: the design's state machines by name, each opening its workflow
// editor as a double-click does; the command palette finds them there.
void MainWindow::rebuildWorkflowsMenu()
{
    if (!mWorkflowsMenu)
        return; // the menus are made after the views follow the projects
    mWorkflowsMenu->clear();
    QList<const Node *> machines;
    if (Project *current = project())
        for (const auto &[id, node] : current->architecture().nodes())
            if (node.kind == Kinds::StateMachine)
                machines.append(&node);
    std::sort(machines.begin(), machines.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    for (const Node *machine : std::as_const(machines)) {
        QString text = machine->name;
        QAction *open = addAction(mWorkflowsMenu, ActionIds::OpenWorkflow + machine->name.toUtf8(),
                                  text.replace(u'&', u"&&"_s));
        connect(open, &QAction::triggered, this, [this, id = machine->id] { mEditors->openWorkflow(id); });
    }
    mWorkflowsMenu->menuAction()->setEnabled(!machines.isEmpty());
}

void MainWindow::rebuildExamplesMenu()
{
    mExamplesMenu->clear();
    const QDir dir(Paths::examplesDirectory());
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        connect(addAction(mExamplesMenu, ActionIds::OpenExample + name.toUtf8(), name), &QAction::triggered, this,
                [this, name] {
            if (maybeSave())
                openExample(name);
        });
    }
    if (names.isEmpty())
        addAction(mExamplesMenu, ActionIds::OpenExample, tr("No examples installed"))->setEnabled(false);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    mNotifications->showError(title, message);
    if (QGuiApplication::platformName() == "offscreen"_L1)
        qWarning("%s: %s", qPrintable(title), qPrintable(message));
}

void MainWindow::applyPreferences()
{
    const Preferences &preferences = Preferences::instance();
    mRunner->pool()->setIdleTimeout(preferences.idleInstanceSeconds() * 1000);
    mRunner->setRegion(preferences.defaultRegion());
    mAutosave->setInterval(preferences.autosaveSeconds() * 1000);
    for (CodeEditor *editor : findChildren<CodeEditor *>())
        editor->applyTheme();
    // Settings > Language shows the language chosen, wherever it was chosen.
    const QString language = preferences.language();
    const QByteArray chosen = ActionIds::Language + (language.isEmpty() ? QByteArray("system") : language.toUtf8());
    for (QAction *choice : mActions->actions())
        if (mActions->id(choice).startsWith(ActionIds::Language))
            choice->setChecked(mActions->id(choice) == chosen);
}

PreferencesDialog *MainWindow::showPreferences()
{
    auto *dialog = findChild<PreferencesDialog *>();
    if (!dialog) {
        dialog = new PreferencesDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

CommandPalette *MainWindow::showCommandPalette()
{
    auto *palette = new CommandPalette(*mActions, this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->show();
    palette->activateWindow();
    return palette;
}

} // namespace Nimbus
