"""boto3 (Debian's python3-boto3, whose SQS client speaks the query protocol) against the
local cloud's endpoint: every operation it serves, with pagination, conditional failures
and error codes. tst_awsendpoint runs it with NIMBUS_AWS_ENDPOINT set to a running
endpoint and the design of tests/runtime/data/aws."""
import os
import time
import unittest
import warnings
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Attr, Key
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


class Sqs(unittest.TestCase):
    def setUp(self):
        self.sqs = boto3.client("sqs", **SETTINGS)
        self.url = self.sqs.get_queue_url(QueueName="jobs")["QueueUrl"]

    def test_send_receive_visibility_delete(self):
        sent = self.sqs.send_message(QueueUrl=self.url, MessageBody="from python",
                                     MessageAttributes={"kind": {"DataType": "String", "StringValue": "py"}})
        self.assertIn("MessageId", sent)
        got = self.sqs.receive_message(QueueUrl=self.url, MaxNumberOfMessages=10, AttributeNames=["All"],
                                       MessageAttributeNames=["All"])["Messages"]
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["Body"], "from python")
        self.assertEqual(got[0]["MessageAttributes"]["kind"]["StringValue"], "py")
        self.assertEqual(got[0]["Attributes"]["ApproximateReceiveCount"], "1")
        self.assertNotIn("Messages", self.sqs.receive_message(QueueUrl=self.url))
        self.sqs.change_message_visibility(QueueUrl=self.url, ReceiptHandle=got[0]["ReceiptHandle"], VisibilityTimeout=0)
        again = self.sqs.receive_message(QueueUrl=self.url)["Messages"][0]
        self.assertEqual(again["MessageId"], got[0]["MessageId"])
        self.sqs.delete_message(QueueUrl=self.url, ReceiptHandle=again["ReceiptHandle"])
        self.assertEqual(error_code(self.sqs.delete_message, QueueUrl=self.url, ReceiptHandle="nonsense"),
                         "ReceiptHandleIsInvalid")

    def test_batches_long_polling_errors(self):
        result = self.sqs.send_message_batch(QueueUrl=self.url, Entries=[
            {"Id": f"e{i}", "MessageBody": f"batch {i}"} for i in range(4)])
        self.assertEqual(sorted(s["Id"] for s in result["Successful"]), ["e0", "e1", "e2", "e3"])
        got = self.sqs.receive_message(QueueUrl=self.url, MaxNumberOfMessages=10)["Messages"]
        self.assertEqual(sorted(m["Body"] for m in got), [f"batch {i}" for i in range(4)])
        deleted = self.sqs.delete_message_batch(QueueUrl=self.url, Entries=[
            {"Id": f"d{i}", "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)])
        self.assertEqual(len(deleted["Successful"]), 4)
        started = time.monotonic()
        self.assertNotIn("Messages", self.sqs.receive_message(QueueUrl=self.url, WaitTimeSeconds=1))
        self.assertGreaterEqual(time.monotonic() - started, 0.9)
        self.assertEqual(error_code(self.sqs.get_queue_url, QueueName="nowhere"),
                         "AWS.SimpleQueueService.NonExistentQueue")
        self.assertEqual(error_code(self.sqs.send_message_batch, QueueUrl=self.url, Entries=[
            {"Id": "same", "MessageBody": "a"}, {"Id": "same", "MessageBody": "b"}]),
            "AWS.SimpleQueueService.BatchEntryIdsNotDistinct")


class DynamoDb(unittest.TestCase):
    def setUp(self):
        self.client = boto3.client("dynamodb", **SETTINGS)
        self.resource = boto3.resource("dynamodb", **SETTINGS)

    def test_types_round_trip(self):
        item = {"id": {"S": "py-types"}, "n": {"N": "-0.000000000000000000000000000000000001"}, "b": {"B": b"\x00\xff"},
                "flag": {"BOOL": False}, "nothing": {"NULL": True}, "m": {"M": {"l": {"L": [{"SS": ["x"]}, {"NS": ["7"]}]}}}}
        self.client.put_item(TableName="things", Item=item)
        self.assertEqual(self.client.get_item(TableName="things", Key={"id": {"S": "py-types"}})["Item"], item)

    def test_conditions_updates(self):
        table = self.resource.Table("things")
        table.put_item(Item={"id": "py-1", "stock": 5, "price": Decimal("9.99")})
        self.assertEqual(error_code(table.put_item, Item={"id": "py-1"}, ConditionExpression="attribute_not_exists(id)"),
                         "ConditionalCheckFailedException")
        new = table.update_item(Key={"id": "py-1"}, UpdateExpression="SET stock = stock - :n, seen = list_append(if_not_exists(seen, :empty), :n_list)",
                                ConditionExpression=Attr("stock").gte(3), ReturnValues="UPDATED_NEW",
                                ExpressionAttributeValues={":n": 3, ":empty": [], ":n_list": [3]})["Attributes"]
        self.assertEqual(new, {"stock": Decimal(2), "seen": [Decimal(3)]})
        self.assertEqual(error_code(table.update_item, Key={"id": "py-1"}, UpdateExpression="SET stock = stock - :n",
                                    ConditionExpression=Attr("stock").gte(3), ExpressionAttributeValues={":n": 3}),
                         "ConditionalCheckFailedException")
        self.assertEqual(error_code(table.get_item, Key={"id": 1}), "ValidationException")
        self.assertEqual(error_code(self.resource.Table("nowhere").get_item, Key={"id": "1"}), "ResourceNotFoundException")

    def test_query_scan_batches(self):
        table = self.resource.Table("docs")
        with table.batch_writer() as batch:
            for i in range(12):
                batch.put_item(Item={"folder": "py", "name": f"n{i:02d}", "size": i})
        pages, names, start = 0, [], None
        while True:
            kwargs = {"KeyConditionExpression": Key("folder").eq("py") & Key("name").between("n02", "n10"), "Limit": 4}
            if start:
                kwargs["ExclusiveStartKey"] = start
            page = table.query(**kwargs)
            names += [i["name"] for i in page["Items"]]
            pages += 1
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        self.assertEqual(names, [f"n{i:02d}" for i in range(2, 11)])
        self.assertEqual(pages, 3)
        newest = table.query(KeyConditionExpression=Key("folder").eq("py") & Key("name").begins_with("n1"), ScanIndexForward=False)
        self.assertEqual([i["name"] for i in newest["Items"]], ["n11", "n10"])
        big = table.scan(FilterExpression=Attr("size").gt(9) & Attr("folder").eq("py"))
        self.assertEqual(sorted(i["name"] for i in big["Items"]), ["n10", "n11"])
        got = self.resource.batch_get_item(RequestItems={"docs": {"Keys": [{"folder": "py", "name": "n00"}, {"folder": "py", "name": "zz"}]}})
        self.assertEqual([i["name"] for i in got["Responses"]["docs"]], ["n00"])
        self.assertEqual(self.client.describe_table(TableName="docs")["Table"]["KeySchema"][1],
                         {"AttributeName": "name", "KeyType": "RANGE"})


class S3(unittest.TestCase):
    def setUp(self):
        self.s3 = boto3.client("s3", **SETTINGS)

    def test_objects(self):
        started = time.monotonic()
        self.s3.put_object(Bucket="files", Key="py/data.bin", Body=b"0123456789abcdef", ContentType="application/x-test")
        # botocore asks "Expect: 100-continue" and would wait a second for the answer.
        self.assertLess(time.monotonic() - started, 0.9)
        self.assertEqual(self.s3.get_object(Bucket="files", Key="py/data.bin", Range="bytes=10-")["Body"].read(), b"abcdef")
        head = self.s3.head_object(Bucket="files", Key="py/data.bin")
        self.assertEqual((head["ContentLength"], head["ContentType"]), (16, "application/x-test"))
        for name in ("a b.txt", "c+d.txt", "e%f.txt"):
            self.s3.put_object(Bucket="files", Key=f"py/odd/{name}", Body=name.encode())
        listed = self.s3.list_objects_v2(Bucket="files", Prefix="py/odd/")
        self.assertEqual([o["Key"] for o in listed["Contents"]], ["py/odd/a b.txt", "py/odd/c+d.txt", "py/odd/e%f.txt"])
        self.assertEqual(self.s3.get_object(Bucket="files", Key="py/odd/c+d.txt")["Body"].read(), b"c+d.txt")
        paginator = self.s3.get_paginator("list_objects_v2")
        keys = [o["Key"] for page in paginator.paginate(Bucket="files", Prefix="py/", PaginationConfig={"PageSize": 2})
                for o in page.get("Contents", [])]
        self.assertEqual(len(keys), 4)
        self.s3.copy_object(Bucket="files", Key="py/copy.bin", CopySource={"Bucket": "files", "Key": "py/data.bin"})
        self.assertEqual(self.s3.get_object(Bucket="files", Key="py/copy.bin")["Body"].read(), b"0123456789abcdef")
        self.s3.delete_object(Bucket="files", Key="py/copy.bin")
        self.assertEqual(error_code(self.s3.get_object, Bucket="files", Key="py/copy.bin"), "NoSuchKey")
        self.assertEqual(error_code(self.s3.head_object, Bucket="files", Key="py/copy.bin"), "404")
        self.assertEqual(error_code(self.s3.list_objects_v2, Bucket="nowhere"), "NoSuchBucket")
        gone = self.s3.delete_objects(Bucket="files", Delete={"Objects": [{"Key": f"py/odd/{n}"} for n in ("a b.txt", "c+d.txt")]})
        self.assertEqual(sorted(d["Key"] for d in gone["Deleted"]), ["py/odd/a b.txt", "py/odd/c+d.txt"])
        self.assertEqual([o["Key"] for o in self.s3.list_objects_v2(Bucket="files", Prefix="py/odd/")["Contents"]],
                         ["py/odd/e%f.txt"])


class Sns(unittest.TestCase):
    def test_publish(self):
        sns = boto3.client("sns", **SETTINGS)
        arn = "arn:aws:sns:us-east-1:000000000000:alerts"
        self.assertIn("MessageId", sns.publish(TopicArn=arn, Message="from python", MessageAttributes={
            "severity": {"DataType": "String", "StringValue": "py-attr"}}))
        batch = sns.publish_batch(TopicArn=arn, PublishBatchRequestEntries=[{"Id": "p1", "Message": "m1"}])
        self.assertEqual([s["Id"] for s in batch["Successful"]], ["p1"])
        self.assertEqual(error_code(sns.publish, TopicArn="arn:aws:sns:us-east-1:000000000000:nowhere", Message="x"), "NotFound")


if __name__ == "__main__":
    warnings.simplefilter("ignore", ResourceWarning)  # botocore keeps its connections open
    unittest.main(verbosity=2, warnings="ignore")
