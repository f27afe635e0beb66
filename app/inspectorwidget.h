#pragma once

#include "canvas/ruletester.h"
#include "model/edge.h"
#include "model/node.h"
#include "projectview.h"
#include "result.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QGraphicsScene;
class QPushButton;

namespace Nimbus {

struct PropertySpec;
class SecretRenames;
class SecretStore;

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
    // Shows a connection: its ends, its meaning and the IAM permissions it grants (as the
    // SAM export writes them), with a button that deletes it. kInvalidEdgeId: nothing.
    void setEdge(EdgeId id);
    EdgeId edge() const { return mEdge; }
    // Shows the connection the canvas selects alone (the main window sets the nodes); the
    // window's canvas is followed once shown if none is given.
    void followSelection(QGraphicsScene *scene);
    // The selected connection's meaning and permissions, and its Delete button (for tests).
    QLabel *edgeMeaning() const { return mEdgeRows.meaning; }
    QLabel *edgePermissions() const { return mEdgeRows.permissions; }
    QPushButton *deleteEdgeButton() const { return mEdgeRows.remove; }
    // Why the last edit of a connection's property was refused (hidden when none was).
    QLabel *edgeProblem() const { return mEdgeRows.problem; }
    // The editor of a property of the node or connection shown (for tests and keyboard
    // navigation).
    QWidget *editor(const QString &property) const { return mEditors.value(property); }
    QLineEdit *nameEditor() const { return mName; }
    // The source files of the selected function (double-click opens one).
    QListWidget *codeFiles() const { return mCodeFiles; }
    // The selected function's effective policy: the IAM policy document the AWS exports
    // write and the local cloud enforces, as JSON (null for other nodes).
    QPlainTextEdit *effectivePolicy() const { return mPolicy; }
    // The selected rule's "Test pattern" box (null for other nodes).
    RuleTester *ruleTester() const { return mRuleTester; }
    // Where a rule's Test pattern box finds the user's own events: a label and the event
    // as EventBridge delivers it, for each event saved with the rule's buses.
    using SavedEventsSource = std::function<QList<QPair<QString, QByteArray>>(NodeId rule)>;
    void setSavedEventsSource(SavedEventsSource source) { mSavedEvents = std::move(source); }
    // A secret's or parameter's value: a masked field and its Set Value button; the value
    // goes to the SecretStore (the keychain), never to the project or its undo stack.
    QLineEdit *valueEditor() const { return mValue; }
    QPushButton *setValueButton() const { return mSetValue; }
    QLabel *valueState() const { return mValueState; }
    // Moves the function's environment variable of that row into a new secret node the
    // function reads: one undo step (its value goes to the SecretStore).
    Result<NodeId> moveIntoSecret(int row);

signals:
    void fileActivated(const QString &path, Nimbus::NodeId function);
    void openCodeRequested(Nimbus::NodeId function);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void projectChanged(Project *previous) override;
    void rebuild();
    void addEdgeRows(const Edge &edge);
    QString permissionsText(const Edge &edge) const;
    EdgeId selectedEdge() const;
    // Labels beside their fields when every row fits the width, else above all of them (a
    // narrow dock, longer words in French): never some of each, never a field cut short.
    void fitRows();
    void addCodeFiles(const Node &node);
    void refreshPolicy();
    void addValueRows(const Node &node);
    void refreshValueState();
    void refreshValues();
    // An editor of the property's type. A node's text fields commit as the user types (one
    // merged step); a connection's when the edit is finished (Return, or the focus leaves),
    // since a value half typed (a filter policy's JSON) would be refused.
    QWidget *createEditor(const PropertySpec &spec, bool forEdge = false);
    void setValue(QWidget *editor, const PropertySpec &spec, const QJsonValue &value);
    void commit(const QString &property, const QJsonValue &value);
    void refreshEdgeValues();
    void markValidity(QWidget *editor, const PropertySpec &spec, const QJsonValue &value);

    NodeId mNode = kInvalidNodeId;
    EdgeId mEdge = kInvalidEdgeId;
    QFormLayout *mForm = nullptr;
    QWidget *mFormHost = nullptr;
    QLabel *mEmpty = nullptr;
    QLineEdit *mName = nullptr;
    QLabel *mKind = nullptr;
    QListWidget *mCodeFiles = nullptr;
    QPlainTextEdit *mPolicy = nullptr;
    QLineEdit *mValue = nullptr;
    QPushButton *mSetValue = nullptr;
    QLabel *mValueState = nullptr;
    SecretStore *mSecrets; // a child
    SecretRenames *mSecretRenames = nullptr; // a child, the project's
    QPointer<RuleTester> mRuleTester;
    SavedEventsSource mSavedEvents;
    QHash<QString, QWidget *> mEditors;
    // The form row of each property shown only while another holds certain values (onlyWhen).
    QHash<QString, int> mConditionalRows;
    bool mUpdating = false;
    QPointer<QGraphicsScene> mScene; // the canvas whose selected connection is shown
    struct
    {
        QLabel *meaning = nullptr;
        QLabel *permissions = nullptr;
        QPushButton *remove = nullptr;
        QLabel *problem = nullptr;
    } mEdgeRows;
};

} // namespace Nimbus
