// The studio's Local Cloud: the toolbar toggle and the status bar, hops in the event
// log as they happen, the state inspector adding and deleting entries.

#include "actionmanager.h"
#include "cloud/cloudpanel.h"
#include "cloud/gatewayserver.h"
#include "document/project.h"
#include "mainwindow.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/projectfile.h"

#include <curl/curl.h>

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <future>

using namespace Nimbus;

namespace {
long httpGet(const QByteArray &url)
{
    CURL *curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_NOBODY, 0L);
    curl_easy_setopt(
        curl, CURLOPT_WRITEFUNCTION, +[](char *, size_t size, size_t count, void *) { return size * count; });
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    long status = 0;
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    return status;
}

// Whether a row of the log, at any depth, satisfies matches.
template<typename Predicate>
bool anyRow(QTreeWidget *log, Predicate matches)
{
    for (QTreeWidgetItemIterator it(log); *it; ++it)
        if (matches(*it))
            return true;
    return false;
}

bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
} // namespace

class TestCloudPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void toggleAndFollowARequest();
    void inspectorAddsAndDeletes();
    void refusesWithoutAProject();
    void routeSendsARequestThroughTheGateway();
    void requestsStayOnTheGateway_data();
    void requestsStayOnTheGateway();
    void busyLogScrollsAFewTimesASecond();

private:
    QString mProject;
    QTemporaryDir mDir;
};

void TestCloudPanel::initTestCase()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    mProject = mDir.filePath(QStringLiteral("shop.json"));
    QVERIFY(write(mDir.filePath(QStringLiteral("functions/getItem/index.js")),
                  "exports.handler = async (e) => ({ id: e.pathParameters.id });\n"));
    QVERIFY(write(mDir.filePath(QStringLiteral("functions/worker/index.js")),
                  "exports.handler = async (e) => ({ got: e.Records.length });\n"));
    QVERIFY(write(mProject, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "route", "kind": "http-route", "properties": {"method": "GET", "path": "/items/{id}"}},
                  {"name": "getItem", "kind": "function", "properties": {"source": "functions/getItem"}},
                  {"name": "jobs", "kind": "queue"},
                  {"name": "worker", "kind": "function", "properties": {"source": "functions/worker"}},
                  {"name": "files", "kind": "bucket"}],
        "edges": [{"from": "route", "to": "getItem", "type": "invokes"}, {"from": "jobs", "to": "worker", "type": "invokes"}]})"));
}

void TestCloudPanel::toggleAndFollowARequest()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    auto *status = window.findChild<QLabel *>(QStringLiteral("cloudStatus"));
    QCOMPARE(status->text(), QStringLiteral("Local cloud: stopped"));
    auto *action = window.actionManager()->action(ActionIds::LocalCloud);
    action->trigger();
    CloudPanel *panel = window.cloudPanel();
    QVERIFY(panel->isRunning());
    QVERIFY(action->isChecked());
    QVERIFY(status->text().startsWith(QLatin1String("Local cloud: http://127.0.0.1:")));
    // The AWS-compatible endpoint the functions' SDKs reach is named beside it.
    QVERIFY(panel->awsEndpoint().startsWith(QLatin1String("http://127.0.0.1:")));
    QVERIFY(status->text().endsWith(QStringLiteral("(AWS endpoint %1)").arg(panel->awsEndpoint())));
    QCOMPARE(panel->cloud()->serviceEndpoint(), panel->awsEndpoint());

    auto future = std::async(std::launch::async, httpGet, (panel->address() + QStringLiteral("/items/42")).toUtf8());
    QVERIFY(QTest::qWaitFor([&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                            30000));
    QCOMPARE(future.get(), 200L);
    auto *log = panel->findChild<QTreeWidget *>(QStringLiteral("cloudLog"));
    // A request is a row of its own, with the status the client got.
    QVERIFY(QTest::qWaitFor(
        [&] {
        for (int i = 0; i < log->topLevelItemCount(); ++i)
            if (log->topLevelItem(i)->text(1) == QLatin1String("GET /items/42")
                && log->topLevelItem(i)->text(2) == QLatin1String("getItem")
                && log->topLevelItem(i)->text(3) == QLatin1String("200")
                && log->topLevelItem(i)->text(4).endsWith(QLatin1String("ms")))
                return true;
        return false;
        },
        10000));

    action->trigger(); // stop
    QVERIFY(!panel->isRunning());
    QCOMPARE(status->text(), QStringLiteral("Local cloud: stopped"));
    window.runner()->pool()->stopAll();
}

void TestCloudPanel::inspectorAddsAndDeletes()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    CloudPanel *panel = window.cloudPanel();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("cloudToggle")), Qt::LeftButton);
    QVERIFY(panel->isRunning());
    auto *input = panel->findChild<QLineEdit *>(QStringLiteral("cloudInput"));
    auto *state = panel->findChild<QTreeWidget *>(QStringLiteral("cloudState"));
    auto *log = panel->findChild<QTreeWidget *>(QStringLiteral("cloudLog"));

    // A message typed for the queue reaches its consumer, which shows in the log.
    window.selectNode(QStringLiteral("jobs"));
    QCOMPARE(panel->shownService(), QStringLiteral("jobs"));
    QTest::keyClicks(input, QStringLiteral("hello"));
    QTest::keyClick(input, Qt::Key_Return);
    // The worker's run sits under the message that caused it.
    QVERIFY(QTest::qWaitFor(
        [&] {
        return anyRow(log, [](QTreeWidgetItem *row) {
            return row->text(1) == QLatin1String("jobs") && row->text(2) == QLatin1String("worker")
                   && row->text(3) == QLatin1String("ok") && row->text(5).startsWith(QLatin1String("ok"))
                   && row->parent() && row->parent()->text(2) == QLatin1String("jobs");
        });
        },
        20000));
    QVERIFY(QTest::qWaitFor([&] { return state->topLevelItemCount() == 0; }, 5000)); // consumed

    // Objects of a bucket: put one, see it, delete it.
    window.selectNode(QStringLiteral("files"));
    QTest::keyClicks(input, QStringLiteral("notes/a.txt: hello"));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("cloudAdd")), Qt::LeftButton);
    QCOMPARE(state->topLevelItemCount(), 1);
    QCOMPARE(state->topLevelItem(0)->text(0), QStringLiteral("notes/a.txt"));
    QCOMPARE(state->topLevelItem(0)->text(1), QStringLiteral("5"));
    state->setCurrentItem(state->topLevelItem(0));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("cloudDelete")), Qt::LeftButton);
    QCOMPARE(state->topLevelItemCount(), 0);
    panel->stop();
    window.runner()->pool()->stopAll();
}

void TestCloudPanel::routeSendsARequestThroughTheGateway()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    CloudPanel *panel = window.cloudPanel();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("cloudToggle")), Qt::LeftButton);
    QVERIFY(panel->isRunning());
    auto *input = panel->findChild<QLineEdit *>(QStringLiteral("cloudInput"));
    auto *state = panel->findChild<QTreeWidget *>(QStringLiteral("cloudState"));
    auto *log = panel->findChild<QTreeWidget *>(QStringLiteral("cloudLog"));
    window.selectNode(QStringLiteral("route"));
    QCOMPARE(panel->shownService(), QStringLiteral("route"));
    QVERIFY(input->isEnabled());
    QVERIFY(input->placeholderText().contains(QStringLiteral("/items/42")));

    // The route's path has a parameter: it must be given.
    QSignalSpy answered(panel, &CloudPanel::routeAnswered);
    QSignalSpy said(panel, &CloudPanel::message);
    QVERIFY(!panel->addEntry(QString()));
    QVERIFY(said.last().at(0).toString().contains(QStringLiteral("/items/42")));

    QTest::keyClicks(input, QStringLiteral("/items/7"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(answered.wait(30000));
    QCOMPARE(state->topLevelItemCount(), 1);
    QCOMPARE(state->topLevelItem(0)->text(1), QStringLiteral("GET /items/7"));
    QCOMPARE(state->topLevelItem(0)->text(2), QStringLiteral("200"));
    QVERIFY2(state->topLevelItem(0)->text(3).contains(QStringLiteral("\"id\":\"7\"")),
             qPrintable(state->topLevelItem(0)->text(3)));
    // It went through the gateway: the hop log has it, as it has curl's requests.
    QVERIFY(QTest::qWaitFor(
        [&] {
        return anyRow(log, [](QTreeWidgetItem *row) {
            return row->text(1) == QLatin1String("GET /items/7") && row->text(3) == QLatin1String("200");
        });
        },
        10000));

    // A path no route serves is answered 404 by the gateway, listed all the same, newest first.
    QVERIFY(panel->addEntry(QStringLiteral("/nowhere {\"a\": 1}")));
    QVERIFY(answered.wait(30000));
    QCOMPARE(state->topLevelItemCount(), 2);
    QCOMPARE(state->topLevelItem(0)->text(1), QStringLiteral("GET /nowhere"));
    QCOMPARE(state->topLevelItem(0)->text(2), QStringLiteral("404"));

    // A node that keeps nothing: the line and its button forget the route.
    window.selectNode(QStringLiteral("getItem"));
    QVERIFY(!input->isEnabled());
    QVERIFY(input->placeholderText().isEmpty());
    QCOMPARE(panel->findChild<QPushButton *>(QStringLiteral("cloudAdd"))->text(), QStringLiteral("Add"));
    window.selectNode(QStringLiteral("route"));

    // Stopped, there is no gateway to send to.
    panel->stop();
    QVERIFY(!input->isEnabled());
    QVERIFY(!panel->addEntry(QStringLiteral("/items/8")));
    window.runner()->pool()->stopAll();
}

void TestCloudPanel::requestsStayOnTheGateway_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedPath");
    QTest::newRow("plain") << "/items/7"
                           << "/items/7";
    QTest::newRow("query") << "/items?x=1&y=2"
                           << "/items?x=1&y=2";
    QTest::newRow("space") << "/a b"
                           << "/a%20b";
    QTest::newRow("user info") << "@evil.example/x"
                               << "/@evil.example/x";
    QTest::newRow("no slash") << "evil.example/x"
                              << "/evil.example/x";
    QTest::newRow("scheme relative") << "//evil.example/x"
                                     << "//evil.example/x";
    QTest::newRow("fragment") << "/x#@evil.example"
                              << "/x%23@evil.example";
}

void TestCloudPanel::requestsStayOnTheGateway()
{
    QFETCH(QString, path);
    QFETCH(QString, expectedPath);
    const QString gateway = QStringLiteral("http://127.0.0.1:3000");
    const QString url = CloudPanel::requestUrl(gateway, path);
    QCOMPARE(url, gateway + expectedPath);
    // However the path reads, the request goes to the gateway and nowhere else.
    const QUrl parsed(url);
    QCOMPARE(parsed.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(parsed.port(), 3000);
    QVERIFY(parsed.userInfo().isEmpty());
}

void TestCloudPanel::refusesWithoutAProject()
{
    MainWindow window;
    CloudPanel *panel = window.cloudPanel();
    panel->setProject(nullptr);
    QString error;
    QVERIFY(!panel->start(&error));
    QCOMPARE(error, QStringLiteral("no project is open"));
    QVERIFY(!panel->isRunning());
}

QTEST_MAIN(TestCloudPanel)
// Scrolling the log to a row lays out all its rows: under a busy cloud the log takes
// every hop's row at once but scrolls to the newest a few times a second, not per hop.
void TestCloudPanel::busyLogScrollsAFewTimesASecond()
{
    MainWindow window;
    QVERIFY(window.openFile(mProject));
    window.resize(1200, 800);
    window.show();
    window.actionManager()->action(ActionIds::LocalCloud)->trigger();
    CloudPanel *panel = window.cloudPanel();
    QVERIFY(panel->isRunning());
    auto *log = panel->findChild<QTreeWidget *>(QStringLiteral("cloudLog"));
    QVERIFY(log);
    log->setMinimumHeight(0);
    log->resize(log->width(), 120);
    const int before = log->topLevelItemCount();
    for (int i = 0; i < 300; ++i) {
        CloudLogEntry entry;
        entry.id = 1000000 + i;
        entry.kind = CloudLogEntry::Kind::Request;
        entry.when = QDateTime::currentDateTimeUtc();
        entry.source = QStringLiteral("GET /items/%1").arg(i);
        entry.target = QStringLiteral("getItem");
        entry.httpStatus = 200;
        emit panel->cloud()->logged(entry);
    }
    QCOMPARE(log->topLevelItemCount(), before + 300); // every hop has its row at once
    QTreeWidgetItem *newest = log->topLevelItem(log->topLevelItemCount() - 1);
    QCOMPARE(newest->text(1), QStringLiteral("GET /items/299"));
    QCOMPARE(log->verticalScrollBar()->value(), 0); // not scrolled once per hop
    QTRY_VERIFY(log->verticalScrollBar()->maximum() > 0
                && log->verticalScrollBar()->value() == log->verticalScrollBar()->maximum());
    QVERIFY(log->viewport()->rect().intersects(log->visualItemRect(newest)));
    window.actionManager()->action(ActionIds::LocalCloud)->trigger(); // stop
}

#include "tst_cloudpanel.moc"
