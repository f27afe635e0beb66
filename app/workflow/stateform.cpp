#include "stateform.h"

#include "aslformat.h"
#include "editor/codeeditor.h"
#include "staterows.h"
#include "theme.h"
#include "workflowedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <workflow/aslexpr.h>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// Which types show a field of the form.
bool shows(const QString &key, const QString &type)
{
    if (key == "Comment"_L1)
        return true;
    if (key == "Resource"_L1)
        return type == "Task"_L1;
    if (key == "Error"_L1 || key == "Cause"_L1)
        return type == "Fail"_L1;
    if (key == "InputPath"_L1 || key == "OutputPath"_L1)
        return type != "Fail"_L1 && type != "Succeed"_L1 && !type.isEmpty();
    if (key == "ResultPath"_L1)
        return WorkflowEdit::takesNext(type) && type != "Wait"_L1;
    if (key == "ItemsPath"_L1)
        return type == "Map"_L1;
    return false;
}

bool retries(const QString &type)
{
    return type == "Task"_L1 || type == "Parallel"_L1 || type == "Map"_L1;
}

QString numberText(const QJsonValue &value)
{
    const double number = value.toDouble();
    if (number == double(qint64(number)) && std::abs(number) < 1e15)
        return QString::number(qint64(number));
    return QString::number(number, 'g', 15);
}

// The text of a rule's or retrier's value as typed in a cell.
QString valueText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return numberText(value);
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QStringList errorNames(const QString &text)
{
    QStringList names;
    for (const QString &name : text.split(u',', Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            names.append(name.trimmed());
    return names;
}

QString errorsText(const QJsonValue &value)
{
    QStringList names;
    for (const QJsonValue &name : value.toArray())
        names.append(name.toString());
    return names.join(u", "_s);
}

QJsonArray errorsArray(const QStringList &names)
{
    QJsonArray array;
    for (const QString &name : names)
        array.append(name);
    return array;
}

// A Choice rule's operator: the one key that is not Variable, Next, Comment or Assign.
QString ruleOperator(const QJsonObject &rule)
{
    for (auto it = rule.begin(); it != rule.end(); ++it)
        if (it.key() != "Variable"_L1 && it.key() != "Next"_L1 && it.key() != "Comment"_L1 && it.key() != "Assign"_L1)
            return it.key();
    return {};
}

bool compound(const QJsonObject &rule)
{
    return rule.contains("And"_L1) || rule.contains("Or"_L1) || rule.contains("Not"_L1);
}

StateRows::Cells choiceCells(const QJsonObject &rule)
{
    const QString next = rule.value("Next"_L1).toString();
    if (compound(rule))
        return {{Asl::describeChoiceRule(rule), ruleOperator(rule), StateForm::tr("(in the state's JSON)"), next},
                {true, true, true, false}};
    const QString op = ruleOperator(rule);
    return {{rule.value("Variable"_L1).toString(), op, valueText(rule.value(op)), next}, {false, false, false, false}};
}

Result<QJsonObject> choiceRule(const QJsonObject &original, const QStringList &cells)
{
    QJsonObject rule = original;
    const QString next = cells.value(3).trimmed();
    if (next.isEmpty())
        return fail(StateForm::tr("a rule needs the state it leads to (Next)"));
    rule.insert(u"Next"_s, next);
    if (compound(original))
        return rule;
    const QString variable = cells.value(0).trimmed();
    if (!variable.startsWith(u'$'))
        return fail(StateForm::tr("the Variable is a path that starts with $, as $.total"));
    const QString op = cells.value(1).trimmed();
    const std::optional<Asl::ChoiceOperand> operand = Asl::choiceOperand(op);
    if (!operand)
        return fail(StateForm::tr("'%1' is not a Choice operator").arg(op));
    const QString text = cells.value(2).trimmed();
    QJsonValue value;
    switch (*operand) {
    case Asl::ChoiceOperand::String: value = cells.value(2); break;
    case Asl::ChoiceOperand::Timestamp:
        if (!QDateTime::fromString(text, Qt::ISODateWithMs).isValid())
            return fail(StateForm::tr("%1 compares with a timestamp, as 2026-12-01T08:00:00Z").arg(op));
        value = text;
        break;
    case Asl::ChoiceOperand::Path:
        if (!text.startsWith(u'$'))
            return fail(StateForm::tr("%1 compares with a path that starts with $").arg(op));
        value = text;
        break;
    case Asl::ChoiceOperand::Number: {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok)
            return fail(StateForm::tr("%1 compares with a number, not '%2'").arg(op, text));
        value = number;
        break;
    }
    case Asl::ChoiceOperand::Boolean:
        if (text != "true"_L1 && text != "false"_L1)
            return fail(StateForm::tr("%1 takes true or false, not '%2'").arg(op, text));
        value = text == "true"_L1;
        break;
    }
    rule.remove(ruleOperator(original));
    rule.insert(u"Variable"_s, variable);
    rule.insert(op, value);
    return rule;
}

StateRows::Cells retryCells(const QJsonObject &retrier)
{
    auto field = [&retrier](const char *key) {
        const QJsonValue value = retrier.value(QLatin1String(key));
        return value.isUndefined() ? QString() : valueText(value);
    };
    return {{errorsText(retrier.value("ErrorEquals"_L1)), field("IntervalSeconds"), field("MaxAttempts"),
             field("BackoffRate"), field("MaxDelaySeconds"), field("JitterStrategy")},
            {}};
}

// A whole number of at least `least` in a cell, or nothing when the cell is empty.
Result<std::optional<qint64>> wholeNumber(const QString &text, const QString &field, qint64 least)
{
    if (text.trimmed().isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    if (!ok || number < least)
        return fail(
            StateForm::tr("%1 is a whole number of at least %2, not '%3'").arg(field).arg(least).arg(text.trimmed()));
    return std::optional<qint64>(number);
}

Result<QJsonObject> retrier(const QJsonObject &original, const QStringList &cells)
{
    QJsonObject retrier = original;
    const QStringList errors = errorNames(cells.value(0));
    if (errors.isEmpty())
        return fail(StateForm::tr("name the errors to retry, as States.ALL or States.TaskFailed"));
    retrier.insert(u"ErrorEquals"_s, errorsArray(errors));
    const struct
    {
        QLatin1String key;
        int cell;
        qint64 least;
    } whole[] = {{"IntervalSeconds"_L1, 1, 1}, {"MaxAttempts"_L1, 2, 0}, {"MaxDelaySeconds"_L1, 4, 1}};
    for (const auto &field : whole) {
        const Result<std::optional<qint64>> number = wholeNumber(cells.value(field.cell), field.key, field.least);
        if (!number)
            return number.error();
        if (number->has_value())
            retrier.insert(field.key, double(**number));
        else
            retrier.remove(field.key);
    }
    const QString backoff = cells.value(3).trimmed();
    if (backoff.isEmpty()) {
        retrier.remove(u"BackoffRate"_s);
    } else {
        bool ok = false;
        const double rate = backoff.toDouble(&ok);
        if (!ok || rate < 1.0)
            return fail(StateForm::tr("BackoffRate is a number of at least 1.0, not '%1'").arg(backoff));
        retrier.insert(u"BackoffRate"_s, rate);
    }
    const QString jitter = cells.value(5).trimmed();
    if (jitter.isEmpty())
        retrier.remove(u"JitterStrategy"_s);
    else if (jitter == "FULL"_L1 || jitter == "NONE"_L1)
        retrier.insert(u"JitterStrategy"_s, jitter);
    else
        return fail(StateForm::tr("JitterStrategy is FULL or NONE, not '%1'").arg(jitter));
    return retrier;
}

StateRows::Cells catchCells(const QJsonObject &catcher)
{
    return {{errorsText(catcher.value("ErrorEquals"_L1)), catcher.value("Next"_L1).toString(),
             catcher.value("ResultPath"_L1).toString()},
            {}};
}

Result<QJsonObject> catcher(const QJsonObject &original, const QStringList &cells)
{
    QJsonObject catcher = original;
    const QStringList errors = errorNames(cells.value(0));
    if (errors.isEmpty())
        return fail(StateForm::tr("name the errors to catch, as States.ALL or States.TaskFailed"));
    catcher.insert(u"ErrorEquals"_s, errorsArray(errors));
    const QString next = cells.value(1).trimmed();
    if (next.isEmpty())
        return fail(StateForm::tr("a catcher needs the state it leads to (Next)"));
    catcher.insert(u"Next"_s, next);
    const QString resultPath = cells.value(2).trimmed();
    if (resultPath.isEmpty())
        catcher.remove(u"ResultPath"_s);
    else if (!resultPath.startsWith(u'$') && resultPath != "null"_L1)
        return fail(StateForm::tr("ResultPath is a path that starts with $, as $.error"));
    else
        catcher.insert(u"ResultPath"_s, resultPath == "null"_L1 ? QJsonValue() : QJsonValue(resultPath));
    return catcher;
}

const QString kErrorNames = u"States.ALL, States.TaskFailed, States.Timeout, States.HeartbeatTimeout, States.Runtime, "
                            u"States.Permissions, Lambda.ServiceException, Lambda.TooManyRequestsException ..."_s;
} // namespace

StateForm::StateForm(QWidget *parent)
    : QWidget(parent), mForm(new QFormLayout), mTitle(new QLabel(this)), mName(new QLineEdit(this)),
      mSeconds(new QSpinBox(this)), mNext(new QComboBox(this)), mDefault(new QComboBox(this)),
      mChoices(new StateRows(
          tr("Rules"),
          {{tr("Variable"), tr("The path of the value compared, as $.total")},
           {tr("Operator"), tr("How the value is compared"), Asl::choiceOperators()},
           {tr("Value"), tr("What it is compared with: a string, a number, true or false, a timestamp or a path")},
           {tr("Next"), tr("The state this rule leads to"), {}, true}},
          choiceCells, choiceRule,
          [this] {
    return QJsonObject{{u"Variable"_s, u"$.value"_s}, {u"StringEquals"_s, QString()}, {u"Next"_s, firstOtherState()}};
          },
          this)),
mRetry(new StateRows(
    tr("Retry"),
    {{tr("Errors"), tr("The errors retried, separated by commas: %1").arg(kErrorNames)},
     {tr("Interval"), tr("Seconds before the first retry (default 1)")},
     {tr("Attempts"), tr("Retries at most (default 3; 0: never)")},
     {tr("Backoff"), tr("What each interval is multiplied by (default 2.0)")},
     {tr("Max delay"), tr("The longest interval in seconds (none by default)")},
     {tr("Jitter"), tr("FULL spreads the intervals at random (NONE by default)"), {QString(), u"FULL"_s, u"NONE"_s}}},
    retryCells, retrier,
    [] {
    return QJsonObject{{u"ErrorEquals"_s, QJsonArray{u"States.ALL"_s}},
                       {u"IntervalSeconds"_s, 1},
                       {u"MaxAttempts"_s, 3},
                       {u"BackoffRate"_s, 2.0}};
    },
    this)),
mCatch(new StateRows(
    tr("Catch"),
    {{tr("Errors"), tr("The errors caught, separated by commas: %1").arg(kErrorNames)},
     {tr("Next"), tr("The state that handles them"), {}, true},
     {tr("Result path"), tr("Where the error goes in the input (default $: replaces it)")}},
    catchCells, catcher,
    [this] {
    return QJsonObject{{u"ErrorEquals"_s, QJsonArray{u"States.ALL"_s}}, {u"Next"_s, firstOtherState()}};
    },
    this)),
mJson(new CodeEditor(this)), mApplyJson(new QPushButton(tr("Apply JSON"), this)), mJsonError(new QLabel(this))
{
    setObjectName(u"stateForm"_s);
    mTitle->setObjectName(u"stateFormTitle"_s);
    mName->setObjectName(u"stateName"_s);
    mForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    mForm->addRow(tr("Name"), mName);
    addLine(u"Comment"_s, tr("Comment"), tr("What this state does"));
    addLine(u"Resource"_s, tr("Resource"), u"arn:aws:states:::lambda:invoke"_s);
    mSeconds->setObjectName(u"stateSeconds"_s);
    mSeconds->setRange(0, 99999999);
    mSeconds->setSuffix(tr(" s"));
    mForm->addRow(tr("Seconds"), mSeconds);
    addLine(u"Error"_s, tr("Error"), u"OrderFailed"_s);
    addLine(u"Cause"_s, tr("Cause"), tr("Why it failed"));
    addLine(u"ItemsPath"_s, tr("Items path"), u"$.items"_s);
    addLine(u"InputPath"_s, tr("Input path"), u"$"_s);
    addLine(u"ResultPath"_s, tr("Result path"), u"$"_s);
    addLine(u"OutputPath"_s, tr("Output path"), u"$"_s);
    mNext->setObjectName(u"stateNext"_s);
    mForm->addRow(tr("Next"), mNext);
    mDefault->setObjectName(u"stateDefault"_s);
    mDefault->setToolTip(tr("The state taken when no rule matches"));
    mForm->addRow(tr("Default"), mDefault);
    mChoices->setObjectName(u"stateChoices"_s);
    mRetry->setObjectName(u"stateRetry"_s);
    mCatch->setObjectName(u"stateCatch"_s);
    mJson->setObjectName(u"stateJson"_s);
    mJson->setLanguage(CodeEditor::Language::Json);
    mJson->setMinimumHeight(120);
    mApplyJson->setObjectName(u"applyStateJson"_s);
    mApplyJson->setToolTip(
        tr("Replace the state's fields by this JSON (Parameters, ResultSelector, And/Or/Not rules ...)"));
    mJsonError->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(mTitle);
    layout->addLayout(mForm);
    layout->addWidget(mChoices);
    layout->addWidget(mRetry);
    layout->addWidget(mCatch);
    layout->addWidget(new QLabel(tr("State JSON"), this));
    layout->addWidget(mJson, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(mJsonError, 1);
    row->addWidget(mApplyJson);
    layout->addLayout(row);

    connect(mName, &QLineEdit::editingFinished, this, [this] {
        if (!mFilling && !mPath.isEmpty() && mName->text() != WorkflowEdit::nameOf(mPath))
            emit renameRequested(mPath, mName->text());
    });
    connect(mSeconds, &QSpinBox::editingFinished, this, &StateForm::secondsChanged);
    connect(mNext, &QComboBox::activated, this, &StateForm::nextChosen);
    connect(mDefault, &QComboBox::activated, this, &StateForm::defaultChosen);
    connect(mApplyJson, &QPushButton::clicked, this, &StateForm::applyJson);
    connect(mChoices, &StateRows::objectsChanged, this,
            [this](const QJsonArray &objects, const QString &what) { listChanged(u"Choices"_s, objects, what); });
    connect(mRetry, &StateRows::objectsChanged, this,
            [this](const QJsonArray &objects, const QString &what) { listChanged(u"Retry"_s, objects, what); });
    connect(mCatch, &StateRows::objectsChanged, this,
            [this](const QJsonArray &objects, const QString &what) { listChanged(u"Catch"_s, objects, what); });
    setState({}, {}, {});
}

void StateForm::addLine(const QString &key, const QString &label, const QString &placeholder)
{
    auto *line = new QLineEdit(this);
    line->setObjectName(u"state%1"_s.arg(key));
    line->setPlaceholderText(placeholder);
    mLines.insert(key, line);
    mForm->addRow(label, line);
    connect(line, &QLineEdit::editingFinished, this, [this, key] { lineEdited(key); });
}

QLineEdit *StateForm::field(const QString &key) const
{
    return mLines.value(key);
}

void StateForm::setState(const QString &path, const QJsonObject &state, const QStringList &siblings)
{
    mFilling = true;
    mPath = path;
    mState = state;
    const QString type = state.value("Type"_L1).toString();
    mTitle->setText(path.isEmpty() ? tr("Select a state on the graph to edit it.")
                                   : tr("<b>%1</b> &middot; %2 state").arg(path.toHtmlEscaped(), type));
    mName->setText(WorkflowEdit::nameOf(path));
    for (auto it = mLines.cbegin(); it != mLines.cend(); ++it)
        it.value()->setText(state.value(it.key()).toString());
    mSeconds->setValue(state.value("Seconds"_L1).toInt());
    mNext->clear();
    mNext->addItem(tr("(End)"), QString());
    for (const QString &name : siblings)
        if (name != WorkflowEdit::nameOf(path))
            mNext->addItem(name, name);
    const QString next = state.value("Next"_L1).toString();
    mNext->setCurrentIndex(next.isEmpty() ? 0 : std::max(0, mNext->findData(next)));
    mSiblings.clear();
    for (const QString &name : siblings)
        if (name != WorkflowEdit::nameOf(path))
            mSiblings.append(name);
    mDefault->clear();
    mDefault->addItem(tr("(none)"), QString());
    for (const QString &name : std::as_const(mSiblings))
        mDefault->addItem(name, name);
    const QString fallback = state.value("Default"_L1).toString();
    mDefault->setCurrentIndex(fallback.isEmpty() ? 0 : std::max(0, mDefault->findData(fallback)));
    mChoices->setObjects(state.value("Choices"_L1).toArray(), mSiblings);
    mRetry->setObjects(state.value("Retry"_L1).toArray(), mSiblings);
    mCatch->setObjects(state.value("Catch"_L1).toArray(), mSiblings);
    mJson->setText(path.isEmpty() ? QString() : QString::fromUtf8(AslFormat::writeState(state)));
    mJsonError->clear();
    updateVisibility();
    mFilling = false;
}

void StateForm::updateVisibility()
{
    const QString type = mState.value("Type"_L1).toString();
    const bool any = !mPath.isEmpty();
    mForm->setRowVisible(mName, any);
    for (auto it = mLines.cbegin(); it != mLines.cend(); ++it)
        mForm->setRowVisible(it.value(), any && shows(it.key(), type));
    mForm->setRowVisible(mSeconds, any && type == "Wait"_L1 && !mState.contains("SecondsPath"_L1)
                                       && !mState.contains("Timestamp"_L1) && !mState.contains("TimestampPath"_L1));
    mForm->setRowVisible(mNext, any && WorkflowEdit::takesNext(type));
    mForm->setRowVisible(mDefault, any && type == "Choice"_L1);
    mChoices->setVisible(any && type == "Choice"_L1);
    mRetry->setVisible(any && retries(type));
    mCatch->setVisible(any && retries(type));
    mJson->setVisible(any);
    mApplyJson->setVisible(any);
}

void StateForm::lineEdited(const QString &key)
{
    if (mFilling || mPath.isEmpty())
        return;
    const QString value = mLines.value(key)->text();
    if (value == mState.value(key).toString())
        return;
    QJsonObject state = mState;
    if (value.isEmpty())
        state.remove(key);
    else
        state.insert(key, value);
    emit stateChanged(mPath, state, tr("Set %1 of %2").arg(key, WorkflowEdit::nameOf(mPath)));
}

void StateForm::secondsChanged()
{
    if (mFilling || mPath.isEmpty() || mSeconds->value() == mState.value("Seconds"_L1).toInt())
        return;
    QJsonObject state = mState;
    state.insert(u"Seconds"_s, mSeconds->value());
    emit stateChanged(mPath, state, tr("Wait %1 s in %2").arg(mSeconds->value()).arg(WorkflowEdit::nameOf(mPath)));
}

void StateForm::nextChosen()
{
    if (mFilling || mPath.isEmpty())
        return;
    const QString next = mNext->currentData().toString();
    QJsonObject state = mState;
    if (next.isEmpty()) {
        state.remove(u"Next"_s);
        state.insert(u"End"_s, true);
    } else {
        state.remove(u"End"_s);
        state.insert(u"Next"_s, next);
    }
    if (state != mState)
        emit stateChanged(mPath, state, tr("Set Next of %1").arg(WorkflowEdit::nameOf(mPath)));
}

void StateForm::defaultChosen()
{
    if (mFilling || mPath.isEmpty())
        return;
    const QString fallback = mDefault->currentData().toString();
    QJsonObject state = mState;
    if (fallback.isEmpty())
        state.remove(u"Default"_s);
    else
        state.insert(u"Default"_s, fallback);
    if (state != mState)
        emit stateChanged(mPath, state, tr("Set Default of %1").arg(WorkflowEdit::nameOf(mPath)));
}

void StateForm::listChanged(const QString &key, const QJsonArray &objects, const QString &what)
{
    if (mFilling || mPath.isEmpty())
        return;
    QJsonObject state = mState;
    if (objects.isEmpty())
        state.remove(key);
    else
        state.insert(key, objects);
    if (state != mState)
        emit stateChanged(mPath, state, tr("%1 of %2").arg(what, WorkflowEdit::nameOf(mPath)));
}

QString StateForm::firstOtherState() const
{
    return mSiblings.value(0);
}

void StateForm::applyJson()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(mJson->text().toUtf8(), &error);
    if (!document.isObject()) {
        mJsonError->setText(u"<span style='color:%1'>%2</span>"_s.arg(
            Theme::failure().name(),
            (error.error != QJsonParseError::NoError ? error.errorString() : tr("a state is a JSON object"))
                .toHtmlEscaped()));
        return;
    }
    mJsonError->clear();
    if (document.object() != mState)
        emit stateChanged(mPath, document.object(), tr("Edit %1").arg(WorkflowEdit::nameOf(mPath)));
}

} // namespace Nimbus
