variable "region" {
  description = "AWS region to deploy to"
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name"
  type        = string
  default     = "shop"
}

variable "notify_customer_mail_api_key" {
  description = "Secret MAIL_API_KEY of the function notifyCustomer"
  type        = string
  sensitive   = true
}
