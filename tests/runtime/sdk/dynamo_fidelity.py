"""DynamoDB fidelity through Debian's boto3: normalised numbers (as Decimals), a global
index queried and paged with boto3's paginator, transactions with their cancellation
reasons and idempotency tokens, ReturnValuesOnConditionCheckFailure and consumed
capacity, PartiQL statements. tst_dynamofidelity runs it against the design its tests declare (tables
users with indexes byEmail, byTeam and byTeamWithName, orders, accounts, readings)."""
import os
import unittest
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-east-1",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}


class DynamoFidelity(unittest.TestCase):
    def setUp(self):
        self.client = boto3.client("dynamodb", **SETTINGS)
        self.users = boto3.resource("dynamodb", **SETTINGS).Table("users")
        self.accounts = boto3.resource("dynamodb", **SETTINGS).Table("accounts")

    def test_numbers_normalised(self):
        self.client.put_item(TableName="accounts", Item={"id": {"S": "py-n"}, "a": {"N": "1.50"},
                                                           "b": {"N": "007"}, "c": {"N": "1E+2"}})
        item = self.client.get_item(TableName="accounts", Key={"id": {"S": "py-n"}})["Item"]
        self.assertEqual([item["a"]["N"], item["b"]["N"], item["c"]["N"]], ["1.5", "7", "100"])
        self.assertEqual(self.accounts.get_item(Key={"id": "py-n"})["Item"]["a"], Decimal("1.5"))

    def test_index_query_paginated(self):
        with self.users.batch_writer() as batch:
            for i in range(12):
                batch.put_item(Item={"id": f"py{i}", "team": "py-team", "score": i, "bio": "b"})
            batch.put_item(Item={"id": "py-solo", "bio": "no team"})
        paginator = self.client.get_paginator("query")
        ids = []
        pages = 0
        for page in paginator.paginate(TableName="users", IndexName="byTeam",
                                       KeyConditionExpression="team = :t",
                                       ExpressionAttributeValues={":t": {"S": "py-team"}},
                                       PaginationConfig={"PageSize": 5}):
            pages += 1
            for item in page["Items"]:
                self.assertEqual(sorted(item), ["id", "score", "team"])
                ids.append(item["id"]["S"])
        self.assertEqual(ids, [f"py{i}" for i in range(12)])
        self.assertEqual(pages, 3)
        got = self.users.query(IndexName="byTeam", KeyConditionExpression=Key("team").eq("py-team")
                               & Key("score").between(3, 5))
        self.assertEqual([i["id"] for i in got["Items"]], ["py3", "py4", "py5"])
        with self.assertRaises(ClientError) as caught:
            self.users.query(IndexName="byNothing", KeyConditionExpression=Key("team").eq("x"))
        self.assertEqual(caught.exception.response["Error"]["Code"], "ValidationException")

    def test_transaction_cancelled_and_idempotent(self):
        self.accounts.put_item(Item={"id": "py-a", "balance": 3})
        with self.assertRaises(ClientError) as caught:
            self.client.transact_write_items(TransactItems=[
                {"Put": {"TableName": "accounts", "Item": {"id": {"S": "py-b"}}}},
                {"ConditionCheck": {"TableName": "accounts", "Key": {"id": {"S": "py-a"}},
                                    "ConditionExpression": "balance > :z",
                                    "ExpressionAttributeValues": {":z": {"N": "5"}},
                                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}])
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], "TransactionCanceledException")
        self.assertEqual([r["Code"] for r in error["CancellationReasons"]], ["None", "ConditionalCheckFailed"])
        self.assertEqual(error["CancellationReasons"][1]["Item"]["balance"], {"N": "3"})
        self.assertNotIn("Item", self.accounts.get_item(Key={"id": "py-b"}))
        items = [{"Update": {"TableName": "accounts", "Key": {"id": {"S": "py-a"}},
                             "UpdateExpression": "ADD balance :one",
                             "ExpressionAttributeValues": {":one": {"N": "1"}}}}]
        for _ in range(3):
            self.client.transact_write_items(TransactItems=items, ClientRequestToken="py-token")
        self.assertEqual(self.accounts.get_item(Key={"id": "py-a"})["Item"]["balance"], 4)
        with self.assertRaises(ClientError) as caught:
            self.client.transact_write_items(TransactItems=items[:0] + [
                {"Put": {"TableName": "accounts", "Item": {"id": {"S": "py-c"}}}}], ClientRequestToken="py-token")
        self.assertEqual(caught.exception.response["Error"]["Code"], "IdempotentParameterMismatchException")

    def test_condition_failure_and_capacity(self):
        self.accounts.put_item(Item={"id": "py-lock", "owner": "ann"})
        # Debian's botocore may predate ReturnValuesOnConditionCheckFailure on DeleteItem
        # (its transactions have it, tested above): it is sent when the model knows it.
        model = self.client.meta.service_model.operation_model("DeleteItem").input_shape.members
        asked = "ReturnValuesOnConditionCheckFailure" in model
        extra = {"ReturnValuesOnConditionCheckFailure": "ALL_OLD"} if asked else {}
        with self.assertRaises(ClientError) as caught:
            self.client.delete_item(TableName="accounts", Key={"id": {"S": "py-lock"}},
                                    ConditionExpression="attribute_not_exists(id)", **extra)
        self.assertEqual(caught.exception.response["Error"]["Code"], "ConditionalCheckFailedException")
        if asked:
            self.assertEqual(caught.exception.response["Item"]["owner"], {"S": "ann"})
        self.assertEqual(self.accounts.get_item(Key={"id": "py-lock"})["Item"]["owner"], "ann")
        got = self.client.get_item(TableName="accounts", Key={"id": {"S": "py-lock"}}, ConsistentRead=True,
                                   ReturnConsumedCapacity="TOTAL")
        self.assertEqual(got["ConsumedCapacity"]["CapacityUnits"], 1.0)

    def test_partiql(self):
        self.client.execute_statement(Statement="INSERT INTO accounts VALUE {'id': ?, 'n': 007}",
                                      Parameters=[{"S": "py-pq"}])
        self.client.execute_statement(Statement='UPDATE "accounts" SET n = n + ? WHERE id = ?',
                                      Parameters=[{"N": "1"}, {"S": "py-pq"}])
        items = self.client.execute_statement(Statement="SELECT * FROM accounts WHERE id = ?",
                                              Parameters=[{"S": "py-pq"}])["Items"]
        self.assertEqual(items, [{"id": {"S": "py-pq"}, "n": {"N": "8"}}])
        with self.assertRaises(ClientError) as caught:
            self.client.execute_statement(Statement="INSERT INTO accounts VALUE {'id': 'py-pq'}")
        self.assertEqual(caught.exception.response["Error"]["Code"], "DuplicateItemException")
        self.client.execute_statement(Statement="DELETE FROM accounts WHERE id = 'py-pq'")
        self.assertNotIn("Item", self.accounts.get_item(Key={"id": "py-pq"}))


if __name__ == "__main__":
    unittest.main(verbosity=2)
