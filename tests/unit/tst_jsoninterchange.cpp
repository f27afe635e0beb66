#include "storage/jsoninterchange.h"

#include "testutil.h"

using namespace Nimbus;
using namespace NimbusTest;

class tst_JsonInterchange : public QObject
{
    Q_OBJECT

private slots:
    void stableOutput();
    void exampleIsCanonical();
    void errors_data();
    void errors();
};

void tst_JsonInterchange::stableOutput()
{
    Project project(Catalog::builtin());
    QVERIFY(fillProject(project, parseArray(R"([["b", "queue", {}], ["a", "function", {}]])"),
                        parseArray(R"([["b", "a", "invokes"]])")));
    const QByteArray first = JsonInterchange::write(project.architecture());
    QCOMPARE(JsonInterchange::write(project.architecture()), first);

    JsonInterchange reader;
    QVERIFY(reader.read(first, "p.json"));
    Project copy(Catalog::builtin());
    copy.architecture().reset(reader.takeNodes(), reader.takeEdges());
    QCOMPARE(JsonInterchange::write(copy.architecture()), first);
    // Nodes keep their order (by id), not the order of their names.
    QVERIFY(first.indexOf("\"b\"") < first.indexOf("\"a\""));
}

void tst_JsonInterchange::exampleIsCanonical()
{
    // The bundled example is stored exactly as export-json writes it, so diffs stay clean.
    const QByteArray json = readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json"));
    JsonInterchange reader;
    const auto read = reader.read(json, "shop.json");
    QVERIFY2(read, qPrintable(read.errorMessage()));
    Project project(Catalog::builtin());
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    QCOMPARE(JsonInterchange::write(project.architecture()), json);
}

void tst_JsonInterchange::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("syntax") << QByteArray("{\n\"format\": \"nimbus-project\",\n\"nodes\": [}\n") << "p.json: line 3:";
    QTest::newRow("not a project") << QByteArray(R"({"nodes": []})") << "p.json: not a Nimbus project";
    QTest::newRow("no version") << QByteArray(R"({"format": "nimbus-project"})") << "'version' must be";
    QTest::newRow("newer") << QByteArray(R"({"format": "nimbus-project", "version": 3})")
                           << "newer version of Nimbus Studio (format 3";
    QTest::newRow("node without name") << QByteArray(
        R"({"format": "nimbus-project", "version": 1, "nodes": [{"kind": "queue"}]})")
                                       << "p.json: nodes[0]: 'name' must be a non-empty string";
    QTest::newRow("node without kind") << QByteArray(
        R"({"format": "nimbus-project", "version": 1, "nodes": [{"name": "q"}]})")
                                       << "nodes[0] (q): 'kind' must be";
    QTest::newRow("duplicate name") << QByteArray(R"({"format": "nimbus-project", "version": 1,
            "nodes": [{"name": "q", "kind": "queue"}, {"name": "q", "kind": "topic"}]})")
                                    << "nodes[1]: a node named 'q' already exists";
    QTest::newRow("bad position") << QByteArray(R"({"format": "nimbus-project", "version": 1,
            "nodes": [{"name": "q", "kind": "queue", "position": [1]}]})")
                                  << "nodes[0] (q): 'position' must be [x, y]";
    QTest::newRow("properties not object") << QByteArray(R"({"format": "nimbus-project", "version": 1,
            "nodes": [{"name": "q", "kind": "queue", "properties": [1]}]})")
                                           << "'properties' must be an object";
    QTest::newRow("edge to nowhere") << QByteArray(R"({"format": "nimbus-project", "version": 1,
            "nodes": [{"name": "q", "kind": "queue"}], "edges": [{"from": "q", "to": "fn", "type": "invokes"}]})")
                                     << "edges[0]: 'to' names no node: 'fn'";
    QTest::newRow("edge without type") << QByteArray(R"({"format": "nimbus-project", "version": 1,
            "nodes": [{"name": "q", "kind": "queue"}], "edges": [{"from": "q", "to": "q"}]})")
                                       << "edges[0]: 'type' must be";
}

void tst_JsonInterchange::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    JsonInterchange reader;
    const auto failed = reader.read(json, "p.json");
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains(error), qPrintable(failed.errorMessage()));
    QVERIFY(reader.takeNodes().empty());
}

QTEST_GUILESS_MAIN(tst_JsonInterchange)
#include "tst_jsoninterchange.moc"
