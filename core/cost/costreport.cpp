#include "costreport.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

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

} // namespace

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
        for (const QString &note : r.notes)
            list << u"%1: %2"_s.arg(r.label, note);
    }
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
    return out;
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
        for (const LineItem &item : r.items)
            t += u"  %1 %2  %3 %4 x %5/%6\n"_s.arg(
                item.item.leftJustified(58, ' '_L1, true), number(item.cost(), 2).rightJustified(12),
                quantity(item.quantity), item.unit, unitPrice(item.unitPrice, QLocale::c()), number(item.per, 0));
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
    return t;
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
    return root;
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
