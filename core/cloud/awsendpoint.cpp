#include "awsendpoint.h"

#include "awswire.h"
#include "document/project.h"
#include "dynamoexpression.h"
#include "httpmethod.h"
#include "localcloud.h"
#include "model/effectivepolicy.h"
#include "model/kinds.h"
#include "runtime/requestid.h"
#include "secretsextension.h"
#include "services/services.h"

#include <QAbstractHttpServer>
#include <QDir>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The request id of the invocation behind a trace header: the bootstraps set
// _X_AMZN_TRACE_ID to Root=1-<first 8 hex digits of the request id>-<other 24>. Read on the
// connection threads for every GetItem a function makes, so without a regular expression.
QString requestIdOfTrace(const QByteArray &trace)
{
    static constexpr QByteArrayView prefix("Root=1-");
    auto hex = [](const char *text, qsizetype length) {
        return std::all_of(text, text + length,
                           [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    };
    for (qsizetype at = trace.indexOf(prefix); at >= 0; at = trace.indexOf(prefix, at + 1)) {
        const char *root = trace.constData() + at + prefix.size();
        if (trace.size() - at - prefix.size() < 33 || !hex(root, 8) || root[8] != '-' || !hex(root + 9, 24))
            continue;
        QString id;
        id.reserve(36);
        id.append(QLatin1String(root, 8)).append(u'-').append(QLatin1String(root + 9, 4)).append(u'-');
        id.append(QLatin1String(root + 13, 4)).append(u'-').append(QLatin1String(root + 17, 4)).append(u'-');
        id.append(QLatin1String(root + 21, 12));
        return id;
    }
    return {};
}

// The service named in the signature's credential scope (…/region/service/aws4_request).
QString signingService(const QByteArray &authorization)
{
    static const QRegularExpression scope(u"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request"_s);
    return scope.match(QString::fromLatin1(authorization)).captured(1);
}

// The kind of the design's resources a service's requests name by their AWS names.
QLatin1String resourceKind(const QString &service)
{
    if (service == "dynamodb"_L1)
        return Kinds::Table;
    if (service == "sqs"_L1)
        return Kinds::Queue;
    if (service == "sns"_L1)
        return Kinds::Topic;
    if (service == "s3"_L1)
        return Kinds::Bucket;
    return {};
}

// The resources a request names, as AWS knows them (physical names, a FIFO queue's or
// topic's with .fifo): the tables of a DynamoDB call (a batch or a transaction names
// several), the queue of an SQS call, the bucket of an S3 call, the topic of an SNS call.
QStringList resourcesOf(const QString &service, const AwsRequest &request, const LocalCloud &cloud)
{
    QStringList names;
    const QJsonObject input = request.protocol != AwsProtocol::Json ? request.parameters
                              : request.json                        ? *request.json
                                                                    : QJsonDocument::fromJson(request.body).object();
    if (service == "dynamodb"_L1) {
        names.append(input.value("TableName"_L1).toString());
        names.append(input.value("RequestItems"_L1).toObject().keys());
        for (const QJsonValue &item : input.value("TransactItems"_L1).toArray()) {
            const QJsonObject operation = item.toObject();
            for (auto it = operation.begin(); it != operation.end(); ++it)
                names.append(it.value().toObject().value("TableName"_L1).toString());
        }
    } else if (service == "sqs"_L1) {
        names.append(input.value("QueueUrl"_L1).toString().section('/'_L1, -1));
        names.append(input.value("QueueName"_L1).toString());
    } else if (service == "sns"_L1) {
        names.append(input.value("TopicArn"_L1).toString().section(':'_L1, -1));
    } else if (service == "s3"_L1) {
        // As the S3 service reads it: virtual-hosted style names the bucket in the host.
        const bool hostIsName = QHostAddress(request.host).isNull() && request.host != "localhost"_L1
                                && request.host.contains('.'_L1);
        const QString hostBucket = request.host.section('.'_L1, 0, 0);
        const bool hosted = hostIsName && !cloud.resourceNamed(Kinds::Bucket, hostBucket).isEmpty();
        names.append(hosted ? hostBucket : request.path.mid(1).section('/'_L1, 0, 0));
    }
    names.removeAll(QString());
    names.removeDuplicates();
    return names;
}

// One IAM permission an SDK call needs: action on a node of the design (by name), with the
// ARN AWS would name in its refusal.
struct NeededPermission
{
    QString action;
    QString resource;
    QString arn;
    bool objectLevel = false;
};

// The event bus node a name or ARN names ("default" when empty), as EventBus finds it.
const Node *busNamed(const Architecture &architecture, const QString &nameOrArn)
{
    QString name = nameOrArn.isEmpty() ? u"default"_s : nameOrArn;
    if (name.startsWith("arn:"_L1))
        name = name.section("event-bus/"_L1, 1);
    const Node *byNodeName = nullptr;
    for (const auto &[id, node] : architecture.nodes()) {
        if (node.kind != Kinds::EventBus)
            continue;
        if (node.properties.value("busName"_L1).toString(node.name) == name)
            return &node;
        if (node.name == name)
            byNodeName = &node;
    }
    return byNodeName;
}

// What IAM checks for an SDK call on the design's resources (calls naming none of them
// are not checked): the actions AWS's service authorization reference lists for each
// operation, a batch's as its single operation's.
QList<NeededPermission> neededPermissions(const QString &service, const AwsRequest &request, const LocalCloud &cloud)
{
    const Architecture &architecture = cloud.project().architecture();
    QList<NeededPermission> needed;
    auto add = [&](const QString &action, const Node *node, const QString &suffix = {}) {
        if (node && !action.isEmpty())
            needed.append(
                {action, node->name, EffectivePolicy::arn(*node, cloud.region(), u"Arn"_s, suffix), !suffix.isEmpty()});
    };
    // Queues, topics, tables and buckets are named by their AWS names (a dead-letter
    // queue is none of the design's nodes); functions and state machines by their nodes'.
    auto named = [&](const QString &name, QLatin1String kind) -> const Node * {
        const bool byAwsName = kind == Kinds::Table || kind == Kinds::Queue || kind == Kinds::Topic
                               || kind == Kinds::Bucket;
        // (A resource made by code in this run is checked too: no connection grants it, as
        // no role grants one made outside the template on AWS.)
        const Node *node = byAwsName ? cloud.resourceNode(cloud.resourceNamed(kind, name))
                                     : architecture.nodeByName(name);
        return node && node->kind == kind ? node : nullptr;
    };
    const QJsonObject input = request.protocol != AwsProtocol::Json ? request.parameters
                              : request.json                        ? *request.json
                                                                    : QJsonDocument::fromJson(request.body).object();
    const QString operation = request.operation;
    if (service == "dynamodb"_L1) {
        const QString action = "dynamodb:"_L1 + operation;
        add(action, named(input.value("TableName"_L1).toString(), Kinds::Table));
        const QJsonObject items = input.value("RequestItems"_L1).toObject();
        for (auto it = items.begin(); it != items.end(); ++it)
            add(action, named(it.key(), Kinds::Table));
        // A transaction needs each item's own action.
        static const QHash<QString, QString> transacted{{u"Put"_s, u"PutItem"_s},
                                                        {u"Update"_s, u"UpdateItem"_s},
                                                        {u"Delete"_s, u"DeleteItem"_s},
                                                        {u"ConditionCheck"_s, u"ConditionCheckItem"_s},
                                                        {u"Get"_s, u"GetItem"_s}};
        for (const QJsonValue &item : input.value("TransactItems"_L1).toArray()) {
            const QJsonObject operations = item.toObject();
            for (auto it = operations.begin(); it != operations.end(); ++it)
                add("dynamodb:"_L1 + transacted.value(it.key(), it.key()),
                    named(it.value().toObject().value("TableName"_L1).toString(), Kinds::Table));
        }
    } else if (service == "sqs"_L1) {
        QString action = operation;
        if (action.endsWith("Batch"_L1))
            action.chop(5);
        const QString url = input.value("QueueUrl"_L1).toString().section('/'_L1, -1);
        add("sqs:"_L1 + action, named(url.isEmpty() ? input.value("QueueName"_L1).toString() : url, Kinds::Queue));
    } else if (service == "sns"_L1) {
        const QString action = operation == "PublishBatch"_L1 ? u"Publish"_s : operation;
        add("sns:"_L1 + action, named(input.value("TopicArn"_L1).toString().section(':'_L1, -1), Kinds::Topic));
    } else if (service == "events"_L1) {
        if (operation == "PutEvents"_L1) {
            for (const QJsonValue &entry : input.value("Entries"_L1).toArray())
                add(u"events:PutEvents"_s,
                    busNamed(architecture, entry.toObject().value("EventBusName"_L1).toString()));
        } else if (input.contains("EventBusName"_L1)) {
            add("events:"_L1 + operation, busNamed(architecture, input.value("EventBusName"_L1).toString()));
        }
    } else if (service == "states"_L1) {
        // Starting names the machine; what follows (describe, stop, history) names its
        // execution, whose machine IAM checks as the execution's resource.
        QString arn = input.value("stateMachineArn"_L1).toString();
        if (arn.isEmpty())
            arn = input.value("executionArn"_L1).toString().section(u':', 6, 6);
        const Node *machine = named(arn.contains(u':') ? arn.section(u':', 6, 6) : arn, Kinds::StateMachine);
        for (const auto &[id, node] : architecture.nodes())
            if (!machine && node.kind == Kinds::StateMachine
                && node.properties.value("stateMachineName"_L1).toString() == arn.section(u':', 6, 6))
                machine = &node;
        add("states:"_L1 + operation, machine);
    } else if (service == "secretsmanager"_L1) {
        // ListSecrets names no secret (IAM checks it on "*"): it is not checked.
        add("secretsmanager:"_L1 + operation, secretNode(cloud, input.value("SecretId"_L1).toString()));
    } else if (service == "ssm"_L1) {
        const QString action = "ssm:"_L1 + operation;
        // A version selector (/app/url:3) names the parameter.
        auto parameter = [&](const QString &name) {
            const qsizetype colon = name.lastIndexOf(u':');
            return parameterNode(cloud, colon > 0 && !name.startsWith("arn:"_L1) ? name.left(colon) : name);
        };
        if (operation == "GetParametersByPath"_L1) {
            // Every parameter of the design the path would answer.
            QString path = input.value("Path"_L1).toString();
            if (!path.endsWith(u'/'))
                path += u'/';
            for (const Node *node : parameterNodes(cloud))
                if (node->properties.value("parameterName"_L1).toString(u'/' + node->name).startsWith(path))
                    add(action, node);
        } else {
            add(action, parameter(input.value("Name"_L1).toString()));
            for (const QJsonValue &name : input.value("Names"_L1).toArray())
                add(action, parameter(name.toString()));
        }
    } else if (service == "lambda"_L1) {
        static const QRegularExpression invoke(u"^/2015-03-31/functions/([^/]+)/invocations/?$"_s);
        const auto match = invoke.match(request.path);
        if (request.method == "POST"_L1 && match.hasMatch()) {
            // A name, a partial ARN or an ARN, with or without a qualifier.
            QString name = match.captured(1);
            if (name.contains(":function:"_L1))
                name = name.section(":function:"_L1, 1);
            add(u"lambda:InvokeFunction"_s, named(name.section(':'_L1, 0, 0), Kinds::Function));
        }
    } else if (service == "s3"_L1) {
        const QStringList buckets = resourcesOf(service, request, cloud);
        const Node *bucket = buckets.isEmpty() ? nullptr : named(buckets.first(), Kinds::Bucket);
        if (!bucket)
            return needed;
        const QString bucketName = buckets.first(); // as the request names it
        const bool hosted = !request.path.mid(1).startsWith(bucketName + '/'_L1) && request.path.mid(1) != bucketName;
        const QString key = hosted ? request.path.mid(1) : request.path.mid(bucketName.size() + 2);
        const QUrlQuery query(QString::fromUtf8(request.query));
        const QString method = request.method;
        if (!key.isEmpty()) {
            QString action;
            if (method == "GET"_L1 || method == "HEAD"_L1)
                action = query.hasQueryItem(u"uploadId"_s) ? u"s3:ListMultipartUploadParts"_s : u"s3:GetObject"_s;
            else if (method == "PUT"_L1 || method == "POST"_L1)
                action = u"s3:PutObject"_s;
            else if (method == "DELETE"_L1)
                action = query.hasQueryItem(u"uploadId"_s) ? u"s3:AbortMultipartUpload"_s : u"s3:DeleteObject"_s;
            add(action, bucket, '/'_L1 + key);
        } else if (method == "POST"_L1 && query.hasQueryItem(u"delete"_s)) {
            add(u"s3:DeleteObject"_s, bucket, u"/*"_s);
        } else if (method == "HEAD"_L1 || method == "GET"_L1) {
            static const QStringList listing{
                u"list-type"_s,   u"prefix"_s, u"delimiter"_s,     u"max-keys"_s,    u"continuation-token"_s,
                u"start-after"_s, u"marker"_s, u"encoding-type"_s, u"fetch-owner"_s, u"x-id"_s};
            bool list = true;
            for (const auto &[name, value] : query.queryItems())
                list = list && listing.contains(name);
            if (list)
                add(u"s3:ListBucket"_s, bucket);
        }
    }
    return needed;
}

// AWS's answer to a call IAM refuses, in the service's protocol.
HttpResponseData accessDenied(const QString &service, const AwsRequest &request, const QString &message)
{
    if (service == "dynamodb"_L1)
        return AwsWire::jsonError(400, u"com.amazonaws.dynamodb.v20120810#"_s, u"AccessDeniedException"_s, message);
    if (service == "events"_L1 || service == "secretsmanager"_L1 || service == "ssm"_L1)
        return AwsWire::jsonError(400, QString(), u"AccessDeniedException"_s, message);
    if (service == "sqs"_L1) {
        if (request.protocol == AwsProtocol::Query)
            return AwsWire::xmlAnswer(403, AwsWire::queryError(u"AccessDenied"_s, message, true, request.requestId));
        HttpResponseData answer = AwsWire::jsonError(403, u"com.amazon.coral.service#"_s, u"AccessDeniedException"_s,
                                                     message);
        AwsWire::addHeader(answer.headers, "x-amzn-query-error", "AccessDenied;Sender");
        return answer;
    }
    if (service == "sns"_L1)
        return AwsWire::xmlAnswer(403, AwsWire::queryError(u"AuthorizationError"_s, message, true, request.requestId));
    HttpResponseData answer;
    answer.status = 403;
    if (service == "lambda"_L1) {
        AwsWire::addHeader(answer.headers, "content-type", "application/json");
        AwsWire::addHeader(answer.headers, "x-amzn-errortype", "AccessDeniedException");
        answer.body =
            QJsonDocument(QJsonObject{{u"Type"_s, u"User"_s}, {u"Message"_s, message}}).toJson(QJsonDocument::Compact);
    } else {
        QXmlStreamWriter writer(&answer.body);
        writer.writeStartDocument();
        writer.writeStartElement(u"Error"_s);
        writer.writeTextElement(u"Code"_s, u"AccessDenied"_s);
        writer.writeTextElement(u"Message"_s, message);
        writer.writeTextElement(u"RequestId"_s, request.requestId);
        writer.writeEndElement();
        writer.writeEndDocument();
        AwsWire::addHeader(answer.headers, "content-type", "application/xml");
    }
    answer.problem = u"AccessDenied: "_s + message;
    return answer;
}

// Sends length bytes of a file to a socket as the socket drains, a chunk at a time, so
// that an object of gigabytes never sits in memory (Qt HttpServer 6.4's own QIODevice
// answer takes its headers as an initializer list only). Owned by the socket; holds
// the responder until the body is sent.
class FileStreamer : public QObject
{
public:
    FileStreamer(QTcpSocket *socket, std::shared_ptr<QFile> file, qint64 length,
                 std::shared_ptr<QHttpServerResponder> responder)
        : QObject(socket), mSocket(socket), mFile(std::move(file)), mLeft(length), mResponder(std::move(responder))
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &FileStreamer::pump);
        pump();
    }

private:
    static constexpr qint64 kChunk = 1024 * 1024;
    static constexpr qint64 kBuffered = 4 * 1024 * 1024;

    void pump()
    {
        while (mLeft > 0 && mSocket->bytesToWrite() < kBuffered) {
            const QByteArray chunk = mFile->read(std::min(mLeft, kChunk));
            if (chunk.isEmpty()) {
                // The file shrank under us: a short body the client notices, not a wrong one.
                mLeft = 0;
                mSocket->abort();
                return;
            }
            mSocket->write(chunk);
            mLeft -= chunk.size();
        }
        if (mLeft == 0 && mFile) {
            disconnect(mSocket, nullptr, this, nullptr);
            mFile.reset();
            mResponder.reset();
            deleteLater();
        }
    }

    QTcpSocket *mSocket;
    std::shared_ptr<QFile> mFile; // opened on the cloud's thread, read on this one only
    qint64 mLeft;
    std::shared_ptr<QHttpServerResponder> mResponder;
};
} // namespace

AwsEndpoint::AwsEndpoint(LocalCloud &cloud, QObject *parent)
    : QObject(parent), mCloud(cloud), mExtension(new SecretsExtension(*this, this))
{
    // SQS before SNS: both take forms, and a form no service claims is SQS's.
    for (AwsService *service :
         {createSqsService(*this), createSnsService(*this), createS3Service(*this), createDynamoDbService(*this),
          createEventBridgeService(*this), createLambdaService(*this), createSecretsManagerService(*this),
          createSsmService(*this), createStepFunctionsService(*this)})
        mServices.append(service);
}

AwsEndpoint::~AwsEndpoint()
{
    close();
}

Result<void> AwsEndpoint::listen(const QHostAddress &address, quint16 port)
{
    close();
    // At least two: the GetItems TableReads can answer are served on these threads, which
    // then use a second core while the cloud's thread writes.
    mThreads = std::make_unique<ServerThreads>(
        ServerThreads::defaultCount(2),
        [this](const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io) {
        serve(request, socket, io);
        },
        mConnectionsOnOwnThread ? ServerThreads::Lanes::WithCallingThread : ServerThreads::Lanes::OwnThreads);
    // DynamoDB takes requests of up to 16 MB; S3 objects of up to kRequestLimit in one PUT,
    // which names its length (S3 refuses a PUT without one; the SDKs' streaming uploads
    // are aws-chunked with a Content-Length). A body of unknown length is held to 16 MB.
    auto bodyLimit = [](const QByteArray &requestLine, const HttpHeaders &headers) {
        // A Lambda invocation takes 6 MB at most: a body much larger is not even read (one
        // just over gets Lambda's own error from the service).
        if (requestLine.contains(" /2015-03-31/functions/"))
            return kInvokeRequestLimit;
        for (const auto &[name, value] : headers)
            if ((name == "x-amz-target" && value.toLower().startsWith("dynamodb_")) || name == "transfer-encoding")
                return kDynamoRequestLimit;
        return kRequestLimit;
    };
    auto refusal = [](int status, const QString &message) {
        const QString code = status == 413   ? u"EntityTooLarge"_s
                             : status == 431 ? u"RequestHeaderSectionTooLarge"_s
                             : status == 403 ? u"AccessDenied"_s
                                             : u"BadRequest"_s;
        return secured(AwsWire::xmlAnswer(status, AwsWire::queryError(code, message, true, QString())));
    };
    // An object or a part of kSpillThreshold or more goes to a file as it arrives, and is
    // read from it when its turn comes on the cloud's thread: parts uploaded ten at a
    // time no longer sit in memory, each more than once, while they wait.
    mThreads->setSpill(
        kSpillThreshold,
        [](const QByteArray &requestLine, const HttpHeaders &) { return requestLine.startsWith("PUT "); },
        [this](const GuardedTcpServer::SpilledRequest &request, const std::shared_ptr<Mailbox> &io) {
        serveSpilled(request, io);
        },
        QDir::tempPath());
    mPort = mThreads->listen(&mGuard, bodyLimit, refusal, address, port);
    if (mPort == 0) {
        mThreads.reset();
        return fail(tr("cannot listen on %1:%2").arg(address.toString()).arg(port));
    }
    // Without the extension the SDK calls still work: the workers are not told of a port then.
    if (mExtension->listen())
        mCloud.setExtensionPort(mExtension->port());
    return {};
}

AwsService *AwsEndpoint::service(const QString &name) const
{
    for (AwsService *service : mServices)
        if (service->name() == name)
            return service;
    return nullptr;
}

QList<AwsOperation> AwsEndpoint::operations() const
{
    QList<AwsOperation> all;
    for (const AwsService *service : mServices)
        all.append(service->operations());
    return all;
}

QString AwsEndpoint::serviceTitle(const QString &name)
{
    static const QHash<QString, QString> titles{
        {u"sqs"_s, u"SQS"_s},
        {u"sns"_s, u"SNS"_s},
        {u"s3"_s, u"S3"_s},
        {u"dynamodb"_s, u"DynamoDB"_s},
        {u"events"_s, u"EventBridge"_s},
        {u"lambda"_s, u"Lambda"_s},
        {u"secretsmanager"_s, u"Secrets Manager"_s},
        {u"ssm"_s, u"Systems Manager Parameter Store"_s},
        {u"states"_s, u"Step Functions"_s},
    };
    return titles.value(name, name);
}

QString AwsEndpoint::operationsTable() const
{
    // Protocol text, in English as the services' own answers; a note never breaks a cell.
    auto cell = [](QString text) { return text.replace(u'|', u"\\|"_s); };
    QString table = u"| Service | Operation | Status | Note |\n|---|---|---|---|\n"_s;
    for (const AwsOperation &operation : operations())
        table += u"| %1 | %2 | %3 | %4 |\n"_s.arg(serviceTitle(operation.service), operation.name,
                                                  AwsService::statusName(operation.status), cell(operation.note));
    return table;
}

void AwsEndpoint::serve(const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io)
{
    // On the connection's thread: the request is read and answered here, and served on the
    // cloud's.
    AwsRequest data;
    readRequest(request, &data);
    data.host = RequestGuard::hostOf(data.header("host"));
    auto responder = std::make_shared<QHttpServerResponder>(GuardedHttpServer::makeResponder(request, socket));
    QPointer<QTcpSocket> alive(socket);
    const bool head = data.method == "HEAD"_L1;
    auto bodyFile = std::make_shared<BodyFile>();
    data.bodyFile = bodyFile;
    // Writes an answer, with the file of a body in a file (a large object) already open:
    // opened where the answer was decided, before a later request could replace it.
    auto reply =
        [responder, alive, head, bodyFile](const HttpResponseData &response, const std::shared_ptr<QFile> &opened) {
        if (!alive)
            return; // the client hung up
        if (opened && !opened->isOpen()) {
            responder->write(QHttpServerResponder::StatusCode::InternalServerError);
            return;
        }
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
        bool hasLength = false;
        for (const auto &[key, value] : response.headers) {
            responder->writeHeader(key, value);
            hasLength = hasLength || key.compare("content-length", Qt::CaseInsensitive) == 0;
        }
        if (!hasLength)
            responder->writeHeader("content-length", QByteArray::number(response.body.size()));
        if (head || opened)
            responder->writeBody(QByteArray());
        else
            responder->writeBody(response.body);
        if (opened) // sent from it a chunk at a time
            new FileStreamer(alive.data(), opened, bodyFile->length, responder);
        else // written now, in one call, rather than on the loop's next pass
            alive->flush();
    };
    // Checked again on the head as Qt parsed it: the guard's own read of the raw bytes
    // decided before any body arrived; this one is the parse the request is served by.
    if (const auto refusal = mGuard.refusal(data.headers)) {
        reply(AwsEndpoint::secured(
                  AwsWire::xmlAnswer(403, AwsWire::queryError(u"AccessDenied"_s, *refusal, true, QString()))),
              nullptr);
        return;
    }
    // DynamoDB's JSON body is parsed here rather than on the cloud's thread, once the
    // request is known to be allowed (other services read their bodies themselves).
    if (data.header("x-amz-target").startsWith("DynamoDB_")) {
        if (const QJsonDocument body = QJsonDocument::fromJson(data.body); body.isObject()) {
            data.json = body.object();
            // A PutItem's item is normalised, measured and written as JSON here too.
            if (data.header("x-amz-target") == "DynamoDB_20120810.PutItem")
                data.dynamoItem = std::make_shared<const DynamoValue::PreparedItem>(
                    DynamoValue::PreparedItem::of(data.json->value("Item"_L1).toObject()));
        }
        // A GetItem of a key on disk that the cloud's thread read already is answered here.
        // A function's (its trace header names its invocation) only while that invocation
        // runs and once the cloud's thread let its function read that table with nothing to
        // log (IAM): any other goes there, to be checked and logged. Nor while an earlier
        // request of the connection is being served there (a client that pipelines): answers
        // go back in the order asked.
        if (data.json && data.header("x-amz-target") == "DynamoDB_20120810.GetItem"
            && data.body.size() <= kDynamoRequestLimit && serving(socket, 0) == 0) {
            const QByteArray trace = data.header("x-amzn-trace-id");
            const QString invocation = trace.isEmpty() ? QString() : requestIdOfTrace(trace);
            if (trace.isEmpty() || !invocation.isEmpty()) {
                if (std::optional<QByteArray> body = sharedGetItem(*data.json, invocation)) {
                    reply(answered(AwsWire::jsonAnswer(*body), newRequestId()), nullptr);
                    return;
                }
            }
        }
    }
    // The answer is written back on this thread, in order with this connection's others.
    Reply answer = [io, reply, head, bodyFile, alive](const HttpResponseData &response) {
        std::shared_ptr<QFile> opened;
        if (!head && !bodyFile->path.isEmpty() && response.body.isEmpty()
            && (response.status == 200 || response.status == 206)) {
            opened = std::make_shared<QFile>(bodyFile->path);
            if (!opened->open(QIODevice::ReadOnly) || !opened->seek(bodyFile->from)
                || opened->size() < bodyFile->from + bodyFile->length)
                opened->close();
        }
        io->call([reply, response, opened, alive] {
            serving(alive.data(), -1);
            reply(response, opened);
        });
    };
    serving(socket, 1);
    // Read on this thread (setConnectionsOnOwnThread): served at once.
    if (io->thread() == mHome->thread()) {
        handle(std::move(data), answer);
        return;
    }
    // Ahead of the gateway's requests still waiting: a function's SDK call is part of a
    // request already being served, and the sooner it is answered the sooner that one ends.
    mHome->post([this, data = std::move(data), answer]() mutable { handle(std::move(data), answer); },
                Qt::HighEventPriority);
}

void AwsEndpoint::serveSpilled(const GuardedTcpServer::SpilledRequest &spilled, const std::shared_ptr<Mailbox> &io)
{
    // On the connection's thread, as serve(): the request as Qt HttpServer would have read
    // it (readRequest), its body still in its file.
    AwsRequest data;
    const QList<QByteArray> line = spilled.requestLine.split(' ');
    const QByteArray target = line.value(1);
    const qsizetype question = target.indexOf('?');
    QUrl url;
    url.setPath(QString::fromUtf8(question < 0 ? target : target.left(question)), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(QString::fromUtf8(target.mid(question + 1)), QUrl::TolerantMode);
    data.method = QString::fromLatin1(line.value(0));
    data.path = url.path(QUrl::FullyDecoded);
    if (data.path.isEmpty())
        data.path = u"/"_s;
    data.query = url.query(QUrl::FullyEncoded).toUtf8();
    data.headers = spilled.headers;
    data.sourceIp = spilled.sourceIp;
    data.when = QDateTime::currentDateTimeUtc();
    data.host = RequestGuard::hostOf(data.header("host"));
    QPointer<QTcpSocket> socket(spilled.socket);
    serving(socket.data(), 1);
    Reply answer = [io, socket](const HttpResponseData &response) {
        io->call([socket, response] {
            serving(socket.data(), -1);
            if (socket)
                GuardedTcpServer::answerSpilled(socket, response);
        });
    };
    // The file goes with the last copy of this call: served, or dropped with the endpoint.
    std::shared_ptr<const QString> body(new QString(spilled.bodyPath), [](const QString *path) {
        QFile::remove(*path);
        delete path;
    });
    mHome->post(
        [this, data = std::move(data), answer, body]() mutable {
        // Read when its turn comes, so that at most the request being served is in memory.
        QFile file(*body);
        if (file.open(QIODevice::ReadOnly))
            data.body = file.readAll();
        file.close();
        QFile::remove(*body);
        handle(std::move(data), answer);
        },
        Qt::HighEventPriority);
}

void AwsEndpoint::close()
{
    for (AwsService *service : std::as_const(mServices))
        service->close();
    if (mExtension->port() && mCloud.extensionPort() == mExtension->port())
        mCloud.setExtensionPort(0);
    mExtension->close();
    mThreads.reset();
    // Requests read but not yet served are dropped with their answers.
    mHome->close();
    mHome = std::make_shared<Mailbox>();
    mPort = 0;
}

QString AwsEndpoint::url() const
{
    return serverUrl(mGuard.listenAddress(), mPort);
}

HttpResponseData AwsEndpoint::secured(HttpResponseData response)
{
    // Stored objects come from anyone: a browser must never sniff them into a page, nor
    // run what one holds with this origin's rights.
    // Literals, not allocated: every answer carries them.
    AwsWire::addHeader(response.headers, QByteArrayLiteral("x-content-type-options"), QByteArrayLiteral("nosniff"));
    AwsWire::addHeader(response.headers, QByteArrayLiteral("content-security-policy"), QByteArrayLiteral("sandbox"));
    return response;
}

QString AwsEndpoint::queueUrl(const QString &endpoint, const QString &queue)
{
    return u"%1/%2/%3"_s.arg(endpoint, QLatin1String(kAccountId), queue);
}

int AwsEndpoint::serving(QTcpSocket *socket, int change)
{
    // On the connection's thread, which alone reads and writes it.
    static const char *const property = "nimbus.serving";
    if (!socket)
        return 0;
    const int count = socket->property(property).toInt() + change;
    if (change)
        socket->setProperty(property, count);
    return count;
}

std::optional<QByteArray> AwsEndpoint::sharedGetItem(const QJsonObject &input, const QString &invocation) const
{
    // Only the plainest GetItem: the service checks and answers any other member.
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString &name = it.key();
        const bool plain = name == "TableName"_L1 || name == "Key"_L1
                           || (name == "ConsistentRead"_L1 && it.value().isBool())
                           || (name == "ReturnConsumedCapacity"_L1 && it.value() == "NONE"_L1);
        if (!plain)
            return std::nullopt;
    }
    const QJsonValue table = input.value("TableName"_L1);
    const QJsonValue key = input.value("Key"_L1);
    // A name longer than any TableReads keeps is not even looked for.
    if (!table.isString() || !key.isObject() || table.toString().size() > TableReads::kNameLimit)
        return std::nullopt;
    return mCloud.tableReads().answer(table.toString(), key.toObject(), invocation);
}

HttpResponseData AwsEndpoint::answered(HttpResponseData response, const QString &requestId)
{
    response.headers.reserve(response.headers.size() + 4);
    const QByteArray id = requestId.toLatin1();
    AwsWire::addHeader(response.headers, QByteArrayLiteral("x-amzn-requestid"), id);
    AwsWire::addHeader(response.headers, QByteArrayLiteral("x-amz-request-id"), id);
    return secured(std::move(response));
}

void AwsEndpoint::handle(AwsRequest request, Reply done)
{
    request.requestId = newRequestId();
    const QString invocation = requestIdOfTrace(request.header("x-amzn-trace-id"));
    if (!invocation.isEmpty())
        request.cause = mCloud.causeOfRequest(invocation);
    // The caller known by its token wins over a trace header naming another function's invocation.
    if (!request.caller.isEmpty() && (!request.cause || mCloud.causeName(request.cause) != request.caller))
        request.cause = mCloud.runningInvocationOf(request.caller);
    // Every answer names its request, as AWS does.
    Reply reply = [done, id = request.requestId](HttpResponseData response) {
        done(answered(std::move(response), id));
    };
    if (request.body.size() > kRequestLimit) {
        reply(AwsWire::xmlAnswer(413, AwsWire::queryError(u"EntityTooLarge"_s,
                                                          u"the request body is over %1 MB"_s.arg(kRequestLimit >> 20),
                                                          true, request.requestId)));
        return;
    }
    if (!mCloud.isRunning()) {
        reply(AwsWire::xmlAnswer(503, AwsWire::queryError(u"ServiceUnavailable"_s, u"the local cloud is not running"_s,
                                                          false, request.requestId)));
        return;
    }
    if (AwsService *service = route(request)) {
        bool quietly = false;
        if (const std::optional<HttpResponseData> denied = deniedAccess(*service, request, &quietly))
            reply(*denied);
        else if (const std::optional<HttpResponseData> throttled = injectedThrottle(*service, request))
            reply(*throttled);
        else {
            // The function's next GetItems of this table, while it runs, may be answered on the
            // connection threads: the same check would let them through with nothing logged.
            // (Checked as the invocation's function, not a caller known by its token.)
            if (quietly && request.cause && request.caller.isEmpty() && request.operation == "GetItem"_L1
                && service->name() == "dynamodb"_L1 && request.json)
                if (const QJsonValue table = request.json->value("TableName"_L1); table.isString())
                    mCloud.tableReads().publishGrant(invocation, table.toString());
            service->followRun(cloud().runNumber());
            service->handle(request, reply);
        }
    } else
        reply(AwsWire::xmlAnswer(400, AwsWire::queryError(u"InvalidAction"_s,
                                                          u"no service of the local cloud takes this request"_s, true,
                                                          request.requestId)));
}

AwsService *AwsEndpoint::route(AwsRequest &request) const
{
    const QString target = QString::fromLatin1(request.header("x-amz-target"));
    for (AwsService *service : mServices) {
        const QString &prefix = service->recognition().targetPrefix;
        if (!prefix.isEmpty() && target.startsWith(prefix)) {
            request.protocol = AwsProtocol::Json;
            request.operation = target.mid(prefix.size());
            return service;
        }
    }
    const QString scope = signingService(request.header("authorization"));
    AwsService *signedFor = nullptr;
    for (AwsService *service : mServices) {
        if (!scope.isEmpty() && service->recognition().signingName == scope) {
            signedFor = service;
            break;
        }
    }
    const bool form = request.method == "POST"_L1
                      && request.header("content-type").startsWith("application/x-www-form-urlencoded");
    // A form signed for a REST service (an S3 POST) is no query.
    if (form && !(signedFor && signedFor->recognition().rest)) {
        request.protocol = AwsProtocol::Query;
        request.parameters = AwsWire::queryToJson(AwsWire::formPairs(request.body));
        request.operation = request.parameters.value("Action"_L1).toString();
        if (signedFor && signedFor->recognition().query)
            return signedFor;
        for (AwsService *service : mServices)
            if (scope.isEmpty() && service->recognition().query
                && service->recognition().queryActions.contains(request.operation))
                return service;
        return fallback(true);
    }
    request.protocol = AwsProtocol::Rest;
    return signedFor && signedFor->recognition().rest ? signedFor : fallback(false);
}

std::optional<HttpResponseData> AwsEndpoint::deniedAccess(const AwsService &service, const AwsRequest &request,
                                                          bool *quietly)
{
    *quietly = true;
    if ((!request.cause && request.caller.isEmpty()) || mCloud.iamMode() == LocalCloud::IamMode::Off)
        return std::nullopt;
    for (const NeededPermission &needed : neededPermissions(service.name(), request, mCloud)) {
        bool quiet = true;
        const std::optional<QString> refusal = mCloud.refusesServiceCall(
            request.cause, needed.action, needed.resource, needed.arn, needed.objectLevel, request.caller, &quiet);
        *quietly = *quietly && quiet;
        if (refusal)
            return accessDenied(service.name(), request, *refusal);
    }
    return std::nullopt;
}

std::optional<HttpResponseData> AwsEndpoint::injectedThrottle(const AwsService &service, const AwsRequest &request)
{
    if (!mCloud.throttlesServiceCalls())
        return std::nullopt;
    const QString name = service.name();
    const QString operation = request.operation.isEmpty() ? request.method + ' '_L1 + request.path : request.operation;
    bool throttled = false;
    // Every resource named counts a call, as each would have been charged one.
    for (const QString &resource : resourcesOf(name, request, mCloud))
        if (const QString node = mCloud.resourceNamed(resourceKind(name), resource); !node.isEmpty())
            throttled = mCloud.throttlesServiceCall(node, operation, request.cause) || throttled;
    if (!throttled)
        return std::nullopt;
    if (name == "dynamodb"_L1)
        return AwsWire::jsonError(400, u"com.amazonaws.dynamodb.v20120810#"_s,
                                  u"ProvisionedThroughputExceededException"_s,
                                  u"The level of configured provisioned throughput for the table was exceeded. "
                                  "Consider increasing your provisioning level with the UpdateTable API."_s);
    if (name == "sqs"_L1) {
        const QString message = u"Request is throttled."_s;
        if (request.protocol == AwsProtocol::Query)
            return AwsWire::xmlAnswer(400,
                                      AwsWire::queryError(u"RequestThrottled"_s, message, true, request.requestId));
        HttpResponseData answer = AwsWire::jsonError(400, u"com.amazonaws.sqs#"_s, u"RequestThrottled"_s, message);
        AwsWire::addHeader(answer.headers, "x-amzn-query-error", "RequestThrottled;Sender");
        return answer;
    }
    if (name == "sns"_L1)
        return AwsWire::xmlAnswer(429,
                                  AwsWire::queryError(u"Throttled"_s, u"Rate exceeded"_s, true, request.requestId));
    // S3's SlowDown.
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartDocument();
    writer.writeStartElement(u"Error"_s);
    writer.writeTextElement(u"Code"_s, u"SlowDown"_s);
    writer.writeTextElement(u"Message"_s, u"Please reduce your request rate."_s);
    writer.writeTextElement(u"RequestId"_s, request.requestId);
    writer.writeEndElement();
    writer.writeEndDocument();
    HttpResponseData answer;
    answer.status = 503;
    AwsWire::addHeader(answer.headers, "content-type", "application/xml");
    answer.body = xml;
    return answer;
}

AwsService *AwsEndpoint::fallback(bool query) const
{
    for (AwsService *service : mServices)
        if (service->recognition().fallback && (query ? service->recognition().query : service->recognition().rest))
            return service;
    return nullptr;
}

} // namespace Nimbus
