// The local cloud's traffic on the canvas: pulses along the connections hops travel
// (red when they fail), live counters and latency heat on the nodes, the hop log grouped
// per request with HTTP statuses, a hop row selecting its node and connection, a request
// followed step by step, and nothing left on the canvas once the cloud stops.
// With NIMBUS_TRAFFIC_SHOTS=<folder>, shopOrderTravels saves the window mid-animation
// (in the dark theme with NIMBUS_TRAFFIC_THEME=dark), for a person to look at.

#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "canvas/trafficlayer.h"
#include "cloud/cloudpanel.h"
#include "cloud/httpclient.h"
#include "document/project.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "theme.h"

#include <curl/curl.h>

#include <QDir>
#include <QDockWidget>
#include <QGraphicsView>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <future>

using namespace Nimbus;

namespace {
// A client's request to the gateway, through the studio's own HTTP client; the status, 0 when unanswered.
long httpRequest(const QByteArray &method, const QByteArray &url, const QByteArray &body = {})
{
    HttpClient::Request request;
    request.method = method;
    request.url = QString::fromUtf8(url);
    request.headers = {"Content-Type: application/json"};
    request.body = body;
    const Result<HttpClient::Answer> answer = HttpClient::exchange(request);
    return answer ? answer->status : 0;
}

bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

enum LogColumn { Time, From, To, Status, Duration, Detail };

// Every row of the log, depth first.
QList<QTreeWidgetItem *> rows(QTreeWidget *log)
{
    QList<QTreeWidgetItem *> all;
    for (QTreeWidgetItemIterator it(log); *it; ++it)
        all.append(*it);
    return all;
}

// The number before word in a badge's text ("3 invocations · 1 error"), 0 without it.
int countIn(const CounterBadgeItem *badge, const QString &word)
{
    const QRegularExpression pattern(QStringLiteral("(\\d+) %1").arg(word));
    const QRegularExpressionMatch match = pattern.match(badge ? badge->text() : QString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 1 && std::abs(a.green() - b.green()) <= 1
           && std::abs(a.blue() - b.blue()) <= 1;
}

QTreeWidgetItem *rowWith(QTreeWidget *log, int column, const QString &text)
{
    for (QTreeWidgetItem *row : rows(log))
        if (row->text(column) == text)
            return row;
    return nullptr;
}
} // namespace

class TestTraffic : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pulseRunsAlongItsEdge_data();
    void pulseRunsAlongItsEdge();
    void failedAnswerRunsBack();
    void offScreenHopsAreNotAnimated();
    void countersShowWhatTheCloudHolds();
    void heatFollowsTheMedianDuration();
    void logGroupsRequestsWithStatus();
    void clickingAHopSelectsNodeAndEdge();
    void requestFollowedStepByStep();
    void layerClearedWhenTheCloudStops();
    void shopOrderTravels();

private:
    NodeId node(const QString &name) const { return project()->architecture().nodeByName(name)->id; }
    EdgeId edge(const QString &from, const QString &to) const;
    Project *project() const { return mWindow->cloudPanel()->project(); }
    CloudLogEntry hop(const QString &from, const QString &to, bool ok, bool finished = true);
    long request(const QByteArray &method, const QString &path, const QByteArray &body = {}) const;
    // Waits for the hops of a request to have ended (no row of it still running).
    bool settled(const QString &source) const;
    // Shows the canvas at 100 % around the node named name.
    void showAround(const QString &name);

    QTemporaryDir mDir;
    QString mProject;
    std::unique_ptr<MainWindow> mWindow;
    CloudPanel *mPanel = nullptr;
    TrafficLayer *mLayer = nullptr;
    CanvasScene *mScene = nullptr;
    QTreeWidget *mLog = nullptr;
    qint64 mNextId = 1000000; // far above the cloud's own hops
};

EdgeId TestTraffic::edge(const QString &from, const QString &to) const
{
    const Edge *found = nullptr;
    for (const auto &[id, e] : project()->architecture().edges())
        if (e.from == node(from) && e.to == node(to))
            found = &e;
    return found ? found->id : kInvalidEdgeId;
}

CloudLogEntry TestTraffic::hop(const QString &from, const QString &to, bool ok, bool finished)
{
    CloudLogEntry entry;
    entry.id = ++mNextId;
    entry.kind = CloudLogEntry::Kind::Invocation;
    entry.source = from;
    entry.target = to;
    entry.fromNode = node(from);
    entry.toNode = node(to);
    entry.edge = edge(from, to);
    entry.ok = ok;
    entry.finished = finished;
    return entry;
}

long TestTraffic::request(const QByteArray &method, const QString &path, const QByteArray &body) const
{
    auto future = std::async(std::launch::async, httpRequest, method, (mPanel->address() + path).toUtf8(), body);
    if (!QTest::qWaitFor([&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                         30000))
        return -1;
    return future.get();
}

bool TestTraffic::settled(const QString &source) const
{
    const QList<QTreeWidgetItem *> all = rows(mLog);
    return std::any_of(all.cbegin(), all.cend(), [&](QTreeWidgetItem *r) { return r->text(From) == source; })
           && std::none_of(all.cbegin(), all.cend(),
                           [](QTreeWidgetItem *r) { return r->text(Status) == QLatin1String("running"); });
}

void TestTraffic::showAround(const QString &name)
{
    auto *view = mWindow->findChild<CanvasView *>();
    view->setZoom(1.0); // the user's zoom: the first view is settled
    view->centerOn(mScene->nodeItem(node(name)));
}

void TestTraffic::initTestCase()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    mProject = mDir.filePath(QStringLiteral("traffic.json"));
    QVERIFY(write(mDir.filePath(QStringLiteral("functions/getItem/index.js")),
                  "exports.handler = async (e) => e.pathParameters.id === 'bad'"
                  " ? { statusCode: 400, body: 'no such id' } : ({ id: e.pathParameters.id });\n"));
    QVERIFY(write(mDir.filePath(QStringLiteral("functions/worker/index.js")),
                  "exports.handler = async (e) => ({ got: e.Records.length });\n"));
    QVERIFY(write(mProject, R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "route", "kind": "http-route", "properties": {"method": "GET", "path": "/items/{id}"},
                   "position": [0, 0]},
                  {"name": "getItem", "kind": "function", "properties": {"source": "functions/getItem"},
                   "position": [300, 0]},
                  {"name": "jobs", "kind": "queue", "position": [0, 150]},
                  {"name": "worker", "kind": "function", "properties": {"source": "functions/worker"},
                   "position": [300, 150]},
                  {"name": "parked", "kind": "queue", "position": [0, 300]},
                  {"name": "files", "kind": "bucket", "position": [300, 300]},
                  {"name": "things", "kind": "table", "position": [600, 300]},
                  {"name": "faraway", "kind": "queue", "position": [6000, 6000]},
                  {"name": "farWorker", "kind": "function", "properties": {"source": "functions/worker"},
                   "position": [6300, 6000]}],
        "edges": [{"from": "route", "to": "getItem", "type": "invokes"}, {"from": "jobs", "to": "worker", "type": "invokes"},
                  {"from": "faraway", "to": "farWorker", "type": "invokes"}]})"));
    mWindow = std::make_unique<MainWindow>();
    QVERIFY(mWindow->openFile(mProject));
    mPanel = mWindow->cloudPanel();
    mLayer = mWindow->findChild<TrafficLayer *>();
    QVERIFY(mLayer);
    mScene = mWindow->findChild<CanvasScene *>();
    mLog = mPanel->findChild<QTreeWidget *>(QStringLiteral("cloudLog"));
    mWindow->resize(1300, 850);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QString error;
    QVERIFY2(mPanel->start(&error), qPrintable(error));
    QCOMPARE(mLayer->cloud(), mPanel->cloud());
}

void TestTraffic::cleanupTestCase()
{
    if (mWindow && mPanel) {
        mPanel->stop();
        mWindow->runner()->pool()->stopAll();
    }
    mWindow.reset();
    curl_global_cleanup();
}

void TestTraffic::pulseRunsAlongItsEdge_data()
{
    QTest::addColumn<bool>("ok");
    QTest::newRow("a hop that worked: the edge's colour") << true;
    QTest::newRow("a failed hop: red") << false;
}

void TestTraffic::pulseRunsAlongItsEdge()
{
    QFETCH(bool, ok);
    QVERIFY(QTest::qWaitFor([&] { return mLayer->pulses().isEmpty(); }, 5000));
    showAround(QStringLiteral("getItem"));
    const CloudLogEntry entry = hop(QStringLiteral("route"), QStringLiteral("getItem"), ok);
    mLayer->showHop(entry);
    QCOMPARE(mLayer->pulses().size(), 1);
    PulseItem *pulse = mLayer->pulses().first();
    QCOMPARE(pulse->edgeId(), entry.edge);
    QCOMPARE(pulse->failed(), !ok);
    const QPalette palette = QApplication::palette();
    QCOMPARE(pulse->colour(),
             ok ? Theme::readable(palette.color(QPalette::Highlight), palette, 4.5) : Theme::failure(palette));
    // It starts at the route's output port and travels along the curve to the function.
    const QPainterPath path = mScene->edgeItem(entry.edge)->path();
    QCOMPARE(pulse->pos(), path.pointAtPercent(0));
    QPointer<PulseItem> watched(pulse);
    QVERIFY(QTest::qWaitFor([&] { return !watched || watched->pos().x() > path.pointAtPercent(0).x() + 20; }, 5000));
    if (watched) {
        const QPointF at = watched->pos();
        qreal nearest = 1e9;
        for (int i = 0; i <= 200; ++i)
            nearest = std::min(nearest, QLineF(at, path.pointAtPercent(i / 200.0)).length());
        QVERIFY2(nearest < 3, "the pulse stays on the connection's curve");
    }
    // Then it goes.
    QVERIFY(QTest::qWaitFor([&] { return !watched; }, 5000));
    QVERIFY(mLayer->pulses().isEmpty());
}

void TestTraffic::failedAnswerRunsBack()
{
    showAround(QStringLiteral("getItem"));
    QVERIFY(QTest::qWaitFor([&] { return mLayer->pulses().isEmpty(); }, 5000));
    CloudLogEntry entry = hop(QStringLiteral("route"), QStringLiteral("getItem"), true, false);
    mLayer->showHop(entry);
    QCOMPARE(mLayer->pulses().size(), 1);
    QVERIFY(!mLayer->pulses().first()->failed());
    // The function answers 400: a red pulse from the function back to the route.
    entry.finished = true;
    entry.ok = false;
    entry.httpStatus = 400;
    mLayer->showHop(entry);
    QCOMPARE(mLayer->pulses().size(), 2);
    PulseItem *back = mLayer->pulses().last();
    QVERIFY(back->failed());
    QCOMPARE(back->pos(), mScene->edgeItem(entry.edge)->path().pointAtPercent(1));
    // Logged again (its status set once more), the hop is not animated again.
    mLayer->showHop(entry);
    QCOMPARE(mLayer->pulses().size(), 2);
}

void TestTraffic::offScreenHopsAreNotAnimated()
{
    // The view shows the top left of the design; faraway is thousands of pixels out.
    showAround(QStringLiteral("getItem"));
    QVERIFY(QTest::qWaitFor([&] { return mLayer->pulses().isEmpty(); }, 5000));
    mLayer->showHop(hop(QStringLiteral("faraway"), QStringLiteral("farWorker"), true, false));
    QVERIFY(mLayer->pulses().isEmpty());
    // Counted all the same.
    mLayer->refreshCounters();
    QVERIFY(mLayer->badge(node(QStringLiteral("farWorker"))));
    mLayer->showHop(hop(QStringLiteral("route"), QStringLiteral("getItem"), true));
    QCOMPARE(mLayer->pulses().size(), 1);
}

void TestTraffic::countersShowWhatTheCloudHolds()
{
    LocalCloud *cloud = mPanel->cloud();
    QVERIFY(cloud->sendMessage(QStringLiteral("parked"), "one"));
    QVERIFY(cloud->sendMessage(QStringLiteral("parked"), "two"));
    QVERIFY(cloud->putItem(QStringLiteral("things"), QJsonObject{{"id", QJsonObject{{"S", "1"}}}}));
    QVERIFY(cloud->putObject(QStringLiteral("files"), QStringLiteral("a.txt"), "x"));
    mLayer->refreshCounters();
    // (Counted whatever the plural forms of the translation in use.)
    QCOMPARE(countIn(mLayer->badge(node(QStringLiteral("parked"))), QStringLiteral("message")), 2);
    QVERIFY(mLayer->badge(node(QStringLiteral("parked")))->text().contains(QLatin1String("waiting")));
    QCOMPARE(countIn(mLayer->badge(node(QStringLiteral("things"))), QStringLiteral("item")), 1);
    QCOMPARE(countIn(mLayer->badge(node(QStringLiteral("files"))), QStringLiteral("object")), 1);
    // The badge is the node's: it moves with it.
    QCOMPARE(mLayer->badge(node(QStringLiteral("parked")))->parentItem(),
             mScene->nodeItem(node(QStringLiteral("parked"))));

    // A function counts its invocations and errors; its route the requests.
    const NodeId function = node(QStringLiteral("getItem"));
    const NodeId route = node(QStringLiteral("route"));
    mLayer->refreshCounters();
    const int invocations = countIn(mLayer->badge(function), QStringLiteral("invocation"));
    const int errors = countIn(mLayer->badge(function), QStringLiteral("error"));
    const int requests = countIn(mLayer->badge(route), QStringLiteral("request"));
    const int refused = countIn(mLayer->badge(route), QStringLiteral("failed"));
    CloudLogEntry failed = hop(QStringLiteral("route"), QStringLiteral("getItem"), true, false);
    mLayer->showHop(failed);
    failed.finished = true;
    failed.ok = false;
    failed.durationMs = 40;
    mLayer->showHop(failed);
    mLayer->refreshCounters();
    CounterBadgeItem *badge = mLayer->badge(function);
    QVERIFY(badge);
    QCOMPARE(countIn(badge, QStringLiteral("invocation")), invocations + 1);
    QCOMPARE(countIn(badge, QStringLiteral("error")), errors + 1);
    QVERIFY(badge->alarm());
    QCOMPARE(countIn(mLayer->badge(route), QStringLiteral("request")), requests + 1);
    QCOMPARE(countIn(mLayer->badge(route), QStringLiteral("failed")), refused + 1);
}

void TestTraffic::heatFollowsTheMedianDuration()
{
    const NodeId function = node(QStringLiteral("worker"));
    auto run = [&](double milliseconds) {
        CloudLogEntry entry = hop(QStringLiteral("jobs"), QStringLiteral("worker"), true, false);
        mLayer->showHop(entry);
        entry.finished = true;
        entry.durationMs = milliseconds;
        mLayer->showHop(entry);
    };
    for (int i = 0; i < TrafficLayer::kRecentDurations; ++i)
        run(20);
    mLayer->refreshCounters();
    HeatItem *heat = mLayer->heat(function);
    QVERIFY(heat);
    QCOMPARE(heat->median(), 20.0);
    QCOMPARE(heat->colour(), HeatItem::colourFor(20));
    QVERIFY(mLayer->badge(function)->text().contains(QLatin1String("p50 20 ms")));
    // Slow runs take over the recent ones: the halo turns red.
    for (int i = 0; i < TrafficLayer::kRecentDurations; ++i)
        run(5000);
    mLayer->refreshCounters();
    QCOMPARE(heat->median(), 5000.0);
    QVERIFY(near(heat->colour(), Theme::failure()));
    QVERIFY(heat->colour().alphaF() > HeatItem::colourFor(20).alphaF());
    // Only functions have a heat.
    QVERIFY(!mLayer->heat(node(QStringLiteral("jobs"))));
}

void TestTraffic::logGroupsRequestsWithStatus()
{
    QCOMPARE(request("GET", QStringLiteral("/items/42")), 200L);
    QCOMPARE(request("GET", QStringLiteral("/items/bad")), 400L);
    QCOMPARE(request("DELETE", QStringLiteral("/nowhere")), 404L);
    QVERIFY(mPanel->cloud()->sendMessage(QStringLiteral("jobs"), "hello"));
    QVERIFY(QTest::qWaitFor([&] { return rowWith(mLog, To, QStringLiteral("worker")); }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return settled(QStringLiteral("GET /items/bad")); }, 20000));

    QTreeWidgetItem *ok = rowWith(mLog, From, QStringLiteral("GET /items/42"));
    QVERIFY(ok);
    QCOMPARE(ok->text(Status), QStringLiteral("200"));
    QCOMPARE(ok->foreground(Detail).color(), mLog->palette().color(QPalette::Text));
    QTreeWidgetItem *refused = rowWith(mLog, From, QStringLiteral("GET /items/bad"));
    QVERIFY(refused);
    QCOMPARE(refused->text(To), QStringLiteral("getItem"));
    QCOMPARE(refused->text(Status), QStringLiteral("400"));
    QVERIFY2(refused->text(Detail).contains(QLatin1String("no such id")), qPrintable(refused->text(Detail)));
    QCOMPARE(refused->foreground(Status).color(), Theme::failure(mLog->palette()));
    QTreeWidgetItem *unmatched = rowWith(mLog, From, QStringLiteral("DELETE /nowhere"));
    QVERIFY(unmatched);
    QCOMPARE(unmatched->text(Status), QStringLiteral("404"));
    QVERIFY(unmatched->text(To).isEmpty());
    QVERIFY(unmatched->text(Detail).contains(QLatin1String("DELETE /nowhere")));
    QCOMPARE(unmatched->foreground(Status).color(), Theme::failure(mLog->palette()));
    // The message sent from outside is a request of its own; the worker it ran sits under it.
    QTreeWidgetItem *worker = rowWith(mLog, To, QStringLiteral("worker"));
    QVERIFY(worker->parent());
    QCOMPARE(worker->parent()->text(To), QStringLiteral("jobs"));
    QVERIFY(!worker->parent()->parent());
    QVERIFY(worker->parent()->isExpanded());
}

void TestTraffic::clickingAHopSelectsNodeAndEdge()
{
    QTreeWidgetItem *row = rowWith(mLog, From, QStringLiteral("GET /items/42"));
    QVERIFY(row);
    mScene->clearSelection();
    mLog->scrollToItem(row);
    // The row is wider than the dock's view: click its first column, which is always in sight.
    const QRect first = mLog->visualRect(mLog->indexFromItem(row, 0));
    QVERIFY(mLog->viewport()->rect().contains(first.center()));
    QTest::mouseClick(mLog->viewport(), Qt::LeftButton, {}, first.center());
    QCOMPARE(mLog->currentItem(), row);
    QCOMPARE(mScene->selectedNodes(), QList<NodeId>{node(QStringLiteral("getItem"))});
    QCOMPARE(mScene->selectedEdges(), QList<EdgeId>{edge(QStringLiteral("route"), QStringLiteral("getItem"))});
    // And the hop runs again on the canvas.
    const QList<PulseItem *> pulses = mLayer->pulses();
    QVERIFY(std::any_of(pulses.cbegin(), pulses.cend(), [&](PulseItem *p) {
        return p->edgeId() == edge(QStringLiteral("route"), QStringLiteral("getItem"));
    }));
}

void TestTraffic::requestFollowedStepByStep()
{
    auto *previous = mPanel->findChild<QPushButton *>(QStringLiteral("cloudPreviousHop"));
    auto *next = mPanel->findChild<QPushButton *>(QStringLiteral("cloudNextHop"));
    auto *replay = mPanel->findChild<QPushButton *>(QStringLiteral("cloudReplay"));
    QTreeWidgetItem *worker = rowWith(mLog, To, QStringLiteral("worker"));
    QTreeWidgetItem *request = worker->parent();
    mLog->setCurrentItem(request);
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(mLog->currentItem(), worker);
    QCOMPARE(mScene->selectedNodes(), QList<NodeId>{node(QStringLiteral("worker"))});
    QCOMPARE(mScene->selectedEdges(), QList<EdgeId>{edge(QStringLiteral("jobs"), QStringLiteral("worker"))});
    QVERIFY(!next->isEnabled());
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(mLog->currentItem(), request);
    QCOMPARE(mScene->selectedNodes(), QList<NodeId>{node(QStringLiteral("jobs"))});

    // Replay: from the request's first hop to its last, one at a time, on its own.
    mLog->setCurrentItem(worker);
    QList<QTreeWidgetItem *> visited;
    connect(mPanel, &CloudPanel::hopActivated, this, [&] { visited.append(mLog->currentItem()); });
    QTest::mouseClick(replay, Qt::LeftButton);
    QVERIFY(mPanel->isReplaying());
    QCOMPARE(mLog->currentItem(), request);
    QVERIFY(QTest::qWaitFor([&] { return !mPanel->isReplaying(); }, 10000));
    QCOMPARE(visited, (QList<QTreeWidgetItem *>{request, worker}));
    disconnect(mPanel, &CloudPanel::hopActivated, this, nullptr);
}

void TestTraffic::layerClearedWhenTheCloudStops()
{
    mLayer->showHop(hop(QStringLiteral("route"), QStringLiteral("getItem"), true));
    mLayer->refreshCounters();
    QVERIFY(!mLayer->pulses().isEmpty());
    QVERIFY(mLayer->badge(node(QStringLiteral("parked"))));
    QVERIFY(mLayer->heat(node(QStringLiteral("worker"))));
    mPanel->stop();
    QVERIFY(!mLayer->cloud());
    QVERIFY(mLayer->pulses().isEmpty());
    for (QGraphicsItem *item : mScene->items()) {
        QVERIFY(item->type() != PulseItem::Type);
        QVERIFY(item->type() != CounterBadgeItem::Type);
        QVERIFY(item->type() != HeatItem::Type);
    }
    // Starting again starts from nothing but what the services hold.
    QString error;
    QVERIFY2(mPanel->start(&error), qPrintable(error));
    QVERIFY(!mLayer->badge(node(QStringLiteral("getItem"))));
    QCOMPARE(countIn(mLayer->badge(node(QStringLiteral("parked"))), QStringLiteral("message")), 2);
    mPanel->stop();
}

void TestTraffic::shopOrderTravels()
{
    // The acceptance: a new user sends POST /orders to the example and sees it travel.
    const QString shots = qEnvironmentVariable("NIMBUS_TRAFFIC_SHOTS");
    if (qEnvironmentVariable("NIMBUS_TRAFFIC_THEME") == QLatin1String("dark"))
        Preferences::applyTheme(Preferences::Theme::Dark);
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *layer = window.findChild<TrafficLayer *>();
    CloudPanel *panel = window.cloudPanel();
    QString error;
    QVERIFY2(panel->start(&error), qPrintable(error));
    // The whole design in view: hops off screen are not animated.
    auto *view = window.findChild<CanvasView *>();
    view->setZoom(0.5);
    view->centerOn(window.findChild<CanvasScene *>()->itemsBoundingRect().center());
    const Architecture &design = panel->project()->architecture();
    const QByteArray order = R"({"customerId":"c-1","email":"ada@example.org",
                                 "items":[{"itemId":"42","quantity":2,"unitPrice":19.9}]})";
    auto answer = std::async(std::launch::async, httpRequest, QByteArray("POST"),
                             (panel->address() + QStringLiteral("/orders")).toUtf8(), order);
    // Every connection a pulse was seen on, until notifyCustomer, at the end, is reached.
    QSet<QString> travelled;
    int shot = 0;
    if (!shots.isEmpty())
        window.findChild<QDockWidget *>(QStringLiteral("cloudDock"))->raise();
    QVERIFY(QTest::qWaitFor(
        [&] {
        for (PulseItem *pulse : layer->pulses()) {
            const Edge *e = design.edge(pulse->edgeId());
            const QString name = design.node(e->from)->name + QStringLiteral("->") + design.node(e->to)->name;
            if (!travelled.contains(name) && !shots.isEmpty())
                window.grab().save(QDir(shots).filePath(QStringLiteral("traffic-%1.png").arg(++shot)));
            travelled.insert(name);
        }
        return travelled.contains(QStringLiteral("order-events->notifyCustomer"));
        },
        60000));
    // (The answer leaves through the event loop: wait with it running.)
    auto answered = [&] { return answer.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; };
    QVERIFY(QTest::qWaitFor(answered, 30000));
    QCOMPARE(answer.get(), 202L);
    for (const char *hop : {"createOrderRoute->createOrder", "createOrder->orders-queue", "orders-queue->processOrder",
                            "processOrder->order-events"})
        QVERIFY2(travelled.contains(QLatin1String(hop)), hop);
    layer->refreshCounters();
    QCOMPARE(countIn(layer->badge(design.nodeByName(QStringLiteral("createOrder"))->id), QStringLiteral("invocation")),
             1);
    // An order the function refuses: its answer runs back red.
    answer = std::async(std::launch::async, httpRequest, QByteArray("POST"),
                        (panel->address() + QStringLiteral("/orders")).toUtf8(), QByteArray("{oops"));
    const EdgeId route = design
                             .findEdge(design.nodeByName(QStringLiteral("createOrderRoute"))->id,
                                       design.nodeByName(QStringLiteral("createOrder"))->id, QStringLiteral("invokes"))
                             ->id;
    QVERIFY(QTest::qWaitFor(
        [&] {
        const QList<PulseItem *> pulses = layer->pulses();
        const bool red = std::any_of(pulses.cbegin(), pulses.cend(),
                                     [&](PulseItem *p) { return p->edgeId() == route && p->failed(); });
        if (red && !shots.isEmpty())
            window.grab().save(QDir(shots).filePath(QStringLiteral("traffic-refused.png")));
        return red;
        },
        30000));
    QVERIFY(QTest::qWaitFor(answered, 30000));
    QCOMPARE(answer.get(), 400L);
    if (!shots.isEmpty()) {
        // The request's last hop picked in the log: its node and connection selected.
        auto *log = panel->findChild<QTreeWidget *>(QStringLiteral("cloudLog"));
        QVERIFY(QTest::qWaitFor([&] { return rowWith(log, To, QStringLiteral("notifyCustomer")); }, 10000));
        log->setCurrentItem(rowWith(log, To, QStringLiteral("notifyCustomer")));
        QTest::qWait(800); // the counters and halos once the pulses have gone
        window.grab().save(QDir(shots).filePath(QStringLiteral("traffic-after.png")));
    }
    panel->stop();
    window.runner()->pool()->stopAll();
}

QTEST_MAIN(TestTraffic)
#include "tst_traffic.moc"
