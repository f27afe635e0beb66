#include "priceupdatedialog.h"

#include "cost/pricelists.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

enum Column { PriceColumn, IdColumn, OldColumn, NewColumn, UnitColumn, EffectiveColumn, SkuColumn, ColumnCount };

// A price as people write it, in the user's locale: 0.0000166667, not 1.66667e-05.
QString amount(double value)
{
    QString plain = QString::number(value, 'f', 12);
    while (plain.endsWith('0'_L1))
        plain.chop(1);
    if (plain.endsWith('.'_L1))
        plain.chop(1);
    const int dot = int(plain.indexOf('.'_L1));
    return QLocale().toString(value, 'f', dot < 0 ? 0 : int(plain.size()) - dot - 1);
}

QString bandsText(const std::vector<PriceTier> &tiers, double free)
{
    QStringList bands;
    for (const PriceTier &t : tiers)
        bands << amount(t.price);
    const QString text = bands.join(u" / "_s);
    return free > 0 ? PriceUpdateDialog::tr("%1 (%2 free)").arg(text, amount(free)) : text;
}

// One change's old and new figures and their unit, from the catalog in use and the refreshed one.
struct Figures
{
    QString oldText, newText, unit;
};

Figures figures(const PriceChange &c, const PricingCatalog *old, const PricingCatalog *fresh)
{
    if (c.instance) {
        const InstanceType *before = old ? old->instance(c.id) : nullptr;
        const InstanceType *after = fresh ? fresh->instance(c.id) : nullptr;
        if (before && after)
            return {amount(before->hourly), amount(after->hourly), PriceUpdateDialog::tr("per hour")};
    } else {
        const Price *before = old ? old->price(c.id) : nullptr;
        const Price *after = fresh ? fresh->price(c.id) : nullptr;
        if (before && after)
            return {before->priced() ? bandsText(before->tiers, before->free) : PriceUpdateDialog::tr("not priced"),
                    bandsText(after->tiers, after->free),
                    PriceUpdateDialog::tr("per %1 %2").arg(amount(after->per), PricingCatalog::text(after->unit))};
    }
    return {c.oldValue, c.newValue, QString()};
}

// The service of each price id (and of the instance types) in a provider's price list.
QMap<QString, QString> servicesById(const QString &provider)
{
    QMap<QString, QString> services;
    const Result<PriceLists::Mappings> mappings = PriceLists::mappings();
    if (!mappings)
        return services;
    for (const PriceListService &s : provider == "azure"_L1 ? mappings->azure : mappings->aws) {
        for (const PriceListService::Rule &r : s.rules)
            services.insert(r.id, s.name);
        if (s.instances)
            services.insert(QString(), s.name); // the key of instance types
    }
    return services;
}

QTreeWidgetItem *changeItem(const PriceChange &c, const Figures &f, const QColor &muted)
{
    auto *item = new QTreeWidgetItem;
    item->setText(PriceColumn,
                  c.instance ? PriceUpdateDialog::tr("Instance %1").arg(c.id) : PricingCatalog::text(c.name));
    item->setText(IdColumn, c.id);
    item->setText(OldColumn, f.oldText);
    item->setText(NewColumn, f.newText);
    item->setText(UnitColumn, f.unit);
    item->setText(EffectiveColumn, c.effective);
    item->setText(SkuColumn, c.sku);
    for (int column : {OldColumn, NewColumn})
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    const QString source = PriceUpdateDialog::tr("From %1").arg(c.source.toString());
    for (int column = 0; column < ColumnCount; ++column)
        item->setToolTip(column, source);
    item->setToolTip(OldColumn, PriceUpdateDialog::tr("In use: %1").arg(c.oldValue));
    // A derived rate says how it was derived (spot from on demand, a reservation per hour).
    const QString note = c.note.isEmpty() ? QString() : u"\n"_s + c.note;
    item->setToolTip(NewColumn, PriceUpdateDialog::tr("From the price list: %1\n%2").arg(c.newValue, source) + note);
    item->setToolTip(PriceColumn, source + note);
    if (c.changed) {
        QFont bold = item->font(NewColumn);
        bold.setBold(true);
        item->setFont(NewColumn, bold);
    } else {
        for (int column = 0; column < ColumnCount; ++column)
            item->setForeground(column, muted);
    }
    return item;
}

// Columns as wide as their contents; when they do not fit, each up to a width that keeps
// the table on screen, a longer text (many tiers, several SKUs) elided and whole in its tooltip.
void fitColumns(QTreeWidget *tree)
{
    const int em = tree->fontMetrics().horizontalAdvance(u'M');
    const int widest[ColumnCount] = {24 * em, 20 * em, 14 * em, 15 * em, 15 * em, 8 * em, 14 * em};
    int total = 0;
    for (int column = 0; column < ColumnCount; ++column) {
        tree->resizeColumnToContents(column);
        total += tree->columnWidth(column);
    }
    if (total <= tree->viewport()->width())
        return;
    for (int column = 0; column < ColumnCount - 1; ++column)
        tree->setColumnWidth(column, std::min(tree->columnWidth(column), widest[column]));
}

// A service's row above its prices: bold, on a faint tint of the highlight.
QTreeWidgetItem *groupItem(QTreeWidget *tree, const QString &text)
{
    auto *group = new QTreeWidgetItem(tree, {text});
    group->setFirstColumnSpanned(true);
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    const QPalette palette = tree->palette();
    group->setBackground(0, Theme::mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.12));
    return group;
}

} // namespace

PriceUpdateDialog::PriceUpdateDialog(QWidget *parent)
    : QDialog(parent), mDirectory(PricingCatalogs::defaultUserDirectory())
{
    setObjectName(u"priceUpdateDialog"_s);
    setWindowTitle(tr("Update Prices"));
    buildUi();
    connect(&mCheck, &QFutureWatcherBase::progressRangeChanged, mProgress, &QProgressBar::setRange);
    connect(&mCheck, &QFutureWatcherBase::progressValueChanged, mProgress, &QProgressBar::setValue);
    connect(&mCheck, &QFutureWatcherBase::progressTextChanged, mProgressText, &QLabel::setText);
    connect(&mCheck, &QFutureWatcherBase::finished, this, &PriceUpdateDialog::checkDone);
    mCatalogs = PricingCatalogs::load(mDirectory);
    showShippedNote();
    resize(1240, 660);
}

PriceUpdateDialog::~PriceUpdateDialog()
{
    // The check holds copies of what it reads: it ends on its own once cancelled.
    mCheck.disconnect(this);
    mCheck.cancel();
}

void PriceUpdateDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Reads the providers' public price lists and shows what would change. "
                                "Nothing is kept until you choose Install."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(createChoice());
    layout->addWidget(createProgress());
    createChanges();
    mHeadline = new QLabel;
    mHeadline->setObjectName(u"headline"_s);
    mHeadline->setWordWrap(true);
    QFont strong = mHeadline->font();
    strong.setBold(true);
    mHeadline->setFont(strong);
    layout->addWidget(mHeadline);
    layout->addWidget(mChanges, 1);
    layout->addWidget(mShowUnchanged);
    for (QLabel **label : {&mCounts, &mNotes, &mShippedNote, &mStatus}) {
        *label = new QLabel;
        (*label)->setWordWrap(true);
        (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(*label);
    }
    mCounts->setObjectName(u"counts"_s);
    mNotes->setObjectName(u"notes"_s);
    mShippedNote->setObjectName(u"shippedNote"_s);
    QPalette quiet = mShippedNote->palette();
    quiet.setColor(QPalette::WindowText, Theme::muted());
    mShippedNote->setPalette(quiet);
    mStatus->setObjectName(u"status"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    mInstall = buttons->addButton(tr("Install"), QDialogButtonBox::AcceptRole);
    mInstall->setObjectName(u"install"_s);
    mInstall->setToolTip(tr("Keep the refreshed prices: the Cost view uses them from now on"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"close"_s);
    connect(mInstall, &QPushButton::clicked, this, &PriceUpdateDialog::install);
    connect(buttons, &QDialogButtonBox::rejected, this, &PriceUpdateDialog::reject);
    layout->addWidget(buttons);
    clearReport();
}

QWidget *PriceUpdateDialog::createChoice()
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Price list:"));
    mProviders = new QComboBox;
    mProviders->setObjectName(u"providers"_s);
    mProviders->addItem(tr("AWS (Price List Bulk API)"), u"aws"_s);
    mProviders->addItem(tr("Azure (Retail Prices API)"), u"azure"_s);
    mProviders->addItem(tr("All: AWS and Azure"), u"all"_s);
    label->setBuddy(mProviders);
    mCheckButton = new QPushButton(tr("&Check"));
    mCheckButton->setObjectName(u"check"_s);
    mCheckButton->setDefault(true);
    mCheckButton->setToolTip(tr("Download the price lists and compare them with the prices in use"));
    connect(mCheckButton, &QPushButton::clicked, this, &PriceUpdateDialog::check);
    connect(mProviders, &QComboBox::currentIndexChanged, this, &PriceUpdateDialog::clearReport);
    layout->addWidget(label);
    layout->addWidget(mProviders);
    layout->addWidget(mCheckButton);
    layout->addStretch(1);
    return row;
}

QWidget *PriceUpdateDialog::createProgress()
{
    mProgressRow = new QWidget;
    auto *layout = new QHBoxLayout(mProgressRow);
    layout->setContentsMargins(0, 0, 0, 0);
    mProgress = new QProgressBar;
    mProgress->setObjectName(u"progress"_s);
    mProgress->setFormat(tr("%v of %m files"));
    mProgressText = new QLabel;
    mProgressText->setObjectName(u"progressText"_s);
    mCancel = new QPushButton(tr("Cancel"));
    mCancel->setObjectName(u"cancel"_s);
    mCancel->setToolTip(tr("Stop reading the price lists; the prices in use stay as they are"));
    connect(mCancel, &QPushButton::clicked, this, &PriceUpdateDialog::cancelCheck);
    layout->addWidget(mProgress, 1);
    layout->addWidget(mProgressText, 2);
    layout->addWidget(mCancel);
    mProgressRow->hide();
    return mProgressRow;
}

void PriceUpdateDialog::createChanges()
{
    mChanges = new QTreeWidget;
    mChanges->setObjectName(u"changes"_s);
    mChanges->setColumnCount(ColumnCount);
    mChanges->setHeaderLabels(
        {tr("Price"), tr("Price id"), tr("Old price"), tr("New price"), tr("Unit"), tr("Effective"), tr("SKU")});
    for (int column : {OldColumn, NewColumn})
        mChanges->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    mChanges->setRootIsDecorated(false);
    mChanges->setItemsExpandable(false);
    mChanges->setIndentation(12);
    mChanges->setUniformRowHeights(true);
    mChanges->setAlternatingRowColors(true);
    mChanges->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QHeaderView *header = mChanges->header();
    header->setStretchLastSection(true);
    header->setTextElideMode(Qt::ElideRight);
    mChanges->setTextElideMode(Qt::ElideMiddle);
    mShowUnchanged = new QCheckBox(tr("Show &unchanged prices"));
    mShowUnchanged->setObjectName(u"showUnchanged"_s);
    connect(mShowUnchanged, &QCheckBox::toggled, this, &PriceUpdateDialog::fillChanges);
}

void PriceUpdateDialog::setPricingDirectory(const QString &directory)
{
    mDirectory = directory;
    mCatalogs = PricingCatalogs::load(mDirectory);
    showShippedNote();
}

void PriceUpdateDialog::setProviders(const QString &providers)
{
    const int index = mProviders->findData(providers);
    if (index >= 0)
        mProviders->setCurrentIndex(index);
}

QString PriceUpdateDialog::providers() const
{
    return mProviders->currentData().toString();
}

void PriceUpdateDialog::check()
{
    if (isChecking())
        return;
    clearReport();
    mCatalogs = PricingCatalogs::load(mDirectory);
    setChecking(true);
    mProgress->setRange(0, 0);
    mProgressText->setText(tr("Connecting..."));
    mCheck.setFuture(PriceListUpdate::check(providers(), mCatalogs, PriceListUpdate::Sources::fromEnvironment(),
                                            PriceListUpdate::defaultLimits()));
}

void PriceUpdateDialog::cancelCheck()
{
    if (!isChecking())
        return;
    mProgressText->setText(tr("Cancelling..."));
    mCancel->setEnabled(false);
    mCheck.cancel();
}

void PriceUpdateDialog::reject()
{
    cancelCheck();
    QDialog::reject();
}

void PriceUpdateDialog::setChecking(bool checking)
{
    mChecking = checking;
    mProgressRow->setVisible(checking);
    mCancel->setEnabled(checking);
    mCheckButton->setEnabled(!checking);
    mProviders->setEnabled(!checking);
}

void PriceUpdateDialog::checkDone()
{
    setChecking(false);
    if (mCheck.isCanceled() || mCheck.future().resultCount() == 0) {
        showStatus(tr("Check cancelled. Nothing was installed; the prices in use are unchanged."), Theme::warning());
        return;
    }
    const Result<PriceListReport> report = mCheck.result();
    if (!report) {
        showStatus(report.errorMessage(), Theme::failure());
        return;
    }
    mReport = *report;
    showReport();
}

void PriceUpdateDialog::clearReport()
{
    mReport.reset();
    mChanges->clear();
    mChanges->setEnabled(false);
    mShowUnchanged->setEnabled(false);
    mHeadline->setText(tr("Choose a price list and Check: the prices that would change are listed here."));
    mCounts->clear();
    mNotes->clear();
    mNotes->hide();
    mStatus->clear();
    mStatus->hide();
    mShippedNote->show();
    mInstall->setEnabled(false);
}

void PriceUpdateDialog::showReport()
{
    int changed = 0;
    for (const ProviderPriceUpdate &u : mReport->providers)
        changed += u.changedCount();
    mHeadline->setText(
        changed == 0 ? tr("No price changed: the prices in use match the price lists.")
                     : tr("%n price(s) would change. Nothing is kept until you choose Install.", nullptr, changed));
    fillChanges();
    mChanges->setEnabled(true);
    mShowUnchanged->setEnabled(true);
    mCounts->setText(countsText());
    mNotes->setText(mReport->shippedOnly.join('\n'_L1));
    mNotes->setVisible(!mReport->shippedOnly.isEmpty());
    mShippedNote->setVisible(mReport->shippedOnly.isEmpty()); // the report's notes say it with the region
    mInstall->setEnabled(true);
    mInstall->setDefault(true);
}

// The changes grouped by provider and service, services in alphabetical order.
void PriceUpdateDialog::fillChanges()
{
    mChanges->clear();
    if (!mReport)
        return;
    const QColor muted = Theme::muted(mChanges->palette());
    for (const ProviderPriceUpdate &u : mReport->providers) {
        const QMap<QString, QString> services = servicesById(u.provider);
        const auto old = mCatalogs.provider(u.provider);
        const auto fresh = PricingCatalog::parse(u.catalog, u.provider + u".json"_s);
        // "Amazon S3" before "AWS Lambda", as people sort.
        auto byName = [](const QString &a, const QString &b) {
            return QString::compare(a, b, Qt::CaseInsensitive) < 0;
        };
        std::map<QString, std::vector<const PriceChange *>, decltype(byName)> byService(byName);
        for (const PriceChange &c : u.prices)
            if (c.changed || mShowUnchanged->isChecked())
                byService[services.value(c.instance ? QString() : c.id, tr("Other"))].push_back(&c);
        for (auto &[service, changes] : byService) {
            // With several providers, each service says whose it is.
            QTreeWidgetItem *group = groupItem(
                mChanges, mReport->providers.size() == 1 ? service : tr("%1 — %2").arg(service, u.providerName));
            std::sort(changes.begin(), changes.end(),
                      [](const PriceChange *a, const PriceChange *b) { return a->id < b->id; });
            for (const PriceChange *c : changes)
                group->addChild(changeItem(*c, figures(*c, old.get(), fresh ? fresh->get() : nullptr), muted));
        }
    }
    mChanges->expandAll();
    fitColumns(mChanges);
}

QString PriceUpdateDialog::countsText() const
{
    QStringList lines;
    for (const ProviderPriceUpdate &u : mReport->providers) {
        const int changed = u.changedCount();
        lines << tr("%1 (%2): %3 changed, %4 unchanged, %5 kept (not in the list), %6 unmapped SKU(s), %7 "
                    "service(s) skipped.")
                     .arg(u.providerName, u.region)
                     .arg(changed)
                     .arg(int(u.prices.size()) - changed)
                     .arg(u.missing.size())
                     .arg(u.unmapped.size())
                     .arg(u.skipped.size());
        if (!u.missing.isEmpty())
            lines << tr("    Kept as they are: %1").arg(u.missing.join(u", "_s));
        for (const QString &s : u.skipped)
            lines << tr("    Skipped %1").arg(s);
        if (!u.notInCatalog.isEmpty())
            lines << tr("    Not read (the catalog has no prices for them): %1").arg(u.notInCatalog.join(u", "_s));
    }
    return lines.join('\n'_L1);
}

void PriceUpdateDialog::install()
{
    if (!mReport || isChecking())
        return;
    const Result<QString> installed = PriceListUpdate::install(*mReport, mDirectory);
    if (!installed) {
        showStatus(tr("Prices not installed: %1").arg(installed.errorMessage()), Theme::failure());
        return;
    }
    mInstall->setEnabled(false);
    showStatus(*installed, Theme::success());
    emit this->installed(mDirectory);
}

void PriceUpdateDialog::showStatus(const QString &text, const QColor &colour)
{
    QPalette palette = mStatus->palette();
    palette.setColor(QPalette::WindowText, Theme::readable(colour, palette));
    mStatus->setPalette(palette);
    mStatus->setText(text);
    mStatus->show();
}

// The providers whose catalog is shipped only, with its date.
void PriceUpdateDialog::showShippedNote()
{
    QStringList shipped;
    for (const QString &id : mCatalogs.providers())
        if (!PriceListUpdate::isProviderList(id))
            shipped << tr("%1, shipped catalog dated %2")
                           .arg(mCatalogs.provider(id)->providerName(), mCatalogs.provider(id)->collected());
    mShippedNote->setText(shipped.isEmpty()
                              ? QString()
                              : tr("No public price list is read for the other providers; their catalogs stay in use "
                                   "(%1).")
                                    .arg(shipped.join(u"; "_s)));
}

} // namespace Nimbus
