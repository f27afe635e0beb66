// YAML import: the loader with its limits, then what an importer does with a template
// (a SAM-like Resources mapping: names, types, properties, DependsOn) through the
// ImportBuilder, which lays the design out.
//
// With NIMBUS_FUZZ_STRICT set, what loads must also dump to YAML that loads again and
// reads the same. Off by default while two findings in the emitter are open (see
// tests/fuzz/crashes/README.md): a key longer than YAML's 1024 characters once escaped
// dumps to YAML that does not load, and a tag with a second '!' loses its value.

#include "export/importbuilder.h"
#include "export/yaml.h"
#include "fuzzcommon.h"
#include "model/catalog.h"

#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace Nimbus;

namespace {

QString kindOf(const QString &type)
{
    static const QHash<QString, QString> kinds{
        {QStringLiteral("AWS::Serverless::Function"), QStringLiteral("function")},
        {QStringLiteral("AWS::SQS::Queue"), QStringLiteral("queue")},
        {QStringLiteral("AWS::SNS::Topic"), QStringLiteral("topic")},
        {QStringLiteral("AWS::S3::Bucket"), QStringLiteral("bucket")},
        {QStringLiteral("AWS::DynamoDB::Table"), QStringLiteral("table")},
        {QStringLiteral("AWS::Serverless::Api"), QStringLiteral("http-route")}};
    return kinds.value(type);
}

void importResources(const YAML::Node &root)
{
    const YAML::Node resources = Yaml::child(root, "Resources");
    if (!resources.IsMap())
        return;
    ImportBuilder builder(Catalog::builtin());
    QHash<QString, QString> names; // template name -> node name
    for (const auto &entry : resources) {
        if (!entry.first.IsScalar() || !entry.second.IsMap())
            continue;
        const QString kind = kindOf(Yaml::text(Yaml::child(entry.second, "Type")));
        if (kind.isEmpty())
            continue;
        const QString wanted = Yaml::text(entry.first);
        const QString name = builder.addNode(kind, wanted, {});
        names.insert(wanted, name);
        const YAML::Node properties = Yaml::child(entry.second, "Properties");
        if (!properties.IsMap())
            continue;
        for (const auto &property : properties) {
            if (property.first.IsScalar() && property.second.IsScalar())
                builder.setProperty(name, Yaml::text(property.first), Yaml::text(property.second));
        }
    }
    for (const auto &entry : resources) {
        if (!entry.first.IsScalar() || !entry.second.IsMap())
            continue;
        const QString from = names.value(Yaml::text(entry.first));
        const YAML::Node dependsOn = Yaml::child(entry.second, "DependsOn");
        if (from.isEmpty() || !dependsOn.IsSequence())
            continue;
        for (const auto &target : dependsOn) {
            if (target.IsScalar() && names.contains(Yaml::text(target)))
                builder.connect(from, names.value(Yaml::text(target)), QStringLiteral("writes"));
        }
    }
    ImportResult result;
    builder.finish(&result);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    Catalog::builtin();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Yaml::Limits limits;
    limits.maxBytes = 256 * 1024;
    const Result<YAML::Node> loaded = Yaml::load(NimbusFuzz::bytes(data, size), QStringLiteral("template.yaml"),
                                                 limits);
    if (!loaded)
        return 0;
    const YAML::Node &root = *loaded;
    importResources(root);

    static const bool strict = qEnvironmentVariableIsSet("NIMBUS_FUZZ_STRICT");
    const QByteArray dumped = Yaml::dump(root);
    const Result<YAML::Node> again = Yaml::load(dumped, QStringLiteral("dumped.yaml"));
    if (!again && strict) {
        fprintf(stderr, "YAML that loaded does not load after dumping: %s\n", qPrintable(again.errorMessage()));
        abort();
    }
    if (strict && !Yaml::equal(root, again.valueOr(YAML::Node()))) {
        fprintf(stderr, "YAML reads differently after dumping:\n%s\n", dumped.constData());
        abort();
    }
    return 0;
}
