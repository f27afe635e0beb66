#include "inspectorwidget.h"
#include "cloud/secretrenames.h"
#include "cloud/secretstore.h"

#include "runtime/functionspec.h"

#include "canvas/canvasscene.h"
#include "export/exportmodel.h"
#include "model/effectivepolicy.h"
#include "model/permissions.h"
#include "preferences/preferences.h"

#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "model/validator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// Spin boxes accept far more than the catalog allows, so that a wrong value is shown
// as wrong rather than silently clamped.
constexpr int kWideLimit = 1000000000;
const char *const kSpecProperty = "nimbusProperty";

QJsonArray environmentOf(const QTableWidget *table)
{
    QJsonArray vars;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *name = table->item(row, 0);
        const QTableWidgetItem *value = table->item(row, 1);
        const QTableWidgetItem *secret = table->item(row, 2);
        vars.append(QJsonObject{{u"name"_s, name ? name->text() : QString()},
                                {u"value"_s, value ? value->text() : QString()},
                                {u"secret"_s, secret && secret->checkState() == Qt::Checked}});
    }
    return vars;
}
} // namespace

InspectorWidget::InspectorWidget(QWidget *parent) : QWidget(parent), mSecrets(new SecretStore(this))
{
    setObjectName(u"inspector"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mEmpty = new QLabel(tr("Select a node to see and edit its properties, or a connection to see what it grants."),
                        this);
    mEmpty->setAlignment(Qt::AlignCenter);
    mEmpty->setWordWrap(true);
    mEmpty->setEnabled(false);
    layout->addWidget(mEmpty);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    mFormHost = new QWidget(scroll);
    mForm = new QFormLayout(mFormHost);
    mForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    scroll->setWidget(mFormHost);
    scroll->viewport()->installEventFilter(this); // its width decides where labels go
    layout->addWidget(scroll);
    scroll->hide();
}

void InspectorWidget::projectChanged(Project *previous)
{
    if (previous)
        disconnect(&previous->architecture(), nullptr, this, nullptr);
    mNode = kInvalidNodeId;
    delete mSecretRenames;
    mSecretRenames = nullptr;
    if (project()) {
        // A renamed secret or parameter keeps its value (kept by node name, out of the project).
        mSecretRenames = new SecretRenames(*project(), *mSecrets, this);
        connect(mSecretRenames, &SecretRenames::failed, this,
                [this](const QString &message) { QMessageBox::warning(this, tr("Value Not Moved"), message); });
        Architecture *a = &project()->architecture();
        connect(a, &Architecture::nodePropertyChanged, this, [this](NodeId id) {
            if (id == mNode)
                refreshValues();
        });
        connect(a, &Architecture::nodeRenamed, this, [this](NodeId id) {
            if (id == mNode)
                refreshValues();
            const Edge *shown = project()->architecture().edge(mEdge);
            if (shown && (shown->from == id || shown->to == id))
                rebuild(); // the connection's words name its ends
        });
        connect(a, &Architecture::edgePropertyChanged, this, [this](EdgeId id) {
            if (id == mEdge)
                refreshEdgeValues();
        });
        connect(a, &Architecture::edgeAboutToBeRemoved, this, [this](EdgeId id) {
            if (id == mEdge)
                setEdge(kInvalidEdgeId);
        });
        // The shown function's policy follows its connections.
        connect(a, &Architecture::edgeAdded, this, &InspectorWidget::refreshPolicy);
        connect(a, &Architecture::edgeRemoved, this, &InspectorWidget::refreshPolicy);
        connect(a, &Architecture::nodeAboutToBeRemoved, this, [this](NodeId id) {
            if (id == mNode)
                setNode(kInvalidNodeId);
        });
        connect(a, &Architecture::modelReset, this, [this] {
            mEdge = kInvalidEdgeId;
            setNode(kInvalidNodeId);
        });
    }
    mEdge = kInvalidEdgeId;
    rebuild();
}

void InspectorWidget::setNode(NodeId id)
{
    // The main window clears the node when a connection alone is selected: it stays shown.
    if (id == kInvalidNodeId && mEdge != kInvalidEdgeId && selectedEdge() == mEdge)
        return;
    if (id == mNode && mEdge == kInvalidEdgeId)
        return;
    mNode = id;
    mEdge = kInvalidEdgeId;
    rebuild();
}

void InspectorWidget::setEdge(EdgeId id)
{
    if (id == mEdge)
        return;
    mEdge = id;
    mNode = kInvalidNodeId;
    rebuild();
}

EdgeId InspectorWidget::selectedEdge() const
{
    auto *canvas = qobject_cast<CanvasScene *>(mScene.data());
    if (!canvas || !canvas->selectedNodes().isEmpty())
        return kInvalidEdgeId;
    const QList<EdgeId> edges = canvas->selectedEdges();
    return edges.size() == 1 ? edges.first() : kInvalidEdgeId;
}

void InspectorWidget::followSelection(QGraphicsScene *scene)
{
    if (mScene)
        disconnect(mScene, nullptr, this, nullptr);
    mScene = scene;
    if (!scene)
        return;
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        const EdgeId selected = selectedEdge();
        if (selected != kInvalidEdgeId || mEdge != kInvalidEdgeId)
            setEdge(selected);
    });
}

void InspectorWidget::showEvent(QShowEvent *event)
{
    // The canvas is the main window's (a floating dock's parent still), unless one was given.
    for (QWidget *up = parentWidget(); up && !mScene; up = up->parentWidget())
        if (auto *canvas = up->findChild<CanvasScene *>(QString(), Qt::FindDirectChildrenOnly))
            followSelection(canvas);
    QWidget::showEvent(event);
}

bool InspectorWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mFormHost->parentWidget() && event->type() == QEvent::Resize)
        fitRows();
    return QWidget::eventFilter(watched, event);
}

void InspectorWidget::fitRows()
{
    int labels = 0;
    int fields = 0;
    for (int row = 0; row < mForm->rowCount(); ++row) {
        // The widgets' own hints: rows just added are not shown yet, and their items' hints are empty.
        if (QLayoutItem *label = mForm->itemAt(row, QFormLayout::LabelRole); label && label->widget())
            labels = std::max(labels, label->widget()->sizeHint().width());
        // Lists and tables shrink well; an input wants its whole width (its text, its unit).
        if (QLayoutItem *field = mForm->itemAt(row, QFormLayout::FieldRole); field && field->widget()) {
            QWidget *widget = field->widget();
            const bool input = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                               || qobject_cast<QAbstractSpinBox *>(widget);
            fields = std::max(fields, input ? widget->sizeHint().width() : widget->minimumSizeHint().width());
        }
    }
    const QMargins margins = mForm->contentsMargins();
    const int spacing = std::max(0, mForm->horizontalSpacing());
    // The visible width (the form itself grows beyond it when its rows are too wide).
    const int width = mFormHost->parentWidget()->width();
    const bool beside = labels + spacing + fields <= width - margins.left() - margins.right();
    const QFormLayout::RowWrapPolicy policy = beside ? QFormLayout::DontWrapRows : QFormLayout::WrapAllRows;
    if (mForm->rowWrapPolicy() != policy)
        mForm->setRowWrapPolicy(policy);
}

void InspectorWidget::rebuild()
{
    while (mForm->rowCount() > 0)
        mForm->removeRow(0);
    mEditors.clear();
    mConditionalRows.clear();
    mName = nullptr;
    mCodeFiles = nullptr;
    mPolicy = nullptr;
    mValue = nullptr;
    mSetValue = nullptr;
    mValueState = nullptr;
    mEdgeRows = {};
    const Node *node = project() ? project()->architecture().node(mNode) : nullptr;
    const NodeKind *kind = node ? project()->catalog().kind(node->kind) : nullptr;
    const Edge *edge = project() ? project()->architecture().edge(mEdge) : nullptr;
    mEmpty->setVisible(!node && !edge);
    mFormHost->parentWidget()->parentWidget()->setVisible(node || edge);
    if (edge) {
        addEdgeRows(*edge);
        fitRows();
        return;
    }
    if (!node)
        return;

    mName = new QLineEdit(mFormHost);
    mName->setObjectName(u"nameEditor"_s);
    mName->setAccessibleName(tr("Name"));
    connect(mName, &QLineEdit::editingFinished, this, [this] {
        if (mUpdating || !project() || !project()->architecture().node(mNode))
            return;
        if (const Result<void> renamed = project()->renameNode(mNode, mName->text().trimmed()); !renamed) {
            mName->setToolTip(renamed.errorMessage());
            mName->setStyleSheet(u"QLineEdit { border: 2px solid #d32f2f; }"_s);
        }
    });
    mForm->addRow(tr("Name"), mName);
    mKind = new QLabel(kind ? Catalog::text(kind->name) : node->kind, mFormHost);
    if (kind)
        mKind->setToolTip(Catalog::text(kind->help));
    mForm->addRow(tr("Kind"), mKind);

    if (kind) {
        // The kind's main properties first, then each section under its title ("Chaos").
        QStringList sections{QString()};
        for (const PropertySpec &spec : kind->properties)
            if (!sections.contains(spec.section))
                sections.append(spec.section);
        for (const QString &section : std::as_const(sections)) {
            QToolButton *title = nullptr;
            QList<int> rows;
            bool anySet = false;
            if (!section.isEmpty()) {
                title = new QToolButton(mFormHost);
                title->setObjectName(u"section:"_s + section);
                title->setText(Catalog::text(section));
                title->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
                title->setAutoRaise(true);
                title->setCheckable(true);
                QFont bold = title->font();
                bold.setBold(true);
                title->setFont(bold);
                mForm->addRow(title);
            }
            for (const PropertySpec &spec : kind->properties) {
                if (spec.section != section)
                    continue;
                QWidget *editor = createEditor(spec);
                editor->setProperty(kSpecProperty, spec.id);
                editor->setToolTip(Catalog::text(spec.help));
                editor->setAccessibleName(Catalog::text(spec.label));
                mEditors.insert(spec.id, editor);
                auto *label = new QLabel(Catalog::text(spec.label), mFormHost);
                label->setToolTip(Catalog::text(spec.help));
                label->setBuddy(editor);
                mForm->addRow(label, editor);
                rows.append(mForm->rowCount() - 1);
                if (!spec.onlyWhenProperty.isEmpty())
                    mConditionalRows.insert(spec.id, mForm->rowCount() - 1);
                const QJsonValue value = node->properties.value(spec.id);
                anySet = anySet || (!value.isUndefined() && value != spec.defaultValue);
            }
            if (!title)
                continue;
            // A section folds away; it opens by itself when one of its values is set.
            auto fold = [this, title, rows](bool open) {
                title->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
                for (int row : rows)
                    mForm->setRowVisible(row, open);
            };
            connect(title, &QToolButton::toggled, this, fold);
            title->setChecked(anySet);
            fold(anySet);
        }
        if (kind->code.isValid())
            addCodeFiles(*node);
        if (node->kind == Kinds::Function) {
            mPolicy = new QPlainTextEdit(mFormHost);
            mPolicy->setObjectName(u"effectivePolicy"_s);
            mPolicy->setReadOnly(true);
            mPolicy->setAccessibleName(tr("Effective policy"));
            mPolicy->setToolTip(tr("What the function's connections grant it on AWS: the policy the export writes "
                                   "into its role, and what the local cloud checks its SDK calls against"));
            mPolicy->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            mForm->addRow(tr("Effective policy"), mPolicy);
            refreshPolicy();
        }
        if (node->kind == Kinds::Rule) {
            mRuleTester = new RuleTester(mFormHost);
            if (mSavedEvents)
                mRuleTester->setSavedEvents(mSavedEvents(node->id));
            mForm->addRow(tr("Test pattern"), mRuleTester);
        }
        if (node->kind == Kinds::Secret || node->kind == Kinds::Parameter)
            addValueRows(*node);
    }
    refreshValues();
    fitRows();
}

void InspectorWidget::addValueRows(const Node &node)
{
    auto *host = new QWidget(mFormHost);
    auto *layout = new QHBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    mValue = new QLineEdit(host);
    mValue->setObjectName(u"secretValue"_s);
    // Masked, never echoed: the text goes to the keychain, not to a command or the project.
    mValue->setEchoMode(QLineEdit::Password);
    mValue->setAccessibleName(tr("New value"));
    mValue->setToolTip(tr("The value is kept in your desktop's keychain (or a file only you may read), never in "
                          "the project, its history or an export"));
    mSetValue = new QPushButton(tr("Set Value"), host);
    mSetValue->setObjectName(u"setSecretValue"_s);
    mSetValue->setEnabled(false);
    layout->addWidget(mValue, 1);
    layout->addWidget(mSetValue);
    mForm->addRow(tr("Value"), host);
    mValueState = new QLabel(mFormHost);
    mValueState->setObjectName(u"secretValueState"_s);
    mValueState->setWordWrap(true);
    mForm->addRow(QString(), mValueState);
    connect(mValue, &QLineEdit::textChanged, mSetValue,
            [this](const QString &text) { mSetValue->setEnabled(!text.isEmpty()); });
    auto set = [this, name = node.name, kind = node.kind] {
        const Node *current = project() ? project()->architecture().nodeByName(name) : nullptr;
        if (!current || mValue->text().isEmpty())
            return;
        const QString value = mValue->text();
        const QString type = current->properties.value("type"_L1).toString(u"String"_s);
        mValue->clear();
        mSecrets->setProjectFile(project()->filePath());
        QPointer<InspectorWidget> self(this);
        mSecrets->read(name, [self, name, kind, value, type](const Result<QJsonObject> &record) {
            if (!self)
                return;
            if (!record) {
                if (self->mValueState)
                    self->mValueState->setText(record.errorMessage());
                return;
            }
            self->mSecrets->write(name, SecretRecord::withValue(*record, kind, value, type),
                                  [self](const Result<void> &written) {
                if (!self || !self->mValueState)
                    return;
                if (!written)
                    self->mValueState->setText(written.errorMessage());
                else
                    self->refreshValueState();
            });
        });
    };
    connect(mSetValue, &QPushButton::clicked, this, set);
    connect(mValue, &QLineEdit::returnPressed, this, set);
    refreshValueState();
}

void InspectorWidget::refreshValueState()
{
    const Node *node = project() ? project()->architecture().node(mNode) : nullptr;
    if (!node || !mValueState)
        return;
    mSecrets->setProjectFile(project()->filePath());
    QPointer<QLabel> label(mValueState);
    const QString where = mSecrets->usesFile() ? tr("in a file only you may read (no keychain answered)")
                                               : tr("in your desktop's keychain");
    mSecrets->read(node->name, [label, where](const Result<QJsonObject> &record) {
        if (!label)
            return;
        if (!record)
            label->setText(record.errorMessage());
        else if (SecretRecord::currentValue(*record))
            label->setText(tr("A value is set, kept %1.").arg(where));
        else
            label->setText(tr("No value yet."));
    });
}

Result<NodeId> InspectorWidget::moveIntoSecret(int row)
{
    Project *p = project();
    const Node *function = p ? p->architecture().node(mNode) : nullptr;
    if (!function || function->kind != Kinds::Function)
        return fail(tr("no function is selected"));
    QJsonArray vars = function->properties.value("environment"_L1).toArray();
    if (row < 0 || row >= vars.size())
        return fail(tr("no variable is selected"));
    const QJsonObject variable = vars.at(row).toObject();
    const QString variableName = variable.value("name"_L1).toString();
    const QString value = variable.value("value"_L1).toString();
    // DB_PASSWORD becomes the secret dbPassword.
    QString base;
    const QStringList words = variableName.toLower().split(u'_', Qt::SkipEmptyParts);
    for (const QString &word : words)
        base += base.isEmpty() ? word : word.left(1).toUpper() + word.mid(1);
    if (base.isEmpty() || !base.front().isLetter())
        base = u"secret"_s + base;
    const QString name = p->uniqueName(base);
    const NodeId functionId = mNode;
    p->undoStack()->beginMacro(tr("Move %1 into a Secret").arg(variableName));
    const Result<NodeId> secret = p->addNode(QString(Kinds::Secret), function->position + QPointF(220, 120), name);
    Result<void> done;
    if (!secret) {
        done = secret.error();
    } else if (const Result<EdgeId> edge = p->connectNodes(functionId, *secret, u"reads"_s); !edge) {
        done = edge.error();
    } else {
        vars.removeAt(row);
        done = p->setNodeProperty(functionId, u"environment"_s, vars);
    }
    p->undoStack()->endMacro();
    if (!done) {
        p->undoStack()->undo();
        return done.error();
    }
    mSecrets->setProjectFile(p->filePath());
    mSecrets->write(name, SecretRecord::withValue({}, QString(Kinds::Secret), value));
    return *secret;
}

void InspectorWidget::addEdgeRows(const Edge &edge)
{
    const Architecture &a = project()->architecture();
    const Catalog &catalog = project()->catalog();
    const Node *from = a.node(edge.from);
    const Node *to = a.node(edge.to);
    auto kindName = [&](const Node *node) {
        const NodeKind *kind = catalog.kind(node->kind);
        return kind ? Catalog::text(kind->name) : node->kind;
    };
    auto addText = [this](const QString &label, const QString &text, const QString &objectName) {
        auto *value = new QLabel(text, mFormHost);
        value->setObjectName(objectName);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        mForm->addRow(label, value);
        return value;
    };
    const EdgeType *type = catalog.edgeType(edge.type);
    const QString typeLabel = type ? Catalog::text(type->label) : edge.type;
    addText(tr("From"), tr("%1 (%2)").arg(from->name, kindName(from)), u"edgeFrom"_s);
    addText(tr("To"), tr("%1 (%2)").arg(to->name, kindName(to)), u"edgeTo"_s);
    addText(tr("Connection"), typeLabel, u"edgeType"_s)->setToolTip(type ? Catalog::text(type->help) : QString());
    const EdgeRule *rule = catalog.rule(from->kind, to->kind, edge.type);
    // "createOrder writes orders-queue (Queue): sends messages to the queue"; a connection
    // the catalog does not allow (from an older file) has no meaning to add.
    const QString sentence = tr("%1 %2 %3 (%4)").arg(from->name, typeLabel, to->name, kindName(to));
    mEdgeRows.meaning = addText(
        tr("Meaning"), rule ? tr("%1: %2").arg(sentence, Catalog::text(rule->meaning)) : sentence, u"edgeMeaning"_s);
    // The connection's own properties (a subscription's filter policy), with the editors a
    // node's properties get.
    if (rule && !rule->properties.isEmpty()) {
        for (const PropertySpec &spec : rule->properties) {
            QWidget *editor = createEditor(spec, true);
            editor->setProperty(kSpecProperty, spec.id);
            editor->setToolTip(Catalog::text(spec.help));
            editor->setAccessibleName(Catalog::text(spec.label));
            mEditors.insert(spec.id, editor);
            auto *label = new QLabel(Catalog::text(spec.label), mFormHost);
            label->setToolTip(Catalog::text(spec.help));
            label->setBuddy(editor);
            mForm->addRow(label, editor);
        }
        mEdgeRows.problem = new QLabel(mFormHost);
        mEdgeRows.problem->setObjectName(u"edgeProblem"_s);
        mEdgeRows.problem->setWordWrap(true);
        mEdgeRows.problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        mEdgeRows.problem->setStyleSheet(u"QLabel { color: #d32f2f; }"_s);
        mForm->addRow(QString(), mEdgeRows.problem);
        mForm->setRowVisible(mEdgeRows.problem, false);
        refreshEdgeValues();
    }
    mEdgeRows.permissions = addText(tr("Permissions"), permissionsText(edge), u"edgePermissions"_s);
    mEdgeRows.permissions->setTextFormat(Qt::RichText);
    mEdgeRows.remove = new QPushButton(tr("Delete Connection"), mFormHost);
    mEdgeRows.remove->setObjectName(u"deleteEdgeButton"_s);
    const EdgeId id = edge.id;
    const auto remove = [this, id] {
        if (project() && project()->architecture().edge(id))
            project()->removeItems({}, {id});
    };
    // Queued: the removal rebuilds the form, button included, which must not go in its own click.
    connect(mEdgeRows.remove, &QPushButton::clicked, this, remove, Qt::QueuedConnection);
    mForm->addRow(QString(), mEdgeRows.remove);
}

// What the connection grants the function's role, statement by statement, with the
// resource as the SAM template names it ("!GetAtt Orders.Arn").
QString InspectorWidget::permissionsText(const Edge &edge) const
{
    const Architecture &a = project()->architecture();
    const Node *from = a.node(edge.from);
    const Node *to = a.node(edge.to);
    const Permissions::EdgeGrants grants = Permissions::aws().forEdge(from->kind, edge.type, to->kind);
    const Node *resource = grants.onSource ? from : to;
    const Node *function = grants.onSource ? to : from;
    // Between two services (a topic delivering to a queue) no role is involved.
    if (grants.grants.isEmpty() && from->kind != Kinds::Function && to->kind != Kinds::Function)
        return tr("None in a function's role: %1 sends to %2 under %2's own resource policy, which the export "
                  "writes.")
            .arg(from->name.toHtmlEscaped(), to->name.toHtmlEscaped());
    if (grants.grants.isEmpty())
        return tr("None in %1's role: the service calls the function with a permission of its own, which the "
                  "export adds.")
            .arg(function->name.toHtmlEscaped());
    // An imported template keeps its own logical ids.
    const QString recorded = project()->origin(u"sam"_s).value("ids"_L1).toObject().value(resource->name).toString();
    const QString id = recorded.isEmpty() ? ExportModel::identifier(resource->name) : recorded;
    QStringList statements;
    for (const IamGrant &grant : grants.grants) {
        QString target = u"!GetAtt %1.%2"_s.arg(id, grant.attribute);
        if (grant.attribute == "Ref"_L1)
            target = u"!Ref "_s + id;
        else if (!grant.suffix.isEmpty())
            target = u"!Sub ${%1.%2}%3"_s.arg(id, grant.attribute, grant.suffix);
        statements.append(
            tr("Allow %1<br>on <code>%2</code>")
                .arg(u"<code>"_s + grant.actions.join(u"</code>, <code>"_s) + u"</code>"_s, target.toHtmlEscaped()));
    }
    // A paragraph per statement, so that one ends visibly before the next begins.
    return u"<p>%1</p><p>%2</p>"_s.arg(
        tr("In %1's role (AWS IAM, as the SAM export writes it):").arg(function->name.toHtmlEscaped()),
        statements.join(u"</p><p>"_s));
}

void InspectorWidget::refreshPolicy()
{
    const Node *function = mPolicy && project() ? project()->architecture().node(mNode) : nullptr;
    if (!function)
        return;
    const EffectivePolicy policy = EffectivePolicy::of(project()->architecture(), *function);
    mPolicy->setPlainText(
        policy.statements().isEmpty()
            ? tr("No permissions: connect the function to the services it calls.")
            : QString::fromUtf8(QJsonDocument(policy.document(Preferences::instance().defaultRegion()))
                                    .toJson(QJsonDocument::Indented)));
}

void InspectorWidget::addCodeFiles(const Node &node)
{
    const Result<FunctionSpec> read = FunctionSpec::fromNode(*project(), node.id);
    if (!read)
        return;
    const FunctionSpec &spec = *read;
    mCodeFiles = new QListWidget(mFormHost);
    mCodeFiles->setObjectName(u"codeFiles"_s);
    mCodeFiles->setAccessibleName(tr("Code files"));
    mCodeFiles->setToolTip(tr("Double-click a file to edit it"));
    const QDir root(spec.sourceDirectory);
    QStringList files;
    // Dependencies and caches are not the function's own code, and node_modules can hold
    // tens of thousands of files: those folders are not entered at all.
    QStringList folders{spec.sourceDirectory};
    while (!folders.isEmpty() && files.size() < 200) {
        const QDir dir(folders.takeFirst());
        for (const QFileInfo &entry : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (!entry.isDir())
                files.append(root.relativeFilePath(entry.filePath()));
            else if (entry.fileName() != "node_modules"_L1 && entry.fileName() != "__pycache__"_L1)
                folders.append(entry.filePath());
        }
    }
    files.sort();
    for (const QString &file : files) {
        auto *item = new QListWidgetItem(file, mCodeFiles);
        item->setData(Qt::UserRole, root.filePath(file));
    }
    const NodeId id = node.id;
    connect(mCodeFiles, &QListWidget::itemActivated, this,
            [this, id](QListWidgetItem *item) { emit fileActivated(item->data(Qt::UserRole).toString(), id); });
    mCodeFiles->setMaximumHeight(
        std::min(6, std::max(2, int(files.size()))) * mCodeFiles->fontMetrics().height() * 3 / 2 + 8);
    auto *open = new QPushButton(files.isEmpty() ? tr("Create Handler") : tr("Open Handler"), mFormHost);
    open->setObjectName(u"openCodeButton"_s);
    connect(open, &QPushButton::clicked, this, [this, id] { emit openCodeRequested(id); });
    auto *box = new QWidget(mFormHost);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mCodeFiles);
    layout->addWidget(open, 0, Qt::AlignLeft);
    if (files.isEmpty())
        mCodeFiles->hide();
    mForm->addRow(tr("Code"), box);
}

QWidget *InspectorWidget::createEditor(const PropertySpec &spec, bool forEdge)
{
    const QString id = spec.id;
    switch (spec.type) {
    case PropertyType::Integer: {
        auto *box = new QSpinBox(mFormHost);
        box->setGroupSeparatorShown(true); // 1,024 MB, as the card writes it
        box->setRange(spec.nullable ? int(spec.minimum.value_or(0)) - 1 : -kWideLimit, kWideLimit);
        if (spec.nullable)
            box->setSpecialValueText(tr("not set"));
        if (!spec.unit.isEmpty())
            box->setSuffix(' '_L1 + Catalog::text(spec.unit));
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this, [this, box, id, spec](int v) {
            if (spec.nullable && v == box->minimum())
                commit(id, QJsonValue(QJsonValue::Null));
            else
                commit(id, v);
        });
        return box;
    }
    case PropertyType::Number: {
        auto *box = new QDoubleSpinBox(mFormHost);
        box->setGroupSeparatorShown(true);
        box->setRange(-kWideLimit, kWideLimit);
        box->setDecimals(3);
        if (!spec.unit.isEmpty())
            box->setSuffix(' '_L1 + Catalog::text(spec.unit));
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, id](double v) { commit(id, v); });
        return box;
    }
    case PropertyType::Boolean: {
        auto *check = new QCheckBox(mFormHost);
        connect(check, &QCheckBox::toggled, this, [this, id](bool on) { commit(id, on); });
        return check;
    }
    case PropertyType::Enum: {
        auto *combo = new QComboBox(mFormHost);
        combo->addItems(spec.values);
        connect(combo, &QComboBox::activated, this, [this, combo, id] { commit(id, combo->currentText()); });
        return combo;
    }
    case PropertyType::String:
    case PropertyType::Schedule: {
        auto *line = new QLineEdit(mFormHost);
        if (!spec.patternHelp.isEmpty())
            line->setPlaceholderText(Catalog::text(spec.patternHelp));
        if (forEdge) {
            connect(line, &QLineEdit::editingFinished, this, [this, line, id] { commit(id, line->text()); });
            return line;
        }
        // Typing merges into one undo step (SetPropertyCommand::mergeWith).
        connect(line, &QLineEdit::textEdited, this, [this, id](const QString &text) { commit(id, text); });
        return line;
    }
    case PropertyType::Environment: {
        auto *host = new QWidget(mFormHost);
        auto *layout = new QVBoxLayout(host);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *table = new QTableWidget(0, 3, host);
        table->setObjectName(u"environmentTable"_s);
        table->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
        table->setWordWrap(false);
        table->verticalHeader()->hide();
        table->setMinimumHeight(120);
        layout->addWidget(table);
        auto *buttons = new QHBoxLayout;
        auto *add = new QPushButton(tr("Add Variable"), host);
        add->setObjectName(u"addVariable"_s);
        auto *remove = new QPushButton(tr("Remove"), host);
        remove->setObjectName(u"removeVariable"_s);
        // A variable whose name says it is secret is better kept in a secret node.
        auto *move = new QPushButton(tr("Move into a Secret"), host);
        move->setObjectName(u"moveIntoSecret"_s);
        move->setToolTip(tr("Makes a secret node holding the variable's value (kept out of the project), connects "
                            "the function to it (reads) and removes the variable, as one undo step"));
        move->setEnabled(false);
        buttons->addWidget(add);
        buttons->addWidget(remove);
        connect(table, &QTableWidget::currentCellChanged, move, [table, move](int row) {
            const QTableWidgetItem *name = row >= 0 ? table->item(row, 0) : nullptr;
            move->setEnabled(
                name
                && (FunctionSpec::isSecretName(name->text()) || name->text().contains("KEY"_L1, Qt::CaseInsensitive)));
        });
        connect(move, &QPushButton::clicked, this, [this, table] {
            if (const Result<NodeId> moved = moveIntoSecret(table->currentRow()); !moved)
                table->setToolTip(moved.errorMessage());
        });
        buttons->addStretch();
        layout->addLayout(buttons);
        // On a row of its own: beside Add and Remove it would squeeze them in a narrow dock.
        auto *moveRow = new QHBoxLayout;
        moveRow->addWidget(move);
        moveRow->addStretch();
        layout->addLayout(moveRow);
        connect(table, &QTableWidget::itemChanged, this, [this, table, id] {
            if (!mUpdating)
                commit(id, environmentOf(table));
        });
        connect(add, &QPushButton::clicked, this, [this, table, id] {
            QJsonArray vars = environmentOf(table);
            QString name = u"NAME"_s;
            for (int i = 2;
                 std::any_of(vars.cbegin(), vars.cend(), [&](const QJsonValue &v) { return v["name"_L1] == name; });
                 ++i)
                name = u"NAME_%1"_s.arg(i);
            vars.append(QJsonObject{{u"name"_s, name}, {u"value"_s, QString()}, {u"secret"_s, false}});
            commit(id, vars);
            table->setCurrentCell(table->rowCount() - 1, 0);
            table->editItem(table->item(table->rowCount() - 1, 0));
        });
        connect(remove, &QPushButton::clicked, this, [this, table, id] {
            const int row = table->currentRow();
            if (row < 0)
                return;
            QJsonArray vars = environmentOf(table);
            vars.removeAt(row);
            commit(id, vars);
        });
        return host;
    }
    }
    return new QWidget(mFormHost);
}

void InspectorWidget::refreshValues()
{
    const Node *node = project() ? project()->architecture().node(mNode) : nullptr;
    const NodeKind *kind = node ? project()->catalog().kind(node->kind) : nullptr;
    if (!node || !mName)
        return;
    mUpdating = true;
    if (mName->text() != node->name)
        mName->setText(node->name);
    mName->setStyleSheet(QString());
    mName->setToolTip(QString());
    if (kind) {
        const QJsonObject defaults = kind->defaultProperties(node->name);
        for (const PropertySpec &spec : kind->properties) {
            const QJsonValue value = node->properties.contains(spec.id) ? node->properties.value(spec.id)
                                                                        : defaults.value(spec.id);
            QWidget *editor = mEditors.value(spec.id);
            setValue(editor, spec, value);
            markValidity(editor, spec, value);
            if (const auto row = mConditionalRows.constFind(spec.id); row != mConditionalRows.cend()) {
                const QString other = node->properties.contains(spec.onlyWhenProperty)
                                          ? node->properties.value(spec.onlyWhenProperty).toVariant().toString()
                                          : defaults.value(spec.onlyWhenProperty).toVariant().toString();
                mForm->setRowVisible(*row, spec.onlyWhenValues.contains(other));
            }
        }
        if (mRuleTester)
            mRuleTester->setPattern(
                node->properties.value("pattern"_L1).toString(defaults.value("pattern"_L1).toString()));
    }
    mUpdating = false;
}

void InspectorWidget::setValue(QWidget *editor, const PropertySpec &spec, const QJsonValue &value)
{
    const QSignalBlocker block(editor);
    switch (spec.type) {
    case PropertyType::Integer: {
        auto *box = static_cast<QSpinBox *>(editor);
        box->setValue(value.isNull() ? box->minimum() : int(value.toDouble()));
        break;
    }
    case PropertyType::Number: static_cast<QDoubleSpinBox *>(editor)->setValue(value.toDouble()); break;
    case PropertyType::Boolean: static_cast<QCheckBox *>(editor)->setChecked(value.toBool()); break;
    case PropertyType::Enum: {
        auto *combo = static_cast<QComboBox *>(editor);
        const QString text = value.toVariant().toString();
        // A value from elsewhere that the catalog does not list is shown, not replaced.
        if (combo->findText(text) < 0)
            combo->addItem(text);
        combo->setCurrentText(text);
        break;
    }
    case PropertyType::String:
    case PropertyType::Schedule: {
        auto *line = static_cast<QLineEdit *>(editor);
        if (line->text() != value.toString())
            line->setText(value.toString());
        break;
    }
    case PropertyType::Environment: {
        auto *table = editor->findChild<QTableWidget *>();
        const QSignalBlocker blockTable(table);
        const QJsonArray vars = value.toArray();
        table->setRowCount(int(vars.size()));
        for (int row = 0; row < vars.size(); ++row) {
            const QJsonObject var = vars.at(row).toObject();
            table->setItem(row, 0, new QTableWidgetItem(var.value("name"_L1).toString()));
            const bool secret = var.value("secret"_L1).toBool();
            table->setItem(row, 1, new QTableWidgetItem(var.value("value"_L1).toString()));
            auto *secretItem = new QTableWidgetItem;
            secretItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            secretItem->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
            table->setItem(row, 2, secretItem);
        }
        break;
    }
    }
}

void InspectorWidget::refreshEdgeValues()
{
    const Edge *edge = project() ? project()->architecture().edge(mEdge) : nullptr;
    if (!edge)
        return;
    const Architecture &a = project()->architecture();
    const Node *from = a.node(edge->from);
    const Node *to = a.node(edge->to);
    const EdgeRule *rule = project()->catalog().rule(from->kind, to->kind, edge->type);
    if (!rule)
        return;
    const QJsonObject values = project()->catalog().edgeProperties(from->kind, to->kind, edge->type, edge->properties);
    mUpdating = true;
    for (const PropertySpec &spec : rule->properties) {
        if (QWidget *editor = mEditors.value(spec.id)) {
            setValue(editor, spec, values.value(spec.id));
            // A value from a file may be wrong: marked as a node's is.
            markValidity(editor, spec, values.value(spec.id));
            if (const Result<void> checked = Validator::checkValue(spec, values.value(spec.id), values); !checked)
                editor->setToolTip(tr("%1\n\nInvalid: %2").arg(Catalog::text(spec.help), checked.errorMessage()));
        }
    }
    mUpdating = false;
}

void InspectorWidget::commit(const QString &property, const QJsonValue &value)
{
    if (mUpdating || !project())
        return;
    if (mEdge != kInvalidEdgeId) {
        // A value the connection does not take is refused and explained at its field; the
        // connection keeps its value (a field of text keeps what was typed, to be fixed).
        const Result<void> set = project()->setEdgeProperty(mEdge, property, value);
        QWidget *editor = mEditors.value(property);
        if (!mEdgeRows.problem || !editor)
            return;
        if (set) {
            mForm->setRowVisible(mEdgeRows.problem, false);
            mEdgeRows.problem->clear();
            return;
        }
        if (!qobject_cast<QLineEdit *>(editor))
            refreshEdgeValues();
        mEdgeRows.problem->setText(tr("Not changed: %1").arg(set.errorMessage()));
        mForm->setRowVisible(mEdgeRows.problem, true);
        editor->setProperty("invalid", true);
        editor->setStyleSheet(u"QLineEdit, QComboBox { border: 2px solid #d32f2f; }"_s);
        editor->setToolTip(mEdgeRows.problem->text());
        return;
    }
    // A refused value cannot happen here (the form only offers the kind's properties).
    (void)project()->setNodeProperty(mNode, property, value);
}

void InspectorWidget::markValidity(QWidget *editor, const PropertySpec &spec, const QJsonValue &value)
{
    const Result<void> checked = Validator::checkValue(spec, value);
    const bool valid = checked.hasValue();
    const QString &why = checked.errorMessage();
    editor->setProperty("invalid", !valid);
    editor->setStyleSheet(valid ? QString()
                                : QStringLiteral("QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox, QTableWidget "
                                                 "{ border: 2px solid #d32f2f; }"));
    editor->setToolTip(valid ? Catalog::text(spec.help) : tr("%1\n\nInvalid: %2").arg(Catalog::text(spec.help), why));
}

} // namespace Nimbus
