"""Stores each queued order, writes its receipt and announces it on the order-events topic and,
as "Order Placed", on the shop-events bus (whose big-orders rule sends orders over 100 to review)."""
import json
import os
from decimal import Decimal

import boto3

# Clients are created once per instance and reused while it stays warm.
dynamodb = boto3.resource("dynamodb")
s3 = boto3.client("s3")
sns = boto3.client("sns")
events = boto3.client("events")

ORDERS = dynamodb.Table(os.environ["ORDERS_TABLE"])
RECEIPTS_BUCKET = os.environ["RECEIPTS_BUCKET"]
TOPIC_ARN = os.environ["ORDER_EVENTS_TOPIC_ARN"]
# Set by the connection to the bus, locally and in the exported templates.
BUS_NAME = os.environ.get("SHOP_EVENTS_EVENT_BUS_NAME", "shop-events")


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
    placed = events.put_events(Entries=[{
        "EventBusName": BUS_NAME,
        "Source": "shop.orders",
        "DetailType": "Order Placed",
        "Detail": json.dumps({"orderId": order["orderId"], "customerId": order["customerId"], "total": order["total"]}),
    }])
    if placed["FailedEntryCount"]:
        raise RuntimeError(f"the bus refused the event: {placed['Entries'][0].get('ErrorMessage')}")


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
