// Actions by id: registered, found, gone with their action; every item of the studio's
// menus has an id, and the command palette lists exactly those.

#include "actionmanager.h"
#include "commandpalette.h"
#include "mainwindow.h"

#include "testutil.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStandardPaths>

using namespace Nimbus;

class tst_ActionManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registerFindAndForget();
    void everyMenuItemHasAnId();
    void actionsRunByTheirId_data();
    void actionsRunByTheirId();
    void paletteListsTheRegisteredActions();
    void paletteMarksTheMatchedLetters();
};

void tst_ActionManager::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ActionManager::registerFindAndForget()
{
    ActionManager manager;
    auto *open = new QAction(QStringLiteral("Open"));
    auto *other = new QAction(QStringLiteral("Other"));
    manager.registerAction(ActionIds::Open, open);
    QCOMPARE(manager.action(ActionIds::Open), open);
    QCOMPARE(manager.id(open), QByteArray(ActionIds::Open));
    QCOMPARE(manager.action(ActionIds::Save), nullptr);
    manager.registerAction(ActionIds::Open, other); // the newer one wins
    QCOMPARE(manager.action(ActionIds::Open), other);
    QCOMPARE(manager.actions().size(), 1);
    delete other;
    QCOMPARE(manager.action(ActionIds::Open), nullptr);
    QVERIFY(manager.actions().isEmpty());
    delete open;
}

void tst_ActionManager::everyMenuItemHasAnId()
{
    MainWindow window;
    ActionManager *actions = window.actionManager();
    QSet<QByteArray> ids;
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->menu()) {
                walk(a->menu());
                continue;
            }
            const QByteArray id = actions->id(a);
            QVERIFY2(!id.isEmpty(), qPrintable(a->text()));
            QVERIFY2(!ids.contains(id), id.constData());
            ids.insert(id);
        }
    };
    for (QAction *a : window.menuBar()->actions())
        if (a->menu())
            walk(a->menu());
    QVERIFY(ids.size() > 40);
    QVERIFY(actions->action(ActionIds::LocalCloud)); // the tool bar's too
}

void tst_ActionManager::actionsRunByTheirId_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QString>("objectName");
    QTest::newRow("open") << QByteArray(ActionIds::Open) << QStringLiteral("openAction");
    QTest::newRow("close project") << QByteArray(ActionIds::CloseProject) << QStringLiteral("closeProjectAction");
    QTest::newRow("export") << QByteArray(ActionIds::Export) << QStringLiteral("exportAction");
    QTest::newRow("import") << QByteArray(ActionIds::Import) << QStringLiteral("importAction");
    QTest::newRow("invoke") << QByteArray(ActionIds::Invoke) << QStringLiteral("invokeAction");
    QTest::newRow("preferences") << QByteArray(ActionIds::Preferences) << QStringLiteral("preferencesAction");
    QTest::newRow("plugins") << QByteArray(ActionIds::Plugins) << QStringLiteral("pluginsAction");
    QTest::newRow("local cloud") << QByteArray(ActionIds::LocalCloud) << QStringLiteral("localCloudAction");
}

void tst_ActionManager::actionsRunByTheirId()
{
    QFETCH(QByteArray, id);
    QFETCH(QString, objectName);
    MainWindow window;
    QAction *action = window.actionManager()->action(id);
    QVERIFY(action);
    QCOMPARE(action->objectName(), objectName); // kept for style sheets and accessibility tools
}

void tst_ActionManager::paletteListsTheRegisteredActions()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    CommandPalette palette(*window.actionManager());
    const QList<QAction *> shown = palette.shownActions();
    for (QAction *a : shown)
        QVERIFY2(!window.actionManager()->id(a).isEmpty(), qPrintable(a->text()));
    QVERIFY(shown.contains(window.actionManager()->action(ActionIds::Undo)));
    QVERIFY(shown.contains(window.actionManager()->action(QByteArray(ActionIds::OpenExample) + "shop")));
    // The tool bar's buttons are commands too, even those no menu holds.
    QVERIFY(shown.contains(window.actionManager()->action(ActionIds::LocalCloud)));
}

void tst_ActionManager::paletteMarksTheMatchedLetters()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    CommandPalette palette(*window.actionManager());
    auto *search = palette.findChild<QLineEdit *>("commandSearch");
    auto *list = palette.findChild<QListWidget *>("commandList");
    QVERIFY(search && list);
    QTest::keyClicks(search, "loc cl");
    QVERIFY(list->count() > 0);
    QAction *cloud = window.actionManager()->action(ActionIds::LocalCloud);
    QVERIFY(palette.shownActions().contains(cloud));
    const QListWidgetItem *item = list->item(int(palette.shownActions().indexOf(cloud)));
    const QList<int> positions = item->data(CommandPalette::MatchRole).value<QList<int>>();
    // Five letters typed, five marked, each the letter typed, in order.
    QCOMPARE(positions.size(), 5);
    const QString typed = "loccl";
    for (int i = 0; i < positions.size(); ++i) {
        QCOMPARE(item->text().at(positions[i]).toLower(), typed.at(i));
        if (i > 0)
            QVERIFY(positions[i] > positions[i - 1]);
    }
    // The action's own words are where the letters are marked, not its menu's.
    QVERIFY(positions.first() >= item->text().lastIndexOf(cloud->text().remove('&')));
    // The list paints (through its delegate) without trouble.
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QVERIFY(!list->grab().isNull());
}

QTEST_MAIN(tst_ActionManager)
#include "tst_actionmanager.moc"
