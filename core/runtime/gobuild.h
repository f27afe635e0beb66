#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QProcess;

namespace Nimbus {

// Builds a Go function's `bootstrap` in its folder, as a provided.al2023 function is
// packaged for Lambda: `go build -o bootstrap` with GOOS=linux and CGO_ENABLED=0, when
// the folder holds Go code and the bootstrap is missing or older than any of it. Runs in
// the background; a failed build becomes an error whose stack trace lists go's
// `file.go:line:column: message` lines with the file's absolute path, so that the studio
// shows them on their lines.
class GoBuild : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 5 * 60 * 1000;

    explicit GoBuild(const QString &directory, QObject *parent = nullptr);
    ~GoBuild() override;

    // Whether the folder holds Go code (go.mod or a .go file).
    static bool isGoFunction(const QString &directory);
    // Whether its bootstrap must be built before it runs.
    static bool isNeeded(const QString &directory);
    // The go tool, or empty when it is not installed.
    static QString goTool();
    // The error of a failed build from go's output (errorType Runtime.BuildError).
    static QJsonObject errorOf(const QByteArray &output, const QString &directory);

    void start();

signals:
    // error: empty when the bootstrap was built.
    void finished(const QJsonObject &error);

private:
    void fail(const QString &message);

    QString mDirectory;
    QProcess *mProcess = nullptr;
    QString mOutput; // the bootstrap being built, relative to the folder
};

} // namespace Nimbus
