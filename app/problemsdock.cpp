#include "problemsdock.h"

#include "document/project.h"
#include "model/catalog.h"
#include "model/validator.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

ProblemsDock::ProblemsDock(QWidget *parent)
    : QDockWidget(tr("Problems"), parent), mView(new QTreeWidget(this)), mPlaceholder(new QLabel(this))
{
    setObjectName(u"problemsDock"_s);
    mView->setObjectName(u"problemsView"_s);
    mView->setRootIsDecorated(false);
    mView->setHeaderLabels({tr("Problem"), tr("Nodes")});
    mView->header()->setStretchLastSection(false);
    mView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mView->setAccessibleName(tr("Problems"));
    mPlaceholder->setObjectName(u"problemsPlaceholder"_s);
    mPlaceholder->setText(tr("No problems found"));
    mPlaceholder->setForegroundRole(QPalette::PlaceholderText);
    mPlaceholder->setContentsMargins(8, 4, 8, 4);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(mPlaceholder);
    layout->addWidget(mView, 1);
    mView->hide();
    setWidget(content);

    // Validation runs once after a burst of edits, not once per edit.
    mTimer.setSingleShot(true);
    mTimer.setInterval(0);
    connect(&mTimer, &QTimer::timeout, this, &ProblemsDock::revalidate);
    connect(mView, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const NodeId id = item->data(0, Qt::UserRole).toULongLong();
        if (id != kInvalidNodeId)
            emit nodeActivated(id);
    });
}

void ProblemsDock::projectChanged(Project *previous)
{
    if (previous) {
        disconnect(&previous->architecture(), nullptr, &mTimer, nullptr);
        disconnect(previous, nullptr, &mTimer, nullptr);
    }
    if (project()) {
        // Every change but a move: positions never change a diagnostic, and a drag moves
        // nodes at every mouse event.
        const Architecture *a = &project()->architecture();
        auto restart = qOverload<>(&QTimer::start);
        connect(a, &Architecture::nodeAdded, &mTimer, restart);
        connect(a, &Architecture::nodeRemoved, &mTimer, restart);
        connect(a, &Architecture::nodeRenamed, &mTimer, restart);
        connect(a, &Architecture::nodePropertyChanged, &mTimer, restart);
        connect(a, &Architecture::edgeAdded, &mTimer, restart);
        connect(a, &Architecture::edgeRemoved, &mTimer, restart);
        connect(a, &Architecture::modelReset, &mTimer, restart);
        // Handler files are looked up beside the project() file.
        connect(project(), &Project::filePathChanged, &mTimer, qOverload<>(&QTimer::start));
    }
    revalidate();
}

void ProblemsDock::revalidate()
{
    mView->clear();
    mDiagnostics.clear();
    if (project()) {
        Validator validator(project()->catalog(), project()->architecture());
        validator.setProjectDirectory(project()->directory());
        mDiagnostics = validator.validate();
    }
    for (const Diagnostic &d : std::as_const(mDiagnostics)) {
        auto *item = new QTreeWidgetItem(mView);
        const QStyle::StandardPixmap icon = d.severity == Diagnostic::Severity::Error ? QStyle::SP_MessageBoxCritical
                                            : d.severity == Diagnostic::Severity::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
        item->setText(0, d.message);
        item->setToolTip(0, u"%1: %2"_s.arg(Diagnostic::severityName(d.severity), d.message));
        QStringList names;
        for (NodeId id : d.nodes)
            if (const Node *n = project()->architecture().node(id))
                names.append(n->name);
        item->setText(1, names.join(", "_L1));
        item->setData(0, Qt::UserRole, d.nodes.isEmpty() ? QVariant() : QVariant::fromValue(d.nodes.first()));
    }
    setWindowTitle(mDiagnostics.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(mDiagnostics.size()));
    mView->setVisible(!mDiagnostics.isEmpty());
    mPlaceholder->setVisible(mDiagnostics.isEmpty());
    emit diagnosticsChanged();
}

int ProblemsDock::preferredHeight() const
{
    // The title bar and frame the dock adds around its content.
    const int chrome = sizeHint().height() - widget()->sizeHint().height();
    if (mDiagnostics.isEmpty())
        return chrome + mPlaceholder->sizeHint().height();
    const int rows = std::min(int(mDiagnostics.size()), kMaxRows);
    const int rowHeight = std::max(mView->sizeHintForRow(0), fontMetrics().height());
    return chrome + mView->header()->sizeHint().height() + rows * rowHeight + 2 * mView->frameWidth();
}

} // namespace Nimbus
