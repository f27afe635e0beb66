#pragma once

#include "model/ids.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

namespace Nimbus {

class Project;
class SecretStore;

// Keeps the stored values of a project's secret and parameter nodes with their nodes when
// they are renamed: the values are kept by node name (SecretStore), so a rename moves the
// value from the old name to the new one, and its undo (a rename back) moves it back. The
// moves run one after another, in the order of the renames, since the keychain answers
// later. Removing a node leaves its value where it is, so that undoing the removal finds it;
// `nimbus secret PROJECT NODE` overwrites it and a node added with the same name gets it.
class SecretRenames : public QObject
{
    Q_OBJECT

public:
    // Follows project's renames from now on, with the values in store (not owned; its
    // project file is set to the project's before each move).
    SecretRenames(Project &project, SecretStore &store, QObject *parent = nullptr);

    // Whether moves are still waiting or running.
    bool isBusy() const { return mRunning || !mMoves.isEmpty(); }

signals:
    // A value could not be moved (the keychain or the file refused), with why.
    void failed(const QString &message);
    // Every move asked for so far is done.
    void idle();

private:
    void remember();
    void renamed(NodeId id, const QString &name);
    void next();

    Project &mProject;
    QPointer<SecretStore> mStore;
    QHash<NodeId, QString> mNames; // the secret and parameter nodes' names as last seen
    QList<QPair<QString, QString>> mMoves; // from, to; in order
    bool mRunning = false;
};

} // namespace Nimbus
