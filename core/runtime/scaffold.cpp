#include "scaffold.h"

#include "document/project.h"
#include "functionspec.h"
#include "model/handlerreference.h"
#include "model/validator.h"
#include "paths.h"
#include "triggerevents.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Where a runtime's templates live and what the scaffold writes.
struct Layout
{
    QString folder; // under resources/scaffolds
    QString templateFile;
    QString templateName;
    QString file; // relative to the source folder
    bool executable = false;
    QList<QPair<QString, QString>> companions; // template file -> file written, relative to the source folder
};

Layout layoutOf(const HandlerReference &handler, const QString &name)
{
    switch (handler.language) {
    case HandlerReference::Language::Python:
        return {u"python"_s, name + ".py"_L1, name, handler.modulePath + ".py"_L1, false, {}};
    case HandlerReference::Language::Custom:
        // A script of any language is the bootstrap itself; otherwise Go, one template for every trigger.
        if (name == "shell"_L1)
            return {u"custom"_s, u"default.sh"_s, name, u"bootstrap"_s, true, {}};
        return {u"go"_s, u"default.go"_s, u"default"_s, u"main.go"_s, false, {{u"go.mod"_s, u"go.mod"_s}}};
    case HandlerReference::Language::Java:
        // A Maven project, one template for every trigger: the handler takes the event as a Map.
        return {u"java"_s,    u"default.java"_s,
                u"default"_s, handler.candidates.first(),
                false,        {{u"pom.xml"_s, u"pom.xml"_s}}};
    case HandlerReference::Language::DotNet:
        return {u"dotnet"_s,  u"default.cs"_s,
                u"default"_s, handler.candidates.first(),
                false,        {{u"project.csproj"_s, handler.container + ".csproj"_L1}}};
    default:
        // Node.js: an ES module, as Lambda's console creates today.
        return {u"nodejs"_s, name + ".mjs"_L1, name, handler.modulePath + ".mjs"_L1, false, {}};
    }
}

} // namespace

Result<Scaffold> Scaffold::forFunction(const Project &project, NodeId function, const QString &templateName)
{
    const Result<FunctionSpec> read = FunctionSpec::fromNode(project, function);
    if (!read)
        return read.error();
    const FunctionSpec &spec = *read;
    // A scaffold is written where the source folder and the handler say: both must stay
    // inside the project's folder.
    if (const Node *node = project.architecture().node(function)) {
        const QList<Diagnostic> unsafe = Validator::pathProblems(project.catalog(), *node, project.directory());
        if (!unsafe.isEmpty())
            return fail(unsafe.first().message);
    }
    const HandlerReference handler = HandlerReference::resolve(spec.runtime, spec.handler);
    if (!handler.isValid())
        return fail(tr("'%1' has no handler that a scaffold can be written for (%2 on %3)")
                        .arg(spec.name, spec.handler, spec.runtime));
    QFile indexFile(u":/nimbus/scaffolds/index.json"_s);
    indexFile.open(QIODevice::ReadOnly);
    const QJsonObject index = QJsonDocument::fromJson(indexFile.readAll()).object();
    QString name = index.value("default"_L1).toString();
    const QList<TriggerEvents::Source> sources = TriggerEvents::forFunction(project, function);
    if (!templateName.isEmpty())
        name = templateName;
    else if (const Node *node = project.architecture().node(function);
             node && handler.language == HandlerReference::Language::Custom
             && node->properties.value(u"template"_s).toString() == "shell"_L1)
        name = u"shell"_s; // the function's choice of code for its custom runtime
    else if (!sources.isEmpty())
        name = index.value("byEventTemplate"_L1).toObject().value(sources.first().templateId).toString(name);

    const Layout layout = layoutOf(handler, name);
    QFile templateFile(u":/nimbus/scaffolds/%1/%2"_s.arg(layout.folder, layout.templateFile));
    if (!templateFile.open(QIODevice::ReadOnly))
        return fail(tr("no scaffold '%1' for %2").arg(name, spec.runtime));
    // Java and .NET name the class, its package or namespace and the assembly.
    const QString type = handler.modulePath.section('.'_L1, -1);
    const QString space = handler.modulePath.contains('.'_L1) ? handler.modulePath.section('.'_L1, 0, -2)
                                                              : handler.container;
    auto fill = [&](QByteArray content) {
        content.replace("{{handler}}", handler.functionName.toUtf8());
        content.replace("{{function}}", spec.name.toUtf8());
        content.replace("{{class}}", type.toUtf8());
        content.replace("{{package}}", (handler.container.isEmpty() ? u"example"_s : handler.container).toUtf8());
        content.replace("{{namespace}}", space.toUtf8());
        content.replace("{{assembly}}", handler.container.toUtf8());
        content.replace("{{javaVersion}}", spec.runtime.mid(4).toUtf8());
        return content;
    };
    const QByteArray content = fill(templateFile.readAll());

    Scaffold scaffold;
    scaffold.templateName = layout.templateName;
    scaffold.content = content;
    scaffold.absolutePath = QDir(spec.sourceDirectory).filePath(layout.file);
    scaffold.executable = layout.executable;
    for (const auto &[resource, target] : layout.companions) {
        QFile file(u":/nimbus/scaffolds/%1/%2"_s.arg(layout.folder, resource));
        if (file.open(QIODevice::ReadOnly))
            scaffold.companions.append({QDir(spec.sourceDirectory).filePath(target), fill(file.readAll())});
    }
    const QString base = project.directory();
    scaffold.projectDirectory = base;
    scaffold.relativePath = base.isEmpty() ? scaffold.absolutePath : QDir(base).relativeFilePath(scaffold.absolutePath);
    return scaffold;
}

bool Scaffold::ensure(const Project &project, NodeId function, QString *writtenFile)
{
    if (project.directory().isEmpty())
        return false;
    const Result<FunctionSpec> read = FunctionSpec::fromNode(project, function);
    if (!read)
        return false;
    const FunctionSpec &spec = *read;
    const Result<Scaffold> scaffold = forFunction(project, function);
    if (!scaffold)
        return false;
    const Scaffold &wanted = *scaffold;
    const HandlerReference handler = HandlerReference::resolve(spec.runtime, spec.handler);
    QString existing;
    for (const QString &candidate : handler.candidates) {
        if (QFileInfo(QDir(spec.sourceDirectory).filePath(candidate)).isFile()) {
            existing = QDir(spec.sourceDirectory).filePath(candidate);
            break;
        }
    }
    if (existing.isEmpty()) {
        if (!wanted.write())
            return false;
    } else {
        // Only a file that is still exactly the default scaffold is replaced.
        QFile file(existing);
        if (wanted.templateName == "default"_L1 || existing != wanted.absolutePath)
            return false;
        const Result<Scaffold> plain = forFunction(project, function, u"default"_s);
        if (!plain || !file.open(QIODevice::ReadOnly) || file.readAll() != plain->content)
            return false;
        file.close();
        if (!Paths::staysUnder(project.directory(), existing))
            return false;
        QSaveFile out(existing);
        if (!out.open(QIODevice::WriteOnly) || out.write(wanted.content) < 0 || !out.commit())
            return false;
    }
    if (writtenFile)
        *writtenFile = wanted.relativePath;
    return true;
}

Result<void> Scaffold::write() const
{
    if (projectDirectory.isEmpty() || !Paths::staysUnder(projectDirectory, absolutePath)) {
        return fail(tr("%1 is not inside the project's folder; the scaffold is not written")
                        .arg(QDir::toNativeSeparators(absolutePath)));
    }
    if (QFileInfo::exists(absolutePath))
        return fail(tr("%1 exists already").arg(QDir::toNativeSeparators(absolutePath)));
    if (!QDir().mkpath(QFileInfo(absolutePath).absolutePath()))
        return fail(
            tr("cannot create the folder %1").arg(QDir::toNativeSeparators(QFileInfo(absolutePath).absolutePath())));
    QSaveFile file(absolutePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) < 0 || !file.commit())
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(absolutePath), file.errorString()));
    if (executable)
        QFile::setPermissions(absolutePath,
                              QFile::permissions(absolutePath) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    for (const auto &[path, text] : companions) {
        if (QFileInfo::exists(path) || !Paths::staysUnder(projectDirectory, path))
            continue;
        QSaveFile companion(path);
        if (!companion.open(QIODevice::WriteOnly) || companion.write(text) < 0 || !companion.commit())
            return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), companion.errorString()));
    }
    return {};
}

} // namespace Nimbus
