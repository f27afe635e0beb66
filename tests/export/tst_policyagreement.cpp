// One policy, used twice (issue 21, item 1): for every rule of the permissions catalog
// (resources/catalog/permissions.json), a connection of that type to a node of that kind
// makes the SAM export write exactly the actions the local cloud's enforcement allows on
// the node (EffectivePolicy), and no other action of the catalog on that kind; the
// Inspector's JSON of the policy names the same.

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "model/effectivepolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <memory>

#include <yaml-cpp/yaml.h>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
const QString kPlugins = QStringLiteral(NIMBUS_BINARY_DIR "/lib/nimbus-studio/plugins");

QJsonObject permissionsCatalog()
{
    QFile file(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/catalog/permissions.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Every action the catalog names for a kind, on any connection or trigger.
QSet<QString> actionsOfKind(const QJsonObject &catalog, const QString &kind)
{
    QSet<QString> actions;
    for (const char *list : {"accesses", "triggers"})
        for (const QJsonValue &entry : catalog.value(QLatin1String(list)).toArray()) {
            const QJsonObject e = entry.toObject();
            if (e.value("service"_L1).toString(e.value("source"_L1).toString()) != kind)
                continue;
            for (const QJsonValue &statement : e.value("statements"_L1).toArray())
                for (const QJsonValue &action : statement.toObject().value("actions"_L1).toArray())
                    actions.insert(action.toString());
        }
    return actions;
}
} // namespace

class TestPolicyAgreement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportAndEnforcementAgree_data();
    void exportAndEnforcementAgree();

private:
    std::unique_ptr<PluginRegistry> mRegistry;
};

void TestPolicyAgreement::initTestCase()
{
    mRegistry = std::make_unique<PluginRegistry>(kPlugins);
    QVERIFY(mRegistry->exporter(u"sam"_s));
}

void TestPolicyAgreement::exportAndEnforcementAgree_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("type"); // "invokes" for a trigger's entry
    const QJsonObject catalog = permissionsCatalog();
    QVERIFY(!catalog.isEmpty());
    for (const QJsonValue &entry : catalog.value("accesses"_L1).toArray()) {
        const QString kind = entry.toObject().value("service"_L1).toString();
        const QString type = entry.toObject().value("type"_L1).toString();
        // A state machine's grant on the functions its Tasks invoke: no function's own.
        if (kind == "function"_L1 && type == "invokes"_L1)
            continue;
        QTest::addRow("%s %s", qPrintable(type), qPrintable(kind)) << kind << type;
    }
    for (const QJsonValue &entry : catalog.value("triggers"_L1).toArray()) {
        const QString kind = entry.toObject().value("source"_L1).toString();
        QTest::addRow("%s invokes", qPrintable(kind)) << kind << u"invokes"_s;
    }
}

void TestPolicyAgreement::exportAndEnforcementAgree()
{
    QFETCH(QString, kind);
    QFETCH(QString, type);
    Project project(Catalog::builtin());
    const NodeId function = project.addNode(u"function"_s, {}, u"worker"_s).valueOr(kInvalidNodeId);
    const NodeId resource = project.addNode(kind, {}, u"target"_s).valueOr(kInvalidNodeId);
    QVERIFY(function != kInvalidNodeId && resource != kInvalidNodeId);
    const Result<EdgeId> edge = type == "invokes"_L1 ? project.connectNodes(resource, function, type)
                                                     : project.connectNodes(function, resource, type);
    QVERIFY2(edge, qPrintable(edge.errorMessage()));

    const ExporterInterface *exporter = mRegistry->exporter(u"sam"_s);
    QMap<QString, QString> options;
    for (const ExportOption &o : exporter->exportOptions())
        options.insert(o.id, o.defaultValue);
    const ExportOutput output = ExportJob::prepare(*exporter, mRegistry->provider(u"sam"_s),
                                                   ExportJob::input(project, u"sam"_s, options));
    const ExportFile *file = output.file(u"template.yaml"_s);
    QVERIFY(file);

    // The actions of the function's policies, as the export writes them (SAM: the
    // function's Policies, each a policy document).
    QSet<QString> exported;
    const YAML::Node resources = YAML::Load(file->content.toStdString())["Resources"];
    const YAML::Node worker = resources["Worker"];
    QVERIFY(worker && worker["Type"].as<std::string>() == "AWS::Serverless::Function");
    for (const YAML::Node &policy : worker["Properties"]["Policies"])
        for (const YAML::Node &statement : policy["Statement"])
            for (const YAML::Node &action : statement["Action"])
                exported.insert(QString::fromStdString(action.as<std::string>()));
    QVERIFY(!exported.isEmpty());

    // What the local cloud allows the function on the node, on it and on its objects.
    const EffectivePolicy policy = EffectivePolicy::of(project.architecture(), *project.architecture().node(function));
    QSet<QString> allowed;
    for (const QString &action : actionsOfKind(permissionsCatalog(), kind))
        if (policy.allows(action, u"target"_s, false) || policy.allows(action, u"target"_s, true))
            allowed.insert(action);
    QCOMPARE(exported, allowed);
    // What another connection type grants and this one does not is refused.
    for (const QString &action : actionsOfKind(permissionsCatalog(), kind) - allowed)
        QVERIFY(!policy.allows(action, u"target"_s, false) && !policy.allows(action, u"target"_s, true));
    // The Inspector's JSON of the policy names the same actions.
    QSet<QString> documented;
    for (const QJsonValue &statement : policy.document(u"us-east-1"_s).value("Statement"_L1).toArray())
        for (const QJsonValue &action : statement.toObject().value("Action"_L1).toArray())
            documented.insert(action.toString());
    QCOMPARE(documented, exported);
}

QTEST_GUILESS_MAIN(TestPolicyAgreement)
#include "tst_policyagreement.moc"
