// The studio's demo flags, run as README.md shows them: each --screenshot run waits for
// what it asked for (the design drawn, an invocation finished, the local cloud started,
// the export previewed) and writes its picture; a run whose project does not open fails.

#include "testutil.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

class tst_DemoDriver : public QObject
{
    Q_OBJECT

private slots:
    void screenshot_data();
    void screenshot();
    void missingExampleFails();

private:
    QTemporaryDir mDir;
};

void tst_DemoDriver::screenshot_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("example") << QStringList{"--example", "shop"};
    QTest::newRow("select") << QStringList{"--example", "shop", "--select", "processOrder"};
    QTest::newRow("local cloud") << QStringList{"--example", "shop", "--local-cloud", "--select", "orders"};
    QTest::newRow("open code and invoke") << QStringList{"--example", "shop", "--open-code", "getItem", "--invoke"};
    QTest::newRow("cost") << QStringList{"--example", "shop", "--cost", "5000000:spike-day"};
    QTest::newRow("export") << QStringList{"--example", "shop", "--export", "sam"};
    QTest::newRow("welcome") << QStringList{"--welcome"};
}

void tst_DemoDriver::screenshot()
{
    QFETCH(QStringList, arguments);
    const QString png = mDir.filePath(QStringLiteral("%1.png").arg(QTest::currentDataTag()).replace(' ', '-'));
    QProcess studio;
    QStringList all{"-platform", "offscreen"};
    all << arguments << "--screenshot" << png;
    studio.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus-studio"), all);
    QVERIFY(studio.waitForFinished(120000));
    QVERIFY2(studio.exitCode() == 0, studio.readAllStandardError().constData());
    QVERIFY2(!studio.readAllStandardError().contains("still waiting"), "the run settled before its deadline");
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 400 && image.height() >= 300);
}

void tst_DemoDriver::missingExampleFails()
{
    QProcess studio;
    studio.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus-studio"),
                 {"-platform", "offscreen", "--example", "no-such-example", "--screenshot",
                  mDir.filePath(QStringLiteral("missing.png"))});
    QVERIFY(studio.waitForFinished(60000));
    QCOMPARE(studio.exitCode(), 1);
}

QTEST_GUILESS_MAIN(tst_DemoDriver)
#include "tst_demodriver.moc"
