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

resource "aws_sqs_queue" "jobs_dead_letters" {
  name                      = "${var.name_prefix}-jobs-dead-letters.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  name                       = "${var.name_prefix}-jobs.fifo"
  fifo_queue                 = true
  visibility_timeout_seconds = 120
  message_retention_seconds  = 345600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_dynamodb_table" "accounts" {
  name             = "${var.name_prefix}-accounts"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  range_key        = "sk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "N"
  }
}

resource "aws_s3_bucket" "uploads" {
  bucket = "${var.name_prefix}-uploads"
}

data "archive_file" "fanout" {
  type        = "zip"
  source_dir  = "${path.module}/functions/fanout"
  output_path = "${path.module}/build/fanout.zip"
}

resource "aws_iam_role" "fanout" {
  name               = "${var.name_prefix}-fanout"
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

resource "aws_iam_role_policy_attachment" "fanout_logs" {
  role       = aws_iam_role.fanout.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "fanout" {
  name   = "access"
  role   = aws_iam_role.fanout.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = aws_s3_bucket.uploads.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
    ]
  })
}

resource "aws_lambda_function" "fanout" {
  function_name    = "${var.name_prefix}-fanout"
  role             = aws_iam_role.fanout.arn
  handler          = "app.run"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = data.archive_file.fanout.output_path
  source_code_hash = data.archive_file.fanout.output_base64sha256
}

resource "aws_cloudwatch_event_rule" "fanout_hourly" {
  name                = "${var.name_prefix}-hourly"
  schedule_expression = "rate(1 hour)"
  description         = "Hourly sweep"
  state               = "DISABLED"
}

resource "aws_cloudwatch_event_target" "fanout_hourly" {
  rule = aws_cloudwatch_event_rule.fanout_hourly.name
  arn  = aws_lambda_function.fanout.arn
}

resource "aws_lambda_permission" "fanout_hourly" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fanout.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.fanout_hourly.arn
}

data "archive_file" "legacy_api" {
  type        = "zip"
  source_dir  = "${path.module}/functions/legacyApi"
  output_path = "${path.module}/build/legacyApi.zip"
}

resource "aws_iam_role" "legacy_api" {
  name               = "${var.name_prefix}-legacy-api"
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

resource "aws_iam_role_policy_attachment" "legacy_api_logs" {
  role       = aws_iam_role.legacy_api.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "legacy_api" {
  name   = "access"
  role   = aws_iam_role.legacy_api.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"]
        Resource = aws_dynamodb_table.accounts.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
        Resource = aws_dynamodb_table.accounts.arn
      },
    ]
  })
}

resource "aws_lambda_function" "legacy_api" {
  function_name                  = "${var.name_prefix}-legacyApi"
  role                           = aws_iam_role.legacy_api.arn
  handler                        = "index.handler"
  runtime                        = "nodejs22.x"
  architectures                  = ["x86_64"]
  memory_size                    = 1024
  timeout                        = 29
  reserved_concurrent_executions = 20
  filename                       = data.archive_file.legacy_api.output_path
  source_code_hash               = data.archive_file.legacy_api.output_base64sha256
}

resource "aws_apigatewayv2_integration" "legacy_api_legacy_route" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.legacy_api.invoke_arn
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_route" "legacy_api_legacy_route" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /legacy/{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.legacy_api_legacy_route.id}"
}

resource "aws_lambda_permission" "legacy_api_legacy_route" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.legacy_api.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

data "archive_file" "on_change" {
  type        = "zip"
  source_dir  = "${path.module}/functions/onChange"
  output_path = "${path.module}/build/onChange.zip"
}

resource "aws_iam_role" "on_change" {
  name               = "${var.name_prefix}-on-change"
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

resource "aws_iam_role_policy_attachment" "on_change_logs" {
  role       = aws_iam_role.on_change.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "on_change" {
  name   = "access"
  role   = aws_iam_role.on_change.id
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
        Action   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
        Resource = aws_dynamodb_table.accounts.stream_arn
      },
    ]
  })
}

resource "aws_lambda_function" "on_change" {
  function_name    = "${var.name_prefix}-onChange"
  role             = aws_iam_role.on_change.arn
  handler          = "handler.main"
  runtime          = "python3.11"
  architectures    = ["x86_64"]
  memory_size      = 256
  timeout          = 60
  filename         = data.archive_file.on_change.output_path
  source_code_hash = data.archive_file.on_change.output_base64sha256
}

resource "aws_lambda_event_source_mapping" "on_change_accounts" {
  event_source_arn  = aws_dynamodb_table.accounts.stream_arn
  function_name     = aws_lambda_function.on_change.arn
  batch_size        = 100
  starting_position = "LATEST"
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
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.fanout.arn
      },
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
  memory_size      = 512
  timeout          = 100
  filename         = data.archive_file.worker.output_path
  source_code_hash = data.archive_file.worker.output_base64sha256
  environment {
    variables = {
      JOBS_QUEUE  = aws_sqs_queue.jobs.name
      DB_PASSWORD = var.worker_db_password
    }
  }
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
    events              = ["s3:ObjectRemoved:*"]
    filter_suffix       = ".csv"
  }
  depends_on = [aws_lambda_permission.worker_uploads]
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name_prefix
  protocol_type = "HTTP"
  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["ANY"]
    allow_headers = ["*"]
  }
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

output "api_url" {
  value = aws_apigatewayv2_stage.default.invoke_url
}
