#pragma once

#include "projectview.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QLockFile;

namespace Nimbus {

// Writes a recovery copy of the open project (JSON form) at an interval while it has
// unsaved changes, and removes it once the project is saved or closed. A session holds
// a lock file; copies whose lock is free belong to a session that crashed.
class Autosave : public QObject, public ProjectView
{
    Q_OBJECT

public:
    struct Entry
    {
        QString id;
        QString recoveryFile; // the JSON copy
        QString originalFile; // where the project was saved, empty if never
        QString name;
        QDateTime savedAt;
    };

    explicit Autosave(QObject *parent = nullptr);
    ~Autosave() override;

    void setInterval(int milliseconds) { mTimer.setInterval(milliseconds); }
    int interval() const { return mTimer.interval(); }
    // Writes now if there are unsaved changes; removes the copy otherwise.
    void saveNow();
    QString recoveryFile() const;

    // Copies left behind by sessions that did not close (their lock is free).
    static QList<Entry> pending();
    static void discard(const Entry &entry);
    static QString directory();
    static constexpr int kDefaultIntervalSeconds = 60;

private:
    void projectChanged(Project *previous) override;
    void removeCopy();

    QTimer mTimer;
    QString mId;
    std::unique_ptr<QLockFile> mLock;
};

} // namespace Nimbus
