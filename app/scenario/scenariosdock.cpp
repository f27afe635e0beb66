#include "scenariosdock.h"

#include "document/project.h"
#include "model/architecture.h"
#include "scenario/scenario.h"
#include "scenario/scenariorunner.h"
#include "scenario/scenarioscaffold.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

enum Column { NameColumn, ResultColumn, DurationColumn };
constexpr int kStepCountRole = Qt::UserRole + 20; // on a scenario row: how many steps before the invariants

const QColor kFailed(0xc6, 0x28, 0x28);
const QColor kPassed(0x2e, 0x7d, 0x32);

QString seconds(double milliseconds)
{
    return ScenariosDock::tr("%1 s").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
}

QString duration(double milliseconds)
{
    if (milliseconds < 1000)
        return ScenariosDock::tr("%1 ms").arg(QLocale().toString(milliseconds, 'f', 0));
    return seconds(milliseconds);
}

// The node a step names in its arguments (the queue an expectation looks in, the first
// hop it expects ...).
QString nodeOf(const ScenarioStep &step)
{
    if (step.kind == ScenarioStep::Kind::ExpectHops)
        return step.args.toArray().first().toString();
    if (step.kind == ScenarioStep::Kind::ExpectOneOf && !step.alternatives.isEmpty())
        return nodeOf(step.alternatives.first());
    if (step.kind == ScenarioStep::Kind::Invoke && step.args.isString())
        return step.args.toString();
    const QJsonObject args = step.args.toObject();
    for (const char *key : {"queue", "table", "bucket", "function", "topic", "bus"})
        if (args.value(QLatin1String(key)).isString())
            return args.value(QLatin1String(key)).toString();
    return {};
}

void setRowColour(QTreeWidgetItem *item, const QColor &colour)
{
    for (int column = 0; column < item->columnCount(); ++column)
        item->setForeground(column, colour);
}

} // namespace

ScenariosDock::ScenariosDock(QWidget *parent)
    : QWidget(parent), mTree(new QTreeWidget), mRun(new QPushButton(tr("Run Selected"))),
      mRunAll(new QPushButton(tr("Run All"))), mStop(new QPushButton(tr("Stop"))),
      mNew(new QPushButton(tr("New Scenario..."))), mSummary(new QLabel), mWatcher(new QFileSystemWatcher(this)),
      mRefreshLater(new QTimer(this))
{
    setObjectName(u"scenariosPanel"_s);
    mTree->setObjectName(u"scenarioTree"_s);
    // The same column words as the Local Cloud's log, translated once for both.
    mTree->setHeaderLabels({tr("Scenario"), QCoreApplication::translate("Nimbus::CloudPanel", "Result"),
                            QCoreApplication::translate("Nimbus::CloudPanel", "Duration")});
    mTree->setAccessibleName(tr("Scenarios and their steps"));
    mTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mTree->header()->setStretchLastSection(false);
    mTree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    mTree->header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    mTree->header()->setSectionResizeMode(DurationColumn, QHeaderView::ResizeToContents);
    mTree->setWordWrap(false);
    // A double-click goes to the node or the file; the arrows fold.
    mTree->setExpandsOnDoubleClick(false);
    // A low dock still shows the buttons and the summary (a label without word wrap: one
    // that wraps makes the dock's scroll area ask for the list's whole height); the list scrolls.
    mTree->setMinimumSize(120, 48);
    mRun->setObjectName(u"scenarioRun"_s);
    mRun->setToolTip(tr("Run the selected scenarios, each on a fresh local cloud of its own"));
    mRunAll->setObjectName(u"scenarioRunAll"_s);
    mRunAll->setToolTip(tr("Run every scenario of the project, one after another"));
    mStop->setObjectName(u"scenarioStop"_s);
    mStop->setToolTip(tr("Stop the scenario running and those waiting"));
    mNew->setObjectName(u"scenarioNew"_s);
    mNew->setToolTip(tr("Write a new scenario from a commented template and open it"));
    mSummary->setObjectName(u"scenarioSummary"_s);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {mRun, mRunAll, mStop})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(mNew);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(mTree, 1);
    layout->addWidget(mSummary);

    mRefreshLater->setSingleShot(true);
    mRefreshLater->setInterval(200);
    connect(mRefreshLater, &QTimer::timeout, this, &ScenariosDock::refresh);
    connect(mWatcher, &QFileSystemWatcher::directoryChanged, mRefreshLater, qOverload<>(&QTimer::start));
    connect(mWatcher, &QFileSystemWatcher::fileChanged, mRefreshLater, qOverload<>(&QTimer::start));
    connect(mRun, &QPushButton::clicked, this, &ScenariosDock::runSelected);
    connect(mRunAll, &QPushButton::clicked, this, &ScenariosDock::runAll);
    connect(mStop, &QPushButton::clicked, this, &ScenariosDock::stop);
    connect(mTree, &QTreeWidget::itemSelectionChanged, this, &ScenariosDock::updateButtons);
    connect(mTree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { activate(item); });
    mOverwriteHook = [this](const QString &path) {
        return QMessageBox::question(this, tr("Replace Scenario"),
                                     tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
    updateButtons();
}

ScenariosDock::~ScenariosDock()
{
    if (mRunner) {
        disconnect(mRunner, nullptr, this, nullptr);
        mRunner->cancel();
    }
}

QString ScenariosDock::projectPath() const
{
    return project() ? project()->filePath() : QString();
}

void ScenariosDock::projectChanged(Project *previous)
{
    if (previous)
        disconnect(previous, nullptr, this, nullptr);
    stop();
    mSummary->clear();
    if (Project *current = project())
        connect(current, &Project::filePathChanged, this, &ScenariosDock::refresh);
    refresh();
}

void ScenariosDock::watch()
{
    if (!mWatcher->files().isEmpty())
        mWatcher->removePaths(mWatcher->files());
    if (!mWatcher->directories().isEmpty())
        mWatcher->removePaths(mWatcher->directories());
    const QString path = projectPath();
    if (path.isEmpty())
        return;
    const QDir folder = QFileInfo(path).dir();
    // The project's folder, to see scenarios/ appear, and scenarios/ itself.
    mWatcher->addPath(folder.path());
    if (folder.exists(u"scenarios"_s))
        mWatcher->addPath(folder.filePath(u"scenarios"_s));
    const QStringList files = Scenario::filesOf(path);
    if (!files.isEmpty())
        mWatcher->addPaths(files);
}

void ScenariosDock::refresh()
{
    // Not while scenarios run: their rows must stay; once they end.
    if (mClock.isValid()) {
        mRefreshLater->start();
        return;
    }
    QStringList expanded;
    for (int i = 0; i < mTree->topLevelItemCount(); ++i)
        if (mTree->topLevelItem(i)->isExpanded())
            expanded.append(mTree->topLevelItem(i)->data(NameColumn, FileRole).toString());
    const QStringList selected = [this] {
        QStringList files;
        for (QTreeWidgetItem *item : mTree->selectedItems())
            if (!item->parent())
                files.append(item->data(NameColumn, FileRole).toString());
        return files;
    }();
    mTree->clear();
    watch();
    const QString path = projectPath();
    const QStringList files = path.isEmpty() ? QStringList() : Scenario::filesOf(path);
    for (const QString &file : files) {
        auto *row = new QTreeWidgetItem(mTree);
        row->setData(NameColumn, FileRole, file);
        row->setData(NameColumn, LineRole, 1);
        row->setData(NameColumn, KindRole, ScenarioRow);
        const Result<Scenario> scenario = Scenario::load(file);
        if (!scenario) {
            // "file:line:column: what": the row says where, in red.
            row->setText(NameColumn, QFileInfo(file).fileName());
            row->setText(ResultColumn, tr("cannot be read"));
            row->setToolTip(NameColumn, scenario.errorMessage());
            setRowColour(row, kFailed);
            static const QRegularExpression at(u":(\\d+):(\\d+): "_s);
            if (const QRegularExpressionMatch match = at.match(scenario.errorMessage()); match.hasMatch())
                row->setData(NameColumn, LineRole, match.captured(1).toInt());
            auto *error = new QTreeWidgetItem(row, {scenario.errorMessage()});
            error->setData(NameColumn, KindRole, MessageRow);
            error->setData(NameColumn, FileRole, file);
            error->setData(NameColumn, LineRole, row->data(NameColumn, LineRole));
            error->setToolTip(NameColumn, scenario.errorMessage());
            setRowColour(error, kFailed);
            row->setExpanded(true);
            continue;
        }
        row->setText(NameColumn, scenario->name.isEmpty() ? QFileInfo(file).completeBaseName() : scenario->name);
        QFont bold = row->font(NameColumn);
        bold.setBold(true);
        row->setFont(NameColumn, bold);
        QString tip = QDir::toNativeSeparators(QFileInfo(file).fileName());
        if (!scenario->description.isEmpty())
            tip += u"\n"_s + scenario->description;
        if (scenario->repeat > 1)
            tip += u"\n"_s + tr("Runs %n time(s), each with its own seed", nullptr, scenario->repeat);
        row->setToolTip(NameColumn, tip);
        row->setData(NameColumn, kStepCountRole, int(scenario->steps.size()));
        const auto addStep = [&](const ScenarioStep &step, bool invariant) {
            auto *item = new QTreeWidgetItem(row, {invariant ? tr("invariant: %1").arg(step.name) : step.name});
            item->setData(NameColumn, KindRole, StepRow);
            item->setData(NameColumn, FileRole, file);
            item->setData(NameColumn, LineRole, step.line);
            item->setData(NameColumn, NodeRole, nodeOf(step));
            item->setToolTip(NameColumn, tr("%1, line %2").arg(QFileInfo(file).fileName()).arg(step.line));
        };
        for (const ScenarioStep &step : scenario->steps)
            addStep(step, false);
        for (const ScenarioStep &step : scenario->invariants)
            addStep(step, true);
        row->setExpanded(expanded.contains(file));
        row->setSelected(selected.contains(file));
    }
    if (files.isEmpty()) {
        auto *none = new QTreeWidgetItem(mTree, {path.isEmpty() ? tr("Save the project to add scenarios beside it.")
                                                                : tr("No scenarios: New Scenario writes one.")});
        none->setFlags(Qt::ItemIsEnabled);
        none->setFirstColumnSpanned(true);
    }
    updateButtons();
}

QTreeWidgetItem *ScenariosDock::scenarioItem(const QString &fileName) const
{
    for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mTree->topLevelItem(i);
        const QString file = item->data(NameColumn, FileRole).toString();
        if (!file.isEmpty() && (file == fileName || QFileInfo(file).fileName() == fileName))
            return item;
    }
    return nullptr;
}

void ScenariosDock::updateButtons()
{
    const bool running = isRunning();
    bool anySelected = false;
    for (QTreeWidgetItem *item : mTree->selectedItems())
        anySelected = anySelected || !item->data(NameColumn, FileRole).toString().isEmpty();
    bool any = false;
    for (int i = 0; i < mTree->topLevelItemCount(); ++i)
        any = any || !mTree->topLevelItem(i)->data(NameColumn, FileRole).toString().isEmpty();
    mRun->setEnabled(!running && anySelected);
    mRunAll->setEnabled(!running && any);
    mStop->setEnabled(running);
    mNew->setEnabled(project() != nullptr);
}

bool ScenariosDock::runSelected()
{
    QStringList files;
    for (QTreeWidgetItem *item : mTree->selectedItems()) {
        QTreeWidgetItem *top = item;
        while (top->parent())
            top = top->parent();
        const QString file = top->data(NameColumn, FileRole).toString();
        if (!file.isEmpty() && !files.contains(file))
            files.append(file);
    }
    return run(files);
}

bool ScenariosDock::runAll()
{
    QStringList files;
    for (int i = 0; i < mTree->topLevelItemCount(); ++i)
        if (const QString file = mTree->topLevelItem(i)->data(NameColumn, FileRole).toString(); !file.isEmpty())
            files.append(file);
    return run(files);
}

bool ScenariosDock::run(const QStringList &files)
{
    if (isRunning() || files.isEmpty() || !project())
        return false;
    // Scenarios run on the saved file, not on what the canvas shows.
    if (mSaveHook && !mSaveHook())
        return false;
    if (projectPath().isEmpty() || !QFileInfo::exists(projectPath())) {
        emit message(tr("Save the project before running its scenarios."));
        return false;
    }
    mQueue.clear();
    for (const QString &file : files)
        if (scenarioItem(file))
            mQueue.append(file);
    if (mQueue.isEmpty())
        return false;
    mPassed = mFailed = 0;
    mBatch = int(mQueue.size());
    mFirstFailure = nullptr;
    mStopped = false;
    mClock.start();
    for (const QString &file : std::as_const(mQueue)) {
        QTreeWidgetItem *row = scenarioItem(file);
        row->setText(ResultColumn, tr("waiting"));
        row->setText(DurationColumn, {});
    }
    startNext();
    return true;
}

void ScenariosDock::startNext()
{
    mRunning = nullptr;
    while (!mQueue.isEmpty() && !mStopped) {
        const QString file = mQueue.takeFirst();
        QTreeWidgetItem *row = scenarioItem(file);
        if (!row)
            continue;
        Result<Scenario> scenario = Scenario::load(file);
        if (!scenario) {
            row->setText(ResultColumn, tr("cannot be read"));
            row->setToolTip(ResultColumn, scenario.errorMessage());
            setRowColour(row, kFailed);
            ++mFailed;
            continue;
        }
        // A fresh look: marks and details of a previous run go.
        for (int i = 0; i < row->childCount(); ++i) {
            QTreeWidgetItem *step = row->child(i);
            qDeleteAll(step->takeChildren());
            step->setText(ResultColumn, {});
            step->setText(DurationColumn, {});
            setRowColour(step, palette().color(QPalette::Text));
        }
        setRowColour(row, palette().color(QPalette::Text));
        row->setText(ResultColumn, tr("running"));
        row->setExpanded(true);
        mRunning = row;
        mSummary->setText(tr("Running %1...").arg(row->text(NameColumn)));
        auto *runner = new ScenarioRunner(projectPath(), std::move(*scenario), this);
        mRunner = runner;
        connect(runner, &ScenarioRunner::stepFinished, this, &ScenariosDock::showStep);
        connect(runner, &ScenarioRunner::finished, this, [this, runner](const ScenarioResult &result) {
            showResult(result);
            runner->deleteLater();
            mRunner = nullptr;
            // On a fresh stack: cancel() emits finished from inside the runner.
            QTimer::singleShot(0, this, &ScenariosDock::startNext);
        });
        updateButtons();
        emit runningChanged(true);
        runner->start();
        return;
    }
    const bool wasRunning = mClock.isValid();
    mQueue.clear();
    updateButtons();
    if (!wasRunning)
        return;
    mSummary->setText(summary());
    mClock.invalidate();
    // What needs looking at: the first failure.
    if (mFirstFailure)
        mTree->scrollToItem(mFirstFailure, QAbstractItemView::PositionAtTop);
    emit runningChanged(false);
    emit runFinished();
}

QString ScenariosDock::summary() const
{
    QString text = tr("%1 passed, %2 failed (%3)")
                       .arg(QLocale().toString(mPassed), QLocale().toString(mFailed),
                            seconds(mClock.isValid() ? double(mClock.elapsed()) : 0.0));
    if (mStopped)
        text += u" "_s + tr("- stopped");
    return text;
}

QTreeWidgetItem *ScenariosDock::stepItem(QTreeWidgetItem *scenario, const ScenarioStepResult &step) const
{
    if (!scenario)
        return nullptr;
    const int index = step.invariant ? scenario->data(NameColumn, kStepCountRole).toInt() + step.index : step.index;
    return index >= 0 && index < scenario->childCount() ? scenario->child(index) : nullptr;
}

void ScenariosDock::showStep(const ScenarioStepResult &step)
{
    QTreeWidgetItem *item = stepItem(mRunning, step);
    if (!item)
        return;
    qDeleteAll(item->takeChildren());
    item->setText(ResultColumn, step.passed ? tr("✓ passed") : tr("✗ failed"));
    item->setText(DurationColumn, duration(step.durationMs));
    item->setForeground(ResultColumn, step.passed ? kPassed : kFailed);
    if (step.passed)
        return;
    setRowColour(item, kFailed);
    const QString file = item->data(NameColumn, FileRole).toString();
    const auto add = [&](QTreeWidgetItem *parent, const QString &text, RowKind kind) {
        auto *row = new QTreeWidgetItem(parent, {text});
        row->setData(NameColumn, KindRole, kind);
        row->setData(NameColumn, FileRole, file);
        row->setData(NameColumn, LineRole, step.line);
        row->setToolTip(NameColumn, text);
        row->setFirstColumnSpanned(true);
        return row;
    };
    const QString why = step.run > 0 ? tr("run %1: %2").arg(step.run + 1).arg(step.message) : step.message;
    QTreeWidgetItem *message = add(item, why, MessageRow);
    setRowColour(message, kFailed);
    if (!mFirstFailure)
        mFirstFailure = item;
    if (!step.hops.isEmpty()) {
        QTreeWidgetItem *hops = add(item, tr("Hops (%1)").arg(step.hops.size()), GroupRow);
        for (const QString &hop : step.hops) {
            QTreeWidgetItem *row = add(hops, hop, HopRow);
            // "source -> target[ (failed)]: detail": the target is the node it reached.
            static const QRegularExpression shape(u"^(.*?) -> (.*?)(?: \\(failed\\))?: "_s);
            const QRegularExpressionMatch match = shape.match(hop);
            if (match.hasMatch() && project()) {
                const Architecture &architecture = project()->architecture();
                for (const QString &name : {match.captured(2), match.captured(1)})
                    if (architecture.nodeByName(name)) {
                        row->setData(NameColumn, NodeRole, name);
                        break;
                    }
            }
        }
        hops->setExpanded(true);
    }
    if (!step.logs.isEmpty()) {
        QTreeWidgetItem *logs = add(item, tr("Function logs (%1)").arg(step.logs.size()), GroupRow);
        for (const QString &line : step.logs) {
            QTreeWidgetItem *row = add(logs, line, LogRow);
            row->setData(NameColumn, NodeRole, line.section(u": "_s, 0, 0));
        }
        logs->setExpanded(true);
    }
    item->setExpanded(true);
}

void ScenariosDock::showResult(const ScenarioResult &result)
{
    QTreeWidgetItem *row = mRunning;
    if (!row)
        return;
    if (result.passed)
        ++mPassed;
    else
        ++mFailed;
    QString text = result.passed ? tr("✓ passed") : tr("✗ failed");
    if (result.runs > 1)
        text = result.passed ? tr("✓ %n run(s) passed", nullptr, result.runs)
                             : tr("✗ run %1 of %2 failed (seed %3)")
                                   .arg(result.failedRun + 1)
                                   .arg(result.runs)
                                   .arg(result.failingSeed);
    row->setText(ResultColumn, text);
    row->setForeground(ResultColumn, result.passed ? kPassed : kFailed);
    row->setText(DurationColumn, seconds(result.durationMs));
    if (!result.error.isEmpty()) {
        auto *error = new QTreeWidgetItem({result.error});
        error->setData(NameColumn, KindRole, MessageRow);
        error->setFirstColumnSpanned(true);
        error->setToolTip(NameColumn, result.error);
        row->insertChild(0, error);
        setRowColour(error, kFailed);
    }
    if (!result.passed)
        setRowColour(row, kFailed);
    // Among many, a scenario that passed folds away: the failures stay open.
    if (result.passed && mBatch > 1)
        row->setExpanded(false);
    // Steps a stopped or failed run did not reach keep no mark.
}

void ScenariosDock::stop()
{
    mQueue.clear();
    if (mClock.isValid())
        mStopped = true;
    if (!mRunner)
        return;
    mRunner->cancel();
}

void ScenariosDock::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString node = item->data(NameColumn, NodeRole).toString();
    if (!node.isEmpty() && project()) {
        const Architecture &architecture = project()->architecture();
        // A dead-letter queue shows as its queue.
        if (architecture.nodeByName(node)) {
            emit nodeActivated(node);
            return;
        }
        if (node.endsWith("-dlq"_L1) && architecture.nodeByName(node.chopped(4))) {
            emit nodeActivated(node.chopped(4));
            return;
        }
    }
    const QString file = item->data(NameColumn, FileRole).toString();
    if (!file.isEmpty())
        emit fileActivated(file, std::max(1, item->data(NameColumn, LineRole).toInt()));
}

Result<QString> ScenariosDock::scenarioPath(const QString &projectPath, const QString &name)
{
    if (projectPath.isEmpty())
        return fail(tr("Save the project first: scenarios are kept beside its file."));
    QString file = name.trimmed();
    if (!ScenarioScaffold::isValidFileName(file))
        return fail(tr("'%1' cannot be a scenario's name: use letters, digits, spaces, '-' and '_', without '/' "
                       "or '..'.")
                        .arg(name));
    if (!file.endsWith(".yaml"_L1, Qt::CaseInsensitive) && !file.endsWith(".yml"_L1, Qt::CaseInsensitive))
        file += ".yaml"_L1;
    const QDir folder(QFileInfo(projectPath).dir().filePath(u"scenarios"_s));
    const QString path = folder.filePath(file);
    // Confined to scenarios/: no link may lead out of it.
    const QFileInfo info(path);
    if (info.isSymLink()
        || (info.exists() && QFileInfo(info.canonicalFilePath()).dir() != QDir(folder.canonicalPath())))
        return fail(tr("%1 leads out of the scenarios folder").arg(QDir::toNativeSeparators(path)));
    return QDir::cleanPath(path);
}

Result<QString> ScenariosDock::writeScenario(const QString &name, const QByteArray &yaml)
{
    if (mSaveHook && (projectPath().isEmpty() || !QFileInfo::exists(projectPath())) && !mSaveHook())
        return fail(QString());
    const Result<QString> path = scenarioPath(projectPath(), name);
    if (!path)
        return path;
    if (QFileInfo::exists(*path) && !(mOverwriteHook && mOverwriteHook(*path)))
        return fail(QString());
    if (!QDir().mkpath(QFileInfo(*path).absolutePath()))
        return fail(tr("Cannot make the folder %1").arg(QDir::toNativeSeparators(QFileInfo(*path).absolutePath())));
    QSaveFile out(*path);
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size() || !out.commit())
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(*path), out.errorString()));
    refresh();
    if (QTreeWidgetItem *row = scenarioItem(*path)) {
        mTree->clearSelection();
        row->setSelected(true);
        row->setExpanded(true);
        mTree->scrollToItem(row);
    }
    emit message(tr("Wrote %1").arg(QDir::toNativeSeparators(*path)));
    return path;
}

QByteArray ScenariosDock::scenarioTemplate(const QString &name)
{
    QByteArray text;
    text += "# " + tr("A scenario: an integration test of the whole design, run on a fresh local cloud.").toUtf8()
            + '\n';
    text +=
        "# "
        + tr("Steps act (request, send-message, publish, put-object, put-item, put-event, invoke, advance)").toUtf8()
        + '\n';
    text += "# "
            + tr("and expect (expect-item, expect-object, expect-message, expect-hops, expect-log, expect-one-of),")
                  .toUtf8()
            + '\n';
    text += "# "
            + tr("within a time of the cloud's clock. Values captured from an answer are used as ${name}.").toUtf8()
            + '\n';
    text += "# " + tr("Run it from the Scenarios dock, or with: nimbus test PROJECT").toUtf8() + '\n';
    text += "name: " + name.toUtf8() + '\n';
    text += "steps:\n"
            "  - request: POST /items\n"
            "    body: {name: example}\n"
            "    expect: {status: 200}\n"
            "    capture: {id: body.id}\n"
            "  # - expect-item:\n"
            "  #     table: items\n"
            "  #     matches: {id: \"${id}\"}\n"
            "  #   within: 1m\n"
            "  # - expect-hops: [createItem, items]\n";
    return text;
}

Result<QString> ScenariosDock::createScenario(const QString &name)
{
    return writeScenario(name, scenarioTemplate(QFileInfo(name).completeBaseName()));
}

} // namespace Nimbus
