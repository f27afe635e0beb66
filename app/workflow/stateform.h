#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QJsonArray;

namespace Nimbus {

class CodeEditor;
class StateRows;

// The inspector of the state selected on the graph: its name, the fields most states need
// as widgets (Comment, Resource, Seconds, Error and Cause, the paths, Next or End), a
// Choice state's rules and Default, a Task's, Parallel's or Map's Retry and Catch as
// tables, and the rest in the state's own JSON below them (Parameters, ResultSelector,
// And/Or/Not rules ...). Each finished edit asks for one change of the definition;
// nothing is changed here.
class StateForm : public QWidget
{
    Q_OBJECT

public:
    explicit StateForm(QWidget *parent = nullptr);

    // The state shown (empty path: none), the names it may lead to.
    void setState(const QString &path, const QJsonObject &state, const QStringList &siblings);
    QString path() const { return mPath; }

    QLineEdit *nameField() const { return mName; }
    QLineEdit *field(const QString &key) const;
    QComboBox *nextField() const { return mNext; }
    QComboBox *defaultField() const { return mDefault; }
    StateRows *choicesField() const { return mChoices; }
    StateRows *retryField() const { return mRetry; }
    StateRows *catchField() const { return mCatch; }
    CodeEditor *jsonField() const { return mJson; }
    QPushButton *applyJsonButton() const { return mApplyJson; }

signals:
    void renameRequested(const QString &path, const QString &name);
    void stateChanged(const QString &path, const QJsonObject &state, const QString &what);

private:
    void addLine(const QString &key, const QString &label, const QString &placeholder);
    void lineEdited(const QString &key);
    void nextChosen();
    void defaultChosen();
    void listChanged(const QString &key, const QJsonArray &objects, const QString &what);
    QString firstOtherState() const;
    void secondsChanged();
    void applyJson();
    void updateVisibility();

    QString mPath;
    QJsonObject mState;
    QFormLayout *mForm;
    QLabel *mTitle;
    QLineEdit *mName;
    QHash<QString, QLineEdit *> mLines;
    QSpinBox *mSeconds;
    QComboBox *mNext;
    QComboBox *mDefault;
    StateRows *mChoices;
    StateRows *mRetry;
    StateRows *mCatch;
    QStringList mSiblings;
    CodeEditor *mJson;
    QPushButton *mApplyJson;
    QLabel *mJsonError;
    bool mFilling = false;
};

} // namespace Nimbus
