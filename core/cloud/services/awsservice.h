#pragma once

#include "cloud/httproutes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Nimbus {

class AwsEndpoint;
class LocalCloud;

// The three ways the AWS SDKs speak to a service.
enum class AwsProtocol {
    Json, // POST of a JSON body, the operation in X-Amz-Target (DynamoDB, SQS)
    Query, // POST of a form, the operation in its Action (SQS, SNS)
    Rest, // the method and path name the operation (S3)
};

// The part of a file an answer's body is sent from, streamed by the server instead of
// read into memory (S3's GETs of large objects).
struct BodyFile
{
    QString path;
    qint64 from = 0;
    qint64 length = 0;
};

namespace DynamoValue {
struct PreparedItem;
}

// One request to the AWS-compatible endpoint, with what the router learnt of it.
struct AwsRequest : HttpRequestData
{
    QString host; // without the port
    QString requestId;
    qint64 cause = 0; // the invocation that sent it (from its trace header), 0 from outside
    // The function a worker's session token named (the Parameters and Secrets extension's
    // calls); checked against its policy even without a trace header. Empty otherwise.
    QString caller;
    AwsProtocol protocol = AwsProtocol::Rest;
    QString operation; // from X-Amz-Target or the form's Action; empty for REST
    QJsonObject parameters; // a query-protocol form, in the JSON protocol's shapes
    // A JSON-protocol body as parsed on the connection's thread, when it is an object:
    // the cloud's thread, which serves every request in turn, need not parse it (nor
    // twice). Nullopt otherwise (another protocol, not an object, an in-process call).
    std::optional<QJsonObject> json;
    // A PutItem's Item as it is written, prepared on the connection's thread with json;
    // null otherwise.
    std::shared_ptr<const DynamoValue::PreparedItem> dynamoItem;
    // Given by a server that can stream a body from a file (the endpoint's socket), null
    // otherwise (in-process calls): a service that fills it answers with an empty body
    // and the file's part is sent in its place.
    std::shared_ptr<BodyFile> bodyFile;
};

using AwsReply = std::function<void(const HttpResponseData &)>;

// How the local cloud answers one operation of a service's API.
enum class OperationStatus {
    Served, // as AWS documents it
    Partly, // served, with what is missing or different said in its note
    Refused, // answered NotImplemented (or the protocol's unknown operation), naming it
};

// One operation of a service as its registration lists it (see AwsService::operations()).
struct AwsOperation
{
    QString service; // the service's name ("sqs")
    QString name; // "SendMessage"
    OperationStatus status = OperationStatus::Served;
    QString note; // what a partly served one lacks, why a refused one is refused
    // For REST services: the request that names it, "GET /{bucket}?cors" ({bucket}, {key}
    // and {function} stand for names); empty for the JSON and query protocols, where the
    // operation's name is in the request.
    QString request;
};

// An operation's error answer: its code in the service's protocol ("NotFound",
// "AWS.SimpleQueueService.NonExistentQueue"), its message and its HTTP status.
struct AwsError
{
    QString code;
    QString message;
    int status = 400;
};

// One emulated AWS service behind the endpoint. A subclass says how its requests are
// recognised, registers its operations in a table (operation name -> member function)
// and answers in its protocols; the endpoint only finds the service of a request (see
// AwsEndpoint::addService). What a service answers is protocol text, in English as AWS's.
class AwsService : public QObject
{
public:
    // How the router recognises the service's requests, tried in this order: a JSON
    // request by its X-Amz-Target prefix; a form by the service in its signature's
    // scope, else (unsigned) by its Action; anything else as REST by the signing scope.
    // Built as Recognition(QStringLiteral("sqs")).byTarget(...).takesQuery().
    struct Recognition
    {
        explicit Recognition(const QString &signingName) : signingName(signingName) { }

        Recognition &byTarget(const QString &prefix)
        {
            targetPrefix = prefix;
            return *this;
        }
        Recognition &takesQuery(const QStringList &actions = {})
        {
            query = true;
            queryActions = actions;
            return *this;
        }
        Recognition &takesRest()
        {
            rest = true;
            return *this;
        }
        // Takes the forms (query) or REST requests that name no service it knows, as
        // SQS and S3 did before other services came.
        Recognition &asFallback()
        {
            fallback = true;
            return *this;
        }

        QString signingName; // the service in a signature's credential scope, "sqs"; also its name
        QString targetPrefix; // the JSON protocol's X-Amz-Target prefix, "DynamoDB_20120810."
        QStringList queryActions; // query actions that name the service in an unsigned form
        bool query = false; // takes query-protocol forms
        bool rest = false; // takes REST requests
        bool fallback = false;
    };

    AwsService(const Recognition &recognition, AwsEndpoint &endpoint);
    ~AwsService() override;

    QString name() const { return mRecognition.signingName; }
    const Recognition &recognition() const { return mRecognition; }

    // Answers one request (its body is within the endpoint's limit and the cloud runs).
    // done may be called later, as by a long-polling ReceiveMessage.
    virtual void handle(const AwsRequest &request, const AwsReply &done) = 0;
    // The protocol's answer to an operation the service does not have.
    virtual HttpResponseData unknownOperation(const AwsRequest &request) const;
    // The protocol's answer to an operation of the service's API that the local cloud
    // refuses (see refuse()): NotImplemented (501) naming it, with its note. JSON and
    // query shapes here; REST services answer in their own.
    virtual HttpResponseData refusedOperation(const AwsRequest &request, const QString &note) const;

    // Every operation the service lists, by name: those of its dispatch table
    // (servedOperations(), partly served where servePartly() said so) and those it refuses.
    // What `nimbus cloud --operations` and the README show.
    QList<AwsOperation> operations() const;
    static QString statusName(OperationStatus status);
    // The endpoint closes: requests still waiting are dropped.
    virtual void close() { }
    // The endpoint calls it before each request: when the cloud has started again since the
    // service last served (a scenario's next run, the studio's restart), what the service
    // kept for the last run is forgotten (startRun).
    void followRun(quint64 run)
    {
        if (run != mRun) {
            mRun = run;
            startRun();
        }
    }

protected:
    // What it keeps for a run only (deleted resources, attributes set) is forgotten.
    virtual void startRun() { }
    AwsEndpoint &endpoint() const { return mEndpoint; }
    LocalCloud &cloud() const;

    // The names of the operations in the service's dispatch table, each answered by a
    // function of its own.
    virtual QStringList servedOperations() const { return {}; }
    // A served operation that lacks part of what AWS documents: note says what.
    void servePartly(const QString &operation, const QString &note);
    // An operation of the service's API that the local cloud answers as refused, naming it;
    // note says why (or what to do instead). request: see AwsOperation::request.
    void refuse(const QString &operation, const QString &note, const QString &request = {});
    // The note of a refused operation, or nullopt when it is not one.
    std::optional<QString> refusal(const QString &operation) const;

private:
    Recognition mRecognition;
    AwsEndpoint &mEndpoint;
    QHash<QString, QString> mPartly; // operation -> note
    QList<AwsOperation> mRefused;
    quint64 mRun = 0;
};

} // namespace Nimbus
