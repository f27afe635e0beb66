"""boto3 against SNS subscriptions drawn as connections: tests/runtime/data/aws with the
connection alerts -> jobs (delivers, filter policy {"severity": ["high"]} on the message
attributes, SNS's envelope) that tst_snsconnections draws before running this. The
subscription is listed and described as SNS does, Subscribe of the same queue answers it,
and publishes reach the queue through its filter policy. NIMBUS_AWS_ENDPOINT names the
running endpoint."""
import json
import os
import unittest
import warnings

import boto3

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-east-1",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}
TOPIC = "arn:aws:sns:us-east-1:000000000000:alerts"
QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:jobs"


class SnsConnections(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)
        self.sns = boto3.client("sns", **SETTINGS)
        self.sqs = boto3.client("sqs", **SETTINGS)
        self.queue = self.sqs.get_queue_url(QueueName="jobs")["QueueUrl"]

    def test_connection_is_a_subscription(self):
        listed = self.sns.list_subscriptions_by_topic(TopicArn=TOPIC)["Subscriptions"]
        queues = [s for s in listed if s["Protocol"] == "sqs"]
        self.assertEqual([s["Endpoint"] for s in queues], [QUEUE_ARN])
        arn = queues[0]["SubscriptionArn"]
        self.assertTrue(arn.startswith(TOPIC + ":"))
        attributes = self.sns.get_subscription_attributes(SubscriptionArn=arn)["Attributes"]
        self.assertEqual(json.loads(attributes["FilterPolicy"]), {"severity": ["high"]})
        self.assertEqual(attributes["FilterPolicyScope"], "MessageAttributes")
        self.assertEqual(attributes["RawMessageDelivery"], "false")
        # An application subscribing the same queue at start gets the connection's subscription.
        again = self.sns.subscribe(TopicArn=TOPIC, Protocol="sqs", Endpoint=QUEUE_ARN,
                                   ReturnSubscriptionArn=True)["SubscriptionArn"]
        self.assertEqual(again, arn)
        self.assertEqual(len(self.sns.list_subscriptions_by_topic(TopicArn=TOPIC)["Subscriptions"]), len(listed))
        for severity in ("low", "high"):
            self.sns.publish(TopicArn=TOPIC, Message=f"{severity} one", Subject="alert", MessageAttributes={
                "severity": {"DataType": "String", "StringValue": severity}})
        got = self.sqs.receive_message(QueueUrl=self.queue, MaxNumberOfMessages=10).get("Messages", [])
        self.assertEqual(len(got), 1)
        envelope = json.loads(got[0]["Body"])
        self.assertEqual(envelope["Type"], "Notification")
        self.assertEqual(envelope["TopicArn"], TOPIC)
        self.assertEqual(envelope["Subject"], "alert")
        self.assertEqual(envelope["Message"], "high one")
        self.assertEqual(envelope["MessageAttributes"]["severity"], {"Type": "String", "Value": "high"})
        self.assertIn(arn, envelope["UnsubscribeURL"])


if __name__ == "__main__":
    unittest.main()
