// `nimbus runtimes` (issue 20 item 3): the list, an install from a registry (a fake one on
// this machine, serving a Node.js whose node reports 22.42.0 and runs the real one), and a
// nodejs22.x function that `nimbus invoke` then runs on it without a warning; remove.

#include "registryserver.h"
#include "testutil.h"

#include "runtime/runtimeinstaller.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class TestRuntimesCli : public QObject
{
    Q_OBJECT

private slots:
    void installThenInvoke();

private:
    struct Ran
    {
        int code = -1;
        QString out;
        QString err;
    };
    Ran run(const QStringList &arguments);
    QTemporaryDir mDir;
};

TestRuntimesCli::Ran TestRuntimesCli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), mDir.filePath(QStringLiteral("xdg")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestRuntimesCli::installThenInvoke()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        QSKIP("node is not installed");
    // The package: package/bin/node, a stand-in for Node.js 22.42.0.
    QVERIFY(QDir().mkpath(mDir.filePath(QStringLiteral("pkg/package/bin"))));
    const QString script = mDir.filePath(QStringLiteral("pkg/package/bin/node"));
    QVERIFY(NimbusTest::writeAll(script, QStringLiteral("#!/bin/sh\n"
                                                        "if [ \"$1\" = --version ]; then echo v22.42.0; exit 0; fi\n"
                                                        "NIMBUS_FAKE_NODE=22.42.0 exec %1 \"$@\"\n")
                                             .arg(node)
                                             .toUtf8()));
    QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QProcess tar;
    tar.setWorkingDirectory(mDir.filePath(QStringLiteral("pkg")));
    tar.start(QStringLiteral("tar"), {QStringLiteral("-czf"), QStringLiteral("node.tgz"), QStringLiteral("package")});
    QVERIFY(tar.waitForFinished(20000) && tar.exitCode() == 0);
    const QByteArray tarball = NimbusTest::readAll(mDir.filePath(QStringLiteral("pkg/node.tgz")));
    NimbusTest::RegistryServer registry;
    QVERIFY(registry.begin());
    registry.serve(QStringLiteral("/node.tgz"), tarball);
    const QJsonObject dist{
        {QStringLiteral("tarball"), registry.origin() + QStringLiteral("/node.tgz")},
        {QStringLiteral("integrity"),
         QStringLiteral("sha512-")
             + QString::fromLatin1(QCryptographicHash::hash(tarball, QCryptographicHash::Sha512).toBase64())}};
    registry.serve(QLatin1Char('/') + RuntimeInstaller::packageName(),
                   QJsonDocument(QJsonObject{{QStringLiteral("versions"),
                                              QJsonObject{{QStringLiteral("22.42.0"),
                                                           QJsonObject{{QStringLiteral("dist"), dist}}}}}})
                       .toJson());

    const Ran installed = run({"runtimes", "install", "nodejs22.x", "--registry", registry.origin()});
    QVERIFY2(installed.code == 0, qPrintable(installed.err));
    QVERIFY2(installed.err.contains(QStringLiteral("Downloading")), qPrintable(installed.err));
    QVERIFY2(installed.out.contains(QStringLiteral("nodejs22.x runs on Node.js 22.42.0")), qPrintable(installed.out));

    const Ran listed = run({"runtimes"});
    const QString line = listed.out.split(QLatin1Char('\n')).filter(QStringLiteral("nodejs22.x")).value(0);
    QVERIFY2(line.contains(QStringLiteral("22.42.0")) && line.contains(QStringLiteral("installed by Nimbus")),
             qPrintable(listed.out));

    // A nodejs22.x function runs on it: the stand-in marks its process.
    QVERIFY(QDir().mkpath(mDir.filePath(QStringLiteral("p/fn"))));
    QVERIFY(
        NimbusTest::writeAll(mDir.filePath(QStringLiteral("p/fn/index.js")),
                             "exports.handler = async () => 'on ' + (process.env.NIMBUS_FAKE_NODE || 'another');\n"));
    QVERIFY(
        NimbusTest::writeAll(mDir.filePath(QStringLiteral("p/p.json")), R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "fn", "kind": "function",
                   "properties": {"runtime": "nodejs22.x", "handler": "index.handler", "source": "fn"}}],
        "edges": []})"));
    const Ran invoked = run({"invoke", mDir.filePath(QStringLiteral("p/p.json")), "fn"});
    QVERIFY2(invoked.code == 0, qPrintable(invoked.out + invoked.err));
    QVERIFY2(invoked.out.contains(QStringLiteral("\"on 22.42.0\"")), qPrintable(invoked.out));
    QVERIFY2(!invoked.out.contains(QStringLiteral("WARNING")), qPrintable(invoked.out));

    QCOMPARE(run({"runtimes", "remove", "nodejs22.x"}).code, 0);
    QCOMPARE(run({"runtimes", "install", "python3.12"}).code, 2);
}

QTEST_GUILESS_MAIN(TestRuntimesCli)
#include "tst_runtimescli.moc"
