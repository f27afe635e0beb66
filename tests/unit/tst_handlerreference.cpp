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
    QTest::newRow("java class") << "java21"
                                << "com.example.Handler"
                                << "handleRequest"
                                << QStringList{"src/main/java/com/example/Handler.java", "com/example/Handler.java"};
    QTest::newRow("java method") << "java17"
                                 << "example.Orders::handle"
                                 << "handle" << QStringList{"src/main/java/example/Orders.java", "example/Orders.java"};
    QTest::newRow("java trailing dot") << "java21"
                                       << "example."
                                       << "" << QStringList{};
    QTest::newRow("dotnet class library") << "dotnet8"
                                          << "Orders::Orders.Function::Handler"
                                          << "Handler" << QStringList{"Function.cs", "src/Orders/Function.cs"};
    QTest::newRow("dotnet executable") << "dotnet8"
                                       << "Orders"
                                       << "Main" << QStringList{"Program.cs", "src/Orders/Program.cs"};
    QTest::newRow("dotnet two parts") << "dotnet8"
                                      << "Orders::Handler"
                                      << "" << QStringList{};
    QTest::newRow("unknown runtime") << "ruby3.3"
                                     << "app.handler"
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
