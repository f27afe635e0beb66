#include "commandline.h"

#include "cloud/awsendpoint.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "workflow/workflowengine.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The state a history event is about, and the one value worth a glance (input, output or error).
QPair<QString, QString> summary(const ExecutionEvent &event)
{
    const QJsonObject &d = event.details;
    QString state = d.value("name"_L1).toString();
    QString value;
    if (d.contains("error"_L1))
        value = d.value("error"_L1).toString()
                + (d.value("cause"_L1).toString().isEmpty() ? QString() : u": "_s + d.value("cause"_L1).toString());
    else if (d.contains("output"_L1))
        value = d.value("output"_L1).toString();
    else if (d.contains("input"_L1))
        value = d.value("input"_L1).toString();
    else if (d.contains("index"_L1))
        value = u"#%1"_s.arg(d.value("index"_L1).toInt());
    else if (d.contains("length"_L1))
        value = u"%1 items"_s.arg(d.value("length"_L1).toInt());
    else if (d.contains("resource"_L1))
        value = d.value("resourceType"_L1).toString() + u':' + d.value("resource"_L1).toString();
    if (value.size() > 100)
        value = value.left(97) + u"..."_s;
    return {state, value};
}

} // namespace

int CommandLine::workflow(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("The project (.nimbus or .json)."));
    parser.addPositionalArgument(u"MACHINE"_s, tr("The state machine node to run."));
    const QCommandLineOption input(u"input"_s, tr("The execution's input: a JSON file (default: {})."), u"FILE"_s);
    const QCommandLineOption name(u"name"_s, tr("The execution's name (default: a UUID)."), u"NAME"_s);
    const QCommandLineOption state(
        u"state"_s, tr("A state folder to run in and keep (default: a fresh one, removed after)."), u"DIR"_s);
    const QCommandLineOption wait(u"real-waits"_s,
                                  tr("Wait states and retry intervals take their real time (default: skipped)."));
    const QCommandLineOption json(u"json"_s, tr("Print the execution and its history as JSON."));
    parser.addOptions({input, name, state, wait, json});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Runs one execution of a state machine of the design on a local cloud of its own (its functions on "
               "real workers, its queues, topics and tables as `nimbus serve` runs them) and prints its history: "
               "each state entered and left, each task, with inputs, outputs and errors. Wait states and retry "
               "intervals are skipped unless --real-waits. Exits with 0 when the execution succeeded, 1 when it "
               "failed, timed out or was aborted, 3 when the project, the machine or the input cannot be read."),
            2))
        return *stop;
    const QStringList args = parser.positionalArguments();
    Project project(Catalog::builtin());
    if (!open(args.at(0), project))
        return InputError;
    const Node *node = project.architecture().nodeByName(args.at(1));
    if (!node || node->kind != Kinds::StateMachine) {
        mErr << "nimbus workflow: " << tr("the design has no state machine named %1").arg(args.at(1)) << '\n';
        return InputError;
    }
    QByteArray inputJson = "{}";
    if (parser.isSet(input)) {
        QFile file(parser.value(input));
        if (!file.open(QIODevice::ReadOnly)) {
            mErr << "nimbus workflow: " << tr("cannot read %1: %2").arg(file.fileName(), file.errorString()) << '\n';
            return InputError;
        }
        inputJson = file.read(WorkflowEngine::kPayloadLimit + 1);
    }

    FunctionRunner runner;
    runner.setProject(&project);
    runner.setRecording(false);
    LocalCloud cloud(project, runner);
    // The project's permissions mode, as the studio and nimbus serve run it.
    cloud.setIamMode(LocalCloud::iamModeOf(project));
    QTemporaryDir scratch;
    const QString stateDirectory = parser.isSet(state) ? parser.value(state) : scratch.path();
    if (const Result<void> started = cloud.start(stateDirectory); !started) {
        mErr << "nimbus workflow: " << started.errorMessage() << '\n';
        return OutputError;
    }
    AwsEndpoint endpoint(cloud);
    if (const Result<void> listening = endpoint.listen(QHostAddress::LocalHost, 0); !listening) {
        mErr << "nimbus workflow: " << listening.errorMessage() << '\n';
        return OutputError;
    }
    cloud.setServiceEndpoint(endpoint.url());
    WorkflowEngine &engine = cloud.workflows();

    QEventLoop loop;
    std::optional<ExecutionRecord> finished;
    const Result<QString> arn = engine.startExecution(node->name, inputJson, parser.value(name), 0,
                                                      [&](const ExecutionRecord &record) {
        finished = record;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    });
    if (!arn) {
        mErr << "nimbus workflow: " << arn.errorMessage() << '\n';
        cloud.stop();
        return InputError;
    }
    // Waits and retries come due on the cloud's clock; skipped, they end at the next turn.
    QTimer skipper;
    if (!parser.isSet(wait)) {
        QObject::connect(&skipper, &QTimer::timeout, &engine, [&engine] { engine.skipWaits(); });
        skipper.start(10);
    }
    if (!finished)
        loop.exec();
    skipper.stop();

    const QList<ExecutionEvent> history = engine.history(*arn);
    const ExecutionRecord record = *finished;
    if (parser.isSet(json)) {
        QJsonArray events;
        for (const ExecutionEvent &event : history)
            events.append(event.toJson());
        QJsonObject execution{
            {u"executionArn"_s, record.arn},        {u"name"_s, record.name},
            {u"status"_s, record.status},           {u"input"_s, record.input},
            {u"transitions"_s, record.transitions}, {u"durationMs"_s, record.started.msecsTo(record.stopped)}};
        if (record.status == "SUCCEEDED"_L1)
            execution.insert(u"output"_s, record.output);
        else {
            execution.insert(u"error"_s, record.error);
            execution.insert(u"cause"_s, record.cause);
        }
        mOut << QJsonDocument(QJsonObject{{u"execution"_s, execution}, {u"events"_s, events}}).toJson();
    } else {
        const QDateTime start = record.started;
        for (const ExecutionEvent &event : history) {
            const auto [stateName, value] = summary(event);
            mOut << QString::number(event.id).rightJustified(4) << "  "
                 << (QString::number(start.msecsTo(event.when)) + u" ms"_s).rightJustified(9) << "  "
                 << event.type.leftJustified(28) << ' ' << stateName.leftJustified(20) << ' ' << value << '\n';
        }
        const QByteArray output = QJsonDocument(QJsonArray{record.output}).toJson(QJsonDocument::Compact);
        mOut << '\n'
             << tr("%1 %2 in %3 ms, %n state transition(s)", nullptr, record.transitions)
                    .arg(record.name, record.status, QString::number(record.started.msecsTo(record.stopped)))
             << '\n';
        if (record.status == "SUCCEEDED"_L1)
            mOut << tr("Output: %1").arg(QString::fromUtf8(output.mid(1, output.size() - 2))) << '\n';
        else
            mOut << tr("Error: %1").arg(record.error) << (record.cause.isEmpty() ? QString() : u": "_s + record.cause)
                 << '\n';
    }
    mOut.flush();
    endpoint.close();
    cloud.stop();
    runner.pool()->stopAll();
    return record.status == "SUCCEEDED"_L1 ? Success : ValidationErrors;
}

} // namespace Nimbus
