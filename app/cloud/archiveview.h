#pragma once

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QDateTimeEdit;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace Nimbus {

class LocalCloud;

// The archive of one event bus while the local cloud runs, in a window of its own: the
// events it kept (time, source, detail-type, a preview of the detail) in a time range,
// one event's JSON, and a replay of a range onto the bus - to every rule or to those
// checked - with a progress bar and Cancel. Selecting events sets the range to cover
// them. The replay runs on the cloud's event loop a few events at a time, so the window
// and the studio stay responsive; the list follows what the archive keeps.
class ArchiveView : public QWidget
{
    Q_OBJECT

public:
    ArchiveView(LocalCloud *cloud, const QString &bus, QWidget *parent = nullptr);

    QString bus() const { return mBus; }
    // The cloud it shows; null once that cloud has stopped.
    LocalCloud *cloud() const { return mCloud; }
    QString archiveName() const { return mArchive; }
    // The range the list shows and a replay replays, [from, to), in UTC.
    void setRange(const QDateTime &from, const QDateTime &to);
    QDateTime from() const;
    QDateTime to() const;
    // Shows the archive's events in the range again.
    void refresh();
    // Replays the range onto the bus; false (and the status says why) when it cannot start.
    bool replay();
    void cancel();
    // The replay this window started last, empty before the first.
    QString lastReplay() const { return mReplay; }
    // Events the list can show at most.
    static constexpr int kListLimit = 1000;

signals:
    // A replay this window started ended (COMPLETED, CANCELLED or FAILED).
    void replayFinished(const QString &replay, const QString &state);

private:
    void showCurrentEvent();
    void rangeFromSelection();
    void replayChanged(const QString &replay);
    void updateState();

    QPointer<LocalCloud> mCloud;
    QString mBus;
    QString mArchive;
    QString mReplay;
    QLabel *mSummary;
    QDateTimeEdit *mFrom;
    QDateTimeEdit *mTo;
    QPushButton *mShow;
    QPushButton *mAll;
    QTreeWidget *mEvents;
    QPlainTextEdit *mJson;
    QListWidget *mRules;
    QPushButton *mReplayButton;
    QPushButton *mCancel;
    QProgressBar *mProgress;
    QLabel *mStatus;
    QTimer *mRefresh; // coalesces the archive's changes while events arrive
};

} // namespace Nimbus
