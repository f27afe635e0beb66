#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Nimbus {

class LocalCloud;
struct Node;

// An event bus's archive as the local cloud keeps it: the design's (a bus whose archive
// property is on), as UpdateArchive changed it for this run.
struct ArchiveInfo
{
    QString name; // <bus name>-archive
    QString busNode; // the bus's node
    QString busName; // the bus's name as AWS knows it
    QString pattern; // the event pattern of the events it keeps; empty: every event
    std::optional<int> retentionDays; // none: kept indefinitely
    QString description;
    QDateTime created; // when the cloud started with it
};

// A replay of an archive's events onto its bus: what StartReplay asked, and how far it got.
struct ReplayInfo
{
    enum class State { Starting, Running, Cancelling, Completed, Cancelled, Failed };

    QString name;
    QString description;
    QString archive;
    QDateTime from; // EventStartTime: events that arrived at or after it ...
    QDateTime to; // ... and before EventEndTime
    QStringList rules; // the rules (node names) it replays to; empty: every rule of the bus
    QStringList filterArns; // the rules as StartReplay named them
    State state = State::Starting;
    QString stateReason;
    QDateTime started; // the cloud's time when it started, ended
    QDateTime ended;
    QDateTime lastReplayed; // when the last event replayed had arrived
    qint64 total = 0; // the events in the range when it started
    qint64 replayed = 0;
    qint64 cursor = 0; // the sequence number of the last event replayed

    static QString stateName(State state);
    bool isActive() const { return state == State::Starting || state == State::Running; }
};

// EventBridge's archive and replay in the local cloud. Each event a bus accepts (from a
// client, the studio, the command line or another bus) that matches the bus's archive
// pattern is kept in the cloud's state with the virtual clock's time it arrived at,
// until the archive's retention drops it as the clock moves. A replay sends the events
// of a time range back onto the bus in the order they arrived, a few at a time from the
// event loop so that the studio stays responsive and a replay can be cancelled between
// them; each keeps its id and time and carries "replay-name", as EventBridge adds, and
// is never archived again.
//
//     cloud.eventArchive().startReplay({.name = "fix", .archive = "orders-archive", ...});
//     // replayChanged("fix") as it runs; replay("fix")->state is COMPLETED at the end
class EventArchive : public QObject
{
    Q_OBJECT

public:
    static constexpr int kReplayBatch = 10; // events replayed between two turns of the event loop
    static constexpr int kMaxActiveReplays = 10; // EventBridge's quota per account and region
    // The rules a replay may name: EventBridge's quota of rules per bus. A longer list can
    // only repeat rules, and each is looked up on the bus.
    static constexpr int kMaxReplayRules = 300;
    static constexpr int kMaxReplayNameLength = 64; // ReplayName's

    // A name as ReplayName takes it: 1 to 64 of letters, digits, '.', '-' and '_'.
    static bool isValidReplayName(const QString &name);

    explicit EventArchive(LocalCloud &cloud, QObject *parent = nullptr);

    // The archive name of a bus: its name with what ArchiveName does not take as '-', cut
    // to the 48 characters ArchiveName takes, then "-archive".
    static QString archiveName(const QString &busName);
    static QString archiveArn(const QString &region, const QString &archive);
    static QString replayArn(const QString &region, const QString &replay);

    // The archive of a bus, none when it has none (off in the design, or deleted in this run).
    std::optional<ArchiveInfo> archiveOf(const Node &bus) const;
    std::optional<ArchiveInfo> archive(const QString &name) const;
    // Every archive of the design, by name.
    QList<ArchiveInfo> archives() const;
    // UpdateArchive, for this run: what is given changes (retention 0: indefinitely).
    Result<ArchiveInfo> update(const QString &name, const std::optional<QString> &pattern,
                               const std::optional<int> &retentionDays, const std::optional<QString> &description);
    // DeleteArchive, for this run: its events go and the bus archives nothing until the
    // cloud starts again with the design's archive.
    Result<void> remove(const QString &name);

    // Keeps an event the bus accepted (change: its log entry) when the bus has an archive
    // and the event matches its pattern; never a replayed one.
    void archiveEvent(const Node &bus, const QJsonObject &event, qint64 change);
    // The virtual clock's work: the events past their archive's retention dropped, and
    // when the next one will be (invalid when none).
    void expire();
    QDateTime nextExpiry() const;

    // StartReplay: replays the archive's events that arrived in [from, to) onto its bus,
    // to every rule or only to those named (rule node names). What it starts, or why not.
    Result<ReplayInfo> startReplay(const QString &name, const QString &archive, const QDateTime &from,
                                   const QDateTime &to, const QStringList &rules = {},
                                   const QStringList &filterArns = {}, const QString &description = {});
    std::optional<ReplayInfo> replay(const QString &name) const;
    // Every replay of this run, by name.
    QList<ReplayInfo> replays() const;
    // CancelReplay: a replay that is starting or running stops before its next event.
    Result<ReplayInfo> cancelReplay(const QString &name);

    // The cloud starts: the archives are the design's again, and no replay is known.
    void reset();

signals:
    // An archive's events changed (one kept, some dropped or deleted).
    void archived(const QString &archive);
    // A replay started, replayed events, or ended.
    void replayChanged(const QString &replay);

private:
    void step(const QString &replay);
    void finish(ReplayInfo &replay, ReplayInfo::State state, const QString &reason = {});

    LocalCloud &mCloud;
    QDateTime mStarted;
    QHash<QString, std::optional<ArchiveInfo>> mChanged; // by archive name: as changed (none: deleted) in this run
    QMap<QString, ReplayInfo> mReplays;
    QHash<QString, qint64> mReplayCause; // replay name -> its log entry
};

} // namespace Nimbus
