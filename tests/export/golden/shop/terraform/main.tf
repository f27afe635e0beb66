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

resource "aws_sqs_queue" "notify_failures_dead_letters" {
  name                      = "${var.name_prefix}-notify-failures-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "notify_failures" {
  name                       = "${var.name_prefix}-notify-failures"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.notify_failures_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "order_review_dead_letters" {
  name                      = "${var.name_prefix}-order-review-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "order_review" {
  name                       = "${var.name_prefix}-order-review"
  visibility_timeout_seconds = 300
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.order_review_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "orders_queue_dead_letters" {
  name                      = "${var.name_prefix}-orders-queue-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "orders_queue" {
  name                       = "${var.name_prefix}-orders-queue"
  visibility_timeout_seconds = 60
  message_retention_seconds  = 345600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_queue_dead_letters.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sns_topic" "order_events" {
  name         = "${var.name_prefix}-order-events"
  display_name = "Order events"
}

resource "aws_dynamodb_table" "image_metadata" {
  name         = "${var.name_prefix}-image-metadata"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "key"
  attribute {
    name = "key"
    type = "S"
  }
}

resource "aws_dynamodb_table" "items" {
  name         = "${var.name_prefix}-items"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "${var.name_prefix}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"
  attribute {
    name = "orderId"
    type = "S"
  }
}

resource "aws_s3_bucket" "images" {
  bucket = "${var.name_prefix}-images"
}

resource "aws_s3_bucket" "receipts" {
  bucket = "${var.name_prefix}-receipts"
}

resource "aws_s3_bucket" "reports" {
  bucket = "${var.name_prefix}-reports"
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudwatch_event_bus" "shop_events" {
  name        = "shop-events"
  description = "The shop's business events: orders placed, paid, shipped"
}

data "archive_file" "charge_payment" {
  type        = "zip"
  source_dir  = "${path.module}/functions/chargePayment"
  output_path = "${path.module}/build/chargePayment.zip"
}

resource "aws_iam_role" "charge_payment" {
  name               = "${var.name_prefix}-charge-payment"
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

resource "aws_iam_role_policy_attachment" "charge_payment_logs" {
  role       = aws_iam_role.charge_payment.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "charge_payment" {
  function_name    = "${var.name_prefix}-chargePayment"
  role             = aws_iam_role.charge_payment.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 10
  description      = "Charges an order's total (simulated payment provider)"
  filename         = data.archive_file.charge_payment.output_path
  source_code_hash = data.archive_file.charge_payment.output_base64sha256
}

data "archive_file" "create_order" {
  type        = "zip"
  source_dir  = "${path.module}/functions/createOrder"
  output_path = "${path.module}/build/createOrder.zip"
}

resource "aws_iam_role" "create_order" {
  name               = "${var.name_prefix}-create-order"
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

resource "aws_iam_role_policy_attachment" "create_order_logs" {
  role       = aws_iam_role.create_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "create_order" {
  name   = "access"
  role   = aws_iam_role.create_order.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
        Resource = aws_sqs_queue.orders_queue.arn
      },
    ]
  })
}

resource "aws_lambda_function" "create_order" {
  function_name    = "${var.name_prefix}-createOrder"
  role             = aws_iam_role.create_order.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["arm64"]
  memory_size      = 256
  timeout          = 10
  description      = "Validates an order and queues it"
  filename         = data.archive_file.create_order.output_path
  source_code_hash = data.archive_file.create_order.output_base64sha256
  environment {
    variables = {
      ORDERS_QUEUE = aws_sqs_queue.orders_queue.name
    }
  }
}

resource "aws_apigatewayv2_integration" "create_order_create_order_route" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.create_order.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "create_order_create_order_route" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.create_order_create_order_route.id}"
}

resource "aws_lambda_permission" "create_order_create_order_route" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.create_order.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

data "archive_file" "daily_report" {
  type        = "zip"
  source_dir  = "${path.module}/functions/dailyReport"
  output_path = "${path.module}/build/dailyReport.zip"
}

resource "aws_iam_role" "daily_report" {
  name               = "${var.name_prefix}-daily-report"
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

resource "aws_iam_role_policy_attachment" "daily_report_logs" {
  role       = aws_iam_role.daily_report.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "daily_report" {
  name   = "access"
  role   = aws_iam_role.daily_report.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"]
        Resource = aws_dynamodb_table.orders.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:DeleteObject"]
        Resource = "${aws_s3_bucket.reports.arn}/*"
      },
    ]
  })
}

resource "aws_lambda_function" "daily_report" {
  function_name    = "${var.name_prefix}-dailyReport"
  role             = aws_iam_role.daily_report.arn
  handler          = "report.handler"
  runtime          = "python3.12"
  architectures    = ["arm64"]
  memory_size      = 1024
  timeout          = 300
  description      = "Writes yesterday's sales report as CSV"
  filename         = data.archive_file.daily_report.output_path
  source_code_hash = data.archive_file.daily_report.output_base64sha256
  environment {
    variables = {
      ORDERS_TABLE   = aws_dynamodb_table.orders.name
      REPORTS_BUCKET = aws_s3_bucket.reports.bucket
    }
  }
}

resource "aws_cloudwatch_event_rule" "daily_report_nightly" {
  name                = "${var.name_prefix}-nightly"
  schedule_expression = "cron(0 2 * * ? *)"
  description         = "Every night at 02:00 UTC"
  state               = "ENABLED"
}

resource "aws_cloudwatch_event_target" "daily_report_nightly" {
  rule = aws_cloudwatch_event_rule.daily_report_nightly.name
  arn  = aws_lambda_function.daily_report.arn
}

resource "aws_lambda_permission" "daily_report_nightly" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.daily_report.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.daily_report_nightly.arn
}

data "archive_file" "describe_image" {
  type        = "zip"
  source_dir  = "${path.module}/functions/describeImage"
  output_path = "${path.module}/build/describeImage.zip"
}

resource "aws_iam_role" "describe_image" {
  name               = "${var.name_prefix}-describe-image"
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

resource "aws_iam_role_policy_attachment" "describe_image_logs" {
  role       = aws_iam_role.describe_image.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "describe_image" {
  name   = "access"
  role   = aws_iam_role.describe_image.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
        Resource = aws_dynamodb_table.image_metadata.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = aws_s3_bucket.images.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "${aws_s3_bucket.images.arn}/*"
      },
    ]
  })
}

resource "aws_lambda_function" "describe_image" {
  function_name    = "${var.name_prefix}-describeImage"
  role             = aws_iam_role.describe_image.arn
  handler          = "describe.handler"
  runtime          = "python3.11"
  architectures    = ["arm64"]
  memory_size      = 512
  timeout          = 30
  description      = "Reads an uploaded image's header and records its size"
  filename         = data.archive_file.describe_image.output_path
  source_code_hash = data.archive_file.describe_image.output_base64sha256
  environment {
    variables = {
      IMAGE_METADATA_TABLE = aws_dynamodb_table.image_metadata.name
    }
  }
}

resource "aws_lambda_permission" "describe_image_images" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.describe_image.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.images.arn
}

data "archive_file" "get_item" {
  type        = "zip"
  source_dir  = "${path.module}/functions/getItem"
  output_path = "${path.module}/build/getItem.zip"
}

resource "aws_iam_role" "get_item" {
  name               = "${var.name_prefix}-get-item"
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

resource "aws_iam_role_policy_attachment" "get_item_logs" {
  role       = aws_iam_role.get_item.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "get_item" {
  name   = "access"
  role   = aws_iam_role.get_item.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"]
        Resource = aws_dynamodb_table.items.arn
      },
    ]
  })
}

resource "aws_lambda_function" "get_item" {
  function_name    = "${var.name_prefix}-getItem"
  role             = aws_iam_role.get_item.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["arm64"]
  memory_size      = 256
  timeout          = 5
  description      = "Returns one catalogue item by id"
  filename         = data.archive_file.get_item.output_path
  source_code_hash = data.archive_file.get_item.output_base64sha256
  environment {
    variables = {
      ITEMS_TABLE = aws_dynamodb_table.items.name
    }
  }
}

resource "aws_apigatewayv2_integration" "get_item_get_item_route" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.get_item.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "get_item_get_item_route" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items/{id}"
  target    = "integrations/${aws_apigatewayv2_integration.get_item_get_item_route.id}"
}

resource "aws_lambda_permission" "get_item_get_item_route" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.get_item.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

data "archive_file" "get_order" {
  type        = "zip"
  source_dir  = "${path.module}/functions/getOrder"
  output_path = "${path.module}/build/getOrder.zip"
}

resource "aws_iam_role" "get_order" {
  name               = "${var.name_prefix}-get-order"
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

resource "aws_iam_role_policy_attachment" "get_order_logs" {
  role       = aws_iam_role.get_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "get_order" {
  name   = "access"
  role   = aws_iam_role.get_order.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"]
        Resource = aws_dynamodb_table.orders.arn
      },
    ]
  })
}

resource "aws_lambda_function" "get_order" {
  function_name    = "${var.name_prefix}-getOrder"
  role             = aws_iam_role.get_order.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["arm64"]
  memory_size      = 256
  timeout          = 5
  description      = "Returns one order to the shop's staff"
  filename         = data.archive_file.get_order.output_path
  source_code_hash = data.archive_file.get_order.output_base64sha256
  environment {
    variables = {
      ORDERS_TABLE = aws_dynamodb_table.orders.name
    }
  }
}

resource "aws_apigatewayv2_integration" "get_order_get_order_route" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.get_order.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "get_order_get_order_route" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /orders/{orderId}"
  target             = "integrations/${aws_apigatewayv2_integration.get_order_get_order_route.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.staff_authorizer.id
}

resource "aws_lambda_permission" "get_order_get_order_route" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.get_order.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

data "archive_file" "notify_customer" {
  type        = "zip"
  source_dir  = "${path.module}/functions/notifyCustomer"
  output_path = "${path.module}/build/notifyCustomer.zip"
}

resource "aws_iam_role" "notify_customer" {
  name               = "${var.name_prefix}-notify-customer"
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

resource "aws_iam_role_policy_attachment" "notify_customer_logs" {
  role       = aws_iam_role.notify_customer.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "notify_customer" {
  name   = "access"
  role   = aws_iam_role.notify_customer.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = aws_sqs_queue.notify_failures.arn
      },
    ]
  })
}

resource "aws_lambda_function" "notify_customer" {
  function_name    = "${var.name_prefix}-notifyCustomer"
  role             = aws_iam_role.notify_customer.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 10
  description      = "Composes the order confirmation e-mail"
  filename         = data.archive_file.notify_customer.output_path
  source_code_hash = data.archive_file.notify_customer.output_base64sha256
  environment {
    variables = {
      SENDER_ADDRESS = "orders@shop.example"
      MAIL_API_KEY   = var.notify_customer_mail_api_key
    }
  }
}

resource "aws_lambda_function_event_invoke_config" "notify_customer" {
  function_name                = aws_lambda_function.notify_customer.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600
  destination_config {
    on_failure {
      destination = aws_sqs_queue.notify_failures.arn
    }
  }
}

resource "aws_sns_topic_subscription" "notify_customer_order_events" {
  topic_arn = aws_sns_topic.order_events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.notify_customer.arn
}

resource "aws_lambda_permission" "notify_customer_order_events" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.notify_customer.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.order_events.arn
}

data "archive_file" "process_order" {
  type        = "zip"
  source_dir  = "${path.module}/functions/processOrder"
  output_path = "${path.module}/build/processOrder.zip"
}

resource "aws_iam_role" "process_order" {
  name               = "${var.name_prefix}-process-order"
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

resource "aws_iam_role_policy_attachment" "process_order_logs" {
  role       = aws_iam_role.process_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "process_order" {
  name   = "access"
  role   = aws_iam_role.process_order.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = aws_sns_topic.order_events.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
        Resource = aws_dynamodb_table.orders.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:DeleteObject"]
        Resource = "${aws_s3_bucket.receipts.arn}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["events:PutEvents"]
        Resource = aws_cloudwatch_event_bus.shop_events.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        Resource = aws_sqs_queue.orders_queue.arn
      },
    ]
  })
}

resource "aws_lambda_function" "process_order" {
  function_name    = "${var.name_prefix}-processOrder"
  role             = aws_iam_role.process_order.arn
  handler          = "app.handler"
  runtime          = "python3.12"
  architectures    = ["arm64"]
  memory_size      = 512
  timeout          = 30
  description      = "Stores the order, writes a receipt and announces it on the topic and the event bus"
  filename         = data.archive_file.process_order.output_path
  source_code_hash = data.archive_file.process_order.output_base64sha256
  environment {
    variables = {
      ORDERS_TABLE           = aws_dynamodb_table.orders.name
      RECEIPTS_BUCKET        = aws_s3_bucket.receipts.bucket
      ORDER_EVENTS_TOPIC_ARN = aws_sns_topic.order_events.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "process_order_orders_queue" {
  event_source_arn        = aws_sqs_queue.orders_queue.arn
  function_name           = aws_lambda_function.process_order.arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]
}

data "archive_file" "refund_payment" {
  type        = "zip"
  source_dir  = "${path.module}/functions/refundPayment"
  output_path = "${path.module}/build/refundPayment.zip"
}

resource "aws_iam_role" "refund_payment" {
  name               = "${var.name_prefix}-refund-payment"
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

resource "aws_iam_role_policy_attachment" "refund_payment_logs" {
  role       = aws_iam_role.refund_payment.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "refund_payment" {
  function_name    = "${var.name_prefix}-refundPayment"
  role             = aws_iam_role.refund_payment.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 10
  description      = "Refunds an order's charge when it cannot be fulfilled"
  filename         = data.archive_file.refund_payment.output_path
  source_code_hash = data.archive_file.refund_payment.output_base64sha256
}

resource "aws_s3_bucket_notification" "images" {
  bucket = aws_s3_bucket.images.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.describe_image.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "uploads/"
  }
  depends_on = [aws_lambda_permission.describe_image_images]
}

resource "aws_cloudwatch_event_rule" "big_orders" {
  name           = "${var.name_prefix}-big-orders"
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  event_pattern  = jsonencode({
    detail      = {
      total = [
        {
          numeric = [">", 100]
        },
      ]
    }
    detail-type = ["Order Placed"]
    source      = ["shop.orders"]
  })
  description    = "Orders over 100 go to a person for review"
  state          = "ENABLED"
}

resource "aws_cloudwatch_event_target" "big_orders_order_review" {
  rule           = aws_cloudwatch_event_rule.big_orders.name
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  target_id      = "order-review"
  arn            = aws_sqs_queue.order_review.arn
  input_path     = "$.detail"
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

resource "aws_sqs_queue_policy" "order_review_events" {
  queue_url = aws_sqs_queue.order_review.id
  policy    = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.order_review.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = [aws_cloudwatch_event_rule.big_orders.arn]
          }
        }
      },
    ]
  })
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name_prefix
  protocol_type = "HTTP"
  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["GET", "POST"]
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

resource "aws_apigatewayv2_authorizer" "staff_authorizer" {
  api_id           = aws_apigatewayv2_api.http.id
  name             = "StaffAuthorizer"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  jwt_configuration {
    issuer   = "https://${aws_cognito_user_pool.staff.endpoint}"
    audience = [aws_cognito_user_pool_client.staff.id]
  }
}

resource "aws_cognito_user_pool" "staff" {
  name = "${var.name_prefix}-staff"
}

resource "aws_cognito_user_pool_client" "staff" {
  name                  = "${var.name_prefix}-staff-client"
  user_pool_id          = aws_cognito_user_pool.staff.id
  generate_secret       = false
  explicit_auth_flows   = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  access_token_validity = 60
  id_token_validity     = 60
  token_validity_units {
    access_token = "minutes"
    id_token     = "minutes"
  }
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["http://localhost:3000/callback"]
  supported_identity_providers         = ["COGNITO"]
}

resource "aws_cognito_user_group" "staff_managers" {
  name         = "managers"
  user_pool_id = aws_cognito_user_pool.staff.id
}

resource "aws_iam_role" "fulfilment" {
  name               = "${var.name_prefix}-fulfilment"
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

resource "aws_iam_role_policy" "fulfilment" {
  name   = "access"
  role   = aws_iam_role.fulfilment.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.charge_payment.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
        Resource = aws_dynamodb_table.items.arn
      },
      {
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = aws_sns_topic.order_events.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
        Resource = aws_dynamodb_table.orders.arn
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.refund_payment.arn
      },
    ]
  })
}

resource "aws_sfn_state_machine" "fulfilment" {
  name       = "${var.name_prefix}-fulfilment"
  type       = "STANDARD"
  role_arn   = aws_iam_role.fulfilment.arn
  definition = templatefile("${path.module}/workflows/fulfilment.asl.json", {
    chargePayment = aws_lambda_function.charge_payment.arn
    items         = aws_dynamodb_table.items.name
    order-events  = aws_sns_topic.order_events.arn
    orders        = aws_dynamodb_table.orders.name
    refundPayment = aws_lambda_function.refund_payment.arn
  })
}

resource "aws_iam_role" "fulfil_route_fulfilment" {
  name               = "${var.name_prefix}-fulfil-route-fulfilment"
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

resource "aws_iam_role_policy" "fulfil_route_fulfilment" {
  name   = "access"
  role   = aws_iam_role.fulfil_route_fulfilment.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = aws_sfn_state_machine.fulfilment.arn
      },
    ]
  })
}

resource "aws_apigatewayv2_integration" "fulfil_route_fulfilment" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_subtype    = "StepFunctions-StartExecution"
  credentials_arn        = aws_iam_role.fulfil_route_fulfilment.arn
  payload_format_version = "1.0"
  request_parameters     = {
    StateMachineArn = aws_sfn_state_machine.fulfilment.arn
    Input           = "$request.body"
  }
}

resource "aws_apigatewayv2_route" "fulfil_route_fulfilment" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /fulfilments"
  target    = "integrations/${aws_apigatewayv2_integration.fulfil_route_fulfilment.id}"
}
