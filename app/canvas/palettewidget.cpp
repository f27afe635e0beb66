#include "palettewidget.h"

#include "canvasview.h"
#include "model/catalog.h"

#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

class KindTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QLatin1String(CanvasView::kKindMimeType)}; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty() || items.first()->data(0, Qt::UserRole).toString().isEmpty())
            return nullptr;
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(CanvasView::kKindMimeType),
                      items.first()->data(0, Qt::UserRole).toString().toUtf8());
        return mime;
    }
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
};

} // namespace

PaletteWidget::PaletteWidget(const Catalog &catalog, QWidget *parent)
    : QWidget(parent), mFilter(new QLineEdit(this)), mTree(new KindTree(this))
{
    mFilter->setObjectName(u"paletteFilter"_s);
    mFilter->setPlaceholderText(tr("Filter"));
    mFilter->setClearButtonEnabled(true);
    mFilter->setAccessibleName(tr("Filter the palette"));
    mTree->setObjectName(u"paletteView"_s);
    mTree->setHeaderHidden(true);
    mTree->setIconSize(QSize(24, 24));
    mTree->setAccessibleName(tr("Palette"));
    mTree->setDragEnabled(true);
    mTree->setDragDropMode(QAbstractItemView::DragOnly);
    mTree->setRootIsDecorated(false);

    for (const QString &category : catalog.categories()) {
        auto *group = new QTreeWidgetItem(mTree, {Catalog::text(category)});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        for (const NodeKind *kind : catalog.kinds()) {
            if (kind->category != category)
                continue;
            auto *item = new QTreeWidgetItem(group, {Catalog::text(kind->name)});
            item->setIcon(0, QIcon(u":/nimbus/icons/kinds/"_s + kind->iconFile));
            item->setToolTip(0, Catalog::text(kind->help));
            item->setData(0, Qt::UserRole, kind->id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    mTree->expandAll();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mFilter);
    layout->addWidget(mTree);

    connect(mFilter, &QLineEdit::textChanged, this, &PaletteWidget::applyFilter);
    connect(mTree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString kind = item->data(0, Qt::UserRole).toString();
        if (!kind.isEmpty())
            emit kindActivated(kind);
    });
}

void PaletteWidget::applyFilter(const QString &text)
{
    for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = mTree->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                               || item->data(0, Qt::UserRole).toString().contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        group->setHidden(!any);
    }
}

} // namespace Nimbus
