#pragma once

#include <QDialog>

class QAction;
class QLineEdit;
class QListWidget;

namespace Nimbus {

class ActionManager;

// Ctrl+Shift+P: every registered action that sits in a menu, found by typing a few of
// its letters in order ("exp plat" finds File > Export to Platform), shown with its menu
// and shortcut; Enter runs it.
class CommandPalette : public QDialog
{
    Q_OBJECT

public:
    explicit CommandPalette(const ActionManager &actions, QWidget *parent = nullptr);

    // How well text matches pattern: the letters of pattern appear in text in order,
    // case ignored; starts of words and runs of letters score higher. -1: no match.
    static int score(const QString &pattern, const QString &text);

    // The actions listed now, best match first.
    QList<QAction *> shownActions() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Command
    {
        QAction *action;
        QString path; // "File › Export to Platform..."
    };
    // "File › Open Recent": the menus that lead to action, empty when no menu shows it.
    static QString menuPath(const QAction *action);
    void filter(const QString &pattern);
    void runCurrent();

    QList<Command> mCommands;
    QLineEdit *mSearch;
    QListWidget *mList;
};

} // namespace Nimbus
