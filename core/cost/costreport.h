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
    // With measured inputs (workload.measured): each function at each memory size, priced
    // on the first serverless option, in its currency.
    std::vector<CostEngine::RightSize> rightSize;
    QString rightSizeCurrency;

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

    // One measured figure of a function as the report words it.
    struct MeasuredLine
    {
        QString function;
        QString id; // durationP50Ms, durationP95Ms, memoryUsedMb, logBytes, responseBytes
        QString figure; // in words
        MeasuredFigure measured;
        QString unit;
    };
    // The measured figures of every function (none unless workload.measured).
    static std::vector<MeasuredLine> measuredLines(const Workload &workload);
    // "Measured from N local runs" for the whole workload, with the functions resting on too few.
    static QString measuredSummary(const Workload &workload);
    // "only N runs: fewer than 10 ..." for a figure resting on too few runs, or nothing.
    static QString fewRunsWarning(const MeasuredFigure &figure);
    // The figure's value and unit, or "not measured".
    static QString measuredValue(const MeasuredLine &line);
    // A right-size cell: its monthly cost and assumed duration, or "too small".
    static QString rightSizeCell(const CostEngine::RightSize::Cell &cell, const QString &currency);
    // What a right-size row starts from: "120 ms at 512 MB, mean of 12 local runs".
    static QString rightSizeBase(const CostEngine::RightSize &row);

private:
    // The measured figures and the right-size table in each format (empty without them).
    QString measuredHtml() const;
    QByteArray measuredCsv() const;
    QString measuredTable() const;
    QJsonObject measuredJson() const;
    QJsonObject rightSizeJson() const;
};

} // namespace Nimbus
