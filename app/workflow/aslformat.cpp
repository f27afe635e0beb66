#include "aslformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Nimbus::AslFormat {

namespace {

enum class Shape { Machine, State, Rule, Other };

const QStringList &orderOf(Shape shape)
{
    static const QStringList machine = {u"Comment"_s, u"QueryLanguage"_s,   u"StartAt"_s, u"TimeoutSeconds"_s,
                                        u"Version"_s, u"ProcessorConfig"_s, u"States"_s};
    static const QStringList state = {u"Type"_s,
                                      u"Comment"_s,
                                      u"QueryLanguage"_s,
                                      u"Resource"_s,
                                      u"InputPath"_s,
                                      u"ItemsPath"_s,
                                      u"ItemReader"_s,
                                      u"MaxConcurrency"_s,
                                      u"ItemSelector"_s,
                                      u"Parameters"_s,
                                      u"Arguments"_s,
                                      u"Seconds"_s,
                                      u"SecondsPath"_s,
                                      u"Timestamp"_s,
                                      u"TimestampPath"_s,
                                      u"Branches"_s,
                                      u"ItemProcessor"_s,
                                      u"Iterator"_s,
                                      u"Result"_s,
                                      u"ResultSelector"_s,
                                      u"ResultPath"_s,
                                      u"OutputPath"_s,
                                      u"Output"_s,
                                      u"Error"_s,
                                      u"ErrorPath"_s,
                                      u"Cause"_s,
                                      u"CausePath"_s,
                                      u"TimeoutSeconds"_s,
                                      u"HeartbeatSeconds"_s,
                                      u"Choices"_s,
                                      u"Retry"_s,
                                      u"Catch"_s,
                                      u"Default"_s,
                                      u"Next"_s,
                                      u"End"_s};
    static const QStringList rule = {
        u"Variable"_s,       u"Condition"_s,       u"And"_s,         u"Or"_s,          u"Not"_s,
        u"ErrorEquals"_s,    u"IntervalSeconds"_s, u"MaxAttempts"_s, u"BackoffRate"_s, u"MaxDelaySeconds"_s,
        u"JitterStrategy"_s, u"ResultPath"_s,      u"Comment"_s,     u"Next"_s};
    static const QStringList none;
    switch (shape) {
    case Shape::Machine: return machine;
    case Shape::State: return state;
    case Shape::Rule: return rule;
    case Shape::Other: return none;
    }
    return none;
}

QStringList orderedKeys(const QJsonObject &object, Shape shape)
{
    QStringList keys;
    const QStringList &order = orderOf(shape);
    QStringList rest = object.keys(); // sorted
    for (const QString &key : order) {
        if (object.contains(key)) {
            keys.append(key);
            rest.removeOne(key);
        }
    }
    // A rule's Next closes it, after the comparison's operator.
    if (shape == Shape::Rule && keys.contains("Next"_L1)) {
        keys.removeOne(u"Next"_s);
        return keys + rest + QStringList{u"Next"_s};
    }
    return keys + rest;
}

// What the value of key inside an object of shape holds.
Shape childShape(Shape parent, const QString &key)
{
    if (parent == Shape::Machine && key == "States"_L1)
        return Shape::Other; // the States map: each value is a state (see writeValue)
    if (parent == Shape::State) {
        if (key == "Branches"_L1 || key == "ItemProcessor"_L1 || key == "Iterator"_L1)
            return Shape::Machine;
        if (key == "Choices"_L1 || key == "Retry"_L1 || key == "Catch"_L1)
            return Shape::Rule;
    }
    if (parent == Shape::Rule && (key == "And"_L1 || key == "Or"_L1 || key == "Not"_L1))
        return Shape::Rule;
    return Shape::Other;
}

QByteArray scalar(const QJsonValue &value)
{
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

void writeValue(QByteArray &out, const QJsonValue &value, Shape shape, int depth, bool statesMap = false);

void writeObject(QByteArray &out, const QJsonObject &object, Shape shape, int depth, bool statesMap)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    const QByteArray indent((depth + 1) * 2, ' ');
    out += "{\n";
    const QStringList keys = statesMap ? object.keys() : orderedKeys(object, shape);
    for (int i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        out += indent + scalar(key) + ": ";
        if (statesMap)
            writeValue(out, object.value(key), Shape::State, depth + 1);
        else
            writeValue(out, object.value(key), childShape(shape, key), depth + 1,
                       shape == Shape::Machine && key == "States"_L1);
        out += i + 1 < keys.size() ? ",\n" : "\n";
    }
    out += QByteArray(depth * 2, ' ') + '}';
}

void writeValue(QByteArray &out, const QJsonValue &value, Shape shape, int depth, bool statesMap)
{
    if (value.isObject()) {
        writeObject(out, value.toObject(), shape, depth, statesMap);
        return;
    }
    if (!value.isArray()) {
        out += scalar(value);
        return;
    }
    const QJsonArray array = value.toArray();
    const bool simple = std::all_of(array.begin(), array.end(),
                                    [](const QJsonValue &v) { return !v.isObject() && !v.isArray(); });
    if (array.isEmpty() || (simple && array.size() <= 8)) {
        // Short lists of names ("ErrorEquals": ["States.ALL"]) stay on one line.
        QByteArrayList items;
        for (const QJsonValue &v : array)
            items.append(scalar(v));
        out += '[' + items.join(", ") + ']';
        return;
    }
    const QByteArray indent((depth + 1) * 2, ' ');
    out += "[\n";
    for (qsizetype i = 0; i < array.size(); ++i) {
        out += indent;
        writeValue(out, array.at(i), shape, depth + 1);
        out += i + 1 < array.size() ? ",\n" : "\n";
    }
    out += QByteArray(depth * 2, ' ') + ']';
}

} // namespace

QByteArray writeState(const QJsonObject &state)
{
    QByteArray out;
    writeObject(out, state, Shape::State, 0, false);
    out += '\n';
    return out;
}

QByteArray write(const QJsonObject &definition)
{
    QByteArray out;
    writeObject(out, definition, Shape::Machine, 0, false);
    out += '\n';
    return out;
}

} // namespace Nimbus::AslFormat
