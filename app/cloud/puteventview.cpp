#include "puteventview.h"

#include "cloud/eventbus.h"
#include "cloud/eventpattern.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "editor/codeeditor.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "runtime/runhistory.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

enum Column { RuleName, Outcome };

QString patternOf(const Node &rule)
{
    const QJsonValue value = rule.properties.value("pattern"_L1);
    if (!value.isUndefined())
        return value.toString();
    const NodeKind *kind = Catalog::builtin().kind(rule.kind);
    return kind ? kind->defaultProperties(rule.name).value("pattern"_L1).toString() : QString();
}

// The rules the bus node routes to, by name.
QList<const Node *> rulesOf(const Architecture &architecture, const Node &bus)
{
    QList<const Node *> found;
    for (EdgeId id : architecture.outgoingEdges(bus.id)) {
        const Edge *edge = architecture.edge(id);
        const Node *rule = edge ? architecture.node(edge->to) : nullptr;
        if (rule && edge->type == "routes"_L1 && rule->kind == Kinds::Rule)
            found.append(rule);
    }
    std::sort(found.begin(), found.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return found;
}

// The first string of a pattern's plain list of values for key ({"source": ["shop"]}).
QString firstValue(const QJsonObject &pattern, const char *key)
{
    for (const QJsonValue &value : pattern.value(QLatin1String(key)).toArray())
        if (value.isString())
            return value.toString();
    return {};
}

} // namespace

PutEventView::PutEventView(LocalCloud *cloud, Project *project, RunHistory *history, const QString &bus,
                           QWidget *parent)
    : QWidget(parent, Qt::Window), mCloud(cloud), mProject(project), mHistory(history), mBus(bus),
      mSaved(new QComboBox), mEditor(new CodeEditor(this)), mRules(new QTreeWidget), mPut(new QPushButton),
      mSave(new QPushButton), mDelete(new QPushButton), mStatus(new QLabel), mRecheck(new QTimer(this))
{
    setObjectName(u"putEventView"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Put Events on %1").arg(bus));

    mSaved->setObjectName(u"putEventSaved"_s);
    mSaved->setAccessibleName(tr("Saved events"));
    mSave->setText(tr("&Save Event..."));
    mSave->setObjectName(u"putEventSave"_s);
    mSave->setToolTip(tr("Keep this event with the project under a name"));
    mDelete->setText(tr("&Delete"));
    mDelete->setObjectName(u"putEventDelete"_s);
    auto *savedRow = new QHBoxLayout;
    savedRow->addWidget(new QLabel(tr("Event")));
    savedRow->addWidget(mSaved, 1);
    savedRow->addWidget(mSave);
    savedRow->addWidget(mDelete);

    mEditor->setObjectName(u"putEventEditor"_s);
    mEditor->setLanguage(CodeEditor::Language::Json);
    mEditor->setAccessibleName(tr("PutEvents entry"));
    mEditor->setToolTip(tr("One PutEvents entry (Source, DetailType, Detail, Resources, Time) or an array of up to "
                           "%n, Detail as an object or its JSON text",
                           nullptr, EventBus::kMaxEntries));
    mEditor->setMinimumHeight(120);

    mRules->setObjectName(u"putEventRules"_s);
    mRules->setRootIsDecorated(false);
    mRules->setHeaderLabels({tr("Rule"), tr("This event")});
    mRules->setAccessibleName(tr("Rules of the bus"));
    mRules->header()->setStretchLastSection(true);

    mPut->setText(tr("&Put Event"));
    mPut->setObjectName(u"putEventPut"_s);
    mPut->setToolTip(tr("Put the entries on the bus of the running local cloud, as PutEvents does"));
    mStatus->setObjectName(u"putEventStatus"_s);
    mStatus->setWordWrap(true);
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *putRow = new QHBoxLayout;
    putRow->addWidget(mPut);
    putRow->addStretch(1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(mEditor);
    splitter->addWidget(mRules);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(savedRow);
    layout->addWidget(splitter, 1);
    layout->addLayout(putRow);
    layout->addWidget(mStatus);
    resize(640, 520);

    mRecheck->setSingleShot(true);
    mRecheck->setInterval(150);
    connect(mRecheck, &QTimer::timeout, this, &PutEventView::updateRules);
    connect(mEditor, &QsciScintilla::textChanged, mRecheck, qOverload<>(&QTimer::start));
    connect(mPut, &QPushButton::clicked, this, [this] { (void)put(); });
    connect(mSave, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString current = mSaved->currentData().toString();
        const QString name =
            QInputDialog::getText(this, tr("Save Event"), tr("Name:"), QLineEdit::Normal, current, &ok).trimmed();
        if (ok && !name.isEmpty())
            saveEvent(name);
    });
    connect(mDelete, &QPushButton::clicked, this, [this] { removeEvent(mSaved->currentData().toString()); });
    connect(mSaved, &QComboBox::activated, this, [this] {
        const QString name = mSaved->currentData().toString();
        if (name.isEmpty())
            setText(mProject ? exampleEntry(*mProject, mBus) : QString());
        else
            loadEvent(name);
    });
    if (mCloud)
        connect(mCloud, &QObject::destroyed, this, &PutEventView::updateButtons);

    setText(mProject ? exampleEntry(*mProject, mBus) : QString());
    rebuildSaved();
}

QString PutEventView::exampleEntry(const Project &project, const QString &bus)
{
    QString source = u"my.app"_s;
    QString detailType = u"Something Happened"_s;
    const Architecture &architecture = project.architecture();
    if (const Node *node = architecture.nodeByName(bus)) {
        for (const Node *rule : rulesOf(architecture, *node)) {
            const QJsonObject pattern = QJsonDocument::fromJson(patternOf(*rule).toUtf8()).object();
            const QString s = firstValue(pattern, "source");
            const QString t = firstValue(pattern, "detail-type");
            if (!s.isEmpty() && !t.isEmpty()) {
                source = s;
                detailType = t;
                break;
            }
        }
    }
    const QJsonObject entry{{u"Source"_s, source}, {u"DetailType"_s, detailType}, {u"Detail"_s, QJsonObject{}}};
    return QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Indented));
}

QString PutEventView::text() const
{
    return mEditor->text();
}

void PutEventView::setText(const QString &text)
{
    mEditor->setText(text);
    mRecheck->stop();
    updateRules();
}

QString PutEventView::status() const
{
    return mStatus->text();
}

Result<QJsonArray> PutEventView::entries() const
{
    return entriesOf(mEditor->text());
}

Result<QJsonArray> PutEventView::entriesOf(const QString &text)
{
    return EventBus::entriesFromJson(text.toUtf8());
}

QList<PutEventView::SavedEvent> PutEventView::savedEventsFor(const Project &project, const RunHistory &history,
                                                             NodeId rule)
{
    QList<SavedEvent> found;
    const Architecture &architecture = project.architecture();
    QList<const Node *> buses;
    for (EdgeId id : architecture.incomingEdges(rule)) {
        const Edge *edge = architecture.edge(id);
        const Node *bus = edge ? architecture.node(edge->from) : nullptr;
        if (bus && edge->type == "routes"_L1 && bus->kind == Kinds::EventBus && !buses.contains(bus))
            buses.append(bus);
    }
    std::sort(buses.begin(), buses.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    // A fixed time, so that the example reads the same at each look.
    const QDateTime when(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC);
    for (const Node *bus : buses) {
        QList<RunHistory::SavedEvent> saved = history.savedEvents(bus->id);
        std::sort(saved.begin(), saved.end(),
                  [](const RunHistory::SavedEvent &a, const RunHistory::SavedEvent &b) { return a.name < b.name; });
        for (const RunHistory::SavedEvent &event : saved) {
            const Result<QJsonArray> entries = entriesOf(QString::fromUtf8(event.event));
            if (!entries)
                continue;
            for (qsizetype i = 0; i < entries->size(); ++i) {
                const EventBus::Built built = EventBus::buildEvent(entries->at(i).toObject(), u"us-east-1"_s, when);
                if (!built.errorCode.isEmpty())
                    continue;
                const QString label = entries->size() == 1
                                          ? tr("Saved: %1 (%2)").arg(event.name, bus->name)
                                          : tr("Saved: %1 #%2 (%3)").arg(event.name).arg(i + 1).arg(bus->name);
                found.append({label, QJsonDocument(built.event).toJson(QJsonDocument::Indented)});
            }
        }
    }
    return found;
}

void PutEventView::updateRules()
{
    mRules->clear();
    const Project *project = mProject;
    const Node *bus = project ? project->architecture().nodeByName(mBus) : nullptr;
    if (!bus) {
        say(tr("The design has no event bus named %1.").arg(mBus), true);
        updateButtons();
        return;
    }
    const Result<QJsonArray> given = entries();
    QList<QJsonObject> events;
    QStringList problems;
    if (given) {
        const QString region = mCloud ? mCloud->region() : u"us-east-1"_s;
        const QDateTime now = mCloud ? mCloud->clock().now() : QDateTime::currentDateTimeUtc();
        for (qsizetype i = 0; i < given->size(); ++i) {
            const EventBus::Built built = EventBus::buildEvent(given->at(i).toObject(), region, now);
            if (built.errorCode.isEmpty())
                events.append(built.event);
            else
                problems.append(tr("Entry %1: %2: %3").arg(i + 1).arg(built.errorCode, built.errorMessage));
        }
    }
    const QList<const Node *> rules = rulesOf(project->architecture(), *bus);
    for (const Node *rule : rules) {
        auto *item = new QTreeWidgetItem(mRules, {rule->name});
        const Result<EventPattern> pattern = EventPattern::parse(patternOf(*rule).toUtf8());
        QString outcome;
        bool matched = false;
        if (!rule->properties.value("enabled"_L1).toBool(true)) {
            outcome = tr("Disabled");
        } else if (!pattern) {
            outcome = tr("Pattern error: %1").arg(pattern.errorMessage());
        } else if (events.isEmpty()) {
            outcome = QString();
        } else {
            QStringList which;
            for (qsizetype i = 0; i < events.size(); ++i)
                if (pattern->matches(events.at(i)))
                    which.append(QString::number(i + 1));
            matched = !which.isEmpty();
            outcome = !matched             ? tr("No match")
                      : events.size() == 1 ? tr("Matches")
                                           : tr("Matches entries %1").arg(which.join(u", "_s));
        }
        item->setText(Outcome, outcome);
        item->setData(RuleName, Qt::UserRole, matched);
        if (matched)
            item->setForeground(Outcome, Theme::success());
    }
    if (rules.isEmpty())
        new QTreeWidgetItem(mRules, {tr("(no rule)"), tr("The bus routes to no rule: events go nowhere")});
    if (!given)
        say(given.errorMessage(), true);
    else if (!problems.isEmpty())
        say(problems.join(u'\n'), true);
    else if (!mCloud)
        say(tr("Start the local cloud to put events on %1.").arg(mBus), false);
    else
        say(QString(), false);
    updateButtons();
}

QStringList PutEventView::matchingRules() const
{
    QStringList names;
    for (int i = 0; i < mRules->topLevelItemCount(); ++i)
        if (mRules->topLevelItem(i)->data(RuleName, Qt::UserRole).toBool())
            names.append(mRules->topLevelItem(i)->text(RuleName));
    return names;
}

Result<QJsonArray> PutEventView::put()
{
    if (!mCloud || !mCloud->isRunning()) {
        const QString text = tr("Start the local cloud to put events on %1.").arg(mBus);
        say(text, true);
        return Error{text};
    }
    const Result<QJsonArray> given = entries();
    if (!given) {
        say(given.errorMessage(), true);
        return given;
    }
    const QJsonArray results = mCloud->putEvents(mBus, *given);
    QStringList lines;
    bool failed = false;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        const QString prefix = results.size() > 1 ? tr("Entry %1: ").arg(i + 1) : QString();
        if (result.contains("EventId"_L1)) {
            lines.append(prefix + tr("put as event %1").arg(result.value("EventId"_L1).toString()));
        } else {
            failed = true;
            lines.append(
                prefix
                + u"%1: %2"_s.arg(result.value("ErrorCode"_L1).toString(), result.value("ErrorMessage"_L1).toString()));
        }
    }
    const QStringList rules = matchingRules();
    if (!failed)
        lines.append(rules.isEmpty()
                         ? tr("No rule matched.")
                         : tr("Matched %n rule(s): %1", nullptr, int(rules.size())).arg(rules.join(u", "_s)));
    say(lines.join(u'\n'), failed);
    return results;
}

NodeId PutEventView::busNode() const
{
    const Node *node = mProject ? mProject->architecture().nodeByName(mBus) : nullptr;
    return node ? node->id : kInvalidNodeId;
}

QStringList PutEventView::savedEvents() const
{
    QStringList names;
    const NodeId node = busNode();
    if (mHistory && node != kInvalidNodeId)
        for (const RunHistory::SavedEvent &saved : mHistory->savedEvents(node))
            names.append(saved.name);
    names.sort();
    return names;
}

bool PutEventView::saveEvent(const QString &name)
{
    const Result<QJsonArray> given = entries();
    if (!given) {
        say(given.errorMessage(), true);
        return false;
    }
    const NodeId node = busNode();
    if (!mHistory || node == kInvalidNodeId || !mHistory->saveEvent(node, name, mEditor->text().toUtf8())) {
        say(tr("Save the project first: saved events are kept in it."), true);
        return false;
    }
    rebuildSaved();
    mSaved->setCurrentIndex(mSaved->findData(name));
    say(tr("Saved as %1.").arg(name), false);
    updateButtons();
    return true;
}

bool PutEventView::loadEvent(const QString &name)
{
    const NodeId node = busNode();
    if (!mHistory || node == kInvalidNodeId)
        return false;
    for (const RunHistory::SavedEvent &saved : mHistory->savedEvents(node)) {
        if (saved.name == name) {
            setText(QString::fromUtf8(saved.event));
            mSaved->setCurrentIndex(mSaved->findData(name));
            updateButtons();
            return true;
        }
    }
    return false;
}

bool PutEventView::removeEvent(const QString &name)
{
    const NodeId node = busNode();
    if (name.isEmpty() || !mHistory || node == kInvalidNodeId || !mHistory->removeSavedEvent(node, name))
        return false;
    rebuildSaved();
    return true;
}

void PutEventView::rebuildSaved()
{
    mSaved->clear();
    mSaved->addItem(tr("(new event)"), QString());
    for (const QString &name : savedEvents())
        mSaved->addItem(tr("Saved: %1").arg(name), name);
    updateButtons();
}

void PutEventView::say(const QString &text, bool error)
{
    mStatus->setText(text);
    mStatus->setStyleSheet(error ? u"color: %1"_s.arg(Theme::failure().name()) : QString());
}

void PutEventView::updateButtons()
{
    mPut->setEnabled(mCloud && entries());
    mDelete->setEnabled(!mSaved->currentData().toString().isEmpty());
}

} // namespace Nimbus
