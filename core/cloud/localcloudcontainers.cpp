// The local cloud's serverless containers: requests and events proxied to the instances
// of ContainerPool, logged as the cloud's other hops.
#include "localcloud.h"
#include "model/kinds.h"

#include "document/project.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The CloudEvents type of an event from a node: the AWS event source its body has the
// shape of (the body is the event a function connected to it would get).
QByteArray cloudEventType(const Node *source)
{
    if (!source)
        return "aws.lambda";
    if (source->kind == Kinds::Queue)
        return "aws.sqs";
    if (source->kind == Kinds::Topic)
        return "aws.sns";
    if (source->kind == Kinds::Bucket)
        return "aws.s3";
    if (source->kind == Kinds::Table)
        return "aws.dynamodb";
    if (source->kind == Kinds::Schedule || source->kind == Kinds::Rule)
        return "aws.events";
    return "aws.lambda";
}

} // namespace

ContainerPool &LocalCloud::containers()
{
    if (mContainers)
        return *mContainers;
    mContainers = new ContainerPool(this);
    connect(mContainers, &ContainerPool::instanceStarted, this,
            [this](const QString &container, int instance, double ms, const QString &how) {
        const qint64 id = logChange(container, 0,
                                    tr("instance %1 started in %2 ms (%3)").arg(instance).arg(qRound(ms)).arg(how));
        if (CloudLogEntry *entry = logEntry(id))
            entry->durationMs = ms;
    });
    connect(mContainers, &ContainerPool::instanceStopped, this,
            [this](const QString &container, int instance, const QString &reason) {
        logChange(container, 0, tr("instance %1 stopped: %2").arg(instance).arg(reason));
    });
    connect(mContainers, &ContainerPool::instanceFailed, this,
            [this](const QString &container, int instance, const QString &problem) {
        Q_UNUSED(instance)
        addLog(CloudLogEntry::failure(CloudLogEntry::Kind::Error, 0, container, container, problem));
    });
    return *mContainers;
}

void LocalCloud::startContainers()
{
    const QString directory = mProject.directory();
    for (const auto &[id, node] : mProject.architecture().nodes()) {
        if (node.kind != Kinds::Container || node.properties.value("minInstances"_L1).toInt() <= 0)
            continue;
        const Result<ContainerSpec> spec = ContainerSpec::fromNode(node, directory);
        if (!spec) {
            addLog(CloudLogEntry::failure(CloudLogEntry::Kind::Error, 0, node.name, node.name, spec.errorMessage()));
            continue;
        }
        ContainerSpec warmed = *spec;
        warmed.environment = environmentOf(node) + warmed.environment;
        containers().warm(warmed);
    }
}

Result<qint64> LocalCloud::requestContainer(const QString &container, const ContainerRequest &request,
                                            const QString &source, qint64 cause, ContainerDone done, NodeId sourceNode)
{
    const Result<const Node *> node = service(container, "container");
    if (!node)
        return node.error();
    if (Result<void> within = withinLoopLimit(cause, source, container); !within)
        return within.error();
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::Invocation;
    entry.cause = cause;
    entry.source = source;
    entry.target = container;
    entry.fromNode = sourceNode;
    Result<ContainerSpec> spec = mProject.directory().isEmpty()
                                     ? Result<ContainerSpec>(fail(tr("container '%1': save the project first: its "
                                                                     "folder is relative to the project file")
                                                                      .arg(container)))
                                     : ContainerSpec::fromNode(**node, mProject.directory());
    if (spec) {
        // A function's resource variables (queue URLs, table names, the endpoint and its
        // credentials) come first; the node's own win.
        spec->environment = environmentOf(**node) + spec->environment;
    }
    if (!spec) {
        entry.kind = CloudLogEntry::Kind::Error;
        entry.ok = false;
        entry.detail = spec.errorMessage();
        addLog(entry);
        return spec.error();
    }
    entry.detail = tr("%1 %2").arg(request.method, request.path);
    entry.finished = false;
    const qint64 id = addLog(entry);
    QPointer<LocalCloud> self(this);
    containers().request(*spec, request, [self, id, done](const ContainerAnswer &answer) {
        if (done)
            done(answer);
        if (!self)
            return;
        CloudLogEntry *hop = self->logEntry(id);
        if (!hop)
            return;
        hop->finished = true;
        hop->durationMs = answer.durationMs;
        hop->ok = answer.status < 400;
        if (!hop->httpStatus)
            hop->httpStatus = answer.status;
        QString detail = !answer.problem.isEmpty()
                             ? answer.problem
                             : tr("answered %1 (instance %2)").arg(answer.status).arg(answer.instance);
        if (answer.coldStart && answer.problem.isEmpty())
            detail += tr(", cold start");
        hop->detail = detail;
        emit self->logged(*hop);
    });
    return id;
}

Result<qint64> LocalCloud::deliverToContainer(const Node *container, const QByteArray &event, const QString &source,
                                              qint64 cause, Completion done, NodeId sourceNode)
{
    const Node *from = mProject.architecture().nodeByName(source);
    const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ContainerRequest request;
    request.method = u"POST"_s;
    request.path = u"/"_s;
    request.body = event;
    // CloudEvents in binary content mode, as Eventarc and Knative deliver.
    request.headers = {
        {"content-type", "application/json"}, {"ce-specversion", "1.0"},
        {"ce-id", eventId.toUtf8()},          {"ce-source", "/nimbus/" + source.toUtf8().toPercentEncoding()},
        {"ce-type", cloudEventType(from)},    {"ce-time", mClock->now().toUTC().toString(Qt::ISODateWithMs).toUtf8()}};
    const QString name = container->name;
    return requestContainer(
        name, request, source, cause,
        [done, name, eventId](const ContainerAnswer &answer) {
        if (!done)
            return;
        InvocationResult result;
        result.functionName = name;
        result.requestId = eventId;
        result.ok = answer.status >= 200 && answer.status < 300;
        result.durationMs = answer.durationMs;
        result.coldStart = answer.coldStart;
        if (result.ok) {
            result.resultJson = answer.body;
        } else {
            result.error = QJsonObject{{u"errorType"_s, u"HTTP %1"_s.arg(answer.status)},
                                       {u"errorMessage"_s, answer.problem.isEmpty()
                                                               ? QString::fromUtf8(answer.body.left(200)).simplified()
                                                               : answer.problem}};
        }
        done(result);
        },
        sourceNode ? sourceNode : (from ? from->id : kInvalidNodeId));
}

} // namespace Nimbus
