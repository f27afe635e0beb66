#include "commandpalette.h"

#include "actionmanager.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QToolBar>
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

// A listed command with the letters the pattern matched in bold, in the link colour.
class MatchDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QString text = item.text;
        item.text.clear();
        const QWidget *widget = item.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

        const bool selected = item.state & QStyle::State_Selected;
        const bool enabled = item.state & QStyle::State_Enabled;
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        bold.setForeground(item.palette.brush(selected ? QPalette::HighlightedText : QPalette::Link));
        QList<QTextLayout::FormatRange> ranges;
        for (const int at : index.data(CommandPalette::MatchRole).value<QList<int>>())
            ranges.append({at, 1, bold});
        QTextLayout layout(text, item.font);
        layout.setFormats(ranges);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget).adjusted(3, 0, -3, 0);
        line.setLineWidth(area.width());
        layout.endLayout();
        painter->save();
        painter->setPen(item.palette.color(enabled ? QPalette::Normal : QPalette::Disabled,
                                           selected ? QPalette::HighlightedText : QPalette::Text));
        painter->setClipRect(area);
        layout.draw(painter, QPointF(area.left(), area.top() + (area.height() - line.height()) / 2));
        painter->restore();
    }
};
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
    mList->setItemDelegate(new MatchDelegate(mList));
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
    // A tool bar button that no menu holds is found under its tool bar's name.
    const QList<QObject *> holders = action->associatedObjects();
    const bool inMenu = std::any_of(holders.cbegin(), holders.cend(),
                                    [](QObject *o) { return qobject_cast<QMenu *>(o) != nullptr; });
    if (!inMenu) {
        for (QObject *holder : holders) {
            if (auto *bar = qobject_cast<QToolBar *>(holder))
                return bar->windowTitle();
        }
    }
    for (QObject *holder : holders) {
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

CommandPalette::Match CommandPalette::match(const QString &pattern, const QString &text)
{
    Match result;
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
            result.positions.append(int(at));
            ++run;
            ++at;
            found = true;
            break;
        }
        if (!found)
            return {};
    }
    result.score = total;
    return result;
}

void CommandPalette::filter(const QString &pattern)
{
    QList<QPair<Match, const Command *>> matches;
    for (const Command &c : std::as_const(mCommands)) {
        // The action's own words count more than the menu it sits in; they end the path.
        const QString own = plainText(c.action->text());
        Match best = match(pattern, own);
        if (best.score >= 0) {
            best.score += 2;
            for (int &at : best.positions)
                at += int(c.path.size() - own.size());
        }
        const Match full = match(pattern, c.path);
        if (full.score > best.score)
            best = full;
        if (best.score >= 0)
            matches.append({best, &c});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto &a, const auto &b) { return a.first.score > b.first.score; });
    mList->clear();
    for (const auto &[found, command] : std::as_const(matches)) {
        QString label = command->path;
        const QKeySequence key = command->action->shortcut();
        if (!key.isEmpty())
            label += u"    "_s + key.toString(QKeySequence::NativeText);
        auto *item = new QListWidgetItem(label, mList);
        item->setData(kActionRole, QVariant::fromValue(static_cast<QObject *>(command->action)));
        item->setData(MatchRole, QVariant::fromValue(found.positions));
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
