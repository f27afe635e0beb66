terraform {
  required_version = ">= 1.5"
  required_providers {
    aws     = {
      source  = "hashicorp/aws"
      version = "~> 5.76"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_sqs_queue" "orders_dead_letters" {
  name                      = "${var.name_prefix}-orders-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "orders" {
  name                       = "${var.name_prefix}-orders"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sns_topic" "alerts" {
  name = "${var.name_prefix}-alerts"
}

resource "aws_sns_topic" "receipts" {
  name = "${var.name_prefix}-receipts"
}

resource "aws_dynamodb_table" "stock" {
  name         = "${var.name_prefix}-stock"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

data "aws_cloudwatch_event_bus" "default_bus" {
  name = "default"
}

data "archive_file" "charge" {
  type        = "zip"
  source_dir  = "${path.module}/functions/charge"
  output_path = "${path.module}/build/charge.zip"
}

resource "aws_iam_role" "charge" {
  name               = "${var.name_prefix}-charge"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "lambda.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "charge_logs" {
  role       = aws_iam_role.charge.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "charge" {
  function_name    = "${var.name_prefix}-charge"
  role             = aws_iam_role.charge.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.charge.output_path
  source_code_hash = data.archive_file.charge.output_base64sha256
}

data "archive_file" "place_order" {
  type        = "zip"
  source_dir  = "${path.module}/functions/placeOrder"
  output_path = "${path.module}/build/placeOrder.zip"
}

resource "aws_iam_role" "place_order" {
  name               = "${var.name_prefix}-place-order"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "lambda.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "place_order_logs" {
  role       = aws_iam_role.place_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "place_order" {
  name   = "access"
  role   = aws_iam_role.place_order.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = aws_sfn_state_machine.order_flow.arn
      },
    ]
  })
}

resource "aws_lambda_function" "place_order" {
  function_name    = "${var.name_prefix}-placeOrder"
  role             = aws_iam_role.place_order.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.place_order.output_path
  source_code_hash = data.archive_file.place_order.output_base64sha256
  environment {
    variables = {
      ORDER_FLOW_STATE_MACHINE_ARN = aws_sfn_state_machine.order_flow.arn
    }
  }
}

data "archive_file" "validate" {
  type        = "zip"
  source_dir  = "${path.module}/functions/validate"
  output_path = "${path.module}/build/validate.zip"
}

resource "aws_iam_role" "validate" {
  name               = "${var.name_prefix}-validate"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "lambda.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "validate_logs" {
  role       = aws_iam_role.validate.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "validate" {
  function_name    = "${var.name_prefix}-validate"
  role             = aws_iam_role.validate.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.validate.output_path
  source_code_hash = data.archive_file.validate.output_base64sha256
}

resource "aws_cloudwatch_event_rule" "retry_orders" {
  name           = "${var.name_prefix}-retry-orders"
  event_bus_name = data.aws_cloudwatch_event_bus.default_bus.name
  event_pattern  = jsonencode({
    detail-type = ["OrderRetried"]
    source      = ["shop.orders"]
  })
  state          = "ENABLED"
}

resource "aws_cloudwatch_event_target" "retry_orders_order_flow" {
  rule           = aws_cloudwatch_event_rule.retry_orders.name
  event_bus_name = data.aws_cloudwatch_event_bus.default_bus.name
  target_id      = "order-flow"
  arn            = aws_sfn_state_machine.order_flow.arn
  role_arn       = aws_iam_role.order_flow_events.arn
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name_prefix
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

output "api_url" {
  value = aws_apigatewayv2_stage.default.invoke_url
}

resource "aws_iam_role" "order_flow" {
  name               = "${var.name_prefix}-order-flow"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "states.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "order_flow" {
  name   = "access"
  role   = aws_iam_role.order_flow.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.charge.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = aws_sns_topic.receipts.arn
      },
      {
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = aws_sfn_state_machine.reminder.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
        Resource = aws_dynamodb_table.stock.arn
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.validate.arn
      },
    ]
  })
}

resource "aws_sfn_state_machine" "order_flow" {
  name       = "${var.name_prefix}-order-flow"
  type       = "STANDARD"
  role_arn   = aws_iam_role.order_flow.arn
  definition = templatefile("${path.module}/workflows/orderFlow.asl.json", {
    charge   = aws_lambda_function.charge.arn
    receipts = aws_sns_topic.receipts.arn
    reminder = aws_sfn_state_machine.reminder.arn
    stock    = aws_dynamodb_table.stock.name
    validate = aws_lambda_function.validate.arn
  })
}

resource "aws_iam_role" "checkout_order_flow" {
  name               = "${var.name_prefix}-checkout-order-flow"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "apigateway.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "checkout_order_flow" {
  name   = "access"
  role   = aws_iam_role.checkout_order_flow.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = aws_sfn_state_machine.order_flow.arn
      },
    ]
  })
}

resource "aws_apigatewayv2_integration" "checkout_order_flow" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_subtype    = "StepFunctions-StartExecution"
  credentials_arn        = aws_iam_role.checkout_order_flow.arn
  payload_format_version = "1.0"
  request_parameters     = {
    StateMachineArn = aws_sfn_state_machine.order_flow.arn
    Input           = "$request.body"
  }
}

resource "aws_apigatewayv2_route" "checkout_order_flow" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /checkout"
  target    = "integrations/${aws_apigatewayv2_integration.checkout_order_flow.id}"
}

resource "aws_cloudwatch_event_rule" "nightly_order_flow" {
  name                = "${var.name_prefix}-nightly"
  schedule_expression = "rate(1 day)"
  state               = "ENABLED"
}

resource "aws_cloudwatch_event_target" "nightly_order_flow" {
  rule     = aws_cloudwatch_event_rule.nightly_order_flow.name
  arn      = aws_sfn_state_machine.order_flow.arn
  role_arn = aws_iam_role.order_flow_events.arn
}

resource "aws_iam_role" "orders_order_flow_pipe" {
  name               = "${var.name_prefix}-orders-order-flow-pipe"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "pipes.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "orders_order_flow_pipe" {
  name   = "access"
  role   = aws_iam_role.orders_order_flow_pipe.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        Resource = aws_sqs_queue.orders.arn
      },
      {
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = aws_sfn_state_machine.order_flow.arn
      },
    ]
  })
}

resource "aws_pipes_pipe" "orders_order_flow" {
  name     = "${var.name_prefix}-orders-order-flow"
  role_arn = aws_iam_role.orders_order_flow_pipe.arn
  source   = aws_sqs_queue.orders.arn
  target   = aws_sfn_state_machine.order_flow.arn
  source_parameters {
    sqs_queue_parameters {
      batch_size = 1
    }
  }
  target_parameters {
    step_function_state_machine_parameters {
      invocation_type = "FIRE_AND_FORGET"
    }
  }
}

resource "aws_iam_role" "order_flow_events" {
  name               = "${var.name_prefix}-order-flow-events"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "order_flow_events" {
  name   = "access"
  role   = aws_iam_role.order_flow_events.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = aws_sfn_state_machine.order_flow.arn
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "reminder_logs" {
  name              = "/aws/vendedlogs/states/${var.name_prefix}-reminder"
  retention_in_days = 30
}

resource "aws_iam_role" "reminder" {
  name               = "${var.name_prefix}-reminder"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "states.amazonaws.com"
        }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "reminder" {
  name   = "access"
  role   = aws_iam_role.reminder.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
        Resource = "*"
      },
    ]
  })
}

resource "aws_sfn_state_machine" "reminder" {
  name       = "${var.name_prefix}-reminder"
  type       = "EXPRESS"
  role_arn   = aws_iam_role.reminder.arn
  definition = templatefile("${path.module}/workflows/reminder.asl.json", {})
  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.reminder_logs.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }
  tracing_configuration {
    enabled = true
  }
}
