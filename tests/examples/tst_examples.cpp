#include "model/catalog.h"
#include "model/handlerreference.h"
#include "storage/jsoninterchange.h"

#include "testutil.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>

using namespace Nimbus;
using namespace NimbusTest;

// The bundled examples' handlers are real code: every one exists and compiles with the
// runtime it names (node --check, python3's compiler).
class tst_Examples : public QObject
{
    Q_OBJECT

private slots:
    void handlersCompile_data();
    void handlersCompile();
};

void tst_Examples::handlersCompile_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("file");

    const QDir examples(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples"));
    for (const QString &name : examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir dir(examples.filePath(name));
        JsonInterchange reader;
        QVERIFY(reader.read(readAll(dir.filePath(name + ".json")), name));
        for (const auto &[id, node] : reader.takeNodes()) {
            const NodeKind *kind = Catalog::builtin().kind(node.kind);
            if (!kind || !kind->code.isValid())
                continue;
            const QString runtime = node.properties.value(kind->code.runtimeProperty).toString();
            const HandlerReference ref = HandlerReference::resolve(
                runtime, node.properties.value(kind->code.handlerProperty).toString());
            const QDir source(dir.filePath(node.properties.value(kind->code.sourceProperty).toString()));
            QString found;
            for (const QString &candidate : ref.candidates)
                if (QFileInfo::exists(source.filePath(candidate)))
                    found = source.filePath(candidate);
            QVERIFY2(!found.isEmpty(), qPrintable(node.name));
            QTest::addRow("%s/%s", qPrintable(name), qPrintable(node.name)) << runtime << found;
        }
    }
}

void tst_Examples::handlersCompile()
{
    QFETCH(QString, runtime);
    QFETCH(QString, file);
    const bool node = HandlerReference::languageOf(runtime) == HandlerReference::Language::NodeJs;
    const QString program = QStandardPaths::findExecutable(node ? "node" : "python3");
    QVERIFY2(!program.isEmpty(), "node and python3 are installed by scripts/setup.sh");
    QProcess check;
    if (node)
        check.start(program, {"--check", file});
    else // compile without writing __pycache__ into the source tree
        check.start(program, {"-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", file});
    QVERIFY(check.waitForFinished(30000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
}

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_examples.moc"
