#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace Nimbus {

// YAML through yaml-cpp, with what exporters and importers need on top: a loader that
// refuses hostile input before it costs memory, errors that say file:line:column, an
// emitter that keeps CloudFormation's short-form tags (!Ref, !GetAtt ...) and quotes
// strings that would otherwise read back as numbers, booleans or dates.
class Yaml
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::Yaml)

public:
    struct Limits
    {
        qint64 maxBytes = 8 * 1024 * 1024;
        int maxDepth = 64; // nested collections
        int maxValues = 500000; // values reached from the root, aliases followed
    };

    // Parses one document; an error says "fileName:line:column: message".
    static Result<YAML::Node> load(const QByteArray &text, const QString &fileName, const Limits &limits);
    static Result<YAML::Node> load(const QByteArray &text, const QString &fileName)
    {
        return load(text, fileName, Limits());
    }

    // The document as block YAML, ending with a newline. Deterministic: mappings keep
    // their insertion order.
    static QByteArray dump(const YAML::Node &node);
    // Several documents separated by "---".
    static QByteArray dumpAll(const QList<YAML::Node> &documents);

    // A string scalar: written quoted when plain it would read as another type.
    static YAML::Node string(const QString &value);
    static YAML::Node string(const char *value) { return string(QString::fromUtf8(value)); }
    // A number or boolean scalar, written plain.
    static YAML::Node number(qint64 value);
    static YAML::Node boolean(bool value);
    // A value with a local tag: tagged("Ref", string("Bucket")) is "!Ref Bucket".
    static YAML::Node tagged(const char *tag, YAML::Node value);
    static YAML::Node sequence(const QStringList &values);
    static YAML::Node flowSequence(const QStringList &values);

    // The value of key in a mapping without adding it (yaml-cpp's operator[] on a
    // non-const node inserts). Invalid node when absent.
    static YAML::Node child(const YAML::Node &map, const std::string &key);
    static bool has(const YAML::Node &map, const std::string &key) { return child(map, key).IsDefined(); }
    static QString text(const YAML::Node &scalar);
    // Whether two values would be written identically (tags included).
    static bool equal(const YAML::Node &a, const YAML::Node &b);
    // A deep copy (yaml-cpp nodes share by reference).
    static YAML::Node clone(const YAML::Node &node);

    // Whether a plain scalar with this text would read as something else than a string.
    static bool readsAsNonString(const std::string &text);
};

} // namespace Nimbus
