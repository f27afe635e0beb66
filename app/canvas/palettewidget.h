#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace Nimbus {

class Catalog;

// Every kind of the catalog with its icon, grouped by category, filtered as you type.
// Items drag onto the canvas with the kind id as mime data; double-click asks to add one.
class PaletteWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PaletteWidget(const Catalog &catalog, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return mFilter; }
    QTreeWidget *tree() const { return mTree; }

signals:
    void kindActivated(const QString &kindId);

private:
    void applyFilter(const QString &text);

    QLineEdit *mFilter;
    QTreeWidget *mTree;
};

} // namespace Nimbus
