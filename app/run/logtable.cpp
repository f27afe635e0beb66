#include "logtable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

enum Column { LevelColumn, TimeColumn, MessageColumn };
constexpr int kRankRole = Qt::UserRole + 1;

// A level's rank: TRACE 0 to FATAL 5 (Python's WARNING and CRITICAL too); -1 for none.
int rankOf(const QString &level)
{
    static const QHash<QString, int> ranks = {{u"TRACE"_s, 0},   {u"DEBUG"_s, 1}, {u"INFO"_s, 2},  {u"WARN"_s, 3},
                                              {u"WARNING"_s, 3}, {u"ERROR"_s, 4}, {u"FATAL"_s, 5}, {u"CRITICAL"_s, 5}};
    return ranks.value(level.toUpper(), -1);
}

// A line of Lambda's own in the JSON log format ({"time", "type": "platform.start",
// "record"}) as a row's record: at INFO, its type and figures as the message.
QJsonObject platformRecordOf(const QString &line)
{
    if (!line.startsWith(u'{'))
        return {};
    const QJsonObject platform = QJsonDocument::fromJson(line.toUtf8()).object();
    const QString type = platform.value("type"_L1).toString();
    if (!type.startsWith("platform."_L1))
        return {};
    QString message = type;
    const QJsonObject fields = platform.value("record"_L1).toObject();
    const QJsonObject metrics = fields.value("metrics"_L1).toObject();
    if (!metrics.isEmpty()) {
        message += u": "_s
                   + LogTable::tr("Duration %1 ms, billed %2 ms, memory %3 of %4 MB")
                         .arg(metrics.value("durationMs"_L1).toDouble(), 0, 'f', 2)
                         .arg(metrics.value("billedDurationMs"_L1).toInteger())
                         .arg(metrics.value("maxMemoryUsedMB"_L1).toInteger())
                         .arg(metrics.value("memorySizeMB"_L1).toInteger());
    }
    return QJsonObject{{u"level"_s, u"INFO"_s},
                       {u"timestamp"_s, platform.value("time"_L1)},
                       {u"message"_s, message},
                       {u"record"_s, fields}};
}

// The record a log line holds, when it is one: {"level", "message", ...}.
QJsonObject recordOf(const QString &line)
{
    if (const QJsonObject platform = platformRecordOf(line); !platform.isEmpty())
        return platform;
    const QString text = line.section(u'\t', 2);
    if (!text.startsWith(u'{'))
        return {};
    const QJsonObject record = QJsonDocument::fromJson(text.toUtf8()).object();
    return record.contains("level"_L1) && record.contains("message"_L1) ? record : QJsonObject();
}

// Keeps rows at or above a least level (rows without one only when all are shown) whose
// text holds the filter's.
class LogFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setLeast(int least)
    {
        mLeast = least;
        invalidateFilter();
    }
    void setText(const QString &text)
    {
        mText = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const int rank = sourceModel()->index(row, LevelColumn, parent).data(kRankRole).toInt();
        if (mLeast >= 0 && rank < mLeast)
            return false;
        const QString text = sourceModel()->index(row, MessageColumn, parent).data().toString();
        return text.contains(mText, Qt::CaseInsensitive);
    }

private:
    int mLeast = -1;
    QString mText;
};

} // namespace

LogTable::LogTable(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"logTable"_s);
    mLevel = new QComboBox(this);
    mLevel->setObjectName(u"logLevelFilter"_s);
    mLevel->setAccessibleName(tr("Least level shown"));
    mLevel->addItem(tr("All levels"), -1);
    for (const QString &level : {u"TRACE"_s, u"DEBUG"_s, u"INFO"_s, u"WARN"_s, u"ERROR"_s, u"FATAL"_s})
        mLevel->addItem(tr("%1 and above").arg(level), rankOf(level));
    mText = new QLineEdit(this);
    mText->setObjectName(u"logTextFilter"_s);
    mText->setPlaceholderText(tr("Filter messages"));
    mText->setClearButtonEnabled(true);
    mModel = new QStandardItemModel(0, 3, this);
    mModel->setHorizontalHeaderLabels({tr("Level"), tr("Time"), tr("Message")});
    auto *filter = new LogFilter(this);
    filter->setSourceModel(mModel);
    mFilter = filter;
    mView = new QTableView(this);
    mView->setObjectName(u"logTableView"_s);
    mView->setModel(mFilter);
    mView->verticalHeader()->hide();
    mView->horizontalHeader()->setStretchLastSection(true);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setWordWrap(false);
    mView->setAccessibleName(tr("Log records"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(mLevel);
    filters->addWidget(mText, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(mView, 1);

    connect(mLevel, &QComboBox::currentIndexChanged, this,
            [this, filter] { filter->setLeast(mLevel->currentData().toInt()); });
    connect(mText, &QLineEdit::textChanged, filter, &LogFilter::setText);
}

bool LogTable::isStructured(const QStringList &logs)
{
    return std::any_of(logs.cbegin(), logs.cend(), [](const QString &line) { return !recordOf(line).isEmpty(); });
}

void LogTable::setLogs(const QStringList &logs)
{
    mModel->removeRows(0, mModel->rowCount());
    for (const QString &line : logs) {
        const QJsonObject record = recordOf(line);
        const QString level = record.value("level"_L1).toString();
        const QString time = record.isEmpty() ? line.section(u'\t', 0, 0) : record.value("timestamp"_L1).toString();
        QString message = record.isEmpty() ? line.section(u'\t', 2) : record.value("message"_L1).toVariant().toString();
        if (record.contains("errorType"_L1))
            message += u" ("_s + record.value("errorType"_L1).toString() + u')';
        auto *levelItem = new QStandardItem(level);
        levelItem->setData(rankOf(level), kRankRole);
        auto *messageItem = new QStandardItem(message);
        if (!record.isEmpty())
            messageItem->setToolTip(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Indented)));
        mModel->appendRow({levelItem, new QStandardItem(time), messageItem});
    }
    mView->resizeColumnToContents(LevelColumn);
    mView->resizeColumnToContents(TimeColumn);
}

int LogTable::visibleRows() const
{
    return mFilter->rowCount();
}

} // namespace Nimbus
