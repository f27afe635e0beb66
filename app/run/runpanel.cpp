#include "runpanel.h"

#include "logtable.h"

#include "editor/codeeditor.h"
#include "theme.h"

#include "cloud/functionurl.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "runtime/eventtemplates.h"
#include "runtime/functionrunner.h"
#include "runtime/functionspec.h"
#include "runtime/stacktrace.h"
#include "runtime/triggerevents.h"

#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
enum EventSourceKind { TriggerEvent, TemplateEvent, SavedEvent };
constexpr int kHistoryIdRole = Qt::UserRole;
// How long a run the user asked for stays in view before the local cloud's runs show.
constexpr int kHoldUsersRun = 2000;

// JSON of any kind (object, array, string, number ...) laid out for reading.
QString prettyJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + json + "]", &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().isEmpty())
        return QString::fromUtf8(json);
    const QJsonValue value = wrapped.array().at(0);
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(json).trimmed();
}

QString resultText(const InvocationResult &r)
{
    return r.ok ? prettyJson(r.resultJson)
                : QString::fromUtf8(QJsonDocument(r.error).toJson(QJsonDocument::Indented)).trimmed();
}

QFont fixedFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

CodeEditor *jsonView(QWidget *parent, bool readOnly)
{
    auto *view = new CodeEditor(parent);
    view->setLanguage(CodeEditor::Language::Json);
    view->setReadOnly(readOnly);
    view->setMarginWidth(1, readOnly ? 0 : 14);
    return view;
}
} // namespace

RunPanel::RunPanel(FunctionRunner *runner, QWidget *parent) : QWidget(parent), mRunner(runner)
{
    setObjectName(u"runPanel"_s);
    QLayout *top = createTopRow();
    QWidget *eventSide = createEventSide();
    QWidget *outputSide = createOutputSide();
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(eventSide);
    split->addWidget(outputSide);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({420, 580});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(mRunner, &FunctionRunner::started, this, &RunPanel::onStarted);
    connect(mRunner, &FunctionRunner::finished, this, &RunPanel::onFinished);
    mShowTimer = new QTimer(this);
    mShowTimer->setSingleShot(true);
    connect(mShowTimer, &QTimer::timeout, this, [this] {
        if (!mUnshown)
            return;
        if (!mPendingRequest.isEmpty()) { // the user's run is still under way
            mShowTimer->start(mShowInterval);
            return;
        }
        const Unshown unshown = std::move(*mUnshown);
        mUnshown.reset();
        showFinished(unshown.result, unshown.reloaded);
        mShowTimer->start(mShowInterval);
    });
    updateButtons();
}

// Function, event, and what to do with them.
QLayout *RunPanel::createTopRow()
{
    mFunctionBox = new QComboBox(this);
    mFunctionBox->setObjectName(u"functionBox"_s);
    mFunctionBox->setMinimumContentsLength(8);
    mFunctionBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mEventBox = new QComboBox(this);
    mEventBox->setObjectName(u"eventBox"_s);
    mEventBox->setMinimumContentsLength(10);
    mEventBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mSaveEvent = new QPushButton(tr("Save Event..."), this);
    mSaveEvent->setToolTip(tr("Keep this event with the function, under a name"));
    mDeleteEvent = new QPushButton(tr("Delete Event"), this);
    mInvoke = new QPushButton(tr("Invoke"), this);
    mInvoke->setObjectName(u"invokeButton"_s);
    mInvoke->setToolTip(tr("Run the function with this event (Ctrl+Return)"));
    mInvoke->setDefault(true);

    auto *top = new QHBoxLayout;
    auto *functionLabel = new QLabel(tr("Function:"), this);
    functionLabel->setBuddy(mFunctionBox);
    top->addWidget(functionLabel);
    top->addWidget(mFunctionBox);
    top->addSpacing(8);
    auto *eventLabel = new QLabel(tr("Event:"), this);
    eventLabel->setBuddy(mEventBox);
    top->addWidget(eventLabel);
    top->addWidget(mEventBox, 1);
    top->addWidget(mSaveEvent);
    top->addWidget(mDeleteEvent);
    mToken = new QPushButton(tr("Token..."), this);
    mToken->setObjectName(u"tokenButton"_s);
    mToken->setToolTip(tr("Mint a token of the design's user pool for a protected route (Run > Mint Token)"));
    mToken->hide();
    connect(mToken, &QPushButton::clicked, this, &RunPanel::tokenRequested);
    top->addWidget(mToken);
    top->addSpacing(8);
    top->addWidget(mInvoke);

    connect(mFunctionBox, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { setFunction(NodeId(mFunctionBox->itemData(index).toLongLong())); });
    connect(mEventBox, qOverload<int>(&QComboBox::activated), this, &RunPanel::chooseEvent);
    connect(mInvoke, &QPushButton::clicked, this, &RunPanel::invoke);
    connect(mSaveEvent, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Event"), tr("Name of the event:"), QLineEdit::Normal,
                                                   QString(), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveEvent(name.trimmed());
    });
    connect(mDeleteEvent, &QPushButton::clicked, this, [this] {
        const QVariantList data = mEventBox->currentData().toList();
        if (data.value(0).toInt() != SavedEvent)
            return;
        // A failed removal leaves the event in the list rebuilt below.
        (void)mRunner->history().removeSavedEvent(mFunction, data.value(1).toString());
        rebuildEvents();
    });
    return top;
}

// Left: the event, checked as it is typed.
QWidget *RunPanel::createEventSide()
{
    auto *eventSide = new QWidget(this);
    mEventEditor = jsonView(eventSide, false);
    mEventEditor->setObjectName(u"eventEditor"_s);
    mEventStatus = new QLabel(eventSide);
    mEventStatus->setWordWrap(true);
    auto *eventLayout = new QVBoxLayout(eventSide);
    eventLayout->setContentsMargins(0, 0, 0, 0);
    eventLayout->addWidget(mEventEditor, 1);
    eventLayout->addWidget(mEventStatus);
    mValidateTimer = new QTimer(this);
    mValidateTimer->setSingleShot(true);
    mValidateTimer->setInterval(150);
    connect(mValidateTimer, &QTimer::timeout, this, &RunPanel::validateEvent);
    connect(mEventEditor, &QsciScintilla::textChanged, mValidateTimer, qOverload<>(&QTimer::start));
    mEventEditor->setAccessibleName(tr("Event"));
    return eventSide;
}

// Right: what came back (status, error, result, logs, history).
QWidget *RunPanel::createOutputSide()
{
    auto *outputSide = new QWidget(this);
    mBadge = new QLabel(outputSide);
    mBadge->setObjectName(u"coldWarmBadge"_s);
    mFigures = new QLabel(outputSide);
    mFigures->setObjectName(u"reportFigures"_s);
    mFigures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mErrorLabel = new QLabel(outputSide);
    mErrorLabel->setObjectName(u"errorLabel"_s);
    mErrorLabel->setWordWrap(true);
    mErrorLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    mErrorLabel->hide();
    connect(mErrorLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        // "file:line" of the error's place in the function's code.
        const qsizetype colon = link.lastIndexOf(':'_L1);
        emit locationActivated(mFunction, link.left(colon), link.mid(colon + 1).toInt(), mErrorMessage);
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(mBadge);
    statusRow->addWidget(mFigures, 1);

    mOutputTabs = new QTabWidget(outputSide);
    mOutputTabs->setDocumentMode(true);
    mResult = jsonView(mOutputTabs, true);
    mResult->setObjectName(u"resultView"_s);
    mBody = jsonView(mOutputTabs, true);
    mBody->setObjectName(u"bodyView"_s);
    mLogs = new QPlainTextEdit(mOutputTabs);
    mLogs->setObjectName(u"logsView"_s);
    mLogs->setReadOnly(true);
    mLogs->setFont(fixedFont());
    mLogs->setLineWrapMode(QPlainTextEdit::NoWrap);
    mOutputTabs->addTab(mBody, tr("Body"));
    mOutputTabs->addTab(mResult, tr("Result"));
    mOutputTabs->addTab(mLogs, tr("Logs"));
    mLogTable = new LogTable(mOutputTabs);
    mOutputTabs->addTab(mLogTable, tr("Log Table"));
    mOutputTabs->setTabVisible(mOutputTabs->indexOf(mLogTable), false);
    mOutputTabs->setTabVisible(mOutputTabs->indexOf(mBody), false);
    mOutputTabs->addTab(createImportsPage(), tr("Cold Start"));
    mOutputTabs->setTabVisible(mOutputTabs->indexOf(mImportsPage), false);
    mOutputTabs->addTab(createHistoryPage(), tr("History"));
    // What a screen reader announces for each view.
    mResult->setAccessibleName(tr("Result"));
    mBody->setAccessibleName(tr("Response body"));
    mLogs->setAccessibleName(tr("Logs"));
    mHistory->setAccessibleName(tr("History"));

    auto *outputLayout = new QVBoxLayout(outputSide);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    outputLayout->addLayout(statusRow);
    outputLayout->addWidget(mErrorLabel);
    outputLayout->addWidget(mOutputTabs, 1);
    return outputSide;
}

// A cold start's profile: what the handler's load executed, slowest first, so the
// import that makes the cold start long is the first row.
QWidget *RunPanel::createImportsPage()
{
    mImportsPage = new QWidget(mOutputTabs);
    auto *explanation = new QLabel(tr("What loading the handler executed, slowest first. Cumulative time includes "
                                      "what a module imported; self time is the module's own. This is the "
                                      "initialisation a cold start pays for."),
                                   mImportsPage);
    explanation->setWordWrap(true);
    mImports = new QTreeWidget(mImportsPage);
    mImports->setObjectName(u"importsTree"_s);
    mImports->setHeaderLabels({tr("Module"), tr("Cumulative"), tr("Self")});
    mImports->setRootIsDecorated(false);
    mImports->setUniformRowHeights(true);
    mImports->header()->setStretchLastSection(false);
    mImports->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mImports->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    mImports->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    mImports->setAccessibleName(tr("Cold start profile"));
    auto *layout = new QVBoxLayout(mImportsPage);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(explanation);
    layout->addWidget(mImports, 1);
    return mImportsPage;
}

void RunPanel::showImports(const InvocationResult &r)
{
    mImports->clear();
    const int index = mOutputTabs->indexOf(mImportsPage);
    mOutputTabs->setTabVisible(index, !r.imports.isEmpty());
    if (r.imports.isEmpty())
        return;
    mOutputTabs->setTabText(index, tr("Cold Start (%n module(s))", nullptr, int(r.imports.size())));
    const QLocale locale;
    double slowest = 0;
    for (const QJsonValue &value : r.imports)
        slowest = std::max(slowest, value["cumulativeMs"_L1].toDouble());
    QList<QTreeWidgetItem *> rows;
    for (const QJsonValue &value : r.imports) {
        const double cumulative = value["cumulativeMs"_L1].toDouble();
        auto *row = new QTreeWidgetItem({value["module"_L1].toString(),
                                         tr("%1 ms").arg(locale.toString(cumulative, 'f', 1)),
                                         tr("%1 ms").arg(locale.toString(value["selfMs"_L1].toDouble(), 'f', 1))});
        row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        row->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        row->setToolTip(0, value["module"_L1].toString());
        // The modules that took most of the load stand out.
        if (slowest > 0 && cumulative >= 0.5 * slowest) {
            QFont bold = mImports->font();
            bold.setBold(true);
            row->setFont(1, bold);
        }
        rows.append(row);
    }
    mImports->addTopLevelItems(rows);
}

// The runs of this function, newest first, with the chosen one's event, result and logs.
QWidget *RunPanel::createHistoryPage()
{
    auto *historyPage = new QWidget(mOutputTabs);
    mHistory = new QTreeWidget(historyPage);
    mHistory->setObjectName(u"historyTree"_s);
    mHistory->setHeaderLabels({tr("Time"), tr("Status"), tr("Duration"), tr("Start")});
    mHistory->setRootIsDecorated(false);
    mHistory->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mHistory->setUniformRowHeights(true);
    mHistory->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mRerun = new QPushButton(tr("Run Again"), historyPage);
    mRerun->setObjectName(u"rerunButton"_s);
    mUseEvent = new QPushButton(tr("Use Event"), historyPage);
    mUseEvent->setToolTip(tr("Put this run's event in the event editor"));
    mCompare = new QPushButton(tr("Compare"), historyPage);
    mCompare->setObjectName(u"compareButton"_s);
    mCompare->setToolTip(tr("Select two runs to compare their results side by side"));
    mHistoryDetails = new QTabWidget(historyPage);
    mHistoryDetails->setDocumentMode(true);
    mHistoryEvent = jsonView(mHistoryDetails, true);
    mHistoryResult = jsonView(mHistoryDetails, true);
    mHistoryLogs = new QPlainTextEdit(mHistoryDetails);
    mHistoryLogs->setReadOnly(true);
    mHistoryLogs->setFont(fixedFont());
    mHistoryDetails->addTab(mHistoryEvent, tr("Event"));
    mHistoryDetails->addTab(mHistoryResult, tr("Result"));
    mHistoryDetails->addTab(mHistoryLogs, tr("Logs"));
    auto *historyButtons = new QHBoxLayout;
    historyButtons->addWidget(mRerun);
    historyButtons->addWidget(mUseEvent);
    historyButtons->addWidget(mCompare);
    historyButtons->addStretch(1);
    mHistoryNotice = new QLabel(historyPage);
    mHistoryNotice->setObjectName(u"historyNotice"_s);
    mHistoryNotice->setWordWrap(true);
    mHistoryNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mHistoryNotice->hide();
    auto *historySplit = new QSplitter(Qt::Horizontal, historyPage);
    historySplit->addWidget(mHistory);
    historySplit->addWidget(mHistoryDetails);
    historySplit->setStretchFactor(1, 1);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(0, 4, 0, 0);
    historyLayout->addLayout(historyButtons);
    historyLayout->addWidget(mHistoryNotice);
    historyLayout->addWidget(historySplit, 1);

    connect(mHistory, &QTreeWidget::itemSelectionChanged, this, &RunPanel::showHistoryEntry);
    connect(mHistory, &QTreeWidget::itemDoubleClicked, this, [this] { mRerun->click(); });
    connect(mRerun, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = mHistory->currentItem())
            rerun(item->data(0, kHistoryIdRole).toLongLong());
    });
    connect(mUseEvent, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = mHistory->currentItem()) {
            RunHistory::Entry entry;
            if (mRunner->history().entry(item->data(0, kHistoryIdRole).toLongLong(), &entry))
                mEventEditor->setText(prettyJson(entry.event));
        }
    });
    connect(mCompare, &QPushButton::clicked, this, [this] {
        const QList<QTreeWidgetItem *> selected = mHistory->selectedItems();
        if (selected.size() == 2) {
            // Older on the left.
            compare(selected[1]->data(0, kHistoryIdRole).toLongLong(),
                    selected[0]->data(0, kHistoryIdRole).toLongLong());
        }
    });
    return historyPage;
}

void RunPanel::projectChanged(Project *previous)
{
    if (previous)
        disconnect(&previous->architecture(), nullptr, this, nullptr);
    mFunction = kInvalidNodeId;
    mPendingRequest.clear();
    mResult->clear();
    showBody({});
    mLogs->clear();
    mBadge->clear();
    mFigures->clear();
    mErrorLabel->hide();
    if (project()) {
        connect(&project()->architecture(), &Architecture::modelReset, this, &RunPanel::rebuildFunctions);
        connect(&project()->architecture(), &Architecture::nodeAdded, this, &RunPanel::rebuildFunctions);
        connect(&project()->architecture(), &Architecture::nodeRemoved, this, [this] {
            if (project() && !project()->architecture().node(mFunction))
                mFunction = kInvalidNodeId;
            rebuildFunctions();
        });
        connect(&project()->architecture(), &Architecture::nodeRenamed, this, &RunPanel::rebuildFunctions);
        // A new trigger or a changed route changes the trigger's event.
        connect(&project()->architecture(), &Architecture::edgeAdded, this, &RunPanel::rebuildEvents);
        connect(&project()->architecture(), &Architecture::edgeRemoved, this, &RunPanel::rebuildEvents);
    }
    rebuildFunctions();
    setFunction(kInvalidNodeId);
}

void RunPanel::rebuildFunctions()
{
    mFunctionBox->clear();
    mToken->hide();
    if (!project())
        return;
    QList<QPair<QString, NodeId>> functions;
    for (const auto &[id, node] : project()->architecture().nodes()) {
        if (node.kind == Kinds::UserPool)
            mToken->show();
        const NodeKind *kind = project()->catalog().kind(node.kind);
        if (kind && kind->code.isValid())
            functions.append({node.name, id});
    }
    std::sort(functions.begin(), functions.end());
    for (const auto &[name, id] : functions)
        mFunctionBox->addItem(name, qlonglong(id));
    mFunctionBox->setCurrentIndex(mFunctionBox->findData(qlonglong(mFunction)));
    updateButtons();
}

// Where the local cloud's gateway serves the function's URL, when it has one.
QString RunPanel::functionUrlText() const
{
    const Node *node = project() ? project()->architecture().node(mFunction) : nullptr;
    if (!node || !node->properties.value("functionUrl"_L1).toBool())
        return {};
    const QString auth = node->properties.value("functionUrlAuth"_L1).toString(u"AWS_IAM"_s);
    const QString mode = node->properties.value("invokeMode"_L1).toString(u"BUFFERED"_s);
    return tr("Function URL: %1 on the local cloud's gateway (%2, %3)")
        .arg(FunctionUrl::pathOf(node->name), auth, mode);
}

void RunPanel::setFunction(NodeId function)
{
    if (project()) {
        const Node *node = project()->architecture().node(function);
        const NodeKind *kind = node ? project()->catalog().kind(node->kind) : nullptr;
        if (!kind || !kind->code.isValid())
            function = kInvalidNodeId;
    }
    if (function == mFunction && function != kInvalidNodeId)
        return;
    mFunction = function;
    mUnshown.reset(); // another function's run
    mPendingRequest.clear(); // its end is the other function's
    mFunctionBox->setCurrentIndex(mFunctionBox->findData(qlonglong(function)));
    mResult->clear();
    showBody({});
    mLogs->clear();
    mBadge->clear();
    mBadge->setStyleSheet({});
    mFigures->setText(function == kInvalidNodeId ? tr("Select a function on the canvas, or open its code.")
                                                 : functionUrlText());
    mErrorLabel->hide();
    rebuildEvents();
    if (mEventBox->count() > 0)
        chooseEvent(0);
    else
        mEventEditor->setText(u"{}"_s);
    reloadHistory();
    updateButtons();
}

void RunPanel::rebuildEvents()
{
    const int previous = mEventBox->currentIndex();
    const QVariant previousData = mEventBox->currentData();
    mEventBox->clear();
    if (!project() || mFunction == kInvalidNodeId)
        return;
    for (const TriggerEvents::Source &source : TriggerEvents::forFunction(*project(), mFunction))
        mEventBox->addItem(tr("From %1 (%2)").arg(source.nodeName, Catalog::text(source.kindName)),
                           QVariantList{TriggerEvent, qlonglong(source.node)});
    const QList<RunHistory::SavedEvent> saved = mRunner->history().savedEvents(mFunction);
    if (!saved.isEmpty() && mEventBox->count() > 0)
        mEventBox->insertSeparator(mEventBox->count());
    for (const RunHistory::SavedEvent &event : saved)
        mEventBox->addItem(tr("Saved: %1").arg(event.name), QVariantList{SavedEvent, event.name});
    if (mEventBox->count() > 0)
        mEventBox->insertSeparator(mEventBox->count());
    for (const EventTemplates::Template &t : EventTemplates::builtin().all())
        mEventBox->addItem(tr("Template: %1").arg(t.name), QVariantList{TemplateEvent, t.id});
    const int again = mEventBox->findData(previousData);
    mEventBox->setCurrentIndex(again >= 0 ? again : std::max(0, std::min(previous, int(mEventBox->count()) - 1)));
    updateButtons();
}

void RunPanel::chooseEvent(int index)
{
    mEventBox->setCurrentIndex(index);
    const QVariantList data = mEventBox->itemData(index).toList();
    QByteArray json;
    QString error;
    bool ok = false;
    auto take = [&](const Result<QByteArray> &generated) {
        ok = generated.hasValue();
        json = generated.valueOr(QByteArray());
        error = generated.errorMessage();
    };
    switch (data.value(0).toInt()) {
    case TriggerEvent:
        for (const TriggerEvents::Source &source : TriggerEvents::forFunction(*project(), mFunction))
            if (qlonglong(source.node) == data.value(1).toLongLong())
                take(TriggerEvents::generate(source));
        break;
    case SavedEvent:
        for (const RunHistory::SavedEvent &event : mRunner->history().savedEvents(mFunction))
            if (event.name == data.value(1).toString()) {
                json = event.event;
                ok = true;
            }
        break;
    case TemplateEvent: take(EventTemplates::builtin().generate(data.value(1).toString(), {})); break;
    }
    if (ok)
        mEventEditor->setText(prettyJson(json));
    else if (!error.isEmpty())
        mEventStatus->setText(error);
    validateEvent();
    updateButtons();
}

void RunPanel::validateEvent()
{
    mValidateTimer->stop();
    const QByteArray text = mEventEditor->text().toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error == QJsonParseError::NoError && !text.trimmed().isEmpty()) {
        mEventError.clear();
        mEventEditor->clearErrors();
        mEventStatus->clear();
    } else {
        // The offset counts the '[' added in front.
        const qsizetype offset = std::max<qsizetype>(0, error.offset - 1);
        const int line = int(text.left(offset).count('\n')) + 1;
        mEventError = text.trimmed().isEmpty() ? tr("The event is empty; use {} for no data.")
                                               : tr("Line %1: %2").arg(line).arg(error.errorString());
        mEventStatus->setText(
            u"<span style='color:%1'>%2</span>"_s.arg(Theme::failure().name(), mEventError.toHtmlEscaped()));
        // The message is shown below the editor; the line gets the marker only.
        if (!text.trimmed().isEmpty())
            mEventEditor->markError(line, QString());
    }
    updateButtons();
}

bool RunPanel::saveEvent(const QString &name)
{
    validateEvent();
    if (mFunction == kInvalidNodeId || !mEventError.isEmpty())
        return false;
    if (!mRunner->history().saveEvent(mFunction, name, mEventEditor->text().toUtf8()))
        return false;
    rebuildEvents();
    mEventBox->setCurrentIndex(mEventBox->findData(QVariantList{SavedEvent, name}));
    return true;
}

bool RunPanel::invoke()
{
    validateEvent();
    if (mFunction == kInvalidNodeId || !project())
        return false;
    if (!mEventError.isEmpty()) {
        mErrorLabel->setText(tr("The event is not valid JSON. %1").arg(mEventError.toHtmlEscaped()));
        mErrorLabel->show();
        return false;
    }
    emit aboutToInvoke(mFunction);
    // started() comes before invoke() returns: the flag tells onStarted() the run is ours.
    mInvoking = true;
    const Result<QString> started = mRunner->invoke(mFunction, mEventEditor->text().toUtf8());
    mInvoking = false;
    if (!started) {
        mErrorLabel->setText(started.errorMessage().toHtmlEscaped());
        mErrorLabel->show();
        return false;
    }
    return true;
}

bool RunPanel::rerun(qint64 historyId)
{
    RunHistory::Entry entry;
    if (!mRunner->history().entry(historyId, &entry))
        return false;
    setFunction(entry.node);
    mEventEditor->setText(prettyJson(entry.event));
    return invoke();
}

void RunPanel::onStarted(NodeId function, const QString &requestId)
{
    if (function != mFunction)
        return;
    // Runs the user did not ask for here (the local cloud's) say Running... only when
    // the panel is not already showing runs under a load.
    if (!mInvoking && (mShowTimer->isActive() || !mPendingRequest.isEmpty()))
        return;
    if (mInvoking)
        mPendingRequest = requestId;
    setBadge(tr("Running..."), Theme::muted());
    mFigures->clear();
    mErrorLabel->hide();
    updateButtons();
}

void RunPanel::onFinished(NodeId function, const InvocationResult &result, bool reloaded, qint64)
{
    if (function != mFunction)
        return;
    if (result.requestId == mPendingRequest) {
        // The run the user asked for shows at once and stays in view a while before the
        // local cloud's runs show again.
        mPendingRequest.clear();
        mUnshown.reset();
        showFinished(result, reloaded);
        mShowTimer->start(kHoldUsersRun);
        return;
    }
    // The local cloud's: at most once per interval, and not over the user's run while it
    // is under way.
    if (!mPendingRequest.isEmpty() || mShowTimer->isActive()) {
        mUnshown = Unshown{result, reloaded};
        if (!mShowTimer->isActive())
            mShowTimer->start(mShowInterval);
        return;
    }
    showFinished(result, reloaded);
    mShowTimer->start(mShowInterval);
}

void RunPanel::setShowInterval(int ms)
{
    mShowInterval = ms;
    if (mShowTimer->isActive())
        mShowTimer->start(ms);
}

void RunPanel::showFinished(const InvocationResult &result, bool reloaded)
{
    showResult(result, reloaded);
    reloadHistory(result.requestId);
    updateButtons();
}

void RunPanel::setBadge(const QString &text, const QColor &colour)
{
    mBadge->setText(text);
    mBadge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; "
                                         "padding: 1px 6px; font-weight: bold; }")
                              .arg(colour.name(), Theme::textOn(colour).name()));
}

void RunPanel::showResult(const InvocationResult &r, bool reloaded)
{
    if (r.coldStart)
        setBadge(reloaded ? tr("Cold start: new code") : tr("Cold start"), Theme::warning());
    else
        setBadge(tr("Warm"), Theme::success());
    const QLocale locale;
    QStringList parts{
        tr("Duration %1 ms").arg(locale.toString(r.durationMs, 'f', 2)),
        tr("Billed %1 ms").arg(locale.toString(r.billedDurationMs)),
        tr("Memory %1 of %2 MB").arg(locale.toString(r.maxMemoryUsedMB), locale.toString(r.memorySizeMB))};
    if (r.initDurationMs)
        parts.append(tr("Init %1 ms").arg(locale.toString(*r.initDurationMs, 'f', 2)));
    QString tip = r.reportLine();
    if (r.studioStartMs) {
        parts.append(r.spareWorker
                         ? tr("Studio start %1 ms (spare worker)").arg(locale.toString(*r.studioStartMs, 'f', 1))
                         : tr("Studio start %1 ms").arg(locale.toString(*r.studioStartMs, 'f', 1)));
        tip += u"\n\n"_s
               + tr("Init is the handler's initialisation, as Lambda reports it. Studio start is what you waited "
                    "on this machine for the worker to be ready; it is not Lambda's cold start. A spare worker "
                    "has its interpreter started before it is needed, so only the handler is loaded.");
    }
    mFigures->setText(parts.join(u"  \u00b7  "_s));
    mFigures->setToolTip(tip);

    mResult->setText(resultText(r));
    // The log stream as CloudWatch would hold it: the runtime's START, END and REPORT (or,
    // in the JSON format, its platform records as the system log level lets through).
    const Node *node = project() ? project()->architecture().node(mFunction) : nullptr;
    const QStringList stream = r.logStream(
        node ? node->properties.value("logFormat"_L1).toString(u"Text"_s) : u"Text"_s,
        node ? node->properties.value("systemLogLevel"_L1).toString(u"INFO"_s) : u"INFO"_s);
    mLogs->setPlainText(stream.join('\n'_L1));
    const bool structured = LogTable::isStructured(r.logs);
    mLogTable->setLogs(structured ? stream : QStringList());
    mOutputTabs->setTabVisible(mOutputTabs->indexOf(mLogTable), structured);
    showBody(r);
    showImports(r);
    if (r.ok) {
        mErrorLabel->hide();
        mOutputTabs->setCurrentWidget(
            mOutputTabs->isTabVisible(mOutputTabs->indexOf(mBody)) ? static_cast<QWidget *>(mBody) : mResult);
        return;
    }
    const QString type = r.error.value("errorType"_L1).toString();
    const QString message = r.error.value("errorMessage"_L1).toString();
    QString text = u"<b>%1</b>: %2"_s.arg(type.toHtmlEscaped(), message.toHtmlEscaped());
    const Result<FunctionSpec> spec = project() ? FunctionSpec::fromNode(*project(), mFunction)
                                                : Result<FunctionSpec>(Error{});
    if (spec) {
        const QList<SourceLocation> places = StackTrace::userLocations(r.error, spec->sourceDirectory);
        if (!places.isEmpty()) {
            const SourceLocation &at = places.first();
            const QString shown = QDir(spec->sourceDirectory).relativeFilePath(at.file);
            text += u" &mdash; <a href=\"%1:%2\">%3:%2</a>"_s.arg(at.file.toHtmlEscaped())
                        .arg(at.line)
                        .arg(shown.toHtmlEscaped());
            mErrorMessage = u"%1: %2"_s.arg(type, message);
            emit errorLocated(mFunction, at.file, at.line, mErrorMessage);
        }
    }
    mErrorLabel->setText(text);
    mErrorLabel->show();
    // The logs often say more than the error.
    mOutputTabs->setCurrentWidget(r.logs.isEmpty() ? static_cast<QWidget *>(mResult) : mLogs);
}

// An API Gateway or Function URL response ({statusCode, headers, body}) carries its body as
// a string, often JSON escaped inside JSON, or base64: shown here as the client gets it.
void RunPanel::showBody(const InvocationResult &r)
{
    const QJsonObject response = r.ok ? QJsonDocument::fromJson(r.resultJson).object() : QJsonObject();
    const bool http = response.value("statusCode"_L1).isDouble() && response.value("body"_L1).isString();
    mOutputTabs->setTabVisible(mOutputTabs->indexOf(mBody), http);
    if (!http) {
        mBody->clear();
        return;
    }
    const int status = response.value("statusCode"_L1).toInt();
    mOutputTabs->setTabText(mOutputTabs->indexOf(mBody), tr("Body (%1)").arg(status));
    QByteArray bytes = response.value("body"_L1).toString().toUtf8();
    if (response.value("isBase64Encoded"_L1).toBool())
        bytes = QByteArray::fromBase64(bytes);
    QJsonParseError error;
    QJsonDocument::fromJson(bytes, &error);
    mBody->setLanguage(error.error == QJsonParseError::NoError ? CodeEditor::Language::Json
                                                               : CodeEditor::Language::PlainText);
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    mBody->setText(utf8.hasError() ? tr("%n byte(s) of binary data", nullptr, int(bytes.size()))
                   : error.error == QJsonParseError::NoError ? prettyJson(bytes)
                                                             : text);
}

void RunPanel::reloadHistory(const QString &selectRequest)
{
    mHistory->clear();
    if (mFunction == kInvalidNodeId)
        return;
    const QLocale locale;
    for (const RunHistory::Entry &e : mRunner->history().entries(mFunction)) {
        auto *item = new QTreeWidgetItem(mHistory);
        item->setText(0, locale.toString(e.result.startedAt.toLocalTime(),
                                         locale.dateTimeFormat(QLocale::ShortFormat).replace("mm"_L1, "mm:ss"_L1)));
        item->setText(1, e.result.ok ? tr("OK") : e.result.error.value("errorType"_L1).toString());
        item->setText(2, tr("%1 ms").arg(locale.toString(e.result.durationMs, 'f', 2)));
        item->setText(3, e.result.coldStart ? tr("cold") : tr("warm"));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (!e.result.ok)
            item->setForeground(1, Theme::failure());
        item->setData(0, kHistoryIdRole, e.id);
        if (!selectRequest.isEmpty() && e.result.requestId == selectRequest)
            mHistory->setCurrentItem(item);
    }
    updateHistoryNotice();
    updateButtons();
}

void RunPanel::updateHistoryNotice()
{
    const RunHistory &history = mRunner->history();
    QStringList notes;
    if (const std::optional<Error> error = history.writeError())
        notes.append(tr("Some runs could not be written to the run history: %1").arg(error->message));
    if (const qint64 dropped = history.dropped())
        notes.append(tr("%n run(s) were left out of the run history: they came faster than the disk could keep "
                        "them.",
                        nullptr, int(qMin<qint64>(dropped, std::numeric_limits<int>::max()))));
    QPalette palette = mHistoryNotice->palette();
    palette.setColor(QPalette::WindowText, Theme::failure());
    mHistoryNotice->setPalette(palette);
    mHistoryNotice->setText(notes.join(u'\n'));
    mHistoryNotice->setVisible(!notes.isEmpty());
}

void RunPanel::showHistoryEntry()
{
    updateButtons();
    QTreeWidgetItem *item = mHistory->currentItem();
    RunHistory::Entry entry;
    if (!item || !mRunner->history().entry(item->data(0, kHistoryIdRole).toLongLong(), &entry)) {
        mHistoryEvent->clear();
        mHistoryResult->clear();
        mHistoryLogs->clear();
        return;
    }
    mHistoryEvent->setText(prettyJson(entry.event));
    mHistoryResult->setText(resultText(entry.result));
    mHistoryLogs->setPlainText(entry.result.logs.join('\n'_L1));
}

QWidget *RunPanel::compare(qint64 left, qint64 right)
{
    RunHistory::Entry a;
    RunHistory::Entry b;
    if (!mRunner->history().entry(left, &a) || !mRunner->history().entry(right, &b))
        return nullptr;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"compareDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Compare Runs"));
    dialog->resize(1000, 600);
    auto *grid = new QGridLayout(dialog);
    const QLocale locale;
    const RunHistory::Entry *entries[2] = {&a, &b};
    CodeEditor *views[2] = {};
    for (int i = 0; i < 2; ++i) {
        const RunHistory::Entry &e = *entries[i];
        auto *title = new QLabel(tr("%1 \u00b7 %2 \u00b7 %3 ms")
                                     .arg(locale.toString(e.result.startedAt.toLocalTime(), QLocale::ShortFormat),
                                          e.result.ok ? tr("OK") : e.result.error.value("errorType"_L1).toString(),
                                          locale.toString(e.result.durationMs, 'f', 2)),
                                 dialog);
        views[i] = jsonView(dialog, true);
        views[i]->setObjectName(i == 0 ? u"leftResult"_s : u"rightResult"_s);
        views[i]->setText(resultText(e.result) + u"\n\n"_s + tr("// logs") + '\n'_L1 + e.result.logs.join('\n'_L1));
        grid->addWidget(title, 0, i);
        grid->addWidget(views[i], 1, i);
    }
    // Lines that differ are marked on both sides.
    const int differ = views[0]->markerDefine(QsciScintilla::Background);
    views[1]->markerDefine(QsciScintilla::Background, differ);
    for (CodeEditor *v : views)
        v->setMarkerBackgroundColor(
            CodeEditor::isDark(v->palette()) ? QColor(0x5a, 0x4a, 0x10) : QColor(0xff, 0xf0, 0xb0), differ);
    const int lines = std::max(views[0]->lines(), views[1]->lines());
    int differences = 0;
    for (int l = 0; l < lines; ++l) {
        if (views[0]->text(l) != views[1]->text(l)) {
            ++differences;
            if (l < views[0]->lines())
                views[0]->markerAdd(l, differ);
            if (l < views[1]->lines())
                views[1]->markerAdd(l, differ);
        }
    }
    auto *summary = new QLabel(differences == 0 ? tr("The results and logs are the same.")
                                                : tr("%n line(s) differ.", nullptr, differences),
                               dialog);
    summary->setObjectName(u"compareSummary"_s);
    grid->addWidget(summary, 2, 0, 1, 2);
    dialog->show();
    return dialog;
}

void RunPanel::updateButtons()
{
    const bool haveFunction = mFunction != kInvalidNodeId;
    mInvoke->setEnabled(haveFunction && mEventError.isEmpty());
    mSaveEvent->setEnabled(haveFunction && mEventError.isEmpty());
    mDeleteEvent->setEnabled(mEventBox->currentData().toList().value(0).toInt() == SavedEvent);
    mEventBox->setEnabled(haveFunction);
    mEventEditor->setReadOnly(!haveFunction);
    const int selected = int(mHistory->selectedItems().size());
    mRerun->setEnabled(mHistory->currentItem() != nullptr);
    mUseEvent->setEnabled(mHistory->currentItem() != nullptr);
    mCompare->setEnabled(selected == 2);
}

} // namespace Nimbus
