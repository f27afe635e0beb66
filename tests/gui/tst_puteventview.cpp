// Putting events on a bus from the studio (issue 22 item 1): the window opened from the
// bus's context menu and from the Local Cloud dock starts with an entry its rules expect,
// says as the entry is typed which rules it would match (the cloud's own matcher), puts it
// through the local cloud - where the matching rule's queue receives it - and keeps events
// under a name with the project, to be put again.

#include "actionmanager.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/ruletester.h"
#include "cloud/cloudpanel.h"
#include "cloud/localcloud.h"
#include "cloud/puteventview.h"
#include "document/project.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "model/catalog.h"
#include "runtime/runhistory.h"
#include "storage/projectfile.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <Qsci/qsciscintilla.h>

using namespace Nimbus;

namespace {

const char *kBig = R"({"source": ["shop.orders"], "detail-type": ["order placed"],)"
                   R"( "detail": {"total": [{"numeric": [">", 100]}]}})";

// A bus whose rule "big" sends orders over 100 to review, "all" every shop event to audit,
// and "off" (disabled) to audit too.
QByteArray design()
{
    auto node = [](const char *name, const char *kind, const QJsonObject &properties) {
        return QJsonObject{{"name", name}, {"kind", kind}, {"properties", properties}};
    };
    auto edge = [](const char *from, const char *to, const char *type) {
        return QJsonObject{{"from", from}, {"to", to}, {"type", type}};
    };
    const QJsonObject project{
        {"format", "nimbus-project"},
        {"version", 1},
        {"nodes", QJsonArray{node("orders", "event-bus", {}), node("big", "rule", {{"pattern", kBig}}),
                             node("all", "rule", {{"pattern", R"({"source": ["shop.orders"]})"}}),
                             node("off", "rule", {{"pattern", R"({"source": ["shop.orders"]})"}, {"enabled", false}}),
                             node("review", "queue", {}), node("audit", "queue", {})}},
        {"edges", QJsonArray{edge("orders", "big", "routes"), edge("orders", "all", "routes"),
                             edge("orders", "off", "routes"), edge("big", "review", "targets"),
                             edge("all", "audit", "targets"), edge("off", "audit", "targets")}}};
    return QJsonDocument(project).toJson();
}

bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QString order(double total)
{
    return QStringLiteral(
               R"({"Source": "shop.orders", "DetailType": "order placed", "Detail": {"id": 7, "total": %1}})")
        .arg(total);
}

} // namespace

class TestPutEventView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exampleIsWhatARuleExpects();
    void rulesFollowTheText_data();
    void rulesFollowTheText();
    void putReachesTheMatchingRulesQueue();
    void ruleTesterOffersTheSavedEvents();

private:
    QString mProject;
    QTemporaryDir mDir;
};

void TestPutEventView::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    mProject = mDir.filePath(QStringLiteral("shop.json"));
    QVERIFY(write(mProject, design()));
}

void TestPutEventView::exampleIsWhatARuleExpects()
{
    Project project(Catalog::builtin());
    const NodeId bus = project.addNode(QStringLiteral("event-bus"), {}, QStringLiteral("orders")).valueOr(0);
    // No rule: a neutral entry.
    QJsonObject entry = QJsonDocument::fromJson(PutEventView::exampleEntry(project, "orders").toUtf8()).object();
    QCOMPARE(entry.value("Source").toString(), "my.app");
    QVERIFY(entry.value("Detail").isObject());
    // The first rule (by name) naming a source and a detail-type gives both.
    const NodeId any = project.addNode(QStringLiteral("rule"), {}, QStringLiteral("a-any")).valueOr(0);
    QVERIFY(project.setNodeProperty(any, QStringLiteral("pattern"), R"({"source": ["x"]})"));
    const NodeId big = project.addNode(QStringLiteral("rule"), {}, QStringLiteral("big")).valueOr(0);
    QVERIFY(project.setNodeProperty(big, QStringLiteral("pattern"), kBig));
    QVERIFY(project.connectNodes(bus, any, QStringLiteral("routes")));
    QVERIFY(project.connectNodes(bus, big, QStringLiteral("routes")));
    entry = QJsonDocument::fromJson(PutEventView::exampleEntry(project, "orders").toUtf8()).object();
    QCOMPARE(entry.value("Source").toString(), "shop.orders");
    QCOMPARE(entry.value("DetailType").toString(), "order placed");
}

void TestPutEventView::rulesFollowTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("matching");
    QTest::addColumn<QString>("status"); // a part of the status; empty: no error
    QTest::addColumn<bool>("puttable");

    QTest::newRow("order over 100") << order(150) << QStringList{"all", "big"} << "" << true;
    QTest::newRow("order of 100") << order(100) << QStringList{"all"} << "" << true;
    QTest::newRow("order of 50") << order(50) << QStringList{"all"} << "" << true;
    QTest::newRow("Detail as JSON text")
        << R"({"Source": "shop.orders", "DetailType": "order placed", "Detail": "{\"total\": 101}"})"
        << QStringList{"all", "big"} << "" << true;
    QTest::newRow("other source") << R"({"Source": "billing", "DetailType": "order placed", "Detail": {}})"
                                  << QStringList{} << "" << true;
    QTest::newRow("two entries, one big")
        << QStringLiteral("[%1, %2]").arg(order(20), order(500)) << QStringList{"all", "big"} << "" << true;
    QTest::newRow("not JSON") << "{\"Source\": " << QStringList{} << "is not JSON" << false;
    QTest::newRow("no entry") << "[]" << QStringList{} << "no entry" << false;
    QStringList eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(order(i));
    QTest::newRow("eleven entries") << QStringLiteral("[%1]").arg(eleven.join(u',')) << QStringList{}
                                    << "at most 10 entries" << false;
    QTest::newRow("over 256 KB")
        << QStringLiteral(R"({"Source": "shop.orders", "DetailType": "order placed", "Detail": {"note": "%1"}})")
               .arg(QString(256 * 1024, u'x'))
        << QStringList{} << "PutEvents takes at most 262,144" << false;
    QTest::newRow("entry not an object") << "[1]" << QStringList{} << "Entry 1 is not a JSON object" << false;
    // What PutEvents would refuse, in its words (the cloud would answer the same entry so).
    QTest::newRow("no detail type") << R"({"Source": "shop.orders", "Detail": {}})" << QStringList{}
                                    << "Entry 1: InvalidArgument" << true;
    QTest::newRow("malformed detail") << R"({"Source": "shop.orders", "DetailType": "x", "Detail": "[1"})"
                                      << QStringList{} << "Entry 1: MalformedDetail" << true;
}

void TestPutEventView::rulesFollowTheText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, matching);
    QFETCH(QString, status);
    QFETCH(bool, puttable);
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(mProject, project));
    PutEventView view(nullptr, &project, nullptr, QStringLiteral("orders"));
    view.setText(text);
    QCOMPARE(view.matchingRules(), matching);
    auto *rules = view.findChild<QTreeWidget *>("putEventRules");
    QCOMPARE(rules->topLevelItemCount(), 3);
    QCOMPARE(rules->topLevelItem(2)->text(0), "off");
    QCOMPARE(rules->topLevelItem(2)->text(1), "Disabled");
    if (status.isEmpty())
        QVERIFY2(!view.status().contains("Entry") && !view.status().contains("JSON"), qPrintable(view.status()));
    else
        QVERIFY2(view.status().contains(status), qPrintable(view.status()));
    QCOMPARE(bool(view.entries()), puttable);
    // Without a running cloud nothing is put, and the view says why.
    QVERIFY(!view.findChild<QPushButton *>("putEventPut")->isEnabled());
    QVERIFY(!view.put());
    QVERIFY(view.status().contains("Start the local cloud"));
}

void TestPutEventView::putReachesTheMatchingRulesQueue()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    CloudPanel *panel = window.cloudPanel();
    QVERIFY(panel->isRunning());
    LocalCloud *cloud = panel->cloud();

    // The bus's context menu on the canvas opens the window, with the rules' example.
    const NodeId bus = window.project()->architecture().nodeByName("orders")->id;
    QMenu menu;
    emit window.canvasView()->nodeContextMenuRequested(bus, &menu);
    QAction *open = menu.findChild<QAction *>("busPutEventAction");
    QVERIFY(open);
    open->trigger();
    auto *view = window.findChild<PutEventView *>();
    QVERIFY(view);
    QVERIFY(view->isVisible());
    QCOMPARE(view->cloud(), cloud);
    QVERIFY(view->text().contains("\"order placed\""));
    QCOMPARE(view->matchingRules(), QStringList{"all"}); // an empty Detail has no total

    // Typed into the editor, the list follows once the typing pauses.
    auto *editor = view->findChild<QsciScintilla *>("putEventEditor");
    QVERIFY(editor);
    editor->setText(order(50));
    QTRY_COMPARE(view->matchingRules(), QStringList{"all"});
    editor->setText(order(101));
    QTRY_COMPARE(view->matchingRules(), (QStringList{"all", "big"}));
    view->setText(order(50));
    QCOMPARE(view->matchingRules(), QStringList{"all"});
    auto *put = view->findChild<QPushButton *>("putEventPut");
    QVERIFY(put->isEnabled());
    QTest::mouseClick(put, Qt::LeftButton);
    QVERIFY2(view->status().contains("put as event"), qPrintable(view->status()));
    QVERIFY2(view->status().contains("Matched 1 rule(s): all"), qPrintable(view->status()));
    QCOMPARE(cloud->state().messages("audit").size(), 1);
    QCOMPARE(cloud->state().messages("review").size(), 0);

    view->setText(order(150));
    QCOMPARE(view->matchingRules(), (QStringList{"all", "big"}));
    const Result<QJsonArray> results = view->put();
    QVERIFY(results);
    const QString id = results->at(0).toObject().value("EventId").toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(view->status().contains(id));
    const QList<QueueMessage> review = cloud->state().messages("review");
    QCOMPARE(review.size(), 1);
    const QJsonObject event = QJsonDocument::fromJson(review.at(0).body).object();
    QCOMPARE(event.value("id").toString(), id);
    QCOMPARE(event.value("detail").toObject().value("total").toInt(), 150);
    QCOMPARE(event.value("source").toString(), "shop.orders");
    QCOMPARE(cloud->state().messages("audit").size(), 2); // "off" sent nothing
    // The put is a hop of the cloud's log, as any other PutEvents.
    bool logged = false;
    for (const CloudLogEntry &entry : cloud->log())
        logged = logged || (entry.source == "orders" && entry.target == "big");
    QVERIFY(logged);

    // An entry the service refuses is said in its words, and nothing is delivered.
    view->setText(R"({"Source": "shop.orders", "DetailType": "x", "Detail": "[1"})");
    QVERIFY(view->put());
    QVERIFY2(view->status().contains("MalformedDetail"), qPrintable(view->status()));
    QCOMPARE(cloud->state().messages("audit").size(), 2);

    // Saved with the project, listed, loaded again, deleted.
    QVERIFY(window.project()->filePath() == mProject);
    view->setText(order(250));
    QVERIFY2(view->saveEvent("big order"), qPrintable(view->status()));
    view->setText(order(1));
    QVERIFY(view->saveEvent("tiny order"));
    QCOMPARE(view->savedEvents(), (QStringList{"big order", "tiny order"}));
    auto *saved = view->findChild<QComboBox *>("putEventSaved");
    QCOMPARE(saved->count(), 3); // (new event) and the two
    QVERIFY(view->loadEvent("big order"));
    QCOMPARE(view->text(), order(250));
    QCOMPARE(view->matchingRules(), (QStringList{"all", "big"}));
    QCOMPARE(saved->currentData().toString(), "big order");
    QVERIFY(view->findChild<QPushButton *>("putEventDelete")->isEnabled());
    QVERIFY(view->put());
    QCOMPARE(cloud->state().messages("review").size(), 2);
    QVERIFY(view->removeEvent("tiny order"));
    QCOMPARE(view->savedEvents(), QStringList{"big order"});
    QCOMPARE(saved->count(), 2);

    // The Local Cloud dock opens the same window for the bus selected on the canvas.
    panel->showService("orders");
    auto *dockButton = panel->findChild<QPushButton *>("cloudPutEvent");
    QVERIFY(dockButton->isVisibleTo(panel));
    QTest::mouseClick(dockButton, Qt::LeftButton);
    QCOMPARE(window.findChildren<PutEventView *>().size(), 1);
    panel->showService("review");
    QVERIFY(!dockButton->isVisibleTo(panel));

    // Stopped, the cloud takes nothing; started again, the bus gets a window of its own that
    // finds the saved event.
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    QVERIFY(!panel->isRunning());
    QVERIFY(!put->isEnabled());
    QVERIFY(!view->put());
    QVERIFY(panel->showPutEvent("orders") == nullptr);
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    QVERIFY(panel->isRunning());
    PutEventView *again = panel->showPutEvent("orders");
    QVERIFY(again && again != view);
    QCOMPARE(again->cloud(), panel->cloud());
    QCOMPARE(again->savedEvents(), QStringList{"big order"});
}

// The Inspector's Test pattern box of a rule offers the events saved with its buses, as
// EventBridge would deliver them, after its examples.
void TestPutEventView::ruleTesterOffersTheSavedEvents()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(mProject));
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    PutEventView *view = window.cloudPanel()->showPutEvent("orders");
    QVERIFY(view);
    for (const QString &name : view->savedEvents())
        QVERIFY(view->removeEvent(name));
    view->setText(order(300));
    QVERIFY(view->saveEvent("huge"));
    view->setText(QStringLiteral("[%1, %2]").arg(order(5), order(101)));
    QVERIFY(view->saveEvent("pair"));
    view->setText(R"({"Source": "shop.orders", "Detail": {}})"); // PutEvents would refuse it
    QVERIFY(view->saveEvent("refused"));

    const NodeId big = window.project()->architecture().nodeByName("big")->id;
    window.canvasScene()->selectNodes({big});
    RuleTester *tester = window.inspector()->ruleTester();
    QVERIFY(tester);
    QComboBox *examples = tester->examples();
    QStringList labels;
    for (int i = 0; i < examples->count(); ++i)
        labels.append(examples->itemText(i));
    QVERIFY2(labels.mid(labels.size() - 3)
                 == (QStringList{"Saved: huge (orders)", "Saved: pair #1 (orders)", "Saved: pair #2 (orders)"}),
             qPrintable(labels.join(" | ")));
    examples->setCurrentIndex(labels.indexOf("Saved: huge (orders)"));
    QVERIFY(tester->matched());
    const QJsonObject event = QJsonDocument::fromJson(tester->eventEditor()->toPlainText().toUtf8()).object();
    QCOMPARE(event.value("detail-type").toString(), "order placed");
    QCOMPARE(event.value("detail").toObject().value("total").toInt(), 300);
    examples->setCurrentIndex(labels.indexOf("Saved: pair #1 (orders)"));
    QVERIFY(!tester->matched());
    examples->setCurrentIndex(labels.indexOf("Saved: pair #2 (orders)"));
    QVERIFY(tester->matched());
    // A rule of no bus has the examples only.
    const NodeId lone = window.project()->addNode("rule", {0, 0}, "lone").valueOr(kInvalidNodeId);
    window.canvasScene()->selectNodes({lone});
    QVERIFY(window.inspector()->ruleTester());
    QCOMPARE(window.inspector()->ruleTester()->examples()->count(), labels.size() - 3);
    window.project()->undoStack()->undo();
    window.project()->undoStack()->setClean();
}

QTEST_MAIN(TestPutEventView)
#include "tst_puteventview.moc"
