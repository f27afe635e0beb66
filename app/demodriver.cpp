#include "demodriver.h"

#include "actionmanager.h"
#include "canvas/canvasscene.h"
#include "cloud/cloudpanel.h"
#include "cost/costview.h"
#include "export/exportdialog.h"
#include "mainwindow.h"
#include "runtime/functionrunner.h"
#include "scenario/scenariosdock.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
QString text(const char *source)
{
    return QApplication::translate("main", source);
}
} // namespace

DemoDriver::DemoDriver(QObject *parent)
    : QObject(parent),
      mExample(u"example"_s, text(QT_TRANSLATE_NOOP("main", "Open a working copy of a bundled example.")), u"NAME"_s),
      mScreenshot(u"screenshot"_s, text(QT_TRANSLATE_NOOP("main", "Render the window to a PNG file and exit.")),
                  u"FILE"_s),
      mSelect(u"select"_s,
              text(QT_TRANSLATE_NOOP("main", "Select the node NAME (with --screenshot, to show its properties).")),
              u"NAME"_s),
      mOpenCode(u"open-code"_s, text(QT_TRANSLATE_NOOP("main", "Open the code of the function NAME in an editor tab.")),
                u"NAME"_s),
      mInvoke(u"invoke"_s,
              text(QT_TRANSLATE_NOOP("main", "Invoke the function shown in the Run panel once the window is up."))),
      mCost(u"cost"_s,
            text(QT_TRANSLATE_NOOP(
                "main",
                "Show the cost comparison at N requests a month with the traffic SHAPE (constant, business-hours, "
                "daily-peaks, spike-day).")),
            u"N[:SHAPE]"_s),
      mExport(u"export"_s,
              text(QT_TRANSLATE_NOOP(
                  "main", "Open the export dialog on TARGET (sam, serverless, terraform, knative, openfaas, azure, "
                          "cloudrun, scaleway).")),
              u"TARGET"_s),
      mLocalCloud(u"local-cloud"_s, text(QT_TRANSLATE_NOOP("main", "Start the local cloud once the window is up."))),
      mWelcome(u"welcome"_s, text(QT_TRANSLATE_NOOP("main", "Show the welcome page (with --screenshot)."))),
      mSend(u"send"_s,
            text(QT_TRANSLATE_NOOP("main", "With --local-cloud and --select ROUTE: send the route a request, "
                                           "\"[/path] [body]\", through the gateway.")),
            u"REQUEST"_s),
      mScenarios(u"scenarios"_s,
                 text(QT_TRANSLATE_NOOP("main", "Show the Scenarios dock and run every scenario of the project.")))
{ }

void DemoDriver::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {mCost, mExport, mLocalCloud, mSend, mScenarios, mExample, mSelect, mOpenCode, mInvoke, mScreenshot, mWelcome});
}

void DemoDriver::start(MainWindow &window, const QCommandLineParser &parser)
{
    mWindow = &window;
    mScreenshotFile = parser.value(mScreenshot);
    mOpened = open(parser);
    mWindow->installEventFilter(this);
    // A screenshot shows the default layout, whatever the last session left.
    if (!parser.isSet(mScreenshot))
        mWindow->restoreLayout();
    mWindow->show();
    // A screenshot run is not a session of the user's: it must not ask anything.
    if (!parser.isSet(mScreenshot))
        QTimer::singleShot(0, mWindow, [this] { mWindow->offerRecovery(); });
    showWhatIsAsked(parser);
    if (parser.isSet(mInvoke))
        QTimer::singleShot(0, this, &DemoDriver::invoke);
    if (mScreenshotFile.isEmpty())
        return;
    connect(mWindow->canvasScene(), &CanvasScene::buildFinished, this, &DemoDriver::settle);
    if (auto *dialog = qobject_cast<ExportDialog *>(mExportDialog.data()))
        connect(dialog, &ExportDialog::previewReady, this, &DemoDriver::settle);
    mDeadline = new QTimer(this);
    mDeadline->setSingleShot(true);
    connect(mDeadline, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "nimbus-studio: still waiting for %s; taking the screenshot anyway\n",
                     qPrintable(pending().join(", "_L1)));
        grab();
    });
    // The example's scenarios take a minute on two cores: the deadline waits for them.
    mDeadline->start(parser.isSet(mScenarios) ? 5 * kDeadlineMs : kDeadlineMs);
    settle();
}

bool DemoDriver::open(const QCommandLineParser &parser)
{
    if (parser.isSet(mExample))
        return mWindow->openExample(parser.value(mExample));
    if (!parser.positionalArguments().isEmpty())
        return mWindow->openFile(parser.positionalArguments().first());
    if (!parser.isSet(mScreenshot) || parser.isSet(mWelcome))
        mWindow->showWelcome(); // no project: the welcome page
    return true;
}

void DemoDriver::showWhatIsAsked(const QCommandLineParser &parser)
{
    if (parser.isSet(mSelect))
        mWindow->selectNode(parser.value(mSelect));
    if (parser.isSet(mOpenCode))
        mWindow->openFunctionCode(parser.value(mOpenCode));
    if (parser.isSet(mCost)) {
        const QStringList parts = parser.value(mCost).split(':'_L1);
        TrafficProfile::Shape shape;
        if (parts.size() > 1 && TrafficProfile::shapeFromId(parts.at(1), &shape))
            mWindow->costView()->setShape(shape);
        mWindow->costView()->setVolume(parts.first().toDouble());
        mWindow->showCost();
    }
    if (parser.isSet(mLocalCloud))
        startCloud(parser);
    if (parser.isSet(mScenarios)) {
        ScenariosDock *dock = mWindow->scenariosDock();
        mWindow->showScenarios();
        connect(
            dock, &ScenariosDock::runFinished, this,
            [this] {
            mRunningScenarios = false;
            settle();
            },
            Qt::SingleShotConnection);
        mRunningScenarios = dock->runAll();
        if (!mRunningScenarios)
            disconnect(dock, &ScenariosDock::runFinished, this, nullptr);
    }
    if (parser.isSet(mExport)) {
        ExportDialog *dialog = mWindow->showExportDialog();
        dialog->setTarget(parser.value(mExport));
        mExportDialog = dialog;
    }
}

void DemoDriver::startCloud(const QCommandLineParser &parser)
{
    mWindow->actionManager()->action(ActionIds::LocalCloud)->trigger();
    // The cloud's dock changes the layout: the selection is shown again in it.
    if (parser.isSet(mSelect))
        mWindow->selectNode(parser.value(mSelect));
    if (!parser.isSet(mSend))
        return;
    CloudPanel *panel = mWindow->cloudPanel();
    connect(
        panel, &CloudPanel::routeAnswered, this,
        [this] {
        mSending = false;
        settle();
        },
        Qt::SingleShotConnection);
    mSending = panel->addEntry(parser.value(mSend));
    if (!mSending)
        disconnect(panel, &CloudPanel::routeAnswered, this, nullptr);
}

void DemoDriver::invoke()
{
    mInvoking = true;
    connect(
        mWindow->runner(), &FunctionRunner::finished, this,
        [this] {
        mInvoking = false;
        settle();
        },
        Qt::SingleShotConnection);
    if (!mWindow->invokeFunction()) {
        disconnect(mWindow->runner(), &FunctionRunner::finished, this, nullptr);
        mInvoking = false;
    }
    settle();
}

QStringList DemoDriver::pending() const
{
    QStringList waiting;
    if (!mPainted)
        waiting.append(u"painted"_s);
    if (mWindow->canvasScene()->isBuilding())
        waiting.append(u"drawn"_s);
    if (mInvoking)
        waiting.append(u"invoked"_s);
    if (mSending)
        waiting.append(u"answered"_s);
    if (mRunningScenarios)
        waiting.append(u"scenarios"_s);
    if (auto *dialog = qobject_cast<ExportDialog *>(mExportDialog.data()); dialog && !dialog->isPreviewReady())
        waiting.append(u"export preview"_s);
    return waiting;
}

bool DemoDriver::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mWindow && event->type() == QEvent::Paint && !mPainted) {
        mPainted = true;
        QTimer::singleShot(0, this, &DemoDriver::settle);
    }
    return QObject::eventFilter(watched, event);
}

// Everything asked for has happened: what it posted (layouts, the cost view's rebuild,
// a fit to the view) runs first, then the window is grabbed.
void DemoDriver::settle()
{
    if (mScreenshotFile.isEmpty() || mGrabbed || !pending().isEmpty())
        return;
    QTimer::singleShot(0, this, [this] {
        if (pending().isEmpty())
            grab();
    });
}

void DemoDriver::grab()
{
    if (mGrabbed)
        return;
    mGrabbed = true;
    const bool saved = (mExportDialog ? mExportDialog->grab() : mWindow->grab()).save(mScreenshotFile, "PNG");
    if (!saved)
        std::fprintf(stderr, "nimbus-studio: cannot write %s\n", qPrintable(mScreenshotFile));
    QApplication::exit(saved && mOpened ? 0 : 1);
}

} // namespace Nimbus
