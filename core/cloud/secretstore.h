#pragma once

#include "result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Nimbus {

// The values of a project's secret and parameter nodes, kept out of the project: in the
// desktop's keychain (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows
// Credential Store), or, when no keychain answers (a headless box, CI), in a file of the
// user's data folder (<data>/nimbus-studio/secrets/<hash of the project path>/<hash of the
// node name>.json, 0600 in a 0700 folder), with a warning. A node's value is its record:
// the versions Secrets Manager or Parameter Store keep of it, as JSON (see SecretRecord).
// Keychain jobs are asynchronous: read and write call back on this object's thread; only
// readNow and writeNow (the command line, tests) wait, in a local event loop.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Auto, Keychain, File };

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // The project whose nodes' values are kept (its canonical path names them); empty
    // keeps values in memory only (an unsaved project).
    void setProjectFile(const QString &path);
    QString projectFile() const { return mProjectFile; }
    // Auto (the default) tries the keychain and falls back to the file; the environment
    // variable NIMBUS_SECRET_STORE=file or keychain forces one.
    void setBackend(Backend backend);
    Backend backend() const { return mBackend; }
    // Whether values go to the file (no keychain answered, or File chosen).
    bool usesFile() const;
    // The folder of the project's value files.
    static QString fileFolder(const QString &projectFile);

    using ReadDone = std::function<void(const Result<QJsonObject> &record)>; // empty: no value
    using WriteDone = std::function<void(const Result<void> &written)>;
    // The record of node (by name); done is called later, never from inside read().
    void read(const QString &node, ReadDone done);
    void write(const QString &node, const QJsonObject &record, WriteDone done = {});
    void remove(const QString &node, WriteDone done = {});
    // The record as far as this process knows it (written or read before), without asking.
    std::optional<QJsonObject> cached(const QString &node) const;
    // Every value of the project this process knows (each version of each record read or
    // written), for the run history to hide.
    QStringList knownValues() const;

    Result<QJsonObject> readNow(const QString &node);
    Result<void> writeNow(const QString &node, const QJsonObject &record);

    // How long a keychain may take to answer before the file is used (ms).
    static constexpr int kKeychainTimeout = 5000;

signals:
    // Values go to a file because no keychain answered (once per store), with why.
    void warning(const QString &message);

private:
    QString keychainKey(const QString &node) const;
    QString filePath(const QString &node) const;
    Result<QJsonObject> readFile(const QString &node) const;
    Result<void> writeFile(const QString &node, const QJsonObject &record) const;
    void removeFile(const QString &node) const;
    // No keychain: the file from now on (Auto), with the warning.
    void keychainFailed(const QString &why);
    void readKeychain(const QString &node, ReadDone done);
    void writeKeychain(const QString &node, const QJsonObject &record, WriteDone done);

    QString mProjectFile;
    QString mProjectHash;
    Backend mBackend = Backend::Auto;
    bool mKeychainFailed = false;
    // The key of node in the records every store of this process shares (the Inspector's
    // and the local cloud's see the same values).
    QString cacheKey(const QString &node) const;
};

// A node's record: the versions of a secret (Secrets Manager) or a parameter (Parameter
// Store), as the services and the Inspector change them.
namespace SecretRecord {
// The secret's versions, each {"VersionId", "SecretString" or "SecretBinary" (base64),
// "VersionStages", "CreatedDate" (epoch seconds)}: a new version takes AWSCURRENT (or the
// stages given), the version that had it becomes AWSPREVIOUS, versions left without a
// stage are dropped.
QJsonObject withSecretVersion(const QJsonObject &record, const QString &versionId, const QJsonValue &string,
                              const QJsonValue &binary, const QStringList &stages = {});
// The version of a secret with that id or stage (both empty: AWSCURRENT); empty if none.
QJsonObject secretVersion(const QJsonObject &record, const QString &versionId, const QString &stage);
// A parameter's versions, each {"Version", "Value", "Type", "LastModifiedDate"}: the
// next version number for a new value.
QJsonObject withParameterVersion(const QJsonObject &record, const QString &value, const QString &type);
// The latest version of a parameter, or a numbered one (0: the latest); empty if none.
QJsonObject parameterVersion(const QJsonObject &record, int version = 0);
// What a user typed in the Inspector or the command line, as a new version of node
// (a secret's SecretString, a parameter's value of its type).
QJsonObject withValue(const QJsonObject &record, const QString &kind, const QString &value,
                      const QString &parameterType = QStringLiteral("String"));
// The current value (a secret's string or binary as text, a parameter's value), if any.
std::optional<QString> currentValue(const QJsonObject &record);
} // namespace SecretRecord

} // namespace Nimbus
