#pragma once

#include "invocationresult.h"
#include "model/node.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace Nimbus {

class Database;

// Every invocation of a project's functions (event, result or error, logs, REPORT
// figures), kept in the project's .nimbus file, newest first, up to a limit per function.
class RunHistory
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::RunHistory)

public:
    struct Entry
    {
        qint64 id = 0;
        NodeId node = kInvalidNodeId;
        QByteArray event;
        InvocationResult result;
    };
    static constexpr int kDefaultRetention = 500;

    RunHistory();
    ~RunHistory();

    // Opens the history of a saved .nimbus project (upgraded to the current schema).
    bool open(const QString &projectFile);
    QString errorString() const { return mError; }
    void setRetention(int perFunction) { mRetention = perFunction; }

    bool record(NodeId node, const QByteArray &event, const InvocationResult &result);
    QList<Entry> entries(NodeId node, int limit = 100) const;

private:
    std::unique_ptr<Database> mDb;
    QString mError;
    int mRetention = kDefaultRetention;
};

} // namespace Nimbus
