#include "archiveview.h"

#include "cloud/eventarchive.h"
#include "cloud/eventbus.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

enum Column { Time, Source, DetailType, Detail };
constexpr int kEventRole = Qt::UserRole; // the event's JSON
constexpr int kTimeRole = Qt::UserRole + 1; // when it arrived

QDateTimeEdit *timeEdit(const QString &objectName)
{
    auto *edit = new QDateTimeEdit;
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    // Milliseconds: events a second apart must fall on either side of a bound.
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss.zzz 'UTC'"_s);
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

ArchiveView::ArchiveView(LocalCloud *cloud, const QString &bus, QWidget *parent)
    : QWidget(parent, Qt::Window), mCloud(cloud), mBus(bus), mRefresh(new QTimer(this))
{
    setObjectName(u"archiveView"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Archive of %1").arg(bus));
    mSummary = new QLabel;
    mSummary->setObjectName(u"archiveSummary"_s);
    mSummary->setWordWrap(true);

    mFrom = timeEdit(u"archiveFrom"_s);
    mTo = timeEdit(u"archiveTo"_s);
    mShow = new QPushButton(tr("&Show"));
    mShow->setToolTip(tr("List the events that arrived in this range"));
    mAll = new QPushButton(tr("&All"));
    mAll->setObjectName(u"archiveAll"_s);
    mAll->setToolTip(tr("Set the range to every archived event"));
    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From")));
    range->addWidget(mFrom, 1);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(mTo, 1);
    range->addWidget(mShow);
    range->addWidget(mAll);

    mEvents = new QTreeWidget;
    mEvents->setObjectName(u"archiveEvents"_s);
    mEvents->setRootIsDecorated(false);
    mEvents->setUniformRowHeights(true);
    mEvents->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mEvents->setHeaderLabels({tr("Time"), tr("Source"), tr("Detail type"), tr("Detail")});
    mEvents->setAccessibleName(tr("Archived events"));
    mEvents->header()->setStretchLastSection(true);
    mEvents->setColumnWidth(Time, mEvents->fontMetrics().horizontalAdvance(u"2027-01-01 00:00:00.000 "_s) + 16);

    mJson = new QPlainTextEdit;
    mJson->setObjectName(u"archiveEventJson"_s);
    mJson->setReadOnly(true);
    mJson->setAccessibleName(tr("The selected event"));
    mJson->setPlaceholderText(tr("Select an event to see its JSON."));
    mJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    mRules = new QListWidget;
    mRules->setObjectName(u"archiveRules"_s);
    mRules->setAccessibleName(tr("Rules to replay to"));
    mRules->setToolTip(tr("The rules of the bus a replay reaches; uncheck those it should not"));
    mRules->setMaximumHeight(mRules->fontMetrics().height() * 5);

    mReplayButton = new QPushButton(tr("&Replay Range"));
    mReplayButton->setObjectName(u"archiveReplay"_s);
    mReplayButton->setToolTip(tr("Send the archived events of the range back onto the bus, in the order they arrived"));
    mCancel = new QPushButton(tr("&Cancel Replay"));
    mCancel->setObjectName(u"archiveCancel"_s);
    mProgress = new QProgressBar;
    mProgress->setObjectName(u"archiveProgress"_s);
    mProgress->setFormat(tr("%v of %m"));
    mStatus = new QLabel;
    mStatus->setObjectName(u"archiveStatus"_s);
    mStatus->setWordWrap(true);
    auto *replayRow = new QHBoxLayout;
    replayRow->addWidget(mReplayButton);
    replayRow->addWidget(mProgress, 1);
    replayRow->addWidget(mCancel);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(range);
    topLayout->addWidget(mEvents, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(mJson);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mSummary);
    layout->addWidget(splitter, 1);
    auto *rulesForm = new QFormLayout;
    rulesForm->addRow(tr("Replay to"), mRules);
    layout->addLayout(rulesForm);
    layout->addLayout(replayRow);
    layout->addWidget(mStatus);
    resize(820, 620);

    mRefresh->setSingleShot(true);
    mRefresh->setInterval(200);
    connect(mRefresh, &QTimer::timeout, this, &ArchiveView::refresh);
    connect(mShow, &QPushButton::clicked, this, &ArchiveView::refresh);
    connect(mAll, &QPushButton::clicked, this, [this] {
        const QDateTime now = mCloud ? mCloud->clock().now() : QDateTime::currentDateTimeUtc();
        const QDateTime oldest = mCloud ? mCloud->state().oldestArchived(mArchive) : QDateTime();
        setRange(oldest.isValid() ? oldest : now.addSecs(-3600), now);
        refresh();
    });
    connect(mEvents, &QTreeWidget::currentItemChanged, this, &ArchiveView::showCurrentEvent);
    connect(mEvents, &QTreeWidget::itemSelectionChanged, this, &ArchiveView::rangeFromSelection);
    connect(mReplayButton, &QPushButton::clicked, this, &ArchiveView::replay);
    connect(mCancel, &QPushButton::clicked, this, &ArchiveView::cancel);

    if (mCloud) {
        const Node *node = EventBus(*mCloud).findBus(bus);
        const std::optional<ArchiveInfo> archive = node ? mCloud->eventArchive().archiveOf(*node) : std::nullopt;
        if (archive)
            mArchive = archive->name;
        if (node)
            for (const Node *rule : EventBus(*mCloud).rules(*node)) {
                auto *item = new QListWidgetItem(rule->name, mRules);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Checked);
            }
        connect(&mCloud->eventArchive(), &EventArchive::archived, this, [this](const QString &name) {
            if (name == mArchive)
                mRefresh->start();
        });
        connect(&mCloud->eventArchive(), &EventArchive::replayChanged, this, &ArchiveView::replayChanged);
        connect(mCloud, &QObject::destroyed, this, &ArchiveView::updateState);
    }
    mAll->click();
    updateState();
}

void ArchiveView::setRange(const QDateTime &from, const QDateTime &to)
{
    mFrom->setDateTime(from.toUTC());
    mTo->setDateTime(to.toUTC());
}

QDateTime ArchiveView::from() const
{
    return mFrom->dateTime().toUTC();
}

QDateTime ArchiveView::to() const
{
    return mTo->dateTime().toUTC();
}

void ArchiveView::refresh()
{
    mEvents->clear();
    mJson->clear();
    updateState();
    if (!mCloud || !mCloud->isRunning() || mArchive.isEmpty())
        return;
    const QList<ArchivedEvent> events = mCloud->state().archivedEvents(mArchive, from(), to(), 0, kListLimit + 1);
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = 0; i < events.size() && i < kListLimit; ++i) {
        const QJsonObject &event = events.at(i).event;
        const QString detail = QString::fromUtf8(
            QJsonDocument(event.value("detail"_L1).toObject()).toJson(QJsonDocument::Compact));
        auto *item = new QTreeWidgetItem({events.at(i).arrived.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s),
                                          event.value("source"_L1).toString(), event.value("detail-type"_L1).toString(),
                                          detail.left(200)});
        item->setData(Time, kEventRole, QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented)));
        item->setData(Time, kTimeRole, events.at(i).arrived);
        item->setToolTip(Detail, detail.left(2000));
        items.append(item);
    }
    mEvents->addTopLevelItems(items);
    const qint64 total = mCloud->state().archivedCount(mArchive);
    const qint64 inRange = mCloud->state().archivedCount(mArchive, from(), to());
    mStatus->setText(inRange > kListLimit ? tr("%1 of %2 archived events in the range; the first %3 are listed.")
                                                .arg(inRange)
                                                .arg(total)
                                                .arg(kListLimit)
                                          : tr("%1 of %2 archived events in the range.").arg(inRange).arg(total));
}

void ArchiveView::showCurrentEvent()
{
    const QTreeWidgetItem *item = mEvents->currentItem();
    mJson->setPlainText(item ? item->data(Time, kEventRole).toString() : QString());
}

// The range covers the selected events: from the first's time to just after the last's.
void ArchiveView::rangeFromSelection()
{
    QDateTime first, last;
    for (const QTreeWidgetItem *item : mEvents->selectedItems()) {
        const QDateTime time = item->data(Time, kTimeRole).toDateTime();
        if (!first.isValid() || time < first)
            first = time;
        if (!last.isValid() || time > last)
            last = time;
    }
    if (first.isValid())
        setRange(first, last.addMSecs(1));
}

bool ArchiveView::replay()
{
    if (!mCloud || !mCloud->isRunning()) {
        mStatus->setText(tr("The local cloud is not running."));
        return false;
    }
    QStringList rules;
    for (int i = 0; i < mRules->count(); ++i)
        if (mRules->item(i)->checkState() == Qt::Checked)
            rules.append(mRules->item(i)->text());
    if (mRules->count() > 0 && rules.isEmpty()) {
        mStatus->setText(tr("Check a rule to replay to."));
        return false;
    }
    // Every rule checked: the replay goes to the bus as a whole, as EventBridge's default.
    if (rules.size() == mRules->count())
        rules.clear();
    const QString name = u"studio-%1"_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s));
    const Result<ReplayInfo> started = mCloud->eventArchive().startReplay(name, mArchive, from(), to(), rules);
    if (!started) {
        mStatus->setText(tr("The replay did not start: %1").arg(started.errorMessage()));
        return false;
    }
    mReplay = name;
    mProgress->setRange(0, int(qMax<qint64>(started->total, 1)));
    mProgress->setValue(0);
    mStatus->setText(tr("Replaying %n event(s) as %1...", nullptr, int(started->total)).arg(name));
    updateState();
    return true;
}

void ArchiveView::cancel()
{
    if (mCloud && !mReplay.isEmpty())
        (void)mCloud->eventArchive().cancelReplay(mReplay);
}

void ArchiveView::replayChanged(const QString &name)
{
    if (name != mReplay || !mCloud)
        return;
    const std::optional<ReplayInfo> replay = mCloud->eventArchive().replay(name);
    if (!replay)
        return;
    mProgress->setMaximum(int(qMax<qint64>(replay->total, 1)));
    mProgress->setValue(int(replay->replayed));
    if (!replay->isActive()) {
        const QString state = ReplayInfo::stateName(replay->state);
        mStatus->setText(replay->stateReason.isEmpty() ? tr("Replay %1: %2, %3 of %4 event(s) replayed.")
                                                             .arg(name, state)
                                                             .arg(replay->replayed)
                                                             .arg(replay->total)
                                                       : tr("Replay %1: %2 (%3), %4 of %5 event(s) replayed.")
                                                             .arg(name, state, replay->stateReason)
                                                             .arg(replay->replayed)
                                                             .arg(replay->total));
        emit replayFinished(name, state);
    }
    updateState();
}

void ArchiveView::updateState()
{
    const bool running = mCloud && mCloud->isRunning();
    const std::optional<ReplayInfo> replay = running && !mReplay.isEmpty() ? mCloud->eventArchive().replay(mReplay)
                                                                           : std::nullopt;
    const bool replaying = replay && replay->isActive();
    const bool usable = running && !mArchive.isEmpty();
    mShow->setEnabled(usable);
    mAll->setEnabled(usable);
    mReplayButton->setEnabled(usable && !replaying);
    mCancel->setEnabled(replaying);
    if (!running) {
        mSummary->setText(tr("The local cloud is not running: start it to see the archive of %1.").arg(mBus));
        return;
    }
    const Node *node = EventBus(*mCloud).findBus(mBus);
    const std::optional<ArchiveInfo> archive = node ? mCloud->eventArchive().archiveOf(*node) : std::nullopt;
    if (!archive) {
        mSummary->setText(tr("The event bus %1 keeps no archive: turn on its Archive property.").arg(mBus));
        return;
    }
    const QString retention = archive->retentionDays ? tr("kept %n day(s)", nullptr, *archive->retentionDays)
                                                     : tr("kept indefinitely");
    const QString pattern = archive->pattern.isEmpty() ? tr("every event")
                                                       : tr("events matching %1").arg(archive->pattern);
    mSummary->setText(tr("<b>%1</b> archives %2 of the bus %3, %4. The cloud's time is %5.")
                          .arg(archive->name.toHtmlEscaped(), pattern.toHtmlEscaped(), mBus.toHtmlEscaped(), retention,
                               mCloud->clock().now().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s)));
}

} // namespace Nimbus
