#include "costview.h"

#include "preferences/preferences.h"

#include "cloud/localcloud.h"
#include "cost/costreport.h"
#include "cost/pricingupdater.h"
#include "cost/reportcharts.h"
#include "costcharts.h"
#include "document/project.h"
#include "runtime/functionrunner.h"
#include "theme.h"
#include "workflow/workflowengine.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr int kVolumeSteps = 700; // 10^3 .. 10^10 requests, 100 steps a decade
constexpr int kDurationSteps = 400; // 1 ms .. 10 s
constexpr int kAllFunctions = -1;

int volumeToSlider(double v)
{
    return std::clamp(int(std::round((std::log10(std::max(1e3, v)) - 3) * 100)), 0, kVolumeSteps);
}

double sliderToVolume(int step)
{
    return std::round(std::pow(10, 3 + step / 100.0));
}

QString money(double amount, const QString &currency)
{
    return CostReport::money(amount, currency);
}

// How each option's compute is bought, one combo per option under "Commitment:";
// `changed` runs on every change.
template<typename Changed>
void addCommitments(QFormLayout *form, Changed changed)
{
    // One labelled combo a line: side by side, their long names would widen the options
    // pane and squeeze the charts.
    auto *row = new QWidget;
    row->setObjectName(u"commitments"_s);
    auto *layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    int line = 0;
    const struct
    {
        const char *name;
        CostOption::Kind kind;
        QString text;
    } combos[] = {
        {"serverlessCommitment", CostOption::Kind::Serverless, CostView::tr("Functions")},
        {"fleetCommitment", CostOption::Kind::VmFleet, CostView::tr("VMs")},
        {"containersCommitment", CostOption::Kind::Containers, CostView::tr("Containers")},
    };
    for (const auto &c : combos) {
        auto *combo = new QComboBox;
        combo->setObjectName(QLatin1String(c.name));
        combo->setAccessibleName(CostView::tr("%1: commitment").arg(c.text));
        combo->setToolTip(CostView::tr("%1: on demand, or at the catalog's rates under a commitment (no upfront). "
                                       "A commitment the catalog has no rate for stays on demand, as the notes say; "
                                       "a chosen commitment replaces the discount.")
                              .arg(c.text));
        for (const QString &id : CostOption::commitmentsFor(c.kind))
            combo->addItem(CostOption::commitmentName(id), id);
        QObject::connect(combo, &QComboBox::currentIndexChanged, row, changed);
        auto *label = new QLabel(c.text);
        label->setBuddy(combo);
        layout->addWidget(label, line, 0);
        layout->addWidget(combo, line++, 1);
    }
    layout->setColumnStretch(1, 1);
    form->addRow(CostView::tr("Commitment:"), row);
}

// The combos' choice on each option.
void applyCommitments(const QWidget *view, std::vector<CostOption> &options)
{
    for (CostOption &option : options) {
        const char *name = option.kind == CostOption::Kind::Serverless ? "serverlessCommitment"
                           : option.kind == CostOption::Kind::VmFleet  ? "fleetCommitment"
                                                                       : "containersCommitment";
        if (const auto *combo = view->findChild<QComboBox *>(QLatin1String(name)))
            option.commitment = combo->currentData().toString();
    }
}

QSlider *slider(const char *objectName, int minimum, int maximum, const QString &accessibleName)
{
    auto *slider = new QSlider(Qt::Horizontal);
    slider->setObjectName(QLatin1String(objectName));
    slider->setRange(minimum, maximum);
    slider->setAccessibleName(accessibleName);
    return slider;
}

template<typename Box>
Box *spinBox(const char *objectName, double minimum, double maximum, const QString &suffix)
{
    auto *box = new Box;
    box->setObjectName(QLatin1String(objectName));
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    return box;
}

// The form's labels name pairs of controls; each control gets its own name.
template<typename Widget>
Widget *named(Widget *widget, const QString &accessibleName)
{
    widget->setAccessibleName(accessibleName);
    return widget;
}

// Puts a slider and a spin box side by side in one row.
QWidget *pair(QWidget *slider, QWidget *box)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(slider, 1);
    layout->addWidget(box);
    return row;
}

// The lines real bills hide, one checkbox per group (and the logs' retention), under
// "Hidden lines:"; `changed` runs on every change.
void addHiddenLines(QFormLayout *form, const std::function<void()> &changed)
{
    auto *grid = new QWidget;
    grid->setObjectName(u"hiddenLines"_s);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    const struct
    {
        const char *name;
        QString text;
        bool on;
        QString tip;
    } boxes[] = {
        {"lineLogs", CostView::tr("Logs"), false,
         CostView::tr("CloudWatch Logs ingestion and storage of what each "
                      "invocation logs (measured with Use Measured Inputs)")},
        {"lineTransfer", CostView::tr("Data transfer out"), false,
         CostView::tr("The responses of the functions behind HTTP routes, sent to the internet")},
        {"lineNat", CostView::tr("NAT gateway"), true, CostView::tr("A NAT gateway for the functions in a VPC")},
        {"lineApiCache", CostView::tr("REST API cache (0.5 GB)"), false,
         CostView::tr("API Gateway caching, billed by the hour")},
        {"lineTableModes", CostView::tr("Table billing modes"), true,
         CostView::tr("Provisioned tables priced by capacity units; off: every table on demand")},
        {"lineStorageClasses", CostView::tr("Storage classes"), true,
         CostView::tr("Buckets priced by their storage class; off: every bucket Standard")},
    };
    int i = 0;
    for (const auto &b : boxes) {
        auto *box = new QCheckBox(b.text);
        box->setObjectName(QLatin1String(b.name));
        box->setChecked(b.on);
        box->setToolTip(b.tip);
        QObject::connect(box, &QCheckBox::toggled, grid, changed);
        layout->addWidget(box, i / 2, i % 2); // two columns: the options pane stays narrow
        ++i;
    }
    auto *retention = spinBox<QSpinBox>("logRetention", 0, 120, CostView::tr(" month(s) of logs"));
    named(retention, CostView::tr("Log retention"));
    retention->setValue(1);
    QObject::connect(retention, &QSpinBox::valueChanged, grid, changed);
    layout->addWidget(retention, 3, 0);
    form->addRow(CostView::tr("Hidden lines:"), grid);
}

// The checkboxes' choice on an option.
void applyHiddenLines(const QWidget *view, CostOption &option)
{
    auto on = [view](const char *name) {
        const auto *box = view->findChild<QCheckBox *>(QLatin1String(name));
        return box && box->isChecked();
    };
    option.logs = on("lineLogs");
    option.dataTransfer = on("lineTransfer");
    option.natGateway = on("lineNat");
    option.gatewayCacheGb = on("lineApiCache") ? 0.5 : 0;
    option.tableCapacity = on("lineTableModes");
    option.storageClasses = on("lineStorageClasses");
    if (const auto *retention = view->findChild<QSpinBox *>(u"logRetention"_s))
        option.logRetentionMonths = retention->value();
}

} // namespace

CostView::CostView(QWidget *parent) : QWidget(parent)
{
    mPricingDirectory = PricingCatalogs::defaultUserDirectory();
    mRebuild = new QTimer(this);
    mRebuild->setSingleShot(true);
    mRebuild->setInterval(0);
    connect(mRebuild, &QTimer::timeout, this, [this] {
        rebuildWorkload();
        recompute();
    });
    mMeasureExecutions = new QTimer(this);
    mMeasureExecutions->setSingleShot(true);
    mMeasureExecutions->setInterval(250);
    connect(mMeasureExecutions, &QTimer::timeout, this, &CostView::measureExecutions);
    buildUi();
    loadCatalogs();
    // Charts keep the colours they were made with: a theme switch draws them again.
    Theme::onPaletteChange(this, [this] {
        if (mEngine)
            refreshCharts();
    });
    connect(&mPriceUpdate, &QFutureWatcherBase::progressRangeChanged, this, [this](int minimum, int maximum) {
        if (mProgress)
            mProgress->setRange(minimum, maximum);
    });
    connect(&mPriceUpdate, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        if (mProgress)
            mProgress->setValue(value);
    });
    connect(&mPriceUpdate, &QFutureWatcherBase::finished, this, &CostView::priceUpdateDone);
}

// A download still running stops soon; it changes nothing once cancelled.
CostView::~CostView()
{
    mPriceUpdate.cancel();
}

void CostView::buildUi()
{
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(createWorkloadBox());
    formLayout->addWidget(createOptionsBox());
    auto *buttons = new QHBoxLayout;
    auto *report = new QPushButton(tr("Save Report..."));
    report->setObjectName(u"saveReport"_s);
    auto *update = new QPushButton(tr("Update Prices from URL..."));
    buttons->addWidget(report);
    buttons->addWidget(update);
    formLayout->addLayout(buttons);
    formLayout->addStretch();
    connect(report, &QPushButton::clicked, this, &CostView::saveReport);
    connect(update, &QPushButton::clicked, this, &CostView::updatePricesFromUrl);

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(form->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 4);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    QWidget *right = createResults();
    auto *splitter = new QSplitter;
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({scroll->minimumWidth(), 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

// Volume, traffic shape and how requests split, then the function rows.
QGroupBox *CostView::createWorkloadBox()
{
    auto *workloadBox = new QGroupBox(tr("Workload"));
    auto *w = new QFormLayout(workloadBox);
    mVolumeSlider = slider("volumeSlider", 0, kVolumeSteps, tr("Requests a month"));
    mVolume = named(new QDoubleSpinBox, tr("Requests a month"));
    mVolume->setObjectName(u"volume"_s);
    mVolume->setDecimals(0);
    mVolume->setRange(0, 1e12);
    mVolume->setGroupSeparatorShown(true);
    mVolume->setMinimumWidth(120);
    w->addRow(tr("Requests a month:"), pair(mVolumeSlider, mVolume));
    mVolumeHint = new QLabel;
    mVolumeHint->setWordWrap(true);
    mVolumeHint->setForegroundRole(QPalette::PlaceholderText);
    w->addRow(QString(), mVolumeHint);
    mShape = named(new QComboBox, tr("Traffic shape"));
    mShape->setObjectName(u"shape"_s);
    for (auto shape : {TrafficProfile::Shape::Constant, TrafficProfile::Shape::BusinessHours,
                       TrafficProfile::Shape::DailyPeaks, TrafficProfile::Shape::SpikeDay})
        mShape->addItem(TrafficProfile::fromShape(shape).name(), int(shape));
    auto *import = new QPushButton(tr("Import CSV..."));
    import->setToolTip(tr("Hourly or per-minute request counts, one per line, optionally after a time stamp"));
    w->addRow(tr("Traffic shape:"), pair(mShape, import));
    w->addRow(tr("Split:"), createEntries());
    mWorkloadForm = w;
    w->addRow(tr("Events:"), createEventInputs());
    w->setRowVisible(mEventInputs, false); // until the design has filters or archives
    w->addRow(tr("Workflows:"), createWorkflowInputs());
    w->setRowVisible(mWorkflowInputs, false); // until the design has state machines
    addFunctionRows(w);

    // The slider and the box mirror each other; either redraws at once.
    connect(mVolumeSlider, &QSlider::valueChanged, this, [this](int step) {
        if (!mUpdating && volumeToSlider(mVolume->value()) != step)
            mVolume->setValue(sliderToVolume(step));
    });
    connect(mVolume, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const QSignalBlocker block(mVolumeSlider);
        mVolumeSlider->setValue(volumeToSlider(v));
        mWorkload.monthlyRequests = v;
        recompute();
    });
    connect(mShape, &QComboBox::activated, this,
            [this] { setShape(TrafficProfile::Shape(mShape->currentData().toInt())); });
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Request Counts"), QString(),
                                                          tr("CSV files (*.csv);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !importProfile(path, &error))
            emit this->error(tr("Import Request Counts"), error);
    });
    return workloadBox;
}

// How the monthly requests split between entry points: a weight each, editable.
QTableWidget *CostView::createEntries()
{
    mEntries = new QTableWidget(0, 2);
    mEntries->setObjectName(u"entries"_s);
    mEntries->setHorizontalHeaderLabels({tr("Entry point"), tr("Share (weight)")});
    mEntries->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    mEntries->verticalHeader()->hide();
    mEntries->setMaximumHeight(88);
    mEntries->verticalHeader()->setDefaultSectionSize(mEntries->fontMetrics().height() + 6);
    mEntries->setToolTip(tr("How the monthly requests split between the routes and the services fed from outside"));
    connect(mEntries, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (mUpdating || item->column() != 1 || !mProject)
            return;
        bool ok = false;
        const double weight = item->text().toDouble(&ok);
        if (EntryPoint *e = mWorkload.entry(mEntries->item(item->row(), 0)->text()); e && ok && weight >= 0) {
            e->weight = weight;
            mWorkload.distribute(mProject->catalog(), mProject->architecture());
            recompute();
        } else {
            fillEntries(); // not a weight: show the one in use
        }
    });
    return mEntries;
}

namespace {

constexpr int kEventInputRole = Qt::UserRole; // on the name: "filter" or "replay"

QString filterInput(FilterLoad::Kind kind)
{
    switch (kind) {
    case FilterLoad::Kind::Trigger: return CostView::tr("Match rate of its filter criteria, %");
    case FilterLoad::Kind::Rule: return CostView::tr("Match rate of its pattern, %");
    case FilterLoad::Kind::Archive: return CostView::tr("Share archived (archive pattern), %");
    }
    return {};
}

} // namespace

// One row per filtered trigger, rule and archive pattern (the share of events that match)
// and per archive (GB replayed a month); the value column is editable.
QTableWidget *CostView::createEventInputs()
{
    mEventInputs = new QTableWidget(0, 3);
    mEventInputs->setObjectName(u"eventInputs"_s);
    mEventInputs->setAccessibleName(tr("Event inputs"));
    mEventInputs->setHorizontalHeaderLabels({tr("Node"), tr("Input"), tr("Value")});
    mEventInputs->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    mEventInputs->verticalHeader()->hide();
    mEventInputs->setMaximumHeight(110);
    mEventInputs->verticalHeader()->setDefaultSectionSize(mEventInputs->fontMetrics().height() + 6);
    mEventInputs->setToolTip(tr("The share of events each filter or rule pattern matches (100 % until set: every "
                                "event, the upper bound) and the GB replayed from each archive a month"));
    connect(mEventInputs, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (mUpdating || item->column() != 2 || !mProject)
            return;
        const QTableWidgetItem *name = mEventInputs->item(item->row(), 0);
        bool ok = false;
        const double value = item->text().toDouble(&ok);
        bool applied = false;
        if (name && name->data(kEventInputRole).toString() == "filter"_L1) {
            if (FilterLoad *f = mWorkload.filter(name->text()); f && ok && value >= 0 && value <= 100) {
                f->matchRate = value / 100;
                f->assumed = false;
                applied = true;
            }
        } else if (name) {
            if (ServiceLoad *s = mWorkload.service(name->text()); s && ok && value >= 0) {
                s->replayGb = value;
                applied = true;
            }
        }
        if (!applied) {
            fillEventInputs(); // not a share or a size: show the one in use
            return;
        }
        mWorkload.distribute(mProject->catalog(), mProject->architecture());
        recompute();
    });
    return mEventInputs;
}

void CostView::fillEventInputs()
{
    mUpdating = true;
    mEventInputs->setRowCount(0);
    auto addRow =
        [this](const QString &node, const QString &kind, const QString &input, double value, const QString &tip) {
        const int row = mEventInputs->rowCount();
        mEventInputs->insertRow(row);
        auto *name = new QTableWidgetItem(node);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setData(kEventInputRole, kind);
        name->setToolTip(tip);
        auto *what = new QTableWidgetItem(input);
        what->setFlags(what->flags() & ~Qt::ItemIsEditable);
        mEventInputs->setItem(row, 0, name);
        mEventInputs->setItem(row, 1, what);
        mEventInputs->setItem(row, 2, new QTableWidgetItem(QLocale::c().toString(value)));
    };
    for (const FilterLoad &f : mWorkload.filters)
        addRow(f.name, u"filter"_s, filterInput(f.kind), f.matchRate * 100,
               f.assumed ? tr("%1\nAssumed: every event matches").arg(f.pattern) : f.pattern);
    for (const ServiceLoad &s : mWorkload.services)
        if (s.archive)
            addRow(s.name, u"replay"_s, tr("GB replayed from its archive a month"), s.replayGb,
                   tr("Replayed events are charged again and reach the bus's rules again"));
    mEventInputs->resizeColumnToContents(0);
    mWorkloadForm->setRowVisible(mEventInputs, mEventInputs->rowCount() > 0);
    mUpdating = false;
}

namespace {
constexpr int kWorkflowInputRole = Qt::UserRole; // on the name: "transitions" or "duration"

// The input's words, with where its value comes from.
QString workflowInput(const WorkflowLoad &w, bool duration)
{
    return duration ? CostView::tr("Duration of one execution (ms), %1").arg(w.durationOrigin())
                    : CostView::tr("Transitions per execution, %1").arg(w.transitionsOrigin());
}
} // namespace

QTableWidget *CostView::createWorkflowInputs()
{
    mWorkflowInputs = new QTableWidget(0, 3);
    mWorkflowInputs->setObjectName(u"workflowInputs"_s);
    mWorkflowInputs->setAccessibleName(tr("Workflow inputs"));
    mWorkflowInputs->setHorizontalHeaderLabels({tr("State machine"), tr("Input"), tr("Value")});
    mWorkflowInputs->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    mWorkflowInputs->verticalHeader()->hide();
    mWorkflowInputs->setMaximumHeight(110);
    mWorkflowInputs->verticalHeader()->setDefaultSectionSize(mWorkflowInputs->fontMetrics().height() + 6);
    mWorkflowInputs->setToolTip(tr("Each state machine's transitions per execution: the mean of its local "
                                   "executions once it has run, else counted along the likely path of its "
                                   "definition. A value typed here overrides both; clear it to go back."));
    connect(mWorkflowInputs, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (mUpdating || item->column() != 2 || !mProject)
            return;
        QTableWidgetItem *name = mWorkflowInputs->item(item->row(), 0);
        WorkflowLoad *w = name ? mWorkload.workflow(name->text()) : nullptr;
        if (!w)
            return;
        const bool duration = name->data(kWorkflowInputRole).toString() == "duration"_L1;
        double &typed = duration ? w->typedDurationMs : w->typedTransitions;
        const QString text = item->text().trimmed();
        bool ok = text.isEmpty();
        const double value = ok ? -1 : text.toDouble(&ok);
        if (ok && (text.isEmpty() || value >= 0))
            typed = value;
        // The row in place (rebuilding the table would delete the item being edited).
        mUpdating = true;
        item->setText(
            QLocale::c().toString(duration ? mWorkload.workflowDurationMs(*w) : w->transitionsPerExecution()));
        mWorkflowInputs->item(item->row(), 1)->setText(workflowInput(*w, duration));
        mUpdating = false;
        recompute();
    });
    return mWorkflowInputs;
}

void CostView::fillWorkflowInputs()
{
    const bool updating = std::exchange(mUpdating, true);
    mWorkflowInputs->setRowCount(0);
    auto addRow = [this](const WorkflowLoad &w, bool duration, double value, const QString &tip) {
        const int row = mWorkflowInputs->rowCount();
        mWorkflowInputs->insertRow(row);
        auto *name = new QTableWidgetItem(w.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setData(kWorkflowInputRole, duration ? u"duration"_s : u"transitions"_s);
        name->setToolTip(tip);
        auto *what = new QTableWidgetItem(workflowInput(w, duration));
        what->setFlags(what->flags() & ~Qt::ItemIsEditable);
        what->setToolTip(tip);
        mWorkflowInputs->setItem(row, 0, name);
        mWorkflowInputs->setItem(row, 1, what);
        mWorkflowInputs->setItem(row, 2, new QTableWidgetItem(QLocale::c().toString(value)));
    };
    for (const WorkflowLoad &w : mWorkload.workflows) {
        addRow(w, false, w.transitionsPerExecution(),
               w.express ? tr("Express: billed by requests and duration; its transitions are not billed")
                         : tr("Standard: billed per state transition"));
        if (w.express)
            addRow(w, true, mWorkload.workflowDurationMs(w),
                   tr("Express: billed in 100 ms steps at 64 MB; only a running local cloud keeps Express "
                      "executions"));
    }
    mWorkflowInputs->resizeColumnToContents(0);
    mWorkloadForm->setRowVisible(mWorkflowInputs, mWorkflowInputs->rowCount() > 0);
    mUpdating = updating;
}

void CostView::setCloud(LocalCloud *cloud)
{
    if (mCloud)
        disconnect(&mCloud->workflows(), nullptr, this, nullptr);
    mCloud = cloud;
    if (mCloud)
        connect(&mCloud->workflows(), &WorkflowEngine::executionChanged, this, [this](const ExecutionRecord &e) {
            if (!e.running())
                mMeasureExecutions->start();
        });
    measureExecutions();
}

void CostView::measureExecutions()
{
    if (!mProject)
        return;
    if (const LocalCloud *cloud = mCloud) {
        // As the MCP server's cost tool measures them, the newest finished ones as from the state folder.
        mWorkload.useMeasuredExecutions([cloud](const QString &machine) {
            QList<ExecutionRecord> finished;
            for (const ExecutionRecord &e : cloud->workflows().executions(machine))
                if (!e.running() && finished.size() < Workload::kMeasuredExecutions)
                    finished.append(e);
            return finished;
        });
    } else if (const Result<int> read = mWorkload.useLocalExecutions(
                   Workload::localStateDirectory(mProject->directory()));
               !read) {
        emit message(read.errorMessage());
    }
    fillWorkflowInputs();
    recompute();
}

// One function's duration, memory and architecture; sliders and boxes mirror each other.
void CostView::addFunctionRows(QFormLayout *w)
{
    mFunction = named(new QComboBox, tr("Function"));
    mFunction->setObjectName(u"function"_s);
    w->addRow(tr("Function:"), mFunction);
    mDurationSlider = slider("durationSlider", 0, kDurationSteps, tr("Duration"));
    mDuration = named(spinBox<QDoubleSpinBox>("duration", 1, 900000, tr(" ms")), tr("Duration"));
    mDuration->setDecimals(1);
    w->addRow(tr("Duration:"), pair(mDurationSlider, mDuration));
    mMemorySlider = slider("memorySlider", 1, 80, tr("Memory"));
    mMemory = named(spinBox<QSpinBox>("memory", 128, 10240, tr(" MB")), tr("Memory"));
    mMemory->setSingleStep(64);
    w->addRow(tr("Memory:"), pair(mMemorySlider, mMemory));
    mArchitecture = named(new QComboBox, tr("Architecture"));
    mArchitecture->addItems({u"x86_64"_s, u"arm64"_s});
    mMeasured = new QPushButton(tr("Use Measured Inputs"));
    mMeasured->setObjectName(u"measured"_s);
    mMeasured->setToolTip(tr("Take each function's duration from the mean of its successful local runs, and show "
                             "what the runs measured and a right-size memory table (the Measured tab)"));
    w->addRow(tr("Architecture:"), pair(mArchitecture, mMeasured));

    // Sliders and boxes mirror each other; either redraws at once.
    connect(mDurationSlider, &QSlider::valueChanged, this, [this](int step) {
        if (!mUpdating)
            mDuration->setValue(std::round(std::pow(10, step / 100.0) * 10) / 10);
    });
    connect(mDuration, &QDoubleSpinBox::valueChanged, this, [this](double ms) {
        const QSignalBlocker block(mDurationSlider);
        mDurationSlider->setValue(int(std::round(std::log10(std::max(1.0, ms)) * 100)));
        applyFunctionEdits();
    });
    connect(mMemorySlider, &QSlider::valueChanged, this, [this](int step) {
        if (!mUpdating)
            mMemory->setValue(step * 128);
    });
    connect(mMemory, &QSpinBox::valueChanged, this, [this](int mb) {
        const QSignalBlocker block(mMemorySlider);
        mMemorySlider->setValue(std::max(1, mb / 128));
        applyFunctionEdits();
    });
    connect(mArchitecture, &QComboBox::currentIndexChanged, this, [this] { applyFunctionEdits(); });
    connect(mFunction, &QComboBox::currentIndexChanged, this, [this] { showFunction(); });
    connect(mMeasured, &QPushButton::clicked, this, &CostView::useMeasuredInputs);
}

void CostView::useMeasuredInputs()
{
    if (!mRunner)
        return;
    const int used = mWorkload.useMeasuredInputs(mRunner->history());
    measureExecutions();
    // What was measured is priced: the logs the runs wrote and the responses they sent.
    if (used) {
        for (const char *line : {"lineLogs", "lineTransfer"})
            if (auto *box = findChild<QCheckBox *>(QLatin1String(line))) {
                const QSignalBlocker once(box); // recomputed once, below
                box->setChecked(true);
            }
    }
    emit message(used ? tr("Durations of %n function(s) taken from their local runs.", nullptr, used)
                      : tr("No successful local runs yet: invoke the functions first."));
    showFunction();
    recompute();
}

// Provider, gateway, the VM fleet and containers; any change redraws.
QGroupBox *CostView::createOptionsBox()
{
    auto *optionsBox = new QGroupBox(tr("Options"));
    auto *o = new QFormLayout(optionsBox);
    mProvider = named(new QComboBox, tr("Provider"));
    mProvider->setObjectName(u"provider"_s);
    o->addRow(tr("Provider:"), mProvider);
    mFreeTier = new QCheckBox(tr("Count the free tier"));
    mFreeTier->setChecked(true);
    mGateway = named(new QComboBox, tr("Gateway"));
    mGateway->addItem(tr("From the routes"), u"auto"_s);
    mGateway->addItem(tr("None"), u"none"_s);
    mGateway->addItem(tr("HTTP API"), u"http"_s);
    mGateway->addItem(tr("REST API"), u"rest"_s);
    o->addRow(tr("Gateway:"), pair(mGateway, mFreeTier));
    mInstance = named(new QComboBox, tr("VM type"));
    mInstance->setObjectName(u"instance"_s);
    mSizing = named(new QComboBox, tr("Fleet sizing"));
    mSizing->addItem(tr("Hour by hour"), int(CostOption::Sizing::Autoscaled));
    mSizing->addItem(tr("Fixed for the peak"), int(CostOption::Sizing::FixedForPeak));
    o->addRow(tr("VM type:"), pair(mInstance, mSizing));
    mMinInstances = named(new QSpinBox, tr("Minimum VM count"));
    mMinInstances->setRange(0, 1000);
    mMinInstances->setValue(2);
    mMinInstances->setToolTip(tr("Fewest instances running at any time, for availability"));
    mUtilisation = named(new QSpinBox, tr("Target utilisation"));
    mUtilisation->setRange(5, 100);
    mUtilisation->setValue(60);
    mUtilisation->setSuffix(tr(" % CPU"));
    o->addRow(tr("At least:"), pair(mMinInstances, mUtilisation));
    mDiscount = named(new QSpinBox, tr("Commitment discount"));
    mDiscount->setRange(0, 90);
    mDiscount->setSuffix(tr(" % commitment"));
    mLoadBalancer = new QCheckBox(tr("Load balancer"));
    o->addRow(tr("Discount:"), pair(mDiscount, mLoadBalancer));
    addCommitments(o, [this] { recompute(); });
    mContainers = new QCheckBox(tr("Compare containers too (0.5 vCPU, 1 GB tasks)"));
    mContainers->setChecked(true);
    o->addRow(QString(), mContainers);
    addHiddenLines(o, [this] { recompute(); });

    connect(mProvider, &QComboBox::currentIndexChanged, this, [this] {
        fillProviderDependent();
        recompute();
    });
    for (QComboBox *box : {mGateway, mInstance, mSizing})
        connect(box, &QComboBox::currentIndexChanged, this, &CostView::recompute);
    for (QSpinBox *box : {mMinInstances, mUtilisation, mDiscount})
        connect(box, &QSpinBox::valueChanged, this, &CostView::recompute);
    for (QCheckBox *box : {mFreeTier, mLoadBalancer, mContainers})
        connect(box, &QCheckBox::toggled, this, &CostView::recompute);
    return optionsBox;
}

// The summary, the charts and the line items.
QWidget *CostView::createResults()
{
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    mSummary = new QLabel;
    mSummary->setObjectName(u"costSummary"_s);
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mSummary->setToolTip(tr("Sensitivity shows how far the break-even moves when every function runs twice as "
                            "long or half as long, or gets twice or half the memory: a break-even that moves little "
                            "is a comparison you can trust."));
    rightLayout->addWidget(mSummary);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"costTabs"_s);
    addChartTab(tabs, "volumeChart", tr("Cost by Volume"), [this](const std::vector<CostOption> &list) {
        return CostCharts::volumeChart(*mEngine, list, mWorkload.monthlyRequests, &mBreakEven);
    });
    addChartTab(tabs, "dayChart", tr("Busiest Day"), [this](const std::vector<CostOption> &list) {
        return CostCharts::dayChart(*mEngine, list, mWorkload.monthlyRequests);
    });
    addChartTab(tabs, "itemsChart", tr("Bill Breakdown"),
                [this](const std::vector<CostOption> &) { return CostCharts::itemsChart(mResults); });
    mBill = named(new QTreeWidget, tr("Bill"));
    mBill->setObjectName(u"bill"_s);
    mBill->setHeaderLabels({tr("Item"), tr("For"), tr("Quantity"), tr("Unit price"), tr("Cost"), tr("Source")});
    mBill->setAlternatingRowColors(true);
    tabs->addTab(mBill, tr("Line Items"));
    tabs->addTab(createMeasured(), tr("Measured"));
    rightLayout->addWidget(tabs, 1);
    return right;
}

// What the local runs measured, and each function's cost at each memory size.
QWidget *CostView::createMeasured()
{
    auto *page = new QWidget;
    page->setObjectName(u"measuredPage"_s);
    auto *layout = new QVBoxLayout(page);
    mMeasuredSummary = new QLabel;
    mMeasuredSummary->setObjectName(u"measuredSummary"_s);
    mMeasuredSummary->setWordWrap(true);
    layout->addWidget(mMeasuredSummary);
    mMeasuredTable = named(new QTableWidget(0, 5), tr("Measured figures"));
    mMeasuredTable->setObjectName(u"measuredTable"_s);
    mMeasuredTable->setHorizontalHeaderLabels({tr("Function"), tr("Figure"), tr("Value"), tr("Runs"), tr("Warning")});
    mMeasuredTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mMeasuredTable->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(mMeasuredTable, 1);
    mRightSizeNote = new QLabel;
    mRightSizeNote->setObjectName(u"rightSizeNote"_s);
    mRightSizeNote->setWordWrap(true);
    layout->addWidget(mRightSizeNote);
    const std::vector<int> &sizes = CostEngine::rightSizeMemoriesMb();
    mRightSizeTable = named(new QTableWidget(0, int(sizes.size()) + 1), tr("Right-size memory"));
    mRightSizeTable->setObjectName(u"rightSizeTable"_s);
    QStringList headers{tr("Function")};
    for (int mb : sizes)
        headers << tr("%1 MB").arg(mb);
    mRightSizeTable->setHorizontalHeaderLabels(headers);
    mRightSizeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(mRightSizeTable, 1);
    return page;
}

void CostView::fillMeasured()
{
    const bool on = mWorkload.measured;
    mMeasuredSummary->setText(on ? CostReport::measuredSummary(mWorkload)
                                 : tr("Nothing measured yet: Use Measured Inputs takes each function's figures from "
                                      "its local runs."));
    const std::vector<CostReport::MeasuredLine> lines = CostReport::measuredLines(mWorkload);
    mMeasuredTable->setRowCount(int(lines.size()));
    for (int i = 0; i < int(lines.size()); ++i) {
        const CostReport::MeasuredLine &line = lines[size_t(i)];
        const QString warning = CostReport::fewRunsWarning(line.measured);
        const QStringList cells{line.function, line.figure, CostReport::measuredValue(line),
                                QString::number(line.measured.runs), warning};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 2 || c == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!warning.isEmpty())
                item->setForeground(palette().color(QPalette::PlaceholderText));
            mMeasuredTable->setItem(i, c, item);
        }
    }
    mRightSizeNote->setText(on ? CostEngine::rightSizeAssumption() : QString());
    const QString currency = mResults.empty() ? QString() : mResults.front().currency;
    mRightSizeTable->setRowCount(int(mRightSize.size()));
    for (int i = 0; i < int(mRightSize.size()); ++i) {
        const CostEngine::RightSize &row = mRightSize[size_t(i)];
        auto *name = new QTableWidgetItem(row.function);
        name->setToolTip(CostReport::rightSizeBase(row));
        mRightSizeTable->setItem(i, 0, name);
        for (int c = 0; c < int(row.cells.size()); ++c) {
            auto *item = new QTableWidgetItem(CostReport::rightSizeCell(row.cells[size_t(c)], currency));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QFont font = item->font();
            font.setBold(c == row.cheapest);
            item->setFont(font);
            if (c == row.cheapest)
                item->setToolTip(tr("The cheapest size its runs fit in"));
            mRightSizeTable->setItem(i, c + 1, item);
        }
    }
    mRightSizeTable->resizeColumnsToContents();
    mMeasuredTable->resizeColumnsToContents();
}

void CostView::addChartTab(QTabWidget *tabs, const char *name, const QString &title, ChartMaker draw)
{
    auto *view = new QChartView(new QChart);
    view->setObjectName(QLatin1String(name));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260); // room for the axes' labels: a shorter dock scrolls
    tabs->addTab(view, title);
    mCharts.push_back({view, std::move(draw)});
}

void CostView::setPricingDirectory(const QString &directory)
{
    mPricingDirectory = directory;
    loadCatalogs();
    recompute();
}

void CostView::loadCatalogs()
{
    mCatalogs = PricingCatalogs::load(mPricingDirectory);
    for (const QString &e : mCatalogs.errors())
        emit message(e);
    const QString current = mProvider->currentData().toString();
    const QSignalBlocker block(mProvider);
    mProvider->clear();
    for (const QString &id : mCatalogs.providers()) {
        const auto c = mCatalogs.provider(id);
        mProvider->addItem(tr("%1 (%2, %3)").arg(c->providerName(), c->region(), c->currency()), id);
    }
    const int index = mProvider->findData(current.isEmpty() ? Preferences::instance().defaultProvider() : current);
    mProvider->setCurrentIndex(std::max(0, index));
    fillProviderDependent();
}

void CostView::fillProviderDependent()
{
    const auto catalog = mCatalogs.provider(mProvider->currentData().toString());
    const QString current = mInstance->currentData().toString();
    const QSignalBlocker block(mInstance);
    mInstance->clear();
    if (!catalog)
        return;
    for (const InstanceType &t : catalog->instances())
        mInstance->addItem(
            tr("%1 (%2 vCPU, %3 GiB)").arg(t.type, QLocale().toString(t.vcpu), QLocale().toString(t.memoryGiB)),
            t.type);
    mInstance->setCurrentIndex(std::max(0, mInstance->findData(current)));
    const bool containers = catalog->price(u"containers.vcpu.x86_64"_s) != nullptr;
    mContainers->setEnabled(containers);
    mLoadBalancer->setEnabled(catalog->price(u"loadBalancer.hours"_s) != nullptr);
    mGateway->setEnabled(!catalog->serverless().httpIncluded);
}

void CostView::setProject(Project *project, FunctionRunner *runner)
{
    if (mProject)
        disconnect(&mProject->architecture(), nullptr, this, nullptr);
    mProject = project;
    mRunner = runner;
    if (mProject) {
        // What the design prices: nodes, their properties and connections; moving a node
        // changes no price, so a drag does not reprice on every mouse move.
        const Architecture *a = &mProject->architecture();
        auto rebuild = [this] { mRebuild->start(); };
        connect(a, &Architecture::nodeAdded, this, rebuild);
        connect(a, &Architecture::nodeRemoved, this, rebuild);
        connect(a, &Architecture::nodeRenamed, this, rebuild);
        connect(a, &Architecture::nodePropertyChanged, this, rebuild);
        connect(a, &Architecture::edgeAdded, this, rebuild);
        connect(a, &Architecture::edgeRemoved, this, rebuild);
        connect(a, &Architecture::modelReset, this, rebuild);
    }
    mWorkload = Workload();
    rebuildWorkload();
    if (mProject)
        measureExecutions(); // and recomputes
    else
        recompute();
}

void CostView::rebuildWorkload()
{
    if (!mProject)
        return;
    // The design decides the functions, their memory and what they touch; what the user
    // typed here (durations, weights, volume, shape) carries over by name.
    Workload fresh = Workload::fromArchitecture(mProject->catalog(), mProject->architecture(), mProject->directory(),
                                                mProject->pendingCodeFiles());
    fresh.monthlyRequests = mWorkload.monthlyRequests;
    fresh.profile = mWorkload.profile;
    fresh.measured = mWorkload.measured;
    for (FunctionLoad &f : fresh.functions)
        if (const FunctionLoad *old = mWorkload.function(f.name)) {
            f.durationMs = old->durationMs;
            f.durationMeasured = old->durationMeasured;
            f.measured = old->measured;
            f.payloadKb = old->payloadKb;
            f.provisionedConcurrency = old->provisionedConcurrency;
        }
    for (EntryPoint &e : fresh.entries)
        if (const EntryPoint *old = mWorkload.entry(e.name))
            e.weight = old->weight;
    for (ServiceLoad &s : fresh.services)
        if (const ServiceLoad *old = mWorkload.service(s.name)) {
            s.storedGb = old->storedGb;
            s.itemKb = old->itemKb;
            s.replayGb = old->replayGb;
        }
    for (WorkflowLoad &w : fresh.workflows)
        if (const WorkflowLoad *old = mWorkload.workflow(w.name)) {
            w.measuredTransitions = old->measuredTransitions;
            w.measuredDurationMs = old->measuredDurationMs;
            w.typedTransitions = old->typedTransitions;
            w.typedDurationMs = old->typedDurationMs;
            w.mapItems = old->mapItems;
        }
    for (FilterLoad &f : fresh.filters)
        if (const FilterLoad *old = mWorkload.filter(f.name); old && old->kind == f.kind && !old->assumed) {
            f.matchRate = old->matchRate;
            f.assumed = false;
        }
    fresh.distribute(mProject->catalog(), mProject->architecture());
    mWorkload = std::move(fresh);

    mUpdating = true;
    const QString current = mFunction->currentText();
    mFunction->clear();
    mFunction->addItem(tr("All functions"), kAllFunctions);
    for (int i = 0; i < int(mWorkload.functions.size()); ++i)
        mFunction->addItem(mWorkload.functions[i].name, i);
    mFunction->setCurrentIndex(std::max(0, mFunction->findText(current)));
    mVolume->setValue(mWorkload.monthlyRequests);
    mVolumeSlider->setValue(volumeToSlider(mWorkload.monthlyRequests));
    mUpdating = false;
    fillEntries();
    fillEventInputs();
    fillWorkflowInputs();
    showFunction();
}

void CostView::fillEntries()
{
    mUpdating = true;
    mEntries->setRowCount(int(mWorkload.entries.size()));
    for (int i = 0; i < int(mWorkload.entries.size()); ++i) {
        const EntryPoint &e = mWorkload.entries[i];
        auto *name = new QTableWidgetItem(e.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setToolTip(e.service);
        mEntries->setItem(i, 0, name);
        mEntries->setItem(i, 1, new QTableWidgetItem(QLocale::c().toString(e.weight)));
    }
    mUpdating = false;
}

void CostView::showFunction()
{
    mUpdating = true;
    const int index = mFunction->currentData().toInt();
    const FunctionLoad *f = index >= 0 && index < int(mWorkload.functions.size()) ? &mWorkload.functions[index]
                            : mWorkload.functions.empty()                         ? nullptr
                                                                                  : &mWorkload.functions.front();
    if (f) {
        mDuration->setValue(f->durationMs);
        mDurationSlider->setValue(int(std::round(std::log10(std::max(1.0, f->durationMs)) * 100)));
        mMemory->setValue(f->memoryMb);
        mMemorySlider->setValue(std::max(1, f->memoryMb / 128));
        mArchitecture->setCurrentText(f->architecture);
        mDuration->setToolTip(f->durationMeasured ? tr("Mean of the local runs") : tr("Typed in"));
    }
    mUpdating = false;
}

void CostView::applyFunctionEdits()
{
    if (mUpdating)
        return;
    const int index = mFunction->currentData().toInt();
    for (int i = 0; i < int(mWorkload.functions.size()); ++i) {
        if (index != kAllFunctions && index != i)
            continue;
        FunctionLoad &f = mWorkload.functions[i];
        if (f.durationMs != mDuration->value())
            f.durationMeasured = false;
        f.durationMs = mDuration->value();
        f.memoryMb = mMemory->value();
        f.architecture = mArchitecture->currentText();
    }
    recompute();
}

double CostView::volume() const
{
    return mWorkload.monthlyRequests;
}

void CostView::setVolume(double monthlyRequests)
{
    mVolume->setValue(monthlyRequests); // redraws through valueChanged
}

void CostView::setShape(TrafficProfile::Shape shape)
{
    mWorkload.profile = TrafficProfile::fromShape(shape);
    const int index = mShape->findData(int(shape));
    if (index >= 0)
        mShape->setCurrentIndex(index);
    recompute();
}

bool CostView::importProfile(const QString &csvPath, QString *error)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(csvPath), file.errorString());
        return false;
    }
    const Result<TrafficProfile> imported = TrafficProfile::fromCsv(file.readAll());
    if (!imported) {
        *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(csvPath), imported.errorMessage());
        return false;
    }
    const TrafficProfile &profile = *imported;
    mWorkload.profile = profile;
    if (mShape->findData(int(TrafficProfile::Shape::Imported)) < 0)
        mShape->addItem(profile.name(), int(TrafficProfile::Shape::Imported));
    mShape->setCurrentIndex(mShape->findData(int(TrafficProfile::Shape::Imported)));
    // The counts are requests: they set the monthly volume too.
    setVolume(std::round(profile.total() * 730.0 / profile.periodHours()));
    recompute();
    return true;
}

std::vector<CostOption> CostView::options() const
{
    CostOption serverless;
    serverless.provider = mProvider->currentData().toString();
    serverless.freeTier = mFreeTier->isChecked();
    serverless.gateway = mGateway->currentData().toString();
    applyHiddenLines(this, serverless);
    CostOption fleet = serverless;
    fleet.kind = CostOption::Kind::VmFleet;
    fleet.instanceType = mInstance->currentData().toString();
    fleet.sizing = CostOption::Sizing(mSizing->currentData().toInt());
    fleet.minInstances = mMinInstances->value();
    fleet.targetUtilisation = mUtilisation->value() / 100.0;
    fleet.commitmentDiscountPct = mDiscount->value();
    fleet.loadBalancer = mLoadBalancer->isEnabled() && mLoadBalancer->isChecked();
    std::vector<CostOption> list{serverless, fleet};
    if (mContainers->isEnabled() && mContainers->isChecked()) {
        CostOption containers = fleet;
        containers.kind = CostOption::Kind::Containers;
        list.push_back(containers);
    }
    applyCommitments(this, list);
    return list;
}

void CostView::recompute()
{
    if (mUpdating)
        return;
    const std::vector<CostOption> list = options();
    if (list.front().provider.isEmpty())
        return;
    mEngine = std::make_unique<CostEngine>(mWorkload, mCatalogs);
    mResults.clear();
    for (const CostOption &o : list)
        mResults.push_back(mEngine->evaluate(o, mWorkload.monthlyRequests));
    mBreakEven = mEngine->breakEven(list[0], list[1]);
    mSensitivity = mEngine->sensitivity(list[0], list[1]);
    mRightSize = mWorkload.measured ? mEngine->rightSize(list[0], mWorkload.monthlyRequests)
                                    : std::vector<CostEngine::RightSize>();

    const double perSecond = mWorkload.monthlyRequests / (730.0 * 3600);
    mVolumeHint->setText(tr("%L1 requests a second on average; traffic shape: %2")
                             .arg(perSecond, 0, 'f', 2)
                             .arg(mWorkload.profile.name()));
    mSummary->setText(summaryText());
    refreshCharts();

    mBill->clear();
    for (const CostResult &r : mResults) {
        auto *top = new QTreeWidgetItem(
            mBill, {r.label, QString(), QString(), QString(), r.ok() ? money(r.total(), r.currency) : r.error});
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        top->setFont(4, bold);
        for (const LineItem &item : r.items) {
            auto *line = new QTreeWidgetItem(
                top, {item.item, item.nodes,
                      u"%1 %2"_s.arg(QLocale().toString(item.quantity, 'f', item.quantity < 10 ? 2 : 0), item.unit),
                      u"%1 / %2"_s.arg(CostReport::unitPrice(item.unitPrice, QLocale()),
                                       QLocale().toString(item.per, 'f', 0)),
                      QLocale().toString(item.cost(), 'f', 2), item.source});
            line->setToolTip(5, tr("Effective %1: %2").arg(item.effective, item.source));
            line->setTextAlignment(2, Qt::AlignRight);
            line->setTextAlignment(4, Qt::AlignRight);
        }
        for (const QString &note : r.notes)
            new QTreeWidgetItem(top, {tr("Note: %1").arg(note)});
        top->setExpanded(true);
    }
    mBill->resizeColumnToContents(0);
    fillMeasured();

    QHash<NodeId, QString> badges;
    if (!mResults.empty() && mResults.front().ok())
        for (const FunctionLoad &f : mWorkload.functions) {
            const double amount = mResults.front().perFunction.value(f.name);
            const QString currency = mResults.front().currency;
            // A few tenths of a cent read "< 0.01", not a free "0.00".
            badges.insert(f.node,
                          amount > 0 && amount < 0.005
                              ? tr("%1 < %2/mo").arg(currency, QLocale().toString(0.01, 'f', 2))
                              : tr("%1 %2/mo").arg(currency, QLocale().toString(amount, 'f', amount < 100 ? 2 : 0)));
        }
    emit badgesChanged(badges);
}

QString CostView::summaryText() const
{
    QStringList parts;
    for (const CostResult &r : mResults)
        parts << tr("<b>%1</b>: %2")
                     .arg(r.label.toHtmlEscaped(), r.ok() ? money(r.total(), r.currency) : r.error.toHtmlEscaped());
    QString text =
        tr("Per month at %L1 requests: %2.").arg(mWorkload.monthlyRequests, 0, 'f', 0).arg(parts.join(u" · "_s));
    if (mResults.size() >= 2) {
        if (mBreakEven.found) {
            text += u"<br>"_s
                    + tr("Break-even with %1: <b>%L2 requests a month</b> (%L3 a second on average).")
                          .arg(mResults[1].label.toHtmlEscaped())
                          .arg(mBreakEven.volume, 0, 'f', 0)
                          .arg(mBreakEven.volume / (730.0 * 3600), 0, 'f', 1);
            QStringList sens;
            for (const CostEngine::Sensitivity &s : mSensitivity)
                sens << tr("%1 ×%2: %3")
                            .arg(s.parameter == "duration"_L1 ? tr("duration") : tr("memory"),
                                 QLocale().toString(s.factor),
                                 s.breakEven.found ? QLocale().toString(s.breakEven.volume, 'f', 0) : tr("none"));
            text += u"<br>"_s
                    + tr("Sensitivity, the break-even if every function's duration or memory were halved (×0.5) or "
                         "doubled (×2): %1.")
                          .arg(sens.join(tr("; ", "between the sensitivity's figures")));
        } else {
            text += u"<br>"_s + tr("No break-even: %1.").arg(mBreakEven.explanation.toHtmlEscaped());
        }
    }
    return text;
}

void CostView::refreshCharts()
{
    const std::vector<CostOption> list = options();
    for (const ChartTab &tab : mCharts) {
        QChart *old = tab.view->chart();
        tab.view->setChart(tab.draw(list));
        delete old;
    }
}

CostReport CostView::report() const
{
    CostReport report = CostReport::make(*mEngine, options(), mWorkload.monthlyRequests, 0, 1);
    if (mProject)
        report.projectName = mProject->displayName();
    ReportCharts::addToReport(report, *mEngine, options());
    return report;
}

bool CostView::writeReport(const QString &path, QString *error) const
{
    if (!mEngine) {
        *error = tr("nothing to report yet");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    Result<void> written;
    if (suffix == "csv"_L1)
        written = report().writeCsv(path);
    else if (suffix == "pdf"_L1)
        written = report().writePdf(path);
    else if (suffix == "html"_L1 || suffix == "htm"_L1)
        written = report().writeHtml(path);
    else
        written = fail(tr("%1: choose a .html, .pdf or .csv file").arg(QDir::toNativeSeparators(path)));
    if (!written)
        *error = written.errorMessage();
    return bool(written);
}

void CostView::saveReport()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Cost Report"), tr("cost-report.pdf"),
                                                      tr("PDF (*.pdf);;HTML (*.html);;CSV line items (*.csv)"),
                                                      &filter);
    if (path.isEmpty())
        return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = writeReport(path, &error);
    QApplication::restoreOverrideCursor();
    if (ok)
        emit message(tr("Cost report saved to %1").arg(QDir::toNativeSeparators(path)));
    else
        emit this->error(tr("Save Cost Report"), error);
}

void CostView::updatePricesFromUrl()
{
    if (isUpdatingPrices())
        return;
    bool ok = false;
    const QString address = QInputDialog::getText(this, tr("Update Prices from URL"),
                                                  tr("Address of a pricing catalog (https://...):"), QLineEdit::Normal,
                                                  u"https://"_s, &ok);
    if (ok && !address.trimmed().isEmpty())
        updatePricesFrom(QUrl(address.trimmed()));
}

void CostView::updatePricesFrom(const QUrl &url)
{
    if (isUpdatingPrices())
        return;
    mProgress = new QProgressDialog(tr("Downloading prices..."), tr("Cancel"), 0, 0, this);
    mProgress->setObjectName(u"priceProgress"_s);
    mProgress->setWindowModality(Qt::WindowModal);
    mProgress->setMinimumDuration(200);
    connect(mProgress, &QProgressDialog::canceled, &mPriceUpdate, &QFutureWatcherBase::cancel);
    mPriceUpdate.setFuture(PricingUpdater::update(url, mPricingDirectory));
}

void CostView::priceUpdateDone()
{
    if (mProgress)
        mProgress->deleteLater();
    // No result: cancelled before the catalog was installed. One that came after leaves the result.
    if (mPriceUpdate.future().resultCount() == 0) {
        emit message(tr("Price update cancelled; the prices in use are unchanged."));
        return;
    }
    const Result<QString> updated = mPriceUpdate.result();
    if (!updated) {
        emit error(tr("Update Prices from URL"), updated.errorMessage());
        return;
    }
    loadCatalogs();
    recompute();
    emit message(*updated);
}

} // namespace Nimbus
