#include "commandline.h"

#include "cloud/localcloud.h"
#include "cloud/observedcallstore.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/handlerreference.h"
#include "model/validator.h"
#include "runtime/eventtemplates.h"
#include "runtime/functionspec.h"
#include "runtime/instancepool.h"
#include "runtime/runhistory.h"
#include "storage/jsoninterchange.h"
#include "storage/projectfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QString exitCodeHelp()
{
    return CommandLine::tr("Exit codes:\n"
                           "  0  success\n"
                           "  1  the project has errors (validate); the function failed or timed out (invoke)\n"
                           "  2  wrong usage: unknown command or option, missing argument\n"
                           "  3  the input cannot be read: missing, damaged, newer or not a project\n"
                           "  4  the output cannot be written\n");
}

} // namespace

const CommandLine::Command CommandLine::kCommands[] = {
    {"validate", QT_TR_NOOP("Check a project and list its problems"), &CommandLine::validate},
    {"info", QT_TR_NOOP("Describe a project: nodes, connections, functions"), &CommandLine::info},
    {"export-json", QT_TR_NOOP("Write a project in the readable JSON form"), &CommandLine::exportJson},
    {"import-json", QT_TR_NOOP("Make a .nimbus project from the JSON form"), &CommandLine::importJson},
    {"invoke", QT_TR_NOOP("Run a function locally with an event"), &CommandLine::invoke},
    {"events", QT_TR_NOOP("List the event templates, or generate an event"), &CommandLine::events},
    {"cost", QT_TR_NOOP("Compare monthly costs: serverless, VMs, containers"), &CommandLine::cost},
    {"export", QT_TR_NOOP("Write deployment files for a platform (SAM, Terraform ...)"), &CommandLine::exportProject},
    {"import", QT_TR_NOOP("Make a project of a SAM template or serverless.yml"), &CommandLine::importProject},
    {"serve", QT_TR_NOOP("Run the design locally: HTTP gateway, queues, topics, buckets, tables"), &CommandLine::serve},
    {"cloud", QT_TR_NOOP("Send a message, publish, put an object or item into a running local cloud"),
     &CommandLine::cloud},
    {"token", QT_TR_NOOP("Mint a token of a user pool of the design, to call a protected route"), &CommandLine::token},
    {"secret", QT_TR_NOOP("Set or print the value of a secret or parameter (kept out of the project)"),
     &CommandLine::secret},
    {"mcp", QT_TR_NOOP("Serve a project to coding agents over the Model Context Protocol (stdio)"), &CommandLine::mcp},
    {"test", QT_TR_NOOP("Run the project's scenarios on a local cloud each; JUnit XML for CI"), &CommandLine::test},
    {"workflow", QT_TR_NOOP("Run a state machine of the design locally and print its history"), &CommandLine::workflow},
    {"runtimes", QT_TR_NOOP("List the interpreters of the runtimes, or install a Node.js version"),
     &CommandLine::runtimes},
};

CommandLine::CommandLine() : mOut(stdout), mErr(stderr) { }

int CommandLine::usage(const QString &error)
{
    QTextStream &s = error.isEmpty() ? mOut : mErr;
    if (!error.isEmpty())
        s << "nimbus: " << error << "\n\n";
    s << tr("Usage: nimbus COMMAND [OPTIONS] ...") << "\n\n" << tr("Commands:") << "\n";
    for (const Command &c : kCommands)
        s << "  " << QString::fromLatin1(c.name).leftJustified(13) << tr(c.summary) << '\n';
    s << '\n' << tr("Run 'nimbus COMMAND --help' for the options of a command.") << "\n\n" << exitCodeHelp();
    s.flush();
    return error.isEmpty() ? Success : UsageError;
}

int CommandLine::run(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return usage(tr("no command given"));
    const QString command = arguments.at(1);
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1)
        return usage();
    if (command == "--version"_L1 || command == "-v"_L1) {
        mOut << "nimbus " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    for (const Command &c : kCommands)
        if (command == QLatin1String(c.name))
            return (this->*c.run)(arguments.mid(1));
    return usage(tr("unknown command '%1'").arg(command));
}

std::optional<int> CommandLine::parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                             const QString &description, int positionalCount)
{
    parser.setApplicationDescription(description + "\n\n"_L1 + exitCodeHelp());
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        mErr << "nimbus " << arguments.first() << ": " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser names the program; name the subcommand too.
        text.replace(QRegularExpression(u"^Usage: \\S+"_s), u"Usage: nimbus %1"_s.arg(arguments.first()));
        mOut << text;
        return Success;
    }
    const int given = int(parser.positionalArguments().size());
    if (positionalCount == kAnyArguments)
        return std::nullopt;
    if (positionalCount < 0 ? given > 1 : given != positionalCount) {
        mErr << "nimbus " << arguments.first() << ": "
             << tr("expected %n argument(s); see --help", nullptr, std::max(1, positionalCount)) << '\n';
        return UsageError;
    }
    return std::nullopt;
}

std::optional<int> intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum,
                             int maximum)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

// --set key=value, repeated; false (with *error) on a malformed one.
static bool parseSettings(const QStringList &settings, QHash<QString, QString> *values, QString *error)
{
    for (const QString &setting : settings) {
        const int equals = setting.indexOf('='_L1);
        if (equals <= 0) {
            *error = CommandLine::tr("--set needs key=value, not '%1'").arg(setting);
            return false;
        }
        values->insert(setting.left(equals), setting.mid(equals + 1));
    }
    return true;
}

bool CommandLine::open(const QString &path, Project &project)
{
    ProjectFile file;
    if (const Result<void> loaded = file.load(path, project); !loaded) {
        mErr << "nimbus: " << loaded.errorMessage() << '\n';
        return false;
    }
    return true;
}

int CommandLine::validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project."));
    const QCommandLineOption format(u"format"_s, tr("Output format: text (default) or json."), u"FORMAT"_s, u"text"_s);
    const QCommandLineOption json(u"json"_s, tr("The same as --format json."));
    const QCommandLineOption observed(
        u"observed"_s, tr("Also list the SDK calls the functions made in the local cloud (nimbus serve or the studio) "
                          "that none of their connections grants, each with the connection that would; each is an "
                          "error."));
    const QCommandLineOption state(u"state"_s,
                                   tr("Where the local cloud kept its state, for --observed (default: .nimbus-cloud "
                                      "beside the project)."),
                                   u"DIR"_s);
    parser.addOptions({format, json, observed, state});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Checks the project against the node catalog: forbidden connections, property "
               "values, duplicate routes, schedules, handler files, functions nothing invokes "
               "and event loops. Exits with 1 when there is an error."),
            1))
        return *stop;
    const QString formatName = parser.isSet(json) ? u"json"_s : parser.value(format);
    if (formatName != "text"_L1 && formatName != "json"_L1) {
        mErr << "nimbus validate: " << tr("unknown format '%1'; use text or json").arg(formatName) << '\n';
        return UsageError;
    }

    Project project(Catalog::builtin());
    const QString path = parser.positionalArguments().first();
    if (!open(path, project))
        return InputError;
    Validator validator(project.catalog(), project.architecture());
    validator.setProjectDirectory(project.directory());
    QList<Diagnostic> diagnostics = validator.validate();
    if (QString problem; (void)LocalCloud::iamModeOf(project, &problem), !problem.isEmpty())
        diagnostics.append({Diagnostic::Severity::Warning, u"unknown-iam-mode"_s, problem, {}, kInvalidEdgeId, {}});
    // The calls a local cloud saw and the design still does not grant, as errors after the rest.
    QList<ObservedCall> calls;
    if (parser.isSet(observed)) {
        const QString stateDirectory = parser.isSet(state) ? parser.value(state)
                                       : project.directory().isEmpty()
                                           ? QString()
                                           : QDir(project.directory()).filePath(u".nimbus-cloud"_s);
        const Result<QList<ObservedCall>> read = ObservedCallStore::read(stateDirectory);
        if (!read) {
            mErr << "nimbus validate: " << read.errorMessage() << '\n';
            return InputError;
        }
        calls = ObservedCallStore::ungranted(project.architecture(), *read);
        const Architecture &design = project.architecture();
        for (const ObservedCall &call : std::as_const(calls)) {
            Diagnostic d;
            d.code = u"ungranted-call"_s;
            const QString seen = tr("%1 called %2 on %3 and no connection allows it (calls seen: %4, the last at %5)")
                                     .arg(call.function, call.action, call.resource, QString::number(call.count),
                                          call.lastSeen.toString(Qt::ISODate));
            d.message =
                call.grantingEdge.isEmpty()
                    ? tr("%1; no connection of the catalog grants it").arg(seen)
                    : tr("%1: add connection \"%2 %3 %4\"").arg(seen, call.function, call.grantingEdge, call.resource);
            d.nodes = {design.nodeByName(call.function)->id, design.nodeByName(call.resource)->id};
            diagnostics.append(d);
        }
    }

    if (formatName == "json"_L1) {
        QJsonArray list = Validator::toJson(project.architecture(), diagnostics);
        // An observed call's entry says what was seen and the fix, for tools.
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const ObservedCall &call = calls.at(i);
            const qsizetype at = list.size() - calls.size() + i;
            QJsonObject entry = list.at(at).toObject();
            entry.insert(u"function"_s, call.function);
            entry.insert(u"action"_s, call.action);
            entry.insert(u"resource"_s, call.resource);
            entry.insert(u"count"_s, call.count);
            entry.insert(u"lastSeen"_s, call.lastSeen.toString(Qt::ISODateWithMs));
            if (!call.grantingEdge.isEmpty())
                entry.insert(
                    u"connection"_s,
                    QJsonObject{{u"from"_s, call.function}, {u"type"_s, call.grantingEdge}, {u"to"_s, call.resource}});
            list.replace(at, entry);
        }
        mOut << QJsonDocument(list).toJson(QJsonDocument::Indented);
    } else {
        int errors = 0;
        int warnings = 0;
        for (const Diagnostic &d : diagnostics) {
            mOut << QDir::toNativeSeparators(path) << ": " << Diagnostic::severityName(d.severity) << ": " << d.message
                 << " [" << d.code << "]\n";
            errors += d.severity == Diagnostic::Severity::Error;
            warnings += d.severity == Diagnostic::Severity::Warning;
        }
        mOut << tr("%1: %2 node(s), %3 connection(s): %4 error(s), %5 warning(s)")
                    .arg(QDir::toNativeSeparators(path))
                    .arg(project.architecture().nodeCount())
                    .arg(project.architecture().edgeCount())
                    .arg(errors)
                    .arg(warnings)
             << '\n';
    }
    return hasErrors(diagnostics) ? ValidationErrors : Success;
}

int CommandLine::info(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project."));
    if (const std::optional<int> stop = parseCommand(parser, arguments,
                                                     tr("Describes a project: its nodes by kind, its connections "
                                                        "and its functions."),
                                                     1))
        return *stop;

    Project project(Catalog::builtin());
    const QString path = parser.positionalArguments().first();
    ProjectFile file;
    if (const Result<void> loaded = file.load(path, project); !loaded) {
        mErr << "nimbus: " << loaded.errorMessage() << '\n';
        return InputError;
    }
    const Architecture &a = project.architecture();
    const Catalog &catalog = project.catalog();
    QMap<QString, int> perKind;
    for (const auto &[id, node] : a.nodes())
        ++perKind[node.kind];
    QStringList kinds;
    for (auto it = perKind.cbegin(); it != perKind.cend(); ++it) {
        const NodeKind *kind = catalog.kind(it.key());
        kinds.append(u"%1 %2"_s.arg(kind ? Catalog::text(kind->name) : it.key()).arg(it.value()));
    }
    mOut << tr("Project:      %1").arg(project.displayName()) << '\n'
         << tr("File:         %1").arg(QDir::toNativeSeparators(project.filePath())) << '\n';
    if (!ProjectFile::isJsonPath(path))
        mOut << tr("Schema:       %1").arg(file.loadedSchemaVersion()) << '\n';
    mOut << tr("Nodes:        %1 (%2)").arg(a.nodeCount()).arg(kinds.join(", "_L1)) << '\n'
         << tr("Connections:  %1").arg(a.edgeCount()) << '\n';

    bool header = false;
    for (const auto &[id, node] : a.nodes()) {
        const NodeKind *kind = catalog.kind(node.kind);
        if (!kind || !kind->code.isValid())
            continue;
        if (!header) {
            mOut << tr("Functions:") << '\n';
            header = true;
        }
        // C++17 lambdas cannot capture a structured binding: capture its properties.
        const auto value = [&properties = node.properties](const QString &key) {
            return properties.value(key).toVariant().toString();
        };
        QStringList invokedBy;
        for (EdgeId e : a.incomingEdges(id))
            invokedBy.append(a.node(a.edge(e)->from)->name);
        mOut << "  " << node.name.leftJustified(18) << ' ' << value(kind->code.runtimeProperty).leftJustified(11) << ' '
             << value(kind->code.sourceProperty) << '/' << value(kind->code.handlerProperty) << "  "
             << tr("%1 MB, %2 s").arg(value(u"memory"_s), value(u"timeout"_s));
        if (!invokedBy.isEmpty())
            mOut << "  " << tr("<- %1").arg(invokedBy.join(", "_L1));
        mOut << '\n';
    }
    return Success;
}

int CommandLine::exportJson(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus project."));
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, tr("Write to FILE instead of standard output."),
                                    u"FILE"_s);
    parser.addOption(output);
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Writes the project as readable JSON (stable order, for review in git). "
               "Function code stays in its files."),
            1))
        return *stop;

    Project project(Catalog::builtin());
    if (!open(parser.positionalArguments().first(), project))
        return InputError;
    return writeOutput(JsonInterchange::write(project.architecture()),
                       parser.isSet(output) ? parser.value(output) : QString());
}

int CommandLine::writeOutput(const QByteArray &data, const QString &path)
{
    if (path.isEmpty()) {
        mOut.flush();
        fwrite(data.constData(), 1, size_t(data.size()), stdout);
        return Success;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit()) {
        mErr << "nimbus: " << path << ": " << file.errorString() << '\n';
        return OutputError;
    }
    return Success;
}

int CommandLine::importJson(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"JSON"_s, tr("A project in the JSON form."));
    parser.addPositionalArgument(u"OUTPUT"_s, tr("The .nimbus file to write."));
    const QCommandLineOption force(QStringList{u"f"_s, u"force"_s}, tr("Replace OUTPUT if it exists."));
    parser.addOption(force);
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Makes a .nimbus project from the JSON form, its function folders copied beside OUTPUT."), 2))
        return *stop;

    const QString input = parser.positionalArguments().at(0);
    const QString output = parser.positionalArguments().at(1);
    if (!ProjectFile::isJsonPath(input)) {
        mErr << "nimbus import-json: " << tr("%1 is not a .json file").arg(input) << '\n';
        return UsageError;
    }
    if (ProjectFile::isJsonPath(output)) {
        mErr << "nimbus import-json: " << tr("the output must be a .nimbus file") << '\n';
        return UsageError;
    }
    if (QFileInfo::exists(output) && !parser.isSet(force)) {
        mErr << "nimbus import-json: " << tr("%1 exists; use --force to replace it").arg(output) << '\n';
        return OutputError;
    }
    Project project(Catalog::builtin());
    if (!open(input, project))
        return InputError;
    ProjectFile file;
    if (const Result<void> saved = file.save(project, output); !saved) {
        mErr << "nimbus: " << saved.errorMessage() << '\n';
        return OutputError;
    }
    for (const QString &warning : file.warnings())
        mErr << "nimbus import-json: " << Diagnostic::severityName(Diagnostic::Severity::Warning) << ": " << warning
             << '\n';
    return Success;
}

// Invokes the function times on one pool (the first a cold start, the rest warm) and
// prints each result, or with json one JSON document at the end; a saved project keeps
// what ran in its run history. False when an invocation failed.
// A cold start's imports, slowest first, as `nimbus invoke --profile` prints them.
static void printImports(const InvocationResult &r, QTextStream &out)
{
    if (!r.coldStart)
        return;
    out << CommandLine::tr("Cold start: what the handler's load executed, slowest first "
                           "(cumulative includes what a module imported):")
        << '\n';
    if (r.imports.isEmpty())
        out << "  " << CommandLine::tr("no module timings") << '\n';
    for (qsizetype i = 0; i < r.imports.size() && i < 20; ++i) {
        const QJsonObject t = r.imports.at(i).toObject();
        out << u"  %1 ms  (self %2 ms)  "_s.arg(t.value("cumulativeMs"_L1).toDouble(), 8, 'f', 1)
                   .arg(t.value("selfMs"_L1).toDouble(), 0, 'f', 1)
            << t.value("module"_L1).toString() << '\n';
    }
    out << '\n';
}

static bool runInvocations(const Project &project, const Node *node, const FunctionSpec &spec, const QByteArray &event,
                           int times, bool json, bool profile, QTextStream &out, QTextStream &err)
{
    // A saved project keeps what ran in its run history.
    RunHistory history;
    const bool keepHistory = !ProjectFile::isJsonPath(project.filePath()) && history.open(project.filePath());

    InstancePool pool;
    pool.setFunction(spec);
    QList<InvocationResult> results;
    QEventLoop loop;
    QObject::connect(&pool, &InstancePool::finished, &loop, [&](const InvocationResult &r) {
        results.append(r);
        loop.quit();
    });
    bool failed = false;
    QJsonArray all;
    for (int i = 0; i < times; ++i) {
        pool.invoke(node->name, event);
        loop.exec();
        const InvocationResult &r = results.last();
        failed = failed || !r.ok;
        if (keepHistory) {
            if (const Result<qint64> recorded = history.record(node->id, event, r); !recorded)
                err << "nimbus invoke: " << recorded.errorMessage() << '\n';
        }
        if (json) {
            all.append(r.toJson());
            continue;
        }
        for (const QString &line : r.logStream(spec.logFormat, spec.systemLogLevel))
            out << line << '\n';
        out << '\n';
        if (profile)
            printImports(r, out);
        if (r.ok)
            out << QString::fromUtf8(r.resultJson);
        else
            out << QString::fromUtf8(QJsonDocument(r.error).toJson(QJsonDocument::Indented));
        out << "\n";
    }
    if (json)
        out << (times == 1 ? QJsonDocument(all.at(0).toObject()).toJson(QJsonDocument::Indented)
                           : QJsonDocument(all).toJson(QJsonDocument::Indented));
    // The history writes on a thread of its own: what failed to be written is known here.
    if (keepHistory) {
        if (const Result<void> written = history.flush(); !written)
            err << "nimbus invoke: " << written.errorMessage() << '\n';
    }
    return !failed;
}

int CommandLine::invoke(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project."));
    parser.addPositionalArgument(u"FUNCTION"_s, tr("The name of a function node."));
    const QCommandLineOption eventFile(u"event"_s, tr("Read the event from FILE ('-' for standard input)."), u"FILE"_s);
    const QCommandLineOption repeat(
        u"repeat"_s, tr("Invoke N times on the same pool: the first is a cold start, the rest warm."), u"N"_s, u"1"_s);
    const QCommandLineOption json(u"json"_s, tr("Print one JSON object (an array with --repeat)."));
    const QCommandLineOption profile(
        u"profile"_s,
        tr("On a cold start, list what the handler's load executed, slowest first (the JSON always has it)."));
    const QCommandLineOption templateOption(
        u"template"_s, tr("Generate the event from a template (see 'nimbus events list')."), u"KIND"_s);
    const QCommandLineOption set(u"set"_s, tr("Set a parameter of the template (repeatable)."), u"key=value"_s);
    parser.addOption(eventFile);
    parser.addOption(templateOption);
    parser.addOption(set);
    parser.addOption(repeat);
    parser.addOption(json);
    parser.addOption(profile);
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Runs a function of the project on a local Node.js or Python worker, as "
               "Lambda would, and prints its result, its logs and the REPORT line. "
               "Exits with 1 when the function fails or times out."),
            2))
        return *stop;
    const std::optional<int> times = intOption(parser, repeat, 1, 100000);
    if (!times) {
        mErr << "nimbus invoke: " << tr("--repeat needs a whole number from 1 to 100000") << '\n';
        return UsageError;
    }
    QByteArray event = QByteArrayLiteral("{}");
    if (parser.isSet(eventFile)) {
        QFile file;
        const QString path = parser.value(eventFile);
        const bool opened = path == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly)
                                           : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            mErr << "nimbus invoke: " << path << ": " << file.errorString() << '\n';
            return InputError;
        }
        event = file.readAll();
    } else if (parser.isSet(templateOption)) {
        QHash<QString, QString> values;
        QString error;
        if (!parseSettings(parser.values(set), &values, &error)) {
            mErr << "nimbus invoke: " << error << '\n';
            return UsageError;
        }
        const Result<QByteArray> generated = EventTemplates::builtin().generate(parser.value(templateOption), values);
        if (!generated) {
            mErr << "nimbus invoke: " << generated.errorMessage() << '\n';
            return UsageError;
        }
        event = *generated;
    }
    if (parser.isSet(eventFile) && parser.isSet(templateOption)) {
        mErr << "nimbus invoke: " << tr("use --event or --template, not both") << '\n';
        return UsageError;
    }
    QJsonParseError parseError;
    QJsonDocument::fromJson("[" + event + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        mErr << "nimbus invoke: " << tr("the event is not valid JSON: %1").arg(parseError.errorString()) << '\n';
        return UsageError;
    }

    Project project(Catalog::builtin());
    if (!open(parser.positionalArguments().at(0), project))
        return InputError;
    const QString name = parser.positionalArguments().at(1);
    const Node *node = project.architecture().nodeByName(name);
    const Result<FunctionSpec> spec = node ? FunctionSpec::fromNode(project, node->id)
                                           : Result<FunctionSpec>(fail(tr("no function named '%1'").arg(name)));
    if (!spec) {
        mErr << "nimbus invoke: " << spec.errorMessage() << '\n';
        return UsageError;
    }

    return runInvocations(project, node, *spec, event, *times, parser.isSet(json), parser.isSet(profile), mOut, mErr)
               ? Success
               : ValidationErrors;
}

int CommandLine::events(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"ACTION"_s, tr("'list', or 'generate' followed by a template id."));
    const QCommandLineOption set(u"set"_s, tr("Set a parameter of the template (repeatable)."), u"key=value"_s);
    parser.addOption(set);
    const QStringList positional = arguments.mid(1);
    const int expected = positional.value(0) == "generate"_L1 ? 2 : 1;
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("'nimbus events list' shows the event templates and their parameters; "
               "'nimbus events generate KIND --set key=value ...' prints an event."),
            expected))
        return *stop;
    const EventTemplates &templates = EventTemplates::builtin();
    const QString action = parser.positionalArguments().first();
    if (action == "list"_L1) {
        for (const EventTemplates::Template &t : templates.all()) {
            mOut << t.id.leftJustified(24) << t.name << '\n' << QString(26, ' '_L1) << t.description << '\n';
            for (const auto &[name, value] : t.parameters)
                mOut << QString(26, ' '_L1) << "--set " << name << '=' << value << '\n';
        }
        return Success;
    }
    if (action != "generate"_L1) {
        mErr << "nimbus events: " << tr("unknown action '%1'; use list or generate").arg(action) << '\n';
        return UsageError;
    }
    QHash<QString, QString> values;
    QString error;
    if (!parseSettings(parser.values(set), &values, &error)) {
        mErr << "nimbus events: " << error << '\n';
        return UsageError;
    }
    const Result<QByteArray> event = templates.generate(parser.positionalArguments().at(1), values);
    if (!event) {
        mErr << "nimbus events: " << event.errorMessage() << '\n';
        return UsageError;
    }
    mOut << QString::fromUtf8(*event);
    return Success;
}

} // namespace Nimbus
