#include "translations.h"

#include "paths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Nimbus {

QString installTranslations(const QString &locale)
{
    const QLocale language = locale.isEmpty() ? QLocale::system() : QLocale(locale);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(language, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // A language without a translation gets English, whose file holds the plural forms.
    const QString directory = Paths::dataDirectory() + QLatin1String("/translations");
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(language, QStringLiteral("nimbus"), QStringLiteral("_"), directory)
        || own->load(QStringLiteral("nimbus_en"), directory)) {
        QCoreApplication::installTranslator(own);
        return own->language();
    }
    delete own;
    return QStringLiteral("en");
}

} // namespace Nimbus
