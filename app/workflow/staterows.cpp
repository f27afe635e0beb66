#include "staterows.h"

#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// A list column's editor is a combo box of its values; other columns edit text.
class OptionsDelegate : public QStyledItemDelegate
{
public:
    OptionsDelegate(std::function<QStringList(int)> options, QObject *parent)
        : QStyledItemDelegate(parent), mOptions(std::move(options))
    { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QStringList options = mOptions(index.column());
        if (options.isEmpty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"stateRowsCombo"_s);
        for (const QString &value : options)
            combo->addItem(value.isEmpty() ? StateRows::tr("(none)") : value, value);
        return combo;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->currentData().toString(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    std::function<QStringList(int)> mOptions;
};

QToolButton *button(const QString &text, const QString &toolTip, const QString &name, QWidget *parent)
{
    auto *tool = new QToolButton(parent);
    tool->setText(text);
    tool->setToolTip(toolTip);
    tool->setObjectName(name);
    tool->setAutoRaise(true);
    return tool;
}

} // namespace

StateRows::StateRows(const QString &title, const QList<Column> &columns, ToCells toCells, FromCells fromCells,
                     std::function<QJsonObject()> newObject, QWidget *parent)
    : QWidget(parent), mColumns(columns), mToCells(std::move(toCells)), mFromCells(std::move(fromCells)),
      mNewObject(std::move(newObject)), mTitle(new QLabel(title, this)),
      mTable(new QTableWidget(0, int(columns.size()), this)), mAdd(button(u"+"_s, tr("Add a row"), u"addRow"_s, this)),
      mRemove(button(u"\u2212"_s, tr("Remove the selected row"), u"removeRow"_s, this)),
      mUp(button(u"\u2191"_s, tr("Move the selected row up"), u"moveRowUp"_s, this)),
      mDown(button(u"\u2193"_s, tr("Move the selected row down"), u"moveRowDown"_s, this)), mError(new QLabel(this))
{
    for (int column = 0; column < mColumns.size(); ++column) {
        auto *header = new QTableWidgetItem(mColumns.at(column).label);
        header->setToolTip(mColumns.at(column).toolTip);
        mTable->setHorizontalHeaderItem(column, header);
    }
    mTable->setItemDelegate(new OptionsDelegate(
        [this](int column) {
        if (column < 0 || column >= mColumns.size())
            return QStringList();
        return mColumns.at(column).states ? mStates : mColumns.at(column).options;
        },
        mTable));
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    mTable->verticalHeader()->setVisible(false);
    mTable->setWordWrap(false);
    mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    mTable->horizontalHeader()->setMinimumSectionSize(36);
    mTable->horizontalHeader()->setDefaultSectionSize(64);
    mTable->setColumnWidth(0, 120); // the errors, or the rule's variable
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    mError->setWordWrap(true);
    mError->setObjectName(u"stateRowsError"_s);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(mTitle, 1);
    for (QToolButton *tool : {mAdd, mRemove, mUp, mDown})
        header->addWidget(tool);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(mTable);
    layout->addWidget(mError);
    mError->hide();

    connect(mTable, &QTableWidget::cellChanged, this, &StateRows::cellEdited);
    connect(mTable, &QTableWidget::itemSelectionChanged, this, &StateRows::updateButtons);
    connect(mAdd, &QToolButton::clicked, this, &StateRows::addRow);
    connect(mRemove, &QToolButton::clicked, this, &StateRows::removeRow);
    connect(mUp, &QToolButton::clicked, this, [this] { moveRow(-1); });
    connect(mDown, &QToolButton::clicked, this, [this] { moveRow(1); });
    updateButtons();
}

QString StateRows::error() const
{
    return mErrorText;
}

void StateRows::setObjects(const QJsonArray &objects, const QStringList &states)
{
    mFilling = true;
    mObjects = objects;
    mStates = states;
    mTable->setRowCount(int(objects.size()));
    for (int row = 0; row < objects.size(); ++row) {
        const Cells cells = mToCells(objects.at(row).toObject());
        for (int column = 0; column < mColumns.size(); ++column) {
            QTableWidgetItem *item = mTable->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                mTable->setItem(row, column, item);
            }
            item->setText(cells.texts.value(column));
            Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
            if (!cells.readOnly.value(column))
                flags |= Qt::ItemIsEditable;
            item->setFlags(flags);
            item->setToolTip(cells.readOnly.value(column) ? tr("Edit this in the state's JSON below") : QString());
        }
    }
    showError({});
    fit();
    updateButtons();
    mFilling = false;
}

void StateRows::cellEdited(int row, int column)
{
    Q_UNUSED(column);
    if (mFilling || row < 0 || row >= mObjects.size())
        return;
    QStringList cells;
    for (int c = 0; c < mColumns.size(); ++c)
        cells.append(mTable->item(row, c) ? mTable->item(row, c)->text() : QString());
    const Result<QJsonObject> object = mFromCells(mObjects.at(row).toObject(), cells);
    if (!object) {
        showError(tr("Row %1: %2").arg(row + 1).arg(object.errorMessage()));
        return;
    }
    showError({});
    if (*object == mObjects.at(row).toObject())
        return;
    QJsonArray objects = mObjects;
    objects.replace(row, *object);
    emit objectsChanged(objects, tr("Edit %1 %2").arg(mTitle->text()).arg(row + 1));
}

void StateRows::addRow()
{
    QJsonArray objects = mObjects;
    objects.append(mNewObject());
    emit objectsChanged(objects, tr("Add to %1").arg(mTitle->text()));
    const int row = int(mObjects.size()) - 1;
    if (row >= 0 && row < mTable->rowCount())
        mTable->selectRow(row);
}

void StateRows::removeRow()
{
    const int row = mTable->currentRow();
    if (row < 0 || row >= mObjects.size())
        return;
    QJsonArray objects = mObjects;
    objects.removeAt(row);
    emit objectsChanged(objects, tr("Remove %1 %2").arg(mTitle->text()).arg(row + 1));
}

void StateRows::moveRow(int by)
{
    const int row = mTable->currentRow();
    const int to = row + by;
    if (row < 0 || row >= mObjects.size() || to < 0 || to >= mObjects.size())
        return;
    QJsonArray objects = mObjects;
    const QJsonValue moved = objects.takeAt(row);
    objects.insert(to, moved);
    emit objectsChanged(objects, tr("Move %1 %2").arg(mTitle->text()).arg(row + 1));
    if (to < mTable->rowCount())
        mTable->selectRow(to);
}

void StateRows::fit()
{
    // As tall as its rows (one empty row at least, eight at most), so that the form scrolls,
    // not each table inside it.
    const int rows = std::clamp(mTable->rowCount(), 1, 8);
    int height = mTable->horizontalHeader()->sizeHint().height() + 2 * mTable->frameWidth();
    height += rows * mTable->verticalHeader()->defaultSectionSize();
    // Room for the scroll bar a narrow inspector shows under wide columns.
    height += mTable->horizontalScrollBar()->sizeHint().height();
    mTable->setFixedHeight(height);
}

void StateRows::updateButtons()
{
    const int row = mTable->currentRow();
    const bool selected = row >= 0 && row < mObjects.size() && !mTable->selectedItems().isEmpty();
    mRemove->setEnabled(selected);
    mUp->setEnabled(selected && row > 0);
    mDown->setEnabled(selected && row + 1 < mObjects.size());
}

void StateRows::showError(const QString &text)
{
    mErrorText = text;
    mError->setText(text.isEmpty()
                        ? QString()
                        : u"<span style='color:%1'>%2</span>"_s.arg(Theme::failure().name(), text.toHtmlEscaped()));
    mError->setVisible(!text.isEmpty());
}

} // namespace Nimbus
