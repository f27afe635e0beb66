#pragma once

#include "cost/pricelistupdate.h"
#include "cost/pricingcatalog.h"
#include "result.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace Nimbus {

namespace ActionIds {
// Cost > Update Prices... (beside ActionIds::UpdatePrices, which reads a catalog's address).
inline constexpr char UpdatePricesFromLists[] = "Cost.UpdatePricesFromLists";
} // namespace ActionIds

// Cost > Update Prices...: refreshes the AWS and Azure catalogs from the providers' public
// price lists. Check reads them on a pool thread (PriceListUpdate::check) with progress
// and cancel; the dialog then shows what would change, price by price, and installs the
// refreshed catalogs only when asked. Until then, and after a cancel or an error, the
// catalogs in use stay as they are.
class PriceUpdateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PriceUpdateDialog(QWidget *parent = nullptr);
    ~PriceUpdateDialog() override;

    // Where downloaded catalogs live (the Cost view's); PricingCatalogs::defaultUserDirectory() by default.
    void setPricingDirectory(const QString &directory);
    QString pricingDirectory() const { return mDirectory; }
    // "aws", "azure" or "all".
    void setProviders(const QString &providers);
    QString providers() const;

    bool isChecking() const { return mChecking; } // until the result (or the cancel) is shown
    // The summary shown, once a check has succeeded.
    const std::optional<PriceListReport> &report() const { return mReport; }

public slots:
    // Reads the chosen price lists (the addresses and certificates PriceListUpdate's
    // defaults take from the environment); ignored while a check runs.
    void check();
    void cancelCheck();
    // Writes the refreshed catalogs of the report shown into the pricing directory.
    void install();

signals:
    // Catalogs were installed into directory: whoever shows prices reloads them.
    void installed(const QString &directory);

protected:
    void reject() override; // a running check is cancelled

private:
    void buildUi();
    QWidget *createChoice();
    QWidget *createProgress();
    void createChanges();
    void setChecking(bool checking);
    void checkDone();
    void clearReport();
    void showReport();
    void fillChanges();
    QString countsText() const;
    void showStatus(const QString &text, const QColor &colour);
    void showShippedNote();

    QString mDirectory;
    PricingCatalogs mCatalogs; // as they were when the check started: the "old" prices
    QFutureWatcher<Result<PriceListReport>> mCheck;
    std::optional<PriceListReport> mReport;
    bool mChecking = false;

    QComboBox *mProviders = nullptr;
    QPushButton *mCheckButton = nullptr;
    QLabel *mShippedNote = nullptr;
    QWidget *mProgressRow = nullptr;
    QProgressBar *mProgress = nullptr;
    QLabel *mProgressText = nullptr;
    QPushButton *mCancel = nullptr;
    QLabel *mHeadline = nullptr;
    QTreeWidget *mChanges = nullptr;
    QCheckBox *mShowUnchanged = nullptr;
    QLabel *mCounts = nullptr;
    QLabel *mNotes = nullptr;
    QLabel *mStatus = nullptr;
    QPushButton *mInstall = nullptr;
};

} // namespace Nimbus
