#include "welcomepage.h"

#include "canvas/canvasscene.h"
#include "document/project.h"
#include "model/catalog.h"
#include "paths.h"
#include "storage/projectfile.h"
#include "theme.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
const QSize kThumbnail(320, 180);
constexpr int kRecentMinimumWidth = 260;

// A column of the page: a heading over a list, which the heading names for a screen reader.
QListWidget *addColumn(QBoxLayout *columns, int stretch, const QString &heading, const QString &accessibleName)
{
    auto *column = new QVBoxLayout;
    columns->addLayout(column, stretch);
    auto *title = new QLabel(heading);
    auto *list = new QListWidget;
    list->setAccessibleName(accessibleName);
    title->setBuddy(list);
    column->addWidget(title);
    column->addWidget(list, 1);
    return list;
}

// The canvas draws a design at the top left of the picture, on its own background, and
// leaves white what its shape does not fill: keep what it drew, less the white rows and
// columns (and the one they blend into), centred on the canvas colour.
QPixmap onPaper(const QPixmap &drawn, const QColor &paper)
{
    const QImage image = drawn.toImage().convertToFormat(QImage::Format_RGB32);
    const auto whiteRow = [&image](int y, int width) {
        for (int x = 0; x < width; ++x)
            if (image.pixel(x, y) != 0xffffffff)
                return false;
        return true;
    };
    const auto whiteColumn = [&image](int x, int height) {
        for (int y = 0; y < height; ++y)
            if (image.pixel(x, y) != 0xffffffff)
                return false;
        return true;
    };
    int width = image.width(), height = image.height();
    while (height > 1 && whiteRow(height - 1, width))
        --height;
    if (height < image.height())
        --height;
    while (width > 1 && whiteColumn(width - 1, height))
        --width;
    if (width < image.width())
        --width;
    QPixmap framed(drawn.size());
    framed.setDevicePixelRatio(drawn.devicePixelRatio());
    framed.fill(paper);
    QPainter painter(&framed);
    const qreal ratio = drawn.devicePixelRatio();
    painter.drawImage(QPointF((image.width() - width) / 2 / ratio, (image.height() - height) / 2 / ratio),
                      image.copy(0, 0, width, height));
    return framed;
}

// The example's design as the canvas draws it, on the canvas colour (blank when the file
// cannot be read).
QPixmap thumbnailOf(const QString &projectFile, qreal ratio, const QColor &paper)
{
    Project project(Catalog::builtin());
    ProjectFile file;
    return onPaper(CanvasScene::thumbnail(file.load(projectFile, project) ? &project : nullptr, kThumbnail, ratio),
                   paper);
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
    mNew = new QPushButton(Theme::icon(u"new"_s), tr("&New Project"), this);
    mNew->setObjectName(u"welcomeNew"_s);
    mOpen = new QPushButton(Theme::icon(u"open"_s), tr("&Open Project..."), this);
    mOpen->setObjectName(u"welcomeOpen"_s);
    buttons->addWidget(mNew);
    buttons->addWidget(mOpen);
    buttons->addStretch();
    layout->addLayout(buttons);

    // Examples and recent projects side by side, their headings at the top of the page: one
    // under the other, a short window cut the lower heading at the bottom of the view, which
    // read as struck through. A narrow window still stacks them (arrangeColumns).
    mColumns = new QBoxLayout(QBoxLayout::LeftToRight);
    layout->addLayout(mColumns, 1);
    mExamples = addColumn(mColumns, 3, tr("<h3>Examples</h3>"), tr("Examples"));
    mExamples->setObjectName(u"welcomeExamples"_s);
    mExamples->setViewMode(QListView::IconMode);
    mExamples->setIconSize(kThumbnail);
    mExamples->setResizeMode(QListView::Adjust);
    mExamples->setMovement(QListView::Static);
    mExamples->setWrapping(true);
    mExamples->setSpacing(12);
    mExamples->setMinimumHeight(kThumbnail.height() + 60);
    mExamples->setMinimumWidth(kThumbnail.width() + 2 * 12 + 2 * mExamples->frameWidth()
                               + mExamples->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
    mRecent = addColumn(mColumns, 2, tr("<h3>Recent Projects</h3>"), tr("Recent projects"));
    mRecent->setObjectName(u"welcomeRecent"_s);
    mRecent->setTextElideMode(Qt::ElideMiddle);
    mRecent->setMinimumWidth(kRecentMinimumWidth);

    // The thumbnails are pictures in the canvas colour: a theme switch draws them again.
    Theme::onPaletteChange(this, [this] { refresh(mRecentFiles); });

    connect(mNew, &QPushButton::clicked, this, &WelcomePage::newProjectRequested);
    connect(mOpen, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(mExamples, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit exampleRequested(item->data(kPathRole).toString()); });
    connect(mRecent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->flags() & Qt::ItemIsEnabled)
            emit recentRequested(item->data(kPathRole).toString());
    });
}

// The page lives in a scroll area, which never makes it narrower than its minimum: the
// width available is the scroll area's view, its parent.
bool WelcomePage::event(QEvent *event)
{
    if (event->type() == QEvent::ParentAboutToChange && parentWidget())
        parentWidget()->removeEventFilter(this);
    if (event->type() == QEvent::ParentChange && parentWidget())
        parentWidget()->installEventFilter(this);
    return QWidget::event(event);
}

bool WelcomePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        arrangeColumns(parentWidget()->width());
    return QWidget::eventFilter(watched, event);
}

void WelcomePage::arrangeColumns(int available)
{
    const QMargins margins = layout()->contentsMargins();
    const int sideBySide = margins.left() + margins.right() + mExamples->minimumWidth() + mColumns->spacing()
                           + kRecentMinimumWidth;
    mColumns->setDirection(available >= sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void WelcomePage::refresh(const QStringList &recentFiles)
{
    mRecentFiles = recentFiles;
    mExamples->clear();
    const QDir dir(Paths::examplesDirectory());
    const qreal ratio = devicePixelRatioF();
    const QColor paper = QApplication::palette().color(QPalette::Base);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString file = dir.filePath(name + '/'_L1 + name + ".nimbus"_L1);
        if (!QFileInfo::exists(file))
            continue;
        const QString key = file + '@'_L1 + QFileInfo(file).lastModified().toString(Qt::ISODateWithMs) + '@'_L1
                            + QString::number(ratio) + '@'_L1 + paper.name();
        if (!mThumbnails.contains(key))
            mThumbnails.insert(key, thumbnailOf(file, ratio, paper));
        auto *item = new QListWidgetItem(QIcon(mThumbnails.value(key)), name, mExamples);
        item->setData(kPathRole, name);
        item->setToolTip(tr("Open a working copy of the example '%1'").arg(name));
    }
    mRecent->clear();
    for (const QString &path : recentFiles) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName() + u"  —  "_s + QDir::toNativeSeparators(path),
                                         mRecent);
        item->setData(kPathRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    if (recentFiles.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No recent projects"), mRecent);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace Nimbus
