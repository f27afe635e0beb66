// Serverless containers (issue 20 item 6): a container's folder cannot leave the project
// (climbing out, absolute, a link leading out: refused by the validator and by the local
// cloud, which then starts nothing); its command is split into a program and arguments
// and never given to a shell, whatever metacharacters it holds; an engine publishes the
// instance's port on 127.0.0.1 only and gets secret values through its environment, never
// on its command line. A stranger's project cannot put an option before the engine's
// image, a '=' in a variable's name or a variable that steers the engine itself (LD_PRELOAD,
// DOCKER_HOST); its instance counts are bounded; the bodies of waiting requests are
// bounded; the Scaleway export does not name a folder outside the project.

#include "cloudfixture.h"

#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Nimbus;
using namespace NimbusTest;

class tst_SecurityContainers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void folderStaysInTheProject_data();
    void folderStaysInTheProject();
    void commandIsNotRunByAShell();
    void engineListensOnLoopbackAndHidesSecrets();
    void hostileSettingsAreRefused_data();
    void hostileSettingsAreRefused();
    void instancesAreBounded();
    void waitingBodiesAreBounded();
    void scalewayExportStaysInTheProject_data();
    void scalewayExportStaysInTheProject();

private:
    NodeId addContainer(LocalCloudFixture &f, const QString &folder, const QString &command);
};

void tst_SecurityContainers::init()
{
    qputenv("NIMBUS_CONTAINER_ENGINE", "none");
}

NodeId tst_SecurityContainers::addContainer(LocalCloudFixture &f, const QString &folder, const QString &command)
{
    const NodeId id = f.project.addNode(QStringLiteral("container"), {}, QStringLiteral("evil")).valueOr(0);
    (void)f.project.setNodeProperty(id, QStringLiteral("folder"), folder);
    (void)f.project.setNodeProperty(id, QStringLiteral("command"), command);
    f.addRoute(QStringLiteral("ANY"), QStringLiteral("/{proxy+}"), id);
    return id;
}

void tst_SecurityContainers::folderStaysInTheProject_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("climbs out") << "../../tmp";
    QTest::newRow("absolute") << "/tmp";
    QTest::newRow("climbs out inside") << "containers/../../tmp";
    QTest::newRow("link leading out") << "containers/linked";
}

void tst_SecurityContainers::folderStaysInTheProject()
{
    QFETCH(QString, folder);
    LocalCloudFixture f;
    QVERIFY(QDir(f.folder.path()).mkpath(QStringLiteral("containers")));
    QVERIFY(QFile::link(QStringLiteral("/tmp"), f.folder.filePath(QStringLiteral("containers/linked"))));
    // Were it run, the command would leave a file in the folder it runs in.
    const QString marker = QStringLiteral("nimbus-container-escape-%1").arg(QCoreApplication::applicationPid());
    const NodeId id = addContainer(f, folder, QStringLiteral("touch ") + marker);

    // The validator: an error on the container, naming the folder.
    Validator validator(f.project.catalog(), f.project.architecture());
    validator.setProjectDirectory(f.folder.path());
    QStringList errors;
    for (const Diagnostic &d : validator.validate())
        if (d.severity == Diagnostic::Severity::Error && d.code == QLatin1String("unsafe-path"))
            errors.append(d.message);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(QStringLiteral("'evil'")) && errors.first().contains(folder),
             qPrintable(errors.first()));

    // The local cloud: refused, nothing started, the request answered at once.
    const Result<ContainerSpec> spec = ContainerSpec::fromNode(*f.project.architecture().node(id), f.folder.path());
    QVERIFY(!spec);
    QVERIFY2(spec.errorMessage().contains(QStringLiteral("refused")), qPrintable(spec.errorMessage()));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", QStringLiteral("/x"));
    QCOMPARE(reply.status, 502L);
    QVERIFY2(reply.body.isEmpty() || !reply.body.contains("/tmp/"), reply.body.constData());
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("evil")), 0);
    QTest::qWait(300);
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/") + marker));
}

void tst_SecurityContainers::commandIsNotRunByAShell()
{
    LocalCloudFixture f;
    QVERIFY(QDir(f.folder.path()).mkpath(QStringLiteral("containers/evil")));
    // Through a shell this would make files named c, d, e and f; split without one, touch
    // gets every word as it is written, metacharacters included, as a file name.
    addContainer(f, QStringLiteral("containers/evil"),
                 QStringLiteral("touch \"a b\" ;touch c $(touch d) && touch `touch e` | tee f > g"));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", QStringLiteral("/x"));
    QCOMPARE(reply.status, 503L); // touch ends without listening
    const QDir dir(f.folder.filePath(QStringLiteral("containers/evil")));
    for (const char *literal : {"a b", ";touch", "c", "$(touch", "d)", "&&", "`touch", "e`", "|", "tee", "f", ">", "g"})
        QVERIFY2(dir.exists(QLatin1String(literal)), literal);
    QVERIFY(!dir.exists(QStringLiteral("d")));
    QVERIFY(!dir.exists(QStringLiteral("e")));
}

void tst_SecurityContainers::engineListensOnLoopbackAndHidesSecrets()
{
    LocalCloudFixture f;
    // A stand-in engine: it writes down how it was called, then serves the published port.
    const QString bin = f.folder.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    const QString log = f.folder.filePath(QStringLiteral("engine.log"));
    const QByteArray engine = R"SH(#!/bin/sh
[ "$1" = rm ] && exit 0
printf '%s\n' "$@" > "$FAKE_ENGINE_LOG"
printf 'PORT=%s API_KEY=%s\n' "$PORT" "$API_KEY" >> "$FAKE_ENGINE_LOG"
for a in "$@"; do
  case "$a" in 127.0.0.1:*:*) host=${a#127.0.0.1:}; host=${host%%:*};; esac
done
exec node -e "require('http').createServer((q, r) => r.end('engine')).listen($host, '127.0.0.1')"
)SH";
    QVERIFY(writeAll(bin + QStringLiteral("/podman"), engine));
    QVERIFY(
        QFile::setPermissions(bin + QStringLiteral("/podman"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", bin.toUtf8() + ':' + path);
    qputenv("FAKE_ENGINE_LOG", log.toUtf8());
    qputenv("NIMBUS_CONTAINER_ENGINE", "podman");
    const NodeId id = addContainer(f, QStringLiteral("containers/evil"), QString());
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("image"), QStringLiteral("ghcr.io/acme/web:1")));
    QVERIFY(f.project.setNodeProperty(
        id, QStringLiteral("environment"),
        QJsonArray{QJsonValue(QJsonObject{{QStringLiteral("name"), QStringLiteral("API_KEY")},
                                          {QStringLiteral("value"), QStringLiteral("s3cr3t-value")},
                                          {QStringLiteral("secret"), true}})}));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", QStringLiteral("/x"));
    qputenv("PATH", path);
    qputenv("NIMBUS_CONTAINER_ENGINE", "none");
    QCOMPARE(reply.status, 200L);
    QCOMPARE(reply.body, QByteArray("engine"));
    const QStringList lines = QString::fromUtf8(readAll(log)).split(QLatin1Char('\n'));
    const qsizetype published = lines.indexOf(QStringLiteral("-p"));
    QVERIFY(published >= 0);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^127\\.0\\.0\\.1:\\d+:8080$")).match(lines.at(published + 1)).hasMatch(),
        qPrintable(lines.at(published + 1)));
    QVERIFY(lines.contains(QStringLiteral("PORT")));
    QVERIFY(lines.contains(QStringLiteral("API_KEY")));
    QVERIFY(lines.contains(QStringLiteral("ghcr.io/acme/web:1")));
    // The value reaches the engine's environment, and only there.
    QVERIFY(lines.contains(QStringLiteral("PORT=8080 API_KEY=s3cr3t-value")));
    QCOMPARE(lines.filter(QStringLiteral("s3cr3t-value")).size(), 1);
}

void tst_SecurityContainers::hostileSettingsAreRefused_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("image is an option") << "--privileged"
                                        << "API_KEY"
                                        << "image";
    QTest::newRow("image mounts the root") << "-v/:/host"
                                           << "API_KEY"
                                           << "image";
    QTest::newRow("image with a space") << "alpine --privileged"
                                        << "API_KEY"
                                        << "image";
    QTest::newRow("name with =") << "ghcr.io/acme/web:1"
                                 << "PORT=1"
                                 << "PORT=1";
    QTest::newRow("name is empty") << ""
                                   << ""
                                   << "name";
    QTest::newRow("name with a line break") << ""
                                            << "A\nB"
                                            << "name";
    QTest::newRow("loader of the engine") << "ghcr.io/acme/web:1"
                                          << "LD_PRELOAD"
                                          << "LD_PRELOAD";
    QTest::newRow("engine's daemon") << "ghcr.io/acme/web:1"
                                     << "DOCKER_HOST"
                                     << "DOCKER_HOST";
    QTest::newRow("podman's configuration") << "ghcr.io/acme/web:1"
                                            << "CONTAINERS_CONF"
                                            << "CONTAINERS_CONF";
    QTest::newRow("engine's PATH") << "ghcr.io/acme/web:1"
                                   << "PATH"
                                   << "PATH";
}

void tst_SecurityContainers::hostileSettingsAreRefused()
{
    QFETCH(QString, image);
    QFETCH(QString, variable);
    QFETCH(QString, refusal);
    LocalCloudFixture f;
    QVERIFY(QDir(f.folder.path()).mkpath(QStringLiteral("containers/evil")));
    // A stand-in engine that leaves a mark when it runs at all.
    const QString bin = f.folder.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    const QString mark = f.folder.filePath(QStringLiteral("engine-ran"));
    QVERIFY(writeAll(bin + QStringLiteral("/podman"), "#!/bin/sh\n[ \"$1\" = rm ] && exit 0\ntouch \"$MARK\"\n"));
    QVERIFY(
        QFile::setPermissions(bin + QStringLiteral("/podman"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", bin.toUtf8() + ':' + path);
    qputenv("MARK", mark.toUtf8());
    qputenv("NIMBUS_CONTAINER_ENGINE", "podman");
    const NodeId id = addContainer(f, QStringLiteral("containers/evil"), QStringLiteral("sleep 5"));
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("image"), image));
    QVERIFY(f.project.setNodeProperty(
        id, QStringLiteral("environment"),
        QJsonArray{QJsonValue(
            QJsonObject{{QStringLiteral("name"), variable}, {QStringLiteral("value"), QStringLiteral("/tmp/x.so")}})}));
    const Result<ContainerSpec> spec = ContainerSpec::fromNode(*f.project.architecture().node(id), f.folder.path());
    QVERIFY(!spec);
    QVERIFY2(spec.errorMessage().contains(QStringLiteral("'evil'")) && spec.errorMessage().contains(refusal),
             qPrintable(spec.errorMessage()));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", QStringLiteral("/x"));
    qputenv("PATH", path);
    qputenv("NIMBUS_CONTAINER_ENGINE", "none");
    QCOMPARE(reply.status, 502L);
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("evil")), 0);
    QVERIFY(!QFileInfo::exists(mark));
}

void tst_SecurityContainers::instancesAreBounded()
{
    LocalCloudFixture f;
    const NodeId id = addContainer(f, QStringLiteral("containers/evil"), QStringLiteral("sleep 5"));
    // A stranger's numbers: a million instances kept warm when the cloud starts.
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("minInstances"), 1000000));
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("maxInstances"), 2000000));
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("concurrency"), 1000000000));
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("cpu"), -4));
    QVERIFY(f.project.setNodeProperty(id, QStringLiteral("memory"), -1));
    const Result<ContainerSpec> spec = ContainerSpec::fromNode(*f.project.architecture().node(id), f.folder.path());
    QVERIFY2(spec, qPrintable(spec.errorMessage()));
    QCOMPARE(spec->minInstances, ContainerPool::kInstanceLimit);
    QCOMPARE(spec->maxInstances, ContainerPool::kInstanceLimit);
    QCOMPARE(spec->concurrency, ContainerPool::kConcurrencyLimit);
    QCOMPARE(spec->cpu, 0.125);
    QCOMPARE(spec->memory, 128);
}

void tst_SecurityContainers::waitingBodiesAreBounded()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    ContainerSpec spec;
    spec.name = QStringLiteral("slow");
    spec.command = {QStringLiteral("sleep"), QStringLiteral("20")}; // never listens
    spec.workingDirectory = folder.path();
    spec.maxInstances = 1;
    spec.concurrency = 1;
    ContainerPool pool;
    pool.setStartTimeout(15000);
    QList<int> statuses;
    ContainerRequest request;
    request.method = QStringLiteral("POST");
    request.body = QByteArray(10 * 1024 * 1024, 'x');
    const int sent = int(ContainerPool::kWaitingBytesLimit / request.body.size()) + 2;
    for (int i = 0; i < sent; ++i)
        pool.request(spec, request, [&statuses](const ContainerAnswer &a) { statuses.append(a.status); });
    // Those over the budget are answered at once; the others still wait for the instance.
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 2, 2000);
    QCOMPARE(statuses, QList<int>({429, 429}));
    pool.stopAll();
}

void tst_SecurityContainers::scalewayExportStaysInTheProject_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("climbs out") << "../../..";
    QTest::newRow("absolute") << "/home";
    QTest::newRow("link leading out") << "containers/linked";
}

void tst_SecurityContainers::scalewayExportStaysInTheProject()
{
    QFETCH(QString, folder);
    const PluginRegistry registry(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins"));
    const ExporterInterface *exporter = registry.exporter(QStringLiteral("scaleway"));
    QVERIFY(exporter);
    LocalCloudFixture f;
    QVERIFY(QDir(f.folder.path()).mkpath(QStringLiteral("containers")));
    QVERIFY(QFile::link(QStringLiteral("/tmp"), f.folder.filePath(QStringLiteral("containers/linked"))));
    addContainer(f, folder, QString());
    ExportInput input = ExportJob::input(f.project, QStringLiteral("scaleway"), {});
    input.projectDirectory = f.folder.path();
    const ExportOutput output = ExportJob::prepare(*exporter, registry.provider(QStringLiteral("scaleway")), input);
    QStringList refusals;
    for (const Diagnostic &d : output.diagnostics)
        if (d.severity == Diagnostic::Severity::Error && d.code == QLatin1String("unsafe-path"))
            refusals.append(d.message);
    QVERIFY2(!refusals.isEmpty() && refusals.first().contains(QStringLiteral("evil")), qPrintable(refusals.join('\n')));
    // Nothing tells the framework to build or upload the folder.
    for (const ExportFile &file : output.files)
        QVERIFY2(!file.content.contains("directory:"), qPrintable(file.path));
}

QTEST_GUILESS_MAIN(tst_SecurityContainers)
#include "tst_security_containers.moc"
