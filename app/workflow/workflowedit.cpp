#include "workflowedit.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QString kStates = u"States"_s;
const QString kNext = u"Next"_s;
const QString kEnd = u"End"_s;
const QString kBranchPrefix = u"Branch "_s;
const QString kIterator = u"Iterator"_s;

// The key of a Map state's machine: ItemProcessor, or the older Iterator.
QString processorKey(const QJsonObject &state)
{
    return state.contains(kIterator) ? kIterator : u"ItemProcessor"_s;
}

QJsonObject childMachine(const QJsonObject &state, const QString &container)
{
    if (container == kIterator)
        return state.value(processorKey(state)).toObject();
    if (container.startsWith(kBranchPrefix))
        return state.value("Branches"_L1).toArray().at(container.mid(kBranchPrefix.size()).toInt() - 1).toObject();
    return {};
}

QJsonObject withChildMachine(QJsonObject state, const QString &container, const QJsonObject &machine)
{
    if (container == kIterator) {
        state.insert(processorKey(state), machine);
    } else if (container.startsWith(kBranchPrefix)) {
        QJsonArray branches = state.value("Branches"_L1).toArray();
        const int index = container.mid(kBranchPrefix.size()).toInt() - 1;
        if (index >= 0 && index < branches.size())
            branches.replace(index, machine);
        state.insert(u"Branches"_s, branches);
    }
    return state;
}

// Each place in a state that names a next state, rewritten by rename (empty: remove it).
QJsonObject retarget(QJsonObject state, const QString &from, const QString &to, const QString &fallback)
{
    if (state.value(kNext).toString() == from) {
        if (!to.isEmpty()) {
            state.insert(kNext, to);
        } else if (!fallback.isEmpty()) {
            state.insert(kNext, fallback);
        } else {
            state.remove(kNext);
            state.insert(kEnd, true);
        }
    }
    if (state.value("Default"_L1).toString() == from) {
        if (!to.isEmpty() || !fallback.isEmpty())
            state.insert(u"Default"_s, to.isEmpty() ? fallback : to);
        else
            state.remove(u"Default"_s);
    }
    for (const QString &key : {u"Choices"_s, u"Catch"_s}) {
        if (!state.contains(key))
            continue;
        QJsonArray kept;
        for (const QJsonValue &value : state.value(key).toArray()) {
            QJsonObject rule = value.toObject();
            if (rule.value(kNext).toString() == from) {
                const QString target = to.isEmpty() ? fallback : to;
                if (target.isEmpty())
                    continue;
                rule.insert(kNext, target);
            }
            kept.append(rule);
        }
        state.insert(key, kept);
    }
    return state;
}

QJsonObject retargetAll(QJsonObject machine, const QString &from, const QString &to, const QString &fallback = {})
{
    QJsonObject states = machine.value(kStates).toObject();
    for (auto it = states.begin(); it != states.end(); ++it)
        it.value() = retarget(it.value().toObject(), from, to, fallback);
    machine.insert(kStates, states);
    if (machine.value("StartAt"_L1).toString() == from)
        machine.insert(u"StartAt"_s, to.isEmpty() ? fallback : to);
    return machine;
}

QJsonObject oneStateMachine(const QString &name)
{
    return {{u"StartAt"_s, name}, {kStates, QJsonObject{{name, QJsonObject{{u"Type"_s, u"Pass"_s}, {kEnd, true}}}}}};
}

} // namespace

const QStringList &WorkflowEdit::stateTypes()
{
    static const QStringList types = {u"Pass"_s,    u"Task"_s, u"Choice"_s,   u"Wait"_s,
                                      u"Succeed"_s, u"Fail"_s, u"Parallel"_s, u"Map"_s};
    return types;
}

bool WorkflowEdit::takesNext(const QString &type)
{
    return type == "Pass"_L1 || type == "Task"_L1 || type == "Wait"_L1 || type == "Parallel"_L1 || type == "Map"_L1;
}

QString WorkflowEdit::scopeOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf('/'_L1);
    return slash < 0 ? QString() : path.left(slash);
}

QString WorkflowEdit::nameOf(const QString &path)
{
    return path.mid(path.lastIndexOf('/'_L1) + 1);
}

QJsonObject WorkflowEdit::machineAt(const QJsonObject &definition, const QString &scope)
{
    if (scope.isEmpty())
        return definition;
    const QStringList parts = scope.split('/'_L1);
    QJsonObject machine = definition;
    for (qsizetype i = 0; i + 1 < parts.size(); i += 2)
        machine = childMachine(machine.value(kStates).toObject().value(parts.at(i)).toObject(), parts.at(i + 1));
    return parts.size() % 2 == 0 ? machine : QJsonObject();
}

QJsonObject WorkflowEdit::withMachineAt(const QJsonObject &definition, const QString &scope, const QJsonObject &machine)
{
    if (scope.isEmpty())
        return machine;
    const QStringList parts = scope.split('/'_L1);
    if (parts.size() < 2)
        return definition;
    QJsonObject states = definition.value(kStates).toObject();
    const QJsonObject state = states.value(parts.at(0)).toObject();
    const QJsonObject inner = withMachineAt(childMachine(state, parts.at(1)), parts.mid(2).join('/'_L1), machine);
    states.insert(parts.at(0), withChildMachine(state, parts.at(1), inner));
    QJsonObject result = definition;
    result.insert(kStates, states);
    return result;
}

QJsonObject WorkflowEdit::stateAt(const QJsonObject &definition, const QString &path)
{
    return machineAt(definition, scopeOf(path)).value(kStates).toObject().value(nameOf(path)).toObject();
}

QStringList WorkflowEdit::allNames(const QJsonObject &definition)
{
    QStringList names;
    const QJsonObject states = definition.value(kStates).toObject();
    for (auto it = states.begin(); it != states.end(); ++it) {
        names.append(it.key());
        const QJsonObject state = it.value().toObject();
        for (const QJsonValue &branch : state.value("Branches"_L1).toArray())
            names += allNames(branch.toObject());
        names += allNames(state.value(processorKey(state)).toObject());
    }
    return names;
}

QString WorkflowEdit::uniqueName(const QJsonObject &definition, const QString &base)
{
    const QStringList taken = allNames(definition);
    if (!taken.contains(base))
        return base;
    for (int i = 2;; ++i) {
        const QString candidate = u"%1 %2"_s.arg(base).arg(i);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QJsonObject WorkflowEdit::skeleton(const QJsonObject &definition, const QString &type, const QString &name,
                                   const QString &task)
{
    QJsonObject state{{u"Type"_s, type}};
    if (type == "Task"_L1) {
        state.insert(u"Resource"_s, u"arn:aws:states:::lambda:invoke"_s);
        state.insert(u"Parameters"_s,
                     QJsonObject{{u"FunctionName"_s, u"${%1}"_s.arg(task.isEmpty() ? u"function"_s : task)},
                                 {u"Payload.$"_s, u"$"_s}});
        state.insert(u"OutputPath"_s, u"$.Payload"_s);
    } else if (type == "Wait"_L1) {
        state.insert(u"Seconds"_s, 10);
    } else if (type == "Fail"_L1) {
        state.insert(u"Error"_s, u"Failed"_s);
        state.insert(u"Cause"_s, u"Describe why the workflow failed"_s);
    } else if (type == "Parallel"_L1) {
        QJsonObject named = definition;
        QJsonArray branches;
        for (int i = 0; i < 2; ++i) {
            const QString inner = uniqueName(named, u"%1 branch %2"_s.arg(name).arg(i + 1));
            branches.append(oneStateMachine(inner));
            // Names given to earlier branches count as taken.
            QJsonObject states = named.value(kStates).toObject();
            states.insert(inner, QJsonObject());
            named.insert(kStates, states);
        }
        state.insert(u"Branches"_s, branches);
    } else if (type == "Map"_L1) {
        QJsonObject processor = oneStateMachine(uniqueName(definition, u"%1 item"_s.arg(name)));
        processor.insert(u"ProcessorConfig"_s, QJsonObject{{u"Mode"_s, u"INLINE"_s}});
        state.insert(u"ItemsPath"_s, u"$.items"_s);
        state.insert(u"ItemProcessor"_s, processor);
    }
    if (takesNext(type))
        state.insert(kEnd, true);
    return state;
}

Result<QJsonObject> WorkflowEdit::addState(const QJsonObject &definition, const QString &scope, const QString &type,
                                           const QString &after, const QString &task, QString *added)
{
    if (!stateTypes().contains(type))
        return fail(tr("'%1' is not a state type").arg(type));
    QJsonObject machine = machineAt(definition, scope);
    QJsonObject states = machine.value(kStates).toObject();
    const QString name = uniqueName(definition, type == "Task"_L1 && !task.isEmpty() ? task : type);
    QJsonObject state = skeleton(definition, type, name, task);
    if (!after.isEmpty() && states.contains(after)) {
        QJsonObject previous = states.value(after).toObject();
        const QString previousType = previous.value("Type"_L1).toString();
        if (takesNext(previousType)) {
            // What followed `after` now follows the new state.
            const QString next = previous.value(kNext).toString();
            if (!next.isEmpty()) {
                if (takesNext(type)) {
                    state.remove(kEnd);
                    state.insert(kNext, next);
                } else if (type == "Choice"_L1) {
                    state.insert(u"Default"_s, next);
                }
            }
            previous.remove(kEnd);
            previous.insert(kNext, name);
            states.insert(after, previous);
        }
    }
    if (type == "Choice"_L1 && !state.contains("Default"_L1))
        state.insert(u"Choices"_s, QJsonArray());
    else if (type == "Choice"_L1)
        state.insert(u"Choices"_s, QJsonArray{QJsonObject{{u"Variable"_s, u"$.value"_s},
                                                          {u"NumericGreaterThan"_s, 0},
                                                          {kNext, state.value("Default"_L1)}}});
    states.insert(name, state);
    machine.insert(kStates, states);
    if (machine.value("StartAt"_L1).toString().isEmpty())
        machine.insert(u"StartAt"_s, name);
    if (added)
        *added = scope.isEmpty() ? name : scope + '/'_L1 + name;
    return withMachineAt(definition, scope, machine);
}

Result<QJsonObject> WorkflowEdit::connect(const QJsonObject &definition, const QString &from, const QString &to)
{
    const QString scope = scopeOf(from);
    QJsonObject machine = machineAt(definition, scope);
    QJsonObject states = machine.value(kStates).toObject();
    const QString name = nameOf(from);
    QJsonObject state = states.value(name).toObject();
    if (!states.contains(to))
        return fail(tr("%1 can only lead to a state beside it").arg(name));
    const QString type = state.value("Type"_L1).toString();
    if (takesNext(type)) {
        state.remove(kEnd);
        state.insert(kNext, to);
    } else if (type == "Choice"_L1) {
        if (!state.contains("Default"_L1)) {
            state.insert(u"Default"_s, to);
        } else {
            QJsonArray choices = state.value("Choices"_L1).toArray();
            choices.append(QJsonObject{{u"Variable"_s, u"$.value"_s}, {u"IsPresent"_s, true}, {kNext, to}});
            state.insert(u"Choices"_s, choices);
        }
    } else {
        return fail(tr("A %1 state ends its branch: it has no Next").arg(type));
    }
    states.insert(name, state);
    machine.insert(kStates, states);
    return withMachineAt(definition, scope, machine);
}

Result<QJsonObject> WorkflowEdit::removeState(const QJsonObject &definition, const QString &path)
{
    const QString scope = scopeOf(path);
    const QString name = nameOf(path);
    QJsonObject machine = machineAt(definition, scope);
    QJsonObject states = machine.value(kStates).toObject();
    if (!states.contains(name))
        return fail(tr("There is no state '%1'").arg(path));
    const QJsonObject removed = states.take(name).toObject();
    machine.insert(kStates, states);
    QString fallback = removed.value(kNext).toString();
    if (fallback == name)
        fallback.clear();
    if (machine.value("StartAt"_L1).toString() == name && fallback.isEmpty() && !states.isEmpty())
        fallback = states.begin().key();
    machine = retargetAll(machine, name, {}, fallback);
    if (states.isEmpty())
        machine.insert(u"StartAt"_s, QString());
    return withMachineAt(definition, scope, machine);
}

Result<QJsonObject> WorkflowEdit::renameState(const QJsonObject &definition, const QString &path, const QString &name)
{
    const QString old = nameOf(path);
    if (name == old)
        return definition;
    if (name.trimmed().isEmpty() || name.size() > 80)
        return fail(tr("A state's name has 1 to 80 characters"));
    if (allNames(definition).contains(name))
        return fail(tr("Another state is already named '%1'").arg(name));
    const QString scope = scopeOf(path);
    QJsonObject machine = machineAt(definition, scope);
    QJsonObject states = machine.value(kStates).toObject();
    if (!states.contains(old))
        return fail(tr("There is no state '%1'").arg(path));
    states.insert(name, states.take(old));
    machine.insert(kStates, states);
    return withMachineAt(definition, scope, retargetAll(machine, old, name));
}

Result<QJsonObject> WorkflowEdit::replaceState(const QJsonObject &definition, const QString &path,
                                               const QJsonObject &state)
{
    if (!stateTypes().contains(state.value("Type"_L1).toString()))
        return fail(tr("A state needs a Type: one of %1").arg(stateTypes().join(", "_L1)));
    const QString scope = scopeOf(path);
    QJsonObject machine = machineAt(definition, scope);
    QJsonObject states = machine.value(kStates).toObject();
    if (!states.contains(nameOf(path)))
        return fail(tr("There is no state '%1'").arg(path));
    states.insert(nameOf(path), state);
    machine.insert(kStates, states);
    return withMachineAt(definition, scope, machine);
}

QStringList WorkflowEdit::successors(const QJsonObject &state)
{
    QStringList next;
    auto add = [&](const QString &name) {
        if (!name.isEmpty() && !next.contains(name))
            next.append(name);
    };
    for (const QJsonValue &rule : state.value("Choices"_L1).toArray())
        add(rule.toObject().value(kNext).toString());
    add(state.value("Default"_L1).toString());
    add(state.value(kNext).toString());
    for (const QJsonValue &catcher : state.value("Catch"_L1).toArray())
        add(catcher.toObject().value(kNext).toString());
    return next;
}

} // namespace Nimbus
