#include "cloudpanel.h"
#include "archiveview.h"
#include "model/kinds.h"
#include "puteventview.h"

#include "preferences/preferences.h"
#include "theme.h"

#include "cloud/awsendpoint.h"
#include "cloud/gatewayserver.h"
#include "cloud/httpclient.h"
#include "document/project.h"
#include "runtime/functionrunner.h"
#include "scenario/scenarioscaffold.h"

#include <QComboBox>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
enum Column { Time, From, To, Status, Duration, ResultColumn };
constexpr int kEntry = Qt::UserRole; // the row's CloudLogEntry
constexpr int kKey = Qt::UserRole + 1;

// What the state tree shows of one service, and what its input line and button do.
struct StateView
{
    QString title;
    QStringList headers;
    QList<std::pair<QStringList, QString>> rows; // the columns, and the key Delete acts on
    QString placeholder;
    QString action;
    bool takesInput = true;
};

// Whether an operation that makes something (a message's id) succeeded, without what it made.
template<typename T>
Result<void> succeeded(const Result<T> &made)
{
    if (!made)
        return made.error();
    return {};
}

QString timeOfDay(const QDateTime &time)
{
    return time.toLocalTime().toString(u"HH:mm:ss"_s);
}

StateView queueView(CloudState &state, const QString &queue, const QDateTime &now)
{
    const QList<QueueMessage> messages = state.messages(queue);
    StateView view{
        CloudPanel::tr("%1: %n message(s)", nullptr, int(messages.size())).arg(queue),
        {CloudPanel::tr("Message"), CloudPanel::tr("Body"), CloudPanel::tr("Received"), CloudPanel::tr("Visible")},
        {},
        CloudPanel::tr("Message body"),
        CloudPanel::tr("Send")};
    for (const QueueMessage &m : messages)
        view.rows.append({{m.id, QString::fromUtf8(m.body.left(200)), QLocale().toString(m.receiveCount),
                           m.visibleAt <= now ? CloudPanel::tr("yes")
                                              : CloudPanel::tr("in flight until %1").arg(timeOfDay(m.visibleAt))},
                          m.id});
    return view;
}

StateView bucketView(CloudState &state, const QString &bucket)
{
    const QList<StoredObject> objects = state.listObjects(bucket);
    StateView view{CloudPanel::tr("%1: %n object(s)", nullptr, int(objects.size())).arg(bucket),
                   {CloudPanel::tr("Key"), CloudPanel::tr("Size"), CloudPanel::tr("Type"), CloudPanel::tr("Modified")},
                   {},
                   CloudPanel::tr("key: content, for example notes/a.txt: hello"),
                   CloudPanel::tr("Put")};
    for (const StoredObject &o : objects)
        view.rows.append({{o.key, QLocale().toString(o.size), o.contentType, timeOfDay(o.modified)}, o.key});
    return view;
}

StateView tableView(CloudState &state, const QString &table)
{
    const QList<QJsonObject> items = state.scan(table);
    StateView view{CloudPanel::tr("%1: %n item(s)", nullptr, int(items.size())).arg(table),
                   {CloudPanel::tr("Item")},
                   {},
                   CloudPanel::tr("An item in DynamoDB JSON, for example {\"id\": {\"S\": \"42\"}}"),
                   CloudPanel::tr("Put")};
    for (const QJsonObject &i : items) {
        const QString text = QString::fromUtf8(QJsonDocument(i).toJson(QJsonDocument::Compact));
        view.rows.append({{text}, text});
    }
    return view;
}

StateView topicView(const QString &topic)
{
    return {CloudPanel::tr("%1: a topic keeps nothing; what is published goes to its subscribers.").arg(topic),
            {CloudPanel::tr("Topic")},
            {},
            CloudPanel::tr("Message to publish"),
            CloudPanel::tr("Publish")};
}

// What was sent to a route and what came back, the newest first.
StateView routeView(const Node &route, const QList<CloudPanel::RouteAnswer> &answers)
{
    const QString method = route.properties.value("method"_L1).toString(u"GET"_s);
    const QString path = route.properties.value("path"_L1).toString();
    StateView view{
        CloudPanel::tr("%1 %2: send it a request through the gateway").arg(method, path),
        {CloudPanel::tr("Time"), CloudPanel::tr("Request"), CloudPanel::tr("Status"), CloudPanel::tr("Answer")},
        {},
        path.contains('{'_L1) ? CloudPanel::tr("Path, for example %1, then a body")
                                    .arg(QString(path).replace(QRegularExpression(u"\\{[^}]*\\}"_s), u"42"_s))
                              : CloudPanel::tr("Body, or /path then body"),
        CloudPanel::tr("Send")};
    for (const CloudPanel::RouteAnswer &answer : answers) {
        view.rows.append({{timeOfDay(answer.when), answer.request,
                           answer.status ? QString::number(answer.status) : CloudPanel::tr("no answer"), answer.detail},
                          QString()});
    }
    return view;
}

StateView scheduleView(const QString &schedule, const QDateTime &next)
{
    return {next.isValid() ? CloudPanel::tr("%1 fires next at %2")
                                 .arg(schedule, QLocale().toString(next.toLocalTime(), QLocale::ShortFormat))
                           : CloudPanel::tr("%1 is disabled or never fires").arg(schedule),
            {CloudPanel::tr("Schedule")},
            {},
            QString(),
            CloudPanel::tr("Fire Now"),
            false};
}
} // namespace

CloudPanel::CloudPanel(FunctionRunner &runner, QWidget *parent) : QWidget(parent), mRunner(runner)
{
    mToggle = new QPushButton(tr("&Start Local Cloud"));
    mToggle->setObjectName(u"cloudToggle"_s);
    mToggle->setCheckable(true);
    mAddress = new QLabel(tr("Stopped"));
    mAddress->setObjectName(u"cloudAddress"_s);
    mAddress->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    mAddress->setOpenExternalLinks(true);
    mReset = new QPushButton(tr("Reset State"));
    mReset->setObjectName(u"cloudReset"_s);
    mReset->setToolTip(tr("Empty every queue, bucket and table of the local cloud"));
    mIamMode = new QComboBox;
    mIamMode->setObjectName(u"cloudIamMode"_s);
    // The data are LocalCloud's names of the modes, as `nimbus serve --iam` takes them.
    mIamMode->addItem(tr("Permissions: off"), u"off"_s);
    mIamMode->addItem(tr("Permissions: warn"), u"warn"_s);
    mIamMode->addItem(tr("Permissions: enforce"), u"enforce"_s);
    mIamMode->setCurrentIndex(1);
    mIamMode->setToolTip(tr("How the calls functions make through the AWS SDK are checked against what their "
                            "connections grant (the policies the export writes): not at all, a warning in the log, "
                            "or refused as AWS refuses them"));
    // The mode is the project's (saved with it, one undo step); the cloud follows the project.
    connect(mIamMode, &QComboBox::currentIndexChanged, this, [this] {
        if (project())
            project()->setIamMode(mIamMode->currentData().toString());
        else if (mCloud)
            mCloud->setIamMode(iamMode());
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(mToggle);
    bar->addWidget(mAddress, 1);
    bar->addWidget(mIamMode);
    bar->addWidget(mReset);

    QWidget *logBox = createLog();

    mStateTitle = new QLabel(tr("Select a queue, topic, bucket, table or schedule to see its state."));
    mStateTitle->setWordWrap(true);
    mState = new QTreeWidget;
    mState->setObjectName(u"cloudState"_s);
    mState->setRootIsDecorated(false);
    mState->setAccessibleName(tr("State of the selected service"));
    mInput = new QLineEdit;
    mInput->setObjectName(u"cloudInput"_s);
    mInput->setAccessibleName(tr("New entry"));
    mAdd = new QPushButton(tr("Add"));
    mAdd->setObjectName(u"cloudAdd"_s);
    mDelete = new QPushButton(tr("Delete"));
    mDelete->setObjectName(u"cloudDelete"_s);
    mArchive = new QPushButton(tr("Archi&ve..."));
    mArchive->setObjectName(u"cloudArchive"_s);
    mArchive->setToolTip(tr("Show the archived events of the selected event bus and replay a time range"));
    mPutEvent = new QPushButton(tr("Put &Event..."));
    mPutEvent->setObjectName(u"cloudPutEvent"_s);
    mPutEvent->setToolTip(tr("Put events on the selected event bus, as PutEvents does, and keep them to put again"));
    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(mInput, 1);
    entryRow->addWidget(mAdd);
    entryRow->addWidget(mDelete);
    entryRow->addWidget(mArchive);
    entryRow->addWidget(mPutEvent);
    auto *stateBox = new QWidget;
    auto *stateLayout = new QVBoxLayout(stateBox);
    stateLayout->setContentsMargins(0, 0, 0, 0);
    stateLayout->addWidget(mStateTitle);
    stateLayout->addWidget(mState, 1);
    stateLayout->addLayout(entryRow);

    auto *splitter = new QSplitter;
    splitter->addWidget(logBox);
    splitter->addWidget(stateBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(mToggle, &QPushButton::clicked, this, [this](bool on) {
        QString error;
        if (on && !start(&error))
            emit message(tr("The local cloud cannot start: %1").arg(error));
        else if (!on)
            stop();
    });
    connect(mReset, &QPushButton::clicked, this, [this] {
        if (mCloud && mCloud->isRunning() && mCloud->state().reset()) {
            refreshState();
            emit message(tr("The local cloud's state is empty"));
        }
    });
    connect(mAdd, &QPushButton::clicked, this, [this] {
        if (addEntry(mInput->text()))
            mInput->clear();
    });
    connect(mInput, &QLineEdit::returnPressed, mAdd, &QPushButton::click);
    connect(mDelete, &QPushButton::clicked, this, &CloudPanel::deleteSelectedEntry);
    connect(mArchive, &QPushButton::clicked, this, [this] { showArchive(mBus); });
    connect(mPutEvent, &QPushButton::clicked, this, [this] { showPutEvent(mBus); });
    connect(mLog, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        updateStepButtons();
        updateFixButton();
        if (current)
            emit hopActivated(current->data(Time, kEntry).value<CloudLogEntry>());
    });
    connect(mPreviousHop, &QPushButton::clicked, this, [this] { stepHop(-1); });
    connect(mNextHop, &QPushButton::clicked, this, [this] { stepHop(1); });
    connect(mReplay, &QPushButton::clicked, this, &CloudPanel::replayRequest);
    connect(mReplayTimer, &QTimer::timeout, this, [this] {
        if (!stepHop(1))
            mReplayTimer->stop();
    });
    updateStepButtons();
    mRefresh = new QTimer(this);
    mRefresh->setSingleShot(true);
    mRefresh->setInterval(50);
    connect(mRefresh, &QTimer::timeout, this, &CloudPanel::refreshState);
    showService({});
}

QWidget *CloudPanel::createLog()
{
    mLog = new QTreeWidget;
    mLog->setObjectName(u"cloudLog"_s);
    mScrollTimer = new QTimer(this);
    mScrollTimer->setSingleShot(true);
    mScrollTimer->setInterval(100);
    connect(mScrollTimer, &QTimer::timeout, this, [this] {
        if (QTreeWidgetItem *item = mRows.value(mScrollTo); item && !isReplaying())
            mLog->scrollToItem(item);
    });
    mLog->setHeaderLabels({tr("Time"), tr("From"), tr("To"), tr("Status"), tr("Duration"), tr("Result")});
    mLog->setUniformRowHeights(true);
    // The hops a request caused nest under it where they came from, reading as a chain;
    // the time stays aligned.
    mLog->setTreePosition(From);
    const QFontMetrics metrics = mLog->fontMetrics();
    mLog->setColumnWidth(Time, metrics.horizontalAdvance(u"00:00:00.000"_s) + 16);
    mLog->setColumnWidth(From, metrics.horizontalAdvance(u"POST /orders/{orderId}"_s) + 48);
    mLog->setColumnWidth(To, metrics.horizontalAdvance(u"notifyCustomer"_s) + 16);
    mLog->setColumnWidth(Status, metrics.horizontalAdvance(tr("running")) + 16);
    mLog->setColumnWidth(Duration, metrics.horizontalAdvance(u"00000.0 ms"_s) + 16);
    mLog->header()->setStretchLastSection(true);
    mLog->setAccessibleName(tr("Local cloud event log"));
    mLog->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mLog, &QWidget::customContextMenuRequested, this, &CloudPanel::showLogMenu);
    mPreviousHop = new QPushButton(tr("Previous Hop"));
    mPreviousHop->setObjectName(u"cloudPreviousHop"_s);
    mPreviousHop->setToolTip(tr("Show the hop before this one in its request"));
    mReplay = new QPushButton(tr("Replay on Canvas"));
    mReplay->setObjectName(u"cloudReplay"_s);
    mReplay->setToolTip(tr("Play the selected request on the canvas again, one hop at a time"));
    mNextHop = new QPushButton(tr("Next Hop"));
    mNextHop->setObjectName(u"cloudNextHop"_s);
    mNextHop->setToolTip(tr("Show the hop after this one in its request"));
    mFixPermission = new QPushButton;
    mFixPermission->setObjectName(u"cloudFixPermission"_s);
    mFixPermission->setToolTip(tr("Add the connection that grants the denied call, as the export will grant it"));
    mFixPermission->hide();
    connect(mFixPermission, &QPushButton::clicked, this, &CloudPanel::fixPermission);
    mReplayTimer = new QTimer(this);
    mReplayTimer->setInterval(kReplayStepMs);
    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(mLog, 1);
    auto *steps = new QHBoxLayout;
    logLayout->addLayout(steps);
    for (QPushButton *button : {mPreviousHop, mReplay, mNextHop})
        steps->addWidget(button);
    steps->addStretch(1);
    steps->addWidget(mFixPermission);
    return logBox;
}

void CloudPanel::setIamMode(LocalCloud::IamMode mode)
{
    if (project()) {
        project()->setIamMode(LocalCloud::iamModeName(mode));
        return;
    }
    showIamMode(mode);
}

void CloudPanel::showIamMode(LocalCloud::IamMode mode)
{
    {
        // Not a choice of the user's: no undo step.
        const QSignalBlocker blocker(mIamMode);
        mIamMode->setCurrentIndex(mIamMode->findData(LocalCloud::iamModeName(mode)));
    }
    if (mCloud)
        mCloud->setIamMode(mode);
}

LocalCloud::IamMode CloudPanel::iamMode() const
{
    return LocalCloud::iamModeFromName(mIamMode->currentData().toString()).value_or(LocalCloud::IamMode::Warn);
}

QString CloudPanel::permissionFix() const
{
    const QTreeWidgetItem *item = mLog->currentItem();
    if (!item || !project())
        return {};
    const CloudLogEntry entry = item->data(Time, kEntry).value<CloudLogEntry>();
    if (entry.deniedAction.isEmpty() || entry.grantingEdge.isEmpty())
        return {};
    const Architecture &design = project()->architecture();
    const Node *from = design.nodeByName(entry.source);
    const Node *to = design.nodeByName(entry.target);
    if (!from || !to || design.findEdge(from->id, to->id, entry.grantingEdge))
        return {};
    return tr("Add connection: %1 %2 %3").arg(entry.source, entry.grantingEdge, entry.target);
}

bool CloudPanel::fixPermission()
{
    if (permissionFix().isEmpty())
        return false;
    const CloudLogEntry entry = mLog->currentItem()->data(Time, kEntry).value<CloudLogEntry>();
    const Architecture &design = project()->architecture();
    // Through the project's undo stack: one step, undone as it was done.
    const Result<EdgeId> added = project()->connectNodes(design.nodeByName(entry.source)->id,
                                                         design.nodeByName(entry.target)->id, entry.grantingEdge);
    if (!added)
        emit message(added.errorMessage());
    updateFixButton();
    return bool(added);
}

void CloudPanel::updateFixButton()
{
    const QString fix = permissionFix();
    mFixPermission->setText(fix);
    mFixPermission->setVisible(!fix.isEmpty());
}

// A request's row offers to become a scenario (ScenarioScaffold): the window asks for its
// name and writes it beside the project.
void CloudPanel::showLogMenu(const QPoint &position)
{
    QTreeWidgetItem *item = mLog->itemAt(position);
    if (!item)
        return;
    const CloudLogEntry entry = item->data(Time, kEntry).value<CloudLogEntry>();
    if (!ScenarioScaffold::isRequest(entry))
        return;
    QMenu menu(this);
    QAction *save = menu.addAction(tr("Save as Scenario..."));
    save->setObjectName(u"saveAsScenario"_s);
    connect(save, &QAction::triggered, this, [this, id = entry.id] { emit saveAsScenarioRequested(id); });
    menu.exec(mLog->viewport()->mapToGlobal(position));
}

CloudPanel::~CloudPanel()
{
    *mClosing = true; // a request in flight gives up
    stop();
}

void CloudPanel::projectChanged(Project *previous)
{
    if (previous)
        disconnect(previous, &Project::iamModeChanged, this, nullptr);
    if (project()) {
        connect(project(), &Project::iamModeChanged, this, [this] { showIamMode(LocalCloud::iamModeOf(*project())); });
        showIamMode(LocalCloud::iamModeOf(*project()));
    }
    stop();
    mReplayTimer->stop();
    mAnswers.clear();
    mLog->clear();
    mRows.clear();
    mRowCount = 0;
    updateStepButtons();
    showService({});
}

bool CloudPanel::isRunning() const
{
    return mCloud && mCloud->isRunning();
}

QString CloudPanel::address() const
{
    return mGateway ? mGateway->url() : QString();
}

QString CloudPanel::awsEndpoint() const
{
    return mEndpoint ? mEndpoint->url() : QString();
}

bool CloudPanel::start(QString *error)
{
    if (!project()) {
        *error = tr("no project is open");
        return false;
    }
    if (isRunning())
        return true;
    if (project()->directory().isEmpty()) {
        *error = tr("save the project first: the local cloud keeps its state beside it");
        return false;
    }
    mCloud = std::make_unique<LocalCloud>(*project(), mRunner);
    mCloud->setRegion(Preferences::instance().defaultRegion());
    mCloud->setIamMode(iamMode());
    if (QString problem; LocalCloud::iamModeOf(*project(), &problem) == LocalCloud::IamMode::Warn && !problem.isEmpty())
        emit message(problem);
    if (const Result<void> started = mCloud->start(QDir(project()->directory()).filePath(u".nimbus-cloud"_s));
        !started) {
        *error = started.errorMessage();
        mCloud.reset();
        mToggle->setChecked(false);
        return false;
    }
    connect(mCloud.get(), &LocalCloud::logged, this, &CloudPanel::addLogRow);
    connect(mCloud.get(), &LocalCloud::stateChanged, this, [this](const QString &service) {
        if (service == mService)
            mRefresh->start();
    });
    // The usual port if it is free, any other otherwise; this machine only.
    mGateway = std::make_unique<GatewayServer>(*mCloud);
    const Preferences &preferences = Preferences::instance();
    Result<void> listening = mGateway->listen(QHostAddress::LocalHost, quint16(preferences.localCloudPort()));
    if (!listening)
        listening = mGateway->listen(QHostAddress::LocalHost, 0);
    if (!listening) {
        *error = listening.errorMessage();
        mGateway.reset();
        mCloud.reset();
        mToggle->setChecked(false);
        return false;
    }
    // The AWS-compatible endpoint the functions' SDKs reach.
    mEndpoint = std::make_unique<AwsEndpoint>(*mCloud);
    listening = mEndpoint->listen(QHostAddress::LocalHost, quint16(preferences.awsEndpointPort()));
    if (!listening)
        listening = mEndpoint->listen(QHostAddress::LocalHost, 0);
    if (!listening) {
        *error = listening.errorMessage();
        mEndpoint.reset();
        mGateway.reset();
        mCloud.reset();
        mToggle->setChecked(false);
        return false;
    }
    mCloud->setServiceEndpoint(mEndpoint->url());
    mToggle->setChecked(true);
    mToggle->setText(tr("&Stop Local Cloud"));
    mAddress->setText(tr("Gateway <a href=\"%1\">%1</a>, AWS endpoint %2").arg(mGateway->url(), mEndpoint->url()));
    refreshState();
    emit runningChanged(true, mGateway->url());
    return true;
}

void CloudPanel::stop()
{
    if (!mCloud)
        return;
    mEndpoint.reset();
    mGateway.reset();
    mCloud->stop();
    mCloud.reset();
    mToggle->setChecked(false);
    mToggle->setText(tr("&Start Local Cloud"));
    mAddress->setText(tr("Stopped"));
    refreshState();
    emit runningChanged(false, {});
}

void CloudPanel::addLogRow(const CloudLogEntry &entry)
{
    // An invocation is logged when it starts and again when it ends: one row, updated.
    QTreeWidgetItem *item = mRows.value(entry.id);
    if (!item) {
        // Under the hop that caused it, so that a request and all it led to read as one group.
        if (QTreeWidgetItem *parent = mRows.value(entry.cause)) {
            item = new QTreeWidgetItem(parent);
            parent->setExpanded(true);
        } else {
            item = new QTreeWidgetItem(mLog);
        }
        mRows.insert(entry.id, item);
        if (!entry.deniedAction.isEmpty()) {
            const QString fix = entry.grantingEdge.isEmpty()
                                    ? QString()
                                    : tr(" Select it in the Local Cloud log to add the connection: %1 %2 %3.")
                                          .arg(entry.source, entry.grantingEdge, entry.target);
            emit permissionProblem(tr("Permission"), entry.detail + fix);
        }
        if (++mRowCount > LocalCloud::kLogLimit && mLog->topLevelItemCount() > 1) {
            QTreeWidgetItem *oldest = mLog->takeTopLevelItem(0);
            forgetRow(oldest);
            delete oldest;
        }
    }
    showLogEntry(item, entry);
    if (mLog->currentItem())
        updateStepButtons();
    if (!isReplaying()) {
        mScrollTo = entry.id;
        if (!mScrollTimer->isActive())
            mScrollTimer->start();
    }
}

void CloudPanel::showLogEntry(QTreeWidgetItem *item, const CloudLogEntry &entry)
{
    const QLocale locale;
    item->setData(Time, kEntry, QVariant::fromValue(entry));
    item->setText(Time, entry.when.toLocalTime().toString(u"HH:mm:ss.zzz"_s));
    item->setText(From, entry.source);
    item->setText(To, entry.target);
    item->setText(Status, entry.httpStatus  ? QString::number(entry.httpStatus)
                          : !entry.finished ? tr("running")
                          : entry.ok        ? tr("ok")
                                            : tr("failed"));
    item->setText(Duration, entry.kind == CloudLogEntry::Kind::Invocation && entry.finished
                                ? tr("%1 ms").arg(locale.toString(entry.durationMs, 'f', 1))
                                : QString());
    item->setText(ResultColumn, entry.detail);
    item->setToolTip(ResultColumn, entry.detail);
    // Failures in a red that reads on the palette's Base, light or dark.
    const QColor color = entry.ok ? palette().color(QPalette::Text) : Theme::failure(palette());
    for (int c = 0; c <= ResultColumn; ++c)
        item->setForeground(c, color);
}

void CloudPanel::forgetRow(QTreeWidgetItem *item)
{
    mRows.remove(item->data(Time, kEntry).value<CloudLogEntry>().id);
    --mRowCount;
    for (int i = 0; i < item->childCount(); ++i)
        forgetRow(item->child(i));
}

QList<QTreeWidgetItem *> CloudPanel::requestHops() const
{
    QTreeWidgetItem *request = mLog->currentItem();
    if (!request)
        return {};
    while (request->parent())
        request = request->parent();
    QList<QTreeWidgetItem *> hops{request};
    for (qsizetype i = 0; i < hops.size(); ++i)
        for (int c = 0; c < hops.at(i)->childCount(); ++c)
            hops.append(hops.at(i)->child(c));
    auto idOf = [](const QTreeWidgetItem *item) { return item->data(Time, kEntry).value<CloudLogEntry>().id; };
    std::sort(hops.begin(), hops.end(), [&idOf](auto *a, auto *b) { return idOf(a) < idOf(b); });
    return hops;
}

bool CloudPanel::stepHop(int direction)
{
    const QList<QTreeWidgetItem *> hops = requestHops();
    const qsizetype next = hops.indexOf(mLog->currentItem()) + direction;
    if (next < 0 || next >= hops.size())
        return false;
    mLog->setCurrentItem(hops.at(next));
    mLog->scrollToItem(hops.at(next));
    return true;
}

void CloudPanel::replayRequest()
{
    const QList<QTreeWidgetItem *> hops = requestHops();
    if (hops.isEmpty())
        return;
    mReplayTimer->stop();
    // From the first hop, announced again even when it is already the current row.
    if (mLog->currentItem() == hops.first())
        emit hopActivated(hops.first()->data(Time, kEntry).value<CloudLogEntry>());
    else
        mLog->setCurrentItem(hops.first());
    if (hops.size() > 1)
        mReplayTimer->start();
}

bool CloudPanel::isReplaying() const
{
    return mReplayTimer->isActive();
}

void CloudPanel::updateStepButtons()
{
    const QList<QTreeWidgetItem *> hops = requestHops();
    const qsizetype at = hops.indexOf(mLog->currentItem());
    mPreviousHop->setEnabled(at > 0);
    mNextHop->setEnabled(at >= 0 && at + 1 < hops.size());
    mReplay->setEnabled(!hops.isEmpty());
}

QString CloudPanel::kindOf(const QString &service) const
{
    const Node *node = project() ? project()->architecture().nodeByName(service) : nullptr;
    return node ? node->kind : QString();
}

void CloudPanel::showService(const QString &name)
{
    const QString kind = kindOf(name);
    static const QStringList kinds = {u"queue"_s, u"topic"_s, u"bucket"_s, u"table"_s, u"schedule"_s, u"http-route"_s};
    mService = kinds.contains(kind) ? name : QString();
    mBus = kind == Kinds::EventBus ? name : QString();
    refreshState();
}

ArchiveView *CloudPanel::showArchive(const QString &bus)
{
    if (!isRunning()) {
        emit message(tr("Start the local cloud to see the archive of %1.").arg(bus));
        return nullptr;
    }
    QPointer<ArchiveView> &view = mArchiveViews[bus];
    // A window left from an earlier run shows a cloud that has gone.
    if (view && view->cloud() != mCloud.get()) {
        view->close();
        view = nullptr;
    }
    if (!view) {
        view = new ArchiveView(mCloud.get(), bus, window());
        view->show();
    }
    view->raise();
    view->activateWindow();
    return view;
}

PutEventView *CloudPanel::showPutEvent(const QString &bus)
{
    if (!isRunning()) {
        emit message(tr("Start the local cloud to put events on %1.").arg(bus));
        return nullptr;
    }
    QPointer<PutEventView> &view = mPutEventViews[bus];
    // A window left from an earlier run puts on a cloud that has gone.
    if (view && view->cloud() != mCloud.get()) {
        view->close();
        view = nullptr;
    }
    if (!view) {
        view = new PutEventView(mCloud.get(), project(), &mRunner.history(), bus, window());
        view->show();
    }
    view->raise();
    view->activateWindow();
    return view;
}

void CloudPanel::refreshState()
{
    mState->clear();
    const QString kind = kindOf(mService);
    const bool running = isRunning();
    mInput->setEnabled(running && !mService.isEmpty());
    mAdd->setEnabled(running && !mService.isEmpty());
    mDelete->setEnabled(running && (kind == Kinds::Queue || kind == Kinds::Bucket || kind == Kinds::Table));
    mArchive->setVisible(!mBus.isEmpty());
    mArchive->setEnabled(running);
    mPutEvent->setVisible(!mBus.isEmpty());
    mPutEvent->setEnabled(running);
    mReset->setEnabled(running);
    mState->setHeaderHidden(mService.isEmpty() || !running);
    if (mService.isEmpty() || !running) {
        // Nothing to add to: the line and its button say nothing of the last service shown.
        mInput->setPlaceholderText(QString());
        mAdd->setText(tr("Add"));
    }
    if (mService.isEmpty()) {
        mStateTitle->setText(
            tr("Select a queue, topic, bucket, table or schedule to see its state, or a route to send it a "
               "request."));
        return;
    }
    if (!running) {
        mStateTitle->setText(tr("%1: start the local cloud to see its state.").arg(mService));
        return;
    }
    const QDateTime now = mCloud->clock().now();
    const Node *route = kind == Kinds::HttpRoute ? project()->architecture().nodeByName(mService) : nullptr;
    const StateView view = route                   ? routeView(*route, mAnswers.value(mService))
                           : kind == Kinds::Queue  ? queueView(mCloud->state(), mService, now)
                           : kind == Kinds::Bucket ? bucketView(mCloud->state(), mService)
                           : kind == Kinds::Table  ? tableView(mCloud->state(), mService)
                           : kind == Kinds::Topic  ? topicView(mService)
                                                   : scheduleView(mService, mCloud->nextFirings().value(mService));
    mStateTitle->setText(view.title);
    mState->setHeaderLabels(view.headers);
    for (const auto &[columns, key] : view.rows) {
        auto *item = new QTreeWidgetItem(mState, columns);
        item->setData(0, kKey, key);
    }
    mInput->setPlaceholderText(view.placeholder);
    if (!view.takesInput)
        mInput->setEnabled(false);
    mAdd->setText(view.action);
}

bool CloudPanel::addEntry(const QString &text)
{
    if (!isRunning() || mService.isEmpty())
        return false;
    const QString kind = kindOf(mService);
    Result<void> done = Error{};
    if (kind == Kinds::Queue) {
        done = succeeded(mCloud->sendMessage(mService, text.toUtf8()));
    } else if (kind == Kinds::Topic) {
        done = succeeded(mCloud->publish(mService, text));
    } else if (kind == Kinds::Bucket) {
        const int colon = text.indexOf(':'_L1);
        if (colon <= 0) {
            emit message(tr("Write the object as key: content"));
            return false;
        }
        done = mCloud->putObject(mService, text.left(colon).trimmed(), text.mid(colon + 1).trimmed().toUtf8(),
                                 u"text/plain"_s);
    } else if (kind == Kinds::Table) {
        QJsonParseError error;
        const QJsonDocument item = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (!item.isObject()) {
            emit message(tr("The item is not a JSON object: %1").arg(error.errorString()));
            return false;
        }
        done = mCloud->putItem(mService, item.object());
    } else if (kind == Kinds::Schedule) {
        done = mCloud->fireSchedule(mService);
    } else if (kind == Kinds::HttpRoute) {
        return sendRequest(text);
    }
    if (!done)
        emit message(done.errorMessage());
    refreshState();
    return bool(done);
}

QString CloudPanel::requestUrl(const QString &gateway, const QString &path)
{
    // Always from a '/' of its own: a path from a stranger's project such as "@host/x"
    // must not turn the gateway's address into user info before another host.
    const QString rooted = path.startsWith('/'_L1) ? path : '/'_L1 + path;
    return gateway + QString::fromUtf8(QUrl::toPercentEncoding(rooted, "/?&=+:@!$'()*,;"));
}

// Through the gateway, as curl or a browser would: the hops travel the canvas, and the
// answer is listed with the route. "[/path] [body]": the route's own path by default.
bool CloudPanel::sendRequest(const QString &text)
{
    const Node *route = project()->architecture().nodeByName(mService);
    QString method = route->properties.value("method"_L1).toString(u"GET"_s).toUpper();
    if (method == "ANY"_L1)
        method = text.trimmed().isEmpty() ? u"GET"_s : u"POST"_s;
    QString path = route->properties.value("path"_L1).toString();
    QString body = text.trimmed();
    if (body.startsWith('/'_L1)) {
        const qsizetype space = body.indexOf(QRegularExpression(u"\\s"_s));
        path = space < 0 ? body : body.left(space);
        body = space < 0 ? QString() : body.mid(space + 1).trimmed();
    }
    if (path.contains('{'_L1)) {
        emit message(tr("Give the path with its parameters, for example %1")
                         .arg(QString(path).replace(QRegularExpression(u"\\{[^}]*\\}"_s), u"42"_s)));
        return false;
    }
    HttpClient::Request request;
    request.method = method.toLatin1();
    request.url = requestUrl(mGateway->url(), path);
    request.body = body.toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(request.body, &error);
    request.headers = {error.error == QJsonParseError::NoError ? "Content-Type: application/json"
                                                               : "Content-Type: text/plain; charset=utf-8"};
    const std::shared_ptr<std::atomic_bool> closing = mClosing;
    request.cancelled = [closing] { return closing->load(); };
    const QString service = mService;
    const QString sent = method + ' '_L1 + path;
    auto *watcher = new QFutureWatcher<Result<HttpClient::Answer>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, service, sent] {
        watcher->deleteLater();
        const Result<HttpClient::Answer> got = watcher->result();
        RouteAnswer answer{QDateTime::currentDateTime(), sent, got ? got->status : 0,
                           got ? QString::fromUtf8(got->body.left(300)).simplified() : got.errorMessage()};
        QList<RouteAnswer> &list = mAnswers[service];
        list.prepend(answer);
        if (list.size() > 20)
            list.removeLast();
        if (mService == service)
            refreshState();
        emit routeAnswered(service, answer);
    });
    watcher->setFuture(QtConcurrent::run([request] { return HttpClient::exchange(request); }));
    return true;
}

bool CloudPanel::deleteSelectedEntry()
{
    QTreeWidgetItem *item = mState->currentItem();
    if (!isRunning() || !item)
        return false;
    const QString key = item->data(0, kKey).toString();
    const QString kind = kindOf(mService);
    Result<void> done = Error{};
    if (kind == Kinds::Queue)
        done = mCloud->state().removeMessage(mService, key);
    else if (kind == Kinds::Bucket)
        done = mCloud->deleteObject(mService, key);
    else if (kind == Kinds::Table)
        done = mCloud->deleteItem(mService, QJsonDocument::fromJson(key.toUtf8()).object());
    if (!done)
        emit message(done.errorMessage());
    refreshState();
    return bool(done);
}

} // namespace Nimbus
