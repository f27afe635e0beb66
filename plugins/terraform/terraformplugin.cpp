#include "terraformplugin.h"

#include "awscommon.h"
#include "export/exportmodel.h"
#include "export/hclwriter.h"

namespace Nimbus::Terraform {

namespace {

using H = HclValue;

QString tfName(const Node *node)
{
    return ExportModel::snakeCase(node->name);
}

QString serviceType(const Node *node)
{
    if (node->kind == QLatin1String("table"))
        return QStringLiteral("aws_dynamodb_table");
    if (node->kind == QLatin1String("queue"))
        return QStringLiteral("aws_sqs_queue");
    if (node->kind == QLatin1String("topic"))
        return QStringLiteral("aws_sns_topic");
    if (node->kind == QLatin1String("bucket"))
        return QStringLiteral("aws_s3_bucket");
    return QStringLiteral("aws_lambda_function");
}

QString reference(const Node *node, const QString &attribute)
{
    return serviceType(node) + QLatin1Char('.') + tfName(node) + QLatin1Char('.') + attribute;
}

// An attribute that holds a JSON document (a policy): the HCL object, jsonencode()d.
H jsonEncode(const H &value)
{
    return H::expression(QStringLiteral("jsonencode(%1)").arg(QString::fromUtf8(value.write(1))));
}

// A resource's name: every one starts with the name_prefix variable.
H prefixedName(const QString &name)
{
    return H::templateString(QStringLiteral("${var.name_prefix}-") + name);
}

// main.tf and variables.tf of one design, a resource family at a time: the settings,
// the services (functions refer to them), each function with its role and triggers,
// then what several functions share (bucket notifications, the HTTP API).
class TerraformWriter
{
public:
    TerraformWriter(const ExportModel &model, ExportOutput &output) : mModel(model), mOutput(output) { }

    void writeSettings(const QString &region, const QString &namePrefix);
    void writeQueue(const Node *node);
    void writeTopic(const Node *node);
    void writeTable(const Node *node);
    void writeBucket(const Node *node);
    void writeFunction(const ExportFunction &f);
    void writeBucketNotification(const Node *bucket);
    void writeHttpApi();

    QByteArray main() const { return mMain.text(); }
    QByteArray variables() const { return mVariables.text(); }

private:
    void beginVariable(const QString &name, const QString &description);
    void writeRole(const ExportFunction &f);
    QList<QPair<QString, H>> environment(const ExportFunction &f);
    H environmentValue(const ExportFunction &f, const EnvironmentVariable &var) const;
    void writeTrigger(const ExportFunction &f, const Node *trigger);
    void writeSchedule(const QString &link, const QString &function, const Node *schedule);
    void writeRoute(const QString &link, const QString &function, const Node *route);
    void writePermission(const QString &link, const QString &function, const QString &principal,
                         const QString &sourceArn);

    const ExportModel &mModel;
    ExportOutput &mOutput;
    HclWriter mMain;
    HclWriter mVariables;
    QList<const Node *> mRoutes; // the HTTP API is written once, after every route
};

void TerraformWriter::writeSettings(const QString &region, const QString &namePrefix)
{
    mMain.beginBlock(QStringLiteral("terraform"));
    mMain.attribute(QStringLiteral("required_version"), H::string(QStringLiteral(">= 1.5")));
    mMain.beginBlock(QStringLiteral("required_providers"));
    mMain.attribute(QStringLiteral("aws"),
                    H::object({{QStringLiteral("source"), H::string(QStringLiteral("hashicorp/aws"))},
                               {QStringLiteral("version"), H::string(QStringLiteral("~> 5.0"))}}));
    mMain.attribute(QStringLiteral("archive"),
                    H::object({{QStringLiteral("source"), H::string(QStringLiteral("hashicorp/archive"))},
                               {QStringLiteral("version"), H::string(QStringLiteral("~> 2.4"))}}));
    mMain.endBlock();
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("provider"), {QStringLiteral("aws")});
    mMain.attribute(QStringLiteral("region"), H::expression(QStringLiteral("var.region")));
    mMain.endBlock();

    beginVariable(QStringLiteral("region"), QStringLiteral("AWS region to deploy to"));
    mVariables.attribute(QStringLiteral("default"), H::string(region));
    mVariables.endBlock();
    beginVariable(QStringLiteral("name_prefix"), QStringLiteral("Prefix of every resource name"));
    mVariables.attribute(QStringLiteral("default"), H::string(namePrefix));
    mVariables.endBlock();
}

// A string variable of variables.tf, left open for its default or its sensitivity.
void TerraformWriter::beginVariable(const QString &name, const QString &description)
{
    mVariables.beginBlock(QStringLiteral("variable"), {name});
    mVariables.attribute(QStringLiteral("description"), H::string(description));
    mVariables.attribute(QStringLiteral("type"), H::expression(QStringLiteral("string")));
}

void TerraformWriter::writeQueue(const Node *node)
{
    const QString name = tfName(node);
    const QString fifo = mModel.boolean(node, "fifo") ? QStringLiteral(".fifo") : QString();
    const QString label = ExportModel::dnsLabel(node->name);
    mMain.beginBlock(QStringLiteral("resource"),
                     {QStringLiteral("aws_sqs_queue"), name + QLatin1String("_dead_letters")});
    mMain.attribute(QStringLiteral("name"), prefixedName(label + QLatin1String("-dead-letters") + fifo));
    if (!fifo.isEmpty())
        mMain.attribute(QStringLiteral("fifo_queue"), H::boolean(true));
    mMain.attribute(QStringLiteral("message_retention_seconds"), H::number(1209600));
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sqs_queue"), name});
    mMain.attribute(QStringLiteral("name"), prefixedName(label + fifo));
    if (!fifo.isEmpty())
        mMain.attribute(QStringLiteral("fifo_queue"), H::boolean(true));
    mMain.attribute(QStringLiteral("visibility_timeout_seconds"),
                    H::number(mModel.integer(node, "visibilityTimeout", 30)));
    mMain.attribute(QStringLiteral("message_retention_seconds"),
                    H::number(mModel.integer(node, "messageRetention", 345600)));
    mMain.attribute(QStringLiteral("delay_seconds"), H::number(mModel.integer(node, "delay", 0)));
    mMain.attribute(QStringLiteral("redrive_policy"),
                    jsonEncode(H::object(
                        {{QStringLiteral("deadLetterTargetArn"),
                          H::expression(QStringLiteral("aws_sqs_queue.%1_dead_letters.arn").arg(name))},
                         {QStringLiteral("maxReceiveCount"), H::number(mModel.integer(node, "maxReceiveCount", 5))}})));
    mMain.endBlock();
}

void TerraformWriter::writeTopic(const Node *node)
{
    const bool fifo = mModel.boolean(node, "fifo");
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sns_topic"), tfName(node)});
    mMain.attribute(QStringLiteral("name"),
                    prefixedName(ExportModel::dnsLabel(node->name) + (fifo ? QStringLiteral(".fifo") : QString())));
    const QString displayName = mModel.string(node, "displayName");
    if (!displayName.isEmpty())
        mMain.attribute(QStringLiteral("display_name"), H::string(displayName));
    if (fifo)
        mMain.attribute(QStringLiteral("fifo_topic"), H::boolean(true));
    mMain.endBlock();
}

void TerraformWriter::writeTable(const Node *node)
{
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_dynamodb_table"), tfName(node)});
    mMain.attribute(QStringLiteral("name"), prefixedName(ExportModel::dnsLabel(node->name)));
    const QString billing = mModel.string(node, "billingMode", QStringLiteral("PAY_PER_REQUEST"));
    mMain.attribute(QStringLiteral("billing_mode"), H::string(billing));
    if (billing == QLatin1String("PROVISIONED")) {
        mMain.attribute(QStringLiteral("read_capacity"), H::number(5));
        mMain.attribute(QStringLiteral("write_capacity"), H::number(5));
    }
    mMain.attribute(QStringLiteral("hash_key"), H::string(mModel.string(node, "partitionKey", QStringLiteral("id"))));
    const QString sortKey = mModel.string(node, "sortKey");
    if (!sortKey.isEmpty())
        mMain.attribute(QStringLiteral("range_key"), H::string(sortKey));
    const QString stream = mModel.string(node, "stream", QStringLiteral("NONE"));
    if (stream != QLatin1String("NONE")) {
        mMain.attribute(QStringLiteral("stream_enabled"), H::boolean(true));
        mMain.attribute(QStringLiteral("stream_view_type"), H::string(stream));
    }
    for (const auto &[keyProperty, typeProperty] :
         {std::pair{"partitionKey", "partitionKeyType"}, std::pair{"sortKey", "sortKeyType"}}) {
        const QString key = mModel.string(node, keyProperty);
        if (key.isEmpty())
            continue;
        mMain.beginBlock(QStringLiteral("attribute"));
        mMain.attribute(QStringLiteral("name"), H::string(key));
        mMain.attribute(QStringLiteral("type"), H::string(mModel.string(node, typeProperty, QStringLiteral("S"))));
        mMain.endBlock();
    }
    mMain.endBlock();
}

void TerraformWriter::writeBucket(const Node *node)
{
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket"), tfName(node)});
    mMain.attribute(QStringLiteral("bucket"), prefixedName(ExportModel::dnsLabel(node->name)));
    mMain.endBlock();
    if (!mModel.boolean(node, "versioning"))
        return;
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_versioning"), tfName(node)});
    mMain.attribute(QStringLiteral("bucket"), H::expression(reference(node, QStringLiteral("id"))));
    mMain.beginBlock(QStringLiteral("versioning_configuration"));
    mMain.attribute(QStringLiteral("status"), H::string(QStringLiteral("Enabled")));
    mMain.endBlock();
    mMain.endBlock();
}

// The function's zip, its role, the function and what invokes it.
void TerraformWriter::writeFunction(const ExportFunction &f)
{
    const QString name = tfName(f.node);
    mMain.beginBlock(QStringLiteral("data"), {QStringLiteral("archive_file"), name});
    mMain.attribute(QStringLiteral("type"), H::string(QStringLiteral("zip")));
    mMain.attribute(QStringLiteral("source_dir"),
                    H::templateString(QStringLiteral("${path.module}/") + H::literal(f.source)));
    mMain.attribute(QStringLiteral("output_path"),
                    H::templateString(QStringLiteral("${path.module}/build/%1.zip").arg(H::literal(f.node->name))));
    mMain.endBlock();

    writeRole(f);

    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_lambda_function"), name});
    mMain.attribute(QStringLiteral("function_name"), prefixedName(H::literal(f.node->name)));
    mMain.attribute(QStringLiteral("role"), H::expression(QStringLiteral("aws_iam_role.%1.arn").arg(name)));
    mMain.attribute(QStringLiteral("handler"), H::string(f.handler));
    mMain.attribute(QStringLiteral("runtime"), H::string(f.runtime));
    mMain.attribute(QStringLiteral("architectures"), H::stringList({Aws::lambdaArchitecture(f.architecture)}));
    mMain.attribute(QStringLiteral("memory_size"), H::number(f.memory));
    mMain.attribute(QStringLiteral("timeout"), H::number(f.timeout));
    if (!f.description.isEmpty())
        mMain.attribute(QStringLiteral("description"), H::string(f.description));
    if (f.reservedConcurrency)
        mMain.attribute(QStringLiteral("reserved_concurrent_executions"), H::number(*f.reservedConcurrency));
    mMain.attribute(QStringLiteral("filename"),
                    H::expression(QStringLiteral("data.archive_file.%1.output_path").arg(name)));
    mMain.attribute(QStringLiteral("source_code_hash"),
                    H::expression(QStringLiteral("data.archive_file.%1.output_base64sha256").arg(name)));
    if (!f.environment.isEmpty()) {
        const QList<QPair<QString, H>> vars = environment(f);
        mMain.beginBlock(QStringLiteral("environment"));
        mMain.attribute(QStringLiteral("variables"), H::object(vars));
        mMain.endBlock();
    }
    mMain.endBlock();

    for (const Node *trigger : f.triggers)
        writeTrigger(f, trigger);
}

// Lambda may assume the role, write logs, and do what the function's connections need.
void TerraformWriter::writeRole(const ExportFunction &f)
{
    const QString name = tfName(f.node);
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_iam_role"), name});
    mMain.attribute(QStringLiteral("name"), prefixedName(ExportModel::dnsLabel(f.node->name)));
    const H principal = H::object({{QStringLiteral("Service"), H::string(QStringLiteral("lambda.amazonaws.com"))}});
    mMain.attribute(
        QStringLiteral("assume_role_policy"),
        jsonEncode(H::object(
            {{QStringLiteral("Version"), H::string(QStringLiteral("2012-10-17"))},
             {QStringLiteral("Statement"),
              H::list({H::object({{QStringLiteral("Effect"), H::string(QStringLiteral("Allow"))},
                                  {QStringLiteral("Principal"), principal},
                                  {QStringLiteral("Action"), H::string(QStringLiteral("sts:AssumeRole"))}})})}})));
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("resource"),
                     {QStringLiteral("aws_iam_role_policy_attachment"), name + QLatin1String("_logs")});
    mMain.attribute(QStringLiteral("role"), H::expression(QStringLiteral("aws_iam_role.%1.name").arg(name)));
    mMain.attribute(QStringLiteral("policy_arn"),
                    H::string(QStringLiteral("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")));
    mMain.endBlock();

    const QList<Aws::IamStatement> statements = Aws::iamStatements(f);
    if (statements.isEmpty())
        return;
    QList<H> list;
    for (const Aws::IamStatement &s : statements) {
        const QString attribute = s.attribute == QLatin1String("StreamArn") ? QStringLiteral("stream_arn")
                                                                            : QStringLiteral("arn");
        const QString ref = reference(s.service, attribute);
        list.append(
            H::object({{QStringLiteral("Effect"), H::string(QStringLiteral("Allow"))},
                       {QStringLiteral("Action"), H::stringList(s.actions)},
                       {QStringLiteral("Resource"),
                        s.suffix.isEmpty() ? H::expression(ref)
                                           : H::templateString(QStringLiteral("${%1}%2").arg(ref, s.suffix))}}));
    }
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_iam_role_policy"), name});
    mMain.attribute(QStringLiteral("name"), H::string(QStringLiteral("access")));
    mMain.attribute(QStringLiteral("role"), H::expression(QStringLiteral("aws_iam_role.%1.id").arg(name)));
    mMain.attribute(QStringLiteral("policy"),
                    jsonEncode(H::object({{QStringLiteral("Version"), H::string(QStringLiteral("2012-10-17"))},
                                          {QStringLiteral("Statement"), H::list(list)}})));
    mMain.endBlock();
}

// The function's variables; a secret becomes a sensitive variable of variables.tf.
QList<QPair<QString, H>> TerraformWriter::environment(const ExportFunction &f)
{
    QList<QPair<QString, H>> vars;
    for (const EnvironmentVariable &var : f.environment) {
        if (!var.secret) {
            vars.append({var.name, environmentValue(f, var)});
            continue;
        }
        const QString variable = ExportModel::snakeCase(f.node->name + QLatin1Char('_') + var.name);
        vars.append({var.name, H::expression(QStringLiteral("var.") + variable)});
        beginVariable(variable, QStringLiteral("Secret %1 of the function %2").arg(var.name, f.node->name));
        mVariables.attribute(QStringLiteral("sensitive"), H::boolean(true));
        mVariables.endBlock();
    }
    return vars;
}

// A value naming a connected service (its canvas name, or an ARN ending in it) refers to
// the deployed resource, whose name carries the prefix.
H TerraformWriter::environmentValue(const ExportFunction &f, const EnvironmentVariable &var) const
{
    H value = H::string(var.value);
    QList<const Node *> related;
    for (const FunctionAccess &a : f.accesses)
        related.append(a.service);
    related.append(f.triggers);
    for (const Node *service : std::as_const(related)) {
        if (service->kind == QLatin1String("http-route") || service->kind == QLatin1String("schedule"))
            continue;
        if (var.value == service->name)
            value = H::expression(reference(service, service->kind == QLatin1String("bucket") ? QStringLiteral("bucket")
                                                     : service->kind == QLatin1String("function")
                                                         ? QStringLiteral("function_name")
                                                         : QStringLiteral("name")));
        else if (var.value.startsWith(QLatin1String("arn:")) && var.value.endsWith(QLatin1Char(':') + service->name))
            value = H::expression(reference(service, QStringLiteral("arn")));
    }
    return value;
}

void TerraformWriter::writeTrigger(const ExportFunction &f, const Node *trigger)
{
    const QString name = tfName(f.node);
    const QString link = name + QLatin1Char('_') + tfName(trigger);
    if (trigger->kind == QLatin1String("queue") || trigger->kind == QLatin1String("table")) {
        const bool table = trigger->kind == QLatin1String("table");
        mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_lambda_event_source_mapping"), link});
        mMain.attribute(
            QStringLiteral("event_source_arn"),
            H::expression(reference(trigger, table ? QStringLiteral("stream_arn") : QStringLiteral("arn"))));
        mMain.attribute(QStringLiteral("function_name"),
                        H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(name)));
        if (!table)
            mMain.attribute(QStringLiteral("batch_size"), H::number(mModel.integer(trigger, "batchSize", 10)));
        else
            mMain.attribute(QStringLiteral("starting_position"), H::string(QStringLiteral("LATEST")));
        mMain.endBlock();
    } else if (trigger->kind == QLatin1String("topic")) {
        mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sns_topic_subscription"), link});
        mMain.attribute(QStringLiteral("topic_arn"), H::expression(reference(trigger, QStringLiteral("arn"))));
        mMain.attribute(QStringLiteral("protocol"), H::string(QStringLiteral("lambda")));
        mMain.attribute(QStringLiteral("endpoint"),
                        H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(name)));
        mMain.endBlock();
        writePermission(link, name, QStringLiteral("sns.amazonaws.com"), reference(trigger, QStringLiteral("arn")));
    } else if (trigger->kind == QLatin1String("bucket")) {
        writePermission(link, name, QStringLiteral("s3.amazonaws.com"), reference(trigger, QStringLiteral("arn")));
    } else if (trigger->kind == QLatin1String("schedule")) {
        writeSchedule(link, name, trigger);
    } else if (trigger->kind == QLatin1String("http-route")) {
        writeRoute(link, name, trigger);
    } else {
        mOutput.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                    TerraformPlugin::tr("%1 (%2) cannot invoke a function in this export; it is not exported")
                        .arg(trigger->name, trigger->kind),
                    trigger->id);
    }
}

void TerraformWriter::writeSchedule(const QString &link, const QString &function, const Node *schedule)
{
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_cloudwatch_event_rule"), link});
    mMain.attribute(QStringLiteral("name"), prefixedName(ExportModel::dnsLabel(schedule->name)));
    mMain.attribute(QStringLiteral("schedule_expression"), H::string(mModel.string(schedule, "expression")));
    const QString description = mModel.string(schedule, "description");
    if (!description.isEmpty())
        mMain.attribute(QStringLiteral("description"), H::string(description));
    mMain.attribute(
        QStringLiteral("state"),
        H::string(mModel.boolean(schedule, "enabled", true) ? QStringLiteral("ENABLED") : QStringLiteral("DISABLED")));
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_cloudwatch_event_target"), link});
    mMain.attribute(QStringLiteral("rule"),
                    H::expression(QStringLiteral("aws_cloudwatch_event_rule.%1.name").arg(link)));
    mMain.attribute(QStringLiteral("arn"), H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(function)));
    mMain.endBlock();
    writePermission(link, function, QStringLiteral("events.amazonaws.com"),
                    QStringLiteral("aws_cloudwatch_event_rule.%1.arn").arg(link));
}

void TerraformWriter::writeRoute(const QString &link, const QString &function, const Node *route)
{
    mRoutes.append(route);
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_integration"), link});
    mMain.attribute(QStringLiteral("api_id"), H::expression(QStringLiteral("aws_apigatewayv2_api.http.id")));
    mMain.attribute(QStringLiteral("integration_type"), H::string(QStringLiteral("AWS_PROXY")));
    mMain.attribute(QStringLiteral("integration_uri"),
                    H::expression(QStringLiteral("aws_lambda_function.%1.invoke_arn").arg(function)));
    mMain.attribute(QStringLiteral("payload_format_version"),
                    H::string(mModel.string(route, "payloadFormat", QStringLiteral("2.0"))));
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_route"), link});
    mMain.attribute(QStringLiteral("api_id"), H::expression(QStringLiteral("aws_apigatewayv2_api.http.id")));
    mMain.attribute(QStringLiteral("route_key"),
                    H::string(mModel.string(route, "method", QStringLiteral("GET")) + QLatin1Char(' ')
                              + mModel.string(route, "path", QStringLiteral("/"))));
    mMain.attribute(QStringLiteral("target"),
                    H::templateString(QStringLiteral("integrations/${aws_apigatewayv2_integration.%1.id}").arg(link)));
    mMain.endBlock();
    writePermission(link, function, QStringLiteral("apigateway.amazonaws.com"),
                    QStringLiteral("${aws_apigatewayv2_api.http.execution_arn}/*/*"));
}

// Lets a service invoke the function; sourceArn is a reference, or a template when it
// holds an interpolation.
void TerraformWriter::writePermission(const QString &link, const QString &function, const QString &principal,
                                      const QString &sourceArn)
{
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_lambda_permission"), link});
    mMain.attribute(QStringLiteral("action"), H::string(QStringLiteral("lambda:InvokeFunction")));
    mMain.attribute(QStringLiteral("function_name"),
                    H::expression(QStringLiteral("aws_lambda_function.%1.function_name").arg(function)));
    mMain.attribute(QStringLiteral("principal"), H::string(principal));
    mMain.attribute(QStringLiteral("source_arn"),
                    sourceArn.contains(QLatin1String("${")) ? H::templateString(sourceArn) : H::expression(sourceArn));
    mMain.endBlock();
}

// One notification configuration per bucket, listing every function it invokes.
void TerraformWriter::writeBucketNotification(const Node *bucket)
{
    const QList<const Node *> consumers = mModel.consumers(bucket);
    if (consumers.isEmpty())
        return;
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_notification"), tfName(bucket)});
    mMain.attribute(QStringLiteral("bucket"), H::expression(reference(bucket, QStringLiteral("id"))));
    const QString events = mModel.string(bucket, "events");
    QStringList eventList;
    if (events != QLatin1String("ObjectRemoved"))
        eventList.append(QStringLiteral("s3:ObjectCreated:*"));
    if (events != QLatin1String("ObjectCreated"))
        eventList.append(QStringLiteral("s3:ObjectRemoved:*"));
    QList<H> depends;
    for (const Node *consumer : consumers) {
        mMain.beginBlock(QStringLiteral("lambda_function"));
        mMain.attribute(QStringLiteral("lambda_function_arn"),
                        H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(tfName(consumer))));
        mMain.attribute(QStringLiteral("events"), H::stringList(eventList));
        const QString prefix = mModel.string(bucket, "prefix");
        const QString suffix = mModel.string(bucket, "suffix");
        if (!prefix.isEmpty())
            mMain.attribute(QStringLiteral("filter_prefix"), H::string(prefix));
        if (!suffix.isEmpty())
            mMain.attribute(QStringLiteral("filter_suffix"), H::string(suffix));
        mMain.endBlock();
        depends.append(
            H::expression(QStringLiteral("aws_lambda_permission.%1_%2").arg(tfName(consumer), tfName(bucket))));
    }
    mMain.attribute(QStringLiteral("depends_on"), H::list(depends));
    mMain.endBlock();
}

// The HTTP API every route belongs to, with CORS for the methods of routes that ask for it.
void TerraformWriter::writeHttpApi()
{
    if (mRoutes.isEmpty())
        return;
    QStringList corsMethods;
    for (const Node *route : std::as_const(mRoutes))
        if (mModel.boolean(route, "cors") && !corsMethods.contains(mModel.string(route, "method")))
            corsMethods.append(mModel.string(route, "method"));
    corsMethods.sort();
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_api"), QStringLiteral("http")});
    mMain.attribute(QStringLiteral("name"), H::expression(QStringLiteral("var.name_prefix")));
    mMain.attribute(QStringLiteral("protocol_type"), H::string(QStringLiteral("HTTP")));
    if (!corsMethods.isEmpty()) {
        mMain.beginBlock(QStringLiteral("cors_configuration"));
        mMain.attribute(QStringLiteral("allow_origins"), H::stringList({QStringLiteral("*")}));
        mMain.attribute(QStringLiteral("allow_methods"), H::stringList(corsMethods));
        mMain.attribute(QStringLiteral("allow_headers"), H::stringList({QStringLiteral("*")}));
        mMain.endBlock();
    }
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_stage"), QStringLiteral("default")});
    mMain.attribute(QStringLiteral("api_id"), H::expression(QStringLiteral("aws_apigatewayv2_api.http.id")));
    mMain.attribute(QStringLiteral("name"), H::string(QStringLiteral("$default")));
    mMain.attribute(QStringLiteral("auto_deploy"), H::boolean(true));
    mMain.endBlock();
    mMain.beginBlock(QStringLiteral("output"), {QStringLiteral("api_url")});
    mMain.attribute(QStringLiteral("value"),
                    H::expression(QStringLiteral("aws_apigatewayv2_stage.default.invoke_url")));
    mMain.endBlock();
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    TerraformWriter writer(model, output);
    writer.writeSettings(plugin.option(input, QStringLiteral("region")), ExportModel::dnsLabel(input.projectName));
    for (const Node *node : model.nodesOfKind(QStringLiteral("queue")))
        writer.writeQueue(node);
    for (const Node *node : model.nodesOfKind(QStringLiteral("topic")))
        writer.writeTopic(node);
    for (const Node *node : model.nodesOfKind(QStringLiteral("table")))
        writer.writeTable(node);
    for (const Node *node : model.nodesOfKind(QStringLiteral("bucket")))
        writer.writeBucket(node);
    for (const ExportFunction &f : model.functions())
        writer.writeFunction(f);
    for (const Node *bucket : model.nodesOfKind(QStringLiteral("bucket")))
        writer.writeBucketNotification(bucket);
    writer.writeHttpApi();
    model.reportUnexported(output, QStringLiteral("Terraform"));

    output.addFile(QStringLiteral("main.tf"), writer.main());
    output.addFile(QStringLiteral("variables.tf"), writer.variables());
    model.copySources(output, input.projectDirectory);
}
} // namespace

TerraformPlugin::TerraformPlugin()
    : ProviderPlugin(
        Aws::lambdaTarget(
            QStringLiteral("terraform"), QStringLiteral("Terraform (AWS)"),
            QT_TR_NOOP(
                "main.tf and variables.tf for Terraform's AWS provider (terraform apply), with the code folders"),
            {{QStringLiteral("region"), QT_TR_NOOP("Region"), QT_TR_NOOP("The AWS region to deploy to"),
              QStringLiteral("us-east-1")}}),
        write)
{ }

} // namespace Nimbus::Terraform
