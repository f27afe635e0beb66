#include "gobuild.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The Go sources of a function: its .go files, go.mod and go.sum (vendor/ and testdata/
// are Go's own; a module's tests do not go into the binary but are cheap to count).
QList<QFileInfo> goSources(const QString &directory)
{
    QList<QFileInfo> sources;
    QDirIterator it(directory, {u"*.go"_s, u"go.mod"_s, u"go.sum"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext() && sources.size() < 10000) {
        it.next();
        sources.append(it.fileInfo());
    }
    return sources;
}

} // namespace

GoBuild::GoBuild(const QString &directory, QObject *parent) : QObject(parent), mDirectory(directory) { }

GoBuild::~GoBuild()
{
    if (mProcess && mProcess->state() != QProcess::NotRunning) {
        mProcess->disconnect(this);
        mProcess->kill();
        mProcess->waitForFinished(1000);
        QFile::remove(QDir(mDirectory).filePath(mOutput));
    }
}

bool GoBuild::isGoFunction(const QString &directory)
{
    const QDir dir(directory);
    return dir.exists(u"go.mod"_s) || !dir.entryList({u"*.go"_s}, QDir::Files).isEmpty();
}

bool GoBuild::isNeeded(const QString &directory)
{
    if (!isGoFunction(directory))
        return false;
    const QFileInfo bootstrap(QDir(directory).filePath(u"bootstrap"_s));
    if (!bootstrap.isFile())
        return true;
    const QDateTime built = bootstrap.lastModified();
    const QList<QFileInfo> sources = goSources(directory);
    return std::any_of(sources.cbegin(), sources.cend(),
                       [&built](const QFileInfo &source) { return source.lastModified() > built; });
}

QString GoBuild::goTool()
{
    QString go = QStandardPaths::findExecutable(u"go"_s);
    if (go.isEmpty()) // Debian's golang-go links it here too
        go = QStandardPaths::findExecutable(u"go"_s, {u"/usr/lib/go/bin"_s, u"/usr/local/go/bin"_s});
    return go;
}

QJsonObject GoBuild::errorOf(const QByteArray &output, const QString &directory)
{
    // "./main.go:12:5: undefined: foo" (go build) or "main.go:12:5: ..." (vet, older tools).
    static const QRegularExpression place(u"^(?:\\./)?([^\\s:][^:]*\\.go):(\\d+)(?::(\\d+))?: (.*)$"_s);
    QStringList lines;
    QJsonArray trace;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const QRegularExpressionMatch m = place.match(line);
        if (!m.hasMatch())
            continue;
        lines.append(line.startsWith("./"_L1) ? line.mid(2) : line);
        const QString file = QDir::cleanPath(QDir(directory).absoluteFilePath(m.captured(1)));
        trace.append(u"%1:%2:%3: %4"_s.arg(file, m.captured(2), m.captured(3).isEmpty() ? u"1"_s : m.captured(3),
                                           m.captured(4)));
    }
    const QString message = lines.isEmpty() ? QString::fromUtf8(output).trimmed() : lines.join(u'\n');
    return QJsonObject{{u"errorType"_s, u"Runtime.BuildError"_s},
                       {u"errorMessage"_s, GoBuild::tr("go build failed:\n%1").arg(message)},
                       {u"stackTrace"_s, trace}};
}

void GoBuild::start()
{
    const QString go = goTool();
    if (go.isEmpty()) {
        // Later, so that finished() never reaches a caller still inside start().
        QTimer::singleShot(0, this, [this] {
            fail(tr("go is not installed: it is needed to build the Go function in %1 (Debian: apt install golang-go)")
                     .arg(QDir::toNativeSeparators(mDirectory)));
        });
        return;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GOOS"_s, u"linux"_s);
    env.insert(u"CGO_ENABLED"_s, u"0"_s);
    env.insert(u"GOTOOLCHAIN"_s, u"local"_s); // never download another Go on the user's behalf
    if (!env.contains(u"HOME"_s) && !env.contains(u"GOCACHE"_s)) {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
        env.insert(u"GOCACHE"_s, cache + u"/go-build"_s);
        env.insert(u"GOPATH"_s, cache + u"/go"_s);
    }
    mProcess = new QProcess(this);
    mProcess->setProcessEnvironment(env);
    mProcess->setWorkingDirectory(mDirectory);
    mProcess->setProcessChannelMode(QProcess::MergedChannels);
    // Built beside it, then renamed over it: a worker never runs a bootstrap being written,
    // and two cold starts of one function may build at once.
    mOutput = u".bootstrap-build-%1"_s.arg(QString::number(QRandomGenerator::global()->generate64(), 16));
    QStringList arguments{u"build"_s, u"-o"_s, mOutput};
    if (QFileInfo::exists(QDir(mDirectory).filePath(u"go.mod"_s)))
        arguments << u"."_s;
    else
        arguments << QDir(mDirectory).entryList({u"*.go"_s}, QDir::Files, QDir::Name);
    connect(mProcess, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        const QByteArray output = mProcess->readAll();
        const QDir dir(mDirectory);
        if (status != QProcess::NormalExit || exitCode != 0) {
            QFile::remove(dir.filePath(mOutput));
            emit finished(errorOf(output, mDirectory));
        } else if (::rename(QFile::encodeName(dir.filePath(mOutput)).constData(),
                            QFile::encodeName(dir.filePath(u"bootstrap"_s)).constData())
                   != 0) {
            QFile::remove(dir.filePath(mOutput));
            fail(tr("cannot replace %1: %2")
                     .arg(QDir::toNativeSeparators(dir.filePath(u"bootstrap"_s)), qt_error_string(errno)));
        } else {
            emit finished({});
        }
    });
    connect(mProcess, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("cannot start %1: %2").arg(goTool(), mProcess->errorString()));
    });
    QTimer::singleShot(kTimeoutMs, mProcess, [this] {
        mProcess->disconnect(this);
        mProcess->kill();
        mProcess->waitForFinished(1000);
        QFile::remove(QDir(mDirectory).filePath(mOutput));
        fail(tr("go build did not finish within %1 minutes").arg(kTimeoutMs / 60000));
    });
    mProcess->start(go, arguments);
}

void GoBuild::fail(const QString &message)
{
    emit finished(QJsonObject{
        {u"errorType"_s, u"Runtime.BuildError"_s}, {u"errorMessage"_s, message}, {u"stackTrace"_s, QJsonArray()}});
}

} // namespace Nimbus
