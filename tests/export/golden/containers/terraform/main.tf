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
  name                      = "${var.name_prefix}-jobs-dead-letters"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  name                       = "${var.name_prefix}-jobs"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  redrive_policy             = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dead_letters.arn
    maxReceiveCount     = 5
  })
}
