// `nimbus cost`: the cost comparison of a project, or a quick estimate with no project.

#include "commandline.h"

#include "cost/costmodel.h"
#include "cost/costreport.h"
#include "cost/pricelistupdate.h"
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

#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"%1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString()));
    return file.readAll();
}

// The options of nimbus cost.
struct CostOptions
{
    QCommandLineOption provider{u"provider"_s,
                                CommandLine::tr("Serverless provider: aws (default), azure, gcp or scaleway."), u"P"_s,
                                u"aws"_s};
    QCommandLineOption vmType{
        u"vm"_s, CommandLine::tr("Instance type of the VM fleet (default: the provider's first)."), u"TYPE"_s};
    QCommandLineOption profile{
        u"profile"_s,
        CommandLine::tr(
            "A scenario (.json: volume, traffic shape, per-function values) or hourly request counts (.csv)."),
        u"FILE"_s};
    QCommandLineOption shape{
        u"shape"_s, CommandLine::tr("Traffic shape: constant, business-hours, daily-peaks or spike-day."), u"SHAPE"_s};
    QCommandLineOption format{u"format"_s, CommandLine::tr("Output: table (default), json, csv, html or pdf."),
                              u"FORMAT"_s, u"table"_s};
    QCommandLineOption output{QStringList{u"o"_s, u"output"_s}, CommandLine::tr("Write to FILE (needed for pdf)."),
                              u"FILE"_s};
    QCommandLineOption requests{u"requests"_s, CommandLine::tr("Requests a month."), u"N"_s};
    QCommandLineOption duration{u"duration-ms"_s,
                                CommandLine::tr("Average duration of one invocation (quick estimate)."), u"D"_s};
    QCommandLineOption memory{u"memory-mb"_s, CommandLine::tr("Memory of the function (quick estimate)."), u"M"_s};
    QCommandLineOption arch{u"arch"_s, CommandLine::tr("x86_64 (default) or arm64 (quick estimate)."), u"ARCH"_s,
                            u"x86_64"_s};
    QCommandLineOption freeTier{u"free-tier"_s, CommandLine::tr("Count the free tier: on (default) or off."),
                                u"on|off"_s, u"on"_s};
    QCommandLineOption gateway{
        u"gateway"_s, CommandLine::tr("API gateway: none, http or rest (project default: from its routes)."), u"G"_s};
    QCommandLineOption minInstances{u"min-instances"_s, CommandLine::tr("Fewest VMs or tasks running (default 2)."),
                                    u"N"_s, u"2"_s};
    QCommandLineOption utilisation{
        u"utilisation"_s, CommandLine::tr("Target CPU utilisation of the fleet, 0-1 (default 0.6)."), u"U"_s, u"0.6"_s};
    QCommandLineOption discount{u"discount"_s, CommandLine::tr("Commitment discount on VMs and tasks, in percent."),
                                u"PCT"_s, u"0"_s};
    QCommandLineOption commitment{
        u"commitment"_s,
        CommandLine::tr("How the functions and the containers are bought: none (default), savings-plan-1y or "
                        "savings-plan-3y (Compute Savings Plans, no upfront), at the catalog's rates; replaces "
                        "--discount for the containers."),
        u"C"_s, u"none"_s};
    QCommandLineOption vmCommitment{
        u"vm-commitment"_s,
        CommandLine::tr("How the VM fleet is bought: none (default), savings-plan-1y, savings-plan-3y, reserved-1y, "
                        "reserved-3y (standard, no upfront) or spot, at the catalog's rates; replaces --discount."),
        u"C"_s, u"none"_s};
    QCommandLineOption peak{u"fixed-fleet"_s,
                            CommandLine::tr("Size the fleet for the peak hour all month instead of hour by hour.")};
    QCommandLineOption balancer{u"load-balancer"_s, CommandLine::tr("Put a load balancer in front of the fleet.")};
    QCommandLineOption measured{
        u"measured"_s, CommandLine::tr("Take durations from the project's local runs; show what they measured and a "
                                       "right-size memory table.")};
    QCommandLineOption state{
        u"state"_s,
        CommandLine::tr("Where the project's local cloud keeps its state (default: .nimbus-cloud beside the project): "
                        "each state machine's transitions per execution are the mean of the executions it kept."),
        u"DIR"_s};
    QCommandLineOption update{
        u"update-prices"_s,
        CommandLine::tr("Refresh prices from the providers' public price lists (aws, azure or all), or download a "
                        "pricing catalog (an https URL), and keep them for later estimates."),
        u"aws|azure|all|URL"_s};
    QCommandLineOption dryRun{
        u"dry-run"_s, CommandLine::tr("With --update-prices aws|azure|all: show what would change, keep nothing.")};
    QCommandLineOption hiddenLines{
        u"lines"_s,
        CommandLine::tr(
            "The lines real bills hide to count, comma-separated: logs, transfer, nat, table-modes, "
            "storage-classes, all or none (default: nat,table-modes,storage-classes; all with --measured)."),
        u"LIST"_s, u"nat,table-modes,storage-classes"_s};
    QCommandLineOption logRetention{u"log-retention"_s,
                                    CommandLine::tr("Months the logs are kept, with --lines logs (default 1)."),
                                    u"MONTHS"_s, u"1"_s};
    QCommandLineOption apiCache{
        u"api-cache"_s, CommandLine::tr("A REST API cache of this size in GB, for example 0.5 (default: none)."),
        u"GB"_s, u"0"_s};

    void addTo(QCommandLineParser &parser) const
    {
        for (const QCommandLineOption &o :
             {provider, vmType,     profile,      shape,    format,   output,       requests,
              duration, memory,     arch,         freeTier, gateway,  minInstances, utilisation,
              discount, commitment, vmCommitment, peak,     balancer, measured,     update})
            parser.addOption(o);
        parser.addOption(dryRun);
        for (const QCommandLineOption &line : {hiddenLines, logRetention, apiCache, state})
            parser.addOption(line);
    }
};

// A number of at least min, or nothing.
std::optional<double> number(const QCommandLineParser &parser, const QCommandLineOption &o, double min)
{
    bool ok = false;
    const double value = parser.value(o).toDouble(&ok);
    return ok && value >= min ? std::optional<double>(value) : std::nullopt;
}

// --commitment for the functions and the containers, --vm-commitment for the fleet.
Result<void> applyCommitments(const QCommandLineParser &parser, const CostOptions &o, std::vector<CostOption> &options)
{
    for (CostOption &option : options) {
        const QCommandLineOption &given = option.kind == CostOption::Kind::VmFleet ? o.vmCommitment : o.commitment;
        option.commitment = parser.value(given);
        const QStringList allowed = CostOption::commitmentsFor(option.kind);
        if (!allowed.contains(option.commitment))
            return fail(CommandLine::tr("--%1: '%2' is not one of %3")
                            .arg(given.names().constFirst(), option.commitment, allowed.join(u", "_s)));
    }
    return {};
}

// One function priced without a project; the errors are usage errors.
Result<Workload> quickEstimate(const QCommandLineParser &parser, const CostOptions &o)
{
    if (!parser.isSet(o.requests) || !parser.isSet(o.duration) || !parser.isSet(o.memory))
        return fail(
            CommandLine::tr("give a PROJECT, or --requests, --duration-ms and --memory-mb for a quick estimate"));
    const std::optional<double> d = number(parser, o.duration, 0.001), m = number(parser, o.memory, 1);
    if (!d || !m)
        return fail(CommandLine::tr("--duration-ms and --memory-mb need positive numbers"));
    const QString a = parser.value(o.arch);
    if (a != "x86_64"_L1 && a != "arm64"_L1)
        return fail(CommandLine::tr("--arch is x86_64 or arm64, not '%1'").arg(a));
    const QString g = parser.value(o.gateway);
    return Workload::single(0, *d, int(*m), a, parser.isSet(o.gateway) && g != "none"_L1);
}

// A scenario (.json) or request counts (.csv) applied to the workload; the errors are input errors.
Result<void> applyProfile(const QString &path, Workload &workload, const Project *project)
{
    const Result<QByteArray> data = readFile(path);
    if (!data)
        return data.error();
    if (path.endsWith(".csv"_L1, Qt::CaseInsensitive)) {
        Result<TrafficProfile> imported = TrafficProfile::fromCsv(*data);
        if (!imported)
            return fail(QDir::toNativeSeparators(path) + u": "_s + imported.errorMessage());
        workload.profile = std::move(imported).value();
        // Counts are requests: they give the volume too, scaled to a month.
        workload.monthlyRequests = workload.profile.total() * 730.0 / workload.profile.periodHours();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &parseError);
    const Result<void> applied = doc.isObject() ? workload.applyJson(doc.object()) : Result<void>();
    if (!doc.isObject() || !applied)
        return fail(QDir::toNativeSeparators(path) + u": "_s
                    + (doc.isObject() ? applied.errorMessage() : parseError.errorString()));
    if (project)
        workload.distribute(project->catalog(), project->architecture());
    return {};
}

// The output format asked for; the errors are usage errors.
Result<QString> format(const QCommandLineParser &parser, const CostOptions &o)
{
    const QString name = parser.value(o.format);
    if (!QStringList{u"table"_s, u"json"_s, u"csv"_s, u"html"_s, u"pdf"_s}.contains(name))
        return fail(CommandLine::tr("unknown format '%1'; use table, json, csv, html or pdf").arg(name));
    if (name == "pdf"_L1 && !parser.isSet(o.output))
        return fail(CommandLine::tr("a PDF needs -o FILE"));
    return name;
}

// --shape and --requests over what the project or the profile gave; the errors are usage errors.
Result<void> applyShapeAndVolume(const QCommandLineParser &parser, const CostOptions &o, Workload &workload)
{
    if (parser.isSet(o.shape)) {
        TrafficProfile::Shape s;
        if (!TrafficProfile::shapeFromId(parser.value(o.shape), &s) || s == TrafficProfile::Shape::Imported)
            return fail(CommandLine::tr("unknown traffic shape '%1'").arg(parser.value(o.shape)));
        workload.profile = TrafficProfile::fromShape(s);
    }
    if (parser.isSet(o.requests)) {
        const std::optional<double> requests = number(parser, o.requests, 0);
        if (!requests)
            return fail(CommandLine::tr("--requests needs a number of zero or more"));
        workload.monthlyRequests = *requests;
    }
    return {};
}

// --lines, --log-retention and --api-cache: which hidden lines the options count.
Result<void> applyHiddenLines(const QCommandLineParser &parser, const CostOptions &o, CostOption &option)
{
    const QStringList known{u"logs"_s, u"transfer"_s, u"nat"_s, u"table-modes"_s, u"storage-classes"_s};
    // With --measured, what was measured is priced too: the logs the runs wrote, the responses they sent.
    const QString chosen = parser.isSet(o.hiddenLines) || !parser.isSet(o.measured) ? parser.value(o.hiddenLines)
                                                                                    : u"all"_s;
    QStringList lines = chosen.split(u',', Qt::SkipEmptyParts);
    for (QString &line : lines)
        line = line.trimmed();
    if (lines.contains("all"_L1))
        lines = known;
    for (const QString &line : lines)
        if (!known.contains(line) && line != "none"_L1)
            return fail(CommandLine::tr("--lines: '%1' is not one of %2, all or none").arg(line, known.join(u", "_s)));
    option.logs = lines.contains("logs"_L1);
    option.dataTransfer = lines.contains("transfer"_L1);
    option.natGateway = lines.contains("nat"_L1);
    option.tableCapacity = lines.contains("table-modes"_L1);
    option.storageClasses = lines.contains("storage-classes"_L1);
    const std::optional<double> retention = number(parser, o.logRetention, 0), cache = number(parser, o.apiCache, 0);
    if (!retention || !cache)
        return fail(CommandLine::tr("--log-retention and --api-cache take a number of zero or more"));
    option.logRetentionMonths = *retention;
    option.gatewayCacheGb = *cache;
    return {};
}

// Serverless, the VM fleet and (where the catalog prices them) containers; the errors are usage errors.
Result<std::vector<CostOption>> costOptions(const QCommandLineParser &parser, const CostOptions &o,
                                            const PricingCatalog &catalog)
{
    CostOption serverless;
    serverless.provider = parser.value(o.provider);
    const QString ft = parser.value(o.freeTier);
    if (ft != "on"_L1 && ft != "off"_L1)
        return fail(CommandLine::tr("--free-tier is on or off"));
    serverless.freeTier = ft == "on"_L1;
    if (parser.isSet(o.gateway)) {
        serverless.gateway = parser.value(o.gateway);
        if (!QStringList{u"none"_s, u"http"_s, u"rest"_s}.contains(serverless.gateway))
            return fail(CommandLine::tr("--gateway is none, http or rest"));
    }
    if (Result<void> lines = applyHiddenLines(parser, o, serverless); !lines)
        return lines.error();
    CostOption fleet = serverless;
    fleet.kind = CostOption::Kind::VmFleet;
    fleet.instanceType = parser.isSet(o.vmType) ? parser.value(o.vmType) : QString();
    if (!fleet.instanceType.isEmpty() && !catalog.instance(fleet.instanceType)) {
        QStringList types;
        for (const InstanceType &t : catalog.instances())
            types << t.type;
        return fail(CommandLine::tr("%1 has no instance type '%2'; use one of %3")
                        .arg(catalog.providerName(), fleet.instanceType, types.join(u", "_s)));
    }
    const std::optional<double> min = number(parser, o.minInstances, 0), util = number(parser, o.utilisation, 0.01),
                                pct = number(parser, o.discount, 0);
    if (!min || !util || *util > 1 || !pct || *pct > 100)
        return fail(CommandLine::tr("--min-instances, --utilisation (0-1) or --discount (0-100) is out of range"));
    fleet.minInstances = int(*min);
    fleet.targetUtilisation = *util;
    fleet.commitmentDiscountPct = *pct;
    fleet.sizing = parser.isSet(o.peak) ? CostOption::Sizing::FixedForPeak : CostOption::Sizing::Autoscaled;
    fleet.loadBalancer = parser.isSet(o.balancer);
    std::vector<CostOption> options{serverless, fleet};
    if (catalog.price(u"containers.vcpu.x86_64"_s)) {
        CostOption containers = fleet;
        containers.kind = CostOption::Kind::Containers;
        options.push_back(containers);
    }
    if (Result<void> committed = applyCommitments(parser, o, options); !committed)
        return committed.error();
    return options;
}

// The report as the format asks (not PDF, which is written to a file).
QByteArray formatted(const CostReport &report, const QString &formatName)
{
    if (formatName == "json"_L1)
        return QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    if (formatName == "csv"_L1)
        return report.csv();
    if (formatName == "html"_L1)
        return report.html(true).toUtf8();
    return report.table().toUtf8();
}

// `nimbus cost --update-prices`: a provider's price list (aws, azure, all) or a catalog's address.
int updatePrices(const QString &what, bool dryRun, QTextStream &out, QTextStream &err)
{
    using CL = CommandLine;
    const QString userDirectory = PricingCatalogs::defaultUserDirectory();
    // A web address is a catalog in Nimbus's own format, as before the price lists.
    if (what.startsWith("https://"_L1) || what.startsWith("http://"_L1)) {
        if (dryRun) {
            err << "nimbus cost: " << CL::tr("--dry-run goes with --update-prices aws, azure or all") << '\n';
            return CL::UsageError;
        }
        QFuture<Result<QString>> update = PricingUpdater::update(QUrl(what), userDirectory);
        update.waitForFinished(); // the whole job, not only its first result
        const Result<QString> updated = update.result();
        (updated ? out : err) << (updated ? *updated : updated.errorMessage()) << '\n';
        return updated ? CL::Success : CL::InputError;
    }
    if (!PriceListUpdate::isProviderList(what)) {
        err << "nimbus cost: "
            << CL::tr("--update-prices takes aws, azure, all or an https:// address, not '%1'").arg(what) << '\n';
        return CL::UsageError;
    }
    QFuture<Result<PriceListReport>> check = PriceListUpdate::check(what, PricingCatalogs::load(userDirectory),
                                                                    PriceListUpdate::Sources::fromEnvironment(),
                                                                    PriceListUpdate::defaultLimits());
    check.waitForFinished();
    const Result<PriceListReport> report = check.result();
    if (!report) {
        err << "nimbus cost: " << report.errorMessage() << '\n';
        return CL::InputError;
    }
    out << report->text();
    if (dryRun) {
        out << CL::tr("Nothing installed (--dry-run).") << '\n';
        return CL::Success;
    }
    const Result<QString> installed = PriceListUpdate::install(*report, userDirectory);
    if (!installed) {
        err << "nimbus cost: " << installed.errorMessage() << '\n';
        return CL::OutputError;
    }
    out << *installed << '\n';
    return CL::Success;
}

} // namespace

int CommandLine::cost(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project (leave out for a quick estimate)."),
                                 u"[PROJECT]"_s);
    const CostOptions o;
    o.addTo(parser);
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Compares what a project costs a month serverless, on a VM fleet and in containers, "
               "with every line item, the break-even volume and its sensitivity. With no project, "
               "--requests, --duration-ms and --memory-mb price one function."),
            -1))
        return *stop;
    auto usageError = [&](const QString &message) {
        mErr << "nimbus cost: " << message << '\n';
        return UsageError;
    };
    auto inputError = [&](const QString &message) {
        mErr << "nimbus cost: " << message << '\n';
        return InputError;
    };

    if (parser.isSet(o.update))
        return updatePrices(parser.value(o.update), parser.isSet(o.dryRun), mOut, mErr);
    if (parser.isSet(o.dryRun))
        return usageError(tr("--dry-run goes with --update-prices aws, azure or all"));

    const Result<QString> checkedFormat = format(parser, o);
    if (!checkedFormat)
        return usageError(checkedFormat.errorMessage());
    const QString &formatName = *checkedFormat;

    const PricingCatalogs catalogs = PricingCatalogs::load(PricingCatalogs::defaultUserDirectory());
    for (const QString &e : catalogs.errors())
        mErr << "nimbus cost: " << tr("warning: %1").arg(e) << '\n';
    const QString providerId = parser.value(o.provider);
    const auto catalog = catalogs.provider(providerId);
    if (!catalog)
        return usageError(tr("unknown provider '%1'; use %2").arg(providerId, catalogs.providers().join(u", "_s)));

    Workload workload;
    Project project(Catalog::builtin());
    const bool hasProject = !parser.positionalArguments().isEmpty();
    if (hasProject) {
        for (const QCommandLineOption &option : {o.duration, o.memory})
            if (parser.isSet(option))
                return usageError(tr("--%1 is for a quick estimate without a project").arg(option.names().first()));
        if (!open(parser.positionalArguments().first(), project))
            return InputError;
        workload = Workload::fromArchitecture(project.catalog(), project.architecture(), project.directory(),
                                              project.pendingCodeFiles());
        if (parser.isSet(o.measured)) {
            RunHistory history;
            if (!ProjectFile::isJsonPath(project.filePath()) && history.open(project.filePath()))
                workload.useMeasuredInputs(history);
            else
                mErr << "nimbus cost: " << tr("warning: no local runs recorded for this project") << '\n';
        }
        // After local runs the state machines are priced from their executions; the notes and
        // the assumptions say, per machine, whether measured or estimated from the definition.
        const QString state = parser.isSet(o.state) ? parser.value(o.state)
                                                    : Workload::localStateDirectory(project.directory());
        if (const Result<int> executions = workload.useLocalExecutions(state); !executions)
            mErr << "nimbus cost: " << tr("warning: %1").arg(executions.errorMessage()) << '\n';
    } else {
        if (parser.isSet(o.state))
            return usageError(tr("--state goes with a PROJECT"));
        Result<Workload> quick = quickEstimate(parser, o);
        if (!quick)
            return usageError(quick.errorMessage());
        workload = std::move(quick).value();
    }

    if (parser.isSet(o.profile)) {
        if (const Result<void> applied = applyProfile(parser.value(o.profile), workload,
                                                      hasProject ? &project : nullptr);
            !applied)
            return inputError(applied.errorMessage());
    }
    if (const Result<void> adjusted = applyShapeAndVolume(parser, o, workload); !adjusted)
        return usageError(adjusted.errorMessage());
    const double volume = workload.monthlyRequests;

    const Result<std::vector<CostOption>> options = costOptions(parser, o, *catalog);
    if (!options)
        return usageError(options.errorMessage());
    const CostEngine engine(workload, catalogs);
    CostReport report = CostReport::make(engine, *options, volume, 0, 1);
    report.projectName = hasProject ? project.displayName() : tr("quick estimate");
    if (formatName == "html"_L1 || formatName == "pdf"_L1)
        ReportCharts::addToReport(report, engine, *options);
    if (formatName == "pdf"_L1) {
        if (const Result<void> written = report.writePdf(parser.value(o.output)); !written) {
            mErr << "nimbus cost: " << written.errorMessage() << '\n';
            return OutputError;
        }
        return Success;
    }
    return writeOutput(formatted(report, formatName), parser.isSet(o.output) ? parser.value(o.output) : QString());
}

} // namespace Nimbus
