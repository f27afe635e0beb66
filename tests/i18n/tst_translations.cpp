#include "cost/pricingcatalog.h"
#include "model/catalog.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The French translation is complete: every source string is there, finished, and
// nothing obsolete lingers.
class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void frenchIsFinished();
    void frenchCoversEverySourceString();
    void frenchIsLoaded();
    void englishPluralsAreLoaded();
    void catalogWordsAreTranslated();
    void pricingWordsAreTranslated();
    void qtOwnWordsAreFrench();

private:
    struct Entry
    {
        QString key; // context + source
        QString type;
    };
    static QList<Entry> readTs(const QString &path);
    static const QString kFrench;
};

const QString tst_Translations::kFrench = QStringLiteral(NIMBUS_SOURCE_DIR "/translations/nimbus_fr.ts");

QList<tst_Translations::Entry> tst_Translations::readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QList<Entry> entries;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation"))
            entries.append({context + QLatin1Char('|') + source, xml.attributes().value("type").toString()});
    }
    // A file lrelease cannot read is not a translation: say where it breaks.
    if (xml.hasError())
        entries.append({QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString()),
                        QStringLiteral("malformed")});
    return entries;
}

void tst_Translations::frenchIsFinished()
{
    const QList<Entry> entries = readTs(kFrench);
    QVERIFY(entries.size() > 100);
    for (const Entry &e : entries)
        QVERIFY2(e.type.isEmpty(), qPrintable(e.type + ": " + e.key));
}

void tst_Translations::frenchCoversEverySourceString()
{
    // Extract the strings of the current sources into a fresh file and compare.
    QTemporaryDir dir;
    QStringList sources;
    for (const char *folder : {"/core", "/app", "/plugins"}) {
        QDirIterator it(QStringLiteral(NIMBUS_SOURCE_DIR) + QLatin1String(folder), {"*.cpp", "*.h"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            sources.append(it.next());
    }
    const QString fresh = dir.filePath("fresh_fr.ts");
    QProcess lupdate;
    lupdate.start(NIMBUS_LUPDATE, sources + QStringList{"-locations", "none", "-ts", fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QSet<QString> expected;
    for (const Entry &e : readTs(fresh))
        expected.insert(e.key);
    QSet<QString> translated;
    for (const Entry &e : readTs(kFrench))
        translated.insert(e.key);
    const QSet<QString> missing = expected - translated;
    const QSet<QString> obsolete = translated - expected;
    QVERIFY2(missing.isEmpty(), qPrintable("missing from nimbus_fr.ts: " + QStringList(missing.values()).join("\n")));
    QVERIFY2(obsolete.isEmpty(), qPrintable("obsolete in nimbus_fr.ts: " + QStringList(obsolete.values()).join("\n")));
}

void tst_Translations::frenchIsLoaded()
{
    QCOMPARE(Nimbus::installTranslations("fr_FR"), QStringLiteral("fr_FR"));
    QCOMPARE(QCoreApplication::translate("Nimbus::MainWindow", "&File"), QStringLiteral("&Fichier"));
    QCOMPARE(QCoreApplication::translate("Nimbus::MainWindow", "%n node(s)", nullptr, 3), QStringLiteral("3 nœuds"));
}

void tst_Translations::englishPluralsAreLoaded()
{
    QCOMPARE(Nimbus::installTranslations("en_GB"), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("Nimbus::MainWindow", "%n node(s)", nullptr, 1), QStringLiteral("1 node"));
    QCOMPARE(QCoreApplication::translate("Nimbus::MainWindow", "%n node(s)", nullptr, 2), QStringLiteral("2 nodes"));
}

// Every "name" and "unit" of a shipped price list (resources/pricing).
static void collectPricingWords(const QJsonValue &value, QSet<QString> &words)
{
    if (value.isArray()) {
        for (const QJsonValue &element : value.toArray())
            collectPricingWords(element, words);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if ((it.key() == QLatin1String("name") || it.key() == QLatin1String("unit")) && it->isString())
            words.insert(it->toString());
        else
            collectPricingWords(*it, words);
    }
}

void tst_Translations::pricingWordsAreTranslated()
{
    // The price lists are data too: what the cost view shows of them (a price's name and
    // unit) must be listed for lupdate in core/cost/pricingtexts.cpp.
    QSet<QString> listed;
    for (const char *text : Nimbus::PricingCatalog::sourceTexts())
        listed.insert(QString::fromUtf8(text));
    QSet<QString> words;
    QDirIterator it(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/pricing"), {"*.json"}, QDir::Files);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        collectPricingWords(QJsonDocument::fromJson(file.readAll()).object(), words);
    }
    QVERIFY(words.size() > 40);
    QStringList unlisted;
    for (const QString &word : std::as_const(words))
        if (!listed.contains(word))
            unlisted.append(word);
    QVERIFY2(unlisted.isEmpty(), qPrintable("add to core/cost/pricingtexts.cpp: " + unlisted.join(" | ")));
    Nimbus::installTranslations("fr_FR");
    QCOMPARE(Nimbus::PricingCatalog::text("Lambda requests"), QStringLiteral("Requêtes Lambda"));
    QCOMPARE(Nimbus::PricingCatalog::text("GB-seconds"), QStringLiteral("Go-secondes"));
}

void tst_Translations::catalogWordsAreTranslated()
{
    // The catalog is data (resources/catalog): each of its words must be listed for lupdate
    // in core/model/catalogtexts.cpp, and so reach the French file.
    QSet<QString> listed;
    for (const char *text : Nimbus::Catalog::sourceTexts())
        listed.insert(QString::fromUtf8(text));
    QStringList unlisted;
    for (const QString &text : Nimbus::Catalog::builtin().translatableTexts())
        if (!listed.contains(text))
            unlisted.append(text);
    QVERIFY2(unlisted.isEmpty(), qPrintable("add to core/model/catalogtexts.cpp: " + unlisted.join(" | ")));
    Nimbus::installTranslations("fr_FR");
    // Not "File", which is also the File menu's word.
    QCOMPARE(Nimbus::Catalog::text("Queue"), QStringLiteral("File d'attente"));
    QCOMPARE(Nimbus::Catalog::text("invokes"), QStringLiteral("invoque"));
    QCOMPARE(Nimbus::Catalog::text("Reserved concurrency"), QStringLiteral("Concurrence réservée"));
}

// Qt's own dialogs and shortcut names (file dialogs, "Close") come from qtbase_fr, which
// the set-up installs (qt6-translations-l10n).
void tst_Translations::qtOwnWordsAreFrench()
{
    Nimbus::installTranslations("fr_FR");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Close"), QStringLiteral("Fermer"));
    QCOMPARE(QCoreApplication::translate("QShortcut", "Close"), QStringLiteral("Fermer"));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
