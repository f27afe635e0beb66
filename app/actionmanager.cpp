#include "actionmanager.h"

#include <QAction>

#include <algorithm>

namespace Nimbus {

ActionManager::ActionManager(QObject *parent) : QObject(parent) { }

void ActionManager::registerAction(const QByteArray &id, QAction *action)
{
    const auto same = [&id](const Entry &e) { return e.id == id; };
    mEntries.erase(std::remove_if(mEntries.begin(), mEntries.end(), same), mEntries.end());
    mEntries.append({id, action});
    // A rebuilt menu (recent files, examples) deletes its actions: their ids go with them.
    connect(action, &QObject::destroyed, this, [this, action] {
        mEntries.erase(
            std::remove_if(mEntries.begin(), mEntries.end(), [action](const Entry &e) { return e.action == action; }),
            mEntries.end());
    });
}

QAction *ActionManager::action(const QByteArray &id) const
{
    for (const Entry &e : mEntries)
        if (e.id == id)
            return e.action;
    return nullptr;
}

QByteArray ActionManager::id(const QAction *action) const
{
    for (const Entry &e : mEntries)
        if (e.action == action)
            return e.id;
    return {};
}

QList<QAction *> ActionManager::actions() const
{
    QList<QAction *> all;
    all.reserve(mEntries.size());
    for (const Entry &e : mEntries)
        all.append(e.action);
    return all;
}

} // namespace Nimbus
