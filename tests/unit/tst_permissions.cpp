#include "model/catalog.h"
#include "model/permissions.h"

#include <QTest>

using namespace Nimbus;

// What each connection grants a function on AWS is data (resources/catalog/permissions.json),
// read by the exporters and the Inspector alike.
class tst_Permissions : public QObject
{
    Q_OBJECT

private slots:
    void builtinGrants_data();
    void builtinGrants();
    void everyAccessOfTheCatalogGrantsSomething();
    void brokenFilesSayWhere_data();
    void brokenFilesSayWhere();
};

void tst_Permissions::builtinGrants_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("onSource");
    QTest::addColumn<QStringList>("actions"); // every statement's, in order
    QTest::addColumn<QStringList>("resources"); // attribute + suffix of each statement
    QTest::newRow("writes a table") << "function"
                                    << "writes"
                                    << "table" << false
                                    << QStringList{"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                                                   "dynamodb:BatchWriteItem"}
                                    << QStringList{"Arn"};
    QTest::newRow("reads a bucket") << "function"
                                    << "reads"
                                    << "bucket" << false << QStringList{"s3:ListBucket", "s3:GetObject"}
                                    << QStringList{"Arn", "Arn/*"};
    QTest::newRow("publishes") << "function"
                               << "publishes"
                               << "topic" << false << QStringList{"sns:Publish"} << QStringList{"Ref"};
    QTest::newRow("calls") << "function"
                           << "calls"
                           << "function" << false << QStringList{"lambda:InvokeFunction"} << QStringList{"Arn"};
    QTest::newRow("reads a secret") << "function"
                                    << "reads"
                                    << "secret" << false
                                    << QStringList{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}
                                    << QStringList{"Ref"};
    QTest::newRow("writes a secret") << "function"
                                     << "writes"
                                     << "secret" << false << QStringList{"secretsmanager:PutSecretValue"}
                                     << QStringList{"Ref"};
    QTest::newRow("reads a parameter") << "function"
                                       << "reads"
                                       << "parameter" << false
                                       << QStringList{"ssm:GetParameter", "ssm:GetParameters",
                                                      "ssm:GetParametersByPath"}
                                       << QStringList{"Arn"};
    QTest::newRow("writes a parameter") << "function"
                                        << "writes"
                                        << "parameter" << false << QStringList{"ssm:PutParameter"}
                                        << QStringList{"Arn"};
    // Lambda sends an asynchronous invocation's record to its destination with the function's role.
    QTest::newRow("on failure, a queue") << "function"
                                         << "on-failure"
                                         << "queue" << false << QStringList{"sqs:SendMessage"} << QStringList{"Arn"};
    QTest::newRow("on success, a topic") << "function"
                                         << "on-success"
                                         << "topic" << false << QStringList{"sns:Publish"} << QStringList{"Ref"};
    QTest::newRow("on failure, a function")
        << "function"
        << "on-failure"
        << "function" << false << QStringList{"lambda:InvokeFunction"} << QStringList{"Arn"};
    QTest::newRow("on success, a bus") << "function"
                                       << "on-success"
                                       << "event-bus" << false << QStringList{"events:PutEvents"} << QStringList{"Arn"};
    QTest::newRow("a queue invokes") << "queue"
                                     << "invokes"
                                     << "function" << true
                                     << QStringList{"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}
                                     << QStringList{"Arn"};
    QTest::newRow("a stream invokes") << "table"
                                      << "invokes"
                                      << "function" << true
                                      << QStringList{"dynamodb:DescribeStream", "dynamodb:GetRecords",
                                                     "dynamodb:GetShardIterator", "dynamodb:ListStreams"}
                                      << QStringList{"StreamArn"};
    QTest::newRow("a route invokes: nothing in the role") << "http-route"
                                                          << "invokes"
                                                          << "function" << true << QStringList{} << QStringList{};
}

void tst_Permissions::builtinGrants()
{
    QFETCH(QString, from);
    QFETCH(QString, type);
    QFETCH(QString, to);
    QFETCH(bool, onSource);
    QFETCH(QStringList, actions);
    QFETCH(QStringList, resources);
    const Permissions::EdgeGrants grants = Permissions::aws().forEdge(from, type, to);
    QCOMPARE(grants.onSource, onSource);
    QStringList allActions, allResources;
    for (const IamGrant &grant : grants.grants) {
        allActions += grant.actions;
        allResources.append(grant.attribute + grant.suffix);
    }
    QCOMPARE(allActions, actions);
    QCOMPARE(allResources, resources);
}

// A function's access to a service that grants nothing would be denied once deployed.
void tst_Permissions::everyAccessOfTheCatalogGrantsSomething()
{
    for (const EdgeRule &rule : Catalog::builtin().rules()) {
        // A bus routing to a rule, a rule delivering to its targets, a function authorizing
        // a route's requests: the service's own doing, not a function's access.
        if (rule.type == QLatin1String("invokes") || rule.type == QLatin1String("authorizes")
            || !Catalog::builtin().kind(rule.from)->code.isValid())
            continue;
        QVERIFY2(!Permissions::aws().access(rule.to, rule.type).isEmpty(),
                 qPrintable(rule.from + ' ' + rule.type + ' ' + rule.to));
    }
}

void tst_Permissions::brokenFilesSayWhere_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{") << "p.json: ";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "nimbus-catalog-edges"})")
                                  << "p.json: 'format' must be \"nimbus-permissions\"";
    QTest::newRow("no type") << QByteArray(R"({"format": "nimbus-permissions", "accesses": [{"service": "table"}]})")
                             << "p.json: accesses[0]: 'service' and 'type' must be non-empty strings";
    QTest::newRow("no statement") << QByteArray(
        R"({"format": "nimbus-permissions", "triggers": [{"source": "queue", "statements": []}]})")
                                  << "p.json: triggers[0]: 'statements' must list at least one statement";
    QTest::newRow("no action") << QByteArray(R"({"format": "nimbus-permissions", "accesses": [{"service": "table",
                                   "type": "reads", "statements": [{"actions": []}]}]})")
                               << "p.json: accesses[0]: each statement must list its actions";
}

void tst_Permissions::brokenFilesSayWhere()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    Permissions permissions;
    const Result<void> loaded = permissions.load(json, "p.json");
    QVERIFY(!loaded);
    QVERIFY2(loaded.errorMessage().startsWith(message), qPrintable(loaded.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_Permissions)
#include "tst_permissions.moc"
