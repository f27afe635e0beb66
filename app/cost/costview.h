#pragma once

#include "cost/costmodel.h"
#include "cost/costreport.h"
#include "result.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressDialog;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimer;
class QTreeWidget;
QT_END_NAMESPACE

namespace Nimbus {

class FunctionRunner;
class LocalCloud;
class Project;

// The cost view: the workload (volume, traffic shape, per-function duration, memory
// and architecture, how requests split between entry points) and the options
// (serverless provider, VM fleet, containers) on the left; totals, break-even and the
// charts on the right. Every change redraws at once.
class CostView : public QWidget
{
    Q_OBJECT

public:
    explicit CostView(QWidget *parent = nullptr);
    ~CostView() override;

    void setProject(Project *project, FunctionRunner *runner);
    // The running local cloud, or null: while it runs, the state machines' executions are
    // read from it (Express ones too, which only it keeps) and the view follows them.
    void setCloud(LocalCloud *cloud);
    // Each state machine's transitions per execution (an Express one's duration too) from
    // the local cloud's executions: the running cloud's, else those its state folder kept.
    void measureExecutions();
    void setPricingDirectory(const QString &directory); // where downloaded catalogs live
    QString pricingDirectory() const { return mPricingDirectory; }

    // For the studio and the tests: the state shown.
    double volume() const;
    void setVolume(double monthlyRequests);
    void setShape(TrafficProfile::Shape shape);
    bool importProfile(const QString &csvPath, QString *error);
    const Workload &workload() const { return mWorkload; }
    const std::vector<CostResult> &results() const { return mResults; }
    // With measured inputs on: each function at each memory size (CostEngine::rightSize).
    const std::vector<CostEngine::RightSize> &rightSize() const { return mRightSize; }
    // Measures every function from its local runs and prices the measured durations.
    void useMeasuredInputs();
    const CostEngine::BreakEven &breakEven() const { return mBreakEven; }
    std::vector<CostOption> options() const;
    CostReport report() const; // with the charts
    bool writeReport(const QString &path, QString *error) const; // .html, .pdf or .csv
    QString summaryText() const;
    bool isUpdatingPrices() const { return mPriceUpdate.isRunning(); }

public slots:
    void recompute();
    void saveReport();
    void updatePricesFromUrl(); // asks for the address
    // Downloads a catalog on a pool thread, with a progress dialog that can cancel;
    // ignored while one downloads.
    void updatePricesFrom(const QUrl &url);

signals:
    // Monthly cost of each function in the serverless option, for the canvas badges.
    void badgesChanged(const QHash<Nimbus::NodeId, QString> &badges);
    void message(const QString &text);
    // An operation failed (the window shows it without blocking).
    void error(const QString &title, const QString &message);

private:
    void buildUi();
    QGroupBox *createWorkloadBox();
    QTableWidget *createEntries();
    // The event inputs the design cannot tell: each filtered trigger's and rule's match
    // rate, each archive pattern's share and the GB replayed from each archive a month.
    QTableWidget *createEventInputs();
    void fillEventInputs();
    // One row per state machine: its transitions per execution (an Express one's duration
    // too), measured, estimated or typed in; a typed value overrides both, an empty one
    // goes back to them.
    QTableWidget *createWorkflowInputs();
    void fillWorkflowInputs();
    void addFunctionRows(QFormLayout *form);
    QGroupBox *createOptionsBox();
    QWidget *createResults();
    void rebuildWorkload();
    void loadCatalogs();
    void fillProviderDependent();
    void showFunction();
    void applyFunctionEdits();
    void fillEntries();
    // A chart tab of the results and how refreshCharts() draws it for the options.
    using ChartMaker = std::function<QChart *(const std::vector<CostOption> &options)>;
    struct ChartTab
    {
        QChartView *view;
        ChartMaker draw;
    };
    void addChartTab(QTabWidget *tabs, const char *name, const QString &title, ChartMaker draw);
    void refreshCharts();
    void priceUpdateDone();
    QWidget *createMeasured();
    void fillMeasured();

    Project *mProject = nullptr;
    FunctionRunner *mRunner = nullptr;
    QPointer<LocalCloud> mCloud;
    QTimer *mMeasureExecutions = nullptr; // executions finishing in a burst are read once
    QString mPricingDirectory;
    PricingCatalogs mCatalogs;
    Workload mWorkload;
    std::unique_ptr<CostEngine> mEngine;
    std::vector<CostResult> mResults;
    CostEngine::BreakEven mBreakEven;
    std::vector<CostEngine::Sensitivity> mSensitivity;
    std::vector<CostEngine::RightSize> mRightSize;
    bool mUpdating = false;
    QTimer *mRebuild = nullptr;
    QFutureWatcher<Result<QString>> mPriceUpdate;
    QPointer<QProgressDialog> mProgress;

    QSlider *mVolumeSlider = nullptr;
    QDoubleSpinBox *mVolume = nullptr;
    QLabel *mVolumeHint = nullptr;
    QComboBox *mShape = nullptr;
    QTableWidget *mEntries = nullptr;
    QFormLayout *mWorkloadForm = nullptr;
    QTableWidget *mEventInputs = nullptr;
    QTableWidget *mWorkflowInputs = nullptr;
    QComboBox *mFunction = nullptr;
    QSlider *mDurationSlider = nullptr;
    QDoubleSpinBox *mDuration = nullptr;
    QSlider *mMemorySlider = nullptr;
    QSpinBox *mMemory = nullptr;
    QComboBox *mArchitecture = nullptr;
    QPushButton *mMeasured = nullptr;
    QComboBox *mProvider = nullptr;
    QCheckBox *mFreeTier = nullptr;
    QComboBox *mGateway = nullptr;
    QComboBox *mInstance = nullptr;
    QComboBox *mSizing = nullptr;
    QSpinBox *mMinInstances = nullptr;
    QSpinBox *mUtilisation = nullptr;
    QSpinBox *mDiscount = nullptr;
    QCheckBox *mLoadBalancer = nullptr;
    QCheckBox *mContainers = nullptr;
    QLabel *mSummary = nullptr;
    std::vector<ChartTab> mCharts;
    QTreeWidget *mBill = nullptr;
    QLabel *mMeasuredSummary = nullptr;
    QTableWidget *mMeasuredTable = nullptr;
    QLabel *mRightSizeNote = nullptr;
    QTableWidget *mRightSizeTable = nullptr;
};

} // namespace Nimbus
