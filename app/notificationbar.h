#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Nimbus {

// A band above the design that tells of an error without stopping anything: the window
// stays usable, the message stays until dismissed (Close or Escape), and errors that
// come on top are counted rather than stacked.
class NotificationBar : public QFrame
{
    Q_OBJECT

public:
    explicit NotificationBar(QWidget *parent = nullptr);

    void showError(const QString &title, const QString &message);
    QString text() const;
    int pending() const { return mCount; }

public slots:
    void dismiss();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLabel *mIcon;
    QLabel *mText;
    QToolButton *mClose;
    int mCount = 0;
};

} // namespace Nimbus
