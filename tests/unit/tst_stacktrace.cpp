#include "runtime/stacktrace.h"

#include <QJsonArray>
#include <QTest>

using namespace Nimbus;

// The places of an error's stack trace that are in the function's own code.
class tst_StackTrace : public QObject
{
    Q_OBJECT

private slots:
    void userLocations_data();
    void userLocations();
};

void tst_StackTrace::userLocations_data()
{
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("count");

    QTest::newRow("node esm") << QStringList{"at handler (file:///p/functions/f/index.mjs:2:18)",
                                             "at file:///opt/nimbus/runtime/bootstrap.mjs:107:30"}
                              << "/p/functions/f/index.mjs" << 2 << 18 << 1;
    QTest::newRow("node cjs, nested") << QStringList{"at parse (/p/functions/f/lib/util.js:10:5)",
                                                     "at exports.handler (/p/functions/f/index.js:4:10)"}
                                      << "/p/functions/f/lib/util.js" << 10 << 5 << 2;
    QTest::newRow("node syntax") << QStringList{"at /p/functions/f/index.js:3:1", "at wrapSafe (node:internal/x:1:1)"}
                                 << "/p/functions/f/index.js" << 3 << 1 << 1;
    QTest::newRow("encoded url") << QStringList{"at handler (file:///p/my%20fn/index.mjs:7:3)"} << "/p/my fn/index.mjs"
                                 << 7 << 3 << 1;
    QTest::newRow("dependency skipped") << QStringList{"at x (/p/functions/f/node_modules/lib/a.js:1:1)",
                                                       "at handler (/p/functions/f/index.js:9:2)"}
                                        << "/p/functions/f/index.js" << 9 << 2 << 1;
    QTest::newRow("python") << QStringList{"  File \"/opt/nimbus/runtime/bootstrap.py\", line 113, in main\n    x",
                                           "  File \"/p/functions/f/app.py\", line 8, in handler\n    return a()",
                                           "  File \"/p/functions/f/helpers.py\", line 3, in a\n    1/0"}
                            << "/p/functions/f/helpers.py" << 3 << 0 << 2;
    QTest::newRow("python syntax") << QStringList{"  File \"/opt/nimbus/runtime/bootstrap.py\", line 88, in load",
                                                  "  File \"/p/functions/f/app.py\", line 2"}
                                   << "/p/functions/f/app.py" << 2 << 0 << 1;
    QTest::newRow("other function") << QStringList{"at handler (/p/functions/other/index.js:1:1)"} << QString() << 0
                                    << 0 << 0;
}

void tst_StackTrace::userLocations()
{
    QFETCH(QStringList, frames);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, count);
    QJsonObject error{{"errorType", "Error"}, {"stackTrace", QJsonArray::fromStringList(frames)}};
    const QString dir = file.contains("my fn") ? QString("/p/my fn") : QString("/p/functions/f");
    const QList<SourceLocation> places = StackTrace::userLocations(error, dir);
    QCOMPARE(places.size(), count);
    if (count == 0)
        return;
    QCOMPARE(places[0].file, file);
    QCOMPARE(places[0].line, line);
    QCOMPARE(places[0].column, column);
}

QTEST_GUILESS_MAIN(tst_StackTrace)
#include "tst_stacktrace.moc"
