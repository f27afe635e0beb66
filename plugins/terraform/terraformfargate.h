#pragma once

#include "export/exportmodel.h"

#include <QByteArray>

#include <functional>

namespace Nimbus::Terraform {

// containers.tf: the design's serverless containers as ECS services on Fargate, as the SAM
// export writes them (Aws::addFargateResources): a cluster, per container a task
// definition, a log group, a Cloud Map service, an ECS service in the VPC's subnets and its
// CPU target tracking between the minimum (one at least) and maximum tasks; routes to a
// container on an HTTP API of their own through a VPC link. The VPC, subnets and images
// built from folders are variables. Empty when the design has no container; what ECS
// cannot take is said per node in output.
// reference names a service's Terraform attribute (aws_sqs_queue.jobs.arn) for the task
// role's statements.
QByteArray fargateFile(const ExportModel &model, ExportOutput &output,
                       const std::function<QString(const Node *, const QString &)> &reference);

} // namespace Nimbus::Terraform
