"""boto3 (Debian's python3-boto3) against the local cloud's endpoint: the calls applications
make at start to make sure their resources exist (issue 23 item 5), on the design of
tests/runtime/data/aws (queue jobs, table things, bucket files, topic alerts) in the region
us-west-2: the design's answer as existing resources do; one the design does not declare
is made for the run (made by code) and then behaves as AWS's would.
tst_startupcalls runs it with NIMBUS_AWS_ENDPOINT set to a running endpoint."""
import os
import unittest

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-west-2",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}


def error_of(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["Error"]["Message"]
    raise AssertionError("the call succeeded")


class StartupCalls(unittest.TestCase):
    def test_queue(self):
        sqs = boto3.client("sqs", **SETTINGS)
        url = sqs.create_queue(QueueName="jobs")["QueueUrl"]
        self.assertTrue(url.endswith("/jobs"))
        sqs.send_message(QueueUrl=url, MessageBody="before")
        sqs.delete_queue(QueueUrl=url)
        self.assertEqual(error_of(sqs.get_queue_url, QueueName="jobs")[0], "AWS.SimpleQueueService.NonExistentQueue")
        self.assertNotIn(url, sqs.list_queues().get("QueueUrls", []))
        self.assertEqual(sqs.create_queue(QueueName="jobs")["QueueUrl"], url)
        self.assertNotIn("Messages", sqs.receive_message(QueueUrl=url))
        # Not in the design: made for the run, used, made again as the same queue, deleted.
        made = sqs.create_queue(QueueName="undeclared", Attributes={"VisibilityTimeout": "45"})["QueueUrl"]
        self.assertTrue(made.endswith("/undeclared"))
        self.assertIn(made, sqs.list_queues()["QueueUrls"])
        self.assertEqual(sqs.get_queue_attributes(QueueUrl=made, AttributeNames=["VisibilityTimeout"])
                         ["Attributes"]["VisibilityTimeout"], "45")
        sqs.send_message(QueueUrl=made, MessageBody="hello")
        self.assertEqual(sqs.receive_message(QueueUrl=made)["Messages"][0]["Body"], "hello")
        self.assertEqual(sqs.create_queue(QueueName="undeclared")["QueueUrl"], made)
        fifo = sqs.create_queue(QueueName="made.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
        self.assertEqual(sqs.get_queue_attributes(QueueUrl=fifo, AttributeNames=["FifoQueue"])
                         ["Attributes"]["FifoQueue"], "true")
        self.assertEqual(error_of(sqs.create_queue, QueueName="bad name")[0], "InvalidParameterValue")
        sqs.delete_queue(QueueUrl=made)
        self.assertEqual(error_of(sqs.get_queue_url, QueueName="undeclared")[0],
                         "AWS.SimpleQueueService.NonExistentQueue")

    def test_table(self):
        ddb = boto3.client("dynamodb", **SETTINGS)
        schema = {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "BillingMode": "PAY_PER_REQUEST"}
        self.assertEqual(error_of(ddb.create_table, TableName="things", **schema)[0], "ResourceInUseException")
        ddb.put_item(TableName="things", Item={"id": {"S": "a"}})
        self.assertEqual(ddb.delete_table(TableName="things")["TableDescription"]["TableStatus"], "DELETING")
        self.assertEqual(error_of(ddb.describe_table, TableName="things")[0], "ResourceNotFoundException")
        self.assertNotIn("things", ddb.list_tables()["TableNames"])
        created = ddb.create_table(TableName="things", **schema)["TableDescription"]
        self.assertEqual(created["TableName"], "things")
        ddb.get_waiter("table_exists").wait(TableName="things", WaiterConfig={"Delay": 1})
        self.assertNotIn("Item", ddb.get_item(TableName="things", Key={"id": {"S": "a"}}))
        ddb.update_table(TableName="things", BillingMode="PAY_PER_REQUEST")
        self.assertEqual(error_of(ddb.update_table, TableName="things", StreamSpecification={"StreamEnabled": False})[0],
                         "NotImplemented")
        # Not in the design: made for the run with the request's keys and index.
        made = ddb.create_table(
            TableName="undeclared",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "at", "AttributeType": "N"},
                                  {"AttributeName": "email", "AttributeType": "S"}],
            GlobalSecondaryIndexes=[{"IndexName": "byEmail",
                                     "KeySchema": [{"AttributeName": "email", "KeyType": "HASH"}],
                                     "Projection": {"ProjectionType": "ALL"}}],
            BillingMode="PAY_PER_REQUEST")["TableDescription"]
        self.assertEqual(made["TableName"], "undeclared")
        ddb.get_waiter("table_exists").wait(TableName="undeclared", WaiterConfig={"Delay": 1})
        self.assertIn("undeclared", ddb.list_tables()["TableNames"])
        ddb.put_item(TableName="undeclared", Item={"pk": {"S": "p"}, "at": {"N": "1"}, "email": {"S": "a@b.c"}})
        found = ddb.query(TableName="undeclared", IndexName="byEmail", KeyConditionExpression="email = :e",
                          ExpressionAttributeValues={":e": {"S": "a@b.c"}})["Items"]
        self.assertEqual(found[0]["pk"], {"S": "p"})
        self.assertEqual(error_of(ddb.create_table, TableName="undeclared", **schema)[0], "ResourceInUseException")
        self.assertEqual(error_of(ddb.create_table, TableName="keyless", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                  AttributeDefinitions=[], BillingMode="PAY_PER_REQUEST")[0], "ValidationException")
        ddb.delete_table(TableName="undeclared")
        self.assertEqual(error_of(ddb.describe_table, TableName="undeclared")[0], "ResourceNotFoundException")

    def test_bucket(self):
        s3 = boto3.client("s3", **SETTINGS)
        config = {"LocationConstraint": "us-west-2"}
        self.assertEqual(error_of(s3.create_bucket, Bucket="files", CreateBucketConfiguration=config)[0],
                         "BucketAlreadyOwnedByYou")
        s3.put_object(Bucket="files", Key="k", Body=b"x")
        self.assertEqual(error_of(s3.delete_bucket, Bucket="files")[0], "BucketNotEmpty")
        s3.delete_object(Bucket="files", Key="k")
        s3.delete_bucket(Bucket="files")
        self.assertEqual(error_of(s3.head_bucket, Bucket="files")[0], "404")
        self.assertNotIn("files", [b["Name"] for b in s3.list_buckets()["Buckets"]])
        s3.create_bucket(Bucket="files", CreateBucketConfiguration=config)
        s3.head_bucket(Bucket="files")
        # Not in the design: made for the run; its owner is told so if it asks again.
        s3.create_bucket(Bucket="undeclared", CreateBucketConfiguration=config)
        s3.put_object(Bucket="undeclared", Key="k", Body=b"made")
        self.assertEqual(s3.get_object(Bucket="undeclared", Key="k")["Body"].read(), b"made")
        self.assertIn("undeclared", [b["Name"] for b in s3.list_buckets()["Buckets"]])
        self.assertEqual(error_of(s3.create_bucket, Bucket="undeclared", CreateBucketConfiguration=config)[0],
                         "BucketAlreadyOwnedByYou")
        self.assertEqual(error_of(s3.create_bucket, Bucket="Not_Valid", CreateBucketConfiguration=config)[0],
                         "InvalidBucketName")
        s3.delete_object(Bucket="undeclared", Key="k")
        s3.delete_bucket(Bucket="undeclared")
        self.assertEqual(error_of(s3.head_bucket, Bucket="undeclared")[0], "404")

    def test_topic(self):
        sns = boto3.client("sns", **SETTINGS)
        arn = sns.create_topic(Name="alerts")["TopicArn"]
        sns.delete_topic(TopicArn=arn)
        self.assertEqual(error_of(sns.publish, TopicArn=arn, Message="x")[0], "NotFound")
        sns.delete_topic(TopicArn=arn)  # as SNS: deleting a missing topic succeeds
        self.assertEqual(sns.create_topic(Name="alerts")["TopicArn"], arn)
        sns.publish(TopicArn=arn, Message="x")
        # Not in the design: made for the run, the same ARN when asked again.
        made = sns.create_topic(Name="undeclared")["TopicArn"]
        self.assertTrue(made.endswith(":undeclared"))
        self.assertEqual(sns.create_topic(Name="undeclared")["TopicArn"], made)
        self.assertIn(made, [t["TopicArn"] for t in sns.list_topics()["Topics"]])
        sns.publish(TopicArn=made, Message="x")
        sns.delete_topic(TopicArn=made)
        self.assertEqual(error_of(sns.publish, TopicArn=made, Message="x")[0], "NotFound")


if __name__ == "__main__":
    unittest.main(verbosity=2)
