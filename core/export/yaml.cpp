#include "yaml.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <sstream>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Counts the values reachable from node, following aliases as often as they are used,
// and stops at the limits: a "billion laughs" document is a few lines that alias
// their way to billions of values, and a deep one overflows every recursive walk.
bool withinLimits(const YAML::Node &node, int depth, const Yaml::Limits &limits, qint64 *count)
{
    if (++*count > limits.maxValues || depth > limits.maxDepth)
        return false;
    if (node.IsSequence() || node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (node.IsMap()) {
                if (!withinLimits(it->first, depth + 1, limits, count)
                    || !withinLimits(it->second, depth + 1, limits, count))
                    return false;
            } else if (!withinLimits(*it, depth + 1, limits, count)) {
                return false;
            }
        }
    }
    return true;
}

// Nesting of flow collections and indentation steps, read from the text before
// yaml-cpp sees it (its parser recurses once per level).
int textDepth(const QByteArray &text)
{
    int flow = 0;
    int deepest = 0;
    char quote = 0;
    bool comment = false;
    bool escaped = false;
    for (char c : text) {
        if (c == '\n') {
            comment = false;
            if (quote == '\'')
                continue;
        }
        if (comment)
            continue;
        if (quote) {
            if (escaped)
                escaped = false;
            else if (quote == '"' && c == '\\')
                escaped = true;
            else if (c == quote)
                quote = 0;
            continue;
        }
        switch (c) {
        case '#': comment = true; break;
        case '"':
        case '\'': quote = c; break;
        case '[':
        case '{': deepest = std::max(deepest, ++flow); break;
        case ']':
        case '}': flow = std::max(0, flow - 1); break;
        default: break;
        }
    }
    return deepest;
}

QString where(const QString &fileName, const YAML::Mark &mark)
{
    if (mark.is_null())
        return fileName;
    return u"%1:%2:%3"_s.arg(fileName).arg(mark.line + 1).arg(mark.column + 1);
}

// Characters that YAML reads as line breaks or that a plain or block scalar cannot
// hold: C0 controls (but tab), DEL, C1 controls (NEL among them), the Unicode line and
// paragraph separators, and the byte order mark.
bool needsEscapes(const std::string &value)
{
    for (const QChar c : QString::fromStdString(value)) {
        const ushort u = c.unicode();
        if ((u < 0x20 && u != '\t') || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 || u == 0xfeff)
            return true;
    }
    return false;
}

// Whether a literal block ("|") reads back as exactly value: one final line break
// (the block keeps one, no more, no less), a first line that does not start with a
// blank (yaml-cpp writes no indentation indicator), nothing to escape.
bool literalKeepsText(const std::string &value)
{
    if (value.empty() || value.back() != '\n' || (value.size() >= 2 && value[value.size() - 2] == '\n'))
        return false;
    if (value.front() == ' ' || value.front() == '\t' || value.front() == '\n')
        return false;
    std::string rest = value;
    rest.erase(std::remove(rest.begin(), rest.end(), '\n'), rest.end());
    return !needsEscapes(rest);
}

void emitNode(YAML::Emitter &out, const YAML::Node &node)
{
    const std::string &tag = node.Tag();
    if (!tag.empty() && tag != "?" && tag != "!") {
        if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!')
            out << YAML::LocalTag(tag.substr(1));
        else
            out << YAML::VerbatimTag(tag);
    }
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        // An empty value after a tag ("!Ref" alone) is written as nothing, not "~".
        if (tag.empty() || tag == "?" || tag == "!")
            out << YAML::Null;
        else
            out << "";
        break;
    case YAML::NodeType::Scalar: {
        const std::string &value = node.Scalar();
        if (value.find('\n') != std::string::npos && literalKeepsText(value)) {
            out << YAML::Literal << value;
        } else if (needsEscapes(value)) {
            // Every other parser must read back exactly this text: no raw line break,
            // control character or BOM that could end the scalar or change it.
            out << YAML::EscapeNonAscii << YAML::DoubleQuoted << value << YAML::EmitNonAscii;
        } else if (tag == "!" && (value.empty() || Yaml::readsAsNonString(value)))
            out << YAML::SingleQuoted << value;
        else
            out << value;
        break;
    }
    case YAML::NodeType::Sequence: {
        bool flow = node.Style() == YAML::EmitterStyle::Flow;
        for (auto it = node.begin(); flow && it != node.end(); ++it)
            flow = it->IsScalar();
        out << (flow ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
        for (auto it = node.begin(); it != node.end(); ++it)
            emitNode(out, *it);
        out << YAML::EndSeq;
        break;
    }
    case YAML::NodeType::Map:
        out << YAML::Block << YAML::BeginMap;
        for (auto it = node.begin(); it != node.end(); ++it) {
            out << YAML::Key;
            emitNode(out, it->first);
            out << YAML::Value;
            emitNode(out, it->second);
        }
        out << YAML::EndMap;
        break;
    }
}

} // namespace

Result<YAML::Node> Yaml::load(const QByteArray &text, const QString &fileName, const Limits &limits)
{
    if (text.size() > limits.maxBytes) {
        return fail(tr("%1: the file is %2 MB; documents over %3 MB are refused")
                        .arg(fileName)
                        .arg(double(text.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(limits.maxBytes / (1024 * 1024)));
    }
    if (textDepth(text) > limits.maxDepth) {
        return fail(tr("%1: collections are nested more than %2 levels deep; the document is refused")
                        .arg(fileName)
                        .arg(limits.maxDepth));
    }
    try {
        YAML::Node node = YAML::Load(text.toStdString());
        qint64 count = 0;
        if (!withinLimits(node, 0, limits, &count)) {
            return fail(count > limits.maxValues
                            ? tr("%1: the document expands to more than %2 values (aliases of aliases?); it is refused")
                                  .arg(fileName)
                                  .arg(limits.maxValues)
                            : tr("%1: values are nested more than %2 levels deep; the document is refused")
                                  .arg(fileName)
                                  .arg(limits.maxDepth));
        }
        return node;
    } catch (const YAML::DeepRecursion &e) {
        return fail(tr("%1: nested too deeply (%2 levels); the document is refused")
                        .arg(where(fileName, e.mark))
                        .arg(e.depth()));
    } catch (const YAML::Exception &e) {
        // yaml-cpp reads each half of a JSON surrogate pair ("\ud83c\udf89", as Python's
        // json.dump escapes characters beyond the BMP) as a code point of its own and refuses
        // it. Such a document is JSON: Qt's parser reads it, and its text again, with the
        // characters in UTF-8, is what yaml-cpp then reads.
        if (QString::fromStdString(e.msg).startsWith("invalid unicode"_L1)) {
            QJsonParseError error;
            const QJsonDocument json = QJsonDocument::fromJson(text, &error);
            // Qt writes its own text back unchanged, so a second refusal ends here (a lone
            // surrogate, which Qt keeps as it is, does not loop).
            const QByteArray again = json.toJson(QJsonDocument::Compact);
            if (error.error == QJsonParseError::NoError && !json.isNull() && again != text)
                return load(again, fileName, limits);
        }
        return fail(u"%1: %2"_s.arg(where(fileName, e.mark), QString::fromStdString(e.msg)));
    }
}

QByteArray Yaml::dump(const YAML::Node &node)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitNode(out, node);
    QByteArray result(out.c_str(), int(out.size()));
    if (!result.endsWith('\n'))
        result.append('\n');
    return result;
}

QByteArray Yaml::dumpAll(const QList<YAML::Node> &documents)
{
    QByteArray result;
    for (int i = 0; i < documents.size(); ++i) {
        if (i > 0)
            result.append("---\n");
        result.append(dump(documents.at(i)));
    }
    return result;
}

YAML::Node Yaml::string(const QString &value)
{
    YAML::Node node(value.toStdString());
    node.SetTag("!");
    return node;
}

YAML::Node Yaml::number(qint64 value)
{
    return YAML::Node(static_cast<long long>(value));
}

YAML::Node Yaml::boolean(bool value)
{
    return YAML::Node(value);
}

YAML::Node Yaml::tagged(const char *tag, YAML::Node value)
{
    value.SetTag(std::string("!") + tag);
    if (value.IsSequence())
        value.SetStyle(YAML::EmitterStyle::Flow);
    return value;
}

YAML::Node Yaml::sequence(const QStringList &values)
{
    YAML::Node node(YAML::NodeType::Sequence);
    for (const QString &value : values)
        node.push_back(string(value));
    return node;
}

YAML::Node Yaml::flowSequence(const QStringList &values)
{
    YAML::Node node = sequence(values);
    node.SetStyle(YAML::EmitterStyle::Flow);
    return node;
}

YAML::Node Yaml::child(const YAML::Node &map, const std::string &key)
{
    if (map.IsMap()) {
        for (auto it = map.begin(); it != map.end(); ++it)
            if (it->first.IsScalar() && it->first.Scalar() == key)
                return it->second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QString Yaml::text(const YAML::Node &scalar)
{
    return scalar.IsScalar() ? QString::fromStdString(scalar.Scalar()) : QString();
}

bool Yaml::equal(const YAML::Node &a, const YAML::Node &b)
{
    if (a.IsDefined() != b.IsDefined())
        return false;
    return !a.IsDefined() || dump(a) == dump(b);
}

YAML::Node Yaml::clone(const YAML::Node &node)
{
    return YAML::Clone(node);
}

bool Yaml::readsAsNonString(const std::string &text)
{
    // YAML 1.1 (PyYAML, js-yaml 3, cfn-lint) and 1.2 implicit types.
    static const QRegularExpression implicit(
        QStringLiteral("^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
                       "|on|On|ON|off|Off|OFF"
                       "|[-+]?(?:0|[1-9][0-9_]*)"
                       "|0[0-7_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+"
                       "|[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
                       "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
                       "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
                       "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"
                       "|=|<<)$"));
    return implicit.match(QString::fromStdString(text)).hasMatch();
}

} // namespace Nimbus
