#pragma once

#include <QFont>
#include <QObject>
#include <QString>

#include <utility>

namespace Nimbus {

// The studio's preferences, kept with QSettings and applied at once: whoever depends on
// one listens to changed(). Language takes effect at the next start (installTranslations
// reads it before the first window exists).
class Preferences : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };

    // The one the studio uses.
    static Preferences &instance();

    Theme theme() const;
    void setTheme(Theme theme);
    // "" for the system's language, or a code ("en", "fr").
    QString language() const;
    void setLanguage(const QString &code);
    // The provider the cost view and the export dialog start on (aws, azure, gcp, scaleway).
    QString defaultProvider() const;
    void setDefaultProvider(const QString &provider);
    // The region functions run in locally (AWS_REGION) and the local cloud's ARNs name.
    QString defaultRegion() const;
    void setDefaultRegion(const QString &region);
    // The whole-number settings, each kept within its range whatever the settings file says.
    enum class Number { IdleInstanceSeconds, LocalCloudPort, AwsEndpointPort, AutosaveSeconds };
    int number(Number which) const;
    void setNumber(Number which, int value);
    static std::pair<int, int> range(Number which); // smallest, largest

    // How long an idle function instance stays warm, in seconds.
    int idleInstanceSeconds() const { return number(Number::IdleInstanceSeconds); }
    void setIdleInstanceSeconds(int seconds) { setNumber(Number::IdleInstanceSeconds, seconds); }
    // The ports the local cloud tries first (any free one if taken).
    int localCloudPort() const { return number(Number::LocalCloudPort); }
    void setLocalCloudPort(int port) { setNumber(Number::LocalCloudPort, port); }
    int awsEndpointPort() const { return number(Number::AwsEndpointPort); }
    void setAwsEndpointPort(int port) { setNumber(Number::AwsEndpointPort, port); }
    // Seconds between recovery copies of the open project.
    int autosaveSeconds() const { return number(Number::AutosaveSeconds); }
    void setAutosaveSeconds(int seconds) { setNumber(Number::AutosaveSeconds, seconds); }
    QFont editorFont() const;
    void setEditorFont(const QFont &font);
    // Whether coding agents may attach to the open project (`nimbus mcp --attach`); on by default.
    bool agentsMayAttach() const;
    void setAgentsMayAttach(bool on);

    // The languages the studio ships, as code -> native name.
    static QList<QPair<QString, QString>> languages();
    // Makes QLocale() follow a language ("" keeps the system's locale), so that numbers
    // and dates read as people of that language write them (1 234,5 in French). The
    // program calls it at start with language(); startedLanguage() then says which.
    static void applyLocale(const QString &code);
    static QString startedLanguage();
    // Applies a theme to the application (Fusion with a dark palette, or the platform's).
    static void applyTheme(Theme theme);

signals:
    void changed();

private:
    Preferences() = default;
    void write(const char *key, const QVariant &value);
};

} // namespace Nimbus
