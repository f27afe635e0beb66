// The studio in French, as a new French user sees it: the main window with the example,
// Preferences, Export, the cost view, the Run dock and the Scenarios dock. No label or
// button is cut (French words are longer), no tab title is shortened, and no text that
// has a French translation is still shown in English. The Inspector has a test of its own
// (tst_inspectorfrench).

#include "export/exportdialog.h"
#include "export/pluginregistry.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "preferences/preferencesdialog.h"
#include "run/runpanel.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTextDocumentFragment>
#include <QXmlStreamReader>

#include <algorithm>
#include <array>

using namespace Nimbus;

class TestFrenchLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fitsAndIsFrench_data();
    void fitsAndIsFrench();
    void numbersAreFrench();

private:
    // The texts shown in root (labels, buttons, tabs, group boxes, headers, docks' titles
    // and, for the main window, its menus), each with where it is.
    QList<std::pair<QString, QString>> shownTexts(QWidget *root) const;
    QStringList cutTexts(QWidget *root) const;

    std::unique_ptr<MainWindow> mWindow;
    QSet<QString> mEnglish; // sources whose French differs, '&' taken out
    QSet<QString> mFrench;
};

namespace {
QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\u0001"));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(1), QLatin1Char('&'));
    return text.trimmed();
}

// A widget of the Inspector, which tst_inspectorfrench covers.
bool inInspector(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget())
        if (qobject_cast<const InspectorWidget *>(w))
            return true;
    return false;
}

// A widget of a dock tabbed behind another: not laid out for the eye until its tab is
// chosen (its own row of the test shows it in front).
bool behindATab(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget())
        if (qobject_cast<const QDockWidget *>(w))
            return w->visibleRegion().isEmpty();
    return false;
}

QString where(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w && path.size() < 4; w = w->parentWidget())
        if (!w->objectName().isEmpty())
            path.prepend(w->objectName());
    return QString::fromLatin1(widget->metaObject()->className()) + QLatin1String(" in ") + path.join(QLatin1Char('/'));
}
} // namespace

void TestFrenchLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIMBUS_PLUGIN_DIR", NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
    QCOMPARE(installTranslations(QStringLiteral("fr_FR")), QStringLiteral("fr_FR"));
    Preferences::applyLocale(QStringLiteral("fr"));

    // What nimbus_fr.ts translates: the English a French user must not see.
    QFile ts(QStringLiteral(NIMBUS_SOURCE_DIR "/translations/nimbus_fr.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = withoutMnemonic(xml.readElementText());
        } else if (xml.name() == QLatin1String("translation")) {
            const bool finished = xml.attributes().value(QLatin1String("type")).isEmpty();
            const QString french = withoutMnemonic(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            mFrench.insert(french);
            if (finished && !french.isEmpty() && french != source && !source.contains(QLatin1Char('%')))
                mEnglish.insert(source);
        }
    }
    QVERIFY(!xml.hasError());
    for (const QString &french : std::as_const(mFrench))
        mEnglish.remove(french);
    QVERIFY(mEnglish.size() > 100);

    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(mWindow->openExample(QStringLiteral("shop")));
}

void TestFrenchLayout::cleanupTestCase()
{
    mWindow.reset();
    Preferences::applyLocale(QString());
}

QList<std::pair<QString, QString>> TestFrenchLayout::shownTexts(QWidget *root) const
{
    QList<std::pair<QString, QString>> texts;
    const auto add = [&texts](const QString &text, const QWidget *widget) {
        if (!text.trimmed().isEmpty())
            texts.append({withoutMnemonic(text), where(widget)});
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if ((w != root && !w->isVisibleTo(root)) || inInspector(w))
            continue;
        if (w->isWindow() || qobject_cast<QDockWidget *>(w))
            add(w->windowTitle(), w);
        if (auto *label = qobject_cast<QLabel *>(w))
            add(Qt::mightBeRichText(label->text()) ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                                                   : label->text(),
                w);
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), w);
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(box->title(), w);
        else if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), w);
        else if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model())
            for (int i = 0; i < header->count(); ++i)
                add(header->model()->headerData(i, header->orientation()).toString(), w);
    }
    if (auto *window = qobject_cast<QMainWindow *>(root)) {
        QList<QAction *> actions = window->menuBar()->actions();
        while (!actions.isEmpty()) {
            QAction *action = actions.takeFirst();
            add(action->text(), window->menuBar());
            if (action->menu())
                actions += action->menu()->actions();
        }
    }
    return texts;
}

QStringList TestFrenchLayout::cutTexts(QWidget *root) const
{
    QStringList cut;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || inInspector(w) || behindATab(w))
            continue;
        if (auto *label = qobject_cast<QLabel *>(w); label && !label->text().isEmpty()) {
            // A wrapping label fits when its lines do; any other needs its whole width.
            const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height()
                                                : label->sizeHint().width() <= label->width();
            if (!fits)
                cut.append(QStringLiteral("label '%1' (%2): %3x%4 shown, %5 wide needed")
                               .arg(label->text(), where(label))
                               .arg(label->width())
                               .arg(label->height())
                               .arg(label->sizeHint().width()));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w); button && !button->text().isEmpty()) {
            if (button->width() < button->minimumSizeHint().width())
                cut.append(QStringLiteral("button '%1' (%2): %3 wide, %4 needed")
                               .arg(button->text(), where(button))
                               .arg(button->width())
                               .arg(button->minimumSizeHint().width()));
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            // A tab at least as wide as its title and icon (tabSizeHint is protected).
            for (int i = 0; i < tabs->count(); ++i) {
                const int needed = tabs->fontMetrics().horizontalAdvance(withoutMnemonic(tabs->tabText(i)))
                                   + (tabs->tabIcon(i).isNull() ? 0 : tabs->iconSize().width());
                if (tabs->isTabVisible(i) && tabs->tabRect(i).width() < needed)
                    cut.append(QStringLiteral("tab '%1' (%2): %3 wide, %4 needed")
                                   .arg(tabs->tabText(i), where(tabs))
                                   .arg(tabs->tabRect(i).width())
                                   .arg(needed));
            }
        }
    }
    return cut;
}

void TestFrenchLayout::fitsAndIsFrench_data()
{
    QTest::addColumn<QString>("view");
    for (const char *view : {"main window", "preferences", "export", "cost", "run", "cloud", "scenarios"})
        QTest::newRow(view) << QString::fromLatin1(view);
}

void TestFrenchLayout::fitsAndIsFrench()
{
    QFETCH(QString, view);
    QWidget *root = mWindow.get();
    if (view == QLatin1String("preferences")) {
        root = mWindow->showPreferences();
    } else if (view == QLatin1String("export")) {
        ExportDialog *dialog = mWindow->showExportDialog();
        QVERIFY(QTest::qWaitFor([dialog] { return dialog->isPreviewReady(); }, 10000));
        root = dialog;
    } else if (view == QLatin1String("cost") || view == QLatin1String("run") || view == QLatin1String("cloud")
               || view == QLatin1String("scenarios")) {
        auto *dock = mWindow->findChild<QDockWidget *>(view + QLatin1String("Dock"));
        QVERIFY(dock);
        if (view == QLatin1String("run"))
            mWindow->selectNode(QStringLiteral("createOrder"));
        dock->show();
        dock->raise();
        root = dock;
        // The event's source names its kind in French too.
        if (view == QLatin1String("run"))
            QCOMPARE(mWindow->runPanel()->eventBox()->currentText(),
                     QStringLiteral("Depuis createOrderRoute (Route HTTP)"));
    }
    QVERIFY(QTest::qWaitForWindowExposed(root->window()));
    // Every pending layout done (docks and scroll areas lay out on posted events).
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QApplication::processEvents();
    }

    QStringList english;
    const QList<std::pair<QString, QString>> texts = shownTexts(root);
    for (const auto &[text, place] : texts)
        if (mEnglish.contains(text))
            english.append(QStringLiteral("still in English: '%1' (%2)").arg(text, place));
    english.removeDuplicates();
    QVERIFY(texts.size() > 5);
    // Each on a line of its own (QVERIFY2 cuts a long message short).
    const QStringList problems = english + cutTexts(root);
    for (const QString &problem : problems)
        qInfo("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// The application's locale follows the language: numbers and dates as written in French.
void TestFrenchLayout::numbersAreFrench()
{
    QCOMPARE(QLocale().language(), QLocale::French);
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    QVERIFY(QLocale().toString(QDate(2026, 12, 2), QLocale::LongFormat).contains(QStringLiteral("décembre")));
}

QTEST_MAIN(TestFrenchLayout)
#include "tst_frenchlayout.moc"
