#include "eventpattern.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <QStringView>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Arrays nested deeper than this in an event are not looked into (no real event has them;
// a hostile one must not exhaust the stack).
constexpr int kMaxArrayDepth = 64;
// As deep as Qt's JSON reader reads.
constexpr int kMaxPatternDepth = 1024;

// EventBridge compares numbers from -5e9 to 5e9, to six places after the decimal point
// (event-ruler's ComparableNumber); this is the number as it compares, if in range.
constexpr double kNumberLimit = 5e9;

std::optional<qint64> comparable(double number)
{
    if (!(number >= -kNumberLimit && number <= kNumberLimit))
        return std::nullopt;
    return qint64(1e6 * (kNumberLimit + number));
}

// Out of that range, numbers can still be equal (an account number written as a number).
bool sameNumber(double a, double b)
{
    const std::optional<qint64> x = comparable(a);
    const std::optional<qint64> y = comparable(b);
    return x && y ? *x == *y : a == b;
}

const QSet<QString> &operatorNames()
{
    static const QSet<QString> names{u"prefix"_s,   u"suffix"_s,       u"equals-ignore-case"_s,
                                     u"wildcard"_s, u"anything-but"_s, u"numeric"_s,
                                     u"exists"_s,   u"cidr"_s};
    return names;
}

// A wildcard value split at its unescaped '*': "a*b*c" -> a, b, c.
struct Glob
{
    QList<QString> parts;
    bool starFirst = false;
    bool starLast = false;

    bool matches(QStringView text) const
    {
        if (parts.size() == 1 && !starFirst && !starLast)
            return text == parts.first();
        const QString &first = parts.first();
        const QString &last = parts.last();
        qsizetype begin = 0;
        qsizetype end = text.size();
        if (!starFirst) {
            if (!text.startsWith(first))
                return false;
            begin = first.size();
        }
        if (!starLast) {
            if (!text.endsWith(last) || end - last.size() < begin)
                return false;
            end -= last.size();
        }
        // Between the anchored ends, the leftmost place of each part is the best one.
        const qsizetype from = starFirst ? 0 : 1;
        const qsizetype to = parts.size() - (starLast ? 0 : 1);
        for (qsizetype i = from; i < to; ++i) {
            const QString &part = parts.at(i);
            if (part.isEmpty())
                continue;
            const qsizetype at = text.first(end).indexOf(part, begin);
            if (at < 0)
                return false;
            begin = at + part.size();
        }
        return true;
    }
};

struct IpAddress
{
    std::array<quint8, 16> bytes{};
    int size = 0; // 4 or 16; 0 when the text is no address

    bool valid() const { return size != 0; }
};

IpAddress parseIpv4(QStringView text)
{
    IpAddress ip;
    int part = 0;
    int digits = 0;
    int value = 0;
    for (const QChar c : text) {
        if (c == '.'_L1) {
            if (digits == 0 || part == 3)
                return {};
            ip.bytes[size_t(part++)] = quint8(value);
            digits = value = 0;
        } else if (c >= '0'_L1 && c <= '9'_L1 && digits < 3) {
            value = value * 10 + (c.unicode() - '0');
            ++digits;
            if (value > 255)
                return {};
        } else {
            return {};
        }
    }
    if (digits == 0 || part != 3)
        return {};
    ip.bytes[3] = quint8(value);
    ip.size = 4;
    return ip;
}

IpAddress parseIp(QStringView text)
{
    if (!text.contains(':'_L1))
        return parseIpv4(text);
    QHostAddress address;
    if (!address.setAddress(text.toString()) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    IpAddress ip;
    std::copy(std::begin(v6.c), std::end(v6.c), ip.bytes.begin());
    ip.size = 16;
    return ip;
}

} // namespace

struct EventPattern::Node
{
    enum class Op : quint8 {
        Equals, // one of texts
        EqualsNumber, // one of numbers
        EqualsLiteral, // true, false or null
        Prefix,
        Suffix,
        EqualsIgnoreCase,
        Wildcard,
        Numeric,
        Exists,
        Absent,
        Cidr,
    };

    struct Matcher
    {
        Op op = Op::Equals;
        bool negated = false; // anything-but
        bool ignoreCase = false; // prefix and suffix
        QList<QString> texts;
        QList<double> numbers;
        QList<Glob> globs;
        QJsonValue literal;
        qint64 low = std::numeric_limits<qint64>::min(); // comparable() numbers
        qint64 high = std::numeric_limits<qint64>::max();
        bool lowOpen = false;
        bool highOpen = false;
        IpAddress network;
        int maskBits = 0;
    };

    struct Leaf
    {
        std::vector<Matcher> matchers;
        bool absentMatches = false; // holds {"exists": false}
    };

    struct Field
    {
        QString key;
        std::unique_ptr<Node> child; // a nested object, or else:
        Leaf leaf;
    };

    std::vector<Field> fields;
    std::vector<std::vector<Node>> ors; // each: two or more objects, one must match

    // skip: top-level fields already known to match (bit i for fields[i]), from RuleSet.
    bool matchesObject(const QJsonObject &object, quint64 skip = 0) const;
};

namespace {

using Node = EventPattern::Node;
using Op = Node::Op;
using Matcher = Node::Matcher;

bool inNetwork(const Matcher &m, const IpAddress &ip)
{
    if (ip.size != m.network.size)
        return false;
    int bits = m.maskBits;
    for (int i = 0; i < ip.size && bits > 0; ++i, bits -= 8) {
        const quint8 mask = bits >= 8 ? 0xff : quint8(0xff << (8 - bits));
        if ((ip.bytes[size_t(i)] & mask) != (m.network.bytes[size_t(i)] & mask))
            return false;
    }
    return true;
}

bool inRange(const Matcher &m, double value)
{
    const std::optional<qint64> number = comparable(value);
    if (!number)
        return false;
    const bool aboveLow = m.lowOpen ? *number > m.low : *number >= m.low;
    const bool belowHigh = m.highOpen ? *number < m.high : *number <= m.high;
    return aboveLow && belowHigh;
}

bool anyText(const Matcher &m, QStringView text)
{
    const Qt::CaseSensitivity cs = m.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    for (const QString &t : m.texts) {
        switch (m.op) {
        case Op::Equals:
            if (text == t)
                return true;
            break;
        case Op::Prefix:
            if (text.startsWith(t, cs))
                return true;
            break;
        case Op::Suffix:
            if (text.endsWith(t, cs))
                return true;
            break;
        default:
            if (text.compare(t, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

// Whether one scalar of the event (string, number, true, false, null) passes m, before
// anything-but turns the answer round. A value of another type never passes.
bool passes(const Matcher &m, const QJsonValue &value, QStringView text)
{
    switch (m.op) {
    case Op::Equals:
    case Op::Prefix:
    case Op::Suffix:
    case Op::EqualsIgnoreCase: return value.isString() && anyText(m, text);
    case Op::EqualsNumber:
        return value.isDouble() && std::any_of(m.numbers.begin(), m.numbers.end(), [&](double n) {
                   return sameNumber(n, value.toDouble());
               });
    case Op::EqualsLiteral: return value == m.literal;
    case Op::Wildcard:
        return value.isString()
               && std::any_of(m.globs.begin(), m.globs.end(), [&](const Glob &g) { return g.matches(text); });
    case Op::Numeric: return value.isDouble() && inRange(m, value.toDouble());
    case Op::Exists: return true;
    case Op::Absent: return false;
    case Op::Cidr: return value.isString() && inNetwork(m, parseIp(text));
    }
    return false;
}

bool scalarMatches(const Node::Leaf &leaf, const QJsonValue &value)
{
    const QString text = value.isString() ? value.toString() : QString();
    for (const Matcher &m : leaf.matchers) {
        if (passes(m, value, text) != m.negated)
            return true;
    }
    return false;
}

// Any scalar in a (possibly nested) array; *seen counts the scalars looked at.
bool arrayMatches(const Node::Leaf &leaf, const QJsonArray &array, int depth, int *seen)
{
    if (depth > kMaxArrayDepth)
        return false;
    for (const QJsonValue &element : array) {
        if (element.isArray()) {
            if (arrayMatches(leaf, element.toArray(), depth + 1, seen))
                return true;
        } else if (!element.isObject()) {
            ++*seen;
            if (scalarMatches(leaf, element))
                return true;
        }
    }
    return false;
}

bool leafMatches(const Node::Leaf &leaf, const QJsonValue &value)
{
    // An object is no leaf value: the field counts as absent, as EventBridge flattens events.
    if (value.isUndefined() || value.isObject())
        return leaf.absentMatches;
    if (value.isArray()) {
        int seen = 0;
        if (arrayMatches(leaf, value.toArray(), 0, &seen))
            return true;
        return seen == 0 && leaf.absentMatches;
    }
    return scalarMatches(leaf, value);
}

// The objects of a (possibly nested) array; *seen counts them.
bool objectInArrayMatches(const Node &node, const QJsonArray &array, int depth, int *seen)
{
    if (depth > kMaxArrayDepth)
        return false;
    for (const QJsonValue &element : array) {
        if (element.isObject()) {
            ++*seen;
            if (node.matchesObject(element.toObject()))
                return true;
        } else if (element.isArray() && objectInArrayMatches(node, element.toArray(), depth + 1, seen)) {
            return true;
        }
    }
    return false;
}

bool childMatches(const Node &node, const QJsonValue &value)
{
    if (value.isObject())
        return node.matchesObject(value.toObject());
    if (value.isArray()) {
        int seen = 0;
        if (objectInArrayMatches(node, value.toArray(), 0, &seen))
            return true;
        if (seen > 0)
            return false;
    }
    // Absent, a scalar or an array without objects: nothing lies below, so only fields
    // that may be absent can match.
    static const QJsonObject empty;
    return node.matchesObject(empty);
}

} // namespace

bool EventPattern::Node::matchesObject(const QJsonObject &object, quint64 skip) const
{
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i < 64 && (skip & (quint64(1) << i)))
            continue;
        const Field &field = fields[i];
        const QJsonValue value = object.value(field.key);
        if (!(field.child ? childMatches(*field.child, value) : leafMatches(field.leaf, value)))
            return false;
    }
    for (const std::vector<Node> &alternatives : ors) {
        if (std::none_of(alternatives.begin(), alternatives.end(),
                         [&](const Node &node) { return node.matchesObject(object); }))
            return false;
    }
    return true;
}

namespace {

// One step into a pattern: a key, or an array's element.
struct PathStep
{
    QString key;
    qsizetype index = -1;
};

// Finds where a value lies in a pattern's (valid) JSON text, to say where a problem is.
class Locator
{
public:
    explicit Locator(const QByteArray &text) : mText(text) { }

    // The offset of the value at path; -1 if not found.
    qsizetype find(const QList<PathStep> &path)
    {
        mPos = 0;
        for (const PathStep &step : path) {
            space();
            if (!(step.index < 0 ? enterMember(step.key) : enterElement(step.index)))
                return -1;
        }
        space();
        return mPos;
    }

private:
    char at() const { return mPos < mText.size() ? mText.at(mPos) : '\0'; }
    void space()
    {
        while (at() == ' ' || at() == '\t' || at() == '\n' || at() == '\r')
            ++mPos;
    }
    QString string()
    {
        const qsizetype start = mPos++;
        while (mPos < mText.size() && at() != '"')
            mPos += at() == '\\' ? 2 : 1;
        ++mPos;
        const QByteArray quoted = mText.mid(start, mPos - start);
        return QJsonDocument::fromJson("[" + quoted + "]").array().at(0).toString();
    }
    void skipValue()
    {
        space();
        int depth = 0;
        do {
            if (at() == '"') {
                string();
            } else {
                depth += at() == '{' || at() == '[' ? 1 : at() == '}' || at() == ']' ? -1 : 0;
                ++mPos;
            }
            space();
        } while (mPos < mText.size() && (depth > 0 || (at() != ',' && at() != '}' && at() != ']')));
    }
    // Moves to the value of key in the object here.
    bool enterMember(const QString &key)
    {
        if (at() != '{')
            return false;
        ++mPos;
        for (space(); at() == '"'; space()) {
            const QString name = string();
            space();
            ++mPos; // ':'
            if (name == key)
                return true;
            skipValue();
            if (at() == ',')
                ++mPos;
        }
        return false;
    }
    bool enterElement(qsizetype index)
    {
        if (at() != '[')
            return false;
        ++mPos;
        for (qsizetype i = 0; i < index; ++i) {
            skipValue();
            if (at() != ',')
                return false;
            ++mPos;
        }
        return true;
    }

    const QByteArray &mText;
    qsizetype mPos = 0;
};

// Turns a pattern's JSON into its tree; the first problem found is the error, in
// EventBridge's words where it has them.
class Compiler
{
public:
    Result<void> object(const QJsonObject &json, Node &node, bool insideOr);
    // After a failure: where in the pattern it failed.
    const QList<PathStep> &path() const { return mPath; }

private:
    Result<void> orGroup(const QJsonValue &json, Node &node);
    Result<void> leaf(const QJsonArray &json, Node::Leaf &leaf);
    Result<void> matchExpression(const QJsonObject &json, Node::Leaf &leaf);
    void addAddress(const QString &text, Node::Leaf &leaf);
    Result<void> oneKey(const QJsonObject &json, const QString &notFound);
    Result<void> textOperator(const QString &name, const QJsonValue &json, Matcher &m);
    Result<void> anythingBut(const QJsonValue &json, Matcher &m);
    Result<void> anythingButObject(const QJsonObject &json, Matcher &m);
    Result<void> anythingButList(const QJsonValue &json, Matcher &m);
    Result<void> numeric(const QJsonValue &json, Matcher &m);
    Result<qint64> rangeValue(const QJsonValue &json, const QString &op);
    Result<void> cidr(const QJsonValue &json, Matcher &m);
    Result<Glob> glob(const QString &text);

    int mDepth = 0;
    QList<PathStep> mPath; // the value being read; left at the one that failed
};

Result<void> Compiler::object(const QJsonObject &json, Node &node, bool insideOr)
{
    if (json.isEmpty())
        return fail(QStringLiteral("Empty objects are not allowed"));
    // Qt's JSON reader refuses deeper text; a pattern built in code must not reach further.
    struct Deeper
    {
        int &depth;
        explicit Deeper(int &d) : depth(++d) { }
        ~Deeper() { --depth; }
    } deeper(mDepth);
    if (mDepth > kMaxPatternDepth)
        return fail(QStringLiteral("Objects are nested more than %1 deep").arg(kMaxPatternDepth));
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        mPath.append({key, -1});
        if (key == "$or"_L1) {
            if (Result<void> done = orGroup(it.value(), node); !done)
                return done;
            mPath.removeLast();
            continue;
        }
        if (insideOr && operatorNames().contains(key))
            return fail(QStringLiteral("%1 is Ruler reserved fieldName which cannot be used inside $or.").arg(key));
        Node::Field field;
        field.key = key;
        if (it.value().isObject()) {
            field.child = std::make_unique<Node>();
            if (Result<void> done = object(it.value().toObject(), *field.child, insideOr); !done)
                return done;
        } else if (it.value().isArray()) {
            if (Result<void> done = leaf(it.value().toArray(), field.leaf); !done)
                return done;
        } else {
            return fail(QStringLiteral("\"%1\" must be an object or an array").arg(key));
        }
        node.fields.push_back(std::move(field));
        mPath.removeLast();
    }
    return {};
}

Result<void> Compiler::orGroup(const QJsonValue &json, Node &node)
{
    if (!json.isArray())
        return fail(QStringLiteral("It must be an Array followed with $or."));
    std::vector<Node> alternatives;
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        mPath.append({QString(), i});
        if (!array.at(i).isObject())
            return fail(QStringLiteral("Only JSON object is allowed in array of $or relationship."));
        alternatives.emplace_back();
        if (Result<void> done = object(array.at(i).toObject(), alternatives.back(), true); !done)
            return done;
        mPath.removeLast();
    }
    if (alternatives.size() < 2)
        return fail(QStringLiteral("There must have at least 2 Objects in $or relationship."));
    node.ors.push_back(std::move(alternatives));
    return {};
}

Result<void> Compiler::leaf(const QJsonArray &json, Node::Leaf &leaf)
{
    if (json.isEmpty())
        return fail(QStringLiteral("Empty arrays are not allowed"));
    Matcher texts; // the exact strings, numbers and literals are gathered in one matcher each
    Matcher numbers;
    numbers.op = Op::EqualsNumber;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QJsonValue value = json.at(i);
        mPath.append({QString(), i});
        if (value.isString()) {
            texts.texts.append(value.toString());
            addAddress(value.toString(), leaf);
        } else if (value.isDouble()) {
            numbers.numbers.append(value.toDouble());
        } else if (value.isBool() || value.isNull()) {
            Matcher literal;
            literal.op = Op::EqualsLiteral;
            literal.literal = value;
            leaf.matchers.push_back(std::move(literal));
        } else if (value.isObject()) {
            if (Result<void> done = matchExpression(value.toObject(), leaf); !done)
                return done;
        } else {
            return fail(QStringLiteral("Match value must be String, number, true, false, or null"));
        }
        mPath.removeLast();
    }
    if (!texts.texts.isEmpty())
        leaf.matchers.insert(leaf.matchers.begin(), std::move(texts));
    if (!numbers.numbers.isEmpty())
        leaf.matchers.push_back(std::move(numbers));
    return {};
}

// An exact value that is an IP address also matches other spellings of that address
// ("2001:db8::1", "2001:0db8:0:0::1"), as EventBridge reads it as a one-address range.
void Compiler::addAddress(const QString &text, Node::Leaf &leaf)
{
    Matcher m;
    m.network = parseIp(text);
    if (!m.network.valid())
        return;
    m.op = Op::Cidr;
    m.maskBits = m.network.size * 8;
    leaf.matchers.push_back(std::move(m));
}

// An operator object holds one key ({"prefix": "a"}); notFound is the error for none.
Result<void> Compiler::oneKey(const QJsonObject &json, const QString &notFound)
{
    if (json.isEmpty())
        return fail(notFound);
    if (json.size() > 1)
        return fail(QStringLiteral("Only one key allowed in match expression"));
    return {};
}

Result<void> Compiler::matchExpression(const QJsonObject &json, Node::Leaf &leaf)
{
    if (Result<void> one = oneKey(json, QStringLiteral("Match expression name not found")); !one)
        return one;
    const QString name = json.begin().key();
    const QJsonValue value = json.begin().value();
    Matcher m;
    Result<void> done;
    if (name == "prefix"_L1 || name == "suffix"_L1 || name == "equals-ignore-case"_L1 || name == "wildcard"_L1) {
        done = textOperator(name, value, m);
    } else if (name == "anything-but"_L1) {
        done = anythingBut(value, m);
    } else if (name == "numeric"_L1) {
        done = numeric(value, m);
    } else if (name == "cidr"_L1) {
        done = cidr(value, m);
    } else if (name == "exists"_L1) {
        if (!value.isBool())
            return fail(QStringLiteral("exists match pattern must be either true or false."));
        m.op = value.toBool() ? Op::Exists : Op::Absent;
        leaf.absentMatches = leaf.absentMatches || !value.toBool();
    } else {
        return fail(QStringLiteral("Unrecognized match type %1").arg(name));
    }
    if (!done)
        return done;
    leaf.matchers.push_back(std::move(m));
    return {};
}

// prefix, suffix (each with an optional equals-ignore-case inside), equals-ignore-case, wildcard.
Result<void> Compiler::textOperator(const QString &name, const QJsonValue &json, Matcher &m)
{
    QJsonValue text = json;
    const bool affix = name == "prefix"_L1 || name == "suffix"_L1;
    if (affix && json.isObject()) {
        const QJsonObject inner = json.toObject();
        if (inner.size() != 1 || inner.begin().key() != "equals-ignore-case"_L1)
            return fail(QStringLiteral("Unsupported %1 pattern: %2")
                            .arg(name, inner.isEmpty() ? QString() : inner.begin().key()));
        text = inner.begin().value();
        m.ignoreCase = true;
    }
    if (!text.isString())
        return fail(QStringLiteral("%1 match pattern must be a string").arg(name));
    if (name == "wildcard"_L1) {
        Result<Glob> g = glob(text.toString());
        if (!g)
            return g.error();
        m.op = Op::Wildcard;
        m.globs.append(std::move(g).value());
        return {};
    }
    m.op = name == "prefix"_L1 ? Op::Prefix : name == "suffix"_L1 ? Op::Suffix : Op::EqualsIgnoreCase;
    m.texts.append(text.toString());
    return {};
}

Result<void> Compiler::anythingBut(const QJsonValue &json, Matcher &m)
{
    m.negated = true;
    if (json.isObject())
        return anythingButObject(json.toObject(), m);
    if (json.isString()) {
        m.texts.append(json.toString());
        return {};
    }
    if (json.isDouble()) {
        if (Result<qint64> number = rangeValue(json, u"anything-but"_s); !number)
            return number.error();
        m.op = Op::EqualsNumber;
        m.numbers.append(json.toDouble());
        return {};
    }
    if (json.isArray())
        return anythingButList(json, m);
    return fail(QStringLiteral("Value of anything-but must be an array or single string/number value."));
}

Result<void> Compiler::anythingButObject(const QJsonObject &json, Matcher &m)
{
    if (Result<void> one = oneKey(json, QStringLiteral("Anything-But expression name not found")); !one)
        return one;
    const QString name = json.begin().key();
    const QJsonValue value = json.begin().value();
    if (name == "prefix"_L1 || name == "suffix"_L1) {
        if (!value.isString())
            return fail(QStringLiteral("prefix/suffix match pattern must be a string"));
        if (value.toString().isEmpty())
            return fail(QStringLiteral("Null prefix/suffix not allowed"));
        m.op = name == "prefix"_L1 ? Op::Prefix : Op::Suffix;
        m.texts.append(value.toString());
        return {};
    }
    if (name != "equals-ignore-case"_L1 && name != "wildcard"_L1)
        return fail(QStringLiteral("Unsupported anything-but pattern: %1").arg(name));
    m.op = name == "wildcard"_L1 ? Op::Wildcard : Op::EqualsIgnoreCase;
    const QJsonArray values = value.isArray() ? value.toArray() : QJsonArray{value};
    if (values.isEmpty())
        return fail(QStringLiteral("Inside anything-but/%1 list, at least one value is required.").arg(name));
    for (const QJsonValue &v : values) {
        if (!v.isString())
            return fail(
                QStringLiteral("Inside anything-but/%1 list, number|start|null|boolean is not supported.").arg(name));
        if (m.op == Op::EqualsIgnoreCase) {
            m.texts.append(v.toString());
            continue;
        }
        Result<Glob> g = glob(v.toString());
        if (!g)
            return g.error();
        m.globs.append(std::move(g).value());
    }
    return {};
}

Result<void> Compiler::anythingButList(const QJsonValue &json, Matcher &m)
{
    bool strings = false;
    bool numbers = false;
    for (const QJsonValue &v : json.toArray()) {
        if (v.isString()) {
            strings = true;
            m.texts.append(v.toString());
        } else if (v.isDouble()) {
            if (Result<qint64> number = rangeValue(v, u"anything-but"_s); !number)
                return number.error();
            numbers = true;
            m.numbers.append(v.toDouble());
        } else {
            return fail(QStringLiteral("Inside anything but list, start|null|boolean is not supported."));
        }
    }
    if (strings == numbers)
        return fail(
            QStringLiteral("Inside anything but list, either all values are number or string, mixed type is not "
                           "supported"));
    m.op = numbers ? Op::EqualsNumber : Op::Equals;
    return {};
}

Result<void> Compiler::numeric(const QJsonValue &json, Matcher &m)
{
    if (!json.isArray())
        return fail(QStringLiteral("Value of numeric must be an array."));
    const QJsonArray terms = json.toArray();
    m.op = Op::Numeric;
    const QString first = terms.at(0).toString();
    if (!terms.at(0).isString())
        return fail(QStringLiteral("Invalid member in numeric match: %1")
                        .arg(QString::fromUtf8(QJsonDocument(terms).toJson(QJsonDocument::Compact))));
    const bool lower = first == ">"_L1 || first == ">="_L1;
    const bool upper = first == "<"_L1 || first == "<="_L1;
    if (!lower && !upper && first != "="_L1)
        return fail(QStringLiteral("Unrecognized numeric range operator: %1").arg(first));
    const Result<qint64> number = rangeValue(terms.at(1), first == "="_L1 ? u"equals"_s : first);
    if (!number)
        return number.error();
    if (first == "="_L1) {
        m.low = m.high = *number;
    } else if (lower) {
        m.low = *number;
        m.lowOpen = first == ">"_L1;
    } else {
        m.high = *number;
        m.highOpen = first == "<"_L1;
    }
    if (terms.size() == 2)
        return {};
    if (!lower)
        return fail(QStringLiteral("Too many elements in numeric expression"));
    const QString second = terms.at(2).toString();
    if (!terms.at(2).isString())
        return fail(QStringLiteral("Bad value in numeric range: %1").arg(terms.at(2).toVariant().toString()));
    if (second != "<"_L1 && second != "<="_L1)
        return fail(QStringLiteral("Bad numeric range operator: %1").arg(second));
    const Result<qint64> top = rangeValue(terms.at(3), second);
    if (!top)
        return top.error();
    if (terms.size() > 4)
        return fail(QStringLiteral("Too many terms in numeric range expression"));
    m.high = *top;
    m.highOpen = second == "<"_L1;
    if (m.low >= m.high)
        return fail(QStringLiteral("Bottom must be less than top"));
    return {};
}

// A number of a numeric or anything-but expression, as it compares.
Result<qint64> Compiler::rangeValue(const QJsonValue &json, const QString &op)
{
    if (!json.isDouble())
        return fail(QStringLiteral("Value of %1 must be numeric").arg(op));
    const std::optional<qint64> number = comparable(json.toDouble());
    if (!number)
        return fail(QStringLiteral("Value must be between -5.0E9 and 5.0E9, inclusive"));
    return *number;
}

Result<void> Compiler::cidr(const QJsonValue &json, Matcher &m)
{
    if (!json.isString())
        return fail(QStringLiteral("cidr match pattern must be a string"));
    const QString text = json.toString();
    const QList<QStringView> parts = QStringView(text).split('/'_L1);
    if (parts.size() != 2)
        return fail(QStringLiteral("Malformed CIDR, one '/' required"));
    bool ok = false;
    const int bits = parts.at(1).toInt(&ok);
    if (!ok)
        return fail(QStringLiteral("Malformed CIDR, mask bits must be an integer"));
    if (bits < 0)
        return fail(QStringLiteral("Malformed CIDR, mask bits must not be negative"));
    m.network = parseIp(parts.at(0));
    if (!m.network.valid())
        return fail(QStringLiteral("Invalid IP address: %1").arg(parts.at(0).toString()));
    if (m.network.size == 4 && bits > 32)
        return fail(QStringLiteral("IPv4 mask bits must be at most 32"));
    if (bits > 128)
        return fail(QStringLiteral("IPv6 mask bits must be at most 128"));
    m.op = Op::Cidr;
    m.maskBits = bits;
    return {};
}

Result<Glob> Compiler::glob(const QString &text)
{
    Glob g;
    QString part;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == '*'_L1) {
            if (i + 1 < text.size() && text.at(i + 1) == '*'_L1)
                return fail(QStringLiteral("Consecutive wildcard characters at pos %1").arg(i));
            g.parts.append(part);
            part.clear();
        } else if (c == '\\'_L1) {
            if (i + 1 >= text.size() || (text.at(i + 1) != '*'_L1 && text.at(i + 1) != '\\'_L1))
                return fail(QStringLiteral("Invalid escape character at pos %1").arg(i));
            part.append(text.at(++i));
        } else {
            part.append(c);
        }
    }
    g.parts.append(part);
    // An empty first (last) part means the text began (ended) with an unescaped '*'.
    g.starFirst = g.parts.size() > 1 && g.parts.first().isEmpty();
    g.starLast = g.parts.size() > 1 && g.parts.last().isEmpty();
    return g;
}

} // namespace

namespace {

// Jackson's "at [Source: ...; line: L, column: C]", as EventBridge appends it to a reason.
QString located(const QString &reason, const QByteArray &text, qsizetype offset)
{
    constexpr qsizetype kShown = 500;
    const QByteArray before = text.left(std::max<qsizetype>(offset, 0));
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = int(before.count('\n')) + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    const QString source = QString::fromUtf8(text);
    QString shown = u'"' + source.left(kShown) + u'"';
    if (source.size() > kShown)
        shown += QStringLiteral("[truncated %1 chars]").arg(source.size() - kShown);
    return QStringLiteral("Event pattern is not valid. Reason: %1 at [Source: (String)%2; line: %3, column: %4]")
        .arg(reason, shown)
        .arg(line)
        .arg(column);
}

// EventBridge's quota on a pattern's size, counted in characters.
Result<void> withinLength(const QByteArray &json, int maxLength)
{
    const qsizetype length = QString::fromUtf8(json).size();
    if (length > maxLength)
        return fail(
            QStringLiteral("Event pattern is not valid. Reason: the pattern is %1 characters long; the maximum is %2")
                .arg(length)
                .arg(maxLength));
    return {};
}

} // namespace

Result<EventPattern> EventPattern::parse(const QByteArray &json, int maxLength)
{
    if (const Result<void> fits = withinLength(json, maxLength); !fits)
        return fits.error();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(located(error.errorString(), json, error.offset));
    if (!document.isObject())
        return fail(located(QStringLiteral("Filter is not an object"), json, 0));
    return compile(document.object(), json);
}

Result<EventPattern> EventPattern::fromObject(const QJsonObject &pattern, int maxLength)
{
    const QByteArray json = QJsonDocument(pattern).toJson(QJsonDocument::Compact);
    if (const Result<void> fits = withinLength(json, maxLength); !fits)
        return fits.error();
    return compile(pattern, json);
}

Result<EventPattern> EventPattern::compile(const QJsonObject &pattern, const QByteArray &json)
{
    auto root = std::make_shared<Node>();
    Compiler compiler;
    if (const Result<void> done = compiler.object(pattern, *root, false); !done) {
        // Jackson reports the place just past the first character of the value it read.
        const qsizetype offset = Locator(json).find(compiler.path());
        return fail(located(done.errorMessage(), json, offset < 0 ? 0 : offset + 1));
    }
    return EventPattern(std::move(root));
}

Result<bool> EventPattern::test(const QByteArray &pattern, const QByteArray &event)
{
    const Result<EventPattern> compiled = parse(pattern);
    if (!compiled)
        return compiled.error();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(event, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(QStringLiteral("Parameter Event is not valid: it must be a JSON object"));
    const QJsonObject object = document.object();
    for (const char *field : {"id", "account", "source", "time", "region", "resources", "detail-type"}) {
        if (!object.contains(QLatin1String(field)))
            return fail(
                QStringLiteral("Parameter Event is not valid: it has no \"%1\" (TestEventPattern needs id, account, "
                               "source, time, region, resources and detail-type)")
                    .arg(QLatin1String(field)));
    }
    return compiled->matches(object);
}

bool EventPattern::matches(const QJsonObject &event) const
{
    return mRoot && mRoot->matchesObject(event);
}

bool EventPattern::matches(const QJsonObject &event, quint64 knownFields) const
{
    return mRoot && mRoot->matchesObject(event, knownFields);
}

quint64 EventPattern::fieldMask(const QStringList &names) const
{
    quint64 mask = 0;
    for (size_t i = 0; mRoot && i < mRoot->fields.size() && i < 64; ++i) {
        if (names.contains(mRoot->fields[i].key))
            mask |= quint64(1) << i;
    }
    return mask;
}

namespace {

// The exact strings a leaf holds when it holds nothing else; empty otherwise.
QList<QString> exactStrings(const Node::Leaf &leaf)
{
    if (leaf.matchers.size() != 1 || leaf.absentMatches)
        return {};
    const Matcher &m = leaf.matchers.front();
    return m.op == Op::Equals && !m.negated ? m.texts : QList<QString>();
}

} // namespace

QStringList EventPattern::keyFields() const
{
    QStringList fields;
    if (!mRoot)
        return fields;
    for (const Node::Field &field : mRoot->fields) {
        if (field.child || exactStrings(field.leaf).isEmpty())
            continue;
        if (field.key == "source"_L1)
            fields.prepend(field.key);
        else if (field.key == "detail-type"_L1)
            fields.insert(fields.startsWith(u"source"_s) ? 1 : 0, field.key);
        else
            fields.append(field.key);
    }
    return fields;
}

QList<QString> EventPattern::keyValues(const QString &field) const
{
    if (!mRoot)
        return {};
    for (const Node::Field &f : mRoot->fields) {
        if (f.key == field && !f.child)
            return exactStrings(f.leaf);
    }
    return {};
}

namespace {

// The keys of a composite index: one value of each field, joined by a separator no
// source or detail-type holds.
QStringList compositeKeys(const QStringList *valuesPerField, qsizetype fields)
{
    if (fields == 1)
        return valuesPerField[0];
    if (fields == 2 && valuesPerField[0].size() == 1 && valuesPerField[1].size() == 1)
        return {valuesPerField[0].first() + QChar(0x1f) + valuesPerField[1].first()};
    QStringList keys{QString()};
    for (qsizetype f = 0; f < fields; ++f) {
        QStringList longer;
        for (const QString &key : keys)
            for (const QString &value : valuesPerField[f])
                longer.append(f == 0 ? value : key + QChar(0x1f) + value);
        keys = longer;
    }
    keys.removeDuplicates();
    return keys;
}

} // namespace

int RuleSet::add(const EventPattern &pattern)
{
    const int id = size();
    mPatterns.push_back(pattern);
    // Indexed by source and detail-type together where a rule names both, which most do.
    const QStringList fields = pattern.keyFields().mid(0, 2);
    if (fields.isEmpty()) {
        mUnindexed.append(id);
        mKnownFields.push_back(0);
        return id;
    }
    QStringList values[2];
    for (qsizetype f = 0; f < fields.size(); ++f)
        values[f] = pattern.keyValues(fields.at(f));
    auto index = std::find_if(mIndexes.begin(), mIndexes.end(), [&](const Index &i) { return i.fields == fields; });
    if (index == mIndexes.end())
        index = mIndexes.insert(mIndexes.end(), Index{fields, {}});
    for (const QString &key : compositeKeys(values, fields.size()))
        index->byValue[key].append(id);
    mKnownFields.push_back(pattern.fieldMask(fields));
    return id;
}

namespace {

// The strings of a (possibly nested) array, as the matcher flattens arrays of values.
template<typename Function>
void forEachString(const QJsonArray &array, int depth, const Function &function)
{
    if (depth > kMaxArrayDepth)
        return;
    for (const QJsonValue &element : array) {
        if (element.isString())
            function(element.toString());
        else if (element.isArray())
            forEachString(element.toArray(), depth + 1, function);
    }
}

} // namespace

QList<int> RuleSet::matching(const QJsonObject &event) const
{
    QList<int> found;
    const auto test = [&](const QList<int> &ids) {
        for (int id : ids) {
            if (mPatterns[size_t(id)].matches(event, mKnownFields[size_t(id)]))
                found.append(id);
        }
    };
    for (const Index &index : mIndexes) {
        // The event's strings in each key field; a field without any rules every pattern out.
        QStringList values[2];
        qsizetype filled = 0;
        for (; filled < index.fields.size(); ++filled) {
            const QJsonValue value = event.value(index.fields.at(filled));
            if (value.isString())
                values[filled].append(value.toString());
            else if (value.isArray())
                forEachString(value.toArray(), 0, [&](const QString &text) { values[filled].append(text); });
            if (values[filled].isEmpty())
                break;
        }
        if (filled != index.fields.size())
            continue;
        for (const QString &key : compositeKeys(values, filled))
            test(index.byValue.value(key));
    }
    test(mUnindexed);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

} // namespace Nimbus
