// File > Import reads the template on a worker thread: the window's event loop keeps
// turning meanwhile, a busy bar with Cancel shows in the status bar, and a cancelled
// import leaves the open project as it was.

#include "mainwindow.h"
#include "templateimport.h"

#include "export/pluginregistry.h"
#include "testutil.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

using namespace Nimbus;
using namespace NimbusTest;

class tst_TemplateImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void largeTemplateImportsWhileTheWindowResponds_data();
    void largeTemplateImportsWhileTheWindowResponds();
    void cancelledImportLeavesTheProject();
    void openingAnotherProjectCancelsTheImport();
    void failedImportIsReported();

private:
    // A SAM template with resources queues and as many functions they invoke.
    QString writeTemplate(int resources);
    // The import ended as cancelled, once; its worker, which ends on its own, is waited
    // for and what it read is thrown away.
    static void checkCancelled(const QSignalSpy &finished, const MainWindow &window);

    QTemporaryDir mDir;
};

void tst_TemplateImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIMBUS_PLUGIN_DIR", NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
    QVERIFY(!PluginRegistry::instance().importers().isEmpty());
}

QString tst_TemplateImport::writeTemplate(int resources)
{
    QByteArray yaml("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n"
                    "Resources:\n");
    for (int i = 0; i < resources / 2; ++i) {
        const QByteArray n = QByteArray::number(i);
        yaml += "  Jobs" + n + ":\n    Type: AWS::SQS::Queue\n";
        yaml += "  Worker" + n
                + ":\n    Type: AWS::Serverless::Function\n    Properties:\n"
                  "      CodeUri: src/worker"
                + n
                + "/\n      Handler: app.handler\n      Runtime: python3.12\n"
                  "      Events:\n        Batch:\n          Type: SQS\n          Properties:\n"
                  "            Queue: !GetAtt Jobs"
                + n + ".Arn\n";
    }
    const QString path = mDir.filePath(QStringLiteral("template-%1.yaml").arg(resources));
    writeAll(path, yaml);
    return path;
}

void tst_TemplateImport::checkCancelled(const QSignalSpy &finished, const MainWindow &window)
{
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!window.isImporting());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

void tst_TemplateImport::largeTemplateImportsWhileTheWindowResponds_data()
{
    QTest::addColumn<int>("resources");
    QTest::newRow("20") << 20;
    QTest::newRow("2000") << 2000;
}

void tst_TemplateImport::largeTemplateImportsWhileTheWindowResponds()
{
    QFETCH(int, resources);
    const QString path = writeTemplate(resources);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A timer on the GUI thread: it fires only while the event loop turns.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(1);
    QSignalSpy finished(&window, &MainWindow::importFinished);
    window.startImport(path);
    QVERIFY(window.isImporting()); // startImport returned before the import ended
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("importProgress")));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    qInfo("%d resources: the GUI thread's timer fired %d times during the import", resources, ticks);
    if (resources >= 2000)
        QVERIFY2(ticks > 10, qPrintable(QStringLiteral("the timer fired %1 times").arg(ticks)));
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("importProgress")));
    QCOMPARE(window.project()->architecture().nodeCount(), resources);
    QCOMPARE(window.project()->thread(), QThread::currentThread());
    QCOMPARE(window.project()->architecture().thread(), QThread::currentThread());
    // An imported project is edited like any other.
    QVERIFY(window.project()->addNode(QStringLiteral("topic"), {0, 0}));
    window.project()->undoStack()->setClean();
}

void tst_TemplateImport::cancelledImportLeavesTheProject()
{
    const QString path = writeTemplate(2000);
    MainWindow window;
    window.show();
    QVERIFY(window.openExample(QStringLiteral("shop")));
    Project *before = window.project();
    const int nodes = before->architecture().nodeCount();
    QSignalSpy finished(&window, &MainWindow::importFinished);
    window.startImport(path);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("importCancel"));
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    checkCancelled(finished, window);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.project(), before);
    QCOMPARE(window.project()->architecture().nodeCount(), nodes);
}

// A project opened while an import runs stays open: the import is cancelled, not
// applied over it later.
void tst_TemplateImport::openingAnotherProjectCancelsTheImport()
{
    const QString path = writeTemplate(2000);
    MainWindow window;
    window.show();
    QSignalSpy finished(&window, &MainWindow::importFinished);
    window.startImport(path);
    QVERIFY(window.isImporting());
    QVERIFY(window.openExample(QStringLiteral("shop")));
    Project *opened = window.project();
    checkCancelled(finished, window);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.project(), opened);
}

void tst_TemplateImport::failedImportIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("template.yaml"));
    writeAll(path, "AWSTemplateFormatVersion: x\nResources:\n  A: [1\n");
    TemplateImport import(path);
    QSignalSpy finished(&import, &TemplateImport::finished);
    import.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!import.errorString().isEmpty());
    QCOMPARE(import.takeProject(), nullptr);
}

QTEST_MAIN(tst_TemplateImport)
#include "tst_templateimport.moc"
