#include "workflowrunpanel.h"

#include "cloud/localcloud.h"
#include "document/project.h"
#include "editor/codeeditor.h"
#include "runtime/runhistory.h"
#include "theme.h"
#include "workflow/workflowengine.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr int kArnRole = Qt::UserRole;

QString durationText(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid())
        return {};
    const qint64 ms = from.msecsTo(to.isValid() ? to : QDateTime::currentDateTimeUtc());
    if (ms < 1000)
        return WorkflowRunPanel::tr("%1 ms").arg(ms);
    if (ms < 120000)
        return WorkflowRunPanel::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    return WorkflowRunPanel::tr("%1 min").arg(QLocale().toString(ms / 60000.0, 'f', 1));
}

QString pretty(const QString &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (document.isNull())
        return json;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

bool isFailure(const QString &type)
{
    return type.endsWith("Failed"_L1) || type.endsWith("TimedOut"_L1) || type.endsWith("Aborted"_L1);
}

} // namespace

WorkflowRunPanel::WorkflowRunPanel(Project *project, NodeId machine, const WorkflowHost &host, QWidget *parent)
    : QWidget(parent), mProject(project), mMachine(machine), mHost(host), mRetrace(new QTimer(this)),
      mInputs(new QComboBox(this)), mInput(new CodeEditor(this)), mStart(new QPushButton(tr("Start Execution"), this)),
      mAdvance(new QPushButton(tr("Advance Time"), this)), mStop(new QPushButton(tr("Stop"), this)),
      mSave(new QPushButton(tr("Save Input..."), this)), mDelete(new QPushButton(tr("Delete"), this)),
      mStatus(new QLabel(this)), mList(new QTreeWidget(this)), mDetails(new QPlainTextEdit(this))
{
    setObjectName(u"workflowRunPanel"_s);
    mStart->setObjectName(u"startExecution"_s);
    mStart->setToolTip(tr("Start an execution with this input on the local cloud (started if it is not running)"));
    mAdvance->setObjectName(u"advanceTime"_s);
    mAdvance->setToolTip(tr("End every Wait and retry interval now, as if their time had come"));
    mStop->setObjectName(u"stopExecution"_s);
    mInputs->setObjectName(u"savedInputs"_s);
    mInput->setObjectName(u"executionInput"_s);
    mInput->setLanguage(CodeEditor::Language::Json);
    mInput->setText(u"{}"_s);
    mInput->setMinimumHeight(60);
    mStatus->setObjectName(u"executionStatus"_s);
    mStatus->setWordWrap(true);
    mList->setObjectName(u"executionList"_s);
    mList->setRootIsDecorated(false);
    mList->setHeaderLabels({tr("Execution"), tr("Status"), tr("Started"), tr("Duration")});
    mList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mDetails->setObjectName(u"stateRunDetails"_s);
    mDetails->setReadOnly(true);
    mDetails->setPlaceholderText(tr("Click a state on the graph to see its input, output and error in the selected "
                                    "execution."));
    mRetrace->setSingleShot(true);
    mRetrace->setInterval(40);

    auto *inputs = new QHBoxLayout;
    inputs->addWidget(new QLabel(tr("Input"), this));
    inputs->addWidget(mInputs, 1);
    inputs->addWidget(mSave);
    inputs->addWidget(mDelete);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mStart);
    buttons->addWidget(mAdvance);
    buttons->addWidget(mStop);
    buttons->addStretch(1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(inputs);
    leftLayout->addWidget(mInput, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(mStatus);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(mList);
    splitter->addWidget(mDetails);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(mStart, &QPushButton::clicked, this, &WorkflowRunPanel::startExecution);
    connect(mAdvance, &QPushButton::clicked, this, &WorkflowRunPanel::advanceTime);
    connect(mStop, &QPushButton::clicked, this, &WorkflowRunPanel::stopExecution);
    connect(mRetrace, &QTimer::timeout, this, &WorkflowRunPanel::retrace);
    connect(mList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, kArnRole).toString() != mSelected)
            selectExecution(item->data(0, kArnRole).toString());
    });
    connect(mSave, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Input"), tr("Name:"), QLineEdit::Normal,
                                                   mInputs->currentText(), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveInput(name.trimmed());
    });
    connect(mDelete, &QPushButton::clicked, this, [this] {
        if (RunHistory *history = mHost.history ? mHost.history() : nullptr)
            (void)history->removeSavedEvent(mMachine, mInputs->currentData().toString());
        rebuildInputs();
    });
    connect(mInputs, &QComboBox::activated, this, [this] {
        RunHistory *history = mHost.history ? mHost.history() : nullptr;
        if (!history)
            return;
        for (const RunHistory::SavedEvent &saved : history->savedEvents(mMachine))
            if (saved.name == mInputs->currentData().toString())
                mInput->setText(QString::fromUtf8(saved.event));
    });
    rebuildInputs();
    refresh();
}

QString WorkflowRunPanel::machineName() const
{
    const Node *node = mProject ? mProject->architecture().node(mMachine) : nullptr;
    return node ? node->name : QString();
}

void WorkflowRunPanel::say(const QString &text, bool error)
{
    mStatus->setText(error ? u"<span style='color:%1'>%2</span>"_s.arg(Theme::failure().name(), text.toHtmlEscaped())
                           : text.toHtmlEscaped());
}

void WorkflowRunPanel::rebuildInputs()
{
    mInputs->clear();
    mInputs->addItem(tr("(unsaved)"), QString());
    if (RunHistory *history = mHost.history ? mHost.history() : nullptr)
        for (const RunHistory::SavedEvent &saved : history->savedEvents(mMachine))
            mInputs->addItem(saved.name, saved.name);
    updateButtons();
}

bool WorkflowRunPanel::saveInput(const QString &name)
{
    RunHistory *history = mHost.history ? mHost.history() : nullptr;
    QJsonParseError error;
    QJsonDocument::fromJson(mInput->text().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        say(tr("The input is not JSON: %1").arg(error.errorString()), true);
        return false;
    }
    if (!history || !history->saveEvent(mMachine, name, mInput->text().toUtf8())) {
        say(tr("Save the project first: inputs are kept in it."), true);
        return false;
    }
    rebuildInputs();
    mInputs->setCurrentIndex(mInputs->findData(name));
    updateButtons();
    return true;
}

WorkflowEngine *WorkflowRunPanel::attach()
{
    LocalCloud *cloud = mHost.cloud ? mHost.cloud() : nullptr;
    WorkflowEngine *engine = cloud ? &cloud->workflows() : nullptr;
    if (engine == mEngine)
        return engine;
    if (mEngine)
        disconnect(mEngine, nullptr, this, nullptr);
    mEngine = engine;
    if (engine) {
        connect(engine, &WorkflowEngine::eventAdded, this, &WorkflowRunPanel::onEvent);
        connect(engine, &WorkflowEngine::executionChanged, this, &WorkflowRunPanel::onExecution);
    }
    return engine;
}

void WorkflowRunPanel::refresh()
{
    WorkflowEngine *engine = attach();
    const QString selected = mSelected;
    mList->clear();
    if (engine) {
        // Listed newest first: added oldest first, each on top.
        const QList<ExecutionRecord> records = engine->executions(machineName());
        for (auto it = records.crbegin(); it != records.crend(); ++it)
            setRow(*it);
    }
    if (!selected.isEmpty())
        selectExecution(selected);
    updateButtons();
}

void WorkflowRunPanel::setRow(const ExecutionRecord &record)
{
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < mList->topLevelItemCount() && !item; ++i)
        if (mList->topLevelItem(i)->data(0, kArnRole).toString() == record.arn)
            item = mList->topLevelItem(i);
    if (!item) {
        item = new QTreeWidgetItem;
        item->setData(0, kArnRole, record.arn);
        mList->insertTopLevelItem(0, item); // newest first
    }
    item->setText(0, record.name);
    item->setText(1, record.status);
    item->setForeground(1, record.status == "SUCCEEDED"_L1 ? Theme::success()
                           : record.running()              ? palette().color(QPalette::Text)
                                                           : Theme::failure());
    item->setText(2, QLocale().toString(record.started.toLocalTime(), QLocale::ShortFormat));
    item->setText(3, record.running() ? QString() : durationText(record.started, record.stopped));
    item->setToolTip(1, record.error.isEmpty() ? QString() : u"%1: %2"_s.arg(record.error, record.cause));
}

void WorkflowRunPanel::onExecution(const ExecutionRecord &record)
{
    if (record.machine != machineName())
        return;
    setRow(record);
    if (record.arn == mSelected) {
        if (!record.running())
            say(record.status == "SUCCEEDED"_L1
                    ? tr("%1 succeeded in %2").arg(record.name, durationText(record.started, record.stopped))
                    : tr("%1 %2: %3 %4").arg(record.name, record.status.toLower(), record.error, record.cause),
                record.status != "SUCCEEDED"_L1);
        updateButtons();
    }
}

void WorkflowRunPanel::onEvent(const QString &arn, const ExecutionEvent &event)
{
    if (arn != mSelected)
        return;
    mEvents.append(event);
    // A Map of many items adds events by the thousand: the graph follows at most every 40 ms.
    if (!mRetrace->isActive())
        mRetrace->start();
}

void WorkflowRunPanel::selectExecution(const QString &arn)
{
    mSelected = arn;
    mEvents = mEngine && !arn.isEmpty() ? mEngine->history(arn) : QList<ExecutionEvent>();
    for (int i = 0; i < mList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mList->topLevelItem(i);
        if (item->data(0, kArnRole).toString() == arn && mList->currentItem() != item)
            mList->setCurrentItem(item);
    }
    retrace();
    updateButtons();
}

void WorkflowRunPanel::retrace()
{
    mTrace = traceOf(mEvents);
    QHash<QString, StateRun> runs;
    for (auto it = mTrace.cbegin(); it != mTrace.cend(); ++it)
        runs.insert(it.key(), it.value().run);
    emit runsChanged(runs);
    showState(mShownState);
}

QHash<QString, StateTrace> WorkflowRunPanel::traceOf(const QList<ExecutionEvent> &events)
{
    QHash<QString, StateTrace> trace;
    QHash<qint64, QString> stateOf; // event id -> the state it belongs to
    for (const ExecutionEvent &event : events) {
        const QString named = event.details.value("name"_L1).toString();
        if (event.type.endsWith("StateEntered"_L1)) {
            stateOf.insert(event.id, named);
            StateTrace &t = trace[named];
            t.run = StateRun::Entered;
            t.input = event.details.value("input"_L1).toString();
            t.entered = event.when;
            t.exited = {};
            t.error.clear();
            t.cause.clear();
            ++t.times;
            continue;
        }
        if (event.type.endsWith("StateExited"_L1)) {
            stateOf.insert(event.id, named);
            StateTrace &t = trace[named];
            t.run = t.run == StateRun::Failed ? StateRun::Caught : StateRun::Succeeded;
            t.output = event.details.value("output"_L1).toString();
            t.exited = event.when;
            continue;
        }
        const QString state = stateOf.value(event.previous);
        stateOf.insert(event.id, state);
        if (state.isEmpty() || !trace.contains(state))
            continue;
        StateTrace &t = trace[state];
        if (isFailure(event.type) && event.type != "MapIterationFailed"_L1) {
            t.run = StateRun::Failed;
            if (event.details.contains("error"_L1) || t.error.isEmpty()) {
                t.error = event.details.value("error"_L1).toString();
                t.cause = event.details.value("cause"_L1).toString();
            }
            if (!t.exited.isValid())
                t.exited = event.when;
        } else if (event.type.endsWith("Succeeded"_L1) && !event.type.startsWith("Execution"_L1)
                   && t.run == StateRun::Failed) {
            t.run = StateRun::Entered; // a retry that worked
            t.error.clear();
            t.cause.clear();
        }
    }
    return trace;
}

void WorkflowRunPanel::showState(const QString &name)
{
    mShownState = name;
    if (name.isEmpty() || mSelected.isEmpty()) {
        mDetails->clear();
        return;
    }
    if (!mTrace.contains(name)) {
        mDetails->setPlainText(tr("%1 did not run in this execution.").arg(name));
        return;
    }
    const StateTrace &t = mTrace.value(name);
    static const QHash<StateRun, QString> words = {{StateRun::Entered, tr("running")},
                                                   {StateRun::Succeeded, tr("succeeded")},
                                                   {StateRun::Failed, tr("failed")},
                                                   {StateRun::Caught, tr("failed, caught")}};
    QStringList parts{tr("%1: %2").arg(name, words.value(t.run))};
    if (t.times > 1)
        parts.append(tr("Entered %n time(s)", nullptr, t.times));
    parts.append(tr("Duration: %1").arg(durationText(t.entered, t.exited)));
    if (!t.error.isEmpty() || !t.cause.isEmpty())
        parts.append(tr("Error: %1\nCause: %2").arg(t.error, t.cause));
    parts.append(tr("Input:\n%1").arg(pretty(t.input)));
    if (t.run == StateRun::Succeeded || t.run == StateRun::Caught)
        parts.append(tr("Output:\n%1").arg(pretty(t.output)));
    mDetails->setPlainText(parts.join("\n\n"_L1));
}

bool WorkflowRunPanel::startExecution()
{
    QJsonParseError parseError;
    QJsonDocument::fromJson(mInput->text().toUtf8(), &parseError);
    if (!mInput->text().trimmed().isEmpty() && parseError.error != QJsonParseError::NoError) {
        say(tr("The input is not JSON: %1").arg(parseError.errorString()), true);
        return false;
    }
    emit aboutToStart();
    QString error;
    LocalCloud *cloud = mHost.startCloud ? mHost.startCloud(&error) : nullptr;
    if (!cloud) {
        say(tr("Cannot start the local cloud: %1").arg(error), true);
        return false;
    }
    WorkflowEngine *engine = attach();
    const Result<QString> started = engine->startExecution(machineName(), mInput->text().toUtf8());
    if (!started) {
        say(started.errorMessage(), true);
        return false;
    }
    if (const std::optional<ExecutionRecord> record = engine->execution(*started))
        setRow(*record);
    selectExecution(*started);
    if (const std::optional<ExecutionRecord> record = engine->execution(*started); record && record->running())
        say(tr("%1 is running").arg(record->name));
    else if (record)
        onExecution(*record);
    return true;
}

bool WorkflowRunPanel::advanceTime()
{
    WorkflowEngine *engine = attach();
    if (!engine)
        return false;
    const int ended = engine->skipWaits();
    say(tr("Advanced time: %n wait(s) ended", nullptr, ended));
    return ended > 0;
}

bool WorkflowRunPanel::stopExecution()
{
    WorkflowEngine *engine = attach();
    if (!engine || mSelected.isEmpty())
        return false;
    const Result<void> stopped = engine->stopExecution(mSelected, u"Stopped"_s, tr("Stopped from the studio"));
    if (!stopped)
        say(stopped.errorMessage(), true);
    return bool(stopped);
}

void WorkflowRunPanel::updateButtons()
{
    const std::optional<ExecutionRecord> record = mEngine && !mSelected.isEmpty() ? mEngine->execution(mSelected)
                                                                                  : std::nullopt;
    mStop->setEnabled(record && record->running());
    mAdvance->setEnabled(mEngine != nullptr);
    mDelete->setEnabled(!mInputs->currentData().toString().isEmpty());
}

} // namespace Nimbus
