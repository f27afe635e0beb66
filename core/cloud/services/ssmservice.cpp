#include "services.h"

#include "awsservice.h"
#include "model/effectivepolicy.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "cloud/secretstore.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QByteArray kContentType = "application/x-amz-json-1.1";

struct SsmError
{
    QString code;
    QString message;
};

using Answer = std::function<void(const QJsonObject &result, const SsmError &error)>;

QString parameterNameOf(const Node &node)
{
    return node.properties.value("parameterName"_L1).toString(u'/' + node.name);
}

QString parameterTypeOf(const Node &node)
{
    return node.properties.value("type"_L1).toString(u"String"_s);
}

// What a SecureString answers without WithDecryption. Parameter Store answers the KMS
// ciphertext, base64; the local cloud has no KMS key, so it answers a base64 text of the
// same look made from a hash of the value and its version: it reveals nothing of the value,
// changes with each version, and cannot be decrypted (nothing locally needs to).
QString encryptedLooking(const QString &value, int version)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray::number(version) + '\0' + value.toUtf8(),
                                                       QCryptographicHash::Sha512);
    return QString::fromLatin1((QByteArray::fromHex("0102020078") + digest + digest.left(27)).toBase64());
}

// A name with a version selector (/app/url:3): the name and the version (0: the latest).
QPair<QString, int> selector(const QString &name)
{
    const qsizetype colon = name.lastIndexOf(u':');
    if (colon > 0 && !name.startsWith("arn:"_L1)) {
        bool ok = false;
        const int version = name.mid(colon + 1).toInt(&ok);
        if (ok && version > 0)
            return {name.left(colon), version};
    }
    return {name, 0};
}

// Systems Manager Parameter Store (JSON 1.1, X-Amz-Target AmazonSSM.*) on the design's
// parameter nodes: GetParameter, GetParameters, GetParametersByPath and PutParameter.
// Values come from the project's SecretStore, never from the project. Parameters are made
// on the canvas: PutParameter of a name the design lacks, DeleteParameter and every other
// operation of the service are refused.
class SsmService final : public AwsService
{
public:
    explicit SsmService(AwsEndpoint &endpoint) : AwsService(Recognition(u"ssm"_s).byTarget(u"AmazonSSM."_s), endpoint)
    {
        mOperations = {
            {u"GetParameter"_s, &SsmService::getParameter},
            {u"GetParameters"_s, &SsmService::getParameters},
            {u"GetParametersByPath"_s, &SsmService::getParametersByPath},
            {u"PutParameter"_s, &SsmService::putParameter},
        };
        servePartly(u"PutParameter"_s, u"the design's parameters; a name the design lacks is refused"_s);
        const QString design = u"make parameters on the canvas"_s;
        for (const char *operation : {"DeleteParameter", "DeleteParameters", "DescribeParameters",
                                      "GetParameterHistory", "LabelParameterVersion", "UnlabelParameterVersion",
                                      "AddTagsToResource", "RemoveTagsFromResource", "ListTagsForResource"})
            refuse(QLatin1String(operation), design);
    }

    void handle(const AwsRequest &request, const AwsReply &done) override
    {
        if (const std::optional<QString> note = refusal(request.operation)) {
            done(refusedOperation(request, *note));
            return;
        }
        const Function function = mOperations.value(request.operation);
        if (!function) {
            done(AwsWire::jsonError(501, QString(), u"NotImplemented"_s,
                                    u"AmazonSSM.%1 is not served by the local cloud: the local cloud serves the "
                                    "design's parameters (GetParameter, GetParameters, GetParametersByPath, "
                                    "PutParameter)"_s.arg(request.operation)));
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject()) {
            done(AwsWire::jsonError(400, QString(), u"SerializationException"_s,
                                    u"the request body is not a JSON object"_s));
            return;
        }
        (this->*function)(document.object(), [done](const QJsonObject &result, const SsmError &error) {
            if (!error.code.isEmpty())
                done(AwsWire::jsonError(400, QString(), error.code, error.message));
            else
                done(AwsWire::jsonAnswer(result, kContentType));
        });
    }

private:
    using Function = void (SsmService::*)(const QJsonObject &input, const Answer &answer);

    // The answer's Parameter of node at a version (0: its latest), or empty when it has no value.
    QJsonObject described(const Node &node, const QJsonObject &record, int version, bool decrypt,
                          const QString &asked) const
    {
        const QJsonObject stored = SecretRecord::parameterVersion(record, version);
        if (stored.isEmpty())
            return {};
        const QString type = stored.value("Type"_L1).toString(parameterTypeOf(node));
        const QString value = stored.value("Value"_L1).toString();
        QJsonObject parameter{
            {u"Name"_s, parameterNameOf(node)},
            {u"Type"_s, type},
            {u"Value"_s, type == "SecureString"_L1 && !decrypt
                             ? encryptedLooking(value, stored.value("Version"_L1).toInt())
                             : value},
            {u"Version"_s, stored.value("Version"_L1)},
            {u"LastModifiedDate"_s, stored.value("LastModifiedDate"_L1)},
            {u"ARN"_s, EffectivePolicy::parameterArn(parameterNameOf(node), cloud().region())},
            {u"DataType"_s, u"text"_s},
        };
        if (version > 0)
            parameter.insert("Selector"_L1, asked.mid(asked.lastIndexOf(u':')));
        return parameter;
    }

    // The records of nodes, read one after another, then handed to then.
    void readAll(const QList<const Node *> &nodes, std::function<void(const QList<QJsonObject> &, QString)> then)
    {
        auto records = std::make_shared<QList<QJsonObject>>();
        auto names = std::make_shared<QStringList>();
        for (const Node *node : nodes)
            names->append(node->name);
        auto step = std::make_shared<std::function<void()>>();
        QPointer<SsmService> self(this);
        *step = [self, records, names, step, then] {
            if (!self)
                return;
            if (records->size() == names->size()) {
                then(*records, QString());
                *step = nullptr; // breaks the cycle
                return;
            }
            self->cloud().secretStore().read(names->at(records->size()),
                                             [self, records, step, then](const Result<QJsonObject> &record) {
                if (!self || !*step)
                    return;
                if (!record) {
                    then({}, record.errorMessage());
                    *step = nullptr;
                    return;
                }
                records->append(*record);
                (*step)();
            });
        };
        (*step)();
    }

    void getParameter(const QJsonObject &input, const Answer &answer)
    {
        const QString asked = input.value("Name"_L1).toString();
        // Not a structured binding: C++17 lambdas cannot capture one (clang refuses).
        const QPair<QString, int> selected = selector(asked);
        const QString name = selected.first;
        const int version = selected.second;
        const Node *node = parameterNode(cloud(), name);
        if (!node)
            return answer({}, {u"ParameterNotFound"_s, u"Parameter %1 not found."_s.arg(name)});
        const bool decrypt = input.value("WithDecryption"_L1).toBool();
        readAll({node},
                [this, node, version, decrypt, asked, answer](const QList<QJsonObject> &records, const QString &error) {
            if (!error.isEmpty())
                return answer({}, {u"InternalServerError"_s, error});
            const QJsonObject parameter = described(*node, records.first(), version, decrypt, asked);
            if (parameter.isEmpty())
                return answer({}, version > 0 ? SsmError{u"ParameterVersionNotFound"_s,
                                                         u"Systems Manager could not find version %1 of %2."_s.arg(
                                                             QString::number(version), parameterNameOf(*node))}
                                              : SsmError{u"ParameterNotFound"_s,
                                                         u"Parameter %1 has no value."_s.arg(parameterNameOf(*node))});
            answer({{u"Parameter"_s, parameter}}, {});
        });
    }

    void getParameters(const QJsonObject &input, const Answer &answer)
    {
        const QJsonArray asked = input.value("Names"_L1).toArray();
        if (asked.isEmpty() || asked.size() > 10)
            return answer({}, {u"ValidationException"_s,
                               u"1 validation error detected: Value at 'names' failed to satisfy constraint: Member "
                               "must have length less than or equal to 10 and greater than or equal to 1"_s});
        QList<const Node *> nodes;
        QStringList names;
        QJsonArray invalid;
        for (const QJsonValue &value : asked) {
            const Node *node = parameterNode(cloud(), selector(value.toString()).first);
            if (node) {
                nodes.append(node);
                names.append(value.toString());
            } else {
                invalid.append(value);
            }
        }
        const bool decrypt = input.value("WithDecryption"_L1).toBool();
        readAll(nodes, [this, nodes, names, invalid, decrypt, answer](const QList<QJsonObject> &records,
                                                                      const QString &error) mutable {
            if (!error.isEmpty())
                return answer({}, {u"InternalServerError"_s, error});
            QJsonArray parameters;
            for (qsizetype i = 0; i < nodes.size(); ++i) {
                const QJsonObject parameter = described(*nodes.at(i), records.at(i), selector(names.at(i)).second,
                                                        decrypt, names.at(i));
                if (parameter.isEmpty())
                    invalid.append(names.at(i));
                else
                    parameters.append(parameter);
            }
            answer({{u"Parameters"_s, parameters}, {u"InvalidParameters"_s, invalid}}, {});
        });
    }

    void getParametersByPath(const QJsonObject &input, const Answer &answer)
    {
        QString path = input.value("Path"_L1).toString();
        if (!path.startsWith(u'/'))
            return answer({}, {u"ValidationException"_s,
                               u"The parameter doesn't meet the parameter name requirements. The parameter name must "
                               "begin with a forward slash \"/\"."_s});
        const int limit = input.contains("MaxResults"_L1) ? input.value("MaxResults"_L1).toInt() : 10;
        if (limit < 1 || limit > 10)
            return answer({}, {u"ValidationException"_s,
                               u"1 validation error detected: Value at 'maxResults' failed to satisfy constraint: "
                               "Member must have value less than or equal to 10"_s});
        if (!path.endsWith(u'/'))
            path += u'/';
        const bool recursive = input.value("Recursive"_L1).toBool();
        QList<const Node *> nodes;
        for (const Node *node : parameterNodes(cloud())) {
            const QString name = parameterNameOf(*node);
            if (name.startsWith(path) && (recursive || !name.mid(path.size()).contains(u'/')))
                nodes.append(node);
        }
        bool ok = true;
        const int from = input.contains("NextToken"_L1) ? input.value("NextToken"_L1).toString().toInt(&ok) : 0;
        if (!ok || from < 0 || from > nodes.size())
            return answer({}, {u"InvalidNextToken"_s, u"The specified token isn't valid."_s});
        const bool decrypt = input.value("WithDecryption"_L1).toBool();
        readAll(nodes,
                [this, nodes, from, limit, decrypt, answer](const QList<QJsonObject> &records, const QString &error) {
            if (!error.isEmpty())
                return answer({}, {u"InternalServerError"_s, error});
            // Parameters without a value are not there for the service.
            QJsonArray all;
            for (qsizetype i = 0; i < nodes.size(); ++i)
                if (const QJsonObject p = described(*nodes.at(i), records.at(i), 0, decrypt, {}); !p.isEmpty())
                    all.append(p);
            QJsonArray page;
            for (qsizetype i = from; i < all.size() && page.size() < limit; ++i)
                page.append(all.at(i));
            QJsonObject result{{u"Parameters"_s, page}};
            if (from + page.size() < all.size())
                result.insert("NextToken"_L1, QString::number(from + page.size()));
            answer(result, {});
        });
    }

    void putParameter(const QJsonObject &input, const Answer &answer)
    {
        const QString name = input.value("Name"_L1).toString();
        const Node *node = parameterNode(cloud(), name);
        if (!node)
            return answer({}, {u"ValidationException"_s,
                               u"the local cloud keeps the design's parameters only: add a parameter named %1 on the "
                               "canvas"_s.arg(name)});
        if (!input.value("Value"_L1).isString())
            return answer({}, {u"ValidationException"_s,
                               u"1 validation error detected: Value null at 'value' failed to satisfy constraint: "
                               "Member must not be null"_s});
        const QString value = input.value("Value"_L1).toString();
        const QString type = input.value("Type"_L1).toString(parameterTypeOf(*node));
        if (!QStringList{u"String"_s, u"StringList"_s, u"SecureString"_s}.contains(type))
            return answer({}, {u"ValidationException"_s,
                               u"1 validation error detected: Value '%1' at 'type' failed to satisfy constraint: "
                               "Member must satisfy enum value set: [SecureString, StringList, String]"_s.arg(type)});
        const QString tier = input.value("Tier"_L1).toString(node->properties.value("tier"_L1).toString(u"Standard"_s));
        const int maxLength = tier == "Standard"_L1 ? 4096 : 8192;
        if (value.size() > maxLength)
            return answer({}, {u"ValidationException"_s,
                               u"%1 tier parameters support a maximum parameter value of %2 characters."_s.arg(
                                   tier, QString::number(maxLength))});
        const bool overwrite = input.value("Overwrite"_L1).toBool();
        const QString nodeName = node->name;
        QPointer<SsmService> self(this);
        readAll({node}, [self, nodeName, value, type, tier, overwrite, answer](const QList<QJsonObject> &records,
                                                                               const QString &error) {
            if (!self)
                return;
            if (!error.isEmpty())
                return answer({}, {u"InternalServerError"_s, error});
            if (!overwrite && !SecretRecord::parameterVersion(records.first()).isEmpty())
                return answer({}, {u"ParameterAlreadyExists"_s,
                                   u"The parameter already exists. To overwrite this value, set the overwrite option "
                                   "in the request to true."_s});
            const QJsonObject changed = SecretRecord::withParameterVersion(records.first(), value, type);
            self->cloud().secretStore().write(nodeName, changed);
            answer({{u"Version"_s, SecretRecord::parameterVersion(changed).value("Version"_L1)}, {u"Tier"_s, tier}},
                   {});
        });
    }

    QStringList servedOperations() const override { return mOperations.keys(); }

    QHash<QString, Function> mOperations;
};

} // namespace

QList<const Node *> parameterNodes(const LocalCloud &cloud)
{
    QList<const Node *> nodes;
    for (const auto &[id, node] : cloud.project().architecture().nodes())
        if (node.kind == Kinds::Parameter)
            nodes.append(&node);
    std::sort(nodes.begin(), nodes.end(),
              [](const Node *a, const Node *b) { return parameterNameOf(*a) < parameterNameOf(*b); });
    return nodes;
}

const Node *parameterNode(const LocalCloud &cloud, const QString &nameOrArn)
{
    for (const Node *node : parameterNodes(cloud)) {
        const QString name = parameterNameOf(*node);
        if (nameOrArn == name || nameOrArn == EffectivePolicy::parameterArn(name, cloud.region()))
            return node;
    }
    return nullptr;
}

AwsService *createSsmService(AwsEndpoint &endpoint)
{
    return new SsmService(endpoint);
}

} // namespace Nimbus
