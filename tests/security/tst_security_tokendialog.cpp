// The Mint Token dialog's curl lines are made to be pasted into a shell, and the route's
// method and path in them come from the project, which may be a stranger's: each is one
// single-quoted word, so that a path full of shell metacharacters runs nothing.

#include "run/tokendialog.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class tst_SecurityTokenDialog : public QObject
{
    Q_OBJECT

private slots:
    void curlLineRunsNothing_data();
    void curlLineRunsNothing();
};

void tst_SecurityTokenDialog::curlLineRunsNothing_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("command substitution") << "GET"
                                          << "/x$(touch MARK)";
    QTest::newRow("backquotes") << "GET"
                                << "/x`touch MARK`";
    QTest::newRow("semicolon") << "GET"
                               << "/x;touch MARK";
    QTest::newRow("single quote") << "GET"
                                  << "/x';touch MARK;'";
    QTest::newRow("line break") << "GET"
                                << "/x\ntouch MARK";
    QTest::newRow("in the method") << "GET;touch MARK;"
                                   << "/x";
}

void tst_SecurityTokenDialog::curlLineRunsNothing()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString line = TokenDialog::curlLine(method, QStringLiteral("eyJhbGciOi..."),
                                               QStringLiteral("http://127.0.0.1:3000") + path);
    // The line as a user pastes it, curl standing in as a function that prints its words.
    QProcess shell;
    shell.setWorkingDirectory(dir.path());
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("curl() { printf '%s\\n' \"$@\"; }\n") + line});
    QVERIFY(shell.waitForFinished(5000));
    QCOMPARE(shell.exitCode(), 0);
    QVERIFY2(!QFileInfo::exists(dir.filePath(QStringLiteral("MARK"))), qPrintable(line));
    const QStringList words = QString::fromUtf8(shell.readAllStandardOutput()).split(QLatin1Char('\n'));
    QVERIFY2(words.size() >= 5, qPrintable(line));
    QCOMPARE(words.at(0), QStringLiteral("-X"));
    QCOMPARE(words.at(2), QStringLiteral("-H"));
    QCOMPARE(words.at(3), QStringLiteral("Authorization: Bearer eyJhbGciOi..."));
    // The URL is one word, a line break shown as a space.
    QVERIFY2(words.at(4).startsWith(QStringLiteral("http://127.0.0.1:3000/x")), qPrintable(words.at(4)));
}

QTEST_MAIN(tst_SecurityTokenDialog)
#include "tst_security_tokendialog.moc"
