#include "secretrenames.h"

#include "document/project.h"
#include "model/kinds.h"
#include "secretstore.h"

#include <QJsonObject>

namespace Nimbus {

namespace {
bool keepsValue(const Node &node)
{
    return node.kind == Kinds::Secret || node.kind == Kinds::Parameter;
}
} // namespace

SecretRenames::SecretRenames(Project &project, SecretStore &store, QObject *parent)
    : QObject(parent), mProject(project), mStore(&store)
{
    Architecture *design = &project.architecture();
    remember();
    connect(design, &Architecture::modelReset, this, &SecretRenames::remember);
    connect(design, &Architecture::nodeAdded, this, [this](NodeId id) {
        if (const Node *node = mProject.architecture().node(id); node && keepsValue(*node))
            mNames.insert(id, node->name);
    });
    connect(design, &Architecture::nodeRemoved, this, [this](NodeId id) { mNames.remove(id); });
    connect(design, &Architecture::nodeRenamed, this, &SecretRenames::renamed);
}

void SecretRenames::remember()
{
    mNames.clear();
    for (const auto &[id, node] : mProject.architecture().nodes())
        if (keepsValue(node))
            mNames.insert(id, node.name);
}

void SecretRenames::renamed(NodeId id, const QString &name)
{
    const auto known = mNames.find(id);
    if (known == mNames.end())
        return;
    const QString from = known.value();
    known.value() = name;
    if (from == name)
        return;
    mMoves.append({from, name});
    if (!mRunning)
        next();
}

void SecretRenames::next()
{
    if (mMoves.isEmpty() || !mStore) {
        mRunning = false;
        mMoves.clear();
        emit idle();
        return;
    }
    mRunning = true;
    const QPair<QString, QString> move = mMoves.takeFirst();
    const QString source = move.first, target = move.second;
    mStore->setProjectFile(mProject.filePath());
    QPointer<SecretRenames> self(this);
    mStore->read(source, [self, source, target](const Result<QJsonObject> &record) {
        if (!self)
            return;
        if (!record) {
            emit self->failed(tr("The value of %1 was not moved to %2: %3").arg(source, target, record.errorMessage()));
            self->next();
            return;
        }
        if (record->isEmpty() || !self->mStore) {
            self->next(); // no value to move
            return;
        }
        self->mStore->write(target, *record, [self, source, target](const Result<void> &written) {
            if (!self)
                return;
            if (!written || !self->mStore) {
                emit self->failed(
                    tr("The value of %1 was not moved to %2: %3").arg(source, target, written.errorMessage()));
                self->next();
                return;
            }
            self->mStore->remove(source, [self](const Result<void> &) {
                if (self)
                    self->next();
            });
        });
    });
}

} // namespace Nimbus
