#include "gatewayserver.h"
#include "model/kinds.h"

#include "document/project.h"
#include "eventarchive.h"
#include "eventbus.h"
#include "httpmethod.h"
#include "localcloud.h"
#include "routeauthorizer.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "runtime/requestid.h"
#include "virtualclock.h"
#include "workflow/workflowengine.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// A responder kept until the function answers; the client may be gone by then. It is
// written on its connection's thread (io), whichever thread answers.
struct PendingResponse
{
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket; // read on io's thread only
    std::shared_ptr<Mailbox> io;
    bool head = false; // a HEAD request: the length of the body, not the body
    bool streaming = false; // the head is sent; the body follows in chunks (the cloud's thread's)
};
using Pending = std::shared_ptr<PendingResponse>;

// Runs write on the connection's thread, in order with the other writes for it.
void onConnectionThread(const Pending &pending, std::function<void(PendingResponse &)> write)
{
    pending->io->call([pending, write = std::move(write)] { write(*pending); });
}

// A chunk of a body sent with chunked transfer encoding (an empty one ends it).
void sendChunk(const Pending &pending, const QByteArray &chunk)
{
    onConnectionThread(pending, [chunk](PendingResponse &p) {
        if (!p.socket || p.head)
            return;
        p.responder.writeBody(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        p.socket->flush();
    });
}

// The head of a streamed answer; its body follows through sendChunk.
void startStream(const Pending &pending, int status, const HttpHeaders &headers, const HttpHeaders &extra)
{
    pending->streaming = true;
    onConnectionThread(pending, [status, all = headers + extra](PendingResponse &p) {
        if (!p.socket)
            return;
        QHttpServerResponder &r = p.responder;
        r.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        for (const auto &[key, value] : all)
            r.writeHeader(key, value);
        r.writeHeader("transfer-encoding", "chunked");
        if (p.head)
            r.writeBody(QByteArray());
    });
}

void send(const Pending &pending, const HttpResponseData &response, const HttpHeaders &extra = {})
{
    onConnectionThread(pending, [response, extra](PendingResponse &p) {
        if (!p.socket)
            return; // the client hung up
        QHttpServerResponder &r = p.responder;
        r.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
        for (const auto &[key, value] : response.headers)
            r.writeHeader(key, value);
        for (const auto &[key, value] : extra)
            r.writeHeader(key, value);
        r.writeHeader("content-length", QByteArray::number(response.body.size()));
        r.writeBody(p.head ? QByteArray() : response.body);
        // Written now, in one call, rather than on the loop's next pass.
        p.socket->flush();
    });
}

// What the event log says of an answer of 400 or more: the gateway's own reason, or the
// start of the body the function answered with.
QString failureDetail(const HttpResponseData &response)
{
    if (!response.problem.isEmpty())
        return response.problem;
    const QString body = QString::fromUtf8(response.body.left(200)).simplified();
    return body.isEmpty() ? GatewayServer::tr("answered %1").arg(response.status)
                          : GatewayServer::tr("answered %1: %2").arg(response.status).arg(body);
}

// A value of a control request as an error message shows it: short, whatever was sent.
QString shown(const QJsonValue &value)
{
    QString text;
    if (value.isUndefined())
        text = GatewayServer::tr("missing");
    else if (value.isString())
        text = value.toString();
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    return text.size() > 80 ? text.left(80) + u"..."_s : text;
}

// A bound of an archive's range: absent or empty is open, else an ISO 8601 time (UTC
// when no zone is given, as nimbus cloud sends it); false when it is not a time.
bool rangeBound(const QJsonValue &value, QDateTime *time)
{
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return true;
    if (!value.isString())
        return false;
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return false;
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeSpec(Qt::UTC);
    *time = parsed;
    return true;
}

// A whole number in [least, most], fallback when absent; none when it is anything else.
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 least, qint64 most, qint64 fallback)
{
    if (value.isUndefined())
        return fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || number != std::floor(number) || number < double(least) || number > double(most))
        return std::nullopt;
    return qint64(number);
}

} // namespace

GatewayServer::GatewayServer(LocalCloud &cloud, QObject *parent)
    : QObject(parent), mCloud(cloud), mAuthorizer(std::make_unique<RouteAuthorizer>(cloud)),
      mHome(std::make_shared<Mailbox>())
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    mControlToken = QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex();
}

GatewayServer::~GatewayServer()
{
    close();
}

Result<void> GatewayServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    mRoutes = RouteTable();
    const Architecture &architecture = mCloud.project().architecture();
    for (const auto &[id, node] : architecture.nodes()) {
        if (node.kind != Kinds::HttpRoute)
            continue;
        for (EdgeId edgeId : architecture.outgoingEdges(id)) {
            const Edge *edge = architecture.edge(edgeId);
            const Node *function = architecture.node(edge->to);
            const bool invokes = edge->type == "invokes"_L1 && function
                                 && (function->kind == Kinds::Function || function->kind == Kinds::Container);
            const bool starts = edge->type == "starts"_L1 && function && function->kind == Kinds::StateMachine;
            if (!invokes && !starts)
                continue;
            HttpRoute route;
            route.method = node.properties.value("method"_L1).toString(u"GET"_s);
            route.path = node.properties.value("path"_L1).toString(u"/"_s);
            route.trigger = id;
            route.function = function->id;
            route.functionName = function->name;
            route.startsWorkflow = starts;
            route.container = function->kind == Kinds::Container;
            route.cors = node.properties.value("cors"_L1).toBool();
            route.restPayload = node.properties.value("payloadFormat"_L1).toString() == "1.0"_L1;
            route.auth = RouteAuthorizer::authOf(architecture, id);
            mRoutes.add(route);
        }
    }
    mFunctionUrls = FunctionUrl::fromDesign(architecture);
    mThreads = std::make_unique<ServerThreads>(
        ServerThreads::defaultCount(), [this](const QHttpServerRequest &request, QTcpSocket *socket,
                                              const std::shared_ptr<Mailbox> &io) { serve(request, socket, io); });
    // The control path's larger limit is for the run's own tools, which carry its token.
    auto bodyLimit = [](const QByteArray &requestLine, const HttpHeaders &headers) {
        const bool control = requestLine.contains(QByteArray(" ") + kControlPrefix)
                             && std::any_of(headers.cbegin(), headers.cend(),
                                            [](const auto &h) { return h.first == kTokenHeader; });
        return control ? kControlLimit : kPayloadLimit;
    };
    auto refusal = [](int status, const QString &message) { return GatewayEvents::errorResponse(status, message); };
    mPort = mThreads->listen(&mGuard, bodyLimit, refusal, address, port);
    if (mPort == 0) {
        mThreads.reset();
        return fail(tr("cannot listen on %1:%2").arg(address.toString()).arg(port));
    }
    // The user pools' issuer is this gateway's address.
    if (Result<void> configured = mAuthorizer->configure(url()); !configured) {
        close();
        return configured.error();
    }
    return {};
}

void GatewayServer::serve(const QHttpServerRequest &request, QTcpSocket *socket, const std::shared_ptr<Mailbox> &io)
{
    // On the connection's thread: the request is read here, and served on the cloud's.
    HttpRequestData data;
    readRequest(request, &data);
    auto pending = std::make_shared<PendingResponse>(
        PendingResponse{GuardedHttpServer::makeResponder(request, socket), socket, io, data.method == "HEAD"_L1});
    // Checked again on the head as Qt parsed it: the guard's own read of the raw bytes
    // decided before any body arrived; this one is the parse the request is served by.
    if (const auto refusal = mGuard.refusal(data.headers)) {
        send(pending, GatewayEvents::errorResponse(403, *refusal));
        return;
    }
    // A plain route's event is built here, off the cloud's thread, which only starts the
    // function with it: most of a warm request's cost was building and writing that event.
    // Everything else (the cloud's own paths, function URLs, preflights, authorizers,
    // workflows, containers, refusals) is decided on the cloud's thread.
    if (const auto match = plainRoute(data)) {
        const HttpRoute &route = *match->route;
        const QString requestId = newRequestId();
        JsonText event = route.restPayload ? GatewayEvents::restApiEventText(route, *match, data, requestId)
                                           : GatewayEvents::httpApiEventText(route, *match, data, requestId);
        mHome->post([this, route, what = data.method + ' '_L1 + data.path,
                     cors = route.cors ? GatewayEvents::corsHeaders(data) : HttpHeaders(), json = std::move(event),
                     pending] { invoke(route, json, what, cors, pending); });
        return;
    }
    mHome->post([this, data = std::move(data), pending] { handle(data, pending); });
}

std::optional<RouteTable::Match> GatewayServer::plainRoute(const HttpRequestData &request) const
{
    // Read on the connections' threads: the routes and the function URLs are set by
    // listen() before they start, and not changed until they have ended.
    if (request.path.startsWith(QLatin1String(kControlPrefix)) || request.body.size() > kPayloadLimit
        || FunctionUrl::split(request.path) || GatewayEvents::isPreflight(request))
        return std::nullopt;
    std::optional<RouteTable::Match> match = mRoutes.match(request.method, request.path, request.rawPath);
    if (!match)
        return std::nullopt;
    const HttpRoute &route = *match->route;
    if (route.auth.kind != RouteAuth::Kind::None || route.auth.apiKeyRequired || route.startsWorkflow
        || route.container)
        return std::nullopt;
    return match;
}

void GatewayServer::close()
{
    mThreads.reset(); // first: no thread reads the routes or the guard after
    // Requests read but not yet served are dropped with their answers.
    mHome->close();
    mHome = std::make_shared<Mailbox>();
    mPort = 0;
}

QString GatewayServer::url() const
{
    return serverUrl(mGuard.listenAddress(), mPort);
}

HttpResponseData GatewayServer::control(const HttpRequestData &request)
{
    auto answer = [](int status, const QJsonObject &body) {
        HttpResponseData r;
        r.status = status;
        r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return r;
    };
    const QHostAddress peer(request.sourceIp);
    if (!peer.isLoopback())
        return answer(403, {{u"error"_s, tr("the local cloud's operations are open to this machine only")}});
    if (request.method != "POST"_L1)
        return answer(405, {{u"error"_s, tr("use POST")}});
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "application/json")
        return answer(415, {{u"error"_s, tr("the local cloud's operations take application/json")}});
    // Compared in constant time: the token is what tells the user's tools from others.
    const QByteArray token = request.header(kTokenHeader);
    int difference = token.size() ^ mControlToken.size();
    for (qsizetype i = 0; i < mControlToken.size(); ++i)
        difference |= mControlToken.at(i) ^ (i < token.size() ? token.at(i) : 0);
    if (difference != 0)
        return answer(
            403, {{u"error"_s, tr("the local cloud's operations need the token of this run (nimbus cloud reads it)")}});
    const QString operation = request.path.mid(int(qstrlen(kControlPrefix)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject())
        return answer(400, {{u"error"_s, tr("the request is not a JSON object: %1").arg(parseError.errorString())}});
    const QJsonObject in = document.object();
    auto failed = [&](const Error &error) { return answer(400, {{u"error"_s, error.message}}); };
    auto done = [&](const Result<void> &result) { return result ? answer(200, {}) : failed(result.error()); };
    auto messageId = [&](const Result<QString> &id) {
        return id ? answer(200, {{u"messageId"_s, *id}}) : failed(id.error());
    };
    if (operation == "send-message"_L1)
        return messageId(mCloud.sendMessage(in.value("queue"_L1).toString(), in.value("body"_L1).toString().toUtf8(),
                                            {}, in.value("delaySeconds"_L1).toInt()));
    if (operation == "publish"_L1)
        return messageId(mCloud.publish(in.value("topic"_L1).toString(), in.value("message"_L1).toString(),
                                        in.value("subject"_L1).toString()));
    if (operation == "put-object"_L1) {
        const auto decoded = QByteArray::fromBase64Encoding(in.value("body"_L1).toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return answer(400, {{u"error"_s, tr("put-object: body is not base64")}});
        const Result<void> put = mCloud.putObject(in.value("bucket"_L1).toString(), in.value("key"_L1).toString(),
                                                  decoded.decoded, in.value("contentType"_L1).toString());
        return put ? answer(200, {{u"size"_s, qint64(decoded.decoded.size())}}) : failed(put.error());
    }
    if (operation == "put-item"_L1)
        return done(mCloud.putItem(in.value("table"_L1).toString(), in.value("item"_L1).toObject()));
    if (operation == "delete-item"_L1)
        return done(mCloud.deleteItem(in.value("table"_L1).toString(), in.value("key"_L1).toObject()));
    if (operation == "fire"_L1)
        return done(mCloud.fireSchedule(in.value("schedule"_L1).toString()));
    // PutEvents: one result per entry, {"EventId"} or {"ErrorCode", "ErrorMessage"}.
    if (operation == "put-event"_L1) {
        const QJsonArray entries = in.value("entries"_L1).toArray();
        if (entries.isEmpty())
            return answer(400, {{u"error"_s, tr("put-event: no entries")}});
        return answer(200, {{u"entries"_s, mCloud.putEvents(in.value("bus"_L1).toString(), entries)}});
    }
    // The virtual clock: each answers the time it shows after, and whether it runs.
    auto clock = [&](const Result<QDateTime> &now) {
        return now ? answer(200, {{u"now"_s, now->toString(Qt::ISODateWithMs)},
                                  {u"running"_s, mCloud.virtualClock().isRunning()}})
                   : failed(now.error());
    };
    if (operation == "clock"_L1)
        return clock(mCloud.clock().now());
    if (operation == "pause"_L1 || operation == "run"_L1) {
        operation == "pause"_L1 ? mCloud.virtualClock().pause() : mCloud.virtualClock().run();
        return clock(mCloud.clock().now());
    }
    if (operation == "advance"_L1) {
        const QString by = in.value("by"_L1).toString();
        if (by == "next"_L1)
            return clock(mCloud.runUntilNextDue());
        const Result<qint64> duration = VirtualClock::parseDuration(by);
        return duration ? clock(mCloud.advance(*duration)) : failed(duration.error());
    }
    // A bus's archive: its events in a time range (ISO 8601 from and to, each optional),
    // a page at a time; a replay of a range onto the bus, and how far it got.
    if (operation == "archive"_L1 || operation == "replay"_L1) {
        const QJsonValue busName = in.value("bus"_L1);
        if (!busName.isUndefined() && !busName.isString())
            return answer(400, {{u"error"_s, tr("%1: bus is the name of an event bus").arg(operation)}});
        const Node *bus = EventBus(mCloud).findBus(busName.toString());
        const std::optional<ArchiveInfo> archive = bus ? mCloud.eventArchive().archiveOf(*bus) : std::nullopt;
        if (!archive)
            return answer(
                400,
                {{u"error"_s, bus ? tr("the event bus %1 has no archive: turn on its Archive property").arg(bus->name)
                                  : tr("the design has no event bus %1")
                                        .arg(busName.isUndefined() ? u"default"_s : shown(busName))}});
        QDateTime from, to;
        for (const auto &[member, time] : {std::pair{"from", &from}, std::pair{"to", &to}})
            if (!rangeBound(in.value(QLatin1String(member)), time))
                return answer(400, {{u"error"_s, tr("%1: %2 is %3, not an ISO 8601 date and time such as "
                                                    "2027-01-01T08:00:00Z")
                                                     .arg(operation, QLatin1String(member),
                                                          shown(in.value(QLatin1String(member))))}});
        if (from.isValid() && to.isValid() && from > to)
            return answer(400, {{u"error"_s, tr("%1: from (%2) is after to (%3)")
                                                 .arg(operation, from.toString(Qt::ISODateWithMs),
                                                      to.toString(Qt::ISODateWithMs))}});
        if (operation == "archive"_L1) {
            const std::optional<qint64> after = wholeNumber(in.value("after"_L1), 0,
                                                            std::numeric_limits<qint64>::max() >> 11, 0);
            if (!after)
                return answer(400, {{u"error"_s, tr("archive: after is %1, not the \"next\" of an answer that was cut")
                                                     .arg(shown(in.value("after"_L1)))}});
            const std::optional<qint64> limit = wholeNumber(in.value("limit"_L1), 1, kArchivePage, kArchivePage);
            if (!limit)
                return answer(400, {{u"error"_s, tr("archive: limit is %1, not a number of events from 1 to %2")
                                                     .arg(shown(in.value("limit"_L1)))
                                                     .arg(kArchivePage)}});
            // One more than the page holds says whether there are more.
            const QList<ArchivedEvent> kept = mCloud.state().archivedEvents(archive->name, from, to, *after,
                                                                            int(*limit) + 1);
            QJsonArray events;
            qsizetype bytes = 0;
            qint64 last = *after;
            bool truncated = false;
            for (const ArchivedEvent &event : kept) {
                const qsizetype size = QJsonDocument(event.event).toJson(QJsonDocument::Compact).size();
                if (events.size() == *limit || (!events.isEmpty() && bytes + size > kArchivePageBytes)) {
                    truncated = true;
                    break;
                }
                bytes += size;
                last = event.sequence;
                events.append(
                    QJsonObject{{u"time"_s, event.arrived.toString(Qt::ISODateWithMs)}, {u"event"_s, event.event}});
            }
            QJsonObject page{{u"archive"_s, archive->name},
                             {u"events"_s, events},
                             {u"total"_s, mCloud.state().archivedCount(archive->name, from, to)},
                             {u"truncated"_s, truncated}};
            if (truncated)
                page.insert(u"next"_s, last);
            return answer(200, page);
        }
        if (!from.isValid() || !to.isValid())
            return answer(400, {{u"error"_s, tr("replay: give both from and to")}});
        const QJsonValue name = in.value("name"_L1);
        if (!EventArchive::isValidReplayName(name.toString()))
            return answer(400, {{u"error"_s, tr("replay: name is %1, not 1 to %2 letters, digits, '.', '-' or '_'")
                                                 .arg(shown(name))
                                                 .arg(EventArchive::kMaxReplayNameLength)}});
        const QJsonValue named = in.value("rules"_L1);
        if (!named.isUndefined() && !named.isArray())
            return answer(400, {{u"error"_s, tr("replay: rules is a list of rule names")}});
        if (named.toArray().size() > EventArchive::kMaxReplayRules)
            return answer(400, {{u"error"_s, tr("replay: %1 rules named; a replay goes to at most %2")
                                                 .arg(named.toArray().size())
                                                 .arg(EventArchive::kMaxReplayRules)}});
        const QList<const Node *> ofBus = EventBus(mCloud).rules(*bus);
        QStringList rules;
        for (const QJsonValue &rule : named.toArray()) {
            if (!rule.isString() || std::none_of(ofBus.cbegin(), ofBus.cend(), [&](const Node *r) {
                    return r->name == rule.toString();
                }))
                return answer(400,
                              {{u"error"_s, tr("%1 is not a rule of the event bus %2").arg(shown(rule), bus->name)}});
            if (!rules.contains(rule.toString()))
                rules.append(rule.toString());
        }
        const Result<ReplayInfo> started = mCloud.eventArchive().startReplay(name.toString(), archive->name, from, to,
                                                                             rules);
        return started ? answer(200, {{u"replay"_s, started->name}, {u"total"_s, started->total}})
                       : failed(started.error());
    }
    if (operation == "replay-status"_L1) {
        const QJsonValue name = in.value("name"_L1);
        const std::optional<ReplayInfo> replay = EventArchive::isValidReplayName(name.toString())
                                                     ? mCloud.eventArchive().replay(name.toString())
                                                     : std::nullopt;
        if (!replay)
            return answer(400, {{u"error"_s, tr("no replay %1").arg(shown(name))}});
        return answer(200, {{u"replay"_s, replay->name},
                            {u"state"_s, ReplayInfo::stateName(replay->state)},
                            {u"reason"_s, replay->stateReason},
                            {u"replayed"_s, replay->replayed},
                            {u"total"_s, replay->total}});
    }
    return answer(404, {{u"error"_s, tr("no operation '%1'").arg(operation)}});
}

void GatewayServer::handle(const HttpRequestData &request, const std::shared_ptr<void> &responder)
{
    auto pending = std::static_pointer_cast<PendingResponse>(responder);
    const QString what = request.method + ' '_L1 + request.path;
    if (std::optional<HttpResponseData> idp = mAuthorizer->identityProvider(request)) {
        if (idp->status >= 400)
            mCloud.logRefusedRequest(what, idp->status, idp->problem);
        send(pending, *idp);
        return;
    }
    if (request.path.startsWith(QLatin1String(kControlPrefix))) {
        send(pending, control(request));
        return;
    }
    if (request.body.size() > kPayloadLimit) {
        const QString problem = tr("%1: the body is over 10 MB").arg(what);
        mCloud.logRefusedRequest(what, 413, problem);
        send(pending, GatewayEvents::errorResponse(413, problem));
        return;
    }
    if (const auto target = FunctionUrl::split(request.path)) {
        const auto url = mFunctionUrls.constFind(target->first);
        if (url == mFunctionUrls.cend()) {
            const QString problem = tr("%1: %2 has no function URL").arg(what, target->first);
            mCloud.logRefusedRequest(what, 404, problem);
            send(pending, GatewayEvents::errorResponse(404, problem));
            return;
        }
        // A function URL hands the function the path as it was sent, percent-encoded.
        const auto sent = FunctionUrl::split(request.sentPath());
        serveFunctionUrl(*url, sent && sent->first == target->first ? sent->second : target->second, request, pending);
        return;
    }
    // A preflight for a route that allows CORS is answered by the gateway itself.
    if (GatewayEvents::isPreflight(request)) {
        const QString wanted = QString::fromUtf8(std::find_if(request.headers.cbegin(), request.headers.cend(),
                                                              [](const auto &h) {
            return h.first.compare("access-control-request-method", Qt::CaseInsensitive) == 0;
                                                 })->second);
        const auto match = mRoutes.match(wanted, request.path, request.rawPath);
        if (match && match->route->cors) {
            HttpResponseData answer;
            answer.status = 204;
            send(pending, answer, GatewayEvents::corsHeaders(request));
            return;
        }
    }
    const auto match = mRoutes.match(request.method, request.path, request.rawPath);
    if (!match) {
        const QString problem = tr("%1: no route").arg(what);
        mCloud.logRefusedRequest(what, 404, problem);
        send(pending, GatewayEvents::errorResponse(404, problem));
        return;
    }
    const HttpRoute route = *match->route;
    const QString requestId = newRequestId();
    if (route.auth.kind == RouteAuth::Kind::None && !route.auth.apiKeyRequired) {
        forward(route, *match, request, requestId, {}, pending);
        return;
    }
    const RouteTable::Match matched{nullptr, match->pathParameters};
    QPointer<GatewayServer> self(this);
    mAuthorizer->authorize(
        route, *match, request, requestId,
        [self, route, matched, request, requestId, pending, what](const RouteAuthorizer::Decision &d) {
        if (!self)
            return;
        if (!d.allowed) {
            self->mCloud.logRefusedRequest(what, d.refusal.status, d.refusal.problem);
            send(pending, d.refusal, route.cors ? GatewayEvents::corsHeaders(request) : HttpHeaders());
            return;
        }
        RouteTable::Match again = matched;
        again.route = &route;
        self->forward(route, again, request, requestId, d.authorizer, pending);
        });
}

void GatewayServer::forward(const HttpRoute &route, const RouteTable::Match &match, const HttpRequestData &request,
                            const QString &requestId, const QJsonObject &authorizer,
                            const std::shared_ptr<void> &responder)
{
    auto pending = std::static_pointer_cast<PendingResponse>(responder);
    const QString what = request.method + ' '_L1 + request.path;
    QJsonObject event = route.restPayload ? GatewayEvents::restApiEvent(route, match, request, requestId)
                                          : GatewayEvents::httpApiEvent(route, match, request, requestId);
    if (!authorizer.isEmpty()) {
        QJsonObject context = event.value("requestContext"_L1).toObject();
        context.insert("authorizer"_L1, authorizer);
        event.insert("requestContext"_L1, context);
    }
    const HttpHeaders cors = route.cors ? GatewayEvents::corsHeaders(request) : HttpHeaders();
    if (route.startsWorkflow) {
        startWorkflow(route, request, cors, pending);
        return;
    }
    if (route.container) {
        forwardToContainer(route, request, cors, pending);
        return;
    }
    invoke(route, JsonText::of(event), what, cors, pending);
}

void GatewayServer::invoke(const HttpRoute &route, const JsonText &event, const QString &what, const HttpHeaders &cors,
                           const std::shared_ptr<void> &responder)
{
    auto pending = std::static_pointer_cast<PendingResponse>(responder);
    // The hop's id, known once invoke returns; the function answers later.
    auto hop = std::make_shared<qint64>(0);
    LocalCloud *cloud = &mCloud;
    const Result<qint64> id = mCloud.invoke(
        route.functionName, event, what, 0,
        [pending, restPayload = route.restPayload, cors, hop, cloud](const InvocationResult &result) {
        HttpResponseData answer;
        if (result.ok) {
            answer = GatewayEvents::response(result.resultJson, restPayload);
        } else {
            const QString type = result.error.value("errorType"_L1).toString();
            answer = GatewayEvents::errorResponse(type == "TooManyRequestsException"_L1 ? 503
                                                  : type == "Sandbox.Timedout"_L1       ? 504
                                                                                        : 502,
                                                  type);
        }
        cloud->setHttpStatus(*hop, answer.status, answer.status >= 400 ? failureDetail(answer) : QString());
        send(pending, answer, cors);
        },
        true, route.trigger);
    if (id) {
        *hop = *id;
        return;
    }
    // The function could not start: its Error hop, if the cloud logged one, says 502.
    const QList<CloudLogEntry> &log = mCloud.log();
    if (!log.isEmpty() && log.last().kind == CloudLogEntry::Kind::Error && log.last().source == what
        && log.last().httpStatus == 0)
        mCloud.setHttpStatus(log.last().id, 502);
    send(pending, GatewayEvents::errorResponse(502, id.errorMessage()), cors);
}

void GatewayServer::serveFunctionUrl(const FunctionUrl &url, const QString &rawPath, const HttpRequestData &request,
                                     const std::shared_ptr<void> &responder)
{
    auto pending = std::static_pointer_cast<PendingResponse>(responder);
    const QString what = request.method + ' '_L1 + request.path;
    const HttpHeaders cors = url.corsHeaders(request);
    if (GatewayEvents::isPreflight(request) && !url.origins.isEmpty()) {
        HttpResponseData answer;
        answer.status = cors.isEmpty() ? 403 : 200;
        send(pending, answer, cors);
        return;
    }
    // As AWS answers an unsigned request to an AWS_IAM URL.
    if (url.iam && !FunctionUrl::isSigned(request)) {
        const QString problem =
            tr("%1: the function URL of %2 takes AWS_IAM-signed requests only").arg(what, url.function);
        mCloud.logRefusedRequest(what, 403, problem);
        HttpResponseData answer;
        answer.status = 403;
        answer.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
        answer.body = R"({"Message":"Forbidden"})";
        answer.problem = problem;
        send(pending, answer, cors);
        return;
    }
    const QString requestId = newRequestId();
    const QByteArray event = QJsonDocument(url.event(request, rawPath, requestId)).toJson(QJsonDocument::Compact);
    // A streamed answer: the invocation's request id is learnt as it starts, and its chunks
    // are sent as the pool reports them.
    auto stream = std::make_shared<StreamedAnswer>();
    auto invocation = std::make_shared<QString>();
    auto hop = std::make_shared<qint64>(0);
    FunctionRunner &runner = mCloud.runner();
    QList<QMetaObject::Connection> following;
    if (url.streaming) {
        following.append(connect(&runner, &FunctionRunner::started, this, [invocation](NodeId, const QString &id) {
            if (invocation->isEmpty())
                *invocation = id;
        }));
        following.append(connect(runner.pool(), &InstancePool::streamed, this,
                                 [pending, stream, invocation, cors](const QString &id, const QByteArray &chunk) {
            if (id != *invocation)
                return;
            const bool started = stream->headKnown();
            const QByteArray body = stream->feed(chunk);
            if (!stream->headKnown())
                return;
            if (!started)
                startStream(pending, stream->status(), stream->headers(), cors);
            if (!body.isEmpty())
                sendChunk(pending, body);
        }));
    }
    auto connections = std::make_shared<QList<QMetaObject::Connection>>(following);
    LocalCloud *cloud = &mCloud;
    const Result<qint64> id = mCloud.invoke(
        url.function, event, what, 0,
        [pending, stream, connections, cors, hop, cloud, streaming = url.streaming](const InvocationResult &result) {
        for (const QMetaObject::Connection &connection : std::as_const(*connections))
            QObject::disconnect(connection);
        if (pending->streaming) {
            // The head went out: what is left of the body, then the end; a failure midway
            // can only cut the stream short, as on AWS.
            if (const QByteArray rest = stream->finish(); !rest.isEmpty())
                sendChunk(pending, rest);
            sendChunk(pending, QByteArray());
            cloud->setHttpStatus(*hop, stream->status(), QString());
            return;
        }
        HttpResponseData answer;
        if (!result.ok) {
            const QString type = result.error.value("errorType"_L1).toString();
            answer = GatewayEvents::errorResponse(type == "TooManyRequestsException"_L1 ? 429 : 502, type);
        } else if (streaming) {
            // Streamed, but the whole of it came at once (or before the head could be told).
            const QByteArray body = stream->feed(result.resultJson) + stream->finish();
            answer.status = stream->status();
            answer.headers = stream->headers();
            answer.body = body;
        } else {
            answer = GatewayEvents::response(result.resultJson, false);
        }
        cloud->setHttpStatus(*hop, answer.status, answer.status >= 400 ? failureDetail(answer) : QString());
        send(pending, answer, cors);
        },
        true);
    if (url.streaming)
        QObject::disconnect(following.first()); // the request id is known once invoke returns
    if (id) {
        *hop = *id;
        return;
    }
    for (const QMetaObject::Connection &connection : std::as_const(following))
        QObject::disconnect(connection);
    send(pending, GatewayEvents::errorResponse(502, id.errorMessage()), cors);
}

void GatewayServer::startWorkflow(const HttpRoute &route, const HttpRequestData &request, const HttpHeaders &cors,
                                  const std::shared_ptr<void> &responder)
{
    // API Gateway's StartExecution integration: the request's body is the execution's
    // input, and the client gets StartExecution's answer.
    auto pending = std::static_pointer_cast<PendingResponse>(responder);
    const QString what = request.method + ' '_L1 + request.path;
    const Result<QString> started = mCloud.workflows().startExecution(route.functionName, request.body);
    HttpResponseData answer;
    if (started) {
        const std::optional<ExecutionRecord> execution = mCloud.workflows().execution(*started);
        answer.body = QJsonDocument(QJsonObject{{u"executionArn"_s, *started},
                                                {u"startDate"_s,
                                                 execution ? execution->started.toMSecsSinceEpoch() / 1000.0 : 0.0}})
                          .toJson(QJsonDocument::Compact);
        answer.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
    } else {
        const QString code = started.errorMessage().section(u':', 0, 0);
        answer.status = code == "ServiceUnavailable"_L1 ? 503 : 400;
        answer.body = QJsonDocument(QJsonObject{{u"__type"_s, code},
                                                {u"message"_s, started.errorMessage().section(u':', 1).trimmed()}})
                          .toJson(QJsonDocument::Compact);
        answer.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
        mCloud.logRefusedRequest(what, answer.status, started.errorMessage());
    }
    send(pending, answer, cors);
}

void GatewayServer::forwardToContainer(const HttpRoute &route, const HttpRequestData &request, const HttpHeaders &cors,
                                       const std::shared_ptr<void> &responder)
{
    auto pending = std::static_pointer_cast<PendingResponse>(responder);
    const QString what = request.method + ' '_L1 + request.path;
    ContainerRequest proxied;
    proxied.method = request.method;
    proxied.path = request.sentPath(); // a container service hands the path on as it was sent
    proxied.query = request.query;
    proxied.headers = request.headers;
    proxied.body = request.body;
    auto hop = std::make_shared<qint64>(0);
    LocalCloud *cloud = &mCloud;
    const Result<qint64> id = mCloud.requestContainer(
        route.functionName, proxied, what, 0,
        [pending, cors, hop, cloud](const ContainerAnswer &answer) {
        HttpResponseData response;
        if (!answer.problem.isEmpty()) {
            // The studio's user is the one who reads it: the reason, naming the node.
            response = GatewayEvents::errorResponse(answer.status, answer.problem);
            response.body = QJsonDocument(QJsonObject{{u"message"_s, answer.problem}}).toJson(QJsonDocument::Compact);
        } else {
            response.status = answer.status;
            response.headers = answer.headers;
            response.body = answer.body;
        }
        cloud->setHttpStatus(*hop, response.status, response.status >= 400 ? failureDetail(response) : QString());
        send(pending, response, cors);
        },
        route.trigger);
    if (id) {
        *hop = *id;
        return;
    }
    send(pending, GatewayEvents::errorResponse(502, id.errorMessage()), cors);
}

} // namespace Nimbus
