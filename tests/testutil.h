#pragma once

// Helpers shared by the tests: build projects from compact JSON, read files.

#include "document/project.h"
#include "model/catalog.h"
#include "storage/jsoninterchange.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUndoStack>

namespace NimbusTest {

// Copies a folder and everything in it (a fixture into a test's temporary folder).
inline bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &entry : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir() ? !copyTree(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

// Builds a project from nodes [name, kind, {properties}] and edges [from, to, type].
inline bool fillProject(Nimbus::Project &project, const QJsonArray &nodes, const QJsonArray &edges)
{
    QJsonArray nodeObjects;
    for (const QJsonValue &n : nodes) {
        const QJsonArray a = n.toArray();
        const Nimbus::NodeKind *kind = project.catalog().kind(a.at(1).toString());
        QJsonObject props = kind ? kind->defaultProperties(a.at(0).toString()) : QJsonObject();
        const QJsonObject overrides = a.at(2).toObject();
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            props.insert(it.key(), it.value());
        nodeObjects.append(QJsonObject{{QStringLiteral("name"), a.at(0)},
                                       {QStringLiteral("kind"), a.at(1)},
                                       {QStringLiteral("properties"), props}});
    }
    QJsonArray edgeObjects;
    for (const QJsonValue &e : edges) {
        const QJsonArray a = e.toArray();
        edgeObjects.append(QJsonObject{
            {QStringLiteral("from"), a.at(0)}, {QStringLiteral("to"), a.at(1)}, {QStringLiteral("type"), a.at(2)}});
    }
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("nimbus-project")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("nodes"), nodeObjects},
                           {QStringLiteral("edges"), edgeObjects}};
    Nimbus::JsonInterchange reader;
    if (const Nimbus::Result<void> read = reader.read(QJsonDocument(root).toJson(), QStringLiteral("test")); !read) {
        qWarning("%s", qPrintable(read.errorMessage()));
        return false;
    }
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    project.undoStack()->clear();
    return true;
}

inline QJsonArray parseArray(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Loads the bundled example (resources/examples/shop) into a project.
inline bool loadExample(Nimbus::Project &project)
{
    Nimbus::JsonInterchange reader;
    if (!reader.read(readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json")),
                     QStringLiteral("shop")))
        return false;
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    return true;
}

} // namespace NimbusTest
