# Serverless containers as ECS services on Fargate.
variable "containers_vpc_id" {
  description = "The VPC the containers' ECS services run in."
  type        = string
}

variable "containers_subnet_ids" {
  description = "Subnets of that VPC for the containers' tasks and the HTTP API's VPC link (with a route to the internet or VPC endpoints, to pull images)."
  type        = list(string)
}

resource "aws_ecs_cluster" "containers" {
  name = "${var.name_prefix}-containers"
}

resource "aws_iam_role" "containers_execution" {
  name               = "${var.name_prefix}-containers-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "containers_execution" {
  role       = aws_iam_role.containers_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_security_group" "containers" {
  name        = "${var.name_prefix}-containers"
  description = "Serverless containers and the HTTP API's VPC link"
  vpc_id      = var.containers_vpc_id
  ingress {
    from_port = 0
    to_port   = 65535
    protocol  = "tcp"
    self      = true
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_service_discovery_private_dns_namespace" "containers" {
  name = "${var.name_prefix}.local"
  vpc  = var.containers_vpc_id
}

variable "web_api_key" {
  description = "The secret variable API_KEY of web."
  type        = string
  sensitive   = true
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/${var.name_prefix}/web"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "web" {
  family                   = "${var.name_prefix}-web"
  cpu                      = "512"
  memory                   = "1024"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = aws_iam_role.containers_execution.arn
  container_definitions    = jsonencode([
    {
      name             = "web"
      image            = "ghcr.io/acme/web:1.2"
      essential        = true
      portMappings     = [
        {
          containerPort = 3000
          protocol      = "tcp"
        },
      ]
      environment      = [
        {
          name  = "PORT"
          value = "3000"
        },
        {
          name  = "GREETING"
          value = "hello"
        },
        {
          name  = "API_KEY"
          value = var.web_api_key
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options   = {
          awslogs-group         = aws_cloudwatch_log_group.web.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "web"
        }
      }
    },
  ])
}

resource "aws_service_discovery_service" "web" {
  name = "web"
  dns_config {
    namespace_id = aws_service_discovery_private_dns_namespace.containers.id
    dns_records {
      type = "SRV"
      ttl  = 60
    }
  }
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.containers.id
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 1
  network_configuration {
    subnets          = var.containers_subnet_ids
    security_groups  = [aws_security_group.containers.id]
    assign_public_ip = true
  }
  service_registries {
    registry_arn = aws_service_discovery_service.web.arn
    port         = 3000
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "web" {
  min_capacity       = 1
  max_capacity       = 5
  resource_id        = "service/${aws_ecs_cluster.containers.name}/${aws_ecs_service.web.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_appautoscaling_policy" "web" {
  name               = "web-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.web.resource_id
  scalable_dimension = aws_appautoscaling_target.web.scalable_dimension
  service_namespace  = aws_appautoscaling_target.web.service_namespace
  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_apigatewayv2_integration" "site" {
  api_id                 = aws_apigatewayv2_api.containers.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.containers.id
  integration_uri        = aws_service_discovery_service.web.arn
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_route" "site" {
  api_id    = aws_apigatewayv2_api.containers.id
  route_key = "ANY /{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.site.id}"
}

variable "worker_image" {
  description = "The image of worker, built from its folder containers/worker and pushed to a registry ECS can pull from."
  type        = string
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/${var.name_prefix}/worker"
  retention_in_days = 30
}

resource "aws_iam_role" "worker_task" {
  name               = "${var.name_prefix}-worker-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "worker_task" {
  name   = "access"
  role   = aws_iam_role.worker_task.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
        Resource = aws_sqs_queue.jobs.arn
      },
    ]
  })
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name_prefix}-worker"
  cpu                      = "2048"
  memory                   = "4096"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = aws_iam_role.containers_execution.arn
  task_role_arn            = aws_iam_role.worker_task.arn
  container_definitions    = jsonencode([
    {
      name             = "worker"
      image            = var.worker_image
      essential        = true
      portMappings     = [
        {
          containerPort = 8080
          protocol      = "tcp"
        },
      ]
      environment      = [
        {
          name  = "PORT"
          value = "8080"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options   = {
          awslogs-group         = aws_cloudwatch_log_group.worker.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "worker"
        }
      }
    },
  ])
}

resource "aws_service_discovery_service" "worker" {
  name = "worker"
  dns_config {
    namespace_id = aws_service_discovery_private_dns_namespace.containers.id
    dns_records {
      type = "SRV"
      ttl  = 60
    }
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.containers.id
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 1
  network_configuration {
    subnets          = var.containers_subnet_ids
    security_groups  = [aws_security_group.containers.id]
    assign_public_ip = true
  }
  service_registries {
    registry_arn = aws_service_discovery_service.worker.arn
    port         = 8080
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "worker" {
  min_capacity       = 1
  max_capacity       = 100
  resource_id        = "service/${aws_ecs_cluster.containers.name}/${aws_ecs_service.worker.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_appautoscaling_policy" "worker" {
  name               = "worker-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.worker.resource_id
  scalable_dimension = aws_appautoscaling_target.worker.scalable_dimension
  service_namespace  = aws_appautoscaling_target.worker.service_namespace
  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_apigatewayv2_api" "containers" {
  name          = "${var.name_prefix}-containers"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "containers" {
  api_id      = aws_apigatewayv2_api.containers.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_vpc_link" "containers" {
  name               = "${var.name_prefix}-containers"
  subnet_ids         = var.containers_subnet_ids
  security_group_ids = [aws_security_group.containers.id]
}

output "containers_api_url" {
  value = aws_apigatewayv2_stage.containers.invoke_url
}
