// Java and .NET functions (issue 20 item 2): they run on the JDK or .NET of their runtime's
// version with Lambda's runtime interface client of the language, talking to the studio's
// Runtime API as a custom runtime's bootstrap does. Java runs on Debian's JDK with a
// stand-in client (tests/runtime/data/java/client: the official jar is on Maven Central,
// out of the tests' reach) started exactly as Lambda starts the official one; .NET, which
// Debian 12 does not ship, through a stand-in dotnet host that reports the command line
// Nimbus started it with.

#include "testutil.h"

#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionspec.h"
#include "runtime/instance.h"
#include "runtime/instancepool.h"
#include "runtime/runtimelocator.h"
#include "runtime/scaffold.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;
using namespace NimbusTest;
using namespace Qt::StringLiterals;

class tst_ManagedRuntimes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void javaRunsColdThenWarm();
    void javaHandlerError();
    void javaWithoutRuntimeClientSaysWhatIsMissing();
    void javaVersionMismatchIsAWarning();
    void dotnetStartsRuntimeSupport_data();
    void dotnetStartsRuntimeSupport();
    void dotnetUnbuiltSaysWhatToDo_data();
    void dotnetUnbuiltSaysWhatToDo();
    void scaffolds_data();
    void scaffolds();
    void runtimeChangeCarriesTheHandler();

private:
    void needsJdk();
    // A Java function built as Maven builds it: its class in target/classes, the runtime
    // client's jar in target/dependency (unless without).
    FunctionSpec javaFunction(const QString &name, const QString &runtime, bool withClient = true);
    InvocationResult run(InstancePool &pool, const QString &function, const QByteArray &event);
    static bool runTool(const QString &program, const QStringList &arguments);

    QTemporaryDir mDir;
    QString mClientJar;
};

bool tst_ManagedRuntimes::runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(program, arguments);
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void tst_ManagedRuntimes::initTestCase()
{
    qRegisterMetaType<InvocationResult>();
    QVERIFY(mDir.isValid());
    // The stand-in dotnet host comes first on PATH.
    const QString bin = mDir.filePath(u"bin"_s);
    QVERIFY(QDir().mkpath(bin));
    QVERIFY(QFile::copy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/dotnet/dotnet"), bin + "/dotnet"_L1));
    QFile::setPermissions(bin + "/dotnet"_L1, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("PATH", (bin + u':' + qEnvironmentVariable("PATH")).toLocal8Bit());
    RuntimeLocator::forgetVersions();
}

void tst_ManagedRuntimes::needsJdk()
{
    if (QStandardPaths::findExecutable(u"javac"_s).isEmpty() || QStandardPaths::findExecutable(u"jar"_s).isEmpty())
        QSKIP("no JDK (scripts/setup.sh test installs openjdk-17-jdk-headless)");
    if (mClientJar.isEmpty()) {
        const QString classes = mDir.filePath(u"client-classes"_s);
        QVERIFY(runTool(u"javac"_s,
                        {u"-d"_s, classes,
                         QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/java/client/com/amazonaws/services/"
                                                          "lambda/runtime/api/client/AWSLambda.java")}));
        mClientJar = mDir.filePath(u"runtime-client.jar"_s);
        QVERIFY(runTool(u"jar"_s, {u"cf"_s, mClientJar, u"-C"_s, classes, u"."_s}));
    }
}

FunctionSpec tst_ManagedRuntimes::javaFunction(const QString &name, const QString &runtime, bool withClient)
{
    const QString folder = mDir.filePath(name);
    if (!QFileInfo::exists(folder)) {
        copyTree(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/java/function"), folder);
        runTool(u"javac"_s, {u"-d"_s, folder + "/target/classes"_L1, folder + "/src/main/java/example/Orders.java"_L1});
        if (withClient) {
            QDir().mkpath(folder + "/target/dependency"_L1);
            QFile::copy(mClientJar, folder + "/target/dependency/aws-lambda-java-runtime-interface-client.jar"_L1);
        }
    }
    FunctionSpec s;
    s.name = name;
    s.runtime = runtime;
    s.handler = u"example.Orders::handle"_s;
    s.sourceDirectory = folder;
    s.timeoutSeconds = 20;
    s.memoryMB = 256;
    return s;
}

InvocationResult tst_ManagedRuntimes::run(InstancePool &pool, const QString &function, const QByteArray &event)
{
    QSignalSpy spy(&pool, &InstancePool::finished);
    pool.invoke(function, event);
    if (!spy.wait(60000))
        return {};
    return spy.first().first().value<InvocationResult>();
}

void tst_ManagedRuntimes::javaRunsColdThenWarm()
{
    needsJdk();
    InstancePool pool;
    pool.setFunction(javaFunction(u"orders"_s, u"java17"_s));
    const InvocationResult cold = run(pool, u"orders"_s, R"({"order":42})");
    QVERIFY2(cold.ok, qPrintable(QJsonDocument(cold.error).toJson() + cold.logs.join(u'\n').toUtf8()));
    const QJsonObject answer = QJsonDocument::fromJson(cold.resultJson).object();
    QCOMPARE(answer.value("event"_L1).toObject().value("order"_L1).toInt(), 42);
    QVERIFY2(answer.value("java"_L1).toString().startsWith("17"_L1), cold.resultJson.constData());
    // The heap is bounded by the memory size, as Lambda's Java runtime bounds it (85 %).
    const int heap = answer.value("heap"_L1).toInt();
    QVERIFY2(heap > 150 && heap <= 218, qPrintable(QString::number(heap)));
    QVERIFY(cold.coldStart);
    QVERIFY(cold.initDurationMs.has_value());
    QVERIFY(cold.reportLine().startsWith(u"REPORT RequestId: "_s + cold.requestId));
    QVERIFY2(cold.logs.join(u'\n').contains("got event"_L1), qPrintable(cold.logs.join(u'\n')));
    QVERIFY2(!cold.logs.join(u'\n').contains("wants Java"_L1), qPrintable(cold.logs.join(u'\n')));

    const InvocationResult warm = run(pool, u"orders"_s, R"({"order":43})");
    QVERIFY2(warm.ok, qPrintable(QJsonDocument(warm.error).toJson()));
    QVERIFY(!warm.coldStart);
    QCOMPARE(pool.instanceCount(u"orders"_s), 1);
    pool.stopAll();
}

void tst_ManagedRuntimes::javaHandlerError()
{
    needsJdk();
    InstancePool pool;
    pool.setFunction(javaFunction(u"failing"_s, u"java17"_s));
    const InvocationResult failed = run(pool, u"failing"_s, R"({"fail":true})");
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error.value("errorType"_L1).toString(), u"java.lang.IllegalStateException"_s);
    QCOMPARE(failed.error.value("errorMessage"_L1).toString(), u"handler failed"_s);
    pool.stopAll();
}

void tst_ManagedRuntimes::javaWithoutRuntimeClientSaysWhatIsMissing()
{
    needsJdk();
    InstancePool pool;
    pool.setFunction(javaFunction(u"noclient"_s, u"java17"_s, false));
    const InvocationResult failed = run(pool, u"noclient"_s, "{}");
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error.value("errorType"_L1).toString(), u"Runtime.ExitError"_s);
    QVERIFY2(failed.error.value("errorMessage"_L1)
                 .toString()
                 .contains("com.amazonaws:aws-lambda-java-runtime-interface-client"_L1),
             qPrintable(failed.error.value("errorMessage"_L1).toString()));
}

void tst_ManagedRuntimes::javaVersionMismatchIsAWarning()
{
    needsJdk();
    const RuntimeLocator::Interpreter java21 = RuntimeLocator::locate(u"java21"_s);
    if (java21.matches)
        QSKIP("a JDK 21 is installed: no mismatch to show");
    InstancePool pool;
    pool.setFunction(javaFunction(u"newer"_s, u"java21"_s));
    const InvocationResult r = run(pool, u"newer"_s, "{}");
    QVERIFY2(r.ok, qPrintable(QJsonDocument(r.error).toJson()));
    QVERIFY2(r.logs.join(u'\n').contains("java21 wants Java 21; it runs on Java "_L1), qPrintable(r.logs.join(u'\n')));
    pool.stopAll();
}

void tst_ManagedRuntimes::dotnetStartsRuntimeSupport_data()
{
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("args");
    const QString publish = u"bin/Release/net8.0/publish"_s;
    QTest::newRow("class library, published")
        << u"Orders::Orders.Function::Handler"_s << publish
        << QStringList{"Orders.dll", "Orders.deps.json", "Orders.runtimeconfig.json",
                       "Amazon.Lambda.RuntimeSupport.dll"}
        << u"exec --depsfile TASK/%1/Orders.deps.json --runtimeconfig TASK/%1/Orders.runtimeconfig.json "
           "TASK/%1/Amazon.Lambda.RuntimeSupport.dll Orders::Orders.Function::Handler"_s.arg(publish);
    QTest::newRow("class library, in the folder itself")
        << u"Orders::Orders.Function::Handler"_s << u"."_s
        << QStringList{"Orders.dll", "Amazon.Lambda.RuntimeSupport.dll"}
        << u"exec TASK/Amazon.Lambda.RuntimeSupport.dll Orders::Orders.Function::Handler"_s;
    QTest::newRow("executable assembly") << u"Orders"_s << publish << QStringList{"Orders.dll"}
                                         << u"exec TASK/%1/Orders.dll"_s.arg(publish);
}

void tst_ManagedRuntimes::dotnetStartsRuntimeSupport()
{
    QFETCH(QString, handler);
    QFETCH(QString, folder);
    QFETCH(QStringList, files);
    QFETCH(QString, args);
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
        QSKIP("curl is not installed (scripts/setup.sh test installs it)");
    QTemporaryDir code(mDir.filePath(u"dotnet-XXXXXX"_s));
    for (const QString &file : files) {
        QVERIFY(QDir().mkpath(QFileInfo(code.filePath(folder + u'/' + file)).path()));
        QVERIFY(writeAll(code.filePath(folder + u'/' + file), "not a real assembly"));
    }
    FunctionSpec spec;
    spec.name = u"dotnetorders"_s;
    spec.runtime = u"dotnet8"_s;
    spec.handler = handler;
    spec.sourceDirectory = QDir::cleanPath(code.path());
    spec.timeoutSeconds = 20;
    InstancePool pool;
    pool.setFunction(spec);
    const InvocationResult r = run(pool, spec.name, R"({"id":7})");
    QVERIFY2(r.ok, qPrintable(QJsonDocument(r.error).toJson() + r.logs.join(u'\n').toUtf8()));
    const QJsonObject answer = QJsonDocument::fromJson(r.resultJson).object();
    QCOMPARE(answer.value("args"_L1).toString(), args);
    QCOMPARE(answer.value("handler"_L1).toString(), handler);
    QCOMPARE(answer.value("event"_L1).toObject().value("id"_L1).toInt(), 7);
    QVERIFY(r.coldStart);
    QVERIFY(r.logs.join(u'\n').contains("dotnet started"_L1));
    pool.stopAll();
}

void tst_ManagedRuntimes::dotnetUnbuiltSaysWhatToDo_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("says");
    QTest::newRow("not built") << QStringList{"Function.cs"} << u"Orders.dll is not built"_s;
    QTest::newRow("no RuntimeSupport") << QStringList{"bin/Release/net8.0/publish/Orders.dll"}
                                       << u"add the Amazon.Lambda.RuntimeSupport package"_s;
}

void tst_ManagedRuntimes::dotnetUnbuiltSaysWhatToDo()
{
    QFETCH(QStringList, files);
    QFETCH(QString, says);
    QTemporaryDir code(mDir.filePath(u"unbuilt-XXXXXX"_s));
    for (const QString &file : files) {
        QVERIFY(QDir().mkpath(QFileInfo(code.filePath(file)).path()));
        QVERIFY(writeAll(code.filePath(file), "x"));
    }
    FunctionSpec spec;
    spec.name = u"unbuilt"_s;
    spec.runtime = u"dotnet8"_s;
    spec.handler = u"Orders::Orders.Function::Handler"_s;
    spec.sourceDirectory = code.path();
    InstancePool pool;
    pool.setFunction(spec);
    const InvocationResult r = run(pool, spec.name, "{}");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.value("errorType"_L1).toString(), u"Runtime.InvalidEntrypoint"_s);
    QVERIFY2(r.error.value("errorMessage"_L1).toString().contains(says),
             qPrintable(r.error.value("errorMessage"_L1).toString()));
}

void tst_ManagedRuntimes::scaffolds_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QString>("companion");
    QTest::addColumn<QStringList>("companionContains");
    QTest::newRow("java") << u"java21"_s << u"com.shop.Orders::handle"_s << u"src/main/java/com/shop/Orders.java"_s
                          << QStringList{"package com.shop;", "public class Orders",
                                         "public Map<String, Object> handle(Map<String, Object> event, Context"}
                          << u"pom.xml"_s
                          << QStringList{"<maven.compiler.release>21</maven.compiler.release>",
                                         "<artifactId>aws-lambda-java-runtime-interface-client</artifactId>",
                                         "<groupId>com.shop</groupId>"};
    QTest::newRow("dotnet") << u"dotnet8"_s << u"Orders::Orders.Function::Handler"_s << u"Function.cs"_s
                            << QStringList{"namespace Orders;", "public class Function",
                                           "public Dictionary<string, object> Handler("}
                            << u"Orders.csproj"_s
                            << QStringList{"<AssemblyName>Orders</AssemblyName>", "Amazon.Lambda.RuntimeSupport"};
}

void tst_ManagedRuntimes::scaffolds()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QString, file);
    QFETCH(QStringList, contains);
    QFETCH(QString, companion);
    QFETCH(QStringList, companionContains);
    QTemporaryDir folder;
    Project project(Catalog::builtin());
    project.setWorkingDirectory(folder.path());
    const NodeId function = project.addNode(u"function"_s, {}, u"orders"_s).valueOr(0);
    QVERIFY(project.setNodeProperty(function, u"runtime"_s, runtime));
    QVERIFY(project.setNodeProperty(function, u"handler"_s, handler));
    QString written;
    QVERIFY(Scaffold::ensure(project, function, &written));
    QCOMPARE(written, u"functions/orders/"_s + file);
    const QString text = QString::fromUtf8(readAll(folder.filePath(written)));
    for (const QString &part : contains)
        QVERIFY2(text.contains(part), qPrintable(part + u"\n"_s + text));
    const QString other = QString::fromUtf8(readAll(folder.filePath(u"functions/orders/"_s + companion)));
    for (const QString &part : companionContains)
        QVERIFY2(other.contains(part), qPrintable(part + u"\n"_s + other));
    QVERIFY(!text.contains("{{"_L1) && !other.contains("{{"_L1));
}

// A function still on the handler a new function gets follows its runtime into another
// language in one undo step; a handler the user wrote stays.
void tst_ManagedRuntimes::runtimeChangeCarriesTheHandler()
{
    Project project(Catalog::builtin());
    const NodeId function = project.addNode(u"function"_s, {}, u"get-item"_s).valueOr(0);
    auto handler = [&] {
        return project.architecture().node(function)->properties.value(u"handler"_s).toString(u"index.handler"_s);
    };
    QVERIFY(project.setNodeProperty(function, u"runtime"_s, u"java21"_s));
    QCOMPARE(handler(), u"getitem.Handler::handleRequest"_s);
    QVERIFY(project.setNodeProperty(function, u"runtime"_s, u"java17"_s));
    QCOMPARE(handler(), u"getitem.Handler::handleRequest"_s);
    QVERIFY(project.setNodeProperty(function, u"runtime"_s, u"dotnet8"_s));
    QCOMPARE(handler(), u"GetItem::GetItem.Function::FunctionHandler"_s);
    QVERIFY(project.setNodeProperty(function, u"runtime"_s, u"python3.12"_s));
    QCOMPARE(handler(), u"index.handler"_s);
    // One step each: undo brings back the runtime and the handler together.
    project.undoStack()->undo();
    QCOMPARE(handler(), u"GetItem::GetItem.Function::FunctionHandler"_s);
    QCOMPARE(project.architecture().node(function)->properties.value(u"runtime"_s).toString(), u"dotnet8"_s);
    project.undoStack()->undo();
    project.undoStack()->undo();
    project.undoStack()->undo();
    QCOMPARE(handler(), u"index.handler"_s);
    // A handler of the user's own is left alone.
    QVERIFY(project.setNodeProperty(function, u"handler"_s, u"src/api.main"_s));
    QVERIFY(project.setNodeProperty(function, u"runtime"_s, u"java21"_s));
    QCOMPARE(handler(), u"src/api.main"_s);
}

QTEST_GUILESS_MAIN(tst_ManagedRuntimes)
#include "tst_managedruntimes.moc"
