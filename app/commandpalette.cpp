#include "commandpalette.h"

#include "actionmanager.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr int kActionRole = Qt::UserRole + 1;

QString plainText(QString text)
{
    // "&Export to Platform..." -> "Export to Platform..."; "&&" stays one "&".
    text.replace("&&"_L1, u"\x01"_s);
    text.remove('&'_L1);
    text.replace('\x01'_L1, '&'_L1);
    return text;
}
} // namespace

CommandPalette::CommandPalette(const ActionManager &actions, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Command Palette"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    mSearch = new QLineEdit(this);
    mSearch->setObjectName(u"commandSearch"_s);
    mSearch->setPlaceholderText(tr("Type a command, for example \"exp plat\""));
    mSearch->setAccessibleName(tr("Command"));
    mSearch->setClearButtonEnabled(true);
    mList = new QListWidget(this);
    mList->setObjectName(u"commandList"_s);
    mList->setAccessibleName(tr("Matching commands"));
    mList->setUniformItemSizes(true);
    layout->addWidget(mSearch);
    layout->addWidget(mList);

    for (QAction *action : actions.actions()) {
        const QString path = menuPath(action);
        if (!path.isEmpty() && !action->isSeparator() && !action->text().isEmpty())
            mCommands.append({action, path + u" › "_s + plainText(action->text())});
    }

    connect(mSearch, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(mSearch, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(mList, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    mSearch->installEventFilter(this);
    filter(QString());
}

QString CommandPalette::menuPath(const QAction *action)
{
    for (QObject *holder : action->associatedObjects()) {
        auto *menu = qobject_cast<QMenu *>(holder);
        if (!menu)
            continue;
        const QString parent = menuPath(menu->menuAction());
        const bool inMenuBar = std::any_of(menu->menuAction()->associatedObjects().cbegin(),
                                           menu->menuAction()->associatedObjects().cend(),
                                           [](QObject *o) { return qobject_cast<QMenuBar *>(o) != nullptr; });
        if (!parent.isEmpty())
            return parent + u" › "_s + plainText(menu->title());
        if (inMenuBar)
            return plainText(menu->title());
    }
    return {};
}

int CommandPalette::score(const QString &pattern, const QString &text)
{
    int total = 0;
    int run = 0;
    qsizetype at = 0;
    for (const QChar wanted : pattern) {
        if (wanted.isSpace()) {
            run = 0;
            continue;
        }
        bool found = false;
        for (; at < text.size(); ++at) {
            if (text.at(at).toLower() != wanted.toLower()) {
                run = 0;
                continue;
            }
            const bool wordStart = at == 0 || !text.at(at - 1).isLetterOrNumber();
            total += 1 + (wordStart ? 6 : 0) + run * 5;
            ++run;
            ++at;
            found = true;
            break;
        }
        if (!found)
            return -1;
    }
    return total;
}

void CommandPalette::filter(const QString &pattern)
{
    QList<QPair<int, const Command *>> matches;
    for (const Command &c : std::as_const(mCommands)) {
        // The action's own words count more than the menu it sits in.
        const int own = score(pattern, plainText(c.action->text()));
        const int full = score(pattern, c.path);
        const int best = std::max(own >= 0 ? own + 2 : -1, full);
        if (best >= 0)
            matches.append({best, &c});
    }
    std::stable_sort(matches.begin(), matches.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    mList->clear();
    for (const auto &[points, command] : std::as_const(matches)) {
        QString label = command->path;
        const QKeySequence key = command->action->shortcut();
        if (!key.isEmpty())
            label += u"    "_s + key.toString(QKeySequence::NativeText);
        auto *item = new QListWidgetItem(label, mList);
        item->setData(kActionRole, QVariant::fromValue(static_cast<QObject *>(command->action)));
        if (!command->action->isEnabled())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    for (int i = 0; i < mList->count(); ++i) {
        if (mList->item(i)->flags() & Qt::ItemIsEnabled) {
            mList->setCurrentRow(i);
            break;
        }
    }
}

QList<QAction *> CommandPalette::shownActions() const
{
    QList<QAction *> actions;
    for (int i = 0; i < mList->count(); ++i)
        actions.append(qobject_cast<QAction *>(mList->item(i)->data(kActionRole).value<QObject *>()));
    return actions;
}

void CommandPalette::runCurrent()
{
    QListWidgetItem *item = mList->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    QAction *action = qobject_cast<QAction *>(item->data(kActionRole).value<QObject *>());
    accept();
    // After the palette is gone, so that a dialog the action opens gets the focus.
    if (action)
        QMetaObject::invokeMethod(action, &QAction::trigger, Qt::QueuedConnection);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Up and down move in the list while typing goes on in the search field.
    if (watched == mSearch && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(mList, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Nimbus
