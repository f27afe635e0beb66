#include "aslexpr.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStringView>
#include <QTime>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Nimbus::Asl {

namespace {

// Filters nest inside paths and paths inside filters; a hostile path must not exhaust the stack.
constexpr int kMaxFilterDepth = 32;
// AWS allows ten nested intrinsic functions in one field.
constexpr int kMaxIntrinsicDepth = 10;
// The limits AWS documents for the intrinsics that build or read large values.
constexpr qint64 kMaxRangeItems = 1000;
constexpr qsizetype kMaxEncodedLength = 10000;
// Doubles hold integers exactly up to 2^53; an index or a count beyond that is no integer.
constexpr double kMaxExactInteger = 9007199254740992.0;

Failure runtimeFailure(const QString &cause)
{
    return {u"States.Runtime"_s, cause};
}

Failure intrinsicFailure(const QString &cause)
{
    return {u"States.IntrinsicFailure"_s, cause};
}

// JSON text of any value; QJsonDocument only writes objects and arrays.
QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue toArray(const QList<QJsonValue> &values)
{
    QJsonArray array;
    for (const QJsonValue &value : values)
        array.append(value);
    return array;
}

// Any JSON value from text, scalars included (QJsonDocument reads only objects and arrays).
std::optional<QJsonValue> parseJsonText(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not one JSON value"_s;
        return std::nullopt;
    }
    return document.array().at(0);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Undefined: break;
    }
    return u"nothing"_s;
}

// The integer a number holds exactly, if it holds one.
std::optional<qint64> exactInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number || std::fabs(number) > kMaxExactInteger)
        return std::nullopt;
    return qint64(number);
}

// The comparisons of filters and of Choice rules, from a three-way comparison's sign.
enum class Relation { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Matches };

bool holds(Relation relation, int order)
{
    switch (relation) {
    case Relation::Equal: return order == 0;
    case Relation::NotEqual: return order != 0;
    case Relation::Less: return order < 0;
    case Relation::LessOrEqual: return order <= 0;
    case Relation::Greater: return order > 0;
    case Relation::GreaterOrEqual: return order >= 0;
    case Relation::Matches: break;
    }
    return false;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// ---- JSONPath: the parsed form ----

struct FilterNode;

// One step of a path: a name or names, indexes, a slice, a wildcard, a filter or length(),
// applied to the value itself or, after "..", to it and every value below it.
struct Segment
{
    enum Kind { Names, Indexes, Slice, Wildcard, Filter, Length };
    Kind kind = Names;
    bool deep = false;
    QStringList names;
    QList<qint64> indexes;
    std::optional<qint64> start;
    std::optional<qint64> end;
    qint64 step = 1;
    std::shared_ptr<const FilterNode> filter;

    bool selectsOne() const
    {
        return !deep && ((kind == Names && names.size() == 1) || (kind == Indexes && indexes.size() == 1));
    }
};

struct JsonPath
{
    bool context = false; // "$$": the context object
    QList<Segment> segments;

    // A definite path gives one value (or nothing); an indefinite one a list (Jayway's terms).
    bool definite() const
    {
        if (!segments.isEmpty() && segments.constLast().kind == Segment::Length)
            return true;
        return std::all_of(segments.cbegin(), segments.cend(), [](const Segment &s) { return s.selectsOne(); });
    }
    // ResultPath and the Choice paths: names and indexes only.
    bool reference() const
    {
        return definite() && (segments.isEmpty() || segments.constLast().kind != Segment::Length);
    }
};

struct Operand
{
    enum Kind { Literal, Current, Root };
    Kind kind = Literal;
    QJsonValue literal;
    JsonPath path;
};

struct FilterNode
{
    enum Kind { Or, And, Not, Exists, Compare };
    Kind kind = Exists;
    std::vector<std::shared_ptr<const FilterNode>> children;
    Operand left;
    Operand right;
    Relation relation = Relation::Equal;
};

QString renderPath(const JsonPath &path, qsizetype count = -1);

QString renderSegment(const Segment &segment)
{
    QString text = segment.deep ? u".."_s : QString();
    switch (segment.kind) {
    case Segment::Names:
        for (const QString &name : segment.names)
            text += u"['"_s + name + u"']"_s;
        break;
    case Segment::Indexes:
        for (qint64 index : segment.indexes)
            text += u"[%1]"_s.arg(index);
        break;
    case Segment::Slice:
        text += u"[%1:%2]"_s.arg(segment.start ? QString::number(*segment.start) : QString(),
                                 segment.end ? QString::number(*segment.end) : QString());
        break;
    case Segment::Wildcard: text += u"[*]"_s; break;
    case Segment::Filter: text += u"[?]"_s; break;
    case Segment::Length: text += u".length()"_s; break;
    }
    return text;
}

// Jayway's normalized form, as AWS quotes it in errors: $['order']['items'][0].
QString renderPath(const JsonPath &path, qsizetype count)
{
    QString text = path.context ? u"$$"_s : u"$"_s;
    const qsizetype end = count < 0 ? path.segments.size() : count;
    for (qsizetype i = 0; i < end; ++i)
        text += renderSegment(path.segments.at(i));
    return text;
}

// ---- JSONPath: the parser ----

// Reads a path ("$.a['b c'][0]..d[?(@.x > 1)].length()") and, inside filters, the relative
// paths, literals and operators of their expressions.
class PathParser
{
public:
    explicit PathParser(QStringView text) : mText(text) { }

    Result<JsonPath> parseWhole();

private:
    bool atEnd() const { return mPos >= mText.size(); }
    QChar peek(qsizetype ahead = 0) const { return mPos + ahead < mText.size() ? mText.at(mPos + ahead) : QChar(); }
    bool lookingAt(QLatin1String token) const { return mText.mid(mPos).startsWith(token); }
    void skipSpaces()
    {
        while (!atEnd() && peek().isSpace())
            ++mPos;
    }
    bool error(const QString &message)
    {
        if (mError.isEmpty())
            mError = message + u" at position %1"_s.arg(mPos);
        return false;
    }
    bool expect(QChar c)
    {
        skipSpaces();
        if (peek() != c)
            return error(u"expected '%1'"_s.arg(c));
        ++mPos;
        return true;
    }

    bool parseRoot(JsonPath &path);
    bool parseSegments(JsonPath &path);
    bool parseDotted(Segment &segment);
    bool parseBracket(Segment &segment);
    bool parseIndexesOrSlice(Segment &segment);
    bool parseQuoted(QString &out);
    bool parseInteger(qint64 &out);
    using Parse = std::shared_ptr<const FilterNode> (PathParser::*)();
    std::shared_ptr<const FilterNode> parseOr();
    std::shared_ptr<const FilterNode> parseAnd();
    std::shared_ptr<const FilterNode> parseChain(QLatin1String token, FilterNode::Kind kind, Parse operand);
    std::shared_ptr<const FilterNode> parseUnary();
    std::shared_ptr<const FilterNode> parseComparison();
    std::optional<Relation> parseRelation();
    bool parseOperand(Operand &operand);
    bool parseLiteral(QJsonValue &value);

    QStringView mText;
    qsizetype mPos = 0;
    int mDepth = 0;
    QString mError;
};

Result<JsonPath> PathParser::parseWhole()
{
    JsonPath path;
    if (parseRoot(path) && parseSegments(path) && !atEnd())
        error(u"unexpected '%1'"_s.arg(peek()));
    if (!mError.isEmpty())
        return fail(mError);
    return path;
}

bool PathParser::parseRoot(JsonPath &path)
{
    if (peek() != '$'_L1)
        return error(u"a path starts with '$'"_s);
    ++mPos;
    path.context = peek() == '$'_L1;
    if (path.context)
        ++mPos;
    return true;
}

bool PathParser::parseSegments(JsonPath &path)
{
    while (peek() == '.'_L1 || peek() == '['_L1) {
        if (!path.segments.isEmpty() && path.segments.constLast().kind == Segment::Length)
            return error(u"length() must end the path"_s);
        Segment segment;
        if (!(peek() == '.'_L1 ? parseDotted(segment) : parseBracket(segment)))
            return false;
        path.segments.append(segment);
    }
    return true;
}

// Where a name in dot notation ends: at the next step, or at what a filter or an
// intrinsic's argument list puts after a path.
bool endsName(QChar c)
{
    return c.isNull() || c.isSpace() || u".[]()=<>!&|,"_s.contains(c);
}

bool PathParser::parseDotted(Segment &segment)
{
    ++mPos;
    if (peek() == '.'_L1) {
        ++mPos;
        segment.deep = true;
        if (peek() == '['_L1)
            return parseBracket(segment);
    }
    if (peek() == '*'_L1) {
        ++mPos;
        segment.kind = Segment::Wildcard;
        return true;
    }
    const qsizetype start = mPos;
    while (!endsName(peek()))
        ++mPos;
    const QString name = mText.mid(start, mPos - start).toString();
    if (name.isEmpty())
        return error(u"expected a name"_s);
    if (peek() == '('_L1) {
        if (name != "length"_L1 || segment.deep)
            return error(u"unknown function '%1()'"_s.arg(name));
        mPos += 1;
        segment.kind = Segment::Length;
        return expect(')'_L1);
    }
    segment.names = {name};
    return true;
}

bool PathParser::parseBracket(Segment &segment)
{
    ++mPos;
    skipSpaces();
    const QChar c = peek();
    if (c == '\''_L1 || c == '"'_L1) {
        while (true) {
            QString name;
            skipSpaces();
            if (!parseQuoted(name))
                return false;
            segment.names.append(name);
            skipSpaces();
            if (peek() != ','_L1)
                break;
            ++mPos;
        }
    } else if (c == '*'_L1) {
        ++mPos;
        segment.kind = Segment::Wildcard;
    } else if (c == '?'_L1) {
        ++mPos;
        if (!expect('('_L1))
            return false;
        segment.kind = Segment::Filter;
        segment.filter = parseOr();
        if (!segment.filter || !expect(')'_L1))
            return false;
    } else if (!parseIndexesOrSlice(segment)) {
        return false;
    }
    return expect(']'_L1);
}

bool PathParser::parseIndexesOrSlice(Segment &segment)
{
    qint64 first = 0;
    const bool hasFirst = peek() != ':'_L1;
    if (hasFirst && !parseInteger(first))
        return false;
    skipSpaces();
    if (peek() != ':'_L1) {
        segment.kind = Segment::Indexes;
        segment.indexes.append(first);
        while (peek() == ','_L1) {
            ++mPos;
            skipSpaces();
            if (!parseInteger(first))
                return false;
            segment.indexes.append(first);
            skipSpaces();
        }
        return true;
    }
    segment.kind = Segment::Slice;
    if (hasFirst)
        segment.start = first;
    ++mPos;
    skipSpaces();
    qint64 value = 0;
    if (peek() != ':'_L1 && peek() != ']'_L1) {
        if (!parseInteger(value))
            return false;
        segment.end = value;
        skipSpaces();
    }
    if (peek() == ':'_L1) {
        ++mPos;
        skipSpaces();
        if (peek() != ']'_L1) {
            if (!parseInteger(segment.step))
                return false;
            if (segment.step <= 0)
                return error(u"a slice's step must be positive"_s);
        }
    }
    return true;
}

bool PathParser::parseQuoted(QString &out)
{
    const QChar quote = peek();
    if (quote != '\''_L1 && quote != '"'_L1)
        return error(u"expected a quoted name"_s);
    ++mPos;
    while (!atEnd() && peek() != quote) {
        if (peek() == '\\'_L1 && mPos + 1 < mText.size())
            ++mPos;
        out += peek();
        ++mPos;
    }
    if (atEnd())
        return error(u"unterminated quoted name"_s);
    ++mPos;
    return true;
}

bool PathParser::parseInteger(qint64 &out)
{
    const qsizetype start = mPos;
    if (peek() == '-'_L1)
        ++mPos;
    while (peek().isDigit() && peek().unicode() < 128)
        ++mPos;
    bool ok = false;
    // Eighteen digits always fit in a qint64.
    const QStringView digits = mText.mid(start, mPos - start);
    out = digits.size() <= 18 ? digits.toLongLong(&ok) : 0;
    return ok || error(u"expected an index"_s);
}

std::shared_ptr<const FilterNode> PathParser::parseOr()
{
    if (++mDepth > kMaxFilterDepth) {
        error(u"filters nested too deeply"_s);
        return {};
    }
    auto chain = parseChain("||"_L1, FilterNode::Or, &PathParser::parseAnd);
    --mDepth;
    return chain;
}

std::shared_ptr<const FilterNode> PathParser::parseAnd()
{
    return parseChain("&&"_L1, FilterNode::And, &PathParser::parseUnary);
}

// operand (token operand)*, grouped from the left.
std::shared_ptr<const FilterNode> PathParser::parseChain(QLatin1String token, FilterNode::Kind kind, Parse operand)
{
    auto left = (this->*operand)();
    skipSpaces();
    while (left && lookingAt(token)) {
        mPos += token.size();
        auto node = std::make_shared<FilterNode>();
        node->kind = kind;
        node->children = {left, (this->*operand)()};
        left = node->children.back() ? node : nullptr;
        skipSpaces();
    }
    return left;
}

std::shared_ptr<const FilterNode> PathParser::parseUnary()
{
    skipSpaces();
    if (peek() == '!'_L1 && peek(1) != '='_L1) {
        ++mPos;
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Not;
        if (++mDepth > kMaxFilterDepth) {
            error(u"filters nested too deeply"_s);
            return {};
        }
        auto child = parseUnary();
        --mDepth;
        if (!child)
            return {};
        node->children = {child};
        return node;
    }
    if (peek() == '('_L1) {
        ++mPos;
        auto inner = parseOr();
        if (!inner || !expect(')'_L1))
            return {};
        return inner;
    }
    return parseComparison();
}

std::shared_ptr<const FilterNode> PathParser::parseComparison()
{
    auto node = std::make_shared<FilterNode>();
    if (!parseOperand(node->left))
        return {};
    skipSpaces();
    const std::optional<Relation> relation = parseRelation();
    if (!relation) {
        if (node->left.kind == Operand::Literal) {
            error(u"expected a comparison"_s);
            return {};
        }
        node->kind = FilterNode::Exists;
        return node;
    }
    node->kind = FilterNode::Compare;
    node->relation = *relation;
    skipSpaces();
    if (!parseOperand(node->right))
        return {};
    return node;
}

std::optional<Relation> PathParser::parseRelation()
{
    static const struct
    {
        QLatin1String token;
        Relation relation;
    } kOperators[] = {{"=="_L1, Relation::Equal},       {"!="_L1, Relation::NotEqual},
                      {"<="_L1, Relation::LessOrEqual}, {">="_L1, Relation::GreaterOrEqual},
                      {"<"_L1, Relation::Less},         {">"_L1, Relation::Greater}};
    for (const auto &op : kOperators) {
        if (lookingAt(op.token)) {
            mPos += op.token.size();
            return op.relation;
        }
    }
    return std::nullopt;
}

bool PathParser::parseOperand(Operand &operand)
{
    skipSpaces();
    if (peek() == '@'_L1) {
        ++mPos;
        operand.kind = Operand::Current;
        return parseSegments(operand.path);
    }
    if (peek() == '$'_L1) {
        operand.kind = Operand::Root;
        return parseRoot(operand.path) && parseSegments(operand.path);
    }
    operand.kind = Operand::Literal;
    return parseLiteral(operand.literal);
}

bool PathParser::parseLiteral(QJsonValue &value)
{
    const QChar c = peek();
    if (c == '\''_L1 || c == '"'_L1) {
        QString text;
        if (!parseQuoted(text))
            return false;
        value = text;
        return true;
    }
    for (const auto &[word, literal] :
         {std::pair{"true"_L1, QJsonValue(true)}, std::pair{"false"_L1, QJsonValue(false)},
          std::pair{"null"_L1, QJsonValue(QJsonValue::Null)}}) {
        if (lookingAt(word)) {
            mPos += word.size();
            value = literal;
            return true;
        }
    }
    const qsizetype start = mPos;
    while (!atEnd() && (peek().isDigit() || u"+-.eE"_s.contains(peek())) && peek().unicode() < 128)
        ++mPos;
    bool ok = false;
    const double number = mText.mid(start, mPos - start).toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return error(u"expected a value"_s);
    value = number;
    return true;
}

// How many parsed paths and intrinsic calls are kept (a definition has tens; the cache is
// emptied when full so that texts from many definitions do not grow it without end).
constexpr qsizetype kParsedLimit = 4096;

// A state's paths are read at every state entered: each text is parsed once (per thread).
Result<JsonPath> parsePath(const QString &text)
{
    thread_local QHash<QString, Result<JsonPath>> parsed;
    if (const auto found = parsed.constFind(text); found != parsed.cend())
        return *found;
    if (parsed.size() >= kParsedLimit)
        parsed.clear();
    return *parsed.insert(text, PathParser(text).parseWhole());
}

// ---- JSONPath: evaluation ----

QList<QJsonValue> selectAll(const JsonPath &path, const QJsonValue &start, const Scope &scope);

std::optional<QJsonValue> operandValue(const Operand &operand, const QJsonValue &current, const Scope &scope)
{
    if (operand.kind == Operand::Literal)
        return operand.literal;
    const QJsonValue start = operand.kind == Operand::Current ? current
                             : operand.path.context           ? scope.contextObject()
                                                              : scope.input;
    const QList<QJsonValue> found = selectAll(operand.path, start, scope);
    if (found.isEmpty())
        return std::nullopt;
    if (operand.path.definite())
        return found.constFirst();
    return toArray(found);
}

// Jayway's rules: numbers and strings order, everything else is only equal or not.
bool compareValues(const QJsonValue &a, Relation relation, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return holds(relation, threeWay(a.toDouble(), b.toDouble()));
    if (a.isString() && b.isString())
        return holds(relation, a.toString().compare(b.toString()));
    if (relation == Relation::Equal)
        return a == b;
    if (relation == Relation::NotEqual)
        return a != b;
    return false;
}

bool filterMatches(const FilterNode &node, const QJsonValue &current, const Scope &scope)
{
    switch (node.kind) {
    case FilterNode::Or:
        return filterMatches(*node.children.at(0), current, scope)
               || filterMatches(*node.children.at(1), current, scope);
    case FilterNode::And:
        return filterMatches(*node.children.at(0), current, scope)
               && filterMatches(*node.children.at(1), current, scope);
    case FilterNode::Not: return !filterMatches(*node.children.at(0), current, scope);
    case FilterNode::Exists: return operandValue(node.left, current, scope).has_value();
    case FilterNode::Compare: break;
    }
    const std::optional<QJsonValue> left = operandValue(node.left, current, scope);
    const std::optional<QJsonValue> right = operandValue(node.right, current, scope);
    // A side that selects nothing makes every comparison false.
    return left && right && compareValues(*left, node.relation, *right);
}

void collectDescendants(const QJsonValue &value, QList<QJsonValue> &out)
{
    out.append(value);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectDescendants(it.value(), out);
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectDescendants(item, out);
    }
}

std::optional<qsizetype> normalizedIndex(qint64 index, qsizetype size)
{
    const qint64 resolved = index < 0 ? index + size : index;
    if (resolved < 0 || resolved >= size)
        return std::nullopt;
    return qsizetype(resolved);
}

void selectSlice(const Segment &segment, const QJsonArray &array, QList<QJsonValue> &out)
{
    const qint64 size = array.size();
    auto clamp = [size](qint64 value) { return std::clamp(value < 0 ? value + size : value, qint64(0), size); };
    const qint64 from = segment.start ? clamp(*segment.start) : 0;
    const qint64 to = segment.end ? clamp(*segment.end) : size;
    for (qint64 i = from; i < to; i += segment.step)
        out.append(array.at(qsizetype(i)));
}

void selectChildren(const QJsonValue &value, QList<QJsonValue> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.append(it.value());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            out.append(item);
    }
}

void selectFiltered(const Segment &segment, const QJsonValue &value, const Scope &scope, QList<QJsonValue> &out)
{
    // Jayway tests an array's items, and an object as a whole; a deep scan tests what is
    // below each value, so that nothing is found twice.
    if (value.isObject() && !segment.deep) {
        if (filterMatches(*segment.filter, value, scope))
            out.append(value);
        return;
    }
    QList<QJsonValue> children;
    selectChildren(value, children);
    for (const QJsonValue &child : std::as_const(children)) {
        if (filterMatches(*segment.filter, child, scope))
            out.append(child);
    }
}

void selectFrom(const Segment &segment, const QJsonValue &value, const Scope &scope, QList<QJsonValue> &out)
{
    switch (segment.kind) {
    case Segment::Names:
        for (const QString &name : segment.names) {
            if (value.isObject() && value.toObject().contains(name))
                out.append(value.toObject().value(name));
        }
        break;
    case Segment::Indexes:
        for (qint64 index : segment.indexes) {
            if (!value.isArray())
                break;
            if (const auto at = normalizedIndex(index, value.toArray().size()))
                out.append(value.toArray().at(*at));
        }
        break;
    case Segment::Slice:
        if (value.isArray())
            selectSlice(segment, value.toArray(), out);
        break;
    case Segment::Wildcard: selectChildren(value, out); break;
    case Segment::Filter: selectFiltered(segment, value, scope, out); break;
    case Segment::Length: break;
    }
}

// length() of what the path selected so far: the value's size, or how many values an
// indefinite path selected.
QList<QJsonValue> lengthOf(const QList<QJsonValue> &values, bool definite)
{
    if (!definite)
        return {QJsonValue(double(values.size()))};
    if (values.isEmpty())
        return {};
    const QJsonValue &value = values.constFirst();
    if (value.isArray())
        return {QJsonValue(double(value.toArray().size()))};
    if (value.isObject())
        return {QJsonValue(double(value.toObject().size()))};
    if (value.isString())
        return {QJsonValue(double(value.toString().size()))};
    return {};
}

QList<QJsonValue> selectAll(const JsonPath &path, const QJsonValue &start, const Scope &scope)
{
    QList<QJsonValue> values{start};
    bool definite = true;
    for (const Segment &segment : path.segments) {
        if (segment.kind == Segment::Length)
            return lengthOf(values, definite);
        definite = definite && segment.selectsOne();
        QList<QJsonValue> next;
        for (const QJsonValue &value : std::as_const(values)) {
            if (!segment.deep) {
                selectFrom(segment, value, scope, next);
                continue;
            }
            QList<QJsonValue> below;
            collectDescendants(value, below);
            for (const QJsonValue &each : std::as_const(below))
                selectFrom(segment, each, scope, next);
        }
        values = next;
        if (values.isEmpty())
            break;
    }
    return values;
}

// The values a parsed path selects: one for a definite path (nothing when absent), an
// array for an indefinite one.
std::optional<QJsonValue> resolve(const JsonPath &path, const Scope &scope)
{
    const QList<QJsonValue> found = selectAll(path, path.context ? scope.contextObject() : scope.input, scope);
    if (!path.definite())
        return toArray(found);
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

// ---- Intrinsic functions: the parsed form ----

struct Call;

struct Argument
{
    enum Kind { Literal, Path, Nested };
    Kind kind = Literal;
    QJsonValue value;
    QString text; // a string literal as written (States.Format keeps its escapes), or the path
    std::shared_ptr<const Call> call;
};

struct Call
{
    QString name;
    QList<Argument> arguments;
};

// What an intrinsic's implementation gets: its name (for messages), the argument values
// and, for States.Format, its first argument as written.
struct Arguments
{
    QString name;
    QList<QJsonValue> values;
    std::optional<QString> literalTemplate;

    const QJsonValue &at(qsizetype i) const { return values.at(i); }
    Failure bad(qsizetype i, const QString &expected) const
    {
        return intrinsicFailure(u"%1: argument %2 must be %3, but it is %4"_s.arg(name).arg(i + 1).arg(
            expected,
            typeName(values.at(i))
                + (values.at(i).isObject() || values.at(i).isArray() ? QString()
                                                                     : u" ("_s + compactJson(values.at(i)) + u")"_s)));
    }
    Failure fails(const QString &reason) const { return intrinsicFailure(name + u": "_s + reason); }
};

using Implementation = Outcome<QJsonValue> (*)(const Arguments &);

struct IntrinsicSpec
{
    QLatin1String name;
    int minArguments;
    int maxArguments; // -1: any number
    Implementation run;
};

const IntrinsicSpec *findIntrinsic(const QString &name);

// ---- Intrinsic functions: the implementations ----

QString unescapeLiteral(const QString &raw)
{
    QString text;
    text.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '\\'_L1 && i + 1 < raw.size())
            ++i;
        text += raw.at(i);
    }
    return text;
}

Outcome<QJsonValue> format(const Arguments &args)
{
    if (!args.literalTemplate && !args.at(0).isString())
        return args.bad(0, u"a string"_s);
    const QString pattern = args.literalTemplate.value_or(args.at(0).toString());
    QString text;
    qsizetype next = 1;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == '\\'_L1 && i + 1 < pattern.size()) {
            text += pattern.at(++i);
        } else if (c == '{'_L1 && pattern.mid(i + 1, 1) == "}"_L1) {
            if (next >= args.values.size())
                return args.fails(u"the template has more {} placeholders than there are arguments"_s);
            const QJsonValue &value = args.at(next++);
            text += value.isString() ? value.toString() : compactJson(value);
            ++i;
        } else if (c == '{'_L1 || c == '}'_L1) {
            return args.fails(u"'%1' at position %2 of the template must be escaped as '\\%1'"_s.arg(c).arg(i));
        } else {
            text += c;
        }
    }
    if (next != args.values.size())
        return args.fails(u"there are %1 arguments for %2 {} placeholders"_s.arg(args.values.size() - 1).arg(next - 1));
    return QJsonValue(text);
}

Outcome<QJsonValue> stringToJson(const Arguments &args)
{
    if (!args.at(0).isString())
        return args.bad(0, u"a string"_s);
    QString error;
    const std::optional<QJsonValue> value = parseJsonText(args.at(0).toString(), &error);
    if (!value)
        return args.fails(u"the string is not JSON (%1)"_s.arg(error));
    return *value;
}

Outcome<QJsonValue> jsonToString(const Arguments &args)
{
    return QJsonValue(compactJson(args.at(0)));
}

Outcome<QJsonValue> array(const Arguments &args)
{
    return toArray(args.values);
}

Outcome<QJsonValue> arrayPartition(const Arguments &args)
{
    if (!args.at(0).isArray())
        return args.bad(0, u"an array"_s);
    const std::optional<qint64> size = exactInteger(args.at(1));
    if (!size || *size <= 0)
        return args.bad(1, u"a positive integer (the chunk size)"_s);
    const QJsonArray items = args.at(0).toArray();
    QJsonArray chunks;
    for (qsizetype i = 0; i < items.size(); i += qsizetype(*size)) {
        QJsonArray chunk;
        for (qsizetype j = i; j < items.size() && j - i < *size; ++j)
            chunk.append(items.at(j));
        chunks.append(chunk);
    }
    return QJsonValue(chunks);
}

Outcome<QJsonValue> arrayContains(const Arguments &args)
{
    if (!args.at(0).isArray())
        return args.bad(0, u"an array"_s);
    return QJsonValue(args.at(0).toArray().contains(args.at(1)));
}

Outcome<QJsonValue> arrayRange(const Arguments &args)
{
    std::optional<qint64> bounds[3];
    for (int i = 0; i < 3; ++i) {
        bounds[i] = exactInteger(args.at(i));
        if (!bounds[i])
            return args.bad(i, u"an integer"_s);
    }
    const qint64 start = *bounds[0], end = *bounds[1], step = *bounds[2];
    if (step == 0)
        return args.fails(u"the step must not be 0"_s);
    const bool reachesEnd = step > 0 ? start <= end : start >= end;
    const qint64 count = reachesEnd ? (end - start) / step + 1 : 0;
    if (count > kMaxRangeItems)
        return args.fails(u"the range has %1 elements, more than the %2 allowed"_s.arg(count).arg(kMaxRangeItems));
    QJsonArray items;
    for (qint64 i = 0; i < count; ++i)
        items.append(double(start + i * step));
    return QJsonValue(items);
}

Outcome<QJsonValue> arrayGetItem(const Arguments &args)
{
    if (!args.at(0).isArray())
        return args.bad(0, u"an array"_s);
    const std::optional<qint64> index = exactInteger(args.at(1));
    if (!index || *index < 0)
        return args.bad(1, u"a non-negative integer (the index)"_s);
    const QJsonArray items = args.at(0).toArray();
    if (*index >= items.size())
        return args.fails(u"index %1 is out of bounds for an array of %2 items"_s.arg(*index).arg(items.size()));
    return items.at(qsizetype(*index));
}

Outcome<QJsonValue> arrayLength(const Arguments &args)
{
    if (!args.at(0).isArray())
        return args.bad(0, u"an array"_s);
    return QJsonValue(double(args.at(0).toArray().size()));
}

Outcome<QJsonValue> arrayUnique(const Arguments &args)
{
    if (!args.at(0).isArray())
        return args.bad(0, u"an array"_s);
    QSet<QString> seen;
    QJsonArray unique;
    for (const QJsonValue &item : args.at(0).toArray()) {
        const QString key = compactJson(item);
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(item);
        }
    }
    return QJsonValue(unique);
}

// The argument as a string of at most kMaxEncodedLength characters, or why not.
std::optional<Failure> checkEncodingInput(const Arguments &args)
{
    if (!args.at(0).isString())
        return args.bad(0, u"a string"_s);
    if (args.at(0).toString().size() > kMaxEncodedLength)
        return args.fails(u"the input has %1 characters, more than the %2 allowed"_s.arg(args.at(0).toString().size())
                              .arg(kMaxEncodedLength));
    return std::nullopt;
}

Outcome<QJsonValue> base64Encode(const Arguments &args)
{
    if (const auto failure = checkEncodingInput(args))
        return *failure;
    return QJsonValue(QString::fromLatin1(args.at(0).toString().toUtf8().toBase64()));
}

Outcome<QJsonValue> base64Decode(const Arguments &args)
{
    if (const auto failure = checkEncodingInput(args))
        return *failure;
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        args.at(0).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return args.fails(u"the input is not Base64"_s);
    return QJsonValue(QString::fromUtf8(decoded.decoded));
}

Outcome<QJsonValue> hash(const Arguments &args)
{
    if (const auto failure = checkEncodingInput(args))
        return *failure;
    static const std::pair<QLatin1String, QCryptographicHash::Algorithm> kAlgorithms[] = {
        {"MD5"_L1, QCryptographicHash::Md5},
        {"SHA-1"_L1, QCryptographicHash::Sha1},
        {"SHA-256"_L1, QCryptographicHash::Sha256},
        {"SHA-384"_L1, QCryptographicHash::Sha384},
        {"SHA-512"_L1, QCryptographicHash::Sha512}};
    const QString algorithm = args.at(1).toString();
    for (const auto &[name, id] : kAlgorithms) {
        if (args.at(1).isString() && algorithm == name)
            return QJsonValue(
                QString::fromLatin1(QCryptographicHash::hash(args.at(0).toString().toUtf8(), id).toHex()));
    }
    return args.bad(1, u"one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"_s);
}

Outcome<QJsonValue> jsonMerge(const Arguments &args)
{
    for (int i = 0; i < 2; ++i) {
        if (!args.at(i).isObject())
            return args.bad(i, u"an object"_s);
    }
    if (!args.at(2).isBool())
        return args.bad(2, u"a boolean (the deep merge flag)"_s);
    if (args.at(2).toBool())
        return args.fails(u"deep merging is not supported; pass false for a shallow merge"_s);
    QJsonObject merged = args.at(0).toObject();
    const QJsonObject second = args.at(1).toObject();
    for (auto it = second.begin(); it != second.end(); ++it)
        merged.insert(it.key(), it.value());
    return QJsonValue(merged);
}

// AWS rounds a number given for an integer argument of the math intrinsics.
std::optional<qint64> roundedInteger(const QJsonValue &value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || std::fabs(value.toDouble()) > kMaxExactInteger)
        return std::nullopt;
    return qint64(std::llround(value.toDouble()));
}

Outcome<QJsonValue> mathRandom(const Arguments &args)
{
    std::optional<qint64> numbers[3];
    for (int i = 0; i < args.values.size(); ++i) {
        numbers[i] = roundedInteger(args.at(i));
        if (!numbers[i])
            return args.bad(i, u"a number"_s);
    }
    const qint64 start = *numbers[0], end = *numbers[1];
    if (start >= end)
        return args.fails(u"the start %1 must be less than the end %2"_s.arg(start).arg(end));
    // A seed gives the same number each time, as on AWS; the end is exclusive.
    QRandomGenerator seeded(quint32(numbers[2].value_or(0)));
    QRandomGenerator *generator = numbers[2] ? &seeded : QRandomGenerator::global();
    return QJsonValue(double(generator->bounded(start, end)));
}

Outcome<QJsonValue> mathAdd(const Arguments &args)
{
    qint64 sum = 0;
    for (int i = 0; i < 2; ++i) {
        const std::optional<qint64> number = roundedInteger(args.at(i));
        if (!number || *number < std::numeric_limits<qint32>::min() || *number > std::numeric_limits<qint32>::max())
            return args.bad(i, u"a number from -2147483648 to 2147483647"_s);
        sum += *number;
    }
    return QJsonValue(double(sum));
}

Outcome<QJsonValue> stringSplit(const Arguments &args)
{
    for (int i = 0; i < 2; ++i) {
        if (!args.at(i).isString())
            return args.bad(i, u"a string"_s);
    }
    // Each character of the second argument separates, and empty pieces are dropped.
    const QString delimiters = args.at(1).toString();
    QJsonArray pieces;
    QString piece;
    for (const QChar c : args.at(0).toString()) {
        if (!delimiters.contains(c)) {
            piece += c;
        } else if (!piece.isEmpty()) {
            pieces.append(piece);
            piece.clear();
        }
    }
    if (!piece.isEmpty())
        pieces.append(piece);
    return QJsonValue(pieces);
}

Outcome<QJsonValue> uuid(const Arguments &)
{
    return QJsonValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

const IntrinsicSpec kIntrinsics[] = {
    {"States.Format"_L1, 1, -1, format},
    {"States.StringToJson"_L1, 1, 1, stringToJson},
    {"States.JsonToString"_L1, 1, 1, jsonToString},
    {"States.Array"_L1, 0, -1, array},
    {"States.ArrayPartition"_L1, 2, 2, arrayPartition},
    {"States.ArrayContains"_L1, 2, 2, arrayContains},
    {"States.ArrayRange"_L1, 3, 3, arrayRange},
    {"States.ArrayGetItem"_L1, 2, 2, arrayGetItem},
    {"States.ArrayLength"_L1, 1, 1, arrayLength},
    {"States.ArrayUnique"_L1, 1, 1, arrayUnique},
    {"States.Base64Encode"_L1, 1, 1, base64Encode},
    {"States.Base64Decode"_L1, 1, 1, base64Decode},
    {"States.Hash"_L1, 2, 2, hash},
    {"States.JsonMerge"_L1, 3, 3, jsonMerge},
    {"States.MathRandom"_L1, 2, 3, mathRandom},
    {"States.MathAdd"_L1, 2, 2, mathAdd},
    {"States.StringSplit"_L1, 2, 2, stringSplit},
    {"States.UUID"_L1, 0, 0, uuid},
};

const IntrinsicSpec *findIntrinsic(const QString &name)
{
    for (const IntrinsicSpec &spec : kIntrinsics) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

// ---- Intrinsic functions: the parser ----

// Reads "States.Name(argument, ...)": arguments are 'strings' (with \' \{ \} \\ escapes),
// numbers, true, false, null, paths ($ or $$) and nested calls.
class IntrinsicParser
{
public:
    explicit IntrinsicParser(QStringView text) : mText(text) { }

    Result<Call> parse()
    {
        skipSpaces();
        std::optional<Call> call = parseCall(1);
        skipSpaces();
        if (call && mPos < mText.size())
            error(u"unexpected '%1' after the call"_s.arg(mText.at(mPos)));
        if (!mError.isEmpty())
            return fail(mError);
        return *call;
    }

private:
    void skipSpaces()
    {
        while (mPos < mText.size() && mText.at(mPos).isSpace())
            ++mPos;
    }
    QChar peek() const { return mPos < mText.size() ? mText.at(mPos) : QChar(); }
    bool lookingAt(QLatin1String token) const { return mText.mid(mPos).startsWith(token); }
    void error(const QString &message)
    {
        if (mError.isEmpty())
            mError = message + u" at position %1"_s.arg(mPos);
    }

    std::optional<Call> parseCall(int depth);
    bool parseArguments(Call &call, int depth);
    std::optional<Argument> parseArgument(int depth);
    bool parseString(Argument &argument);
    bool parsePathArgument(Argument &argument);
    bool parseNumber(Argument &argument);

    QStringView mText;
    qsizetype mPos = 0;
    QString mError;
};

std::optional<Call> IntrinsicParser::parseCall(int depth)
{
    if (depth > kMaxIntrinsicDepth) {
        error(u"more than %1 nested intrinsic functions"_s.arg(kMaxIntrinsicDepth));
        return std::nullopt;
    }
    if (!lookingAt("States."_L1)) {
        error(u"expected an intrinsic function (States.Name(...))"_s);
        return std::nullopt;
    }
    const qsizetype start = mPos;
    mPos += 7;
    while (peek().isLetterOrNumber() && peek().unicode() < 128)
        ++mPos;
    Call call;
    call.name = mText.mid(start, mPos - start).toString();
    const IntrinsicSpec *spec = findIntrinsic(call.name);
    if (!spec) {
        mPos = start;
        error(u"'%1' is not an intrinsic function"_s.arg(call.name));
        return std::nullopt;
    }
    skipSpaces();
    if (peek() != '('_L1) {
        error(u"expected '(' after %1"_s.arg(call.name));
        return std::nullopt;
    }
    ++mPos;
    if (!parseArguments(call, depth))
        return std::nullopt;
    const qsizetype count = call.arguments.size();
    if (count < spec->minArguments || (spec->maxArguments >= 0 && count > spec->maxArguments)) {
        const QString expected = spec->maxArguments < 0 ? u"at least %1"_s.arg(spec->minArguments)
                                 : spec->minArguments == spec->maxArguments
                                     ? QString::number(spec->minArguments)
                                     : u"%1 or %2"_s.arg(spec->minArguments).arg(spec->maxArguments);
        error(u"%1 takes %2 arguments, not %3"_s.arg(call.name, expected).arg(count));
        return std::nullopt;
    }
    return call;
}

bool IntrinsicParser::parseArguments(Call &call, int depth)
{
    skipSpaces();
    if (peek() == ')'_L1) {
        ++mPos;
        return true;
    }
    while (true) {
        std::optional<Argument> argument = parseArgument(depth);
        if (!argument)
            return false;
        call.arguments.append(*argument);
        skipSpaces();
        if (peek() == ')'_L1) {
            ++mPos;
            return true;
        }
        if (peek() != ','_L1) {
            error(u"expected ',' or ')'"_s);
            return false;
        }
        ++mPos;
    }
}

std::optional<Argument> IntrinsicParser::parseArgument(int depth)
{
    skipSpaces();
    Argument argument;
    const QChar c = peek();
    bool ok = false;
    if (c == '\''_L1) {
        ok = parseString(argument);
    } else if (c == '$'_L1) {
        ok = parsePathArgument(argument);
    } else if (lookingAt("States."_L1)) {
        std::optional<Call> call = parseCall(depth + 1);
        argument.kind = Argument::Nested;
        argument.call = call ? std::make_shared<const Call>(*call) : nullptr;
        ok = call.has_value();
    } else if (lookingAt("true"_L1) || lookingAt("false"_L1) || lookingAt("null"_L1)) {
        argument.value = lookingAt("true"_L1)    ? QJsonValue(true)
                         : lookingAt("false"_L1) ? QJsonValue(false)
                                                 : QJsonValue(QJsonValue::Null);
        mPos += lookingAt("false"_L1) ? 5 : 4;
        ok = true;
    } else {
        ok = parseNumber(argument);
    }
    if (!ok)
        return std::nullopt;
    return argument;
}

bool IntrinsicParser::parseString(Argument &argument)
{
    const qsizetype start = ++mPos;
    while (mPos < mText.size() && mText.at(mPos) != '\''_L1)
        mPos += mText.at(mPos) == '\\'_L1 ? 2 : 1;
    if (mPos >= mText.size()) {
        error(u"unterminated string"_s);
        return false;
    }
    argument.text = mText.mid(start, mPos - start).toString();
    argument.value = unescapeLiteral(argument.text);
    ++mPos;
    return true;
}

// A path argument runs to the ',' or ')' that is not inside its brackets, quotes or
// parentheses (a filter, length()).
bool IntrinsicParser::parsePathArgument(Argument &argument)
{
    const qsizetype start = mPos;
    int depth = 0;
    QChar quote;
    for (; mPos < mText.size(); ++mPos) {
        const QChar c = mText.at(mPos);
        if (!quote.isNull()) {
            if (c == '\\'_L1)
                ++mPos;
            else if (c == quote)
                quote = QChar();
        } else if (c == '\''_L1 || c == '"'_L1) {
            quote = c;
        } else if (c == '['_L1 || c == '('_L1) {
            ++depth;
        } else if ((c == ']'_L1 || c == ')'_L1) && depth > 0) {
            --depth;
        } else if ((c == ','_L1 || c == ')'_L1) && depth == 0) {
            break;
        }
    }
    argument.kind = Argument::Path;
    argument.text = mText.mid(start, std::min(mPos, mText.size()) - start).trimmed().toString();
    const Result<JsonPath> path = parsePath(argument.text);
    if (!path)
        error(u"invalid path '%1' (%2)"_s.arg(argument.text, path.errorMessage()));
    return path.hasValue();
}

bool IntrinsicParser::parseNumber(Argument &argument)
{
    const qsizetype start = mPos;
    while (mPos < mText.size() && mText.at(mPos).unicode() < 128
           && (mText.at(mPos).isDigit() || u"+-.eE"_s.contains(mText.at(mPos))))
        ++mPos;
    bool ok = false;
    const double number = mText.mid(start, mPos - start).toDouble(&ok);
    if (!ok || !std::isfinite(number)) {
        mPos = start;
        error(u"expected an argument (a 'string', a number, true, false, null, a path or States.Name(...))"_s);
        return false;
    }
    argument.value = number;
    return true;
}

Outcome<QJsonValue> notFound(const QString &path, const JsonPath &parsed, const Scope &scope, const QString &field);

Outcome<QJsonValue> runCall(const Call &call, const Scope &scope, const QString &field)
{
    Arguments args;
    args.name = call.name;
    for (const Argument &argument : call.arguments) {
        if (argument.kind == Argument::Nested) {
            const Outcome<QJsonValue> value = runCall(*argument.call, scope, field);
            if (!value)
                return value;
            args.values.append(*value);
        } else if (argument.kind == Argument::Path) {
            const Outcome<QJsonValue> value = evaluatePath(argument.text, scope, field);
            if (!value)
                return value;
            args.values.append(*value);
        } else {
            args.values.append(argument.value);
        }
    }
    if (!call.arguments.isEmpty() && call.arguments.constFirst().kind == Argument::Literal
        && call.arguments.constFirst().value.isString())
        args.literalTemplate = call.arguments.constFirst().text;
    return findIntrinsic(call.name)->run(args);
}

Result<Call> parseCall(const QString &expression)
{
    thread_local QHash<QString, Result<Call>> parsed;
    if (const auto found = parsed.constFind(expression); found != parsed.cend())
        return *found;
    if (parsed.size() >= kParsedLimit)
        parsed.clear();
    return *parsed.insert(expression, IntrinsicParser(expression).parse());
}

Outcome<QJsonValue> evaluateIntrinsicFor(const QString &expression, const Scope &scope, const QString &field)
{
    const Result<Call> call = parseCall(expression);
    if (!call)
        return intrinsicFailure(u"Invalid intrinsic function '%1': %2"_s.arg(expression, call.errorMessage()));
    return runCall(*call, scope, field);
}

Outcome<QJsonValue> notFound(const QString &path, const JsonPath &parsed, const Scope &scope, const QString &field)
{
    const QString document = compactJson(parsed.context ? scope.contextObject() : scope.input);
    if (field.isEmpty())
        return runtimeFailure(u"Invalid path '%1' : No results for path: %2"_s.arg(path, renderPath(parsed)));
    return runtimeFailure(u"The JSONPath '%1' specified for the field '%2' could not be found in the input '%3'"_s.arg(
        path, field, document));
}

// ---- Payload templates ----

Outcome<QJsonValue> dynamicField(const QString &key, const QJsonValue &value, const Scope &scope)
{
    if (!value.isString())
        return runtimeFailure(u"The value for the field '%1' must be a JSONPath or an intrinsic function, not %2"_s.arg(
            key, typeName(value)));
    const QString expression = value.toString();
    if (isIntrinsic(expression))
        return evaluateIntrinsicFor(expression, scope, key);
    return evaluatePath(expression, scope, key);
}

Outcome<QJsonValue> applyToObject(const QJsonObject &payloadTemplate, const Scope &scope)
{
    QJsonObject result;
    for (auto it = payloadTemplate.begin(); it != payloadTemplate.end(); ++it) {
        const bool dynamic = it.key().endsWith(".$"_L1);
        const Outcome<QJsonValue> value = dynamic ? dynamicField(it.key(), it.value(), scope)
                                                  : applyTemplate(it.value(), scope);
        if (!value)
            return value;
        result.insert(dynamic ? it.key().chopped(2) : it.key(), *value);
    }
    return QJsonValue(result);
}

void checkTemplateInto(const QJsonValue &payloadTemplate, const QString &where, QStringList &problems);

void checkTemplateObject(const QJsonObject &object, const QString &where, QStringList &problems)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString location = where + '.'_L1 + it.key();
        if (!it.key().endsWith(".$"_L1)) {
            checkTemplateInto(it.value(), location, problems);
            continue;
        }
        if (object.contains(it.key().chopped(2)))
            problems.append(u"%1: the field '%2' is also given without '.$'"_s.arg(location, it.key().chopped(2)));
        if (!it.value().isString()) {
            problems.append(u"%1: the value must be a JSONPath or an intrinsic function, not %2"_s.arg(
                location, typeName(it.value())));
            continue;
        }
        const QString expression = it.value().toString();
        const Result<void> valid = isIntrinsic(expression) ? checkIntrinsic(expression) : checkPath(expression);
        if (!valid)
            problems.append(location + u": "_s + valid.errorMessage());
    }
}

void checkTemplateInto(const QJsonValue &payloadTemplate, const QString &where, QStringList &problems)
{
    if (payloadTemplate.isObject()) {
        checkTemplateObject(payloadTemplate.toObject(), where, problems);
    } else if (payloadTemplate.isArray()) {
        const QJsonArray items = payloadTemplate.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            checkTemplateInto(items.at(i), where + u"[%1]"_s.arg(i), problems);
    }
}

// ---- Choice rules ----

enum class ValueType { String, Numeric, Boolean, Timestamp };

struct Comparison
{
    QLatin1String name;
    ValueType type;
    Relation relation;
};

const Comparison kComparisons[] = {
    {"StringEquals"_L1, ValueType::String, Relation::Equal},
    {"StringLessThan"_L1, ValueType::String, Relation::Less},
    {"StringGreaterThan"_L1, ValueType::String, Relation::Greater},
    {"StringLessThanEquals"_L1, ValueType::String, Relation::LessOrEqual},
    {"StringGreaterThanEquals"_L1, ValueType::String, Relation::GreaterOrEqual},
    {"StringMatches"_L1, ValueType::String, Relation::Matches},
    {"NumericEquals"_L1, ValueType::Numeric, Relation::Equal},
    {"NumericLessThan"_L1, ValueType::Numeric, Relation::Less},
    {"NumericGreaterThan"_L1, ValueType::Numeric, Relation::Greater},
    {"NumericLessThanEquals"_L1, ValueType::Numeric, Relation::LessOrEqual},
    {"NumericGreaterThanEquals"_L1, ValueType::Numeric, Relation::GreaterOrEqual},
    {"BooleanEquals"_L1, ValueType::Boolean, Relation::Equal},
    {"TimestampEquals"_L1, ValueType::Timestamp, Relation::Equal},
    {"TimestampLessThan"_L1, ValueType::Timestamp, Relation::Less},
    {"TimestampGreaterThan"_L1, ValueType::Timestamp, Relation::Greater},
    {"TimestampLessThanEquals"_L1, ValueType::Timestamp, Relation::LessOrEqual},
    {"TimestampGreaterThanEquals"_L1, ValueType::Timestamp, Relation::GreaterOrEqual},
};

const QLatin1String kTypeTests[] = {"IsPresent"_L1, "IsNull"_L1,    "IsString"_L1,
                                    "IsNumeric"_L1, "IsBoolean"_L1, "IsTimestamp"_L1};

// The fields of a rule that are not its operator.
bool isRuleField(const QString &key)
{
    return key == "Variable"_L1 || key == "Next"_L1 || key == "Comment"_L1 || key == "Assign"_L1;
}

// The operator of a rule: a comparison (possibly its *Path variant) or a type test.
struct RuleOperator
{
    QString key;
    const Comparison *comparison = nullptr;
    bool path = false;
};

std::optional<RuleOperator> operatorNamed(const QString &key)
{
    for (const QLatin1String test : kTypeTests) {
        if (key == test)
            return RuleOperator{key};
    }
    for (const Comparison &comparison : kComparisons) {
        if (key == comparison.name)
            return RuleOperator{key, &comparison, false};
        // StringMatches compares with a pattern written in the rule only.
        if (comparison.relation != Relation::Matches && key.size() == comparison.name.size() + 4
            && key.startsWith(comparison.name) && key.endsWith("Path"_L1))
            return RuleOperator{key, &comparison, true};
    }
    return std::nullopt;
}

// The one operator of a rule, or what is wrong with its fields.
Result<RuleOperator> ruleOperator(const QJsonObject &rule)
{
    std::optional<RuleOperator> found;
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        if (isRuleField(it.key()))
            continue;
        const std::optional<RuleOperator> op = operatorNamed(it.key());
        if (!op)
            return fail(u"'%1' is not a Choice operator"_s.arg(it.key()));
        if (found)
            return fail(u"a rule has one operator, not both %1 and %2"_s.arg(found->key, op->key));
        found = op;
    }
    if (!found)
        return fail(u"the rule has no comparison operator"_s);
    return *found;
}

// An RFC 3339 timestamp as an instant: seconds since the epoch and nanoseconds.
std::optional<std::pair<qint64, qint64>> parseTimestamp(const QString &text)
{
    static const QRegularExpression pattern(
        uR"(^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})$)"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 offset = 0;
    const QStringView zone = match.capturedView(8);
    if (zone != u"Z") {
        const int hours = zone.mid(1, 2).toInt(), minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offset = (zone.at(0) == '-'_L1 ? -1 : 1) * (hours * 3600 + minutes * 60);
    }
    const qint64 seconds = QDateTime(date, time, Qt::UTC).toSecsSinceEpoch() - offset;
    const QString fraction = (match.captured(7) + u"000000000"_s).left(9);
    return std::pair{seconds, fraction.toLongLong()};
}

// StringMatches: '*' matches any run of characters, "\*" a star and "\\" a backslash.
bool wildcardMatches(const QString &text, const QString &pattern)
{
    struct Token
    {
        QChar c;
        bool star;
    };
    QList<Token> tokens;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == '\\'_L1 && i + 1 < pattern.size())
            tokens.append({pattern.at(++i), false});
        else
            tokens.append({pattern.at(i), pattern.at(i) == '*'_L1});
    }
    // Greedy with a return to the last star: linear in practice, no regular expression.
    qsizetype t = 0, k = 0, starToken = -1, starText = 0;
    while (t < text.size()) {
        if (k < tokens.size() && tokens.at(k).star) {
            starToken = k++;
            starText = t;
        } else if (k < tokens.size() && tokens.at(k).c == text.at(t)) {
            ++t;
            ++k;
        } else if (starToken >= 0) {
            k = starToken + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (k < tokens.size() && tokens.at(k).star)
        ++k;
    return k == tokens.size();
}

bool hasType(ValueType type, const QJsonValue &value)
{
    switch (type) {
    case ValueType::String: return value.isString();
    case ValueType::Numeric: return value.isDouble();
    case ValueType::Boolean: return value.isBool();
    case ValueType::Timestamp: return value.isString() && parseTimestamp(value.toString()).has_value();
    }
    return false;
}

// A comparison of two values of its type; a value of another type does not match.
bool compareTyped(const Comparison &comparison, const QJsonValue &value, const QJsonValue &operand)
{
    if (!hasType(comparison.type, value) || !hasType(comparison.type, operand))
        return false;
    switch (comparison.type) {
    case ValueType::String:
        if (comparison.relation == Relation::Matches)
            return wildcardMatches(value.toString(), operand.toString());
        return holds(comparison.relation, value.toString().compare(operand.toString()));
    case ValueType::Numeric: return holds(comparison.relation, threeWay(value.toDouble(), operand.toDouble()));
    case ValueType::Boolean: return value.toBool() == operand.toBool();
    case ValueType::Timestamp:
        return holds(comparison.relation,
                     threeWay(*parseTimestamp(value.toString()), *parseTimestamp(operand.toString())));
    }
    return false;
}

bool passesTypeTest(const QString &test, const QJsonValue &value)
{
    if (test == "IsNull"_L1)
        return value.isNull();
    if (test == "IsString"_L1)
        return value.isString();
    if (test == "IsNumeric"_L1)
        return value.isDouble();
    if (test == "IsBoolean"_L1)
        return value.isBool();
    return hasType(ValueType::Timestamp, value);
}

// The value at a Choice path, nothing when the path selects nothing; a failure for a bad path.
Outcome<std::optional<QJsonValue>> lookUp(const QJsonValue &path, const Scope &scope, const QString &field)
{
    if (!path.isString())
        return runtimeFailure(u"The field '%1' of a Choice rule must be a path, not %2"_s.arg(field, typeName(path)));
    const Result<JsonPath> parsed = parsePath(path.toString());
    if (!parsed)
        return runtimeFailure(u"Invalid path '%1' in the field '%2' of a Choice rule: %3"_s.arg(path.toString(), field,
                                                                                                parsed.errorMessage()));
    return resolve(*parsed, scope);
}

Outcome<bool> matchesComparison(const QJsonObject &rule, const Scope &scope)
{
    const Result<RuleOperator> op = ruleOperator(rule);
    if (!op)
        return runtimeFailure(u"Invalid Choice rule %1: %2"_s.arg(compactJson(rule), op.errorMessage()));
    const Outcome<std::optional<QJsonValue>> variable = lookUp(rule.value("Variable"_L1), scope, u"Variable"_s);
    if (!variable)
        return variable.failure;
    const QJsonValue operand = rule.value(op->key);
    if (!op->comparison) {
        if (!operand.isBool())
            return runtimeFailure(
                u"The value of %1 must be true or false, not %2"_s.arg(op->key, compactJson(operand)));
        if (op->key == "IsPresent"_L1)
            return variable->has_value() == operand.toBool();
        return variable->has_value() && passesTypeTest(op->key, **variable) == operand.toBool();
    }
    // AWS fails the state when a comparison's variable is not there (a rule checks
    // IsPresent first for an optional field).
    if (!variable->has_value())
        return runtimeFailure(
            u"Invalid path '%1': The choice state's condition path references an invalid value."_s.arg(
                rule.value("Variable"_L1).toString()));
    if (!op->path) {
        if (!hasType(op->comparison->type, operand))
            return runtimeFailure(u"The value of %1 cannot be %2"_s.arg(op->key, compactJson(operand)));
        return compareTyped(*op->comparison, **variable, operand);
    }
    const Outcome<std::optional<QJsonValue>> other = lookUp(operand, scope, op->key);
    if (!other)
        return other.failure;
    return other->has_value() && compareTyped(*op->comparison, **variable, **other);
}

Outcome<bool> matchesCombination(const QJsonObject &rule, const QString &key, const Scope &scope)
{
    const QJsonValue operands = rule.value(key);
    if (key == "Not"_L1) {
        if (!operands.isObject())
            return runtimeFailure(u"The value of Not must be a Choice rule"_s);
        const Outcome<bool> inner = matchesChoiceRule(operands.toObject(), scope);
        return inner ? Outcome<bool>(!*inner) : inner;
    }
    if (!operands.isArray() || operands.toArray().isEmpty())
        return runtimeFailure(u"The value of %1 must be a non-empty array of Choice rules"_s.arg(key));
    const bool all = key == "And"_L1;
    for (const QJsonValue &operand : operands.toArray()) {
        if (!operand.isObject())
            return runtimeFailure(u"The value of %1 must be a non-empty array of Choice rules"_s.arg(key));
        const Outcome<bool> inner = matchesChoiceRule(operand.toObject(), scope);
        if (!inner || *inner != all)
            return inner;
    }
    return all;
}

const QLatin1String kCombinations[] = {"And"_L1, "Or"_L1, "Not"_L1};

std::optional<QString> combinationOf(const QJsonObject &rule)
{
    for (const QLatin1String key : kCombinations) {
        if (rule.contains(key))
            return QString(key);
    }
    return std::nullopt;
}

QString describeOperand(const QJsonObject &rule, const RuleOperator &op)
{
    const QJsonValue operand = rule.value(op.key);
    return op.path && operand.isString() ? operand.toString() : compactJson(operand);
}

QString describeComparison(const QJsonObject &rule)
{
    const Result<RuleOperator> op = ruleOperator(rule);
    const QString variable = rule.value("Variable"_L1).toString(u"?"_s);
    if (!op)
        return variable + u" ?"_s;
    if (!op->comparison) {
        static const std::pair<QLatin1String, QLatin1String> kPhrases[] = {
            {"IsPresent"_L1, "present"_L1},  {"IsNull"_L1, "null"_L1},         {"IsString"_L1, "a string"_L1},
            {"IsNumeric"_L1, "a number"_L1}, {"IsBoolean"_L1, "a boolean"_L1}, {"IsTimestamp"_L1, "a timestamp"_L1}};
        QString phrase;
        for (const auto &[test, words] : kPhrases) {
            if (op->key == test)
                phrase = words;
        }
        return variable + (rule.value(op->key).toBool(true) ? u" is "_s : u" is not "_s) + phrase;
    }
    static const std::pair<Relation, QLatin1String> kSymbols[] = {
        {Relation::Equal, "=="_L1},          {Relation::Less, "<"_L1},
        {Relation::LessOrEqual, "<="_L1},    {Relation::Greater, ">"_L1},
        {Relation::GreaterOrEqual, ">="_L1}, {Relation::Matches, "matches"_L1}};
    QString symbol;
    for (const auto &[relation, text] : kSymbols) {
        if (op->comparison->relation == relation)
            symbol = text;
    }
    return variable + ' '_L1 + symbol + ' '_L1 + describeOperand(rule, *op);
}

void checkOperand(const QJsonObject &rule, const RuleOperator &op, const QString &where, QStringList &problems)
{
    const QJsonValue operand = rule.value(op.key);
    const QString location = where + '.'_L1 + op.key;
    if (!op.comparison) {
        if (!operand.isBool())
            problems.append(u"%1: must be true or false"_s.arg(location));
    } else if (op.path) {
        const Result<void> valid = operand.isString() ? checkPath(operand.toString(), true)
                                                      : Result<void>(fail(u"must be a path"_s));
        if (!valid)
            problems.append(location + u": "_s + valid.errorMessage());
    } else if (!hasType(op.comparison->type, operand)) {
        static const QString kExpected[] = {u"a string"_s, u"a number"_s, u"true or false"_s,
                                            u"an RFC 3339 timestamp (2024-01-31T12:00:00Z)"_s};
        problems.append(u"%1: must be %2"_s.arg(location, kExpected[int(op.comparison->type)]));
    }
}

void checkComparison(const QJsonObject &rule, const QString &where, QStringList &problems)
{
    const QJsonValue variable = rule.value("Variable"_L1);
    if (!variable.isString()) {
        problems.append(where + (variable.isUndefined() ? u": Variable is missing"_s : u".Variable: must be a path"_s));
    } else if (const Result<void> valid = checkPath(variable.toString(), true); !valid) {
        problems.append(where + u".Variable: "_s + valid.errorMessage());
    }
    const Result<RuleOperator> op = ruleOperator(rule);
    if (!op) {
        problems.append(where + u": "_s + op.errorMessage());
        return;
    }
    checkOperand(rule, *op, where, problems);
}

} // namespace

// ---- The interface ----

Outcome<QJsonValue> evaluatePath(const QString &path, const Scope &scope, const QString &field)
{
    const Result<JsonPath> parsed = parsePath(path);
    if (!parsed) {
        const QString where = field.isEmpty() ? QString() : u" for the field '%1'"_s.arg(field);
        return runtimeFailure(u"Invalid path '%1'%2: %3"_s.arg(path, where, parsed.errorMessage()));
    }
    const std::optional<QJsonValue> value = resolve(*parsed, scope);
    if (!value)
        return notFound(path, *parsed, scope, field);
    return *value;
}

Result<void> checkPath(const QString &path, bool reference)
{
    const Result<JsonPath> parsed = parsePath(path);
    if (!parsed)
        return fail(u"invalid path '%1': %2"_s.arg(path, parsed.errorMessage()));
    if (reference && !parsed->reference())
        return fail(u"'%1' is not a reference path: it must select one value, with names and indexes only "
                    "(no wildcards, filters, slices, '..' or functions)"_s.arg(path));
    return {};
}

namespace {

Outcome<QJsonValue> placeInto(const QJsonValue &target, const JsonPath &path, qsizetype step, const QJsonValue &value,
                              const QString &text)
{
    if (step == path.segments.size())
        return value;
    const Segment &segment = path.segments.at(step);
    auto cannot = [&](const QString &why) {
        return runtimeFailure(
            u"Unable to apply ResultPath '%1' to the input: %2 is %3"_s.arg(text, renderPath(path, step), why));
    };
    if (segment.kind == Segment::Names) {
        if (!target.isObject())
            return cannot(typeName(target) + u", not an object"_s);
        QJsonObject object = target.toObject();
        const QString &name = segment.names.constFirst();
        const QJsonValue child = object.contains(name) ? object.value(name) : QJsonValue(QJsonObject());
        const Outcome<QJsonValue> placed = placeInto(child, path, step + 1, value, text);
        if (!placed)
            return placed;
        object.insert(name, *placed);
        return QJsonValue(object);
    }
    if (!target.isArray())
        return cannot(typeName(target) + u", not an array"_s);
    QJsonArray items = target.toArray();
    const std::optional<qsizetype> at = normalizedIndex(segment.indexes.constFirst(), items.size());
    if (!at)
        return cannot(u"an array of %1 items, without index %2"_s.arg(items.size()).arg(segment.indexes.constFirst()));
    const Outcome<QJsonValue> placed = placeInto(items.at(*at), path, step + 1, value, text);
    if (!placed)
        return placed;
    items.replace(*at, *placed);
    return QJsonValue(items);
}

} // namespace

Outcome<QJsonValue> placeAtPath(const QJsonValue &input, const QString &referencePath, const QJsonValue &value)
{
    if (referencePath.isEmpty())
        return value;
    const Result<JsonPath> parsed = parsePath(referencePath);
    if (!parsed || parsed->context || !parsed->reference())
        return runtimeFailure(u"Invalid ResultPath '%1': %2"_s.arg(
            referencePath, parsed ? u"it must be a reference path into the input ($.a.b)"_s : parsed.errorMessage()));
    return placeInto(input, *parsed, 0, value, referencePath);
}

Outcome<QJsonValue> applyTemplate(const QJsonValue &payloadTemplate, const Scope &scope)
{
    if (payloadTemplate.isObject())
        return applyToObject(payloadTemplate.toObject(), scope);
    if (!payloadTemplate.isArray())
        return payloadTemplate;
    QJsonArray result;
    for (const QJsonValue &item : payloadTemplate.toArray()) {
        const Outcome<QJsonValue> value = applyTemplate(item, scope);
        if (!value)
            return value;
        result.append(*value);
    }
    return QJsonValue(result);
}

QStringList checkTemplate(const QJsonValue &payloadTemplate, const QString &where)
{
    QStringList problems;
    checkTemplateInto(payloadTemplate, where, problems);
    return problems;
}

Outcome<QJsonValue> evaluateIntrinsic(const QString &expression, const Scope &scope)
{
    return evaluateIntrinsicFor(expression, scope, {});
}

Result<void> checkIntrinsic(const QString &expression)
{
    const Result<Call> call = IntrinsicParser(expression).parse();
    if (!call)
        return fail(u"invalid intrinsic function: %1"_s.arg(call.errorMessage()));
    return {};
}

bool isIntrinsic(const QString &expression)
{
    return QStringView(expression).trimmed().startsWith("States."_L1);
}

Outcome<bool> matchesChoiceRule(const QJsonObject &rule, const Scope &scope)
{
    if (const std::optional<QString> combination = combinationOf(rule))
        return matchesCombination(rule, *combination, scope);
    return matchesComparison(rule, scope);
}

QStringList checkChoiceRule(const QJsonObject &rule, const QString &where)
{
    QStringList problems;
    const std::optional<QString> combination = combinationOf(rule);
    if (!combination) {
        checkComparison(rule, where, problems);
        return problems;
    }
    const QJsonValue operands = rule.value(*combination);
    const QString location = where + '.'_L1 + *combination;
    if (*combination == "Not"_L1) {
        if (operands.isObject())
            return checkChoiceRule(operands.toObject(), location);
        return {location + u": must be a Choice rule (an object)"_s};
    }
    if (!operands.isArray() || operands.toArray().isEmpty())
        return {location + u": must be a non-empty array of Choice rules"_s};
    const QJsonArray rules = operands.toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString at = location + u"[%1]"_s.arg(i);
        if (rules.at(i).isObject())
            problems += checkChoiceRule(rules.at(i).toObject(), at);
        else
            problems.append(at + u": must be a Choice rule (an object)"_s);
    }
    return problems;
}

QString describeChoiceRule(const QJsonObject &rule)
{
    const std::optional<QString> combination = combinationOf(rule);
    if (!combination)
        return describeComparison(rule);
    const QJsonValue operands = rule.value(*combination);
    if (*combination == "Not"_L1)
        return u"not ("_s + describeChoiceRule(operands.toObject()) + ')'_L1;
    QStringList parts;
    for (const QJsonValue &operand : operands.toArray())
        parts.append('('_L1 + describeChoiceRule(operand.toObject()) + ')'_L1);
    return parts.join(*combination == "And"_L1 ? u" and "_s : u" or "_s);
}

QStringList choiceOperators()
{
    QStringList names;
    for (const Comparison &comparison : kComparisons) {
        names.append(comparison.name);
        if (comparison.relation != Relation::Matches)
            names.append(comparison.name + "Path"_L1);
    }
    for (const QLatin1String test : kTypeTests)
        names.append(test);
    return names;
}

std::optional<ChoiceOperand> choiceOperand(const QString &op)
{
    const std::optional<RuleOperator> found = operatorNamed(op);
    if (!found)
        return std::nullopt;
    if (!found->comparison)
        return ChoiceOperand::Boolean;
    if (found->path)
        return ChoiceOperand::Path;
    switch (found->comparison->type) {
    case ValueType::String: return ChoiceOperand::String;
    case ValueType::Numeric: return ChoiceOperand::Number;
    case ValueType::Boolean: return ChoiceOperand::Boolean;
    case ValueType::Timestamp: return ChoiceOperand::Timestamp;
    }
    return std::nullopt;
}

} // namespace Nimbus::Asl
