"""boto3 (Debian's python3-boto3, whose SQS client speaks the query protocol) against the
local cloud's endpoint: every queue attribute as SQS answers it, SetQueueAttributes for the
run, tags, and message bodies with characters SQS refuses (issue 23 item 3), on the design
of tests/runtime/data/aws (queue jobs: visibility 30 s, maxReceiveCount 2). tst_sqsattributes
runs it with NIMBUS_AWS_ENDPOINT set to a running endpoint."""
import json
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


class QueueAttributes(unittest.TestCase):
    def setUp(self):
        self.sqs = boto3.client("sqs", **SETTINGS)
        self.url = self.sqs.get_queue_url(QueueName="jobs")["QueueUrl"]

    def test_every_attribute(self):
        attributes = self.sqs.get_queue_attributes(QueueUrl=self.url, AttributeNames=["All"])["Attributes"]
        for name in ["VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod", "DelaySeconds",
                     "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "CreatedTimestamp", "LastModifiedTimestamp",
                     "QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                     "ApproximateNumberOfMessagesDelayed", "SqsManagedSseEnabled"]:
            self.assertIn(name, attributes)
        self.assertEqual(attributes["VisibilityTimeout"], "30")
        redrive = json.loads(attributes["RedrivePolicy"])
        self.assertEqual(redrive["maxReceiveCount"], 2)
        self.assertTrue(redrive["deadLetterTargetArn"].endswith(":jobs-dlq"))
        one = self.sqs.get_queue_attributes(QueueUrl=self.url, AttributeNames=["DelaySeconds"])["Attributes"]
        self.assertEqual(one, {"DelaySeconds": "0"})

    def test_set_for_the_run(self):
        self.sqs.set_queue_attributes(QueueUrl=self.url, Attributes={"VisibilityTimeout": "0",
                                                                      "MaximumMessageSize": "1024"})
        attributes = self.sqs.get_queue_attributes(QueueUrl=self.url, AttributeNames=["All"])["Attributes"]
        self.assertEqual(attributes["VisibilityTimeout"], "0")
        self.sqs.send_message(QueueUrl=self.url, MessageBody="again")
        first = self.sqs.receive_message(QueueUrl=self.url)["Messages"][0]
        second = self.sqs.receive_message(QueueUrl=self.url)["Messages"][0]
        self.assertEqual(first["MessageId"], second["MessageId"])
        self.assertEqual(error_code(self.sqs.send_message, QueueUrl=self.url, MessageBody="x" * 2000),
                         "InvalidParameterValue")
        self.assertEqual(error_code(self.sqs.set_queue_attributes, QueueUrl=self.url,
                                    Attributes={"VisibilityTimeout": "50000"}), "InvalidAttributeValue")
        self.assertEqual(error_code(self.sqs.set_queue_attributes, QueueUrl=self.url,
                                    Attributes={"Frobnicate": "1"}), "InvalidAttributeName")
        self.sqs.set_queue_attributes(QueueUrl=self.url, Attributes={"VisibilityTimeout": "30",
                                                                      "MaximumMessageSize": "262144"})

    def test_tags(self):
        self.sqs.tag_queue(QueueUrl=self.url, Tags={"team": "orders", "stage": "dev"})
        self.sqs.untag_queue(QueueUrl=self.url, TagKeys=["stage"])
        self.assertEqual(self.sqs.list_queue_tags(QueueUrl=self.url)["Tags"], {"team": "orders"})

    def test_invalid_characters(self):
        self.assertEqual(error_code(self.sqs.send_message, QueueUrl=self.url, MessageBody="a\x00b"),
                         "InvalidMessageContents")
        self.assertEqual(error_code(self.sqs.send_message, QueueUrl=self.url, MessageBody="\x1b[0m"),
                         "InvalidMessageContents")
        self.sqs.send_message(QueueUrl=self.url, MessageBody="tab\tand emoji \U0001F389")


if __name__ == "__main__":
    unittest.main(verbosity=2)
