#pragma once

#include <QCoreApplication>

class QCommandLineOption;
class QCommandLineParser;
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace Nimbus {

class Project;

// The `nimbus` command-line tool: the same core as the studio, without a window.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CommandLine)

public:
    // Documented in README.md and in `nimbus --help`.
    enum ExitCode {
        Success = 0,
        ValidationErrors = 1,
        UsageError = 2,
        InputError = 3,
        OutputError = 4,
    };

    CommandLine();
    int run(const QStringList &arguments);

private:
    // A subcommand: what `nimbus --help` says of it and the member that runs it.
    struct Command
    {
        const char *name;
        const char *summary;
        int (CommandLine::*run)(const QStringList &arguments);
    };
    static const Command kCommands[];

    int usage(const QString &error = {});
    int validate(const QStringList &arguments);
    int info(const QStringList &arguments);
    int exportJson(const QStringList &arguments);
    int importJson(const QStringList &arguments);
    int invoke(const QStringList &arguments);
    int events(const QStringList &arguments);
    int cost(const QStringList &arguments);
    int exportProject(const QStringList &arguments);
    int importProject(const QStringList &arguments);
    int serve(const QStringList &arguments);
    int cloud(const QStringList &arguments);
    int token(const QStringList &arguments);
    int secret(const QStringList &arguments);
    int mcp(const QStringList &arguments);
    int test(const QStringList &arguments);
    int workflow(const QStringList &arguments);
    int runtimes(const QStringList &arguments);
    static constexpr int kAnyArguments = -2;
    // Shared by the commands: parses a command's options, or prints its help (the description
    // and the exit codes) or what is wrong with them and gives the exit code to stop with.
    // positionalCount: how many arguments; -1 for none or one; kAnyArguments for any.
    std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &description, int positionalCount);
    bool open(const QString &path, Project &project);
    // Writes to the file (atomically), or to standard output when path is empty.
    int writeOutput(const QByteArray &data, const QString &path);

    QTextStream mOut;
    QTextStream mErr;
};

// Runs the event loop until Ctrl+C or SIGTERM (or QCoreApplication::quit()), so that
// everything stops cleanly: `nimbus serve`, `nimbus mcp`.
void runUntilSignalled();

// The whole number an option was given, when it is one from minimum to maximum.
std::optional<int> intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum,
                             int maximum);

} // namespace Nimbus
