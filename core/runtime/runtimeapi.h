#pragma once

#include "cloud/httproutes.h"
#include "cloud/requestguard.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace Nimbus {

class GuardedHttpServer;

// The Lambda Runtime API (version 2018-06-01) that one worker of a custom runtime talks
// to, served on 127.0.0.1 at a port of its own (AWS_LAMBDA_RUNTIME_API): the runtime
// long-polls GET /runtime/invocation/next for an event and answers with POST
// /runtime/invocation/{id}/response (buffered, or streamed in chunks with
// Lambda-Runtime-Function-Response-Mode: streaming) or .../error, or reports a failed
// initialisation with POST /runtime/init/error. Wrong requests get the Runtime API's own
// answers (400 InvalidRequestID, 403 InvalidStateTransition, 413 RequestEntityTooLarge).
// Requests must name the API's own address as their Host (127.0.0.1:port or
// localhost:port) and carry no foreign Origin; bodies are bounded before they are read. The instance owns one and hands
// it each invocation.
class RuntimeApi : public QObject
{
    Q_OBJECT

public:
    // Lambda's synchronous payload limit, with the 100 bytes of slack the service allows.
    static constexpr qsizetype kPayloadLimit = 6 * 1024 * 1024 + 100;
    // A streamed response may be larger: Lambda's limit for response streaming.
    static constexpr qsizetype kStreamLimit = 20 * 1024 * 1024;

    struct Invocation
    {
        QString requestId;
        QByteArray event;
        qint64 deadlineMs = 0; // since the epoch
        QString functionArn;
        QString traceId;
        QByteArray clientContext; // JSON; the header is left out when empty
        QByteArray cognitoIdentity; // JSON; the header is left out when empty
    };

    explicit RuntimeApi(QObject *parent = nullptr);
    ~RuntimeApi() override;

    // Listens on a free port of 127.0.0.1.
    Result<void> listen();
    quint16 port() const { return mPort; }
    // What the worker gets as AWS_LAMBDA_RUNTIME_API.
    QString address() const;

    // The next invocation: answers the runtime's waiting /next, or the next one it sends.
    void deliver(const Invocation &invocation);
    // Forgets the invocation under way (it timed out or was cancelled).
    void abandon();
    // Whether the runtime has asked for an invocation at least once (its init is over).
    bool initialised() const { return mInitialised; }

    // The trailers of a streamed response, read off the connection as they arrive (the
    // HTTP server does not keep them): its error type and body when the stream failed.
    void noteTrailers(const QString &requestId, const HttpHeaders &trailers);

    // Serves one request (the server's path; tests call it directly).
    void handle(const HttpRequestData &request, const std::function<void(const HttpResponseData &)> &done);

signals:
    // The runtime asked for its first invocation: its initialisation is over.
    void ready();
    void responded(const QString &requestId, const QByteArray &body);
    // error: errorType, errorMessage, stackTrace (as the runtime sent them, or built from
    // its Lambda-Runtime-Function-Error-Type header and body).
    void failed(const QString &requestId, const QJsonObject &error);
    void initFailed(const QJsonObject &error);
    // A streamed response's bytes as they arrive, before responded() carries them all.
    void streamed(const QString &requestId, const QByteArray &chunk);

private:
    enum class Phase { Init, Waiting, Invoked };

    void answerNext(const std::function<void(const HttpResponseData &)> &done);
    void postResponse(const QString &requestId, const HttpRequestData &request,
                      const std::function<void(const HttpResponseData &)> &done);
    void postError(const QString &requestId, const HttpRequestData &request,
                   const std::function<void(const HttpResponseData &)> &done);
    void postInitError(const HttpRequestData &request, const std::function<void(const HttpResponseData &)> &done);
    // The invocation an /{id}/... request may answer, or the answer refusing it.
    std::optional<HttpResponseData> checkInvocation(const QString &requestId, const QString &to) const;
    void onOversized(int status);

    std::unique_ptr<GuardedHttpServer> mServer;
    RequestGuard mGuard;
    quint16 mPort = 0;
    QString mAddress;
    Phase mPhase = Phase::Init;
    bool mInitialised = false;
    std::optional<Invocation> mQueued; // delivered, not yet asked for
    std::optional<Invocation> mCurrent; // handed to the runtime, not answered yet
    QString mLastAnswered;
    QHash<QString, HttpHeaders> mTrailers; // of the streamed response being received
    std::function<void(const HttpResponseData &)> mWaitingNext;
    QPointer<QTcpSocket> mWaitingSocket;
    bool mWaitingHasSocket = false; // false: asked through handle() directly
    QPointer<QTcpSocket> mRequestSocket; // of the request being served
    bool mRequestHasSocket = false;
};

} // namespace Nimbus
