#pragma once

#include <QCoreApplication>
#include <QString>

class QGraphicsItem;
class QRectF;

namespace Nimbus {

class CanvasScene;

// Writes the diagram (or the selected part) for a design document: SVG with one
// group per node and per connection, named and classed for styling, or PNG at 2x.
class DiagramExport
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::DiagramExport)

public:
    explicit DiagramExport(CanvasScene *scene) : mScene(scene) { }

    void setSelectionOnly(bool only) { mSelectionOnly = only; }
    bool writeSvg(const QString &path);
    bool writePng(const QString &path, qreal scale = 2.0);
    QString errorString() const { return mError; }

private:
    QRectF area() const;
    bool includes(const QGraphicsItem *item) const;

    CanvasScene *mScene;
    bool mSelectionOnly = false;
    QString mError;
};

} // namespace Nimbus
