#pragma once

#include "model/diagnostic.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace Nimbus {

class Project;

// File > Import on a pool thread (QtConcurrent): the template is read and its project
// built there, then the project is moved to the GUI thread before the worker lets go of
// it. The worker touches no QObject of the GUI thread: the catalog and the plugin
// registry are read-only once loaded, and an importer keeps no state.
class TemplateImport : public QObject
{
    Q_OBJECT

public:
    explicit TemplateImport(const QString &path, QObject *parent = nullptr);
    ~TemplateImport() override;

    QString path() const { return mPath; }
    void start();
    bool isRunning() const;
    // Stops waiting: finished is not emitted, and the project read is thrown away.
    void cancel();

    // After finished(true): the project, for the caller to own, and what the importer noted.
    Project *takeProject();
    QList<Diagnostic> notes() const { return mOutcome.notes; }
    // After finished(false): what failed.
    QString errorString() const { return mOutcome.error; }

signals:
    void finished(bool ok);

private:
    // Deletes a project nobody took in its own (the GUI) thread, whichever thread lets go.
    struct ProjectHolder
    {
        Project *project = nullptr;
        ~ProjectHolder();
    };
    struct Outcome
    {
        std::shared_ptr<ProjectHolder> holder;
        QList<Diagnostic> notes;
        QString error;
    };
    static Outcome run(const QString &path, QThread *target);

    QString mPath;
    QFutureWatcher<Outcome> mWatcher;
    Outcome mOutcome;
};

} // namespace Nimbus
