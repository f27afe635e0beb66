#include "requestguard.h"

#include <QHostInfo>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QUrl>

#include <algorithm>
#include <limits>
#include <memory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QByteArray headerValue(const HttpHeaders &headers, const char *name, int *count = nullptr)
{
    QByteArray value;
    int found = 0;
    for (const auto &[key, v] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            if (found++ == 0)
                value = v.trimmed();
        }
    }
    if (count)
        *count = found;
    return value;
}

} // namespace

void RequestGuard::setListenAddress(const QHostAddress &address)
{
    mListenAddress = address;
    mExtraHosts.clear();
    if (address.isLoopback() || address.isNull())
        return;
    const bool any = address == QHostAddress::Any || address == QHostAddress::AnyIPv4
                     || address == QHostAddress::AnyIPv6;
    if (!any) {
        mExtraHosts.insert(address.toString().toLower());
        return;
    }
    // Bound to every interface at the user's request: this machine's names and addresses.
    for (const QHostAddress &own : QNetworkInterface::allAddresses())
        mExtraHosts.insert(own.toString().section('%'_L1, 0, 0).toLower());
    const QString name = QHostInfo::localHostName().toLower();
    if (!name.isEmpty()) {
        mExtraHosts.insert(name);
        if (const QString domain = QHostInfo::localDomainName().toLower(); !domain.isEmpty())
            mExtraHosts.insert(name + '.'_L1 + domain);
    }
}

bool RequestGuard::isLoopbackName(const QString &host)
{
    // *.localhost never leaves the machine (RFC 6761), and browsers resolve it so;
    // S3 clients name buckets that way (photos.s3.localhost).
    if (host == "localhost"_L1 || host.endsWith(".localhost"_L1))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString RequestGuard::hostOf(const QByteArray &header)
{
    QByteArray host = header.trimmed().toLower();
    QByteArray port;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return {};
        port = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!port.isEmpty() && !port.startsWith(':'))
            return {};
        port = port.mid(1);
    } else if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        port = host.mid(colon + 1);
        host = host.left(colon);
    }
    for (const char c : port)
        if (c < '0' || c > '9')
            return {};
    if (host.endsWith('.')) // "localhost." is the same name
        host.chop(1);
    return QString::fromLatin1(host);
}

bool RequestGuard::hostAllowed(const QByteArray &header) const
{
    const QString host = hostOf(header);
    if (host.isEmpty())
        return false;
    return isLoopbackName(host) || mExtraHosts.contains(host);
}

bool RequestGuard::isLoopbackOrigin(const QByteArray &origin)
{
    const QUrl url(QString::fromLatin1(origin.trimmed()), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        return false;
    if (!url.path().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return false;
    const QString host = url.host().toLower();
    const QHostAddress address(host);
    return host == "localhost"_L1 || (!address.isNull() && address.isLoopback());
}

std::optional<QString> RequestGuard::refusal(const HttpHeaders &headers) const
{
    int hosts = 0;
    const QByteArray host = headerValue(headers, "host", &hosts);
    if (hosts != 1 || !hostAllowed(host))
        return u"the Host '%1' is not this machine's; the local cloud answers only its own address"_s.arg(
            QString::fromLatin1(host.left(200)));
    int origins = 0;
    const QByteArray origin = headerValue(headers, "origin", &origins);
    if (origins > 1 || (origins == 1 && !isLoopbackOrigin(origin)))
        return u"requests from the web page at %1 are refused: the local cloud answers only pages of this machine"_s
            .arg(QString::fromLatin1(origin.left(200)));
    // A page of this machine on another port or name (localhost:5173 calling 127.0.0.1:3000)
    // is cross-site to the browser, and carries its loopback Origin.
    if (origins == 0 && headerValue(headers, "sec-fetch-site").compare("cross-site", Qt::CaseInsensitive) == 0)
        return u"cross-site requests are refused"_s;
    return std::nullopt;
}

bool RequestGuard::isUnsafeHeaderValue(const QByteArray &value)
{
    for (const char c : value)
        if (c == '\r' || c == '\n' || c == '\0')
            return true;
    return false;
}

bool RequestGuard::isHeaderName(const QByteArray &name)
{
    // RFC 9110's token characters.
    static const QByteArray extra("!#$%&'*+-.^_`|~");
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !extra.contains(c))
            return false;
    }
    return true;
}

QByteArray closingResponse(const HttpResponseData &response)
{
    // The reason phrase is read by no client; these are the answers it is written for.
    const int status = response.status;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' '
                     + (status == 413   ? "Request Entity Too Large"
                        : status == 431 ? "Request Header Fields Too Large"
                        : status == 403 ? "Forbidden"
                        : status == 400 ? "Bad Request"
                        : status < 300  ? "OK"
                        : status < 500  ? "Client Error"
                                        : "Server Error")
                     + "\r\n";
    for (const auto &[key, value] : response.headers) {
        // The length is written below, once; the connection is closed.
        if (key.compare("content-length", Qt::CaseInsensitive) == 0
            || key.compare("connection", Qt::CaseInsensitive) == 0)
            continue;
        out += key + ": " + value + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
    return out + response.body;
}

namespace {

// What the guard knows of the request being received on one connection.
class ConnectionGuard : public QObject
{
public:
    static constexpr const char *kName = "nimbus-connection-guard";

    ConnectionGuard(QTcpSocket *socket, const RequestGuard *guard, GuardedTcpServer::BodyLimit limit,
                    GuardedTcpServer::Refusal refusal, const GuardedTcpServer::Spill *spill)
        : QObject(socket), mSocket(socket), mGuard(guard), mLimit(std::move(limit)), mRefusal(std::move(refusal)),
          mSpill(spill)
    {
        setObjectName(QLatin1String(kName));
        // Connected before the HTTP server's own slot, so this one sees the bytes first.
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    }

    void reset()
    {
        mHead.clear();
        mHeadLength = -1;
        mReceived = 0;
        mBodyLimit = 0;
    }

private:
    void onReadyRead()
    {
        if (mDraining) {
            discard();
            return;
        }
        if (mBody) {
            spillMore();
            return;
        }
        const qint64 fresh = mSocket->bytesAvailable(); // what the HTTP server has not read yet
        if (fresh <= 0)
            return;
        mReceived += fresh;
        if (mHeadLength < 0 && !readHead(fresh))
            return;
        if (mHeadLength < 0)
            return;
        // A chunked body carries its chunk lines besides the content: allow for them.
        const qint64 body = mReceived - mHeadLength;
        if (body > mBodyLimit + mBodyLimit / 64 + GuardedTcpServer::kHeadLimit)
            refuse(413, u"the request body is over %1 bytes"_s.arg(mBodyLimit));
    }

    // Reads the head as it arrives; false when the request was refused. Lines end with
    // LF or CRLF and the head with an empty line, as the HTTP server reads them.
    bool readHead(qint64 fresh)
    {
        const qint64 wanted = qMin<qint64>(fresh, GuardedTcpServer::kHeadLimit + 4 - mHead.size());
        const QByteArray data = mSocket->peek(wanted);
        const qsizetype before = mHead.size();
        mHead += data;
        qsizetype end = -1;
        qsizetype endLength = 0;
        for (qsizetype at = mHead.indexOf('\n', qMax<qsizetype>(0, before - 2)); at >= 0;
             at = mHead.indexOf('\n', at + 1)) {
            if (mHead.mid(at + 1, 1) == "\n") {
                end = at;
                endLength = 2;
                break;
            }
            if (mHead.mid(at + 1, 2) == "\r\n") {
                end = at;
                endLength = 3;
                break;
            }
        }
        if (end < 0) {
            if (mHead.size() > GuardedTcpServer::kHeadLimit) {
                refuse(431, u"the request head is over %1 bytes"_s.arg(GuardedTcpServer::kHeadLimit));
                return false;
            }
            return true;
        }
        const bool bodyFollowed = end + endLength < mHead.size() || fresh > wanted;
        mHeadLength = end + endLength;
        mHead.truncate(end);
        QByteArrayList lines = mHead.split('\n');
        const QByteArray requestLine = lines.takeFirst().trimmed();
        HttpHeaders headers;
        for (const QByteArray &line : std::as_const(lines)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        // Who may ask is known now: a page of another site never gets its body read.
        if (const auto why = mGuard ? mGuard->refusal(headers) : std::nullopt) {
            refuse(403, *why);
            return false;
        }
        mBodyLimit = mLimit(requestLine, headers);
        QByteArrayList lengths;
        bool expectContinue = false;
        for (const auto &[name, value] : std::as_const(headers)) {
            if (name == "content-length")
                lengths.append(value);
            else if (name == "expect")
                expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
        qint64 contentLength = -1;
        for (const QByteArray &value : std::as_const(lengths)) {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (contentLength >= 0 && n != contentLength)) {
                refuse(400, u"the request's Content-Length is not one number"_s);
                return false;
            }
            contentLength = n;
        }
        if (contentLength > mBodyLimit) {
            refuse(413, u"the request body is over %1 bytes"_s.arg(mBodyLimit));
            return false;
        }
        if (expectContinue && !bodyFollowed)
            mSocket->write("HTTP/1.1 100 Continue\r\n\r\n");
        if (mSpill && mSpill->take && contentLength >= mSpill->threshold && contentLength > 0
            && spillable(requestLine, headers) && mSpill->wanted(requestLine, headers)) {
            startSpill(requestLine, headers, contentLength);
            return false;
        }
        return true;
    }

    // What the guard's own read of a head may take from the HTTP server: a request line of
    // three parts whose target is a path, and a body whose length is its Content-Length
    // (not chunked: the HTTP server decodes that, and a length beside it is not the body's).
    static bool spillable(const QByteArray &requestLine, const HttpHeaders &headers)
    {
        const QList<QByteArray> parts = requestLine.split(' ');
        if (parts.size() != 3 || !parts.at(1).startsWith('/') || !parts.at(2).startsWith("HTTP/1."))
            return false;
        for (const char c : requestLine)
            if (uchar(c) < 0x20 || c == 0x7f)
                return false;
        return std::none_of(headers.cbegin(), headers.cend(),
                            [](const auto &h) { return h.first == "transfer-encoding"; });
    }

    // Takes the request from the HTTP server: its body goes to a file as it arrives, and
    // the request is handed whole to the spill's taker.
    void startSpill(const QByteArray &requestLine, const HttpHeaders &headers, qint64 length)
    {
        auto file = std::make_unique<QTemporaryFile>(mSpill->directory + u"/nimbus-body-XXXXXX"_s);
        if (!file->open()) {
            refuse(400, u"the request body cannot be kept: %1"_s.arg(file->errorString()));
            return;
        }
        // The HTTP server never reads from this connection again: what it read of this
        // head (a head that came in pieces) is dropped with its transaction.
        QObject::disconnect(mSocket, &QTcpSocket::readyRead, nullptr, nullptr);
        connect(mSocket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        const qint64 unread = mSocket->bytesAvailable();
        if (mSocket->isTransactionStarted())
            mSocket->commitTransaction();
        const qint64 readByServer = mReceived - unread;
        mSocket->skip(qMax<qint64>(0, mHeadLength - readByServer));
        mSpilled = {requestLine, headers, file->fileName(), mSocket->peerAddress().toString(), mSocket};
        mBody = std::move(file);
        mBodyLength = length;
        spillMore();
    }

    void spillMore()
    {
        while (mBody && mSocket->bytesAvailable() > 0 && mBody->size() < mBodyLength) {
            const QByteArray chunk = mSocket->read(qMin<qint64>(mBodyLength - mBody->size(), 1 << 20));
            if (mBody->write(chunk) != chunk.size()) {
                mBody.reset();
                refuse(400, u"the request body cannot be kept"_s);
                return;
            }
        }
        if (!mBody || mBody->size() < mBodyLength)
            return;
        mBody->close();
        // The taker reads the file and removes it; nothing of the connection is read after.
        mBody->setAutoRemove(false);
        mBody.reset();
        mDraining = true;
        discard();
        mSpill->take(mSpilled);
    }

    void refuse(int status, const QString &message)
    {
        mSocket->write(closingResponse(mRefusal(status, message)));
        mSocket->flush();
        mDraining = true;
        discard();
        mSocket->disconnectFromHost();
    }

    // Drops what arrived, so that the HTTP server never buffers it.
    void discard()
    {
        if (mSocket->isTransactionStarted())
            mSocket->commitTransaction();
        mSocket->skip(mSocket->bytesAvailable());
    }

    QTcpSocket *mSocket;
    const RequestGuard *mGuard;
    GuardedTcpServer::BodyLimit mLimit;
    GuardedTcpServer::Refusal mRefusal;
    const GuardedTcpServer::Spill *mSpill; // the server's, which outlives its connections
    std::unique_ptr<QTemporaryFile> mBody; // a spilled body, while it arrives
    qint64 mBodyLength = 0;
    GuardedTcpServer::SpilledRequest mSpilled;
    QByteArray mHead;
    qsizetype mHeadLength = -1;
    qint64 mReceived = 0;
    qint64 mBodyLimit = 0;
    bool mDraining = false;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(const RequestGuard *guard, BodyLimit limit, Refusal refusal, QObject *parent)
    : QTcpServer(parent), mGuard(guard), mLimit(std::move(limit)), mRefusal(std::move(refusal))
{ }

void GuardedTcpServer::requestRead(QTcpSocket *socket)
{
    // The guard has no meta-object of its own: found by name, it is one by construction.
    if (auto *guard = socket ? socket->findChild<QObject *>(QLatin1String(ConnectionGuard::kName),
                                                            Qt::FindDirectChildrenOnly)
                             : nullptr)
        static_cast<ConnectionGuard *>(guard)->reset();
}

void GuardedTcpServer::answerSpilled(QTcpSocket *socket, const HttpResponseData &response)
{
    socket->write(closingResponse(response));
    socket->flush();
    socket->disconnectFromHost();
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (mPlace && !mPlace(descriptor))
        return;
    if (!take(descriptor))
        ::close(int(descriptor));
}

void GuardedTcpServer::adopt(qintptr descriptor)
{
    if (!take(descriptor)) {
        ::close(int(descriptor));
        return;
    }
    // As QTcpServer does after each connection it accepts itself.
    emit newConnection();
}

bool GuardedTcpServer::take(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        if (mOpen)
            mOpen->deref();
        return false;
    }
    if (mOpen)
        connect(socket, &QObject::destroyed, [open = mOpen] { open->deref(); });
    new ConnectionGuard(socket, mGuard, mLimit, mRefusal, mSpill.take ? &mSpill : nullptr);
    connectionAccepted(socket);
    addPendingConnection(socket);
    return true;
}

} // namespace Nimbus
