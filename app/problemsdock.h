#pragma once

#include "model/diagnostic.h"
#include "projectview.h"

#include <QDockWidget>
#include <QTimer>

class QLabel;
class QTreeWidget;

namespace Nimbus {

// Lists the validator's diagnostics, recomputed as the project changes. Its title counts
// them ("Problems (3)"); a design without any shows one line that says so.
class ProblemsDock : public QDockWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit ProblemsDock(QWidget *parent = nullptr);

    const QList<Diagnostic> &diagnostics() const { return mDiagnostics; }
    QTreeWidget *view() const { return mView; }
    // The line shown instead of the list when there is no problem.
    QLabel *placeholder() const { return mPlaceholder; }
    // The height the dock needs for what it shows: its title and one line when there is no
    // problem, else the list up to kMaxRows rows (it scrolls beyond).
    int preferredHeight() const;
    static constexpr int kMaxRows = 6;
    // Checks again now (files on disk changed, which the model does not see).
    void revalidate();

signals:
    void diagnosticsChanged();
    void nodeActivated(Nimbus::NodeId id);

private:
    void projectChanged(Project *previous) override;
    QTreeWidget *mView;
    QLabel *mPlaceholder;
    QTimer mTimer;
    QList<Diagnostic> mDiagnostics;
};

} // namespace Nimbus
