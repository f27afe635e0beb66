#include "runtimeapi.h"

#include "cloud/httpmethod.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

using Done = std::function<void(const HttpResponseData &)>;

const QString kPrefix = QStringLiteral("/2018-06-01/runtime/");

// The Runtime API's answers are JSON: {"status":"OK"} or {"errorMessage", "errorType"}.
HttpResponseData jsonAnswer(int status, const QJsonObject &body)
{
    HttpResponseData response;
    response.status = status;
    response.headers = {{"content-type", "application/json"}};
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponseData errorAnswer(int status, const QString &type, const QString &message)
{
    return jsonAnswer(status, QJsonObject{{u"errorMessage"_s, message}, {u"errorType"_s, type}});
}

HttpResponseData accepted()
{
    return jsonAnswer(202, QJsonObject{{u"status"_s, u"OK"_s}});
}

HttpResponseData tooLarge()
{
    return errorAnswer(413, u"RequestEntityTooLarge"_s,
                       u"Exceeded maximum allowed payload size (%1 bytes)."_s.arg(RuntimeApi::kPayloadLimit));
}

HttpResponseData invalidTransition(const QString &from, const QString &to)
{
    return errorAnswer(
        403, u"InvalidStateTransition"_s,
        u"State transition from %1 to %2 failed for runtime. Error: State transition is not allowed"_s.arg(from, to));
}

QByteArray headerOf(const HttpHeaders &headers, const char *name)
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    return {};
}

bool isStreaming(const HttpHeaders &headers)
{
    return headerOf(headers, "lambda-runtime-function-response-mode").compare("streaming", Qt::CaseInsensitive) == 0;
}

// What a runtime reports as its error: Lambda's error document when the body is one, else
// an error of the header's type carrying the body as its message.
QJsonObject errorOf(const QByteArray &typeHeader, const QByteArray &body)
{
    const QJsonObject document = QJsonDocument::fromJson(body).object();
    QJsonObject error;
    error.insert(u"errorType"_s,
                 document.value("errorType"_L1)
                     .toString(typeHeader.isEmpty() ? u"Runtime.Unknown"_s : QString::fromUtf8(typeHeader)));
    error.insert(u"errorMessage"_s, document.contains("errorMessage"_L1) ? document.value("errorMessage"_L1).toString()
                                                                         : QString::fromUtf8(body.left(64 * 1024)));
    error.insert(u"stackTrace"_s, document.value("stackTrace"_L1).toArray());
    return error;
}

// The X-Ray trace header Lambda gives each invocation (not sampled: nothing is sent).
QString traceHeader()
{
    auto hex = [](int digits) {
        QString out;
        for (int i = 0; i < digits; ++i)
            out += QString::number(QRandomGenerator::global()->bounded(16), 16);
        return out;
    };
    const QString epoch = QString::number(QDateTime::currentSecsSinceEpoch(), 16);
    return u"Root=1-%1-%2;Parent=%3;Sampled=0;Lineage=1:%4:0"_s.arg(epoch, hex(24), hex(16), hex(8));
}

// Reads the chunks of a streamed response as they arrive: the HTTP server hands a
// request over only once it is whole, so this peeks at what it has not read yet, as the
// request guard does, and tells the API each chunk of a .../response in streaming mode.
class ChunkWatcher : public QObject
{
public:
    ChunkWatcher(QTcpSocket *socket, RuntimeApi *api) : QObject(socket), mSocket(socket), mApi(api)
    {
        connect(socket, &QTcpSocket::readyRead, this, [this] {
            if (mSocket->bytesAvailable() > 0)
                feed(mSocket->peek(mSocket->bytesAvailable()));
        });
    }

private:
    enum class State { Head, Skip, ChunkSize, ChunkData, ChunkEnd, Trailers, Off };

    void feed(const QByteArray &data)
    {
        mBuffer += data;
        while (!mBuffer.isEmpty() && mState != State::Off && step()) { }
        if (mBuffer.size() > GuardedTcpServer::kHeadLimit)
            mState = State::Off; // the guard refuses such a head; nothing to watch
    }

    // One step of the parse; false when it needs more bytes.
    bool step()
    {
        switch (mState) {
        case State::Head: return readHead();
        case State::Skip: {
            const qsizetype n = qMin<qsizetype>(mRemaining, mBuffer.size());
            mBuffer.remove(0, n);
            mRemaining -= n;
            if (mRemaining == 0)
                mState = State::Head;
            return true;
        }
        case State::ChunkSize: {
            const qsizetype end = mBuffer.indexOf("\r\n");
            if (end < 0)
                return false;
            bool ok = false;
            mRemaining = mBuffer.left(end).split(';').value(0).trimmed().toLongLong(&ok, 16);
            mBuffer.remove(0, end + 2);
            if (!ok || mRemaining < 0)
                mState = State::Off;
            else
                mState = mRemaining == 0 ? State::Trailers : State::ChunkData;
            return true;
        }
        case State::ChunkData: {
            const qsizetype n = qMin<qsizetype>(mRemaining, mBuffer.size());
            emit mApi->streamed(mRequestId, mBuffer.left(n));
            mBuffer.remove(0, n);
            mRemaining -= n;
            if (mRemaining == 0)
                mState = State::ChunkEnd;
            return true;
        }
        case State::ChunkEnd:
            if (mBuffer.size() < 2)
                return false;
            mBuffer.remove(0, 2);
            mState = State::ChunkSize;
            return true;
        case State::Trailers: {
            const qsizetype end = mBuffer.startsWith("\r\n") ? 0 : mBuffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            // A stream that failed midway names its error here; the HTTP server drops trailers.
            HttpHeaders trailers;
            for (const QByteArray &line : mBuffer.left(end).split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    trailers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
            }
            if (!trailers.isEmpty())
                mApi->noteTrailers(mRequestId, trailers);
            mBuffer.remove(0, end == 0 ? 2 : end + 4);
            mState = State::Head;
            return true;
        }
        case State::Off: return false;
        }
        return false;
    }

    bool readHead()
    {
        const qsizetype end = mBuffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArrayList lines = mBuffer.left(end).split('\n');
        mBuffer.remove(0, end + 4);
        HttpHeaders headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.append({lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed()});
        }
        static const QRegularExpression response(u"^POST /2018-06-01/runtime/invocation/([^/ ]+)/response "_s);
        const QRegularExpressionMatch match = response.match(QString::fromLatin1(lines.value(0)));
        const bool chunked = headerOf(headers, "transfer-encoding").toLower().contains("chunked");
        if (chunked) {
            // Another request's chunks are skipped the same way, unreported.
            mRequestId = match.hasMatch() && isStreaming(headers) ? match.captured(1) : QString();
            mState = mRequestId.isEmpty() ? State::Off : State::ChunkSize;
            return true;
        }
        mRemaining = headerOf(headers, "content-length").toLongLong();
        mState = mRemaining > 0 ? State::Skip : State::Head;
        return true;
    }

    QTcpSocket *mSocket;
    RuntimeApi *mApi;
    QByteArray mBuffer;
    State mState = State::Head;
    qint64 mRemaining = 0;
    QString mRequestId;
};

// The guard's listening socket, with a chunk watcher on each connection.
class RuntimeApiTcpServer : public GuardedTcpServer
{
public:
    RuntimeApiTcpServer(const RequestGuard *guard, BodyLimit limit, Refusal refusal, RuntimeApi *api)
        : GuardedTcpServer(guard, std::move(limit), std::move(refusal)), mApi(api)
    { }

protected:
    void connectionAccepted(QTcpSocket *socket) override { new ChunkWatcher(socket, mApi); }

private:
    RuntimeApi *mApi;
};

} // namespace

RuntimeApi::RuntimeApi(QObject *parent) : QObject(parent) { }

RuntimeApi::~RuntimeApi() = default;

QString RuntimeApi::address() const
{
    return u"127.0.0.1:%1"_s.arg(mPort);
}

Result<void> RuntimeApi::listen()
{
    auto bodyLimit = [](const QByteArray &requestLine, const HttpHeaders &headers) -> qsizetype {
        if (!requestLine.startsWith("POST "))
            return 0;
        return isStreaming(headers) ? kStreamLimit : kPayloadLimit;
    };
    auto refusal = [this](int status, const QString &message) {
        // Called as the guard refuses; the invocation's failure must not run inside it.
        QMetaObject::invokeMethod(
            this, [this, status] { onOversized(status); }, Qt::QueuedConnection);
        if (status == 413)
            return tooLarge();
        return errorAnswer(status, status == 403 ? u"Forbidden"_s : u"InvalidRequestFormat"_s, message);
    };
    mServer = std::make_unique<GuardedHttpServer>([this](const QHttpServerRequest &request, QTcpSocket *socket) {
        HttpRequestData data;
        readRequest(request, &data);
        // Only the worker calls: it names the address it was given, nothing else of this machine.
        const QByteArray host = headerOf(data.headers, "host").toLower();
        if (host != mAddress.toUtf8() && host != "localhost:" + QByteArray::number(mPort)) {
            GuardedHttpServer::answerOf(request, socket)(
                errorAnswer(403, u"Forbidden"_s,
                            u"the Host '%1' is not this Runtime API's"_s.arg(QString::fromLatin1(host.left(200)))));
            return;
        }
        mRequestSocket = socket; // kept by answerNext when the runtime has to wait
        mRequestHasSocket = true;
        handle(data, GuardedHttpServer::answerOf(request, socket));
        mRequestHasSocket = false;
    });
    auto *tcp = new RuntimeApiTcpServer(&mGuard, bodyLimit, refusal, this);
    tcp->setParent(mServer.get());
    if (!tcp->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        mServer.reset();
        return fail(tr("the Lambda Runtime API cannot listen on 127.0.0.1: %1").arg(tcp->errorString()));
    }
    mServer->bind(tcp);
    mGuard.setListenAddress(QHostAddress(QHostAddress::LocalHost));
    mPort = tcp->serverPort();
    mAddress = address();
    return {};
}

void RuntimeApi::onOversized(int status)
{
    // A response or an error too large for Lambda fails the invocation, as on Lambda.
    if (status != 413 || !mCurrent)
        return;
    const QString id = mCurrent->requestId;
    mLastAnswered = id;
    mCurrent.reset();
    mPhase = Phase::Waiting;
    emit failed(id, QJsonObject{{u"errorType"_s, u"Function.ResponseSizeTooLarge"_s},
                                {u"errorMessage"_s, u"Response payload size exceeded maximum allowed payload size "
                                                    u"(%1 bytes)."_s.arg(kPayloadLimit)},
                                {u"stackTrace"_s, QJsonArray()}});
}

void RuntimeApi::noteTrailers(const QString &requestId, const HttpHeaders &trailers)
{
    if (mCurrent && mCurrent->requestId == requestId)
        mTrailers.insert(requestId, trailers);
}

void RuntimeApi::deliver(const Invocation &invocation)
{
    mQueued = invocation;
    if (mQueued->traceId.isEmpty())
        mQueued->traceId = traceHeader();
    // A runtime that gave up waiting (its connection closed) asks again.
    const bool reachable = !mWaitingHasSocket
                           || (mWaitingSocket && mWaitingSocket->state() == QAbstractSocket::ConnectedState);
    if (mWaitingNext && reachable) {
        const Done done = std::exchange(mWaitingNext, {});
        answerNext(done);
    }
}

void RuntimeApi::abandon()
{
    if (mCurrent)
        mLastAnswered = mCurrent->requestId;
    mCurrent.reset();
    mQueued.reset();
    if (mPhase == Phase::Invoked)
        mPhase = Phase::Waiting;
}

void RuntimeApi::handle(const HttpRequestData &request, const Done &done)
{
    if (!request.path.startsWith(kPrefix))
        return done(errorAnswer(404, u"NotFound"_s, u"%1 is not a path of the Runtime API"_s.arg(request.path)));
    const QStringList parts = request.path.mid(kPrefix.size()).split(u'/');
    const bool post = request.method == "POST"_L1;
    if (parts == QStringList{u"invocation"_s, u"next"_s}) {
        if (request.method != "GET"_L1)
            return done(errorAnswer(405, u"MethodNotAllowed"_s, u"/runtime/invocation/next takes GET"_s));
        return answerNext(done);
    }
    if (parts == QStringList{u"init"_s, u"error"_s}) {
        if (!post)
            return done(errorAnswer(405, u"MethodNotAllowed"_s, u"/runtime/init/error takes POST"_s));
        return postInitError(request, done);
    }
    if (parts.size() == 3 && parts[0] == "invocation"_L1 && (parts[2] == "response"_L1 || parts[2] == "error"_L1)) {
        if (!post)
            return done(
                errorAnswer(405, u"MethodNotAllowed"_s, u"/runtime/invocation/{id}/%1 takes POST"_s.arg(parts[2])));
        if (parts[2] == "response"_L1)
            return postResponse(parts[1], request, done);
        return postError(parts[1], request, done);
    }
    done(errorAnswer(404, u"NotFound"_s, u"%1 is not a path of the Runtime API"_s.arg(request.path)));
}

void RuntimeApi::answerNext(const Done &done)
{
    if (mPhase == Phase::Invoked)
        return done(invalidTransition(u"Invoke"_s, u"Ready"_s)); // the invocation handed out is not answered yet
    if (!mInitialised) {
        mInitialised = true;
        mPhase = Phase::Waiting;
        emit ready();
    }
    if (!mQueued) {
        // Long poll: answered by deliver(), however long that takes.
        mWaitingNext = done;
        mWaitingSocket = mRequestSocket;
        mWaitingHasSocket = mRequestHasSocket;
        return;
    }
    mCurrent = std::exchange(mQueued, std::nullopt);
    mPhase = Phase::Invoked;
    HttpResponseData response;
    response.headers = {
        {"content-type", "application/json"},
        {"lambda-runtime-aws-request-id", mCurrent->requestId.toUtf8()},
        {"lambda-runtime-deadline-ms", QByteArray::number(mCurrent->deadlineMs)},
        {"lambda-runtime-invoked-function-arn", mCurrent->functionArn.toUtf8()},
        {"lambda-runtime-trace-id", mCurrent->traceId.toUtf8()},
    };
    if (!mCurrent->clientContext.isEmpty())
        response.headers.append({"lambda-runtime-client-context", mCurrent->clientContext});
    if (!mCurrent->cognitoIdentity.isEmpty())
        response.headers.append({"lambda-runtime-cognito-identity", mCurrent->cognitoIdentity});
    response.body = mCurrent->event;
    done(response);
}

std::optional<HttpResponseData> RuntimeApi::checkInvocation(const QString &requestId, const QString &to) const
{
    if (mCurrent && mCurrent->requestId == requestId)
        return std::nullopt;
    // The invocation answered already: a second answer is a transition the API refuses.
    if (!requestId.isEmpty() && requestId == mLastAnswered)
        return invalidTransition(u"InvocationResponse"_s, to);
    return errorAnswer(400, u"InvalidRequestID"_s, u"Invalid request ID"_s);
}

void RuntimeApi::postResponse(const QString &requestId, const HttpRequestData &request, const Done &done)
{
    if (const auto refused = checkInvocation(requestId, u"InvocationResponse"_s))
        return done(*refused);
    const bool streaming = isStreaming(request.headers);
    if (request.body.size() > (streaming ? kStreamLimit : kPayloadLimit)) {
        done(tooLarge());
        return onOversized(413);
    }
    mLastAnswered = requestId;
    mCurrent.reset();
    mPhase = Phase::Waiting;
    done(accepted());
    // A stream that failed midway says so in its trailers.
    const HttpHeaders trailers = request.headers + mTrailers.take(requestId);
    if (const QByteArray type = headerOf(trailers, "lambda-runtime-function-error-type");
        streaming && !type.isEmpty()) {
        const QByteArray body = QByteArray::fromBase64(headerOf(trailers, "lambda-runtime-function-error-body"));
        emit failed(requestId, errorOf(type, body));
        return;
    }
    emit responded(requestId, request.body);
}

void RuntimeApi::postError(const QString &requestId, const HttpRequestData &request, const Done &done)
{
    if (const auto refused = checkInvocation(requestId, u"InvocationErrorResponse"_s))
        return done(*refused);
    mLastAnswered = requestId;
    mCurrent.reset();
    mPhase = Phase::Waiting;
    done(accepted());
    emit failed(requestId, errorOf(headerOf(request.headers, "lambda-runtime-function-error-type"), request.body));
}

void RuntimeApi::postInitError(const HttpRequestData &request, const Done &done)
{
    if (mInitialised)
        return done(invalidTransition(u"Ready"_s, u"InitError"_s));
    done(accepted());
    emit initFailed(errorOf(headerOf(request.headers, "lambda-runtime-function-error-type"), request.body));
}

} // namespace Nimbus
