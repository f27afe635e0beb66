// Java and .NET functions from strangers (issue 20 item 2): the handler and the folders
// come with the project, and the command that starts the runtime client is built from
// them. A .NET handler's assembly names a file in the function's folder: one climbing
// out ("../x", a path) is refused, and a built folder that is a link leading out is not
// looked in; a Java class path leaves out folders that are links leading out. The
// handler itself always follows the main class or the runtime's DLL, so one starting
// with '-' is the client's argument, never the JVM's or dotnet's option. Each row fails
// when the check it proves goes.

#include "runtime/functionspec.h"
#include "runtime/instance.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class TestSecurityRuntimeClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void dotnetAssemblyStaysInTheFolder_data();
    void dotnetAssemblyStaysInTheFolder();
    void javaClassPathStaysInTheFolder();
    void handlerIsNeverAnOption_data();
    void handlerIsNeverAnOption();

private:
    static void touch(const QString &path);
    FunctionSpec spec(const QString &runtime, const QString &handler) const;

    std::unique_ptr<QTemporaryDir> mRoot;
    QString mCode; // the function's folder, inside the project's
};

void TestSecurityRuntimeClient::touch(const QString &path)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

void TestSecurityRuntimeClient::init()
{
    mRoot = std::make_unique<QTemporaryDir>();
    QVERIFY(mRoot->isValid());
    mCode = mRoot->filePath(QStringLiteral("project/functions/fn"));
    QVERIFY(QDir().mkpath(mCode));
    // What lies outside the function's folder: assemblies, jars and a runtime client.
    for (const char *file :
         {"project/functions/Evil.dll", "project/Evil.dll", "Evil.dll", "outside/Release/net8.0/publish/App.dll",
          "outside/Release/net8.0/publish/Amazon.Lambda.RuntimeSupport.dll", "jars/planted.jar"})
        touch(mRoot->filePath(QString::fromLatin1(file)));
    touch(mCode + QStringLiteral("/Amazon.Lambda.RuntimeSupport.dll"));
}

FunctionSpec TestSecurityRuntimeClient::spec(const QString &runtime, const QString &handler) const
{
    FunctionSpec s;
    s.name = QStringLiteral("fn");
    s.runtime = runtime;
    s.handler = handler;
    s.sourceDirectory = mCode;
    return s;
}

void TestSecurityRuntimeClient::dotnetAssemblyStaysInTheFolder_data()
{
    QTest::addColumn<QString>("handler");
    QTest::addColumn<bool>("binLink");
    QTest::newRow("parent, class library") << QStringLiteral("../Evil::Ns.C::M") << false;
    QTest::newRow("parent, executable") << QStringLiteral("../Evil") << false;
    QTest::newRow("two parents") << QStringLiteral("../../Evil::Ns.C::M") << false;
    QTest::newRow("built folder a link out") << QStringLiteral("App::Ns.C::M") << true;
    QTest::newRow("built folder a link out, executable") << QStringLiteral("App") << true;
}

void TestSecurityRuntimeClient::dotnetAssemblyStaysInTheFolder()
{
    QFETCH(QString, handler);
    QFETCH(bool, binLink);
    if (binLink)
        QVERIFY(QFile::link(mRoot->filePath(QStringLiteral("outside")), mCode + QStringLiteral("/bin")));
    const Result<Instance::Command> command = Instance::runtimeClientCommand(spec(QStringLiteral("dotnet8"), handler),
                                                                             QStringLiteral("/usr/bin/dotnet"));
    if (command) {
        for (const QString &argument : command->arguments)
            QVERIFY2(!argument.endsWith(QStringLiteral(".dll")) || argument.startsWith(mCode + QLatin1Char('/'))
                         || argument.contains(QStringLiteral("/runtimes/dotnet/")),
                     qPrintable(command->arguments.join(QLatin1Char(' '))));
        QVERIFY2(!command->arguments.join(QLatin1Char(' ')).contains(QStringLiteral("Evil")),
                 qPrintable(command->arguments.join(QLatin1Char(' '))));
        QVERIFY2(!binLink, qPrintable(command->arguments.join(QLatin1Char(' '))));
    }
}

void TestSecurityRuntimeClient::javaClassPathStaysInTheFolder()
{
    QVERIFY(QFile::link(mRoot->filePath(QStringLiteral("jars")), mCode + QStringLiteral("/lib")));
    QVERIFY(QDir().mkpath(mCode + QStringLiteral("/target/classes")));
    const Result<Instance::Command> command = Instance::runtimeClientCommand(
        spec(QStringLiteral("java21"), QStringLiteral("example.Handler::handleRequest")), QStringLiteral("java"));
    QVERIFY2(command, qPrintable(command.errorMessage()));
    const int cp = int(command->arguments.indexOf(QStringLiteral("-cp")));
    QVERIFY(cp >= 0);
    const QString classPath = command->arguments.at(cp + 1);
    QVERIFY2(classPath.contains(mCode + QStringLiteral("/target/classes")), qPrintable(classPath));
    QVERIFY2(!classPath.contains(mCode + QStringLiteral("/lib")), qPrintable(classPath));
}

void TestSecurityRuntimeClient::handlerIsNeverAnOption_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::newRow("java -XX") << QStringLiteral("java21") << QStringLiteral("-XX:OnOutOfMemoryError=touch /tmp/x");
    QTest::newRow("java -jar") << QStringLiteral("java17") << QStringLiteral("-jar");
    QTest::newRow("dotnet --depsfile") << QStringLiteral("dotnet8") << QStringLiteral("Fn::--depsfile::M");
}

void TestSecurityRuntimeClient::handlerIsNeverAnOption()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    touch(mCode + QStringLiteral("/Fn.dll"));
    const Result<Instance::Command> command = Instance::runtimeClientCommand(spec(runtime, handler),
                                                                             QStringLiteral("x"));
    QVERIFY2(command, qPrintable(command.errorMessage()));
    // The handler is the last argument, after the main class or the runtime client's DLL.
    QCOMPARE(command->arguments.last(), handler);
    const QString before = command->arguments.at(command->arguments.size() - 2);
    QVERIFY2(before.endsWith(QStringLiteral("AWSLambda")) || before.endsWith(QStringLiteral(".dll")),
             qPrintable(command->arguments.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestSecurityRuntimeClient)
#include "tst_security_runtimeclient.moc"
