#include "canvas/canvasscene.h"
#include "canvas/edgeitem.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace Nimbus;

// The Inspector in French, whose words are longer, at the dock's default width: no label
// is cut or elided, no button is narrower than its text, no input narrower than what it
// shows (its value and unit), and labels sit all beside or all above their fields, never
// some of each. A test of its own, since the translation stays for the whole program.
class tst_InspectorFrench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fitsInFrench_data();
    void fitsInFrench();
    void connectionFitsInFrench();
    void widerDockPutsLabelsBeside();

private:
    // What does not fit in the shown Inspector, one line per widget.
    QStringList misfits() const;

    std::unique_ptr<MainWindow> mWindow;
};

void tst_InspectorFrench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("fr_FR")), QStringLiteral("fr_FR"));
    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(mWindow->openExample(QStringLiteral("shop")));
}

void tst_InspectorFrench::fitsInFrench_data()
{
    QTest::addColumn<QString>("node");
    // One node of each kind in the example.
    for (const char *name :
         {"createOrderRoute", "nightly", "images", "createOrder", "orders-queue", "orders", "order-events"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

QStringList tst_InspectorFrench::misfits() const
{
    QStringList found;
    InspectorWidget *inspector = mWindow->inspector();
    for (QLabel *label : inspector->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(inspector) || label->text().isEmpty())
            continue;
        // A wrapping label fits when its lines do; any other needs its whole width.
        const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height()
                                            : label->sizeHint().width() <= label->width();
        if (!fits)
            found.append(
                QStringLiteral("label '%1': %2x%3 shown, %4x%5 needed")
                    .arg(label->text())
                    .arg(label->width())
                    .arg(label->height())
                    .arg(label->sizeHint().width())
                    .arg(label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height()));
    }
    auto *form = inspector->findChild<QFormLayout *>();
    QSet<bool> beside; // for each row, whether its label is beside its field
    for (int row = 0; form && row < form->rowCount(); ++row) {
        QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        if (!label || !field || !label->widget() || qobject_cast<QLabel *>(label->widget())->text().isEmpty())
            continue;
        // A row of a folded section (Chaos) is not shown; unfolded, it is checked.
        if (field->widget() && !field->widget()->isVisibleTo(inspector))
            continue;
        beside.insert(label->geometry().top() == field->geometry().top());
        QWidget *input = field->widget();
        if ((qobject_cast<QLineEdit *>(input) || qobject_cast<QComboBox *>(input)
             || qobject_cast<QAbstractSpinBox *>(input))
            && input->width() < input->sizeHint().width())
            found.append(QStringLiteral("field of '%1': %2 wide, %3 needed")
                             .arg(qobject_cast<QLabel *>(label->widget())->text())
                             .arg(input->width())
                             .arg(input->sizeHint().width()));
    }
    if (beside.size() > 1)
        found.append(QStringLiteral("some labels beside their fields, others above"));
    for (QAbstractButton *button : inspector->findChildren<QPushButton *>()) {
        if (button->isVisibleTo(inspector) && button->width() < button->minimumSizeHint().width())
            found.append(QStringLiteral("button '%1': %2 wide, %3 needed")
                             .arg(button->text())
                             .arg(button->width())
                             .arg(button->minimumSizeHint().width()));
    }
    return found;
}

void tst_InspectorFrench::fitsInFrench()
{
    QFETCH(QString, node);
    const Node *n = mWindow->project()->architecture().nodeByName(node);
    QVERIFY(n);
    mWindow->canvasScene()->selectNodes({n->id});
    QCOMPARE(mWindow->inspector()->node(), n->id);
    auto *dock = mWindow->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    QVERIFY(dock && dock->isVisible());
    QVERIFY2(dock->width() <= 320, qPrintable(QString::number(dock->width()))); // the default width
    QApplication::processEvents(); // the form lays out
    const QStringList found = misfits();
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
    // Unfolded, the sections fit too.
    for (QToolButton *section : mWindow->inspector()->findChildren<QToolButton *>()) {
        if (section->objectName().startsWith(QLatin1String("section:")) && !section->isChecked())
            section->click();
    }
    QApplication::processEvents();
    const QStringList unfolded = misfits();
    QVERIFY2(unfolded.isEmpty(), qPrintable(unfolded.join('\n')));
}

void tst_InspectorFrench::connectionFitsInFrench()
{
    const Architecture &a = mWindow->project()->architecture();
    const Edge *edge = a.findEdge(a.nodeByName(QStringLiteral("processOrder"))->id,
                                  a.nodeByName(QStringLiteral("orders"))->id, QStringLiteral("writes"));
    QVERIFY(edge);
    mWindow->canvasScene()->clearSelection();
    mWindow->canvasScene()->edgeItem(edge->id)->setSelected(true);
    QCOMPARE(mWindow->inspector()->edge(), edge->id);
    QApplication::processEvents();
    QVERIFY(mWindow->inspector()->edgeMeaning()->text().contains(QStringLiteral("écrit")));
    const QStringList found = misfits();
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
}

// Labels go above their fields only for want of room: a wider dock has them beside.
void tst_InspectorFrench::widerDockPutsLabelsBeside()
{
    mWindow->canvasScene()->selectNodes(
        {mWindow->project()->architecture().nodeByName(QStringLiteral("createOrder"))->id});
    auto *dock = mWindow->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *form = mWindow->inspector()->findChild<QFormLayout *>();
    QApplication::processEvents();
    QCOMPARE(form->rowWrapPolicy(), QFormLayout::WrapAllRows);
    mWindow->resizeDocks({dock}, {620}, Qt::Horizontal);
    QApplication::processEvents();
    QCOMPARE(form->rowWrapPolicy(), QFormLayout::DontWrapRows);
    QVERIFY2(misfits().isEmpty(), qPrintable(misfits().join('\n')));
    mWindow->resizeDocks({dock}, {300}, Qt::Horizontal);
    QApplication::processEvents();
    QCOMPARE(form->rowWrapPolicy(), QFormLayout::WrapAllRows);
}

QTEST_MAIN(tst_InspectorFrench)
#include "tst_inspectorfrench.moc"
