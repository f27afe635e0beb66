// The Scenarios dock on the shop example: its five scenarios listed with their steps, one
// run from the Run button with a pass mark on each step, a scenario written to fail showing
// its message and the hops under it (a hop leading to its node on the canvas), a long run
// stopped, and a request of the local cloud's log saved as a scenario - confined to the
// project's scenarios/ folder, never replacing a file without asking.

#include "canvas/canvasscene.h"
#include "cloud/cloudpanel.h"
#include "document/project.h"
#include "editor/editorarea.h"
#include "mainwindow.h"
#include "model/architecture.h"
#include "scenario/scenario.h"
#include "scenario/scenariosdock.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
constexpr int kRunTimeoutMs = 120000; // real Node.js and Python workers

bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QList<QTreeWidgetItem *> childrenOfKind(QTreeWidgetItem *item, int kind)
{
    QList<QTreeWidgetItem *> found;
    for (int i = 0; i < item->childCount(); ++i) {
        if (item->child(i)->data(0, ScenariosDock::KindRole).toInt() == kind)
            found.append(item->child(i));
        found += childrenOfKind(item->child(i), kind);
    }
    return found;
}
} // namespace

class TestScenariosDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsTheExampleScenarios();
    void runsOneFromTheRunButton();
    void failureShowsItsMessageAndHops();
    void stopsALongRun();
    void parseErrorShowsWhere();
    void savedRequestBecomesAScenario();
    void scenarioNamesStayInTheFolder_data();
    void scenarioNamesStayInTheFolder();
    void newScenarioWritesATemplate();
    void buttonsAreNotCut();

private:
    QString scenariosFolder() const;
    // Selects the scenario's row, clicks Run and waits for the run to end.
    bool runFromButton(const QString &fileName);

    std::unique_ptr<MainWindow> mWindow;
    ScenariosDock *mDock = nullptr;
};

void TestScenariosDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"NimbusTest"_s);
    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(mWindow->openExample(u"shop"_s));
    mDock = mWindow->findChild<ScenariosDock *>();
    QVERIFY(mDock);
    QCOMPARE(mDock, mWindow->scenariosDock());
    // Nothing may ask: the example's working copy is saved and unchanged.
    mDock->setSaveHook([] { return true; });
    mWindow->showScenarios();
    QVERIFY(QTest::qWaitForWindowExposed(mDock));
}

void TestScenariosDock::cleanupTestCase()
{
    mWindow.reset();
}

QString TestScenariosDock::scenariosFolder() const
{
    return QFileInfo(mWindow->project()->filePath()).dir().filePath(u"scenarios"_s);
}

bool TestScenariosDock::runFromButton(const QString &fileName)
{
    QTreeWidgetItem *row = mDock->scenarioItem(fileName);
    if (!row)
        return false;
    mDock->tree()->clearSelection();
    row->setSelected(true);
    auto *run = mDock->findChild<QPushButton *>(u"scenarioRun"_s);
    if (!run || !run->isEnabled())
        return false;
    QSignalSpy finished(mDock, &ScenariosDock::runFinished);
    QTest::mouseClick(run, Qt::LeftButton);
    return finished.wait(kRunTimeoutMs) || !finished.isEmpty();
}

void TestScenariosDock::listsTheExampleScenarios()
{
    QTreeWidget *tree = mDock->tree();
    QStringList files;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        files.append(QFileInfo(tree->topLevelItem(i)->data(0, ScenariosDock::FileRole).toString()).fileName());
    QCOMPARE(files, (QStringList{u"big-order-review.yaml"_s, u"failed-notification.yaml"_s, u"fulfilment.yaml"_s,
                                 u"nightly-report.yaml"_s, u"order-placed.yaml"_s, u"payment-retries.yaml"_s,
                                 u"staff-only.yaml"_s}));
    QTreeWidgetItem *placed = mDock->scenarioItem(u"order-placed.yaml"_s);
    QCOMPARE(placed->text(0), u"An order is placed, stored and receipted"_s);
    QCOMPARE(placed->childCount(), 5);
    QCOMPARE(placed->child(4)->text(0), u"a refused order"_s);
    // The property scenario's invariant is a step of its own.
    QTreeWidgetItem *retries = mDock->scenarioItem(u"payment-retries.yaml"_s);
    QCOMPARE(retries->childCount(), 2);
    QVERIFY(retries->child(1)->text(0).startsWith(u"invariant: "_s));
}

void TestScenariosDock::runsOneFromTheRunButton()
{
    QVERIFY(runFromButton(u"order-placed.yaml"_s));
    QTreeWidgetItem *placed = mDock->scenarioItem(u"order-placed.yaml"_s);
    for (int i = 0; i < placed->childCount(); ++i) {
        QVERIFY2(placed->child(i)->text(1).contains(u"passed"_s),
                 qPrintable(placed->child(i)->text(0) + u": "_s + placed->child(i)->text(1)));
        QVERIFY(!placed->child(i)->text(2).isEmpty()); // its duration
    }
    QVERIFY(placed->text(1).contains(u"passed"_s));
    auto *summary = mDock->findChild<QLabel *>(u"scenarioSummary"_s);
    QVERIFY2(summary->text().startsWith(u"1 passed, 0 failed ("_s), qPrintable(summary->text()));
    QVERIFY(!mDock->isRunning());
}

void TestScenariosDock::failureShowsItsMessageAndHops()
{
    QVERIFY(write(QDir(scenariosFolder()).filePath(u"zz-wrong-total.yaml"_s), R"(name: A total that is wrong
steps:
  - request: POST /orders
    body: {customerId: c7, email: ana@shop.example, items: [{itemId: "1", quantity: 2, unitPrice: 10}]}
    expect: {status: 202}
  - expect-item:
      table: orders
      matches: {total: 999}
    within: 10s
)"));
    mDock->refresh();
    QVERIFY(runFromButton(u"zz-wrong-total.yaml"_s));
    QTreeWidgetItem *row = mDock->scenarioItem(u"zz-wrong-total.yaml"_s);
    QVERIFY(row->text(1).contains(u"failed"_s));
    QVERIFY(row->child(0)->text(1).contains(u"passed"_s));
    QTreeWidgetItem *failed = row->child(1);
    QVERIFY(failed->text(1).contains(u"failed"_s));
    const QList<QTreeWidgetItem *> messages = childrenOfKind(failed, ScenariosDock::MessageRow);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first()->text(0).contains(u"orders"_s), qPrintable(messages.first()->text(0)));
    QVERIFY2(messages.first()->text(0).contains(u"total"_s), qPrintable(messages.first()->text(0)));
    const QList<QTreeWidgetItem *> hops = childrenOfKind(failed, ScenariosDock::HopRow);
    QVERIFY(!hops.isEmpty());
    const auto processOrder = std::find_if(hops.cbegin(), hops.cend(), [](QTreeWidgetItem *hop) {
        return hop->data(0, ScenariosDock::NodeRole).toString() == "processOrder"_L1;
    });
    QVERIFY2(processOrder != hops.cend(), qPrintable(hops.first()->text(0)));
    auto *summary = mDock->findChild<QLabel *>(u"scenarioSummary"_s);
    QVERIFY2(summary->text().startsWith(u"0 passed, 1 failed ("_s), qPrintable(summary->text()));

    // Double-clicking the hop selects processOrder on the canvas.
    QTreeWidget *tree = mDock->tree();
    tree->scrollToItem(*processOrder);
    QSignalSpy nodes(mDock, &ScenariosDock::nodeActivated);
    const QPoint at = tree->visualItemRect(*processOrder).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(nodes.size(), 1);
    QCOMPARE(nodes.first().first().toString(), u"processOrder"_s);
    const Node *node = mWindow->project()->architecture().nodeByName(u"processOrder"_s);
    QTRY_VERIFY(mWindow->canvasScene()->selectedNodes().contains(node->id));

    // The request step names no node: double-clicking it opens the file at its line.
    QSignalSpy files(mDock, &ScenariosDock::fileActivated);
    tree->scrollToItem(row->child(0));
    const QPoint step = tree->visualItemRect(row->child(0)).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, step);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, step);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().at(1).toInt(), 3);
    QVERIFY(mWindow->editorArea()->page(files.first().first().toString()));
}

void TestScenariosDock::stopsALongRun()
{
    QTreeWidgetItem *row = mDock->scenarioItem(u"payment-retries.yaml"_s);
    mDock->tree()->clearSelection();
    row->setSelected(true);
    QTest::mouseClick(mDock->findChild<QPushButton *>(u"scenarioRun"_s), Qt::LeftButton);
    QVERIFY(mDock->isRunning());
    row = mDock->scenarioItem(u"payment-retries.yaml"_s);
    auto *stop = mDock->findChild<QPushButton *>(u"scenarioStop"_s);
    QVERIFY(stop->isEnabled());
    // A few of its hundred runs, then Stop.
    QTRY_VERIFY_WITH_TIMEOUT(row->child(0)->text(1).contains(u"passed"_s), kRunTimeoutMs);
    QSignalSpy finished(mDock, &ScenariosDock::runFinished);
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!mDock->isRunning());
    QVERIFY(!stop->isEnabled());
    QVERIFY(row->text(1).contains(u"failed"_s));
    auto *summary = mDock->findChild<QLabel *>(u"scenarioSummary"_s);
    QVERIFY2(summary->text().contains(u"stopped"_s), qPrintable(summary->text()));
}

void TestScenariosDock::parseErrorShowsWhere()
{
    const QString path = QDir(scenariosFolder()).filePath(u"zz-broken.yaml"_s);
    QVERIFY(write(path, "name: Broken\nsteps:\n  - request: POST /orders\n    expect: {status: [\n"));
    mDock->refresh();
    QTreeWidgetItem *row = mDock->scenarioItem(u"zz-broken.yaml"_s);
    QVERIFY(row);
    QCOMPARE(row->childCount(), 1);
    const QString error = row->child(0)->text(0);
    QVERIFY2(error.contains(QRegularExpression(u"zz-broken\\.yaml:\\d+:\\d+: "_s)), qPrintable(error));
    QCOMPARE(row->foreground(0).color(), row->child(0)->foreground(0).color());
    QVERIFY(row->foreground(0).color().red() > 150);
    QVERIFY(QFile::remove(path));
    mDock->refresh();
    QVERIFY(!mDock->scenarioItem(u"zz-broken.yaml"_s));
}

void TestScenariosDock::savedRequestBecomesAScenario()
{
    QString error;
    QVERIFY2(mWindow->cloudPanel()->start(&error), qPrintable(error));
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(mWindow->cloudPanel()->address() + u"/orders"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = network.post(
        request,
        R"({"customerId": "c8", "email": "al@shop.example", "items": [{"itemId": "5", "quantity": 1, "unitPrice": 4}]})");
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(kRunTimeoutMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
    reply->deleteLater();
    LocalCloud *cloud = mWindow->cloudPanel()->cloud();
    qint64 id = 0;
    for (const CloudLogEntry &entry : cloud->log())
        if (entry.source == "POST /orders"_L1)
            id = entry.id;
    QVERIFY(id > 0);
    // The request's row of the log offers Save as Scenario; a hop it caused does not.
    auto *log = mWindow->cloudPanel()->findChild<QTreeWidget *>(u"cloudLog"_s);
    QVERIFY(log);
    const auto menuOn = [log](const std::function<bool(const CloudLogEntry &)> &which) -> QStringList {
        QTreeWidgetItem *row = nullptr;
        for (QTreeWidgetItemIterator it(log); *it && !row; ++it)
            if (which((*it)->data(0, Qt::UserRole).value<CloudLogEntry>()))
                row = *it;
        if (!row)
            return {u"no row"_s};
        log->scrollToItem(row);
        QStringList shown;
        QTimer::singleShot(0, log, [&shown] {
            if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
                for (QAction *action : menu->actions())
                    shown.append(action->objectName());
                menu->close();
            }
        });
        emit log->customContextMenuRequested(log->visualItemRect(row).center());
        return shown;
    };
    QCOMPARE(menuOn([id](const CloudLogEntry &e) { return e.id == id; }), QStringList{u"saveAsScenario"_s});
    QCOMPARE(menuOn([id](const CloudLogEntry &e) { return e.cause == id; }), QStringList());

    // Its hops settle: the order stored and its receipt written.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(cloud->log().cbegin(), cloud->log().cend(),
                                         [](const CloudLogEntry &e) { return e.target == "receipts"_L1; }),
                             kRunTimeoutMs);

    const Result<QString> written = mWindow->saveRequestAsScenario(id, u"recorded-order"_s);
    QVERIFY2(written, qPrintable(written.errorMessage()));
    QCOMPARE(QFileInfo(*written).dir().canonicalPath(), QDir(scenariosFolder()).canonicalPath());
    QCOMPARE(QFileInfo(*written).fileName(), u"recorded-order.yaml"_s);
    QFile file(*written);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    const Result<Scenario> scenario = Scenario::load(*written);
    QVERIFY2(scenario, qPrintable(scenario.errorMessage()));
    QCOMPARE(scenario->steps.first().kind, ScenarioStep::Kind::Request);
    QCOMPARE(scenario->steps.last().kind, ScenarioStep::Kind::ExpectHops);
    QTreeWidgetItem *row = mDock->scenarioItem(u"recorded-order.yaml"_s);
    QVERIFY(row);
    QVERIFY(row->isSelected());
    // The run history gave the body sent and the answer: the order's id is captured from
    // it, and the recorded scenario holds on a fresh cloud.
    QVERIFY2(!scenario->steps.first().extra.value(u"body"_s).isUndefined(), before.constData());
    QCOMPARE(scenario->steps.first().capture.value(u"orderId"_s).toString(), u"body.orderId"_s);
    QVERIFY(runFromButton(u"recorded-order.yaml"_s));
    row = mDock->scenarioItem(u"recorded-order.yaml"_s);
    for (int i = 0; i < row->childCount(); ++i)
        QVERIFY2(row->child(i)->text(1).contains(u"passed"_s),
                 qPrintable(row->child(i)->text(0) + u": "_s + row->child(i)->text(1) + u"\n"_s
                            + QString::fromUtf8(before)));

    // The same name again: replaced only when the user says so.
    QVERIFY(write(*written, "name: edited by hand\nsteps:\n  - advance: 1m\n"));
    int asked = 0;
    mDock->setOverwriteHook([&asked](const QString &) {
        ++asked;
        return false;
    });
    const Result<QString> again = mWindow->saveRequestAsScenario(id, u"recorded-order"_s);
    QVERIFY(!again);
    QCOMPARE(asked, 1);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("name: edited by hand\nsteps:\n  - advance: 1m\n"));
    file.close();
    mDock->setOverwriteHook([](const QString &) { return true; });
    QVERIFY(mWindow->saveRequestAsScenario(id, u"recorded-order.yaml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("# Scaffolded from the local cloud's log: POST /orders"));
    file.close();
    QVERIFY(Scenario::load(*written));
    mWindow->cloudPanel()->stop();
    QVERIFY(QFile::remove(*written));
}

void TestScenariosDock::scenarioNamesStayInTheFolder_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("a parent folder") << u"../outside"_s;
    QTest::newRow("a sub-folder") << u"sub/inside"_s;
    QTest::newRow("an absolute path") << u"/tmp/outside"_s;
    QTest::newRow("dots") << u".."_s;
    QTest::newRow("hidden") << u".hidden"_s;
    QTest::newRow("empty") << QString();
}

void TestScenariosDock::scenarioNamesStayInTheFolder()
{
    QFETCH(QString, name);
    const QDir project = QFileInfo(mWindow->project()->filePath()).dir();
    const QStringList before = QDir(project.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    const Result<QString> written = mDock->writeScenario(name, "name: x\nsteps:\n  - advance: 1m\n");
    QVERIFY(!written);
    QVERIFY(!written.errorMessage().isEmpty());
    QVERIFY(!QFileInfo::exists(project.filePath(u"outside.yaml"_s)));
    QVERIFY(!QFileInfo::exists(QDir(scenariosFolder()).filePath(u"sub"_s)));
    QCOMPARE(QDir(project.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
}

void TestScenariosDock::newScenarioWritesATemplate()
{
    const Result<QString> written = mDock->createScenario(u"checkout flow"_s);
    QVERIFY2(written, qPrintable(written.errorMessage()));
    QCOMPARE(QFileInfo(*written).fileName(), u"checkout flow.yaml"_s);
    const Result<Scenario> scenario = Scenario::load(*written);
    QVERIFY2(scenario, qPrintable(scenario.errorMessage()));
    QCOMPARE(scenario->name, u"checkout flow"_s);
    QVERIFY(!scenario->steps.isEmpty());
    QFile file(*written);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("# ")); // commented for its reader
    file.close();
    QVERIFY(mDock->scenarioItem(u"checkout flow.yaml"_s));
    QVERIFY(QFile::remove(*written));
    mDock->refresh();
}

void TestScenariosDock::buttonsAreNotCut()
{
    mWindow->showScenarios();
    QTest::qWait(50);
    for (QAbstractButton *button : mDock->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(button->text()));
    }
    auto *dock = mWindow->findChild<QDockWidget *>(u"scenariosDock"_s);
    QVERIFY(dock);
    QVERIFY(dock->isAncestorOf(mDock));
}

QTEST_MAIN(TestScenariosDock)
#include "tst_scenariosdock.moc"
