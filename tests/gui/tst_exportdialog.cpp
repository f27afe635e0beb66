// File > Export, File > Import and Help > Plugins, driven through the real widgets.

#include "actionmanager.h"
#include "document/project.h"
#include "export/exportdialog.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "mainwindow.h"
#include "preferences/preferences.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
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
    void init();
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
    void noPluginsIsSaid();
    void eachTargetHasItsFolder();
    void anotherTargetsExportAsksFirst();
    void userFilesAreNeverRemoved();
    void openFolderAfterWriting();
    void previewFollowsTheDarkTheme();

private:
    ExportDialog *openDialog(MainWindow &window);
};

void TestExportDialog::initTestCase()
{
    qputenv("NIMBUS_PLUGIN_DIR", NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");
    QCoreApplication::setOrganizationName(QStringLiteral("NimbusTest"));
    QVERIFY(PluginRegistry::instance().exporters().size() == 8);
}

void TestExportDialog::init()
{
    QSettings().remove(QStringLiteral("export"));
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

// Every file under dir (hidden ones too) with its content.
static QMap<QString, QByteArray> folderSnapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(dir).relativeFilePath(file.fileName()), file.readAll());
    }
    return files;
}

static bool writeText(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Clicks Export and, when the folder holds what is not this export's, returns the
// confirmation (nullptr if the export started without asking).
static QDialog *clickExport(ExportDialog *dialog)
{
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    return dialog->findChild<QDialog *>(QStringLiteral("replaceConfirmation"));
}

// Writes the previewed export of target into out, agreeing if asked.
static bool exportInto(ExportDialog *dialog, const QString &target, const QString &out)
{
    dialog->setTarget(target);
    if (!waitForPreview(dialog))
        return false;
    dialog->setOutputDirectory(out);
    QSignalSpy finished(dialog, &ExportDialog::finished);
    if (QDialog *ask = clickExport(dialog))
        QTest::mouseClick(ask->findChild<QPushButton *>(QStringLiteral("replaceButton")), Qt::LeftButton);
    return finished.wait(10000) && finished.first().at(0).toBool();
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
    // Listed by name, as a reader looks for them: AWS SAM first.
    QCOMPARE(combo->itemData(0).toString(), QStringLiteral("sam"));
    for (int i = 1; i < combo->count(); ++i)
        QVERIFY2(QString::localeAwareCompare(combo->itemText(i - 1), combo->itemText(i)) <= 0,
                 qPrintable(combo->itemText(i)));
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

    // A folder of the user's is written into only once they agree; their file stays.
    QVERIFY(writeText(dir.filePath(QStringLiteral("mine/notes.txt")), "mine\n"));
    dialog->setOutputDirectory(dir.filePath(QStringLiteral("mine")));
    QDialog *ask = clickExport(dialog);
    QVERIFY(ask);
    QVERIFY(ask->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QLatin1String("not written by")));
    QVERIFY(ask->findChild<QListWidget *>(QStringLiteral("replacedFiles"))->isHidden()); // nothing replaced
    QVERIFY(ask->findChild<QLabel *>(QStringLiteral("keptFiles"))->text().startsWith(QLatin1String("1 other file")));
    QTest::mouseClick(ask->findChild<QPushButton *>(QStringLiteral("replaceButton")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("mine/serverless.yml"))));
    QCOMPARE(folderSnapshot(dir.filePath(QStringLiteral("mine"))).value(QStringLiteral("notes.txt")),
             QByteArray("mine\n"));
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

void TestExportDialog::noPluginsIsSaid()
{
    QTemporaryDir empty;
    PluginRegistry registry(empty.path());
    MainWindow window;
    ExportDialog dialog(*window.project(), registry);
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("target"))->count(), 0);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
    bool said = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        said = said || label->text().contains(QStringLiteral("Help > Plugins"));
    QVERIFY(said);
}

// Issue 25's finding: a folder chosen for SAM stayed when Terraform was chosen. Each
// target now has its own folder, the user's choice remembered per target and project.
void TestExportDialog::eachTargetHasItsFolder()
{
    QTemporaryDir dir;
    const QString mine = dir.filePath(QStringLiteral("my-sam"));
    {
        MainWindow window;
        ExportDialog *dialog = openDialog(window);
        dialog->setTarget(QStringLiteral("sam"));
        QVERIFY(dialog->outputDirectory().endsWith(QLatin1String("/sam")));
        auto *output = dialog->findChild<QLineEdit *>(QStringLiteral("output"));
        output->clear();
        QTest::keyClicks(output, mine);
        QTest::keyClick(output, Qt::Key_Return);
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("target"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("terraform")));
        QVERIFY2(dialog->outputDirectory().endsWith(QLatin1String("/terraform")),
                 qPrintable(dialog->outputDirectory()));
        QVERIFY(!dialog->outputDirectory().startsWith(mine));
        combo->setCurrentIndex(combo->findData(QStringLiteral("sam")));
        QCOMPARE(dialog->outputDirectory(), mine);
    }
    // Another session with the same project finds it again; Terraform still has its own.
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    dialog->setTarget(QStringLiteral("terraform"));
    QVERIFY(dialog->outputDirectory().endsWith(QLatin1String("/terraform")));
    dialog->setTarget(QStringLiteral("sam"));
    QCOMPARE(dialog->outputDirectory(), mine);
}

// Terraform into SAM's folder: a confirmation lists exactly the files replaced, Cancel
// (the default) writes nothing and keeps every byte, agreeing writes main.tf among SAM's.
void TestExportDialog::anotherTargetsExportAsksFirst()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(exportInto(dialog, QStringLiteral("sam"), out));
    const QMap<QString, QByteArray> before = folderSnapshot(out);
    QVERIFY(before.contains(QStringLiteral("template.yaml")));

    dialog->setTarget(QStringLiteral("terraform"));
    QVERIFY(waitForPreview(dialog));
    dialog->setOutputDirectory(out);
    QStringList expected; // Terraform's files that SAM wrote
    for (const ExportFile &file : dialog->preview().files)
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key() == file.path || it.key().startsWith(file.path + QLatin1Char('/')))
                expected.append(QStringLiteral("Replaced: ") + it.key());
    expected.sort();
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QPointer<QDialog> ask = clickExport(dialog);
    QVERIFY(ask);
    QVERIFY(ask->isVisible());
    QVERIFY(ask->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QLatin1String("AWS SAM")));
    auto *list = ask->findChild<QListWidget *>(QStringLiteral("replacedFiles"));
    QStringList listed;
    for (int i = 0; i < list->count(); ++i)
        listed.append(list->item(i)->text());
    listed.sort();
    QCOMPARE(listed, expected);
    QVERIFY(ask->findChild<QLabel *>(QStringLiteral("keptFiles"))->text().startsWith(QLatin1String("1 other file")));
    // Return presses the default button: Cancel.
    QTest::keyClick(ask, Qt::Key_Return);
    QTRY_VERIFY(!ask);
    QVERIFY(!dialog->isWriting());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(folderSnapshot(out), before);

    ask = clickExport(dialog);
    QVERIFY(ask);
    QTest::mouseClick(ask->findChild<QPushButton *>(QStringLiteral("replaceButton")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const QMap<QString, QByteArray> after = folderSnapshot(out);
    QVERIFY(after.contains(QStringLiteral("main.tf")));
    QCOMPARE(after.value(QStringLiteral("template.yaml")), before.value(QStringLiteral("template.yaml")));
}

// Files the user added to an export folder stay, export after export.
void TestExportDialog::userFilesAreNeverRemoved()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(exportInto(dialog, QStringLiteral("sam"), out));
    QVERIFY(writeText(out + QLatin1String("/notes.txt"), "mine\n"));
    QVERIFY(writeText(out + QLatin1String("/functions/getItem/NOTES.md"), "about getItem\n"));
    QVERIFY(writeText(out + QLatin1String("/.aws-sam/build.toml"), "built\n"));
    // This target's own folder: no question, the user's files untouched.
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QVERIFY(!clickExport(dialog));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(0).toBool());
    const QMap<QString, QByteArray> after = folderSnapshot(out);
    QCOMPARE(after.value(QStringLiteral("notes.txt")), QByteArray("mine\n"));
    QCOMPARE(after.value(QStringLiteral("functions/getItem/NOTES.md")), QByteArray("about getItem\n"));
    QCOMPARE(after.value(QStringLiteral(".aws-sam/build.toml")), QByteArray("built\n"));
    // Another target there, agreed to: still there.
    QVERIFY(exportInto(dialog, QStringLiteral("serverless"), out));
    QCOMPARE(folderSnapshot(out).value(QStringLiteral("notes.txt")), QByteArray("mine\n"));
    QCOMPARE(folderSnapshot(out).value(QStringLiteral(".aws-sam/build.toml")), QByteArray("built\n"));
}

// After writing, "Open Folder" opens the folder written (the test records the URL).
void TestExportDialog::openFolderAfterWriting()
{
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    QList<QUrl> opened;
    dialog->setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        return true;
    });
    auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openFolderButton"));
    QVERIFY(open->isHidden());
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("sam"));
    QVERIFY(exportInto(dialog, QStringLiteral("sam"), out));
    QVERIFY(!open->isHidden());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(out)});
    // Another target: the button goes until that one is written.
    dialog->setTarget(QStringLiteral("terraform"));
    QVERIFY(open->isHidden());
}

// The preview is a code editor's page: dark in the dark theme, like the editor.
void TestExportDialog::previewFollowsTheDarkTheme()
{
    Preferences::applyTheme(Preferences::Theme::Dark);
    MainWindow window;
    ExportDialog *dialog = openDialog(window);
    dialog->setTarget(QStringLiteral("sam"));
    QVERIFY(waitForPreview(dialog));
    auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("preview"));
    QVERIFY(tabs->count() > 0);
    for (int i = 0; i < tabs->count(); ++i) {
        auto *page = qobject_cast<QsciScintilla *>(tabs->widget(i));
        QVERIFY(page);
        const QColor paper = page->lexer() ? page->lexer()->defaultPaper() : page->paper();
        QVERIFY2(paper.lightness() < 128, qPrintable(tabs->tabText(i) + QLatin1Char(' ') + paper.name()));
    }
    Preferences::applyTheme(Preferences::Theme::System);
    QTRY_VERIFY(qobject_cast<QsciScintilla *>(tabs->widget(0))->lexer()->defaultPaper().lightness() >= 128);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
