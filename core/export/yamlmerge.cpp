#include "yamlmerge.h"

#include "yaml.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus::YamlMerge {

namespace {

QList<std::string> keysOf(const YAML::Node &map)
{
    QList<std::string> keys;
    if (map.IsMap())
        for (auto it = map.begin(); it != map.end(); ++it)
            keys.append(it->first.IsScalar() ? it->first.Scalar() : Yaml::dump(it->first).trimmed().toStdString());
    return keys;
}

// The entries of generated that original lacks, in generated's order: new on the canvas,
// unless baseline holds them as they are (the importer's default, absent from the original).
QList<std::pair<std::string, YAML::Node>> addedEntries(const YAML::Node &original, const YAML::Node &baseline,
                                                       const YAML::Node &generated)
{
    QList<std::pair<std::string, YAML::Node>> added;
    if (!generated.IsMap())
        return added;
    const QList<std::string> originalKeys = keysOf(original);
    for (auto it = generated.begin(); it != generated.end(); ++it) {
        const std::string key = it->first.Scalar();
        if (originalKeys.contains(key))
            continue;
        const YAML::Node bv = Yaml::child(baseline, key);
        if (bv.IsDefined() && Yaml::equal(bv, it->second))
            continue;
        added.append({key, it->second});
    }
    return added;
}

struct Edit
{
    int start = 0; // first line replaced
    int end = 0; // one past the last; start == end inserts before start
    QByteArray text;
};

class TextMerger
{
public:
    explicit TextMerger(const QByteArray &text)
    {
        mLines = text.split('\n');
        // A final newline leaves an empty last piece that is not a line.
        if (!mLines.isEmpty() && mLines.last().isEmpty())
            mLines.removeLast();
        mEndsWithNewline = text.endsWith('\n');
    }

    QByteArray run(const YAML::Node &o, const YAML::Node &b, const YAML::Node &g)
    {
        mergeMapping(o, b, g, int(mLines.size()));
        std::sort(mEdits.begin(), mEdits.end(),
                  [](const Edit &x, const Edit &y) { return x.start != y.start ? x.start > y.start : x.end > y.end; });
        QList<QByteArray> lines = mLines;
        for (const Edit &edit : mEdits) {
            lines.remove(edit.start, edit.end - edit.start);
            QList<QByteArray> added = edit.text.split('\n');
            if (!added.isEmpty() && added.last().isEmpty())
                added.removeLast();
            for (int i = 0; i < added.size(); ++i)
                lines.insert(edit.start + i, added.at(i));
        }
        QByteArray result = lines.join('\n');
        if (mEndsWithNewline || !mEdits.isEmpty())
            result.append('\n');
        return result;
    }

private:
    static bool isBlockMap(const YAML::Node &node)
    {
        return node.IsMap() && node.size() > 0 && node.Style() != YAML::EmitterStyle::Flow;
    }

    bool isContent(int line) const
    {
        const QByteArray trimmed = mLines.at(line).trimmed();
        return !trimmed.isEmpty() && !trimmed.startsWith('#');
    }

    static QByteArray entryText(const std::string &key, const YAML::Node &value, int indent)
    {
        YAML::Node map(YAML::NodeType::Map);
        map[key] = value;
        const QByteArray emitted = Yaml::dump(map);
        QByteArray result;
        const QByteArray pad(indent, ' ');
        for (const QByteArray &line : emitted.split('\n')) {
            if (line.isEmpty())
                continue;
            result += pad + line + '\n';
        }
        return result;
    }

    // o is a block mapping spanning lines up to mapEnd (exclusive).
    void mergeMapping(const YAML::Node &o, const YAML::Node &b, const YAML::Node &g, int mapEnd)
    {
        struct Entry
        {
            std::string key;
            YAML::Node value;
            int line;
            int indent;
        };
        QList<Entry> entries;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it->first.IsScalar())
                continue;
            entries.append({it->first.Scalar(), it->second, int(it->first.Mark().line), int(it->first.Mark().column)});
        }
        if (entries.isEmpty())
            return;
        const int indent = entries.first().indent;
        int insertAt = entries.first().line;
        for (int i = 0; i < entries.size(); ++i) {
            const Entry &entry = entries.at(i);
            const int rawEnd = i + 1 < entries.size() ? entries.at(i + 1).line : mapEnd;
            int contentEnd = entry.line + 1;
            for (int line = entry.line + 1; line < rawEnd && line < mLines.size(); ++line)
                if (isContent(line))
                    contentEnd = line + 1;
            insertAt = std::max(insertAt, contentEnd);

            const YAML::Node bv = Yaml::child(b, entry.key);
            const YAML::Node gv = Yaml::child(g, entry.key);
            if (!bv.IsDefined() && !gv.IsDefined())
                continue; // never modelled: kept as written
            if (bv.IsDefined() && !gv.IsDefined()) {
                mEdits.append({entry.line, contentEnd, {}}); // removed on the canvas
                continue;
            }
            if (Yaml::equal(bv, gv))
                continue; // unchanged on the canvas
            // Down to the entries that changed, so that the untouched ones around them
            // keep their comments and quoting.
            if (bv.IsMap() && gv.IsMap() && isBlockMap(entry.value)) {
                mergeMapping(entry.value, bv, gv, contentEnd);
                continue;
            }
            mEdits.append({entry.line, contentEnd, entryText(entry.key, merge3(entry.value, bv, gv), indent)});
        }
        // Entries new on the canvas go after the last one.
        QByteArray added;
        for (const auto &[key, value] : addedEntries(o, b, g))
            added += entryText(key, value, indent);
        if (!added.isEmpty())
            mEdits.append({insertAt, insertAt, added});
    }

    QList<QByteArray> mLines;
    bool mEndsWithNewline = true;
    QList<Edit> mEdits;
};

} // namespace

YAML::Node merge3(const YAML::Node &original, const YAML::Node &baseline, const YAML::Node &generated)
{
    if (Yaml::equal(baseline, generated))
        return original.IsDefined() ? Yaml::clone(original) : Yaml::clone(generated);
    if (!(original.IsMap() && baseline.IsMap() && generated.IsMap()))
        return Yaml::clone(generated);

    YAML::Node result(YAML::NodeType::Map);
    for (auto it = original.begin(); it != original.end(); ++it) {
        if (!it->first.IsScalar()) {
            result[Yaml::clone(it->first)] = Yaml::clone(it->second);
            continue;
        }
        const std::string &key = it->first.Scalar();
        const YAML::Node bv = Yaml::child(baseline, key);
        const YAML::Node gv = Yaml::child(generated, key);
        if (!bv.IsDefined() && !gv.IsDefined())
            result[key] = Yaml::clone(it->second);
        else if (bv.IsDefined() && !gv.IsDefined())
            continue;
        else
            result[key] = merge3(it->second, bv, gv);
    }
    for (const auto &[key, value] : addedEntries(original, baseline, generated))
        result[key] = Yaml::clone(value);
    return result;
}

Result<QByteArray> mergeWithOrigin(const QJsonObject &origin, const YAML::Node &generated)
{
    const QByteArray originalText = origin.value("text"_L1).toString().toUtf8();
    if (originalText.isEmpty())
        return Yaml::dump(generated);
    const QString file = origin.value("file"_L1).toString();
    const Result<YAML::Node> original = Yaml::load(originalText, file);
    if (!original)
        return original.error();
    const Result<YAML::Node> baseline = Yaml::load(origin.value("baseline"_L1).toString().toUtf8(), file);
    if (!baseline)
        return baseline.error();
    return mergeText(originalText, *original, *baseline, generated);
}

QByteArray mergeText(const QByteArray &originalText, const YAML::Node &original, const YAML::Node &baseline,
                     const YAML::Node &generated)
{
    if (!(original.IsMap() && original.Style() != YAML::EmitterStyle::Flow))
        return Yaml::dump(merge3(original, baseline, generated));
    return TextMerger(originalText).run(original, baseline, generated);
}

} // namespace Nimbus::YamlMerge
