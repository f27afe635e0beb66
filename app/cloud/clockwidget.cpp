#include "clockwidget.h"

#include "cloud/localcloud.h"
#include "cloud/virtualclock.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Nimbus {

ClockWidget::ClockWidget(QWidget *parent)
    : QWidget(parent), mTime(new QLabel(this)), mPause(new QToolButton(this)), mAdvance(new QToolButton(this)),
      mNext(new QToolButton(this)), mRefresh(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(2);
    mTime->setObjectName(u"clockTime"_s);
    mTime->setToolTip(tr("The local cloud's clock (UTC): schedules, message delays, visibility timeouts, "
                         "retention and Time to Live follow it"));
    // Wide enough for any date, so that the tool bar does not move as it ticks.
    mTime->setMinimumWidth(mTime->fontMetrics().horizontalAdvance(u"0000-00-00 00:00:00 UTC"_s) + 8);
    mPause->setObjectName(u"clockPause"_s);
    mAdvance->setObjectName(u"clockAdvance"_s);
    mAdvance->setPopupMode(QToolButton::MenuButtonPopup);
    mNext->setObjectName(u"clockRunUntilNext"_s);
    mNext->setText(tr("Run Until Next"));
    mNext->setToolTip(tr("Move the clock to the next thing due: a schedule's firing, a delayed message, the "
                         "end of a visibility timeout, an item's Time to Live"));
    auto *menu = new QMenu(mAdvance);
    const struct
    {
        QString label;
        qint64 milliseconds;
    } steps[] = {{tr("1 min"), 60'000},
                 {tr("15 min"), 15 * 60'000},
                 {tr("1 h"), 3'600'000},
                 {tr("6 h"), 6 * 3'600'000LL},
                 {tr("1 day"), 86'400'000}};
    for (const auto &s : steps) {
        const qint64 milliseconds = s.milliseconds;
        const QString label = s.label;
        connect(menu->addAction(label), &QAction::triggered, this, [this, milliseconds, label] {
            mStep = milliseconds;
            mAdvance->setText(tr("Advance %1").arg(label));
            advanceBy(milliseconds);
        });
    }
    connect(menu->addAction(tr("Custom…")), &QAction::triggered, this, &ClockWidget::advanceByCustom);
    mAdvance->setMenu(menu);
    mAdvance->setText(tr("Advance %1").arg(tr("1 h")));
    mAdvance->setToolTip(tr("Move the clock on, firing every schedule due on the way at its own time"));
    connect(mAdvance, &QToolButton::clicked, this, [this] { advanceBy(mStep); });
    connect(mPause, &QToolButton::clicked, this, &ClockWidget::togglePause);
    connect(mNext, &QToolButton::clicked, this, &ClockWidget::runUntilNext);
    for (QWidget *w : {static_cast<QWidget *>(mTime), static_cast<QWidget *>(mPause), static_cast<QWidget *>(mAdvance),
                       static_cast<QWidget *>(mNext)})
        layout->addWidget(w);
    mRefresh->setInterval(1000);
    connect(mRefresh, &QTimer::timeout, this, &ClockWidget::refresh);
    refresh();
}

void ClockWidget::setCloud(LocalCloud *cloud)
{
    if (mCloud)
        disconnect(&mCloud->virtualClock(), nullptr, this, nullptr);
    mCloud = cloud;
    if (mCloud)
        connect(&mCloud->virtualClock(), &VirtualClock::changed, this, &ClockWidget::refresh);
    refresh();
}

QString ClockWidget::timeText() const
{
    return mTime->text();
}

void ClockWidget::refresh()
{
    const bool on = mCloud && mCloud->isRunning();
    setEnabled(on);
    const bool running = on && mCloud->virtualClock().isRunning();
    mTime->setText(on ? tr("%1 UTC").arg(mCloud->clock().now().toString(u"yyyy-MM-dd HH:mm:ss"_s)) : tr("Stopped"));
    mPause->setText(running || !on ? tr("Pause") : tr("Run"));
    mPause->setToolTip(running || !on ? tr("Stop the local cloud's clock: nothing falls due until it runs or advances")
                                      : tr("Let the local cloud's clock follow real time again"));
    if (running)
        mRefresh->start();
    else
        mRefresh->stop();
}

void ClockWidget::togglePause()
{
    if (!mCloud)
        return;
    VirtualClock &clock = mCloud->virtualClock();
    clock.isRunning() ? clock.pause() : clock.run();
}

void ClockWidget::advanceBy(qint64 milliseconds)
{
    if (!mCloud)
        return;
    const Result<QDateTime> moved = mCloud->advance(milliseconds);
    emit message(moved ? tr("Local cloud clock advanced to %1").arg(moved->toString(Qt::ISODate))
                       : tr("The clock cannot advance: %1").arg(moved.errorMessage()));
}

void ClockWidget::advanceByCustom()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Advance the Clock"),
                                               tr("Advance the local cloud's clock by (90s, 15m, 6h, 2d):"),
                                               QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const Result<qint64> duration = VirtualClock::parseDuration(text);
    if (!duration) {
        emit message(duration.errorMessage());
        return;
    }
    advanceBy(*duration);
}

void ClockWidget::runUntilNext()
{
    if (!mCloud)
        return;
    const Result<QDateTime> moved = mCloud->runUntilNextDue();
    emit message(moved ? tr("Local cloud clock moved to %1, the next thing due").arg(moved->toString(Qt::ISODate))
                       : tr("The clock cannot move: %1").arg(moved.errorMessage()));
}

} // namespace Nimbus
