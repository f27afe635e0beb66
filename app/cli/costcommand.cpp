// `nimbus cost`: the cost comparison of a project, or a quick estimate with no project.

#include "commandline.h"

#include "cost/costmodel.h"
#include "cost/costreport.h"
#include "cost/pricingupdater.h"
#include "cost/reportcharts.h"
#include "document/project.h"
#include "model/catalog.h"
#include "runtime/runhistory.h"
#include "storage/projectfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Nimbus {

namespace {

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

} // namespace

int CommandLine::cost(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 tr("A .nimbus or .json project (leave out for a quick estimate)."),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption provider(QStringLiteral("provider"),
                                      tr("Serverless provider: aws (default), azure, gcp or scaleway."),
                                      QStringLiteral("P"), QStringLiteral("aws"));
    const QCommandLineOption vmType(QStringLiteral("vm"),
                                    tr("Instance type of the VM fleet (default: the provider's first)."),
                                    QStringLiteral("TYPE"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        tr("A scenario (.json: volume, traffic shape, per-function values) or hourly request counts (.csv)."),
        QStringLiteral("FILE"));
    const QCommandLineOption shape(QStringLiteral("shape"),
                                   tr("Traffic shape: constant, business-hours, daily-peaks or spike-day."),
                                   QStringLiteral("SHAPE"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output: table (default), json, csv, html or pdf."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Write to FILE (needed for pdf)."), QStringLiteral("FILE"));
    const QCommandLineOption requests(QStringLiteral("requests"), tr("Requests a month."), QStringLiteral("N"));
    const QCommandLineOption duration(QStringLiteral("duration-ms"),
                                      tr("Average duration of one invocation (quick estimate)."), QStringLiteral("D"));
    const QCommandLineOption memory(QStringLiteral("memory-mb"), tr("Memory of the function (quick estimate)."),
                                    QStringLiteral("M"));
    const QCommandLineOption arch(QStringLiteral("arch"), tr("x86_64 (default) or arm64 (quick estimate)."),
                                  QStringLiteral("ARCH"), QStringLiteral("x86_64"));
    const QCommandLineOption freeTier(QStringLiteral("free-tier"), tr("Count the free tier: on (default) or off."),
                                      QStringLiteral("on|off"), QStringLiteral("on"));
    const QCommandLineOption gateway(QStringLiteral("gateway"),
                                     tr("API gateway: none, http or rest (project default: from its routes)."),
                                     QStringLiteral("G"));
    const QCommandLineOption minInstances(QStringLiteral("min-instances"),
                                          tr("Fewest VMs or tasks running (default 2)."), QStringLiteral("N"),
                                          QStringLiteral("2"));
    const QCommandLineOption utilisation(QStringLiteral("utilisation"),
                                         tr("Target CPU utilisation of the fleet, 0-1 (default 0.6)."),
                                         QStringLiteral("U"), QStringLiteral("0.6"));
    const QCommandLineOption discount(QStringLiteral("discount"),
                                      tr("Commitment discount on VMs and tasks, in percent."), QStringLiteral("PCT"),
                                      QStringLiteral("0"));
    const QCommandLineOption peak(QStringLiteral("fixed-fleet"),
                                  tr("Size the fleet for the peak hour all month instead of hour by hour."));
    const QCommandLineOption balancer(QStringLiteral("load-balancer"),
                                      tr("Put a load balancer in front of the fleet."));
    const QCommandLineOption measured(QStringLiteral("measured"), tr("Take durations from the project's local runs."));
    const QCommandLineOption update(QStringLiteral("update-prices"),
                                    tr("Download a pricing catalog (https) and keep it for later estimates."),
                                    QStringLiteral("URL"));
    for (const QCommandLineOption &o :
         {provider, vmType, profile, shape, format, output, requests, duration, memory, arch, freeTier, gateway,
          minInstances, utilisation, discount, peak, balancer, measured, update})
        parser.addOption(o);
    if (const int rc = parseCommand(
            parser, arguments,
            tr("Compares what a project costs a month serverless, on a VM fleet and in containers, "
               "with every line item, the break-even volume and its sensitivity. With no project, "
               "--requests, --duration-ms and --memory-mb price one function."),
            -1, mOut, mErr);
        rc >= 0)
        return rc;
    auto usageError = [&](const QString &message) {
        mErr << "nimbus cost: " << message << '\n';
        return UsageError;
    };

    if (parser.isSet(update)) {
        const Result<QString> updated =
            PricingUpdater::update(QUrl(parser.value(update)), PricingCatalogs::defaultUserDirectory()).result();
        (updated ? mOut : mErr) << (updated ? *updated : updated.errorMessage()) << '\n';
        return updated ? Success : InputError;
    }

    const QString formatName = parser.value(format);
    if (!QStringList{QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("html"),
                     QStringLiteral("pdf")}
             .contains(formatName))
        return usageError(tr("unknown format '%1'; use table, json, csv, html or pdf").arg(formatName));
    if (formatName == QLatin1String("pdf") && !parser.isSet(output))
        return usageError(tr("a PDF needs -o FILE"));
    auto number = [&](const QCommandLineOption &o, double *value, double min) {
        bool ok = false;
        *value = parser.value(o).toDouble(&ok);
        return ok && *value >= min;
    };

    const PricingCatalogs catalogs = PricingCatalogs::load(PricingCatalogs::defaultUserDirectory());
    for (const QString &e : catalogs.errors())
        mErr << "nimbus cost: " << tr("warning: %1").arg(e) << '\n';
    const QString providerId = parser.value(provider);
    const auto catalog = catalogs.provider(providerId);
    if (!catalog)
        return usageError(
            tr("unknown provider '%1'; use %2").arg(providerId, catalogs.providers().join(QStringLiteral(", "))));

    Workload workload;
    Project project(Catalog::builtin());
    const bool hasProject = !parser.positionalArguments().isEmpty();
    double volume = 0;
    if (hasProject) {
        for (const QCommandLineOption &o : {duration, memory})
            if (parser.isSet(o))
                return usageError(tr("--%1 is for a quick estimate without a project").arg(o.names().first()));
        if (!open(parser.positionalArguments().first(), project))
            return InputError;
        workload = Workload::fromArchitecture(project.catalog(), project.architecture());
        if (parser.isSet(measured)) {
            RunHistory history;
            if (!ProjectFile::isJsonPath(project.filePath()) && history.open(project.filePath()))
                workload.useMeasuredDurations(history);
            else
                mErr << "nimbus cost: " << tr("warning: no local runs recorded for this project") << '\n';
        }
    } else {
        double d = 0, m = 0;
        if (!parser.isSet(requests) || !parser.isSet(duration) || !parser.isSet(memory))
            return usageError(tr("give a PROJECT, or --requests, --duration-ms and --memory-mb for a quick estimate"));
        if (!number(duration, &d, 0.001) || !number(memory, &m, 1))
            return usageError(tr("--duration-ms and --memory-mb need positive numbers"));
        const QString a = parser.value(arch);
        if (a != QLatin1String("x86_64") && a != QLatin1String("arm64"))
            return usageError(tr("--arch is x86_64 or arm64, not '%1'").arg(a));
        const QString g = parser.value(gateway);
        workload = Workload::single(0, d, int(m), a, parser.isSet(gateway) && g != QLatin1String("none"));
    }

    if (parser.isSet(profile)) {
        QByteArray data;
        QString error;
        const QString path = parser.value(profile);
        if (!readFile(path, &data, &error)) {
            mErr << "nimbus cost: " << error << '\n';
            return InputError;
        }
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            Result<TrafficProfile> imported = TrafficProfile::fromCsv(data);
            if (!imported) {
                mErr << "nimbus cost: " << QDir::toNativeSeparators(path) << ": " << imported.errorMessage() << '\n';
                return InputError;
            }
            workload.profile = std::move(imported).value();
            // Counts are requests: they give the volume too, scaled to a month.
            workload.monthlyRequests = workload.profile.total() * 730.0 / workload.profile.periodHours();
        } else {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
            const Result<void> applied = doc.isObject() ? workload.applyJson(doc.object()) : Result<void>();
            if (!doc.isObject() || !applied) {
                mErr << "nimbus cost: " << QDir::toNativeSeparators(path) << ": "
                     << (doc.isObject() ? applied.errorMessage() : parseError.errorString()) << '\n';
                return InputError;
            }
            if (hasProject)
                workload.distribute(project.catalog(), project.architecture());
        }
    }
    if (parser.isSet(shape)) {
        TrafficProfile::Shape s;
        if (!TrafficProfile::shapeFromId(parser.value(shape), &s) || s == TrafficProfile::Shape::Imported)
            return usageError(tr("unknown traffic shape '%1'").arg(parser.value(shape)));
        workload.profile = TrafficProfile::fromShape(s);
    }
    volume = workload.monthlyRequests;
    if (parser.isSet(requests) && !number(requests, &volume, 0))
        return usageError(tr("--requests needs a number of zero or more"));
    workload.monthlyRequests = volume;

    CostOption serverless;
    serverless.provider = providerId;
    const QString ft = parser.value(freeTier);
    if (ft != QLatin1String("on") && ft != QLatin1String("off"))
        return usageError(tr("--free-tier is on or off"));
    serverless.freeTier = ft == QLatin1String("on");
    if (parser.isSet(gateway)) {
        serverless.gateway = parser.value(gateway);
        if (!QStringList{QStringLiteral("none"), QStringLiteral("http"), QStringLiteral("rest")}.contains(
                serverless.gateway))
            return usageError(tr("--gateway is none, http or rest"));
    }
    CostOption fleet = serverless;
    fleet.kind = CostOption::Kind::VmFleet;
    fleet.instanceType = parser.isSet(vmType) ? parser.value(vmType) : QString();
    if (!fleet.instanceType.isEmpty() && !catalog->instance(fleet.instanceType)) {
        QStringList types;
        for (const InstanceType &t : catalog->instances())
            types << t.type;
        return usageError(tr("%1 has no instance type '%2'; use one of %3")
                              .arg(catalog->providerName(), fleet.instanceType, types.join(QStringLiteral(", "))));
    }
    double min = 0, util = 0, pct = 0;
    if (!number(minInstances, &min, 0) || !number(utilisation, &util, 0.01) || util > 1 || !number(discount, &pct, 0)
        || pct > 100)
        return usageError(tr("--min-instances, --utilisation (0-1) or --discount (0-100) is out of range"));
    fleet.minInstances = int(min);
    fleet.targetUtilisation = util;
    fleet.commitmentDiscountPct = pct;
    fleet.sizing = parser.isSet(peak) ? CostOption::Sizing::FixedForPeak : CostOption::Sizing::Autoscaled;
    fleet.loadBalancer = parser.isSet(balancer);
    std::vector<CostOption> options{serverless, fleet};
    if (catalog->price(QStringLiteral("containers.vcpu.x86_64"))) {
        CostOption containers = fleet;
        containers.kind = CostOption::Kind::Containers;
        options.push_back(containers);
    }

    const CostEngine engine(workload, catalogs);
    CostReport report = CostReport::make(engine, options, volume, 0, 1);
    report.projectName = hasProject ? project.displayName() : tr("quick estimate");

    QByteArray data;
    if (formatName == QLatin1String("html") || formatName == QLatin1String("pdf"))
        ReportCharts::addToReport(report, engine, options);
    if (formatName == QLatin1String("pdf")) {
        if (const Result<void> written = report.writePdf(parser.value(output)); !written) {
            mErr << "nimbus cost: " << written.errorMessage() << '\n';
            return OutputError;
        }
        return Success;
    }
    if (formatName == QLatin1String("json"))
        data = QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    else if (formatName == QLatin1String("csv"))
        data = report.csv();
    else if (formatName == QLatin1String("html"))
        data = report.html(true).toUtf8();
    else
        data = report.table().toUtf8();
    return writeOutput(data, parser.isSet(output) ? parser.value(output) : QString());
}

} // namespace Nimbus
