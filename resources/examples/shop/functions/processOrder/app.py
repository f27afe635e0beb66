"""Stores each queued order, writes its receipt and announces it on the order-events topic."""
import json
import os
from decimal import Decimal

import boto3

# Clients are created once per instance and reused while it stays warm.
dynamodb = boto3.resource("dynamodb")
s3 = boto3.client("s3")
sns = boto3.client("sns")

ORDERS = dynamodb.Table(os.environ["ORDERS_TABLE"])
RECEIPTS_BUCKET = os.environ["RECEIPTS_BUCKET"]
TOPIC_ARN = os.environ["ORDER_EVENTS_TOPIC_ARN"]


def receipt_text(order):
    lines = [f"Receipt for order {order['orderId']}", f"Date: {order['createdAt']}", ""]
    for item in order["items"]:
        amount = Decimal(str(item["unitPrice"])) * item["quantity"]
        lines.append(f"{item['quantity']:>3} x {item['itemId']:<24} {amount:>10.2f}")
    lines += ["", f"{'Total':<30} {Decimal(str(order['total'])):>10.2f}"]
    return "\n".join(lines) + "\n"


def process(order):
    # DynamoDB wants Decimal, not float.
    item = json.loads(json.dumps(order), parse_float=Decimal)
    item["status"] = "received"
    ORDERS.put_item(Item=item, ConditionExpression="attribute_not_exists(orderId)")
    s3.put_object(
        Bucket=RECEIPTS_BUCKET,
        Key=f"receipts/{order['orderId']}.txt",
        Body=receipt_text(order).encode("utf-8"),
        ContentType="text/plain; charset=utf-8",
    )
    sns.publish(
        TopicArn=TOPIC_ARN,
        Subject="order received",
        Message=json.dumps({"type": "order.received", "orderId": order["orderId"], "email": order["email"],
                            "total": order["total"]}),
    )


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        try:
            process(json.loads(record["body"]))
        except Exception as error:  # report the message as failed, keep the rest of the batch
            print(f"order in message {record.get('messageId')} failed: {error!r}")
            failures.append({"itemIdentifier": record["messageId"]})
    # Partial batch response: only the failed messages are retried.
    return {"batchItemFailures": failures}
