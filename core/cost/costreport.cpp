#include "costreport.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <set>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

// Quantities: whole numbers as such, small ones with enough digits to be checked.
QString quantity(double value)
{
    if (std::abs(value - std::round(value)) < 1e-6)
        return number(value, 0);
    return number(value, std::abs(value) < 10 ? 4 : 2);
}

QByteArray csvField(const QString &text)
{
    QString t = text;
    if (t.contains(','_L1) || t.contains('"'_L1) || t.contains('\n'_L1)) {
        t.replace("\""_L1, "\"\""_L1);
        t = '"'_L1 + t + '"'_L1;
    }
    return t.toUtf8();
}

// The catalog of a provider among those the report used, or null.
const PricingCatalog *catalogOf(const std::vector<std::shared_ptr<const PricingCatalog>> &catalogs,
                                const QString &provider)
{
    for (const auto &c : catalogs)
        if (c->provider() == provider)
            return c.get();
    return nullptr;
}

Result<void> save(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(CostReport::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

double cents(double amount)
{
    return std::round(amount * 100) / 100;
}

} // namespace

QString CostReport::fewRunsWarning(const MeasuredFigure &figure)
{
    if (!figure.fewRuns())
        return {};
    if (figure.runs == 0)
        return tr("no runs");
    return tr("only %n run(s): fewer than %1, a rough figure", nullptr, figure.runs).arg(MeasuredFigure::kFewRuns);
}

QString CostReport::measuredValue(const MeasuredLine &line)
{
    if (!line.measured.known())
        return line.id == "runs"_L1 ? tr("none: typed-in figures priced") : tr("not measured");
    const int decimals = line.unit == "ms"_L1 ? 1 : 0;
    return u"%1 %2"_s.arg(number(line.measured.value, decimals), line.unit);
}

// A right-size cell in words: its cost and assumed duration, or why it cannot be used.
QString CostReport::rightSizeCell(const CostEngine::RightSize::Cell &cell, const QString &currency)
{
    if (cell.tooSmall)
        return tr("too small");
    return tr("%1 (%2 ms)").arg(CostReport::money(cents(cell.monthlyCost), currency), number(cell.durationMs, 1));
}

QString CostReport::rightSizeBase(const CostEngine::RightSize &row)
{
    return row.measured ? tr("%1 ms at %2 MB, mean of %n local run(s)", nullptr, row.runs)
                              .arg(number(row.durationMs, 1))
                              .arg(row.baseMemoryMb)
                        : tr("%1 ms at %2 MB, typed in").arg(number(row.durationMs, 1)).arg(row.baseMemoryMb);
}

std::vector<CostReport::MeasuredLine> CostReport::measuredLines(const Workload &workload)
{
    std::vector<MeasuredLine> lines;
    if (!workload.measured)
        return lines;
    for (const FunctionLoad &f : workload.functions) {
        const FunctionMeasurement &m = f.measured;
        if (m.runs == 0) {
            lines.push_back({f.name, u"runs"_s, tr("local runs"), MeasuredFigure(), QString()});
            continue;
        }
        lines.push_back({f.name, u"durationMeanMs"_s, tr("duration, mean (priced)"), m.meanDurationMs, u"ms"_s});
        lines.push_back({f.name, u"durationP50Ms"_s, tr("duration, p50"), m.p50DurationMs, u"ms"_s});
        lines.push_back({f.name, u"durationP95Ms"_s, tr("duration, p95"), m.p95DurationMs, u"ms"_s});
        lines.push_back({f.name, u"memoryUsedMb"_s, tr("memory used, peak (of %1 MB)").arg(m.memorySettingMb),
                         m.peakMemoryUsedMb, u"MB"_s});
        lines.push_back({f.name, u"logBytes"_s, tr("log bytes per invocation"), m.logBytes, u"B"_s});
        lines.push_back({f.name, u"responseBytes"_s, tr("response size"), m.responseBytes, u"B"_s});
    }
    return lines;
}

QString CostReport::measuredSummary(const Workload &workload)
{
    int runs = 0;
    QStringList few, none;
    for (const FunctionLoad &f : workload.functions) {
        runs += f.measured.runs;
        if (f.measured.runs == 0)
            none << f.name;
        else if (f.measured.meanDurationMs.fewRuns() || f.measured.logBytes.fewRuns())
            few << f.name;
    }
    if (runs == 0)
        return tr("No local runs recorded: invoke the functions or run the local cloud first; typed-in durations "
                  "are priced.");
    QStringList text{tr("Measured from %n local run(s).", nullptr, runs)};
    if (!few.isEmpty())
        text << tr("Warning: fewer than %1 runs behind the figures of %2: treat them as rough.")
                    .arg(MeasuredFigure::kFewRuns)
                    .arg(few.join(u", "_s));
    if (!none.isEmpty())
        text << tr("No runs of %1: their typed-in durations are priced.").arg(none.join(u", "_s));
    return text.join(' '_L1);
}

CostReport CostReport::make(const CostEngine &engine, const std::vector<CostOption> &options, double volume, int a,
                            int b)
{
    CostReport report;
    report.title = tr("Cost comparison");
    report.volume = volume;
    report.workload = engine.workload();
    std::set<QString> providers;
    for (const CostOption &option : options) {
        report.results.push_back(engine.evaluate(option, volume));
        if (providers.insert(option.provider).second)
            if (auto catalog = engine.catalogs().provider(option.provider))
                report.catalogs.push_back(catalog);
    }
    if (report.workload.measured) {
        const auto serverless = std::find_if(
            options.begin(), options.end(), [](const CostOption &o) { return o.kind == CostOption::Kind::Serverless; });
        const auto catalog = serverless == options.end() ? nullptr : engine.catalogs().provider(serverless->provider);
        if (catalog) {
            report.rightSize = engine.rightSize(*serverless, volume);
            report.rightSizeCurrency = catalog->currency();
        }
    }
    const int count = int(options.size());
    if (a >= 0 && b >= 0 && a < count && b < count && a != b && report.results[a].ok() && report.results[b].ok()) {
        report.hasBreakEven = true;
        report.breakEvenA = report.results[a].label;
        report.breakEvenB = report.results[b].label;
        report.breakEven = engine.breakEven(options[a], options[b]);
        report.sensitivity = engine.sensitivity(options[a], options[b]);
    }
    return report;
}

QString CostReport::unitPrice(double value, const QLocale &locale)
{
    // Prices per request or per GB-second are millionths: ten decimals, then the trailing
    // zeros dropped down to two ("0.0000166667", "0.20").
    QString text = locale.toString(value, 'f', 10);
    const QString point = locale.decimalPoint();
    while (text.endsWith(locale.zeroDigit()) && text.indexOf(point) >= 0 && text.indexOf(point) < text.size() - 3)
        text.chop(1);
    return text;
}

QString CostReport::money(double amount, const QString &currency)
{
    return u"%1 %2"_s.arg(currency, number(amount, 2));
}

QStringList CostReport::assumptions() const
{
    QStringList list;
    list << tr("Monthly volume: %1 requests entering the system, with the traffic shape \"%2\" (%3 h period).")
                .arg(number(volume, 0), workload.profile.name(), number(workload.profile.periodHours(), 0));
    for (const EntryPoint &e : workload.entries)
        list << tr("Entry point %1 (%2): weight %3.").arg(e.name, e.service, number(e.weight, 2));
    for (const FunctionLoad &f : workload.functions)
        list << tr("Function %1: %2 invocations a month, %3 ms each (%4), %5 MB, %6, payload %7 KB, provisioned "
                   "concurrency %8.")
                    .arg(f.name, number(f.monthlyInvocations(volume), 0), number(f.durationMs, 1),
                         f.durationMeasured ? tr("mean of local runs") : tr("typed in"), QString::number(f.memoryMb),
                         f.architecture, number(f.payloadKb, 1), QString::number(f.provisionedConcurrency));
    for (const ServiceLoad &s : workload.services)
        list << tr("Service %1 (%2): %3 writes and %4 reads a month, %5 GB stored, items of %6 KB.")
                    .arg(s.name, s.service, number(s.writesPerRequest * volume + s.writesFixed, 0),
                         number(s.readsPerRequest * volume + s.readsFixed, 0), number(s.storedGb, 2),
                         number(s.itemKb, 1));
    for (const WorkflowLoad &w : workload.workflows) {
        QString line = tr("State machine %1 (%2): %3 executions a month, %4 transitions per execution (%5).")
                           .arg(w.name, w.express ? u"Express"_s : u"Standard"_s,
                                number(w.monthlyExecutions(volume), 0), quantity(w.transitionsPerExecution()),
                                w.transitionsOrigin());
        if (w.express)
            line +=
                u" "_s
                + tr("Each execution %1 ms (%2).").arg(number(workload.workflowDurationMs(w), 0), w.durationOrigin());
        list << line;
    }
    for (const CostResult &r : results) {
        const CostOption &o = r.option;
        if (o.kind == CostOption::Kind::Serverless)
            list << tr("%1: free tier %2; gateway %3.")
                        .arg(r.label, o.freeTier ? tr("counted") : tr("not counted"), o.gateway);
        else
            list << tr("%1: %2 sizing, at least %3 instance(s), target CPU utilisation %4 %, commitment discount %5 %, "
                       "load balancer %6.")
                        .arg(r.label,
                             o.sizing == CostOption::Sizing::Autoscaled ? tr("hour-by-hour")
                                                                        : tr("fixed for the peak hour"),
                             QString::number(o.minInstances), number(o.targetUtilisation * 100, 0),
                             number(o.commitmentDiscountPct, 0), o.loadBalancer ? tr("included") : tr("not included"));
        if (o.committed())
            list << u"%1: %2"_s.arg(r.label, CostEngine::commitmentAssumption(o));
        for (const QString &note : r.notes)
            list << u"%1: %2"_s.arg(r.label, note);
    }
    if (workload.measured)
        list << tr("Measured inputs: each function's priced duration is the mean of its successful local runs "
                   "(p50 and p95 by nearest rank beside it); memory used is the most any run reported, log bytes "
                   "and response size are means per invocation. A figure resting on fewer than %1 runs is marked.")
                    .arg(MeasuredFigure::kFewRuns);
    if (!rightSize.empty())
        list << CostEngine::rightSizeAssumption();
    list
        << tr("A month is 730 hours. Durations are billed rounded up as each provider rounds; memory as each provider "
              "rounds.")
        << tr("Fleets are sized by CPU: instances each hour = busiest minute's requests per second x duration / (vCPUs "
              "x target utilisation), never below the minimum.")
        << tr("Managed services (queues, topics, tables, buckets) are the same in every option. A queue consumer makes "
              "one receive and one delete per batch; DynamoDB writes cost one unit per KB, reads one unit per 4 KB.")
        << tr("The API gateway's free calls (first 12 months only) are not counted. Prices exclude taxes; currencies "
              "are not converted.");
    return list;
}

QString CostReport::html(bool inlineImages) const
{
    QString h;
    h += u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"_s.arg(escape(title));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0 1.5em}"
        "td,th{border:1px solid #bbb;padding:3px 8px;font-size:10pt}th{background:#eee}td.n{text-align:right}"
        "tr.total td{font-weight:bold}h2{margin-top:1.5em}</style></head><body>\n");
    h += u"<h1>%1</h1>\n"_s.arg(escape(projectName.isEmpty() ? title : title + u": "_s + projectName));
    h += u"<p>%1</p>\n"_s.arg(escape(tr("%1 requests a month.").arg(number(volume, 0))));

    h += u"<h2>%1</h2>\n<table><tr><th>%2</th><th>%3</th></tr>\n"_s.arg(escape(tr("Summary")), escape(tr("Option")),
                                                                        escape(tr("Monthly cost")));
    for (const CostResult &r : results)
        h += u"<tr><td>%1</td><td class=\"n\">%2</td></tr>\n"_s.arg(
            escape(r.label), escape(r.ok() ? money(r.total(), r.currency) : r.error));
    h += u"</table>\n"_s;

    if (hasBreakEven) {
        h += u"<h2>%1</h2>\n"_s.arg(escape(tr("Break-even")));
        if (breakEven.found)
            h += u"<p>%1</p>\n"_s.arg(
                escape(tr("%1 and %2 cost the same at %3 requests a month (%4 against %5); %6.")
                           .arg(breakEvenA, breakEvenB, number(breakEven.volume, 0), number(breakEven.costA, 2),
                                number(breakEven.costB, 2), breakEven.explanation)));
        else
            h += u"<p>%1</p>\n"_s.arg(escape(breakEven.explanation));
        h += u"<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>\n"_s.arg(escape(tr("Change")), escape(tr("Factor")),
                                                                          escape(tr("Break-even (requests a month)")));
        for (const CostEngine::Sensitivity &s : sensitivity)
            h += u"<tr><td>%1</td><td class=\"n\">x%2</td><td class=\"n\">%3</td></tr>\n"_s.arg(
                escape(s.parameter == "duration"_L1 ? tr("Duration") : tr("Memory")), number(s.factor, 1),
                escape(s.breakEven.found ? number(s.breakEven.volume, 0) : s.breakEven.explanation));
        h += u"</table>\n"_s;
    }

    for (int i = 0; i < charts.size(); ++i) {
        QString src = u"chart%1.png"_s.arg(i);
        if (inlineImages) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            charts.at(i).second.save(&buffer, "PNG");
            src = u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64());
        }
        h += u"<h2>%1</h2>\n<p><img src=\"%2\" width=\"%3\" alt=\"%1\"></p>\n"_s.arg(escape(charts.at(i).first), src)
                 .arg(int(charts.at(i).second.width() / std::max(1.0, charts.at(i).second.devicePixelRatio())));
    }

    for (const CostResult &r : results) {
        h += u"<h2>%1</h2>\n"_s.arg(escape(r.label));
        if (!r.ok()) {
            h += u"<p>%1</p>\n"_s.arg(escape(r.error));
            continue;
        }
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</"
                            "th><th>%8</th></tr>\n")
                 .arg(escape(tr("Group")), escape(tr("Item")), escape(tr("For")), escape(tr("Quantity")),
                      escape(tr("Unit price")), escape(tr("Cost")), escape(tr("Effective")), escape(tr("Source")));
        for (const LineItem &item : r.items)
            h += QStringLiteral(
                     "<tr><td>%1</td><td>%2</td><td>%3</td><td class=\"n\">%4 %5</td><td class=\"n\">%6 / %7</td>"
                     "<td class=\"n\">%8</td><td>%9</td><td>%10</td></tr>\n")
                     .arg(escape(item.group), escape(item.item), escape(item.nodes), quantity(item.quantity),
                          escape(item.unit), unitPrice(item.unitPrice, QLocale::c()), number(item.per, 0),
                          number(item.cost(), 2), item.effective)
                     .arg(escape(item.source));
        h += QStringLiteral("<tr class=\"total\"><td colspan=\"5\">%1</td><td class=\"n\">%2</td><td "
                            "colspan=\"2\"></td></tr></table>\n")
                 .arg(escape(tr("Total")), escape(money(r.total(), r.currency)));
    }

    h += measuredHtml();
    h += u"<h2>%1</h2>\n<ul>\n"_s.arg(escape(tr("Assumptions")));
    for (const QString &a : assumptions())
        h += u"<li>%1</li>\n"_s.arg(escape(a));
    h += u"</ul>\n<h2>%1</h2>\n"_s.arg(escape(tr("Price catalogs")));
    for (const auto &c : catalogs) {
        h += u"<p><b>%1</b>, %2, %3: %4, %5 (%6)</p>\n<ul>\n"_s.arg(
            escape(c->providerName()), escape(c->region()), c->currency(),
            escape(tr("price list version %1").arg(c->priceListVersion())),
            escape(tr("prices collected %1").arg(c->collected())), escape(c->fileName()));
        for (auto it = c->sources().begin(); it != c->sources().end(); ++it)
            h += u"<li>%1: %2</li>\n"_s.arg(escape(it.key()), escape(it.value()));
        h += u"</ul>\n"_s;
    }
    h += u"</body></html>\n"_s;
    return h;
}

QByteArray CostReport::csv() const
{
    QByteArray out = "option,group,item,for,quantity,unit,unit_price,per,cost,currency,price_id,effective,source,"
                     "price_list,price_list_version\n";
    const QLocale c = QLocale::c();
    for (const CostResult &r : results) {
        // Which price list every line comes from: provider and region, and its version.
        const PricingCatalog *catalog = catalogOf(catalogs, r.option.provider);
        const QByteArray priceList = catalog ? csvField(catalog->provider() + ' '_L1 + catalog->region())
                                             : QByteArray();
        const QByteArray version = catalog ? csvField(catalog->priceListVersion()) : QByteArray();
        for (const LineItem &item : r.items) {
            const QList<QByteArray> fields = {csvField(r.label),
                                              csvField(item.group),
                                              csvField(item.item),
                                              csvField(item.nodes),
                                              c.toString(item.quantity, 'f', 6).toUtf8(),
                                              csvField(item.unit),
                                              unitPrice(item.unitPrice, QLocale::c()).toUtf8(),
                                              c.toString(item.per, 'f', 0).toUtf8(),
                                              c.toString(item.cost(), 'f', 2).toUtf8(),
                                              r.currency.toUtf8(),
                                              csvField(item.priceId),
                                              item.effective.toUtf8(),
                                              csvField(item.source),
                                              priceList,
                                              version};
            out += fields.join(',') + '\n';
        }
        out += csvField(r.label) + ",Total,,,,,,," + c.toString(r.total(), 'f', 2).toUtf8() + ',' + r.currency.toUtf8()
               + ",,,," + priceList + ',' + version + '\n';
    }
    return out + measuredCsv();
}

QString CostReport::table() const
{
    QString t;
    for (const CostResult &r : results) {
        t += r.label + '\n'_L1;
        if (!r.ok()) {
            t += u"  %1\n\n"_s.arg(r.error);
            continue;
        }
        // A price billed on several lines (each container's Fargate vCPU) names its node.
        QHash<QString, int> repeats;
        for (const LineItem &item : r.items)
            ++repeats[item.item];
        for (const LineItem &item : r.items) {
            const QString label = repeats.value(item.item) > 1 && !item.nodes.isEmpty()
                                      ? u"%1: %2"_s.arg(item.item, item.nodes)
                                      : item.item;
            t += u"  %1 %2  %3 %4 x %5/%6\n"_s.arg(
                label.leftJustified(58, ' '_L1, true), number(item.cost(), 2).rightJustified(12),
                quantity(item.quantity), item.unit, unitPrice(item.unitPrice, QLocale::c()), number(item.per, 0));
        }
        t += u"  %1 %2\n"_s.arg(tr("Total").leftJustified(58), money(r.total(), r.currency).rightJustified(12));
        for (const QString &note : r.notes)
            t += u"  * %1\n"_s.arg(note);
        t += '\n'_L1;
    }
    if (hasBreakEven) {
        if (breakEven.found)
            t += tr("Break-even: %1 requests a month (%2 = %3 against %4 = %5)\n")
                     .arg(number(breakEven.volume, 0), breakEvenA, number(breakEven.costA, 2), breakEvenB,
                          number(breakEven.costB, 2));
        else
            t += tr("Break-even: none; %1\n").arg(breakEven.explanation);
    }
    for (const auto &c : catalogs) {
        t += tr("Price list: %1 (%2, %3), version %4, prices collected %5\n")
                 .arg(c->providerName(), c->provider(), c->region(), c->priceListVersion(), c->collected());
        for (auto it = c->sources().begin(); it != c->sources().end(); ++it)
            t += u"  %1: %2\n"_s.arg(it.key(), it.value());
    }
    return t + measuredTable();
}

QJsonObject CostReport::toJson() const
{
    QJsonArray options;
    for (const CostResult &r : results) {
        QJsonArray items;
        for (const LineItem &item : r.items)
            items.append(QJsonObject{{u"group"_s, item.group},
                                     {u"item"_s, item.item},
                                     {u"for"_s, item.nodes},
                                     {u"quantity"_s, item.quantity},
                                     {u"unit"_s, item.unit},
                                     {u"unitPrice"_s, item.unitPrice},
                                     {u"per"_s, item.per},
                                     {u"cost"_s, item.cost()},
                                     {u"priceId"_s, item.priceId},
                                     {u"effective"_s, item.effective},
                                     {u"source"_s, item.source}});
        QJsonObject o{{u"label"_s, r.label},       {u"option"_s, r.option.toJson()},
                      {u"currency"_s, r.currency}, {u"total"_s, r.total()},
                      {u"items"_s, items},         {u"notes"_s, QJsonArray::fromStringList(r.notes)}};
        if (!r.ok())
            o.insert(u"error"_s, r.error);
        options.append(o);
    }
    QJsonObject root{{u"monthlyRequests"_s, volume},
                     {u"options"_s, options},
                     {u"workload"_s, workload.toJson()},
                     {u"assumptions"_s, QJsonArray::fromStringList(assumptions())}};
    if (hasBreakEven) {
        QJsonArray rows;
        for (const CostEngine::Sensitivity &s : sensitivity)
            rows.append(QJsonObject{{u"parameter"_s, s.parameter},
                                    {u"factor"_s, s.factor},
                                    {u"found"_s, s.breakEven.found},
                                    {u"volume"_s, s.breakEven.found ? QJsonValue(s.breakEven.volume) : QJsonValue()}});
        root.insert(u"breakEven"_s,
                    QJsonObject{{u"between"_s, QJsonArray{breakEvenA, breakEvenB}},
                                {u"found"_s, breakEven.found},
                                {u"volume"_s, breakEven.found ? QJsonValue(breakEven.volume) : QJsonValue()},
                                {u"costs"_s, QJsonArray{breakEven.costA, breakEven.costB}},
                                {u"explanation"_s, breakEven.explanation},
                                {u"sensitivity"_s, rows}});
    }
    QJsonArray catalogList;
    for (const auto &c : catalogs) {
        QJsonObject sources;
        for (auto it = c->sources().begin(); it != c->sources().end(); ++it)
            sources.insert(it.key(), it.value());
        catalogList.append(QJsonObject{{u"provider"_s, c->provider()},
                                       {u"region"_s, c->region()},
                                       {u"currency"_s, c->currency()},
                                       {u"priceListVersion"_s, c->priceListVersion()},
                                       {u"collected"_s, c->collected()},
                                       {u"sources"_s, sources},
                                       {u"file"_s, c->fileName()}});
    }
    root.insert(u"catalogs"_s, catalogList);
    if (workload.measured)
        root.insert(u"measured"_s, measuredJson());
    if (!rightSize.empty())
        root.insert(u"rightSize"_s, rightSizeJson());
    return root;
}

QString CostReport::measuredHtml() const
{
    if (!workload.measured)
        return {};
    QString h = u"<h2>%1</h2>\n<p>%2</p>\n"_s.arg(escape(tr("Measured from local runs")),
                                                  escape(measuredSummary(workload)));
    h += u"<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n"_s.arg(
        escape(tr("Function")), escape(tr("Figure")), escape(tr("Value")), escape(tr("Runs")), escape(tr("Warning")));
    for (const MeasuredLine &line : measuredLines(workload))
        h += u"<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td><td class=\"n\">%4</td><td>%5</td></tr>\n"_s.arg(
            escape(line.function), escape(line.figure), escape(measuredValue(line)),
            QString::number(line.measured.runs), escape(fewRunsWarning(line.measured)));
    h += u"</table>\n"_s;
    if (rightSize.empty())
        return h;
    h += u"<h2>%1</h2>\n<p>%2</p>\n<table><tr><th>%3</th><th>%4</th>"_s.arg(
        escape(tr("Right-size memory")), escape(CostEngine::rightSizeAssumption()), escape(tr("Function")),
        escape(tr("Measured")));
    for (int mb : CostEngine::rightSizeMemoriesMb())
        h += u"<th>%1</th>"_s.arg(escape(tr("%1 MB").arg(mb)));
    h += u"</tr>\n"_s;
    for (const CostEngine::RightSize &row : rightSize) {
        h += u"<tr><td>%1</td><td>%2</td>"_s.arg(escape(row.function), escape(rightSizeBase(row)));
        for (size_t i = 0; i < row.cells.size(); ++i) {
            const QString cell = escape(rightSizeCell(row.cells[i], rightSizeCurrency));
            h += int(i) == row.cheapest ? u"<td class=\"n\"><b>%1</b></td>"_s.arg(cell)
                                        : u"<td class=\"n\">%1</td>"_s.arg(cell);
        }
        h += u"</tr>\n"_s;
    }
    return h + u"</table>\n"_s;
}

QByteArray CostReport::measuredCsv() const
{
    if (!workload.measured)
        return {};
    const QLocale c = QLocale::c();
    QByteArray out = "\nmeasured,function,figure,value,unit,runs,warning\n";
    for (const MeasuredLine &line : measuredLines(workload))
        out += "measured," + csvField(line.function) + ',' + line.id.toUtf8() + ','
               + (line.measured.known() ? c.toString(line.measured.value, 'f', 3).toUtf8() : QByteArray()) + ','
               + line.unit.toUtf8() + ',' + QByteArray::number(line.measured.runs) + ','
               + csvField(fewRunsWarning(line.measured)) + '\n';
    if (rightSize.empty())
        return out;
    out += "\nright_size,function,memory_mb,duration_ms,monthly_cost,currency,too_small,cheapest\n";
    for (const CostEngine::RightSize &row : rightSize)
        for (size_t i = 0; i < row.cells.size(); ++i) {
            const CostEngine::RightSize::Cell &cell = row.cells[i];
            out += "right_size," + csvField(row.function) + ',' + QByteArray::number(cell.memoryMb) + ','
                   + c.toString(cell.durationMs, 'f', 3).toUtf8() + ','
                   + c.toString(cents(cell.monthlyCost), 'f', 2).toUtf8() + ',' + rightSizeCurrency.toUtf8() + ','
                   + (cell.tooSmall ? "yes" : "no") + ',' + (int(i) == row.cheapest ? "yes" : "no") + '\n';
        }
    return out;
}

QString CostReport::measuredTable() const
{
    if (!workload.measured)
        return {};
    QString t = u"\n%1\n  %2\n"_s.arg(tr("Measured from local runs"), measuredSummary(workload));
    for (const MeasuredLine &line : measuredLines(workload)) {
        const QString warning = fewRunsWarning(line.measured);
        t += u"  %1 %2 %3  %4%5\n"_s.arg(
            line.function.leftJustified(20, ' '_L1, true), line.figure.leftJustified(32, ' '_L1, true),
            measuredValue(line).rightJustified(14), tr("%n run(s)", nullptr, line.measured.runs),
            warning.isEmpty() ? QString() : u"  ! "_s + warning);
    }
    if (rightSize.empty())
        return t;
    t += u"\n%1\n  %2\n"_s.arg(tr("Right-size memory (monthly cost of each function, %1)").arg(rightSizeCurrency),
                               CostEngine::rightSizeAssumption());
    for (const CostEngine::RightSize &row : rightSize) {
        t += u"  %1 %2\n"_s.arg(row.function, rightSizeBase(row));
        for (size_t i = 0; i < row.cells.size(); ++i)
            t += u"    %1 %2%3\n"_s.arg(tr("%1 MB").arg(row.cells[i].memoryMb).rightJustified(8),
                                        rightSizeCell(row.cells[i], rightSizeCurrency),
                                        int(i) == row.cheapest ? tr("  <- cheapest") : QString());
    }
    return t;
}

QJsonObject CostReport::measuredJson() const
{
    QJsonObject functions;
    for (const MeasuredLine &line : measuredLines(workload)) {
        if (line.id == "runs"_L1)
            continue; // a function without runs: its runs (0) follow
        QJsonObject f = functions.value(line.function).toObject();
        QJsonObject figure{{u"runs"_s, line.measured.runs},
                           {u"unit"_s, line.unit},
                           {u"value"_s, line.measured.known() ? QJsonValue(line.measured.value) : QJsonValue()},
                           {u"fewRuns"_s, line.measured.fewRuns()}};
        if (line.measured.fewRuns())
            figure.insert(u"warning"_s, fewRunsWarning(line.measured));
        f.insert(line.id, figure);
        functions.insert(line.function, f);
    }
    for (const FunctionLoad &f : workload.functions) {
        QJsonObject o = functions.value(f.name).toObject();
        o.insert(u"runs"_s, f.measured.runs);
        o.insert(u"memorySettingMb"_s, f.measured.memorySettingMb);
        functions.insert(f.name, o);
    }
    return QJsonObject{{u"summary"_s, measuredSummary(workload)},
                       {u"fewRunsBelow"_s, MeasuredFigure::kFewRuns},
                       {u"functions"_s, functions}};
}

QJsonObject CostReport::rightSizeJson() const
{
    QJsonArray rows;
    for (const CostEngine::RightSize &row : rightSize) {
        QJsonArray sizes;
        for (const CostEngine::RightSize::Cell &cell : row.cells)
            sizes.append(QJsonObject{{u"memoryMb"_s, cell.memoryMb},
                                     {u"durationMs"_s, cell.durationMs},
                                     {u"monthlyCost"_s, cents(cell.monthlyCost)},
                                     {u"tooSmall"_s, cell.tooSmall}});
        // What the sizes are scaled from: the duration at a memory size, measured or typed in.
        const QJsonObject base{{u"durationMs"_s, row.durationMs},
                               {u"memoryMb"_s, row.baseMemoryMb},
                               {u"measured"_s, row.measured},
                               {u"runs"_s, row.runs}};
        const QJsonValue cheapest = row.cheapest >= 0 ? QJsonValue(row.cells[size_t(row.cheapest)].memoryMb)
                                                      : QJsonValue();
        rows.append(QJsonObject{{u"function"_s, row.function},
                                {u"memoryMb"_s, row.memoryMb},
                                {u"from"_s, base},
                                {u"peakMemoryUsedMb"_s, row.peakMemoryUsedMb},
                                {u"cheapestMb"_s, cheapest},
                                {u"sizes"_s, sizes}});
    }
    return QJsonObject{{u"assumption"_s, CostEngine::rightSizeAssumption()},
                       {u"currency"_s, rightSizeCurrency},
                       {u"functions"_s, rows}};
}

Result<void> CostReport::writeHtml(const QString &path) const
{
    return save(path, html(true).toUtf8());
}

Result<void> CostReport::writeCsv(const QString &path) const
{
    return save(path, csv());
}

Result<void> CostReport::writePdf(const QString &path) const
{
    QTextDocument document;
    for (int i = 0; i < charts.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(u"chart%1.png"_s.arg(i)), charts.at(i).second);
    document.setHtml(html(false));
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(title);
        writer.setCreator(u"Nimbus Studio"_s);
        writer.setResolution(150);
        document.setPageSize(QSizeF(writer.width(), writer.height()));
        document.print(&writer);
    }
    if (pdf.isEmpty())
        return fail(tr("the PDF could not be made"));
    return save(path, pdf);
}

} // namespace Nimbus
