#pragma once

// What every fuzz target shares: a Qt application object (Qt's file, timer and
// resource code expects one) and quiet Qt messages, so that libFuzzer's output
// stays readable and the run is not slowed by warnings about rejected input.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace NimbusFuzz {

inline void startApplication()
{
    static int argc = 1;
    static char name[] = "nimbus-fuzz";
    static char *argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        // A fatal message is a finding: let libFuzzer record the input.
        if (type == QtFatalMsg) {
            fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            abort();
        }
    });
    static QCoreApplication app(argc, argv);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace NimbusFuzz
