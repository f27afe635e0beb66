#include "autosave.h"
#include "canvas/canvasscene.h"
#include "cloud/cloudpanel.h"
#include "editor/editorarea.h"
#include "inspectorwidget.h"
#include "problemsdock.h"
#include "run/runpanel.h"

#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionrunner.h"
#include "testutil.h"

#include <QImage>
#include <QPixmap>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Nimbus;
using namespace NimbusTest;
using namespace Qt::StringLiterals;

// The views of the open project (ProjectView): each follows the project it is given and
// lets go of the one before, which the project manager deletes right after.
class tst_ProjectView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void letsGoOfTheReplacedProject_data();
    void letsGoOfTheReplacedProject();
    void canvasThumbnail();

private:
    std::unique_ptr<QObject> makeView(const QString &name);

    FunctionRunner mRunner;
};

void tst_ProjectView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

std::unique_ptr<QObject> tst_ProjectView::makeView(const QString &name)
{
    if (name == "canvas"_L1)
        return std::make_unique<CanvasScene>();
    if (name == "inspector"_L1)
        return std::make_unique<InspectorWidget>();
    if (name == "problems"_L1)
        return std::make_unique<ProblemsDock>();
    if (name == "cloud"_L1)
        return std::make_unique<CloudPanel>(mRunner);
    if (name == "editors"_L1)
        return std::make_unique<EditorArea>(new QWidget); // takes the canvas as its first tab
    if (name == "run"_L1)
        return std::make_unique<RunPanel>(&mRunner);
    return std::make_unique<Autosave>();
}

void tst_ProjectView::letsGoOfTheReplacedProject_data()
{
    QTest::addColumn<QString>("view");
    for (const char *view : {"canvas", "inspector", "problems", "cloud", "editors", "run", "autosave"})
        QTest::newRow(view) << QString::fromLatin1(view);
}

void tst_ProjectView::letsGoOfTheReplacedProject()
{
    QFETCH(QString, view);
    const std::unique_ptr<QObject> object = makeView(view);
    auto *projectView = dynamic_cast<ProjectView *>(object.get());
    QVERIFY(projectView);

    auto first = std::make_unique<Project>(Catalog::builtin());
    QVERIFY(loadExample(*first));
    Project second(Catalog::builtin());
    QVERIFY(loadExample(second));
    projectView->setProject(first.get());
    projectView->setProject(&second);

    // Nothing of the first project reaches the view any more (disconnect finds nothing) ...
    QVERIFY(!QObject::disconnect(first.get(), nullptr, object.get(), nullptr));
    QVERIFY(!QObject::disconnect(&first->architecture(), nullptr, object.get(), nullptr));
    // ... so it may change and go, while the view follows the second one.
    QVERIFY(first->addNode(u"queue"_s, {}, u"left"_s));
    first.reset();
    QVERIFY(second.addNode(u"queue"_s, {400, 400}, u"followed"_s));
    QCoreApplication::processEvents();
    if (auto *scene = qobject_cast<CanvasScene *>(object.get()))
        QCOMPARE(scene->items().isEmpty(), false);
    projectView->setProject(nullptr);
    QVERIFY(!QObject::disconnect(&second.architecture(), nullptr, object.get(), nullptr));
}

// The picture of a design the welcome page shows for an example.
void tst_ProjectView::canvasThumbnail()
{
    const QPixmap blank = CanvasScene::thumbnail(nullptr, QSize(160, 90), 2.0);
    QCOMPARE(blank.size(), QSize(320, 180));
    QCOMPARE(blank.devicePixelRatio(), 2.0);
    auto inkOf = [](const QImage &image) {
        int ink = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                ink += image.pixel(x, y) != qRgb(255, 255, 255);
        return ink;
    };
    QCOMPARE(inkOf(blank.toImage().convertToFormat(QImage::Format_RGB32)), 0);

    Project project(Catalog::builtin());
    QVERIFY(loadExample(project));
    const QImage drawn = CanvasScene::thumbnail(&project, QSize(160, 90), 1.0).toImage();
    QCOMPARE(drawn.size(), QSize(160, 90));
    QVERIFY(inkOf(drawn.convertToFormat(QImage::Format_RGB32)) > 500);
    // The scene it drew with is gone and holds nothing of the project.
    QVERIFY(!QObject::disconnect(&project.architecture(), nullptr, nullptr, nullptr));
}

QTEST_MAIN(tst_ProjectView)
#include "tst_projectview.moc"
