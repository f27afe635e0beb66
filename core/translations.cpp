#include "translations.h"

#include "paths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Nimbus {

QString installTranslations(const QString &locale)
{
    const QLocale language = locale.isEmpty() ? QLocale::system() : QLocale(locale);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(language, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // A language without a translation gets English, whose file holds the plural forms.
    const QString directory = Paths::dataDirectory() + "/translations"_L1;
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(language, u"nimbus"_s, u"_"_s, directory) || own->load(u"nimbus_en"_s, directory)) {
        QCoreApplication::installTranslator(own);
        return own->language();
    }
    delete own;
    return u"en"_s;
}

} // namespace Nimbus
