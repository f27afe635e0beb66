// Preferences apply at once and persist; the command palette finds and runs every
// menu action from the keyboard.

#include "actionmanager.h"
#include "autosave.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/nodeitem.h"
#include "commandpalette.h"
#include "cost/costview.h"
#include "document/project.h"
#include "editor/codeeditor.h"
#include "export/exportdialog.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "preferences/preferencesdialog.h"
#include "preferences/restartprompt.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "theme.h"

#include <Qsci/qscilexer.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace Nimbus;

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void preferencesApplyAtOnce();
    void preferencesPersist();
    void numbersStayInRange_data();
    void numbersStayInRange();
    void themeSwitches();
    void themeSwitchRestylesWhatIsOpen();
    void editorFontFollows();
    void fuzzyScore_data();
    void fuzzyScore();
    void paletteListsEveryMenuAction();
    void paletteRunsAnActionFromTheKeyboard();
    void docksAreReachedFromTheKeyboard();
    void everyControlHasAName();
    void iconsAreCrispAtTwiceTheScale();
    void localeFollowsLanguage();
    void languageChangeOffersRestart();
    void restartSavesFirst();
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPreferences::init()
{
    QSettings().clear();
    Preferences::applyTheme(Preferences::Theme::System);
}

void TestPreferences::preferencesApplyAtOnce()
{
    MainWindow window;
    window.actionManager()->action(ActionIds::Preferences)->trigger();
    auto *dialog = window.findChild<PreferencesDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(QStringLiteral("idleSpin"))->setValue(42);
    QCOMPARE(window.runner()->pool()->idleTimeout(), 42000);
    dialog->findChild<QSpinBox *>(QStringLiteral("autosaveSpin"))->setValue(17);
    QCOMPARE(window.autosave()->interval(), 17000);
    auto *region = dialog->findChild<QComboBox *>(QStringLiteral("regionCombo"));
    region->setCurrentText(QStringLiteral("eu-west-3"));
    QCOMPARE(Preferences::instance().defaultRegion(), QStringLiteral("eu-west-3"));
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    auto *notice = dialog->findChild<QLabel *>(QStringLiteral("restartNotice"));
    QVERIFY(notice->isHidden());
    language->setCurrentIndex(language->findData(QStringLiteral("fr")));
    QVERIFY(!notice->isHidden());
    QCOMPARE(Preferences::instance().language(), QStringLiteral("fr"));
    // Settings > Language offers the same choice, checked where the preference is.
    QVERIFY(window.actionManager()->action(QByteArray(ActionIds::Language) + "fr")->isChecked());
    window.actionManager()->action(QByteArray(ActionIds::Language) + "en")->trigger();
    QCOMPARE(Preferences::instance().language(), QStringLiteral("en"));
    // The same action brings back the open dialog rather than a second one.
    window.actionManager()->action(ActionIds::Preferences)->trigger();
    QCOMPARE(window.findChildren<PreferencesDialog *>().size(), 1);
}

void TestPreferences::preferencesPersist()
{
    {
        PreferencesDialog dialog;
        dialog.findChild<QSpinBox *>(QStringLiteral("cloudPortSpin"))->setValue(3100);
        dialog.findChild<QSpinBox *>(QStringLiteral("awsPortSpin"))->setValue(4600);
        auto *provider = dialog.findChild<QComboBox *>(QStringLiteral("providerCombo"));
        provider->setCurrentIndex(provider->findData(QStringLiteral("gcp")));
    }
    // What a later session reads, through QSettings.
    QSettings settings;
    QCOMPARE(settings.value("preferences/localCloudPort").toInt(), 3100);
    QCOMPARE(settings.value("preferences/awsEndpointPort").toInt(), 4600);
    QCOMPARE(settings.value("preferences/defaultProvider").toString(), QStringLiteral("gcp"));
    // A new dialog shows them.
    PreferencesDialog again;
    QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("cloudPortSpin"))->value(), 3100);
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("providerCombo"))->currentData().toString(),
             QStringLiteral("gcp"));
    // The export dialog starts on the default provider's target.
    MainWindow window;
    ExportDialog *exportDialog = window.showExportDialog();
    QCOMPARE(exportDialog->target(), QStringLiteral("cloudrun"));
}

// Each whole-number setting: its default, a value out of range written to the settings
// file is read back clamped, setting one clamps, and the dialog's box offers its range.
void TestPreferences::numbersStayInRange_data()
{
    QTest::addColumn<int>("number"); // a Preferences::Number
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("box");
    QTest::addColumn<int>("fallback");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("maximum");
    QTest::newRow("idle") << int(Preferences::Number::IdleInstanceSeconds) << "preferences/idleInstanceSeconds"
                          << "idleSpin" << 300 << 10 << 3600;
    QTest::newRow("cloud port") << int(Preferences::Number::LocalCloudPort) << "preferences/localCloudPort"
                                << "cloudPortSpin" << 3000 << 1 << 65535;
    QTest::newRow("aws port") << int(Preferences::Number::AwsEndpointPort) << "preferences/awsEndpointPort"
                              << "awsPortSpin" << 4566 << 1 << 65535;
    QTest::newRow("autosave") << int(Preferences::Number::AutosaveSeconds) << "preferences/autosaveSeconds"
                              << "autosaveSpin" << 60 << 5 << 3600;
}

void TestPreferences::numbersStayInRange()
{
    QFETCH(int, number);
    QFETCH(QString, key);
    QFETCH(QString, box);
    QFETCH(int, fallback);
    QFETCH(int, minimum);
    QFETCH(int, maximum);
    const auto which = Preferences::Number(number);
    Preferences &p = Preferences::instance();
    QCOMPARE(p.number(which), fallback);
    QCOMPARE(Preferences::range(which), std::make_pair(minimum, maximum));
    QSettings().setValue(key, maximum + 1);
    QCOMPARE(p.number(which), maximum);
    p.setNumber(which, minimum - 1);
    QCOMPARE(QSettings().value(key).toInt(), minimum);
    PreferencesDialog dialog;
    auto *spin = dialog.findChild<QSpinBox *>(box);
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), minimum);
    QCOMPARE(spin->maximum(), maximum);
    QCOMPARE(spin->value(), minimum);
    spin->setValue(fallback);
    QCOMPARE(p.number(which), fallback);
}

void TestPreferences::themeSwitches()
{
    PreferencesDialog dialog;
    auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("themeCombo"));
    const QColor system = QApplication::palette().color(QPalette::Window);
    theme->setCurrentIndex(theme->findData(int(Preferences::Theme::Dark)));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(QSettings().value("preferences/theme").toString(), QStringLiteral("dark"));
    theme->setCurrentIndex(theme->findData(int(Preferences::Theme::Light)));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    theme->setCurrentIndex(theme->findData(int(Preferences::Theme::System)));
    QCOMPARE(QApplication::palette().color(QPalette::Window), system);
}

// Dark chosen in the dialog while the window is open: the charts already drawn and the
// tool bar's icons take the dark theme's colours at once.
void TestPreferences::themeSwitchRestylesWhatIsOpen()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    window.show();
    window.showCost();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *volume = window.costView()->findChild<QChartView *>(QStringLiteral("volumeChart"));
    QVERIFY(volume->chart()->backgroundBrush().color().lightness() > 128);
    // A card as drawn on the canvas (cards keep a cached picture of themselves).
    CanvasView *view = window.canvasView();
    const NodeItem *card = window.canvasScene()->nodeItem(
        window.project()->architecture().nodeByName(QStringLiteral("createOrder"))->id);
    view->ensureVisible(card);
    auto cardPixel = [&] {
        const QPoint at = view->mapFromScene(card->mapToScene(QPointF(NodeItem::kWidth - 40, 5)));
        return QColor(view->viewport()->grab().toImage().pixel(at));
    };
    QVERIFY2(cardPixel().lightness() > 200, qPrintable(cardPixel().name()));
    window.actionManager()->action(ActionIds::Preferences)->trigger();
    auto *dialog = window.findChild<PreferencesDialog *>();
    QVERIFY(dialog);
    auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("themeCombo"));
    theme->setCurrentIndex(theme->findData(int(Preferences::Theme::Dark)));
    QCoreApplication::processEvents(); // Qt posts the palette change to each widget
    const QPalette dark = QApplication::palette();
    QCOMPARE(volume->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
    QCOMPARE(volume->chart()->titleBrush().color(), dark.color(QPalette::Text));
    // The Run button's icon is drawn in the dark theme's light button text.
    auto *bar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QAction *run = window.actionManager()->action(ActionIds::Invoke);
    const QImage icon = run->icon().pixmap(QSize(20, 20)).toImage();
    int light = 0;
    for (int y = 0; y < icon.height(); ++y)
        for (int x = 0; x < icon.width(); ++x)
            light += qAlpha(icon.pixel(x, y)) == 255 && QColor(icon.pixel(x, y)).lightness() > 180;
    QVERIFY(light > 20);
    QVERIFY(bar->widgetForAction(run));
    // The cards are drawn again in the dark theme, at once.
    QVERIFY2(cardPixel().lightness() < 100, qPrintable(cardPixel().name()));
}

void TestPreferences::editorFontFollows()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    QVERIFY(window.openFunctionCode(QStringLiteral("getItem")));
    CodeEditor *editor = window.findChild<CodeEditor *>();
    QVERIFY(editor);
    QFont font = Preferences::instance().editorFont();
    font.setPointSize(21);
    Preferences::instance().setEditorFont(font);
    QVERIFY(editor->lexer());
    QCOMPARE(editor->lexer()->defaultFont().pointSize(), 21);
}

void TestPreferences::fuzzyScore_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("initials") << "exp plat"
                              << "File › Export to Platform..." << true;
    QTest::newRow("case ignored") << "SAVE"
                                  << "File › Save As..." << true;
    QTest::newRow("letters out of order") << "tlpa"
                                          << "File › Export to Platform..." << false;
    QTest::newRow("accents are letters") << "préf"
                                         << "Édition › Préférences..." << true;
    QTest::newRow("empty matches all") << ""
                                       << "View › Zoom In" << true;
}

void TestPreferences::fuzzyScore()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(CommandPalette::score(pattern, text) >= 0, matches);
}

void TestPreferences::paletteListsEveryMenuAction()
{
    MainWindow window;
    // Every leaf action of every menu, submenus included.
    int leaves = 0;
    std::function<void(QMenu *)> count = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->text().isEmpty())
                continue;
            if (a->menu())
                count(a->menu());
            else
                ++leaves;
        }
    };
    for (QAction *a : window.menuBar()->actions())
        if (a->menu())
            count(a->menu());
    // And the tool bars' buttons that no menu holds.
    for (QToolBar *bar : window.findChildren<QToolBar *>())
        for (QAction *a : bar->actions())
            if (!a->isSeparator() && !a->text().isEmpty() && !window.actionManager()->id(a).isEmpty()
                && !std::any_of(a->associatedObjects().cbegin(), a->associatedObjects().cend(),
                                [](QObject *o) { return qobject_cast<QMenu *>(o) != nullptr; }))
                ++leaves;
    CommandPalette palette(*window.actionManager());
    QCOMPARE(palette.shownActions().size(), leaves);
    QVERIFY(leaves > 40);
    // Word starts and runs beat scattered letters.
    QVERIFY(CommandPalette::score("zoom", "View › Zoom In") > CommandPalette::score("zoom", "z o o m"));
}

void TestPreferences::paletteRunsAnActionFromTheKeyboard()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    CommandPalette *palette = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (palette = window.findChild<CommandPalette *>()) != nullptr; }, 2000));
    auto *search = palette->findChild<QLineEdit *>(QStringLiteral("commandSearch"));
    QTest::keyClicks(search, QStringLiteral("exp plat"));
    QCOMPARE(palette->shownActions().value(0), window.actionManager()->action(ActionIds::Export));
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return window.findChild<ExportDialog *>() != nullptr; }, 5000));
}

void TestPreferences::docksAreReachedFromTheKeyboard()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openExample(QStringLiteral("shop")));
    const QList<QPair<Qt::Key, QString>> keys = {{Qt::Key_1, "paletteDock"},  {Qt::Key_2, "inspectorDock"},
                                                 {Qt::Key_3, "problemsDock"}, {Qt::Key_4, "runDock"},
                                                 {Qt::Key_5, "costDock"},     {Qt::Key_6, "cloudDock"}};
    for (const auto &[key, name] : keys) {
        QTest::keyClick(&window, key, Qt::AltModifier);
        auto *dock = window.findChild<QDockWidget *>(name);
        QVERIFY2(dock->isVisible(), qPrintable(name));
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus && dock->isAncestorOf(focus), qPrintable(name + QStringLiteral(" has not the focus")));
    }
    QTest::keyClick(&window, Qt::Key_0, Qt::AltModifier);
    QVERIFY(QApplication::focusWidget() && QApplication::focusWidget()->inherits("Nimbus::CanvasView"));
}

void TestPreferences::everyControlHasAName()
{
    // What a screen reader announces: a control's text, accessible name, tooltip,
    // placeholder, or the label it is the buddy of.
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    window.showPreferences();
    window.showExportDialog();
    QSet<QWidget *> labelled;
    for (QLabel *label : window.findChildren<QLabel *>())
        if (label->buddy())
            labelled.insert(label->buddy());
    QStringList unnamed;
    for (QWidget *w : window.findChildren<QWidget *>()) {
        const bool control = w->inherits("QAbstractButton") || w->inherits("QLineEdit") || w->inherits("QComboBox")
                             || w->inherits("QAbstractSpinBox") || w->inherits("QAbstractItemView")
                             || w->inherits("QSlider") || w->inherits("QsciScintilla");
        if (!control || !(w->focusPolicy() & Qt::TabFocus) || w->parentWidget()->inherits("QComboBox")
            || w->inherits("QComboBoxListView") || w->parentWidget()->inherits("QAbstractSpinBox")
            || (w->inherits("QToolButton") && w->parentWidget()->inherits("QTabBar")))
            continue;
        QString name = w->accessibleName();
        if (auto *b = qobject_cast<QAbstractButton *>(w); name.isEmpty() && b)
            name = b->text().isEmpty() ? b->toolTip() : b->text();
        if (auto *e = qobject_cast<QLineEdit *>(w); name.isEmpty() && e)
            name = e->placeholderText();
        if (name.isEmpty() && !labelled.contains(w) && w->toolTip().isEmpty())
            unnamed.append(
                QStringLiteral("%1 (%2)").arg(w->objectName(), QString::fromLatin1(w->metaObject()->className())));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestPreferences::iconsAreCrispAtTwiceTheScale()
{
    // The icons are SVG: drawn at the size asked, never a scaled-up bitmap.
    const QIcon icon(QStringLiteral(":/nimbus/icons/nimbus-studio.svg"));
    const QPixmap at2x = icon.pixmap(QSize(32, 32), 2.0);
    QCOMPARE(at2x.size(), QSize(64, 64));
    QCOMPARE(at2x.devicePixelRatio(), 2.0);
    const QIcon kind(QStringLiteral(":/nimbus/icons/kinds/function.svg"));
    QCOMPARE(kind.pixmap(QSize(24, 24), 2.0).size(), QSize(48, 48));
}

// Numbers and dates in the language chosen: French writes 1 234,5 and "2 décembre 2026".
void TestPreferences::localeFollowsLanguage()
{
    Preferences::applyLocale(QStringLiteral("fr"));
    QCOMPARE(QLocale().language(), QLocale::French);
    QCOMPARE(QLocale().toString(1234.5, 'f', 1).remove(QChar(0x202f)).remove(QChar(0xa0)), QStringLiteral("1234,5"));
    QVERIFY(QLocale().toString(QDate(2026, 12, 2), QLocale::LongFormat).contains(QStringLiteral("décembre")));
    QCOMPARE(Preferences::startedLanguage(), QStringLiteral("fr"));
    Preferences::applyLocale(QStringLiteral("en"));
    QCOMPARE(QLocale().toString(1234.5, 'f', 1).remove(QLatin1Char(',')), QStringLiteral("1234.5"));
    // The system's language keeps the system's locale.
    Preferences::applyLocale(QString());
    QCOMPARE(QLocale(), QLocale::system());
}

namespace {
struct Launches
{
    QList<QStringList> calls; // program, then arguments
    Launches()
    {
        RestartPrompt::setLauncher([this](const QString &program, const QStringList &arguments) {
            calls.append(QStringList{program} + arguments);
        });
    }
    ~Launches()
    {
        RestartPrompt::setLauncher([](const QString &, const QStringList &) {});
    }
};
} // namespace

// A language chosen in Preferences offers a restart: Later leaves things be, Restart Now
// closes the window and starts the program again.
void TestPreferences::languageChangeOffersRestart()
{
    Launches launches;
    MainWindow window;
    window.show();
    PreferencesDialog *dialog = window.showPreferences();
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("fr")));
    QPointer<RestartPrompt> prompt = window.findChild<RestartPrompt *>();
    QVERIFY(prompt);
    QVERIFY(prompt->isVisible());
    QCOMPARE(prompt->defaultButton()->objectName(), QStringLiteral("restartLater"));
    // Going through several languages asks once.
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    QCOMPARE(window.findChildren<RestartPrompt *>().size(), 1);
    QTest::mouseClick(prompt->findChild<QPushButton *>(QStringLiteral("restartLater")), Qt::LeftButton);
    QTRY_VERIFY(!prompt);
    QVERIFY(launches.calls.isEmpty());
    QVERIFY(window.isVisible());
    QCOMPARE(Preferences::instance().language(), QStringLiteral("en"));

    // Settings > Language offers it too.
    window.actionManager()->action(QByteArray(ActionIds::Language) + "fr")->trigger();
    QCOMPARE(Preferences::instance().language(), QStringLiteral("fr"));
    prompt = window.findChild<RestartPrompt *>();
    QVERIFY(prompt);
    QTest::mouseClick(prompt->findChild<QPushButton *>(QStringLiteral("restartNow")), Qt::LeftButton);
    QCOMPARE(launches.calls.size(), 1);
    QCOMPARE(launches.calls.first().first(), QCoreApplication::applicationFilePath());
    QVERIFY(!window.isVisible());
    QCOMPARE(QSettings().value("preferences/language").toString(), QStringLiteral("fr"));
}

// Restart Now goes through the window's close: a modified project is offered to be saved,
// and Cancel there cancels the restart.
void TestPreferences::restartSavesFirst()
{
    Launches launches;
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    window.show();
    window.project()->undoStack()->push(new QUndoCommand(QStringLiteral("an edit")));
    QVERIFY(window.project()->isModified());
    PreferencesDialog *dialog = window.showPreferences();
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("fr")));
    auto *prompt = window.findChild<RestartPrompt *>();
    QVERIFY(prompt);
    QString asked;
    auto answer = [&asked](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [&asked, button] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = box->text();
                box->button(button)->click();
            }
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!RestartPrompt::restart(dialog));
    QVERIFY2(asked.contains(QLatin1String("not saved")), qPrintable(asked));
    QVERIFY(launches.calls.isEmpty());
    QVERIFY(window.isVisible());
    asked.clear();
    answer(QMessageBox::Discard);
    QTest::mouseClick(prompt->findChild<QPushButton *>(QStringLiteral("restartNow")), Qt::LeftButton);
    QVERIFY(asked.contains(QLatin1String("not saved")));
    QCOMPARE(launches.calls.size(), 1);
    QVERIFY(!window.isVisible());
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
