"""Writes the previous day's sales report (orders, revenue, best sellers) to the reports bucket as CSV."""
import csv
import io
import os
from collections import Counter
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Attr

ORDERS = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
REPORTS_BUCKET = os.environ["REPORTS_BUCKET"]
s3 = boto3.client("s3")


def orders_of(day):
    """All orders created on day (YYYY-MM-DD), following scan pages."""
    kwargs = {"FilterExpression": Attr("createdAt").begins_with(day)}
    while True:
        page = ORDERS.scan(**kwargs)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def build_report(orders):
    revenue = Decimal(0)
    sold = Counter()
    count = 0
    for order in orders:
        count += 1
        revenue += Decimal(str(order["total"]))
        for item in order.get("items", []):
            sold[item["itemId"]] += int(item["quantity"])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["metric", "value"])
    writer.writerow(["orders", count])
    writer.writerow(["revenue", f"{revenue:.2f}"])
    for item_id, quantity in sold.most_common(10):
        writer.writerow([f"sold:{item_id}", quantity])
    return out.getvalue(), count, revenue


def handler(event, context):
    # The scheduled event's time is when the rule fired; report on the day before.
    fired = datetime.fromisoformat(event.get("time", datetime.now(timezone.utc).isoformat()).replace("Z", "+00:00"))
    day = (fired - timedelta(days=1)).strftime("%Y-%m-%d")
    body, count, revenue = build_report(orders_of(day))
    key = f"daily/{day}.csv"
    s3.put_object(Bucket=REPORTS_BUCKET, Key=key, Body=body.encode("utf-8"), ContentType="text/csv")
    return {"day": day, "orders": count, "revenue": str(revenue), "report": f"s3://{REPORTS_BUCKET}/{key}"}
