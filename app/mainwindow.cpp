#include "mainwindow.h"

#include "commandpalette.h"
#include "notificationbar.h"
#include "preferences/preferences.h"
#include "preferences/preferencesdialog.h"
#include "welcomepage.h"

#include "autosave.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/diagramexport.h"
#include "canvas/palettewidget.h"
#include "cloud/cloudpanel.h"
#include "cost/costview.h"
#include "editor/codeeditor.h"
#include "editor/editorarea.h"
#include "editor/findbar.h"
#include "export/exportdialog.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "inspectorwidget.h"
#include "run/runpanel.h"
#include "runtime/instancepool.h"

#include "document/project.h"
#include "model/catalog.h"
#include "paths.h"
#include "problemsdock.h"
#include "runtime/functionrunner.h"
#include "runtime/functionspec.h"
#include "runtime/scaffold.h"
#include "storage/projectfile.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Nimbus {

namespace {
constexpr int kMaxRecentFiles = 8;
const QString kRecentKey = QStringLiteral("files/recent");

QString fileFilter()
{
    return MainWindow::tr("Nimbus projects (*.nimbus *.json);;Nimbus project files (*.nimbus);;"
                          "JSON projects (*.json);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/nimbus/icons/nimbus-studio.svg")));
    resize(1280, 800);

    mScene = new CanvasScene(this);
    mView = new CanvasView(mScene, this);
    mRunner = new FunctionRunner(this);
    mEditors = new EditorArea(mView, this);
    // The welcome page and the design share the centre; the design shows once a project
    // is opened or made.
    mCentral = new QStackedWidget(this);
    mWelcome = new WelcomePage(mCentral);
    mCentral->addWidget(mEditors);
    mCentral->addWidget(mWelcome);
    // Errors show in a band above, never in a dialog that stops the window.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    mNotifications = new NotificationBar(centre);
    centreLayout->addWidget(mNotifications);
    centreLayout->addWidget(mCentral, 1);
    setCentralWidget(centre);
    connect(mWelcome, &WelcomePage::newProjectRequested, this, [this] {
        newProject();
        mView->setFocus();
    });
    connect(mWelcome, &WelcomePage::openRequested, this, [this] {
        if (QAction *open = findChild<QAction *>(QStringLiteral("openAction")))
            open->trigger();
    });
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
        mProblems->revalidate();
    });
    connect(mEditors, &QTabWidget::currentChanged, this, [this] {
        if (EditorPage *page = mEditors->currentPage()) {
            if (page->function() != kInvalidNodeId)
                mRunPanel->setFunction(page->function());
        }
    });
    connect(mView, &CanvasView::nodeDoubleClicked, this, [this](NodeId id) {
        const Node *node = mProject->architecture().node(id);
        const NodeKind *kind = node ? mProject->catalog().kind(node->kind) : nullptr;
        if (kind && kind->code.isValid())
            mEditors->openFunction(id);
    });
    connect(mScene, &CanvasScene::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mView, &CanvasView::filesDropped, this, [this](const QStringList &paths) {
        if (maybeSave())
            openFile(paths.first());
    });

    mStatusCounts = new QLabel(this);
    statusBar()->addPermanentWidget(mStatusCounts);
    mCloudStatus = new QLabel(this);
    mCloudStatus->setObjectName(QStringLiteral("cloudStatus"));
    statusBar()->addPermanentWidget(mCloudStatus);

    mAutosave = new Autosave(this);
    createDocks();
    createActions();
    applyPreferences();
    connect(&Preferences::instance(), &Preferences::changed, this, &MainWindow::applyPreferences);
    // The Local Cloud toolbar button, its address in the status bar.
    QToolBar *cloudBar = addToolBar(tr("Local Cloud"));
    cloudBar->setObjectName(QStringLiteral("cloudToolBar"));
    QAction *cloudAction = cloudBar->addAction(tr("Local Cloud"));
    cloudAction->setObjectName(QStringLiteral("localCloudAction"));
    cloudAction->setCheckable(true);
    cloudAction->setToolTip(
        tr("Run the whole design on this machine: the HTTP gateway, queues, topics, buckets, tables "
           "and schedules"));
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
    connect(mCloudPanel, &CloudPanel::runningChanged, this, [this, cloudAction](bool running, const QString &address) {
        cloudAction->setChecked(running);
        mCloudStatus->setText(running ? tr("Local cloud: %1 (AWS endpoint %2)").arg(address, mCloudPanel->awsEndpoint())
                                      : tr("Local cloud: stopped"));
    });
    mCloudStatus->setText(tr("Local cloud: stopped"));
    newProject();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow()
{
    // The local cloud runs on the project: it stops before the project goes.
    mCloudPanel->stop();
    // The project goes first, while the views that listen to it still exist.
    if (mProject) {
        disconnect(mProject, nullptr, this, nullptr);
        disconnect(&mProject->architecture(), nullptr, this, nullptr);
        delete mProject;
        mProject = nullptr;
    }
    // Scene items die with the window; their selection changes must not reach half-destroyed docks.
    disconnect(mScene, nullptr, this, nullptr);
}

void MainWindow::createDocks()
{
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    auto *palette = new QDockWidget(tr("Palette"), this);
    palette->setObjectName(QStringLiteral("paletteDock"));
    mPalette = new PaletteWidget(Catalog::builtin(), palette);
    connect(mPalette, &PaletteWidget::kindActivated, mView, &CanvasView::addNodeAtCentre);
    palette->setWidget(mPalette);
    addDockWidget(Qt::LeftDockWidgetArea, palette);

    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    mInspector = new InspectorWidget(inspectorDock);
    inspectorDock->setWidget(mInspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    connect(mScene, &QGraphicsScene::selectionChanged, this, [this] {
        const QList<NodeId> selected = mScene->selectedNodes();
        mInspector->setNode(selected.size() == 1 ? selected.first() : kInvalidNodeId);
        if (selected.size() == 1)
            mRunPanel->setFunction(selected.first()); // ignored for nodes that are not functions
        const Node *node = selected.size() == 1 ? mProject->architecture().node(selected.first()) : nullptr;
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
    });
    connect(mProblems, &ProblemsDock::nodeActivated, mView, &CanvasView::centreOn);

    auto *run = new QDockWidget(tr("Run"), this);
    run->setObjectName(QStringLiteral("runDock"));
    mRunPanel = new RunPanel(mRunner, run);
    run->setWidget(mRunPanel);
    addDockWidget(Qt::BottomDockWidgetArea, run);
    connect(mRunPanel, &RunPanel::aboutToInvoke, this, [this](NodeId function) {
        // What runs is what the editor shows: the function's unsaved files are saved first.
        for (EditorPage *page : mEditors->pages())
            if (page->isModified()
                && (page->function() == function || mRunner->functionOfFile(page->path()) == function))
                mEditors->save(page);
    });
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
    cost->setObjectName(QStringLiteral("costDock"));
    mCostDock = cost;
    mCostView = new CostView(cost);
    cost->setWidget(mCostView);
    addDockWidget(Qt::BottomDockWidgetArea, cost);

    auto *cloud = new QDockWidget(tr("Local Cloud"), this);
    cloud->setObjectName(QStringLiteral("cloudDock"));
    mCloudPanel = new CloudPanel(*mRunner, cloud);
    cloud->setWidget(mCloudPanel);
    addDockWidget(Qt::BottomDockWidgetArea, cloud);
    mCloudDock = cloud;
    connect(mCloudPanel, &CloudPanel::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mCostView, &CostView::badgesChanged, mScene, &CanvasScene::setCostBadges);
    connect(mCostView, &CostView::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(mCostView, &CostView::error, this, &MainWindow::showError);
    // The bottom docks (problems, run, cost) span the whole width: the cost charts need it.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    tabifyDockWidget(mProblems, run);
    tabifyDockWidget(run, cost);
    tabifyDockWidget(cost, cloud);
    mProblems->raise();
    // The Run panel comes forward when a function is opened or run, but not for the
    // invocations of a running local cloud: its dock is where those are followed.
    connect(mRunner, &FunctionRunner::started, run, [this, run] {
        if (!mCloudPanel->isRunning())
            run->raise();
    });
    resizeDocks({palette, inspectorDock}, {200, 300}, Qt::Horizontal);
    resizeDocks({mProblems}, {280}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            newProject();
    });
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open..."), this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), fileFilter());
        if (!path.isEmpty())
            openFile(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    openAction->setObjectName(QStringLiteral("openAction"));
    mExamplesMenu = file->addMenu(tr("Open &Example"));
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::saveCurrent);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setToolTip(tr("Save the file being edited, or the project when the design is shown"));
    QAction *saveProject = file->addAction(tr("Save &Project"), this, &MainWindow::save);
    saveProject->setObjectName(QStringLiteral("saveProjectAction"));
    QAction *saveAsAction = file->addAction(tr("Save Project &As..."), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    QAction *saveAll = file->addAction(tr("Save A&ll"), this, [this] {
        if (mEditors->saveAll())
            save();
    });
    saveAll->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    QAction *closeFile = file->addAction(tr("&Close File"), this, [this] {
        if (EditorPage *page = mEditors->currentPage())
            mEditors->closePage(page);
    });
    closeFile->setShortcut(QKeySequence::Close);
    QAction *closeProject = file->addAction(tr("Close &Project"), this, [this] {
        if (!maybeSave())
            return;
        newProject();
        showWelcome();
    });
    closeProject->setObjectName(QStringLiteral("closeProjectAction"));
    closeProject->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    file->addSeparator();
    file->addAction(tr("Export &Diagram..."), this, &MainWindow::exportDiagram);
    QAction *exportAction = file->addAction(tr("&Export to Platform..."), this, &MainWindow::showExportDialog);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setStatusTip(tr("Write deployment files for AWS SAM, Serverless Framework, Terraform, Knative, "
                                  "OpenFaaS, Azure Functions, Cloud Run or Scaleway"));
    QAction *importAction = file->addAction(tr("&Import Template..."), this, [this] {
        if (!maybeSave())
            return;
        QStringList patterns;
        for (const ImporterInterface *importer : PluginRegistry::instance().importers())
            patterns.append(importer->fileNameFilters());
        patterns.removeDuplicates();
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Template"), QString(),
            tr("Templates (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
        if (!path.isEmpty())
            importFile(path);
    });
    importAction->setObjectName(QStringLiteral("importAction"));
    importAction->setStatusTip(tr("Open an AWS SAM or CloudFormation template, or a serverless.yml, as a new project"));
    file->addSeparator();
    QAction *quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    mEditMenu = menuBar()->addMenu(tr("&Edit"));
    // Undo and redo come first; setProject() inserts them before this separator.
    mEditSeparator = mEditMenu->addSeparator();
    // Canvas editing keys act only while the canvas has focus, not in text fields.
    auto canvasAction = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, mView);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, mView, slot);
        mView->addAction(action);
        mEditMenu->addAction(action);
        return action;
    };
    canvasAction(tr("Cu&t"), {QKeySequence::Cut}, &CanvasView::cutSelection);
    canvasAction(tr("&Copy"), {QKeySequence::Copy}, &CanvasView::copySelection);
    canvasAction(tr("&Paste"), {QKeySequence::Paste}, &CanvasView::paste);
    canvasAction(tr("D&uplicate"), {QKeySequence(Qt::CTRL | Qt::Key_D)}, &CanvasView::duplicateSelection);
    canvasAction(tr("&Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)}, &CanvasView::deleteSelection);
    canvasAction(tr("Re&name"), {QKeySequence(Qt::Key_F2)}, &CanvasView::renameSelected);
    canvasAction(tr("Select &All"), {QKeySequence::SelectAll}, [this] {
        for (QGraphicsItem *item : mScene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
    });

    // Editing code: these act on the editor tab shown.
    mEditMenu->addSeparator();
    auto pageAction = [this](const QString &text, const QKeySequence &keys, auto slot) {
        QAction *action = mEditMenu->addAction(text, this, [this, slot] {
            if (EditorPage *page = mEditors->currentPage())
                slot(page);
        });
        action->setShortcut(keys);
        return action;
    };
    pageAction(tr("&Find..."), QKeySequence::Find, [](EditorPage *p) { p->findBar()->activate(false); });
    pageAction(tr("Find and &Replace..."), QKeySequence(Qt::CTRL | Qt::Key_H),
               [](EditorPage *p) { p->findBar()->activate(true); });
    pageAction(tr("Find &Next"), QKeySequence::FindNext, [](EditorPage *p) { p->findBar()->findNext(); });
    pageAction(tr("Find Pre&vious"), QKeySequence::FindPrevious, [](EditorPage *p) { p->findBar()->findNext(true); });
    pageAction(tr("&Go to Line..."), QKeySequence(Qt::CTRL | Qt::Key_G),
               [](EditorPage *p) { p->editor()->askGoToLine(); });
    pageAction(tr("Toggle &Comment"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
               [](EditorPage *p) { p->editor()->toggleComment(); });
    pageAction(tr("Complete"), QKeySequence(Qt::CTRL | Qt::Key_Space), [](EditorPage *p) { p->editor()->complete(); });

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    QAction *invoke = runMenu->addAction(tr("&Invoke Function"), this, &MainWindow::invokeFunction);
    invoke->setObjectName(QStringLiteral("invokeAction"));
    invoke->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    QAction *openCode = runMenu->addAction(tr("&Open Function Code"), this, [this] {
        const QList<NodeId> selected = mScene->selectedNodes();
        if (selected.size() == 1)
            mEditors->openFunction(selected.first());
        else if (mRunPanel->function() != kInvalidNodeId)
            mEditors->openFunction(mRunPanel->function());
    });
    openCode->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *design = runMenu->addAction(tr("Show &Design"), this, [this] { mEditors->setCurrentIndex(0); });
    design->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));

    QMenu *costMenu = menuBar()->addMenu(tr("&Cost"));
    QAction *showCost = costMenu->addAction(tr("Compare &Costs"), this, &MainWindow::showCost);
    showCost->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    costMenu->addAction(tr("Save Cost &Report..."), mCostView, &CostView::saveReport);
    costMenu->addAction(tr("&Update Prices from URL..."), mCostView, &CostView::updatePricesFromUrl);

    mViewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = mViewMenu->addAction(tr("Zoom &In"), mView, &CanvasView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = mViewMenu->addAction(tr("Zoom &Out"), mView, &CanvasView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *actualSize = mViewMenu->addAction(tr("&Actual Size"), mView, [this] { mView->setZoom(1.0); });
    actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *fit = mViewMenu->addAction(tr("&Fit to View"), mView, &CanvasView::fitToView);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *layout = mViewMenu->addAction(tr("Auto &Layout"), mView, &CanvasView::autoLayout);
    layout->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QAction *snap = mViewMenu->addAction(tr("&Snap to Grid"));
    snap->setObjectName(QStringLiteral("snapToGridAction"));
    snap->setCheckable(true);
    snap->setChecked(QSettings().value(QStringLiteral("canvas/snapToGrid"), true).toBool());
    mScene->setSnapToGrid(snap->isChecked());
    connect(snap, &QAction::toggled, this, [this](bool on) {
        mScene->setSnapToGrid(on);
        QSettings().setValue(QStringLiteral("canvas/snapToGrid"), on);
    });
    QAction *palette = mViewMenu->addAction(tr("Command &Palette..."), this, &MainWindow::showCommandPalette);
    palette->setObjectName(QStringLiteral("commandPaletteAction"));
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // Alt+0 .. Alt+6 put the keyboard in the design or in a dock, shown and in front.
    QMenu *goTo = mViewMenu->addMenu(tr("&Go To"));
    QAction *toDesign = goTo->addAction(tr("&Design"), this, [this] {
        mCentral->setCurrentWidget(mEditors);
        mView->setFocus(Qt::ShortcutFocusReason);
    });
    toDesign->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));
    toDesign->setObjectName(QStringLiteral("goToDesign"));
    const QList<QPair<const char *, QString>> docks = {
        {"paletteDock", tr("&Palette")}, {"inspectorDock", tr("&Inspector")}, {"problemsDock", tr("P&roblems")},
        {"runDock", tr("R&un")},         {"costDock", tr("&Cost")},           {"cloudDock", tr("&Local Cloud")}};
    for (int i = 0; i < docks.size(); ++i) {
        QDockWidget *dock = findChild<QDockWidget *>(QLatin1String(docks.at(i).first));
        if (!dock)
            continue;
        QAction *go = goTo->addAction(docks.at(i).second, this, [dock] {
            dock->show();
            dock->raise();
            // The first control of the dock that takes the keyboard.
            const QList<QWidget *> children = dock->widget()->findChildren<QWidget *>();
            const auto first = std::find_if(children.cbegin(), children.cend(), [](QWidget *w) {
                return w->isVisibleTo(w->window()) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
            });
            (first != children.cend() ? *first : dock->widget())->setFocus(Qt::ShortcutFocusReason);
        });
        go->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        go->setObjectName(QStringLiteral("goTo") + QLatin1String(docks.at(i).first));
    }
    mViewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        mViewMenu->addAction(dock->toggleViewAction());

    // Settings: the language (at the next start) and every other preference.
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QMenu *languageMenu = settingsMenu->addMenu(tr("&Language"));
    languageMenu->setObjectName(QStringLiteral("languageMenu"));
    auto *languages = new QActionGroup(languageMenu);
    QList<QPair<QString, QString>> choices{{QString(), tr("System Language")}};
    choices += Preferences::languages();
    for (const auto &[code, name] : choices) {
        QAction *choice = languageMenu->addAction(name);
        choice->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        choice->setCheckable(true);
        choice->setChecked(Preferences::instance().language() == code);
        languages->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code] {
            Preferences::instance().setLanguage(code);
            statusBar()->showMessage(tr("The new language applies when the studio starts again."), 8000);
        });
    }
    QAction *preferences = settingsMenu->addAction(tr("Pr&eferences..."), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> preferenceKeys{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    if (!QKeySequence(QKeySequence::Preferences).isEmpty()
        && QKeySequence(QKeySequence::Preferences) != preferenceKeys.first())
        preferenceKeys.prepend(QKeySequence(QKeySequence::Preferences));
    preferences->setShortcuts(preferenceKeys);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Plugins..."), this, &MainWindow::showPlugins)->setObjectName(QStringLiteral("pluginsAction"));
    help->addAction(tr("&About Nimbus Studio"), this, [this] {
        QMessageBox::about(this, tr("About Nimbus Studio"),
                           tr("<h3>Nimbus Studio %1</h3><p>Design serverless architectures, run their functions "
                              "locally, compare their cost and export them to the platform of your choice.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    rebuildExamplesMenu();
    rebuildRecentMenu();
}

void MainWindow::showWelcome()
{
    mWelcome->refresh(QSettings().value(kRecentKey).toStringList());
    mCentral->setCurrentWidget(mWelcome);
}

bool MainWindow::isWelcomeShown() const
{
    return mCentral->currentWidget() == mWelcome;
}

void MainWindow::setProject(Project *project)
{
    mCentral->setCurrentWidget(mEditors);
    // The export dialog shows one project's export.
    if (auto *dialog = findChild<ExportDialog *>())
        dialog->close();
    Project *old = mProject;
    mProject = project;
    project->setParent(this);

    // Undo and redo follow the project's own stack.
    delete mUndoAction;
    delete mRedoAction;
    mUndoAction = project->undoStack()->createUndoAction(this, tr("&Undo"));
    mUndoAction->setShortcut(QKeySequence::Undo);
    mRedoAction = project->undoStack()->createRedoAction(this, tr("&Redo"));
    mRedoAction->setShortcut(QKeySequence::Redo);
    mEditMenu->insertAction(mEditSeparator, mUndoAction);
    mEditMenu->insertAction(mEditSeparator, mRedoAction);

    connect(project, &Project::modifiedChanged, this, &MainWindow::updateTitle);
    connect(project, &Project::filePathChanged, this, &MainWindow::updateTitle);
    connect(&project->architecture(), &Architecture::changed, this, &MainWindow::updateStatus);
    // A new function gets a handler that runs; connecting its trigger fits it to the event.
    auto scaffold = [this](NodeId function) {
        QString file;
        if (mProject && Scaffold::ensure(*mProject, function, &file))
            statusBar()->showMessage(tr("Wrote the handler %1").arg(QDir::toNativeSeparators(file)), 5000);
    };
    connect(&project->architecture(), &Architecture::nodeAdded, this, scaffold);
    connect(&project->architecture(), &Architecture::edgeAdded, this, [this, scaffold](EdgeId id) {
        if (const Edge *edge = mProject->architecture().edge(id))
            scaffold(edge->to);
    });
    mCloudPanel->setProject(project); // stops the previous project's cloud
    mEditors->setProject(project);
    mRunner->setProject(project);
    mRunPanel->setProject(project);
    mScene->setProject(project);
    if (mScene->isBuilding()) {
        // A big design is drawn a slice at a time; past 200 ms a dialog shows how far,
        // and Cancel abandons the project.
        auto *progress = new QProgressDialog(tr("Drawing the design..."), tr("Cancel"), 0, 0, this);
        progress->setObjectName(QStringLiteral("drawProgress"));
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
            mView->requestFit();
        });
        connect(progress, &QProgressDialog::canceled, this, [this, progress] {
            progress->disconnect(this);
            progress->deleteLater();
            newProject();
            showWelcome();
            statusBar()->showMessage(tr("Opening cancelled"), 5000);
        });
    }
    mCostView->setProject(project, mRunner);
    mInspector->setProject(project);
    mAutosave->setProject(project);
    mProblems->setProject(project);
    delete old;
    updateTitle();
    updateStatus();
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
    mExampleCopy = std::make_unique<QTemporaryDir>();
    auto *project = new Project(Catalog::builtin());
    if (mExampleCopy->isValid())
        project->setWorkingDirectory(mExampleCopy->path());
    mUntitled = true;
    setProject(project);
}

bool MainWindow::openFile(const QString &path)
{
    auto project = std::make_unique<Project>(Catalog::builtin());
    ProjectFile file;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = file.load(path, *project);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        showError(tr("Cannot Open Project"), file.errorString());
        return false;
    }
    mExampleCopy.reset();
    mUntitled = false;
    setProject(project.release());
    mView->requestFit();
    addRecentFile(mProject->filePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(mProject->filePath())), 5000);
    return true;
}

bool MainWindow::openExample(const QString &name)
{
    const QDir source(Paths::examplesDirectory() + QLatin1Char('/') + name);
    const QString projectFile = source.filePath(name + QLatin1String(".nimbus"));
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
    if (!file.load(QDir(copy->path()).filePath(name + QLatin1String(".nimbus")), *project)) {
        showError(tr("Cannot Open Example"), file.errorString());
        return false;
    }
    mExampleCopy = std::move(copy);
    mUntitled = true;
    setProject(project.release());
    mView->requestFit();
    statusBar()->showMessage(tr("Opened the example '%1'; Save asks where to keep your copy.").arg(name), 8000);
    return true;
}

ExportDialog *MainWindow::showExportDialog()
{
    auto *dialog = findChild<ExportDialog *>();
    if (!dialog) {
        dialog = new ExportDialog(*mProject, PluginRegistry::instance(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ExportDialog::nodeActivated, this, [this](NodeId id) {
            if (const Node *node = mProject->architecture().node(id))
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

bool MainWindow::importFile(const QString &path)
{
    auto project = std::make_unique<Project>(Catalog::builtin());
    QList<Diagnostic> notes;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = ExportJob::import(path, PluginRegistry::instance(), *project, &notes, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        showError(tr("Cannot Import"), error);
        return false;
    }
    mExampleCopy.reset();
    mUntitled = true;
    setProject(project.release());
    mView->requestFit();
    QStringList lines;
    for (const Diagnostic &d : std::as_const(notes))
        lines.append(d.message);
    statusBar()->showMessage(tr("Imported %1: %n node(s); what the canvas does not show is kept for export", nullptr,
                                mProject->architecture().nodeCount())
                                 .arg(QDir::toNativeSeparators(path)),
                             10000);
    mImportNotes = lines;
    // What was approximated or kept without being shown, said once, without blocking.
    if (!lines.isEmpty() && QGuiApplication::platformName() != QLatin1String("offscreen")) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Imported"),
                                    tr("%1 is open as a new project. Some of it is kept for export without being "
                                       "shown on the canvas.")
                                        .arg(QFileInfo(path).fileName()),
                                    QMessageBox::Ok, this);
        box->setDetailedText(lines.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return true;
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
            .filePath(mProject->displayName() + QLatin1String(".svg")),
        tr("SVG image (*.svg);;PNG image (*.png)"), &filter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("png")) ? QLatin1String(".png") : QLatin1String(".svg");
    return exportDiagramTo(path, selectionOnly);
}

bool MainWindow::exportDiagramTo(const QString &path, bool selectionOnly)
{
    DiagramExport exporter(mScene);
    exporter.setSelectionOnly(selectionOnly);
    const bool ok = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? exporter.writePng(path)
                                                                              : exporter.writeSvg(path);
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
        if (wanted && (!mProject->isModified() || maybeSave())) {
            auto project = std::make_unique<Project>(Catalog::builtin());
            ProjectFile file;
            if (!file.load(entry.recoveryFile, *project)) {
                showError(tr("Cannot Recover"), file.errorString());
                continue;
            }
            // Back where it was saved, with its changes still unsaved.
            project->setFilePath(entry.originalFile);
            project->undoStack()->resetClean();
            mExampleCopy.reset();
            mUntitled = entry.originalFile.isEmpty();
            setProject(project.release());
            mView->requestFit();
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
    if (const Node *node = mProject->architecture().nodeByName(name))
        mView->centreOn(node->id);
}

bool MainWindow::saveCurrent()
{
    if (EditorPage *page = mEditors->currentPage())
        return mEditors->save(page);
    return save();
}

bool MainWindow::openFunctionCode(const QString &functionName)
{
    const Node *node = mProject->architecture().nodeByName(functionName);
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
    if (mUntitled || mProject->filePath().isEmpty())
        return saveAs();
    return saveTo(mProject->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested = mProject->displayName() + QLatin1String(".nimbus");
    if (!mUntitled)
        suggested = mProject->filePath();
    else
        suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(suggested);
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1String(".nimbus");
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    ProjectFile file;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = file.save(*mProject, path);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        showError(tr("Cannot Save Project"), file.errorString());
        return false;
    }
    mUntitled = false;
    mExampleCopy.reset();
    addRecentFile(mProject->filePath());
    updateTitle();
    if (!file.warnings().isEmpty())
        QMessageBox::warning(this, tr("Saved Without Some Files"), file.warnings().join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(mProject->filePath())), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!mEditors->maybeSaveAll())
        return false;
    if (!mProject || !mProject->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("The project '%1' has changes that are not saved. Save them?").arg(mProject->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateTitle()
{
    QString name = mProject->displayName();
    if (!mUntitled)
        name = QFileInfo(mProject->filePath()).fileName();
    setWindowTitle(tr("%1[*] - Nimbus Studio").arg(name));
    setWindowModified(mProject->isModified() || mEditors->hasUnsavedFiles());
}

void MainWindow::updateStatus()
{
    const Architecture &a = mProject->architecture();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : mProblems->diagnostics()) {
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    mStatusCounts->setText(tr("%n node(s)", nullptr, a.nodeCount()) + QStringLiteral(" \u00b7 ")
                           + tr("%n connection(s)", nullptr, a.edgeCount()) + QStringLiteral(" \u00b7 ")
                           + tr("%n error(s)", nullptr, errors) + QStringLiteral(" \u00b7 ")
                           + tr("%n warning(s)", nullptr, warnings));
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
        QAction *action = mRecentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
        action->setEnabled(QFileInfo::exists(path));
    }
    if (!files.isEmpty())
        mRecentMenu->addSeparator();
    QAction *clear = mRecentMenu->addAction(tr("&Clear List"), this, [this] {
        QSettings().remove(kRecentKey);
        rebuildRecentMenu();
    });
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::rebuildExamplesMenu()
{
    mExamplesMenu->clear();
    const QDir dir(Paths::examplesDirectory());
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        mExamplesMenu->addAction(name, this, [this, name] {
            if (maybeSave())
                openExample(name);
        });
    }
    if (names.isEmpty())
        mExamplesMenu->addAction(tr("No examples installed"))->setEnabled(false);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    mNotifications->showError(title, message);
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
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
    if (auto *menu = findChild<QMenu *>(QStringLiteral("languageMenu")))
        for (QAction *choice : menu->actions())
            choice->setChecked(choice->objectName()
                               == QStringLiteral("language_")
                                      + (language.isEmpty() ? QStringLiteral("system") : language));
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
    auto *palette = new CommandPalette(menuBar(), this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->show();
    palette->activateWindow();
    return palette;
}

} // namespace Nimbus
