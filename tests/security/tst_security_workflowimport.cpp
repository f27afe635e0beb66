// Templates from strangers (issue 17, issue 19 item 6): a state machine's DefinitionUri is
// read only from the template's folder. "../outside.json", an absolute path and a symbolic
// link that leads out are refused with a warning naming the machine, and nothing of the file
// they name reaches the project.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QByteArray kSecret = "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Pass\", \"Result\": \"secret-42\", "
                           "\"End\": true}}}";

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}
} // namespace

class tst_SecurityWorkflowImport : public QObject
{
    Q_OBJECT

private slots:
    void definitionUriStaysInTheFolder_data();
    void definitionUriStaysInTheFolder();
};

void tst_SecurityWorkflowImport::definitionUriStaysInTheFolder_data()
{
    QTest::addColumn<QString>("uri"); // {outside} is the folder beside the template's
    QTest::addColumn<QString>("why");
    QTest::newRow("parent") << u"../outside/flow.asl.json"_s << u"'..'"_s;
    QTest::newRow("absolute") << u"{outside}/flow.asl.json"_s << u"absolute"_s;
    QTest::newRow("link out") << u"linked/flow.asl.json"_s << u"symbolic link"_s;
    QTest::newRow("linked file") << u"flow-link.asl.json"_s << u"symbolic link"_s;
}

void tst_SecurityWorkflowImport::definitionUriStaysInTheFolder()
{
    QFETCH(QString, uri);
    QFETCH(QString, why);
    QTemporaryDir root;
    const QString folder = root.filePath(u"template"_s);
    const QString outside = root.filePath(u"outside"_s);
    QVERIFY(writeFile(outside + "/flow.asl.json"_L1, kSecret));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::link(outside, folder + "/linked"_L1));
    QVERIFY(QFile::link(outside + "/flow.asl.json"_L1, folder + "/flow-link.asl.json"_L1));
    uri.replace("{outside}"_L1, outside);
    const QByteArray text = "Resources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                            "      DefinitionUri: '"
                            + uri.toUtf8() + "'\n";
    QVERIFY(writeFile(folder + "/template.yaml"_L1, text));

    PluginRegistry registry(kPlugins);
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> read = ExportJob::import(folder + "/template.yaml"_L1, registry, project, u"sam"_s);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QString warnings;
    for (const Diagnostic &d : *read)
        if (d.severity == Diagnostic::Severity::Warning)
            warnings += d.message + u'\n';
    QVERIFY2(warnings.contains("Flow: the definition file "_L1) && warnings.contains("is refused"_L1)
                 && warnings.contains(why),
             qPrintable(warnings));
    // Nothing read: no machine, no file made, the secret nowhere in the project.
    QCOMPARE(project.architecture().nodeCount(), 0);
    QVERIFY(project.pendingCodeFiles().isEmpty());
    QVERIFY(!QJsonDocument(project.origins()).toJson().contains("secret-42"));
}

QTEST_GUILESS_MAIN(tst_SecurityWorkflowImport)
#include "tst_security_workflowimport.moc"
