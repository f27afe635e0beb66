#pragma once

#include <QDialog>

class QAction;
class QLineEdit;
class QListWidget;

namespace Nimbus {

class ActionManager;

// Ctrl+Shift+P: every registered action that sits in a menu or on a tool bar, found by
// typing a few of its letters in order ("exp plat" finds File > Export to Platform), shown
// with its menu, its matched letters in bold, and its shortcut; Enter runs it.
class CommandPalette : public QDialog
{
    Q_OBJECT

public:
    // Each listed item's matched letters: a QList<int> of positions in its text, drawn bold.
    static constexpr int MatchRole = Qt::UserRole + 2;

    explicit CommandPalette(const ActionManager &actions, QWidget *parent = nullptr);

    // How well text matches pattern: the letters of pattern appear in text in order,
    // case ignored; starts of words and runs of letters score higher. score -1: no match.
    struct Match
    {
        int score = -1;
        QList<int> positions; // of the matched letters in text
    };
    static Match match(const QString &pattern, const QString &text);
    static int score(const QString &pattern, const QString &text) { return match(pattern, text).score; }

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
