#include "preferences.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
const char *kTheme = "preferences/theme";
const char *kLanguage = "preferences/language";
const char *kProvider = "preferences/defaultProvider";
const char *kRegion = "preferences/defaultRegion";
const char *kFont = "preferences/editorFont";
const char *kAgents = "preferences/agentsMayAttach";

// A whole number kept within its range; in the order of Preferences::Number.
struct Bounded
{
    const char *key;
    int fallback;
    int minimum;
    int maximum;
};
const Bounded kNumbers[] = {
    {"preferences/idleInstanceSeconds", 300, 10, 3600},
    {"preferences/localCloudPort", 3000, 1, 65535},
    {"preferences/awsEndpointPort", 4566, 1, 65535},
    {"preferences/autosaveSeconds", 60, 5, 3600},
};

const Bounded &bounded(Preferences::Number which)
{
    return kNumbers[int(which)];
}

QVariant read(const char *key, const QVariant &fallback)
{
    return QSettings().value(QLatin1String(key), fallback);
}

// The platform's style and palette, kept from before any theme was applied.
struct Platform
{
    QString style;
    QPalette palette;
    bool known = false;
};
Platform &platform()
{
    static Platform p;
    return p;
}
} // namespace

Preferences &Preferences::instance()
{
    static Preferences *preferences = new Preferences; // lives as long as the program
    return *preferences;
}

void Preferences::write(const char *key, const QVariant &value)
{
    QSettings settings;
    if (settings.value(QLatin1String(key)) == value)
        return;
    settings.setValue(QLatin1String(key), value);
    emit changed();
}

Preferences::Theme Preferences::theme() const
{
    const QString name = read(kTheme, u"system"_s).toString();
    return name == "dark"_L1 ? Theme::Dark : name == "light"_L1 ? Theme::Light : Theme::System;
}

void Preferences::setTheme(Theme theme)
{
    applyTheme(theme);
    write(kTheme, theme == Theme::Dark ? u"dark"_s : theme == Theme::Light ? u"light"_s : u"system"_s);
}

QString Preferences::language() const
{
    return read(kLanguage, QString()).toString();
}

void Preferences::setLanguage(const QString &code)
{
    write(kLanguage, code);
}

namespace {
QString &started()
{
    static QString language;
    return language;
}
} // namespace

void Preferences::applyLocale(const QString &code)
{
    started() = code;
    // The system's locale when it speaks that language (its country's formats stay: fr_CA,
    // en_GB), else the language's own.
    const QLocale system = QLocale::system();
    QLocale::setDefault(code.isEmpty() || QLocale(code).language() == system.language() ? system : QLocale(code));
}

QString Preferences::startedLanguage()
{
    return started();
}

QString Preferences::defaultProvider() const
{
    return read(kProvider, u"aws"_s).toString();
}

void Preferences::setDefaultProvider(const QString &provider)
{
    write(kProvider, provider);
}

bool Preferences::agentsMayAttach() const
{
    return read(kAgents, true).toBool();
}

void Preferences::setAgentsMayAttach(bool on)
{
    write(kAgents, on);
}

QString Preferences::defaultRegion() const
{
    return read(kRegion, u"us-east-1"_s).toString();
}

void Preferences::setDefaultRegion(const QString &region)
{
    write(kRegion, region.trimmed().isEmpty() ? u"us-east-1"_s : region.trimmed());
}

int Preferences::number(Number which) const
{
    const Bounded &b = bounded(which);
    return std::clamp(read(b.key, b.fallback).toInt(), b.minimum, b.maximum);
}

void Preferences::setNumber(Number which, int value)
{
    const Bounded &b = bounded(which);
    write(b.key, std::clamp(value, b.minimum, b.maximum));
}

std::pair<int, int> Preferences::range(Number which)
{
    return {bounded(which).minimum, bounded(which).maximum};
}

QFont Preferences::editorFont() const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString saved = read(kFont, QString()).toString();
    if (!saved.isEmpty())
        font.fromString(saved);
    return font;
}

void Preferences::setEditorFont(const QFont &font)
{
    write(kFont, font.toString());
}

QList<QPair<QString, QString>> Preferences::languages()
{
    return {{u"en"_s, u"English"_s}, {u"fr"_s, u"Français"_s}};
}

void Preferences::applyTheme(Theme theme)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    Platform &p = platform();
    if (!p.known) {
        p.style = app->style()->name();
        p.palette = QApplication::palette();
        p.known = true;
    }
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(p.style));
        QApplication::setPalette(p.palette);
        return;
    }
    // Fusion draws both themes the same way on every platform.
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    if (theme == Theme::Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette dark;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5), disabled(0x80, 0x84, 0x8b);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::ToolTipBase, base);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, disabled);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::white);
    dark.setColor(QPalette::Light, window.lighter(150));
    dark.setColor(QPalette::Midlight, window.lighter(125));
    dark.setColor(QPalette::Mid, window.darker(120));
    dark.setColor(QPalette::Dark, window.darker(150));
    dark.setColor(QPalette::Shadow, Qt::black);
    dark.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    dark.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, disabled);
    QApplication::setPalette(dark);
}

} // namespace Nimbus
