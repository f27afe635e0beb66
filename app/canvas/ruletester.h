#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace Nimbus {

// The "Test pattern" box of a rule in the inspector: an event, picked from examples, from
// the events saved with the rule's buses, or pasted, tried against the rule's event pattern as EventBridge's
// TestEventPattern would: it matches, it does not, or the pattern (or the event) is wrong, in EventBridge's own words.
class RuleTester : public QWidget
{
    Q_OBJECT

public:
    explicit RuleTester(QWidget *parent = nullptr);

    // Events of the user's own (the saved events of the rule's buses), offered after the
    // examples: a label and the event as EventBridge delivers it.
    void setSavedEvents(const QList<QPair<QString, QByteArray>> &events);
    // The rule's pattern; the event is tried again.
    void setPattern(const QString &pattern);
    QString pattern() const { return mPattern; }

    QComboBox *examples() const { return mExamples; }
    QPlainTextEdit *eventEditor() const { return mEvent; }
    QLabel *result() const { return mResult; }
    // Whether the last try matched (false also when it could not be tried).
    bool matched() const { return mMatched; }

private:
    void pickExample(int index);
    void test();

    QString mPattern;
    QComboBox *mExamples = nullptr;
    QPlainTextEdit *mEvent = nullptr;
    QLabel *mResult = nullptr;
    bool mMatched = false;
};

} // namespace Nimbus
