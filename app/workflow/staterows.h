#pragma once

#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QTableWidget;
class QToolButton;

namespace Nimbus {

// One list of a state's objects edited as a table, a row each: a Choice state's rules, a
// Task's retriers or catchers. The owner says what the columns are and how an object
// becomes the text of its cells and back; a finished edit of a cell, or a row added,
// removed or moved, asks for the whole new list at once (one undo step). An object's
// fields that no column shows are kept, and a row can be read-only in some columns (a
// compound Choice rule is edited in the state's JSON, its Next here).
class StateRows : public QWidget
{
    Q_OBJECT

public:
    struct Column
    {
        Column(const QString &label, const QString &toolTip, const QStringList &options = {}, bool states = false)
            : label(label), toolTip(toolTip), options(options), states(states)
        { }
        QString label;
        QString toolTip;
        // A fixed list of values (an empty string allowed when listed), or the names of
        // the states around when `states` is set; otherwise free text.
        QStringList options;
        bool states = false;
    };
    // The cells of an object, and which of them are read-only.
    struct Cells
    {
        QStringList texts;
        QList<bool> readOnly;
    };
    using ToCells = std::function<Cells(const QJsonObject &object)>;
    // The object of a row's cells, from the object the row showed (empty for a new row);
    // an error names the field.
    using FromCells = std::function<Result<QJsonObject>(const QJsonObject &original, const QStringList &cells)>;

    StateRows(const QString &title, const QList<Column> &columns, ToCells toCells, FromCells fromCells,
              std::function<QJsonObject()> newObject, QWidget *parent = nullptr);

    // Shows these objects; the states a "states" column may name. Rows are filled in place,
    // so an edit that comes back as the new list does not take the editor from under it.
    void setObjects(const QJsonArray &objects, const QStringList &states);
    QJsonArray objects() const { return mObjects; }

    QTableWidget *table() const { return mTable; }
    QToolButton *addButton() const { return mAdd; }
    QToolButton *removeButton() const { return mRemove; }
    QToolButton *upButton() const { return mUp; }
    QToolButton *downButton() const { return mDown; }
    QString error() const;

signals:
    void objectsChanged(const QJsonArray &objects, const QString &what);

private:
    void cellEdited(int row, int column);
    void addRow();
    void removeRow();
    void moveRow(int by);
    void fit();
    void updateButtons();
    void showError(const QString &text);

    QList<Column> mColumns;
    ToCells mToCells;
    FromCells mFromCells;
    std::function<QJsonObject()> mNewObject;
    QJsonArray mObjects;
    QStringList mStates;
    QLabel *mTitle;
    QTableWidget *mTable;
    QToolButton *mAdd;
    QToolButton *mRemove;
    QToolButton *mUp;
    QToolButton *mDown;
    QLabel *mError;
    QString mErrorText;
    bool mFilling = false;
};

} // namespace Nimbus
