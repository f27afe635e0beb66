"""boto3 (Debian's python3-boto3) against the local cloud's endpoint, for a design whose
queue, topic, table and bucket have physical names (issue 23 item 7): each is served under
that name only, and every name, URL and ARN the services answer is the physical one.
tst_physicalnames runs it with NIMBUS_AWS_ENDPOINT set to a running endpoint."""
import os
import unittest

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-east-1",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}


def error_code(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"]
    raise AssertionError("the call succeeded")


class PhysicalNames(unittest.TestCase):
    def test_table(self):
        ddb = boto3.client("dynamodb", **SETTINGS)
        ddb.put_item(TableName="players", Item={"id": {"S": "p1"}, "score": {"N": "7"}})
        self.assertEqual(ddb.get_item(TableName="players", Key={"id": {"S": "p1"}})["Item"]["score"]["N"], "7")
        self.assertEqual(error_code(ddb.get_item, TableName="Players", Key={"id": {"S": "p1"}}),
                         "ResourceNotFoundException")
        table = ddb.describe_table(TableName="players")["Table"]
        self.assertEqual(table["TableName"], "players")
        self.assertTrue(table["TableArn"].endswith(":table/players"))
        names = ddb.list_tables()["TableNames"]
        self.assertIn("players", names)
        self.assertNotIn("Players", names)
        # The high-level resource reads the same table by its name.
        resource = boto3.resource("dynamodb", **SETTINGS).Table("players")
        self.assertEqual(resource.get_item(Key={"id": "p1"})["Item"]["score"], 7)

    def test_queue(self):
        sqs = boto3.client("sqs", **SETTINGS)
        url = sqs.get_queue_url(QueueName="jobs-queue")["QueueUrl"]
        self.assertTrue(url.endswith("/jobs-queue"))
        self.assertEqual(error_code(sqs.get_queue_url, QueueName="Jobs"), "AWS.SimpleQueueService.NonExistentQueue")
        sqs.send_message(QueueUrl=url, MessageBody="hello")
        self.assertEqual(sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"], "hello")
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.assertTrue(arn.endswith(":jobs-queue"))
        urls = sqs.list_queues()["QueueUrls"]
        self.assertIn(url, urls)
        self.assertFalse(any(u.endswith("/Jobs") for u in urls))
        self.assertEqual(sqs.create_queue(QueueName="jobs-queue")["QueueUrl"], url)

    def test_topic(self):
        sns = boto3.client("sns", **SETTINGS)
        arn = sns.create_topic(Name="alerts-topic")["TopicArn"]
        self.assertTrue(arn.endswith(":alerts-topic"))
        sns.publish(TopicArn=arn, Message="hi")
        self.assertEqual(error_code(sns.publish, TopicArn=arn.replace("alerts-topic", "Alerts"), Message="hi"),
                         "NotFound")
        self.assertIn(arn, [t["TopicArn"] for t in sns.list_topics()["Topics"]])

    def test_bucket(self):
        s3 = boto3.client("s3", **SETTINGS)
        s3.put_object(Bucket="my-uploads", Key="a.txt", Body=b"data")
        self.assertEqual(s3.get_object(Bucket="my-uploads", Key="a.txt")["Body"].read(), b"data")
        self.assertEqual(error_code(s3.get_object, Bucket="Uploads", Key="a.txt"), "NoSuchBucket")
        names = [b["Name"] for b in s3.list_buckets()["Buckets"]]
        self.assertIn("my-uploads", names)
        self.assertNotIn("Uploads", names)
        self.assertEqual(s3.list_objects_v2(Bucket="my-uploads")["Name"], "my-uploads")


if __name__ == "__main__":
    unittest.main(verbosity=2)
