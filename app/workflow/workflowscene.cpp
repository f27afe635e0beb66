#include "workflowscene.h"

#include "theme.h"

#include <QDragEnterEvent>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr qreal kHandleRadius = 5;
constexpr int kStateRole = 0;

int depthOf(const QString &path)
{
    return int(path.count('/'_L1)) / 2;
}

QColor baseColour()
{
    return Theme::current().color(QPalette::Base);
}

QColor textColour()
{
    return Theme::current().color(QPalette::Text);
}

class StateItem : public QGraphicsItem
{
public:
    StateItem(const WorkflowScene *graph, const WorkflowLayout::Box &box) : mGraph(graph), mBox(box)
    {
        setFlag(ItemIsSelectable);
        setAcceptHoverEvents(true);
        setData(kStateRole, box.path);
        setZValue(1 + depthOf(box.path) * 2 + (box.container ? 0 : 1));
        setToolTip(u"%1 (%2)"_s.arg(box.name, box.type));
    }

    QRectF boundingRect() const override { return mBox.rect.adjusted(-4, -12, 12, 10); }
    QPainterPath shape() const override
    {
        QPainterPath path;
        if (mBox.container)
            path.addRect(QRectF(mBox.rect.topLeft(), QSizeF(mBox.rect.width(), 30)));
        else
            path.addRoundedRect(mBox.rect, 8, 8);
        path.addEllipse(QPointF(mBox.rect.center().x(), mBox.rect.bottom()), kHandleRadius + 3, kHandleRadius + 3);
        return path;
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor type = Theme::readable(WorkflowScene::typeColour(mBox.type));
        const StateRun run = mGraph->run(mBox.name);
        QColor fill = baseColour();
        if (run != StateRun::None)
            fill = Theme::mix(baseColour(), WorkflowScene::runColour(run), 0.28);
        const QRectF rect = mBox.rect;
        QPen border(isSelected() ? Theme::current().color(QPalette::Highlight) : type, isSelected() ? 2.5 : 1.4);
        if (run == StateRun::Entered)
            border = QPen(WorkflowScene::runColour(run), 2.5);
        painter->setPen(border);
        if (mBox.container) {
            painter->setBrush(Theme::mix(baseColour(), type, 0.05));
            painter->drawRoundedRect(rect, 10, 10);
            const QRectF header(rect.topLeft(), QSizeF(rect.width(), 30));
            painter->setPen(Qt::NoPen);
            painter->setBrush(Theme::mix(fill, type, 0.16));
            painter->drawRoundedRect(header.adjusted(1, 1, -1, 0), 9, 9);
            paintLabel(painter, header, type, false);
        } else {
            painter->setBrush(fill);
            painter->drawRoundedRect(rect, 8, 8);
            painter->setPen(Qt::NoPen);
            painter->setBrush(type);
            painter->drawRoundedRect(QRectF(rect.topLeft(), QSizeF(6, rect.height())).adjusted(1, 1, 0, -1), 3, 3);
            paintLabel(painter, rect, type, true);
        }
        paintHandle(painter, type);
        paintBadge(painter);
    }

private:
    void paintLabel(QPainter *painter, const QRectF &rect, const QColor &type, bool twoLines) const
    {
        const QRectF icon(rect.left() + 12, rect.center().y() - 9, 18, 18);
        WorkflowScene::paintIcon(painter, icon, mBox.type, type);
        QFont font = painter->font();
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(textColour());
        const QRectF text(icon.right() + 8, rect.top(), rect.right() - icon.right() - 16, rect.height());
        const QFontMetricsF metrics(font);
        const QString name = metrics.elidedText(mBox.name, Qt::ElideRight, text.width());
        if (!twoLines) {
            painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, name + u"  "_s);
            font.setBold(false);
            painter->setFont(font);
            painter->setPen(Theme::muted());
            painter->drawText(text, Qt::AlignVCenter | Qt::AlignRight, mBox.type);
            return;
        }
        painter->drawText(text.adjusted(0, 6, 0, -rect.height() / 2), Qt::AlignBottom | Qt::AlignLeft, name);
        font.setBold(false);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter->setFont(font);
        painter->setPen(Theme::muted());
        painter->drawText(text.adjusted(0, rect.height() / 2 + 1, 0, 0), Qt::AlignTop | Qt::AlignLeft, mBox.type);
    }

    void paintHandle(QPainter *painter, const QColor &type) const
    {
        if (mBox.type == "Succeed"_L1 || mBox.type == "Fail"_L1)
            return;
        painter->setPen(QPen(type, 1.2));
        painter->setBrush(isSelected() || mHover ? type : baseColour());
        painter->drawEllipse(QPointF(mBox.rect.center().x(), mBox.rect.bottom()), kHandleRadius, kHandleRadius);
    }

    void paintBadge(QPainter *painter) const
    {
        const QPair<int, int> problems = mGraph->problems(mBox.path);
        const int count = problems.first > 0 ? problems.first : problems.second;
        if (count == 0)
            return;
        const QColor colour = problems.first > 0 ? Theme::failure() : Theme::warning();
        const QRectF badge(mBox.rect.right() - 10, mBox.rect.top() - 9, 20, 20);
        painter->setPen(QPen(baseColour(), 1.5));
        painter->setBrush(colour);
        painter->drawEllipse(badge);
        QFont font = painter->font();
        font.setBold(true);
        font.setPointSizeF(std::max<qreal>(6, font.pointSizeF() * 0.8));
        painter->setFont(font);
        painter->setPen(Theme::textOn(colour));
        painter->drawText(badge, Qt::AlignCenter, QString::number(count));
    }

    void hoverEnterEvent(QGraphicsSceneHoverEvent *) override
    {
        mHover = true;
        update();
    }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override
    {
        mHover = false;
        update();
    }

    const WorkflowScene *mGraph;
    WorkflowLayout::Box mBox;
    bool mHover = false;
};

class FrameItem : public QGraphicsItem
{
public:
    explicit FrameItem(const WorkflowLayout::Frame &frame) : mFrame(frame)
    {
        setZValue(1.5 + depthOf(frame.owner) * 2);
    }
    QRectF boundingRect() const override { return mFrame.rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(Theme::edge(), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(mFrame.rect, 6, 6);
        QFont font = painter->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter->setFont(font);
        painter->setPen(Theme::muted());
        painter->drawText(
            mFrame.rect.adjusted(8, 3, -8, 0), Qt::AlignTop | Qt::AlignLeft,
            mFrame.title == "Iterator"_L1
                ? QCoreApplication::translate("Nimbus::WorkflowScene", "Each item")
                : QCoreApplication::translate("Nimbus::WorkflowScene", "Branch %1").arg(mFrame.title.mid(7)));
    }

private:
    WorkflowLayout::Frame mFrame;
};

class LinkItem : public QGraphicsItem
{
public:
    LinkItem(const WorkflowScene *graph, const WorkflowLayout::Link &link) : mGraph(graph), mLink(link)
    {
        setZValue(10 + depthOf(link.from.isEmpty() ? link.to : link.from) * 2);
    }
    QRectF boundingRect() const override
    {
        return mLink.path.boundingRect().adjusted(-8, -8, 8, 8) | labelRect().adjusted(-2, -2, 2, 2);
    }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        using Kind = WorkflowLayout::Link::Kind;
        painter->setRenderHint(QPainter::Antialiasing);
        QColor colour = mLink.kind == Kind::Catch ? Theme::readable(Theme::warning()) : Theme::edge();
        qreal width = 1.4;
        if (taken()) {
            colour = Theme::success();
            width = 2.6;
        }
        QPen pen(colour, width, mLink.kind == Kind::Catch ? Qt::DashLine : Qt::SolidLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(mLink.path);
        // The arrow's head, along the path's last direction.
        const QPointF tip = mLink.path.pointAtPercent(1);
        const qreal angle = qDegreesToRadians(mLink.path.angleAtPercent(0.98));
        const QPointF back(-std::cos(angle) * 9, std::sin(angle) * 9);
        const QPointF side(-back.y() * 0.5, back.x() * 0.5);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(QPolygonF{tip, tip + back + side, tip + back - side});
        if (mLink.label.isEmpty())
            return;
        const QRectF box = labelRect();
        painter->setPen(QPen(Theme::mix(colour, baseColour(), 0.4), 1));
        painter->setBrush(baseColour());
        painter->drawRoundedRect(box, 4, 4);
        painter->setFont(labelFont());
        painter->setPen(mLink.kind == Kind::Catch ? colour : textColour());
        painter->drawText(box, Qt::AlignCenter, elided());
    }

private:
    bool taken() const
    {
        const auto ran = [this](const QString &path) {
            const StateRun run = mGraph->run(path.mid(path.lastIndexOf('/'_L1) + 1));
            return run == StateRun::Succeeded || run == StateRun::Caught || run == StateRun::Failed
                   || run == StateRun::Entered;
        };
        if (mLink.from.isEmpty())
            return ran(mLink.to);
        const StateRun from = mGraph->run(mLink.from.mid(mLink.from.lastIndexOf('/'_L1) + 1));
        if (mLink.to.isEmpty())
            return from == StateRun::Succeeded;
        const bool left = from == StateRun::Succeeded || from == StateRun::Caught;
        const bool caughtEdge = mLink.kind == WorkflowLayout::Link::Kind::Catch;
        return left && ran(mLink.to) && (caughtEdge == (from == StateRun::Caught));
    }
    static QFont labelFont()
    {
        QFont font;
        font.setPointSizeF(font.pointSizeF() * 0.82);
        return font;
    }
    QString elided() const { return QFontMetricsF(labelFont()).elidedText(mLink.label, Qt::ElideRight, 150); }
    QRectF labelRect() const
    {
        if (mLink.label.isEmpty())
            return {};
        const QSizeF size = QFontMetricsF(labelFont()).size(Qt::TextSingleLine, elided()) + QSizeF(10, 4);
        return QRectF(mLink.labelAt - QPointF(size.width() / 2, size.height() / 2), size);
    }

    const WorkflowScene *mGraph;
    WorkflowLayout::Link mLink;
};

class MarkerItem : public QGraphicsItem
{
public:
    MarkerItem(const QRectF &rect, const QString &text) : mRect(rect), mText(text) { setZValue(12); }
    QRectF boundingRect() const override { return mRect.adjusted(-1, -1, 1, 1); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(Theme::edge(), 1.2));
        painter->setBrush(Theme::mix(baseColour(), textColour(), 0.08));
        painter->drawRoundedRect(mRect, mRect.height() / 2, mRect.height() / 2);
        painter->setPen(textColour());
        painter->drawText(mRect, Qt::AlignCenter, mText);
    }

private:
    QRectF mRect;
    QString mText;
};

} // namespace

WorkflowScene::WorkflowScene(QObject *parent) : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { emit stateSelected(selectedState()); });
}

QColor WorkflowScene::typeColour(const QString &type)
{
    static const QHash<QString, QColor> colours = {
        {u"Pass"_s, QColor(0x6b, 0x7a, 0x8f)},     {u"Task"_s, QColor(0xe0, 0x7b, 0x12)},
        {u"Choice"_s, QColor(0x8e, 0x44, 0xad)},   {u"Wait"_s, QColor(0x16, 0x8f, 0x8f)},
        {u"Succeed"_s, QColor(0x2e, 0x9d, 0x4f)},  {u"Fail"_s, QColor(0xd0, 0x36, 0x36)},
        {u"Parallel"_s, QColor(0x2d, 0x6c, 0xdf)}, {u"Map"_s, QColor(0x5b, 0x4f, 0xc9)}};
    return colours.value(type, QColor(0x80, 0x80, 0x80));
}

QColor WorkflowScene::runColour(StateRun run)
{
    switch (run) {
    case StateRun::Entered: return QColor(0x2d, 0x8c, 0xf0);
    case StateRun::Succeeded: return Theme::success();
    case StateRun::Failed: return Theme::failure();
    case StateRun::Caught: return Theme::warning();
    case StateRun::None: break;
    }
    return Theme::muted();
}

void WorkflowScene::paintIcon(QPainter *painter, const QRectF &rect, const QString &type, const QColor &colour)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const QRectF r = rect.adjusted(2, 2, -2, -2);
    const QPointF c = r.center();
    if (type == "Pass"_L1) {
        painter->drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()));
        painter->drawPolyline(QPolygonF{{c.x() + 1, r.top() + 2}, {r.right(), c.y()}, {c.x() + 1, r.bottom() - 2}});
    } else if (type == "Task"_L1) {
        painter->drawRoundedRect(r, 3, 3);
        painter->drawPolyline(QPolygonF{{r.left() + 4, r.top() + 4}, {c.x(), c.y()}, {r.left() + 4, r.bottom() - 4}});
        painter->drawLine(QPointF(c.x() + 1, r.bottom() - 4), QPointF(r.right() - 3, r.bottom() - 4));
    } else if (type == "Choice"_L1) {
        painter->drawPolygon(QPolygonF{{c.x(), r.top()}, {r.right(), c.y()}, {c.x(), r.bottom()}, {r.left(), c.y()}});
    } else if (type == "Wait"_L1) {
        painter->drawEllipse(r);
        painter->drawPolyline(QPolygonF{{c.x(), r.top() + 3}, c, {r.right() - 3, c.y()}});
    } else if (type == "Succeed"_L1) {
        painter->drawPolyline(QPolygonF{{r.left() + 1, c.y()}, {c.x() - 1, r.bottom() - 2}, {r.right(), r.top() + 2}});
    } else if (type == "Fail"_L1) {
        painter->drawLine(r.topLeft() + QPointF(2, 2), r.bottomRight() - QPointF(2, 2));
        painter->drawLine(r.topRight() + QPointF(-2, 2), r.bottomLeft() + QPointF(2, -2));
    } else if (type == "Parallel"_L1) {
        painter->drawLine(QPointF(r.left() + 4, r.top()), QPointF(r.left() + 4, r.bottom()));
        painter->drawLine(QPointF(r.right() - 4, r.top()), QPointF(r.right() - 4, r.bottom()));
        painter->drawLine(QPointF(r.left(), r.top()), QPointF(r.right(), r.top()));
    } else if (type == "Map"_L1) {
        const qreal h = r.width() / 2 - 1;
        for (int i = 0; i < 4; ++i)
            painter->drawRect(QRectF(r.left() + (i % 2) * (h + 2), r.top() + (i / 2) * (h + 2), h, h));
    }
    painter->restore();
}

void WorkflowScene::setDefinition(const QJsonObject &definition)
{
    mLayout = WorkflowLayout::compute(definition);
    rebuild();
}

void WorkflowScene::rebuild()
{
    const QString selected = selectedState();
    QSignalBlocker blocker(this);
    mConnectLine = nullptr;
    mConnectFrom.clear();
    clear();
    for (const WorkflowLayout::Box &box : std::as_const(mLayout.boxes))
        addItem(new StateItem(this, box));
    for (const WorkflowLayout::Frame &frame : std::as_const(mLayout.frames))
        addItem(new FrameItem(frame));
    for (const WorkflowLayout::Link &link : std::as_const(mLayout.links))
        addItem(new LinkItem(this, link));
    if (!mLayout.start.isNull()) {
        addItem(new MarkerItem(mLayout.start, tr("Start")));
        addItem(new MarkerItem(mLayout.end, tr("End")));
    }
    setSceneRect(mLayout.bounds.adjusted(-60, -40, 60, 40));
    selectState(selected);
    blocker.unblock();
    if (selectedState() != selected)
        emit stateSelected(selectedState());
}

void WorkflowScene::setProblems(const QHash<QString, QPair<int, int>> &problems)
{
    mProblems = problems;
    update();
}

void WorkflowScene::setRuns(const QHash<QString, StateRun> &runs)
{
    mRuns = runs;
    update();
}

QString WorkflowScene::selectedState() const
{
    const QList<QGraphicsItem *> items = selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(kStateRole).toString();
}

void WorkflowScene::selectState(const QString &path)
{
    for (QGraphicsItem *item : items())
        if (!item->data(kStateRole).toString().isEmpty())
            item->setSelected(!path.isEmpty() && item->data(kStateRole).toString() == path);
}

QRectF WorkflowScene::stateRect(const QString &path) const
{
    const WorkflowLayout::Box *box = mLayout.box(path);
    return box ? box->rect : QRectF();
}

QPointF WorkflowScene::handlePosition(const QString &path) const
{
    const QRectF rect = stateRect(path);
    return {rect.center().x(), rect.bottom()};
}

QString WorkflowScene::handleAt(const QPointF &point) const
{
    for (const WorkflowLayout::Box &box : mLayout.boxes) {
        if (box.type == "Succeed"_L1 || box.type == "Fail"_L1)
            continue;
        if (QLineF(point, handlePosition(box.path)).length() <= kHandleRadius + 3)
            return box.path;
    }
    return {};
}

void WorkflowScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        mConnectFrom = handleAt(event->scenePos());
        if (!mConnectFrom.isEmpty()) {
            mConnectLine = addPath(QPainterPath(),
                                   QPen(Theme::current().color(QPalette::Highlight), 1.6, Qt::DashLine));
            mConnectLine->setZValue(100);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void WorkflowScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!mConnectFrom.isEmpty() && mConnectLine) {
        QPainterPath path(handlePosition(mConnectFrom));
        path.lineTo(event->scenePos());
        mConnectLine->setPath(path);
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void WorkflowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!mConnectFrom.isEmpty()) {
        const QString from = std::exchange(mConnectFrom, QString());
        delete std::exchange(mConnectLine, nullptr);
        const QString to = mLayout.stateAt(event->scenePos());
        if (!to.isEmpty() && to != from)
            emit connectRequested(from, to);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
}

const char *const WorkflowView::kStateMimeType = "application/x-nimbus-asl-state";

WorkflowView::WorkflowView(WorkflowScene *scene, QWidget *parent) : QGraphicsView(scene, parent), mScene(scene)
{
    setObjectName(u"workflowGraph"_s);
    setAcceptDrops(true);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::NoDrag);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundBrush(Theme::current().color(QPalette::Base));
    setAccessibleName(tr("Workflow graph"));
}

void WorkflowView::fit()
{
    const QRectF bounds = mScene->sceneRect();
    if (bounds.width() <= viewport()->width() && bounds.height() <= viewport()->height()) {
        resetTransform();
        return;
    }
    const qreal zoom = std::max(0.45,
                                std::min(viewport()->width() / bounds.width(), viewport()->height() / bounds.height()));
    setTransform(QTransform::fromScale(std::min(zoom, 1.0), std::min(zoom, 1.0)));
}

void WorkflowView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kStateMimeType)))
        event->acceptProposedAction();
}

void WorkflowView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kStateMimeType)))
        event->acceptProposedAction();
}

void WorkflowView::dropEvent(QDropEvent *event)
{
    const QString type = QString::fromUtf8(event->mimeData()->data(QLatin1String(kStateMimeType)));
    if (type.isEmpty())
        return;
    event->acceptProposedAction();
    emit stateDropped(type, mapToScene(event->position().toPoint()));
}

void WorkflowView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && !mScene->selectedState().isEmpty()) {
        emit deleteRequested(mScene->selectedState());
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void WorkflowView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
        const qreal zoom = std::clamp(transform().m11() * factor, 0.3, 2.5);
        setTransform(QTransform::fromScale(zoom, zoom));
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace Nimbus
