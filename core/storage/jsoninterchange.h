#pragma once

#include "model/edge.h"
#include "model/node.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <map>

namespace Nimbus {

class Architecture;

// The readable JSON form of a project, for review in git and for the bundled
// examples. Nodes are referred to by name; output order is stable (by id).
class JsonInterchange
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::JsonInterchange)

public:
    // Version 2 gives connections properties; a file without any is still written as 1.
    static constexpr int kFormatVersion = 2;

    // iamMode: the project's (Project::iamMode), written as "iamMode" when set.
    static QByteArray write(const Architecture &architecture, const QJsonObject &origins = {},
                            const QString &iamMode = {});
    // Only the given nodes and the edges between them (copy and paste).
    static QByteArray write(const Architecture &architecture, const QList<NodeId> &nodes);
    // Reads nodes and edges; fileName is used in error messages.
    Result<void> read(const QByteArray &json, const QString &fileName);

    std::map<NodeId, Node> takeNodes() { return std::move(mNodes); }
    std::map<EdgeId, Edge> takeEdges() { return std::move(mEdges); }
    QJsonObject origins() const { return mOrigins; }
    QString iamMode() const { return mIamMode; }

private:
    // Drops what was read so far; the message after the file name and where.
    Error fail(const QString &where, const QString &message);

    QString mFileName;
    std::map<NodeId, Node> mNodes;
    std::map<EdgeId, Edge> mEdges;
    QJsonObject mOrigins;
    QString mIamMode;
};

} // namespace Nimbus
