// File > Export, File > Import and Help > Plugins, driven through the real widgets.

#include "actionmanager.h"
#include "document/project.h"
#include "export/exportdialog.h"
#include "export/pluginregistry.h"
#include "mainwindow.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Nimbus;

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewFollowsTarget_data();
    void previewFollowsTarget();
    void optionsChangePreview();
    void exportWritesFiles();
    void exportReportsProgress();
    void cancelLeavesNothing();
    void projectChangeWhileWritingEndsTheDialog();
    void diagnosticSelectsNode();
    void importTemplate();
    void importErrorKeepsProject();
    void pluginsDialog();
    void pluginsDialogShowsFailures();

private:
    ExportDialog *openDialog(MainWindow &window);
};

void TestExportDialog::initTestCase()
{
    qputenv("NIMBUS_PLUGIN_DIR", NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    QVERIFY(PluginRegistry::instance().exporters().size() == 8);
}

ExportDialog *TestExportDialog::openDialog(MainWindow &window)
{
    if (!window.openExample(QStringLiteral("shop")))
        return nullptr;
    window.actionManager()->action(ActionIds::Export)->trigger();
    return window.findChild<ExportDialog *>();
}

// Enough code files that an export is still writing when the test acts on it.
static bool addManyCodeFiles(MainWindow &window)
{
    const QString code = window.project()->directory() + QLatin1String("/functions/getItem/many");
    if (!QDir().mkpath(code))
        return false;
    for (int i = 0; i < 4000; ++i) {
        QFile file(code + QStringLiteral("/%1.js").arg(i));
        if (!file.open(QIODevice::WriteOnly) || file.write("export const x = 1;\n") < 0)
            return false;
    }
    return true;
}

// The preview is generated on a worker thread.
static bool waitForPreview(ExportDialog *dialog)
{
    return QTest::qWaitFor([dialog] { return dialog->isPreviewReady(); }, 10000);
}

void TestExportDialog::previewFollowsTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("text");
    QTest::newRow("sam") << "sam"
                         << "template.yaml"
                         << "AWS::Serverless::Function";
    QTest::newRow("terraform") << "terraform"
                               << "main.tf"
                               << "resource \"aws_lambda_function\" \"get_item\"";
    QTest::newRow("knative") << "knative"
                             << "knative.yaml"
                             << "kind: PingSource";
    QTest::newRow("azure") << "azure"
                           << "node-app/getItem/function.json"
                           << "httpTrigger";
}

void TestExportDialog::previewFollowsTarget()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    QFETCH(QString, text);
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("target"));
    QCOMPARE(combo->count(), 8);
    // Choose the target with the keyboard, as a user would.
    combo->setFocus();
    combo->setCurrentIndex(combo->findData(target));
    QCOMPARE(dialog->target(), target);
    QVERIFY(waitForPreview(dialog));
    auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("preview"));
    QsciScintilla *page = nullptr;
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == file)
            page = qobject_cast<QsciScintilla *>(tabs->widget(i));
    QVERIFY2(page, qPrintable(file));
    QVERIFY(page->isReadOnly());
    QVERIFY(page->text().contains(text));
    QVERIFY(!page->text().contains(QLatin1String("replace-me")));
}

void TestExportDialog::optionsChangePreview()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    dialog->setTarget(QStringLiteral("knative"));
    QVERIFY(waitForPreview(dialog));
    auto *image = dialog->findChild<QLineEdit *>(QStringLiteral("option-image"));
    QVERIFY(image);
    image->clear();
    QTest::keyClicks(image, QStringLiteral("ghcr.io/acme/{function}:1.2"));
    QTest::keyClick(image, Qt::Key_Return);
    QVERIFY(!dialog->isPreviewReady() || dialog->preview().file(QStringLiteral("knative.yaml")));
    QVERIFY(waitForPreview(dialog));
    QVERIFY(
        dialog->preview().file(QStringLiteral("knative.yaml"))->content.contains("image: ghcr.io/acme/get-item:1.2"));
}

void TestExportDialog::exportWritesFiles()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    dialog->setTarget(QStringLiteral("serverless"));
    QVERIFY(waitForPreview(dialog));
    auto *diagnostics = dialog->findChild<QTreeWidget *>(QStringLiteral("diagnostics"));
    QVERIFY(diagnostics->topLevelItemCount() >= 2);
    QVERIFY(diagnostics->topLevelItem(0)->text(1).contains(QLatin1String("python3.12")));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("sls"));
    auto *output = dialog->findChild<QLineEdit *>(QStringLiteral("output"));
    output->clear();
    QTest::keyClicks(output, out);
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(QFile::exists(out + QLatin1String("/serverless.yml")));
    QVERIFY(QFile::exists(out + QLatin1String("/functions/processOrder/app.py")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("status"))->text().contains(QLatin1String("Exported")));

    // A folder of the user's is refused, and says so.
    QFile mine(dir.filePath(QStringLiteral("mine/notes.txt")));
    QDir().mkpath(dir.filePath(QStringLiteral("mine")));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.close();
    dialog->setOutputDirectory(dir.filePath(QStringLiteral("mine")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.last().at(0).toBool());
    QVERIFY(finished.last().at(1).toString().contains(QLatin1String("not empty")));
}

// The export runs on a pool thread; its progress bar counts the files and reaches its end.
void TestExportDialog::exportReportsProgress()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    dialog->setTarget(QStringLiteral("sam"));
    QVERIFY(waitForPreview(dialog));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("sam"));
    dialog->setOutputDirectory(out);
    auto *progress = dialog->findChild<QProgressBar *>(QStringLiteral("progress"));
    int maximum = 0;
    int last = -1;
    connect(progress, &QProgressBar::valueChanged, this, [&](int value) {
        last = value;
        maximum = progress->maximum();
    });
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(dialog->isWriting());
    QVERIFY(!progress->isHidden());
    QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("closeButton"))->text(), QStringLiteral("&Cancel"));
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(maximum >= 7); // the template and the six functions' code
    QCOMPARE(last, maximum);
    QVERIFY(QFile::exists(out + QLatin1String("/template.yaml")));
    QVERIFY(QFile::exists(out + QLatin1String("/functions/getItem/index.mjs")));
    QVERIFY(!dialog->isWriting());
    QVERIFY(progress->isHidden());
}

// Cancel at the first progress report: the folder is not created, nothing is left
// beside it, and the dialog is ready for another export.
void TestExportDialog::cancelLeavesNothing()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    // Enough code files that the export is still writing when the cancel arrives.
    QVERIFY(addManyCodeFiles(window));
    dialog->setTarget(QStringLiteral("sam"));
    QVERIFY(waitForPreview(dialog));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("sam"));
    dialog->setOutputDirectory(out);
    auto *progress = dialog->findChild<QProgressBar *>(QStringLiteral("progress"));
    connect(progress, &QProgressBar::valueChanged, dialog, &ExportDialog::cancelExport);
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("cancelled")),
             qPrintable(finished.first().at(1).toString()));
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    QVERIFY(!dialog->isWriting());
    QVERIFY(progress->isHidden());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
    QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("closeButton"))->text(), QStringLiteral("Close"));
}

// The dialog reads its project while it writes: another project opened meanwhile ends
// the dialog (cancelled, waited for) before the old project is deleted, instead of
// leaving it open on a deleted project.
void TestExportDialog::projectChangeWhileWritingEndsTheDialog()
{
    MainWindow window;
    QPointer<ExportDialog> dialog = openDialog(window);
    QVERIFY(dialog);
    QVERIFY(addManyCodeFiles(window));
    dialog->setTarget(QStringLiteral("sam"));
    QVERIFY(waitForPreview(dialog));
    QTemporaryDir dir;
    dialog->setOutputDirectory(dir.filePath(QStringLiteral("sam")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(dialog->isWriting());
    Project *before = window.project();
    QVERIFY(window.openExample(QStringLiteral("shop")));
    QVERIFY(window.project() != before);
    QVERIFY(!dialog);
    QVERIFY(!window.findChild<ExportDialog *>());
    // The next export shows the project now open.
    window.actionManager()->action(ActionIds::Export)->trigger();
    QVERIFY(window.findChild<ExportDialog *>());
}

void TestExportDialog::diagnosticSelectsNode()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    dialog->setTarget(QStringLiteral("serverless"));
    QVERIFY(waitForPreview(dialog));
    auto *diagnostics = dialog->findChild<QTreeWidget *>(QStringLiteral("diagnostics"));
    QSignalSpy activated(dialog, &ExportDialog::nodeActivated);
    emit diagnostics->itemActivated(diagnostics->topLevelItem(0), 0);
    QCOMPARE(activated.size(), 1);
    const Node *node = window.project()->architecture().node(activated.first().at(0).value<NodeId>());
    QVERIFY(node);
    QCOMPARE(node->name, QStringLiteral("dailyReport"));
}

void TestExportDialog::importTemplate()
{
    MainWindow window;
    QVERIFY(window.importFile(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/sam-handwritten/template.yaml")));
    QCOMPARE(window.project()->architecture().nodeCount(), 3);
    QVERIFY(window.importNotes().join(QLatin1Char(' ')).contains(QLatin1String("AWS::CloudWatch::Alarm")));
    QVERIFY(window.project()->filePath().isEmpty()); // unsaved: Save asks where
    // Exporting it to SAM gives the template back.
    ExportDialog *dialog = window.showExportDialog();
    dialog->setTarget(QStringLiteral("sam"));
    QVERIFY(waitForPreview(dialog));
    QFile original(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/export/data/sam-handwritten/template.yaml"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(dialog->preview().file(QStringLiteral("template.yaml"))->content, original.readAll());
}

void TestExportDialog::importErrorKeepsProject()
{
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("shop")));
    const int nodes = window.project()->architecture().nodeCount();
    QTemporaryDir dir;
    QFile bad(dir.filePath(QStringLiteral("template.yaml")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("AWSTemplateFormatVersion: x\nResources:\n  A: [1\n  B: 2\n");
    bad.close();
    QVERIFY(!window.importFile(bad.fileName()));
    QCOMPARE(window.project()->architecture().nodeCount(), nodes);
}

void TestExportDialog::pluginsDialog()
{
    MainWindow window;
    window.actionManager()->action(ActionIds::Plugins)->trigger();
    auto *dialog = window.findChild<PluginsDialog *>();
    QVERIFY(dialog);
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("plugins"));
    QCOMPARE(tree->topLevelItemCount(), 8);
    QStringList names;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        names.append(tree->topLevelItem(i)->text(0));
        QCOMPARE(tree->topLevelItem(i)->text(3), QStringLiteral("Loaded"));
    }
    QVERIFY(names.contains(QStringLiteral("AWS SAM")));
    QVERIFY(names.contains(QStringLiteral("Scaleway Serverless Functions")));
}

void TestExportDialog::pluginsDialogShowsFailures()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins/libnimbus-aws-sam.so"),
                        dir.filePath(QStringLiteral("libnimbus-aws-sam.so"))));
    QFile broken(dir.filePath(QStringLiteral("libnimbus-truncated.so")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x7f"
                 "ELF truncated");
    broken.close();
    PluginRegistry registry(dir.path());
    PluginsDialog dialog(registry);
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("plugins"));
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->text(3), QStringLiteral("Loaded"));
    QVERIFY2(tree->topLevelItem(1)->text(3).startsWith(QLatin1String("Not loaded: ")),
             qPrintable(tree->topLevelItem(1)->text(3)));
    QVERIFY(tree->topLevelItem(1)->text(3).size() > 20); // says why
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
