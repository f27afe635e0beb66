#pragma once

#include "awscommon.h"

#include "export/containerexport.h"

namespace Nimbus::Aws {

// A task size Fargate accepts: CPU units (1024 a vCPU) and memory in MB. The smallest
// size that gives a container at least its CPU and memory; rounded tells that it is more.
struct FargateSize
{
    int cpuUnits = 256;
    int memoryMb = 512;
    bool rounded = false;
};
FargateSize fargateSize(double cpu, int memoryMb);

// What a container's connections let it do (reads, writes, publishes ...), as a function's
// accesses, so that its task role grants what iamStatements() grants a function: nothing
// more. Its triggers are left out: ECS does not deliver them.
ExportFunction accessorOf(const ExportModel &model, const ExportContainer &container);

// The design's serverless containers as ECS services on Fargate, in CloudFormation (SAM):
// one cluster; per container a task definition (its image, port, size, variables, logs
// to CloudWatch), a log group and a service in the VPC's subnets, kept between its
// minimum (at least one task: ECS does not start one on a request) and maximum by CPU
// target tracking. Routes reach a container through an HTTP API of its own, a VPC link
// and the container's Cloud Map service. The VPC, subnets and a container image built
// from a folder are parameters. What ECS cannot take (events, schedules and queues
// delivering to a container, authorizers on its routes) is said per node.
void addFargateResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &parameters, YAML::Node &resources,
                         ExportOutput &output);

} // namespace Nimbus::Aws
