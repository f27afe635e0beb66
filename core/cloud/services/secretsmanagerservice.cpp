#include "services.h"

#include "awsservice.h"
#include "model/effectivepolicy.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "cloud/secretstore.h"
#include "document/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QByteArray kContentType = "application/x-amz-json-1.1";
// SecretString and SecretBinary hold at most 65536 bytes.
constexpr qsizetype kValueLimit = 65536;

struct SecretsError
{
    QString code;
    QString message;
};

using Answer = std::function<void(const QJsonObject &result, const SecretsError &error)>;

QString secretNameOf(const Node &node)
{
    return node.properties.value("secretName"_L1).toString(node.name);
}

// A password as GetRandomPassword makes one by default: 32 letters, digits and punctuation.
QString generatedPassword()
{
    static const QString alphabet =
        u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.:;<=>?@[]^_{|}~"_s;
    QString out;
    for (int i = 0; i < 32; ++i)
        out.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return out;
}

// Secrets Manager (JSON 1.1, X-Amz-Target secretsmanager.*) on the design's secret nodes:
// GetSecretValue, DescribeSecret, PutSecretValue and ListSecrets. Values come from the
// project's SecretStore (the keychain or the user's data folder), never from the project.
// Secrets are made on the canvas: CreateSecret, DeleteSecret and every other operation are
// refused by name.
class SecretsManagerService final : public AwsService
{
public:
    explicit SecretsManagerService(AwsEndpoint &endpoint)
        : AwsService(Recognition(u"secretsmanager"_s).byTarget(u"secretsmanager."_s), endpoint)
    {
        mOperations = {
            {u"GetSecretValue"_s, &SecretsManagerService::getSecretValue},
            {u"DescribeSecret"_s, &SecretsManagerService::describeSecret},
            {u"PutSecretValue"_s, &SecretsManagerService::putSecretValue},
            {u"ListSecrets"_s, &SecretsManagerService::listSecrets},
        };
        servePartly(u"PutSecretValue"_s, u"the design's secrets; the value is kept in the keychain"_s);
        const QString design = u"make secrets on the canvas and set their values in the Inspector or with nimbus "
                               "secret"_s;
        for (const char *operation :
             {"CreateSecret", "DeleteSecret", "UpdateSecret", "RestoreSecret", "RotateSecret", "CancelRotateSecret",
              "UpdateSecretVersionStage", "ListSecretVersionIds", "BatchGetSecretValue", "GetRandomPassword",
              "TagResource", "UntagResource", "GetResourcePolicy", "PutResourcePolicy", "DeleteResourcePolicy",
              "ValidateResourcePolicy", "ReplicateSecretToRegions", "RemoveRegionsFromReplication",
              "StopReplicationToReplica"})
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
            done(AwsWire::jsonError(
                501, QString(), u"NotImplemented"_s,
                u"secretsmanager.%1 is not served by the local cloud: make secrets on the canvas "
                "and set their values in the Inspector or with nimbus secret"_s.arg(request.operation)));
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject()) {
            done(AwsWire::jsonError(400, QString(), u"SerializationException"_s,
                                    u"the request body is not a JSON object"_s));
            return;
        }
        (this->*function)(document.object(), [done](const QJsonObject &result, const SecretsError &error) {
            if (!error.code.isEmpty())
                done(AwsWire::jsonError(400, QString(), error.code, error.message));
            else
                done(AwsWire::jsonAnswer(result, kContentType));
        });
    }

private:
    using Function = void (SecretsManagerService::*)(const QJsonObject &input, const Answer &answer);

    const Node *secret(const QJsonObject &input, SecretsError *error) const
    {
        const QString id = input.value("SecretId"_L1).toString();
        if (id.isEmpty()) {
            *error = {u"InvalidParameterException"_s, u"You must provide a value for the SecretId parameter."_s};
            return nullptr;
        }
        const Node *node = secretNode(cloud(), id);
        if (!node)
            *error = {u"ResourceNotFoundException"_s, u"Secrets Manager can't find the specified secret."_s};
        return node;
    }

    QString arnOf(const Node &node) const { return EffectivePolicy::secretArn(secretNameOf(node), cloud().region()); }

    // The node's record; a generated secret without a value gets one first.
    void record(const Node &node, std::function<void(const Result<QJsonObject> &)> then)
    {
        QPointer<SecretsManagerService> self(this);
        const QString name = node.name;
        const bool generated = node.properties.value("generated"_L1).toBool();
        cloud().secretStore().read(name, [self, name, generated, then](const Result<QJsonObject> &record) {
            if (!self)
                return;
            if (record && generated && record->value("versions"_L1).toArray().isEmpty()) {
                const QJsonObject made = SecretRecord::withSecretVersion(
                    *record, QUuid::createUuid().toString(QUuid::WithoutBraces), generatedPassword(), QJsonValue());
                self->cloud().secretStore().write(name, made);
                then(made);
                return;
            }
            then(record);
        });
    }

    void getSecretValue(const QJsonObject &input, const Answer &answer)
    {
        SecretsError error;
        const Node *node = secret(input, &error);
        if (!node)
            return answer({}, error);
        const QString versionId = input.value("VersionId"_L1).toString();
        const QString stage = input.value("VersionStage"_L1).toString();
        const QString name = secretNameOf(*node), arn = arnOf(*node);
        record(*node, [answer, versionId, stage, name, arn](const Result<QJsonObject> &record) {
            if (!record)
                return answer({}, {u"InternalServiceError"_s, record.errorMessage()});
            const QJsonObject version = SecretRecord::secretVersion(*record, versionId, stage);
            if (version.isEmpty())
                return answer(
                    {}, {u"ResourceNotFoundException"_s,
                         versionId.isEmpty()
                             ? u"Secrets Manager can't find the specified secret value for staging label: %1"_s.arg(
                                 stage.isEmpty() ? u"AWSCURRENT"_s : stage)
                             : u"Secrets Manager can't find the specified secret value for VersionId: %1"_s.arg(
                                 versionId)});
            QJsonObject result{{u"ARN"_s, arn},
                               {u"Name"_s, name},
                               {u"VersionId"_s, version.value("VersionId"_L1)},
                               {u"VersionStages"_s, version.value("VersionStages"_L1)},
                               {u"CreatedDate"_s, version.value("CreatedDate"_L1)}};
            if (version.contains("SecretString"_L1))
                result.insert("SecretString"_L1, version.value("SecretString"_L1));
            if (version.contains("SecretBinary"_L1))
                result.insert("SecretBinary"_L1, version.value("SecretBinary"_L1));
            answer(result, {});
        });
    }

    void describeSecret(const QJsonObject &input, const Answer &answer)
    {
        SecretsError error;
        const Node *node = secret(input, &error);
        if (!node)
            return answer({}, error);
        QJsonObject result{{u"ARN"_s, arnOf(*node)}, {u"Name"_s, secretNameOf(*node)}, {u"RotationEnabled"_s, false}};
        if (const QString description = node->properties.value("description"_L1).toString(); !description.isEmpty())
            result.insert("Description"_L1, description);
        record(*node, [answer, result](const Result<QJsonObject> &record) mutable {
            if (!record)
                return answer({}, {u"InternalServiceError"_s, record.errorMessage()});
            QJsonObject stages;
            double created = 0, changed = 0;
            for (const QJsonValue &value : record->value("versions"_L1).toArray()) {
                const QJsonObject version = value.toObject();
                stages.insert(version.value("VersionId"_L1).toString(), version.value("VersionStages"_L1));
                const double when = version.value("CreatedDate"_L1).toDouble();
                created = created == 0 ? when : qMin(created, when);
                changed = qMax(changed, when);
            }
            result.insert("VersionIdsToStages"_L1, stages);
            if (changed > 0) {
                result.insert("CreatedDate"_L1, created);
                result.insert("LastChangedDate"_L1, changed);
            }
            answer(result, {});
        });
    }

    void putSecretValue(const QJsonObject &input, const Answer &answer)
    {
        SecretsError error;
        const Node *node = secret(input, &error);
        if (!node)
            return answer({}, error);
        const QJsonValue string = input.value("SecretString"_L1), binary = input.value("SecretBinary"_L1);
        if (string.isString() == binary.isString())
            return answer({}, {u"InvalidParameterException"_s,
                               u"You must provide either SecretString or SecretBinary, but not both."_s});
        if (string.toString().toUtf8().size() > kValueLimit
            || QByteArray::fromBase64(binary.toString().toLatin1()).size() > kValueLimit)
            return answer(
                {}, {u"InvalidParameterException"_s, u"The secret value exceeds the maximum size of 65536 bytes."_s});
        QStringList stages;
        for (const QJsonValue &stage : input.value("VersionStages"_L1).toArray())
            stages.append(stage.toString());
        QString versionId = input.value("ClientRequestToken"_L1).toString();
        if (versionId.isEmpty())
            versionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString name = node->name, secretName = secretNameOf(*node), arn = arnOf(*node);
        QPointer<SecretsManagerService> self(this);
        cloud().secretStore().read(name, [=](const Result<QJsonObject> &record) {
            if (!self)
                return;
            if (!record)
                return answer({}, {u"InternalServiceError"_s, record.errorMessage()});
            // A retried request with the same token is the same version; another value under
            // that token is refused, as Secrets Manager does.
            const QJsonObject existing = SecretRecord::secretVersion(*record, versionId, u""_s);
            if (!existing.isEmpty()) {
                if (existing.value("SecretString"_L1) != string || existing.value("SecretBinary"_L1) != binary)
                    return answer({}, {u"ResourceExistsException"_s,
                                       u"You can't modify an existing version, you can only create a new version."_s});
                return answer({{u"ARN"_s, arn},
                               {u"Name"_s, secretName},
                               {u"VersionId"_s, versionId},
                               {u"VersionStages"_s, existing.value("VersionStages"_L1)}},
                              {});
            }
            const QJsonObject changed = SecretRecord::withSecretVersion(*record, versionId, string, binary, stages);
            self->cloud().secretStore().write(name, changed);
            answer({{u"ARN"_s, arn},
                    {u"Name"_s, secretName},
                    {u"VersionId"_s, versionId},
                    {u"VersionStages"_s,
                     SecretRecord::secretVersion(changed, versionId, u""_s).value("VersionStages"_L1)}},
                   {});
        });
    }

    void listSecrets(const QJsonObject &input, const Answer &answer)
    {
        QList<const Node *> secrets;
        for (const auto &[id, node] : cloud().project().architecture().nodes())
            if (node.kind == Kinds::Secret)
                secrets.append(&node);
        std::sort(secrets.begin(), secrets.end(),
                  [](const Node *a, const Node *b) { return secretNameOf(*a) < secretNameOf(*b); });
        const int limit = input.contains("MaxResults"_L1) ? input.value("MaxResults"_L1).toInt() : 100;
        if (limit < 1 || limit > 100)
            return answer({}, {u"InvalidParameterException"_s, u"MaxResults must be between 1 and 100."_s});
        bool ok = true;
        const int from = input.contains("NextToken"_L1) ? input.value("NextToken"_L1).toString().toInt(&ok) : 0;
        if (!ok || from < 0 || from > secrets.size())
            return answer({}, {u"InvalidNextTokenException"_s, u"The NextToken value is not valid."_s});
        QJsonArray list;
        for (qsizetype i = from; i < secrets.size() && list.size() < limit; ++i) {
            QJsonObject entry{{u"ARN"_s, arnOf(*secrets.at(i))}, {u"Name"_s, secretNameOf(*secrets.at(i))}};
            if (const QString d = secrets.at(i)->properties.value("description"_L1).toString(); !d.isEmpty())
                entry.insert("Description"_L1, d);
            if (const std::optional<QJsonObject> known = cloud().secretStore().cached(secrets.at(i)->name)) {
                QJsonObject stages;
                for (const QJsonValue &value : known->value("versions"_L1).toArray())
                    stages.insert(value.toObject().value("VersionId"_L1).toString(),
                                  value.toObject().value("VersionStages"_L1));
                entry.insert("SecretVersionsToStages"_L1, stages);
            }
            list.append(entry);
        }
        QJsonObject result{{u"SecretList"_s, list}};
        if (from + list.size() < secrets.size())
            result.insert("NextToken"_L1, QString::number(from + list.size()));
        answer(result, {});
    }

    QStringList servedOperations() const override { return mOperations.keys(); }

    QHash<QString, Function> mOperations;
};

} // namespace

const Node *secretNode(const LocalCloud &cloud, const QString &secretId)
{
    for (const auto &[id, node] : cloud.project().architecture().nodes()) {
        if (node.kind != Kinds::Secret)
            continue;
        const QString name = secretNameOf(node);
        const QString arn = EffectivePolicy::secretArn(name, cloud.region());
        // A name, the whole ARN, or a partial ARN without the six random characters.
        if (secretId == name || secretId == arn || (secretId.startsWith("arn:"_L1) && arn.startsWith(secretId + u'-')))
            return &node;
    }
    return nullptr;
}

AwsService *createSecretsManagerService(AwsEndpoint &endpoint)
{
    return new SecretsManagerService(endpoint);
}

} // namespace Nimbus
