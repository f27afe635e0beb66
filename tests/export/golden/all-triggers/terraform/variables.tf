variable "region" {
  description = "AWS region to deploy to"
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name"
  type        = string
  default     = "all-triggers"
}

variable "worker_db_password" {
  description = "Secret DB_PASSWORD of the function worker"
  type        = string
  sensitive   = true
}
