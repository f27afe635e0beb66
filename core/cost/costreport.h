#pragma once

#include "costmodel.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QPair>

#include <memory>
#include <vector>

namespace Nimbus {

// A cost comparison written down: every option's line items and total, the break-even
// and its sensitivity, every assumption, the catalogs' dates and sources. The same
// inputs give the same text. HTML (charts inline), PDF (through QTextDocument) and CSV.
class CostReport
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CostReport)

public:
    // Prices every option at `volume`; the break-even is between options[a] and options[b]
    // (skipped when either index is out of range).
    static CostReport make(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                           int breakEvenA = 0, int breakEvenB = 1);

    QString title;
    QString projectName;
    double volume = 0;
    Workload workload;
    std::vector<CostResult> results;
    bool hasBreakEven = false;
    QString breakEvenA, breakEvenB;
    CostEngine::BreakEven breakEven;
    std::vector<CostEngine::Sensitivity> sensitivity;
    std::vector<std::shared_ptr<const PricingCatalog>> catalogs;
    QList<QPair<QString, QImage>> charts; // title and picture, drawn by the caller

    // inlineImages: data: URLs (a standalone .html); otherwise chartN.png resources.
    QString html(bool inlineImages = true) const;
    QByteArray csv() const;
    QString table() const; // plain text for a terminal
    QJsonObject toJson() const;
    Result<void> writeHtml(const QString &path) const;
    Result<void> writePdf(const QString &path) const;
    Result<void> writeCsv(const QString &path) const;

    // A unit price without exponent, in locale: "0.0000166667" (not 1.66667e-05).
    static QString unitPrice(double value, const QLocale &locale);
    // Formats money as the report does: "USD 1,234.56".
    static QString money(double amount, const QString &currency);
    QStringList assumptions() const;
};

} // namespace Nimbus
