#pragma once

#include <QJsonObject>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>

namespace Nimbus {

// Where the graph of a state machine draws each part: states in layers from top to
// bottom (each state below every state that leads to it, loops aside), Parallel and Map
// states as frames holding their branches' or iterator's states, arrows for Next, Choice
// rules (labelled with the rule), Default and Catch (labelled with the errors), and the
// Start and End markers of the machine. Pure geometry, computed again from the
// definition after each change; the scene only draws it.
struct WorkflowLayout
{
    static constexpr qreal kStateWidth = 176;
    static constexpr qreal kStateHeight = 48;

    struct Box
    {
        QString path; // "Charge", "Reserve/Branch 1/Write receipt"
        QString name;
        QString type;
        QRectF rect;
        bool container = false; // a Parallel or Map: drawn as a frame around its machines
    };
    // A Parallel's branch or a Map's iterator, inside its state's box.
    struct Frame
    {
        QString owner; // the state's path
        QString title; // "Branch 1", "Iterator"
        QRectF rect;
    };
    struct Link
    {
        enum class Kind { Next, Choice, Default, Catch, Start, End };
        Kind kind = Kind::Next;
        QString from; // a state's path; empty: the Start marker
        QString to; // empty: the End marker
        QString label;
        QPainterPath path;
        QPointF labelAt;
        bool back = false; // goes up: a loop
    };

    QList<Box> boxes;
    QList<Frame> frames;
    QList<Link> links;
    QRectF start; // the markers (top level only)
    QRectF end;
    QRectF bounds;

    static WorkflowLayout compute(const QJsonObject &definition);
    const Box *box(const QString &path) const;
    // The state at a point (the innermost one), or an empty string.
    QString stateAt(const QPointF &point) const;
};

} // namespace Nimbus
