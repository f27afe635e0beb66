// The runtime installer's extraction (issue 20 item 3): a tarball from a registry is
// not trusted to stay in its folder. Entries with an absolute path or "..", and links
// that lead outside, are refused and leave nothing behind.

#include "runtime/runtimeinstaller.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

namespace {

// A .tgz whose entries Python's tarfile writes as given (tar itself would clean them).
bool craftTarball(const QString &path, const QString &entries)
{
    const QString script = QStringLiteral("import io, sys, tarfile\n"
                                          "t = tarfile.open(sys.argv[1], 'w:gz')\n"
                                          "def add(name, data=b'x', link=None):\n"
                                          "    i = tarfile.TarInfo(name)\n"
                                          "    if link is not None:\n"
                                          "        i.type = tarfile.SYMTYPE; i.linkname = link; t.addfile(i)\n"
                                          "    else:\n"
                                          "        i.size = len(data); i.mode = 0o755; t.addfile(i, io.BytesIO(data))\n"
                                          "%1\n"
                                          "t.close()\n")
                               .arg(entries);
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, path});
    return python.waitForFinished(20000) && python.exitCode() == 0;
}

} // namespace

class TestSecurityRuntimeInstall : public QObject
{
    Q_OBJECT

private slots:
    void escapingEntriesAreRefused_data();
    void escapingEntriesAreRefused();
    void aWellFormedTarballExtracts();
};

void TestSecurityRuntimeInstall::escapingEntriesAreRefused_data()
{
    QTest::addColumn<QString>("entries");
    QTest::addColumn<QString>("said");
    QTest::newRow("absolute path") << "add('package/bin/node')\nadd('/tmp/nimbus-escaped')"
                                   << "outside the runtime's folder";
    QTest::newRow("dot dot") << "add('package/bin/node')\nadd('package/../../escaped')"
                             << "outside the runtime's folder";
    QTest::newRow("dot dot deep") << "add('package/lib/../../../../escaped')"
                                  << "outside the runtime's folder";
    QTest::newRow("link to an absolute path") << "add('package/bin/node')\nadd('package/etc', link='/etc')"
                                              << "a link leads outside";
    QTest::newRow("link climbing out") << "add('package/bin/node')\nadd('package/up', link='../../../..')"
                                       << "a link leads outside";
}

void TestSecurityRuntimeInstall::escapingEntriesAreRefused()
{
    QFETCH(QString, entries);
    QFETCH(QString, said);
    QTemporaryDir dir;
    const QString tarball = dir.filePath(QStringLiteral("evil.tgz"));
    QVERIFY(craftTarball(tarball, entries));
    const QString destination = dir.filePath(QStringLiteral("runtimes/node-22.0.0"));
    const Result<void> extracted = RuntimeInstaller::extract(tarball, destination);
    QVERIFY(!extracted);
    QVERIFY2(extracted.errorMessage().contains(said), qPrintable(extracted.errorMessage()));
    QVERIFY(!QFileInfo::exists(destination));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("escaped"))));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/nimbus-escaped")));
}

void TestSecurityRuntimeInstall::aWellFormedTarballExtracts()
{
    QTemporaryDir dir;
    const QString tarball = dir.filePath(QStringLiteral("good.tgz"));
    QVERIFY(craftTarball(tarball, QStringLiteral("add('package/bin/node')\n"
                                                 "add('package/lib/npm-cli.js')\n"
                                                 "add('package/bin/npm', link='../lib/npm-cli.js')")));
    const QString destination = dir.filePath(QStringLiteral("node-22.0.0"));
    const Result<void> extracted = RuntimeInstaller::extract(tarball, destination);
    QVERIFY2(extracted, qPrintable(extracted.errorMessage()));
    QVERIFY(QFileInfo(destination + QStringLiteral("/bin/node")).isFile());
    QVERIFY(QFileInfo(destination + QStringLiteral("/bin/npm")).isSymLink());
}

QTEST_GUILESS_MAIN(TestSecurityRuntimeInstall)
#include "tst_security_runtimeinstall.moc"
