#include "awsfargate.h"

#include "export/routeauthorization.h"
#include "export/yaml.h"
#include "model/kinds.h"

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

using Y = Yaml;

namespace {

// Fargate's Linux task sizes: the memory each CPU size takes, from its least to its most
// in its steps (AWS's "Task CPU and memory" table).
struct CpuSize
{
    int units;
    int minMb;
    int maxMb;
    int stepMb;
};
constexpr std::array kCpuSizes{CpuSize{256, 512, 2048, 512},       CpuSize{512, 1024, 4096, 1024},
                               CpuSize{1024, 2048, 8192, 1024},    CpuSize{2048, 4096, 16384, 1024},
                               CpuSize{4096, 8192, 30720, 1024},   CpuSize{8192, 16384, 61440, 4096},
                               CpuSize{16384, 32768, 122880, 8192}};

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::Aws", text);
}

YAML::Node map()
{
    return YAML::Node(YAML::NodeType::Map);
}

YAML::Node resource(const char *type, const YAML::Node &properties)
{
    YAML::Node r = map();
    r["Type"] = Y::string(type);
    r["Properties"] = properties;
    return r;
}

YAML::Node sub(const QString &text)
{
    return Y::tagged("Sub", Y::string(text));
}

YAML::Node parameter(const char *type, const QString &description)
{
    YAML::Node p = map();
    p["Type"] = Y::string(type);
    p["Description"] = Y::string(description);
    return p;
}

} // namespace

FargateSize fargateSize(double cpu, int memoryMb)
{
    const int wantedUnits = int(std::ceil(cpu * 1024 - 1e-9));
    for (const CpuSize &size : kCpuSizes) {
        if (size.units < wantedUnits || size.maxMb < memoryMb)
            continue;
        int memory = size.minMb;
        while (memory < memoryMb)
            memory += size.stepMb;
        return {size.units, memory, size.units != wantedUnits || memory != memoryMb};
    }
    const CpuSize &largest = kCpuSizes.back();
    return {largest.units, largest.maxMb, true};
}

ExportFunction accessorOf(const ExportModel &model, const ExportContainer &container)
{
    ExportFunction f;
    f.node = container.node;
    const Architecture &architecture = model.architecture();
    for (EdgeId edgeId : architecture.outgoingEdges(container.node->id)) {
        const Edge *edge = architecture.edge(edgeId);
        f.accesses.append({architecture.node(edge->to), edge->type});
    }
    std::sort(f.accesses.begin(), f.accesses.end(), [](const FunctionAccess &a, const FunctionAccess &b) {
        return a.service->name != b.service->name ? a.service->name < b.service->name : a.type < b.type;
    });
    return f;
}

void addFargateResources(const ExportModel &model, const LogicalIds &ids, YAML::Node &parameters, YAML::Node &resources,
                         ExportOutput &output)
{
    const QList<ExportContainer> containers = ExportContainer::of(model);
    if (containers.isEmpty())
        return;
    const RouteAuthorization auth(model, false);

    parameters["ContainersVpc"] = parameter("AWS::EC2::VPC::Id", tr("The VPC the containers' ECS services run in."));
    parameters["ContainersSubnets"] = parameter(
        "List<AWS::EC2::Subnet::Id>",
        tr("Subnets of that VPC for the containers' tasks and the HTTP API's VPC link (with a route to the internet "
           "or VPC endpoints, to pull images)."));

    resources["ContainersCluster"] = resource("AWS::ECS::Cluster", map());
    YAML::Node executionRole = map();
    executionRole["AssumeRolePolicyDocument"] = assumeRole("ecs-tasks.amazonaws.com");
    executionRole["ManagedPolicyArns"] = Y::sequence(
        {u"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"_s});
    resources["ContainersExecutionRole"] = resource("AWS::IAM::Role", executionRole);

    // The tasks and the VPC link share one security group; it lets the link reach the
    // containers' ports.
    YAML::Node group = map();
    group["GroupDescription"] = Y::string("Serverless containers and the HTTP API's VPC link");
    group["VpcId"] = ref(u"ContainersVpc"_s);
    resources["ContainersSecurityGroup"] = resource("AWS::EC2::SecurityGroup", group);
    YAML::Node namespaceProperties = map();
    namespaceProperties["Name"] = sub(u"${AWS::StackName}.local"_s);
    namespaceProperties["Vpc"] = ref(u"ContainersVpc"_s);
    resources["ContainersNamespace"] = resource("AWS::ServiceDiscovery::PrivateDnsNamespace", namespaceProperties);

    bool routed = false;
    for (const ExportContainer &c : containers) {
        const QString id = ids.of(c.node);
        const FargateSize size = fargateSize(c.cpu, c.memory);
        if (size.rounded)
            output.add(Diagnostic::Severity::Info, u"export-fargate-size"_s,
                       tr("%1: Fargate has no task of %2 vCPU and %3 MB; the task has %4 vCPU and %5 MB")
                           .arg(c.node->name)
                           .arg(c.cpu)
                           .arg(c.memory)
                           .arg(size.cpuUnits / 1024.0)
                           .arg(size.memoryMb),
                       c.node->id, u"cpu"_s);

        YAML::Node image;
        if (c.image.isEmpty()) {
            const QString imageParameter = id + u"Image"_s;
            parameters[imageParameter.toStdString()] = parameter(
                "String", tr("The image of %1, built from its folder %2 and pushed to a registry ECS can pull from.")
                              .arg(c.node->name, c.folder));
            image = ref(imageParameter);
        } else {
            image = Y::string(c.image);
        }

        YAML::Node logGroup = map();
        logGroup["LogGroupName"] = sub(u"/ecs/${AWS::StackName}/%1"_s.arg(c.name));
        logGroup["RetentionInDays"] = Y::number(30);
        resources[(id + u"Logs"_s).toStdString()] = resource("AWS::Logs::LogGroup", logGroup);

        YAML::Node definition = map();
        definition["Name"] = Y::string(c.name);
        definition["Image"] = image;
        definition["Essential"] = Y::boolean(true);
        YAML::Node port = map();
        port["ContainerPort"] = Y::number(c.port);
        port["Protocol"] = Y::string("tcp");
        YAML::Node ports(YAML::NodeType::Sequence);
        ports.push_back(port);
        definition["PortMappings"] = ports;
        YAML::Node environment(YAML::NodeType::Sequence);
        // As the container's platforms give it: PORT, then its own variables.
        YAML::Node portVariable = map();
        portVariable["Name"] = Y::string("PORT");
        portVariable["Value"] = Y::string(QString::number(c.port));
        environment.push_back(portVariable);
        for (const EnvironmentVariable &var : c.environment) {
            YAML::Node v = map();
            v["Name"] = Y::string(var.name);
            if (var.secret) {
                const QString secretParameter = id + ExportModel::identifier(var.name);
                YAML::Node p = parameter("String", tr("The secret variable %1 of %2.").arg(var.name, c.node->name));
                p["NoEcho"] = Y::boolean(true);
                parameters[secretParameter.toStdString()] = p;
                v["Value"] = ref(secretParameter);
            } else {
                v["Value"] = Y::string(var.value);
            }
            environment.push_back(v);
        }
        definition["Environment"] = environment;
        YAML::Node logOptions = map();
        logOptions["awslogs-group"] = ref(id + u"Logs"_s);
        logOptions["awslogs-region"] = ref(u"AWS::Region"_s);
        logOptions["awslogs-stream-prefix"] = Y::string(c.name);
        YAML::Node logConfiguration = map();
        logConfiguration["LogDriver"] = Y::string("awslogs");
        logConfiguration["Options"] = logOptions;
        definition["LogConfiguration"] = logConfiguration;
        YAML::Node definitions(YAML::NodeType::Sequence);
        definitions.push_back(definition);

        // The task's own role: what the container's connections let it do.
        const QList<IamStatement> statements = iamStatements(accessorOf(model, c));
        if (!statements.isEmpty()) {
            YAML::Node list(YAML::NodeType::Sequence);
            for (const IamStatement &statement : statements) {
                YAML::Node allow = map();
                allow["Effect"] = Y::string("Allow");
                allow["Action"] = Y::sequence(statement.actions);
                allow["Resource"] = statementResource(statement, ids);
                list.push_back(allow);
            }
            YAML::Node document = map();
            document["Version"] = Y::string("2012-10-17");
            document["Statement"] = list;
            YAML::Node policy = map();
            policy["PolicyName"] = Y::string(c.name + u"-access"_s);
            policy["PolicyDocument"] = document;
            YAML::Node policies(YAML::NodeType::Sequence);
            policies.push_back(policy);
            YAML::Node role = map();
            role["AssumeRolePolicyDocument"] = assumeRole("ecs-tasks.amazonaws.com");
            role["Policies"] = policies;
            resources[(id + u"TaskRole"_s).toStdString()] = resource("AWS::IAM::Role", role);
        }

        YAML::Node task = map();
        task["Family"] = Y::string(c.name);
        task["Cpu"] = Y::string(QString::number(size.cpuUnits));
        task["Memory"] = Y::string(QString::number(size.memoryMb));
        task["NetworkMode"] = Y::string("awsvpc");
        task["RequiresCompatibilities"] = Y::sequence({u"FARGATE"_s});
        task["ExecutionRoleArn"] = getAtt(u"ContainersExecutionRole"_s, u"Arn"_s);
        if (!statements.isEmpty())
            task["TaskRoleArn"] = getAtt(id + u"TaskRole"_s, u"Arn"_s);
        task["ContainerDefinitions"] = definitions;
        resources[(id + u"Task"_s).toStdString()] = resource("AWS::ECS::TaskDefinition", task);

        YAML::Node dns = map();
        YAML::Node record = map();
        record["Type"] = Y::string("SRV");
        record["TTL"] = Y::number(60);
        YAML::Node records(YAML::NodeType::Sequence);
        records.push_back(record);
        dns["DnsRecords"] = records;
        dns["NamespaceId"] = ref(u"ContainersNamespace"_s);
        YAML::Node discovery = map();
        discovery["Name"] = Y::string(c.name);
        discovery["DnsConfig"] = dns;
        resources[(id + u"Discovery"_s).toStdString()] = resource("AWS::ServiceDiscovery::Service", discovery);

        const int minimum = std::max(1, c.minInstances);
        if (c.minInstances < 1)
            output.add(Diagnostic::Severity::Warning, u"export-fargate-scale"_s,
                       tr("%1: an ECS service on Fargate does not start a task on a request; it keeps one running "
                          "instead of scaling to zero")
                           .arg(c.node->name),
                       c.node->id, u"minInstances"_s);
        YAML::Node vpc = map();
        vpc["AssignPublicIp"] = Y::string("ENABLED");
        vpc["Subnets"] = ref(u"ContainersSubnets"_s);
        YAML::Node groups(YAML::NodeType::Sequence);
        groups.push_back(ref(u"ContainersSecurityGroup"_s));
        vpc["SecurityGroups"] = groups;
        YAML::Node network = map();
        network["AwsvpcConfiguration"] = vpc;
        YAML::Node registry = map();
        registry["RegistryArn"] = getAtt(id + u"Discovery"_s, u"Arn"_s);
        registry["Port"] = Y::number(c.port);
        YAML::Node registries(YAML::NodeType::Sequence);
        registries.push_back(registry);
        YAML::Node service = map();
        service["ServiceName"] = Y::string(c.name);
        service["Cluster"] = ref(u"ContainersCluster"_s);
        service["LaunchType"] = Y::string("FARGATE");
        service["TaskDefinition"] = ref(id + u"Task"_s);
        service["DesiredCount"] = Y::number(minimum);
        service["NetworkConfiguration"] = network;
        service["ServiceRegistries"] = registries;
        resources[(id + u"Service"_s).toStdString()] = resource("AWS::ECS::Service", service);

        // Between its minimum and maximum tasks by CPU, which Fargate measures (a task's
        // concurrent requests are not: concurrency is the container's own).
        YAML::Node target = map();
        target["MinCapacity"] = Y::number(minimum);
        target["MaxCapacity"] = Y::number(std::max(minimum, c.maxInstances));
        target["ResourceId"] = sub(u"service/${ContainersCluster}/${%1Service.Name}"_s.arg(id));
        target["ScalableDimension"] = Y::string("ecs:service:DesiredCount");
        target["ServiceNamespace"] = Y::string("ecs");
        // Application Auto Scaling's own role for ECS, which it creates when first used.
        target["RoleARN"] = sub(u"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
                                u"ecs.application-autoscaling.amazonaws.com/"
                                u"AWSServiceRoleForApplicationAutoScaling_ECSService"_s);
        resources[(id + u"Scaling"_s).toStdString()] = resource("AWS::ApplicationAutoScaling::ScalableTarget", target);
        YAML::Node metric = map();
        metric["PredefinedMetricType"] = Y::string("ECSServiceAverageCPUUtilization");
        YAML::Node tracking = map();
        tracking["TargetValue"] = Y::number(70);
        tracking["PredefinedMetricSpecification"] = metric;
        YAML::Node policy = map();
        policy["PolicyName"] = Y::string(c.name + u"-cpu"_s);
        policy["PolicyType"] = Y::string("TargetTrackingScaling");
        policy["ScalingTargetId"] = ref(id + u"Scaling"_s);
        policy["TargetTrackingScalingPolicyConfiguration"] = tracking;
        resources[(id + u"ScalingPolicy"_s).toStdString()] = resource("AWS::ApplicationAutoScaling::ScalingPolicy",
                                                                      policy);

        for (const Node *trigger : c.triggers) {
            if (trigger->kind != Kinds::HttpRoute) {
                output.add(Diagnostic::Severity::Warning, u"export-fargate-trigger"_s,
                           tr("%1 -> %2: ECS does not deliver a %3's events to a service; the connection is not "
                              "exported (the container can poll or subscribe itself)")
                               .arg(trigger->name, c.node->name, trigger->kind),
                           trigger->id);
                continue;
            }
            if (auth.authorizer(trigger))
                output.add(Diagnostic::Severity::Warning, u"export-fargate-auth"_s,
                           tr("%1: the authorizer of a route to the container %2 is not exported; the route is "
                              "open")
                               .arg(trigger->name, c.node->name),
                           trigger->id);
            routed = true;
            const QString routeId = ids.of(trigger);
            YAML::Node integration = map();
            integration["ApiId"] = ref(u"ContainersHttpApi"_s);
            integration["IntegrationType"] = Y::string("HTTP_PROXY");
            integration["IntegrationMethod"] = Y::string("ANY");
            integration["ConnectionType"] = Y::string("VPC_LINK");
            integration["ConnectionId"] = ref(u"ContainersVpcLink"_s);
            integration["IntegrationUri"] = getAtt(id + u"Discovery"_s, u"Arn"_s);
            integration["PayloadFormatVersion"] = Y::string("1.0");
            resources[(routeId + u"Integration"_s).toStdString()] = resource("AWS::ApiGatewayV2::Integration",
                                                                             integration);
            YAML::Node route = map();
            route["ApiId"] = ref(u"ContainersHttpApi"_s);
            route["RouteKey"] = Y::string(u"%1 %2"_s.arg(settingText(trigger, "method"), settingText(trigger, "path")));
            route["Target"] = sub(u"integrations/${%1Integration}"_s.arg(routeId));
            resources[(routeId + u"Route"_s).toStdString()] = resource("AWS::ApiGatewayV2::Route", route);
        }
    }

    if (!routed)
        return;
    // The containers' routes: an HTTP API of their own (the functions' is SAM's implicit
    // one), its default stage, and the VPC link into the containers' subnets.
    YAML::Node api = map();
    api["Name"] = sub(u"${AWS::StackName}-containers"_s);
    api["ProtocolType"] = Y::string("HTTP");
    resources["ContainersHttpApi"] = resource("AWS::ApiGatewayV2::Api", api);
    YAML::Node stage = map();
    stage["ApiId"] = ref(u"ContainersHttpApi"_s);
    stage["StageName"] = Y::string("$default");
    stage["AutoDeploy"] = Y::boolean(true);
    resources["ContainersHttpApiStage"] = resource("AWS::ApiGatewayV2::Stage", stage);
    YAML::Node link = map();
    link["Name"] = sub(u"${AWS::StackName}-containers"_s);
    link["SubnetIds"] = ref(u"ContainersSubnets"_s);
    YAML::Node linkGroups(YAML::NodeType::Sequence);
    linkGroups.push_back(ref(u"ContainersSecurityGroup"_s));
    link["SecurityGroupIds"] = linkGroups;
    resources["ContainersVpcLink"] = resource("AWS::ApiGatewayV2::VpcLink", link);
    YAML::Node ingress = map();
    ingress["GroupId"] = ref(u"ContainersSecurityGroup"_s);
    ingress["SourceSecurityGroupId"] = ref(u"ContainersSecurityGroup"_s);
    ingress["IpProtocol"] = Y::string("tcp");
    ingress["FromPort"] = Y::number(0);
    ingress["ToPort"] = Y::number(65535);
    resources["ContainersSecurityGroupIngress"] = resource("AWS::EC2::SecurityGroupIngress", ingress);
    output.add(Diagnostic::Severity::Info, u"export-fargate-api"_s,
               tr("Routes to containers are on an HTTP API of their own (%1), through a VPC link to each "
                  "container's Cloud Map service")
                   .arg(u"ContainersHttpApi"_s));
}

} // namespace Nimbus::Aws
