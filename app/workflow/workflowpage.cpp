#include "workflowpage.h"

#include "aslformat.h"
#include "stateform.h"
#include "workflowedit.h"
#include "workflowrunpanel.h"
#include "workflowscene.h"

#include "document/project.h"
#include "editor/codeeditor.h"
#include "model/kinds.h"
#include "theme.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr int kTextCommandId = 0x5746; // "WF"
constexpr qint64 kTypingMergeMs = 1500;
constexpr int kPathRole = Qt::UserRole;
constexpr int kLineRole = Qt::UserRole + 1;

// One change of the definition's text: the graph's edits and the typing alike. Typing
// that goes on (keys less than 1.5 s apart) is one step; the text was already typed, so
// the first redo does nothing.
class TextCommand : public QUndoCommand
{
public:
    TextCommand(WorkflowPage *page, const QString &before, const QString &after, const QString &text, bool typed)
        : QUndoCommand(text), mPage(page), mBefore(before), mAfter(after), mTyped(typed),
          mLast(QDateTime::currentMSecsSinceEpoch())
    { }
    int id() const override { return mTyped ? kTextCommandId : -1; }
    void redo() override
    {
        if (std::exchange(mFirst, false) && mTyped)
            return;
        mPage->applyText(mAfter);
    }
    void undo() override { mPage->applyText(mBefore); }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const TextCommand *>(other);
        if (!next->mTyped || next->mLast - mLast > kTypingMergeMs)
            return false;
        mAfter = next->mAfter;
        mLast = next->mLast;
        setObsolete(mAfter == mBefore);
        return true;
    }

private:
    WorkflowPage *mPage;
    QString mBefore;
    QString mAfter;
    bool mTyped;
    bool mFirst = true;
    qint64 mLast;
};

// The palette of state types: each item drags its type onto the graph.
class StatePalette : public QListWidget
{
public:
    explicit StatePalette(QWidget *parent) : QListWidget(parent)
    {
        setObjectName(u"statePalette"_s);
        setAccessibleName(WorkflowPage::tr("State types"));
        setFlow(QListView::LeftToRight);
        setWrapping(true);
        setResizeMode(QListView::Adjust);
        setSpacing(2);
        setDragEnabled(true);
        setDragDropMode(QAbstractItemView::DragOnly);
        setIconSize(QSize(18, 18));
        for (const QString &type : WorkflowEdit::stateTypes()) {
            QPixmap icon(36, 36);
            icon.fill(Qt::transparent);
            {
                QPainter painter(&icon);
                WorkflowScene::paintIcon(&painter, QRectF(2, 2, 32, 32), type,
                                         Theme::readable(WorkflowScene::typeColour(type)));
            }
            auto *item = new QListWidgetItem(QIcon(icon), type, this);
            item->setData(Qt::UserRole, type);
            item->setToolTip(WorkflowPage::tr("Drag a %1 state onto the graph: onto a state to place it after "
                                              "that state, into a branch to add it there")
                                 .arg(type));
        }
        setFixedHeight(sizeHintForRow(0) + 2 * frameWidth() + 8);
    }

protected:
    QStringList mimeTypes() const override { return {QLatin1String(WorkflowView::kStateMimeType)}; }
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(WorkflowView::kStateMimeType),
                      items.first()->data(Qt::UserRole).toString().toUtf8());
        return mime;
    }
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
};

// The line (from 1) where a diagnostic's state, and in it its field, is written.
int lineOf(const QString &text, const AslDiagnostic &diagnostic)
{
    qsizetype at = 0;
    if (!diagnostic.state.isEmpty()) {
        const QString name = WorkflowEdit::nameOf(diagnostic.state);
        const QRegularExpression key(u"\"%1\"\\s*:\\s*\\{"_s.arg(QRegularExpression::escape(name)));
        const QRegularExpressionMatch match = key.match(text);
        at = match.hasMatch() ? match.capturedStart() : 0;
    }
    const QString field = diagnostic.field.section(QRegularExpression(u"[.\\[]"_s), 0, 0);
    if (!field.isEmpty()) {
        const qsizetype found = text.indexOf(u"\"%1\""_s.arg(field), at);
        if (found >= 0)
            at = found;
    }
    return int(text.left(at).count('\n'_L1)) + 1;
}

} // namespace

WorkflowPage::WorkflowPage(const QString &path, Project *project, NodeId machine, const WorkflowHost &host,
                           QWidget *parent)
    : EditorPage(path, kInvalidNodeId, parent), mProject(project), mMachine(machine), mStack(new QUndoStack(this)),
      mScene(new WorkflowScene(this)), mView(new WorkflowView(mScene, this)), mPalette(new StatePalette(this)),
      mDiagnosticsList(new QListWidget(this)), mMessage(new QLabel(this)), mForm(new StateForm(this)),
      mRun(new WorkflowRunPanel(project, machine, host, this)), mParseTimer(new QTimer(this))
{
    setObjectName(u"workflowPage"_s);
    // The tab's undo stack holds every change, typing included: the editor's own history
    // and keys step aside, so that Ctrl+Z reaches the stack through the window's Undo.
    editor()->SendScintilla(QsciScintillaBase::SCI_SETUNDOCOLLECTION, 0UL);
    for (const auto command : {QsciCommand::Undo, QsciCommand::Redo}) {
        if (QsciCommand *c = editor()->standardCommands()->find(command)) {
            c->setKey(0);
            c->setAlternateKey(0);
        }
    }
    disconnect(editor(), &QsciScintilla::modificationChanged, this, &EditorPage::modificationChanged);
    connect(mStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modificationChanged(!clean); });

    // The editor's place in the page goes to the graph, the text and the executions.
    auto *centre = new QSplitter(Qt::Vertical, this);
    delete layout()->replaceWidget(editor(), centre);
    auto *top = new QSplitter(Qt::Horizontal);
    top->setObjectName(u"workflowSplitter"_s);
    top->addWidget(createGraphSide());
    top->addWidget(createTextSide());
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(mForm);
    formScroll->setWidgetResizable(true);
    top->addWidget(formScroll);
    top->setStretchFactor(0, 5);
    top->setStretchFactor(1, 3);
    top->setStretchFactor(2, 3);
    centre->addWidget(top);
    centre->addWidget(mRun);
    centre->setStretchFactor(0, 4);
    centre->setStretchFactor(1, 1);

    mParseTimer->setSingleShot(true);
    mParseTimer->setInterval(300);
    connect(mParseTimer, &QTimer::timeout, this, &WorkflowPage::parseNow);
    connect(editor(), &QsciScintilla::textChanged, this, &WorkflowPage::onTextChanged);
    connect(mScene, &WorkflowScene::stateSelected, this, &WorkflowPage::onStateSelected);
    connect(mScene, &WorkflowScene::connectRequested, this, &WorkflowPage::connectStates);
    connect(mView, &WorkflowView::stateDropped, this, &WorkflowPage::addState);
    connect(mView, &WorkflowView::deleteRequested, this, &WorkflowPage::removeState);
    connect(mForm, &StateForm::renameRequested, this, &WorkflowPage::renameState);
    connect(mForm, &StateForm::stateChanged, this, &WorkflowPage::replaceState);
    connect(mRun, &WorkflowRunPanel::runsChanged, mScene, &WorkflowScene::setRuns);
    connect(mRun, &WorkflowRunPanel::aboutToStart, this, [this] {
        if (isModified())
            emit saveRequested();
    });
}

WorkflowPage::~WorkflowPage()
{
    // QWidget deletes its children before its connections go: the scene's last selection
    // change and the editor's last signals must not reach a page half destroyed.
    for (QObject *sender : std::initializer_list<QObject *>{mScene, mView, mForm, mRun, mDiagnosticsList, editor()})
        sender->disconnect(this);
    mParseTimer->stop();
}

QWidget *WorkflowPage::createGraphSide()
{
    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(mPalette);
    mMessage->setObjectName(u"workflowMessage"_s);
    mMessage->setWordWrap(true);
    mMessage->hide();
    layout->addWidget(mMessage);
    layout->addWidget(mView, 1);
    return side;
}

QWidget *WorkflowPage::createTextSide()
{
    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    mDiagnosticsList->setObjectName(u"workflowDiagnostics"_s);
    mDiagnosticsList->setAccessibleName(tr("Problems of the definition"));
    mDiagnosticsList->setMaximumHeight(140);
    layout->addWidget(editor(), 3);
    layout->addWidget(mDiagnosticsList, 1);
    connect(mDiagnosticsList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        mScene->selectState(item->data(kPathRole).toString());
        editor()->goToLine(item->data(kLineRole).toInt());
    });
    connect(mDiagnosticsList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { mScene->selectState(item->data(kPathRole).toString()); });
    return side;
}

QString WorkflowPage::message() const
{
    return mMessage->isVisible() ? mMessage->text() : QString();
}

void WorkflowPage::say(const QString &message)
{
    mMessage->setText(message);
    mMessage->setVisible(!message.isEmpty());
}

bool WorkflowPage::isModified() const
{
    return !mStack->isClean();
}

void WorkflowPage::setModifiedState(bool modified)
{
    if (modified)
        mStack->resetClean();
    else
        mStack->setClean();
}

void WorkflowPage::loaded()
{
    mStack->clear();
    mCommitted = editor()->text();
    parseNow();
    mView->fit();
}

void WorkflowPage::onTextChanged()
{
    if (mApplying)
        return;
    const QString text = editor()->text();
    if (text == mCommitted)
        return;
    const QString before = std::exchange(mCommitted, text);
    mStack->push(new TextCommand(this, before, text, tr("Edit the definition"), true));
    mParseTimer->start();
}

void WorkflowPage::applyText(const QString &text)
{
    int line = 0, index = 0;
    editor()->getCursorPosition(&line, &index);
    const int first = editor()->firstVisibleLine();
    mApplying = true;
    editor()->setText(text);
    mApplying = false;
    mCommitted = text;
    editor()->setCursorPosition(std::min(line, std::max(0, editor()->lines() - 1)), index);
    editor()->setFirstVisibleLine(first);
    parseNow();
}

void WorkflowPage::parseNow()
{
    mParseTimer->stop();
    const QString text = editor()->text();
    const Result<QJsonObject> parsed = AslDefinition::parse(text.toUtf8());
    if (!parsed) {
        showParseError(text, parsed.errorMessage());
        return;
    }
    mTextParses = true;
    mDefinition = *parsed;
    mDiagnostics = AslDefinition::validate(mDefinition);
    mScene->setDefinition(mDefinition);
    showDiagnostics(text);
    onStateSelected(mScene->selectedState());
}

void WorkflowPage::showParseError(const QString &text, const QString &message)
{
    mTextParses = false;
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    const int line = int(QString::fromUtf8(text.toUtf8().left(error.offset)).count('\n'_L1)) + 1;
    mDiagnostics = {AslDiagnostic{AslDiagnostic::Severity::Error, {}, {}, message}};
    editor()->markProblems({{line, message, false}});
    mDiagnosticsList->clear();
    auto *item = new QListWidgetItem(tr("Line %1: %2").arg(line).arg(message), mDiagnosticsList);
    item->setForeground(Theme::failure());
    item->setData(kLineRole, line);
    mScene->setProblems({});
}

void WorkflowPage::showDiagnostics(const QString &text)
{
    QList<CodeEditor::LineProblem> lines;
    QHash<QString, QPair<int, int>> problems;
    mDiagnosticsList->clear();
    for (const AslDiagnostic &diagnostic : std::as_const(mDiagnostics)) {
        const bool warning = diagnostic.severity == AslDiagnostic::Severity::Warning;
        const int line = lineOf(text, diagnostic);
        lines.append({line, diagnostic.text(), warning});
        QPair<int, int> &count = problems[diagnostic.state];
        (warning ? count.second : count.first) += 1;
        auto *item = new QListWidgetItem(diagnostic.text(), mDiagnosticsList);
        item->setForeground(warning ? Theme::readable(Theme::warning()) : Theme::failure());
        item->setData(kPathRole, diagnostic.state);
        item->setData(kLineRole, line);
    }
    if (mDiagnostics.isEmpty())
        (new QListWidgetItem(tr("No problems"), mDiagnosticsList))->setForeground(Theme::success());
    editor()->markProblems(lines);
    mScene->setProblems(problems);
}

void WorkflowPage::onStateSelected(const QString &path)
{
    const QString scope = WorkflowEdit::scopeOf(path);
    mForm->setState(path, WorkflowEdit::stateAt(mDefinition, path),
                    WorkflowEdit::machineAt(mDefinition, scope).value("States"_L1).toObject().keys());
    mRun->showState(WorkflowEdit::nameOf(path));
    if (path.isEmpty() || mApplying || editor()->hasFocus())
        return;
    AslDiagnostic where;
    where.state = path;
    const int line = lineOf(editor()->text(), where);
    editor()->setCursorPosition(line - 1, 0);
    editor()->ensureLineVisible(line - 1);
}

bool WorkflowPage::change(const Result<QJsonObject> &edited, const QString &text, const QString &select)
{
    if (!edited) {
        say(edited.errorMessage());
        return false;
    }
    const QString after = QString::fromUtf8(AslFormat::write(*edited));
    say({});
    if (after == mCommitted)
        return true;
    mStack->push(new TextCommand(this, mCommitted, after, text, false));
    if (!select.isEmpty())
        mScene->selectState(select);
    return true;
}

QString WorkflowPage::defaultFunction() const
{
    const Architecture &design = mProject->architecture();
    for (EdgeId id : design.edgesOf(mMachine)) {
        const Edge *edge = design.edge(id);
        const Node *to = edge && edge->from == mMachine ? design.node(edge->to) : nullptr;
        if (to && to->kind == Kinds::Function)
            return to->name;
    }
    for (const auto &[id, node] : design.nodes())
        if (node.kind == Kinds::Function)
            return node.name;
    return {};
}

bool WorkflowPage::addState(const QString &type, const QPointF &scenePosition)
{
    if (!mTextParses) {
        say(tr("Fix the JSON first: the graph shows the last definition that could be read."));
        return false;
    }
    // Into the innermost branch under the drop, after the state under it.
    QString scope;
    for (const WorkflowLayout::Frame &frame : mScene->layout().frames)
        if (frame.rect.contains(scenePosition))
            scope = frame.owner + '/'_L1 + frame.title;
    const QString target = mScene->layout().stateAt(scenePosition);
    const QString after = WorkflowEdit::scopeOf(target) == scope ? WorkflowEdit::nameOf(target) : QString();
    QString added;
    const Result<QJsonObject> edited = WorkflowEdit::addState(mDefinition, scope, type, after, defaultFunction(),
                                                              &added);
    return change(edited, tr("Add a %1 state").arg(type), added);
}

bool WorkflowPage::connectStates(const QString &from, const QString &to)
{
    if (!mTextParses)
        return false;
    if (WorkflowEdit::scopeOf(from) != WorkflowEdit::scopeOf(to)) {
        say(tr("%1 and %2 are not in the same branch: a state can only lead to a state beside it")
                .arg(WorkflowEdit::nameOf(from), WorkflowEdit::nameOf(to)));
        return false;
    }
    return change(WorkflowEdit::connect(mDefinition, from, WorkflowEdit::nameOf(to)),
                  tr("Connect %1 to %2").arg(WorkflowEdit::nameOf(from), WorkflowEdit::nameOf(to)), from);
}

bool WorkflowPage::removeState(const QString &path)
{
    if (!mTextParses)
        return false;
    return change(WorkflowEdit::removeState(mDefinition, path), tr("Delete %1").arg(WorkflowEdit::nameOf(path)));
}

bool WorkflowPage::renameState(const QString &path, const QString &name)
{
    if (!mTextParses)
        return false;
    const QString scope = WorkflowEdit::scopeOf(path);
    return change(WorkflowEdit::renameState(mDefinition, path, name),
                  tr("Rename %1 to %2").arg(WorkflowEdit::nameOf(path), name),
                  scope.isEmpty() ? name : scope + '/'_L1 + name);
}

bool WorkflowPage::replaceState(const QString &path, const QJsonObject &state, const QString &text)
{
    if (!mTextParses)
        return false;
    return change(WorkflowEdit::replaceState(mDefinition, path, state), text, path);
}

} // namespace Nimbus
