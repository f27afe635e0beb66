#include "terraformplugin.h"

#include "awscommon.h"
#include "export/exportmodel.h"
#include "export/hclwriter.h"

#include <QDir>
#include <QSet>

namespace Nimbus {

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

} // namespace

QString TerraformPlugin::targetDescription() const
{
    return tr("main.tf and variables.tf for Terraform's AWS provider (terraform apply), with the code folders");
}

QList<ExportOption> TerraformPlugin::exportOptions() const
{
    return {{QStringLiteral("region"), tr("Region"), tr("The AWS region to deploy to"), QStringLiteral("us-east-1")}};
}

ProviderLimits TerraformPlugin::limits() const
{
    return Aws::lambdaLimits();
}

ExportOutput TerraformPlugin::exportProject(const ExportInput &input) const
{
    ExportOutput output;
    const ExportModel model(*input.architecture, *input.catalog);
    const Aws::LogicalIds ids;
    HclWriter main;
    HclWriter variables;

    main.beginBlock(QStringLiteral("terraform"));
    main.attribute(QStringLiteral("required_version"), H::string(QStringLiteral(">= 1.5")));
    main.beginBlock(QStringLiteral("required_providers"));
    main.attribute(QStringLiteral("aws"), H::object({{QStringLiteral("source"), H::string(QStringLiteral("hashicorp/aws"))},
                                                     {QStringLiteral("version"), H::string(QStringLiteral("~> 5.0"))}}));
    main.attribute(QStringLiteral("archive"),
                   H::object({{QStringLiteral("source"), H::string(QStringLiteral("hashicorp/archive"))},
                              {QStringLiteral("version"), H::string(QStringLiteral("~> 2.4"))}}));
    main.endBlock();
    main.endBlock();
    main.beginBlock(QStringLiteral("provider"), {QStringLiteral("aws")});
    main.attribute(QStringLiteral("region"), H::expression(QStringLiteral("var.region")));
    main.endBlock();

    variables.beginBlock(QStringLiteral("variable"), {QStringLiteral("region")});
    variables.attribute(QStringLiteral("description"), H::string(QStringLiteral("AWS region to deploy to")));
    variables.attribute(QStringLiteral("type"), H::expression(QStringLiteral("string")));
    variables.attribute(QStringLiteral("default"), H::string(input.option(QStringLiteral("region"), QStringLiteral("us-east-1"))));
    variables.endBlock();
    variables.beginBlock(QStringLiteral("variable"), {QStringLiteral("name_prefix")});
    variables.attribute(QStringLiteral("description"), H::string(QStringLiteral("Prefix of every resource name")));
    variables.attribute(QStringLiteral("type"), H::expression(QStringLiteral("string")));
    variables.attribute(QStringLiteral("default"), H::string(ExportModel::dnsLabel(input.projectName)));
    variables.endBlock();

    // Services first: functions refer to them.
    for (const Node *node : model.nodesOfKind(QStringLiteral("queue"))) {
        const QString name = tfName(node);
        const bool fifo = model.boolean(node, "fifo");
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sqs_queue"), name + QLatin1String("_dead_letters")});
        main.attribute(QStringLiteral("name"), H::templateString(QStringLiteral("${var.name_prefix}-%1-dead-letters%2")
                                                                     .arg(ExportModel::dnsLabel(node->name), fifo ? QStringLiteral(".fifo") : QString())));
        if (fifo)
            main.attribute(QStringLiteral("fifo_queue"), H::boolean(true));
        main.attribute(QStringLiteral("message_retention_seconds"), H::number(1209600));
        main.endBlock();
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sqs_queue"), name});
        main.attribute(QStringLiteral("name"), H::templateString(QStringLiteral("${var.name_prefix}-%1%2")
                                                                     .arg(ExportModel::dnsLabel(node->name), fifo ? QStringLiteral(".fifo") : QString())));
        if (fifo)
            main.attribute(QStringLiteral("fifo_queue"), H::boolean(true));
        main.attribute(QStringLiteral("visibility_timeout_seconds"), H::number(model.integer(node, "visibilityTimeout", 30)));
        main.attribute(QStringLiteral("message_retention_seconds"), H::number(model.integer(node, "messageRetention", 345600)));
        main.attribute(QStringLiteral("delay_seconds"), H::number(model.integer(node, "delay", 0)));
        main.attribute(QStringLiteral("redrive_policy"),
                       H::expression(QStringLiteral("jsonencode(%1)")
                                         .arg(QString::fromUtf8(H::object({{QStringLiteral("deadLetterTargetArn"),
                                                                            H::expression(QStringLiteral("aws_sqs_queue.%1_dead_letters.arn").arg(name))},
                                                                           {QStringLiteral("maxReceiveCount"), H::number(model.integer(node, "maxReceiveCount", 5))}})
                                                                    .write(1)))));
        main.endBlock();
    }
    for (const Node *node : model.nodesOfKind(QStringLiteral("topic"))) {
        const bool fifo = model.boolean(node, "fifo");
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sns_topic"), tfName(node)});
        main.attribute(QStringLiteral("name"), H::templateString(QStringLiteral("${var.name_prefix}-%1%2")
                                                                     .arg(ExportModel::dnsLabel(node->name), fifo ? QStringLiteral(".fifo") : QString())));
        const QString displayName = model.string(node, "displayName");
        if (!displayName.isEmpty())
            main.attribute(QStringLiteral("display_name"), H::string(displayName));
        if (fifo)
            main.attribute(QStringLiteral("fifo_topic"), H::boolean(true));
        main.endBlock();
    }
    for (const Node *node : model.nodesOfKind(QStringLiteral("table"))) {
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_dynamodb_table"), tfName(node)});
        main.attribute(QStringLiteral("name"), H::templateString(QStringLiteral("${var.name_prefix}-%1").arg(ExportModel::dnsLabel(node->name))));
        const QString billing = model.string(node, "billingMode", QStringLiteral("PAY_PER_REQUEST"));
        main.attribute(QStringLiteral("billing_mode"), H::string(billing));
        if (billing == QLatin1String("PROVISIONED")) {
            main.attribute(QStringLiteral("read_capacity"), H::number(5));
            main.attribute(QStringLiteral("write_capacity"), H::number(5));
        }
        main.attribute(QStringLiteral("hash_key"), H::string(model.string(node, "partitionKey", QStringLiteral("id"))));
        const QString sortKey = model.string(node, "sortKey");
        if (!sortKey.isEmpty())
            main.attribute(QStringLiteral("range_key"), H::string(sortKey));
        const QString stream = model.string(node, "stream", QStringLiteral("NONE"));
        if (stream != QLatin1String("NONE")) {
            main.attribute(QStringLiteral("stream_enabled"), H::boolean(true));
            main.attribute(QStringLiteral("stream_view_type"), H::string(stream));
        }
        for (const auto &[keyProperty, typeProperty] : {std::pair{"partitionKey", "partitionKeyType"}, std::pair{"sortKey", "sortKeyType"}}) {
            const QString key = model.string(node, keyProperty);
            if (key.isEmpty())
                continue;
            main.beginBlock(QStringLiteral("attribute"));
            main.attribute(QStringLiteral("name"), H::string(key));
            main.attribute(QStringLiteral("type"), H::string(model.string(node, typeProperty, QStringLiteral("S"))));
            main.endBlock();
        }
        main.endBlock();
    }
    for (const Node *node : model.nodesOfKind(QStringLiteral("bucket"))) {
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket"), tfName(node)});
        main.attribute(QStringLiteral("bucket"), H::templateString(QStringLiteral("${var.name_prefix}-%1").arg(ExportModel::dnsLabel(node->name))));
        main.endBlock();
        if (model.boolean(node, "versioning")) {
            main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_versioning"), tfName(node)});
            main.attribute(QStringLiteral("bucket"), H::expression(reference(node, QStringLiteral("id"))));
            main.beginBlock(QStringLiteral("versioning_configuration"));
            main.attribute(QStringLiteral("status"), H::string(QStringLiteral("Enabled")));
            main.endBlock();
            main.endBlock();
        }
    }

    QList<const Node *> routes;
    for (const ExportFunction &f : model.functions()) {
        const QString name = tfName(f.node);
        main.beginBlock(QStringLiteral("data"), {QStringLiteral("archive_file"), name});
        main.attribute(QStringLiteral("type"), H::string(QStringLiteral("zip")));
        main.attribute(QStringLiteral("source_dir"), H::templateString(QStringLiteral("${path.module}/") + H::literal(f.source)));
        main.attribute(QStringLiteral("output_path"), H::templateString(QStringLiteral("${path.module}/build/%1.zip").arg(H::literal(f.node->name))));
        main.endBlock();

        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_iam_role"), name});
        main.attribute(QStringLiteral("name"), H::templateString(QStringLiteral("${var.name_prefix}-%1").arg(ExportModel::dnsLabel(f.node->name))));
        main.attribute(QStringLiteral("assume_role_policy"),
                       H::expression(QStringLiteral("jsonencode(%1)").arg(QString::fromUtf8(
                           H::object({{QStringLiteral("Version"), H::string(QStringLiteral("2012-10-17"))},
                                      {QStringLiteral("Statement"),
                                       H::list({H::object({{QStringLiteral("Effect"), H::string(QStringLiteral("Allow"))},
                                                           {QStringLiteral("Principal"), H::object({{QStringLiteral("Service"), H::string(QStringLiteral("lambda.amazonaws.com"))}})},
                                                           {QStringLiteral("Action"), H::string(QStringLiteral("sts:AssumeRole"))}})})}})
                               .write(1)))));
        main.endBlock();
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_iam_role_policy_attachment"), name + QLatin1String("_logs")});
        main.attribute(QStringLiteral("role"), H::expression(QStringLiteral("aws_iam_role.%1.name").arg(name)));
        main.attribute(QStringLiteral("policy_arn"), H::string(QStringLiteral("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")));
        main.endBlock();
        const QList<Aws::IamStatement> statements = Aws::iamStatements(f);
        if (!statements.isEmpty()) {
            QList<H> list;
            for (const Aws::IamStatement &s : statements) {
                const QString attribute = s.attribute == QLatin1String("StreamArn") ? QStringLiteral("stream_arn") : QStringLiteral("arn");
                const QString ref = reference(s.service, attribute);
                list.append(H::object({{QStringLiteral("Effect"), H::string(QStringLiteral("Allow"))},
                                       {QStringLiteral("Action"), H::stringList(s.actions)},
                                       {QStringLiteral("Resource"), s.suffix.isEmpty() ? H::expression(ref)
                                                                                       : H::templateString(QStringLiteral("${%1}%2").arg(ref, s.suffix))}}));
            }
            main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_iam_role_policy"), name});
            main.attribute(QStringLiteral("name"), H::string(QStringLiteral("access")));
            main.attribute(QStringLiteral("role"), H::expression(QStringLiteral("aws_iam_role.%1.id").arg(name)));
            main.attribute(QStringLiteral("policy"), H::expression(QStringLiteral("jsonencode(%1)").arg(QString::fromUtf8(
                                                         H::object({{QStringLiteral("Version"), H::string(QStringLiteral("2012-10-17"))},
                                                                    {QStringLiteral("Statement"), H::list(list)}})
                                                             .write(1)))));
            main.endBlock();
        }

        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_lambda_function"), name});
        main.attribute(QStringLiteral("function_name"), H::templateString(QStringLiteral("${var.name_prefix}-%1").arg(H::literal(f.node->name))));
        main.attribute(QStringLiteral("role"), H::expression(QStringLiteral("aws_iam_role.%1.arn").arg(name)));
        main.attribute(QStringLiteral("handler"), H::string(f.handler));
        main.attribute(QStringLiteral("runtime"), H::string(f.runtime));
        main.attribute(QStringLiteral("architectures"), H::stringList({Aws::lambdaArchitecture(f.architecture)}));
        main.attribute(QStringLiteral("memory_size"), H::number(f.memory));
        main.attribute(QStringLiteral("timeout"), H::number(f.timeout));
        if (!f.description.isEmpty())
            main.attribute(QStringLiteral("description"), H::string(f.description));
        if (f.reservedConcurrency)
            main.attribute(QStringLiteral("reserved_concurrent_executions"), H::number(*f.reservedConcurrency));
        main.attribute(QStringLiteral("filename"), H::expression(QStringLiteral("data.archive_file.%1.output_path").arg(name)));
        main.attribute(QStringLiteral("source_code_hash"), H::expression(QStringLiteral("data.archive_file.%1.output_base64sha256").arg(name)));
        if (!f.environment.isEmpty()) {
            QList<QPair<QString, H>> vars;
            for (const EnvironmentVariable &var : f.environment) {
                if (var.secret) {
                    const QString variable = ExportModel::snakeCase(f.node->name + QLatin1Char('_') + var.name);
                    vars.append({var.name, H::expression(QStringLiteral("var.") + variable)});
                    variables.beginBlock(QStringLiteral("variable"), {variable});
                    variables.attribute(QStringLiteral("description"), H::string(QStringLiteral("Secret %1 of the function %2").arg(var.name, f.node->name)));
                    variables.attribute(QStringLiteral("type"), H::expression(QStringLiteral("string")));
                    variables.attribute(QStringLiteral("sensitive"), H::boolean(true));
                    variables.endBlock();
                    continue;
                }
                H value = H::string(var.value);
                QList<const Node *> related;
                for (const FunctionAccess &a : f.accesses)
                    related.append(a.service);
                related.append(f.triggers);
                for (const Node *service : std::as_const(related)) {
                    if (service->kind == QLatin1String("http-route") || service->kind == QLatin1String("schedule"))
                        continue;
                    if (var.value == service->name)
                        value = H::expression(reference(service, service->kind == QLatin1String("bucket")
                                                                     ? QStringLiteral("bucket")
                                                                 : service->kind == QLatin1String("function") ? QStringLiteral("function_name")
                                                                                                               : QStringLiteral("name")));
                    else if (var.value.startsWith(QLatin1String("arn:")) && var.value.endsWith(QLatin1Char(':') + service->name))
                        value = H::expression(reference(service, QStringLiteral("arn")));
                }
                vars.append({var.name, value});
            }
            main.beginBlock(QStringLiteral("environment"));
            main.attribute(QStringLiteral("variables"), H::object(vars));
            main.endBlock();
        }
        main.endBlock();

        for (const Node *trigger : f.triggers) {
            const QString link = name + QLatin1Char('_') + tfName(trigger);
            auto permission = [&](const QString &principal, const QString &sourceArn) {
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_lambda_permission"), link});
                main.attribute(QStringLiteral("action"), H::string(QStringLiteral("lambda:InvokeFunction")));
                main.attribute(QStringLiteral("function_name"), H::expression(QStringLiteral("aws_lambda_function.%1.function_name").arg(name)));
                main.attribute(QStringLiteral("principal"), H::string(principal));
                main.attribute(QStringLiteral("source_arn"), sourceArn.contains(QLatin1String("${")) ? H::templateString(sourceArn) : H::expression(sourceArn));
                main.endBlock();
            };
            if (trigger->kind == QLatin1String("queue") || trigger->kind == QLatin1String("table")) {
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_lambda_event_source_mapping"), link});
                main.attribute(QStringLiteral("event_source_arn"), H::expression(reference(trigger, trigger->kind == QLatin1String("table") ? QStringLiteral("stream_arn") : QStringLiteral("arn"))));
                main.attribute(QStringLiteral("function_name"), H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(name)));
                if (trigger->kind == QLatin1String("queue"))
                    main.attribute(QStringLiteral("batch_size"), H::number(model.integer(trigger, "batchSize", 10)));
                else
                    main.attribute(QStringLiteral("starting_position"), H::string(QStringLiteral("LATEST")));
                main.endBlock();
            } else if (trigger->kind == QLatin1String("topic")) {
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_sns_topic_subscription"), link});
                main.attribute(QStringLiteral("topic_arn"), H::expression(reference(trigger, QStringLiteral("arn"))));
                main.attribute(QStringLiteral("protocol"), H::string(QStringLiteral("lambda")));
                main.attribute(QStringLiteral("endpoint"), H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(name)));
                main.endBlock();
                permission(QStringLiteral("sns.amazonaws.com"), reference(trigger, QStringLiteral("arn")));
            } else if (trigger->kind == QLatin1String("bucket")) {
                permission(QStringLiteral("s3.amazonaws.com"), reference(trigger, QStringLiteral("arn")));
            } else if (trigger->kind == QLatin1String("schedule")) {
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_cloudwatch_event_rule"), link});
                main.attribute(QStringLiteral("name"), H::templateString(QStringLiteral("${var.name_prefix}-%1").arg(ExportModel::dnsLabel(trigger->name))));
                main.attribute(QStringLiteral("schedule_expression"), H::string(model.string(trigger, "expression")));
                const QString description = model.string(trigger, "description");
                if (!description.isEmpty())
                    main.attribute(QStringLiteral("description"), H::string(description));
                main.attribute(QStringLiteral("state"), H::string(model.boolean(trigger, "enabled", true) ? QStringLiteral("ENABLED") : QStringLiteral("DISABLED")));
                main.endBlock();
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_cloudwatch_event_target"), link});
                main.attribute(QStringLiteral("rule"), H::expression(QStringLiteral("aws_cloudwatch_event_rule.%1.name").arg(link)));
                main.attribute(QStringLiteral("arn"), H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(name)));
                main.endBlock();
                permission(QStringLiteral("events.amazonaws.com"), QStringLiteral("aws_cloudwatch_event_rule.%1.arn").arg(link));
            } else if (trigger->kind == QLatin1String("http-route")) {
                routes.append(trigger);
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_integration"), link});
                main.attribute(QStringLiteral("api_id"), H::expression(QStringLiteral("aws_apigatewayv2_api.http.id")));
                main.attribute(QStringLiteral("integration_type"), H::string(QStringLiteral("AWS_PROXY")));
                main.attribute(QStringLiteral("integration_uri"), H::expression(QStringLiteral("aws_lambda_function.%1.invoke_arn").arg(name)));
                main.attribute(QStringLiteral("payload_format_version"), H::string(model.string(trigger, "payloadFormat", QStringLiteral("2.0"))));
                main.endBlock();
                main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_route"), link});
                main.attribute(QStringLiteral("api_id"), H::expression(QStringLiteral("aws_apigatewayv2_api.http.id")));
                main.attribute(QStringLiteral("route_key"), H::string(model.string(trigger, "method", QStringLiteral("GET")) + QLatin1Char(' ')
                                                                       + model.string(trigger, "path", QStringLiteral("/"))));
                main.attribute(QStringLiteral("target"), H::templateString(QStringLiteral("integrations/${aws_apigatewayv2_integration.%1.id}").arg(link)));
                main.endBlock();
                permission(QStringLiteral("apigateway.amazonaws.com"), QStringLiteral("${aws_apigatewayv2_api.http.execution_arn}/*/*"));
            } else {
                output.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                           tr("%1 (%2) cannot invoke a function in this export; it is not exported").arg(trigger->name, trigger->kind),
                           trigger->id);
            }
        }
    }
    // One notification configuration per bucket, listing every function it invokes.
    for (const Node *bucket : model.nodesOfKind(QStringLiteral("bucket"))) {
        const QList<const Node *> consumers = model.consumers(bucket);
        if (consumers.isEmpty())
            continue;
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_notification"), tfName(bucket)});
        main.attribute(QStringLiteral("bucket"), H::expression(reference(bucket, QStringLiteral("id"))));
        const QString events = model.string(bucket, "events");
        QStringList eventList;
        if (events != QLatin1String("ObjectRemoved"))
            eventList.append(QStringLiteral("s3:ObjectCreated:*"));
        if (events != QLatin1String("ObjectCreated"))
            eventList.append(QStringLiteral("s3:ObjectRemoved:*"));
        QStringList dependsOn;
        for (const Node *consumer : consumers) {
            main.beginBlock(QStringLiteral("lambda_function"));
            main.attribute(QStringLiteral("lambda_function_arn"), H::expression(QStringLiteral("aws_lambda_function.%1.arn").arg(tfName(consumer))));
            main.attribute(QStringLiteral("events"), H::stringList(eventList));
            const QString prefix = model.string(bucket, "prefix");
            const QString suffix = model.string(bucket, "suffix");
            if (!prefix.isEmpty())
                main.attribute(QStringLiteral("filter_prefix"), H::string(prefix));
            if (!suffix.isEmpty())
                main.attribute(QStringLiteral("filter_suffix"), H::string(suffix));
            main.endBlock();
            dependsOn.append(QStringLiteral("aws_lambda_permission.%1_%2").arg(tfName(consumer), tfName(bucket)));
        }
        QList<H> depends;
        for (const QString &d : std::as_const(dependsOn))
            depends.append(H::expression(d));
        main.attribute(QStringLiteral("depends_on"), H::list(depends));
        main.endBlock();
    }
    if (!routes.isEmpty()) {
        QStringList corsMethods;
        for (const Node *route : std::as_const(routes))
            if (model.boolean(route, "cors") && !corsMethods.contains(model.string(route, "method")))
                corsMethods.append(model.string(route, "method"));
        corsMethods.sort();
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_api"), QStringLiteral("http")});
        main.attribute(QStringLiteral("name"), H::expression(QStringLiteral("var.name_prefix")));
        main.attribute(QStringLiteral("protocol_type"), H::string(QStringLiteral("HTTP")));
        if (!corsMethods.isEmpty()) {
            main.beginBlock(QStringLiteral("cors_configuration"));
            main.attribute(QStringLiteral("allow_origins"), H::stringList({QStringLiteral("*")}));
            main.attribute(QStringLiteral("allow_methods"), H::stringList(corsMethods));
            main.attribute(QStringLiteral("allow_headers"), H::stringList({QStringLiteral("*")}));
            main.endBlock();
        }
        main.endBlock();
        main.beginBlock(QStringLiteral("resource"), {QStringLiteral("aws_apigatewayv2_stage"), QStringLiteral("default")});
        main.attribute(QStringLiteral("api_id"), H::expression(QStringLiteral("aws_apigatewayv2_api.http.id")));
        main.attribute(QStringLiteral("name"), H::string(QStringLiteral("$default")));
        main.attribute(QStringLiteral("auto_deploy"), H::boolean(true));
        main.endBlock();
        main.beginBlock(QStringLiteral("output"), {QStringLiteral("api_url")});
        main.attribute(QStringLiteral("value"), H::expression(QStringLiteral("aws_apigatewayv2_stage.default.invoke_url")));
        main.endBlock();
    }
    model.reportUnexported(output, QStringLiteral("Terraform"));

    output.addFile(QStringLiteral("main.tf"), main.text());
    output.addFile(QStringLiteral("variables.tf"), variables.text());
    model.copySources(output, input.projectDirectory);
    return output;
}

} // namespace Nimbus
