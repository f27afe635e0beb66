#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Nimbus {

class CodeEditor;

// Find and replace under an editor: plain text or regular expressions, whole words,
// case, next/previous, replace one or all (one undo step).
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    void setEditor(CodeEditor *editor) { mEditor = editor; }
    // Shows the bar with the selection (or the last search) in the field.
    void activate(bool replace);
    QLineEdit *findField() const { return mFind; }
    QLineEdit *replaceField() const { return mReplace; }
    void setOptions(bool regularExpression, bool wholeWord, bool caseSensitive);

    bool findNext(bool backwards = false);
    bool replaceCurrent();
    int replaceAll();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showStatus(const QString &text, bool error);

    CodeEditor *mEditor = nullptr;
    QLineEdit *mFind;
    QLineEdit *mReplace;
    QCheckBox *mRegex;
    QCheckBox *mWholeWord;
    QCheckBox *mCase;
    QLabel *mStatus;
    QWidget *mReplaceRow;
};

} // namespace Nimbus
