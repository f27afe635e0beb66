#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Nimbus {

// An event's JSON text, with what is known of its form. Text that QJsonDocument wrote is
// one JSON value, and a worker's invocation frame can carry it as it is (Instance writes
// the frame around it); text from anywhere else (a user's test event, a message body) is
// checked first, since "1,2" or a quote would end the frame's parse or set its other keys.
// Converts from and to QByteArray, so that the bytes go where bytes are taken.
class JsonText
{
public:
    JsonText() = default;
    JsonText(const QByteArray &text) : mText(text) { } // NOLINT(google-explicit-constructor): unchecked
    JsonText(QByteArray &&text) : mText(std::move(text)) { } // NOLINT(google-explicit-constructor): unchecked
    JsonText(const char *text) : mText(text) { } // NOLINT(google-explicit-constructor): unchecked

    // Written from an object: known to be one JSON value.
    static JsonText of(const QJsonObject &object)
    {
        JsonText written(QJsonDocument(object).toJson(QJsonDocument::Compact));
        written.mOneValue = true;
        return written;
    }

    // Written by code that writes exactly one JSON value (GatewayEvents::httpApiEventText).
    static JsonText ofWritten(QByteArray &&text)
    {
        JsonText written(std::move(text));
        written.mOneValue = true;
        return written;
    }

    const QByteArray &text() const { return mText; }
    operator const QByteArray &() const { return mText; } // NOLINT(google-explicit-constructor)
    // True only when it is known without reading it; false says nothing.
    bool isKnownOneValue() const { return mOneValue; }

private:
    QByteArray mText;
    bool mOneValue = false;
};

} // namespace Nimbus
