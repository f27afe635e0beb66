#pragma once

#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Nimbus {

class Project;

// What a worker needs to run one function: taken from a function node of a project.
struct FunctionSpec
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::FunctionSpec)

public:
    QString name;
    QString runtime; // nodejs20.x, python3.12 ...
    QString handler; // index.handler
    QString sourceDirectory; // absolute
    int memoryMB = 128;
    int timeoutSeconds = 3;
    int reservedConcurrency = -1; // -1: no limit of its own
    QList<QPair<QString, QString>> environment;
    QString region = QStringLiteral("us-east-1");
    // Lambda's advanced logging controls: Text or JSON, and (JSON only) the levels below
    // which the handler's lines and the runtime's own are dropped.
    QString logFormat = QStringLiteral("Text");
    QString applicationLogLevel = QStringLiteral("INFO");
    QString systemLogLevel = QStringLiteral("INFO");
    // The folders of the function's layers (absolute), in Lambda's order: a later one's
    // files win over an earlier one's, as when Lambda extracts them into /opt.
    QStringList layers;
    // The folder the source folder and the layers' must stay under (the project's).
    // Checked when the spec is read and again before each worker starts: the studio keeps
    // a spec between runs, and a folder may be swapped meanwhile for a link leading out.
    QString confinement;
    // Why a folder of the function now leads out of its confinement; empty when none does.
    QString folderProblem() const;

    // A variable holds a secret when its name says so (any case): SECRET, TOKEN, PASSWORD,
    // PASSWD, PASSPHRASE, API_KEY, APIKEY, PRIVATE_KEY or CREDENTIAL, which covers
    // AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. Their values never reach the run history.
    static bool isSecretName(const QString &name);
    // The values of the secret variables, longest first; values shorter than 4 characters
    // are left out (hiding every "1" or "ab" of a log would hide nothing secret).
    QStringList secretValues() const;

    // Reads the function node's properties; fails for other kinds.
    static Result<FunctionSpec> fromNode(const Project &project, NodeId node);
};

} // namespace Nimbus
