#include "dynamoexpression.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// ---- decimals ----------------------------------------------------------------

// value = (negative ? -1 : 1) * digits * 10^exponent, digits without leading zeros
// ("" for zero).
struct Decimal
{
    bool negative = false;
    QByteArray digits;
    int exponent = 0;

    static std::optional<Decimal> parse(const QString &text)
    {
        Decimal d;
        const QByteArray s = text.trimmed().toLatin1();
        qsizetype i = 0;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            d.negative = s[i++] == '-';
        bool seenDigit = false, seenPoint = false;
        int fraction = 0;
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (c >= '0' && c <= '9') {
                seenDigit = true;
                if (!d.digits.isEmpty() || c != '0')
                    d.digits.append(c);
                if (seenPoint)
                    ++fraction;
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (!seenDigit)
            return std::nullopt;
        int exponent = 0;
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            bool ok = false;
            exponent = s.mid(i + 1).toInt(&ok);
            if (!ok || exponent > 1000 || exponent < -1000)
                return std::nullopt;
            i = s.size();
        }
        if (i != s.size())
            return std::nullopt;
        d.exponent = exponent - fraction;
        d.normalise();
        return d;
    }

    void normalise()
    {
        while (!digits.isEmpty() && digits.endsWith('0')) {
            digits.chop(1);
            ++exponent;
        }
        if (digits.isEmpty()) {
            negative = false;
            exponent = 0;
        }
    }

    QString toString() const
    {
        if (digits.isEmpty())
            return u"0"_s;
        QByteArray out = negative ? QByteArray("-") : QByteArray();
        if (exponent >= 0) {
            out += digits + QByteArray(exponent, '0');
        } else {
            const int point = int(digits.size()) + exponent;
            if (point > 0)
                out += digits.left(point) + '.' + digits.mid(point);
            else
                out += "0." + QByteArray(-point, '0') + digits;
        }
        return QString::fromLatin1(out);
    }

    static int compareMagnitude(const Decimal &a, const Decimal &b)
    {
        if (a.digits.isEmpty() || b.digits.isEmpty())
            return int(!a.digits.isEmpty()) - int(!b.digits.isEmpty());
        const qsizetype ma = a.digits.size() + a.exponent, mb = b.digits.size() + b.exponent;
        if (ma != mb)
            return ma < mb ? -1 : 1;
        const qsizetype n = std::max(a.digits.size(), b.digits.size());
        const QByteArray pa = a.digits.leftJustified(n, '0'), pb = b.digits.leftJustified(n, '0');
        return pa < pb ? -1 : (pa > pb ? 1 : 0);
    }

    static int compare(const Decimal &a, const Decimal &b)
    {
        if (a.negative != b.negative)
            return a.negative ? -1 : 1;
        const int m = compareMagnitude(a, b);
        return a.negative ? -m : m;
    }

    static Decimal add(Decimal a, Decimal b)
    {
        const int e = std::min(a.exponent, b.exponent);
        a.digits += QByteArray(a.exponent - e, '0');
        b.digits += QByteArray(b.exponent - e, '0');
        const qsizetype n = std::max(a.digits.size(), b.digits.size()) + 1;
        const QByteArray x = a.digits.rightJustified(n, '0'), y = b.digits.rightJustified(n, '0');
        Decimal r;
        r.exponent = e;
        QByteArray out(n, '0');
        if (a.negative == b.negative) {
            int carry = 0;
            for (qsizetype i = n - 1; i >= 0; --i) {
                const int s = (x[i] - '0') + (y[i] - '0') + carry;
                out[i] = char('0' + s % 10);
                carry = s / 10;
            }
            r.negative = a.negative;
        } else {
            const bool xBigger = x >= y;
            const QByteArray &big = xBigger ? x : y, &small = xBigger ? y : x;
            int borrow = 0;
            for (qsizetype i = n - 1; i >= 0; --i) {
                int s = (big[i] - '0') - (small[i] - '0') - borrow;
                borrow = s < 0;
                out[i] = char('0' + (s + 10) % 10);
            }
            r.negative = xBigger ? a.negative : b.negative;
        }
        qsizetype first = 0;
        while (first < out.size() && out[first] == '0')
            ++first;
        r.digits = out.mid(first);
        r.normalise();
        return r;
    }
};

} // namespace

// ---- values --------------------------------------------------------------------

namespace DynamoValue {

QString typeOf(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return o.size() == 1 ? o.begin().key() : QString();
}

namespace {
// DynamoDB's numbers: 38 significant digits, magnitudes from 1E-130 to below 1E+126.
bool inRange(const Decimal &d)
{
    return d.digits.size() <= 38 && d.digits.size() + d.exponent <= 126 && d.digits.size() + d.exponent >= -129;
}
} // namespace

bool isNumber(const QString &text)
{
    const auto d = Decimal::parse(text);
    return d && inRange(*d);
}

QString numberProblem(const QString &text)
{
    // DynamoDB's own messages: 38 significant digits, magnitudes from 1E-130 to below 1E+126.
    const auto d = Decimal::parse(text);
    if (!d)
        return u"A value provided cannot be converted into a number"_s;
    if (d->digits.size() > 38)
        return u"Attempting to store more than 38 significant digits in a Number"_s;
    if (d->digits.size() + d->exponent > 126)
        return u"Number overflow. Attempting to store a number with magnitude larger than supported range"_s;
    if (d->digits.size() + d->exponent < -129)
        return u"Number underflow. Attempting to store a number with magnitude smaller than supported range"_s;
    return {};
}

namespace {
// The canonical text of a number, nullopt when text is it already or is no number (left as it is).
std::optional<QString> renormalisedNumber(const QString &text)
{
    const auto number = canonicalNumber(text);
    return number && *number != text ? number : std::nullopt;
}

// A value in its canonical form, nullopt when it is in it already: most items' are, and
// a PutItem then builds no copy of its item.
std::optional<QJsonValue> renormalised(const QJsonValue &value);

std::optional<QJsonObject> renormalisedItem(const QJsonObject &item)
{
    std::optional<QJsonObject> out;
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (std::optional<QJsonValue> changed = renormalised(it.value())) {
            if (!out)
                out = item;
            out->insert(it.key(), *changed);
        }
    }
    return out;
}

std::optional<QJsonValue> renormalised(const QJsonValue &value)
{
    // The type and its value read once: this runs for every attribute of every write.
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject typed = value.toObject();
    if (typed.size() != 1)
        return std::nullopt;
    const QString type = typed.begin().key();
    if (type != "N"_L1 && type != "NS"_L1 && type != "L"_L1 && type != "M"_L1)
        return std::nullopt;
    const QJsonValue v = typed.begin().value();
    if (type == "N"_L1) {
        if (const auto number = renormalisedNumber(v.toString()))
            return QJsonObject{{type, *number}};
        return std::nullopt;
    }
    if (type == "NS"_L1 || type == "L"_L1) {
        const QJsonArray members = v.toArray();
        std::optional<QJsonArray> out;
        for (qsizetype i = 0; i < members.size(); ++i) {
            std::optional<QJsonValue> changed;
            if (type == "L"_L1)
                changed = renormalised(members.at(i));
            else if (const auto number = renormalisedNumber(members.at(i).toString()))
                changed = *number;
            if (changed) {
                if (!out)
                    out = members;
                out->replace(i, *changed);
            }
        }
        return out ? std::optional<QJsonValue>(QJsonObject{{type, *out}}) : std::nullopt;
    }
    if (type == "M"_L1) {
        if (const auto map = renormalisedItem(v.toObject()))
            return QJsonObject{{type, *map}};
    }
    return std::nullopt;
}
} // namespace

QJsonValue normalised(const QJsonValue &value)
{
    return renormalised(value).value_or(value);
}

QJsonObject normalisedItem(const QJsonObject &item)
{
    return renormalisedItem(item).value_or(item);
}

std::optional<QString> canonicalNumber(const QString &text)
{
    const auto d = Decimal::parse(text);
    if (!d || !inRange(*d))
        return std::nullopt;
    return d->toString();
}

std::optional<QString> addNumbers(const QString &a, const QString &b, bool subtract)
{
    auto x = Decimal::parse(a), y = Decimal::parse(b);
    if (!x || !y)
        return std::nullopt;
    if (subtract && !y->digits.isEmpty())
        y->negative = !y->negative;
    const Decimal sum = Decimal::add(*x, *y);
    if (sum.digits.size() > 38)
        return std::nullopt;
    return sum.toString();
}

std::optional<int> compare(const QJsonValue &a, const QJsonValue &b)
{
    const QString type = typeOf(a);
    if (type != typeOf(b))
        return std::nullopt;
    const QJsonValue x = a.toObject().value(type), y = b.toObject().value(type);
    if (type == "N"_L1) {
        const auto dx = Decimal::parse(x.toString()), dy = Decimal::parse(y.toString());
        if (!dx || !dy)
            return std::nullopt;
        return Decimal::compare(*dx, *dy);
    }
    if (type == "S"_L1) {
        const QByteArray ux = x.toString().toUtf8(), uy = y.toString().toUtf8();
        return ux < uy ? -1 : (ux > uy ? 1 : 0);
    }
    if (type == "B"_L1) {
        const QByteArray bx = QByteArray::fromBase64(x.toString().toLatin1()),
                         by = QByteArray::fromBase64(y.toString().toLatin1());
        return bx < by ? -1 : (bx > by ? 1 : 0);
    }
    return std::nullopt;
}

bool equal(const QJsonValue &a, const QJsonValue &b)
{
    const QString type = typeOf(a);
    if (type != typeOf(b))
        return false;
    if (type == "N"_L1 || type == "S"_L1 || type == "B"_L1)
        return compare(a, b) == 0;
    const QJsonValue x = a.toObject().value(type), y = b.toObject().value(type);
    if (type == "SS"_L1 || type == "NS"_L1 || type == "BS"_L1) {
        // Sets: the same size, and each member of one is in the other.
        const QJsonArray xs = x.toArray(), ys = y.toArray();
        const QString scalar = type.left(1);
        return xs.size() == ys.size() && std::all_of(xs.begin(), xs.end(), [&](const QJsonValue &v) {
                   return std::any_of(ys.begin(), ys.end(), [&](const QJsonValue &w) {
                       return compare(QJsonObject{{scalar, v}}, QJsonObject{{scalar, w}}) == 0;
                   });
               });
    }
    if (type == "L"_L1) {
        const QJsonArray xs = x.toArray(), ys = y.toArray();
        return std::equal(xs.begin(), xs.end(), ys.begin(), ys.end(),
                          [](const QJsonValue &v, const QJsonValue &w) { return equal(v, w); });
    }
    if (type == "M"_L1) {
        const QJsonObject xs = x.toObject(), ys = y.toObject();
        const QStringList names = xs.keys();
        return xs.size() == ys.size() && std::all_of(names.begin(), names.end(), [&](const QString &name) {
                   return ys.contains(name) && equal(xs.value(name), ys.value(name));
               });
    }
    return x == y; // BOOL, NULL
}

namespace {
QString validateAt(const QJsonValue &value, int depth);
} // namespace

QString validate(const QJsonValue &value)
{
    return validateAt(value, 0);
}

namespace {
QString validateAt(const QJsonValue &value, int depth)
{
    if (depth > 32)
        return u"Nesting Levels have exceeded supported limits"_s;
    const QJsonObject o = value.toObject();
    if (!value.isObject() || o.size() != 1)
        return u"an attribute value must have exactly one type (S, N, B, BOOL, NULL, M, L, SS, NS or BS)"_s;
    const QString type = o.begin().key();
    const QJsonValue v = o.begin().value();
    if (type == "S"_L1 || type == "B"_L1)
        return v.isString() ? QString() : u"%1 must be a string"_s.arg(type);
    if (type == "N"_L1)
        return v.isString() ? numberProblem(v.toString()) : u"N must be a string"_s;
    if (type == "BOOL"_L1)
        return v.isBool() ? QString() : u"BOOL must be true or false"_s;
    if (type == "NULL"_L1)
        return v == QJsonValue(true) ? QString() : u"NULL must be true"_s;
    if (type == "SS"_L1 || type == "NS"_L1 || type == "BS"_L1) {
        const QJsonArray items = v.toArray();
        if (!v.isArray() || items.isEmpty())
            return u"an empty set is not allowed"_s;
        const QString scalar = type.left(1);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString problem = validate(QJsonObject{{scalar, items.at(i)}});
            if (!problem.isEmpty())
                return problem;
            for (qsizetype j = 0; j < i; ++j)
                if (compare(QJsonObject{{scalar, items.at(i)}}, QJsonObject{{scalar, items.at(j)}}) == 0)
                    return u"the set %1 holds duplicates"_s.arg(type);
        }
        return {};
    }
    if (type == "L"_L1) {
        if (!v.isArray())
            return u"L must be a list"_s;
        for (const QJsonValue &item : v.toArray())
            if (const QString problem = validateAt(item, depth + 1); !problem.isEmpty())
                return problem;
        return {};
    }
    if (type == "M"_L1) {
        if (!v.isObject())
            return u"M must be a map"_s;
        const QJsonObject map = v.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            if (const QString problem = validateAt(it.value(), depth + 1); !problem.isEmpty())
                return problem;
        return {};
    }
    return u"'%1' is not an attribute type"_s.arg(type);
}
} // namespace

namespace {
qsizetype valueSize(const QJsonValue &value)
{
    const QString type = typeOf(value);
    const QJsonValue v = value.toObject().value(type);
    if (type == "S"_L1)
        return v.toString().toUtf8().size();
    if (type == "N"_L1)
        return (v.toString().size() + 1) / 2 + 1;
    if (type == "B"_L1)
        return QByteArray::fromBase64(v.toString().toLatin1()).size();
    if (type == "BOOL"_L1 || type == "NULL"_L1)
        return 1;
    qsizetype size = 3;
    if (type == "M"_L1) {
        const QJsonObject map = v.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            size += it.key().toUtf8().size() + valueSize(it.value()) + 1;
        return size;
    }
    const QString scalar = type == "L"_L1 ? QString() : type.left(1);
    for (const QJsonValue &item : v.toArray())
        size += (scalar.isEmpty() ? valueSize(item) : valueSize(QJsonObject{{scalar, item}})) + 1;
    return size;
}
} // namespace

qsizetype itemSize(const QJsonObject &item)
{
    qsizetype size = 0;
    for (auto it = item.begin(); it != item.end(); ++it)
        size += it.key().toUtf8().size() + valueSize(it.value());
    return size;
}

PreparedItem PreparedItem::of(const QJsonObject &requestItem)
{
    PreparedItem prepared;
    prepared.item = normalisedItem(requestItem);
    prepared.size = itemSize(prepared.item);
    prepared.text = QJsonDocument(prepared.item).toJson(QJsonDocument::Compact);
    return prepared;
}

} // namespace DynamoValue

std::optional<DynamoError> DynamoExpression::Context::unused() const
{
    QStringList names, values;
    for (auto it = this->names.begin(); it != this->names.end(); ++it)
        if (!usedNames.contains(it.key()))
            names.append(it.key());
    for (auto it = this->values.begin(); it != this->values.end(); ++it)
        if (!usedValues.contains(it.key()))
            values.append(it.key());
    if (!values.isEmpty())
        return DynamoError{u"ValidationException"_s,
                           u"Value provided in ExpressionAttributeValues unused in expressions: keys: {%1}"_s.arg(
                               values.join(u", "_s))};
    if (!names.isEmpty())
        return DynamoError{
            u"ValidationException"_s,
            u"Value provided in ExpressionAttributeNames unused in expressions: keys: {%1}"_s.arg(names.join(u", "_s))};
    return std::nullopt;
}

// ---- syntax tree ---------------------------------------------------------------

struct DynamoExpression::Node
{
    enum Type {
        Path, // segments
        Value, // value
        Function, // name, children (size, if_not_exists, list_append, attribute_exists ...)
        Arithmetic, // op '+' or '-', two children
        Compare, // op = <> < <= > >=, two children
        Between, // three children
        In, // first child, then candidates
        And,
        Or,
        Not,
    } type;
    QString op;
    QJsonValue value;
    struct Segment
    {
        QString name; // empty for an index
        int index = -1;
    };
    std::vector<Segment> segments;
    std::vector<std::shared_ptr<const Node>> children;
};

namespace {

using NodePtr = std::shared_ptr<const DynamoExpression::Node>;
using ExprNode = DynamoExpression::Node;

// A node of type over children, with its operator when it has one.
NodePtr makeNode(ExprNode::Type type, std::vector<NodePtr> children, const QString &op = {})
{
    auto node = std::make_shared<ExprNode>();
    node->type = type;
    node->op = op;
    node->children = std::move(children);
    return node;
}

struct Token
{
    enum Type { End, Name, NameRef, ValueRef, Number, Symbol } type = End;
    QString text;
    qsizetype position = 0;
};

class Parser
{
public:
    Parser(const QString &text, const QString &what, DynamoExpression::Context &context)
        : mText(text), mWhat(what), mContext(context)
    { }

    bool tokenize()
    {
        qsizetype i = 0;
        while (i < mText.size()) {
            const QChar c = mText.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.position = i;
            auto word = [&](qsizetype from) {
                qsizetype j = from;
                while (j < mText.size() && (mText.at(j).isLetterOrNumber() || mText.at(j) == '_'_L1))
                    ++j;
                return j;
            };
            if (c == '#'_L1 || c == ':'_L1) {
                const qsizetype j = word(i + 1);
                if (j == i + 1)
                    return syntaxError(QString(c), i);
                t.type = c == '#'_L1 ? Token::NameRef : Token::ValueRef;
                t.text = mText.mid(i, j - i);
                i = j;
            } else if (c.isDigit()) {
                qsizetype j = i;
                while (j < mText.size() && mText.at(j).isDigit())
                    ++j;
                t.type = Token::Number;
                t.text = mText.mid(i, j - i);
                i = j;
            } else if (c.isLetter() || c == '_'_L1) {
                const qsizetype j = word(i);
                t.type = Token::Name;
                t.text = mText.mid(i, j - i);
                i = j;
            } else {
                static const QStringList twoChar = {u"<="_s, u">="_s, u"<>"_s};
                const QString two = mText.mid(i, 2);
                t.type = Token::Symbol;
                if (twoChar.contains(two)) {
                    t.text = two;
                    i += 2;
                } else if (u"()[],.=<>+-"_s.contains(c)) {
                    t.text = c;
                    ++i;
                } else {
                    return syntaxError(QString(c), i);
                }
            }
            mTokens.push_back(t);
        }
        Token end;
        end.position = mText.size();
        mTokens.push_back(end);
        return true;
    }

    const Token &peek(int ahead = 0) const { return mTokens[std::min<size_t>(mPos + ahead, mTokens.size() - 1)]; }
    Token next() { return mTokens[std::min<size_t>(mPos++, mTokens.size() - 1)]; }
    bool atSymbol(const char *s, int ahead = 0) const
    {
        return peek(ahead).type == Token::Symbol && peek(ahead).text == QLatin1String(s);
    }
    bool atKeyword(const char *k) const
    {
        return peek().type == Token::Name && peek().text.compare(QLatin1String(k), Qt::CaseInsensitive) == 0;
    }
    bool expect(const char *symbol)
    {
        if (!atSymbol(symbol))
            return syntaxError(peek().type == Token::End ? u"<EOF>"_s : peek().text, peek().position);
        ++mPos;
        return true;
    }

    bool syntaxError(const QString &token, qsizetype position)
    {
        if (!mError)
            mError = DynamoError{u"ValidationException"_s,
                                 u"Invalid %1: Syntax error; token: \"%2\", near: \"%3\""_s.arg(
                                     mWhat, token, mText.mid(std::max<qsizetype>(0, position - 8), 20).simplified())};
        return false;
    }
    bool fail(const QString &message)
    {
        if (!mError)
            mError = DynamoError{u"ValidationException"_s, u"Invalid %1: %2"_s.arg(mWhat, message)};
        return false;
    }
    std::optional<DynamoError> error() const { return mError; }
    bool atEnd() const { return peek().type == Token::End; }

    NodePtr path()
    {
        auto node = std::make_shared<ExprNode>();
        node->type = ExprNode::Path;
        auto name = [&]() -> bool {
            const Token t = next();
            if (t.type == Token::Name) {
                node->segments.push_back({t.text, -1});
                return true;
            }
            if (t.type == Token::NameRef) {
                const QJsonValue resolved = mContext.names.value(t.text);
                if (!resolved.isString())
                    return fail(
                        u"An expression attribute name used in the document path is not defined; attribute name: %1"_s
                            .arg(t.text));
                mContext.usedNames.insert(t.text);
                node->segments.push_back({resolved.toString(), -1});
                return true;
            }
            return syntaxError(t.type == Token::End ? u"<EOF>"_s : t.text, t.position);
        };
        if (!name())
            return nullptr;
        for (;;) {
            if (atSymbol(".")) {
                ++mPos;
                if (!name())
                    return nullptr;
            } else if (atSymbol("[")) {
                ++mPos;
                const Token t = next();
                if (t.type != Token::Number)
                    return syntaxError(t.text, t.position), nullptr;
                node->segments.push_back({QString(), t.text.toInt()});
                if (!expect("]"))
                    return nullptr;
            } else {
                return node;
            }
        }
    }

    NodePtr valueRef()
    {
        const Token t = next();
        const QJsonValue value = mContext.values.value(t.text);
        if (!value.isObject()) {
            fail(u"An expression attribute value used in expression is not defined; attribute value: %1"_s.arg(t.text));
            return nullptr;
        }
        if (const QString problem = DynamoValue::validate(value); !problem.isEmpty()) {
            fail(u"ExpressionAttributeValues contains invalid value: %1 for key %2"_s.arg(problem, t.text));
            return nullptr;
        }
        mContext.usedValues.insert(t.text);
        auto node = std::make_shared<ExprNode>();
        node->type = ExprNode::Value;
        node->value = value;
        return node;
    }

    NodePtr function(const QString &name, int arguments)
    {
        auto node = std::make_shared<ExprNode>();
        node->type = ExprNode::Function;
        node->op = name.toLower();
        next(); // the name
        if (!expect("("))
            return nullptr;
        for (int i = 0; i < arguments; ++i) {
            if (i > 0 && !expect(","))
                return nullptr;
            NodePtr argument = operand(true);
            if (!argument)
                return nullptr;
            node->children.push_back(argument);
        }
        if (!expect(")"))
            return nullptr;
        const bool firstIsPath = node->children.front()->type == ExprNode::Path;
        if ((node->op != "list_append"_L1) && !firstIsPath) {
            fail(u"Operator or function requires a document path; operator or function: %1"_s.arg(node->op));
            return nullptr;
        }
        return node;
    }

    // An operand; update: also if_not_exists, list_append and + / -.
    NodePtr operand(bool update)
    {
        const Token &t = peek();
        NodePtr left;
        if (t.type == Token::ValueRef) {
            left = valueRef();
        } else if (t.type == Token::Name && atSymbol("(", 1)) {
            const QString name = t.text.toLower();
            if (name == "size"_L1)
                left = function(name, 1);
            else if (update && (name == "if_not_exists"_L1 || name == "list_append"_L1))
                left = function(name, 2);
            else
                return fail(u"Invalid function name; function: %1"_s.arg(t.text)), nullptr;
        } else if (t.type == Token::Name || t.type == Token::NameRef) {
            left = path();
        } else {
            return syntaxError(t.type == Token::End ? u"<EOF>"_s : t.text, t.position), nullptr;
        }
        if (!left)
            return nullptr;
        if (update && (atSymbol("+") || atSymbol("-"))) {
            const QString op = next().text;
            NodePtr right = operand(false);
            if (right && right->type == ExprNode::Function && right->op == "size"_L1)
                return fail(u"The function is not allowed in an update expression; function: size"_s), nullptr;
            return right ? makeNode(ExprNode::Arithmetic, {left, right}, op) : nullptr;
        }
        return left;
    }

    NodePtr condition() { return leftAssociative("OR", ExprNode::Or, &Parser::conjunction); }

    NodePtr conjunction() { return leftAssociative("AND", ExprNode::And, &Parser::negation); }

    // operand (keyword operand)*, grouped from the left: a OR b OR c is (a OR b) OR c.
    NodePtr leftAssociative(const char *keyword, ExprNode::Type type, NodePtr (Parser::*operand)())
    {
        NodePtr left = (this->*operand)();
        while (left && atKeyword(keyword)) {
            ++mPos;
            NodePtr right = (this->*operand)();
            left = right ? makeNode(type, {left, right}) : nullptr;
        }
        return left;
    }

    // After an opening token: what parse reads, one level deeper; more than 64 levels
    // fail with tooDeep (a stack overflow is what a deeper expression would be).
    NodePtr nested(const QString &tooDeep, NodePtr (Parser::*parse)())
    {
        if (++mDepth > 64)
            return fail(tooDeep), nullptr;
        ++mPos;
        NodePtr inner = (this->*parse)();
        --mDepth;
        return inner;
    }

    NodePtr negation()
    {
        if (atKeyword("NOT")) {
            NodePtr inner = nested(u"The expression has too many nested operators"_s, &Parser::negation);
            return inner ? makeNode(ExprNode::Not, {inner}) : nullptr;
        }
        return primary();
    }

    NodePtr primary()
    {
        if (atSymbol("(")) {
            NodePtr inner = nested(u"The expression has too many nested parentheses"_s, &Parser::condition);
            return inner && expect(")") ? inner : nullptr;
        }
        const Token &t = peek();
        if (t.type == Token::Name && atSymbol("(", 1)) {
            const QString name = t.text.toLower();
            static const QStringList oneArgument = {u"attribute_exists"_s, u"attribute_not_exists"_s};
            static const QStringList twoArguments = {u"attribute_type"_s, u"begins_with"_s, u"contains"_s};
            if (oneArgument.contains(name))
                return function(name, 1);
            if (twoArguments.contains(name))
                return function(name, 2);
        }
        NodePtr left = operand(false);
        if (!left)
            return nullptr;
        if (peek().type == Token::Symbol
            && QStringList{u"="_s, u"<>"_s, u"<"_s, u"<="_s, u">"_s, u">="_s}.contains(peek().text)) {
            const QString op = next().text;
            NodePtr right = operand(false);
            return right ? makeNode(ExprNode::Compare, {left, right}, op) : nullptr;
        }
        if (atKeyword("BETWEEN")) {
            ++mPos;
            NodePtr low = operand(false);
            if (!low || !atKeyword("AND"))
                return low ? syntaxError(peek().text, peek().position), nullptr : nullptr;
            ++mPos;
            NodePtr high = operand(false);
            return high ? makeNode(ExprNode::Between, {left, low, high}) : nullptr;
        }
        if (atKeyword("IN")) {
            ++mPos;
            if (!expect("("))
                return nullptr;
            auto node = std::make_shared<ExprNode>();
            node->type = ExprNode::In;
            node->children.push_back(left);
            do {
                NodePtr candidate = operand(false);
                if (!candidate)
                    return nullptr;
                node->children.push_back(candidate);
            } while (atSymbol(",") && (++mPos, true));
            if (!expect(")"))
                return nullptr;
            return node;
        }
        return syntaxError(peek().type == Token::End ? u"<EOF>"_s : peek().text, peek().position), nullptr;
    }

private:
    QString mText;
    QString mWhat;
    DynamoExpression::Context &mContext;
    std::vector<Token> mTokens;
    size_t mPos = 0;
    int mDepth = 0; // nested parentheses and NOTs
    std::optional<DynamoError> mError;
};

// ---- evaluation ------------------------------------------------------------------

std::optional<QJsonValue> resolve(const ExprNode &path, const QJsonObject &item)
{
    QJsonValue current;
    bool first = true;
    for (const ExprNode::Segment &segment : path.segments) {
        if (first) {
            if (!item.contains(segment.name))
                return std::nullopt;
            current = item.value(segment.name);
            first = false;
            continue;
        }
        if (segment.index >= 0) {
            const QJsonArray list = current.toObject().value("L"_L1).toArray();
            if (DynamoValue::typeOf(current) != "L"_L1 || segment.index >= list.size())
                return std::nullopt;
            current = list.at(segment.index);
        } else {
            const QJsonObject map = current.toObject().value("M"_L1).toObject();
            if (DynamoValue::typeOf(current) != "M"_L1 || !map.contains(segment.name))
                return std::nullopt;
            current = map.value(segment.name);
        }
    }
    return current;
}

std::optional<QJsonValue> evaluate(const ExprNode &node, const QJsonObject &item, DynamoError *error = nullptr)
{
    switch (node.type) {
    case ExprNode::Path: return resolve(node, item);
    case ExprNode::Value: return node.value;
    case ExprNode::Function: {
        if (node.op == "size"_L1) {
            const auto v = resolve(*node.children[0], item);
            if (!v)
                return std::nullopt;
            const QString type = DynamoValue::typeOf(*v);
            const QJsonValue inner = v->toObject().value(type);
            qsizetype size = -1;
            if (type == "S"_L1)
                size = inner.toString().toUtf8().size();
            else if (type == "B"_L1)
                size = QByteArray::fromBase64(inner.toString().toLatin1()).size();
            else if (type == "M"_L1)
                size = inner.toObject().size();
            else if (inner.isArray())
                size = inner.toArray().size();
            if (size < 0)
                return std::nullopt;
            return QJsonValue(QJsonObject{{u"N"_s, QString::number(size)}});
        }
        if (node.op == "if_not_exists"_L1) {
            if (const auto v = resolve(*node.children[0], item))
                return v;
            return evaluate(*node.children[1], item, error);
        }
        if (node.op == "list_append"_L1) {
            const auto a = evaluate(*node.children[0], item, error), b = evaluate(*node.children[1], item, error);
            if (!a || !b || DynamoValue::typeOf(*a) != "L"_L1 || DynamoValue::typeOf(*b) != "L"_L1) {
                if (error)
                    *error = {u"ValidationException"_s,
                              u"An operand in the update expression has an incorrect data type"_s};
                return std::nullopt;
            }
            QJsonArray joined = a->toObject().value("L"_L1).toArray();
            for (const QJsonValue &v : b->toObject().value("L"_L1).toArray())
                joined.append(v);
            return QJsonValue(QJsonObject{{u"L"_s, joined}});
        }
        return std::nullopt;
    }
    case ExprNode::Arithmetic: {
        const auto a = evaluate(*node.children[0], item, error), b = evaluate(*node.children[1], item, error);
        if (!a || !b) {
            if (error && error->type.isEmpty())
                *error = {u"ValidationException"_s,
                          u"The provided expression refers to an attribute that does not exist in the item"_s};
            return std::nullopt;
        }
        if (DynamoValue::typeOf(*a) != "N"_L1 || DynamoValue::typeOf(*b) != "N"_L1) {
            if (error)
                *error = {u"ValidationException"_s,
                          u"An operand in the update expression has an incorrect data type"_s};
            return std::nullopt;
        }
        const auto sum = DynamoValue::addNumbers(a->toObject().value("N"_L1).toString(),
                                                 b->toObject().value("N"_L1).toString(), node.op == "-"_L1);
        if (!sum) {
            if (error)
                *error = {
                    u"ValidationException"_s,
                    u"Number overflow. Attempting to store a number with magnitude larger than supported range"_s};
            return std::nullopt;
        }
        return QJsonValue(QJsonObject{{u"N"_s, *sum}});
    }
    default: return std::nullopt;
    }
}

bool holds(const ExprNode &node, const QJsonObject &item)
{
    switch (node.type) {
    case ExprNode::And: return holds(*node.children[0], item) && holds(*node.children[1], item);
    case ExprNode::Or: return holds(*node.children[0], item) || holds(*node.children[1], item);
    case ExprNode::Not: return !holds(*node.children[0], item);
    case ExprNode::Compare: {
        const auto a = evaluate(*node.children[0], item), b = evaluate(*node.children[1], item);
        if (!a || !b)
            return false;
        if (node.op == "="_L1)
            return DynamoValue::equal(*a, *b);
        if (node.op == "<>"_L1)
            return !DynamoValue::equal(*a, *b);
        const auto c = DynamoValue::compare(*a, *b);
        if (!c)
            return false;
        if (node.op == "<"_L1)
            return *c < 0;
        if (node.op == "<="_L1)
            return *c <= 0;
        if (node.op == ">"_L1)
            return *c > 0;
        return *c >= 0;
    }
    case ExprNode::Between: {
        const auto a = evaluate(*node.children[0], item), low = evaluate(*node.children[1], item),
                   high = evaluate(*node.children[2], item);
        if (!a || !low || !high)
            return false;
        const auto c1 = DynamoValue::compare(*a, *low), c2 = DynamoValue::compare(*a, *high);
        return c1 && c2 && *c1 >= 0 && *c2 <= 0;
    }
    case ExprNode::In: {
        const auto a = evaluate(*node.children[0], item);
        if (!a)
            return false;
        for (size_t i = 1; i < node.children.size(); ++i)
            if (const auto c = evaluate(*node.children[i], item); c && DynamoValue::equal(*a, *c))
                return true;
        return false;
    }
    case ExprNode::Function: {
        const auto v = resolve(*node.children[0], item);
        if (node.op == "attribute_exists"_L1)
            return v.has_value();
        if (node.op == "attribute_not_exists"_L1)
            return !v.has_value();
        const auto argument = evaluate(*node.children[1], item);
        if (!v || !argument)
            return false;
        if (node.op == "attribute_type"_L1)
            return DynamoValue::typeOf(*v) == argument->toObject().value("S"_L1).toString();
        if (node.op == "begins_with"_L1) {
            const QString type = DynamoValue::typeOf(*v);
            if (type != DynamoValue::typeOf(*argument))
                return false;
            if (type == "S"_L1)
                return v->toObject().value(type).toString().startsWith(argument->toObject().value(type).toString());
            if (type == "B"_L1)
                return QByteArray::fromBase64(v->toObject().value(type).toString().toLatin1())
                    .startsWith(QByteArray::fromBase64(argument->toObject().value(type).toString().toLatin1()));
            return false;
        }
        if (node.op == "contains"_L1) {
            const QString type = DynamoValue::typeOf(*v);
            const QJsonValue inner = v->toObject().value(type);
            if (type == "S"_L1)
                return DynamoValue::typeOf(*argument) == "S"_L1
                       && inner.toString().contains(argument->toObject().value("S"_L1).toString());
            if (type == "SS"_L1 || type == "NS"_L1 || type == "BS"_L1) {
                const QString scalar = type.left(1);
                for (const QJsonValue &member : inner.toArray())
                    if (DynamoValue::equal(QJsonObject{{scalar, member}}, *argument))
                        return true;
                return false;
            }
            if (type == "L"_L1) {
                for (const QJsonValue &member : inner.toArray())
                    if (DynamoValue::equal(member, *argument))
                        return true;
            }
            return false;
        }
        return false;
    }
    default: return false;
    }
}

// Writes value at path (nullopt: removes it); false when the path's parent is missing.
bool assign(QJsonObject &item, const std::vector<ExprNode::Segment> &segments, size_t at,
            const std::optional<QJsonValue> &value)
{
    // Recursion over JSON containers held by value: read, change, write back.
    std::function<bool(QJsonValue &, size_t)> into = [&](QJsonValue &container, size_t i) -> bool {
        const ExprNode::Segment &segment = segments[i];
        const bool last = i + 1 == segments.size();
        if (segment.index >= 0) {
            if (DynamoValue::typeOf(container) != "L"_L1)
                return false;
            QJsonArray list = container.toObject().value("L"_L1).toArray();
            if (last) {
                if (value) {
                    if (segment.index < list.size())
                        list[segment.index] = *value;
                    else
                        list.append(*value);
                } else if (segment.index < list.size()) {
                    list.removeAt(segment.index);
                }
            } else {
                if (segment.index >= list.size())
                    return false;
                QJsonValue child = list.at(segment.index);
                if (!into(child, i + 1))
                    return false;
                list[segment.index] = child;
            }
            container = QJsonObject{{u"L"_s, list}};
            return true;
        }
        if (DynamoValue::typeOf(container) != "M"_L1)
            return false;
        QJsonObject map = container.toObject().value("M"_L1).toObject();
        if (last) {
            if (value)
                map.insert(segment.name, *value);
            else
                map.remove(segment.name);
        } else {
            if (!map.contains(segment.name))
                return false;
            QJsonValue child = map.value(segment.name);
            if (!into(child, i + 1))
                return false;
            map.insert(segment.name, child);
        }
        container = QJsonObject{{u"M"_s, map}};
        return true;
    };
    const QString top = segments[at].name;
    if (segments.size() == 1) {
        if (value)
            item.insert(top, *value);
        else
            item.remove(top);
        return true;
    }
    if (!item.contains(top))
        return false;
    QJsonValue child = item.value(top);
    if (!into(child, 1))
        return false;
    item.insert(top, child);
    return true;
}

} // namespace

// ---- DynamoExpression ------------------------------------------------------------

std::optional<DynamoExpression> DynamoExpression::parse(Kind kind, const QString &text, const QString &what,
                                                        Context &context, DynamoError *error)
{
    Parser parser(text, what, context);
    auto failed = [&]() -> std::optional<DynamoExpression> {
        *error = parser.error().value_or(DynamoError{u"ValidationException"_s, u"Invalid %1"_s.arg(what)});
        return std::nullopt;
    };
    if (text.trimmed().isEmpty()) {
        *error = {u"ValidationException"_s, u"Invalid %1: The expression can not be empty;"_s.arg(what)};
        return std::nullopt;
    }
    if (text.size() > 4096) {
        *error = {
            u"ValidationException"_s,
            u"Invalid %1: Expression size has exceeded the maximum allowed size; expression size: %2"_s.arg(what).arg(
                text.toUtf8().size())};
        return std::nullopt;
    }
    if (!parser.tokenize())
        return failed();
    DynamoExpression expression;
    if (kind == Kind::Condition) {
        expression.mRoot = parser.condition();
        if (!expression.mRoot || !parser.atEnd()) {
            if (expression.mRoot)
                parser.syntaxError(parser.peek().text, parser.peek().position);
            return failed();
        }
        return expression;
    }
    if (kind == Kind::Projection) {
        do {
            NodePtr path = parser.path();
            if (!path)
                return failed();
            expression.mPaths.push_back(path);
        } while (parser.atSymbol(",") && (parser.next(), true));
        if (!parser.atEnd()) {
            parser.syntaxError(parser.peek().text, parser.peek().position);
            return failed();
        }
        return expression;
    }
    // Update: clauses SET, REMOVE, ADD, DELETE, each at most once.
    QSet<QString> seen;
    while (!parser.atEnd()) {
        const Token clause = parser.next();
        const QString name = clause.text.toUpper();
        if (clause.type != Token::Name
            || !(name == "SET"_L1 || name == "REMOVE"_L1 || name == "ADD"_L1 || name == "DELETE"_L1)) {
            parser.syntaxError(clause.type == Token::End ? u"<EOF>"_s : clause.text, clause.position);
            return failed();
        }
        if (seen.contains(name)) {
            parser.fail(u"The \"%1\" section can only be used once in an update expression;"_s.arg(name));
            return failed();
        }
        seen.insert(name);
        do {
            Action action;
            action.type = name == "SET"_L1      ? Action::Set
                          : name == "REMOVE"_L1 ? Action::Remove
                          : name == "ADD"_L1    ? Action::Add
                                                : Action::Delete;
            action.path = parser.path();
            if (!action.path)
                return failed();
            if (action.type == Action::Set) {
                if (!parser.expect("="))
                    return failed();
                action.value = parser.operand(true);
            } else if (action.type != Action::Remove) {
                if (parser.peek().type != Token::ValueRef) {
                    parser.syntaxError(parser.peek().text, parser.peek().position);
                    return failed();
                }
                action.value = parser.valueRef();
            }
            if (action.type != Action::Remove && !action.value)
                return failed();
            expression.mActions.push_back(action);
        } while (parser.atSymbol(",") && (parser.next(), true));
    }
    // Two actions on one path, or one inside the other, are refused.
    for (size_t i = 0; i < expression.mActions.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            const auto &a = expression.mActions[i].path->segments, &b = expression.mActions[j].path->segments;
            const size_t n = std::min(a.size(), b.size());
            bool overlap = true;
            for (size_t k = 0; k < n && overlap; ++k)
                overlap = a[k].name == b[k].name && a[k].index == b[k].index;
            if (overlap) {
                *error = {u"ValidationException"_s,
                          QStringLiteral("Invalid %1: Two document paths overlap with each other; must remove or "
                                         "rewrite one of these paths; path one: [%2], path two: [%3]")
                              .arg(what, a[0].name, b[0].name)};
                return std::nullopt;
            }
        }
    }
    return expression;
}

bool DynamoExpression::matches(const QJsonObject &item) const
{
    return !mRoot || holds(*mRoot, item);
}

bool DynamoExpression::apply(QJsonObject &item, DynamoError *error) const
{
    // Every value is taken from the item as it was before the update.
    const QJsonObject before = item;
    std::vector<std::optional<QJsonValue>> values;
    for (const Action &action : mActions) {
        if (action.type == Action::Set) {
            DynamoError problem;
            values.push_back(evaluate(*action.value, before, &problem));
            if (!values.back()) {
                *error = problem.type.isEmpty()
                             ? DynamoError{u"ValidationException"_s,
                                           QStringLiteral("The provided expression refers to an attribute that does "
                                                          "not exist in the item")}
                             : problem;
                return false;
            }
        } else {
            values.push_back(action.value ? std::optional<QJsonValue>(action.value->value) : std::nullopt);
        }
    }
    auto invalidPath = [&] {
        *error = {u"ValidationException"_s,
                  u"The document path provided in the update expression is invalid for update"_s};
        return false;
    };
    // Removals from one list go from the highest index down, so indexes stay true.
    std::vector<size_t> order(mActions.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Action &x = mActions[a], &y = mActions[b];
        if (x.type != Action::Remove || y.type != Action::Remove)
            return false;
        return x.path->segments.back().index > y.path->segments.back().index;
    });
    for (size_t i : order) {
        const Action &action = mActions[i];
        const auto &segments = action.path->segments;
        switch (action.type) {
        case Action::Set:
            if (!assign(item, segments, 0, values[i]))
                return invalidPath();
            break;
        case Action::Remove:
            if (resolve(*action.path, item) && !assign(item, segments, 0, std::nullopt))
                return invalidPath();
            break;
        case Action::Add:
        case Action::Delete: {
            const QJsonValue operand = *values[i];
            const QString type = DynamoValue::typeOf(operand);
            const auto current = resolve(*action.path, item);
            const bool isSet = type == "SS"_L1 || type == "NS"_L1 || type == "BS"_L1;
            if (action.type == Action::Add && type == "N"_L1) {
                if (current && DynamoValue::typeOf(*current) != "N"_L1) {
                    *error = {u"ValidationException"_s,
                              u"An operand in the update expression has an incorrect data type"_s};
                    return false;
                }
                const QString base = current ? current->toObject().value("N"_L1).toString() : u"0"_s;
                const auto sum = DynamoValue::addNumbers(base, operand.toObject().value("N"_L1).toString());
                if (!sum || !assign(item, segments, 0, QJsonValue(QJsonObject{{u"N"_s, *sum}})))
                    return invalidPath();
                break;
            }
            if (!isSet || (current && DynamoValue::typeOf(*current) != type)) {
                *error = {u"ValidationException"_s,
                          u"An operand in the update expression has an incorrect data type"_s};
                return false;
            }
            const QString scalar = type.left(1);
            QJsonArray members = current ? current->toObject().value(type).toArray() : QJsonArray();
            for (const QJsonValue &member : operand.toObject().value(type).toArray()) {
                const auto found = std::find_if(members.begin(), members.end(), [&](const QJsonValue &m) {
                    return DynamoValue::equal(QJsonObject{{scalar, m}}, QJsonObject{{scalar, member}});
                });
                if (action.type == Action::Add && found == members.end())
                    members.append(member);
                else if (action.type == Action::Delete && found != members.end())
                    members.erase(found);
            }
            const std::optional<QJsonValue> result = members.isEmpty()
                                                         ? std::nullopt
                                                         : std::optional<QJsonValue>(QJsonObject{{type, members}});
            if (!current && !result)
                break;
            if (!assign(item, segments, 0, result))
                return invalidPath();
            break;
        }
        }
    }
    return true;
}

QJsonObject DynamoExpression::project(const QJsonObject &item) const
{
    if (mPaths.empty())
        return item;
    QJsonObject result;
    for (const NodePtr &path : mPaths) {
        const auto value = resolve(*path, item);
        if (!value)
            continue;
        // Rebuild the path's containers: maps stay maps, list elements gather in order.
        const auto &segments = path->segments;
        if (segments.size() == 1) {
            result.insert(segments[0].name, *value);
            continue;
        }
        std::function<QJsonValue(const QJsonValue &, const QJsonValue &, size_t)> build =
            [&](const QJsonValue &source, const QJsonValue &existing, size_t i) -> QJsonValue {
            if (i == segments.size())
                return *value;
            const ExprNode::Segment &segment = segments[i];
            if (segment.index >= 0) {
                QJsonArray list = existing.toObject().value("L"_L1).toArray();
                const QJsonValue child = source.toObject().value("L"_L1).toArray().at(segment.index);
                list.append(build(child, QJsonValue(), i + 1));
                return QJsonObject{{u"L"_s, list}};
            }
            QJsonObject map = existing.toObject().value("M"_L1).toObject();
            const QJsonValue child = source.toObject().value("M"_L1).toObject().value(segment.name);
            map.insert(segment.name, build(child, map.value(segment.name), i + 1));
            return QJsonObject{{u"M"_s, map}};
        };
        const QString top = segments[0].name;
        result.insert(top, build(item.value(top), result.value(top), 1));
    }
    return result;
}

QStringList DynamoExpression::touchedAttributes() const
{
    QStringList names;
    for (const Action &action : mActions)
        if (!names.contains(action.path->segments.front().name))
            names.append(action.path->segments.front().name);
    return names;
}

std::optional<QJsonValue> DynamoExpression::equalityOn(const QString &attribute) const
{
    std::function<std::optional<QJsonValue>(const Node &)> find = [&](const Node &node) -> std::optional<QJsonValue> {
        if (node.type == Node::And) {
            if (auto v = find(*node.children[0]))
                return v;
            return find(*node.children[1]);
        }
        if (node.type == Node::Compare && node.op == "="_L1) {
            const Node &a = *node.children[0], &b = *node.children[1];
            if (a.type == Node::Path && a.segments.size() == 1 && a.segments[0].name == attribute
                && b.type == Node::Value)
                return b.value;
            if (b.type == Node::Path && b.segments.size() == 1 && b.segments[0].name == attribute
                && a.type == Node::Value)
                return a.value;
        }
        return std::nullopt;
    };
    return mRoot ? find(*mRoot) : std::nullopt;
}

QStringList DynamoExpression::attributes() const
{
    QStringList names;
    std::function<void(const Node &)> walk = [&](const Node &node) {
        if (node.type == Node::Path && !names.contains(node.segments.front().name))
            names.append(node.segments.front().name);
        for (const auto &child : node.children)
            walk(*child);
    };
    if (mRoot)
        walk(*mRoot);
    return names;
}

} // namespace Nimbus
