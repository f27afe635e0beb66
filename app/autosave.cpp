#include "autosave.h"

#include "document/project.h"
#include "storage/jsoninterchange.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
QString metaPath(const QString &id)
{
    return Autosave::directory() + '/'_L1 + id + ".meta.json"_L1;
}
QString copyPath(const QString &id)
{
    return Autosave::directory() + '/'_L1 + id + ".json"_L1;
}
QString lockPath(const QString &id)
{
    return Autosave::directory() + '/'_L1 + id + ".lock"_L1;
}
} // namespace

Autosave::Autosave(QObject *parent) : QObject(parent), mId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(directory());
    mLock = std::make_unique<QLockFile>(lockPath(mId));
    mLock->setStaleLockTime(0);
    mLock->tryLock(0);
    const int seconds = QSettings().value(u"autosave/intervalSeconds"_s, kDefaultIntervalSeconds).toInt();
    mTimer.setInterval(std::max(5, seconds) * 1000);
    connect(&mTimer, &QTimer::timeout, this, &Autosave::saveNow);
    mTimer.start();
}

Autosave::~Autosave()
{
    // A clean end: nothing to recover.
    removeCopy();
    mLock.reset();
}

QString Autosave::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery"_L1;
}

QString Autosave::recoveryFile() const
{
    return copyPath(mId);
}

void Autosave::projectChanged(Project *previous)
{
    if (previous)
        disconnect(previous, nullptr, this, nullptr);
    removeCopy();
    if (project())
        connect(project(), &Project::modifiedChanged, this, [this](bool modified) {
            if (!modified)
                removeCopy(); // saved, or undone back to the saved state
        });
}

void Autosave::saveNow()
{
    if (!project() || !project()->isModified()) {
        removeCopy();
        return;
    }
    QSaveFile copy(copyPath(mId));
    if (!copy.open(QIODevice::WriteOnly) || copy.write(JsonInterchange::write(project()->architecture())) < 0
        || !copy.commit()) {
        qWarning("Autosave: %s: %s", qPrintable(copy.fileName()), qPrintable(copy.errorString()));
        return;
    }
    const QJsonObject meta{{u"original"_s, project()->filePath()},
                           {u"name"_s, project()->displayName()},
                           {u"savedAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    QSaveFile metaFile(metaPath(mId));
    if (metaFile.open(QIODevice::WriteOnly)) {
        metaFile.write(QJsonDocument(meta).toJson());
        metaFile.commit();
    }
}

void Autosave::removeCopy()
{
    QFile::remove(copyPath(mId));
    QFile::remove(metaPath(mId));
}

QList<Autosave::Entry> Autosave::pending()
{
    QList<Entry> entries;
    const QDir dir(directory());
    for (const QString &file : dir.entryList({u"*.meta.json"_s}, QDir::Files, QDir::Time)) {
        const QString id = file.chopped(int(qstrlen(".meta.json")));
        // A live session holds its lock; only abandoned copies are offered.
        QLockFile lock(lockPath(id));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        QFile meta(dir.filePath(file));
        if (!meta.open(QIODevice::ReadOnly) || !QFile::exists(copyPath(id)))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
        entries.append({id, copyPath(id), o.value("original"_L1).toString(), o.value("name"_L1).toString(),
                        QDateTime::fromString(o.value("savedAt"_L1).toString(), Qt::ISODate)});
    }
    return entries;
}

void Autosave::discard(const Entry &entry)
{
    QFile::remove(copyPath(entry.id));
    QFile::remove(metaPath(entry.id));
    QFile::remove(lockPath(entry.id));
}

} // namespace Nimbus
