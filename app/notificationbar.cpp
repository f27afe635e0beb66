#include "notificationbar.h"

#include "theme.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Nimbus {

NotificationBar::NotificationBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"notificationBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A tint of the theme's failure red behind the theme's text, again on a theme switch.
    const auto restyle = [this] {
        const QPalette app = QApplication::palette();
        QPalette p = palette();
        p.setColor(QPalette::Window, Theme::mix(app.color(QPalette::Base), Theme::failure(app), 0.18));
        p.setColor(QPalette::WindowText, app.color(QPalette::Text));
        setPalette(p);
    };
    restyle();
    Theme::onPaletteChange(this, restyle);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    mIcon = new QLabel(this);
    mIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(20, 20));
    mText = new QLabel(this);
    mText->setObjectName(u"notificationText"_s);
    mText->setWordWrap(true);
    mText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mClose = new QToolButton(this);
    mClose->setObjectName(u"notificationClose"_s);
    mClose->setAutoRaise(true);
    mClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    mClose->setToolTip(tr("Dismiss (Esc)"));
    mClose->setAccessibleName(tr("Dismiss the message"));
    layout->addWidget(mIcon, 0, Qt::AlignTop);
    layout->addWidget(mText, 1);
    layout->addWidget(mClose, 0, Qt::AlignTop);
    setAccessibleName(tr("Error message"));
    setFocusPolicy(Qt::ClickFocus);
    connect(mClose, &QToolButton::clicked, this, &NotificationBar::dismiss);
    hide();
}

void NotificationBar::showError(const QString &title, const QString &message)
{
    ++mCount;
    QString text = u"<b>%1</b> %2"_s.arg(title.toHtmlEscaped(), message.toHtmlEscaped());
    if (mCount > 1)
        text += ' '_L1 + tr("(%n more before)", nullptr, mCount - 1);
    mText->setText(text);
    show();
}

QString NotificationBar::text() const
{
    return mText->text();
}

void NotificationBar::dismiss()
{
    mCount = 0;
    hide();
}

void NotificationBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace Nimbus
