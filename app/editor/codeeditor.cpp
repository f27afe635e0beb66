#include "codeeditor.h"

#include "preferences/preferences.h"

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexercpp.h>
#include <Qsci/qscilexercsharp.h>
#include <Qsci/qscilexerjava.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexerxml.h>
#include <Qsci/qscilexeryaml.h>

#include <QApplication>
#include <QFileInfo>
#include <QFontDatabase>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMap>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr int kFieldList = 1;
constexpr int kErrorStyle = 250; // annotation style, beyond the lexers' styles
constexpr int kWarningStyle = 251;

// TypeScript: JavaScript's lexer with TypeScript's words.
class TypeScriptLexer : public QsciLexerJavaScript
{
public:
    using QsciLexerJavaScript::QsciLexerJavaScript;
    const char *language() const override { return "TypeScript"; }
    const char *keywords(int set) const override
    {
        if (set == 1)
            return "abstract any as async await boolean break case catch class const constructor continue "
                   "declare default delete do else enum export extends false finally for from function get "
                   "if implements import in infer instanceof interface is keyof let module namespace never "
                   "new null number object of private protected public readonly return set static string "
                   "super switch symbol this throw true try type typeof undefined unique unknown var void "
                   "while with yield";
        return QsciLexerJavaScript::keywords(set);
    }
};

// Go: the C family's lexer (comments, strings, numbers as Go writes them) with Go's words.
class GoLexer : public QsciLexerCPP
{
public:
    using QsciLexerCPP::QsciLexerCPP;
    const char *language() const override { return "Go"; }
    const char *keywords(int set) const override
    {
        if (set == 1)
            return "break case chan const continue default defer else fallthrough for func go goto if import "
                   "interface map package range return select struct switch type var";
        if (set == 2)
            return "any bool byte complex64 complex128 error false float32 float64 int int8 int16 int32 int64 "
                   "iota nil rune string true uint uint8 uint16 uint32 uint64 uintptr append cap close copy "
                   "delete len make new panic print println recover";
        return nullptr;
    }
};

QStringList keywordList(const QsciLexer *lexer)
{
    QStringList words;
    for (int set = 1; set <= 2; ++set)
        if (const char *k = lexer->keywords(set))
            words += QString::fromLatin1(k).split(' '_L1, Qt::SkipEmptyParts);
    return words;
}
} // namespace

CodeEditor::CodeEditor(QWidget *parent) : QsciScintilla(parent)
{
    setAccessibleName(tr("Code editor"));
    setUtf8(true);
    setEolMode(EolUnix);
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    setFolding(BoxedTreeFoldStyle, 2);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationGuides(true);
    setTabWidth(4);
    setBackspaceUnindents(true);
    setAutoCompletionSource(AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(true);
    setAutoCompletionReplaceWord(false);
    setAnnotationDisplay(AnnotationBoxed);

    // Multiple cursors: Ctrl+click adds a caret, typing goes to all, Alt+drag selects a column.
    SendScintilla(SCI_SETMULTIPLESELECTION, 1);
    SendScintilla(SCI_SETADDITIONALSELECTIONTYPING, 1);
    SendScintilla(SCI_SETMULTIPASTE, SC_MULTIPASTE_EACH);
    SendScintilla(SCI_SETRECTANGULARSELECTIONMODIFIER, SCMOD_ALT);

    mErrorMarker = markerDefine(Circle);
    mWarningMarker = markerDefine(Circle);
    setMarginType(1, SymbolMargin);
    setMarginWidth(1, 14);
    setMarginMarkerMask(1, (1 << mErrorMarker) | (1 << mWarningMarker));
    setMarginSensitivity(1, false);
    mErrorIndicator = indicatorDefine(SquiggleIndicator);

    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateMarginWidth);
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, &CodeEditor::onCharAdded);
    connect(this, &QsciScintilla::userListActivated, this, &CodeEditor::insertCompletion);
    connect(this, &QsciScintillaBase::SCN_ZOOM, this, [this] { emit zoomChanged(SendScintilla(SCI_GETZOOM)); });

    setLanguage(Language::PlainText);
    zoomTo(QSettings().value(u"editor/zoom"_s, 0).toInt());
}

CodeEditor::~CodeEditor()
{
    // QsciAPIs prepares its list on a thread that reads the lexer: it must end (the
    // destructor waits for it) while the lexer is whole, before QObject deletes children.
    delete mApis;
}

CodeEditor::Language CodeEditor::languageForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == "js"_L1 || suffix == "mjs"_L1 || suffix == "cjs"_L1 || suffix == "jsx"_L1)
        return Language::JavaScript;
    if (suffix == "ts"_L1 || suffix == "mts"_L1 || suffix == "cts"_L1 || suffix == "tsx"_L1)
        return Language::TypeScript;
    if (suffix == "py"_L1 || suffix == "pyi"_L1)
        return Language::Python;
    if (suffix == "json"_L1)
        return Language::Json;
    if (suffix == "yaml"_L1 || suffix == "yml"_L1)
        return Language::Yaml;
    if (suffix == "java"_L1)
        return Language::Java;
    if (suffix == "cs"_L1)
        return Language::CSharp;
    if (suffix == "go"_L1)
        return Language::Go;
    // A custom runtime's bootstrap is most often a shell script (AWS's tutorial's is).
    if (suffix == "sh"_L1 || suffix == "bash"_L1 || QFileInfo(fileName).fileName() == "bootstrap"_L1)
        return Language::Shell;
    if (suffix == "xml"_L1 || suffix == "csproj"_L1)
        return Language::Xml;
    return Language::PlainText;
}

void CodeEditor::setLanguage(Language language)
{
    mLanguage = language;
    QsciLexer *lexer = nullptr;
    switch (language) {
    case Language::JavaScript: lexer = new QsciLexerJavaScript(this); break;
    case Language::TypeScript: lexer = new TypeScriptLexer(this); break;
    case Language::Python: lexer = new QsciLexerPython(this); break;
    case Language::Json: lexer = new QsciLexerJSON(this); break;
    case Language::Yaml: lexer = new QsciLexerYAML(this); break;
    case Language::Java: lexer = new QsciLexerJava(this); break;
    case Language::CSharp: lexer = new QsciLexerCSharp(this); break;
    case Language::Go: lexer = new GoLexer(this); break;
    case Language::Shell: lexer = new QsciLexerBash(this); break;
    case Language::Xml: lexer = new QsciLexerXML(this); break;
    case Language::PlainText: break;
    }
    // The completion list first: its preparation thread reads the lexer until it ends.
    delete mApis;
    mApis = nullptr;
    QsciLexer *old = this->lexer();
    setLexer(lexer);
    delete old;
    if (lexer) {
        // Keywords, plus the names a handler starts from.
        mApis = new QsciAPIs(lexer);
        for (const QString &word : keywordList(lexer))
            mApis->add(word);
        mApis->add(u"event"_s);
        mApis->add(u"context"_s);
        mApis->prepare();
    }
    const bool python = language == Language::Python;
    setIndentationWidth(python ? 4 : (language == Language::Yaml || language == Language::Json ? 2 : 4));
    // gofmt indents with tabs.
    setIndentationsUseTabs(language == Language::Go);
    mFields.setRoot(u"context"_s, EventFields::contextSample(python ? EventFields::Language::Python
                                                                    : EventFields::Language::JavaScript));
    applyTheme();
}

void CodeEditor::setEventSample(const QJsonValue &event)
{
    mFields.setRoot(u"event"_s, event);
}

bool CodeEditor::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

void CodeEditor::applyTheme()
{
    const QPalette p = QApplication::palette(this);
    const bool dark = isDark(p);
    const QColor paper = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    const QColor comment = dark ? QColor(0x7f, 0x8c, 0x8d) : QColor(0x6a, 0x73, 0x7d);
    const QColor string = dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    const QColor keyword = dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3);
    const QColor number = dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    const QColor other = dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x80, 0x00, 0x80);

    const QFont font = Preferences::instance().editorFont();
    if (QsciLexer *l = lexer()) {
        l->setDefaultPaper(paper);
        l->setDefaultColor(text);
        l->setDefaultFont(font);
        l->setPaper(paper, -1);
        l->setFont(font, -1);
        // Colours by what each style is (the lexers describe their styles), so every
        // lexer gets the same scheme.
        for (int style = 0; style < 128; ++style) {
            const QString what = l->description(style).toLower();
            if (what.isEmpty())
                continue;
            QColor c = text;
            if (what.contains("comment"_L1))
                c = comment;
            else if (what.contains("string"_L1) || what.contains("character"_L1)
                     || what.contains("regular expression"_L1) || what.contains("text block"_L1))
                c = string;
            else if (what.contains("keyword"_L1) || what.contains("property"_L1) || what.contains("decorator"_L1))
                c = keyword;
            else if (what.contains("number"_L1))
                c = number;
            else if (what.contains("class name"_L1) || what.contains("function"_L1) || what.contains("escape"_L1)
                     || what.contains("document"_L1))
                c = other;
            else if (what.contains("error"_L1) || what.contains("unclosed"_L1))
                c = QColor(0xe0, 0x40, 0x40);
            l->setColor(c, style);
            l->setPaper(paper, style);
        }
    } else {
        setFont(font);
        setPaper(paper);
        setColor(text);
    }
    setMarginsFont(font);
    setMarginsBackgroundColor(p.color(QPalette::Window));
    setMarginsForegroundColor(p.color(QPalette::PlaceholderText));
    setFoldMarginColors(p.color(QPalette::Window), p.color(QPalette::Window));
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(dark ? paper.lighter(130) : paper.darker(106));
    setSelectionBackgroundColor(p.color(QPalette::Highlight));
    setSelectionForegroundColor(p.color(QPalette::HighlightedText));
    setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x5a, 0x3a) : QColor(0xc8, 0xf0, 0xc8));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(QColor(0xe0, 0x40, 0x40));
    setIndentationGuidesBackgroundColor(paper);
    setIndentationGuidesForegroundColor(p.color(QPalette::Mid));
    setMarkerBackgroundColor(QColor(0xd3, 0x2f, 0x2f), mErrorMarker);
    setMarkerForegroundColor(QColor(0xd3, 0x2f, 0x2f), mErrorMarker);
    setIndicatorForegroundColor(QColor(0xe0, 0x40, 0x40), mErrorIndicator);
    SendScintilla(SCI_STYLESETBACK, kErrorStyle, dark ? QColor(0x4a, 0x20, 0x20) : QColor(0xfd, 0xe8, 0xe8));
    SendScintilla(SCI_STYLESETFORE, kErrorStyle, dark ? QColor(0xff, 0xb0, 0xb0) : QColor(0x8b, 0x00, 0x00));
    setMarkerBackgroundColor(QColor(0xe0, 0xa0, 0x10), mWarningMarker);
    setMarkerForegroundColor(QColor(0xe0, 0xa0, 0x10), mWarningMarker);
    SendScintilla(SCI_STYLESETBACK, kWarningStyle, dark ? QColor(0x4a, 0x3c, 0x10) : QColor(0xff, 0xf4, 0xd6));
    SendScintilla(SCI_STYLESETFORE, kWarningStyle, dark ? QColor(0xff, 0xdc, 0x90) : QColor(0x6b, 0x4a, 0x00));
    SendScintilla(SCI_SETADDITIONALCARETFORE, text);
    updateMarginWidth();
}

void CodeEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QsciScintilla::changeEvent(event);
}

void CodeEditor::updateMarginWidth()
{
    setMarginWidth(0, u"0%1"_s.arg(lines()));
}

QString CodeEditor::lineCommentPrefix() const
{
    switch (mLanguage) {
    case Language::JavaScript:
    case Language::TypeScript: return u"//"_s;
    case Language::Python:
    case Language::Yaml: return u"#"_s;
    default: return {};
    }
}

void CodeEditor::toggleComment()
{
    const QString prefix = lineCommentPrefix();
    if (prefix.isEmpty())
        return;
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    if (hasSelectedText()) {
        getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        if (indexTo == 0 && lineTo > lineFrom)
            --lineTo;
    } else {
        getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
    }
    // Comment all lines unless every non-blank one is commented already.
    bool allCommented = true;
    int indent = INT_MAX;
    for (int l = lineFrom; l <= lineTo; ++l) {
        const QString t = text(l);
        if (t.trimmed().isEmpty())
            continue;
        indent = std::min(indent, int(indentation(l)));
        allCommented = allCommented && t.trimmed().startsWith(prefix);
    }
    if (indent == INT_MAX)
        return;
    beginUndoAction();
    for (int l = lineFrom; l <= lineTo; ++l) {
        const QString t = text(l);
        if (t.trimmed().isEmpty())
            continue;
        if (allCommented) {
            const int at = int(t.indexOf(prefix));
            const int length = int(prefix.size()) + (t.mid(at + prefix.size(), 1) == " "_L1 ? 1 : 0);
            setSelection(l, at, l, at + length);
            removeSelectedText();
        } else {
            insertAt(prefix + ' '_L1, l, indent);
        }
    }
    endUndoAction();
    if (lineTo > lineFrom)
        setSelection(lineFrom, 0, lineTo + 1, 0);
}

void CodeEditor::goToLine(int line)
{
    const int target = std::clamp(line, 1, std::max(1, lines())) - 1;
    setCursorPosition(target, 0);
    ensureLineVisible(target);
    SendScintilla(SCI_SCROLLCARET);
    setFocus();
}

void CodeEditor::askGoToLine()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"goToLineDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Go to Line"));
    dialog->setLabelText(tr("Line (1 - %1):").arg(lines()));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, std::max(1, lines()));
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    dialog->setIntValue(line + 1);
    connect(dialog, &QInputDialog::intValueSelected, this, &CodeEditor::goToLine);
    dialog->open();
}

void CodeEditor::selectNextOccurrence()
{
    SendScintilla(SCI_TARGETWHOLEDOCUMENT);
    SendScintilla(SCI_SETSEARCHFLAGS, SCFIND_MATCHCASE);
    // (hasSelectedText() lags until the next update; Scintilla knows now.)
    if (SendScintilla(SCI_GETSELECTIONEMPTY)) {
        // First press: the word at the caret.
        const long pos = SendScintilla(SCI_GETCURRENTPOS);
        const long start = SendScintilla(SCI_WORDSTARTPOSITION, pos, true);
        const long end = SendScintilla(SCI_WORDENDPOSITION, pos, true);
        if (end > start)
            SendScintilla(SCI_SETSELECTION, end, start);
        return;
    }
    SendScintilla(SCI_MULTIPLESELECTADDNEXT);
}

void CodeEditor::markError(int line, const QString &message)
{
    clearErrors();
    if (line < 1 || line > lines())
        return;
    mErrorLine = line;
    markerAdd(line - 1, mErrorMarker);
    // The squiggle runs from the first character to the end of the line's text.
    QString t = text(line - 1);
    while (t.endsWith('\n'_L1) || t.endsWith('\r'_L1))
        t.chop(1);
    int first = 0;
    while (first < t.size() && t.at(first).isSpace())
        ++first;
    if (first == t.size())
        first = 0; // a blank line: mark all of it
    fillIndicatorRange(line - 1, first, line - 1, int(t.size()), mErrorIndicator);
    if (!message.isEmpty())
        annotate(line - 1, message, kErrorStyle);
}

void CodeEditor::markProblems(const QList<LineProblem> &problems)
{
    clearErrors();
    QMap<int, QPair<QStringList, bool>> byLine; // line -> messages, any error
    for (const LineProblem &problem : problems) {
        if (problem.line < 1 || problem.line > lines())
            continue;
        auto &entry = byLine[problem.line];
        if (!problem.message.isEmpty())
            entry.first.append(problem.message);
        entry.second = entry.second || !problem.warning;
    }
    for (auto it = byLine.cbegin(); it != byLine.cend(); ++it) {
        markerAdd(it.key() - 1, it.value().second ? mErrorMarker : mWarningMarker);
        if (!it.value().first.isEmpty())
            annotate(it.key() - 1, it.value().first.join('\n'_L1), it.value().second ? kErrorStyle : kWarningStyle);
    }
}

QList<int> CodeEditor::problemLines() const
{
    QList<int> found;
    const int mask = (1 << mErrorMarker) | (1 << mWarningMarker);
    for (int line = markerFindNext(0, mask); line >= 0; line = markerFindNext(line + 1, mask))
        found.append(line + 1);
    return found;
}

void CodeEditor::clearErrors()
{
    mErrorLine = 0;
    markerDeleteAll(mErrorMarker);
    markerDeleteAll(mWarningMarker);
    clearIndicatorRange(0, 0, std::max(0, lines() - 1), int(text(std::max(0, lines() - 1)).size()), mErrorIndicator);
    clearAnnotations();
}

EventFields::Completion CodeEditor::fieldCompletionAtCaret() const
{
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    // index counts characters on the line in QScintilla's UTF-8 mode.
    return mFields.complete(text(line).left(index));
}

void CodeEditor::complete()
{
    const EventFields::Completion c = fieldCompletionAtCaret();
    if (!c.candidates.isEmpty())
        showUserList(kFieldList, c.candidates);
    else
        autoCompleteFromAll();
}

void CodeEditor::onCharAdded(int character)
{
    if (character != '.' && character != '[' && character != '"' && character != '\'')
        return;
    const EventFields::Completion c = fieldCompletionAtCaret();
    if (!c.candidates.isEmpty())
        showUserList(kFieldList, c.candidates);
}

void CodeEditor::insertCompletion(int id, const QString &text)
{
    if (id != kFieldList)
        return;
    const EventFields::Completion c = fieldCompletionAtCaret();
    const long pos = SendScintilla(SCI_GETCURRENTPOS);
    // The typed part of the member is replaced by the chosen one.
    const long start = SendScintilla(SCI_POSITIONRELATIVE, pos, -long(c.prefixLength));
    SendScintilla(SCI_SETSELECTION, start, pos);
    replaceSelectedText(text);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (const auto action = keyAction(event)) {
        action();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

std::function<void()> CodeEditor::keyAction(const QKeyEvent *event)
{
    if (event->modifiers() != Qt::ControlModifier)
        return {};
    switch (event->key()) {
    case Qt::Key_Space: return [this] { complete(); };
    case Qt::Key_Slash: return [this] { toggleComment(); };
    case Qt::Key_G: return [this] { askGoToLine(); };
    case Qt::Key_D: return [this] { selectNextOccurrence(); };
    case Qt::Key_Equal:
    case Qt::Key_Plus: return [this] { zoomIn(); };
    case Qt::Key_Minus: return [this] { zoomOut(); };
    case Qt::Key_0: return [this] { zoomTo(0); };
    default: return {};
    }
}

bool CodeEditor::event(QEvent *event)
{
    // The window's zoom and canvas shortcuts must not take the editor's own keys.
    if (event->type() == QEvent::ShortcutOverride && keyAction(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QsciScintilla::event(event);
}

} // namespace Nimbus
