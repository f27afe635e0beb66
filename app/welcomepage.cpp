#include "welcomepage.h"

#include "canvas/canvasscene.h"
#include "document/project.h"
#include "model/catalog.h"
#include "paths.h"
#include "storage/projectfile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
const QSize kThumbnail(320, 180);

// The example's design as the canvas draws it (blank when the file cannot be read).
QPixmap thumbnailOf(const QString &projectFile, qreal ratio)
{
    Project project(Catalog::builtin());
    ProjectFile file;
    return CanvasScene::thumbnail(file.load(projectFile, project) ? &project : nullptr, kThumbnail, ratio);
}
} // namespace

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    auto *title = new QLabel(tr("<h1>Nimbus Studio</h1><p>Design a serverless architecture, run its functions here, "
                                "compare its cost and export it to the platform of your choice.</p>"),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);

    auto *buttons = new QHBoxLayout;
    mNew = new QPushButton(QIcon::fromTheme(u"document-new"_s), tr("&New Project"), this);
    mNew->setObjectName(u"welcomeNew"_s);
    mOpen = new QPushButton(QIcon::fromTheme(u"document-open"_s), tr("&Open Project..."), this);
    mOpen->setObjectName(u"welcomeOpen"_s);
    buttons->addWidget(mNew);
    buttons->addWidget(mOpen);
    buttons->addStretch();
    layout->addLayout(buttons);

    auto *examplesTitle = new QLabel(tr("<h3>Examples</h3>"), this);
    layout->addWidget(examplesTitle);
    mExamples = new QListWidget(this);
    mExamples->setObjectName(u"welcomeExamples"_s);
    mExamples->setAccessibleName(tr("Examples"));
    mExamples->setViewMode(QListView::IconMode);
    mExamples->setIconSize(kThumbnail);
    mExamples->setResizeMode(QListView::Adjust);
    mExamples->setMovement(QListView::Static);
    mExamples->setWrapping(true);
    mExamples->setSpacing(12);
    mExamples->setMinimumHeight(kThumbnail.height() + 60);
    examplesTitle->setBuddy(mExamples);
    layout->addWidget(mExamples, 1);

    auto *recentTitle = new QLabel(tr("<h3>Recent Projects</h3>"), this);
    layout->addWidget(recentTitle);
    mRecent = new QListWidget(this);
    mRecent->setObjectName(u"welcomeRecent"_s);
    mRecent->setAccessibleName(tr("Recent projects"));
    recentTitle->setBuddy(mRecent);
    layout->addWidget(mRecent, 1);

    connect(mNew, &QPushButton::clicked, this, &WelcomePage::newProjectRequested);
    connect(mOpen, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(mExamples, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit exampleRequested(item->data(kPathRole).toString()); });
    connect(mRecent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->flags() & Qt::ItemIsEnabled)
            emit recentRequested(item->data(kPathRole).toString());
    });
}

void WelcomePage::refresh(const QStringList &recentFiles)
{
    mExamples->clear();
    const QDir dir(Paths::examplesDirectory());
    const qreal ratio = devicePixelRatioF();
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString file = dir.filePath(name + '/'_L1 + name + ".nimbus"_L1);
        if (!QFileInfo::exists(file))
            continue;
        const QString key = file + '@'_L1 + QFileInfo(file).lastModified().toString(Qt::ISODateWithMs) + '@'_L1
                            + QString::number(ratio);
        if (!mThumbnails.contains(key))
            mThumbnails.insert(key, thumbnailOf(file, ratio));
        auto *item = new QListWidgetItem(QIcon(mThumbnails.value(key)), name, mExamples);
        item->setData(kPathRole, name);
        item->setToolTip(tr("Open a working copy of the example '%1'").arg(name));
    }
    mRecent->clear();
    for (const QString &path : recentFiles) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName() + u"  —  "_s + QDir::toNativeSeparators(path),
                                         mRecent);
        item->setData(kPathRole, path);
    }
    if (recentFiles.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No recent projects"), mRecent);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace Nimbus
