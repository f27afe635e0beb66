#pragma once

#include <QCommandLineOption>
#include <QObject>
#include <QPointer>

class QCommandLineParser;
class QTimer;

namespace Nimbus {

class MainWindow;

// The studio's demo and screenshot flags (README: --example, --select, --open-code,
// --invoke, --cost, --export, --local-cloud, --send, --scenarios, --welcome, --screenshot): it opens, selects,
// runs and shows what they ask for, and with --screenshot grabs the window once all of it
// has happened (the window painted, the design drawn, the invocation finished, the local
// cloud started, the export previewed), then quits. It waits for those signals, never
// for a fixed time; a generous deadline only keeps a run that never settles from hanging.
class DemoDriver : public QObject
{
    Q_OBJECT

public:
    explicit DemoDriver(QObject *parent = nullptr);

    // The flags, with their help, for main()'s parser.
    void addOptions(QCommandLineParser &parser) const;
    // Does what the parsed flags say with window, and shows it.
    void start(MainWindow &window, const QCommandLineParser &parser);

    // What the screenshot still waits for ("painted", "drawn", "invoked", "answered",
    // "scenarios", "export preview").
    QStringList pending() const;
    static constexpr int kDeadlineMs = 60000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool open(const QCommandLineParser &parser);
    void showWhatIsAsked(const QCommandLineParser &parser);
    void startCloud(const QCommandLineParser &parser);
    void invoke();
    void settle();
    void grab();

    MainWindow *mWindow = nullptr;
    const QCommandLineOption mExample;
    const QCommandLineOption mScreenshot;
    const QCommandLineOption mSelect;
    const QCommandLineOption mOpenCode;
    const QCommandLineOption mInvoke;
    const QCommandLineOption mCost;
    const QCommandLineOption mExport;
    const QCommandLineOption mLocalCloud;
    const QCommandLineOption mWelcome;
    const QCommandLineOption mSend;
    const QCommandLineOption mScenarios;

    QString mScreenshotFile; // empty: no screenshot
    bool mOpened = true;
    bool mPainted = false;
    bool mInvoking = false;
    bool mSending = false;
    bool mRunningScenarios = false;
    bool mGrabbed = false;
    QPointer<QWidget> mExportDialog;
    QTimer *mDeadline = nullptr;
};

} // namespace Nimbus
