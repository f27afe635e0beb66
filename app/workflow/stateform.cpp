#include "stateform.h"

#include "aslformat.h"
#include "editor/codeeditor.h"
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
} // namespace

StateForm::StateForm(QWidget *parent)
    : QWidget(parent), mForm(new QFormLayout), mTitle(new QLabel(this)), mName(new QLineEdit(this)),
      mSeconds(new QSpinBox(this)), mNext(new QComboBox(this)), mJson(new CodeEditor(this)),
      mApplyJson(new QPushButton(tr("Apply JSON"), this)), mJsonError(new QLabel(this))
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
    mJson->setObjectName(u"stateJson"_s);
    mJson->setLanguage(CodeEditor::Language::Json);
    mJson->setMinimumHeight(120);
    mApplyJson->setObjectName(u"applyStateJson"_s);
    mApplyJson->setToolTip(tr("Replace the state's fields by this JSON (Parameters, Choices, Retry, Catch ...)"));
    mJsonError->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(mTitle);
    layout->addLayout(mForm);
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
    connect(mApplyJson, &QPushButton::clicked, this, &StateForm::applyJson);
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
