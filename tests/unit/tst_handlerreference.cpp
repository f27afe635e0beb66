#include "model/handlerreference.h"

#include <QTest>

using namespace Nimbus;

class tst_HandlerReference : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
};

void tst_HandlerReference::resolve_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("function");
    QTest::addColumn<QStringList>("candidates");

    QTest::newRow("node") << "nodejs20.x"
                          << "index.handler"
                          << "handler" << QStringList{"index.js", "index.mjs", "index.cjs"};
    QTest::newRow("node in folder") << "nodejs22.x"
                                    << "src/api.main"
                                    << "main" << QStringList{"src/api.js", "src/api.mjs", "src/api.cjs"};
    QTest::newRow("node nested export") << "nodejs20.x"
                                        << "app.handlers.get"
                                        << "handlers.get" << QStringList{"app.js", "app.mjs", "app.cjs"};
    QTest::newRow("python") << "python3.12"
                            << "app.handler"
                            << "handler" << QStringList{"app.py"};
    QTest::newRow("python package") << "python3.11"
                                    << "shop.orders.lambda_handler"
                                    << "lambda_handler" << QStringList{"shop/orders.py"};
    QTest::newRow("no function") << "python3.12"
                                 << "app"
                                 << "" << QStringList{};
    QTest::newRow("trailing dot") << "nodejs20.x"
                                  << "index."
                                  << "" << QStringList{};
    QTest::newRow("unknown runtime") << "java21"
                                     << "com.example.Handler"
                                     << "" << QStringList{};
}

void tst_HandlerReference::resolve()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handler);
    QFETCH(QString, function);
    QFETCH(QStringList, candidates);
    const HandlerReference ref = HandlerReference::resolve(runtime, handler);
    QCOMPARE(ref.isValid(), !candidates.isEmpty());
    QCOMPARE(ref.functionName, function);
    QCOMPARE(ref.candidates, candidates);
}

QTEST_GUILESS_MAIN(tst_HandlerReference)
#include "tst_handlerreference.moc"
