#pragma once

#include "model/diagnostic.h"
#include "projectview.h"

#include <QDockWidget>
#include <QTimer>

class QTreeWidget;

namespace Nimbus {

// Lists the validator's diagnostics, recomputed as the project changes.
class ProblemsDock : public QDockWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit ProblemsDock(QWidget *parent = nullptr);

    const QList<Diagnostic> &diagnostics() const { return mDiagnostics; }
    QTreeWidget *view() const { return mView; }
    // Checks again now (files on disk changed, which the model does not see).
    void revalidate();

signals:
    void diagnosticsChanged();
    void nodeActivated(Nimbus::NodeId id);

private:
    void projectChanged(Project *previous) override;
    QTreeWidget *mView;
    QTimer mTimer;
    QList<Diagnostic> mDiagnostics;
};

} // namespace Nimbus
