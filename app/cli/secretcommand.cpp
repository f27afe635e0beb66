#include "commandline.h"

#include "cloud/secretstore.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"

#include <QCommandLineParser>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Nimbus {

int CommandLine::secret(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("The project (.nimbus or .json)."));
    parser.addPositionalArgument(u"NODE"_s, tr("The secret or parameter node."));
    const QCommandLineOption set(u"set"_s, tr("Sets the value (a new version)."), u"VALUE"_s);
    const QCommandLineOption fromFile(u"from-file"_s, tr("Sets the value to the content of the file."), u"FILE"_s);
    const QCommandLineOption get(u"get"_s, tr("Prints the current value."));
    parser.addOptions({set, fromFile, get});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Sets or prints the value of a secret or parameter of the design. Values are kept in your desktop's "
               "keychain, or when none answers in a file of your data folder only you may read, never in the "
               "project. Exits with 1 when the node has no value, 3 when the project, the node or the file cannot "
               "be read, 4 when the value cannot be kept."),
            kAnyArguments))
        return *stop;
    const QStringList args = parser.positionalArguments();
    const int actions = int(parser.isSet(set)) + int(parser.isSet(fromFile)) + int(parser.isSet(get));
    if (args.size() != 2 || actions != 1) {
        mErr << "nimbus secret: " << tr("give the project, the node and one of --set, --from-file or --get") << '\n';
        return UsageError;
    }
    Project project(Catalog::builtin());
    if (!open(args.at(0), project))
        return InputError;
    const Node *node = project.architecture().nodeByName(args.at(1));
    if (!node || (node->kind != Kinds::Secret && node->kind != Kinds::Parameter)) {
        mErr << "nimbus secret: " << tr("the design has no secret or parameter named %1").arg(args.at(1)) << '\n';
        return InputError;
    }
    SecretStore store;
    QObject::connect(&store, &SecretStore::warning, [this](const QString &message) {
        mErr << "nimbus secret: " << message << '\n';
        mErr.flush();
    });
    store.setProjectFile(project.filePath());
    const Result<QJsonObject> record = store.readNow(node->name);
    if (!record) {
        mErr << "nimbus secret: " << record.errorMessage() << '\n';
        return InputError;
    }
    if (parser.isSet(get)) {
        const std::optional<QString> value = SecretRecord::currentValue(*record);
        if (!value) {
            mErr << "nimbus secret: " << tr("%1 has no value").arg(node->name) << '\n';
            return ValidationErrors;
        }
        mOut << *value << '\n';
        return Success;
    }
    QString value = parser.value(set);
    if (parser.isSet(fromFile)) {
        QFile file(parser.value(fromFile));
        if (!file.open(QIODevice::ReadOnly)) {
            mErr << "nimbus secret: " << tr("cannot read %1: %2").arg(file.fileName(), file.errorString()) << '\n';
            return InputError;
        }
        value = QString::fromUtf8(file.readAll());
    }
    const QString type = node->properties.value("type"_L1).toString(u"String"_s);
    if (const Result<void> written = store.writeNow(node->name,
                                                    SecretRecord::withValue(*record, node->kind, value, type));
        !written) {
        mErr << "nimbus secret: " << written.errorMessage() << '\n';
        return OutputError;
    }
    return Success;
}

} // namespace Nimbus
