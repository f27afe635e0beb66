#include "runtimelocator.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVersionNumber>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

struct KnownVersion
{
    QDateTime modified;
    qint64 size = 0;
    QString version;
};

QMutex gVersionsLock;
QHash<QString, KnownVersion> gVersions; // interpreter path -> its --version

QString languageOf(const QString &program)
{
    if (program == "java"_L1)
        return u"Java"_s;
    if (program == "dotnet"_L1)
        return u".NET"_s;
    return program == "python3"_L1 ? u"Python"_s : u"Node.js"_s;
}

} // namespace

QStringList RuntimeLocator::runtimes()
{
    return {u"nodejs20.x"_s, u"nodejs22.x"_s, u"nodejs24.x"_s, u"python3.11"_s, u"python3.12"_s,
            u"python3.13"_s, u"java17"_s,     u"java21"_s,     u"dotnet8"_s};
}

QString RuntimeLocator::programOf(const QString &runtime)
{
    if (runtime.startsWith("nodejs"_L1))
        return u"node"_s;
    if (runtime.startsWith("python"_L1))
        return u"python3"_s;
    if (runtime.startsWith("java"_L1))
        return u"java"_s;
    if (runtime.startsWith("dotnet"_L1))
        return u"dotnet"_s;
    return {};
}

QString RuntimeLocator::wantedVersion(const QString &runtime)
{
    static const QRegularExpression node(u"^nodejs(\\d+)\\.x$"_s);
    static const QRegularExpression python(u"^python(\\d+\\.\\d+)$"_s);
    // java21 wants Java 21, dotnet8 .NET 8.
    static const QRegularExpression managed(u"^(?:java|dotnet)(\\d+)$"_s);
    if (const QRegularExpressionMatch m = managed.match(runtime); m.hasMatch())
        return m.captured(1);
    if (const QRegularExpressionMatch m = node.match(runtime); m.hasMatch())
        return m.captured(1);
    if (const QRegularExpressionMatch m = python.match(runtime); m.hasMatch())
        return m.captured(1);
    return {};
}

QString RuntimeLocator::parseVersion(const QString &output)
{
    static const QRegularExpression number(u"(?:^|[^\\d.])v?(\\d+\\.\\d+(?:\\.\\d+)?)"_s);
    const QRegularExpressionMatch m = number.match(output.trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

bool RuntimeLocator::versionMatches(const QString &wanted, const QString &version)
{
    if (wanted.isEmpty() || version.isEmpty())
        return false;
    const QVersionNumber want = QVersionNumber::fromString(wanted);
    const QVersionNumber have = QVersionNumber::fromString(version);
    if (want.isNull() || have.segmentCount() < want.segmentCount())
        return false;
    for (int i = 0; i < want.segmentCount(); ++i)
        if (want.segmentAt(i) != have.segmentAt(i))
            return false;
    return true;
}

QString RuntimeLocator::runtimesDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/nimbus-studio/runtimes"_L1;
}

QString RuntimeLocator::versionOf(const QString &path)
{
    const QFileInfo info(path);
    {
        QMutexLocker lock(&gVersionsLock);
        const auto known = gVersions.constFind(path);
        if (known != gVersions.cend() && known->modified == info.lastModified() && known->size == info.size())
            return known->version;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, {u"--version"_s});
    QString version;
    // An interpreter answers with its version on the first line, and succeeds (a pyenv
    // shim of a version not selected fails, naming versions it does not run).
    if (process.waitForStarted(5000) && process.waitForFinished(5000)) {
        if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            version = parseVersion(QString::fromUtf8(process.readAll().left(200)).section(u'\n', 0, 0));
    } else
        process.kill();
    process.waitForFinished(1000);
    QMutexLocker lock(&gVersionsLock);
    gVersions.insert(path, {info.lastModified(), info.size(), version});
    return version;
}

void RuntimeLocator::forgetVersions()
{
    QMutexLocker lock(&gVersionsLock);
    gVersions.clear();
}

QStringList RuntimeLocator::candidates(const QString &runtime, QList<bool> *installed)
{
    const QString program = programOf(runtime);
    const QString wanted = wantedVersion(runtime);
    QStringList found;
    // Installed by Nimbus: runtimes/node-22.3.0/bin/node, newest of the wanted version first.
    const QString prefix = (program == "python3"_L1 ? u"python-"_s : u"node-"_s);
    QDir folder(runtimesDirectory());
    QStringList versions;
    for (const QString &name : folder.entryList({prefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot))
        if (versionMatches(wanted, name.mid(prefix.size())))
            versions.append(name.mid(prefix.size()));
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : std::as_const(versions)) {
        const QString path = folder.filePath(prefix + version + "/bin/"_L1 + program);
        if (QFileInfo(path).isExecutable()) {
            found.append(path);
            installed->append(true);
        }
    }
    // A JDK or .NET the user points at (JAVA_HOME, DOTNET_ROOT), then Debian's JDKs
    // (/usr/lib/jvm/java-21-openjdk-amd64) and .NET's user-wide install (~/.dotnet).
    QStringList homes;
    if (program == "java"_L1) {
        homes.append(qEnvironmentVariable("JAVA_HOME") + "/bin/java"_L1);
        const QDir jvm(u"/usr/lib/jvm"_s);
        for (const QString &jdk : jvm.entryList({u"java-"_s + wanted + u"-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot))
            homes.append(jvm.filePath(jdk + "/bin/java"_L1));
    } else if (program == "dotnet"_L1) {
        homes.append(qEnvironmentVariable("DOTNET_ROOT") + "/dotnet"_L1);
        homes.append(QDir::homePath() + "/.dotnet/dotnet"_L1);
    }
    for (const QString &path : std::as_const(homes)) {
        if (path.startsWith(u'/') && QFileInfo(path).isExecutable() && !found.contains(path)) {
            found.append(path);
            installed->append(false);
        }
    }
    // Then PATH: the versioned name, then the plain one; Debian's /usr/bin before the rest.
    const QString versioned = program == "python3"_L1 ? u"python"_s + wanted : program + wanted;
    for (const QString &name : {versioned, program}) {
        for (const QString &path :
             {QStandardPaths::findExecutable(name, {u"/usr/bin"_s}), QStandardPaths::findExecutable(name)}) {
            if (!path.isEmpty() && !found.contains(path)) {
                found.append(path);
                installed->append(false);
            }
        }
    }
    return found;
}

RuntimeLocator::Interpreter RuntimeLocator::locate(const QString &runtime)
{
    Interpreter interpreter;
    interpreter.runtime = runtime;
    interpreter.wanted = wantedVersion(runtime);
    QList<bool> installed;
    const QStringList paths = candidates(runtime, &installed);
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString version = versionOf(paths.at(i));
        if (version.isEmpty())
            continue; // not an interpreter that answers --version
        if (!interpreter.found()) {
            interpreter.path = paths.at(i);
            interpreter.version = version;
            interpreter.installed = installed.at(i);
        }
        if (versionMatches(interpreter.wanted, version)) {
            interpreter.path = paths.at(i);
            interpreter.version = version;
            interpreter.installed = installed.at(i);
            interpreter.matches = true;
            break;
        }
    }
    return interpreter;
}

QString RuntimeLocator::mismatchWarning(const Interpreter &interpreter)
{
    if (interpreter.matches)
        return {};
    const QString language = languageOf(programOf(interpreter.runtime));
    if (!interpreter.found())
        return tr("%1 wants %2 %3, which is not installed").arg(interpreter.runtime, language, interpreter.wanted);
    return tr("%1 wants %2 %3; it runs on %2 %4 (%5)")
        .arg(interpreter.runtime, language, interpreter.wanted, interpreter.version, interpreter.path);
}

} // namespace Nimbus
