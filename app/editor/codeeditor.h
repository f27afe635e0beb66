#pragma once

#include "runtime/eventfields.h"

#include <Qsci/qsciscintilla.h>

#include <functional>

class QsciAPIs;

namespace Nimbus {

// The studio's source editor: QScintilla with a lexer chosen from the file name, line
// numbers, folding, brace matching, current line, auto-indent, comment toggling,
// multiple cursors, colours that follow the application palette (light or dark), and
// completion of language keywords plus the fields of the function's event and context.
class CodeEditor : public QsciScintilla
{
    Q_OBJECT

public:
    enum class Language { PlainText, JavaScript, TypeScript, Python, Json, Yaml, Java, CSharp, Go, Shell, Xml };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    static Language languageForFile(const QString &fileName);
    void setLanguage(Language language);
    Language language() const { return mLanguage; }

    // The sample event the function receives (for completion of event.<field>).
    void setEventSample(const QJsonValue &event);
    // What completion would offer at the caret (event and context fields).
    EventFields::Completion fieldCompletionAtCaret() const;
    // Shows keyword or field completion for the caret now (Ctrl+Space).
    void complete();

    void toggleComment();
    void goToLine(int line); // from 1
    // Asks for a line number (Ctrl+G) in a small dialog.
    void askGoToLine();
    // Adds the next occurrence of the selected text as another selection (Ctrl+D).
    void selectNextOccurrence();

    // Marks a line (from 1) as the place of an error, with its message (if any) shown
    // below it. The caret stays where it is; goToLine() takes the user there.
    void markError(int line, const QString &message);
    void clearErrors();
    int errorLine() const { return mErrorLine; }
    // Marks many lines at once (a validator's findings): a red or amber marker in the
    // margin and the messages boxed below each line. Replaces what markError showed.
    struct LineProblem
    {
        int line = 0; // from 1
        QString message;
        bool warning = false;
    };
    void markProblems(const QList<LineProblem> &problems);
    // The lines marked by markProblems (from 1), errors and warnings alike.
    QList<int> problemLines() const;

    // Colours from the palette; called again when the palette changes.
    void applyTheme();
    static bool isDark(const QPalette &palette);

signals:
    void zoomChanged(int zoom);

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // The editor's own Ctrl shortcuts, which the window's must not take.
    std::function<void()> keyAction(const QKeyEvent *event);
    void onCharAdded(int character);
    void insertCompletion(int id, const QString &text);
    void updateMarginWidth();
    QString lineCommentPrefix() const;

    Language mLanguage = Language::PlainText;
    QsciAPIs *mApis = nullptr;
    EventFields mFields;
    int mErrorMarker = -1;
    int mWarningMarker = -1;
    int mErrorIndicator = -1;
    int mErrorLine = 0;
};

} // namespace Nimbus
