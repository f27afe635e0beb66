// A state machine's definition comes with a project, and projects come from strangers: the
// executor reads only a definition inside the project's folder, stops a machine that
// starts itself at the cloud's loop limit, ends a machine that loops through its states at
// AWS's history limit rather than freezing the studio, and refuses an oversized input.
// Each test fails when its protection is removed.

#include "cloudfixture.h"

#include "workflow/workflowengine.h"

#include <QTest>

#include <sys/stat.h>

using namespace Nimbus;
using namespace Qt::StringLiterals;

class TestSecurityWorkflows : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void definitionStaysInTheProject_data();
    void definitionStaysInTheProject();
    void selfStartingMachineIsStopped();
    void loopingMachineEndsAtTheHistoryLimit();
    void oversizedInputIsRefused();
    void fifoDefinitionDoesNotBlock();

private:
    NodeId machine(const QString &name, const QString &definitionPath);
    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
    QTemporaryDir outside;
};

void TestSecurityWorkflows::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestSecurityWorkflows::cleanup()
{
    f.reset();
}

NodeId TestSecurityWorkflows::machine(const QString &name, const QString &definitionPath)
{
    const NodeId id = f->project.addNode("state-machine", {}, name).valueOr(kInvalidNodeId);
    (void)f->project.setNodeProperty(id, "definition", definitionPath);
    return id;
}

void TestSecurityWorkflows::definitionStaysInTheProject_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("symlink"); // the path is a link inside the project to a file outside
    QTest::newRow("parent folder") << "../outside.asl.json" << false;
    QTest::newRow("absolute") << "/etc/passwd.json" << false;
    QTest::newRow("link out of the project") << "workflows/link.asl.json" << true;
}

void TestSecurityWorkflows::definitionStaysInTheProject()
{
    QFETCH(QString, path);
    QFETCH(bool, symlink);
    // A valid machine outside the project folder: reading it would run it.
    const QString target = outside.filePath("outside.asl.json");
    QFile file(target);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"j({"StartAt":"P","States":{"P":{"Type":"Pass","Result":"read from outside","End":true}}})j");
    file.close();
    QString relative = path;
    if (symlink) {
        QDir().mkpath(f->folder.filePath("workflows"));
        QVERIFY(QFile::link(target, f->folder.filePath(path)));
    } else if (path.startsWith("../")) {
        // ../outside.asl.json from the project folder: put the file there.
        QFile::copy(target, QDir(f->folder.path()).absoluteFilePath("../outside.asl.json"));
    }
    machine("m", relative);
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const Result<QString> started = f->cloud->workflows().startExecution("m", "{}");
    QVERIFY2(!started, "a definition outside the project was run");
    QVERIFY2(started.errorMessage().startsWith("InvalidDefinition"), qPrintable(started.errorMessage()));
    QFile::remove(QDir(f->folder.path()).absoluteFilePath("../outside.asl.json"));
}

void TestSecurityWorkflows::selfStartingMachineIsStopped()
{
    QDir().mkpath(f->folder.filePath("workflows"));
    QFile file(f->folder.filePath("workflows/again.asl.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"j({"StartAt":"Again","States":{"Again":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
        "Parameters":{"StateMachineArn":"${again}","Input":{}},"End":true}}})j");
    file.close();
    machine("again", "workflows/again.asl.json");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    std::optional<ExecutionRecord> done;
    QVERIFY(f->cloud->workflows().startExecution("again", "{}", {}, 0, [&](const ExecutionRecord &r) { done = r; }));
    QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 10000));
    // The deepest one could not start its child: the chain fails back up, bounded.
    QCOMPARE(done->status, "FAILED");
    QVERIFY(f->cloud->workflows().executions("again").size() <= f->cloud->loopLimit() + 1);
    bool stopped = false;
    for (const CloudLogEntry &e : f->cloud->log())
        stopped |= e.detail.contains("ExecutionLimitExceeded") || e.kind == CloudLogEntry::Kind::LoopStopped;
    QVERIFY(stopped || done->cause.contains("ExecutionLimitExceeded"));
}

void TestSecurityWorkflows::loopingMachineEndsAtTheHistoryLimit()
{
    QDir().mkpath(f->folder.filePath("workflows"));
    QFile file(f->folder.filePath("workflows/spin.asl.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A ring of Pass states with an exit no input takes: valid, and endless.
    file.write(R"j({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
        "B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Out"}],"Default":"A"},
        "Out":{"Type":"Succeed"}}})j");
    file.close();
    machine("spin", "workflows/spin.asl.json");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    std::optional<ExecutionRecord> done;
    QVERIFY(f->cloud->workflows().startExecution("spin", "{}", {}, 0, [&](const ExecutionRecord &r) { done = r; }));
    QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 20000));
    QCOMPARE(done->status, "FAILED");
    QCOMPARE(done->error, "States.Runtime");
    QVERIFY(done->cause.contains("25000"));
    QVERIFY(f->cloud->workflows().history(done->arn).size() <= WorkflowEngine::kHistoryLimit + 2);
}

void TestSecurityWorkflows::oversizedInputIsRefused()
{
    QDir().mkpath(f->folder.filePath("workflows"));
    QFile file(f->folder.filePath("workflows/m.asl.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"j({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})j");
    file.close();
    machine("m", "workflows/m.asl.json");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const QByteArray big = "{\"x\":\"" + QByteArray(WorkflowEngine::kPayloadLimit, 'a') + "\"}";
    const Result<QString> started = f->cloud->workflows().startExecution("m", big);
    QVERIFY(!started);
    QVERIFY(started.errorMessage().startsWith("InvalidExecutionInput"));
    QVERIFY(f->cloud->workflows().startExecution("m", "{\"x\":1}"));
}

// A definition that is a FIFO (an archive can carry one) would block the cloud's thread
// in open() until something wrote to it: it is refused at once as not a regular file.
void TestSecurityWorkflows::fifoDefinitionDoesNotBlock()
{
    QDir().mkpath(f->folder.filePath("workflows"));
    const QByteArray fifo = QFile::encodeName(f->folder.filePath("workflows/m.asl.json"));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    machine("m", "workflows/m.asl.json");
    QVERIFY(f->start(NimbusTest::LocalCloudFixture::NoServer));
    const Result<QString> started = f->cloud->workflows().startExecution("m", "{}");
    QVERIFY(!started);
    QVERIFY2(started.errorMessage().contains("not a regular file"), qPrintable(started.errorMessage()));
}

QTEST_MAIN(TestSecurityWorkflows)
#include "tst_security_workflows.moc"
