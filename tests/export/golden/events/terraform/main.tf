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

resource "aws_sqs_queue" "audit_dead_letters" {
  name                      = "${var.name_prefix}-audit-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "audit" {
  name                       = "${var.name_prefix}-audit"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.audit_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs_dead_letters" {
  name                      = "${var.name_prefix}-jobs-dead-letters.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  name                        = "${var.name_prefix}-jobs.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  visibility_timeout_seconds  = 60
  message_retention_seconds   = 345600
  delay_seconds               = 0
  redrive_policy              = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dead_letters.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "review_failures_dead_letters" {
  name                      = "${var.name_prefix}-review-failures-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "review_failures" {
  name                       = "${var.name_prefix}-review-failures"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.review_failures_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "rule_dlq_dead_letters" {
  name                      = "${var.name_prefix}-rule-dlq-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "rule_dlq" {
  name                       = "${var.name_prefix}-rule-dlq"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.rule_dlq_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sns_topic" "ledger" {
  name                        = "${var.name_prefix}-ledger.fifo"
  fifo_topic                  = true
  content_based_deduplication = true
}

resource "aws_sns_topic" "shipments" {
  name         = "${var.name_prefix}-shipments"
  display_name = "Shipments"
}

resource "aws_sns_topic" "stream_alerts" {
  name = "${var.name_prefix}-stream-alerts"
}

resource "aws_dynamodb_table" "orders" {
  name             = "${var.name_prefix}-orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_s3_bucket" "uploads" {
  bucket = "${var.name_prefix}-uploads"
}

data "aws_cloudwatch_event_bus" "default_bus" {
  name = "default"
}

resource "aws_cloudwatch_event_bus" "orders_bus" {
  name        = "orders"
  description = "Order events of the shop"
}

data "archive_file" "auditor" {
  type        = "zip"
  source_dir  = "${path.module}/functions/auditor"
  output_path = "${path.module}/build/auditor.zip"
}

resource "aws_iam_role" "auditor" {
  name               = "${var.name_prefix}-auditor"
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

resource "aws_iam_role_policy_attachment" "auditor_logs" {
  role       = aws_iam_role.auditor.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "auditor" {
  name   = "access"
  role   = aws_iam_role.auditor.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.fallback.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = aws_sns_topic.shipments.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        Resource = aws_sqs_queue.audit.arn
      },
    ]
  })
}

resource "aws_lambda_function" "auditor" {
  function_name    = "${var.name_prefix}-auditor"
  role             = aws_iam_role.auditor.arn
  handler          = "app.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.auditor.output_path
  source_code_hash = data.archive_file.auditor.output_base64sha256
}

resource "aws_lambda_function_event_invoke_config" "auditor" {
  function_name                = aws_lambda_function.auditor.function_name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 21600
  destination_config {
    on_success {
      destination = aws_sns_topic.shipments.arn
    }
    on_failure {
      destination = aws_lambda_function.fallback.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "auditor_audit" {
  event_source_arn                   = aws_sqs_queue.audit.arn
  function_name                      = aws_lambda_function.auditor.arn
  batch_size                         = 50
  maximum_batching_window_in_seconds = 10
  filter_criteria {
    filter {
      pattern = jsonencode({
        body = {
          kind = ["audit"]
        }
      })
    }
    filter {
      pattern = jsonencode({
        body = {
          total = [
            {
              numeric = [">", 100]
            },
          ]
        }
      })
    }
  }
  scaling_config {
    maximum_concurrency = 5
  }
}

data "archive_file" "fallback" {
  type        = "zip"
  source_dir  = "${path.module}/functions/fallback"
  output_path = "${path.module}/build/fallback.zip"
}

resource "aws_iam_role" "fallback" {
  name               = "${var.name_prefix}-fallback"
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

resource "aws_iam_role_policy_attachment" "fallback_logs" {
  role       = aws_iam_role.fallback.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "fallback" {
  function_name    = "${var.name_prefix}-fallback"
  role             = aws_iam_role.fallback.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.fallback.output_path
  source_code_hash = data.archive_file.fallback.output_base64sha256
}

data "archive_file" "on_order_change" {
  type        = "zip"
  source_dir  = "${path.module}/functions/onOrderChange"
  output_path = "${path.module}/build/onOrderChange.zip"
}

resource "aws_iam_role" "on_order_change" {
  name               = "${var.name_prefix}-on-order-change"
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

resource "aws_iam_role_policy_attachment" "on_order_change_logs" {
  role       = aws_iam_role.on_order_change.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "on_order_change" {
  name   = "access"
  role   = aws_iam_role.on_order_change.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = aws_sns_topic.stream_alerts.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
        Resource = aws_dynamodb_table.orders.stream_arn
      },
    ]
  })
}

resource "aws_lambda_function" "on_order_change" {
  function_name    = "${var.name_prefix}-onOrderChange"
  role             = aws_iam_role.on_order_change.arn
  handler          = "app.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.on_order_change.output_path
  source_code_hash = data.archive_file.on_order_change.output_base64sha256
}

resource "aws_lambda_function_event_invoke_config" "on_order_change" {
  function_name                = aws_lambda_function.on_order_change.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600
  destination_config {
    on_failure {
      destination = aws_sns_topic.stream_alerts.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "on_order_change_orders" {
  event_source_arn                   = aws_dynamodb_table.orders.stream_arn
  function_name                      = aws_lambda_function.on_order_change.arn
  batch_size                         = 200
  maximum_batching_window_in_seconds = 2
  starting_position                  = "TRIM_HORIZON"
  bisect_batch_on_function_error     = true
  maximum_retry_attempts             = 3
  maximum_record_age_in_seconds      = 3600
  function_response_types            = ["ReportBatchItemFailures"]
  filter_criteria {
    filter {
      pattern = jsonencode({
        eventName = ["INSERT", "MODIFY"]
      })
    }
  }
  destination_config {
    on_failure {
      destination_arn = aws_sns_topic.stream_alerts.arn
    }
  }
}

data "archive_file" "publisher" {
  type        = "zip"
  source_dir  = "${path.module}/functions/publisher"
  output_path = "${path.module}/build/publisher.zip"
}

resource "aws_iam_role" "publisher" {
  name               = "${var.name_prefix}-publisher"
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

resource "aws_iam_role_policy_attachment" "publisher_logs" {
  role       = aws_iam_role.publisher.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "publisher" {
  name   = "access"
  role   = aws_iam_role.publisher.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
        Resource = aws_sqs_queue.jobs.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = aws_sns_topic.ledger.arn
      },
      {
        Effect   = "Allow"
        Action   = ["events:PutEvents"]
        Resource = aws_cloudwatch_event_bus.orders_bus.arn
      },
    ]
  })
}

resource "aws_lambda_function" "publisher" {
  function_name    = "${var.name_prefix}-publisher"
  role             = aws_iam_role.publisher.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 256
  timeout          = 10
  filename         = data.archive_file.publisher.output_path
  source_code_hash = data.archive_file.publisher.output_base64sha256
}

data "archive_file" "review_order" {
  type        = "zip"
  source_dir  = "${path.module}/functions/reviewOrder"
  output_path = "${path.module}/build/reviewOrder.zip"
}

resource "aws_iam_role" "review_order" {
  name               = "${var.name_prefix}-review-order"
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

resource "aws_iam_role_policy_attachment" "review_order_logs" {
  role       = aws_iam_role.review_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "review_order" {
  name   = "access"
  role   = aws_iam_role.review_order.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["events:PutEvents"]
        Resource = data.aws_cloudwatch_event_bus.default_bus.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = aws_sqs_queue.review_failures.arn
      },
    ]
  })
}

resource "aws_lambda_function" "review_order" {
  function_name    = "${var.name_prefix}-reviewOrder"
  role             = aws_iam_role.review_order.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 3
  filename         = data.archive_file.review_order.output_path
  source_code_hash = data.archive_file.review_order.output_base64sha256
}

resource "aws_lambda_function_event_invoke_config" "review_order" {
  function_name                = aws_lambda_function.review_order.function_name
  maximum_retry_attempts       = 1
  maximum_event_age_in_seconds = 600
  destination_config {
    on_success {
      destination = data.aws_cloudwatch_event_bus.default_bus.arn
    }
    on_failure {
      destination = aws_sqs_queue.review_failures.arn
    }
  }
}

data "archive_file" "worker" {
  type        = "zip"
  source_dir  = "${path.module}/functions/worker"
  output_path = "${path.module}/build/worker.zip"
}

resource "aws_iam_role" "worker" {
  name               = "${var.name_prefix}-worker"
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

resource "aws_iam_role_policy_attachment" "worker_logs" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "worker" {
  name   = "access"
  role   = aws_iam_role.worker.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        Resource = aws_sqs_queue.jobs.arn
      },
    ]
  })
}

resource "aws_lambda_function" "worker" {
  function_name    = "${var.name_prefix}-worker"
  role             = aws_iam_role.worker.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 20
  filename         = data.archive_file.worker.output_path
  source_code_hash = data.archive_file.worker.output_base64sha256
}

resource "aws_lambda_event_source_mapping" "worker_jobs" {
  event_source_arn        = aws_sqs_queue.jobs.arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = 5
  function_response_types = ["ReportBatchItemFailures"]
}

resource "aws_lambda_permission" "worker_uploads" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.worker.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.uploads.arn
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.worker.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "in/"
    filter_suffix       = ".json"
  }
  depends_on = [aws_lambda_permission.worker_uploads]
}

resource "aws_cloudwatch_event_rule" "big_orders" {
  name           = "${var.name_prefix}-big-orders"
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  event_pattern  = jsonencode({
    detail      = {
      total = [
        {
          numeric = [">", 100]
        },
      ]
    }
    detail-type = ["OrderPlaced"]
    source      = ["shop.orders"]
  })
  state          = "ENABLED"
}

resource "aws_cloudwatch_event_target" "big_orders_review_order" {
  rule           = aws_cloudwatch_event_rule.big_orders.name
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  target_id      = "review-order"
  arn            = aws_lambda_function.review_order.arn
  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 8
  }
  dead_letter_config {
    arn = aws_sqs_queue.rule_dlq.arn
  }
}

resource "aws_lambda_permission" "big_orders_review_order" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.review_order.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.big_orders.arn
}

resource "aws_cloudwatch_event_rule" "forward" {
  name           = "${var.name_prefix}-forward"
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  event_pattern  = jsonencode({
    detail-type = ["OrderPlaced"]
  })
  state          = "DISABLED"
}

resource "aws_cloudwatch_event_target" "forward_default_bus" {
  rule           = aws_cloudwatch_event_rule.forward.name
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  target_id      = "default-bus"
  arn            = data.aws_cloudwatch_event_bus.default_bus.arn
  role_arn       = aws_iam_role.forward_events.arn
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

resource "aws_iam_role" "forward_events" {
  name               = "${var.name_prefix}-forward-events"
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

resource "aws_iam_role_policy" "forward_events" {
  name   = "put-events"
  role   = aws_iam_role.forward_events.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["events:PutEvents"]
        Resource = [data.aws_cloudwatch_event_bus.default_bus.arn]
      },
    ]
  })
}

resource "aws_cloudwatch_event_rule" "health" {
  name           = "${var.name_prefix}-health"
  event_bus_name = data.aws_cloudwatch_event_bus.default_bus.name
  event_pattern  = jsonencode({
    source = ["aws.health"]
  })
  state          = "ENABLED"
}

resource "aws_cloudwatch_event_target" "health_auditor" {
  rule           = aws_cloudwatch_event_rule.health.name
  event_bus_name = data.aws_cloudwatch_event_bus.default_bus.name
  target_id      = "auditor"
  arn            = aws_lambda_function.auditor.arn
  input          = "{\"check\": \"health\"}"
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

resource "aws_lambda_permission" "health_auditor" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.auditor.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.health.arn
}

resource "aws_cloudwatch_event_rule" "order_ids" {
  name           = "${var.name_prefix}-order-ids"
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  event_pattern  = jsonencode({
    source = ["shop.orders"]
  })
  description    = "Every order's id, for the audit"
  state          = "ENABLED"
}

resource "aws_cloudwatch_event_target" "order_ids_audit" {
  rule           = aws_cloudwatch_event_rule.order_ids.name
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  target_id      = "audit"
  arn            = aws_sqs_queue.audit.arn
  input_path     = "$.detail.id"
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

resource "aws_cloudwatch_event_rule" "shipping" {
  name           = "${var.name_prefix}-shipping"
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  event_pattern  = jsonencode({
    detail-type = ["OrderShipped"]
  })
  state          = "ENABLED"
}

resource "aws_cloudwatch_event_target" "shipping_shipments" {
  rule           = aws_cloudwatch_event_rule.shipping.name
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  target_id      = "shipments"
  arn            = aws_sns_topic.shipments.arn
  input_transformer {
    input_paths    = {
      id     = "$.detail.id"
      status = "$.detail.status"
    }
    input_template = "{\"order\": <id>, \"status\": <status>}"
  }
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

resource "aws_sqs_queue_policy" "audit_events" {
  queue_url = aws_sqs_queue.audit.id
  policy    = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.audit.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = [aws_cloudwatch_event_rule.order_ids.arn]
          }
        }
      },
    ]
  })
}

resource "aws_sqs_queue_policy" "rule_dlq_events" {
  queue_url = aws_sqs_queue.rule_dlq.id
  policy    = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.rule_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = [aws_cloudwatch_event_rule.big_orders.arn]
          }
        }
      },
    ]
  })
}

resource "aws_sns_topic_policy" "shipments_events" {
  arn    = aws_sns_topic.shipments.arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.shipments.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = [aws_cloudwatch_event_rule.shipping.arn]
          }
        }
      },
    ]
  })
}
