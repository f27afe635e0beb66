// Lambda layers (issue 20 item 4): the layer kind and its extends connection, the
// validator's rules about them (the folder is the project's and exists, at most five a
// function, a runtime or architecture the layer is not built for is a warning naming
// both), the order Lambda stacks them in, and where they go on a worker's search paths.

#include "testutil.h"

#include "model/catalog.h"
#include "model/layerstack.h"
#include "model/validator.h"
#include "runtime/instance.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;
using namespace NimbusTest;

class tst_Layers : public QObject
{
    Q_OBJECT

private slots:
    void kindAndConnection();
    void rules_data();
    void rules();
    void stackOrder();
    void searchPaths();
};

void tst_Layers::kindAndConnection()
{
    const Catalog &catalog = Catalog::builtin();
    const NodeKind *layer = catalog.kind("layer");
    QVERIFY(layer);
    QCOMPARE(layer->category, QStringLiteral("Compute"));
    QCOMPARE(layer->iconFile, QStringLiteral("layer.svg"));
    QVERIFY(!layer->eventSource);
    QVERIFY(!layer->needsInvoker);
    QVERIFY(!layer->code.isValid());
    for (const char *property : {"folder", "compatibleRuntimes", "compatibleArchitectures", "description", "license"})
        QVERIFY2(layer->property(property), property);
    QCOMPARE(layer->defaultProperties("shared").value("folder").toString(), QStringLiteral("layers/shared"));
    QVERIFY(catalog.connectionRefusal("layer", "function", "extends").isEmpty());
    QVERIFY(!catalog.edgeType("extends")->carriesEvents);
    // A layer extends functions only, and only a layer extends.
    QVERIFY(!catalog.connectionRefusal("function", "layer", "extends").isEmpty());
    QVERIFY(!catalog.connectionRefusal("layer", "queue", "extends").isEmpty());
    QVERIFY(!catalog.connectionRefusal("layer", "function", "invokes").isEmpty());
}

void tst_Layers::rules_data()
{
    QTest::addColumn<QByteArray>("nodes");
    QTest::addColumn<QByteArray>("edges");
    QTest::addColumn<QString>("code"); // empty: no layer diagnostic
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QStringList>("words"); // the message names these

    const QByteArray f = R"(["f", "function", {"runtime": "nodejs20.x", "architecture": "x86_64"}])";
    QTest::newRow("fine") << "[" + f + R"(, ["lib", "layer", {"compatibleRuntimes": "nodejs20.x, nodejs22.x"}]])"
                          << QByteArray(R"([["lib", "f", "extends"]])") << QString() << QString() << QStringList();
    QTest::newRow("any runtime") << "[" + f + R"(, ["lib", "layer", {}]])" << QByteArray(R"([["lib", "f", "extends"]])")
                                 << QString() << QString() << QStringList();
    QTest::newRow("folder missing") << "[" + f + R"(, ["lib", "layer", {"folder": "layers/none"}]])"
                                    << QByteArray(R"([["lib", "f", "extends"]])") << "layer-folder-missing"
                                    << "error" << QStringList{"lib", "layers/none"};
    QTest::newRow("folder climbs out") << "[" + f + R"(, ["lib", "layer", {"folder": "../../etc"}]])"
                                       << QByteArray(R"([["lib", "f", "extends"]])") << "unsafe-path"
                                       << "error" << QStringList{"lib", "../../etc"};
    QTest::newRow("folder absolute") << "[" + f + R"(, ["lib", "layer", {"folder": "/etc"}]])"
                                     << QByteArray(R"([["lib", "f", "extends"]])") << "unsafe-path"
                                     << "error" << QStringList{"lib", "/etc"};
    QTest::newRow("runtime") << "[" + f + R"(, ["lib", "layer", {"compatibleRuntimes": "python3.12,python3.13"}]])"
                             << QByteArray(R"([["lib", "f", "extends"]])") << "layer-runtime"
                             << "warning" << QStringList{"'f'", "nodejs20.x", "'lib'", "python3.12, python3.13"};
    QTest::newRow("architecture") << "[" + f + R"(, ["lib", "layer", {"compatibleArchitectures": "arm64"}]])"
                                  << QByteArray(R"([["lib", "f", "extends"]])") << "layer-architecture"
                                  << "warning" << QStringList{"'f'", "x86_64", "'lib'", "arm64"};
    QByteArray five = "[" + f, fiveEdges = "[", six, sixEdges;
    for (int i = 1; i <= 5; ++i) {
        five += QStringLiteral(R"(, ["l%1", "layer", {"folder": "layers/lib"}])").arg(i).toUtf8();
        fiveEdges += QStringLiteral(R"(%1["l%2", "f", "extends"])").arg(i == 1 ? "" : ", ").arg(i).toUtf8();
    }
    six = five + R"(, ["l6", "layer", {"folder": "layers/lib"}]])";
    sixEdges = fiveEdges + R"(, ["l6", "f", "extends"]])";
    QTest::newRow("five layers") << five + "]" << fiveEdges + "]" << QString() << QString() << QStringList();
    QTest::newRow("six layers") << six << sixEdges << "too-many-layers"
                                << "error" << QStringList{"'f'", "6", "5"};
}

void tst_Layers::rules()
{
    QFETCH(QByteArray, nodes);
    QFETCH(QByteArray, edges);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QStringList, words);

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("functions/f"));
    QVERIFY(QDir(dir.path()).mkpath("layers/lib"));
    QVERIFY(writeAll(dir.filePath("functions/f/index.js"), "exports.handler = async () => 1;\n"));
    Project project(Catalog::builtin());
    QVERIFY(fillProject(project, parseArray(nodes.constData()), parseArray(edges.constData())));
    Validator validator(project.catalog(), project.architecture());
    validator.setProjectDirectory(dir.path());
    const QList<Diagnostic> diagnostics = validator.validate();
    QList<Diagnostic> found;
    QStringList all;
    for (const Diagnostic &d : diagnostics) {
        all.append(d.code + ": " + d.message);
        if (d.code.startsWith("layer-") || d.code == "too-many-layers" || d.code == "unsafe-path")
            found.append(d);
    }
    if (code.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(all.join('\n')));
        return;
    }
    QCOMPARE(found.size(), 1); // a refused folder is said once, not by two checks
    QCOMPARE(found.first().code, code);
    QCOMPARE(Diagnostic::severityName(found.first().severity), severity);
    for (const QString &word : std::as_const(words))
        QVERIFY2(found.first().message.contains(word), qPrintable(found.first().message));
}

void tst_Layers::stackOrder()
{
    Project project(Catalog::builtin());
    QVERIFY(fillProject(project, parseArray(R"([["f", "function", {}], ["g", "function", {}],
                                                 ["zeta", "layer", {}], ["alpha", "layer", {}]])"),
                        parseArray(R"([["zeta", "f", "extends"], ["alpha", "f", "extends"],
                                       ["alpha", "g", "extends"]])")));
    const Architecture &a = project.architecture();
    QStringList names;
    for (const Node *layer : LayerStack::of(a, a.nodeByName("f")->id))
        names.append(layer->name);
    // The order of connection, not of names: Lambda's Layers list.
    QCOMPARE(names, (QStringList{"zeta", "alpha"}));
    names.clear();
    for (const Node *function : LayerStack::functionsOf(a, a.nodeByName("alpha")->id))
        names.append(function->name);
    QCOMPARE(names, (QStringList{"f", "g"}));
    Node layer;
    layer.properties.insert("compatibleRuntimes", " nodejs20.x ,python3.12,, nodejs20.x");
    QCOMPARE(LayerStack::compatibleRuntimes(layer), (QStringList{"nodejs20.x", "python3.12"}));
}

void tst_Layers::searchPaths()
{
    FunctionSpec spec;
    spec.runtime = "nodejs22.x";
    spec.layers = {"/p/first", "/p/second"};
    Instance::LayerPaths paths = Instance::layerPaths(spec);
    // The last layer's files win, as in /opt: it comes first on every path.
    QCOMPARE(paths.nodePath, (QStringList{"/p/second/nodejs/node22/node_modules", "/p/first/nodejs/node22/node_modules",
                                          "/p/second/nodejs/node_modules", "/p/first/nodejs/node_modules"}));
    QVERIFY(paths.pythonPath.isEmpty());
    QCOMPARE(paths.binPath, (QStringList{"/p/second/bin", "/p/first/bin"}));
    QCOMPARE(paths.libraryPath, (QStringList{"/p/second/lib", "/p/first/lib"}));
    QCOMPARE(paths.opt, (QStringList{"/p/second", "/p/first"}));
    spec.runtime = "python3.12";
    paths = Instance::layerPaths(spec);
    QVERIFY(paths.nodePath.isEmpty());
    QCOMPARE(paths.pythonPath,
             (QStringList{"/p/second/python/lib/python3.12/site-packages",
                          "/p/first/python/lib/python3.12/site-packages", "/p/second/python", "/p/first/python"}));
}

QTEST_GUILESS_MAIN(tst_Layers)
#include "tst_layers.moc"
