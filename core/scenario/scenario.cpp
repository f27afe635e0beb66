#include "scenario.h"

#include "cloud/virtualclock.h"
#include "export/yaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

struct KindInfo
{
    const char *key;
    ScenarioStep::Kind kind;
    // The arguments a map value needs; a string value is allowed where noted.
    QStringList required;
    QStringList optional;
    bool stringValue = false; // the value may (request, advance) or must be a scalar
};

const QList<KindInfo> &kinds()
{
    using K = ScenarioStep::Kind;
    static const QList<KindInfo> all = {
        {"request", K::Request, {}, {}, true},
        {"send-message", K::SendMessage, {u"queue"_s, u"body"_s}, {u"group"_s, u"deduplication-id"_s}},
        {"publish", K::Publish, {u"topic"_s, u"message"_s}, {u"subject"_s, u"group"_s}},
        {"put-object", K::PutObject, {u"bucket"_s, u"key"_s, u"body"_s}, {u"content-type"_s}},
        {"put-item", K::PutItem, {u"table"_s, u"item"_s}, {}},
        {"put-event", K::PutEvent, {u"bus"_s, u"source"_s, u"detail-type"_s, u"detail"_s}, {}},
        {"invoke", K::Invoke, {u"function"_s}, {u"event"_s}},
        {"start-workflow", K::StartWorkflow, {u"machine"_s}, {u"input"_s, u"name"_s}},
        {"advance", K::Advance, {}, {}, true},
        {"expect-item", K::ExpectItem, {u"table"_s, u"matches"_s}, {u"count"_s}},
        {"expect-object", K::ExpectObject, {u"bucket"_s, u"key"_s}, {u"body"_s}},
        {"expect-message", K::ExpectMessage, {u"queue"_s}, {u"matches"_s, u"count"_s}},
        {"expect-hops", K::ExpectHops, {}, {}},
        {"expect-log", K::ExpectLog, {u"contains"_s}, {u"function"_s}},
        {"expect-workflow", K::ExpectWorkflow, {u"machine"_s, u"status"_s}, {u"execution"_s, u"output"_s, u"error"_s}},
        {"expect-one-of", K::ExpectOneOf, {}, {}},
    };
    return all;
}

QString where(const QString &file, const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return u"%1:%2:%3"_s.arg(file).arg(mark.line + 1).arg(mark.column + 1);
}

Error errorAt(const QString &file, const YAML::Node &node, const QString &what)
{
    return fail(u"%1: %2"_s.arg(where(file, node), what));
}

bool isPlain(const YAML::Node &scalar)
{
    return scalar.Tag().empty() || scalar.Tag() == "?";
}

// YAML as JSON: plain scalars that read as null, booleans or numbers are those; quoted
// ones stay strings.
QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it)
            object.insert(Yaml::text(it->first), toJson(it->second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = Yaml::text(node);
        if (!isPlain(node))
            return text;
        if (text == "null"_L1 || text == "~"_L1 || text == "Null"_L1 || text == "NULL"_L1)
            return QJsonValue::Null;
        if (text == "true"_L1 || text == "True"_L1 || text == "TRUE"_L1)
            return true;
        if (text == "false"_L1 || text == "False"_L1 || text == "FALSE"_L1)
            return false;
        static const QRegularExpression number(u"^[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"_s);
        if (number.match(text).hasMatch())
            return text.toDouble();
        return text;
    }
    case YAML::NodeType::Null: return QJsonValue::Null;
    case YAML::NodeType::Undefined: break;
    }
    return QJsonValue::Undefined;
}

Result<qint64> durationAt(const QString &file, const YAML::Node &node, const char *key)
{
    const Result<qint64> ms = VirtualClock::parseDuration(Yaml::text(node));
    if (!ms || !node.IsScalar())
        return errorAt(file, node,
                       Scenario::tr("%1 is a duration such as 90s, 15m, 6h or 2d").arg(QString::fromUtf8(key)));
    return *ms;
}

Result<ScenarioStep> parseStep(const QString &file, const YAML::Node &node, bool invariant, int depth = 0)
{
    if (!node.IsMap())
        return errorAt(file, node, Scenario::tr("a step is a mapping such as {request: GET /items/42}"));
    ScenarioStep step;
    step.line = node.Mark().line + 1;
    step.column = node.Mark().column + 1;
    const KindInfo *info = nullptr;
    YAML::Node value;
    QStringList names;
    for (const KindInfo &k : kinds())
        names.append(QString::fromUtf8(k.key));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = Yaml::text(it->first);
        const auto found = std::find_if(kinds().cbegin(), kinds().cend(),
                                        [&](const KindInfo &k) { return key == QLatin1String(k.key); });
        if (found != kinds().cend()) {
            if (info)
                return errorAt(
                    file, it->first,
                    Scenario::tr("a step does one thing: %1 and %2 are two").arg(QString::fromUtf8(info->key), key));
            info = &*found;
            value = it->second;
        } else if (key == "name"_L1) {
            step.name = Yaml::text(it->second);
        } else if (key == "expect"_L1) {
            step.expect = toJson(it->second);
        } else if (key == "capture"_L1) {
            if (!it->second.IsMap())
                return errorAt(file, it->second, Scenario::tr("capture maps names to paths such as body.orderId"));
            step.capture = toJson(it->second).toObject();
        } else if (key == "within"_L1) {
            const Result<qint64> ms = durationAt(file, it->second, "within");
            if (!ms)
                return ms.error();
            step.withinMs = *ms;
        } else if (key == "body"_L1 || key == "headers"_L1 || key == "token"_L1) {
            step.extra.insert(key, toJson(it->second));
        } else {
            return errorAt(file, it->first,
                           Scenario::tr("unknown key '%1' in a step; a step has one of %2, and name, expect, "
                                        "capture, within (a request also has body, headers and token)")
                               .arg(key, names.join(", "_L1)));
        }
    }
    if (!info)
        return errorAt(file, node, Scenario::tr("a step needs one of %1").arg(names.join(", "_L1)));
    step.kind = info->kind;
    const QString kindName = QString::fromUtf8(info->key);
    step.args = toJson(value);
    if (invariant && !step.isExpectation())
        return errorAt(file, node, Scenario::tr("an invariant only expects; %1 acts").arg(kindName));
    if (!step.isExpectation() && step.withinMs > 0)
        return errorAt(file, node, Scenario::tr("within belongs to the expect- steps, not to %1").arg(kindName));
    if ((!step.extra.isEmpty() && step.kind != ScenarioStep::Kind::Request)
        || (!step.expect.isUndefined() && step.kind != ScenarioStep::Kind::Request
            && step.kind != ScenarioStep::Kind::Invoke))
        return errorAt(
            file, node,
            Scenario::tr("body, headers, token and expect belong to request (and expect to invoke), not to %1")
                .arg(kindName));

    switch (step.kind) {
    case ScenarioStep::Kind::Request: {
        static const QRegularExpression line(u"^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/\\S*)$"_s);
        if (!value.IsScalar() || !line.match(Yaml::text(value)).hasMatch())
            return errorAt(file, value, Scenario::tr("request is a method and a path, such as POST /orders"));
        if (step.extra.contains("headers"_L1) && !step.extra.value("headers"_L1).isObject())
            return errorAt(file, node, Scenario::tr("headers maps names to values"));
        // token: {pool: NAME, user: NAME, scopes: [...]}: a token of a user pool of the design.
        if (step.extra.contains("token"_L1)) {
            const QJsonObject token = step.extra.value("token"_L1).toObject();
            const QStringList keys = token.keys();
            const bool known = std::all_of(keys.cbegin(), keys.cend(), [](const QString &k) {
                return k == "pool"_L1 || k == "user"_L1 || k == "scopes"_L1;
            });
            if (!token.value("pool"_L1).isString() || !known
                || (token.contains("user"_L1) && !token.value("user"_L1).isString())
                || (token.contains("scopes"_L1) && !token.value("scopes"_L1).isArray()))
                return errorAt(file, node,
                               Scenario::tr("token takes pool (a user pool of the design), and user and scopes "
                                            "(a list) if not the pool's first user and all its scopes"));
        }
        // A scenario may come with a stranger's project: no header smuggles another line in.
        const QJsonObject headers = step.extra.value("headers"_L1).toObject();
        static const QRegularExpression token(u"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"_s);
        for (auto it = headers.begin(); it != headers.end(); ++it)
            if (!token.match(it.key()).hasMatch() || it.value().isObject() || it.value().isArray()
                || it.value().toString().contains(u'\r') || it.value().toString().contains(u'\n'))
                return errorAt(
                    file, node,
                    Scenario::tr("the header %1 is not a header name with a one-line value").arg(it.key().left(80)));
        break;
    }
    case ScenarioStep::Kind::Advance:
        if (Yaml::text(value) != "next"_L1) {
            const Result<qint64> ms = durationAt(file, value, "advance");
            if (!ms)
                return ms.error();
        }
        break;
    case ScenarioStep::Kind::ExpectHops:
        if (!value.IsSequence() || value.size() < 1)
            return errorAt(file, value, Scenario::tr("expect-hops lists node names in the order the hops reach them"));
        break;
    case ScenarioStep::Kind::ExpectOneOf:
        if (!value.IsSequence() || value.size() < 2 || depth > 0)
            return errorAt(file, value,
                           Scenario::tr("expect-one-of lists two or more expect- steps (not another expect-one-of)"));
        for (const YAML::Node &alternative : value) {
            Result<ScenarioStep> inner = parseStep(file, alternative, true, depth + 1);
            if (!inner)
                return inner.error();
            if (inner->withinMs > 0)
                return errorAt(file, alternative, Scenario::tr("within goes on expect-one-of, for all of them"));
            step.alternatives.append(std::move(*inner));
        }
        break;
    default: {
        if (!value.IsMap())
            return errorAt(file, value, Scenario::tr("%1 takes %2").arg(kindName, info->required.join(", "_L1)));
        for (const QString &required : info->required)
            if (!Yaml::has(value, required.toStdString()))
                return errorAt(file, value, Scenario::tr("%1 needs %2").arg(kindName, required));
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString key = Yaml::text(it->first);
            if (!info->required.contains(key) && !info->optional.contains(key))
                return errorAt(file, it->first,
                               Scenario::tr("unknown key '%1' in %2; it takes %3")
                                   .arg(key, kindName, (info->required + info->optional).join(", "_L1)));
        }
        break;
    }
    }
    if (step.name.isEmpty()) {
        QString target;
        if (step.args.isString())
            target = step.args.toString();
        else if (!step.alternatives.isEmpty())
            for (const ScenarioStep &alternative : std::as_const(step.alternatives))
                target += (target.isEmpty() ? QString() : u" | "_s) + alternative.name;
        else if (step.args.isArray())
            target = step.args.toVariant().toStringList().join(" -> "_L1);
        else
            for (const char *key : {"queue", "topic", "bucket", "table", "bus", "function", "contains"})
                if (step.args.toObject().contains(QLatin1String(key))) {
                    target = step.args[QLatin1String(key)].toString();
                    break;
                }
        step.name = (kindName + u' ' + target).trimmed();
    }
    return step;
}

Result<QList<ScenarioStep>> parseSteps(const QString &file, const YAML::Node &list, const char *key)
{
    if (!list.IsSequence())
        return errorAt(file, list, Scenario::tr("%1 is a list of steps").arg(QString::fromUtf8(key)));
    if (list.size() > size_t(Scenario::kMaxSteps))
        return errorAt(file, list, Scenario::tr("at most %1 steps").arg(Scenario::kMaxSteps));
    QList<ScenarioStep> steps;
    for (const YAML::Node &item : list) {
        Result<ScenarioStep> step = parseStep(file, item, qstrcmp(key, "invariants") == 0);
        if (!step)
            return step.error();
        steps.append(std::move(*step));
    }
    return steps;
}

} // namespace

QString ScenarioStep::kindName(Kind kind)
{
    for (const KindInfo &k : kinds())
        if (k.kind == kind)
            return QString::fromUtf8(k.key);
    return {};
}

Result<Scenario> Scenario::parse(const QByteArray &yaml, const QString &fileName)
{
    Yaml::Limits limits;
    limits.maxBytes = 1024 * 1024;
    limits.maxValues = 100000;
    const Result<YAML::Node> loaded = Yaml::load(yaml, fileName, limits);
    if (!loaded)
        return loaded.error();
    const YAML::Node root = *loaded;
    if (!root.IsMap())
        return errorAt(fileName, root, tr("a scenario is a mapping with name and steps"));
    Scenario scenario;
    scenario.fileName = fileName;
    static const QStringList known = {u"name"_s,   u"description"_s, u"seed"_s,  u"repeat"_s,
                                      u"faults"_s, u"clock"_s,       u"steps"_s, u"invariants"_s};
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = Yaml::text(it->first);
        const YAML::Node value = it->second;
        if (key == "name"_L1) {
            scenario.name = Yaml::text(value);
        } else if (key == "description"_L1) {
            scenario.description = Yaml::text(value);
        } else if (key == "seed"_L1) {
            bool ok = false;
            const quint64 seed = Yaml::text(value).toULongLong(&ok);
            if (!ok)
                return errorAt(fileName, value, tr("seed is a whole number from 0"));
            scenario.seed = seed;
        } else if (key == "repeat"_L1) {
            bool ok = false;
            scenario.repeat = Yaml::text(value).toInt(&ok);
            if (!ok || scenario.repeat < 1 || scenario.repeat > kMaxRepeat)
                return errorAt(fileName, value, tr("repeat is a number of runs from 1 to %1").arg(kMaxRepeat));
        } else if (key == "clock"_L1) {
            const QDateTime start = QDateTime::fromString(Yaml::text(value), Qt::ISODate);
            if (!start.isValid())
                return errorAt(fileName, value,
                               tr("clock is the time the cloud's clock starts at, ISO 8601 such as "
                                  "2027-01-01T08:00:00Z"));
            scenario.clockStart = Yaml::text(value);
        } else if (key == "faults"_L1) {
            if (!value.IsMap())
                return errorAt(fileName, value, tr("faults maps node names to the properties they get"));
            for (auto f = value.begin(); f != value.end(); ++f) {
                if (!f->second.IsMap())
                    return errorAt(fileName, f->second,
                                   tr("the faults of %1 map properties to values, such as {faultRate: 30}")
                                       .arg(Yaml::text(f->first)));
                scenario.faults.insert(Yaml::text(f->first), toJson(f->second).toObject());
            }
        } else if (key == "steps"_L1 || key == "invariants"_L1) {
            Result<QList<ScenarioStep>> steps = parseSteps(fileName, value, key == "steps"_L1 ? "steps" : "invariants");
            if (!steps)
                return steps.error();
            (key == "steps"_L1 ? scenario.steps : scenario.invariants) = std::move(*steps);
        } else {
            return errorAt(fileName, it->first,
                           tr("unknown key '%1'; a scenario has %2").arg(key, known.join(", "_L1)));
        }
    }
    if (scenario.steps.isEmpty())
        return errorAt(fileName, root, tr("a scenario needs steps"));
    if (scenario.name.isEmpty())
        scenario.name = QFileInfo(fileName).completeBaseName();
    return scenario;
}

Result<Scenario> Scenario::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > 1024 * 1024)
        return fail(tr("%1: a scenario is at most 1 MB").arg(QDir::toNativeSeparators(path)));
    return parse(file.readAll(), QDir::toNativeSeparators(path));
}

QStringList Scenario::filesOf(const QString &projectPath)
{
    const QDir folder(QFileInfo(projectPath).absoluteDir().filePath(u"scenarios"_s));
    QStringList files;
    for (const QFileInfo &info :
         folder.entryInfoList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files | QDir::Readable, QDir::Name))
        files.append(info.filePath());
    return files;
}

namespace ScenarioJson {

QJsonValue substitute(const QJsonValue &value, const QHash<QString, QJsonValue> &variables, QStringList *missing)
{
    static const QRegularExpression reference(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    if (value.isString()) {
        const QString text = value.toString();
        const QRegularExpressionMatch whole = reference.match(text);
        if (whole.hasMatch() && whole.capturedLength() == text.size()) {
            if (variables.contains(whole.captured(1)))
                return variables.value(whole.captured(1));
            if (missing)
                missing->append(whole.captured(1));
            return value;
        }
        QString result;
        qsizetype last = 0;
        for (auto it = reference.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            result += text.mid(last, m.capturedStart() - last);
            const QJsonValue v = variables.value(m.captured(1));
            if (!variables.contains(m.captured(1))) {
                if (missing)
                    missing->append(m.captured(1));
                result += m.captured();
            } else if (v.isString()) {
                result += v.toString();
            } else if (v.isDouble()) {
                result += QString::number(v.toDouble(), 'g', 17);
            } else if (v.isObject() || v.isArray()) {
                result += QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                                         : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            } else {
                result += v.isNull() ? u"null"_s : (v.toBool() ? u"true"_s : u"false"_s);
            }
            last = m.capturedEnd();
        }
        return last == 0 ? value : QJsonValue(result + text.mid(last));
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &v : value.toArray())
            array.append(substitute(v, variables, missing));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = substitute(it.value(), variables, missing);
        return object;
    }
    return value;
}

namespace {
QString shown(const QJsonValue &v)
{
    if (v.isUndefined())
        return Scenario::tr("nothing");
    if (v.isString())
        return u"\"%1\""_s.arg(v.toString().left(200));
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isNull())
        return u"null"_s;
    const QByteArray json = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.left(200));
}

QString operatorMismatch(const QString &op, const QJsonValue &arg, const QJsonValue &actual, const QString &path)
{
    const QString here = path.isEmpty() ? Scenario::tr("the answer") : path;
    if (op == "$any"_L1)
        return actual.isUndefined() ? Scenario::tr("%1: expected a value, got nothing").arg(here) : QString();
    if (op == "$exists"_L1)
        return actual.isUndefined() == arg.toBool(true)
                   ? Scenario::tr("%1: expected it %2, got %3")
                         .arg(here, arg.toBool(true) ? Scenario::tr("present") : Scenario::tr("absent"), shown(actual))
                   : QString();
    if (op == "$regex"_L1) {
        const QRegularExpression re(arg.toString());
        if (!re.isValid())
            return Scenario::tr("%1: the pattern %2 is not a regular expression").arg(here, arg.toString());
        return actual.isString() && re.match(actual.toString()).hasMatch()
                   ? QString()
                   : Scenario::tr("%1: expected text matching %2, got %3").arg(here, arg.toString(), shown(actual));
    }
    if (op == "$contains"_L1) {
        if (actual.isString() && arg.isString())
            return actual.toString().contains(arg.toString())
                       ? QString()
                       : Scenario::tr("%1: expected text containing %2, got %3").arg(here, shown(arg), shown(actual));
        if (actual.isArray()) {
            for (const QJsonValue &item : actual.toArray())
                if (mismatch(arg, item).isEmpty())
                    return {};
        }
        return Scenario::tr("%1: expected a list with an element like %2, got %3").arg(here, shown(arg), shown(actual));
    }
    if (op == "$gt"_L1 || op == "$gte"_L1 || op == "$lt"_L1 || op == "$lte"_L1) {
        const double a = actual.toDouble(), b = arg.toDouble();
        const bool holds = actual.isDouble()
                           && (op == "$gt"_L1    ? a > b
                               : op == "$gte"_L1 ? a >= b
                               : op == "$lt"_L1  ? a < b
                                                 : a <= b);
        return holds ? QString()
                     : Scenario::tr("%1: expected a number %2 %3, got %4")
                           .arg(here, op.mid(1), shown(arg), shown(actual));
    }
    if (op == "$length"_L1) {
        const qsizetype length = actual.isArray()    ? actual.toArray().size()
                                 : actual.isString() ? actual.toString().size()
                                 : actual.isObject() ? actual.toObject().size()
                                                     : -1;
        return length == qsizetype(arg.toDouble(-2))
                   ? QString()
                   : Scenario::tr("%1: expected a length of %2, got %3").arg(here, shown(arg), shown(actual));
    }
    if (op == "$not"_L1)
        return mismatch(arg, actual, path).isEmpty()
                   ? Scenario::tr("%1: expected anything but %2, got it").arg(here, shown(arg))
                   : QString();
    if (op == "$json"_L1) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(actual.toString().toUtf8(), &error);
        if (!actual.isString() || error.error != QJsonParseError::NoError)
            return Scenario::tr("%1: expected JSON text, got %2").arg(here, shown(actual));
        const QJsonValue parsed = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        return mismatch(arg, parsed, path);
    }
    return Scenario::tr("%1: unknown matcher %2 (there are $any, $exists, $regex, $contains, $gt, $gte, $lt, $lte, "
                        "$length, $not, $json)")
        .arg(here, op);
}
} // namespace

QString mismatch(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    const QString here = path.isEmpty() ? Scenario::tr("the answer") : path;
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        if (e.size() == 1 && e.begin().key().startsWith(u'$'))
            return operatorMismatch(e.begin().key(), e.begin().value(), actual, path);
        if (!actual.isObject())
            return Scenario::tr("%1: expected an object, got %2").arg(here, shown(actual));
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            const QString inner = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (QString why = mismatch(it.value(), a.contains(it.key()) ? a.value(it.key()) : QJsonValue::Undefined,
                                       inner);
                !why.isEmpty())
                return why;
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        if (!actual.isArray() || actual.toArray().size() != e.size())
            return Scenario::tr("%1: expected a list of %2, got %3").arg(here).arg(e.size()).arg(shown(actual));
        const QJsonArray a = actual.toArray();
        for (qsizetype i = 0; i < e.size(); ++i)
            if (QString why = mismatch(e.at(i), a.at(i), u"%1[%2]"_s.arg(path).arg(i)); !why.isEmpty())
                return why;
        return {};
    }
    if (expected.isDouble() && actual.isDouble())
        return expected.toDouble() == actual.toDouble()
                   ? QString()
                   : Scenario::tr("%1: expected %2, got %3").arg(here, shown(expected), shown(actual));
    return expected == actual ? QString()
                              : Scenario::tr("%1: expected %2, got %3").arg(here, shown(expected), shown(actual));
}

QJsonValue at(const QJsonValue &root, const QString &path)
{
    static const QRegularExpression part(u"([^.\\[\\]]+)|\\[(\\d+)\\]"_s);
    QJsonValue value = root;
    for (auto it = part.globalMatch(path); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(1) > 0) {
            if (!value.isObject() || !value.toObject().contains(m.captured(1)))
                return QJsonValue::Undefined;
            value = value.toObject().value(m.captured(1));
        } else {
            const qsizetype index = m.captured(2).toLongLong();
            if (!value.isArray() || index >= value.toArray().size())
                return QJsonValue::Undefined;
            value = value.toArray().at(index);
        }
    }
    return value;
}

QJsonValue fromAttribute(const QJsonValue &attribute)
{
    const QJsonObject a = attribute.toObject();
    if (a.size() != 1)
        return QJsonValue::Undefined;
    const QString type = a.begin().key();
    const QJsonValue v = a.begin().value();
    if (type == "S"_L1 || type == "B"_L1)
        return v.toString();
    if (type == "N"_L1)
        return v.toString().toDouble();
    if (type == "BOOL"_L1)
        return v.toBool();
    if (type == "NULL"_L1)
        return QJsonValue::Null;
    if (type == "M"_L1)
        return fromItem(v.toObject());
    QJsonArray list;
    for (const QJsonValue &item : v.toArray())
        list.append(type == "L"_L1 ? fromAttribute(item) : type == "NS"_L1 ? item.toString().toDouble() : item);
    return list;
}

QJsonObject fromItem(const QJsonObject &item)
{
    QJsonObject plain;
    for (auto it = item.begin(); it != item.end(); ++it)
        plain.insert(it.key(), fromAttribute(it.value()));
    return plain;
}

QJsonValue toAttribute(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return QJsonObject{{u"S"_s, value}};
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const QString text = std::floor(d) == d && std::abs(d) < 1e15 ? QString::number(qint64(d))
                                                                      : QString::number(d, 'g', 17);
        return QJsonObject{{u"N"_s, text}};
    }
    case QJsonValue::Bool: return QJsonObject{{u"BOOL"_s, value}};
    case QJsonValue::Object: return QJsonObject{{u"M"_s, toItem(value.toObject())}};
    case QJsonValue::Array: {
        QJsonArray list;
        for (const QJsonValue &v : value.toArray())
            list.append(toAttribute(v));
        return QJsonObject{{u"L"_s, list}};
    }
    default: return QJsonObject{{u"NULL"_s, true}};
    }
}

QJsonObject toItem(const QJsonObject &plain)
{
    QJsonObject item;
    for (auto it = plain.begin(); it != plain.end(); ++it)
        item.insert(it.key(), toAttribute(it.value()));
    return item;
}

} // namespace ScenarioJson

} // namespace Nimbus
