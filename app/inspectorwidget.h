#pragma once

#include "model/node.h"
#include "projectview.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Nimbus {

struct PropertySpec;

// A form generated from the selected node's property schema: spin boxes with units,
// combo boxes for enums, a table for environment variables. Every edit is an undoable
// command; a value the catalog does not allow is kept and marked invalid at its field.
class InspectorWidget : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit InspectorWidget(QWidget *parent = nullptr);

    void setNode(NodeId id);
    NodeId node() const { return mNode; }
    // The editor of a property (for tests and keyboard navigation).
    QWidget *editor(const QString &property) const { return mEditors.value(property); }
    QLineEdit *nameEditor() const { return mName; }
    // The source files of the selected function (double-click opens one).
    QListWidget *codeFiles() const { return mCodeFiles; }

signals:
    void fileActivated(const QString &path, Nimbus::NodeId function);
    void openCodeRequested(Nimbus::NodeId function);

private:
    void projectChanged(Project *previous) override;
    void rebuild();
    void addCodeFiles(const Node &node);
    void refreshValues();
    QWidget *createEditor(const PropertySpec &spec);
    void setValue(QWidget *editor, const PropertySpec &spec, const QJsonValue &value);
    void commit(const QString &property, const QJsonValue &value);
    void markValidity(QWidget *editor, const PropertySpec &spec, const QJsonValue &value);

    NodeId mNode = kInvalidNodeId;
    QFormLayout *mForm = nullptr;
    QWidget *mFormHost = nullptr;
    QLabel *mEmpty = nullptr;
    QLineEdit *mName = nullptr;
    QLabel *mKind = nullptr;
    QListWidget *mCodeFiles = nullptr;
    QHash<QString, QWidget *> mEditors;
    bool mUpdating = false;
};

} // namespace Nimbus
