"""Writes an object and an item through boto3, as a handler on Lambda would."""
import os

import boto3

s3 = boto3.client("s3")
table = boto3.resource("dynamodb").Table(os.environ["THINGS_TABLE"])


def handler(event, context):
    s3.put_object(Bucket=os.environ["FILES_BUCKET"], Key=f"py/{event['id']}.txt", Body=b"from python")
    table.put_item(Item={"id": event["id"], "by": "pywriter"})
    return {"endpoint": s3.meta.endpoint_url}
