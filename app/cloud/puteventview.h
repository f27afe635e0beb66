#pragma once

#include "model/ids.h"
#include "result.h"

#include <QJsonArray>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace Nimbus {

class CodeEditor;
class LocalCloud;
class Project;
class RunHistory;

// Puts events on one event bus of the running local cloud from the studio, as a function's
// PutEvents would: an editor holds one PutEvents entry (Source, DetailType, Detail,
// Resources, Time) or an array of up to ten, Detail an object or its JSON text. As it is
// typed, each rule of the bus says whether the event would match its pattern (the same
// matcher the cloud uses). Put Event sends the entries through the cloud - archived,
// routed and logged hop by hop as any other - and says each entry's id or error in
// EventBridge's words. Events can be saved under a name with the project, beside a
// function's saved events, and loaded again.
class PutEventView : public QWidget
{
    Q_OBJECT

public:
    PutEventView(LocalCloud *cloud, Project *project, RunHistory *history, const QString &bus,
                 QWidget *parent = nullptr);

    QString bus() const { return mBus; }
    // The cloud it puts on; null once that cloud has stopped.
    LocalCloud *cloud() const { return mCloud; }
    QString text() const;
    void setText(const QString &text);
    // The entries the editor holds, each Detail as its JSON text as PutEvents takes it;
    // the error says what is wrong with the text.
    Result<QJsonArray> entries() const;
    static Result<QJsonArray> entriesOf(const QString &text);
    // The events saved with the buses that route to rule, as EventBridge would deliver
    // them (for the rule's Test pattern box), each labelled with its name and bus; an
    // entry PutEvents would refuse is left out.
    struct SavedEvent
    {
        QString label;
        QByteArray event;
    };
    static QList<SavedEvent> savedEventsFor(const Project &project, const RunHistory &history, NodeId rule);
    // The rules of the bus the entries would reach (node names, sorted), as the list
    // shows them; empty when the text is no entry.
    QStringList matchingRules() const;
    // Puts the entries on the bus; one result per entry as PutEvents answers it, or why
    // nothing was put (the status says so too).
    Result<QJsonArray> put();
    // Saved events of the bus, by name (sorted); save keeps the editor's text.
    QStringList savedEvents() const;
    bool saveEvent(const QString &name);
    bool loadEvent(const QString &name);
    bool removeEvent(const QString &name);
    QString status() const;
    // The entry a new editor starts with: source and detail-type of the bus's first rule
    // that names one of each, so that an event that reaches it is a Detail away.
    static QString exampleEntry(const Project &project, const QString &bus);

private:
    void updateRules();
    void rebuildSaved();
    void say(const QString &text, bool error);
    void updateButtons();
    NodeId busNode() const;

    QPointer<LocalCloud> mCloud;
    QPointer<Project> mProject;
    RunHistory *mHistory;
    QString mBus;
    QComboBox *mSaved;
    CodeEditor *mEditor;
    QTreeWidget *mRules;
    QPushButton *mPut;
    QPushButton *mSave;
    QPushButton *mDelete;
    QLabel *mStatus;
    QTimer *mRecheck; // the rules are tried again a moment after the text last changed
};

} // namespace Nimbus
