#include "eventarchive.h"

#include "cloudevents.h"
#include "document/project.h"
#include "eventbus.h"
#include "eventpattern.h"
#include "localcloud.h"
#include "model/kinds.h"

#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The pattern of an archive: EventBridge takes 4096 characters (a rule's, 2048).
constexpr int kArchivePatternLength = 4096;

// The archive of a bus node as its properties make it (none when archive is off).
std::optional<ArchiveInfo> designArchive(const Node &bus, const QDateTime &created)
{
    if (bus.kind != Kinds::EventBus || !bus.properties.value("archive"_L1).toBool(false))
        return std::nullopt;
    ArchiveInfo info;
    info.busNode = bus.name;
    info.busName = EventBus::busName(bus);
    info.name = EventArchive::archiveName(info.busName);
    info.pattern = bus.properties.value("archivePattern"_L1).toString().trimmed();
    if (const QJsonValue days = bus.properties.value("archiveRetention"_L1); days.isDouble() && days.toInt() > 0)
        info.retentionDays = days.toInt();
    info.description = bus.properties.value("description"_L1).toString();
    info.created = created;
    return info;
}

} // namespace

QString ReplayInfo::stateName(State state)
{
    switch (state) {
    case State::Starting: return u"STARTING"_s;
    case State::Running: return u"RUNNING"_s;
    case State::Cancelling: return u"CANCELLING"_s;
    case State::Completed: return u"COMPLETED"_s;
    case State::Cancelled: return u"CANCELLED"_s;
    case State::Failed: return u"FAILED"_s;
    }
    return {};
}

EventArchive::EventArchive(LocalCloud &cloud, QObject *parent) : QObject(parent), mCloud(cloud) { }

QString EventArchive::archiveName(const QString &busName)
{
    static const QRegularExpression other(u"[^.A-Za-z0-9_-]"_s);
    static const QLatin1StringView suffix("-archive");
    return QString(busName).replace(other, u"-"_s).left(48 - int(suffix.size())) + suffix;
}

bool EventArchive::isValidReplayName(const QString &name)
{
    static const QRegularExpression pattern(u"^[.\\-_A-Za-z0-9]+$"_s);
    return name.size() <= kMaxReplayNameLength && pattern.match(name).hasMatch();
}

QString EventArchive::archiveArn(const QString &region, const QString &archive)
{
    return u"arn:aws:events:%1:%2:archive/%3"_s.arg(region, QLatin1String(CloudEvents::kAccount), archive);
}

QString EventArchive::replayArn(const QString &region, const QString &replay)
{
    return u"arn:aws:events:%1:%2:replay/%3"_s.arg(region, QLatin1String(CloudEvents::kAccount), replay);
}

void EventArchive::reset()
{
    mStarted = mCloud.clock().now();
    mChanged.clear();
    mReplays.clear();
    mReplayCause.clear();
}

std::optional<ArchiveInfo> EventArchive::archiveOf(const Node &bus) const
{
    std::optional<ArchiveInfo> info = designArchive(bus, mStarted);
    if (!info)
        return info;
    const auto changed = mChanged.constFind(info->name);
    if (changed == mChanged.cend())
        return info;
    if (!changed->has_value())
        return std::nullopt;
    ArchiveInfo updated = **changed;
    // The bus may have been renamed on the canvas since.
    updated.busNode = info->busNode;
    updated.busName = info->busName;
    return updated;
}

std::optional<ArchiveInfo> EventArchive::archive(const QString &name) const
{
    for (const ArchiveInfo &info : archives())
        if (info.name == name)
            return info;
    return std::nullopt;
}

QList<ArchiveInfo> EventArchive::archives() const
{
    QList<ArchiveInfo> all;
    for (const auto &[id, node] : mCloud.project().architecture().nodes())
        if (std::optional<ArchiveInfo> info = archiveOf(node))
            all.append(*info);
    std::sort(all.begin(), all.end(), [](const ArchiveInfo &a, const ArchiveInfo &b) { return a.name < b.name; });
    return all;
}

Result<ArchiveInfo> EventArchive::update(const QString &name, const std::optional<QString> &pattern,
                                         const std::optional<int> &retentionDays,
                                         const std::optional<QString> &description)
{
    std::optional<ArchiveInfo> info = archive(name);
    if (!info)
        return fail(tr("Archive %1 does not exist.").arg(name));
    if (pattern && !pattern->trimmed().isEmpty()) {
        if (const Result<EventPattern> parsed = EventPattern::parse(pattern->toUtf8(), kArchivePatternLength); !parsed)
            return parsed.error();
    }
    if (pattern)
        info->pattern = pattern->trimmed();
    if (retentionDays)
        info->retentionDays = *retentionDays > 0 ? retentionDays : std::nullopt;
    if (description)
        info->description = *description;
    mChanged.insert(name, *info);
    emit archived(name);
    return *info;
}

Result<void> EventArchive::remove(const QString &name)
{
    const std::optional<ArchiveInfo> info = archive(name);
    if (!info)
        return fail(tr("Archive %1 does not exist.").arg(name));
    for (ReplayInfo &replay : mReplays)
        if (replay.archive == name && replay.isActive())
            finish(replay, ReplayInfo::State::Failed, tr("the archive was deleted"));
    mCloud.state().deleteArchived(name);
    mChanged.insert(name, std::nullopt);
    mCloud.logChange(info->busNode, 0, tr("archive %1 deleted for this run").arg(name));
    emit archived(name);
    return {};
}

void EventArchive::archiveEvent(const Node &bus, const QJsonObject &event, qint64 change)
{
    // EventBridge's managed rule keeps replayed events out of every archive.
    if (event.contains("replay-name"_L1))
        return;
    const std::optional<ArchiveInfo> info = archiveOf(bus);
    if (!info)
        return;
    if (!info->pattern.isEmpty()) {
        const Result<EventPattern> pattern = EventPattern::parse(info->pattern.toUtf8(), kArchivePatternLength);
        // The validator says what is wrong with the pattern; an archive with a bad one keeps nothing.
        if (!pattern || !pattern->matches(event))
            return;
    }
    if (const Result<void> kept = mCloud.state().archiveEvent(info->name, event, mCloud.clock().now()); !kept) {
        CloudLogEntry entry;
        entry.kind = CloudLogEntry::Kind::Error;
        entry.cause = change;
        entry.source = bus.name;
        entry.target = info->name;
        entry.ok = false;
        entry.detail = tr("event %1 not archived: %2").arg(event.value("id"_L1).toString(), kept.errorMessage());
        mCloud.addLog(entry);
        return;
    }
    emit archived(info->name);
}

void EventArchive::expire()
{
    const QDateTime now = mCloud.clock().now();
    for (const ArchiveInfo &info : archives()) {
        if (!info.retentionDays)
            continue;
        const QDateTime cutoff = now.addDays(-*info.retentionDays);
        const QDateTime oldest = mCloud.state().oldestArchived(info.name);
        if (!oldest.isValid() || oldest > cutoff)
            continue;
        const int dropped = mCloud.state().dropArchivedBefore(info.name, cutoff);
        if (dropped == 0)
            continue;
        mCloud.logChange(info.busNode, 0,
                         tr("%n archived event(s) of %1 dropped, older than its retention (%2 days)", nullptr, dropped)
                             .arg(info.name)
                             .arg(*info.retentionDays));
        emit archived(info.name);
    }
}

QDateTime EventArchive::nextExpiry() const
{
    QDateTime next;
    for (const ArchiveInfo &info : archives()) {
        const QDateTime oldest = info.retentionDays ? mCloud.state().oldestArchived(info.name) : QDateTime();
        if (oldest.isValid() && (!next.isValid() || oldest.addDays(*info.retentionDays) < next))
            next = oldest.addDays(*info.retentionDays);
    }
    return next;
}

Result<ReplayInfo> EventArchive::startReplay(const QString &name, const QString &archiveName, const QDateTime &from,
                                             const QDateTime &to, const QStringList &rules,
                                             const QStringList &filterArns, const QString &description)
{
    if (!mCloud.isRunning())
        return fail(tr("the local cloud is not running"));
    if (!isValidReplayName(name))
        return fail(tr("a replay's name is 1 to %1 letters, digits, '.', '-' or '_'").arg(kMaxReplayNameLength));
    if (rules.size() > kMaxReplayRules)
        return fail(tr("a replay goes to at most %1 rules, not %2").arg(kMaxReplayRules).arg(rules.size()));
    if (mReplays.contains(name))
        return fail(tr("Replay %1 already exists.").arg(name));
    const std::optional<ArchiveInfo> info = archive(archiveName);
    if (!info)
        return fail(tr("Archive %1 does not exist.").arg(archiveName));
    if (!from.isValid() || !to.isValid() || from >= to)
        return fail(tr("the replay's start time must be before its end time"));
    if (to > mCloud.clock().now())
        return fail(tr("the replay's end time must not be after the cloud's time (%1)")
                        .arg(mCloud.clock().now().toString(Qt::ISODate)));
    const auto active = std::count_if(mReplays.cbegin(), mReplays.cend(),
                                      [](const ReplayInfo &r) { return r.isActive(); });
    if (active >= kMaxActiveReplays)
        return fail(tr("%1 replays are running already, as many as EventBridge allows at once").arg(active));
    ReplayInfo replay;
    replay.name = name;
    replay.description = description;
    replay.archive = archiveName;
    replay.from = from;
    replay.to = to;
    replay.rules = rules;
    replay.filterArns = filterArns;
    replay.started = mCloud.clock().now();
    replay.total = mCloud.state().archivedCount(archiveName, from, to);
    mReplays.insert(name, replay);
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::Request;
    entry.source = tr("replay %1").arg(name);
    entry.target = info->busNode;
    entry.detail = tr("replay of %n event(s) of %1 from %2 to %3", nullptr, int(replay.total))
                       .arg(archiveName, from.toUTC().toString(Qt::ISODate), to.toUTC().toString(Qt::ISODate));
    mReplayCause.insert(name, mCloud.addLog(entry));
    // The events go from the event loop, so that the caller gets its answer first.
    QTimer::singleShot(0, this, [this, name] { step(name); });
    emit replayChanged(name);
    return replay;
}

void EventArchive::step(const QString &name)
{
    const auto found = mReplays.find(name);
    if (found == mReplays.end() || !found->isActive())
        return;
    ReplayInfo &replay = *found;
    const std::optional<ArchiveInfo> info = archive(replay.archive);
    const Node *bus = info ? mCloud.project().architecture().nodeByName(info->busNode) : nullptr;
    if (!mCloud.isRunning() || !bus) {
        finish(replay, ReplayInfo::State::Failed,
               !mCloud.isRunning() ? tr("the local cloud stopped") : tr("the archive is gone"));
        return;
    }
    replay.state = ReplayInfo::State::Running;
    const QList<ArchivedEvent> events = mCloud.state().archivedEvents(replay.archive, replay.from, replay.to,
                                                                      replay.cursor, kReplayBatch);
    const qint64 cause = mReplayCause.value(name);
    for (const ArchivedEvent &archived : events) {
        QJsonObject event = archived.event;
        event.insert(u"replay-name"_s, name);
        EventBus(mCloud).replay(*bus, event, replay.rules, cause);
        // A target may have stopped the cloud or cancelled the replay meanwhile.
        if (!replay.isActive())
            return;
        replay.cursor = archived.sequence;
        replay.lastReplayed = archived.arrived;
        ++replay.replayed;
    }
    if (events.size() < kReplayBatch) {
        finish(replay, ReplayInfo::State::Completed);
        return;
    }
    emit replayChanged(name);
    QTimer::singleShot(0, this, [this, name] { step(name); });
}

void EventArchive::finish(ReplayInfo &replay, ReplayInfo::State state, const QString &reason)
{
    replay.state = state;
    replay.stateReason = reason;
    replay.ended = mCloud.clock().now();
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::ServiceChange;
    entry.cause = mReplayCause.value(replay.name);
    entry.source = tr("replay %1").arg(replay.name);
    entry.target = archive(replay.archive) ? archive(replay.archive)->busNode : replay.archive;
    entry.ok = state != ReplayInfo::State::Failed;
    entry.detail = tr("%1: %2 of %3 event(s) replayed%4")
                       .arg(ReplayInfo::stateName(state))
                       .arg(replay.replayed)
                       .arg(replay.total)
                       .arg(reason.isEmpty() ? QString() : u" ("_s + reason + u")"_s);
    mCloud.addLog(entry);
    emit replayChanged(replay.name);
}

std::optional<ReplayInfo> EventArchive::replay(const QString &name) const
{
    const auto found = mReplays.constFind(name);
    return found == mReplays.cend() ? std::nullopt : std::optional<ReplayInfo>(*found);
}

QList<ReplayInfo> EventArchive::replays() const
{
    return mReplays.values();
}

Result<ReplayInfo> EventArchive::cancelReplay(const QString &name)
{
    const auto found = mReplays.find(name);
    if (found == mReplays.end())
        return fail(tr("Replay %1 does not exist.").arg(name));
    if (!found->isActive())
        return fail(tr("Replay %1 is %2: only a starting or running replay can be cancelled.")
                        .arg(name, ReplayInfo::stateName(found->state)));
    finish(*found, ReplayInfo::State::Cancelled, tr("cancelled"));
    return *found;
}

} // namespace Nimbus
