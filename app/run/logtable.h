#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace Nimbus {

// An invocation's logs as a table when the function logs in JSON (Lambda's advanced
// logging controls): level, time and message per line, filtered by a least level and by
// text. Lines that are not JSON objects (print(), a library's own) are kept, without a level.
class LogTable : public QWidget
{
    Q_OBJECT

public:
    explicit LogTable(QWidget *parent = nullptr);

    // Whether logs (the run's lines: time, request id, text) hold a JSON log record.
    static bool isStructured(const QStringList &logs);
    void setLogs(const QStringList &logs);

    QTableView *view() const { return mView; }
    QComboBox *levelFilter() const { return mLevel; }
    QLineEdit *textFilter() const { return mText; }
    // The rows the filters let through.
    int visibleRows() const;

private:
    QComboBox *mLevel;
    QLineEdit *mText;
    QTableView *mView;
    QStandardItemModel *mModel;
    QSortFilterProxyModel *mFilter;
};

} // namespace Nimbus
