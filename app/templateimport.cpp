#include "templateimport.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace Nimbus {

TemplateImport::ProjectHolder::~ProjectHolder()
{
    if (project)
        project->deleteLater();
}

TemplateImport::TemplateImport(const QString &path, QObject *parent) : QObject(parent), mPath(path)
{
    connect(&mWatcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (mWatcher.isCanceled())
            return;
        mOutcome = mWatcher.result();
        emit finished(mOutcome.holder && mOutcome.holder->project);
    });
}

TemplateImport::~TemplateImport()
{
    cancel();
}

void TemplateImport::start()
{
    // Both load on first use: that happens here, on the GUI thread, not in the worker.
    Catalog::builtin();
    PluginRegistry::instance();
    mWatcher.setFuture(QtConcurrent::run(&TemplateImport::run, mPath, QThread::currentThread()));
}

bool TemplateImport::isRunning() const
{
    return mWatcher.isRunning();
}

void TemplateImport::cancel()
{
    // A running read cannot be interrupted; its result is dropped when it comes.
    mWatcher.disconnect(this);
    mWatcher.cancel();
}

Project *TemplateImport::takeProject()
{
    return mOutcome.holder ? std::exchange(mOutcome.holder->project, nullptr) : nullptr;
}

TemplateImport::Outcome TemplateImport::run(const QString &path, QThread *target)
{
    Outcome outcome;
    outcome.holder = std::make_shared<ProjectHolder>();
    auto project = std::make_unique<Project>(Catalog::builtin());
    Result<QList<Diagnostic>> imported = ExportJob::import(path, PluginRegistry::instance(), *project);
    if (!imported) {
        outcome.error = imported.errorMessage();
        return outcome;
    }
    outcome.notes = std::move(imported).value();
    // The architecture is a member, not a child: it moves on its own.
    project->architecture().moveToThread(target);
    project->moveToThread(target);
    outcome.holder->project = project.release();
    return outcome;
}

} // namespace Nimbus
