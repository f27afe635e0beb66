// Cost > Update Prices..., driven through its widgets on the offscreen platform against
// the recorded price lists of tests/unit/data/pricelists (see tst_pricelists), served over
// https by a local server whose certificate a test CA signed: the summary lists what
// would change, Install writes the catalog (and nothing is written before), a cancelled
// check and a malformed file leave the pricing folder untouched.

#include "actionmanager.h"
#include "cost/costview.h"
#include "cost/priceupdatedialog.h"
#include "cost/pricingcatalog.h"
#include "mainwindow.h"
#include "pricelistserver.h"
#include "testutil.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLabel>
#include <QMutex>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeWidget>
#include <QUrlQuery>
#include <QtTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

const QString kData = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/unit/data/pricelists");
const QString kLambdaOffer = u"/offers/v1.0/aws/AWSLambda/20261101000000/us-east-1/index.json"_s;

QTreeWidgetItem *row(QTreeWidget *tree, const QString &id)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(id, Qt::MatchExactly | Qt::MatchRecursive, 1);
    return found.isEmpty() ? nullptr : found.first();
}

QStringList groups(QTreeWidget *tree)
{
    QStringList names;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        names << tree->topLevelItem(i)->text(0);
    return names;
}

int rowCount(QTreeWidget *tree)
{
    int n = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        n += tree->topLevelItem(i)->childCount();
    return n;
}

} // namespace

class tst_PriceUpdateDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void checkThenInstall();
    void cancelLeavesFolderUntouched();
    void malformedFileShowsError();
    void allNamesShippedCatalogs();
    void costMenuOpensTheDialog();
    void commitmentsShowNotPricedAndHowTheyAreDerived();

private:
    template<typename T>
    static T *child(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void setOverride(const QString &path, const QByteArray &body) { mServer.override(path, body); }
    static bool checked(PriceUpdateDialog &dialog)
    {
        QTest::mouseClick(child<QPushButton>(&dialog, "check"), Qt::LeftButton);
        return QTest::qWaitFor([&] { return !dialog.isChecking(); }, 60000);
    }
    static bool isEmpty(const QString &directory)
    {
        return QDir(directory).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty();
    }

    NimbusTest::PriceListServer mServer;
};

void tst_PriceUpdateDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(mServer.begin(), "openssl and a local https server are needed");
    // What PriceListUpdate's defaults read: the dialog checks against this server.
    qputenv("NIMBUS_AWS_PRICE_LIST_URL", (mServer.origin() + u"/offers/v1.0/aws/index.json"_s).toUtf8());
    qputenv("NIMBUS_AZURE_PRICES_URL", (mServer.origin() + u"/api/retail/prices"_s).toUtf8());
    qputenv("NIMBUS_PRICING_CA_FILE", mServer.caFile().toUtf8());
}

void tst_PriceUpdateDialog::init()
{
    mServer.clear();
}

// Check lists the changed AWS prices, old and new, with their dates, grouped by service;
// nothing is written until Install, which writes a catalog the studio loads.
void tst_PriceUpdateDialog::checkThenInstall()
{
    QTemporaryDir pricing;
    PriceUpdateDialog dialog;
    dialog.setPricingDirectory(pricing.path());
    dialog.setProviders(u"aws"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *install = child<QPushButton>(&dialog, "install");
    QVERIFY(!install->isEnabled());
    QVERIFY(checked(dialog));
    QVERIFY2(dialog.report(), qPrintable(child<QLabel>(&dialog, "status")->text()));

    auto *changes = child<QTreeWidget>(&dialog, "changes");
    QCOMPARE(rowCount(changes), 4);
    const QTreeWidgetItem *storage = row(changes, u"bucket.storage"_s);
    QVERIFY(storage);
    QCOMPARE(storage->text(2), u"0.023"_s);
    QCOMPARE(storage->text(3), u"0.023 / 0.022 / 0.021"_s);
    QCOMPARE(storage->text(4), u"per 1 GB-months"_s);
    QCOMPARE(storage->text(5), u"2026-07-01"_s);
    QCOMPARE(storage->text(6), u"WP9ANXZGBYYSGJEA"_s);
    QVERIFY(storage->toolTip(0).contains("/offers/v1.0/aws/AmazonS3/20261101000000/us-east-1/index.json"_L1));
    QCOMPARE(storage->textAlignment(3), int(Qt::AlignRight | Qt::AlignVCenter));
    const QTreeWidgetItem *publishes = row(changes, u"topic.publishes"_s);
    QVERIFY(publishes);
    QCOMPARE(publishes->text(2), u"0.5"_s);
    QCOMPARE(publishes->text(3), u"0.5 (1,000,000 free)"_s);
    QCOMPARE(publishes->text(5), u"2026-08-01"_s);
    QVERIFY(row(changes, u"table.storage"_s));
    QVERIFY(row(changes, u"function.provisionedCompute.arm64"_s));
    QVERIFY(!row(changes, u"function.requests"_s)); // unchanged
    const QStringList services = groups(changes);
    QCOMPARE(services.size(), 4);
    QVERIFY2(services.first().startsWith("Amazon DynamoDB"_L1) && services.last().startsWith("AWS Lambda"_L1),
             qPrintable(services.join(", "_L1)));
    QStringList sorted = services;
    sorted.sort(Qt::CaseInsensitive);
    QCOMPARE(services, sorted);
    QVERIFY2(child<QLabel>(&dialog, "counts")->text().contains("(us-east-1): 4 changed, "_L1),
             qPrintable(child<QLabel>(&dialog, "counts")->text()));
    QVERIFY(child<QLabel>(&dialog, "headline")->text().startsWith("4 price"_L1));

    child<QCheckBox>(&dialog, "showUnchanged")->setChecked(true);
    QCOMPARE(rowCount(changes), int(dialog.report()->providers.front().prices.size()));
    QCOMPARE(row(changes, u"function.requests"_s)->text(3), u"0.2 (1,000,000 free)"_s);
    child<QCheckBox>(&dialog, "showUnchanged")->setChecked(false);

    QTest::qWait(50); // the layout settles, as a user would see it
    dialog.grab().save(u"/tmp/priceupdate.png"_s);
    QVERIFY(isEmpty(pricing.path())); // nothing written before Install

    QSignalSpy installed(&dialog, &PriceUpdateDialog::installed);
    QVERIFY(install->isEnabled());
    QTest::mouseClick(install, Qt::LeftButton);
    QCOMPARE(installed.count(), 1);
    QCOMPARE(installed.first().first().toString(), pricing.path());
    QVERIFY(!install->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "status")->text().contains("4 price(s) changed"_L1));
    const PricingCatalogs catalogs = PricingCatalogs::load(pricing.path());
    QVERIFY2(catalogs.errors().isEmpty(), qPrintable(catalogs.errors().join('\n'_L1)));
    QCOMPARE(int(catalogs.provider(u"aws"_s)->price(u"bucket.storage"_s)->tiers.size()), 3);
    QCOMPARE(QDir(pricing.path()).entryList(QDir::Files), QStringList{u"aws.json"_s});
}

// A commitment the shipped catalog leaves unpriced reads "not priced" before; a spot
// rate says how it was derived from the on-demand one.
void tst_PriceUpdateDialog::commitmentsShowNotPricedAndHowTheyAreDerived()
{
    qputenv("NIMBUS_AWS_SPOT_ADVISOR_URL", (mServer.origin() + u"/spot/spot-advisor-data.json"_s).toUtf8());
    QTemporaryDir pricing;
    PriceUpdateDialog dialog;
    dialog.setPricingDirectory(pricing.path());
    dialog.setProviders(u"aws"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const bool done = checked(dialog);
    qunsetenv("NIMBUS_AWS_SPOT_ADVISOR_URL");
    QVERIFY(done);
    QVERIFY2(dialog.report(), qPrintable(child<QLabel>(&dialog, "status")->text()));
    auto *changes = child<QTreeWidget>(&dialog, "changes");
    const QTreeWidgetItem *spot = row(changes, u"instance.t3.micro@spot"_s);
    QVERIFY(spot);
    QCOMPARE(spot->text(2), u"not priced"_s);
    QVERIFY(!spot->text(3).isEmpty() && spot->text(3) != spot->text(2));
    QVERIFY2(spot->toolTip(3).contains("spot-advisor-data.json"_L1), qPrintable(spot->toolTip(3)));
}

// Cancel during a check stops it: no summary, nothing to install, the folder untouched.
void tst_PriceUpdateDialog::cancelLeavesFolderUntouched()
{
    setOverride(kLambdaOffer, "SLOW");
    QTemporaryDir pricing;
    PriceUpdateDialog dialog;
    dialog.setPricingDirectory(pricing.path());
    dialog.setProviders(u"aws"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(child<QPushButton>(&dialog, "check"), Qt::LeftButton);
    QVERIFY(dialog.isChecking());
    auto *progress = child<QProgressBar>(&dialog, "progress");
    QVERIFY(progress->isVisible());
    QVERIFY(QTest::qWaitFor([&] { return progress->maximum() > 0 && progress->value() > 0; }, 10000));
    QVERIFY(!child<QPushButton>(&dialog, "check")->isEnabled());
    QTest::mouseClick(child<QPushButton>(&dialog, "cancel"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !dialog.isChecking(); }, 10000));
    QVERIFY(!dialog.report());
    QVERIFY(!progress->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "install")->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "status")->text().contains("cancelled"_L1));
    QCOMPARE(rowCount(child<QTreeWidget>(&dialog, "changes")), 0);
    QVERIFY(isEmpty(pricing.path()));
}

// A malformed offer file ends the check with the reason in words; nothing can be installed.
void tst_PriceUpdateDialog::malformedFileShowsError()
{
    setOverride(kLambdaOffer, "{\"products\": {\"GU2Z");
    QTemporaryDir pricing;
    PriceUpdateDialog dialog;
    dialog.setPricingDirectory(pricing.path());
    dialog.setProviders(u"aws"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(checked(dialog));
    QVERIFY(!dialog.report());
    const QString status = child<QLabel>(&dialog, "status")->text();
    QVERIFY2(status.contains("is not valid JSON"_L1), qPrintable(status));
    QVERIFY2(status.contains("Nothing was installed"_L1), qPrintable(status));
    QVERIFY(child<QLabel>(&dialog, "status")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "install")->isEnabled());
    QVERIFY(isEmpty(pricing.path()));
}

// "All": AWS and Azure, and Google Cloud and Scaleway named with their shipped catalogs' dates.
void tst_PriceUpdateDialog::allNamesShippedCatalogs()
{
    QTemporaryDir pricing;
    PriceUpdateDialog dialog;
    dialog.setPricingDirectory(pricing.path());
    QVERIFY(
        child<QLabel>(&dialog, "shippedNote")->text().contains("Google Cloud, shipped catalog dated 2026-11-01"_L1));
    dialog.setProviders(u"all"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(checked(dialog));
    QVERIFY2(dialog.report(), qPrintable(child<QLabel>(&dialog, "status")->text()));
    QCOMPARE(int(dialog.report()->providers.size()), 2);
    const QString notes = child<QLabel>(&dialog, "notes")->text();
    QVERIFY2(notes.contains("Google Cloud (us-central1 (tier 1))"_L1) && notes.contains("2026-11-01"_L1)
                 && notes.contains("Scaleway"_L1),
             qPrintable(notes));
    const QString counts = child<QLabel>(&dialog, "counts")->text();
    QVERIFY2(counts.contains("Amazon Web Services (us-east-1)"_L1) && counts.contains("Microsoft Azure"_L1),
             qPrintable(counts));
    QVERIFY(isEmpty(pricing.path()));
}

// Cost > Update Prices... opens the dialog on the Cost view's pricing folder; installing
// reloads the view's catalogs.
void tst_PriceUpdateDialog::costMenuOpensTheDialog()
{
    QTemporaryDir pricing;
    MainWindow window;
    window.costView()->setPricingDirectory(pricing.path());
    QVERIFY(window.openExample(u"shop"_s));
    QAction *action = window.actionManager()->action(ActionIds::UpdatePricesFromLists);
    QVERIFY(action);
    QCOMPARE(action->text(), u"Update &Prices..."_s);
    QVERIFY(window.actionManager()->action(ActionIds::UpdatePrices)); // from URL, still there
    action->trigger();
    auto *dialog = window.findChild<PriceUpdateDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->pricingDirectory(), pricing.path());
    dialog->setProviders(u"aws"_s);
    QVERIFY(checked(*dialog));
    QVERIFY(dialog->report());
    auto awsCollected = [&] {
        for (const auto &catalog : window.costView()->report().catalogs)
            if (catalog->provider() == "aws"_L1)
                return catalog->collected();
        return QString();
    };
    window.costView()->recompute();
    QVERIFY(awsCollected() != QDate::currentDate().toString(Qt::ISODate));
    QTest::mouseClick(child<QPushButton>(dialog, "install"), Qt::LeftButton);
    QCOMPARE(awsCollected(), QDate::currentDate().toString(Qt::ISODate));
    QTest::mouseClick(child<QPushButton>(dialog, "close"), Qt::LeftButton);
    QTRY_VERIFY(!window.findChild<PriceUpdateDialog *>());
}

QTEST_MAIN(tst_PriceUpdateDialog)
#include "tst_priceupdatedialog.moc"
