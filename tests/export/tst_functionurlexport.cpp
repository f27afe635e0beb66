// Function URLs exported (issue 20 item 5): SAM's FunctionUrlConfig, serverless.yml's
// url, Terraform's aws_lambda_function_url, with auth type, CORS origins and invoke mode;
// a function without a URL writes none.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;

class TestFunctionUrlExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void written_data();
    void written();

private:
    QByteArray exported(const QString &target, bool withUrl);
    std::unique_ptr<PluginRegistry> mRegistry;
    QTemporaryDir mFolder;
};

void TestFunctionUrlExport::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
}

QByteArray TestFunctionUrlExport::exported(const QString &target, bool withUrl)
{
    Project project(Catalog::builtin());
    project.setWorkingDirectory(mFolder.path());
    const NodeId f = project.addNode(QStringLiteral("function"), {}, QStringLiteral("stream")).valueOr(0);
    if (withUrl) {
        (void)project.setNodeProperty(f, QStringLiteral("functionUrl"), true);
        (void)project.setNodeProperty(f, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE"));
        (void)project.setNodeProperty(f, QStringLiteral("functionUrlCors"), QStringLiteral("https://example.com"));
        (void)project.setNodeProperty(f, QStringLiteral("invokeMode"), QStringLiteral("RESPONSE_STREAM"));
    }
    const ExporterInterface *exporter = mRegistry->exporter(target);
    if (!exporter)
        return {};
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(target),
                                                   ExportJob::input(project, target, options));
    QByteArray all;
    for (const ExportFile &file : output.files)
        all += file.content;
    return all;
}

void TestFunctionUrlExport::written_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::newRow("sam") << "sam"
                         << QByteArrayList{"FunctionUrlConfig:", "AuthType: NONE", "InvokeMode: RESPONSE_STREAM",
                                           "AllowOrigins:", "https://example.com"};
    QTest::newRow("serverless") << "serverless"
                                << QByteArrayList{"url:", "allowedOrigins:", "https://example.com",
                                                  "invokeMode: RESPONSE_STREAM"};
    QTest::newRow("terraform") << "terraform"
                               << QByteArrayList{"resource \"aws_lambda_function_url\" \"stream\"",
                                                 "authorization_type = \"NONE\"",
                                                 "invoke_mode        = \"RESPONSE_STREAM\"",
                                                 "allow_origins = [\"https://example.com\"]"};
}

void TestFunctionUrlExport::written()
{
    QFETCH(QString, target);
    QFETCH(QByteArrayList, expected);
    const QByteArray with = exported(target, true);
    QVERIFY(!with.isEmpty());
    for (const QByteArray &text : expected)
        QVERIFY2(with.contains(text),
                 qPrintable(
                     QStringLiteral("%1 lacks %2:\n%3").arg(target, QString::fromUtf8(text), QString::fromUtf8(with))));
    const QByteArray without = exported(target, false);
    QVERIFY(!without.contains("FunctionUrlConfig") && !without.contains("aws_lambda_function_url")
            && !without.contains("url:"));
}

QTEST_GUILESS_MAIN(TestFunctionUrlExport)
#include "tst_functionurlexport.moc"
