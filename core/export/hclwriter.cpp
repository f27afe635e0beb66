#include "hclwriter.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// An object key written bare must be an identifier; any other is quoted, so that a
// key never ends the object or starts an expression.
bool isIdentifier(const QString &key)
{
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_-]*$"_s);
    return identifier.match(key).hasMatch();
}

QString quote(const QString &text, bool escapeTemplates)
{
    QString result = u"\""_s;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == '"'_L1 || c == '\\'_L1) {
            result += '\\'_L1;
            result += c;
        } else if (c == '\n'_L1) {
            result += "\\n"_L1;
        } else if (c == '\t'_L1) {
            result += "\\t"_L1;
        } else if (c == '\r'_L1) {
            result += "\\r"_L1;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            result += u"\\u%1"_s.arg(c.unicode(), 4, 16, '0'_L1);
        } else if (escapeTemplates && (c == '$'_L1 || c == '%'_L1) && i + 1 < text.size() && text.at(i + 1) == '{'_L1) {
            result += c;
            result += c;
        } else {
            result += c;
        }
    }
    return result + '"'_L1;
}
} // namespace

HclValue HclValue::string(const QString &text)
{
    HclValue v;
    v.mRaw = quote(text, true);
    return v;
}

HclValue HclValue::templateString(const QString &text)
{
    HclValue v;
    v.mRaw = quote(text, false);
    return v;
}

QString HclValue::literal(const QString &text)
{
    QString result;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        result += c;
        if ((c == '$'_L1 || c == '%'_L1) && i + 1 < text.size() && text.at(i + 1) == '{'_L1)
            result += c;
    }
    return result;
}

HclValue HclValue::expression(const QString &text)
{
    HclValue v;
    v.mRaw = text;
    return v;
}

HclValue HclValue::number(qint64 value)
{
    return expression(QString::number(value));
}

HclValue HclValue::boolean(bool value)
{
    return expression(value ? u"true"_s : u"false"_s);
}

HclValue HclValue::list(const QList<HclValue> &items)
{
    HclValue v;
    v.mKind = Kind::List;
    v.mItems = items;
    return v;
}

HclValue HclValue::stringList(const QStringList &items)
{
    QList<HclValue> values;
    for (const QString &item : items)
        values.append(string(item));
    return list(values);
}

HclValue HclValue::object(const QList<QPair<QString, HclValue>> &members)
{
    HclValue v;
    v.mKind = Kind::Object;
    v.mMembers = members;
    return v;
}

QByteArray HclValue::write(int indent) const
{
    switch (mKind) {
    case Kind::Raw: return mRaw.toUtf8();
    case Kind::List: {
        bool simple = true;
        for (const HclValue &item : mItems)
            simple = simple && item.mKind == Kind::Raw;
        QByteArray out = "[";
        if (simple) {
            for (int i = 0; i < mItems.size(); ++i)
                out += (i ? ", " : "") + mItems.at(i).write(indent);
            return out + "]";
        }
        const QByteArray pad(2 * (indent + 1), ' ');
        out += '\n';
        for (const HclValue &item : mItems)
            out += pad + item.write(indent + 1) + ",\n";
        return out + QByteArray(2 * indent, ' ') + "]";
    }
    case Kind::Object: {
        if (mMembers.isEmpty())
            return "{}";
        int width = 0;
        QStringList keys;
        for (const auto &member : mMembers) {
            keys.append(isIdentifier(member.first) ? member.first : quote(member.first, true));
            width = std::max(width, int(keys.last().size()));
        }
        const QByteArray pad(2 * (indent + 1), ' ');
        QByteArray out = "{\n";
        for (int i = 0; i < mMembers.size(); ++i)
            out += pad + keys.at(i).leftJustified(width).toUtf8() + " = " + mMembers.at(i).second.write(indent + 1)
                   + '\n';
        return out + QByteArray(2 * indent, ' ') + "}";
    }
    }
    return {};
}

void HclWriter::beginBlock(const QString &type, const QStringList &labels)
{
    flushAttributes();
    if (mDepth == 0 && mBlockClosedAtTop)
        mText += '\n';
    QByteArray line = QByteArray(2 * mDepth, ' ') + type.toUtf8();
    for (const QString &label : labels)
        line += ' ' + quote(label, true).toUtf8();
    mText += line + " {\n";
    ++mDepth;
}

void HclWriter::endBlock()
{
    flushAttributes();
    --mDepth;
    mText += QByteArray(2 * mDepth, ' ') + "}\n";
    if (mDepth == 0)
        mBlockClosedAtTop = true;
}

void HclWriter::attribute(const QString &name, const HclValue &value)
{
    mPending.append({name, value});
}

void HclWriter::comment(const QString &text)
{
    flushAttributes();
    if (mDepth == 0 && mBlockClosedAtTop) {
        mText += '\n';
        mBlockClosedAtTop = false;
    }
    for (const QString &line : text.split('\n'_L1))
        mText += QByteArray(2 * mDepth, ' ') + "# " + line.toUtf8() + '\n';
}

void HclWriter::flushAttributes()
{
    int width = 0;
    for (const auto &attribute : mPending)
        width = std::max(width, int(attribute.first.size()));
    for (const auto &attribute : mPending)
        mText += QByteArray(2 * mDepth, ' ') + attribute.first.leftJustified(width).toUtf8() + " = "
                 + attribute.second.write(mDepth) + '\n';
    mPending.clear();
}

QByteArray HclWriter::text() const
{
    HclWriter copy = *this;
    copy.flushAttributes();
    return copy.mText;
}

} // namespace Nimbus
