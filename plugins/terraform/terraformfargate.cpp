#include "terraformfargate.h"

#include "awscommon.h"
#include "awsfargate.h"
#include "export/containerexport.h"
#include "export/hclwriter.h"
#include "export/routeauthorization.h"
#include "model/kinds.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Nimbus::Terraform {

namespace {

using H = HclValue;

// The words are the SAM export's (Aws::addFargateResources): one translation for both.
QString text(const char *source)
{
    return QCoreApplication::translate("Nimbus::Aws", source);
}

void variable(HclWriter &hcl, const QString &name, const QString &description, const QString &type,
              bool sensitive = false)
{
    hcl.beginBlock(u"variable"_s, {name});
    hcl.attribute(u"description"_s, H::string(description));
    hcl.attribute(u"type"_s, H::expression(type));
    if (sensitive)
        hcl.attribute(u"sensitive"_s, H::boolean(true));
    hcl.endBlock();
}

} // namespace

QByteArray fargateFile(const ExportModel &model, ExportOutput &output,
                       const std::function<QString(const Node *, const QString &)> &reference)
{
    const QList<ExportContainer> containers = ExportContainer::of(model);
    if (containers.isEmpty())
        return {};
    const RouteAuthorization auth(model, false);
    HclWriter hcl;
    hcl.comment(u"Serverless containers as ECS services on Fargate."_s);
    variable(hcl, u"containers_vpc_id"_s,
             text(QT_TRANSLATE_NOOP("Nimbus::Aws", "The VPC the containers' ECS services run in.")), u"string"_s);
    variable(hcl, u"containers_subnet_ids"_s,
             text(QT_TRANSLATE_NOOP(
                 "Nimbus::Aws",
                 "Subnets of that VPC for the containers' tasks and the HTTP API's VPC link (with a route to the "
                 "internet or VPC endpoints, to pull images).")),
             u"list(string)"_s);

    hcl.beginBlock(u"resource"_s, {u"aws_ecs_cluster"_s, u"containers"_s});
    hcl.attribute(u"name"_s, H::templateString(u"${var.name_prefix}-containers"_s));
    hcl.endBlock();
    hcl.beginBlock(u"resource"_s, {u"aws_iam_role"_s, u"containers_execution"_s});
    hcl.attribute(u"name"_s, H::templateString(u"${var.name_prefix}-containers-execution"_s));
    hcl.attribute(
        u"assume_role_policy"_s,
        H::expression(
            u"jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{ Effect = \"Allow\", "
            u"Principal = { Service = \"ecs-tasks.amazonaws.com\" }, Action = \"sts:AssumeRole\" }]\n  })"_s));
    hcl.endBlock();
    hcl.beginBlock(u"resource"_s, {u"aws_iam_role_policy_attachment"_s, u"containers_execution"_s});
    hcl.attribute(u"role"_s, H::expression(u"aws_iam_role.containers_execution.name"_s));
    hcl.attribute(u"policy_arn"_s,
                  H::string(u"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"_s));
    hcl.endBlock();
    hcl.beginBlock(u"resource"_s, {u"aws_security_group"_s, u"containers"_s});
    hcl.attribute(u"name"_s, H::templateString(u"${var.name_prefix}-containers"_s));
    hcl.attribute(u"description"_s, H::string(u"Serverless containers and the HTTP API's VPC link"_s));
    hcl.attribute(u"vpc_id"_s, H::expression(u"var.containers_vpc_id"_s));
    // The VPC link reaches the containers' ports; the tasks reach their registries.
    hcl.beginBlock(u"ingress"_s);
    hcl.attribute(u"from_port"_s, H::number(0));
    hcl.attribute(u"to_port"_s, H::number(65535));
    hcl.attribute(u"protocol"_s, H::string(u"tcp"_s));
    hcl.attribute(u"self"_s, H::boolean(true));
    hcl.endBlock();
    hcl.beginBlock(u"egress"_s);
    hcl.attribute(u"from_port"_s, H::number(0));
    hcl.attribute(u"to_port"_s, H::number(0));
    hcl.attribute(u"protocol"_s, H::string(u"-1"_s));
    hcl.attribute(u"cidr_blocks"_s, H::stringList({u"0.0.0.0/0"_s}));
    hcl.endBlock();
    hcl.endBlock();
    hcl.beginBlock(u"resource"_s, {u"aws_service_discovery_private_dns_namespace"_s, u"containers"_s});
    hcl.attribute(u"name"_s, H::templateString(u"${var.name_prefix}.local"_s));
    hcl.attribute(u"vpc"_s, H::expression(u"var.containers_vpc_id"_s));
    hcl.endBlock();

    bool routed = false;
    for (const ExportContainer &c : containers) {
        const QString name = ExportModel::snakeCase(c.node->name);
        const Aws::FargateSize size = Aws::fargateSize(c.cpu, c.memory);
        if (size.rounded)
            output.add(
                Diagnostic::Severity::Info, u"export-fargate-size"_s,
                text(QT_TRANSLATE_NOOP("Nimbus::Aws",
                                       "%1: Fargate has no task of %2 vCPU and %3 MB; the task has %4 vCPU and %5 MB"))
                    .arg(c.node->name)
                    .arg(c.cpu)
                    .arg(c.memory)
                    .arg(size.cpuUnits / 1024.0)
                    .arg(size.memoryMb),
                c.node->id, u"cpu"_s);
        // A string, never an expression: an image named by a design cannot interpolate.
        H image = H::string(c.image);
        if (c.image.isEmpty()) {
            variable(hcl, name + "_image"_L1,
                     text(QT_TRANSLATE_NOOP(
                              "Nimbus::Aws",
                              "The image of %1, built from its folder %2 and pushed to a registry ECS can pull from."))
                         .arg(c.node->name, c.folder),
                     u"string"_s);
            image = H::expression(u"var.%1_image"_s.arg(name));
        }
        QList<H> environment{
            H::object({{u"name"_s, H::string(u"PORT"_s)}, {u"value"_s, H::string(QString::number(c.port))}})};
        for (const EnvironmentVariable &var : c.environment) {
            H value = H::string(var.value);
            if (var.secret) {
                const QString secret = name + u'_' + ExportModel::snakeCase(var.name);
                variable(
                    hcl, secret,
                    text(QT_TRANSLATE_NOOP("Nimbus::Aws", "The secret variable %1 of %2.")).arg(var.name, c.node->name),
                    u"string"_s, true);
                value = H::expression(u"var."_s + secret);
            }
            environment.append(H::object({{u"name"_s, H::string(var.name)}, {u"value"_s, value}}));
        }

        hcl.beginBlock(u"resource"_s, {u"aws_cloudwatch_log_group"_s, name});
        hcl.attribute(u"name"_s, H::templateString(u"/ecs/${var.name_prefix}/"_s + HclValue::literal(c.name)));
        hcl.attribute(u"retention_in_days"_s, H::number(30));
        hcl.endBlock();

        const H definition = H::object(
            {{u"name"_s, H::string(c.name)},
             {u"image"_s, image},
             {u"essential"_s, H::boolean(true)},
             {u"portMappings"_s,
              H::list({H::object({{u"containerPort"_s, H::number(c.port)}, {u"protocol"_s, H::string(u"tcp"_s)}})})},
             {u"environment"_s, H::list(environment)},
             {u"logConfiguration"_s,
              H::object({{u"logDriver"_s, H::string(u"awslogs"_s)},
                         {u"options"_s, H::object({{u"awslogs-group"_s,
                                                    H::expression(u"aws_cloudwatch_log_group.%1.name"_s.arg(name))},
                                                   {u"awslogs-region"_s, H::expression(u"var.region"_s)},
                                                   {u"awslogs-stream-prefix"_s, H::string(c.name)}})}})}});
        // The task's own role: what the container's connections let it do.
        QList<H> statements;
        for (const Aws::IamStatement &statement : Aws::iamStatements(Aws::accessorOf(model, c))) {
            const QString ref = reference(statement.service,
                                          statement.attribute == "StreamArn"_L1 ? u"stream_arn"_s : u"arn"_s);
            statements.append(
                H::object({{u"Effect"_s, H::string(u"Allow"_s)},
                           {u"Action"_s, H::stringList(statement.actions)},
                           {u"Resource"_s, statement.suffix.isEmpty()
                                               ? H::expression(ref)
                                               : H::templateString(u"${%1}%2"_s.arg(ref, statement.suffix))}}));
        }
        if (!statements.isEmpty()) {
            hcl.beginBlock(u"resource"_s, {u"aws_iam_role"_s, name + "_task"_L1});
            hcl.attribute(u"name"_s,
                          H::templateString(u"${var.name_prefix}-"_s + HclValue::literal(c.name) + u"-task"_s));
            hcl.attribute(u"assume_role_policy"_s,
                          H::expression(u"jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{ Effect = "
                                        u"\"Allow\", Principal = { Service = \"ecs-tasks.amazonaws.com\" }, Action = "
                                        u"\"sts:AssumeRole\" }]\n  })"_s));
            hcl.endBlock();
            hcl.beginBlock(u"resource"_s, {u"aws_iam_role_policy"_s, name + "_task"_L1});
            hcl.attribute(u"name"_s, H::string(u"access"_s));
            hcl.attribute(u"role"_s, H::expression(u"aws_iam_role.%1_task.id"_s.arg(name)));
            hcl.attribute(
                u"policy"_s,
                H::expression(u"jsonencode(%1)"_s.arg(QString::fromUtf8(
                    H::object({{u"Version"_s, H::string(u"2012-10-17"_s)}, {u"Statement"_s, H::list(statements)}})
                        .write(1)))));
            hcl.endBlock();
        }

        hcl.beginBlock(u"resource"_s, {u"aws_ecs_task_definition"_s, name});
        hcl.attribute(u"family"_s, H::templateString(u"${var.name_prefix}-"_s + HclValue::literal(c.name)));
        hcl.attribute(u"cpu"_s, H::string(QString::number(size.cpuUnits)));
        hcl.attribute(u"memory"_s, H::string(QString::number(size.memoryMb)));
        hcl.attribute(u"network_mode"_s, H::string(u"awsvpc"_s));
        hcl.attribute(u"requires_compatibilities"_s, H::stringList({u"FARGATE"_s}));
        hcl.attribute(u"execution_role_arn"_s, H::expression(u"aws_iam_role.containers_execution.arn"_s));
        if (!statements.isEmpty())
            hcl.attribute(u"task_role_arn"_s, H::expression(u"aws_iam_role.%1_task.arn"_s.arg(name)));
        hcl.attribute(u"container_definitions"_s,
                      H::expression(u"jsonencode(%1)"_s.arg(QString::fromUtf8(H::list({definition}).write(1)))));
        hcl.endBlock();

        hcl.beginBlock(u"resource"_s, {u"aws_service_discovery_service"_s, name});
        hcl.attribute(u"name"_s, H::string(c.name));
        hcl.beginBlock(u"dns_config"_s);
        hcl.attribute(u"namespace_id"_s, H::expression(u"aws_service_discovery_private_dns_namespace.containers.id"_s));
        hcl.beginBlock(u"dns_records"_s);
        hcl.attribute(u"type"_s, H::string(u"SRV"_s));
        hcl.attribute(u"ttl"_s, H::number(60));
        hcl.endBlock();
        hcl.endBlock();
        hcl.endBlock();

        const int minimum = std::max(1, c.minInstances);
        if (c.minInstances < 1)
            output.add(
                Diagnostic::Severity::Warning, u"export-fargate-scale"_s,
                text(QT_TRANSLATE_NOOP(
                         "Nimbus::Aws",
                         "%1: an ECS service on Fargate does not start a task on a request; it keeps one running "
                         "instead of scaling to zero"))
                    .arg(c.node->name),
                c.node->id, u"minInstances"_s);
        hcl.beginBlock(u"resource"_s, {u"aws_ecs_service"_s, name});
        hcl.attribute(u"name"_s, H::string(c.name));
        hcl.attribute(u"cluster"_s, H::expression(u"aws_ecs_cluster.containers.id"_s));
        hcl.attribute(u"launch_type"_s, H::string(u"FARGATE"_s));
        hcl.attribute(u"task_definition"_s, H::expression(u"aws_ecs_task_definition.%1.arn"_s.arg(name)));
        hcl.attribute(u"desired_count"_s, H::number(minimum));
        hcl.beginBlock(u"network_configuration"_s);
        hcl.attribute(u"subnets"_s, H::expression(u"var.containers_subnet_ids"_s));
        hcl.attribute(u"security_groups"_s, H::list({H::expression(u"aws_security_group.containers.id"_s)}));
        hcl.attribute(u"assign_public_ip"_s, H::boolean(true));
        hcl.endBlock();
        hcl.beginBlock(u"service_registries"_s);
        hcl.attribute(u"registry_arn"_s, H::expression(u"aws_service_discovery_service.%1.arn"_s.arg(name)));
        hcl.attribute(u"port"_s, H::number(c.port));
        hcl.endBlock();
        // The scaling policy sets the count from here on.
        hcl.beginBlock(u"lifecycle"_s);
        hcl.attribute(u"ignore_changes"_s, H::expression(u"[desired_count]"_s));
        hcl.endBlock();
        hcl.endBlock();

        hcl.beginBlock(u"resource"_s, {u"aws_appautoscaling_target"_s, name});
        hcl.attribute(u"min_capacity"_s, H::number(minimum));
        hcl.attribute(u"max_capacity"_s, H::number(std::max(minimum, c.maxInstances)));
        hcl.attribute(
            u"resource_id"_s,
            H::templateString(u"service/${aws_ecs_cluster.containers.name}/${aws_ecs_service.%1.name}"_s.arg(name)));
        hcl.attribute(u"scalable_dimension"_s, H::string(u"ecs:service:DesiredCount"_s));
        hcl.attribute(u"service_namespace"_s, H::string(u"ecs"_s));
        hcl.endBlock();
        hcl.beginBlock(u"resource"_s, {u"aws_appautoscaling_policy"_s, name});
        hcl.attribute(u"name"_s, H::string(c.name + u"-cpu"_s));
        hcl.attribute(u"policy_type"_s, H::string(u"TargetTrackingScaling"_s));
        hcl.attribute(u"resource_id"_s, H::expression(u"aws_appautoscaling_target.%1.resource_id"_s.arg(name)));
        hcl.attribute(u"scalable_dimension"_s,
                      H::expression(u"aws_appautoscaling_target.%1.scalable_dimension"_s.arg(name)));
        hcl.attribute(u"service_namespace"_s,
                      H::expression(u"aws_appautoscaling_target.%1.service_namespace"_s.arg(name)));
        hcl.beginBlock(u"target_tracking_scaling_policy_configuration"_s);
        hcl.attribute(u"target_value"_s, H::number(70));
        hcl.beginBlock(u"predefined_metric_specification"_s);
        hcl.attribute(u"predefined_metric_type"_s, H::string(u"ECSServiceAverageCPUUtilization"_s));
        hcl.endBlock();
        hcl.endBlock();
        hcl.endBlock();

        for (const Node *trigger : c.triggers) {
            if (trigger->kind != Kinds::HttpRoute) {
                output.add(Diagnostic::Severity::Warning, u"export-fargate-trigger"_s,
                           text(QT_TRANSLATE_NOOP(
                                    "Nimbus::Aws",
                                    "%1 -> %2: ECS does not deliver a %3's events to a service; the connection is not "
                                    "exported (the container can poll or subscribe itself)"))
                               .arg(trigger->name, c.node->name, trigger->kind),
                           trigger->id);
                continue;
            }
            if (auth.authorizer(trigger))
                output.add(Diagnostic::Severity::Warning, u"export-fargate-auth"_s,
                           text(QT_TRANSLATE_NOOP(
                                    "Nimbus::Aws",
                                    "%1: the authorizer of a route to the container %2 is not exported; the route is "
                                    "open"))
                               .arg(trigger->name, c.node->name),
                           trigger->id);
            routed = true;
            const QString route = ExportModel::snakeCase(trigger->name);
            hcl.beginBlock(u"resource"_s, {u"aws_apigatewayv2_integration"_s, route});
            hcl.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.containers.id"_s));
            hcl.attribute(u"integration_type"_s, H::string(u"HTTP_PROXY"_s));
            hcl.attribute(u"integration_method"_s, H::string(u"ANY"_s));
            hcl.attribute(u"connection_type"_s, H::string(u"VPC_LINK"_s));
            hcl.attribute(u"connection_id"_s, H::expression(u"aws_apigatewayv2_vpc_link.containers.id"_s));
            hcl.attribute(u"integration_uri"_s, H::expression(u"aws_service_discovery_service.%1.arn"_s.arg(name)));
            hcl.attribute(u"payload_format_version"_s, H::string(u"1.0"_s));
            hcl.endBlock();
            hcl.beginBlock(u"resource"_s, {u"aws_apigatewayv2_route"_s, route});
            hcl.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.containers.id"_s));
            hcl.attribute(u"route_key"_s,
                          H::string(u"%1 %2"_s.arg(model.string(trigger, "method"), model.string(trigger, "path"))));
            hcl.attribute(u"target"_s,
                          H::templateString(u"integrations/${aws_apigatewayv2_integration.%1.id}"_s.arg(route)));
            hcl.endBlock();
        }
    }
    if (routed) {
        hcl.beginBlock(u"resource"_s, {u"aws_apigatewayv2_api"_s, u"containers"_s});
        hcl.attribute(u"name"_s, H::templateString(u"${var.name_prefix}-containers"_s));
        hcl.attribute(u"protocol_type"_s, H::string(u"HTTP"_s));
        hcl.endBlock();
        hcl.beginBlock(u"resource"_s, {u"aws_apigatewayv2_stage"_s, u"containers"_s});
        hcl.attribute(u"api_id"_s, H::expression(u"aws_apigatewayv2_api.containers.id"_s));
        hcl.attribute(u"name"_s, H::string(u"$default"_s));
        hcl.attribute(u"auto_deploy"_s, H::boolean(true));
        hcl.endBlock();
        hcl.beginBlock(u"resource"_s, {u"aws_apigatewayv2_vpc_link"_s, u"containers"_s});
        hcl.attribute(u"name"_s, H::templateString(u"${var.name_prefix}-containers"_s));
        hcl.attribute(u"subnet_ids"_s, H::expression(u"var.containers_subnet_ids"_s));
        hcl.attribute(u"security_group_ids"_s, H::list({H::expression(u"aws_security_group.containers.id"_s)}));
        hcl.endBlock();
        hcl.beginBlock(u"output"_s, {u"containers_api_url"_s});
        hcl.attribute(u"value"_s, H::expression(u"aws_apigatewayv2_stage.containers.invoke_url"_s));
        hcl.endBlock();
        output.add(Diagnostic::Severity::Info, u"export-fargate-api"_s,
                   text(QT_TRANSLATE_NOOP(
                            "Nimbus::Aws",
                            "Routes to containers are on an HTTP API of their own (%1), through a VPC link to each "
                            "container's Cloud Map service"))
                       .arg(u"aws_apigatewayv2_api.containers"_s));
    }
    return hcl.text();
}

} // namespace Nimbus::Terraform
