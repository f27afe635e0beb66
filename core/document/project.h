#pragma once

#include "model/architecture.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointF>

#include <functional>

class QUndoCommand;
class QUndoStack;

namespace Nimbus {

class Catalog;

// One open project: its architecture, its undo stack, where it is saved, and the code
// files edited but not yet written. Every user edit goes through a command here.
class Project : public QObject
{
    Q_OBJECT

public:
    explicit Project(const Catalog &catalog, QObject *parent = nullptr);
    ~Project() override;

    const Catalog &catalog() const { return mCatalog; }
    Architecture &architecture() { return mArchitecture; }
    const Architecture &architecture() const { return mArchitecture; }
    QUndoStack *undoStack() const { return mUndoStack; }

    // The .nimbus file, empty for a project never saved.
    QString filePath() const { return mFilePath; }
    void setFilePath(const QString &path);
    // Folder that relative source paths start from: the project file's, or for a
    // project never saved its working folder (empty if it has none).
    QString directory() const;
    void setWorkingDirectory(const QString &directory) { mWorkingDirectory = directory; }
    QString displayName() const;

    bool isModified() const;
    // Called after a successful save: the current state is the saved one.
    void markSaved();

    // Edits. Each pushes one undo command, or returns the Error saying why it is refused.
    Result<NodeId> addNode(const QString &kindId, QPointF position, const QString &name = {});
    void removeItems(const QList<NodeId> &nodes, const QList<EdgeId> &edges = {});
    void moveNodes(const QHash<NodeId, QPointF> &positions, bool finished = true);
    // properties: of the connection, as its rule declares them (a subscription's filter
    // policy); a value its rule does not take is refused.
    Result<EdgeId> connectNodes(NodeId from, NodeId to, const QString &type, const QJsonObject &properties = {});
    Result<void> setNodeProperty(NodeId node, const QString &key, const QJsonValue &value);
    // Sets one property of a connection; unlike a node's, a value its rule does not take
    // (a filter policy that is not JSON) is refused with the reason, and nothing changes.
    Result<void> setEdgeProperty(EdgeId edge, const QString &key, const QJsonValue &value);
    Result<void> renameNode(NodeId node, const QString &name);

    // Copy and paste: the selected nodes and the edges among them as JSON, and back.
    // Pasted nodes get unique names (and their own source folders); one undo step.
    QByteArray copyNodes(const QList<NodeId> &nodes) const;
    Result<QList<NodeId>> pasteNodes(const QByteArray &fragment, QPointF offset);
    // Moves many nodes at once as one named undo step (auto layout).
    void arrangeNodes(const QHash<NodeId, QPointF> &positions, const QString &text);

    // Lets the studio give the step that adds a node, or connects one to node, child
    // commands of its own (a new function's handler file), done and undone with it.
    using StepExtension = std::function<void(QUndoCommand *step, NodeId node)>;
    void setStepExtension(StepExtension extension) { mStepExtension = std::move(extension); }

    // A name based on base that no node has yet ("queue", "queue2", ...).
    QString uniqueName(const QString &base) const;

    // Code files changed in memory, keyed by path relative to directory(); written on save.
    void setCodeFile(const QString &relativePath, const QByteArray &content);
    const QHash<QString, QByteArray> &pendingCodeFiles() const { return mPendingCode; }
    void clearPendingCodeFiles() { mPendingCode.clear(); }

    // What each export target needs to write back an imported file losslessly, by
    // target id (see ImportResult::origin). Saved with the project.
    const QJsonObject &origins() const { return mOrigins; }
    QJsonObject origin(const QString &targetId) const { return mOrigins.value(targetId).toObject(); }
    void setOrigins(const QJsonObject &origins) { mOrigins = origins; }

    // How the local cloud checks the SDK calls of functions against what their connections
    // grant: "off", "warn" or "enforce" (LocalCloud::iamModeName), saved with the project;
    // empty for the default (warn). A name this version does not know is kept as read (a
    // newer version's), and the cloud warns and uses warn.
    QString iamMode() const { return mIamMode; }
    // One undo step (nothing when mode is the current one).
    void setIamMode(const QString &mode);
    // As a file holds it: no undo step (ProjectFile).
    void restoreIamMode(const QString &mode);

signals:
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);
    void iamModeChanged(const QString &mode);

private:
    void pushStep(QUndoCommand *step, NodeId node);

    const Catalog &mCatalog;
    Architecture mArchitecture;
    QUndoStack *mUndoStack;
    QString mFilePath;
    QString mFileDirectory; // mFilePath's folder
    QString mWorkingDirectory;
    QHash<QString, QByteArray> mPendingCode;
    QJsonObject mOrigins;
    QString mIamMode;
    StepExtension mStepExtension;
};

} // namespace Nimbus
