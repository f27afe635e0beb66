"""boto3 against the local cloud's SNS subscriptions as applications make them: a queue
subscribed to a topic through a filter policy on message attributes, raw and in SNS's
envelope, a payload filter (FilterPolicyScope MessageBody), MessageStructure json per
protocol, list_subscriptions_by_topic, get_topic_attributes, set_subscription_attributes
and unsubscribe. tst_awsendpoint runs it with NIMBUS_AWS_ENDPOINT set to a running
endpoint serving tests/runtime/data/aws (topic alerts, queue jobs)."""
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
FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:onAlert"


class SnsSubscriptions(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)
        self.sns = boto3.client("sns", **SETTINGS)
        self.sqs = boto3.client("sqs", **SETTINGS)
        self.queue = self.sqs.get_queue_url(QueueName="jobs")["QueueUrl"]

    def drain(self):
        bodies = []
        while True:
            got = self.sqs.receive_message(QueueUrl=self.queue, MaxNumberOfMessages=10,
                                           MessageAttributeNames=["All"]).get("Messages", [])
            if not got:
                return bodies
            for m in got:
                bodies.append(m)
                self.sqs.delete_message(QueueUrl=self.queue, ReceiptHandle=m["ReceiptHandle"])

    def test_fan_out_through_filter_policies(self):
        arn = self.sns.subscribe(TopicArn=TOPIC, Protocol="sqs", Endpoint=QUEUE_ARN, ReturnSubscriptionArn=True,
                                 Attributes={"FilterPolicy": json.dumps({"severity": ["high"],
                                                                         "amount": [{"numeric": [">=", 100]}]}),
                                             "RawMessageDelivery": "true"})["SubscriptionArn"]
        # After the subscription of the design's connection alerts -> onAlert.
        listed = self.sns.list_subscriptions_by_topic(TopicArn=TOPIC)["Subscriptions"]
        self.assertEqual([(s["SubscriptionArn"], s["Protocol"], s["Endpoint"]) for s in listed][1:],
                         [(arn, "sqs", QUEUE_ARN)])
        self.assertEqual([(s["Protocol"], s["Endpoint"]) for s in listed][:1], [("lambda", FUNCTION_ARN)])
        attributes = self.sns.get_topic_attributes(TopicArn=TOPIC)["Attributes"]
        self.assertEqual(attributes["SubscriptionsConfirmed"], "2")
        self.assertEqual(attributes["TopicArn"], TOPIC)
        for severity, amount in (("high", "150"), ("low", "150"), ("high", "50")):
            self.sns.publish(TopicArn=TOPIC, Message=f"{severity} {amount}", MessageAttributes={
                "severity": {"DataType": "String", "StringValue": severity},
                "amount": {"DataType": "Number", "StringValue": amount}})
        got = self.drain()
        self.assertEqual([m["Body"] for m in got], ["high 150"])
        self.assertEqual(got[0]["MessageAttributes"]["severity"]["StringValue"], "high")
        # In SNS's envelope, through a payload filter.
        self.sns.set_subscription_attributes(SubscriptionArn=arn, AttributeName="RawMessageDelivery",
                                             AttributeValue="false")
        self.sns.set_subscription_attributes(SubscriptionArn=arn, AttributeName="FilterPolicyScope",
                                             AttributeValue="MessageBody")
        self.sns.set_subscription_attributes(SubscriptionArn=arn, AttributeName="FilterPolicy",
                                             AttributeValue=json.dumps({"order": {"total": [{"numeric": [">", 100]}]}}))
        details = self.sns.get_subscription_attributes(SubscriptionArn=arn)["Attributes"]
        self.assertEqual((details["RawMessageDelivery"], details["FilterPolicyScope"]), ("false", "MessageBody"))
        for total in (150, 20):
            self.sns.publish(TopicArn=TOPIC, Message=json.dumps({"order": {"total": total}}), Subject="order")
        got = self.drain()
        self.assertEqual(len(got), 1)
        envelope = json.loads(got[0]["Body"])
        self.assertEqual(envelope["Type"], "Notification")
        self.assertEqual(envelope["TopicArn"], TOPIC)
        self.assertEqual(envelope["Subject"], "order")
        self.assertEqual(json.loads(envelope["Message"]), {"order": {"total": 150}})
        self.assertIn(arn, envelope["UnsubscribeURL"])
        self.sns.unsubscribe(SubscriptionArn=arn)
        self.assertEqual([s["Endpoint"] for s in self.sns.list_subscriptions()["Subscriptions"]], [FUNCTION_ARN])

    def test_message_structure_json(self):
        arn = self.sns.subscribe(TopicArn=TOPIC, Protocol="sqs", Endpoint=QUEUE_ARN,
                                 Attributes={"RawMessageDelivery": "true"})["SubscriptionArn"]
        self.sns.publish(TopicArn=TOPIC, MessageStructure="json",
                         Message=json.dumps({"default": "for everyone", "sqs": "for queues", "lambda": "for functions"}))
        self.assertEqual([m["Body"] for m in self.drain()], ["for queues"])
        with self.assertRaises(self.sns.exceptions.InvalidParameterException):
            self.sns.publish(TopicArn=TOPIC, MessageStructure="json", Message=json.dumps({"sqs": "no default"}))
        self.sns.unsubscribe(SubscriptionArn=arn)


if __name__ == "__main__":
    unittest.main()
