#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace Nimbus {

class LocalCloud;

// The local cloud's clock in the main tool bar: its date and time (UTC, as schedules
// read it), Pause / Run, Advance (by the step last chosen in its menu: 1 min, 15 min,
// 1 h, 6 h, 1 day or a custom duration) and Run Until Next, which jumps to the next
// thing due. Disabled while the cloud is stopped.
class ClockWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ClockWidget(QWidget *parent = nullptr);

    // The running cloud whose clock it shows; null when it stops.
    void setCloud(LocalCloud *cloud);
    LocalCloud *cloud() const { return mCloud; }
    QString timeText() const;
    // The step Advance moves by, in milliseconds (1 h until the menu picks another).
    qint64 step() const { return mStep; }

signals:
    // What an operation did or why it failed, for the status bar.
    void message(const QString &text);

private:
    void refresh();
    void advanceBy(qint64 milliseconds);
    void advanceByCustom();
    void togglePause();
    void runUntilNext();

    QPointer<LocalCloud> mCloud;
    qint64 mStep = 3'600'000;
    QLabel *mTime;
    QToolButton *mPause;
    QToolButton *mAdvance;
    QToolButton *mNext;
    QTimer *mRefresh;
};

} // namespace Nimbus
