// The open project lives in the ProjectManager: views follow currentProjectChanged, the
// previous project goes only after they moved on, Undo and Redo are made once and follow
// the open project's stack, and the working copy of an unsaved project lasts as long as it.

#include "actionmanager.h"
#include "canvas/canvasscene.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "problemsdock.h"
#include "projectmanager.h"

#include "testutil.h"

#include <QAction>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoGroup>

using namespace Nimbus;
using namespace NimbusTest;

class tst_ProjectManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void viewsMoveBeforeTheOldProjectGoes();
    void undoActionsFollowTheOpenProject();
    void titleFollowsModificationsAndSaves();
    void workingCopyLastsAsLongAsItsProject();
    void windowViewsFollowTheManager();
};

void tst_ProjectManager::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ProjectManager::viewsMoveBeforeTheOldProjectGoes()
{
    ProjectManager manager;
    auto *first = new Project(Catalog::builtin());
    manager.setProject(first, true);
    QPointer<Project> old(first);
    auto *second = new Project(Catalog::builtin());
    bool oldAliveWhenTold = false;
    connect(&manager, &ProjectManager::currentProjectChanged, this, [&](Project *project) {
        QCOMPARE(project, second);
        oldAliveWhenTold = !old.isNull();
    });
    manager.setProject(second, false);
    QVERIFY(oldAliveWhenTold);
    QVERIFY(old.isNull()); // deleted once the views had moved on
    QCOMPARE(manager.project(), second);
    QVERIFY(!manager.isUntitled());
    QCOMPARE(second->parent(), &manager);
}

void tst_ProjectManager::undoActionsFollowTheOpenProject()
{
    ProjectManager manager;
    QAction *undo = manager.undoGroup()->createUndoAction(&manager);
    auto *first = new Project(Catalog::builtin());
    manager.setProject(first, true);
    QVERIFY(!undo->isEnabled());
    QVERIFY(first->addNode(QStringLiteral("queue"), {0, 0}));
    QVERIFY(undo->isEnabled());
    auto *second = new Project(Catalog::builtin());
    manager.setProject(second, true);
    QCOMPARE(manager.undoGroup()->activeStack(), second->undoStack());
    QCOMPARE(manager.undoGroup()->stacks().size(), 1); // the old stack left with its project
    QVERIFY(!undo->isEnabled());
    QVERIFY(second->addNode(QStringLiteral("topic"), {0, 0}));
    undo->trigger();
    QCOMPARE(second->architecture().nodeCount(), 0);
}

void tst_ProjectManager::titleFollowsModificationsAndSaves()
{
    ProjectManager manager;
    auto *project = new Project(Catalog::builtin());
    manager.setProject(project, true);
    QSignalSpy title(&manager, &ProjectManager::titleChanged);
    QVERIFY(!manager.isModified());
    QVERIFY(project->addNode(QStringLiteral("queue"), {0, 0}));
    QVERIFY(manager.isModified());
    QVERIFY(title.count() >= 1);
    manager.markSavedAt();
    QVERIFY(!manager.isUntitled());
}

void tst_ProjectManager::workingCopyLastsAsLongAsItsProject()
{
    ProjectManager manager;
    auto folder = std::make_unique<QTemporaryDir>();
    const QString path = folder->path();
    auto *project = new Project(Catalog::builtin());
    project->setWorkingDirectory(path);
    manager.setProject(project, true, std::move(folder));
    QVERIFY(QFileInfo(path).isDir());
    manager.setProject(new Project(Catalog::builtin()), true);
    QVERIFY(!QFileInfo::exists(path));
}

void tst_ProjectManager::windowViewsFollowTheManager()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    Project *project = window.projectManager()->project();
    QCOMPARE(window.project(), project);
    QCOMPARE(window.canvasScene()->project(), project);
    QCOMPARE(window.canvasScene()->items().isEmpty(), false);
    // The same Undo action serves every project.
    QAction *undo = window.actionManager()->action(ActionIds::Undo);
    window.newProject();
    QCOMPARE(window.actionManager()->action(ActionIds::Undo), undo);
    QCOMPARE(window.canvasScene()->project(), window.project());
    QVERIFY(window.project()->addNode(QStringLiteral("queue"), {0, 0}));
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QStringLiteral("queue")));
    undo->trigger();
    QCOMPARE(window.project()->architecture().nodeCount(), 0);
}

QTEST_MAIN(tst_ProjectManager)
#include "tst_projectmanager.moc"
