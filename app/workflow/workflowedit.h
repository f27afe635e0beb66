#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Nimbus {

// The graph's edits of a state machine's definition, as functions from one definition to
// the next (the page turns each into one undo step). A state is named by its path, as
// AslDefinition::statePaths gives it: "Charge" at the top, "Reserve/Branch 1/Write
// receipt" inside a Parallel's branch, "Each/Iterator/Check" inside a Map; its scope is
// the path without its last part ("" for the top).
class WorkflowEdit
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::WorkflowEdit)

public:
    // The state types the palette offers, in its order.
    static const QStringList &stateTypes();

    static QString scopeOf(const QString &path);
    static QString nameOf(const QString &path);
    // The machine (StartAt, States) a scope names; empty when there is none.
    static QJsonObject machineAt(const QJsonObject &definition, const QString &scope);
    static QJsonObject stateAt(const QJsonObject &definition, const QString &path);
    // Every state name of the definition, nested ones too (ASL wants them unique).
    static QStringList allNames(const QJsonObject &definition);
    static QString uniqueName(const QJsonObject &definition, const QString &base);

    // A new state of type in scope, named after its type; placed after `after` (a state of
    // the same scope: what followed it now follows the new one) or on its own. task: the
    // function a new Task invokes (a node name, written "${name}"). The new state's path
    // goes to *added.
    static Result<QJsonObject> addState(const QJsonObject &definition, const QString &scope, const QString &type,
                                        const QString &after = {}, const QString &task = {}, QString *added = nullptr);
    // from's Next becomes to (a state of the same scope); a Choice gets it as its Default,
    // or as a new rule when it has one.
    static Result<QJsonObject> connect(const QJsonObject &definition, const QString &from, const QString &to);
    // Removes a state; what led to it leads to what it led to (or ends), StartAt moves on,
    // Choice rules and Catchers that went to it go.
    static Result<QJsonObject> removeState(const QJsonObject &definition, const QString &path);
    static Result<QJsonObject> renameState(const QJsonObject &definition, const QString &path, const QString &name);
    // The state's fields replaced by state (a JSON object with its Type).
    static Result<QJsonObject> replaceState(const QJsonObject &definition, const QString &path,
                                            const QJsonObject &state);

    // The states a state leads to in its scope: Next, Choice rules and Default, Catchers.
    static QStringList successors(const QJsonObject &state);
    // Whether a state of type may have Next (Pass, Task, Wait, Parallel, Map).
    static bool takesNext(const QString &type);

private:
    static QJsonObject withMachineAt(const QJsonObject &definition, const QString &scope, const QJsonObject &machine);
    static QJsonObject skeleton(const QJsonObject &definition, const QString &type, const QString &name,
                                const QString &task);
};

} // namespace Nimbus
