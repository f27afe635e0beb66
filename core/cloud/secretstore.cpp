#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The keychain's service name: every project's values are under it, keyed by project and node.
const QString kService = u"nimbus-studio"_s;

QString hashOf(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QHash<QString, QJsonObject> &sharedCache()
{
    static QHash<QString, QJsonObject> cache;
    return cache;
}

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000;
}

} // namespace

SecretStore::SecretStore(QObject *parent) : QObject(parent)
{
    const QByteArray forced = qgetenv("NIMBUS_SECRET_STORE");
    if (forced == "file")
        mBackend = Backend::File;
    else if (forced == "keychain")
        mBackend = Backend::Keychain;
}

SecretStore::~SecretStore() = default;

void SecretStore::setProjectFile(const QString &path)
{
    const QString canonical = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (canonical == mProjectFile)
        return;
    mProjectFile = canonical;
    mProjectHash = canonical.isEmpty() ? QString() : hashOf(canonical);
}

void SecretStore::setBackend(Backend backend)
{
    mBackend = backend;
    mKeychainFailed = false;
}

bool SecretStore::usesFile() const
{
    return mBackend == Backend::File || (mBackend == Backend::Auto && mKeychainFailed);
}

QString SecretStore::fileFolder(const QString &projectFile)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/nimbus-studio/secrets/"_L1
           + hashOf(QFileInfo(projectFile).absoluteFilePath());
}

QString SecretStore::cacheKey(const QString &node) const
{
    // An unsaved project's values live in memory only, shared by the stores of the process
    // (the Inspector's and the local cloud's see the same ones).
    const QString project = mProjectHash.isEmpty() ? u"unsaved"_s : mProjectHash;
    return project + u'/' + node;
}

QString SecretStore::keychainKey(const QString &node) const
{
    return mProjectHash + u'/' + node;
}

QString SecretStore::filePath(const QString &node) const
{
    // The node's name is hashed too: any character it holds stays out of the path.
    return fileFolder(mProjectFile) + u'/' + hashOf(node) + ".json"_L1;
}

std::optional<QJsonObject> SecretStore::cached(const QString &node) const
{
    const auto it = sharedCache().constFind(cacheKey(node));
    if (it == sharedCache().cend())
        return std::nullopt;
    return *it;
}

QStringList SecretStore::knownValues() const
{
    QStringList values;
    const QString prefix = cacheKey(QString());
    for (auto it = sharedCache().cbegin(); it != sharedCache().cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        for (const QJsonValue &value : it->value("versions"_L1).toArray()) {
            const QJsonObject version = value.toObject();
            for (const QString &text :
                 {version.value("SecretString"_L1).toString(), version.value("Value"_L1).toString(),
                  QString::fromUtf8(QByteArray::fromBase64(version.value("SecretBinary"_L1).toString().toLatin1()))})
                if (!text.isEmpty() && !values.contains(text))
                    values.append(text);
        }
    }
    return values;
}

Result<QJsonObject> SecretStore::readFile(const QString &node) const
{
    QFile file(filePath(node));
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot read the value of %1 in %2: %3").arg(node, file.fileName(), file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return fail(tr("the value of %1 in %2 is damaged: %3").arg(node, file.fileName(), error.errorString()));
    return document.object();
}

Result<void> SecretStore::writeFile(const QString &node, const QJsonObject &record) const
{
    const QString folder = fileFolder(mProjectFile);
    if (!QDir().mkpath(folder))
        return fail(tr("cannot make %1").arg(folder));
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile::setPermissions(folder, ownerOnly | QFileDevice::ExeOwner);
    QSaveFile file(filePath(node));
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("cannot write the value of %1 to %2: %3").arg(node, file.fileName(), file.errorString()));
    // Readable by the user only before a byte of the value is in it.
    file.setPermissions(ownerOnly);
    file.write(QJsonDocument(record).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return fail(tr("cannot write the value of %1 to %2: %3").arg(node, file.fileName(), file.errorString()));
    QFile::setPermissions(file.fileName(), ownerOnly);
    return {};
}

void SecretStore::removeFile(const QString &node) const
{
    QFile::remove(filePath(node));
}

void SecretStore::keychainFailed(const QString &why)
{
    if (mBackend != Backend::Auto || mKeychainFailed)
        return;
    mKeychainFailed = true;
    emit warning(tr("No keychain answered (%1): secret and parameter values are kept in %2, readable by you only")
                     .arg(why, fileFolder(mProjectFile)));
}

void SecretStore::read(const QString &node, ReadDone done)
{
    QPointer<SecretStore> self(this);
    auto later = [self, done](const Result<QJsonObject> &result) {
        QTimer::singleShot(0, self, [done, result] { done(result); });
    };
    if (const std::optional<QJsonObject> known = cached(node)) {
        later(*known);
        return;
    }
    if (mProjectFile.isEmpty()) {
        later(QJsonObject());
        return;
    }
    if (usesFile()) {
        const Result<QJsonObject> record = readFile(node);
        if (record)
            sharedCache().insert(cacheKey(node), *record);
        later(record);
        return;
    }
    readKeychain(node, std::move(done));
}

void SecretStore::readKeychain(const QString &node, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(keychainKey(node));
    // A keychain that never answers (a locked one behind a prompt nobody sees) is one that failed.
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, node, done, answered] {
        if (*answered)
            return;
        *answered = true;
        keychainFailed(tr("it did not answer within %1 s").arg(kKeychainTimeout / 1000));
        read(node, done);
    });
    timer->start(kKeychainTimeout);
    connect(job, &QKeychain::Job::finished, this, [this, job, node, done, answered] {
        if (*answered)
            return;
        *answered = true;
        if (job->error() == QKeychain::NoError) {
            const QJsonObject record = QJsonDocument::fromJson(job->binaryData()).object();
            sharedCache().insert(cacheKey(node), record);
            done(record);
            return;
        }
        if (job->error() != QKeychain::EntryNotFound) {
            if (mBackend == Backend::Keychain) {
                done(fail(tr("the keychain cannot read the value of %1: %2").arg(node, job->errorString())));
                return;
            }
            keychainFailed(job->errorString());
        }
        // Not in the keychain: a value written while none answered may be in the file.
        const Result<QJsonObject> record = readFile(node);
        if (record)
            sharedCache().insert(cacheKey(node), *record);
        done(record);
    });
    job->start();
}

void SecretStore::write(const QString &node, const QJsonObject &record, WriteDone done)
{
    sharedCache().insert(cacheKey(node), record);
    QPointer<SecretStore> self(this);
    auto later = [self, done](const Result<void> &result) {
        if (done)
            QTimer::singleShot(0, self, [done, result] { done(result); });
    };
    if (mProjectFile.isEmpty()) {
        later({});
        return;
    }
    if (usesFile()) {
        later(writeFile(node, record));
        return;
    }
    writeKeychain(node, record, std::move(done));
}

void SecretStore::writeKeychain(const QString &node, const QJsonObject &record, WriteDone done)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(keychainKey(node));
    job->setBinaryData(QJsonDocument(record).toJson(QJsonDocument::Compact));
    auto answered = std::make_shared<bool>(false);
    auto finish = [done](const Result<void> &result) {
        if (done)
            done(result);
    };
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, node, record, finish, answered] {
        if (*answered)
            return;
        *answered = true;
        keychainFailed(tr("it did not answer within %1 s").arg(kKeychainTimeout / 1000));
        finish(writeFile(node, record));
    });
    timer->start(kKeychainTimeout);
    connect(job, &QKeychain::Job::finished, this, [this, job, node, record, finish, answered] {
        if (*answered)
            return;
        *answered = true;
        if (job->error() == QKeychain::NoError) {
            removeFile(node); // a copy written while no keychain answered
            finish({});
            return;
        }
        if (mBackend == Backend::Keychain) {
            finish(fail(tr("the keychain cannot keep the value of %1: %2").arg(node, job->errorString())));
            return;
        }
        keychainFailed(job->errorString());
        finish(writeFile(node, record));
    });
    job->start();
}

void SecretStore::remove(const QString &node, WriteDone done)
{
    sharedCache().remove(cacheKey(node));
    if (!mProjectFile.isEmpty()) {
        removeFile(node);
        if (!usesFile()) {
            auto *job = new QKeychain::DeletePasswordJob(kService, this);
            job->setAutoDelete(true);
            job->setKey(keychainKey(node));
            job->start();
        }
    }
    if (done)
        QTimer::singleShot(0, this, [done] { done(Result<void>()); });
}

Result<QJsonObject> SecretStore::readNow(const QString &node)
{
    QEventLoop loop;
    std::optional<Result<QJsonObject>> answer;
    read(node, [&](const Result<QJsonObject> &record) {
        answer = record;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

Result<void> SecretStore::writeNow(const QString &node, const QJsonObject &record)
{
    QEventLoop loop;
    std::optional<Result<void>> answer;
    write(node, record, [&](const Result<void> &written) {
        answer = written;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

namespace SecretRecord {

QJsonObject withSecretVersion(const QJsonObject &record, const QString &versionId, const QJsonValue &string,
                              const QJsonValue &binary, const QStringList &stages)
{
    const QStringList given = stages.isEmpty() ? QStringList{u"AWSCURRENT"_s} : stages;
    const bool becomesCurrent = given.contains("AWSCURRENT"_L1);
    QJsonArray versions;
    for (const QJsonValue &value : record.value("versions"_L1).toArray()) {
        QJsonObject version = value.toObject();
        QStringList kept;
        for (const QJsonValue &stage : version.value("VersionStages"_L1).toArray()) {
            const QString name = stage.toString();
            // A stage belongs to one version: the new one takes those it is given.
            if (given.contains(name) || (becomesCurrent && name == "AWSPREVIOUS"_L1))
                continue;
            kept.append(name);
        }
        if (becomesCurrent && version.value("VersionStages"_L1).toArray().contains(u"AWSCURRENT"_s)) {
            kept.removeAll(u"AWSCURRENT"_s);
            kept.append(u"AWSPREVIOUS"_s);
        }
        if (kept.isEmpty())
            continue;
        version.insert("VersionStages"_L1, QJsonArray::fromStringList(kept));
        versions.append(version);
    }
    QJsonObject version{{u"VersionId"_s, versionId},
                        {u"VersionStages"_s, QJsonArray::fromStringList(given)},
                        {u"CreatedDate"_s, nowSeconds()}};
    if (!string.isUndefined() && !string.isNull())
        version.insert("SecretString"_L1, string);
    if (!binary.isUndefined() && !binary.isNull())
        version.insert("SecretBinary"_L1, binary);
    versions.append(version);
    QJsonObject out = record;
    out.insert("versions"_L1, versions);
    return out;
}

QJsonObject secretVersion(const QJsonObject &record, const QString &versionId, const QString &stage)
{
    const QString wanted = versionId.isEmpty() && stage.isEmpty() ? u"AWSCURRENT"_s : stage;
    for (const QJsonValue &value : record.value("versions"_L1).toArray()) {
        const QJsonObject version = value.toObject();
        if (!versionId.isEmpty() && version.value("VersionId"_L1).toString() != versionId)
            continue;
        if (!wanted.isEmpty() && !version.value("VersionStages"_L1).toArray().contains(wanted))
            continue;
        return version;
    }
    return {};
}

QJsonObject withParameterVersion(const QJsonObject &record, const QString &value, const QString &type)
{
    QJsonArray versions = record.value("versions"_L1).toArray();
    const int next = versions.isEmpty() ? 1 : versions.last().toObject().value("Version"_L1).toInt() + 1;
    versions.append(QJsonObject{
        {u"Version"_s, next}, {u"Value"_s, value}, {u"Type"_s, type}, {u"LastModifiedDate"_s, nowSeconds()}});
    // Parameter Store keeps a parameter's last 100 versions.
    while (versions.size() > 100)
        versions.removeFirst();
    QJsonObject out = record;
    out.insert("versions"_L1, versions);
    return out;
}

QJsonObject parameterVersion(const QJsonObject &record, int version)
{
    const QJsonArray versions = record.value("versions"_L1).toArray();
    if (versions.isEmpty())
        return {};
    if (version <= 0)
        return versions.last().toObject();
    for (const QJsonValue &value : versions)
        if (value.toObject().value("Version"_L1).toInt() == version)
            return value.toObject();
    return {};
}

QJsonObject withValue(const QJsonObject &record, const QString &kind, const QString &value,
                      const QString &parameterType)
{
    if (kind == "parameter"_L1)
        return withParameterVersion(record, value, parameterType);
    return withSecretVersion(record, QUuid::createUuid().toString(QUuid::WithoutBraces), value, QJsonValue());
}

std::optional<QString> currentValue(const QJsonObject &record)
{
    const QJsonArray versions = record.value("versions"_L1).toArray();
    if (versions.isEmpty())
        return std::nullopt;
    if (versions.first().toObject().contains("Version"_L1))
        return parameterVersion(record).value("Value"_L1).toString();
    const QJsonObject current = secretVersion(record, {}, {});
    if (current.isEmpty())
        return std::nullopt;
    if (current.contains("SecretString"_L1))
        return current.value("SecretString"_L1).toString();
    return QString::fromUtf8(QByteArray::fromBase64(current.value("SecretBinary"_L1).toString().toLatin1()));
}

} // namespace SecretRecord

} // namespace Nimbus
